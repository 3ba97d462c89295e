/*
 * numbers.h — quantities in text (lib/numbers.c).
 *
 * Recognises digits ("49", "1 500", "2,5", "1.500"), French and English
 * number words ("quarante-neuf", "deux cents", "forty-nine", "une
 * dizaine"), and the bounds news puts around them ("au moins", "plus de",
 * "près de", "environ", "entre 10 et 12", "des dizaines", "at least",
 * "more than", "nearly", "dozens") → {value, min, max}.
 */
#ifndef TV_NUMBERS_H
#define TV_NUMBERS_H

#include "internal.h"
#include "text.h"

enum tv_number_flag {
    TV_NUM_WORDS = 1 << 0,    /* spelled out ("quarante-neuf") */
    TV_NUM_APPROX = 1 << 1,   /* environ, près de, une dizaine, about */
    TV_NUM_ORDINAL = 1 << 2,  /* 1er, deuxième, third */
    TV_NUM_DECIMAL = 1 << 3,  /* has a fractional part */
    TV_NUM_VAGUE = 1 << 4,    /* des dizaines, des centaines, dozens: no single value */
    TV_NUM_YEAR = 1 << 5,     /* four digits 1000-2199 written without separator */
    TV_NUM_PERCENT = 1 << 6   /* followed by % or "pour cent"/"percent" */
};

typedef struct tv_number {
    uint32_t tok_first, tok_end; /* tokens of the whole phrase, bound included */
    uint32_t val_first;          /* first token of the number itself */
    tv_span span;                /* original bytes of the whole phrase */
    double value;                /* best single value (NAN when VAGUE) */
    double min, max;             /* bounds; NAN when open */
    uint16_t flags;
    const char *bound;           /* the bound as folded text ("au moins") or NULL */
} tv_number;

/* Finds every quantity in the text (arena), ordered by position. lang is
   "fr" or "en" (decides "1.500" = 1500 in French, 1.5 in English). */
int tv_numbers_find(const tv_text *text, const char *lang, tv_arena *a, tv_number **out, size_t *nout,
                    treve_error *err);

/* Value of a single number word or digit string (folded), for other stages
   (times: "trois jours"). Returns true and sets *v when recognised. */
bool tv_number_word_value(const char *folded, size_t n, const char *lang, double *v);

#endif /* TV_NUMBERS_H */
