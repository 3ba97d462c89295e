/*
 * gen-inflections.c — build-time generator of the inflection table (French
 * and English lemmas in one table).
 *
 *   gen-inflections FILE...  > build/gen/data/inflections.fr.tsv
 *
 * An entry with lang=en is expanded with the English Hunspell dictionary
 * (en_US); every other entry with the French one (fr_FR), as below. The
 * file keeps its historical name: lib/context.c loads that one table.
 *
 * Reads the dictionary files (format: docs/dictionaries.md), collects the
 * first word of every form of every entry with attribute inflect=1 (the
 * lemma: "tuer", "affrontement", "bombarder"), and expands each lemma into
 * all its inflected forms with the French Hunspell dictionary:
 *
 *   1. the lemma's lines of fr_FR.dic ("tuer/a0p+() po:v1_it_q_zz") are
 *      copied into ONE temporary mini .dic holding every lemma;
 *   2. `unmunch mini.dic fr_FR.aff` expands the affix flags (one run for all
 *      lemmas); the "/flags" suffixes and the elided forms ("qu'affronte")
 *      are dropped, the rest deduplicated;
 *   3. each form is analysed with Hunspell_analyze; every analysis whose stem
 *      (st:) is one of the requested lemmas gives that lemma the form, with
 *      its morphology reduced to tense/mood (ipre iimp ipsi ifut cond spre
 *      simp impe ppre ppas infi), person (1sg..3pl), gender (mas fem) and
 *      number (sg pl inv).
 *
 * Output: a header comment, then "lemma<TAB>form<TAB>morph" lines sorted
 * bytewise by lemma then form. A form with several analyses for the same
 * lemma gets them joined with " | " ("impe 2sg | ipre spre 1sg 3sg"). A lemma
 * Hunspell does not know is reported on stderr and emitted as its own form
 * with an empty morphology, so the dictionary entry still matches.
 *
 * Hunspell files: $TREVE_HUNSPELL_FR (path without .aff/.dic), else
 * /usr/share/hunspell/fr_FR, else /usr/share/myspell/dicts/fr_FR. Missing
 * files (French or English) or a missing `unmunch` → a message naming the
 * Debian package (hunspell-fr, hunspell-en-us, hunspell-tools) and exit
 * status 1: the build stops, it never goes on with a smaller table. The
 * table's sizes are checked afterwards by scripts/check-tables.sh (expected
 * sizes there), which the Makefile runs before keeping the table.
 *
 * English (entries with lang=en): the same mini-.dic + unmunch run with
 * en_US ($TREVE_HUNSPELL_EN, else /usr/share/hunspell/en_US, else
 * /usr/share/myspell/dicts/en_US). en_US has no morphology fields, so the
 * morphology is derived from the suffix flag Hunspell_analyze reports
 * ("fl:D") and the entry's pos=:
 *   the lemma itself   verb: "infi ipre"   noun: "sg"   (both: joined by |)
 *   flag S (-s, -es)   verb: "ipre 3sg"    noun: "pl"
 *   flag D (-ed)       "past"  — the past tense OR the past participle: the
 *                      table does not claim "ppas"; the coder must tell the
 *                      passive from was/were/been/being (is_passive)
 *   flag G (-ing)      "ppre"
 *   flag J (-ings)     "pl"
 * Other flags (-er, -ers, -ion, -ive, -ly, 's, prefixes un-/re-…) make other
 * words ("attacker" is no "attack") and are dropped. Doubled consonants
 * ("ban" → banned, banning) and irregular verbs (strike → struck, fight →
 * fought, take → took/taken) are separate words in en_US, and so are some
 * regular forms ("fired" next to "fire/MS"): for a verb the regular suffixes
 * are also tried with Hunspell_spell (see below), the irregular ones come from a table below
 * (simple past "past", participle "ppas" when it differs from the past, else
 * "past" — "fought" is as ambiguous as "attacked"). pos=verb and
 * pos=support count as verbs, pos=noun as a noun, anything else as both.
 * A lemma that is no line of its own in en_US ("refuse" is "fuse" with the
 * prefix re-; "shelling" is derived; British "mobilise", "rumour",
 * "defence" are absent) gets the regular suffixes (-s/-es/-ies, -ed/-d/-ied,
 * -ing, doubled consonant), each kept when Hunspell spells it as written or
 * in its American spelling. Lemmas are folded to lower case first.
 *
 * One table for both languages: lib/lexicon.c maps the first word of an
 * inflect=1 form to the forms listed for that lemma, whatever the entry's
 * language. A lemma requested in both languages ("occupation", "violence",
 * "sanction") therefore gives both languages' forms to both entries; the
 * rows are kept apart by their morphology only. Such lemmas are listed in a
 * header comment; the effect is harmless for nouns that both languages
 * write alike, and a reason to avoid inflect=1 on an English verb that is
 * also a French lemma.
 */
