"""Page scripts: the one way the engine loads and calls the JavaScript in ``nss_autofill/js``.

Every script is a file in ``js/``; ``/* @include other.js */`` pulls in a shared file. The
scripts the engine calls on every page are installed once per browser context as an init script
(:func:`install`): a hidden registry ``window.__nssaf`` holds them, so a call sends a name and an
argument instead of 10 kB of source (one round trip of ~1 ms instead of 10-100 ms). Calls go
through :func:`direct` (the browser's DevTools protocol where it has one). Each page is read
ahead while it loads; the arrival takes that reading when nothing changed since (see
:func:`init_script`). The guard (``guard.js``) and the overlay (``overlay.js``) are loaded here
too. Every page global the tool sets starts with ``__nssaf``.

Example::

    >>> install(context, reading_options(catalogue))   # once, before pages open
    >>> call(page, "reading.js", {"steps": [...], "tabs": [...]})
"""

from __future__ import annotations

import contextlib
import json
import re
import weakref
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from playwright.sync_api import BrowserContext, CDPSession, Page
from playwright.sync_api import Error as PlaywrightError
from tenacity import retry, retry_if_exception, stop_after_attempt

PREFIX = "__nssaf"  # every page global the tool sets starts with this
REGISTRY = PREFIX  # window.__nssaf: the installed page scripts
DOC_MARK = PREFIX + "Doc"  # the document token (a new one per document)
_MISSING = PREFIX + "_missing__"
_INCLUDE = re.compile(r"/\* @include ([\w.]+) \*/")

# The scripts every page gets at its start (see :func:`init_script`).
INSTALLED = (
    "reading.js",
    "write.js",
    "wait_value.js",
    "rows.js",
    "quiet.js",
    "session.js",
    "snapshot.js",
)


@lru_cache(maxsize=16)
def source(name: str) -> str:
    """The text of ``js/<name>`` with its ``/* @include … */`` lines replaced."""
    src = resources.files("nss_autofill").joinpath("js", name).read_text(encoding="utf-8")
    return _INCLUDE.sub(lambda m: source(m.group(1)), src)


def _navigating(exc: BaseException) -> bool:
    """A page script raced with a navigation: reading again after the load succeeds."""
    if not isinstance(exc, PlaywrightError):
        return False
    msg = str(exc)
    return "context was destroyed" in msg or "navigat" in msg.lower()


def evaluate(page: Page, script: str, arg: Any = None) -> Any:
    """``page.evaluate`` that survives a navigation racing with it (up to 3 tries).

    In Chromium and Edge it goes straight to the browser (:func:`direct`): the same call in the
    page's own world, without the helper script Playwright first puts into every new document
    for its own evaluations (5-10 ms on each page's first call).
    """

    @retry(retry=retry_if_exception(_navigating), stop=stop_after_attempt(3), reraise=True)
    def attempt() -> Any:
        try:
            return direct(page, script, arg)
        except PlaywrightError as exc:
            if _navigating(exc):
                page.wait_for_load_state("domcontentloaded", timeout=5000)
            raise

    return attempt()


_SESSIONS: weakref.WeakKeyDictionary[Page, CDPSession | None] = weakref.WeakKeyDictionary()


def direct(page: Page, script: str, arg: Any = None) -> Any:
    """Call the function ``script`` with ``arg`` in the page's top document, as
    ``page.evaluate`` does: the answer by value (a promise awaited), a script's exception as a
    Playwright ``Error``. Through the browser's DevTools protocol where the browser has one
    (one session per page, opened on first use), else ``page.evaluate``.
    """
    if page not in _SESSIONS:
        session = None
        with contextlib.suppress(PlaywrightError):  # not Chromium, or the page is closing
            session = page.context.new_cdp_session(page)
        _SESSIONS[page] = session
    session = _SESSIONS[page]
    if session is None:
        return page.evaluate(script, arg)
    # the argument as a JSON literal (ASCII only: U+2028 and U+2029 escaped too)
    expression = f"({script})({json.dumps(arg, ensure_ascii=True)})"
    try:
        out = session.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
    except PlaywrightError as exc:
        if _navigating(exc):
            raise
        # the session itself failed (detached, or a process swap closed it): this call as
        # Playwright makes it, and a new session on the next one
        del _SESSIONS[page]
        return page.evaluate(script, arg)
    failed = out.get("exceptionDetails")
    if failed:
        thrown = failed.get("exception") or {}
        raise PlaywrightError(str(thrown.get("description") or failed.get("text") or failed))
    return out.get("result", {}).get("value")


