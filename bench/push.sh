#!/usr/bin/env bash
# `husk push` against `podman push` in the same run, as the same unprivileged
# user, to the local TLS registry:
#   - push of an image with a new 32 MiB layer (target: at most 0.5x podman's time):
#     before each run the layer is made anew (random bytes, built with --no-cache),
#   - push of an unchanged image, every blob already there (target: at most 0.2x),
#   - and the floor for the first: the registry taking 32 MiB in one PUT.
# RUNS rounds (default 11), husk and podman in turn (bench/interleave.py), medians
# and ratios; peak RSS of husk push from GNU time.
#
# Run as root. Needs: podman, runc, docker-registry, uidmap, busybox-static, time
# (apt-get install podman runc docker-registry uidmap busybox-static time).
runs=${RUNS:-11}
needs="podman:podman runc:runc /usr/bin/time:time"
. "$(dirname "$0")/common.sh"

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
rt=""
as_user podman run --rm "$image" true 2> /dev/null || rt="--runtime runc"

ctx="$home/pushctx"
mkdir -p "$ctx"
printf 'FROM %s\nCOPY data /data\n' "$image" > "$ctx/Dockerfile"
chown -R "$user:$user" "$ctx"
h="$work/husk"
u="setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=$home XDG_RUNTIME_DIR=$home/run"
# A new 32 MiB layer in the store of tool $1 (not timed), then the disk let settle.
cat > "$home/new-layer" <<SH
#!/bin/sh
set -e
head -c 33554432 /dev/urandom > $ctx/data
chown $user:$user $ctx/data
case \$1 in
husk*) $u $h build -q --no-cache -t bench-push $ctx > /dev/null ;;
podman*) $u podman build $rt -q --no-cache -t bench-push $ctx > /dev/null ;;
esac
sync
SH
chmod 755 "$home/new-layer"

dest="$host/bench"
"$home/new-layer" husk
"$home/new-layer" podman
as_user "$h" push -q bench-push "$dest/husk:1"
as_user podman push -q bench-push "$dest/podman:1"

# Interleaved (husk, podman, husk, ...): this machine's speed drifts by 2x
# over minutes, and a drift must slow both alike.
python3 "$repo/bench/interleave.py" run "$runs" --before "$home/new-layer {name}" \
    "husk-new=$u $h push -q bench-push $dest/husk:1" \
    "podman-new=$u podman push -q bench-push $dest/podman:1" > "$work/push-new.txt"
python3 "$repo/bench/interleave.py" run "$runs" \
    "husk-unchanged=$u $h push -q bench-push $dest/husk:1" \
    "podman-unchanged=$u podman push -q bench-push $dest/podman:1" > "$work/push-unchanged.txt"

python3 - "$work/push-new.txt" "$work/push-unchanged.txt" <<'PY'
import sys
r = {}
for f in sys.argv[1:]:
    for line in open(f):
        name, ms = line.split()
        r[name] = float(ms)
for what, target in [("new", 0.5), ("unchanged", 0.2)]:
    husk, podman = r[f"husk-{what}"], r[f"podman-{what}"]
    label = {"new": "new layer", "unchanged": "unchanged"}[what]
    print(f"{label:10} husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f} (target <= {target})")
PY
# The floor: the registry taking 32 MiB of new random bytes, already compressed
# and hashed, in one PUT from memory (Python's http.client over TLS).
python3 - "$host" "$work/registry/ca.crt" "$runs" <<'PY'
import hashlib, http.client, os, ssl, statistics, sys, time
host, port = sys.argv[1].split(":")
ctx = ssl.create_default_context(cafile=sys.argv[2])
times = []
for _ in range(int(sys.argv[3])):
    data = os.urandom(32 << 20)
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    c = http.client.HTTPSConnection(host, int(port), context=ctx)
    start = time.perf_counter()
    c.request("POST", "/v2/bench/floor/blobs/uploads/", headers={"Content-Length": "0"})
    r = c.getresponse(); r.read()
    loc = r.getheader("Location")
    c.request("PUT", loc + ("&" if "?" in loc else "?") + "digest=" + digest, body=data)
    r = c.getresponse(); r.read()
    assert r.status == 201, r.status
    times.append((time.perf_counter() - start) * 1000)
    c.close()
print(f"floor      registry takes 32 MiB in one PUT: {statistics.median(times):8.1f} ms (median of {len(times)})")
PY
"$home/new-layer" husk
kb=$(as_user /usr/bin/time -f %M "$h" push -q bench-push "$dest/husk:2" 2>&1 >/dev/null | tail -1)
awk -v k="$kb" 'BEGIN {printf "peak RSS of husk push (new 32 MiB layer): %.1f MiB\n", k / 1024}'
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
as_user "$h" rmi -af > /dev/null 2>&1 || true
as_user podman rmi -af > /dev/null 2>&1 || true
