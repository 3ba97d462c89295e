/*
 * numbers.c — quantities in text: the NUMBERS stage (contract in numbers.h).
 *
 * Takes the tokens of the text layer and returns tv_number phrases: digits,
 * number words, approximate collectives, vague plurals and the bounds
 * around them, each as {value, min, max, flags} with its byte span.
 *
 * How it works:
 *   - Word tables, one per language, built once (pthread_once) at first
 *     use: ICU's spell-out generates every cardinal 0..999 ("fr", "fr_BE",
 *     "fr_CH", "en") and the ordinals 1..100; each string is folded like
 *     article text and stored in canonical form (hyphens → spaces, "vingts"
 *     → "vingt", "cents" → "cent"). Every word of those strings is an
 *     "atom". Multipliers (mille, million…), collectives (dizaine…), bound
 *     words, and the few closed-class words below are added by hand.
 *   - The scanner walks the tokens once. A NUMBER token is parsed as digits;
 *     a run of WORD tokens made only of atoms is parsed into segments (the
 *     longest canonical key, < 1000) and multipliers; a bound pattern
 *     ("au moins", "more than") is tried before a number, ranges and
 *     percent signs after it. A phrase never leaves its sentence and
 *     phrases never overlap.
 */
#include "numbers.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

/* ---- word tables ---------------------------------------------------------*/

enum {
    W_CARD = 1 << 0,   /* cardinal key (possibly several atoms): card */
    W_ORD = 1 << 1,    /* ordinal key: ord */
    W_MULT = 1 << 2,   /* multiplier after a number: mult */
    W_COLL = 1 << 3,   /* singular collective after un/une/a: coll */
    W_COLLS = 1 << 4,  /* plural collective (des dizaines, hundreds): coll */
    W_ATOM = 1 << 5,   /* a word that can appear inside a cardinal */
    W_BOUND = 1 << 6,  /* first word of a bound pattern */
    W_VDET = 1 << 7,   /* des, plusieurs, quelques, several, few */
    W_INDEF = 1 << 8,  /* un, une, a, an */
    W_NOUN = 1 << 9,   /* a counted noun ("un soldat") */
    W_LONEV = 1 << 10, /* plusieurs/quelques/several alone: min 2 */
    W_CHAIN = 1 << 11  /* "de milliers", "of thousands": multiplies a collective */
};

typedef struct wentry {
    char *key;
    uint32_t klen, hash;
    uint32_t what;
    double card, ord, mult, coll;
    uint64_t bounds; /* W_BOUND: bit k = g_bounds[k] starts with this word */
} wentry;

#define WT_CAP 8192u /* power of two; about 2000 entries per language */

typedef struct wtab {
    wentry *slot;
    size_t n;
    /* one bit per key hash: most words are no number word, and this 2 KiB
       filter says so without probing the 512 KiB table */
    uint64_t filter[16384 / 64];
} wtab;

static inline uint32_t wt_bit(uint32_t h) { return (h * 2654435761u) >> (32 - 14); }

enum { L_FR = 0, L_EN = 1 };

static wtab g_tab[2];
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

/* Looks up s[0:n] whose tv_hash_bytes is h. */
static const wentry *wt_get_h(const wtab *t, const char *s, size_t n, uint32_t h)
{
    if (!t->slot || n == 0)
        return NULL;
    uint32_t bit = wt_bit(h);
    if (!(t->filter[bit >> 6] >> (bit & 63) & 1))
        return NULL;
    for (uint32_t i = h & (WT_CAP - 1);; i = (i + 1) & (WT_CAP - 1)) {
        const wentry *e = &t->slot[i];
        if (!e->key)
            return NULL;
        if (e->hash == h && e->klen == n && memcmp(e->key, s, n) == 0)
            return e;
    }
}

static const wentry *wt_get(const wtab *t, const char *s, size_t n)
{
    return wt_get_h(t, s, n, tv_hash_bytes(s, n));
}

static wentry *wt_put(wtab *t, const char *s, size_t n)
{
    if (!t->slot || n == 0 || n > 200 || t->n >= WT_CAP / 2)
        return NULL;
    uint32_t h = tv_hash_bytes(s, n);
    uint32_t i = h & (WT_CAP - 1);
    for (;; i = (i + 1) & (WT_CAP - 1)) {
        wentry *e = &t->slot[i];
        if (!e->key)
            break;
        if (e->hash == h && e->klen == n && memcmp(e->key, s, n) == 0)
            return e;
    }
    wentry *e = &t->slot[i];
    e->key = malloc(n + 1);
    if (!e->key)
        return NULL;
    memcpy(e->key, s, n);
    e->key[n] = '\0';
    e->klen = (uint32_t)n;
    e->hash = h;
    t->n++;
    uint32_t bit = wt_bit(h);
    t->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
    return e;
}

/* Canonical form of a folded phrase: words split on spaces and hyphens,
   joined by one space; "vingts"/"cents" → "vingt"/"cent"; English "and"
   dropped. Returns the length, or 0 when empty or longer than cap-1. */
static size_t canon(const char *s, size_t n, int lang, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '-'))
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != '-')
            i++;
        size_t wl = i - b;
        if (!wl)
            continue;
        const char *w = s + b;
        if (lang == L_FR && wl == 6 && memcmp(w, "vingts", 6) == 0)
            wl = 5;
        else if (lang == L_FR && wl == 5 && memcmp(w, "cents", 5) == 0)
            wl = 4;
        else if (lang == L_EN && wl == 3 && memcmp(w, "and", 3) == 0)
            continue;
        if (o + wl + 2 > cap)
            return 0;
        if (o)
            out[o++] = ' ';
        memcpy(out + o, w, wl);
        o += wl;
    }
    if (o < cap)
        out[o] = '\0';
    return o;
}

/* Folds ICU output to what the text layer puts in text->norm: lower case,
   Latin accents stripped, non-breaking spaces and hyphens made ASCII. */
static size_t fold_generated(const char *s, size_t n, char *out, size_t cap)
{
    static const char latin1[] = /* U+00C0..U+00FF → base letter ('\0': drop) */
        "aaaaaaaceeeeiiii"
        "dnooooo\0ouuuuy\0s"
        "aaaaaaaceeeeiiii"
        "dnooooo\0ouuuuy\0y";
    size_t o = 0;
    for (size_t i = 0; i < n && o + 2 < cap;) {
        int32_t cp;
        size_t l = tv_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!l)
            return 0;
        i += l;
        char c = 0;
        if (cp < 0x80)
            c = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        else if (cp == 0xA0 || cp == 0x202F || cp == 0x2007)
            c = ' ';
        else if (cp >= 0x2010 && cp <= 0x2015)
            c = '-';
        else if (cp >= 0xC0 && cp <= 0xFF)
            c = latin1[cp - 0xC0];
        else if (cp == 0x153) {
            out[o++] = 'o';
            c = 'e';
        }
        if (c)
            out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

/* Folds a generated string with the text layer's tv_fold, then makes sure
   of the ASCII form. */
static size_t fold_icu(tv_arena *scratch, const char *s, size_t n, char *out, size_t cap)
{
    size_t fl = 0;
    char *f = scratch ? tv_fold(scratch, s, n, &fl) : NULL;
    if (f)
        return fold_generated(f, fl, out, cap);
    return fold_generated(s, n, out, cap);
}

static void add_atoms(wtab *t, const char *c, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t b = i;
        while (i < n && c[i] != ' ')
            i++;
        wentry *e = wt_put(t, c + b, i - b);
        if (e)
            e->what |= W_ATOM;
        i++;
    }
}

