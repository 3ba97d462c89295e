/*
 * test_lexicon.c — the dictionary loader and matcher (lib/lexicon.c):
 * parse errors with their line and offset, attributes, quotes, slots,
 * hyphen/space variants, case constraints, longest match, sentence
 * boundaries, inflection expansion, and every embedded dictionary.
 */
#include "doc.h"
#include "lexicon.h"
#include "unit.h"

#include <stdlib.h>

/* Loads one in-memory file into a fresh lexicon; returns the load code. */
static int load1(tv_lexicon **out, const char *src, treve_error *err)
{
    *out = tv_lexicon_new();
    memset(err, 0, sizeof *err);
    return tv_lexicon_load(*out, "t.txt", src, strlen(src), err);
}

static void expect_error(const char *src, size_t line, size_t offset, const char *msg_part)
{
    tv_lexicon *lx;
    treve_error err;
    int rc = load1(&lx, src, &err);
    CHECK(rc == TREVE_EDICT);
    CHECK(err.code == TREVE_EDICT);
    CHECK(err.line == line);
    CHECK(err.offset == offset);
    if (!(err.message && strstr(err.message, msg_part)))
        fprintf(stderr, "  for %s: message \"%s\" lacks \"%s\"\n", src, err.message ? err.message : "", msg_part);
    CHECK(err.message && strstr(err.message, msg_part));
    tv_lexicon_free(lx);
}

static void test_parse_errors(void)
{
    expect_error("ARM country Arménie\n", 1, 0, "missing ':'");
    expect_error("# c\nARM country : Arménie\nAZE\n", 3, 27, "missing class");
    expect_error("ARM country : Arménie\nA/M country : x\n", 2, 23, "bad character in code");
    expect_error("ARM Country : x\n", 1, 0, "class must be lower-case");
    expect_error("ARM : x\n", 1, 0, "missing class");
    expect_error("ARM country :\n", 1, 0, "no forms");
    expect_error("ARM country : a ; ; b\n", 1, 0, "empty form");
    expect_error("ARM country : a ;\n", 1, 0, "empty form");
    expect_error("ARM country note=\"open : x\n", 1, 0, "unterminated quote");
    expect_error("ARM country : \"open ; x\n", 1, 0, "unterminated quote");
    expect_error("ARM country lat : x\n", 1, 0, "attribute");
    expect_error("ARM country =1 : x\n", 1, 0, "attribute");
    expect_error("ARM country k= : x\n", 1, 0, "empty attribute value");
    expect_error("GOV role : ministère {demonym des Affaires\n", 1, 0, "unterminated slot");
    expect_error("GOV role : ministère{demonym} x\n", 1, 0, "separate word");
    expect_error("GOV role : ministère {} x\n", 1, 0, "empty slot");
    expect_error("ARM country case=lower : x\n", 1, 0, "case=");
    expect_error("ok x : y\r\nARM country : \xff\r\n", 2, 10, "UTF-8");
    /* a {slot} naming a class with no entries is found when compiling */
    tv_lexicon *lx;
    treve_error err;
    CHECK(load1(&lx, "\n\nGOV role : ministre {nothing}\n", &err) == TREVE_OK);
    CHECK(tv_lexicon_compile(lx, &err) == TREVE_EDICT);
    CHECK(err.line == 3);
    tv_lexicon_free(lx);
    /* the lines before a bad one stay loaded */
    CHECK(load1(&lx, "ARM country : Arménie\nAZE country Azerbaïdjan\n", &err) == TREVE_EDICT);
    CHECK(tv_lexicon_entry_count(lx) == 1);
    CHECK(tv_lexicon_compile(lx, &err) == TREVE_OK);
    const tv_entry *e[4];
    CHECK(tv_lexicon_lookup(lx, "armenie", 7, e, 4) == 1);
    CHECK(tv_lexicon_lookup(lx, "azerbaidjan", 11, e, 4) == 0);
    tv_lexicon_free(lx);
}

