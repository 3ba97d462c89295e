/*
 * test_times.c — unit tests of the times stage: zone conversion through ICU
 * (offsets, DST gap, unknown zone), calendar validation and ISO weeks,
 * TIMEX3 values and intervals, relative resolution against a DCT, and
 * relocation of local times to another zone.
 */
#include "times.h"
#include "unit.h"

#include <stdio.h>

static int64_t utc(int y, int mo, int d, int h, int mi)
{
    return tv_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60;
}

static void test_zones(void)
{
    int64_t t;
    int32_t off;
    treve_error err = {0};
    CHECK(tv_zone_to_utc("Europe/Moscow", 2022, 9, 13, 9, 0, &t, &off, &err) == TREVE_OK);
    CHECK(t == utc(2022, 9, 13, 6, 0));
    CHECK(off == 180);
    CHECK(tv_zone_to_utc("Europe/Paris", 2022, 9, 13, 9, 0, &t, &off, &err) == TREVE_OK && off == 120);
    CHECK(tv_zone_to_utc("Europe/Paris", 2023, 1, 10, 9, 0, &t, &off, &err) == TREVE_OK && off == 60);
    CHECK(tv_zone_to_utc("Asia/Baku", 2022, 9, 13, 0, 5, &t, &off, &err) == TREVE_OK && off == 240);
    CHECK(t == utc(2022, 9, 12, 20, 5));
    /* DST gap: 02:30 on 27 March 2022 does not exist in Paris */
    CHECK(tv_zone_to_utc("Europe/Paris", 2022, 3, 27, 2, 30, &t, &off, &err) == TREVE_EDATE);
    CHECK(err.code == TREVE_EDATE);
    CHECK(tv_zone_to_utc("America/New_York", 2022, 3, 13, 2, 15, &t, &off, &err) == TREVE_EDATE);
    /* just after the gap is fine */
    CHECK(tv_zone_to_utc("Europe/Paris", 2022, 3, 27, 3, 0, &t, &off, &err) == TREVE_OK && off == 120);
    CHECK(t == utc(2022, 3, 27, 1, 0));
    /* unknown zone, impossible date */
    CHECK(tv_zone_to_utc("Mars/Olympus_Mons", 2022, 9, 13, 9, 0, &t, &off, &err) == TREVE_ETZ);
    CHECK(tv_zone_to_utc("", 2022, 9, 13, 9, 0, &t, &off, &err) == TREVE_ETZ);
    CHECK(tv_zone_to_utc("UTC", 2022, 2, 30, 9, 0, &t, &off, &err) == TREVE_EDATE);
    CHECK(tv_zone_to_utc("Europe/Paris", 2022, 9, 13, 25, 0, &t, &off, &err) == TREVE_EDATE);
    CHECK(!tv_zone_known("Nowhere/Atlantis"));
    CHECK(tv_zone_known("Europe/Kyiv"));
    CHECK(tv_zone_known("Etc/GMT-3"));
    /* offsets at an instant */
    CHECK(tv_zone_offset("Asia/Yerevan", utc(2022, 9, 13, 8, 0), &off, &err) == TREVE_OK && off == 240);
    CHECK(tv_zone_offset("Europe/London", utc(2022, 7, 1, 12, 0), &off, &err) == TREVE_OK && off == 60);
    CHECK(tv_zone_offset("Nope/Nope", 0, &off, &err) == TREVE_ETZ);
    /* names in text */
    CHECK_STR(tv_zone_lookup_name("moscou", 6, false), "Europe/Moscow");
    CHECK_STR(tv_zone_lookup_name("gmt", 3, true), "UTC");
    CHECK_STR(tv_zone_lookup_name("cest", 4, true), "Etc/GMT-2");
    CHECK(tv_zone_lookup_name("moscou", 6, true) == NULL);
    CHECK(tv_zone_lookup_name("atlantide", 9, false) == NULL);
}

