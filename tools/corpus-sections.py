#!/usr/bin/env python3
"""corpus-sections.py — events per 1,000 articles per section of the real French news corpus.

    python3 tools/corpus-sections.py [--sample N] [--seed S] [--top K]

Runs `build/treve code` over ../shared/corpora/news-fr/orangesum-dev.jsonl (all 27,792
articles, or N drawn with a fixed seed; the output is cached in build/corpus/) and prints:
  1. per section and section group: articles, articles with at least one event, events, events
     per 1,000 articles (all, and current = not historical);
  2. per section, events per 1,000 articles by CAMEO root family (01–20);
  3. the K articles of the quiet sections (people, culture, insolite, high-tech, media, santé,
     environnement) with the most events: ids and families only, to read by hand.
Sport, culture, people and high-tech articles that yield events point at false events.
Skips, saying so, when ../shared is absent. Prints counts, codes and ids, never corpus text.
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_common as cc  # noqa: E402

FAMILIES = [f"{i:02d}" for i in range(1, 21)]
GROUPS = ["world", "politics", "france", "quiet"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=int, default=0, help="N articles drawn at random (default: all)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--top", type=int, default=15, help="quiet articles with most events to list")
    args = ap.parse_args()
    cc.skip_unless(cc.NEWS, "the news corpus")

    arts = cc.read_news(args.sample, args.seed)
    tag = f"news-{'all' if not args.sample else f'{args.sample}-s{args.seed}'}"
    evs = cc.events_by_article(cc.run_treve(cc.write_jsonl(arts, tag), "code"))
    section = {a["id"]: a.get("section") or "?" for a in arts}

    n_art = collections.Counter()
    with_ev = collections.Counter()
    n_ev = collections.Counter()
    n_cur = collections.Counter()
    fam = collections.defaultdict(collections.Counter)
    for a in arts:
        keys = (section[a["id"]], "group:" + cc.group_of(section[a["id"]]), "all")
        es = evs.get(a["id"], [])
        for k in keys:
            n_art[k] += 1
            with_ev[k] += bool(es)
            n_ev[k] += len(es)
            n_cur[k] += sum(1 for e in es if not e.get("historical"))
            for e in es:
                fam[k][cc.root_family(e["cameo"])] += 1

    total = sum(n_ev[k] for k in n_ev if not k.startswith("group:") and k != "all")
    print(f"corpus-sections: {len(arts)} articles ({'all' if not args.sample else f'sample of {args.sample}, seed {args.seed}'}), "
          f"{total} events")
    print()
    sections = sorted((k for k in n_art if not k.startswith("group:") and k != "all"), key=lambda k: -n_art[k])
    rows = sections + ["group:" + g for g in GROUPS if n_art["group:" + g]] + ["all"]
    print(f"{'section':24} {'articles':>8} {'with ev.':>8} {'%':>6} {'events':>7} {'per 1k':>7} {'current/1k':>10}")
    for k in rows:
        print(f"{k:24} {n_art[k]:8} {with_ev[k]:8} {cc.pct(with_ev[k], n_art[k]):>6} {n_ev[k]:7} "
              f"{cc.per_k(n_ev[k], n_art[k]):>7} {cc.per_k(n_cur[k], n_art[k]):>10}")
    print()
    print("events per 1,000 articles by CAMEO root family")
    print(f"{'section':24} " + " ".join(f"{f:>5}" for f in FAMILIES))
    for k in rows:
        print(f"{k:24} " + " ".join(f"{cc.per_k(fam[k][f], n_art[k]):>5}" for f in FAMILIES))
    print()
    quiet = [a["id"] for a in arts if cc.group_of(section[a["id"]]) == "quiet" and evs.get(a["id"])]
    quiet.sort(key=lambda i: -len(evs[i]))
    print(f"quiet-section articles with the most events (of {len(quiet)} with any):")
    for i in quiet[:args.top]:
        fams = collections.Counter(cc.root_family(e["cameo"]) for e in evs[i])
        print(f"  {i:10} {section[i]:22} {len(evs[i]):3} events  " +
              " ".join(f"{f}x{n}" for f, n in sorted(fams.items())))


if __name__ == "__main__":
    main()
