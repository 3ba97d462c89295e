/*
 * times.c — the times stage: finds French and English temporal expressions
 * in the tokens of the text layer and normalises them to ISO-TimeML TIMEX3
 * (type, value, mod) plus a UTC interval with a precision and a basis.
 *
 * Takes: tokens (lib/text.h), quantities (lib/numbers.h: "trois jours",
 * "au moins 44 jours"), and options: language, document creation time
 * (DCT), default IANA zone. Returns: an arena array of tv_timex ordered by
 * position, never overlapping. lib/times_calendar.c turns calendar fields
 * into values and intervals, lib/timezone.c does zones through ICU.
 *
 * How: one left-to-right pass. At each token a set of small hand-written
 * matchers (dates, relative expressions, clock times with zones, durations,
 * sets, PRESENT/PAST/FUTURE_REF) try to read a pattern; the first that
 * matches consumes its tokens. A match builds a `pexp` (what the text says:
 * calendar fields, an offset from the DCT, a weekday, a named zone…), then
 * resolve() anchors it to the DCT and the zone — or, for anaphoric
 * expressions ("la veille", "three days later"), to the last dated
 * expression of the same or previous sentence (tanchor), else the DCT.
 * Contiguous day + clock time ("ce matin à 7h00") is one TIME. Impossible dates ("31
 * février", "25H00") are consumed and dropped, so that "février" is not
 * emitted alone.
 *
 * Why the time words are a C table and not data/time/ files: they are a
 * closed class (months, weekdays, units, parts of day) whose entries carry
 * structured values (month number, unit, weekday) that the matchers switch
 * on, and this stage must work without a treve_ctx (unit tests, fuzzing).
 * The table below is still just data: one line per word, looked up by the
 * token's hash. The zone names are a table too (lib/timezone.c); offsets
 * always come from ICU.
 */
#include "times.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- the word table ------------------------------------------------------*/
enum wcls { C_NONE = 0, C_MONTH, C_WDAY, C_UNIT, C_POD, C_SEASON, C_NUM, C_KEY };
enum unit { U_NONE = 0, U_SEC, U_MIN, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_MONTH, U_YEAR, U_DECADE, U_CENTURY };
enum key {
    K_NONE = 0, K_HIER, K_AVANTHIER, K_DEMAIN, K_APRESDEMAIN, K_TODAY, K_TONIGHT, K_OVERNIGHT,
    K_CE, K_DET, K_LAST, K_NEXT, K_IL, K_AGO, K_DANS, K_IN, K_SINCE, K_EVERY, K_TOUS,
    K_START, K_END, K_MIDDLE, K_NOW, K_PAST, K_FUTURE, K_ANNEES, K_MIDI, K_MINUIT, K_HEURE,
    K_DEMI, K_VAGUE, K_SIECLE, K_OF, K_AT, K_DURING, K_PRESENT, K_AVENIR, K_PASSE, K_MOMENT,
    K_THE, K_AND, K_HALF, K_AU, K_DU, K_TO, K_MI, K_EARLY, K_LATE, K_CI, K_ON,
    K_VEILLE, K_AVVEILLE, K_LENDEMAIN, K_SURLENDEMAIN, K_PREV, K_FOLLOW, K_LATER, K_EARLIER, K_BEFORE, K_AFTER,
    K_SAME, K_THAT, K_DAWN, K_DUSK, K_TOT, K_TARD, K_PARTW, K_HOLI
};
enum { L_BOTH = 0, L_FR = 1, L_EN = 2 };
/* month/weekday flags */
enum { W_AMBIG = 1, /* needs a date context: abbreviations, "may", "march", "sept" */
       W_PLURAL = 2,
       W_ABBR = 4 /* month abbreviation: takes a following "." */ };

typedef struct tword {
    const char *w;
    uint8_t cls, val, lang, flags;
} tword;

static const tword words[] = {
    /* months, French */
    {"janvier", C_MONTH, 1, L_FR, 0}, {"fevrier", C_MONTH, 2, L_FR, 0}, {"mars", C_MONTH, 3, L_FR, 0},
    {"avril", C_MONTH, 4, L_FR, 0}, {"mai", C_MONTH, 5, L_FR, 0}, {"juin", C_MONTH, 6, L_FR, 0},
    {"juillet", C_MONTH, 7, L_FR, 0}, {"aout", C_MONTH, 8, L_FR, 0}, {"septembre", C_MONTH, 9, L_FR, 0},
    {"octobre", C_MONTH, 10, L_FR, 0}, {"novembre", C_MONTH, 11, L_FR, 0}, {"decembre", C_MONTH, 12, L_FR, 0},
    {"janv", C_MONTH, 1, L_FR, W_AMBIG | W_ABBR}, {"fevr", C_MONTH, 2, L_FR, W_AMBIG | W_ABBR}, {"fev", C_MONTH, 2, L_FR, W_AMBIG | W_ABBR},
    {"avr", C_MONTH, 4, L_FR, W_AMBIG | W_ABBR}, {"juil", C_MONTH, 7, L_FR, W_AMBIG | W_ABBR}, {"sept", C_MONTH, 9, L_FR, W_AMBIG | W_ABBR},
    {"oct", C_MONTH, 10, L_BOTH, W_AMBIG | W_ABBR}, {"nov", C_MONTH, 11, L_BOTH, W_AMBIG | W_ABBR}, {"dec", C_MONTH, 12, L_BOTH, W_AMBIG | W_ABBR},
    /* months, English */
    {"january", C_MONTH, 1, L_EN, 0}, {"february", C_MONTH, 2, L_EN, 0}, {"march", C_MONTH, 3, L_EN, W_AMBIG},
    {"april", C_MONTH, 4, L_EN, 0}, {"may", C_MONTH, 5, L_EN, W_AMBIG}, {"june", C_MONTH, 6, L_EN, 0},
    {"july", C_MONTH, 7, L_EN, 0}, {"august", C_MONTH, 8, L_EN, 0}, {"september", C_MONTH, 9, L_EN, 0},
    {"october", C_MONTH, 10, L_EN, 0}, {"november", C_MONTH, 11, L_EN, 0}, {"december", C_MONTH, 12, L_EN, 0},
    {"jan", C_MONTH, 1, L_EN, W_AMBIG | W_ABBR}, {"feb", C_MONTH, 2, L_EN, W_AMBIG | W_ABBR}, {"mar", C_MONTH, 3, L_EN, W_AMBIG | W_ABBR},
    {"apr", C_MONTH, 4, L_EN, W_AMBIG | W_ABBR}, {"jun", C_MONTH, 6, L_EN, W_AMBIG | W_ABBR}, {"jul", C_MONTH, 7, L_EN, W_AMBIG | W_ABBR},
    {"aug", C_MONTH, 8, L_EN, W_AMBIG | W_ABBR}, {"sep", C_MONTH, 9, L_EN, W_AMBIG | W_ABBR}, {"sept", C_MONTH, 9, L_EN, W_AMBIG | W_ABBR},
    /* weekdays */
    {"lundi", C_WDAY, 1, L_FR, 0}, {"mardi", C_WDAY, 2, L_FR, 0}, {"mercredi", C_WDAY, 3, L_FR, 0},
    {"jeudi", C_WDAY, 4, L_FR, 0}, {"vendredi", C_WDAY, 5, L_FR, 0}, {"samedi", C_WDAY, 6, L_FR, 0},
    {"dimanche", C_WDAY, 7, L_FR, 0},
    {"lundis", C_WDAY, 1, L_FR, W_PLURAL}, {"mardis", C_WDAY, 2, L_FR, W_PLURAL},
    {"mercredis", C_WDAY, 3, L_FR, W_PLURAL}, {"jeudis", C_WDAY, 4, L_FR, W_PLURAL},
    {"vendredis", C_WDAY, 5, L_FR, W_PLURAL}, {"samedis", C_WDAY, 6, L_FR, W_PLURAL},
    {"dimanches", C_WDAY, 7, L_FR, W_PLURAL},
    {"monday", C_WDAY, 1, L_EN, 0}, {"tuesday", C_WDAY, 2, L_EN, 0}, {"wednesday", C_WDAY, 3, L_EN, 0},
    {"thursday", C_WDAY, 4, L_EN, 0}, {"friday", C_WDAY, 5, L_EN, 0}, {"saturday", C_WDAY, 6, L_EN, 0},
    {"sunday", C_WDAY, 7, L_EN, 0},
    {"mondays", C_WDAY, 1, L_EN, W_PLURAL}, {"tuesdays", C_WDAY, 2, L_EN, W_PLURAL},
    {"wednesdays", C_WDAY, 3, L_EN, W_PLURAL}, {"thursdays", C_WDAY, 4, L_EN, W_PLURAL},
    {"fridays", C_WDAY, 5, L_EN, W_PLURAL}, {"saturdays", C_WDAY, 6, L_EN, W_PLURAL},
    {"sundays", C_WDAY, 7, L_EN, W_PLURAL},
    /* units */
    {"seconde", C_UNIT, U_SEC, L_FR, 0}, {"secondes", C_UNIT, U_SEC, L_FR, W_PLURAL},
    {"minute", C_UNIT, U_MIN, L_BOTH, 0}, {"minutes", C_UNIT, U_MIN, L_BOTH, W_PLURAL},
    {"heure", C_UNIT, U_HOUR, L_FR, 0}, {"heures", C_UNIT, U_HOUR, L_FR, W_PLURAL},
    {"jour", C_UNIT, U_DAY, L_FR, 0}, {"jours", C_UNIT, U_DAY, L_FR, W_PLURAL},
    {"semaine", C_UNIT, U_WEEK, L_FR, 0}, {"semaines", C_UNIT, U_WEEK, L_FR, W_PLURAL},
    {"week-end", C_UNIT, U_WEEKEND, L_BOTH, 0}, {"week-ends", C_UNIT, U_WEEKEND, L_BOTH, W_PLURAL},
    {"weekend", C_UNIT, U_WEEKEND, L_BOTH, 0}, {"weekends", C_UNIT, U_WEEKEND, L_BOTH, W_PLURAL},
    {"mois", C_UNIT, U_MONTH, L_FR, 0}, {"mois-ci", C_UNIT, U_MONTH, L_FR, 0},
    {"an", C_UNIT, U_YEAR, L_FR, 0}, {"ans", C_UNIT, U_YEAR, L_FR, W_PLURAL},
    {"annee", C_UNIT, U_YEAR, L_FR, 0}, {"annees", C_UNIT, U_YEAR, L_FR, W_PLURAL},
    {"decennie", C_UNIT, U_DECADE, L_FR, 0}, {"decennies", C_UNIT, U_DECADE, L_FR, W_PLURAL},
    {"siecle", C_UNIT, U_CENTURY, L_FR, 0}, {"siecles", C_UNIT, U_CENTURY, L_FR, W_PLURAL},
    {"second", C_UNIT, U_SEC, L_EN, 0}, {"seconds", C_UNIT, U_SEC, L_EN, W_PLURAL},
    {"hour", C_UNIT, U_HOUR, L_EN, 0}, {"hours", C_UNIT, U_HOUR, L_EN, W_PLURAL},
    {"day", C_UNIT, U_DAY, L_EN, 0}, {"days", C_UNIT, U_DAY, L_EN, W_PLURAL},
    {"week", C_UNIT, U_WEEK, L_EN, 0}, {"weeks", C_UNIT, U_WEEK, L_EN, W_PLURAL},
    {"month", C_UNIT, U_MONTH, L_EN, 0}, {"months", C_UNIT, U_MONTH, L_EN, W_PLURAL},
    {"year", C_UNIT, U_YEAR, L_EN, 0}, {"years", C_UNIT, U_YEAR, L_EN, W_PLURAL},
    {"decade", C_UNIT, U_DECADE, L_EN, 0}, {"decades", C_UNIT, U_DECADE, L_EN, W_PLURAL},
    {"century", C_UNIT, U_CENTURY, L_EN, 0}, {"centuries", C_UNIT, U_CENTURY, L_EN, W_PLURAL},
    /* parts of day */
    {"matin", C_POD, TV_POD_MO, L_FR, 0}, {"matinee", C_POD, TV_POD_MO, L_FR, 0},
    {"apres-midi", C_POD, TV_POD_AF, L_FR, 0}, {"soir", C_POD, TV_POD_EV, L_FR, 0},
    {"soiree", C_POD, TV_POD_EV, L_FR, 0}, {"nuit", C_POD, TV_POD_NI, L_FR, 0},
    {"journee", C_POD, TV_POD_DT, L_FR, 0},
    {"matins", C_POD, TV_POD_MO, L_FR, W_PLURAL}, {"soirs", C_POD, TV_POD_EV, L_FR, W_PLURAL},
    {"nuits", C_POD, TV_POD_NI, L_FR, W_PLURAL},
    {"morning", C_POD, TV_POD_MO, L_EN, 0}, {"afternoon", C_POD, TV_POD_AF, L_EN, 0},
    {"evening", C_POD, TV_POD_EV, L_EN, 0}, {"night", C_POD, TV_POD_NI, L_EN, 0},
    {"mornings", C_POD, TV_POD_MO, L_EN, W_PLURAL}, {"evenings", C_POD, TV_POD_EV, L_EN, W_PLURAL},
    {"nights", C_POD, TV_POD_NI, L_EN, W_PLURAL},
    /* seasons */
    {"printemps", C_SEASON, 1, L_FR, 0}, {"ete", C_SEASON, 2, L_FR, W_AMBIG}, {"automne", C_SEASON, 3, L_FR, 0},
    {"hiver", C_SEASON, 4, L_FR, 0}, {"spring", C_SEASON, 1, L_EN, W_AMBIG}, {"summer", C_SEASON, 2, L_EN, 0},
    {"autumn", C_SEASON, 3, L_EN, 0}, {"fall", C_SEASON, 3, L_EN, W_AMBIG}, {"winter", C_SEASON, 4, L_EN, 0},
    /* small numbers (the numbers stage knows them too; these are the ones
       that must work inside time phrases even where it declines, "un mois") */
    {"un", C_NUM, 1, L_FR, 0}, {"une", C_NUM, 1, L_FR, 0}, {"a", C_NUM, 1, L_EN, 0}, {"an", C_NUM, 1, L_EN, 0},
    {"one", C_NUM, 1, L_EN, 0}, {"deux", C_NUM, 2, L_FR, 0}, {"two", C_NUM, 2, L_EN, 0},
    {"trois", C_NUM, 3, L_FR, 0}, {"three", C_NUM, 3, L_EN, 0}, {"quatre", C_NUM, 4, L_FR, 0},
    {"four", C_NUM, 4, L_EN, 0}, {"cinq", C_NUM, 5, L_FR, 0}, {"five", C_NUM, 5, L_EN, 0},
    {"six", C_NUM, 6, L_BOTH, 0}, {"sept", C_NUM, 7, L_FR, 0}, {"seven", C_NUM, 7, L_EN, 0},
    {"huit", C_NUM, 8, L_FR, 0}, {"eight", C_NUM, 8, L_EN, 0}, {"neuf", C_NUM, 9, L_FR, 0},
    {"nine", C_NUM, 9, L_EN, 0}, {"dix", C_NUM, 10, L_FR, 0}, {"ten", C_NUM, 10, L_EN, 0},
    {"onze", C_NUM, 11, L_FR, 0}, {"eleven", C_NUM, 11, L_EN, 0}, {"douze", C_NUM, 12, L_FR, 0},
    {"twelve", C_NUM, 12, L_EN, 0}, {"quinze", C_NUM, 15, L_FR, 0}, {"fifteen", C_NUM, 15, L_EN, 0},
    {"vingt", C_NUM, 20, L_FR, 0}, {"twenty", C_NUM, 20, L_EN, 0}, {"trente", C_NUM, 30, L_FR, 0},
    {"thirty", C_NUM, 30, L_EN, 0},
    /* keywords */
    {"hier", C_KEY, K_HIER, L_FR, 0}, {"avant-hier", C_KEY, K_AVANTHIER, L_FR, 0},
    {"demain", C_KEY, K_DEMAIN, L_FR, 0}, {"apres-demain", C_KEY, K_APRESDEMAIN, L_FR, 0},
    {"aujourd'hui", C_KEY, K_TODAY, L_FR, 0}, {"yesterday", C_KEY, K_HIER, L_EN, 0},
    {"tomorrow", C_KEY, K_DEMAIN, L_EN, 0}, {"today", C_KEY, K_TODAY, L_EN, 0},
    {"tonight", C_KEY, K_TONIGHT, L_EN, 0}, {"overnight", C_KEY, K_OVERNIGHT, L_EN, 0},
    {"ce", C_KEY, K_CE, L_FR, 0}, {"cet", C_KEY, K_CE, L_FR, 0}, {"cette", C_KEY, K_CE, L_FR, 0},
    {"this", C_KEY, K_CE, L_EN, 0},
    {"le", C_KEY, K_DET, L_FR, 0}, {"la", C_KEY, K_DET, L_FR, 0}, {"l'", C_KEY, K_DET, L_FR, 0},
    {"les", C_KEY, K_DET, L_FR, 0}, {"ces", C_KEY, K_DET, L_FR, 0}, {"the", C_KEY, K_THE, L_EN, 0},
    {"dernier", C_KEY, K_LAST, L_FR, 0}, {"derniere", C_KEY, K_LAST, L_FR, 0},
    {"derniers", C_KEY, K_LAST, L_FR, W_PLURAL}, {"dernieres", C_KEY, K_LAST, L_FR, W_PLURAL},
    {"passe", C_KEY, K_LAST, L_FR, 0}, {"passee", C_KEY, K_LAST, L_FR, 0},
    {"last", C_KEY, K_LAST, L_EN, 0}, {"past", C_KEY, K_LAST, L_EN, 0},
    {"prochain", C_KEY, K_NEXT, L_FR, 0}, {"prochaine", C_KEY, K_NEXT, L_FR, 0},
    {"prochains", C_KEY, K_NEXT, L_FR, W_PLURAL}, {"prochaines", C_KEY, K_NEXT, L_FR, W_PLURAL},
    {"next", C_KEY, K_NEXT, L_EN, 0}, {"coming", C_KEY, K_NEXT, L_EN, 0},
    {"il", C_KEY, K_IL, L_FR, 0}, {"ago", C_KEY, K_AGO, L_EN, 0},
    {"dans", C_KEY, K_DANS, L_FR, 0}, {"in", C_KEY, K_IN, L_EN, 0},
    {"depuis", C_KEY, K_SINCE, L_FR, 0}, {"since", C_KEY, K_SINCE, L_EN, 0},
    {"chaque", C_KEY, K_EVERY, L_FR, 0}, {"every", C_KEY, K_EVERY, L_EN, 0}, {"each", C_KEY, K_EVERY, L_EN, 0},
    {"tous", C_KEY, K_TOUS, L_FR, 0}, {"toutes", C_KEY, K_TOUS, L_FR, 0},
    {"debut", C_KEY, K_START, L_FR, 0}, {"beginning", C_KEY, K_START, L_EN, 0}, {"start", C_KEY, K_START, L_EN, 0},
    {"fin", C_KEY, K_END, L_FR, 0}, {"end", C_KEY, K_END, L_EN, 0},
    {"milieu", C_KEY, K_MIDDLE, L_FR, 0}, {"middle", C_KEY, K_MIDDLE, L_EN, 0},
    {"mi", C_KEY, K_MI, L_FR, 0}, {"mid", C_KEY, K_MI, L_EN, 0},
    {"early", C_KEY, K_EARLY, L_EN, 0}, {"late", C_KEY, K_LATE, L_EN, 0},
    {"maintenant", C_KEY, K_NOW, L_FR, 0}, {"actuellement", C_KEY, K_NOW, L_FR, 0},
    {"now", C_KEY, K_NOW, L_EN, 0}, {"currently", C_KEY, K_NOW, L_EN, 0}, {"nowadays", C_KEY, K_NOW, L_EN, 0},
    {"autrefois", C_KEY, K_PAST, L_FR, 0}, {"jadis", C_KEY, K_PAST, L_FR, 0}, {"naguere", C_KEY, K_PAST, L_FR, 0},
    {"recemment", C_KEY, K_PAST, L_FR, 0}, {"recently", C_KEY, K_PAST, L_EN, 0},
    {"formerly", C_KEY, K_PAST, L_EN, 0}, {"prochainement", C_KEY, K_FUTURE, L_FR, 0},
    {"midi", C_KEY, K_MIDI, L_FR, 0}, {"noon", C_KEY, K_MIDI, L_EN, 0},
    {"minuit", C_KEY, K_MINUIT, L_FR, 0}, {"midnight", C_KEY, K_MINUIT, L_EN, 0},
    {"h", C_KEY, K_HEURE, L_FR, 0},
    {"demi", C_KEY, K_DEMI, L_FR, 0}, {"demie", C_KEY, K_DEMI, L_FR, 0}, {"half", C_KEY, K_HALF, L_EN, 0},
    {"quelques", C_KEY, K_VAGUE, L_FR, 0}, {"plusieurs", C_KEY, K_VAGUE, L_FR, 0},
    {"several", C_KEY, K_VAGUE, L_EN, 0}, {"few", C_KEY, K_VAGUE, L_EN, 0},
    {"de", C_KEY, K_OF, L_FR, 0}, {"d'", C_KEY, K_OF, L_FR, 0}, {"du", C_KEY, K_DU, L_FR, 0},
    {"of", C_KEY, K_OF, L_EN, 0}, {"au", C_KEY, K_AU, L_FR, 0},
    {"at", C_KEY, K_AT, L_EN, 0}, {"vers", C_KEY, K_AT, L_FR, 0},
    {"during", C_KEY, K_DURING, L_EN, 0}, {"present", C_KEY, K_PRESENT, L_BOTH, 0},
    {"avenir", C_KEY, K_AVENIR, L_FR, 0}, {"future", C_KEY, K_AVENIR, L_EN, 0},
    {"moment", C_KEY, K_MOMENT, L_FR, 0}, {"et", C_KEY, K_AND, L_FR, 0}, {"and", C_KEY, K_AND, L_EN, 0},
    {"to", C_KEY, K_TO, L_EN, 0}, {"ci", C_KEY, K_CI, L_FR, 0}, {"on", C_KEY, K_ON, L_EN, 0},
    /* anchored on another date of the text (or the DCT): la veille, the next day, trois jours plus tard */
    {"veille", C_KEY, K_VEILLE, L_FR, 0}, {"avant-veille", C_KEY, K_AVVEILLE, L_FR, 0},
    {"lendemain", C_KEY, K_LENDEMAIN, L_FR, 0}, {"surlendemain", C_KEY, K_SURLENDEMAIN, L_FR, 0},
    {"precedent", C_KEY, K_PREV, L_FR, 0}, {"precedente", C_KEY, K_PREV, L_FR, 0},
    {"previous", C_KEY, K_PREV, L_EN, 0}, {"prior", C_KEY, K_PREV, L_EN, 0},
    {"suivant", C_KEY, K_FOLLOW, L_FR, 0}, {"suivante", C_KEY, K_FOLLOW, L_FR, 0},
    {"following", C_KEY, K_FOLLOW, L_EN, 0},
    {"tard", C_KEY, K_TARD, L_FR, 0}, {"later", C_KEY, K_LATER, L_EN, 0},
    {"tot", C_KEY, K_TOT, L_FR, 0}, {"auparavant", C_KEY, K_EARLIER, L_FR, 0},
    {"earlier", C_KEY, K_EARLIER, L_EN, 0},
    {"avant", C_KEY, K_BEFORE, L_FR, 0}, {"before", C_KEY, K_BEFORE, L_EN, 0},
    {"apres", C_KEY, K_AFTER, L_FR, 0}, {"after", C_KEY, K_AFTER, L_EN, 0},
    {"meme", C_KEY, K_SAME, L_FR, 0}, {"same", C_KEY, K_SAME, L_EN, 0}, {"that", C_KEY, K_THAT, L_EN, 0},
    /* parts of day that are points: dawn, dusk (TimeML: TMO / TEV) */
    {"aube", C_KEY, K_DAWN, L_FR, 0}, {"dawn", C_KEY, K_DAWN, L_EN, 0}, {"daybreak", C_KEY, K_DAWN, L_EN, 0},
    {"crepuscule", C_KEY, K_DUSK, L_FR, 0}, {"dusk", C_KEY, K_DUSK, L_EN, 0}, {"tombee", C_KEY, K_DUSK, L_FR, 0},
    /* quarters and halves, holidays: only gate m_part / m_holiday (never start a phrase) */
    {"trimestre", C_KEY, K_PARTW, L_FR, 0}, {"semestre", C_KEY, K_PARTW, L_FR, 0},
    {"quarter", C_KEY, K_PARTW, L_EN, 0},
    {"noel", C_KEY, K_HOLI, L_FR, 0}, {"nouvel", C_KEY, K_HOLI, L_FR, 0}, {"toussaint", C_KEY, K_HOLI, L_FR, 0},
    {"saint-sylvestre", C_KEY, K_HOLI, L_FR, 0}, {"christmas", C_KEY, K_HOLI, L_EN, 0},
    {"halloween", C_KEY, K_HOLI, L_EN, 0}, {"bastille", C_KEY, K_HOLI, L_EN, 0},
};

