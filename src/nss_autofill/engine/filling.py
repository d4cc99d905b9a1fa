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

from playwright.sync_api import Page

from ..normalize import compare_key
from ..site.catalogue import PageSpec
from .controls import current, holds, option_index, why_not_kept, write_op
from .locating import locate_field
from .options import find_option
from .planning import CountRows, ExpectRow, FillFields, PagePlan, PlannedField, PressHelper
from .pressing import press_and_settle
from .reading import Control, PageReading, fill_round
from .results import FieldResult, FillMemory, PageFill, Presser, StepResult
from .status import FieldStatus
from .steps import Steps

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


class _Filler(Steps):
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


# ---------------------------------------------------------------------- controls and values


def _not_filled(pf: PlannedField) -> FieldResult:
    spec = pf.spec
    if pf.status is FieldStatus.MANUAL:
        return FieldResult(spec.id, spec.where(), (), FieldStatus.MANUAL, pf.note, pf.row)
    detail = "; ".join((*pf.problems, pf.note)) if pf.problems else pf.note
    return FieldResult(spec.id, spec.where(), (), FieldStatus.SKIPPED, detail.strip("; "), pf.row)


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
