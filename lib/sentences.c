/* sentences.c — PLACEHOLDER being replaced by the text-layer work (see lib/text.h). */
#include "text.h"
int tv_split_sentences(tv_text *text, tv_arena *a, size_t headline_end, const char *lang, treve_error *err)
{
    (void)a; (void)headline_end; (void)lang; (void)err;
    text->sent = NULL;
    text->nsent = 0;
    return TREVE_OK;
}
int tv_text_build(tv_text *text, tv_arena *a, const char *src, size_t len, size_t headline_end, const char *lang,
                  treve_invalid_utf8 mode, treve_error *err)
{
    memset(text, 0, sizeof *text);
    text->src = src;
    text->len = len;
    int rc = tv_normalise(text, a, mode, err);
    if (rc == TREVE_OK) rc = tv_tokenise(text, a, err);
    if (rc == TREVE_OK) rc = tv_split_sentences(text, a, headline_end, lang, err);
    return rc;
}
