# tests/install/deps.sh — scripts/install-deps.sh: run by a user who is not
# root on a machine that lacks the packages, it prints the exact apt-get
# line (every package of `--list`) and exits non-zero without touching
# anything; with every package there it installs nothing, and it runs
# `npm ci` in web/ only when web/node_modules is absent or older than
# web/package-lock.json. And make stops at once, naming the -dev packages,
# when their libraries are missing. dpkg-query and npm are stand-ins on the PATH; the
# script runs as nobody (setpriv) when the suite runs as root.
set -u
fail() { echo "$*"; exit 1; }
d=$(mktemp -d /tmp/treve-deps.XXXXXX) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir -p "$d/tree/scripts" "$d/tree/web" "$d/bin"
cp "$ROOT/scripts/install-deps.sh" "$d/tree/scripts/"
cp "$ROOT/web/package-lock.json" "$d/tree/web/"
# stand-ins: nothing installed; npm records its arguments
printf '#!/bin/sh\nexit 1\n' > "$d/bin/dpkg-query"
printf '#!/bin/sh\necho "npm $* in $(pwd)" >> %s/npm.log\nmkdir -p node_modules && : > node_modules/.package-lock.json\n' "$d" > "$d/bin/npm"
printf '#!/bin/sh\necho "apt-get $*" >> %s/apt.log\nexit 1\n' "$d" > "$d/bin/apt-get"
chmod -R a+rX "$d"
chmod 755 "$d/bin/"* && chmod 777 "$d" "$d/tree/web"
as_user() {
    if [ "$(id -u)" = 0 ]; then
        command -v setpriv > /dev/null || fail "setpriv is missing: install the Debian package util-linux"
        setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$d" PATH="$d/bin:$PATH" "$@"
    else
        env PATH="$d/bin:$PATH" "$@"
    fi
}
list=$(as_user sh "$d/tree/scripts/install-deps.sh" --list) || fail "--list failed"
list=$(echo $list)
for p in hunspell-fr hunspell-en-us hunspell-tools libicu-dev python3 python3-pandas sqlite3 clang wrk; do
    case " $list " in *" $p "*) ;; *) fail "--list lacks $p: $list" ;; esac
done
# npm is on the PATH (the stand-in): Debian's nodejs and npm are not needed
case " $list " in *" npm "*|*" nodejs "*) fail "npm on the PATH, yet --list names nodejs/npm: $list" ;; esac
as_user sh "$d/tree/scripts/install-deps.sh" > "$d/out" 2> "$d/err"
rc=$?
[ "$rc" != 0 ] || fail "non-root without the packages: exit 0"
grep -qx "treve needs these Debian packages: $list" "$d/err" || fail "no package list: $(cat "$d/err")"
grep -qx "run as root:  apt-get update && apt-get install -y --no-install-recommends $list" "$d/err" ||
    fail "not the exact apt-get line: $(cat "$d/err")"
[ -s "$d/out" ] && fail "wrote on stdout: $(cat "$d/out")"
[ -e "$d/apt.log" ] && fail "apt-get was run: $(cat "$d/apt.log")"
[ -e "$d/npm.log" ] && fail "npm ran before the packages were there"
# without npm on the PATH, Debian's nodejs and npm are asked for
mkdir -p "$d/min"
for t in dirname; do ln -s "$(command -v $t)" "$d/min/$t"; done
nonpm=$(env PATH="$d/min" /bin/sh "$d/tree/scripts/install-deps.sh" --list | tr '\n' ' ')
case " $nonpm" in *" nodejs npm "*) ;; *) fail "no npm on the PATH, yet --list lacks nodejs npm: $nonpm" ;; esac
# every package there: nothing to install; npm ci runs once, then not again
printf '#!/bin/sh\necho "install ok installed"\n' > "$d/bin/dpkg-query"
as_user sh "$d/tree/scripts/install-deps.sh" > "$d/out" 2> "$d/err" || fail "all installed: exit $? ($(cat "$d/err"))"
[ -e "$d/apt.log" ] && fail "apt-get was run with every package there"
grep -q "^npm ci .* in $d/tree/web$" "$d/npm.log" || fail "npm ci did not run in web/: $(cat "$d/npm.log" 2>/dev/null)"
as_user sh "$d/tree/scripts/install-deps.sh" 2> "$d/err" || fail "second run: $(cat "$d/err")"
[ "$(wc -l < "$d/npm.log")" = 1 ] || fail "npm ci ran again with node_modules up to date"
touch -d '2001-01-01' "$d/tree/web/node_modules/.package-lock.json"
as_user sh "$d/tree/scripts/install-deps.sh" 2> "$d/err" || fail "third run: $(cat "$d/err")"
[ "$(wc -l < "$d/npm.log")" = 2 ] || fail "npm ci did not run again after package-lock.json changed"
# the build: a missing -dev package stops make at once, naming the package
mkdir -p "$d/nopc"
if env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS PKG_CONFIG_LIBDIR="$d/nopc" PKG_CONFIG_PATH= make -n -C "$ROOT" all > "$d/make.out" 2>&1; then
    fail "make went on without the libraries' pkg-config files"
fi
grep -q "install the Debian packages libhunspell-dev libicu-dev libjansson-dev libmicrohttpd-dev libsqlite3-dev libutf8proc-dev" "$d/make.out" ||
    fail "make without libraries: $(cat "$d/make.out")"
env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS PKG_CONFIG_LIBDIR="$d/nopc" PKG_CONFIG_PATH= make -n -C "$ROOT" clean > /dev/null 2>&1 ||
    fail "make clean needs the libraries"
exit 0
