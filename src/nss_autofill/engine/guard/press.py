"""The guard's Python side: the one place that clicks, and the watch on what leaves the browser.

:meth:`Guard.press` checks, at the moment of the click, what the click would *commit* — never
the prose around it — and refuses (:class:`GuardRefused`) when:

1. the caption asked for, or any caption the control shows or carries (value, text, ``alt``,
   ``aria-label``, ``title``, the ``alt`` of images inside it), is guarded (a consent or final
   caption on any page, or a never-safe word); or holds a deny-listed word and is not classed
   navigation, choice or helper on this page;
2. the control's own caption (what a person reads on it) is not the caption asked for;
3. the locator does not match exactly one element, or a control inside it is guarded or
   deny-listed (a ``<div>`` wrapping buttons, ``<input type=image alt=…>``);
4. the code it runs names a guarded control (``href="javascript:doSubmit('申込内容を登録する')"``,
   ``onclick``, ``formaction``);
5. the control its click reaches is guarded: a ``<label>`` hands its click on to its control;
6. it submits a form whose own submit controls are guarded, or whose data would carry a consent
   or final caption (a hidden ``hdnBtnNm`` set beforehand), or that goes to where the page's
   guarded controls submit; or it is a link to such a place, or a link carrying the caption;
7. the browser-side guard is not in the page (:meth:`Guard.install` was not called).

Fieldsets, legends, labels, option texts, headings, hints and paragraphs never make it refuse.
The tool's window is opened with a key secret to this guard, through the browser's debugging
protocol (``Runtime.evaluate``: no page code runs between it and ``guard.js``, whereas
Playwright's evaluations go through the page's ``window.eval``); in the same call the
browser-side guard reads the control, with the getters ``guard.js`` took before any page script
ran (a page that redefines ``value``, ``innerText`` or ``getAttribute`` cannot hide the real
caption). A refusal closes the window the same way; a page cannot open or close it. A page can
make the main world's evaluations lie; then guard.py may be misled into clicking, but the click
falls in the tool's window and ``guard.js`` blocks a tool's click on a guarded control by its own
reading. A navigation, a closed page, or another document than the one the caller read
(``document``) is :class:`PageChanged`: nothing is pressed, the page is read again. The tool
never presses a key (implicit submission uses a form's first submit button).

Two more layers hold the line even when a page moves things after the check:

* ``js/guard.js``, in every frame before the page's scripts (see there): the tool's click, and
  any trusted click in the document while the tool is acting, never counts as a person's; a
  submission no person asked for is stopped when its submitter, its form or the data really
  sent (read after the page's own listeners) is guarded, or it goes to a guarded target;
* :meth:`Guard.protect`: while the tool acts (:meth:`Guard.acting`), every request the browser
  sends — navigation, form post, fetch/XHR, beacon, in any tab — is read from its bytes
  (``traffic.verdict``) and aborted when it carries a consent or final caption or goes to where
  the page's guarded controls submit. Requests a person causes while the tool waits pass.

Example::

    >>> guard = Guard()
    >>> guard.install(context)
    >>> with guard.acting(page):
    ...     guard.press(page, page.get_by_role("button", name="次へ"), "次へ", spec)
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import weakref
from typing import TYPE_CHECKING, Any

from playwright.sync_api import Error as PlaywrightError

from ...normalize import strip_decoration
from ...site.catalogue import Catalogue, PageSpec, load_catalogue
from .. import scripts
from . import traffic
from .rules import (
    NEVER_SAFE,
    BlockedAttempt,
    GuardRefused,
    Outcome,
    PageChanged,
    PressRecord,
    Rules,
    caption_key,
    display,
)
from .watch import RequestWatch, targets_of

if TYPE_CHECKING:
    from playwright.sync_api import (
        BrowserContext,
        CDPSession,
        ElementHandle,
        JSHandle,
        Locator,
        Page,
    )

CLICK_TIMEOUT_MS = 5_000  # bounded: a control that cannot be clicked in time is an error
READ_TIMEOUT_MS = 2_000
HUMAN_WINDOW_MS = 1_000  # a script submission this soon after a person's click is theirs
TOOL_MARK_MS = 10_000  # a mark covers the tool's click, and the document's clicks, this long
BINDING_NAME = "__nssafGuardReport"

# The browser-side guard's own object cannot be replaced by the page (guard.js defines it
# before any page script, frozen, not configurable).
TAG_ATTR = "data-nssaf-press"
_TAG_JS = f"(el, tag) => {{ el.setAttribute('{TAG_ATTR}', tag); return tag; }}"


def _gone(exc: BaseException) -> bool:
    """The page navigated or closed under a call (not a fault of the control)."""
    msg = str(exc).lower()
    return any(
        w in msg for w in ("context was destroyed", "navigat", "closed", "not attached", "detached")
    )


class Guard(RequestWatch):
    """Performs every click of the tool and refuses consent / final-submit controls.

    Built from the catalogue only; there is deliberately no option, setting or environment
    variable that loosens it. ``records`` lists every press and refusal, ``blocked`` every
    attempt the browser-side script or the request watch stopped.
    """

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.rules = Rules(catalogue if catalogue is not None else load_catalogue())
        self.records: list[PressRecord] = []
        self.blocked: list[BlockedAttempt] = []
        self._installed: set[int] = set()
        self._acting = 0
        self._targets: dict[str, str] = {}  # where a guarded control submits -> its caption
        self._watched: BrowserContext | None = None
        # the key that opens the tool's window in the page (guard.js): new for every guard
        self._tool_key = secrets.token_hex(16)
        self._sessions: weakref.WeakKeyDictionary[Page, CDPSession] = weakref.WeakKeyDictionary()

    @property
    def catalogue(self) -> Catalogue:
        return self.rules.catalogue

    @property
    def guarded_captions(self) -> frozenset[str]:
        """The consent/final-submit captions of the catalogue (as written there)."""
        return self.catalogue.guarded_captions

    def is_guarded(self, caption: str) -> bool:
        return self.rules.is_guarded(caption)

    def classify(self, caption: str, page_spec: PageSpec | None) -> str | None:
        return self.rules.classify(caption, page_spec)

    # ------------------------------------------------------------------ pressing
    def press(
        self,
        page: Page,
        target: Locator | str,
        caption: str,
        page_spec: PageSpec | None,
        document: str | None = None,
    ) -> None:
        """Click ``target`` (expected to read ``caption``) unless the guard refuses it.

        ``target``: a locator, or a CSS selector the browser-side guard resolves in the page's
        main frame (one call instead of Playwright's element query: the reading's marks).
        ``document``: the token of the document the caller read (``__nssafDoc``); another
        document is :class:`PageChanged`. Raises :class:`GuardRefused` (and records the
        refusal) when a rule of the module docstring holds.
        """
        page_id = page_spec.id if page_spec is not None else None
        control = page.locator(target) if isinstance(target, str) else target
        try:
            selector = target if isinstance(target, str) else self._tag(control, caption)
            info = self._open_window(page, selector, caption, page_spec, document)
            try:
                self._decide(info, caption, page_spec)
            except (GuardRefused, PageChanged):
                with contextlib.suppress(PlaywrightError):  # the page may be going away
                    self._channel(page, "close", selector)
                raise
        except GuardRefused as exc:
            self._record(caption, page_id, "refused", exc.reason)
            raise
        try:
            control.click(timeout=CLICK_TIMEOUT_MS)
        except PlaywrightError as exc:
            msg = str(exc).lower()
            if "not attached" in msg or "detached" in msg:  # gone before the click: none made
                self._record(caption, page_id, "refused", "the control went away")
                raise PageChanged(caption, "the control went away before the click") from exc
            if _gone(exc):  # pressed, and the page went on at once: what the press was for
                self._record(caption, page_id, "pressed", "")
                return
            raise
        self._record(caption, page_id, "pressed", "")

    def _channel(self, page: Page, call: str, selector: str) -> Any:
        """``__nssafGuard.open`` or ``close`` with the run's key, through the browser's
        debugging protocol: nothing of the page's runs between this call and guard.js (see
        guard.js, "The tool's channel"), and the answer comes back by the browser's own copy."""
        session = self._sessions.get(page)
        if session is None:
            session = page.context.new_cdp_session(page)
            self._sessions[page] = session
        expression = (
            f"window.__nssafGuard && window.__nssafGuard.{call} ? window.__nssafGuard.{call}("
            f"{json.dumps(self._tool_key)}, {json.dumps(selector)}) : null"
        )
        answer = session.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in answer:
            raise GuardRefused("", "the browser-side guard failed in this page")
        return answer.get("result", {}).get("value")

    def _tag(self, control: Locator, caption: str) -> str:
        """A selector naming the one element ``control`` names, for the channel: the element
        carries an attribute of its own for it. A page that moves the attribute elsewhere only
        misleads the reading; the window guard.js opens covers the click all the same."""
        tag = secrets.token_hex(8)
        try:
            answer = control.evaluate(_TAG_JS, tag, timeout=READ_TIMEOUT_MS)
        except PlaywrightError as exc:
            if _gone(exc):
                raise PageChanged(caption, "the page changed while it was checked") from exc
            msg = str(exc)
            if "strict mode violation" in msg:
                found = re.search(r"resolved to (\d+) elements", msg)
                n = found.group(1) if found else "several"
                raise GuardRefused(caption, f"the locator matches {n} elements, not one") from exc
            if "Timeout" in msg:
                raise GuardRefused(caption, "could not reach the control in time") from exc
            raise GuardRefused(caption, f"could not find the control: {exc}") from exc
        if answer != tag:  # the page broke the browser's scripting in its world
            raise GuardRefused(caption, "could not reach the control: the page did not answer")
        return f'[{TAG_ATTR}="{tag}"]'

    def _open_window(
        self,
        page: Page,
        selector: str,
        caption: str,
        page_spec: PageSpec | None,
        document: str | None = None,
    ) -> dict[str, Any]:
        """Open the tool's window, and take what the browser-side guard read of the one element
        ``selector`` names in the same turn (one round trip). Another document than
        ``document`` (when given) is :class:`PageChanged`."""
        why = self.classify(caption, page_spec)
        if why:
            raise GuardRefused(caption, f"the caption asked for {why}")
        try:
            info = self._channel(page, "open", selector)
        except GuardRefused as exc:
            raise GuardRefused(caption, exc.reason) from exc
        except PlaywrightError as exc:
            if _gone(exc):
                raise PageChanged(caption, "the page changed while it was checked") from exc
            raise GuardRefused(caption, f"could not read the control: {exc}") from exc
        if not isinstance(info, dict):
            raise GuardRefused(
                caption, "the browser-side guard is not in this page: Guard.install first"
            )
        if document is not None and info.get("doc") != document:
            with contextlib.suppress(PlaywrightError):
                self._channel(page, "close", selector)
            raise PageChanged(caption, "another document than the one read")
        if not info.get("marked"):
            raise GuardRefused(
                caption, f"the locator matches {info.get('count')} elements, not one"
            )
        return info

    def _resolve(self, target: Locator, caption: str, page_spec: PageSpec | None) -> ElementHandle:
        """The one element ``target`` stands for, after the caption itself passed."""
        why = self.classify(caption, page_spec)
        if why:
            raise GuardRefused(caption, f"the caption asked for {why}")
        try:
            handles = target.element_handles()
        except PlaywrightError as exc:
            if _gone(exc):
                raise PageChanged(caption, "the page changed while it was checked") from exc
            raise GuardRefused(caption, f"could not find the control: {exc}") from exc
        if len(handles) != 1:
            for h in handles:
                _dispose(h)
            raise GuardRefused(caption, f"the locator matches {len(handles)} elements, not one")
        return handles[0]

    def _decide(self, info: dict[str, Any], caption: str, page_spec: PageSpec | None) -> None:
        """Refuse (:class:`GuardRefused`) what the control read in ``info`` would commit."""
        self._targets.update(targets_of(info.get("targets")))
        for cap in info["captions"]:
            why = self.classify(cap, page_spec)
            if why:
                raise GuardRefused(caption, f"the control reads {display(cap)!r}, which {why}")
        for cap in info["inner"]:
            why = self.classify(cap, page_spec)
            if why:
                raise GuardRefused(
                    caption, f"a control inside it reads {display(cap)!r}, which {why}"
                )
        for src in info["code"]:
            if self.is_guarded(src):
                raise GuardRefused(caption, f"its script names a guarded control: {src[:120]!r}")
        reach = info.get("reach")
        if reach:
            for cap in [*reach["captions"], *reach["code"]]:
                if self.is_guarded(cap):
                    raise GuardRefused(
                        caption,
                        f"it is the label of another control, which reads {display(cap)!r}",
                    )
        shown = strip_decoration(caption_key(info["primary"]))
        if shown != strip_decoration(caption_key(caption)):  # 「次へ ＞」 reads 次へ
            raise GuardRefused(
                caption, f"the control reads {display(info['primary'])!r}, not the caption asked"
            )
        self._check_submission(info, caption)

    def _check_submission(self, info: dict[str, Any], caption: str) -> None:
        """What pressing sends: the form's own submit controls, its data, where it goes; or the
        link's address."""
        if info["submits"] and info["inForm"]:
            first = info["firstSubmit"]
            if first is not None and self.is_guarded(first):
                raise GuardRefused(
                    caption, f"it would submit a form whose first submit button is {first!r}"
                )
            for cap in info["submitCaptions"]:
                if self.is_guarded(cap):
                    raise GuardRefused(
                        caption, f"it would submit a form with the control {display(cap)!r}"
                    )
            for value in info["data"]:
                if self.rules.carries_commit(value):
                    raise GuardRefused(
                        caption, f"the form it submits would send {display(value)[:60]!r}"
                    )
            named = self._targets.get(traffic.target_of(info["action"]))
            if named is not None:
                raise GuardRefused(caption, f"its form posts to where 「{named}」 submits")
        href = info.get("href") or ""
        if href:
            named = self._targets.get(traffic.target_of(href))
            if named is not None:
                raise GuardRefused(caption, f"it is a link to where 「{named}」 submits")
            hit = traffic.carried(href.encode("utf-8"), self.rules.commit_captions)
            if hit:
                raise GuardRefused(caption, f"it is a link that carries 「{hit}」")

    def _record(self, caption: str, page_id: str | None, outcome: Outcome, reason: str) -> None:
        self.records.append(PressRecord(caption, page_id, outcome, "tool", reason))

    # ------------------------------------------------------------------ browser side
    def init_script(self) -> str:
        """The browser-side guard with this catalogue's captions injected as JSON."""
        cat = self.catalogue
        config = {
            "guarded": sorted(cat.guarded_captions),
            "neverSafe": list(NEVER_SAFE),
            "deny": list(cat.deny_captions),
            "safe": sorted(cat.safe_captions - cat.guarded_captions),
            "humanWindowMs": HUMAN_WINDOW_MS,
            "toolMarkMs": TOOL_MARK_MS,
            "toolKey": self._tool_key,
        }
        src = scripts.source("guard.js")
        return src.replace("__NSS_GUARD_CONFIG__", json.dumps(config, ensure_ascii=True))

    def install(self, context: BrowserContext) -> None:
        """Add the browser-side guard to ``context`` (every page and frame, before page scripts),
        and the binding that reports blocked attempts into :attr:`blocked`. Install before
        opening pages; pages already open get it too. The request watch is switched on while
        the tool acts (:meth:`acting`).
        """
        if id(context) in self._installed:
            return
        context.expose_binding(BINDING_NAME, self._on_report)
        script = self.init_script()
        context.add_init_script(script=script)
        for pg in context.pages:
            for frame in pg.frames:
                with contextlib.suppress(Exception):  # a frame that went away
                    frame.evaluate(script)
        self._installed.add(id(context))


def _dispose(handle: JSHandle | None) -> None:
    if handle is not None:
        with contextlib.suppress(Exception):  # its document may be gone after the click
            handle.dispose()
