/*
 * store.c — the event store's logic, independent of the database
 * (the public treve_store_* API; rules in docs/store.md).
 *
 *   treve_store_add     a coded article → an article row and one event row per
 *                       event (its SPEC JSON kept verbatim), unless the article
 *                       is already stored (same id or same SHA-1 of its bytes)
 *   treve_store_commit  merges the batch's events into stories (cross-report
 *                       merging, deterministic and independent of ingest
 *                       order), recomputes the ceasefires whose parties they
 *                       touch, and commits the batch as one transaction
 *   queries / exports   stories as JSON lines, CSV, GDELT 2.0 and ACLED layouts
 *
 * The database is reached only through tv_store_ops (lib/store.h).
 */
#include "store.h"
#include "events.h"
#include "sha1.h"
#include "times.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

struct treve_store {
    tv_backend *be;
    bool readonly, in_batch;
    tv_sev *pending; /* events added in the current batch */
    size_t npending, cap;
    treve_store_counts counts; /* treve_store_counters() */
};

static int count_known(treve_store *s, const char *id, treve_error *err);

static int oom(treve_error *err) { return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0); }

treve_store *treve_store_open(const char *path, treve_store_mode mode, treve_error *err)
{
    treve_store *s = calloc(1, sizeof *s);
    if (!s) {
        oom(err);
        return NULL;
    }
    s->be = tv_sqlite_open(path, mode, err);
    if (!s->be) {
        free(s);
        return NULL;
    }
    s->readonly = mode == TREVE_STORE_READONLY;
    return s;
}

void treve_store_close(treve_store *s)
{
    if (!s)
        return;
    s->be->ops->close(s->be); /* an open batch is rolled back */
    free(s->pending);
    free(s);
}

int treve_store_begin(treve_store *s, treve_error *err)
{
    if (!s)
        return tv_fail(err, TREVE_EINVAL, "no store", 0, 0);
    if (s->readonly)
        return tv_fail(err, TREVE_EINVAL, "store opened read-only", 0, 0);
    if (s->in_batch)
        return TREVE_OK;
    int rc = s->be->ops->begin(s->be, err);
    if (rc == TREVE_OK) {
        s->in_batch = true;
        s->npending = 0;
    }
    return rc;
}

/* ---- articles and events → rows --------------------------------------------*/
void tv_store_family(const char *cameo, char out[12])
{
    if (strcmp(cameo, "0871") == 0)
        snprintf(out, 12, "ceasefire");
    else if (strncmp(cameo, "196", 3) == 0)
        snprintf(out, 12, "violation");
    else if (strncmp(cameo, "18", 2) == 0 || strncmp(cameo, "19", 2) == 0 || strncmp(cameo, "20", 2) == 0)
        snprintf(out, 12, "violence");
    else
        snprintf(out, 12, "c%.2s", cameo);
}

static int mclass_of(int modality)
{
    switch (modality) {
    case TV_MOD_HOPED:
    case TV_MOD_CALLED_FOR: return TV_MC_WISH;
    case TV_MOD_DENIED: return TV_MC_DENIED;
    case TV_MOD_FUTURE: return TV_MC_FUTURE;
    default: return TV_MC_FACT; /* asserted, reported */
    }
}

static int64_t precision_seconds(int p)
{
    switch (p) {
    case TV_PREC_MINUTE: return 60;
    case TV_PREC_HOUR: return 3600;
    case TV_PREC_PART_OF_DAY: return 6 * 3600;
    case TV_PREC_DAY: return 86400;
    case TV_PREC_WEEK: return 7 * 86400;
    case TV_PREC_MONTH: return 31 * 86400;
    case TV_PREC_SEASON: return 92 * 86400;
    case TV_PREC_YEAR: return 366 * 86400;
    case TV_PREC_DECADE: return 3653 * 86400;
    default: return 86400;
    }
}

/* Adds code to a sorted ",A,B," set (bounded). */
static void set_add(char *set, size_t cap, const char *code)
{
    if (!code || !*code)
        return;
    char item[32];
    snprintf(item, sizeof item, ",%s,", code);
    if (strstr(set, item))
        return;
    /* split, insert, join */
    char *codes[16];
    size_t n = 0;
    char tmp[128];
    snprintf(tmp, sizeof tmp, "%s", set);
    for (char *p = strtok(tmp, ","); p && n < 15; p = strtok(NULL, ","))
        codes[n++] = p;
    codes[n++] = item + 1;
    item[strlen(item) - 1] = '\0';
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(codes[j - 1], codes[j]) > 0; j--) {
            char *t = codes[j];
            codes[j] = codes[j - 1];
            codes[j - 1] = t;
        }
    char out[160] = ",";
    for (size_t i = 0; i < n; i++) {
        strncat(out, codes[i], sizeof out - strlen(out) - 2);
        strncat(out, ",", sizeof out - strlen(out) - 1);
    }
    if (strlen(out) < cap)
        memcpy(set, out, strlen(out) + 1);
}

/* Number of items of set a that set b holds too. */
static size_t set_shared(const char *a, const char *b)
{
    size_t shared = 0;
    const char *p = a;
    while (*p) {
        if (*p == ',') {
            p++;
            continue;
        }
        size_t n = strcspn(p, ",");
        char item[34];
        snprintf(item, sizeof item, ",%.*s,", (int)(n < 31 ? n : 31), p);
        if (strstr(b, item))
            shared++;
        p += n;
    }
    return shared;
}

static size_t set_size(const char *a)
{
    size_t n = 0;
    for (const char *p = a; *p; p++)
        if (*p != ',' && (p == a || p[-1] == ','))
            n++;
    return n;
}

static bool set_intersects(const char *a, const char *b)
{
    const char *p = a;
    while (*p) {
        if (*p == ',') {
            p++;
            continue;
        }
        size_t n = strcspn(p, ",");
        char item[34];
        snprintf(item, sizeof item, ",%.*s,", (int)(n < 31 ? n : 31), p);
        if (strstr(b, item))
            return true;
        p += n;
    }
    return false;
}

static void set_union(char *dst, size_t cap, const char *src)
{
    const char *p = src;
    while (*p) {
        if (*p == ',') {
            p++;
            continue;
        }
        size_t n = strcspn(p, ",");
        char item[32];
        snprintf(item, sizeof item, "%.*s", (int)(n < 31 ? n : 31), p);
        set_add(dst, cap, item);
        p += n;
    }
}

static const char *const CFSTATE_RANK[] = {"in_force", "holding", "violated", "extended", "expired", "collapsed"};

static int cfstate_rank(const char *s)
{
    for (size_t i = 0; i < TV_ARRAY_LEN(CFSTATE_RANK); i++)
        if (strcmp(s, CFSTATE_RANK[i]) == 0)
            return (int)i + 1;
    return 0;
}

/* True when sentence sent names a ceasefire (a 0871 or 196 trigger). */
static bool ceasefire_sentence(const treve_doc *doc, uint32_t sent)
{
    for (size_t i = 0; i < doc->nmatches; i++) {
        const tv_match *m = &doc->matches[i];
        if (m->tok_first >= doc->text.ntok || doc->text.tok[m->tok_first].sentence != sent || !m->entry->code)
            continue;
        if (!strcmp(m->entry->code, "0871") || !strncmp(m->entry->code, "196", 3))
            return true;
    }
    return false;
}

/* The ceasefire state the article reports (dictionary class cfstate in a
   sentence that names a ceasefire): for ceasefire and violation events, the
   strongest state reported in one of their own sentences; for violence
   events, an end reported anywhere in the article ("a volé en éclats"). */
static void event_cfstate(const treve_doc *doc, const tv_event *e, const char *family, char out[12])
{
    out[0] = '\0';
    bool own = !strcmp(family, "ceasefire") || !strcmp(family, "violation");
    if (!own && strcmp(family, "violence"))
        return;
    uint16_t cls = tv_lexicon_class(doc->ctx->lex, "cfstate");
    if (!cls)
        return;
    for (size_t i = 0; i < doc->nmatches; i++) {
        const tv_match *m = &doc->matches[i];
        if (m->entry->cls_id != cls || m->tok_first >= doc->text.ntok)
            continue;
        uint32_t sent = doc->text.tok[m->tok_first].sentence;
        const char *state = m->entry->code;
        if (cfstate_rank(state) <= cfstate_rank(out) || !ceasefire_sentence(doc, sent))
            continue;
        bool hit = false;
        if (own) {
            for (size_t k = 0; k < e->nmentions && !hit; k++)
                hit = e->mentions[k].sentence == sent;
        } else {
            hit = !strcmp(state, "collapsed") || !strcmp(state, "expired");
        }
        if (hit)
            snprintf(out, 12, "%s", state);
    }
}

/* A report about a ceasefire in force rather than its declaration. */
static bool is_signal(const char *cfstate)
{
    return !strcmp(cfstate, "holding") || !strcmp(cfstate, "collapsed") || !strcmp(cfstate, "expired") ||
           !strcmp(cfstate, "violated");
}

static void row_from_event(const treve_doc *doc, const tv_event *e, int64_t article, size_t index, tv_sev *r)
{
    memset(r, 0, sizeof *r);
    r->article = article;
    snprintf(r->key, sizeof r->key, "%s:%zu", doc->id, index);
    snprintf(r->cameo, sizeof r->cameo, "%s", e->cameo);
    tv_store_family(e->cameo, r->family);
    const char *pl = e->cameo_entry ? tv_entry_attr(e->cameo_entry, "plover") : NULL;
    if (pl && strcmp(pl, "-") != 0)
        snprintf(r->plover, sizeof r->plover, "%s", pl);
    r->mclass = (uint8_t)mclass_of(e->modality);
    r->historical = e->historical;
    r->t_start = r->t_end = TV_TIME_NONE;
    if (e->has_time && e->time.start != TV_TIME_NONE) {
        r->t_start = e->time.start;
        r->t_end = e->time.end != TV_TIME_NONE && e->time.end > e->time.start
                       ? e->time.end
                       : e->time.start + precision_seconds(e->time.precision);
        r->precision = e->time.precision;
        r->basis = e->time.basis;
    } else if (!e->has_time && doc->published != TV_TIME_NONE) {
        int64_t p = doc->published;
        int64_t day = p >= 0 ? p / 86400 : -((-p + 86399) / 86400);
        r->t_start = day * 86400;
        r->t_end = r->t_start + 86400;
        r->precision = TV_PREC_DAY;
        r->basis = TV_BASIS_PUBLICATION;
    } else {
        r->basis = TV_BASIS_UNRESOLVED;
    }
    for (size_t i = 0; i < e->nactors; i++) {
        const tv_actor *a = e->actors[i].actor;
        const char *c = a->country[0] ? a->country : a->code;
        if (e->actors[i].role == TV_ROLE_MEDIATOR)
            set_add(r->mediators, sizeof r->mediators, c);
        else
            set_add(r->actors, sizeof r->actors, c);
    }
    if (e->claimed_by)
        snprintf(r->claimed_by, sizeof r->claimed_by, "%s", e->claimed_by->code);
    r->lat = r->lon = NAN;
    if (e->place_entry) {
        const char *name = tv_entry_attr(e->place_entry, "name");
        const char *ctry = tv_entry_attr(e->place_entry, "country");
        const char *lat = tv_entry_attr(e->place_entry, "lat"), *lon = tv_entry_attr(e->place_entry, "lon");
        snprintf(r->place, sizeof r->place, "%s", name ? name : e->place_entry->lemma);
        snprintf(r->place_country, sizeof r->place_country, "%s", ctry ? ctry : e->place_entry->code);
        if (lat && lon) {
            r->lat = strtod(lat, NULL);
            r->lon = strtod(lon, NULL);
        }
    }
    event_cfstate(doc, e, r->family, r->cfstate);
}

