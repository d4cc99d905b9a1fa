"""The guard's request watch: while the tool acts, every request leaving the browser is read
from its bytes and aborted when it would consent or submit (``traffic.verdict``); the reports of
the browser-side guard are collected. :class:`~.press.Guard` is a watch that also presses.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from playwright.sync_api import Error as PlaywrightError

from . import traffic
from .rules import BlockedAttempt, Rules, display

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Route

_TARGETS_JS = "() => { const g = window.__nssafGuard; return g && g.targets ? g.targets() : []; }"


class RequestWatch:
    """The request watch and the browser-side guard's reports (see the module docstring)."""

    rules: Rules
    blocked: list[BlockedAttempt]
    _acting: int
    _targets: dict[str, str]  # where a guarded control submits -> its caption
    _watched: BrowserContext | None

    # ------------------------------------------------------------------ acting
    @contextlib.contextmanager
    def acting(self, page: Page, targets: Any = None) -> Iterator[None]:
        """While the tool acts on ``page``: every request of its context is read, and a guarded
        one aborted (:meth:`protect`). Outside, requests go their way untouched.

        ``targets``: where the page's guarded controls submit, as the page's reading gave them
        (``__nssafGuard.targets()``); read here when not given. They replace the previous
        page's; every press adds what it reads.

        The watch stays on between the tool's actions and goes off when a person acts
        (:meth:`idle`): a request waits for Python to serve it, so a watch left on while the
        tool waits for a person would slow their page down.
        """
        self._targets = targets_of(targets if targets is not None else self._read_targets(page))
        context = page.context
        if self._watched is not context:
            self._route_on(context)
        self._acting += 1
        try:
            yield
        finally:
            self._acting -= 1

    @contextlib.contextmanager
    def idle(self, page: Page | None = None) -> Iterator[None]:
        """While a person acts (the tool waits, the simulated operator presses): hands off.

        The watch goes off; the next :meth:`acting` puts it back.
        """
        was, self._acting = self._acting, 0
        context, self._watched = self._watched, None
        if context is not None:
            self._route_off(context)
        try:
            yield
        finally:
            self._acting = was
            if was and context is not None and self._watched is None:
                self._route_on(context)

    def _route_on(self, context: BrowserContext) -> bool:
        try:
            self.protect(context)
        except PlaywrightError:  # the context is closing
            return False
        self._watched = context
        return True

    def _route_off(self, context: BrowserContext) -> bool:
        try:
            context.unroute("**/*", self._route)
        except PlaywrightError:
            return False
        return True

    @staticmethod
    def _read_targets(page: Page) -> Any:
        try:
            return page.evaluate(_TARGETS_JS)
        except PlaywrightError:
            return []

    def protect(self, context: BrowserContext) -> None:
        """Watch every request of ``context`` and abort a guarded one (see :meth:`acting`).

        Registered last, it runs first; a request it lets through falls back to the routes
        registered before it (the dry run's loopback filter).
        """
        context.route("**/*", self._route)

    def _route(self, route: Route) -> None:
        req = route.request
        if self._acting:
            try:
                body = req.post_data_buffer
            except Exception:  # a body Playwright cannot give: read the URL alone
                body = None
            why = traffic.verdict(req.url, body, self.rules.commit_captions, set(self._targets))
            if why:
                self.blocked.append(BlockedAttempt("request", "", why, req.url))
                with contextlib.suppress(PlaywrightError):
                    route.abort("blockedbyclient")
                return
        with contextlib.suppress(PlaywrightError):
            route.fallback()

    def _on_report(self, source: Any, entry: Any) -> None:
        if not isinstance(entry, dict):
            return
        self.blocked.append(
            BlockedAttempt(
                kind=str(entry.get("kind", "")),
                caption=str(entry.get("caption", "")),
                detail=str(entry.get("detail", "")),
                url=str(entry.get("url", "")),
            )
        )


def targets_of(found: Any) -> dict[str, str]:
    """{target: caption} from the page's list of {t, c}."""
    out: dict[str, str] = {}
    for x in found or ():
        if isinstance(x, dict) and x.get("t"):
            out[str(x["t"])] = display(str(x.get("c") or "")) or "a guarded control"
    return out
