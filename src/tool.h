/*
 * tool.h — the treve command-line tool (src/), built on the public API only.
 * tool_main.c dispatches sub-commands and runs the article commands;
 * tool_opts.c is the one option parser (getopt_long) and the help of every
 * command, from one table that also makes the man pages and the bash
 * completion (tools/gen-docs.c); tool_input.c reads articles (plain text
 * files, JSONL streams, standard input) and reports rejected ones;
 * tool_store.c and tool_serve.c are the store and server commands.
 */
#ifndef TREVE_TOOL_H
#define TREVE_TOOL_H

#include "treve.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses (SPEC): 0 all coded, 1 some inputs rejected, 2 usage error
   or nothing could be done. */
enum { EXIT_ALL_CODED = 0, EXIT_SOME_REJECTED = 1, EXIT_USAGE = 2 };

/* Every option of every command; a command accepts the subset its entry of
   the command table lists (tool_opts.c). */
enum tool_opt_key {
    OPT_HELP = 'h',
    OPT_QUIET = 'q',
    OPT_LANG = 256, OPT_PUBLISHED, OPT_DCT, OPT_TZ, OPT_SOURCE, OPT_URL, OPT_ID, OPT_INPUT, OPT_INVALID_UTF8,
    OPT_DATA, OPT_FORMAT_CODE, OPT_FORMAT_EVENTS, OPT_FORMAT_EXPORT,
    OPT_SENTENCES, OPT_TOKENS, OPT_MATCHES, OPT_NUMBERS, OPT_TIMES, OPT_EVENTS,
    OPT_DB, OPT_BATCH, OPT_SINCE, OPT_UNTIL, OPT_ACTOR, OPT_TYPE, OPT_COUNTRY, OPT_HISTORICAL, OPT_CURRENT,
    OPT_MIN_CASUALTIES, OPT_LIMIT, OPT_OFFSET, OPT_PARTIES, OPT_AT,
    OPT_PORT, OPT_BIND, OPT_WEB, OPT_THREADS, OPT_MAX_PER_IP, OPT_TIMEOUT
};

/* The values of a command line, checked by tool_parse_opts (choices, dates,
   number ranges): numbers are kept as the digits given (tool_number). */
typedef struct tool_opts {
    const char *command;     /* "code", "ingest"… */
    /* articles */
    const char *lang;        /* --lang fr|en|auto */
    const char *published;   /* --published / --dct */
    const char *source, *url, *id;
    const char *tz;          /* --tz */
    const char *input;       /* --input text|jsonl|auto */
    const char *format;      /* --format */
    const char *data_dir;    /* --data DIR */
    bool replace_invalid;    /* --invalid-utf8 replace */
    unsigned debug_what;     /* treve debug sections */
    /* store */
    const char *db, *batch, *since, *until, *actor, *type, *country, *min_casualties, *limit, *offset, *parties,
        *at;
    int historical;          /* -1 any (default), 0 --current, 1 --historical */
    /* serve */
    const char *port, *bind, *web, *threads, *max_per_ip, *timeout;
    bool quiet;              /* --quiet */
    const char **files;      /* positional arguments */
    int nfiles;
} tool_opts;

/* Parses argv (argv[0] is the command's name) with the options of that
   command. Returns -1 to go on; otherwise the command is over and the
   return value is its exit status: 0 after --help (printed on stdout),
   EXIT_USAGE after a usage error (printed on stderr, naming the option and
   the command). */
int tool_parse_opts(int argc, char **argv, tool_opts *o, const char *cmd);

/* A number option checked by tool_parse_opts, or dflt when absent. */
unsigned long tool_number(const char *digits, unsigned long dflt);

/* Prints "treve[ CMD]: <msg with %s replaced by arg>" and a pointer to the
   command's --help on standard error; returns EXIT_USAGE. CMD is the
   command being parsed or run. */
int tool_usage_error(const char *msg, const char *arg);

/* `treve help [COMMAND]`, `treve --help`: the overview, or a command's help. */
int tool_help(int argc, char **argv);
void tool_print_overview(FILE *f);
/* 1 when name is a documented command. */
bool tool_is_command(const char *name);

/* ---- documentation table (tool_opts.c; tools/gen-docs.c reads it) ------*/
typedef enum tool_value { OV_NONE, OV_STRING, OV_CHOICE, OV_DATE, OV_NUMBER, OV_DECIMAL } tool_value;

typedef struct tool_option {
    int key;                /* enum tool_opt_key */
    const char *name;       /* long name without "--" */
    tool_value kind;
    const char *value;      /* the value's name ("PATH"), or the choices ("fr|en|auto") */
    unsigned long min, max; /* OV_NUMBER bounds */
    const char *help;
} tool_option;

typedef struct tool_command {
    const char *name;
    const char *synopsis;    /* after "treve NAME " */
    const char *summary;     /* one line, lower case, no final period */
    const char *description; /* paragraphs separated by blank lines */
    const int *options;      /* keys, 0-terminated (--help is implied) */
    bool files;              /* takes FILE arguments */
    bool needs_db;           /* --db is required */
    const char *example;     /* command lines, one per line */
} tool_command;

extern const tool_option tool_options[];
extern const size_t tool_noptions;
extern const tool_command tool_commands[];
extern const size_t tool_ncommands;
/* General text of `treve --help` and treve(1). */
extern const char tool_overview[];
extern const char tool_exit_status[];
const tool_option *tool_option_of(int key);

/* ---- articles (tool_input.c) --------------------------------------------*/
/* Called once per successfully analysed article. Returns 0, or non-zero
   when writing failed (stops everything: exit 2). */
typedef int (*tool_article_fn)(treve_doc *doc, const char *where, void *user);

/* Articles seen by tool_for_each_article. */
typedef struct tool_counts {
    size_t read;     /* articles read (coded + rejected) */
    size_t coded;    /* analysed and handed to fn */
    size_t rejected; /* rejected (bad UTF-8, bad JSON line…) or unreadable file */
} tool_counts;

/* Reads every input named in o (or stdin), analyses each article with ctx
   and calls fn; rejected articles get one line on stderr. Fills *counts
   when not NULL. Returns the exit status. */
int tool_for_each_article(const treve_ctx *ctx, const tool_opts *o, tool_article_fn fn, void *user,
                          tool_counts *counts);

int tool_code(int argc, char **argv);
int tool_times(int argc, char **argv);
int tool_debug(int argc, char **argv);
/* src/tool_store.c */
int tool_ingest(int argc, char **argv);
int tool_events(int argc, char **argv);
int tool_ceasefires(int argc, char **argv);
int tool_export(int argc, char **argv);
int tool_stats(int argc, char **argv);
int tool_serve(int argc, char **argv); /* tool_serve.c */

treve_ctx *tool_context(const tool_opts *o);

#endif
