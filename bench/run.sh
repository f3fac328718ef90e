#!/usr/bin/env bash
# `husk run --rm IMG true` against `podman run --rm IMG true` (same busybox image
# from the local registry, both warm: image pulled, pause process running) and
# against the floor `unshare -Urmpf --mount-proc true`, all as the same
# unprivileged user; RUNS rounds in turn, medians and ratios; then husk's peak
# RSS during a run.
#
# Run as root. Needs: python3, podman, runc, docker-registry, uidmap, busybox-static,
# GNU time (apt-get install python3 podman runc docker-registry uidmap busybox-static time).
# podman's default runtime, crun, refuses a machine whose cgroup v2 hierarchy has
# controllers while v1 is mounted (as here); podman then runs with --runtime runc.
runs=${RUNS:-40}
. "$(dirname "$0")/common.sh"

image=$(busybox_image)

as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
as_user "$work/husk" run --rm "$image" true
podman_rt=""
if ! as_user podman run --rm "$image" true 2> /dev/null; then
    podman_rt="--runtime runc"
    as_user podman run --rm $podman_rt "$image" true
    echo "podman: crun cannot run containers here; measuring podman --runtime runc"
fi

# The three take turns, round after round (bench/interleave.py): the machine's
# drift (its speed swings by half within minutes) biases none of them. The
# user runs interleave.py itself, so that no command's time has setpriv's and
# env's execs in it (1-2 ms each time).
as_user python3 "$(dirname "$0")/interleave.py" run "$runs" \
    "husk=$work/husk run --rm $image true" \
    "podman=podman run --rm $podman_rt $image true" \
    "floor=unshare -Urmpf --mount-proc true" | tee "$work/run.txt"
python3 - "$work/run.txt" <<'PY'
import sys
r = {name: float(ms) for name, ms in (l.split() for l in open(sys.argv[1]))}
print(f"median: husk {r['husk']:.1f} ms, podman {r['podman']:.1f} ms, floor {r['floor']:.1f} ms")
print(f"husk/podman {r['husk'] / r['podman']:.3f} (target <= 0.1), husk/floor {r['husk'] / r['floor']:.2f} (target <= 2.5), husk {r['husk']:.1f} ms (target <= 10)")
PY
rss=()
for i in 1 2 3 4 5; do
    as_user /usr/bin/time -f "%M" -o "$home/run/rss" "$work/husk" run --rm "$image" true
    rss+=("$(cat "$home/run/rss")")
done
echo "husk peak RSS during a run (median of 5): $(( $(median "${rss[@]}") / 1024 )) MiB"
as_user podman rmi -af > /dev/null 2>&1 || true
