"""Moving on: find the one control a caption names, press it through the guard, wait for the
next document; or stop for the person and wait until they moved on.

:class:`Sight` keeps the page as last read until it changes, so recognition, filling, the audit's
masks and the buttons share one reading. :class:`Mover` is the only way the run presses a
control: the tool's presses go through ``Guard.press``, the simulated operator's
(``--auto-confirm``, loopback only) through ``SimulatedOperator``; both end in a bounded wait for
a new document or tab.
A control in a menu that opens on hover is revealed first, and shown again when it closed before
the click (Playwright clicks only what it sees, so no click was made).
"""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING

from ..errors import Outcome
from . import messages as M
from .control import Changed, Stop

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

    from ..engine.filling import PageFill
    from ..engine.guard import Guard, SimulatedOperator
    from ..engine.reading import PageReading
    from ..settings import Settings
    from ..site.catalogue import Catalogue, PageSpec
    from .documents import Documents
    from .messages import Progress
    from .report import PageEntry

    Target = Locator | str
    Presser = Callable[[Target, str], None]


class Sight:
    """The page as last read (``reading``), until the run learns it changed (:meth:`forget`)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.reading: PageReading | None = None

    def of(self, page: Page) -> PageReading:
        """The last reading, or a new one when there is none."""
        from ..engine.reading import read_page

        if self.reading is None:
            self.reading = read_page(page, self.catalogue)
        return self.reading

    def forget(self) -> None:
        self.reading = None


class Mover:
    """Presses the control a caption names and waits for the page to move on."""

    def __init__(
        self,
        settings: Settings,
        guard: Guard,
        docs: Documents,
        sight: Sight,
        progress: Progress,
        operator: SimulatedOperator | None = None,
    ) -> None:
        self.settings, self.guard, self.docs = settings, guard, docs
        self.sight, self.progress, self.operator = sight, progress, operator
        self.headless = settings.headless  # a dry run without a display: set by the runner

    def presser(self, page: Page, spec: PageSpec) -> Presser:
        """The tool's press on this page (for helper presses while filling, too)."""

        def press(target: Target, caption: str) -> None:
            # the document read: another one in its place is the page changing, not a press
            self.guard.press(page, target, caption, spec, document=self.docs.mark or None)

        return press

    def button(self, page: Page, spec: PageSpec, caption: str) -> Target | None:
        """The one control showing ``caption`` (its menu opened first when it is in one): the
        reading's mark on it (a CSS selector) when it is shown, else a locator."""
        from ..engine.locating import locate_button
        from ..engine.pressing import MenuClosed, reveal

        hit = locate_button(self.sight.of(page), spec, caption)
        if isinstance(hit, str):
            return None
        if hit.visible:
            return hit.selector
        self.sight.forget()  # opening the menu changes the page
        try:
            return reveal(page, hit, self.presser(page, spec), self.settings.page_timeout_ms)
        except MenuClosed as exc:
            self.progress.say(M.MENU_CLOSED, level=0, detail=str(exc))
            return None

    def press(
        self,
        page: Page,
        spec: PageSpec,
        target: Target,
        caption: str,
        by_operator: bool = False,
    ) -> None:
        """Press, then wait (bounded by the page timeout) until a new document or tab appears.

        A slow answer makes Playwright's click time out while it waits for the navigation it
        started; that is not an error here: the bounded wait below decides. A control of a menu
        open on hover that closed before the click (hidden, so never clicked) is shown again and
        pressed up to twice more.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        token = self.docs.pressing(page)
        started = time.monotonic()
        limit = self.settings.page_timeout_ms / 1000
        # the simulated operator is a person: what its press sends, until the page moved on,
        # is theirs, and the request watch stands aside (as it does for the operator's own)
        person = by_operator and self.operator is not None
        # only a control found in a closed menu (a locator, not the reading's mark) reopens
        reopen = not isinstance(target, str) and not person
        with self.guard.idle() if person else contextlib.nullcontext():
            try:
                if person:
                    assert self.operator is not None
                    found = page.locator(target) if isinstance(target, str) else target
                    self.operator.press_guarded(page, caption, spec, found)
                else:
                    self.presser(page, spec)(target, caption)
            except PlaywrightTimeout:
                # a control in a menu that opens on hover (a locator): opened again if it closed
                for _ in range(2):
                    if not reopen or not self._closed_before_click(page, target, token):
                        break
                    if time.monotonic() - started > limit:
                        break
                    target = self.button(page, spec, caption) or target
                    try:
                        self.presser(page, spec)(target, caption)
                        break
                    except PlaywrightTimeout:
                        continue
            left = limit - (time.monotonic() - started)
            self.docs.wait_moved_on(page, token, max(left, 0.1))

    def _closed_before_click(self, page: Page, target: Target, token: str) -> bool:
        """The control is hidden and the page is the one pressed on: no click was made."""
        from playwright.sync_api import Error as PlaywrightError

        found = page.locator(target) if isinstance(target, str) else target
        try:
            return not found.is_visible() and not self.docs.moved_on(page, token)
        except PlaywrightError:
            return False

    # ------------------------------------------------------------------ the person moves on
    def not_past_problems(self, page: Page, fill: PageFill, entry: PageEntry) -> None:
        """A value could not be placed: never press the forward control. Headless: stop with
        exit 4 naming each field; headed: the overlay shows them and the operator fixes the
        page and moves on."""
        entry.action = Outcome.FILL_PROBLEMS.value
        problems = fill.problems
        self.progress.say(M.FILL_PROBLEMS, level=0, n=len(problems))
        if self.headless:
            raise Stop(Outcome.FILL_PROBLEMS, "; ".join(problems))
        self.wait_human(page)

    def wait_human(self, page: Page) -> None:
        """The person acts on the page (bounded by ``--human-timeout-s``), then on."""
        if not self.docs.unchanged(page):
            return  # the operator (or the page) already moved on
        seconds = self.settings.human_timeout_s or None
        try:
            token = self.docs.renew(page)
        except Changed:
            # between the two looks the document was replaced or the browser went away: the
            # run looks again, and this page's entry keeps what it was waiting for
            return
        with self.guard.idle():  # the person acts: what they send is theirs
            self.docs.wait_moved_on(page, token, seconds)

    def wait_or_stop(
        self, page: Page, entry: PageEntry, outcome: Outcome, message: str = ""
    ) -> None:
        """Headless: the run ends with ``outcome``; headed: the operator acts, then on."""
        entry.action = outcome.value
        if self.headless:
            raise Stop(outcome, message)
        self.progress.say(M.WAIT_HUMAN, level=0)
        self.wait_human(page)
