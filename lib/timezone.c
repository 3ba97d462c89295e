/*
 * timezone.c — time zones for the times stage: names in text → IANA zone
 * ids, and local civil time ↔ UTC through ICU's calendar (ucal), which
 * carries the IANA time-zone database. No offset is written by hand here:
 * the table below only says which IANA zone a phrase names ("heure de
 * Moscou" → Europe/Moscow, "CEST" → Etc/GMT-2); ICU says what the offset
 * was at that instant, DST included.
 *
 * Takes: a zone id and a local date-time. Returns: UTC seconds and the
 * offset applied, TREVE_ETZ for a zone ICU does not know, TREVE_EDATE for a
 * local time that does not exist (skipped by a DST change) or out of range.
 *
 * Opening an ICU calendar costs microseconds, so opened calendars are kept
 * in a small process-wide cache (a mutex guards it: ucal objects are not
 * thread-safe). UTC itself never goes through ICU.
 */
#include "times.h"

#include <pthread.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

/* ---- names of zones in text ------------------------------------------------
 * Folded word (or abbreviation) → IANA id. Used after "heure de …",
 * "heure …", "… time", or alone for abbreviations (GMT, CEST). Abbreviations
 * that denote a fixed offset map to the Etc/GMT±N zones (sign inverted, as in
 * the IANA database: Etc/GMT-2 is UTC+2). "local"/"locale" resolve to the
 * document's zone and are handled by the recogniser. */
static const struct tv_zone_name {
    const char *name;
    const char *iana;
    uint8_t abbr; /* 1: an abbreviation that may stand alone after a clock time */
} zone_names[] = {
    {"gmt", "UTC", 1},          {"utc", "UTC", 1},           {"tu", "UTC", 1},
    {"z", "UTC", 1},            {"zulu", "UTC", 1},          {"greenwich", "UTC", 0},
    {"cet", "Etc/GMT-1", 1},    {"cest", "Etc/GMT-2", 1},    {"eet", "Etc/GMT-2", 1},
    {"eest", "Etc/GMT-3", 1},   {"wet", "UTC", 1},           {"west", "Etc/GMT-1", 1},
    {"bst", "Etc/GMT-1", 1},    {"msk", "Europe/Moscow", 1}, {"est", "Etc/GMT+5", 1},
    {"edt", "Etc/GMT+4", 1},    {"cdt", "Etc/GMT+5", 1},     {"pst", "Etc/GMT+8", 1},
    {"pdt", "Etc/GMT+7", 1},    {"hec", "Etc/GMT-1", 1},     {"haec", "Etc/GMT-2", 1},
    {"moscou", "Europe/Moscow", 0},     {"moscow", "Europe/Moscow", 0},
    {"moscovite", "Europe/Moscow", 0},  {"russe", "Europe/Moscow", 0},
    {"paris", "Europe/Paris", 0},       {"francaise", "Europe/Paris", 0},
    {"france", "Europe/Paris", 0},      {"french", "Europe/Paris", 0},
    {"bakou", "Asia/Baku", 0},          {"baku", "Asia/Baku", 0},
    {"erevan", "Asia/Yerevan", 0},      {"yerevan", "Asia/Yerevan", 0},
    {"tbilissi", "Asia/Tbilisi", 0},    {"tbilisi", "Asia/Tbilisi", 0},
    {"kiev", "Europe/Kyiv", 0},         {"kyiv", "Europe/Kyiv", 0},
    {"ukrainienne", "Europe/Kyiv", 0},  {"minsk", "Europe/Minsk", 0},
    {"varsovie", "Europe/Warsaw", 0},   {"warsaw", "Europe/Warsaw", 0},
    {"berlin", "Europe/Berlin", 0},     {"bruxelles", "Europe/Brussels", 0},
    {"brussels", "Europe/Brussels", 0}, {"geneve", "Europe/Zurich", 0},
    {"geneva", "Europe/Zurich", 0},     {"londres", "Europe/London", 0},
    {"london", "Europe/London", 0},     {"britannique", "Europe/London", 0},
    {"british", "Europe/London", 0},    {"ankara", "Europe/Istanbul", 0},
    {"istanbul", "Europe/Istanbul", 0}, {"turque", "Europe/Istanbul", 0},
    {"jerusalem", "Asia/Jerusalem", 0}, {"israelienne", "Asia/Jerusalem", 0},
    {"israel", "Asia/Jerusalem", 0},    {"gaza", "Asia/Gaza", 0},
    {"beyrouth", "Asia/Beirut", 0},     {"beirut", "Asia/Beirut", 0},
    {"libanaise", "Asia/Beirut", 0},    {"damas", "Asia/Damascus", 0},
    {"damascus", "Asia/Damascus", 0},   {"bagdad", "Asia/Baghdad", 0},
    {"baghdad", "Asia/Baghdad", 0},     {"teheran", "Asia/Tehran", 0},
    {"tehran", "Asia/Tehran", 0},       {"kaboul", "Asia/Kabul", 0},
    {"kabul", "Asia/Kabul", 0},         {"sanaa", "Asia/Aden", 0},
    {"riyad", "Asia/Riyadh", 0},        {"riyadh", "Asia/Riyadh", 0},
    {"caire", "Africa/Cairo", 0},       {"cairo", "Africa/Cairo", 0},
    {"tripoli", "Africa/Tripoli", 0},   {"khartoum", "Africa/Khartoum", 0},
    {"bamako", "Africa/Bamako", 0},     {"niamey", "Africa/Niamey", 0},
    {"ouagadougou", "Africa/Ouagadougou", 0}, {"dakar", "Africa/Dakar", 0},
    {"abidjan", "Africa/Abidjan", 0},   {"kinshasa", "Africa/Kinshasa", 0},
    {"bangui", "Africa/Bangui", 0},     {"nairobi", "Africa/Nairobi", 0},
    {"mogadiscio", "Africa/Mogadishu", 0}, {"mogadishu", "Africa/Mogadishu", 0},
    {"washington", "America/New_York", 0}, {"new-york", "America/New_York", 0},
    {"pekin", "Asia/Shanghai", 0},      {"beijing", "Asia/Shanghai", 0},
    {"tokyo", "Asia/Tokyo", 0},         {"delhi", "Asia/Kolkata", 0},
    {"islamabad", "Asia/Karachi", 0},   {"caracas", "America/Caracas", 0},
};

