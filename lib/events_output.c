/*
 * events_output.c — writers for coded events: JSON lines as SPEC.md
 * specifies ("treve code"), and a flat CSV table (one row per event).
 */
#include "events.h"

#include <math.h>
#include <stdio.h>

static void add_span(tv_buf *b, tv_span s) { tv_buf_printf(b, "[%u,%u]", s.start, s.end); }

static void add_text(tv_buf *b, const treve_doc *doc, tv_span s)
{
    tv_buf_json_str(b, doc->text.src + s.start, s.end - s.start);
}

static void add_str_or_null(tv_buf *b, const char *s)
{
    if (s && *s)
        tv_buf_json_str(b, s, strlen(s));
    else
        tv_buf_adds(b, "null");
}

static void add_num_or_null(tv_buf *b, double v)
{
    if (isnan(v))
        tv_buf_adds(b, "null");
    else
        tv_buf_printf(b, "%.15g", v);
}

static void add_actor_obj(tv_buf *b, const treve_doc *doc, const tv_actor *a, const char *role)
{
    tv_buf_addc(b, '{');
    if (role)
        tv_buf_printf(b, "\"role\":\"%s\",", role);
    tv_buf_adds(b, "\"code\":");
    add_str_or_null(b, a->code);
    tv_buf_adds(b, ",\"country\":");
    add_str_or_null(b, a->country);
    tv_buf_adds(b, ",\"sector\":");
    add_str_or_null(b, a->sector);
    if (a->inferred)
        tv_buf_adds(b, ",\"inferred\":true");
    if (a->name.end > a->name.start) {
        tv_buf_adds(b, ",\"name\":");
        add_text(b, doc, a->name);
    }
    tv_buf_adds(b, ",\"text\":");
    add_text(b, doc, a->span);
    tv_buf_adds(b, ",\"span\":");
    add_span(b, a->span);
    tv_buf_addc(b, '}');
}

static const char *role_name(int r)
{
    return r == TV_ROLE_RECIPIENT ? "recipient" : r == TV_ROLE_MEDIATOR ? "mediator" : "actor";
}

/* The publication day, for events the text gives no time for. */
static void publication_day(const treve_doc *doc, int64_t *start, int64_t *end, char timex[16])
{
    int64_t day = doc->published >= 0 ? doc->published / 86400 : -((-doc->published + 86399) / 86400);
    *start = day * 86400;
    *end = *start + 86400;
    int64_t y;
    unsigned m, d;
    tv_civil_from_days(day, &y, &m, &d);
    snprintf(timex, 16, "%04lld-%02u-%02u", (long long)y, m, d);
}

static void add_time(tv_buf *b, const treve_doc *doc, const tv_event *e)
{
    tv_buf_adds(b, "{\"start\":");
    if (e->has_time) {
        const tv_timex *t = &e->time;
        tv_buf_json_utc(b, t->start);
        tv_buf_adds(b, ",\"end\":");
        tv_buf_json_utc(b, t->end);
        tv_buf_printf(b, ",\"precision\":\"%s\",\"timex\":", tv_precision_name(t->precision));
        add_str_or_null(b, t->value);
        tv_buf_adds(b, ",\"text\":");
        add_text(b, doc, t->span);
        tv_buf_adds(b, ",\"span\":");
        add_span(b, t->span);
        tv_buf_printf(b, ",\"basis\":\"%s\"}", tv_basis_name(t->basis));
    } else if (doc->published != TV_TIME_NONE) {
        int64_t s, en;
        char timex[16];
        publication_day(doc, &s, &en, timex);
        tv_buf_json_utc(b, s);
        tv_buf_adds(b, ",\"end\":");
        tv_buf_json_utc(b, en);
        tv_buf_printf(b, ",\"precision\":\"day\",\"timex\":\"%s\",\"text\":null,\"span\":null,"
                         "\"basis\":\"publication\"}", timex);
    } else {
        tv_buf_adds(b, "null,\"end\":null,\"precision\":null,\"timex\":null,\"text\":null,\"span\":null,"
                       "\"basis\":\"unresolved\"}");
    }
}

