#!/usr/bin/env bash
# File system speed inside a container: husk's FUSE overlay against the kernel
# overlay, fuse-overlayfs under rootless podman (and the host directly):
# sequential read of a SIZE_MB file that lives in an image layer, sequential
# write of SIZE_MB (dd conv=fsync: the file is on disk when dd returns; a global
# sync(2) would also wait for whatever else the machine has dirty), tar -x of
# FILES small files, find over the tree, rm -rf of it, and rtt: the round trip
# of one cheap request (bench/rtt.c: getxattr of an absent xattr, in
# microseconds). One container per driver runs all steps (the FUSE overlay
# twice: as it comes, and with --cpuset-cpus 0, which puts the container and its
# FUSE worker on one CPU). ROUNDS rounds (default 3) run the rows side by side;
# the medians come last, with each row's ratio to the kernel overlay. Reports
# the load too: FUSE figures depend on how busy the CPUs are (DESIGN.md
# section 8).
#
# This machine's ext4 slows every create for about a minute after a mass delete,
# so each row runs on a fresh ext4 file system of its own (a loop device): the
# store (for the containers) or the work directory (for the host).
#
# Run as root. Needs what bench/common.sh needs, plus e2fsprogs, gcc with a
# static glibc (libc6-dev) and loop devices, and podman, runc and fuse-overlayfs
# for the fuse-overlayfs row (checked first, with the packages named; PODMAN=0
# leaves that row out).
size_mb=${SIZE_MB:-1024}
files=${FILES:-20000}
rounds=${ROUNDS:-3}
podman_row=1
[ "${PODMAN:-1}" = 0 ] && podman_row=
needs="gcc:gcc mkfs.ext4:e2fsprogs losetup:mount"
[ -n "$podman_row" ] && needs+=" podman:podman runc:runc fuse-overlayfs:fuse-overlayfs"
needs+=" /usr/lib/$(uname -m)-linux-gnu/libc.a:libc6-dev"
. "$(dirname "$0")/common.sh"

rootfs="$work/fs-rootfs"
rm -rf "$rootfs"; mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev,root,data}
cp /bin/busybox "$rootfs/bin/busybox"
for a in sh dd tar find rm cat wc mkdir sync awk; do ln -s busybox "$rootfs/bin/$a"; done
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$rootfs/etc/passwd"
gcc -O2 -static -o "$rootfs/bin/rtt" "$repo/bench/rtt.c"
head -c "$((size_mb * 1024 * 1024))" /dev/zero > "$rootfs/data/big"
python3 - "$rootfs/data/tree.tar" "$files" <<'PY'
import io, sys, tarfile
path, n = sys.argv[1], int(sys.argv[2])
with tarfile.open(path, "w") as t:
    for i in range(n):
        data = (b"x" * 100)
        ti = tarfile.TarInfo(f"tree/d{i // 100:03d}/f{i:05d}")
        ti.size = len(data)
        t.addfile(ti, io.BytesIO(data))
PY
python3 "$repo/tests/fixtures/mkimage.py" "$rootfs" "$host" "$work/registry/ca.crt" bench/fs:latest
image="$host/bench/fs:latest"

# A fresh ext4 (sparse image on a loop device) mounted at $work/fresh, owned by the user.
fresh() {
    umount "$work/fresh" 2> /dev/null || true
    rm -f "$work/fresh.img"
    truncate -s $((size_mb * 3 + 4096))M "$work/fresh.img"
    mkfs.ext4 -q -F "$work/fresh.img"
    mkdir -p "$work/fresh"
    mount -o loop "$work/fresh.img" "$work/fresh"
    chown "$user:$user" "$work/fresh"
    settle
}
# Wait until the disk has written out what earlier rows left (their write legs
# otherwise share it with this row's).
settle() {
    sync
    while awk '/^(Dirty|Writeback):/ {kb += $2} END {exit !(kb > 1024)}' /proc/meminfo; do sleep 0.2; done
}
trap '"$repo/tests/fixtures/registry.sh" stop "$work/registry"; umount "$work/fresh" 2> /dev/null; rm -f "$work/fresh.img"' EXIT

