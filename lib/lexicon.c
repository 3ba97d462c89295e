/* lexicon.c — PLACEHOLDER being replaced by the dictionary work (see lib/lexicon.h). */
#include "lexicon.h"
#include <stdlib.h>
struct tv_lexicon { size_t n; };
tv_lexicon *tv_lexicon_new(void) { return calloc(1, sizeof(tv_lexicon)); }
void tv_lexicon_free(tv_lexicon *lex) { free(lex); }
int tv_lexicon_load(tv_lexicon *lex, const char *name, const char *buf, size_t len, treve_error *err)
{ (void)lex; (void)name; (void)buf; (void)len; (void)err; return TREVE_OK; }
int tv_lexicon_load_inflections(tv_lexicon *lex, const char *name, const char *buf, size_t len, treve_error *err)
{ (void)lex; (void)name; (void)buf; (void)len; (void)err; return TREVE_OK; }
int tv_lexicon_compile(tv_lexicon *lex, treve_error *err) { (void)lex; (void)err; return TREVE_OK; }
size_t tv_lexicon_entry_count(const tv_lexicon *lex) { return lex->n; }
uint16_t tv_lexicon_class(const tv_lexicon *lex, const char *cls) { (void)lex; (void)cls; return 0; }
const char *tv_entry_attr(const tv_entry *e, const char *key)
{
    for (uint16_t i = 0; i < e->nattrs; i++)
        if (strcmp(e->attrs[i].key, key) == 0) return e->attrs[i].value;
    return NULL;
}
int tv_lexicon_match(const tv_lexicon *lex, const tv_text *text, tv_arena *a, tv_match **out, size_t *nout,
                     treve_error *err)
{ (void)lex; (void)text; (void)a; (void)err; *out = NULL; *nout = 0; return TREVE_OK; }
size_t tv_lexicon_lookup(const tv_lexicon *lex, const char *folded, size_t n, const tv_entry **out, size_t max)
{ (void)lex; (void)folded; (void)n; (void)out; (void)max; return 0; }
