"""The guard: the one place that clicks, and the line it never crosses.

nss-autofill never presses a consent control or 「申込内容を登録する」 on the real site, whatever
the settings, flags, profile or page say. Two layers hold that line:

**In Python** (:meth:`Guard.press`, the only code that clicks): at the moment of the click it
reads the control's caption from the DOM and refuses (raises :class:`GuardRefused`) when

1. the caption the caller asked for, or any caption the control shows or carries (value, text,
   ``alt``, ``aria-label``, ``title``, the ``alt`` of images inside it), holds a caption the
   catalogue classes consent or final_submit on *any* page, or a never-safe word
   (:data:`NEVER_SAFE`: 同意する, 登録する, 送信, 確定, …). A page spec cannot reclassify these;
2. a caption holds a word of the catalogue's ``deny_captions`` (同意, 登録, 申請, …), unless that
   exact caption is classed navigation, choice or helper on the given page spec (a press with
   no page spec gets no such exception);
3. the control's own caption (what a person reads on it) is not the caption asked for;
4. the locator does not match exactly one element, or a control inside it (a ``<div>`` that
   wraps buttons) is guarded or deny-listed — this covers ``<div onclick>`` and
   ``<input type=image alt=…>`` disguises;
5. the code it runs names a guarded control (``href="javascript:doSubmit('申込内容を登録する')"``,
   ``onclick``, ``formaction``, in it or in controls inside it);
6. the browser-side guard is not in the page (:meth:`Guard.install` was not called): without
   it the tool's click could not be told from a person's;
7. pressing it would submit a guarded form: a submit-type control (``<button>`` without
   ``type=button``, ``input type=submit/image``) whose form holds a guarded control anywhere
   (its first submit button included). Submitting such a form with another submitter still
   posts the guarded form to its action, and we cannot know what the server does with it. A
   ``type=button`` helper or a link in that form is allowed: if its script submits the form,
   the browser-side guard below stops it, because the tool's clicks never count as a person's.
   (The mock records any POST to a confirm page as "final", 「戻る」 included; the real site may
   well do the same.)

The captions are read twice: through Playwright's own element methods (they run in Playwright's
isolated world, so a page script that redefines ``value`` or ``innerText`` cannot hide the real
caption) and by one script in the page for structure (forms, inner controls). Any guarded
caption from either read refuses. The tool never presses Enter or any other key: there is no
API for it here, and implicit submission (Enter in a field) uses the form's first submit button.

**In the browser** (``js/guard.js``, added to the context by :meth:`Guard.install` before any
page script runs, in every frame):

* a control is *guarded* when a caption it shows or carries, or the code it runs, holds a
  consent/final caption or a never-safe word; a form is guarded when any of its controls is,
  hidden inputs included (the mock's ``doSubmit`` writes the caption into ``hdnBtnNm``);
* capture-phase ``click`` listener on ``window`` (runs before ``onclick=`` attributes): an
  untrusted click (``el.click()``, ``dispatchEvent``) on a guarded or deny-listed control is
  blocked (``preventDefault`` + ``stopImmediatePropagation``), as is an untrusted click on a
  ``javascript:`` link in a document that holds a guarded control; a click the tool marked
  (see below) that lands on a guarded control is blocked too (the DOM changed after the check);
* Enter (``keydown``/``keypress``) in a text field of a form whose first submit button, or any
  control, is guarded is blocked, trusted or not: implicit submission never registers;
* ``submit`` events of a guarded form (guarded submitter, or a guarded control in the form or
  the document) pass only if a *person* pressed the submitter within ~1 s;
* ``HTMLFormElement.prototype.submit`` / ``requestSubmit`` are replaced (non-writable): a script
  submission of a guarded form passes only within ~1 s of a person's trusted click on a guarded
  control or on a control of that form (this covers ``onclick="form.submit()"``, ``<a
  href="javascript:…">``, ``onchange`` submits and ``<form target=_blank>``);
* backstop: a capture ``formdata`` listener, which fires for every submission whatever realm's
  ``submit`` was called (e.g. one borrowed from a fresh iframe), detaches a guarded form that
  no person submitted, so the browser drops the submission, then puts it back.

A "person's click" is a trusted click (``event.isTrusted``) on a button-like control that the
tool did not mark. Playwright's clicks are trusted too, so :meth:`Guard.press` marks the element
through the non-replaceable ``window.__nssafGuard.mark`` just before clicking; a page script can
only add marks (making the guard stricter), never remove them. Every blocked attempt is
reported to Python through a binding into :attr:`Guard.blocked`.

The dry run's simulated operator (:class:`SimulatedOperator`, ``--auto-confirm``) is the only
path around the Python layer: it presses consent/final controls only on loopback origins that
were explicitly allowed, and passes the browser layer like a person (an unmarked trusted click).

Example::

    >>> guard = Guard()
    >>> guard.install(context)
    >>> guard.press(page, page.get_by_role("button", name="次へ"), "次へ", cat.page("apply-user"))
"""

