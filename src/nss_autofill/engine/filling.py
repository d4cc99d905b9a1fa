"""Filling: run a page's actions, write every planned value, read it back, report per field.

The catalogue's ``actions`` run in order (``fill`` steps, helper ``click`` steps such as 「反映」
or 「設定」, ``wait_value`` for what a page script fills, ``for_each`` rows with ``expect_rows``);
a page without actions fills all its fields in catalogue order. Every click goes through the
``press`` callable the caller hands in (the guard), never directly; no key is ever pressed in a
field, so implicit submission cannot happen.

Each fill step scans the form once (``locating.scan_form``), decides per control, then writes
all its controls and reads them back in one page-script call (``js/write.js``): text is set as
typing would leave it (``maxlength`` applies) with input/change/blur events, selects by option
index after checking the option exists (no waiting on a missing label), radios and boxes by a
click only when their state must change. The value the page *kept* is compared with
``compare_key``: a truncation, a refused option or a reformatted value is a ``mismatch``.

Operator edits win. ``FillMemory`` remembers what the tool wrote on each control; on a page
seen again a control is filled only if it is empty, still holds a value the tool wrote, or (a
choice control the tool never touched) is still at the page's HTML default. Anything else is
the operator's and is kept. A text the site prefilled differently (apply-tanto repeats phase 1)
is corrected to the profile value and the change reported.

Example::

    >>> results = fill_page(page, spec, plan_page(spec, ctx), FillMemory(), guard_press, ctx)
    >>> [r.status for r in results]
    ['filled', 'filled', ...]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, Request

from ..normalize import compare_key
from ..site.catalogue import (
    ClickStep,
    ExpectRowsStep,
    FillStep,
    ForEachStep,
    PageSpec,
    Step,
    WaitValueStep,
)
from .locating import (
    Control,
    FormModel,
    find_option,
    locate_button,
    locate_field,
    scan_form,
)
from .planning import PagePlan, PlannedField, is_set, resolve
from .recognition import label_key, run_js, text_key, wait_settled

Status = Literal[
    "filled", "kept-operator-value", "skipped-no-value", "manual", "mismatch", "error", "unchanged"
]
MASK = "********"


class Presser(Protocol):
    """The single click point (the guard): press ``locator`` whose visible caption is given."""

    def __call__(self, locator: Locator, caption: str, /) -> None: ...


@dataclass(frozen=True)
class FieldResult:
    """What happened to one field (or one helper step: ``click:…``, ``rows:…``)."""

    field_id: str
    label: str  # where a person finds it: group › parent › label
    values: tuple[str, ...]  # what the field holds now (masked when sensitive)
    status: Status
    detail: str = ""
    row: int | None = None


class FillMemory:
    """What the tool wrote, per (page id, field id, part, row); survives re-shown pages."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, str, int, int], str] = {}

    def remember(self, page_id: str, field_id: str, part: int, row: int | None, value: str) -> None:
        self._values[(page_id, field_id, part, -1 if row is None else row)] = value

    def written(self, page_id: str, field_id: str, part: int, row: int | None) -> str | None:
        return self._values.get((page_id, field_id, part, -1 if row is None else row))

    def wrote(self, page_id: str, field_id: str, part: int) -> tuple[str, ...]:
        """Every value the tool wrote on this control, in any row."""
        return tuple(
            v for (p, f, k, _), v in self._values.items() if (p, f, k) == (page_id, field_id, part)
        )


@dataclass
class _Pending:
    """A control to write in this step, then read back (``js/write.js``).

    ``op`` is ``text`` (set the value as typing would, ``maxlength`` included), ``select``
    (choose option ``index``) or ``check`` (click the box/radio if its state differs).
    """

    control: Control
    target: str
    part: int
    op: str = "text"
    index: int = -1
    on: bool = False

    def as_js(self) -> dict[str, Any]:
        return {
            "sel": self.control.selector,
            "op": self.op,
            "value": self.target,
            "index": self.index,
            "on": self.on,
        }


@dataclass
class _FieldRun:
    pf: PlannedField
    row: int | None
    outcome: list[str] = field(default_factory=list)  # per part: write|unchanged|kept
    notes: list[str] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)
    error: str = ""


