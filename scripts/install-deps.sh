#!/bin/sh
# scripts/install-deps.sh — installs the Debian 12 packages treve needs to
# build, test, fuzz and benchmark, when they are missing. Run as root; as
# another user it prints the exact apt-get line to run and exits 1.
set -eu
PACKAGES="make gcc libc6-dev pkg-config
libutf8proc-dev libicu-dev libjansson-dev libhunspell-dev hunspell-fr hunspell-tools
libsqlite3-dev sqlite3 libmicrohttpd-dev
clang libclang-rt-14-dev"
missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "treve needs these Debian packages:$missing" >&2
    echo "run as root:  apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
