/*
 * tool_opts.c — the one option parser of `treve` and the help of every
 * command, from one table.
 *
 * tool_options[] lists every option once (name, value, help); each entry of
 * tool_commands[] names its options, synopsis, description and example.
 * tool_parse_opts() builds getopt_long's table for the command at hand from
 * them and checks every value (choices, ISO 8601 dates, number ranges), so a
 * command's body receives a checked tool_opts. `treve COMMAND --help`,
 * `treve help`, and at build time the man pages and the bash completion
 * (tools/gen-docs.c) are printed from the same table: they cannot drift
 * apart from what the parser accepts.
 */
#include "tool.h"

#include <getopt.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define FIELD(f) offsetof(tool_opts, f)

/* ---- the options --------------------------------------------------------*/
const tool_option tool_options[] = {
    {OPT_LANG, "lang", OV_CHOICE, "fr|en|auto", 0, 0, "language of the articles (default: auto, detected per article)"},
    {OPT_PUBLISHED, "published", OV_DATE, "ISO8601", 0, 0,
     "publication time of the articles (a JSONL line's \"published\" wins): resolves \"hier\", \"last week\"; "
     "without it relative dates stay unresolved"},
    {OPT_DCT, "dct", OV_DATE, "ISO8601", 0, 0, "same as --published (the document creation time)"},
    {OPT_TZ, "tz", OV_STRING, "ZONE", 0, 0,
     "IANA zone of local times that name no zone, e.g. Europe/Paris (default: UTC)"},
    {OPT_SOURCE, "source", OV_STRING, "NAME", 0, 0, "the articles' source (publisher), kept with their events"},
    {OPT_URL, "url", OV_STRING, "URL", 0, 0, "the article's URL"},
    {OPT_ID, "id", OV_STRING, "ID", 0, 0, "the article's id (default: the SHA-1 of its bytes)"},
    {OPT_INPUT, "input", OV_CHOICE, "text|jsonl|auto", 0, 0,
     "how to read FILEs: one article per file, or one JSON article per line (default: auto, .jsonl suffix or "
     "standard input starting with '{' is jsonl)"},
    {OPT_INVALID_UTF8, "invalid-utf8", OV_CHOICE, "reject|replace", 0, 0,
     "bad UTF-8 or NUL: reject the article (default), or read each bad byte as its Windows-1252 character "
     "(spans still index the bytes as read)"},
    {OPT_DATA, "data", OV_STRING, "DIR", 0, 0, "dictionaries from DIR (the layout of data/) instead of the built-in ones"},
    {OPT_FORMAT_CODE, "format", OV_CHOICE, "jsonl|csv", 0, 0,
     "one JSON object per event and line (default), or a CSV table with a header"},
    {OPT_FORMAT_EVENTS, "format", OV_CHOICE, "jsonl|csv", 0, 0, "JSON lines (default) or CSV with a header"},
    {OPT_FORMAT_EXPORT, "format", OV_CHOICE, "jsonl|csv|gdelt|acled", 0, 0,
     "JSON lines, CSV, the GDELT 2.0 event table layout (TSV) or ACLED-style CSV (default: jsonl)"},
    {OPT_SENTENCES, "sentences", OV_NONE, NULL, 0, 0, "show sentences and paragraphs"},
    {OPT_TOKENS, "tokens", OV_NONE, NULL, 0, 0, "show tokens"},
    {OPT_MATCHES, "matches", OV_NONE, NULL, 0, 0, "show dictionary matches, with the file and line of each entry"},
    {OPT_NUMBERS, "numbers", OV_NONE, NULL, 0, 0, "show numbers and quantities"},
    {OPT_TIMES, "times", OV_NONE, NULL, 0, 0, "show temporal expressions"},
    {OPT_EVENTS, "events", OV_NONE, NULL, 0, 0, "show events (default: every section)"},
    {OPT_DB, "db", OV_STRING, "PATH", 0, 0, "the SQLite database (required)"},
    {OPT_BATCH, "batch", OV_NUMBER, "N", 1, 1000000, "articles per transaction (default: 500)"},
    {OPT_SINCE, "since", OV_DATE, "ISO8601", 0, 0, "events that end at or after this time"},
    {OPT_UNTIL, "until", OV_DATE, "ISO8601", 0, 0, "events that start before this time"},
    {OPT_ACTOR, "actor", OV_STRING, "CODE", 0, 0, "events with an actor of this CAMEO code or prefix (RUS, RUSGOV)"},
    {OPT_TYPE, "type", OV_STRING, "CAMEO|PLOVER", 0, 0,
     "events of a CAMEO code prefix (19, 0871) or a PLOVER type (ASSAULT)"},
    {OPT_COUNTRY, "country", OV_STRING, "ISO3", 0, 0, "events with an actor or a place in this country (alpha-3: ARM)"},
    {OPT_HISTORICAL, "historical", OV_NONE, NULL, 0, 0, "only background events the articles recall"},
    {OPT_CURRENT, "current", OV_NONE, NULL, 0, 0, "only current (not historical) events"},
    {OPT_MIN_CASUALTIES, "min-casualties", OV_DECIMAL, "N", 0, 0, "events with at least N killed and wounded"},
    {OPT_LIMIT, "limit", OV_NUMBER, "N", 0, 1000000000, "at most N events (default: 0, no limit)"},
    {OPT_OFFSET, "offset", OV_NUMBER, "N", 0, 1000000000, "skip the first N events (paging)"},
    {OPT_PARTIES, "parties", OV_STRING, "ISO3,ISO3", 0, 0, "ceasefires between these parties (ARM,AZE)"},
    {OPT_AT, "at", OV_DATE, "ISO8601", 0, 0, "each ceasefire's state at this time (default: its last state)"},
    {OPT_PORT, "port", OV_NUMBER, "N", 0, 65535, "TCP port (default: 8080; 0 picks a free one)"},
    {OPT_BIND, "bind", OV_STRING, "ADDRESS", 0, 0, "IPv4 or IPv6 address to listen on (default: 127.0.0.1)"},
    {OPT_WEB, "web", OV_STRING, "DIR", 0, 0,
     "dashboard files (default: web/ beside the binary, else ../share/treve/web, else ./web)"},
    {OPT_THREADS, "threads", OV_NUMBER, "N", 0, 64, "worker threads (default: 0, the number of cores up to 16)"},
    {OPT_MAX_PER_IP, "max-per-ip", OV_NUMBER, "N", 1, 100000, "concurrent connections per client address (default: 256)"},
    {OPT_TIMEOUT, "timeout", OV_NUMBER, "SECONDS", 0, 3600, "close an idle connection after SECONDS (default: 15)"},
    {OPT_QUIET, "quiet", OV_NONE, NULL, 0, 0, NULL}, /* help per command: quiet_help() */
    {OPT_HELP, "help", OV_NONE, NULL, 0, 0, "print this help and exit"},
};
const size_t tool_noptions = sizeof tool_options / sizeof *tool_options;

