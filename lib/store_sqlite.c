/*
 * store_sqlite.c — the SQLite backend of the event store (lib/store.h).
 *
 * One database file in WAL mode (readers never wait for a writer), a
 * versioned schema (PRAGMA application_id marks a treve file, PRAGMA
 * user_version holds the schema version, table schema_version logs the
 * migrations applied), prepared statements for every statement that takes
 * a value, a busy timeout so that two ingests into one file take turns, and
 * BEGIN IMMEDIATE so that a batch holds the write lock from its first
 * duplicate check to its commit (two concurrent ingests never both insert
 * the same article). Tables and merge/ceasefire rules: docs/store.md.
 */
#include "store.h"
#include "times.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Each entry moves the schema from version i to i + 1. */
static const char *const MIGRATIONS[] = {
    /* 0 → 1 */
    "CREATE TABLE schema_version(version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);"
    "CREATE TABLE articles(id INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE,"
    " lang TEXT, source TEXT, url TEXT, published INTEGER, nevents INTEGER NOT NULL, ingested_at INTEGER,"
    " text TEXT NOT NULL);"
    "CREATE TABLE events(id INTEGER PRIMARY KEY, article INTEGER NOT NULL REFERENCES articles(id),"
    " event_id TEXT NOT NULL UNIQUE, family TEXT NOT NULL, cameo TEXT NOT NULL, plover TEXT,"
    " mclass INTEGER NOT NULL, historical INTEGER NOT NULL, precision INTEGER, basis INTEGER,"
    " t_start INTEGER, t_end INTEGER, actors TEXT, mediators TEXT, claimed_by TEXT, place TEXT,"
    " place_country TEXT, lat REAL, lon REAL, cfstate TEXT, story INTEGER, json TEXT NOT NULL);"
    "CREATE INDEX events_window ON events(family, historical, t_start);"
    "CREATE INDEX events_story ON events(story);"
    "CREATE INDEX events_article ON events(article);"
    "CREATE TABLE event_actors(event INTEGER NOT NULL, role INTEGER NOT NULL, code TEXT, country TEXT,"
    " sector TEXT);"
    "CREATE INDEX event_actors_event ON event_actors(event);"
    "CREATE INDEX event_actors_code ON event_actors(code);"
    "CREATE INDEX event_actors_country ON event_actors(country);"
    "CREATE TABLE stories(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, family TEXT NOT NULL,"
    " cameo TEXT NOT NULL, plover TEXT, historical INTEGER NOT NULL, mclass INTEGER NOT NULL,"
    " precision INTEGER, basis INTEGER, t_start INTEGER, t_end INTEGER, parties TEXT, mediators TEXT,"
    " claimed_by TEXT, place_country TEXT, cfstate TEXT, killed REAL, wounded REAL, num_articles INTEGER,"
    " num_sources INTEGER, num_mentions INTEGER, first_published INTEGER, first_article TEXT,"
    " json TEXT NOT NULL);"
    "CREATE INDEX stories_time ON stories(t_start);"
    "CREATE INDEX stories_family ON stories(family, t_start);"
    "CREATE TABLE story_countries(country TEXT NOT NULL, story INTEGER NOT NULL,"
    " PRIMARY KEY(country, story)) WITHOUT ROWID;"
    "CREATE INDEX story_countries_story ON story_countries(story);"
    "CREATE TABLE ceasefires(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, parties TEXT NOT NULL,"
    " state TEXT NOT NULL, first_at INTEGER, json TEXT NOT NULL);"
    "CREATE INDEX ceasefires_parties ON ceasefires(parties);"
    "CREATE TABLE ceasefire_parties(country TEXT NOT NULL, ceasefire INTEGER NOT NULL,"
    " PRIMARY KEY(country, ceasefire)) WITHOUT ROWID;"
    "CREATE INDEX ceasefire_parties_cf ON ceasefire_parties(ceasefire);"
    "CREATE TABLE ceasefire_timeline(ceasefire INTEGER NOT NULL, seq INTEGER NOT NULL, at INTEGER,"
    " state TEXT NOT NULL, PRIMARY KEY(ceasefire, seq)) WITHOUT ROWID;",
    /* 1 → 2: the events query pages through stories in this order; without
       the index SQLite sorted every story (JSON included) per request */
    "CREATE INDEX stories_order ON stories(t_start IS NULL, t_start, key);",
    /* 2 → 3: the ceasefire machine's index. One row per (family, country,
       '') and per (family, c1 < c2) pair of the parties of each current
       (historical = 0), asserted (mclass = 0) story of the ceasefire,
       violence and violation families: the stories between two parties are
       read without scanning every story of one of them. */
    "CREATE TABLE story_pairs(family TEXT NOT NULL, c1 TEXT NOT NULL, c2 TEXT NOT NULL, story INTEGER NOT NULL,"
    " PRIMARY KEY(family, c1, c2, story)) WITHOUT ROWID;"
    "CREATE INDEX story_pairs_story ON story_pairs(story);"
    "INSERT INTO story_pairs SELECT s.family, a.country, '', s.id FROM stories s JOIN story_countries a"
    " ON a.story = s.id WHERE s.family IN ('ceasefire', 'violence', 'violation') AND s.historical = 0"
    " AND s.mclass = 0;"
    "INSERT INTO story_pairs SELECT s.family, a.country, b.country, s.id FROM stories s JOIN story_countries a"
    " ON a.story = s.id JOIN story_countries b ON b.story = s.id AND b.country > a.country"
    " WHERE s.family IN ('ceasefire', 'violence', 'violation') AND s.historical = 0 AND s.mclass = 0;",
};
#define NMIGRATIONS (sizeof MIGRATIONS / sizeof *MIGRATIONS)

enum {
    S_ARTICLE_KNOWN, S_ARTICLE_INSERT, S_EVENT_INSERT, S_ACTOR_INSERT, S_WINDOW, S_DETAIL, S_STORY_DELETE,
    S_STORY_COUNTRIES_DELETE, S_STORY_INSERT, S_STORY_COUNTRY, S_EVENT_SET_STORY,
    S_STORIES_WITH2, S_STORY_REFS,
    S_CF_INSERT, S_CF_PARTY, S_CF_TIMELINE, S_QUERY, S_CF_ALL, S_CF_BY_PARTY, S_GET_STORY, S_GET_CF,
    S_GET_ARTICLE, S_ARTICLE_EVENTS, S_STATS, S_STATS_CF, S_CF_DELETE_KEY_TL, S_CF_DELETE_KEY_PARTIES,
    S_CF_DELETE_KEY, S_PAIR_INSERT, S_PAIRS_DELETE, S_CF_SETS_PAIR, S_CF_LIST, S_COUNT
};

