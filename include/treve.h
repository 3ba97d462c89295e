/*
 * treve.h — the public interface of libtreve.
 *
 * treve turns news reports about armed conflict and diplomacy (French first,
 * then English) into coded events: who did what to whom (CAMEO / PLOVER),
 * when in UTC, where, how many casualties, who says so, and the exact byte
 * span of text that supports each field.
 *
 * Usage, in three calls:
 *
 *     treve_error err;
 *     treve_ctx *ctx = treve_ctx_new(NULL, &err);          // load dictionaries once
 *     treve_article a = { .text = buf, .len = n, .lang = "fr",
 *                         .published = "2022-09-13T08:00:00Z" };
 *     treve_doc *doc = treve_doc_analyse(ctx, &a, &err);   // one arena per article
 *     treve_doc_write_debug(doc, TREVE_DEBUG_ALL, treve_write_file, stdout);
 *     treve_doc_free(doc);
 *     treve_ctx_free(ctx);
 *
 * A context is read-only once built: several threads may analyse documents
 * with one context at the same time. Freeing NULL is a no-op everywhere.
 * Every function that can fail fills a treve_error: a code, a static English
 * message, and the byte offset in the input where the problem lies.
 * Error codes are only ever appended, never renumbered.
 */
#ifndef TREVE_H
#define TREVE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TREVE_VERSION "0.1.0"

typedef enum treve_code {
    TREVE_OK = 0,
    TREVE_ENOMEM = 1,     /* out of memory or an arena limit was reached */
    TREVE_EINVAL = 2,     /* bad argument (NULL where not allowed, bad option value) */
    TREVE_EUTF8 = 3,      /* invalid UTF-8 sequence at offset */
    TREVE_ENUL = 4,       /* NUL byte in text at offset */
    TREVE_ETOOBIG = 5,    /* input larger than the documented limit */
    TREVE_EEMPTY = 6,     /* nothing to analyse (empty or blank article) */
    TREVE_EDICT = 7,      /* malformed dictionary line (see line) */
    TREVE_EJSON = 8,      /* malformed JSON input */
    TREVE_EDATE = 9,      /* unparsable date or time */
    TREVE_EIO = 10,       /* a file could not be read or written */
    TREVE_ETZ = 11,       /* unknown time zone */
    TREVE_EFIELD = 12,    /* a required field is missing (JSONL "text") */
    TREVE_ENOTFOUND = 13, /* no such story, ceasefire or article in the store */
    TREVE_EDB = 14,       /* database error (full disk, read-only file, lock…) */
    TREVE_ESCHEMA = 15    /* not a treve database, or a newer schema */
} treve_code;

typedef struct treve_error {
    treve_code code;
    const char *message; /* static string, never freed */
    size_t offset;       /* byte offset in the input, or 0 */
    size_t line;         /* 1-based line (dictionaries, JSONL), or 0 */
} treve_error;

/* A static English description of a code. */
const char *treve_strerror(treve_code code);

/* Largest article accepted by treve_doc_analyse, in bytes (32 MiB). */
#define TREVE_MAX_ARTICLE ((size_t)32 * 1024 * 1024)

typedef struct treve_ctx treve_ctx;
typedef struct treve_doc treve_doc;

typedef struct treve_ctx_options {
    /* Directory with dictionary files to use instead of the built-in ones
       (same layout as the source tree's data/). NULL: built-in data. */
    const char *data_dir;
} treve_ctx_options;

/* Loads and compiles the dictionaries. NULL options: defaults. */
treve_ctx *treve_ctx_new(const treve_ctx_options *opt, treve_error *err);
void treve_ctx_free(treve_ctx *ctx);

/* Loads one extra dictionary file into a context before first use. The
   error's line says which line is malformed; loading stops there. */
int treve_ctx_load_file(treve_ctx *ctx, const char *path, treve_error *err);

/* Number of dictionary entries loaded (for --version and tests). */
size_t treve_ctx_entry_count(const treve_ctx *ctx);

typedef enum treve_invalid_utf8 {
    TREVE_UTF8_REJECT = 0, /* invalid UTF-8 or NUL: the article is rejected */
    TREVE_UTF8_REPLACE = 1 /* each bad byte reads as its Windows-1252 character
                              (a Latin-1 "Arm\xE9nie" still matches), the five
                              bytes it leaves undefined as U+FFFD; NUL as a space */
} treve_invalid_utf8;

