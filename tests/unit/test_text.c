/*
 * test_text.c — the text layer: normalisation and folding, tokens, sentences.
 * Every example is written for these tests (no dispatch text is copied).
 */
#include "text.h"
#include "unit.h"

#include <stdlib.h>
#include <time.h>

static char out[65536];

static tv_arena *A;

static int build(tv_text *x, const char *s, size_t n, size_t hl, treve_invalid_utf8 mode, treve_error *e)
{
    return tv_text_build(x, A, s, n, hl, NULL, mode, e);
}

/* Joins tokens as "src=norm" or just the source text. */
static const char *toks_mode(const char *s, int what)
{
    tv_text x;
    treve_error e = {0};
    out[0] = '\0';
    if (build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) != TREVE_OK)
        return "(error)";
    size_t o = 0;
    for (size_t i = 0; i < x.ntok && o < sizeof out - 256; i++) {
        const tv_token *t = &x.tok[i];
        if (i && what != 2)
            out[o++] = '|';
        if (what == 0) {
            memcpy(out + o, s + t->start, t->end - t->start);
            o += t->end - t->start;
        } else if (what == 1) {
            memcpy(out + o, tv_tok_norm(&x, t), tv_tok_nlen(t));
            o += tv_tok_nlen(t);
        } else {
            static const char kc[] = "?WNAPQOCS";
            out[o++] = kc[t->kind];
        }
    }
    out[o] = '\0';
    return out;
}
static const char *toks(const char *s) { return toks_mode(s, 0); }
static const char *norms(const char *s) { return toks_mode(s, 1); }
static const char *kinds(const char *s) { return toks_mode(s, 2); }

static const char *fold(const char *s)
{
    size_t n;
    const char *f = tv_fold(A, s, strlen(s), &n);
    return f ? f : "(null)";
}

static const char *normof(const char *s)
{
    tv_text x;
    treve_error e;
    if (build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) != TREVE_OK)
        return "(error)";
    return x.norm;
}

/* Sentences' source text joined by " || ". */
static const char *sents_hl(const char *s, size_t hl, const char *lang)
{
    tv_text x;
    treve_error e;
    if (tv_text_build(&x, A, s, strlen(s), hl, lang, TREVE_UTF8_REJECT, &e) != TREVE_OK)
        return "(error)";
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < x.nsent && o < sizeof out - 256; i++) {
        const tv_sentence *se = &x.sent[i];
        if (i) {
            memcpy(out + o, " || ", 4);
            o += 4;
        }
        memcpy(out + o, s + se->start, se->end - se->start);
        o += se->end - se->start;
    }
    out[o] = '\0';
    return out;
}
static const char *sents(const char *s) { return sents_hl(s, 0, NULL); }
/* Body only: a dummy headline line first. */
static const char *body(const char *s)
{
    static char buf[8192];
    snprintf(buf, sizeof buf, "Titre\n\n%s", s);
    const char *r = sents(buf);
    return strncmp(r, "Titre || ", 9) == 0 ? r + 9 : r;
}

/* Token i of s. */
static tv_token tok_at(const char *s, size_t i, tv_text *xo)
{
    tv_text x;
    treve_error e;
    tv_token none = {0};
    if (build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) != TREVE_OK || i >= x.ntok)
        return none;
    if (xo)
        *xo = x;
    return x.tok[i];
}

