/*
 * test_store.c — the public store API (lib/store*.c): idempotent ingest,
 * merging across articles, ceasefire states, lookups, exports and errors.
 */
#include "treve.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct sbuf {
    char data[1 << 16];
    size_t len;
} sbuf;

static int to_buf(void *user, const char *data, size_t len)
{
    sbuf *b = user;
    if (b->len + len >= sizeof b->data)
        return 1;
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

static size_t lines(const sbuf *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->len; i++)
        n += b->data[i] == '\n';
    return n;
}

static const char *const ARTICLES[][4] = {
    {"a1", "AFP", "2022-09-14T09:00:00Z",
     "Bombardements\n\nL'Azerbaïdjan a bombardé la ville arménienne de Jermuk dans la nuit. Au moins 12 soldats "
     "arméniens ont été tués, selon Erevan."},
    {"a2", "Reuters", "2022-09-14T10:00:00Z",
     "Jermuk\n\nDes tirs d'artillerie azerbaïdjanais ont visé Jermuk, en Arménie, dans la nuit. Bakou affirme que "
     "les bombardements de l'Azerbaïdjan ont tué 20 soldats arméniens."},
    {"a3", "TASS", "2022-10-01T10:00:00Z",
     "Cessez-le-feu\n\nLa Russie a négocié un cessez-le-feu avec l'Arménie et l'Azerbaïdjan, a annoncé la "
     "diplomatie russe. Le cessez-le-feu est entré en vigueur samedi à 12H00 GMT."},
};

static int add_all(treve_store *s, treve_ctx *ctx, int *added_total)
{
    treve_error err = {0};
    *added_total = 0;
    CHECK(treve_store_begin(s, &err) == TREVE_OK);
    for (size_t i = 0; i < sizeof ARTICLES / sizeof *ARTICLES; i++) {
        treve_article a = {.text = ARTICLES[i][3], .len = strlen(ARTICLES[i][3]), .id = ARTICLES[i][0],
                           .source = ARTICLES[i][1], .published = ARTICLES[i][2], .lang = "fr"};
        treve_doc *doc = treve_doc_analyse(ctx, &a, &err);
        CHECK(doc != NULL);
        int added = -1;
        CHECK(treve_store_add(s, doc, &added, &err) == TREVE_OK);
        *added_total += added;
        treve_doc_free(doc);
    }
    return treve_store_commit(s, &err);
}

int main(void)
{
    char dir[] = "/tmp/treve-store-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[128], bad[128];
    snprintf(path, sizeof path, "%s/t.db", dir);
    snprintf(bad, sizeof bad, "%s/bad.db", dir);
    treve_error err = {0};
    treve_ctx *ctx = treve_ctx_new(NULL, &err);
    CHECK(ctx != NULL);

    treve_store *s = treve_store_open(path, TREVE_STORE_READWRITE, &err);
    CHECK(s != NULL);
    int added = 0;
    CHECK(add_all(s, ctx, &added) == TREVE_OK);
    CHECK(added == 3);
    CHECK(add_all(s, ctx, &added) == TREVE_OK); /* idempotent */
    CHECK(added == 0);

    sbuf *b = calloc(1, sizeof *b);
    treve_query q = {.historical = -1, .type = "194"};
    CHECK(treve_store_events(s, &q, TREVE_FORMAT_JSONL, to_buf, b, &err) == TREVE_OK);
    CHECK(lines(b) == 1);
    CHECK(strstr(b->data, "\"sources\":2,\"articles\":2") != NULL);
    CHECK(strstr(b->data, "\"min\":12") && strstr(b->data, "\"min\":20"));
    CHECK(strstr(b->data, "\"story_id\":\"a1:0\"") != NULL);

    b->len = 0;
    CHECK(treve_store_story(s, "a1:0", to_buf, b, &err) == TREVE_OK);
    CHECK(lines(b) == 1);
    CHECK(treve_store_story(s, "nope", to_buf, b, &err) == TREVE_ENOTFOUND);

    b->len = 0;
    treve_query cq = {.historical = -1, .parties = "AZE,ARM", .at = "2022-10-01T13:00:00Z"};
    CHECK(treve_store_ceasefires(s, &cq, to_buf, b, &err) == TREVE_OK);
    CHECK(lines(b) == 1);
    CHECK(strstr(b->data, "\"state\":\"in_force\"") != NULL);
    CHECK(strstr(b->data, "\"effective_from\":\"2022-10-01T12:00:00Z\"") != NULL);
    CHECK(strstr(b->data, "\"mediators\":[\"RUS\"]") != NULL);
    b->len = 0;
    cq.at = "2022-09-01T00:00:00Z";
    CHECK(treve_store_ceasefires(s, &cq, to_buf, b, &err) == TREVE_OK);
    CHECK(b->len == 0);
    cq.at = "not a date";
    CHECK(treve_store_ceasefires(s, &cq, to_buf, b, &err) == TREVE_EDATE);
    b->len = 0;
    CHECK(treve_store_ceasefire(s, "cf:a3:0", to_buf, b, &err) == TREVE_OK);
    CHECK(treve_store_ceasefire(s, "cf:none", to_buf, b, &err) == TREVE_ENOTFOUND);

    b->len = 0;
    CHECK(treve_store_article(s, "a2", to_buf, b, &err) == TREVE_OK);
    CHECK(strstr(b->data, "\"text\":\"Jermuk\\n\\nDes tirs") != NULL);
    CHECK(strstr(b->data, "\"story_id\":\"a1:0\"") != NULL);
    CHECK(treve_store_article(s, "zz", to_buf, b, &err) == TREVE_ENOTFOUND);

    b->len = 0;
    CHECK(treve_store_stats(s, to_buf, b, &err) == TREVE_OK);
    CHECK(strstr(b->data, "\"articles\":3") != NULL);

    static const char *const formats[] = {"jsonl", "csv", "gdelt", "acled"};
    for (size_t i = 0; i < 4; i++) {
        b->len = 0;
        CHECK(treve_store_export(s, formats[i], to_buf, b, &err) == TREVE_OK);
        CHECK(b->len > 0);
    }
    /* the GDELT layout has 61 columns */
    size_t tabs = 0;
    b->len = 0;
    treve_store_export(s, "gdelt", to_buf, b, &err);
    for (const char *p = strchr(b->data, '\n') + 1; *p && *p != '\n'; p++)
        tabs += *p == '\t';
    CHECK(tabs == 60);
    CHECK(treve_store_export(s, "xml", to_buf, b, &err) == TREVE_EINVAL);
    treve_store_close(s);

    /* read-only handles refuse writes; bad files are refused */
    s = treve_store_open(path, TREVE_STORE_READONLY, &err);
    CHECK(s != NULL);
    CHECK(treve_store_begin(s, &err) == TREVE_EINVAL);
    treve_store_close(s);
    FILE *f = fopen(bad, "w");
    fputs("this is not a database, only text long enough to fill a header of one hundred bytes..........\n", f);
    fclose(f);
    CHECK(treve_store_open(bad, TREVE_STORE_READWRITE, &err) == NULL);
    CHECK(err.code == TREVE_ESCHEMA);
    CHECK(treve_store_open(NULL, TREVE_STORE_READWRITE, &err) == NULL);
    treve_store_close(NULL);

    free(b);
    treve_ctx_free(ctx);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return unit_summary("test_store");
}
