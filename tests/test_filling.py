"""Filling: every fillable page from every example profile, read back and as posted."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page

from nss_autofill.engine import scripts
from nss_autofill.engine.controls import date_key as _date_key
from nss_autofill.engine.filling import (
    FieldResult,
    FillMemory,
    fill_page,
    press_and_settle,
)
from nss_autofill.engine.locating import locate_button, locate_field, scan_form
from nss_autofill.engine.planning import PagePlan, build_context, plan_fixed, plan_page
from nss_autofill.engine.reading import wait_settled
from nss_autofill.engine.recognition import text_key
from nss_autofill.mock.server import MockSite
from nss_autofill.profile import load_profile
from nss_autofill.site.catalogue import PageKind, PageSpec, load_catalogue

from . import expected_posts
from .expected_posts import FIELDS, MODERN_NAMES, POSTS, expected

ROOT = Path(__file__).resolve().parent.parent
CAT = load_catalogue()
PROFILES = sorted(p.stem for p in (ROOT / "profiles").glob("*.yaml"))
FILLABLE = [p.id for p in CAT.pages if p.kind in (PageKind.FORM, PageKind.CONFIRM) and p.fields]
GOOD = {"filled", "unchanged", "skipped-no-value", "manual"}


def presser(page: Page) -> Callable[[Locator | str, str], None]:
    """Stands in for the guard in these tests: the caption must be what the control shows."""

    def press(target: Locator | str, caption: str) -> None:
        _press(page.locator(target) if isinstance(target, str) else target, caption)

    return press


def _press(locator: Locator, caption: str) -> None:
    shown = locator.evaluate("e => (e.tagName === 'INPUT' ? e.value : e.textContent).trim()")
    assert text_key(shown) == text_key(caption)
    locator.click()


def _context(profile: str, spec: PageSpec) -> dict[str, Any]:
    return build_context(load_profile(ROOT / "profiles" / f"{profile}.yaml").model_dump(), spec)


def _open(page: Page, site: MockSite, page_id: str) -> None:
    page.goto(site.url_for(page_id))
    wait_settled(page, 3000)


def _bad(results: list[FieldResult]) -> list[FieldResult]:
    return [r for r in results if r.status not in GOOD]


# every example profile on both markups
COMBOS = [(style, p) for style in ("classic", "modern") for p in PROFILES]

_FORM_DATA = """(el) => {
  const out = {};
  for (const [k, v] of new FormData(el.form)) (out[k] = out[k] || []).push(String(v));
  return out;
}"""


def test_the_tables_cover_every_fillable_page_and_profile() -> None:
    assert set(FILLABLE) == set(FIELDS) == set(POSTS)
    assert tuple(PROFILES) == expected_posts.PROFILES
    for page_id in FILLABLE:
        assert {f.id for f in CAT.page(page_id).fields} == set(FIELDS[page_id]), page_id


@pytest.mark.parametrize(("site_style", "profile"), COMBOS)
@pytest.mark.parametrize("page_id", FILLABLE)
def test_fill_read_back_and_post(
    page: Page, any_mock_site: MockSite, site_style: str, page_id: str, profile: str
) -> None:
    """Every planned field filled and read back, and the form posts exactly the hand-written
    table (tests/expected_posts.py): each planned field's inputs are in it, none skipped."""
    mock_site = any_mock_site
    spec = CAT.page(page_id)
    plan = plan_page(spec, _context(profile, spec))
    planned = {pf.spec.id for pf in plan.all_fields if pf.status == "fill"}
    want = expected(site_style, page_id, profile)
    rename = (lambda n: n) if site_style == "classic" else MODERN_NAMES.__getitem__
    for field_id in planned:
        for name in FIELDS[page_id][field_id]:
            assert rename(name) in want, (field_id, name)
    _open(page, mock_site, page_id)
    results = fill_page(page, spec, plan, FillMemory(), presser(page)).fields
    assert not _bad(results), _bad(results)
    filled = {r.field_id for r in results if r.status in ("filled", "unchanged")}
    assert filled >= planned
    sent = {k: v for k, v in want.items() if v is not None}
    if spec.kind == PageKind.CONFIRM:  # never submitted: what its form holds
        assert page.locator("textarea").evaluate(_FORM_DATA) == sent
        return
    before = len(mock_site.posts)
    btn = locate_button(scan_form(page), spec, spec.forward[0])
    assert not isinstance(btn, str), btn
    assert press_and_settle(page, presser(page), page.locator(btn.selector), btn.caption)
    posts = [p for p in mock_site.posts[before:] if p.page_id == page_id]
    assert posts, "the forward button posted nothing"
    got = posts[-1].fields
    assert got == sent, _diff(got, sent)


