"""Walk-arounds: hostile NSS-like pages that try to make the tool's own actions commit.

Each page is a real mock page (both markup styles), rendered by the mock and given one trap.
The real CLI runs on it in a subprocess, headless, **without** ``--auto-confirm``; the tool
recognises the page and acts (fills, presses 「次へ」, 「申込内容確認へ進む」, 「NSS ログイン」,
「反映」), and the assertions are on what the mock server received: **no guarded request** of
any method or channel (``MockSite.guarded_requests``: a consent/final caption in the path, query
or body read every way a server might, or a request to where a guarded control submits). The
exit code must be a documented one (never 1), and where the tool should refuse the control,
the report must name it and the guarded caption behind it.

Every trap has a control test: the same page, the guard installed, and a *person* (a trusted,
unmarked Playwright input the test makes itself) doing what the tool does. The guarded request
must then arrive — the trap is live, so "nothing arrived" above means "stopped" — and a
person's request must pass the guard untouched.

Not counted: page scripts that commit by themselves at load, with no action of the tool.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from nss_autofill.engine.guard import Guard
from nss_autofill.mock.record import carried_caption
from nss_autofill.mock.server import MockSite
from nss_autofill.site.catalogue import load_catalogue

from .hostile import (
    CONSENT,
    DOCUMENTED_EXITS,
    FINAL,
    Rendered,
    after_form_open,
    as_windows_1252,
    before_body_close,
    describe,
    forward_tags,
    js,
    main_form_open,
    refusals,
    render,
    run_tool,
    show_requests,
    swap,
    swap_forward,
    wait_for,
)

CAT = load_catalogue()
NEXT = "次へ"
REVIEW = "申込内容確認へ進む"
PORTAL = "NSS ログイン"
HELPER = "反映"


@dataclass(frozen=True)
class Trap:
    """A hostile page on the mock and what the test needs to know about it."""

    url: str  # where the CLI starts
    page_id: str  # the catalogue page the tool must take it for (so it acts)
    caption: str  # the control the tool presses there (or the field it fills)
    guarded: str  # the consent/final caption behind the trap
    person: Callable[[Page], None]  # a person doing what the tool does
    refuse: bool = False  # the tool should refuse the control (the report names it)
    fired: str | None = None  # the trap fired when this path was fetched (instead of guarded)
    probe: str | None = None  # path the trap's trigger pings first (harmless): the tool acted
    attempts: int = 1  # a race (a navigation against the tool's calls): run it this often


def _probe(site: MockSite) -> tuple[str, str]:
    """A harmless address a trap's trigger pings before anything else, and the JS that does:
    the mock receiving it shows that the tool's action reached the page."""
    path = site.add_page(_path("probe"), "<p>ok</p>")[len(site.base_url) :]
    return path, f"fetch({js(path)}, {{keepalive: true}});"


def _fetched(site: MockSite, path: str | None, since: int = 0) -> bool:
    return path is not None and any(r.path == path for r in site.requests[since:])


_COUNTER = iter(range(1, 10_000))


def _path(kind: str) -> str:
    return f"/hostile/{kind}-{next(_COUNTER)}"


def _commit_endpoint(site: MockSite, kind: str = "final") -> str:
    """A commit endpoint: what a guarded control of the page submits to."""
    path = _path("commit")
    body = "<!doctype html><html><body><p>受け付けました。</p></body></html>"
    site.add_page(path, body, post_kind=kind)
    return path


def _add(site: MockSite, html: str | bytes, charset: str) -> str:
    return site.add_page(_path("page"), html, charset=charset)


def _button_name(site: MockSite, guarded: str) -> tuple[str, str]:
    """name, value of a guarded submit in the site's style (classic btn*, modern action=…)."""
    if site.style == "modern":
        return "action", {FINAL: "register", CONSENT: "agree"}[guarded]
    return {FINAL: "btnTouroku", CONSENT: "btnDoi"}[guarded], guarded


def _guarded_submit(site: MockSite, guarded: str, attrs: str) -> str:
    name, value = _button_name(site, guarded)
    if site.style == "modern":
        return f'<button type="submit" name="{name}" value="{value}" {attrs}>{guarded}</button>'
    return f'<input type="submit" name="{name}" value="{value}" {attrs}>'


def _press(caption: str) -> Callable[[Page], None]:
    def person(page: Page) -> None:
        page.get_by_role("button", name=caption, exact=True).click()

    return person


