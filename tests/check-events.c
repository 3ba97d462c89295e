/*
 * check-events.c — test tool: checks `treve code` JSON lines (stdin) against
 * expectations (a file), so that event tests state what must be true of the
 * events rather than their exact bytes.
 *
 *   check-events EXPECT-FILE < events.jsonl
 *
 * Each non-empty, non-comment line of EXPECT-FILE is one of:
 *   event KEY=VALUE ...     some event must satisfy every condition
 *   none  KEY=VALUE ...     no event may satisfy every condition
 *   count N KEY=VALUE ...   exactly N events satisfy every condition
 * Conditions (a VALUE ending in '*' matches by prefix):
 *   cameo=0871  plover=ASSAULT  label=…  modality=called_for  historical=true
 *   actor=ARM  recipient=RUS  mediator=RUS   (code or country; repeatable)
 *   start=… end=… precision=… basis=… timex=…   (time fields; "null" for null)
 *   place=NAME  place_country=AZE
 *   claimed_by=RUSGOV
 *   killed=49-  killed=10-12  killed=3  killed=?  (min-max, '?' unquantified;
 *     also wounded= missing= captured= displaced=; "@ARMMIL" after the figure
 *     requires the group: country+sector; "^ARMGOV" the claimant)
 *   text~=SUBSTRING   some mention's text contains SUBSTRING (no spaces: use _)
 *   spans=ok        every span in the event indexes the quoted text (needs
 *                   the article: check-events EXPECT ARTICLE); spans=fail
 *                   the opposite ("count 0 spans=fail": no span is wrong)
 * Prints each failed line and exits 1 when any failed.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *article;
static size_t article_len;

static bool match_value(const char *want, const char *have)
{
    if (!have)
        return strcmp(want, "null") == 0;
    size_t n = strlen(want);
    if (n && want[n - 1] == '*')
        return strncmp(want, have, n - 1) == 0;
    return strcmp(want, have) == 0;
}

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static bool actor_has(json_t *ev, const char *role, const char *want)
{
    json_t *actors = json_object_get(ev, "actors");
    size_t i;
    json_t *a;
    json_array_foreach(actors, i, a)
    {
        if (strcmp(str(a, "role") ? str(a, "role") : "", role) != 0)
            continue;
        if (match_value(want, str(a, "code")) || match_value(want, str(a, "country")))
            return true;
    }
    return false;
}

static bool span_ok(json_t *obj)
{
    json_t *span = json_object_get(obj, "span");
    const char *text = str(obj, "text");
    if (json_is_null(span) || !span)
        return true;
    if (!json_is_array(span) || json_array_size(span) != 2 || !text)
        return false;
    json_int_t s = json_integer_value(json_array_get(span, 0)), e = json_integer_value(json_array_get(span, 1));
    if (s < 0 || e < s || (size_t)e > article_len)
        return false;
    return strlen(text) == (size_t)(e - s) && memcmp(article + s, text, (size_t)(e - s)) == 0;
}

static bool spans_ok(json_t *ev)
{
    const char *lists[] = {"actors", "casualties", "mentions"};
    for (size_t l = 0; l < 3; l++) {
        size_t i;
        json_t *a;
        json_array_foreach(json_object_get(ev, lists[l]), i, a)
        {
            if (!span_ok(a))
                return false;
            json_t *cb = json_object_get(a, "claimed_by");
            if (json_is_object(cb) && !span_ok(cb))
                return false;
        }
    }
    const char *objs[] = {"time", "place", "claimed_by"};
    for (size_t o = 0; o < 3; o++) {
        json_t *v = json_object_get(ev, objs[o]);
        if (json_is_object(v) && !span_ok(v))
            return false;
    }
    return true;
}

/* "49-", "10-12", "3", "?" with optional "@GROUP" and "^CLAIMANT". */
static bool casualty_has(json_t *ev, const char *kind, const char *spec)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", spec);
    char *claim = strchr(buf, '^');
    if (claim)
        *claim++ = '\0';
    char *group = strchr(buf, '@');
    if (group)
        *group++ = '\0';
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(ev, "casualties"), i, c)
    {
        if (!match_value(kind, str(c, "kind")))
            continue;
        json_t *mn = json_object_get(c, "min"), *mx = json_object_get(c, "max");
        if (strcmp(buf, "?") == 0) {
            if (!json_is_true(json_object_get(c, "unquantified")))
                continue;
        } else {
            char *dash = strchr(buf, '-');
            double lo = atof(buf);
            if (!json_is_number(mn) || json_number_value(mn) != lo)
                continue;
            if (dash && dash[1] == '\0') {
                if (!json_is_null(mx))
                    continue;
            } else {
                double hi = dash ? atof(dash + 1) : lo;
                if (!json_is_number(mx) || json_number_value(mx) != hi)
                    continue;
            }
        }
        if (group) {
            json_t *g = json_object_get(c, "group");
            char code[16];
            snprintf(code, sizeof code, "%s%s", str(g, "country") ? str(g, "country") : "",
                     str(g, "sector") ? str(g, "sector") : "");
            if (!match_value(group, code))
                continue;
        }
        if (claim) {
            json_t *cb = json_object_get(c, "claimed_by");
            if (!json_is_object(cb) || !match_value(claim, str(cb, "code")))
                continue;
        }
        return true;
    }
    return false;
}

