#!/usr/bin/env python3
"""corpus-triggers.py — which words and names make treve's events on real news, and which
names near them the dictionaries do not know.

    python3 tools/corpus-triggers.py [--sample N] [--seed S] [--top K] [--window W] [--names N]

Runs `build/treve code` and `build/treve debug --matches` over the real French news corpus
(../shared/corpora/news-fr/orangesum-dev.jsonl, all or N drawn with a fixed seed; outputs cached
in build/corpus/) and prints, each list ranked by the number of events:
  1. trigger words: the text of each event mention, folded (lower case, no accents) — overall
     and in the quiet sections (people, culture, insolite, high-tech, media, santé,
     environnement), with the quiet rate against the world rate per article (`q/w`: a word as
     frequent in culture news as in world news is read in the wrong sense somewhere);
  2. dictionary entries behind the mentions (`file:line code first-form`, from --matches);
  3. actor names (the folded text of each actor and its code) that take part in events;
  4. unknown capitalised names near triggers: capitalised word sequences within W tokens of an
     event mention, in its sentence, that overlap no dictionary match of any class — the
     dictionary gaps — with a rough category from the words around them (person: a title or a
     role before, or two to four capitalised words; place: a locative preposition before;
     organisation: an acronym or an organisation word such as Parti, Front, Conseil; other).
This is the list a developer reviews to find wrong senses and missing names. It prints corpus
words to the terminal only: reports committed to the repository keep counts and codes.
Skips, saying so, when ../shared is absent.
"""
import argparse
import bisect
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_common as cc  # noqa: E402

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*|\S", re.UNICODE)
SENT_END = {".", "!", "?", "…"}
OPENERS = {"«", '"', "“", ":", "—", "–", "-", "("}
ARTICLES = {"le", "la", "les", "l", "the"}
CONNECT = {"de", "du", "des", "d", "la", "le", "les", "l", "al", "el", "ben", "bin", "ibn", "van", "von", "der", "y", "da", "dos", "di"}
FUNCTION = set("""le la les l un une des du de d au aux a à en et ou mais ni car or donc dans sur sous par pour
avec sans selon après avant pendant depuis lors chez vers entre contre ce cet cette ces son sa ses leur leurs
mon ma mes notre nos votre vos il elle ils elles on nous vous je tu qui que quoi dont où quand comme si
ne pas plus très tout tous toute toutes aussi alors encore déjà enfin ainsi cependant pourtant toutefois
the a an of in on at to for and or but with by from as""".split())
ORG_HEADS = set("""parti front mouvement union conseil cour tribunal assemblée ligue fédération confédération
syndicat comité commission agence office organisation association armée forces force brigade brigades groupe
ministère banque fondation institut observatoire alliance coalition rassemblement mission bureau direction
haut-commissariat sénat parquet gendarmerie police université compagnie société club""".split())
PERSON_CUES = set("""m mme mlle dr me président présidente ministre députée député sénateur sénatrice maire
général colonel capitaine commandant lieutenant chef cheffe leader porte-parole secrétaire avocat avocate juge
procureur procureure opposant opposante militant militante journaliste écrivain acteur actrice chanteur
chanteuse dirigeant dirigeante patron patronne pdg candidat candidate ex-président ancien ancienne premier
première roi reine prince princesse pape imam rabbin évêque émir cheikh ayatollah président-directeur
directeur directrice fondateur fondatrice entraîneur joueur joueuse champion championne comédien comédienne
réalisateur réalisatrice président-élu""".split())
PLACE_PREP = {"à", "en", "au", "aux", "dans", "vers", "près", "depuis"}
PLACE_NOUNS = set("""ville commune village région province département quartier localité district préfecture
canton île comté état capitale cité banlieue""".split())


def sentences_of(tokens):
    """Sentence index of each token: breaks after . ! ? (also glued: 'Kiev.Le') and line breaks."""
    idx, s, prev_end = [], 0, None
    for i, (t, a, b, nl) in enumerate(tokens):
        if prev_end is not None and (prev_end or nl):
            s += 1
        idx.append(s)
        prev_end = t in SENT_END
    return idx


def tokenize(text):
    out, last = [], 0
    for m in WORD.finditer(text):
        nl = "\n" in text[last:m.start()]
        out.append((m.group(), m.start(), m.end(), nl))
        last = m.end()
    return out


def is_cap(t):
    return t[:1].isupper() and any(c.isalpha() for c in t)