def _mouse_at(caption: str) -> Callable[[Page], None]:
    """A person's mouse click at the middle of the control reading ``caption``."""

    def person(page: Page) -> None:
        box = page.get_by_role("button", name=caption, exact=True).bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    return person


def _where(site: MockSite, where: str) -> tuple[str, str, str, str]:
    """page id, forward caption, guarded caption, guarded page id for a trap on ``where``."""
    if where == "portal":
        return "bbs-top", PORTAL, CONSENT, "terms"
    return "temp-apply", REVIEW, FINAL, "temp-confirm"


def _portal_single(html: str, new: str) -> str:
    """The portal's two 「NSS ログイン」 links (menu, main): the menu one becomes plain text."""
    tags = list(dict.fromkeys(forward_tags(html, PORTAL)))
    assert len(tags) == 2, tags
    html = swap(html, tags[0], f"<span>{PORTAL}</span>")
    return swap(html, tags[1], new)


# --------------------------------------------------------------------------- 1. label
def label_redirect(site: MockSite, where: str) -> Trap:
    """The forward caption is a ``<label for=X role=button>``; X is an off-screen guarded submit
    in a form that posts to where the guarded page posts."""
    page_id, caption, guarded, target = _where(site, where)
    r = render(site, page_id)
    label = (
        f'<label for="nssaf-x" id="nssaf-label" role="button" class="btn button" '
        f'style="display:inline-block;padding:4px 18px;border:1px solid #667;cursor:pointer">'
        f"{caption}</label>"
    )
    if where == "portal":
        html = _portal_single(r.html, label)
    else:
        html = swap_forward(r.html, caption, label)
    off = 'id="nssaf-x" style="position:absolute;left:-10000px;top:0"'
    html = before_body_close(
        html,
        f'<form method="post" action="{r.path(target)}">{_guarded_submit(site, guarded, off)}'
        "</form>",
    )
    return Trap(
        _add(site, html, r.charset),
        page_id,
        caption,
        guarded,
        lambda p: p.click("#nssaf-label"),
        refuse=True,
    )


# --------------------------------------------------------------------------- 2. retargeting
def click_retarget(site: MockSite, where: str) -> Trap:
    """On pointerdown a cover appears over 「次へ」: mousedown and mouseup land on different
    elements, Chromium clicks their common ancestor, a ``<span onclick>`` that writes the final
    caption into the hidden button field and calls ``form.submit()``."""
    r = render(site, "apply-mailbox")
    probe, ping = _probe(site)
    # The span reads 「入力が済んだら次へ」, so the tool finds one 「次へ」 (the button); its
    # handler acts only on a click whose target is the span itself: a retargeted click.
    wrap = (
        '<span id="nssaf-wrap" onclick="if (event.target === this) nssafGo(this)">'
        "<small>入力が済んだら</small>"
        f'<button type="button" id="nssaf-next" class="btn btn-primary">{NEXT}</button>'
        '<i id="nssaf-cover" style="display:none"></i></span>'
        '<input type="hidden" id="nssaf-h" name="hdnBtnNm" value="">'
    )
    html = swap_forward(r.html, NEXT, wrap)
    script = f"""<script>
function nssafGo(el) {{
  document.getElementById("nssaf-h").value = {js(FINAL)};
  el.closest("form").submit();
}}
document.getElementById("nssaf-next").addEventListener("pointerdown", function () {{
  {ping}
  var b = this.getBoundingClientRect(), c = document.getElementById("nssaf-cover");
  c.style.cssText = "display:block;position:fixed;z-index:9;left:" + b.left + "px;top:" +
    b.top + "px;width:" + b.width + "px;height:" + b.height + "px";
}});
</script>"""
    html = before_body_close(html, script)
    url = _add(site, html, r.charset)
    return Trap(url, "apply-mailbox", NEXT, FINAL, _mouse_at(NEXT), probe=probe)


# --------------------------------------------------------------------------- 3. late rewriting
def late_rewrite(site: MockSite, how: str) -> Trap:
    """A plain submit 「次へ」; the page's own listeners, which run after the guard read the form,
    rewrite what is sent: the action (to the commit endpoint), the data (formdata), or a
    hidden field with the final caption added in the submit listener."""
    r = render(site, "apply-mailbox")
    commit = _commit_endpoint(site)
    probe, ping = _probe(site)
    change = {
        "action": f"f.addEventListener('submit', function () {{ f.action = {js(commit)}; }});",
        "formdata": "f.addEventListener('formdata', function (e) {"
        f" e.formData.append('hdnBtnNm', {js(FINAL)}); }});",
        "hidden-field": "f.addEventListener('submit', function () {"
        " var i = document.createElement('input'); i.type = 'hidden'; i.name = 'hdnBtnNm';"
        f" i.value = {js(FINAL)}; f.appendChild(i); }});",
    }[how]
    script = (
        "<script>(function () { var f = document.forms[0];"
        f" f.addEventListener('submit', function () {{ {ping} }}); {change} }})();</script>"
    )
    html = before_body_close(r.html, script)
    url = _add(site, html, r.charset)
    return Trap(url, "apply-mailbox", NEXT, FINAL, _press(NEXT), probe=probe)