#include <hunspell/hunspell.h>

#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LINE 65536

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen-inflections: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) die("out of memory", NULL);
    return q;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* ---- a growable array of strings ---- */
typedef struct {
    char **v;
    size_t n, cap;
} strvec;

static void sv_push(strvec *s, char *str)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = str;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void sv_sort_uniq(strvec *s)
{
    if (s->n == 0) return;
    qsort(s->v, s->n, sizeof *s->v, cmp_str);
    size_t w = 1;
    for (size_t r = 1; r < s->n; r++) {
        if (strcmp(s->v[r], s->v[w - 1]) == 0) free(s->v[r]);
        else s->v[w++] = s->v[r];
    }
    s->n = w;
}

static int sv_find(const strvec *s, const char *str) /* s sorted */
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(str, s->v[mid]);
        if (c == 0) return (int)mid;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return -1;
}

/* ---- reading the dictionary files ---- */

/* Strips a '#' comment (outside double quotes). */
static void strip_comment(char *line)
{
    bool q = false;
    for (char *p = line; *p; p++) {
        if (*p == '"') q = !q;
        else if (*p == '#' && !q) {
            *p = '\0';
            return;
        }
    }
}

/* The lemma of one form: its first word; an elided clitic in front
   ("s'affronter") is skipped. */
static char *form_lemma(const char *f, size_t n)
{
    while (n && isspace((unsigned char)*f)) f++, n--;
    size_t w = 0;
    while (w < n && !isspace((unsigned char)f[w])) w++;
    if (w == 0) return NULL;
    const char *word = f;
    for (size_t i = 0; i + 1 < w; i++)
        if (f[i] == '\'') word = f + i + 1;
    size_t len = (size_t)(f + w - word);
    /* typographic apostrophe U+2019 (3 bytes) */
    for (const char *p = word; p + 3 <= f + w; p++)
        if (memcmp(p, "\xe2\x80\x99", 3) == 0) {
            len = (size_t)(f + w - (p + 3));
            word = p + 3;
        }
    if (len == 0) return NULL;
    return xstrndup(word, len);
}

/* Part-of-speech hints of an English lemma (for its derived morphology). */
enum { EN_VERB = 1, EN_NOUN = 2 };

/* The value of attribute KEY in the attribute part, or NULL (copied to buf). */
static const char *attr_value(const char *attrs, size_t n, const char *key, char *buf, size_t cap)
{
    size_t kl = strlen(key);
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)attrs[i])) i++;
        size_t s = i;
        bool q = false;
        while (i < n && (q || !isspace((unsigned char)attrs[i]))) {
            if (attrs[i] == '"') q = !q;
            i++;
        }
        if (i - s > kl + 1 && memcmp(attrs + s, key, kl) == 0 && attrs[s + kl] == '=') {
            size_t vl = i - s - kl - 1;
            if (vl >= cap) vl = cap - 1;
            memcpy(buf, attrs + s + kl + 1, vl);
            buf[vl] = '\0';
            return buf;
        }
    }
    return NULL;
}

/* True when the attribute part (between CLASS and ':') holds inflect=1. */
static bool has_inflect(const char *attrs, size_t n)
{
    char v[8];
    const char *val = attr_value(attrs, n, "inflect", v, sizeof v);
    return val && strcmp(val, "1") == 0;
}

/* French lemmas go to fr; English ones (lang=en) to en, each prefixed with
   one byte of EN_VERB|EN_NOUN hints (merged later). */
