/*
 * error.c — error descriptions and ISO 8601 parsing of metadata times
 * (--published, --dct, JSONL "published").
 */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>

const char *treve_strerror(treve_code code)
{
    switch (code) {
    case TREVE_OK: return "no error";
    case TREVE_ENOMEM: return "out of memory";
    case TREVE_EINVAL: return "invalid argument";
    case TREVE_EUTF8: return "invalid UTF-8 sequence";
    case TREVE_ENUL: return "NUL byte in text";
    case TREVE_ETOOBIG: return "article larger than 32 MiB";
    case TREVE_EEMPTY: return "empty article";
    case TREVE_EDICT: return "malformed dictionary line";
    case TREVE_EJSON: return "malformed JSON";
    case TREVE_EDATE: return "unparsable date or time";
    case TREVE_EIO: return "input/output error";
    case TREVE_ETZ: return "unknown time zone";
    case TREVE_EFIELD: return "required field missing";
    case TREVE_ENOTFOUND: return "not found";
    case TREVE_EDB: return "database error";
    case TREVE_ESCHEMA: return "not a treve database, or a newer schema";
    }
    return "unknown error";
}

static int digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return 0;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 1;
}

int treve_parse_iso8601(const char *s, int64_t *out_utc, treve_error *err)
{
    if (!s || !out_utc)
        return tv_fail(err, TREVE_EINVAL, "no date given", 0, 0);
    const char *p = s;
    int y, mo = 1, d = 1, h = 0, mi = 0, sec = 0;
    if (!digits(&p, 4, &y))
        return tv_fail(err, TREVE_EDATE, "expected a year YYYY", (size_t)(p - s), 0);
    if (*p == '-') {
        p++;
        if (!digits(&p, 2, &mo))
            return tv_fail(err, TREVE_EDATE, "expected a month MM", (size_t)(p - s), 0);
        if (*p == '-') {
            p++;
            if (!digits(&p, 2, &d))
                return tv_fail(err, TREVE_EDATE, "expected a day DD", (size_t)(p - s), 0);
        }
    }
    if (mo < 1 || mo > 12)
        return tv_fail(err, TREVE_EDATE, "month out of range", 5, 0);
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d < 1 || d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap))
        return tv_fail(err, TREVE_EDATE, "day out of range", 8, 0);
    int offset_min = 0;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        if (!digits(&p, 2, &h))
            return tv_fail(err, TREVE_EDATE, "expected an hour HH", (size_t)(p - s), 0);
        if (*p == ':') {
            p++;
            if (!digits(&p, 2, &mi))
                return tv_fail(err, TREVE_EDATE, "expected minutes MM", (size_t)(p - s), 0);
            if (*p == ':') {
                p++;
                if (!digits(&p, 2, &sec))
                    return tv_fail(err, TREVE_EDATE, "expected seconds SS", (size_t)(p - s), 0);
                if (*p == '.' || *p == ',') {
                    p++;
                    while (isdigit((unsigned char)*p))
                        p++;
                }
            }
        }
        if (h > 24 || mi > 59 || sec > 60 || (h == 24 && (mi || sec)))
            return tv_fail(err, TREVE_EDATE, "time out of range", 11, 0);
        if (*p == 'Z' || *p == 'z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int sign = *p == '-' ? -1 : 1, oh, om = 0;
            p++;
            if (!digits(&p, 2, &oh))
                return tv_fail(err, TREVE_EDATE, "expected an offset hour", (size_t)(p - s), 0);
            if (*p == ':')
                p++;
            if (isdigit((unsigned char)*p) && !digits(&p, 2, &om))
                return tv_fail(err, TREVE_EDATE, "expected offset minutes", (size_t)(p - s), 0);
            if (oh > 14 || om > 59)
                return tv_fail(err, TREVE_EDATE, "offset out of range", (size_t)(p - s), 0);
            offset_min = sign * (oh * 60 + om);
        }
    }
    if (*p != '\0')
        return tv_fail(err, TREVE_EDATE, "unexpected characters after the date", (size_t)(p - s), 0);
    if (sec == 60)
        sec = 59;
    *out_utc = tv_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + (int64_t)h * 3600 + mi * 60 + sec -
               (int64_t)offset_min * 60;
    return TREVE_OK;
}