static const char *const SQL[S_COUNT] = {
    [S_ARTICLE_KNOWN] = "SELECT 1 FROM articles WHERE article_id = ?1 OR hash = ?2 LIMIT 1",
    [S_ARTICLE_INSERT] = "INSERT INTO articles(article_id, hash, lang, source, url, published, nevents,"
                         " ingested_at, text) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [S_EVENT_INSERT] = "INSERT INTO events(article, event_id, family, cameo, plover, mclass, historical,"
                       " precision, basis, t_start, t_end, actors, mediators, claimed_by, place, place_country,"
                       " lat, lon, cfstate, json) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                       " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    [S_ACTOR_INSERT] = "INSERT INTO event_actors(event, role, code, country, sector) VALUES(?1, ?2, ?3, ?4, ?5)",
    [S_WINDOW] = "SELECT e.id, e.article, e.story, e.event_id, coalesce(s.key, ''), e.cameo, e.plover,"
                 " e.mclass, e.precision, e.basis, e.t_start, e.t_end, e.actors, e.mediators, e.claimed_by,"
                 " e.place, e.place_country, e.lat, e.lon, e.cfstate FROM events e LEFT JOIN stories s ON"
                 " s.id = e.story WHERE e.family = ?1 AND e.historical = ?2 AND e.t_start BETWEEN ?3 AND ?4",
    [S_DETAIL] = "SELECT e.json, a.article_id, a.source, a.url, a.published FROM events e JOIN articles a ON"
                 " a.id = e.article WHERE e.id = ?1",
    [S_STORY_DELETE] = "DELETE FROM stories WHERE id = ?1",
    [S_STORY_COUNTRIES_DELETE] = "DELETE FROM story_countries WHERE story = ?1",
    [S_STORY_INSERT] = "INSERT INTO stories(key, family, cameo, plover, historical, mclass, precision, basis,"
                       " t_start, t_end, parties, mediators, claimed_by, place_country, cfstate, killed, wounded,"
                       " num_articles, num_sources, num_mentions, first_published, first_article, json)"
                       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                       " ?19, ?20, ?21, ?22, ?23)",
    [S_STORY_COUNTRY] = "INSERT OR IGNORE INTO story_countries(country, story) VALUES(?1, ?2)",
    [S_EVENT_SET_STORY] = "UPDATE events SET story = ?2 WHERE id = ?1",
#define STORY_COLS                                                                                              \
    "s.id, s.key, s.family, s.cameo, s.plover, s.historical, s.mclass, s.precision, s.basis, s.t_start,"      \
    " s.t_end, s.parties, s.mediators, s.claimed_by, s.place_country, s.cfstate, s.killed, s.wounded,"        \
    " s.num_articles, s.num_sources, s.num_mentions, s.first_published, s.first_article"
    [S_STORIES_WITH2] = "SELECT " STORY_COLS " FROM story_pairs p JOIN stories s ON s.id = p.story"
                        " WHERE p.family = ?1 AND p.c1 = ?2 AND p.c2 = ?3 AND s.t_end > ?4"
                        " ORDER BY s.t_start, s.key",
    [S_PAIR_INSERT] = "INSERT OR IGNORE INTO story_pairs(family, c1, c2, story) VALUES(?1, ?2, ?3, ?4)",
    [S_PAIRS_DELETE] = "DELETE FROM story_pairs WHERE story = ?1",
    [S_CF_SETS_PAIR] = "SELECT s.parties FROM story_pairs p JOIN stories s ON s.id = p.story"
                       " WHERE p.family = 'ceasefire' AND p.c1 = ?1 AND p.c2 = ?2"
                       " UNION SELECT f.parties FROM ceasefire_parties a JOIN ceasefires f ON f.id = a.ceasefire"
                       " WHERE a.country = ?1 AND (?2 = '' OR EXISTS (SELECT 1 FROM ceasefire_parties b"
                       " WHERE b.ceasefire = a.ceasefire AND b.country = ?2))",
    [S_CF_LIST] = "SELECT key, json FROM ceasefires WHERE parties = ?1",
    [S_STORY_REFS] = "SELECT DISTINCT " STORY_COLS " FROM events e1 JOIN events e2 ON e2.article = e1.article"
                     " JOIN stories s ON s.id = e2.story WHERE e1.story = ?1 AND s.historical = 1"
                     " AND (s.cameo = '0871' OR s.cameo LIKE '057%' OR s.cameo LIKE '08%')"
                     " ORDER BY s.t_start, s.key",
    [S_CF_DELETE_KEY_TL] = "DELETE FROM ceasefire_timeline WHERE ceasefire IN (SELECT id FROM ceasefires"
                           " WHERE key = ?1)",
    [S_CF_DELETE_KEY_PARTIES] = "DELETE FROM ceasefire_parties WHERE ceasefire IN (SELECT id FROM ceasefires"
                                " WHERE key = ?1)",
    [S_CF_DELETE_KEY] = "DELETE FROM ceasefires WHERE key = ?1",
    [S_CF_INSERT] = "INSERT INTO ceasefires(key, parties, state, first_at, json) VALUES(?1, ?2, ?3, ?4, ?5)",
    [S_CF_PARTY] = "INSERT OR IGNORE INTO ceasefire_parties(country, ceasefire) VALUES(?1, ?2)",
    [S_CF_TIMELINE] = "INSERT INTO ceasefire_timeline(ceasefire, seq, at, state) VALUES(?1, ?2, ?3, ?4)",
    [S_QUERY] =
        "SELECT " STORY_COLS ", s.json FROM stories s WHERE (?1 IS NULL OR s.t_start >= ?1)"
        " AND (?2 IS NULL OR s.t_start <= ?2) AND (?3 < 0 OR s.historical = ?3)"
        " AND (?4 <= 0 OR coalesce(s.killed, 0) + coalesce(s.wounded, 0) >= ?4)"
        " AND (?5 IS NULL OR EXISTS (SELECT 1 FROM events e JOIN event_actors a ON a.event = e.id"
        "  WHERE e.story = s.id AND a.code >= ?5 AND a.code < ?6))"
        " AND (?7 IS NULL OR s.place_country = ?7 OR EXISTS (SELECT 1 FROM story_countries c"
        "  WHERE c.story = s.id AND c.country = ?7))"
        " AND (?8 IS NULL OR (s.cameo >= ?8 AND s.cameo < ?9) OR s.plover = ?8)"
        " ORDER BY s.t_start IS NULL, s.t_start, s.key LIMIT ?10 OFFSET ?11",
    [S_CF_ALL] = "SELECT json FROM ceasefires WHERE first_at <= ?1 ORDER BY first_at, key",
    [S_CF_BY_PARTY] = "SELECT f.json FROM ceasefire_parties p JOIN ceasefires f ON f.id = p.ceasefire"
                      " WHERE p.country = ?1 AND f.first_at <= ?2 AND (?3 IS NULL OR EXISTS (SELECT 1 FROM"
                      " ceasefire_parties q WHERE q.ceasefire = f.id AND q.country = ?3))"
                      " ORDER BY f.first_at, f.key",
    [S_GET_STORY] = "SELECT json FROM stories WHERE key = ?1",
    [S_GET_CF] = "SELECT json FROM ceasefires WHERE key = ?1",
    [S_GET_ARTICLE] = "SELECT id, article_id, lang, source, url, published, text FROM articles"
                      " WHERE article_id = ?1",
    [S_ARTICLE_EVENTS] = "SELECT e.json, coalesce(s.key, '') FROM events e LEFT JOIN stories s ON"
                         " s.id = e.story WHERE e.article = ?1 ORDER BY e.id",
    [S_STATS] = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
                " (SELECT count(*) FROM stories), (SELECT count(*) FROM ceasefires)",
    [S_STATS_CF] = "SELECT state, count(*) FROM ceasefires GROUP BY state ORDER BY state",
};

typedef struct sq_backend {
    tv_backend base;
    sqlite3 *db;
    sqlite3_stmt *st[S_COUNT];
    bool readonly, in_tx;
} sq_backend;

/* Maps an SQLite result code to a treve error with a static message. */
static int db_fail(treve_error *err, int rc)
{
    int prim = rc & 0xff;
    if (prim == SQLITE_NOTADB)
        return tv_fail(err, TREVE_ESCHEMA, "not a treve database (not an SQLite file)", 0, 0);
    if (prim == SQLITE_NOMEM)
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    return tv_fail(err, TREVE_EDB, sqlite3_errstr(rc), 0, 0);
}

static sqlite3_stmt *stmt(sq_backend *b, int which, treve_error *err, int *rc)
{
    if (!b->st[which]) {
        int r = sqlite3_prepare_v3(b->db, SQL[which], -1, SQLITE_PREPARE_PERSISTENT, &b->st[which], NULL);
        if (r != SQLITE_OK) {
            *rc = db_fail(err, r);
            return NULL;
        }
    }
    sqlite3_reset(b->st[which]);
    sqlite3_clear_bindings(b->st[which]);
    *rc = TREVE_OK;
    return b->st[which];
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static void bind_time(sqlite3_stmt *s, int i, int64_t t)
{
    if (t == TV_TIME_NONE)
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_int64(s, i, t);
}

static void bind_real(sqlite3_stmt *s, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_double(s, i, v);
}

static void col_str(sqlite3_stmt *s, int i, char *out, size_t cap)
{
    const unsigned char *v = sqlite3_column_text(s, i);
    size_t n = v ? (size_t)sqlite3_column_bytes(s, i) : 0;
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(out, v, n);
    out[n] = '\0';
}

static int64_t col_time(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? TV_TIME_NONE : sqlite3_column_int64(s, i);
}

static double col_real(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? NAN : sqlite3_column_double(s, i);
}

/* Runs a statement that returns no rows. */
static int run(sq_backend *b, sqlite3_stmt *s, treve_error *err)
{
    (void)b;
    int r = sqlite3_step(s);
    sqlite3_reset(s);
    return r == SQLITE_DONE || r == SQLITE_ROW ? TREVE_OK : db_fail(err, r);
}

static int exec(sq_backend *b, const char *sql, treve_error *err)
{
    int r = sqlite3_exec(b->db, sql, NULL, NULL, NULL);
    return r == SQLITE_OK ? TREVE_OK : db_fail(err, r);
}

/* ---- open, schema, migrations ------------------------------------------*/
static int pragma_int(sq_backend *b, const char *sql, int64_t *out, treve_error *err)
{
    sqlite3_stmt *s;
    int r = sqlite3_prepare_v2(b->db, sql, -1, &s, NULL);
    if (r != SQLITE_OK)
        return db_fail(err, r);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW)
        *out = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return r == SQLITE_ROW || r == SQLITE_DONE ? TREVE_OK : db_fail(err, r);
}

static int migrate(sq_backend *b, int64_t from, treve_error *err)
{
    int rc = exec(b, "BEGIN IMMEDIATE", err);
    if (rc != TREVE_OK)
        return rc;
    /* Re-read inside the write lock: another process may have migrated. */
    int64_t version = 0, appid = 0;
    rc = pragma_int(b, "PRAGMA user_version", &version, err);
    if (rc == TREVE_OK)
        rc = pragma_int(b, "PRAGMA application_id", &appid, err);
    if (rc == TREVE_OK && version != from && appid == TV_STORE_APPLICATION_ID) {
        exec(b, "ROLLBACK", NULL);
        return TREVE_OK; /* done by someone else */
    }
    for (int64_t v = from; rc == TREVE_OK && v < (int64_t)NMIGRATIONS; v++) {
        rc = exec(b, MIGRATIONS[v], err);
        if (rc != TREVE_OK)
            break;
        sqlite3_stmt *s;
        int r = sqlite3_prepare_v2(b->db, "INSERT INTO schema_version(version, applied_at) VALUES(?1, ?2)", -1,
                                   &s, NULL);
        if (r != SQLITE_OK) {
            rc = db_fail(err, r);
            break;
        }
        sqlite3_bind_int64(s, 1, v + 1);
        sqlite3_bind_int64(s, 2, (int64_t)time(NULL));
        r = sqlite3_step(s);
        sqlite3_finalize(s);
        if (r != SQLITE_DONE)
            rc = db_fail(err, r);
    }
    if (rc == TREVE_OK) {
        char sql[96];
        snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d", TV_STORE_APPLICATION_ID,
                 (int)NMIGRATIONS);
        rc = exec(b, sql, err);
    }
    if (rc == TREVE_OK)
        rc = exec(b, "COMMIT", err);
    if (rc != TREVE_OK)
        exec(b, "ROLLBACK", NULL);
    return rc;
}

