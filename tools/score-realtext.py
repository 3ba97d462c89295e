#!/usr/bin/env python3
"""score-realtext.py — scores treve against the real-text gold (tests/realtext/*.gold).

Reads a gold file, takes each article's text from the news-fr corpus in ../shared (never
copied into the repository), runs `build/treve code` on exactly those articles (a JSONL file
with their id, lang, published, title and text) or reads events already coded (--events),
matches the emitted events to the gold ones and prints the figures defined in
tests/realtext/README.md ("Scoring"), overall and per section group.

  tools/score-realtext.py                          # tests/realtext/articles.gold, build/treve
  tools/score-realtext.py --verbose                # + each article's false and missed events
  tools/score-realtext.py --events out.jsonl       # score events coded elsewhere
  tools/score-realtext.py tests/realtext/headlines.gold   # the headline set (title alone)
  tools/score-realtext.py --check                  # only check the gold file (syntax, spans)

Exit status: 0 when the gold file is sound and scoring ran (the figures are measurements,
never a failure); 1 when the gold file is broken; 2 on a usage error or when treve crashed;
77 when the corpus is absent (--skip-status 0 turns that into 0). Python 3 standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CORPUS = os.environ.get("TREVE_NEWS_FR",
                        os.path.join(ROOT, "..", "shared", "corpora", "news-fr", "orangesum-dev.jsonl"))

QUIET = {"societe/people", "societe/culture", "societe/insolite", "societe/high-tech", "societe/media",
         "societe/sante", "societe/environnement"}
GROUPS = ["world", "politics", "france", "quiet"]
MODALITIES = {"asserted", "hoped", "called_for", "denied", "reported", "future"}
ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def group_of(section):
    if section == "monde":
        return "world"
    if section == "politique":
        return "politics"
    if section in QUIET:
        return "quiet"
    return "france"  # france, societe/fait-divers, unknown section ("?"): domestic news


# ---------------------------------------------------------------- gold file

class GoldError(Exception):
    pass


def parse_span(s):
    m = re.fullmatch(r"(\d+)-(\d+)", s)
    if not m:
        raise GoldError("bad span %r" % s)
    a, b = int(m.group(1)), int(m.group(2))
    if a >= b:
        raise GoldError("empty or reversed span %r" % s)
    return a, b


def split_fields(rest):
    """key=value fields; note="…" may hold spaces."""
    out = []
    for m in re.finditer(r'(\w+)=("(?:[^"\\]|\\.)*"|\S+)', rest):
        out.append((m.group(1), m.group(2)))
    leftover = re.sub(r'(\w+)=("(?:[^"\\]|\\.)*"|\S+)', "", rest).strip()
    if leftover:
        raise GoldError("unreadable text %r" % leftover)
    return out


def load_cameo_codes():
    codes = set()
    path = os.path.join(ROOT, "data", "events", "cameo.txt")
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"(\d{3,4})\s+cameo\b", line)
                if m:
                    codes.add(m.group(1))
    except OSError:
        pass
    return codes


def parse_gold(path):
    """[{id, section, events:[…]}] in file order; raises GoldError with the line number."""
    cameo_codes = load_cameo_codes()
    articles = []
    seen = set()
    cur = None
    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                head, _, rest = line.strip().partition(" ")
                if head == "article":
                    parts = rest.split()
                    if not parts:
                        raise GoldError("article line without an id")
                    aid = parts[0]
                    if aid in seen:
                        raise GoldError("article %s given twice" % aid)
                    seen.add(aid)
                    section = "?"
                    for k, v in split_fields(" ".join(parts[1:])):
                        if k == "section":
                            section = v
                        else:
                            raise GoldError("unknown article key %r" % k)
                    cur = {"id": aid, "section": section, "events": [], "line": no}
                    articles.append(cur)
                elif head in ("event", "maybe"):
                    if cur is None:
                        raise GoldError("%s line before any article line" % head)
                    ev = {"kind": head, "line": no, "parties": [], "also": []}
                    for k, v in split_fields(rest):
                        if k == "cameo":
                            if not re.fullmatch(r"\d{3,4}", v) or (cameo_codes and v not in cameo_codes):
                                raise GoldError("unknown CAMEO code %r" % v)
                            ev["cameo"] = v
                        elif k in ("actor", "recipient", "mediator"):
                            if not re.fullmatch(r"(---|[A-Z]{3})[A-Z0-9]*", v) or not (
                                    v.startswith(("---",) + ORG_PREFIXES) or not COUNTRIES or v[:3] in COUNTRIES):
                                raise GoldError("bad actor code %r (country part unknown)" % v)
                            ev["parties"].append((k, v))
                        elif k == "trigger":
                            ev["trigger"] = parse_span(v)
                        elif k == "also":
                            ev["also"] += [parse_span(x) for x in v.split(",")]
                        elif k == "modality":
                            if v not in MODALITIES:
                                raise GoldError("bad modality %r" % v)
                            ev["modality"] = v
                        elif k == "historical":
                            if v not in ("true", "false"):
                                raise GoldError("historical must be true or false")
                            ev["historical"] = v == "true"
                        elif k == "time":
                            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
                                raise GoldError("bad time %r" % v)
                            ev["time"] = v
                        elif k in ("killed", "wounded"):
                            if not re.fullmatch(r"\d+(-\d*)?", v):
                                raise GoldError("bad %s figure %r" % (k, v))
                            ev[k] = v
                        elif k in ("place", "note"):
                            ev[k] = v.strip('"')
                        else:
                            raise GoldError("unknown event key %r" % k)
                    if "cameo" not in ev:
                        raise GoldError("event without cameo=")
                    if "trigger" not in ev:
                        raise GoldError("event without trigger=")
                    cur["events"].append(ev)
                else:
                    raise GoldError("line must start with article, event or maybe")
            except GoldError as ex:
                raise GoldError("%s:%d: %s" % (path, no, ex))
    return articles


def load_corpus(ids):
    out = {}
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\{"id": "([^"]+)"', line)
            if m and m.group(1) not in ids:
                continue
            a = json.loads(line)
            if a["id"] in ids:
                out[a["id"]] = a
    return out


def text_bytes(a, headline):
    if headline:
        return (a.get("title") or "").encode("utf-8")
    return ((a.get("title") or "") + "\n\n" + (a.get("text") or "")).encode("utf-8")


def check_spans(path, articles, texts):
    errors = []
    for art in articles:
        buf = texts.get(art["id"])
        if buf is None:
            errors.append("%s:%d: article %s is not in the corpus" % (path, art["line"], art["id"]))
            continue
        for ev in art["events"]:
            for a, b in [ev["trigger"]] + ev["also"]:
                if b > len(buf):
                    errors.append("%s:%d: span %d-%d beyond the text (%d bytes)" % (path, ev["line"], a, b, len(buf)))
                    continue
                for p in (a, b):
                    if p < len(buf) and (buf[p] & 0xC0) == 0x80:
                        errors.append("%s:%d: span %d-%d cuts a UTF-8 character at %d" % (path, ev["line"], a, b, p))
                        break
                else:
                    words = buf[a:b].decode("utf-8")
                    if not words.strip():
                        errors.append("%s:%d: span %d-%d holds only spaces" % (path, ev["line"], a, b))
                        continue
                    if words != words.strip():
                        errors.append("%s:%d: span %d-%d begins or ends with a space" % (path, ev["line"], a, b))
                    before = buf[:a].decode("utf-8")[-1:]
                    after = buf[b:].decode("utf-8")[:1]
                    if (before.isalnum() and words[0].isalnum()) or (after.isalnum() and words[-1].isalnum()):
                        errors.append("%s:%d: span %d-%d cuts a word (%r)" % (path, ev["line"], a, b, words))
    return errors


# ---------------------------------------------------------------- sentences

def sentence_starts(buf):
    """Byte offsets where sentences start: after . ! ? … (and closing quotes) followed by space or
    by a capital glued to the stop (scraped paragraphs), and after line breaks. Decimal points,
    initials (M.Dupont) and abbreviations are not perfect; only used for the fallback match."""
    text = buf.decode("utf-8")
    starts = [0]
    for m in re.finditer(r"\n+|[.!?\u2026][\"\u00bb\u201d)]*(?:\s+|(?=[A-Z\u00c0-\u00dd\"\u00ab\u201c]))", text):
        end = m.end()
        if m.group(0)[0] == "." and re.search(r"(?:\b[A-Z]|\bM|\bMM|\bMme|\bDr|\bSt)\.$", text[:m.start() + 1]):
            continue
        starts.append(len(text[:end].encode("utf-8")))
    return sorted(set(starts))


def sentence_of(starts, offset):
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


# ---------------------------------------------------------------- events

def load_countries():
    """ISO alpha-3 codes (and the few others treve uses, like XKX) from data/actors/countries*.txt."""
    out = set()
    for name in ("countries.fr.txt", "countries-extra.fr.txt"):
        try:
            with open(os.path.join(ROOT, "data", "actors", name), encoding="utf-8") as f:
                for line in f:
                    m = re.match(r"([A-Z]{3})\s", line)
                    if m:
                        out.add(m.group(1))
        except OSError:
            pass
    return out


COUNTRIES = load_countries()
NO_COUNTRY = object()


def key_of(code, country=NO_COUNTRY):
    """What the figures compare: the country (alpha-3), or the organisation code for IGO/NGO/IMG
    actors (compared by prefix: IGOUNO matches IGOUNOHCR); None when unknown (---, a bare sector
    such as OPP, a region). For an emitted party its `country` field decides when present."""
    if code and code.startswith(ORG_PREFIXES):
        return code
    if country is not NO_COUNTRY:
        return country or None
    if not code or code.startswith("---"):
        return None
    if code[:3] in COUNTRIES or (not COUNTRIES and re.fullmatch(r"[A-Z]{3}.*", code)):
        return code[:3]
    return None


def keys_match(a, b):
    if a is None or b is None:
        return False
    if a.startswith(ORG_PREFIXES) or b.startswith(ORG_PREFIXES):
        return a.startswith(b) or b.startswith(a)
    return a == b


def root(cameo):
    return str(cameo)[:2]


def emitted_parties(e):
    out = []
    for p in e.get("actors") or []:
        out.append((p.get("role"), p.get("code"),
                    key_of(p.get("code"), p["country"] if "country" in p else NO_COUNTRY)))
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def match_article(gold_events, emitted, starts):
    """One-to-one matching of emitted events to gold events (maybes absorb any number).
    Returns (pairs {emitted index: gold index}, maybe_hits set of emitted indexes, duplicates set)."""
    cand = []
    for ei, e in enumerate(emitted):
        spans = [tuple(m["span"]) for m in e.get("mentions") or [] if m.get("span")]
        sents = {sentence_of(starts, s[0]) for s in spans}
        for gi, g in enumerate(gold_events):
            gspans = [g["trigger"]] + g["also"]
            strong = any(overlaps(s, gs) for s in spans for gs in gspans)
            same_fam = root(e.get("cameo", "")) == root(g["cameo"])
            weak = (not strong) and same_fam and bool(sents & {sentence_of(starts, gs[0]) for gs in gspans})
            if not (strong or weak):
                continue
            # priority: overlap and same family, overlap, same sentence and family; at each level
            # gold events before maybes
            prio = (0 if strong and same_fam else 1 if strong else 2, 0 if g["kind"] == "event" else 1)
            cand.append((prio, ei, gi))
    cand.sort()
    pairs, used_g, maybe_hits, had_cand = {}, set(), set(), set()
    for prio, ei, gi in cand:
        had_cand.add(ei)
        if ei in pairs or ei in maybe_hits:
            continue
        if gold_events[gi]["kind"] == "maybe":
            maybe_hits.add(ei)
            continue
        if gi in used_g:
            continue
        pairs[ei] = gi
        used_g.add(gi)
    duplicates = {ei for ei in had_cand if ei not in pairs and ei not in maybe_hits}
    return pairs, maybe_hits, duplicates


def judge(e, g):
    """correct / partly / wrong_family for an emitted event matched to a gold event."""
    if root(e.get("cameo", "")) != root(g["cameo"]):
        return "wrong_family"
    ekeys = [k for _, _, k in emitted_parties(e)]
    for _, code in g["parties"]:
        gk = key_of(code)
        if gk is None:
            continue
        if not any(keys_match(gk, k) for k in ekeys):
            return "partly"
    return "correct"


def actor_country_right(e, g):
    """A gold event is found with an actor of the right country when its matched emitted event
    has a party in the role actor whose key is the key of one of the gold actors; when no gold
    actor has a known country, any emitted party matching a gold recipient or mediator counts;
    when no gold party has a known country, being found is enough."""
    gact = [key_of(c) for r, c in g["parties"] if r == "actor" and key_of(c)]
    parties = emitted_parties(e)
    if gact:
        return any(keys_match(gk, k) for gk in gact for r, _, k in parties if r == "actor")
    gother = [key_of(c) for r, c in g["parties"] if key_of(c)]
    if gother:
        return any(keys_match(gk, k) for gk in gother for _, _, k in parties)
    return True


# ---------------------------------------------------------------- running treve

def run_treve(treve, articles, corpus, headline):
    with tempfile.TemporaryDirectory() as d:
        inp = os.path.join(d, "articles.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for art in articles:
                a = corpus[art["id"]]
                line = {"id": a["id"], "lang": a.get("lang") or "fr", "published": a.get("published"),
                        "title": a.get("title") or "", "text": "" if headline else (a.get("text") or "")}
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        p = subprocess.run([treve, "code", inp], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode not in (0, 1):
            sys.stderr.write(p.stderr.decode("utf-8", "replace"))
            raise RuntimeError("%s exited with status %d" % (treve, p.returncode))
        if p.returncode == 1:
            sys.stderr.write("score-realtext: treve rejected some articles:\n" +
                             p.stderr.decode("utf-8", "replace"))
        return p.stdout.decode("utf-8")


def read_events(text):
    by_article = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            e = json.loads(line)
        except ValueError:
            raise RuntimeError("events line %d is not JSON" % n)
        by_article.setdefault(e.get("article_id"), []).append(e)
    return by_article


# ---------------------------------------------------------------- figures

def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "   -  "


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def score_articles(articles, texts, events, verbose):
    zero = lambda: {"articles": 0, "emitted": 0, "correct": 0, "partly": 0, "wrong_family": 0,
                    "not_event": 0, "duplicate": 0, "maybe": 0, "gold": 0, "gold_maybe": 0,
                    "found_family": 0, "found_actor": 0, "found": 0, "art_with_events": 0,
                    "gold_art_empty": 0, "empty_art_with_events": 0,
                    "time_given": 0, "time_right": 0, "mod_given": 0, "mod_right": 0,
                    "hist_n": 0, "hist_right": 0}
    tot = {g: zero() for g in GROUPS + ["all"]}
    listing = []
    for art in articles:
        buf = texts[art["id"]]
        starts = sentence_starts(buf)
        gold = art["events"]
        em = events.get(art["id"], [])
        pairs, maybe_hits, dups = match_article(gold, em, starts)
        rows = []
        for st in (tot[group_of(art["section"])], tot["all"]):
            st["articles"] += 1
            st["emitted"] += len(em)
            st["gold"] += sum(1 for g in gold if g["kind"] == "event")
            st["gold_maybe"] += sum(1 for g in gold if g["kind"] == "maybe")
            if em:
                st["art_with_events"] += 1
            if not any(g["kind"] == "event" for g in gold):
                st["gold_art_empty"] += 1
                if any(i not in maybe_hits for i in range(len(em))):
                    st["empty_art_with_events"] += 1
        status = {}
        for ei, e in enumerate(em):
            if ei in pairs:
                cls = judge(e, gold[pairs[ei]])
            elif ei in maybe_hits:
                cls = "maybe"
            else:
                cls = "not_event"
            status[ei] = cls
            for st in (tot[group_of(art["section"])], tot["all"]):
                st[cls] += 1
                if cls == "not_event" and ei in dups:
                    st["duplicate"] += 1
        for ei, gi in pairs.items():
            g, e = gold[gi], em[ei]
            for st in (tot[group_of(art["section"])], tot["all"]):
                st["found"] += 1
                if root(e.get("cameo", "")) == root(g["cameo"]):
                    st["found_family"] += 1
                if actor_country_right(e, g):
                    st["found_actor"] += 1
                if g.get("time") and len(g["time"]) == 10:
                    st["time_given"] += 1
                    t = (e.get("time") or {})
                    start, end = (t.get("start") or "")[:10], (t.get("end") or "")[:10]
                    if start == g["time"] or (start and end and start <= g["time"] < end):
                        st["time_right"] += 1
                st["mod_given"] += 1
                if (e.get("modality") or "asserted") == g.get("modality", "asserted"):
                    st["mod_right"] += 1
                st["hist_n"] += 1
                if bool(e.get("historical")) == g.get("historical", False):
                    st["hist_right"] += 1
        if verbose:
            rows.append("== %s [%s] gold %d (+%d maybe), emitted %d" % (
                art["id"], art["section"], sum(1 for g in gold if g["kind"] == "event"),
                sum(1 for g in gold if g["kind"] == "maybe"), len(em)))
            matched_g = {gi: ei for ei, gi in pairs.items()}
            for gi, g in enumerate(gold):
                words = buf[g["trigger"][0]:g["trigger"][1]].decode("utf-8", "replace")
                parties = " ".join("%s=%s" % p for p in g["parties"])
                if g["kind"] == "maybe":
                    continue
                if gi in matched_g:
                    e = em[matched_g[gi]]
                    rows.append("  gold  %-5s %s %s  -> %s %s [%s]" % (
                        g["cameo"], repr(words), parties, e.get("event_id"), e.get("cameo"),
                        judge(e, g)))
                else:
                    rows.append("  MISSED %-5s %s %s" % (g["cameo"], repr(words), parties))
            for ei, e in enumerate(em):
                if status[ei] in ("correct",):
                    continue
                ment = ", ".join(repr(m.get("text")) for m in (e.get("mentions") or [])[:3])
                act = " ".join("%s=%s" % (r, c) for r, c, _ in emitted_parties(e))
                tag = {"not_event": "FALSE" + (" (dup)" if ei in dups else ""), "maybe": "maybe",
                       "partly": "partly", "wrong_family": "WRONG-FAMILY"}[status[ei]]
                rows.append("  emit  %-12s %-5s %s  %s" % (tag, e.get("cameo"), ment, act))
            listing.append("\n".join(rows))
    return tot, listing


def print_article_figures(tot):
    out = []
    w = out.append
    w("Emitted events (those matching a 'maybe' are left out of the shares):")
    w("  %-9s %5s %6s %15s %15s %15s %22s %6s" % ("group", "arts", "emit", "correct", "partly right",
                                                 "wrong family", "not events (dup)", "maybe"))
    for gname in GROUPS + ["all"]:
        s = tot[gname]
        n = s["emitted"] - s["maybe"]
        w("  %-9s %5d %6d %5d %s %5d %s %5d %s %5d %s (%3d) %6d" % (
            gname, s["articles"], s["emitted"], s["correct"], pct(s["correct"], n), s["partly"],
            pct(s["partly"], n), s["wrong_family"], pct(s["wrong_family"], n), s["not_event"],
            pct(s["not_event"], n), s["duplicate"], s["maybe"]))
    w("")
    w("Gold events (maybes left out):")
    w("  %-9s %6s %6s %18s %22s %7s" % ("group", "gold", "maybe", "right family", "actor right country",
                                        "found"))
    for gname in GROUPS + ["all"]:
        s = tot[gname]
        w("  %-9s %6d %6d %6d %s %10d %s %7d" % (
            gname, s["gold"], s["gold_maybe"], s["found_family"], pct(s["found_family"], s["gold"]),
            s["found_actor"], pct(s["found_actor"], s["gold"]), s["found"]))
    w("")
    w("Articles with no gold event that still get a non-maybe emitted event:")
    for gname in GROUPS + ["all"]:
        s = tot[gname]
        w("  %-9s %3d of %3d" % (gname, s["empty_art_with_events"], s["gold_art_empty"]))
    s = tot["all"]
    w("")
    w("On the gold events found: time right %d of %d with a day (%s), modality %d of %d (%s), "
      "historical flag %d of %d (%s)" % (s["time_right"], s["time_given"], pct(s["time_right"], s["time_given"]).strip(),
                                         s["mod_right"], s["mod_given"], pct(s["mod_right"], s["mod_given"]).strip(),
                                         s["hist_right"], s["hist_n"], pct(s["hist_right"], s["hist_n"]).strip()))
    return "\n".join(out)


def score_headlines(articles, events, verbose):
    """Detection, CAMEO root and actor-country F1 over headlines (see README)."""
    det = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "skipped": 0}
    rootc = {"tp": 0, "fp": 0, "fn": 0}
    actc = {"tp": 0, "fp": 0, "fn": 0}
    listing = []
    for art in articles:
        gold = [g for g in art["events"] if g["kind"] == "event"]
        maybe = [g for g in art["events"] if g["kind"] == "maybe"]
        em = events.get(art["id"], [])
        # detection
        groots_maybe = {root(g["cameo"]) for g in maybe}
        em_counted = em
        if not gold and maybe:
            det["skipped"] += 1
        else:
            if gold and em_counted:
                det["tp"] += 1
            elif gold:
                det["fn"] += 1
            elif em_counted:
                det["fp"] += 1
            else:
                det["tn"] += 1
        # roots
        gr = {root(g["cameo"]) for g in gold}
        er = {root(e.get("cameo", "")) for e in em} - (groots_maybe - gr)
        rootc["tp"] += len(gr & er)
        rootc["fp"] += len(er - gr)
        rootc["fn"] += len(gr - er)
        # actor countries
        ga = set()
        for g in gold:
            for r, c in g["parties"]:
                if r == "actor" and key_of(c):
                    ga.add(key_of(c))
        gm = set()
        for g in maybe:
            for r, c in g["parties"]:
                if r == "actor" and key_of(c):
                    gm.add(key_of(c))
        ea = set()
        for e in em:
            for r, _, k in emitted_parties(e):
                if r == "actor" and k:
                    ea.add(k)
        tp = {k for k in ea if any(keys_match(k, g) for g in ga)}
        fp = {k for k in ea - tp if not any(keys_match(k, g) for g in gm)}
        fn = {g for g in ga if not any(keys_match(g, k) for k in ea)}
        actc["tp"] += len(tp)
        actc["fp"] += len(fp)
        actc["fn"] += len(fn)
        if verbose and (gr != er or fp or fn or (bool(gold) != bool(em_counted))):
            listing.append("== %s [%s] gold %s | maybe %s | emitted %s" % (
                art["id"], art["section"],
                " ".join("%s:%s" % (g["cameo"], ",".join(c for r, c in g["parties"] if r == "actor") or "-")
                         for g in gold) or "-",
                " ".join(g["cameo"] for g in maybe) or "-",
                " ".join("%s:%s%s" % (e.get("cameo"), ",".join(c or "?" for r, c, _ in emitted_parties(e) if r == "actor") or "-",
                                      "(%s)" % ",".join(repr(m.get("text")) for m in (e.get("mentions") or [])[:2]))
                         for e in em) or "-"))
    out = []

    def prf(c):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return p, r, f1(p, r)
    for name, c in (("event detection", det), ("CAMEO root", rootc), ("actor country", actc)):
        p, r, f = prf(c)
        out.append("  %-16s F1 %.2f (precision %.2f, recall %.2f; tp %d fp %d fn %d)" % (
            name, f, p, r, c["tp"], c["fp"], c["fn"]))
    out.append("  headlines: %d; with a gold event %d; maybe-only (left out of detection) %d" % (
        len(articles), det["tp"] + det["fn"], det["skipped"]))
    return "\n".join(out), listing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default=os.path.join(ROOT, "tests", "realtext", "articles.gold"))
    ap.add_argument("--events", help="score this JSONL of emitted events instead of running treve")
    ap.add_argument("--treve", default=os.environ.get("TREVE", os.path.join(ROOT, "build", "treve")))
    ap.add_argument("--headlines", action="store_true",
                    help="the text is the title alone (default when the gold file is named headlines*)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list each article's false and missed events")
    ap.add_argument("--check", action="store_true", help="only check the gold file")
    ap.add_argument("--skip-status", type=int, default=77, help="exit status when ../shared is absent")
    args = ap.parse_args()
    headline = args.headlines or os.path.basename(args.gold).startswith("headlines")
    try:
        articles = parse_gold(args.gold)
    except (GoldError, OSError) as ex:
        print("score-realtext: %s" % ex, file=sys.stderr)
        return 1
    if not os.path.exists(CORPUS):
        print("score-realtext: SKIP: the corpus %s is absent (../shared not here); "
              "gold syntax checked only" % CORPUS)
        return args.skip_status
    corpus = load_corpus({a["id"] for a in articles})
    texts = {aid: text_bytes(a, headline) for aid, a in corpus.items()}
    errors = check_spans(args.gold, articles, texts)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    n_ev = sum(1 for a in articles for g in a["events"] if g["kind"] == "event")
    n_my = sum(1 for a in articles for g in a["events"] if g["kind"] == "maybe")
    print("gold %s: %d articles, %d events, %d maybes — syntax and spans OK" % (
        os.path.relpath(args.gold, ROOT), len(articles), n_ev, n_my))
    if args.check:
        return 0
    try:
        if args.events:
            with open(args.events, encoding="utf-8") as f:
                events = read_events(f.read())
            source = args.events
        else:
            if not os.access(args.treve, os.X_OK):
                print("score-realtext: %s not built (make)" % args.treve, file=sys.stderr)
                return 2
            events = read_events(run_treve(args.treve, articles, corpus, headline))
            source = "%s code (%s)" % (os.path.relpath(args.treve, ROOT), "headlines: title alone" if headline
                                       else "title + text")
    except (RuntimeError, OSError) as ex:
        print("score-realtext: %s" % ex, file=sys.stderr)
        return 2
    print("events: %s" % source)
    if headline:
        text, listing = score_headlines(articles, events, args.verbose)
        print(text)
    else:
        tot, listing = score_articles(articles, texts, events, args.verbose)
        print(print_article_figures(tot))
    if args.verbose:
        print("")
        print("\n".join(listing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