static void read_data_file(const char *path, strvec *fr, strvec *en)
{
    FILE *f = fopen(path, "r");
    if (!f) die("cannot open dictionary file", path);
    static char line[MAX_LINE];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        strip_comment(line);
        /* the ':' that ends the attributes (outside quotes) */
        char *colon = NULL;
        bool q = false;
        for (char *p = line; *p; p++) {
            if (*p == '"') q = !q;
            else if (*p == ':' && !q) {
                colon = p;
                break;
            }
        }
        if (!colon || !has_inflect(line, (size_t)(colon - line))) continue;
        char val[64];
        const char *lang = attr_value(line, (size_t)(colon - line), "lang", val, sizeof val);
        bool english = lang && strcmp(lang, "en") == 0;
        int hints = EN_VERB | EN_NOUN;
        const char *pos = attr_value(line, (size_t)(colon - line), "pos", val, sizeof val);
        if (pos && (strcmp(pos, "verb") == 0 || strcmp(pos, "support") == 0)) hints = EN_VERB;
        else if (pos && strcmp(pos, "noun") == 0) hints = EN_NOUN;
        for (char *p = colon + 1; *p;) {
            char *e = strchr(p, ';');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            char *lemma = form_lemma(p, n);
            if (lemma && english) {
                size_t ln = strlen(lemma);
                for (size_t i = 0; i < ln; i++) lemma[i] = (char)tolower((unsigned char)lemma[i]);
                char *t = xrealloc(NULL, ln + 2);
                t[0] = (char)('0' + hints);
                memcpy(t + 1, lemma, ln + 1);
                free(lemma);
                sv_push(en, t);
            } else if (lemma) {
                sv_push(fr, lemma);
            }
            p += n + (e ? 1 : 0);
        }
    }
    if (ferror(f)) die("read error", path);
    fclose(f);
}

/* ---- Hunspell ---- */

static bool readable(const char *path) { return access(path, R_OK) == 0; }

/* The .aff/.dic pair of a language: ENV (path without extension), else the
   candidates; false when none is readable (the caller stops, naming the
   Debian package). */
static bool find_hunspell(const char *envname, const char *package, const char *const *cands, size_t ncands,
                          char *aff, char *dic, size_t cap)
{
    const char *env = getenv(envname);
    if (env && *env) {
        snprintf(aff, cap, "%s.aff", env);
        snprintf(dic, cap, "%s.dic", env);
        if (readable(aff) && readable(dic)) return true;
        fprintf(stderr, "gen-inflections: %s names no readable .aff/.dic pair: %s (install the Debian package %s, "
                        "or correct %s)\n",
                envname, env, package, envname);
        exit(1);
    }
    for (size_t i = 0; i < ncands; i++) {
        snprintf(aff, cap, "%s.aff", cands[i]);
        snprintf(dic, cap, "%s.dic", cands[i]);
        if (readable(aff) && readable(dic)) return true;
    }
    return false;
}

/* Keeps the tags that matter for matching: tense/mood, person, gender, number. */
static void reduce_morph(const char *an, char *out, size_t cap)
{
    static const char *keep[] = {"po:ipre", "po:iimp", "po:ipsi", "po:ifut", "po:cond", "po:spre",
                                 "po:simp", "po:impe", "po:ppre", "po:ppas", "po:infi", "po:1sg",
                                 "po:2sg",  "po:3sg",  "po:1pl",  "po:2pl",  "po:3pl",  "is:mas",
                                 "is:fem",  "is:sg",   "is:pl",   "is:inv"};
    size_t o = 0;
    out[0] = '\0';
    const char *p = an;
    while (*p) {
        while (*p == ' ' || *p == '\t') p++;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t') p++;
        size_t n = (size_t)(p - s);
        while (n && s[n - 1] == '!') n--; /* "po:3pl!" */
        for (size_t k = 0; k < sizeof keep / sizeof *keep; k++) {
            if (strlen(keep[k]) == n && memcmp(keep[k], s, n) == 0) {
                const char *tag = s + 3;
                size_t tn = n - 3;
                if (o + tn + 2 >= cap) return;
                if (o) out[o++] = ' ';
                memcpy(out + o, tag, tn);
                o += tn;
                out[o] = '\0';
                break;
            }
        }
    }
}

/* Stem of an analysis ("st:tuer"), copied into buf. */
static bool analysis_stem(const char *an, char *buf, size_t cap)
{
    const char *s = strstr(an, "st:");
    if (!s) return false;
    s += 3;
    size_t n = strcspn(s, " \t");
    if (n == 0 || n >= cap) return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return true;
}

typedef struct {
    char *lemma, *form, *morph;
} row;

static int cmp_row(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = strcmp(x->lemma, y->lemma);
    if (c) return c;
    return strcmp(x->form, y->form);
}

typedef struct {
    row *v;
    size_t n, cap;
} rowvec;

static void rv_push(rowvec *r, char *lemma, char *form, char *morph)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 4096;
        r->v = xrealloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n++] = (row){lemma, form, morph};
}

/* Steps 1 and 2 for one language: the lemmas' lines of DIC into one mini
   .dic, one unmunch run with AFF; the forms (flags, elided forms dropped)
   go to FORMS, found[i] says lemma i was in DIC. */
