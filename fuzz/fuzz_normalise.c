/*
 * fuzz_normalise.c — libFuzzer target for lib/normalise.c: any bytes, in
 * both UTF-8 modes. Rejections must point at a NUL or an invalid sequence;
 * a folded text must be valid UTF-8 without NUL, NUL-terminated, its map
 * non-decreasing and inside the source; folding must be idempotent (the
 * lexicon folds dictionary forms that may already be folded), and tv_fold
 * must agree with tv_normalise.
 */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>

#define REQUIRE(c)                                                                                           \
    do {                                                                                                     \
        if (!(c)) {                                                                                          \
            fprintf(stderr, "fuzz_normalise: %s failed (line %d)\n", #c, __LINE__);                         \
            abort();                                                                                         \
        }                                                                                                    \
    } while (0)

static void check_valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = tv_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        REQUIRE(k > 0 && cp != 0);
        i += k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tv_arena *a = tv_arena_new(256u * 1024 * 1024);
    REQUIRE(a);
    tv_text t[2];
    int rc[2];
    for (int m = 0; m < 2; m++) {
        memset(&t[m], 0, sizeof t[m]);
        t[m].src = (const char *)data;
        t[m].len = size;
        treve_error err = {0};
        rc[m] = tv_normalise(&t[m], a, m ? TREVE_UTF8_REPLACE : TREVE_UTF8_REJECT, &err);
        if (rc[m] == TREVE_EUTF8) {
            int32_t cp;
            REQUIRE(m == 0 && err.offset < size);
            REQUIRE(tv_utf8_decode(data + err.offset, size - err.offset, &cp) == 0);
            continue;
        }
        if (rc[m] == TREVE_ENUL) {
            REQUIRE(m == 0 && err.offset < size && data[err.offset] == 0);
            continue;
        }
        REQUIRE(rc[m] == TREVE_OK);
        const tv_text *x = &t[m];
        REQUIRE(x->body_start <= 3 && x->body_start <= size);
        REQUIRE(x->norm[x->norm_len] == '\0');
        REQUIRE(strlen(x->norm) == x->norm_len);
        check_valid_utf8(x->norm, x->norm_len);
        REQUIRE(x->norm_to_src[x->norm_len] == size);
        for (size_t i = 0; i < x->norm_len; i++) {
            REQUIRE(x->norm_to_src[i] >= x->body_start && x->norm_to_src[i] < size);
            REQUIRE(x->norm_to_src[i] <= x->norm_to_src[i + 1]);
        }
        /* idempotent */
        size_t fl = 0;
        char *f = tv_fold(a, x->norm, x->norm_len, &fl);
        REQUIRE(f && fl == x->norm_len && memcmp(f, x->norm, fl) == 0);
    }
    if (rc[0] == TREVE_OK) {
        REQUIRE(rc[1] == TREVE_OK && t[0].norm_len == t[1].norm_len);
        REQUIRE(memcmp(t[0].norm, t[1].norm, t[0].norm_len) == 0);
        /* tv_fold gives the same text (it does not skip a BOM: U+FEFF folds
           to nothing anyway) */
        size_t fl = 0;
        char *f = tv_fold(a, (const char *)data, size, &fl);
        REQUIRE(f && fl == t[0].norm_len && memcmp(f, t[0].norm, fl) == 0);
    }
    tv_arena_free(a);
    return 0;
}
