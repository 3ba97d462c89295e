# tests/install/docs.sh — the man pages and the bash completion (generated
# from the option table by tools/gen-docs.c): one page per command, each
# clean for groff (no warning) and listing the options `treve COMMAND
# --help` lists; treve.1 names every command; the completion offers the
# commands, each command's options, and the choices of an option's value.
set -u
fail() { echo "$*"; exit 1; }
BUILD=$(dirname "$TREVE")
MAN="$BUILD/man"
command -v groff > /dev/null || fail "groff is missing: install the Debian package groff-base"
cmds=$("$TREVE" help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ && $1 != "help" { print $1 } on && /^$/ { exit }')
[ -n "$cmds" ] || fail "treve help lists no command"
for page in "$MAN/treve.1" $(for c in $cmds; do echo "$MAN/treve-$c.1"; done); do
    [ -s "$page" ] || fail "no man page $page"
    groff -man -Tutf8 -ww -z "$page" 2> "$TMP/groff.err"
    [ -s "$TMP/groff.err" ] && fail "groff warns on $page: $(head -n 3 "$TMP/groff.err")"
done
groff -man -Tascii "$MAN/treve.1" 2>/dev/null | sed 's/.\x08//g' > "$TMP/treve.txt"
for c in $cmds; do
    grep -q "treve-$c(1)" "$TMP/treve.txt" || fail "treve.1 does not refer to treve-$c(1)"
    groff -man -Tascii "$MAN/treve-$c.1" 2>/dev/null | sed 's/.\x08//g' > "$TMP/$c.txt"
    grep -q "^NAME" "$TMP/$c.txt" && grep -q "^OPTIONS" "$TMP/$c.txt" && grep -q "^EXAMPLE" "$TMP/$c.txt" ||
        fail "treve-$c.1 lacks NAME, OPTIONS or EXAMPLE"
    for opt in $("$TREVE" "$c" --help | sed -n 's/^  \(-[hq], \)\{0,1\}\(--[a-z0-9-]*\).*/\2/p'); do
        grep -q -- "^ *\(-[hq], \)\{0,1\}$opt\b" "$TMP/$c.txt" || fail "treve-$c.1 lacks $opt"
    done
done

# bash completion
comp="$BUILD/completion/treve"
[ -s "$comp" ] || fail "no $comp"
completions() { # words... ; prints the completions of the last word, sorted
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _treve; printf "%s\n" "${COMPREPLY[@]}" | sort' \
        completions "$comp" "$@"
}
[ "$(completions treve co | tr '\n' ' ')" = "code " ] || fail "completion of 'treve co': $(completions treve co)"
[ "$(completions treve ce | tr '\n' ' ')" = "ceasefires " ] || fail "completion of 'treve ce'"
[ "$(completions treve code --la | tr '\n' ' ')" = "--lang " ] || fail "completion of 'treve code --la'"
[ "$(completions treve code --lang '' | tr '\n' ' ')" = "auto en fr " ] || fail "completion of --lang's value: $(completions treve code --lang '')"
[ "$(completions treve export --format '' | tr '\n' ' ')" = "acled csv gdelt jsonl " ] || fail "completion of export --format"
[ "$(completions treve events --format '' | tr '\n' ' ')" = "csv jsonl " ] || fail "completion of events --format"
[ "$(completions treve serve --p | tr '\n' ' ')" = "--port " ] || fail "completion of serve --p"
[ "$(completions treve help in | tr '\n' ' ')" = "ingest " ] || fail "completion of help in"
completions treve stats --db "$ROOT/Makef" | grep -q "Makefile$" || fail "completion of --db PATH: $(completions treve stats --db "$ROOT/Makef")"
# every option of every command is offered
for c in $cmds; do
    for opt in $("$TREVE" "$c" --help | sed -n 's/^  \(-[hq], \)\{0,1\}\(--[a-z0-9-]*\).*/\2/p'); do
        completions treve "$c" -- | grep -qx -- "$opt" || fail "completion of 'treve $c --' lacks $opt"
    done
done
exit 0
