#!/usr/bin/env bash
# The Docker API: the same docker CLI against `husk system service` and
# against `podman system service`, as the same unprivileged user, each
# service started once and kept (--time 0): `docker run --rm IMG true`,
# `docker ps`, `docker images`, `docker exec CTR true`.
# Targets (issue 18): at most 0.1x podman's time for each. Also: `docker --version`
# (the CLI's own start) and curl's raw /containers/json and /images/json, to
# show the servers' share of ps and images.
# RUNS rounds (default 15), the tools in turn (bench/interleave.py); medians and ratios.
#
# Run as root. Needs: docker (the CLI: docker.io), curl, podman, runc, docker-registry,
# uidmap, busybox-static (apt-get install docker.io podman runc docker-registry uidmap busybox-static).
runs=${RUNS:-15}
. "$(dirname "$0")/common.sh"

image=$(busybox_image)
as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
podman_use_runc "$image"

hsock="$home/run/husk-api.sock"
psock="$home/run/podman-api.sock"
as_user "$work/husk" system service --time 0 "unix://$hsock" &
hpid=$!
as_user podman system service --time 0 "unix://$psock" 2> /dev/null &
ppid_=$!
trap 'kill $hpid $ppid_ 2>/dev/null; "$repo/tests/fixtures/registry.sh" stop "$work/registry"; as_user "$work/husk" system reset -f >/dev/null 2>&1 || true' EXIT
for s in "$hsock" "$psock"; do
    for _ in $(seq 100); do [ -S "$s" ] && break; sleep 0.1; done
done

u="setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=$home XDG_RUNTIME_DIR=$home/run DOCKER_CONFIG=$home/.docker"
dockerbin=$(command -v docker) || { echo "$0: the docker CLI is missing (apt-get install docker.io)" >&2; exit 1; }
hd="$u DOCKER_HOST=unix://$hsock $dockerbin"
pd="$u DOCKER_HOST=unix://$psock $dockerbin"
# A container each for exec, and one untimed round of everything.
$hd run -d --name bench-exec "$image" sleep 3600 > /dev/null
$pd run -d --name bench-exec "$image" sleep 3600 > /dev/null
for d in "$hd" "$pd"; do
    $d run --rm "$image" true; $d ps > /dev/null; $d images > /dev/null; $d exec bench-exec true
done

python3 "$repo/bench/interleave.py" run "$runs" \
    "husk-run=$hd run --rm $image true" "podman-run=$pd run --rm $image true" \
    "husk-ps=$hd ps" "podman-ps=$pd ps" \
    "husk-images=$hd images" "podman-images=$pd images" \
    "husk-exec=$hd exec bench-exec true" "podman-exec=$pd exec bench-exec true" \
    "husk-rawps=$u curl -sf --unix-socket $hsock http://d/v1.50/containers/json" \
    "podman-rawps=$u curl -sf --unix-socket $psock http://d/v1.41/containers/json" \
    "husk-rawimages=$u curl -sf --unix-socket $hsock http://d/v1.50/images/json" \
    "podman-rawimages=$u curl -sf --unix-socket $psock http://d/v1.41/images/json" \
    "client=$u $dockerbin --version" \
    > "$work/api.txt" 2> "$work/api.err" || { cat "$work/api.err" >&2; exit 1; }

# The servers alone: one Python client, one kept-alive connection, the
# request's time to its whole answer (median of 200), for ps and images.
cat > "$work/latency.py" <<'PY'
import socket, statistics, sys, time
sock, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
s = socket.socket(socket.AF_UNIX); s.connect(sock)
f = s.makefile("rb")
times = []
for _ in range(n):
    t = time.perf_counter()
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: d\r\n\r\n".encode())
    length, chunked = 0, False
    while (line := f.readline()) not in (b"\r\n", b""):
        k, _, v = line.decode().partition(":")
        if k.lower() == "content-length": length = int(v)
        if k.lower() == "transfer-encoding": chunked = True
    if chunked:
        while (size := int(f.readline(), 16)): f.read(size + 2)
        f.readline()
    else:
        f.read(length)
    times.append(time.perf_counter() - t)
print(f"{statistics.median(times) * 1000:.2f}")
PY
chmod 644 "$work/latency.py"
for what in containers images; do
    h=$($u python3 "$work/latency.py" "$hsock" "/v1.50/$what/json" 200)
    p=$($u python3 "$work/latency.py" "$psock" "/v1.41/$what/json" 200)
    echo "server $what/json: husk $h ms, podman $p ms" >> "$work/latency.txt"
done

python3 - "$work/api.txt" <<'PY'
import sys
r = {}
for line in open(sys.argv[1]):
    name, ms = line.split()
    r[name] = float(ms)
for what in ["run", "ps", "images", "exec"]:
    husk, podman = r[f"husk-{what}"], r[f"podman-{what}"]
    print(f"docker {what:7} husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f} (target <= 0.1)")
# The client's own share: the docker CLI starting, and curl's requests alone.
print(f"docker --version (the CLI starting, no request): {r['client']:.1f} ms")
for what in ["ps", "images"]:
    husk, podman = r[f"husk-raw{what}"], r[f"podman-raw{what}"]
    print(f"curl {what:9} husk {husk:8.1f} ms   podman {podman:8.1f} ms   husk/podman {husk / podman:.3f}")
PY
cat "$work/latency.txt"; rm -f "$work/latency.txt"
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
$hd rm -f bench-exec > /dev/null 2>&1 || true
$pd rm -f bench-exec > /dev/null 2>&1 || true
