/* normalise.c — PLACEHOLDER being replaced by the text-layer work (see lib/text.h). */
#include "text.h"
int tv_normalise(tv_text *text, tv_arena *a, treve_invalid_utf8 mode, treve_error *err)
{
    (void)mode;
    (void)err;
    text->norm = tv_arena_strndup(a, text->src, text->len);
    text->norm_len = text->len;
    text->norm_to_src = tv_arena_array(a, text->len + 1, sizeof(uint32_t));
    if (!text->norm || !text->norm_to_src)
        return TREVE_ENOMEM;
    for (size_t i = 0; i <= text->len; i++)
        text->norm_to_src[i] = (uint32_t)i;
    return TREVE_OK;
}
char *tv_fold(tv_arena *a, const char *s, size_t n, size_t *out_len)
{
    *out_len = n;
    return tv_arena_strndup(a, s, n);
}
