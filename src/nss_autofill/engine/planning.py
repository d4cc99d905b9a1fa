"""Planning: what each catalogue field receives from the profile, and the steps of a page visit.
Pure; no browser.

The fill context is the validated profile as a plain dict (``Profile.model_dump()``), plus
``current_code`` (one entry of ``user_codes``) and ``id_row`` (one entry of its ``ids``) while
the 利用者コード page is being filled. A :class:`PagePlan` is the only input of filling: its
``steps`` are the catalogue's ``actions`` with every condition resolved and every loop unrolled —
fill these fields, press this helper (and wait for the fields it fills), count the rows of a
table, expect one more row.

Example::

    >>> ctx = build_context(profile)
    >>> plan_field(cat.page("temp-apply").field("company_name"), ctx).values
    ('ナックス商事株式会社',)
    >>> [type(s).__name__ for s in plan_page(cat.page("apply-office"), ctx).steps]
    ['FillFields', 'PressHelper', 'FillFields']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..normalize import normalise
from ..site.catalogue import (
    Catalogue,
    ClickStep,
    ExpectRowsStep,
    FieldSpec,
    FillStep,
    ForEachStep,
    PageKind,
    PageSpec,
    RepeatSpec,
    Step,
    WaitValueStep,
)
from .status import FieldStatus

Context = Mapping[str, Any]


@dataclass(frozen=True)
class PlannedField:
    """What one field will receive. ``values`` has one string per control part.

    Text: the text. Split text: one per part. Date: year, month, day (no leading zeros).
    Select and radio: the option caption. Checkbox: ``"on"`` or ``"off"``.
    ``status`` is :attr:`FieldStatus.FILL`, :attr:`~FieldStatus.SKIPPED` or
    :attr:`~FieldStatus.MANUAL`; ``row`` is the index of the loop item it belongs to.
    """

    spec: FieldSpec
    status: FieldStatus
    values: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    note: str = ""
    row: int | None = None


@dataclass(frozen=True)
class FillFields:
    """Write these fields (in this order) and read every one back."""

    fields: tuple[PlannedField, ...]
    row: int | None = None


@dataclass(frozen=True)
class PressHelper:
    """Press a helper control (反映, 設定); ``fills`` are the fields its script fills, waited
    for afterwards (and the press is skipped when they all hold values already)."""

    caption: str
    group: str | None = None
    fills: tuple[str, ...] = ()
    row: int | None = None


@dataclass(frozen=True)
class CountRows:
    """Count the data rows of the table whose header names ``columns`` (before a row is added)."""

    columns: tuple[str, ...]
    row: int


@dataclass(frozen=True)
class ExpectRow:
    """The table whose header names ``columns`` has one data row more than when counted."""

    columns: tuple[str, ...]
    row: int


PlanStep = FillFields | PressHelper | CountRows | ExpectRow


@dataclass(frozen=True)
class PagePlan:
    """One visit of one page: every field it plans, and the steps that carry them out."""

    page: PageSpec
    fields: tuple[PlannedField, ...]
    rows: tuple[tuple[PlannedField, ...], ...] = ()
    title: str = ""
    steps: tuple[PlanStep, ...] = ()

    @property
    def all_fields(self) -> tuple[PlannedField, ...]:
        return self.fields + tuple(f for row in self.rows for f in row)


def resolve(context: Context, path: str) -> Any:
    """Follow a dotted path through dicts; a missing step or a non-dict yields ``None``."""
    cur: Any = context
    for part in path.split("."):
        if not isinstance(cur, Mapping) or part not in cur:
            return None
        cur = cur[part]
    return cur


def is_set(value: Any) -> bool:
    """A ``when`` condition: not null, not false, not an empty string or collection."""
    return value not in (None, False, "", [], {})


def option_key(value: Any) -> str:
    """The key looked up in a field's ``options`` map."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "set"
    return str(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def plan_field(spec: FieldSpec, context: Context, row: int | None = None) -> PlannedField:
    """Resolve one field against the context, normalised and length-checked."""
    fill, skip = FieldStatus.FILL, FieldStatus.SKIPPED
    if spec.manual is not None:
        return PlannedField(spec, FieldStatus.MANUAL, note=spec.manual, row=row)
    if spec.when is not None and not is_set(resolve(context, spec.when)):
        return PlannedField(spec, skip, note=f"{spec.when} not set", row=row)
    if spec.const is not None:
        return PlannedField(spec, fill, (spec.const,), row=row)

    if spec.control == "split_text":
        raw = [resolve(context, p) for p in spec.values]
        if all(v is None or v == "" for v in raw):
            return PlannedField(spec, skip, note="no value", row=row)
        parts = tuple("" if v is None else normalise(spec.normalise, _text(v)) for v in raw)
        return PlannedField(spec, fill, parts, _length_problems(spec, parts), row=row)

    assert spec.value is not None
    value = resolve(context, spec.value)
    if spec.control in ("radio", "select") and spec.options:
        key = option_key(value)
        if key not in spec.options and isinstance(value, Mapping):
            key = "set"
        caption = spec.options.get(key)
        if caption is None:
            return PlannedField(spec, skip, problems=(f"no option for value {key!r}",), row=row)
        return PlannedField(spec, fill, (caption,), row=row)
    if value is None or value == "":
        return PlannedField(spec, skip, note="no value", row=row)
    if spec.control == "checkbox":
        return PlannedField(spec, fill, ("on" if value else "off",), row=row)
    if spec.control == "date3":
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return PlannedField(spec, fill, (str(day.year), str(day.month), str(day.day)), row=row)
    text = normalise(spec.normalise, _text(value))
    return PlannedField(spec, fill, (text,), _length_problems(spec, (text,)), row=row)


def _length_problems(spec: FieldSpec, parts: Iterable[str]) -> tuple[str, ...]:
    if spec.max_length is None:
        return ()
    return tuple(
        f"{len(p)} characters, the field takes at most {spec.max_length}"
        for p in parts
        if len(p) > spec.max_length
    )


def _loop(page: PageSpec) -> ForEachStep | None:
    return next((s for s in page.actions if isinstance(s, ForEachStep)), None)


def _loop_field_ids(loop: ForEachStep) -> list[str]:
    return [n for s in loop.do if isinstance(s, FillStep) for n in s.fill]


def _steps(
    page: PageSpec,
    actions: Sequence[Step],
    context: Context,
    row: int | None,
    planned: dict[tuple[str, int | None], PlannedField],
) -> list[PlanStep]:
    """The actions with their conditions resolved and their loops unrolled."""
    out: list[PlanStep] = []
    for i, step in enumerate(actions):
        if isinstance(step, FillStep):
            fields = tuple(
                planned.setdefault((n, row), plan_field(page.field(n), context, row))
                for n in step.fill
            )
            out.append(FillFields(fields, row))
        elif isinstance(step, ClickStep):
            if step.when is not None and not is_set(resolve(context, step.when)):
                continue
            after = actions[i + 1] if i + 1 < len(actions) else None
            fills: tuple[str, ...] = ()
            if isinstance(after, WaitValueStep) and (
                after.when is None or is_set(resolve(context, after.when))
            ):
                fills = after.wait_value
            out.append(PressHelper(step.click, step.group, fills, row))
        elif isinstance(step, ForEachStep):
            items = resolve(context, step.for_each) or []
            expects = [s for s in step.do if isinstance(s, ExpectRowsStep)]
            for r, item in enumerate(items):
                sub = {**context, step.as_: item}
                out.extend(CountRows(e.expect_rows, r) for e in expects)
                out.extend(_steps(page, step.do, sub, r, planned))
        elif isinstance(step, ExpectRowsStep) and row is not None:
            out.append(ExpectRow(step.expect_rows, row))
        # a WaitValueStep belongs to the click before it
    return out


def plan_page(page: PageSpec, context: Context, title: str = "") -> PagePlan:
    """Plan one visit of ``page``; a ``for_each`` action yields one row per list item."""
    planned: dict[tuple[str, int | None], PlannedField] = {}
    actions: Sequence[Step] = page.actions or (FillStep(fill=tuple(f.id for f in page.fields)),)
    steps = _steps(page, actions, context, None, planned)
    loop = _loop(page)
    row_ids = set(_loop_field_ids(loop)) if loop else set()
    top = tuple(
        planned.get((f.id, None)) or plan_field(f, context)
        for f in page.fields
        if f.id not in row_ids
    )
    rows: list[tuple[PlannedField, ...]] = []
    if loop is not None:
        for r, _ in enumerate(resolve(context, loop.for_each) or []):
            rows.append(tuple(planned[(n, r)] for n in _loop_field_ids(loop) if (n, r) in planned))
    return PagePlan(page, top, tuple(rows), title or page.name, tuple(steps))


def plan_fixed(page: PageSpec, values: Mapping[str, str], title: str = "") -> PagePlan:
    """A plan that fills ``values`` (field id → value) into ``page``, e.g. the login from the
    environment; the page's other fields are left to the operator."""
    fields = tuple(
        PlannedField(f, FieldStatus.FILL, (values[f.id],)) for f in page.fields if f.id in values
    )
    return PagePlan(page, fields, title=title or page.name, steps=(FillFields(fields),))


def build_context(
    profile_data: Mapping[str, Any], spec: PageSpec | None = None, done: Iterable[str] = ()
) -> dict[str, Any]:
    """The fill context for a validated profile (``Profile.model_dump()``); for a page visited
    once per item (``spec.repeat``), the first item not yet ``done`` (by its caption: the rows
    the page's table already shows) under the repeat's name."""
    ctx = dict(profile_data)
    if spec is not None and spec.repeat is not None:
        pending = pending_items(ctx, spec.repeat, done)
        if pending:
            ctx[spec.repeat.as_] = pending[0]
    return ctx


def pending_items(ctx: Context, repeat: RepeatSpec, done: Iterable[str]) -> list[Any]:
    """The items of a repeated page whose caption is not among ``done``."""
    seen = set(done)
    items = resolve(ctx, repeat.for_each) or []
    return [i for i in items if resolve(i, repeat.caption) not in seen]


def plan_flow(catalogue: Catalogue, profile_data: Mapping[str, Any]) -> list[PagePlan]:
    """Every page visit of the whole flow, in order, with what each field receives.

    A page with ``repeat`` is visited once per item (the 利用者コード page once per code, one
    「設定」 row per 業種: the manual's two recipes in one).
    """
    ctx = build_context(profile_data)
    plans: list[PagePlan] = []
    for page in catalogue.pages:
        if page.kind == PageKind.BLOCKED:
            continue
        if page.repeat is not None:
            rep = page.repeat
            for item in resolve(ctx, rep.for_each) or []:
                sub = {**ctx, rep.as_: item}
                plans.append(plan_page(page, sub, f"{page.name} [{resolve(item, rep.caption)}]"))
        elif page.fields:
            plans.append(plan_page(page, ctx))
    return plans
