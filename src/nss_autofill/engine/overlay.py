"""In-page guidance for the operator. It never changes a form's data.

Three things are drawn, all by ``js/overlay.js`` in one shadow root appended to ``<body>``
(outside every form, out of ``document.body.innerText`` so recognition never reads it):

* ``show_field_status``: each field's controls outlined by what happened to it, with a badge
  beside them — ✓ filled (solid), 保 kept the operator's value (dashed), 要 needs a human
  (dotted), ！ a problem (double) — and a collapsible panel listing every field and its status
  in Japanese and English, problems first. Outline style *and* badge text differ, so colour
  is never the only cue.
* ``highlight``: at a consent or final-submit control, a banner 「内容をご確認のうえ、ご自身で
  押してください」 and an arrow badge beside the control.
* ``panel`` / ``show_confirmation``: the confirmation audit's differences, in the same panel.

Inside a form only the controls' inline ``outline`` / ``outline-offset`` are set (and restored
on the next call); no value, checked state, selection or element is touched. Badges and the
banner ignore the pointer. Every call replaces what the previous one drew.

Example::

    >>> results = fill_page(page, spec, plan, memory, press, ctx)     # doctest: +SKIP
    >>> show_field_status(page, spec, results)                        # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from . import scripts
from .status import Category, FieldStatus

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from ..site.catalogue import FieldSpec, PageSpec
    from .filling import FieldResult, PageFill

#: The badge each category shows next to its controls (and in the panel).
BADGES: dict[Category, str] = {
    "ok": "✓",
    "kept": "保",
    "human": "要",
    "problem": "！",
    "none": "－",
}

_SUMMARY: tuple[tuple[Category, str], ...] = (
    ("ok", "入力済 filled"),
    ("kept", "保持 kept"),
    ("human", "要対応 for you"),
    ("problem", "問題 problem"),
)


@dataclass(frozen=True)
class _Words:
    ja: str
    en: str

    def __str__(self) -> str:
        return f"{self.ja} / {self.en}"


_STATUS_TEXT: dict[str, _Words] = {
    "filled": _Words("入力しました", "filled"),
    "unchanged": _Words("入力済み（変更なし）", "already filled"),
    "kept-operator-value": _Words("お客様の入力を保持", "kept your value"),
    "manual": _Words("ご自身で入力してください", "for you to fill in"),
    "skipped-required": _Words("値がありません（必須）", "no value, required"),
    "skipped-no-value": _Words("プロファイルに値なし", "not in the profile"),
    "mismatch": _Words("値が一致しません", "value differs"),
    "error": _Words("入力できません", "could not fill"),
}


class Diff(Protocol):
    """What ``show_confirmation`` needs of a confirmation-audit difference."""

    @property
    def label(self) -> str: ...

    @property
    def expected(self) -> str: ...

    @property
    def kind(self) -> str: ...


def _js() -> str:
    return scripts.source("overlay.js")


def _run(target: Page | Locator, arg: dict[str, Any]) -> bool:
    """Draw; guidance is best effort: a page that navigates away meanwhile is not an error."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import Page as PageType

    try:
        if isinstance(target, PageType):  # the page itself: the direct call, as the readings go
            return bool(scripts.direct(target, _js(), arg))
        return bool(target.evaluate(_js(), arg))
    except PlaywrightError:
        return False


def _field(spec: PageSpec, field_id: str) -> FieldSpec | None:
    try:
        return spec.field(field_id)
    except KeyError:
        return None


def category(result: FieldResult, field: FieldSpec | None = None) -> Category:
    """Which of the four looks a result gets (``none``: nothing to point at)."""
    if result.status is FieldStatus.SKIPPED:
        return "human" if field is not None and field.required else "none"
    return result.status.category


def _status_text(result: FieldResult, field: FieldSpec | None) -> str:
    key = result.status.value
    if result.status is FieldStatus.SKIPPED and field is not None and field.required:
        key = "skipped-required"
    return str(_STATUS_TEXT.get(key, _Words(key, key)))


def _label(result: FieldResult) -> str:
    if result.row is None:
        return result.label
    return f"{result.label}（{result.row + 1}行目 / row {result.row + 1}）"


