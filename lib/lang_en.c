/*
 * lang_en.c — the English language module: the closed-class words, number and
 * time words and syntax hooks that the stages ask for (lib/lang.h). Event,
 * actor and place vocabulary is in data/ (lang=en entries), not here.
 */
#include "lang.h"

/* ---- text layer ---------------------------------------------------------- */

/* ---- numbers ------------------------------------------------------------- */

/* ---- times --------------------------------------------------------------- */

/* ---- coder --------------------------------------------------------------- */

const tv_lang tv_lang_en = {
    .id = TV_LANG_EN,
    .code = "en",
    .name = "English",

    /* ---- text layer ---- */

    /* ---- numbers ---- */

    /* ---- times ---- */

    /* ---- coder ---- */
};
