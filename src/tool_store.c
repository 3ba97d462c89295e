/*
 * tool_store.c — the store commands of `treve` (public API only):
 *
 *   treve ingest --db PATH [--batch N] [article options] FILE...
 *   treve events --db PATH [--since T] [--until T] [--actor CODE] [--type CAMEO|PLOVER]
 *                [--country ISO3] [--historical|--current] [--min-casualties N]
 *                [--limit N] [--offset N] [--format jsonl|csv]
 *   treve ceasefires --db PATH [--parties ARM,AZE] [--at TIME]
 *   treve export --db PATH --format jsonl|csv|gdelt|acled
 *   treve stats --db PATH
 *
 * Ingest commits one transaction per batch of articles (default 500): a
 * crash loses at most the batch in progress, and a re-run skips what is
 * already stored. On a terminal, a progress line on standard error.
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct store_opts {
    const char *db, *since, *until, *actor, *type, *country, *parties, *at, *format, *min_cas, *limit, *offset,
        *batch;
    int historical;
    char **rest;
    int nrest;
} store_opts;

/* Takes the store options out of argv; the rest goes to tool_parse_opts. */
static int parse_store_opts(int argc, char **argv, store_opts *so, const char *const *allowed)
{
    memset(so, 0, sizeof *so);
    so->historical = -1;
    so->rest = calloc((size_t)argc + 1, sizeof *so->rest);
    if (!so->rest)
        return tool_usage_error("out of memory", NULL);
    struct {
        const char *name;
        const char **dst;
    } table[] = {{"--db", &so->db},           {"--since", &so->since},   {"--until", &so->until},
                 {"--actor", &so->actor},     {"--type", &so->type},     {"--country", &so->country},
                 {"--parties", &so->parties}, {"--at", &so->at},         {"--format", &so->format},
                 {"--min-casualties", &so->min_cas}, {"--limit", &so->limit}, {"--offset", &so->offset},
                 {"--batch", &so->batch}};
    bool only_files = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            so->rest[so->nrest++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) {
            only_files = true;
            so->rest[so->nrest++] = argv[i];
            continue;
        }
        bool taken = false;
        for (size_t k = 0; k < sizeof table / sizeof *table && !taken; k++) {
            size_t n = strlen(table[k].name);
            if (strncmp(a, table[k].name, n) != 0 || (a[n] != '\0' && a[n] != '='))
                continue;
            bool ok = false;
            for (size_t j = 0; allowed[j]; j++)
                ok |= !strcmp(allowed[j], table[k].name);
            if (!ok)
                break;
            if (a[n] == '=') {
                *table[k].dst = a + n + 1;
            } else {
                if (i + 1 >= argc) {
                    free(so->rest);
                    return tool_usage_error("option %s needs a value", table[k].name);
                }
                *table[k].dst = argv[++i];
            }
            taken = true;
        }
        if (taken)
            continue;
        bool hist_ok = false;
        for (size_t j = 0; allowed[j]; j++)
            hist_ok |= !strcmp(allowed[j], "--historical");
        if (hist_ok && !strcmp(a, "--historical")) {
            so->historical = 1;
            continue;
        }
        if (hist_ok && !strcmp(a, "--current")) {
            so->historical = 0;
            continue;
        }
        so->rest[so->nrest++] = argv[i];
    }
    if (!so->db) {
        free(so->rest);
        return tool_usage_error("%s: --db PATH is required", "store commands");
    }
    return 0;
}

static void report(const char *what, const treve_error *err)
{
    fprintf(stderr, "treve: %s: %s (%s)\n", what, err->message ? err->message : treve_strerror(err->code),
            treve_strerror(err->code));
}

static treve_store *open_store(const char *db, treve_store_mode mode)
{
    treve_error err = {0};
    if (mode == TREVE_STORE_READONLY && access(db, F_OK) != 0) {
        fprintf(stderr, "treve: %s: no such database\n", db);
        return NULL;
    }
    treve_store *s = treve_store_open(db, mode, &err);
    if (!s)
        report(db, &err);
    return s;
}

/* ---- ingest -----------------------------------------------------------------*/
typedef struct ingest_state {
    treve_store *store;
    const char *db;
    size_t batch, in_batch;
    size_t added, skipped, events, rejected, total;
    bool tty;
    double t0, last;
} ingest_state;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(ingest_state *st, bool final)
{
    double t = now();
    if (!st->tty || (!final && t - st->last < 0.25))
        return;
    st->last = t;
    size_t done = st->added + st->skipped;
    double rate = t > st->t0 ? (double)done / (t - st->t0) : 0;
    fprintf(stderr, "\r%zu articles (%zu new, %zu already stored), %.0f/s, %zu events, %zu errors", done, st->added,
            st->skipped, rate, st->events, st->rejected);
    if (st->total > done && rate > 0 && !final)
        fprintf(stderr, ", ETA %.0fs", (double)(st->total - done) / rate);
    fprintf(stderr, final ? "\n" : "   ");
}