static void unmunch_lemmas(const strvec *lemmas, const char *aff, const char *dic, bool *found, strvec *forms)
{
    strvec dlines = {0};
    FILE *df = fopen(dic, "r");
    if (!df) die("cannot open", dic);
    static char line[MAX_LINE];
    bool first = true;
    char key[1024];
    while (fgets(line, sizeof line, df)) {
        if (first) { /* the word count */
            first = false;
            continue;
        }
        size_t n = strcspn(line, "/ \t\r\n");
        if (n == 0 || n >= sizeof key) continue;
        memcpy(key, line, n);
        key[n] = '\0';
        int k = sv_find(lemmas, key);
        if (k < 0) continue;
        found[k] = true;
        line[strcspn(line, "\r\n")] = '\0';
        sv_push(&dlines, xstrndup(line, strlen(line)));
    }
    fclose(df);

    const char *tmpdir = getenv("TMPDIR");
    char mini[4096];
    snprintf(mini, sizeof mini, "%s/gen-inflections-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    int fd = mkstemp(mini);
    if (fd < 0) die("cannot create a temporary file", strerror(errno));
    FILE *mf = fdopen(fd, "w");
    if (!mf) die("fdopen", strerror(errno));
    fprintf(mf, "%zu\n", dlines.n);
    for (size_t i = 0; i < dlines.n; i++) fprintf(mf, "%s\n", dlines.v[i]);
    if (fclose(mf) != 0) die("cannot write", mini);

    if (dlines.n) {
        char cmd[10000];
        snprintf(cmd, sizeof cmd, "unmunch '%s' '%s' 2>/dev/null", mini, aff);
        FILE *p = popen(cmd, "r");
        if (!p) die("cannot run unmunch", strerror(errno));
        while (fgets(line, sizeof line, p)) {
            size_t n = strcspn(line, "/\r\n");
            if (n == 0 || memchr(line, '\'', n) || strstr(line, "\xe2\x80\x99")) continue;
            sv_push(forms, xstrndup(line, n));
        }
        int st = pclose(p);
        if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) == 127) {
            unlink(mini);
            die("`unmunch` failed or is not installed (package hunspell-tools)", NULL);
        }
    }
    unlink(mini);
    for (size_t i = 0; i < dlines.n; i++) free(dlines.v[i]);
    free(dlines.v);
    /* the lemmas themselves, in case unmunch left one out */
    for (size_t i = 0; i < lemmas->n; i++)
        if (found[i]) sv_push(forms, xstrndup(lemmas->v[i], strlen(lemmas->v[i])));
    sv_sort_uniq(forms);
}

/* ---- French ---- */

static size_t expand_fr(const strvec *lemmas, rowvec *rows)
{
    static const char *const cands[] = {"/usr/share/hunspell/fr_FR", "/usr/share/myspell/dicts/fr_FR",
                                        "/usr/share/hunspell/fr"};
    char aff[4096], dic[4096];
    if (!find_hunspell("TREVE_HUNSPELL_FR", "hunspell-fr", cands, sizeof cands / sizeof *cands, aff, dic, sizeof aff))
        die("French Hunspell dictionary not found (tried /usr/share/hunspell/fr_FR.{aff,dic}, "
            "/usr/share/myspell/dicts/fr_FR.{aff,dic}); install the Debian package hunspell-fr or set "
            "TREVE_HUNSPELL_FR",
            NULL);
    size_t from = rows->n;
    bool *found = calloc(lemmas->n ? lemmas->n : 1, sizeof *found);
    if (!found) die("out of memory", NULL);
    strvec forms = {0};
    unmunch_lemmas(lemmas, aff, dic, found, &forms);

    /* 3. analyse every form */
    Hunhandle *h = Hunspell_create(aff, dic);
    if (!h) die("Hunspell_create failed", aff);
    bool *used = calloc(lemmas->n ? lemmas->n : 1, sizeof *used);
    if (!used) die("out of memory", NULL);
    char stem[1024], morph[512];
    for (size_t i = 0; i < forms.n; i++) {
        char **an = NULL;
        int na = Hunspell_analyze(h, &an, forms.v[i]);
        /* per lemma, the distinct reduced analyses of this form */
        for (int a = 0; a < na; a++) {
            if (!analysis_stem(an[a], stem, sizeof stem)) continue;
            int k = sv_find(lemmas, stem);
            if (k < 0) continue;
            if (used[k]) continue; /* this lemma was done for this form below */
            used[k] = true;
            char joined[2048] = "";
            size_t jl = 0;
            for (int b = a; b < na; b++) {
                if (!analysis_stem(an[b], stem, sizeof stem) || strcmp(stem, lemmas->v[k]) != 0) continue;
                reduce_morph(an[b], morph, sizeof morph);
                /* skip a duplicate reduced analysis */
                bool dup = false;
                for (const char *p = joined; *p;) {
                    size_t n = strcspn(p, "|");
                    size_t s = 0;
                    while (p[s] == ' ') s++;
                    size_t e = n;
                    while (e > s && p[e - 1] == ' ') e--;
                    if (e - s == strlen(morph) && memcmp(p + s, morph, e - s) == 0) dup = true;
                    p += n + (p[n] ? 1 : 0);
                }
                if (dup) continue;
                int w = snprintf(joined + jl, sizeof joined - jl, "%s%s", jl ? " | " : "", morph);
                if (w < 0 || (size_t)w >= sizeof joined - jl) break;
                jl += (size_t)w;
            }
            rv_push(rows, lemmas->v[k], forms.v[i], xstrndup(joined, jl));
        }
        /* reset the per-form marks */
        for (int a = 0; a < na; a++) {
            if (!analysis_stem(an[a], stem, sizeof stem)) continue;
            int k = sv_find(lemmas, stem);
            if (k >= 0) used[k] = false;
        }
        Hunspell_free_list(h, &an, na);
    }
    Hunspell_destroy(h);

    /* lemmas without any form: warn, emit the lemma itself */
    for (size_t i = from; i < rows->n; i++) used[sv_find(lemmas, rows->v[i].lemma)] = true;
    size_t nmissing = 0;
    for (size_t i = 0; i < lemmas->n; i++) {
        if (used[i]) continue;
        nmissing++;
        fprintf(stderr, "gen-inflections: warning: \"%s\" is not in the Hunspell dictionary; kept as is\n",
                lemmas->v[i]);
        rv_push(rows, lemmas->v[i], lemmas->v[i], xstrndup("", 0));
    }
    free(used);
    free(found);
    return nmissing;
}

