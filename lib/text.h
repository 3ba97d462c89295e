/*
 * text.h — the text layer: UTF-8 validation and normalisation for matching
 * (lib/normalise.c), tokens (lib/tokens.c) and sentences (lib/sentences.c).
 *
 * normalise → tokens → sentences. Every later stage (lexicon, numbers,
 * times, actors, events) reads tokens: their folded form (lower case,
 * accents stripped, typographic apostrophes/quotes/dashes/spaces folded)
 * lives in text->norm, and their original bytes in text->src.
 */
#ifndef TV_TEXT_H
#define TV_TEXT_H

#include "internal.h"

typedef struct tv_text {
    const char *src; /* the article exactly as read (not owned) */
    size_t len;
    size_t body_start; /* after a UTF-8 BOM, else 0 */

    /* Folded text for matching: NFC, case-folded, accents stripped,
       œ→oe, ’→', « » “ ” → ", NBSP & co → ' ', dashes → '-', "\r\n" →
       " \n", a lone CR → '\n' (full list at the top of lib/normalise.c).
       norm_to_src[i] is the source offset of the character that produced
       norm byte i; norm_to_src[norm_len] == len. norm is NUL-terminated
       (the tokeniser relies on it) and never contains NUL otherwise. */
    char *norm;
    size_t norm_len;
    uint32_t *norm_to_src;

    struct tv_token *tok;
    size_t ntok;
    struct tv_sentence *sent;
    size_t nsent;
} tv_text;

/* ---- lib/normalise.c ---- */
/* Validates text->src (UTF-8, no NUL) and builds norm / norm_to_src in the
   arena. In TREVE_UTF8_REPLACE mode NUL reads as a space and each byte that
   is not part of valid UTF-8 as its Windows-1252 character (the usual cause
   of bad bytes in news text is Latin-1/CP1252: "Arm\xE9nie" folds to
   "armenie"); the five bytes CP1252 leaves undefined read as U+FFFD, which
   folds to a space. Spans still index the bytes as read.
   Returns TREVE_OK, or TREVE_EUTF8 / TREVE_ENUL with err->offset set,
   TREVE_ETOOBIG above TREVE_MAX_ARTICLE, TREVE_ENOMEM. */
int tv_normalise(tv_text *text, tv_arena *a, treve_invalid_utf8 mode, treve_error *err);

/* Folds an arbitrary UTF-8 string the same way (for dictionary forms and
   tests). Writes a NUL-terminated string into the arena; *out_len its length.
   Invalid UTF-8 → NULL. */
char *tv_fold(tv_arena *a, const char *s, size_t n, size_t *out_len);

/* The Windows-1252 character of byte b (U+FFFD for the undefined ones). */
static inline int32_t tv_cp1252(unsigned char b)
{
    static const uint16_t c1[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    return b >= 0x80 && b < 0xA0 ? c1[b - 0x80] : b;
}

/* ---- lib/tokens.c ---- */
enum tv_token_kind {
    TV_TOK_WORD = 1,  /* letters, hyphen compounds: cessez-le-feu, l' (elided) */
    TV_TOK_NUMBER,    /* 49, 1 500, 2,5, 1.500, 06 (digits with separators) */
    TV_TOK_ALNUM,     /* digits and letters mixed: 06H00, 9h30, 1er, G7, S-300 */
    TV_TOK_PUNCT,     /* . , ; : ! ? … and other punctuation */
    TV_TOK_QUOTE,     /* " « » “ ” (folded to '"' in norm) */
    TV_TOK_OPEN,      /* ( [ { */
    TV_TOK_CLOSE,     /* ) ] } */
    TV_TOK_SYMBOL     /* % € $ / + and anything else */
};

enum tv_token_flag {
    TV_TF_CAP = 1 << 0,        /* first letter upper case */
    TV_TF_UPPER = 1 << 1,      /* every letter upper case (2+ letters) */
    TV_TF_ELISION = 1 << 2,    /* ends with an apostrophe: l' d' qu' jusqu' */
    TV_TF_HYPHEN = 1 << 3,     /* contains a hyphen */
    TV_TF_SPACE = 1 << 4,      /* preceded by white space */
    TV_TF_LINE = 1 << 5,       /* first token of a line */
    TV_TF_PARA = 1 << 6,       /* first token after a blank line (or of text) */
    TV_TF_SENT = 1 << 7,       /* first token of a sentence (set by splitter) */
    TV_TF_QOPEN = 1 << 8,      /* QUOTE token judged opening */
    TV_TF_QCLOSE = 1 << 9      /* QUOTE token judged closing */
};

typedef struct tv_token {
    uint32_t start, end;   /* original bytes */
    uint32_t nstart, nend; /* folded bytes in text->norm */
    uint32_t sentence;     /* index into text->sent */
    uint32_t hash;         /* tv_hash_bytes of the folded form */
    uint16_t kind, flags;
} tv_token;

/* Folded form of token t (not NUL-terminated). */
static inline const char *tv_tok_norm(const tv_text *x, const tv_token *t) { return x->norm + t->nstart; }
static inline size_t tv_tok_nlen(const tv_token *t) { return t->nend - t->nstart; }
/* True when token t's folded form equals the NUL-terminated string s. */
static inline bool tv_tok_is(const tv_text *x, const tv_token *t, const char *s)
{
    size_t n = strlen(s);
    return tv_tok_nlen(t) == n && memcmp(tv_tok_norm(x, t), s, n) == 0;
}

/* Splits the normalised text into tokens (arena). Returns TREVE_OK or
   TREVE_ENOMEM. The array is sized once (a token per 4 bytes) and doubled
   in the rare texts that need more; the token rules are documented at the
   top of lib/tokens.c. Token spans are ordered: start and end never
   decrease from one token to the next (they overlap only when one source
   character folds to several tokens, e.g. "½" → "1" "/" "2"). */
int tv_tokenise(tv_text *text, tv_arena *a, treve_error *err);

/* ---- lib/sentences.c ---- */
typedef struct tv_sentence {
    uint32_t start, end;         /* original bytes (trimmed) */
    uint32_t tok_first, tok_end; /* token range [first, end) */
    uint32_t paragraph;          /* 0 = headline paragraph */
    bool headline;
} tv_sentence;

/* Longest sentence, in tokens: longer runs are cut (later stages may be
   quadratic in a sentence's length). */
#define TV_MAX_SENTENCE_TOKENS 1024

/* Groups tokens into sentences (arena); sets token.sentence and TV_TF_SENT.
   Rules at the top of lib/sentences.c.
   headline_end: 0 = the first non-empty line is the headline, else the
   source offset where the headline ends. lang "fr"/"en" selects the
   abbreviation list (both are tried when NULL). */
int tv_split_sentences(tv_text *text, tv_arena *a, size_t headline_end, const char *lang, treve_error *err);

/* Runs the three stages above. */
int tv_text_build(tv_text *text, tv_arena *a, const char *src, size_t len, size_t headline_end,
                  const char *lang, treve_invalid_utf8 mode, treve_error *err);

#endif /* TV_TEXT_H */