const char *tv_zone_lookup_name(const char *folded, size_t n, bool abbr_only)
{
    for (size_t i = 0; i < TV_ARRAY_LEN(zone_names); i++) {
        const struct tv_zone_name *z = &zone_names[i];
        if (abbr_only && !z->abbr)
            continue;
        if (strlen(z->name) == n && memcmp(z->name, folded, n) == 0)
            return z->iana;
    }
    return NULL;
}

/* ---- ICU calendars --------------------------------------------------------*/
#define ZONE_CACHE 32
static pthread_mutex_t zone_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    char id[40];
    UCalendar *cal;
} zone_cache[ZONE_CACHE];
static size_t zone_cached;

static bool is_utc(const char *zone)
{
    return !strcmp(zone, "UTC") || !strcmp(zone, "Etc/UTC") || !strcmp(zone, "GMT") || !strcmp(zone, "Etc/GMT") ||
           !strcmp(zone, "Z");
}

/* Opens a calendar for zone, or NULL when ICU does not know the zone.
   Called with zone_lock held; *owned says whether the caller must close it. */
static UCalendar *cal_open(const char *zone, bool *owned)
{
    *owned = false;
    for (size_t i = 0; i < zone_cached; i++)
        if (!strcmp(zone_cache[i].id, zone))
            return zone_cache[i].cal;
    size_t n = strlen(zone);
    if (n == 0 || n >= sizeof zone_cache[0].id)
        return NULL;
    UChar uid[64];
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)zone[i] >= 0x80)
            return NULL;
        uid[i] = (UChar)zone[i];
    }
    UErrorCode st = U_ZERO_ERROR;
    UChar canon[64];
    UBool system = 0;
    ucal_getCanonicalTimeZoneID(uid, (int32_t)n, canon, 64, &system, &st);
    if (U_FAILURE(st) || !system)
        return NULL;
    st = U_ZERO_ERROR;
    UCalendar *cal = ucal_open(uid, (int32_t)n, "en_US_POSIX", UCAL_GREGORIAN, &st);
    if (U_FAILURE(st) || !cal) {
        if (cal)
            ucal_close(cal);
        return NULL;
    }
    /* proleptic Gregorian: no Julian switch in 1582 */
    ucal_setGregorianChange(cal, -8.64e15, &st);
    st = U_ZERO_ERROR;
    if (zone_cached < ZONE_CACHE) {
        memcpy(zone_cache[zone_cached].id, zone, n + 1);
        zone_cache[zone_cached].cal = cal;
        zone_cached++;
    } else {
        *owned = true;
    }
    return cal;
}

