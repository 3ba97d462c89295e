/*
 * lang.h — languages as modules. Everything the library knows about one
 * language that is not a dictionary file lives in one tv_lang description,
 * defined in that language's module (lib/lang_fr.c, lib/lang_en.c): its
 * closed-class words, number and time words, and the hooks of its syntax
 * rules. The stages (sentence splitter, numbers, times, coder) ask the
 * module; no other .c file tests a literal word of any language.
 *
 * Adding a language (docs/languages.md): write lib/lang_XX.c filling a
 * tv_lang, add it to the list in lib/lang.c, add its dictionaries under
 * data/ with lang=XX, and its tests.
 *
 * The struct is in sections, one per stage that reads it. Each section's
 * types are declared here, next to the field that holds them.
 */
#ifndef TV_LANG_H
#define TV_LANG_H

#include "internal.h"

/* One enum for the whole library. TV_LANG_NONE: not decided / any. */
typedef enum tv_lang_id { TV_LANG_NONE = -1, TV_LANG_FR = 0, TV_LANG_EN = 1, TV_LANG_COUNT = 2 } tv_lang_id;

/* ---- section: text layer (lib/sentences.c, language identification) ---- */

/* ---- section: numbers (lib/numbers.c) ---- */

/* ---- section: times (lib/times*.c) ---- */

/* ---- section: coder (lib/events*.c, lib/actors.c) ---- */

typedef struct tv_lang {
    tv_lang_id id;
    const char *code; /* ISO 639-1: "fr" */
    const char *name; /* English name: "French" */

    /* ---- text layer ---- */

    /* ---- numbers ---- */

    /* ---- times ---- */

    /* ---- coder ---- */
} tv_lang;

/* The module of a language; NULL for TV_LANG_NONE or out of range. */
const tv_lang *tv_lang_get(tv_lang_id id);
/* By code ("fr", "en"); NULL when the library has no such language. */
const tv_lang *tv_lang_find(const char *code);
/* TV_LANG_NONE when unknown. */
tv_lang_id tv_lang_id_of(const char *code);

extern const tv_lang tv_lang_fr, tv_lang_en;

#endif /* TV_LANG_H */
