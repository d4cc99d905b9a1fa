"""Recognition: every fixture page is itself and no other; unknown and changed pages refuse."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from nss_autofill.engine import scripts
from nss_autofill.engine.reading import (
    Arrival,
    arrive,
    read_page,
    reading_options,
    wait_settled,
)
from nss_autofill.engine.recognition import (
    PageFacts,
    Recognition,
    facts_of,
    label_key,
    read_facts,
    recognise,
    text_key,
)
from nss_autofill.mock.server import MockSite
from nss_autofill.site.catalogue import load_catalogue

CAT = load_catalogue()
PAGE_IDS = [p.id for p in CAT.pages]


def _recognise(page: Page) -> tuple[PageFacts, Recognition]:
    wait_settled(page, 3000)
    facts = read_facts(page, CAT.site)
    return facts, recognise(CAT, facts)


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_fixture_page_is_itself_and_no_other(
    page: Page, any_mock_site: MockSite, page_id: str
) -> None:
    """Every markup style of the mock (classic tables, modern labelled divs)."""
    page.goto(any_mock_site.url_for(page_id))
    facts, rec = _recognise(page)
    assert rec.page is not None, rec.reason
    assert rec.page.id == page_id
    # the cross product: no other catalogue page has all its signals hold
    matched = [c.page_id for c in rec.candidates if c.matched]
    assert matched == [page_id]
    others = [p.id for p in CAT.pages if p.id != page_id]
    for other in others:
        spec = CAT.page(other)
        one = recognise(CAT.model_copy(update={"pages": (spec,)}), facts)
        assert one.page is None, f"{page_id} also matches {other}"


def test_arrival_in_one_call_reads_what_the_separate_calls_read(
    page: Page, any_mock_site: MockSite
) -> None:
    """With the page scripts installed per context: the same facts, settled, and the document's
    own token, which a new document replaces; without them the session marks the page itself."""
    url = any_mock_site.url_for("apply-office")
    page.goto(url)
    plain = arrive(page, CAT, 3000)
    assert plain.mark is None and plain.settled
    scripts.install(page.context)
    page.goto(url)
    first = arrive(page, CAT, 3000)
    assert first.settled and first.mark
    assert facts_of(first.reading) == facts_of(plain.reading) == read_facts(page, CAT.site)
    assert recognise(CAT, facts_of(first.reading)).page == CAT.page("apply-office")
    page.reload()
    again = arrive(page, CAT, 3000)
    assert again.mark and again.mark != first.mark
    # a page that keeps changing is not settled within the bound
    page.evaluate("() => setInterval(() => document.body.append('.'), 5)")
    page.wait_for_function("() => document.body.textContent.endsWith('..')")
    assert not arrive(page, CAT, 300).settled


def test_the_reading_ahead_changes_nothing_in_the_page(page: Page, any_mock_site: MockSite) -> None:
    """While the page loads and once it has loaded, the page scripts read it ahead of the
    tool's call without marking anything: from its first node to the tool's arrival the page
    sees the very changes it sees without the tool's scripts (its own, if any)."""
    page.context.add_init_script(
        "window.__seen = []; new MutationObserver((ms) => { for (const m of ms) "
        "window.__seen.push([m.type, m.target.nodeName, m.attributeName, m.addedNodes.length, "
        "m.removedNodes.length]); }).observe(document, "
        "{subtree: true, childList: true, attributes: true, characterData: true});"
    )
    url = any_mock_site.url_for("apply-office")
    page.goto(url)
    page.wait_for_timeout(200)
    alone = page.evaluate("() => window.__seen")
    scripts.install(page.context, reading_options(CAT))
    page.goto(url)
    page.wait_for_function("() => window.__nssaf && window.__nssaf.readAhead === true")
    assert page.evaluate("() => window.__nssaf.readAheadAt.length") >= 1
    assert page.evaluate("() => window.__seen") == alone
    assert page.evaluate("() => document.querySelectorAll('[data-nssaf]').length") == 0
    first = arrive(page, CAT, 3000)  # the tool's arrival marks the controls, as always
    assert first.ahead
    assert recognise(CAT, facts_of(first.reading)).page == CAT.page("apply-office")
    assert page.evaluate("() => document.querySelectorAll('[data-nssaf]').length") > 0