static void test_fold(void)
{
    CHECK_STR(fold("L'Arménie"), "l'armenie");
    CHECK_STR(fold("L’ARMÉNIE"), "l'armenie");
    CHECK_STR(fold("Azerbaïdjan"), "azerbaidjan");
    CHECK_STR(fold("cœur ŒUVRE Æther"), "coeur oeuvre aether");
    CHECK_STR(fold("« Trêve » “respectée” „ja“ ‹x›"), "\" treve \" \"respectee\" \"ja\" \"x\"");
    CHECK_STR(fold("l‘a lʼa l´a l`a"), "l'a l'a l'a l'a");
    CHECK_STR(fold("a\xC2\xA0" "b\xE2\x80\xAF" "c\xE2\x80\x87" "d\xE2\x80\x89" "e"), "a b c d e");
    CHECK_STR(fold("a‐b‑c‒d–e—f−g"), "a-b-c-d-e-f-g");
    CHECK_STR(fold("attendez…"), "attendez...");
    CHECK_STR(fold("a\tb\r\nc"), "a b \nc");
    CHECK_STR(fold("a\rb"), "a\nb");
    CHECK_STR(fold("Straße ﬁn n°5 ½"), "strasse fin n°5 1/2");
    CHECK_STR(fold("soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth"), "softhyphen zerowidth");
    CHECK_STR(fold("ÉTÉ été"), "ete ete");
    /* NFD: e + combining acute folds like é */
    CHECK_STR(fold("Arme\xCC\x81nie"), "armenie");
    CHECK_STR(fold("Россия"), "россия");
    CHECK(tv_fold(A, "a\xC3", 2, &(size_t){0}) == NULL);
    size_t n = 99;
    CHECK(tv_fold(A, "", 0, &n) != NULL && n == 0);
}

static void test_normalise(void)
{
    tv_text x;
    treve_error e = {0};
    /* norm_to_src maps each folded byte to its source character */
    const char *s = "É’…x";
    CHECK(build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) == TREVE_OK);
    CHECK_STR(x.norm, "e'...x");
    CHECK(x.norm_len == 6);
    CHECK(x.norm_to_src[0] == 0 && x.norm_to_src[1] == 2 && x.norm_to_src[2] == 5 && x.norm_to_src[4] == 5);
    CHECK(x.norm_to_src[5] == 8 && x.norm_to_src[6] == strlen(s));
    /* BOM */
    s = "\xEF\xBB\xBFLa paix";
    CHECK(build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) == TREVE_OK);
    CHECK(x.body_start == 3);
    CHECK_STR(x.norm, "la paix");
    CHECK(x.ntok == 2 && x.tok[0].start == 3 && x.tok[0].end == 5);
    /* invalid UTF-8 at offset 4 */
    s = "Paix\xC3(x";
    e.offset = 0;
    CHECK(build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) == TREVE_EUTF8);
    CHECK(e.code == TREVE_EUTF8 && e.offset == 4);
    s = "ab\xED\xA0\x80"; /* surrogate */
    CHECK(build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) == TREVE_EUTF8 && e.offset == 2);
    s = "abc\xC0\xAF"; /* overlong */
    CHECK(build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) == TREVE_EUTF8 && e.offset == 3);
    /* replace mode: each bad byte reads as its CP1252 character */
    s = "\xC9tat d'Arm\xE9nie \x93oui\x94 \x85 \x9C \x81";
    CHECK(build(&x, s, strlen(s), 0, TREVE_UTF8_REPLACE, &e) == TREVE_OK);
    CHECK_STR(x.norm, "etat d'armenie \"oui\" ... oe  ");
    CHECK(x.ntok == 8 && x.tok[2].start == 7 && x.tok[2].end == 14 && (x.tok[0].flags & TV_TF_CAP));
    CHECK(x.tok[3].kind == TV_TOK_QUOTE && (x.tok[3].flags & TV_TF_QOPEN));
    /* NUL */
    const char nul[] = "La\0paix";
    CHECK(build(&x, nul, 7, 0, TREVE_UTF8_REJECT, &e) == TREVE_ENUL && e.offset == 2);
    CHECK(build(&x, nul, 7, 0, TREVE_UTF8_REPLACE, &e) == TREVE_OK);
    CHECK(x.ntok == 2 && x.tok[1].start == 3 && x.tok[1].end == 7);
    /* too big */
    CHECK(tv_text_build(&x, A, "", TREVE_MAX_ARTICLE + 1, 0, NULL, TREVE_UTF8_REJECT, &e) == TREVE_ETOOBIG);
    /* empty */
    CHECK(build(&x, "", 0, 0, TREVE_UTF8_REJECT, &e) == TREVE_OK && x.ntok == 0 && x.nsent == 0);
    CHECK(build(&x, " \n\n \t", 5, 0, TREVE_UTF8_REJECT, &e) == TREVE_OK && x.ntok == 0 && x.nsent == 0);
    /* expansion past the source length: U+FDFA folds to many letters */
    s = "\xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA";
    CHECK(build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) == TREVE_OK);
    CHECK(x.norm_len > strlen(s));
    CHECK(x.norm_to_src[x.norm_len] == strlen(s));
    bool mono = true;
    for (size_t i = 0; i + 1 <= x.norm_len; i++)
        mono = mono && x.norm_to_src[i] <= x.norm_to_src[i + 1];
    CHECK(mono);
    /* NFD and NFC give the same tokens */
    CHECK_STR(norms("Le cessez-le-feu a e\xCC\x81te\xCC\x81 viole\xCC\x81"), "le|cessez-le-feu|a|ete|viole");
    CHECK_STR(toks("Le cessez-le-feu a e\xCC\x81te\xCC\x81 viole\xCC\x81"),
              "Le|cessez-le-feu|a|e\xCC\x81te\xCC\x81|viole\xCC\x81");
    CHECK_STR(normof("A\r\nB"), "a \nb");
}

