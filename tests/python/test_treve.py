"""tests/python/test_treve.py — the Python module (python/treve.py) against
libtreve.so: the same events as `treve code`, times, the JSONL iterator,
errors as treve.Error with their offsets, bad input that never crashes the
interpreter, threads, and the README's pandas lines. Run by
tests/python/run.sh (python3 -m unittest) with TREVE (the binary) and
TREVE_LIB (the library of the same build) in the environment.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

import treve

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TREVE = os.environ.get("TREVE", os.path.join(ROOT, "build", "treve"))
PUB = "2022-09-13T08:00:00Z"
ARTICLE = ("Combats à la frontière\n\nDes combats ont éclaté mardi entre l'Arménie et l'Azerbaïdjan, "
           "faisant 49 morts selon Erevan. La Russie a appelé au calme.\n")


def cli(*args, data=None):
    """Runs the treve binary; returns its stdout as a list of JSON objects."""
    out = subprocess.run([TREVE, *args], input=data, stdout=subprocess.PIPE, check=True).stdout
    return [json.loads(line) for line in out.decode().splitlines() if line]


class Code(unittest.TestCase):
    def test_same_events_as_the_command(self):
        got = treve.code(ARTICLE, lang="fr", published=PUB)
        want = cli("code", "--lang", "fr", "--published", PUB, "-", data=ARTICLE.encode())
        self.assertTrue(got)
        self.assertEqual(got, want)

    def test_fields_and_spans(self):
        ev = treve.code(ARTICLE, lang="fr", published=PUB)
        clash = [e for e in ev if e["cameo"].startswith("19")][0]
        self.assertIsInstance(clash["cameo"], str)
        self.assertEqual(sorted(a["code"] for a in clash["actors"]), ["ARM", "AZE"])
        self.assertEqual(clash["time"]["start"], "2022-09-13T00:00:00Z")
        killed = clash["casualties"][0]
        self.assertEqual((killed["kind"], killed["min"], killed["max"]), ("killed", 49, 49))
        # spans are UTF-8 byte offsets: span_text cuts the words out of a str
        self.assertEqual(treve.span_text(ARTICLE, killed["span"]), killed["text"])
        self.assertEqual(treve.span_text(ARTICLE, clash["actors"][0]["span"]), clash["actors"][0]["text"])

    def test_bytes_and_metadata(self):
        ev = treve.code(ARTICLE.encode(), lang="fr", published=PUB, id="dep-1", source="AFP")
        self.assertTrue(all(e["article_id"] == "dep-1" for e in ev))
        self.assertTrue(ev[0]["event_id"].startswith("dep-1:"))

    def test_no_publication_time_leaves_relative_dates_unresolved(self):
        ev = treve.code(ARTICLE, lang="fr")
        self.assertEqual(ev[0]["time"]["basis"], "unresolved")

    def test_english(self):
        ev = treve.code("Clashes\n\nRussian forces shelled Kharkiv on Tuesday, killing three civilians.\n",
                        lang="en", published=PUB)
        self.assertTrue(any(e["cameo"].startswith("19") for e in ev), ev)

    def test_threads_share_one_context(self):
        want = treve.code(ARTICLE, lang="fr", published=PUB)
        results, errors = [], []

        def work():
            try:
                for _ in range(5):
                    results.append(treve.code(ARTICLE, lang="fr", published=PUB))
            except Exception as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(results), 20)
        self.assertTrue(all(r == want for r in results))


class Times(unittest.TestCase):
    def test_times(self):
        got = treve.times("Dépêche\n\nHier, à 9h00, deux drones ont été abattus.\n", published=PUB, lang="fr")
        self.assertEqual([(t["text"], t["value"]) for t in got], [("Hier", "2022-09-12"), ("9h00", "2022-09-12T09:00")])
        self.assertEqual(got, treve.times("Dépêche\n\nHier, à 9h00, deux drones ont été abattus.\n", dct=PUB,
                                          lang="fr"))


class Errors(unittest.TestCase):
    def assertError(self, name, offset, fn, *args, **kw):
        with self.assertRaises(treve.Error) as cm:
            fn(*args, **kw)
        self.assertEqual(cm.exception.name, name, str(cm.exception))
        self.assertEqual(cm.exception.offset, offset, str(cm.exception))
        self.assertTrue(cm.exception.message)
        return cm.exception

    def test_invalid_utf8_raises_with_the_offset(self):
        e = self.assertError("EUTF8", 10, treve.code, b"Titre\n\nArm\xe9nie attaque.", lang="fr")
        self.assertIn("byte 10", str(e))
        self.assertEqual(e.code, 3)
        # a lone surrogate in a str is invalid UTF-8 too, never a crash
        self.assertError("EUTF8", 7, treve.code, "Titre\n\n\udce9 attaque")
        self.assertError("EUTF8", 0, treve.code, b"\xff\xfe\xfd")
        self.assertError("EUTF8", 2, treve.times, b"ab\xc3", published=PUB)

    def test_invalid_utf8_replace(self):
        ev = treve.code(b"Titre\n\nDes combats ont \xe9clat\xe9 entre l'Arm\xe9nie et l'Azerba\xefdjan.",
                        lang="fr", invalid_utf8="replace")
        self.assertTrue(any(e["cameo"].startswith("19") for e in ev), ev)

    def test_nul_and_empty(self):
        self.assertError("ENUL", 8, treve.code, b"Titre\n\nA\x00B")
        self.assertError("EEMPTY", 0, treve.code, "")
        self.assertError("EEMPTY", 0, treve.code, "  \n\n ")

    def test_bad_arguments(self):
        with self.assertRaises(treve.Error):
            treve.code(ARTICLE, published="hier")
        with self.assertRaises(ValueError):
            treve.code(ARTICLE, lang="de")
        with self.assertRaises(ValueError):
            treve.code(ARTICLE, invalid_utf8="ignore")
        with self.assertRaises(ValueError):
            treve.code(ARTICLE, source="A\0B")
        with self.assertRaises(TypeError):
            treve.code(42)
        with self.assertRaises(TypeError):
            treve.code(ARTICLE, lang=1)

    def test_garbage_never_crashes(self):
        import random
        rnd = random.Random(7)
        for _ in range(300):
            data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 200)))
            try:
                self.assertIsInstance(treve.code(data), list)
            except treve.Error as e:
                self.assertIn(e.name, ("EUTF8", "ENUL", "EEMPTY"))
                self.assertLessEqual(e.offset, len(data))


class Jsonl(unittest.TestCase):
    def write(self, lines):
        f = tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False)
        f.write(b"\n".join(lines) + b"\n")
        f.close()
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_same_events_as_the_command(self):
        path = os.path.join(ROOT, "samples", "dispatches.jsonl")
        self.assertEqual(list(treve.code_jsonl(path)), cli("code", path))

    def test_bad_lines(self):
        good = json.dumps({"id": "g", "lang": "fr", "published": PUB, "title": "Combats",
                           "text": "Des combats ont éclaté mardi entre l'Arménie et l'Azerbaïdjan."}).encode()
        path = self.write([good, b'{"id": "x", not json', b'{"id": "y"}', b'{"text": "Arm\xe9nie"}', b"", good])  # JSON must be UTF-8
        with self.assertRaises(treve.Error) as cm:
            list(treve.code_jsonl(path))
        self.assertEqual((cm.exception.line, cm.exception.name), (2, "EJSON"))
        self.assertTrue(cm.exception.where.endswith(":2"))
        errors = []
        events = list(treve.code_jsonl(path, on_error=errors.append))
        self.assertEqual([(e.line, e.name) for e in errors], [(2, "EJSON"), (3, "EFIELD"), (4, "EJSON")])
        # the good articles on both sides of the bad ones are coded
        self.assertEqual(len(events), 2)
        self.assertTrue(all(e["article_id"] == "g" for e in events))

    def test_defaults_for_lines_without_them(self):
        line = json.dumps({"text": "Titre\n\nDes combats ont éclaté mardi entre l'Arménie et l'Azerbaïdjan."})
        path = self.write([line.encode()])
        ev = list(treve.code_jsonl(path, lang="fr", published=PUB))
        self.assertEqual(ev[0]["time"]["start"], "2022-09-13T00:00:00Z")
        with open(path, "rb") as f:
            self.assertEqual(list(treve.code_jsonl(f, lang="fr", published=PUB)), ev)


class Module(unittest.TestCase):
    def test_version_and_library(self):
        self.assertRegex(treve.version, r"^\d+\.\d+\.\d+$")
        self.assertTrue(os.path.exists(treve.library_path), treve.library_path)

    def test_missing_library_is_a_clear_import_error(self):
        env = dict(os.environ, TREVE_LIB="/nonexistent/libtreve.so")
        r = subprocess.run([sys.executable, "-c", "import treve"], env=env, stderr=subprocess.PIPE)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(b"libtreve not found", r.stderr)


class ReadmePandas(unittest.TestCase):
    """The README's lines that turn a folder of articles into a DataFrame."""

    def test_readme_lines(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            self.fail("pandas is not importable by %s: install the Debian package python3-pandas "
                      "(sh scripts/install-deps.sh)" % sys.executable)
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        m = re.search(r"```python\n(# a folder of articles -> a DataFrame\n.*?)```", readme, re.S)
        self.assertIsNotNone(m, "README.md has no ```python block starting '# a folder of articles -> a DataFrame'")
        code_lines = [l for l in m.group(1).splitlines() if l and not l.startswith("#")]
        self.assertEqual(len(code_lines), 3, code_lines)
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as f:
            f.write(ARTICLE)
        with open(os.path.join(folder, "b.txt"), "w", encoding="utf-8") as f:
            f.write("Trêve\n\nL'Arménie et l'Azerbaïdjan ont conclu un cessez-le-feu mardi.\n")
        scope = {}
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            exec(compile(m.group(1).replace('"articles"', repr(folder)), "README.md", "exec"), scope)
        finally:
            os.chdir(cwd)
        df = scope["df"]
        self.assertGreaterEqual(len(df), 2)
        self.assertTrue(all(isinstance(c, str) for c in df["cameo"]), df["cameo"])
        self.assertIn("19", set(df["cameo"].str[:2]))


if __name__ == "__main__":
    unittest.main()
