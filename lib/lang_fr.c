/*
 * lang_fr.c — the French language module: the closed-class words, number and
 * time words and syntax hooks that the stages ask for (lib/lang.h). Event,
 * actor and place vocabulary is in data/ (lang=fr entries), not here.
 */
#include "lang.h"

/* ---- text layer ---------------------------------------------------------- */

/* ---- numbers ------------------------------------------------------------- */

/* ---- times --------------------------------------------------------------- */

/* ---- coder --------------------------------------------------------------- */

const tv_lang tv_lang_fr = {
    .id = TV_LANG_FR,
    .code = "fr",
    .name = "French",

    /* ---- text layer ---- */

    /* ---- numbers ---- */

    /* ---- times ---- */

    /* ---- coder ---- */
};