def test_a_page_that_does_not_change_once_parsed_is_read_once(
    page: Page, any_mock_site: MockSite
) -> None:
    """Every page of the flow, in both markups: nothing changes after the HTML is parsed, so
    the reading made at DOMContentLoaded is the one the arrival takes — the parser's last
    insertions, which the DOM clock hears of only after that event, do not count as a change."""
    scripts.install(page.context, reading_options(CAT))
    read_twice = []
    for page_id in ("bbs-nss", "terms", "apply-tanto", "apply-billing", "apply-done"):
        page.goto(any_mock_site.url_for(page_id))
        page.wait_for_function("() => window.__nssaf && window.__nssaf.readAhead === true")
        if page.evaluate("() => window.__nssaf.readAheadAt.length") != 1:
            read_twice.append(page_id)
        got = arrive(page, CAT, 3000)
        assert got.ahead, page_id
    assert read_twice == []


def test_the_arrival_says_when_the_page_settled_by_its_own_clock(
    page: Page, mock_site: MockSite
) -> None:
    """``settled_at``: once the page had loaded and its DOM had been quiet for the quiet time
    since its last change, in epoch milliseconds on the page's clock (not when the tool asked)."""
    now = "() => performance.timeOrigin + performance.now()"
    scripts.install(page.context, reading_options(CAT))
    page.goto(mock_site.url_for("apply-office"))
    page.wait_for_timeout(300)  # long settled when the tool arrives
    called = page.evaluate(now)
    got = arrive(page, CAT, 3000, quiet_ms=20)
    loaded = page.evaluate(
        "() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd"
    )
    assert got.settled_at is not None
    assert loaded <= got.settled_at <= called - 200
    # a page that changes every 5 ms for 150 ms: settled no sooner than 20 ms after the last
    page.evaluate(
        "() => { const end = performance.now() + 150; const tick = () => { "
        "document.body.append('.'); window.__changed = performance.timeOrigin + performance.now();"
        " if (performance.now() < end) setTimeout(tick, 5); }; tick(); }"
    )
    later = arrive(page, CAT, 3000, quiet_ms=20)
    changed = page.evaluate("() => window.__changed")
    assert later.settled and later.settled_at is not None
    assert changed + 20 - 1 <= later.settled_at <= page.evaluate(now)


_GIF = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c000000000100010000020144003b"
)
# a picture 240 x 40 that moves what follows it on its line once it has loaded
_WIDE_SVG = (
    b"<svg xmlns='http://www.w3.org/2000/svg' width='240' height='40'>"
    b"<rect width='240' height='40' fill='#ccc'/></svg>"
)


@contextlib.contextmanager
def _picture_site(html: str) -> Iterator[str]:
    """A one-page site serving ``html`` at ``/``, and what takes 400 ms each: two pictures
    (``/slow.gif``, 1 x 1; ``/wide.svg``, 240 x 40), ``/slow.css`` and ``/slow.js``."""
    page = html.encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, kind = {
                "/slow.gif": (_GIF, "image/gif"),
                "/wide.svg": (_WIDE_SVG, "image/svg+xml"),
                "/slow.css": (b"h1 { color: #036; }", "text/css"),
                "/slow.js": (b"window.__late = true;", "text/javascript"),
            }.get(self.path, (page, "text/html; charset=utf-8"))
            if body is not page:
                time.sleep(0.4)
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def slow_picture_site() -> Iterator[str]:
    """A page whose picture takes 400 ms, so the page is still loading when the tool arrives;
    its own script stops the document's readystatechange from reaching later listeners."""
    with _picture_site(
        "<!doctype html><html><head><meta charset='utf-8'><title>遅い画像</title><script>"
        "document.addEventListener('readystatechange', (e) => e.stopImmediatePropagation());"
        "</script></head><body><h1>申込担当者情報の入力</h1>"
        "<label>氏名 <input name='n'></label><img src='/slow.gif' alt=''></body></html>"
    ) as url:
        yield url


