/*
 * tool_serve.c — `treve serve`: a read-only HTTP JSON API over a treve
 * database, and the dashboard (static files) at /. Built on libmicrohttpd
 * and the public store API only; docs/serve.md describes the endpoints.
 *
 * Threads: libmicrohttpd runs a pool of worker threads (one epoll loop
 * each); every worker lazily opens its own read-only store handle (SQLite
 * connections are not shared between threads). Handles are closed after
 * the daemon stops.
 *
 * Defences: only GET and HEAD (405 otherwise, 413 for a body); URIs longer
 * than MAX_URI get 414 and header blocks larger than MAX_HEADERS get 431
 * (libmicrohttpd itself answers 414/431 when a request does not fit the
 * per-connection memory limit); a connection idle for TIMEOUT seconds is
 * closed, and connections per client address are capped. Static files come
 * from a table loaded into memory at start-up: a request path is only ever
 * compared with the table's names, never joined to a directory. Query
 * parameters are validated here and reach SQL only through the store's
 * bound parameters. SIGINT/SIGTERM stop the daemon gracefully.
 */
#include "tool.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    MAX_URI = 4096,           /* raw request-target bytes, query included */
    MAX_HEADERS = 16384,      /* sum of header names and values */
    MAX_BODY = 65536,         /* a GET may carry a small body; it is ignored */
    CONN_MEMORY = 64 * 1024,  /* libmicrohttpd per-connection pool */
    TIMEOUT = 15,             /* default seconds of inactivity before a close */
    DEFAULT_PAGE = 100,
    MAX_PAGE = 500,
    MAX_ID = 200,
    MAX_STORES = 256
};

/* ---- growing output buffer, usable as a treve_write_fn ------------------*/
typedef struct sbuf {
    char *p;
    size_t len, cap;
    int oom;
} sbuf;

static int sbuf_add(sbuf *b, const char *d, size_t n)
{
    if (b->oom)
        return -1;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->oom = 1;
            return -1;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, d, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

static int sbuf_adds(sbuf *b, const char *s) { return sbuf_add(b, s, strlen(s)); }

static int sbuf_write(void *user, const char *d, size_t n) { return sbuf_add(user, d, n); }

/* Appends s as a JSON string (quotes included). */
static void sbuf_json_str(sbuf *b, const char *s)
{
    sbuf_add(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[8];
        if (*p == '"' || *p == '\\') {
            esc[0] = '\\';
            esc[1] = (char)*p;
            sbuf_add(b, esc, 2);
        } else if (*p < 0x20 || *p == 0x7f) {
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            sbuf_adds(b, esc);
        } else {
            sbuf_add(b, (const char *)p, 1);
        }
    }
    sbuf_add(b, "\"", 1);
}

/* ---- server state -------------------------------------------------------*/
typedef struct static_file {
    const char *path;  /* request path */
    const char *file;  /* name in the web folder (first found wins) */
    const char *file2; /* alternative name, or NULL */
    const char *type;
    int optional;
    struct MHD_Response *resp;
} static_file;

static static_file STATIC_FILES[] = {
    {"/", "index.html", NULL, "text/html; charset=utf-8", 0, NULL},
    {"/index.html", "index.html", NULL, "text/html; charset=utf-8", 0, NULL},
    {"/app.js", "app.js", NULL, "text/javascript; charset=utf-8", 0, NULL},
    {"/style.css", "style.css", NULL, "text/css; charset=utf-8", 0, NULL},
    {"/world-110m.json", "world-110m.json", "node_modules/world-atlas/countries-110m.json",
     "application/json", 1, NULL},
    {"/favicon.ico", "favicon.ico", NULL, "image/x-icon", 1, NULL},
};

static const char *g_db_path;
static int g_quiet;
static pthread_mutex_t g_stores_lock = PTHREAD_MUTEX_INITIALIZER;
static treve_store *g_stores[MAX_STORES];
static size_t g_nstores;
static _Thread_local treve_store *tls_store;

static const char CSP[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                          "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/* The calling worker's store handle, opened on first use. */
static treve_store *thread_store(treve_error *err)
{
    if (tls_store)
        return tls_store;
    treve_store *s = treve_store_open(g_db_path, TREVE_STORE_READONLY, err);
    if (!s)
        return NULL;
    pthread_mutex_lock(&g_stores_lock);
    if (g_nstores < MAX_STORES) {
        g_stores[g_nstores++] = s;
        tls_store = s;
    }
    pthread_mutex_unlock(&g_stores_lock);
    if (!tls_store) { /* more threads than slots: should not happen */
        treve_store_close(s);
        err->code = TREVE_EDB;
        err->message = "too many store handles";
        return NULL;
    }
    return s;
}

/* Per-request state, created by the URI logger before any header is parsed. */
typedef struct request {
    size_t uri_len;
    int nul;          /* %00 in the raw request-target */
    size_t body;      /* body bytes seen */
    int too_big;      /* body over MAX_BODY */
    int started;
} request;

static void *uri_logger(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    request *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->uri_len = strlen(uri);
    for (const char *p = uri; (p = strchr(p, '%')) != NULL; p++)
        if (p[1] == '0' && p[2] == '0')
            r->nul = 1;
    return r;
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
    (void)cls;
    (void)c;
    (void)t;
    free(*con_cls);
    *con_cls = NULL;
}

static void add_common_headers(struct MHD_Response *r, const char *type)
{
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Content-Security-Policy", CSP);
}

/* Queues buf (malloc'd, ownership taken) with a status. */
static enum MHD_Result send_buf(struct MHD_Connection *c, unsigned status, char *buf, size_t len, const char *type)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, buf, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(buf);
        return MHD_NO;
    }
    add_common_headers(r, type);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, "Allow", "GET, HEAD");
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static const char *status_text(unsigned s)
{
    switch (s) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "content too large";
    case 414: return "URI too long";
    case 431: return "request header fields too large";
    case 503: return "service unavailable";
    default: return "internal server error";
    }
}

