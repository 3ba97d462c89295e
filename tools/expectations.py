#!/usr/bin/env python3
"""expectations.py — how many of a test folder's event expectations treve meets, line by line.

    python3 tools/expectations.py [DIR...] [--by-prefix] [--met-todo] [--mark]

For each DIR/*.test (default tests/data/events-fr) runs `build/treve` with the test's args
on its input, then checks every expectation line of its `--- events` section ON ITS OWN
with `build/check-events` — the live lines and the `# TODO: …` lines alike (the TODO text up to
the " (treve…" note). Prints the lines met per kind (event / none / count; the span checks
apart), per file with --by-prefix grouped by the file name's first three characters, and the
total. This is the before/after measure of tests/data/events-fr/RESULTS.md.

--met-todo  lists the TODO lines treve now meets (turn them back into expectations).
--mark      rewrites each test: an unmet live line becomes `# TODO: LINE (treve: what it did)`.
            Used once, after the expectations were written blind; never to edit an expectation.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("TREVE_BUILD", os.path.join(ROOT, "build"))
TREVE = os.path.join(BUILD, "treve")
CHECK = os.path.join(BUILD, "check-events")
SHARED = os.environ.get("TREVE_SHARED", os.path.join(ROOT, "..", "shared"))
EXPECT = re.compile(r"^(event|none|count) ")
TODO = re.compile(r"^# TODO: ((?:event|none|count) .*?)(?: \((?:treve|TODO)[^)]*\))?\s*$")


def sections(text):
    secs, cur = {}, None
    for line in text.splitlines(keepends=True):
        m = re.match(r"^--- ([a-z-]+)[ \t]*$", line)
        if m:
            cur = m.group(1)
            secs[cur] = ""
            continue
        if cur:
            secs[cur] += line
    return secs


def conds(line):
    return line.split()[1:] if not line.startswith("count") else line.split()[2:]


def check(lines, out, article, td):
    ef = os.path.join(td, "exp")
    with open(ef, "w") as f:
        f.write("\n".join(lines) + "\n")
    r = subprocess.run([CHECK, ef, article], input=out, capture_output=True, text=True)
    return r.returncode == 0


def describe(evs):
    res = []
    for e in evs:
        acts = ",".join(f"{a['role'][0]}:{a['code']}" for a in e["actors"])
        res.append(f"{e['cameo']}[{acts}]" if acts else e["cameo"])
    return " ".join(res) if res else "nothing"


def explain(line, evs, article, td):
    """Why a line fails, for the TODO note: the nearest event and the conditions it misses."""
    kind = line.split()[0]
    cs = conds(line)

    def ok(c, e):
        return check(["event " + c], json.dumps(e) + "\n", article, td)

    cam = next((c.split("=", 1)[1] for c in cs if c.startswith("cameo=")), None)
    if kind == "none":
        return "treve codes " + describe([e for e in evs if all(ok(c, e) for c in cs)])
    if kind == "count":
        return "treve codes " + describe(evs)
    cands = evs
    if cam:
        pre = cam.rstrip("*")
        cands = [e for e in evs if (e["cameo"].startswith(pre) if cam.endswith("*") else e["cameo"] == cam)]
        if not cands:
            return f"treve: no {cam} event; it codes {describe(evs)}"
    if not cands:
        return "treve codes nothing"
    best = min(((e, [c for c in cs if not ok(c, e)]) for e in cands), key=lambda p: len(p[1]))
    return f"treve codes {describe([best[0]])} without {' '.join(best[1])}"


def run_test(path, mark):
    text = open(path, encoding="utf-8").read()
    s = sections(text)
    if "events" not in s:
        return None
    if "requires" in s and "shared" in s["requires"] and not os.path.isdir(SHARED):
        return None
    res = {"met": {}, "todo_met": []}
    with tempfile.TemporaryDirectory() as td:
        article = os.path.join(td, "input")
        with open(article, "w", encoding="utf-8") as f:
            f.write(s.get("input", ""))
        args = s["args"].strip().replace("%INPUT%", article).replace("%SHARED%", SHARED)
        out = subprocess.run([TREVE] + args.split(), capture_output=True, text=True).stdout
        evs = [json.loads(x) for x in out.splitlines() if x.strip()]
        new, in_events = [], False
        for line in text.splitlines():
            if line.startswith("--- "):
                in_events = line.strip() == "--- events"
                new.append(line)
                continue
            live = EXPECT.match(line) if in_events else None
            todo = TODO.match(line) if in_events else None
            exp = line if live else (todo.group(1) if todo else None)
            if exp is None:
                new.append(line)
                continue
            kind = "spans" if "spans=" in exp else exp.split()[0]
            met = check([exp], out, article, td)
            m, n = res["met"].get(kind, (0, 0))
            res["met"][kind] = (m + met, n + 1)
            if todo and met:
                res["todo_met"].append(exp)
            if live and not met and mark:
                new.append(f"# TODO: {line} ({explain(line, evs, article, td)})")
            else:
                new.append(line)
        if mark:
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(new) + "\n")
    return res


def main():
    argv = sys.argv[1:]
    by_prefix = "--by-prefix" in argv
    met_todo = "--met-todo" in argv
    mark = "--mark" in argv
    dirs = [a for a in argv if not a.startswith("--")] or [os.path.join(ROOT, "tests/data/events-fr")]
    if not (os.access(TREVE, os.X_OK) and os.access(CHECK, os.X_OK)):
        sys.exit(f"expectations.py: {TREVE} or {CHECK} missing (run make)")
    total, groups = {}, {}
    for d in dirs:
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".test"):
                continue
            r = run_test(os.path.join(d, fn), mark)
            if r is None:
                continue
            g = groups.setdefault(fn[:3] if by_prefix else fn, {})
            for k, (m, n) in r["met"].items():
                for acc in (g, total):
                    a, b = acc.get(k, (0, 0))
                    acc[k] = (a + m, b + n)
            if met_todo:
                for line in r["todo_met"]:
                    print(f"now met: {fn}: {line}")

    def fmt(acc):
        kinds = ["event", "none", "count"]
        m = sum(acc.get(k, (0, 0))[0] for k in kinds)
        n = sum(acc.get(k, (0, 0))[1] for k in kinds)
        parts = " ".join(f"{k} {acc.get(k, (0, 0))[0]}/{acc.get(k, (0, 0))[1]}" for k in kinds)
        sp = acc.get("spans", (0, 0))
        return f"{m} of {n} met ({parts}; spans {sp[0]}/{sp[1]})"

    for g in sorted(groups):
        print(f"{g}: {fmt(groups[g])}")
    print(f"all: {fmt(total)}")


if __name__ == "__main__":
    main()