def test_the_arrival_waits_out_the_load_even_when_a_page_stops_its_readystatechange(
    page: Page, slow_picture_site: str
) -> None:
    """The arrival comes while the page is still loading; it settles once the page has loaded
    and is quiet, though the page keeps the document's readystatechange to itself."""
    scripts.install(page.context, reading_options(CAT))
    page.goto(slow_picture_site, wait_until="commit")
    got = arrive(page, CAT, 3000)
    assert got.settled
    # ended by the load (the picture takes 0.4 s), not by the 3 s bound
    assert got.wait_ms is not None and got.wait_ms < 2000
    assert page.evaluate("() => document.readyState") == "complete"
    assert page.evaluate("() => document.images[0].complete")
    assert [c.name for c in got.reading.controls] == ["n"]


def _arrive_as_it_loads(page: Page, html: str) -> Arrival:
    """``html`` served by :func:`_picture_site`, the arrival sent once the document is there."""
    scripts.install(page.context, reading_options(CAT))
    with _picture_site(html) as url:
        page.goto(url, wait_until="commit")
        return arrive(page, CAT, 3000)


def test_the_arrival_waits_in_the_document_while_its_html_is_still_parsed(page: Page) -> None:
    """Once the new document is there the arrival call goes into it, also while a script
    holds up the parsing (400 ms): it waits in the page, not for Python to hear that the
    page has loaded, and reads the page once it has."""
    html = (
        "<!doctype html><html><head><meta charset='utf-8'></head><body>"
        "<h1>申込担当者情報の入力</h1><script src='/slow.js'></script>"
        "<label>氏名 <input name='n'></label></body></html>"
    )
    got = _arrive_as_it_loads(page, html)
    assert got.settled and got.wait_ms is not None
    assert got.wait_ms > 250  # it was in the page before the script came
    assert page.evaluate("() => window.__late") is True
    assert [c.name for c in got.reading.controls] == ["n"]


def test_the_tool_reads_a_page_as_its_load_handlers_left_it(page: Page) -> None:
    """The arrival comes while the page still loads (a picture takes 400 ms), and the page's
    load handler adds a field: the tool reads the page once the handler has run."""
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>t</title></head>"
        "<body onload=\"document.querySelector('div').innerHTML = "
        "'<label>電話番号 <input name=t></label>'\"><h1>申込担当者情報の入力</h1>"
        "<label>氏名 <input name='n'></label><div></div><img src='/slow.gif' alt=''></body></html>"
    )
    got = _arrive_as_it_loads(page, html)
    assert got.settled
    assert [c.name for c in got.reading.controls] == ["n", "t"]


def test_the_page_is_read_ahead_while_its_pictures_load_not_while_a_stylesheet_does(
    page: Page,
) -> None:
    """Once its HTML is parsed the page is read ahead, while its pictures still load (before
    it settles); not while a stylesheet still loads (the layout is not the page's yet)."""
    scripts.install(page.context, reading_options(CAT))
    body = "<h1>申込担当者情報の入力</h1><label>氏名 <input name='n'></label>"
    picture = f"<!doctype html><html><head><meta charset='utf-8'></head><body>{body}"
    picture += "<img src='/slow.gif' alt=''></body></html>"
    sheet = "<!doctype html><html><head><meta charset='utf-8'>"
    sheet += f"<link rel='stylesheet' href='/slow.css'></head><body>{body}</body></html>"
    times = (
        "() => [window.__nssaf.readAheadAt, "
        "performance.getEntriesByType('navigation')[0].domComplete]"
    )
    for html, before_load in ((picture, True), (sheet, False)):
        with _picture_site(html) as url:
            page.goto(url)
            page.wait_for_function("() => window.__nssaf && window.__nssaf.readAhead === true")
            at, complete = page.evaluate(times)
        assert at, html
        assert (at[0] < complete - 200) is before_load, (at, complete)


