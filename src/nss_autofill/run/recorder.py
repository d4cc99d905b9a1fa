"""Record pages as fixtures, scrubbed of applicant data, for when NSS changes.

Each HTML document the browser loads is saved as served (its encoding kept) with scripts,
event-handler attributes and third-party assets removed, every input value replaced by a
placeholder, every profile value replaced in the text, and a comment with the capture date.

Example::

    >>> out = scrub_html("<input name=a value='山田'><script>x()</script>", ["山田"], "2027-01-01")
    >>> out.splitlines()[1]
    '<input name="a" value="{{value}}">'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Response

PLACEHOLDER = "{{value}}"
PROFILE_PLACEHOLDER = "{{profile}}"
_VALUE_TYPES = {"text", "password", "email", "tel", "number", "search", "url", "hidden", "date", ""}
_CHARSET_RE = re.compile(r"charset=([\w-]+)", re.I)


def python_codec(charset: str) -> str:
    """The Python codec for a page's declared charset; NSS's Shift_JIS is really CP932."""
    if charset.lower().replace("_", "-") in ("shift-jis", "sjis", "x-sjis", "windows-31j"):
        return "cp932"
    return charset


class _Scrubber(HTMLParser):
    """Re-emits a document without scripts, handlers, third-party assets or input values."""

    def __init__(self, origin: str, base: str) -> None:
        super().__init__(convert_charrefs=False)
        self.origin, self.base = origin, base
        self.out: list[str] = []
        self.skip = 0  # inside <script> / <noscript>
        self.in_textarea = False

    def _third_party(self, url: str | None) -> bool:
        if not url or url.startswith(("data:", "#")):
            return False
        absolute = urljoin(self.base, url)
        parts = urlsplit(absolute)
        return f"{parts.scheme}://{parts.netloc}".lower() != self.origin

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        kept: list[tuple[str, str | None]] = []
        kind = (dict(attrs).get("type") or "").lower()
        for name, value in attrs:
            lname = name.lower()
            if lname.startswith("on"):
                continue  # event handlers are page script
            if (
                lname in ("src", "href")
                and value
                and value.strip().lower().startswith("javascript:")
            ):
                value = "javascript:void(0)"
            if (
                lname in ("src", "href")
                and tag in ("img", "link", "iframe", "script")
                and (self._third_party(value))
            ):
                return None  # drop the whole third-party element
            if lname == "value" and tag == "input" and kind in _VALUE_TYPES:
                value = PLACEHOLDER if value else ""
            if lname in ("checked", "selected") and tag in ("input", "option"):
                continue  # the operator's choices are data too
            kept.append((name, value))
        return "".join(f" {n}" if v is None else f' {n}="{escape(v, quote=True)}"' for n, v in kept)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "noscript"):
            self.skip += 1
            return
        if self.skip:
            return
        rendered = self._attrs(tag, attrs)
        if rendered is None:
            return
        self.out.append(f"<{tag}{rendered}>")
        if tag == "textarea":
            self.in_textarea = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip or tag == "script":
            return
        rendered = self._attrs(tag, attrs)
        if rendered is not None:
            self.out.append(f"<{tag}{rendered} />")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "noscript"):
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "textarea":
            self.in_textarea = False
        if tag in ("img", "link", "iframe"):
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.out.append(PLACEHOLDER if self.in_textarea and data.strip() else data)

    def handle_entityref(self, name: str) -> None:
        if not self.skip:
            self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.skip:
            self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        if not self.skip:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def scrub_html(
    html: str,
    profile_values: Iterable[str],
    captured: str,
    url: str = "http://localhost/",
) -> str:
    """The recorded form of ``html``: no scripts, no input values, no profile values."""
    parts = urlsplit(url)
    scrubber = _Scrubber(f"{parts.scheme}://{parts.netloc}".lower(), url)
    scrubber.feed(html)
    scrubber.close()
    text = "".join(scrubber.out)
    # Longest first, so 山田太郎 is replaced before 山田.
    for value in sorted({v for v in profile_values if len(v) >= 2}, key=len, reverse=True):
        text = text.replace(value, PROFILE_PLACEHOLDER)
    note = f"<!-- recorded by nss-autofill on {captured}; values replaced by placeholders -->\n"
    return note + text


def profile_strings(data: Any) -> set[str]:
    """Every string, number and date in a profile dump, in the forms a page may show them."""
    out: set[str] = set()
    if isinstance(data, dict):
        for value in data.values():
            out |= profile_strings(value)
    elif isinstance(data, (list, tuple)):
        for value in data:
            out |= profile_strings(value)
    elif isinstance(data, bool) or data is None:
        pass
    elif isinstance(data, dt.date):
        out |= {data.isoformat(), f"{data.year}年{data.month}月{data.day}日"}
    else:
        text = str(data)
        out |= {text, text.replace("\u3000", " "), text.replace("\u3000", "")}
        out |= set(re.split(r"[\s\u3000]+", text))
    return {s for s in out if s.strip()}


class Recorder:
    """Saves every main-document HTML response of a browser context into ``out``."""

    def __init__(self, out: Path, profile_values: Iterable[str]) -> None:
        self.out = out
        self.values = set(profile_values)
        self.saved: list[Path] = []
        out.mkdir(parents=True, exist_ok=True)

    def add_secrets(self, values: Iterable[str]) -> None:
        """Scrub values learned later (a login shown on a page) from what was saved so far."""
        new = {v for v in values if v} - self.values
        self.values |= new
        for path in self.saved:
            data = path.read_bytes()
            for value in new:
                for codec in ("utf-8", "cp932"):
                    try:
                        data = data.replace(value.encode(codec), PLACEHOLDER.encode(codec))
                    except UnicodeEncodeError:
                        continue
            path.write_bytes(data)

    def attach(self, context: BrowserContext) -> None:
        context.on("response", self._on_response)

    def _on_response(self, response: Response) -> None:
        request = response.request
        if request.resource_type != "document" or response.status >= 300:
            return
        ctype = response.headers.get("content-type", "")
        if "html" not in ctype:
            return
        try:
            body = response.body()
        except Exception:  # the page went away before its body could be read
            return
        self.save(body, ctype, response.url)

    def save(self, body: bytes, content_type: str, url: str) -> Path:
        match = _CHARSET_RE.search(content_type) or _CHARSET_RE.search(
            body[:2048].decode("ascii", "ignore")
        )
        codec = python_codec(match.group(1) if match else "utf-8")
        # Chromium hands text bodies back already decoded (as UTF-8) whatever the page's
        # charset; raw bytes come only from other sources. Either way the file is written in
        # the charset the page was served with.
        try:
            html = body.decode("utf-8")
        except UnicodeDecodeError:
            html = body.decode(codec, errors="replace")
        today = dt.date.today().isoformat()
        scrubbed = scrub_html(html, self.values, today, url)
        name = f"{len(self.saved) + 1:02d}-page.html"
        path = self.out / name
        path.write_bytes(scrubbed.encode(codec, errors="xmlcharrefreplace"))
        self.saved.append(path)
        return path