static void add_plover(tv_buf *b, const tv_entry *c)
{
    const char *type = c ? tv_entry_attr(c, "plover") : NULL;
    if (!type || strcmp(type, "-") == 0) {
        tv_buf_adds(b, "null");
        return;
    }
    tv_buf_adds(b, "{\"type\":");
    add_str_or_null(b, type);
    tv_buf_adds(b, ",\"mode\":");
    add_str_or_null(b, tv_entry_attr(c, "mode"));
    tv_buf_adds(b, ",\"context\":[");
    const char *ctx = tv_entry_attr(c, "context");
    if (ctx) {
        const char *p = ctx;
        bool first = true;
        while (*p) {
            const char *q = strchr(p, ',');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            if (n) {
                if (!first)
                    tv_buf_addc(b, ',');
                tv_buf_json_str(b, p, n);
                first = false;
            }
            p += n + (q ? 1 : 0);
        }
    }
    tv_buf_adds(b, "]}");
}

static void add_place(tv_buf *b, const treve_doc *doc, const tv_event *e)
{
    if (!e->place_entry || !e->place) {
        tv_buf_adds(b, "null");
        return;
    }
    const tv_entry *p = e->place_entry;
    const tv_text *x = &doc->text;
    tv_span s = {x->tok[e->place->tok_first].start, x->tok[e->place->tok_end - 1].end};
    tv_buf_adds(b, "{\"name\":");
    const char *name = tv_entry_attr(p, "name");
    add_str_or_null(b, name ? name : p->lemma);
    tv_buf_adds(b, ",\"country\":");
    const char *ctry = tv_entry_attr(p, "country");
    add_str_or_null(b, ctry ? ctry : p->code);
    const char *lat = tv_entry_attr(p, "lat"), *lon = tv_entry_attr(p, "lon");
    tv_buf_printf(b, ",\"lat\":%s,\"lon\":%s,\"precision\":", lat ? lat : "null", lon ? lon : "null");
    add_str_or_null(b, tv_entry_attr(p, "precision"));
    tv_buf_adds(b, ",\"text\":");
    add_text(b, doc, s);
    tv_buf_adds(b, ",\"span\":");
    add_span(b, s);
    tv_buf_addc(b, '}');
}