def _diff(got: Mapping[str, list[str]], want: Mapping[str, list[str]]) -> list[str]:
    names = sorted(set(got) | set(want))
    return [f"{n}: posted {got.get(n)}, expected {want.get(n)}" for n in names
            if got.get(n) != want.get(n)]  # fmt: skip


def _tanto(page: Page, site: MockSite) -> tuple[PageSpec, PagePlan, dict[str, Any]]:
    spec = CAT.page("apply-tanto")
    ctx = _context("example", spec)
    _open(page, site, "apply-tanto")
    return spec, plan_page(spec, ctx), ctx


def _by_id(results: list[FieldResult]) -> Mapping[str, FieldResult]:
    return {r.field_id: r for r in results}


def test_operator_edit_survives_a_refill(page: Page, any_mock_site: MockSite) -> None:
    mock_site = any_mock_site
    spec, plan, _ctx = _tanto(page, mock_site)
    memory = FillMemory()
    first = _by_id(fill_page(page, spec, plan, memory, presser(page)).fields)
    assert first["department"].status in ("filled", "unchanged")
    model = scan_form(page)
    dept = locate_field(model, spec, spec.field("department")).controls[0]
    page.locator(dept.selector).fill("総務部")  # the operator's own edit
    _reshow(page)
    again = _by_id(fill_page(page, spec, plan, memory, presser(page)).fields)
    assert again["department"].status == "kept-operator-value"
    assert again["phone"].status == "unchanged"
    dept = locate_field(scan_form(page), spec, spec.field("department")).controls[0]
    assert dept.value == "総務部"


def _reshow(page: Page) -> None:
    """Show the page again as a server would after a validation error: current values as HTML."""
    html = page.evaluate(
        """() => {
          for (const e of document.querySelectorAll('input')) {
            const box = e.type === 'radio' || e.type === 'checkbox';
            if (box) e.toggleAttribute('checked', e.checked);
            else e.setAttribute('value', e.value);
          }
          for (const o of document.querySelectorAll('option')) {
            o.toggleAttribute('selected', o.selected);
          }
          return document.documentElement.outerHTML;
        }"""
    )
    page.set_content(html)


def test_operator_radio_choice_survives_and_profile_change_applies(
    page: Page, any_mock_site: MockSite
) -> None:
    mock_site = any_mock_site
    spec = CAT.page("apply-plan")
    ctx = _context("example", spec)
    _open(page, mock_site, "apply-plan")
    memory = FillMemory()
    fill_page(page, spec, plan_page(spec, ctx), memory, presser(page))
    radios = locate_field(scan_form(page), spec, spec.field("statistics")).controls
    other = next(r for r in radios if not r.checked)
    page.locator(other.selector).check()  # the operator's choice
    _reshow(page)
    ctx2 = {
        **ctx,
        "plan": {
            **ctx["plan"],
            "general_naccs": "A" if ctx["plan"]["general_naccs"] == "B" else "B",
        },
    }
    res = _by_id(fill_page(page, spec, plan_page(spec, ctx2), memory, presser(page)).fields)
    assert res["statistics"].status == "kept-operator-value"
    assert (
        res["general_naccs"].status == "filled"
    )  # still the tool's own choice: follows the profile
    assert res["bonded_archive"].status == "unchanged"