def test_a_reading_ahead_goes_stale_when_a_picture_moves_a_caption(page: Page) -> None:
    """A picture that loads after the reading ahead moves the caption beside it but not the
    box: what a person sees changed without a DOM change, and the reading's check says so."""
    html = (
        "<!doctype html><html><head><meta charset='utf-8'></head><body>"
        "<h1>申込担当者情報の入力</h1><div style='height:3em;overflow:hidden;white-space:nowrap'>"
        "<img src='/wide.svg' alt=''>氏名</div><input name='n'></body></html>"
    )
    scripts.install(page.context, reading_options(CAT))
    with _picture_site(html) as url:
        page.goto(url, wait_until="domcontentloaded")
        page.evaluate(
            "(o) => { window.__early = window.__nssaf['reading.js']({...o, ahead: true}); }",
            reading_options(CAT),
        )
        before = page.evaluate("() => [window.__early.ahead.still(), document.readyState]")
        page.wait_for_load_state("load")
        after = page.evaluate("() => window.__early.ahead.still()")
    assert before == [True, "loading"] or before == [True, "interactive"]
    assert after is False


_MARKS = "() => Array.from(document.querySelectorAll('[data-nssaf]'), (e) => e.dataset.nssaf)"


@pytest.mark.parametrize(
    "change",
    [
        None,
        # what changes without a DOM mutation: a value typed (a property, not an attribute),
        # a box ticked, the window's size
        "() => { document.querySelector('input[type=text]').value = '山田'; }",
        "() => { const b = document.querySelector('input[type=radio]'); b.checked = !b.checked; }",
        "resize",
    ],
    ids=["nothing", "value typed", "box ticked", "window resized"],
)
def test_the_reading_ahead_is_taken_only_while_nothing_changed(
    page: Page, any_mock_site: MockSite, change: str | None
) -> None:
    """The arrival takes the reading made ahead only when nothing a person could see changed
    since (also what changes without the DOM changing); either way it is the reading a fresh
    call makes, with the same marks."""
    scripts.install(page.context, reading_options(CAT))
    page.goto(any_mock_site.url_for("apply-office"))
    page.wait_for_function("() => window.__nssaf && window.__nssaf.readAhead === true")
    if change == "resize":
        size = page.viewport_size or {"width": 1280, "height": 720}
        page.set_viewport_size({"width": size["width"] - 200, "height": size["height"]})
    elif change:
        page.evaluate(change)
    got = arrive(page, CAT, 3000)
    assert got.ahead is (change is None)
    marks = page.evaluate(_MARKS)
    fresh = read_page(page, CAT.site)
    assert got.reading.controls == fresh.controls and got.reading.buttons == fresh.buttons
    assert facts_of(got.reading) == facts_of(fresh)
    assert marks and marks == page.evaluate(_MARKS)
    if change and "value" in change:
        assert "山田" in [c.value for c in got.reading.controls]


# What Prototype.js 1.6 (common on JSP-era sites) puts on the built-in prototypes: toJSON methods
# that turn arrays and strings into JSON text of their own, which JSON.stringify then quotes.
_PROTOTYPE_JS_TOJSON = """() => {
  Array.prototype.toJSON = function () { return "[" + this.map(String).join(", ") + "]"; };
  String.prototype.toJSON = function () { return "'" + this + "'"; };
  Object.prototype.toJSON = function () { return "{}"; };
}"""


