#!/usr/bin/env python3
"""realtext-span.py — exact byte spans for the real-text gold files (tests/realtext/*.gold).

The text a span indexes is what `treve code` codes for a corpus line: title + "\\n\\n" + text
(UTF-8 bytes); with --headline, the title alone. The corpus is read from
../shared/corpora/news-fr/orangesum-dev.jsonl (or $TREVE_NEWS_FR); nothing of it is written
into the repository by this tool.

  tools/realtext-span.py ID "words" [N]        span of the Nth occurrence (default 1) of words
  tools/realtext-span.py ID "left [words] right" [N]
                                               span of the bracketed words inside the Nth
                                               occurrence of the whole phrase (to pin one use)
  tools/realtext-span.py --show ID             print the text (to read it while annotating)
  tools/realtext-span.py --convert DRAFT       turn a draft into gold lines (see below)
  --headline                                   index the title alone (the headline set)

A draft is a gold file whose event/maybe lines may write spans as words:
  t="words"[#N]   → trigger=START-END        a="words"[#N] (repeatable) → also=…
The converted lines go to standard output; an ambiguous or missing phrase is an error.
Prints START-END, then the matched words on standard error.
"""
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.environ.get("TREVE_NEWS_FR",
                        os.path.join(ROOT, "..", "shared", "corpora", "news-fr", "orangesum-dev.jsonl"))


def load(ids=None):
    if not os.path.exists(CORPUS):
        sys.exit("realtext-span.py: %s not found (the corpus is in ../shared/corpora/news-fr/)" % CORPUS)
    out = {}
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            if ids is not None:
                m = re.match(r'\{"id": "([^"]+)"', line)
                if m and m.group(1) not in ids:
                    continue
            a = json.loads(line)
            if ids is None or a["id"] in ids:
                out[a["id"]] = a
    return out


def text_of(a, headline=False):
    t = a.get("title") or ""
    if headline:
        return t.encode("utf-8")
    return (t + "\n\n" + (a.get("text") or "")).encode("utf-8")


SUBS = [None, ("'", "\u2019"), ("\u2019", "'")]


def find(buf, words, n=None):
    """(start, end) of the words (or of the bracketed part) in the Nth occurrence; n None means
    the phrase must occur once. A straight apostrophe also matches a typographic one."""
    if "[" in words and "]" in words:
        left, rest = words.split("[", 1)
        mid, right = rest.split("]", 1)
    else:
        left, mid, right = "", words, ""
    for sub in SUBS:
        parts = [left, mid, right]
        if sub:
            if not any(sub[0] in x for x in parts):
                continue
            parts = [x.replace(sub[0], sub[1]) for x in parts]
        pat = "".join(parts).encode("utf-8")
        starts = []
        i = buf.find(pat)
        while i >= 0:
            starts.append(i)
            i = buf.find(pat, i + 1)
        if not starts:
            continue
        if n is None:
            if len(starts) > 1:
                raise ValueError("%r occurs %d times: give #N or more context" % (words, len(starts)))
            n = 1
        if n < 1 or n > len(starts):
            raise ValueError("%r occurs %d times, asked for #%d" % (words, len(starts), n))
        s = starts[n - 1] + len(parts[0].encode("utf-8"))
        return s, s + len(parts[1].encode("utf-8"))
    raise ValueError("%r not found" % words)


SPANREF = re.compile(r'\b([ta])="((?:[^"\\]|\\.)*)"(?:#(\d+))?')


def convert(path, headline=False):
    lines = open(path, encoding="utf-8").read().split("\n")
    ids = set()
    for ln in lines:
        m = re.match(r"\s*article\s+(\S+)", ln)
        if m:
            ids.add(m.group(1))
    arts = load(ids)
    cur = None
    out = []
    errors = 0
    for no, ln in enumerate(lines, 1):
        m = re.match(r"\s*article\s+(\S+)", ln)
        if m:
            cur = m.group(1)
            if cur not in arts:
                print("%s:%d: unknown article %s" % (path, no, cur), file=sys.stderr)
                errors += 1
            out.append(ln)
            continue
        if not re.match(r"\s*(event|maybe)\b", ln) or cur not in arts:
            out.append(ln)
            continue
        buf = text_of(arts[cur], headline)
        trig = None
        also = []
        try:
            for kind, words, n in SPANREF.findall(ln):
                words = words.replace('\\"', '"')
                s, e = find(buf, words, int(n) if n else None)
                if kind == "t":
                    trig = "%d-%d" % (s, e)
                else:
                    also.append("%d-%d" % (s, e))
        except ValueError as ex:
            print("%s:%d: %s: %s" % (path, no, cur, ex), file=sys.stderr)
            errors += 1
            out.append(ln)
            continue
        rest = SPANREF.sub("", ln)
        rest = re.sub(r"\s+", " ", rest).strip()
        head, _, tail = rest.partition(" ")
        parts = [head]
        fields = tail.split(" ") if tail else []
        # keep note="…" intact (it may hold spaces)
        fields = re.findall(r'\S+="[^"]*"|\S+', tail)
        pre = [f for f in fields if not f.startswith(("modality=", "historical=", "time=", "place=",
                                                      "killed=", "wounded=", "note="))]
        post = [f for f in fields if f not in pre]
        parts += pre
        if trig:
            parts.append("trigger=" + trig)
        if also:
            parts.append("also=" + ",".join(also))
        parts += post
        out.append(" ".join(parts))
    sys.stdout.write("\n".join(out))
    return 1 if errors else 0


def main():
    args = sys.argv[1:]
    headline = False
    if "--headline" in args:
        args.remove("--headline")
        headline = True
    if len(args) == 2 and args[0] == "--show":
        a = load({args[1]})[args[1]]
        sys.stdout.write("[%s %s %s]\n" % (a["id"], a.get("section"), a.get("published")))
        sys.stdout.write(text_of(a, headline).decode("utf-8") + "\n")
        return 0
    if len(args) == 2 and args[0] == "--convert":
        return convert(args[1], headline)
    if len(args) not in (2, 3):
        sys.exit(__doc__)
    aid, words = args[0], args[1]
    n = int(args[2]) if len(args) == 3 else 1
    a = load({aid}).get(aid)
    if a is None:
        sys.exit("realtext-span.py: no article %s" % aid)
    buf = text_of(a, headline)
    try:
        s, e = find(buf, words, n)
    except ValueError as ex:
        sys.exit("realtext-span.py: %s" % ex)
    print("%d-%d" % (s, e))
    print(buf[s:e].decode("utf-8"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