const tool_option *tool_option_of(int key)
{
    for (size_t i = 0; i < tool_noptions; i++)
        if (tool_options[i].key == key)
            return &tool_options[i];
    return NULL;
}

/* Where each valued option's string goes. */
static size_t field_of(int key)
{
    switch (key) {
    case OPT_LANG: return FIELD(lang);
    case OPT_PUBLISHED: case OPT_DCT: return FIELD(published);
    case OPT_TZ: return FIELD(tz);
    case OPT_SOURCE: return FIELD(source);
    case OPT_URL: return FIELD(url);
    case OPT_ID: return FIELD(id);
    case OPT_INPUT: return FIELD(input);
    case OPT_DATA: return FIELD(data_dir);
    case OPT_FORMAT_CODE: case OPT_FORMAT_EVENTS: case OPT_FORMAT_EXPORT: return FIELD(format);
    case OPT_DB: return FIELD(db);
    case OPT_BATCH: return FIELD(batch);
    case OPT_SINCE: return FIELD(since);
    case OPT_UNTIL: return FIELD(until);
    case OPT_ACTOR: return FIELD(actor);
    case OPT_TYPE: return FIELD(type);
    case OPT_COUNTRY: return FIELD(country);
    case OPT_MIN_CASUALTIES: return FIELD(min_casualties);
    case OPT_LIMIT: return FIELD(limit);
    case OPT_OFFSET: return FIELD(offset);
    case OPT_PARTIES: return FIELD(parties);
    case OPT_AT: return FIELD(at);
    case OPT_PORT: return FIELD(port);
    case OPT_BIND: return FIELD(bind);
    case OPT_WEB: return FIELD(web);
    case OPT_THREADS: return FIELD(threads);
    case OPT_MAX_PER_IP: return FIELD(max_per_ip);
    case OPT_TIMEOUT: return FIELD(timeout);
    default: return (size_t)-1;
    }
}