static const tv_store_ops SQLITE_OPS;

static void sq_close(tv_backend *base)
{
    sq_backend *b = (sq_backend *)base;
    if (!b)
        return;
    if (b->in_tx)
        exec(b, "ROLLBACK", NULL);
    for (int i = 0; i < S_COUNT; i++)
        sqlite3_finalize(b->st[i]);
    sqlite3_close(b->db);
    free(b);
}

tv_backend *tv_sqlite_open(const char *path, treve_store_mode mode, treve_error *err)
{
    if (!path || !*path) {
        tv_fail(err, TREVE_EINVAL, "no database path", 0, 0);
        return NULL;
    }
    sq_backend *b = calloc(1, sizeof *b);
    if (!b) {
        tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
        return NULL;
    }
    b->base.ops = &SQLITE_OPS;
    b->readonly = mode == TREVE_STORE_READONLY;
    int flags = b->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int r = sqlite3_open_v2(path, &b->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    int rc = TREVE_OK;
    if (r != SQLITE_OK) {
        rc = r == SQLITE_CANTOPEN ? tv_fail(err, TREVE_EDB, "cannot open the database file", 0, 0) : db_fail(err, r);
        goto fail;
    }
    sqlite3_busy_timeout(b->db, 60000);
    if (!b->readonly && sqlite3_db_readonly(b->db, "main") == 1) {
        rc = tv_fail(err, TREVE_EDB, "the database file is read-only", 0, 0);
        goto fail;
    }
    int64_t appid = 0, version = 0, ntables = 0;
    /* one read transaction: a consistent snapshot even while another
       process is creating the schema (it commits all of it at once) */
    rc = exec(b, "BEGIN", err);
    if (rc == TREVE_OK)
        rc = pragma_int(b, "PRAGMA application_id", &appid, err);
    if (rc == TREVE_OK)
        rc = pragma_int(b, "PRAGMA user_version", &version, err);
    if (rc == TREVE_OK)
        rc = pragma_int(b, "SELECT count(*) FROM sqlite_master", &ntables, err);
    if (rc == TREVE_OK)
        rc = exec(b, "COMMIT", err);
    else
        exec(b, "ROLLBACK", NULL);
    if (rc != TREVE_OK)
        goto fail;
    if (appid != TV_STORE_APPLICATION_ID && (appid != 0 || ntables != 0)) {
        rc = tv_fail(err, TREVE_ESCHEMA, "not a treve database (an SQLite file with other tables)", 0, 0);
        goto fail;
    }
    if (version > (int64_t)NMIGRATIONS) {
        rc = tv_fail(err, TREVE_ESCHEMA, "the database has a newer schema than this treve reads: upgrade treve", 0,
                     0);
        goto fail;
    }
    if (!b->readonly) {
        /* WAL: readers never block the writer nor the writer them. Switching
           a new file to WAL needs it to itself, and SQLite does not always
           wait for that with the busy handler: retry while another process
           is creating the schema (up to the same 60 s). */
        for (int tries = 0;; tries++) {
            int r2 = sqlite3_exec(b->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
            if (r2 == SQLITE_OK)
                break;
            if ((r2 & 0xff) != SQLITE_BUSY && (r2 & 0xff) != SQLITE_LOCKED) {
                rc = db_fail(err, r2);
                goto fail;
            }
            if (tries >= 600) {
                rc = db_fail(err, r2);
                goto fail;
            }
            struct timespec pause = {0, 100 * 1000 * 1000};
            nanosleep(&pause, NULL);
        }
        rc = exec(b, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;"
                     " PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536",
                  err);
        if (rc != TREVE_OK)
            goto fail;
        if (version < (int64_t)NMIGRATIONS && (rc = migrate(b, version, err)) != TREVE_OK)
            goto fail;
    } else if (version < (int64_t)NMIGRATIONS) {
        rc = ntables == 0 ? tv_fail(err, TREVE_ESCHEMA, "not a treve database (empty file)", 0, 0)
                          : tv_fail(err, TREVE_ESCHEMA, "older schema: open it once read-write to migrate", 0, 0);
        goto fail;
    }
    return &b->base;
fail:
    (void)rc;
    sq_close(&b->base);
    return NULL;
}

static int sq_begin(tv_backend *base, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    if (b->readonly)
        return tv_fail(err, TREVE_EINVAL, "store opened read-only", 0, 0);
    if (b->in_tx)
        return TREVE_OK;
    int rc = exec(b, "BEGIN IMMEDIATE", err);
    if (rc == TREVE_OK)
        b->in_tx = true;
    return rc;
}

static int sq_commit(tv_backend *base, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    if (!b->in_tx)
        return TREVE_OK;
    int rc = exec(b, "COMMIT", err);
    if (rc != TREVE_OK) {
        exec(b, "ROLLBACK", NULL);
    }
    b->in_tx = false;
    return rc;
}

static void sq_rollback(tv_backend *base)
{
    sq_backend *b = (sq_backend *)base;
    if (b->in_tx)
        exec(b, "ROLLBACK", NULL);
    b->in_tx = false;
}

/* ---- ingest ---------------------------------------------------------------*/
static int sq_article_known(tv_backend *base, const char *id, const char *hash, int *known, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_ARTICLE_KNOWN, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
    int r = sqlite3_step(s);
    *known = r == SQLITE_ROW;
    sqlite3_reset(s);
    return r == SQLITE_ROW || r == SQLITE_DONE ? TREVE_OK : db_fail(err, r);
}

static int sq_article_insert(tv_backend *base, const tv_sarticle *a, int64_t *rowid, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_ARTICLE_INSERT, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, a->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, a->hash, -1, SQLITE_STATIC);
    bind_text(s, 3, a->lang);
    bind_text(s, 4, a->source);
    bind_text(s, 5, a->url);
    bind_time(s, 6, a->published);
    sqlite3_bind_int64(s, 7, (int64_t)a->nevents);
    sqlite3_bind_int64(s, 8, (int64_t)time(NULL));
    sqlite3_bind_text(s, 9, a->text ? a->text : "", (int)a->len, SQLITE_STATIC);
    rc = run(b, s, err);
    *rowid = sqlite3_last_insert_rowid(b->db);
    return rc;
}

static int sq_event_insert(tv_backend *base, const tv_sev *e, const char *json, size_t json_len,
                           const tv_sactor *actors, size_t nactors, int64_t *rowid, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_EVENT_INSERT, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_int64(s, 1, e->article);
    sqlite3_bind_text(s, 2, e->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, e->family, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, e->cameo, -1, SQLITE_STATIC);
    bind_text(s, 5, e->plover);
    sqlite3_bind_int(s, 6, e->mclass);
    sqlite3_bind_int(s, 7, e->historical);
    sqlite3_bind_int(s, 8, e->precision);
    sqlite3_bind_int(s, 9, e->basis);
    bind_time(s, 10, e->t_start);
    bind_time(s, 11, e->t_end);
    bind_text(s, 12, e->actors);
    bind_text(s, 13, e->mediators);
    bind_text(s, 14, e->claimed_by);
    bind_text(s, 15, e->place);
    bind_text(s, 16, e->place_country);
    bind_real(s, 17, e->lat);
    bind_real(s, 18, e->lon);
    bind_text(s, 19, e->cfstate);
    sqlite3_bind_text(s, 20, json, (int)json_len, SQLITE_STATIC);
    if ((rc = run(b, s, err)) != TREVE_OK)
        return rc;
    *rowid = sqlite3_last_insert_rowid(b->db);
    for (size_t i = 0; i < nactors; i++) {
        sqlite3_stmt *a = stmt(b, S_ACTOR_INSERT, err, &rc);
        if (!a)
            return rc;
        sqlite3_bind_int64(a, 1, *rowid);
        sqlite3_bind_int(a, 2, actors[i].role);
        bind_text(a, 3, actors[i].code);
        bind_text(a, 4, actors[i].country);
        bind_text(a, 5, actors[i].sector);
        if ((rc = run(b, a, err)) != TREVE_OK)
            return rc;
    }
    return TREVE_OK;
}

/* ---- merging --------------------------------------------------------------*/
static int sq_events_window(tv_backend *base, const char *family, int historical, int64_t lo, int64_t hi,
                            tv_sev **out, size_t *n, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = stmt(b, S_WINDOW, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, family, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, historical);
    sqlite3_bind_int64(s, 3, lo);
    sqlite3_bind_int64(s, 4, hi);
    size_t cap = 0;
    tv_sev *v = NULL;
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            tv_sev *nv = realloc(v, nc * sizeof *v);
            if (!nv) {
                free(v);
                sqlite3_reset(s);
                return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
            }
            v = nv;
            cap = nc;
        }
        tv_sev *e = &v[(*n)++];
        memset(e, 0, sizeof *e);
        e->id = sqlite3_column_int64(s, 0);
        e->article = sqlite3_column_int64(s, 1);
        e->story = sqlite3_column_int64(s, 2);
        col_str(s, 3, e->key, sizeof e->key);
        col_str(s, 4, e->story_key, sizeof e->story_key);
        snprintf(e->family, sizeof e->family, "%s", family);
        col_str(s, 5, e->cameo, sizeof e->cameo);
        col_str(s, 6, e->plover, sizeof e->plover);
        e->mclass = (uint8_t)sqlite3_column_int(s, 7);
        e->historical = (uint8_t)historical;
        e->precision = (uint8_t)sqlite3_column_int(s, 8);
        e->basis = (uint8_t)sqlite3_column_int(s, 9);
        e->t_start = col_time(s, 10);
        e->t_end = col_time(s, 11);
        col_str(s, 12, e->actors, sizeof e->actors);
        col_str(s, 13, e->mediators, sizeof e->mediators);
        col_str(s, 14, e->claimed_by, sizeof e->claimed_by);
        col_str(s, 15, e->place, sizeof e->place);
        col_str(s, 16, e->place_country, sizeof e->place_country);
        e->lat = col_real(s, 17);
        e->lon = col_real(s, 18);
        col_str(s, 19, e->cfstate, sizeof e->cfstate);
    }
    sqlite3_reset(s);
    if (r != SQLITE_DONE) {
        free(v);
        *n = 0;
        return db_fail(err, r);
    }
    *out = v;
    return TREVE_OK;
}

