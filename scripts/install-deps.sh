#!/bin/sh
# scripts/install-deps.sh — installs everything treve needs on Debian 12 to
# build, test, fuzz and benchmark, when it is missing:
#
#   1. the Debian packages listed below (apt-get, as root; as another user
#      it prints the exact apt-get line to run and exits 1);
#   2. the dashboard's npm modules (`npm ci` in web/: the world outline the
#      Makefile copies into build/web, and playwright-core for the browser
#      tests), when web/node_modules is absent or older than
#      web/package-lock.json. This is the only step that needs the network
#      besides apt; nothing does at run time afterwards.
#
#   sh scripts/install-deps.sh          install what is missing
#   sh scripts/install-deps.sh --list   print the Debian packages this machine
#                                       needs (one per line) and exit
#
# Node: a machine that already has `npm` on its PATH (NodeSource's nodejs
# bundles it) uses it; otherwise Debian's nodejs and npm are installed.
# Python: the suite runs the Python module's tests with Debian's python3
# (/usr/bin/python3), whatever python3 comes first on the PATH.
# Chromium (the dashboard's browser tests) is installed by .ci/run only.
set -eu
cd "$(dirname "$0")/.."

# Why each package is here:
#   build        make gcc libc6-dev binutils pkg-config, the -dev libraries
#   inflections  hunspell-fr hunspell-en-us (the dictionaries the build
#                expands), hunspell-tools (unmunch)
#   tests        zlib1g-dev (`pkg-config --static --libs treve` lists -lz for
#                SQLite: the static client of tests/install/install.sh),
#                sqlite3 (store tests), python3 python3-pandas (tests/python,
#                README's DataFrame lines), groff-base (man pages checked
#                with groff), bsdutils (script: the terminal progress line),
#                util-linux (setpriv: tests run as nobody)
#   fuzz         clang libclang-rt-14-dev
#   bench        wrk curl (bench/serve.sh), manpages-fr (bench/run.sh corpus)
#   npm          ca-certificates (npm ci fetches over https; not pulled in
#                with --no-install-recommends on a minimal system)
PACKAGES="make gcc libc6-dev binutils pkg-config ca-certificates
libutf8proc-dev libicu-dev libjansson-dev libhunspell-dev libsqlite3-dev libmicrohttpd-dev
hunspell-fr hunspell-en-us hunspell-tools
zlib1g-dev sqlite3 python3 python3-pandas groff-base bsdutils util-linux
clang libclang-rt-14-dev
wrk curl manpages-fr"
if ! command -v npm >/dev/null 2>&1; then
    PACKAGES="$PACKAGES
nodejs npm"
fi

if [ "${1:-}" = "--list" ]; then
    printf '%s\n' $PACKAGES
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "usage: sh scripts/install-deps.sh [--list]" >&2
    exit 2
fi

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=""
for p in $PACKAGES; do
    installed "$p" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "treve needs these Debian packages:$missing" >&2
        echo "run as root:  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
        exit 1
    fi
    echo "installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
    still=""
    for p in $missing; do
        installed "$p" || still="$still $p"
    done
    if [ -n "$still" ]; then
        echo "install-deps: apt-get did not install:$still" >&2
        exit 1
    fi
fi

# The dashboard's modules: again when package-lock.json changed.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    command -v npm >/dev/null 2>&1 || { echo "install-deps: npm is not installed (Debian packages nodejs npm)" >&2; exit 1; }
    echo "installing the dashboard's npm modules (npm ci in web/)" >&2
    (cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
