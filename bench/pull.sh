#!/usr/bin/env bash
# Cold pull of a Debian minbase image (debootstrap, cached in $BENCH_CACHE) from a
# local TLS registry: husk against rootless `podman pull`, in the same run, RUNS
# times each (alternating), each pull into a fresh, empty store (nothing is deleted
# between runs: this ext4 slows down creates for a minute after a mass delete).
# Prints each run, the medians, the ratio and husk's peak RSS.
#
# Run as root (it makes the user husk-test and runs both tools as that user).
# Needs: debootstrap, docker-registry, podman, uidmap, GNU time (apt-get install
# debootstrap docker-registry podman uidmap time), and a release build of husk.
runs=${RUNS:-5}
cache=${BENCH_CACHE:-/var/cache/husk-bench}
. "$(dirname "$0")/common.sh"

if [ ! -d "$cache/rootfs" ]; then
    mkdir -p "$cache"
    rm -rf "$cache/rootfs.tmp"
    debootstrap --variant=minbase bookworm "$cache/rootfs.tmp" http://deb.debian.org/debian > "$cache/debootstrap.log"
    mv "$cache/rootfs.tmp" "$cache/rootfs"
fi
python3 "$repo/tests/fixtures/mkimage.py" "$cache/rootfs" "$host" "$work/registry/ca.crt" debian:minbase

# One timed pull: prints "seconds maxrss_kib".
timed() { as_user /usr/bin/time -f "%e %M" -o "$home/run/time" "$@" > /dev/null && cat "$home/run/time"; }

stores="$home/stores"
as_user mkdir -p "$stores"
podman_in() { echo --root "$stores/podman-$1" --runroot "$home/run/podman-$1"; }
# podman's first-run setup (its pause process), outside the timing.
as_user podman $(podman_in warmup) pull -q "$host/debian:minbase" > /dev/null 2>&1
husk_times=() podman_times=() husk_rss=()
for i in $(seq "$runs"); do
    read -r t rss < <(timed "$work/husk" --root "$stores/husk-$i" pull -q "$host/debian:minbase")
    husk_times+=("$t"); husk_rss+=("$rss")
    read -r pt _ < <(timed podman $(podman_in "$i") pull -q "$host/debian:minbase")
    podman_times+=("$pt")
    echo "run $i: husk ${t}s (peak RSS $((rss / 1024)) MiB)   podman ${pt}s"
done
for i in $(seq "$runs"); do as_user "$work/husk" --root "$stores/husk-$i" system reset -f; done
as_user podman unshare rm -rf "$stores"

hm=$(median "${husk_times[@]}"); pm=$(median "${podman_times[@]}"); rm_=$(median "${husk_rss[@]}")
echo "median: husk ${hm}s, podman ${pm}s, husk/podman $(awk -v a="$hm" -v b="$pm" 'BEGIN {printf "%.2f", a / b}')"
echo "husk peak RSS median: $((rm_ / 1024)) MiB"
