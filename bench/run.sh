#!/usr/bin/env bash
# `husk run --rm IMG true` against `podman run --rm IMG true` (same busybox image
# from the local registry, both warm: image pulled, pause process running) and
# against the floor `unshare -Urmpf --mount-proc true`, all as the same
# unprivileged user; hyperfine, RUNS runs each, medians and ratios; then husk's
# peak RSS during a run.
#
# Run as root. Needs: hyperfine, podman, runc, docker-registry, uidmap, busybox-static,
# GNU time (apt-get install hyperfine podman runc docker-registry uidmap busybox-static time).
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

u="setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=$home XDG_RUNTIME_DIR=$home/run"
hyperfine -N -w 5 -r "$runs" --export-json "$work/run.json" \
    -n husk "$u $work/husk run --rm $image true" \
    -n podman "$u podman run --rm $podman_rt $image true" \
    -n floor "$u unshare -Urmpf --mount-proc true" > "$work/hyperfine.txt"
python3 - "$work/run.json" <<'PY'
import json, statistics, sys
r = {x["command"]: statistics.median(x["times"]) * 1000 for x in json.load(open(sys.argv[1]))["results"]}
print(f"median: husk {r['husk']:.1f} ms, podman {r['podman']:.1f} ms, floor {r['floor']:.1f} ms")
print(f"husk/podman {r['husk'] / r['podman']:.3f} (target <= 0.1), husk/floor {r['husk'] / r['floor']:.2f} (target <= 5)")
PY
rss=()
for i in 1 2 3 4 5; do
    as_user /usr/bin/time -f "%M" -o "$home/run/rss" "$work/husk" run --rm "$image" true
    rss+=("$(cat "$home/run/rss")")
done
echo "husk peak RSS during a run (median of 5): $(( $(median "${rss[@]}") / 1024 )) MiB"
as_user podman rmi -af > /dev/null 2>&1 || true