/* {"error":{"status":400,"title":"bad request","message":"…"}} */
static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *msg, const char *arg)
{
    sbuf b = {0};
    char head[96];
    snprintf(head, sizeof head, "{\"error\":{\"status\":%u,\"title\":\"%s\",\"message\":", status, status_text(status));
    sbuf_adds(&b, head);
    const char *hole = arg ? strstr(msg, "%s") : NULL;
    if (hole) {
        char m[512];
        snprintf(m, sizeof m, "%.*s%.100s%s", (int)(hole - msg), msg, arg, hole + 2); /* echo truncated */
        sbuf_json_str(&b, m);
    } else {
        sbuf_json_str(&b, msg);
    }
    sbuf_adds(&b, "}}\n");
    if (b.oom) {
        free(b.p);
        return MHD_NO;
    }
    if (!g_quiet && status >= 500)
        fprintf(stderr, "treve serve: %u %s\n", status, msg);
    return send_buf(c, status, b.p, b.len, "application/json; charset=utf-8");
}

/* ---- parameter validation -----------------------------------------------*/
typedef struct params {
    struct MHD_Connection *c;
    const char *const *allowed;
    const char *bad;   /* first unknown or repeated key */
    int repeated;
    unsigned seen;     /* bit per allowed key */
} params;

static enum MHD_Result check_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    (void)value;
    params *p = cls;
    for (unsigned i = 0; p->allowed[i]; i++)
        if (strcmp(key, p->allowed[i]) == 0) {
            if (p->seen & (1u << i)) {
                p->bad = key;
                p->repeated = 1;
                return MHD_NO;
            }
            p->seen |= 1u << i;
            return MHD_YES;
        }
    p->bad = key;
    return MHD_NO;
}

static int all_chars(const char *s, const char *extra, size_t maxlen)
{
    size_t n = 0;
    for (; *s; s++, n++)
        if (!isalnum((unsigned char)*s) && !strchr(extra, *s))
            return 0;
    return n > 0 && n <= maxlen;
}

static int parse_size(const char *s, size_t max, size_t *out)
{
    if (!s || !*s || strlen(s) > 10)
        return 0;
    size_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (size_t)(*p - '0');
    }
    if (v > max)
        return 0;
    *out = v;
    return 1;
}

static int valid_time(const char *s)
{
    int64_t t;
    treve_error err;
    return s && strlen(s) <= 40 && treve_parse_iso8601(s, &t, &err) == TREVE_OK;
}

