"""Recognition: which catalogue page the browser shows, decided from what a person sees.

``facts_of`` takes from the page's one reading (``reading.py``) what recognition compares: title,
header, headings (tagged, or set apart by their looks), labels, button captions (a button in a
closed menu counts), the highlighted step and tab, the visible text, error messages.
``recognise`` is pure and matches those facts against every page's signals. Exactly one page
whose signals all hold is the answer; none or several give ``page=None`` with the candidates and
the signals that failed, so the caller can stop and tell the operator instead of guessing.

Texts are compared by *keys* (see ``text_key`` and ``label_key``): NFKC, no white space of any
width, no ※ marks, and for labels no bracketed input hints such as (全角) or (半角数字7桁).

What the reading counts as seen: text inside visually-hidden helpers (``sr-only`` and the
like, or clipped 1px boxes) and ruby readings (``<rt>``) is left out of labels, headings,
captions and step items; an element showing nothing else falls back to its full text (an icon
button). A step/tab item is an element whose key contains exactly one catalogue name (longest
names taken out first, so 「NACCS利用申込完了」 is never also 「NACCS利用申込」) with nothing
else beside it but numbering, marks and a "current" note (「（現在）」, 「現在のステップ：」);
such a note also marks the item current. Labels include the names of groups of controls
(fieldset legend, ``role=group`` / ``radiogroup`` aria-label / aria-labelledby). Error texts
come from alert/error/invalid-styled elements and from the message an ``aria-invalid`` control
points to (aria-errormessage, aria-describedby); they count only while a
``site.validation_error`` text is visible.

Example::

    >>> facts = read_facts(page, cat.site)
    >>> recognise(cat, facts).page.id
    'temp-apply'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from playwright.sync_api import Page

from ..normalize import strip_decoration
from ..site.catalogue import Catalogue, PageSpec, Signal, SiteSpec
from .reading import PageReading, read_page

# --------------------------------------------------------------------------- text keys

_WS_RE = re.compile(r"[\s\u00a0\u3000\u200b]+")
_MARKER_RE = re.compile(r"※?[(\[【<〔]?(必須|任意)[)\]】>〕]?$|^[(\[【<〔]?(必須|任意)[)\]】>〕]※?")
_EXAMPLE_RE = re.compile(r"[(\[【〔]?例[):：\]】〕].*$")
_NUMBERING_RE = re.compile(r"^(\(\d{1,2}\)|\d{1,2}[.)．])")
_TRAIL_BRACKET_RE = re.compile(r"(\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>)$")
_LEAD_BRACKET_RE = re.compile(r"^(\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>)")
# A bracket is an input hint (dropped) when it speaks about the input, not about the thing:
# (全角), (半角数字7桁), (必須), (20文字以内), (例:…). Brackets that name the thing, such as
# (フリガナ), (確認用), (都道府県), (市区町村・番地), (建物名等), (有料分), carry none of these
# words and are kept; a bracket that is itself part of a catalogue label is always kept.
HINT_WORDS = (
    "全角", "半角", "数字", "桁", "文字", "英字", "英数", "大文字", "小文字", "記号",
    "ハイフン", "必須", "任意", "例", "以内", "以下", "以上", "省略", "形式", "入力",
    "選択", "yyyy", "YYYY", "注",
)  # fmt: skip


@lru_cache(maxsize=4096)
def text_key(text: str) -> str:
    """Key for headings, captions and visible text: NFKC, no spaces, no ※ marks.

    >>> text_key("申込内容確認へ　進む")
    '申込内容確認へ進む'
    """
    out = unicodedata.normalize("NFKC", text)
    out = _WS_RE.sub("", out).replace("※", "")
    return out.strip("*")


def button_key(text: str) -> str:
    """Key for a button caption: ``text_key`` without decorations around it (「次へ ＞」)."""
    return text_key(strip_decoration(unicodedata.normalize("NFKC", text)))


# A section number before a heading: 「1 企業に関する項目」, 「(2)」, 「第3章」, 「STEP1」, 「③」
# (NFKC makes ③ a 3). Never a longer number (「2026年度」) and never the whole heading.
_SECTION_NO_RE = re.compile(
    r"^(?:\(\d{1,2}\)|第?\d{1,2}(?:章|節)?[.:、)\]]?|step\d{1,2}[.:]?)(?=\D)", re.IGNORECASE
)


_ENCLOSED_RE = re.compile(r"^[【\[〔《<(「『]([^【\]〕》>)」』]+)[】\]〕》>)」』]$")


def heading_key(text: str) -> str:
    """Key for a heading: ``text_key`` without marks around it (◆, ■, ▼), without brackets
    enclosing all of it (【記載事項】) and without a leading section number.

    >>> heading_key("◆1 記載事項とシステム利用規定")
    '記載事項とシステム利用規定'
    """
    out = strip_decoration(text_key(text))
    m = _ENCLOSED_RE.match(out)
    if m:
        out = m.group(1)
    cut = _SECTION_NO_RE.sub("", out, count=1)
    return strip_decoration(cut) or out


def _is_hint(bracket: str) -> bool:
    inner = bracket[1:-1]
    return inner == "" or any(w in inner for w in HINT_WORDS)


def label_key(text: str, keep: Iterable[str] = ()) -> str:
    """Key for a form label: ``text_key`` minus marks, numbering and bracketed input hints.

    ``keep`` holds label keys known to end in a bracket (``氏名(フリガナ)``); they are never cut.

    >>> label_key("企業名 (全角) ※必須")
    '企業名'
    >>> label_key("氏名（フリガナ）")
    '氏名(フリガナ)'
    """
    return _label_key(text, keep if isinstance(keep, frozenset) else frozenset(keep))


@lru_cache(maxsize=4096)
def _label_key(text: str, keep_set: frozenset[str]) -> str:
    out = unicodedata.normalize("NFKC", text)
    out = _WS_RE.sub("", out)
    # a note after a ※ that speaks about the input: 「備考※全角400文字以内」
    mark = out.find("※", 1)
    if mark > 0 and _is_hint("(" + out[mark + 1 :] + ")"):
        out = out[:mark]
    for _ in range(4):
        before = out
        out = _MARKER_RE.sub("", out).replace("※", "").strip("*:：")
        out = _EXAMPLE_RE.sub("", out) if out not in keep_set else out
        out = _NUMBERING_RE.sub("", out) if out not in keep_set else out
        m = _TRAIL_BRACKET_RE.search(out)
        if m and out not in keep_set and _is_hint(m.group(0)) and m.start() > 0:
            out = out[: m.start()]
        m = _LEAD_BRACKET_RE.search(out)
        if m and out not in keep_set and _is_hint(m.group(0)) and m.end() < len(out):
            out = out[m.end() :]
        if out == before:
            break
    return out


# What recognition needs of a catalogue, made once per catalogue: its known labels and, per page,
# (page id, its signals as (kind, key, description)).
_Signals = tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]
_PREPARED: dict[int, tuple[Catalogue, frozenset[str], _Signals]] = {}


def _prepared(catalogue: Catalogue) -> tuple[frozenset[str], _Signals]:
    hit = _PREPARED.get(id(catalogue))
    if hit is not None and hit[0] is catalogue:
        return hit[1], hit[2]
    keep = _known_labels(catalogue)
    signals = tuple(
        (page.id, tuple((s.kind, signal_key(s, keep), s.describe()) for s in page.signals))
        for page in catalogue.pages
    )
    _PREPARED[id(catalogue)] = (catalogue, keep, signals)
    return keep, signals


def _known_labels(catalogue: Catalogue) -> frozenset[str]:
    """Every label, alias, part and label signal the catalogue names, as keys."""
    out: set[str] = set()
    for page in catalogue.pages:
        for f in page.fields:
            for name in (f.label, *f.aliases, *f.parts, f.group, f.parent):
                if name:
                    out.add(text_key(name))
        for s in page.signals:
            if s.label is not None:
                out.add(text_key(s.label))
    return frozenset(out)


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class PageFacts:
    """What a person sees on the page, as raw texts (keys are computed when compared)."""

    title: str = ""
    header: str = ""
    headings: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    buttons: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()  # highlighted step-bar items, in catalogue spelling
    tabs: tuple[str, ...] = ()  # highlighted tab-bar items, in catalogue spelling
    text: str = ""
    errors: tuple[str, ...] = ()  # texts of visible error/alert elements

    @classmethod
    def from_js(cls, data: dict[str, Any]) -> PageFacts:
        def tup(name: str) -> tuple[str, ...]:
            return tuple(str(x) for x in data.get(name) or ())

        return cls(
            title=str(data.get("title") or ""),
            header=str(data.get("header") or ""),
            headings=tup("headings"),
            labels=tup("labels"),
            buttons=tup("buttons"),
            steps=tup("steps"),
            tabs=tup("tabs"),
            text=str(data.get("text") or ""),
            errors=tup("errors"),
        )


def facts_of(reading: PageReading) -> PageFacts:
    """The facts recognition compares: what :func:`reading.read_page` read, buttons in closed
    menus included (recognition never needs a menu open)."""
    return PageFacts(
        title=reading.title,
        header=reading.header,
        headings=tuple(h.text for h in reading.headings),
        labels=reading.labels,
        buttons=tuple(b.caption for b in reading.buttons if b.visible or b.menu is not None),
        steps=reading.steps,
        tabs=reading.tabs,
        text=reading.text,
        errors=reading.errors,
    )


def read_facts(page: Page, site: SiteSpec | Catalogue) -> PageFacts:
    """Read the page (one page-script call) and return the facts recognition compares."""
    return facts_of(read_page(page, site))


# --------------------------------------------------------------------------- recognise


@dataclass(frozen=True)
class Candidate:
    """One catalogue page and how its signals fared against the facts."""

    page_id: str
    held: tuple[str, ...]
    failed: tuple[str, ...]

    @property
    def matched(self) -> bool:
        return not self.failed

    def describe(self) -> str:
        n = len(self.held) + len(self.failed)
        failed = ", ".join(self.failed) or "none"
        return f"{self.page_id} ({len(self.held)}/{n} signals; failed: {failed})"


@dataclass(frozen=True)
class Recognition:
    """The page shown, or ``None`` with the candidates and why."""

    page: PageSpec | None
    candidates: tuple[Candidate, ...]
    reason: str
    validation_errors: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Keys:
    title: str
    header: str
    headings: frozenset[str]
    labels: frozenset[str]
    buttons: frozenset[str]
    steps: frozenset[str]
    tabs: frozenset[str]
    text: str


def _keys(facts: PageFacts, keep: frozenset[str]) -> _Keys:
    return _Keys(
        title=text_key(facts.title),
        header=text_key(facts.header),
        headings=frozenset(heading_key(h) for h in facts.headings),
        labels=frozenset(label_key(x, keep) for x in facts.labels),
        buttons=frozenset(button_key(b) for b in facts.buttons),
        steps=frozenset(text_key(s) for s in facts.steps),
        tabs=frozenset(text_key(t) for t in facts.tabs),
        text=text_key(facts.text),
    )


def signal_key(signal: Signal, keep: frozenset[str]) -> str:
    """The key a signal's value is compared by (see :func:`key_holds`)."""
    kind, value = signal.kind, signal.value
    if kind == "label":
        return label_key(value, keep)
    if kind == "heading":
        return heading_key(value)
    if kind == "button":
        return button_key(value)
    return text_key(value)


