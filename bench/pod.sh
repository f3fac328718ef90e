#!/usr/bin/env bash
# Pods: `pod create` + two `run -d --pod` + `pod rm -f -t 0`, and `kube play`
# + `kube down` of a pod of three containers (issue 19), husk against
# podman in the same run, as the same unprivileged user (busybox containers
# that sleep). Target (issue 19): at most 0.1x podman's time.
# RUNS rounds (default 9), the tools in turn (bench/interleave.py); medians and ratios.
#
# Run as root. Needs: podman, runc, docker-registry, uidmap, busybox-static
# (apt-get install podman runc docker-registry uidmap busybox-static).
runs=${RUNS:-9}
. "$(dirname "$0")/common.sh"

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
podman_use_runc "$image"
u="setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=$home XDG_RUNTIME_DIR=$home/run"
# One pod's life: made, two containers in it, all of it removed.
life() {
    local tool=$1
    echo "sh -c '$tool pod create --name benchpod > /dev/null && $tool run -d --pod benchpod $image sleep 600 > /dev/null && $tool run -d --pod benchpod $image sleep 600 > /dev/null && $tool pod rm -f -t 0 benchpod > /dev/null'"
}
# Kubernetes YAML: one pod of three containers (a grace period of 0: stopped at once).
yaml="$home/bench-kube.yaml"
cat > "$yaml" <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: benchkube
spec:
  terminationGracePeriodSeconds: 0
  containers:
  - {name: a, image: $image, command: [sleep, "600"]}
  - {name: b, image: $image, command: [sleep, "600"]}
  - {name: c, image: $image, command: [sleep, "600"]}
YAML
chown "$user" "$yaml"
kube() {
    echo "sh -c '$1 kube play $yaml > /dev/null && $1 kube down $yaml > /dev/null'"
}
# One untimed round each first (the pause image, the netns, the kube network made once).
for tool in "$work/husk" podman; do
    $u sh -c "$(life "$tool" | sed "s/^sh -c '//; s/'\$//")" 2> /dev/null
    $u sh -c "$(kube "$tool" | sed "s/^sh -c '//; s/'\$//")" 2> /dev/null
done

python3 "$repo/bench/interleave.py" run "$runs" \
    "husk-pod=$u $(life "$work/husk")" "podman-pod=$u $(life podman)" \
    "husk-kube=$u $(kube "$work/husk")" "podman-kube=$u $(kube podman)" \
    > "$work/pod.txt" 2> "$work/pod.err" || { cat "$work/pod.err" >&2; exit 1; }

python3 - "$work/pod.txt" <<'PY'
import sys
r = dict((n, float(ms)) for n, ms in (line.split() for line in open(sys.argv[1])))
husk, podman = r["husk-pod"], r["podman-pod"]
print(f"pod create + 2 run --pod + pod rm -f   husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f} (target <= 0.1)")
husk, podman = r["husk-kube"], r["podman-kube"]
print(f"kube play + kube down (3 containers)   husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f} (target <= 0.1)")
PY
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
as_user "$work/husk" pod rm -af > /dev/null 2>&1 || true
as_user podman pod rm -af > /dev/null 2>&1 || true
