#!/usr/bin/env bash
# What the default seccomp filter (docker's allow-list, compiled by seccompiler
# into a stack of filters) costs a syscall-heavy container: `dd bs=1` of N bytes
# (2N read/write syscalls) in a container with the default profile, against
# --security-opt seccomp=unconfined, and podman's default where installed.
# ROUNDS rounds side by side; medians. Run as root; needs docker-registry,
# uidmap, busybox-static (and podman for its row).
rounds=${ROUNDS:-5}
bytes=${BYTES:-2000000}
. "$(dirname "$0")/common.sh"

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
have_podman=""
if command -v podman > /dev/null && as_user podman pull -q "$image" > /dev/null 2>&1; then
    have_podman=1
fi

cmd="busybox dd if=/dev/zero of=/dev/null bs=1 count=$bytes"  # word-split on purpose
# Milliseconds of the whole run (container start included: compare with the `true` rows).
timed() {
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
}

declare -A ms
rows="husk-true husk-default husk-unconfined"
[ -n "$have_podman" ] && rows="$rows podman-true podman-default"
for r in $(seq 1 "$rounds"); do
    ms[husk-true]+=" $(timed as_user "$work/husk" run --rm "$image" true)"
    ms[husk-default]+=" $(timed as_user "$work/husk" run --rm "$image" $cmd)"
    ms[husk-unconfined]+=" $(timed as_user "$work/husk" run --rm --security-opt seccomp=unconfined "$image" $cmd)"
    if [ -n "$have_podman" ]; then
        ms[podman-true]+=" $(timed as_user podman run --rm "$image" true)"
        ms[podman-default]+=" $(timed as_user podman run --rm "$image" $cmd)"
    fi
done
printf '%-18s %10s   (dd bs=1 count=%s: %s syscalls; ms, median of %s)\n' row ms "$bytes" $((2 * bytes)) "$rounds"
for row in $rows; do
    # shellcheck disable=SC2086
    printf '%-18s %10s\n' "$row" "$(median ${ms[$row]})"
done
