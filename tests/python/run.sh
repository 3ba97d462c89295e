# tests/python/run.sh — the Python module's tests (tests/python/test_*.py)
# with `python3 -m unittest`, run by Debian's python3 (/usr/bin/python3:
# the one python3-pandas is for) against the libtreve.so of the build under
# test. Under ASan+UBSan (make SAN=1 check) the sanitizer runtimes are
# preloaded into the interpreter, leak checks off (Python keeps its own
# allocations to the end).
set -u
PY=${TREVE_PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || { echo "$PY is missing: install the Debian package python3 (sh scripts/install-deps.sh)"; exit 1; }
BUILD=$(dirname "$TREVE")
[ -e "$BUILD/libtreve.so" ] || { echo "no $BUILD/libtreve.so: run make"; exit 1; }
preload=""
if [ -n "${TREVE_SANFLAGS:-}" ]; then
    for l in libasan.so libubsan.so; do
        p=$(${CC:-cc} -print-file-name=$l)
        [ -f "$p" ] || { echo "sanitizer runtime $l not found (${CC:-cc} -print-file-name)"; exit 1; }
        preload="$preload $p"
    done
fi
cd "$ROOT/tests/python" || exit 1
out=$(TREVE_LIB="$BUILD/libtreve.so" PYTHONPATH="$ROOT/python" PYTHONDONTWRITEBYTECODE=1 \
      LD_PRELOAD="${preload# }" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
      "$PY" -m unittest -v test_treve 2>&1)
rc=$?
if [ "$rc" -ne 0 ]; then
    printf '%s\n' "$out" | grep -v '\.\.\. ok$' | tail -n 60
    exit 1
fi
printf '%s\n' "$out" | grep -q "^OK" || { printf '%s\n' "$out" | tail -n 20; exit 1; }
exit 0