def key_holds(kind: str, v: str, keys: _Keys) -> bool:
    """Whether a signal of ``kind`` with key ``v`` holds on a page read as ``keys``."""
    if kind == "label":
        return v in keys.labels
    if kind == "step":
        return v in keys.steps
    if kind == "tab":
        return v in keys.tabs
    if kind == "heading":
        return v in keys.headings
    if kind == "button":
        return v in keys.buttons
    if kind == "text":
        return v in keys.text
    if kind == "title":
        return v in keys.title or v in keys.header
    if kind == "absent":
        return v not in keys.text
    raise ValueError(f"unknown signal kind {kind!r}")


def recognise(catalogue: Catalogue, facts: PageFacts) -> Recognition:
    """Match ``facts`` against every catalogue page; exactly one full match or none."""
    keep, prepared = _prepared(catalogue)
    keys = _keys(facts, keep)
    cands: list[Candidate] = []
    for page_id, signals in prepared:
        held: list[str] = []
        failed: list[str] = []
        for kind, v, described in signals:
            (held if key_holds(kind, v, keys) else failed).append(described)
        cands.append(Candidate(page_id, tuple(held), tuple(failed)))
    errors = _validation_errors(catalogue.site, facts, keys)
    full = [c for c in cands if c.matched]
    if len(full) == 1:
        return Recognition(catalogue.page(full[0].page_id), (full[0],), "", errors)
    if full:
        ids = ", ".join(c.page_id for c in full)
        return Recognition(None, tuple(full), f"several pages match: {ids}", errors)
    ranked = sorted(
        (c for c in cands if c.held),
        key=lambda c: (len(c.failed), -len(c.held)),
    )[:5]
    if not ranked:
        return Recognition(None, (), "no catalogue page matches (no signal holds)", errors)
    return Recognition(
        None,
        tuple(ranked),
        "no catalogue page matches; closest: " + "; ".join(c.describe() for c in ranked[:3]),
        errors,
    )


def _validation_errors(site: SiteSpec, facts: PageFacts, keys: _Keys) -> tuple[str, ...]:
    """The site's "rejected" message(s) plus per-field messages, when the site says so.

    Error-styled elements alone are not enough (pages keep empty or generic alert boxes); one of
    ``site.validation_error`` must be visible for the page to count as rejected.
    """
    found = [t for t in site.validation_error if text_key(t) in keys.text]
    if not found:
        return ()
    out = list(found)
    for e in facts.errors:
        if all(text_key(e) != text_key(f) for f in out):
            out.append(e)
    return tuple(out)
