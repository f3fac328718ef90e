#!/usr/bin/env bash
# `husk push` against `podman push` in the same run, as the same unprivileged
# user, to the local TLS registry:
#   - push of an image with a new 32 MiB layer (target: at most 0.5x podman's time):
#     before each run the layer is made anew (random bytes, built with --no-cache),
#   - push of an unchanged image, every blob already there (target: at most 0.2x).
# hyperfine, RUNS runs each, medians and ratios; peak RSS of husk push from GNU time.
#
# Run as root. Needs: hyperfine, podman, runc, docker-registry, uidmap, busybox-static, time
# (apt-get install hyperfine podman runc docker-registry uidmap busybox-static time).
runs=${RUNS:-5}
. "$(dirname "$0")/common.sh"

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
rt=""
as_user podman run --rm "$image" true 2> /dev/null || rt="--runtime runc"

ctx="$home/pushctx"
mkdir -p "$ctx"
printf 'FROM %s\nCOPY data /data\n' "$image" > "$ctx/Dockerfile"
chown -R "$user:$user" "$ctx"
h="$work/husk"
# A new 32 MiB layer in both stores (the build itself is not timed).
new_layer() {
    head -c 33554432 /dev/urandom > "$ctx/data" && chown "$user:$user" "$ctx/data"
    as_user "$h" build -q --no-cache -t bench-push "$ctx" > /dev/null
    as_user podman build $rt -q --no-cache -t bench-push "$ctx" > /dev/null
}
export -f new_layer as_user
export ctx h rt user home

new_layer
dest="$host/bench"
as_user "$h" push -q bench-push "$dest/husk:1"
as_user podman push -q bench-push "$dest/podman:1"

hyperfine -N -w 0 -r "$runs" --export-json "$home/push.json" \
    --prepare "bash -c new_layer" \
    -n "husk new-layer" "setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin HOME=$home XDG_RUNTIME_DIR=$home/run $h push -q bench-push $dest/husk:1" \
    -n "podman new-layer" "setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin HOME=$home XDG_RUNTIME_DIR=$home/run podman push -q bench-push $dest/podman:1" \
    > "$work/push-new.txt"
as_user hyperfine -N -w 1 -r "$runs" --export-json "$home/push2.json" \
    -n "husk unchanged" "$h push -q bench-push $dest/husk:1" \
    -n "podman unchanged" "podman push -q bench-push $dest/podman:1" \
    > "$work/push-unchanged.txt"

python3 - "$home/push.json" "$home/push2.json" <<'PY'
import json, statistics, sys
r = {}
for f in sys.argv[1:]:
    r.update({x["command"]: statistics.median(x["times"]) * 1000 for x in json.load(open(f))["results"]})
for what, target in [("new-layer", 0.5), ("unchanged", 0.2)]:
    husk, podman = r[f"husk {what}"], r[f"podman {what}"]
    print(f"{what:10} husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f} (target <= {target})")
PY
new_layer
kb=$(as_user /usr/bin/time -f %M "$h" push -q bench-push "$dest/husk:2" 2>&1 >/dev/null | tail -1)
awk -v k="$kb" 'BEGIN {printf "peak RSS of husk push (new 32 MiB layer): %.1f MiB\n", k / 1024}'
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
as_user "$h" rmi -af > /dev/null 2>&1 || true
as_user podman rmi -af > /dev/null 2>&1 || true
