"""The guard's rules, pure: which captions commit, and which catalogue would weaken the guard.

A caption is *guarded* when it holds a caption the catalogue classes consent or final_submit on
any page, or a word that is never safe to press (:data:`NEVER_SAFE`). A caption holding a
deny-listed word (同意, 登録, 申請, …) is refused unless that exact caption is classed
navigation, choice or helper on the page at hand. Data a form would send is guarded only when
it carries a consent or final caption itself: a value may well say 確定 or 送信.

Example::

    >>> rules = Rules(load_catalogue())
    >>> rules.classify("申込内容を登録する", None)
    'classed consent/final submit in the catalogue'
    >>> rules.classify("次へ", cat.page("apply-plan")) is None
    True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from ...errors import ExitCode, NssAutofillError
from ...site.catalogue import Catalogue, PageKind, PageSpec

# Words no page may class as safe, whatever the catalogue says: a floor under the deny list.
NEVER_SAFE: tuple[str, ...] = (
    "同意する",
    "登録する",
    "送信",
    "確定",
    "申請する",
    "申し込む",
    "申込する",
    "提出",
)

_SPACE_RE = re.compile(r"\s+")

Outcome = Literal["pressed", "refused"]
PressedBy = Literal["tool", "simulated-operator"]


def caption_key(text: str | None) -> str:
    """Comparison key of a caption: NFKC, no white space, no invisible format characters."""
    out = unicodedata.normalize("NFKC", text or "")
    out = "".join(ch for ch in out if unicodedata.category(ch) != "Cf")
    return _SPACE_RE.sub("", out)


def display(text: str | None) -> str:
    """A caption as it reads, on one line."""
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", text or "")).strip()


class GuardRefused(NssAutofillError):
    """The guard refused a press. The site changed, or the caller asked for a guarded control."""

    exit_code = ExitCode.UNKNOWN_PAGE

    def __init__(self, caption: str, reason: str) -> None:
        super().__init__(f"refused to press {caption!r}: {reason}")
        self.caption = caption
        self.reason = reason


class PageChanged(GuardRefused):
    """The page went away or changed while the guard was checking the control: nothing was
    pressed, and the caller reads the page again."""


class UnsafeCatalogue(NssAutofillError):
    """The catalogue contradicts the guard (a consent/confirm page without a guarded control,
    a caption both guarded and safe, a safe caption holding a never-safe word)."""

    exit_code = ExitCode.INTERNAL


@dataclass(frozen=True)
class PressRecord:
    """One press the tool (or the simulated operator) made or was refused, for the report."""

    caption: str
    page_id: str | None
    outcome: Outcome
    by: PressedBy
    reason: str = ""


@dataclass(frozen=True)
class BlockedAttempt:
    """One activation or request the guard stopped (in the page, or on its way out)."""

    kind: str  # untrusted-click, tool-click, enter-in-field, submit, formdata-late, request, …
    caption: str
    detail: str
    url: str


class Rules:
    """The classification the guard applies, built from the catalogue only."""

    def __init__(self, catalogue: Catalogue) -> None:
        check_catalogue(catalogue)
        self.catalogue = catalogue
        self._guarded = tuple(k for k in (caption_key(c) for c in catalogue.guarded_captions) if k)
        self._deny = tuple(k for k in (caption_key(d) for d in catalogue.deny_captions) if k)
        self._never_safe = tuple(caption_key(w) for w in NEVER_SAFE)

    @property
    def commit_captions(self) -> tuple[str, ...]:
        """What data carries when it commits: the consent and final captions, and 同意する."""
        return (*sorted(self.catalogue.guarded_captions), "同意する")

    def is_guarded(self, caption: str) -> bool:
        """True if ``caption`` holds a consent/final caption or a never-safe word."""
        key = caption_key(caption)
        if not key:
            return False
        return any(g in key for g in self._guarded) or any(w in key for w in self._never_safe)

    def carries_commit(self, value: str) -> bool:
        """True if data ``value`` holds a consent or final caption (only those)."""
        key = caption_key(value)
        return bool(key) and any(caption_key(c) in key for c in self.commit_captions)

    def classify(self, caption: str, page_spec: PageSpec | None) -> str | None:
        """Why ``caption`` may not be pressed by the tool on ``page_spec``; None if it may."""
        key = caption_key(caption)
        if not key:
            return None
        if any(g in key for g in self._guarded):
            return "classed consent/final submit in the catalogue"
        if any(w in key for w in self._never_safe):
            return "holds a word that is never safe to press"
        if page_spec is not None:
            for b in page_spec.buttons:
                if b.cls.guarded and caption_key(b.caption) in key:
                    return f"classed {b.cls.value} on page {page_spec.id}"
        hit = next((d for d in self._deny if d in key), None)
        if hit is None:
            return None
        if page_spec is not None:
            for b in page_spec.buttons:
                if not b.cls.guarded and caption_key(b.caption) == key:
                    return None
        where = f"page {page_spec.id}" if page_spec else "an unknown page"
        return f"holds the deny-listed word {hit!r} and is not classed safe on {where}"


def check_catalogue(cat: Catalogue) -> None:
    """Refuse a catalogue that would weaken the guard."""
    problems: list[str] = []
    if not cat.guarded_captions:
        problems.append("no caption is classed consent or final_submit")
    guarded_keys = {caption_key(c) for c in cat.guarded_captions}
    for p in cat.pages:
        if p.kind in (PageKind.CONSENT, PageKind.CONFIRM) and not p.guarded_buttons:
            problems.append(f"page {p.id} ({p.kind.value}) has no consent/final_submit button")
        for b in p.buttons:
            if b.cls.guarded:
                continue
            key = caption_key(b.caption)
            if key in guarded_keys:
                problems.append(f"{b.caption!r} is guarded on one page and {b.cls.value} on {p.id}")
            if any(caption_key(w) in key for w in NEVER_SAFE):
                problems.append(f"{b.caption!r} on {p.id} is classed {b.cls.value}: never safe")
    if problems:
        raise UnsafeCatalogue("the catalogue weakens the guard: " + "; ".join(problems))