# --------------------------------------------------------------------------- 4. encoding
def _mojibake(text: str) -> str:
    """``text``'s UTF-8 bytes as a browser reads them in windows-1252."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))  # the WHATWG decoder maps 0x81, 0x8D, … to C1 controls
    return "".join(out)


def encoding(site: MockSite, how: str) -> Trap:
    """The form is sent as windows-1252 (``accept-charset``, or the whole page's charset) with
    a hidden value whose bytes are the UTF-8 final caption: the page shows (and the guard reads)
    Latin mojibake, the server reads the bytes."""
    r = render(site, "temp-apply")
    if how == "accept-charset":
        tag = main_form_open(r.html)
        html = swap(r.html, tag, tag[:-1] + ' accept-charset="windows-1252">')
        ncr = "".join(f"&#{ord(c)};" for c in _mojibake(FINAL))
        html = after_form_open(html, f'<input type="hidden" name="hdnBtnNm" value="{ncr}">')
        url = _add(site, html, r.charset)
    else:
        html = after_form_open(r.html, '<input type="hidden" name="hdnBtnNm" value="@RAW@">')
        body = as_windows_1252(html, {"@RAW@": FINAL.encode("utf-8")})
        url = _add(site, body, "windows-1252")
    return Trap(url, "temp-apply", REVIEW, FINAL, _press(REVIEW))


# --------------------------------------------------------------------------- 5. other channels
_FIND = """
function nssafFind(cap) {
  var all = document.querySelectorAll("input, button, a, label");
  for (var i = 0; i < all.length; i++) {
    var e = all[i], t = (e.tagName === "INPUT" ? e.value : e.textContent).trim();
    if (t === cap) return e;
  }
  return null;
}
"""


def fetch_on_click(site: MockSite, how: str) -> Trap:
    """A document-level click listener keyed to 「次へ」's position (it never looks at the
    target) sends the final caption to the confirm page's address with fetch or XHR."""
    r = render(site, "apply-mailbox")
    confirm = r.path("apply-confirm")
    probe, ping = _probe(site)
    send = {
        "fetch": f"fetch({js(confirm)}, {{method: 'POST', keepalive: true, headers: "
        "{'Content-Type': 'application/x-www-form-urlencoded'}, "
        f"body: 'hdnBtnNm=' + encodeURIComponent({js(FINAL)})}});",
        "xhr": f"var x = new XMLHttpRequest(); x.open('POST', {js(confirm)}, false);"
        " x.setRequestHeader('Content-Type', 'application/json');"
        f" x.send(JSON.stringify({{button: {js(FINAL)}}}));",
    }[how]
    script = f"""<script>{_FIND}
document.addEventListener("click", function (e) {{
  {ping}
  var b = nssafFind({js(NEXT)}).getBoundingClientRect();
  if (e.clientX >= b.left && e.clientX <= b.right && e.clientY >= b.top && e.clientY <= b.bottom) {{
    {send}
  }}
}}, true);
</script>"""
    html = before_body_close(r.html, script)
    url = _add(site, html, r.charset)
    return Trap(url, "apply-mailbox", NEXT, FINAL, _mouse_at(NEXT), probe=probe)


def beacon_on_fill(site: MockSite, where: str) -> Trap:
    """``navigator.sendBeacon`` to the confirm page's address when a field is filled."""
    r = render(site, "temp-apply")
    probe, ping = _probe(site)
    script = f"""<script>
(function () {{
  var sent = false;
  function go(e) {{
    if (sent || !e.target || e.target.tagName !== "INPUT") return;
    sent = true;
    {ping}
    var data = new URLSearchParams({{hdnBtnNm: {js(FINAL)}}});
    navigator.sendBeacon({js(r.path("temp-confirm"))}, data);
  }}
  document.addEventListener("input", go, true);
  document.addEventListener("change", go, true);
}})();
</script>"""
    html = before_body_close(r.html, script)

    def person(page: Page) -> None:
        page.locator("input[type=text]").first.press_sequentially("ナ")

    url = _add(site, html, r.charset)
    return Trap(url, "temp-apply", "企業名", FINAL, person, probe=probe)


