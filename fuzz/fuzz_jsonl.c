/*
 * fuzz_jsonl.c — libFuzzer target for the JSONL article reader: any bytes
 * as one line must give either an article or an error with an offset
 * inside the line, never a crash or a leak.
 */
#include "treve.h"

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    treve_jsonl_article a;
    treve_error err = {0};
    if (treve_jsonl_parse((const char *)data, size, &a, &err) == TREVE_OK) {
        assert(a.article.text != NULL);
        assert(a.article.headline_end <= a.article.len);
        treve_jsonl_article_clear(&a);
    } else {
        assert(err.message != NULL);
        assert(err.offset <= size);
    }
    return 0;
}