static void add_event_json(tv_buf *b, const treve_doc *doc, const tv_event *e, size_t index)
{
    tv_buf_adds(b, "{\"event_id\":");
    char id[96];
    snprintf(id, sizeof id, "%s:%zu", doc->id, index);
    tv_buf_json_str(b, id, strlen(id));
    tv_buf_adds(b, ",\"article_id\":");
    tv_buf_json_str(b, doc->id, strlen(doc->id));
    tv_buf_printf(b, ",\"lang\":\"%s\",\"cameo\":\"%s\",\"plover\":", doc->lang, e->cameo);
    add_plover(b, e->cameo_entry);
    tv_buf_adds(b, ",\"label\":");
    add_str_or_null(b, e->cameo_entry ? tv_entry_attr(e->cameo_entry, "label") : NULL);
    tv_buf_adds(b, ",\"actors\":[");
    for (size_t i = 0; i < e->nactors; i++) {
        if (i)
            tv_buf_addc(b, ',');
        add_actor_obj(b, doc, e->actors[i].actor, role_name(e->actors[i].role));
    }
    tv_buf_adds(b, "],\"time\":");
    add_time(b, doc, e);
    tv_buf_adds(b, ",\"place\":");
    add_place(b, doc, e);
    tv_buf_adds(b, ",\"casualties\":[");
    for (size_t i = 0; i < e->ncasualties; i++) {
        const tv_casualty *c = &e->casualties[i];
        if (i)
            tv_buf_addc(b, ',');
        tv_buf_printf(b, "{\"kind\":\"%s\",\"min\":", tv_casualty_kind_name(c->kind));
        add_num_or_null(b, c->min);
        tv_buf_adds(b, ",\"max\":");
        add_num_or_null(b, c->max);
        if (c->unquantified)
            tv_buf_adds(b, ",\"unquantified\":true");
        tv_buf_adds(b, ",\"group\":{\"country\":");
        add_str_or_null(b, c->country);
        tv_buf_adds(b, ",\"sector\":");
        add_str_or_null(b, c->sector);
        tv_buf_adds(b, "},\"claimed_by\":");
        if (c->claimed_by)
            add_actor_obj(b, doc, c->claimed_by, NULL);
        else
            tv_buf_adds(b, "null");
        tv_buf_adds(b, ",\"text\":");
        add_text(b, doc, c->span);
        tv_buf_adds(b, ",\"span\":");
        add_span(b, c->span);
        tv_buf_addc(b, '}');
    }
    tv_buf_adds(b, "],\"claimed_by\":");
    if (e->claimed_by)
        add_actor_obj(b, doc, e->claimed_by, NULL);
    else
        tv_buf_adds(b, "null");
    tv_buf_printf(b, ",\"modality\":\"%s\",\"historical\":%s,\"mentions\":[", tv_modality_name(e->modality),
                  e->historical ? "true" : "false");
    for (size_t i = 0; i < e->nmentions; i++) {
        const tv_mention *m = &e->mentions[i];
        if (i)
            tv_buf_addc(b, ',');
        tv_buf_printf(b, "{\"sentence\":%u,\"span\":", m->sentence);
        add_span(b, m->span);
        tv_buf_adds(b, ",\"text\":");
        add_text(b, doc, m->span);
        tv_buf_addc(b, '}');
    }
    tv_buf_adds(b, "]}");
}

void tv_event_write_json(tv_buf *b, const treve_doc *doc, const tv_event *e, size_t index)
{
    add_event_json(b, doc, e, index);
}

static const char CSV_HEADER[] =
    "event_id,article_id,lang,cameo,plover_type,plover_mode,label,actors,recipients,mediators,"
    "time_start,time_end,time_precision,time_basis,place,place_country,lat,lon,killed_min,killed_max,"
    "wounded_min,claimed_by,modality,historical,text\n";

int treve_write_events_csv_header(treve_write_fn w, void *user)
{
    return w(user, CSV_HEADER, sizeof CSV_HEADER - 1) == 0 ? TREVE_OK : TREVE_EIO;
}

static void csv_codes(tv_buf *b, const tv_event *e, uint8_t role)
{
    tv_buf line = {0};
    for (size_t i = 0; i < e->nactors; i++) {
        if (e->actors[i].role != role)
            continue;
        if (line.len)
            tv_buf_addc(&line, ';');
        tv_buf_adds(&line, e->actors[i].actor->code);
    }
    tv_buf_csv_field(b, line.data ? line.data : "", line.len);
    tv_buf_free(&line);
}

static void csv_num(tv_buf *b, double v)
{
    if (!isnan(v))
        tv_buf_printf(b, "%.15g", v);
}

