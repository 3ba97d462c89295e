/* tokens.c — PLACEHOLDER being replaced by the text-layer work (see lib/text.h). */
#include "text.h"
int tv_tokenise(tv_text *text, tv_arena *a, treve_error *err)
{
    (void)a;
    (void)err;
    text->tok = NULL;
    text->ntok = 0;
    return TREVE_OK;
}
