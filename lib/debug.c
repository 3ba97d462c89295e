/*
 * debug.c — treve_doc_write_debug: what every stage found, with byte spans,
 * so that a user can see why something was or was not matched. One line per
 * item; text is quoted as JSON strings. Formats:
 *
 *   sentence N [s,e) para P[ headline] "text"
 *   token [s,e) KIND flags "original" -> "folded"
 *   match [s,e) CLASS CODE "original" file:line[ slot=CODE][ morph="…"]
 *   number [s,e) value=V min=M max=X[ flags] "original"
 *   time [s,e) TYPE value=V mod=M start=… end=… precision=P basis=B "original"
 */
#include "doc.h"

#include <math.h>

static const char *kind_name(unsigned k)
{
    switch (k) {
    case TV_TOK_WORD: return "WORD";
    case TV_TOK_NUMBER: return "NUMBER";
    case TV_TOK_ALNUM: return "ALNUM";
    case TV_TOK_PUNCT: return "PUNCT";
    case TV_TOK_QUOTE: return "QUOTE";
    case TV_TOK_OPEN: return "OPEN";
    case TV_TOK_CLOSE: return "CLOSE";
    case TV_TOK_SYMBOL: return "SYMBOL";
    }
    return "?";
}

static void add_flags(tv_buf *b, unsigned flags)
{
    static const struct {
        unsigned bit;
        const char *name;
    } names[] = {{TV_TF_CAP, "cap"},       {TV_TF_UPPER, "upper"}, {TV_TF_ELISION, "elision"},
                 {TV_TF_HYPHEN, "hyphen"}, {TV_TF_SPACE, "space"}, {TV_TF_LINE, "line"},
                 {TV_TF_PARA, "para"},     {TV_TF_SENT, "sent"},   {TV_TF_QOPEN, "qopen"},
                 {TV_TF_QCLOSE, "qclose"}};
    bool any = false;
    for (size_t i = 0; i < TV_ARRAY_LEN(names); i++) {
        if (flags & names[i].bit) {
            if (any)
                tv_buf_addc(b, ',');
            tv_buf_adds(b, names[i].name);
            any = true;
        }
    }
    if (!any)
        tv_buf_addc(b, '-');
}

static void add_src(tv_buf *b, const tv_text *x, uint32_t s, uint32_t e)
{
    tv_buf_json_str(b, x->src + s, e - s);
}

static void add_bound(tv_buf *b, const char *key, double v)
{
    if (isnan(v))
        tv_buf_printf(b, " %s=none", key);
    else
        tv_buf_printf(b, " %s=%.15g", key, v);
}

static void add_utc(tv_buf *b, const char *key, int64_t t)
{
    if (t == TV_TIME_NONE) {
        tv_buf_printf(b, " %s=none", key);
        return;
    }
    char s[32];
    tv_format_utc(t, s);
    tv_buf_printf(b, " %s=%s", key, s);
}