# BIG, TREE: the image's files; OUT: a writable directory; ROOT: what find walks.
steps='
t() { read s _ < /proc/uptime; "$@" > /dev/null 2>&1 || echo "FAILED: $*" >&2; read e _ < /proc/uptime; echo "$e $s" | awk "{printf \"%.2f\", \$1 - \$2}"; }
r=$(t dd if=BIG of=/dev/null bs=1048576)
w=$(t dd if=/dev/zero of=OUT/out bs=1048576 count=SIZE conv=fsync)
x=$(t tar -xf TREE -C OUT)
f=$(t sh -c "find ROOT | wc -l")
d=$(t rm -rf OUT/tree)
q=$(RTT BIG 20000)
echo "$r $w $x $f $d $q"
'
fill() { # steps with BIG TREE OUT ROOT RTT filled in
    local s=${steps//SIZE/$size_mb}
    s=${s//BIG/$1}; s=${s//TREE/$2}; s=${s//OUT/$3}; s=${s//ROOT/$4}; s=${s//RTT/$5}
    printf '%s' "$s"
}

cols=(read write tar-x find rm-rf rtt-us)
row() { printf '%-14s' "$1"; shift; printf ' %10s' "$@"; echo; }

# One round: each row's figures into $results/ROW.
measure_round() {
    local out
    # fuse-cpuset0: the FUSE overlay with --cpuset-cpus 0 (container and FUSE worker on one CPU).
    for name in overlay fuse-overlay fuse-cpuset0; do
        local driver=$name opts=()
        [ "$name" = fuse-cpuset0 ] && { driver=fuse-overlay; opts=(--cpuset-cpus 0); }
        fresh
        store="$work/fresh/store"
        as_user "$work/husk" --root "$store" pull -q "$image" > /dev/null
        settle
        out=$(as_user "$work/husk" --root "$store" --storage-driver "$driver" run --rm "${opts[@]}" "$image" sh -c "$(fill /data/big /data/tree.tar /tmp "/ -xdev" /bin/rtt)")
        echo "$out" >> "$results/$name"; row "$name" $out
    done
    # fuse-overlayfs, as rootless podman uses it (podman's crun refuses this machine's
    # hybrid cgroups, so runc as in bench/run.sh).
    if [ -n "$podman_row" ]; then
        fresh
        podman_in=(--root "$work/fresh/podman" --runroot "$home/run/podman-fs" --storage-driver overlay
            --storage-opt overlay.mount_program=/usr/bin/fuse-overlayfs)
        as_user podman "${podman_in[@]}" pull -q "$image" > /dev/null
        settle
        # Not --rm: podman mounts --rm containers volatile, where fsync does nothing.
        out=$(as_user podman "${podman_in[@]}" run --name husk-bench-fs --runtime runc "$image" sh -c "$(fill /data/big /data/tree.tar /tmp "/ -xdev" /bin/rtt)" 2> "$work/podman-fs.err") \
            || { echo "$0: podman run failed:" >&2; cat "$work/podman-fs.err" >&2; exit 1; }
        as_user podman "${podman_in[@]}" rm husk-bench-fs > /dev/null 2>&1 || true
        echo "$out" >> "$results/fuse-overlayfs"; row fuse-overlayfs $out
        as_user podman "${podman_in[@]}" unshare rm -rf "$work/fresh/podman" 2> /dev/null || true
    fi
    fresh
    host_dir="$work/fresh/hostbench"; as_user mkdir -p "$host_dir"
    out=$(as_user sh -c "$(fill "$rootfs/data/big" "$rootfs/data/tree.tar" "$host_dir" "$host_dir" "$rootfs/bin/rtt")")
    echo "$out" >> "$results/host"; row host $out
}

results=$(mktemp -d)
rows=(overlay fuse-overlay fuse-cpuset0)
[ -n "$podman_row" ] && rows+=(fuse-overlayfs)
rows+=(host)
for round in $(seq "$rounds"); do
    echo "round $round (seconds; rtt in microseconds)"
    row where "${cols[@]}"
    measure_round
done

# Column C (1-based) of every line in a results file, as a median.
column_median() { median $(awk -v c="$2" '{print $c}' "$1"); }
echo
echo "median of $rounds rounds (seconds; rtt in microseconds), and x the kernel overlay"
row where "${cols[@]}"
declare -A base
for r in "${rows[@]}"; do
    meds=(); ratios=()
    for c in $(seq ${#cols[@]}); do
        m=$(column_median "$results/$r" "$c")
        meds+=("$m")
        [ "$r" = overlay ] && base[$c]=$m
        ratios+=("$(awk -v a="$m" -v b="${base[$c]}" 'BEGIN { if (b > 0) printf "x%.2f", a / b; else print "-" }')")
    done
    row "$r" "${meds[@]}"
    [ "$r" = overlay ] || row "" "${ratios[@]}"
done
rm -rf "$results"
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
