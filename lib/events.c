/*
 * events.c — the event coder. Takes a document's dictionary matches,
 * actor mentions (lib/actors.c), numbers and times; gives one tv_event per
 * real-world event of the article:
 *
 *   1. triggers: every `trigger` match is a candidate (weak ones need an
 *      actor next to them); appeals, intents, demands and rejections are
 *      refined by the topic of their complement (topics.fr.txt), and the
 *      trigger that refined them is absorbed ("demande … de respecter le
 *      cessez-le-feu" is one 0256 appeal, not also a ceasefire);
 *   2. roles: subject / object / "par X" / "de X" / "entre X et Y" /
 *      "opposer X à Y"; reciprocal clashes list both sides as actors;
 *      "négocier un cessez-le-feu" and a mediation beside a ceasefire make
 *      the negotiator a mediator;
 *   3. attribution (report, hope, call, denial, hearsay, future words) and
 *      negation give claimed_by and the modality;
 *   4. time: each time expression goes to the nearest trigger of its
 *      sentence (or to a report verb it directly follows); local times are
 *      relocated to the place's zone; background (more than 30 days before
 *      publication) is historical;
 *   5. casualties: a casualty word, its number and bounds, the group hit,
 *      who claims it; attached to the violent event they belong to;
 *   6. merging: mentions of one event in several sentences become one event.
 * The coding rules a user can rely on are in docs/coding-rules.md.
 */
#include "events.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define WINDOW_BACK 14  /* tokens searched before a trigger for its subject */
#define WINDOW_AHEAD 12 /* tokens searched after it for its object */

typedef struct source {
    uint16_t cls;             /* report, hope, call, denial, hearsay, future */
    const tv_entry *entry;
    uint32_t first, end;      /* tokens of the words */
    const tv_actor *actor;    /* who says it, or NULL */
    uint32_t sentence;
    const char *morph;
    bool inverted;            /* ", a déclaré X": after a quote or a comma */
} source;

typedef struct coder {
    treve_doc *doc;
    const tv_text *x;
    tv_classes c;
    tv_actor *act;
    size_t nact;
    source *src;
    size_t nsrc;
    tv_vec events;
    bool dative_ok; /* the trigger being coded takes an "à X" recipient */
    /* The view: index ranges of the actors, sources, matches, times and
       numbers of the sentences around the one being coded. Every search
       stays inside it, so coding is linear in the article's length. */
    size_t alo, ahi, slo, shi, mlo, mhi, tlo, thi, nlo, nhi;
    /* first index of each sentence in those arrays (nsent + 1 entries) */
    size_t *act_at, *src_at, *mat_at, *tim_at, *num_at;
    /* the country entries the article names (for their time zones) */
    const tv_entry *countries[64];
    size_t ncountries;
} coder;

static void view(coder *k, uint32_t s);
static void merge_into(tv_event *dst, const tv_event *src);

/* The article is English (doc->lang): English-only function words. */
static bool is_en(const coder *k)
{
    return strcmp(k->doc->lang, "en") == 0;
}

/* English determiners before a noun: "the attack", "an ambush", "its war". */
static const char *const EN_DETS[] = {"a", "an", "the", "its", "their", "this", "these", "those"};

/* ---- small helpers -------------------------------------------------------*/
static bool word_at(const tv_text *x, uint32_t i, const char *w)
{
    return i < x->ntok && tv_tok_is(x, &x->tok[i], w);
}

/* Token i folds to one of the words. */
static bool word_in(const tv_text *x, uint32_t i, const char *const *w, size_t n)
{
    for (size_t j = 0; j < n; j++)
        if (word_at(x, i, w[j]))
            return true;
    return false;
}


static bool is_clause_break(const tv_text *x, uint32_t i)
{
    const tv_token *t = &x->tok[i];
    if (t->kind == TV_TOK_PUNCT)
        return word_at(x, i, ";") || word_at(x, i, ":");
    return false;
}

/* Token i is written exactly w (no accent folding): the auxiliary "a", not
   the preposition "à". */
static bool surface_is(const tv_text *x, uint32_t i, const char *w)
{
    if (i >= x->ntok)
        return false;
    const tv_token *t = &x->tok[i];
    size_t n = strlen(w);
    if (t->end - t->start != n)
        return false;
    for (size_t j = 0; j < n; j++) {
        char c = x->src[t->start + j];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != w[j])
            return false;
    }
    return true;
}

/* An auxiliary of a compound tense as written: "a", "ont", "avait"… */
static bool surface_aux(const tv_text *x, uint32_t i)
{
    static const char *const aux[] = {"a", "ont", "avait", "avaient", "aurait", "auraient", "est", "sont"};
    for (size_t k = 0; k < TV_ARRAY_LEN(aux); k++)
        if (surface_is(x, i, aux[k]))
            return true;
    return false;
}

/* ", a accusé le ministre", ", ont indiqué les autorités": a comma then an
   auxiliary opens an inverted incise; what follows is its speaker, not the
   object of the verb before. */
static bool incise_at(const tv_text *x, uint32_t i)
{
    return word_at(x, i, ",") && surface_aux(x, i + 1);
}

static int family(const char *cameo)
{
    return (cameo[0] - '0') * 10 + (cameo[1] - '0');
}

static bool attr_is(const tv_entry *e, const char *key, const char *value)
{
    const char *v = tv_entry_attr(e, key);
    return v && strcmp(v, value) == 0;
}

const char *tv_modality_name(int m)
{
    static const char *const names[] = {"asserted", "asserted", "hoped", "called_for", "denied", "reported", "future"};
    return m >= 0 && m <= TV_MOD_FUTURE ? names[m] : "asserted";
}

const char *tv_casualty_kind_name(int k)
{
    static const char *const names[] = {"killed", "killed", "wounded", "missing", "captured", "displaced"};
    return k >= 0 && k <= TV_CAS_DISPLACED ? names[k] : "killed";
}

static uint8_t casualty_kind(const char *code)
{
    if (strcmp(code, "wounded") == 0)
        return TV_CAS_WOUNDED;
    if (strcmp(code, "missing") == 0)
        return TV_CAS_MISSING;
    if (strcmp(code, "captured") == 0)
        return TV_CAS_CAPTURED;
    if (strcmp(code, "displaced") == 0)
        return TV_CAS_DISPLACED;
    return TV_CAS_KILLED;
}

/* The cameo reference entry for a code ("0871" → label, plover…). */
static const tv_entry *cameo_entry(const coder *k, const char *code)
{
    char form[16];
    int n = snprintf(form, sizeof form, "cameo-%s", code);
    const tv_entry *out[4];
    size_t found = tv_lexicon_lookup(k->doc->ctx->lex, form, (size_t)n, out, 4);
    for (size_t i = 0; i < found; i++)
        if (out[i]->cls_id == k->c.cameo)
            return out[i];
    return NULL;
}

/* True when the actor is who says something in its sentence ("a déclaré
   X", "selon X"): such a mention is the source, not a party. */
static bool actor_is_source(const coder *k, const tv_actor *a)
{
    for (size_t i = k->slo; i < k->shi; i++)
        if (k->src[i].actor == a && k->src[i].cls == k->c.report &&
            (k->src[i].inverted || attr_is(k->src[i].entry, "side", "after")))
            return true;
    return false;
}

/* A role with no country ("les dirigeants", "le ministère") says nothing
   about who acts; roles that stand alone (rebels, civilians…) do. */
static bool codes_alone(const tv_actor *a)
{
    if (a->kind == TV_ACT_ADJ || a->locative)
        return false;
    if (a->kind != TV_ACT_ROLE)
        return true;
    static const char *const vague[] = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI", "BUS", "EDU", "HLH"};
    for (size_t i = 0; i < TV_ARRAY_LEN(vague); i++)
        if (strcmp(a->sector, vague[i]) == 0)
            return false;
    return true;
}

/* The mention is the object of a preposition ("entre X", "avec X", "à X"). */
static bool after_preposition(const tv_text *x, const tv_actor *a)
{
    static const char *const preps[] = {"entre", "avec", "contre", "par", "pour", "sur", "a", "au", "aux",
                                        "de", "d'", "du", "vers", "chez", "between", "with", "against", "by",
                                        "to", "of", "from"};
    uint32_t i = a->head_tok > a->tok_first ? a->tok_first : a->head_tok;
    if (i == 0)
        return false;
    /* "des milliers de personnes", "une centaine de soldats": a quantity's
       "de" heads no complement, the noun is the subject */
    if (i >= 2 && (tv_tok_is(x, &x->tok[i - 1], "de") || tv_tok_is(x, &x->tok[i - 1], "d'"))) {
        static const char *const qty[] = {"milliers", "millier", "centaines", "centaine", "dizaines", "dizaine",
                                          "vingtaine", "trentaine", "quarantaine", "cinquantaine", "douzaine",
                                          "quinzaine", "plupart", "nombre", "beaucoup", "centaines", "millions",
                                          "groupe", "groupes", "poignee", "foule", "cortege", "milliards"};
        const tv_token *q = &x->tok[i - 2];
        if (q->kind == TV_TOK_NUMBER)
            return false;
        for (size_t p = 0; p < TV_ARRAY_LEN(qty); p++)
            if (tv_tok_is(x, q, qty[p]))
                return false;
    }
    for (size_t p = 0; p < TV_ARRAY_LEN(preps); p++)
        if (tv_tok_is(x, &x->tok[i - 1], preps[p]))
            return true;
    return false;
}

/* Nearest actor mention ending at or before token t (same sentence, within
   WINDOW_BACK, not crossing a clause break). */
static const tv_actor *actor_before_within(const coder *k, uint32_t t, uint32_t sentence, bool skip_sources,
                                           uint32_t window)
{
    const tv_actor *best = NULL;
    for (size_t i = k->alo; i < k->ahi; i++) {
        const tv_actor *a = &k->act[i];
        if (a->sentence != sentence || a->tok_end > t || !codes_alone(a))
            continue;
        if (t - a->tok_end > window)
            continue;
        /* a subject is not the object of a preposition; the first member
           of a pair stands for both */
        if (after_preposition(k->x, a) || (a->pair >= 0 && (size_t)a->pair < i))
            continue;
        if (skip_sources && actor_is_source(k, a))
            continue;
        bool broken = false;
        for (uint32_t j = a->tok_end; j < t; j++)
            if (is_clause_break(k->x, j))
                broken = true;
        if (!broken)
            best = a;
    }
    return best;
}

static const tv_actor *actor_before(const coder *k, uint32_t t, uint32_t sentence, bool skip_sources)
{
    return actor_before_within(k, t, sentence, skip_sources, WINDOW_BACK);
}

static const tv_actor *actor_after(const coder *k, uint32_t t, uint32_t sentence, bool skip_sources)
{
    for (size_t i = k->alo; i < k->ahi; i++) {
        const tv_actor *a = &k->act[i];
        if (a->sentence != sentence || a->tok_first < t)
            continue;
        /* "demander à Bakou": a capital after "à" right after a verb of
           asking, giving, promising… is its recipient, not a place */
        bool dative = a->locative && k->dative_ok && a->tok_first >= 1 && a->tok_first - 1 <= t &&
                      word_at(k->x, a->tok_first - 1, "a");
        if (!codes_alone(a) && !dative)
            continue;
        if (a->tok_first - t > WINDOW_AHEAD)
            break;
        if (skip_sources && actor_is_source(k, a))
            continue;
        bool broken = false;
        for (uint32_t j = t; j < a->tok_first; j++)
            if (is_clause_break(k->x, j) || incise_at(k->x, j))
                broken = true;
        if (broken)
            break;
        return a;
    }
    return NULL;
}

/* An adjective demonym right after a noun trigger: "médiation russe". */
static const tv_actor *adjective_after(const coder *k, uint32_t t, uint32_t sentence)
{
    for (size_t i = k->alo; i < k->ahi; i++) {
        const tv_actor *a = &k->act[i];
        if (a->sentence == sentence && a->kind == TV_ACT_ADJ && a->tok_first == t)
            return a;
    }
    return NULL;
}

/* The actor introduced by "de/du/des/d'/par/by/of X" starting at token t. */
static const tv_actor *actor_introduced(const coder *k, uint32_t t, uint32_t sentence, const char *const *preps,
                                        size_t nprep)
{
    bool prep = false;
    for (size_t i = 0; i < nprep; i++)
        if (word_at(k->x, t, preps[i]))
            prep = true;
    if (!prep)
        return NULL;
    for (size_t i = k->alo; i < k->ahi; i++) {
        const tv_actor *a = &k->act[i];
        if (a->sentence != sentence || a->kind == TV_ACT_ADJ)
            continue;
        /* "de la Russie": the mention starts after the preposition (its
           determiner included), or on it for "des dirigeants", "du Kremlin" */
        if (a->tok_first == t + 1 || a->tok_first == t || (a->tok_first == t + 2 && word_at(k->x, t + 1, "la")))
            return a;
    }
    return NULL;
}

/* ---- events --------------------------------------------------------------*/
/* Rebels, insurgents, armed groups, opposition: a side of their own in a
   country ("l'armée soudanaise et les FSR" are two parties). */
static bool nonstate(const char *sector)
{
    static const char *const ns[] = {"REB", "INS", "UAF", "OPP", "SEP", "RAD"};
    for (size_t i = 0; i < TV_ARRAY_LEN(ns); i++)
        if (strcmp(sector, ns[i]) == 0)
            return true;
    return false;
}

static void add_actor(tv_event *e, const tv_actor *a, uint8_t role)
{
    if (!a || !a->code[0])
        return;
    for (size_t i = 0; i < e->nactors; i++) {
        const tv_actor *o = e->actors[i].actor;
        if (strcmp(o->code, a->code) == 0) {
            if (role == TV_ROLE_MEDIATOR)
                e->actors[i].role = role;
            return;
        }
        /* RUS and RUSGOV in the same role: one actor; a mediator or a
           recipient takes the specific code, a party keeps the country */
        if (o->country[0] && strcmp(o->country, a->country) == 0 && e->actors[i].role == role &&
            nonstate(o->sector) == nonstate(a->sector)) {
            /* in violence and force posture the force that acts is what
               users count: "Moscou" (headline) and "l'armée russe" (body)
               are RUSMIL; a capital speaks for its government: "Pristina"
               and "le Premier ministre kosovar" are XKXGOV */
            int f = family(e->cameo);
            if (!o->sector[0] && a->sector[0] &&
                (role != TV_ROLE_ACTOR || f >= 18 || (f == 15 && strcmp(a->sector, "MIL") == 0) ||
                 strcmp(a->sector, "GOV") == 0))
                e->actors[i].actor = a;
            return;
        }
    }
    if (e->nactors < TV_EVENT_MAX_ACTORS) {
        e->actors[e->nactors].actor = a;
        e->actors[e->nactors].role = role;
        e->nactors++;
    }
}

static void add_with_pair(const coder *k, tv_event *e, const tv_actor *a, uint8_t role)
{
    add_actor(e, a, role);
    if (a && a->pair >= 0)
        add_actor(e, &k->act[a->pair], role);
    /* "les dirigeants de la Russie, de l'Azerbaïdjan et de l'Arménie" */
    for (int guard = 0; a && a->coord >= 0 && guard < TV_EVENT_MAX_ACTORS; guard++) {
        a = &k->act[a->coord];
        add_actor(e, a, role);
    }
}

