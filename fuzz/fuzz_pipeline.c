/*
 * fuzz_pipeline.c — libFuzzer target for the whole pipeline with the real
 * built-in dictionaries: any bytes as an article (both UTF-8 modes, both
 * languages, with and without a publication time) must be coded or
 * rejected with an offset inside the input; every writer must run.
 */
#include "treve.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

static treve_ctx *ctx;

static int sink(void *user, const char *data, size_t len)
{
    (void)user;
    (void)data;
    (void)len;
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    treve_error err;
    ctx = treve_ctx_new(NULL, &err);
    if (!ctx) {
        fprintf(stderr, "cannot load dictionaries: %s (line %zu)\n", err.message, err.line);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char mode = size ? data[0] : 0;
    treve_article a = {
        .text = (const char *)data,
        .len = size,
        .lang = (mode & 1) ? "en" : "fr",
        .published = (mode & 2) ? "2022-09-13T08:00:00Z" : NULL,
        .invalid_utf8 = (mode & 4) ? TREVE_UTF8_REPLACE : TREVE_UTF8_REJECT,
    };
    treve_error err = {0};
    treve_doc *doc = treve_doc_analyse(ctx, &a, &err);
    if (!doc) {
        assert(err.message != NULL);
        assert(err.offset <= size);
        return 0;
    }
    treve_doc_write_debug(doc, TREVE_DEBUG_ALL, sink, NULL);
    treve_doc_write_times(doc, sink, NULL);
    treve_doc_write_events(doc, TREVE_FORMAT_JSONL, sink, NULL);
    treve_doc_write_events(doc, TREVE_FORMAT_CSV, sink, NULL);
    treve_doc_free(doc);
    return 0;
}