static void test_calendar(void)
{
    CHECK(tv_valid_date(2020, 2, 29));
    CHECK(!tv_valid_date(2021, 2, 29));
    CHECK(!tv_valid_date(1900, 2, 29));
    CHECK(tv_valid_date(2000, 2, 29));
    CHECK(!tv_valid_date(2022, 2, 31));
    CHECK(!tv_valid_date(2022, 4, 31));
    CHECK(!tv_valid_date(2022, 13, 1));
    CHECK(!tv_valid_date(0, 1, 1));
    int32_t iy;
    int w;
    tv_iso_week(tv_days_from_civil(2022, 9, 13), &iy, &w);
    CHECK(iy == 2022 && w == 37);
    tv_iso_week(tv_days_from_civil(2021, 1, 3), &iy, &w);
    CHECK(iy == 2020 && w == 53);
    tv_iso_week(tv_days_from_civil(2024, 12, 30), &iy, &w);
    CHECK(iy == 2025 && w == 1);
    CHECK(tv_iso_weekday(tv_days_from_civil(2022, 9, 13)) == 2); /* a Tuesday */

    tv_tcal c;
    char v[40];
    int64_t s, e;
    int32_t off;
    tv_tcal_init(&c);
    c.y = 2020;
    c.season = 3;
    tv_tcal_value(&c, v, sizeof v);
    CHECK_STR(v, "2020-FA");
    CHECK(tv_tcal_interval(&c, "UTC", &s, &e, &off, NULL) == TREVE_OK);
    CHECK(s == utc(2020, 9, 1, 0, 0) && e == utc(2020, 12, 1, 0, 0));
    CHECK(tv_tcal_precision(&c) == TV_PREC_SEASON);

    tv_tcal_init(&c);
    c.y = 2022, c.mo = 9, c.d = 12, c.pod = TV_POD_NI;
    tv_tcal_value(&c, v, sizeof v);
    CHECK_STR(v, "2022-09-12TNI");
    CHECK(tv_tcal_interval(&c, "Asia/Baku", &s, &e, &off, NULL) == TREVE_OK);
    CHECK(s == utc(2022, 9, 12, 18, 0) && e == utc(2022, 9, 13, 2, 0));

    tv_tcal_init(&c);
    c.decade = 199;
    tv_tcal_value(&c, v, sizeof v);
    CHECK_STR(v, "199");
    CHECK(tv_tcal_interval(&c, "UTC", &s, &e, &off, NULL) == TREVE_OK && s == utc(1990, 1, 1, 0, 0) &&
          e == utc(2000, 1, 1, 0, 0));

    tv_tcal_init(&c);
    c.y = 2022, c.week = 36;
    tv_tcal_value(&c, v, sizeof v);
    CHECK_STR(v, "2022-W36");
    CHECK(tv_tcal_interval(&c, "UTC", &s, &e, &off, NULL) == TREVE_OK && s == utc(2022, 9, 5, 0, 0));

    tv_tcal_init(&c);
    c.y = 2021, c.cmod = TV_MOD_START;
    CHECK(tv_tcal_interval(&c, "UTC", &s, &e, &off, NULL) == TREVE_OK && s == utc(2021, 1, 1, 0, 0) &&
          e > utc(2021, 5, 1, 0, 0) && e < utc(2021, 5, 3, 0, 0));

    tv_tcal_init(&c);
    c.y = 2022, c.mo = 2, c.d = 30;
    CHECK(tv_tcal_interval(&c, "UTC", &s, &e, &off, NULL) == TREVE_EDATE);

    tv_tcal_init(&c);
    c.wday = 2, c.pod = TV_POD_MO;
    tv_tcal_value(&c, v, sizeof v);
    CHECK_STR(v, "XXXX-WXX-2TMO");

    /* quarters and halves: 2019-Q3 is July–September, 2020-H2 July–December */
    tv_tcal_init(&c);
    c.y = 2019, c.part = 3;
    tv_tcal_value(&c, v, sizeof v);
    CHECK_STR(v, "2019-Q3");
    CHECK(tv_tcal_precision(&c) == TV_PREC_SEASON);
    CHECK(tv_tcal_interval(&c, "UTC", &s, &e, &off, NULL) == TREVE_OK && s == utc(2019, 7, 1, 0, 0) &&
          e == utc(2019, 10, 1, 0, 0));
    tv_tcal_init(&c);
    c.y = 2020, c.part = 6;
    tv_tcal_value(&c, v, sizeof v);
    CHECK_STR(v, "2020-H2");
    CHECK(tv_tcal_interval(&c, "UTC", &s, &e, &off, NULL) == TREVE_OK && s == utc(2020, 7, 1, 0, 0) &&
          e == utc(2021, 1, 1, 0, 0));
    tv_tcal_init(&c);
    c.y = 2020, c.part = 4;
    CHECK(tv_tcal_interval(&c, "UTC", &s, &e, &off, NULL) == TREVE_OK && e == utc(2021, 1, 1, 0, 0));
    c.part = 7;
    CHECK(tv_tcal_interval(&c, "UTC", &s, &e, &off, NULL) == TREVE_EDATE);
}

