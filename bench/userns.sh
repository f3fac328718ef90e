#!/usr/bin/env bash
# A container's own id map (--uidmap), husk against podman in the same run, as
# the same unprivileged user: what `run --rm --uidmap MAP IMG true` costs over
# `run --rm IMG true`, with a new map every round, for a 100 MiB image of 2,100
# files and for a 2 MiB busybox. husk presents the image through the map (the
# cost should not grow with the image); podman copies the image with chown for
# each new map (podman issue 16541). Rounds in turn (bench/interleave.py), medians.
#
# Run as root. Needs: python3, podman, runc, docker-registry, uidmap, busybox-static
# (apt-get install python3 podman runc docker-registry uidmap busybox-static).
runs=${RUNS:-10}
. "$(dirname "$0")/common.sh"

small=$(busybox_image)
rootfs="$work/userns-rootfs"
data_rootfs "$rootfs" 1000
python3 "$repo/tests/fixtures/mkimage.py" "$rootfs" "$host" "$work/registry/ca.crt" bench/userns:latest >&2
big="$host/bench/userns:latest"

for img in "$small" "$big"; do
    as_user "$work/husk" pull -q "$img" > /dev/null
    as_user podman pull -q "$img" > /dev/null
done
rt=""
as_user podman run --rm "$small" true 2> /dev/null || rt="--runtime runc"
# Owners through a map, as a check before timing: the image's uid 1000 is 1000 inside.
owner=$(as_user "$work/husk" run --rm --uidmap 0:100:5000 "$big" stat -c %u /data/d0)
[ "$owner" = 1000 ] || { echo "bench/userns.sh: /data/d0 shows as $owner, not 1000" >&2; exit 1; }

u="setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=$home XDG_RUNTIME_DIR=$home/run"
# A new map each round: host ids from {round}1 (1, 11, 21, ...).
map="--uidmap 0:{round}1:5000 --gidmap 0:{round}1:5000"
echo "run --rm IMG true, without a map and with a new one each round (ms, median of $runs):"
python3 "$(dirname "$0")/interleave.py" run "$runs" \
    "husk-2M=$u $work/husk run --rm $small true" \
    "husk-2M+map=$u $work/husk run --rm $map $small true" \
    "husk-100M=$u $work/husk run --rm $big true" \
    "husk-100M+map=$u $work/husk run --rm $map $big true" \
    "podman-100M=$u podman run --rm $rt $big true" \
    "podman-100M+map=$u podman run --rm $rt $map $big true" | tee "$work/userns.txt"

python3 - "$work/userns.txt" <<'PY'
import sys
r = {name: float(ms) for name, ms in (l.split() for l in open(sys.argv[1]))}
def add(k):
    return r[k + "+map"] - r[k]
print(f"a new map adds: husk {add('husk-2M'):+.1f} ms (2 MiB image), {add('husk-100M'):+.1f} ms (100 MiB image); "
      f"podman {add('podman-100M'):+.1f} ms (100 MiB image)")
PY
as_user podman rm -af > /dev/null 2>&1 || true
as_user podman rmi -af > /dev/null 2>&1 || true
