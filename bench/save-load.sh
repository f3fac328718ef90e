#!/usr/bin/env bash
# `husk save` + `husk load` of a Debian minbase image against podman's, in the
# same run: the image saved as a docker-archive, then loaded into an empty store
# (the store emptied before each run, outside the timing). Target: husk at most
# 0.5x podman's time. hyperfine, RUNS runs each, medians and the ratio.
#
# Run as root. Needs: debootstrap, hyperfine, podman, docker-registry, uidmap, time
# (apt-get install debootstrap hyperfine podman docker-registry uidmap time).
runs=${RUNS:-5}
cache=${BENCH_CACHE:-/var/cache/husk-bench}
needs="debootstrap:debootstrap hyperfine:hyperfine podman:podman /usr/bin/time:time"
. "$(dirname "$0")/common.sh"

if [ ! -d "$cache/rootfs" ]; then
    mkdir -p "$cache"
    rm -rf "$cache/rootfs.tmp"
    debootstrap --variant=minbase bookworm "$cache/rootfs.tmp" http://deb.debian.org/debian > "$cache/debootstrap.log"
    mv "$cache/rootfs.tmp" "$cache/rootfs"
fi
python3 "$repo/tests/fixtures/mkimage.py" "$cache/rootfs" "$host" "$work/registry/ca.crt" debian:minbase
img="$host/debian:minbase"
h="$work/husk"
as_user "$h" pull -q "$img" > /dev/null
as_user podman pull -q "$img" > /dev/null
stores="$home/stores"
as_user mkdir -p "$stores"
u="setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=$home XDG_RUNTIME_DIR=$home/run"

# Each run loads into a store of its own, and nothing is deleted between runs
# (this ext4 slows down creates for a minute after a mass delete).
hyperfine -N -r 1 -P i 1 "$runs" --export-json "$home/saveload.json" \
    --prepare "rm -f $home/husk.tar $home/podman.tar" \
    "$u sh -c '$h save -o $home/husk.tar $img && $h --root $stores/husk-{i} load -q -i $home/husk.tar'" \
    "$u sh -c 'podman save -q -o $home/podman.tar $img && podman --root $stores/podman-{i} --runroot $home/run/podman-{i} load -q -i $home/podman.tar'" \
    > "$work/save-load.txt"
python3 - "$home/saveload.json" <<'PY'
import json, statistics, sys
res = json.load(open(sys.argv[1]))["results"]
def med(podman):
    return statistics.median(t for x in res if ("podman save" in x["command"]) == podman for t in x["times"]) * 1000
husk, podman = med(False), med(True)
print(f"save+load husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f} (target <= 0.5)")
PY
ls -l "$home/podman.tar" 2>/dev/null | awk '{print "podman archive: " $5 " bytes"}' || true
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
for i in $(seq "$runs"); do as_user "$h" --root "$stores/husk-$i" system reset -f > /dev/null 2>&1 || true; done
as_user "$h" rmi -af > /dev/null 2>&1 || true
as_user podman rmi -af > /dev/null 2>&1 || true
as_user podman unshare rm -rf "$stores" 2>/dev/null || true
