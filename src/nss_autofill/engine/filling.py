"""Filling: carry out a page plan's steps, write every planned value, and read it back.

The plan (``planning.PagePlan``) is the only input: its steps say which fields to fill, which
helper to press (「反映」, 「設定」) and which fields that helper fills, and when a table must
gain a row. Every click goes through the ``press`` callable the caller hands in (the guard),
never directly; no key is ever pressed in a field, so implicit submission cannot happen.

A fill step works the way a person fills a form whose controls react to each other:

1. locate every field on the page's current reading (``reading.read_page``), decide per control
   whether to write it (operator edits win, below), and write all that can be written in one
   page-script call (``js/write.js``): text as typing would leave it (``maxlength`` applies) with
   input/change/blur events; a select by option index after checking the option exists (no
   waiting on a missing label); a radio or box by a click only when its state must change, so
   the page's handlers run as for a person;
2. a control that is disabled or not shown yet (a section that opens once a choice is made) is
   left for the next round; a control that a handler replaced is found again by its label;
3. wait until the page is quiet, read it again, and check every field *on that new reading*:
   a handler that re-rendered or cleared a field is caught there. Up to three rounds.

A field the page did not keep is a ``mismatch``; one that could not be found or written is an
``error``. Both are problems: the session does not move on past them.

Operator edits win. ``FillMemory`` remembers what the tool wrote on each control; on a page
seen again a control is filled only if it is empty, still holds a value the tool wrote, or (a
choice control the tool never touched) is still at the page's HTML default. Anything else is
the operator's and is kept. A text the site prefilled differently (apply-tanto repeats phase 1)
is corrected to the profile value and the change reported.

Example::

    >>> done = fill_page(page, spec, plan_page(spec, ctx), FillMemory(), guard_press)
    >>> [r.status.value for r in done.fields]
    ['filled', 'filled', ...]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from ..normalize import compare_key
from ..site.catalogue import PageSpec
from . import scripts
from .controls import current, holds, option_index, why_not_kept, write_op
from .locating import locate_button, locate_field
from .options import find_option
from .planning import (
    CountRows,
    ExpectRow,
    FillFields,
    PagePlan,
    PlannedField,
    PressHelper,
)
from .pressing import press_and_settle
from .reading import (
    Control,
    HelperRound,
    PageReading,
    fill_round,
    helper_round,
    read_page,
    wait_settled,
)
from .results import FieldResult, FillMemory, PageFill, Presser, StepResult
from .status import FieldStatus
from .tables import data_rows

__all__ = [
    "FieldResult",
    "FillMemory",
    "PageFill",
    "Presser",
    "StepResult",
    "fill_page",
    "press_and_settle",
]

MASK = "********"
ROUNDS = 3  # write, read again, write what a handler enabled or replaced, read again, …


class _FieldProblem(Exception):
    """A field-level refusal (missing option...) reported like a page error."""


@dataclass
class _Part:
    """One control of a field, and what the tool decided for it."""

    target: str  # the text, the option's caption, "on"/"off"
    decision: str  # write | unchanged | kept


@dataclass
class _Run:
    pf: PlannedField
    parts: list[_Part] | None = None  # decided when the field is first found
    notes: list[str] = field(default_factory=list)
    error: str = ""
    write_errors: list[str] = field(default_factory=list)


class _Filler:
    def __init__(
        self,
        page: Page,
        spec: PageSpec,
        memory: FillMemory,
        press: Presser,
        timeout_ms: float,
        reading: PageReading | None,
    ) -> None:
        self.page = page
        self.spec = spec
        self.memory = memory
        self.press = press
        self.timeout = timeout_ms
        self.reading = reading  # the page as last read; None once something changed it
        self.out = PageFill()
        self.counts: dict[tuple[tuple[str, ...], int], int] = {}

    def now(self) -> PageReading:
        if self.reading is None:
            self.reading = read_page(self.page)
        return self.reading

    # ------------------------------------------------------------------ steps

    def fill_fields(self, step: FillFields) -> None:
        runs = []
        for pf in step.fields:
            if pf.status is FieldStatus.FILL:
                runs.append(_Run(pf))
            else:
                self.out.fields.append(_not_filled(pf))
        if not runs:
            return
        for _ in range(ROUNDS):
            ops = self._ops(runs, self.now())
            if not ops:
                break
            done = fill_round(self.page, [op for _, _, op in ops], timeout_ms=self.timeout)
            for (run, _, _), ans in zip(ops, done.answers, strict=True):
                if ans and ans.get("error"):
                    run.write_errors.append(str(ans["error"]))
            self.reading = done.reading
        reading = self.now()
        for run in runs:
            self.out.fields.append(self._result(run, reading))

    def _ops(
        self, runs: Sequence[_Run], reading: PageReading
    ) -> list[tuple[_Run, int, dict[str, Any]]]:
        """What to write now: every part decided "write" that does not hold its value yet and
        can take it (enabled, shown)."""
        ops: list[tuple[_Run, int, dict[str, Any]]] = []
        for run in runs:
            try:
                ctls = self._controls(run, reading)
            except _FieldProblem as exc:
                run.error = str(exc)
                continue
            run.error = ""
            assert run.parts is not None
            for k, (ctl, part) in enumerate(zip(ctls, run.parts, strict=True)):
                if part.decision != "write" or holds(ctl, part.target, run.pf.spec.control, k):
                    continue
                if ctl.disabled or not ctl.visible:
                    continue  # perhaps a choice made in this step enables or shows it
                ops.append((run, k, write_op(ctl, part.target, run.pf.spec.control, k)))
        return ops

    def _controls(self, run: _Run, reading: PageReading) -> list[Control]:
        """The field's controls on this reading, one per part (the chosen radio for a radio);
        decides, the first time, what to do with each part."""
        spec = run.pf.spec
        loc = locate_field(reading, self.spec, spec)
        if not loc.ok:
            raise _FieldProblem(loc.problem)
        ctls = list(loc.controls)
        kind = spec.control
        if kind == "radio":
            hits = find_option(ctls, run.pf.values[0])
            if len(hits) != 1:
                shown = ", ".join(r.after or r.value for r in ctls)
                what = "no option" if not hits else f"{len(hits)} options"
                raise _FieldProblem(
                    f"{what} {run.pf.values[0]!r} among the radio buttons ({shown})"
                )
            ctls = [hits[0], *(c for c in ctls if c is not hits[0])]
        elif kind in ("select", "date3"):
            for k, ctl in enumerate(ctls):
                if len(option_index(ctl, run.pf.values[k], kind, k)) != 1:
                    idx = option_index(ctl, run.pf.values[k], kind, k)
                    shown = ", ".join(o.text for o in ctl.options[:12])
                    what = "no option" if not idx else f"{len(idx)} options"
                    raise _FieldProblem(f"{what} {run.pf.values[k]!r} in the list ({shown})")
        if run.parts is None:
            run.parts = self._decide(run, ctls)
        return ctls[: len(run.parts)] if kind == "radio" else ctls

    def _decide(self, run: _Run, ctls: Sequence[Control]) -> list[_Part]:
        """write | unchanged | kept for each part, by the operator-edits-win rule."""
        spec, pid = run.pf.spec, self.spec.id
        parts: list[_Part] = []
        if spec.control == "radio":
            target = run.pf.values[0]
            hit, radios = ctls[0], ctls
            checked = next((r for r in radios if r.checked), None)
            mine = self.memory.wrote(pid, spec.id, 0)
            if hit.checked:
                decision = "unchanged"
            elif checked is None or any(checked in find_option(radios, v) for v in mine):
                decision = "write"
            elif self.memory.written(pid, spec.id, 0, run.pf.row) is not None:
                decision = "kept"
            else:
                decision = "write" if all(r.at_default for r in radios) else "kept"
            return [_Part(target, decision)]
        for k, (ctl, target) in enumerate(zip(ctls, run.pf.values, strict=False)):
            cur = current(ctl, target, spec.control, k)
            choice = ctl.is_select or ctl.is_choice
            decision = self._verdict(run, k, cur, target, choice, ctl.at_default)
            parts.append(_Part(target, decision))
        return parts

    def _verdict(
        self, run: _Run, part: int, cur: str, target: str, choice: bool, at_default: bool
    ) -> str:
        fid, pid = run.pf.spec.id, self.spec.id
        if compare_key(cur) == compare_key(target):
            return "unchanged"
        mine = self.memory.wrote(pid, fid, part)
        if cur == "" or any(compare_key(cur) == compare_key(v) for v in mine):
            return "write"  # empty, or still a value the tool wrote (this row or another)
        if self.memory.written(pid, fid, part, run.pf.row) is not None:
            return "kept"  # the tool wrote this very control and someone changed it since
        if not at_default:
            return "kept"  # changed in the browser before the tool came: the operator typed it
        if not choice:
            run.notes.append(f"prefilled by the site: {cur!r} → {target!r}")
        return "write"

    def _result(self, run: _Run, reading: PageReading) -> FieldResult:
        """The field as the page holds it now, on a reading taken after the last write."""
        pf, spec = run.pf, run.pf.spec
        where = spec.where()
        shown = tuple(MASK for _ in pf.values) if spec.sensitive else pf.values
        try:
            ctls = self._controls(run, reading)
        except _FieldProblem as exc:
            return FieldResult(spec.id, where, shown, FieldStatus.ERROR, str(exc), pf.row)
        assert run.parts is not None
        bad: list[str] = []
        unwritable = False
        for k, (ctl, part) in enumerate(zip(ctls, run.parts, strict=True)):
            kept = holds(ctl, part.target, spec.control, k)
            now = current(ctl, part.target, spec.control, k)
            if part.decision == "kept":
                self.memory.remember(self.spec.id, spec.id, k, pf.row, now)
                continue
            if kept:
                self.memory.remember(self.spec.id, spec.id, k, pf.row, part.target)
                continue
            unwritable |= ctl.disabled or (not ctl.visible and not ctl.is_choice)
            bad.append(why_not_kept(ctl, part.target, now))
        notes = [*run.notes, *pf.problems]
        decisions = [p.decision for p in run.parts]
        if bad:
            status = FieldStatus.ERROR if unwritable else FieldStatus.MISMATCH
            notes = bad + notes
        elif "write" in decisions:
            status = FieldStatus.FILLED
        elif "kept" in decisions:
            status = FieldStatus.KEPT
            notes.insert(0, "the operator changed it; kept")
        else:
            status = FieldStatus.UNCHANGED
        if "kept" in decisions and status is not FieldStatus.KEPT:
            notes.append("some parts kept as the operator left them")
        if spec.sensitive:  # the notes quote values: for a login they must not reach any log
            notes = [f"{status.value} (details hidden: sensitive field)"] if notes else []
        return FieldResult(spec.id, where, shown, status, "; ".join(notes), pf.row)

    # ------------------------------------------------------------------ helpers

    def press_helper(self, step: PressHelper) -> None:
        reading = self.now()
        where = f"{step.group} › {step.caption}" if step.group else step.caption
        if step.fills and self._all_hold_values(reading, step.fills):
            # A helper that fills fields (反映) would overwrite what is already there, maybe
            # the operator's own correction: it is not pressed again.
            why = "not pressed: the fields it fills hold values"
            self.out.steps.append(StepResult("press", where, True, why, step.row))
            return
        btn = locate_button(reading, self.spec, step.caption, step.group)
        if isinstance(btn, str):
            self.out.steps.append(StepResult("press", where, False, btn, step.row))
            return
        # the controls it fills, as read before the press: waited for in the same call that
        # reads the page after it (a control its script replaced is looked for again below)
        waits: dict[str, str] = {}
        for fid in step.fills:
            loc = locate_field(reading, self.spec, self.spec.field(fid))
            if loc.ok and loc.controls:
                waits[fid] = loc.controls[0].selector
        got: list[HelperRound | None] = []

        def settle() -> None:
            done = helper_round(self.page, list(waits.values()), timeout_ms=self.timeout)
            if done is None:  # no page scripts in this document: settle the slow way
                wait_settled(self.page, self.timeout)
            got.append(done)

        self.reading = None
        try:
            navigated = press_and_settle(
                self.page, self.press, btn.selector, btn.caption, self.timeout,
                settle=settle if waits else None,
            )  # fmt: skip
        except PlaywrightError as exc:
            self.out.steps.append(StepResult("press", where, False, _short(exc), step.row))
            return
        self.out.steps.append(StepResult("press", where, True, "", step.row))
        done = got[0] if got and not navigated else None
        seen: dict[str, bool] = {}
        if done is not None:
            self.reading = done.reading
            for fid, there, value in zip(waits, done.present, done.values, strict=True):
                seen[fid] = there
                if there and value:
                    self.memory.remember(self.spec.id, fid, 0, step.row, value)
        for fid in step.fills:
            if not seen.get(fid):  # navigated, or its control was replaced: the slow way
                self._wait_value(fid, step.row)

    def _all_hold_values(self, reading: PageReading, field_ids: Sequence[str]) -> bool:
        for fid in field_ids:
            loc = locate_field(reading, self.spec, self.spec.field(fid))
            if not loc.ok or not loc.controls or not loc.controls[0].value.strip():
                return False
        return True

    def _wait_value(self, field_id: str, row: int | None) -> None:
        """Wait (bounded) until a page script filled the field; the value becomes the tool's.

        Ends early when the helper visibly gave up: the DOM changed (say, a "no such postal
        code" message) and then stayed quiet, yet the field is still empty. A box the script
        replaced by a new one (a re-rendered row) is looked for again once. The next fill step
        writes the profile value either way.
        """
        for _ in range(2):
            loc = locate_field(self.now(), self.spec, self.spec.field(field_id))
            if not loc.ok or not loc.controls:
                return
            sel = loc.controls[0].selector
            arg = {"sel": sel, "max": self.timeout, "quiet": 400}
            try:
                value = scripts.call(self.page, "wait_value.js", arg)
                gone = not value and self.page.locator(sel).count() == 0
            except PlaywrightError:
                return  # the page navigated: the next reading sees the new one
            finally:
                self.reading = None
            if value:
                self.memory.remember(self.spec.id, field_id, 0, row, str(value))
            if not gone:
                return

    def count_rows(self, step: CountRows) -> None:
        # no table shown yet counts as no rows (a page may show the table only once it has one)
        self.counts[(step.columns, step.row)] = max(data_rows(self.page, step.columns), 0)

    def expect_row(self, step: ExpectRow) -> None:
        was = self.counts.get((step.columns, step.row), -1)
        # the helper's script may add the row a moment later: wait for it, bounded
        waited, now = 0.0, data_rows(self.page, step.columns)
        while now != was + 1 and waited < self.timeout:
            self.page.wait_for_timeout(50)
            waited += 50
            now = data_rows(self.page, step.columns)
        what = " / ".join(step.columns)
        if was >= 0 and now == was + 1:
            self.out.steps.append(StepResult("rows", what, True, f"{now} rows", step.row))
            return
        detail = f"expected {was + 1} rows in the table of {what}, found {now}"
        if now < 0:
            detail = f"no table whose header names {what}"
        self.out.steps.append(StepResult("rows", what, False, detail, step.row))


# ---------------------------------------------------------------------- controls and values


def _not_filled(pf: PlannedField) -> FieldResult:
    spec = pf.spec
    if pf.status is FieldStatus.MANUAL:
        return FieldResult(spec.id, spec.where(), (), FieldStatus.MANUAL, pf.note, pf.row)
    detail = "; ".join((*pf.problems, pf.note)) if pf.problems else pf.note
    return FieldResult(spec.id, spec.where(), (), FieldStatus.SKIPPED, detail.strip("; "), pf.row)


def _short(exc: BaseException) -> str:
    return str(exc).split("\n", 1)[0][:200]


# ---------------------------------------------------------------------- the page


def fill_page(
    page: Page,
    page_spec: PageSpec,
    plan: PagePlan,
    memory: FillMemory,
    press: Presser,
    *,
    timeout_ms: float = 3000,
    reading: PageReading | None = None,
) -> PageFill:
    """Carry out ``plan``'s steps on ``page``; one result per field and per helper step.

    ``reading`` is the page as just read (the session's arrival), saving a read.
    """
    filler = _Filler(page, page_spec, memory, press, timeout_ms, reading)
    run: dict[type, Callable[[Any], None]] = {
        FillFields: filler.fill_fields,
        PressHelper: filler.press_helper,
        CountRows: filler.count_rows,
        ExpectRow: filler.expect_row,
    }
    for step in plan.steps:
        run[type(step)](step)
    filler.out.reading = filler.reading
    return filler.out
