# Shared by the benchmarks: a user (husk-test, with subuids), a release build of
# husk copied where that user can run it, the local TLS registry, and as_user to
# run a command as that user with a private home. Source it; needs root.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_WORK:-/tmp/husk-bench}
user=husk-test
[ "$(id -u)" = 0 ] || { echo "$0: run as root (it runs husk and podman as the user $user)" >&2; exit 1; }

# What the script needs, checked before anything is built or started: the
# commands common.sh needs, and those the script names in `needs` (set before
# sourcing this file) as COMMAND:PACKAGE words (an absolute path is a file that
# must exist). One line names every package missing.
missing=()
PATH=$PATH:/usr/sbin:/sbin
for need in cargo:cargo docker-registry:docker-registry newuidmap:uidmap busybox:busybox-static \
    openssl:openssl htpasswd:apache2-utils python3:python3 setpriv:util-linux ${needs:-}; do
    what=${need%%:*}
    case $what in
    /*) [ -e "$what" ] ;;
    *) command -v "$what" > /dev/null ;;
    esac || missing+=("${need#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "$0: missing commands; install them with: apt-get install $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')" >&2
    exit 1
fi

# What a real user's Debian already has (a fresh machine's are root's only):
# devices usable by ordinary users, FUSE for husk's overlay, tun for podman's slirp4netns.
for dev in /dev/fuse /dev/net/tun; do
    [ -e "$dev" ] && chmod 0666 "$dev"
done
id -u "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$user"
grep -q "^$user:" /etc/subuid || { echo "$user:300000:65536" >> /etc/subuid; echo "$user:300000:65536" >> /etc/subgid; }

(cd "$repo" && cargo build --release -q)
mkdir -p "$work"; chmod 755 "$work"
install -m 755 "${HUSK_BIN:-$repo/target/release/husk}" "$work/husk"

"$repo/tests/fixtures/registry.sh" start "$work/registry"
trap '"$repo/tests/fixtures/registry.sh" stop "$work/registry"; as_user "$work/husk" system reset -f >/dev/null 2>&1 || true' EXIT
host="127.0.0.1:${HUSK_TEST_PORT_BASE:-45000}"

home="$work/home"
pkill -9 -u "$user" 2>/dev/null || true  # a previous run's pause processes use the old home
mountpoint -q "$home/run" && umount -l "$home/run"
rm -rf "$home"; mkdir -p "$home/.config/containers/certs.d/$host" "$home/run"
cp "$work/registry/ca.crt" "$home/.config/containers/certs.d/$host/ca.crt"
chown -R "$user:$user" "$home"
# XDG_RUNTIME_DIR is a tmpfs, as /run/user/UID is on a user's machine (both tools
# keep runtime files there: husk its sockets and pid files, podman its runroot).
mount -t tmpfs -o "mode=700,uid=$(id -u "$user"),gid=$(id -g "$user")" tmpfs "$home/run"

as_user() {
    setpriv --reuid "$user" --regid "$user" --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin \
        HOME="$home" XDG_RUNTIME_DIR="$home/run" "$@"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Push a busybox image to the local registry; prints its name.
busybox_image() {
    local rootfs="$work/busybox-rootfs"
    rm -rf "$rootfs"; mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev,root}
    cp /bin/busybox "$rootfs/bin/busybox"
    for a in sh true echo ls cat sleep; do ln -s busybox "$rootfs/bin/$a"; done
    printf 'root:x:0:0:root:/root:/bin/sh\n' > "$rootfs/etc/passwd"
    printf 'root:x:0:\n' > "$rootfs/etc/group"
    python3 "$repo/tests/fixtures/mkimage.py" "$rootfs" "$host" "$work/registry/ca.crt" bench/busybox:latest >&2
    echo "$host/bench/busybox:latest"
}

# A busybox rootfs at $1 with /data: 100 files of 512 KiB and 2000 of 25 KiB in 20
# directories (100 MiB), the directories owned by uid $2 (default 0), and the users
# root and user (1000) in its passwd and group.
data_rootfs() {
    local rootfs=$1 owner=${2:-0}
    rm -rf "$rootfs"; mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev,root,data}
    cp /bin/busybox "$rootfs/bin/busybox"
    for a in sh true ls stat; do ln -s busybox "$rootfs/bin/$a"; done
    printf 'root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/:/bin/sh\n' > "$rootfs/etc/passwd"
    printf 'root:x:0:\nuser:x:1000:\n' > "$rootfs/etc/group"
    python3 - "$rootfs/data" "$owner" <<'PY'
import os, sys
base, owner = sys.argv[1], int(sys.argv[2])
for i in range(100):
    with open(f"{base}/big{i}", "wb") as f:
        f.write(os.urandom(512 << 10))
for d in range(20):
    os.makedirs(f"{base}/d{d}")
    for i in range(100):
        with open(f"{base}/d{d}/f{i}", "wb") as f:
            f.write(os.urandom(25 << 10))
    os.chown(f"{base}/d{d}", owner, owner)
PY
}

# Rootless podman on this machine needs runc (crun refuses cgroup v1 with an
# empty v2): configured for the bench user when `podman run IMAGE` fails.
podman_use_runc() {
    as_user podman run --rm "$1" true 2> /dev/null && return
    mkdir -p "$home/.config/containers"
    printf '[engine]\nruntime = "runc"\n' > "$home/.config/containers/containers.conf"
    chown -R "$user:$user" "$home/.config"
}