static char *col_dup(sqlite3_stmt *s, int i)
{
    const unsigned char *v = sqlite3_column_text(s, i);
    size_t n = v ? (size_t)sqlite3_column_bytes(s, i) : 0;
    char *d = malloc(n + 1);
    if (d) {
        if (n)
            memcpy(d, v, n);
        d[n] = '\0';
    }
    return d;
}

static int sq_event_detail(tv_backend *base, int64_t event, tv_sdetail *out, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = stmt(b, S_DETAIL, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_int64(s, 1, event);
    int r = sqlite3_step(s);
    if (r != SQLITE_ROW) {
        sqlite3_reset(s);
        return r == SQLITE_DONE ? tv_fail(err, TREVE_ENOTFOUND, "no such event", 0, 0) : db_fail(err, r);
    }
    out->json = col_dup(s, 0);
    col_str(s, 1, out->article_id, sizeof out->article_id);
    col_str(s, 2, out->source, sizeof out->source);
    col_str(s, 3, out->url, sizeof out->url);
    out->published = col_time(s, 4);
    sqlite3_reset(s);
    if (!out->json)
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    if (!out->source[0] && out->url[0]) { /* the URL's host stands for the source */
        const char *h = strstr(out->url, "://");
        h = h ? h + 3 : out->url;
        size_t n = strcspn(h, "/?#");
        snprintf(out->source, sizeof out->source, "%.*s", (int)(n < 120 ? n : 120), h);
    }
    if (!out->source[0])
        snprintf(out->source, sizeof out->source, "article:%s", out->article_id);
    return TREVE_OK;
}

static int sq_story_delete(tv_backend *base, int64_t story, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_STORY_COUNTRIES_DELETE, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_int64(s, 1, story);
    if ((rc = run(b, s, err)) != TREVE_OK)
        return rc;
    if (!(s = stmt(b, S_PAIRS_DELETE, err, &rc)))
        return rc;
    sqlite3_bind_int64(s, 1, story);
    if ((rc = run(b, s, err)) != TREVE_OK)
        return rc;
    if (!(s = stmt(b, S_STORY_DELETE, err, &rc)))
        return rc;
    sqlite3_bind_int64(s, 1, story);
    return run(b, s, err);
}

/* Calls fn for each ",X,Y," element. */
static int each_code(const char *list, int (*fn)(void *, const char *), void *user)
{
    const char *p = list;
    while (p && *p) {
        if (*p == ',') {
            p++;
            continue;
        }
        size_t n = strcspn(p, ",");
        char code[32];
        snprintf(code, sizeof code, "%.*s", (int)(n < 31 ? n : 31), p);
        int rc = fn(user, code);
        if (rc)
            return rc;
        p += n;
    }
    return 0;
}

typedef struct country_ctx {
    sq_backend *b;
    int64_t story;
    treve_error *err;
} country_ctx;

static int add_story_country(void *user, const char *code)
{
    country_ctx *c = user;
    int rc;
    sqlite3_stmt *s = stmt(c->b, S_STORY_COUNTRY, c->err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, c->story);
    return run(c->b, s, c->err);
}

static int add_pair(sq_backend *b, const char *family, const char *c1, const char *c2, int64_t story,
                    treve_error *err)
{
    int rc;
    sqlite3_stmt *s = stmt(b, S_PAIR_INSERT, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, family, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, c1, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, c2, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 4, story);
    return run(b, s, err);
}

/* story_pairs rows of a story: each party alone, each pair (c1 < c2). */
static int add_story_pairs(sq_backend *b, const tv_sstory *st, int64_t story, treve_error *err)
{
    char codes[16][32];
    size_t n = 0;
    for (const char *p = st->parties; *p && n < 16;) {
        if (*p == ',') {
            p++;
            continue;
        }
        size_t len = strcspn(p, ",");
        snprintf(codes[n++], sizeof codes[0], "%.*s", (int)(len < 31 ? len : 31), p);
        p += len;
    }
    int rc = TREVE_OK;
    for (size_t i = 0; i < n && rc == TREVE_OK; i++) {
        rc = add_pair(b, st->family, codes[i], "", story, err);
        for (size_t j = 0; j < n && rc == TREVE_OK; j++)
            if (strcmp(codes[i], codes[j]) < 0)
                rc = add_pair(b, st->family, codes[i], codes[j], story, err);
    }
    return rc;
}

static int sq_story_insert(tv_backend *base, const tv_sstory *st, const int64_t *members, size_t nmembers,
                           int64_t *rowid, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_STORY_INSERT, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, st->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, st->family, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, st->cameo, -1, SQLITE_STATIC);
    bind_text(s, 4, st->plover);
    sqlite3_bind_int(s, 5, st->historical);
    sqlite3_bind_int(s, 6, st->mclass);
    sqlite3_bind_int(s, 7, st->precision);
    sqlite3_bind_int(s, 8, st->basis);
    bind_time(s, 9, st->t_start);
    bind_time(s, 10, st->t_end);
    bind_text(s, 11, st->parties);
    bind_text(s, 12, st->mediators);
    bind_text(s, 13, st->claimed_by);
    bind_text(s, 14, st->place_country);
    bind_text(s, 15, st->cfstate);
    bind_real(s, 16, st->killed);
    bind_real(s, 17, st->wounded);
    sqlite3_bind_int(s, 18, st->num_articles);
    sqlite3_bind_int(s, 19, st->num_sources);
    sqlite3_bind_int(s, 20, st->num_mentions);
    bind_time(s, 21, st->first_published);
    bind_text(s, 22, st->first_article);
    sqlite3_bind_text(s, 23, st->json ? st->json : "{}", -1, SQLITE_STATIC);
    if ((rc = run(b, s, err)) != TREVE_OK)
        return rc;
    *rowid = sqlite3_last_insert_rowid(b->db);
    country_ctx c = {b, *rowid, err};
    if ((rc = each_code(st->parties, add_story_country, &c)) != TREVE_OK)
        return rc;
    if (!st->historical && st->mclass == 0 &&
        (!strcmp(st->family, "ceasefire") || !strcmp(st->family, "violence") || !strcmp(st->family, "violation")) &&
        (rc = add_story_pairs(b, st, *rowid, err)) != TREVE_OK)
        return rc;
    for (size_t i = 0; i < nmembers; i++) {
        if (!(s = stmt(b, S_EVENT_SET_STORY, err, &rc)))
            return rc;
        sqlite3_bind_int64(s, 1, members[i]);
        sqlite3_bind_int64(s, 2, *rowid);
        if ((rc = run(b, s, err)) != TREVE_OK)
            return rc;
    }
    return TREVE_OK;
}