from __future__ import annotations

import contextlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from ..errors import ExitCode, NssAutofillError
from ..normalize import strip_decoration
from ..site.catalogue import ButtonClass, Catalogue, PageKind, PageSpec, load_catalogue
from ..site.origins import is_loopback as is_loopback_origin  # one rule for loopback
from . import scripts

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ElementHandle, Locator, Page

__all__ = [
    "NEVER_SAFE",
    "BlockedAttempt",
    "Guard",
    "GuardRefused",
    "PressRecord",
    "SimulatedOperator",
    "UnsafeCatalogue",
    "caption_key",
    "is_loopback_origin",
]

# Words no page may class as safe, whatever the catalogue says: a floor under the deny list.
NEVER_SAFE: tuple[str, ...] = (
    "同意する",
    "登録する",
    "送信",
    "確定",
    "申請する",
    "申し込む",
    "申込する",
    "提出",
)

CLICK_TIMEOUT_MS = 5_000  # bounded: a control that cannot be clicked in time is an error
READ_TIMEOUT_MS = 2_000
HUMAN_WINDOW_MS = 1_000  # a script submission this soon after a person's click is theirs
TOOL_MARK_MS = 10_000  # a mark covers the tool's click for this long
BINDING_NAME = "__nssafGuardReport"

_SPACE_RE = re.compile(r"\s+")

Outcome = Literal["pressed", "refused"]
PressedBy = Literal["tool", "simulated-operator"]


def caption_key(text: str | None) -> str:
    """Comparison key of a caption: NFKC, no white space, no invisible format characters."""
    out = unicodedata.normalize("NFKC", text or "")
    out = "".join(ch for ch in out if unicodedata.category(ch) != "Cf")
    return _SPACE_RE.sub("", out)


def _display(text: str | None) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", text or "")).strip()


class GuardRefused(NssAutofillError):
    """The guard refused a press. The site changed, or the caller asked for a guarded control."""

    exit_code = ExitCode.UNKNOWN_PAGE

    def __init__(self, caption: str, reason: str) -> None:
        super().__init__(f"refused to press {caption!r}: {reason}")
        self.caption = caption
        self.reason = reason


class UnsafeCatalogue(NssAutofillError):
    """The catalogue contradicts the guard (a consent/confirm page without a guarded control,
    a caption both guarded and safe, a safe caption holding a never-safe word)."""

    exit_code = ExitCode.INTERNAL


@dataclass(frozen=True)
class PressRecord:
    """One press the tool (or the simulated operator) made or was refused, for the report."""

    caption: str
    page_id: str | None
    outcome: Outcome
    by: PressedBy
    reason: str = ""


@dataclass(frozen=True)
class BlockedAttempt:
    """One activation the browser-side guard stopped (reported from the page)."""

    kind: str  # untrusted-click, untrusted-javascript-link, tool-click, enter-in-field, submit, …
    caption: str
    detail: str
    url: str