def navigate_after_helper(site: MockSite, where: str) -> Trap:
    """200 ms after 「反映」, ``location.href = <confirm page>?hdnBtnNm=申込内容を登録する`` (in
    the classic style the page is Shift_JIS, so the query is sent in CP932)."""
    r = render(site, "apply-office")
    target = r.path("apply-confirm") + "?hdnBtnNm="
    probe, ping = _probe(site)
    script = f"""<script>{_FIND}
document.addEventListener("click", function (e) {{
  if (e.target === nssafFind({js(HELPER)})) {{
    {ping}
    setTimeout(function () {{ location.href = {js(target)} + {js(FINAL)}; }}, 200);
  }}
}}, true);
</script>"""
    html = before_body_close(r.html, script)
    url = _add(site, html, r.charset)
    return Trap(url, "apply-office", HELPER, FINAL, _press(HELPER), probe=probe)


def link_to_commit(site: MockSite, where: str) -> Trap:
    """The forward control is a plain link to the commit endpoint that the page's own guarded
    control (a consent / final-submit form further down) submits to."""
    page_id, caption, guarded, _ = _where(site, where)
    r = render(site, page_id)
    commit = _commit_endpoint(site, "consent" if guarded == CONSENT else "final")
    link = f'<a class="btn button" href="{commit}">{caption}</a>'
    if where == "portal":
        html = _portal_single(r.html, link)
    else:
        html = swap_forward(r.html, caption, link)
    form = f'<form method="post" action="{commit}">{_guarded_submit(site, guarded, "")}</form>'
    html = before_body_close(html, form)

    def person(page: Page) -> None:
        page.get_by_role("link", name=caption, exact=True).click()

    return Trap(_add(site, html, r.charset), page_id, caption, guarded, person, refuse=True)


# --------------------------------------------------------------------------- 6. navigation
_GO_AWAY = """
function nssafAway(url) {
  location.href = url;
  var t = Date.now();
  while (Date.now() - t < 300) {}  // busy until the new document is ready to commit
}
"""


def navigation_during_checks(site: MockSite, how: str) -> Trap:
    """The page goes away (to the session time-out page) while the guard checks 「申込内容確認へ
    進む」: ``token-read``: when the guard's check reads the document token (an accessor on that
    window property that acts only when called from inside the guard's ``inspect``, as its stack
    shows); ``scroll-into-view``: when the guard's own click scrolls the control into view."""
    r = render(site, "temp-apply")
    away = r.path("session-timeout")
    if how == "token-read":
        hook = f"""
  var v = window.__nssafDoc, fired = false;
  Object.defineProperty(window, "__nssafDoc", {{configurable: true,
    get: function () {{
      if (!fired && /inspect/.test(String(new Error().stack))) {{
        fired = true;
        nssafAway({js(away)});
      }}
      return v;
    }},
    set: function (x) {{ v = x; }}}});"""
    else:
        # The buttons sit far below the fields; the page leaves when 「申込内容確認へ進む」
        # scrolls into view, which the guard's own click does first.
        bar = re.search(r'<div class="(buttons|actions)">', r.html)
        assert bar, "no button bar in the page"
        spaced = swap(r.html, bar.group(0), '<div style="height:2400px"></div>' + bar.group(0))
        r = Rendered(r.page_id, spaced, r.charset, r.site)
        hook = f"""
  var el = nssafFind({js(REVIEW)}), fired = false;
  window.addEventListener("scroll", function () {{
    var b = el.getBoundingClientRect();
    if (!fired && b.top < innerHeight && b.bottom > 0) {{ fired = true; nssafAway({js(away)}); }}
  }});"""
    script = f"<script>{_FIND}{_GO_AWAY}(function () {{{hook}\n}})();</script>"
    html = before_body_close(r.html, script)

    def person(page: Page) -> None:  # what the tool does: read the token in a check / scroll
        if how == "scroll-into-view":
            page.get_by_role("button", name=REVIEW, exact=True).scroll_into_view_if_needed()
        else:
            page.evaluate("() => { const inspect = () => window.__nssafDoc; inspect(); }")

    url = _add(site, html, r.charset)
    return Trap(url, "temp-apply", REVIEW, FINAL, person, fired=away, attempts=3)