/* ---- ceasefires ---------------------------------------------------------*/
static int rows_text(sq_backend *b, sqlite3_stmt *s, int col, tv_row_fn fn, void *user, treve_error *err)
{
    (void)b;
    int r, rc = TREVE_OK;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(s, col);
        if (!t)
            continue;
        if ((rc = fn(user, t, (size_t)sqlite3_column_bytes(s, col))) != 0)
            break;
    }
    sqlite3_reset(s);
    if (rc)
        return rc;
    return r == SQLITE_DONE ? TREVE_OK : db_fail(err, r);
}

/* c1 < c2 in byte order, as story_pairs stores them; c2 "" for one country */
static void order_pair(const char **c1, const char **c2)
{
    if (!*c2)
        *c2 = "";
    if (**c2 && strcmp(*c1, *c2) > 0) {
        const char *t = *c1;
        *c1 = *c2;
        *c2 = t;
    }
}

static int sq_cf_party_sets(tv_backend *base, const char *c1, const char *c2, tv_row_fn fn, void *user,
                            treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_CF_SETS_PAIR, err, &rc);
    if (!s)
        return rc;
    order_pair(&c1, &c2);
    sqlite3_bind_text(s, 1, c1, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, c2, -1, SQLITE_STATIC);
    /* collect first: fn may run other statements */
    char **sets = NULL;
    size_t n = 0, cap = 0;
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 8;
            char **ns = realloc(sets, nc * sizeof *ns);
            if (!ns)
                break;
            sets = ns;
            cap = nc;
        }
        char *d = col_dup(s, 0);
        if (d)
            sets[n++] = d;
    }
    sqlite3_reset(s);
    rc = r == SQLITE_DONE ? TREVE_OK : r == SQLITE_ROW ? tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0)
                                                       : db_fail(err, r);
    for (size_t i = 0; i < n; i++) {
        if (rc == TREVE_OK)
            rc = fn(user, sets[i], strlen(sets[i]));
        free(sets[i]);
    }
    free(sets);
    return rc;
}

