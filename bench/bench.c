/*
 * bench.c — throughput of each pipeline stage on a corpus (one core).
 *
 *   bench CORPUS [ARTICLE_BYTES]
 *
 * The corpus is cut into articles of about ARTICLE_BYTES (default 3000) at
 * paragraph breaks; each article goes through the stages one by one, timed
 * separately: text layer (normalise, tokens, sentences), dictionary match,
 * numbers, times, then the whole treve_doc_analyse (which adds the event
 * coder). Prints MB/s per stage and cumulatively (CPU time of the thread:
 * per core, not disturbed by other processes), and the peak RSS.
 */
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* CPU time of this thread: MB/s per core, whatever else the machine runs. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench CORPUS [ARTICLE_BYTES]\n");
        return 2;
    }
    size_t article = argc > 2 ? (size_t)atol(argv[2]) : 3000;
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "cannot read corpus\n");
        return 2;
    }
    fclose(f);

    double t_ctx = now();
    treve_error err;
    treve_ctx *ctx = treve_ctx_new(NULL, &err);
    if (!ctx) {
        fprintf(stderr, "context: %s\n", err.message);
        return 2;
    }
    t_ctx = now() - t_ctx;

    double t_text = 0, t_match = 0, t_num = 0, t_time = 0, t_all = 0;
    size_t bytes = 0, articles = 0, events = 0, rejected = 0;
    int64_t dct = 1663056000; /* 2022-09-13T08:00:00Z */
    for (size_t pos = 0; pos < (size_t)size;) {
        size_t end = pos + article < (size_t)size ? pos + article : (size_t)size;
        while (end < (size_t)size && !(buf[end - 1] == '\n' && buf[end] == '\n'))
            end++;
        const char *src = buf + pos;
        size_t len = end - pos;
        pos = end;

        tv_arena *a = tv_arena_new(0);
        tv_text x;
        double t0 = now();
        if (tv_text_build(&x, a, src, len, 0, "fr", TREVE_UTF8_REPLACE, &err) != TREVE_OK) {
            tv_arena_free(a);
            rejected++;
            continue;
        }
        double t1 = now();
        tv_match *m;
        size_t nm;
        tv_lexicon_match(ctx->lex, &x, a, &m, &nm, &err);
        double t2 = now();
        tv_number *nums;
        size_t nn;
        tv_numbers_find(&x, "fr", a, &nums, &nn, &err);
        double t3 = now();
        tv_timex *tx;
        size_t nt;
        tv_time_options to = {.lang = "fr", .dct = dct, .zone = "UTC"};
        tv_times_find(&x, nums, nn, &to, a, &tx, &nt, &err);
        double t4 = now();
        tv_arena_free(a);

        treve_article art = {.text = src, .len = len, .lang = "fr", .published = "2022-09-13T08:00:00Z",
                             .invalid_utf8 = TREVE_UTF8_REPLACE};
        double t5 = now();
        treve_doc *doc = treve_doc_analyse(ctx, &art, &err);
        double t6 = now();
        if (doc)
            events += treve_doc_event_count(doc);
        treve_doc_free(doc);

        t_text += t1 - t0;
        t_match += t2 - t1;
        t_num += t3 - t2;
        t_time += t4 - t3;
        t_all += t6 - t5;
        bytes += len;
        articles++;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double mb = (double)bytes / 1e6;
    printf("corpus: %.1f MB in %zu articles (%zu rejected); dictionaries loaded in %.0f ms\n", mb, articles,
           rejected, t_ctx * 1000);
    printf("%-34s %9s %9s\n", "stage", "MB/s", "cumul.");
    printf("%-34s %9.1f %9.1f\n", "text (normalise, tokens, sentences)", mb / t_text, mb / t_text);
    printf("%-34s %9.1f %9.1f\n", "dictionary match", mb / t_match, mb / (t_text + t_match));
    printf("%-34s %9.1f %9.1f\n", "numbers", mb / t_num, mb / (t_text + t_match + t_num));
    printf("%-34s %9.1f %9.1f\n", "times", mb / t_time, mb / (t_text + t_match + t_num + t_time));
    printf("%-34s %9s %9.1f\n", "treve_doc_analyse (end to end)", "", mb / t_all);
    printf("articles/s end to end: %.0f; events: %zu\n", (double)articles / t_all, events);
    printf("peak RSS: %.1f MB, of which the corpus buffer %.1f MB\n", ru.ru_maxrss / 1024.0, size / 1048576.0);
    free(buf);
    treve_ctx_free(ctx);
    return 0;
}
