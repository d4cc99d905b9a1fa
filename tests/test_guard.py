"""The guard: the tool never presses consent / final-submit controls, and no page script can.

Every browser test asserts on **what the mock server received** (``guarded_posts()`` empty,
also checked by the autouse fixture in conftest) and on the guard's own records: the press
records of :class:`Guard` and the attempts the browser-side script reported (``Guard.blocked``).
Each hostile trigger also runs once *without* the guard against a harmless POST path, which
proves the page really submits when nothing stops it (so "nothing arrived" means "stopped").
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, Route
from playwright.sync_api import Error as PlaywrightError

from nss_autofill.engine import guard as guard_module
from nss_autofill.engine.guard import (
    NEVER_SAFE,
    Guard,
    GuardRefused,
    PressRecord,
    SimulatedOperator,
    UnsafeCatalogue,
    caption_key,
    is_loopback_origin,
)
from nss_autofill.mock.server import MockSite
from nss_autofill.site.catalogue import Catalogue, PageSpec, load_catalogue

FINAL = "申込内容を登録する"
CONSENT = "システム利用規定に同意する"
CAT = load_catalogue()

# --------------------------------------------------------------------------- helpers


def _html(body: str, script: str = "") -> str:
    return (
        '<!doctype html><html lang="ja"><head><meta charset="utf-8">'
        "<title>NACCSサポートシステム</title></head><body>"
        f"{body}<script>{script}</script></body></html>"
    )


def _wait(cond: Callable[[], bool], page: Page, timeout: float = 3.0) -> bool:
    """Poll ``cond`` while letting Playwright deliver events (binding calls) to Python."""
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(50)
    return True


def _poll(cond: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll a server-side condition without touching the browser."""
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _control(page: Page, caption: str) -> Locator:
    """The button or link a person reads as ``caption`` (the mock uses both)."""
    return page.get_by_role("button", name=caption, exact=True).or_(
        page.get_by_role("link", name=caption, exact=True)
    )


def _script(page: Page, fn: str) -> None:
    """Run the page-script function ``fn`` in its own task, as a page's own code would (and so
    that no evaluate waits across the navigation a submission starts)."""
    page.evaluate("(src) => { setTimeout((0, eval)('(' + src + ')'), 0); }", fn)


