/*
 * store.h — the event store's internal interface (docs/store.md).
 *
 * lib/store.c holds what does not depend on the database: turning a coded
 * article into rows, cross-report merging of events into stories, the
 * ceasefire state machine, and query/export formatting. It talks to the
 * database only through tv_store_ops, a table of row-level operations;
 * lib/store_sqlite.c implements it over SQLite (the embedded default), and a
 * PostgreSQL backend can implement the same table.
 *
 * Every operation returns TREVE_OK or fills a treve_error (TREVE_EDB for
 * database failures, with a static message such as "database or disk is
 * full"). Strings handed back by an operation stay valid until the next
 * call of the same operation (or are owned by the caller where it says so).
 */
#ifndef TV_STORE_H
#define TV_STORE_H

#include "internal.h"

#define TV_STORE_SCHEMA_VERSION 3
#define TV_STORE_APPLICATION_ID 0x54525631 /* "TRV1": PRAGMA application_id */

/* Events whose time intervals are at most this long merge with events whose
   intervals overlap theirs; longer (coarser) intervals only merge with the
   very same interval. Bounds the window the merger reads. */
#define TV_MERGE_MAX_SPAN ((int64_t)3 * 86400)

enum tv_mclass { TV_MC_FACT = 0, TV_MC_WISH = 1, TV_MC_DENIED = 2, TV_MC_FUTURE = 3 };

/* An event as the merger sees it: one row of the events table. */
typedef struct tv_sev {
    int64_t id;           /* backend row id */
    int64_t article;      /* article row id */
    int64_t story;        /* story row id, 0 when none yet */
    char key[96];         /* event_id "article-id:index": canonical order */
    char story_key[96];   /* key of its current story, "" when none */
    char family[12];      /* "violence", "ceasefire", "violation", "c04"… */
    char cameo[8];
    char plover[16];
    uint8_t mclass;       /* enum tv_mclass */
    uint8_t historical;
    uint8_t precision;    /* enum tv_precision */
    uint8_t basis;        /* enum tv_basis */
    int64_t t_start, t_end; /* [start, end); TV_TIME_NONE when unresolved */
    char actors[96];      /* ",ARM,AZE,": countries (or codes) of actor and recipient roles, sorted */
    char mediators[64];   /* ",RUS," */
    char claimed_by[24];
    char place[64], place_country[4];
    double lat, lon;      /* NAN when unknown */
    char cfstate[12];     /* ceasefire state the article reports (0871/196 events), or "" */
} tv_sev;

typedef struct tv_sactor {
    uint8_t role; /* enum tv_role */
    char code[24], country[4], sector[4];
} tv_sactor;

typedef struct tv_sarticle {
    const char *id, *hash, *lang, *source, *url;
    int64_t published; /* TV_TIME_NONE when unknown */
    const char *text;
    size_t len;
    size_t nevents;
} tv_sarticle;

/* A story: events of several articles describing one real-world event. */
typedef struct tv_sstory {
    int64_t id;
    char key[96];          /* story_id: event_id of its first member in canonical order */
    char family[12], cameo[8], plover[16];
    uint8_t historical, mclass, precision, basis;
    int64_t t_start, t_end;
    char parties[96];      /* actor/recipient countries ",ARM,AZE," */
    char mediators[64];
    char claimed_by[24];
    char place_country[4];
    char cfstate[12];
    double killed, wounded; /* conservative totals (docs/store.md) */
    int num_articles, num_sources, num_mentions;
    int64_t first_published;
    char first_article[64];
    char *json;            /* owned by whoever filled it */
} tv_sstory;

/* A member event's details for building its story. */
typedef struct tv_sdetail {
    char *json;            /* the event's SPEC object (malloc) */
    char article_id[64];
    char source[128];      /* source name, else URL host, else "article:<id>" */
    char url[512];
    int64_t published;
} tv_sdetail;

typedef struct tv_backend tv_backend;

typedef int (*tv_row_fn)(void *user, const char *text, size_t len);
typedef int (*tv_story_fn)(void *user, const tv_sstory *st);
typedef int (*tv_kv_fn)(void *user, const char *key, const char *text, size_t len);

