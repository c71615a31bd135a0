#!/bin/sh
# tools/bootstrap.sh — on a fresh Debian machine (as root): install the build and test
# dependencies, then configure and build txt2xbrl in the source tree. Idempotent.
set -eu
cd "$(dirname "$0")/.."
PKGS="build-essential autoconf automake libtool pkg-config libxml2-dev libxslt1-dev zlib1g-dev
      libcmocka-dev xsltproc libxml2-utils libarchive-dev"
missing=""
for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "bootstrap: missing packages:$missing (run as root, or install them)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure ${T2X_CONFIGURE_FLAGS:-}
make -j"$(nproc)"
