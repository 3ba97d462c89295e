/*
 * lexicon.c — dictionaries as data: parse, compile into a trie, match.
 *
 * Loading (tv_lexicon_load) parses the line format of docs/dictionaries.md
 *
 *     CODE  CLASS  [key=value ...] : form ; form ; "form; with a semicolon"
 *
 * into entries (code, class, attributes, file:line) and *pending forms*:
 * each form is tokenised and folded by the text layer (tv_text_build on the
 * form string, in a scratch arena), so that dictionary forms and article
 * tokens are the same bytes. A form made of several words also yields its
 * hyphenated variant ("Nagorny Karabakh" → "Nagorny-Karabakh") and a
 * hyphenated one its spaced variant. A `{class}` word is a slot: any
 * one-token form of an entry of that class.
 *
 * Compiling (tv_lexicon_compile) builds the trie from the pending forms —
 * and from every inflected form of the first word of `inflect=1` entries,
 * taken from the table of tv_lexicon_load_inflections — and may be called
 * again after more loading (it rebuilds). The trie is:
 *   - nodes (label = folded token bytes, terminal range, slot-edge list);
 *   - one open-addressing hash table of edges keyed by (parent, token
 *     hash); a hit is confirmed by comparing the child's label bytes;
 *   - terminals grouped by node: (entry, morphology).
 *
 * Matching (tv_lexicon_match) walks the trie from each token with the
 * tokens' precomputed hashes: no allocation per token, only per match. The
 * longest form wins; its tokens are skipped; a match never leaves the
 * sentence of its first token.
 */
#include "lexicon.h"

#include <stdlib.h>

#define LX_MAX_FORM_TOKENS 64   /* per form, slots included */
#define LX_MAX_ATTRS 32         /* per entry */
#define LX_MAX_CLASSES 4096
#define LX_MAX_MORPH 200        /* merged morphology string length */
#define LX_SCRATCH_LIMIT (4u * 1024 * 1024)

enum { LX_F_CAP = 1, LX_F_INFLECT = 2, LX_F_UPPER = 4 };

typedef struct lx_entry {
    tv_entry e; /* first member: a tv_entry * is an lx_entry * */
    uint8_t flags;
} lx_entry;

/* Case levels: 0 any, 1 capitalised (case=cap), 2 all capitals (case=upper). */
static inline unsigned entry_level(const tv_entry *e)
{
    uint8_t f = ((const lx_entry *)e)->flags;
    return (f & LX_F_UPPER) ? 2 : (f & LX_F_CAP) ? 1 : 0;
}
/* Languages: an entry with lang=fr or lang=en matches articles in that
   language only; one without lang matches both. */
enum { LX_LANG_FR = 1, LX_LANG_EN = 2, LX_LANG_ALL = 3 };
static inline uint8_t entry_langs(const tv_entry *e)
{
    const char *l = tv_entry_attr(e, "lang");
    if (!l)
        return LX_LANG_ALL;
    return strcmp(l, "fr") == 0 ? LX_LANG_FR : strcmp(l, "en") == 0 ? LX_LANG_EN : LX_LANG_ALL;
}
static inline uint8_t lang_mask(const char *lang)
{
    if (!lang)
        return LX_LANG_ALL;
    return strcmp(lang, "fr") == 0 ? LX_LANG_FR : strcmp(lang, "en") == 0 ? LX_LANG_EN : LX_LANG_ALL;
}

static inline unsigned token_level(const tv_token *t)
{
    return (t->flags & TV_TF_UPPER) ? 2 : (t->flags & TV_TF_CAP) ? 1 : 0;
}

/* One token of a pending form: folded bytes, or a slot (cls != 0). */
typedef struct lx_elem {
    const char *s;
    uint32_t len, hash;
    uint16_t cls;
} lx_elem;

typedef struct lx_form {
    uint32_t entry, first, n;
} lx_form;

typedef struct lx_infl {
    const char *lemma, *form, *morph;
    uint32_t llen, flen, lhash, next;
} lx_infl;

typedef struct lx_node {
    const char *label;
    uint32_t len;
    uint32_t term_first;
    uint32_t nterm;
    uint32_t slot_head; /* index + 1 into slots, 0: none */
    uint8_t need;       /* least case level its terminals require (case_level) */
    uint8_t langs;      /* union of its terminals' language masks */
} lx_node;

typedef struct lx_edge {
    uint32_t parent, hash, child; /* child 0: empty bucket */
} lx_edge;

typedef struct lx_slot {
    uint32_t child, next;
    uint16_t cls;
} lx_slot;

typedef struct lx_term {
    const tv_entry *entry;
    const char *morph;
    uint8_t langs; /* LX_LANG_* mask of the entries merged into this terminal */
} lx_term;

typedef struct lx_tmpterm {
    uint32_t node, seq;
    const tv_entry *entry;
    const char *morph;
} lx_tmpterm;

/* A growable malloc'd array (load-time and compile-time only). */
typedef struct lx_arr {
    void *p;
    size_t n, cap;
} lx_arr;

static void *arr_push(lx_arr *a, size_t elem)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 64;
        if (cap > SIZE_MAX / elem)
            return NULL;
        void *np = realloc(a->p, cap * elem);
        if (!np)
            return NULL;
        a->p = np;
        a->cap = cap;
    }
    void *r = (char *)a->p + a->n++ * elem;
    memset(r, 0, elem);
    return r;
}

struct tv_lexicon {
    tv_arena *arena;   /* entries, attributes, interned strings */
    tv_arena *pending; /* folded form tokens, inflection table */

    /* interned strings (class names, attribute keys, morphologies) */
    const char **istr;
    size_t nistr, istr_cap;

    const char *cls_name[LX_MAX_CLASSES + 1];
    uint32_t cls_count[LX_MAX_CLASSES + 1];
    uint32_t ncls;