typedef struct treve_article {
    const char *text;      /* the bytes exactly as read; spans index them */
    size_t len;
    const char *id;        /* NULL: SHA-1 of the text */
    const char *lang;      /* "fr", "en", "auto" or NULL (auto) */
    const char *published; /* ISO 8601 publication time, or NULL */
    const char *source;
    const char *url;
    const char *tz;        /* IANA zone for times with no named zone, or NULL */
    size_t headline_end;   /* 0: the first non-empty line is the headline;
                              otherwise the headline is text[0:headline_end] */
    treve_invalid_utf8 invalid_utf8;
} treve_article;

/* Runs the whole pipeline over one article. Returns NULL and fills err on
   rejection (err->offset says where). The document owns all its results. */
treve_doc *treve_doc_analyse(const treve_ctx *ctx, const treve_article *a, treve_error *err);
void treve_doc_free(treve_doc *doc);

/* Output: every writer hands bytes to a callback that returns 0 on success.
   A non-zero return stops the writer, which then returns TREVE_EIO. */
typedef int (*treve_write_fn)(void *user, const char *data, size_t len);

/* Convenience writer for a FILE * (stdio) as user pointer. */
int treve_write_file(void *file, const char *data, size_t len);

/* Human-readable dump of sentences, tokens, dictionary matches, numbers
   and times, with their byte spans; `what` is an OR of the flags below
   (TREVE_DEBUG_ALL for everything). */
enum treve_debug_what {
    TREVE_DEBUG_SENTENCES = 1,
    TREVE_DEBUG_TOKENS = 2,
    TREVE_DEBUG_MATCHES = 4,
    TREVE_DEBUG_NUMBERS = 8,
    TREVE_DEBUG_TIMES = 16,
    TREVE_DEBUG_EVENTS = 32,
    TREVE_DEBUG_ALL = 63
};
int treve_doc_write_debug(const treve_doc *doc, unsigned what, treve_write_fn w, void *user);

/* One JSON object per line per temporal expression (SPEC: treve times). */
int treve_doc_write_times(const treve_doc *doc, treve_write_fn w, void *user);

typedef enum treve_format { TREVE_FORMAT_JSONL = 0, TREVE_FORMAT_CSV = 1 } treve_format;

/* One line per coded event (SPEC: treve code). */
int treve_doc_write_events(const treve_doc *doc, treve_format f, treve_write_fn w, void *user);
/* The CSV header line matching treve_doc_write_events(TREVE_FORMAT_CSV). */
int treve_write_events_csv_header(treve_write_fn w, void *user);

/* Counts, for tests and progress lines. */
size_t treve_doc_sentence_count(const treve_doc *doc);
size_t treve_doc_token_count(const treve_doc *doc);
size_t treve_doc_event_count(const treve_doc *doc);
/* 1 when relative times could not be resolved for lack of a publication time. */
int treve_doc_has_unresolved_times(const treve_doc *doc);

/* ---- JSONL input --------------------------------------------------------
 * One article per line: {"id","url","source","published","lang","title","text"};
 * only "text" is required. The article's text (what spans index) is the UTF-8
 * of title + "\n\n" + text when there is a title, else text; headline_end
 * marks the title. */
typedef struct treve_jsonl_article {
    treve_article article; /* points into the strings below */
    char *text;            /* owned: title + "\n\n" + text */
    char *id, *url, *source, *published, *lang;
} treve_jsonl_article;

/* Parses one JSONL line (without its newline). On error returns a code
   (TREVE_EJSON, TREVE_EFIELD, TREVE_EDATE) with err->offset the byte offset
   within the line. On success the caller frees with treve_jsonl_article_clear. */
int treve_jsonl_parse(const char *line, size_t len, treve_jsonl_article *out, treve_error *err);
void treve_jsonl_article_clear(treve_jsonl_article *a);

/* Parses an ISO 8601 date or date-time ("2022-09-13", "2022-09-13T08:00",
   "2022-09-13T08:00:00Z", "2022-09-13T11:00:00+03:00") into seconds since the
   Unix epoch, UTC; a time without offset is UTC. Returns 0 or TREVE_EDATE. */
int treve_parse_iso8601(const char *s, int64_t *out_utc, treve_error *err);

/* ---- store: events kept across articles (lib/store*.c) -----------------
 * A durable event store (SQLite by default) behind one internal interface.
 * Ingest is idempotent (an article already stored, by id or by content hash,
 * changes nothing); events of different articles that describe one
 * real-world event are merged into stories; ceasefires are tracked with a
 * state timeline. Every query writes JSON lines (or CSV) through a writer,
 * so the CLI and the HTTP server share them. */
typedef struct treve_store treve_store;

typedef enum treve_store_mode { TREVE_STORE_READWRITE = 0, TREVE_STORE_READONLY = 1 } treve_store_mode;

