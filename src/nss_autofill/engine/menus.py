"""Menus: a control that is shown only once its menu is open (「契約手続(NSS)」 ⇒ 「NSS ログイン」).

The reading finds such a control with its menu's visible title (``reading.Menu``); recognition
never needs the menu open. To press it, the tool opens the menu the way a person does: it moves
the mouse over the title, and only if that does not show the control, clicks the title (through
the guard, like every click) — unless the title is a link that would lead away from the page.

Example::

    >>> target = reveal(page, button, guard_press)   # the menu opened; press target next
"""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page

from ..errors import NssAutofillError
from .reading import Button

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


def reveal(page: Page, button: Button, press: object, timeout_ms: float = 5000) -> Locator:
    """``button`` as a locator, its menu opened first when it is in a closed one.

    ``press`` is the guard's press (``(locator, caption) -> None``), used only when hovering
    does not open the menu. Raises :class:`MenuClosed` when the menu does not open.
    """
    target = page.locator(button.selector)
    if button.visible or button.menu is None:
        return target
    title = page.locator(button.menu.selector)
    title.hover(timeout=timeout_ms)
    if _shown(target):
        return target
    if bool(title.evaluate(_LEADS_AWAY_JS)):
        raise MenuClosed(
            f"the menu {button.menu.title!r} does not open on hover and its title leads elsewhere"
        )
    press(title, button.menu.title)  # type: ignore[operator]
    if _shown(target):
        return target
    raise MenuClosed(f"the menu {button.menu.title!r} did not show {button.caption!r}")