static void test_entries(void)
{
    tv_lexicon *lx;
    treve_error err;
    const char *src = "# comment line\n"
                      "\n"
                      "  ARM   country lat=40 lon=45 tz=Asia/Yerevan note=\"two words\" : Arménie ; République "
                      "d'Arménie # trailing comment\n"
                      "- trigger : \"a; b\" ; c\n"
                      "RUS country:Russie\n";
    CHECK(load1(&lx, src, &err) == TREVE_OK);
    CHECK(tv_lexicon_entry_count(lx) == 3);
    CHECK(tv_lexicon_compile(lx, &err) == TREVE_OK);
    const tv_entry *e[4];
    CHECK(tv_lexicon_lookup(lx, "ARMÉNIE", strlen("ARMÉNIE"), e, 4) == 1);
    CHECK_STR(e[0]->code, "ARM");
    CHECK_STR(e[0]->cls, "country");
    CHECK_STR(e[0]->lemma, "Arménie");
    CHECK_STR(e[0]->file, "t.txt");
    CHECK(e[0]->line == 3);
    CHECK_STR(tv_entry_attr(e[0], "lat"), "40");
    CHECK_STR(tv_entry_attr(e[0], "tz"), "Asia/Yerevan");
    CHECK_STR(tv_entry_attr(e[0], "note"), "two words");
    CHECK(tv_entry_attr(e[0], "nope") == NULL);
    CHECK(e[0]->cls_id == tv_lexicon_class(lx, "country"));
    CHECK(tv_lexicon_class(lx, "country") != 0);
    CHECK(tv_lexicon_class(lx, "trigger") != tv_lexicon_class(lx, "country"));
    CHECK(tv_lexicon_class(lx, "absent") == 0);
    CHECK(tv_lexicon_lookup(lx, "republique d'armenie", 20, e, 4) == 1);
    CHECK(tv_lexicon_lookup(lx, "a; b", 4, e, 4) == 1);
    CHECK_STR(e[0]->code, "");
    CHECK(tv_lexicon_lookup(lx, "russie", 6, e, 4) == 1);
    tv_lexicon_free(lx);
}

/* Builds text and matches it; returns the number of matches. */
typedef struct matched {
    tv_arena *a;
    tv_text t;
    tv_match *m;
    size_t n;
} matched;

static size_t run(matched *r, const tv_lexicon *lx, const char *s)
{
    treve_error err;
    r->a = tv_arena_new(0);
    CHECK(tv_text_build(&r->t, r->a, s, strlen(s), 0, "fr", TREVE_UTF8_REJECT, &err) == TREVE_OK);
    CHECK(tv_lexicon_match(lx, &r->t, r->a, &r->m, &r->n, &err) == TREVE_OK);
    return r->n;
}

/* Original text of match i. */
static const char *mtext(const matched *r, size_t i, char *buf, size_t cap)
{
    const tv_match *m = &r->m[i];
    size_t s = r->t.tok[m->tok_first].start, e = r->t.tok[m->tok_end - 1].end;
    size_t n = e - s < cap - 1 ? e - s : cap - 1;
    memcpy(buf, r->t.src + s, n);
    buf[n] = 0;
    return buf;
}