ATTACKS: dict[str, Callable[[MockSite, str], Trap]] = {
    "label": label_redirect,
    "retarget": click_retarget,
    "late": late_rewrite,
    "encoding": encoding,
    "fetch": fetch_on_click,
    "beacon": beacon_on_fill,
    "location": navigate_after_helper,
    "link": link_to_commit,
    "navigation": navigation_during_checks,
}
CASES = [
    ("label", "portal"),
    ("label", "temp-apply"),
    ("retarget", "apply-mailbox"),
    ("late", "action"),
    ("late", "formdata"),
    ("late", "hidden-field"),
    ("encoding", "accept-charset"),
    ("encoding", "page-charset"),
    ("fetch", "fetch"),
    ("fetch", "xhr"),
    ("beacon", "temp-apply"),
    ("location", "apply-office"),
    ("link", "portal"),
    ("link", "temp-apply"),
    ("navigation", "token-read"),
    ("navigation", "scroll-into-view"),
]
IDS = [f"{a}-{v}" for a, v in CASES]


def _explained(res_refusals: list[dict[str, object]], trap: Trap) -> bool:
    """A refusal of the control naming the guarded caption, or a block of the guarded control."""
    for g in res_refusals:
        detail, caption = str(g.get("detail", "")), str(g.get("caption", ""))
        if g["pressed_by"] == "blocked" and trap.guarded in caption:
            return True
        if caption == trap.caption and trap.guarded in detail:
            return True
    return False


@pytest.mark.parametrize(("attack", "variant"), CASES, ids=IDS)
def test_the_tools_actions_commit_nothing(
    any_mock_site: MockSite, tmp_path: Path, attack: str, variant: str
) -> None:
    site = any_mock_site
    attempts = 1
    n = 0
    fired = 0  # runs in which the trap's trigger went off (a race may miss it in one run)
    trap = None
    while n < attempts:
        before = len(site.requests)
        trap = ATTACKS[attack](site, variant)
        attempts = trap.attempts
        res = run_tool(site, trap.url, tmp_path)
        n += 1
        assert res.report is not None, describe(res)
        pages = res.report["pages"]
        # The tool took the page for the NSS page it imitates, and acted on it: it pressed the
        # control, the trap's trigger saw its action, or the guard refused or blocked something.
        assert pages and pages[0]["page_id"] == trap.page_id, describe(res)
        acted = (
            pages[0]["action"] == f"pressed {trap.caption}"
            or _fetched(site, trap.probe, before)
            or _fetched(site, trap.fired, before)
            or bool(refusals(res))
        )
        assert acted, f"the tool never acted on the trap\n{describe(res)}"
        new = site.requests[before:]
        guarded = [(r, why) for r in new if (why := site.why_guarded(r)) is not None]
        assert not guarded, f"the mock received {show_requests(guarded)}\n{describe(res)}"
        assert res.code in DOCUMENTED_EXITS, f"run {n} of {attempts}: {describe(res)}"
        fired += trap.fired is not None and _fetched(site, trap.fired, before)
        if trap.refuse:
            found = refusals(res)
            assert _explained(found, trap), (
                f"no refusal names {trap.caption!r} and {trap.guarded!r}: {found}\n{describe(res)}"
            )
    assert trap is not None
    # the attack really happened: its trigger went off in at least one of the runs (every run
    # above committed nothing either way)
    assert trap.fired is None or fired > 0, f"the trap never fired in {attempts} runs"


# The guarded requests a person's input sends on each trap: one, except the late rewrite of the
# form's action (the POST to the commit endpoint and the GET its 303 asks for) and the
# navigation races, whose trap fires on a harmless path instead.
_PERSON_SENDS = {("late", "action"): 2, **{c: 0 for c in CASES if c[0] == "navigation"}}
PERSON_CASES = [
    pytest.param(a, v, marks=pytest.mark.human_presses(_PERSON_SENDS.get((a, v), 1)), id=i)
    for (a, v), i in zip(CASES, IDS, strict=True)
]


