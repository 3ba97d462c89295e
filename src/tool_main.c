/*
 * tool_main.c — `treve`: sub-command dispatch, shared option parsing, and
 * the article commands (code, times, debug). Uses the public API only.
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "usage: treve COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "Turns news reports about armed conflict and diplomacy into coded events.\n"
    "Files are read as one article each (plain text: first non-empty line is the\n"
    "headline) or one article per line (.jsonl); no FILE or '-' reads stdin.\n"
    "\n"
    "commands:\n"
    "  code     [--lang fr|en|auto] [--published ISO8601] [--format jsonl|csv] FILE...\n"
    "           code articles, print one JSON line per event\n"
    "  times    --dct DATE [--lang fr|en] [--tz ZONE] FILE...\n"
    "           print temporal expressions (TIMEX3 + UTC)\n"
    "  debug    [--sentences] [--tokens] [--matches] [--numbers] [--times] FILE...\n"
    "           show what each stage found, with byte spans\n"
    "  ingest   --db PATH [--batch N] FILE...\n"
    "           code and store; re-ingesting the same article changes nothing\n"
    "  events   --db PATH [--since T] [--until T] [--actor CODE] [--type CAMEO|PLOVER]\n"
    "           [--country ISO3] [--historical|--current] [--min-casualties N]\n"
    "           [--limit N] [--offset N] [--format jsonl|csv]   stored events (stories)\n"
    "  ceasefires --db PATH [--parties ARM,AZE] [--at TIME]\n"
    "           ceasefires with their state (at TIME) and why\n"
    "  export   --db PATH --format jsonl|csv|gdelt|acled   bulk export\n"
    "  stats    --db PATH                   counts of a store (articles, events, stories, ceasefires)\n"
    "  serve    --db PATH [--port 8080] [--bind 127.0.0.1] [--web DIR]\n"
    "           HTTP JSON API (/api/...) and dashboard (/), database read-only\n"
    "\n"
    "common options:\n"
    "  --lang fr|en|auto      article language (default auto)\n"
    "  --published ISO8601    publication time (resolves relative dates)\n"
    "  --tz ZONE              IANA zone for local times with no named zone (default UTC)\n"
    "  --source NAME, --url URL, --id ID   article metadata\n"
    "  --input text|jsonl     how to read files (default: .jsonl suffix = jsonl)\n"
    "  --invalid-utf8 reject|replace   bad UTF-8: reject the article (default) or\n"
    "                         read each bad byte as its Windows-1252 character\n"
    "  --data DIR             dictionaries from DIR instead of the built-in ones\n"
    "  --help, --version\n"
    "\n"
    "exit status: 0 all input coded, 1 some inputs rejected, 2 usage error.\n";

int tool_usage_error(const char *msg, const char *arg)
{
    const char *hole = strstr(msg, "%s");
    if (hole)
        fprintf(stderr, "treve: %.*s%s%s\n(see treve --help)\n", (int)(hole - msg), msg, arg, hole + 2);
    else
        fprintf(stderr, "treve: %s\n(see treve --help)\n", msg);
    return EXIT_USAGE;
}

/* Matches "--name value" or "--name=value"; advances *i. */
static int opt_value(int argc, char **argv, int *i, const char *name, const char **out)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *out = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *out = argv[++*i];
    return 1;
}

int tool_parse_opts(int argc, char **argv, tool_opts *o, const char *cmd)
{
    static const char *files[4096];
    memset(o, 0, sizeof *o);
    o->files = files;
    bool only_files = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            if (o->nfiles == (int)(sizeof files / sizeof *files))
                return tool_usage_error("too many files (at most %s)", "4096");
            files[o->nfiles++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = true;
            continue;
        }
        const char *v = NULL;
        int r;
        struct {
            const char *name;
            const char **dst;
        } table[] = {{"--lang", &o->lang},     {"--published", &o->published}, {"--dct", &o->published},
                     {"--source", &o->source}, {"--url", &o->url},             {"--id", &o->id},
                     {"--tz", &o->tz},         {"--input", &o->input},         {"--format", &o->format},
                     {"--data", &o->data_dir}, {"--invalid-utf8", &v}};
        bool matched = false;
        for (size_t k = 0; k < sizeof table / sizeof *table; k++) {
            r = opt_value(argc, argv, &i, table[k].name, table[k].dst);
            if (r < 0)
                return tool_usage_error("option %s needs a value", table[k].name);
            if (r > 0) {
                matched = true;
                break;
            }
        }
        if (v) {
            if (strcmp(v, "replace") == 0)
                o->replace_invalid = true;
            else if (strcmp(v, "reject") != 0)
                return tool_usage_error("--invalid-utf8 takes reject or replace, not '%s'", v);
        }
        if (matched)
            continue;
        if (strcmp(cmd, "debug") == 0) {
            static const struct {
                const char *name;
                unsigned bit;
            } sections[] = {{"--sentences", TREVE_DEBUG_SENTENCES}, {"--tokens", TREVE_DEBUG_TOKENS},
                            {"--matches", TREVE_DEBUG_MATCHES},     {"--numbers", TREVE_DEBUG_NUMBERS},
                            {"--times", TREVE_DEBUG_TIMES},         {"--events", TREVE_DEBUG_EVENTS}};
            for (size_t k = 0; k < sizeof sections / sizeof *sections; k++)
                if (strcmp(a, sections[k].name) == 0) {
                    o->debug_what |= sections[k].bit;
                    matched = true;
                }
            if (matched)
                continue;
        }
        return tool_usage_error("unknown option %s", a);
    }
    if (o->lang && strcmp(o->lang, "fr") != 0 && strcmp(o->lang, "en") != 0 && strcmp(o->lang, "auto") != 0)
        return tool_usage_error("--lang takes fr, en or auto, not '%s'", o->lang);
    if (o->input && strcmp(o->input, "text") != 0 && strcmp(o->input, "jsonl") != 0 &&
        strcmp(o->input, "auto") != 0)
        return tool_usage_error("--input takes text, jsonl or auto, not '%s'", o->input);
    if (o->format && strcmp(o->format, "jsonl") != 0 && strcmp(o->format, "csv") != 0)
        return tool_usage_error("--format takes jsonl or csv, not '%s'", o->format);
    if (o->published) {
        int64_t t;
        treve_error err;
        if (treve_parse_iso8601(o->published, &t, &err) != TREVE_OK)
            return tool_usage_error("not an ISO 8601 date or time: '%s'", o->published);
    }
    return 0;
}