# Read in the page: structure and every caption of the control, its inner controls, its form.
_DESCRIBE_JS = r"""
(el) => {
  const CONTROL = "button, input, a, area, [role=button], [role=link], [onclick], label, summary";
  const attr = (e, n) => (e.getAttribute && e.getAttribute(n)) || "";
  const caps = (e) => {
    const out = [];
    if (e.localName === "input") {
      out.push(attr(e, "value"), attr(e, "alt"), String(e.value ?? ""));
    } else {
      out.push(e.innerText || e.textContent || "");
    }
    out.push(attr(e, "aria-label"), attr(e, "title"), attr(e, "alt"));
    for (const img of e.querySelectorAll("img[alt], [aria-label]")) {
      out.push(attr(img, "alt"), attr(img, "aria-label"));
    }
    return out.filter((s) => s && s.trim());
  };
  const primary = (e) => {
    if (e.localName === "input") {
      const t = (attr(e, "type") || "text").toLowerCase();
      if (t === "image") return attr(e, "alt") || attr(e, "value") || attr(e, "title");
      return String(e.value ?? "") || attr(e, "value") || attr(e, "aria-label") || attr(e, "title");
    }
    const label = attr(e, "aria-label");
    const txt = (e.innerText || e.textContent || "").trim();
    if (txt) return txt;
    if (label) return label;
    const img = e.querySelector("img[alt]");
    return (img && attr(img, "alt")) || attr(e, "title") || attr(e, "alt");
  };
  const type = (attr(el, "type") || "").toLowerCase();
  const tag = el.localName;
  const submits = (tag === "button" && (type === "" || type === "submit")) ||
    (tag === "input" && (type === "submit" || type === "image"));
  const form = el.form || (el.closest && el.closest("form")) || null;
  const code = (e) => {
    const out = [attr(e, "onclick"), attr(e, "formaction")];
    const href = attr(e, "href");
    if (href.trim().toLowerCase().startsWith("javascript:")) {
      out.push(href);
      try { out.push(decodeURIComponent(href)); } catch (err) {}
    }
    return out.filter((s) => s && s.trim());
  };
  const inner = [];
  const innerCode = [...code(el)];
  for (const c of el.querySelectorAll(CONTROL)) {
    inner.push(...caps(c));
    innerCode.push(...code(c));
  }
  const formCaps = [];
  let firstSubmit = null;
  if (form) {
    const seen = new Set();
    const all = [...form.elements, ...form.querySelectorAll(CONTROL)];
    for (const c of all) {
      if (seen.has(c)) continue;
      seen.add(c);
      formCaps.push(...caps(c));
      const ct = (attr(c, "type") || "").toLowerCase();
      const isSub = (c.localName === "button" && (ct === "" || ct === "submit")) ||
        (c.localName === "input" && (ct === "submit" || ct === "image"));
      if (isSub && firstSubmit === null) firstSubmit = primary(c) || "";
    }
  }
  return {
    tag, type, submits, inForm: !!form,
    primary: primary(el) || "",
    captions: caps(el),
    inner, code: innerCode, formCaptions: formCaps, firstSubmit,
    href: attr(el, "href"),
    origin: String(el.ownerDocument.location && el.ownerDocument.location.origin),
  };
}
"""

_MARK_JS = "(el) => { const g = window.__nssafGuard; return !!(g && g.mark(el)); }"


