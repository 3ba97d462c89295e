/*
 * lang.c — the list of language modules (lib/lang_*.c) and lookups by id
 * and by code. A new language is one line here plus its module.
 */
#include "lang.h"

static const tv_lang *const LANGS[TV_LANG_COUNT] = {&tv_lang_fr, &tv_lang_en};

const tv_lang *tv_lang_get(tv_lang_id id)
{
    return id >= 0 && id < TV_LANG_COUNT ? LANGS[id] : NULL;
}

tv_lang_id tv_lang_id_of(const char *code)
{
    for (int i = 0; code && i < TV_LANG_COUNT; i++)
        if (strcmp(LANGS[i]->code, code) == 0)
            return (tv_lang_id)i;
    return TV_LANG_NONE;
}

const tv_lang *tv_lang_find(const char *code)
{
    return tv_lang_get(tv_lang_id_of(code));
}