/* ---- English ---- */

/* Irregular verbs of conflict and diplomacy news: lemma, simple past, past
   participle (en_US lists these as separate words, with no link to the
   lemma). */
static const char *const IRREGULAR[][3] = {
    {"arise", "arose", "arisen"},     {"bear", "bore", "borne"},          {"beat", "beat", "beaten"},
    {"begin", "began", "begun"},      {"bid", "bid", "bid"},              {"bind", "bound", "bound"},
    {"blow", "blew", "blown"},        {"break", "broke", "broken"},       {"bring", "brought", "brought"},
    {"build", "built", "built"},      {"buy", "bought", "bought"},        {"catch", "caught", "caught"},
    {"choose", "chose", "chosen"},    {"come", "came", "come"},           {"cut", "cut", "cut"},
    {"do", "did", "done"},            {"draw", "drew", "drawn"},          {"drive", "drove", "driven"},
    {"fall", "fell", "fallen"},       {"feel", "felt", "felt"},           {"fight", "fought", "fought"},
    {"find", "found", "found"},       {"flee", "fled", "fled"},           {"fly", "flew", "flown"},
    {"forbid", "forbade", "forbidden"}, {"freeze", "froze", "frozen"},    {"give", "gave", "given"},
    {"go", "went", "gone"},           {"hang", "hanged", "hanged"},       {"hit", "hit", "hit"},
    {"hold", "held", "held"},         {"hurt", "hurt", "hurt"},           {"keep", "kept", "kept"},
    {"lay", "laid", "laid"},          {"lead", "led", "led"},             {"leave", "left", "left"},
    {"lose", "lost", "lost"},         {"make", "made", "made"},           {"meet", "met", "met"},
    {"mislead", "misled", "misled"},  {"overrun", "overran", "overrun"},  {"pay", "paid", "paid"},
    {"put", "put", "put"},            {"rise", "rose", "risen"},          {"say", "said", "said"},
    {"see", "saw", "seen"},           {"seek", "sought", "sought"},       {"sell", "sold", "sold"},
    {"send", "sent", "sent"},         {"set", "set", "set"},              {"shake", "shook", "shaken"},
    {"shoot", "shot", "shot"},        {"shut", "shut", "shut"},           {"slay", "slew", "slain"},
    {"speak", "spoke", "spoken"},     {"spend", "spent", "spent"},        {"stand", "stood", "stood"},
    {"steal", "stole", "stolen"},     {"strike", "struck", "struck"},     {"swear", "swore", "sworn"},
    {"take", "took", "taken"},        {"teach", "taught", "taught"},      {"tell", "told", "told"},
    {"think", "thought", "thought"},  {"throw", "threw", "thrown"},       {"undertake", "undertook", "undertaken"},
    {"upset", "upset", "upset"},      {"win", "won", "won"},              {"withdraw", "withdrew", "withdrawn"},
    {"withhold", "withheld", "withheld"}, {"write", "wrote", "written"},
};

