/*
 * normalise.c — UTF-8 validation and folding for matching.
 *
 * Builds text->norm, the article folded for matching, and text->norm_to_src,
 * which maps every norm byte back to the source offset of the character that
 * produced it. Folding (the same for articles and dictionary forms, see
 * tv_fold):
 *   - compatibility decomposition, case folding and removal of every
 *     combining mark (utf8proc), so NFC and NFD input fold the same and
 *     "Arménie" → "armenie", "ŒUVRE" → "oeuvre", "ﬁ" → "fi", "…" → "...";
 *   - apostrophes ’ ‘ ‚ ‛ ʼ ´ ` ′ → ' ; quotes « » “ ” „ ‟ ‹ › ″ → " ;
 *     dashes (every Pd character) and − → '-' ; ⁄ ∕ → '/' ;
 *   - every space separator (NBSP, narrow NBSP, thin space…), TAB and the
 *     other control characters → ' ' ; "\r\n" → " \n", a lone "\r" → "\n",
 *     U+2028 / U+0085 → "\n", U+2029 → "\n\n" ;
 *   - format characters (soft hyphen, zero-width space/joiners, BOM, bidi
 *     marks) produce nothing ;
 *   - U+FFFD → ' ' ; in TREVE_UTF8_REPLACE mode each invalid byte folds as
 *     its Windows-1252 character (tv_cp1252) and NUL as ' '.
 *
 * Speed: ASCII goes through a 256-entry table; other code points below
 * U+3000 and in U+FB00..U+FFFF through a fold table computed once
 * (pthread_once) with utf8proc; the rest calls utf8proc directly.
 */
#include "text.h"

#include <pthread.h>
#include <utf8proc.h>

#define FOLD_MAXB 7
#define FOLD_SLOW 0xFF /* entry too long for the table: compute it per call */

typedef struct fold_ent {
    uint8_t len;
    char s[FOLD_MAXB];
} fold_ent;

#define T1_LO 0x80
#define T1_HI 0x3000
#define T2_LO 0xFB00
#define T2_HI 0x10000
#define T1_N (T1_HI - T1_LO)

static fold_ent fold_tab[T1_N + (T2_HI - T2_LO)];
/* ASCII: folded byte; 0 marks the bytes that need a decision (NUL, CR). */
static unsigned char ascii_tab[128];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/* Folds that are ours rather than Unicode's. Writes out and returns the
   length (0 = the character vanishes), or -1 when cp is not special. */
static int fold_special(int32_t cp, char *out)
{
    switch (cp) {
    case '\n': out[0] = '\n'; return 1;
    case 0x85: case 0x2028: out[0] = '\n'; return 1;
    case 0x2029: out[0] = '\n'; out[1] = '\n'; return 2;
    case '`': case 0xB4: case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x02BB:
    case 0x02B9: case 0x2032: case 0xFF07:
        out[0] = '\''; return 1;
    case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A:
    case 0x2033: case 0x301D: case 0x301E: case 0x301F: case 0xFF02:
        out[0] = '"'; return 1;
    case 0x2212: case 0xFE63: case 0xFF0D:
        out[0] = '-'; return 1;
    case 0x2044: case 0x2215:
        out[0] = '/'; return 1;
    case 0xFFFD:
        out[0] = ' '; return 1;
    case 0x152: case 0x153: /* Œ œ: no Unicode decomposition */
        out[0] = 'o'; out[1] = 'e'; return 2;
    case 0xC6: case 0xE6: /* Æ æ */
        out[0] = 'a'; out[1] = 'e'; return 2;
    default: break;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
        out[0] = ' ';
        return 1;
    }
    if (cp < 0x80)
        return -1;
    if (cp >= 0xAC00 && cp <= 0xD7A3) /* Hangul syllables: kept whole */
        return (int)tv_utf8_encode(cp, out);
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS: out[0] = ' '; return 1;
    case UTF8PROC_CATEGORY_ZL: out[0] = '\n'; return 1;
    case UTF8PROC_CATEGORY_ZP: out[0] = '\n'; out[1] = '\n'; return 2;
    case UTF8PROC_CATEGORY_PD: out[0] = '-'; return 1;
    case UTF8PROC_CATEGORY_CF: return 0;
    default: return -1;
    }
}