static void put_card(wtab *t, const char *key, size_t n, double v)
{
    wentry *e = wt_put(t, key, n);
    if (!e)
        return;
    e->what |= W_CARD;
    e->card = v;
    add_atoms(t, key, n);
}

/* Spells out from..to with ICU in locale (ruleset NULL: cardinals) and adds
   the folded canonical strings. Returns false when ICU cannot. */
static bool gen_icu(wtab *t, int lang, tv_arena *scratch, const char *locale, const char *ruleset, int from,
                    int to, bool ordinal)
{
    UErrorCode st = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &st);
    if (U_FAILURE(st) || !f)
        return false;
    if (ruleset) {
        UChar rs[64];
        u_uastrncpy(rs, ruleset, 63);
        rs[63] = 0;
        unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, rs, -1, &st);
        if (U_FAILURE(st)) {
            unum_close(f);
            return false;
        }
    }
    for (int v = from; v <= to; v++) {
        UChar ub[128];
        char u8[512], folded[256], c[256];
        st = U_ZERO_ERROR;
        int32_t ul = unum_formatInt64(f, v, ub, 128, NULL, &st);
        if (U_FAILURE(st) || ul <= 0 || ul >= 128)
            continue;
        int32_t l8 = 0;
        u_strToUTF8(u8, sizeof u8, &l8, ub, ul, &st);
        if (U_FAILURE(st) || l8 <= 0 || (size_t)l8 >= sizeof u8)
            continue;
        size_t fl = fold_icu(scratch, u8, (size_t)l8, folded, sizeof folded);
        size_t cl = canon(folded, fl, lang, c, sizeof c);
        if (!cl)
            continue;
        if (ordinal) {
            wentry *e = wt_put(t, c, cl);
            if (e && !(e->what & W_ORD)) {
                e->what |= W_ORD;
                e->ord = v;
            }
            continue;
        }
        put_card(t, c, cl, v);
        /* feminine "vingt et une", "trente et une", "cent une" */
        if (lang == L_FR && cl >= 2 && memcmp(c + cl - 2, "un", 2) == 0 && (cl == 2 || c[cl - 3] == ' ')) {
            char fem[260];
            memcpy(fem, c, cl);
            fem[cl] = 'e';
            put_card(t, fem, cl + 1, v);
        }
    }
    unum_close(f);
    return true;
}

static void put_flag(wtab *t, const char *key, uint32_t what, double v)
{
    wentry *e = wt_put(t, key, strlen(key));
    if (!e)
        return;
    e->what |= what;
    if (what & W_MULT)
        e->mult = v;
    if (what & (W_COLL | W_COLLS | W_CHAIN))
        e->coll = v;
}

/* ---- bounds ---------------------------------------------------------------*/

typedef struct bound_pat {
    const char *words; /* folded, words separated by one space; "de" also matches "d'" */
    uint8_t kind;      /* enum tv_bound; TV_BOUND_RANGE: needs a range after */
    uint8_t lang;
} bound_pat;

/* Longest patterns first (the matcher takes the first that fits); at most
   64 (a bit mask per first word indexes them). */
static const bound_pat g_bounds[] = {
    {"pas loin de", TV_BOUND_NEARLY, L_FR},
    {"aux alentours de", TV_BOUND_ABOUT, L_FR},
    {"pas moins de", TV_BOUND_MIN, L_FR},
    {"pas plus de", TV_BOUND_ATMOST, L_FR},
    {"tout au plus", TV_BOUND_ATMOST, L_FR},
    {"un minimum de", TV_BOUND_MIN, L_FR},
    {"un maximum de", TV_BOUND_ATMOST, L_FR},
    {"a peu pres", TV_BOUND_ABOUT, L_FR},
    {"au moins", TV_BOUND_MIN, L_FR},
    {"au minimum", TV_BOUND_MIN, L_FR},
    {"au plus", TV_BOUND_ATMOST, L_FR},
    {"au maximum", TV_BOUND_ATMOST, L_FR},
    {"plus de", TV_BOUND_MORE, L_FR},
    {"au-dela de", TV_BOUND_MORE, L_FR},
    {"jusqu' a", TV_BOUND_ATMOST, L_FR},
    {"moins de", TV_BOUND_LESS, L_FR},
    {"pres de", TV_BOUND_NEARLY, L_FR},
    {"autour de", TV_BOUND_ABOUT, L_FR},
    {"presque", TV_BOUND_NEARLY, L_FR},
    {"quasiment", TV_BOUND_NEARLY, L_FR},
    {"pratiquement", TV_BOUND_NEARLY, L_FR},
    {"environ", TV_BOUND_ABOUT, L_FR},
    {"quelque", TV_BOUND_ABOUT, L_FR},
    {"approximativement", TV_BOUND_ABOUT, L_FR},
    {"entre", TV_BOUND_RANGE, L_FR},
    {"de", TV_BOUND_RANGE, L_FR},
    {"no fewer than", TV_BOUND_MIN, L_EN},
    {"no less than", TV_BOUND_MIN, L_EN},
    {"not less than", TV_BOUND_MIN, L_EN},
    {"a minimum of", TV_BOUND_MIN, L_EN},
    {"no more than", TV_BOUND_ATMOST, L_EN},
    {"not more than", TV_BOUND_ATMOST, L_EN},
    {"a maximum of", TV_BOUND_ATMOST, L_EN},
    {"as many as", TV_BOUND_ATMOST, L_EN},
    {"in excess of", TV_BOUND_MORE, L_EN},
    {"at least", TV_BOUND_MIN, L_EN},
    {"more than", TV_BOUND_MORE, L_EN},
    {"upwards of", TV_BOUND_MORE, L_EN},
    {"at most", TV_BOUND_ATMOST, L_EN},
    {"up to", TV_BOUND_ATMOST, L_EN},
    {"less than", TV_BOUND_LESS, L_EN},
    {"fewer than", TV_BOUND_LESS, L_EN},
    {"close to", TV_BOUND_NEARLY, L_EN},
    {"just under", TV_BOUND_NEARLY, L_EN},
    {"an estimated", TV_BOUND_ABOUT, L_EN},
    {"over", TV_BOUND_MORE, L_EN},
    {"under", TV_BOUND_LESS, L_EN},
    {"nearly", TV_BOUND_NEARLY, L_EN},
    {"almost", TV_BOUND_NEARLY, L_EN},
    {"about", TV_BOUND_ABOUT, L_EN},
    {"around", TV_BOUND_ABOUT, L_EN},
    {"some", TV_BOUND_ABOUT, L_EN},
    {"approximately", TV_BOUND_ABOUT, L_EN},
    {"roughly", TV_BOUND_ABOUT, L_EN},
    {"estimated", TV_BOUND_ABOUT, L_EN},
    {"circa", TV_BOUND_ABOUT, L_EN},
    {"between", TV_BOUND_RANGE, L_EN},
    {"from", TV_BOUND_RANGE, L_EN},
};