static void test_tokens(void)
{
    /* elision */
    CHECK_STR(toks("l'Arménie et l’Azerbaïdjan"), "l'|Arménie|et|l’|Azerbaïdjan");
    CHECK_STR(norms("L'Arménie"), "l'|armenie");
    CHECK_STR(toks("d'un j'ai m'a n'est s'est t'a c'est qu'il"), "d'|un|j'|ai|m'|a|n'|est|s'|est|t'|a|c'|est|qu'|il");
    CHECK_STR(toks("jusqu'à lorsqu'elle puisqu'on quoiqu'il presqu'entière"),
              "jusqu'|à|lorsqu'|elle|puisqu'|on|quoiqu'|il|presqu'|entière");
    CHECK_STR(toks("QU'IL JUSQU’AU"), "QU'|IL|JUSQU’|AU");
    CHECK_STR(toks("aujourd'hui presqu'île prud'hommes quelqu'un quelqu'une entr'ouvert"),
              "aujourd'hui|presqu'île|prud'hommes|quelqu'un|quelqu'une|entr'ouvert");
    CHECK_STR(toks("aujourd’hui, à N'Djamena"), "aujourd’hui|,|à|N'Djamena");
    CHECK_STR(toks("c'est-à-dire"), "c'|est-à-dire");
    CHECK_STR(toks("d'1,5 million"), "d'|1,5|million");
    /* English */
    CHECK_STR(toks("Russia's army, the soldiers' wives, don't"), "Russia|'s|army|,|the|soldiers|'|wives|,|don't");
    CHECK_STR(kinds("Russia's"), "WW");
    CHECK_STR(toks("O'Brien"), "O'Brien");
    /* compounds */
    CHECK_STR(toks("cessez-le-feu ex-républiques Nagorny-Karabakh quarante-neuf a-t-il"),
              "cessez-le-feu|ex-républiques|Nagorny-Karabakh|quarante-neuf|a-t-il");
    CHECK_STR(toks("anti- et pro-russes"), "anti|-|et|pro-russes");
    CHECK_STR(toks("Paris - Moscou"), "Paris|-|Moscou");
    CHECK_STR(toks("1990-2000"), "1990|-|2000");
    CHECK_STR(toks("2022-09-13"), "2022|-|09|-|13");
    /* numbers */
    CHECK_STR(toks("49 soldats"), "49|soldats");
    CHECK_STR(toks("1 500 morts"), "1 500|morts");
    CHECK_STR(toks("1\xC2\xA0" "500 morts"), "1\xC2\xA0" "500|morts");
    CHECK_STR(toks("1\xE2\x80\xAF" "500\xE2\x80\xAF" "000 morts"), "1\xE2\x80\xAF" "500\xE2\x80\xAF" "000|morts");
    CHECK_STR(norms("1\xE2\x80\xAF" "500"), "1 500");
    CHECK_STR(toks("1.500 1,500 2,5 3.5 1.500.000 1,500,000.25 1 500,75"),
              "1.500|1,500|2,5|3.5|1.500.000|1,500,000.25|1 500,75");
    CHECK_STR(kinds("1 500 2,5 3.5"), "NNN");
    CHECK_STR(toks("en 2020 300 soldats"), "en|2020|300|soldats");
    CHECK_STR(toks("les 12 1500"), "les|12|1500");
    CHECK_STR(toks("1,2,3"), "1,2|,|3");
    CHECK_STR(toks("13.09.2022"), "13.09.2022");
    CHECK_STR(toks("en 2020."), "en|2020|.");
    CHECK_STR(toks("Ils étaient 300, puis 400."), "Ils|étaient|300|,|puis|400|.");
    CHECK_STR(toks("49%"), "49|%");
    /* alphanumerics */
    CHECK_STR(toks("06H00 9h30 21h 1er 2e G7 S-300 F-16 covid-19"), "06H00|9h30|21h|1er|2e|G7|S-300|F-16|covid-19");
    CHECK_STR(kinds("06H00 9h30 21h 1er 2e G7 S-300 F-16"), "AAAAAAAA");
    CHECK_STR(norms("06H00"), "06h00");
    CHECK_STR(toks("9 h 30"), "9|h|30");
    CHECK_STR(toks("2,5km 3km 2 300.1n5"), "2,5|km|3km|2 300.1|n5");
    CHECK_STR(kinds("9 h 30"), "NWN");
    /* punctuation, quotes, brackets, symbols */
    CHECK_STR(toks("Non... Oui… Quoi?! Fin."), "Non|...|Oui|…|Quoi|?|!|Fin|.");
    CHECK_STR(norms("Oui…"), "oui|...");
    CHECK_STR(kinds("a, b; c: d! e? f."), "WPWPWPWPWPWP");
    CHECK_STR(kinds("« a » \"b\" (c) [d] 5 € + x/y @"), "QWQQWQOWCOWCNSSWSWS");
    CHECK_STR(toks("(06H00 GMT)"), "(|06H00|GMT|)");
    /* flags */
    tv_text x;
    tv_token t = tok_at("La Russie", 1, &x);
    CHECK(t.kind == TV_TOK_WORD && (t.flags & TV_TF_CAP) && !(t.flags & TV_TF_UPPER) && (t.flags & TV_TF_SPACE));
    t = tok_at("L'OTAN", 1, NULL);
    CHECK((t.flags & TV_TF_CAP) && (t.flags & TV_TF_UPPER) && !(t.flags & TV_TF_SPACE));
    t = tok_at("L'OTAN", 0, NULL);
    CHECK((t.flags & TV_TF_CAP) && (t.flags & TV_TF_ELISION) && !(t.flags & TV_TF_UPPER));
    t = tok_at("ÉTATS-UNIS", 0, NULL);
    CHECK((t.flags & TV_TF_CAP) && (t.flags & TV_TF_UPPER) && (t.flags & TV_TF_HYPHEN));
    t = tok_at("Élysée", 0, NULL);
    CHECK((t.flags & TV_TF_CAP) && !(t.flags & TV_TF_UPPER));
    t = tok_at("A", 0, NULL);
    CHECK((t.flags & TV_TF_CAP) && !(t.flags & TV_TF_UPPER));
    t = tok_at("un\ndeux", 1, NULL);
    CHECK((t.flags & TV_TF_LINE) && !(t.flags & TV_TF_PARA) && (t.flags & TV_TF_SPACE));
    t = tok_at("un\n  \ndeux", 1, NULL);
    CHECK((t.flags & TV_TF_LINE) && (t.flags & TV_TF_PARA));
    t = tok_at("un\r\n\r\ndeux", 1, NULL);
    CHECK((t.flags & TV_TF_LINE) && (t.flags & TV_TF_PARA));
    t = tok_at("un", 0, NULL);
    CHECK((t.flags & TV_TF_LINE) && (t.flags & TV_TF_PARA) && !(t.flags & TV_TF_SPACE));
    /* quotes: open / close */
    const char *q = "« Nous », \"Eux\" l'\"accord\" “oui” a\"b\"";
    tv_text y;
    treve_error e;
    CHECK(build(&y, q, strlen(q), 0, TREVE_UTF8_REJECT, &e) == TREVE_OK);
    int qs[16], nq = 0;
    for (size_t i = 0; i < y.ntok && nq < 16; i++)
        if (y.tok[i].kind == TV_TOK_QUOTE)
            qs[nq++] = (y.tok[i].flags & TV_TF_QOPEN) ? 1 : (y.tok[i].flags & TV_TF_QCLOSE) ? -1 : 0;
    CHECK(nq == 10);
    int want[10] = {1, -1, 1, -1, 1, -1, 1, -1, 1, -1};
    for (int i = 0; i < 10 && i < nq; i++)
        CHECK(qs[i] == want[i]);
    /* hash of the folded form */
    t = tok_at("Arménie", 0, &x);
    CHECK(t.hash == tv_hash_bytes("armenie", 7));
    CHECK(tv_tok_is(&x, &x.tok[0], "armenie"));
    /* offsets: source spans of each token */
    const char *s = "« L’Arménie », a dit M. Pachinian";
    CHECK_STR(toks(s), "«|L’|Arménie|»|,|a|dit|M|.|Pachinian");
    t = tok_at(s, 2, NULL);
    CHECK(t.start == 7 && t.end == 15);
    /* ordered, non-empty spans */
    const char *u = "Straße ½ ﬁn — «x» œ";
    CHECK(build(&x, u, strlen(u), 0, TREVE_UTF8_REJECT, &e) == TREVE_OK);
    for (size_t i = 0; i < x.ntok; i++) {
        CHECK(x.tok[i].start < x.tok[i].end);
        CHECK(x.tok[i].nstart < x.tok[i].nend);
        if (i)
            CHECK(x.tok[i].start >= x.tok[i - 1].start && x.tok[i].end >= x.tok[i - 1].end);
    }
    CHECK_STR(norms("½"), "1|/|2");
    CHECK_STR(toks("½"), "½|½|½");
}