static bool condition(json_t *ev, const char *cond)
{
    char key[64];
    const char *eq = strchr(cond, '=');
    if (!eq || (size_t)(eq - cond) >= sizeof key)
        return false;
    bool contains = eq > cond && eq[-1] == '~';
    size_t klen = (size_t)(eq - cond) - (contains ? 1 : 0);
    memcpy(key, cond, klen);
    key[klen] = '\0';
    const char *val = eq + 1;
    json_t *time = json_object_get(ev, "time");
    json_t *plover = json_object_get(ev, "plover");
    json_t *place = json_object_get(ev, "place");
    if (contains && strcmp(key, "text") == 0) {
        char want[256];
        snprintf(want, sizeof want, "%s", val);
        for (char *p = want; *p; p++)
            if (*p == '_')
                *p = ' ';
        size_t i;
        json_t *m;
        json_array_foreach(json_object_get(ev, "mentions"), i, m) if (str(m, "text") && strstr(str(m, "text"), want))
            return true;
        return false;
    }
    if (!strcmp(key, "cameo") || !strcmp(key, "modality") || !strcmp(key, "label"))
        return match_value(val, str(ev, key));
    if (!strcmp(key, "historical"))
        return json_is_true(json_object_get(ev, "historical")) == (strcmp(val, "true") == 0);
    if (!strcmp(key, "plover"))
        return match_value(val, json_is_object(plover) ? str(plover, "type") : NULL);
    if (!strcmp(key, "actor"))
        return actor_has(ev, "actor", val);
    if (!strcmp(key, "recipient"))
        return actor_has(ev, "recipient", val);
    if (!strcmp(key, "mediator"))
        return actor_has(ev, "mediator", val);
    if (!strcmp(key, "start") || !strcmp(key, "end") || !strcmp(key, "precision") || !strcmp(key, "basis") ||
        !strcmp(key, "timex"))
        return match_value(val, json_is_object(time) ? str(time, key) : NULL);
    if (!strcmp(key, "place"))
        return match_value(val, json_is_object(place) ? str(place, "name") : NULL);
    if (!strcmp(key, "place_country"))
        return match_value(val, json_is_object(place) ? str(place, "country") : NULL);
    if (!strcmp(key, "claimed_by")) {
        json_t *cb = json_object_get(ev, "claimed_by");
        return match_value(val, json_is_object(cb) ? str(cb, "code") : NULL);
    }
    if (!strcmp(key, "killed") || !strcmp(key, "wounded") || !strcmp(key, "missing") || !strcmp(key, "captured") ||
        !strcmp(key, "displaced"))
        return casualty_has(ev, key, val);
    if (!strcmp(key, "spans")) /* spans=ok: all spans right; spans=fail: one is wrong */
        return article ? spans_ok(ev) == (strcmp(val, "ok") == 0) : false;
    fprintf(stderr, "check-events: unknown condition key '%s'\n", key);
    return false;
}

static bool event_matches(json_t *ev, char **conds, int n)
{
    for (int i = 0; i < n; i++)
        if (!condition(ev, conds[i]))
            return false;
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: check-events EXPECT-FILE [ARTICLE] < events.jsonl\n");
        return 2;
    }
    if (argc > 2) {
        FILE *af = fopen(argv[2], "rb");
        if (af) {
            fseek(af, 0, SEEK_END);
            long n = ftell(af);
            fseek(af, 0, SEEK_SET);
            article = malloc(n > 0 ? (size_t)n : 1);
            article_len = article ? fread(article, 1, n > 0 ? (size_t)n : 0, af) : 0;
            fclose(af);
        }
    }
    json_t *events = json_array();
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, stdin)) > 0) {
        json_error_t je;
        json_t *ev = json_loads(line, 0, &je);
        if (!ev) {
            printf("output line is not JSON: %s\n", je.text);
            free(line);
            json_decref(events);
            free(article);
            return 1;
        }
        json_array_append_new(events, ev);
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    int failed = 0;
    while ((got = getline(&line, &cap, f)) > 0) {
        if (line[got - 1] == '\n')
            line[--got] = '\0';
        char *p = line;
        while (*p == ' ')
            p++;
        if (!*p || *p == '#')
            continue;
        char copy[1024];
        snprintf(copy, sizeof copy, "%s", p);
        char *words[64];
        int nw = 0;
        for (char *tok = strtok(p, " \t"); tok && nw < 64; tok = strtok(NULL, " \t"))
            words[nw++] = tok;
        if (nw == 0)
            continue;
        size_t i, hits = 0;
        json_t *ev;
        int first = 1;
        long want_count = -1;
        if (!strcmp(words[0], "count") && nw >= 2) {
            want_count = atol(words[1]);
            first = 2;
        } else if (strcmp(words[0], "event") != 0 && strcmp(words[0], "none") != 0) {
            printf("bad expectation: %s\n", copy);
            failed++;
            continue;
        }
        json_array_foreach(events, i, ev) if (event_matches(ev, words + first, nw - first)) hits++;
        bool ok = want_count >= 0 ? hits == (size_t)want_count : !strcmp(words[0], "none") ? hits == 0 : hits > 0;
        if (!ok) {
            printf("failed (%zu matching): %s\n", hits, copy);
            failed++;
        }
    }
    fclose(f);
    free(line);
    if (failed) {
        printf("events were:\n");
        size_t i;
        json_t *ev;
        json_array_foreach(events, i, ev)
        {
            json_t *t = json_object_get(ev, "time");
            printf("  %s %s historical=%s start=%s actors=", str(ev, "cameo"), str(ev, "modality"),
                   json_is_true(json_object_get(ev, "historical")) ? "true" : "false",
                   json_is_object(t) && str(t, "start") ? str(t, "start") : "null");
            size_t j;
            json_t *a;
            json_array_foreach(json_object_get(ev, "actors"), j, a) printf("%s:%s ", str(a, "role"), str(a, "code"));
            printf("\n");
        }
    }
    json_decref(events);
    free(article);
    return failed ? 1 : 0;
}