@lru_cache(maxsize=8)
def init_script(ahead: str = "{}") -> str:
    """The init script: the registry of page scripts, a document token and a DOM-quiet clock.

    The clock keeps the time of the document's last mutation since its start, so waiting for a
    quiet DOM need not watch from scratch on a page that has long been quiet. ``arrive`` waits
    for the page to settle and reads it in one call, from one document, with the document's
    token and where its guarded controls submit. ``fillRound`` writes a fill step's controls,
    waits for the page to settle again and reads it: a round of filling in one call.
    ``helperRound``, after a helper press (反映), waits for the values its script writes, for
    the page to settle, and reads it: one call. ``ahead``: the reading options (JSON) of the
    reading made ahead while each page loads, which ``arrive`` takes when it was asked with the
    same options and nothing changed since.
    """
    entries = "\n".join(f"  reg[{name!r}] = {source(name)};" for name in INSTALLED)
    return f"""(() => {{
  if (window.{REGISTRY}) return;
  const reg = {{}};
  Object.defineProperty(window, "{REGISTRY}", {{value: reg, enumerable: false}});
{entries}
  let last = performance.now();
  // The clock: the time of the last DOM change. Changes the observer has not been told of yet
  // (its callback runs later, e.g. after the listener of the event that follows the parser's
  // last insertions) are taken first, so a reading and its clock always agree.
  const clock = new MutationObserver(() => {{ last = performance.now(); }});
  const lastChange = () => {{
    if (clock.takeRecords().length) last = performance.now();
    return last;
  }};
  reg.lastMutation = lastChange;
  // Large answers go back as JSON text: Playwright copies a string at once, where it walks an
  // object value by value on both sides (a reading: 23 ms as objects, 9 ms as text). A page's
  // toJSON methods (Prototype.js puts one on Array.prototype) are set aside meanwhile.
  const stringify = JSON.stringify;
  const gopd = Object.getOwnPropertyDescriptor;
  const defp = Object.defineProperty;
  const protos = [Object.prototype, Array.prototype, String.prototype, Number.prototype,
    Boolean.prototype];
  reg.json = (v) => {{
    const saved = [];
    for (let i = 0; i < protos.length; i++) {{
      const d = gopd(protos[i], "toJSON");
      if (d && d.configurable) {{
        saved[saved.length] = [protos[i], d];
        delete protos[i].toJSON;
      }}
    }}
    try {{
      return stringify(v);
    }} finally {{
      for (let i = 0; i < saved.length; i++) defp(saved[i][0], "toJSON", saved[i][1]);
    }}
  }};
  const targets = () => {{
    const g = window.__nssafGuard;
    return g && g.targets ? g.targets() : [];
  }};
  // The page read ahead while it loads (below), for the tool's arrival: taken when the
  // arrival comes with the same options and nothing changed since, neither in the DOM (the
  // clock) nor in what the reading's own check looks at; else the page is read afresh.
  const AHEAD = {ahead};
  let ahead = null;
  let taken = false;  // a call of the tool's has read the page (no more reading ahead)
  // (ms: how long it waited for the page to settle, how long the reading took, and when the page
  // settled, in milliseconds since the epoch; ahead: the reading made ahead was taken)
  const read = async (a, out, arrival) => {{
    const t0 = performance.now();
    out.settled = await reg["quiet.js"](a.quiet);
    const t1 = performance.now();
    // when it settled by this clock: loaded (its load handlers done), and no DOM change for
    // ``quiet`` ms since the last
    const nav = performance.getEntriesByType("navigation")[0];
    const loaded = nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : t1;
    const settledAt = Math.min(t1, Math.max(loaded, lastChange() + a.quiet.quiet));
    const early = ahead;
    ahead = null;
    taken = true;
    out.ahead = !!(arrival && early && early.clock === lastChange() &&
      early.opts === reg.json(a.reading) && early.reading.ahead.still());
    if (out.ahead) early.reading.ahead.apply();
    out.reading = out.ahead ? early.reading : reg["reading.js"](a.reading);
    out.reading.mark = window.{DOC_MARK} || null;
    out.reading.targets = targets();
    out.ms = {{wait: t1 - t0, read: performance.now() - t1,
      settledAt: performance.timeOrigin + settledAt}};
    return out;
  }};
  reg.arrive = (a) => read(a, {{}}, true).then(reg.json);
  reg.fillRound = (a) => read(a, {{answers: reg["write.js"](a.ops)}}).then(reg.json);
  // after a helper (反映): the values its script writes into the controls marked ``waits``
  // (present: whether that control is still there after the wait), then settled and read
  reg.helperRound = async (a) => {{
    const values = await Promise.all(a.waits.map((sel) => reg["wait_value.js"](
      {{sel, max: a.quiet.max, quiet: a.valueQuiet}})));
    const present = a.waits.map((sel) => !!document.querySelector(sel));
    return read(a, {{present, values}}).then(reg.json);
  }};
  // The reading ahead, which marks nothing (the page sees no change). First once the page's
  // HTML is parsed (DOMContentLoaded), while its pictures may still be loading: the renderer
  // would wait for the network then, and V8 runs the reading once before the page settles.
  // Skipped while a stylesheet is still loading (the layout is not the page's yet). Then once
  // the page has loaded and run its own load handlers: read again only if something changed
  // since (in the DOM or in what the reading's own check looks at) and the tool has not read
  // the page yet.
  reg.readAheadAt = [];  // when each reading ahead began (page clock; for tests and benches)
  const readAhead = () => {{
    reg.readAheadAt.push(performance.now());
    try {{
      const reading = reg["reading.js"]({{...AHEAD, ahead: true}});
      ahead = {{reading, clock: lastChange(), opts: reg.json(AHEAD)}};
    }} catch (e) {{ /* the tool's own reading will tell */ }}
  }};
  const sheetsLoading = () => {{
    for (const link of document.querySelectorAll("link[rel~=stylesheet i]")) {{
      if (!link.sheet && !link.disabled) return true;
    }}
    return false;
  }};
  document.addEventListener("DOMContentLoaded", () => {{
    if (!taken && !sheetsLoading()) readAhead();
  }}, {{once: true}});
  addEventListener("load", () => setTimeout(() => {{
    if (!taken && !(ahead && ahead.clock === lastChange() && ahead.reading.ahead.still())) {{
      readAhead();
    }}
    reg.readAhead = true;
  }}, 0), {{once: true}});
  clock.observe(document,
    {{subtree: true, childList: true, attributes: true, characterData: true}});
  window.{DOC_MARK} = window.{DOC_MARK} ||
    (performance.timeOrigin.toString(36) + Math.random().toString(36).slice(2));
}})();"""