def test_site_prefill_is_reported_and_corrected(page: Page, any_mock_site: MockSite) -> None:
    mock_site = any_mock_site
    spec, plan, _ctx = _tanto(page, mock_site)
    dept = locate_field(scan_form(page), spec, spec.field("department")).controls[0]
    page.locator(dept.selector).fill("営業部")
    page.evaluate(f"() => document.querySelector('{dept.selector}').defaultValue = '営業部'")
    res = _by_id(fill_page(page, spec, plan, FillMemory(), presser(page)).fields)
    assert res["department"].status == "filled"
    assert "prefilled by the site" in res["department"].detail


def test_maxlength_truncation_is_a_mismatch(page: Page, any_mock_site: MockSite) -> None:
    mock_site = any_mock_site
    spec, plan, ctx = _tanto(page, mock_site)
    ctx = {**ctx, "applicant": {**ctx["applicant"], "department": "物流部" * 20}}
    plan = plan_page(spec, ctx)
    res = _by_id(fill_page(page, spec, plan, FillMemory(), presser(page)).fields)
    assert res["department"].status == "mismatch"
    assert "truncated to 40 characters" in res["department"].detail


def test_missing_option_is_reported(page: Page, any_mock_site: MockSite) -> None:
    mock_site = any_mock_site
    spec = CAT.page("apply-office")
    ctx = _context("example", spec)
    ctx = {**ctx, "company": {**ctx["company"], "prefecture": "東京府"}}
    _open(page, mock_site, "apply-office")
    res = _by_id(fill_page(page, spec, plan_page(spec, ctx), FillMemory(), presser(page)).fields)
    assert res["prefecture"].status == "error"
    assert "no option '東京府'" in res["prefecture"].detail
    assert res["company_name"].status == "filled"


def test_missing_field_is_reported_not_guessed(page: Page, any_mock_site: MockSite) -> None:
    mock_site = any_mock_site
    spec, plan, _ctx = _tanto(page, mock_site)
    # the label text renamed, whatever element carries it (a row header, a <label for>)
    page.evaluate(
        """() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
             for (let n = w.nextNode(); n; n = w.nextNode())
               if (n.nodeValue.trim() === '部署名') n.nodeValue = '所属'; }"""
    )
    res = _by_id(fill_page(page, spec, plan, FillMemory(), presser(page)).fields)
    assert res["department"].status == "error"
    assert "no control labelled" in res["department"].detail
    assert res["phone"].status == "filled"


@pytest.mark.nobrowser
def test_date_key() -> None:
    assert [_date_key(x) for x in ("2027年", "02", "2月", "１日", "2027")] == [
        "2027",
        "2",
        "2",
        "1",
        "2027",
    ]


def test_date_with_era_years_and_padded_months(page: Page) -> None:
    years = "".join(f"<option value='{n}'>令和{n}年</option>" for n in range(7, 11))
    months = "".join(f"<option value='{m:02d}'>{m:02d}月</option>" for m in range(1, 13))
    days = "".join(f"<option>{d:02d}</option>" for d in range(1, 32))
    page.set_content(
        "<table><tr><th>利用開始希望日<span>※必須</span></th><td>"
        f"<select name=y><option value=''></option>{years}</select>"
        f"<select name=m><option value=''></option>{months}</select>"
        f"<select name=d><option value=''></option>{days}</select></td></tr></table>"
    )
    spec = PageSpec.model_validate(
        {
            "id": "t",
            "name": "t",
            "kind": "form",
            "phase": 2,
            "signals": [{"text": "x"}],
            "fields": [
                {"id": "d", "label": "利用開始希望日", "control": "date3", "value": "c.start"}
            ],
        }
    )
    ctx = {"c": {"start": "2027-04-01"}}
    (res,) = fill_page(page, spec, plan_page(spec, ctx), FillMemory(), presser(page)).fields
    assert res.status == "filled", res
    got = page.evaluate(
        "() => ['y', 'm', 'd'].map(n => document.querySelector(`[name=${n}]`).value)"
    )
    assert got == ["9", "04", "01"]


