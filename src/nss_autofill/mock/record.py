"""The mock's records: every request as bytes, every POST decoded, and what only a person may do.

The POST record (``Post``) decodes form posts the way the flow needs them. The request record
(``Request``) is for the guard's tests: every request of any method (navigations, form posts,
fetch/XHR, beacons, GETs with a query) is kept as the bytes that arrived, and
:func:`carried_caption` reads those bytes every way a server might — UTF-8, CP932
(Shift_JIS), windows-1252 text re-read as UTF-8, percent-decoded (once or more) in each of
those, HTML numeric character references (a form sent in a charset without the caption's
characters) and JSON ``\\uXXXX`` escapes — and says whether a consent or final-submit caption
is in any reading. :func:`why_guarded` says why a request consented or submitted (its bytes,
or where it went), and :func:`log_guarded` appends such a request to the log no reset clears
(``GUARDED_LOG_ENV``).

Example::

    >>> carried_caption(b"hdnBtnNm=%E7%94%B3%E8%BE%BC%E5%86%85%E5%AE%B9%E3%82%92"
    ...                 b"%E7%99%BB%E9%8C%B2%E3%81%99%E3%82%8B")
    '申込内容を登録する'
    >>> carried_caption(b"txtKgyMei=%83i%83b%83N%83X") is None
    True
"""

from __future__ import annotations

import html
import json
import os
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from .flow import PageDef

__all__ = [
    "GUARDED_CAPTIONS",
    "GUARDED_KINDS",
    "GUARDED_LOG_ENV",
    "Post",
    "Request",
    "carried_caption",
    "log_guarded",
    "readings",
    "why_guarded",
]

# What only a person may send: the final submit and the consents (「同意する」 covers every
# 「…に同意する」 caption).
GUARDED_CAPTIONS: tuple[str, ...] = ("申込内容を登録する", "システム利用規定に同意する", "同意する")
GUARDED_KINDS = ("consent", "final")  # the post kinds (``PageDef.post_kind``) of those pages
# A file every mock (in this process or a dry run's) appends its guarded requests to, one JSON
# line each, when this names one: a record no reset() clears (the test suite's after-test check).
GUARDED_LOG_ENV = "NSS_MOCK_GUARDED_LOG"
_LOG_LOCK = threading.Lock()

_ENCODINGS = ("utf-8", "cp932")
_PERCENT_ROUNDS = 3  # %25-escaped twice over is still read
_SPACE_RE = re.compile(r"\s+")
_UESC_RE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True)
class Post:
    """One POST the mock received, decoded by the charset of the page it came from."""

    path: str
    page_id: str | None
    fields: dict[str, list[str]]
    submitter: str | None  # caption of the control that submitted the form, if any
    kind: str  # "consent" | "final" | "other"
    encoding: str  # "utf-8" or "cp932"


@dataclass(frozen=True)
class Request:
    """One request as it arrived: method, path (as sent), raw query and body, content type."""

    method: str
    path: str
    query: bytes
    body: bytes
    content_type: str


def _key(text: str) -> str:
    out = unicodedata.normalize("NFKC", text)
    out = "".join(ch for ch in out if unicodedata.category(ch) != "Cf")
    return _SPACE_RE.sub("", out)


def _cp1252_bytes(text: str) -> bytes:
    """``text`` encoded as a browser's windows-1252 (C1 controls stand for the unmapped bytes)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 0x100:
                out.append(ord(ch))
    return bytes(out)


def _layers(data: bytes) -> Iterator[bytes]:
    """``data`` and its percent-decodings ('+' read as a space, as in a form body)."""
    yield data
    cur = data
    for _ in range(_PERCENT_ROUNDS):
        nxt = unquote_to_bytes(cur.replace(b"+", b" "))
        if nxt == cur:
            return
        yield nxt
        cur = nxt


def readings(data: bytes) -> Iterator[str]:
    """Every text a server might read from ``data``."""
    for raw in _layers(data):
        for enc in _ENCODINGS:
            text = raw.decode(enc, errors="replace")
            yield text
            yield html.unescape(text)
            yield _UESC_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
            if enc == "utf-8":  # UTF-8 bytes shown as windows-1252 text, sent back as UTF-8
                yield _cp1252_bytes(text).decode("utf-8", errors="replace")


def carried_caption(data: bytes) -> str | None:
    """The first consent/final-submit caption found in any reading of ``data``, else None."""
    if not data:
        return None
    wanted = [(c, _key(c)) for c in GUARDED_CAPTIONS]
    for text in readings(data):
        key = _key(text)
        for caption, k in wanted:
            if k in key:
                return caption
    return None


def why_guarded(req: Request, page: PageDef | None, added_kind: str | None) -> str | None:
    """Why ``req`` consented or submitted (what only a person may cause); None if it did not.

    It did when its path, query or body carries a consent/final caption, or it went to where a
    guarded page posts: any request to a page added with post_kind consent/final (it stands
    for a commit endpoint; ``added_kind`` is the post kind of the page added at its path, None
    where none was), or a request other than a plain GET (no query) to a flow page (``page``,
    the style's page at its path) whose posts consent or submit (the flow shows those pages by
    a plain GET after a 303).
    """
    for part, data in (("path", req.path.encode("latin-1", "replace")), ("query", req.query)):
        caption = carried_caption(data)
        if caption:
            return f"its {part} carries {caption!r}"
    caption = carried_caption(req.body)
    if caption:
        return f"its body carries {caption!r}"
    if added_kind is not None:
        if added_kind in GUARDED_KINDS:
            return f"it went to {req.path}, added as a {added_kind} endpoint"
        return None
    plain_get = req.method in ("GET", "HEAD") and not req.query
    if page is not None and page.post_kind in GUARDED_KINDS and not plain_get:
        return f"{req.method} to {req.path}, where {page.id} posts ({page.post_kind})"
    return None


def log_guarded(log: str, req: Request, why: str, site: str) -> None:
    """Append the guarded ``req`` (with ``why``, and the ``site`` it went to) to the file
    ``log`` as one JSON line."""
    entry = {"pid": os.getpid(), "site": site, "method": req.method}
    line = json.dumps({**entry, "path": req.path, "why": why}, ensure_ascii=False)
    with _LOG_LOCK, open(log, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
