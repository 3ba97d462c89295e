/*
 * sentences.c — groups tokens into sentences (French and English).
 *
 * The headline (the first line holding a token, or text[0:headline_end]) is
 * one sentence of paragraph 0. In the body:
 *   - a blank line always ends a sentence; paragraphs count from 1;
 *   - . ! ? ... (a run of them, then any closing quotes and parentheses,
 *     which stay with the sentence) end a sentence when the next token is
 *     separated by white space and looks like a sentence start: a capitalised
 *     word, a number, an opening quote or parenthesis, a dash — or when the
 *     text ends;
 *   - not inside parentheses, not after "(...)", not after an abbreviation
 *     (titles such as M. Mme Dr Gén. Mr. when capitalised, "ndlr", "cf.",
 *     "av." always, month and numbering abbreviations such as "sept." "janv."
 *     "No." "p." before a number) or a single capital initial ("J. Biden",
 *     "U.S.", "J.-C."); "etc." ends a sentence when a capitalised word follows;
 *   - a sentence longer than TV_MAX_SENTENCE_TOKENS is cut there, so that
 *     later stages never see unbounded sentences.
 * A single line break does not end a sentence (hard-wrapped text).
 */
#include "text.h"

enum { AB_ALWAYS = 1, AB_TITLE = 2, AB_NUMBER = 3 };
enum { LANG_FR = 1, LANG_EN = 2 };

typedef struct abbrev {
    const char *form; /* folded, at most 7 bytes */
    unsigned char how, langs;
} abbrev;

static const abbrev abbrevs[] = {
    /* always */
    {"ndlr", AB_ALWAYS, 3}, {"cf", AB_ALWAYS, 3}, {"av", AB_ALWAYS, 1}, {"apr", AB_ALWAYS, 1},
    {"ap", AB_ALWAYS, 1}, {"vs", AB_ALWAYS, 3}, {"ibid", AB_ALWAYS, 3}, {"jr", AB_ALWAYS, 2},
    {"sr", AB_ALWAYS, 2}, {"resp", AB_ALWAYS, 1}, {"eg", AB_ALWAYS, 2}, {"ie", AB_ALWAYS, 2},
    /* titles: only when written with a capital */
    {"m", AB_TITLE, 1}, {"mm", AB_TITLE, 1}, {"mme", AB_TITLE, 1}, {"mmes", AB_TITLE, 1},
    {"mlle", AB_TITLE, 1}, {"mlles", AB_TITLE, 1}, {"dr", AB_TITLE, 3}, {"pr", AB_TITLE, 1},
    {"me", AB_TITLE, 1}, {"st", AB_TITLE, 3}, {"ste", AB_TITLE, 1}, {"mgr", AB_TITLE, 3},
    {"gen", AB_TITLE, 3}, {"gal", AB_TITLE, 1}, {"col", AB_TITLE, 3}, {"cdt", AB_TITLE, 1},
    {"cne", AB_TITLE, 1}, {"lt", AB_TITLE, 3}, {"lieut", AB_TITLE, 1}, {"sgt", AB_TITLE, 3},
    {"adj", AB_TITLE, 1}, {"mr", AB_TITLE, 2}, {"mrs", AB_TITLE, 2}, {"ms", AB_TITLE, 2},
    {"messrs", AB_TITLE, 2}, {"prof", AB_TITLE, 3}, {"capt", AB_TITLE, 2}, {"cpt", AB_TITLE, 2},
    {"cpl", AB_TITLE, 2}, {"maj", AB_TITLE, 2}, {"adm", AB_TITLE, 2}, {"brig", AB_TITLE, 2},
    {"sen", AB_TITLE, 2}, {"rep", AB_TITLE, 2}, {"gov", AB_TITLE, 2}, {"rev", AB_TITLE, 2},
    {"pres", AB_TITLE, 2}, {"amb", AB_TITLE, 2}, {"mt", AB_TITLE, 2}, {"ft", AB_TITLE, 2},
    {"sgt", AB_TITLE, 2}, {"pvt", AB_TITLE, 2}, {"hon", AB_TITLE, 2},
    /* before a number */
    {"jan", AB_NUMBER, 2}, {"feb", AB_NUMBER, 2}, {"mar", AB_NUMBER, 2}, {"apr", AB_NUMBER, 2},
    {"jun", AB_NUMBER, 2}, {"jul", AB_NUMBER, 2}, {"aug", AB_NUMBER, 2}, {"sep", AB_NUMBER, 2},
    {"sept", AB_NUMBER, 3}, {"oct", AB_NUMBER, 3}, {"nov", AB_NUMBER, 3}, {"dec", AB_NUMBER, 3},
    {"janv", AB_NUMBER, 1}, {"fevr", AB_NUMBER, 1}, {"fev", AB_NUMBER, 1}, {"avr", AB_NUMBER, 1},
    {"juil", AB_NUMBER, 1}, {"no", AB_NUMBER, 3}, {"nos", AB_NUMBER, 3}, {"n", AB_NUMBER, 3},
    {"p", AB_NUMBER, 3}, {"pp", AB_NUMBER, 3}, {"art", AB_NUMBER, 3}, {"vol", AB_NUMBER, 3},
    {"chap", AB_NUMBER, 3}, {"ch", AB_NUMBER, 3}, {"fig", AB_NUMBER, 3}, {"env", AB_NUMBER, 1},
    {"approx", AB_NUMBER, 2}, {"tel", AB_NUMBER, 3}, {"ca", AB_NUMBER, 2}, {"al", AB_NUMBER, 3},
};