static void read_story(sqlite3_stmt *s, tv_sstory *st)
{
    memset(st, 0, sizeof *st);
    st->id = sqlite3_column_int64(s, 0);
    col_str(s, 1, st->key, sizeof st->key);
    col_str(s, 2, st->family, sizeof st->family);
    col_str(s, 3, st->cameo, sizeof st->cameo);
    col_str(s, 4, st->plover, sizeof st->plover);
    st->historical = (uint8_t)sqlite3_column_int(s, 5);
    st->mclass = (uint8_t)sqlite3_column_int(s, 6);
    st->precision = (uint8_t)sqlite3_column_int(s, 7);
    st->basis = (uint8_t)sqlite3_column_int(s, 8);
    st->t_start = col_time(s, 9);
    st->t_end = col_time(s, 10);
    col_str(s, 11, st->parties, sizeof st->parties);
    col_str(s, 12, st->mediators, sizeof st->mediators);
    col_str(s, 13, st->claimed_by, sizeof st->claimed_by);
    col_str(s, 14, st->place_country, sizeof st->place_country);
    col_str(s, 15, st->cfstate, sizeof st->cfstate);
    st->killed = col_real(s, 16);
    st->wounded = col_real(s, 17);
    st->num_articles = sqlite3_column_int(s, 18);
    st->num_sources = sqlite3_column_int(s, 19);
    st->num_mentions = sqlite3_column_int(s, 20);
    st->first_published = col_time(s, 21);
    col_str(s, 22, st->first_article, sizeof st->first_article);
}

