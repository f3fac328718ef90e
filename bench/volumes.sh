#!/usr/bin/env bash
# Volumes, husk against podman in the same run, as the same unprivileged user:
#   1. what mounting an existing named volume adds to `run --rm IMG true`
#      (target: at most 1 ms more than the run without it);
#   2. the first use of a new volume over a 100 MiB image directory (the image's
#      content is copied in), against `cp -a` of the same tree in the user
#      namespace (target: the copy at least as fast as cp -a), and podman's copy-up.
# Rounds in turn (bench/interleave.py), medians. The page cache is warm for all.
#
# Run as root. Needs: python3, podman, runc, docker-registry, uidmap, busybox-static
# (apt-get install python3 podman runc docker-registry uidmap busybox-static).
runs=${RUNS:-30}
copies=${COPIES:-8}
. "$(dirname "$0")/common.sh"

# busybox with /data: 100 files of 512 KiB and 2000 of 25 KiB in 20 directories (100 MiB).
rootfs="$work/volumes-rootfs"
data_rootfs "$rootfs"
python3 "$repo/tests/fixtures/mkimage.py" "$rootfs" "$host" "$work/registry/ca.crt" bench/volumes:latest >&2
image="$host/bench/volumes:latest"

as_user "$work/husk" pull -q "$image" > /dev/null
as_user podman pull -q "$image" > /dev/null
rt=""
as_user podman run --rm "$image" true 2> /dev/null || rt="--runtime runc"
as_user "$work/husk" run --rm -v kept:/data "$image" true
as_user podman run --rm $rt -v kept:/data "$image" true

u="setpriv --reuid $user --regid $user --init-groups -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=$home XDG_RUNTIME_DIR=$home/run"
echo "1. run --rm, with and without an existing volume (ms, median of $runs):"
python3 "$(dirname "$0")/interleave.py" run "$runs" \
    "husk=$u $work/husk run --rm $image true" \
    "husk+volume=$u $work/husk run --rm -v kept:/data $image true" \
    "podman=$u podman run --rm $rt $image true" \
    "podman+volume=$u podman run --rm $rt -v kept:/data $image true" | tee "$work/volumes-run.txt"

# The image's /data as the store has it (the layer that holds it).
layer=$(dirname "$(ls -d "$home"/.local/share/husk/layers/*/diff/data | head -1)")
echo "2. first use of a new volume over 100 MiB (ms, median of $copies):"
python3 "$(dirname "$0")/interleave.py" run "$copies" \
    "husk-copy=$u $work/husk run --rm -v new{round}:/data $image true" \
    "cp-a=$u $work/husk unshare cp -a $layer/data $home/cp{round}" \
    "podman-copy=$u podman run --rm $rt -v new{round}:/data $image true" | tee "$work/volumes-copy.txt"

python3 - "$work/volumes-run.txt" "$work/volumes-copy.txt" <<'PY'
import sys
r = {}
for f in sys.argv[1:]:
    r.update({name: float(ms) for name, ms in (l.split() for l in open(f))})
print(f"a volume adds: husk {r['husk+volume'] - r['husk']:+.2f} ms (target <= 1), podman {r['podman+volume'] - r['podman']:+.2f} ms")
copy = r["husk-copy"] - r["husk+volume"]
print(f"copy-up of 100 MiB: husk {copy:.1f} ms (its run minus a run with a full volume), "
      f"cp -a {r['cp-a']:.1f} ms, husk/cp-a {copy / r['cp-a']:.2f} (target <= 1); "
      f"podman's whole run {r['podman-copy']:.1f} ms")
PY
as_user "$work/husk" volume prune -f > /dev/null
as_user podman volume prune -f > /dev/null 2>&1 || true
as_user podman rmi -af > /dev/null 2>&1 || true
rm -rf "$home"/cp*