static void test_matching(void)
{
    tv_lexicon *lx;
    treve_error err;
    const char *src = "ARM country : Arménie\n"
                      "AZE country : Azerbaïdjan\n"
                      "RUS demonym : russe ; russes\n"
                      "ARM demonym : arménien ; arméniens\n"
                      "AZE place : Nagorny Karabakh ; Haut-Karabakh\n"
                      "GOV role : ministère ; ministère des Affaires étrangères ; ministère {demonym} des Affaires "
                      "étrangères ; Premier ministre\n"
                      "MIL role : soldats\n"
                      "IGOUNO org : Nations unies\n"
                      "GRD country case=cap : Grenade\n"
                      "ARE country case=upper : EAU\n"
                      "- trigger : cessez-le-feu\n"
                      "- place : St. Louis ; Louis. Ainsi\n";
    CHECK(load1(&lx, src, &err) == TREVE_OK);
    CHECK(tv_lexicon_compile(lx, &err) == TREVE_OK);
    matched r;
    char b[128];

    /* elision, slot, longest match, hyphen variant */
    run(&r, lx,
        "Le ministère russe des Affaires étrangères a appelé l'Arménie et l'AZERBAÏDJAN au cessez-le-feu au "
        "Nagorny-Karabakh.");
    CHECK(r.n == 5);
    if (r.n == 5) {
        CHECK_STR(mtext(&r, 0, b, sizeof b), "ministère russe des Affaires étrangères");
        CHECK_STR(r.m[0].entry->code, "GOV");
        CHECK(r.m[0].slot && strcmp(r.m[0].slot->code, "RUS") == 0);
        CHECK(r.m[0].slot_tok == r.m[0].tok_first + 1);
        CHECK_STR(mtext(&r, 1, b, sizeof b), "Arménie");
        CHECK_STR(mtext(&r, 2, b, sizeof b), "AZERBAÏDJAN");
        CHECK_STR(r.m[2].entry->code, "AZE");
        CHECK_STR(mtext(&r, 3, b, sizeof b), "cessez-le-feu");
        CHECK_STR(mtext(&r, 4, b, sizeof b), "Nagorny-Karabakh");
        CHECK_STR(r.m[4].entry->cls, "place");
        CHECK(r.m[1].slot == NULL && r.m[1].morph == NULL);
    }
    tv_arena_free(r.a);

    /* space variant of a hyphenated form; plain form without the slot */
    run(&r, lx, "Au Haut Karabakh, le ministère des Affaires étrangères et les Nations-Unies.");
    CHECK(r.n == 3);
    if (r.n == 3) {
        CHECK_STR(mtext(&r, 0, b, sizeof b), "Haut Karabakh");
        CHECK_STR(mtext(&r, 1, b, sizeof b), "ministère des Affaires étrangères");
        CHECK(r.m[1].slot == NULL);
        CHECK_STR(mtext(&r, 2, b, sizeof b), "Nations-Unies");
    }
    tv_arena_free(r.a);

    /* a match never crosses a sentence: "ministère" alone, then "Premier" */
    run(&r, lx, "Titre\n\nIl a vu le ministère. Premier ministre arménien.");
    CHECK(r.n == 3);
    if (r.n == 3) {
        CHECK_STR(mtext(&r, 0, b, sizeof b), "ministère");
        CHECK_STR(mtext(&r, 1, b, sizeof b), "Premier ministre");
        CHECK_STR(mtext(&r, 2, b, sizeof b), "arménien");
        CHECK(r.t.tok[r.m[0].tok_first].sentence != r.t.tok[r.m[1].tok_first].sentence);
    }
    tv_arena_free(r.a);
    run(&r, lx, "Titre\n\nLe ministère russe. Des Affaires étrangères.");
    CHECK(r.n == 2); /* ministère + russe, not the slot form */
    tv_arena_free(r.a);
    /* a form holding a full stop matches inside a sentence only */
    run(&r, lx, "Titre\n\nLa ville de St. Louis. Il vit à Louis. Ainsi soit-il.");
    CHECK(r.n == 1);
    if (r.n == 1)
        CHECK_STR(mtext(&r, 0, b, sizeof b), "St. Louis");
    tv_arena_free(r.a);

    /* case constraints */
    run(&r, lx, "une grenade et de l'eau. La Grenade et les EAU.");
    CHECK(r.n == 2);
    if (r.n == 2) {
        CHECK_STR(mtext(&r, 0, b, sizeof b), "Grenade");
        CHECK_STR(mtext(&r, 1, b, sizeof b), "EAU");
    }
    tv_arena_free(r.a);

    /* 49 soldats arméniens: two matches side by side */
    run(&r, lx, "Au moins 49 soldats arméniens ont été tués");
    CHECK(r.n == 2);
    tv_arena_free(r.a);

    /* nothing to match, empty text */
    CHECK(run(&r, lx, "") == 0);
    tv_arena_free(r.a);
    tv_lexicon_free(lx);
}