static int rows_story(sqlite3_stmt *s, int json_col, tv_story_fn fn, void *user, treve_error *err)
{
    int r, rc = TREVE_OK;
    tv_sstory st;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        read_story(s, &st);
        st.json = json_col >= 0 ? (char *)sqlite3_column_text(s, json_col) : NULL;
        if ((rc = fn(user, &st)) != 0)
            break;
    }
    sqlite3_reset(s);
    if (rc)
        return rc;
    return r == SQLITE_DONE ? TREVE_OK : db_fail(err, r);
}

static int sq_stories_with(tv_backend *base, const char *family, const char *c1, const char *c2, int64_t from,
                           tv_story_fn fn, void *user, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_STORIES_WITH2, err, &rc);
    if (!s)
        return rc;
    order_pair(&c1, &c2);
    sqlite3_bind_text(s, 1, family, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, c1, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, c2, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 4, from);
    return rows_story(s, -1, fn, user, err);
}

static int sq_story_references(tv_backend *base, int64_t story, tv_story_fn fn, void *user, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_STORY_REFS, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_int64(s, 1, story);
    return rows_story(s, -1, fn, user, err);
}

static int sq_cf_delete(tv_backend *base, const char *key, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    static const int order[] = {S_CF_DELETE_KEY_TL, S_CF_DELETE_KEY_PARTIES, S_CF_DELETE_KEY};
    for (size_t i = 0; i < TV_ARRAY_LEN(order); i++) {
        int rc;
        sqlite3_stmt *s = stmt(b, order[i], err, &rc);
        if (!s)
            return rc;
        sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
        if ((rc = run(b, s, err)) != TREVE_OK)
            return rc;
    }
    return TREVE_OK;
}

static int sq_cf_list(tv_backend *base, const char *parties, tv_kv_fn fn, void *user, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_CF_LIST, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, parties, -1, SQLITE_STATIC);
    int r;
    rc = TREVE_OK;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(s, 0), *j = (const char *)sqlite3_column_text(s, 1);
        if (k && j && (rc = fn(user, k, j, (size_t)sqlite3_column_bytes(s, 1))) != 0)
            break;
    }
    sqlite3_reset(s);
    if (rc)
        return rc;
    return r == SQLITE_DONE ? TREVE_OK : db_fail(err, r);
}

typedef struct cfp_ctx {
    sq_backend *b;
    int64_t cf;
    treve_error *err;
} cfp_ctx;

static int add_cf_party(void *user, const char *code)
{
    cfp_ctx *c = user;
    int rc;
    sqlite3_stmt *s = stmt(c->b, S_CF_PARTY, c->err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, c->cf);
    return run(c->b, s, c->err);
}

static int sq_cf_insert(tv_backend *base, const char *key, const char *parties, const char *state, int64_t first_at,
                        const char *json, const int64_t *at, const char *const *states, size_t ntimeline,
                        treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    /* A story that grew from one party set to another keeps its ceasefire
       id; the row written under the old set goes first. */
    if ((rc = sq_cf_delete(base, key, err)) != TREVE_OK)
        return rc;
    sqlite3_stmt *s = stmt(b, S_CF_INSERT, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, parties, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, state, -1, SQLITE_STATIC);
    bind_time(s, 4, first_at);
    sqlite3_bind_text(s, 5, json, -1, SQLITE_STATIC);
    if ((rc = run(b, s, err)) != TREVE_OK)
        return rc;
    int64_t id = sqlite3_last_insert_rowid(b->db);
    cfp_ctx c = {b, id, err};
    if ((rc = each_code(parties, add_cf_party, &c)) != TREVE_OK)
        return rc;
    for (size_t i = 0; i < ntimeline; i++) {
        if (!(s = stmt(b, S_CF_TIMELINE, err, &rc)))
            return rc;
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_int64(s, 2, (int64_t)i);
        bind_time(s, 3, at[i]);
        sqlite3_bind_text(s, 4, states[i], -1, SQLITE_STATIC);
        if ((rc = run(b, s, err)) != TREVE_OK)
            return rc;
    }
    return TREVE_OK;
}

/* ---- queries --------------------------------------------------------------*/
static int bind_iso(sqlite3_stmt *s, int i, const char *iso, treve_error *err)
{
    if (!iso || !*iso) {
        sqlite3_bind_null(s, i);
        return TREVE_OK;
    }
    int64_t t;
    if (treve_parse_iso8601(iso, &t, err) != TREVE_OK)
        return TREVE_EDATE;
    sqlite3_bind_int64(s, i, t);
    return TREVE_OK;
}

/* Binds the half-open range [prefix, prefix with its last byte + 1). */
static void bind_prefix(sqlite3_stmt *s, int i, const char *prefix)
{
    char hi[64];
    size_t n = strlen(prefix);
    if (n >= sizeof hi)
        n = sizeof hi - 1;
    memcpy(hi, prefix, n);
    hi[n] = '\0';
    if (n)
        hi[n - 1]++;
    sqlite3_bind_text(s, i, prefix, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, i + 1, hi, -1, SQLITE_TRANSIENT);
}

static int sq_query_stories(tv_backend *base, const treve_query *q, tv_story_fn fn, void *user, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_QUERY, err, &rc);
    if (!s)
        return rc;
    if ((rc = bind_iso(s, 1, q->since, err)) != TREVE_OK || (rc = bind_iso(s, 2, q->until, err)) != TREVE_OK)
        return rc;
    sqlite3_bind_int(s, 3, q->historical);
    sqlite3_bind_double(s, 4, q->min_casualties);
    if (q->actor && *q->actor)
        bind_prefix(s, 5, q->actor);
    if (q->country && *q->country)
        sqlite3_bind_text(s, 7, q->country, -1, SQLITE_TRANSIENT);
    if (q->type && *q->type)
        bind_prefix(s, 8, q->type);
    sqlite3_bind_int64(s, 10, q->limit ? (int64_t)q->limit : -1);
    sqlite3_bind_int64(s, 11, (int64_t)q->offset);
    return rows_story(s, 23, fn, user, err);
}