    lx_arr entries; /* lx_entry * */
    lx_arr forms;   /* lx_form */
    lx_arr elems;   /* lx_elem */
    lx_arr infl;    /* lx_infl */

    /* the compiled trie */
    bool compiled;
    tv_arena *trie_arena;
    lx_arr nodes; /* lx_node */
    lx_arr slots; /* lx_slot */
    lx_edge *edges;
    size_t nedges, edge_cap; /* edge_cap: power of two */
    /* A bit per (token hash mod 2^LX_FILTER_BITS) of every edge: most
       article tokens start no form, and this 16 KiB filter answers them
       without touching the big edge table. */
    uint64_t filter[(1u << 17) / 64];
    lx_term *terms;
    size_t nterms;
};

/* ---- small helpers ------------------------------------------------------ */

static inline uint32_t mix(uint32_t parent, uint32_t hash)
{
    uint32_t h = hash ^ (parent * 0x9E3779B1u);
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    return h;
}

static bool is_space(char c) { return c == ' ' || c == '\t'; }
static bool is_lower_ident(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }
static bool is_code_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
}

/* Interns s[0:n] (NUL-terminated copy in the lexicon arena). */
static const char *intern(tv_lexicon *lx, const char *s, size_t n)
{
    if (lx->nistr * 2 >= lx->istr_cap) {
        size_t cap = lx->istr_cap ? lx->istr_cap * 2 : 256;
        const char **t = calloc(cap, sizeof *t);
        if (!t)
            return NULL;
        for (size_t i = 0; i < lx->istr_cap; i++) {
            const char *x = lx->istr[i];
            if (!x)
                continue;
            size_t j = tv_hash_bytes(x, strlen(x)) & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = x;
        }
        free(lx->istr);
        lx->istr = t;
        lx->istr_cap = cap;
    }
    size_t j = tv_hash_bytes(s, n) & (lx->istr_cap - 1);
    while (lx->istr[j]) {
        if (strncmp(lx->istr[j], s, n) == 0 && lx->istr[j][n] == '\0')
            return lx->istr[j];
        j = (j + 1) & (lx->istr_cap - 1);
    }
    char *c = tv_arena_strndup(lx->arena, s, n);
    if (!c)
        return NULL;
    lx->istr[j] = c;
    lx->nistr++;
    return c;
}

/* Class id of s[0:n], created when absent (0 on failure). */
static uint16_t class_id(tv_lexicon *lx, const char *s, size_t n, bool create)
{
    for (uint32_t i = 1; i <= lx->ncls; i++)
        if (strncmp(lx->cls_name[i], s, n) == 0 && lx->cls_name[i][n] == '\0')
            return (uint16_t)i;
    if (!create || lx->ncls >= LX_MAX_CLASSES)
        return 0;
    const char *c = intern(lx, s, n);
    if (!c)
        return 0;
    lx->cls_name[++lx->ncls] = c;
    return (uint16_t)lx->ncls;
}

tv_lexicon *tv_lexicon_new(void)
{
    tv_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    lx->arena = tv_arena_new(0);
    lx->pending = tv_arena_new(0);
    if (!lx->arena || !lx->pending) {
        tv_lexicon_free(lx);
        return NULL;
    }
    return lx;
}

static void free_trie(tv_lexicon *lx)
{
    tv_arena_free(lx->trie_arena);
    lx->trie_arena = NULL;
    free(lx->nodes.p);
    free(lx->slots.p);
    free(lx->edges);
    free(lx->terms);
    memset(&lx->nodes, 0, sizeof lx->nodes);
    memset(&lx->slots, 0, sizeof lx->slots);
    lx->edges = NULL;
    lx->terms = NULL;
    lx->nedges = lx->edge_cap = lx->nterms = 0;
    memset(lx->filter, 0, sizeof lx->filter);
    lx->compiled = false;
}

void tv_lexicon_free(tv_lexicon *lx)
{
    if (!lx)
        return;
    free_trie(lx);
    free(lx->istr);
    free(lx->entries.p);
    free(lx->forms.p);
    free(lx->elems.p);
    free(lx->infl.p);
    tv_arena_free(lx->arena);
    tv_arena_free(lx->pending);
    free(lx);
}

size_t tv_lexicon_entry_count(const tv_lexicon *lx) { return lx ? lx->entries.n : 0; }

uint16_t tv_lexicon_class(const tv_lexicon *lx, const char *cls)
{
    if (!lx || !cls)
        return 0;
    for (uint32_t i = 1; i <= lx->ncls; i++)
        if (strcmp(lx->cls_name[i], cls) == 0)
            return lx->cls_count[i] ? (uint16_t)i : 0;
    return 0;
}

const char *tv_entry_attr(const tv_entry *e, const char *key)
{
    if (!e || !key)
        return NULL;
    for (uint16_t i = 0; i < e->nattrs; i++)
        if (strcmp(e->attrs[i].key, key) == 0)
            return e->attrs[i].value;
    return NULL;
}

/* ---- loading ------------------------------------------------------------ */

typedef struct lx_load {
    tv_lexicon *lx;
    tv_arena *scratch;
    const char *msg; /* static message of the first error */
} lx_load;

/* Checks UTF-8 and NUL in a line; returns NULL or a message. */
static const char *check_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0)
            return "NUL byte in line";
        if (c < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t k = tv_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k)
            return "invalid UTF-8 in line";
        i += k;
    }
    return NULL;
}

/* Tokenises chunk s[0:n] and appends its tokens as elems. Returns 0, or -1
   with l->msg set. */
