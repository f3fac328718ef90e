#!/usr/bin/env bash
# Page-cache growth of a cold read through each storage driver: an image of one
# SIZE_MB (default 1024) file of random bytes, the caches dropped, a container
# that reads the file and stays, and `Cached` of /proc/meminfo before and while
# it runs. Through a FUSE overlay the file could sit twice in the page cache
# (the layer file and the FUSE inode); target: growth at most 1.2x the file.
# ROUNDS rounds (default 3), medians.
#
# Run as root (it drops the caches; husk runs as the user husk-test). Needs what
# bench/common.sh needs.
size=${SIZE_MB:-1024}
rounds=${ROUNDS:-3}
. "$(dirname "$0")/common.sh"

python3 "$repo/bench/mkbig.py" "$size" "$host" "$work/registry/ca.crt" bench/pagecache:latest zstd > /dev/null
as_user "$work/husk" pull -q "$host/bench/pagecache:latest" > /dev/null

cached_kib() { awk '/^Cached:/ {print $2}' /proc/meminfo; }

for driver in fuse-overlay overlay; do
    growths=()
    for i in $(seq "$rounds"); do
        sync; echo 3 > /proc/sys/vm/drop_caches
        before=$(cached_kib)
        as_user "$work/husk" --storage-driver "$driver" run -d --name "pc-$i" --network none \
            -v /bin/busybox:/busybox:ro "$host/bench/pagecache:latest" \
            /busybox sh -c '/busybox cat /random > /dev/null; /busybox touch /read; /busybox sleep 600' > /dev/null
        until as_user "$work/husk" exec "pc-$i" /busybox test -e /read 2> /dev/null; do sleep 0.2; done
        after=$(cached_kib)
        as_user "$work/husk" rm -f -t 0 "pc-$i" > /dev/null
        growth=$(( (after - before) / 1024 ))
        growths+=("$growth")
        echo "$driver round $i: page cache grew by $growth MiB for a $size MiB read"
    done
    m=$(median "${growths[@]}")
    echo "$driver median: $m MiB, $(awk -v a="$m" -v b="$size" 'BEGIN {printf "%.2f", a / b}')x the file (target <= 1.2x)"
done
