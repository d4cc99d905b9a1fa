"""Which document the tool is on: tabs that open, documents that replace each other.

Every document gets a token (the page scripts set one at its start; otherwise the session
sets one). The run compares tokens to tell "the page moved on" from "the same page again", to
notice that the operator or a page script replaced the document while the tool worked on it,
and to wait — bounded for the tool's own presses, unbounded for a person — until a new
document or tab appears. NSS opens in a new tab from 「新規申込」: the newest open tab is
followed.

Example::

    >>> docs = Documents(context)
    >>> page = docs.current()
    >>> token = docs.pressing(page)         # before a press
    >>> docs.wait_moved_on(page, token, 15)  # a new document, or Stop(STUCK)
"""

from __future__ import annotations

import secrets
import time
from typing import TYPE_CHECKING

from tenacity import RetryError, Retrying, retry_if_result, stop_after_delay, stop_never, wait_fixed

from ..engine.scripts import call_helper
from ..errors import Outcome
from .control import Changed, Stop

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page


class Documents:
    """The tabs of one browser context, and the token of the document the tool works on."""

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.new_pages: list[Page] = []
        self.page: Page | None = None
        self.mark = ""  # the token of the document the tool recognised
        context.on("page", self._opened)

    def _opened(self, page: Page) -> None:
        self.new_pages.append(page)

    def open(self) -> Page:
        """The first tab (the tool's own)."""
        self.page = self.context.new_page()
        self.new_pages.clear()
        return self.page

    def current(self) -> Page:
        """Follow NSS into a new tab; fall back to any open tab when the current one closed.

        Raises :class:`Stop` (browser closed) when no tab is left.
        """
        opened = [p for p in self.new_pages if not p.is_closed()]
        self.new_pages.clear()
        if opened:
            self.page = opened[-1]
        if self.page is None or self.page.is_closed():
            pages = [p for p in self.context.pages if not p.is_closed()]
            if not pages:
                raise Stop(Outcome.BROWSER_CLOSED)
            self.page = pages[-1]
        return self.page

    def all_closed(self) -> bool:
        try:
            return not [p for p in self.context.pages if not p.is_closed()]
        except Exception:
            return True

    def key(self, page: Page, mark: str | None) -> str:
        """Identity of the document shown: ``mark`` read with the page (same document), or the
        token read or set here when the document has no init script."""
        if mark is None:
            mark = call_helper(page, "documentMark")
        if mark is None:
            mark = secrets.token_hex(8)
            call_helper(page, "markDocument", mark)
        self.mark = str(mark)
        return self.mark

    def unchanged(self, page: Page) -> bool:
        """Whether the page still shows the document that was recognised."""
        if self.new_pages or page.is_closed():
            return False
        try:
            return bool(call_helper(page, "documentMark") == self.mark)
        except Exception:  # the document is being replaced right now
            return False

    def renew(self, page: Page) -> str:
        """A fresh token on the recognised document; :class:`Changed` if it is gone."""
        token = secrets.token_hex(8)
        if self.new_pages or page.is_closed():
            raise Changed
        try:
            same = bool(call_helper(page, "remark", [self.mark, token]))
        except Exception:  # the document is being replaced right now
            same = False
        if not same:
            raise Changed
        self.mark = token
        return token

    def pressing(self, page: Page) -> str:
        """The token to wait on after a press: the recognised document's (the guard checks the
        control it presses is in that document). :class:`Changed` if a tab opened or it closed.
        """
        if self.new_pages or page.is_closed() or not self.mark:
            raise Changed
        return self.mark

    def moved_on(self, page: Page, token: str) -> bool:
        if self.new_pages or page.is_closed():
            return True
        try:
            return bool(call_helper(page, "documentMark") != token)
        except Exception:  # the document is being replaced right now
            return False

    def wait_moved_on(self, page: Page, token: str, seconds: float | None) -> None:
        """Wait, bounded when ``seconds`` is given, until a new document or tab appears;
        :class:`Stop` (stuck) when the bound runs out.

        It sleeps inside Playwright (not ``time.sleep``), so the browser's events and the
        guard's request watch are served while it waits.
        """

        def sleep(s: float) -> None:
            if page.is_closed():
                time.sleep(s)
            else:
                page.wait_for_timeout(s * 1000)

        retryer = Retrying(
            stop=stop_after_delay(seconds) if seconds else stop_never,
            wait=wait_fixed(0.03 if seconds else 0.3),
            retry=retry_if_result(lambda moved: not moved),
            sleep=sleep,
        )
        try:
            retryer(self.moved_on, page, token)
        except RetryError:
            raise Stop(Outcome.STUCK, "the page did not move on") from None
