"""What each form page of the flow asks, independent of markup: sections, rows, controls.

Written from the flow description (labels, controls, rules, buttons); the names are the
flow's own posted names (``flow.py``), the captions the flow's captions before any
perturbation. The pages are described in ``model_applicant.py`` and ``model_contract.py`` in
the terms of ``model_types.py``; this module gathers them and answers what a page asks.
``pages.py`` draws a markup for each; ``naming.py`` gives every name and option value its
posted form in a variant.
"""

from __future__ import annotations

from ..flow import PROCESSING
from .model_applicant import APPLY_OFFICE, APPLY_TANTO, APPLY_USERCODE, LOGIN, TEMP_APPLY
from .model_contract import (
    APPLY_BILLING,
    APPLY_CONFIRM_FORM,
    APPLY_MAILBOX,
    APPLY_PLAN,
    APPLY_TERMINAL,
    UNKNOWN,
)
from .model_types import (
    INDUSTRY_OPTIONS,
    SSO_INDUSTRIES,
    FormPage,
    Group,
    Options,
    Row,
    Section,
    rows_of,
)

FORM_PAGES: dict[str, FormPage] = {
    "temp-apply": TEMP_APPLY,
    "login": LOGIN,
    "apply-tanto": APPLY_TANTO,
    "apply-office": APPLY_OFFICE,
    "apply-usercode": APPLY_USERCODE,
    "apply-terminal": APPLY_TERMINAL,
    "apply-mailbox": APPLY_MAILBOX,
    "apply-plan": APPLY_PLAN,
    "apply-billing": APPLY_BILLING,
    "unknown": UNKNOWN,
}

# Buttons that post, for the pages that are not FormPages.
OTHER_BUTTONS: dict[str, tuple[str, ...]] = {
    "terms": ("システム利用規定に同意する",),
    "temp-confirm": ("申込内容を登録する",),
    "apply-usercode-choice": (
        "新しい利用者コードを取得する",
        "他事業所の利用者コードを共用する",
        "戻る",
        "次へ",
    ),
    "apply-confirm": ("申込内容を登録する",),
}


def page_rows(page_id: str) -> list[Row]:
    """Every row of a page (sections and groups flattened)."""
    if page_id == "apply-confirm":
        return rows_of(APPLY_CONFIRM_FORM.items)
    fp = FORM_PAGES.get(page_id)
    if fp is None:
        return []
    out: list[Row] = []
    for s in fp.sections:
        out.extend(rows_of(s.items))
    return out


def page_buttons(page_id: str) -> tuple[str, ...]:
    fp = FORM_PAGES.get(page_id)
    return fp.buttons if fp else OTHER_BUTTONS.get(page_id, ())


def value_domain(page_id: str, name: str) -> tuple[str, ...] | None:
    """The flow values a coded control of ``page_id`` can post, or None for free text."""
    for r in page_rows(page_id):
        if name in r.names and r.kind in ("radio", "select", "check"):
            return tuple(v for v, _ in r.options)
    if name == "hdnGyoshu":
        return tuple(v for v, _ in INDUSTRY_OPTIONS)
    if name == "hdnHoshiki":
        return tuple(v for v, _ in PROCESSING)
    if name == "hdnSso":
        return ("1", "0")
    if name == "selKaishiM":
        return tuple(f"{i:02d}" for i in range(1, 13))
    if name == "selKaishiD":
        return tuple(f"{i:02d}" for i in range(1, 32))
    return None


def page_names(page_id: str) -> list[str]:
    names = [n for r in page_rows(page_id) for n in r.names]
    fp = FORM_PAGES.get(page_id)
    if fp:
        names.extend(fp.extra_names)
    return names


__all__ = [
    "APPLY_CONFIRM_FORM",
    "FORM_PAGES",
    "INDUSTRY_OPTIONS",
    "OTHER_BUTTONS",
    "SSO_INDUSTRIES",
    "FormPage",
    "Group",
    "Options",
    "Row",
    "Section",
    "page_buttons",
    "page_names",
    "page_rows",
    "rows_of",
    "value_domain",
]
