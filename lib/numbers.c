/* numbers.c — PLACEHOLDER being replaced by the numbers work (see lib/numbers.h). */
#include "numbers.h"
int tv_numbers_find(const tv_text *text, const char *lang, tv_arena *a, tv_number **out, size_t *nout,
                    treve_error *err)
{ (void)text; (void)lang; (void)a; (void)err; *out = NULL; *nout = 0; return TREVE_OK; }
bool tv_number_word_value(const char *folded, size_t n, const char *lang, double *v)
{ (void)folded; (void)n; (void)lang; (void)v; return false; }