int treve_store_add(treve_store *s, const treve_doc *doc, int *added, treve_error *err)
{
    if (added)
        *added = 0;
    if (!s || !doc)
        return tv_fail(err, TREVE_EINVAL, "no store or document", 0, 0);
    int rc;
    if (!s->in_batch && (rc = treve_store_begin(s, err)) != TREVE_OK)
        return rc;
    const tv_store_ops *ops = s->be->ops;
    char hash[41];
    tv_sha1_hex(doc->text.src, doc->text.len, hash);
    int known = 0;
    if ((rc = ops->article_known(s->be, doc->id, hash, &known, err)) != TREVE_OK)
        return rc;
    if (known)
        return count_known(s, doc->id, err);
    size_t nev = 0;
    for (size_t i = 0; i < doc->nevents; i++)
        nev += !doc->events[i].consumed;
    tv_sarticle a = {.id = doc->id, .hash = hash, .lang = doc->lang, .source = doc->source, .url = doc->url,
                     .published = doc->published, .text = doc->text.src, .len = doc->text.len, .nevents = nev};
    int64_t article;
    if ((rc = ops->article_insert(s->be, &a, &article, err)) != TREVE_OK)
        return rc;
    tv_buf json = {0};
    size_t index = 0;
    for (size_t i = 0; i < doc->nevents && rc == TREVE_OK; i++) {
        const tv_event *e = &doc->events[i];
        if (e->consumed)
            continue;
        if (s->npending == s->cap) {
            size_t nc = s->cap ? s->cap * 2 : 256;
            tv_sev *np = realloc(s->pending, nc * sizeof *np);
            if (!np) {
                rc = oom(err);
                break;
            }
            s->pending = np;
            s->cap = nc;
        }
        tv_sev *r = &s->pending[s->npending];
        row_from_event(doc, e, article, index, r);
        tv_sactor actors[TV_EVENT_MAX_ACTORS];
        for (size_t k = 0; k < e->nactors; k++) {
            const tv_actor *x = e->actors[k].actor;
            actors[k].role = e->actors[k].role;
            snprintf(actors[k].code, sizeof actors[k].code, "%s", x->code);
            snprintf(actors[k].country, sizeof actors[k].country, "%s", x->country);
            snprintf(actors[k].sector, sizeof actors[k].sector, "%s", x->sector);
        }
        json.len = 0;
        tv_event_write_json(&json, doc, e, index);
        if (json.failed) {
            rc = oom(err);
            break;
        }
        rc = ops->event_insert(s->be, r, json.data, json.len, actors, e->nactors, &r->id, err);
        if (rc == TREVE_OK)
            s->npending++;
        index++;
    }
    tv_buf_free(&json);
    if (rc == TREVE_OK) {
        s->counts.articles_added++;
        s->counts.events_added += index;
    }
    if (rc == TREVE_OK && added)
        *added = 1;
    return rc;
}

/* ---- merging into stories ---------------------------------------------------*/
static double distance_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, k = M_PI / 180.0;
    double dlat = (lat2 - lat1) * k, dlon = (lon2 - lon1) * k;
    double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * k) * cos(lat2 * k) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

/* Two events (same family and historical flag) may describe one real-world
   event: docs/store.md, "Merge rules". */
static bool compatible(const tv_sev *a, const tv_sev *b)
{
    if (a->article == b->article || a->mclass != b->mclass)
        return false;
    if (!strcmp(a->family, "ceasefire") && is_signal(a->cfstate) != is_signal(b->cfstate))
        return false;
    if (a->t_start == TV_TIME_NONE || b->t_start == TV_TIME_NONE)
        return false;
    int64_t la = a->t_end - a->t_start, lb = b->t_end - b->t_start;
    if (la > TV_MERGE_MAX_SPAN || lb > TV_MERGE_MAX_SPAN) {
        if (a->t_start != b->t_start || a->t_end != b->t_end)
            return false;
    } else if (!(a->t_start < b->t_end && b->t_start < a->t_end)) {
        return false;
    }
    if (a->actors[0] || b->actors[0]) {
        if (!a->actors[0] || !b->actors[0] || !set_intersects(a->actors, b->actors))
            return false;
        /* two dyads must be the same dyad: Israel–Hamas and Israel–Hezbollah
           on one day are two stories, not one */
        if (set_size(a->actors) >= 2 && set_size(b->actors) >= 2 && set_shared(a->actors, b->actors) < 2)
            return false;
    }
    if (a->place[0] && b->place[0] && strcmp(a->place, b->place) != 0) {
        if (!isnan(a->lat) && !isnan(b->lat))
            return distance_km(a->lat, a->lon, b->lat, b->lon) <= 150.0;
        return a->place_country[0] && strcmp(a->place_country, b->place_country) == 0;
    }
    return true;
}

static int cmp_sev(const void *x, const void *y)
{
    const tv_sev *a = x, *b = y;
    if (a->t_start != b->t_start)
        return a->t_start < b->t_start ? -1 : 1;
    if (a->t_end != b->t_end)
        return a->t_end < b->t_end ? -1 : 1;
    return strcmp(a->key, b->key);
}

static int cmp_i64(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return a < b ? -1 : a > b;
}

static size_t uf_find(size_t *p, size_t i)
{
    while (p[i] != i)
        i = p[i] = p[p[i]];
    return i;
}

/* Representative member: the most precise time given by the text, then the
   most actors, then canonical order. */
static bool better_rep(const tv_sev *a, json_t *ja, const tv_sev *b, json_t *jb)
{
    bool ta = a->basis == TV_BASIS_EXPLICIT || a->basis == TV_BASIS_RELATIVE;
    bool tb = b->basis == TV_BASIS_EXPLICIT || b->basis == TV_BASIS_RELATIVE;
    if (ta != tb)
        return ta;
    if (a->precision != b->precision)
        return a->precision < b->precision;
    size_t na = json_array_size(json_object_get(ja, "actors")), nb = json_array_size(json_object_get(jb, "actors"));
    return na > nb;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : "";
}

