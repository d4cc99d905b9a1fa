"""The operator's overlay: it shows status and points at buttons, and never changes form data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from nss_autofill.engine.filling import FieldResult, FillMemory, PageFill, fill_page
from nss_autofill.engine.locating import field_locators, find_button
from nss_autofill.engine.overlay import (
    BADGES,
    Category,
    category,
    clear,
    highlight,
    panel,
    show_confirmation,
    show_field_status,
)
from nss_autofill.engine.planning import build_context, plan_page
from nss_autofill.engine.reading import wait_settled
from nss_autofill.engine.status import FieldStatus
from nss_autofill.mock.server import MockSite
from nss_autofill.profile import load_profile
from nss_autofill.site.catalogue import PageSpec, load_catalogue

ROOT = Path(__file__).resolve().parent.parent
CAT = load_catalogue()
DATA = load_profile(ROOT / "profiles" / "example.yaml").model_dump(mode="python")

# Everything a form would submit or show, and its shape: per form, FormData entries; per
# control, value / checked / selected options; per element, tag, child count and attributes
# (``style`` aside, and the locator's own temporary ``data-nssaf`` marks).
STATE_JS = """(withStyle) => {
  const forms = Array.from(document.forms).map((f) => ({
    data: Array.from(new FormData(f).entries()).map(([k, v]) => [k, String(v)]),
    tree: Array.from(f.querySelectorAll("*")).map((e) => [
      e.tagName, e.childNodes.length,
      Array.from(e.attributes).filter((a) => a.name !== "data-nssaf" &&
        (withStyle || a.name !== "style")).map((a) => a.name + "=" + a.value).sort().join(" "),
    ]),
  }));
  const controls = Array.from(document.querySelectorAll("input, select, textarea")).map((e) =>
    [e.name, e.value, e.checked === true,
     e.tagName === "SELECT" ? Array.from(e.options).map((o) => o.selected) : null]);
  return {forms, controls, text: document.body.innerText,
          outside: document.querySelectorAll("body > *").length};
}"""

OVERLAY_JS = """() => {
  const hosts = document.querySelectorAll("#nss-autofill-overlay");
  const sr = hosts.length ? hosts[0].shadowRoot : null;
  const all = (sel) => sr ? Array.from(sr.querySelectorAll(sel)) : [];
  return {
    hosts: hosts.length,
    inForm: hosts.length ? hosts[0].closest("form") !== null : false,
    badges: all(".badge").map((b) => [b.getAttribute("data-field"), b.textContent]),
    panels: all(".panel").length,
    items: all(".fields-list li").map((li) => [li.getAttribute("data-field"),
                                               li.querySelector(".icon").textContent]),
    lines: all(".lines-list li").map((li) => li.textContent),
    arrows: all(".arrow").length,
    banner: all(".banner").map((b) => b.textContent),
    marksHidden: sr ? sr.querySelector(".marks").getAttribute("aria-hidden") : null,
  };
}"""


def _state(page: Page, with_style: bool = False) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(STATE_JS, with_style)
    return result


def _overlay(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(OVERLAY_JS)
    return result


def _presser(page: Page) -> Any:
    def press(target: Any, caption: str, /) -> None:
        # helper buttons only (反映); fill_page never hands over a guarded one
        (page.locator(target) if isinstance(target, str) else target).click()

    return press


def _filled_office(
    page: Page, site: MockSite, *, problems: bool = True
) -> tuple[PageSpec, PageFill]:
    """apply-office filled: with ``problems``, one field of each kind of status."""
    spec = CAT.page("apply-office")
    page.goto(site.url_for(spec.id))
    wait_settled(page, 3000)
    ctx = build_context(DATA)
    memory = FillMemory()
    if problems:
        ctx["company"] = {**ctx["company"], "prefecture": "東京府"}  # not an option: error
        ctx["administrator"] = {**ctx["administrator"], "email": None}  # required: a human's
        memory.remember(spec.id, "representative_title", 0, None, "代表取締役")
        (title,) = field_locators(page, spec.field("representative_title"), spec)
        title.fill("代表取締役社長")  # the operator changed what the tool wrote: kept
    results = fill_page(page, spec, plan_page(spec, ctx), memory, _presser(page))
    return spec, results


def _overlay_all(page: Page, spec: PageSpec, results: PageFill) -> None:
    assert show_field_status(page, spec, results)  # False only if the page went away
    target = find_button(page, spec.forward[0], spec)
    assert target is not None
    assert highlight(page, target, spec.forward[0])
    assert panel(page, ["✗ 企業名: 「ナックス商事株式会社」"])


def test_overlay_changes_no_form_data(page: Page, any_mock_site: MockSite) -> None:
    spec, results = _filled_office(page, any_mock_site)
    before = _state(page)
    before_styled = _state(page, with_style=True)
    _overlay_all(page, spec, results)
    _overlay_all(page, spec, results)
    after = _state(page)
    assert after["forms"] == before["forms"]  # FormData, and no element gained children
    assert after["controls"] == before["controls"]
    assert after["text"] == before["text"]  # recognition reads body text: the overlay is not in it
    assert after["outside"] == before["outside"] + 1  # one host element, appended to <body>
    assert _state(page, with_style=True) != before_styled  # the outlines are there …
    assert clear(page)
    assert _state(page, with_style=True) == before_styled  # … and go away without a trace
    assert _overlay(page)["hosts"] == 0


def test_each_status_has_its_own_badge_and_the_panel_lists_every_field(
    page: Page, mock_site: MockSite
) -> None:
    spec, results = _filled_office(page, mock_site)
    cats = {r.field_id: category(r, spec.field(r.field_id)) for r in results.fields}
    assert {"ok", "kept", "human", "problem"} <= set(cats.values()), cats
    show_field_status(page, spec, results)
    ov = _overlay(page)
    assert ov["hosts"] == 1 and not ov["inForm"] and ov["marksHidden"] == "true"
    badge_of = dict(ov["badges"])
    seen: dict[Category, set[str]] = {}
    for fid, cat in cats.items():
        if cat != "none" and fid in badge_of:
            seen.setdefault(cat, set()).add(badge_of[fid])
    # one badge text per category, and no two categories share one
    assert all(len(texts) == 1 for texts in seen.values()), seen
    assert len({next(iter(t)) for t in seen.values()}) == len(seen) == 4, seen
    assert {c: next(iter(t)) for c, t in seen.items()} == {c: BADGES[c] for c in seen}
    # every field of the page is listed, with its category's icon
    listed = dict(ov["items"])
    assert set(listed) == set(cats)
    assert all(listed[fid] == BADGES[cat] for fid, cat in cats.items())
    # the problem comes first
    assert ov["items"][0][0] == "prefecture"


def test_overlay_is_idempotent(page: Page, mock_site: MockSite) -> None:
    spec, results = _filled_office(page, mock_site)
    _overlay_all(page, spec, results)
    once = _overlay(page)
    _overlay_all(page, spec, results)
    twice = _overlay(page)
    assert twice == once
    assert twice["hosts"] == 1 and twice["panels"] == 1 and twice["arrows"] == 1
    assert len(twice["banner"]) == 1
    assert len(twice["badges"]) == len({fid for fid, _ in twice["badges"]})
    assert len(twice["lines"]) == 1


def _forward_post(page: Page, site: MockSite, overlay: bool) -> tuple[dict[str, Any], str | None]:
    spec, results = _filled_office(page, site, problems=False)
    if overlay:
        _overlay_all(page, spec, results)
    before = len(site.posts)
    target = find_button(page, spec.forward[0], spec)
    assert target is not None
    with page.expect_navigation():
        target.click()  # as a human would: a real mouse click, through the overlay
    posts = [p for p in site.posts[before:] if p.page_id == spec.id]
    assert len(posts) == 1
    return posts[0].fields, posts[0].submitter


def test_forward_post_is_the_same_with_the_overlay(page: Page, any_mock_site: MockSite) -> None:
    overlaid = _forward_post(page, any_mock_site, overlay=True)
    # the same page filled without the overlay, on a fresh site (a first visit, like the above)
    with MockSite(any_mock_site.style) as plain_site:
        plain = _forward_post(page, plain_site, overlay=False)
        assert not plain_site.guarded_posts()
    assert overlaid == plain
    assert plain[0]  # the form did post its fields


@pytest.mark.parametrize("page_id", ["terms", "temp-confirm", "apply-confirm"])
def test_banner_names_the_caption_the_operator_sees(
    page: Page, any_mock_site: MockSite, page_id: str
) -> None:
    """Not the element's value: the modern markup's submit is <button value="register">."""
    spec = CAT.page(page_id)
    page.goto(any_mock_site.url_for(page_id))
    wait_settled(page, 3000)
    caption = spec.guarded_buttons[0].caption
    target = find_button(page, caption, spec)
    assert target is not None
    assert highlight(page, target, caption)
    (banner,) = _overlay(page)["banner"]
    assert f"「{caption}」" in banner
    assert any_mock_site.guarded_posts() == []


def test_banner_points_at_the_control_and_follows_scrolling(
    page: Page, mock_site: MockSite
) -> None:
    page.set_viewport_size({"width": 1100, "height": 360})
    spec = CAT.page("terms")
    page.goto(mock_site.url_for(spec.id))
    wait_settled(page, 3000)
    caption = spec.guarded_buttons[0].caption
    target = find_button(page, caption, spec)
    assert target is not None
    before = _state(page)
    assert highlight(page, target, caption)
    ov = _overlay(page)
    assert ov["arrows"] == 1
    (banner,) = ov["banner"]
    assert "内容をご確認のうえ、ご自身で押してください" in banner
    assert "yourself" in banner and caption in banner
    assert _state(page)["forms"] == before["forms"]

    geometry = """(sel) => {
      const arrow = document.getElementById("nss-autofill-overlay").shadowRoot
        .querySelector(".arrow").getBoundingClientRect();
      const btn = document.querySelector(sel).getBoundingClientRect();
      return {dx: arrow.left - btn.right, dy: (arrow.top + arrow.height / 2) -
              (btn.top + btn.height / 2), top: btn.top};
    }"""
    sel = "[data-nss-test]"
    target.evaluate("e => e.setAttribute('data-nss-test', '')")  # the test's own marker
    first = page.evaluate(geometry, sel)
    assert 0 < first["dx"] < 30 and abs(first["dy"]) < 3, first
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_timeout(100)
    moved = page.evaluate(geometry, sel)
    assert moved["top"] != first["top"]  # the page did scroll …
    assert 0 < moved["dx"] < 30 and abs(moved["dy"]) < 3, moved  # … and the arrow followed
    page.set_viewport_size({"width": 700, "height": 360})
    page.wait_for_timeout(100)
    narrow = page.evaluate(geometry, sel)
    assert abs(narrow["dy"]) < 3, narrow


def test_confirmation_differences_in_the_panel(page: Page, mock_site: MockSite) -> None:
    from nss_autofill.engine.confirm_audit import Difference

    spec = CAT.page("apply-confirm")
    page.goto(mock_site.url_for(spec.id))
    wait_settled(page, 3000)
    before = _state(page)
    diffs = [Difference("apply-office", "企業名", "ナックス商事", "missing")]
    assert show_confirmation(page, diffs, 12)
    assert show_confirmation(page, diffs, 12)
    ov = _overlay(page)
    assert ov["panels"] == 1
    (line,) = ov["lines"]
    assert "企業名" in line and "ナックス商事" in line and "not shown" in line
    show_confirmation(page, [], 12)
    assert _overlay(page)["lines"] == []
    after = _state(page)
    assert (after["forms"], after["controls"]) == (before["forms"], before["controls"])


def test_collapse_button_hides_the_list(page: Page, mock_site: MockSite) -> None:
    spec, results = _filled_office(page, mock_site, problems=False)
    before = _state(page)
    show_field_status(page, spec, results)
    toggle = page.locator("#nss-autofill-overlay .toggle")  # Playwright pierces the shadow root
    lists = page.locator("#nss-autofill-overlay .fields-list")
    assert lists.is_visible()
    toggle.click()
    assert not lists.is_visible()
    show_field_status(page, spec, results)  # a refill keeps the operator's choice
    assert not lists.is_visible()
    toggle.click()
    assert lists.is_visible()
    after = _state(page)
    assert (after["forms"], after["controls"]) == (before["forms"], before["controls"])
    assert mock_site.posts == []


@pytest.mark.nobrowser
def test_category() -> None:
    spec = CAT.page("apply-office")
    required = spec.field("company_name")
    optional = spec.field("building")

    def cat(status: str, field: Any = required) -> str:
        return category(FieldResult(field.id, "", (), FieldStatus(status)), field)

    assert cat("filled") == cat("unchanged") == "ok"
    assert cat("kept-operator-value") == "kept"
    assert cat("manual") == cat("skipped-no-value") == "human"
    assert cat("skipped-no-value", optional) == "none"
    assert cat("mismatch") == cat("error") == "problem"
    assert len(set(BADGES.values())) == len(BADGES)


def test_a_page_gone_is_not_an_error(page: Page, mock_site: MockSite) -> None:
    spec, results = _filled_office(page, mock_site, problems=False)
    page.close()
    assert not show_field_status(page, spec, results)
    assert not panel(page, ["x"])


def test_a_sensitive_field_detail_is_not_shown(page: Page, mock_site: MockSite) -> None:
    spec = CAT.page("login")
    page.goto(mock_site.url_for(spec.id))
    wait_settled(page, 3000)
    secret = next(f for f in spec.fields if f.sensitive)
    status = FieldStatus.MISMATCH
    results = PageFill([FieldResult(secret.id, secret.where(), ("****",), status, "kept 'Pw-123'")])
    assert show_field_status(page, spec, results)
    shadow = page.evaluate(
        "() => document.getElementById('nss-autofill-overlay').shadowRoot.textContent"
    )
    assert "Pw-123" not in shadow
    assert secret.where() in shadow and "！" in shadow