/* Closed-class words. Counted nouns license a lone "un"/"une"/"a" as 1. */
static const char *const g_nouns_fr[] = {
    "mort", "blesse", "soldat", "militaire", "civil", "policier", "gendarme", "combattant", "rebelle",
    "enfant", "femme", "homme", "personne", "otage", "victime", "journaliste", "membre", "habitant",
    "prisonnier", "refugie", "disparu", "casque", "officier", "pilote", "secouriste", "passant", "agent",
    "garde", "djihadiste", "jihadiste", "terroriste", "insurge", "paysan", "eleve", "bebe", "adolescent",
    "humanitaire", "medecin", "infirmier", "militant", "manifestant", "colon", "garcon", "fille", "mineur",
    "commandant", "chef", "employe", "ouvrier", "reserviste", "conscrit", "mercenaire", "volontaire",
    "sapeur", "secouriste", "diplomate", "observateur", "casque", "pecheur", "migrant", "detenu"};
static const char *const g_nouns_en[] = {
    "soldier", "civilian", "person", "child", "woman", "man", "officer", "policeman", "policewoman", "fighter",
    "militant", "rebel", "hostage", "journalist", "member", "resident", "prisoner", "refugee",
    "peacekeeper", "worker", "pilot", "student", "boy", "girl", "teenager", "baby", "protester", "doctor",
    "nurse", "serviceman", "trooper", "guard", "commander", "volunteer", "mercenary", "reservist",
    "conscript", "diplomat", "observer", "medic", "paramedic", "farmer", "fisherman", "migrant", "detainee",
    "insurgent", "jihadist", "terrorist", "gunman", "policeman", "contractor", "villager", "passenger"};

_Static_assert(sizeof g_bounds / sizeof g_bounds[0] <= 64, "bound patterns are indexed by a 64-bit mask");

static void build_tables(void)
{
    for (int l = 0; l < 2; l++) {
        g_tab[l].slot = calloc(WT_CAP, sizeof(wentry));
        if (!g_tab[l].slot)
            return;
    }
    wtab *fr = &g_tab[L_FR], *en = &g_tab[L_EN];
    tv_arena *scratch = tv_arena_new(1u << 20);
    bool ok = gen_icu(fr, L_FR, scratch, "fr", NULL, 0, 999, false);
    ok &= gen_icu(en, L_EN, scratch, "en", NULL, 0, 999, false);
    /* Belgian and Swiss forms: septante, huitante, nonante */
    gen_icu(fr, L_FR, scratch, "fr_BE", NULL, 0, 999, false);
    gen_icu(fr, L_FR, scratch, "fr_CH", NULL, 0, 999, false);
    gen_icu(fr, L_FR, scratch, "fr", "%spellout-ordinal-masculine", 1, 100, true);
    gen_icu(fr, L_FR, scratch, "fr", "%spellout-ordinal-feminine", 1, 100, true);
    gen_icu(en, L_EN, scratch, "en", "%spellout-ordinal", 1, 100, true);
    tv_arena_free(scratch);

    put_card(fr, "une", 3, 1);
    put_card(en, "hundred", 7, 100);
    /* ordinals ICU does not give */
    static const struct {
        const char *w;
        double v;
    } ord_fr[] = {{"second", 2}, {"seconde", 2}, {"premiere", 1}, {"unieme", 1}};
    for (size_t i = 0; i < TV_ARRAY_LEN(ord_fr); i++) {
        wentry *e = wt_put(fr, ord_fr[i].w, strlen(ord_fr[i].w));
        if (e && !(e->what & W_ORD)) {
            e->what |= W_ORD;
            e->ord = ord_fr[i].v;
        }
    }

    put_flag(fr, "mille", W_MULT | W_ATOM, 1e3);
    put_flag(fr, "million", W_MULT | W_ATOM, 1e6);
    put_flag(fr, "millions", W_MULT | W_ATOM | W_COLLS | W_CHAIN, 1e6);
    put_flag(fr, "milliard", W_MULT | W_ATOM, 1e9);
    put_flag(fr, "milliards", W_MULT | W_ATOM | W_COLLS | W_CHAIN, 1e9);
    put_flag(fr, "billion", W_MULT | W_ATOM, 1e12);
    put_flag(fr, "billions", W_MULT | W_ATOM, 1e12);
    put_flag(en, "thousand", W_MULT | W_ATOM, 1e3);
    put_flag(en, "million", W_MULT | W_ATOM, 1e6);
    put_flag(en, "billion", W_MULT | W_ATOM, 1e9);
    put_flag(en, "trillion", W_MULT | W_ATOM, 1e12);

    static const struct {
        const char *w;
        double v;
    } coll_fr[] = {{"dizaine", 10},     {"douzaine", 12},     {"quinzaine", 15}, {"vingtaine", 20},
                   {"trentaine", 30},   {"quarantaine", 40},  {"cinquantaine", 50}, {"soixantaine", 60},
                   {"centaine", 100},   {"millier", 1000},    {"demi douzaine", 6}},
      colls_fr[] = {{"dizaines", 10}, {"douzaines", 12}, {"vingtaines", 20}, {"centaines", 100}},
      coll_en[] = {{"dozen", 12}, {"half dozen", 6}},
      colls_en[] = {{"dozens", 12}, {"scores", 20}, {"hundreds", 100}, {"tens", 10}};
    for (size_t i = 0; i < TV_ARRAY_LEN(coll_fr); i++)
        put_flag(fr, coll_fr[i].w, W_COLL, coll_fr[i].v);
    for (size_t i = 0; i < TV_ARRAY_LEN(colls_fr); i++)
        put_flag(fr, colls_fr[i].w, W_COLLS, colls_fr[i].v);
    put_flag(fr, "milliers", W_COLLS | W_CHAIN, 1e3);
    for (size_t i = 0; i < TV_ARRAY_LEN(coll_en); i++)
        put_flag(en, coll_en[i].w, W_COLL, coll_en[i].v);
    for (size_t i = 0; i < TV_ARRAY_LEN(colls_en); i++)
        put_flag(en, colls_en[i].w, W_COLLS, colls_en[i].v);
    put_flag(en, "thousands", W_COLLS | W_CHAIN, 1e3);
    put_flag(en, "millions", W_COLLS | W_CHAIN, 1e6);
    put_flag(en, "billions", W_COLLS | W_CHAIN, 1e9);

    put_flag(fr, "des", W_VDET, 0);
    put_flag(fr, "plusieurs", W_VDET | W_LONEV, 0);
    put_flag(fr, "quelques", W_VDET | W_LONEV, 0);
    put_flag(en, "several", W_VDET | W_LONEV, 0);
    put_flag(en, "few", W_VDET | W_LONEV, 0);
    put_flag(fr, "un", W_INDEF, 0);
    put_flag(fr, "une", W_INDEF, 0);
    put_flag(en, "a", W_INDEF, 0);
    put_flag(en, "an", W_INDEF, 0);
    put_flag(en, "half", W_INDEF, 0); /* half a dozen */
    for (size_t i = 0; i < TV_ARRAY_LEN(g_nouns_fr); i++)
        put_flag(fr, g_nouns_fr[i], W_NOUN, 0);
    for (size_t i = 0; i < TV_ARRAY_LEN(g_nouns_en); i++)
        put_flag(en, g_nouns_en[i], W_NOUN, 0);
    for (size_t i = 0; i < TV_ARRAY_LEN(g_bounds); i++) {
        const char *w = g_bounds[i].words, *sp = strchr(w, ' ');
        size_t n = sp ? (size_t)(sp - w) : strlen(w);
        wentry *e = wt_put(&g_tab[g_bounds[i].lang], w, n);
        if (e) {
            e->what |= W_BOUND;
            e->bounds |= (uint64_t)1 << i;
        }
        if (n == 2 && memcmp(w, "de", 2) == 0 && (e = wt_put(&g_tab[g_bounds[i].lang], "d'", 2))) {
            e->what |= W_BOUND;
            e->bounds |= (uint64_t)1 << i;
        }
    }
    (void)ok; /* without ICU only the hand-written words are known */
}

