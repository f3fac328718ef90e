#!/usr/bin/env bash
# Networking figures (issue 13), husk side by side with rootless podman where
# it is installed:
#  1. `run --rm IMG true` on the default network against --network none
#     (ROUNDS rounds, medians);
#  2. HTTP throughput through a published port: curl downloads a SIZE_MB file
#     (in a tmpfs) from a busybox httpd in the container, -p 127.0.0.1:PORT:80;
#  3. latency: REQUESTS sequential small requests through the same port, each on
#     a new connection;
#  4. memory: RSS of the container's monitor with a published port against one
#     on --network none (podman: conmon + rootlessport).
# Each table's rows take turns, round after round (bench/interleave.py), so that
# the machine's drift biases none of them.
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

u="setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=$home XDG_RUNTIME_DIR=$home/run"
interleave="python3 $(dirname "$0")/interleave.py"

echo "== run --rm true (ms, median of $rounds rounds; the rows run in turn, round after round)"
runs=("husk-bridge=$u $work/husk run --rm $image true" "husk-none=$u $work/husk run --rm --network none $image true")
if [ -n "$have_podman" ]; then
    as_user podman network rm -f benchnet >/dev/null 2>&1; as_user podman network create benchnet >/dev/null
    p="$u podman ${podman_runtime[*]} run --rm"
    runs+=("podman-default=$p $image true" "podman-none=$p --network none $image true" "podman-bridge=$p --network benchnet $image true")
fi
as_user "$work/husk" run --rm "$image" true  # the network namespace is made once
$interleave run "$rounds" "${runs[@]}"

serve="busybox mkdir -p /www && busybox dd if=/dev/zero of=/www/big bs=1M count=$size_mb 2>/dev/null && echo ok > /www/small && exec busybox httpd -f -p 80 -h /www"
wait_port() { for _ in $(seq 1 200); do curl -sf -o /dev/null "http://127.0.0.1:$1/small" && return 0; sleep 0.05; done; return 1; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
speed() { # MB/s of one download of /big from port $1
    echo "$(curl -s -o /dev/null -w '%{speed_download}' "http://127.0.0.1:$1/big") / 1000000" | bc -l
}

# Every server at once, each on its port, so that the measurements can take turns.
declare -A port=([husk]=18080 [husk-pasta]=18081 [podman]=18082)
servers="husk husk-pasta"
as_user "$work/husk" run -d --name netbench --tmpfs /www:size=$((size_mb + 64))m -p "127.0.0.1:${port[husk]}:80" "$image" sh -c "$serve" >/dev/null
as_user "$work/husk" run -d --name netpasta --network pasta --tmpfs /www:size=$((size_mb + 64))m -p "127.0.0.1:${port[husk-pasta]}:80" "$image" sh -c "$serve" >/dev/null
if [ -n "$have_podman" ]; then
    podman_run -d --name netbench --tmpfs /www:size=$((size_mb + 64))m -p "127.0.0.1:${port[podman]}:80" "$image" sh -c "$serve" >/dev/null
    servers="$servers podman"
fi
for s in $servers; do wait_port "${port[$s]}"; done

echo "== through -p 127.0.0.1:PORT:80: a ${size_mb} MiB download (MB/s, median of 3 rounds in turn)"
declare -A mbs
for _ in 1 2 3; do
    for s in $servers; do mbs[$s]+=" $(speed "${port[$s]}")"; done
done
for s in $servers; do
    # shellcheck disable=SC2086
    printf '%-16s %8.0f MB/s\n' "$s" "$(median ${mbs[$s]})"
done
echo "== latency: $requests sequential requests, each on a new connection (median of $rounds rounds in turn)"
targets=()
for s in $servers; do targets+=("$s=${port[$s]}"); done
$interleave http "$rounds" "$((requests / rounds > 0 ? requests / rounds : 1))" "${targets[@]}"

monitor=$(as_user "$work/husk" inspect --format '{{.State.MonitorPid}}' netbench)
with_port=$(rss_kb "$monitor")
as_user "$work/husk" rm -f netbench netpasta >/dev/null
[ -n "$have_podman" ] && as_user podman "${podman_runtime[@]}" rm -f -t 0 netbench >/dev/null
as_user "$work/husk" run -d --name netnone --network none "$image" sleep 1000 >/dev/null
monitor=$(as_user "$work/husk" inspect --format '{{.State.MonitorPid}}' netnone)
without=$(rss_kb "$monitor")
as_user "$work/husk" rm -f netnone >/dev/null
echo "== memory: husk monitor RSS with a published port ${with_port} KiB, on --network none ${without} KiB: +$((with_port - without)) KiB"