int treve_doc_write_debug(const treve_doc *doc, unsigned what, treve_write_fn w, void *user)
{
    if (!doc || !w)
        return TREVE_EINVAL;
    const tv_text *x = &doc->text;
    tv_buf b = {0};
    int rc = TREVE_OK;
    tv_buf_printf(&b, "article %s lang=%s sentences=%zu tokens=%zu\n", doc->id, doc->lang, x->nsent, x->ntok);
    if (what & TREVE_DEBUG_SENTENCES) {
        for (size_t i = 0; i < x->nsent && rc == TREVE_OK; i++) {
            const tv_sentence *s = &x->sent[i];
            tv_buf_printf(&b, "sentence %zu [%u,%u) para %u%s ", i, s->start, s->end, s->paragraph,
                          s->headline ? " headline" : "");
            add_src(&b, x, s->start, s->end);
            tv_buf_addc(&b, '\n');
            rc = tv_buf_flush(&b, w, user);
        }
    }
    if (what & TREVE_DEBUG_TOKENS) {
        for (size_t i = 0; i < x->ntok && rc == TREVE_OK; i++) {
            const tv_token *t = &x->tok[i];
            tv_buf_printf(&b, "token [%u,%u) %s ", t->start, t->end, kind_name(t->kind));
            add_flags(&b, t->flags);
            tv_buf_addc(&b, ' ');
            add_src(&b, x, t->start, t->end);
            tv_buf_adds(&b, " -> ");
            tv_buf_json_str(&b, tv_tok_norm(x, t), tv_tok_nlen(t));
            tv_buf_addc(&b, '\n');
            if (b.len > 60000)
                rc = tv_buf_flush(&b, w, user);
        }
    }
    if (what & TREVE_DEBUG_MATCHES) {
        for (size_t i = 0; i < doc->nmatches && rc == TREVE_OK; i++) {
            const tv_match *m = &doc->matches[i];
            uint32_t s = x->tok[m->tok_first].start, e = x->tok[m->tok_end - 1].end;
            tv_buf_printf(&b, "match [%u,%u) %s %s ", s, e, m->entry->cls,
                          m->entry->code[0] ? m->entry->code : "-");
            add_src(&b, x, s, e);
            tv_buf_printf(&b, " %s:%u", m->entry->file, m->entry->line);
            if (m->slot)
                tv_buf_printf(&b, " slot=%s", m->slot->code);
            if (m->morph) {
                tv_buf_adds(&b, " morph=");
                tv_buf_json_str(&b, m->morph, strlen(m->morph));
            }
            tv_buf_addc(&b, '\n');
            if (b.len > 60000)
                rc = tv_buf_flush(&b, w, user);
        }
    }
    if (what & TREVE_DEBUG_NUMBERS) {
        static const struct {
            unsigned bit;
            const char *name;
        } nf[] = {{TV_NUM_WORDS, "words"},     {TV_NUM_APPROX, "approx"}, {TV_NUM_ORDINAL, "ordinal"},
                  {TV_NUM_DECIMAL, "decimal"}, {TV_NUM_VAGUE, "vague"},   {TV_NUM_YEAR, "year"},
                  {TV_NUM_PERCENT, "percent"}, {TV_NUM_RANGE, "range"},   {TV_NUM_INDEF, "indef"}};
        for (size_t i = 0; i < doc->nnums && rc == TREVE_OK; i++) {
            const tv_number *n = &doc->nums[i];
            tv_buf_printf(&b, "number [%u,%u)", n->span.start, n->span.end);
            add_bound(&b, "value", n->value);
            add_bound(&b, "min", n->min);
            add_bound(&b, "max", n->max);
            for (size_t k = 0; k < TV_ARRAY_LEN(nf); k++)
                if (n->flags & nf[k].bit)
                    tv_buf_printf(&b, " %s", nf[k].name);
            tv_buf_addc(&b, ' ');
            add_src(&b, x, n->span.start, n->span.end);
            tv_buf_addc(&b, '\n');
            if (b.len > 60000)
                rc = tv_buf_flush(&b, w, user);
        }
    }
    if (what & TREVE_DEBUG_TIMES) {
        for (size_t i = 0; i < doc->ntimes && rc == TREVE_OK; i++) {
            const tv_timex *t = &doc->times[i];
            tv_buf_printf(&b, "time [%u,%u) %s value=%s mod=%s", t->span.start, t->span.end,
                          tv_timex_type_name(t->type), t->value, t->mod[0] ? t->mod : "none");
            add_utc(&b, "start", t->start);
            add_utc(&b, "end", t->end);
            tv_buf_printf(&b, " precision=%s basis=%s ", tv_precision_name(t->precision), tv_basis_name(t->basis));
            add_src(&b, x, t->span.start, t->span.end);
            tv_buf_addc(&b, '\n');
            if (b.len > 60000)
                rc = tv_buf_flush(&b, w, user);
        }
    }
    if (rc == TREVE_OK)
        rc = tv_buf_flush(&b, w, user);
    tv_buf_free(&b);
    return rc;
}