static bool tables(void)
{
    pthread_once(&g_once, build_tables);
    return g_tab[L_FR].slot && g_tab[L_EN].slot;
}

static int lang_index(const char *lang)
{
    return lang && lang[0] == 'e' && lang[1] == 'n' ? L_EN : L_FR;
}

/* ---- digits ----------------------------------------------------------------*/

/* Parses "49", "1 500", "1.500", "2,5", "1,500.25" (folded: NBSP is ' ').
   See numbers.h for the decimal-mark rule. */
static bool parse_digits(const char *s, size_t n, int lang, double *v, bool *has_frac)
{
    if (!n || s[0] < '0' || s[0] > '9' || s[n - 1] < '0' || s[n - 1] > '9')
        return false;
    size_t last = SIZE_MAX, ncomma = 0, ndot = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',' || c == '.') {
            last = i;
            if (c == ',')
                ncomma++;
            else
                ndot++;
        } else if (c != ' ' && (c < '0' || c > '9')) {
            return false;
        }
    }
    size_t dec = SIZE_MAX;
    if (last != SIZE_MAX) {
        char c = s[last];
        size_t cnt = c == ',' ? ncomma : ndot;
        size_t after = 0;
        for (size_t i = last + 1; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            after++;
        bool after_all_digits = last + 1 + after == n;
        char decmark = lang == L_EN ? '.' : ',';
        if (cnt == 1 && (c == decmark || after != 3 || !after_all_digits))
            dec = last;
    }
    /* thousand groups: a first group of 1-3 digits, then groups of exactly 3
       ("13.09.2022" is a date, not a number) */
    size_t grp = 0, ngrp = 0;
    for (size_t i = 0; i <= n && i <= (dec == SIZE_MAX ? n : dec); i++) {
        if (i == n || i == dec || s[i] == ' ' || s[i] == ',' || s[i] == '.') {
            if ((ngrp == 0 && (grp == 0 || (grp > 3 && i < n && i != dec))) || (ngrp > 0 && grp != 3))
                return false;
            ngrp++;
            grp = 0;
        } else {
            grp++;
        }
    }
    double x = 0, scale = 0.1;
    bool frac = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (i == dec) {
            frac = true;
            continue;
        }
        if (c < '0' || c > '9')
            continue;
        if (!frac) {
            if (x < 1e300)
                x = x * 10 + (c - '0');
        } else if (scale > 1e-30) {
            x += (c - '0') * scale;
            scale /= 10;
        }
    }
    *v = x;
    *has_frac = frac;
    return true;
}

/* "1er", "1re", "1ere", "2e", "2eme", "2nd", "2nde", "21st", "3rd", "4th". */
static bool parse_ordinal_alnum(const char *s, size_t n, double *v)
{
    size_t i = 0;
    double x = 0;
    while (i < n && i < 6 && s[i] >= '0' && s[i] <= '9')
        x = x * 10 + (s[i++] - '0');
    if (i == 0 || i == n)
        return false;
    static const char *const suf[] = {"er", "re", "ere", "e", "eme", "nd", "nde", "d", "st", "rd", "th"};
    for (size_t k = 0; k < TV_ARRAY_LEN(suf); k++) {
        if (strlen(suf[k]) == n - i && memcmp(s + i, suf[k], n - i) == 0) {
            *v = x;
            return true;
        }
    }
    return false;
}

/* ---- atoms and word numbers ----------------------------------------------*/

typedef struct atom {
    const char *s;
    uint32_t n;
    uint32_t tok;  /* token index (scanner) */
    bool tok_last; /* last atom of its token: a phrase may end here */
} atom;

#define MAX_ATOMS 48
#define MAX_SEG 7

static const wentry *atoms_key(const wtab *t, const atom *at, size_t a, size_t b)
{
    char buf[160];
    size_t o = 0;
    for (size_t i = a; i < b; i++) {
        if (o + at[i].n + 2 > sizeof buf)
            return NULL;
        if (o)
            buf[o++] = ' ';
        memcpy(buf + o, at[i].s, at[i].n);
        o += at[i].n;
    }
    return wt_get(t, buf, o);
}

/* Reads segments (< 1000, longest key) and multipliers over atoms.
   Returns the number of atoms of the longest complete number ending at a
   token boundary (0: none) and its value. */
static size_t parse_atoms(const wtab *t, const atom *at, size_t na, double *out)
{
    double total = 0, cur = 0, last_big = INFINITY, commit_v = 0;
    bool has_cur = false, mille = false, seg = false;
    size_t pos = 0, commit = 0;
    while (pos < na) {
        const wentry *e = wt_get(t, at[pos].s, at[pos].n);
        if (e && (e->what & W_MULT)) {
            double m = e->mult;
            if (m < 1e6) {
                if (mille)
                    break;
                cur = (has_cur ? cur : 1) * m;
                has_cur = mille = true;
            } else {
                if (m >= last_big || pos == 0)
                    break;
                total += (has_cur ? cur : 1) * m;
                cur = 0;
                has_cur = mille = false;
                last_big = m;
            }
            seg = false;
            pos++;
        } else if (!seg) {
            size_t k = pos + MAX_SEG < na ? pos + MAX_SEG : na;
            const wentry *s = NULL;
            for (; k > pos; k--) {
                s = atoms_key(t, at, pos, k);
                if (s && (s->what & W_CARD))
                    break;
            }
            if (k == pos)
                break;
            cur += s->card;
            has_cur = seg = true;
            pos = k;
        } else {
            break;
        }
        if (at[pos - 1].tok_last) {
            commit = pos;
            commit_v = total + cur;
        }
    }
    *out = commit_v;
    return commit;
}

