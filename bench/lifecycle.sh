#!/usr/bin/env bash
# Container lifecycle, husk against podman in the same run, as the same
# unprivileged user (both warm: image pulled, pause process running):
#   - `exec CTR true` latency (a running `sleep` container each),
#   - `ps -a`, `images` and `volume ls` with 100 containers and 100 volumes,
#   - a `run -d` + `stop -t 0` + `rm` cycle,
#   - the monitor's RSS per container (husk's monitor against podman's conmon), FUSE idle.
# hyperfine, RUNS runs each, medians and ratios to podman and to the floors
# (nsenter for exec, `husk version` for the listings). Targets: exec under 5 ms,
# ps -a and images under 3 ms (issue 20); a monitor under 8 MiB RSS.
#
# Run as root. Needs: hyperfine, podman, runc, docker-registry, uidmap, busybox-static
# (apt-get install hyperfine podman runc docker-registry uidmap busybox-static).
runs=${RUNS:-30}
needs="hyperfine:hyperfine podman:podman runc:runc"
. "$(dirname "$0")/common.sh"

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
rt=""
as_user podman run --rm "$image" true 2> /dev/null || rt="--runtime runc"

# hyperfine itself runs as the user, so that the times are the commands' own (a
# setpriv wrapper per command would add about 2 ms to each, which a user never pays).
h="$work/husk"
p="podman"
as_user "$work/husk" run -d -q --name bench-exec "$image" sleep 100000 > /dev/null
as_user podman run -d $rt --name bench-exec "$image" sleep 100000 > /dev/null

for i in $(seq 1 100); do
    as_user "$work/husk" create -q --name "c$i" "$image" true > /dev/null
    as_user podman create $rt --name "c$i" "$image" true > /dev/null
    as_user "$work/husk" volume create "v$i" > /dev/null
    as_user podman volume create "v$i" > /dev/null
done

# The floors: exec's is nsenter into the same container's namespaces (the
# kernel's and a tiny C tool's cost of the same entry), that of ps, images and
# volume ls is `husk version` (a husk command that reads nothing).
pid=$(as_user "$work/husk" inspect --format '{{.State.Pid}}' bench-exec)
as_user hyperfine -N -w 3 -r "$runs" --export-json "$home/lifecycle.json" \
    -n "floor exec" "nsenter -t $pid -U -m -u -i -n -p --preserve-credentials true" \
    -n "floor list" "$h version" \
    -n "husk exec" "$h exec bench-exec true" \
    -n "podman exec" "$p exec bench-exec true" \
    -n "husk ps -a" "$h ps -a" \
    -n "podman ps -a" "$p ps -a" \
    -n "husk images" "$h images" \
    -n "podman images" "$p images" \
    -n "husk volume ls" "$h volume ls" \
    -n "podman volume ls" "$p volume ls" \
    -n "husk run-stop-rm" "sh -c '$work/husk run -d -q --name cyc $image sleep 100 >/dev/null && $work/husk stop -t 0 cyc >/dev/null && $work/husk rm cyc >/dev/null'" \
    -n "podman run-stop-rm" "sh -c 'podman run -d $rt --name cyc $image sleep 100 >/dev/null && podman stop -t 0 cyc >/dev/null && podman rm cyc >/dev/null'" \
    > "$work/lifecycle.txt"

python3 - "$home/lifecycle.json" <<'PY'
import json, statistics, sys
r = {x["command"]: statistics.median(x["times"]) * 1000 for x in json.load(open(sys.argv[1]))["results"]}
floor = {"exec": r["floor exec"], "ps -a": r["floor list"], "images": r["floor list"], "volume ls": r["floor list"]}
for what in ["exec", "ps -a", "images", "volume ls", "run-stop-rm"]:
    husk, podman = r[f"husk {what}"], r[f"podman {what}"]
    line = f"{what:12} husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f}"
    if what in floor:
        line += f"   floor {floor[what]:6.1f} ms   husk/floor {husk / floor[what]:.2f}"
    print(line)
PY

# kB of a process: RSS (all its resident pages, the husk binary's shared text included)
# and PSS (shared pages divided among the processes that map them).
kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/$3"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f MiB", k / 1024}'; }
monitor=$(as_user "$work/husk" inspect --format '{{.State.MonitorPid}}' bench-exec)
conmon=$(pgrep -u "$user" -f 'conmon.*bench-exec' | head -1 || true)
echo "monitor RSS: husk $(mib "$(kb "$monitor" VmRSS status)") (target < 8 MiB), PSS $(mib "$(kb "$monitor" Pss smaps_rollup)")"
if [ -n "$conmon" ]; then
    echo "conmon (podman) RSS: $(mib "$(kb "$conmon" VmRSS status)"), PSS $(mib "$(kb "$conmon" Pss smaps_rollup)")"
fi
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
as_user "$work/husk" rm -af > /dev/null
as_user "$work/husk" volume prune -f > /dev/null
as_user podman rm -af -t 0 > /dev/null 2>&1 || true
as_user podman volume prune -f > /dev/null 2>&1 || true
as_user podman rmi -af > /dev/null 2>&1 || true
