/*
 * pipeline.c — treve_doc_analyse: runs the stages over one article, in
 * order, each handing its results to the next, all in the article's arena:
 *
 *   normalise → sentences/tokens (text layer) → lexicon match → numbers →
 *   times → events (actors, triggers, attribution, casualties, places)
 *
 * Also decides the article's language when it is "auto" and its id when
 * none is given (SHA-1 of the bytes).
 */
#include "doc.h"
#include "events.h"
#include "sha1.h"

#include <stdlib.h>

/* Function words that tell French from English: a vote over the tokens. */
static const char *const FRENCH_WORDS[] = {"le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour",
                                           "qui", "que", "a", "au", "aux", "sur", "avec", "ont", "d'", "l'"};
static const char *const ENGLISH_WORDS[] = {"the", "and", "of", "to", "in", "is", "was", "for", "that",
                                            "with", "on", "by", "has", "have", "said", "were", "from", "at"};

static const char *guess_language(const tv_text *x)
{
    size_t fr = 0, en = 0, limit = x->ntok < 2000 ? x->ntok : 2000;
    for (size_t i = 0; i < limit; i++) {
        const tv_token *t = &x->tok[i];
        if (t->kind != TV_TOK_WORD || tv_tok_nlen(t) > 5)
            continue;
        for (size_t k = 0; k < TV_ARRAY_LEN(FRENCH_WORDS); k++)
            if (tv_tok_is(x, t, FRENCH_WORDS[k]))
                fr++;
        for (size_t k = 0; k < TV_ARRAY_LEN(ENGLISH_WORDS); k++)
            if (tv_tok_is(x, t, ENGLISH_WORDS[k]))
                en++;
    }
    return en > fr ? "en" : "fr";
}

treve_doc *treve_doc_analyse(const treve_ctx *ctx, const treve_article *a, treve_error *err)
{
    if (!ctx || !a || (!a->text && a->len)) {
        tv_fail(err, TREVE_EINVAL, "no context or article", 0, 0);
        return NULL;
    }
    if (a->len > TREVE_MAX_ARTICLE) {
        tv_fail(err, TREVE_ETOOBIG, "article larger than 32 MiB", TREVE_MAX_ARTICLE, 0);
        return NULL;
    }
    int64_t published = TV_TIME_NONE;
    if (a->published && *a->published && treve_parse_iso8601(a->published, &published, err) != TREVE_OK)
        return NULL;
    if (a->lang && *a->lang && strcmp(a->lang, "fr") != 0 && strcmp(a->lang, "en") != 0 &&
        strcmp(a->lang, "auto") != 0) {
        tv_fail(err, TREVE_EINVAL, "language must be fr, en or auto", 0, 0);
        return NULL;
    }

    treve_doc *doc = calloc(1, sizeof *doc);
    /* Results take a small multiple of the article; the limit stops runaway. */
    size_t limit = 256u * 1024 * 1024 + a->len * 48;
    if (!doc || !(doc->arena = tv_arena_new(limit))) {
        free(doc);
        tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
        return NULL;
    }
    doc->ctx = ctx;
    doc->published = published;
    const char *lang = a->lang && (strcmp(a->lang, "fr") == 0 || strcmp(a->lang, "en") == 0) ? a->lang : NULL;
    int rc = tv_text_build(&doc->text, doc->arena, a->text ? a->text : "", a->len, a->headline_end, lang,
                           a->invalid_utf8, err);
    if (rc != TREVE_OK)
        goto fail;
    if (doc->text.ntok == 0) {
        rc = tv_fail(err, TREVE_EEMPTY, "empty article", 0, 0);
        goto fail;
    }
    if (!lang)
        lang = guess_language(&doc->text);
    memcpy(doc->lang, lang, 3);

    if (a->id && *a->id) {
        size_t n = strlen(a->id);
        if (n >= sizeof doc->id)
            n = sizeof doc->id - 1;
        memcpy(doc->id, a->id, n);
    } else {
        tv_sha1_hex(a->text ? a->text : "", a->len, doc->id);
    }
    doc->zone = a->tz && *a->tz ? tv_arena_strndup(doc->arena, a->tz, strlen(a->tz)) : "UTC";
    if (!doc->zone) {
        rc = tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
        goto fail;
    }

    if (a->source && *a->source)
        doc->source = tv_arena_strndup(doc->arena, a->source, strlen(a->source));
    if (a->url && *a->url)
        doc->url = tv_arena_strndup(doc->arena, a->url, strlen(a->url));

    rc = tv_lexicon_match_lang(ctx->lex, &doc->text, doc->lang, doc->arena, &doc->matches, &doc->nmatches, err);
    if (rc == TREVE_OK)
        rc = tv_numbers_find(&doc->text, doc->lang, doc->arena, &doc->nums, &doc->nnums, err);
    if (rc == TREVE_OK) {
        tv_time_options to = {.lang = doc->lang, .dct = published, .zone = doc->zone};
        rc = tv_times_find(&doc->text, doc->nums, doc->nnums, &to, doc->arena, &doc->times, &doc->ntimes, err);
    }
    if (rc == TREVE_OK)
        rc = tv_events_code(doc, err);
    if (rc != TREVE_OK)
        goto fail;
    return doc;
fail:
    treve_doc_free(doc);
    return NULL;
}

void treve_doc_free(treve_doc *doc)
{
    if (!doc)
        return;
    tv_arena_free(doc->arena);
    free(doc);
}

size_t treve_doc_sentence_count(const treve_doc *doc) { return doc ? doc->text.nsent : 0; }
size_t treve_doc_token_count(const treve_doc *doc) { return doc ? doc->text.ntok : 0; }
size_t treve_doc_event_count(const treve_doc *doc) { return doc ? doc->nevents : 0; }

int treve_doc_has_unresolved_times(const treve_doc *doc)
{
    if (!doc)
        return 0;
    for (size_t i = 0; i < doc->ntimes; i++)
        if (doc->times[i].basis == TV_BASIS_UNRESOLVED)
            return 1;
    return 0;
}
