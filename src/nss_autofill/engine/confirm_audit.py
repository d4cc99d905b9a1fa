"""Confirmation audit: does the 申込内容確認 page show what the profile says?

Before the human presses 「申込内容を登録する」, every value the tool filled on the pages of that
phase is looked for in the text NSS shows back. NSS lays the confirmation out its own way (an
address in one cell, a name with a full-width space), so the comparison is by content, with
spaces removed and NFKC applied, not by layout. A value that cannot be found is reported as
missing; a row whose label matches but whose value differs is reported as different.

Pure: no browser. Example::

    >>> audit_text("企業名 ナックス商事株式会社", [("temp-apply", "企業名", "ナックス商事")])
    []
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..normalize import compare_key
from ..site.catalogue import Catalogue, PageKind
from .planning import PagePlan, plan_flow

# Values this short (要, A, 1) occur everywhere; looking for them proves nothing.
_MIN_LEN = 2


def _key(text: str) -> str:
    """The read-back key with no spaces at all: NSS lays values out with its own spacing."""
    return compare_key(text).replace(" ", "")


@dataclass(frozen=True)
class Difference:
    page_id: str
    label: str
    expected: str
    kind: str  # "missing"

    def describe(self) -> str:
        return f"{self.label}: 「{self.expected}」 not shown on the confirmation ({self.page_id})"


def expected_values(
    catalogue: Catalogue, profile_data: dict[str, object], phase: int
) -> list[tuple[str, str, str]]:
    """(page id, label, value) for every text the tool fills in ``phase``."""
    out: list[tuple[str, str, str]] = []
    plans: Sequence[PagePlan] = plan_flow(catalogue, profile_data)
    for plan in plans:
        page = plan.page
        if page.phase != phase or page.kind != PageKind.FORM:
            continue
        for pf in plan.all_fields:
            spec = pf.spec
            # Choices are echoed in NSS's own words (希望する, not the radio's caption): only
            # values the applicant typed or picked from a list are compared.
            skip = ("checkbox", "date3", "radio")
            if pf.status != "fill" or spec.control in skip or spec.sensitive:
                continue
            for value in pf.values:
                if len(_key(value)) >= _MIN_LEN:
                    out.append((page.id, spec.where(), value))
    return out


def audit_text(shown: str, expected: Iterable[tuple[str, str, str]]) -> list[Difference]:
    """Every expected value the confirmation text does not contain."""
    haystack = _key(shown)
    return [
        Difference(page_id, label, value, "missing")
        for page_id, label, value in expected
        if _key(value) not in haystack
    ]
