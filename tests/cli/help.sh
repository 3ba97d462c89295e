# tests/cli/help.sh — every command explains itself: for each command that
# `treve help` lists, `treve COMMAND --help`, `-h` and `treve help COMMAND`
# print the same usage, options and example on stdout and exit 0 (even
# with a required option missing); an unknown option names the option and
# the command (exit 2); `treve --help` and `treve help` are the overview.
set -u
fail() { echo "$*"; exit 1; }
cmds=$("$TREVE" help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }')
[ "$(echo $cmds)" = "code times debug ingest events ceasefires export stats serve help" ] ||
    fail "treve help lists: $(echo $cmds)"
"$TREVE" --help > "$TMP/overview" || fail "treve --help: exit $?"
"$TREVE" help | cmp -s - "$TMP/overview" || fail "treve help differs from treve --help"
for c in $cmds; do
    "$TREVE" "$c" --help > "$TMP/$c.help" 2> "$TMP/$c.err" || fail "treve $c --help: exit $? ($(cat "$TMP/$c.err"))"
    [ -s "$TMP/$c.err" ] && fail "treve $c --help wrote on stderr: $(cat "$TMP/$c.err")"
    head -n 1 "$TMP/$c.help" | grep -q "^usage: treve $c" || fail "treve $c --help: no usage line"
    grep -q '^options:$' "$TMP/$c.help" || fail "treve $c --help: no options"
    grep -q '^  -h, --help  ' "$TMP/$c.help" || fail "treve $c --help: --help not listed"
    grep -q "^example" "$TMP/$c.help" || fail "treve $c --help: no example"
    # the example runs the command it documents
    grep -A1 "^example" "$TMP/$c.help" | tail -n 1 | grep -q "^  treve $c" || fail "treve $c --help: example is not 'treve $c'"
    "$TREVE" "$c" -h | cmp -s - "$TMP/$c.help" || fail "treve $c -h differs from --help"
    "$TREVE" help "$c" | cmp -s - "$TMP/$c.help" || fail "treve help $c differs from treve $c --help"
    # help wins over every other check (a missing --db, files…)
    "$TREVE" "$c" some-file --help > /dev/null 2>&1 || [ "$c" = help ] || fail "treve $c some-file --help: exit $?"
    # an unknown option: named, with the command, exit 2, nothing on stdout
    "$TREVE" "$c" --no-such-option > "$TMP/out" 2> "$TMP/err"
    rc=$?
    [ "$rc" = 2 ] || fail "treve $c --no-such-option: exit $rc"
    [ -s "$TMP/out" ] && fail "treve $c --no-such-option wrote on stdout"
    grep -q "^treve $c: unknown option --no-such-option" "$TMP/err" || fail "treve $c: message: $(cat "$TMP/err")"
    grep -q "see treve $c --help" "$TMP/err" || fail "treve $c: no pointer to --help: $(cat "$TMP/err")"
    # every option the help lists is accepted by the parser (a value option
    # without its value says so instead of "unknown option")
    for opt in $(sed -n 's/^  \(-h, \|-q, \)\{0,1\}\(--[a-z0-9-]*\).*/\2/p' "$TMP/$c.help" | grep -v -- --help); do
        "$TREVE" "$c" "$opt" > /dev/null 2> "$TMP/err" < /dev/null &
        pid=$!
        ( sleep 20; kill "$pid" 2>/dev/null ) & watchdog=$!
        wait "$pid"
        kill "$watchdog" 2>/dev/null
        grep -q "unknown option" "$TMP/err" && fail "treve $c: $opt is listed in --help but refused"
    done
done
# the short options of one command are not another's
"$TREVE" code -q /dev/null 2> "$TMP/err" && fail "treve code -q accepted"
grep -q "^treve code: unknown option -q" "$TMP/err" || fail "code -q: $(cat "$TMP/err")"
# other usage errors name the command and what is wrong
"$TREVE" events 2> "$TMP/err"; [ $? = 2 ] || fail "events without --db: not exit 2"
grep -q "^treve events: --db PATH is required" "$TMP/err" || fail "events without --db: $(cat "$TMP/err")"
"$TREVE" stats --db x extra 2> "$TMP/err"; [ $? = 2 ] || fail "stats with a file: not exit 2"
grep -q "^treve stats: unexpected argument 'extra'" "$TMP/err" || fail "stats extra: $(cat "$TMP/err")"
"$TREVE" ingest --db "$TMP/x.db" --batch 0 /dev/null 2> "$TMP/err"; [ $? = 2 ] || fail "--batch 0 accepted"
grep -q "^treve ingest: --batch takes a whole number from 1 to 1000000, not '0'" "$TMP/err" || fail "batch: $(cat "$TMP/err")"
[ -e "$TMP/x.db" ] && fail "a usage error created the database"
"$TREVE" serve --db x --port 70000 2> "$TMP/err"; [ $? = 2 ] || fail "--port 70000 accepted"
grep -q "^treve serve: --port takes a whole number from 0 to 65535, not '70000'" "$TMP/err" || fail "port: $(cat "$TMP/err")"
"$TREVE" export --db x --format xml 2> "$TMP/err"; [ $? = 2 ] || fail "--format xml accepted"
grep -q "^treve export: --format takes one of jsonl,csv,gdelt,acled, not 'xml'" "$TMP/err" || fail "format: $(cat "$TMP/err")"
"$TREVE" events --db x --since yesterday 2> "$TMP/err"; [ $? = 2 ] || fail "--since yesterday accepted"
grep -q "^treve events: --since: not an ISO 8601 date or time: 'yesterday'" "$TMP/err" || fail "since: $(cat "$TMP/err")"
"$TREVE" code --lang 2> "$TMP/err"; [ $? = 2 ] || fail "--lang without a value accepted"
grep -q "^treve code: option --lang needs a value" "$TMP/err" || fail "lang: $(cat "$TMP/err")"
"$TREVE" code --i x 2> "$TMP/err"; [ $? = 2 ] || fail "--i accepted"
grep -q "^treve code: ambiguous option --i" "$TMP/err" || fail "--i: $(cat "$TMP/err")"
"$TREVE" help frobnicate 2> "$TMP/err"; [ $? = 2 ] || fail "help frobnicate: not exit 2"
grep -q "unknown command 'frobnicate'" "$TMP/err" || fail "help frobnicate: $(cat "$TMP/err")"
# options may follow files, '--' ends them, abbreviations are accepted
printf 'Titre\n\nDes combats ont éclaté à Goma.\n' > "$TMP/a.txt"
"$TREVE" code "$TMP/a.txt" --publ=2022-09-13T08:00:00Z --lang fr > "$TMP/o1" || fail "options after a file"
"$TREVE" code --lang fr --published 2022-09-13T08:00:00Z -- "$TMP/a.txt" > "$TMP/o2" || fail "--"
cmp -s "$TMP/o1" "$TMP/o2" || fail "options after files differ from options before"
[ -s "$TMP/o1" ] || fail "no event coded from $TMP/a.txt"
# no command: the overview on stderr, exit 2
"$TREVE" > "$TMP/out" 2> "$TMP/err"; [ $? = 2 ] || fail "treve alone: not exit 2"
grep -q "^usage: treve COMMAND" "$TMP/err" || fail "treve alone: no usage on stderr"
exit 0