static bool has_role(const tv_event *e, uint8_t role)
{
    for (size_t i = 0; i < e->nactors; i++)
        if (e->actors[i].role == role)
            return true;
    return false;
}

/* Passive voice: the trigger is a past participle after a form of être
   ("ont été tués", not the pronominal "se sont emparés"), or followed by
   its agent ("Kiev visée par une attaque"), or in apposition to a noun with
   no auxiliary ("l'Iran, accusé de livrer …"). */
static bool is_aux(const tv_text *x, uint32_t i)
{
    static const char *const aux[] = {"a", "ont", "avait", "avaient", "aurait", "auraient", "avoir", "ayant",
                                      "aura", "auront", "eu", "has", "have", "had"};
    for (size_t k = 0; k < TV_ARRAY_LEN(aux); k++)
        if (word_at(x, i, aux[k]))
            return true;
    return false;
}

/* The last word of m reads as a participle on the page: "visée", "accusé"
   (folding makes "accuse" and "accusé" one form), or the form has no
   present-tense reading. */
static bool surface_participle(const coder *k, const tv_match *m)
{
    if (!strstr(m->morph, "ipre"))
        return true;
    const tv_token *t = &k->x->tok[m->tok_first];
    const unsigned char *p = (const unsigned char *)k->x->src + t->start;
    size_t n = t->end - t->start;
    while (n && (p[n - 1] == 's' || p[n - 1] == 'e'))
        n--;
    return n >= 2 && p[n - 2] == 0xC3 && p[n - 1] == 0xA9;
}

/* The token after a participle where its "par" agent may stand: right
   after it, or after a time of the event ("détenus lundi par des
   gardes-frontières russes"). */
static uint32_t agent_at(const coder *k, const tv_match *m)
{
    const tv_text *x = k->x;
    for (size_t i = k->tlo; i < k->thi; i++) {
        const tv_timex *t = &k->doc->times[i];
        if (t->tok_first == m->tok_end && t->tok_end < x->ntok && x->tok[t->tok_end].sentence == x->tok[m->tok_first].sentence &&
            (word_at(x, t->tok_end, "par") || word_at(x, t->tok_end, "by")))
            return t->tok_end;
    }
    return m->tok_end;
}

static bool is_passive(const coder *k, const tv_match *m)
{
    const tv_text *x = k->x;
    uint32_t s = x->tok[m->tok_first].sentence;
    /* English: "was killed by", "were arrested", "has been shelled" — the
       -ed form is tagged "past" (past tense or participle); an English
       "be" right before it makes it the participle of a passive */
    if (is_en(k) && m->morph && (strstr(m->morph, "past") || strstr(m->morph, "ppas")) &&
        (attr_is(m->entry, "pos", "verb") || attr_is(m->entry, "pos", "support"))) {
        static const char *const be[] = {"was", "were", "been", "being", "is", "are", "be"};
        for (uint32_t j = m->tok_first; j > 0 && m->tok_first - j < 3; j--) {
            if (x->tok[j - 1].sentence != s)
                break;
            for (size_t i = 0; i < TV_ARRAY_LEN(be); i++)
                if (word_at(x, j - 1, be[i]))
                    return true;
        }
    }
    /* "a été placé en résidence surveillée": a support verb too */
    if (!m->morph || !strstr(m->morph, "ppas") ||
        !(attr_is(m->entry, "pos", "verb") || attr_is(m->entry, "pos", "support")))
        return false;
    static const char *const etre[] = {"ete", "est", "sont", "etait", "etaient", "sera", "seront", "fut", "furent",
                                       "etre", "soit", "soient"};
    for (uint32_t j = m->tok_first; j > 0 && m->tok_first - j < 3; j--) {
        if (x->tok[j - 1].sentence != s)
            break;
        for (size_t i = 0; i < TV_ARRAY_LEN(etre); i++)
            if (word_at(x, j - 1, etre[i])) {
                /* "se sont emparés", "s'est retiré": pronominal, active */
                if (j >= 2 && (word_at(x, j - 2, "se") || word_at(x, j - 2, "s'")))
                    return false;
                return true;
            }
    }
    bool aux = false;
    for (uint32_t j = m->tok_first; j > 0 && m->tok_first - j < 3; j--)
        if (x->tok[j - 1].sentence == s && is_aux(x, j - 1))
            aux = true;
    if (aux || !surface_participle(k, m))
        return false;
    uint32_t by = agent_at(k, m);
    if (by < x->ntok && (word_at(x, by, "par") || word_at(x, by, "by")))
        return true;
    /* "le Parlement incendié", "des soldats tués": a participle right after
       the noun it qualifies */
    for (size_t i = k->alo; i < k->ahi; i++)
        if (k->act[i].tok_end == m->tok_first && k->act[i].sentence == s && k->act[i].kind != TV_ACT_ADJ)
            return true;
    if (m->tok_first > 0 && x->tok[m->tok_first - 1].sentence == s && word_at(x, m->tok_first - 1, ","))
        return true;
    return false;
}

static const char *const DE[] = {"de", "du", "des", "d'", "of"};
static const char *const PAR[] = {"par", "by"};

/* Fills the actors of event e from its trigger match m. */
static void assign_roles(coder *k, tv_event *e, const tv_match *m, const source *claim)
{
    const tv_entry *t = m->entry;
    {
        int f = family(e->cameo);
        k->dative_ok = (f >= 2 && f <= 7) || (f >= 10 && f <= 13) || f == 16;
    }
    uint32_t s = k->x->tok[m->tok_first].sentence;
    bool noun = attr_is(t, "pos", "noun") || attr_is(t, "pos", "phrase");
    bool recip = attr_is(t, "recip", "1");
    int fam = family(e->cameo);
    const tv_actor *subj = actor_before(k, m->tok_first, s, true);
    const tv_actor *obj = actor_after(k, m->tok_end, s, true);
    if (!noun) {
        /* ", a accusé le ministre ukrainien": the speaker of an inverted
           incise acts; what it accuses or condemns is the clause before */
        for (size_t i = k->slo; i < k->shi; i++) {
            const source *r = &k->src[i];
            if (r->first != m->tok_first || !r->inverted || r->cls != k->c.report || !r->actor ||
                r->entry != m->entry)
                continue;
            add_with_pair(k, e, r->actor, TV_ROLE_ACTOR);
            if (fam == 11 && m->tok_first >= 2) {
                const tv_actor *accused = actor_before_within(k, m->tok_first - 2, s, true, 40);
                if (accused && strcmp(accused->code, r->actor->code) != 0)
                    add_with_pair(k, e, accused, TV_ROLE_RECIPIENT);
            }
            return;
        }
        /* "le ministre, qui a dénoncé …": the antecedent of "qui" */
        uint32_t q = m->tok_first;
        while (q > 0 && q > k->x->sent[s].tok_first && m->tok_first - q < 3 && surface_aux(k->x, q - 1))
            q--;
        if (q > 0 && q > k->x->sent[s].tok_first && word_at(k->x, q - 1, "qui")) {
            uint32_t b = q - 1;
            if (b > 0 && word_at(k->x, b - 1, ","))
                b--;
            for (size_t i = k->alo; i < k->ahi; i++)
                if (k->act[i].sentence == s && k->act[i].tok_end == b && k->act[i].kind != TV_ACT_ADJ)
                    subj = &k->act[i];
        }
        /* "a appelé les deux pays à la retenue et proposé sa médiation": a
           participle coordinated by "et" with no auxiliary of its own shares
           the subject of the first verb, and its object when it has none */
        uint32_t et = UINT32_MAX;
        if (m->morph && strstr(m->morph, "ppas") && m->tok_first > 0 && word_at(k->x, m->tok_first - 1, "et"))
            et = m->tok_first - 1;
        for (uint32_t j = et; et != UINT32_MAX && j > k->x->sent[s].tok_first && et - j < 24; j--) {
            if (is_clause_break(k->x, j - 1) || word_at(k->x, j - 1, "qui"))
                break;
            if (surface_aux(k->x, j - 1)) {
                const tv_actor *s1 = actor_before(k, j - 1, s, true);
                if (s1) {
                    subj = s1;
                    const tv_actor *o1 = actor_after(k, j, s, true);
                    if (!obj && o1 && o1->tok_end <= et && o1 != s1)
                        obj = o1;
                }
                break;
            }
        }
    }
    /* "a dénoncé une attaque contre les civils": the actors after an event
       noun are that event's, not the verb's object */
    if (obj && !noun)
        for (size_t i = k->mlo; i < k->mhi; i++) {
            const tv_match *o = &k->doc->matches[i];
            if (o->entry->cls_id == k->c.trigger && o->tok_first >= m->tok_end && o->tok_end <= obj->tok_first &&
                o != m && (attr_is(o->entry, "pos", "noun") || attr_is(o->entry, "pos", "phrase")))
                obj = NULL;
            if (!obj || o->tok_first > m->tok_end + WINDOW_AHEAD)
                break;
        }
    /* ", a affirmé son porte-parole, imputant l'explosion à …": a present
       participle after a comma has the speaker just named as subject */
    if (m->morph && strstr(m->morph, "ppre") && m->tok_first > 0 && word_at(k->x, m->tok_first - 1, ",")) {
        const tv_actor *speaker = actor_before(k, m->tok_first, s, false);
        if (speaker)
            subj = speaker;
    }

    if (attr_is(t, "voice", "oppose")) {
        /* "ont opposé [dans la nuit] X à Y" */
        const tv_actor *a1 = actor_after(k, m->tok_end, s, true);
        if (a1) {
            add_with_pair(k, e, a1, TV_ROLE_ACTOR);
            const tv_actor *a2 = actor_after(k, a1->tok_end, s, true);
            if (a2)
                add_with_pair(k, e, a2, TV_ROLE_ACTOR);
        }
        return;
    }
    if (recip) {
        /* "affrontements entre X et Y", "X et Y se sont affrontés",
           "combats avec X", else the countries of the sentence */
        const tv_actor *after = NULL;
        bool between = false;
        uint32_t p = m->tok_end;
        while (p < k->x->ntok && k->x->tok[p].sentence == s && p < m->tok_end + 4) {
            between = word_at(k->x, p, "entre") || word_at(k->x, p, "between");
            if (between || word_at(k->x, p, "avec") || word_at(k->x, p, "contre") || word_at(k->x, p, "with") ||
                word_at(k->x, p, "against")) {
                after = actor_after(k, p + 1, s, true);
                break;
            }
            p++;
        }
        const tv_actor *adj = adjective_after(k, m->tok_end, s);
        if (after)
            add_with_pair(k, e, after, TV_ROLE_ACTOR);
        if (adj)
            add_with_pair(k, e, adj, TV_ROLE_ACTOR);
        /* "X a rencontré Y", "X a combattu Y": the direct object is the
           other side */
        if (!after && !noun && obj && obj != subj && obj->tok_first <= m->tok_end + 4 && !after_preposition(k->x, obj))
            add_with_pair(k, e, obj, TV_ROLE_ACTOR);
        /* "entre X et Y" names both sides; otherwise the subject is one */
        if (subj && !(between && after))
            add_with_pair(k, e, subj, TV_ROLE_ACTOR);
        return;
    }
    if (attr_is(t, "subj", "mediator")) {
        /* "la Russie a négocié un cessez-le-feu avec/entre X et Y" */
        const tv_actor *med = subj ? subj : (claim ? claim->actor : NULL);
        uint32_t p = m->tok_end;
        if (word_at(k->x, p, "avec") || word_at(k->x, p, "entre") || word_at(k->x, p, "between") ||
            word_at(k->x, p, "with"))
            add_with_pair(k, e, actor_after(k, p + 1, s, true), TV_ROLE_ACTOR);
        if (med)
            add_actor(e, med, TV_ROLE_MEDIATOR);
        return;
    }
    {
        /* "le cessez-le-feu entre Israël et le Hamas", "accord signé entre
           X et Y": the pair are the parties (the targets of a mediation) */
        const tv_actor *btw = NULL;
        for (uint32_t p = m->tok_end; p < k->x->ntok && p < m->tok_end + 5 && k->x->tok[p].sentence == s; p++) {
            if (k->x->tok[p].kind == TV_TOK_PUNCT)
                break;
            if (word_at(k->x, p, "entre") || word_at(k->x, p, "between")) {
                btw = actor_after(k, p + 1, s, true);
                if (btw && btw->tok_first > p + 2)
                    btw = NULL;
                break;
            }
        }
        if (btw && btw->pair >= 0) {
            bool med = strncmp(e->cameo, "045", 3) == 0;
            add_with_pair(k, e, btw, med ? TV_ROLE_RECIPIENT : TV_ROLE_ACTOR);
            /* "la Russie a annoncé un cessez-le-feu entre X et Y", "les
               Etats-Unis ont annoncé une trêve entre X et Y": a third party
               that announces or makes a ceasefire, talks or an agreement
               between two sides mediates it; the sides are the parties */
            bool third = !med && (fam == 4 || fam == 5 || fam == 8);
            const tv_actor *other = &k->act[btw->pair];
            if (subj && subj != btw && subj != other && (!noun || third) &&
                (!third || (strcmp(subj->country, btw->country) != 0 && strcmp(subj->country, other->country) != 0) ||
                 !subj->country[0]))
                add_with_pair(k, e, subj, third ? TV_ROLE_MEDIATOR : TV_ROLE_ACTOR);
            return;
        }
    }
    if (strncmp(e->cameo, "045", 3) == 0 && m->tok_end > m->tok_first &&
        (word_at(k->x, m->tok_end - 1, "de") || word_at(k->x, m->tok_end - 1, "du") ||
         word_at(k->x, m->tok_end - 1, "des") || word_at(k->x, m->tok_end - 1, "d'"))) {
        /* "sous la médiation de X", "sous l'égide de X": X mediates */
        const tv_actor *med = actor_after(k, m->tok_end - 1, s, true); /* "des Emirats" keeps its "des" */
        if (med && med->tok_first <= m->tok_end + 1)
            add_with_pair(k, e, med, TV_ROLE_ACTOR);
        return;
    }
    if (attr_is(t, "voice", "inverse")) {
        /* "X a reçu un appel des dirigeants Y": Y acts, X receives */
        /* English: "came under fire from M23 rebels" */
        static const char *const FROM[] = {"from", "by", "of"};
        const tv_actor *agent = is_en(k) ? actor_introduced(k, m->tok_end, s, FROM, TV_ARRAY_LEN(FROM))
                                         : actor_introduced(k, m->tok_end, s, DE, TV_ARRAY_LEN(DE));
        if (!agent && is_en(k) && m->tok_end > m->tok_first &&
            (word_at(k->x, m->tok_end - 1, "from") || word_at(k->x, m->tok_end - 1, "by"))) {
            /* the form ends with its preposition: the agent follows at once */
            const tv_actor *nx = actor_after(k, m->tok_end, s, true);
            if (nx && nx->tok_first <= m->tok_end + 1)
                agent = nx;
        }
        if (agent)
            add_with_pair(k, e, agent, TV_ROLE_ACTOR);
        const tv_actor *receiver = actor_before(k, m->tok_first, s, false);
        if (!receiver && claim)
            receiver = claim->actor;
        if (receiver)
            add_actor(e, receiver, TV_ROLE_RECIPIENT);
        return;
    }
    if (noun) {
        const tv_actor *agent = actor_introduced(k, m->tok_end, s, DE, TV_ARRAY_LEN(DE));
        const tv_actor *adj = adjective_after(k, m->tok_end, s);
        /* "l'expulsion de l'ambassadeur", "l'arrestation de l'opposant": the
           "de" complement of an act done to someone is its patient */
        const tv_actor *patient = NULL;
        if (agent && attr_is(t, "de", "patient")) {
            patient = agent;
            agent = NULL;
        }
        if (!agent && adj)
            agent = adj;
        /* "une attaque jihadiste", "un attentat terroriste": the trigger's
           own words name who did it (agent=ROLE), the adjective its span */
        const char *implied = tv_entry_attr(t, "agent");
        if (!agent && implied &&
            !(subj && (!strcmp(subj->sector, "INS") || !strcmp(subj->sector, "REB") || !strcmp(subj->sector, "UAF")))) {
            tv_actor *ia = tv_arena_alloc(k->doc->arena, sizeof *ia);
            if (ia) {
                memset(ia, 0, sizeof *ia);
                snprintf(ia->code, sizeof ia->code, "%.20s", implied);
                snprintf(ia->sector, sizeof ia->sector, "%.3s", implied);
                ia->kind = TV_ACT_ROLE;
                ia->tok_first = ia->head_tok = m->tok_end - 1;
                ia->tok_end = m->tok_end;
                ia->sentence = s;
                ia->span.start = k->x->tok[m->tok_end - 1].start;
                ia->span.end = k->x->tok[m->tok_end - 1].end;
                ia->pair = ia->coord = -1;
                agent = ia;
            }
        }
        if (!agent) {
            agent = actor_introduced(k, m->tok_end, s, PAR, TV_ARRAY_LEN(PAR));
        }
        /* "a dispersé la foule à l'aide de canons à eau": an instrument's
           user is the clause's subject, not the nearest noun */
        bool instrument = false; /* "… à l'aide de canons à eau et de gaz" */
        for (uint32_t j = m->tok_first; !agent && j >= 2 && j > k->x->sent[s].tok_first && m->tok_first - j < 8; j--) {
            if (is_clause_break(k->x, j - 1))
                break;
            if ((word_at(k->x, j - 1, "de") || word_at(k->x, j - 1, "d'")) &&
                (word_at(k->x, j - 2, "aide") || word_at(k->x, j - 2, "moyen") || word_at(k->x, j - 2, "coups"))) {
                instrument = true;
                break;
            }
        }
        if (instrument) {
            for (size_t i = k->alo; i < k->ahi; i++) {
                const tv_actor *a = &k->act[i];
                if (a->sentence == s && a->tok_end <= m->tok_first && codes_alone(a) && !after_preposition(k->x, a) &&
                    !actor_is_source(k, a)) {
                    subj = a;
                    break;
                }
            }
        }
        /* "la police a arrêté des manifestants", "X a dénoncé l'attaque":
           the clause's subject does what the verb between says, not what
           the noun names */
        bool verb_between = false;
        for (size_t i = k->mlo; subj && i < k->mhi; i++) {
            const tv_match *o = &k->doc->matches[i];
            if (o->entry->cls_id == k->c.trigger && o->tok_first >= subj->tok_end && o->tok_end <= m->tok_first &&
                (attr_is(o->entry, "pos", "verb") || attr_is(o->entry, "pos", "support")))
                verb_between = true;
        }
        if (agent) {
            add_with_pair(k, e, agent, TV_ROLE_ACTOR);
        } else if (subj && !e->anaphor && !verb_between) {
            add_with_pair(k, e, subj, TV_ROLE_ACTOR);
        }
        if (patient)
            add_with_pair(k, e, patient, TV_ROLE_RECIPIENT);
        /* "appel de X à Y", "attaque contre Y" */
        uint32_t after_agent = agent ? agent->tok_end : m->tok_end;
        const tv_actor *to = NULL;
        bool with = fam == 4 || fam == 5 || fam == 6 || fam == 7;
        if ((with && (word_at(k->x, after_agent, "avec") || word_at(k->x, after_agent, "with"))) ||
            word_at(k->x, after_agent, "contre") || word_at(k->x, after_agent, "a") ||
            word_at(k->x, after_agent, "aux") || word_at(k->x, after_agent, "au") ||
            word_at(k->x, after_agent, "against") || word_at(k->x, after_agent, "sur") ||
            /* English: "sanctions on Russia", "aid for Ukraine", "attacks at X" */
            (is_en(k) && (word_at(k->x, after_agent, "on") || word_at(k->x, after_agent, "for") ||
                          word_at(k->x, after_agent, "at"))))
            to = actor_after(k, after_agent + 1, s, true);
        if (to && to != agent)
            add_with_pair(k, e, to, TV_ROLE_RECIPIENT);
    } else if (fam != 1 && is_passive(k, m)) { /* "préoccupé par": the worried one speaks */
        const tv_actor *agent = actor_introduced(k, agent_at(k, m), s, PAR, TV_ARRAY_LEN(PAR));
        if (agent)
            add_with_pair(k, e, agent, TV_ROLE_ACTOR);
        if (subj)
            add_with_pair(k, e, subj, TV_ROLE_RECIPIENT);
    } else {
        if (subj)
            add_with_pair(k, e, subj, TV_ROLE_ACTOR);
        /* a statement has no object party ("préoccupée…, la Russie dit") */
        if (obj && fam != 1 && !attr_is(t, "pos", "adj") && (!subj || strcmp(obj->code, subj->code) != 0))
            add_with_pair(k, e, obj, TV_ROLE_RECIPIENT);
    }
    /* "Il a appelé …": a subject pronoun stands for the previous
       sentence's subject */
    if (!has_role(e, TV_ROLE_ACTOR) && !noun && s > 0 && !k->x->sent[s - 1].headline) {
        uint32_t s0 = k->x->sent[s].tok_first;
        bool pron = false;
        for (uint32_t i = s0; i < m->tok_first; i++)
            if (word_at(k->x, i, "il") || word_at(k->x, i, "elle") || word_at(k->x, i, "ils") ||
                word_at(k->x, i, "elles"))
                pron = true;
        if (pron && !actor_before(k, m->tok_first, s, true))
            for (size_t i = k->alo; i < k->ahi; i++) {
                const tv_actor *a = &k->act[i];
                if (a->sentence == s - 1 && codes_alone(a) && !after_preposition(k->x, a)) {
                    add_with_pair(k, e, a, TV_ROLE_ACTOR);
                    break;
                }
            }
    }
    /* Statements, appeals, demands, accusations… with no subject in the
       clause ("Nous appelons …", a déclaré X) are the speaker's. */
    bool verbal = fam <= 5 || (fam >= 10 && fam <= 13) || fam == 16;
    /* "… compliquer l'application des sanctions, estiment des diplomates":
       who speaks of a sanction did not impose it */
    if (noun && fam == 16)
        verbal = false;
    if (!has_role(e, TV_ROLE_ACTOR) && verbal && claim && claim->actor)
        add_actor(e, claim->actor, TV_ROLE_ACTOR);
}