def test_a_page_with_prototype_js_toJSON_is_read_as_any_other(
    page: Page, any_mock_site: MockSite
) -> None:
    """The reading comes back as JSON text (fast); a page's own toJSON methods are set aside
    while it is written, so it is the same reading, and the page keeps its methods."""
    scripts.install(page.context)
    page.goto(any_mock_site.url_for("apply-office"))
    plain = arrive(page, CAT, 3000)
    page.evaluate(_PROTOTYPE_JS_TOJSON)
    patched = arrive(page, CAT, 3000)
    assert facts_of(patched.reading) == facts_of(plain.reading)
    assert patched.reading.controls == plain.reading.controls
    assert read_facts(page, CAT.site) == facts_of(plain.reading)
    assert page.evaluate("() => typeof Array.prototype.toJSON + typeof Object.prototype.toJSON")
    assert page.evaluate("() => JSON.stringify([1, 2])") == '"[1, 2]"'  # the page's, kept


def test_unknown_page_names_candidates(page: Page, any_mock_site: MockSite) -> None:
    page.goto(any_mock_site.url_for("unknown"))
    _, rec = _recognise(page)
    assert rec.page is None
    assert rec.candidates
    assert all(c.failed for c in rec.candidates)
    assert "no catalogue page matches" in rec.reason


def test_renamed_caption_refuses_with_failed_signal(page: Page, any_mock_site: MockSite) -> None:
    page.goto(any_mock_site.url_for("temp-apply"))
    page.evaluate(
        """() => { for (const e of document.querySelectorAll('input[type=submit],button,a'))
             if ((e.tagName === 'INPUT' ? e.value : e.textContent).includes('申込内容確認へ進む')) {
               if (e.tagName === 'INPUT') e.value = '確認画面へ';
               else e.textContent = '確認画面へ'; } }"""
    )
    _, rec = _recognise(page)
    assert rec.page is None
    best = rec.candidates[0]
    assert best.page_id == "temp-apply"
    assert best.failed == ("button='申込内容確認へ進む'",)


def test_validation_errors_are_reported(page: Page, any_mock_site: MockSite) -> None:
    page.goto(any_mock_site.url_for("temp-apply"))
    page.evaluate(
        """() => { const d = document.createElement('div'); d.className = 'errbox';
             d.textContent = '入力内容に誤りがあります。'; document.body.prepend(d);
             const m = document.createElement('div'); m.className = 'errmsg';
             m.textContent = '企業名を入力してください。'; document.body.append(m); }"""
    )
    _, rec = _recognise(page)
    assert rec.page is not None and rec.page.id == "temp-apply"
    errs = rec.validation_errors
    assert errs[0] == "入力内容に誤りがあります。"
    assert "企業名を入力してください。" in errs


# ---------------------------------------------------------------- pure, no browser


def _facts(**kw: object) -> PageFacts:
    base: dict[str, object] = {
        "title": "NACCSサポートシステム",
        "steps": ("仮ログイン申込",),
        "headings": ("申込担当者の情報",),
        "labels": ("企業名(全角)", "メールアドレス（確認用）※必須"),
        "buttons": ("申込内容確認へ進む", "戻る"),
        "text": "申込担当者の情報 …",
    }
    base.update(kw)
    return PageFacts(**base)  # type: ignore[arg-type]


@pytest.mark.nobrowser
def test_recognise_pure_match() -> None:
    rec = recognise(CAT, _facts())
    assert rec.page is not None and rec.page.id == "temp-apply"
    assert rec.validation_errors == ()


@pytest.mark.nobrowser
def test_recognise_pure_step_missing_names_failed_signal() -> None:
    rec = recognise(CAT, _facts(steps=()))
    assert rec.page is None
    assert rec.candidates[0].page_id == "temp-apply"
    assert rec.candidates[0].failed == ("step='仮ログイン申込'",)


@pytest.mark.nobrowser
def test_recognise_pure_ambiguous_names_both() -> None:
    facts = _facts(
        headings=("申込担当者の情報", "申込内容確認"),
        buttons=("申込内容確認へ進む", "申込内容を登録する"),
    )
    rec = recognise(CAT, facts)
    assert rec.page is None
    assert {c.page_id for c in rec.candidates} == {"temp-apply", "temp-confirm"}
    assert rec.reason.startswith("several pages match")