/* ---- the commands -------------------------------------------------------*/
#define ARTICLE_OPTS OPT_LANG, OPT_PUBLISHED, OPT_DCT, OPT_TZ, OPT_SOURCE, OPT_URL, OPT_ID, OPT_INPUT, OPT_INVALID_UTF8, OPT_DATA

static const int CODE_OPTS[] = {ARTICLE_OPTS, OPT_FORMAT_CODE, 0};
static const int TIMES_OPTS[] = {ARTICLE_OPTS, 0};
static const int DEBUG_OPTS[] = {ARTICLE_OPTS, OPT_SENTENCES, OPT_TOKENS, OPT_MATCHES, OPT_NUMBERS, OPT_TIMES,
                                 OPT_EVENTS, 0};
static const int INGEST_OPTS[] = {OPT_DB, OPT_BATCH, OPT_QUIET, ARTICLE_OPTS, 0};
static const int EVENTS_OPTS[] = {OPT_DB,      OPT_SINCE,          OPT_UNTIL, OPT_ACTOR,  OPT_TYPE,
                                  OPT_COUNTRY, OPT_HISTORICAL,     OPT_CURRENT, OPT_MIN_CASUALTIES,
                                  OPT_LIMIT,   OPT_OFFSET,         OPT_FORMAT_EVENTS, 0};
static const int CEASEFIRES_OPTS[] = {OPT_DB, OPT_PARTIES, OPT_AT, 0};
static const int EXPORT_OPTS[] = {OPT_DB, OPT_FORMAT_EXPORT, 0};
static const int STATS_OPTS[] = {OPT_DB, 0};
static const int SERVE_OPTS[] = {OPT_DB,      OPT_PORT,    OPT_BIND,  OPT_WEB, OPT_THREADS,
                                 OPT_MAX_PER_IP, OPT_TIMEOUT, OPT_QUIET, 0};
static const int HELP_OPTS[] = {0};

#define INPUT_TEXT                                                                                              \
    "A FILE is one article (plain text: the first non-empty line is the headline) or, with a .jsonl suffix, "  \
    "one article per line: {\"id\",\"url\",\"source\",\"published\",\"lang\",\"title\",\"text\"}, only "       \
    "\"text\" required. No FILE, or '-', reads standard input. Spans index the article's UTF-8 bytes.\n\n"     \
    "A rejected article (invalid UTF-8, NUL byte, bad JSON line, over 32 MiB) prints "                         \
    "\"treve: FILE:LINE-OR-ID: OFFSET: MESSAGE\" on standard error and the next one is read."

