/*
 * store_query.c — benchmark of the store's ceasefire-state query on a large
 * database: bulk-loads N violence events/stories between random pairs of
 * countries (direct SQL into a schema the store created), ingests a few
 * real ceasefire dispatches through the public API (so the ceasefire state
 * machine runs over those events), then times treve_store_ceasefires with
 * --parties and --at. Usage: store_query DB N_EVENTS
 */
#include "treve.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int sink(void *user, const char *data, size_t len)
{
    (void)data;
    *(size_t *)user += len;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    const char *path = argv[1];
    long n = atol(argv[2]);
    treve_error err = {0};
    remove(path);
    treve_store *s = treve_store_open(path, TREVE_STORE_READWRITE, &err);
    if (!s) {
        fprintf(stderr, "open: %s\n", err.message);
        return 1;
    }
    treve_store_close(s);
    static const char *C[] = {"ARM", "AZE", "RUS", "UKR", "SYR", "ISR", "PSE", "LBN", "YEM", "SAU",
                              "SDN", "SSD", "ETH", "ERI", "MLI", "NER", "COD", "RWA", "IND", "PAK"};
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; BEGIN", 0, 0, 0);
    sqlite3_stmt *art, *ev, *st, *sc;
    sqlite3_prepare_v2(db, "INSERT INTO articles(article_id, hash, nevents, text) VALUES('bulk', 'bulk', 0, '')", -1,
                       &art, 0);
    sqlite3_step(art);
    sqlite3_finalize(art);
    sqlite3_prepare_v2(db,
                       "INSERT INTO events(article, event_id, family, cameo, plover, mclass, historical, precision,"
                       " basis, t_start, t_end, actors, story, json) VALUES(1, ?1, 'violence', '190', 'ASSAULT', 0, 0,"
                       " 4, 1, ?2, ?3, ?4, ?5, '{}')",
                       -1, &ev, 0);
    sqlite3_prepare_v2(db,
                       "INSERT INTO stories(key, family, cameo, plover, historical, mclass, precision, basis, t_start,"
                       " t_end, parties, killed, num_articles, num_sources, num_mentions, first_article, json)"
                       " VALUES(?1, 'violence', '190', 'ASSAULT', 0, 0, 4, 1, ?2, ?3, ?4, ?5, 1, 1, 1, 'bulk', '{}')",
                       -1, &st, 0);
    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO story_countries(country, story) VALUES(?1, ?2)", -1, &sc, 0);
    double t0 = now();
    srand(42);
    int64_t base = 1420070400; /* 2015-01-01 */
    for (long i = 0; i < n; i++) {
        int a = rand() % 20, b = rand() % 20;
        if (a == b)
            b = (b + 1) % 20;
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        char key[32], parties[16];
        snprintf(key, sizeof key, "bulk:%ld", i);
        snprintf(parties, sizeof parties, ",%s,%s,", C[a], C[b]);
        int64_t t = base + (int64_t)(rand() % (3650 * 24)) * 3600;
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, t);
        sqlite3_bind_int64(st, 3, t + 86400);
        sqlite3_bind_text(st, 4, parties, -1, SQLITE_TRANSIENT);
        if (rand() % 3 == 0)
            sqlite3_bind_double(st, 5, 1 + rand() % 10);
        else
            sqlite3_bind_null(st, 5);
        sqlite3_step(st);
        sqlite3_reset(st);
        int64_t story = sqlite3_last_insert_rowid(db);
        for (int k = 0; k < 2; k++) {
            sqlite3_bind_text(sc, 1, C[k ? b : a], -1, SQLITE_STATIC);
            sqlite3_bind_int64(sc, 2, story);
            sqlite3_step(sc);
            sqlite3_reset(sc);
        }
        sqlite3_bind_text(ev, 1, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ev, 2, t);
        sqlite3_bind_int64(ev, 3, t + 86400);
        sqlite3_bind_text(ev, 4, parties, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ev, 5, story);
        sqlite3_step(ev);
        sqlite3_reset(ev);
    }
    sqlite3_finalize(ev);
    sqlite3_finalize(st);
    sqlite3_finalize(sc);
    sqlite3_exec(db, "COMMIT", 0, 0, 0);
    sqlite3_close(db);
    fprintf(stderr, "bulk load: %ld events in %.0f ms\n", n, now() - t0);

    /* ceasefires through the public API: one per year for ARM/AZE */
    treve_ctx *ctx = treve_ctx_new(NULL, &err);
    s = treve_store_open(path, TREVE_STORE_READWRITE, &err);
    if (!ctx || !s) {
        fprintf(stderr, "open: %s\n", err.message);
        return 1;
    }
    t0 = now();
    treve_store_begin(s, &err);
    for (int y = 2015; y < 2025; y++) {
        char text[512], pub[32], id[16];
        snprintf(text, sizeof text,
                 "Cessez-le-feu\n\nLa Russie a négocié un cessez-le-feu avec l'Arménie et l'Azerbaïdjan, a annoncé"
                 " la diplomatie russe. Le cessez-le-feu est entré en vigueur le 1er mars %d à 12H00 GMT.",
                 y);
        snprintf(pub, sizeof pub, "%d-03-01T10:00:00Z", y);
        snprintf(id, sizeof id, "cf%d", y);
        treve_article a = {.text = text, .len = strlen(text), .lang = "fr", .published = pub, .id = id};
        treve_doc *doc = treve_doc_analyse(ctx, &a, &err);
        int added;
        if (doc)
            treve_store_add(s, doc, &added, &err);
        treve_doc_free(doc);
    }
    if (treve_store_commit(s, &err) != TREVE_OK) {
        fprintf(stderr, "commit: %s\n", err.message);
        return 1;
    }
    fprintf(stderr, "10 ceasefire dispatches ingested (state machine over the events) in %.0f ms\n", now() - t0);
    treve_store_close(s);
    treve_ctx_free(ctx);

    s = treve_store_open(path, TREVE_STORE_READONLY, &err);
    treve_query q = {.historical = -1, .parties = "ARM,AZE", .at = "2020-06-01T00:00:00Z"};
    size_t bytes = 0;
    double worst = 0, total = 0;
    int runs = 200;
    for (int i = 0; i < runs; i++) {
        double t = now();
        if (treve_store_ceasefires(s, &q, sink, &bytes, &err) != TREVE_OK) {
            fprintf(stderr, "query: %s\n", err.message);
            return 1;
        }
        t = now() - t;
        total += t;
        worst = t > worst ? t : worst;
    }
    printf("ceasefire-state query (--parties ARM,AZE --at 2020-06-01) on %ld events: mean %.3f ms, max %.3f ms"
           " (%zu bytes per answer)\n",
           n, total / runs, worst, bytes / (size_t)runs);
    treve_store_close(s);
    return 0;
}