bool tv_zone_known(const char *zone)
{
    if (!zone)
        return false;
    if (is_utc(zone))
        return true;
    pthread_mutex_lock(&zone_lock);
    bool owned;
    UCalendar *cal = cal_open(zone, &owned);
    if (cal && owned)
        ucal_close(cal);
    pthread_mutex_unlock(&zone_lock);
    return cal != NULL;
}

int tv_zone_to_utc(const char *zone, int y, int mo, int d, int h, int mi, int64_t *utc, int32_t *offset_min,
                   treve_error *err)
{
    if (!zone || !utc || !offset_min)
        return tv_fail(err, TREVE_EINVAL, "missing zone", 0, 0);
    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59)
        return tv_fail(err, TREVE_EDATE, "date out of range", 0, 0);
    int64_t days = tv_days_from_civil(y, (unsigned)mo, (unsigned)d);
    int64_t y2;
    unsigned m2, d2;
    tv_civil_from_days(days, &y2, &m2, &d2);
    if ((int)m2 != mo || (int)d2 != d)
        return tv_fail(err, TREVE_EDATE, "no such date", 0, 0);
    int64_t wall = days * 86400 + (int64_t)h * 3600 + (int64_t)mi * 60;
    if (is_utc(zone)) {
        *utc = wall;
        *offset_min = 0;
        return TREVE_OK;
    }
    pthread_mutex_lock(&zone_lock);
    bool owned;
    UCalendar *cal = cal_open(zone, &owned);
    if (!cal) {
        pthread_mutex_unlock(&zone_lock);
        return tv_fail(err, TREVE_ETZ, "unknown time zone", 0, 0);
    }
    UErrorCode st = U_ZERO_ERROR;
    ucal_clear(cal);
    ucal_setDateTime(cal, y, mo - 1, d, h, mi, 0, &st);
    UDate ms = ucal_getMillis(cal, &st);
    int gh = -1, gmi = -1, gd = -1;
    int32_t zoff = 0, doff = 0;
    if (U_SUCCESS(st)) {
        ucal_setMillis(cal, ms, &st);
        gh = ucal_get(cal, UCAL_HOUR_OF_DAY, &st);
        gmi = ucal_get(cal, UCAL_MINUTE, &st);
        gd = ucal_get(cal, UCAL_DATE, &st);
        zoff = ucal_get(cal, UCAL_ZONE_OFFSET, &st);
        doff = ucal_get(cal, UCAL_DST_OFFSET, &st);
    }
    if (owned)
        ucal_close(cal);
    pthread_mutex_unlock(&zone_lock);
    if (U_FAILURE(st))
        return tv_fail(err, TREVE_EDATE, "time zone conversion failed", 0, 0);
    if (gh != h || gmi != mi || gd != d)
        return tv_fail(err, TREVE_EDATE, "local time does not exist (DST gap)", 0, 0);
    int64_t secs = (int64_t)(ms / 1000.0);
    if (ms < 0 && (double)secs * 1000.0 != ms)
        secs--;
    *utc = secs;
    *offset_min = (zoff + doff) / 60000;
    return TREVE_OK;
}

int tv_zone_offset(const char *zone, int64_t utc, int32_t *offset_min, treve_error *err)
{
    if (!zone || !offset_min)
        return tv_fail(err, TREVE_EINVAL, "missing zone", 0, 0);
    if (is_utc(zone)) {
        *offset_min = 0;
        return TREVE_OK;
    }
    if (utc < -62135596800LL || utc > 253402300799LL)
        return tv_fail(err, TREVE_EDATE, "date out of range", 0, 0);
    pthread_mutex_lock(&zone_lock);
    bool owned;
    UCalendar *cal = cal_open(zone, &owned);
    if (!cal) {
        pthread_mutex_unlock(&zone_lock);
        return tv_fail(err, TREVE_ETZ, "unknown time zone", 0, 0);
    }
    UErrorCode st = U_ZERO_ERROR;
    ucal_setMillis(cal, (UDate)utc * 1000.0, &st);
    int32_t zoff = ucal_get(cal, UCAL_ZONE_OFFSET, &st);
    int32_t doff = ucal_get(cal, UCAL_DST_OFFSET, &st);
    if (owned)
        ucal_close(cal);
    pthread_mutex_unlock(&zone_lock);
    if (U_FAILURE(st))
        return tv_fail(err, TREVE_EDATE, "time zone conversion failed", 0, 0);
    *offset_min = (zoff + doff) / 60000;
    return TREVE_OK;
}