const tool_command tool_commands[] = {
    {"code", "[OPTIONS] [FILE...]", "code articles into events, one JSON line per event",
     "Codes each article into the real-world events it reports: the CAMEO code and PLOVER type, the actors "
     "and their roles, the time as a UTC interval, the place, the casualties, who claims them, the "
     "modality, and the byte span of the words behind each field (docs/SPEC.md).\n\n" INPUT_TEXT,
     CODE_OPTS, true, false,
     "treve code --lang fr --published 2022-09-13T08:00:00Z dispatch.txt\n"
     "treve code --format csv articles.jsonl > events.csv"},
    {"times", "[OPTIONS] [FILE...]", "tag temporal expressions (TIMEX3 and UTC)",
     "Prints one JSON line per temporal expression of each article: its span, TIMEX3 type and value, the UTC "
     "interval it denotes, its precision and how it was resolved (docs/times.md). Relative expressions are "
     "resolved against --published (or --dct).\n\n" INPUT_TEXT,
     TIMES_OPTS, true, false, "treve times --dct 2022-09-13T08:00:00Z --lang fr dispatch.txt"},
    {"debug", "[OPTIONS] [FILE...]", "show what each stage of the pipeline found, with byte spans",
     "Prints, for each article, its sentences, tokens, dictionary matches (with the file and line of each "
     "entry), numbers, times and events, with their byte spans; the section options choose some of them "
     "(default: all).\n\n" INPUT_TEXT,
     DEBUG_OPTS, true, false, "treve debug --matches --lang fr dispatch.txt"},
    {"ingest", "--db PATH [OPTIONS] [FILE...]", "code articles and store their events (idempotent)",
     "Codes the articles and stores them and their events in a SQLite database (created when absent; WAL; one "
     "transaction per batch). An article already stored, by id or by the SHA-1 of its bytes, changes nothing; "
     "a run killed halfway keeps every committed batch and a re-run completes it without duplicates. Events "
     "of different articles that report one real-world event are merged into stories, and every ceasefire's "
     "state is tracked (docs/store.md).\n\n"
     "At the end one summary line on standard error: articles read, new, already stored (same id, same "
     "content), rejected, events stored, stories and ceasefires changed, time and rate. On a terminal a "
     "progress line with the rate and the time left. --quiet prints neither.\n\n" INPUT_TEXT,
     INGEST_OPTS, true, true, "treve ingest --db events.db articles.jsonl"},
    {"events", "--db PATH [OPTIONS]", "query stored events (stories)",
     "Prints the stored events matching every filter given, as merged stories (with every mention, source "
     "and casualty claim): one JSON line each (docs/SPEC.md, plus story_id, sources, articles), or CSV.",
     EVENTS_OPTS, false, true, "treve events --db events.db --country ARM --type 19 --since 2022-09-01"},
    {"ceasefires", "--db PATH [OPTIONS]", "list ceasefires with their state and why",
     "Prints one JSON line per tracked ceasefire: its parties, mediators, announcer, agreed and effective "
     "times, state (announced, in_force, violated, collapsed, renewed) with the reason and the evidence, and "
     "its timeline (docs/store.md).",
     CEASEFIRES_OPTS, false, true, "treve ceasefires --db events.db --parties ARM,AZE --at 2022-09-14T00:00:00Z"},
    {"export", "--db PATH [--format FORMAT]", "export every stored event (JSON lines, CSV, GDELT, ACLED)",
     "Writes every stored story to standard output in one of four layouts; docs/store.md says which GDELT "
     "and ACLED columns are filled and how.",
     EXPORT_OPTS, false, true, "treve export --db events.db --format acled > events.csv"},
    {"stats", "--db PATH", "counts of a store",
     "Prints one JSON object: the numbers of articles, events, stories and ceasefires (by state) of the "
     "database.",
     STATS_OPTS, false, true, "treve stats --db events.db"},
    {"serve", "--db PATH [OPTIONS]", "HTTP JSON API and dashboard over a store (read-only)",
     "Serves a read-only JSON API under /api/ and the dashboard at / over a database written by treve "
     "ingest (docs/serve.md). Binds to 127.0.0.1 unless --bind names another address; the address is "
     "printed on standard error. SIGINT or SIGTERM stop it (exit status 0). No internet is needed at run "
     "time: the dashboard's files, world map included, are served from --web.",
     SERVE_OPTS, false, true, "treve serve --db events.db --port 8080"},
    {"help", "[COMMAND]", "this overview, or a command's help",
     "Without COMMAND, the list of commands; with one, the same as treve COMMAND --help.", HELP_OPTS, true,
     false, "treve help ingest"},
};
const size_t tool_ncommands = sizeof tool_commands / sizeof *tool_commands;