static int add_chunk(lx_load *l, const char *s, size_t n, uint32_t *count)
{
    tv_lexicon *lx = l->lx;
    tv_text t;
    treve_error e = {0};
    if (tv_text_build(&t, l->scratch, s, n, 0, NULL, TREVE_UTF8_REJECT, &e) != TREVE_OK) {
        l->msg = e.code == TREVE_ENOMEM ? "out of memory" : "form cannot be tokenised (bad UTF-8?)";
        return -1;
    }
    for (size_t i = 0; i < t.ntok; i++) {
        if (*count >= LX_MAX_FORM_TOKENS) {
            l->msg = "form has too many words (64 at most)";
            return -1;
        }
        const tv_token *tk = &t.tok[i];
        size_t len = tv_tok_nlen(tk);
        lx_elem *el = arr_push(&lx->elems, sizeof *el);
        char *c = el ? tv_arena_strndup(lx->pending, tv_tok_norm(&t, tk), len) : NULL;
        if (!c) {
            l->msg = "out of memory";
            return -1;
        }
        el->s = c;
        el->len = (uint32_t)len;
        el->hash = tv_hash_bytes(c, len);
        (*count)++;
    }
    return 0;
}

/* Variant of a chunk: 0 as written, 1 spaces between words → '-', 2 '-'
   between words → ' '. Writes into out (room n). Returns true when it
   differs from the original. */
static bool make_variant(const char *s, size_t n, int kind, char *out)
{
    bool changed = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        out[i] = c;
        if (kind == 1 && c == ' ' && i > 0 && i + 1 < n) {
            char p = s[i - 1], q = s[i + 1];
            bool pw = (unsigned char)p >= 0x80 || (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') ||
                      (p >= '0' && p <= '9');
            bool qw = (unsigned char)q >= 0x80 || (q >= 'a' && q <= 'z') || (q >= 'A' && q <= 'Z') ||
                      (q >= '0' && q <= '9');
            if (i >= 3 && memcmp(s + i - 3, "\xE2\x80\x99", 3) == 0) /* after ’ */
                pw = false;
            if (pw && qw) {
                out[i] = '-';
                changed = true;
            }
        } else if (kind == 2 && c == '-' && i > 0 && i + 1 < n && !is_space(s[i - 1]) && !is_space(s[i + 1]) &&
                   s[i - 1] != '-' && s[i + 1] != '-') {
            out[i] = ' ';
            changed = true;
        }
    }
    return changed;
}

/* Adds one form (as written, trimmed) of entry index ei, with its variants. */
static int add_form(lx_load *l, uint32_t ei, const char *s, size_t n)
{
    tv_lexicon *lx = l->lx;
    /* Find slots: "{class}" words. */
    struct {
        size_t start, end;
        uint16_t cls;
    } slot[LX_MAX_FORM_TOKENS];
    size_t nslot = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '{')
            continue;
        if (i > 0 && !is_space(s[i - 1])) {
            l->msg = "a {slot} must be a separate word";
            return -1;
        }
        size_t j = i + 1;
        while (j < n && is_lower_ident(s[j]))
            j++;
        if (j == n || s[j] != '}') {
            l->msg = (j == n || !memchr(s + i, '}', n - i)) ? "unterminated slot '{'"
                                                             : "slot class must be lower-case letters, digits or _";
            return -1;
        }
        if (j == i + 1) {
            l->msg = "empty slot '{}'";
            return -1;
        }
        if (j + 1 < n && !is_space(s[j + 1])) {
            l->msg = "a {slot} must be a separate word";
            return -1;
        }
        if (nslot == LX_MAX_FORM_TOKENS) {
            l->msg = "form has too many words (64 at most)";
            return -1;
        }
        uint16_t c = class_id(lx, s + i + 1, j - i - 1, true);
        if (!c) {
            l->msg = "too many classes";
            return -1;
        }
        slot[nslot].start = i;
        slot[nslot].end = j + 1;
        slot[nslot].cls = c;
        nslot++;
        i = j;
    }

    char *buf = tv_arena_alloc(l->scratch, n + 1);
    if (!buf) {
        l->msg = "out of memory";
        return -1;
    }
    uint32_t prev_first = 0, prev_n = 0;
    bool have_prev = false;
    for (int kind = 0; kind < 3; kind++) {
        uint32_t first = (uint32_t)lx->elems.n, count = 0;
        bool changed = false;
        size_t pos = 0;
        for (size_t k = 0; k <= nslot; k++) {
            size_t end = k < nslot ? slot[k].start : n;
            if (end > pos) {
                const char *chunk = s + pos;
                size_t cn = end - pos;
                if (kind) {
                    changed |= make_variant(chunk, cn, kind, buf);
                    chunk = buf;
                }
                if (add_chunk(l, chunk, cn, &count) < 0)
                    return -1;
            }
            if (k < nslot) {
                if (count >= LX_MAX_FORM_TOKENS) {
                    l->msg = "form has too many words (64 at most)";
                    return -1;
                }
                lx_elem *el = arr_push(&lx->elems, sizeof *el);
                if (!el) {
                    l->msg = "out of memory";
                    return -1;
                }
                el->cls = slot[k].cls;
                el->s = "";
                count++;
                pos = slot[k].end;
            }
        }
        if (kind && !changed) {
            lx->elems.n = first;
            continue;
        }
        if (count == 0) { /* nothing a text could contain */
            lx->elems.n = first;
            continue;
        }
        /* drop a variant that tokenises like the original */
        if (have_prev && count == prev_n) {
            const lx_elem *a = (const lx_elem *)lx->elems.p + prev_first, *b = (const lx_elem *)lx->elems.p + first;
            bool same = true;
            for (uint32_t i = 0; i < count && same; i++)
                same = a[i].cls == b[i].cls && a[i].len == b[i].len && memcmp(a[i].s, b[i].s, a[i].len) == 0;
            if (same) {
                lx->elems.n = first;
                continue;
            }
        }
        lx_form *f = arr_push(&lx->forms, sizeof *f);
        if (!f) {
            l->msg = "out of memory";
            return -1;
        }
        f->entry = ei;
        f->first = first;
        f->n = count;
        if (!have_prev) {
            have_prev = true;
            prev_first = first;
            prev_n = count;
        }
    }
    return 0;
}