static double jnum(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

/* Conservative total of a casualty kind: per victim group (country and
   sector) the smallest quantified minimum among the claims, summed over the
   groups; a claim that names no group stands for a total and wins when it is
   larger. NAN when no claim of that kind, 0 when none is quantified. */
static double conservative_total(json_t *claims, const char *kind)
{
    double total = NAN, ungrouped = NAN;
    size_t n = json_array_size(claims);
    for (size_t i = 0; i < n; i++) {
        json_t *c = json_array_get(claims, i);
        if (strcmp(jstr(c, "kind"), kind) != 0)
            continue;
        if (isnan(total))
            total = 0;
        json_t *g = json_object_get(c, "group");
        char gi[16];
        snprintf(gi, sizeof gi, "%s/%s", jstr(g, "country"), jstr(g, "sector"));
        if (!*jstr(g, "country")) {
            double m = jnum(c, "min");
            if (!isnan(m) && (isnan(ungrouped) || m < ungrouped))
                ungrouped = m;
            continue;
        }
        bool seen = false;
        double best = NAN;
        for (size_t k = 0; k < n; k++) {
            json_t *d = json_array_get(claims, k);
            if (strcmp(jstr(d, "kind"), kind) != 0)
                continue;
            json_t *h = json_object_get(d, "group");
            char gk[16];
            snprintf(gk, sizeof gk, "%s/%s", jstr(h, "country"), jstr(h, "sector"));
            if (strcmp(gi, gk) != 0)
                continue;
            if (k < i) {
                seen = true;
                break;
            }
            double m = jnum(d, "min");
            if (!isnan(m) && (isnan(best) || m < best))
                best = m;
        }
        if (!seen && !isnan(best))
            total += best;
    }
    if (!isnan(ungrouped) && ungrouped > total)
        total = ungrouped;
    return total;
}

typedef struct member {
    tv_sev *row;
    tv_sdetail d;
    json_t *j;
} member;

/* Builds and inserts one story from members (canonical order). */
static int build_story(treve_store *s, tv_sev **rows, size_t n, treve_error *err)
{
    const tv_store_ops *ops = s->be->ops;
    member *m = calloc(n, sizeof *m);
    int64_t *ids = calloc(n, sizeof *ids);
    int rc = TREVE_OK;
    if (!m || !ids) {
        free(m);
        free(ids);
        return oom(err);
    }
    size_t rep = 0;
    for (size_t i = 0; i < n && rc == TREVE_OK; i++) {
        m[i].row = rows[i];
        ids[i] = rows[i]->id;
        rc = ops->event_detail(s->be, rows[i]->id, &m[i].d, err);
        if (rc == TREVE_OK && !(m[i].j = json_loads(m[i].d.json, 0, NULL)))
            rc = tv_fail(err, TREVE_EDB, "stored event is not valid JSON", 0, 0);
        if (rc == TREVE_OK && i && better_rep(rows[i], m[i].j, rows[rep], m[rep].j))
            rep = i;
    }
    tv_sstory st;
    memset(&st, 0, sizeof st);
    json_t *o = rc == TREVE_OK ? json_deep_copy(m[rep].j) : NULL;
    if (rc == TREVE_OK && !o)
        rc = oom(err);
    if (rc == TREVE_OK) {
        const tv_sev *r = rows[rep];
        snprintf(st.key, sizeof st.key, "%s", rows[0]->key);
        snprintf(st.family, sizeof st.family, "%s", r->family);
        snprintf(st.cameo, sizeof st.cameo, "%s", r->cameo);
        snprintf(st.plover, sizeof st.plover, "%s", r->plover);
        st.historical = r->historical;
        st.mclass = r->mclass;
        st.precision = r->precision;
        st.basis = r->basis;
        st.t_start = r->t_start;
        st.t_end = r->t_end;
        snprintf(st.claimed_by, sizeof st.claimed_by, "%s", r->claimed_by);
        snprintf(st.place_country, sizeof st.place_country, "%s", r->place_country);
        st.first_published = TV_TIME_NONE;
        char first_url[512] = "";
        json_t *mentions = json_array(), *claims = json_array(), *event_ids = json_array(),
               *article_ids = json_array(), *sources = json_array();
        for (size_t i = 0; i < n; i++) {
            const tv_sev *x = rows[i];
            set_union(st.parties, sizeof st.parties, x->actors);
            set_union(st.mediators, sizeof st.mediators, x->mediators);
            if (!st.claimed_by[0] && x->claimed_by[0])
                snprintf(st.claimed_by, sizeof st.claimed_by, "%s", x->claimed_by);
            if (cfstate_rank(x->cfstate) > cfstate_rank(st.cfstate))
                snprintf(st.cfstate, sizeof st.cfstate, "%s", x->cfstate);
            if (json_is_null(json_object_get(o, "place")) && !json_is_null(json_object_get(m[i].j, "place")) &&
                json_object_get(m[i].j, "place")) {
                json_object_set(o, "place", json_object_get(m[i].j, "place"));
                snprintf(st.place_country, sizeof st.place_country, "%s", x->place_country);
            }
            if (m[i].d.published != TV_TIME_NONE &&
                (st.first_published == TV_TIME_NONE || m[i].d.published < st.first_published)) {
                st.first_published = m[i].d.published;
                snprintf(st.first_article, sizeof st.first_article, "%s", m[i].d.article_id);
            }
            if (!st.first_article[0] || (m[i].d.published != TV_TIME_NONE && m[i].d.published == st.first_published &&
                                         strcmp(m[i].d.article_id, st.first_article) == 0)) {
                snprintf(st.first_article, sizeof st.first_article, "%s", m[i].d.article_id);
                snprintf(first_url, sizeof first_url, "%s", m[i].d.url);
            }
            json_array_append_new(event_ids, json_string(x->key));
            bool new_article = true;
            for (size_t k = 0; k < i; k++)
                if (rows[k]->article == x->article)
                    new_article = false;
            if (new_article) {
                st.num_articles++;
                json_array_append_new(article_ids, json_string(m[i].d.article_id));
            }
            bool new_source = true;
            size_t ns = json_array_size(sources);
            for (size_t k = 0; k < ns; k++)
                if (strcmp(json_string_value(json_array_get(sources, k)), m[i].d.source) == 0)
                    new_source = false;
            if (new_source)
                json_array_append_new(sources, json_string(m[i].d.source));
            json_t *ms = json_object_get(m[i].j, "mentions");
            size_t k;
            json_t *v;
            json_array_foreach(ms, k, v)
            {
                json_t *c = json_deep_copy(v);
                json_object_set_new(c, "article_id", json_string(m[i].d.article_id));
                json_array_append_new(mentions, c);
                st.num_mentions++;
            }
            json_array_foreach(json_object_get(m[i].j, "casualties"), k, v)
            {
                char sig[160];
                json_t *g = json_object_get(v, "group"), *cb = json_object_get(v, "claimed_by");
                snprintf(sig, sizeof sig, "%s|%g|%g|%s|%s|%s", jstr(v, "kind"), jnum(v, "min"), jnum(v, "max"),
                         jstr(g, "country"), jstr(g, "sector"), json_is_object(cb) ? jstr(cb, "code") : "");
                json_t *same = NULL;
                size_t q;
                json_t *w;
                json_array_foreach(claims, q, w)
                {
                    if (strcmp(jstr(w, "_sig"), sig) == 0)
                        same = w;
                }
                if (same) {
                    json_array_append_new(json_object_get(same, "article_ids"), json_string(m[i].d.article_id));
                    continue;
                }
                json_t *c = json_deep_copy(v);
                json_object_set_new(c, "article_id", json_string(m[i].d.article_id));
                json_object_set_new(c, "source", json_string(m[i].d.source));
                json_t *aid = json_array();
                json_array_append_new(aid, json_string(m[i].d.article_id));
                json_object_set_new(c, "article_ids", aid);
                json_object_set_new(c, "_sig", json_string(sig));
                json_array_append_new(claims, c);
            }
        }
        size_t q;
        json_t *w;
        json_array_foreach(claims, q, w) json_object_del(w, "_sig");
        st.num_sources = (int)json_array_size(sources);
        st.killed = conservative_total(claims, "killed");
        st.wounded = conservative_total(claims, "wounded");
        json_object_set_new(o, "casualties", claims);
        json_object_set_new(o, "mentions", mentions);
        json_object_set_new(o, "story_id", json_string(st.key));
        json_object_set_new(o, "sources", json_integer(st.num_sources));
        json_object_set_new(o, "articles", json_integer(st.num_articles));
        json_object_set_new(o, "num_mentions", json_integer(st.num_mentions));
        json_object_set_new(o, "fatalities", isnan(st.killed)                   ? json_null()
                                              : st.killed == floor(st.killed) && st.killed < 1e15
                                                  ? json_integer((json_int_t)st.killed)
                                                  : json_real(st.killed));
        json_object_set_new(o, "source_names", sources);
        json_object_set_new(o, "event_ids", event_ids);
        json_object_set_new(o, "article_ids", article_ids);
        if (st.first_published != TV_TIME_NONE) {
            char t[32];
            tv_format_utc(st.first_published, t);
            json_object_set_new(o, "first_published", json_string(t));
        }
        json_object_set_new(o, "source_url", first_url[0] ? json_string(first_url) : json_null());
        if (st.cfstate[0])
            json_object_set_new(o, "ceasefire_report", json_string(st.cfstate));
        st.json = json_dumps(o, JSON_FLAGS);
        if (!st.json)
            rc = oom(err);
    }
    int64_t story = 0;
    if (rc == TREVE_OK)
        rc = ops->story_insert(s->be, &st, ids, n, &story, err);
    if (rc == TREVE_OK)
        s->counts.stories_written++;
    if (rc == TREVE_OK)
        for (size_t i = 0; i < n; i++) {
            rows[i]->story = story;
            snprintf(rows[i]->story_key, sizeof rows[i]->story_key, "%s", st.key);
        }
    free(st.json);
    json_decref(o);
    for (size_t i = 0; i < n; i++) {
        free(m[i].d.json);
        json_decref(m[i].j);
    }
    free(m);
    free(ids);
    return rc;
}

/* Changed stories (old versions deleted, new ones written) of the families
   the ceasefire machine reads: current asserted ceasefire, violence and
   violation stories, as (family, parties). Decides which party sets'
   ceasefires are recomputed at commit. */
typedef struct touch_item {
    char family[12];
    char parties[96];
} touch_item;

typedef struct touched {
    touch_item *v;
    size_t n, cap;
    bool failed;
} touched;

static void touch_parties(touched *t, const char *family, int historical, int mclass, const char *parties)
{
    if (historical || mclass != TV_MC_FACT || !parties[0])
        return;
    if (strcmp(family, "ceasefire") && strcmp(family, "violence") && strcmp(family, "violation"))
        return;
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->v[i].family, family) && !strcmp(t->v[i].parties, parties))
            return;
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 64;
        touch_item *nv = realloc(t->v, nc * sizeof *nv);
        if (!nv) {
            t->failed = true;
            return;
        }
        t->v = nv;
        t->cap = nc;
    }
    snprintf(t->v[t->n].family, sizeof t->v[t->n].family, "%s", family);
    snprintf(t->v[t->n].parties, sizeof t->v[t->n].parties, "%s", parties);
    t->n++;
}

/* A story about to be written or deleted: its parties are the union of its
   members' actor sets. */
static void touch_story(touched *t, tv_sev *const *members, size_t n)
{
    if (!n)
        return;
    char parties[96] = "";
    for (size_t i = 0; i < n; i++)
        set_union(parties, sizeof parties, members[i]->actors);
    touch_parties(t, members[0]->family, members[0]->historical, members[0]->mclass, parties);
}

/* Recomputes the stories of every component (of the compatibility graph)
   that contains one of the new events of one family/historical group. */
static int merge_group(treve_store *s, const tv_sev *news, size_t nnew, touched *t, treve_error *err)
{
    const tv_store_ops *ops = s->be->ops;
    int64_t *newids = malloc(nnew * sizeof *newids);
    if (!newids)
        return oom(err);
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < nnew; i++) {
        newids[i] = news[i].id;
        lo = news[i].t_start < lo ? news[i].t_start : lo;
        hi = news[i].t_start > hi ? news[i].t_start : hi;
    }
    qsort(newids, nnew, sizeof *newids, cmp_i64);
    lo -= TV_MERGE_MAX_SPAN;
    hi += TV_MERGE_MAX_SPAN;
    tv_sev *rows = NULL;
    size_t n = 0, *par = NULL;
    bool *hit = NULL;
    int rc;
    for (;;) {
        free(rows);
        free(par);
        free(hit);
        par = NULL;
        hit = NULL;
        rc = ops->events_window(s->be, news[0].family, news[0].historical, lo, hi, &rows, &n, err);
        if (rc != TREVE_OK)
            break;
        qsort(rows, n, sizeof *rows, cmp_sev);
        par = malloc((n + 1) * sizeof *par);
        hit = calloc(n + 1, sizeof *hit);
        if (!par || !hit) {
            rc = oom(err);
            break;
        }
        for (size_t i = 0; i < n; i++)
            par[i] = i;
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n && rows[j].t_start < rows[i].t_start + TV_MERGE_MAX_SPAN; j++)
                if (compatible(&rows[i], &rows[j])) {
                    size_t a = uf_find(par, i), b = uf_find(par, j);
                    if (a != b)
                        par[a > b ? a : b] = a < b ? a : b;
                }
        for (size_t i = 0; i < n; i++)
            if (bsearch(&rows[i].id, newids, nnew, sizeof *newids, cmp_i64))
                hit[uf_find(par, i)] = true;
        int64_t cmin = INT64_MAX, cmax = INT64_MIN;
        for (size_t i = 0; i < n; i++)
            if (hit[uf_find(par, i)]) {
                cmin = rows[i].t_start < cmin ? rows[i].t_start : cmin;
                cmax = rows[i].t_start > cmax ? rows[i].t_start : cmax;
            }
        bool grow = false;
        if (cmin != INT64_MAX && cmin - TV_MERGE_MAX_SPAN < lo)
            lo = cmin - TV_MERGE_MAX_SPAN, grow = true;
        if (cmax != INT64_MIN && cmax + TV_MERGE_MAX_SPAN > hi)
            hi = cmax + TV_MERGE_MAX_SPAN, grow = true;
        if (!grow)
            break;
    }
    /* Greedy clustering of each touched component, in canonical order: an
       event joins the first story all of whose members it is compatible with
       (and that has no event of its article), else starts a new one. */
    size_t *story_of = rc == TREVE_OK ? malloc((n + 1) * sizeof *story_of) : NULL;
    size_t *first = rc == TREVE_OK ? malloc((n + 1) * sizeof *first) : NULL;
    int64_t *old = rc == TREVE_OK ? malloc((n + 1) * sizeof *old) : NULL;
    tv_sev **grp = rc == TREVE_OK ? malloc((n + 1) * sizeof *grp) : NULL;
    bool *keep = rc == TREVE_OK ? calloc(n + 1, sizeof *keep) : NULL;
    if (rc == TREVE_OK && (!story_of || !first || !old || !grp || !keep))
        rc = oom(err);
    size_t nstories = 0;
    if (rc == TREVE_OK) {
        /* stories are numbered per component; first[k] = index of the first member */
        size_t nold = 0;
        for (size_t i = 0; i < n; i++) {
            story_of[i] = SIZE_MAX;
            size_t c = uf_find(par, i);
            if (!hit[c])
                continue;
            if (rows[i].story)
                old[nold++] = rows[i].story;
            for (size_t k = 0; k < nstories; k++) {
                size_t f = first[k];
                if (uf_find(par, f) != c || rows[f].t_start + TV_MERGE_MAX_SPAN <= rows[i].t_start)
                    if (!(uf_find(par, f) == c && rows[f].t_start == rows[i].t_start))
                        continue;
                bool ok = true;
                for (size_t j = f; j < i && ok; j++)
                    if (story_of[j] == k && !compatible(&rows[j], &rows[i]))
                        ok = false;
                if (ok) {
                    story_of[i] = k;
                    break;
                }
            }
            if (story_of[i] == SIZE_MAX) {
                first[nstories] = i;
                story_of[i] = nstories++;
            }
        }
        qsort(old, nold, sizeof *old, cmp_i64);
        /* unchanged stories: same leader, same members as before */
        for (size_t k = 0; k < nstories; k++) {
            const tv_sev *f = &rows[first[k]];
            if (!f->story || strcmp(f->story_key, f->key) != 0)
                continue;
            size_t members = 0;
            bool same = true;
            for (size_t i = first[k]; i < n; i++)
                if (story_of[i] == k) {
                    members++;
                    if (rows[i].story != f->story)
                        same = false;
                }
            int64_t *p = bsearch(&f->story, old, nold, sizeof *old, cmp_i64);
            size_t before = 0;
            while (p && p > old && p[-1] == f->story)
                p--;
            for (; p && p < old + nold && *p == f->story; p++)
                before++;
            keep[k] = same && members == before;
        }
        /* delete the stories that change, then insert their replacements */
        int64_t last = 0;
        for (size_t i = 0; i < nold && rc == TREVE_OK; i++) {
            if (old[i] == last)
                continue;
            last = old[i];
            bool kept = false;
            for (size_t k = 0; k < nstories && !kept; k++)
                if (keep[k] && rows[first[k]].story == old[i])
                    kept = true;
            if (kept)
                continue;
            size_t g = 0;
            for (size_t k = 0; k < n; k++)
                if (rows[k].story == old[i])
                    grp[g++] = &rows[k];
            touch_story(t, grp, g);
            rc = ops->story_delete(s->be, old[i], err);
        }
        for (size_t k = 0; k < nstories && rc == TREVE_OK; k++) {
            if (keep[k])
                continue;
            size_t g = 0;
            for (size_t i = first[k]; i < n; i++)
                if (story_of[i] == k)
                    grp[g++] = &rows[i];
            touch_story(t, grp, g);
            rc = build_story(s, grp, g, err);
        }
    }
    free(story_of);
    free(first);
    free(old);
    free(grp);
    free(keep);
    free(rows);
    free(par);
    free(hit);
    free(newids);
    return rc;
}

