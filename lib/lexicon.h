/*
 * lexicon.h — dictionaries as data (lib/lexicon.c).
 *
 * Loads readable dictionary files (format: docs/dictionaries.md) and compiles
 * them into a trie over folded token forms, so that one pass over an
 * article's tokens finds, at each position, the longest dictionary form
 * that starts there. Dictionary forms are tokenised and folded by the same
 * text layer as articles, so "l'Arménie", "cessez-le-feu" or
 * "Nagorny-Karabakh" line up token for token.
 */
#ifndef TV_LEXICON_H
#define TV_LEXICON_H

#include "internal.h"
#include "text.h"

typedef struct tv_lexicon tv_lexicon;

typedef struct tv_attr {
    const char *key, *value;
} tv_attr;

typedef struct tv_entry {
    const char *code;   /* "ARM", "GOV", "0871", or "" when the line has "-" */
    const char *cls;    /* class name as written: "country", "trigger" … */
    uint16_t cls_id;    /* tv_lexicon_class(lex, cls) */
    uint16_t nattrs;
    const tv_attr *attrs;
    const char *lemma;  /* the first form as written in the file */
    const char *file;   /* dictionary name, for debug output */
    uint32_t line;      /* 1-based line in that file */
} tv_entry;

typedef struct tv_match {
    uint32_t tok_first, tok_end; /* tokens [first, end) */
    const tv_entry *entry;
    const char *morph;           /* morphology of the matched inflected form
                                    ("ipre 3sg", "ppas mas pl"…) or NULL */
    const tv_entry *slot;        /* entry that filled a {class} slot, or NULL */
    uint32_t slot_tok;           /* token index of that slot */
} tv_match;

tv_lexicon *tv_lexicon_new(void);
void tv_lexicon_free(tv_lexicon *lex);

/* Parses one dictionary file held in memory (name is used in messages and
   kept by reference for the lexicon's lifetime: pass a literal or a string
   that outlives it). On a malformed line returns TREVE_EDICT with err->line
   and err->offset (byte offset of the bad line) set; entries loaded before
   that line stay loaded. */
int tv_lexicon_load(tv_lexicon *lex, const char *name, const char *buf, size_t len, treve_error *err);

/* Loads inflection data: lines "lemma<TAB>form<TAB>morph". Entries loaded
   afterwards (or before: call tv_lexicon_compile last) with attribute
   inflect=1 get every inflected form of the first word of each form. */
int tv_lexicon_load_inflections(tv_lexicon *lex, const char *name, const char *buf, size_t len, treve_error *err);

/* Freezes the lexicon: expands inflections, builds the trie. Must be called
   once after loading and before matching. */
int tv_lexicon_compile(tv_lexicon *lex, treve_error *err);

size_t tv_lexicon_entry_count(const tv_lexicon *lex);

/* Class id for a class name (0 when no entry has that class). */
uint16_t tv_lexicon_class(const tv_lexicon *lex, const char *cls);

/* Attribute value of an entry, or NULL. */
const char *tv_entry_attr(const tv_entry *e, const char *key);

/* One pass over text's tokens: at each token, the longest form starting
   there; every entry ending at that trie node gives one match. Matched
   tokens are skipped (no overlapping matches). Matches never cross a
   sentence boundary. Results are in the arena, ordered by tok_first. */
int tv_lexicon_match(const tv_lexicon *lex, const tv_text *text, tv_arena *a, tv_match **out, size_t *nout,
                     treve_error *err);

/* The same for an article in language lang ("fr", "en"; NULL: any): entries
   with a lang attribute match only articles in that language. */
int tv_lexicon_match_lang(const tv_lexicon *lex, const tv_text *text, const char *lang, tv_arena *a, tv_match **out,
                          size_t *nout, treve_error *err);

/* Looks up the exact folded token sequence of a single string (for tests
   and for code that needs "is this word in class X"). Returns the number of
   entries found (up to max) written to out. */
size_t tv_lexicon_lookup(const tv_lexicon *lex, const char *folded, size_t n, const tv_entry **out, size_t max);

#endif /* TV_LEXICON_H */
