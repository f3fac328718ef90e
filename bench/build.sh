#!/usr/bin/env bash
# `husk build` against `podman build` (buildah inside) in the same run, as the
# same unprivileged user, both with the base image already pulled:
#   - `build --no-cache` of FROM busybox + RUN + COPY of a small file (target: at most 0.3x podman's time),
#   - a fully cached rebuild of the same (target: at most 0.2x podman's),
#   - `build --no-cache` of a COPY of a 20,000-file context (target: at most 0.5x podman's),
#   - peak RSS of `husk build` for each (target: under 64 MiB), from GNU time.
# hyperfine, RUNS runs each, medians and ratios.
#
# Run as root. Needs: hyperfine, podman, runc, docker-registry, uidmap, busybox-static, time
# (apt-get install hyperfine podman runc docker-registry uidmap busybox-static time).
runs=${RUNS:-10}
needs="hyperfine:hyperfine podman:podman runc:runc /usr/bin/time:time"
. "$(dirname "$0")/common.sh"

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
rt=""
as_user podman run --rm "$image" true 2> /dev/null || rt="--runtime runc"

small="$home/small"; many="$home/many"
mkdir -p "$small" "$many"
echo "a small file" > "$small/file.txt"
printf 'FROM %s\nRUN echo built > /built\nCOPY file.txt /file.txt\n' "$image" > "$small/Dockerfile"
python3 - "$many" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(100):
    os.makedirs(f"{root}/src/d{d}", exist_ok=True)
    for f in range(200):
        with open(f"{root}/src/d{d}/f{f}.txt", "w") as fh:
            fh.write(f"file {d}/{f}\n" * 8)
PY
printf 'FROM %s\nCOPY src /src\n' "$image" > "$many/Dockerfile"
chown -R "$user:$user" "$small" "$many"

h="$work/husk"
# One build of each first: the cached rebuilds find their cache.
as_user "$h" build -q -t bench-small "$small" > /dev/null
as_user podman build $rt -q -t bench-small "$small" > /dev/null

as_user hyperfine -N -w 1 -r "$runs" --export-json "$home/build.json" \
    -n "husk no-cache" "$h build -q --no-cache -t bench-small $small" \
    -n "podman no-cache" "podman build $rt -q --no-cache -t bench-small $small" \
    -n "husk cached" "$h build -q -t bench-small $small" \
    -n "podman cached" "podman build $rt -q -t bench-small $small" \
    -n "husk copy-20k" "$h build -q --no-cache -t bench-many $many" \
    -n "podman copy-20k" "podman build $rt -q --no-cache -t bench-many $many" \
    > "$work/build.txt"

python3 - "$home/build.json" <<'PY'
import json, statistics, sys
r = {x["command"]: statistics.median(x["times"]) * 1000 for x in json.load(open(sys.argv[1]))["results"]}
for what, target in [("no-cache", 0.3), ("cached", 0.2), ("copy-20k", 0.5)]:
    husk, podman = r[f"husk {what}"], r[f"podman {what}"]
    print(f"{what:9} husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f} (target <= {target})")
PY

peak() { as_user /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
for what in "--no-cache $small" "$small" "--no-cache $many"; do
    # shellcheck disable=SC2086
    kb=$(peak "$h" build -q $what)
    awk -v k="$kb" -v w="$what" 'BEGIN {printf "peak RSS of husk build %s: %.1f MiB (target < 64 MiB)\n", w, k / 1024}'
done
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
as_user "$h" rmi -af > /dev/null 2>&1 || true
as_user podman rmi -af > /dev/null 2>&1 || true
