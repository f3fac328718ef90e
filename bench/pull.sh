#!/usr/bin/env bash
# Cold pulls from a local TLS registry, husk against rootless `podman pull` and
# against the floors: what fetching the same blob and unpacking it with the
# usual tools costs, as the same user.
#
# 1. A Debian minbase image (debootstrap, cached in $BENCH_CACHE; 46 MiB gzip,
#    122 MiB tar): RUNS rounds of husk, podman and the floor
#    `curl | gunzip | tar -x` (target: husk <= 1.2x the floor). Every pull goes
#    into a fresh, empty store (nothing is deleted between rounds: this ext4
#    slows down creates for a minute after a mass delete).
# 2. One layer of BIG_MIB (default 1024; 0 skips it) random bytes, gzip and zstd:
#    RUNS rounds of husk and podman pulling each, the wire alone (`curl -o
#    /dev/null`, HTTP/1.1) and the zlib floor (`curl | zlib inflate > /dev/null`, Python's
#    zlib). Targets: gzip <= 0.6x the zlib floor, zstd at the wire's speed.
# Prints each round, the medians, the ratios and husk's peak RSS.
#
# Run as root (it makes the user husk-test and runs both tools as that user).
# Needs: debootstrap, docker-registry, podman, uidmap, curl, zstd, GNU time
# (apt-get install debootstrap docker-registry podman uidmap curl zstd time), and
# a release build of husk.
runs=${RUNS:-5}
big_mib=${BIG_MIB:-1024}
cache=${BENCH_CACHE:-/var/cache/husk-bench}
needs="debootstrap:debootstrap podman:podman curl:curl zstd:zstd /usr/bin/time:time"
. "$(dirname "$0")/common.sh"

if [ ! -d "$cache/rootfs" ]; then
    mkdir -p "$cache"
    rm -rf "$cache/rootfs.tmp"
    debootstrap --variant=minbase bookworm "$cache/rootfs.tmp" http://deb.debian.org/debian > "$cache/debootstrap.log"
    mv "$cache/rootfs.tmp" "$cache/rootfs"
fi
python3 "$repo/tests/fixtures/mkimage.py" "$cache/rootfs" "$host" "$work/registry/ca.crt" debian:minbase