/* "D" from an analysis " st:attack fl:D" (0 when there is no fl:). */
static char analysis_flag(const char *an)
{
    const char *f = strstr(an, "fl:");
    return f ? f[3] : 0;
}

/* Appends a reading to a " | "-joined list unless it is there already. */
static void add_reading(char *joined, size_t cap, const char *r)
{
    if (!*r) return;
    for (const char *p = joined; *p;) {
        size_t n = strcspn(p, "|");
        size_t s = 0;
        while (p[s] == ' ') s++;
        size_t e = n;
        while (e > s && p[e - 1] == ' ') e--;
        if (e - s == strlen(r) && memcmp(p + s, r, e - s) == 0) return;
        p += n + (p[n] ? 1 : 0);
    }
    size_t jl = strlen(joined);
    snprintf(joined + jl, cap - jl, "%s%s", jl ? " | " : "", r);
}

static void push_en(rowvec *rows, size_t *nforms, char *lemma, const char *form, const char *morph)
{
    rv_push(rows, lemma, xstrndup(form, strlen(form)), xstrndup(morph, strlen(morph)));
    (*nforms)++;
}

/* Spelt by en_US as written, or in its American spelling (British -ise,
   -isation, -our, defence, manoeuvre: "mobilise" → mobilize). */
static bool spell_en(Hunhandle *h, const char *w)
{
    if (Hunspell_spell(h, w)) return true;
    static const char *const br[][2] = {{"isation", "ization"}, {"ising", "izing"}, {"ise", "ize"},
                                        {"our", "or"},          {"defence", "defense"}, {"manoeuvr", "maneuver"}};
    char am[1200];
    snprintf(am, sizeof am, "%s", w);
    bool changed = false;
    for (size_t i = 0; i < sizeof br / sizeof *br; i++) {
        char *p = strstr(am, br[i][0]);
        if (!p) continue;
        char tmp[1200];
        snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)(p - am), am, br[i][1], p + strlen(br[i][0]));
        snprintf(am, sizeof am, "%s", tmp);
        changed = true;
    }
    return changed && Hunspell_spell(h, am);
}

/* Regular English suffixes of LM (-s/-es/-ies, -ed/-d/-ied, -ing, doubled
   consonant), each kept when Hunspell spells it; the number of forms. */
static size_t en_rules(Hunhandle *h, rowvec *rows, size_t *nforms, char *lm, bool verb, bool noun)
{
    size_t ll = strlen(lm);
    if (ll < 2 || ll > 1000 || !spell_en(h, lm)) return 0;
    char buf[1100];
    char last = lm[ll - 1], prev = lm[ll - 2];
    bool cons_y = last == 'y' && !strchr("aeiou", prev);
    bool sib = strchr("sxz", last) || (ll >= 2 && (memcmp(lm + ll - 2, "ch", 2) == 0 || memcmp(lm + ll - 2, "sh", 2) == 0));
    size_t n = 0;
    /* -s */
    if (cons_y) snprintf(buf, sizeof buf, "%.*sies", (int)(ll - 1), lm);
    else snprintf(buf, sizeof buf, "%s%s", lm, sib ? "es" : "s");
    if (spell_en(h, buf)) {
        push_en(rows, nforms, lm, buf, verb && noun ? "ipre 3sg | pl" : verb ? "ipre 3sg" : "pl");
        n++;
    }
    if (!verb) return n;
    /* -ed */
    if (cons_y) snprintf(buf, sizeof buf, "%.*sied", (int)(ll - 1), lm);
    else snprintf(buf, sizeof buf, "%s%s", lm, last == 'e' ? "d" : "ed");
    if (spell_en(h, buf)) {
        push_en(rows, nforms, lm, buf, "past");
        n++;
    }
    /* -ing */
    if (last == 'e' && prev != 'e') snprintf(buf, sizeof buf, "%.*sing", (int)(ll - 1), lm);
    else snprintf(buf, sizeof buf, "%sing", lm);
    if (spell_en(h, buf)) {
        push_en(rows, nforms, lm, buf, "ppre");
        n++;
    }
    /* doubled final consonant */
    if (!strchr("aeiouywx", last)) {
        snprintf(buf, sizeof buf, "%s%ced", lm, last);
        if (spell_en(h, buf)) push_en(rows, nforms, lm, buf, "past"), n++;
        snprintf(buf, sizeof buf, "%s%cing", lm, last);
        if (spell_en(h, buf)) push_en(rows, nforms, lm, buf, "ppre"), n++;
    }
    return n ? n : 1; /* spelt: known, with no regular form */
}

