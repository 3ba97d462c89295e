/*
 * times_output.c — `treve times` output: one JSON object per temporal
 * expression found by the times stage (SPEC.md, "Output of treve times"):
 *
 *   {"span":[s,e],"text":"…","type":"DATE|TIME|DURATION|SET","value":"…",
 *    "mod":null|"…","start":"…Z"|null,"end":"…Z"|null,"precision":"…"|null,
 *    "basis":"explicit|relative|unresolved","zone":"IANA id"|null}
 *
 * "zone" is the zone local calendar values were read in (the named one, or
 * the document's default — "UTC" unless --tz says otherwise); null for
 * durations, sets and PRESENT/PAST/FUTURE_REF. A clock time that falls in a
 * DST gap has start null and "warning":"local time does not exist in zone
 * (DST gap)"; the two lines of a time given in two zones that do not agree
 * ("09H00 heure de Moscou (07H00 GMT)") carry "warning":"two renderings of
 * the time disagree".
 */
#include "doc.h"

/* One expression as a JSON object (no newline). */
int tv_timex_write_json(const tv_text *text, const tv_timex *t, tv_buf *b)
{
    tv_buf_printf(b, "{\"span\":[%u,%u],\"text\":", t->span.start, t->span.end);
    if (t->span.end <= text->len && t->span.start <= t->span.end)
        tv_buf_json_str(b, text->src + t->span.start, t->span.end - t->span.start);
    else
        tv_buf_adds(b, "\"\"");
    tv_buf_adds(b, ",\"type\":");
    const char *ty = tv_timex_type_name(t->type);
    tv_buf_json_str(b, ty, strlen(ty));
    tv_buf_adds(b, ",\"value\":");
    tv_buf_json_str(b, t->value, strnlen(t->value, sizeof t->value));
    tv_buf_adds(b, ",\"mod\":");
    if (t->mod[0])
        tv_buf_json_str(b, t->mod, strnlen(t->mod, sizeof t->mod));
    else
        tv_buf_adds(b, "null");
    tv_buf_adds(b, ",\"start\":");
    tv_buf_json_utc(b, t->start);
    tv_buf_adds(b, ",\"end\":");
    tv_buf_json_utc(b, t->end);
    tv_buf_adds(b, ",\"precision\":");
    if (t->precision == TV_PREC_NONE) {
        tv_buf_adds(b, "null");
    } else {
        const char *p = tv_precision_name(t->precision);
        tv_buf_json_str(b, p, strlen(p));
    }
    tv_buf_adds(b, ",\"basis\":");
    const char *bs = tv_basis_name(t->basis);
    tv_buf_json_str(b, bs, strlen(bs));
    tv_buf_adds(b, ",\"zone\":");
    if (t->zone[0])
        tv_buf_json_str(b, t->zone, strnlen(t->zone, sizeof t->zone));
    else
        tv_buf_adds(b, "null");
    if ((t->flags & TV_TIMEX_DST_GAP) && (t->flags & TV_TIMEX_DISAGREE))
        tv_buf_adds(b, ",\"warning\":\"local time does not exist in zone (DST gap); two renderings of the time "
                       "disagree\"");
    else if (t->flags & TV_TIMEX_DST_GAP)
        tv_buf_adds(b, ",\"warning\":\"local time does not exist in zone (DST gap)\"");
    else if (t->flags & TV_TIMEX_DISAGREE)
        tv_buf_adds(b, ",\"warning\":\"two renderings of the time disagree\"");
    tv_buf_addc(b, '}');
    return b->failed ? TREVE_ENOMEM : TREVE_OK;
}

int treve_doc_write_times(const treve_doc *doc, treve_write_fn w, void *user)
{
    if (!doc || !w)
        return TREVE_EINVAL;
    tv_buf b = {0};
    int rc = TREVE_OK;
    for (size_t i = 0; i < doc->ntimes && rc == TREVE_OK; i++) {
        tv_timex_write_json(&doc->text, &doc->times[i], &b);
        tv_buf_addc(&b, '\n');
        rc = tv_buf_flush(&b, w, user);
    }
    tv_buf_free(&b);
    return rc;
}