bool tv_number_word_value(const char *folded, size_t n, const char *lang, double *v)
{
    if (!folded || !n || !v || !tables())
        return false;
    if (folded[0] >= '0' && folded[0] <= '9') {
        bool frac;
        double x;
        if (!parse_digits(folded, n, lang_index(lang), &x, &frac))
            return false;
        *v = x > TV_NUM_MAX ? TV_NUM_MAX : x;
        return true;
    }
    for (int l = 0; l < 2; l++) {
        if (lang && l != lang_index(lang))
            continue;
        char c[256];
        size_t cl = canon(folded, n, l, c, sizeof c);
        if (!cl)
            continue;
        atom at[MAX_ATOMS];
        size_t na = 0;
        for (size_t i = 0; i < cl && na < MAX_ATOMS;) {
            size_t b = i;
            while (i < cl && c[i] != ' ')
                i++;
            at[na++] = (atom){c + b, (uint32_t)(i - b), 0, false};
            i++;
        }
        if (na == MAX_ATOMS)
            continue;
        at[na - 1].tok_last = true;
        double x;
        if (parse_atoms(&g_tab[l], at, na, &x) == na) {
            *v = x > TV_NUM_MAX ? TV_NUM_MAX : x;
            return true;
        }
    }
    return false;
}

bool tv_number_ordinal_value(const char *folded, size_t n, const char *lang, double *v)
{
    if (!folded || !n || !v || !tables())
        return false;
    if (parse_ordinal_alnum(folded, n, v))
        return true;
    for (int l = 0; l < 2; l++) {
        if (lang && l != lang_index(lang))
            continue;
        char c[256];
        size_t cl = canon(folded, n, l, c, sizeof c);
        const wentry *e = cl ? wt_get(&g_tab[l], c, cl) : NULL;
        if (e && (e->what & W_ORD)) {
            *v = e->ord;
            return true;
        }
    }
    return false;
}

/* ---- the scanner ------------------------------------------------------------*/

typedef struct scan {
    const tv_text *x;
    const wtab *t;
    int lang;
    uint32_t lim; /* end of the current sentence (token index) */
} scan;

/* One parsed quantity before bounds. */
typedef struct q {
    double v, mn, mx;
    uint16_t flags;
    uint32_t first, end; /* tokens [first, end) */
    double mult;         /* multiplier written after digits or words (1: none) */
    uint8_t lone;        /* 1: lone un/une/a/an, 2: lone "one" — need support */
    bool plain;          /* a plain cardinal (digits or words): may start a range */
} q;

static const tv_token *tok(const scan *s, uint32_t i) { return &s->x->tok[i]; }

static bool is(const scan *s, uint32_t i, const char *w)
{
    return i < s->lim && tv_tok_is(s->x, tok(s, i), w);
}

/* The table entry of token i (a WORD token, hyphens read as spaces). */
static const wentry *look(const scan *s, uint32_t i)
{
    if (i >= s->lim)
        return NULL;
    const tv_token *t = tok(s, i);
    if (t->kind != TV_TOK_WORD)
        return NULL;
    const char *w = tv_tok_norm(s->x, t);
    size_t n = tv_tok_nlen(t);
    if (n == 0 || n > 120)
        return NULL;
    const wentry *e = wt_get_h(s->t, w, n, t->hash); /* the text layer hashed the folded form */
    if (e || !memchr(w, '-', n))
        return e;
    if (e)
        return e;
    char c[128];
    size_t cl = canon(w, n, s->lang, c, sizeof c);
    return cl ? wt_get(s->t, c, cl) : NULL;
}

static bool has(const wentry *e, uint32_t what) { return e && (e->what & what); }

/* For a hyphenated WORD token that is no key as a whole: the entry of its
   first part when that part is an atom of a cardinal ("vingt-deux-mille"). */
static const wentry *first_atom(const scan *s, uint32_t i)
{
    if (i >= s->lim || tok(s, i)->kind != TV_TOK_WORD)
        return NULL;
    const char *w = tv_tok_norm(s->x, tok(s, i));
    const char *h = memchr(w, '-', tv_tok_nlen(tok(s, i)));
    const wentry *e = h ? wt_get(s->t, w, (size_t)(h - w)) : NULL;
    return has(e, W_ATOM) ? e : NULL;
}

/* Matches a bound pattern at token i; returns the token after it or i. */
static uint32_t match_words(const scan *s, uint32_t i, const char *words)
{
    const char *p = words;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        if (i >= s->lim)
            return 0;
        const tv_token *t = tok(s, i);
        const char *w = tv_tok_norm(s->x, t);
        size_t wl = tv_tok_nlen(t);
        bool ok = wl == n && memcmp(w, p, n) == 0;
        if (!ok && n == 2 && memcmp(p, "de", 2) == 0)
            ok = wl == 2 && memcmp(w, "d'", 2) == 0;
        if (!ok)
            return 0;
        i++;
        p += n;
        if (*p == ' ')
            p++;
    }
    return i;
}

static uint32_t percent_after(const scan *s, uint32_t j)
{
    if (j >= s->lim)
        return j;
    const tv_token *t = tok(s, j);
    if (tv_tok_is(s->x, t, "%") || is(s, j, "pourcent") || is(s, j, "percent"))
        return j + 1;
    if ((is(s, j, "pour") || is(s, j, "per")) && is(s, j + 1, "cent"))
        return j + 2;
    return j;
}

static double d10(double v, bool integral)
{
    if (!integral)
        return v * 0.1;
    double d = round(v * 0.1);
    return d < 1 ? 1 : d;
}

static void set_collective(q *r, double v)
{
    double d = round(v * 0.2);
    if (d < 1)
        d = 1;
    r->v = v;
    r->mn = v - d;
    r->mx = v + d;
    r->flags |= TV_NUM_APPROX | TV_NUM_WORDS;
}

/* "de milliers", "d'millions", "of thousands" after a collective: multiplies. */
static double chain(const scan *s, uint32_t *j)
{
    double m = 1;
    for (int k = 0; k < 2; k++) {
        uint32_t p = *j;
        if (!(is(s, p, "de") || is(s, p, "d'") || is(s, p, "of")))
            break;
        const wentry *e = look(s, p + 1);
        if (!has(e, W_CHAIN))
            break;
        m *= e->coll;
        *j = p + 2;
    }
    return m;
}

static void set_vague(q *r, double unit)
{
    r->v = NAN;
    r->mn = 2 * unit;
    r->mx = NAN;
    r->flags |= TV_NUM_VAGUE | TV_NUM_WORDS;
}