static void test_sentences(void)
{
    CHECK_STR(sents("Titre du jour\nLe corps. Une autre phrase."), "Titre du jour || Le corps. || Une autre phrase.");
    /* headline and paragraphs */
    const char *s = "Un titre. Avec point\n\nPremier paragraphe. Deuxième phrase.\n\nSecond paragraphe";
    tv_text x;
    treve_error e;
    CHECK(build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) == TREVE_OK);
    CHECK(x.nsent == 4);
    if (x.nsent == 4) {
        CHECK(x.sent[0].headline && x.sent[0].paragraph == 0);
        CHECK(!x.sent[1].headline && x.sent[1].paragraph == 1);
        CHECK(x.sent[2].paragraph == 1 && x.sent[3].paragraph == 2);
        CHECK(x.sent[0].start == 0 && x.sent[0].end == 20);
        CHECK(x.tok[x.sent[1].tok_first].flags & TV_TF_SENT);
        CHECK(!(x.tok[x.sent[1].tok_first + 1].flags & TV_TF_SENT));
        CHECK(x.tok[x.sent[3].tok_first].sentence == 3);
    }
    /* headline_end given */
    s = "Titre. Suite\n\nCorps ici";
    CHECK(tv_text_build(&x, A, s, strlen(s), 12, NULL, TREVE_UTF8_REJECT, &e) == TREVE_OK);
    CHECK(x.nsent == 2 && x.sent[0].headline && x.sent[1].paragraph == 1);
    CHECK_STR(sents_hl("Titre\n\nUn. Deux.", 5, "fr"), "Titre || Un. || Deux.");
    /* leading blank lines, CRLF */
    CHECK_STR(sents("\n\n  Le titre\r\nLe corps. La suite.\r\n"), "Le titre || Le corps. || La suite.");
    /* abbreviations and initials */
    CHECK_STR(body("M. Pachinian parle. Mme Durand répond."), "M. Pachinian parle. || Mme Durand répond.");
    CHECK_STR(body("MM. Durand et Martin. Mlle. Roux."), "MM. Durand et Martin. || Mlle. Roux.");
    CHECK_STR(body("Le Dr. Martin et le Gén. Dupont ont parlé."), "Le Dr. Martin et le Gén. Dupont ont parlé.");
    CHECK_STR(body("Mr. Smith met Mrs. Jones and Lt. Col. Brown."), "Mr. Smith met Mrs. Jones and Lt. Col. Brown.");
    CHECK_STR(body("J. Biden et Nikol V. Pachinian se parlent."), "J. Biden et Nikol V. Pachinian se parlent.");
    CHECK_STR(body("The U.S. Army and the U.N. Council met."), "The U.S. Army and the U.N. Council met.");
    CHECK_STR(body("En 50 av. J.-C. Rome régnait."), "En 50 av. J.-C. Rome régnait.");
    CHECK_STR(body("Voir cf. Annexe et p. 12 du texte."), "Voir cf. Annexe et p. 12 du texte.");
    CHECK_STR(body("Le 13 sept. 2022 tout a changé. Ils étaient sept. Puis huit."),
              "Le 13 sept. 2022 tout a changé. || Ils étaient sept. || Puis huit.");
    CHECK_STR(body("On Sept. 13 they met. Then left."), "On Sept. 13 they met. || Then left.");
    CHECK_STR(body("Le No. 5 est là. Fin."), "Le No. 5 est là. || Fin.");
    CHECK_STR(body("Des chars, des canons, etc. Le ministre a parlé."),
              "Des chars, des canons, etc. || Le ministre a parlé.");
    CHECK_STR(body("Il a dit non. Me Dupont plaide."), "Il a dit non. || Me Dupont plaide.");
    CHECK_STR(body("Il me voit. Me voilà."), "Il me voit. || Me voilà.");
    CHECK_STR(body("Il mesure 3 m. Le mur tombe."), "Il mesure 3 m. || Le mur tombe.");
    /* numbers and times */
    CHECK_STR(body("Ils étaient 1.500 soldats. Le 3.5 est bon."), "Ils étaient 1.500 soldats. || Le 3.5 est bon.");
    CHECK_STR(body("La trêve commence à 06H00. Elle tient."), "La trêve commence à 06H00. || Elle tient.");
    CHECK_STR(body("Rendez-vous à 9 h 30. Puis à 10 h."), "Rendez-vous à 9 h 30. || Puis à 10 h.");
    CHECK_STR(body("C'était en 2020. 49 soldats sont morts."), "C'était en 2020. || 49 soldats sont morts.");
    /* ! ? and lower case */
    CHECK_STR(body("Quelle horreur ! s'est-il exclamé. Vraiment ? Oui."),
              "Quelle horreur ! s'est-il exclamé. || Vraiment ? || Oui.");
    CHECK_STR(body("Attendez... Rien. Puis… plus rien."), "Attendez... || Rien. || Puis… plus rien.");
    /* quotes */
    CHECK_STR(body("« Nous espérons que la trêve tiendra. », a déclaré le porte-parole. Ensuite rien."),
              "« Nous espérons que la trêve tiendra. », a déclaré le porte-parole. || Ensuite rien.");
    CHECK_STR(body("« La trêve tiendra. » Le ministre l'a dit."), "« La trêve tiendra. » || Le ministre l'a dit.");
    CHECK_STR(body("\"It will hold.\" The minister said so."), "\"It will hold.\" || The minister said so.");
    CHECK_STR(body("\"It will hold,\" he said. \"Really.\""), "\"It will hold,\" he said. || \"Really.\"");
    /* parentheses */
    CHECK_STR(body("Le texte (voir plus haut. Ou ailleurs) reste valable. Fin."),
              "Le texte (voir plus haut. Ou ailleurs) reste valable. || Fin.");
    CHECK_STR(body("Il a dit (...) Nous verrons. Fin."), "Il a dit (...) Nous verrons. || Fin.");
    CHECK_STR(body("Il part (demain.) Elle reste."), "Il part (demain.) || Elle reste.");
    CHECK_STR(body("Le cessez-le-feu (en place depuis 2020, ndlr) tient. Fin."),
              "Le cessez-le-feu (en place depuis 2020, ndlr) tient. || Fin.");
    /* a line break alone does not end a sentence; a blank line does */
    CHECK_STR(body("Le Premier ministre\nNikol Pachinian a parlé"), "Le Premier ministre\nNikol Pachinian a parlé");
    CHECK_STR(body("Sans point\n\nAutre paragraphe"), "Sans point || Autre paragraphe");
    /* no space after the period */
    CHECK_STR(body("Voir example.Com pour plus."), "Voir example.Com pour plus.");
    /* dash start */
    CHECK_STR(body("Il a parlé. - Non, a-t-il dit."), "Il a parlé. || - Non, a-t-il dit.");
    /* English possessive and contractions don't split */
    CHECK_STR(body("Russia's ministry said it. It's over."), "Russia's ministry said it. || It's over.");
    /* headline alone */
    CHECK_STR(sents("Seulement un titre. Deux phrases."), "Seulement un titre. Deux phrases.");
    /* BOM */
    CHECK_STR(sents("\xEF\xBB\xBFTitre\nCorps."), "Titre || Corps.");
    /* sentence spans exclude white space */
    s = "Titre\n\n  Une phrase.   Deux.  \n";
    CHECK(build(&x, s, strlen(s), 0, TREVE_UTF8_REJECT, &e) == TREVE_OK && x.nsent == 3);
    if (x.nsent == 3) {
        CHECK(x.sent[1].start == 9 && x.sent[1].end == 20);
        CHECK(x.sent[2].start == 23 && x.sent[2].end == 28);
    }
}