/* Parses one line (no newline); 0 ok, -1 with l->msg. */
static int parse_line(lx_load *l, const char *name, const char *s, size_t n, uint32_t lineno)
{
    tv_lexicon *lx = l->lx;
    if ((l->msg = check_utf8(s, n)) != NULL)
        return -1;
    size_t p = 0;
    while (p < n && is_space(s[p]))
        p++;
    if (p == n || s[p] == '#')
        return 0;

    /* CODE */
    size_t cs = p;
    while (p < n && !is_space(s[p]) && s[p] != ':')
        p++;
    size_t ce = p;
    for (size_t i = cs; i < ce; i++)
        if (!is_code_char(s[i])) {
            l->msg = "bad character in code (A-Z a-z 0-9 _ . - only)";
            return -1;
        }
    if (p == n || s[p] == ':') {
        l->msg = p == n ? "missing class and ':' after the code" : "missing class between the code and ':'";
        return -1;
    }
    /* CLASS */
    while (p < n && is_space(s[p]))
        p++;
    size_t ks = p;
    while (p < n && is_lower_ident(s[p]))
        p++;
    if (p == ks) {
        l->msg = (p == n || s[p] == ':' || s[p] == '#') ? "missing class between the code and ':'"
                                                       : "class must be lower-case letters, digits or _";
        return -1;
    }
    if (p < n && !is_space(s[p]) && s[p] != ':') {
        l->msg = "class must be lower-case letters, digits or _";
        return -1;
    }
    size_t ke = p;

    /* attributes */
    tv_attr attrs[LX_MAX_ATTRS];
    uint16_t nattrs = 0;
    uint8_t flags = 0;
    for (;;) {
        while (p < n && is_space(s[p]))
            p++;
        if (p == n || s[p] == '#') {
            l->msg = "missing ':' before the forms";
            return -1;
        }
        if (s[p] == ':') {
            p++;
            break;
        }
        size_t as = p;
        while (p < n && is_lower_ident(s[p]))
            p++;
        if (p == n || s[p] != '=') {
            size_t q = p;
            while (q < n && !is_space(s[q]) && s[q] != '=')
                q++;
            if (q == n || s[q] != '=') {
                l->msg = "missing ':' (or a key=value attribute) before the forms";
                return -1;
            }
        }
        if (p == as || p == n || s[p] != '=') {
            l->msg = (p < n && s[p] == '=') || p == as ? "bad attribute: expected key=value (key in a-z 0-9 _)"
                                                       : "missing ':' before the forms (or '=' in an attribute)";
            return -1;
        }
        size_t ae = p++;
        size_t vs, ve;
        if (p < n && s[p] == '"') {
            vs = ++p;
            while (p < n && s[p] != '"')
                p++;
            if (p == n) {
                l->msg = "unterminated quote in attribute value";
                return -1;
            }
            ve = p++;
            if (p < n && !is_space(s[p]) && s[p] != ':') {
                l->msg = "bad attribute: text after the closing quote";
                return -1;
            }
        } else {
            vs = p;
            while (p < n && !is_space(s[p]) && s[p] != ':' && s[p] != '"')
                p++;
            ve = p;
            if (p < n && s[p] == '"') {
                l->msg = "bad attribute: quote inside a value";
                return -1;
            }
            if (ve == vs) {
                l->msg = "empty attribute value";
                return -1;
            }
        }
        if (nattrs == LX_MAX_ATTRS) {
            l->msg = "too many attributes (32 at most)";
            return -1;
        }
        const char *key = intern(lx, s + as, ae - as);
        const char *val = tv_arena_strndup(lx->arena, s + vs, ve - vs);
        if (!key || !val) {
            l->msg = "out of memory";
            return -1;
        }
        if (strcmp(key, "inflect") == 0 && strcmp(val, "1") == 0)
            flags |= LX_F_INFLECT;
        if (strcmp(key, "case") == 0) {
            if (strcmp(val, "cap") == 0)
                flags |= LX_F_CAP;
            else if (strcmp(val, "upper") == 0)
                flags |= LX_F_UPPER;
            else {
                l->msg = "case= must be cap or upper";
                return -1;
            }
        }
        attrs[nattrs].key = key;
        attrs[nattrs].value = val;
        nattrs++;
    }

    uint16_t cls = class_id(lx, s + ks, ke - ks, true);
    if (!cls) {
        l->msg = "too many classes";
        return -1;
    }
    if (lx->entries.n >= UINT32_MAX / 2) {
        l->msg = "too many entries";
        return -1;
    }
    lx_entry *le = tv_arena_alloc(lx->arena, sizeof *le);
    tv_attr *av = nattrs ? tv_arena_array(lx->arena, nattrs, sizeof *av) : NULL;
    const char *code = (ce - cs == 1 && s[cs] == '-') ? "" : tv_arena_strndup(lx->arena, s + cs, ce - cs);
    if (!le || (nattrs && !av) || !code) {
        l->msg = "out of memory";
        return -1;
    }
    if (nattrs)
        memcpy(av, attrs, nattrs * sizeof *av);
    le->e.code = code;
    le->e.cls = lx->cls_name[cls];
    le->e.cls_id = cls;
    le->e.nattrs = nattrs;
    le->e.attrs = av;
    le->e.file = name;
    le->e.line = lineno;
    le->flags = flags;
    uint32_t ei = (uint32_t)lx->entries.n;

    /* forms */
    size_t nforms = 0;
    for (;;) {
        while (p < n && is_space(s[p]))
            p++;
        if (p == n || s[p] == '#') {
            if (nforms == 0) {
                l->msg = "no forms after ':'";
                return -1;
            }
            break;
        }
        size_t fs, fe;
        if (s[p] == '"') {
            fs = ++p;
            while (p < n && s[p] != '"')
                p++;
            if (p == n) {
                l->msg = "unterminated quote in form";
                return -1;
            }
            fe = p++;
            while (p < n && is_space(s[p]))
                p++;
            if (p < n && s[p] != ';' && s[p] != '#') {
                l->msg = "text after a quoted form (missing ';'?)";
                return -1;
            }
        } else {
            fs = p;
            while (p < n && s[p] != ';' && s[p] != '#' && s[p] != '"')
                p++;
            if (p < n && s[p] == '"') {
                l->msg = "quote inside a form (quote the whole form)";
                return -1;
            }
            fe = p;
        }
        while (fe > fs && is_space(s[fe - 1]))
            fe--;
        while (fs < fe && is_space(s[fs]))
            fs++;
        if (fe == fs) {
            l->msg = "empty form";
            return -1;
        }
        if (nforms == 0) {
            le->e.lemma = tv_arena_strndup(lx->arena, s + fs, fe - fs);
            if (!le->e.lemma) {
                l->msg = "out of memory";
                return -1;
            }
        }
        if (add_form(l, ei, s + fs, fe - fs) < 0)
            return -1;
        nforms++;
        if (p < n && s[p] == ';') {
            p++;
            size_t q = p;
            while (q < n && is_space(s[q]))
                q++;
            if (q == n || s[q] == '#') {
                l->msg = "empty form after ';'";
                return -1;
            }
        }
    }
    lx_entry **slotp = arr_push(&lx->entries, sizeof *slotp);
    if (!slotp) {
        l->msg = "out of memory";
        return -1;
    }
    *slotp = le;
    lx->cls_count[cls]++;
    return 0;
}

