/*
 * numbers.h — quantities in text (lib/numbers.c).
 *
 * Recognises digits ("49", "1 500", "2,5", "1.500"), French and English
 * number words ("quarante-neuf", "deux cents", "forty-nine", "une
 * dizaine"), and the bounds news puts around them ("au moins", "plus de",
 * "près de", "environ", "entre 10 et 12", "des dizaines", "at least",
 * "more than", "nearly", "dozens") → {value, min, max}.
 *
 * Takes the tokens of the text layer (lib/text.h); hands an array of
 * tv_number, ordered by position and never overlapping, to the later
 * stages (times reads "trois jours", casualties read "au moins 49").
 *
 * Example:
 *
 *     tv_number *n; size_t nn;
 *     tv_numbers_find(&text, "fr", arena, &n, &nn, &err);
 *     // "Au moins 49 soldats"   → value 49, min 49, max NAN, bound "au moins"
 *     // "une dizaine de morts"  → value 10, min 8, max 12, APPROX|WORDS
 *     // "entre 10 et 12"        → value 11, min 10, max 12, RANGE
 *
 * ---- What each phrase yields (the documented choices) ----------------------
 *
 * Digits. Spaces (NBSP, narrow NBSP) always group thousands. The decimal
 * mark is ',' in French and '.' in English; the other mark groups thousands
 * when every group after it has three digits ("1.500" fr = 1500, "1,500" en
 * = 1500), otherwise a lone mark is read as decimal in either language
 * ("2,5" en = 2.5, "1.5" fr = 1.5). A multiplier word may follow: "1,5
 * million", "3 millions", "2 milliards", "1.2 million", "10 thousand".
 * French "billion" is 10^12, English "billion" 10^9. Values are clamped to
 * TV_NUM_MAX (10^15: doubles are exact integers up to 2^53, so v+1 stays
 * meaningful). TV_NUM_DECIMAL is set when the final value is not integral.
 *
 * Years. Four digits without separator in 1000..2199, with no bound,
 * multiplier or percent, get TV_NUM_YEAR ("en 2020"): they are still
 * reported, and "2000 morts" is flagged too — the flag says "could be a
 * year", consumers decide.
 *
 * Percent. "%", "pour cent", "pourcent", "percent", "per cent" after the
 * number: TV_NUM_PERCENT, the span includes the sign.
 *
 * Ordinals. "1er", "1re", "2e", "2ème", "2nd", "21st", "3rd", "4th";
 * "premier", "deuxième", "vingt-et-unième", "first", "second", "twenty-first"
 * (ICU's ordinal spell-out, 1..100, one token). TV_NUM_ORDINAL, value = rank,
 * never bounded. "premier ministre" / "première ministre" are not numbers.
 *
 * Number words. The table of 0..999 is generated at first use by ICU
 * (spell-out "fr", "fr_BE", "fr_CH" — septante, huitante, nonante — and
 * "en"), folded, hyphens read as spaces and "vingts"/"cents" as
 * "vingt"/"cent", so "vingt et un", "vingt-et-un", "quatre-vingt(s)",
 * "deux cents", "deux-cent-cinq" all match. mille/thousand, million(s),
 * milliard(s), billion, trillion compose larger values ("trois mille cinq
 * cents", "deux millions trois cent mille", "two hundred and five", "a
 * hundred thousand"). TV_NUM_WORDS.
 *
 * "un"/"une"/"a"/"an" alone. Reported as 1 only when (a) a bound precedes
 * it ("plus d'un", "au moins une", "at least one"), (b) a range follows ("un
 * ou deux"), or (c) a counted noun follows, possibly after "seul(e)" /
 * "single" ("un soldat", "une civile", "a soldier", "un seul mort"; a short
 * list of casualty nouns in numbers.c). In case (c) it carries TV_NUM_INDEF:
 * it may just be an article, consumers may ignore it. Other articles ("un
 * accord") are not numbers; "l'un" never is. English "one" is a number
 * except in "no one", "the one", "every one", "one another"…
 *
 * Approximate collectives (TV_NUM_APPROX|TV_NUM_WORDS), ±20% rounded:
 * une dizaine 10 [8,12], une douzaine 12 [10,14], une quinzaine 15 [12,18],
 * une vingtaine 20 [16,24], une trentaine … une soixantaine, une centaine
 * 100 [80,120], un millier 1000 [800,1200], une demi-douzaine 6 [5,7],
 * a dozen 12 [10,14], half a dozen 6 [5,7]. "une petite/bonne dizaine" is
 * read as "une dizaine". "une centaine de milliers" = 100000 [80000,120000].
 *
 * Vague plurals (TV_NUM_VAGUE|TV_NUM_WORDS): value NAN, min = twice the
 * unit, max NAN. des/plusieurs/quelques dizaines → min 20; des centaines →
 * 200; des milliers → 2000; des millions → 2e6; dozens → 24; scores → 40;
 * hundreds → 200; thousands → 2000; several/a few hundred → 200; "des
 * dizaines de milliers" / "tens of thousands" → 20000; "des centaines de
 * milliers" / "hundreds of thousands" → 200000. "plusieurs", "quelques",
 * "several", "a few" alone → min 2 (a quantity, but an unspecified one).
 *
 * Bounds, v being the value of the number that follows (TV_NUM_APPROX
 * where marked; d = max(1, round(v/10)) for integers, v/10 otherwise):
 *   MIN     au moins, au minimum, pas moins de, un minimum de, at least,
 *           no fewer/less than, not less than, a minimum of;
 *           postfix "ou plus", "or more", "au bas mot"    → [v, NAN]
 *   MORE    plus de, au-delà de, more than, over, upwards of, in excess of
 *           → [v+1, NAN] for integer counts, [v, NAN] for decimals/percent
 *   ATMOST  au plus, au maximum, tout au plus, pas plus de, jusqu'à, un
 *           maximum de, at most, up to, as many as, no/not more than, a
 *           maximum of                                     → [NAN, v]
 *   LESS    moins de, less than, fewer than, under → [NAN, v-1] (integer
 *           counts; [NAN, v] for decimals/percent)
 *   NEARLY  près de, presque, quasiment, pratiquement, pas loin de, nearly,
 *           almost, close to, just under                   → [v-d, v] APPROX
 *   ABOUT   environ, quelque, à peu près, approximativement, autour de, aux
 *           alentours de, about, around, some, approximately, roughly, an
 *           estimated, circa; postfix "environ", "or so"   → [v-d, v+d] APPROX
 *           (a collective keeps its ±20%).
 *   RANGE   entre X et Y, de X à Y, between X and Y, from X to Y, and bare
 *           "X à Y", "X ou Y", "X to Y", "X or Y" when Y > X → [X, Y],
 *           value (X+Y)/2, TV_NUM_RANGE. "entre 2 et 3 millions": X takes
 *           Y's multiplier. "entre"/"de"/"between"/"from" not followed by a
 *           range are not bounds ("de 10" is just 10).
 * A bound applied to a collective uses its central value ("plus d'une
 * dizaine" → [11, NAN]). An exact number has min = max = value.
 *
 * Every phrase stays inside one sentence, and phrases never share source
 * bytes: when one source character folds to several tokens ("½" → "1/2"),
 * only the first phrase over it is kept. span covers the whole phrase,
 * bound included ("Au moins 49"), as original bytes; tok_first/tok_end its
 * tokens; val_first the first token of the number itself; bound the bound's
 * folded pattern, words separated by one space ("au moins", "entre",
 * "jusqu' a") or NULL; bkind its enum tv_bound.
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
    TV_NUM_PERCENT = 1 << 6,  /* followed by % or "pour cent"/"percent" */
    TV_NUM_RANGE = 1 << 7,    /* entre X et Y, de X à Y, X à Y: min X, max Y */
    TV_NUM_INDEF = 1 << 8     /* a lone "un"/"une"/"a"/"an" before a noun: maybe an article */
};