static const char *arg(struct MHD_Connection *c, const char *k)
{
    return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, k);
}

/* Fills q from the query string; on a bad parameter queues a 400 and
   returns 0 with *ret set. */
static int parse_query(struct MHD_Connection *c, int ceasefires, treve_query *q, enum MHD_Result *ret)
{
    static const char *const events_keys[] = {"since", "until", "actor", "country", "type", "historical",
                                              "min_casualties", "limit", "offset", NULL};
    static const char *const cf_keys[] = {"parties", "at", "limit", "offset", NULL};
    params p = {.c = c, .allowed = ceasefires ? cf_keys : events_keys};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, check_param, &p);
    if (p.bad) {
        *ret = send_error(c, 400, p.repeated ? "parameter '%s' given twice" : "unknown parameter '%s'", p.bad);
        return 0;
    }
    memset(q, 0, sizeof *q);
    q->historical = -1;
    q->limit = DEFAULT_PAGE;
    const char *v;
    if ((v = arg(c, "limit")) && (!parse_size(v, MAX_PAGE, &q->limit) || q->limit == 0)) {
        *ret = send_error(c, 400, "limit must be an integer from 1 to 500, not '%s'", v);
        return 0;
    }
    if ((v = arg(c, "offset")) && !parse_size(v, 1000000000, &q->offset)) {
        *ret = send_error(c, 400, "offset must be a non-negative integer, not '%s'", v);
        return 0;
    }
    if (ceasefires) {
        if ((v = arg(c, "parties")) && !all_chars(v, ",", 200)) {
            *ret = send_error(c, 400, "parties must be actor codes separated by commas, not '%s'", v);
            return 0;
        }
        q->parties = v;
        if ((v = arg(c, "at")) && !valid_time(v)) {
            *ret = send_error(c, 400, "at must be an ISO 8601 date or time, not '%s'", v);
            return 0;
        }
        q->at = v;
        return 1;
    }
    static const char *const times[] = {"since", "until"};
    for (int i = 0; i < 2; i++)
        if ((v = arg(c, times[i])) && !valid_time(v)) {
            *ret = send_error(c, 400, i ? "until must be an ISO 8601 date or time, not '%s'"
                                        : "since must be an ISO 8601 date or time, not '%s'", v);
            return 0;
        }
    q->since = arg(c, "since");
    q->until = arg(c, "until");
    if ((v = arg(c, "actor")) && !all_chars(v, "", 40)) {
        *ret = send_error(c, 400, "actor must be a CAMEO actor code such as RUSGOV, not '%s'", v);
        return 0;
    }
    q->actor = v;
    if ((v = arg(c, "country")) && !(strlen(v) == 3 && all_chars(v, "", 3))) {
        *ret = send_error(c, 400, "country must be an ISO 3166 alpha-3 code, not '%s'", v);
        return 0;
    }
    q->country = v;
    if ((v = arg(c, "type")) && !all_chars(v, "_", 40)) {
        *ret = send_error(c, 400, "type must be a CAMEO code prefix or a PLOVER type, not '%s'", v);
        return 0;
    }
    q->type = v;
    if ((v = arg(c, "historical"))) {
        if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
            q->historical = 1;
        else if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
            q->historical = 0;
        else if (strcmp(v, "any") != 0 && *v) {
            *ret = send_error(c, 400, "historical must be true, false or any, not '%s'", v);
            return 0;
        }
    }
    if ((v = arg(c, "min_casualties"))) {
        char *end;
        errno = 0;
        double d = strtod(v, &end);
        if (!*v || *end || errno || !(d >= 0 && d <= 1e9)) {
            *ret = send_error(c, 400, "min_casualties must be a non-negative number, not '%s'", v);
            return 0;
        }
        q->min_casualties = d;
    }
    return 1;
}

/* ---- API ----------------------------------------------------------------*/
static unsigned store_status(const treve_error *err)
{
    switch (err->code) {
    case TREVE_ENOTFOUND: return 404;
    case TREVE_EINVAL:
    case TREVE_EDATE: return 400;
    case TREVE_EDB: return 503;
    default: return 500;
    }
}

