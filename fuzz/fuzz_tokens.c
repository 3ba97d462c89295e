/*
 * fuzz_tokens.c — libFuzzer target for the tokeniser and the sentence
 * splitter (lib/tokens.c, lib/sentences.c): any bytes through tv_text_build
 * in both UTF-8 modes, both languages, with and without a given headline
 * end. Tokens must be non-empty, inside the text, ordered, with disjoint
 * folded forms whose hash is right; sentences must partition the tokens in
 * order, with consistent spans, paragraphs and flags.
 */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>

#define REQUIRE(c)                                                                                           \
    do {                                                                                                     \
        if (!(c)) {                                                                                          \
            fprintf(stderr, "fuzz_tokens: %s failed (line %d)\n", #c, __LINE__);                            \
            abort();                                                                                         \
        }                                                                                                    \
    } while (0)

static void check(const tv_text *x, size_t headline_end)
{
    uint32_t pstart = 0, pend = 0, pnend = 0;
    for (size_t i = 0; i < x->ntok; i++) {
        const tv_token *t = &x->tok[i];
        REQUIRE(t->start < t->end && t->end <= x->len && t->start >= x->body_start);
        REQUIRE(t->nstart < t->nend && t->nend <= x->norm_len);
        REQUIRE(t->nstart >= pnend);
        REQUIRE(t->start >= pstart && t->end >= pend);
        REQUIRE(t->kind >= TV_TOK_WORD && t->kind <= TV_TOK_SYMBOL);
        REQUIRE(t->hash == tv_hash_bytes(tv_tok_norm(x, t), tv_tok_nlen(t)));
        REQUIRE(memchr(tv_tok_norm(x, t), ' ', tv_tok_nlen(t)) == NULL || t->kind == TV_TOK_NUMBER);
        REQUIRE(memchr(tv_tok_norm(x, t), '\n', tv_tok_nlen(t)) == NULL);
        REQUIRE(!(t->flags & TV_TF_UPPER) || (t->flags & TV_TF_CAP));
        REQUIRE(!(t->flags & TV_TF_PARA) || (t->flags & TV_TF_LINE));
        REQUIRE(t->kind != TV_TOK_QUOTE || !!(t->flags & TV_TF_QOPEN) + !!(t->flags & TV_TF_QCLOSE) == 1);
        REQUIRE(!(t->flags & TV_TF_ELISION) || x->norm[t->nend - 1] == '\'');
        REQUIRE(t->sentence < x->nsent);
        pstart = t->start;
        pend = t->end;
        pnend = t->nend;
    }
    if (x->ntok)
        REQUIRE(x->tok[0].flags & TV_TF_PARA);
    REQUIRE((x->ntok == 0) == (x->nsent == 0));
    uint32_t next = 0, para = 0;
    for (size_t i = 0; i < x->nsent; i++) {
        const tv_sentence *s = &x->sent[i];
        REQUIRE(s->tok_first == next && s->tok_first < s->tok_end && s->tok_end <= x->ntok);
        REQUIRE(s->tok_end - s->tok_first <= TV_MAX_SENTENCE_TOKENS);
        REQUIRE(s->start <= s->end && s->end <= x->len);
        REQUIRE(s->start == x->tok[s->tok_first].start && s->end == x->tok[s->tok_end - 1].end);
        REQUIRE(!s->headline || (i == 0 && s->paragraph == 0));
        REQUIRE(s->headline || s->paragraph >= 1);
        REQUIRE(s->paragraph >= para);
        if (para >= 1 && s->paragraph > para)
            REQUIRE(x->tok[s->tok_first].flags & TV_TF_PARA);
        if (headline_end && s->headline)
            REQUIRE(x->tok[s->tok_end - 1].start < headline_end);
        para = s->paragraph;
        for (size_t k = s->tok_first; k < s->tok_end; k++) {
            REQUIRE(x->tok[k].sentence == i);
            REQUIRE(!!(x->tok[k].flags & TV_TF_SENT) == (k == s->tok_first));
        }
        next = s->tok_end;
    }
    REQUIRE(next == x->ntok);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {"fr", "en", NULL};
    size_t hl = size ? (size_t)data[0] % (size + 1) : 0;
    for (int m = 0; m < 2; m++) {
        for (int l = 0; l < 3; l++) {
            tv_arena *a = tv_arena_new(256u * 1024 * 1024);
            REQUIRE(a);
            tv_text t;
            treve_error err = {0};
            size_t h = l == 2 ? hl : 0;
            int rc = tv_text_build(&t, a, (const char *)data, size, h, langs[l],
                                   m ? TREVE_UTF8_REPLACE : TREVE_UTF8_REJECT, &err);
            REQUIRE(rc == TREVE_OK || (m == 0 && (rc == TREVE_EUTF8 || rc == TREVE_ENUL)));
            if (rc == TREVE_OK)
                check(&t, h);
            tv_arena_free(a);
        }
    }
    return 0;
}
