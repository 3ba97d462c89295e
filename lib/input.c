/*
 * input.c — JSONL article input: one JSON object per line,
 * {"id","url","source","published","lang","title","text"}, only "text"
 * required. Parsed with Jansson. The article text that spans index is the
 * UTF-8 of title + "\n\n" + text (or text alone when there is no title).
 */
#include "internal.h"

#include <jansson.h>
#include <stdlib.h>

static char *dup_field(json_t *obj, const char *key, int *bad)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        *bad = 1;
        return NULL;
    }
    size_t n = json_string_length(v);
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, json_string_value(v), n);
        s[n] = '\0';
    }
    return s;
}

void treve_jsonl_article_clear(treve_jsonl_article *a)
{
    if (!a)
        return;
    free(a->text);
    free(a->id);
    free(a->url);
    free(a->source);
    free(a->published);
    free(a->lang);
    memset(a, 0, sizeof *a);
}

int treve_jsonl_parse(const char *line, size_t len, treve_jsonl_article *out, treve_error *err)
{
    if (!line || !out)
        return tv_fail(err, TREVE_EINVAL, "no line", 0, 0);
    memset(out, 0, sizeof *out);
    json_error_t je;
    /* JSON_ALLOW_NUL is not set: a \u0000 inside a string is refused. */
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return tv_fail(err, TREVE_EJSON, "not valid JSON", je.position > 0 ? (size_t)je.position : 0, 0);
    if (!json_is_object(root)) {
        json_decref(root);
        return tv_fail(err, TREVE_EJSON, "a JSONL line must be a JSON object", 0, 0);
    }
    json_t *text = json_object_get(root, "text");
    if (!text || !json_is_string(text)) {
        json_decref(root);
        return tv_fail(err, TREVE_EFIELD, "missing \"text\" string field", 0, 0);
    }
    int bad = 0;
    out->id = dup_field(root, "id", &bad);
    out->url = dup_field(root, "url", &bad);
    out->source = dup_field(root, "source", &bad);
    out->published = dup_field(root, "published", &bad);
    out->lang = dup_field(root, "lang", &bad);
    json_t *title = json_object_get(root, "title");
    if (title && !json_is_null(title) && !json_is_string(title))
        bad = 1;
    if (bad) {
        json_decref(root);
        treve_jsonl_article_clear(out);
        return tv_fail(err, TREVE_EJSON, "metadata fields must be strings", 0, 0);
    }
    size_t tlen = title && json_is_string(title) ? json_string_length(title) : 0;
    size_t blen = json_string_length(text);
    size_t total = tlen ? tlen + 2 + blen : blen;
    out->text = malloc(total + 1);
    if (!out->text) {
        json_decref(root);
        treve_jsonl_article_clear(out);
        return tv_fail(err, TREVE_ENOMEM, "out of memory", 0, 0);
    }
    size_t pos = 0;
    if (tlen) {
        memcpy(out->text, json_string_value(title), tlen);
        memcpy(out->text + tlen, "\n\n", 2);
        pos = tlen + 2;
    }
    memcpy(out->text + pos, json_string_value(text), blen);
    out->text[total] = '\0';
    json_decref(root);

    if (out->published) {
        int64_t t;
        if (treve_parse_iso8601(out->published, &t, err) != TREVE_OK) {
            treve_jsonl_article_clear(out);
            if (err)
                err->message = "unparsable \"published\" date";
            return TREVE_EDATE;
        }
    }
    treve_article *a = &out->article;
    a->text = out->text;
    a->len = total;
    a->id = out->id;
    a->url = out->url;
    a->source = out->source;
    a->published = out->published;
    a->lang = out->lang;
    a->headline_end = tlen;
    return TREVE_OK;
}
