/*
 * actors.c — actor mentions: from dictionary matches (countries, capitals
 * and metonyms, demonyms, role words, people, organisations, references to
 * a dyad) to CAMEO actor codes with their spans.
 *
 *   "le Premier ministre arménien Nikol Pachinian" → role GOV + demonym ARM +
 *       person → ARMGOV, the name kept
 *   "soldats arméniens" → ARMMIL        "la diplomatie russe" → RUSGOV
 *   "le ministère russe des Affaires étrangères" (role with a {demonym} slot) → RUSGOV
 *   "l'armée de l'Azerbaïdjan" → AZEMIL  "Moscou" → RUS   "le Kremlin" → RUSGOV
 *   "les deux pays" → the last two countries named before it
 *
 * Takes the document's matches; returns tv_actor mentions in text order.
 */
#include "events.h"

#include <stdio.h>

void tv_classes_init(const tv_lexicon *lex, tv_classes *c)
{
    c->country = tv_lexicon_class(lex, "country");
    c->demonym = tv_lexicon_class(lex, "demonym");
    c->capital = tv_lexicon_class(lex, "capital");
    c->metonym = tv_lexicon_class(lex, "metonym");
    c->role = tv_lexicon_class(lex, "role");
    c->org = tv_lexicon_class(lex, "org");
    c->person = tv_lexicon_class(lex, "person");
    c->place = tv_lexicon_class(lex, "place");
    c->dyad = tv_lexicon_class(lex, "dyad");
    c->trigger = tv_lexicon_class(lex, "trigger");
    c->casualty = tv_lexicon_class(lex, "casualty");
    c->report = tv_lexicon_class(lex, "report");
    c->hope = tv_lexicon_class(lex, "hope");
    c->call = tv_lexicon_class(lex, "call");
    c->denial = tv_lexicon_class(lex, "denial");
    c->hearsay = tv_lexicon_class(lex, "hearsay");
    c->future = tv_lexicon_class(lex, "future");
    c->topic = tv_lexicon_class(lex, "topic");
    c->refine = tv_lexicon_class(lex, "refine");
    c->weapon = tv_lexicon_class(lex, "weapon");
    c->cameo = tv_lexicon_class(lex, "cameo");
    c->hazard = tv_lexicon_class(lex, "hazard");
}

static bool cls_is(uint16_t id, uint16_t want) { return want != 0 && id == want; }

/* Determiners that open a noun phrase and belong to the actor's text. */
static bool is_determiner(const tv_text *x, const tv_token *t)
{
    static const char *const dets[] = {"le", "la", "les", "l'", "un", "une", "des", "du", "ces", "cette",
                                       "ce", "son", "sa", "ses", "leur", "leurs", "the", "an"};
    if (t->kind != TV_TOK_WORD)
        return false;
    for (size_t i = 0; i < TV_ARRAY_LEN(dets); i++)
        if (tv_tok_is(x, t, dets[i]))
            return true;
    return false;
}

static bool is_word(const tv_text *x, uint32_t i, const char *w)
{
    return i < x->ntok && tv_tok_is(x, &x->tok[i], w);
}

