/*
 * fuzz_dict.c — libFuzzer target for the dictionary loader (lib/lexicon.c):
 * arbitrary bytes are loaded as a dictionary file (the first half) and as an
 * inflection table (the part after the first NUL byte, if any), compiled, and
 * matched over a fixed French sentence. Looks for crashes, leaks and
 * undefined behaviour only; errors are expected.
 */
#include "lexicon.h"

#include <stdlib.h>

static const char SENTENCE[] = "Titre\n\nLe ministère russe des Affaires étrangères a appelé l'Arménie et "
                               "l'Azerbaïdjan à respecter le cessez-le-feu au Nagorny-Karabakh. Moscou négocie.";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *buf = (const char *)data;
    const char *nul = memchr(buf, 0, size);
    size_t dlen = nul ? (size_t)(nul - buf) : size;
    tv_lexicon *lx = tv_lexicon_new();
    if (!lx)
        return 0;
    treve_error err;
    if (nul)
        tv_lexicon_load_inflections(lx, "fuzz.tsv", nul + 1, size - dlen - 1, &err);
    tv_lexicon_load(lx, "fuzz.txt", buf, dlen, &err);
    if (tv_lexicon_compile(lx, &err) == TREVE_OK) {
        tv_arena *a = tv_arena_new(0);
        tv_text t;
        if (a && tv_text_build(&t, a, SENTENCE, sizeof SENTENCE - 1, 0, "fr", TREVE_UTF8_REJECT, &err) == TREVE_OK) {
            tv_match *m;
            size_t n;
            if (tv_lexicon_match(lx, &t, a, &m, &n, &err) == TREVE_OK) {
                for (size_t i = 0; i < n; i++) {
                    if (m[i].tok_first >= m[i].tok_end || m[i].tok_end > t.ntok || !m[i].entry)
                        abort();
                    (void)tv_entry_attr(m[i].entry, "lat");
                }
            }
            const tv_entry *e[4];
            tv_lexicon_lookup(lx, "armenie", 7, e, 4);
        }
        tv_arena_free(a);
    }
    tv_lexicon_free(lx);
    return 0;
}