static void fatal(ingest_state *st, const treve_error *err)
{
    if (st->tty)
        fputc('\n', stderr);
    report(st->db, err);
    fprintf(stderr, "treve: %s: stopped; batches committed before this point are kept\n", st->db);
    treve_store_close(st->store); /* rolls the open batch back */
    exit(EXIT_USAGE);
}

static int ingest_one(treve_doc *doc, const char *where, void *user)
{
    ingest_state *st = user;
    treve_error err = {0};
    int added = 0;
    if (treve_store_add(st->store, doc, &added, &err) != TREVE_OK) {
        if (err.code == TREVE_EINVAL || err.code == TREVE_ETOOBIG) {
            fprintf(stderr, "treve: %s: %zu: %s\n", where, err.offset, err.message);
            st->rejected++;
            return 0;
        }
        fatal(st, &err);
    }
    if (added) {
        st->added++;
        st->events += treve_doc_event_count(doc);
    } else {
        st->skipped++;
    }
    if (++st->in_batch >= st->batch) {
        if (treve_store_commit(st->store, &err) != TREVE_OK || treve_store_begin(st->store, &err) != TREVE_OK)
            fatal(st, &err);
        st->in_batch = 0;
    }
    progress(st, false);
    return 0;
}

/* Number of articles in the inputs, for the ETA (terminal only). */
static size_t count_articles(const tool_opts *o)
{
    size_t n = 0;
    for (int i = 0; i < o->nfiles; i++) {
        size_t len = strlen(o->files[i]);
        if (len < 6 || strcmp(o->files[i] + len - 6, ".jsonl") != 0) {
            n++;
            continue;
        }
        FILE *f = fopen(o->files[i], "rb");
        if (!f)
            continue;
        char buf[65536];
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, f)) > 0)
            for (size_t k = 0; k < got; k++)
                n += buf[k] == '\n';
        fclose(f);
    }
    return n;
}

int tool_ingest(int argc, char **argv)
{
    static const char *const allowed[] = {"--db", "--batch", NULL};
    store_opts so;
    if (parse_store_opts(argc, argv, &so, allowed) != 0)
        return EXIT_USAGE;
    tool_opts o;
    int rc = tool_parse_opts(so.nrest, so.rest, &o, "ingest");
    if (rc != 0) {
        free(so.rest);
        return EXIT_USAGE;
    }
    ingest_state st = {.db = so.db, .batch = 500, .tty = isatty(2) == 1};
    if (so.batch) {
        char *end;
        long b = strtol(so.batch, &end, 10);
        if (*end || b < 1 || b > 1000000) {
            free(so.rest);
            return tool_usage_error("--batch takes a number of articles (1 to 1000000), not '%s'", so.batch);
        }
        st.batch = (size_t)b;
    }
    treve_ctx *ctx = tool_context(&o);
    if (!ctx) {
        free(so.rest);
        return EXIT_USAGE;
    }
    st.store = open_store(so.db, TREVE_STORE_READWRITE);
    if (!st.store) {
        treve_ctx_free(ctx);
        free(so.rest);
        return EXIT_USAGE;
    }
    if (st.tty)
        st.total = count_articles(&o);
    st.t0 = st.last = now();
    treve_error err = {0};
    if (treve_store_begin(st.store, &err) != TREVE_OK)
        fatal(&st, &err);
    rc = tool_for_each_article(ctx, &o, ingest_one, &st);
    if (treve_store_commit(st.store, &err) != TREVE_OK)
        fatal(&st, &err);
    progress(&st, true);
    treve_store_close(st.store);
    treve_ctx_free(ctx);
    free(so.rest);
    if (rc == EXIT_ALL_CODED && st.rejected)
        rc = EXIT_SOME_REJECTED;
    return rc;
}

/* ---- queries ----------------------------------------------------------------*/
static int no_extra(const store_opts *so, const char *cmd)
{
    if (so->nrest) {
        fprintf(stderr, "treve: %s: unexpected argument '%s'\n(see treve --help)\n", cmd, so->rest[0]);
        return EXIT_USAGE;
    }
    return 0;
}

static int bad_time(const char *opt, const char *v)
{
    int64_t t;
    treve_error err;
    if (v && treve_parse_iso8601(v, &t, &err) != TREVE_OK) {
        fprintf(stderr, "treve: %s takes an ISO 8601 date or time, not '%s'\n", opt, v);
        return 1;
    }
    return 0;
}

