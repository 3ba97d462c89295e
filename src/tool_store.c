/*
 * tool_store.c — the store commands of `treve` (public API only):
 *
 *   treve ingest --db PATH [--batch N] [--quiet] [article options] FILE...
 *   treve events --db PATH [--since T] [--until T] [--actor CODE] [--type CAMEO|PLOVER]
 *                [--country ISO3] [--historical|--current] [--min-casualties N]
 *                [--limit N] [--offset N] [--format jsonl|csv]
 *   treve ceasefires --db PATH [--parties ARM,AZE] [--at TIME]
 *   treve export --db PATH --format jsonl|csv|gdelt|acled
 *   treve stats --db PATH
 *
 * Options are parsed and checked by tool_opts.c (the table documents them).
 * Ingest commits one transaction per batch of articles (default 500): a
 * crash loses at most the batch in progress, and a re-run skips what is
 * already stored. On a terminal, a progress line on standard error; at the
 * end, one summary line (terminal or not); --quiet prints neither.
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
} store_opts;

/* Parses a store command's options (tool_opts.c checks them); -1 to go on,
   else the exit status (0 after --help). */
static int parse_store_opts(int argc, char **argv, store_opts *so, tool_opts *o, const char *cmd)
{
    int rc = tool_parse_opts(argc, argv, o, cmd);
    if (rc >= 0)
        return rc;
    *so = (store_opts){.db = o->db, .since = o->since, .until = o->until, .actor = o->actor, .type = o->type,
                       .country = o->country, .parties = o->parties, .at = o->at, .format = o->format,
                       .min_cas = o->min_casualties, .limit = o->limit, .offset = o->offset, .batch = o->batch,
                       .historical = o->historical};
    return -1;
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
    bool tty, quiet;
    double t0, last;
} ingest_state;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The progress line (terminal only, at most 4 times a second). */
static void progress(ingest_state *st)
{
    double t = now();
    if (!st->tty || st->quiet || t - st->last < 0.25)
        return;
    st->last = t;
    size_t done = st->added + st->skipped;
    double rate = t > st->t0 ? (double)done / (t - st->t0) : 0;
    fprintf(stderr, "\r%zu", done);
    if (st->total)
        fprintf(stderr, "/%zu", st->total);
    fprintf(stderr, " articles (%zu new, %zu already stored), %.0f/s, %zu events, %zu errors", st->added,
            st->skipped, rate, st->events, st->rejected);
    if (st->total > done && rate > 0)
        fprintf(stderr, ", ETA %.0fs", (double)(st->total - done) / rate);
    fprintf(stderr, "\033[K");
}

/* The summary line, at the end of every ingest but with --quiet: what was
   read, what the store changed (treve_store_counters), time and rate. */
static void summary(ingest_state *st, const tool_counts *in)
{
    if (st->quiet)
        return;
    treve_store_counts c = {0};
    treve_store_counters(st->store, &c);
    double secs = now() - st->t0;
    size_t rejected = in->rejected + st->rejected;
    if (st->tty)
        fputs("\r\033[K", stderr);
    fprintf(stderr,
            "treve ingest: %zu articles read: %llu new, %llu already stored (%llu same id, %llu same content), "
            "%zu rejected; %llu events stored; %llu stories and %llu ceasefires changed; %.1f s, %.0f articles/s\n",
            in->read, (unsigned long long)c.articles_added, (unsigned long long)(c.same_id + c.same_content),
            (unsigned long long)c.same_id, (unsigned long long)c.same_content, rejected,
            (unsigned long long)c.events_added, (unsigned long long)c.stories_written,
            (unsigned long long)c.ceasefires_written, secs, secs > 0 ? (double)in->read / secs : 0.0);
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
    progress(st);
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
    store_opts so;
    tool_opts o;
    int rc = parse_store_opts(argc, argv, &so, &o, "ingest");
    if (rc >= 0)
        return rc;
    ingest_state st = {.db = so.db, .batch = tool_number(so.batch, 500), .tty = isatty(2) == 1, .quiet = o.quiet};
    treve_ctx *ctx = tool_context(&o);
    if (!ctx)
        return EXIT_USAGE;
    st.store = open_store(so.db, TREVE_STORE_READWRITE);
    if (!st.store) {
        treve_ctx_free(ctx);
        return EXIT_USAGE;
    }
    if (st.tty && !st.quiet)
        st.total = count_articles(&o);
    st.t0 = st.last = now();
    treve_error err = {0};
    if (treve_store_begin(st.store, &err) != TREVE_OK)
        fatal(&st, &err);
    tool_counts in = {0};
    rc = tool_for_each_article(ctx, &o, ingest_one, &st, &in);
    if (treve_store_commit(st.store, &err) != TREVE_OK)
        fatal(&st, &err);
    summary(&st, &in);
    treve_store_close(st.store);
    treve_ctx_free(ctx);
    if (rc == EXIT_ALL_CODED && st.rejected)
        rc = EXIT_SOME_REJECTED;
    return rc;
}

/* ---- queries ----------------------------------------------------------------*/
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

int tool_events(int argc, char **argv)
{
    store_opts so;
    tool_opts o;
    int rc = parse_store_opts(argc, argv, &so, &o, "events");
    if (rc >= 0)
        return rc;
    treve_query q = {.since = so.since, .until = so.until, .actor = so.actor, .type = so.type,
                     .country = so.country, .historical = so.historical,
                     .min_casualties = so.min_cas ? strtod(so.min_cas, NULL) : 0,
                     .limit = tool_number(so.limit, 0), .offset = tool_number(so.offset, 0)};
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
    store_opts so;
    tool_opts o;
    int rc = parse_store_opts(argc, argv, &so, &o, "ceasefires");
    if (rc >= 0)
        return rc;
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
    store_opts so;
    tool_opts o;
    int rc = parse_store_opts(argc, argv, &so, &o, "export");
    if (rc >= 0)
        return rc;
    const char *f = so.format ? so.format : "jsonl";
    treve_store *s = open_store(so.db, TREVE_STORE_READONLY);
    if (!s)
        return EXIT_USAGE;
    treve_error err = {0};
    rc = treve_store_export(s, f, treve_write_file, stdout, &err);
    return finish_query(s, rc, &err, so.db);
}

int tool_stats(int argc, char **argv)
{
    store_opts so;
    tool_opts o;
    int rc = parse_store_opts(argc, argv, &so, &o, "stats");
    if (rc >= 0)
        return rc;
    treve_store *s = open_store(so.db, TREVE_STORE_READONLY);
    if (!s)
        return EXIT_USAGE;
    treve_error err = {0};
    rc = treve_store_stats(s, treve_write_file, stdout, &err);
    return finish_query(s, rc, &err, so.db);
}
