#!/usr/bin/env bash
# husk's whole test suite: unit tests, then integration tests that drive the
# built binary as an unprivileged user against local registries over TLS.
#
# As root it creates the test users (husk-test with /etc/subuid ranges,
# husk-nosub without) and runs husk as them. As an ordinary user it runs husk
# as you (you need /etc/subuid and /etc/subgid entries); the single-uid tests
# then say "skipped". Extra arguments run just that part with `cargo test ARGS`
# (e.g. `tests/run.sh --test security`, or a test name), on the default driver.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${HUSK_TEST_WORK:-/tmp/husk-tests}

# What the suite needs, as "command package". As root, missing ones are
# installed with apt-get (a fresh Debian 12 needs nothing else); otherwise
# their absence is an error naming the package.
needs="docker-registry:docker-registry openssl:openssl htpasswd:apache2-utils zstd:zstd
newuidmap:uidmap python3:python3 script:bsdutils cc:gcc setpriv:util-linux
fusermount3:fuse3 debootstrap:debootstrap pasta:passt slirp4netns:slirp4netns nft:nftables skopeo:skopeo docker:docker.io
docker-compose:docker-compose systemd-socket-activate:systemd"
missing=()
for pair in $needs; do
    PATH="$PATH:/usr/sbin:/sbin" command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
[ -x /bin/busybox ] || missing+=(busybox-static)
# The Python docker SDK the API tests drive (Debian's, for /usr/bin/python3).
[ -d /usr/lib/python3/dist-packages/docker ] || missing+=(python3-docker)
[ -e /usr/include/stdio.h ] || missing+=(libc6-dev)
# A venv for kubernetes-validate (PyPI), which checks kube generate's YAML.
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "tests/run.sh: installing ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null
        apt-get install -y -q --no-install-recommends "${missing[@]}" ca-certificates >/dev/null
    else
        echo "tests/run.sh: missing: ${missing[*]} (apt-get install ${missing[*]})" >&2
        exit 1
    fi
fi
command -v cargo >/dev/null 2>&1 || { echo "tests/run.sh: cargo not found: install Rust (rustup)" >&2; exit 1; }
if [ "$(id -u)" = 0 ]; then
    # What a real user's Debian already has: devices usable by ordinary users.
    for dev in /dev/fuse /dev/net/tun; do
        [ -e "$dev" ] && chmod 0666 "$dev"
    done
fi

ensure_user() { # NAME subuid|nosub
    id -u "$1" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$1"
    if [ "$2" = subuid ]; then
        if ! grep -q "^$1:" /etc/subuid || ! grep -q "^$1:" /etc/subgid; then
            sed -i "/^$1:/d" /etc/subuid /etc/subgid
            echo "$1:300000:65536" >> /etc/subuid
            echo "$1:300000:65536" >> /etc/subgid
        fi
    else
        sed -i "/^$1:/d" /etc/subuid /etc/subgid
    fi
}

export HUSK_TEST_USER="" HUSK_TEST_NOSUB_USER=""
if [ "$(id -u)" = 0 ]; then
    ensure_user husk-test subuid
    ensure_user husk-nosub nosub
    HUSK_TEST_USER=husk-test HUSK_TEST_NOSUB_USER=husk-nosub
elif ! grep -q "^$(id -un):" /etc/subuid; then
    echo "tests/run.sh: $(id -un) has no /etc/subuid entry; add one (usermod --add-subuids ...) or run as root" >&2
    exit 1
fi

