#!/usr/bin/env python3
"""sample-devset.py — draws the real-text development sets from the news-fr
corpus (../shared/corpora/news-fr/orangesum-dev.jsonl) with a fixed seed, so
that anyone can rebuild the same list of article ids. The corpus text is never
copied: the gold files in tests/realtext/ hold ids, spans and codes only.

  tools/sample-devset.py articles   # ids of the whole-article development set
  tools/sample-devset.py headlines  # ids of the headline set (disjoint)

Strata: world and politics over-sampled; a share of sections that should give
no event (people, culture, insolite, high-tech, media, santé, environnement).
"""
import json
import os
import random
import sys

SEED = 20261207
CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpora", "news-fr",
                      "orangesum-dev.jsonl")
QUIET = ["societe/people", "societe/culture", "societe/insolite", "societe/high-tech", "societe/media",
         "societe/sante", "societe/environnement"]
ARTICLES = [("monde", 55), ("politique", 40), ("france", 15), ("societe/fait-divers", 5), ("?", 5), (QUIET, 40)]
HEADLINES = [("monde", 70), ("politique", 50), ("france", 30), ("societe/fait-divers", 10), ("?", 10), (QUIET, 30)]


def load(path):
    by_section = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            by_section.setdefault(a.get("section") or "?", []).append(a["id"])
    return by_section


def draw(by_section, plan, rng, taken):
    out = []
    for sections, n in plan:
        if isinstance(sections, str):
            sections = [sections]
        pool = sorted(i for s in sections for i in by_section.get(s, []) if i not in taken)
        pick = rng.sample(pool, n)
        taken.update(pick)
        out.extend(pick)
    return out


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ("articles", "headlines"):
        sys.exit("usage: sample-devset.py articles|headlines")
    path = os.environ.get("TREVE_NEWS_FR", CORPUS)
    if not os.path.exists(path):
        sys.exit("sample-devset.py: %s not found (the corpus is in ../shared/corpora/news-fr/)" % path)
    by_section = load(path)
    rng = random.Random(SEED)
    taken = set()
    arts = draw(by_section, ARTICLES, rng, taken)
    heads = draw(by_section, HEADLINES, rng, taken)
    for i in arts if sys.argv[1] == "articles" else heads:
        print(i)


if __name__ == "__main__":
    main()
