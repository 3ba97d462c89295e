/*
 * arena.c — the per-article bump allocator.
 *
 * Every stage allocates its results (tokens, matches, numbers, times,
 * events) here; treve_doc_free releases the whole article at once. Blocks
 * grow geometrically; a limit caps the total so that one pathological
 * article cannot take the machine's memory. All size arithmetic is checked.
 */
#include "internal.h"

#include <stdlib.h>

typedef struct tv_block {
    struct tv_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} tv_block;

struct tv_arena {
    tv_block *head;
    size_t total, limit;
};

tv_arena *tv_arena_new(size_t limit)
{
    tv_arena *a = calloc(1, sizeof *a);
    if (a)
        a->limit = limit ? limit : SIZE_MAX;
    return a;
}

void tv_arena_free(tv_arena *a)
{
    if (!a)
        return;
    tv_block *b = a->head;
    while (b) {
        tv_block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

size_t tv_arena_used(const tv_arena *a) { return a ? a->total : 0; }

static void *arena_take(tv_arena *a, size_t size, bool zero);

void *tv_arena_alloc(tv_arena *a, size_t size) { return arena_take(a, size, true); }

void *tv_arena_array_uninit(tv_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    return arena_take(a, n * size, false);
}

static void *arena_take(tv_arena *a, size_t size, bool zero)
{
    if (!a)
        return NULL;
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - 15)
        return NULL;
    size = (size + 15) & ~(size_t)15;
    tv_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = b ? b->size * 2 : 64 * 1024;
        if (want > 16u * 1024 * 1024)
            want = 16u * 1024 * 1024;
        if (want < size)
            want = size;
        if (a->total > a->limit || want > a->limit - a->total)
            return NULL;
        b = malloc(sizeof *b + want);
        if (!b)
            return NULL;
        b->size = want;
        b->used = 0;
        b->next = a->head;
        a->head = b;
        a->total += want;
    }
    void *p = b->data + b->used;
    b->used += size;
    if (zero)
        memset(p, 0, size);
    return p;
}

void *tv_arena_array(tv_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    return tv_arena_alloc(a, n * size);
}

char *tv_arena_strndup(tv_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = tv_arena_alloc(a, n + 1);
    if (p) {
        if (n)
            memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void tv_vec_init(tv_vec *v, size_t elem, size_t max)
{
    v->data = NULL;
    v->len = v->cap = 0;
    v->elem = elem;
    v->max = max;
}

void *tv_vec_push(tv_vec *v, tv_arena *a)
{
    if (v->len >= v->max)
        return NULL;
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        if (cap > v->max)
            cap = v->max;
        void *d = tv_arena_array(a, cap, v->elem);
        if (!d)
            return NULL;
        if (v->len)
            memcpy(d, v->data, v->len * v->elem);
        v->data = d;
        v->cap = cap;
    }
    void *p = (unsigned char *)v->data + v->len * v->elem;
    memset(p, 0, v->elem);
    v->len++;
    return p;
}
