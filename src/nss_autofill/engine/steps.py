"""The steps of a page plan besides writing fields, and the state every step shares.

:class:`Steps` holds what filling a page keeps between steps (the page as last read, what was
written, the table row counts) and carries out the helper steps: pressing a helper such as
「反映」 or 「設定」 through the guard (never over values already in the fields it fills), waiting
for the values its script writes (they become the tool's), and checking that a table gained the
row a 「設定」 adds. ``filling._Filler`` adds the fill steps.
"""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from ..site.catalogue import PageSpec
from . import scripts
from .locating import locate_button, locate_field
from .planning import CountRows, ExpectRow, PressHelper
from .pressing import press_and_settle
from .reading import HelperRound, PageReading, helper_round, read_page, wait_settled
from .results import FillMemory, PageFill, Presser, StepResult
from .tables import data_rows


def short(exc: BaseException) -> str:
    """The first line of an error, for a step's detail."""
    return str(exc).split("\n", 1)[0][:200]


class Steps:
    """The state of one page's filling, and its helper steps (``_Filler`` adds the fills)."""

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

    def press_helper(self, step: PressHelper) -> None:
        reading = self.now()
        where = f"{step.group} › {step.caption}" if step.group else step.caption
        # the first control of each field it fills, as read before the press
        firsts = {}
        for fid in step.fills:
            loc = locate_field(reading, self.spec, self.spec.field(fid))
            firsts[fid] = loc.controls[0] if loc.ok and loc.controls else None
        if firsts and all(c is not None and c.value.strip() for c in firsts.values()):
            # A helper that fills fields (反映) would overwrite what is already there, maybe
            # the operator's own correction: it is not pressed again.
            why = "not pressed: the fields it fills hold values"
            self.out.steps.append(StepResult("press", where, True, why, step.row))
            return
        btn = locate_button(reading, self.spec, step.caption, step.group)
        if isinstance(btn, str):
            self.out.steps.append(StepResult("press", where, False, btn, step.row))
            return
        # those controls are waited for in the same call that reads the page after the press
        # (a control its script replaced is looked for again below)
        waits = {fid: c.selector for fid, c in firsts.items() if c is not None}
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
            self.out.steps.append(StepResult("press", where, False, short(exc), step.row))
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