treve_ctx *tool_context(const tool_opts *o)
{
    treve_ctx_options copt = {.data_dir = o->data_dir};
    treve_error err = {0};
    treve_ctx *ctx = treve_ctx_new(&copt, &err);
    if (!ctx) {
        if (err.code == TREVE_EDICT)
            fprintf(stderr, "treve: dictionary line %zu (byte %zu): %s\n", err.line, err.offset, err.message);
        else
            fprintf(stderr, "treve: cannot load dictionaries: %s\n", err.message ? err.message : "error");
    }
    return ctx;
}

/* ---- code ---------------------------------------------------------------*/
static int write_events(treve_doc *doc, const char *where, void *user)
{
    (void)where;
    const tool_opts *o = user;
    treve_format f = o->format && strcmp(o->format, "csv") == 0 ? TREVE_FORMAT_CSV : TREVE_FORMAT_JSONL;
    return treve_doc_write_events(doc, f, treve_write_file, stdout);
}

int tool_code(int argc, char **argv)
{
    tool_opts o;
    if (tool_parse_opts(argc, argv, &o, "code") != 0)
        return EXIT_USAGE;
    treve_ctx *ctx = tool_context(&o);
    if (!ctx)
        return EXIT_USAGE;
    if (o.format && strcmp(o.format, "csv") == 0)
        treve_write_events_csv_header(treve_write_file, stdout);
    int rc = tool_for_each_article(ctx, &o, write_events, &o);
    treve_ctx_free(ctx);
    return rc;
}

/* ---- times --------------------------------------------------------------*/
static int write_times(treve_doc *doc, const char *where, void *user)
{
    (void)where;
    (void)user;
    return treve_doc_write_times(doc, treve_write_file, stdout);
}

int tool_times(int argc, char **argv)
{
    tool_opts o;
    if (tool_parse_opts(argc, argv, &o, "times") != 0)
        return EXIT_USAGE;
    treve_ctx *ctx = tool_context(&o);
    if (!ctx)
        return EXIT_USAGE;
    int rc = tool_for_each_article(ctx, &o, write_times, &o);
    treve_ctx_free(ctx);
    return rc;
}

/* ---- debug --------------------------------------------------------------*/
static int write_debug(treve_doc *doc, const char *where, void *user)
{
    const tool_opts *o = user;
    printf("file %s\n", where);
    return treve_doc_write_debug(doc, o->debug_what ? o->debug_what : TREVE_DEBUG_ALL, treve_write_file, stdout);
}

int tool_debug(int argc, char **argv)
{
    tool_opts o;
    if (tool_parse_opts(argc, argv, &o, "debug") != 0)
        return EXIT_USAGE;
    treve_ctx *ctx = tool_context(&o);
    if (!ctx)
        return EXIT_USAGE;
    int rc = tool_for_each_article(ctx, &o, write_debug, &o);
    treve_ctx_free(ctx);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(USAGE, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("treve %s\n", TREVE_VERSION);
        return 0;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } commands[] = {{"code", tool_code}, {"times", tool_times}, {"debug", tool_debug}, {"serve", tool_serve},
                    {"ingest", tool_ingest}, {"events", tool_events}, {"ceasefires", tool_ceasefires},
                    {"export", tool_export}, {"stats", tool_stats}};
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 2, argv + 2);
    return tool_usage_error("unknown command '%s'", argv[1]);
}