/* The full fold of one code point (out: 128 bytes of room). */
static size_t fold_cp_slow(int32_t cp, char *out)
{
    int k = fold_special(cp, out);
    if (k >= 0)
        return (size_t)k;
    utf8proc_int32_t buf[24];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, buf, (utf8proc_ssize_t)TV_ARRAY_LEN(buf),
        UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE, &last);
    if (n < 0 || n > (utf8proc_ssize_t)TV_ARRAY_LEN(buf)) {
        buf[0] = cp;
        n = 1;
    }
    size_t o = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        int32_t c = buf[i];
        k = fold_special(c, out + o);
        if (k >= 0) {
            o += (size_t)k;
        } else if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            o += tv_utf8_encode(c, out + o);
        }
        if (o > 100)
            break;
    }
    return o;
}

static void fold_init(void)
{
    for (int c = 0; c < 128; c++) {
        unsigned char f = (unsigned char)c;
        if (c >= 'A' && c <= 'Z')
            f = (unsigned char)(c + 32);
        else if (c == '`')
            f = '\'';
        else if (c == '\n')
            f = '\n';
        else if (c < 0x20 || c == 0x7F)
            f = ' ';
        ascii_tab[c] = f;
    }
    ascii_tab[0] = 0;
    ascii_tab['\r'] = 0;
    char tmp[128];
    for (size_t i = 0; i < TV_ARRAY_LEN(fold_tab); i++) {
        int32_t cp = (int32_t)(i < T1_N ? T1_LO + i : T2_LO + (i - T1_N));
        fold_ent *e = &fold_tab[i];
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            e->len = FOLD_SLOW;
            continue;
        }
        size_t n = fold_cp_slow(cp, tmp);
        if (n > FOLD_MAXB) {
            e->len = FOLD_SLOW;
        } else {
            e->len = (uint8_t)n;
            memcpy(e->s, tmp, n);
        }
    }
}

/* UTF-8 decoding of a non-ASCII lead byte (same rules as tv_utf8_decode). */
static inline size_t dec_utf8(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned char c = s[0];
    if (c >= 0xC2 && c <= 0xDF) {
        if (n >= 2 && (s[1] & 0xC0) == 0x80) {
            *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
            return 2;
        }
        return 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        int32_t v = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return 3;
    }
    return tv_utf8_decode(s, n, cp);
}

enum { FOLD_OK = 0, FOLD_BAD_UTF8 = -1, FOLD_NUL = -2 };

/* The folding loop. Writes at most cap bytes into out (and map, when not
   NULL); returns the number of bytes the whole fold needs (which may exceed
   cap: the caller then retries with that capacity), or FOLD_BAD_UTF8 /
   FOLD_NUL with *bad set to the offending offset. */
