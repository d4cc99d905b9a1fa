"""What a request would commit: the guard's last line, read from the bytes the server would read.

While the tool acts on a page (a fill, a helper, a press, and the page settling after it), the
guard (``guard.Guard.protect``) looks at every request the browser sends — navigations, form
posts, fetch/XHR, beacons, in any frame or tab — and aborts one that carries a consent or
final-submit caption, or that goes to where the page's guarded controls submit. Captions are
looked for the way a server might read them: the URL and the body as UTF-8, as Shift_JIS
(cp932), as windows-1252 text that was UTF-8 bytes, percent-decoded (in each of those), with
HTML character references and JSON ``\\uXXXX`` escapes undone. Requests a person causes while
the tool is not acting pass untouched.

What the guard cannot know: a commit that carries no guarded caption and goes to an address no
guarded control names (a server that registers on any request to an innocent-looking URL).

Example::

    >>> verdict("https://nss.example/x?b=%E7%99%BB%E9%8C%B2", None, ["登録"], set())
    "carries '登録'"
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from urllib.parse import unquote_to_bytes, urlsplit

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b-\u200f\u2060\ufeff]+")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_ENCODINGS = ("utf-8", "cp932")
MAX_BODY = 256 * 1024  # a form post is small; a larger upload is read in its first part


def _key(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _decodings(data: bytes) -> Iterator[str]:
    """``data`` read every way a server might: as UTF-8 and as cp932, each also after
    percent-decoding (twice), with windows-1252 text re-read as the UTF-8 bytes it was."""
    seen: set[bytes] = set()
    layers = [data]
    cur = data
    for _ in range(2):
        nxt = unquote_to_bytes(cur.replace(b"+", b" "))
        if nxt == cur:
            break
        layers.append(nxt)
        cur = nxt
    for layer in layers:
        if layer in seen:
            continue
        seen.add(layer)
        for enc in _ENCODINGS:
            text = layer.decode(enc, errors="ignore")
            yield text
            # windows-1252 text that was UTF-8 bytes (a form sent in the wrong charset)
            reread = _reread_1252(text)
            if reread:
                yield reread


def _reread_1252(text: str) -> str:
    try:
        return text.encode("cp1252").decode("utf-8", errors="ignore")
    except UnicodeEncodeError:
        return ""


def _expanded(text: str) -> Iterator[str]:
    yield text
    if "&#" in text or "&" in text:
        yield html.unescape(text)
    if "\\u" in text:
        yield _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def carried(data: bytes, captions: Iterable[str]) -> str | None:
    """The guarded caption ``data`` carries, read every way a server might; None if none."""
    keys = [(c, _key(c)) for c in captions if _key(c)]
    for text in _decodings(data[:MAX_BODY]):
        for form in _expanded(text):
            k = _key(form)
            for caption, ck in keys:
                if ck in k:
                    return caption
    return None


def target_of(url: str) -> str:
    """Where a request goes, without query and fragment: ``scheme://host:port/path``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}".lower()


def verdict(url: str, body: bytes | None, captions: Iterable[str], targets: set[str]) -> str | None:
    """Why the request would commit (a guarded caption it carries, a guarded target), or None."""
    caps = list(captions)
    hit = carried(url.encode("utf-8", errors="ignore"), caps)
    if hit is None and body:
        hit = carried(body, caps)
    if hit is not None:
        return f"carries {hit!r}"
    if target_of(url) in targets:
        return "goes to where a consent or final-submit control of the page submits"
    return None
