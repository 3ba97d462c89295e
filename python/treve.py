"""treve — code news reports about armed conflict and diplomacy into events.

A thin binding of libtreve (the C library of the treve tool) written with
the standard library only (ctypes). It gives the same results as the
command line, as Python dicts shaped like docs/SPEC.md:

    >>> import treve
    >>> events = treve.code("Titre\\n\\nDes combats ont éclaté mardi entre "
    ...                     "l'Arménie et l'Azerbaïdjan.", lang="fr",
    ...                     published="2022-09-13T08:00:00Z")
    >>> events[0]["cameo"], [a["code"] for a in events[0]["actors"]]
    ('190', ['ARM', 'AZE'])

    treve.code(text, ...)      -> list of events (dicts), one per real-world event
    treve.times(text, ...)     -> list of temporal expressions (TIMEX3 + UTC)
    treve.code_jsonl(path)     -> iterator over the events of a JSONL file
                                  (one article per line, like `treve code`)

Spans ("span": [start, end]) are byte offsets into the UTF-8 encoding of
the text (for a JSONL article: of title + "\\n\\n" + text); span_text()
cuts one out of a str. CAMEO codes are strings ("0871"): keep them so.

Errors of the library raise treve.Error, which carries its message, its
code (Error.code, Error.name: "EUTF8"…) and the byte offset of the fault:
invalid UTF-8, a NUL byte, an empty article, a bad date… The interpreter
never crashes on bad input.

The library is found, in this order: $TREVE_LIB (a path to libtreve.so);
beside this file; the library directory two levels above it (where `make
install` puts both: PREFIX/lib/pythonX.Y/dist-packages → PREFIX/lib); the
source tree's build/ (python/../build); the system's library path
(libtreve.so.0). The dictionaries are built into the library: nothing else
is read. One context (the compiled dictionaries) is loaded at the first
call and shared; calls from several threads are safe.
"""

import ctypes
import json
import os
import threading

__all__ = ["Error", "code", "times", "code_jsonl", "span_text", "library_path", "version"]

_SONAME = "libtreve.so.0"

# treve_code, in the order of include/treve.h (codes are only appended)
_CODE_NAMES = ["OK", "ENOMEM", "EINVAL", "EUTF8", "ENUL", "ETOOBIG", "EEMPTY", "EDICT", "EJSON",
               "EDATE", "EIO", "ETZ", "EFIELD", "ENOTFOUND", "EDB", "ESCHEMA"]


class Error(Exception):
    """An error of libtreve: message, code, byte offset (and line, for JSONL)."""

    def __init__(self, message, code, offset=0, line=0, where=None):
        self.message = message
        self.code = code
        self.name = _CODE_NAMES[code] if 0 <= code < len(_CODE_NAMES) else "E%d" % code
        self.offset = offset
        self.line = line
        self.where = where
        text = "%s (%s at byte %d)" % (message, self.name, offset)
        if where:
            text = "%s: %s" % (where, text)
        super().__init__(text)


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char_p),
                ("offset", ctypes.c_size_t), ("line", ctypes.c_size_t)]


class _Article(ctypes.Structure):
    _fields_ = [("text", ctypes.c_char_p), ("len", ctypes.c_size_t),
                ("id", ctypes.c_char_p), ("lang", ctypes.c_char_p),
                ("published", ctypes.c_char_p), ("source", ctypes.c_char_p),
                ("url", ctypes.c_char_p), ("tz", ctypes.c_char_p),
                ("headline_end", ctypes.c_size_t), ("invalid_utf8", ctypes.c_int)]


class _JsonlArticle(ctypes.Structure):
    _fields_ = [("article", _Article), ("text", ctypes.c_void_p), ("id", ctypes.c_void_p),
                ("url", ctypes.c_void_p), ("source", ctypes.c_void_p),
                ("published", ctypes.c_void_p), ("lang", ctypes.c_void_p)]


class _CtxOptions(ctypes.Structure):
    _fields_ = [("data_dir", ctypes.c_char_p)]


_WRITE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_char), ctypes.c_size_t)


