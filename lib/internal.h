/*
 * internal.h — what every stage of libtreve shares: the per-article arena,
 * byte spans, a growable output buffer, hashing, and error helpers.
 * Internal names use the tv_ prefix; nothing here is public.
 */
#ifndef TV_INTERNAL_H
#define TV_INTERNAL_H

#include "treve.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TV_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- arena (lib/arena.c) -------------------------------------------------
 * One arena per article: tokens, spans, events live there and go in one free.
 * tv_arena_alloc returns 16-byte aligned zeroed memory, or NULL when the
 * request overflows or the arena's limit (bytes) would be passed. */
typedef struct tv_arena tv_arena;
tv_arena *tv_arena_new(size_t limit);
void tv_arena_free(tv_arena *a);
void *tv_arena_alloc(tv_arena *a, size_t size);
/* n * size with an overflow check. */
void *tv_arena_array(tv_arena *a, size_t n, size_t size);
/* The same, not zeroed: only for arrays whose every element the caller
   writes before anything reads it (token records, offset maps). */
void *tv_arena_array_uninit(tv_arena *a, size_t n, size_t size);
char *tv_arena_strndup(tv_arena *a, const char *s, size_t n);
size_t tv_arena_used(const tv_arena *a);

/* A growable array in an arena: doubles, copies; max elements enforced. */
typedef struct tv_vec {
    void *data;
    size_t len, cap, elem, max;
} tv_vec;
void tv_vec_init(tv_vec *v, size_t elem, size_t max);
/* Returns a pointer to the new zeroed element, or NULL (arena full / max). */
void *tv_vec_push(tv_vec *v, tv_arena *a);

/* ---- spans ---------------------------------------------------------------
 * Half-open byte ranges [start, end) into the article exactly as read. */
typedef struct tv_span {
    uint32_t start, end;
} tv_span;

/* ---- output buffer (lib/buf.c) ------------------------------------------
 * Heap buffer for building output lines; tv_buf_flush hands it to a writer. */
typedef struct tv_buf {
    char *data;
    size_t len, cap;
    bool failed; /* allocation failed: further appends are ignored */
} tv_buf;
void tv_buf_free(tv_buf *b);
void tv_buf_add(tv_buf *b, const char *s, size_t n);
void tv_buf_adds(tv_buf *b, const char *s);
void tv_buf_addc(tv_buf *b, char c);
void tv_buf_printf(tv_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s[0:n] as a JSON string literal with quotes; invalid UTF-8 is
   written as U+FFFD so the output is always valid JSON. */
void tv_buf_json_str(tv_buf *b, const char *s, size_t n);
/* Appends a UTC instant as a JSON string "YYYY-MM-DDTHH:MM:SSZ", or null
   for TV_TIME_NONE (INT64_MIN). */
void tv_buf_json_utc(tv_buf *b, int64_t t);
/* Appends s[0:n] as a CSV field (quoted when needed, RFC 4180). */
void tv_buf_csv_field(tv_buf *b, const char *s, size_t n);
/* Writes the buffer with w and empties it. Returns 0 or TREVE_EIO/ENOMEM. */
int tv_buf_flush(tv_buf *b, treve_write_fn w, void *user);

/* ---- hashing -------------------------------------------------------------*/
static inline uint32_t tv_hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* ---- errors --------------------------------------------------------------*/
static inline int tv_fail(treve_error *err, treve_code code, const char *msg, size_t offset, size_t line)
{
    if (err) {
        err->code = code;
        err->message = msg;
        err->offset = offset;
        err->line = line;
    }
    return (int)code;
}

/* ---- small text helpers (lib/buf.c) --------------------------------------*/
/* Decodes one UTF-8 code point at s[0:n]; returns its length (1-4) and sets
   *cp, or returns 0 for an invalid/truncated sequence (overlongs, surrogates
   and values above U+10FFFF are invalid). */
size_t tv_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t tv_utf8_encode(int32_t cp, char *out);

/* Civil date helpers (proleptic Gregorian, UTC), lib/buf.c */
int64_t tv_days_from_civil(int64_t y, unsigned m, unsigned d);
void tv_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d);
/* Formats seconds since the epoch as "YYYY-MM-DDTHH:MM:SSZ" (21 bytes). */
void tv_format_utc(int64_t t, char out[32]);

#endif /* TV_INTERNAL_H */
