/*
 * context.c — builds a treve_ctx: loads every dictionary (the built-in copies
 * of the data directory's .txt files, or the files of a data directory given at run time) and
 * the Hunspell-generated inflection table, then compiles them into the
 * lexicon's trie. The context is read-only afterwards.
 */
#include "doc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static const char INFLECTIONS[] = "inflections.fr.tsv";

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Reads a whole file (at most max bytes) into a malloc'd buffer. */
static int read_file(const char *path, size_t max, char **out, size_t *len, treve_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return tv_fail(err, TREVE_EIO, "cannot open file", 0, 0);
    size_t cap = 64 * 1024, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    }
    for (;;) {
        if (n == cap) {
            if (cap >= max) {
                free(buf);
                fclose(f);
                return tv_fail(err, TREVE_ETOOBIG, "file too large", n, 0);
            }
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return tv_fail(err, TREVE_ENOMEM, "out of memory", n, 0);
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return tv_fail(err, TREVE_EIO, "read error", n, 0);
    }
    *out = buf;
    *len = n;
    return TREVE_OK;
}

/* Collects the *.txt files below dir (recursively), sorted. */
typedef struct path_list {
    char **paths;
    size_t n, cap;
} path_list;

static int add_path(path_list *l, const char *p)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        char **np = realloc(l->paths, cap * sizeof *np);
        if (!np)
            return -1;
        l->paths = np;
        l->cap = cap;
    }
    l->paths[l->n] = strdup(p);
    return l->paths[l->n++] ? 0 : -1;
}

static int collect(path_list *l, const char *dir, int depth)
{
    if (depth > 8)
        return 0;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            rc = collect(l, path, depth + 1);
        else if (S_ISREG(st.st_mode) && ends_with(e->d_name, ".txt"))
            rc = add_path(l, path);
    }
    closedir(d);
    return rc;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int load_file(treve_ctx *ctx, const char *path, treve_error *err);

static int load_dir(treve_ctx *ctx, const char *dir, treve_error *err)
{
    path_list l = {0};
    if (collect(&l, dir, 0) != 0) {
        for (size_t i = 0; i < l.n; i++)
            free(l.paths[i]);
        free(l.paths);
        return tv_fail(err, TREVE_EIO, "cannot read the data directory", 0, 0);
    }
    qsort(l.paths, l.n, sizeof *l.paths, cmp_str);
    int rc = TREVE_OK;
    for (size_t i = 0; i < l.n && rc == TREVE_OK; i++)
        rc = load_file(ctx, l.paths[i], err);
    for (size_t i = 0; i < l.n; i++)
        free(l.paths[i]);
    free(l.paths);
    return rc;
}

treve_ctx *treve_ctx_new(const treve_ctx_options *opt, treve_error *err)
{
    treve_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx || !(ctx->lex = tv_lexicon_new())) {
        free(ctx);
        tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
        return NULL;
    }
    int rc = TREVE_OK;
    for (size_t i = 0; i < tv_embedded_file_count && rc == TREVE_OK; i++) {
        const tv_embedded_file *f = &tv_embedded_files[i];
        if (strcmp(f->name, INFLECTIONS) == 0)
            rc = tv_lexicon_load_inflections(ctx->lex, f->name, (const char *)f->bytes, f->len, err);
        else if (!(opt && opt->data_dir))
            rc = tv_lexicon_load(ctx->lex, f->name, (const char *)f->bytes, f->len, err);
    }
    if (rc == TREVE_OK && opt && opt->data_dir)
        rc = load_dir(ctx, opt->data_dir, err);
    if (rc == TREVE_OK)
        rc = tv_lexicon_compile(ctx->lex, err);
    if (rc != TREVE_OK) {
        treve_ctx_free(ctx);
        return NULL;
    }
    return ctx;
}

/* Loads one file without compiling. Names given to the lexicon must outlive
   it: the context keeps a copy of each path. */
static int load_file(treve_ctx *ctx, const char *path, treve_error *err)
{
    char *buf;
    size_t len;
    int rc = read_file(path, 64u * 1024 * 1024, &buf, &len, err);
    if (rc != TREVE_OK)
        return rc;
    if (ctx->nnames == TV_ARRAY_LEN(ctx->names)) {
        free(buf);
        return tv_fail(err, TREVE_EINVAL, "too many dictionary files", 0, 0);
    }
    char *name = strdup(path);
    if (!name) {
        free(buf);
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    }
    ctx->names[ctx->nnames++] = name;
    rc = tv_lexicon_load(ctx->lex, name, buf, len, err);
    free(buf);
    return rc;
}

int treve_ctx_load_file(treve_ctx *ctx, const char *path, treve_error *err)
{
    if (!ctx || !path)
        return tv_fail(err, TREVE_EINVAL, "no context or path", 0, 0);
    int rc = load_file(ctx, path, err);
    if (rc == TREVE_OK)
        rc = tv_lexicon_compile(ctx->lex, err);
    return rc;
}

void treve_ctx_free(treve_ctx *ctx)
{
    if (!ctx)
        return;
    tv_lexicon_free(ctx->lex);
    for (size_t i = 0; i < ctx->nnames; i++)
        free(ctx->names[i]);
    free(ctx);
}

size_t treve_ctx_entry_count(const treve_ctx *ctx) { return ctx ? tv_lexicon_entry_count(ctx->lex) : 0; }