/* What kind of bound surrounds the number (see the table above). */
enum tv_bound {
    TV_BOUND_NONE = 0,
    TV_BOUND_MIN,    /* au moins 49 */
    TV_BOUND_MORE,   /* plus de 49 */
    TV_BOUND_ATMOST, /* jusqu'à 49 */
    TV_BOUND_LESS,   /* moins de 49 */
    TV_BOUND_NEARLY, /* près de 49 */
    TV_BOUND_ABOUT,  /* environ 49 */
    TV_BOUND_RANGE   /* entre 10 et 12 */
};

/* Largest value reported; bigger ones are clamped to it. */
#define TV_NUM_MAX 1e15

typedef struct tv_number {
    uint32_t tok_first, tok_end; /* tokens of the whole phrase, bound included */
    uint32_t val_first;          /* first token of the number itself */
    tv_span span;                /* original bytes of the whole phrase */
    double value;                /* best single value (NAN when VAGUE) */
    double min, max;             /* bounds; NAN when open */
    uint16_t flags;
    uint8_t bkind;               /* enum tv_bound */
    const char *bound;           /* the bound as folded text ("au moins") or NULL */
} tv_number;

/* Finds every quantity in the text (arena), ordered by position. lang is
   "fr" or "en" (decides "1.500" = 1500 in French, 1.5 in English; any other
   value reads as French). Returns TREVE_OK or TREVE_ENOMEM. */
int tv_numbers_find(const tv_text *text, const char *lang, tv_arena *a, tv_number **out, size_t *nout,
                    treve_error *err);

/* Value of a single number word or digit string (folded), for other stages
   (times: "trois jours", "44 jours", "vingt-quatre heures", "un", "une").
   Cardinals only: "premier", "1er" and "dizaine" are not recognised here.
   lang NULL tries French then English. Returns true and sets *v when the
   whole string is one number. */
bool tv_number_word_value(const char *folded, size_t n, const char *lang, double *v);

/* Value of a single ordinal token (folded): "1er", "2e", "21st", "premier",
   "deuxieme", "third". Returns true and sets *v when recognised. */
bool tv_number_ordinal_value(const char *folded, size_t n, const char *lang, double *v);

#endif /* TV_NUMBERS_H */
