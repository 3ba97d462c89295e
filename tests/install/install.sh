# tests/install/install.sh — `make install` gives an installable library:
# into a scratch PREFIX it puts the tool, libtreve.so.N (versioned soname,
# only treve_* exported), libtreve.a, treve.h, treve.pc, the man pages, the
# bash completion, the dashboard and the Python module; a C program built
# with `pkg-config --cflags --libs treve` (and one linked statically with
# --static) codes an article as `treve code` does; the installed tool
# serves its dashboard with the world map; Python imports the installed
# module and library; DESTDIR stages; `make uninstall` removes everything;
# a read-only prefix fails with a clear message and installs nothing.
set -u
fail() { echo "$*"; exit 1; }
BUILD=$(cd "$(dirname "$TREVE")" && pwd)
san=""
[ -n "${TREVE_SANFLAGS:-}" ] && san="SAN=1"
CC=${CC:-cc}
mk() { env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C "$ROOT" $san BUILD="$BUILD" "$@"; }
pfx="$TMP/prefix"
mk install PREFIX="$pfx" > "$TMP/install.out" 2>&1 || fail "make install failed: $(tail -n 20 "$TMP/install.out")"

ver=$(sed -n 's/^#define TREVE_VERSION "\(.*\)"/\1/p' "$ROOT/include/treve.h")
py=$(/usr/bin/python3 -c 'import sys; print("python%d.%d" % sys.version_info[:2])') || fail "no /usr/bin/python3 (Debian package python3)"
for f in bin/treve "lib/libtreve.so.$ver" lib/libtreve.so.0 lib/libtreve.so lib/libtreve.a include/treve.h \
         lib/pkgconfig/treve.pc share/man/man1/treve.1 share/bash-completion/completions/treve \
         share/treve/web/index.html share/treve/web/app.js share/treve/web/style.css share/treve/web/world-110m.json \
         "lib/$py/dist-packages/treve.py"; do
    [ -e "$pfx/$f" ] || fail "make install did not install $f"