static void test_big(void)
{
    /* a 20 MB single line: no crash, reasonable time, sentences capped */
    size_t n = 20u * 1024 * 1024;
    char *big = malloc(n);
    CHECK(big != NULL);
    if (!big)
        return;
    const char *w = "l'Arménie a négocié un cessez-le-feu avec 1 500 soldats ";
    size_t wl = strlen(w);
    size_t full = n / wl * wl;
    for (size_t i = 0; i < full; i += wl)
        memcpy(big + i, w, wl);
    memset(big + full, 'x', n - full);
    tv_arena *a = tv_arena_new(0);
    tv_text x;
    treve_error e;
    clock_t c0 = clock();
    int rc = tv_text_build(&x, a, big, n, 0, "fr", TREVE_UTF8_REJECT, &e);
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    CHECK(rc == TREVE_OK);
    if (rc != TREVE_OK)
        fprintf(stderr, "error %d at %zu: %s\n", rc, e.offset, e.message);
    CHECK(x.ntok > 3000000);
    CHECK(x.nsent >= x.ntok / TV_MAX_SENTENCE_TOKENS);
    size_t longest = 0;
    for (size_t i = 0; i < x.nsent; i++)
        if (x.sent[i].tok_end - x.sent[i].tok_first > longest)
            longest = x.sent[i].tok_end - x.sent[i].tok_first;
    CHECK(longest == TV_MAX_SENTENCE_TOKENS);
    CHECK(secs < 10.0);
    fprintf(stderr, "test_text: 20 MB line in %.2f s\n", secs);
    tv_arena_free(a);
    /* final punctuation and closers right at the length limit */
    {
        size_t o = 0;
        o += (size_t)sprintf(big + o, "Titre\n\n");
        for (int i = 0; i < TV_MAX_SENTENCE_TOKENS - 2; i++)
            o += (size_t)sprintf(big + o, "x ");
        o += (size_t)sprintf(big + o, "y.!? » ) » Fin.");
        a = tv_arena_new(0);
        rc = tv_text_build(&x, a, big, o, 0, "fr", TREVE_UTF8_REJECT, &e);
        CHECK(rc == TREVE_OK && x.nsent >= 3);
        longest = 0;
        for (size_t i = 0; i < x.nsent; i++)
            if (x.sent[i].tok_end - x.sent[i].tok_first > longest)
                longest = x.sent[i].tok_end - x.sent[i].tok_first;
        CHECK(longest <= TV_MAX_SENTENCE_TOKENS);
        tv_arena_free(a);
    }
    /* many short tokens: the token array must grow */
    memset(big, 0, n);
    for (size_t i = 0; i < 2000000; i += 2) {
        big[i] = 'a';
        big[i + 1] = '.';
    }
    a = tv_arena_new(0);
    rc = tv_text_build(&x, a, big, 2000000, 0, "fr", TREVE_UTF8_REJECT, &e);
    CHECK(rc == TREVE_OK && x.ntok == 2000000);
    tv_arena_free(a);
    free(big);
}

int main(void)
{
    A = tv_arena_new(0);
    test_fold();
    test_normalise();
    test_tokens();
    test_sentences();
    tv_arena_free(A);
    test_big();
    return unit_summary("test_text");
}