mkdir -p "$work"
chmod 755 "$work"
rm -rf "$work/homes" "$work/bin"
mkdir -p "$work/homes" "$work/evil-target"
chmod 755 "$work/homes"
chmod 1777 "$work/evil-target"   # writable by the test user: a buggy unpacker would succeed here
rm -f "$work"/evil-target/* "$work/husk-escaped"

registry="$work/registry"
"$repo/tests/fixtures/registry.sh" start "$registry"
# A journal for `--log-driver journald` (tests/lifecycle.rs) where the machine has
# systemd's journald but does not run it (no systemd as PID 1): started as a
# desktop runs it, its runtime journal readable by the group systemd-journal,
# which the test user joins (as Debian's admin users read the journal).
journald=""
journal_listens() {
    python3 -c 'import socket; socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).connect("/run/systemd/journal/socket")' 2>/dev/null
}
if [ "$(id -u)" = 0 ] && ! journal_listens && [ -x /lib/systemd/systemd-journald ]; then
    install -d -g systemd-journal -m 2755 /run/log/journal
    mkdir -p /run/systemd/journal
    /lib/systemd/systemd-journald > /dev/null 2>&1 &
    journald=$!
    for _ in $(seq 50); do journal_listens && break; sleep 0.1; done
fi
if [ "$(id -u)" = 0 ] && getent group systemd-journal > /dev/null; then
    usermod -aG systemd-journal husk-test
fi
trap '"$repo/tests/fixtures/registry.sh" stop "$registry"; [ -z "$journald" ] || kill "$journald"' EXIT

base=${HUSK_TEST_PORT_BASE:-45000}
export HUSK_TEST_WORK="$work"
export HUSK_TEST_REGISTRY="127.0.0.1:$base"
export HUSK_TEST_AUTH_REGISTRY="127.0.0.1:$((base + 1))"
export HUSK_TEST_BAD_REGISTRY="127.0.0.1:$((base + 2))"
export HUSK_TEST_AUTH_USER=alice HUSK_TEST_AUTH_PASSWORD="${AUTH_PASSWORD:-wonderland}"
export HUSK_TEST_CA="$registry/ca.crt"
export HUSK_TEST_EVIL_TARGET="$work/evil-target"
export HUSK_TEST_FACTS="$registry/facts.json"

# A static program that probes the seccomp filter from inside containers (tests/security.rs).
cc -static -O2 -o "$work/syscalls" "$repo/tests/fixtures/syscalls.c"
chmod 755 "$work/syscalls"
export HUSK_TEST_SYSCALLS="$work/syscalls"
# A UDP echo server for containers (tests/network.rs).
cc -static -O2 -o "$work/udpecho" "$repo/tests/fixtures/udpecho.c"
chmod 755 "$work/udpecho"
export HUSK_TEST_UDPECHO="$work/udpecho"

# kubernetes-validate from PyPI: the independent Kubernetes schema check of
# what `husk kube generate` writes (tests/kube.rs), in a venv kept across runs.
kv="$work/kubernetes-validate"
if [ ! -x "$kv/bin/kubernetes-validate" ]; then
    rm -rf "$kv"
    { python3 -m venv "$kv" && "$kv/bin/pip" install -q --disable-pip-version-check kubernetes-validate > /dev/null; } ||
        { echo "tests/run.sh: could not install kubernetes-validate from PyPI" >&2; exit 1; }
fi
export HUSK_TEST_KUBE_VALIDATE="$kv/bin/kubernetes-validate"

(cd "$repo/tests/fixtures" && python3 mkfixtures.py "$HUSK_TEST_REGISTRY" "$HUSK_TEST_AUTH_REGISTRY" \
    "$HUSK_TEST_CA" "$HUSK_TEST_AUTH_USER" "$HUSK_TEST_AUTH_PASSWORD" "$HUSK_TEST_EVIL_TARGET" "$HUSK_TEST_FACTS")

# A Debian image with gcc and git for tests/workloads.rs: debootstrap from the apt
# mirror (cached across runs), and a .deb for dpkg -i, downloaded here on the host.
cache=${HUSK_TEST_CACHE:-/var/cache/husk-tests}
if [ "$(id -u)" = 0 ] && command -v debootstrap > /dev/null; then
    mkdir -p "$cache"
    if [ ! -d "$cache/debian" ]; then
        rm -rf "$cache/debian.tmp"
        debootstrap --variant=minbase --include=gcc,libc6-dev,git bookworm "$cache/debian.tmp" \
            http://deb.debian.org/debian > "$cache/debootstrap.log" 2>&1 ||
            { tail -5 "$cache/debootstrap.log" >&2; exit 1; }
        mv "$cache/debian.tmp" "$cache/debian"
    fi
    if [ ! -f "$cache/hello.deb" ]; then
        (cd "$cache" && apt-get download -q hello > /dev/null 2>&1 && mv hello_*.deb hello.deb)
    fi
    python3 "$repo/tests/fixtures/mkimage.py" "$cache/debian" "$HUSK_TEST_REGISTRY" "$HUSK_TEST_CA" \
        husk-test/debian:workloads > /dev/null
    install -m 644 "$cache/hello.deb" "$work/hello.deb"
    export HUSK_TEST_DEBIAN="$HUSK_TEST_REGISTRY/husk-test/debian:workloads" HUSK_TEST_DEB="$work/hello.deb"
else
    echo "tests/run.sh: the Debian workloads need root and debootstrap; tests/workloads.rs will say skipped" >&2
fi

cd "$repo"
if [ $# -gt 0 ]; then
    # A part of the suite: `tests/run.sh --test security`, `tests/run.sh seccomp`.
    status=0
    cargo test --no-fail-fast "$@" || status=1
    exit "$status"
fi
status=0
cargo test --no-fail-fast --all-targets || status=1
# The container tests once more, on the kernel's overlay instead of husk's FUSE overlay (the default).
echo "== tests/run.rs again with HUSK_STORAGE_DRIVER=overlay (the kernel's)"
HUSK_STORAGE_DRIVER=overlay cargo test --no-fail-fast --test run --test lifecycle || status=1
exit "$status"