/* The attribution that governs token t of sentence s: a report/hope/call/…
   source of the same sentence (the nearest one). */
static const source *source_nearest(const coder *k, uint32_t s, uint16_t cls, uint32_t t, bool before_only,
                                    bool with_actor)
{
    const source *best = NULL;
    uint32_t best_d = UINT32_MAX;
    for (size_t i = k->slo; i < k->shi; i++) {
        const source *r = &k->src[i];
        if (r->sentence != s || (cls && r->cls != cls) || (with_actor && !r->actor))
            continue;
        if (before_only && r->end > t)
            continue;
        uint32_t d = r->first > t ? r->first - t : t - r->first;
        if (d < best_d) {
            best = r;
            best_d = d;
        }
    }
    return best;
}

static const source *source_for(const coder *k, uint32_t s, uint16_t cls, uint32_t t, bool before_only)
{
    return source_nearest(k, s, cls, t, before_only, false);
}

static bool negated(const coder *k, const tv_match *m)
{
    const tv_text *x = k->x;
    uint32_t s = x->tok[m->tok_first].sentence;
    for (uint32_t j = m->tok_first; j > 0 && m->tok_first - j < 4; j--) {
        uint32_t i = j - 1;
        if (x->tok[i].sentence != s)
            break;
        if (word_at(x, i, "ne") || word_at(x, i, "n'")) {
            for (uint32_t q = i + 1; q < m->tok_end + 3 && q < x->ntok; q++)
                if (word_at(x, q, "pas") || word_at(x, q, "jamais") || word_at(x, q, "aucun") ||
                    word_at(x, q, "aucune") || word_at(x, q, "guere") || word_at(x, q, "nullement"))
                    return true;
        }
        if (word_at(x, i, "not") || word_at(x, i, "never") || word_at(x, i, "n't"))
            return true;
    }
    return false;
}

/* A hearsay word of the sentence; an adjective ("présumés", "supposé")
   only qualifies the event words right next to it: "une enquête sur des
   crimes présumés" is an asserted enquiry about alleged crimes. */
static bool hearsay_for(const coder *k, uint32_t s, const tv_match *m)
{
    static const char *const adj[] = {"presume", "presumee", "presumes", "presumees", "suppose", "supposee",
                                      "supposes", "supposees", "pretendu", "pretendue", "pretendus", "pretendues"};
    for (size_t i = k->slo; i < k->shi; i++) {
        const source *r = &k->src[i];
        if (r->sentence != s || r->cls != k->c.hearsay)
            continue;
        if (r->end == r->first + 1 && word_in(k->x, r->first, adj, TV_ARRAY_LEN(adj))) {
            bool near = (r->first >= m->tok_end && r->first - m->tok_end <= 6) ||
                        (r->end <= m->tok_first && m->tok_first - r->end <= 1);
            if (!near)
                continue;
        }
        return true;
    }
    return false;
}

static uint8_t modality_of(const coder *k, const tv_event *e, const tv_match *m)
{
    uint32_t s = k->x->tok[m->tok_first].sentence;
    int fam = family(e->cameo);
    /* "a appelé … à la retenue et proposé sa médiation", "a rejeté ces
       accusations et dénoncé …": a participle coordinated after "et" is a
       second assertion, not what is called for, hoped or denied */
    uint32_t from = 0;
    if (m->morph && strstr(m->morph, "ppas") && m->tok_first > 0 && word_at(k->x, m->tok_first - 1, "et") &&
        !attr_is(m->entry, "pos", "noun"))
        from = m->tok_first;
    const source *den = source_for(k, s, k->c.denial, m->tok_first, true);
    if (negated(k, m) || (den && den->end > from))
        return TV_MOD_DENIED;
    const source *hope = source_for(k, s, k->c.hope, m->tok_first, true);
    if (hope && hope->end > from)
        return TV_MOD_HOPED;
    if (fam == 2 || fam == 10)
        return TV_MOD_CALLED_FOR;
    const source *call = source_for(k, s, k->c.call, m->tok_first, true);
    if (call && call->end > from)
        return TV_MOD_CALLED_FOR;
    const source *fut = source_for(k, s, k->c.future, m->tok_first, true);
    if ((fut && m->tok_first - fut->end <= 4 && !attr_is(fut->entry, "side", "after")) ||
        (m->morph && strstr(m->morph, "ifut")))
        return TV_MOD_FUTURE;
    /* "le cessez-le-feu … doit entrer en vigueur dimanche" */
    for (size_t i = k->slo; i < k->shi; i++) {
        const source *r = &k->src[i];
        if (r->sentence == s && r->cls == k->c.future && attr_is(r->entry, "side", "after") &&
            r->first >= m->tok_end && r->first - m->tok_end <= 10 && !attr_is(m->entry, "pos", "verb"))
            return TV_MOD_FUTURE;
    }
    if (hearsay_for(k, s, m) || (m->morph && strstr(m->morph, "cond")))
        return TV_MOD_REPORTED;
    return TV_MOD_ASSERTED;
}

/* ---- sources (attribution) -----------------------------------------------*/
/* "a-t-il", "a-t-elle", "ont-ils", "affirme-t-on": a verb with its subject
   pronoun after it */