@pytest.mark.nobrowser
def test_recognise_pure_nothing() -> None:
    rec = recognise(CAT, PageFacts(text="Hello"))
    assert rec.page is None


@pytest.mark.nobrowser
def test_recognise_pure_validation_error() -> None:
    rec = recognise(CAT, _facts(text="入力内容に誤りがあります。", errors=("電話番号が不正です",)))
    assert rec.validation_errors == ("入力内容に誤りがあります。", "電話番号が不正です")


@pytest.mark.nobrowser
@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("企業名<span>(全角)</span>", "企業名<span>"),  # not html: markup is never passed in
        ("企業名 (全角) ※必須", "企業名"),
        ("企業名（フリガナ）※必須(全角カタカナ)", "企業名(フリガナ)"),
        ("郵便番号(半角数字7桁)", "郵便番号"),
        ("住所(都道府県)", "住所(都道府県)"),
        ("住所（市区町村・番地）(全角)", "住所(市区町村・番地)"),
        ("住所(建物名等)", "住所(建物名等)"),
        ("管理統計資料(有料分)", "管理統計資料(有料分)"),
        ("メールアドレス(確認用)", "メールアドレス(確認用)"),
        ("\u3000電話\u00a0番号 ", "電話番号"),
        ("(1) 利用者コード", "利用者コード"),
        ("企業名【必須】", "企業名"),
        ("企業名 例)ナックス商事", "企業名"),
        ("企業名(カナ)", "企業名(カナ)"),  # not a hint word: kept, so it never matches 企業名
    ],
)
def test_label_key(raw: str, key: str) -> None:
    if "<span>" in raw:
        return
    assert label_key(raw) == key


@pytest.mark.nobrowser
def test_text_key() -> None:
    assert text_key("申込内容確認へ　進む") == "申込内容確認へ進む"
    assert text_key("ＮＳＳ ログイン") == "NSSログイン"


def test_current_tab_by_style_only(page: Page) -> None:
    tabs = "".join(
        f'<li style="{"background:#123;color:#fff" if t == "料金" else ""}">{t}</li>'
        for t in CAT.site.tabs
    )
    page.set_content(f"<ul>{tabs}</ul><h2>料金</h2>")
    facts = read_facts(page, CAT.site)
    assert facts.tabs == ("料金",)


def test_current_step_by_aria_and_heading_repeat_is_not_the_bar(page: Page) -> None:
    steps = "".join(
        f"<li{' aria-current=step' if s == 'NACCS利用申込' else ''}>{i} {s}</li>"
        for i, s in enumerate(CAT.site.steps, 1)
    )
    page.set_content(f"<ol>{steps}</ol><h2 class='current'>仮ログイン申込</h2>")
    assert read_facts(page, CAT.site).steps == ("NACCS利用申込",)


# ---------------------------------------------------------------- markup variants (review)

_SR_CSS = (
    "<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0,0,0,0);white-space:nowrap}</style>"
)


def _step_bar(current: str, note: str, mark: str = " aria-current=step") -> str:
    items = "".join(
        f"<li{mark if s == current else ''}>{note if s == current else ''}{i} {s}</li>"
        for i, s in enumerate(CAT.site.steps, 1)
    )
    return f'<nav aria-label="進捗"><ol>{items}</ol></nav>'


@pytest.mark.parametrize(
    ("current", "note", "mark"),
    [
        ("NACCS利用申込", '<span class="sr-only">現在のステップ：</span>', " aria-current=step"),
        ("NACCS利用申込完了", '<span class="sr-only">現在のステップ：</span>', " class=active"),
        ("NACCS利用申込", "", " aria-current=step"),
    ],
)
def test_current_step_with_screen_reader_note(
    page: Page, current: str, note: str, mark: str
) -> None:
    """Item 3: hidden helper text in the current item; the longest name decides."""
    page.set_content(_SR_CSS + _step_bar(current, note, mark))
    assert read_facts(page, CAT.site).steps == (current,)