/* Collects the atoms of the WORD tokens from j on. */
static size_t collect_atoms(const scan *s, uint32_t j, atom *at)
{
    size_t na = 0;
    for (uint32_t i = j; i < s->lim; i++) {
        const tv_token *t = tok(s, i);
        if (t->kind != TV_TOK_WORD || (t->flags & TV_TF_ELISION))
            break;
        const char *w = tv_tok_norm(s->x, t);
        size_t n = tv_tok_nlen(t);
        if (s->lang == L_EN && n == 3 && memcmp(w, "and", 3) == 0) {
            /* "two hundred and five": only after hundred/thousand, before a
               number below 100 that no multiplier follows */
            if (!na)
                break;
            const atom *p = &at[na - 1];
            const wentry *pe = wt_get(s->t, p->s, p->n), *ne = look(s, i + 1), *nn = look(s, i + 2);
            bool prev_ok = (p->n == 7 && memcmp(p->s, "hundred", 7) == 0) || has(pe, W_MULT);
            if (!prev_ok || !has(ne, W_CARD) || ne->card >= 100 || has(nn, W_MULT) ||
                (nn && nn->klen == 7 && memcmp(nn->key, "hundred", 7) == 0))
                break;
            continue;
        }
        if (s->lang == L_EN && na == 0 && ((n == 1 && w[0] == 'a') || (n == 2 && memcmp(w, "an", 2) == 0))) {
            const wentry *ne = look(s, i + 1);
            if (!ne || !(has(ne, W_MULT) || (ne->klen == 7 && memcmp(ne->key, "hundred", 7) == 0)))
                break;
            at[na++] = (atom){"one", 3, i, true};
            continue;
        }
        if (s->lang == L_FR && i > 0 && i == j && (is(s, i, "cent") || is(s, i, "cents")) && is(s, i - 1, "pour"))
            break;
        size_t save = na;
        bool ok = true;
        for (size_t p = 0; p < n && ok;) {
            while (p < n && w[p] == '-')
                p++;
            size_t b = p;
            while (p < n && w[p] != '-')
                p++;
            if (p == b)
                break;
            const char *aw = w + b;
            size_t al = p - b;
            if (s->lang == L_FR && al == 6 && memcmp(aw, "vingts", 6) == 0)
                aw = "vingt", al = 5;
            else if (s->lang == L_FR && al == 5 && memcmp(aw, "cents", 5) == 0)
                aw = "cent", al = 4;
            if (na >= MAX_ATOMS || !has(wt_get(s->t, aw, al), W_ATOM)) {
                ok = false;
                break;
            }
            at[na++] = (atom){aw, (uint32_t)al, i, false};
        }
        if (!ok || na == save) {
            na = save;
            break;
        }
        at[na - 1].tok_last = true;
    }
    return na;
}

/* A multiplier word after digits: "3 millions", "1,5 million". */
static uint32_t mult_after(const scan *s, uint32_t j, double *m)
{
    const wentry *e = look(s, j);
    *m = 1;
    if (!has(e, W_MULT))
        return j;
    *m = e->mult;
    return j + 1;
}

/* Parses one quantity starting at token j (no bound). */
static bool core_at(const scan *s, uint32_t j, q *r)
{
    memset(r, 0, sizeof *r);
    r->first = j;
    r->mult = 1;
    r->mn = r->mx = NAN;
    if (j >= s->lim)
        return false;
    const tv_token *t = tok(s, j);
    const char *w = tv_tok_norm(s->x, t);
    size_t n = tv_tok_nlen(t);

    if (t->kind == TV_TOK_NUMBER) {
        bool frac;
        double v;
        if (!parse_digits(w, n, s->lang, &v, &frac))
            return false;
        uint32_t e = mult_after(s, j + 1, &r->mult);
        v *= r->mult;
        if (e == j + 1 && n == 4 && w[0] != '0' && v >= 1000 && v <= 2199 && !frac)
            r->flags |= TV_NUM_YEAR;
        r->v = v;
        r->end = e;
        r->plain = true;
        return true;
    }
    if (t->kind == TV_TOK_ALNUM) {
        double v;
        if (!parse_ordinal_alnum(w, n, &v))
            return false;
        r->v = v;
        r->flags = TV_NUM_ORDINAL;
        r->end = j + 1;
        return true;
    }
    const wentry *e = look(s, j);
    if (!e)
        e = first_atom(s, j); /* vingt-deux-mille */
    if (!e)
        return false;

    if (has(e, W_INDEF)) {
        uint32_t k = j + 1;
        if (is(s, k, "petite") || is(s, k, "bonne") || is(s, k, "good"))
            k++;
        if (e->klen == 4 && memcmp(e->key, "half", 4) == 0) { /* half a dozen */
            if (!(is(s, k, "a") && is(s, k + 1, "dozen")))
                return false;
            set_collective(r, 6);
            r->end = k + 2;
            return true;
        }
        const wentry *c = look(s, k);
        if (has(c, W_COLL)) {
            uint32_t end = k + 1;
            double m = chain(s, &end);
            set_collective(r, c->coll * m);
            r->end = end;
            return true;
        }
        if (s->lang == L_EN && e->klen == 1 && has(c, W_VDET) && c->klen == 3) { /* a few */
            const wentry *u = look(s, k + 1);
            if (has(u, W_MULT) || (u && u->klen == 7 && memcmp(u->key, "hundred", 7) == 0)) {
                set_vague(r, has(u, W_MULT) ? u->mult : 100);
                r->end = k + 2;
                return true;
            }
            r->v = NAN;
            r->mn = 2;
            r->mx = NAN;
            r->flags = TV_NUM_VAGUE | TV_NUM_WORDS;
            r->end = k + 1;
            return true;
        }
        if (s->lang == L_EN) { /* a hundred, a thousand: handled as words */
            if (!has(c, W_MULT) && !(c && c->klen == 7 && memcmp(c->key, "hundred", 7) == 0)) {
                r->v = r->mn = r->mx = 1;
                r->flags = TV_NUM_WORDS;
                r->end = j + 1;
                r->lone = 1;
                return true;
            }
        }
    }
    if (has(e, W_VDET)) {
        const wentry *c = look(s, j + 1);
        if (has(c, W_COLLS)) {
            uint32_t end = j + 2;
            double m = chain(s, &end);
            set_vague(r, c->coll * m);
            r->end = end;
            return true;
        }
        if (s->lang == L_EN && (has(c, W_MULT) || (c && c->klen == 7 && memcmp(c->key, "hundred", 7) == 0))) {
            uint32_t end = j + 2;
            double m = chain(s, &end);
            set_vague(r, (has(c, W_MULT) ? c->mult : 100) * m);
            r->end = end;
            return true;
        }
        if (has(e, W_LONEV) && !(e->klen == 3 && memcmp(e->key, "few", 3) == 0)) {
            r->v = NAN;
            r->mn = 2;
            r->flags = TV_NUM_VAGUE | TV_NUM_WORDS;
            r->end = j + 1;
            return true;
        }
        return false;
    }
    if (has(e, W_COLLS)) {
        uint32_t end = j + 1;
        double m = chain(s, &end);
        if (e->coll == 10 && m == 1) /* "tens" needs "of thousands" */
            return false;
        set_vague(r, e->coll * m);
        r->end = end;
        return true;
    }
    if (has(e, W_ORD) && !has(e, W_CARD)) {
        if (e->ord == 1 && s->lang == L_FR && is(s, j + 1, "ministre"))
            return false;
        r->v = e->ord;
        r->flags = TV_NUM_ORDINAL | TV_NUM_WORDS;
        r->end = j + 1;
        return true;
    }
    if (!has(e, W_ATOM | W_CARD | W_MULT | W_INDEF))
        return false;
    atom at[MAX_ATOMS];
    size_t na = collect_atoms(s, j, at);
    if (!na)
        return false;
    double v;
    size_t used = parse_atoms(s->t, at, na, &v);
    if (!used)
        return false;
    r->v = v;
    r->end = at[used - 1].tok + 1;
    r->flags = TV_NUM_WORDS;
    r->plain = true;
    for (size_t i = 0; i < used; i++) {
        const wentry *ae = wt_get(s->t, at[i].s, at[i].n);
        if (has(ae, W_MULT) && i == used - 1)
            r->mult = ae->mult;
    }
    if (used == 1 && r->end == j + 1) {
        if (s->lang == L_FR && (tv_tok_is(s->x, t, "un") || tv_tok_is(s->x, t, "une")))
            r->lone = 1;
        else if (s->lang == L_EN && tv_tok_is(s->x, t, "one"))
            r->lone = 2;
    }
    return true;
}

