#!/usr/bin/env bash
# Where the time of one husk command goes: runs it RUNS times (default 20) with
# HUSK_TIMELINE set, and prints, for each phase mark, the median time since the
# command started and the median step from the mark before (see src/timeline.rs).
# Usage: bench/timeline.sh HUSK-COMMAND-LINE...   e.g.
#   bench/timeline.sh /tmp/husk-bench/husk run --rm busybox true
# Run it as the user who runs husk (or through setpriv/env as bench/common.sh does).
set -euo pipefail
runs=${RUNS:-20}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for i in $(seq "$runs"); do
    HUSK_TIMELINE="$dir/$i" "$@" > /dev/null
done
python3 - "$dir" "$runs" <<'PY'
import os, statistics, sys
d, runs = sys.argv[1], int(sys.argv[2])
series = {}
order = []
for i in range(1, runs + 1):
    lines = [l.split(" ", 2) for l in open(os.path.join(d, str(i))).read().splitlines()]
    lines.sort(key=lambda l: int(l[0]))
    t0 = int(lines[0][0])
    seen = {}
    for t, pid, phase in lines:
        n = seen.get(phase, 0); seen[phase] = n + 1
        key = phase if n == 0 else f"{phase} #{n + 1}"
        if i == 1: order.append(key)
        series.setdefault(key, []).append((int(t) - t0) / 1000)
prev = 0.0
print(f"{'ms since start':>14} {'step':>7}  phase (medians of {runs} runs)")
for key in order:
    at = statistics.median(series[key])
    print(f"{at:14.2f} {at - prev:7.2f}  {key}")
    prev = at
PY