def name_spans(tokens, sent):
    """Capitalised word sequences: (first token index, last token index)."""
    res, i, n = [], 0, len(tokens)
    while i < n:
        if not is_cap(tokens[i][0]) or len(tokens[i][0]) == 1 and not tokens[i][0].isalpha():
            i += 1
            continue
        j = i
        while True:
            k = j + 1
            while k < n and sent[k] == sent[i] and (cc.fold(tokens[k][0]) in CONNECT or tokens[k][0] in ("'", "’", "-")) and k - j <= 3:
                k += 1
            if k < n and k > j + 1 and sent[k] == sent[i] and is_cap(tokens[k][0]):
                j = k
            elif j + 1 < n and sent[j + 1] == sent[i] and is_cap(tokens[j + 1][0]):
                j += 1
            else:
                break
        # an organisation word takes the lower-case words that qualify it ("Parti socialiste")
        if any(cc.fold(tokens[x][0]) in {cc.fold(h) for h in ORG_HEADS} for x in range(i, j + 1)):
            k, extra = j + 1, 0
            while k < n and sent[k] == sent[i] and extra < 3 and tokens[k][0][:1].islower() \
                    and tokens[k][0].isalpha() and tokens[k][0] not in FUNCTION:
                j, k, extra = k, k + 1, extra + 1
        res.append((i, j))
        i = j + 1
    return res