static inline __attribute__((always_inline)) long long
fold_run(const unsigned char *s, size_t n, size_t i, bool replace_bad, bool replace_nul, char *out, uint32_t *map,
         size_t cap, size_t *bad)
{
    size_t o = 0;
#define EMIT(ch, at)                                                                                             \
    do {                                                                                                         \
        if (o < cap) {                                                                                           \
            out[o] = (char)(ch);                                                                                 \
            if (map)                                                                                             \
                map[o] = (uint32_t)(at);                                                                         \
        }                                                                                                        \
        o++;                                                                                                     \
    } while (0)
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            unsigned char f = ascii_tab[c];
            if (__builtin_expect(f == 0, 0)) {
                if (c == 0) {
                    if (!replace_nul) {
                        *bad = i;
                        return FOLD_NUL;
                    }
                    f = ' ';
                } else { /* CR: before LF a space, alone a line break */
                    f = (i + 1 < n && s[i + 1] == '\n') ? ' ' : '\n';
                }
            }
            EMIT(f, i);
            i++;
            continue;
        }
        int32_t cp;
        size_t k = dec_utf8(s + i, n - i, &cp);
        if (k == 0) {
            if (!replace_bad) {
                *bad = i;
                return FOLD_BAD_UTF8;
            }
            cp = tv_cp1252(c); /* below U+3000: in the table */
            k = 1;
        }
        const fold_ent *e = NULL;
        if (cp < T1_HI)
            e = &fold_tab[cp - T1_LO];
        else if (cp >= T2_LO && cp < T2_HI)
            e = &fold_tab[T1_N + (cp - T2_LO)];
        if (e && e->len != FOLD_SLOW) {
            for (unsigned j = 0; j < e->len; j++)
                EMIT(e->s[j], i);
        } else {
            char tmp[128];
            size_t m = fold_cp_slow(cp, tmp);
            for (size_t j = 0; j < m; j++)
                EMIT(tmp[j], i);
        }
        i += k;
    }
#undef EMIT
    return (long long)o;
}

int tv_normalise(tv_text *text, tv_arena *a, treve_invalid_utf8 mode, treve_error *err)
{
    if (!text || (!text->src && text->len))
        return tv_fail(err, TREVE_EINVAL, "no text", 0, 0);
    if (text->len > TREVE_MAX_ARTICLE)
        return tv_fail(err, TREVE_ETOOBIG, "article larger than 32 MiB", TREVE_MAX_ARTICLE, 0);
    pthread_once(&fold_once, fold_init);
    const unsigned char *s = (const unsigned char *)text->src;
    size_t n = text->len, start = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        start = 3;
    text->body_start = start;
    bool repl = mode == TREVE_UTF8_REPLACE;
    /* Folding rarely lengthens text ("…" and "œ" keep their byte length,
       accents and NBSP shrink): try the source length, retry when short. */
    size_t cap = n - start + 16;
    for (int attempt = 0; attempt < 2; attempt++) {
        char *norm = tv_arena_alloc(a, cap + 1);
        uint32_t *map = tv_arena_array_uninit(a, cap + 1, sizeof(uint32_t)); /* filled up to norm_len */
        if (!norm || !map)
            return tv_fail(err, TREVE_ENOMEM, "out of memory (normalised text)", 0, 0);
        size_t bad = 0;
        long long r = fold_run(s, n, start, repl, repl, norm, map, cap, &bad);
        if (r == FOLD_BAD_UTF8)
            return tv_fail(err, TREVE_EUTF8, "invalid UTF-8", bad, 0);
        if (r == FOLD_NUL)
            return tv_fail(err, TREVE_ENUL, "NUL byte in text", bad, 0);
        if ((size_t)r <= cap) {
            norm[r] = '\0';
            map[r] = (uint32_t)n;
            text->norm = norm;
            text->norm_len = (size_t)r;
            text->norm_to_src = map;
            return TREVE_OK;
        }
        cap = (size_t)r;
    }
    return tv_fail(err, TREVE_ENOMEM, "normalisation overflow", 0, 0);
}

char *tv_fold(tv_arena *a, const char *s, size_t n, size_t *out_len)
{
    if (out_len)
        *out_len = 0;
    if (!s && n)
        return NULL;
    pthread_once(&fold_once, fold_init);
    size_t cap = n + 16;
    for (int attempt = 0; attempt < 2; attempt++) {
        char *out = tv_arena_alloc(a, cap + 1);
        if (!out)
            return NULL;
        size_t bad;
        long long r = fold_run((const unsigned char *)s, n, 0, false, true, out, NULL, cap, &bad);
        if (r < 0)
            return NULL;
        if ((size_t)r <= cap) {
            out[r] = '\0';
            if (out_len)
                *out_len = (size_t)r;
            return out;
        }
        cap = (size_t)r;
    }
    return NULL;
}
