/*
 * times.h — temporal expressions (lib/times.c, zones in lib/timezone.c).
 *
 * Finds French and English temporal expressions in tokens and normalises
 * them to ISO-TimeML TIMEX3 (type, value, mod) and to a UTC interval with a
 * precision, resolving relative expressions against the document creation
 * time (DCT) and local clock times through the IANA zone database (ICU).
 */
#ifndef TV_TIMES_H
#define TV_TIMES_H

#include "internal.h"
#include "text.h"
#include "numbers.h"

#define TV_TIME_NONE INT64_MIN

enum tv_timex_type { TV_TIMEX_DATE = 1, TV_TIMEX_TIME, TV_TIMEX_DURATION, TV_TIMEX_SET };

enum tv_precision {
    TV_PREC_NONE = 0,
    TV_PREC_MINUTE, TV_PREC_HOUR, TV_PREC_PART_OF_DAY, TV_PREC_DAY, TV_PREC_WEEK,
    TV_PREC_MONTH, TV_PREC_SEASON, TV_PREC_YEAR, TV_PREC_DECADE
};

enum tv_basis { TV_BASIS_EXPLICIT = 1, TV_BASIS_RELATIVE, TV_BASIS_PUBLICATION, TV_BASIS_UNRESOLVED };

typedef struct tv_timex {
    uint32_t tok_first, tok_end; /* tokens of the expression */
    tv_span span;                /* original bytes */
    uint8_t type;                /* enum tv_timex_type */
    uint8_t precision;           /* enum tv_precision */
    uint8_t basis;               /* enum tv_basis */
    bool past_only;              /* an expression that can only look back ("hier", "il y a") */
    char value[40];              /* TIMEX3 value: 2022-09-13T09:00, 2020-FA, P44D, PRESENT_REF */
    char mod[12];                /* TIMEX3 mod: START, END, MID, APPROX, BEFORE, AFTER… or "" */
    int64_t start, end;          /* UTC seconds [start, end); TV_TIME_NONE when not an instant/interval */
    char zone[40];               /* IANA zone used for local times, or "" */
    int32_t offset_min;          /* UTC offset applied, minutes (local times) */
} tv_timex;

typedef struct tv_time_options {
    const char *lang;   /* "fr" or "en" */
    int64_t dct;        /* document creation time, UTC seconds; TV_TIME_NONE if unknown */
    const char *zone;   /* IANA zone for times with no named zone (default "UTC") */
} tv_time_options;

/* Finds and normalises every temporal expression, ordered by position. */
int tv_times_find(const tv_text *text, const tv_number *nums, size_t nnums, const tv_time_options *opt,
                  tv_arena *a, tv_timex **out, size_t *nout, treve_error *err);

/* Re-resolves a local-time expression (part of day, clock time without a
   named zone) in another zone: the event stage calls this once it knows
   the place ("dans la nuit" in the Caucasus is UTC+4). */
int tv_timex_relocate(tv_timex *t, const char *zone, treve_error *err);

/* lib/timezone.c — IANA zones through ICU. Converts a local civil time in
   zone to UTC seconds; returns TREVE_ETZ for an unknown zone and TREVE_EDATE
   for a local time that does not exist (DST gap). */
int tv_zone_to_utc(const char *zone, int y, int mo, int d, int h, int mi, int64_t *utc, int32_t *offset_min,
                   treve_error *err);
/* UTC offset (minutes) of zone at instant utc. */
int tv_zone_offset(const char *zone, int64_t utc, int32_t *offset_min, treve_error *err);

const char *tv_precision_name(int p);
const char *tv_basis_name(int b);
const char *tv_timex_type_name(int t);

#endif /* TV_TIMES_H */