/* A lone un/une/a with no bound and no range: a number only before a counted noun. */
static bool lone_noun(const scan *s, uint32_t j)
{
    if (is(s, j, "seul") || is(s, j, "seule") || is(s, j, "single"))
        j++;
    const wentry *e = look(s, j);
    if (has(e, W_NOUN))
        return true;
    if (j >= s->lim || tok(s, j)->kind != TV_TOK_WORD)
        return false;
    const char *w = tv_tok_norm(s->x, tok(s, j));
    size_t n = tv_tok_nlen(tok(s, j));
    if (n > 2 && n < 64 && w[n - 1] == 'e') { /* une blessee, une civile */
        e = wt_get(s->t, w, n - 1);
        return has(e, W_NOUN);
    }
    return false;
}

static bool lone_one_ok(const scan *s, uint32_t j, uint32_t first)
{
    static const char *const before[] = {"no", "every", "any", "the", "this", "that", "each", "which"};
    if (first > 0 && tok(s, first - 1)->sentence == tok(s, first)->sentence) {
        for (size_t k = 0; k < TV_ARRAY_LEN(before); k++)
            if (tv_tok_is(s->x, tok(s, first - 1), before[k]))
                return false;
    }
    return !is(s, j, "another");
}

/* Range connector after a: returns the token after it, or 0. */
static uint32_t connector(const scan *s, uint32_t j, const char *bound)
{
    if (!bound && j < s->lim && j + 1 < s->lim && tv_tok_is(s->x, tok(s, j), "-") &&
        !(tok(s, j)->flags & TV_TF_SPACE) && !(tok(s, j + 1)->flags & TV_TF_SPACE) &&
        tok(s, j - 1)->kind == TV_TOK_NUMBER && tok(s, j + 1)->kind == TV_TOK_NUMBER)
        return j + 1; /* 10-12, 1990-2000 */
    if (bound && (strcmp(bound, "entre") == 0 || strcmp(bound, "between") == 0))
        return is(s, j, s->lang == L_EN ? "and" : "et") ? j + 1 : 0;
    if (s->lang == L_EN)
        return is(s, j, "to") || (!bound && is(s, j, "or")) ? j + 1 : 0;
    return is(s, j, "a") || (!bound && is(s, j, "ou")) ? j + 1 : 0;
}

static double clampv(double v) { return v > TV_NUM_MAX ? TV_NUM_MAX : v; }