static int cmp_group(const void *x, const void *y)
{
    const tv_sev *a = x, *b = y;
    int c = strcmp(a->family, b->family);
    if (c)
        return c;
    if (a->historical != b->historical)
        return a->historical - b->historical;
    return (a->t_start == TV_TIME_NONE) - (b->t_start == TV_TIME_NONE);
}

static int recompute_ceasefires(treve_store *s, const touched *t, treve_error *err);

int treve_store_commit(treve_store *s, treve_error *err)
{
    if (!s)
        return tv_fail(err, TREVE_EINVAL, "no store", 0, 0);
    if (!s->in_batch)
        return TREVE_OK;
    const tv_store_ops *ops = s->be->ops;
    int rc = TREVE_OK;
    touched t = {0};
    if (s->npending)
        qsort(s->pending, s->npending, sizeof *s->pending, cmp_group);
    for (size_t i = 0; i < s->npending && rc == TREVE_OK;) {
        size_t j = i + 1;
        while (j < s->npending && cmp_group(&s->pending[i], &s->pending[j]) == 0)
            j++;
        if (s->pending[i].t_start == TV_TIME_NONE) {
            /* no time: never merged, a story of its own */
            for (size_t k = i; k < j && rc == TREVE_OK; k++) {
                tv_sev *r = &s->pending[k];
                rc = build_story(s, &r, 1, err);
                touch_story(&t, &r, 1);
            }
        } else {
            rc = merge_group(s, &s->pending[i], j - i, &t, err);
        }
        i = j;
    }
    if (rc == TREVE_OK && t.failed)
        rc = oom(err);
    if (rc == TREVE_OK)
        rc = recompute_ceasefires(s, &t, err);
    free(t.v);
    if (rc == TREVE_OK)
        rc = ops->commit(s->be, err);
    else
        ops->rollback(s->be);
    s->in_batch = false;
    s->npending = 0;
    return rc;
}

/* ---- ceasefires ---------------------------------------------------------------*/
typedef struct story_list {
    tv_sstory *v;
    size_t n, cap;
    bool failed;
} story_list;

static int append_story(void *user, const tv_sstory *st);

/* Appends a story unless the list holds it already. */
static int collect_story(void *user, const tv_sstory *st)
{
    story_list *l = user;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].id == st->id)
            return 0;
    return append_story(user, st);
}

typedef struct tl_entry {
    int64_t at;
    const char *state; /* static */
    char story[96], article[64];
    char reason[160];
} tl_entry;

typedef struct cf_entity {
    const tv_sstory *decl;
    int64_t agreed, effective;
    const char *state;
    tl_entry *tl;
    size_t ntl, captl;
    int violations;
    int64_t viol_days[4], fatal_days[4];
    size_t nviol_days, nfatal_days;
    char prev[100]; /* ceasefire this one renewed or followed */
} cf_entity;

static void tl_add(cf_entity *c, int64_t at, const char *state, const tv_sstory *why, const char *reason)
{
    if (c->ntl == c->captl) {
        size_t nc = c->captl ? c->captl * 2 : 8;
        tl_entry *nt = realloc(c->tl, nc * sizeof *nt);
        if (!nt)
            return;
        c->tl = nt;
        c->captl = nc;
    }
    tl_entry *e = &c->tl[c->ntl++];
    e->at = at;
    e->state = state;
    snprintf(e->story, sizeof e->story, "%s", why ? why->key : "");
    snprintf(e->article, sizeof e->article, "%s", why ? why->first_article : "");
    snprintf(e->reason, sizeof e->reason, "%s", reason);
    c->state = state;
}

static bool day_seen(int64_t *days, size_t *n, int64_t day)
{
    for (size_t i = 0; i < *n; i++)
        if (days[i] == day)
            return true;
    if (*n < 4)
        days[(*n)++] = day;
    return false;
}

/* Collapse rule (docs/store.md): violations with deaths on 2 distinct UTC
   days, or violations on 3 distinct UTC days. */
#define CF_FATAL_DAYS 2
#define CF_VIOLATION_DAYS 3

static void violation(cf_entity *c, const tv_sstory *ev, int64_t at, const char *parties)
{
    char reason[160], who[96];
    snprintf(who, sizeof who, "%s", parties[0] == ',' ? parties + 1 : parties);
    size_t wl = strlen(who);
    if (wl && who[wl - 1] == ',')
        who[wl - 1] = '\0';
    for (char *p = who; *p; p++)
        if (*p == ',')
            *p = '/';
    bool reported_end = !strcmp(ev->cfstate, "collapsed") || !strcmp(ev->cfstate, "expired");
    if (strcmp(ev->family, "violation") == 0)
        snprintf(reason, sizeof reason, "reported violation (CAMEO %s)", ev->cameo);
    else
        snprintf(reason, sizeof reason, "clash between %s (CAMEO %s)%s", who, ev->cameo,
                 isnan(ev->killed) ? "" : " with deaths");
    c->violations++;
    tl_add(c, at, "violated", ev, reason);
    int64_t day = at >= 0 ? at / 86400 : -((-at + 86399) / 86400);
    day_seen(c->viol_days, &c->nviol_days, day);
    if (!isnan(ev->killed))
        day_seen(c->fatal_days, &c->nfatal_days, day);
    if (reported_end)
        tl_add(c, at, "collapsed", ev, ev->cfstate[0] == 'e' ? "reported expired" : "reported ended");
    else if (c->nfatal_days >= CF_FATAL_DAYS)
        tl_add(c, at, "collapsed", ev, "rule: violations with deaths on 2 distinct days");
    else if (c->nviol_days >= CF_VIOLATION_DAYS)
        tl_add(c, at, "collapsed", ev, "rule: violations on 3 distinct days");
}

static void add_time_json(json_t *o, const char *k, int64_t t)
{
    if (t == TV_TIME_NONE) {
        json_object_set_new(o, k, json_null());
        return;
    }
    char s[32];
    tv_format_utc(t, s);
    json_object_set_new(o, k, json_string(s));
}

static json_t *codes_array(const char *set)
{
    json_t *a = json_array();
    const char *p = set;
    while (p && *p) {
        if (*p == ',') {
            p++;
            continue;
        }
        size_t n = strcspn(p, ",");
        json_array_append_new(a, json_stringn(p, n));
        p += n;
    }
    return a;
}

/* The ceasefires stored for one party set before a recompute: an entity
   whose JSON comes out the same is not rewritten; those not produced again
   are deleted. */
typedef struct stored_cf {
    char key[100];
    char *json;
    bool seen;
} stored_cf;

typedef struct stored_list {
    stored_cf *v;
    size_t n, cap;
    bool failed;
} stored_list;

static int collect_stored(void *user, const char *key, const char *json, size_t len)
{
    stored_list *l = user;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 16;
        stored_cf *nv = realloc(l->v, nc * sizeof *nv);
        if (!nv) {
            l->failed = true;
            return TREVE_ENOMEM;
        }
        l->v = nv;
        l->cap = nc;
    }
    stored_cf *c = &l->v[l->n];
    snprintf(c->key, sizeof c->key, "%s", key);
    c->seen = false;
    c->json = malloc(len + 1);
    if (!c->json) {
        l->failed = true;
        return TREVE_ENOMEM;
    }
    memcpy(c->json, json, len);
    c->json[len] = '\0';
    l->n++;
    return 0;
}

static int write_entity(treve_store *s, cf_entity *c, const char *parties, stored_list *stored, treve_error *err)
{
    const tv_store_ops *ops = s->be->ops;
    char key[100];
    snprintf(key, sizeof key, "cf:%s", c->decl->key);
    story_list refs = {0};
    int rc = ops->story_references(s->be, c->decl->id, collect_story, &refs, err);
    if (rc != TREVE_OK) {
        free(refs.v);
        return rc;
    }
    json_t *o = json_object();
    json_object_set_new(o, "ceasefire_id", json_string(key));
    json_object_set_new(o, "story_id", json_string(c->decl->key));
    json_object_set_new(o, "parties", codes_array(parties));
    json_object_set_new(o, "mediators", codes_array(c->decl->mediators));
    json_object_set_new(o, "announced_by", c->decl->claimed_by[0] ? json_string(c->decl->claimed_by) : json_null());
    add_time_json(o, "agreed_at", c->agreed);
    add_time_json(o, "effective_from", c->effective);
    json_object_set_new(o, "state", json_string(c->state));
    json_object_set_new(o, "reason", json_string(c->ntl ? c->tl[c->ntl - 1].reason : ""));
    json_object_set_new(o, "violations", json_integer(c->violations));
    json_t *tl = json_array();
    int64_t *at = malloc((c->ntl + 1) * sizeof *at);
    const char **states = malloc((c->ntl + 1) * sizeof *states);
    for (size_t i = 0; i < c->ntl; i++) {
        json_t *e = json_object();
        add_time_json(e, "at", c->tl[i].at);
        json_object_set_new(e, "state", json_string(c->tl[i].state));
        json_object_set_new(e, "event_id", c->tl[i].story[0] ? json_string(c->tl[i].story) : json_null());
        json_object_set_new(e, "story_id", c->tl[i].story[0] ? json_string(c->tl[i].story) : json_null());
        json_object_set_new(e, "article_id", c->tl[i].article[0] ? json_string(c->tl[i].article) : json_null());
        json_object_set_new(e, "reason", json_string(c->tl[i].reason));
        json_array_append_new(tl, e);
        if (at && states) {
            at[i] = c->tl[i].at;
            states[i] = c->tl[i].state;
        }
    }
    json_object_set_new(o, "timeline", tl);
    json_t *ra = json_array();
    if (c->prev[0]) {
        json_t *r = json_object();
        json_object_set_new(r, "ceasefire_id", json_string(c->prev));
        json_array_append_new(ra, r);
    }
    for (size_t i = 0; i < refs.n; i++) {
        json_t *r = json_object();
        json_object_set_new(r, "story_id", json_string(refs.v[i].key));
        json_object_set_new(r, "cameo", json_string(refs.v[i].cameo));
        add_time_json(r, "start", refs.v[i].t_start);
        json_object_set_new(r, "parties", codes_array(refs.v[i].parties));
        json_array_append_new(ra, r);
    }
    json_object_set_new(o, "references", ra);
    char *js = json_dumps(o, JSON_FLAGS);
    bool same = false;
    for (size_t i = 0; js && i < stored->n && !same; i++)
        if (!strcmp(stored->v[i].key, key)) {
            stored->v[i].seen = true;
            same = !strcmp(stored->v[i].json, js);
        }
    if (!js || !at || !states)
        rc = oom(err);
    else if (!same)
        rc = ops->cf_insert(s->be, key, parties, c->state, c->ntl ? c->tl[0].at : c->agreed, js, at,
                            (const char *const *)states, c->ntl, err);
    if (rc == TREVE_OK && !same)
        s->counts.ceasefires_written++;
    free(js);
    free(at);
    free(states);
    json_decref(o);
    free(refs.v);
    return rc;
}

