/*
 * tool_input.c — reading articles for the command-line tool.
 *
 * A plain-text file is one article (first non-empty line = headline); a
 * .jsonl file (or --input jsonl, or standard input whose first byte is '{')
 * holds one article per line. A rejected article prints
 *   treve: <file>:<line or article id>: <byte offset>: <message>
 * on standard error and the next one is read: one broken article never
 * loses the others.
 */
#include "tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* 1-based line of a byte offset in text. */
static size_t line_of(const char *text, size_t len, size_t offset)
{
    size_t line = 1;
    for (size_t i = 0; i < offset && i < len; i++)
        if (text[i] == '\n')
            line++;
    return line;
}

static void reject(const char *where, size_t line, const char *id, const treve_error *err)
{
    if (id && *id)
        fprintf(stderr, "treve: %s:%s: %zu: %s\n", where, id, err->offset, err->message);
    else
        fprintf(stderr, "treve: %s:%zu: %zu: %s\n", where, line, err->offset, err->message);
}

typedef struct run_state {
    const treve_ctx *ctx;
    const tool_opts *o;
    tool_article_fn fn;
    void *user;
    size_t coded, rejected;
    bool write_failed;
} run_state;

static void analyse(run_state *st, treve_article *a, const char *where, size_t line, const char *id)
{
    treve_error err = {0};
    a->invalid_utf8 = st->o->replace_invalid ? TREVE_UTF8_REPLACE : TREVE_UTF8_REJECT;
    if (!a->tz)
        a->tz = st->o->tz;
    treve_doc *doc = treve_doc_analyse(st->ctx, a, &err);
    if (!doc) {
        size_t l = line ? line : (a->text ? line_of(a->text, a->len, err.offset) : 1);
        reject(where, l, id, &err);
        st->rejected++;
        return;
    }
    if (!a->published && treve_doc_has_unresolved_times(doc))
        fprintf(stderr, "treve: %s: no publication time (--published): relative dates left unresolved\n", where);
    if (st->fn(doc, where, st->user) != 0)
        st->write_failed = true;
    st->coded++;
    treve_doc_free(doc);
}

static void base_article(const tool_opts *o, treve_article *a)
{
    memset(a, 0, sizeof *a);
    a->lang = o->lang;
    a->published = o->published;
    a->source = o->source;
    a->url = o->url;
    a->id = o->id;
    a->tz = o->tz;
}

static void run_jsonl(run_state *st, FILE *f, const char *where)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    size_t lineno = 0;
    while (!st->write_failed && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t sp = 0;
        while (sp < len && (line[sp] == ' ' || line[sp] == '\t'))
            sp++;
        if (sp == len)
            continue; /* blank line */
        char loc[64];
        snprintf(loc, sizeof loc, "%zu", lineno);
        treve_jsonl_article ja;
        treve_error err = {0};
        if (len > TREVE_MAX_ARTICLE * 2) {
            err.code = TREVE_ETOOBIG;
            err.message = "JSONL line larger than 64 MiB";
            err.offset = TREVE_MAX_ARTICLE * 2;
            reject(where, lineno, NULL, &err);
            st->rejected++;
            continue;
        }
        if (treve_jsonl_parse(line, len, &ja, &err) != TREVE_OK) {
            reject(where, lineno, NULL, &err);
            st->rejected++;
            continue;
        }
        treve_article a;
        base_article(st->o, &a);
        a.text = ja.article.text;
        a.len = ja.article.len;
        a.headline_end = ja.article.headline_end;
        if (ja.id)
            a.id = ja.id;
        if (ja.published)
            a.published = ja.published;
        if (ja.lang)
            a.lang = ja.lang;
        if (ja.source)
            a.source = ja.source;
        if (ja.url)
            a.url = ja.url;
        analyse(st, &a, where, lineno, NULL);
        treve_jsonl_article_clear(&ja);
    }
    free(line);
}

/* Reads a whole stream; rejects streams larger than TREVE_MAX_ARTICLE. */
static int slurp(FILE *f, char **out, size_t *len, treve_error *err)
{
    size_t cap = 64 * 1024, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return err->message = "out of memory", err->code = TREVE_ENOMEM;
    for (;;) {
        if (n == cap) {
            if (cap > TREVE_MAX_ARTICLE) {
                free(buf);
                err->offset = TREVE_MAX_ARTICLE;
                err->message = "article larger than 32 MiB";
                return err->code = TREVE_ETOOBIG;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return err->message = "out of memory", err->code = TREVE_ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        err->offset = n;
        err->message = "read error";
        return err->code = TREVE_EIO;
    }
    *out = buf;
    *len = n;
    return 0;
}

static void run_one(run_state *st, const char *path)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *where = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "treve: %s:0: 0: cannot open: %s\n", where, strerror(errno));
        st->rejected++;
        return;
    }
    const char *mode = st->o->input ? st->o->input : "auto";
    bool jsonl = strcmp(mode, "jsonl") == 0 || (strcmp(mode, "auto") == 0 && has_suffix(path, ".jsonl"));
    if (!jsonl && strcmp(mode, "auto") == 0 && is_stdin) {
        int c;
        while ((c = getc(f)) == ' ' || c == '\n' || c == '\r' || c == '\t')
            ;
        if (c != EOF)
            ungetc(c, f);
        jsonl = c == '{';
    }
    if (jsonl) {
        run_jsonl(st, f, where);
    } else {
        char *buf = NULL;
        size_t len = 0;
        treve_error err = {0};
        if (slurp(f, &buf, &len, &err) != 0) {
            reject(where, 0, NULL, &err);
            st->rejected++;
        } else {
            treve_article a;
            base_article(st->o, &a);
            a.text = buf;
            a.len = len;
            analyse(st, &a, where, 0, NULL);
            free(buf);
        }
    }
    if (!is_stdin)
        fclose(f);
}

int tool_for_each_article(const treve_ctx *ctx, const tool_opts *o, tool_article_fn fn, void *user,
                          tool_counts *counts)
{
    run_state st = {.ctx = ctx, .o = o, .fn = fn, .user = user};
    if (o->nfiles == 0) {
        run_one(&st, "-");
    } else {
        for (int i = 0; i < o->nfiles && !st.write_failed; i++)
            run_one(&st, o->files[i]);
    }
    if (counts)
        *counts = (tool_counts){.read = st.coded + st.rejected, .coded = st.coded, .rejected = st.rejected};
    if (fflush(stdout) != 0 || st.write_failed) {
        fprintf(stderr, "treve: cannot write standard output\n");
        return EXIT_USAGE;
    }
    return st.rejected ? EXIT_SOME_REJECTED : EXIT_ALL_CODED;
}