int tv_numbers_find(const tv_text *text, const char *lang, tv_arena *a, tv_number **out, size_t *nout,
                    treve_error *err)
{
    if (!out || !nout)
        return tv_fail(err, TREVE_EINVAL, "numbers: NULL output", 0, 0);
    *out = NULL;
    *nout = 0;
    if (!text || !text->tok || !text->ntok)
        return TREVE_OK;
    if (!tables())
        return tv_fail(err, TREVE_ENOMEM, "out of memory (number tables)", 0, 0);
    scan s = {.x = text, .lang = lang_index(lang), .lim = 0};
    s.t = &g_tab[s.lang];
    tv_vec vec;
    tv_vec_init(&vec, sizeof(tv_number), text->ntok);
    uint32_t ntok = (uint32_t)text->ntok, last_end = 0;

    for (uint32_t i = 0; i < ntok;) {
        if (i >= s.lim) { /* the sentence of token i ends at s.lim */
            uint32_t k = i + 1;
            while (k < ntok && text->tok[k].sentence == text->tok[i].sentence)
                k++;
            s.lim = k;
        }
        const tv_token *t = &text->tok[i];
        const wentry *e = NULL;
        if (t->kind == TV_TOK_WORD) {
            e = look(&s, i);
            if (!e && (t->flags & TV_TF_HYPHEN))
                e = first_atom(&s, i);
            if (!e) {
                i++;
                continue;
            }
        } else if (t->kind != TV_TOK_NUMBER && t->kind != TV_TOK_ALNUM) {
            i++;
            continue;
        }

        /* a bound before the number */
        const bound_pat *bp = NULL;
        q r;
        bool got = false;
        if (has(e, W_BOUND)) {
            for (size_t k = 0; k < TV_ARRAY_LEN(g_bounds) && !got; k++) {
                if (!(e->bounds & ((uint64_t)1 << k)))
                    continue;
                uint32_t after = match_words(&s, i, g_bounds[k].words);
                if (!after || !core_at(&s, after, &r) || (r.flags & TV_NUM_ORDINAL))
                    continue;
                bp = &g_bounds[k];
                got = true;
            }
        }
        if (!got) {
            bp = NULL;
            if (!core_at(&s, i, &r)) {
                i++;
                continue;
            }
        }
        uint8_t bkind = bp ? bp->kind : TV_BOUND_NONE;
        const char *bword = bp ? bp->words : NULL;
        uint32_t end = r.end;

        /* percent */
        if (r.plain) {
            uint32_t p = percent_after(&s, end);
            if (p != end) {
                r.flags |= TV_NUM_PERCENT;
                r.flags &= (uint16_t)~TV_NUM_YEAR;
                end = p;
                r.lone = 0;
            }
        }

        /* a range after it */
        bool range = false;
        if ((r.plain || (r.flags & TV_NUM_APPROX)) && !(r.flags & (TV_NUM_VAGUE | TV_NUM_ORDINAL))) {
            uint32_t c = connector(&s, end, bkind == TV_BOUND_RANGE ? bword : NULL);
            q r2;
            if (c && core_at(&s, c, &r2) && !(r2.flags & (TV_NUM_VAGUE | TV_NUM_ORDINAL)) &&
                (r2.plain || (r2.flags & TV_NUM_APPROX))) {
                double lo = (r.flags & TV_NUM_APPROX) ? r.mn : r.v;
                double hi = (r2.flags & TV_NUM_APPROX) ? r2.mx : r2.v;
                if (r.plain && r.mult == 1 && r2.mult > 1 && lo * r2.mult <= r2.v)
                    lo *= r2.mult; /* entre 2 et 3 millions */
                uint32_t e2 = r2.plain ? percent_after(&s, r2.end) : r2.end;
                if (hi > lo) {
                    range = true;
                    r.flags |= TV_NUM_RANGE;
                    if (e2 != r2.end)
                        r.flags |= TV_NUM_PERCENT;
                    r.flags |= r2.flags & (TV_NUM_WORDS | TV_NUM_APPROX);
                    if (!((r.flags & TV_NUM_YEAR) && (r2.flags & TV_NUM_YEAR)))
                        r.flags &= (uint16_t)~TV_NUM_YEAR;
                    r.v = (lo + hi) / 2;
                    r.mn = lo;
                    r.mx = hi;
                    r.mult = 1;
                    end = e2;
                    r.lone = 0;
                    if (bkind == TV_BOUND_ABOUT || bkind == TV_BOUND_NEARLY) {
                        r.flags |= TV_NUM_APPROX; /* environ 10 à 12 */
                    } else if (bkind != TV_BOUND_RANGE) {
                        bword = NULL; /* a bare range: X à Y */
                        i = r.first;
                    }
                    bkind = TV_BOUND_RANGE;
                }
            }
        }
        if (bkind == TV_BOUND_RANGE && !range) {
            /* "entre 10" / "de 10" with no range: not a bound */
            bkind = TV_BOUND_NONE;
            bword = NULL;
            i = r.first;
        }

        /* a lone un/une/a/one needs support */
        if (r.lone && !range) {
            bool ok;
            if (bkind != TV_BOUND_NONE)
                ok = true;
            else if (r.lone == 2)
                ok = lone_one_ok(&s, end, r.first);
            else if (r.first > 0 && tv_tok_is(text, &text->tok[r.first - 1], "l'"))
                ok = false;
            else {
                ok = lone_noun(&s, end);
                if (ok)
                    r.flags |= TV_NUM_INDEF;
            }
            if (!ok) {
                i = r.first + 1;
                continue;
            }
        }

        /* postfix bounds */
        if (bkind == TV_BOUND_NONE && !(r.flags & (TV_NUM_ORDINAL | TV_NUM_VAGUE))) {
            if (is(&s, end, "environ") || (is(&s, end, "or") && is(&s, end + 1, "so"))) {
                bkind = TV_BOUND_ABOUT;
                bword = is(&s, end, "environ") ? "environ" : "or so";
                end += bword[0] == 'e' ? 1 : 2;
            } else if ((is(&s, end, "ou") && is(&s, end + 1, "plus")) ||
                       (is(&s, end, "or") && is(&s, end + 1, "more"))) {
                bkind = TV_BOUND_MIN;
                bword = s.lang == L_EN ? "or more" : "ou plus";
                end += 2;
            } else if (is(&s, end, "au") && is(&s, end + 1, "bas") && is(&s, end + 2, "mot")) {
                bkind = TV_BOUND_MIN;
                bword = "au bas mot";
                end += 3;
            }
        }

        /* exact values, then the bound (clamped first: no inf - inf below) */
        r.v = isnan(r.v) ? r.v : clampv(r.v);
        r.mn = isnan(r.mn) ? r.mn : clampv(r.mn);
        r.mx = isnan(r.mx) ? r.mx : clampv(r.mx);
        double v = r.v;
        bool integral = !isnan(v) && v == floor(v) && !(r.flags & TV_NUM_PERCENT);
        if (!range && isnan(r.mn) && !(r.flags & TV_NUM_VAGUE))
            r.mn = r.mx = v;
        double base = isnan(v) ? r.mn : v;
        switch (bkind) {
        case TV_BOUND_MIN:
            r.mn = base;
            r.mx = NAN;
            break;
        case TV_BOUND_MORE:
            r.mn = integral ? base + 1 : base;
            r.mx = NAN;
            break;
        case TV_BOUND_ATMOST:
            r.mx = isnan(v) ? r.mx : v;
            r.mn = NAN;
            break;
        case TV_BOUND_LESS:
            r.mx = isnan(v) ? NAN : integral ? v - 1 : v;
            r.mn = NAN;
            break;
        case TV_BOUND_NEARLY:
            if (!isnan(v)) {
                r.mx = v;
                r.mn = v - d10(v, integral);
                r.flags |= TV_NUM_APPROX;
            }
            break;
        case TV_BOUND_ABOUT:
            if (!isnan(v) && !(r.flags & TV_NUM_APPROX)) {
                double d = d10(v, integral);
                r.mn = v - d;
                r.mx = v + d;
            }
            if (!isnan(v))
                r.flags |= TV_NUM_APPROX;
            break;
        default:
            break;
        }
        if (r.mn < 0)
            r.mn = 0;
        if (r.mx < 0)
            r.mx = 0; /* moins de 0 */
        if (bkind != TV_BOUND_NONE && bkind != TV_BOUND_RANGE)
            r.flags &= (uint16_t)~TV_NUM_YEAR;
        if (r.mult != 1)
            r.flags &= (uint16_t)~TV_NUM_YEAR;
        if (range ? (r.mn != floor(r.mn) || r.mx != floor(r.mx)) : (!isnan(v) && v != floor(v)))
            r.flags |= TV_NUM_DECIMAL;

        if (text->tok[i].start < last_end) {
            /* one source character folded to several tokens ("½" → "1/2"):
               spans must not overlap, keep the first phrase only */
            i = end;
            continue;
        }
        last_end = text->tok[end - 1].end;
        tv_number *nb = tv_vec_push(&vec, a);
        if (!nb)
            return tv_fail(err, TREVE_ENOMEM, "out of memory (numbers)", text->tok[i].start, 0);
        nb->tok_first = i;
        nb->tok_end = end;
        nb->val_first = r.first;
        nb->span.start = text->tok[i].start;
        nb->span.end = text->tok[end - 1].end;
        nb->value = isnan(r.v) ? NAN : clampv(r.v);
        nb->min = isnan(r.mn) ? NAN : clampv(r.mn);
        nb->max = isnan(r.mx) ? NAN : clampv(r.mx);
        nb->flags = r.flags;
        nb->bkind = bkind;
        nb->bound = bword;
        i = end;
    }
    *out = vec.data;
    *nout = vec.len;
    return TREVE_OK;
}