def _settle(page: Page, site: MockSite, quiet_s: float = 0.3, timeout_s: float = 10.0) -> None:
    """Wait until a stray submission has either reached the mock or cannot any more: the page
    has finished loading what it started, and the mock's request log stays unchanged for
    ``quiet_s`` (a request resets the wait)."""
    with contextlib.suppress(PlaywrightError):
        page.wait_for_load_state("load", timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    seen, since = len(site.requests), time.monotonic()
    while time.monotonic() - since < quiet_s:
        assert time.monotonic() < deadline, "the mock kept receiving requests"
        page.wait_for_timeout(50)  # lets Playwright deliver the page's events meanwhile
        count = len(site.requests)
        if count != seen:
            seen, since = count, time.monotonic()


@pytest.fixture
def guard(context: BrowserContext) -> Guard:
    """A guard from the shipped catalogue; the context's waits are bounded (no test hangs)."""
    context.set_default_timeout(15_000)
    context.set_default_navigation_timeout(15_000)
    return Guard(CAT)


@pytest.fixture
def armed_page(context: BrowserContext, guard: Guard) -> Iterator[Page]:
    """A fresh page in a context with the guard installed before anything loads.

    Not closed here: ``page.close()`` while a POST navigation is still in flight (a test's last
    click) hangs now and then in this Playwright/Chromium; closing the context does not.
    """
    guard.install(context)
    yield context.new_page()


def _open(page: Page, site: MockSite, path: str, html: str, kind: str = "final") -> str:
    """Serve ``html`` at ``path`` and open it; its forms (``action=""``) post to
    ``path/commit``, an endpoint the mock records as ``kind`` (a final one by default)."""
    commit = site.add_page(path + "/commit", "<p>posted</p>", post_kind=kind)
    url = site.add_page(path, html.replace('action=""', f'action="{commit}"'))
    page.goto(url)
    return url


# A form whose first submit button is the final submit, with a text field before it.
_FINAL_FORM = f"""
<form id="f" method="post" action="">
  <label for="memo">備考</label><input type="text" id="memo" name="memo" value="x">
  <input type="submit" id="final" name="btnTouroku" value="{FINAL}">
  <button type="button" id="next" onclick="document.forms[0].submit()">次へ</button>
</form>
"""

# --------------------------------------------------------------------------- (1) real pages


def _refuse(guard: Guard, page: Page, selector: str, caption: str, spec: PageSpec | None) -> str:
    with pytest.raises(GuardRefused) as info:
        guard.press(page, page.locator(selector), caption, spec)
    assert guard.records[-1].outcome == "refused"
    assert guard.records[-1].by == "tool"
    return info.value.reason


@pytest.mark.parametrize(
    ("page_id", "caption"),
    [("terms", CONSENT), ("temp-confirm", FINAL), ("apply-confirm", FINAL)],
)
def test_press_refuses_every_guarded_control_on_the_fixture_pages(
    armed_page: Page, guard: Guard, any_mock_site: MockSite, page_id: str, caption: str
) -> None:
    mock_site = any_mock_site
    page = armed_page
    page.goto(mock_site.url_for(page_id))
    spec = CAT.page(page_id)
    control = _control(page, caption)
    assert control.count() == 1, f"{page_id} shows {caption}"
    # asked by its own caption, with and without the page spec
    for s in (spec, None):
        with pytest.raises(GuardRefused):
            guard.press(page, control, caption, s)
    # a harmless caption asked for, but the DOM reads the guarded one
    for harmless in ("次へ", "戻る", "反映"):
        with pytest.raises(GuardRefused) as info:
            guard.press(page, control, harmless, spec)
        assert caption in info.value.reason
    # decorated variants of the caption are still the caption
    for variant in (caption + " ", "\u3000" + caption, caption[:3] + "\u200b" + caption[3:]):
        with pytest.raises(GuardRefused):
            guard.press(page, control, variant, spec)
    _settle(page, any_mock_site)
    assert mock_site.guarded_posts() == []
    assert guard.records
    assert all(r.outcome == "refused" for r in guard.records)
    assert not any(r.outcome == "pressed" for r in guard.records)


def test_press_refuses_deny_list_captions_on_an_unknown_page(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    body = "".join(
        f'<form method="post" action=""><button id="b{i}">{c}</button></form>'  # each posts
        for i, c in enumerate(("同意する", "送信", "確定", "申請", "提出する"))
    )
    _open(armed_page, mock_site, "/hostile/deny", _html(body))
    for i, cap in enumerate(("同意する", "送信", "確定", "申請", "提出する")):
        reason = _refuse(guard, armed_page, f"#b{i}", cap, None)
        assert "caption asked for" in reason
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


def test_deny_list_caption_classed_safe_on_the_page_is_pressed(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """「同意しない」 holds 同意 but the terms page classes it navigation: pressed there only."""
    body = (
        '<button type="button" id="no" onclick="this.textContent=\'押された\'">同意しない</button>'
    )
    _open(armed_page, mock_site, "/hostile/no", _html(body))
    _refuse(guard, armed_page, "#no", "同意しない", None)
    _refuse(guard, armed_page, "#no", "同意しない", CAT.page("temp-apply"))
    guard.press(armed_page, armed_page.locator("#no"), "同意しない", CAT.page("terms"))
    assert armed_page.locator("#no").inner_text() == "押された"
    assert guard.records[-1] == PressRecord("同意しない", "terms", "pressed", "tool", "")


def test_press_clicks_a_safe_control_and_records_it(
    armed_page: Page, guard: Guard, any_mock_site: MockSite
) -> None:
    mock_site = any_mock_site
    page = armed_page
    page.goto(mock_site.url_for("temp-apply"))
    spec = CAT.page("temp-apply")
    back = _control(page, "戻る")
    # a caption the DOM does not show is refused
    reason = _refuse(guard, page, "text=戻る >> nth=0", "次へ", spec)
    assert "not the caption asked" in reason
    guard.press(page, back, "戻る", spec)
    assert guard.records[-1].outcome == "pressed"
    assert mock_site.guarded_posts() == []


def _served_page_ids() -> list[str]:
    from nss_autofill.mock.flow import BY_ID

    return [p.id for p in CAT.pages if p.id in BY_ID]


_INSPECT = (
    "(el) => { const g = window.__nssafGuard; return g && g.inspect ? g.inspect(el) : null; }"
)


def _check(guard: Guard, target: Locator, caption: str, spec: PageSpec) -> None:
    """What ``Guard.press`` decides about a control before its click, without the click: the
    caption's class, the one element, and the browser-side guard's reading of it."""
    handle = guard._resolve(target, caption, spec)
    try:
        info = handle.evaluate(_INSPECT)
        if not isinstance(info, dict):
            raise GuardRefused(caption, "the browser-side guard is not in this page")
        guard._decide(info, caption, spec)
    finally:
        handle.dispose()


@pytest.mark.parametrize("page_id", _served_page_ids())
def test_every_fixture_page_safe_controls_pass_and_guarded_ones_do_not(
    armed_page: Page, guard: Guard, any_mock_site: MockSite, page_id: str
) -> None:
    """No false positives the session would trip on: every navigation/choice/helper control the
    catalogue lists passes the checks on its page; every consent/final control is refused."""
    mock_site = any_mock_site
    page = armed_page
    page.goto(mock_site.url_for(page_id))
    spec = CAT.page(page_id)
    missing = []
    for b in spec.buttons:
        loc = _control(page, b.caption)
        if loc.count() == 0:
            missing.append(b.caption)
        for i in range(loc.count()):
            if b.cls.guarded:
                with pytest.raises(GuardRefused):
                    _check(guard, loc.nth(i), b.caption, spec)
            else:
                _check(guard, loc.nth(i), b.caption, spec)
    # every button the catalogue lists for the page is on the fixture page (no known exception)
    assert missing == [], f"{page_id} ({mock_site.style}) shows none of {missing}"
    assert guard.records == []  # the checks record nothing and click nothing
    assert mock_site.posts == []


# --------------------------------------------------------------------------- (2) six triggers
# Each trigger runs on a hostile page. Armed: the guard is installed, the page's form posts to a
# path the mock records as "final", and nothing may arrive. Control: no guard, a path recorded as
# "other", and the same trigger must post (the page works; the guard is what stopped it).


def _js_click(page: Page) -> None:
    _script(page, "() => document.getElementById('final').click()")


def _dispatch_click(page: Page) -> None:
    _script(
        page,
        "() => document.getElementById('final').dispatchEvent("
        "new MouseEvent('click', {bubbles: true, cancelable: true}))",
    )


def _synthetic_enter(page: Page) -> None:
    # what a page script does to fake implicit submission: a synthetic Enter, then requestSubmit
    _script(
        page,
        """() => {
        const f = document.getElementById('memo');
        f.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
        f.form.requestSubmit();
    }""",
    )


def _real_enter(page: Page) -> None:
    # a trusted Enter, as a person's keyboard (the tool itself never presses keys)
    page.locator("#memo").press("Enter")


def _onclick_submit(page: Page) -> None:
    # script clicks a harmless-looking button whose onclick calls form.submit()
    _script(page, "() => document.getElementById('next').click()")


def _script_submit(page: Page) -> None:
    _script(page, "() => document.forms[0].submit()")


def _request_submit_with_final(page: Page) -> None:
    _script(page, "() => document.forms[0].requestSubmit(document.getElementById('final'))")


def _borrowed_submit(page: Page) -> None:
    # form.submit() taken from a fresh iframe's realm, which no init script patched yet
    _script(
        page,
        """() => {
        const fr = document.createElement('iframe');
        document.body.appendChild(fr);
        fr.contentWindow.HTMLFormElement.prototype.submit.call(document.forms[0]);
    }""",
    )


def _sandboxed_realm_submit(page: Page) -> None:
    # an iframe where no script (so no init script) may run still lends its realm's submit()
    _script(
        page,
        """() => {
        const fr = document.createElement('iframe');
        fr.setAttribute('sandbox', 'allow-same-origin');
        document.body.appendChild(fr);
        fr.contentWindow.HTMLFormElement.prototype.submit.call(document.forms[0]);
    }""",
    )


_FORM_TRIGGERS: dict[str, Callable[[Page], None]] = {
    "js-el.click": _js_click,
    "dispatchEvent-click": _dispatch_click,
    "synthetic-enter+requestSubmit": _synthetic_enter,
    "real-enter-in-field": _real_enter,
    "onclick-form.submit": _onclick_submit,
    "script-form.submit": _script_submit,
    "requestSubmit(final)": _request_submit_with_final,
    "borrowed-realm-submit": _borrowed_submit,
    "sandboxed-realm-submit": _sandboxed_realm_submit,
}


# Which browser-side rule stops each trigger (the last report; earlier ones may come first).
_LAYER = {
    "js-el.click": "untrusted-click",
    "dispatchEvent-click": "untrusted-click",
    "synthetic-enter+requestSubmit": "form.requestSubmit",
    "real-enter-in-field": "enter-in-field",
    "onclick-form.submit": "form.submit",
    "script-form.submit": "form.submit",
    "requestSubmit(final)": "form.requestSubmit",
    "borrowed-realm-submit": "form.submit",
    "sandboxed-realm-submit": "form.submit",
    "javascript-link-harmless-caption": "form.submit",  # its script submits the guarded form
    "javascript-link-guarded-caption": "untrusted-click",
    "target-blank-form.submit": "form.submit",
    "target-blank-el.click": "untrusted-click",
    "submit-on-field-change": "form.submit",
    "div-onclick-el.click": "untrusted-click",
    "input-image-el.click": "untrusted-click",
}


_BLOCKED_DETAIL = {
    "untrusted-click": "script click on a guarded control",
    "enter-in-field": "Enter in a field of a guarded form",
    "form.submit": "script submit() of a guarded form",
    "form.requestSubmit": "script requestSubmit() of a guarded form",
}


def _run_trigger(
    context: BrowserContext,
    guard: Guard,
    site: MockSite,
    armed: bool,
    name: str,
    html: str,
    trigger: Callable[[Page], None],
) -> None:
    if armed:
        guard.install(context)
    page = context.new_page()
    path = f"/hostile/{'armed' if armed else 'control'}/{abs(hash(name))}"
    _open(page, site, path, html, kind="final" if armed else "other")
    trigger(page)
    if armed:
        assert _wait(lambda: bool(guard.blocked), page), f"{name}: nothing reported as blocked"
        _settle(page, site)
        assert site.posts == [], f"{name}: reached the server"
        assert site.guarded_posts() == []
        kinds = [b.kind for b in guard.blocked]
        assert kinds[-1] == _LAYER[name], f"{name}: stopped by {kinds}, not {_LAYER[name]}"
        for b in guard.blocked:  # each report names the final control and why
            assert (b.caption, b.detail) == (FINAL, _BLOCKED_DETAIL[b.kind]), b
    else:
        # The server thread records the POST: poll it without calling into the page, which
        # may be in the middle of the navigation the submission started.
        assert _poll(lambda: bool(site.posts)), f"{name}: the control page never posted"
        assert guard.blocked == []


# Control runs whose trigger submits with the final button as the submitter: its name and
# caption are in the body, a guarded request the control sends on purpose (exactly one).
_SUBMITS_WITH_FINAL = {"js-el.click", "dispatchEvent-click", "real-enter-in-field",
                       "requestSubmit(final)"}  # fmt: skip


def _armed_and_control(names: list[str]) -> list[Any]:
    out = []
    for name in names:
        for armed in (True, False):
            sends = not armed and name in _SUBMITS_WITH_FINAL
            marks = [pytest.mark.mock_selftest(1)] if sends else []
            ident = f"{name}-{'armed' if armed else 'control'}"
            out.append(pytest.param(name, armed, marks=marks, id=ident))
    return out


@pytest.mark.parametrize(("name", "armed"), _armed_and_control(list(_FORM_TRIGGERS)))
def test_script_triggers_cannot_submit_the_final_form(
    context: BrowserContext, guard: Guard, mock_site: MockSite, name: str, armed: bool
) -> None:
    _run_trigger(context, guard, mock_site, armed, name, _html(_FINAL_FORM), _FORM_TRIGGERS[name])


_JS_LINK = (
    _html(
        f'<form method="post" action=""><input name="a" value="1">'
        f'<input type="submit" value="{FINAL}"></form>'
        '<a id="link" href="javascript:document.forms[0].submit()">次へ</a>'
        f'<a id="link2" href="javascript:document.forms[0].submit()">{FINAL}</a>'
    ),
    {
        "javascript-link-harmless-caption": "() => document.getElementById('link').click()",
        "javascript-link-guarded-caption": "() => document.getElementById('link2').click()",
    },
)

_BLANK = (
    _html(
        f'<form method="post" action="" target="_blank"><input name="a" value="1">'
        f'<input type="submit" id="final" value="{FINAL}"></form>'
    ),
    {
        "target-blank-form.submit": "() => document.forms[0].submit()",
        "target-blank-el.click": "() => document.getElementById('final').click()",
    },
)

_ONCHANGE = (
    _html(
        f'<form method="post" action=""><input name="a" id="a" value="">'
        f'<input type="submit" value="{FINAL}"></form>',
        "document.getElementById('a').addEventListener('change', (e) => e.target.form.submit());",
    ),
    {
        "submit-on-field-change": "() => { const a = document.getElementById('a');"
        " a.value = 'x'; a.dispatchEvent(new Event('change')); }",
    },
)

_DISGUISED = (
    _html(
        f'<form method="post" action=""><input name="a" value="1"></form>'
        f'<div id="div" onclick="document.forms[0].submit()">{FINAL}</div>'
        f'<form method="post" action=""><input type="image" id="img" alt="{FINAL}" '
        'src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="20"></form>'
    ),
    {
        "div-onclick-el.click": "() => document.getElementById('div').click()",
        "input-image-el.click": "() => document.getElementById('img').click()",
    },
)

_OTHER_TRIGGERS = {
    name: (html, js)
    for html, table in (_JS_LINK, _BLANK, _ONCHANGE, _DISGUISED)
    for name, js in table.items()
}


@pytest.mark.parametrize(("name", "armed"), _armed_and_control(list(_OTHER_TRIGGERS)))
def test_links_blank_targets_change_handlers_and_disguises_cannot_submit(
    context: BrowserContext, guard: Guard, mock_site: MockSite, name: str, armed: bool
) -> None:
    html, js = _OTHER_TRIGGERS[name]
    _run_trigger(context, guard, mock_site, armed, name, html, lambda p: _script(p, js))


def test_the_tools_own_press_of_a_harmless_button_cannot_submit_a_guarded_form(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """「次へ」 (type=button) passes the Python checks; its onclick calls form.submit() on the
    final form. The tool's click is trusted but marked, so it is not a person's: blocked."""
    _open(armed_page, mock_site, "/hostile/tool-next", _html(_FINAL_FORM))
    guard.press(armed_page, armed_page.locator("#next"), "次へ", None)
    assert guard.records[-1].outcome == "pressed"
    assert _wait(lambda: bool(guard.blocked), armed_page)
    assert guard.blocked[0].kind == "form.submit"
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


def test_press_refuses_a_submit_control_of_a_guarded_form(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    body = (
        f'<form method="post" action=""><input type="submit" id="final" value="{FINAL}">'
        '<input type="submit" id="back" value="戻る"></form>'
        '<form method="post" action=""><button id="next2">次へ</button>'
        f'<button type="button" id="x">{FINAL}</button></form>'
    )
    _open(armed_page, mock_site, "/hostile/shared-form", _html(body))
    reason = _refuse(guard, armed_page, "#back", "戻る", CAT.page("temp-confirm"))
    assert "would submit a form" in reason
    reason = _refuse(guard, armed_page, "#next2", "次へ", None)
    assert "would submit a form" in reason
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


# Disguises of the final submit: each sits in a form that really posts (or, #div, submits one),
# so "nothing was posted" can fail: a person's click on each posts (the control test below).
_DISGUISES = (
    f'<div id="wrap" onclick="void 0">次へ<input type="submit" id="wrapped" value="{FINAL}"></div>'
    f'<button id="labelled" aria-label="{FINAL}">次へ</button>'
    f'<button id="titled" title="{FINAL}">次へ</button>'
    f'<button id="imgbtn"><img alt="{FINAL}" src="data:,"></button>'
    '<button id="fullwidth">申込内容を\u3000登録する</button>'  # a full-width space inside
)
# selector → the element a person clicks to post with it
DISGUISED = {
    "#div": "#div",
    "#img": "#img",
    "#wrap": "#wrapped",
    "#labelled": "#labelled",
    "#titled": "#titled",
    "#imgbtn": "#imgbtn",
    "#fullwidth": "#fullwidth",
}


def _disguised_page() -> str:
    html, _ = _DISGUISED
    form = '<input name="a" value="1"></form>'
    assert html.count(form) == 1
    return html.replace(form, f'<input name="a" value="1">{_DISGUISES}</form>')


def test_press_refuses_disguised_controls(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    _open(armed_page, mock_site, "/hostile/disguised", _disguised_page())
    catalogue = "classed consent/final submit in the catalogue"
    reads = f"the control reads {FINAL!r}, which {catalogue}"
    want = {sel: reads for sel in DISGUISED}
    want["#wrap"] = f"a control inside it reads {FINAL!r}, which {catalogue}"
    want["#fullwidth"] = f"the control reads '申込内容を 登録する', which {catalogue}"
    reasons = {sel: _refuse(guard, armed_page, sel, "次へ", None) for sel in DISGUISED}
    assert reasons == want
    for sel in ("#div", "#img"):  # asked for by the final caption itself
        assert _refuse(guard, armed_page, sel, FINAL, None) == f"the caption asked for {catalogue}"
    _settle(armed_page, mock_site)
    assert mock_site.posts == []
    assert not any(r.outcome == "pressed" for r in guard.records)


@pytest.mark.parametrize("selector", list(DISGUISED))
def test_each_disguised_control_posts_when_a_person_clicks_it(
    page: Page, mock_site: MockSite, selector: str
) -> None:
    """Control for the test above: no guard, a person's click, and the form posts."""
    _open(page, mock_site, "/hostile/disguised-control", _disguised_page(), kind="other")
    page.click(DISGUISED[selector])
    assert _poll(lambda: bool(mock_site.posts)), f"{selector}: the control page never posted"
    assert mock_site.posts[0].path == "/hostile/disguised-control/commit"


def test_a_page_script_hiding_the_caption_from_the_page_world_is_still_refused(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """The page redefines value/innerText so in-page scripts read 「次へ」; Playwright's isolated
    world still reads the real caption."""
    script = """
      const d = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
      Object.defineProperty(HTMLInputElement.prototype, 'value',
        {get() { return '次へ'; }, set(v) { d.set.call(this, v); }});
      Element.prototype.getAttribute = function () { return '次へ'; };
    """
    _open(armed_page, mock_site, "/hostile/liar", _html(_FINAL_FORM, script))
    _refuse(guard, armed_page, "#final", "次へ", None)
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


# What a page can do to the builtins the guard's in-page check would use, after guard.js ran.
_PATCHED_BUILTINS = {
    "array methods": """
      Array.prototype.filter = function () { return []; };
      Array.prototype.map = function () { return []; };
      Array.prototype.some = function () { return false; };
      Array.prototype.includes = function () { return false; };
      Array.prototype.find = function () { return undefined; };
    """,
    "iterators": """
      NodeList.prototype[Symbol.iterator] = function* () {};
      HTMLCollection.prototype[Symbol.iterator] = function* () {};
      Array.prototype[Symbol.iterator] = function* () {};
    """,
    "node properties": """
      const el = document.getElementById('final');
      Object.defineProperty(el, 'value', {get() { return '次へ'; }});
      Object.defineProperty(el, 'localName', {get() { return 'div'; }});
      Object.defineProperty(el, 'form', {get() { return null; }});
      Object.defineProperty(HTMLElement.prototype, 'innerText', {get() { return '次へ'; }});
      Object.defineProperty(Node.prototype, 'textContent', {get() { return '次へ'; }});
    """,
    "the guard's object": """
      try { window.__nssafGuard = {inspectAndMark: () => ({marked: true})}; } catch (e) {}
      try { Object.defineProperty(window, '__nssafGuard', {value: {}}); } catch (e) {}
    """,
}


@pytest.mark.parametrize("how", list(_PATCHED_BUILTINS))
def test_a_page_that_patches_the_builtins_the_check_uses_is_still_refused(
    armed_page: Page, guard: Guard, mock_site: MockSite, how: str
) -> None:
    """The guard reads the control with what guard.js took before any page script: patched
    array methods, iterators, node properties or a replaced guard object hide nothing."""
    _open(armed_page, mock_site, "/hostile/builtins", _html(_FINAL_FORM, _PATCHED_BUILTINS[how]))
    reason = _refuse(guard, armed_page, "#final", "次へ", None)
    # patched iterators break Playwright's own evaluations in the page's world, with which a
    # locator's element is tagged: refused before anything is read
    assert (FINAL if how != "iterators" else "could not reach the control") in reason
    # the selector path the session uses (the reading's marks) reads it through the channel
    with pytest.raises(GuardRefused) as info:
        guard.press(armed_page, "#final", "次へ", None)
    assert FINAL in info.value.reason
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


# A page that makes every evaluation in its world lie to guard.py: window.eval (which
# Playwright's evaluations go through) is wrapped so that any reading of a control says 「次へ」
# with nothing guarded around it, and every list of targets comes back empty.
_LYING_EVALUATIONS = """
  const realEval = window.eval;
  const lie = (r) => {
    if (Array.isArray(r)) return [];
    if (r && typeof r === 'object' && 'captions' in r) {
      return Object.assign({}, r, {primary: '次へ', captions: ['次へ'], inner: [], code: [],
        reach: null, submits: false, inForm: false, submitCaptions: [], data: [],
        firstSubmit: false, action: '', href: '', targets: []});
    }
    return r;
  };
  window.eval = function (src) {
    const f = realEval(src);
    if (typeof f !== 'function') return f;
    return function (...a) { return lie(f.apply(this, a)); };
  };
"""


@pytest.mark.parametrize("path", ["locator", "selector"])
def test_a_page_that_makes_the_evaluations_lie_is_still_refused(
    armed_page: Page, guard: Guard, mock_site: MockSite, path: str
) -> None:
    """The guard reads the control through the browser's debugging protocol, not through the
    page's window.eval: the lie does not reach it."""
    _open(armed_page, mock_site, "/hostile/lies", _html(_FINAL_FORM, _LYING_EVALUATIONS))
    assert armed_page.evaluate("() => ({captions: ['x']})")["primary"] == "次へ"  # it does lie
    target = armed_page.locator("#final") if path == "locator" else "#final"
    with guard.acting(armed_page, []), pytest.raises(GuardRefused) as info:
        guard.press(armed_page, target, "次へ", None)
    assert FINAL in info.value.reason
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


def test_a_misled_guard_py_still_commits_nothing(
    armed_page: Page, guard: Guard, mock_site: MockSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were guard.py misled all the same (its decision passes everything here), its click falls
    in the tool's window, and guard.js blocks a tool's click on a guarded control."""
    _open(armed_page, mock_site, "/hostile/lies", _html(_FINAL_FORM, _LYING_EVALUATIONS))
    monkeypatch.setattr(guard, "_decide", lambda *a: None)
    with guard.acting(armed_page, []):
        guard.press(armed_page, "#final", "次へ", None)
    _settle(armed_page, mock_site)
    assert mock_site.posts == []
    assert [b.kind for b in guard.blocked] == ["tool-click"]
    assert guard.blocked[0].caption == FINAL


def test_a_page_cannot_open_or_close_the_tools_window(
    armed_page: Page, guard: Guard, mock_site: MockSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard object a page can reach opens and closes the tool's window only with the run's
    key: a page that tries to make the tool's next click look like a person's gets nowhere."""
    _open(armed_page, mock_site, "/hostile/window", _html(_FINAL_FORM, _LYING_EVALUATIONS))
    api = armed_page.evaluate("() => Object.keys(window.__nssafGuard).sort().join(' ')")
    assert api == "blocked close inspect open targets version"
    assert armed_page.evaluate("() => window.__nssafGuard.open('guess', '#final')") is None
    assert armed_page.evaluate("() => window.__nssafGuard.close('', '#final')") is False
    # the tool's window is open (guard.py's channel) until guard.py closes it: a page's
    # attempt to close it leaves the tool's click on the final submit blocked
    monkeypatch.setattr(guard, "_decide", lambda *a: None)
    with guard.acting(armed_page, []):
        guard._open_window(armed_page, "#next", "次へ", None)
        armed_page.evaluate("() => window.__nssafGuard.close('', '#next')")
        armed_page.locator("#final").click()
    _settle(armed_page, mock_site)
    assert mock_site.posts == []
    assert [b.kind for b in guard.blocked] == ["tool-click"]


def test_a_selector_must_name_exactly_one_control(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    body = '<form method="post" action=""><input type="submit" class="b" value="次へ">' + (
        '<input type="submit" class="b" value="次へ"></form>'
    )
    _open(armed_page, mock_site, "/hostile/two", _html(body))
    for sel, n in (("#none", 0), (".b", 2)):
        with pytest.raises(GuardRefused) as info:
            guard.press(armed_page, sel, "次へ", None)
        assert f"matches {n} elements" in info.value.reason
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


def test_without_the_browser_side_guard_a_selector_is_refused(
    page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """A page the guard was not installed in: nothing is resolved, nothing pressed."""
    _open(
        page,
        mock_site,
        "/hostile/bare",
        _html('<form method="post" action=""><input type="submit" id="next" value="次へ"></form>'),
        kind="other",
    )
    with pytest.raises(GuardRefused) as info:
        guard.press(page, "#next", "次へ", None)
    assert "not in this page" in info.value.reason
    _settle(page, mock_site)
    assert mock_site.posts == []


@pytest.mark.human_presses(2)  # the person's final submit (the POST and the GET its 303 asks for)
def test_a_refused_press_takes_its_mark_back(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """The check and the tool's mark come in one call; when the guard then refuses, the mark
    goes: a person's click right after is theirs again (here: their consent goes through)."""
    _open(armed_page, mock_site, "/hostile/unmark", _html(_FINAL_FORM))
    _refuse(guard, armed_page, "#final", "次へ", None)
    with armed_page.expect_navigation():
        armed_page.locator("#final").click()  # the person, within the tool's 10 s window
    assert [p.kind for p in mock_site.guarded_posts()] == ["final"]


def test_a_persons_click_right_after_the_tools_press_is_theirs(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """The tool's window closes with the click it was opened for: a person who presses another
    button of the same page a moment later is not taken for the tool (nor blocked)."""
    body = (
        '<form method="post" action=""><input name="a" value="1">'
        '<button type="button" id="help" onclick="this.form.a.value=2">反映</button>'
        '<input type="submit" id="next" value="次へ"></form>'
    )
    _open(armed_page, mock_site, "/hostile/after", _html(body), kind="other")
    guard.press(armed_page, "#help", "反映", None)
    with armed_page.expect_navigation():
        armed_page.locator("#next").click()  # the person, well within the 10 s window
    assert [p.fields.get("a") for p in mock_site.posts] == [["2"]]
    assert guard.blocked == []


def test_a_caption_swapped_after_the_check_is_blocked_in_the_browser(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """On mousedown the page renames 「次へ」 into the final button: the tool's marked click
    lands on a guarded control and the browser-side guard stops it."""
    body = '<form method="post" action=""><input type="submit" id="sw" value="次へ"></form>'
    script = (
        "document.getElementById('sw').addEventListener('mousedown', "
        f"(e) => {{ e.target.value = '{FINAL}'; }});"
    )
    _open(armed_page, mock_site, "/hostile/swap", _html(body, script))
    guard.press(armed_page, armed_page.locator("#sw"), "次へ", None)
    assert _wait(lambda: bool(guard.blocked), armed_page)
    assert guard.blocked[0].kind == "tool-click"
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


def test_the_formdata_backstop_alone_stops_script_submissions(
    context: BrowserContext, guard: Guard, mock_site: MockSite
) -> None:
    """With the submit()/requestSubmit() patches and the submit listener taken out of the
    script, the 'formdata' backstop still stops both (it catches a submit() from any realm)."""
    script = guard.init_script()
    cut = {
        '_defineProperty(formProto, "submit", {': "({",
        '_defineProperty(formProto, "requestSubmit", {': "({",
        '_apply(_addListener, W, ["submit", onSubmit, opts]);': "",
    }
    for old, new in cut.items():
        assert old in script
        script = script.replace(old, new)
    context.expose_binding(
        "__nssafGuardReport",
        lambda source, entry: guard.blocked.append(
            guard_module.BlockedAttempt(
                entry["kind"], entry["caption"], entry["detail"], entry["url"]
            )
        ),
    )
    context.add_init_script(script=script)
    page = context.new_page()
    _open(page, mock_site, "/hostile/backstop", _html(_FINAL_FORM))
    _script(page, "() => document.forms[0].submit()")
    _script(page, "() => document.forms[0].requestSubmit()")
    assert _wait(lambda: len(guard.blocked) >= 2, page)
    assert [b.kind for b in guard.blocked] == ["formdata", "formdata"]
    _settle(page, mock_site)
    assert mock_site.posts == []
    assert page.evaluate("() => document.forms.length") == 1  # the form was put back


_DO_SUBMIT = """
function doSubmit(caption) {
  const f = document.forms[0];
  f.elements["hdnBtnNm"].value = caption;
  f.submit();
}
"""
_HIDDEN_FORM = '<form method="post" action=""><input type="hidden" name="hdnBtnNm" value=""></form>'


def test_a_harmless_caption_whose_script_names_the_final_control_is_refused(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """「次へ」 that runs doSubmit('申込内容を登録する') (the mock's own pattern): refused by
    Guard.press (its code names the final caption), blocked in the browser when a script
    clicks it."""
    body = _HIDDEN_FORM + (
        f'<a id="l" href="javascript:doSubmit(\'{FINAL}\')">次へ</a>'
        f'<button type="button" id="b" onclick="doSubmit(\'{FINAL}\')">次へ</button>'
    )
    _open(armed_page, mock_site, "/hostile/dosubmit", _html(body, _DO_SUBMIT))
    for sel in ("#l", "#b"):
        reason = _refuse(guard, armed_page, sel, "次へ", None)
        assert "its script names" in reason
    _script(armed_page, "() => document.getElementById('l').click()")
    _script(armed_page, "() => document.getElementById('b').click()")
    assert _wait(lambda: len(guard.blocked) >= 2, armed_page)
    assert {b.kind for b in guard.blocked} == {"untrusted-click"}
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


def test_an_obfuscated_final_submit_behind_a_harmless_button_is_blocked_at_submit(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """The code hides the caption (built at run time), so Guard.press sees only 「次へ」 and
    presses it; at form.submit() the hidden field holds 申込内容を登録する, so the form is a
    guarded one and the tool's (marked) click is not a person's: blocked."""
    hidden = "".join(f"\\u{ord(c):04x}" for c in FINAL)
    body = (
        _HIDDEN_FORM
        + f'<button type="button" id="b" onclick="doSubmit(\'{hidden}\')">次へ</button>'
    )
    _open(armed_page, mock_site, "/hostile/obfuscated", _html(body, _DO_SUBMIT))
    guard.press(armed_page, armed_page.locator("#b"), "次へ", None)
    assert guard.records[-1].outcome == "pressed"
    assert _wait(lambda: bool(guard.blocked), armed_page)
    assert guard.blocked[-1].kind == "form.submit"
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


def test_press_requires_the_browser_side_guard(
    page: Page, guard: Guard, mock_site: MockSite
) -> None:
    """Without Guard.install the tool's click could not be told from a person's: refused."""
    page.goto(mock_site.url_for("temp-apply"))
    with pytest.raises(GuardRefused) as info:
        guard.press(page, _control(page, "戻る"), "戻る", CAT.page("temp-apply"))
    assert "Guard.install" in info.value.reason
    assert guard.records[-1].outcome == "refused"


# --------------------------------------------------------------------------- (3) the human


@pytest.mark.human_presses(1)  # the consent or final POST (its 303 leads to an ordinary page)
@pytest.mark.parametrize(
    ("page_id", "caption", "kind"),
    [("terms", CONSENT, "consent"), ("temp-confirm", FINAL, "final")],
)
def test_a_human_press_still_reaches_the_server(
    armed_page: Page, guard: Guard, mock_site: MockSite, page_id: str, caption: str, kind: str
) -> None:
    """A person's click (Playwright page.click, unmarked and trusted) passes the installed
    browser-side guard: the guard does not break the human path."""
    armed_page.goto(mock_site.url_for(page_id))
    _control(armed_page, caption).click()
    assert _wait(lambda: bool(mock_site.guarded_posts()), armed_page)
    assert [p.kind for p in mock_site.guarded_posts()] == [kind]
    assert guard.blocked == []
    assert guard.records == []  # the tool pressed nothing


@pytest.mark.human_presses(2)  # the POST to the final endpoint and the GET its 303 asks for
def test_a_human_press_of_an_onclick_submit_button_passes(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    body = (
        '<form method="post" action=""><input name="a" value="1">'
        f'<input type="button" id="final" value="{FINAL}" onclick="this.form.submit()"></form>'
    )
    _open(armed_page, mock_site, "/hostile/human-onclick", _html(body))
    armed_page.click("#final")
    assert _wait(lambda: bool(mock_site.guarded_posts()), armed_page)
    assert guard.blocked == []


# --------------------------------------------------------------------------- (4) simulated op


@pytest.mark.human_presses(1)  # the operator's consent POST
def test_simulated_operator_presses_on_the_loopback_mock(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    armed_page.goto(mock_site.url_for("terms"))
    op = SimulatedOperator([mock_site.base_url], guard=guard)
    op.press_guarded(armed_page, CONSENT, CAT.page("terms"))
    assert _wait(lambda: bool(mock_site.guarded_posts()), armed_page)
    assert [p.kind for p in mock_site.guarded_posts()] == ["consent"]
    assert guard.records == [
        PressRecord(CONSENT, "terms", "pressed", "simulated-operator", guard.records[0].reason)
    ]
    assert guard.blocked == []  # it passed the browser-side guard like a person


def test_simulated_operator_refuses_a_non_loopback_origin(
    context: BrowserContext, guard: Guard, mock_site: MockSite
) -> None:
    guard.install(context)
    served: list[str] = []

    def fulfil(route: Route) -> None:
        served.append(route.request.method)
        if route.request.method != "GET":
            route.abort()
            return
        body = _html(
            f'<form method="post" action="/post"><input type="submit" value="{FINAL}"></form>'
        )
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)

    context.route("https://nss.example.jp/**", fulfil)
    page = context.new_page()
    page.goto("https://nss.example.jp/nss/NSS0030.do")
    assert page.get_by_role("button", name=FINAL).count() == 1
    spec = CAT.page("temp-confirm")
    # allowed origins may only be loopback; and the page's origin must be one of them
    with pytest.raises(GuardRefused):
        SimulatedOperator(["https://nss.example.jp"], guard=guard)
    op = SimulatedOperator([mock_site.base_url], guard=guard)
    with pytest.raises(GuardRefused) as info:
        op.press_guarded(page, FINAL, spec)
    assert "not a loopback origin" in info.value.reason
    assert guard.records[-1].outcome == "refused"
    assert guard.records[-1].by == "simulated-operator"
    _settle(page, mock_site)
    assert served == ["GET"]
    assert mock_site.posts == []


def test_simulated_operator_refuses_a_loopback_origin_not_allowed(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    armed_page.goto(mock_site.url_for("terms"))
    other = "http://127.0.0.1:9"  # loopback, but not this mock
    op = SimulatedOperator([other], guard=guard)
    with pytest.raises(GuardRefused) as info:
        op.press_guarded(armed_page, CONSENT, CAT.page("terms"))
    assert "not an allowed origin" in info.value.reason
    # and it presses nothing that is not consent/final (that is the Guard's job)
    op2 = SimulatedOperator([mock_site.base_url], guard=guard)
    with pytest.raises(GuardRefused):
        op2.press_guarded(armed_page, "同意しない", CAT.page("terms"))
    _settle(armed_page, mock_site)
    assert mock_site.guarded_posts() == []


@pytest.mark.nobrowser
@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8080/x", True),
        ("https://127.5.6.7/", True),
        ("http://[::1]:9000/", True),
        ("http://localhost:1/", True),
        ("https://nss.example.jp/", False),
        ("http://10.0.0.1/", False),
        ("http://127.0.0.1.nip.io/", False),
        ("file:///etc/passwd", False),
        ("data:text/html,x", False),
        ("about:blank", False),
        ("http://localhost.example.com/", False),
    ],
)
def test_loopback_origins(url: str, loopback: bool) -> None:
    assert is_loopback_origin(url) is loopback


# --------------------------------------------------------------------------- (5) no off switch


@pytest.mark.nobrowser
def test_guard_has_no_parameter_that_disables_it() -> None:
    assert list(inspect.signature(Guard.__init__).parameters) == ["self", "catalogue"]
    # document: the token of the document the caller read; another one only stops the press
    assert list(inspect.signature(Guard.press).parameters) == [
        "self",
        "page",
        "target",
        "caption",
        "page_spec",
        "document",
    ]
    package = Path(guard_module.__file__).parent
    sources = sorted(package.glob("*.py"))
    assert {p.stem for p in sources} >= {"__init__", "press", "rules", "traffic", "operator"}
    for source in sources:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        imported = {
            a.name.split(".")[0]
            for n in ast.walk(tree)
            if isinstance(n, ast.Import | ast.ImportFrom)
            for a in n.names
        }
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {"environ", "getenv", "os", "sys", "argv"} & (names | imported), source
        assert not any(m and ("settings" in m or m == "os") for m in modules), source


def _lying_spec() -> PageSpec:
    """A page spec that claims the guarded captions are navigation."""
    return PageSpec.model_validate(
        {
            "id": "liar",
            "name": "liar",
            "kind": "form",
            "phase": 1,
            "signals": [{"text": "x"}],
            "buttons": [
                {"caption": FINAL, "class": "navigation"},
                {"caption": CONSENT, "class": "choice"},
                {"caption": "同意する", "class": "helper"},
                {"caption": "送信", "class": "navigation"},
                {"caption": "申請", "class": "navigation"},
            ],
        }
    )


@pytest.mark.nobrowser
def test_a_page_spec_cannot_reclassify_a_guarded_caption(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("NSS_AUTOFILL_GUARD", "NSS_AUTOFILL_AUTO_CONFIRM", "NSS_AUTOFILL_UNSAFE"):
        monkeypatch.setenv(var, "0")
    guard = Guard(CAT)
    spec = _lying_spec()
    assert guard.classify(FINAL, spec) is not None
    assert guard.classify(CONSENT, spec) is not None
    assert guard.classify("同意する", spec) is not None  # never-safe floor
    # a deny-list word classed safe on the page is the page's call ...
    assert guard.classify("申請", spec) is None
    # ... but not without a page, and never for a never-safe word
    assert guard.classify("申請", None) is not None
    assert guard.classify("送信", spec) is not None


def test_press_refuses_with_a_lying_page_spec(
    armed_page: Page, guard: Guard, mock_site: MockSite
) -> None:
    _open(armed_page, mock_site, "/hostile/liar-spec", _html(_FINAL_FORM))
    _refuse(guard, armed_page, "#final", FINAL, _lying_spec())
    _settle(armed_page, mock_site)
    assert mock_site.posts == []


# --------------------------------------------------------------------------- catalogue property


@pytest.mark.nobrowser
def test_guarded_set_comes_from_the_catalogue() -> None:
    guard = Guard(CAT)
    assert {FINAL, CONSENT} <= guard.guarded_captions
    assert guard.guarded_captions == CAT.guarded_captions
    assert all(guard.is_guarded(c) for c in CAT.guarded_captions)
    assert not any(guard.is_guarded(c) for c in CAT.safe_captions)
    script = guard.init_script()
    assert "__NSS_GUARD_CONFIG__" not in script
    assert FINAL.encode("unicode_escape").decode() in script.replace("\\\\", "\\")


def _catalogue_data() -> dict[str, Any]:
    return CAT.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def _reclassify(data: dict[str, Any], caption: str, cls: str) -> None:
    for p in data["pages"]:
        for b in p.get("buttons", []):
            if b["caption"] == caption:
                b["class"] = cls


@pytest.mark.nobrowser
@pytest.mark.parametrize("caption", [FINAL, CONSENT])
def test_a_catalogue_that_unguards_a_caption_is_refused(caption: str) -> None:
    data = _catalogue_data()
    _reclassify(data, caption, "navigation")
    cat = Catalogue.model_validate(data)  # the catalogue schema itself accepts it ...
    with pytest.raises(UnsafeCatalogue):  # ... the guard does not
        Guard(cat)


@pytest.mark.nobrowser
def test_a_catalogue_without_the_captions_still_denies_them() -> None:
    """Removed outright (buttons gone, pages no longer consent/confirm, deny list emptied):
    the never-safe floor still refuses both captions, on any page."""
    data = _catalogue_data()
    data["deny_captions"] = []
    for p in data["pages"]:
        p["buttons"] = [b for b in p.get("buttons", []) if b["caption"] not in (FINAL, CONSENT)]
        p.pop("forward", None) if not p["buttons"] else None
        if p["kind"] in ("consent", "confirm"):
            p["kind"] = "form"
            p["buttons"].append({"caption": "何もしない", "class": "consent"})
    cat = Catalogue.model_validate(data)
    guard = Guard(cat)
    assert FINAL not in guard.guarded_captions
    for spec in (None, cat.page("terms"), cat.page("temp-confirm")):
        assert guard.classify(FINAL, spec) is not None
        assert guard.classify(CONSENT, spec) is not None


@pytest.mark.nobrowser
def test_caption_key_normalises() -> None:
    assert caption_key(" 申込内容を\u3000登録する ") == FINAL
    assert caption_key("ＮＳＳ　ログイン") == "NSSログイン"
    assert caption_key("申込\u200b内容を登録する") == FINAL
    assert all(caption_key(w) for w in NEVER_SAFE)


@pytest.mark.nobrowser
@pytest.mark.parametrize("caption", [CONSENT, "上記に同意する", "内容を確定"])
def test_a_catalogue_cannot_make_a_consent_a_field_to_fill(caption: str) -> None:
    """Filling ticks checkboxes by caption: a consent checkbox must never be one of them."""
    data = _catalogue_data()
    terminal = next(p for p in data["pages"] if p["id"] == "apply-terminal")
    terminal["fields"].append(
        {"id": "agree", "control": "checkbox", "option": caption, "value": "terminal.x"}
    )
    with pytest.raises(ValueError, match="consent or submit"):
        Catalogue.model_validate(data)


_SWAP_JS = """([back, final]) => {
  const read = (e) => (e.localName === "input" ? e.value : e.textContent || "").trim();
  const all = [...document.querySelectorAll("button, input[type=submit], a")];
  const old = all.find((e) => read(e) === back);
  const fin = all.find((e) => read(e) === final);
  old.remove();
  if (fin.localName === "input") fin.value = back; else fin.textContent = back;
}"""


def test_the_control_checked_is_the_control_clicked(
    armed_page: Page, guard: Guard, any_mock_site: MockSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that, once 戻る passed the checks, removes it and relabels 申込内容を登録する as
    戻る: the locator, resolved again at click time, lands on the final submit with a trusted
    click. It falls in the tool's window, and guard.js blocks the tool's click on it."""
    page = armed_page
    page.goto(any_mock_site.url_for("temp-confirm"))
    spec = CAT.page("temp-confirm")
    checked = guard._decide

    def check_then_swap(*args: Any) -> None:
        checked(*args)
        page.evaluate(_SWAP_JS, ["戻る", FINAL])

    monkeypatch.setattr(guard, "_decide", check_then_swap)
    guard.press(page, _control(page, "戻る"), "戻る", spec)
    _settle(page, any_mock_site)
    assert [(b.kind, b.caption) for b in guard.blocked] == [("tool-click", "戻る")]
    assert _control(page, "戻る").count() == 1  # the relabelled final submit is there …
    assert any_mock_site.guarded_posts() == []  # … and was not pressed
    assert any_mock_site.posts == []
