"""corpus_common.py — shared by tools/corpus-sections.py, corpus-triggers.py, ud-agreement.py.

Finds ../shared and the build, draws fixed-seed samples of the news corpus, runs `treve code`
and `treve debug --matches` over JSONL once and caches the output in build/corpus/ (reused while
it is newer than build/treve and the input), and folds text the way reports group words.
Python 3 standard library only. Nothing here copies corpus text anywhere but build/.
"""
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("TREVE_BUILD", os.path.join(ROOT, "build"))
TREVE = os.path.join(BUILD, "treve")
SHARED = os.environ.get("TREVE_SHARED", os.path.join(ROOT, "..", "shared"))
NEWS = os.path.join(SHARED, "corpora", "news-fr", "orangesum-dev.jsonl")
UD = os.path.join(SHARED, "corpora", "ud")
CACHE = os.path.join(BUILD, "corpus")

# Section groups, as tools/score-realtext.py groups them.
QUIET = {"societe/people", "societe/culture", "societe/insolite", "societe/high-tech",
         "societe/media", "societe/sante", "societe/environnement"}


def group_of(section):
    if section == "monde":
        return "world"
    if section == "politique":
        return "politics"
    if section in QUIET:
        return "quiet"
    return "france"  # france, societe/fait-divers, '?'


def skip_unless(path, what):
    """Exit 0 with a message when the shared corpus is absent (the tool then reports nothing)."""
    if not os.path.exists(path):
        print(f"skip: {what} not found at {os.path.normpath(path)} (../shared is absent here)")
        sys.exit(0)
    if not os.access(TREVE, os.X_OK):
        sys.exit(f"{TREVE} missing: run make first")


def fold(s):
    """Lower case, no accents, apostrophes unified, spaces collapsed."""
    s = s.replace("\u2019", "'").replace("\u00a0", " ")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", s.lower()).strip()


def read_news(sample=0, seed=12):
    """The news corpus as a list of dicts (id, section, published, lang, title, text), in file
    order; with sample > 0, that many drawn at random with a fixed seed (kept in file order)."""
    with open(NEWS, encoding="utf-8") as f:
        arts = [json.loads(line) for line in f if line.strip()]
    if sample and sample < len(arts):
        keep = set(random.Random(seed).sample(range(len(arts)), sample))
        arts = [a for i, a in enumerate(arts) if i in keep]
    return arts


def _fresh(path, inputs):
    if not os.path.exists(path):
        return False
    t = os.path.getmtime(path)
    return all(os.path.getmtime(p) < t for p in inputs if os.path.exists(p))


def write_jsonl(arts, tag):
    """Writes the articles treve reads (id, lang, published, title, text) to build/corpus/TAG.jsonl."""
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, tag + ".jsonl")
    body = "".join(json.dumps({k: a[k] for k in ("id", "lang", "published", "title", "text") if k in a},
                              ensure_ascii=False) + "\n" for a in arts)
    digest = hashlib.sha1(body.encode()).hexdigest()
    stamp = path + ".sha1"
    if not (os.path.exists(path) and os.path.exists(stamp) and open(stamp).read() == digest):
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        with open(stamp, "w") as f:
            f.write(digest)
    return path


def run_treve(jsonl, what, extra=()):
    """Runs `treve code` (what='code') or `treve debug --matches` (what='matches') over a JSONL
    file once; the output is cached next to it and reused while newer than treve and the input."""
    out = jsonl[:-len(".jsonl")] + "." + what + (".jsonl" if what == "code" else ".txt")
    if not _fresh(out, [TREVE, jsonl]):
        cmd = [TREVE, "code"] if what == "code" else [TREVE, "debug", "--matches"]
        print(f"running: {' '.join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd + list(extra) + [jsonl])}",
              file=sys.stderr)
        with open(out + ".tmp", "w", encoding="utf-8") as f:
            subprocess.run(cmd + list(extra) + [jsonl], stdout=f, stderr=subprocess.DEVNULL, check=False)
        os.replace(out + ".tmp", out)
    return out


def events_by_article(code_out):
    """{article_id: [event, …]} from `treve code` output."""
    res = {}
    with open(code_out, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                e = json.loads(line)
                res.setdefault(e["article_id"], []).append(e)
    return res


MATCH = re.compile(r'^match \[(\d+),(\d+)\) (\S+) (\S+) "(.*)" (\S+?):(\d+)(?: morph="(.*)")?$')


def matches_by_article(debug_out):
    """{article_id: [(start, end, class, code, text, file, line, morph), …]} from
    `treve debug --matches` output."""
    res, cur = {}, None
    with open(debug_out, encoding="utf-8") as f:
        for line in f:
            if line.startswith("article "):
                cur = line.split()[1]
                res.setdefault(cur, [])
                continue
            m = MATCH.match(line.rstrip("\n"))
            if m and cur is not None:
                s, e, cls, code, text, fn, ln, morph = m.groups()
                res[cur].append((int(s), int(e), cls, code, text, fn, int(ln), morph))
    return res


_entry_cache = {}


def entry_line(fn, ln):
    """The dictionary line FILE:LINE a match came from (data/FILE), or ''."""
    if fn not in _entry_cache:
        path = os.path.join(ROOT, "data", fn)
        try:
            with open(path, encoding="utf-8") as f:
                _entry_cache[fn] = f.read().split("\n")
        except OSError:
            _entry_cache[fn] = []
    lines = _entry_cache[fn]
    return lines[ln - 1] if 0 < ln <= len(lines) else ""


def entry_attrs(fn, ln):
    """(attributes dict, list of forms) of a dictionary line."""
    line = entry_line(fn, ln)
    head, _, forms = line.partition(" : ")
    attrs = {}
    for tok in head.split()[2:]:
        k, eq, v = tok.partition("=")
        if eq:
            attrs[k] = v
    return attrs, [x.strip() for x in forms.split(";") if x.strip()]


def root_family(cameo):
    return cameo[:2]


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "-"


def per_k(a, b):
    return f"{1000.0 * a / b:.0f}" if b else "-"