class Guard:
    """Performs every click of the tool and refuses consent / final-submit controls.

    Built from the catalogue only; there is deliberately no option, setting or environment
    variable that loosens it. ``records`` lists every press and refusal, ``blocked`` every
    attempt the browser-side script stopped.
    """

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        cat = catalogue if catalogue is not None else load_catalogue()
        _check_catalogue(cat)
        self._catalogue = cat
        self._guarded = frozenset(caption_key(c) for c in cat.guarded_captions)
        self._deny = tuple(k for k in (caption_key(d) for d in cat.deny_captions) if k)
        self._never_safe = tuple(caption_key(w) for w in NEVER_SAFE)
        self.records: list[PressRecord] = []
        self.blocked: list[BlockedAttempt] = []
        self._installed: set[int] = set()

    # ------------------------------------------------------------------ classification
    @property
    def catalogue(self) -> Catalogue:
        return self._catalogue

    @property
    def guarded_captions(self) -> frozenset[str]:
        """The consent/final-submit captions of the catalogue (as written there)."""
        return self._catalogue.guarded_captions

    def is_guarded(self, caption: str) -> bool:
        """True if ``caption`` holds a consent/final caption or a never-safe word."""
        key = caption_key(caption)
        if not key:
            return False
        return any(g and g in key for g in self._guarded) or any(w in key for w in self._never_safe)

    def classify(self, caption: str, page_spec: PageSpec | None) -> str | None:
        """Why ``caption`` may not be pressed by the tool on ``page_spec``; None if it may."""
        key = caption_key(caption)
        if not key:
            return None
        if any(g and g in key for g in self._guarded):
            return "classed consent/final submit in the catalogue"
        if any(w in key for w in self._never_safe):
            return "holds a word that is never safe to press"
        if page_spec is not None:
            for b in page_spec.buttons:
                if b.cls.guarded and caption_key(b.caption) in key:
                    return f"classed {b.cls.value} on page {page_spec.id}"
        hit = next((d for d in self._deny if d in key), None)
        if hit is None:
            return None
        if page_spec is not None:
            for b in page_spec.buttons:
                if not b.cls.guarded and caption_key(b.caption) == key:
                    return None
        where = f"page {page_spec.id}" if page_spec else "an unknown page"
        return f"holds the deny-listed word {hit!r} and is not classed safe on {where}"

    # ------------------------------------------------------------------ pressing
    def press(self, page: Page, target: Locator, caption: str, page_spec: PageSpec | None) -> None:
        """Click ``target`` (expected to read ``caption``) unless the guard refuses it.

        Raises :class:`GuardRefused` (and records the refusal) when any rule of the module
        docstring holds; never presses a key. The element checked is the element clicked: the
        locator is resolved once, so a page cannot swap the control between check and click.
        """
        page_id = page_spec.id if page_spec is not None else None
        handle: ElementHandle | None = None
        try:
            handle = self._resolve(target, caption, page_spec)
            self._check_element(handle, caption, page_spec)
            try:
                marked = bool(handle.evaluate(_MARK_JS))
            except Exception as exc:
                marked = False
                why = f"could not mark the control for the browser-side guard: {exc}"
            else:
                why = "the browser-side guard is not in this page: Guard.install(context) first"
            if not marked:
                raise GuardRefused(caption, why)
        except GuardRefused as exc:
            self._record(caption, page_id, "refused", exc.reason)
            _dispose(handle)
            raise
        try:
            handle.click(timeout=CLICK_TIMEOUT_MS)
        finally:
            _dispose(handle)
        self._record(caption, page_id, "pressed", "")

    def check(self, target: Locator, caption: str, page_spec: PageSpec | None) -> None:
        """Raise :class:`GuardRefused` if :meth:`press` would refuse; clicks and records nothing.

        For showing the operator what the tool will not press. :meth:`press` checks again at
        the moment of its own click.
        """
        handle = self._resolve(target, caption, page_spec)
        try:
            self._check_element(handle, caption, page_spec)
        finally:
            _dispose(handle)

    def _resolve(self, target: Locator, caption: str, page_spec: PageSpec | None) -> ElementHandle:
        """The one element ``target`` stands for, after the caption itself passed."""
        why = self.classify(caption, page_spec)
        if why:
            raise GuardRefused(caption, f"the caption asked for {why}")
        count = target.count()
        if count != 1:
            raise GuardRefused(caption, f"the locator matches {count} elements, not one")
        handle = target.element_handle(timeout=READ_TIMEOUT_MS)
        if handle is None:  # pragma: no cover - element_handle waits or raises
            raise GuardRefused(caption, "the control went away")
        return handle

    def _check_element(
        self, target: ElementHandle, caption: str, page_spec: PageSpec | None
    ) -> None:
        seen = self._read_isolated(target)
        info: dict[str, Any] = target.evaluate(_DESCRIBE_JS)
        all_caps = [*seen, *info["captions"]]
        for cap in all_caps:
            why = self.classify(cap, page_spec)
            if why:
                raise GuardRefused(caption, f"the control reads {_display(cap)!r}, which {why}")
        for cap in info["inner"]:
            why = self.classify(cap, page_spec)
            if why:
                raise GuardRefused(
                    caption, f"a control inside it reads {_display(cap)!r}, which {why}"
                )
        for src in info["code"]:
            if self.is_guarded(src):
                raise GuardRefused(caption, f"its script names a guarded control: {src[:120]!r}")
        shown = strip_decoration(caption_key(info["primary"]))
        if shown != strip_decoration(caption_key(caption)):  # 「次へ ＞」 reads 次へ
            raise GuardRefused(
                caption, f"the control reads {_display(info['primary'])!r}, not the caption asked"
            )
        if info["submits"] and info["inForm"]:
            first = info["firstSubmit"]
            if first is not None and self.is_guarded(first):
                raise GuardRefused(
                    caption, f"it would submit a form whose first submit button is {first!r}"
                )
            for cap in info["formCaptions"]:
                if self.is_guarded(cap):
                    raise GuardRefused(
                        caption, f"it would submit a form holding the guarded {_display(cap)!r}"
                    )

    @staticmethod
    def _read_isolated(target: ElementHandle) -> list[str]:
        """Captions read by Playwright's own element methods (its isolated world)."""
        out: list[str] = []
        for name in ("value", "alt", "aria-label", "title"):
            v = target.get_attribute(name)
            if v:
                out.append(v)
        for reader in (target.inner_text, target.text_content):
            v2 = reader()
            if v2:
                out.append(v2)
        return out

    def _record(self, caption: str, page_id: str | None, outcome: Outcome, reason: str) -> None:
        self.records.append(PressRecord(caption, page_id, outcome, "tool", reason))

    # ------------------------------------------------------------------ browser side
    def init_script(self) -> str:
        """The browser-side guard with this catalogue's captions injected as JSON."""
        cat = self._catalogue
        config = {
            "guarded": sorted(cat.guarded_captions),
            "neverSafe": list(NEVER_SAFE),
            "deny": list(cat.deny_captions),
            "safe": sorted(cat.safe_captions - cat.guarded_captions),
            "humanWindowMs": HUMAN_WINDOW_MS,
            "toolMarkMs": TOOL_MARK_MS,
        }
        src = scripts.source("guard.js")
        return src.replace("__NSS_GUARD_CONFIG__", json.dumps(config, ensure_ascii=True))

    def install(self, context: BrowserContext) -> None:
        """Add the browser-side guard to ``context`` (every page and frame, before page scripts)
        and the binding that reports blocked attempts into :attr:`blocked`.

        Install before opening pages; pages already open get it evaluated into their frames.
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


def _dispose(handle: ElementHandle | None) -> None:
    if handle is not None:
        with contextlib.suppress(Exception):  # its document may be gone after the click
            handle.dispose()


def _check_catalogue(cat: Catalogue) -> None:
    """Refuse a catalogue that would weaken the guard."""
    problems: list[str] = []
    if not cat.guarded_captions:
        problems.append("no caption is classed consent or final_submit")
    guarded_keys = {caption_key(c) for c in cat.guarded_captions}
    for p in cat.pages:
        if p.kind in (PageKind.CONSENT, PageKind.CONFIRM) and not p.guarded_buttons:
            problems.append(f"page {p.id} ({p.kind.value}) has no consent/final_submit button")
        for b in p.buttons:
            if b.cls.guarded:
                continue
            key = caption_key(b.caption)
            if key in guarded_keys:
                problems.append(f"{b.caption!r} is guarded on one page and {b.cls.value} on {p.id}")
            if any(caption_key(w) in key for w in NEVER_SAFE):
                problems.append(f"{b.caption!r} on {p.id} is classed {b.cls.value}: never safe")
    if problems:
        raise UnsafeCatalogue("the catalogue weakens the guard: " + "; ".join(problems))


# ---------------------------------------------------------------------- simulated operator
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

    def press_guarded(self, page: Page, caption: str, page_spec: PageSpec | None) -> None:
        """Press the consent / final control ``caption`` as the simulated human, on loopback."""
        page_id = page_spec.id if page_spec is not None else None
        try:
            target = self._check(page, caption, page_spec)
        except GuardRefused as exc:
            self._record(caption, page_id, "refused", exc.reason)
            raise
        target.click(timeout=CLICK_TIMEOUT_MS)
        self._record(caption, page_id, "pressed", "simulated operator on a loopback origin")

    def _check(self, page: Page, caption: str, page_spec: PageSpec | None) -> Locator:
        key = caption_key(caption)
        guarded_here = {
            caption_key(b.caption)
            for b in (page_spec.buttons if page_spec is not None else ())
            if b.cls in (ButtonClass.CONSENT, ButtonClass.FINAL_SUBMIT)
        }
        if key not in self._guarded and key not in guarded_here:
            raise GuardRefused(caption, "not a consent/final control; the tool's Guard presses it")
        self._check_origin(page.url, caption, "the page URL")
        frame_origin = str(page.evaluate("() => String(location.origin)"))
        self._check_origin(frame_origin, caption, "the frame's location.origin")
        if _origin_of(frame_origin) != _origin_of(page.url):
            raise GuardRefused(caption, "the frame's origin differs from the page URL")
        target = page.get_by_role("button", name=caption, exact=True).or_(
            page.get_by_role("link", name=caption, exact=True)
        )
        count = target.count()
        if count != 1:
            raise GuardRefused(caption, f"{count} controls read {caption!r}, not one")
        el_origin = str(target.evaluate("(el) => String(el.ownerDocument.location.origin)"))
        self._check_origin(el_origin, caption, "the control's document")
        return target

    def _check_origin(self, url: str, caption: str, what: str) -> None:
        if not is_loopback_origin(url):
            raise GuardRefused(caption, f"{what} ({url}) is not a loopback origin")
        if _origin_of(url) not in self._allowed:
            raise GuardRefused(caption, f"{what} ({url}) is not an allowed origin")

    def _record(self, caption: str, page_id: str | None, outcome: Outcome, reason: str) -> None:
        self.records.append(PressRecord(caption, page_id, outcome, "simulated-operator", reason))
