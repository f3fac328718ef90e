#!/usr/bin/env bash
# Networking figures (issue 13), husk side by side with rootless podman where
# it is installed:
#  1. `run --rm IMG true` on the default network against --network none
#     (ROUNDS rounds, medians);
#  2. HTTP throughput through a published port: curl downloads a SIZE_MB file
#     (in a tmpfs) from a busybox httpd in the container, -p 127.0.0.1:PORT:80;
#  3. latency: REQUESTS sequential small requests through the same port;
#  4. memory: RSS of the container's monitor with a published port against one
#     on --network none (podman: conmon + rootlessport).
# Run as root; needs docker-registry, uidmap, busybox-static, passt, nftables, curl.
rounds=${ROUNDS:-10}
size_mb=${SIZE_MB:-1024}
requests=${REQUESTS:-1000}
. "$(dirname "$0")/common.sh"
command -v curl >/dev/null || { echo "$0: needs curl (apt-get install curl)" >&2; exit 1; }

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
have_podman=""
# Rootless podman on cgroup v1 (plus an empty v2, as on these machines): crun
# refuses that "hybrid" setup, runc with the cgroupfs manager runs (apt-get install runc).
mkdir -p "$home/.config/containers"
printf '[engine]\ncgroup_manager = "cgroupfs"\n' > "$home/.config/containers/containers.conf"
chown -R "$user:$user" "$home/.config"
podman_runtime=()
command -v runc >/dev/null && podman_runtime=(--runtime runc)
podman_run() { as_user podman "${podman_runtime[@]}" run "$@"; }
if command -v podman > /dev/null && as_user podman pull -q "$image" > /dev/null 2>&1 \
    && podman_run --rm "$image" true; then
    have_podman=1
fi

ms_of() { # a failed run is not a time
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "$0: failed: $*" >&2; exit 1; }; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
}

echo "== run --rm true (ms, median of $rounds)"
declare -A ms
rows="husk-bridge husk-none"
[ -n "$have_podman" ] && rows="$rows podman-default podman-none podman-bridge"
[ -n "$have_podman" ] && { as_user podman network rm -f benchnet >/dev/null 2>&1; as_user podman network create benchnet >/dev/null; }
as_user "$work/husk" run --rm "$image" true  # the network namespace is made once
for _ in $(seq 1 "$rounds"); do
    ms[husk-bridge]+=" $(ms_of as_user "$work/husk" run --rm "$image" true)"
    ms[husk-none]+=" $(ms_of as_user "$work/husk" run --rm --network none "$image" true)"
    if [ -n "$have_podman" ]; then
        ms[podman-default]+=" $(ms_of podman_run --rm "$image" true)"
        ms[podman-none]+=" $(ms_of podman_run --rm --network none "$image" true)"
        ms[podman-bridge]+=" $(ms_of podman_run --rm --network benchnet "$image" true)"
    fi
done
for row in $rows; do
    # shellcheck disable=SC2086
    printf '%-16s %6s\n' "$row" "$(median ${ms[$row]})"
done

serve="busybox mkdir -p /www && busybox dd if=/dev/zero of=/www/big bs=1M count=$size_mb 2>/dev/null && echo ok > /www/small && exec busybox httpd -f -p 80 -h /www"
port=18080
wait_port() { for _ in $(seq 1 200); do curl -sf -o /dev/null "http://127.0.0.1:$1/small" && return 0; sleep 0.05; done; return 1; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

measure() { # NAME TOOL...
    local name=$1; shift
    local speed s e
    speed=$(curl -s -o /dev/null -w '%{speed_download}' "http://127.0.0.1:$port/big")
    s=$(date +%s%N)
    for _ in $(seq 1 "$requests"); do curl -s -o /dev/null "http://127.0.0.1:$port/small"; done
    e=$(date +%s%N)
    printf '%-16s %10.0f MB/s %10.3f ms/request\n' "$name" "$(echo "$speed / 1000000" | bc -l)" \
        "$(echo "($e - $s) / 1000000 / $requests" | bc -l)"
}

echo "== through -p 127.0.0.1:$port:80: ${size_mb} MiB download; $requests sequential requests (each curl a new process and connection)"
as_user "$work/husk" run -d --name netbench --tmpfs /www:size=$((size_mb + 64))m -p "127.0.0.1:$port:80" "$image" sh -c "$serve" >/dev/null
wait_port "$port"
measure husk
monitor=$(as_user "$work/husk" inspect --format '{{.State.MonitorPid}}' netbench)
with_port=$(rss_kb "$monitor")
as_user "$work/husk" rm -f netbench >/dev/null
as_user "$work/husk" run -d --name netbench --network pasta --tmpfs /www:size=$((size_mb + 64))m -p "127.0.0.1:$port:80" "$image" sh -c "$serve" >/dev/null
wait_port "$port"
measure husk-pasta
as_user "$work/husk" rm -f netbench >/dev/null
as_user "$work/husk" run -d --name netnone --network none "$image" sleep 1000 >/dev/null
monitor=$(as_user "$work/husk" inspect --format '{{.State.MonitorPid}}' netnone)
without=$(rss_kb "$monitor")
as_user "$work/husk" rm -f netnone >/dev/null
if [ -n "$have_podman" ]; then
    podman_run -d --name netbench --tmpfs /www:size=$((size_mb + 64))m -p "127.0.0.1:$port:80" "$image" sh -c "$serve" >/dev/null
    wait_port "$port"
    measure podman
    as_user podman "${podman_runtime[@]}" rm -f netbench >/dev/null
fi
echo "== memory: husk monitor RSS with a published port ${with_port} KiB, on --network none ${without} KiB: +$((with_port - without)) KiB"