/* Parses "YYYY-MM-DD" into a day number; false when absent or malformed. */
static bool entry_day(const tv_entry *e, const char *key, int64_t *day)
{
    const char *v = tv_entry_attr(e, key);
    int y, m, d;
    if (!v || sscanf(v, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    *day = tv_days_from_civil(y, (unsigned)m, (unsigned)d);
    return true;
}

/* Among the person entries of one match group, the one in office on the
   article's date (or, with no date, the most recent one). */
static const tv_entry *person_for_date(const tv_match *g, size_t n, uint16_t person_cls, int64_t published)
{
    const tv_entry *best = NULL;
    int64_t best_from = INT64_MIN;
    int64_t today = published == TV_TIME_NONE ? INT64_MAX : published / 86400;
    for (size_t i = 0; i < n; i++) {
        const tv_entry *e = g[i].entry;
        if (e->cls_id != person_cls)
            continue;
        int64_t from = INT64_MIN, until = INT64_MAX;
        entry_day(e, "from", &from);
        entry_day(e, "until", &until);
        bool in_office = today >= from && today <= until;
        if (published != TV_TIME_NONE && !in_office)
            continue;
        if (!best || from > best_from) {
            best = e;
            best_from = from;
        }
    }
    if (!best) /* nobody in office that day: keep the name's latest office */
        for (size_t i = 0; i < n; i++)
            if (g[i].entry->cls_id == person_cls) {
                int64_t from = INT64_MIN;
                entry_day(g[i].entry, "from", &from);
                if (!best || from > best_from) {
                    best = g[i].entry;
                    best_from = from;
                }
            }
    return best;
}

/* The entry of a match group with the given class, or NULL. */
static const tv_entry *group_entry(const tv_match *g, size_t n, uint16_t cls)
{
    for (size_t i = 0; i < n; i++)
        if (cls_is(g[i].entry->cls_id, cls))
            return g[i].entry;
    return NULL;
}

static size_t group_len(const tv_match *m, size_t i, size_t n)
{
    size_t j = i + 1;
    while (j < n && m[j].tok_first == m[i].tok_first && m[j].tok_end == m[i].tok_end)
        j++;
    return j - i;
}

/* Index of the first match starting at token t (or n). */
static size_t match_at(const tv_match *m, size_t n, size_t from, uint32_t t)
{
    for (size_t i = from; i < n && m[i].tok_first <= t; i++)
        if (m[i].tok_first == t)
            return i;
    return n;
}

static void set_code(tv_actor *a, const char *country, const char *sector)
{
    snprintf(a->country, sizeof a->country, "%.3s", country ? country : "");
    snprintf(a->sector, sizeof a->sector, "%.3s", sector ? sector : "");
    snprintf(a->code, sizeof a->code, "%s%s", a->country, a->sector);
}

/* Splits a full CAMEO code (RUSGOV, IGOUNO) into country and sector parts. */
static void set_full_code(tv_actor *a, const char *code)
{
    snprintf(a->code, sizeof a->code, "%s", code);
    size_t n = strlen(code);
    bool intl = n >= 3 && (strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 ||
                           strncmp(code, "IMG", 3) == 0 || strncmp(code, "MNC", 3) == 0);
    if (intl || n < 3) {
        a->country[0] = '\0';
        snprintf(a->sector, sizeof a->sector, "%.3s", code);
        return;
    }
    snprintf(a->country, sizeof a->country, "%.3s", code);
    snprintf(a->sector, sizeof a->sector, "%.3s", n >= 6 ? code + 3 : "");
}

/* The role a group names when it follows a possessive "X's": a plain role
   (no demonym slot of its own), not a person, organisation or place. */
static const tv_entry *possessed_role(const tv_match *g, size_t n, uint16_t role_cls)
{
    for (size_t k = 0; k < n; k++)
        if (cls_is(g[k].entry->cls_id, role_cls) && !g[k].slot)
            return g[k].entry;
    return NULL;
}

/* A demonym match starts at token t (searching the matches before index i). */
static bool demonym_at(const tv_match *m, size_t i, uint32_t t, uint16_t demonym_cls)
{
    for (size_t j = i; j > 0; j--) {
        const tv_match *p = &m[j - 1];
        if (p->tok_first < t && p->tok_end <= t)
            break;
        if (p->tok_first == t && cls_is(p->entry->cls_id, demonym_cls))
            return true;
    }
    return false;
}

typedef struct actor_list {
    tv_vec v;
    tv_arena *a;
} actor_list;

static tv_actor *push_actor(actor_list *l, const tv_text *x, uint32_t first, uint32_t end)
{
    tv_actor *a = tv_vec_push(&l->v, l->a);
    if (!a)
        return NULL;
    /* a determiner right before the noun belongs to the mention */
    a->head_tok = first;
    if (first > 0 && x->tok[first - 1].sentence == x->tok[first].sentence && is_determiner(x, &x->tok[first - 1]))
        first--;
    a->tok_first = first;
    a->tok_end = end;
    a->sentence = x->tok[first].sentence;
    a->span.start = x->tok[first].start;
    a->span.end = x->tok[end - 1].end;
    a->pair = -1;
    a->coord = -1;
    return a;
}

/* A dyad reference ("les deux pays", "les parties") names the last pair of
   countries named together before it ("l'Arménie et l'Azerbaïdjan"), else
   the last two distinct countries. "les dirigeants de ces deux pays" gives
   the role to both. Unresolved references get no code. */
static void resolve_dyads(const tv_text *x, tv_actor *all, size_t n)
{
    char pair[2][4] = {"", ""}, last[2][4] = {"", ""};
    for (size_t k = 0; k < n; k++) {
        tv_actor *a = &all[k];
        if (a->dyad) {
            if (a->pair < (int32_t)k || a->pair < 0)
                continue; /* the second placeholder is filled with the first */
            tv_actor *b = &all[a->pair];
            const char(*src)[4] = pair[0][0] && pair[1][0] ? pair : last;
            if (!src[0][0] || !src[1][0])
                continue;
            /* "les dirigeants de ces deux pays": a role right before "de" */
            const char *sector = "";
            if (k > 0 && all[k - 1].kind == TV_ACT_ROLE && all[k - 1].tok_end + 1 >= a->tok_first &&
                a->tok_first > 0 &&
                (tv_tok_is(x, &x->tok[a->tok_first - 1], "de") || tv_tok_is(x, &x->tok[a->tok_first - 1], "des") ||
                 tv_tok_is(x, &x->tok[a->tok_first - 1], "of"))) {
                sector = all[k - 1].sector;
                all[k - 1].kind = TV_ACT_ADJ; /* folded into the dyad */
            }
            set_code(a, src[0], sector);
            set_code(b, src[1], sector);
            continue;
        }
        if (!a->country[0] || a->kind == TV_ACT_ADJ)
            continue;
        if (a->pair > (int32_t)k && all[a->pair].country[0] && strcmp(all[a->pair].country, a->country) != 0 &&
            !all[a->pair].dyad) {
            memcpy(pair[0], a->country, 4);
            memcpy(pair[1], all[a->pair].country, 4);
        }
        if (strcmp(a->country, last[0]) != 0) {
            memcpy(last[1], last[0], 4);
            memcpy(last[0], a->country, 4);
        }
    }
}

/* A role named with no country ("la police", "l'armée", "la junte") is the
   country's where the text puts it: a place of the same sentence ("à
   Bamako" → MLI), else the country the article is about when one country
   has most of the article's country mentions (more than half, at least
   two). Such codes are marked inferred. */
static void infer_countries(const treve_doc *doc, const tv_classes *c, tv_actor *all, size_t n)
{
    enum { MAXC = 32 };
    char codes[MAXC][4];
    unsigned counts[MAXC];
    size_t nc = 0, total = 0;
    for (size_t i = 0; i < n; i++) {
        const char *ctry = all[i].country;
        if (!ctry[0] || all[i].dyad)
            continue;
        size_t j = 0;
        while (j < nc && strcmp(codes[j], ctry) != 0)
            j++;
        if (j == nc) {
            if (nc == MAXC)
                continue;
            memcpy(codes[nc], ctry, 4);
            counts[nc++] = 0;
        }
        counts[j]++;
        total++;
    }
    const char *dominant = NULL;
    for (size_t j = 0; j < nc; j++)
        if (counts[j] >= 2 && counts[j] * 2 > total)
            dominant = codes[j];
    const tv_text *x = &doc->text;
    /* the story's country: the one country its headline names (by a
       country, a capital, a demonym or a place), if exactly one */
    char story[4] = "";
    bool story_ok = true;
    for (size_t i = 0; i < n && story_ok; i++) {
        const tv_actor *a = &all[i];
        if (!x->sent[a->sentence].headline)
            break;
        if (!a->country[0] || a->dyad)
            continue;
        if (!story[0])
            memcpy(story, a->country, 4);
        else if (strcmp(story, a->country) != 0)
            story_ok = false;
    }
    for (size_t m = 0; m < doc->nmatches && story_ok; m++) {
        const tv_match *p = &doc->matches[m];
        if (!x->sent[x->tok[p->tok_first].sentence].headline)
            break;
        if (p->entry->cls_id != c->place)
            continue;
        const char *pc = tv_entry_attr(p->entry, "country");
        if (!pc || strlen(pc) != 3)
            continue;
        if (!story[0])
            snprintf(story, sizeof story, "%s", pc);
        else if (strcmp(story, pc) != 0)
            story_ok = false;
    }
    if (!story_ok)
        story[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        tv_actor *a = &all[i];
        if (a->kind != TV_ACT_ROLE)
            continue;
        const char *ctry = NULL;
        /* "son porte-parole", "ses soldats": the role of the actor named
           just before (same or previous sentence) */
        const tv_token *det = &x->tok[a->tok_first];
        if (tv_tok_is(x, det, "son") || tv_tok_is(x, det, "sa") || tv_tok_is(x, det, "ses") ||
            tv_tok_is(x, det, "leur") || tv_tok_is(x, det, "leurs") || tv_tok_is(x, det, "its") ||
            tv_tok_is(x, det, "their")) {
            /* the sentence's first actor (its subject, mostly), else the
               last one of the sentence before */
            for (size_t j = 0; j < i && !ctry; j++) {
                const tv_actor *p = &all[j];
                if (p->sentence == a->sentence && p->country[0] && !p->dyad && !p->inferred &&
                    p->kind != TV_ACT_ADJ)
                    ctry = p->country;
            }
            for (size_t j = i; j > 0 && !ctry; j--) {
                const tv_actor *p = &all[j - 1];
                if (p->sentence + 1 < a->sentence)
                    break;
                if (p->country[0] && !p->dyad && !p->inferred && p->kind != TV_ACT_ADJ)
                    ctry = p->country;
            }
        }
        for (size_t m = 0; m < doc->nmatches && !ctry; m++) {
            const tv_match *p = &doc->matches[m];
            if (p->entry->cls_id != c->place || x->tok[p->tok_first].sentence != a->sentence)
                continue;
            const char *pc = tv_entry_attr(p->entry, "country");
            if (pc && strlen(pc) == 3)
                ctry = pc;
        }
        (void)dominant; /* the article's main country alone proved too loose */
        /* "la police", "le gouvernement", "l'armée" with no country nearby
           in a story whose headline names one country: that country's */
        /* … and so are its rebels and separatists ("les rebelles" in a
           story headed "Philippines: …"): an armed opposition is domestic */
        if (!ctry && story[0]) {
            static const char *const state[] = {"COP", "GOV", "MIL", "JUD", "LEG", "SPY", "REB", "SEP", "INS"};
            for (size_t j = 0; j < TV_ARRAY_LEN(state); j++)
                if (strcmp(a->sector, state[j]) == 0)
                    ctry = story;
        }
        /* "les troupes étrangères" are nobody's from here */
        if (a->tok_end < x->ntok && (tv_tok_is(x, &x->tok[a->tok_end], "etrangeres") ||
                                     tv_tok_is(x, &x->tok[a->tok_end], "etrangers") ||
                                     tv_tok_is(x, &x->tok[a->tok_end], "etrangere") ||
                                     tv_tok_is(x, &x->tok[a->tok_end], "etranger") ||
                                     tv_tok_is(x, &x->tok[a->tok_end], "foreign")))
            continue;
        if (!ctry)
            continue;
        char sector[4];
        memcpy(sector, a->sector, 4);
        set_code(a, ctry, sector);
        a->kind = TV_ACT_GROUP;
        a->inferred = true;
    }
}

int tv_actors_find(const treve_doc *doc, tv_arena *arena, tv_actor **out, size_t *nout, treve_error *err)
{
    const tv_text *x = &doc->text;
    const tv_match *m = doc->matches;
    size_t n = doc->nmatches;
    tv_classes c;
    tv_classes_init(doc->ctx->lex, &c);
    actor_list l = {.a = arena};
    tv_vec_init(&l.v, sizeof(tv_actor), 1u << 20);
    /* the last two distinct countries named, for dyad references */

    size_t i = 0;
    while (i < n) {
        size_t gl = group_len(m, i, n);
        const tv_match *g = &m[i];
        uint32_t first = g->tok_first, end = g->tok_end;
        const tv_entry *person = group_entry(g, gl, c.person);
        const tv_entry *role = group_entry(g, gl, c.role);
        const tv_entry *org = group_entry(g, gl, c.org);
        const tv_entry *metonym = group_entry(g, gl, c.metonym);
        const tv_entry *country = group_entry(g, gl, c.country);
        const tv_entry *capital = group_entry(g, gl, c.capital);
        const tv_entry *demonym = group_entry(g, gl, c.demonym);
        const tv_entry *dyad = group_entry(g, gl, c.dyad);
        size_t next = i + gl;
        tv_actor *a = NULL;

        if (role) {
            /* role [demonym] [de (la|l') COUNTRY|ORG] [PERSON] */
            char ctry[4] = "";
            const tv_entry *of_org = NULL;
            const tv_match *rm = NULL;
            for (size_t k = 0; k < gl; k++)
                if (g[k].entry == role)
                    rm = &g[k];
            if (rm && rm->slot) {
                snprintf(ctry, sizeof ctry, "%s", rm->slot->code);
                /* "Kyrgyz and Tajik border guards": a demonym joined by
                   "and" to the slot of the role has that role too */
                if (first >= 2 && is_word(x, first - 1, "and") && l.v.len > 0) {
                    tv_actor *pa = &((tv_actor *)l.v.data)[l.v.len - 1];
                    if (pa->tok_end == first - 1 && pa->sentence == x->tok[first].sentence &&
                        (pa->kind == TV_ACT_ADJ || pa->kind == TV_ACT_COUNTRY) && !pa->sector[0] &&
                        pa->tok_end - pa->tok_first == 1 &&
                        strcmp(pa->country, rm->slot->code) != 0 && demonym_at(m, i, pa->tok_first, c.demonym)) {
                        char pc[4];
                        snprintf(pc, sizeof pc, "%s", pa->country);
                        pa->kind = TV_ACT_GROUP;
                        set_code(pa, pc, role->code);
                    }
                }
            }
            uint32_t k = end;
            size_t j = match_at(m, n, next, k);
            if (!ctry[0] && j < n) {
                size_t jl = group_len(m, j, n);
                const tv_entry *dm = group_entry(&m[j], jl, c.demonym);
                if (dm) {
                    snprintf(ctry, sizeof ctry, "%s", dm->code);
                    end = m[j].tok_end;
                    next = j + jl;
                    k = end;
                    j = match_at(m, n, next, k);
                }
            }
            if (!ctry[0]) {
                /* "de la Russie", "du Kremlin", "de l'Azerbaïdjan", "d'Arménie" */
                uint32_t p = k;
                if (is_word(x, p, "de") || is_word(x, p, "du") || is_word(x, p, "d'") || is_word(x, p, "des") ||
                    is_word(x, p, "of")) {
                    p++;
                    if (is_word(x, p, "la") || is_word(x, p, "l'") || is_word(x, p, "the"))
                        p++;
                    size_t q = match_at(m, n, next, p);
                    if (q < n) {
                        size_t ql = group_len(m, q, n);
                        const tv_entry *ce = group_entry(&m[q], ql, c.country);
                        if (!ce)
                            ce = group_entry(&m[q], ql, c.capital);
                        const tv_entry *oe = ce ? NULL : group_entry(&m[q], ql, c.org);
                        if (ce) {
                            snprintf(ctry, sizeof ctry, "%s", ce->code);
                            end = m[q].tok_end;
                            next = q + ql;
                            k = end;
                        } else if (oe) {
                            /* "le procureur de la CPI", "les combattants du
                               M23": the role belongs to the organisation */
                            of_org = oe;
                            end = m[q].tok_end;
                            next = q + ql;
                            k = end;
                        }
                    }
                }
            }
            j = match_at(m, n, next, k);
            const tv_entry *pe = NULL;
            if (j < n) {
                size_t jl = group_len(m, j, n);
                pe = person_for_date(&m[j], jl, c.person, doc->published);
                if (pe) {
                    uint32_t name_first = m[j].tok_first;
                    end = m[j].tok_end;
                    next = j + jl;
                    a = push_actor(&l, x, first, end);
                    if (!a)
                        goto nomem;
                    a->kind = TV_ACT_PERSON;
                    set_full_code(a, pe->code);
                    a->name.start = x->tok[name_first].start;
                    a->name.end = x->tok[end - 1].end;
                }
            }
            if (!a && of_org) {
                a = push_actor(&l, x, first, end);
                if (!a)
                    goto nomem;
                a->kind = TV_ACT_ORG;
                set_full_code(a, of_org->code);
            }
            if (!a) {
                a = push_actor(&l, x, first, end);
                if (!a)
                    goto nomem;
                if (ctry[0]) {
                    a->kind = TV_ACT_GROUP;
                    set_code(a, ctry, role->code);
                    /* ", de l'Azerbaïdjan et de l'Arménie": the same role for each */
                    size_t prev_index = l.v.len - 1;
                    for (int more = 0; more < 6; more++) {
                        uint32_t p = end;
                        if (!(is_word(x, p, ",") || is_word(x, p, "et") || is_word(x, p, "and")))
                            break;
                        p++;
                        if (!(is_word(x, p, "de") || is_word(x, p, "du") || is_word(x, p, "d'")))
                            break;
                        p++;
                        if (is_word(x, p, "la") || is_word(x, p, "l'"))
                            p++;
                        size_t q = match_at(m, n, next, p);
                        if (q >= n)
                            break;
                        size_t ql = group_len(m, q, n);
                        const tv_entry *ce = group_entry(&m[q], ql, c.country);
                        if (!ce)
                            ce = group_entry(&m[q], ql, c.capital);
                        if (!ce)
                            break;
                        tv_actor *more_a = push_actor(&l, x, m[q].tok_first, m[q].tok_end);
                        if (!more_a)
                            goto nomem;
                        more_a->kind = TV_ACT_GROUP;
                        set_code(more_a, ce->code, role->code);
                        ((tv_actor *)l.v.data)[prev_index].coord = (int32_t)(l.v.len - 1);
                        prev_index = l.v.len - 1;
                        end = m[q].tok_end;
                        next = q + ql;
                    }
                    /* "les forces tadjikes et kirghizes", "les armées russe et
                       ukrainienne": a second demonym gives the same role */
                    if (l.v.len - 1 == prev_index && is_word(x, end, "et")) {
                        size_t q = match_at(m, n, next, end + 1);
                        if (q < n) {
                            size_t ql = group_len(m, q, n);
                            const tv_entry *d2 = group_entry(&m[q], ql, c.demonym);
                            if (d2 && !group_entry(&m[q], ql, c.role) && strcmp(d2->code, ctry) != 0) {
                                tv_actor *b = push_actor(&l, x, m[q].tok_first, m[q].tok_end);
                                if (!b)
                                    goto nomem;
                                b->kind = TV_ACT_GROUP;
                                set_code(b, d2->code, role->code);
                                end = m[q].tok_end;
                                next = q + ql;
                            }
                        }
                    }
                    a = &((tv_actor *)l.v.data)[l.v.len - 1];
                } else {
                    a->kind = TV_ACT_ROLE;
                    set_code(a, "", role->code);
                }
            }
        } else if (person) {
            const tv_entry *pe = person_for_date(g, gl, c.person, doc->published);
            /* "le bureau de Benjamin Netanyahou", "l'entourage de Poutine":
               the office speaks for the person */
            if (first >= 2 && (is_word(x, first - 1, "de") || is_word(x, first - 1, "d'")) &&
                x->tok[first - 2].sentence == x->tok[first].sentence &&
                (is_word(x, first - 2, "bureau") || is_word(x, first - 2, "entourage") ||
                 is_word(x, first - 2, "cabinet") || is_word(x, first - 2, "camp") ||
                 is_word(x, first - 2, "services") || is_word(x, first - 2, "office")))
                first -= 2;
            a = push_actor(&l, x, first, end);
            if (!a)
                goto nomem;
            a->kind = TV_ACT_PERSON;
            set_full_code(a, pe ? pe->code : person->code);
            a->name.start = x->tok[first].start;
            a->name.end = x->tok[end - 1].end;
        } else if (org) {
            a = push_actor(&l, x, first, end);
            if (!a)
                goto nomem;
            a->kind = TV_ACT_ORG;
            set_full_code(a, org->code);
        } else if ((country || capital) && !metonym && (is_word(x, end, "'s") || is_word(x, end, "\xe2\x80\x99s")) &&
                   match_at(m, n, next, end + 1) < n &&
                   possessed_role(&m[match_at(m, n, next, end + 1)],
                                  group_len(m, match_at(m, n, next, end + 1), n), c.role)) {
            /* English possessive: "Russia's army", "Qatar's prime minister"
               ("'s" is a token of its own) — the role of that country */
            const tv_entry *e = country ? country : capital;
            size_t q = match_at(m, n, next, end + 1);
            size_t ql = group_len(m, q, n);
            const tv_entry *re = possessed_role(&m[q], ql, c.role);
            a = push_actor(&l, x, first, m[q].tok_end);
            if (!a)
                goto nomem;
            a->kind = TV_ACT_GROUP;
            set_code(a, e->code, re->code);
            next = q + ql;
        } else if (metonym || country || capital) {
            const tv_entry *e = metonym ? metonym : country ? country : capital;
            a = push_actor(&l, x, first, end);
            if (!a)
                goto nomem;
            a->kind = TV_ACT_COUNTRY;
            set_full_code(a, e->code);
            /* "à Bamako", "en Ukraine", "in Gaza": where it happens, not who acts
               ("livrer des armes à l'Ukraine" keeps its party) */
            if (first > 0 && x->tok[first - 1].sentence == x->tok[first].sentence &&
                ((e == capital && (is_word(x, first - 1, "a") || is_word(x, first - 1, "in"))) ||
                 (e == country && !metonym && (is_word(x, first - 1, "en") || is_word(x, first - 1, "in")))))
                a->locative = true;
        } else if (demonym) {
            const tv_token *t = &x->tok[first];
            /* "les Arméniens" (capitalised, not sentence-initial) names the
               people; a lower-case demonym is an adjective: "médiation russe" */
            bool people = (t->flags & TV_TF_CAP) && !(t->flags & TV_TF_SENT);
            a = push_actor(&l, x, first, end);
            if (!a)
                goto nomem;
            a->kind = people ? TV_ACT_COUNTRY : TV_ACT_ADJ;
            set_code(a, demonym->code, "");
        } else if (dyad) {
            /* two placeholders, resolved once pairs are known (below) */
            for (int s = 0; s < 2; s++) {
                tv_actor *d = push_actor(&l, x, first, end);
                if (!d)
                    goto nomem;
                d->kind = TV_ACT_COUNTRY;
                d->dyad = true;
                if (s == 1) {
                    d->pair = (int32_t)(l.v.len - 2);
                    ((tv_actor *)l.v.data)[l.v.len - 2].pair = (int32_t)(l.v.len - 1);
                }
            }
        }
        i = next > i ? next : i + 1;
    }

    /* "X et Y", "X, Y et Z": pair neighbours joined only by "et"/"and"/"," */
    tv_actor *all = l.v.data;
    for (size_t k = 0; k + 1 < l.v.len; k++) {
        tv_actor *p = &all[k], *q = &all[k + 1];
        if (p->sentence != q->sentence || p->pair >= 0 || q->pair >= 0 || p->locative || q->locative)
            continue; /* "En RDC, les rebelles du M23": a place is no partner */
        uint32_t gap = q->tok_first - p->tok_end;
        if (gap == 1 && (is_word(x, p->tok_end, "et") || is_word(x, p->tok_end, "and") ||
                         (x->tok[p->tok_end].kind == TV_TOK_PUNCT && is_word(x, p->tok_end, ",")))) {
            p->pair = (int32_t)(k + 1);
            q->pair = (int32_t)k;
        }
    }
    resolve_dyads(x, l.v.data, l.v.len);
    infer_countries(doc, &c, l.v.data, l.v.len);
    *out = l.v.data;
    *nout = l.v.len;
    return TREVE_OK;
nomem:
    return tv_fail(err, TREVE_ENOMEM, "too many actor mentions", 0, 0);
}
