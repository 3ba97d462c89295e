/*
 * times_calendar.c — the arithmetic half of the times stage: a local
 * calendar value (tv_tcal: year, month, day, ISO week, season, decade, part
 * of day, clock time) → its ISO-TimeML TIMEX3 value string and its UTC
 * interval [start, end) in a given IANA zone (through lib/timezone.c).
 *
 * Conventions (documented in docs/times.md):
 *   parts of day, local hours: morning TMO [06,12), afternoon TAF [12,18),
 *   evening TEV [18,22), night TNI [22, 06 next day) — the night is named by
 *   the day it starts on —, daytime TDT [06,18);
 *   seasons are meteorological: SP Mar–May, SU Jun–Aug, FA Sep–Nov,
 *   WI Dec–Feb (the winter of 2020 starts in December 2020);
 *   START / MID / END narrow an interval to its first, middle or last third;
 *   a clock time is an instant: start set, end TV_TIME_NONE.
 */
#include "times.h"

#include <stdio.h>

void tv_tcal_init(tv_tcal *c)
{
    memset(c, 0, sizeof *c);
    c->y = -1;
    c->h = c->mi = -1;
    c->decade = c->century = -1;
}

bool tv_valid_date(int64_t y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    int n = mdays[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        n = 29;
    return d <= n;
}

int tv_iso_weekday(int64_t days)
{
    int64_t r = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    if (r < 0)
        r += 7;
    return (int)r + 1;
}

void tv_iso_week(int64_t days, int32_t *iso_year, int *week)
{
    int64_t thu = days - (tv_iso_weekday(days) - 1) + 3;
    int64_t y;
    unsigned m, d;
    tv_civil_from_days(thu, &y, &m, &d);
    int64_t jan1 = tv_days_from_civil(y, 1, 1);
    *iso_year = (int32_t)y;
    *week = (int)((thu - jan1) / 7 + 1);
}

static int64_t iso_week_monday(int32_t y, int week)
{
    int64_t jan4 = tv_days_from_civil(y, 1, 4);
    return jan4 - (tv_iso_weekday(jan4) - 1) + (int64_t)(week - 1) * 7;
}

int tv_tcal_precision(const tv_tcal *c)
{
    if (c->h >= 0)
        return c->mi >= 0 ? TV_PREC_MINUTE : TV_PREC_HOUR;
    if (c->pod)
        return TV_PREC_PART_OF_DAY;
    if (c->d || c->wday)
        return TV_PREC_DAY;
    if (c->week)
        return TV_PREC_WEEK;
    if (c->mo)
        return TV_PREC_MONTH;
    if (c->season || c->part)
        return TV_PREC_SEASON; /* quarters and halves too: the closest unit, a part of the year */
    if (c->decade >= 0 || c->century >= 0)
        return TV_PREC_DECADE;
    if (c->y >= 0)
        return TV_PREC_YEAR;
    return TV_PREC_NONE;
}

void tv_tcal_value(const tv_tcal *c, char *out, size_t cap)
{
    static const char *pods[] = {"", "MO", "AF", "EV", "NI", "DT"};
    static const char *seasons[] = {"", "SP", "SU", "FA", "WI"};
    size_t n = 0;
#define PUT(...)                                                                                             \
    do {                                                                                                     \
        int k_ = snprintf(out + n, n < cap ? cap - n : 0, __VA_ARGS__);                                      \
        if (k_ > 0)                                                                                          \
            n += (size_t)k_;                                                                                 \
    } while (0)
    if (cap)
        out[0] = '\0';
    if (c->century >= 0) {
        PUT("%02d", c->century);
        return;
    }
    if (c->decade >= 0) {
        PUT("%03d", c->decade);
        return;
    }
    if (c->y >= 0)
        PUT("%04d", (int)c->y);
    else
        PUT("XXXX");
    if (c->week) {
        PUT("-W%02d", c->week);
        if (c->weekend)
            PUT("-WE");
    } else if (c->wday && !c->d) {
        PUT("-WXX-%d", c->wday);
    } else if (c->season) {
        PUT("-%s", seasons[c->season % 5]);
    } else if (c->part) {
        PUT("-%c%d", c->part > 4 ? 'H' : 'Q', c->part > 4 ? c->part - 4 : c->part);
    } else if (c->mo) {
        PUT("-%02d", c->mo);
        if (c->d)
            PUT("-%02d", c->d);
    } else if (c->h >= 0 || c->pod) {
        PUT("-XX-XX");
    }
    if (c->h >= 0) {
        PUT("T%02d", c->h);
        if (c->mi >= 0)
            PUT(":%02d", c->mi);
    } else if (c->pod) {
        PUT("T%s", pods[c->pod % 6]);
    }
    if (n >= cap && cap)
        out[cap - 1] = '\0';
#undef PUT
}

/* Local civil (days since epoch, minutes of day) → UTC, moving forward over
   a DST gap (interval bounds only: instants use the strict conversion). */
static int bound_to_utc(const char *zone, int64_t days, int minutes, int64_t *utc, int32_t *off, treve_error *err)
{
    days += minutes / 1440;
    minutes %= 1440;
    for (int tries = 0; tries < 4; tries++) {
        int64_t y;
        unsigned m, d;
        tv_civil_from_days(days, &y, &m, &d);
        if (y < 1 || y > 9999)
            return tv_fail(err, TREVE_EDATE, "date out of range", 0, 0);
        treve_error e2 = {0};
        int rc = tv_zone_to_utc(zone, (int)y, (int)m, (int)d, minutes / 60, minutes % 60, utc, off, &e2);
        if (rc == TREVE_OK)
            return TREVE_OK;
        if (rc != TREVE_EDATE) {
            if (err)
                *err = e2;
            return rc;
        }
        minutes += 60;
        if (minutes >= 1440) {
            minutes -= 1440;
            days++;
        }
    }
    return tv_fail(err, TREVE_EDATE, "local time does not exist", 0, 0);
}

int tv_tcal_interval(const tv_tcal *c, const char *zone, int64_t *start, int64_t *end, int32_t *offset_min,
                     treve_error *err)
{
    *start = *end = TV_TIME_NONE;
    *offset_min = 0;
    if (!zone)
        zone = "UTC";
    int64_t d0, d1;    /* local days [d0, d1) */
    int m0 = 0, m1 = 0; /* minutes within those days */
    int32_t off = 0, off2 = 0;
    if (c->century >= 0) {
        int64_t y = (int64_t)c->century * 100;
        if (y < 1 || y + 100 > 9999)
            return tv_fail(err, TREVE_EDATE, "date out of range", 0, 0);
        d0 = tv_days_from_civil(y, 1, 1);
        d1 = tv_days_from_civil(y + 100, 1, 1);
    } else if (c->decade >= 0) {
        int64_t y = (int64_t)c->decade * 10;
        if (y < 1 || y + 10 > 9999)
            return tv_fail(err, TREVE_EDATE, "date out of range", 0, 0);
        d0 = tv_days_from_civil(y, 1, 1);
        d1 = tv_days_from_civil(y + 10, 1, 1);
    } else {
        if (c->y < 1 || c->y > 9998)
            return tv_fail(err, TREVE_EDATE, "date out of range", 0, 0);
        int64_t y = c->y;
        if (c->week) {
            if (c->week < 1 || c->week > 53)
                return tv_fail(err, TREVE_EDATE, "no such week", 0, 0);
            int32_t iy;
            int iw;
            d0 = iso_week_monday((int32_t)y, c->week);
            tv_iso_week(d0, &iy, &iw);
            if (iy != y || iw != c->week)
                return tv_fail(err, TREVE_EDATE, "no such week", 0, 0);
            d1 = d0 + 7;
            if (c->weekend)
                d0 += 5;
        } else if (c->season) {
            static const int first[] = {0, 3, 6, 9, 12};
            int fm = first[c->season % 5];
            if (!fm)
                return tv_fail(err, TREVE_EDATE, "no such season", 0, 0);
            d0 = tv_days_from_civil(y, (unsigned)fm, 1);
            d1 = fm == 12 ? tv_days_from_civil(y + 1, 3, 1) : tv_days_from_civil(y, (unsigned)fm + 3, 1);
        } else if (c->part) {
            if (c->part > 6)
                return tv_fail(err, TREVE_EDATE, "no such quarter", 0, 0);
            int fm = c->part > 4 ? (c->part - 5) * 6 + 1 : (c->part - 1) * 3 + 1;
            int lm = fm + (c->part > 4 ? 6 : 3);
            d0 = tv_days_from_civil(y, (unsigned)fm, 1);
            d1 = lm > 12 ? tv_days_from_civil(y + 1, 1, 1) : tv_days_from_civil(y, (unsigned)lm, 1);
        } else if (c->mo) {
            if (c->mo < 1 || c->mo > 12)
                return tv_fail(err, TREVE_EDATE, "no such month", 0, 0);
            if (c->d) {
                if (!tv_valid_date(y, c->mo, c->d))
                    return tv_fail(err, TREVE_EDATE, "no such date", 0, 0);
                d0 = tv_days_from_civil(y, (unsigned)c->mo, (unsigned)c->d);
                d1 = d0 + 1;
                if (c->h >= 0) {
                    if (c->h > 23 || c->mi > 59)
                        return tv_fail(err, TREVE_EDATE, "no such time", 0, 0);
                    int64_t t;
                    int rc = tv_zone_to_utc(zone, (int)y, c->mo, c->d, c->h, c->mi < 0 ? 0 : c->mi, &t, &off, err);
                    if (rc)
                        return rc;
                    *start = t;
                    *end = c->mi < 0 ? t + 3600 : TV_TIME_NONE;
                    *offset_min = off;
                    return TREVE_OK;
                }
                if (c->pod) {
                    static const int pod_from[] = {0, 360, 720, 1080, 1320, 360};
                    static const int pod_to[] = {0, 720, 1080, 1320, 1800, 1080};
                    m0 = pod_from[c->pod % 6];
                    m1 = pod_to[c->pod % 6];
                    d1 = d0;
                }
            } else {
                d0 = tv_days_from_civil(y, (unsigned)c->mo, 1);
                d1 = c->mo == 12 ? tv_days_from_civil(y + 1, 1, 1) : tv_days_from_civil(y, (unsigned)c->mo + 1, 1);
            }
        } else {
            d0 = tv_days_from_civil(y, 1, 1);
            d1 = tv_days_from_civil(y + 1, 1, 1);
        }
    }
    int rc = bound_to_utc(zone, d0, m0, start, &off, err);
    if (rc == TREVE_OK)
        rc = bound_to_utc(zone, d1, m1, end, &off2, err);
    if (rc) {
        *start = *end = TV_TIME_NONE;
        return rc;
    }
    *offset_min = off;
    if (c->cmod && *end > *start) {
        int64_t third = (*end - *start) / 3;
        if (c->cmod == TV_MOD_START)
            *end = *start + third;
        else if (c->cmod == TV_MOD_MID) {
            *start += third;
            *end -= third;
        } else if (c->cmod == TV_MOD_END)
            *start = *end - third;
    }
    return TREVE_OK;
}

const char *tv_precision_name(int p)
{
    static const char *n[] = {"none", "minute", "hour", "part_of_day", "day", "week", "month", "season", "year", "decade"};
    return p >= 0 && p < 10 ? n[p] : "none";
}

const char *tv_basis_name(int b)
{
    static const char *n[] = {"none", "explicit", "relative", "publication", "unresolved"};
    return b >= 0 && b < 5 ? n[b] : "none";
}

const char *tv_timex_type_name(int t)
{
    static const char *n[] = {"NONE", "DATE", "TIME", "DURATION", "SET"};
    return t >= 0 && t < 5 ? n[t] : "NONE";
}