def test_fill_markup_variants_end_to_end(page: Page) -> None:
    """Review items 4/5 and option captions: placeholder parts, 年/月/日 after each select,
    a radio caption with a bracketed note, select options padded with full-width spaces."""
    months = "".join(f"<option value='{m}'>\u3000{m} </option>" for m in range(1, 13))
    page.set_content(
        """
        <h2>申込担当者に関する項目</h2>
        <div><label for="s">氏名</label>
          <input id="s" name="sei" placeholder="姓"><input name="mei" placeholder="名"></div>
        <h2>利用契約に関する項目</h2>
        <fieldset><legend>利用開始希望日</legend>
          <select name="y"><option value=""></option><option>2027</option></select><span>年</span>
          <select name="m"><option value=""></option>"""
        + months
        + """</select><span>月</span>
          <select name="d"><option value=""></option><option> 1 </option></select><span>日</span>
        </fieldset>
        <p id="p">希望する料金プラン</p>
        <div role="radiogroup" aria-labelledby="p">
          <label><input type="radio" name="plan" value="A">Aプラン（月額基本料あり）</label>
          <label><input type="radio" name="plan" value="B">Bプラン（従量制）</label></div>
        """
    )
    g1, g2 = "申込担当者に関する項目", "利用契約に関する項目"
    spec = PageSpec.model_validate(
        {
            "id": "t",
            "name": "t",
            "kind": "form",
            "phase": 2,
            "signals": [{"text": "x"}],
            "fields": [
                {"id": "name", "group": g1, "label": "氏名", "control": "split_text",
                 "parts": ["姓", "名"], "values": ["a.family", "a.given"]},
                {"id": "date", "group": g2, "label": "利用開始希望日", "control": "date3",
                 "parts": ["年", "月", "日"], "value": "c.start"},
                {"id": "plan", "label": "希望する料金プラン", "control": "radio",
                 "value": "c.plan", "options": {"A": "Aプラン", "B": "Bプラン"}},
            ],
        }
    )  # fmt: skip
    ctx = {"a": {"family": "山田", "given": "太郎"}, "c": {"start": "2027-04-01", "plan": "B"}}
    res = fill_page(page, spec, plan_page(spec, ctx), FillMemory(), presser(page)).fields
    assert {r.field_id: r.status for r in res} == {
        "name": "filled",
        "date": "filled",
        "plan": "filled",
    }, res
    got = page.evaluate(
        "() => [...['sei', 'mei', 'y', 'm', 'd'].map(n => document.querySelector(`[name=${n}]`)"
        ".value), document.querySelector('[name=plan]:checked').value]"
    )
    assert got == ["山田", "太郎", "2027", "4", "1", "B"]


def test_reflect_is_not_pressed_again_over_an_address_the_operator_corrected(
    page: Page, any_mock_site: MockSite
) -> None:
    spec = CAT.page("apply-office")
    ctx = _context("example", spec)
    plan = plan_page(spec, ctx)
    _open(page, any_mock_site, "apply-office")
    memory = FillMemory()
    first_fill = fill_page(page, spec, plan, memory, presser(page))
    first = _by_id(first_fill.fields)
    assert [st.caption for st in first_fill.steps if st.kind == "press"] == [
        "企業に関する項目 › 反映"
    ]
    assert first["city_address"].status in ("filled", "unchanged")
    city = locate_field(scan_form(page), spec, spec.field("city_address")).controls[0]
    page.locator(city.selector).fill("港区虎ノ門九丁目９番９号")  # the operator's correction
    _reshow(page)
    again_fill = fill_page(page, spec, plan, memory, presser(page))
    again = _by_id(again_fill.fields)
    (reflect,) = again_fill.steps  # 反映 would have overwritten the address: not pressed
    assert reflect.ok and reflect.detail.startswith("not pressed")
    assert again["city_address"].status == "kept-operator-value"
    city = locate_field(scan_form(page), spec, spec.field("city_address")).controls[0]
    assert city.value == "港区虎ノ門九丁目９番９号"