done
for c in $("$TREVE" help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ && $1 != "help" { print $1 } on && /^$/ { exit }'); do
    [ -s "$pfx/share/man/man1/treve-$c.1" ] || fail "no man page treve-$c.1"
done
[ "$(readlink "$pfx/lib/libtreve.so.0")" = "libtreve.so.$ver" ] || fail "libtreve.so.0 does not point to libtreve.so.$ver"
[ "$(readlink "$pfx/lib/libtreve.so")" = libtreve.so.0 ] || fail "libtreve.so does not point to libtreve.so.0"
cmp -s "$pfx/include/treve.h" "$ROOT/include/treve.h" || fail "installed treve.h differs"

# soname and exported symbols: treve_* only (TREVE_0 is the version node)
readelf -d "$pfx/lib/libtreve.so.$ver" | grep -q 'SONAME.*\[libtreve\.so\.0\]' || fail "soname is not libtreve.so.0"
nm -D --defined-only "$pfx/lib/libtreve.so.$ver" | awk '{ print $NF }' | sed 's/@.*//' | sort -u > "$TMP/exported"
grep -v -e '^treve_' -e '^TREVE_0$' "$TMP/exported" > "$TMP/leaked" && fail "exported beyond treve_*: $(head -n 5 "$TMP/leaked" | tr '\n' ' ')"
grep -q '^treve_doc_analyse$' "$TMP/exported" || fail "treve_doc_analyse is not exported"
grep -q '^treve_store_counters$' "$TMP/exported" || fail "treve_store_counters is not exported"
nm "$pfx/lib/libtreve.a" | grep -q ' T tv_' || fail "no internal tv_ function in libtreve.a: the check above proves nothing"
# every public function of treve.h is exported
for fn in $(sed -n 's/^[a-z_ ]*[ *]\(treve_[a-z0-9_]*\)(.*/\1/p' "$ROOT/include/treve.h"); do
    grep -qx "$fn" "$TMP/exported" || fail "$fn (treve.h) is not exported by libtreve.so"
done

# a C client through pkg-config, dynamic then static
export PKG_CONFIG_PATH="$pfx/lib/pkgconfig"
pkg-config --exists treve || fail "pkg-config does not find treve in $PKG_CONFIG_PATH"
[ "$(pkg-config --modversion treve)" = "$ver" ] || fail "treve.pc version is not $ver"
# shellcheck disable=SC2046
$CC -std=c11 -Wall -Wextra -Werror ${TREVE_SANFLAGS:-} -o "$TMP/client" "$ROOT/tests/install/client.c" \
    $(pkg-config --cflags --libs treve) 2> "$TMP/cc.err" || fail "client does not build with pkg-config: $(cat "$TMP/cc.err")"
art="$TMP/article.txt"
printf "Combats à la frontière\n\nDes combats ont éclaté mardi entre l'Arménie et l'Azerbaïdjan, faisant 49 morts.\n" > "$art"
LD_LIBRARY_PATH="$pfx/lib" ldd "$TMP/client" | grep -q "libtreve.so.0 => $pfx/lib/libtreve.so.0" ||
    fail "client does not load the installed library: $(LD_LIBRARY_PATH="$pfx/lib" ldd "$TMP/client" | grep treve)"
LD_LIBRARY_PATH="$pfx/lib" "$TMP/client" "$art" 2022-09-13T08:00:00Z > "$TMP/client.out" || fail "client failed"
"$TREVE" code --lang fr --published 2022-09-13T08:00:00Z "$art" > "$TMP/treve.out"
[ -s "$TMP/client.out" ] && cmp -s "$TMP/client.out" "$TMP/treve.out" || fail "client and treve code differ: $(head -c 300 "$TMP/client.out")"
grep -q '"cameo":"19' "$TMP/client.out" || fail "client coded no clash: $(head -c 300 "$TMP/client.out")"
# shellcheck disable=SC2046
$CC -std=c11 ${TREVE_SANFLAGS:-} -o "$TMP/client-static" "$ROOT/tests/install/client.c" $(pkg-config --cflags treve) \
    "$pfx/lib/libtreve.a" $(pkg-config --static --libs treve | sed 's/-ltreve//') 2> "$TMP/cc.err" ||
    fail "client does not link statically with pkg-config --static: $(cat "$TMP/cc.err")"
ldd "$TMP/client-static" | grep -q libtreve && fail "the static client loads libtreve.so"
"$TMP/client-static" "$art" 2022-09-13T08:00:00Z | cmp -s - "$TMP/treve.out" || fail "static client differs"

# the installed tool: runs, and serves its dashboard (world map included)
# from PREFIX/share/treve/web without --web
"$pfx/bin/treve" --version | grep -q "^treve $ver (libtreve $ver)" || fail "installed treve --version"
"$pfx/bin/treve" ingest --quiet --published 2022-09-13T08:00:00Z --db "$TMP/i.db" "$art" || fail "installed treve ingest failed"
"$pfx/bin/treve" serve --db "$TMP/i.db" --port 0 --quiet 2> "$TMP/serve.err" &
spid=$!
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's#.*http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$TMP/serve.err")
    [ -n "$port" ] && break
    sleep 0.1
done
if [ -z "$port" ]; then kill "$spid"; fail "installed treve serve did not start: $(cat "$TMP/serve.err")"; fi
code=$(curl -s -o "$TMP/world.json" -w '%{http_code}' "http://127.0.0.1:$port/world-110m.json")
kill "$spid"; wait "$spid"
[ "$code" = 200 ] || fail "installed serve: /world-110m.json answered $code"
cmp -s "$TMP/world.json" "$pfx/share/treve/web/world-110m.json" || fail "installed serve: not the installed world map"

# Python: the installed module finds the installed library
preload=""
if [ -n "${TREVE_SANFLAGS:-}" ]; then preload="$($CC -print-file-name=libasan.so) $($CC -print-file-name=libubsan.so)"; fi
(cd "$TMP" && env -u TREVE_LIB PYTHONPATH="$pfx/lib/$py/dist-packages" PYTHONDONTWRITEBYTECODE=1 LD_PRELOAD="$preload" \
    ASAN_OPTIONS=detect_leaks=0 /usr/bin/python3 -c "
import treve, sys
assert treve.library_path == sys.argv[1], treve.library_path
ev = treve.code(open(sys.argv[2], 'rb').read(), lang='fr', published='2022-09-13T08:00:00Z')
print(ev[0]['cameo'])" "$pfx/lib/libtreve.so.0" "$art") > "$TMP/py.out" 2>&1 || fail "installed Python module: $(cat "$TMP/py.out")"
grep -q '^19' "$TMP/py.out" || fail "installed Python module coded no clash: $(cat "$TMP/py.out")"

# uninstall leaves nothing behind
mk uninstall PREFIX="$pfx" > "$TMP/un.out" 2>&1 || fail "make uninstall failed: $(cat "$TMP/un.out")"
left=$(find "$pfx" -type f -o -type l)
[ -z "$left" ] || fail "make uninstall left: $(echo $left | head -c 300)"

# DESTDIR: staged under DESTDIR, paths inside the files without it
mk install DESTDIR="$TMP/stage" PREFIX=/usr > "$TMP/stage.out" 2>&1 || fail "make install DESTDIR failed: $(tail -n 5 "$TMP/stage.out")"
[ -x "$TMP/stage/usr/bin/treve" ] || fail "DESTDIR: no $TMP/stage/usr/bin/treve"
[ -f "$TMP/stage/usr/lib/python3/dist-packages/treve.py" ] || fail "DESTDIR, PREFIX=/usr: no python3/dist-packages/treve.py"
grep -qx 'prefix=/usr' "$TMP/stage/usr/lib/pkgconfig/treve.pc" || fail "DESTDIR leaked into treve.pc: $(head -n 3 "$TMP/stage/usr/lib/pkgconfig/treve.pc")"
mk uninstall DESTDIR="$TMP/stage" PREFIX=/usr > /dev/null 2>&1 || fail "make uninstall DESTDIR failed"
[ -z "$(find "$TMP/stage" -type f)" ] || fail "uninstall DESTDIR left files"

# a read-only prefix: a clear message, a failure, nothing installed
ro="$TMP/ro"
mkdir -p "$ro"
if [ "$(id -u)" != 0 ]; then
    chmod 555 "$ro"
    mk install PREFIX="$ro/usr" > "$TMP/ro.out" 2>&1
    rc=$?
    chmod 755 "$ro"
elif unshare -m true 2>/dev/null; then
    unshare -m sh -c "mount -t tmpfs -o ro tmpfs '$ro' && env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C '$ROOT' $san BUILD='$BUILD' install PREFIX='$ro/usr'" > "$TMP/ro.out" 2>&1
    rc=$?
else
    chmod 755 "$TMP"
    setpriv --reuid=nobody --regid=nogroup --clear-groups env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS \
        make -s -C "$ROOT" $san BUILD="$BUILD" install PREFIX="$ro/usr" > "$TMP/ro.out" 2>&1
    rc=$?
fi
[ "$rc" != 0 ] || fail "make install into a read-only prefix succeeded"
grep -q "^treve: cannot install into $ro/usr/bin: not writable (read-only prefix?); nothing was installed" "$TMP/ro.out" ||
    fail "read-only prefix, message: $(cat "$TMP/ro.out")"
[ -z "$(find "$ro" -mindepth 1)" ] || fail "read-only prefix: something was installed"
exit 0