def category(tokens, i, j):
    words = [tokens[x][0] for x in range(i, j + 1)]
    if len(words) > 1 and cc.fold(words[0]) in ARTICLES:
        words = words[1:] if words[1] not in ("'", "’") else words[2:]
    caps = [w for w in words if is_cap(w)]
    if any(w.isupper() and len(w) >= 2 for w in caps) or any(cc.fold(w) in {cc.fold(h) for h in ORG_HEADS} for w in words):
        return "organisation"
    before = [cc.fold(tokens[x][0]) for x in range(max(0, i - 3), i)]
    b1 = before[-1] if before else ""
    b2 = before[-2] if len(before) > 1 else ""
    if b1 in {cc.fold(p) for p in PLACE_PREP} or (b1 in ("de", "d") and b2 in {cc.fold(p) for p in PLACE_NOUNS}) \
            or (b1 == "'" and b2 == "d" and len(before) > 2 and before[-3] in {cc.fold(p) for p in PLACE_NOUNS}):
        return "place"
    if b1 in {cc.fold(p) for p in PERSON_CUES} or (b1 == "." and b2 == "m") or 2 <= len(caps) <= 4:
        return "person"
    return "other"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=int, default=0, help="N articles drawn at random (default: all)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--top", type=int, default=40, help="lines per list")
    ap.add_argument("--window", type=int, default=6, help="tokens around a mention searched for names")
    ap.add_argument("--names", type=int, default=200, help="unknown names listed across categories")
    args = ap.parse_args()
    cc.skip_unless(cc.NEWS, "the news corpus")

    arts = cc.read_news(args.sample, args.seed)
    tag = f"news-{'all' if not args.sample else f'{args.sample}-s{args.seed}'}"
    jsonl = cc.write_jsonl(arts, tag)
    evs = cc.events_by_article(cc.run_treve(jsonl, "code"))
    mts = cc.matches_by_article(cc.run_treve(jsonl, "matches"))
    section = {a["id"]: a.get("section") or "?" for a in arts}
    n_group = collections.Counter(cc.group_of(section[a["id"]]) for a in arts)

    words = collections.defaultdict(collections.Counter)    # folded mention -> group -> events
    entries = collections.defaultdict(collections.Counter)  # entry -> group -> events
    actors = collections.defaultdict(collections.Counter)   # (folded text, code) -> group -> events
    unknown = collections.defaultdict(collections.Counter)  # (category, name) -> group -> events
    unknown_arts = collections.defaultdict(set)
    n_mentions = 0
    for a in arts:
        es = evs.get(a["id"])
        if not es:
            continue
        g = cc.group_of(section[a["id"]])
        text = (a["title"] + "\n\n" + a["text"]) if a.get("title") else a["text"]
        raw = text.encode("utf-8")
        # byte offset of each character, to turn byte spans into character spans
        offs = [0]
        for ch in text:
            offs.append(offs[-1] + len(ch.encode("utf-8")))
        ms = mts.get(a["id"], [])
        tokens = tokenize(text)
        sent = sentences_of(tokens)
        starts = [t[1] for t in tokens]
        known = [False] * len(tokens)
        for (s, e, *_rest) in ms:
            cs, ce = bisect.bisect_left(offs, s), bisect.bisect_left(offs, e)
            for x in range(bisect.bisect_right(starts, cs) - 1, len(tokens)):
                if x < 0:
                    continue
                if tokens[x][1] >= ce:
                    break
                if tokens[x][2] > cs:
                    known[x] = True
        names = name_spans(tokens, sent)
        lowered = {cc.fold(t[0]) for t in tokens if t[0][:1].islower()}
        # a capital that may only mark a sentence start: first token of a sentence, or after
        # an opening quote, a colon or a dash
        initial = [x == 0 or sent[x] != sent[x - 1] or tokens[x - 1][0] in OPENERS for x in range(len(tokens))]
        cap_inside = {tokens[x][0] for x in range(len(tokens)) if not initial[x] and is_cap(tokens[x][0])}
        for e in es:
            seen_names = set()
            for m in e.get("mentions", []):
                n_mentions += 1
                s, t = m["span"]
                words[cc.fold(m["text"])][g] += 1
                trig = [x for x in ms if x[0] < t and x[1] > s and x[2] in ("trigger", "casualty")]
                trig.sort(key=lambda x: (x[2] != "trigger", -(min(x[1], t) - max(x[0], s))))
                if trig:
                    x = trig[0]
                    attrs, forms = cc.entry_attrs(x[5], x[6])
                    key = f"{x[5]}:{x[6]} {x[2]} {x[3]} {attrs.get('pos', '-')} «{forms[0] if forms else '?'}»"
                else:
                    key = "(no match under the mention)"
                entries[key][g] += 1
                # names near the mention
                cs, ce = bisect.bisect_left(offs, s), bisect.bisect_left(offs, t)
                ti = max(0, bisect.bisect_right(starts, cs) - 1)
                tj = max(ti, bisect.bisect_left(starts, ce) - 1)
                lo, hi = ti - args.window, tj + args.window
                for (i, j) in names:
                    if j < lo or i > hi or sent[i] != sent[ti]:
                        continue
                    if any(known[x] for x in range(i, j + 1)):
                        continue
                    if i == j and (len(tokens[i][0]) < 2 or cc.fold(tokens[i][0]) in FUNCTION
                                   or cc.fold(tokens[i][0]) in lowered
                                   or (initial[i] and tokens[i][0] not in cap_inside)):
                        continue  # an initial, or a common word written with a capital
                    name = " ".join(tokens[x][0] for x in range(i, j + 1)).replace(" ' ", "'").replace(" - ", "-")
                    if name in seen_names:
                        continue
                    seen_names.add(name)
                    cat = category(tokens, i, j)
                    unknown[(cat, name)][g] += 1
                    unknown_arts[(cat, name)].add(a["id"])
            for ac in e.get("actors", []):
                actors[(cc.fold(ac.get("text") or ""), ac.get("code") or "-")][g] += 1

    n_events = sum(len(v) for k, v in evs.items() if k in section)
    print(f"corpus-triggers: {len(arts)} articles ({'all' if not args.sample else f'sample of {args.sample}, seed {args.seed}'}), "
          f"{n_events} events, {n_mentions} mentions; articles per group: " +
          ", ".join(f"{g} {n_group[g]}" for g in ("world", "politics", "france", "quiet")))

    def qw(c):
        q = c["quiet"] / n_group["quiet"] if n_group["quiet"] else 0
        w = c["world"] / n_group["world"] if n_group["world"] else 0
        return f"{q / w:.2f}" if w else ("inf" if q else "-")

    def table(title, d, key_fmt, by="all"):
        print()
        print(title)
        items = sorted(d.items(), key=lambda kv: -(sum(kv[1].values()) if by == "all" else kv[1]["quiet"]))
        items = [kv for kv in items if by == "all" or kv[1]["quiet"]]
        print(f"  {'events':>6} {'world':>6} {'polit.':>6} {'france':>6} {'quiet':>6} {'q/w':>5}  what")
        for k, c in items[:args.top]:
            print(f"  {sum(c.values()):6} {c['world']:6} {c['politics']:6} {c['france']:6} {c['quiet']:6} {qw(c):>5}  {key_fmt(k)}")

    table("trigger words (mention text, folded), by events", words, lambda k: k)
    table("trigger words in the quiet sections", words, lambda k: k, by="quiet")
    table("dictionary entries behind the mentions (file:line class code pos «first form»)", entries, lambda k: k)
    table("dictionary entries in the quiet sections", entries, lambda k: k, by="quiet")
    table("actor names (folded text, code) in events", actors, lambda k: f"{k[0]}  {k[1]}")
    table("actor names in the quiet sections", actors, lambda k: f"{k[0]}  {k[1]}", by="quiet")

    print()
    cats = ("person", "place", "organisation", "other")
    print("unknown capitalised names near triggers (no dictionary match), by category:")
    tot_names = collections.Counter()
    tot_occ = collections.Counter()
    for (cat, _name), c in unknown.items():
        tot_names[cat] += 1
        tot_occ[cat] += sum(c.values())
    for cat in cats:
        print(f"  {cat:13} {tot_names[cat]:6} distinct names, {tot_occ[cat]:7} events near them")
    ranked = sorted(unknown.items(), key=lambda kv: (-len(unknown_arts[kv[0]]), -sum(kv[1].values())))
    top = ranked[:200]
    print(f"  among the 200 most frequent (by articles): " +
          ", ".join(f"{cat} {sum(1 for (k, _c) in top if k[0] == cat)}" for cat in cats))
    print()
    print(f"unknown names, all categories, by articles (articles, events near, quiet events, category):")
    for (k, c) in ranked[:args.names]:
        print(f"  {len(unknown_arts[k]):5} {sum(c.values()):6} {c['quiet']:5}  {k[0]:12}  {k[1]}")
    for cat in cats:
        print()
        print(f"unknown names, {cat} (articles, events near, quiet events):")
        for (k, c) in [kv for kv in ranked if kv[0][0] == cat][:args.top]:
            print(f"  {len(unknown_arts[k]):5} {sum(c.values()):6} {c['quiet']:5}  {k[1]}")


if __name__ == "__main__":
    main()