# One timed command as the user: prints "seconds maxrss_kib".
timed() { as_user /usr/bin/time -f "%e %M" -o "$home/run/time" "$@" > /dev/null && cat "$home/run/time"; }
# The same for a shell pipeline (whose exit status is ignored: tar cannot make
# the image's device nodes as a user).
timed_sh() { as_user /usr/bin/time -f "%e %M" -o "$home/run/time" bash -c "$1" > /dev/null 2>&1 || true; tail -1 "$home/run/time"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# The URL of the first layer of REPO:TAG.
layer_url() {
    local digest
    digest=$(curl -sf --cacert "$work/registry/ca.crt" -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
        "https://$host/v2/$1/manifests/$2" | python3 -c 'import json, sys; print(json.load(sys.stdin)["layers"][0]["digest"])')
    echo "https://$host/v2/$1/blobs/$digest"
}
# HTTP/1.1, as husk fetches blobs: the faster of the two (HTTP/2 costs both sides more CPU).
curl_blob="curl -sf --http1.1 --cacert $work/registry/ca.crt"

stores="$home/stores"
as_user mkdir -p "$stores"
podman_in() { echo --root "$stores/podman-$1" --runroot "$home/run/podman-$1"; }
# podman's first-run setup (its pause process), outside the timing.
as_user podman $(podman_in warmup) pull -q "$host/debian:minbase" > /dev/null 2>&1

echo "== Debian minbase (46 MiB gzip, 122 MiB tar)"
url=$(layer_url debian minbase)
husk_times=() podman_times=() floor_times=() husk_rss=()
for i in $(seq "$runs"); do
    read -r t rss < <(timed "$work/husk" --root "$stores/husk-$i" pull -q "$host/debian:minbase")
    husk_times+=("$t"); husk_rss+=("$rss")
    read -r pt _ < <(timed podman $(podman_in "$i") pull -q "$host/debian:minbase")
    podman_times+=("$pt")
    as_user mkdir "$stores/floor-$i"
    read -r ft _ < <(timed_sh "$curl_blob $url | gunzip | tar -x -C $stores/floor-$i")
    floor_times+=("$ft")
    echo "run $i: husk ${t}s (peak RSS $((rss / 1024)) MiB)   podman ${pt}s   curl|gunzip|tar ${ft}s"
done
hm=$(median "${husk_times[@]}"); pm=$(median "${podman_times[@]}"); fm=$(median "${floor_times[@]}")
echo "median: husk ${hm}s, podman ${pm}s, floor ${fm}s; husk/podman $(ratio "$hm" "$pm"), husk/floor $(ratio "$hm" "$fm")"
echo "husk peak RSS median: $(($(median "${husk_rss[@]}") / 1024)) MiB"

if [ "$big_mib" -gt 0 ]; then
    echo "== one layer of $big_mib MiB random bytes"
    gz_url=$(python3 "$repo/bench/mkbig.py" "$big_mib" "$host" "$work/registry/ca.crt" bench/big:gzip gzip)
    zst_url=$(python3 "$repo/bench/mkbig.py" "$big_mib" "$host" "$work/registry/ca.crt" bench/big:zstd zstd)
    gz_url="https://$host$gz_url" zst_url="https://$host$zst_url"
    cat > "$work/inflate.py" <<'PY'
import sys, zlib
d, out = zlib.decompressobj(31), sys.stdout.buffer
for block in iter(lambda: sys.stdin.buffer.read(1 << 20), b""):
    out.write(d.decompress(block))
out.write(d.flush())
PY
    hg=() hz=() pg=() pz=() wire=() zlib=() big_rss=()
    for i in $(seq "$runs"); do
        read -r a rss < <(timed "$work/husk" --root "$stores/big" pull -q "$host/bench/big:gzip")
        as_user "$work/husk" --root "$stores/big" system reset -f > /dev/null
        read -r b _ < <(timed "$work/husk" --root "$stores/big" pull -q "$host/bench/big:zstd")
        as_user "$work/husk" --root "$stores/big" system reset -f > /dev/null
        read -r c _ < <(timed podman $(podman_in big) pull -q "$host/bench/big:gzip")
        as_user podman $(podman_in big) rmi -a -f > /dev/null 2>&1
        read -r d _ < <(timed podman $(podman_in big) pull -q "$host/bench/big:zstd")
        as_user podman $(podman_in big) rmi -a -f > /dev/null 2>&1
        read -r w _ < <(timed_sh "$curl_blob $gz_url -o /dev/null")
        read -r z _ < <(timed_sh "$curl_blob $gz_url | python3 $work/inflate.py > /dev/null")
        hg+=("$a") hz+=("$b") pg+=("$c") pz+=("$d") wire+=("$w") zlib+=("$z") big_rss+=("$rss")
        echo "run $i: husk gzip ${a}s zstd ${b}s   podman gzip ${c}s zstd ${d}s   wire ${w}s   curl|zlib ${z}s"
    done
    hgm=$(median "${hg[@]}"); hzm=$(median "${hz[@]}"); pgm=$(median "${pg[@]}"); pzm=$(median "${pz[@]}")
    wm=$(median "${wire[@]}"); zm=$(median "${zlib[@]}")
    echo "median: husk gzip ${hgm}s zstd ${hzm}s, podman gzip ${pgm}s zstd ${pzm}s, wire ${wm}s, curl|zlib ${zm}s"
    echo "gzip: husk/podman $(ratio "$hgm" "$pgm"), husk/zlib floor $(ratio "$hgm" "$zm") (target <= 0.6)"
    echo "zstd: husk/podman $(ratio "$hzm" "$pzm"), husk/wire $(ratio "$hzm" "$wm") (target 1)"
    echo "husk peak RSS median (gzip): $(($(median "${big_rss[@]}") / 1024)) MiB"
fi

for i in $(seq "$runs"); do as_user "$work/husk" --root "$stores/husk-$i" system reset -f > /dev/null; done
as_user podman unshare rm -rf "$stores"
