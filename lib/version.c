/*
 * version.c — what a build of libtreve is made of: its version, its built-in
 * data (each embedded file with its size and number of entries, and one
 * digest of them all: the data version) and the run-time versions of the
 * libraries it calls. Read by `treve --version` and the Python module; it
 * takes nothing from the pipeline and changes nothing.
 */
#include "doc.h"
#include "sha1.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unicode/uversion.h>
#include <utf8proc.h>

const char *treve_version(void) { return TREVE_VERSION; }

size_t treve_data_count(void) { return tv_embedded_file_count; }

/* Lines that are neither blank nor '#' comments (after leading blanks). */
static size_t count_entries(const unsigned char *p, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
            i++;
        if (i < len && p[i] != '\n' && p[i] != '#')
            n++;
        while (i < len && p[i] != '\n')
            i++;
        i++;
    }
    return n;
}

int treve_data_file(size_t i, treve_data_info *out)
{
    if (!out || i >= tv_embedded_file_count)
        return TREVE_EINVAL;
    const tv_embedded_file *f = &tv_embedded_files[i];
    out->name = f->name;
    out->bytes = f->len;
    out->entries = count_entries(f->bytes, f->len);
    return TREVE_OK;
}

/* SHA-1 of the list "name NUL sha1(bytes) LF", one line per file, in the
   embedding order (sorted paths): the same data gives the same digest. */
void treve_data_digest(char out[41])
{
    tv_buf list = {0};
    for (size_t i = 0; i < tv_embedded_file_count; i++) {
        const tv_embedded_file *f = &tv_embedded_files[i];
        char h[41];
        tv_sha1_hex(f->bytes, f->len, h);
        tv_buf_add(&list, f->name, strlen(f->name) + 1);
        tv_buf_add(&list, h, 40);
        tv_buf_addc(&list, '\n');
    }
    if (list.failed)
        snprintf(out, 41, "%s", "unknown (out of memory)");
    else
        tv_sha1_hex(list.data, list.len, out);
    tv_buf_free(&list);
}

int treve_write_library_versions(treve_write_fn w, void *user)
{
    if (!w)
        return TREVE_EINVAL;
    UVersionInfo icu;
    char icu_s[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(icu);
    u_versionToString(icu, icu_s);
    char line[256];
    int n = snprintf(line, sizeof line, "SQLite %s\nICU %s\nutf8proc %s\njansson %s\n", sqlite3_libversion(), icu_s,
                     utf8proc_version(), jansson_version_str());
    if (n < 0 || (size_t)n >= sizeof line)
        return TREVE_EIO;
    return w(user, line, (size_t)n) == 0 ? TREVE_OK : TREVE_EIO;
}