class _Filler:
    def __init__(
        self,
        page: Page,
        spec: PageSpec,
        memory: FillMemory,
        press: Presser,
        timeout_ms: float,
    ) -> None:
        self.page = page
        self.spec = spec
        self.memory = memory
        self.press = press
        self.timeout = timeout_ms
        self.results: list[FieldResult] = []

    # ------------------------------------------------------------------ steps

    def run(
        self,
        steps: Sequence[Step],
        planned: Mapping[str, PlannedField],
        rows: Sequence[tuple[PlannedField, ...]],
        context: Mapping[str, Any],
        row: int | None,
        rows_before: Mapping[str, int] | None = None,
    ) -> None:
        skip_wait = False
        for i, step in enumerate(steps):
            if isinstance(step, FillStep):
                self.fill_step([planned[n] for n in step.fill if n in planned], row)
            elif isinstance(step, ClickStep):
                if step.when is None or is_set(resolve(context, step.when)):
                    after = steps[i + 1] if i + 1 < len(steps) else None
                    model = scan_form(self.page, self.spec)  # one read for both questions
                    if isinstance(after, WaitValueStep) and self.all_present(
                        model, after.wait_value
                    ):
                        # A helper that fills fields (反映) would overwrite what is already
                        # there, maybe the operator's own correction: it is not pressed again.
                        skip_wait = True
                        self.results.append(
                            FieldResult(
                                f"click:{step.click}",
                                step.click,
                                (),
                                "unchanged",
                                "not pressed: the fields it fills already hold values",
                                row,
                            )
                        )
                        continue
                    self.click(model, step.click, step.group)
            elif isinstance(step, WaitValueStep):
                if skip_wait:
                    skip_wait = False
                    continue
                if step.when is None or is_set(resolve(context, step.when)):
                    self.wait_value(step.wait_value, row)
            elif isinstance(step, ForEachStep):
                items = resolve(context, step.for_each) or []
                expect = [s for s in step.do if isinstance(s, ExpectRowsStep)]
                for r, row_plan in enumerate(rows):
                    item = items[r] if r < len(items) else None
                    sub = {**context, step.as_: item}
                    before = {s.expect_rows: self.count_rows(s.expect_rows) for s in expect}
                    self.run(step.do, {p.spec.id: p for p in row_plan}, (), sub, r, before)
            elif isinstance(step, ExpectRowsStep):
                self.expect_rows(step.expect_rows, rows_before or {}, row)

    def fill_step(self, plans: Sequence[PlannedField], row: int | None) -> None:
        if not plans:
            return
        model = scan_form(self.page, self.spec)
        runs = [self.fill_field(model, pf, row) for pf in plans]
        pending = [p for r in runs for p in r.pending]
        read = run_js(self.page, "write.js", [p.as_js() for p in pending]) if pending else []
        got = dict(zip([id(p) for p in pending], read, strict=True))
        for run in runs:
            self.finish(run, got)

    # ------------------------------------------------------------------ one field

    def fill_field(self, model: FormModel, pf: PlannedField, row: int | None) -> _FieldRun:
        run = _FieldRun(pf, row)
        if pf.status != "fill":
            return run
        loc = locate_field(model, self.spec, pf.spec)
        if not loc.ok:
            run.error = loc.problem
            return run
        kind = pf.spec.control
        try:
            if kind in ("text", "textarea", "split_text"):
                for k, (ctl, target) in enumerate(zip(loc.controls, pf.values, strict=False)):
                    self.text_part(run, ctl, target, k)
            elif kind == "select":
                self.select_part(run, loc.controls[0], pf.values[0], 0, _option_key)
            elif kind == "date3":
                for k, (ctl, target) in enumerate(zip(loc.controls, pf.values, strict=True)):
                    self.select_part(run, ctl, target, k, _date_key)
            elif kind == "radio":
                self.radio(run, loc.controls, pf.values[0])
            elif kind == "checkbox":
                self.checkbox(run, loc.controls[0], pf.values[0])
        except (PlaywrightError, _FieldProblem) as exc:
            run.error = _short(exc)
        return run

    def _decide(self, run: _FieldRun, part: int, cur: str, target: str, choice: bool,
                at_default: bool) -> str:  # fmt: skip
        """write | unchanged | kept, by the operator-edits-win rule."""
        fid, pid = run.pf.spec.id, self.spec.id
        if compare_key(cur) == compare_key(target):
            return "unchanged"
        mine = self.memory.wrote(pid, fid, part)
        if cur == "" or any(compare_key(cur) == compare_key(v) for v in mine):
            return "write"  # empty, or still a value the tool wrote (this row or another)
        if self.memory.written(pid, fid, part, run.row) is not None:
            return "kept"  # the tool wrote this very control and someone changed it since
        if not at_default:
            return "kept"  # changed in the browser before the tool came: the operator typed it
        if not choice:
            run.notes.append(f"prefilled by the site: {cur!r} → {target!r}")
        return "write"

    def text_part(self, run: _FieldRun, ctl: Control, target: str, part: int) -> None:
        verdict = self._decide(run, part, ctl.value, target, False, ctl.at_default)
        run.outcome.append(verdict)
        if verdict == "unchanged":
            self.memory.remember(self.spec.id, run.pf.spec.id, part, run.row, ctl.value)
        if verdict != "write":
            return
        run.pending.append(_Pending(ctl, target, part))

    def select_part(self, run: _FieldRun, ctl: Control, target: str, part: int,
                    key: Any) -> None:  # fmt: skip
        wants = _year_keys(target) if key is _date_key and part == 0 else {key(target)}
        idx = _option_index(ctl, wants, key)
        if len(idx) != 1:
            shown = ", ".join(o.text for o in ctl.options[:12])
            what = "no option" if not idx else f"{len(idx)} options"
            raise _FieldProblem(f"{what} {target!r} in the list ({shown})")
        option = ctl.options[idx[0]]
        chosen = next((i for i, o in enumerate(ctl.options) if o.selected), -1)
        if chosen in idx:
            cur = target  # already the wanted option
        elif chosen >= 0 and ctl.options[chosen].value:
            cur = ctl.options[chosen].text
        else:
            cur = ""  # the placeholder (選択してください): empty
        verdict = self._decide(run, part, cur, target, True, ctl.at_default)
        run.outcome.append(verdict)
        if verdict == "unchanged":
            self.memory.remember(self.spec.id, run.pf.spec.id, part, run.row, option.text)
        if verdict != "write":
            return
        run.pending.append(_Pending(ctl, option.text, part, "select", idx[0]))

    def radio(self, run: _FieldRun, radios: Sequence[Control], target: str) -> None:
        hits = find_option(radios, target)
        if len(hits) != 1:
            shown = ", ".join(r.after or r.value for r in radios)
            what = "no option" if not hits else f"{len(hits)} options"
            raise _FieldProblem(f"{what} {target!r} among the radio buttons ({shown})")
        hit = hits[0]
        checked = next((r for r in radios if r.checked), None)
        fid = run.pf.spec.id
        mine = self.memory.wrote(self.spec.id, fid, 0)
        if hit.checked:
            verdict = "unchanged"
        elif checked is None or any(checked in find_option(radios, v) for v in mine):
            verdict = "write"
        elif self.memory.written(self.spec.id, fid, 0, run.row) is not None:
            verdict = "kept"
        else:
            verdict = "write" if all(r.at_default for r in radios) else "kept"
        run.outcome.append(verdict)
        if verdict == "unchanged":
            self.memory.remember(self.spec.id, run.pf.spec.id, 0, run.row, target)
        if verdict == "write":
            run.pending.append(_Pending(hit, target, 0, "check", on=True))

    def checkbox(self, run: _FieldRun, box: Control, target: str) -> None:
        cur = "on" if box.checked else "off"
        verdict = self._decide(run, 0, cur, target, True, box.at_default)
        run.outcome.append(verdict)
        if verdict == "unchanged":
            self.memory.remember(self.spec.id, run.pf.spec.id, 0, run.row, target)
        if verdict == "write":
            run.pending.append(_Pending(box, target, 0, "check", on=target == "on"))

    def finish(self, run: _FieldRun, got: Mapping[int, Any]) -> None:
        pf, spec = run.pf, run.pf.spec
        where = spec.where()
        shown = tuple(MASK for _ in pf.values) if spec.sensitive else pf.values
        if pf.status == "manual":
            self.results.append(FieldResult(spec.id, where, (), "manual", pf.note, run.row))
            return
        if pf.status == "skip-no-value":
            detail = "; ".join((*pf.problems, pf.note)) if pf.problems else pf.note
            self.results.append(
                FieldResult(spec.id, where, (), "skipped-no-value", detail.strip("; "), run.row)
            )
            return
        if run.error:
            self.results.append(FieldResult(spec.id, where, shown, "error", run.error, run.row))
            return
        bad: list[str] = []
        for p in run.pending:
            now = got.get(id(p))
            ok, kept, why = _compare(p, now)
            if not ok:
                bad.append(why)
            self.memory.remember(self.page_id, spec.id, p.part, run.row, kept)
        notes = [*run.notes, *pf.problems]
        if bad:
            status: Status = "mismatch"
            notes = bad + notes
        elif "write" in run.outcome:
            status = "filled"
        elif "kept" in run.outcome:
            status = "kept-operator-value"
            notes.insert(0, "the operator changed it; kept")
        else:
            status = "unchanged"
        if "kept" in run.outcome and status != "kept-operator-value":
            notes.append("some parts kept as the operator left them")
        if spec.sensitive:  # the notes quote values: for a login they must not reach any log
            notes = [f"{status} (details hidden: sensitive field)"] if notes else []
        self.results.append(FieldResult(spec.id, where, shown, status, "; ".join(notes), run.row))

    @property
    def page_id(self) -> str:
        return self.spec.id

    # ------------------------------------------------------------------ helpers

    def click(self, model: FormModel, caption: str, group: str | None) -> None:
        btn = locate_button(model, self.spec, caption, group)
        label = f"{group} › {caption}" if group else caption
        if isinstance(btn, str):
            self.results.append(FieldResult(f"click:{caption}", label, (), "error", btn))
            return
        try:
            press_and_settle(self.page, self.press, self.page.locator(btn.selector), btn.caption,
                             self.timeout)  # fmt: skip
        except PlaywrightError as exc:
            self.results.append(FieldResult(f"click:{caption}", label, (), "error", _short(exc)))

    def all_present(self, model: FormModel, field_ids: Sequence[str]) -> bool:
        """Whether every one of these fields already holds a value on the page."""
        for fid in field_ids:
            loc = locate_field(model, self.spec, self.spec.field(fid))
            if not loc.ok or not loc.controls or not loc.controls[0].value.strip():
                return False
        return True

    def wait_value(self, field_ids: Sequence[str], row: int | None) -> None:
        """Wait (bounded) until a page script filled these fields; they become the tool's own.

        Ends early when the helper visibly gave up: the DOM changed (say, a "no such postal code"
        message) and then stayed quiet, yet the field is still empty. The next fill step writes
        the profile value either way.
        """
        for fid in field_ids:
            spec = self.spec.field(fid)
            loc = locate_field(scan_form(self.page, self.spec), self.spec, spec)
            if not loc.ok or not loc.controls:
                continue
            arg = {"sel": loc.controls[0].selector, "max": self.timeout, "quiet": 400}
            try:
                value = run_js(self.page, "wait_value.js", arg)
            except PlaywrightError:
                value = None  # the page navigated: the next scan sees the new one
            if value:
                self.memory.remember(self.spec.id, fid, 0, row, str(value))

    def count_rows(self, heading: str) -> int:
        rows = read_table(self.page, heading)
        return -1 if rows is None else sum(1 for data, _ in rows if data)

    def expect_rows(self, heading: str, before: Mapping[str, int], row: int | None) -> None:
        now = self.count_rows(heading)
        was = before.get(heading, -1)
        rid = f"rows:{heading}"
        if was >= 0 and now == was + 1:
            self.results.append(FieldResult(rid, heading, (str(now),), "filled", "", row))
        else:
            detail = f"expected {was + 1} rows under {heading!r}, found {now}"
            if now < 0:
                detail = f"no table under {heading!r}"
            self.results.append(FieldResult(rid, heading, (str(now),), "error", detail, row))