int tv_lexicon_load(tv_lexicon *lx, const char *name, const char *buf, size_t len, treve_error *err)
{
    if (!lx || (!buf && len))
        return tv_fail(err, TREVE_EINVAL, "no lexicon or buffer", 0, 0);
    if (len > UINT32_MAX)
        return tv_fail(err, TREVE_ETOOBIG, "dictionary file too large", 0, 0);
    if (!name)
        name = "(dictionary)";
    lx_load l = {lx, tv_arena_new(0), NULL};
    if (!l.scratch)
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    size_t pos = 0;
    uint32_t lineno = 0;
    int rc = TREVE_OK;
    while (pos < len) {
        size_t ls = pos;
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t le = nl ? (size_t)(nl - buf) : len;
        pos = nl ? le + 1 : len;
        lineno++;
        size_t e = le;
        if (e > ls && buf[e - 1] == '\r')
            e--;
        if (tv_arena_used(l.scratch) > LX_SCRATCH_LIMIT) { /* scratch is per line */
            tv_arena_free(l.scratch);
            if (!(l.scratch = tv_arena_new(0)))
                return tv_fail(err, TREVE_ENOMEM, "out of memory", ls, lineno);
        }
        size_t nforms = lx->forms.n, nelems = lx->elems.n;
        if (parse_line(&l, name, buf + ls, e - ls, lineno) < 0) {
            lx->forms.n = nforms; /* the bad line's forms go */
            lx->elems.n = nelems;
            bool oom = strcmp(l.msg, "out of memory") == 0;
            rc = tv_fail(err, oom ? TREVE_ENOMEM : TREVE_EDICT, l.msg, ls, lineno);
            break;
        }
    }
    tv_arena_free(l.scratch);
    return rc; /* a compiled trie stays usable until the next compile */
}

int tv_lexicon_load_inflections(tv_lexicon *lx, const char *name, const char *buf, size_t len, treve_error *err)
{
    (void)name;
    if (!lx || (!buf && len))
        return tv_fail(err, TREVE_EINVAL, "no lexicon or buffer", 0, 0);
    tv_arena *scratch = tv_arena_new(0);
    if (!scratch)
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    size_t pos = 0, lineno = 0;
    int rc = TREVE_OK;
    while (pos < len && rc == TREVE_OK) {
        size_t ls = pos;
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t le = nl ? (size_t)(nl - buf) : len;
        pos = nl ? le + 1 : len;
        lineno++;
        if (le > ls && buf[le - 1] == '\r')
            le--;
        const char *s = buf + ls;
        size_t n = le - ls;
        if (n == 0 || s[0] == '#')
            continue;
        const char *msg = check_utf8(s, n);
        const char *t1 = memchr(s, '\t', n);
        const char *t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - s)) : NULL;
        if (!msg && (!t1 || !t2 || t1 == s || t2 == t1 + 1))
            msg = "expected lemma<TAB>form<TAB>morphology";
        if (msg) {
            rc = tv_fail(err, TREVE_EDICT, msg, ls, lineno);
            break;
        }
        if (tv_arena_used(scratch) > LX_SCRATCH_LIMIT) {
            tv_arena_free(scratch);
            if (!(scratch = tv_arena_new(0))) {
                rc = tv_fail(err, TREVE_ENOMEM, "out of memory", ls, lineno);
                break;
            }
        }
        size_t ll, fl;
        char *lf = tv_fold(scratch, s, (size_t)(t1 - s), &ll);
        char *ff = tv_fold(scratch, t1 + 1, (size_t)(t2 - t1 - 1), &fl);
        if (!lf || !ff) {
            rc = tv_fail(err, TREVE_EDICT, "invalid UTF-8 in line", ls, lineno);
            break;
        }
        if (memchr(ff, ' ', fl) || fl == 0 || ll == 0 || fl > UINT32_MAX || ll > UINT32_MAX)
            continue; /* several words: not a single token */
        lx_infl *in = arr_push(&lx->infl, sizeof *in);
        const char *lc = in ? tv_arena_strndup(lx->pending, lf, ll) : NULL;
        const char *fc = in ? tv_arena_strndup(lx->pending, ff, fl) : NULL;
        const char *mc = in ? intern(lx, t2 + 1, (size_t)(s + n - t2 - 1)) : NULL;
        if (!lc || !fc || !mc) {
            rc = tv_fail(err, TREVE_ENOMEM, "out of memory", ls, lineno);
            break;
        }
        in->lemma = lc;
        in->form = fc;
        in->morph = mc;
        in->llen = (uint32_t)ll;
        in->flen = (uint32_t)fl;
        in->lhash = tv_hash_bytes(lc, ll);
    }
    tv_arena_free(scratch);
    return rc;
}

