#!/bin/sh
# scripts/demo.sh — the main job on the bundled sample dispatches: installs
# what is missing (scripts/install-deps.sh: Debian packages, the dashboard's
# npm modules), builds everything (build/treve, the library, the dashboard
# with its world map), and codes samples/ (a JSONL stream of dispatches,
# then one plain-text dispatch).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
make -j2 all >/dev/null
build/treve code samples/dispatches.jsonl
build/treve code --lang fr --published 2024-05-04T10:00:00Z samples/frontiere.txt
