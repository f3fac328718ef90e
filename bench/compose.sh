#!/usr/bin/env bash
# `husk compose up -d` and `husk compose down` against podman-compose on podman,
# in the same run, as the same unprivileged user: a 5-service project (busybox
# services that sleep, one network, two named volumes, a dependency chain).
# Targets (issue 17): at most 0.1x podman-compose's time for each.
# RUNS rounds (default 7), the tools in turn (bench/interleave.py): up then down
# for husk, then for podman-compose; medians and ratios.
#
# Run as root. Needs: podman, podman-compose, runc, docker-registry, uidmap,
# busybox-static (apt-get install podman podman-compose runc docker-registry uidmap busybox-static).
runs=${RUNS:-7}
. "$(dirname "$0")/common.sh"

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
rt=""
as_user podman run --rm "$image" true 2> /dev/null || rt="runtime = \"runc\""
if [ -n "$rt" ]; then
    mkdir -p "$home/.config/containers"
    printf '[engine]\n%s\n' "$rt" > "$home/.config/containers/containers.conf"
fi

for tool in husk podman; do
    dir="$home/compose-$tool"
    mkdir -p "$dir"
    cat > "$dir/compose.yaml" <<YML
services:
  db:
    image: $image
    command: [sleep, "3600"]
    volumes: [data:/data]
    stop_signal: SIGKILL
  cache:
    image: $image
    command: [sleep, "3600"]
    stop_signal: SIGKILL
  api:
    image: $image
    command: [sleep, "3600"]
    depends_on: [db, cache]
    volumes: [uploads:/uploads]
    stop_signal: SIGKILL
  web:
    image: $image
    command: [sleep, "3600"]
    depends_on: [api]
    stop_signal: SIGKILL
  worker:
    image: $image
    command: [sleep, "3600"]
    depends_on: [db]
    stop_signal: SIGKILL
volumes:
  data:
  uploads:
YML
done
chown -R "$user:$user" "$home"
u="setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=$home XDG_RUNTIME_DIR=$home/run"
hc="$u $work/husk compose -f $home/compose-husk/compose.yaml"
pc="$u podman-compose -f $home/compose-podman/compose.yaml"
# One untimed round each first (images, networks and the like made once).
$hc up -d > /dev/null 2>&1; $hc down > /dev/null 2>&1
$pc up -d > /dev/null 2>&1; $pc down > /dev/null 2>&1

python3 "$repo/bench/interleave.py" run "$runs" \
    "husk-up=$hc up -d" "husk-down=$hc down" \
    "podman-up=$pc up -d" "podman-down=$pc down" > "$work/compose.txt" 2> "$work/compose.err" \
    || { cat "$work/compose.err" >&2; exit 1; }

python3 - "$work/compose.txt" <<'PY'
import sys
r = {}
for line in open(sys.argv[1]):
    name, ms = line.split()
    r[name] = float(ms)
for what in ["up", "down"]:
    husk, podman = r[f"husk-{what}"], r[f"podman-{what}"]
    print(f"compose {what:5} husk {husk:8.1f} ms   podman-compose {podman:8.1f} ms   husk/podman {husk / podman:.3f} (target <= 0.1)")
PY
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
as_user "$work/husk" rm -af > /dev/null 2>&1 || true
as_user podman rm -af > /dev/null 2>&1 || true