def test_a_value_typed_before_the_tool_came_is_kept(page: Page, any_mock_site: MockSite) -> None:
    spec, plan, _ctx = _tanto(page, any_mock_site)
    dept = locate_field(scan_form(page), spec, spec.field("department")).controls[0]
    page.locator(dept.selector).fill("総務部")  # the operator was quicker than the tool
    results = _by_id(fill_page(page, spec, plan, FillMemory(), presser(page)).fields)
    assert results["department"].status == "kept-operator-value"
    dept = locate_field(scan_form(page), spec, spec.field("department")).controls[0]
    assert dept.value == "総務部"


def test_login_values_never_appear_in_the_results(page: Page, mock_site: MockSite) -> None:
    spec = CAT.page("login")
    _open(page, mock_site, "login")
    box = locate_field(scan_form(page), spec, spec.field("login_id")).controls[0]
    page.locator(box.selector).evaluate("e => e.setAttribute('value', 'T0000001')")  # prefill
    secrets = {"login_id": "TSECRET9", "password": "pw-Secret-42"}
    plan = plan_fixed(spec, secrets)
    results = fill_page(page, spec, plan, FillMemory(), presser(page)).fields
    text = repr(results)
    assert {r.field_id for r in results} == {"login_id", "password"}
    for value in (*secrets.values(), "T0000001"):
        assert value not in text


HTML = "text/html; charset=utf-8"


@pytest.mark.parametrize("scripts_in_page", [True, False], ids=["page-scripts", "no-scripts"])
@pytest.mark.parametrize("replace", [False, True], ids=["same-box", "box-replaced"])
def test_a_value_a_helper_writes_becomes_the_tools_even_in_a_new_box(
    page: Page, replace: bool, scripts_in_page: bool
) -> None:
    """反映 writes the address a moment later, into the box or into a new box it puts in the
    old one's place: either way the value is the tool's (not an operator's), so the profile's
    address is written over it."""
    swap = (
        "const n = document.createElement('input'); n.name = 'city'; n.value = '港区虎ノ門';"
        " c.replaceWith(n);"
        if replace
        else "c.value = '港区虎ノ門';"
    )
    html = (
        "<table><tr><th>郵便番号</th><td><input name='zip'>"
        f"<button type='button' onclick=\"setTimeout(() => {{ const c = "
        f"document.querySelector('[name=city]'); {swap} }}, 150)\">反映</button></td></tr>"
        "<tr><th>住所</th><td><input name='city'></td></tr></table>"
    )
    if scripts_in_page:  # as in a run: the page scripts in every document from its start
        scripts.install(page.context)
    page.route("http://127.0.0.1:9/form", lambda r: r.fulfill(body=html, content_type=HTML))
    page.goto("http://127.0.0.1:9/form")
    assert page.evaluate("() => !!window.__nssaf") is scripts_in_page
    spec = PageSpec.model_validate(
        {
            "id": "t", "name": "t", "kind": "form", "phase": 2, "signals": [{"text": "x"}],
            "fields": [
                {"id": "zip", "label": "郵便番号", "control": "text", "value": "a.zip"},
                {"id": "city", "label": "住所", "control": "text", "value": "a.city"},
            ],
            "actions": [{"fill": ["zip"]}, {"click": "反映"}, {"wait_value": ["city"]},
                        {"fill": ["city"]}],
            "buttons": [{"caption": "反映", "class": "helper"}],
        }
    )  # fmt: skip
    ctx = {"a": {"zip": "1050001", "city": "港区虎ノ門一丁目2番3号"}}
    fill = fill_page(page, spec, plan_page(spec, ctx), FillMemory(), presser(page))
    assert [(st.kind, st.ok, st.detail) for st in fill.steps] == [("press", True, "")]
    assert _by_id(fill.fields)["city"].status == "filled", fill.fields
    assert page.locator("[name=city]").input_value() == "港区虎ノ門一丁目2番3号"
