/*
 * fuzz_times.c — libFuzzer target for the times recogniser: arbitrary bytes
 * → text layer (replacement mode, so every input gets tokens) → numbers →
 * times, in French and English, with and without a DCT, in UTC and in a
 * zone with DST; then every expression is relocated and written as JSON.
 * Checks: spans inside the input and in order, no overlap, values
 * NUL-terminated, intervals ordered.
 */
#include "times.h"

#include <assert.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    unsigned char mode = size ? data[0] : 0;
    const char *lang = (mode & 1) ? "en" : "fr";
    tv_arena *a = tv_arena_new((size_t)64 << 20);
    if (!a)
        return 0;
    tv_text text;
    treve_error err = {0};
    if (tv_text_build(&text, a, (const char *)data, size, 0, lang, TREVE_UTF8_REPLACE, &err) != TREVE_OK) {
        tv_arena_free(a);
        return 0;
    }
    tv_number *nums = NULL;
    size_t nn = 0;
    if (tv_numbers_find(&text, lang, a, &nums, &nn, &err) != TREVE_OK)
        nn = 0;
    tv_time_options o = {.lang = lang,
                         .dct = (mode & 2) ? 1663056000 /* 2022-09-13T08:00Z */ : TV_TIME_NONE,
                         .zone = (mode & 4) ? "Europe/Paris" : "UTC"};
    tv_timex *t = NULL;
    size_t n = 0;
    int rc = tv_times_find(&text, nums, nn, &o, a, &t, &n, &err);
    assert(rc == TREVE_OK || rc == TREVE_ENOMEM);
    tv_buf b = {0};
    uint32_t last = 0;
    for (size_t i = 0; i < n; i++) {
        assert(t[i].span.start <= t[i].span.end && t[i].span.end <= size);
        assert(t[i].span.start >= last);
        last = t[i].span.end;
        assert(memchr(t[i].value, '\0', sizeof t[i].value));
        assert(memchr(t[i].mod, '\0', sizeof t[i].mod));
        if (t[i].start != TV_TIME_NONE && t[i].end != TV_TIME_NONE)
            assert(t[i].start <= t[i].end);
        /* a disagreeing rendering is a clock time; anchoring is for calendar values */
        if (t[i].flags & TV_TIMEX_DISAGREE)
            assert(t[i].type == TV_TIMEX_TIME);
        if (t[i].flags & TV_TIMEX_ANCHORED)
            assert(t[i].type == TV_TIMEX_DATE || t[i].type == TV_TIMEX_TIME);
        /* never an impossible calendar date */
        if ((t[i].type == TV_TIMEX_DATE || t[i].type == TV_TIMEX_TIME) && t[i].cal.y >= 0 && t[i].cal.mo && t[i].cal.d)
            assert(tv_valid_date(t[i].cal.y, t[i].cal.mo, t[i].cal.d));
        if (t[i].cal.h >= 0)
            assert(t[i].cal.h <= 23 && t[i].cal.mi <= 59);
        tv_timex_write_json(&text, &t[i], &b);
        tv_timex_relocate(&t[i], (mode & 8) ? "Asia/Baku" : "America/New_York", NULL);
        b.len = 0;
    }
    tv_buf_free(&b);
    tv_arena_free(a);
    return 0;
}