/* Runs the text layer, numbers and times over s. */
static tv_timex *find(tv_arena *a, const char *s, const char *lang, int64_t dct, const char *zone, size_t *n)
{
    tv_text text;
    treve_error err = {0};
    *n = 0;
    if (tv_text_build(&text, a, s, strlen(s), 0, lang, TREVE_UTF8_REJECT, &err) != TREVE_OK)
        return NULL;
    tv_number *nums = NULL;
    size_t nn = 0;
    tv_numbers_find(&text, lang, a, &nums, &nn, &err);
    tv_time_options o = {.lang = lang, .dct = dct, .zone = zone};
    tv_timex *t = NULL;
    if (tv_times_find(&text, nums, nn, &o, a, &t, n, &err) != TREVE_OK)
        return NULL;
    return t;
}

static void test_resolution(void)
{
    tv_arena *a = tv_arena_new(1 << 22);
    size_t n;
    int64_t dct = utc(2022, 9, 13, 8, 0); /* a Tuesday */
    tv_timex *t = find(a, "Titre\n\nHier, la ville a été bombardée.", "fr", dct, "UTC", &n);
    CHECK(t && n == 1);
    if (t && n == 1) {
        CHECK_STR(t[0].value, "2022-09-12");
        CHECK(t[0].basis == TV_BASIS_RELATIVE);
        CHECK(t[0].start == utc(2022, 9, 12, 0, 0) && t[0].end == utc(2022, 9, 13, 0, 0));
    }
    /* no DCT: unresolved */
    t = find(a, "Titre\n\nHier, la ville a été bombardée.", "fr", TV_TIME_NONE, "UTC", &n);
    CHECK(t && n == 1 && t[0].basis == TV_BASIS_UNRESOLVED && t[0].start == TV_TIME_NONE);
    /* the local date of the DCT decides "aujourd'hui": 23:30Z is already the 14th in Baku */
    t = find(a, "Titre\n\nAujourd'hui, le calme est revenu.", "fr", utc(2022, 9, 13, 23, 30), "Asia/Baku", &n);
    CHECK(t && n == 1);
    if (t && n == 1)
        CHECK_STR(t[0].value, "2022-09-14");
    /* weekdays: past tense looks back, future looks forward, same day is that day */
    t = find(a, "Titre\n\nVendredi, un drone a été abattu. Vendredi, les experts arriveront.", "fr", dct, "UTC", &n);
    CHECK(t && n == 2);
    if (t && n == 2) {
        CHECK_STR(t[0].value, "2022-09-09");
        CHECK_STR(t[1].value, "2022-09-16");
    }
    /* relocation: "dans la nuit" moved to the Caucasus (UTC+4) */
    t = find(a, "Titre\n\nLes combats ont éclaté dans la nuit.", "fr", dct, "UTC", &n);
    CHECK(t && n == 1);
    if (t && n == 1) {
        CHECK_STR(t[0].value, "2022-09-12TNI");
        CHECK(t[0].start == utc(2022, 9, 12, 22, 0));
        CHECK(tv_timex_relocate(&t[0], "Asia/Baku", NULL) == TREVE_OK);
        CHECK(t[0].start == utc(2022, 9, 12, 18, 0) && t[0].end == utc(2022, 9, 13, 2, 0));
        CHECK_STR(t[0].zone, "Asia/Baku");
        CHECK(tv_timex_relocate(&t[0], "Bad/Zone", NULL) == TREVE_ETZ);
    }
    /* a named zone is not moved */
    t = find(a, "Titre\n\nLa trêve commence à 09H00, heure de Moscou (06H00 GMT).", "fr", dct, "UTC", &n);
    CHECK(t && n == 1);
    if (t && n == 1) {
        CHECK(t[0].start == utc(2022, 9, 13, 6, 0));
        CHECK(t[0].flags & TV_TIMEX_PAIRED);
        CHECK(tv_timex_relocate(&t[0], "Asia/Yerevan", NULL) == TREVE_OK);
        CHECK(t[0].start == utc(2022, 9, 13, 6, 0));
    }
    /* DST gap: reported, no instant invented */
    t = find(a, "Titre\n\nLe 27 mars 2022 à 2h30, heure de Paris.", "fr", dct, "UTC", &n);
    CHECK(t && n == 1 && (t[0].flags & TV_TIMEX_DST_GAP) && t[0].start == TV_TIME_NONE);
    /* impossible dates are not emitted */
    t = find(a, "Titre\n\nLe 31 février et à 25H00.", "fr", dct, "UTC", &n);
    CHECK(n == 0);
    /* unknown default zone */
    t = find(a, "Titre\n\nHier.", "fr", dct, "Nowhere/Atlantis", &n);
    CHECK(t == NULL);
    /* English */
    t = find(a, "Title\n\nThree days ago, on September 10, 2022, shelling resumed.", "en", dct, "UTC", &n);
    CHECK(t && n == 2);
    if (t && n == 2) {
        CHECK_STR(t[0].value, "2022-09-10");
        CHECK_STR(t[1].value, "2022-09-10");
    }
    tv_arena_free(a);
}

