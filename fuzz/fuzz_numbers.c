/*
 * fuzz_numbers.c — libFuzzer target for the NUMBERS stage (lib/numbers.c):
 * any bytes go through the text layer (invalid UTF-8 replaced) and then
 * tv_numbers_find in French and in English; every phrase found must lie
 * inside the text, in order, without overlap, with consistent tokens and
 * bounds. The bytes are also handed to tv_number_word_value and
 * tv_number_ordinal_value as they are (not folded) to make sure those
 * never read out of bounds.
 */
#include "numbers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define REQUIRE(c)                                                                                           \
    do {                                                                                                     \
        if (!(c)) {                                                                                          \
            fprintf(stderr, "fuzz_numbers: %s failed (line %d)\n", #c, __LINE__);                           \
            abort();                                                                                         \
        }                                                                                                    \
    } while (0)

static void check(const tv_text *t, const tv_number *n, size_t nn)
{
    uint32_t prev_end = 0, prev_tok = 0;
    for (size_t i = 0; i < nn; i++) {
        const tv_number *x = &n[i];
        REQUIRE(x->tok_first < x->tok_end && x->tok_end <= t->ntok);
        REQUIRE(x->val_first >= x->tok_first && x->val_first < x->tok_end);
        REQUIRE(x->tok_first >= prev_tok);
        REQUIRE(x->span.start < x->span.end && x->span.end <= t->len);
        REQUIRE(x->span.start >= prev_end);
        REQUIRE(x->span.start == t->tok[x->tok_first].start && x->span.end == t->tok[x->tok_end - 1].end);
        REQUIRE(t->tok[x->tok_first].sentence == t->tok[x->tok_end - 1].sentence);
        REQUIRE(isnan(x->value) || (x->value >= 0 && x->value <= TV_NUM_MAX));
        REQUIRE(isnan(x->min) || (x->min >= 0 && x->min <= TV_NUM_MAX));
        REQUIRE(isnan(x->max) || (x->max >= 0 && x->max <= TV_NUM_MAX));
        REQUIRE(isnan(x->min) || isnan(x->max) || x->min <= x->max);
        REQUIRE(!isnan(x->value) || (x->flags & TV_NUM_VAGUE));
        prev_end = x->span.end;
        prev_tok = x->tok_end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {"fr", "en"};
    for (int l = 0; l < 2; l++) {
        tv_arena *a = tv_arena_new(64u * 1024 * 1024);
        REQUIRE(a);
        tv_text t;
        treve_error err = {0};
        if (tv_text_build(&t, a, (const char *)data, size, 0, langs[l], TREVE_UTF8_REPLACE, &err) == TREVE_OK) {
            tv_number *n = NULL;
            size_t nn = 0;
            int rc = tv_numbers_find(&t, langs[l], a, &n, &nn, &err);
            REQUIRE(rc == TREVE_OK || rc == TREVE_ENOMEM);
            if (rc == TREVE_OK)
                check(&t, n, nn);
        }
        tv_arena_free(a);
        double v;
        if (tv_number_word_value((const char *)data, size, langs[l], &v))
            REQUIRE(v >= 0 && v <= TV_NUM_MAX);
        tv_number_ordinal_value((const char *)data, size, langs[l], &v);
    }
    return 0;
}