static void add_event_csv(tv_buf *b, const treve_doc *doc, const tv_event *e, size_t index)
{
    char id[96];
    snprintf(id, sizeof id, "%s:%zu", doc->id, index);
    tv_buf_csv_field(b, id, strlen(id));
    tv_buf_addc(b, ',');
    tv_buf_csv_field(b, doc->id, strlen(doc->id));
    tv_buf_printf(b, ",%s,%s,", doc->lang, e->cameo);
    const char *pt = e->cameo_entry ? tv_entry_attr(e->cameo_entry, "plover") : NULL;
    const char *pm = e->cameo_entry ? tv_entry_attr(e->cameo_entry, "mode") : NULL;
    const char *label = e->cameo_entry ? tv_entry_attr(e->cameo_entry, "label") : NULL;
    if (pt && strcmp(pt, "-") != 0)
        tv_buf_adds(b, pt);
    tv_buf_addc(b, ',');
    if (pm)
        tv_buf_adds(b, pm);
    tv_buf_addc(b, ',');
    if (label)
        tv_buf_csv_field(b, label, strlen(label));
    tv_buf_addc(b, ',');
    csv_codes(b, e, TV_ROLE_ACTOR);
    tv_buf_addc(b, ',');
    csv_codes(b, e, TV_ROLE_RECIPIENT);
    tv_buf_addc(b, ',');
    csv_codes(b, e, TV_ROLE_MEDIATOR);
    tv_buf_addc(b, ',');
    char s[32];
    if (e->has_time) {
        if (e->time.start != TV_TIME_NONE) {
            tv_format_utc(e->time.start, s);
            tv_buf_adds(b, s);
        }
        tv_buf_addc(b, ',');
        if (e->time.end != TV_TIME_NONE) {
            tv_format_utc(e->time.end, s);
            tv_buf_adds(b, s);
        }
        tv_buf_printf(b, ",%s,%s,", tv_precision_name(e->time.precision), tv_basis_name(e->time.basis));
    } else if (doc->published != TV_TIME_NONE) {
        int64_t st, en;
        char timex[16];
        publication_day(doc, &st, &en, timex);
        tv_format_utc(st, s);
        tv_buf_adds(b, s);
        tv_buf_addc(b, ',');
        tv_format_utc(en, s);
        tv_buf_adds(b, s);
        tv_buf_adds(b, ",day,publication,");
    } else {
        tv_buf_adds(b, ",,,unresolved,");
    }
    if (e->place_entry) {
        const char *name = tv_entry_attr(e->place_entry, "name");
        name = name ? name : e->place_entry->lemma;
        tv_buf_csv_field(b, name, strlen(name));
        const char *c = tv_entry_attr(e->place_entry, "country");
        const char *lat = tv_entry_attr(e->place_entry, "lat"), *lon = tv_entry_attr(e->place_entry, "lon");
        tv_buf_printf(b, ",%s,%s,%s,", c ? c : "", lat ? lat : "", lon ? lon : "");
    } else {
        tv_buf_adds(b, ",,,,");
    }
    double kmin = NAN, kmax = NAN, wmin = NAN;
    for (size_t i = 0; i < e->ncasualties; i++) {
        const tv_casualty *c = &e->casualties[i];
        if (c->kind == TV_CAS_KILLED && !isnan(c->min) && (isnan(kmin) || c->min > kmin))
            kmin = c->min, kmax = c->max;
        if (c->kind == TV_CAS_WOUNDED && !isnan(c->min) && (isnan(wmin) || c->min > wmin))
            wmin = c->min;
    }
    csv_num(b, kmin);
    tv_buf_addc(b, ',');
    csv_num(b, kmax);
    tv_buf_addc(b, ',');
    csv_num(b, wmin);
    tv_buf_addc(b, ',');
    if (e->claimed_by)
        tv_buf_adds(b, e->claimed_by->code);
    tv_buf_printf(b, ",%s,%s,", tv_modality_name(e->modality), e->historical ? "true" : "false");
    if (e->nmentions)
        tv_buf_csv_field(b, doc->text.src + e->mentions[0].span.start,
                         e->mentions[0].span.end - e->mentions[0].span.start);
    tv_buf_addc(b, '\n');
}

int treve_doc_write_events(const treve_doc *doc, treve_format f, treve_write_fn w, void *user)
{
    if (!doc || !w)
        return TREVE_EINVAL;
    tv_buf b = {0};
    int rc = TREVE_OK;
    size_t index = 0;
    for (size_t i = 0; i < doc->nevents && rc == TREVE_OK; i++) {
        const tv_event *e = &doc->events[i];
        if (e->consumed)
            continue;
        if (f == TREVE_FORMAT_CSV) {
            add_event_csv(&b, doc, e, index);
        } else {
            add_event_json(&b, doc, e, index);
            tv_buf_addc(&b, '\n');
        }
        index++;
        rc = tv_buf_flush(&b, w, user);
    }
    tv_buf_free(&b);
    return rc;
}
