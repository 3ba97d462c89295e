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

/* Calendar fields of a DATE/TIME expression as a local civil value (before
   conversion to UTC), kept so that tv_timex_relocate can convert it again. */
enum tv_pod { TV_POD_NONE = 0, TV_POD_MO, TV_POD_AF, TV_POD_EV, TV_POD_NI, TV_POD_DT };
enum tv_mod { TV_MOD_NONE = 0, TV_MOD_START, TV_MOD_MID, TV_MOD_END };
typedef struct tv_tcal {
    int32_t y;          /* year, or -1 when unknown (unresolved) */
    int8_t mo, d;       /* 1-based, 0 = none */
    int8_t h, mi;       /* -1 = none */
    int8_t week;        /* ISO week 1..53 (then y is the ISO year), 0 = none */
    int8_t wday;        /* 1 = Monday … 7, for unresolved weekdays; 0 = none */
    uint8_t pod;        /* enum tv_pod */
    uint8_t season;     /* 1 SP, 2 SU, 3 FA, 4 WI; 0 = none */
    uint8_t part;       /* 1..4 quarter Q1..Q4, 5..6 half H1..H2; 0 = none */
    uint8_t weekend;    /* ISO week's week-end */
    uint8_t cmod;       /* enum tv_mod: narrows the interval to a third */
    int16_t decade;     /* 199 for the 1990s; -1 = none */
    int16_t century;    /* 19 for the 20th century; -1 = none */
} tv_tcal;

enum tv_timex_flag {
    TV_TIMEX_ZONE_NAMED = 1 << 0, /* the text names the zone: relocate leaves it alone */
    TV_TIMEX_LOCAL = 1 << 1,      /* calendar value in a local zone: relocate may move it */
    TV_TIMEX_DST_GAP = 1 << 2,    /* the local time does not exist in the zone (reported) */
    TV_TIMEX_SINCE = 1 << 3,      /* "depuis 2020": end is the DCT */
    TV_TIMEX_PAIRED = 1 << 4,     /* two renderings of one instant that agree ("09H00 … (06H00 GMT)") */
    TV_TIMEX_DISAGREE = 1 << 5,   /* one of two renderings that give different instants (both kept) */
    TV_TIMEX_ANCHORED = 1 << 6    /* resolved against an earlier date of the text, not the DCT */
};

typedef struct tv_timex {
    uint32_t tok_first, tok_end; /* tokens of the expression */
    tv_span span;                /* original bytes */
    uint8_t type;                /* enum tv_timex_type */
    uint8_t precision;           /* enum tv_precision */
    uint8_t basis;               /* enum tv_basis */
    bool past_only;              /* an expression that can only look back ("hier", "il y a") */
    char value[40];              /* TIMEX3 value: 2022-09-13T09:00, 2020-FA, P44D, PRESENT_REF */
    char mod[16];                /* TIMEX3 mod: START, END, MID, APPROX, EQUAL_OR_MORE… or "" */
    int64_t start, end;          /* UTC seconds [start, end); TV_TIME_NONE when not an instant/interval */
    char zone[40];               /* IANA zone used for local times, or "" */
    int32_t offset_min;          /* UTC offset applied, minutes (local times) */
    uint8_t flags;               /* enum tv_timex_flag */
    tv_tcal cal;                 /* local calendar value (DATE/TIME) */
    int64_t dct;                 /* DCT used (for SINCE intervals), or TV_TIME_NONE */
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

/* IANA zone named by a folded word ("moscou" → Europe/Moscow, "cest" →
   Etc/GMT-2), or NULL. abbr_only: only abbreviations that can stand alone
   after a clock time (GMT, UTC, CEST, MSK…). */
const char *tv_zone_lookup_name(const char *folded, size_t n, bool abbr_only);
/* True when ICU knows the zone id. */
bool tv_zone_known(const char *zone);

/* lib/times_calendar.c — calendar values to TIMEX3 values and UTC intervals.
   tv_tcal_init: all fields "none". tv_tcal_value writes the TIMEX3 value
   (no zone suffix). tv_tcal_interval converts to a UTC [start, end) in zone;
   returns TREVE_EDATE for impossible dates or a DST gap, TREVE_ETZ. */
void tv_tcal_init(tv_tcal *c);
int tv_tcal_precision(const tv_tcal *c);
void tv_tcal_value(const tv_tcal *c, char *out, size_t cap);
int tv_tcal_interval(const tv_tcal *c, const char *zone, int64_t *start, int64_t *end, int32_t *offset_min,
                     treve_error *err);
/* Days since 1970-01-01 → ISO weekday (1 = Monday) and ISO year/week. */
int tv_iso_weekday(int64_t days);
void tv_iso_week(int64_t days, int32_t *iso_year, int *week);
/* True when y-m-d is a real Gregorian date. */
bool tv_valid_date(int64_t y, int m, int d);

/* lib/times_output.c — one expression as a JSON object (no newline), the
   shape of `treve times` (also used by the debug writer). */
int tv_timex_write_json(const tv_text *text, const tv_timex *t, tv_buf *b);

const char *tv_precision_name(int p);
const char *tv_basis_name(int b);
const char *tv_timex_type_name(int t);

#endif /* TV_TIMES_H */
