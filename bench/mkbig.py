#!/usr/bin/env python3
"""Push an image of one layer holding one file of random bytes (incompressible):
mkbig.py MIB HOST CAFILE REPO:TAG gzip|zstd. Prints the layer blob's URL path."""
import io
import os
import sys
import tarfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures"))
from oci import Image, Registry  # noqa: E402


def main():
    mib, host, ca, ref, how = sys.argv[1:6]
    repo, tag = ref.rsplit(":", 1)
    data = os.urandom(int(mib) << 20)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("random")
        info.size = len(data)
        info.mode = 0o644
        tar.addfile(info, io.BytesIO(data))
    del data
    image = Image([(buf.getvalue(), how)])
    Registry(host, ca).push(repo, tag, image)
    print(f"/v2/{repo}/blobs/{image.layer_digests[0]}")


if __name__ == "__main__":
    main()