/* ---- compiling ---------------------------------------------------------- */

static inline const lx_node *node_at(const tv_lexicon *lx, uint32_t i) { return (const lx_node *)lx->nodes.p + i; }

#define LX_FILTER_BITS 17
static inline uint32_t filter_bit(uint32_t hash) { return (hash * 2654435761u) >> (32 - LX_FILTER_BITS); }

static uint32_t find_edge(const tv_lexicon *lx, uint32_t parent, uint32_t hash, const char *s, size_t n)
{
    if (!lx->edge_cap)
        return 0;
    uint32_t bit = filter_bit(hash);
    if (!(lx->filter[bit >> 6] >> (bit & 63) & 1))
        return 0;
    size_t mask = lx->edge_cap - 1;
    for (size_t j = mix(parent, hash) & mask;; j = (j + 1) & mask) {
        const lx_edge *e = &lx->edges[j];
        if (!e->child)
            return 0;
        if (e->parent == parent && e->hash == hash) {
            const lx_node *c = node_at(lx, e->child);
            if (c->len == n && memcmp(c->label, s, n) == 0)
                return e->child;
        }
    }
}

static int grow_edges(tv_lexicon *lx)
{
    size_t cap = lx->edge_cap ? lx->edge_cap * 2 : 1024;
    lx_edge *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < lx->edge_cap; i++) {
        lx_edge e = lx->edges[i];
        if (!e.child)
            continue;
        size_t j = mix(e.parent, e.hash) & (cap - 1);
        while (t[j].child)
            j = (j + 1) & (cap - 1);
        t[j] = e;
    }
    free(lx->edges);
    lx->edges = t;
    lx->edge_cap = cap;
    return 0;
}

static uint32_t new_node(tv_lexicon *lx, const char *s, size_t n)
{
    if (lx->nodes.n >= UINT32_MAX - 1)
        return 0;
    lx_node *nd = arr_push(&lx->nodes, sizeof *nd);
    if (!nd)
        return 0;
    if (n) {
        char *c = tv_arena_strndup(lx->trie_arena, s, n);
        if (!c) {
            lx->nodes.n--;
            return 0;
        }
        nd->label = c;
    } else {
        nd->label = "";
    }
    nd->len = (uint32_t)n;
    return (uint32_t)(lx->nodes.n - 1);
}

/* Follows or creates the edge for one element; returns the child or 0. */
static uint32_t step(tv_lexicon *lx, uint32_t node, const char *s, uint32_t len, uint32_t hash, uint16_t cls)
{
    if (cls) {
        lx_node *nd = (lx_node *)lx->nodes.p + node;
        for (uint32_t k = nd->slot_head; k; k = ((lx_slot *)lx->slots.p)[k - 1].next)
            if (((lx_slot *)lx->slots.p)[k - 1].cls == cls)
                return ((lx_slot *)lx->slots.p)[k - 1].child;
        uint32_t c = new_node(lx, "", 0);
        if (!c)
            return 0;
        lx_slot *sl = arr_push(&lx->slots, sizeof *sl);
        if (!sl)
            return 0;
        nd = (lx_node *)lx->nodes.p + node; /* nodes may have moved */
        sl->child = c;
        sl->cls = cls;
        sl->next = nd->slot_head;
        nd->slot_head = (uint32_t)lx->slots.n;
        return c;
    }
    uint32_t c = find_edge(lx, node, hash, s, len);
    if (c)
        return c;
    if ((lx->nedges + 1) * 2 > lx->edge_cap && grow_edges(lx) < 0)
        return 0;
    c = new_node(lx, s, len);
    if (!c)
        return 0;
    size_t mask = lx->edge_cap - 1;
    size_t j = mix(node, hash) & mask;
    while (lx->edges[j].child)
        j = (j + 1) & mask;
    lx->edges[j].parent = node;
    lx->edges[j].hash = hash;
    lx->edges[j].child = c;
    lx->nedges++;
    uint32_t bit = filter_bit(hash);
    lx->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
    return c;
}

static int add_term(tv_lexicon *lx, lx_arr *tmp, uint32_t node, const tv_entry *e, const char *morph)
{
    lx_tmpterm *t = arr_push(tmp, sizeof *t);
    if (!t)
        return -1;
    t->node = node;
    t->seq = (uint32_t)(tmp->n - 1);
    t->entry = e;
    t->morph = morph;
    (void)lx;
    return 0;
}