static int sq_query_ceasefires(tv_backend *base, const char *const *parties, size_t nparties, int64_t at,
                               tv_row_fn fn, void *user, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, nparties ? S_CF_BY_PARTY : S_CF_ALL, err, &rc);
    if (!s)
        return rc;
    if (nparties) {
        sqlite3_bind_text(s, 1, parties[0], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 2, at);
        /* the second party too, in SQL (a dyad is the common question) */
        if (nparties > 1)
            sqlite3_bind_text(s, 3, parties[1], -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(s, 3);
    } else {
        sqlite3_bind_int64(s, 1, at);
    }
    return rows_text(b, s, 0, fn, user, err);
}

static int get_one(sq_backend *b, int which, const char *key, tv_row_fn fn, void *user, treve_error *err)
{
    int rc;
    sqlite3_stmt *s = stmt(b, which, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    int r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(s, 0);
        rc = fn(user, t ? t : "{}", (size_t)sqlite3_column_bytes(s, 0));
        sqlite3_reset(s);
        return rc;
    }
    sqlite3_reset(s);
    return r == SQLITE_DONE ? tv_fail(err, TREVE_ENOTFOUND, "not found", 0, 0) : db_fail(err, r);
}

static int sq_get_story(tv_backend *base, const char *key, tv_row_fn fn, void *user, treve_error *err)
{
    return get_one((sq_backend *)base, S_GET_STORY, key, fn, user, err);
}

static int sq_get_ceasefire(tv_backend *base, const char *key, tv_row_fn fn, void *user, treve_error *err)
{
    return get_one((sq_backend *)base, S_GET_CF, key, fn, user, err);
}

static void json_or_null(tv_buf *o, sqlite3_stmt *s, int i)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    if (t)
        tv_buf_json_str(o, t, (size_t)sqlite3_column_bytes(s, i));
    else
        tv_buf_adds(o, "null");
}

static int sq_get_article(tv_backend *base, const char *id, tv_row_fn head, tv_row_fn event, void *user,
                          treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_GET_ARTICLE, err, &rc);
    if (!s)
        return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
    int r = sqlite3_step(s);
    if (r != SQLITE_ROW) {
        sqlite3_reset(s);
        return r == SQLITE_DONE ? tv_fail(err, TREVE_ENOTFOUND, "no such article", 0, 0) : db_fail(err, r);
    }
    int64_t rowid = sqlite3_column_int64(s, 0);
    tv_buf o = {0};
    tv_buf_adds(&o, "{\"article_id\":");
    json_or_null(&o, s, 1);
    tv_buf_adds(&o, ",\"lang\":");
    json_or_null(&o, s, 2);
    tv_buf_adds(&o, ",\"source\":");
    json_or_null(&o, s, 3);
    tv_buf_adds(&o, ",\"url\":");
    json_or_null(&o, s, 4);
    tv_buf_adds(&o, ",\"published\":");
    int64_t pub = col_time(s, 5);
    if (pub == TV_TIME_NONE) {
        tv_buf_adds(&o, "null");
    } else {
        char t[32];
        tv_format_utc(pub, t);
        tv_buf_printf(&o, "\"%s\"", t);
    }
    tv_buf_adds(&o, ",\"text\":");
    json_or_null(&o, s, 6);
    sqlite3_reset(s);
    if (o.failed) {
        tv_buf_free(&o);
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    }
    rc = head(user, o.data, o.len);
    tv_buf_free(&o);
    if (rc)
        return rc;
    if (!(s = stmt(b, S_ARTICLE_EVENTS, err, &rc)))
        return rc;
    sqlite3_bind_int64(s, 1, rowid);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        /* the event's JSON with its story id spliced in before the final brace */
        const char *t = (const char *)sqlite3_column_text(s, 0);
        size_t n = (size_t)sqlite3_column_bytes(s, 0);
        if (!t || n < 2)
            continue;
        tv_buf e = {0};
        tv_buf_add(&e, t, n - 1);
        tv_buf_adds(&e, ",\"story_id\":");
        json_or_null(&e, s, 1);
        tv_buf_addc(&e, '}');
        rc = e.failed ? TREVE_ENOMEM : event(user, e.data, e.len);
        tv_buf_free(&e);
        if (rc)
            break;
    }
    sqlite3_reset(s);
    if (rc)
        return rc;
    return r == SQLITE_DONE ? TREVE_OK : db_fail(err, r);
}

static int sq_stats(tv_backend *base, tv_row_fn fn, void *user, treve_error *err)
{
    sq_backend *b = (sq_backend *)base;
    int rc;
    sqlite3_stmt *s = stmt(b, S_STATS, err, &rc);
    if (!s)
        return rc;
    int r = sqlite3_step(s);
    if (r != SQLITE_ROW) {
        sqlite3_reset(s);
        return db_fail(err, r);
    }
    tv_buf o = {0};
    tv_buf_printf(&o, "{\"backend\":\"sqlite\",\"schema_version\":%d,\"articles\":%lld,\"events\":%lld,"
                      "\"stories\":%lld,\"ceasefires\":%lld,\"ceasefire_states\":{",
                  (int)NMIGRATIONS, (long long)sqlite3_column_int64(s, 0), (long long)sqlite3_column_int64(s, 1),
                  (long long)sqlite3_column_int64(s, 2), (long long)sqlite3_column_int64(s, 3));
    sqlite3_reset(s);
    if (!(s = stmt(b, S_STATS_CF, err, &rc))) {
        tv_buf_free(&o);
        return rc;
    }
    bool first = true;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (!first)
            tv_buf_addc(&o, ',');
        first = false;
        json_or_null(&o, s, 0);
        tv_buf_printf(&o, ":%lld", (long long)sqlite3_column_int64(s, 1));
    }
    sqlite3_reset(s);
    tv_buf_adds(&o, "}}");
    rc = r != SQLITE_DONE ? db_fail(err, r) : o.failed ? TREVE_ENOMEM : fn(user, o.data, o.len);
    tv_buf_free(&o);
    return rc;
}

static const tv_store_ops SQLITE_OPS = {
    .name = "sqlite",
    .close = sq_close,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .article_known = sq_article_known,
    .article_insert = sq_article_insert,
    .event_insert = sq_event_insert,
    .events_window = sq_events_window,
    .event_detail = sq_event_detail,
    .story_delete = sq_story_delete,
    .story_insert = sq_story_insert,
    .cf_party_sets = sq_cf_party_sets,
    .stories_with = sq_stories_with,
    .story_references = sq_story_references,
    .cf_delete = sq_cf_delete,
    .cf_list = sq_cf_list,
    .cf_insert = sq_cf_insert,
    .query_stories = sq_query_stories,
    .query_ceasefires = sq_query_ceasefires,
    .get_story = sq_get_story,
    .get_ceasefire = sq_get_ceasefire,
    .get_article = sq_get_article,
    .stats = sq_stats,
};