/* tagged: "<hints><lemma>" strings; on return it holds the plain lemmas. */
static size_t expand_en(strvec *tagged, rowvec *rows, size_t *nforms)
{
    strvec lemmas = {0};
    sv_sort_uniq(tagged);
    for (size_t i = 0; i < tagged->n; i++) sv_push(&lemmas, xstrndup(tagged->v[i] + 1, strlen(tagged->v[i] + 1)));
    sv_sort_uniq(&lemmas);
    int *hints = calloc(lemmas.n ? lemmas.n : 1, sizeof *hints);
    if (!hints) die("out of memory", NULL);
    for (size_t i = 0; i < tagged->n; i++) hints[sv_find(&lemmas, tagged->v[i] + 1)] |= tagged->v[i][0] - '0';
    *tagged = lemmas;

    static const char *const cands[] = {"/usr/share/hunspell/en_US", "/usr/share/myspell/dicts/en_US",
                                        "/usr/share/hunspell/en_GB"};
    char aff[4096], dic[4096];
    if (!find_hunspell("TREVE_HUNSPELL_EN", "hunspell-en-us", cands, sizeof cands / sizeof *cands, aff, dic, sizeof aff))
        die("English Hunspell dictionary not found (tried /usr/share/hunspell/en_US.{aff,dic}, "
            "/usr/share/myspell/dicts/en_US.{aff,dic}); install the Debian package hunspell-en-us "
            "or set TREVE_HUNSPELL_EN",
            NULL);
    bool *found = calloc(lemmas.n ? lemmas.n : 1, sizeof *found);
    if (!found) die("out of memory", NULL);
    strvec forms = {0};
    unmunch_lemmas(&lemmas, aff, dic, found, &forms);
    Hunhandle *h = Hunspell_create(aff, dic);
    if (!h) die("Hunspell_create failed", aff);

    char stem[1024], joined[512];
    size_t nmissing = 0;
    for (size_t k = 0; k < lemmas.n; k++) {
        const char *lm = lemmas.v[k];
        size_t ll = strlen(lm);
        bool verb = hints[k] & EN_VERB, noun = hints[k] & EN_NOUN;
        /* the lemma itself */
        joined[0] = '\0';
        if (verb) add_reading(joined, sizeof joined, "infi ipre");
        if (noun) add_reading(joined, sizeof joined, "sg");
        push_en(rows, nforms, lemmas.v[k], lm, joined);
        if (!found[k]) {
            /* not a line of its own in en_US ("refuse" is "fuse" + the prefix
               re-, "shelling" a derived form): regular suffixes, kept when
               Hunspell spells them */
            if (!en_rules(h, rows, nforms, lemmas.v[k], verb, noun)) {
                nmissing++;
                fprintf(stderr,
                        "gen-inflections: warning: \"%s\" is not in the English Hunspell dictionary; kept as is\n", lm);
            }
            continue;
        }
        /* regular forms from unmunch: the same stem but for a final e/y */
        for (size_t i = 0; i < forms.n; i++) {
            const char *fm = forms.v[i];
            if (strcmp(fm, lm) == 0 || ll < 2 || strncmp(fm, lm, ll - 1) != 0) continue;
            char **an = NULL;
            int na = Hunspell_analyze(h, &an, fm);
            joined[0] = '\0';
            for (int a = 0; a < na; a++) {
                if (!analysis_stem(an[a], stem, sizeof stem) || strcmp(stem, lm) != 0) continue;
                switch (analysis_flag(an[a])) {
                case 'S':
                    if (verb) add_reading(joined, sizeof joined, "ipre 3sg");
                    if (noun) add_reading(joined, sizeof joined, "pl");
                    break;
                case 'D': add_reading(joined, sizeof joined, "past"); break;
                case 'G': add_reading(joined, sizeof joined, "ppre"); break;
                case 'J': add_reading(joined, sizeof joined, "pl"); break;
                default: break; /* -er, -ion, -ly, prefixes…: other words */
                }
            }
            Hunspell_free_list(h, &an, na);
            if (*joined) push_en(rows, nforms, lemmas.v[k], fm, joined);
        }
        if (!verb) continue;
        /* forms en_US lists as words of their own ("fired", "firing" next
           to "fire/MS"), doubled consonants (ban → banned, banning) */
        en_rules(h, rows, nforms, lemmas.v[k], verb, noun);
        /* irregular verbs */
        for (size_t r = 0; r < sizeof IRREGULAR / sizeof *IRREGULAR; r++) {
            if (strcmp(IRREGULAR[r][0], lm) != 0) continue;
            bool same = strcmp(IRREGULAR[r][1], IRREGULAR[r][2]) == 0;
            if (strcmp(IRREGULAR[r][1], lm) != 0) push_en(rows, nforms, lemmas.v[k], IRREGULAR[r][1], "past");
            if (!same && strcmp(IRREGULAR[r][2], lm) != 0) push_en(rows, nforms, lemmas.v[k], IRREGULAR[r][2], "ppas");
        }
    }
    Hunspell_destroy(h);
    free(found);
    free(hints);
    return nmissing;
}

