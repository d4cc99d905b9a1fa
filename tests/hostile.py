"""NSS-like pages for the guard's end-to-end tests, built from the mock's own rendering.

A page is the mock page as the mock renders it (fetched over HTTP, in a session set up for
it), edited as text (a trap added, a control swapped, prose inserted) and served again with
``MockSite.add_page``. The real CLI is then pointed at it; every assertion is on what the mock
server received (``MockSite.requests`` / ``guarded_requests``) and on the run's report.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nss_autofill.mock.server import MockSite, Request

from .helpers import PROFILES, Result, run_cli

FINAL = "申込内容を登録する"
CONSENT = "システム利用規定に同意する"
PROFILE = PROFILES / "example.yaml"
DOCUMENTED_EXITS = (0, 2, 3, 4, 5)  # errors.ExitCode without INTERNAL (1)

_CODECS = {"shift_jis": "cp932", "windows-31j": "cp932", "utf-8": "utf-8", "windows-1252": "cp1252"}


def codec(charset: str) -> str:
    """Python's codec for an HTTP charset."""
    return _CODECS.get(charset.lower(), charset)


def js(text: str) -> str:
    """A JavaScript string literal for ``text`` in ASCII (\\uXXXX), whatever the page's charset."""
    return json.dumps(text, ensure_ascii=True)


@dataclass(frozen=True)
class Rendered:
    """A mock page as served: text, charset, and the style's paths."""

    page_id: str
    html: str
    charset: str
    site: MockSite

    def path(self, page_id: str) -> str:
        return self.site.page_url(page_id)[len(self.site.base_url) :]


def render(site: MockSite, page_id: str) -> Rendered:
    """``page_id`` as the mock renders it in a fresh session set up for it."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(site.url_for(page_id), timeout=10) as resp:
        charset = resp.headers.get_content_charset() or "utf-8"
        body = resp.read()
    return Rendered(page_id, body.decode(codec(charset)), charset, site)


def forward_tags(html: str, caption: str) -> list[str]:
    """Every ``<input value=caption>``, ``<button>caption</button>`` or ``<a>caption</a>``."""
    cap = re.escape(caption)
    pattern = rf'<input\b[^>]*\bvalue="{cap}"[^>]*>|<(button|a)\b[^>]*>\s*{cap}\s*</\1>'
    return [m.group(0) for m in re.finditer(pattern, html)]


def swap(html: str, old: str, new: str, count: int = 1) -> str:
    """Replace ``old`` (which must occur exactly ``count`` times) by ``new``."""
    found = html.count(old)
    assert found == count, f"expected {count}x {old[:80]!r} in the page, found {found}"
    return html.replace(old, new)


def swap_forward(html: str, caption: str, new: str | Callable[[str], str]) -> str:
    """Replace every control reading ``caption`` by ``new`` (markup, or a function of the old)."""
    tags = forward_tags(html, caption)
    assert tags, f"no control {caption!r} in the page"
    for tag in dict.fromkeys(tags):
        html = html.replace(tag, new(tag) if callable(new) else new)
    return html


def main_form_open(html: str) -> str:
    """The opening tag of the page's (first) form."""
    m = re.search(r"<form\b[^>]*>", html)
    assert m, "no form in the page"
    return m.group(0)


def after_form_open(html: str, markup: str) -> str:
    tag = main_form_open(html)
    return html.replace(tag, tag + markup, 1)


def before_form_close(html: str, markup: str) -> str:
    i = html.find("</form>")
    assert i >= 0, "no form in the page"
    return html[:i] + markup + html[i:]


def before_forward(html: str, caption: str, markup: str) -> str:
    """Insert ``markup`` just before the (first) control reading ``caption``."""
    tag = forward_tags(html, caption)[0]
    return html.replace(tag, markup + tag, 1)


def after_body_open(html: str, markup: str) -> str:
    m = re.search(r"<body\b[^>]*>", html)
    assert m, "no body"
    return html[: m.end()] + markup + html[m.end() :]


def before_body_close(html: str, markup: str) -> str:
    return swap(html, "</body>", markup + "</body>")


def as_windows_1252(html: str, raw: dict[str, bytes] | None = None) -> bytes:
    """The page as windows-1252 bytes: every other character as a numeric reference, and each
    placeholder of ``raw`` replaced by its bytes as they are (the browser reads them as 1252)."""
    html = re.sub(r'charset="?[A-Za-z0-9_-]+"?', "charset=windows-1252", html)
    body = html.encode("ascii", errors="xmlcharrefreplace")
    for placeholder, data in (raw or {}).items():
        body = swap_bytes(body, placeholder.encode("ascii"), data)
    return body


def swap_bytes(body: bytes, old: bytes, new: bytes) -> bytes:
    assert body.count(old) == 1, f"expected one {old!r}"
    return body.replace(old, new)


# --------------------------------------------------------------------------- running the tool


def run_tool(site: MockSite, start_url: str, tmp_path: Path, **env: str) -> Result:
    """The real CLI, headless, without --auto-confirm, from ``start_url`` on the mock."""
    from .helpers import clean_env

    return run_cli(
        str(PROFILE),
        "--headless",
        "--start-url",
        start_url,
        "--allow-origin",
        site.base_url,
        tmp_path=tmp_path,
        env=clean_env(**env),
        timeout=180,
    )


def describe(res: Result) -> str:
    """What a failing assertion should show: exit code, outcome, message, pages, guard entries."""
    rep: dict[str, Any] = res.report or {}
    pages = [(p.get("page_id"), p.get("action")) for p in rep.get("pages", [])]
    tail = "\n".join(res.stderr.strip().splitlines()[-8:])
    return (
        f"exit {res.code}, outcome {rep.get('outcome')!r}, message {rep.get('message')!r}\n"
        f"pages {pages}\nguard {rep.get('guarded')}\nstderr tail:\n{tail}"
    )


def refusals(res: Result) -> list[dict[str, Any]]:
    """The guard entries that refused a press or blocked something in the page."""
    rep = res.report or {}
    return [
        g
        for g in rep.get("guarded", [])
        if g["pressed_by"] == "blocked" or str(g.get("detail", "")).startswith("refused")
    ]


def show_requests(reqs: list[tuple[Request, str]]) -> str:
    return "; ".join(
        f"{r.method} {r.path}?{r.query[:80]!r} body={r.body[:120]!r} ({why})" for r, why in reqs
    )


def wait_for(cond: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll a server-side condition (no browser call)."""
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
