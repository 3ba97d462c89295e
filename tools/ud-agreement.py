#!/usr/bin/env python3
"""ud-agreement.py — treve's events, roles and trigger senses on the Universal Dependencies
sentences, against the gold trees.

    python3 tools/ud-agreement.py [--treebank fr-sequoia,fr-gsd,en-ewt,en-gum] [--review N] [--seed S]
                                 [--top K]

Reads ../shared/corpora/ud/*/*.conllu, rebuilds each sentence's text from its tokens (a
multiword token such as "du" is written once; no space after a token marked SpaceAfter=No),
and codes each sentence as the body of a one-sentence JSONL article (the title is one neutral
word, "Texte" or "Text", so that the sentence is not read as a headline; spans are shifted back
to the sentence). French treebanks are coded with lang=fr, English with lang=en. Prints:
  1. events per 1,000 sentences, per treebank;
  2. a fixed-seed sample of N events (default 50) with their sentence, to review by hand: how
     many are real events (the sentences are mostly not about conflict);
  3. role agreement, per language: for each event, the trigger's head word in the gold tree (the
     word of the mention whose head lies outside it) and its gold dependents — subject = nsubj
     or obl:agent, object = obj, iobj or nsubj:pass (the patient of a passive) — as subtree
     spans. Actor↔subject: of the events with a gold subject, how many have an actor overlapping
     it (recall); of those that also have an actor, how many agree (precision). Recipient↔object
     likewise. Where the emitted actors and recipients sit in the tree (subject, object, obl:arg,
     other obl, nmod, elsewhere) shows inversions;
  4. trigger matches (`treve debug --matches`, class trigger) whose gold part of speech
     contradicts the entry's `pos=` (verb on NOUN/AUX/ADJ…, noun on VERB…; support entries are
     judged on their first word; phrases are not judged), or whose gold lemma is none of the
     entry's lemmas (inflect=1 entries), and how many of them became an event mention (the
     coder-level count), with the entries that contradict most.
UD corpus text goes to the terminal only. Skips, saying so, when ../shared is absent.
"""
import argparse
import collections
import glob
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_common as cc  # noqa: E402

TITLES = {"fr": "Texte", "en": "Text"}
PUBLISHED = "2015-06-15T12:00:00Z"
OK_POS = {"verb": {"VERB"}, "noun": {"NOUN", "PROPN"}, "adj": {"ADJ", "VERB"}, "support": {"VERB"}}


def read_conllu(path):
    """Sentences: dicts with id, text, words [{id, form, lemma, upos, head, deprel, start, end}]
    (character spans in the rebuilt text; the words of a multiword token share its span)."""
    sents, cur = [], None

    def close():
        if cur and cur["words"]:
            sents.append(cur)

    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    text, pending_range = "", None
    for line in lines + [""]:
        if not line.strip():
            if cur is not None:
                cur["text"] = text
                close()
            cur, text, pending_range = None, "", None
            continue
        if cur is None:
            cur = {"id": "", "words": []}
        if line.startswith("#"):
            if line.startswith("# sent_id"):
                cur["id"] = line.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            continue
        wid, form, lemma, upos, _x, _f, head, deprel, _d, misc = cols[:10]
        if "." in wid:
            continue
        space = "SpaceAfter=No" not in misc
        if "-" in wid:
            a, b = (int(x) for x in wid.split("-"))
            pending_range = (a, b, len(text), len(text) + len(form))
            text += form + (" " if space else "")
            continue
        i = int(wid)
        if pending_range and pending_range[0] <= i <= pending_range[1]:
            s, e = pending_range[2], pending_range[3]
        else:
            s, e = len(text), len(text) + len(form)
            text += form + (" " if space else "")
        cur["words"].append({"id": i, "form": form, "lemma": lemma, "upos": upos,
                             "head": int(head) if head.isdigit() else 0, "deprel": deprel,
                             "start": s, "end": e})
    for s in sents:
        s["text"] = s["text"].rstrip(" ")
    return sents


def byte_spans(sent):
    """Turns the words' character spans into byte spans of the UTF-8 sentence."""
    offs = [0]
    for ch in sent["text"]:
        offs.append(offs[-1] + len(ch.encode("utf-8")))
    for w in sent["words"]:
        w["bs"], w["be"] = offs[min(w["start"], len(offs) - 1)], offs[min(w["end"], len(offs) - 1)]


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def words_in(sent, span):
    return [w for w in sent["words"] if overlap((w["bs"], w["be"]), span)]


def head_word(ws):
    ids = {w["id"] for w in ws}
    for w in ws:
        if w["head"] not in ids:
            return w
    return ws[0] if ws else None