static const abbrev *find_abbrev(const tv_text *x, const tv_token *t, unsigned langs)
{
    size_t n = tv_tok_nlen(t);
    if (n > 7)
        return NULL;
    const char *s = tv_tok_norm(x, t);
    for (size_t i = 0; i < TV_ARRAY_LEN(abbrevs); i++) {
        const abbrev *a = &abbrevs[i];
        if ((a->langs & langs) && a->form[0] == s[0] && strncmp(a->form, s, n) == 0 && a->form[n] == '\0')
            return a;
    }
    return NULL;
}

static bool is_final(const tv_text *x, const tv_token *t)
{
    if (t->kind != TV_TOK_PUNCT)
        return false;
    char c = x->norm[t->nstart];
    return c == '.' || c == '!' || c == '?';
}

static bool is_digit_start(const tv_text *x, const tv_token *t)
{
    char c = x->norm[t->nstart];
    return c >= '0' && c <= '9';
}

/* Does token t look like the first token of a sentence? */
static bool starts_sentence(const tv_text *x, const tv_token *t)
{
    switch (t->kind) {
    case TV_TOK_WORD:
    case TV_TOK_ALNUM: return (t->flags & TV_TF_CAP) || is_digit_start(x, t);
    case TV_TOK_NUMBER: return true;
    case TV_TOK_QUOTE: return (t->flags & TV_TF_QOPEN) != 0;
    case TV_TOK_OPEN: return true;
    case TV_TOK_PUNCT: return x->norm[t->nstart] == '-' || (tv_tok_nlen(t) >= 2 && x->norm[t->nstart] == '.');
    default: return false;
    }
}

/* May the sentence end after final punctuation tok[j] (closers up to k)? */
static bool is_boundary(const tv_text *x, size_t s, size_t j, size_t k, int depth, unsigned langs)
{
    const tv_token *tok = x->tok;
    if (k >= x->ntok)
        return true;
    const tv_token *next = &tok[k];
    if (next->flags & TV_TF_PARA)
        return true;
    if (depth > 0)
        return false;
    if (!(next->flags & (TV_TF_SPACE | TV_TF_LINE)))
        return false;
    if (!starts_sentence(x, next))
        return false;
    const tv_token *t = &tok[j];
    const tv_token *prev = j > s ? &tok[j - 1] : NULL;
    bool glued = prev && !(t->flags & TV_TF_SPACE) && prev->nend == t->nstart;
    size_t tl = tv_tok_nlen(t);
    if (tl >= 2 && x->norm[t->nstart] == '.') { /* "..." */
        if (prev && prev->kind == TV_TOK_OPEN)
            return false; /* "(...)" */
        return true;
    }
    if (x->norm[t->nstart] != '.' || !glued)
        return true;
    /* "." right after a word: initial or abbreviation? */
    if (prev->kind != TV_TOK_WORD)
        return true;
    size_t pl = tv_tok_nlen(prev);
    if ((prev->flags & TV_TF_CAP) && pl == 1)
        return false; /* "J. Biden", "U.S.", "J.-C." */
    const abbrev *ab = find_abbrev(x, prev, langs);
    if (!ab)
        return true;
    switch (ab->how) {
    case AB_ALWAYS: return false;
    case AB_TITLE: return !(prev->flags & TV_TF_CAP);
    case AB_NUMBER: return !(next->kind == TV_TOK_NUMBER || is_digit_start(x, next));
    default: return true;
    }
}

typedef struct split_state {
    tv_text *x;
    tv_arena *a;
    tv_vec v;
    uint32_t para;
    bool body_started;
} split_state;