def press_and_settle(
    page: Page, press: Presser, locator: Locator, caption: str, timeout_ms: float = 5000
) -> bool:
    """Press through ``press``, then wait (bounded) for what it started to finish.

    A control may post a form or run ``javascript:`` that navigates a moment later; reading the
    old document in between would fill a page that is about to vanish. So: note navigation
    requests of the main frame while pressing; if one started, wait until a new document
    replaced the old one (the old one carries a marker), then until it is quiet. Returns
    whether the page navigated.
    """
    navs: list[Request] = []

    def on_request(req: Request) -> None:
        if req.is_navigation_request() and req.frame == page.main_frame:
            navs.append(req)

    page.evaluate("() => { window.__nssafOld = true; }")
    page.on("request", on_request)
    try:
        press(locator, caption)
        wait_settled(page, timeout_ms)
    finally:
        page.remove_listener("request", on_request)
    if navs:
        page.wait_for_function(
            "() => !window.__nssafOld && document.readyState !== 'loading'", timeout=timeout_ms
        )
        wait_settled(page, timeout_ms)
    return bool(navs)


def read_table(page: Page, heading: str) -> list[tuple[bool, list[str]]] | None:
    """(is a data row, cell texts) of the table under ``heading``; None when there is none."""
    rows = run_js(page, "rows.js", text_key(heading))
    return None if rows is None else [(bool(r["data"]), list(r["cells"])) for r in rows]