#define WT_SIZE 1024
static uint16_t wt_slot[WT_SIZE]; /* index+1 into words[], 0 = empty */
static uint32_t wt_hash[WT_SIZE]; /* the word's hash, compared first */
static uint8_t wt_len[WT_SIZE];
static pthread_once_t wt_once = PTHREAD_ONCE_INIT;

static void wt_build(void)
{
    for (size_t i = 0; i < TV_ARRAY_LEN(words); i++) {
        uint32_t h = tv_hash_bytes(words[i].w, strlen(words[i].w));
        size_t k = h & (WT_SIZE - 1);
        while (wt_slot[k])
            k = (k + 1) & (WT_SIZE - 1);
        wt_slot[k] = (uint16_t)(i + 1);
        wt_hash[k] = h;
        wt_len[k] = (uint8_t)strlen(words[i].w);
    }
}

/* Every table entry for the folded form s (a word can be a month in one
   language and a number in the other: "sept"). Returns the entry for lang
   (1 fr, 2 en) first, else one valid in both, else NULL. */
static const tword *wt_find(const char *s, size_t n, uint32_t h, int lang)
{
    const tword *other = NULL;
    size_t k = h & (WT_SIZE - 1);
    while (wt_slot[k]) {
        const tword *w = &words[wt_slot[k] - 1];
        if (wt_hash[k] == h && wt_len[k] == n && memcmp(w->w, s, n) == 0) {
            if (w->lang == L_BOTH || w->lang == lang)
                return w;
            other = w;
        }
        k = (k + 1) & (WT_SIZE - 1);
    }
    (void)other;
    return NULL;
}

/* ---- scanning state -------------------------------------------------------*/
typedef struct scan {
    const tv_text *x;
    const tv_token *tok;
    uint32_t ntok;
    const tword **wl; /* per token: table entry or NULL */
    const tv_number *nums;
    size_t nnums;
    const tv_time_options *opt;
    int lang; /* L_FR / L_EN */
    const char *zone;
    int64_t dct;
    tv_arena *a;
} scan;

/* What one match says, before anchoring to the DCT. */
typedef struct pexp {
    uint32_t first, end;
    uint8_t type;
    tv_tcal cal;
    int8_t rel_unit; /* offset from the DCT in this unit (rel) */
    bool rel;
    int32_t rel_n;
    int8_t wday_dir; /* weekday: -1 last, +1 next, 0 by tense */
    bool need_year;  /* month/day/season without year */
    bool night_auto; /* which night depends on DCT and tense */
    bool pod_auto;   /* part of day of the DCT day (or the day before) */
    bool clock_today; /* clock time without a date */
    int ref;         /* 1 PRESENT_REF, 2 PAST_REF, 3 FUTURE_REF */
    const char *zone; /* named zone */
    bool zone_named;
    bool invalid;
    bool since;
    bool paired;
    bool anch;       /* rel is counted from the last date of the text, else from the DCT */
    bool in_count;   /* "in two years": a duration (value, prec) when the clause is past */
    uint32_t dur_end; /* "nine hours later" without a clock time to count from: the duration ends here */
    int8_t day_shift; /* days added once the date is known ("la veille du 9 novembre") */
    uint32_t disagree_end; /* a second rendering that disagrees ends before this token */
    int prec;        /* durations and sets */
    char value[40];  /* durations and sets */
    char mod[16];
} pexp;

static void pexp_init(pexp *p, uint32_t first)
{
    memset(p, 0, sizeof *p);
    p->first = first;
    p->end = first;
    tv_tcal_init(&p->cal);
}

static inline const tv_token *T(const scan *s, uint32_t i) { return i < s->ntok ? &s->tok[i] : NULL; }
static inline const tword *W(const scan *s, uint32_t i) { return i < s->ntok ? s->wl[i] : NULL; }
static inline bool is_cls(const scan *s, uint32_t i, int cls) { const tword *w = W(s, i); return w && w->cls == cls; }
static inline bool is_key(const scan *s, uint32_t i, int k)
{
    const tword *w = W(s, i);
    return w && w->cls == C_KEY && w->val == k;
}
/* Token i's folded form is the literal w (length known at compile time). */
static inline bool tis_n(const scan *s, uint32_t i, const char *w, size_t n)
{
    return i < s->ntok && s->tok[i].nend - s->tok[i].nstart == n && memcmp(s->x->norm + s->tok[i].nstart, w, n) == 0;
}
#define tis(s, i, w) tis_n((s), (i), "" w, sizeof(w) - 1)
static inline bool tpunct(const scan *s, uint32_t i, char c)
{
    const tv_token *t = T(s, i);
    return t && tv_tok_nlen(t) == 1 && s->x->norm[t->nstart] == c;
}

/* A token made only of digits: its value (≤ 9 digits) and digit count. */
static bool digits_at(const scan *s, uint32_t i, int *v, int *nd)
{
    const tv_token *t = T(s, i);
    if (!t || t->kind != TV_TOK_NUMBER)
        return false;
    size_t n = tv_tok_nlen(t);
    if (n == 0 || n > 9)
        return false;
    const char *p = tv_tok_norm(s->x, t);
    int val = 0;
    for (size_t k = 0; k < n; k++) {
        if (p[k] < '0' || p[k] > '9')
            return false;
        val = val * 10 + (p[k] - '0');
    }
    *v = val;
    *nd = (int)n;
    return true;
}

/* Token index whose folded text ends exactly at norm offset e, searching
   from token i; UINT32_MAX when e falls inside a token. */
static uint32_t tok_ending_at(const scan *s, uint32_t i, size_t e)
{
    for (; i < s->ntok; i++) {
        if (s->tok[i].nend == e)
            return i;
        if (s->tok[i].nend > e)
            break;
    }
    return UINT32_MAX;
}

/* First number phrase whose tokens end after token i (numbers are ordered
   and never overlap): binary search. */
