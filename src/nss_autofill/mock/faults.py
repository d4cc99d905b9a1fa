"""Fault injection for the mock NSS site: what tests switch on to see the tool hold up.

Every option is off by default; a test sets them through ``MockSite.set_fault(...)`` (or the
``MockSite.faults`` object) before or during a run. Example::

    >>> f = Faults()
    >>> f.set(slow_s=2.0, slow_page="apply-plan")
    >>> f.delay_for("apply-plan"), f.delay_for("apply-billing")
    (2.0, 0.0)

==============================  =================================================================
``slow_s`` / ``slow_page``      wait ``slow_s`` seconds before answering a request for that page
                                (every NSS page when ``slow_page`` is None)
``navigate_away``               that page, the first time it is shown, replaces itself with
``navigate_to`` /               ``navigate_to`` after ``navigate_after_ms`` (a page script), or,
``navigate_after_ms`` /         with ``navigate_on_input``, as soon as a field of it changes
``navigate_on_input``           (the tool is then certainly in the middle of filling it)
``timeout_after``               after that many phase-2 page loads, every NSS request answers
                                with the session time-out page
``error_500``                   that page answers ``500 Internal Server Error``
``no_step_bar``                 that page is rendered without its step bar
``back_from`` / ``back_edits``  the first time that page is shown, the "operator" presses its
                                「戻る」 as soon as it is parsed; the page 戻る leads to then shows
                                ``back_edits`` (flow input name → value) as the operator's edits
==============================  =================================================================
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from .flow import BY_ID

__all__ = ["ERROR_500_HTML", "Faults", "inject"]

_PAGE_OPTIONS = (
    "slow_page",
    "navigate_away",
    "navigate_to",
    "error_500",
    "no_step_bar",
    "back_from",
)

ERROR_500_HTML = (
    b"<!DOCTYPE html><html><head><title>Error</title></head><body>"
    b"<h1>HTTP Status 500 - Internal Server Error</h1>"
    b"<p>java.lang.NullPointerException</p></body></html>"
)


@dataclass
class Faults:
    """The fault options of one mock site, plus the little state they need (fired, counts)."""

    slow_s: float = 0.0
    slow_page: str | None = None
    navigate_away: str | None = None
    navigate_to: str = "unknown"
    navigate_after_ms: int = 100
    navigate_on_input: bool = False
    timeout_after: int | None = None
    error_500: str | None = None
    no_step_bar: str | None = None
    back_from: str | None = None
    back_edits: dict[str, str] = field(default_factory=dict)
    # state
    phase2_loads: int = 0
    fired: set[str] = field(default_factory=set)  # one-shot faults already used

    def set(self, **options: Any) -> None:
        """Set options by name (unknown names and page ids are errors); resets the state."""
        names = {f.name for f in dataclasses.fields(self)} - {"phase2_loads", "fired"}
        for name, value in options.items():
            if name not in names:
                raise ValueError(f"no mock fault {name!r}; known: {sorted(names)}")
            if name in _PAGE_OPTIONS and value is not None and value not in BY_ID:
                raise ValueError(f"{name}: unknown mock page {value!r}")
            setattr(self, name, value)
        self.phase2_loads = 0
        self.fired.clear()

    def clear(self) -> None:
        """Every fault off."""
        fresh = Faults()
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(fresh, f.name))

    # ------------------------------------------------------------------ hooks for MockApp
    def delay_for(self, page_id: str | None) -> float:
        """Seconds to wait before answering a request for ``page_id``."""
        if self.slow_s <= 0 or page_id is None:
            return 0.0
        if self.slow_page is None:
            return self.slow_s if BY_ID[page_id].nss else 0.0
        return self.slow_s if page_id == self.slow_page else 0.0

    def timed_out(self) -> bool:
        """Whether the session time-out (after ``timeout_after`` phase-2 loads) has struck."""
        return self.timeout_after is not None and self.phase2_loads >= self.timeout_after

    def loaded(self, page_id: str) -> None:
        """Count a GET of a page (for ``timeout_after``)."""
        if BY_ID[page_id].phase == 2:
            self.phase2_loads += 1

    def fails_500(self, page_id: str) -> bool:
        return self.error_500 == page_id

    def hides_step_bar(self, page_id: str) -> bool:
        return self.no_step_bar == page_id

    def _once(self, kind: str, page_id: str, wanted: str | None) -> bool:
        if wanted != page_id or kind in self.fired:
            return False
        self.fired.add(kind)
        return True

    def page_script(self, page_id: str, url_of: Any) -> str:
        """A ``<script>`` to put at the end of the page's body, or ''."""
        out = ""
        if self._once("navigate_away", page_id, self.navigate_away):
            go = f"function () {{ location.replace({json.dumps(url_of(self.navigate_to))}); }}"
            if self.navigate_on_input:
                out += (
                    f"<script>(function () {{ var go = {go}, done = false; function once() {{ "
                    "if (!done) { done = true; go(); } } "
                    'document.addEventListener("input", once, true); '
                    'document.addEventListener("change", once, true); })();</script>'
                )
            else:
                out += f"<script>setTimeout({go}, {int(self.navigate_after_ms)});</script>"
        if self._once("back", page_id, self.back_from):
            # Press 「戻る」 the way a person would: click the control with that caption.
            out += (
                "<script>(function () { var els = document.querySelectorAll("
                '"a, button, input[type=submit], input[type=button]"); for (var i = 0; '
                "i < els.length; i++) { var t = (els[i].value || els[i].textContent || '')"
                ".replace(/\\s+/g, ''); if (t === '戻る') { els[i].click(); return; } } })();"
                "</script>"
            )
        return out

    def back_fired(self, page_id: str) -> bool:
        """Whether 戻る was just scripted on ``page_id`` (its edits are then due)."""
        return self.back_from == page_id and "back" in self.fired and "edits" not in self.fired

    def take_edits(self) -> dict[str, str]:
        self.fired.add("edits")
        return dict(self.back_edits)


def inject(html: str, script: str) -> str:
    """``script`` just before the last ``</body>`` (or at the end)."""
    if not script:
        return html
    at = html.lower().rfind("</body>")
    return html + script if at < 0 else html[:at] + script + html[at:]