def _items(page: Page, spec: PageSpec, fill: PageFill) -> list[dict[str, Any]]:
    from .locating import locate_field, scan_form

    model = scan_form(page, spec)
    found: dict[str, list[str]] = {}
    items: list[dict[str, Any]] = []
    for res in fill.fields:
        field = _field(spec, res.field_id)
        cat = category(res, field)
        secret = field is not None and field.sensitive  # a detail may quote the value
        selectors: list[str] = []
        side = "corner"
        if field is not None:
            if res.field_id not in found:
                loc = locate_field(model, spec, field)
                found[res.field_id] = [c.selector for c in loc.controls] if loc.ok else []
            selectors = found[res.field_id]
            side = "left" if field.control in ("radio", "checkbox") else "corner"
        items.append(
            {
                "id": res.field_id,
                "label": _label(res),
                "status": res.status.value,
                "category": cat,
                "statusText": _status_text(res, field),
                "detail": "" if secret or cat not in ("human", "problem") else _short(res.detail),
                "selectors": selectors,
                "side": side,
            }
        )
    for step in fill.steps:  # a helper step is shown only when it went wrong
        if step.ok:
            continue
        items.append(
            {
                "id": f"{step.kind}:{step.caption}",
                "label": step.caption,
                "status": "error",
                "category": "problem",
                "statusText": str(_STATUS_TEXT["error"]),
                "detail": _short(step.detail),
                "selectors": [],
                "side": "corner",
            }
        )
    items = _worst_per_field(items)
    return sorted(items, key=lambda it: -_RANK[it["category"]])  # stable: page order within


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_RANK: dict[str, int] = {"none": 0, "ok": 1, "kept": 2, "human": 3, "problem": 4}


def _worst_per_field(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows repeat a field's controls: outline each control once, by its worst row."""
    worst: dict[str, dict[str, Any]] = {}
    for it in items:
        have = worst.get(it["id"])
        if have is None or _RANK[it["category"]] > _RANK[have["category"]]:
            worst[it["id"]] = it
    return [{**it, "selectors": it["selectors"] if worst[it["id"]] is it else []} for it in items]


def _summary(items: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    items = list(items)
    return [
        (cat, f"{BADGES[cat]} {sum(it['category'] == cat for it in items)} {words}")
        for cat, words in _SUMMARY
    ]


def show_field_status(page: Page, spec: PageSpec, results: PageFill) -> bool:
    """Outline and badge every field's controls by status; list them in the panel.

    ``results`` is what ``filling.fill_page`` returned for this page. Calling it again (a page
    filled again) replaces the previous outlines, badges and list. False when the page went
    away meanwhile (nothing to draw on).
    """
    from playwright.sync_api import Error as PlaywrightError

    try:
        items = _items(page, spec, results)
    except PlaywrightError:
        return False
    return _run(page, {"op": "fields", "items": items, "summary": _summary(items)})


def highlight(page: Page, target: Locator, caption: str) -> bool:
    """Outline a consent/submit control, point an arrow at it, show the 「ご自身で」 banner.

    The banner names ``caption`` as the catalogue writes it, not what the element's value
    holds (a ``<button value="register">`` reads 「申込内容を登録する」 to the operator).
    """
    return _run(target, {"op": "guard", "caption": caption})


def panel(page: Page, lines: Sequence[str], title: str = "") -> bool:
    """Lines for the operator (e.g. the confirmation audit) in the overlay panel."""
    title = title or "確認が必要です / Please check"
    return _run(page, {"op": "lines", "title": title, "lines": list(lines)})


_KIND: dict[str, _Words] = {
    "missing": _Words("確認画面に表示されていません", "not shown on this page"),
    "different": _Words("表示が異なります", "shown differently"),
    "extra": _Words("プロファイルにない値です", "not in the profile"),
}


def show_confirmation(page: Page, diffs: Sequence[Diff], checked: int) -> bool:
    """The confirmation audit in the panel: every difference, or that all ``checked`` match."""
    if not diffs:
        title = f"確認画面: {checked} 件すべて一致 / all {checked} values shown"
        return panel(page, [], title)
    lines = [
        f"{d.label}: 「{d.expected}」 — {_KIND.get(d.kind, _Words(d.kind, d.kind))}" for d in diffs
    ]
    title = f"確認画面との相違 {len(diffs)} 件 / {len(diffs)} differences on the confirmation"
    return panel(page, lines, title)


def clear(page: Page) -> bool:
    """Remove the overlay and restore every outline it set."""
    return _run(page, {"op": "clear"})
