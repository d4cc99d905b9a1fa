"""The dry run's simulated operator (``--auto-confirm``): the only path around the guard.

It presses consent and final-submit controls as a person would — an unmarked trusted click —
and only on loopback origins the run was explicitly allowed; anywhere else it refuses. The
guard stands aside while it presses (``Guard.idle``), as it does for a person.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ...site.catalogue import ButtonClass, Catalogue, PageSpec, load_catalogue
from ...site.origins import is_loopback as is_loopback_origin  # one rule for loopback
from .press import CLICK_TIMEOUT_MS, Guard
from .rules import GuardRefused, Outcome, PressRecord, caption_key

if TYPE_CHECKING:
    from playwright.sync_api import ElementHandle, Locator, Page

# the top frame's origin (another origin cannot be read: it differs) and the control's own
_ORIGINS_JS = """(el) => {
  let top = "cross-origin";
  try { top = String(window.top.location.origin); } catch (e) {}
  return [top, String(el.ownerDocument.location.origin)];
}"""


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    try:
        port = parts.port
    except ValueError:
        return None
    if port is None:
        port = 443 if parts.scheme == "https" else 80
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}:{port}"


class SimulatedOperator:
    """The dry run's stand-in for the human (``--auto-confirm``): the only path around the guard.

    :meth:`press_guarded` clicks a consent / final-submit control only when the page's origin,
    both as ``page.url`` and as the frame's own ``location.origin``, is a loopback http(s)
    origin listed in ``allowed_origins``. Anywhere else it raises :class:`GuardRefused`. Its
    click is an unmarked trusted click, so the browser-side guard lets it through as a person's.
    Records go to ``records`` (the guard's own list when ``guard`` is given).
    """

    def __init__(
        self,
        allowed_origins: Iterable[str],
        *,
        catalogue: Catalogue | None = None,
        guard: Guard | None = None,
    ) -> None:
        origins = []
        for o in allowed_origins:
            norm = _origin_of(o)
            if norm is None or not is_loopback_origin(o):
                raise GuardRefused(o, "the simulated operator acts only on loopback origins")
            origins.append(norm)
        self._allowed = frozenset(origins)
        self._guard = guard
        if guard is not None:
            self._catalogue = guard.catalogue
            self.records = guard.records
        else:
            self._catalogue = catalogue if catalogue is not None else load_catalogue()
            self.records = []
        self._guarded = frozenset(caption_key(c) for c in self._catalogue.guarded_captions)

    @property
    def allowed_origins(self) -> frozenset[str]:
        return self._allowed

    def press_guarded(
        self,
        page: Page,
        caption: str,
        page_spec: PageSpec | None,
        target: Locator | None = None,
    ) -> None:
        """Press the consent / final control ``caption`` as the simulated human, on loopback.

        ``target`` is the control as the reading found it (a picture button, a ``<span>`` a
        script made pressable); without it the control is looked up by its role and name.
        """
        page_id = page_spec.id if page_spec is not None else None
        try:
            control = self._check(page, caption, page_spec, target)
        except GuardRefused as exc:
            self._record(caption, page_id, "refused", exc.reason)
            raise
        if self._guard is not None:
            with self._guard.idle():  # a person's press: the request watch stands aside
                control.click(timeout=CLICK_TIMEOUT_MS)
        else:
            control.click(timeout=CLICK_TIMEOUT_MS)
        self._record(caption, page_id, "pressed", "simulated operator on a loopback origin")

    def _check(
        self, page: Page, caption: str, page_spec: PageSpec | None, found: Locator | None
    ) -> ElementHandle:
        key = caption_key(caption)
        guarded_here = {
            caption_key(b.caption)
            for b in (page_spec.buttons if page_spec is not None else ())
            if b.cls in (ButtonClass.CONSENT, ButtonClass.FINAL_SUBMIT)
        }
        if key not in self._guarded and key not in guarded_here:
            raise GuardRefused(caption, "not a consent/final control; the tool's Guard presses it")
        self._check_origin(page.url, caption, "the page URL")
        target = found or page.get_by_role("button", name=caption, exact=True).or_(
            page.get_by_role("link", name=caption, exact=True)
        )
        handles = target.element_handles()
        if len(handles) != 1:
            raise GuardRefused(caption, f"{len(handles)} controls read {caption!r}, not one")
        top, el_origin = handles[0].evaluate(_ORIGINS_JS)
        self._check_origin(top, caption, "the frame's location.origin")
        if _origin_of(top) != _origin_of(page.url):
            raise GuardRefused(caption, "the frame's origin differs from the page URL")
        self._check_origin(el_origin, caption, "the control's document")
        return handles[0]

    def _check_origin(self, url: str, caption: str, what: str) -> None:
        if not is_loopback_origin(url):
            raise GuardRefused(caption, f"{what} ({url}) is not a loopback origin")
        if _origin_of(url) not in self._allowed:
            raise GuardRefused(caption, f"{what} ({url}) is not an allowed origin")

    def _record(self, caption: str, page_id: str | None, outcome: Outcome, reason: str) -> None:
        self.records.append(PressRecord(caption, page_id, outcome, "simulated-operator", reason))
