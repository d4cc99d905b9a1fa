"""Pressing a control the way a person does, and waiting for what the press started.

Every press goes through the caller's ``press`` (the guard). :func:`press_and_settle` waits,
bounded, until a navigation the press started replaced the document and the new one is quiet.
:func:`reveal` opens a menu whose item is shown only once the menu is open (「契約手続(NSS)」 ⇒
「NSS ログイン」): the tool moves the mouse over the title, and only if that does not show the
item, clicks the title (through the guard) — unless the title is a link leading away.

Example::

    >>> target = reveal(page, button, guard_press)   # the menu opened; press target next
    >>> press_and_settle(page, guard_press, target, "NSS ログイン")
    True
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, Request

from ..errors import NssAutofillError
from . import scripts
from .reading import Button, wait_settled
from .results import Presser

SHOW_MS = 1500  # how long a menu may take to open


class MenuClosed(NssAutofillError):
    """The control's menu did not open."""


def _shown(target: Locator) -> bool:
    try:
        target.wait_for(state="visible", timeout=SHOW_MS)
    except PlaywrightError:
        return False
    return True


_LEADS_AWAY_JS = """(e) => {
  const a = e.closest('a[href]') || e.querySelector('a[href]');
  const h = a ? (a.getAttribute('href') || '').trim().toLowerCase() : '';
  return !!h && !h.startsWith('#') && !h.startsWith('javascript:');
}"""


def reveal(page: Page, button: Button, press: Presser, timeout_ms: float = 5000) -> Locator:
    """``button`` as a locator, its menu opened first when it is in a closed one.

    ``press`` is the guard's press (``(locator, caption) -> None``), used only when hovering
    does not open the menu. Raises :class:`MenuClosed` when the menu does not open.
    """
    target = page.locator(button.selector)
    if button.visible or button.menu is None:
        return target
    title = page.locator(button.menu.selector)
    # pictures still loading move the menu's title from under the pointer, and a menu open
    # on hover closes again: hover once the page has its pictures (bounded)
    with contextlib.suppress(PlaywrightError):
        page.wait_for_load_state("load", timeout=timeout_ms)
    title.hover(timeout=timeout_ms)
    if _shown(target):
        return target
    if bool(title.evaluate(_LEADS_AWAY_JS)):
        raise MenuClosed(
            f"the menu {button.menu.title!r} does not open on hover and its title leads elsewhere"
        )
    press(title, button.menu.title)
    if _shown(target):
        return target
    raise MenuClosed(f"the menu {button.menu.title!r} did not show {button.caption!r}")


def press_and_settle(
    page: Page,
    press: Presser,
    locator: Locator | str,
    caption: str,
    timeout_ms: float = 5000,
    settle: Callable[[], object] | None = None,
) -> bool:
    """Press through ``press``, then wait (bounded) for what it started to finish.

    A control may post a form or run ``javascript:`` that navigates a moment later; reading the
    old document in between would fill a page that is about to vanish. So: note navigation
    requests of the main frame while pressing; if one started, wait until a new document
    replaced the old one (the old one carries a marker), then until it is quiet. Returns
    whether the page navigated. ``settle`` replaces the wait for a quiet page after the press
    (a helper round that also waits for values and reads the page); a navigation seen while it
    ran is still waited for.
    """
    navs: list[Request] = []

    def on_request(req: Request) -> None:
        if req.is_navigation_request() and req.frame == page.main_frame:
            navs.append(req)

    scripts.call_helper(page, "markOld")
    page.on("request", on_request)
    try:
        press(locator, caption)
        if settle is None:
            wait_settled(page, timeout_ms)
        else:
            settle()
    finally:
        page.remove_listener("request", on_request)
    if navs:
        page.wait_for_function(
            "() => !window.__nssafOld && document.readyState !== 'loading'", timeout=timeout_ms
        )
        wait_settled(page, timeout_ms)
    return bool(navs)