@pytest.mark.parametrize("note", ["（現在）", "(現在のステップ)"])
def test_current_step_named_by_a_trailing_note(page: Page, note: str) -> None:
    """Item 3: a visible note is part of the item's text and marks it current on its own."""
    items = "".join(
        f"<li>{i} {s}{note if s == 'NACCS利用申込' else ''}</li>"
        for i, s in enumerate(CAT.site.steps, 1)
    )
    page.set_content(f"<ol>{items}</ol>")
    assert read_facts(page, CAT.site).steps == ("NACCS利用申込",)


def test_item_naming_two_steps_is_not_an_item(page: Page) -> None:
    items = "".join(f"<li>{i} {s}</li>" for i, s in enumerate(CAT.site.steps, 1))
    page.set_content(f"<ol>{items}</ol><p class='current'>仮ログイン申込・NACCS利用申込</p>")
    assert read_facts(page, CAT.site).steps == ()


def test_radiogroup_name_counts_as_label(page: Page) -> None:
    """Item 6: role=radiogroup named by aria-labelledby (and aria-label, legend) is a label."""
    tabs = "".join(
        f"<li{' aria-current=page' if t == '料金' else ''}>{t}</li>" for t in CAT.site.tabs
    )
    page.set_content(
        _step_bar("NACCS利用申込", "") + f"<ul>{tabs}</ul>"
        '<p id="p">希望する料金プラン</p><div role="radiogroup" aria-labelledby="p">'
        '<label><input type="radio" name="g" value="A">Aプラン</label>'
        '<label><input type="radio" name="g" value="B">Bプラン</label></div>'
        '<div role="group" aria-label="管理統計資料(有料分)">'
        '<label><input type="radio" name="s">要</label></div>'
        '<div role="group" aria-label="飾り"></div>'
    )
    facts = read_facts(page, CAT.site)
    assert "希望する料金プラン" in facts.labels
    assert "管理統計資料(有料分)" in facts.labels
    assert "飾り" not in facts.labels  # a group without controls names nothing
    rec = recognise(CAT, facts)
    assert rec.page is not None and rec.page.id == "apply-plan", rec.reason


def test_per_field_error_messages_are_collected(page: Page) -> None:
    """Item 7: invalid-feedback, span.error and aria-invalid + aria-describedby messages."""
    page.set_content(
        '<div role="alert">入力内容に誤りがあります。</div>'
        '<div><label for="a">企業名</label><input id="a" class="form-control is-invalid">'
        '<p class="invalid-feedback" style="display:block">企業名を入力してください。</p></div>'
        '<div><label for="b">電話番号</label><input id="b"><span class="error">'
        "電話番号の形式が正しくありません。</span></div>"
        '<div><label for="c">メールアドレス</label><input id="c" aria-invalid="true" '
        'aria-describedby="c-hint c-err"><small id="c-hint">半角で入力</small>'
        '<small id="c-err">メールアドレスが正しくありません。</small></div>'
        '<p class="invalid-feedback" style="display:none">見えない</p>'
    )
    facts = read_facts(page, CAT.site)
    rec = recognise(CAT, facts)
    errs = rec.validation_errors
    assert errs[0] == "入力内容に誤りがあります。"
    for msg in (
        "企業名を入力してください。",
        "電話番号の形式が正しくありません。",
        "メールアドレスが正しくありません。",
    ):
        assert msg in errs, errs
    assert "見えない" not in errs
    # without the site's rejected message, error-styled elements alone are not a rejection
    page.evaluate("() => document.querySelector('[role=alert]').remove()")
    assert recognise(CAT, read_facts(page, CAT.site)).validation_errors == ()