static enum MHD_Result store_error(struct MHD_Connection *c, const treve_error *err)
{
    unsigned st = store_status(err);
    const char *m = err->message ? err->message : treve_strerror(err->code);
    return send_error(c, st, st == 404 ? "no such object" : "%s", st == 404 ? NULL : m);
}

/* Turns the JSON lines in out[from:] into comma-separated array elements;
   returns the number of lines. JSON text cannot hold a raw newline, so
   every '\n' is a separator. */
static size_t lines_to_elements(sbuf *b, size_t from)
{
    size_t n = 0;
    while (b->len > from && (b->p[b->len - 1] == '\n' || b->p[b->len - 1] == '\r'))
        b->len--;
    if (b->len == from)
        return 0;
    n = 1;
    for (size_t i = from; i < b->len; i++)
        if (b->p[i] == '\n') {
            b->p[i] = ',';
            n++;
        }
    return n;
}

/* Cuts the array elements after the first `keep` ones (elements separated
   by the commas lines_to_elements wrote: only top-level commas). */
static void keep_elements(sbuf *b, size_t from, size_t keep)
{
    int depth = 0, in_str = 0;
    size_t seen = 0;
    for (size_t i = from; i < b->len; i++) {
        char ch = b->p[i];
        if (in_str) {
            if (ch == '\\')
                i++;
            else if (ch == '"')
                in_str = 0;
            continue;
        }
        if (ch == '"')
            in_str = 1;
        else if (ch == '{' || ch == '[')
            depth++;
        else if (ch == '}' || ch == ']')
            depth--;
        else if (ch == ',' && depth == 0 && ++seen == keep) {
            b->len = i;
            return;
        }
    }
}

static enum MHD_Result api_list(struct MHD_Connection *c, int ceasefires)
{
    treve_query q;
    enum MHD_Result ret;
    if (!parse_query(c, ceasefires, &q, &ret))
        return ret;
    treve_error err = {0};
    treve_store *s = thread_store(&err);
    if (!s)
        return store_error(c, &err);
    size_t page = q.limit;
    q.limit = page + 1; /* one more tells whether there is a next page */
    sbuf b = {0};
    sbuf_adds(&b, ceasefires ? "{\"ceasefires\":[" : "{\"events\":[");
    size_t from = b.len;
    int rc = ceasefires ? treve_store_ceasefires(s, &q, sbuf_write, &b, &err)
                        : treve_store_events(s, &q, TREVE_FORMAT_JSONL, sbuf_write, &b, &err);
    if (rc != TREVE_OK || b.oom) {
        free(b.p);
        if (b.oom)
            return send_error(c, 500, "out of memory", NULL);
        return store_error(c, &err);
    }
    size_t n = lines_to_elements(&b, from);
    int more = n > page;
    if (more) {
        keep_elements(&b, from, page);
        n = page;
    }
    char tail[160];
    if (more)
        snprintf(tail, sizeof tail, "],\"count\":%zu,\"limit\":%zu,\"offset\":%zu,\"next_offset\":%zu}\n", n, page,
                 q.offset, q.offset + page);
    else
        snprintf(tail, sizeof tail, "],\"count\":%zu,\"limit\":%zu,\"offset\":%zu,\"next_offset\":null}\n", n, page,
                 q.offset);
    sbuf_adds(&b, tail);
    if (b.oom) {
        free(b.p);
        return send_error(c, 500, "out of memory", NULL);
    }
    return send_buf(c, 200, b.p, b.len, "application/json; charset=utf-8");
}

typedef int (*one_fn)(treve_store *, const char *, treve_write_fn, void *, treve_error *);

static int store_stats_by_id(treve_store *s, const char *id, treve_write_fn w, void *u, treve_error *err)
{
    (void)id;
    return treve_store_stats(s, w, u, err);
}

/* Cuts the first array element (the text before the first top-level comma
   written by lines_to_elements) from the rest: returns the offset of that
   comma, or 0. */
static size_t first_element_end(const sbuf *b, size_t from)
{
    int depth = 0, in_str = 0;
    for (size_t i = from; i < b->len; i++) {
        char ch = b->p[i];
        if (in_str) {
            if (ch == '\\')
                i++;
            else if (ch == '"')
                in_str = 0;
        } else if (ch == '"')
            in_str = 1;
        else if (ch == '{' || ch == '[')
            depth++;
        else if (ch == '}' || ch == ']')
            depth--;
        else if (ch == ',' && depth == 0)
            return i;
    }
    return 0;
}