typedef struct stream_item {
    const tv_sstory *st;
    int kind; /* 0 ceasefire story, 1 evidence */
    int64_t at;
} stream_item;

static int cmp_stream(const void *x, const void *y)
{
    const stream_item *a = x, *b = y;
    if (a->at != b->at)
        return a->at < b->at ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind - b->kind;
    return strcmp(a->st->key, b->st->key);
}

static bool text_time(const tv_sstory *st) { return st->basis == TV_BASIS_EXPLICIT || st->basis == TV_BASIS_RELATIVE; }

/* Stories of one family between two countries (or involving one), read
   once per commit whatever the number of party sets that need them. */
typedef struct pair_entry {
    char family[12], c1[32], c2[32];
    story_list l;
} pair_entry;

typedef struct pair_cache {
    pair_entry *v;
    size_t n, cap;
} pair_cache;

static int append_story(void *user, const tv_sstory *st)
{
    story_list *l = user;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 32;
        tv_sstory *nv = realloc(l->v, nc * sizeof *nv);
        if (!nv) {
            l->failed = true;
            return TREVE_ENOMEM;
        }
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n] = *st;
    l->v[l->n].json = NULL;
    l->n++;
    return 0;
}

static int collect_story_nodup(story_list *l, const tv_sstory *st)
{
    return append_story(l, st) ? TREVE_ENOMEM : TREVE_OK;
}

static int cmp_story_id(const void *x, const void *y)
{
    const tv_sstory *a = x, *b = y;
    return a->id < b->id ? -1 : a->id > b->id;
}

static int cached_with(treve_store *s, pair_cache *c, const char *family, const char *c1, const char *c2,
                       const story_list **out, treve_error *err)
{
    if (!c2)
        c2 = "";
    if (*c2 && strcmp(c1, c2) > 0) {
        const char *t = c1;
        c1 = c2;
        c2 = t;
    }
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->v[i].family, family) && !strcmp(c->v[i].c1, c1) && !strcmp(c->v[i].c2, c2)) {
            *out = &c->v[i].l;
            return TREVE_OK;
        }
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 64;
        pair_entry *nv = realloc(c->v, nc * sizeof *nv);
        if (!nv)
            return oom(err);
        c->v = nv;
        c->cap = nc;
    }
    pair_entry *e = &c->v[c->n];
    memset(e, 0, sizeof *e);
    snprintf(e->family, sizeof e->family, "%s", family);
    snprintf(e->c1, sizeof e->c1, "%s", c1);
    snprintf(e->c2, sizeof e->c2, "%s", c2);
    int rc = s->be->ops->stories_with(s->be, family, c1, *c2 ? c2 : NULL, INT64_MIN, append_story, &e->l, err);
    if (rc == TREVE_OK && e->l.failed)
        rc = oom(err);
    if (rc != TREVE_OK) {
        free(e->l.v);
        return rc;
    }
    c->n++;
    *out = &e->l;
    return TREVE_OK;
}

/* The state machine of docs/store.md over the ceasefire stories of one
   party set and the clashes/violations between those parties. */
static int recompute_party_set(treve_store *s, pair_cache *cache, const char *parties, treve_error *err)
{
    const tv_store_ops *ops = s->be->ops;
    char codes[8][8];
    size_t nc = 0;
    for (const char *p = parties; *p && nc < 8;) {
        if (*p == ',') {
            p++;
            continue;
        }
        size_t n = strcspn(p, ",");
        snprintf(codes[nc++], 8, "%.*s", (int)(n < 7 ? n : 7), p);
        p += n;
    }
    stored_list stored = {0};
    int rc = ops->cf_list(s->be, parties, collect_stored, &stored, err);
    if (rc == TREVE_OK && stored.failed)
        rc = oom(err);
    story_list cfs = {0}, ev = {0};
    stream_item *items = NULL;
    cf_entity *ents = NULL;
    size_t nitems = 0, nents = 0;
    if (rc != TREVE_OK || nc == 0)
        goto done;
    const story_list *l;
    if ((rc = cached_with(s, cache, "ceasefire", codes[0], nc > 1 ? codes[1] : NULL, &l, err)) != TREVE_OK)
        goto done;
    /* keep exactly this party set */
    int64_t from = INT64_MAX;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].parties, parties) == 0 && l->v[i].t_start != TV_TIME_NONE) {
            if ((rc = collect_story_nodup(&cfs, &l->v[i])) != TREVE_OK)
                goto done;
            from = l->v[i].t_start < from ? l->v[i].t_start : from;
        }
    for (size_t i = 0; i < nc && rc == TREVE_OK && cfs.n; i++) {
        for (size_t j = i + 1; j <= nc && rc == TREVE_OK; j++) {
            /* j < nc: clashes between two parties; j == nc: violations by one */
            rc = cached_with(s, cache, j < nc ? "violence" : "violation", codes[i], j < nc ? codes[j] : NULL, &l, err);
            for (size_t k = 0; rc == TREVE_OK && k < l->n; k++)
                if (l->v[k].t_end > from)
                    rc = collect_story_nodup(&ev, &l->v[k]);
        }
    }
    /* a clash between three parties came once per pair */
    if (rc == TREVE_OK && ev.n) {
        qsort(ev.v, ev.n, sizeof *ev.v, cmp_story_id);
        size_t k = 0;
        for (size_t i = 0; i < ev.n; i++)
            if (!k || ev.v[k - 1].id != ev.v[i].id)
                ev.v[k++] = ev.v[i];
        ev.n = k;
    }
    if (rc == TREVE_OK && cfs.n) {
        items = malloc((cfs.n + ev.n) * sizeof *items);
        ents = calloc(cfs.n, sizeof *ents);
        if (!items || !ents)
            rc = oom(err);
    }
    if (rc == TREVE_OK && cfs.n) {
        for (size_t i = 0; i < cfs.n; i++) {
            /* a report about the ceasefire in force speaks as of its publication */
            const tv_sstory *c = &cfs.v[i];
            int64_t at = c->t_start;
            if (is_signal(c->cfstate) && c->first_published != TV_TIME_NONE && c->first_published > at)
                at = c->first_published;
            items[nitems++] = (stream_item){c, 0, at};
        }
        for (size_t i = 0; i < ev.n; i++)
            if (ev.v[i].t_start != TV_TIME_NONE)
                items[nitems++] = (stream_item){&ev.v[i], 1, ev.v[i].t_start};
        qsort(items, nitems, sizeof *items, cmp_stream);
        cf_entity *cur = NULL;
        for (size_t i = 0; i < nitems; i++) {
            const tv_sstory *st = items[i].st;
            const char *sig = st->cfstate;
            bool live = cur && strcmp(cur->state, "collapsed") != 0 && strcmp(cur->state, "renewed") != 0;
            /* signals: reports of what happened to the ceasefire in force */
            bool ended = strcmp(sig, "collapsed") == 0 || strcmp(sig, "expired") == 0;
            bool reported_violation = items[i].kind == 1 || strcmp(sig, "violated") == 0;
            if (items[i].kind == 0 && (ended || strcmp(sig, "holding") == 0 || strcmp(sig, "violated") == 0)) {
                if (!live || items[i].at < cur->effective)
                    continue;
                int64_t at = items[i].at;
                if (ended)
                    tl_add(cur, at, "collapsed", st, ended && sig[0] == 'e' ? "reported expired" : "reported ended");
                else if (strcmp(sig, "holding") == 0)
                    tl_add(cur, at, cur->state, st, "reported holding");
                else
                    violation(cur, st, at, parties);
                continue;
            }
            if (items[i].kind == 1) {
                if (!live || !reported_violation)
                    continue;
                bool is196 = strcmp(st->family, "violation") == 0;
                if (is196 ? st->t_end <= cur->effective : st->t_start < cur->effective)
                    continue;
                int64_t at = st->t_start > cur->effective ? st->t_start : cur->effective;
                violation(cur, st, at, parties);
                continue;
            }
            /* a declaration: a new ceasefire, or another report of the live one */
            bool renewal = strcmp(sig, "extended") == 0;
            if (live && !renewal && !(text_time(st) && st->t_start > cur->effective + 86400))
                continue;
            cf_entity *c = &ents[nents++];
            c->decl = st;
            c->effective = st->t_start;
            c->agreed = st->first_published != TV_TIME_NONE && st->first_published < st->t_start
                            ? st->first_published
                            : st->t_start;
            if (cur)
                snprintf(c->prev, sizeof c->prev, "cf:%s", cur->decl->key);
            if (live)
                tl_add(cur, c->effective, "renewed", st, renewal ? "reported extended" : "superseded by a new ceasefire");
            tl_add(c, c->agreed, "announced", st, "ceasefire reported");
            if (c->effective >= c->agreed)
                tl_add(c, c->effective, "in_force", st, "effective time reached");
            cur = c;
        }
        for (size_t i = 0; i < nents && rc == TREVE_OK; i++)
            rc = write_entity(s, &ents[i], parties, &stored, err);
    }
done:
    for (size_t i = 0; i < stored.n; i++) {
        if (rc == TREVE_OK && !stored.v[i].seen && (rc = ops->cf_delete(s->be, stored.v[i].key, err)) == TREVE_OK)
            s->counts.ceasefires_written++;
        free(stored.v[i].json);
    }
    free(stored.v);
    for (size_t i = 0; i < nents; i++)
        free(ents[i].tl);
    free(ents);
    free(items);
    free(cfs.v);
    free(ev.v);
    if (rc == TREVE_OK && (cfs.failed || ev.failed))
        rc = oom(err);
    return rc;
}

typedef struct set_list {
    char (*sets)[96];
    size_t n, cap;
    bool failed;
} set_list;

