#!/usr/bin/env bash
# Container lifecycle, husk against podman in the same run, as the same
# unprivileged user (both warm: image pulled, pause process running):
#   - `exec CTR true` latency (a running `sleep` container each),
#   - `ps -a`, `images` and `volume ls` with 100 containers and 100 volumes,
#   - a `run -d` + `stop -t 0` + `rm` cycle,
#   - the monitor's RSS per container (husk's monitor against podman's conmon), FUSE idle.
# RUNS rounds, medians and ratios to podman and to the floors
# (nsenter for exec, `husk version` for the listings). Targets: exec under 5 ms,
# ps -a and images under 3 ms (issue 20); a monitor under 8 MiB RSS.
#
# Run as root. Needs: python3, podman, runc, docker-registry, uidmap, busybox-static
# (apt-get install python3 podman runc docker-registry uidmap busybox-static).
runs=${RUNS:-30}
needs="podman:podman runc:runc"
. "$(dirname "$0")/common.sh"

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
rt=""
as_user podman run --rm "$image" true 2> /dev/null || rt="--runtime runc"

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
# volume ls is `husk version` (a husk command that reads nothing). All of them
# take turns, round after round (bench/interleave.py), run by the user itself
# (a setpriv wrapper per command would add about 2 ms to each, which a user
# never pays): the machine's drift biases none of them.
pid=$(as_user "$work/husk" inspect --format '{{.State.Pid}}' bench-exec)
as_user python3 "$(dirname "$0")/interleave.py" run "$runs" \
    "floor-exec=nsenter -t $pid -U -m -u -i -n -p --preserve-credentials true" \
    "floor-list=$h version" \
    "husk-exec=$h exec bench-exec true" \
    "podman-exec=$p exec bench-exec true" \
    "husk-ps -a=$h ps -a" \
    "podman-ps -a=$p ps -a" \
    "husk-images=$h images" \
    "podman-images=$p images" \
    "husk-volume ls=$h volume ls" \
    "podman-volume ls=$p volume ls" \
    > "$work/lifecycle.txt"
# Apart: each cycle makes and removes a container, which the listings would then see change.
as_user python3 "$(dirname "$0")/interleave.py" run "$runs" \
    "husk-run-stop-rm=sh -c '$h run -d -q --name cyc $image sleep 100 >/dev/null && $h stop -t 0 cyc >/dev/null && $h rm cyc >/dev/null'" \
    "podman-run-stop-rm=sh -c 'podman run -d $rt --name cyc $image sleep 100 >/dev/null && podman stop -t 0 cyc >/dev/null && podman rm cyc >/dev/null'" \
    >> "$work/lifecycle.txt"

python3 - "$work/lifecycle.txt" <<'PY'
import sys
r = {}
for line in open(sys.argv[1]):
    name, ms = line.rsplit(None, 1)
    r[name] = float(ms)
floor = {"exec": r["floor-exec"], "ps -a": r["floor-list"], "images": r["floor-list"], "volume ls": r["floor-list"]}
for what in ["exec", "ps -a", "images", "volume ls", "run-stop-rm"]:
    husk, podman = r[f"husk-{what}"], r[f"podman-{what}"]
    line = f"{what:12} husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f}"
    if what in floor:
        line += f"   floor {floor[what]:6.1f} ms   husk/floor {husk / floor[what]:.2f}"
    print(line)
PY

# kB of a process: RSS (all its resident pages, the husk binary's shared text included),
# PSS (shared pages divided among the processes that map them) and its private
# memory (RssAnon). The binary's file pages in RSS swing by a MiB from one copy
# of husk to another (seen: 4.8 to 6.1 MiB for binaries of the same size, the one
# installed last the higher): RssAnon is what a change to husk's memory shows in.
kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/$3"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f MiB", k / 1024}'; }
monitor=$(as_user "$work/husk" inspect --format '{{.State.MonitorPid}}' bench-exec)
conmon=$(pgrep -u "$user" -f 'conmon.*bench-exec' | head -1 || true)
echo "monitor RSS: husk $(mib "$(kb "$monitor" VmRSS status)") (target < 8 MiB), PSS $(mib "$(kb "$monitor" Pss smaps_rollup)"), anonymous $(mib "$(kb "$monitor" RssAnon status)")"
if [ -n "$conmon" ]; then
    echo "conmon (podman) RSS: $(mib "$(kb "$conmon" VmRSS status)"), PSS $(mib "$(kb "$conmon" Pss smaps_rollup)")"
fi
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
as_user "$work/husk" rm -af > /dev/null
as_user "$work/husk" volume prune -f > /dev/null
as_user podman rm -af -t 0 > /dev/null 2>&1 || true
as_user podman volume prune -f > /dev/null 2>&1 || true
as_user podman rmi -af > /dev/null 2>&1 || true
