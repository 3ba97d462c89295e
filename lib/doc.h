/*
 * doc.h — the two opaque handles of the public API: treve_ctx (dictionaries
 * compiled once, read-only afterwards) and treve_doc (one article's results,
 * all in one arena). lib/context.c builds the first, lib/pipeline.c runs the
 * stages that fill the second.
 */
#ifndef TV_DOC_H
#define TV_DOC_H

#include "internal.h"
#include "text.h"
#include "lexicon.h"
#include "numbers.h"
#include "times.h"

struct tv_event; /* lib/events.h */
struct tv_actor;

struct treve_ctx {
    tv_lexicon *lex;
    char *names[256]; /* paths of dictionary files loaded from disk */
    size_t nnames;
};

struct treve_doc {
    const treve_ctx *ctx;
    tv_arena *arena;
    tv_text text;
    char lang[4];           /* "fr" or "en" */
    char id[64];            /* article id (given, or sha1 of the bytes) */
    int64_t published;      /* UTC seconds, TV_TIME_NONE when unknown */
    const char *zone;       /* IANA zone for local times */

    tv_match *matches;
    size_t nmatches;
    tv_number *nums;
    size_t nnums;
    tv_timex *times;
    size_t ntimes;
    struct tv_actor *actors;
    size_t nactors;
    struct tv_event *events;
    size_t nevents;
    const char *source, *url; /* article metadata (arena), or NULL; kept by the store */
};

/* Built-in data files (generated from data/ by tools/embed.c). */
typedef struct tv_embedded_file {
    const char *name; /* path below data/, e.g. "actors/countries.fr.txt" */
    const unsigned char *bytes;
    size_t len;
} tv_embedded_file;
extern const tv_embedded_file tv_embedded_files[];
extern const size_t tv_embedded_file_count;

#endif /* TV_DOC_H */