static int cmp_tmpterm(const void *a, const void *b)
{
    const lx_tmpterm *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* "a" + "b" → "a | b" (interned), unless b is already one of a's parts.
   The inflection generator joins the analyses of one form the same way. */
static const char *merge_morph(tv_lexicon *lx, const char *a, const char *b)
{
    if (!a)
        return b;
    if (!b || a == b)
        return a;
    size_t an = strlen(a), bn = strlen(b);
    for (const char *p = a; p;) {
        const char *bar = strstr(p, " | ");
        size_t pn = bar ? (size_t)(bar - p) : strlen(p);
        if (pn == bn && memcmp(p, b, bn) == 0)
            return a;
        p = bar ? bar + 3 : NULL;
    }
    if (an + 3 + bn > LX_MAX_MORPH)
        return a;
    char buf[LX_MAX_MORPH + 1];
    memcpy(buf, a, an);
    memcpy(buf + an, " | ", 3);
    memcpy(buf + an + 3, b, bn);
    const char *r = intern(lx, buf, an + 3 + bn);
    return r ? r : a;
}

int tv_lexicon_compile(tv_lexicon *lx, treve_error *err)
{
    if (!lx)
        return tv_fail(err, TREVE_EINVAL, "no lexicon", 0, 0);
    free_trie(lx);
    lx->trie_arena = tv_arena_new(0);
    if (!lx->trie_arena)
        goto oom;
    new_node(lx, "", 0); /* node 0: the root */
    if (lx->nodes.n != 1)
        goto oom;

    const lx_entry *const *entries = lx->entries.p;
    const lx_form *forms = lx->forms.p;
    const lx_elem *elems = lx->elems.p;

    /* slots must name classes that have entries */
    for (size_t f = 0; f < lx->forms.n; f++)
        for (uint32_t k = 0; k < forms[f].n; k++) {
            uint16_t c = elems[forms[f].first + k].cls;
            if (c && !lx->cls_count[c]) {
                free_trie(lx);
                return tv_fail(err, TREVE_EDICT, "a {slot} names a class that has no entries", 0,
                               entries[forms[f].entry]->e.line);
            }
        }

    /* inflection index: lemma hash → chain */
    size_t icap = 16;
    while (icap < lx->infl.n * 2)
        icap *= 2;
    uint32_t *ihead = calloc(icap, sizeof *ihead);
    lx_arr tmp = {0};
    if (!ihead)
        goto oom;
    lx_infl *infl = lx->infl.p;
    for (size_t i = lx->infl.n; i-- > 0;) { /* chains keep file order */
        size_t j = infl[i].lhash & (icap - 1);
        infl[i].next = ihead[j];
        ihead[j] = (uint32_t)i + 1;
    }

    for (size_t f = 0; f < lx->forms.n; f++) {
        const lx_form *fm = &forms[f];
        const lx_entry *le = entries[fm->entry];
        const lx_elem *el = elems + fm->first;
        uint32_t node = 0;
        for (uint32_t k = 0; k < fm->n && node != UINT32_MAX; k++) {
            uint32_t c = step(lx, node, el[k].s, el[k].len, el[k].hash, el[k].cls);
            node = c ? c : UINT32_MAX;
        }
        if (node == UINT32_MAX || add_term(lx, &tmp, node, &le->e, NULL) < 0)
            goto oom_tmp;
        if (!(le->flags & LX_F_INFLECT) || el[0].cls)
            continue;
        for (uint32_t i = ihead[el[0].hash & (icap - 1)]; i; i = infl[i - 1].next) {
            const lx_infl *in = &infl[i - 1];
            if (in->llen != el[0].len || memcmp(in->lemma, el[0].s, in->llen) != 0)
                continue;
            node = step(lx, 0, in->form, in->flen, tv_hash_bytes(in->form, in->flen), 0);
            for (uint32_t k = 1; k < fm->n && node; k++)
                node = step(lx, node, el[k].s, el[k].len, el[k].hash, el[k].cls);
            if (!node || add_term(lx, &tmp, node, &le->e, in->morph) < 0)
                goto oom_tmp;
        }
    }
    free(ihead);
    ihead = NULL;

    /* group terminals by node, one per entry, morphologies merged */
    lx_tmpterm *tt = tmp.p;
    if (tmp.n)
        qsort(tt, tmp.n, sizeof *tt, cmp_tmpterm);
    lx->terms = malloc((tmp.n ? tmp.n : 1) * sizeof *lx->terms);
    if (!lx->terms)
        goto oom_tmp;
    lx_node *nodes = lx->nodes.p;
    for (size_t i = 0; i < tmp.n;) {
        size_t j = i;
        lx_node *nd = &nodes[tt[i].node];
        nd->term_first = (uint32_t)lx->nterms;
        nd->need = 2;
        nd->langs = 0;
        for (; j < tmp.n && tt[j].node == tt[i].node; j++) {
            /* one terminal per entry, and per (class, code, case level):
               the same form listed twice for one code reports one match */
            size_t k = nd->term_first;
            const tv_entry *e = tt[j].entry;
            while (k < lx->nterms && lx->terms[k].entry != e &&
                   !(lx->terms[k].entry->cls_id == e->cls_id && strcmp(lx->terms[k].entry->code, e->code) == 0 &&
                     entry_level(lx->terms[k].entry) == entry_level(e)))
                k++;
            if (k < lx->nterms) {
                lx->terms[k].morph = merge_morph(lx, lx->terms[k].morph, tt[j].morph);
                lx->terms[k].langs |= entry_langs(e);
                nd->langs |= entry_langs(e);
                continue;
            }
            lx->terms[lx->nterms].entry = tt[j].entry;
            lx->terms[lx->nterms].morph = tt[j].morph;
            lx->terms[lx->nterms].langs = entry_langs(e);
            nd->langs |= entry_langs(e);
            lx->nterms++;
            if (entry_level(e) < nd->need)
                nd->need = (uint8_t)entry_level(e);
        }
        nd->nterm = (uint32_t)(lx->nterms - nd->term_first);
        i = j;
    }
    free(tmp.p);
    lx->compiled = true;
    return TREVE_OK;

oom_tmp:
    free(ihead);
    free(tmp.p);
oom:
    free_trie(lx);
    return tv_fail(err, TREVE_ENOMEM, "out of memory while compiling the dictionaries", 0, 0);
}

/* ---- matching ----------------------------------------------------------- */

typedef struct lx_best {
    size_t end;
    uint32_t node;
    const tv_entry *slot;
    uint32_t slot_tok;
} lx_best;

/* The entry of class cls with one-token form equal to token j, or NULL. */
static const tv_entry *slot_fill(const tv_lexicon *lx, const tv_text *t, size_t j, uint16_t cls, uint8_t langs)
{
    const tv_token *tk = &t->tok[j];
    uint32_t c = find_edge(lx, 0, tk->hash, tv_tok_norm(t, tk), tv_tok_nlen(tk));
    if (!c)
        return NULL;
    const lx_node *nd = node_at(lx, c);
    unsigned level = token_level(tk);
    for (uint32_t k = 0; k < nd->nterm; k++) {
        const lx_term *tm = &lx->terms[nd->term_first + k];
        if (tm->entry->cls_id == cls && level >= entry_level(tm->entry) && (tm->langs & langs))
            return tm->entry;
    }
    return NULL;
}

static void walk(const tv_lexicon *lx, const tv_text *t, uint32_t node, size_t j, uint32_t sent, unsigned level,
                 uint8_t langs, const tv_entry *slot, uint32_t slot_tok, lx_best *best)
{
    const lx_node *nd = node_at(lx, node);
    if (nd->nterm && j > best->end && level >= nd->need && (nd->langs & langs)) {
        best->end = j;
        best->node = node;
        best->slot = slot;
        best->slot_tok = slot_tok;
    }
    if (j >= t->ntok || t->tok[j].sentence != sent)
        return;
    const tv_token *tk = &t->tok[j];
    uint32_t c = find_edge(lx, node, tk->hash, tv_tok_norm(t, tk), tv_tok_nlen(tk));
    if (c)
        walk(lx, t, c, j + 1, sent, level, langs, slot, slot_tok, best);
    for (uint32_t k = nd->slot_head; k; k = ((const lx_slot *)lx->slots.p)[k - 1].next) {
        const lx_slot *sl = (const lx_slot *)lx->slots.p + k - 1;
        const tv_entry *fill = slot_fill(lx, t, j, sl->cls, langs);
        if (fill)
            walk(lx, t, sl->child, j + 1, sent, level, langs, slot ? slot : fill, slot ? slot_tok : (uint32_t)j,
                 best);
    }
}

int tv_lexicon_match(const tv_lexicon *lx, const tv_text *text, tv_arena *a, tv_match **out, size_t *nout,
                     treve_error *err)
{
    return tv_lexicon_match_lang(lx, text, NULL, a, out, nout, err);
}

int tv_lexicon_match_lang(const tv_lexicon *lx, const tv_text *text, const char *lang, tv_arena *a, tv_match **out,
                          size_t *nout, treve_error *err)
{
    uint8_t langs = lang_mask(lang);
    if (!out || !nout)
        return tv_fail(err, TREVE_EINVAL, "no output", 0, 0);
    *out = NULL;
    *nout = 0;
    if (!lx || !text)
        return tv_fail(err, TREVE_EINVAL, "no lexicon or text", 0, 0);
    if (!lx->compiled)
        return tv_fail(err, TREVE_EINVAL, "lexicon not compiled", 0, 0);
    tv_vec v;
    tv_vec_init(&v, sizeof(tv_match), SIZE_MAX / sizeof(tv_match));
    for (size_t i = 0; i < text->ntok;) {
        const tv_token *tk = &text->tok[i];
        lx_best best = {0, 0, NULL, 0};
        unsigned level = token_level(tk);
        walk(lx, text, 0, i, tk->sentence, level, langs, NULL, 0, &best);
        if (!best.end) {
            i++;
            continue;
        }
        const lx_node *nd = node_at(lx, best.node);
        for (uint32_t k = 0; k < nd->nterm; k++) {
            const lx_term *tm = &lx->terms[nd->term_first + k];
            if (level < entry_level(tm->entry) || !(tm->langs & langs))
                continue;
            tv_match *m = tv_vec_push(&v, a);
            if (!m)
                return tv_fail(err, TREVE_ENOMEM, "out of memory (dictionary matches)", tk->start, 0);
            m->tok_first = (uint32_t)i;
            m->tok_end = (uint32_t)best.end;
            m->entry = tm->entry;
            m->morph = tm->morph;
            m->slot = best.slot;
            m->slot_tok = best.slot_tok;
        }
        i = best.end;
    }
    *out = v.data;
    *nout = v.len;
    return TREVE_OK;
}

size_t tv_lexicon_lookup(const tv_lexicon *lx, const char *folded, size_t n, const tv_entry **out, size_t max)
{
    if (!lx || !lx->compiled || !folded)
        return 0;
    tv_arena *a = tv_arena_new(0);
    if (!a)
        return 0;
    tv_text t;
    treve_error e;
    size_t found = 0;
    if (tv_text_build(&t, a, folded, n, 0, NULL, TREVE_UTF8_REPLACE, &e) == TREVE_OK && t.ntok) {
        uint32_t node = 0;
        for (size_t i = 0; i < t.ntok && node != UINT32_MAX; i++) {
            const tv_token *tk = &t.tok[i];
            uint32_t c = find_edge(lx, node, tv_hash_bytes(tv_tok_norm(&t, tk), tv_tok_nlen(tk)), tv_tok_norm(&t, tk),
                                   tv_tok_nlen(tk));
            node = c ? c : UINT32_MAX;
        }
        if (node != UINT32_MAX) {
            const lx_node *nd = node_at(lx, node);
            for (uint32_t k = 0; k < nd->nterm && found < max; k++)
                out[found++] = lx->terms[nd->term_first + k].entry;
        }
    }
    tv_arena_free(a);
    return found;
}
