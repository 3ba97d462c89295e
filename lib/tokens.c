/*
 * tokens.c — splits the normalised text into tokens.
 *
 * Works on text->norm (folded, see normalise.c) and maps every token back
 * to source offsets through text->norm_to_src. Rules (tests/unit/test_text.c
 * has an example of each):
 *   - letters and digits make words; a hyphen between two letter/digit runs
 *     joins them into one token when either side has a letter
 *     ("cessez-le-feu", "a-t-il", "S-300", "covid-19"; but "1990-2000" is
 *     three tokens);
 *   - an apostrophe after l d j m n s t c qu jusqu lorsqu puisqu quoiqu
 *     presqu (the whole token so far) followed by a letter, a digit or a
 *     quote ends an elided token ("l'" + "Arménie", flag ELISION), except in
 *     presqu'île and N'Djamena; English "'s" followed by a non-letter is its
 *     own token ("Russia" + "'s"); other apostrophes between letters stay
 *     inside the word ("aujourd'hui", "don't"); any other apostrophe is a
 *     PUNCT token "'";
 *   - numbers: a digit run, then thousand groups (a first group of 1-3
 *     digits, then groups of exactly 3 after ' ' (any space: NBSP, narrow
 *     NBSP…), '.' or ',' — one separator kind), then at most one decimal part
 *     after ',' or '.'; dotted runs such as "13.09.2022" stay one token; a
 *     digit run glued to letters continues as ALNUM ("06H00", "9h30", "1er",
 *     "3km"), but a number with separators ends before letters ("2,5km" →
 *     "2,5" + "km", the second without SPACE flag); "9 h 30" is three tokens;
 *   - "..." (and any run of 2+ dots) is one PUNCT token; . , ; : ! ? - and
 *     other punctuation one PUNCT token per character; quotes QUOTE with
 *     QOPEN/QCLOSE judged from the character and its neighbours; ( [ { OPEN,
 *     ) ] } CLOSE; anything else one SYMBOL token per character.
 * Flags: CAP when the first character of the token is an upper-case letter;
 * UPPER when, in addition, every letter is upper case and there are 2+;
 * SPACE when white space precedes the token; LINE for the first token of a
 * line; PARA for the first token of the text and after a blank line.
 */
#include "text.h"

#include <pthread.h>
#include <utf8proc.h>

enum {
    C_SPACE = 1, /* ' ' '\n' */
    C_LETTER,
    C_DIGIT,
    C_APOS,
    C_HYPHEN,
    C_DOT,
    C_PUNCT,
    C_QUOTE,
    C_OPEN,
    C_CLOSE,
    C_SYM,
    C_HIGH /* non-ASCII: decode and ask utf8proc */
};

static const unsigned char ascii_cls[128] = {
    [' '] = C_SPACE, ['\n'] = C_SPACE, ['\''] = C_APOS, ['-'] = C_HYPHEN, ['.'] = C_DOT,
    [','] = C_PUNCT, [';'] = C_PUNCT, [':'] = C_PUNCT, ['!'] = C_PUNCT, ['?'] = C_PUNCT,
    ['"'] = C_QUOTE, ['('] = C_OPEN, ['['] = C_OPEN, ['{'] = C_OPEN, [')'] = C_CLOSE,
    [']'] = C_CLOSE, ['}'] = C_CLOSE,
#define R10(c) [c] = C_DIGIT
    R10('0'), R10('1'), R10('2'), R10('3'), R10('4'), R10('5'), R10('6'), R10('7'), R10('8'), R10('9'),
#undef R10
#define L(c) [c] = C_LETTER
    L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'),
    L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'),
    /* norm is lower case, but tokens are also computed on raw strings by
       tests: treat upper case as letters too */
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'), L('K'), L('L'), L('M'),
    L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'), L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

static inline size_t dec(const unsigned char *s, size_t n, int32_t *cp)
{
    size_t k = tv_utf8_decode(s, n, cp);
    if (k == 0) { /* a bad byte in TREVE_UTF8_REPLACE mode */
        *cp = tv_cp1252(s[0]);
        k = 1;
    }
    return k;
}

static int high_class(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return C_SPACE;
    case UTF8PROC_CATEGORY_PS: return C_OPEN;
    case UTF8PROC_CATEGORY_PE: return C_CLOSE;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: return C_QUOTE;
    case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PO: return C_PUNCT;
    default: return C_SYM;
    }
}