def subtree_span(sent, wid):
    kids = collections.defaultdict(list)
    for w in sent["words"]:
        kids[w["head"]].append(w)
    byid = {w["id"]: w for w in sent["words"]}
    todo, seen = [wid], set()
    while todo:
        x = todo.pop()
        if x in seen:
            continue
        seen.add(x)
        todo.extend(k["id"] for k in kids[x])
    ws = [byid[x] for x in seen]
    return (min(w["bs"] for w in ws), max(w["be"] for w in ws))


def where(sent, head, span):
    """Where an emitted party sits with respect to the trigger's head word."""
    for w in sent["words"]:
        if w["head"] != head["id"]:
            continue
        if not overlap(subtree_span(sent, w["id"]), span):
            continue
        d = w["deprel"]
        if d == "obl:agent" or (d.startswith("nsubj") and d != "nsubj:pass"):
            return "subject"
        if d in ("obj", "iobj", "nsubj:pass"):
            return "object"
        if d == "obl:arg":
            return "obl:arg"
        if d.startswith("obl"):
            return "obl (other)"
        if d.startswith("nmod"):
            return "nmod"
        return d.split(":")[0]
    return "elsewhere"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--treebank", default="fr-sequoia,fr-gsd,en-ewt,en-gum")
    ap.add_argument("--review", type=int, default=50, help="events to print for review")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()
    cc.skip_unless(cc.UD, "the UD treebanks")

    sents, arts = {}, []
    per_tb = collections.Counter()
    for tb in args.treebank.split(","):
        lang = tb[:2]
        for path in sorted(glob.glob(os.path.join(cc.UD, tb, "*.conllu"))):
            for s in read_conllu(path):
                aid = f"{tb}:{s['id'] or len(sents)}"
                s["tb"], s["lang"] = tb, lang
                byte_spans(s)
                sents[aid] = s
                per_tb[tb] += 1
                arts.append({"id": aid, "lang": lang, "published": PUBLISHED, "title": TITLES[lang], "text": s["text"]})
    if not arts:
        print("skip: no UD sentences found")
        return
    jsonl = cc.write_jsonl(arts, "ud-" + args.treebank.replace(",", "+"))
    evs = cc.events_by_article(cc.run_treve(jsonl, "code"))
    mts = cc.matches_by_article(cc.run_treve(jsonl, "matches"))

    def shift(aid):
        return len(TITLES[sents[aid]["lang"]].encode()) + 2

    print(f"ud-agreement: {len(arts)} sentences; events per 1,000 sentences:")
    n_ev = collections.Counter()
    for aid, es in evs.items():
        if aid in sents:
            n_ev[sents[aid]["tb"]] += len(es)
    for tb in args.treebank.split(","):
        print(f"  {tb:11} {per_tb[tb]:6} sentences {n_ev[tb]:6} events  {cc.per_k(n_ev[tb], per_tb[tb]):>5} per 1,000")
    for lang in ("fr", "en"):
        ns = sum(per_tb[t] for t in per_tb if t.startswith(lang))
        ne = sum(n_ev[t] for t in n_ev if t.startswith(lang))
        if ns:
            print(f"  {lang + ' (all)':11} {ns:6} sentences {ne:6} events  {cc.per_k(ne, ns):>5} per 1,000")

    allev = [(aid, e) for aid in sorted(evs) if aid in sents for e in evs[aid]]
    if args.review:
        print()
        print(f"review sample: {min(args.review, len(allev))} events drawn with seed {args.seed} (judge: real event or not)")
        for k, (aid, e) in enumerate(random.Random(args.seed).sample(allev, min(args.review, len(allev))), 1):
            off = shift(aid)
            raw = sents[aid]["text"].encode("utf-8")
            ments = "|".join(m["text"] for m in e["mentions"])
            acts = " ".join(f"{a['role'][0]}:{a.get('code')}«{a.get('text')}»" for a in e["actors"])
            print(f"  [{k:2}] {aid}  {e['cameo']} «{ments}» {acts}")
            print(f"       {raw.decode('utf-8')}")
            del off

    # ---- roles -----------------------------------------------------------
    for lang in ("fr", "en"):
        st = collections.Counter()
        sit = {"actor": collections.Counter(), "recipient": collections.Counter()}
        for aid, e in allev:
            s = sents[aid]
            if s["lang"] != lang:
                continue
            off = shift(aid)
            ms = [m for m in e["mentions"] if m["span"][0] >= off]
            if not ms:
                continue
            span = (ms[0]["span"][0] - off, ms[0]["span"][1] - off)
            hw = head_word(words_in(s, span))
            if hw is None:
                continue
            st["events"] += 1
            subj = [w for w in s["words"] if w["head"] == hw["id"] and
                    (w["deprel"] == "obl:agent" or (w["deprel"].startswith("nsubj") and w["deprel"] != "nsubj:pass"))]
            obj = [w for w in s["words"] if w["head"] == hw["id"] and w["deprel"] in ("obj", "iobj", "nsubj:pass")]
            subj_sp = [subtree_span(s, w["id"]) for w in subj]
            obj_sp = [subtree_span(s, w["id"]) for w in obj]
            parties = {"actor": [], "recipient": []}
            for a in e["actors"]:
                if a.get("role") in parties and a.get("span") and a["span"][0] >= off:
                    sp = (a["span"][0] - off, a["span"][1] - off)
                    parties[a["role"]].append(sp)
                    sit[a["role"]][where(s, hw, sp)] += 1
            subsets = ("", "verb_") if hw["upos"] == "VERB" else ("",)
            if hw["upos"] == "VERB":
                st["verb_events"] += 1
            for role, gold, name in (("actor", subj_sp, "subj"), ("recipient", obj_sp, "obj")):
                got = parties[role]
                for sub in subsets:
                    if gold:
                        st[f"{sub}gold_{name}"] += 1
                        if got:
                            st[f"{sub}both_{name}"] += 1
                        if any(overlap(g, p) for g in gold for p in got):
                            st[f"{sub}agree_{name}"] += 1
        if not st["events"]:
            continue
        print()
        print(f"roles ({lang}): {st['events']} events whose trigger maps to a gold word, "
              f"{st['verb_events']} of them headed by a gold VERB")
        for sub, what in (("", "all events"), ("verb_", "verb-headed triggers")):
            for name, role, gold_name in (("subj", "actor", "subject (nsubj, obl:agent)"),
                                          ("obj", "recipient", "object (obj, iobj, nsubj:pass)")):
                g, b, a = st[f"{sub}gold_{name}"], st[f"{sub}both_{name}"], st[f"{sub}agree_{name}"]
                print(f"  {what:20} {role}↔{gold_name}: gold {g}, with an emitted {role} {b}, agreeing {a} — "
                      f"precision {cc.pct(a, b)}, recall {cc.pct(a, g)}")
        for role in ("actor", "recipient"):
            tot = sum(sit[role].values())
            print(f"  emitted {role}s ({tot}) sit in the gold tree as: " +
                  ", ".join(f"{k} {v} ({cc.pct(v, tot)})" for k, v in sit[role].most_common()))

    # ---- trigger senses -----------------------------------------------------
    for lang in ("fr", "en"):
        n_match = n_pos = n_lemma = n_pos_ev = n_lemma_ev = 0
        upos_c = collections.Counter()
        by_entry = collections.Counter()
        for aid, ms in mts.items():
            s = sents.get(aid)
            if not s or s["lang"] != lang:
                continue
            off = shift(aid)
            ment = [(m["span"][0] - off, m["span"][1] - off) for e in evs.get(aid, []) for m in e["mentions"]]
            for (st_, en_, cls, code, text, fn, ln, _morph) in ms:
                if cls != "trigger" or st_ < off:
                    continue
                span = (st_ - off, en_ - off)
                attrs, forms = cc.entry_attrs(fn, ln)
                pos = attrs.get("pos", "")
                ws = words_in(s, span)
                if not ws or pos not in OK_POS:
                    continue
                n_match += 1
                w = ws[0] if pos == "support" else head_word(ws)
                is_ev = any(overlap(span, m) for m in ment)
                bad_pos = w["upos"] not in OK_POS[pos]
                lemmas = {cc.fold(f.split()[0]) for f in forms if f.split()}
                bad_lemma = attrs.get("inflect") == "1" and cc.fold(w["lemma"]) not in lemmas
                if bad_pos:
                    n_pos += 1
                    n_pos_ev += is_ev
                    upos_c[f"{pos}→{w['upos']}"] += 1
                if bad_lemma:
                    n_lemma += 1
                    n_lemma_ev += is_ev
                if bad_pos or bad_lemma:
                    by_entry[(f"{fn}:{ln}", code, pos, cc.fold(text), w["upos"], cc.fold(w["lemma"]))] += 1
        if not n_match:
            continue
        print()
        print(f"trigger senses ({lang}): {n_match} trigger matches judged (verb, noun, adj, support entries)")
        print(f"  gold UPOS contradicts pos=: {n_pos} ({cc.pct(n_pos, n_match)}), of which {n_pos_ev} became event mentions")
        print(f"  gold lemma is none of the entry's lemmas (inflect=1): {n_lemma} ({cc.pct(n_lemma, n_match)}), "
              f"of which {n_lemma_ev} became event mentions")
        print("  contradictions by kind: " + ", ".join(f"{k} {v}" for k, v in upos_c.most_common(12)))
        print(f"  entries that contradict most (file:line code pos «matched text» gold-UPOS gold-lemma):")
        for (ent, code, pos, form, upos, lemma), n in by_entry.most_common(args.top):
            print(f"    {n:4}  {ent} {code} {pos} «{form}»  {upos} {lemma}")


if __name__ == "__main__":
    main()
