"""Planning: what each catalogue field receives from the profile. Pure; no browser.

The fill context is the validated profile as a plain dict (``Profile.model_dump()``), plus
``current_code`` (one entry of ``user_codes``) and ``id_row`` (one entry of its ``ids``) while
the 利用者コード page is being filled.

Example::

    >>> ctx = build_context(profile)
    >>> plan_field(cat.page("temp-apply").field("company_name"), ctx).values
    ('ナックス商事株式会社',)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..normalize import normalise
from ..site.catalogue import Catalogue, FieldSpec, FillStep, ForEachStep, PageKind, PageSpec

FieldStatus = Literal["fill", "skip-no-value", "manual"]
Context = Mapping[str, Any]


@dataclass(frozen=True)
class PlannedField:
    """What one field will receive. ``values`` has one string per control part.

    Text: the text. Split text: one per part. Date: year, month, day (no leading zeros).
    Select and radio: the option caption. Checkbox: ``"on"`` or ``"off"``.
    """

    spec: FieldSpec
    status: FieldStatus
    values: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    note: str = ""

    @property
    def display(self) -> str:
        if self.status == "manual":
            return "(manual)"
        if self.status == "skip-no-value":
            return "(no value)"
        return " / ".join(self.values)


@dataclass(frozen=True)
class PagePlan:
    """One visit of one page: its top-level fields and, where it loops, one row per item."""

    page: PageSpec
    fields: tuple[PlannedField, ...]
    rows: tuple[tuple[PlannedField, ...], ...] = ()
    title: str = ""

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


def plan_field(spec: FieldSpec, context: Context) -> PlannedField:
    """Resolve one field against the context, normalised and length-checked."""
    if spec.manual is not None:
        return PlannedField(spec, "manual", note=spec.manual)
    if spec.when is not None and not is_set(resolve(context, spec.when)):
        return PlannedField(spec, "skip-no-value", note=f"{spec.when} not set")
    if spec.const is not None:
        return PlannedField(spec, "fill", (spec.const,))

    if spec.control == "split_text":
        raw = [resolve(context, p) for p in spec.values]
        if all(v is None or v == "" for v in raw):
            return PlannedField(spec, "skip-no-value", note="no value")
        parts = tuple("" if v is None else normalise(spec.normalise, _text(v)) for v in raw)
        return PlannedField(spec, "fill", parts, _length_problems(spec, parts))

    assert spec.value is not None
    value = resolve(context, spec.value)
    if spec.control in ("radio", "select") and spec.options:
        key = option_key(value)
        if key not in spec.options and isinstance(value, Mapping):
            key = "set"
        caption = spec.options.get(key)
        if caption is None:
            return PlannedField(spec, "skip-no-value", problems=(f"no option for value {key!r}",))
        return PlannedField(spec, "fill", (caption,))
    if value is None or value == "":
        return PlannedField(spec, "skip-no-value", note="no value")
    if spec.control == "checkbox":
        return PlannedField(spec, "fill", ("on" if value else "off",))
    if spec.control == "date3":
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return PlannedField(spec, "fill", (str(day.year), str(day.month), str(day.day)))
    text = normalise(spec.normalise, _text(value))
    return PlannedField(spec, "fill", (text,), _length_problems(spec, (text,)))


def _length_problems(spec: FieldSpec, parts: Iterable[str]) -> tuple[str, ...]:
    if spec.max_length is None:
        return ()
    return tuple(
        f"{len(p)} characters, the field takes at most {spec.max_length}"
        for p in parts
        if len(p) > spec.max_length
    )


def plan_fields(page: PageSpec, names: Iterable[str], context: Context) -> tuple[PlannedField, ...]:
    return tuple(plan_field(page.field(n), context) for n in names)


def _loop(page: PageSpec) -> ForEachStep | None:
    return next((s for s in page.actions if isinstance(s, ForEachStep)), None)


def _loop_field_ids(loop: ForEachStep) -> list[str]:
    return [n for s in loop.do if isinstance(s, FillStep) for n in s.fill]


def plan_page(page: PageSpec, context: Context, title: str = "") -> PagePlan:
    """Plan one visit of ``page``; a ``for_each`` action yields one row per list item."""
    loop = _loop(page)
    row_ids = set(_loop_field_ids(loop)) if loop else set()
    top = tuple(plan_field(f, context) for f in page.fields if f.id not in row_ids)
    rows: list[tuple[PlannedField, ...]] = []
    if loop is not None:
        for item in resolve(context, loop.for_each) or []:
            ctx = {**context, loop.as_: item}
            rows.append(plan_fields(page, _loop_field_ids(loop), ctx))
    return PagePlan(page, top, tuple(rows), title or page.name)


def build_context(profile_data: Mapping[str, Any]) -> dict[str, Any]:
    """The fill context for a validated profile (``Profile.model_dump()``)."""
    return dict(profile_data)


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