@pytest.mark.parametrize(("attack", "variant"), PERSON_CASES)
def test_a_person_doing_the_same_causes_the_request(
    context: BrowserContext, any_mock_site: MockSite, attack: str, variant: str
) -> None:
    """Control: the trap is live. With the guard installed, a person's own input (a trusted,
    unmarked click, keystroke or read) makes the page send the request the test above forbids
    the tool to cause — and the guard lets the person's request through."""
    site = any_mock_site
    context.set_default_timeout(10_000)
    guard = Guard(CAT)
    guard.install(context)
    trap = ATTACKS[attack](site, variant)
    page = context.new_page()
    page.goto(trap.url)
    before = len(site.requests)
    trap.person(page)
    if trap.fired is not None:
        assert wait_for(lambda: _fetched(site, trap.fired, before)), site.requests[before:]
        return
    assert wait_for(lambda: bool(site.guarded_requests())), (
        f"nothing guarded arrived; requests: {site.requests[before:]}; blocked: {guard.blocked}"
    )
    probe = trap.probe
    assert probe is None or wait_for(lambda: _fetched(site, probe)), "the probe never arrived"


# --------------------------------------------------------------------------- the record itself
@pytest.mark.nobrowser
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"hdnBtnNm=" + FINAL.encode("utf-8"), FINAL),
        (b"a=1&hdnBtnNm=" + "".join(f"%{b:02X}" for b in FINAL.encode()).encode(), FINAL),
        (b"x=" + "".join(f"%{b:02X}" for b in FINAL.encode("cp932")).encode(), FINAL),
        (b"x=" + "".join(f"%{b:02X}" for b in CONSENT.encode("cp932")).encode(), CONSENT),
        (
            b"x=" + "".join(f"%25{b:02X}" for b in FINAL.encode("utf-8")).encode(),
            FINAL,
        ),  # percent-encoded twice
        (_mojibake(FINAL).encode("utf-8"), FINAL),  # 1252 mojibake sent back as UTF-8
        ("".join(f"&#{ord(c)};" for c in "同意する").encode(), "同意する"),
        (b'{"b": "' + "".join(f"\\u{ord(c):04x}" for c in FINAL).encode() + b'"}', FINAL),
        ("申込内容を　登録する".encode("cp932"), FINAL),
        ("上記に同意する".encode(), "同意する"),
        (b"txtKgyMei=%83i%83b%83N%83X&btnKakunin=" + "申込内容確認へ進む".encode(), None),
        ("同意しない".encode(), None),
        ("登録番号 送信先 確定申告 申請者".encode(), None),
        (b"", None),
    ],
    ids=lambda v: v[:24].hex() if isinstance(v, bytes) else str(v),
)
def test_the_mock_reads_captions_from_bytes(data: bytes, expected: str | None) -> None:
    assert carried_caption(data) == expected


@pytest.mark.nobrowser
@pytest.mark.mock_selftest(4)  # the four guarded ones below, and the log holds them after reset()
def test_the_mock_records_every_request_and_tells_guarded_ones() -> None:
    import urllib.request

    with MockSite() as site:
        commit = site.add_page("/c/commit", "<p>x</p>", post_kind="final")
        ordinary = site.add_page("/c/page", "<p>x</p>")
        confirm = site.page_url("temp-confirm")

        class _Stay(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args: object, **kw: object) -> None:
                return None  # one request each: a 303 is not followed

        opener = urllib.request.build_opener(_Stay)

        def send(url: str, method: str = "GET", body: bytes | None = None) -> None:
            req = urllib.request.Request(url, data=body, method=method)
            with contextlib.suppress(Exception):  # 3xx/4xx answers: the request arrived
                opener.open(req, timeout=5).close()

        send(ordinary)
        send(confirm)  # a plain GET of the confirm page: how the flow shows it
        send(ordinary + "?q=" + "%E5%90%8C%E6%84%8F%E3%81%99%E3%82%8B")  # 同意する in the query
        send(commit)  # any request to an endpoint added as final
        send(confirm, "POST", b"a=1")  # a post to where the confirm page posts
        send(ordinary, "PUT", "申込内容を登録する".encode("cp932"))
        send(ordinary, "POST", b"txtKgyMei=x")
        methods = [(r.method, r.path) for r in site.requests]
        assert methods == [
            ("GET", "/c/page"),
            ("GET", site.page_url("temp-confirm")[len(site.base_url) :]),
            ("GET", "/c/page"),
            ("GET", "/c/commit"),
            ("POST", site.page_url("temp-confirm")[len(site.base_url) :]),
            ("PUT", "/c/page"),
            ("POST", "/c/page"),
        ]
        guarded = [site.requests.index(r) for r, _ in site.guarded_requests()]
        assert guarded == [2, 3, 4, 5]
        # the old POST record is a subset: the confirm post is in both
        assert [p.kind for p in site.guarded_posts()] == ["final"]
        site.reset()
        assert site.requests == []