def test_labels_with_ruby_br_and_hidden_helper_text(page: Page) -> None:
    page.set_content(
        _SR_CSS + "<table>"
        "<tr><th>利用開始<br>希望日</th><td><select><option>1</option></select></td></tr>"
        "<tr><th><ruby>氏<rt>し</rt></ruby><ruby>名<rp>(</rp><rt>めい</rt><rp>)</rp></ruby>"
        "</th><td><input></td></tr>"
        '<tr><th><label for="x"><span>部署</span><span>名</span>'
        '<span class="sr-only">（必須項目）</span></label></th><td><input id="x"></td></tr>'
        "</table>"
    )
    labels = {label_key(x) for x in read_facts(page, CAT.site).labels}
    assert {"利用開始希望日", "氏名", "部署名"} <= labels


def test_item_with_other_words_beside_a_name_is_not_an_item(page: Page) -> None:
    """Containing a name is not enough: only numbering and a "current" note may sit beside it."""
    tabs = "".join(
        f"<li{' class=active' if t == '料金' else ''}>"
        f"{'料金シミュレーション' if t == '料金' else t}</li>"
        for t in CAT.site.tabs
    )
    page.set_content(f"<ul>{tabs}</ul>")
    assert read_facts(page, CAT.site).tabs == ()


def test_icon_button_with_screen_reader_caption(page: Page) -> None:
    page.set_content(
        _SR_CSS + '<button type="button"><i class="icon"></i><span class="sr-only">次へ</span>'
        '</button><button type="button">戻る<span class="sr-only">（前の画面）</span></button>'
    )
    assert read_facts(page, CAT.site).buttons == ("次へ", "戻る")


def test_current_step_drawn_as_images(page: Page) -> None:
    """Old step bars are pictures: the alt names the item, the file name marks the current."""
    items = "".join(
        f'<img alt="{s}" src="/img/step{i}_{"on" if s == "仮ログイン申込" else "off"}.gif">'
        for i, s in enumerate(CAT.site.steps, 1)
    )
    page.set_content(f"<div class='steps'>{items}</div><h2>仮ログイン申込</h2>")
    assert read_facts(page, CAT.site).steps == ("仮ログイン申込",)


def test_page_scripts_are_called_as_page_evaluate_calls_them(
    page: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The direct call (the browser's own protocol, no Playwright helper script in the page)
    answers as ``page.evaluate`` does: values, awaited promises, nothing as None, and a script's
    exception as an error naming it; through ``page.evaluate`` where the browser has no such
    protocol."""

    def no_protocol(*_: object) -> None:
        raise PlaywrightError("no DevTools protocol here")

    plain = page.context.new_page()
    with monkeypatch.context() as m:
        m.setattr(page.context, "new_cdp_session", no_protocol)
        assert scripts.direct(plain, "() => 1") == 1  # no session for it: page.evaluate
    assert scripts.direct(page, "() => 1") == 1
    assert scripts._SESSIONS[page] is not None and scripts._SESSIONS[plain] is None
    arg = {"a": [1, "山田\u2028"], "b": None}
    for pg in (page, plain):
        pg.set_content("<p>x</p>")
    for pg, how in ((page, scripts.direct), (plain, scripts.direct), (page, _plain)):
        assert how(pg, "(x) => x", arg) == arg
        assert how(pg, "async (x) => x.a[1]", arg) == "山田\u2028"
        assert how(pg, "() => undefined") is None
        with pytest.raises(PlaywrightError, match="boom"):
            how(pg, "() => { throw new Error('boom'); }")


def test_a_direct_call_whose_session_went_away_is_made_through_playwright(page: Page) -> None:
    """A session that was detached (a process swap may close it) does not fail the call: the
    call goes through ``page.evaluate`` and the next one opens a new session."""
    page.set_content("<p>x</p>")
    assert scripts.direct(page, "() => 1") == 1
    first = scripts._SESSIONS[page]
    assert first is not None
    first.detach()
    assert scripts.direct(page, "() => document.querySelector('p').textContent") == "x"
    assert page not in scripts._SESSIONS
    assert scripts.direct(page, "() => 2") == 2
    assert scripts._SESSIONS[page] not in (None, first)


def _plain(page: Page, script: str, arg: object = None) -> object:
    return page.evaluate(script, arg)
