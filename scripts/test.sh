#!/bin/sh
# scripts/test.sh — the whole test suite: installs what is missing
# (scripts/install-deps.sh), builds, runs the unit tests, the data-file tests
# and the script tests (closing "N passed, N failed").
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
make -j2 all >/dev/null
make check
