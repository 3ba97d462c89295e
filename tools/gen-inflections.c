/*
 * gen-inflections.c — build-time generator of the French inflection table.
 *
 *   gen-inflections FILE...  > build/gen/data/inflections.fr.tsv
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
 * files or a missing `unmunch` → message on stderr and exit status 1.
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

/* True when the attribute part (between CLASS and ':') holds inflect=1. */
static bool has_inflect(const char *attrs, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)attrs[i])) i++;
        size_t s = i;
        bool q = false;
        while (i < n && (q || !isspace((unsigned char)attrs[i]))) {
            if (attrs[i] == '"') q = !q;
            i++;
        }
        if (i - s == 9 && memcmp(attrs + s, "inflect=1", 9) == 0) return true;
    }
    return false;
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

static void read_data_file(const char *path, strvec *lemmas)
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
        for (char *p = colon + 1; *p;) {
            char *e = strchr(p, ';');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            char *lemma = form_lemma(p, n);
            if (lemma) sv_push(lemmas, lemma);
            p += n + (e ? 1 : 0);
        }
    }
    if (ferror(f)) die("read error", path);
    fclose(f);
}

/* ---- Hunspell ---- */

static bool readable(const char *path) { return access(path, R_OK) == 0; }

static void find_hunspell(char *aff, char *dic, size_t cap)
{
    const char *env = getenv("TREVE_HUNSPELL_FR");
    const char *cands[] = {env, "/usr/share/hunspell/fr_FR", "/usr/share/myspell/dicts/fr_FR",
                           "/usr/share/hunspell/fr"};
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++) {
        if (!cands[i] || !*cands[i]) continue;
        snprintf(aff, cap, "%s.aff", cands[i]);
        snprintf(dic, cap, "%s.dic", cands[i]);
        if (readable(aff) && readable(dic)) return;
        if (i == 0) die("TREVE_HUNSPELL_FR names no readable .aff/.dic pair", env);
    }
    die("French Hunspell dictionary not found (tried /usr/share/hunspell/fr_FR.{aff,dic}, "
        "/usr/share/myspell/dicts/fr_FR.{aff,dic}); install hunspell-fr or set TREVE_HUNSPELL_FR",
        NULL);
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

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen-inflections DICTIONARY-FILE...\n");
        return 2;
    }
    strvec lemmas = {0};
    for (int i = 1; i < argc; i++) read_data_file(argv[i], &lemmas);
    sv_sort_uniq(&lemmas);

    char aff[4096], dic[4096];
    find_hunspell(aff, dic, sizeof aff);

    /* 1. the lemmas' lines of the .dic into one mini .dic */
    bool *found = calloc(lemmas.n ? lemmas.n : 1, sizeof *found);
    strvec dlines = {0};
    if (!found) die("out of memory", NULL);
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
        int k = sv_find(&lemmas, key);
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

    /* 2. one unmunch run */
    strvec forms = {0};
    if (dlines.n) {
        char cmd[10000];
        snprintf(cmd, sizeof cmd, "unmunch '%s' '%s' 2>/dev/null", mini, aff);
        FILE *p = popen(cmd, "r");
        if (!p) die("cannot run unmunch", strerror(errno));
        while (fgets(line, sizeof line, p)) {
            size_t n = strcspn(line, "/\r\n");
            if (n == 0 || memchr(line, '\'', n) || strstr(line, "\xe2\x80\x99")) continue;
            sv_push(&forms, xstrndup(line, n));
        }
        int st = pclose(p);
        if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) == 127) {
            unlink(mini);
            die("`unmunch` failed or is not installed (package hunspell-tools)", NULL);
        }
    }
    unlink(mini);
    /* the lemmas themselves, in case unmunch left one out */
    for (size_t i = 0; i < lemmas.n; i++)
        if (found[i]) sv_push(&forms, xstrndup(lemmas.v[i], strlen(lemmas.v[i])));
    sv_sort_uniq(&forms);

    /* 3. analyse every form */
    Hunhandle *h = Hunspell_create(aff, dic);
    if (!h) die("Hunspell_create failed", aff);
    row *rows = NULL;
    size_t nrows = 0, caprows = 0;
    bool *used = calloc(lemmas.n ? lemmas.n : 1, sizeof *used);
    if (!used) die("out of memory", NULL);
    char stem[1024], morph[512];
    for (size_t i = 0; i < forms.n; i++) {
        char **an = NULL;
        int na = Hunspell_analyze(h, &an, forms.v[i]);
        /* per lemma, the distinct reduced analyses of this form */
        for (int a = 0; a < na; a++) {
            if (!analysis_stem(an[a], stem, sizeof stem)) continue;
            int k = sv_find(&lemmas, stem);
            if (k < 0) continue;
            if (used[k]) continue; /* this lemma was done for this form below */
            used[k] = true;
            char joined[2048] = "";
            size_t jl = 0;
            for (int b = a; b < na; b++) {
                if (!analysis_stem(an[b], stem, sizeof stem) || strcmp(stem, lemmas.v[k]) != 0) continue;
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
            if (nrows == caprows) {
                caprows = caprows ? caprows * 2 : 4096;
                rows = xrealloc(rows, caprows * sizeof *rows);
            }
            rows[nrows++] = (row){lemmas.v[k], forms.v[i], xstrndup(joined, jl)};
        }
        /* reset the per-form marks */
        for (int a = 0; a < na; a++) {
            if (!analysis_stem(an[a], stem, sizeof stem)) continue;
            int k = sv_find(&lemmas, stem);
            if (k >= 0) used[k] = false;
        }
        Hunspell_free_list(h, &an, na);
    }
    Hunspell_destroy(h);

    /* lemmas without any form: warn, emit the lemma itself */
    size_t nmissing = 0;
    for (size_t i = 0; i < nrows; i++) used[sv_find(&lemmas, rows[i].lemma)] = true;
    for (size_t i = 0; i < lemmas.n; i++) {
        if (used[i]) continue;
        nmissing++;
        fprintf(stderr, "gen-inflections: warning: \"%s\" is not in the Hunspell dictionary; kept as is\n",
                lemmas.v[i]);
        if (nrows == caprows) {
            caprows = caprows ? caprows * 2 : 4096;
            rows = xrealloc(rows, caprows * sizeof *rows);
        }
        rows[nrows++] = (row){lemmas.v[i], lemmas.v[i], xstrndup("", 0)};
    }

    qsort(rows, nrows, sizeof *rows, cmp_row);
    printf("# inflections.fr.tsv — GENERATED by tools/gen-inflections.c from the inflect=1 entries of\n"
           "# data/**/*.txt and the French Hunspell dictionary (Grammalecte, MPL 2.0). Do not edit.\n"
           "# lemma<TAB>form<TAB>morphology (analyses of one form joined by \" | \")\n"
           "# %zu lemmas, %zu not in Hunspell, %zu forms\n",
           lemmas.n, nmissing, nrows);
    for (size_t i = 0; i < nrows; i++) printf("%s\t%s\t%s\n", rows[i].lemma, rows[i].form, rows[i].morph);
    if (fflush(stdout) != 0 || ferror(stdout)) die("write error on standard output", NULL);
    return 0;
}