treve_store *treve_store_open(const char *path, treve_store_mode mode, treve_error *err);
void treve_store_close(treve_store *s);

/* Batches: begin, add articles, commit (one transaction per batch). */
int treve_store_begin(treve_store *s, treve_error *err);
/* Adds one analysed article and its events. *added is 0 when the article
   was already stored (nothing changes), 1 otherwise. */
int treve_store_add(treve_store *s, const treve_doc *doc, int *added, treve_error *err);
/* Commits the batch after merging stories and updating ceasefire states. */
int treve_store_commit(treve_store *s, treve_error *err);

typedef struct treve_query {
    const char *since, *until;  /* ISO 8601 bounds on event time, or NULL */
    const char *actor;          /* actor code or prefix (RUS, RUSGOV), or NULL */
    const char *country;        /* ISO alpha-3 of any actor or of the place */
    const char *type;           /* CAMEO code prefix ("19", "0871") or PLOVER type ("ASSAULT") */
    int historical;             /* -1 any, 0 current only, 1 historical only */
    double min_casualties;      /* events with at least this many killed+wounded (0: any) */
    const char *parties;        /* ceasefires: "ARM,AZE" */
    const char *at;             /* ceasefires: state at this ISO 8601 time */
    size_t limit, offset;       /* paging (limit 0: no limit) */
} treve_query;

/* Stored events (stories), SPEC shape plus story_id, sources, articles. */
int treve_store_events(treve_store *s, const treve_query *q, treve_format f, treve_write_fn w, void *user,
                       treve_error *err);
/* Ceasefires with their state (at q->at when given) and timeline. */
int treve_store_ceasefires(treve_store *s, const treve_query *q, treve_write_fn w, void *user, treve_error *err);
/* One object by id; TREVE_ENOTFOUND when absent. */
int treve_store_ceasefire(treve_store *s, const char *id, treve_write_fn w, void *user, treve_error *err);
int treve_store_story(treve_store *s, const char *id, treve_write_fn w, void *user, treve_error *err);
/* An article: its text and the spans of every field of its events. */
int treve_store_article(treve_store *s, const char *id, treve_write_fn w, void *user, treve_error *err);
/* Counts: articles, events, stories, ceasefires by state. */
int treve_store_stats(treve_store *s, treve_write_fn w, void *user, treve_error *err);
/* Bulk export: "jsonl", "csv", "gdelt" (GDELT 2.0 event table layout) or
   "acled" (ACLED-style columns). */
int treve_store_export(treve_store *s, const char *format, treve_write_fn w, void *user, treve_error *err);

/* What a store handle changed since it was opened (`treve ingest`'s summary
   line); a batch rolled back is still counted. */
typedef struct treve_store_counts {
    uint64_t articles_added;     /* articles stored */
    uint64_t same_id;            /* articles skipped: one with the same id is stored */
    uint64_t same_content;       /* articles skipped: the same bytes are stored under another id */
    uint64_t events_added;       /* events stored (what treve_store_stats counts as "events") */
    uint64_t stories_written;    /* stories created or rewritten by merging */
    uint64_t ceasefires_written; /* ceasefires created, changed or removed */
} treve_store_counts;
/* Fills *out; TREVE_EINVAL when s or out is NULL. */
int treve_store_counters(const treve_store *s, treve_store_counts *out);

/* ---- versions (lib/version.c) ------------------------------------------
 * What a build of the library is made of: for `treve --version`, bug
 * reports and the Python module. */

/* The library's version (TREVE_VERSION when libtreve was built; differs from
   the header's when a program runs with another libtreve.so). */
const char *treve_version(void);

/* The built-in data: every dictionary of data/ and the inflection table
   generated from the Hunspell dictionaries at build time. */
typedef struct treve_data_info {
    const char *name; /* below data/ ("actors/countries.fr.txt"), or "inflections.fr.tsv" */
    size_t bytes;
    size_t entries;   /* lines that are neither blank nor comments: entries, or inflected forms */
} treve_data_info;
size_t treve_data_count(void);
/* Describes built-in file i (0 <= i < treve_data_count()); TREVE_EINVAL past the end. */
int treve_data_file(size_t i, treve_data_info *out);
/* The data version: SHA-1 (40 hex digits and a NUL) of every built-in
   file's name and bytes. */
void treve_data_digest(char out[41]);

/* The libraries libtreve runs with, at their run-time versions: one
   "name version" line each (SQLite, ICU, utf8proc, jansson). */
int treve_write_library_versions(treve_write_fn w, void *user);

#ifdef __cplusplus
}
#endif
#endif /* TREVE_H */