/* Class of every byte value: ascii_cls completed, C_HIGH above 0x7F, and
   0 for NUL (norm is NUL-terminated: the scanning loops stop there). */
static unsigned char byte_cls[256];
static pthread_once_t byte_once = PTHREAD_ONCE_INIT;
static void byte_init(void)
{
    for (int c = 0; c < 256; c++)
        byte_cls[c] = c >= 0x80 ? C_HIGH : ascii_cls[c] ? ascii_cls[c] : c < 0x20 ? C_SPACE : C_SYM;
    byte_cls[0] = 0;
}

/* Class of the character at norm[i]; *len its byte length. */
static inline int cls_at(const char *norm, size_t n, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)norm[i];
    if (c < 0x80) {
        *len = 1;
        unsigned char k = ascii_cls[c];
        return k ? k : (c < 0x20 ? C_SPACE : C_SYM);
    }
    int32_t cp;
    *len = dec((const unsigned char *)norm + i, n - i, &cp);
    return high_class(cp);
}

static inline bool is_alnum_at(const char *norm, size_t n, size_t i)
{
    if (i >= n)
        return false;
    size_t l;
    int c = cls_at(norm, n, i, &l);
    return c == C_LETTER || c == C_DIGIT;
}

static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

static size_t digit_run(const char *norm, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && is_digit(norm[j]))
        j++;
    return j - i;
}

static bool is_elision(const char *w, size_t n)
{
    static const char *const el[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
                                     "quoiqu", "presqu"};
    for (size_t i = 0; i < TV_ARRAY_LEN(el); i++)
        if (strlen(el[i]) == n && memcmp(el[i], w, n) == 0)
            return true;
    return false;
}

/* Words whose apostrophe is not an elision although the part before it is
   an elided form: presqu'île, N'Djamena. w points at the token start. */
static bool elision_exception(const char *w, size_t n)
{
    static const char *const ex[] = {"presqu'ile", "n'djamena"};
    for (size_t i = 0; i < TV_ARRAY_LEN(ex); i++) {
        size_t l = strlen(ex[i]);
        if (n >= l && memcmp(w, ex[i], l) == 0 && (n == l || w[l] == 's' || !((w[l] >= 'a' && w[l] <= 'z'))))
            return true;
    }
    return false;
}

/* Scans a number starting at digit position i; returns its end; *sep set
   when separators were consumed. */
static size_t scan_number(const char *norm, size_t n, size_t i, bool *sep)
{
    size_t g0 = digit_run(norm, n, i);
    size_t p = i + g0;
    bool groups_ok = g0 <= 3, dec = false, only_dots = true;
    char tsep = 0;
    *sep = false;
    while (p + 1 < n) {
        char s = norm[p];
        if ((s != ' ' && s != '.' && s != ',') || !is_digit(norm[p + 1]))
            break;
        size_t k = digit_run(norm, n, p + 1), after = p + 1 + k;
        bool group = k == 3 && groups_ok && !dec && (tsep == 0 || tsep == s);
        if (s == ' ') {
            /* "1 500" only when the group stands alone: not "1 500e" */
            if (!group || is_alnum_at(norm, n, after))
                break;
            tsep = ' ';
        } else if (group) {
            tsep = s;
        } else if (!dec) {
            dec = true;
            groups_ok = false;
        } else if (s == '.' && only_dots) {
            /* "13.09.2022" */
        } else {
            break;
        }
        if (s != '.')
            only_dots = false;
        *sep = true;
        p = after;
    }
    return p;
}