/* One object: the store's single JSON line as it is. When the store writes
   several lines (a head object, then child objects), `children` names the
   key under which the children join the head ({...,"events":[...]});
   without one, the lines become an array. */
static enum MHD_Result api_one(struct MHD_Connection *c, one_fn fn, const char *id, const char *children)
{
    if (MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, NULL, NULL) > 0)
        return send_error(c, 400, "this endpoint takes no parameters", NULL);
    if (id && !all_chars(id, ":_.-", MAX_ID))
        return send_error(c, 404, "no such object", NULL);
    treve_error err = {0};
    treve_store *s = thread_store(&err);
    if (!s)
        return store_error(c, &err);
    sbuf b = {0};
    sbuf_adds(&b, "[");
    int rc = fn(s, id, sbuf_write, &b, &err);
    if (rc != TREVE_OK || b.oom) {
        free(b.p);
        if (b.oom)
            return send_error(c, 500, "out of memory", NULL);
        return store_error(c, &err);
    }
    size_t n = lines_to_elements(&b, 1);
    if (n == 0) {
        free(b.p);
        return send_error(c, 404, "no such object", NULL);
    }
    size_t cut = n > 1 && children ? first_element_end(&b, 1) : 0;
    if (n == 1) {
        memmove(b.p, b.p + 1, b.len - 1);
        b.len--;
        sbuf_adds(&b, "\n");
    } else if (cut > 2 && b.p[1] == '{' && b.p[cut - 1] == '}') {
        /* [{head},{child},...] -> {head,"children":[{child},...]} */
        sbuf out = {0};
        sbuf_add(&out, b.p + 1, cut - 2);
        if (cut - 2 > 1) /* head is not "{}" */
            sbuf_adds(&out, ",");
        sbuf_json_str(&out, children);
        sbuf_adds(&out, ":[");
        sbuf_add(&out, b.p + cut + 1, b.len - cut - 1);
        sbuf_adds(&out, "]}\n");
        free(b.p);
        b = out;
    } else {
        sbuf_adds(&b, "]\n");
    }
    if (b.oom) {
        free(b.p);
        return send_error(c, 500, "out of memory", NULL);
    }
    return send_buf(c, 200, b.p, b.len, "application/json; charset=utf-8");
}

static const char INDEX_JSON[] =
    "{\"name\":\"treve\",\"version\":\"" TREVE_VERSION "\",\"endpoints\":[\"/api/events\",\"/api/ceasefires\","
    "\"/api/ceasefires/{id}\",\"/api/stories/{id}\",\"/api/articles/{id}\",\"/api/stats\"]}\n";

static enum MHD_Result api(struct MHD_Connection *c, const char *url)
{
    static const struct {
        const char *prefix;
        one_fn fn;
        const char *children;
    } by_id[] = {{"/api/ceasefires/", treve_store_ceasefire, NULL},
                 {"/api/stories/", treve_store_story, NULL},
                 {"/api/articles/", treve_store_article, "events"}};
    if (strcmp(url, "/api/events") == 0)
        return api_list(c, 0);
    if (strcmp(url, "/api/ceasefires") == 0)
        return api_list(c, 1);
    if (strcmp(url, "/api/stats") == 0)
        return api_one(c, store_stats_by_id, NULL, NULL);
    if (strcmp(url, "/api") == 0 || strcmp(url, "/api/") == 0) {
        char *j = strdup(INDEX_JSON);
        return j ? send_buf(c, 200, j, strlen(j), "application/json; charset=utf-8") : MHD_NO;
    }
    for (size_t i = 0; i < sizeof by_id / sizeof *by_id; i++) {
        size_t n = strlen(by_id[i].prefix);
        if (strncmp(url, by_id[i].prefix, n) == 0 && url[n])
            return api_one(c, by_id[i].fn, url + n, by_id[i].children);
    }
    return send_error(c, 404, "no such endpoint", NULL);
}