def _candidates():
    env = os.environ.get("TREVE_LIB")
    if env:
        return [env]
    here = os.path.dirname(os.path.abspath(__file__))
    return [os.path.join(here, _SONAME), os.path.join(here, "libtreve.so"),
            os.path.normpath(os.path.join(here, "..", "..", _SONAME)),
            os.path.normpath(os.path.join(here, "..", "build", "libtreve.so")),
            _SONAME]


def _load():
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
            if os.environ.get("TREVE_LIB"):
                break
    raise ImportError("treve: libtreve not found; build it (make) or install it (make install), "
                      "or set TREVE_LIB to its path. Tried: " + "; ".join(tried))


_lib, library_path = _load()


def _fn(name, restype, *argtypes):
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_PErr = ctypes.POINTER(_Error)
_ctx_new = _fn("treve_ctx_new", ctypes.c_void_p, ctypes.POINTER(_CtxOptions), _PErr)
_ctx_free = _fn("treve_ctx_free", None, ctypes.c_void_p)
_doc_analyse = _fn("treve_doc_analyse", ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(_Article), _PErr)
_doc_free = _fn("treve_doc_free", None, ctypes.c_void_p)
_write_events = _fn("treve_doc_write_events", ctypes.c_int, ctypes.c_void_p, ctypes.c_int, _WRITE_FN,
                    ctypes.c_void_p)
_write_times = _fn("treve_doc_write_times", ctypes.c_int, ctypes.c_void_p, _WRITE_FN, ctypes.c_void_p)
_jsonl_parse = _fn("treve_jsonl_parse", ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t,
                   ctypes.POINTER(_JsonlArticle), _PErr)
_jsonl_clear = _fn("treve_jsonl_article_clear", None, ctypes.POINTER(_JsonlArticle))
_parse_iso = _fn("treve_parse_iso8601", ctypes.c_int, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int64), _PErr)
_version = _fn("treve_version", ctypes.c_char_p)

version = _version().decode()
__version__ = version

_ctx = None
_ctx_lock = threading.Lock()


def _context():
    global _ctx
    if _ctx is None:
        with _ctx_lock:
            if _ctx is None:
                err = _Error()
                ctx = _ctx_new(None, ctypes.byref(err))
                if not ctx:
                    raise _error(err)
                _ctx = ctx
    return _ctx


def _error(err, where=None):
    msg = err.message.decode("utf-8", "replace") if err.message else "error"
    return Error(msg, err.code, err.offset, err.line, where)