/* Anaphoric expressions, combined times, disagreeing renderings. */
static void test_anchoring(void)
{
    tv_arena *a = tv_arena_new(1 << 22);
    size_t n;
    int64_t dct = utc(2022, 9, 13, 8, 0);
    /* anchored on the date of the previous sentence, flagged, basis of the anchor */
    tv_timex *t = find(a, "Titre\n\nLe 9 novembre 2020, un accord a été signé. La veille, Chouchi était tombée.", "fr",
                       dct, "UTC", &n);
    CHECK(t && n == 2);
    if (t && n == 2) {
        CHECK_STR(t[1].value, "2020-11-08");
        CHECK(t[1].flags & TV_TIMEX_ANCHORED);
        CHECK(t[1].basis == TV_BASIS_EXPLICIT);
        CHECK(t[1].start == utc(2020, 11, 8, 0, 0));
    }
    /* no date in the text: the DCT */
    t = find(a, "Titre\n\nLes tirs de la veille ont cessé.", "fr", dct, "UTC", &n);
    CHECK(t && n == 1);
    if (t && n == 1) {
        CHECK_STR(t[0].value, "2022-09-12");
        CHECK(!(t[0].flags & TV_TIMEX_ANCHORED) && t[0].basis == TV_BASIS_RELATIVE);
    }
    /* no DCT, no anchor: unresolved */
    t = find(a, "Titre\n\nLe lendemain, la trêve a été rompue.", "fr", TV_TIME_NONE, "UTC", &n);
    CHECK(t && n == 1 && t[0].basis == TV_BASIS_UNRESOLVED && t[0].start == TV_TIME_NONE);
    /* an anchor still works without a DCT */
    t = find(a, "Titre\n\nOn September 9, 2020, talks failed. Three days later, fighting resumed.", "en", TV_TIME_NONE,
             "UTC", &n);
    CHECK(t && n == 2);
    if (t && n == 2) {
        CHECK_STR(t[1].value, "2020-09-12");
        CHECK(t[1].basis == TV_BASIS_EXPLICIT);
    }
    /* "ce soir à 9h": one TIME at 21:00 local; relocated like any local time */
    t = find(a, "Titre\n\nLe Conseil se réunira ce soir à 9h.", "fr", dct, "UTC", &n);
    CHECK(t && n == 1);
    if (t && n == 1) {
        CHECK_STR(t[0].value, "2022-09-13T21:00");
        CHECK(t[0].type == TV_TIMEX_TIME && t[0].precision == TV_PREC_MINUTE);
        CHECK(tv_timex_relocate(&t[0], "Asia/Yerevan", NULL) == TREVE_OK);
        CHECK(t[0].start == utc(2022, 9, 13, 17, 0));
    }
    /* two renderings that disagree: both, both flagged */
    t = find(a, "Titre\n\nDébut à 10H00 heure de Moscou (06H00 GMT).", "fr", dct, "UTC", &n);
    CHECK(t && n == 2);
    if (t && n == 2)
        CHECK((t[0].flags & TV_TIMEX_DISAGREE) && (t[1].flags & TV_TIMEX_DISAGREE));
    tv_arena_free(a);
}

int main(void)
{
    test_zones();
    test_calendar();
    test_resolution();
    test_anchoring();
    return unit_summary("test_times");
}
