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
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
cache=${BENCH_CACHE:-/var/cache/husk-bench}
work=${BENCH_WORK:-/tmp/husk-bench}
user=husk-test
[ "$(id -u)" = 0 ] || { echo "bench/pull.sh: run as root" >&2; exit 1; }

if [ ! -d "$cache/rootfs" ]; then
    mkdir -p "$cache"
    rm -rf "$cache/rootfs.tmp"
    debootstrap --variant=minbase bookworm "$cache/rootfs.tmp" http://deb.debian.org/debian > "$cache/debootstrap.log"
    mv "$cache/rootfs.tmp" "$cache/rootfs"
fi

id -u "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$user"
grep -q "^$user:" /etc/subuid || { echo "$user:300000:65536" >> /etc/subuid; echo "$user:300000:65536" >> /etc/subgid; }

(cd "$repo" && cargo build --release -q)
mkdir -p "$work"; chmod 755 "$work"
install -m 755 "$repo/target/release/husk" "$work/husk"

"$repo/tests/fixtures/registry.sh" start "$work/registry"
trap '"$repo/tests/fixtures/registry.sh" stop "$work/registry"' EXIT
port=${HUSK_TEST_PORT_BASE:-45000}
host="127.0.0.1:$port"
python3 "$repo/bench/mkimage.py" "$cache/rootfs" "$host" "$work/registry/ca.crt" debian:minbase

home="$work/home"
rm -rf "$home"; mkdir -p "$home/.config/containers/certs.d/$host" "$home/run"
cp "$work/registry/ca.crt" "$home/.config/containers/certs.d/$host/ca.crt"
chmod 700 "$home/run"; chown -R "$user:$user" "$home"

as_user() {
    setpriv --reuid "$user" --regid "$user" --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin \
        HOME="$home" XDG_RUNTIME_DIR="$home/run" "$@"
}

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

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
hm=$(median "${husk_times[@]}"); pm=$(median "${podman_times[@]}"); rm_=$(median "${husk_rss[@]}")
echo "median: husk ${hm}s, podman ${pm}s, husk/podman $(awk -v a="$hm" -v b="$pm" 'BEGIN {printf "%.2f", a / b}')"
echo "husk peak RSS median: $((rm_ / 1024)) MiB"