const char tool_overview[] =
    "Turns news reports about armed conflict and diplomacy, in French and English, into coded events: who did "
    "what to whom (CAMEO, PLOVER), when in UTC, where, how many casualties, who says so, with the byte span of "
    "the words behind each field; stores them, merges reports into stories and tracks every ceasefire's "
    "state.";

const char tool_exit_status[] =
    "0 all input coded (or the query answered), 1 some articles rejected (the others were coded), 2 usage "
    "error or nothing could be done.";

static const tool_command *find_command(const char *name)
{
    for (size_t i = 0; i < tool_ncommands; i++)
        if (strcmp(tool_commands[i].name, name) == 0)
            return &tool_commands[i];
    return NULL;
}

bool tool_is_command(const char *name) { return find_command(name) != NULL; }

static const char *quiet_help(const char *cmd)
{
    return strcmp(cmd, "serve") == 0 ? "no libmicrohttpd error log, no shutdown line"
                                     : "no progress line, no summary line";
}

/* ---- help ---------------------------------------------------------------*/
/* Prints text wrapped at 79 columns, each line indented by indent (the
   first by first_col already used). Blank lines ("\n\n") are kept. */
static void wrap(FILE *f, const char *text, int indent, int first_col)
{
    int col = first_col;
    const char *p = text;
    while (*p) {
        if (*p == '\n') {
            fputc('\n', f);
            col = 0;
            p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            continue;
        }
        size_t n = strcspn(p, " \n");
        if (col > indent && col + 1 + (int)n > 79) {
            fputc('\n', f);
            col = 0;
        }
        if (col < indent) {
            fprintf(f, "%*s", indent - col, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', f);
            col++;
        }
        fwrite(p, 1, n, f);
        col += (int)n;
        p += n;
    }
    if (col)
        fputc('\n', f);
}

static void print_command_help(FILE *f, const tool_command *c)
{
    fprintf(f, "usage: treve %s %s\n\n", c->name, c->synopsis);
    wrap(f, c->summary, 0, 0);
    fputc('\n', f);
    wrap(f, c->description, 0, 0);
    fprintf(f, "\noptions:\n");
    for (const int *k = c->options;; k++) {
        const tool_option *op = tool_option_of(*k ? *k : OPT_HELP);
        char head[64];
        int n;
        if (op->key == OPT_HELP)
            n = snprintf(head, sizeof head, "  -h, --help");
        else if (op->key == OPT_QUIET)
            n = snprintf(head, sizeof head, "  -q, --quiet");
        else if (op->value)
            n = snprintf(head, sizeof head, "  --%s %s", op->name, op->value);
        else
            n = snprintf(head, sizeof head, "  --%s", op->name);
        fputs(head, f);
        if (n > 26) {
            fputc('\n', f);
            n = 0;
        }
        wrap(f, op->key == OPT_QUIET ? quiet_help(c->name) : op->help, 28, n);
        if (!*k)
            break;
    }
    fprintf(f, "\nexample%s:\n", strchr(c->example, '\n') ? "s" : "");
    for (const char *p = c->example; *p;) {
        size_t n = strcspn(p, "\n");
        fprintf(f, "  %.*s\n", (int)n, p);
        p += n + (p[n] == '\n');
    }
    if (strcmp(c->name, "help") != 0) {
        fprintf(f, "\nexit status:");
        wrap(f, tool_exit_status, 2, 12);
    }
}

void tool_print_overview(FILE *f)
{
    fputs("usage: treve COMMAND [OPTIONS] [FILE...]\n"
          "       treve help [COMMAND] | treve COMMAND --help | treve --version\n\n",
          f);
    wrap(f, tool_overview, 0, 0);
    fputs("\ncommands:\n", f);
    for (size_t i = 0; i < tool_ncommands; i++)
        fprintf(f, "  %-11s %s\n", tool_commands[i].name, tool_commands[i].summary);
    fputs("\n'treve COMMAND --help' (or man treve-COMMAND) shows a command's options and an\n"
          "example.\n\nexit status:",
          f);
    wrap(f, tool_exit_status, 2, 12);
}

int tool_help(int argc, char **argv)
{
    tool_opts o;
    int rc = tool_parse_opts(argc, argv, &o, "help");
    if (rc >= 0)
        return rc;
    if (o.nfiles == 0) {
        tool_print_overview(stdout);
        return 0;
    }
    const tool_command *c = find_command(o.files[0]);
    if (!c || o.nfiles > 1)
        return tool_usage_error(c ? "one command at a time, not '%s'" : "unknown command '%s'",
                                o.files[c ? 1 : 0]);
    print_command_help(stdout, c);
    return 0;
}

/* ---- parsing ------------------------------------------------------------*/
static const char *g_cmd; /* the command being parsed or run, for messages */

int tool_usage_error(const char *msg, const char *arg)
{
    const char *hole = strstr(msg, "%s");
    fprintf(stderr, "treve%s%s: ", g_cmd ? " " : "", g_cmd ? g_cmd : "");
    if (hole)
        fprintf(stderr, "%.*s%s%s\n", (int)(hole - msg), msg, arg ? arg : "", hole + 2);
    else
        fprintf(stderr, "%s\n", msg);
    if (g_cmd)
        fprintf(stderr, "(see treve %s --help)\n", g_cmd);
    else
        fprintf(stderr, "(see treve --help)\n");
    return EXIT_USAGE;
}

unsigned long tool_number(const char *digits, unsigned long dflt)
{
    return digits ? strtoul(digits, NULL, 10) : dflt;
}

static bool in_choices(const char *v, const char *choices)
{
    size_t n = strlen(v);
    for (const char *p = choices; *p;) {
        size_t m = strcspn(p, "|");
        if (m == n && strncmp(p, v, n) == 0)
            return true;
        p += m + (p[m] == '|');
    }
    return false;
}

/* Checks one value; prints the usage error and returns EXIT_USAGE, or 0. */
static int check_value(const tool_option *op, const char *v)
{
    char msg[160];
    switch (op->kind) {
    case OV_CHOICE:
        if (!in_choices(v, op->value)) {
            char choices[64];
            snprintf(choices, sizeof choices, "%s", op->value);
            for (char *q = choices; *q; q++)
                if (*q == '|')
                    *q = ',';
            snprintf(msg, sizeof msg, "--%s takes one of %s, not '%%s'", op->name, choices);
            return tool_usage_error(msg, v);
        }
        return 0;
    case OV_DATE: {
        int64_t t;
        treve_error err;
        if (treve_parse_iso8601(v, &t, &err) != TREVE_OK) {
            snprintf(msg, sizeof msg, "--%s: not an ISO 8601 date or time: '%%s'", op->name);
            return tool_usage_error(msg, v);
        }
        return 0;
    }
    case OV_NUMBER: {
        char *end;
        unsigned long n = strtoul(v, &end, 10);
        if (*v < '0' || *v > '9' || *end || n < op->min || n > op->max) {
            snprintf(msg, sizeof msg, "--%s takes a whole number from %lu to %lu, not '%%s'", op->name, op->min,
                     op->max);
            return tool_usage_error(msg, v);
        }
        return 0;
    }
    case OV_DECIMAL: {
        char *end;
        double d = strtod(v, &end);
        if (end == v || *end || !(d >= 0) || d > 1e15) {
            snprintf(msg, sizeof msg, "--%s takes a number >= 0, not '%%s'", op->name);
            return tool_usage_error(msg, v);
        }
        return 0;
    }
    default:
        if (!*v) {
            snprintf(msg, sizeof msg, "--%s needs a value%%s", op->name);
            return tool_usage_error(msg, "");
        }
        return 0;
    }
}

/* The option named by a command-line word ("--lang=fr" → "lang"), as text. */
static void option_word(const char *arg, char *out, size_t cap)
{
    size_t n = strcspn(arg, "=");
    snprintf(out, cap, "%.*s", (int)(n < 60 ? n : 60), arg);
}

int tool_parse_opts(int argc, char **argv, tool_opts *o, const char *cmd)
{
    memset(o, 0, sizeof *o);
    o->command = cmd;
    o->historical = -1;
    g_cmd = cmd;
    const tool_command *c = find_command(cmd);
    if (!c)
        return tool_usage_error("unknown command '%s'", cmd);

    struct option longopts[64];
    size_t n = 0;
    for (const int *k = c->options;; k++) {
        const tool_option *op = tool_option_of(*k ? *k : OPT_HELP);
        longopts[n++] = (struct option){op->name, op->kind == OV_NONE ? no_argument : required_argument, NULL,
                                        op->key};
        if (!*k)
            break;
    }
    longopts[n] = (struct option){NULL, 0, NULL, 0};
    bool quiet_ok = false;
    for (const int *k = c->options; *k; k++)
        quiet_ok |= *k == OPT_QUIET;
    const char *shortopts = quiet_ok ? ":hq" : ":h";

    optind = 0; /* glibc: start afresh (and permute: options may follow files) */
    opterr = 0;
    for (;;) {
        int key = getopt_long(argc, argv, shortopts, longopts, NULL);
        if (key == -1)
            break;
        if (key == '?' || key == ':') {
            /* glibc leaves optind just past the word at fault */
            char word[64];
            if (optopt && optopt < 256)
                snprintf(word, sizeof word, "-%c", optopt);
            else
                option_word(optind > 0 && optind <= argc ? argv[optind - 1] : "", word, sizeof word);
            if (key == ':')
                return tool_usage_error("option %s needs a value", word);
            size_t prefixes = 0, wl = strlen(word);
            for (size_t i = 0; i < n && wl > 2; i++)
                prefixes += strncmp(longopts[i].name, word + 2, wl - 2) == 0;
            return tool_usage_error(prefixes > 1 ? "ambiguous option %s (an abbreviation of several)"
                                                 : "unknown option %s",
                                    word);
        }
        if (key == OPT_HELP) {
            print_command_help(stdout, c);
            return fflush(stdout) == 0 ? 0 : EXIT_USAGE;
        }
        const tool_option *op = tool_option_of(key);
        if (op->kind != OV_NONE) {
            if (check_value(op, optarg) != 0)
                return EXIT_USAGE;
            if (key == OPT_INVALID_UTF8)
                o->replace_invalid = strcmp(optarg, "replace") == 0;
            else
                *(const char **)((char *)o + field_of(key)) = optarg;
            continue;
        }
        switch (key) {
        case OPT_QUIET: o->quiet = true; break;
        case OPT_HISTORICAL: o->historical = 1; break;
        case OPT_CURRENT: o->historical = 0; break;
        case OPT_SENTENCES: o->debug_what |= TREVE_DEBUG_SENTENCES; break;
        case OPT_TOKENS: o->debug_what |= TREVE_DEBUG_TOKENS; break;
        case OPT_MATCHES: o->debug_what |= TREVE_DEBUG_MATCHES; break;
        case OPT_NUMBERS: o->debug_what |= TREVE_DEBUG_NUMBERS; break;
        case OPT_TIMES: o->debug_what |= TREVE_DEBUG_TIMES; break;
        case OPT_EVENTS: o->debug_what |= TREVE_DEBUG_EVENTS; break;
        default: break;
        }
    }
    o->files = (const char **)argv + optind;
    o->nfiles = argc - optind;
    if (!c->files && o->nfiles > 0)
        return tool_usage_error("unexpected argument '%s'", o->files[0]);
    if (c->needs_db && !o->db)
        return tool_usage_error("--db PATH is required%s", "");
    return -1;
}