static int collect_set(void *user, const char *text, size_t len)
{
    set_list *l = user;
    if (len >= sizeof l->sets[0] || !len)
        return 0;
    for (size_t i = 0; i < l->n; i++)
        if (strlen(l->sets[i]) == len && memcmp(l->sets[i], text, len) == 0)
            return 0;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 64;
        char(*ns)[96] = realloc(l->sets, nc * sizeof *ns);
        if (!ns) {
            l->failed = true;
            return TREVE_ENOMEM;
        }
        l->sets = ns;
        l->cap = nc;
    }
    memcpy(l->sets[l->n], text, len);
    l->sets[l->n++][len] = '\0';
    return 0;
}

static int cmp_set(const void *x, const void *y) { return strcmp(x, y); }

/* The party sets whose ceasefires a batch's changed stories can change
   (docs/store.md): a ceasefire story's own parties; for a clash, every set
   holding two of its parties; for a reported violation, every set holding
   one. Candidates come from the ceasefire stories and the stored ceasefires
   (a set that lost its last ceasefire story must be cleared). */
static int recompute_ceasefires(treve_store *s, const touched *t, treve_error *err)
{
    set_list sets = {0};
    pair_cache cache = {0};
    int rc = TREVE_OK;
    for (size_t i = 0; i < t->n && rc == TREVE_OK; i++) {
        const touch_item *ti = &t->v[i];
        if (!strcmp(ti->family, "ceasefire")) {
            rc = collect_set(&sets, ti->parties, strlen(ti->parties));
            continue;
        }
        char codes[16][32];
        size_t nc = 0;
        for (const char *p = ti->parties; *p && nc < 16;) {
            if (*p == ',') {
                p++;
                continue;
            }
            size_t n = strcspn(p, ",");
            snprintf(codes[nc++], sizeof codes[0], "%.*s", (int)(n < 31 ? n : 31), p);
            p += n;
        }
        bool pairs = !strcmp(ti->family, "violence");
        for (size_t a = 0; a < nc && rc == TREVE_OK; a++) {
            if (!pairs) {
                rc = s->be->ops->cf_party_sets(s->be, codes[a], NULL, collect_set, &sets, err);
                continue;
            }
            for (size_t b = a + 1; b < nc && rc == TREVE_OK; b++)
                rc = s->be->ops->cf_party_sets(s->be, codes[a], codes[b], collect_set, &sets, err);
        }
    }
    if (rc == TREVE_OK && sets.failed)
        rc = oom(err);
    /* a fixed order: the rows written do not depend on it, their row ids do */
    if (sets.n)
        qsort(sets.sets, sets.n, sizeof *sets.sets, cmp_set);
    for (size_t i = 0; i < sets.n && rc == TREVE_OK; i++)
        rc = recompute_party_set(s, &cache, sets.sets[i], err);
    free(sets.sets);
    for (size_t i = 0; i < cache.n; i++)
        free(cache.v[i].l.v);
    free(cache.v);
    return rc;
}

/* ---- queries ---------------------------------------------------------------*/
typedef struct out_ctx {
    treve_write_fn w;
    void *user;
    tv_buf b;
    treve_format f;
    const char *export_fmt;
    int64_t at;
    const char *const *parties;
    size_t nparties;
    size_t skip, left; /* paging of ceasefire lists: offset still to skip, lines left (SIZE_MAX: no limit) */
    bool io_failed;
} out_ctx;

static int flush(out_ctx *o)
{
    if (o->b.failed)
        return TREVE_ENOMEM;
    if (tv_buf_flush(&o->b, o->w, o->user) != TREVE_OK) {
        o->io_failed = true;
        return TREVE_EIO;
    }
    return 0;
}

static int out_line(void *user, const char *text, size_t len)
{
    out_ctx *o = user;
    tv_buf_add(&o->b, text, len);
    tv_buf_addc(&o->b, '\n');
    return flush(o);
}

static void csv_str(tv_buf *b, const char *s) { tv_buf_csv_field(b, s ? s : "", s ? strlen(s) : 0); }

static void csv_num(tv_buf *b, double v)
{
    if (!isnan(v))
        tv_buf_printf(b, "%.15g", v);
}

static void csv_codes(tv_buf *b, json_t *actors, const char *role)
{
    tv_buf l = {0};
    size_t i;
    json_t *a;
    json_array_foreach(actors, i, a)
    {
        if (strcmp(jstr(a, "role"), role) != 0)
            continue;
        if (l.len)
            tv_buf_addc(&l, ';');
        tv_buf_adds(&l, jstr(a, "code"));
    }
    tv_buf_csv_field(b, l.data ? l.data : "", l.len);
    tv_buf_free(&l);
}

static void claims_text(tv_buf *b, json_t *claims, const char *kind)
{
    tv_buf l = {0};
    size_t i;
    json_t *c;
    json_array_foreach(claims, i, c)
    {
        if (strcmp(jstr(c, "kind"), kind) != 0)
            continue;
        if (l.len)
            tv_buf_adds(&l, "; ");
        double mn = jnum(c, "min"), mx = jnum(c, "max");
        if (isnan(mn))
            tv_buf_addc(&l, '?');
        else if (isnan(mx))
            tv_buf_printf(&l, "%.15g-", mn);
        else if (mx != mn)
            tv_buf_printf(&l, "%.15g-%.15g", mn, mx);
        else
            tv_buf_printf(&l, "%.15g", mn);
        json_t *g = json_object_get(c, "group"), *cb = json_object_get(c, "claimed_by");
        tv_buf_printf(&l, " %s%s", jstr(g, "country"), jstr(g, "sector"));
        if (json_is_object(cb))
            tv_buf_printf(&l, " ^%s", jstr(cb, "code"));
    }
    tv_buf_csv_field(b, l.data ? l.data : "", l.len);
    tv_buf_free(&l);
}

static const char EVENTS_CSV_HEADER[] =
    "story_id,event_id,article_id,cameo,plover_type,label,actors,recipients,mediators,time_start,time_end,"
    "time_precision,time_basis,place,place_country,lat,lon,fatalities,killed_claims,wounded_claims,claimed_by,"
    "modality,historical,sources,articles,mentions,source_names,text\n";

static void story_csv(tv_buf *b, json_t *j)
{
    csv_str(b, jstr(j, "story_id"));
    tv_buf_addc(b, ',');
    csv_str(b, jstr(j, "event_id"));
    tv_buf_addc(b, ',');
    csv_str(b, jstr(j, "article_id"));
    tv_buf_addc(b, ',');
    csv_str(b, jstr(j, "cameo"));
    tv_buf_addc(b, ',');
    json_t *pl = json_object_get(j, "plover");
    csv_str(b, json_is_object(pl) ? jstr(pl, "type") : "");
    tv_buf_addc(b, ',');
    csv_str(b, jstr(j, "label"));
    json_t *actors = json_object_get(j, "actors");
    tv_buf_addc(b, ',');
    csv_codes(b, actors, "actor");
    tv_buf_addc(b, ',');
    csv_codes(b, actors, "recipient");
    tv_buf_addc(b, ',');
    csv_codes(b, actors, "mediator");
    json_t *t = json_object_get(j, "time");
    tv_buf_addc(b, ',');
    csv_str(b, jstr(t, "start"));
    tv_buf_addc(b, ',');
    csv_str(b, jstr(t, "end"));
    tv_buf_addc(b, ',');
    csv_str(b, jstr(t, "precision"));
    tv_buf_addc(b, ',');
    csv_str(b, jstr(t, "basis"));
    json_t *p = json_object_get(j, "place");
    tv_buf_addc(b, ',');
    csv_str(b, jstr(p, "name"));
    tv_buf_addc(b, ',');
    csv_str(b, jstr(p, "country"));
    tv_buf_addc(b, ',');
    csv_num(b, jnum(p, "lat"));
    tv_buf_addc(b, ',');
    csv_num(b, jnum(p, "lon"));
    tv_buf_addc(b, ',');
    csv_num(b, jnum(j, "fatalities"));
    json_t *claims = json_object_get(j, "casualties");
    tv_buf_addc(b, ',');
    claims_text(b, claims, "killed");
    tv_buf_addc(b, ',');
    claims_text(b, claims, "wounded");
    tv_buf_addc(b, ',');
    json_t *cb = json_object_get(j, "claimed_by");
    csv_str(b, json_is_object(cb) ? jstr(cb, "code") : "");
    tv_buf_addc(b, ',');
    csv_str(b, jstr(j, "modality"));
    tv_buf_printf(b, ",%s,%lld,%lld,%lld,", json_is_true(json_object_get(j, "historical")) ? "true" : "false",
                  (long long)jnum(j, "sources"), (long long)jnum(j, "articles"), (long long)jnum(j, "num_mentions"));
    tv_buf l = {0};
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(j, "source_names"), i, v)
    {
        if (i)
            tv_buf_adds(&l, "; ");
        tv_buf_adds(&l, json_string_value(v));
    }
    tv_buf_csv_field(b, l.data ? l.data : "", l.len);
    tv_buf_free(&l);
    tv_buf_addc(b, ',');
    json_t *m0 = json_array_get(json_object_get(j, "mentions"), 0);
    csv_str(b, m0 ? jstr(m0, "text") : "");
    tv_buf_addc(b, '\n');
}