/* ---- static files -------------------------------------------------------*/
static int read_file(const char *dir, const char *name, char **data, size_t *len)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return -1;
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    sbuf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_add(&b, chunk, n);
    int bad = ferror(f) || b.oom;
    fclose(f);
    if (bad) {
        free(b.p);
        return -1;
    }
    if (!b.p)
        b.p = calloc(1, 1);
    *data = b.p;
    *len = b.len;
    return 0;
}

/* Loads every known file into memory and builds its response once. */
static int load_static(const char *dir)
{
    for (size_t i = 0; i < sizeof STATIC_FILES / sizeof *STATIC_FILES; i++) {
        static_file *f = &STATIC_FILES[i];
        char *data = NULL;
        size_t len = 0;
        if (read_file(dir, f->file, &data, &len) != 0 && (!f->file2 || read_file(dir, f->file2, &data, &len) != 0)) {
            if (!f->optional) {
                fprintf(stderr, "treve serve: cannot read %s/%s (see --web)\n", dir, f->file);
                return -1;
            }
            if (strcmp(f->file, "world-110m.json") == 0)
                fprintf(stderr, "treve serve: no world outline in %s: the map draws events only\n", dir);
            continue;
        }
        f->resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
        if (!f->resp) {
            free(data);
            return -1;
        }
        add_common_headers(f->resp, f->type);
        MHD_add_response_header(f->resp, "Cache-Control", "no-cache");
    }
    return 0;
}

static void free_static(void)
{
    for (size_t i = 0; i < sizeof STATIC_FILES / sizeof *STATIC_FILES; i++)
        if (STATIC_FILES[i].resp) {
            MHD_destroy_response(STATIC_FILES[i].resp);
            STATIC_FILES[i].resp = NULL;
        }
}

static enum MHD_Result serve_static(struct MHD_Connection *c, const char *url)
{
    for (size_t i = 0; i < sizeof STATIC_FILES / sizeof *STATIC_FILES; i++)
        if (STATIC_FILES[i].resp && strcmp(url, STATIC_FILES[i].path) == 0)
            return MHD_queue_response(c, MHD_HTTP_OK, STATIC_FILES[i].resp);
    return send_error(c, 404, "no such file", NULL);
}

/* ---- request dispatch ---------------------------------------------------*/
static enum MHD_Result header_size(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    size_t *n = cls;
    *n += strlen(key) + (value ? strlen(value) : 0) + 4;
    return MHD_YES;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size,
                              void **con_cls)
{
    (void)cls;
    (void)version;
    (void)upload_data;
    request *r = *con_cls;
    if (!r)
        return MHD_NO; /* the URI logger could not allocate */
    if (!r->started) {
        r->started = 1;
        if (r->uri_len > MAX_URI)
            return send_error(c, 414, "the request URI is longer than 4096 bytes", NULL);
        size_t hs = 0;
        MHD_get_connection_values(c, MHD_HEADER_KIND, header_size, &hs);
        if (hs > MAX_HEADERS)
            return send_error(c, 431, "the request headers are larger than 16384 bytes", NULL);
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if (cl && (strlen(cl) > 9 || strtoul(cl, NULL, 10) > MAX_BODY))
            return send_error(c, 413, "request bodies are not accepted", NULL);
        if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
            return send_error(c, 405, "only GET and HEAD are allowed: this API is read-only", NULL);
        return MHD_YES; /* wait for the end of the (ignored) body */
    }
    if (*upload_data_size) {
        r->body += *upload_data_size;
        *upload_data_size = 0;
        if (r->body > MAX_BODY)
            r->too_big = 1;
        return MHD_YES;
    }
    if (r->too_big)
        return send_error(c, 413, "request bodies are not accepted", NULL);
    if (r->nul || strchr(url, '\\'))
        return send_error(c, 400, "bad character in the request path", NULL);
    if (strncmp(url, "/api", 4) == 0 && (url[4] == '\0' || url[4] == '/'))
        return api(c, url);
    return serve_static(c, url);
}

/* ---- command ------------------------------------------------------------*/
/* The dashboard folder: --web, else <dir of the executable>/web (the build
   tree), else <dir of the executable>/../share/treve/web (`make install`),
   else ./web. */