static int emit(split_state *st, size_t first, size_t end, bool headline)
{
    if (first >= end)
        return TREVE_OK;
    tv_token *tok = st->x->tok;
    if (!headline) {
        if (!st->body_started)
            st->para = 1;
        else if (tok[first].flags & TV_TF_PARA)
            st->para++;
        st->body_started = true;
    }
    tv_sentence *se = tv_vec_push(&st->v, st->a);
    if (!se)
        return TREVE_ENOMEM;
    se->tok_first = (uint32_t)first;
    se->tok_end = (uint32_t)end;
    se->start = tok[first].start;
    se->end = tok[end - 1].end;
    for (size_t i = first; i < end; i++)
        if (tok[i].start < se->start)
            se->start = tok[i].start;
    if (se->end < se->start)
        se->end = se->start;
    se->paragraph = headline ? 0 : st->para;
    se->headline = headline;
    return TREVE_OK;
}

int tv_split_sentences(tv_text *text, tv_arena *a, size_t headline_end, const char *lang, treve_error *err)
{
    text->sent = NULL;
    text->nsent = 0;
    size_t n = text->ntok;
    if (n == 0)
        return TREVE_OK;
    unsigned langs = LANG_FR | LANG_EN;
    if (lang && strcmp(lang, "fr") == 0)
        langs = LANG_FR;
    else if (lang && strcmp(lang, "en") == 0)
        langs = LANG_EN;
    tv_token *tok = text->tok;
    split_state st = {.x = text, .a = a};
    tv_vec_init(&st.v, sizeof(tv_sentence), n);

    size_t hl = 0;
    if (headline_end == 0) {
        hl = 1;
        while (hl < n && !(tok[hl].flags & TV_TF_LINE))
            hl++;
    } else {
        while (hl < n && tok[hl].start < headline_end)
            hl++;
    }
    if (hl > TV_MAX_SENTENCE_TOKENS)
        hl = TV_MAX_SENTENCE_TOKENS;
    int rc = emit(&st, 0, hl, true);
    size_t s = hl, j = hl;
    int depth = 0;
    while (rc == TREVE_OK && j < n) {
        tv_token *t = &tok[j];
        if (j > s && (t->flags & TV_TF_PARA)) {
            rc = emit(&st, s, j, false);
            s = j;
            depth = 0;
            continue;
        }
        if (j - s >= TV_MAX_SENTENCE_TOKENS) {
            rc = emit(&st, s, j, false);
            s = j;
            depth = 0;
            continue;
        }
        if (t->kind == TV_TOK_OPEN)
            depth++;
        else if (t->kind == TV_TOK_CLOSE && depth > 0)
            depth--;
        if (!is_final(text, t)) {
            j++;
            continue;
        }
        size_t k = j + 1, kmax = s + TV_MAX_SENTENCE_TOKENS < n ? s + TV_MAX_SENTENCE_TOKENS : n;
        while (k < kmax && is_final(text, &tok[k]) && !(tok[k].flags & TV_TF_PARA))
            k++;
        while (k < kmax && !(tok[k].flags & TV_TF_PARA) &&
               ((tok[k].kind == TV_TOK_QUOTE && (tok[k].flags & TV_TF_QCLOSE)) || tok[k].kind == TV_TOK_CLOSE)) {
            if (tok[k].kind == TV_TOK_CLOSE && depth > 0)
                depth--;
            k++;
        }
        if (is_boundary(text, s, j, k, depth, langs)) {
            rc = emit(&st, s, k, false);
            s = k;
            depth = 0;
        }
        j = k;
    }
    if (rc == TREVE_OK)
        rc = emit(&st, s, n, false);
    if (rc != TREVE_OK)
        return tv_fail(err, TREVE_ENOMEM, "out of memory (sentences)", 0, 0);
    text->sent = st.v.data;
    text->nsent = st.v.len;
    for (size_t i = 0; i < text->nsent; i++) {
        const tv_sentence *se = &text->sent[i];
        for (size_t t = se->tok_first; t < se->tok_end; t++) {
            tok[t].sentence = (uint32_t)i;
            tok[t].flags &= (uint16_t)~TV_TF_SENT;
        }
        tok[se->tok_first].flags |= TV_TF_SENT;
    }
    return TREVE_OK;
}

int tv_text_build(tv_text *text, tv_arena *a, const char *src, size_t len, size_t headline_end, const char *lang,
                  treve_invalid_utf8 mode, treve_error *err)
{
    memset(text, 0, sizeof *text);
    text->src = src;
    text->len = len;
    int rc = tv_normalise(text, a, mode, err);
    if (rc == TREVE_OK)
        rc = tv_tokenise(text, a, err);
    if (rc == TREVE_OK)
        rc = tv_split_sentences(text, a, headline_end, lang, err);
    return rc;
}