typedef struct tv_store_ops {
    const char *name;
    void (*close)(tv_backend *b);
    int (*begin)(tv_backend *b, treve_error *err);
    int (*commit)(tv_backend *b, treve_error *err);
    void (*rollback)(tv_backend *b);

    /* ingest */
    int (*article_known)(tv_backend *b, const char *id, const char *hash, int *known, treve_error *err);
    int (*article_insert)(tv_backend *b, const tv_sarticle *a, int64_t *rowid, treve_error *err);
    int (*event_insert)(tv_backend *b, const tv_sev *e, const char *json, size_t json_len, const tv_sactor *actors,
                        size_t nactors, int64_t *rowid, treve_error *err);

    /* merging: events of one family/historical flag with t_start in [lo, hi]
       (malloc'd array, caller frees); details of one event; stories */
    int (*events_window)(tv_backend *b, const char *family, int historical, int64_t lo, int64_t hi, tv_sev **out,
                         size_t *n, treve_error *err);
    int (*event_detail)(tv_backend *b, int64_t event, tv_sdetail *out, treve_error *err);
    int (*story_delete)(tv_backend *b, int64_t story, treve_error *err);
    int (*story_insert)(tv_backend *b, const tv_sstory *st, const int64_t *members, size_t nmembers,
                        int64_t *rowid, treve_error *err);

    /* ceasefires. Party sets (",ARM,AZE,") of the ceasefire stories and
       stored ceasefires whose parties include c1 and c2 (c2 NULL or "":
       c1 alone). Current asserted stories of a family (ceasefire, violence,
       violation) whose parties include c1 and c2 (NULL: c1 alone), ending
       after `from`, ordered by (t_start, key). Historical references of a
       story. Stored ceasefires of exactly one party set (key, JSON); delete
       one by key; insert one (deleting the row of that key first). */
    int (*cf_party_sets)(tv_backend *b, const char *c1, const char *c2, tv_row_fn fn, void *user, treve_error *err);
    int (*stories_with)(tv_backend *b, const char *family, const char *c1, const char *c2, int64_t from,
                        tv_story_fn fn, void *user, treve_error *err);
    int (*story_references)(tv_backend *b, int64_t story, tv_story_fn fn, void *user, treve_error *err);
    int (*cf_list)(tv_backend *b, const char *parties, tv_kv_fn fn, void *user, treve_error *err);
    int (*cf_delete)(tv_backend *b, const char *key, treve_error *err);
    /* json: the whole ceasefire object; timeline rows are (at, state) pairs */
    int (*cf_insert)(tv_backend *b, const char *key, const char *parties, const char *state, int64_t first_at,
                     const char *json, const int64_t *at, const char *const *states, size_t ntimeline,
                     treve_error *err);

    /* queries: each calls fn with a stored JSON text */
    int (*query_stories)(tv_backend *b, const treve_query *q, tv_story_fn fn, void *user, treve_error *err);
    int (*query_ceasefires)(tv_backend *b, const char *const *parties, size_t nparties, int64_t at, tv_row_fn fn,
                            void *user, treve_error *err);
    int (*get_story)(tv_backend *b, const char *key, tv_row_fn fn, void *user, treve_error *err);
    int (*get_ceasefire)(tv_backend *b, const char *key, tv_row_fn fn, void *user, treve_error *err);
    /* the article's metadata + text as a JSON object (without "events"),
       then each of its events' JSON */
    int (*get_article)(tv_backend *b, const char *id, tv_row_fn head, tv_row_fn event, void *user,
                       treve_error *err);
    /* counts as a JSON object */
    int (*stats)(tv_backend *b, tv_row_fn fn, void *user, treve_error *err);
} tv_store_ops;

struct tv_backend {
    const tv_store_ops *ops;
};

/* lib/store_sqlite.c */
tv_backend *tv_sqlite_open(const char *path, treve_store_mode mode, treve_error *err);

/* Families of CAMEO codes that can merge (docs/store.md). */
void tv_store_family(const char *cameo, char out[12]);

#endif /* TV_STORE_H */