/* GDELT 2.0 event table: 61 tab-separated columns (docs/store.md). */
static void tsv_str(tv_buf *b, const char *s)
{
    for (; s && *s; s++)
        tv_buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static int quad_class(const char *cameo)
{
    int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
    if (root >= 1 && root <= 5)
        return 1;
    if (root >= 6 && root <= 9)
        return 2;
    if (root >= 10 && root <= 14)
        return 3;
    return 4;
}

static void gdelt_actor(tv_buf *b, json_t *a)
{
    /* Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
       Religion2Code, Type1Code, Type2Code, Type3Code */
    if (a) {
        tsv_str(b, jstr(a, "code"));
        tv_buf_addc(b, '\t');
        tsv_str(b, jstr(a, "text"));
        tv_buf_addc(b, '\t');
        tsv_str(b, jstr(a, "country"));
        tv_buf_adds(b, "\t\t\t\t\t");
        tsv_str(b, jstr(a, "sector"));
        tv_buf_adds(b, "\t\t\t");
    } else {
        tv_buf_adds(b, "\t\t\t\t\t\t\t\t\t\t");
    }
}

#include "store_countries.h"

static int cmp_country(const void *k, const void *e) { return strcmp(k, ((const char *)e)); }

/* Index of an ISO alpha-3 country in TV_COUNTRIES, -1 when unknown. */
static long country_index(const char *iso3)
{
    if (!iso3 || !*iso3)
        return -1;
    const char *e = bsearch(iso3, TV_COUNTRIES, TV_ARRAY_LEN(TV_COUNTRIES), sizeof TV_COUNTRIES[0], cmp_country);
    return e ? (long)((e - (const char *)TV_COUNTRIES) / (long)sizeof TV_COUNTRIES[0]) : -1;
}

/* English name (NULL: unknown) and FIPS 10-4 code ("": none) of a country. */
static const char *country_name(const char *iso3)
{
    long i = country_index(iso3);
    return i < 0 ? NULL : TV_COUNTRIES[i].name;
}

static const char *country_fips(const char *iso3)
{
    long i = country_index(iso3);
    return i < 0 ? "" : TV_COUNTRIES[i].fips;
}

/* A readable actor name in ACLED's manner ("Military Forces of Armenia"):
   the country's English name with the sector's description; international
   organisations by name; else the CAMEO code. */
static void actor_name(tv_buf *out, json_t *a)
{
    if (!a)
        return;
    const char *code = jstr(a, "code"), *sector = jstr(a, "sector");
    const char *country = country_name(jstr(a, "country"));
    /* sector → description; "*" marks "<description> of <country>" */
    static const struct {
        const char *sector, *desc;
    } SECTORS[] = {
        {"GOV", "*Government"}, {"MIL", "*Military Forces"}, {"COP", "*Police Forces"},
        {"SPY", "*Intelligence Services"}, {"JUD", "*Judiciary"}, {"LEG", "*Legislature"},
        {"ELI", "Elites"}, {"REB", "Rebels"}, {"OPP", "Opposition"}, {"CVL", "Civilians"},
        {"MED", "Media"}, {"PTY", "Political Party"}, {"REL", "Religious Group"}, {"BUS", "Business"},
        {"LAB", "Labour Group"}, {"EDU", "Education"}, {"HLH", "Health Workers"}, {"REF", "Refugees/IDPs"},
        {"CRM", "Criminals"}, {"SEP", "Separatists"}, {"UAF", "Armed Group"}, {"HRI", "Human Rights Group"},
        {"INS", "Insurgents"},
    };
    static const struct {
        const char *prefix, *name;
    } ORGS[] = {
        {"IGOUNOSC", "United Nations Security Council"}, {"IGOUNO", "United Nations"},
        {"IGOEUREEC", "European Union"}, {"IGOWSTNAT", "NATO"}, {"IGOOSCE", "OSCE"},
        {"IGOAFRAU", "African Union"}, {"NGOHRIICRC", "International Committee of the Red Cross"},
    };
    if (country) {
        for (size_t i = 0; i < TV_ARRAY_LEN(SECTORS); i++)
            if (!strcmp(sector, SECTORS[i].sector)) {
                const char *d = SECTORS[i].desc;
                if (*d == '*')
                    tv_buf_printf(out, "%s of %s", d + 1, country);
                else
                    tv_buf_printf(out, "%s (%s)", d, country);
                return;
            }
        tv_buf_adds(out, country);
        if (*sector)
            tv_buf_printf(out, " (%s)", sector);
        return;
    }
    for (size_t i = 0; i < TV_ARRAY_LEN(ORGS); i++)
        if (!strncmp(code, ORGS[i].prefix, strlen(ORGS[i].prefix))) {
            tv_buf_adds(out, ORGS[i].name);
            return;
        }
    tv_buf_adds(out, code);
}

static void story_gdelt(tv_buf *b, json_t *j)
{
    char id[41];
    const char *key = jstr(j, "story_id");
    tv_sha1_hex(key, strlen(key), id);
    id[15] = '\0';
    tv_buf_printf(b, "%llu\t", (unsigned long long)strtoull(id, NULL, 16));
    json_t *t = json_object_get(j, "time");
    int64_t start;
    treve_error e;
    if (json_is_string(json_object_get(t, "start")) && treve_parse_iso8601(jstr(t, "start"), &start, &e) == 0) {
        int64_t day = start >= 0 ? start / 86400 : -((-start + 86399) / 86400);
        int64_t y;
        unsigned mo, d;
        tv_civil_from_days(day, &y, &mo, &d);
        int64_t jan1 = tv_days_from_civil(y, 1, 1);
        tv_buf_printf(b, "%04lld%02u%02u\t%04lld%02u\t%04lld\t%.4f\t", (long long)y, mo, d, (long long)y, mo,
                      (long long)y, (double)y + (double)(day - jan1) / 365.0);
    } else {
        tv_buf_adds(b, "\t\t\t\t");
    }
    json_t *actors = json_object_get(j, "actors"), *a1 = NULL, *a2 = NULL;
    size_t i;
    json_t *a;
    json_array_foreach(actors, i, a)
    {
        if (strcmp(jstr(a, "role"), "mediator") == 0)
            continue;
        if (!a1)
            a1 = a;
        else if (!a2)
            a2 = a;
    }
    gdelt_actor(b, a1);
    gdelt_actor(b, a2);
    const char *cameo = jstr(j, "cameo");
    json_t *m0 = json_array_get(json_object_get(j, "mentions"), 0);
    int root_event = m0 && jnum(m0, "sentence") <= 1;
    tv_buf_printf(b, "%d\t%s\t%.3s\t%.2s\t%d\t\t%lld\t%lld\t%lld\t\t", root_event, cameo, cameo, cameo,
                  strlen(cameo) >= 2 ? quad_class(cameo) : 0, (long long)jnum(j, "num_mentions"),
                  (long long)jnum(j, "sources"), (long long)jnum(j, "articles"));
    /* Actor1Geo_*, Actor2Geo_*: 8 empty columns each */
    tv_buf_adds(b, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t");
    json_t *p = json_object_get(j, "place");
    if (json_is_object(p)) {
        const char *prec = jstr(p, "precision");
        int type = strcmp(prec, "country") == 0 ? 1 : strcmp(prec, "region") == 0 ? 5 : 4;
        tv_buf_printf(b, "%d\t", type);
        tsv_str(b, jstr(p, "name"));
        tv_buf_addc(b, '\t');
        tsv_str(b, country_fips(jstr(p, "country"))); /* GDELT geo columns use FIPS 10-4 */
        tv_buf_adds(b, "\t\t\t");
        csv_num(b, jnum(p, "lat"));
        tv_buf_addc(b, '\t');
        csv_num(b, jnum(p, "lon"));
        tv_buf_adds(b, "\t\t");
    } else {
        tv_buf_adds(b, "\t\t\t\t\t\t\t\t");
    }
    const char *fp = jstr(j, "first_published");
    int64_t added;
    if (*fp && treve_parse_iso8601(fp, &added, &e) == 0) {
        char s[32];
        tv_format_utc(added, s); /* YYYY-MM-DDTHH:MM:SSZ → YYYYMMDDHHMMSS */
        tv_buf_printf(b, "%.4s%.2s%.2s%.2s%.2s%.2s", s, s + 5, s + 8, s + 11, s + 14, s + 17);
    }
    tv_buf_addc(b, '\t');
    tsv_str(b, *jstr(j, "source_url") ? jstr(j, "source_url") : jstr(j, "article_id"));
    tv_buf_addc(b, '\n');
}

static const char GDELT_HEADER[] =
    "GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tFractionDate\tActor1Code\tActor1Name\tActor1CountryCode\t"
    "Actor1KnownGroupCode\tActor1EthnicCode\tActor1Religion1Code\tActor1Religion2Code\tActor1Type1Code\t"
    "Actor1Type2Code\tActor1Type3Code\tActor2Code\tActor2Name\tActor2CountryCode\tActor2KnownGroupCode\t"
    "Actor2EthnicCode\tActor2Religion1Code\tActor2Religion2Code\tActor2Type1Code\tActor2Type2Code\t"
    "Actor2Type3Code\tIsRootEvent\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale\t"
    "NumMentions\tNumSources\tNumArticles\tAvgTone\tActor1Geo_Type\tActor1Geo_FullName\tActor1Geo_CountryCode\t"
    "Actor1Geo_ADM1Code\tActor1Geo_ADM2Code\tActor1Geo_Lat\tActor1Geo_Long\tActor1Geo_FeatureID\t"
    "Actor2Geo_Type\tActor2Geo_FullName\tActor2Geo_CountryCode\tActor2Geo_ADM1Code\tActor2Geo_ADM2Code\t"
    "Actor2Geo_Lat\tActor2Geo_Long\tActor2Geo_FeatureID\tActionGeo_Type\tActionGeo_FullName\t"
    "ActionGeo_CountryCode\tActionGeo_ADM1Code\tActionGeo_ADM2Code\tActionGeo_Lat\tActionGeo_Long\t"
    "ActionGeo_FeatureID\tDATEADDED\tSOURCEURL\n";

/* ACLED-style layout (docs/store.md): CAMEO code prefix → ACLED event type
   and sub-event type, first match wins; NULL: outside ACLED's scope. */
static const struct acled_map {
    const char *prefix, *type, *sub;
} ACLED_TYPES[] = {
    {"194", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
    {"195", "Explosions/Remote violence", "Air/drone strike"},
    {"1831", "Explosions/Remote violence", "Suicide bomb"},
    {"183", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
    {"204", "Explosions/Remote violence", "Chemical weapon"},
    {"181", "Violence against civilians", "Abduction/forced disappearance"},
    {"18", "Violence against civilians", "Attack"},
    {"20", "Violence against civilians", "Attack"},
    {"192", "Battles", "Non-state actor overtakes territory"},
    {"19", "Battles", "Armed clash"},
    {"145", "Riots", "Violent demonstration"},
    {"14", "Protests", "Peaceful protest"},
    {"057", "Strategic developments", "Agreement"},
    {"08", "Strategic developments", "Agreement"},
    {"173", "Strategic developments", "Arrests"},
    {"171", "Strategic developments", "Looting/property destruction"},
    {"15", "Strategic developments", "Other"},
    {"17", "Strategic developments", "Other"},
    {"06", "Strategic developments", "Other"},
    {"07", "Strategic developments", "Other"},
};

static const char *acled_type(const char *cameo, const char **sub)
{
    *sub = "Other";
    for (size_t i = 0; i < TV_ARRAY_LEN(ACLED_TYPES); i++)
        if (!strncmp(cameo, ACLED_TYPES[i].prefix, strlen(ACLED_TYPES[i].prefix))) {
            *sub = ACLED_TYPES[i].sub;
            return ACLED_TYPES[i].type;
        }
    return NULL;
}

static const char ACLED_HEADER[] = "event_date,event_type,sub_event_type,actor1,actor2,country,location,latitude,"
                                   "longitude,fatalities,notes,source,treve_story_id\n";

static void story_acled(tv_buf *b, json_t *j)
{
    const char *sub;
    const char *type = acled_type(jstr(j, "cameo"), &sub);
    json_t *t = json_object_get(j, "time");
    if (!type || json_is_true(json_object_get(j, "historical")) || !json_is_string(json_object_get(t, "start")) ||
        (strcmp(jstr(j, "modality"), "asserted") && strcmp(jstr(j, "modality"), "reported")))
        return;
    tv_buf_printf(b, "%.10s,", jstr(t, "start"));
    csv_str(b, type);
    tv_buf_addc(b, ',');
    csv_str(b, sub);
    json_t *a1 = NULL, *a2 = NULL, *a;
    size_t i;
    json_array_foreach(json_object_get(j, "actors"), i, a)
    {
        if (strcmp(jstr(a, "role"), "mediator") == 0)
            continue;
        if (!a1)
            a1 = a;
        else if (!a2)
            a2 = a;
    }
    tv_buf names = {0};
    for (int k = 0; k < 2; k++) {
        names.len = 0;
        actor_name(&names, k ? a2 : a1);
        tv_buf_addc(b, ',');
        tv_buf_csv_field(b, names.data ? names.data : "", names.len);
    }
    tv_buf_free(&names);
    json_t *p = json_object_get(j, "place");
    const char *country = json_is_object(p) ? jstr(p, "country") : "";
    if (!*country && a1)
        country = jstr(a1, "country");
    tv_buf_addc(b, ',');
    csv_str(b, country_name(country) ? country_name(country) : country);
    tv_buf_addc(b, ',');
    csv_str(b, json_is_object(p) ? jstr(p, "name") : "");
    tv_buf_addc(b, ',');
    csv_num(b, jnum(p, "lat"));
    tv_buf_addc(b, ',');
    csv_num(b, jnum(p, "lon"));
    double f = jnum(j, "fatalities");
    tv_buf_printf(b, ",%.15g,", isnan(f) ? 0.0 : f);
    tv_buf n = {0};
    tv_buf_adds(&n, jstr(j, "label"));
    json_t *m;
    json_array_foreach(json_object_get(j, "mentions"), i, m)
    {
        tv_buf_adds(&n, i ? " | " : ": ");
        tv_buf_adds(&n, jstr(m, "text"));
        if (i == 4)
            break;
    }
    json_t *c;
    json_array_foreach(json_object_get(j, "casualties"), i, c)
    {
        json_t *cb = json_object_get(c, "claimed_by");
        tv_buf_printf(&n, "%s%s", i ? "; " : ". Claims: ", jstr(c, "text"));
        if (json_is_object(cb))
            tv_buf_printf(&n, " (%s)", jstr(cb, "code"));
    }
    tv_buf_csv_field(b, n.data ? n.data : "", n.len);
    tv_buf_free(&n);
    tv_buf_addc(b, ',');
    tv_buf l = {0};
    json_t *v;
    json_array_foreach(json_object_get(j, "source_names"), i, v)
    {
        if (i)
            tv_buf_adds(&l, "; ");
        tv_buf_adds(&l, json_string_value(v));
    }
    tv_buf_csv_field(b, l.data ? l.data : "", l.len);
    tv_buf_free(&l);
    tv_buf_addc(b, ',');
    csv_str(b, jstr(j, "story_id"));
    tv_buf_addc(b, '\n');
}

static int out_story(void *user, const tv_sstory *st)
{
    out_ctx *o = user;
    const char *fmt = o->export_fmt;
    if (!fmt || !strcmp(fmt, "jsonl"))
        return out_line(user, st->json, strlen(st->json));
    json_t *j = json_loads(st->json, 0, NULL);
    if (!j)
        return 0;
    if (!strcmp(fmt, "csv"))
        story_csv(&o->b, j);
    else if (!strcmp(fmt, "gdelt"))
        story_gdelt(&o->b, j);
    else
        story_acled(&o->b, j);
    json_decref(j);
    return flush(o);
}

static int finish(out_ctx *o, int rc, treve_error *err)
{
    tv_buf_free(&o->b);
    if (o->io_failed)
        return tv_fail(err, TREVE_EIO, "cannot write the output", 0, 0);
    if (rc == TREVE_ENOMEM)
        return oom(err);
    return rc;
}

static int check_store(treve_store *s, treve_write_fn w, treve_error *err)
{
    if (!s || !w)
        return tv_fail(err, TREVE_EINVAL, "no store or writer", 0, 0);
    return TREVE_OK;
}

int treve_store_events(treve_store *s, const treve_query *q, treve_format f, treve_write_fn w, void *user,
                       treve_error *err)
{
    int rc = check_store(s, w, err);
    if (rc)
        return rc;
    treve_query all = {.historical = -1};
    out_ctx o = {.w = w, .user = user, .export_fmt = f == TREVE_FORMAT_CSV ? "csv" : "jsonl"};
    if (f == TREVE_FORMAT_CSV) {
        tv_buf_adds(&o.b, EVENTS_CSV_HEADER);
        flush(&o);
    }
    rc = s->be->ops->query_stories(s->be, q ? q : &all, out_story, &o, err);
    return finish(&o, rc, err);
}

int treve_store_export(treve_store *s, const char *format, treve_write_fn w, void *user, treve_error *err)
{
    int rc = check_store(s, w, err);
    if (rc)
        return rc;
    if (!format || (strcmp(format, "jsonl") && strcmp(format, "csv") && strcmp(format, "gdelt") &&
                    strcmp(format, "acled")))
        return tv_fail(err, TREVE_EINVAL, "export format must be jsonl, csv, gdelt or acled", 0, 0);
    out_ctx o = {.w = w, .user = user, .export_fmt = format};
    if (!strcmp(format, "csv"))
        tv_buf_adds(&o.b, EVENTS_CSV_HEADER);
    else if (!strcmp(format, "gdelt"))
        tv_buf_adds(&o.b, GDELT_HEADER);
    else if (!strcmp(format, "acled"))
        tv_buf_adds(&o.b, ACLED_HEADER);
    flush(&o);
    treve_query all = {.historical = -1};
    rc = s->be->ops->query_stories(s->be, &all, out_story, &o, err);
    return finish(&o, rc, err);
}

/* A ceasefire as it stood at o->at: its timeline cut there. */
/* Applies the query's offset and limit to a ceasefire that passed the
   filters: 1 when it is to be written. */
static bool page_take(out_ctx *o)
{
    if (o->skip) {
        o->skip--;
        return false;
    }
    if (!o->left)
        return false;
    o->left--;
    return true;
}

static int out_ceasefire(void *user, const char *text, size_t len)
{
    out_ctx *o = user;
    if (!o->left)
        return 0;
    if (o->at == INT64_MAX && o->nparties <= 2) /* the query filtered up to two parties */
        return page_take(o) ? out_line(user, text, len) : 0;
    json_t *j = json_loadb(text, len, 0, NULL);
    if (!j)
        return 0;
    json_t *parties = json_object_get(j, "parties");
    for (size_t i = 0; i < o->nparties; i++) {
        bool found = false;
        size_t k;
        json_t *v;
        json_array_foreach(parties, k, v) found |= strcmp(json_string_value(v), o->parties[i]) == 0;
        if (!found) {
            json_decref(j);
            return 0;
        }
    }
    int rc = 0;
    if (o->at != INT64_MAX) {
        json_t *tl = json_object_get(j, "timeline"), *last = NULL;
        size_t keep = 0, k;
        json_t *v;
        int violations = 0;
        json_array_foreach(tl, k, v)
        {
            int64_t t;
            treve_error e;
            if (treve_parse_iso8601(jstr(v, "at"), &t, &e) != 0 || t > o->at)
                break;
            keep = k + 1;
            last = v;
            violations += strcmp(jstr(v, "state"), "violated") == 0;
        }
        if (!last) {
            json_decref(j);
            return 0;
        }
        json_object_set_new(j, "state", json_string(jstr(last, "state")));
        json_object_set_new(j, "reason", json_string(jstr(last, "reason")));
        json_object_set_new(j, "violations", json_integer(violations));
        char at[32];
        tv_format_utc(o->at, at);
        json_object_set_new(j, "at", json_string(at));
        while (json_array_size(tl) > keep)
            json_array_remove(tl, keep);
    }
    if (!page_take(o)) {
        json_decref(j);
        return 0;
    }
    char *d = json_dumps(j, JSON_FLAGS);
    rc = d ? out_line(user, d, strlen(d)) : TREVE_ENOMEM;
    free(d);
    json_decref(j);
    return rc;
}

int treve_store_ceasefires(treve_store *s, const treve_query *q, treve_write_fn w, void *user, treve_error *err)
{
    int rc = check_store(s, w, err);
    if (rc)
        return rc;
    out_ctx o = {.w = w, .user = user, .at = INT64_MAX, .left = SIZE_MAX};
    if (q && q->at && *q->at && treve_parse_iso8601(q->at, &o.at, err) != TREVE_OK)
        return TREVE_EDATE;
    if (q) {
        o.skip = q->offset;
        if (q->limit)
            o.left = q->limit;
    }
    char buf[128], *codes[8];
    size_t n = 0;
    if (q && q->parties && *q->parties) {
        snprintf(buf, sizeof buf, "%s", q->parties);
        for (char *p = strtok(buf, ", "); p && n < 8; p = strtok(NULL, ", "))
            codes[n++] = p;
    }
    o.parties = (const char *const *)codes;
    o.nparties = n;
    rc = s->be->ops->query_ceasefires(s->be, (const char *const *)codes, n, o.at, out_ceasefire, &o, err);
    return finish(&o, rc, err);
}

/* One stored object by its id, written as it is stored. */
static int get_by_id(treve_store *s, const char *id,
                     int (*get)(tv_backend *, const char *, tv_row_fn, void *, treve_error *), treve_write_fn w,
                     void *user, treve_error *err)
{
    int rc = check_store(s, w, err);
    if (rc)
        return rc;
    if (!id)
        return tv_fail(err, TREVE_EINVAL, "no id", 0, 0);
    out_ctx o = {.w = w, .user = user};
    rc = get(s->be, id, out_line, &o, err);
    return finish(&o, rc, err);
}

int treve_store_ceasefire(treve_store *s, const char *id, treve_write_fn w, void *user, treve_error *err)
{
    return get_by_id(s, id, s ? s->be->ops->get_ceasefire : NULL, w, user, err);
}

int treve_store_story(treve_store *s, const char *id, treve_write_fn w, void *user, treve_error *err)
{
    return get_by_id(s, id, s ? s->be->ops->get_story : NULL, w, user, err);
}

/* {"article_id",…,"text":…,"events":[…]} on one line. */
typedef struct art_ctx {
    out_ctx o;
    size_t nevents;
} art_ctx;

static int art_head(void *user, const char *text, size_t len)
{
    art_ctx *a = user;
    tv_buf_add(&a->o.b, text, len);
    tv_buf_adds(&a->o.b, ",\"events\":[");
    return 0;
}

static int art_event(void *user, const char *text, size_t len)
{
    art_ctx *a = user;
    if (a->nevents++)
        tv_buf_addc(&a->o.b, ',');
    tv_buf_add(&a->o.b, text, len);
    return a->o.b.failed ? TREVE_ENOMEM : 0;
}

int treve_store_article(treve_store *s, const char *id, treve_write_fn w, void *user, treve_error *err)
{
    int rc = check_store(s, w, err);
    if (rc)
        return rc;
    if (!id)
        return tv_fail(err, TREVE_EINVAL, "no id", 0, 0);
    art_ctx a = {.o = {.w = w, .user = user}};
    rc = s->be->ops->get_article(s->be, id, art_head, art_event, &a, err);
    if (rc == TREVE_OK) {
        tv_buf_adds(&a.o.b, "]}\n");
        rc = flush(&a.o);
    }
    return finish(&a.o, rc, err);
}

int treve_store_stats(treve_store *s, treve_write_fn w, void *user, treve_error *err)
{
    int rc = check_store(s, w, err);
    if (rc)
        return rc;
    out_ctx o = {.w = w, .user = user};
    rc = s->be->ops->stats(s->be, out_line, &o, err);
    return finish(&o, rc, err);
}

/* ---- counters (`treve ingest`'s summary line) --------------------------------
 * What a handle changed since it was opened, counted where it happens:
 * articles and events in treve_store_add, duplicates here, stories written
 * in build_story, ceasefires written or removed in recompute_party_set. */

/* An article already stored: by its id, or only by its bytes' SHA-1 (no
   hash has the empty string's form, so the second look-up matches ids). */
static int count_known(treve_store *s, const char *id, treve_error *err)
{
    int by_id = 0;
    int rc = s->be->ops->article_known(s->be, id, "", &by_id, err);
    if (rc == TREVE_OK && by_id)
        s->counts.same_id++;
    else if (rc == TREVE_OK)
        s->counts.same_content++;
    return rc;
}

int treve_store_counters(const treve_store *s, treve_store_counts *out)
{
    if (!s || !out)
        return TREVE_EINVAL;
    *out = s->counts;
    return TREVE_OK;
}