static size_t num_from(const scan *s, uint32_t i)
{
    size_t lo = 0, hi = s->nnums;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->nums[mid].tok_end <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- small recognisers ---------------------------------------------------*/
static bool day_at(const scan *s, uint32_t i, int *d)
{
    int v, nd;
    if (digits_at(s, i, &v, &nd)) {
        if (nd <= 2 && v >= 1 && v <= 31) {
            *d = v;
            return true;
        }
        return false;
    }
    const tv_token *t = T(s, i);
    if (!t || t->kind != TV_TOK_ALNUM)
        return false;
    const char *p = tv_tok_norm(s->x, t);
    size_t n = tv_tok_nlen(t);
    size_t k = 0;
    v = 0;
    while (k < n && k < 2 && p[k] >= '0' && p[k] <= '9')
        v = v * 10 + (p[k++] - '0');
    if (k == 0 || v < 1 || v > 31)
        return false;
    const char *suf = p + k;
    size_t sn = n - k;
    static const char *sufs[] = {"er", "re", "st", "nd", "rd", "th", "e"};
    for (size_t j = 0; j < TV_ARRAY_LEN(sufs); j++)
        if (strlen(sufs[j]) == sn && memcmp(suf, sufs[j], sn) == 0) {
            if (!strcmp(sufs[j], "e") && v == 1)
                return false;
            *d = v;
            return true;
        }
    return false;
}

static bool year_tok(const scan *s, uint32_t i, int *y)
{
    int v, nd;
    if (digits_at(s, i, &v, &nd) && nd == 4 && v >= 1000 && v <= 2199) {
        *y = v;
        return true;
    }
    return false;
}

/* A month name at i (abbreviations take a following "."). ambig_ok: accept
   the words that need a date context. Sets *end. */
static bool month_at(const scan *s, uint32_t i, bool ambig_ok, int *mo, uint32_t *end)
{
    const tword *w = W(s, i);
    if (!w || w->cls != C_MONTH)
        return false;
    if ((w->flags & W_AMBIG) && !ambig_ok)
        return false;
    if (s->lang == L_EN && !(s->tok[i].flags & TV_TF_CAP) && w->val != 0 && (w->flags & W_AMBIG))
        return false;
    *mo = w->val;
    *end = i + 1;
    if ((w->flags & W_ABBR) && tpunct(s, i + 1, '.') && !(s->tok[i + 1].flags & TV_TF_SPACE))
        *end = i + 2;
    return true;
}

/* A quantity at i: digits, a number phrase from the numbers stage, a number
   word, or a vague quantifier (quelques, plusieurs, several, a few). */
static bool qty_at(const scan *s, uint32_t i, double *v, bool *vague, uint32_t *end, const char **bound)
{
    *vague = false;
    *bound = NULL;
    const tv_token *t = T(s, i);
    if (!t)
        return false;
    for (size_t k = num_from(s, i); k < s->nnums; k++) {
        const tv_number *n = &s->nums[k];
        if (n->tok_first > i)
            break;
        if (n->tok_first == i && n->tok_end > i && !(n->flags & (TV_NUM_PERCENT | TV_NUM_ORDINAL))) {
            if (n->flags & TV_NUM_VAGUE) {
                *vague = true;
            } else if (isnan(n->value) || n->value <= 0 || n->value > 1e6) {
                continue;
            }
            *v = n->value;
            *end = n->tok_end;
            *bound = n->bound;
            /* a range "2 à 3 jours" stays one quantity: the central value */
            return true;
        }
    }
    if (is_key(s, i, K_VAGUE)) {
        *vague = true;
        *end = i + 1;
        return true;
    }
    if (s->lang == L_EN && tis(s, i, "a") && is_key(s, i + 1, K_VAGUE)) {
        *vague = true;
        *end = i + 2;
        return true;
    }
    if (t->kind == TV_TOK_NUMBER) {
        const char *p = tv_tok_norm(s->x, t);
        size_t n = tv_tok_nlen(t);
        if (n > 12)
            return false;
        char buf[16];
        size_t m = 0;
        for (size_t k = 0; k < n; k++) {
            char c = p[k];
            if (c >= '0' && c <= '9')
                buf[m++] = c;
            else if ((c == ',' || c == '.') && k + 1 < n && k > 0)
                buf[m++] = '.';
            else
                return false;
        }
        buf[m] = '\0';
        char *e;
        double d = strtod(buf, &e);
        if (*e || d <= 0)
            return false;
        *v = d;
        *end = i + 1;
        return true;
    }
    const tword *w = W(s, i);
    if (w && w->cls == C_NUM) {
        *v = w->val;
        *end = i + 1;
        return true;
    }
    double d;
    if (t->kind == TV_TOK_WORD &&
        tv_number_word_value(tv_tok_norm(s->x, t), tv_tok_nlen(t), s->lang == L_EN ? "en" : "fr", &d) && d > 0 &&
        d < 1e6) {
        *v = d;
        *end = i + 1;
        return true;
    }
    return false;
}

static const char *bound_mod(const char *b)
{
    if (!b)
        return "";
    static const struct {
        const char *b, *mod;
    } m[] = {{"au moins", "EQUAL_OR_MORE"}, {"at least", "EQUAL_OR_MORE"}, {"plus de", "MORE_THAN"},
             {"plus d'", "MORE_THAN"},     {"more than", "MORE_THAN"},    {"over", "MORE_THAN"},
             {"moins de", "LESS_THAN"},    {"moins d'", "LESS_THAN"},     {"less than", "LESS_THAN"},
             {"au plus", "EQUAL_OR_LESS"}, {"at most", "EQUAL_OR_LESS"},  {"jusqu'a", "EQUAL_OR_LESS"},
             {"up to", "EQUAL_OR_LESS"}};
    for (size_t k = 0; k < TV_ARRAY_LEN(m); k++)
        if (!strcmp(b, m[k].b))
            return m[k].mod;
    return "APPROX";
}

/* ---- clock times ---------------------------------------------------------*/
typedef struct tclock {
    int h, mi;
    uint32_t end;
    bool invalid;
    bool strong; /* unambiguously a time: 09H00, 9:30, 9 a.m., midi */
} tclock;

/* Reads "am"/"a.m."/"pm"/"p.m." from norm offset p; returns bytes read. */
static size_t ampm(const char *p, size_t n, int *pm)
{
    if (n >= 4 && (p[0] == 'a' || p[0] == 'p') && p[1] == '.' && p[2] == 'm' && p[3] == '.') {
        *pm = p[0] == 'p';
        return 4;
    }
    if (n >= 3 && (p[0] == 'a' || p[0] == 'p') && p[1] == '.' && p[2] == 'm') {
        *pm = p[0] == 'p';
        return 3;
    }
    if (n >= 2 && (p[0] == 'a' || p[0] == 'p') && p[1] == 'm' && (n == 2 || !((p[2] >= 'a' && p[2] <= 'z')))) {
        *pm = p[0] == 'p';
        return 2;
    }
    return 0;
}

static bool clock_at(const scan *s, uint32_t i, tclock *c)
{
    memset(c, 0, sizeof *c);
    const tv_token *t = T(s, i);
    if (!t)
        return false;
    if (is_key(s, i, K_MIDI) || is_key(s, i, K_MINUIT)) {
        c->h = is_key(s, i, K_MIDI) ? 12 : 0;
        c->mi = 0;
        c->end = i + 1;
        c->strong = true;
        /* midi et demi, midi trente */
        if (is_key(s, i + 1, K_AND) && is_key(s, i + 2, K_DEMI)) {
            c->mi = 30;
            c->end = i + 3;
        }
        return true;
    }
    if (t->kind != TV_TOK_NUMBER && t->kind != TV_TOK_ALNUM)
        return false;
    const char *norm = s->x->norm;
    size_t p = t->nstart, lim = s->x->norm_len;
    int h = 0, nd = 0;
    while (p < lim && nd < 3 && norm[p] >= '0' && norm[p] <= '9') {
        h = h * 10 + (norm[p] - '0');
        p++;
        nd++;
    }
    if (nd == 0 || nd > 2) {
        /* military "0600 GMT": four digits, only with a zone after (checked by caller) */
        if (t->kind != TV_TOK_NUMBER || tv_tok_nlen(t) != 4)
            return false;
        int v, n4;
        if (!digits_at(s, i, &v, &n4))
            return false;
        c->h = v / 100;
        c->mi = v % 100;
        c->end = i + 1;
        c->invalid = c->h > 23 || c->mi > 59;
        return true;
    }
    int mi = -1;
    bool strong = false;
    size_t q = p;
    if (q < lim && norm[q] == 'h') { /* 9h, 9h30, 06H00 */
        q++;
        int m = 0, md = 0;
        while (q < lim && md < 3 && norm[q] >= '0' && norm[q] <= '9') {
            m = m * 10 + (norm[q] - '0');
            q++;
            md++;
        }
        if (md != 0 && md != 2)
            return false;
        mi = md ? m : 0;
        strong = true;
        if (q < lim && ((norm[q] >= 'a' && norm[q] <= 'z') || (norm[q] >= '0' && norm[q] <= '9')))
            return false; /* "9hxx" */
    } else if (q + 2 < lim && norm[q] == ':' && norm[q + 1] >= '0' && norm[q + 1] <= '9' && norm[q + 2] >= '0' &&
               norm[q + 2] <= '9' && !(q + 3 < lim && norm[q + 3] >= '0' && norm[q + 3] <= '9')) {
        mi = (norm[q + 1] - '0') * 10 + (norm[q + 2] - '0');
        q += 3;
        strong = true;
    } else if (t->kind == TV_TOK_ALNUM) {
        int pm;
        size_t k = ampm(norm + q, lim - q, &pm);
        if (!k || q + k != t->nend)
            return false;
    }
    /* a.m. / p.m. */
    size_t r = q;
    while (r < lim && norm[r] == ' ')
        r++;
    int pm = -1;
    size_t k = s->lang == L_EN || true ? ampm(norm + r, lim - r, &pm) : 0;
    uint32_t e;
    if (k && (e = tok_ending_at(s, i, r + k)) != UINT32_MAX) {
        if (h < 1 || h > 12)
            c->invalid = true;
        if (pm == 1 && h < 12)
            h += 12;
        if (pm == 0 && h == 12)
            h = 0;
        if (mi < 0)
            mi = 0;
        c->end = e + 1;
        strong = true;
    } else {
        if (!strong && t->kind == TV_TOK_ALNUM)
            return false;
        e = tok_ending_at(s, i, q);
        if (e == UINT32_MAX)
            return false;
        c->end = e + 1;
        /* "9 h 30", "9 heures", "9 heures 30" */
        if (!strong) {
            uint32_t j = c->end;
            if (is_key(s, j, K_HEURE) || (s->lang == L_FR && (tis(s, j, "heure") || tis(s, j, "heures")))) {
                strong = is_key(s, j, K_HEURE); /* "9 h 30" */
                j++;
                int m2, nd2;
                mi = 0;
                if (digits_at(s, j, &m2, &nd2) && nd2 == 2) {
                    mi = m2;
                    j++;
                } else if (is_key(s, j, K_AND) && is_key(s, j + 1, K_DEMI)) {
                    mi = 30;
                    j += 2;
                }
                c->end = j;
            } else if (s->lang == L_EN && tis(s, j, "o'tclock")) {
                mi = 0;
                c->end = j + 1;
                strong = true;
            } else {
                return false;
            }
        }
    }
    c->h = h;
    c->mi = mi < 0 ? 0 : mi;
    c->strong = strong;
    if (c->h > 23 || c->mi > 59)
        c->invalid = true;
    return true;
}

/* A zone after a tclock time: ", heure de Moscou", "heure locale", "GMT",
   "(heure de Paris)", "Moscow time", "local time", "UTC+3". Sets *zone
   (NULL with *local for "heure locale") and returns the end token, or i. */
static uint32_t zone_at(const scan *s, uint32_t i, const char **zone, bool *local)
{
    *zone = NULL;
    *local = false;
    uint32_t j = i;
    bool paren = false;
    if (tpunct(s, j, ','))
        j++;
    if (T(s, j) && T(s, j)->kind == TV_TOK_OPEN && tpunct(s, j, '(')) {
        paren = true;
        j++;
    }
    uint32_t e = j;
    const tv_token *t = T(s, j);
    if (!t)
        return i;
    if (tis(s, j, "heure") || tis(s, j, "heures")) {
        uint32_t k = j + 1;
        if (tis(s, k, "de") || tis(s, k, "d'"))
            k++;
        const tv_token *u = T(s, k);
        if (!u)
            return i;
        if (tis(s, k, "locale") || tis(s, k, "locales")) {
            *local = true;
            e = k + 1;
        } else if (tis(s, k, "gmt") || tis(s, k, "utc")) {
            *zone = "UTC";
            e = k + 1;
        } else {
            const char *z = tv_zone_lookup_name(tv_tok_norm(s->x, u), tv_tok_nlen(u), false);
            if (!z && tis(s, k, "new") && tis(s, k + 1, "york"))
                z = "America/New_York", k++;
            if (!z)
                return i;
            *zone = z;
            e = k + 1;
        }
    } else if (s->lang == L_EN && (tis(s, j + 1, "time"))) {
        if (tis(s, j, "local"))
            *local = true;
        else {
            const char *z = tv_zone_lookup_name(tv_tok_norm(s->x, t), tv_tok_nlen(t), false);
            if (!z)
                return i;
            *zone = z;
        }
        e = j + 2;
    } else {
        const char *z = tv_zone_lookup_name(tv_tok_norm(s->x, t), tv_tok_nlen(t), true);
        /* abbreviations are written in capitals: "GMT", not the verb "est" */
        if (!z || tv_tok_nlen(t) < 2 || !(t->flags & TV_TF_UPPER))
            return i;
        *zone = z;
        e = j + 1;
        /* GMT+3, UTC-5 */
        const tv_token *sg = T(s, e);
        int off, nd;
        if (sg && (tpunct(s, e, '+') || tpunct(s, e, '-')) && !(sg->flags & TV_TF_SPACE) && digits_at(s, e + 1, &off, &nd) &&
            nd <= 2 && off <= 14 && !strcmp(z, "UTC")) {
            static const char *plus[] = {"UTC", "Etc/GMT-1", "Etc/GMT-2", "Etc/GMT-3", "Etc/GMT-4", "Etc/GMT-5",
                                         "Etc/GMT-6", "Etc/GMT-7", "Etc/GMT-8", "Etc/GMT-9", "Etc/GMT-10",
                                         "Etc/GMT-11", "Etc/GMT-12", "Etc/GMT-13", "Etc/GMT-14"};
            static const char *minus[] = {"UTC", "Etc/GMT+1", "Etc/GMT+2", "Etc/GMT+3", "Etc/GMT+4", "Etc/GMT+5",
                                          "Etc/GMT+6", "Etc/GMT+7", "Etc/GMT+8", "Etc/GMT+9", "Etc/GMT+10",
                                          "Etc/GMT+11", "Etc/GMT+12", "Etc/GMT+12", "Etc/GMT+12"};
            *zone = tpunct(s, e, '+') ? plus[off] : minus[off];
            e += 2;
        }
    }
    if (paren) {
        if (!(T(s, e) && T(s, e)->kind == TV_TOK_CLOSE))
            return i;
        e++;
    }
    return e;
}

/* ---- tense of the clause around an expression -----------------------------
 * -1 past, +1 future, 0 unknown: the nearest tense marker wins. */
static bool ends_with(const char *p, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(p + n - k, suf, k) == 0;
}

static int marker(const scan *s, uint32_t i)
{
    const tv_token *t = &s->tok[i];
    if (t->kind != TV_TOK_WORD)
        return 0;
    const char *p = tv_tok_norm(s->x, t);
    size_t n = tv_tok_nlen(t);
    if (s->lang == L_EN) {
        if (tis(s, i, "will") || tis(s, i, "shall") || tis(s, i, "'ll") || tis(s, i, "won't"))
            return 1;
        if (tis(s, i, "going") && tis(s, i + 1, "to"))
            return 1;
        /* "is due to", "is expected to", "is scheduled to/for", "plans to", "would" (reported future) */
        if ((tis(s, i, "due") || tis(s, i, "expected") || tis(s, i, "scheduled") || tis(s, i, "set") ||
             tis(s, i, "slated")) &&
            i > 0 && (tis(s, i - 1, "is") || tis(s, i - 1, "are")))
            return 1;
        if (tis(s, i, "would") || tis(s, i, "plans") || tis(s, i, "plan") || tis(s, i, "intends"))
            return 1;
        if (tis(s, i, "was") || tis(s, i, "were") || tis(s, i, "had") || tis(s, i, "did") || tis(s, i, "said") ||
            tis(s, i, "told"))
            return -1;
        /* present perfect: "have risen", "has been", "has already fallen" */
        if ((tis(s, i, "has") || tis(s, i, "have") || tis(s, i, "'ve")) && i + 1 < s->ntok) {
            uint32_t k = i + 1;
            if (tis(s, k, "already") || tis(s, k, "also") || tis(s, k, "not") || tis(s, k, "never"))
                k++;
            const tv_token *u = T(s, k);
            if (u && u->kind == TV_TOK_WORD && tv_tok_nlen(u) > 3) {
                const char *q = tv_tok_norm(s->x, u);
                size_t m = tv_tok_nlen(u);
                if (ends_with(q, m, "ed") || ends_with(q, m, "en") || ends_with(q, m, "wn") || ends_with(q, m, "un"))
                    return -1;
            }
        }
        /* irregular simple pasts, common in news */
        static const char *const irr[] = {
            "began", "ran", "met", "fell", "rose", "came", "took", "struck", "broke", "won", "lost", "went",
            "held", "left", "found", "made", "saw", "gave", "sent", "spoke", "wrote", "fought", "led", "drew",
            "brought", "built", "caught", "chose", "flew", "fled", "got", "grew", "knew", "paid", "rode",
            "sat", "shot", "shook", "sold", "sought", "stood", "stole", "swore", "taught", "thought", "threw",
            "woke", "withdrew", "became", "overthrew", "froze", "bought", "felt", "kept", "heard", "hid",
            "arose", "dealt", "spent", "sank", "meant", "beat", "forgot", "overtook", "undertook", "died"};
        for (size_t k = 0; k < TV_ARRAY_LEN(irr); k++)
            if (n == strlen(irr[k]) && !memcmp(p, irr[k], n)) {
                /* "will be made", "is held": a participle after be */
                if (i > 0 && (tis(s, i - 1, "be") || tis(s, i - 1, "been") || tis(s, i - 1, "being") ||
                              tis(s, i - 1, "is") || tis(s, i - 1, "are") || tis(s, i - 1, "am")))
                    return 0;
                return -1;
            }
        if (n >= 5 && ends_with(p, n, "ed")) {
            /* "is planned", "are expected": a present passive */
            if (i > 0 && (tis(s, i - 1, "is") || tis(s, i - 1, "are") || tis(s, i - 1, "be") || tis(s, i - 1, "am")))
                return 0;
            return -1;
        }
        return 0;
    }
    if (tis(s, i, "avait") || tis(s, i, "avaient") || tis(s, i, "etait") || tis(s, i, "etaient") ||
        tis(s, i, "fut") || tis(s, i, "furent"))
        return -1;
    /* "est"/"sont" + participle is as often a present passive ("est prévue"),
       but not after a reflexive pronoun ("s'est achevé", "se sont poursuivis")
       nor with the participle of a verb conjugated with être ("est morte",
       "est entré", "sont arrivés"): a passé composé */
    if (tis(s, i, "est") || tis(s, i, "sont") || tis(s, i, "suis") || tis(s, i, "sommes")) {
        bool refl = i > 0 && (tis(s, i - 1, "s'") || tis(s, i - 1, "se") || tis(s, i - 1, "me") || tis(s, i - 1, "m'") ||
                              tis(s, i - 1, "nous"));
        static const char *const etre[] = {"mort", "arrive", "entre", "parti", "venu", "tombe", "reste", "alle",
                                           "sorti", "monte", "descendu", "devenu", "revenu", "rentre", "decede",
                                           "survenu", "intervenu", "retourne", "passe"};
        for (uint32_t k = i + 1; k < s->ntok && k <= i + 3; k++) {
            const tv_token *u = &s->tok[k];
            if (u->kind != TV_TOK_WORD)
                break;
            const char *q = tv_tok_norm(s->x, u);
            size_t m = tv_tok_nlen(u);
            while (m > 0 && (q[m - 1] == 's' || q[m - 1] == 'e') && m > 4) {
                /* strip the agreement: "mortes" → "mort", "arrivees" → "arrive" */
                size_t base = m;
                if (q[m - 1] == 's')
                    m--;
                if (m > 4 && q[m - 1] == 'e' && m >= 2 && q[m - 2] == 'e')
                    m--;
                else if (m > 4 && q[m - 1] == 'e' && (q[m - 2] == 't' || q[m - 2] == 'i' || q[m - 2] == 'u'))
                    m--;
                if (m == base)
                    break;
            }
            for (size_t e = 0; e < TV_ARRAY_LEN(etre); e++)
                if (m == strlen(etre[e]) && !memcmp(q, etre[e], m))
                    return -1;
            if (refl && tv_tok_nlen(u) >= 3 &&
                (ends_with(q, tv_tok_nlen(u), "e") || ends_with(q, tv_tok_nlen(u), "es") || ends_with(q, tv_tok_nlen(u), "ee") ||
                 ends_with(q, tv_tok_nlen(u), "ees") || ends_with(q, tv_tok_nlen(u), "i") || ends_with(q, tv_tok_nlen(u), "is") ||
                 ends_with(q, tv_tok_nlen(u), "u") || ends_with(q, tv_tok_nlen(u), "us")))
                return -1;
        }
        return 0;
    }
    if ((tis(s, i, "a") && t->end - t->start == 1) || tis(s, i, "ont") || tis(s, i, "ai") || tis(s, i, "avons") ||
        tis(s, i, "avez")) {
        for (uint32_t k = i + 1; k < s->ntok && k <= i + 3; k++) {
            const tv_token *u = &s->tok[k];
            if (u->kind != TV_TOK_WORD)
                break;
            const char *q = tv_tok_norm(s->x, u);
            size_t m = tv_tok_nlen(u);
            if (m >= 3 && (ends_with(q, m, "e") || ends_with(q, m, "es") || ends_with(q, m, "ee") ||
                           ends_with(q, m, "ees") || ends_with(q, m, "i") || ends_with(q, m, "is") ||
                           ends_with(q, m, "u") || ends_with(q, m, "us") || ends_with(q, m, "it")))
                return -1;
        }
        return 0;
    }
    /* devoir / prévoir + infinitive: "doit entrer en vigueur", "devrait reprendre" */
    if (tis(s, i, "doit") || tis(s, i, "doivent") || tis(s, i, "devrait") || tis(s, i, "devraient") ||
        tis(s, i, "devra") || tis(s, i, "devront") || tis(s, i, "prevu") || tis(s, i, "prevue") ||
        tis(s, i, "prevus") || tis(s, i, "prevues"))
        return 1;
    if (tis(s, i, "va") || tis(s, i, "vont") || tis(s, i, "allait") || tis(s, i, "allaient")) {
        uint32_t k = i + 1; /* "va se rendre", "vont leur livrer", "va y retourner" */
        while (k < i + 3 && (tis(s, k, "se") || tis(s, k, "s'") || tis(s, k, "y") || tis(s, k, "en") ||
                             tis(s, k, "le") || tis(s, k, "la") || tis(s, k, "les") || tis(s, k, "l'") ||
                             tis(s, k, "lui") || tis(s, k, "leur") || tis(s, k, "nous") || tis(s, k, "vous") ||
                             tis(s, k, "ne") || tis(s, k, "pas")))
            k++;
        const tv_token *u = T(s, k);
        if (u && u->kind == TV_TOK_WORD) {
            const char *q = tv_tok_norm(s->x, u);
            size_t m = tv_tok_nlen(u);
            if (ends_with(q, m, "er") || ends_with(q, m, "ir") || ends_with(q, m, "re"))
                return 1;
        }
        return 0;
    }
    if (n >= 5 && (ends_with(p, n, "rait") || ends_with(p, n, "raient")))
        return 0; /* conditional: no tense */
    if (n >= 5 && (ends_with(p, n, "ait") || ends_with(p, n, "aient")))
        return -1;
    if (n >= 4 && (ends_with(p, n, "ra") || ends_with(p, n, "ront") || ends_with(p, n, "rons") ||
                   ends_with(p, n, "rez") || ends_with(p, n, "rai")))
        return 1;
    return 0;
}

static bool clause_stop(const scan *s, uint32_t i)
{
    const tv_token *t = &s->tok[i];
    if (t->kind == TV_TOK_PUNCT && tv_tok_nlen(t) >= 1) {
        char c = s->x->norm[t->nstart];
        return c == '.' || c == '!' || c == '?' || c == ';';
    }
    return false;
}

static int tense(const scan *s, uint32_t first, uint32_t end)
{
    int best = 0;
    uint32_t bestd = UINT32_MAX;
    for (uint32_t k = first, d = 1; k > 0 && d <= 40; d++) {
        k--;
        if (clause_stop(s, k))
            break;
        int m = marker(s, k);
        if (m) {
            best = m;
            bestd = d;
            break;
        }
        if (s->tok[k].flags & (TV_TF_SENT | TV_TF_PARA))
            break;
    }
    for (uint32_t k = end, d = 1; k < s->ntok && d <= 40 && d < bestd; k++, d++) {
        if (s->tok[k].flags & (TV_TF_SENT | TV_TF_PARA))
            break;
        if (clause_stop(s, k))
            break;
        int m = marker(s, k);
        if (m)
            return m;
    }
    return best;
}

/* ---- matchers ------------------------------------------------------------*/
/* PRESENT_REF, PAST_REF, FUTURE_REF */
static bool m_ref(const scan *s, uint32_t i, pexp *p)
{
    const tword *w = W(s, i);
    if (!w || w->cls != C_KEY)
        return false;
    int r = 0;
    uint32_t first = i, end = i + 1;
    switch (w->val) {
    case K_NOW: r = 1; break;
    case K_PAST: r = 2; break;
    case K_FUTURE: r = 3; break;
    case K_PRESENT: /* à présent, jusqu'à présent, at present */
        if (i > 0 && (tis(s, i - 1, "a") || tis(s, i - 1, "at")) && !(i > 1 && is_key(s, i - 2, K_DET))) {
            r = 1;
            first = i - 1;
        }
        break;
    case K_CE: /* en ce moment */
        if (s->lang == L_FR && tis(s, i, "ce") && is_key(s, i + 1, K_MOMENT) && i > 0 && tis(s, i - 1, "en")) {
            r = 1;
            first = i - 1;
            end = i + 2;
        }
        break;
    case K_DET: /* [dans] le passé, [à] l'avenir */
    case K_THE:
        if (is_key(s, i + 1, K_AVENIR) && (s->lang == L_FR ? tis(s, i, "l'") : true)) {
            if (s->lang == L_EN && !(i > 0 && tis(s, i - 1, "in")))
                break;
            r = 3;
            end = i + 2;
        } else if ((s->lang == L_FR && tis(s, i, "le") && tis(s, i + 1, "passe") && i > 0 && tis(s, i - 1, "dans")) ||
                   (s->lang == L_EN && tis(s, i + 1, "past") && i > 0 && tis(s, i - 1, "in") &&
                    !(T(s, i + 2) && T(s, i + 2)->kind != TV_TOK_PUNCT && T(s, i + 2)->kind != TV_TOK_CLOSE))) {
            r = 2;
            end = i + 2;
        }
        break;
    default: break;
    }
    if (!r)
        return false;
    p->first = first;
    p->end = end;
    p->ref = r;
    p->type = TV_TIMEX_DATE;
    return true;
}

static const char unit_letter[] = {0, 'S', 'M', 'H', 'D', 'W', 'W', 'M', 'Y', 'E', 'C'};
static const int unit_prec[] = {TV_PREC_MINUTE, TV_PREC_MINUTE, TV_PREC_MINUTE, TV_PREC_HOUR, TV_PREC_DAY,
                                TV_PREC_WEEK,   TV_PREC_WEEK,   TV_PREC_MONTH,  TV_PREC_YEAR, TV_PREC_DECADE,
                                TV_PREC_DECADE};

static void fmt_num(char *out, size_t cap, double v)
{
    if (v == floor(v) && v < 1e9)
        snprintf(out, cap, "%lld", (long long)v);
    else
        snprintf(out, cap, "%.4g", v);
}

/* P3D, PT2H, P1.5M, P2DE, PXW */
static void dur_value(char *out, size_t cap, double v, bool vague, int unit)
{
    char num[24];
    if (vague)
        snprintf(num, sizeof num, "X");
    else
        fmt_num(num, sizeof num, v);
    if (!vague && unit == U_HOUR && v != floor(v) && v * 60 == floor(v * 60)) {
        v *= 60; /* PT1.5H → PT90M */
        unit = U_MIN;
        fmt_num(num, sizeof num, v);
    }
    const char *t = unit <= U_HOUR ? "T" : "";
    const char *u = unit == U_DECADE ? "DE" : unit == U_CENTURY ? "CE" : unit == U_WEEKEND ? "WE" : NULL;
    if (u)
        snprintf(out, cap, "P%s%s", num, u);
    else
        snprintf(out, cap, "P%s%s%c", t, num, unit_letter[unit]);
}

/* "et demi(e)", "and a half" after a unit: returns tokens consumed */
static uint32_t half_at(const scan *s, uint32_t j)
{
    if (is_key(s, j, K_AND) && is_key(s, j + 1, K_DEMI))
        return 2;
    if (is_key(s, j, K_AND) && tis(s, j + 1, "a") && is_key(s, j + 2, K_HALF))
        return 3;
    return 0;
}

/* Sets: chaque jour, tous les jours, tous les lundis, every day, every Monday,
   chaque matin, tous les deux jours, every three weeks. */
static bool m_set(const scan *s, uint32_t i, pexp *p)
{
    uint32_t j;
    if (is_key(s, i, K_EVERY))
        j = i + 1;
    else if (is_key(s, i, K_TOUS) && tis(s, i + 1, "les"))
        j = i + 2;
    else
        return false;
    double n = 1;
    bool vague;
    const char *bound;
    uint32_t e;
    if (qty_at(s, j, &n, &vague, &e, &bound) && !vague && is_cls(s, e, C_UNIT))
        j = e;
    const tword *w = W(s, j);
    if (!w)
        return false;
    if (w->cls == C_UNIT) {
        if (w->val == U_WEEKEND) {
            snprintf(p->value, sizeof p->value, "XXXX-WXX-WE");
            p->prec = TV_PREC_WEEK;
        } else {
            dur_value(p->value, sizeof p->value, n, false, w->val);
            p->prec = unit_prec[w->val];
        }
    } else if (w->cls == C_WDAY) {
        snprintf(p->value, sizeof p->value, "XXXX-WXX-%d", w->val);
        p->prec = TV_PREC_DAY;
    } else if (w->cls == C_POD) {
        static const char *pods[] = {"", "MO", "AF", "EV", "NI", "DT"};
        snprintf(p->value, sizeof p->value, "XXXX-XX-XXT%s", pods[w->val % 6]);
        p->prec = TV_PREC_PART_OF_DAY;
    } else {
        return false;
    }
    p->type = TV_TIMEX_SET;
    p->end = j + 1;
    return true;
}

/* Durations: 44 jours, un mois et demi, trois heures, plusieurs semaines,
   au moins 44 jours, une demi-heure, the past three days. */
static bool m_duration(const scan *s, uint32_t i, pexp *p)
{
    double v;
    bool vague;
    const char *bound;
    uint32_t j;
    uint32_t first = i;
    /* "les trois derniers jours", "the past three days" */
    if ((is_key(s, i, K_DET) && (tis(s, i, "les") || tis(s, i, "ces"))) || is_key(s, i, K_THE)) {
        /* les/ces [N] derniers jours, ces dernières 24 heures, the past/last N days */
        uint32_t k = i + 1;
        if (is_key(s, k, K_LAST) || is_key(s, k, K_NEXT)) {
            if (!qty_at(s, k + 1, &v, &vague, &j, &bound) || !is_cls(s, j, C_UNIT))
                return false;

        } else if (qty_at(s, k, &v, &vague, &j, &bound) && (is_key(s, j, K_LAST) || is_key(s, j, K_NEXT)) &&
                   is_cls(s, j + 1, C_UNIT)) {
            j++;

        } else {
            return false;
        }
    } else {
        if (!qty_at(s, i, &v, &vague, &j, &bound))
            return false;
        if (is_key(s, j, K_LAST) && s->lang == L_FR) /* "24 dernières heures" */
            j++;
    }
    const tword *w = W(s, j);
    if (w && w->cls == C_KEY && (w->val == K_DEMI) && tis(s, j, "demi") && is_cls(s, j + 1, C_UNIT)) {
        /* "une demi heure" written apart */
        w = W(s, j + 1);
        v = v * 0.5;
        j++;
    }
    if (!w || w->cls != C_UNIT) {
        /* "une demi-heure", "une demi-journée" as one token */
        const tv_token *t = T(s, j);
        if (t && !vague && v == 1 && tv_tok_nlen(t) > 5 && !memcmp(tv_tok_norm(s->x, t), "demi-", 5)) {
            const char *rest = tv_tok_norm(s->x, t) + 5;
            size_t rn = tv_tok_nlen(t) - 5;
            int u = 0;
            if (rn == 5 && !memcmp(rest, "heure", 5))
                u = U_HOUR;
            else if (rn == 7 && !memcmp(rest, "journee", 7))
                u = U_DAY;
            else if (rn == 6 && !memcmp(rest, "siecle", 6))
                u = U_CENTURY;
            if (!u)
                return false;
            dur_value(p->value, sizeof p->value, 0.5, false, u);
            p->prec = unit_prec[u];
            p->type = TV_TIMEX_DURATION;
            p->first = first;
            p->end = j + 1;
            snprintf(p->mod, sizeof p->mod, "%s", bound_mod(bound));
            return true;
        }
        return false;
    }
    /* a number before "heures" can be a tclock time ("à 9 heures"): decided by the caller */
    if (w->val == U_WEEKEND && !vague && v == 1 && !(w->flags & W_PLURAL))
        return false; /* "un week-end" */
    /* "une seconde secousse", "a second quake": the ordinal, not a duration */
    if (w->val == U_SEC && !(w->flags & W_PLURAL) && T(s, j + 1) && T(s, j + 1)->kind == TV_TOK_WORD &&
        (tis(s, i, "une") || tis(s, i, "a") || tis(s, i, "un")))
        return false;
    /* singular unit after a number > 1 is fine in French ("2 an" rare); plural after 1 is fine too */
    uint32_t end = j + 1;
    uint32_t h = half_at(s, end);
    if (h && !vague) {
        v += 0.5;
        end += h;
    }
    /* "the next three days" is still a duration */
    int unit = w->val;
    dur_value(p->value, sizeof p->value, v, vague, unit);
    p->prec = unit_prec[unit];
    p->type = TV_TIMEX_DURATION;
    p->first = first;
    p->end = end;
    snprintf(p->mod, sizeof p->mod, "%s", bound ? bound_mod(bound) : "");
    return true;
}

/* Part-of-day after a day expression: "mardi matin", "hier soir", "Tuesday
   night", "le 13 septembre au matin". Returns the end token or j. */
static int mod_of_key(int k);

/* A part of day said as a phrase, at j:
     "à l'aube", "au petit matin", "au crépuscule", "à la tombée de la nuit",
     "at dawn", "at daybreak", "at dusk", "at nightfall"        → TMO / TEV
     "[en] début / fin / milieu de journée|matinée|soirée|après-midi|nuit"
                                 → the part of day (or the day) + START/END/MID
     "tôt / tard dans la matinée|soirée|nuit|journée",
     "early / late in the morning|afternoon|evening|day", "late at night"
   Sets *pod (0 for the whole day), *mod, *first (where the TIMEX3 span
   starts: prepositions stay outside, tôt/tard/early/late are inside) and
   returns the end token, or j. */
static uint32_t podmod_at(const scan *s, uint32_t j, int *pod, int *mod, uint32_t *first)
{
    *pod = 0;
    *mod = TV_MOD_NONE;
    *first = j;
    if (j >= s->ntok)
        return j;
    if (s->lang == L_FR) {
        if (tis(s, j, "a") && tis(s, j + 1, "l'") && is_key(s, j + 2, K_DAWN)) {
            *pod = TV_POD_MO, *first = j + 1;
            return j + 3;
        }
        if (tis(s, j, "au") && (is_key(s, j + 1, K_DAWN) || is_key(s, j + 1, K_DUSK))) {
            *pod = is_key(s, j + 1, K_DAWN) ? TV_POD_MO : TV_POD_EV, *first = j + 1;
            return j + 2;
        }
        if (tis(s, j, "au") && tis(s, j + 1, "petit") && tis(s, j + 2, "matin")) {
            *pod = TV_POD_MO, *mod = TV_MOD_START, *first = j + 1;
            return j + 3;
        }
        if (tis(s, j, "a") && tis(s, j + 1, "la") && tis(s, j + 2, "tombee") && tis(s, j + 3, "de") &&
            tis(s, j + 4, "la") && tis(s, j + 5, "nuit")) {
            *pod = TV_POD_EV, *mod = TV_MOD_END, *first = j + 1;
            return j + 6;
        }
        uint32_t k = j;
        if (tis(s, k, "en"))
            k++;
        int m = W(s, k) && W(s, k)->cls == C_KEY ? mod_of_key(W(s, k)->val) : 0;
        if (m && W(s, k)->val != K_MI && (tis(s, k + 1, "de") || tis(s, k + 1, "d'")) && is_cls(s, k + 2, C_POD) &&
            !(W(s, k + 2)->flags & W_PLURAL)) {
            int v = W(s, k + 2)->val;
            *pod = v == TV_POD_DT ? 0 : v; /* "fin de journée": the day, END */
            *mod = m, *first = k;
            return k + 3;
        }
        if ((is_key(s, j, K_TOT) || is_key(s, j, K_TARD)) && tis(s, j + 1, "dans") && tis(s, j + 2, "la") &&
            is_cls(s, j + 3, C_POD) && !(W(s, j + 3)->flags & W_PLURAL)) {
            int v = W(s, j + 3)->val;
            *pod = v == TV_POD_DT ? 0 : v;
            *mod = is_key(s, j, K_TOT) ? TV_MOD_START : TV_MOD_END;
            return j + 4;
        }
        return j;
    }
    if (is_key(s, j, K_AT) && (is_key(s, j + 1, K_DAWN) || is_key(s, j + 1, K_DUSK) || tis(s, j + 1, "nightfall"))) {
        *pod = is_key(s, j + 1, K_DAWN) ? TV_POD_MO : TV_POD_EV, *first = j + 1;
        if (tis(s, j + 1, "nightfall"))
            *mod = TV_MOD_END;
        return j + 2;
    }
    if ((is_key(s, j, K_EARLY) || is_key(s, j, K_LATE)) && is_key(s, j + 1, K_IN) && is_key(s, j + 2, K_THE) &&
        (is_cls(s, j + 3, C_POD) || tis(s, j + 3, "day")) && !(W(s, j + 3)->flags & W_PLURAL)) {
        *pod = tis(s, j + 3, "day") ? 0 : W(s, j + 3)->val;
        *mod = is_key(s, j, K_EARLY) ? TV_MOD_START : TV_MOD_END;
        return j + 4;
    }
    if (is_key(s, j, K_LATE) && is_key(s, j + 1, K_AT) && tis(s, j + 2, "night")) {
        *pod = TV_POD_NI, *mod = TV_MOD_END;
        return j + 3;
    }
    return j;
}

/* Part-of-day after a day expression: "mardi matin", "hier soir", "Tuesday
   night", "le 13 septembre au matin", "mardi à l'aube", "lundi en fin de
   journée", "Monday in the afternoon". Sets *pod (and p's START/END/MID);
   returns the end token or j. */
static uint32_t pod_suffix(const scan *s, uint32_t j, int *pod, pexp *p)
{
    const tword *w = W(s, j);
    if (w && w->cls == C_POD && !(w->flags & W_PLURAL)) {
        *pod = w->val;
        return j + 1;
    }
    if (is_key(s, j, K_AU) && is_cls(s, j + 1, C_POD) && !(W(s, j + 1)->flags & W_PLURAL)) {
        *pod = W(s, j + 1)->val;
        return j + 2;
    }
    if (s->lang == L_EN && is_key(s, j, K_IN) && is_key(s, j + 1, K_THE) && is_cls(s, j + 2, C_POD) &&
        !(W(s, j + 2)->flags & W_PLURAL)) {
        *pod = W(s, j + 2)->val;
        return j + 3;
    }
    int pd, md;
    uint32_t f;
    uint32_t e = podmod_at(s, j, &pd, &md, &f);
    if (e != j) {
        *pod = pd;
        p->cal.cmod = (uint8_t)md;
        return e;
    }
    return j;
}

/* Clock time after a day expression: "à 9h", "vers 21h00", "at 9 a.m." */
static uint32_t time_suffix(const scan *s, uint32_t j, pexp *p)
{
    uint32_t k = j;
    /* contiguous only: "mardi matin, à 9h00" stays two expressions. A day and a
       clock time joined by à/vers/at stay one TIME (docs/times.md, "Day and
       clock time": the event stage dates an event by its nearest expression) */
    if (tis(s, k, "a") || is_key(s, k, K_AT) || tis(s, k, "des"))
        k++;
    tclock c;
    if (!clock_at(s, k, &c))
        return j;
    if (c.invalid) {
        p->invalid = true;
        return c.end;
    }
    p->cal.h = (int8_t)c.h;
    p->cal.mi = (int8_t)c.mi;
    p->type = TV_TIMEX_TIME;
    const char *z;
    bool local;
    uint32_t e = zone_at(s, c.end, &z, &local);
    if (e != c.end && z) {
        p->zone = z;
        p->zone_named = true;
    }
    return e;
}

static int mod_of_key(int k)
{
    switch (k) {
    case K_START:
    case K_EARLY: return TV_MOD_START;
    case K_END:
    case K_LATE: return TV_MOD_END;
    case K_MIDDLE:
    case K_MI: return TV_MOD_MID;
    default: return TV_MOD_NONE;
    }
}

static bool m_date(const scan *s, uint32_t i, pexp *p, bool allow_mod);

/* A token that closes a phrase: punctuation, end of text, or the start of
   another sentence. "trois jours après." is anchored; "trois jours après
   l'attaque" is anchored on an event we cannot date. */
static bool phrase_end(const scan *s, uint32_t j)
{
    const tv_token *t = T(s, j);
    return !t || t->kind == TV_TOK_PUNCT || t->kind == TV_TOK_CLOSE || (t->flags & (TV_TF_SENT | TV_TF_PARA));
}

/* "jour-là", "nuit-là", "année-là" (one token): the unit or part of day
   before "-là". Returns C_UNIT / C_POD and sets *val, or 0. */
static int la_suffixed(const scan *s, uint32_t i, int *val)
{
    const tv_token *t = T(s, i);
    if (!t || t->kind != TV_TOK_WORD)
        return 0;
    size_t n = tv_tok_nlen(t);
    const char *p = tv_tok_norm(s->x, t);
    if (n < 5 || memcmp(p + n - 3, "-la", 3) != 0)
        return 0;
    const tword *w = wt_find(p, n - 3, tv_hash_bytes(p, n - 3), L_FR);
    if (!w || (w->flags & W_PLURAL))
        return 0;
    if (w->cls == C_UNIT && w->val >= U_DAY && w->val <= U_YEAR && w->val != U_WEEKEND) {
        *val = w->val;
        return C_UNIT;
    }
    if (w->cls == C_POD) {
        *val = w->val;
        return C_POD;
    }
    return 0;
}

/* Anaphoric expressions, anchored on the last date of the text (same or
   previous sentence), else on the DCT (resolve() decides): la veille, le
   lendemain, l'avant-veille, le surlendemain, la veille au soir, le
   lendemain matin, la veille du 9 novembre; le jour / la semaine / le mois /
   l'année précédent(e) / suivant(e), la nuit précédente; le même jour, ce
   jour-là, cette nuit-là, cette année-là; trois jours plus tard / plus tôt /
   après / auparavant, deux semaines avant; English the day before, the next
   day, the following week, the previous year, the night before, the same
   day, that day, that night, three days later, a week earlier, two days
   after. Span: the determiner and the adverb are inside (TimeML tags "three
   days later" as one DATE). */
static bool m_anchored(const scan *s, uint32_t i, pexp *p)
{
    const tword *w = W(s, i);
    if (!w)
        return false;
    int n = 0, unit = 0, pod = 0;
    bool found = false;
    uint32_t j = i;
    if (s->lang == L_FR && w->cls == C_KEY && w->val == K_DET && !tis(s, i, "les") && !tis(s, i, "ces")) {
        const tword *u = W(s, i + 1);
        if (u && u->cls == C_KEY) {
            n = u->val == K_VEILLE ? -1 : u->val == K_AVVEILLE ? -2 : u->val == K_LENDEMAIN ? 1
              : u->val == K_SURLENDEMAIN ? 2 : 0;
            if (n) {
                unit = U_DAY;
                j = i + 2;
                found = true;
                /* "la veille du 9 novembre": that date; "la veille du scrutin": an event, not dated */
                if (tis(s, j, "de") || tis(s, j, "du") || tis(s, j, "d'") || tis(s, j, "des")) {
                    pexp q;
                    pexp_init(&q, j + 1);
                    if (!m_date(s, j + 1, &q, false) || q.invalid || !q.cal.d || q.cal.h >= 0 || q.cal.pod)
                        return false;
                    *p = q;
                    p->first = i;
                    p->day_shift = (int8_t)n;
                    p->type = TV_TIMEX_DATE;
                    return true;
                }
            } else if (u->val == K_SAME && is_cls(s, i + 2, C_UNIT)) { /* le même jour */
                const tword *v = W(s, i + 2);
                if (v->val >= U_DAY && v->val <= U_YEAR && v->val != U_WEEKEND && !(v->flags & W_PLURAL)) {
                    unit = v->val;
                    j = i + 3;
                    found = true;
                }
            } else if (u->val == K_SAME && is_cls(s, i + 2, C_POD) && !(W(s, i + 2)->flags & W_PLURAL)) {
                unit = U_DAY;
                pod = W(s, i + 2)->val;
                j = i + 3;
                found = true;
            }
        } else if (u && (u->cls == C_UNIT || u->cls == C_POD) && !(u->flags & W_PLURAL) &&
                   (is_key(s, i + 2, K_PREV) || is_key(s, i + 2, K_FOLLOW))) {
            /* le jour suivant, la semaine précédente, l'année suivante, la nuit précédente */
            n = is_key(s, i + 2, K_PREV) ? -1 : 1;
            if (u->cls == C_POD) {
                unit = U_DAY;
                pod = u->val;
            } else if (u->val >= U_DAY && u->val <= U_YEAR && u->val != U_WEEKEND) {
                unit = u->val;
            } else {
                return false;
            }
            j = i + 3;
            found = true;
        }
    } else if (s->lang == L_FR && w->cls == C_KEY && w->val == K_CE) { /* ce jour-là, cette nuit-là */
        int v = 0, c = la_suffixed(s, i + 1, &v);
        if (c == C_UNIT)
            unit = v;
        else if (c == C_POD)
            unit = U_DAY, pod = v;
        if (c) {
            j = i + 2;
            found = true;
        }
    } else if (s->lang == L_EN && w->cls == C_KEY && (w->val == K_THE || w->val == K_THAT)) {
        const tword *u = W(s, i + 1);
        const tword *v = W(s, i + 2);
        if (w->val == K_THE && u && u->cls == C_KEY && (u->val == K_NEXT || u->val == K_FOLLOW || u->val == K_PREV ||
                                                       u->val == K_SAME) && v && !(v->flags & W_PLURAL) &&
            (v->cls == C_UNIT || v->cls == C_POD) && !tis(s, i + 1, "coming")) {
            /* the next day, the following week, the previous year, the same day, the next morning */
            n = u->val == K_PREV ? -1 : u->val == K_SAME ? 0 : 1;
            if (v->cls == C_POD)
                unit = U_DAY, pod = v->val;
            else if (v->val >= U_DAY && v->val <= U_YEAR && v->val != U_WEEKEND)
                unit = v->val;
            else
                return false;
            j = i + 3;
            found = true;
        } else if (w->val == K_THE && u && (u->cls == C_UNIT || u->cls == C_POD) && !(u->flags & W_PLURAL) && v &&
                   v->cls == C_KEY && (v->val == K_BEFORE || v->val == K_AFTER) && phrase_end(s, i + 3)) {
            /* the day before, the night before, the morning after (not "the day before the vote") */
            n = v->val == K_BEFORE ? -1 : 1;
            if (u->cls == C_POD)
                unit = U_DAY, pod = u->val;
            else if (u->val == U_DAY)
                unit = U_DAY;
            else
                return false;
            j = i + 3;
            found = true;
        } else if (w->val == K_THAT && u && !(u->flags & W_PLURAL) &&
                   ((u->cls == C_UNIT && u->val >= U_DAY && u->val <= U_YEAR && u->val != U_WEEKEND) ||
                    (u->cls == C_POD))) {
            /* that day, that night, that year */
            if (u->cls == C_POD)
                unit = U_DAY, pod = u->val;
            else
                unit = u->val;
            j = i + 2;
            found = true;
        }
    }
    if (!found) {
        /* trois jours plus tard, deux semaines auparavant, three days later, a week earlier */
        double v;
        bool vague;
        const char *bound;
        uint32_t e;
        if (!qty_at(s, i, &v, &vague, &e, &bound) || vague || bound || v != floor(v) || v < 1 || v > 10000)
            return false;
        const tword *u = W(s, e);
        if (!u || u->cls != C_UNIT || u->val < U_HOUR || u->val > U_YEAR || u->val == U_WEEKEND)
            return false;
        uint32_t k = e + 1;
        int dir = 0;
        if (tis(s, k, "plus") && is_key(s, k + 1, K_TARD))
            dir = 1, k += 2;
        else if (tis(s, k, "plus") && is_key(s, k + 1, K_TOT))
            dir = -1, k += 2;
        else if (is_key(s, k, K_LATER))
            dir = 1, k++;
        else if (is_key(s, k, K_EARLIER))
            dir = -1, k++;
        else if ((is_key(s, k, K_BEFORE) || is_key(s, k, K_AFTER)) && phrase_end(s, k + 1))
            dir = is_key(s, k, K_BEFORE) ? -1 : 1, k++;
        if (!dir)
            return false;
        n = dir * (int)v;
        unit = u->val;
        j = k;
        if (unit == U_HOUR) {
            /* "neuf heures plus tard", "nine hours later": a TIME counted from the
               last clock time; without one (resolve()), the duration "neuf heures" */
            if (is_key(s, e + 1, K_BEFORE) || is_key(s, e + 1, K_AFTER))
                return false;
            dur_value(p->value, sizeof p->value, v, false, U_HOUR);
            p->prec = TV_PREC_HOUR;
            p->dur_end = e + 1;
            p->anch = true;
            p->rel = true;
            p->rel_unit = U_HOUR;
            p->rel_n = n;
            p->type = TV_TIMEX_TIME;
            p->first = i;
            p->end = j;
            return true;
        }
    }
    p->anch = true;
    p->rel = true;
    p->rel_unit = (int8_t)unit;
    p->rel_n = n;
    p->type = TV_TIMEX_DATE;
    p->first = i;
    if (unit == U_DAY && !pod)
        j = pod_suffix(s, j, &pod, p); /* la veille au soir, le lendemain matin */
    if (pod) {
        p->cal.pod = (uint8_t)pod;
        p->type = TV_TIMEX_TIME;
    }
    p->end = unit == U_DAY ? time_suffix(s, j, p) : j;
    return true;
}

/* Relative expressions anchored to the DCT. */

/* "la semaine dernière" / "last week" (unit u, direction n) and "la nuit
   dernière" / "last night"; after is the token that follows the phrase. */
static bool last_next_unit(const scan *s, const tword *u, int n, uint32_t after, pexp *p)
{
    if (u->cls == C_UNIT && !(u->flags & W_PLURAL) && u->val >= U_WEEK && u->val <= U_YEAR) {
        p->rel = true;
        p->rel_unit = u->val == U_WEEKEND ? U_WEEK : u->val;
        p->cal.weekend = u->val == U_WEEKEND;
        p->rel_n = n;
        p->type = TV_TIMEX_DATE;
        p->end = after;
        return true;
    }
    if (u->cls == C_POD && u->val == TV_POD_NI && n == -1) {
        p->rel = true;
        p->rel_unit = U_DAY;
        p->rel_n = -1;
        p->cal.pod = TV_POD_NI;
        p->type = TV_TIMEX_TIME;
        p->end = time_suffix(s, after, p);
        return true;
    }
    return false;
}

static bool m_relative(const scan *s, uint32_t i, pexp *p)
{
    const tword *w = W(s, i);
    if (!w)
        return false;
    uint32_t j;
    /* hier, demain, aujourd'hui, avant-hier, après-demain, yesterday… */
    if (w->cls == C_KEY && (w->val == K_HIER || w->val == K_AVANTHIER || w->val == K_DEMAIN ||
                            w->val == K_APRESDEMAIN || w->val == K_TODAY)) {
        int n = w->val == K_HIER ? -1 : w->val == K_AVANTHIER ? -2 : w->val == K_DEMAIN ? 1
              : w->val == K_APRESDEMAIN ? 2 : 0;
        j = i + 1;
        p->rel = true;
        p->rel_unit = U_DAY;
        p->rel_n = n;
        p->type = TV_TIMEX_DATE;
        int pod = 0;
        if (s->lang == L_EN && n == -1 && tis(s, i + 1, "night"))
            pod = TV_POD_NI, j++;
        else
            j = pod_suffix(s, j, &pod, p);
        if (pod) {
            p->cal.pod = (uint8_t)pod;
            p->type = TV_TIMEX_TIME;
        }
        p->end = time_suffix(s, j, p);
        return true;
    }
    /* the day before yesterday / the day after tomorrow */
    if (w->cls == C_KEY && w->val == K_THE && tis(s, i + 1, "day") && (tis(s, i + 2, "before") || tis(s, i + 2, "after")) &&
        (is_key(s, i + 3, K_HIER) || is_key(s, i + 3, K_DEMAIN))) {
        p->rel = true;
        p->rel_unit = U_DAY;
        p->rel_n = tis(s, i + 2, "before") ? -2 : 2;
        p->type = TV_TIMEX_DATE;
        p->end = i + 4;
        return true;
    }
    if (w->cls == C_KEY && w->val == K_TONIGHT) {
        p->rel = true;
        p->rel_unit = U_DAY;
        p->cal.pod = TV_POD_NI;
        p->type = TV_TIMEX_TIME;
        p->end = time_suffix(s, i + 1, p);
        return true;
    }
    if (w->cls == C_KEY && w->val == K_OVERNIGHT) {
        p->night_auto = true;
        p->cal.pod = TV_POD_NI;
        p->type = TV_TIMEX_TIME;
        p->end = i + 1;
        return true;
    }
    /* ce matin, cette nuit, cet après-midi, cette semaine, ce mois-ci, cette année, this week, this morning */
    if (w->cls == C_KEY && w->val == K_CE) {
        const tword *u = W(s, i + 1);
        if (!u)
            return false;
        /* "this past weekend", "this coming week" */
        if (s->lang == L_EN && u->cls == C_KEY && (u->val == K_LAST || u->val == K_NEXT) && is_cls(s, i + 2, C_UNIT) &&
            !(W(s, i + 2)->flags & W_PLURAL) && W(s, i + 2)->val >= U_WEEK && W(s, i + 2)->val <= U_YEAR) {
            const tword *v = W(s, i + 2);
            p->rel = true;
            p->rel_unit = v->val == U_WEEKEND ? U_WEEK : v->val;
            p->cal.weekend = v->val == U_WEEKEND;
            p->rel_n = u->val == K_LAST ? -1 : 1;
            /* "this past weekend" on a Tuesday is the one just gone; "this coming week" the next */
            p->type = TV_TIMEX_DATE;
            p->end = i + 3;
            return true;
        }
        j = i + 2;
        if (u->cls == C_POD && !(u->flags & W_PLURAL)) {
            p->cal.pod = u->val;
            p->type = TV_TIMEX_TIME;
            if (u->val == TV_POD_NI)
                p->night_auto = true;
            else {
                p->rel = true;
                p->rel_unit = U_DAY;
            }
            if (tis(s, j, "-la") || tis(s, j, "-ci"))
                j++;
            p->end = time_suffix(s, j, p); /* "ce matin à 7h00": one TIME */
            return true;
        }
        if (u->cls == C_UNIT && !(u->flags & W_PLURAL) && u->val >= U_WEEK && u->val <= U_YEAR) {
            if (tis(s, i + 1, "an") || (tis(s, i + 1, "jour")))
                return false;
            p->rel = true;
            p->rel_unit = u->val == U_WEEKEND ? U_WEEK : u->val;
            p->cal.weekend = u->val == U_WEEKEND;
            p->type = TV_TIMEX_DATE;
            if (tis(s, j, "-ci") || (tis(s, j, "-") && tis(s, j + 1, "ci")))
                j += tis(s, j, "-") ? 2 : 1;
            p->end = j;
            return true;
        }
        if (u->cls == C_SEASON && !(u->flags & W_PLURAL)) {
            p->cal.season = u->val;
            p->need_year = true;
            p->type = TV_TIMEX_DATE;
            p->end = j;
            return true;
        }
        return false;
    }
    /* la semaine dernière, le mois prochain, l'an dernier, l'année prochaine,
       la nuit dernière, le week-end dernier; last week, next month, last night */
    if (w->cls == C_KEY && (w->val == K_DET || w->val == K_LAST || w->val == K_NEXT)) {
        if (w->val == K_DET) {
            if (tis(s, i, "les") || tis(s, i, "ces"))
                return false;
            const tword *u = W(s, i + 1);
            const tword *d = W(s, i + 2);
            if (!u || !d || d->cls != C_KEY || (d->val != K_LAST && d->val != K_NEXT) || (d->flags & W_PLURAL))
                return false;
            int n = d->val == K_LAST ? -1 : 1;
            if (last_next_unit(s, u, n, i + 3, p))
                return true;
            if (u->cls == C_SEASON) {
                p->cal.season = u->val;
                p->need_year = true;
                p->rel_n = n; /* handled in resolve: last/next season */
                p->wday_dir = (int8_t)n;
                p->type = TV_TIMEX_DATE;
                p->end = i + 3;
                return true;
            }
            return false;
        }
        if (s->lang != L_EN || tis(s, i, "past"))
            return false;
        const tword *u = W(s, i + 1);
        if (!u)
            return false;
        int n = w->val == K_LAST ? -1 : 1;
        if (last_next_unit(s, u, n, i + 2, p))
            return true;
        if (u->cls == C_WDAY && !(u->flags & W_PLURAL)) {
            p->cal.wday = u->val;
            p->wday_dir = (int8_t)n;
            p->type = TV_TIMEX_DATE;
            j = i + 2;
            int pod = 0;
            j = pod_suffix(s, j, &pod, p);
            if (pod) {
                p->cal.pod = (uint8_t)pod;
                p->type = TV_TIMEX_TIME;
            }
            p->end = time_suffix(s, j, p);
            return true;
        }
        if (u->cls == C_SEASON) {
            p->cal.season = u->val;
            p->need_year = true;
            p->wday_dir = (int8_t)n;
            p->type = TV_TIMEX_DATE;
            p->end = i + 2;
            return true;
        }
        if (u->cls == C_MONTH && !(u->flags & W_AMBIG)) {
            p->cal.mo = u->val;
            p->need_year = true;
            p->wday_dir = (int8_t)n;
            p->type = TV_TIMEX_DATE;
            p->end = i + 2;
            return true;
        }
        return false;
    }
    /* il y a trois jours; dans deux semaines; in two weeks; three days ago */
    double v;
    bool vague;
    const char *bound;
    uint32_t e;
    int sign = 0;
    uint32_t q = i;
    if (w->cls == C_KEY && w->val == K_IL && tis(s, i + 1, "y") && tis(s, i + 2, "a")) {
        sign = -1;
        q = i + 3;
    } else if (w->cls == C_KEY && (w->val == K_DANS || w->val == K_IN)) {
        sign = 1;
        q = i + 1;
    }
    if (sign || (s->lang == L_EN && (w->cls == C_NUM || T(s, i)->kind == TV_TOK_NUMBER))) {
        if (!qty_at(s, q, &v, &vague, &e, &bound) || vague || v != floor(v) || v > 100000)
            return false;
        const tword *u = W(s, e);
        if (!u || u->cls != C_UNIT || u->val == U_WEEKEND || u->val == U_SEC || u->val >= U_DECADE)
            return false;
        uint32_t end = e + 1;
        if (!sign) {
            if (!is_key(s, end, K_AGO))
                return false;
            sign = -1;
            end++;
        }
        p->rel = true;
        p->rel_unit = u->val;
        p->rel_n = (int32_t)v * sign;
        p->type = u->val <= U_HOUR ? TV_TIMEX_TIME : TV_TIMEX_DATE;
        p->first = w->val == K_IN || w->val == K_DANS ? i + 1 : i;
        if (w->val == K_DANS) /* TimeML keeps "dans"? no: the preposition stays outside */
            p->first = i + 1;
        p->end = end;
        if (w->val == K_DANS || w->val == K_IN)
            p->first = i; /* "dans deux semaines" names the date only with "dans" */
        if (w->val == K_IN) {
            /* "prices have risen 20 percent in two years": after a past verb,
               "in" + count is how long it took (resolve() decides) */
            p->in_count = true;
            dur_value(p->value, sizeof p->value, v, false, u->val);
            p->prec = unit_prec[u->val];
            if (bound) /* "in less than 24 hours": the duration's mod */
                snprintf(p->mod, sizeof p->mod, "%s", bound_mod(bound));
        }
        return true;
    }
    return false;
}

/* Night and part-of-day phrases: "dans la nuit", "dans la nuit de lundi à
   mardi", "dans la nuit du 12 au 13 septembre", "dans la matinée", "during
   the night", "la nuit de dimanche". The span starts at the determiner. */
static bool m_night(const scan *s, uint32_t i, pexp *p)
{
    uint32_t j = i;
    bool prep = false;
    if (is_key(s, j, K_DANS) || is_key(s, j, K_DURING) || is_key(s, j, K_IN)) {
        prep = true;
        j++;
    }
    if (!(is_key(s, j, K_DET) && (tis(s, j, "la") || tis(s, j, "l'"))) && !is_key(s, j, K_THE))
        return false;
    const tword *u = W(s, j + 1);
    if (!u || u->cls != C_POD || (u->flags & W_PLURAL))
        return false;
    uint32_t first = prep ? i + 1 : i;
    uint32_t e = j + 2;
    if (is_key(s, e, K_PREV) || is_key(s, e, K_FOLLOW) || is_key(s, e, K_BEFORE) || is_key(s, e, K_AFTER))
        return false; /* "la nuit précédente": m_anchored */
    p->cal.pod = u->val;
    p->type = TV_TIMEX_TIME;
    /* de lundi à mardi / de lundi / du 12 au 13 septembre */
    if (s->lang == L_FR && (tis(s, e, "de") || tis(s, e, "du"))) {
        const tword *wd = W(s, e + 1);
        if (tis(s, e, "de") && wd && wd->cls == C_WDAY && !(wd->flags & W_PLURAL)) {
            p->cal.wday = wd->val;
            e += 2;
            if ((tis(s, e, "a") || tis(s, e, "au")) && is_cls(s, e + 1, C_WDAY))
                e += 2;
            p->first = first;
            p->end = e;
            return true;
        }
        int d1, d2;
        if (tis(s, e, "du") && day_at(s, e + 1, &d1)) {
            uint32_t k = e + 2;
            if (tis(s, k, "au") && day_at(s, k + 1, &d2))
                k += 2;
            pexp q;
            pexp_init(&q, k);
            int mo;
            uint32_t me;
            if (!month_at(s, k, true, &mo, &me))
                return false;
            p->cal.mo = (int8_t)mo;
            p->cal.d = (int8_t)d1;
            k = me;
            int y;
            if (year_tok(s, k, &y)) {
                p->cal.y = y;
                k++;
            } else {
                p->need_year = true;
            }
            p->first = first;
            p->end = k;
            return true;
        }
    }
    if (!prep)
        return false; /* "la nuit" alone is too vague */
    if (u->val == TV_POD_NI)
        p->night_auto = true;
    else
        p->pod_auto = true;
    p->first = first;
    p->end = time_suffix(s, e, p);
    return true;
}

/* A decade number at k: "1990", "90", "quatre-vingt-dix" (numbers stage),
   "2000". Sets *dec (199) and *end. */
static bool decade_at(const scan *s, uint32_t k, int *dec, uint32_t *end)
{
    int v, nd;
    if (digits_at(s, k, &v, &nd)) {
        if (!((nd == 4 || nd == 2) && v % 10 == 0))
            return false;
        *dec = nd == 4 ? v / 10 : (v >= 30 ? 190 + v / 10 : 200 + v / 10);
        *end = k + 1;
        return true;
    }
    for (size_t n = num_from(s, k); n < s->nnums; n++) {
        const tv_number *nu = &s->nums[n];
        if (nu->tok_first > k)
            break;
        if (nu->tok_first == k && !isnan(nu->value) && nu->value >= 10 && nu->value <= 90 &&
            fmod(nu->value, 10) == 0) {
            int d = (int)nu->value;
            *dec = d >= 30 ? 190 + d / 10 : 200 + d / 10;
            *end = nu->tok_end;
            return true;
        }
    }
    return false;
}

/* Parts of day said as phrases, alone: "à l'aube", "at dawn", "en fin de
   journée", "en début de soirée", "tard dans la nuit", "early in the
   morning" (the DCT's day, or the day before when the clause is in the
   past and that part of the day is still to come), and "en fin de
   semaine", "en milieu de semaine", "en début d'année", "en fin de mois
   dernier" (the DCT's week/month/year, START/MID/END). */
static bool m_podphrase(const scan *s, uint32_t i, pexp *p)
{
    int pod, mod;
    uint32_t first, e = i;
    if (i > 0 && (tis(s, i - 1, "a") || tis(s, i - 1, "au") || is_key(s, i - 1, K_AT))) {
        e = podmod_at(s, i - 1, &pod, &mod, &first);
        if (e != i - 1 && first != i)
            e = i;
        else if (e == i - 1)
            e = i;
    }
    if (e == i)
        e = podmod_at(s, i, &pod, &mod, &first);
    if (e != i) {
        p->first = first;
        p->end = e;
        p->cal.pod = (uint8_t)pod;
        p->cal.cmod = (uint8_t)mod;
        if (pod == TV_POD_NI)
            p->night_auto = true;
        else
            p->pod_auto = true;
        p->type = pod ? TV_TIMEX_TIME : TV_TIMEX_DATE;
        if (pod)
            p->end = time_suffix(s, e, p);
        return true;
    }
    /* [en] début / fin / milieu de semaine|mois|année [dernier|prochain] */
    if (s->lang != L_FR)
        return false;
    uint32_t k = i;
    const tword *m = W(s, k);
    int md = m && m->cls == C_KEY ? mod_of_key(m->val) : 0;
    if (!md || m->val == K_MI || !(tis(s, k + 1, "de") || tis(s, k + 1, "d'")))
        return false;
    const tword *u = W(s, k + 2);
    if (!u || u->cls != C_UNIT || (u->flags & W_PLURAL) || (u->val != U_WEEK && u->val != U_MONTH && u->val != U_YEAR) ||
        tis(s, k + 2, "an"))
        return false;
    uint32_t end = k + 3;
    int n = 0;
    if (is_key(s, end, K_LAST) && !(W(s, end)->flags & W_PLURAL))
        n = -1, end++;
    else if (is_key(s, end, K_NEXT) && !(W(s, end)->flags & W_PLURAL))
        n = 1, end++;
    p->rel = true;
    p->rel_unit = (int8_t)u->val;
    p->rel_n = n;
    p->cal.cmod = (uint8_t)md;
    p->type = TV_TIMEX_DATE;
    p->first = i;
    p->end = end;
    return true;
}

/* "tôt mardi", "tard lundi soir", "early Tuesday", "late on Monday", "late
   last night", "early this morning": a day (or part of day) + START / END;
   the span includes tôt/tard/early/late (TimeML mod). */
static bool m_early_late(const scan *s, uint32_t i, pexp *p)
{
    const tword *w = W(s, i);
    if (!w || w->cls != C_KEY || !(w->val == K_EARLY || w->val == K_LATE || w->val == K_TOT || w->val == K_TARD))
        return false;
    if (i > 0 && (tis(s, i - 1, "plus") || tis(s, i - 1, "trop") || tis(s, i - 1, "si") || tis(s, i - 1, "aussi") ||
                  tis(s, i - 1, "too") || tis(s, i - 1, "as") || tis(s, i - 1, "so")))
        return false;
    uint32_t k = i + 1;
    if (s->lang == L_EN && is_key(s, k, K_ON))
        k++;
    pexp q;
    bool ok = false;
    pexp_init(&q, k);
    ok = m_anchored(s, k, &q);
    if (!ok) {
        pexp_init(&q, k);
        ok = m_relative(s, k, &q);
    }
    if (!ok) {
        pexp_init(&q, k);
        ok = m_night(s, k, &q);
    }
    if (!ok) {
        pexp_init(&q, k);
        ok = m_date(s, k, &q, false);
        if (ok && !q.invalid && q.cal.d && q.cal.h < 0) {
            int pod = 0;
            uint32_t e = pod_suffix(s, q.end, &pod, &q);
            if (e != q.end && pod) {
                q.cal.pod = (uint8_t)pod;
                q.type = TV_TIMEX_TIME;
                q.end = e;
            }
        }
    }
    if (!ok || q.invalid || q.cal.h >= 0 || q.cal.cmod ||
        !(q.cal.d || q.cal.wday || (q.rel && q.rel_unit == U_DAY) || q.night_auto || q.pod_auto))
        return false;
    *p = q;
    p->first = i;
    p->cal.cmod = (uint8_t)(w->val == K_EARLY || w->val == K_TOT ? TV_MOD_START : TV_MOD_END);
    return true;
}

/* Absolute and calendar dates. allow_mod: début/fin/mi-/early/late… */
static bool m_date(const scan *s, uint32_t i, pexp *p, bool allow_mod)
{
    const tv_token *t = T(s, i);
    if (!t)
        return false;
    const tword *w = W(s, i);
    uint32_t j = i;
    p->type = TV_TIMEX_DATE;

    if (allow_mod) {
        /* "mi-septembre", "mid-2021", "mi-novembre 2020" as one token */
        size_t tn = tv_tok_nlen(t);
        const char *tp = tv_tok_norm(s->x, t);
        size_t pre = tn > 3 && !memcmp(tp, "mi-", 3) ? 3 : tn > 4 && !memcmp(tp, "mid-", 4) ? 4 : 0;
        if (pre) {
            const char *rest = tp + pre;
            size_t rn = tn - pre;
            const tword *u = wt_find(rest, rn, tv_hash_bytes(rest, rn), s->lang);
            int y = 0;
            if (u && u->cls == C_MONTH) {
                p->cal.mo = u->val;
                j = i + 1;
                if (year_tok(s, j, &y)) {
                    p->cal.y = y;
                    j++;
                } else {
                    p->need_year = true;
                }
            } else if (u && u->cls == C_SEASON) {
                p->cal.season = u->val;
                p->need_year = true;
                j = i + 1;
            } else if (rn == 5 && rest[4] == 's' && rest[3] == '0' && rest[0] >= '1' && rest[0] <= '2' &&
                       rest[1] >= '0' && rest[1] <= '9' && rest[2] >= '0' && rest[2] <= '9') {
                /* "mid-1990s" */
                p->cal.decade = (int16_t)((rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0'));
                j = i + 1;
            } else if (rn == 4 && rest[0] >= '1' && rest[0] <= '2') {
                for (size_t k4 = 0; k4 < 4; k4++) {
                    if (rest[k4] < '0' || rest[k4] > '9')
                        return false;
                    y = y * 10 + rest[k4] - '0';
                }
                p->cal.y = y;
                j = i + 1;
            } else {
                return false;
            }
            p->cal.cmod = TV_MOD_MID;
            p->first = i;
            p->end = j;
            return true;
        }
    }
    /* modifiers: début, fin, mi-, milieu, early, late, mid-, the end of */
    if (allow_mod) {
        uint32_t k = i;
        int mod = 0;
        if ((is_key(s, k, K_DET) && tis(s, k, "la")) || is_key(s, k, K_THE))
            k++;
        const tword *m = W(s, k);
        if (m && m->cls == C_KEY && (mod = mod_of_key(m->val))) {
            uint32_t k2 = k + 1;
            if (m->val == K_MI) {
                if (!(tpunct(s, k2, '-')))
                    return false;
                k2++;
            } else if (tis(s, k2, "de") || tis(s, k2, "d'") || tis(s, k2, "du") || tis(s, k2, "des") ||
                       is_key(s, k2, K_OF)) {
                k2++;
                if (tis(s, k2 - 1, "du") || tis(s, k2 - 1, "des")) {
                    /* "fin du mois", "au début des années 1990" */
                    if (is_cls(s, k2, C_UNIT) && (tis(s, k2, "mois") || tis(s, k2, "siecle"))) {
                        /* "la fin du mois", "la fin du siècle" (the DCT's century) */
                        p->rel = true;
                        p->rel_unit = tis(s, k2, "siecle") ? U_CENTURY : U_MONTH;
                        p->cal.cmod = (uint8_t)mod;
                        p->first = i;
                        p->end = k2 + 1;
                        return true;
                    }
                    if (tis(s, k2, "annees")) {
                        pexp q;
                        pexp_init(&q, k2);
                        /* decade below */
                        int dec;
                        uint32_t de;
                        if (decade_at(s, k2 + 1, &dec, &de)) {
                            p->cal.decade = (int16_t)dec;
                            p->cal.cmod = (uint8_t)mod;
                            p->first = i;
                            p->end = de;
                            return true;
                        }
                        return false;
                    }
                }
            } else if (s->lang == L_FR && m->val != K_MIDDLE) {
                /* "fin octobre", "début 2021" */
            } else if (s->lang == L_EN && (m->val == K_EARLY || m->val == K_LATE)) {
                /* "early 2021" */
            } else {
                return false;
            }
            pexp q;
            pexp_init(&q, k2);
            /* "fin de l'année", "la fin de la semaine", "the end of the year", "end of this month" */
            uint32_t k3 = k2;
            if (tis(s, k3, "l'") || tis(s, k3, "la") || is_key(s, k3, K_THE) || is_key(s, k3, K_CE) ||
                tis(s, k3, "cette")) {
                const tword *u = W(s, k3 + 1);
                if (u && u->cls == C_UNIT &&
                    (u->val == U_YEAR || u->val == U_MONTH || u->val == U_WEEK || u->val == U_CENTURY) &&
                    !(u->flags & W_PLURAL) && !tis(s, k3 + 1, "an")) {
                    p->rel = true;
                    p->rel_unit = u->val;
                    p->cal.cmod = (uint8_t)mod;
                    p->first = i;
                    p->end = k3 + 2;
                    if (tis(s, p->end, "-ci"))
                        p->end++;
                    return true;
                }
            }
            if (m->val == K_MI && s->lang == L_FR && tis(s, k2, "l'"))
                return false;
            if (!m_date(s, k2, &q, false))
                return false;
            if (q.cal.d || q.cal.wday || q.cal.h >= 0 || q.ref || q.cal.pod)
                return false; /* "fin mardi"?: not a modifier we model */
            *p = q;
            p->first = i;
            p->cal.cmod = (uint8_t)mod;
            return true;
        }
    }

    /* decades: les années 1990, les années 90, the 1990s, the '90s */
    if ((is_key(s, i, K_DET) && tis(s, i, "les") && tis(s, i + 1, "annees")) || tis(s, i, "annees")) {
        uint32_t k = tis(s, i, "annees") ? i + 1 : i + 2;
        int dec;
        uint32_t de;
        if (decade_at(s, k, &dec, &de)) {
            p->cal.decade = (int16_t)dec;
            p->end = de;
            return true;
        }
        return false;
    }
    if (t->kind == TV_TOK_ALNUM || is_cls(s, i + 1, C_UNIT) ||
        ((is_key(s, i, K_THE) || tis(s, i, "le")) && T(s, i + 1) &&
         (T(s, i + 1)->kind == TV_TOK_ALNUM || T(s, i + 1)->kind == TV_TOK_WORD))) {
        uint32_t k = t->kind == TV_TOK_ALNUM || !(is_key(s, i, K_THE) || tis(s, i, "le")) ? i : i + 1;
        const tv_token *u = T(s, k);
        const char *up = tv_tok_norm(s->x, u);
        size_t un = tv_tok_nlen(u);
        if (un >= 3 && un <= 4 && up[un - 1] == 's' && up[un - 3] >= '0' && up[un - 3] <= '9' && up[un - 2] == '0' &&
            (un == 3 || up[0] == '\'') && s->lang == L_EN) { /* the 90s, the '90s */
            int v = up[un - 3] - '0';
            p->cal.decade = (int16_t)(v >= 3 ? 190 + v : 200 + v);
            p->end = k + 1;
            return true;
        }
        if (un == 5 && up[4] == 's' && (up[0] == '1' || up[0] == '2') && up[3] == '0') {
            int v = 0;
            for (int q = 0; q < 4; q++) {
                if (up[q] < '0' || up[q] > '9')
                    return false;
                v = v * 10 + up[q] - '0';
            }
            p->cal.decade = (int16_t)(v / 10);
            p->end = k + 1;
            return true;
        }
        /* centuries: le XXe siècle, le 20e siècle, the 20th century */
        if (is_cls(s, k + 1, C_UNIT) && W(s, k + 1)->val == U_CENTURY && !(W(s, k + 1)->flags & W_PLURAL)) {
            int v = 0, q = 0;
            while ((size_t)q < un && up[q] >= '0' && up[q] <= '9' && q < 2)
                v = v * 10 + up[q++] - '0';
            if (q == 0) { /* roman */
                while ((size_t)q < un && (up[q] == 'x' || up[q] == 'v' || up[q] == 'i')) {
                    int d = up[q] == 'x' ? 10 : up[q] == 'v' ? 5 : 1;
                    int nx = (size_t)q + 1 < un ? (up[q + 1] == 'x' ? 10 : up[q + 1] == 'v' ? 5 : up[q + 1] == 'i' ? 1 : 0) : 0;
                    v += d < nx ? -d : d;
                    q++;
                }
            }
            if (v >= 1 && v <= 30 && q > 0) {
                p->cal.century = (int16_t)(v - 1);
                p->first = i;
                p->end = k + 2;
                return true;
            }
        }
    }

    /* seasons: l'automne 2020, à l'automne, l'été dernier (relative), autumn 2020, the fall of 2020 */
    {
        uint32_t k = i;
        bool det = false;
        if ((is_key(s, k, K_DET) && (tis(s, k, "l'") || tis(s, k, "le"))) || is_key(s, k, K_THE)) {
            k++;
            det = true;
        }
        const tword *u = W(s, k);
        if (u && u->cls == C_SEASON) {
            uint32_t e = k + 1;
            int y;
            if (tis(s, e, "de") || tis(s, e, "d'") || is_key(s, e, K_OF)) {
                if (year_tok(s, e + 1, &y)) {
                    p->cal.y = y;
                    e += 2;
                } else {
                    e = k + 1;
                }
            } else if (year_tok(s, e, &y)) {
                p->cal.y = y;
                e++;
            }
            if (p->cal.y < 0) {
                bool au = i > 0 && tis(s, i - 1, "au"); /* au printemps [dernier] */
                if (!det && !au && !(i > 0 && (tis(s, i - 1, "en") || tis(s, i - 1, "in"))))
                    return false;
                if ((u->flags & W_AMBIG) && !det)
                    return false;
                if (s->lang == L_FR && u->val == 2 && !det)
                    return false;
                p->need_year = true;
                if (((det && k > i && tis(s, i, "l'")) || au) && is_key(s, e, K_LAST)) { /* l'été dernier */
                    p->wday_dir = -1;
                    e++;
                } else if ((det || au) && is_key(s, e, K_NEXT)) {
                    p->wday_dir = 1;
                    e++;
                }
            }
            p->cal.season = u->val;
            p->end = e;
            return true;
        }
    }

    /* weekday, optionally followed by a date: "mardi", "mardi 13 septembre", "Tuesday, Sept. 13" */
    uint32_t k = i;
    bool det = false;
    if ((is_key(s, k, K_DET) && tis(s, k, "le")) || (is_key(s, k, K_THE) && s->lang == L_EN)) {
        k++;
        det = true;
    }
    int wday = 0;
    const tword *u = W(s, k);
    if (u && u->cls == C_WDAY && !(u->flags & W_PLURAL)) {
        wday = u->val;
        k++;
        int d0, m0;
        uint32_t e0;
        if (tpunct(s, k, ',') && s->lang == L_EN && (month_at(s, k + 1, true, &m0, &e0) || day_at(s, k + 1, &d0)))
            k++;
    }
    int d, mo, y;
    uint32_t me;
    /* day month [year] */
    if (day_at(s, k, &d) && month_at(s, k + 1, true, &mo, &me)) {
        p->cal.d = (int8_t)d;
        p->cal.mo = (int8_t)mo;
        j = me;
        if (tpunct(s, j, ',') && year_tok(s, j + 1, &y))
            j++;
        if (year_tok(s, j, &y)) {
            p->cal.y = y;
            j++;
        } else {
            p->need_year = true;
        }
        p->end = j;
        return true;
    }
    /* month day[,] [year] (English; French "novembre 9" never) */
    if (s->lang == L_EN && month_at(s, k, true, &mo, &me) && day_at(s, me, &d)) {
        j = me + 1;
        p->cal.d = (int8_t)d;
        p->cal.mo = (int8_t)mo;
        if (tpunct(s, j, ',') && year_tok(s, j + 1, &y))
            j++;
        if (year_tok(s, j, &y)) {
            p->cal.y = y;
            j++;
        } else {
            p->need_year = true;
        }
        p->end = j;
        return true;
    }
    if (wday) {
        if (det && s->lang == L_FR && !is_key(s, k, K_LAST) && !is_key(s, k, K_NEXT))
            return false; /* "le mardi" alone: habitual, not a date */
        p->cal.wday = (int8_t)wday;
        if (is_key(s, k, K_LAST)) {
            p->wday_dir = -1;
            k++;
        } else if (is_key(s, k, K_NEXT)) {
            p->wday_dir = 1;
            k++;
        }
        int pod = 0;
        uint32_t e2 = pod_suffix(s, k, &pod, p);
        if (pod) {
            p->cal.pod = (uint8_t)pod;
            p->type = TV_TIMEX_TIME;
        }
        p->first = det && s->lang == L_EN ? i + 1 : i;
        p->end = e2;
        return true;
    }
    if (det && s->lang == L_FR)
        return false;
    /* month [year] */
    if (month_at(s, i, true, &mo, &me)) {
        if (year_tok(s, me, &y)) {
            p->cal.mo = (int8_t)mo;
            p->cal.y = y;
            p->end = me + 1;
            return true;
        }
        if (s->lang == L_EN && tpunct(s, me, ',') && year_tok(s, me + 1, &y)) {
            p->cal.mo = (int8_t)mo;
            p->cal.y = y;
            p->end = me + 2;
            return true;
        }
        if (W(s, i)->flags & W_AMBIG)
            return false;
        if (s->lang == L_EN && !(t->flags & TV_TF_CAP))
            return false;
        p->cal.mo = (int8_t)mo;
        p->need_year = true;
        p->end = me;
        return true;
    }
    /* numeric dates: 13/09/2022, 13.09.2022, 2022-09-13, 09/13/2022 (en) */
    if (t->kind == TV_TOK_NUMBER) {
        const char *norm = s->x->norm;
        size_t a = t->nstart, lim = s->x->norm_len;
        int f[3] = {0, 0, 0}, nd[3] = {0, 0, 0};
        char sep = 0;
        size_t q = a;
        int nf = 0;
        for (; nf < 3; nf++) {
            while (q < lim && norm[q] >= '0' && norm[q] <= '9' && nd[nf] < 5) {
                f[nf] = f[nf] * 10 + (norm[q] - '0');
                nd[nf]++;
                q++;
            }
            if (!nd[nf])
                break;
            if (nf == 2)
                break;
            if (q < lim && (norm[q] == '/' || norm[q] == '.' || norm[q] == '-') && (!sep || norm[q] == sep)) {
                sep = norm[q];
                q++;
            } else {
                break;
            }
        }
        if (nf == 2 && nd[2] && !(q < lim && norm[q] >= '0' && norm[q] <= '9') &&
            !(q + 1 < lim && (norm[q] == '/' || norm[q] == '-') && norm[q + 1] >= '0' && norm[q + 1] <= '9')) {
            uint32_t e = tok_ending_at(s, i, q);
            if (e != UINT32_MAX) {
                int yy, mm, dd;
                if (nd[0] == 4 && nd[1] <= 2 && nd[2] <= 2 && sep != '.') {
                    yy = f[0], mm = f[1], dd = f[2];
                } else if (nd[0] <= 2 && nd[1] <= 2 && (nd[2] == 4 || nd[2] == 2) && sep != '-') {
                    yy = nd[2] == 4 ? f[2] : (f[2] < 50 ? 2000 + f[2] : 1900 + f[2]);
                    if (s->lang == L_EN && sep == '/' && f[0] <= 12)
                        mm = f[0], dd = f[1];
                    else
                        dd = f[0], mm = f[1];
                } else {
                    return false;
                }
                if (yy < 1000 || yy > 2199)
                    return false;
                p->cal.y = yy;
                p->cal.mo = (int8_t)(mm > 0 && mm <= 12 ? mm : 0);
                p->cal.d = (int8_t)(dd > 0 && dd <= 31 ? dd : 0);
                if (!tv_valid_date(yy, mm, dd))
                    p->invalid = true;
                p->end = e + 1;
                return true;
            }
        }
    }
    /* a year alone */
    if (year_tok(s, i, &y)) {
        bool ctx = i > 0 && (tis(s, i - 1, "en") || tis(s, i - 1, "in") || is_key(s, i - 1, K_SINCE) ||
                             tis(s, i - 1, "an") || tis(s, i - 1, "annee") || tis(s, i - 1, "year") ||
                             tis(s, i - 1, "de") || tis(s, i - 1, "of") || tis(s, i - 1, "until") ||
                             tis(s, i - 1, "jusqu'en"));
        if (!ctx && (y < 1900 || y > 2099))
            return false;
        /* not a year: "2000 morts", "1 500", "2020 %" */
        const tv_token *nx = T(s, i + 1);
        if (nx && (tpunct(s, i + 1, '%') || (nx->kind == TV_TOK_NUMBER && !(nx->flags & TV_TF_SPACE))))
            return false;
        for (size_t n = num_from(s, i); n < s->nnums; n++) {
            const tv_number *nu = &s->nums[n];
            if (nu->tok_first > i)
                break;
            if (nu->tok_end > i && nu->tok_first <= i &&
                (nu->tok_end - nu->tok_first > 1 || (nu->flags & (TV_NUM_PERCENT | TV_NUM_DECIMAL))) &&
                !(nu->flags & TV_NUM_YEAR))
                return false;
        }
        if (!ctx && nx && nx->kind == TV_TOK_WORD && !is_cls(s, i + 1, C_KEY) && W(s, i + 1) == NULL && s->lang == L_FR) {
            /* "2000 soldats": a count; a year is followed by punctuation or a function word */
            const char *np = tv_tok_norm(s->x, nx);
            size_t nn = tv_tok_nlen(nx);
            if (nn > 3 && np[nn - 1] == 's' && !(i > 0 && (tis(s, i - 1, "depuis") || tis(s, i - 1, "entre"))))
                return false;
        }
        p->cal.y = y;
        p->end = i + 1;
        return true;
    }
    (void)w;
    return false;
}

/* Clock times, alone or followed by a zone, a second rendering in another
   zone and/or a day: "09H00, heure de Moscou (06H00 GMT)", "21h lundi". */
static bool m_clock(const scan *s, uint32_t i, pexp *p)
{
    tclock c;
    if (!clock_at(s, i, &c))
        return false;
    const char *z;
    bool local;
    uint32_t e = zone_at(s, c.end, &z, &local);
    bool hasz = e != c.end;
    if (!c.strong && !hasz) {
        /* "9 heures": a time only after à/vers/dès/jusqu'à/avant/après/entre/at */
        bool ctx = i > 0 && (tis(s, i - 1, "a") || tis(s, i - 1, "vers") || tis(s, i - 1, "des") ||
                             tis(s, i - 1, "jusqu'a") || tis(s, i - 1, "avant") || tis(s, i - 1, "apres") ||
                             tis(s, i - 1, "entre") || tis(s, i - 1, "at") || tis(s, i - 1, "et") ||
                             tis(s, i - 1, "partir") || tis(s, i - 1, "until") || tis(s, i - 1, "by") ||
                             tis(s, i - 1, "from"));
        if (!ctx)
            return false;
        if (c.h > 23)
            return false;
    }
    if (T(s, i)->kind == TV_TOK_NUMBER && tv_tok_nlen(T(s, i)) == 4 && !hasz)
        return false;
    if (c.invalid) {
        p->invalid = true;
        p->end = e;
        return true;
    }
    p->type = TV_TIMEX_TIME;
    p->cal.h = (int8_t)c.h;
    p->cal.mi = (int8_t)c.mi;
    if (z) {
        p->zone = z;
        p->zone_named = true;
    }
    p->end = e;
    /* a second rendering: "(06H00 GMT)", ", soit 06H00 GMT" */
    uint32_t k = e;
    bool paren = false;
    if (T(s, k) && T(s, k)->kind == TV_TOK_OPEN) {
        paren = true;
        k++;
    } else if (tpunct(s, k, ',') && tis(s, k + 1, "soit")) {
        k += 2;
    } else {
        k = UINT32_MAX;
    }
    tclock c2;
    if (k != UINT32_MAX && clock_at(s, k, &c2) && !c2.invalid) {
        const char *z2;
        bool l2;
        uint32_t e2 = zone_at(s, c2.end, &z2, &l2);
        if (e2 != c2.end && z2 && (!paren || (T(s, e2) && T(s, e2)->kind == TV_TOK_CLOSE))) {
            /* agree? compare the two instants on the same local date */
            int64_t d0 = s->dct != TV_TIME_NONE ? s->dct / 86400 : 0;
            int64_t yy;
            unsigned mm, dd;
            tv_civil_from_days(d0, &yy, &mm, &dd);
            int64_t t1 = 0, t2 = 0;
            int32_t o1, o2;
            bool ok = false;
            const char *z1 = p->zone_named ? p->zone : s->zone;
            if (tv_zone_to_utc(z1, (int)yy, (int)mm, (int)dd, c.h, c.mi, &t1, &o1, NULL) == TREVE_OK &&
                tv_zone_to_utc(z2, (int)yy, (int)mm, (int)dd, c2.h, c2.mi, &t2, &o2, NULL) == TREVE_OK) {
                int64_t diff = ((t1 - t2) % 86400 + 86400) % 86400;
                ok = diff == 0 || !p->zone_named;
                if (!p->zone_named && diff != 0) {
                    /* first rendering without a zone: the named one wins */
                    p->cal.h = (int8_t)c2.h;
                    p->cal.mi = (int8_t)c2.mi;
                    p->zone = z2;
                    p->zone_named = true;
                }
            }
            if (ok) {
                p->paired = true;
                p->end = paren ? e2 + 1 : e2;
            } else {
                p->disagree_end = e2; /* both kept, both flagged */
            }
        }
    }
    /* a day after the time: "21h lundi", "9 a.m. Tuesday", "06H00 ce matin", "à 9h hier" */
    pexp q;
    uint32_t at = p->end;
    /* "9 p.m. on May 19" is one TIME (as "May 19 at 9 p.m."); after a start
       point, "21 heures à partir du 19 mai", "9 p.m. starting May 19", the date
       is its own expression and the clock time takes its day */
    uint32_t clock_end = p->end;
    bool apart = false;
    if (tis(s, at, "on") || (tis(s, at, ",") && tis(s, at + 1, "on"))) {
        at += tis(s, at, ",") ? 2 : 1;
    } else if (tis(s, at, "a") && tis(s, at + 1, "partir") && (tis(s, at + 2, "du") || tis(s, at + 2, "de"))) {
        at += 3; /* "du 19 mai", "de lundi": the date starts after them */
        apart = true;
    } else if (tis(s, at, "starting") || tis(s, at, "des")) {
        at++;
        apart = true;
    }
    pexp_init(&q, at);
    bool dq = m_anchored(s, at, &q);
    if (!dq) {
        pexp_init(&q, at);
        dq = m_relative(s, at, &q);
    }
    if (!dq) {
        pexp_init(&q, at);
        dq = m_date(s, at, &q, false);
    }
    if (!dq) {
        pexp_init(&q, at);
        dq = m_night(s, at, &q) && (q.night_auto || q.pod_auto);
    }
    if (dq) {
        if (!q.invalid && (q.cal.d || q.cal.wday || (q.rel && q.rel_unit == U_DAY) || q.night_auto || q.pod_auto) &&
            q.cal.h < 0) {
            int8_t h = p->cal.h, mi = p->cal.mi;
            const char *zz = p->zone;
            bool zn = p->zone_named, pr = p->paired;
            uint32_t first = p->first;
            *p = q;
            p->first = first;
            p->cal.h = h;
            p->cal.mi = mi; /* the part of day stays: it moves the hour ("9h ce soir") */
            p->zone = zz;
            p->zone_named = zn;
            p->paired = pr;
            p->type = TV_TIMEX_TIME;
            if (apart)
                p->end = clock_end; /* the day is its own expression */
            return true;
        }
    }
    p->clock_today = true;
    return true;
}

/* ---- resolution ----------------------------------------------------------*/
typedef struct dctl {
    int64_t days; /* local date of the DCT, days since epoch */
    int y, mo, d, h, wd;
    bool whole; /* a DCT at 00:00 local (a date alone): the whole day, no hour to compare with */
} dctl;

static bool dct_local(const scan *s, const char *zone, dctl *l)
{
    if (s->dct == TV_TIME_NONE)
        return false;
    int32_t off = 0;
    if (tv_zone_offset(zone, s->dct, &off, NULL) != TREVE_OK)
        off = 0;
    int64_t t = s->dct + (int64_t)off * 60;
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t y;
    unsigned m, d;
    tv_civil_from_days(days, &y, &m, &d);
    l->days = days;
    l->y = (int)y;
    l->mo = (int)m;
    l->d = (int)d;
    l->h = (int)((t - days * 86400) / 3600);
    l->whole = t - days * 86400 == 0;
    l->wd = tv_iso_weekday(days);
    return true;
}

static void set_day(tv_tcal *c, int64_t days)
{
    int64_t y;
    unsigned m, d;
    tv_civil_from_days(days, &y, &m, &d);
    c->y = (int32_t)y;
    c->mo = (int8_t)m;
    c->d = (int8_t)d;
    c->wday = 0;
}

static int month_days_max(int mo)
{
    static const int md[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return mo >= 1 && mo <= 12 ? md[mo - 1] : 0;
}

/* The last date of the text, for anaphoric expressions ("la veille"). */
typedef struct tanchor {
    bool valid;
    int32_t y;
    int8_t mo, d; /* 0 when the date is coarser (a month, a year) */
    uint8_t basis;
    bool night; /* a night: its small hours are on the next day */
    int8_t h, mi; /* its clock time, or -1 */
    uint32_t sentence;
} tanchor;

/* Can an anaphoric expression of this unit, in this sentence, use a? The
   anchor must be in the same or the previous sentence and precise enough. */
static bool anchor_usable(const scan *s, const pexp *p, const tanchor *a)
{
    if (!a || !a->valid || !p->anch)
        return false;
    uint32_t sent = s->tok[p->first].sentence;
    if (a->sentence + 1 < sent)
        return false;
    switch (p->rel_unit) {
    case U_DAY:
    case U_WEEK: return a->d != 0;
    case U_MONTH: return a->mo != 0;
    case U_YEAR: return true;
    case U_HOUR: return a->d != 0 && a->h >= 0; /* "nine hours later": from a clock time */
    default: return false;
    }
}

/* Anchors p to the DCT (or, for anaphoric expressions, to the anchor);
   fills t. Returns false when nothing must be emitted. */
/* A start point before token i: "à partir de", "dès", "starting", "beginning",
   "effective", "as of" (an optional "on"/"le" between). A past verb before it
   is usually a decision ("a décidé de fermer les bars à partir de mardi"):
   the start itself is not placed in the past by that tense. */
static bool start_point(const scan *s, uint32_t i)
{
    if (i > 0 && (tis(s, i - 1, "on") || tis(s, i - 1, "le")))
        i--;
    if (i >= 2 && tis(s, i - 2, "partir") && (tis(s, i - 1, "de") || tis(s, i - 1, "du") || tis(s, i - 1, "d'")))
        return true;
    if (i >= 2 && tis(s, i - 2, "as") && tis(s, i - 1, "of"))
        return true;
    return i >= 1 && (tis(s, i - 1, "des") || tis(s, i - 1, "starting") || tis(s, i - 1, "beginning") ||
                      tis(s, i - 1, "effective"));
}

static bool resolve(const scan *s, pexp *p, const tanchor *an, tv_timex *t)
{
    memset(t, 0, sizeof *t);
    t->tok_first = p->first;
    t->tok_end = p->end;
    t->span.start = s->tok[p->first].start;
    t->span.end = s->tok[p->end - 1].end;
    t->type = p->type;
    t->start = t->end = TV_TIME_NONE;
    t->dct = s->dct;
    tv_tcal_init(&t->cal);
    snprintf(t->mod, sizeof t->mod, "%s", p->mod);

    if (p->in_count && tense(s, p->first, p->end) < 0) {
        p->type = TV_TIMEX_DURATION; /* "have risen 20 percent in two years": "in" stays outside */
        p->first++;
        t->tok_first = p->first;
        t->span.start = s->tok[p->first].start;
        t->type = p->type;
    } else if (p->in_count) {
        t->mod[0] = '\0'; /* the bound is the duration's, not the date's */
    }
    if (p->type == TV_TIMEX_DURATION || p->type == TV_TIMEX_SET) {
        snprintf(t->value, sizeof t->value, "%s", p->value);
        t->precision = (uint8_t)p->prec;
        t->basis = TV_BASIS_EXPLICIT;
        return true;
    }
    if (p->ref) {
        static const char *refs[] = {"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"};
        snprintf(t->value, sizeof t->value, "%s", refs[p->ref]);
        t->precision = TV_PREC_NONE;
        if (s->dct == TV_TIME_NONE) {
            t->basis = TV_BASIS_UNRESOLVED;
        } else {
            t->basis = TV_BASIS_RELATIVE;
            if (p->ref == 2)
                t->end = s->dct;
            else
                t->start = s->dct;
        }
        return true;
    }
    tv_tcal c = p->cal;
    /* a part of day with a clock time ("ce soir à 9h", "dans la nuit à
       3h00") is one TIME: the part of day moves a 12-hour reading to the
       afternoon/evening, and a small hour of a night is on the next day
       (a night is named by the day it starts). */
    int pod0 = c.pod;
    bool night_next = false;
    if (c.pod && c.h >= 0) {
        if ((c.pod == TV_POD_AF || c.pod == TV_POD_EV) && c.h >= 1 && c.h < 12)
            c.h = (int8_t)(c.h + 12);
        else if (c.pod == TV_POD_NI && c.h >= 8 && c.h < 12)
            c.h = (int8_t)(c.h + 12);
        night_next = c.pod == TV_POD_NI && c.h < 12;
        c.pod = 0;
    }
    /* calendar validity before anything else: "31 février" */
    if (c.d && c.mo) {
        if (c.d > month_days_max(c.mo))
            return false;
        if (c.y >= 0 && !tv_valid_date(c.y, c.mo, c.d))
            return false;
    }
    const char *zone = p->zone_named ? p->zone : s->zone;
    bool needs = p->rel || p->need_year || p->night_auto || p->pod_auto || p->clock_today || (c.wday && !c.d);
    dctl l;
    bool anchored = needs && anchor_usable(s, p, an);
    /* a clock time alone takes the day of the last day-precise date of the
       same or the previous sentence ("Ils affronteront les Pays-Bas
       vendredi. Le coup d'envoi sera donné à 21h00."), as annotators
       anchor it; not when the clause's tense points the other way from
       the DCT (a future clause after a past date). */
    if (needs && !anchored && p->clock_today && an && an->valid && an->d &&
        an->sentence + 1 >= s->tok[p->first].sentence) {
        dctl dl;
        anchored = true;
        if (dct_local(s, zone, &dl)) {
            int64_t ad = tv_days_from_civil(an->y, (unsigned)an->mo, (unsigned)an->d);
            int tt = tense(s, p->first, p->end);
            if ((tt > 0 && ad < dl.days) || (tt < 0 && ad > dl.days))
                anchored = false;
        }
    }
    if (p->anch && p->rel_unit == U_HOUR && !anchored) {
        /* "neuf heures plus tard" with no clock time before it: the duration */
        t->type = TV_TIMEX_DURATION;
        t->tok_end = p->dur_end;
        t->span.end = s->tok[p->dur_end - 1].end;
        snprintf(t->value, sizeof t->value, "%s", p->value);
        t->precision = (uint8_t)p->prec;
        t->basis = TV_BASIS_EXPLICIT;
        return true;
    }
    bool have;
    if (anchored) {
        /* counted from the anchor's date: its first day when it is a month or a year */
        l.y = an->y;
        l.mo = an->mo ? an->mo : 1;
        l.d = an->d ? an->d : 1;
        l.days = tv_days_from_civil(l.y, (unsigned)l.mo, (unsigned)l.d);
        l.h = 12;
        l.whole = true;
        l.wd = tv_iso_weekday(l.days);
        have = true;
    } else {
        have = needs && dct_local(s, zone, &l);
    }
    if (needs && !have) {
        t->basis = TV_BASIS_UNRESOLVED;
        if (p->rel) {
            /* underspecified value */
            switch (p->rel_unit) {
            case U_WEEK: snprintf(t->value, sizeof t->value, "XXXX-WXX%s", c.weekend ? "-WE" : ""); break;
            case U_MONTH: snprintf(t->value, sizeof t->value, "XXXX-XX"); break;
            case U_YEAR: snprintf(t->value, sizeof t->value, "XXXX"); break;
            case U_CENTURY: snprintf(t->value, sizeof t->value, "XX"); break;
            default: {
                tv_tcal u = c;
                u.y = -1;
                u.mo = u.d = 0;
                tv_tcal_value(&u, t->value, sizeof t->value);
                if (!strcmp(t->value, "XXXX"))
                    snprintf(t->value, sizeof t->value, "XXXX-XX-XX");
            }
            }
        } else {
            tv_tcal_value(&c, t->value, sizeof t->value);
        }
        t->precision = (uint8_t)(p->rel ? unit_prec[p->rel_unit] : tv_tcal_precision(&c));
        if (p->rel && c.pod)
            t->precision = TV_PREC_PART_OF_DAY;
        if (p->rel && c.h >= 0)
            t->precision = TV_PREC_MINUTE;
        if (c.cmod)
            snprintf(t->mod, sizeof t->mod, "%s", c.cmod == 1 ? "START" : c.cmod == 2 ? "MID" : "END");
        snprintf(t->zone, sizeof t->zone, "%s", zone);
        t->flags = (uint8_t)((p->zone_named ? TV_TIMEX_ZONE_NAMED : TV_TIMEX_LOCAL) | (p->paired ? TV_TIMEX_PAIRED : 0));
        t->cal = c;
        return true;
    }
    int tn = 0;
    bool tense_done = false;
#define TENSE() (tense_done ? tn : (tense_done = true, tn = tense(s, p->first, p->end)))
    if (have) {
        if (p->rel) {
            switch (p->rel_unit) {
            case U_DAY: set_day(&c, l.days + p->rel_n); break;
            case U_WEEK: {
                int32_t iy;
                int iw;
                tv_iso_week(l.days + 7 * (int64_t)p->rel_n, &iy, &iw);
                c.y = iy;
                c.week = (int8_t)iw;
                break;
            }
            case U_MONTH: {
                int64_t m = (int64_t)l.y * 12 + (l.mo - 1) + p->rel_n;
                c.y = (int32_t)(m / 12);
                c.mo = (int8_t)(m % 12 + 1);
                break;
            }
            case U_YEAR: c.y = l.y + p->rel_n; break;
            case U_CENTURY: c.century = (int16_t)(l.y / 100 + p->rel_n); break;
            case U_HOUR:
                if (anchored && p->anch) {
                    /* counted from the anchor's clock time, in local civil minutes */
                    int64_t m = l.days * 1440 + an->h * 60 + (an->mi > 0 ? an->mi : 0) + (int64_t)p->rel_n * 60;
                    int64_t days = m >= 0 ? m / 1440 : -((-m + 1439) / 1440);
                    set_day(&c, days);
                    c.h = (int8_t)((m - days * 1440) / 60);
                    c.mi = an->mi >= 0 ? (int8_t)((m - days * 1440) % 60) : -1;
                    break;
                }
                /* fall through */
            case U_MIN: {
                int64_t tt = s->dct + (int64_t)p->rel_n * (p->rel_unit == U_HOUR ? 3600 : 60);
                int32_t off = 0;
                tv_zone_offset(zone, tt, &off, NULL);
                int64_t lt = tt + (int64_t)off * 60;
                int64_t days = lt >= 0 ? lt / 86400 : -((-lt + 86399) / 86400);
                set_day(&c, days);
                int64_t sec = lt - days * 86400;
                c.h = (int8_t)(sec / 3600);
                c.mi = p->rel_unit == U_MIN ? (int8_t)(sec / 60 % 60) : -1;
                break;
            }
            default: return false;
            }
        }
        if (c.wday && !c.d) {
            int back = ((l.wd - c.wday) % 7 + 7) % 7; /* 0..6 days back */
            int64_t day;
            int dir = p->wday_dir;
            if (!dir && back == 0)
                day = l.days; /* "mardi matin" on a Tuesday: that day */
            else {
                if (!dir) {
                    int tt = TENSE();
                    if (tt < 0 && start_point(s, p->first))
                        tt = 0; /* "a décidé de fermer … à partir de mardi": the start is not past */
                    dir = tt ? tt : (back <= 3 ? -1 : 1);
                }
                if (dir < 0)
                    day = l.days - (back ? back : 7);
                else
                    day = l.days + (back ? 7 - back : 7);
            }
            set_day(&c, day);
        }
        if (p->need_year) {
            int tt = p->wday_dir ? p->wday_dir : TENSE();
            if (c.part) {
                /* a quarter or a half without a year: past → the latest that has begun
                   by the DCT, future → the earliest not over, else the DCT's year */
                int fm = c.part > 4 ? (c.part - 5) * 6 + 1 : (c.part - 1) * 3 + 1;
                int len = c.part > 4 ? 6 : 3;
                int y = l.y;
                if (tt < 0 && fm > l.mo)
                    y--;
                if (tt > 0 && fm + len - 1 < l.mo)
                    y++;
                c.y = y;
            } else if (c.season) {
                static const int first[] = {0, 3, 6, 9, 12};
                int fm = first[c.season % 5];
                int y = l.y;
                if (l.mo < 3 && c.season == 4)
                    y = l.y - 1; /* January: "cet hiver" began in December */
                if (tt < 0 && (y * 12 + fm > l.y * 12 + l.mo || (p->wday_dir < 0 && y * 12 + fm + 3 > l.y * 12 + l.mo)))
                    y--;
                if (tt > 0 && y * 12 + fm + 2 < l.y * 12 + l.mo)
                    y++;
                if (p->wday_dir > 0 && y * 12 + fm <= l.y * 12 + l.mo)
                    y++;
                c.y = y;
            } else if (c.d) {
                int64_t best = 0;
                int by = l.y;
                bool found = false;
                for (int y = l.y - 1; y <= l.y + 1; y++) {
                    if (!tv_valid_date(y, c.mo, c.d))
                        continue;
                    int64_t dd = tv_days_from_civil(y, (unsigned)c.mo, (unsigned)c.d) - l.days;
                    if (tt < 0 && dd > 1)
                        continue;
                    if (tt > 0 && dd < -1)
                        continue;
                    int64_t ad = dd < 0 ? -dd : dd;
                    if (!found || ad < best) {
                        best = ad;
                        by = y;
                        found = true;
                    }
                }
                if (!found)
                    return false; /* 29 février in no nearby year */
                c.y = by;
            } else if (c.mo) {
                int y = l.y;
                if (p->wday_dir < 0)
                    y = c.mo >= l.mo ? l.y - 1 : l.y;
                else if (p->wday_dir > 0)
                    y = c.mo <= l.mo ? l.y + 1 : l.y;
                else if (tt < 0 && c.mo > l.mo)
                    y = l.y - 1;
                else if (tt > 0 && c.mo < l.mo)
                    y = l.y + 1;
                c.y = y;
            }
        }
        if (p->night_auto) {
            int tt = TENSE();
            int64_t day = tt > 0 ? l.days : (l.h >= 22 ? l.days : l.days - 1);
            set_day(&c, day);
            if (c.h < 0)
                c.pod = TV_POD_NI;
        }
        if (p->pod_auto) {
            /* the hour the phrase starts at ("en fin de journée": 16h) */
            static const int pod_from[] = {0, 6, 12, 18, 22, 6};
            static const int pod_len[] = {24, 6, 6, 4, 8, 12};
            int from = pod_from[pod0 % 6];
            if (c.cmod == TV_MOD_MID)
                from += pod_len[pod0 % 6] / 3;
            else if (c.cmod == TV_MOD_END)
                from += pod_len[pod0 % 6] * 2 / 3;
            int64_t day = l.days;
            if (!l.whole && TENSE() < 0 && from > l.h)
                day--;
            set_day(&c, day);
        }
        if (p->clock_today) {
            /* after a night ("overnight… shortly after midnight"), the small hours are its next day */
            set_day(&c, l.days + (anchored && an->night && c.h >= 0 && c.h < 12 ? 1 : 0));
            if (!l.whole && TENSE() < 0 && (c.h > l.h + 1))
                set_day(&c, l.days - 1);
        }
        t->basis = anchored ? an->basis : TV_BASIS_RELATIVE;
    } else {
        t->basis = TV_BASIS_EXPLICIT;
    }
#undef TENSE
    int shift = (night_next ? 1 : 0) + p->day_shift;
    if (shift && c.y >= 0 && c.mo && c.d && tv_valid_date(c.y, c.mo, c.d))
        set_day(&c, tv_days_from_civil(c.y, (unsigned)c.mo, (unsigned)c.d) + shift);
    if (c.y >= 0 && c.d && c.mo && !tv_valid_date(c.y, c.mo, c.d))
        return false;
    if (c.y > 9999 || (c.y >= 0 && c.y < 1))
        return false;
    t->cal = c;
    t->precision = (uint8_t)tv_tcal_precision(&c);
    tv_tcal_value(&c, t->value, sizeof t->value);
    if (c.cmod)
        snprintf(t->mod, sizeof t->mod, "%s", c.cmod == 1 ? "START" : c.cmod == 2 ? "MID" : "END");
    snprintf(t->zone, sizeof t->zone, "%s", zone);
    t->flags = (uint8_t)((p->zone_named ? TV_TIMEX_ZONE_NAMED : TV_TIMEX_LOCAL) | (p->paired ? TV_TIMEX_PAIRED : 0) |
                         (anchored ? TV_TIMEX_ANCHORED : 0));
    treve_error e = {0};
    int rc = tv_tcal_interval(&c, zone, &t->start, &t->end, &t->offset_min, &e);
    if (rc == TREVE_EDATE && c.h >= 0)
        t->flags |= TV_TIMEX_DST_GAP;
    if (rc != TREVE_OK)
        t->start = t->end = TV_TIME_NONE;
    if (p->zone_named && c.h >= 0 && rc == TREVE_OK) {
        size_t n = strlen(t->value);
        int o = t->offset_min;
        if (!strcmp(zone, "UTC"))
            snprintf(t->value + n, sizeof t->value - n, "Z");
        else
            snprintf(t->value + n, sizeof t->value - n, "%c%02d:%02d", o < 0 ? '-' : '+', (o < 0 ? -o : o) / 60,
                     (o < 0 ? -o : o) % 60);
    }
    if (p->since && s->dct != TV_TIME_NONE && t->start != TV_TIME_NONE && t->start < s->dct) {
        t->end = s->dct;
        t->flags |= TV_TIMEX_SINCE;
    }
    return true;
}

/* ---- the pass ------------------------------------------------------------*/
/* Can an expression start at token i? A cheap filter before the matchers:
   function words that only continue a pattern ("de", "et", "au") never
   start one, and a determiner must be followed by a time word or digits. */
static bool may_start(const scan *s, uint32_t i)
{
    if (i >= s->ntok) /* a bound ("plus de") can end the text */
        return false;
    const tv_token *t = &s->tok[i];
    if (t->kind == TV_TOK_NUMBER || t->kind == TV_TOK_ALNUM)
        return true;
    const tword *w = s->wl[i];
    if (!w) /* "XXe siècle" after "au"/"du" */
        return t->kind == TV_TOK_WORD && is_cls(s, i + 1, C_UNIT) && s->wl[i + 1]->val == U_CENTURY;
    size_t k = num_from(s, i); /* "au moins 44 jours": a bound starts the phrase */
    if (k < s->nnums && s->nums[k].tok_first == i)
        return true;
    if (w->cls != C_KEY) /* units and parts of day only continue a phrase, but "(des) années 90" */
        return (w->cls != C_UNIT && w->cls != C_POD) || (w->val == U_YEAR && tis(s, i, "annees"));
    switch (w->val) {
    case K_OF: case K_AND: case K_AU: case K_DU: case K_TO: case K_AT: case K_HALF: case K_DEMI: case K_CI:
    case K_ON: case K_HEURE: case K_AGO: case K_MOMENT: case K_AVENIR:
    case K_PREV: case K_FOLLOW: case K_LATER: case K_EARLIER: case K_BEFORE: case K_AFTER:
    case K_SAME: case K_VEILLE: case K_LENDEMAIN: case K_PARTW: case K_HOLI:
        return false;
    case K_LAST:
    case K_NEXT:
        return s->lang == L_EN;
    case K_DET:
    case K_THE: {
        const tv_token *u = T(s, i + 1);
        if (!u)
            return false;
        if (u->kind == TV_TOK_NUMBER || u->kind == TV_TOK_ALNUM || s->wl[i + 1])
            return true;
        return u->kind == TV_TOK_WORD && is_cls(s, i + 2, C_UNIT); /* le XXe siècle */
    }
    default:
        return true;
    }
}

/* "plus de deux ans", "moins d'une semaine", "près de deux mois", "more
   than a year", "nearly two months": a bound the numbers stage did not
   attach. TimeML puts it inside the TIMEX3 and says it with mod. Returns
   the token after the bound (i when there is none). */
static uint32_t bound_prefix(const scan *s, uint32_t i, const char **mod)
{
    if (s->lang == L_FR) {
        if ((tis(s, i, "plus") || tis(s, i, "moins") || tis(s, i, "pres")) && (tis(s, i + 1, "de") || tis(s, i + 1, "d'"))) {
            *mod = tis(s, i, "plus") ? "MORE_THAN" : tis(s, i, "moins") ? "LESS_THAN" : "APPROX";
            return i + 2;
        }
        if (tis(s, i, "environ") || tis(s, i, "quelque")) {
            *mod = "APPROX";
            return i + 1;
        }
        return i;
    }
    if ((tis(s, i, "more") || tis(s, i, "less") || tis(s, i, "fewer")) && tis(s, i + 1, "than")) {
        *mod = tis(s, i, "more") ? "MORE_THAN" : "LESS_THAN";
        return i + 2;
    }
    if (tis(s, i, "nearly") || tis(s, i, "almost") || tis(s, i, "about") || tis(s, i, "roughly") ||
        tis(s, i, "approximately") || tis(s, i, "some")) {
        *mod = "APPROX";
        return i + 1;
    }
    return i;
}

/* Vague references made of ordinary words: "les prochains jours", "les
   semaines à venir", "the coming days/weeks/months" → FUTURE_REF; "ces
   derniers jours", "the past few days" are durations elsewhere; "at the
   moment" → PRESENT_REF. */
static bool m_vague_ref(const scan *s, uint32_t i, pexp *p)
{
    uint32_t end = 0;
    int r = 0;
    if (s->lang == L_FR) {
        if (tis(s, i, "les") && (tis(s, i + 1, "prochains") || tis(s, i + 1, "prochaines")) && is_cls(s, i + 2, C_UNIT) &&
            (W(s, i + 2)->flags & W_PLURAL)) {
            r = 3;
            end = i + 3;
        } else if (tis(s, i, "les") && is_cls(s, i + 1, C_UNIT) && (W(s, i + 1)->flags & W_PLURAL) &&
                   (tis(s, i + 2, "a") || tis(s, i + 2, "qui")) && (tis(s, i + 3, "venir") || tis(s, i + 3, "viennent"))) {
            r = 3;
            end = i + 4;
        }
    } else {
        if (tis(s, i, "the") && (tis(s, i + 1, "coming") || tis(s, i + 1, "next") || tis(s, i + 1, "upcoming")) &&
            is_cls(s, i + 2, C_UNIT) && (W(s, i + 2)->flags & W_PLURAL) && !(T(s, i + 2) && T(s, i + 2)->kind == TV_TOK_NUMBER)) {
            r = 3;
            end = i + 3;
        } else if (tis(s, i, "the") && tis(s, i + 1, "moment") && i > 0 && tis(s, i - 1, "at")) {
            r = 1;
            end = i + 2;
        }
    }
    if (!r)
        return false;
    p->first = i;
    p->end = end;
    p->ref = r;
    p->type = TV_TIMEX_DATE;
    return true;
}

/* ---- quarters, halves, holidays, hyphenated durations ---------------------*/
/* An ordinal 1..4 at i ("premier", "1er", "troisième", "3e", "third",
   "3rd", "fourth", "final"), or 0. */
static int ordinal_at(const scan *s, uint32_t i)
{
    if (tis(s, i, "premier") || tis(s, i, "premiere") || tis(s, i, "1er") || tis(s, i, "1ere") ||
        tis(s, i, "first") || tis(s, i, "1st"))
        return 1;
    if (tis(s, i, "deuxieme") || tis(s, i, "second") || tis(s, i, "seconde") || tis(s, i, "2e") ||
        tis(s, i, "2eme") || tis(s, i, "2nd"))
        return 2;
    if (tis(s, i, "troisieme") || tis(s, i, "3e") || tis(s, i, "3eme") || tis(s, i, "third") || tis(s, i, "3rd"))
        return 3;
    if (tis(s, i, "quatrieme") || tis(s, i, "4e") || tis(s, i, "4eme") || tis(s, i, "fourth") ||
        tis(s, i, "4th") || tis(s, i, "final"))
        return 4;
    return 0;
}

/* "[de|of] [l'année|the year] 2020" after a quarter or a half: sets the
   year (or need_year) and returns the end. */
static uint32_t part_year(const scan *s, uint32_t e, pexp *p, bool *has)
{
    int y;
    *has = false;
    if (year_tok(s, e, &y)) {
        p->cal.y = y;
        *has = true;
        return e + 1;
    }
    if ((tis(s, e, "de") || is_key(s, e, K_OF)) && year_tok(s, e + 1, &y)) {
        p->cal.y = y;
        *has = true;
        return e + 2;
    }
    if ((tis(s, e, "de") || is_key(s, e, K_OF)) && (tis(s, e + 1, "l'") || is_key(s, e + 1, K_THE)) &&
        is_cls(s, e + 2, C_UNIT) && W(s, e + 2)->val == U_YEAR && !(W(s, e + 2)->flags & W_PLURAL) &&
        !tis(s, e + 2, "an")) {
        *has = true; /* "de l'année", "of the year": the DCT's (resolved as need_year) */
        p->need_year = true;
        return e + 3;
    }
    p->need_year = true;
    return e;
}

/* Quarters and halves: "le troisième trimestre [2019]", "le premier semestre
   2020", "the third quarter [of 2019]", "the first half of 2020" (English
   halves need "of" + a year or "the year": "the first half" of a match is
   not a date), "Q3 2019", "T3 2019", "H1 2020", "S1 2020" (with a year). */
static bool m_part(const scan *s, uint32_t i, pexp *p)
{
    const tv_token *t = T(s, i);
    if (!t)
        return false;
    p->type = TV_TIMEX_DATE;
    /* Q3 2019, T3 2019 (fr), H1 2020, S1 2020 (fr) */
    if (t->kind == TV_TOK_ALNUM && tv_tok_nlen(t) == 2 && (t->flags & TV_TF_CAP)) {
        const char *q = tv_tok_norm(s->x, t);
        int y, n = q[1] - '0';
        char c = q[0];
        bool quarter = c == 'q' || (c == 't' && s->lang == L_FR);
        bool half = c == 'h' || (c == 's' && s->lang == L_FR);
        if ((quarter && n >= 1 && n <= 4) || (half && n >= 1 && n <= 2)) {
            if (!year_tok(s, i + 1, &y))
                return false;
            p->cal.part = (uint8_t)(quarter ? n : 4 + n);
            p->cal.y = y;
            p->end = i + 2;
            return true;
        }
        return false;
    }
    uint32_t k = i;
    bool det = false;
    if ((is_key(s, k, K_DET) && (tis(s, k, "le") || tis(s, k, "ce"))) || is_key(s, k, K_THE)) {
        k++;
        det = true;
    }
    int n = ordinal_at(s, k);
    if (!n)
        return false;
    bool has;
    if (tis(s, k + 1, "trimestre") || tis(s, k + 1, "quarter")) {
        if (s->lang == L_EN && !det && !(i > 0 && tis(s, i - 1, "in")))
            return false;
        p->cal.part = (uint8_t)n;
        p->end = part_year(s, k + 2, p, &has);
    } else if ((tis(s, k + 1, "semestre") || tis(s, k + 1, "half")) && n <= 2) {
        p->cal.part = (uint8_t)(4 + n);
        p->end = part_year(s, k + 2, p, &has);
        if (s->lang == L_EN && !has)
            return false;
    } else {
        return false;
    }
    return true;
}

/* Fixed-date holidays and French named days: "Noël", "le Nouvel An", "le
   jour de l'An", "la Saint-Sylvestre", "la Toussaint", "le 14-Juillet"
   (any "le 8-Mai", "le 1er-Mai": a day-month joined by a hyphen),
   "Christmas [Day|Eve]", "New Year's [Day|Eve]", "Halloween", "Bastille Day".
   Capitals required; "Noël Mamère" (a name follows) and "le père Noël" are
   not dates. The year comes from the tense (as for "le 25 décembre"). */
static bool m_holiday(const scan *s, uint32_t i, pexp *p)
{
    const tv_token *t = T(s, i);
    if (!t || (t->kind != TV_TOK_WORD && t->kind != TV_TOK_ALNUM))
        return false;
    uint32_t k = i;
    if (s->lang == L_FR && is_key(s, k, K_DET) && (tis(s, k, "le") || tis(s, k, "la") || tis(s, k, "l'")))
        k++;
    const tv_token *h = T(s, k);
    if (!h)
        return false;
    bool cap = (h->flags & TV_TF_CAP) != 0;
    int mo = 0, d = 0;
    uint32_t e = k + 1;
    if (s->lang == L_FR) {
        if (cap && tis(s, k, "noel") && k == i) {
            if (i > 0 && (tis(s, i - 1, "pere") || tis(s, i - 1, "papa")))
                return false;
            mo = 12, d = 25;
        } else if (tis(s, k, "nouvel") && tis(s, k + 1, "an")) {
            mo = 1, d = 1, e = k + 2;
        } else if (tis(s, k, "jour") && k > i && tis(s, k + 1, "de") && tis(s, k + 2, "l'") && tis(s, k + 3, "an") &&
                   (T(s, k + 3)->flags & TV_TF_CAP)) {
            mo = 1, d = 1, e = k + 4;
        } else if (cap && tis(s, k, "saint-sylvestre") && k > i) {
            mo = 12, d = 31;
        } else if (cap && tis(s, k, "toussaint") && k > i) {
            mo = 11, d = 1;
        } else if (h->kind == TV_TOK_ALNUM && (h->flags & TV_TF_HYPHEN)) {
            /* le 14-Juillet, le 8-Mai, le 1er-Mai, le 11-Novembre */
            const char *q = tv_tok_norm(s->x, h);
            size_t n = tv_tok_nlen(h), a = 0;
            while (a < n && a < 2 && q[a] >= '0' && q[a] <= '9')
                d = d * 10 + q[a++] - '0';
            if (!a)
                return false;
            if (a + 2 <= n && q[a] == 'e' && q[a + 1] == 'r')
                a += 2;
            if (a >= n || q[a] != '-')
                return false;
            const tword *m = wt_find(q + a + 1, n - a - 1, tv_hash_bytes(q + a + 1, n - a - 1), L_FR);
            if (!m || m->cls != C_MONTH || (m->flags & W_ABBR) || d < 1 || d > 31)
                return false;
            mo = m->val;
        }
    } else {
        if (!cap) {
            return false;
        } else if (tis(s, k, "christmas")) {
            mo = 12, d = 25;
            if (tis(s, k + 1, "day") && (T(s, k + 1)->flags & TV_TF_CAP))
                e = k + 2;
            else if (tis(s, k + 1, "eve") && (T(s, k + 1)->flags & TV_TF_CAP))
                d = 24, e = k + 2;
        } else if (tis(s, k, "new") && tis(s, k + 1, "year") && tis(s, k + 2, "'s") &&
                   (T(s, k + 1)->flags & TV_TF_CAP)) {
            mo = 1, d = 1, e = k + 3;
            if (tis(s, k + 3, "eve") && (T(s, k + 3)->flags & TV_TF_CAP))
                mo = 12, d = 31, e = k + 4;
            else if (tis(s, k + 3, "day") && (T(s, k + 3)->flags & TV_TF_CAP))
                e = k + 4;
        } else if (tis(s, k, "halloween")) {
            mo = 10, d = 31;
        } else if (tis(s, k, "bastille") && tis(s, k + 1, "day")) {
            mo = 7, d = 14, e = k + 2;
        }
    }
    if (!mo)
        return false;
    /* a name follows: "Noël Mamère", "Christmas Island" */
    const tv_token *nx = T(s, e);
    if (nx && nx->kind == TV_TOK_WORD && (nx->flags & TV_TF_CAP) && !(nx->flags & TV_TF_SENT) && !W(s, e))
        return false;
    p->type = TV_TIMEX_DATE;
    p->cal.mo = (int8_t)mo;
    p->cal.d = (int8_t)d;
    int y;
    if (year_tok(s, e, &y)) {
        p->cal.y = y;
        e++;
    } else {
        p->need_year = true;
    }
    p->first = i;
    p->end = e;
    return true;
}

/* English hyphenated durations used as adjectives: "a six-week war", "a
   72-hour ceasefire", "a 51-day war", "a one-week break" → P6W, PT72H. The
   span is the hyphenated word (TimeML: the article stays outside). */
static bool m_hyphen_duration(const scan *s, uint32_t i, pexp *p)
{
    const tv_token *t = T(s, i);
    if (!t || !(t->flags & TV_TF_HYPHEN) || s->lang != L_EN)
        return false;
    const char *q = tv_tok_norm(s->x, t);
    size_t n = tv_tok_nlen(t);
    const char *dash = memchr(q, '-', n);
    if (!dash || dash == q)
        return false;
    size_t a = (size_t)(dash - q), b = n - a - 1;
    const tword *u = wt_find(dash + 1, b, tv_hash_bytes(dash + 1, b), L_EN);
    if (!u || u->cls != C_UNIT || (u->flags & W_PLURAL) || u->val == U_WEEKEND)
        return false;
    double v = 0;
    if (q[0] >= '0' && q[0] <= '9') {
        for (size_t k = 0; k < a; k++) {
            if (q[k] < '0' || q[k] > '9' || k >= 6)
                return false;
            v = v * 10 + (q[k] - '0');
        }
    } else {
        const tword *w = wt_find(q, a, tv_hash_bytes(q, a), L_EN);
        if (!w || w->cls != C_NUM || !strcmp(w->w, "a") || !strcmp(w->w, "an"))
            return false;
        v = w->val;
    }
    if (v <= 0)
        return false;
    /* "a 24-hour curfew" is a duration; "the 20th-century" is not reached (no unit) */
    dur_value(p->value, sizeof p->value, v, false, u->val);
    p->prec = unit_prec[u->val];
    p->type = TV_TIMEX_DURATION;
    p->first = i;
    p->end = i + 1;
    return true;
}

static bool match_at(const scan *s, uint32_t i, pexp *p)
{
    const char *bmod = NULL;
    uint32_t b = bound_prefix(s, i, &bmod);
    if (b != i) {
        pexp_init(p, b);
        if (may_start(s, b) && m_duration(s, b, p) && p->first == b && !p->mod[0]) {
            p->first = i;
            snprintf(p->mod, sizeof p->mod, "%s", bmod);
            return true;
        }
    }
    pexp_init(p, i);
    if (m_vague_ref(s, i, p))
        return true;
    /* quarters, holidays, hyphenated durations: cheap gates on the table words first */
    const tv_token *ti = &s->tok[i];
    if (ti->kind == TV_TOK_ALNUM || ti->kind == TV_TOK_WORD) {
        bool part = is_key(s, i + 1, K_PARTW) || is_key(s, i + 2, K_PARTW) ||
                    (s->lang == L_EN && (is_key(s, i + 1, K_HALF) || is_key(s, i + 2, K_HALF))) ||
                    (ti->kind == TV_TOK_ALNUM && tv_tok_nlen(ti) == 2 && (ti->flags & TV_TF_CAP));
        if (part && (pexp_init(p, i), m_part(s, i, p)))
            return true;
        const tv_token *tn = T(s, i + 1);
        bool holi = is_key(s, i, K_HOLI) || is_key(s, i + 1, K_HOLI) ||
                    (ti->kind == TV_TOK_ALNUM && (ti->flags & TV_TF_HYPHEN)) ||
                    (tn && tn->kind == TV_TOK_ALNUM && (tn->flags & TV_TF_HYPHEN)) ||
                    (s->lang == L_EN && tis(s, i, "new")) || (s->lang == L_FR && tis(s, i + 1, "jour"));
        if (holi && (pexp_init(p, i), m_holiday(s, i, p)))
            return true;
        if (s->lang == L_EN && (ti->flags & TV_TF_HYPHEN) && (pexp_init(p, i), m_hyphen_duration(s, i, p)))
            return true;
    }
    if (!may_start(s, i))
        return false;
    pexp_init(p, i);
    if (s->wl[i]) {
        if (m_ref(s, i, p))
            return true;
        pexp_init(p, i);
        if (m_set(s, i, p))
            return true;
        pexp_init(p, i);
        if (m_night(s, i, p))
            return true;
    }
    pexp_init(p, i);
    if (m_podphrase(s, i, p))
        return true;
    pexp_init(p, i);
    if (m_anchored(s, i, p))
        return true;
    pexp_init(p, i);
    if (m_relative(s, i, p))
        return true;
    pexp_init(p, i);
    if (m_early_late(s, i, p))
        return true;
    pexp_init(p, i);
    if (m_clock(s, i, p)) {
        /* "9 heures" not in a tclock context was refused; durations below */
        return true;
    }
    pexp_init(p, i);
    if (m_duration(s, i, p))
        return true;
    pexp_init(p, i);
    if (m_date(s, i, p, true)) {
        if (p->invalid)
            return true;
        /* a part of day or a tclock time after a day: "mardi 13 septembre au matin", "le 9 novembre à 10h" */
        if (p->cal.d && p->cal.h < 0) {
            int pod = 0;
            uint32_t e = pod_suffix(s, p->end, &pod, p);
            if (e != p->end) {
                p->cal.pod = (uint8_t)pod;
                if (pod)
                    p->type = TV_TIMEX_TIME;
                p->end = e;
            }
            p->end = time_suffix(s, p->end, p);
        } else if (p->cal.wday && !p->cal.d) {
            p->end = time_suffix(s, p->end, p);
        }
        if (i > 0 && is_key(s, i - 1, K_SINCE))
            p->since = true;
        return true;
    }
    return false;
}

int tv_times_find(const tv_text *text, const tv_number *nums, size_t nnums, const tv_time_options *opt,
                  tv_arena *a, tv_timex **out, size_t *nout, treve_error *err)
{
    *out = NULL;
    *nout = 0;
    if (!text || !opt || !a)
        return tv_fail(err, TREVE_EINVAL, "missing argument", 0, 0);
    pthread_once(&wt_once, wt_build);
    scan s = {0};
    s.x = text;
    s.tok = text->tok;
    s.ntok = text->ntok > UINT32_MAX - 8 ? UINT32_MAX - 8 : (uint32_t)text->ntok;
    s.nums = nums;
    s.nnums = nums ? nnums : 0;
    s.opt = opt;
    s.lang = opt->lang && !strncmp(opt->lang, "en", 2) ? L_EN : L_FR;
    s.zone = opt->zone && *opt->zone ? opt->zone : "UTC";
    if (!tv_zone_known(s.zone))
        return tv_fail(err, TREVE_ETZ, "unknown time zone", 0, 0);
    s.dct = opt->dct;
    s.a = a;
    if (s.ntok == 0)
        return TREVE_OK;
    s.wl = tv_arena_array(a, s.ntok, sizeof *s.wl);
    if (!s.wl)
        return tv_fail(err, TREVE_ENOMEM, "out of memory (times)", 0, 0);
    for (uint32_t i = 0; i < s.ntok; i++) {
        const tv_token *t = &s.tok[i];
        if (t->kind == TV_TOK_WORD || t->kind == TV_TOK_ALNUM) {
            const char *np = tv_tok_norm(text, t);
            size_t nn = tv_tok_nlen(t);
            s.wl[i] = wt_find(np, nn, t->hash, s.lang);
            /* "mi-septembre", "mid-2021": one token, read by m_date */
            if (!s.wl[i] && nn > 4 && np[0] == 'm' && np[1] == 'i' && (np[2] == '-' || (np[2] == 'd' && np[3] == '-')))
                s.wl[i] = wt_find("mi", 2, tv_hash_bytes("mi", 2), L_FR);
        }
    }
    tv_vec v;
    tv_vec_init(&v, sizeof(tv_timex), s.ntok);
    uint32_t warn_until = 0;
    tanchor anchor = {0};
    for (uint32_t i = 0; i < s.ntok;) {
        pexp p;
        if (match_at(&s, i, &p) && p.end > i) {
            if (!p.invalid) {
                tv_timex tx;
                if (resolve(&s, &p, &anchor, &tx)) {
                    if (p.disagree_end)
                        tx.flags |= TV_TIMEX_DISAGREE;
                    else if (i < warn_until && tx.type == TV_TIMEX_TIME)
                        tx.flags |= TV_TIMEX_DISAGREE;
                    warn_until = p.disagree_end;
                    /* the last dated expression anchors the next "la veille" */
                    if ((tx.type == TV_TIMEX_DATE || tx.type == TV_TIMEX_TIME) && tx.cal.y >= 0 && !tx.cal.week &&
                        tx.cal.decade < 0 && tx.cal.century < 0 && !tx.cal.wday &&
                        (tx.basis == TV_BASIS_EXPLICIT || tx.basis == TV_BASIS_RELATIVE)) {
                        anchor.valid = true;
                        anchor.y = tx.cal.y;
                        anchor.mo = tx.cal.season || tx.cal.part ? 0 : tx.cal.mo;
                        anchor.d = tx.cal.season || tx.cal.part ? 0 : tx.cal.d;
                        anchor.basis = tx.basis;
                        anchor.night = tx.cal.pod == TV_POD_NI;
                        anchor.h = tx.cal.h;
                        anchor.mi = tx.cal.mi;
                        anchor.sentence = s.tok[tx.tok_first].sentence;
                    }
                    tv_timex *slot = tv_vec_push(&v, a);
                    if (!slot)
                        return tv_fail(err, TREVE_ENOMEM, "out of memory (times)", 0, 0);
                    *slot = tx;
                }
            }
            i = p.end;
        } else {
            i++;
        }
    }
    *out = v.data;
    *nout = v.len;
    return TREVE_OK;
}

int tv_timex_relocate(tv_timex *t, const char *zone, treve_error *err)
{
    if (!t || !zone)
        return tv_fail(err, TREVE_EINVAL, "missing argument", 0, 0);
    if (!tv_zone_known(zone))
        return tv_fail(err, TREVE_ETZ, "unknown time zone", 0, 0);
    if (!(t->flags & TV_TIMEX_LOCAL) || (t->flags & TV_TIMEX_ZONE_NAMED))
        return TREVE_OK;
    if (t->type != TV_TIMEX_DATE && t->type != TV_TIMEX_TIME)
        return TREVE_OK;
    snprintf(t->zone, sizeof t->zone, "%s", zone);
    if (t->basis == TV_BASIS_UNRESOLVED || t->cal.y < 0)
        return TREVE_OK;
    int64_t st, en;
    int32_t off;
    treve_error e = {0};
    int rc = tv_tcal_interval(&t->cal, zone, &st, &en, &off, &e);
    t->flags &= (uint8_t)~TV_TIMEX_DST_GAP;
    if (rc == TREVE_OK) {
        t->start = st;
        t->end = (t->flags & TV_TIMEX_SINCE) && t->dct != TV_TIME_NONE ? t->dct : en;
        t->offset_min = off;
    } else {
        t->start = t->end = TV_TIME_NONE;
        if (rc == TREVE_EDATE && t->cal.h >= 0)
            t->flags |= TV_TIMEX_DST_GAP;
    }
    return TREVE_OK;
}