def table_column(page: Page, heading: str, column: str) -> list[str]:
    """The non-empty cells of ``column`` in the data rows of the table under ``heading``.

    Example: the 利用者コード already set, from the table 「設定済みの利用者コード」.
    """
    rows = read_table(page, heading) or []
    want = text_key(column)
    for i, (_, cells) in enumerate(rows):
        if want in cells:
            col = cells.index(want)
            return [c[col] for d, c in rows[i + 1 :] if d and col < len(c) and c[col]]
    return []


class _FieldProblem(Exception):
    """A field-level refusal (missing option...) reported like a page error."""


def _short(exc: BaseException) -> str:
    return str(exc).split("\n", 1)[0][:200]


def _option_key(text: str) -> str:
    return text_key(text)


def _option_index(ctl: Control, wants: set[str], key: Any) -> list[int]:
    """Options whose text (or value) has one of the wanted keys; exact before hint-stripped."""
    hits = [i for i, o in enumerate(ctl.options) if key(o.text) in wants or key(o.value) in wants]
    if hits or key is not _option_key:
        return hits
    return [i for i, o in enumerate(ctl.options) if label_key(o.text) in wants]


def _year_keys(target: str) -> set[str]:
    """A year as the list may show it: 2027, 令和9 / R9 (and 令和元 for 2019)."""
    out = {_date_key(target)}
    if target.isdigit() and int(target) >= 2019:
        n = int(target) - 2018
        out |= {f"令和{n}", f"R{n}", f"令和{n}年"}
        if n == 1:
            out |= {"令和元", "R元"}
    return out


