/*
 * tool.h — the treve command-line tool (src/), built on the public API only.
 * tool_main.c dispatches sub-commands; tool_input.c reads articles (plain
 * text files, JSONL streams, standard input) and reports rejected ones.
 */
#ifndef TREVE_TOOL_H
#define TREVE_TOOL_H

#include "treve.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses (SPEC): 0 all coded, 1 some inputs rejected, 2 usage error
   or nothing could be done. */
enum { EXIT_ALL_CODED = 0, EXIT_SOME_REJECTED = 1, EXIT_USAGE = 2 };

typedef struct tool_opts {
    const char *lang;        /* --lang fr|en|auto */
    const char *published;   /* --published / --dct */
    const char *source, *url, *id;
    const char *tz;          /* --tz */
    const char *input;       /* --input text|jsonl|auto */
    const char *format;      /* --format jsonl|csv */
    const char *data_dir;    /* --data DIR */
    bool replace_invalid;    /* --invalid-utf8 replace */
    unsigned debug_what;     /* treve debug sections */
    const char **files;      /* positional arguments */
    int nfiles;
} tool_opts;

/* Called once per successfully analysed article. Returns 0, or non-zero
   when writing failed (stops everything: exit 2). */
typedef int (*tool_article_fn)(treve_doc *doc, const char *where, void *user);

/* Reads every input named in o (or stdin), analyses each article with ctx
   and calls fn; rejected articles get one line on stderr. Returns the exit
   status. */
int tool_for_each_article(const treve_ctx *ctx, const tool_opts *o, tool_article_fn fn, void *user);

/* Prints "treve: <msg with %s replaced by arg>" (and a pointer to --help)
   on standard error; returns EXIT_USAGE. */
int tool_usage_error(const char *msg, const char *arg);

/* Parses the options shared by the article commands. Returns 0, or prints a
   usage error and returns EXIT_USAGE. */
int tool_parse_opts(int argc, char **argv, tool_opts *o, const char *cmd);

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