static int finish_query(treve_store *s, int rc, const treve_error *err, const char *db)
{
    if (rc == TREVE_OK && fflush(stdout) != 0) {
        fprintf(stderr, "treve: cannot write standard output\n");
        rc = TREVE_EIO;
    } else if (rc != TREVE_OK) {
        report(db, err);
    }
    treve_store_close(s);
    return rc == TREVE_OK ? 0 : EXIT_USAGE;
}

static int parse_size(const char *opt, const char *v, size_t *out)
{
    if (!v)
        return 0;
    char *end;
    long long n = strtoll(v, &end, 10);
    if (*end || n < 0) {
        fprintf(stderr, "treve: %s takes a number, not '%s'\n", opt, v);
        return 1;
    }
    *out = (size_t)n;
    return 0;
}

int tool_events(int argc, char **argv)
{
    static const char *const allowed[] = {"--db",   "--since", "--until", "--actor",          "--type",
                                          "--country", "--format", "--historical", "--min-casualties", "--limit",
                                          "--offset", NULL};
    store_opts so;
    if (parse_store_opts(argc, argv, &so, allowed) != 0)
        return EXIT_USAGE;
    int rc = no_extra(&so, "events");
    treve_query q = {.since = so.since, .until = so.until, .actor = so.actor, .type = so.type,
                     .country = so.country, .historical = so.historical};
    if (!rc && so.format && strcmp(so.format, "jsonl") && strcmp(so.format, "csv"))
        rc = tool_usage_error("events: --format takes jsonl or csv, not '%s'", so.format);
    if (!rc && (bad_time("--since", so.since) || bad_time("--until", so.until)))
        rc = EXIT_USAGE;
    if (!rc && so.min_cas) {
        char *end;
        q.min_casualties = strtod(so.min_cas, &end);
        if (*end || q.min_casualties < 0)
            rc = tool_usage_error("--min-casualties takes a number, not '%s'", so.min_cas);
    }
    if (!rc && (parse_size("--limit", so.limit, &q.limit) || parse_size("--offset", so.offset, &q.offset)))
        rc = EXIT_USAGE;
    free(so.rest);
    if (rc)
        return rc;
    treve_store *s = open_store(so.db, TREVE_STORE_READONLY);
    if (!s)
        return EXIT_USAGE;
    treve_error err = {0};
    treve_format f = so.format && !strcmp(so.format, "csv") ? TREVE_FORMAT_CSV : TREVE_FORMAT_JSONL;
    rc = treve_store_events(s, &q, f, treve_write_file, stdout, &err);
    return finish_query(s, rc, &err, so.db);
}

int tool_ceasefires(int argc, char **argv)
{
    static const char *const allowed[] = {"--db", "--parties", "--at", NULL};
    store_opts so;
    if (parse_store_opts(argc, argv, &so, allowed) != 0)
        return EXIT_USAGE;
    int rc = no_extra(&so, "ceasefires");
    free(so.rest);
    if (rc)
        return rc;
    if (bad_time("--at", so.at))
        return EXIT_USAGE;
    treve_store *s = open_store(so.db, TREVE_STORE_READONLY);
    if (!s)
        return EXIT_USAGE;
    treve_query q = {.historical = -1, .parties = so.parties, .at = so.at};
    treve_error err = {0};
    rc = treve_store_ceasefires(s, &q, treve_write_file, stdout, &err);
    return finish_query(s, rc, &err, so.db);
}

int tool_export(int argc, char **argv)
{
    static const char *const allowed[] = {"--db", "--format", NULL};
    store_opts so;
    if (parse_store_opts(argc, argv, &so, allowed) != 0)
        return EXIT_USAGE;
    int rc = no_extra(&so, "export");
    free(so.rest);
    if (rc)
        return rc;
    const char *f = so.format ? so.format : "jsonl";
    if (strcmp(f, "jsonl") && strcmp(f, "csv") && strcmp(f, "gdelt") && strcmp(f, "acled"))
        return tool_usage_error("export: --format takes jsonl, csv, gdelt or acled, not '%s'", f);
    treve_store *s = open_store(so.db, TREVE_STORE_READONLY);
    if (!s)
        return EXIT_USAGE;
    treve_error err = {0};
    rc = treve_store_export(s, f, treve_write_file, stdout, &err);
    return finish_query(s, rc, &err, so.db);
}

int tool_stats(int argc, char **argv)
{
    static const char *const allowed[] = {"--db", NULL};
    store_opts so;
    if (parse_store_opts(argc, argv, &so, allowed) != 0)
        return EXIT_USAGE;
    int rc = no_extra(&so, "stats");
    free(so.rest);
    if (rc)
        return rc;
    treve_store *s = open_store(so.db, TREVE_STORE_READONLY);
    if (!s)
        return EXIT_USAGE;
    treve_error err = {0};
    rc = treve_store_stats(s, treve_write_file, stdout, &err);
    return finish_query(s, rc, &err, so.db);
}