/* The same (lemma, form) twice (a lemma of both languages, or the
   irregular table and unmunch): one row, readings joined. rows sorted. */
static void merge_rows(rowvec *rows)
{
    size_t w = 0;
    for (size_t r = 0; r < rows->n; r++) {
        if (w && strcmp(rows->v[w - 1].lemma, rows->v[r].lemma) == 0 &&
            strcmp(rows->v[w - 1].form, rows->v[r].form) == 0) {
            char joined[2048];
            snprintf(joined, sizeof joined, "%s", rows->v[w - 1].morph);
            for (const char *p = rows->v[r].morph; *p;) {
                size_t n = strcspn(p, "|");
                char one[512];
                size_t s = 0;
                while (p[s] == ' ') s++;
                size_t e = n;
                while (e > s && p[e - 1] == ' ') e--;
                if (e - s < sizeof one) {
                    memcpy(one, p + s, e - s);
                    one[e - s] = '\0';
                    add_reading(joined, sizeof joined, one);
                }
                p += n + (p[n] ? 1 : 0);
            }
            rows->v[w - 1].morph = xstrndup(joined, strlen(joined));
            continue;
        }
        rows->v[w++] = rows->v[r];
    }
    rows->n = w;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen-inflections DICTIONARY-FILE...\n");
        return 2;
    }
    strvec fr = {0}, en = {0};
    for (int i = 1; i < argc; i++) read_data_file(argv[i], &fr, &en);
    sv_sort_uniq(&fr);

    rowvec rows = {0};
    size_t nmissing_fr = expand_fr(&fr, &rows);
    size_t nfr = rows.n;
    size_t nforms_en = 0;
    size_t nmissing_en = expand_en(&en, &rows, &nforms_en); /* en: now the plain lemmas */

    qsort(rows.v, rows.n, sizeof *rows.v, cmp_row);
    merge_rows(&rows);
    printf("# inflections.fr.tsv — GENERATED by tools/gen-inflections.c from the inflect=1 entries of\n"
           "# data/**/*.txt and the French (Grammalecte, MPL 2.0) and English (en_US, SCOWL) Hunspell\n"
           "# dictionaries. Do not edit. French and English lemmas share this one table.\n"
           "# lemma<TAB>form<TAB>morphology (analyses of one form joined by \" | \"; English readings:\n"
           "# infi ipre, ipre 3sg, past (past tense or past participle), ppas, ppre, sg, pl)\n"
           "# %zu lemmas, %zu not in Hunspell, %zu forms (French: %zu lemmas, %zu forms; English: %zu\n"
           "# lemmas, %zu forms)\n",
           fr.n + en.n, nmissing_fr + nmissing_en, rows.n, fr.n, nfr, en.n, nforms_en);
    /* the same figures on one line for scripts/check-tables.sh */
    printf("# sizes: fr_lemmas=%zu fr_forms=%zu fr_missing=%zu en_lemmas=%zu en_forms=%zu en_missing=%zu rows=%zu\n",
           fr.n, nfr, nmissing_fr, en.n, nforms_en, nmissing_en, rows.n);
    /* lemmas requested in both languages: their forms serve both entries */
    for (size_t i = 0; i < en.n; i++)
        if (sv_find(&fr, en.v[i]) >= 0) printf("# lemma in both languages: %s\n", en.v[i]);
    for (size_t i = 0; i < rows.n; i++) printf("%s\t%s\t%s\n", rows.v[i].lemma, rows.v[i].form, rows.v[i].morph);
    if (fflush(stdout) != 0 || ferror(stdout)) die("write error on standard output", NULL);
    return 0;
}
