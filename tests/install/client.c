/*
 * client.c — a program outside the tree that uses an installed libtreve:
 * tests/install/install.sh builds it with `pkg-config --cflags --libs treve`
 * against `make install`'s copy. It codes the article in argv[1] (French,
 * published argv[2]) and prints one JSON line per event on standard output,
 * as `treve code` does; any error goes to standard error with its offset.
 */
#include <treve.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: client ARTICLE PUBLISHED\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (strcmp(treve_version(), TREVE_VERSION) != 0) {
        fprintf(stderr, "client: header %s, library %s\n", TREVE_VERSION, treve_version());
        return 1;
    }
    treve_error err = {0};
    treve_ctx *ctx = treve_ctx_new(NULL, &err);
    if (!ctx) {
        fprintf(stderr, "client: %s\n", err.message);
        return 1;
    }
    treve_article a = {.text = buf, .len = n, .lang = "fr", .published = argv[2]};
    treve_doc *doc = treve_doc_analyse(ctx, &a, &err);
    if (!doc) {
        fprintf(stderr, "client: byte %zu: %s\n", err.offset, err.message);
        treve_ctx_free(ctx);
        return 1;
    }
    int rc = treve_doc_write_events(doc, TREVE_FORMAT_JSONL, treve_write_file, stdout);
    treve_doc_free(doc);
    treve_ctx_free(ctx);
    return rc == TREVE_OK ? 0 : 1;
}