static void test_inflections(void)
{
    tv_lexicon *lx;
    treve_error err;
    const char *infl = "# lemma\tform\tmorph\n"
                       "négocier\tnégocier\tinfi\n"
                       "négocier\tnégocie\tipre 3sg\n"
                       "négocier\tnégocie\tspre 3sg\n"
                       "négocier\tnégociera\tfutu 3sg\n"
                       "négocier\tnégocié\tppas mas sg\n";
    CHECK(load1(&lx, "0871 trigger inflect=1 : négocier un cessez-le-feu ; négocier\n- other : négociera\n", &err) ==
          TREVE_OK);
    CHECK(tv_lexicon_load_inflections(lx, "infl.tsv", infl, strlen(infl), &err) == TREVE_OK);
    CHECK(tv_lexicon_compile(lx, &err) == TREVE_OK);
    matched r;
    char b[128];
    run(&r, lx, "Moscou négociera un cessez-le-feu. Moscou négocie. Il a négocié. Il négociera.");
    CHECK(r.n == 5);
    if (r.n == 5) {
        CHECK_STR(mtext(&r, 0, b, sizeof b), "négociera un cessez-le-feu");
        CHECK_STR(r.m[0].morph, "futu 3sg");
        CHECK_STR(mtext(&r, 1, b, sizeof b), "négocie");
        /* folding strips accents: négocie = négocié, analyses merged */
        CHECK_STR(r.m[1].morph, "ipre 3sg | spre 3sg | ppas mas sg");
        CHECK_STR(mtext(&r, 2, b, sizeof b), "négocié");
        CHECK_STR(r.m[2].morph, "ipre 3sg | spre 3sg | ppas mas sg");
        /* one span, two entries: the inflected trigger and the plain form */
        CHECK(r.m[3].tok_first == r.m[4].tok_first);
        CHECK_STR(r.m[3].entry->code, "0871");
        CHECK_STR(r.m[3].morph, "futu 3sg");
        CHECK_STR(r.m[4].entry->cls, "other");
        CHECK(r.m[4].morph == NULL);
    }
    tv_arena_free(r.a);
    tv_lexicon_free(lx);

    /* malformed inflection line */
    lx = tv_lexicon_new();
    CHECK(tv_lexicon_load_inflections(lx, "i", "a\tb\tc\nab\n", 8, &err) == TREVE_EDICT);
    CHECK(err.line == 2 && err.offset == 6);
    tv_lexicon_free(lx);
}

static void test_embedded(void)
{
    /* every embedded dictionary loads on its own, and all of them together */
    tv_lexicon *all = tv_lexicon_new();
    size_t files = 0;
    for (size_t i = 0; i < tv_embedded_file_count; i++) {
        const tv_embedded_file *f = &tv_embedded_files[i];
        treve_error err = {0};
        if (strstr(f->name, "inflections")) {
            CHECK(tv_lexicon_load_inflections(all, f->name, (const char *)f->bytes, f->len, &err) == TREVE_OK);
            continue;
        }
        tv_lexicon *one = tv_lexicon_new();
        int rc = tv_lexicon_load(one, f->name, (const char *)f->bytes, f->len, &err);
        if (rc != TREVE_OK)
            fprintf(stderr, "  %s:%zu: %s\n", f->name, err.line, err.message);
        CHECK(rc == TREVE_OK);
        CHECK(tv_lexicon_entry_count(one) > 0);
        tv_lexicon_free(one);
        CHECK(tv_lexicon_load(all, f->name, (const char *)f->bytes, f->len, &err) == TREVE_OK);
        files++;
    }
    treve_error err = {0};
    int rc = tv_lexicon_compile(all, &err);
    if (rc != TREVE_OK)
        fprintf(stderr, "  compile: line %zu: %s\n", err.line, err.message);
    CHECK(rc == TREVE_OK);
    CHECK(files >= 7);
    const tv_entry *e[8];
    size_t n = tv_lexicon_lookup(all, "russie", 6, e, 8);
    CHECK(n >= 1 && strcmp(e[0]->code, "RUS") == 0);
    tv_lexicon_free(all);
}

/* compile may run again after more loading */
static void test_recompile(void)
{
    tv_lexicon *lx;
    treve_error err;
    CHECK(load1(&lx, "ARM country : Arménie\n", &err) == TREVE_OK);
    CHECK(tv_lexicon_compile(lx, &err) == TREVE_OK);
    const char *more = "AZE country : Azerbaïdjan\n";
    CHECK(tv_lexicon_load(lx, "more", more, strlen(more), &err) == TREVE_OK);
    CHECK(tv_lexicon_compile(lx, &err) == TREVE_OK);
    const tv_entry *e[2];
    CHECK(tv_lexicon_lookup(lx, "armenie", 7, e, 2) == 1);
    CHECK(tv_lexicon_lookup(lx, "azerbaidjan", 11, e, 2) == 1);
    tv_lexicon_free(lx);
}

int main(void)
{
    test_parse_errors();
    test_entries();
    test_matching();
    test_inflections();
    test_embedded();
    test_recompile();
    return unit_summary("test_lexicon");
}