_DATE_UNIT_RE = re.compile(r"[年月日]$")


def _date_key(text: str) -> str:
    """'2027年' / '02' / '2月' → '2027' / '2' / '2'; other texts unchanged."""
    out = _DATE_UNIT_RE.sub("", text_key(unicodedata.normalize("NFKC", text)))
    return (out.lstrip("0") or out) if out.isdigit() else out


def _compare(p: _Pending, now: Any) -> tuple[bool, str, str]:
    """(ok, the value to remember as the tool's, why not ok)."""
    ctl = p.control
    if now is None or (now.get("error") and "value" not in now):
        return False, p.target, "the control disappeared before it could be read back"
    if now.get("error"):
        return False, p.target, str(now["error"])
    if ctl.type in ("radio", "checkbox"):
        state = "on" if now["checked"] else "off"
        if ctl.type == "radio":
            return bool(now["checked"]), p.target, "the page did not keep the choice"
        return state == p.target, state, f"the page kept the box {state}"
    if ctl.is_select:
        kept = str(now["text"])
        ok = text_key(kept) == text_key(p.target)
        return ok, kept, f"the page refused option {p.target!r} (shows {kept!r})"
    kept = str(now["value"])
    if compare_key(kept) == compare_key(p.target):
        return True, kept, ""
    if ctl.max_length and len(p.target) > ctl.max_length and p.target.startswith(kept):
        return False, kept, f"truncated to {ctl.max_length} characters by the page: {kept!r}"
    return False, kept, f"the page kept {kept!r} instead of {p.target!r}"


def fill_page(
    page: Page,
    page_spec: PageSpec,
    plan: PagePlan,
    memory: FillMemory,
    press: Presser,
    context: Mapping[str, Any],
    *,
    timeout_ms: float = 3000,
) -> list[FieldResult]:
    """Run ``page_spec``'s actions with ``plan``'s values; one result per field and helper."""
    filler = _Filler(page, page_spec, memory, press, timeout_ms)
    steps: Sequence[Step] = page_spec.actions or (
        FillStep(fill=tuple(f.id for f in page_spec.fields)),
    )
    planned = {pf.spec.id: pf for pf in plan.fields}
    filler.run(steps, planned, plan.rows, context, None)
    return filler.results