typedef struct tok_state {
    tv_text *x;
    tv_arena *a;
    size_t cap;
    bool inq; /* inside a quotation, for quotes judged by alternation */
} tok_state;

static bool src_is_upper_letter(const unsigned char *s, size_t n, bool *is_letter)
{
    if (s[0] < 0x80) {
        *is_letter = (s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z');
        return s[0] >= 'A' && s[0] <= 'Z';
    }
    int32_t cp;
    dec(s, n, &cp);
    utf8proc_category_t c = utf8proc_category(cp);
    *is_letter = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
                 c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_LM;
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static uint16_t case_flags(const tv_text *x, uint32_t s, uint32_t e)
{
    const unsigned char *p = (const unsigned char *)x->src;
    bool letter;
    if (s >= e || !src_is_upper_letter(p + s, e - s, &letter))
        return 0;
    uint16_t f = TV_TF_CAP;
    size_t letters = 0;
    for (size_t i = s; i < e;) {
        unsigned char c = p[i];
        if (c < 0x80) {
            if (c >= 'a' && c <= 'z')
                return f;
            if (c >= 'A' && c <= 'Z')
                letters++;
            i++;
            continue;
        }
        int32_t cp;
        i += dec(p + i, e - i, &cp);
        utf8proc_category_t k = utf8proc_category(cp);
        if (k == UTF8PROC_CATEGORY_LL)
            return f;
        if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT)
            letters++;
    }
    return letters >= 2 ? (uint16_t)(f | TV_TF_UPPER) : f;
}

/* Source end of a token whose norm ends at nend. */
static uint32_t src_end(const tv_text *x, size_t nend)
{
    const uint32_t *m = x->norm_to_src;
    if (m[nend] > m[nend - 1])
        return m[nend];
    int32_t cp;
    size_t at = m[nend - 1];
    return (uint32_t)(at + dec((const unsigned char *)x->src + at, x->len - at, &cp));
}

static uint16_t quote_flags(tok_state *st, size_t ns, size_t ne)
{
    const tv_text *x = st->x;
    const char *norm = x->norm;
    size_t n = x->norm_len, l;
    bool left_space = ns == 0, right_space = ne >= n;
    if (!left_space) {
        /* previous character: find its start */
        size_t p = ns - 1;
        while (p > 0 && ((unsigned char)norm[p] & 0xC0) == 0x80)
            p--;
        int c = cls_at(norm, n, p, &l);
        left_space = c == C_SPACE || c == C_OPEN;
    }
    if (!right_space) {
        int c = cls_at(norm, n, ne, &l);
        right_space = c == C_SPACE || c == C_PUNCT || c == C_DOT || c == C_CLOSE || c == C_QUOTE;
    }
    int pref = 0; /* 1 open, -1 close */
    int32_t cp;
    uint32_t s = x->norm_to_src[ns];
    dec((const unsigned char *)x->src + s, x->len - s, &cp);
    if (cp == 0xAB || cp == 0x201E || cp == 0x201C || cp == 0x2039)
        pref = 1;
    else if (cp == 0xBB || cp == 0x201D || cp == 0x203A)
        pref = -1;
    bool open;
    if (left_space && !right_space)
        open = true;
    else if (!left_space && right_space)
        open = false;
    else if (pref)
        open = pref > 0;
    else
        open = !st->inq;
    st->inq = open;
    return open ? TV_TF_QOPEN : TV_TF_QCLOSE;
}

static int push_h(tok_state *st, size_t ns, size_t ne, int kind, uint16_t flags, uint32_t hash, bool has_hash)
{
    tv_text *x = st->x;
    if (x->ntok == st->cap) {
        size_t nc = st->cap * 2;
        tv_token *t = tv_arena_array_uninit(st->a, nc, sizeof *t);
        if (!t)
            return TREVE_ENOMEM;
        memcpy(t, x->tok, x->ntok * sizeof *t);
        x->tok = t;
        st->cap = nc;
    }
    tv_token *t = &x->tok[x->ntok++];
    t->nstart = (uint32_t)ns;
    t->nend = (uint32_t)ne;
    t->start = x->norm_to_src[ns];
    t->end = src_end(x, ne);
    t->hash = has_hash ? hash : tv_hash_bytes(x->norm + ns, ne - ns);
    t->sentence = 0;
    t->kind = (uint16_t)kind;
    if (kind == TV_TOK_WORD || kind == TV_TOK_ALNUM)
        flags |= case_flags(x, t->start, t->end);
    else if (kind == TV_TOK_QUOTE)
        flags |= quote_flags(st, ns, ne);
    t->flags = flags;
    return TREVE_OK;
}

static inline int push(tok_state *st, size_t ns, size_t ne, int kind, uint16_t flags)
{
    return push_h(st, ns, ne, kind, flags, 0, false);
}

/* Scans a word / alphanumeric token from i (a letter or digit). Returns the
   end; sets *kind and *flags (HYPHEN, ELISION). */
static size_t scan_word(const char *norm, size_t n, size_t i, int *kind, uint16_t *flags)
{
    size_t p = i, l;
    bool alpha = false, digit = false, seg_alpha = false;
    *flags = 0;
    if (is_digit(norm[i])) {
        bool sep;
        p = scan_number(norm, n, i, &sep);
        digit = true;
        /* a digit run glued to letters is ALNUM ("06h00", "1er"); a number
           with separators ends before them ("2,5km" → "2,5" "km") */
        bool glued = !sep && p < n && cls_at(norm, n, p, &l) == C_LETTER;
        if (!glued && (sep || p >= n || norm[p] != '-')) {
            *kind = TV_TOK_NUMBER;
            return p;
        }
    }
    for (;;) {
        while (p < n) {
            unsigned char b = byte_cls[(unsigned char)norm[p]];
            if (b == C_LETTER) {
                alpha = seg_alpha = true;
                do
                    p++;
                while (byte_cls[(unsigned char)norm[p]] == C_LETTER);
                continue;
            }
            if (b == C_DIGIT) {
                digit = true;
                p++;
                continue;
            }
            if (b != C_HIGH)
                break;
            int c = cls_at(norm, n, p, &l);
            if (c == C_LETTER)
                alpha = seg_alpha = true;
            else if (c == C_DIGIT)
                digit = true;
            else
                break;
            p += l;
        }
        if (p + 1 >= n)
            break;
        if (norm[p] == '-') {
            if (!is_alnum_at(norm, n, p + 1))
                break;
            bool right_alpha = false;
            size_t q = p + 1;
            while (q < n) {
                int c = cls_at(norm, n, q, &l);
                if (c == C_LETTER)
                    right_alpha = true;
                else if (c != C_DIGIT)
                    break;
                q += l;
            }
            if (!seg_alpha && !right_alpha)
                break;
            *flags |= TV_TF_HYPHEN;
            seg_alpha = false;
            p++;
            continue;
        }
        if (norm[p] == '\'') {
            size_t q = p + 1;
            bool next_alnum = is_alnum_at(norm, n, q);
            if ((next_alnum || norm[q] == '"') && is_elision(norm + i, p - i) &&
                !elision_exception(norm + i, n - i)) {
                *flags |= TV_TF_ELISION;
                *kind = TV_TOK_WORD;
                return p + 1;
            }
            if (norm[q] == 's' && !is_alnum_at(norm, n, q + 1))
                break; /* English possessive: "'s" is the next token */
            if (next_alnum) {
                p = q;
                continue;
            }
            break;
        }
        break;
    }
    *kind = alpha && digit ? TV_TOK_ALNUM : alpha ? TV_TOK_WORD : TV_TOK_NUMBER;
    return p;
}

int tv_tokenise(tv_text *text, tv_arena *a, treve_error *err)
{
    const char *norm = text->norm;
    size_t n = text->norm_len;
    pthread_once(&byte_once, byte_init);
    text->tok = NULL;
    text->ntok = 0;
    /* Capacity guess: French prose has about one token per 4.6 bytes;
       the array doubles in texts that need more. */
    tok_state st = {.x = text, .a = a, .cap = n / 4 + 64};
    text->tok = tv_arena_array_uninit(a, st.cap, sizeof(tv_token)); /* push_h writes every field */
    if (!text->tok)
        return tv_fail(err, TREVE_ENOMEM, "out of memory (tokens)", 0, 0);
    size_t i = 0, nl = 0;
    bool first = true, gap = false;
    while (i < n) {
        size_t l;
        if (norm[i] == ' ') {
            gap = true;
            i++;
            continue;
        }
        int c = cls_at(norm, n, i, &l);
        if (c == C_SPACE) {
            if (norm[i] == '\n') {
                nl++;
            }
            gap = true;
            i += l;
            continue;
        }
        uint16_t flags = 0;
        if (first)
            flags |= TV_TF_LINE | TV_TF_PARA;
        else if (nl >= 2)
            flags |= TV_TF_LINE | TV_TF_PARA;
        else if (nl == 1)
            flags |= TV_TF_LINE;
        if (gap)
            flags |= TV_TF_SPACE;
        if (nl >= 2)
            /* a new paragraph: quotes left open do not carry over */
            st.inq = false;
        first = false;
        gap = false;
        nl = 0;
        size_t e;
        int kind;
        switch (c) {
        case C_LETTER: {
            /* fast path: ASCII letters up to a space or punctuation */
            /* (hashing as it goes: the same FNV-1a as tv_hash_bytes) */
            size_t j = i;
            uint32_t h = 2166136261u;
            unsigned char ch = (unsigned char)norm[j], nb;
            do {
                h = (h ^ ch) * 16777619u;
                ch = (unsigned char)norm[++j];
            } while ((nb = byte_cls[ch]) == C_LETTER);
            if (nb == C_SPACE || nb == C_PUNCT || nb == C_DOT || nb == 0 || nb == C_CLOSE || nb == C_QUOTE) {
                if (push_h(&st, i, j, TV_TOK_WORD, flags, h, true) != TREVE_OK)
                    return tv_fail(err, TREVE_ENOMEM, "out of memory (tokens)", text->norm_to_src[i], 0);
                i = j;
                continue;
            }
        }
            /* fall through */
        case C_DIGIT: {
            uint16_t wf;
            e = scan_word(norm, n, i, &kind, &wf);
            flags |= wf;
            break;
        }
        case C_DOT:
            e = i + 1;
            while (e < n && norm[e] == '.')
                e++;
            kind = TV_TOK_PUNCT;
            break;
        case C_APOS:
            e = i + 1;
            kind = TV_TOK_PUNCT;
            if (e < n && norm[e] == 's' && !is_alnum_at(norm, n, e + 1) && text->ntok &&
                text->tok[text->ntok - 1].nend == i && text->tok[text->ntok - 1].kind != TV_TOK_PUNCT &&
                text->tok[text->ntok - 1].kind <= TV_TOK_ALNUM) {
                e++;
                kind = TV_TOK_WORD;
            }
            break;
        case C_QUOTE: e = i + l; kind = TV_TOK_QUOTE; break;
        case C_OPEN: e = i + l; kind = TV_TOK_OPEN; break;
        case C_CLOSE: e = i + l; kind = TV_TOK_CLOSE; break;
        case C_HYPHEN:
        case C_PUNCT: e = i + l; kind = TV_TOK_PUNCT; break;
        default: e = i + l; kind = TV_TOK_SYMBOL; break;
        }
        if (push(&st, i, e, kind, flags) != TREVE_OK)
            return tv_fail(err, TREVE_ENOMEM, "out of memory (tokens)", text->norm_to_src[i], 0);
        i = e;
    }
    return TREVE_OK;
}