def install(context: BrowserContext, reading: Mapping[str, Any] | None = None) -> None:
    """Give every document of ``context`` the page scripts from its start; ``reading``: the
    options the tool reads pages with (the step and tab names), for the reading made ahead
    once each page has loaded.

    Optional: :func:`call` installs a missing script into a document on first use.
    """
    # a JSON literal in the script (ASCII only); as text, so that the script is made once
    context.add_init_script(script=init_script(json.dumps(dict(reading or {}), ensure_ascii=True)))


_CALL = f"""([name, arg]) => {{
  const reg = window.{REGISTRY};
  return reg && reg[name] ? reg[name](arg) : "{_MISSING}";
}}"""


_CALL_JSON = f"""([name, arg]) => {{
  const reg = window.{REGISTRY};
  return reg && reg[name] && reg.json ? reg.json(reg[name](arg)) : "{_MISSING}";
}}"""


def call_json(page: Page, name: str, arg: Any = None) -> Any:
    """:func:`call` for a script with a large answer: it comes back as JSON text (see
    ``reg.json`` in :func:`init_script`); where the registry has no ``json``, as :func:`call`."""
    return decoded(evaluate(page, _CALL_JSON, [name, arg]), lambda: call(page, name, arg))


def decoded(out: Any, otherwise: Any = None) -> Any:
    """An answer of the registry: JSON text decoded; the missing marker is ``otherwise()``
    (or the marker itself when there is none); anything else as it came."""
    if missing(out):
        return otherwise() if otherwise is not None else out
    if isinstance(out, str):
        return json.loads(out)
    return out


def _install_one(name: str) -> str:
    return f"""() => {{
  if (!window.{REGISTRY}) {{
    Object.defineProperty(window, "{REGISTRY}", {{value: {{}}, enumerable: false}});
  }}
  window.{REGISTRY}[{name!r}] = {source(name)};
}}"""


def call(page: Page, name: str, arg: Any = None) -> Any:
    """Call the page script ``js/<name>`` with ``arg``, installing it in the document if new."""
    out = evaluate(page, _CALL, [name, arg])
    if isinstance(out, str) and out == _MISSING:
        evaluate(page, _install_one(name))
        out = evaluate(page, _CALL, [name, arg])
        if isinstance(out, str) and out == _MISSING:  # navigated in between: plain call
            out = evaluate(page, source(name), arg)
    return out


def call_helper(page: Page, fn: str, arg: Any = None) -> Any:
    """One function of ``js/session.js`` (document tokens, the mock mail box).

    No retry: the session asks these while a navigation may be under way, and a call that
    races with it must fail at once (the caller reads that as "the page is changing"), not
    wait for the next document.
    """
    out = page.evaluate(_CALL, ["session.js", {"fn": fn, "arg": arg}])
    if missing(out):
        out = page.evaluate(source("session.js"), {"fn": fn, "arg": arg})
    return out


ARRIVE = f"""(arg) => {{
  const reg = window.{REGISTRY};
  return reg && reg.arrive ? reg.arrive(arg) : "{_MISSING}";
}}"""

FILL_ROUND = f"""(arg) => {{
  const reg = window.{REGISTRY};
  return reg && reg.fillRound ? reg.fillRound(arg) : "{_MISSING}";
}}"""

HELPER_ROUND = f"""(arg) => {{
  const reg = window.{REGISTRY};
  return reg && reg.helperRound ? reg.helperRound(arg) : "{_MISSING}";
}}"""


def missing(value: Any) -> bool:
    """Whether a registry call found no page scripts in the document."""
    return isinstance(value, str) and value == _MISSING
