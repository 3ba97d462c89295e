# tests/install/dashboard.sh — the build's dashboard is whole: the world
# outline (npm's world-atlas, installed in web/node_modules by
# scripts/install-deps.sh) is in $BUILD/web beside the page, so `treve
# serve` draws the map with no internet. Without it this test fails, saying
# what to run: the product is never shipped without its map.
set -u
fail() { echo "$*"; exit 1; }
BUILD=$(dirname "$TREVE")
src="$ROOT/web/node_modules/world-atlas/countries-110m.json"
[ -f "$src" ] || fail "$src is missing: run sh scripts/install-deps.sh (npm ci in web/; Debian packages nodejs npm when npm is absent), then make"
for f in index.html app.js style.css world-110m.json; do
    [ -s "$BUILD/web/$f" ] || fail "$BUILD/web/$f is missing: run make"
done
cmp -s "$src" "$BUILD/web/world-110m.json" || fail "$BUILD/web/world-110m.json is not web/node_modules' outline: run make"
grep -q '"type":"Topology"' "$BUILD/web/world-110m.json" && grep -q '"countries"' "$BUILD/web/world-110m.json" ||
    fail "$BUILD/web/world-110m.json is not a TopoJSON world with countries"
grep -q 'world-110m.json' "$ROOT/web/app.js" || fail "web/app.js no longer reads world-110m.json: update this test"
exit 0