static bool pronoun_inversion(const tv_text *x, uint32_t i)
{
    const tv_token *t = &x->tok[i];
    const char *w = tv_tok_norm(x, t);
    size_t n = tv_tok_nlen(t);
    static const char *const tails[] = {"-t-il", "-t-elle", "-ils", "-elles", "-il", "-elle"};
    for (size_t j = 0; j < TV_ARRAY_LEN(tails); j++) {
        size_t l = strlen(tails[j]);
        if (n > l && memcmp(w + n - l, tails[j], l) == 0)
            return true;
    }
    return false;
}
static int find_sources(coder *k, tv_arena *a, treve_error *err)
{
    const tv_text *x = k->x;
    tv_vec v;
    tv_vec_init(&v, sizeof(source), 1u << 20);
    for (size_t i = 0; i < k->doc->nmatches; i++) {
        const tv_match *m = &k->doc->matches[i];
        uint16_t cls = m->entry->cls_id;
        view(k, x->tok[m->tok_first].sentence);
        if (cls != 0 && cls == k->c.trigger && m->tok_first >= 2 && incise_at(x, m->tok_first - 2) &&
            (attr_is(m->entry, "pos", "verb") || attr_is(m->entry, "pos", "support")) &&
            (family(m->entry->code) == 1 || family(m->entry->code) == 11) &&
            (i == 0 || k->doc->matches[i - 1].tok_first != m->tok_first)) {
            /* ", a accusé le ministre ukrainien": a statement or accusation
               verb in an inverted incise also says who reports the clause
               before it */
            uint32_t sn = x->tok[m->tok_first].sentence;
            const tv_actor *who = actor_after(k, m->tok_end, sn, false);
            uint32_t gap_end = m->tok_end + 1;
            for (size_t t = k->tlo; t < k->thi; t++) /* ", a accusé mardi X" */
                if (k->doc->times[t].tok_first <= m->tok_end + 1 && k->doc->times[t].tok_end > m->tok_end)
                    gap_end = k->doc->times[t].tok_end + 1;
            if (who && who->tok_first <= gap_end) {
                source *r = tv_vec_push(&v, a);
                if (!r)
                    return tv_fail(err, TREVE_ENOMEM, "too many attributions", 0, 0);
                *r = (source){.cls = k->c.report, .entry = m->entry, .first = m->tok_first, .end = m->tok_end,
                              .actor = who, .sentence = sn, .morph = m->morph, .inverted = true};
            }
            continue;
        }
        if (!(cls == k->c.report || cls == k->c.hope || cls == k->c.call || cls == k->c.denial ||
              cls == k->c.hearsay || cls == k->c.future) || cls == 0)
            continue;
        if (i > 0 && k->doc->matches[i - 1].tok_first == m->tok_first && k->doc->matches[i - 1].entry->cls_id == cls)
            continue; /* one source per words */
        source *r = tv_vec_push(&v, a);
        if (!r)
            return tv_fail(err, TREVE_ENOMEM, "too many attributions", 0, 0);
        r->cls = cls;
        r->entry = m->entry;
        r->first = m->tok_first;
        r->end = m->tok_end;
        r->sentence = x->tok[m->tok_first].sentence;
        r->morph = m->morph;
        /* who: "selon X" → after; ", a déclaré X" (inversion after a quote or
           a comma) → after; "X a déclaré" → before */
        const tv_actor *who = NULL;
        bool side_after = attr_is(m->entry, "side", "after");
        uint32_t prev = m->tok_first;
        while (prev > 0 && x->tok[prev - 1].sentence == r->sentence &&
               (word_at(x, prev - 1, "a") || word_at(x, prev - 1, "ont") || word_at(x, prev - 1, "avait") ||
                word_at(x, prev - 1, "avaient") || word_at(x, prev - 1, "aurait") || word_at(x, prev - 1, "has") ||
                word_at(x, prev - 1, "have") || word_at(x, prev - 1, "had") || word_at(x, prev - 1, "se") ||
                word_at(x, prev - 1, "s'") || word_at(x, prev - 1, "aussi") || word_at(x, prev - 1, "egalement")))
            prev--;
        /* inverted after a quotation, or after a comma when the speaker
           follows the verb at once (", a indiqué le ministère") */
        bool inverted = false;
        if (prev > 0 && x->tok[prev - 1].sentence == r->sentence) {
            if (x->tok[prev - 1].kind == TV_TOK_QUOTE) {
                inverted = true;
            } else if (word_at(x, prev - 1, ",")) {
                const tv_actor *next = actor_after(k, m->tok_end, r->sentence, false);
                uint32_t gap_end = m->tok_end + 1;
                for (size_t t = k->tlo; t < k->thi; t++) /* ", a annoncé mardi matin X" */
                    if (k->doc->times[t].tok_first <= m->tok_end + 1 && k->doc->times[t].tok_end > m->tok_end)
                        gap_end = k->doc->times[t].tok_end + 1;
                inverted = next && next->tok_first <= gap_end;
                /* ", a annoncé le maire de la capitale, Vitali Klitschko": a
                   definite noun phrase naming a speaker follows the verb */
                if (!inverted && gap_end <= x->ntok && gap_end >= 1) {
                    uint32_t d = gap_end - 1;
                    bool def = word_at(x, d, "le") || word_at(x, d, "la") || word_at(x, d, "les") ||
                               word_at(x, d, "l'");
                    for (size_t a2 = k->alo; def && a2 < k->ahi; a2++)
                        if (k->act[a2].head_tok == d + 1 && k->act[a2].kind != TV_ACT_ADJ)
                            inverted = true;
                }
            }
        }
        /* English puts the speaker of an incise before its verb: ", the
           ministry said", '"…," the army said' — the speaker right after the
           comma or quote reports the clause before, and is no party of it */
        bool en_pronoun = false;
        if (is_en(k) && cls == k->c.report && !side_after && !inverted && prev >= 2 &&
            x->tok[prev - 1].sentence == r->sentence) {
            if ((word_at(x, prev - 1, "he") || word_at(x, prev - 1, "she") || word_at(x, prev - 1, "it") ||
                 word_at(x, prev - 1, "they")) &&
                x->tok[prev - 2].sentence == r->sentence &&
                (word_at(x, prev - 2, ",") || x->tok[prev - 2].kind == TV_TOK_QUOTE)) {
                en_pronoun = true; /* ", he said": the speaker already named */
            } else {
                const tv_actor *sp = NULL;
                for (size_t a2 = k->alo; a2 < k->ahi; a2++)
                    if (k->act[a2].tok_end == prev && k->act[a2].sentence == r->sentence &&
                        k->act[a2].kind != TV_ACT_ADJ && (!sp || k->act[a2].tok_first < sp->tok_first))
                        sp = &k->act[a2];
                if (sp) {
                    uint32_t b = sp->tok_first;
                    while (b > x->sent[r->sentence].tok_first &&
                           (word_at(x, b - 1, "the") || word_at(x, b - 1, "his") || word_at(x, b - 1, "her") ||
                            word_at(x, b - 1, "its") || word_at(x, b - 1, "their")))
                        b--;
                    if (b > x->sent[r->sentence].tok_first &&
                        (word_at(x, b - 1, ",") || x->tok[b - 1].kind == TV_TOK_QUOTE)) {
                        r->actor = sp;
                        r->inverted = true;
                        continue;
                    }
                }
            }
        }
        /* "…", a-t-il ajouté: the pronoun is the speaker already named */
        if (cls == k->c.report && (en_pronoun || pronoun_inversion(x, m->tok_first) ||
                                   (prev > 0 && x->tok[prev - 1].sentence == r->sentence && pronoun_inversion(x, prev - 1)))) {
            for (size_t q = v.len - 1; q > 0 && !who; q--) {
                const source *o = &((const source *)v.data)[q - 1];
                if (o->cls == k->c.report && o->actor && o->sentence + 4 >= r->sentence)
                    who = o->actor;
            }
            /* else the subject of the sentences before ("Le ministre … a
               parlé à Paris. « … », a-t-il ajouté.") */
            for (uint32_t ss = r->sentence; !who && ss > 0 && r->sentence - ss < 4; ss--)
                for (size_t q = k->act_at[ss - 1]; q < k->act_at[ss] && !who; q++) {
                    const tv_actor *a0 = &k->act[q];
                    if (codes_alone(a0) && !after_preposition(x, a0) && !x->sent[a0->sentence].headline)
                        who = a0;
                }
            r->actor = who;
            r->inverted = true;
            continue;
        }
        if (cls == k->c.report && (side_after || inverted)) {
            who = actor_after(k, m->tok_end, r->sentence, false);
            /* "selon les autorités régionales, trois personnes …": the
               speaker is the phrase right after, not a later actor */
            if (who && side_after && !inverted && who->tok_first > m->tok_end + 2)
                who = NULL;
        } else if (cls == k->c.report || cls == k->c.denial) {
            who = actor_before_within(k, m->tok_first, r->sentence, false, 40);
            if (!who)
                who = actor_after(k, m->tok_end, r->sentence, false);
        } else if (cls == k->c.hope || cls == k->c.call) {
            who = actor_before(k, m->tok_first, r->sentence, false);
        }
        r->actor = who;
        r->inverted = inverted;
    }
    k->src = v.data;
    k->nsrc = v.len;
    return TREVE_OK;
}

/* The claimant of sentence s: its report source with an actor (the one
   nearest t), else none. */
static const source *claim_for(const coder *k, uint32_t s, uint32_t t)
{
    return source_nearest(k, s, k->c.report, t, false, true);
}

/* ---- time ----------------------------------------------------------------*/
/* Each DATE/TIME expression of a sentence belongs to its nearest trigger;
   one right after a report verb belongs to the report ("a annoncé mardi"). */
/* Token distance from a time to a trigger; a trigger after the time counts
   a little farther: in French news the date mostly follows its event. */
/* Tokens between a and b, each actor mention or time counting as one word. */
static uint32_t chunk_distance(const coder *k, uint32_t a, uint32_t b)
{
    uint32_t d = 0, i = a;
    while (i < b) {
        uint32_t skip = i + 1;
        for (size_t j = k->alo; j < k->ahi; j++)
            if (k->act[j].tok_first == i && k->act[j].tok_end > skip)
                skip = k->act[j].tok_end;
        for (size_t j = k->tlo; j < k->thi; j++)
            if (k->doc->times[j].tok_first == i && k->doc->times[j].tok_end > skip)
                skip = k->doc->times[j].tok_end;
        d++;
        i = skip;
    }
    return d;
}

static uint32_t time_distance(const coder *k, const tv_timex *t, const tv_match *m)
{
    if (t->tok_first >= m->tok_end)
        return chunk_distance(k, m->tok_end, t->tok_first);
    if (m->tok_first >= t->tok_end)
        return chunk_distance(k, t->tok_end, m->tok_first) + 3;
    return 0;
}