static const char *default_web_dir(char *buf, size_t n)
{
    char exe[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (k > 0) {
        exe[k] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = {"/web", "/../share/treve/web"};
            for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
                struct stat st;
                char idx[PATH_MAX + 64];
                snprintf(idx, sizeof idx, "%s%s/index.html", exe, rel[i]);
                size_t le = strlen(exe), lr = strlen(rel[i]);
                if (le + lr < n && stat(idx, &st) == 0) {
                    memcpy(buf, exe, le);
                    memcpy(buf + le, rel[i], lr + 1);
                    return buf;
                }
            }
        }
    }
    return "web";
}

int tool_serve(int argc, char **argv)
{
    tool_opts o;
    int rc = tool_parse_opts(argc, argv, &o, "serve"); /* checks every value (tool_opts.c) */
    if (rc >= 0)
        return rc;
    const char *db = o.db, *bind = o.bind ? o.bind : "127.0.0.1", *web = o.web;
    unsigned long port = tool_number(o.port, 8080), threads = tool_number(o.threads, 0),
                  per_ip = tool_number(o.max_per_ip, 256), timeout = tool_number(o.timeout, TIMEOUT);
    g_quiet = o.quiet;
    struct sockaddr_in sin;
    struct sockaddr_in6 sin6;
    struct sockaddr *sa;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
    memset(&sin, 0, sizeof sin);
    memset(&sin6, 0, sizeof sin6);
    if (inet_pton(AF_INET, bind, &sin.sin_addr) == 1) {
        sin.sin_family = AF_INET;
        sin.sin_port = htons((uint16_t)port);
        sa = (struct sockaddr *)&sin;
    } else if (inet_pton(AF_INET6, bind, &sin6.sin6_addr) == 1) {
        sin6.sin6_family = AF_INET6;
        sin6.sin6_port = htons((uint16_t)port);
        sa = (struct sockaddr *)&sin6;
        flags |= MHD_USE_IPv6;
    } else {
        fprintf(stderr, "treve: --bind takes an IPv4 or IPv6 address, not '%s'\n", bind);
        return EXIT_USAGE;
    }
    if (g_quiet)
        flags &= ~(unsigned)MHD_USE_ERROR_LOG;
    if (threads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n < 1 ? 1 : n > 16 ? 16 : (unsigned long)n;
    }

    /* The database must open read-only now, so that errors show at start. */
    treve_error err = {0};
    treve_store *probe = treve_store_open(db, TREVE_STORE_READONLY, &err);
    if (!probe) {
        fprintf(stderr, "treve: %s: %s\n", db, err.message ? err.message : treve_strerror(err.code));
        return EXIT_USAGE;
    }
    treve_store_close(probe);
    g_db_path = db;

    char webbuf[PATH_MAX];
    if (!web)
        web = default_web_dir(webbuf, sizeof webbuf);
    if (load_static(web) != 0) {
        free_static();
        return EXIT_USAGE;
    }

    /* Workers inherit this mask: only the main thread takes the signals. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, handle, NULL, MHD_OPTION_SOCK_ADDR, sa, MHD_OPTION_THREAD_POOL_SIZE,
        (unsigned)threads, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)2048, MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)per_ip, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)(timeout ? timeout : 1), MHD_OPTION_URI_LOG_CALLBACK, uri_logger, NULL, MHD_OPTION_NOTIFY_COMPLETED, request_done,
        NULL, MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "treve: cannot listen on %s port %lu: %s\n", bind, port,
                errno ? strerror(errno) : "libmicrohttpd refused to start");
        free_static();
        return EXIT_USAGE;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    unsigned actual = info ? info->port : (unsigned)port;
    fprintf(stderr, "treve serve: listening on http://%s%s%s:%u/ (database %s, read-only, %lu threads)\n",
            sa->sa_family == AF_INET6 ? "[" : "", bind, sa->sa_family == AF_INET6 ? "]" : "", actual, db, threads);
    fflush(stderr);

    int sig = 0;
    sigwait(&set, &sig);
    if (!g_quiet)
        fprintf(stderr, "treve serve: %s, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    MHD_stop_daemon(d);
    free_static();
    pthread_mutex_lock(&g_stores_lock);
    for (size_t i = 0; i < g_nstores; i++)
        treve_store_close(g_stores[i]);
    g_nstores = 0;
    pthread_mutex_unlock(&g_stores_lock);
    return 0;
}
