/*
 * tool_main.c — `treve`: sub-command dispatch, --version, and the article
 * commands (code, times, debug). Options are parsed by tool_opts.c. Uses
 * the public API only (and libmicrohttpd's version, linked by serve).
 */
#include "tool.h"

#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

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
    int rc = tool_parse_opts(argc, argv, &o, "code");
    if (rc >= 0)
        return rc;
    treve_ctx *ctx = tool_context(&o);
    if (!ctx)
        return EXIT_USAGE;
    if (o.format && strcmp(o.format, "csv") == 0)
        treve_write_events_csv_header(treve_write_file, stdout);
    rc = tool_for_each_article(ctx, &o, write_events, &o, NULL);
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
    int rc = tool_parse_opts(argc, argv, &o, "times");
    if (rc >= 0)
        return rc;
    treve_ctx *ctx = tool_context(&o);
    if (!ctx)
        return EXIT_USAGE;
    rc = tool_for_each_article(ctx, &o, write_times, &o, NULL);
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
    int rc = tool_parse_opts(argc, argv, &o, "debug");
    if (rc >= 0)
        return rc;
    treve_ctx *ctx = tool_context(&o);
    if (!ctx)
        return EXIT_USAGE;
    rc = tool_for_each_article(ctx, &o, write_debug, &o, NULL);
    treve_ctx_free(ctx);
    return rc;
}

/* ---- --version ------------------------------------------------------------*/
static int write_stdout(void *user, const char *data, size_t len)
{
    (void)user;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

/* The tool's and the library's versions, the built-in data (the data
   version: a digest, then each file with its entries), and the libraries
   linked at run time. */
static int print_version(void)
{
    printf("treve %s (libtreve %s)\n", TREVE_VERSION, treve_version());
    char digest[41];
    treve_data_digest(digest);
    size_t nfiles = treve_data_count(), entries = 0, bytes = 0;
    treve_data_info d;
    for (size_t i = 0; i < nfiles; i++)
        if (treve_data_file(i, &d) == TREVE_OK) {
            entries += d.entries;
            bytes += d.bytes;
        }
    printf("data %.12s: %zu files, %zu entries, %zu bytes (built in)\n", digest, nfiles, entries, bytes);
    for (size_t i = 0; i < nfiles; i++)
        if (treve_data_file(i, &d) == TREVE_OK)
            printf("  %-32s %7zu %s\n", d.name, d.entries,
                   strcmp(d.name, "inflections.fr.tsv") == 0 ? "forms (Hunspell fr_FR + en_US, at build time)"
                                                             : "entries");
    printf("libraries:\n");
    fflush(stdout);
    if (treve_write_library_versions(write_stdout, NULL) != TREVE_OK)
        return EXIT_USAGE;
    printf("libmicrohttpd %s\n", MHD_get_version());
    printf("Hunspell: not linked (its dictionaries are expanded at build time)\n");
    return fflush(stdout) == 0 ? 0 : EXIT_USAGE;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        tool_print_overview(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
        cmd = "help";
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0)
        return print_version();
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } commands[] = {{"code", tool_code},     {"times", tool_times},   {"debug", tool_debug},
                    {"ingest", tool_ingest}, {"events", tool_events}, {"ceasefires", tool_ceasefires},
                    {"export", tool_export}, {"stats", tool_stats},   {"serve", tool_serve},
                    {"help", tool_help}};
    /* argv[0] of a command is its name: getopt_long starts after it */
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    return tool_usage_error(cmd[0] == '-' ? "unknown option %s: options follow the command (treve COMMAND --help)"
                                          : "unknown command '%s'",
                            cmd);
}
