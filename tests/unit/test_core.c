/*
 * test_core.c — unit tests for the shared pieces: arena, output buffer
 * escaping, UTF-8 decoding, SHA-1, ISO 8601 parsing, JSONL input, and the
 * public API's error handling.
 */
#include "internal.h"
#include "sha1.h"
#include "unit.h"

#include <math.h>
#include <stdlib.h>

static void test_arena(void)
{
    tv_arena *a = tv_arena_new(1024 * 1024);
    char *s = tv_arena_strndup(a, "abc", 3);
    CHECK_STR(s, "abc");
    CHECK(((uintptr_t)tv_arena_alloc(a, 3) & 15) == 0);
    CHECK(tv_arena_array(a, SIZE_MAX / 2, 4) == NULL); /* overflow refused */
    CHECK(tv_arena_alloc(a, 2 * 1024 * 1024) == NULL); /* past the limit */
    tv_vec v;
    tv_vec_init(&v, sizeof(int), 100);
    for (int i = 0; i < 100; i++) {
        int *p = tv_vec_push(&v, a);
        CHECK(p != NULL);
        if (p)
            *p = i;
    }
    CHECK(tv_vec_push(&v, a) == NULL); /* max reached */
    CHECK(((int *)v.data)[99] == 99);
    tv_arena_free(a);
    tv_arena_free(NULL);
}

static void test_buf(void)
{
    tv_buf b = {0};
    tv_buf_json_str(&b, "a\"b\\c\n\x01\xC3\xA9\xFF", 10);
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\u0001\xC3\xA9\xEF\xBF\xBD\"");
    b.len = 0;
    tv_buf_csv_field(&b, "x,\"y\"", 5);
    CHECK_STR(b.data, "\"x,\"\"y\"\"\"");
    b.len = 0;
    tv_buf_printf(&b, "%d-%s", 42, "ok");
    CHECK_STR(b.data, "42-ok");
    tv_buf_free(&b);
}

static void test_utf8(void)
{
    int32_t cp;
    CHECK(tv_utf8_decode((const unsigned char *)"\xC3\xA9", 2, &cp) == 2 && cp == 0xE9);
    CHECK(tv_utf8_decode((const unsigned char *)"\xE2\x80\x99", 3, &cp) == 3 && cp == 0x2019);
    CHECK(tv_utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp) == 0);         /* overlong */
    CHECK(tv_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp) == 0);     /* surrogate */
    CHECK(tv_utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp) == 0); /* > U+10FFFF */
    CHECK(tv_utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp) == 0);         /* truncated */
    char out[4];
    CHECK(tv_utf8_encode(0x1F600, out) == 4);
}

static void test_sha1(void)
{
    char hex[41];
    tv_sha1_hex("", 0, hex);
    CHECK_STR(hex, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    tv_sha1_hex("abc", 3, hex);
    CHECK_STR(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");
    const char *l = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    tv_sha1_hex(l, strlen(l), hex);
    CHECK_STR(hex, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

static void test_iso8601(void)
{
    int64_t t;
    treve_error err;
    CHECK(treve_parse_iso8601("2022-09-13T08:00:00Z", &t, &err) == TREVE_OK && t == 1663056000);
    CHECK(treve_parse_iso8601("2022-09-13T11:00:00+03:00", &t, &err) == TREVE_OK && t == 1663056000);
    CHECK(treve_parse_iso8601("2022-09-13", &t, &err) == TREVE_OK && t == 1663027200);
    CHECK(treve_parse_iso8601("2022-09-13T08:00", &t, &err) == TREVE_OK && t == 1663056000);
    CHECK(treve_parse_iso8601("2022-02-30", &t, &err) == TREVE_EDATE);
    CHECK(treve_parse_iso8601("2021-02-29", &t, &err) == TREVE_EDATE);
    CHECK(treve_parse_iso8601("2024-02-29", &t, &err) == TREVE_OK);
    CHECK(treve_parse_iso8601("yesterday", &t, &err) == TREVE_EDATE && err.offset == 0);
    CHECK(treve_parse_iso8601("2022-09-13T25:00", &t, &err) == TREVE_EDATE);
    CHECK(treve_parse_iso8601("2022-09-13Tx", &t, &err) == TREVE_EDATE);
    CHECK(treve_parse_iso8601("2022-09-13 junk", &t, &err) == TREVE_EDATE);
    char s[32];
    tv_format_utc(1663056000, s);
    CHECK_STR(s, "2022-09-13T08:00:00Z");
    tv_format_utc(-1, s);
    CHECK_STR(s, "1969-12-31T23:59:59Z");
}

static void test_jsonl(void)
{
    treve_jsonl_article a;
    treve_error err;
    const char *ok = "{\"id\":\"x1\",\"title\":\"Titre\",\"text\":\"Corps.\",\"published\":\"2022-09-13\"}";
    CHECK(treve_jsonl_parse(ok, strlen(ok), &a, &err) == TREVE_OK);
    CHECK_STR(a.article.text, "Titre\n\nCorps.");
    CHECK(a.article.headline_end == 5);
    CHECK_STR(a.article.id, "x1");
    treve_jsonl_article_clear(&a);
    const char *notext = "{\"id\":\"x1\"}";
    CHECK(treve_jsonl_parse(notext, strlen(notext), &a, &err) == TREVE_EFIELD);
    const char *bad = "{\"text\": \"a\",, }";
    CHECK(treve_jsonl_parse(bad, strlen(bad), &a, &err) == TREVE_EJSON && err.offset > 0);
    const char *baddate = "{\"text\":\"a\",\"published\":\"hier\"}";
    CHECK(treve_jsonl_parse(baddate, strlen(baddate), &a, &err) == TREVE_EDATE);
    const char *arr = "[1,2]";
    CHECK(treve_jsonl_parse(arr, strlen(arr), &a, &err) == TREVE_EJSON);
    const char *nul = "{\"text\":\"a\\u0000b\"}";
    CHECK(treve_jsonl_parse(nul, strlen(nul), &a, &err) != TREVE_OK);
}

static void test_api_errors(void)
{
    treve_error err = {0};
    CHECK(treve_doc_analyse(NULL, NULL, &err) == NULL && err.code == TREVE_EINVAL);
    CHECK(strcmp(treve_strerror(TREVE_EUTF8), "invalid UTF-8 sequence") == 0);
    treve_ctx_free(NULL);
    treve_doc_free(NULL);
}

int main(void)
{
    test_arena();
    test_buf();
    test_utf8();
    test_sha1();
    test_iso8601();
    test_jsonl();
    test_api_errors();
    return unit_summary("test_core");
}