def _bytes(text):
    """The article's bytes: str as UTF-8 (lone surrogates kept as the bytes
    they stand for, so the library reports them with their offset)."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    if not isinstance(text, str):
        raise TypeError("treve: text must be str or bytes, not %s" % type(text).__name__)
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _opt(name, value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("treve: %s must be a str, not %s" % (name, type(value).__name__))
    if "\0" in value:
        raise ValueError("treve: %s contains a NUL character" % name)
    return value.encode("utf-8", "surrogatepass")


def _check_date(name, value):
    if value is None:
        return
    t = ctypes.c_int64()
    err = _Error()
    if _parse_iso(value, ctypes.byref(t), ctypes.byref(err)) != 0:
        raise Error("%s: not an ISO 8601 date or time: %r" % (name, value.decode("utf-8", "replace")),
                    err.code or 9)


def _article(data, lang, published, source, url, id, tz, invalid_utf8, headline_end):
    if invalid_utf8 not in ("reject", "replace"):
        raise ValueError("treve: invalid_utf8 takes 'reject' or 'replace', not %r" % (invalid_utf8,))
    lang_b = _opt("lang", lang)
    if lang is not None and lang not in ("fr", "en", "auto"):
        raise ValueError("treve: lang takes 'fr', 'en' or 'auto', not %r" % (lang,))
    published = _opt("published", published)
    _check_date("published", published)
    a = _Article()
    a.text = data
    a.len = len(data)
    a.lang = lang_b
    a.published = published
    a.source = _opt("source", source)
    a.url = _opt("url", url)
    a.id = _opt("id", id)
    a.tz = _opt("tz", tz)
    a.headline_end = int(headline_end or 0)
    a.invalid_utf8 = 1 if invalid_utf8 == "replace" else 0
    return a


def _run(article, writer, where=None):
    """Analyses one article and returns the lines writer() wrote, as dicts."""
    err = _Error()
    doc = _doc_analyse(_context(), ctypes.byref(article), ctypes.byref(err))
    if not doc:
        raise _error(err, where)
    chunks = []

    def collect(_user, data, n):
        chunks.append(ctypes.string_at(data, n))
        return 0

    cb = _WRITE_FN(collect)
    try:
        rc = writer(doc, cb)
    finally:
        _doc_free(doc)
    if rc != 0:
        raise Error("writing the results failed", rc, 0, 0, where)
    out = b"".join(chunks).decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line]


def code(text, lang=None, published=None, source=None, url=None, id=None, tz=None,
         invalid_utf8="reject", headline_end=0):
    """Codes one article; returns its events, one dict per real-world event.

    text        str or bytes (bytes are read as UTF-8; spans index them)
    lang        "fr", "en" or "auto"/None (detected)
    published   ISO 8601 publication time: resolves "hier", "last week"…
    source, url, id, tz   as the command's options (id: default SHA-1 of the bytes)
    invalid_utf8  "reject" (raise treve.Error with the offset) or "replace"
    headline_end  0: the first non-empty line is the headline; n: text[:n] is
    """
    a = _article(_bytes(text), lang, published, source, url, id, tz, invalid_utf8, headline_end)
    return _run(a, lambda doc, cb: _write_events(doc, 0, cb, None))


def times(text, published=None, lang=None, tz=None, invalid_utf8="reject", dct=None):
    """The temporal expressions of one article (TIMEX3 type and value, UTC
    interval, precision, basis), resolved against published (or dct)."""
    a = _article(_bytes(text), lang, published if published is not None else dct, None, None, None, tz,
                 invalid_utf8, 0)
    return _run(a, lambda doc, cb: _write_times(doc, cb, None))


def code_jsonl(source, lang=None, published=None, tz=None, invalid_utf8="reject", on_error=None):
    """Iterates over the events of a JSONL file (a path, or a binary file
    object): one article per line {"id","url","source","published","lang",
    "title","text"}, only "text" required, as `treve code FILE.jsonl`. The
    arguments are defaults for the lines that lack them.

    A bad line (invalid JSON, no "text", invalid UTF-8…) raises treve.Error
    with .line set; with on_error=callable, the callable gets the Error and
    the next line is read instead (one bad article never loses the others).
    """
    if isinstance(source, (str, bytes, os.PathLike)):
        with open(source, "rb") as f:
            yield from code_jsonl(f, lang, published, tz, invalid_utf8, on_error)
        return
    where = getattr(source, "name", "<jsonl>")
    base = _article(b"", lang, published, None, None, None, tz, invalid_utf8, 0)
    for lineno, line in enumerate(source, 1):
        if isinstance(line, str):
            line = _bytes(line)
        line = line.rstrip(b"\r\n")
        if not line.strip(b" \t"):
            continue
        try:
            events = _code_line(line, base, "%s:%d" % (where, lineno), lineno)
        except Error as e:
            if on_error is None:
                raise
            on_error(e)
            continue
        yield from events


def _code_line(line, base, where, lineno):
    ja = _JsonlArticle()
    err = _Error()
    if _jsonl_parse(line, len(line), ctypes.byref(ja), ctypes.byref(err)) != 0:
        e = _error(err, where)
        e.line = lineno
        raise e
    try:
        a = ja.article
        for f in ("lang", "published", "tz"):
            if getattr(a, f) is None:
                setattr(a, f, getattr(base, f))
        a.invalid_utf8 = base.invalid_utf8
        try:
            return _run(a, lambda doc, cb: _write_events(doc, 0, cb, None), where)
        except Error as e:
            e.line = lineno
            raise
    finally:
        _jsonl_clear(ctypes.byref(ja))


def span_text(text, span):
    """The words behind a span: text[span] with span in UTF-8 bytes."""
    data = _bytes(text)
    start, end = span
    return data[start:end].decode("utf-8", "replace")
