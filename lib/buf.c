/*
 * buf.c — shared helpers: the output buffer (JSON and CSV escaping), UTF-8
 * decoding, and civil-date arithmetic. Used by every writer and stage.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void tv_buf_free(tv_buf *b)
{
    if (!b)
        return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

static bool buf_reserve(tv_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        b->failed = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void tv_buf_add(tv_buf *b, const char *s, size_t n)
{
    if (!n || !buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void tv_buf_adds(tv_buf *b, const char *s) { tv_buf_add(b, s, strlen(s)); }

void tv_buf_addc(tv_buf *b, char c) { tv_buf_add(b, &c, 1); }

void tv_buf_printf(tv_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        tv_buf_add(b, small, (size_t)n);
        return;
    }
    if (!buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void tv_buf_json_str(tv_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    tv_buf_addc(b, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            int32_t cp;
            size_t k = tv_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (k == 0) {
                tv_buf_add(b, "\xEF\xBF\xBD", 3);
                i++;
            } else {
                tv_buf_add(b, s + i, k);
                i += k;
            }
            continue;
        }
        size_t run = i;
        while (run < n && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x80 && s[run] != '"' &&
               s[run] != '\\')
            run++;
        if (run > i) {
            tv_buf_add(b, s + i, run - i);
            i = run;
            continue;
        }
        switch (c) {
        case '"': tv_buf_add(b, "\\\"", 2); break;
        case '\\': tv_buf_add(b, "\\\\", 2); break;
        case '\n': tv_buf_add(b, "\\n", 2); break;
        case '\r': tv_buf_add(b, "\\r", 2); break;
        case '\t': tv_buf_add(b, "\\t", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            tv_buf_add(b, e, 6);
        }
        }
        i++;
    }
    tv_buf_addc(b, '"');
}

void tv_buf_json_utc(tv_buf *b, int64_t t)
{
    if (t == INT64_MIN) {
        tv_buf_adds(b, "null");
        return;
    }
    char s[32];
    tv_format_utc(t, s);
    tv_buf_addc(b, '"');
    tv_buf_adds(b, s);
    tv_buf_addc(b, '"');
}

void tv_buf_csv_field(tv_buf *b, const char *s, size_t n)
{
    bool quote = false;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r')
            quote = true;
    if (!quote) {
        tv_buf_add(b, s, n);
        return;
    }
    tv_buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            tv_buf_addc(b, '"');
        tv_buf_addc(b, s[i]);
    }
    tv_buf_addc(b, '"');
}

int tv_buf_flush(tv_buf *b, treve_write_fn w, void *user)
{
    if (b->failed) {
        b->len = 0;
        b->failed = false;
        return TREVE_ENOMEM;
    }
    int rc = 0;
    if (b->len && w(user, b->data, b->len) != 0)
        rc = TREVE_EIO;
    b->len = 0;
    return rc;
}

int treve_write_file(void *file, const char *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)file) == len ? 0 : -1;
}

size_t tv_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

size_t tv_utf8_encode(int32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Howard Hinnant's days_from_civil / civil_from_days algorithms. */
int64_t tv_days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

void tv_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

void tv_format_utc(int64_t t, char out[32])
{
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t secs = t - days * 86400;
    int64_t y;
    unsigned m, d;
    tv_civil_from_days(days, &y, &m, &d);
    snprintf(out, 32, "%04lld-%02u-%02uT%02d:%02d:%02dZ", (long long)y, m, d, (int)(secs / 3600),
             (int)(secs / 60 % 60), (int)(secs % 60));
}