static const tv_timex *time_for(const coder *k, const tv_match *m, const tv_match *const *trig, size_t ntrig)
{
    const tv_text *x = k->x;
    uint32_t s = x->tok[m->tok_first].sentence;
    const tv_timex *best = NULL;
    bool best_opening = false;
    for (size_t i = k->tlo; i < k->thi; i++) {
        const tv_timex *t = &k->doc->times[i];
        if (x->tok[t->tok_first].sentence != s || (t->type != TV_TIMEX_DATE && t->type != TV_TIMEX_TIME))
            continue;
        bool after_report = false;
        for (size_t r = k->slo; r < k->shi; r++) {
            const source *src = &k->src[r];
            if (src->sentence == s && src->cls == k->c.report && t->tok_first >= src->end &&
                t->tok_first - src->end <= 1 && !attr_is(src->entry, "side", "after"))
                after_report = true;
        }
        if (after_report)
            continue;
        /* "A l'automne 2020, …": a time opening the sentence dates it all */
        bool opening = t->tok_first <= x->sent[s].tok_first + 2 && t->tok_end < x->ntok &&
                       word_at(x, t->tok_end, ",");
        if (!opening) {
            uint32_t dm = time_distance(k, t, m);
            for (size_t j = 0; j < ntrig; j++) {
                const tv_match *o = trig[j];
                if (!o || o == m || o->tok_first == m->tok_first)
                    continue;
                if (time_distance(k, t, o) < dm)
                    goto next_time;
            }
        } else if (best && !best_opening) {
            continue; /* the event's own time beats the sentence's */
        }
        /* of the times that are this trigger's, the nearest */
        if (!best || (best_opening && !opening) || (!opening && time_distance(k, t, m) < time_distance(k, best, m))) {
            best = t;
            best_opening = opening;
        }
    next_time:;
    }
    return best;
}
#if 0
{
    {
#endif

/* The zone of the event's place, or of its first actor's country. */
static const char *zone_for(const coder *k, const tv_event *e)
{
    if (e->place_entry) {
        const char *tz = tv_entry_attr(e->place_entry, "tz");
        if (tz)
            return tz;
    }
    for (size_t i = 0; i < e->nactors; i++) {
        const char *ctry = e->actors[i].actor->country;
        if (!ctry[0])
            continue;
        for (size_t j = 0; j < k->ncountries; j++) {
            const tv_entry *en = k->countries[j];
            if (strcmp(en->code, ctry) == 0) {
                const char *tz = tv_entry_attr(en, "tz");
                if (tz)
                    return tz;
            }
        }
    }
    return NULL;
}

static const tv_timex *historical_time_near(const coder *k, const tv_match *m, int64_t before)
{
    uint32_t s = k->x->tok[m->tok_first].sentence;
    const tv_timex *best = NULL;
    uint32_t best_d = UINT32_MAX;
    for (size_t i = k->tlo; i < k->thi; i++) {
        const tv_timex *t = &k->doc->times[i];
        if (k->x->tok[t->tok_first].sentence != s || t->start == TV_TIME_NONE ||
            (t->type != TV_TIMEX_DATE && t->type != TV_TIMEX_TIME))
            continue;
        int64_t end = t->end != TV_TIME_NONE ? t->end : t->start;
        if (end >= before)
            continue;
        uint32_t d = time_distance(k, t, m);
        if (d < best_d) {
            best = t;
            best_d = d;
        }
    }
    return best;
}

/* ---- places --------------------------------------------------------------*/
static bool names_actor(const coder *k, const tv_match *p)
{
    for (size_t i = k->alo; i < k->ahi; i++)
        if (p->tok_first >= k->act[i].tok_first && p->tok_first < k->act[i].tok_end && k->act[i].kind != TV_ACT_ADJ)
            return true;
    return false;
}

static bool locative_before(const tv_text *x, uint32_t t, bool country)
{
    /* "à l'Arménie" is a dative: countries take "en", "au", "dans" */
    if (country && t >= 1 && (tv_tok_is(x, &x->tok[t - 1], "a") ||
                              (t >= 2 && tv_tok_is(x, &x->tok[t - 1], "l'") && tv_tok_is(x, &x->tok[t - 2], "a"))))
        return false;
    static const char *const loc[] = {"a", "en", "dans", "au", "aux", "pres", "vers", "sur", "in", "at", "near",
                                      "outside", "inside", "autour", "region", "province", "ville"};
    for (uint32_t back = 1; back <= 2 && back <= t; back++)
        for (size_t i = 0; i < TV_ARRAY_LEN(loc); i++)
            if (tv_tok_is(x, &x->tok[t - back], loc[i]) && !(i == 0 && surface_is(x, t - back, "a")))
                return true; /* "a accusé Bakou": the auxiliary "a" is no "à" */
    return false;
}
static const tv_match *place_for(const coder *k, const tv_match *m)
{
    uint32_t s = k->x->tok[m->tok_first].sentence;
    const tv_match *best = NULL;
    uint32_t best_d = UINT32_MAX;
    for (size_t i = k->mlo; i < k->mhi; i++) {
        const tv_match *p = &k->doc->matches[i];
        if (p->entry->cls_id != k->c.place || k->x->tok[p->tok_first].sentence != s)
            continue;
        /* a capital or a country is an actor ("selon Moscou") unless the
           text puts the event there: "en Arménie", "dans la région de" */
        if (names_actor(k, p) && !locative_before(k->x, p->tok_first, attr_is(p->entry, "precision", "country")))
            continue;
        uint32_t d = p->tok_first > m->tok_first ? p->tok_first - m->tok_first : m->tok_first - p->tok_first;
        if (d < best_d) {
            best = p;
            best_d = d;
        }
    }
    /* "En Ukraine, une attaque … a visé le port d'Odessa": a city or region
       of the same country is more precise than the country */
    if (best && attr_is(best->entry, "precision", "country")) {
        const char *bc = tv_entry_attr(best->entry, "country");
        for (size_t i = k->mlo; bc && i < k->mhi; i++) {
            const tv_match *p = &k->doc->matches[i];
            if (p->entry->cls_id != k->c.place || k->x->tok[p->tok_first].sentence != s ||
                attr_is(p->entry, "precision", "country") || !attr_is(p->entry, "country", bc))
                continue;
            if (names_actor(k, p) && !locative_before(k->x, p->tok_first, false))
                continue;
            best = p;
            break;
        }
    }
    return best;
}

static int place_rank(const tv_entry *e)
{
    if (!e)
        return 9;
    return attr_is(e, "precision", "city") ? 0 : attr_is(e, "precision", "region") ? 1 : 2;
}

/* Two places that cannot be one event's: different countries. */
static bool places_conflict(const tv_event *a, const tv_event *b)
{
    if (!a->place_entry || !b->place_entry)
        return false;
    const char *ca = tv_entry_attr(a->place_entry, "country"), *cb = tv_entry_attr(b->place_entry, "country");
    return ca && cb && strcmp(ca, cb) != 0;
}

/* ---- casualties ----------------------------------------------------------*/
/* Distance from a number to a casualty word; a number after the word
   counts farther ("le bilan s'élève à 12": the figure mostly comes first). */
static uint32_t number_distance(const tv_number *n, const tv_match *m)
{
    /* an active verb takes its toll as object: "tuant au moins trois
       personnes et en blessant 12 autres" */
    bool active = m->morph && (strstr(m->morph, "ppre") || strstr(m->morph, "infi"));
    if (n->tok_end <= m->tok_first)
        return m->tok_first - n->tok_end + (active ? 3 : 0);
    if (n->tok_first >= m->tok_end)
        return (n->tok_first - m->tok_end) + (active ? 0 : 3);
    return 0;
}

static const tv_number *number_for(const coder *k, const tv_match *m)
{
    const tv_text *x = k->x;
    uint32_t s = x->tok[m->tok_first].sentence;
    const tv_number *best = NULL;
    uint32_t best_d = UINT32_MAX;
    for (size_t i = k->nlo; i < k->nhi; i++) {
        const tv_number *n = &k->doc->nums[i];
        if (x->tok[n->tok_first].sentence != s || (n->flags & (TV_NUM_YEAR | TV_NUM_ORDINAL | TV_NUM_PERCENT)))
            continue;
        bool in_time = false;
        for (size_t t = k->tlo; t < k->thi; t++) {
            const tv_timex *tx = &k->doc->times[t];
            if (n->tok_first < tx->tok_end && tx->tok_first < n->tok_end)
                in_time = true;
        }
        if (in_time)
            continue;
        /* "au moins 50 personnes, dont cinq enfants": the subset is not the toll */
        if (best && n->tok_first > 0 && word_at(x, n->tok_first - 1, "dont"))
            continue;
        uint32_t d = number_distance(n, m);
        /* "au moins 12 soldats ont été tués et une vingtaine blessés": a
           figure belongs to the casualty word nearest to it */
        bool other = false;
        for (size_t j = k->mlo; j < k->mhi && !other; j++) {
            const tv_match *o = &k->doc->matches[j];
            if (o->entry->cls_id == k->c.casualty && o->tok_first != m->tok_first &&
                x->tok[o->tok_first].sentence == s && number_distance(n, o) < d)
                other = true;
        }
        if (other)
            continue;
        if (d <= 7 && d < best_d) {
            best = n;
            best_d = d;
        }
    }
    return best;
}

/* The sentence names a natural or accidental hazard (hazards.fr.txt). */
static bool hazard_in(const coder *k, uint32_t s)
{
    for (size_t i = k->mlo; i < k->mhi; i++)
        if (k->c.hazard && k->doc->matches[i].entry->cls_id == k->c.hazard &&
            k->x->tok[k->doc->matches[i].tok_first].sentence == s)
            return true;
    return false;
}

static int add_casualties(coder *k, tv_event *events, size_t nevents, uint32_t s, size_t first_event)
{
    const tv_text *x = k->x;
    /* "les inondations ont fait 217 morts": a hazard's toll joins no event
       of another sentence */
    bool hazard = hazard_in(k, s);
    /* "Le conflit … a fait plus de 6.000 morts depuis fin 2016": in a
       sentence whose events are all background, a toll is background too
       and joins no current event */
    bool background = false;
    for (size_t j = first_event; j < nevents; j++)
        if (!events[j].consumed && events[j].historical)
            background = true;
    for (size_t j = first_event; j < nevents; j++)
        if (!events[j].consumed && !events[j].historical)
            background = false;
    /* the group of the sentence's previous casualty, for an elliptic one
       ("12 soldats ont été tués et une vingtaine blessés") */
    char prev_country[4] = "", prev_sector[4] = "";
    uint32_t prev_end = 0;
    for (size_t i = k->mlo; i < k->mhi; i++) {
        const tv_match *m = &k->doc->matches[i];
        if (m->entry->cls_id != k->c.casualty || x->tok[m->tok_first].sentence != s)
            continue;
        tv_casualty c = {0};
        c.kind = casualty_kind(m->entry->code);
        c.min = c.max = NAN;
        const tv_number *n = number_for(k, m);
        if (n) {
            c.min = n->min;
            c.max = n->max;
            if (isnan(c.min) && isnan(c.max) && !isnan(n->value))
                c.min = c.max = n->value;
        } else {
            /* "un camp de déplacés", "la mort de …": a noun complement, no toll */
            if (!attr_is(m->entry, "unquant", "1") && m->tok_first > 0 &&
                (word_at(x, m->tok_first - 1, "de") || word_at(x, m->tok_first - 1, "d'") ||
                 word_at(x, m->tok_first - 1, "du") || word_at(x, m->tok_first - 1, "la") ||
                 word_at(x, m->tok_first - 1, "le") || word_at(x, m->tok_first - 1, "sa") ||
                 word_at(x, m->tok_first - 1, "son")))
                continue;
            c.unquantified = true;
        }
        /* the group: an actor between the number and the word ("49 soldats
           arméniens ont été tués"), or right after it ("tués parmi les
           civils"), or the subject that concedes the losses */
        const tv_actor *g = NULL;
        uint32_t from = n && n->tok_end <= m->tok_first ? n->tok_end : m->tok_first;
        for (size_t j = k->alo; j < k->ahi; j++) {
            const tv_actor *ac = &k->act[j];
            if (ac->sentence == s && ac->head_tok >= from && ac->tok_end <= m->tok_first && ac->kind != TV_ACT_ADJ)
                g = ac;
        }
        if (!g && n && n->tok_first >= m->tok_end) {
            /* "tuant au moins 12 civils": the noun after the figure */
            for (size_t j = k->alo; j < k->ahi && !g; j++) {
                const tv_actor *ac = &k->act[j];
                if (ac->sentence == s && ac->tok_first >= n->tok_end && ac->tok_first <= n->tok_end + 1 &&
                    ac->kind != TV_ACT_ADJ)
                    g = ac;
            }
        }
        if (!g) {
            const tv_actor *adj = adjective_after(k, m->tok_end, s);
            if (adj)
                g = adj;
        }
        if (!g && (word_at(x, m->tok_end, "parmi") || word_at(x, m->tok_end, "among") ||
                   word_at(x, m->tok_end, "cote") || word_at(x, m->tok_end, "dans")))
            g = actor_after(k, m->tok_end + 1, s, true);
        if (!g && c.unquantified)
            g = actor_before(k, m->tok_first, s, false);
        if (g) {
            memcpy(c.country, g->country, 4);
            memcpy(c.sector, g->sector, 4);
        } else if (n && n->tok_first >= 1 && prev_end && prev_end <= n->tok_first && (prev_country[0] || prev_sector[0])) {
            /* "… tués et une vingtaine blessés": a figure coordinated right
               after an earlier casualty, with no group of its own, counts
               the same group */
            uint32_t b = n->tok_first - 1;
            if (b >= 1 && (word_at(x, b, "une") || word_at(x, b, "un") || word_at(x, b, "des")))
                b--;
            if (word_at(x, b, "et") || word_at(x, b, "and")) {
                memcpy(c.country, prev_country, 4);
                memcpy(c.sector, prev_sector, 4);
            }
        }
        const char *grp = tv_entry_attr(m->entry, "group");
        if (grp && !c.sector[0])
            snprintf(c.sector, sizeof c.sector, "%s", grp);
        const source *cl = claim_for(k, s, m->tok_first);
        c.claimed_by = cl ? cl->actor : (c.unquantified && g && g->kind != TV_ACT_GROUP ? g : NULL);
        /* "trois de ses soldats" (possessive), "dix soldats tués, a indiqué
           l'armée burkinabè" (a force reporting its own losses): the group
           belongs to the claimant's country */
        if (g && !c.country[0] && c.claimed_by && c.claimed_by->country[0]) {
            const tv_token *d0 = &x->tok[g->tok_first];
            bool poss = tv_tok_is(x, d0, "ses") || tv_tok_is(x, d0, "leurs") || tv_tok_is(x, d0, "son") ||
                        tv_tok_is(x, d0, "sa") || tv_tok_is(x, d0, "leur") || tv_tok_is(x, d0, "nos");
            if (poss || (c.sector[0] && strcmp(c.sector, c.claimed_by->sector) == 0))
                memcpy(c.country, c.claimed_by->country, 4);
        }
        memcpy(prev_country, c.country, 4);
        memcpy(prev_sector, c.sector, 4);
        prev_end = m->tok_end;
        uint32_t span_first = n && n->tok_end <= m->tok_first ? n->tok_first : m->tok_first;
        c.span.start = x->tok[span_first].start;
        c.span.end = x->tok[m->tok_end - 1].end;
        if (n && n->span.start < c.span.start)
            c.span.start = n->span.start;

        /* the violent event it belongs to: same sentence first, else the
           latest current one before */
        tv_event *target = NULL;
        for (size_t j = nevents; j > 0; j--) {
            tv_event *e = &events[j - 1];
            int fam = family(e->cameo);
            if (background) {
                if (j - 1 < first_event)
                    break;
                if (!e->consumed && e->historical && fam >= 18) {
                    target = e;
                    break;
                }
                continue;
            }
            if (e->consumed || (fam < 18 && strcmp(e->cameo, "175") != 0) || e->historical)
                continue;
            if (hazard && j - 1 < first_event)
                break;
            target = e; /* the latest: this sentence's when it has one */
            break;
        }
        if (!target)
            continue;
        /* "Douze soldats nigériens ont été tués dans une attaque jihadiste":
           in a one-sided attack the group hit is its target, not its actor */
        if (g && g->code[0] && g->kind != TV_ACT_ADJ && !target->recip && family(target->cameo) >= 18) {
            bool acting_other = false, found = false;
            for (size_t j = 0; j < target->nactors; j++) {
                const tv_actor *o = target->actors[j].actor;
                bool same = strcmp(o->code, g->code) == 0;
                if (same)
                    found = true;
                else if (target->actors[j].role == TV_ROLE_ACTOR)
                    acting_other = true;
            }
            (void)acting_other; /* the victims never attack themselves */
            for (size_t j = 0; j < target->nactors; j++)
                if (strcmp(target->actors[j].actor->code, g->code) == 0 && target->actors[j].role == TV_ROLE_ACTOR)
                    target->actors[j].role = TV_ROLE_RECIPIENT;
            if (!found && !has_role(target, TV_ROLE_RECIPIENT) && (g->country[0] || g->kind == TV_ACT_ORG))
                add_actor(target, g, TV_ROLE_RECIPIENT);
        }
        /* the same figure twice ("des pertes … sans en préciser le nombre") */
        bool dup = false;
        for (size_t j = 0; j < target->ncasualties; j++) {
            tv_casualty *o = &target->casualties[j];
            if (o->kind != c.kind || !o->unquantified || !c.unquantified)
                continue;
            if (!c.country[0] || strcmp(o->country, c.country) == 0) {
                dup = true;
            } else if (!o->country[0]) {
                *o = c;
                dup = true;
            }
        }
        if (!dup && target->ncasualties < TV_EVENT_MAX_CASUALTIES)
            target->casualties[target->ncasualties++] = c;
    }
    return TREVE_OK;
}

/* ---- refinement by topic ---------------------------------------------------*/
/* The refine entry (topics.fr.txt) whose code starts trigger code tc. */
static const tv_entry *refine_entry(const coder *k, const char *tc)
{
    for (size_t len = strlen(tc); len >= 3; len--) {
        char form[24];
        int n = snprintf(form, sizeof form, "refine-%.*s", (int)len, tc);
        const tv_entry *out[4];
        size_t found = tv_lexicon_lookup(k->doc->ctx->lex, form, (size_t)n, out, 4);
        for (size_t i = 0; i < found; i++)
            if (out[i]->cls_id == k->c.refine)
                return out[i];
    }
    return NULL;
}

/* A generic appeal/intent/demand/rejection takes the code its complement's
   topic gives; the trigger that gave it is absorbed. */
static const tv_match *refine(const coder *k, tv_event *e, const tv_match *m)
{
    int fam = family(e->cameo);
    const char *key = fam == 2 ? "c02" : fam == 3 ? "c03" : fam == 10 ? "c10" : fam == 12 ? "c12" : NULL;
    if (!key || (strcmp(e->cameo, "020") != 0 && strcmp(e->cameo, "030") != 0 && strcmp(e->cameo, "100") != 0 &&
                 strcmp(e->cameo, "120") != 0))
        return NULL;
    uint32_t s = k->x->tok[m->tok_first].sentence;
    for (size_t i = k->mlo; i < k->mhi; i++) {
        const tv_match *t = &k->doc->matches[i];
        if (t->tok_first < m->tok_end || k->x->tok[t->tok_first].sentence != s)
            continue;
        if (t->entry->cls_id == k->c.topic) {
            const char *code = tv_entry_attr(t->entry, key);
            if (code) {
                snprintf(e->cameo, sizeof e->cameo, "%s", code);
                return t;
            }
        }
        if (t->entry->cls_id == k->c.trigger && family(t->entry->code) == fam && strlen(t->entry->code) >= 3 &&
            strcmp(t->entry->code, e->cameo) != 0 && t->tok_first - m->tok_end <= 6) {
            /* "reçu un appel … avec une demande d'aide": the specific one names it */
            snprintf(e->cameo, sizeof e->cameo, "%s", t->entry->code);
            return t;
        }
        if (t->entry->cls_id == k->c.trigger && family(t->entry->code) != fam) {
            /* a ceasefire, a withdrawal… asked for: de-escalation */
            const char *tc = t->entry->code;
            if (strncmp(tc, "087", 3) == 0 || strncmp(tc, "0256", 4) == 0) {
                snprintf(e->cameo, sizeof e->cameo, "%s",
                         fam == 2 ? "0256" : fam == 3 ? "0356" : fam == 10 ? "1056" : "1246");
                return t;
            }
            /* refine.txt: a released prisoner, talks, aid… asked for */
            const tv_entry *r = refine_entry(k, tc);
            const char *code = r ? tv_entry_attr(r, key) : NULL;
            if (code) {
                snprintf(e->cameo, sizeof e->cameo, "%s", code);
                return t;
            }
            /* "réclame une enquête sur la distribution d'aide": what is
               asked for is the first event word; later words do not refine */
            if (t->tok_first - m->tok_end <= 3)
                return NULL;
        }
    }
    return NULL;
}

/* A threat's complement ("menace … d'une riposte", "menacé de frapper")
   is what is threatened, not an event: absorbed, 130 becomes 138. */
static const tv_match *threat_object(const coder *k, tv_event *e, const tv_match *m)
{
    if (strncmp(e->cameo, "17", 2) == 0) {
        /* "des mandats d'arrêt … pour crimes de guerre": the charge is
           what the legal action is about, not an event of its own */
        uint32_t s = k->x->tok[m->tok_first].sentence;
        for (size_t i = k->mlo; i < k->mhi; i++) {
            const tv_match *t = &k->doc->matches[i];
            if (t->tok_first < m->tok_end || k->x->tok[t->tok_first].sentence != s || t->entry->cls_id != k->c.trigger)
                continue;
            if (t->tok_first - m->tok_end > 14)
                break;
            if (t->tok_first >= 1 && word_at(k->x, t->tok_first - 1, "pour"))
                return t;
        }
        return NULL;
    }
    if (strncmp(e->cameo, "112", 3) == 0) {
        /* "accuse le Rwanda de soutenir les rebelles": what is alleged is
           the accusation's content, not an asserted event */
        uint32_t s = k->x->tok[m->tok_first].sentence;
        bool de = false;
        for (size_t i = k->mlo; i < k->mhi; i++) {
            const tv_match *t = &k->doc->matches[i];
            if (t->tok_first < m->tok_end || k->x->tok[t->tok_first].sentence != s)
                continue;
            if (t->tok_first - m->tok_end > 8)
                break;
            for (uint32_t j = m->tok_end; j < t->tok_first; j++)
                if (word_at(k->x, j, "de") || word_at(k->x, j, "d'"))
                    de = true;
            if (t->entry->cls_id == k->c.trigger && de && family(t->entry->code) < 18)
                return t;
        }
        return NULL;
    }
    if (family(e->cameo) != 13)
        return NULL;
    uint32_t s = k->x->tok[m->tok_first].sentence;
    for (size_t i = k->mlo; i < k->mhi; i++) {
        const tv_match *t = &k->doc->matches[i];
        if (t->tok_first < m->tok_end || k->x->tok[t->tok_first].sentence != s || t->entry->cls_id != k->c.trigger)
            continue;
        if (t->tok_first - m->tok_end > 8)
            break;
        int f = family(t->entry->code);
        if (f >= 18 && f <= 20) {
            if (strcmp(e->cameo, "130") == 0)
                snprintf(e->cameo, sizeof e->cameo, "%s", "138");
            return t;
        }
        if (f != 13)
            break;
    }
    return NULL;
}

/* ---- merging -------------------------------------------------------------*/
static bool same_kind(const char *a, const char *b)
{
    int fa = family(a), fb = family(b);
    /* "attentat" (180) and "l'attaque" (190) in one story: the generic
       fight word is a vaguer mention of the assault */
    if ((fa == 18 && strcmp(b, "190") == 0) || (fb == 18 && strcmp(a, "190") == 0))
        return true;
    if (fa != fb)
        return false;
    if (fa == 18 || fa == 19 || fa == 20)
        return true;
    /* "s'est entretenu" (040) and "par téléphone" (041): the family's
       generic code is a vaguer mention of the specific one */
    if ((strlen(a) == 3 && a[2] == '0') || (strlen(b) == 3 && b[2] == '0'))
        return true;
    return strcmp(a, b) == 0;
}

/* A party that acts in one event and is acted upon in the other: two
   events ("Erevan accuse Bakou", "Bakou accuse Erevan"). */
static bool roles_conflict(const tv_event *a, const tv_event *b)
{
    for (size_t i = 0; i < a->nactors; i++)
        for (size_t j = 0; j < b->nactors; j++) {
            const tv_actor *p = a->actors[i].actor, *q = b->actors[j].actor;
            uint8_t rp = a->actors[i].role, rq = b->actors[j].role;
            if (rp == rq || rp == TV_ROLE_MEDIATOR || rq == TV_ROLE_MEDIATOR)
                continue;
            if (strcmp(p->code, q->code) == 0 ||
                (p->country[0] && strcmp(p->country, q->country) == 0 && (!p->sector[0] || !q->sector[0])))
                return true;
        }
    return false;
}

static bool actors_compatible(const tv_event *a, const tv_event *b, bool headline)
{
    if (!a->nactors || !b->nactors)
        return true;
    int f = family(a->cameo);
    bool reciprocal = f >= 18 && f <= 20;
    if (!reciprocal && roles_conflict(a, b))
        return false;
    /* a headline sums the story up: its event is the body's unless they
       disagree on who did what to whom */
    if (headline && !roles_conflict(a, b))
        return true;
    for (size_t i = 0; i < a->nactors; i++)
        for (size_t j = 0; j < b->nactors; j++) {
            const tv_actor *p = a->actors[i].actor, *q = b->actors[j].actor;
            if (p->country[0] && strcmp(p->country, q->country) == 0)
                return true;
            if (strcmp(p->code, q->code) == 0)
                return true;
        }
    return false;
}

static bool times_compatible(const tv_event *a, const tv_event *b)
{
    if (!a->has_time || !b->has_time || a->time.start == TV_TIME_NONE || b->time.start == TV_TIME_NONE)
        return true;
    int64_t ae = a->time.end != TV_TIME_NONE ? a->time.end : a->time.start + 1;
    int64_t be = b->time.end != TV_TIME_NONE ? b->time.end : b->time.start + 1;
    /* a day of slack: "dans la nuit" and "mardi" are one night */
    return a->time.start < be + 86400 && b->time.start < ae + 86400;
}

static bool is_specific(const tv_actor *a) { return a && a->sector[0]; }

static bool same_bound(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

static void merge_into(tv_event *dst, const tv_event *src)
{
    for (size_t i = 0; i < src->nactors; i++)
        add_actor(dst, src->actors[i].actor, src->actors[i].role);
    if (src->has_time && (!dst->has_time || (src->time.precision && src->time.precision < dst->time.precision)))
        dst->time = src->time, dst->has_time = true;
    /* the most precise place wins ("Guerre en Ukraine" in the headline,
       "Dnipro" in the body) */
    if (src->place && (!dst->place || place_rank(src->place_entry) < place_rank(dst->place_entry))) {
        dst->place = src->place;
        dst->place_entry = src->place_entry;
    }
    for (size_t i = 0; i < src->ncasualties; i++) {
        /* the same figure told twice (headline and body): one claim, the
           most specific group and claimant kept */
        const tv_casualty *c = &src->casualties[i];
        bool dup = false;
        for (size_t j = 0; j < dst->ncasualties && !dup; j++) {
            tv_casualty *o = &dst->casualties[j];
            if (o->kind != c->kind || o->unquantified != c->unquantified || !same_bound(o->min, c->min) ||
                !same_bound(o->max, c->max))
                continue;
            if ((o->country[0] && c->country[0] && strcmp(o->country, c->country) != 0) ||
                (o->claimed_by && c->claimed_by && strcmp(o->claimed_by->code, c->claimed_by->code) != 0 &&
                 strcmp(o->claimed_by->country, c->claimed_by->country) != 0))
                continue;
            dup = true;
            if (!o->country[0] && c->country[0])
                memcpy(o->country, c->country, 4);
            if ((!o->sector[0] || strcmp(o->sector, "IGO") == 0) && c->sector[0])
                memcpy(o->sector, c->sector, 4);
            if (!o->claimed_by)
                o->claimed_by = c->claimed_by;
        }
        if (!dup && dst->ncasualties < TV_EVENT_MAX_CASUALTIES)
            dst->casualties[dst->ncasualties++] = *c;
    }
    if (!dst->claimed_by || (src->claimed_by && !is_specific(dst->claimed_by) && is_specific(src->claimed_by) &&
                             strcmp(src->claimed_by->country, dst->claimed_by->country) == 0))
        dst->claimed_by = src->claimed_by;
    if (src->modality == TV_MOD_ASSERTED)
        dst->modality = TV_MOD_ASSERTED;
    dst->verbal = dst->verbal || src->verbal;
    for (size_t i = 0; i < src->nmentions && dst->nmentions < TV_EVENT_MAX_MENTIONS; i++)
        dst->mentions[dst->nmentions++] = src->mentions[i];
    /* a specific code beats the generic one of the same family (190 → 195);
       an event word's code beats a killing verb's */
    if (dst->killing != src->killing) {
        if (dst->killing)
            memcpy(dst->cameo, src->cameo, sizeof dst->cameo), dst->cameo_entry = src->cameo_entry;
    } else if (strlen(src->cameo) > strlen(dst->cameo) ||
               (strcmp(dst->cameo, "190") == 0 && strcmp(src->cameo, "190") != 0)) {
        memcpy(dst->cameo, src->cameo, sizeof dst->cameo), dst->cameo_entry = src->cameo_entry;
    }
    dst->killing = dst->killing && src->killing;
}

static void merge_events(const tv_text *x, tv_event *ev, size_t n)
{
    /* candidates: the MERGE_WINDOW events before (an article has far fewer;
       the bound keeps a pathological megabyte "article" linear) */
    enum { MERGE_WINDOW = 512 };
    for (size_t i = 1; i < n; i++) {
        if (ev[i].consumed)
            continue;
        for (size_t j = i > MERGE_WINDOW ? i - MERGE_WINDOW : 0; j < i; j++) {
            tv_event *d = &ev[j];
            if (d->consumed || !same_kind(d->cameo, ev[i].cameo) || d->historical != ev[i].historical)
                continue;
            if ((d->modality == TV_MOD_DENIED) != (ev[i].modality == TV_MOD_DENIED))
                continue;
            bool headline = x->sent[d->mentions[0].sentence].headline;
            if (!actors_compatible(d, &ev[i], headline) || !times_compatible(d, &ev[i]) || places_conflict(d, &ev[i]))
                continue;
            merge_into(d, &ev[i]);
            if (ev[i].anaphor) /* taken up again: a real event, not a passing mention */
                d->verbal = true;
            ev[i].consumed = true;
            ev[i].into = (int32_t)j + 1;
            break;
        }
    }
    for (size_t i = 0; i < n; i++) /* refers to nothing coded: not an event of its own */
        if (ev[i].anaphor)
            ev[i].consumed = true;
    /* "Séoul et Tokyo ont condamné ce tir": a reaction (11x, 12x) whose
       object is an event told before ("ce tir", "ces frappes") is aimed at
       whoever did it */
    for (size_t i = 0; i < n; i++) {
        const tv_event *a = &ev[i];
        if (!a->anaphor || !a->into)
            continue;
        const tv_event *d = &ev[a->into - 1];
        for (size_t j = 0; j < n; j++) {
            tv_event *r = &ev[j];
            int f = family(r->cameo);
            if (j == i || (f != 11 && f != 12) || !r->verbal || has_role(r, TV_ROLE_RECIPIENT) ||
                r->mentions[0].sentence != a->mentions[0].sentence || a->trigger_first < r->trigger_end ||
                a->trigger_first > r->trigger_end + 4)
                continue;
            if (r->consumed && r->into) /* the reaction merged into another one */
                r = &ev[r->into - 1];
            for (size_t q = 0; q < d->nactors; q++) {
                const tv_actor *p = d->actors[q].actor;
                bool own = false;
                for (size_t o = 0; o < r->nactors; o++)
                    if (r->actors[o].role == TV_ROLE_ACTOR && p->country[0] &&
                        strcmp(r->actors[o].actor->country, p->country) == 0)
                        own = true;
                if (d->actors[q].role == TV_ROLE_ACTOR && !own)
                    add_actor(r, p, TV_ROLE_RECIPIENT);
            }
        }
    }
}

/* ---- the coder -----------------------------------------------------------*/
static bool weak_ok(const coder *k, const tv_match *m)
{
    if (!attr_is(m->entry, "weak", "1"))
        return true;
    uint32_t s = k->x->tok[m->tok_first].sentence;
    if (k->x->sent[s].headline)
        return true;
    return actor_before(k, m->tok_first, s, false) || actor_after(k, m->tok_end, s, false) ||
           adjective_after(k, m->tok_end, s);
}

static bool needs_ok(const coder *k, const tv_match *m)
{
    const char *need = tv_entry_attr(m->entry, "needs");
    if (!need)
        return true;
    uint32_t s = k->x->tok[m->tok_first].sentence;
    for (size_t i = k->mlo; i < k->mhi; i++) {
        const tv_match *o = &k->doc->matches[i];
        if (o == m || k->x->tok[o->tok_first].sentence != s)
            continue;
        uint16_t cls = o->entry->cls_id;
        /* "après le début de l'invasion": a reference point is no context */
        bool refpoint = false;
        for (uint32_t b = o->tok_first; b > 0 && o->tok_first - b < 4; b--)
            if (word_at(k->x, b - 1, "debut") || word_at(k->x, b - 1, "depuis") || word_at(k->x, b - 1, "anniversaire"))
                refpoint = true;
        if (refpoint)
            continue;
        if (strcmp(need, "conflict") == 0 &&
            ((cls == k->c.trigger && family(o->entry->code) >= 18) || cls == k->c.casualty || cls == k->c.weapon))
            return true;
        if (strcmp(need, "military") == 0 && (cls == k->c.weapon || (cls == k->c.role && !strcmp(o->entry->code, "MIL"))))
            return true;
    }
    /* "affrontements meurtriers qui ont opposé …": the antecedent is a clash */
    return false;
}

/* Weapons named in the sentence refine a generic fight (190 → 193/194/195). */
static void refine_weapon(const coder *k, tv_event *e, uint32_t s)
{
    if (family(e->cameo) != 19 || (strcmp(e->cameo, "190") != 0 && strcmp(e->cameo, "193") != 0 &&
                                   strcmp(e->cameo, "194") != 0))
        return;
    int best = atoi(e->cameo);
    for (size_t i = k->mlo; i < k->mhi; i++) {
        const tv_match *o = &k->doc->matches[i];
        if (o->entry->cls_id != k->c.weapon || k->x->tok[o->tok_first].sentence != s)
            continue;
        int w = atoi(o->entry->code);
        if (w >= 193 && w <= 195 && w > best)
            best = w;
    }
    snprintf(e->cameo, sizeof e->cameo, "%d", best);
}

/* "dix mois de guerre", "trois jours de combat": the war itself */
static const char *const DURATION[] = {"jours", "jour", "semaines", "semaine", "mois", "ans", "annees", "annee",
                                       "heures", "decennies", "nuits", "nuit"};

/* A violent word used figuratively or as a noun complement:
   - "crimes de guerre", "méthode de guerre", "avion de combat": "guerre" or
     "combat" right after "de" qualifies another noun;
   - "frappé par une grave crise", "frappé d'une interdiction": a violent
     participle whose "par/de" complement names nothing violent (no party,
     weapon, fighting or casualty within five words). */
static bool figurative(const coder *k, const tv_match *m)
{
    const tv_text *x = k->x;
    int fam = family(m->entry->code);
    if (fam < 18)
        return false;
    uint32_t s = x->tok[m->tok_first].sentence;
    /* "viole plusieurs résolutions", "violer la souveraineté": breaking a
       rule, a right or a border is no sexual violence (1821) */
    if (strcmp(m->entry->code, "1821") == 0 && attr_is(m->entry, "pos", "verb")) {
        static const char *const det[] = {"le", "la", "les", "l'", "plusieurs", "des", "sa", "son", "ses", "leur",
                                          "leurs", "un", "une", "notre", "nos", "cette", "ce", "ces", "de", "du"};
        static const char *const rule[] = {
            "resolution", "resolutions", "souverainete", "droit", "droits", "accord", "accords", "loi", "lois",
            "constitution", "espace", "integrite", "frontiere", "frontieres", "embargo", "sanctions", "regles",
            "engagements", "traite", "traites", "charte", "territoire", "eaux", "ligne", "principe", "principes",
            "cessez-le-feu", "treve", "interdiction", "obligations", "normes", "convention", "conventions"};
        uint32_t q = m->tok_end;
        while (q < x->ntok && q < m->tok_end + 3 && word_in(x, q, det, TV_ARRAY_LEN(det)))
            q++;
        if (q < x->ntok && x->tok[q].sentence == s && word_in(x, q, rule, TV_ARRAY_LEN(rule)))
            return true;
    }
    if (m->tok_end == m->tok_first + 1 && m->tok_first >= 2 &&
        (word_at(x, m->tok_first, "guerre") || word_at(x, m->tok_first, "guerres") ||
         word_at(x, m->tok_first, "combat")) &&
        (word_at(x, m->tok_first - 1, "de") || word_at(x, m->tok_first - 1, "d'")) &&
        x->tok[m->tok_first - 2].kind == TV_TOK_WORD && x->tok[m->tok_first - 2].sentence == s &&
        !word_in(x, m->tok_first - 2, DURATION, TV_ARRAY_LEN(DURATION)) &&
        !(m->tok_end < x->ntok && (word_at(x, m->tok_end, "entre") || word_at(x, m->tok_end, "contre"))))
        return true;
    const tv_token *lt = &x->tok[m->tok_end - 1];
    const unsigned char *lp = (const unsigned char *)x->src + lt->start;
    size_t ln = lt->end - lt->start;
    while (ln && (lp[ln - 1] == 's' || lp[ln - 1] == 'e'))
        ln--;
    bool participle = m->tok_end == m->tok_first + 1 && ln >= 2 && lp[ln - 2] == 0xC3 && lp[ln - 1] == 0xA9;
    if (participle && m->tok_end < x->ntok &&
        (word_at(x, m->tok_end, "par") || word_at(x, m->tok_end, "de") || word_at(x, m->tok_end, "d'"))) {
        bool aux = false; /* "a été frappé par" keeps its passive reading below */
        for (uint32_t j = m->tok_first; j > 0 && m->tok_first - j < 3; j--)
            if (x->tok[j - 1].sentence == s && is_aux(x, j - 1) &&
                !(word_at(x, j - 1, "a") && !surface_is(x, j - 1, "a"))) /* "à Bamako" */
                aux = true;
        if (aux && !word_at(x, m->tok_end, "par"))
            return false; /* "a tiré de …" */
        uint32_t lim = m->tok_end + 6;
        for (uint32_t q = m->tok_end + 1; q < lim && q < x->ntok; q++)
            if (x->tok[q].kind == TV_TOK_PUNCT) /* the complement ends at the comma */
                lim = q;
        for (size_t i = k->alo; i < k->ahi; i++)
            if (k->act[i].sentence == s && k->act[i].tok_first > m->tok_end && k->act[i].tok_first <= lim &&
                k->act[i].kind != TV_ACT_ADJ)
                return false;
        for (size_t i = k->mlo; i < k->mhi; i++) {
            const tv_match *o = &k->doc->matches[i];
            if (o->tok_first <= m->tok_end || o->tok_first > lim || x->tok[o->tok_first].sentence != s)
                continue;
            uint16_t c = o->entry->cls_id;
            if (c == k->c.weapon || c == k->c.casualty || c == k->c.role || c == k->c.org ||
                (c == k->c.trigger && family(o->entry->code) >= 18))
                return false;
        }
        return true;
    }
    return false;
}

/* The trigger stands in a condition: "si le mouvement ne se retire pas",
   "s'il attaque" (not "même si", a concession). */
static bool hypothetical(const coder *k, const tv_match *m)
{
    const tv_text *x = k->x;
    uint32_t s = x->tok[m->tok_first].sentence;
    for (uint32_t j = m->tok_first; j > x->sent[s].tok_first && m->tok_first - j < 10; j--) {
        uint32_t i = j - 1;
        if (x->tok[i].kind == TV_TOK_PUNCT || word_at(x, i, "que") || word_at(x, i, "qui"))
            return false;
        if (word_at(x, i, "si") && !(i > 0 && word_at(x, i - 1, "meme")))
            return true;
        /* English "if", "unless" (not "even if", "as if") */
        if (is_en(k) && (word_at(x, i, "if") || word_at(x, i, "unless")) &&
            !(i > 0 && (word_at(x, i - 1, "even") || word_at(x, i - 1, "as"))))
            return true;
        if (word_at(x, i, "s'") && (word_at(x, i + 1, "il") || word_at(x, i + 1, "ils")))
            return true;
    }
    /* "en cas d'attaque", "en cas de nouvelle agression": a noun trigger
       after "en cas de" is a condition too */
    for (uint32_t j = m->tok_first; j > x->sent[s].tok_first + 1 && m->tok_first - j < 3; j--)
        if ((word_at(x, j - 1, "de") || word_at(x, j - 1, "d'")) && word_at(x, j - 2, "cas") && j >= 3 &&
            word_at(x, j - 3, "en"))
            return true;
    return false;
}

/* ", a exhorté le ministère" after a quotation reports it: the quotation
   holds the event, the verb only says who speaks. */
static bool reporting_verb(const coder *k, const tv_match *m)
{
    for (size_t i = k->slo; i < k->shi; i++) {
        const source *r = &k->src[i];
        if (r->first == m->tok_first && r->inverted && (r->cls == k->c.report || r->cls == k->c.call)) {
            const tv_sentence *s = &k->x->sent[r->sentence];
            for (uint32_t t = s->tok_first; t < r->first; t++)
                if (k->x->tok[t].kind == TV_TOK_QUOTE)
                    return true;
        }
    }
    return false;
}

/* Trigger t lies within a topic match found after token from (same sentence). */
static bool overlaps_topic(const coder *k, const tv_match *t, uint32_t from)
{
    uint32_t s = k->x->tok[t->tok_first].sentence;
    for (size_t i = k->mlo; i < k->mhi; i++) {
        const tv_match *o = &k->doc->matches[i];
        if (o->entry->cls_id != k->c.topic || o->tok_first < from || k->x->tok[o->tok_first].sentence != s)
            continue;
        if (t->tok_first < o->tok_end && o->tok_first < t->tok_end)
            return true;
    }
    return false;
}

/* Per-sentence start indices of an array ordered by sentence. */
static size_t *index_by_sentence(tv_arena *a, size_t nsent, size_t n, const void *base, size_t elem,
                                 uint32_t (*sentence_of)(const coder *, const void *), const coder *k)
{
    size_t *at = tv_arena_array(a, nsent + 2, sizeof *at);
    if (!at)
        return NULL;
    size_t i = 0;
    for (size_t s = 0; s <= nsent; s++) {
        while (i < n && sentence_of(k, (const char *)base + i * elem) < s)
            i++;
        at[s] = i;
    }
    at[nsent + 1] = n;
    return at;
}

static uint32_t actor_sentence(const coder *k, const void *p) { (void)k; return ((const tv_actor *)p)->sentence; }
static uint32_t source_sentence(const coder *k, const void *p) { (void)k; return ((const source *)p)->sentence; }
static uint32_t match_sentence(const coder *k, const void *p) { return k->x->tok[((const tv_match *)p)->tok_first].sentence; }
static uint32_t timex_sentence(const coder *k, const void *p) { return k->x->tok[((const tv_timex *)p)->tok_first].sentence; }
static uint32_t number_sentence(const coder *k, const void *p) { return k->x->tok[((const tv_number *)p)->tok_first].sentence; }

/* Sets the view to sentences [s-1, s+1]. */
static void view(coder *k, uint32_t s)
{
    size_t lo = s > 0 ? s - 1 : 0, hi = (size_t)s + 2 <= k->x->nsent ? (size_t)s + 2 : k->x->nsent;
    k->alo = k->act_at[lo], k->ahi = k->act_at[hi];
    k->mlo = k->mat_at[lo], k->mhi = k->mat_at[hi];
    k->tlo = k->tim_at[lo], k->thi = k->tim_at[hi];
    k->nlo = k->num_at[lo], k->nhi = k->num_at[hi];
    if (k->src_at) {
        k->slo = k->src_at[lo];
        k->shi = k->src_at[hi];
    }
}

int tv_events_code(treve_doc *doc, treve_error *err)
{
    coder k = {.doc = doc, .x = &doc->text};
    tv_classes_init(doc->ctx->lex, &k.c);
    int rc = tv_actors_find(doc, doc->arena, &k.act, &k.nact, err);
    if (rc != TREVE_OK)
        return rc;
    doc->actors = k.act;
    doc->nactors = k.nact;
    size_t ns = k.x->nsent;
    k.act_at = index_by_sentence(doc->arena, ns, k.nact, k.act, sizeof *k.act, actor_sentence, &k);
    k.mat_at = index_by_sentence(doc->arena, ns, doc->nmatches, doc->matches, sizeof *doc->matches, match_sentence, &k);
    k.tim_at = index_by_sentence(doc->arena, ns, doc->ntimes, doc->times, sizeof *doc->times, timex_sentence, &k);
    k.num_at = index_by_sentence(doc->arena, ns, doc->nnums, doc->nums, sizeof *doc->nums, number_sentence, &k);
    if (!k.act_at || !k.mat_at || !k.tim_at || !k.num_at)
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    rc = find_sources(&k, doc->arena, err);
    if (rc != TREVE_OK)
        return rc;
    k.src_at = index_by_sentence(doc->arena, ns, k.nsrc, k.src, sizeof *k.src, source_sentence, &k);
    for (size_t i = 0; i < doc->nmatches && k.ncountries < TV_ARRAY_LEN(k.countries); i++) {
        const tv_entry *en = doc->matches[i].entry;
        bool seen = en->cls_id != k.c.country;
        for (size_t j = 0; j < k.ncountries && !seen; j++)
            seen = strcmp(k.countries[j]->code, en->code) == 0;
        if (!seen)
            k.countries[k.ncountries++] = en;
    }
    if (!k.src_at)
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    const tv_text *x = k.x;
    tv_vec_init(&k.events, sizeof(tv_event), 100000);
    const tv_match **trig = tv_arena_array(doc->arena, 2 * doc->nmatches + 2, sizeof *trig);
    bool *absorbed = tv_arena_array(doc->arena, doc->nmatches + 1, sizeof *absorbed);
    if (!trig || !absorbed)
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);

    size_t mi = 0;
    int64_t hist_before = doc->published == TV_TIME_NONE ? TV_TIME_NONE : doc->published - 30 * 86400;
    bool prev_hist = false;
    tv_timex prev_hist_time;
    uint32_t prev_para = UINT32_MAX;
    for (uint32_t s = 0; s < x->nsent; s++) {
        view(&k, s);
        /* triggers of sentence s (one per word group: the most specific code) */
        size_t ntrig = 0;
        size_t m0 = mi;
        while (mi < doc->nmatches && x->tok[doc->matches[mi].tok_first].sentence == s)
            mi++;
        for (size_t i = m0; i < mi; i++) {
            const tv_match *m = &doc->matches[i];
            if (m->entry->cls_id != k.c.trigger || absorbed[i])
                continue;
            if (ntrig && trig[ntrig - 1]->tok_first == m->tok_first) {
                size_t lm = strlen(m->entry->code), lp = strlen(trig[ntrig - 1]->entry->code);
                /* "ont en revanche frappé": after an auxiliary the verb
                   reading beats the noun "frappe" */
                bool verb_here = false;
                if (lm == lp && attr_is(m->entry, "pos", "verb") && attr_is(trig[ntrig - 1]->entry, "pos", "noun") &&
                    m->morph && strstr(m->morph, "ppas"))
                    for (uint32_t b = m->tok_first; b > x->sent[s].tok_first && m->tok_first - b < 4; b--)
                        if (surface_aux(x, b - 1))
                            verb_here = true;
                /* "des frappes israéliennes": after a determiner the noun
                   reading beats the verb "frapper" */
                bool noun_here = false;
                if (lm == lp && attr_is(m->entry, "pos", "noun") && attr_is(trig[ntrig - 1]->entry, "pos", "verb") &&
                    m->tok_first > x->sent[s].tok_first) {
                    static const char *const dets[] = {"un", "une", "des", "les", "la", "le", "l'", "ces", "de",
                                                       "d'", "du", "sa", "son", "ses", "leur", "leurs", "cette"};
                    for (size_t d = 0; d < TV_ARRAY_LEN(dets); d++)
                        if (word_at(x, m->tok_first - 1, dets[d]))
                            noun_here = true;
                    for (size_t d = 0; is_en(&k) && d < TV_ARRAY_LEN(EN_DETS); d++)
                        if (word_at(x, m->tok_first - 1, EN_DETS[d]))
                            noun_here = true;
                }
                if (lm > lp || verb_here || noun_here)
                    trig[ntrig - 1] = m;
                continue;
            }
            if (!weak_ok(&k, m) || !needs_ok(&k, m) || reporting_verb(&k, m) || figurative(&k, m) ||
                hypothetical(&k, m))
                continue;
            /* "l'ONU alerte sur …": a noun form right after an actor, with no
               determiner of its own, is the verb (here with no trigger) */
            if (attr_is(m->entry, "pos", "noun") && m->tok_end == m->tok_first + 1 && m->tok_first > 0) {
                bool after_actor = false;
                for (size_t a = k.alo; a < k.ahi; a++)
                    if (k.act[a].tok_end == m->tok_first && k.act[a].sentence == s && k.act[a].kind != TV_ACT_ADJ &&
                        k.act[a].kind != TV_ACT_ROLE)
                        after_actor = true;
                if (after_actor)
                    continue;
            }
            /* "la guérilla de l'ELN", "la rébellion du M23": a noun that is
               also an armed group, followed by the group's name, is the
               group, not fighting */
            if (attr_is(m->entry, "pos", "noun") && m->tok_end < x->ntok &&
                (word_at(x, m->tok_end, "de") || word_at(x, m->tok_end, "d'") || word_at(x, m->tok_end, "du") ||
                 word_at(x, m->tok_end, "des"))) {
                bool group = false;
                for (size_t a = k.alo; a < k.ahi && !group; a++) {
                    const tv_actor *ac = &k.act[a];
                    if (ac->sentence != s || ac->head_tok != m->tok_first || ac->tok_end < m->tok_end ||
                        !nonstate(ac->sector))
                        continue;
                    for (size_t b = k.alo; b < k.ahi && !group; b++)
                        if (k.act[b].sentence == s && k.act[b].kind == TV_ACT_ORG &&
                            k.act[b].tok_first > m->tok_end && k.act[b].tok_first <= m->tok_end + 2)
                            group = true;
                    if (!group && m->tok_end + 1 < x->ntok) { /* a name: "de l'ELN", "du M23" */
                        uint32_t q = m->tok_end + 1;
                        if (word_at(x, q, "l'") || word_at(x, q, "la") || word_at(x, q, "le"))
                            q++;
                        if (q < x->ntok && x->tok[q].sentence == s && x->tok[q].kind == TV_TOK_WORD) {
                            const unsigned char *c0 = (const unsigned char *)x->src + x->tok[q].start;
                            group = *c0 >= 'A' && *c0 <= 'Z';
                        }
                    }
                }
                if (group)
                    continue;
            }
            /* "sa cible", "une frappe": a verb form after a determiner is the noun */
            if (attr_is(m->entry, "pos", "verb") && m->tok_first > 0) {
                static const char *const dets[] = {"un", "une", "des", "sa", "son", "ses", "leur", "leurs",
                                                   "cette", "ce", "du", "au", "aux", "notre", "votre"};
                bool det = false;
                for (size_t d = 0; d < TV_ARRAY_LEN(dets); d++)
                    if (word_at(x, m->tok_first - 1, dets[d]))
                        det = true;
                for (size_t d = 0; is_en(&k) && d < TV_ARRAY_LEN(EN_DETS); d++)
                    if (word_at(x, m->tok_first - 1, EN_DETS[d]))
                        det = true;
                if (det)
                    continue;
            }
            trig[ntrig++] = m;
        }
        /* "Des séparatistes ont tué sept civils": a killing verb (casualty
           entry with event=1) in a sentence with no violent trigger is the
           violent event itself (it merges with the story's others) */
        if (!hazard_in(&k, s)) {
            bool violence = false;
            for (size_t t = 0; t < ntrig && !violence; t++)
                violence = family(trig[t]->entry->code) >= 18;
            for (size_t i = m0; i < mi && !violence; i++) {
                const tv_match *m = &doc->matches[i];
                if (m->entry->cls_id != k.c.casualty || !attr_is(m->entry, "event", "1") || hypothetical(&k, m))
                    continue;
                size_t at = ntrig;
                while (at > 0 && trig[at - 1]->tok_first > m->tok_first)
                    at--;
                memmove(trig + at + 1, trig + at, (ntrig - at) * sizeof *trig);
                trig[at] = m;
                ntrig++;
                violence = true;
            }
        }
        /* every trigger keeps the times nearest to it, even one absorbed
           into an appeal ("le cessez-le-feu (déjà en place depuis 2020)") */
        const tv_match **all_trig = trig + ntrig;
        size_t nall = ntrig;
        memcpy(all_trig, trig, ntrig * sizeof *trig);
        for (size_t i = m0; i < mi; i++) /* what an appeal asks for holds its own times */
            if (doc->matches[i].entry->cls_id == k.c.topic && (i == m0 || doc->matches[i - 1].tok_first != doc->matches[i].tok_first))
                all_trig[nall++] = &doc->matches[i];
        size_t first_event = k.events.len;
        bool any_current = false, any_hist = false;
        for (size_t t = 0; t < ntrig; t++) {
            const tv_match *m = trig[t];
            if (!m)
                continue;
            tv_event *e = tv_vec_push(&k.events, doc->arena);
            if (!e)
                return tv_fail(err, TREVE_ENOMEM, "too many events", 0, 0);
            bool killing = m->entry->cls_id == k.c.casualty;
            e->killing = killing;
            snprintf(e->cameo, sizeof e->cameo, "%s", killing ? "190" : m->entry->code);
            const tv_match *by = killing ? NULL : refine(&k, e, m);
            if (!by)
                by = threat_object(&k, e, m);
            if (by) /* what the appeal asks for is part of the appeal */
                for (size_t u = t + 1; u < ntrig; u++)
                    if (trig[u] && (overlaps_topic(&k, trig[u], m->tok_end) ||
                                    (trig[u]->tok_first >= by->tok_first && trig[u]->tok_first < by->tok_end)))
                        trig[u] = NULL;
            e->verbal = attr_is(m->entry, "pos", "verb") || attr_is(m->entry, "pos", "support");
            e->recip = attr_is(m->entry, "recip", "1");
            e->trigger_first = m->tok_first;
            e->trigger_end = m->tok_end;
            e->mentions[0].sentence = s;
            e->mentions[0].span.start = x->tok[m->tok_first].start;
            e->mentions[0].span.end = x->tok[m->tok_end - 1].end;
            e->nmentions = 1;
            /* "ces accusations", "cette aide": an event already told; it
               joins that event or is dropped, and takes no subject */
            e->anaphor = !e->verbal && m->tok_first > x->sent[s].tok_first &&
                         (word_at(x, m->tok_first - 1, "ces") || word_at(x, m->tok_first - 1, "cette") ||
                          word_at(x, m->tok_first - 1, "cet") || word_at(x, m->tok_first - 1, "ce") ||
                          (is_en(&k) && (word_at(x, m->tok_first - 1, "these") ||
                                         word_at(x, m->tok_first - 1, "those") ||
                                         word_at(x, m->tok_first - 1, "this") ||
                                         /* "calling the accusations lies": "the" + a plural */
                                         (word_at(x, m->tok_first - 1, "the") && m->morph &&
                                          strstr(m->morph, "pl")))));
            const source *claim = claim_for(&k, s, m->tok_first);
            e->claimed_by = claim ? claim->actor : NULL;
            assign_roles(&k, e, m, claim);
            k.dative_ok = false;
            if (killing) {
                /* a killing by a force is military force (190); by anyone
                   else, or by nobody named, unconventional violence (180) */
                bool force = false;
                for (size_t a = 0; a < e->nactors; a++)
                    if (e->actors[a].role == TV_ROLE_ACTOR && strcmp(e->actors[a].actor->sector, "MIL") == 0)
                        force = true;
                if (!force)
                    snprintf(e->cameo, sizeof e->cameo, "180");
            }
            refine_weapon(&k, e, s);
            e->modality = modality_of(&k, e, m);
            e->place = place_for(&k, m);
            e->place_entry = e->place ? e->place->entry : NULL;
            const tv_timex *tm = time_for(&k, m, all_trig, nall);
            if (tm) {
                e->time = *tm;
                e->has_time = true;
            } else if (m->morph && strstr(m->morph, "ppas") && m->tok_first > 0 && word_at(x, m->tok_first - 1, "et") &&
                       !attr_is(m->entry, "pos", "noun")) {
                /* "ont pris d'assaut mardi le Parlement et incendié …": a
                   coordinated participle shares the first verb's time */
                tv_event *all_ev = k.events.data;
                for (size_t j = k.events.len - 1; j > first_event; j--)
                    if (all_ev[j - 1].verbal && all_ev[j - 1].has_time && all_ev[j - 1].trigger_end <= m->tok_first) {
                        e->time = all_ev[j - 1].time;
                        e->has_time = true;
                        break;
                    }
            }
            if (e->has_time && hist_before != TV_TIME_NONE && e->time.start != TV_TIME_NONE) {
                int64_t end = e->time.end != TV_TIME_NONE ? e->time.end : e->time.start;
                if (end < hist_before)
                    e->historical = true;
            }
            if (!e->has_time && hist_before != TV_TIME_NONE &&
                (attr_is(m->entry, "pos", "noun") || attr_is(m->entry, "pos", "phrase"))) {
                /* "à la suite d'un mois et demi de guerre" beside a 2020 date:
                   a nominal mention with no time of its own in a sentence
                   dated in the past is that background */
                const tv_timex *h = historical_time_near(&k, m, hist_before);
                if (h) {
                    e->time = *h;
                    e->has_time = true;
                    e->historical = true;
                }
            }
            if (!e->has_time && prev_hist && x->sent[s].paragraph == prev_para) {
                /* background goes on: "Mais la situation reste depuis …" */
                e->historical = true;
                e->time = prev_hist_time;
                e->has_time = true;
            }
            if (!e->has_time && !e->verbal) {
                /* "le plus important depuis le début de l'invasion": a
                   reference point, not an event of its own */
                for (uint32_t b = m->tok_first; b > x->sent[s].tok_first && m->tok_first - b < 5; b--)
                    if (word_at(x, b - 1, "depuis") || word_at(x, b - 1, "debut") || word_at(x, b - 1, "anniversaire"))
                        e->consumed = true;
            }
            /* "le blocus imposé depuis 2007": a state that began long ago is
               background, dated when it began */
            if (tm && e->has_time && !e->historical && hist_before != TV_TIME_NONE && tm->tok_first > 0 &&
                word_at(x, tm->tok_first - 1, "depuis") && e->time.start != TV_TIME_NONE && e->time.start < hist_before)
                e->historical = true;
            /* "attendue à Kiev la semaine prochaine": dated after the
               publication day, an event is still to come */
            if (!e->historical && e->has_time && e->time.start != TV_TIME_NONE && doc->published != TV_TIME_NONE &&
                e->time.start >= (doc->published / 86400 + 1) * 86400 && e->modality == TV_MOD_ASSERTED)
                e->modality = TV_MOD_FUTURE;
            int efam = family(e->cameo);
            /* "les pluies qui frappent le Niger": violence with nobody acting
               in a sentence naming a natural hazard is the hazard's */
            if (efam >= 18 && !has_role(e, TV_ROLE_ACTOR) && hazard_in(&k, s))
                e->consumed = true;
            /* a visit (042) needs a host: a recipient, or a place abroad */
            if (strncmp(e->cameo, "042", 3) == 0 && !has_role(e, TV_ROLE_RECIPIENT)) {
                const char *pc = e->place_entry ? tv_entry_attr(e->place_entry, "country") : NULL;
                bool abroad = pc != NULL;
                for (size_t a = 0; a < e->nactors && abroad; a++)
                    if (strcmp(e->actors[a].actor->country, pc) == 0)
                        abroad = false;
                if (!abroad)
                    e->consumed = true;
            }
            if (e->historical && e->modality != TV_MOD_DENIED)
                e->modality = TV_MOD_ASSERTED; /* background is recalled as fact */
            const char *zone = zone_for(&k, e);
            if (e->has_time && zone && e->time.type == TV_TIMEX_TIME &&
                (!e->time.zone[0] || strcmp(e->time.zone, doc->zone) == 0))
                tv_timex_relocate(&e->time, zone, NULL);
            if (killing && !e->historical && !has_role(e, TV_ROLE_ACTOR)) {
                /* "L'Azerbaïdjan a bombardé Jermuk. Au moins 12 soldats ont
                   été tués": with nobody named as killing, the killing is
                   the latest violence told before (its time and place join
                   it; the toll follows in add_casualties) */
                tv_event *evs = k.events.data;
                for (size_t j = k.events.len - 1; j > 0; j--)
                    if (!evs[j - 1].consumed && !evs[j - 1].historical && family(evs[j - 1].cameo) >= 18) {
                        merge_into(&evs[j - 1], e);
                        e->consumed = true;
                        break;
                    }
            }
            if (e->historical)
                any_hist = true;
            else
                any_current = true;
        }
        /* a mediation or an agreement beside a ceasefire in one sentence is
           that ceasefire's: the mediator joins it */
        tv_event *ev = k.events.data;
        for (size_t i = first_event; i < k.events.len; i++) {
            if (strcmp(ev[i].cameo, "0871") != 0 || ev[i].consumed)
                continue;
            for (size_t j = first_event; j < k.events.len; j++) {
                if (j == i || ev[j].historical != ev[i].historical || ev[j].consumed)
                    continue;
                if (family(ev[j].cameo) == 4 && (strncmp(ev[j].cameo, "045", 3) == 0 || strncmp(ev[j].cameo, "046", 3) == 0)) {
                    for (size_t a = 0; a < ev[j].nactors; a++)
                        add_actor(&ev[i], ev[j].actors[a].actor, TV_ROLE_MEDIATOR);
                    ev[j].consumed = true;
                } else if (family(ev[j].cameo) == 5 || strcmp(ev[j].cameo, "057") == 0) {
                    merge_into(&ev[i], &ev[j]);
                    ev[j].consumed = true;
                }
            }
        }
        /* "se sont rencontrés à Doha sous la médiation de l'émir du Qatar",
           "un échange de prisonniers grâce à la médiation des Emirats": the
           mediator joins the meeting, talks, agreement or release it made */
        for (size_t j = first_event; j < k.events.len; j++) {
            if (strncmp(ev[j].cameo, "045", 3) != 0 || ev[j].consumed || !ev[j].nactors)
                continue;
            for (size_t i = first_event; i < k.events.len; i++) {
                if (i == j || ev[i].consumed || ev[i].historical != ev[j].historical)
                    continue;
                int f = family(ev[i].cameo);
                bool made = (f == 4 && strncmp(ev[i].cameo, "045", 3) != 0) || f == 5 ||
                            strncmp(ev[i].cameo, "084", 3) == 0 || strcmp(ev[i].cameo, "0871") == 0;
                if (!made)
                    continue;
                for (size_t a = 0; a < ev[j].nactors; a++) {
                    if (ev[j].actors[a].role != TV_ROLE_ACTOR)
                        continue;
                    bool party = false;
                    for (size_t b = 0; b < ev[i].nactors; b++)
                        if (ev[i].actors[b].role != TV_ROLE_MEDIATOR && ev[j].actors[a].actor->country[0] &&
                            strcmp(ev[i].actors[b].actor->country, ev[j].actors[a].actor->country) == 0)
                            party = true;
                    if (!party)
                        add_actor(&ev[i], ev[j].actors[a].actor, TV_ROLE_MEDIATOR);
                }
                ev[j].consumed = true;
                break;
            }
        }
        rc = add_casualties(&k, k.events.data, k.events.len, s, first_event);
        if (rc != TREVE_OK)
            return rc;
        if (x->sent[s].paragraph != prev_para) {
            prev_hist = false;
            prev_para = x->sent[s].paragraph;
        }
        if (any_hist && !any_current) {
            for (size_t i = first_event; i < k.events.len; i++)
                if (((tv_event *)k.events.data)[i].historical) {
                    prev_hist = true;
                    prev_hist_time = ((tv_event *)k.events.data)[i].time;
                    break;
                }
        } else if (any_current) {
            prev_hist = false;
        }
    }

    tv_event *ev = k.events.data;
    size_t n = k.events.len;
    merge_events(x, ev, n);
    /* "Un cessez-le-feu doit entrer en vigueur à 18H00": a ceasefire with
       no party named stops the fighting told before it, between its sides */
    for (size_t i = 0; i < n; i++) {
        if (ev[i].consumed || ev[i].historical || strncmp(ev[i].cameo, "087", 3) != 0 || has_role(&ev[i], TV_ROLE_ACTOR))
            continue;
        for (size_t j = i; j > 0; j--) {
            const tv_event *f = &ev[j - 1];
            if (f->consumed || f->historical || family(f->cameo) < 18)
                continue;
            size_t nparties = 0;
            for (size_t a = 0; a < f->nactors; a++)
                if (f->actors[a].role == TV_ROLE_ACTOR && f->actors[a].actor->country[0])
                    nparties++;
            if (nparties < 2)
                continue;
            for (size_t a = 0; a < f->nactors; a++)
                if (f->actors[a].role == TV_ROLE_ACTOR)
                    add_actor(&ev[i], f->actors[a].actor, TV_ROLE_ACTOR);
            break;
        }
    }
    /* a nominal mention of a non-violent event with nobody acting ("ces
       accusations", "la normalisation") is a reference, not an event; a
       verb with no party at all ("… offre la victoire au PSG") says nothing
       a user can count either (ceasefires excepted: their sides may be
       unnamed) */
    for (size_t i = 0; i < n; i++)
        if (!ev[i].consumed && !ev[i].nactors && family(ev[i].cameo) <= 17 &&
            (!ev[i].verbal || (strncmp(ev[i].cameo, "087", 3) != 0 && !ev[i].place && !ev[i].has_time)))
            ev[i].consumed = true;
    /* "la guerre dure depuis deux ans", "une frappe de Dembélé": violence
       named only by nouns, with no party, no casualty and no place finer
       than a country is a topic, not an event */
    for (size_t i = 0; i < n; i++)
        if (!ev[i].consumed && !ev[i].verbal && !ev[i].nactors && !ev[i].ncasualties && !ev[i].historical &&
            family(ev[i].cameo) >= 18 && place_rank(ev[i].place_entry) >= 2)
            ev[i].consumed = true;
    /* the mediator of a ceasefire is no party to it */
    for (size_t i = 0; i < n; i++) {
        ev[i].cameo_entry = cameo_entry(&k, ev[i].cameo);
        if (!ev[i].has_time && doc->published != TV_TIME_NONE)
            ev[i].has_time = false;
    }
    doc->events = ev;
    doc->nevents = n;
    return TREVE_OK;
}
