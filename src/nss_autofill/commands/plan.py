"""``nss-autofill plan``: page by page, what every field will receive; no browser."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..console import write_json
from ..engine.planning import CountRows, FillFields, PressHelper
from ..engine.status import FieldStatus
from ..errors import ExitCode
from ..i18n import Lang, Msg
from .common import Subparsers, load_or_report, new_parser

if TYPE_CHECKING:
    from ..engine.planning import PagePlan, PlannedField, PlanStep
    from ..site.catalogue import Catalogue


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser = new_parser(
        subparsers,
        "plan",
        "print, page by page, what will be filled; no browser / 画面ごとの入力内容を表示",
    )
    parser.add_argument("profile", type=Path, metavar="PROFILE")
    parser.add_argument("--json", action="store_true", help="the same as JSON on stdout")
    return parser


def run(ns: argparse.Namespace, lang: Lang) -> int:
    return plan_command(ns.profile, lang, as_json=ns.json)


def plan_command(path: Path, lang: Lang, as_json: bool) -> int:
    """Print, page by page in flow order, what every field will receive; no browser."""
    loaded = load_or_report(Path(path), lang, None)
    if isinstance(loaded, int):
        return loaded
    from ..engine.planning import plan_flow
    from ..site.catalogue import load_catalogue

    catalogue = load_catalogue()
    plans = with_human_pages(catalogue, plan_flow(catalogue, loaded.model_dump(mode="python")))
    if as_json:
        write_json(plan_data(plans))
    else:
        print(plan_text(plans, lang))
    return int(ExitCode.OK)


_HUMAN_KINDS = ("consent", "confirm", "phase_end", "done")
_PHASE_END = Msg(
    "ここで第1段階は終わりです。仮ログインIDとパスワードのメールが届いたら、もう一度実行します",
    "phase one ends here; when the e-mail with the temporary login ID and password arrives, "
    "run again",
)


def with_human_pages(catalogue: Catalogue, plans: list[PagePlan]) -> list[PagePlan]:
    """``plans`` with, in flow order, the pages where only the human acts (consent, submit)."""
    from ..engine.planning import PagePlan

    by_page: dict[str, list[PagePlan]] = {}
    for plan in plans:
        by_page.setdefault(plan.page.id, []).append(plan)
    out: list[PagePlan] = []
    for page in catalogue.pages:
        if page.id in by_page:
            out.extend(by_page.pop(page.id))
        elif page.kind.value in _HUMAN_KINDS:
            out.append(PagePlan(page, (), (), page.name))
    for rest in by_page.values():  # a page plan_flow knows and the catalogue order does not
        out.extend(rest)
    return out


def _field_data(f: PlannedField) -> dict[str, Any]:
    spec = f.spec
    return {
        "id": spec.id,
        "label": spec.label or spec.option,
        "where": spec.where(),
        "control": spec.control,
        "parts": list(spec.parts),
        "status": f.status.value,
        "values": [] if spec.sensitive else list(f.values),
        "manual": spec.manual,
        "note": f.note,
        "problems": list(f.problems),
    }


_ROW = Msg("{n} 行目:", "row {n}:")
_PRESS = Msg("→ 「{caption}」を押します", "→ the tool presses 「{caption}」")


def _step_data(step: PlanStep) -> dict[str, Any]:
    """One step of a page visit: the fields it fills, the helper it presses, a row check."""
    row = {"row": step.row} if step.row is not None else {}
    if isinstance(step, FillFields):
        return {"fill": [f.spec.id for f in step.fields], **row}
    if isinstance(step, PressHelper):
        return {"press": step.caption, "group": step.group, "then_wait_for": list(step.fills),
                **row}  # fmt: skip
    if isinstance(step, CountRows):
        return {"count_rows": list(step.columns), **row}
    return {"expect_one_more_row": list(step.columns), **row}


def plan_data(plans: list[PagePlan]) -> dict[str, Any]:
    """The plan as JSON-ready data: ``{"pages": [...]}`` in flow order."""
    pages = []
    for i, p in enumerate(plans, 1):
        pages.append(
            {
                "step": i,
                "page": p.page.id,
                "name": p.page.name,
                "title": p.title,
                "kind": p.page.kind.value,
                "phase": p.page.phase,
                "fields": [_field_data(f) for f in p.fields],
                "rows": [[_field_data(f) for f in row] for row in p.rows],
                "human_buttons": [b.caption for b in p.page.guarded_buttons],
                "manual": [f.spec.id for f in p.all_fields if f.status is FieldStatus.MANUAL],
                "steps": [_step_data(s) for s in p.steps],
                "review": p.page.review,
            }
        )
    return {"pages": pages}


_BY_HAND = Msg("{where}: [手作業] {how}", "{where}: [by hand] {how}")
_EMPTY = Msg("{where}: (入力なし)", "{where}: (left empty)")
_HUMAN_PRESSES = Msg(
    "→ 「{caption}」 はご本人が押します", "→ 「{caption}」 is pressed by you, never the tool"
)


def _field_line(f: PlannedField, lang: Lang, indent: str) -> str:
    spec = f.spec
    where = spec.where()
    if f.status is FieldStatus.MANUAL:
        how = Msg.split(spec.manual or "")
        return indent + _BY_HAND.render(lang, where=where, how=how)
    if f.status is FieldStatus.SKIPPED:
        return indent + _EMPTY.render(lang, where=where)
    if spec.parts and len(spec.parts) == len(f.values):
        value = " / ".join(f"{part} {v}" for part, v in zip(spec.parts, f.values, strict=True))
    else:
        value = " / ".join(f.values)
    return f"{indent}{where}: {value}"


def plan_text(plans: list[PagePlan], lang: Lang) -> str:
    """The plan as text a person reads before anything is typed."""
    out: list[str] = []
    for i, p in enumerate(plans, 1):
        out.append(f"[{i}] {p.title} ({p.page.id})")
        for step in p.steps:
            indent = "    " if step.row is None else "      "
            if isinstance(step, FillFields):
                if step.row is not None:
                    out.append("    " + _ROW.render(lang, n=step.row + 1))
                out.extend(_field_line(f, lang, indent) for f in step.fields)
            elif isinstance(step, PressHelper):
                out.append(indent + _PRESS.render(lang, caption=step.caption))
        if p.page.review:
            out.append("    ! " + Msg.split(p.page.review).render(lang))
        for b in p.page.guarded_buttons:
            out.append("    " + _HUMAN_PRESSES.render(lang, caption=b.caption))
        if p.page.kind.value == "phase_end":
            out.append("    → " + _PHASE_END.render(lang))
    return "\n".join(out)
