#!/usr/bin/env python3
"""Push a directory tree as a one-layer gzip image: mkimage.py ROOTFS HOST CAFILE REPO:TAG"""
import io
import os
import sys
import tarfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures"))
from oci import Image, Registry  # noqa: E402


def slim(info):
    """Leave out what Debian's own images leave out: downloaded .debs and package lists."""
    name = info.name
    if name.startswith("./var/cache/apt/archives/") and name.endswith(".deb"):
        return None
    if name.startswith("./var/lib/apt/lists/") and info.isfile():
        return None
    return info


def main():
    rootfs, host, ca, ref = sys.argv[1:5]
    repo, tag = ref.rsplit(":", 1)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.add(rootfs, arcname=".", recursive=True, filter=slim)
    image = Image([(buf.getvalue(), "gzip")], config={"Env": ["PATH=/usr/bin:/bin"], "Cmd": ["bash"]})
    Registry(host, ca).push(repo, tag, image)
    layer = image.layer_digests[0]
    print(f"{host}/{ref}: {len(buf.getvalue()) >> 20} MiB tar, {len(image.blobs[layer]) >> 20} MiB gzip")


if __name__ == "__main__":
    main()
