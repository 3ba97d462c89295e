/*
 * test_numbers.c — unit tests for lib/numbers.c: digits, words, collectives,
 * bounds, ranges, ordinals, the lone-article rule, edge cases, and
 * tv_number_word_value / tv_number_ordinal_value. Every example sentence is
 * written for these tests.
 */
#include "numbers.h"
#include "unit.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#define NONE NAN

typedef struct found {
    tv_arena *a;
    tv_text t;
    tv_number *n;
    size_t nn;
    int rc;
} found;

static void run(found *f, const char *lang, const char *s)
{
    treve_error e;
    f->a = tv_arena_new(0);
    f->n = NULL;
    f->nn = 0;
    f->rc = tv_text_build(&f->t, f->a, s, strlen(s), 0, lang, TREVE_UTF8_REJECT, &e);
    if (f->rc == TREVE_OK)
        f->rc = tv_numbers_find(&f->t, lang, f->a, &f->n, &f->nn, &e);
}

static bool same(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

/* Checks that the phrase `phrase` (exact original bytes) is found in s with
   those value, bounds and flags (flags: all of these must be set, and
   none of `noflags`). */
static void expect_flags(int line, const char *lang, const char *s, const char *phrase, double v, double mn,
                         double mx, unsigned flags, unsigned noflags)
{
    found f;
    run(&f, lang, s);
    const tv_number *hit = NULL;
    size_t pl = strlen(phrase);
    for (size_t i = 0; i < f.nn; i++) {
        const tv_number *n = &f.n[i];
        if (n->span.end - n->span.start == pl && memcmp(s + n->span.start, phrase, pl) == 0)
            hit = n;
    }
    bool ok = f.rc == TREVE_OK && hit && same(hit->value, v) && same(hit->min, mn) && same(hit->max, mx) &&
              (hit->flags & flags) == flags && !(hit->flags & noflags);
    if (ok) {
        unit_passed++;
    } else {
        unit_failed++;
        fprintf(stderr, "test_numbers.c:%d: [%s] \"%s\": want \"%s\" v=%g min=%g max=%g flags=%#x\n", line, lang,
                s, phrase, v, mn, mx, flags);
        for (size_t i = 0; i < f.nn; i++) {
            const tv_number *n = &f.n[i];
            fprintf(stderr, "    got \"%.*s\" v=%g min=%g max=%g flags=%#x bound=%s\n",
                    (int)(n->span.end - n->span.start), s + n->span.start, n->value, n->min, n->max, n->flags,
                    n->bound ? n->bound : "-");
        }
        if (!f.nn)
            fprintf(stderr, "    got nothing (rc %d, %zu tokens)\n", f.rc, f.t.ntok);
    }
    tv_arena_free(f.a);
}
#define EXPECT(lang, s, phrase, v, mn, mx, flags) expect_flags(__LINE__, lang, s, phrase, v, mn, mx, flags, 0)
#define EXPECT_NOT(lang, s, phrase, v, mn, mx, flags, noflags)                                                \
    expect_flags(__LINE__, lang, s, phrase, v, mn, mx, flags, noflags)

/* The number of phrases found. */
static size_t count(const char *lang, const char *s)
{
    found f;
    run(&f, lang, s);
    size_t n = f.nn;
    tv_arena_free(f.a);
    return n;
}

/* True when no phrase found in s covers the substring `part`. */
static bool absent(const char *lang, const char *s, const char *part)
{
    found f;
    run(&f, lang, s);
    const char *p = strstr(s, part);
    bool ok = p != NULL;
    size_t ps = p ? (size_t)(p - s) : 0, pe = ps + strlen(part);
    for (size_t i = 0; ok && i < f.nn; i++)
        if (f.n[i].span.start < pe && f.n[i].span.end > ps)
            ok = false;
    tv_arena_free(f.a);
    return ok;
}

static void test_digits(void)
{
    EXPECT("fr", "Il y a eu 49 morts.", "49", 49, 49, 49, 0);
    EXPECT("fr", "On compte 1 500 déplacés.", "1 500", 1500, 1500, 1500, 0);
    EXPECT("fr", "On compte 1\xc2\xa0" "500 déplacés.", "1\xc2\xa0" "500", 1500, 1500, 1500, 0);
    EXPECT("fr", "On compte 1\xe2\x80\xaf" "500 déplacés.", "1\xe2\x80\xaf" "500", 1500, 1500, 1500, 0);
    EXPECT("fr", "Le budget atteint 1.500 euros.", "1.500", 1500, 1500, 1500, 0);
    EXPECT("fr", "Une hausse de 2,5 points.", "2,5", 2.5, 2.5, 2.5, TV_NUM_DECIMAL);
    EXPECT("fr", "Soit 2,500 tonnes selon l'agence.", "2,500", 2.5, 2.5, 2.5, TV_NUM_DECIMAL);
    EXPECT("fr", "Pas moins de 1 500 000 personnes.", "Pas moins de 1 500 000", 1500000, 1500000, NONE, 0);
    EXPECT("fr", "Un taux de 0,5 seulement.", "0,5", 0.5, 0.5, 0.5, TV_NUM_DECIMAL);
    EXPECT("fr", "La ville compte 1.500.000 habitants.", "1.500.000", 1500000, 1500000, 1500000, 0);
    EXPECT("en", "Some 1,500 people fled.", "Some 1,500", 1500, 1350, 1650, TV_NUM_APPROX);
    EXPECT("en", "A rise of 1.5 points.", "1.5", 1.5, 1.5, 1.5, TV_NUM_DECIMAL);
    EXPECT("en", "It cost 1,500,000 dollars.", "1,500,000", 1500000, 1500000, 1500000, 0);
    EXPECT("en", "It cost 1,500.25 dollars.", "1,500.25", 1500.25, 1500.25, 1500.25, TV_NUM_DECIMAL);
    EXPECT("en", "A rate of 2,5 was quoted.", "2,5", 2.5, 2.5, 2.5, TV_NUM_DECIMAL);
    EXPECT("en", "A 1.500 figure.", "1.500", 1.5, 1.5, 1.5, TV_NUM_DECIMAL);
    EXPECT("fr", "La note 06 du rapport.", "06", 6, 6, 6, 0);
    /* multipliers */
    EXPECT("fr", "Quelque 1,5 million de réfugiés.", "Quelque 1,5 million", 1500000, 1350000, 1650000,
           TV_NUM_APPROX);
    EXPECT_NOT("fr", "Il y a 1,5 million de réfugiés.", "1,5 million", 1500000, 1500000, 1500000, 0,
               TV_NUM_DECIMAL | TV_NUM_WORDS);
    EXPECT("fr", "Ils sont 3 millions.", "3 millions", 3e6, 3e6, 3e6, 0);
    EXPECT("fr", "Une aide de 2 milliards d'euros.", "2 milliards", 2e9, 2e9, 2e9, 0);
    EXPECT("fr", "Une dette de 2 billions.", "2 billions", 2e12, 2e12, 2e12, 0);
    EXPECT("en", "A package of 1.2 million dollars.", "1.2 million", 1.2e6, 1.2e6, 1.2e6, 0);
    EXPECT("en", "A package of 2 billion dollars.", "2 billion", 2e9, 2e9, 2e9, 0);
    EXPECT("en", "Some 10 thousand troops.", "Some 10 thousand", 10000, 9000, 11000, TV_NUM_APPROX);
    EXPECT("fr", "Un fonds de 2 000 milliards.", "2 000 milliards", 2e12, 2e12, 2e12, 0);
    /* dates and times are not numbers */
    CHECK(absent("fr", "Le 13.09.2022 à Erevan.", "13.09.2022"));
    CHECK(absent("fr", "Vers 06H00, les tirs ont cessé.", "06H00"));
    CHECK(absent("fr", "L'obus de 9h30.", "9h30"));
}

static void test_years_percent(void)
{
    EXPECT("fr", "La guerre de 2020 a duré.", "2020", 2020, 2020, 2020, TV_NUM_YEAR);
    EXPECT("en", "In 1994 the war ended.", "1994", 1994, 1994, 1994, TV_NUM_YEAR);
    EXPECT_NOT("fr", "Il y a 2 000 déplacés.", "2 000", 2000, 2000, 2000, 0, TV_NUM_YEAR);
    EXPECT_NOT("fr", "Il y a 999 déplacés.", "999", 999, 999, 999, 0, TV_NUM_YEAR);
    EXPECT_NOT("fr", "Il y a 2500 déplacés.", "2500", 2500, 2500, 2500, 0, TV_NUM_YEAR);
    EXPECT_NOT("fr", "Plus de 2000 morts.", "Plus de 2000", 2000, 2001, NONE, 0, TV_NUM_YEAR);
    EXPECT("fr", "De 1991 à 1994, la guerre.", "De 1991 à 1994", 1992.5, 1991, 1994, TV_NUM_YEAR | TV_NUM_RANGE);
    EXPECT("en", "The 1990-2000 decade.", "1990-2000", 1995, 1990, 2000, TV_NUM_RANGE);
    EXPECT("fr", "Une baisse de 49 %.", "49 %", 49, 49, 49, TV_NUM_PERCENT);
    EXPECT("fr", "Une baisse de 49%.", "49%", 49, 49, 49, TV_NUM_PERCENT);
    EXPECT("fr", "Une hausse de 2,5 % en un an.", "2,5 %", 2.5, 2.5, 2.5, TV_NUM_PERCENT | TV_NUM_DECIMAL);
    EXPECT("fr", "Cinq pour cent des votes.", "Cinq pour cent", 5, 5, 5, TV_NUM_PERCENT | TV_NUM_WORDS);
    EXPECT("fr", "Près de 60 pour cent des votes.", "Près de 60 pour cent", 60, 54, 60,
           TV_NUM_PERCENT | TV_NUM_APPROX);
    EXPECT("fr", "Plus de 50 % des électeurs.", "Plus de 50 %", 50, 50, NONE, TV_NUM_PERCENT);
    EXPECT("en", "About 40 percent of voters.", "About 40 percent", 40, 36, 44, TV_NUM_PERCENT | TV_NUM_APPROX);
    EXPECT("en", "Only 12 per cent agreed.", "12 per cent", 12, 12, 12, TV_NUM_PERCENT);
    EXPECT("fr", "Entre 10 et 20 % des maisons.", "Entre 10 et 20 %", 15, 10, 20, TV_NUM_PERCENT | TV_NUM_RANGE);
    EXPECT("fr", "Un vote à cent pour cent.", "cent pour cent", 100, 100, 100, TV_NUM_PERCENT);
}

static void test_words_fr(void)
{
    EXPECT("fr", "Zéro victime civile.", "Zéro", 0, 0, 0, TV_NUM_WORDS);
    EXPECT("fr", "Quarante-neuf soldats.", "Quarante-neuf", 49, 49, 49, TV_NUM_WORDS);
    EXPECT("fr", "On relève vingt et un morts.", "vingt et un", 21, 21, 21, TV_NUM_WORDS);
    EXPECT("fr", "On relève vingt-et-un morts.", "vingt-et-un", 21, 21, 21, TV_NUM_WORDS);
    EXPECT("fr", "On relève vingt et une victimes.", "vingt et une", 21, 21, 21, TV_NUM_WORDS);
    EXPECT("fr", "Soixante-dix blindés.", "Soixante-dix", 70, 70, 70, TV_NUM_WORDS);
    EXPECT("fr", "Soixante et onze blindés.", "Soixante et onze", 71, 71, 71, TV_NUM_WORDS);
    EXPECT("fr", "Quatre-vingts blindés.", "Quatre-vingts", 80, 80, 80, TV_NUM_WORDS);
    EXPECT("fr", "Quatre-vingt blindés.", "Quatre-vingt", 80, 80, 80, TV_NUM_WORDS);
    EXPECT("fr", "Quatre-vingt-un blindés.", "Quatre-vingt-un", 81, 81, 81, TV_NUM_WORDS);
    EXPECT("fr", "Quatre-vingt-dix-neuf blindés.", "Quatre-vingt-dix-neuf", 99, 99, 99, TV_NUM_WORDS);
    EXPECT("fr", "Il a vu deux cents chars.", "deux cents", 200, 200, 200, TV_NUM_WORDS);
    EXPECT("fr", "Il a vu deux cent cinq chars.", "deux cent cinq", 205, 205, 205, TV_NUM_WORDS);
    EXPECT("fr", "Il a vu deux-cent-cinq chars.", "deux-cent-cinq", 205, 205, 205, TV_NUM_WORDS);
    EXPECT("fr", "Il a vu cent chars.", "cent", 100, 100, 100, TV_NUM_WORDS);
    EXPECT("fr", "Il a vu mille chars.", "mille", 1000, 1000, 1000, TV_NUM_WORDS);
    EXPECT("fr", "Trois mille cinq cents réfugiés.", "Trois mille cinq cents", 3500, 3500, 3500, TV_NUM_WORDS);
    EXPECT("fr", "Deux cent mille réfugiés.", "Deux cent mille", 200000, 200000, 200000, TV_NUM_WORDS);
    EXPECT("fr", "Deux millions trois cent mille habitants.", "Deux millions trois cent mille", 2300000, 2300000,
           2300000, TV_NUM_WORDS);
    EXPECT("fr", "Un million de personnes.", "Un million", 1e6, 1e6, 1e6, TV_NUM_WORDS);
    EXPECT("fr", "Mille milliards de dollars.", "Mille milliards", 1e12, 1e12, 1e12, TV_NUM_WORDS);
    EXPECT("fr", "Neuf cent quatre-vingt-dix-neuf tirs.", "Neuf cent quatre-vingt-dix-neuf", 999, 999, 999,
           TV_NUM_WORDS);
    EXPECT("fr", "Vingt-deux-mille soldats.", "Vingt-deux-mille", 22000, 22000, 22000, TV_NUM_WORDS);
    EXPECT("fr", "Trois-cent-mille euros.", "Trois-cent-mille", 300000, 300000, 300000, TV_NUM_WORDS);
    EXPECT("fr", "Mille neuf cent quatre-vingt-dix-neuf obus.", "Mille neuf cent quatre-vingt-dix-neuf", 1999, 1999,
           1999, TV_NUM_WORDS);
    CHECK(absent("fr", "Les deux-tiers du territoire.", "deux-tiers"));
    /* Belgian and Swiss forms */
    EXPECT("fr", "Septante-cinq obus.", "Septante-cinq", 75, 75, 75, TV_NUM_WORDS);
    EXPECT("fr", "Huitante obus.", "Huitante", 80, 80, 80, TV_NUM_WORDS);
    EXPECT("fr", "Nonante et un obus.", "Nonante et un", 91, 91, 91, TV_NUM_WORDS);
    /* numbers stop where the grammar stops */
    EXPECT("fr", "Entre dix et douze blessés.", "Entre dix et douze", 11, 10, 12, TV_NUM_RANGE | TV_NUM_WORDS);
    CHECK(count("fr", "Trois quatre.") == 2);
    CHECK(absent("fr", "Un cessez-le-feu a été conclu.", "cessez"));
}

static void test_words_en(void)
{
    EXPECT("en", "Forty-nine soldiers.", "Forty-nine", 49, 49, 49, TV_NUM_WORDS);
    EXPECT("en", "Zero casualties.", "Zero", 0, 0, 0, TV_NUM_WORDS);
    EXPECT("en", "Nineteen soldiers.", "Nineteen", 19, 19, 19, TV_NUM_WORDS);
    EXPECT("en", "It had two hundred and five beds.", "two hundred and five", 205, 205, 205, TV_NUM_WORDS);
    EXPECT("en", "It had two hundred five beds.", "two hundred five", 205, 205, 205, TV_NUM_WORDS);
    EXPECT("en", "One hundred and twenty-three beds.", "One hundred and twenty-three", 123, 123, 123,
           TV_NUM_WORDS);
    EXPECT("en", "A hundred thousand people.", "A hundred thousand", 100000, 100000, 100000, TV_NUM_WORDS);
    EXPECT("en", "A thousand people.", "A thousand", 1000, 1000, 1000, TV_NUM_WORDS);
    EXPECT("en", "Three million people.", "Three million", 3e6, 3e6, 3e6, TV_NUM_WORDS);
    EXPECT("en", "Two thousand and twenty rockets.", "Two thousand and twenty", 2020, 2020, 2020, TV_NUM_WORDS);
    EXPECT("en", "Between one hundred and two hundred fled.", "Between one hundred and two hundred", 150, 100, 200,
           TV_NUM_RANGE | TV_NUM_WORDS);
    CHECK(count("en", "Bread and water, and then more.") == 0);
}

static void test_collectives(void)
{
    EXPECT("fr", "Une dizaine de blessés.", "Une dizaine", 10, 8, 12, TV_NUM_APPROX | TV_NUM_WORDS);
    EXPECT("fr", "Une douzaine de blessés.", "Une douzaine", 12, 10, 14, TV_NUM_APPROX);
    EXPECT("fr", "Une quinzaine de blessés.", "Une quinzaine", 15, 12, 18, TV_NUM_APPROX);
    EXPECT("fr", "Une vingtaine de blessés.", "Une vingtaine", 20, 16, 24, TV_NUM_APPROX);
    EXPECT("fr", "Une cinquantaine de blessés.", "Une cinquantaine", 50, 40, 60, TV_NUM_APPROX);
    EXPECT("fr", "Une centaine de blessés.", "Une centaine", 100, 80, 120, TV_NUM_APPROX);
    EXPECT("fr", "Un millier de blessés.", "Un millier", 1000, 800, 1200, TV_NUM_APPROX);
    EXPECT("fr", "Une demi-douzaine de blessés.", "Une demi-douzaine", 6, 5, 7, TV_NUM_APPROX);
    EXPECT("fr", "Une petite dizaine de blessés.", "Une petite dizaine", 10, 8, 12, TV_NUM_APPROX);
    EXPECT("fr", "Une centaine de milliers de réfugiés.", "Une centaine de milliers", 100000, 80000, 120000,
           TV_NUM_APPROX);
    EXPECT("fr", "Plus d'une dizaine de blessés.", "Plus d'une dizaine", 10, 11, NONE, TV_NUM_APPROX);
    EXPECT("fr", "Au moins une centaine de blessés.", "Au moins une centaine", 100, 100, NONE, TV_NUM_APPROX);
    EXPECT("fr", "Environ une vingtaine de blessés.", "Environ une vingtaine", 20, 16, 24, TV_NUM_APPROX);
    EXPECT("en", "A dozen were hurt.", "A dozen", 12, 10, 14, TV_NUM_APPROX);
    EXPECT("en", "More than a dozen were hurt.", "More than a dozen", 12, 13, NONE, TV_NUM_APPROX);
    EXPECT("en", "Half a dozen were hurt.", "Half a dozen", 6, 5, 7, TV_NUM_APPROX);
    /* vague plurals */
    EXPECT("fr", "Des dizaines de morts.", "Des dizaines", NONE, 20, NONE, TV_NUM_VAGUE);
    EXPECT("fr", "Des centaines de morts.", "Des centaines", NONE, 200, NONE, TV_NUM_VAGUE);
    EXPECT("fr", "Des milliers de morts.", "Des milliers", NONE, 2000, NONE, TV_NUM_VAGUE);
    EXPECT("fr", "Des millions de réfugiés.", "Des millions", NONE, 2e6, NONE, TV_NUM_VAGUE);
    EXPECT("fr", "Plusieurs centaines de morts.", "Plusieurs centaines", NONE, 200, NONE, TV_NUM_VAGUE);
    EXPECT("fr", "Quelques milliers de morts.", "Quelques milliers", NONE, 2000, NONE, TV_NUM_VAGUE);
    EXPECT("fr", "Des dizaines de milliers de morts.", "Des dizaines de milliers", NONE, 20000, NONE,
           TV_NUM_VAGUE);
    EXPECT("fr", "Des centaines de milliers de morts.", "Des centaines de milliers", NONE, 200000, NONE,
           TV_NUM_VAGUE);
    EXPECT("fr", "Plusieurs soldats sont morts.", "Plusieurs", NONE, 2, NONE, TV_NUM_VAGUE);
    EXPECT("en", "Dozens of people died.", "Dozens", NONE, 24, NONE, TV_NUM_VAGUE);
    EXPECT("en", "Hundreds died.", "Hundreds", NONE, 200, NONE, TV_NUM_VAGUE);
    EXPECT("en", "Thousands of people fled.", "Thousands", NONE, 2000, NONE, TV_NUM_VAGUE);
    EXPECT("en", "Tens of thousands fled.", "Tens of thousands", NONE, 20000, NONE, TV_NUM_VAGUE);
    EXPECT("en", "Hundreds of thousands fled.", "Hundreds of thousands", NONE, 200000, NONE, TV_NUM_VAGUE);
    EXPECT("en", "Several hundred fled.", "Several hundred", NONE, 200, NONE, TV_NUM_VAGUE);
    EXPECT("en", "A few thousand fled.", "A few thousand", NONE, 2000, NONE, TV_NUM_VAGUE);
    EXPECT("en", "Several soldiers died.", "Several", NONE, 2, NONE, TV_NUM_VAGUE);
    CHECK(absent("fr", "Des soldats sont morts.", "Des"));
    CHECK(absent("en", "The tens are here.", "tens"));
}

static void test_bounds(void)
{
    /* the SPEC's three examples */
    EXPECT("fr", "Au moins 49 soldats arméniens ont été tués.", "Au moins 49", 49, 49, NONE, 0);
    EXPECT("fr", "Entre 10 et 12 soldats.", "Entre 10 et 12", 11, 10, 12, TV_NUM_RANGE);
    EXPECT("fr", "Une dizaine de soldats.", "Une dizaine", 10, 8, 12, TV_NUM_APPROX);

    EXPECT("fr", "Au minimum 30 morts.", "Au minimum 30", 30, 30, NONE, 0);
    EXPECT("fr", "Pas moins de 30 morts.", "Pas moins de 30", 30, 30, NONE, 0);
    EXPECT("fr", "Plus de 30 morts.", "Plus de 30", 30, 31, NONE, 0);
    EXPECT("fr", "Plus de 2,5 millions de déplacés.", "Plus de 2,5 millions", 2.5e6, 2500001, NONE, 0);
    EXPECT("fr", "Au-delà de 30 morts.", "Au-delà de 30", 30, 31, NONE, 0);
    EXPECT("fr", "Au plus 30 morts.", "Au plus 30", 30, NONE, 30, 0);
    EXPECT("fr", "Pas plus de 30 morts.", "Pas plus de 30", 30, NONE, 30, 0);
    EXPECT("fr", "Jusqu'à 30 morts.", "Jusqu'à 30", 30, NONE, 30, 0);
    EXPECT("fr", "Jusqu’à 30 morts.", "Jusqu’à 30", 30, NONE, 30, 0);
    EXPECT("fr", "Moins de 30 morts.", "Moins de 30", 30, NONE, 29, 0);
    EXPECT("fr", "Moins de 2,5 % des voix.", "Moins de 2,5 %", 2.5, NONE, 2.5, TV_NUM_PERCENT);
    EXPECT("fr", "Près de 50 morts.", "Près de 50", 50, 45, 50, TV_NUM_APPROX);
    EXPECT("fr", "Presque 50 morts.", "Presque 50", 50, 45, 50, TV_NUM_APPROX);
    EXPECT("fr", "Environ 300 morts.", "Environ 300", 300, 270, 330, TV_NUM_APPROX);
    EXPECT("fr", "Environ 5 morts.", "Environ 5", 5, 4, 6, TV_NUM_APPROX);
    EXPECT("fr", "Quelque 300 morts.", "Quelque 300", 300, 270, 330, TV_NUM_APPROX);
    EXPECT("fr", "À peu près 300 morts.", "À peu près 300", 300, 270, 330, TV_NUM_APPROX);
    EXPECT("fr", "Autour de 300 morts.", "Autour de 300", 300, 270, 330, TV_NUM_APPROX);
    EXPECT("fr", "Un bilan de 300 morts environ.", "300", 300, 300, 300, 0); /* not adjacent */
    EXPECT("fr", "Un bilan de 300 environ.", "300 environ", 300, 270, 330, TV_NUM_APPROX);
    EXPECT("fr", "Un bilan de 300 ou plus.", "300 ou plus", 300, 300, NONE, 0);
    EXPECT("fr", "De 10 à 12 morts.", "De 10 à 12", 11, 10, 12, TV_NUM_RANGE);
    EXPECT("fr", "Ils sont 10 à 12 morts.", "10 à 12", 11, 10, 12, TV_NUM_RANGE);
    EXPECT("fr", "Deux ou trois morts.", "Deux ou trois", 2.5, 2, 3, TV_NUM_RANGE | TV_NUM_WORDS);
    EXPECT_NOT("fr", "Un ou deux morts.", "Un ou deux", 1.5, 1, 2, TV_NUM_RANGE, TV_NUM_DECIMAL | TV_NUM_INDEF);
    EXPECT("fr", "Entre 2 et 3 millions de déplacés.", "Entre 2 et 3 millions", 2.5e6, 2e6, 3e6, TV_NUM_RANGE);
    EXPECT("fr", "Environ 10 à 12 morts.", "Environ 10 à 12", 11, 10, 12, TV_NUM_RANGE | TV_NUM_APPROX);
    EXPECT("fr", "Le score est de 3 à 0.", "3", 3, 3, 3, 0);
    EXPECT("fr", "Le score est de 3 à 0.", "0", 0, 0, 0, 0);
    EXPECT("fr", "Il est passé de 10 ans.", "10", 10, 10, 10, 0);
    EXPECT("fr", "Entre 10 et la ville.", "10", 10, 10, 10, 0);
    CHECK(absent("fr", "Plus de la moitié des soldats.", "Plus"));
    CHECK(absent("fr", "Près de Donetsk, au moins.", "Près"));

    EXPECT("en", "At least 49 soldiers.", "At least 49", 49, 49, NONE, 0);
    EXPECT("en", "No fewer than 49 soldiers.", "No fewer than 49", 49, 49, NONE, 0);
    EXPECT("en", "More than 1,000 soldiers.", "More than 1,000", 1000, 1001, NONE, 0);
    EXPECT("en", "Over 100 soldiers.", "Over 100", 100, 101, NONE, 0);
    EXPECT("en", "Up to 40 soldiers.", "Up to 40", 40, NONE, 40, 0);
    EXPECT("en", "As many as 40 soldiers.", "As many as 40", 40, NONE, 40, 0);
    EXPECT("en", "At most 40 soldiers.", "At most 40", 40, NONE, 40, 0);
    EXPECT("en", "Fewer than 10 soldiers.", "Fewer than 10", 10, NONE, 9, 0);
    EXPECT("en", "Less than 10 soldiers.", "Less than 10", 10, NONE, 9, 0);
    EXPECT("en", "Nearly 50 soldiers.", "Nearly 50", 50, 45, 50, TV_NUM_APPROX);
    EXPECT("en", "Almost 50 soldiers.", "Almost 50", 50, 45, 50, TV_NUM_APPROX);
    EXPECT("en", "About 300 soldiers.", "About 300", 300, 270, 330, TV_NUM_APPROX);
    EXPECT("en", "Around 300 soldiers.", "Around 300", 300, 270, 330, TV_NUM_APPROX);
    EXPECT("en", "An estimated 300 soldiers.", "An estimated 300", 300, 270, 330, TV_NUM_APPROX);
    EXPECT("en", "Roughly 300 soldiers.", "Roughly 300", 300, 270, 330, TV_NUM_APPROX);
    EXPECT("en", "Between 10 and 12 soldiers.", "Between 10 and 12", 11, 10, 12, TV_NUM_RANGE);
    EXPECT("en", "From 10 to 12 soldiers.", "From 10 to 12", 11, 10, 12, TV_NUM_RANGE);
    EXPECT("en", "Some 10 to 12 soldiers.", "Some 10 to 12", 11, 10, 12, TV_NUM_RANGE | TV_NUM_APPROX);
    EXPECT("en", "Two or three soldiers.", "Two or three", 2.5, 2, 3, TV_NUM_RANGE);
    EXPECT("en", "Some 10-12 soldiers.", "Some 10-12", 11, 10, 12, TV_NUM_RANGE);
    EXPECT("en", "Between 2 and 3 million people.", "Between 2 and 3 million", 2.5e6, 2e6, 3e6, TV_NUM_RANGE);
    EXPECT("en", "30 or so soldiers.", "30 or so", 30, 27, 33, TV_NUM_APPROX);
    EXPECT("en", "30 or more soldiers.", "30 or more", 30, 30, NONE, 0);
    CHECK(absent("en", "Over the weekend the talks failed.", "Over"));
    CHECK(absent("en", "Some of the soldiers left.", "Some"));
    CHECK(absent("en", "About the war.", "About"));
}

static void test_articles(void)
{
    EXPECT("fr", "Un soldat a été tué.", "Un", 1, 1, 1, TV_NUM_INDEF | TV_NUM_WORDS);
    EXPECT("fr", "Une civile a été tuée.", "Une", 1, 1, 1, TV_NUM_INDEF);
    EXPECT("fr", "Un seul mort est à déplorer.", "Un", 1, 1, 1, TV_NUM_INDEF);
    EXPECT_NOT("fr", "Plus d'un soldat a été tué.", "Plus d'un", 1, 2, NONE, TV_NUM_WORDS, TV_NUM_INDEF);
    EXPECT_NOT("fr", "Au moins une personne.", "Au moins une", 1, 1, NONE, 0, TV_NUM_INDEF);
    EXPECT("en", "A soldier was killed.", "A", 1, 1, 1, TV_NUM_INDEF);
    EXPECT_NOT("en", "One soldier was killed.", "One", 1, 1, 1, TV_NUM_WORDS, TV_NUM_INDEF);
    EXPECT("en", "At least one soldier.", "At least one", 1, 1, NONE, 0);
    CHECK(absent("fr", "Un accord a été signé.", "Un"));
    CHECK(absent("fr", "Une trêve a été conclue.", "Une"));
    CHECK(absent("fr", "L'un des soldats.", "un"));
    CHECK(absent("en", "A deal was signed.", "A"));
    CHECK(absent("en", "No one was hurt.", "one"));
    CHECK(absent("en", "They blamed one another.", "one"));
    CHECK(count("fr", "Un accord, une trêve, un cessez-le-feu.") == 0);
}

static void test_ordinals(void)
{
    EXPECT("fr", "Le 1er mai.", "1er", 1, 1, 1, TV_NUM_ORDINAL);
    EXPECT("fr", "La 1re fois.", "1re", 1, 1, 1, TV_NUM_ORDINAL);
    EXPECT("fr", "Le 2e jour.", "2e", 2, 2, 2, TV_NUM_ORDINAL);
    EXPECT("fr", "Le 2ème jour.", "2ème", 2, 2, 2, TV_NUM_ORDINAL);
    EXPECT("fr", "Le premier jour.", "premier", 1, 1, 1, TV_NUM_ORDINAL | TV_NUM_WORDS);
    EXPECT("fr", "La première fois.", "première", 1, 1, 1, TV_NUM_ORDINAL);
    EXPECT("fr", "La deuxième fois.", "deuxième", 2, 2, 2, TV_NUM_ORDINAL);
    EXPECT("fr", "Le vingt-et-unième jour.", "vingt-et-unième", 21, 21, 21, TV_NUM_ORDINAL);
    EXPECT("fr", "Le centième jour.", "centième", 100, 100, 100, TV_NUM_ORDINAL);
    EXPECT("en", "The 21st day.", "21st", 21, 21, 21, TV_NUM_ORDINAL);
    EXPECT("en", "The 3rd day.", "3rd", 3, 3, 3, TV_NUM_ORDINAL);
    EXPECT("en", "The 2nd day.", "2nd", 2, 2, 2, TV_NUM_ORDINAL);
    EXPECT("en", "The first day.", "first", 1, 1, 1, TV_NUM_ORDINAL);
    EXPECT("en", "The third day.", "third", 3, 3, 3, TV_NUM_ORDINAL);
    EXPECT("en", "The twenty-first day.", "twenty-first", 21, 21, 21, TV_NUM_ORDINAL);
    CHECK(absent("fr", "Le Premier ministre arménien.", "Premier"));
    CHECK(absent("fr", "La Première ministre.", "Première"));
    /* an ordinal takes no bound */
    CHECK(absent("fr", "Au moins le deuxième.", "Au moins"));
}

static void test_edges(void)
{
    /* huge numbers clamp */
    EXPECT("fr", "Un total de 999 999 999 999 999 999 999 unités.", "999 999 999 999 999 999 999", TV_NUM_MAX,
           TV_NUM_MAX, TV_NUM_MAX, 0);
    EXPECT("en", "A total of 5,000,000,000,000,000 units.", "5,000,000,000,000,000", TV_NUM_MAX, TV_NUM_MAX,
           TV_NUM_MAX, 0);
    EXPECT("fr", "Mille milliards de milliards.", "Mille milliards", 1e12, 1e12, 1e12, 0);
    EXPECT("fr", "Il y a 999999999999999999999999999999 grains.", "999999999999999999999999999999",
           TV_NUM_MAX, TV_NUM_MAX, TV_NUM_MAX, 0);
    EXPECT("fr", "Plus de 999 999 999 999 999 999 grains.", "Plus de 999 999 999 999 999 999", TV_NUM_MAX,
           TV_NUM_MAX, NONE, 0);
    /* phrases stay inside their sentence */
    CHECK(absent("fr", "Il a dit au moins. 49 soldats.", "au moins"));
    /* garbage and empty input */
    CHECK(count("fr", "") == 0);
    CHECK(count("fr", "... ,,, %%% --- 'l' d' de de de entre et et") == 0);
    CHECK(count("en", "a a a an an the of of and and") == 0);
    CHECK(count("fr", "des des des plusieurs") == 1);
    CHECK(count("fr", "1 2 3") == 3);
    CHECK(count("xx", "Au moins 49 morts.") == 1); /* unknown language reads as French */
    {
        tv_number *n = (tv_number *)1;
        size_t nn = 7;
        CHECK(tv_numbers_find(NULL, "fr", NULL, &n, &nn, NULL) == TREVE_OK && n == NULL && nn == 0);
        treve_error e;
        CHECK(tv_numbers_find(NULL, "fr", NULL, NULL, &nn, &e) == TREVE_EINVAL);
    }
    /* spans, tokens and bounds of a phrase */
    {
        found f;
        const char *s = "Selon Erevan, au moins 49 soldats.";
        run(&f, "fr", s);
        CHECK(f.nn == 1);
        if (f.nn == 1) {
            const tv_number *n = &f.n[0];
            CHECK(n->span.start == 14 && n->span.end == 25);
            CHECK(n->tok_end - n->tok_first == 3);
            CHECK(n->val_first == n->tok_first + 2);
            CHECK(f.t.tok[n->val_first].start == 23);
            CHECK_STR(n->bound, "au moins");
            CHECK(n->bkind == TV_BOUND_MIN);
        }
        tv_arena_free(f.a);
    }
    /* positions are ordered and never overlap */
    {
        found f;
        run(&f, "fr", "Au moins 3 morts, entre 10 et 12 blessés, des dizaines de disparus et 2,5 % de pertes.");
        CHECK(f.nn == 4);
        for (size_t i = 1; i < f.nn; i++)
            CHECK(f.n[i].span.start >= f.n[i - 1].span.end && f.n[i].tok_first >= f.n[i - 1].tok_end);
        tv_arena_free(f.a);
    }
}

static void test_word_value(void)
{
    double v = -1;
    CHECK(tv_number_word_value("trois", 5, "fr", &v) && v == 3);
    CHECK(tv_number_word_value("44", 2, "fr", &v) && v == 44);
    CHECK(tv_number_word_value("1 500", 5, "fr", &v) && v == 1500);
    CHECK(tv_number_word_value("1.500", 5, "fr", &v) && v == 1500);
    CHECK(tv_number_word_value("1.500", 5, "en", &v) && v == 1.5);
    CHECK(tv_number_word_value("vingt-quatre", 12, "fr", &v) && v == 24);
    CHECK(tv_number_word_value("quarante-huit", 13, "fr", &v) && v == 48);
    CHECK(tv_number_word_value("vingt et un", 11, "fr", &v) && v == 21);
    CHECK(tv_number_word_value("un", 2, "fr", &v) && v == 1);
    CHECK(tv_number_word_value("une", 3, "fr", &v) && v == 1);
    CHECK(tv_number_word_value("mille", 5, "fr", &v) && v == 1000);
    CHECK(tv_number_word_value("deux mille", 10, "fr", &v) && v == 2000);
    CHECK(tv_number_word_value("soixante-dix", 12, "fr", &v) && v == 70);
    CHECK(tv_number_word_value("septante", 8, "fr", &v) && v == 70);
    CHECK(tv_number_word_value("forty-four", 10, "en", &v) && v == 44);
    CHECK(tv_number_word_value("one hundred and five", 20, "en", &v) && v == 105);
    CHECK(tv_number_word_value("three", 5, NULL, &v) && v == 3);
    CHECK(tv_number_word_value("trois", 5, NULL, &v) && v == 3);
    CHECK(!tv_number_word_value("trois", 5, "en", &v));
    CHECK(!tv_number_word_value("jours", 5, "fr", &v));
    CHECK(!tv_number_word_value("premier", 7, "fr", &v));
    CHECK(!tv_number_word_value("dizaine", 7, "fr", &v));
    CHECK(!tv_number_word_value("trois jours", 11, "fr", &v));
    CHECK(!tv_number_word_value("million", 7, "fr", &v));
    CHECK(!tv_number_word_value("13.09.2022", 10, "fr", &v));
    CHECK(!tv_number_word_value("", 0, "fr", &v));
    CHECK(!tv_number_word_value(NULL, 3, "fr", &v));
    CHECK(!tv_number_word_value("a", 1, "en", &v));
    CHECK(tv_number_ordinal_value("premier", 7, "fr", &v) && v == 1);
    CHECK(tv_number_ordinal_value("premiere", 8, "fr", &v) && v == 1);
    CHECK(tv_number_ordinal_value("deuxieme", 8, "fr", &v) && v == 2);
    CHECK(tv_number_ordinal_value("1er", 3, "fr", &v) && v == 1);
    CHECK(tv_number_ordinal_value("21st", 4, "en", &v) && v == 21);
    CHECK(tv_number_ordinal_value("third", 5, "en", &v) && v == 3);
    CHECK(!tv_number_ordinal_value("trois", 5, "fr", &v));
    CHECK(!tv_number_ordinal_value("1xyz", 4, "fr", &v));
}

static void *thread_main(void *arg)
{
    double v = 0;
    bool ok = tv_number_word_value("quatre-vingt-dix-neuf", 21, "fr", &v) && v == 99;
    *(int *)arg = ok;
    return NULL;
}

static void test_threads(void)
{
    pthread_t th[4];
    int ok[4] = {0};
    for (int i = 0; i < 4; i++)
        CHECK(pthread_create(&th[i], NULL, thread_main, &ok[i]) == 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK(ok[i]);
    }
}

int main(void)
{
    test_threads(); /* first: the tables are built by concurrent callers */
    test_digits();
    test_years_percent();
    test_words_fr();
    test_words_en();
    test_collectives();
    test_bounds();
    test_articles();
    test_ordinals();
    test_edges();
    test_word_value();
    return unit_summary("test_numbers");
}
