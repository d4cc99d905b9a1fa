"""The mock NSS site: a person can walk it end to end, and it behaves like an old server.

These tests drive the mock with plain Playwright (no nss-autofill engine), as a person would.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from nss_autofill.mock import MockSite

# pytest-base-url's session fixture (pulled in by pytest-playwright) trips a pytest 9 deprecation
# that the project's filterwarnings=error would turn into an error at setup.

ERROR_TITLE = "入力内容に誤りがあります。"

# What a test (not nss-autofill) needs to know about each markup style's HTML.
CSS = {
    "classic": {
        "heading": "h2",
        "step": "ol.stepbar li.current, ol.stepbar li[aria-current]",
        "tab": "ul.tabbar li.active, ul.tabbar li[aria-current]",
        "row": "table.form tr",
        "shown": "table.form td, table.list td",
        "codes": "#tblSetCodes tbody",
        "rows": "#setRows tr",
    },
    "modern": {
        "heading": "main h1",
        "step": "nav[aria-label='進捗'] li[aria-current]",
        "tab": "[role=tablist] [role=tab][aria-selected=true]",
        "row": ".field",
        "shown": "dl.summary dd, table.data td",
        "codes": "#configured-codes tbody",
        "rows": "#code-rows tr",
    },
}


def css(site: MockSite, what: str) -> str:
    return CSS[site.style][what]


def q(site: MockSite, flow_name: str) -> str:
    """CSS for the input the flow calls ``flow_name``, in the site's markup style."""
    return f'[name="{site.input_name(flow_name)}"]'


def press(page: Page, caption: str) -> None:
    """Press what shows ``caption``: a button in one style may be a link in the other."""
    button = page.get_by_role("button", name=caption, exact=True)
    page.get_by_role("link", name=caption, exact=True).or_(button).click()


HEADINGS = {
    "terms": "記載事項とシステム利用規定",
    "temp-apply": "申込担当者の情報",
    "temp-confirm": "申込内容確認",
    "temp-done": "仮ログイン登録完了",
    "login": "NSS ログイン",
    "apply-tanto": "申込担当入力",
    "apply-office": "事業所・企業入力",
    "apply-usercode-choice": "利用者コードの選択",
    "apply-usercode": "利用者コード情報の設定",
    "apply-terminal": "回線・論理端末入力",
    "apply-mailbox": "メールボックス入力",
    "apply-plan": "料金入力",
    "apply-billing": "請求先入力",
    "apply-confirm": "申込内容確認",
    "apply-done": "NACCS利用申込完了",
    "session-timeout": "エラー",
    "maintenance": "システムメンテナンスのお知らせ",
    "unknown": "アンケートのお願い",
}
STEPS = {
    "terms": "仮ログイン申込",
    "temp-apply": "仮ログイン申込",
    "temp-confirm": "仮ログイン申込",
    "temp-done": "仮ログイン登録完了",
    "apply-done": "NACCS利用申込完了",
    **{p: "NACCS利用申込" for p in HEADINGS if p.startswith("apply-") and p != "apply-done"},
}
TABS = {
    "apply-tanto": "申込担当",
    "apply-office": "事業所・企業",
    "apply-usercode-choice": "利用者",
    "apply-usercode": "利用者",
    "apply-terminal": "回線・論理端末",
    "apply-mailbox": "メールボックス",
    "apply-plan": "料金",
    "apply-billing": "請求先",
}


def at(page: Page, site: MockSite, page_id: str) -> None:
    """Assert the page shows ``page_id``'s heading, current step and current tab."""
    expect(page).to_have_title("NACCSサポートシステム")
    expect(page.locator(css(site, "heading"))).to_have_text(HEADINGS[page_id])
    if page_id in STEPS:
        expect(page.locator(css(site, "step"))).to_have_count(1)
        expect(page.locator(css(site, "step"))).to_contain_text(STEPS[page_id])
    if page_id in TABS:
        expect(page.locator(css(site, "tab"))).to_have_count(1)
        expect(page.locator(css(site, "tab"))).to_have_text(TABS[page_id])


def fill(page: Page, site: MockSite, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.locator(q(site, name)).fill(value)


TEMP_VALUES = {
    "txtKgyMei": "架空海運株式会社",
    "txtBusyoMei": "輸入業務課",
    "txtTntSei": "髙橋",
    "txtTntMei": "一郎",
    "txtTntSeiKana": "タカハシ",
    "txtTntMeiKana": "イチロウ",
    "txtTelNo": "045-000-0000",
    "txtMailAddr": "ichiro@example.test",
    "txtMailAddrKakunin": "ichiro@example.test",
}
OFFICE_VALUES = {
    "txtKgyMei": "架空海運株式会社",
    "txtKgyMeiKn": "カクウカイウン",
    "txtDaihyoYakusyoku": "代表取締役社長",
    "txtDaihyoSimei": "海野　波平",
    "txtKgyTel": "045-000-0000",
    "txtJgsMei": "CP利用者",
    "txtJgsMeiKn": "サイバーポートリヨウシャ",
    "txtKanriSimei": "高橋　一郎",
    "txtKanriTel": "045-000-0001",
    "txtKanriMail": "admin@example.test",
}


# ------------------------------------------------------------------------------ the whole walk


@pytest.mark.human_presses(3)  # the consent and the two final submits (each 303 leads on)
def test_a_person_walks_the_whole_mock(
    any_mock_site: MockSite,
    page: Page,
    context: BrowserContext,
    new_context: Callable[..., BrowserContext],
) -> None:
    site = any_mock_site
    # NACCS掲示板 → NSS ログイン → 新規申込 (new tab)
    page.goto(site.start_url)
    expect(page.locator("nav").get_by_text("契約手続(NSS)")).to_be_visible()
    page.get_by_role("link", name="NSS ログイン").first.click()
    expect(page.get_by_role("heading", name="1 NSSについて")).to_be_visible()
    with context.expect_page() as new_tab:
        page.get_by_role("link", name="新規申込").click()
    nss = new_tab.value
    nss.wait_for_load_state()
    at(nss, site, "terms")
    press(nss, "システム利用規定に同意する")

    # phase 1: 仮ログイン申込 (a Shift_JIS form in the classic style)
    at(nss, site, "temp-apply")
    fill(nss, site, TEMP_VALUES)
    press(nss, "申込内容確認へ進む")
    at(nss, site, "temp-confirm")
    expect(nss.locator(css(site, "shown"), has_text="架空海運株式会社")).to_be_visible()
    expect(nss.locator(css(site, "shown"), has_text="髙橋")).to_be_visible()
    press(nss, "申込内容を登録する")
    at(nss, site, "temp-done")
    box = nss.locator(".mockmail")
    expect(box.get_by_role("heading", name="模擬メール")).to_be_visible()
    mail_url = box.locator("a.mail-url").inner_text()
    login_id = box.locator(".mail-login-id").inner_text()
    password = box.locator(".mail-password").inner_text()
    assert site.mail is not None
    assert (mail_url, login_id, password) == (site.mail.url, site.mail.login_id, site.mail.password)
    assert mail_url == site.page_url("login")

    # phase 2, later, in a fresh browser context through the mail's URL
    p2 = new_context().new_page()
    p2.goto(mail_url)
    at(p2, site, "login")
    fill(p2, site, {"txtLoginId": login_id, "pwdPassword": password})
    press(p2, "ログイン")

    at(p2, site, "apply-tanto")
    expect(p2.locator(q(site, "txtMskSei"))).to_have_value("髙橋")  # prefilled from phase 1
    expect(p2.locator(q(site, "txtMskMeiKn"))).to_have_value("イチロウ")
    expect(p2.locator(q(site, "txtMskMail"))).to_have_value("ichiro@example.test")
    p2.locator(q(site, "txaRiyu")).fill("サイバーポート利用のための申込")
    year = p2.locator(q(site, "selKaishiY") + " option").nth(2).inner_text()
    p2.locator(q(site, "selKaishiY")).select_option(label=year)
    p2.locator(q(site, "selKaishiM")).select_option(label="4")
    p2.locator(q(site, "selKaishiD")).select_option(label="1")
    press(p2, "次へ")

    at(p2, site, "apply-office")
    fill(p2, site, OFFICE_VALUES)
    p2.locator(q(site, "txtKgyYubin")).fill("2310023")
    p2.get_by_role("button", name="反映").click()
    expect(p2.locator(q(site, "txtKgyJusyo1"))).to_have_value("横浜市中区山下町")
    p2.locator(q(site, "txtKgyJusyo1")).fill("横浜市中区山下町９９９")
    press(p2, "一般NACCSを利用する")

    at(p2, site, "apply-usercode-choice")
    expect(p2.get_by_role("button", name="次へ")).to_have_count(0)
    press(p2, "他事業所の利用者コードを共用する")
    at(p2, site, "apply-usercode")
    p2.locator(q(site, "txtRiyosyaCd")).fill("QX7A2")
    for industry in ("通関業", "海貨業"):
        p2.locator(q(site, "selGyoshu")).select_option(label=industry)
        p2.locator(q(site, "selHoshiki")).select_option(label="SMTP双方向")
        p2.locator(q(site, "txtSikibetuSu")).fill("1")
        p2.get_by_role("button", name="設定", exact=True).click()
    expect(p2.locator(css(site, "rows"))).to_have_count(2)
    press(p2, "この内容を設定する")

    at(p2, site, "apply-usercode-choice")
    expect(p2.locator(css(site, "codes") + " td", has_text="QX7A2")).to_be_visible()
    press(p2, "次へ")

    at(p2, site, "apply-terminal")
    p2.locator(q(site, "chkKikiKyoyo")).check()
    press(p2, "次へ")
    at(p2, site, "apply-mailbox")
    expect(p2.locator(q(site, "txtMbxSu"))).to_have_value("1")
    press(p2, "次へ")
    at(p2, site, "apply-plan")
    p2.locator(q(site, "rdoRyokinPlan") + "[value=B]").check()
    press(p2, "次へ")
    at(p2, site, "apply-billing")
    press(p2, "申込内容確認へ進む")

    at(p2, site, "apply-confirm")
    for shown in (
        "架空海運株式会社",
        "QX7A2",
        "海貨業",
        "SMTP双方向",
        "Bプラン",
        "横浜市中区山下町９９９",
    ):
        expect(p2.locator(css(site, "shown"), has_text=shown).first).to_be_visible()
    p2.locator(q(site, "txaBiko")).fill("特になし")
    press(p2, "申込内容を登録する")
    at(p2, site, "apply-done")

    seen = [(p.page_id, p.kind, p.submitter) for p in site.posts]
    assert seen == [
        ("terms", "consent", "システム利用規定に同意する"),
        ("temp-apply", "other", "申込内容確認へ進む"),
        ("temp-confirm", "final", "申込内容を登録する"),
        ("login", "other", "ログイン"),
        ("apply-tanto", "other", "次へ"),
        ("apply-office", "other", "一般NACCSを利用する"),
        ("apply-usercode-choice", "other", "他事業所の利用者コードを共用する"),
        ("apply-usercode", "other", "この内容を設定する"),
        ("apply-usercode-choice", "other", "次へ"),
        ("apply-terminal", "other", "次へ"),
        ("apply-mailbox", "other", "次へ"),
        ("apply-plan", "other", "次へ"),
        ("apply-billing", "other", "申込内容確認へ進む"),
        ("apply-confirm", "final", "申込内容を登録する"),
    ]
    assert [p.path for p in site.posts][:3] == [
        site.page_url(pid).removeprefix(site.base_url)
        for pid in ("terms", "temp-apply", "temp-confirm")
    ]
    guarded = site.guarded_posts()
    assert [p.kind for p in guarded] == ["consent", "final", "final"]
    temp = site.posts[1]
    assert temp.encoding == ("cp932" if site.style == "classic" else "utf-8")
    assert temp.fields[site.input_name("txtTntSei")] == ["髙橋"]  # IBM extension kanji survive
    office = site.posts[5]
    assert office.fields[site.input_name("selKgyTodofuken")] == ["14"]  # 神奈川県, set by 反映
    assert site.posts[-1].fields[site.input_name("txaBiko")] == ["特になし"]


# ------------------------------------------------------------------------------ url_for


def test_url_for_renders_every_page(any_mock_site: MockSite, page: Page) -> None:
    site = any_mock_site
    for page_id, heading in HEADINGS.items():
        response = page.goto(site.url_for(page_id))
        assert response is not None and response.status == 200, page_id
        assert page.url == site.page_url(page_id), page_id
        if page_id in ("session-timeout", "maintenance", "unknown"):
            expect(page.locator(css(site, "heading"))).to_have_text(heading)
        else:
            at(page, site, page_id)
    page.goto(site.url_for("bbs-top"))
    expect(page.get_by_role("link", name="NSS ログイン").first).to_be_visible()
    expect(page.get_by_text("NSSについて")).to_have_count(0)
    page.goto(site.url_for("bbs-nss"))
    expect(page.get_by_role("heading", name="1 NSSについて")).to_be_visible()
    assert site.posts == []


def test_url_for_choice_has_a_code_and_next(any_mock_site: MockSite, page: Page) -> None:
    page.goto(any_mock_site.url_for("apply-usercode-choice"))
    expect(page.locator(css(any_mock_site, "codes") + " tr")).to_have_count(1)
    press(page, "次へ")
    at(page, any_mock_site, "apply-terminal")


def test_url_for_rejects_an_unknown_id(mock_site: MockSite) -> None:
    with pytest.raises(KeyError):
        mock_site.url_for("no-such-page")


def test_fixed_page_texts(any_mock_site: MockSite, page: Page) -> None:
    site = any_mock_site
    page.goto(site.url_for("session-timeout"))
    expect(
        page.get_by_text("セッションがタイムアウトしました。再度ログインしてください。")
    ).to_be_visible()
    page.get_by_role("link", name="ログイン画面へ").click()
    at(page, site, "login")
    page.goto(site.url_for("maintenance"))
    expect(page.get_by_text("ただいまシステムメンテナンス中です。")).to_be_visible()
    page.goto(site.url_for("terms"))
    expect(page.get_by_role("button", name="同意しない")).to_be_visible()


# ------------------------------------------------------------------------------ styles


@pytest.mark.nobrowser
def test_styles_differ_in_paths_names_and_charsets() -> None:
    from nss_autofill.mock.flow import PAGES
    from nss_autofill.mock.styles import style

    classic, modern = style("classic"), style("modern")
    assert len({classic.path(p.id) for p in PAGES}) == len(PAGES)
    assert len({modern.path(p.id) for p in PAGES}) == len(PAGES)
    assert not {classic.path(p.id) for p in PAGES} & {modern.path(p.id) for p in PAGES}
    assert all(modern.page(p.id).charset == "utf-8" for p in PAGES)
    assert classic.page("temp-apply").charset == "Shift_JIS"
    assert modern.name_of("txtKgyMei") == "company[name]"
    assert classic.name_of("txtKgyMei") == "txtKgyMei"
    assert len(set(modern.names.values())) == len(modern.names)
    posted = {"company[name]": ["株式会社"], "action": ["next"], "unknownField": ["x"]}
    assert modern.canonical(posted) == {
        "txtKgyMei": ["株式会社"],
        "hdnBtnNm": ["次へ"],
        "unknownField": ["x"],
    }
    with pytest.raises(ValueError, match="no mock style"):
        style("brutalist")
    with pytest.raises(ValueError, match="no mock style"):
        MockSite("brutalist")


def test_modern_pages_are_utf8_with_their_own_paths_and_names(page: Page) -> None:
    with MockSite("modern") as site:
        response = page.goto(site.url_for("apply-office"))
        assert response is not None
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert page.evaluate("document.characterSet") == "UTF-8"
        assert page.url == site.base_url + "/app/v7/application/company"
        expect(page.get_by_label("企業名", exact=False).first).to_have_attribute(
            "name", "company[name]"
        )
        assert page.locator("table").count() == 0  # divs, labels and fieldsets only
        assert page.locator("[name^=txt], [name^=sel], [name^=rdo], [name^=btn]").count() == 0
        page.locator('[name="company[name]"]').fill("𠮷野家ではない髙﨑商事株式会社")
        press(page, "一般NACCSを利用する")
        post = site.posts[-1]
        assert post.encoding == "utf-8" and post.page_id == "apply-office"
        assert post.submitter == "一般NACCSを利用する" and post.kind == "other"
        assert post.fields["company[name]"] == ["𠮷野家ではない髙﨑商事株式会社"]
        assert post.fields["action"] == ["general"]
        # the flow validates as an old server would: 𠮷 is outside the NACCS character set
        expect(page.get_by_text("企業名に使用できない文字が含まれています。")).to_be_visible()


# ------------------------------------------------------------------------------ new tab, helpers


def test_new_application_opens_in_a_new_tab(
    any_mock_site: MockSite, page: Page, context: BrowserContext
) -> None:
    page.goto(any_mock_site.url_for("bbs-nss"))
    with context.expect_page() as new_tab:
        page.get_by_role("link", name="新規申込").click()
    tab = new_tab.value
    tab.wait_for_load_state()
    at(tab, any_mock_site, "terms")
    assert page.url == any_mock_site.page_url("bbs-nss")  # the 掲示板 stays where it was
    assert len(context.pages) == 2


@pytest.mark.parametrize(
    ("page_id", "zip_name", "pref_name", "city_name"),
    [
        ("apply-office", "txtKgyYubin", "selKgyTodofuken", "txtKgyJusyo1"),
        ("apply-billing", "txtSkyYubin", "selSkyTodofuken", "txtSkyJusyo1"),
    ],
)
def test_reflect_fills_the_address(
    any_mock_site: MockSite,
    page: Page,
    page_id: str,
    zip_name: str,
    pref_name: str,
    city_name: str,
) -> None:
    site = any_mock_site
    dialogs: list[str] = []
    page.on("dialog", lambda d: dialogs.append(d.message))
    page.goto(site.url_for(page_id))
    for code, pref, city in (
        ("1050001", "東京都", "港区虎ノ門"),
        ("6500024", "兵庫県", "神戸市中央区海岸通"),
        ("5410041", "大阪府", "大阪市中央区北浜"),
    ):
        page.locator(q(site, zip_name)).fill(code)
        page.get_by_role("button", name="反映").click()
        expect(page.locator(q(site, city_name))).to_have_value(city)
        selected = page.locator(q(site, pref_name) + " option:checked")
        expect(selected).to_have_text(pref)
    page.locator(q(site, zip_name)).fill("9999999")
    page.get_by_role("button", name="反映").click()
    expect(page.get_by_text("該当する住所が見つかりません。")).to_be_visible()
    assert dialogs == []


def test_set_adds_rows_and_posts_them(any_mock_site: MockSite, page: Page) -> None:
    site = any_mock_site
    page.goto(site.url_for("apply-usercode"))
    rows = page.locator(css(site, "rows"))
    expect(rows).to_have_count(0)
    page.get_by_role("button", name="設定", exact=True).click()  # nothing chosen yet
    expect(page.get_by_text("業種、処理方式及び識別番号数を入力してから")).to_be_visible()
    expect(rows).to_have_count(0)
    page.locator(q(site, "txtRiyosyaCd")).fill("AB12C")
    page.locator(q(site, "chkSso")).check()
    page.locator(q(site, "selGyoshu")).select_option(label="通関業")
    page.locator(q(site, "selHoshiki")).select_option(label="SMTP双方向")
    page.locator(q(site, "txtSikibetuSu")).fill("1")
    page.get_by_role("button", name="設定", exact=True).click()
    expect(rows).to_have_count(1)
    # the row inputs are cleared for the next row
    expect(page.locator(q(site, "txtSikibetuSu"))).to_have_value("")
    expect(page.locator(q(site, "selGyoshu"))).to_have_value("")
    expect(page.locator(q(site, "chkSso"))).not_to_be_checked()
    page.locator(q(site, "selGyoshu")).select_option(label="通関士")
    page.locator(q(site, "selHoshiki")).select_option(label="SMTP双方向")
    page.locator(q(site, "txtSikibetuSu")).fill("3")
    page.get_by_role("button", name="設定", exact=True).click()
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("通関士")
    press(page, "この内容を設定する")
    at(page, site, "apply-usercode-choice")
    post = site.posts[-1]
    assert post.page_id == "apply-usercode" and post.kind == "other"
    assert post.submitter == "この内容を設定する"
    assert post.fields[site.input_name("txtRiyosyaCd")] == ["AB12C"]
    assert post.fields[site.input_name("hdnSikibetuSu")] == ["1", "3"]
    assert post.fields[site.input_name("hdnSso")] == ["1", "0"]
    expect(page.locator(css(site, "codes") + " td", has_text="AB12C")).to_be_visible()


# ------------------------------------------------------------------------------ validation


def test_temp_apply_validation_is_shown_and_values_kept(
    any_mock_site: MockSite, page: Page
) -> None:
    site = any_mock_site
    page.goto(site.url_for("temp-apply"))
    fill(page, site, {**TEMP_VALUES, "txtKgyMei": "", "txtTntSeiKana": "たかはし"})
    page.locator(q(site, "txtMailAddrKakunin")).fill("other@example.test")
    press(page, "申込内容確認へ進む")
    at(page, site, "temp-apply")
    expect(page.get_by_text(ERROR_TITLE)).to_be_visible()
    expect(page.get_by_text("企業名を入力してください。")).to_be_visible()
    expect(
        page.get_by_text("氏名(フリガナ)(セイ)は全角カタカナで入力してください。")
    ).to_be_visible()
    expect(page.get_by_text("一致しません")).to_be_visible()
    # the message sits in the field's row, and the values are kept
    row = page.locator(css(site, "row"), has=page.locator(q(site, "txtTntSeiKana")))
    expect(row.locator(".errmsg")).to_have_count(1)
    expect(page.locator(q(site, "txtTntSeiKana"))).to_have_value("たかはし")
    expect(page.locator(q(site, "txtTntSei"))).to_have_value("髙橋")
    assert site.posts[-1].kind == "other"


def test_office_and_usercode_validation(any_mock_site: MockSite, page: Page) -> None:
    site = any_mock_site
    page.goto(site.url_for("apply-office"))
    page.locator(q(site, "txtKgyYubin")).fill("105000")
    page.locator(q(site, "txtJgsMeiKn")).fill("cyber port")
    press(page, "一般NACCSを利用する")
    at(page, site, "apply-office")
    expect(page.get_by_text(ERROR_TITLE)).to_be_visible()
    expect(page.get_by_text("郵便番号は半角数字7桁で入力してください。")).to_be_visible()
    expect(page.get_by_text("事業所名(フリガナ)は全角カタカナで入力してください。")).to_be_visible()
    expect(page.locator(q(site, "txtKgyYubin"))).to_have_value("105000")

    page.goto(site.url_for("apply-usercode"))
    page.locator(q(site, "txtRiyosyaCd")).fill("ab1")
    press(page, "この内容を設定する")
    at(page, site, "apply-usercode")
    expect(page.get_by_text(ERROR_TITLE)).to_be_visible()
    expect(
        page.get_by_text("利用者コードは半角英大文字・数字5桁で入力してください。")
    ).to_be_visible()
    expect(page.get_by_text("利用者コード情報が設定されていません。")).to_be_visible()


def test_tanto_requires_fields(any_mock_site: MockSite, page: Page) -> None:
    site = any_mock_site
    page.goto(site.url_for("apply-tanto"))
    page.locator(q(site, "txtMskTel")).fill("")
    press(page, "次へ")
    at(page, site, "apply-tanto")
    for msg in (
        "電話番号を入力してください。",
        "申込理由を入力してください。",
        "利用開始希望日を選択してください。",
    ):
        expect(page.get_by_text(msg)).to_be_visible()


def test_login_checks_the_registration(any_mock_site: MockSite, page: Page) -> None:
    site = any_mock_site
    page.goto(site.url_for("login"))
    assert site.mail is not None
    fill(page, site, {"txtLoginId": site.mail.login_id, "pwdPassword": "wrong"})
    press(page, "ログイン")
    at(page, site, "login")
    expect(page.get_by_text("ログインIDまたはパスワードが正しくありません。")).to_be_visible()
    fill(page, site, {"txtLoginId": site.mail.login_id, "pwdPassword": site.mail.password})
    press(page, "ログイン")
    at(page, site, "apply-tanto")


def test_phase_two_without_login_times_out(any_mock_site: MockSite, page: Page) -> None:
    page.goto(any_mock_site.page_url("apply-billing"))
    expect(page.get_by_text("セッションがタイムアウトしました。")).to_be_visible()


def test_back_keeps_entered_values(any_mock_site: MockSite, page: Page) -> None:
    site = any_mock_site
    page.goto(site.url_for("apply-plan"))
    page.locator(q(site, "rdoTokeiSiryo") + "[value='1']").check()
    press(page, "戻る")
    at(page, site, "apply-mailbox")
    press(page, "次へ")
    at(page, site, "apply-plan")
    expect(page.locator(q(site, "rdoTokeiSiryo") + "[value='1']")).to_be_checked()
    assert site.posts[0].submitter == "戻る"


# ------------------------------------------------------------------------------ encodings, posts


def test_shift_jis_pages_round_trip_kanji(mock_site: MockSite, page: Page) -> None:
    response = page.goto(mock_site.url_for("apply-office"))
    assert response is not None
    assert response.headers["content-type"] == "text/html; charset=Shift_JIS"
    assert page.evaluate("document.characterSet") == "Shift_JIS"
    page.locator("[name=txtKgyMei]").fill("𠮷野家ではない髙﨑商事株式会社")
    page.locator("[name=txtDaihyoSimei]").fill("渡邊　①")
    page.get_by_role("button", name="一般NACCSを利用する").click()
    post = mock_site.posts[-1]
    assert post.encoding == "cp932"
    # CP932 carries 髙﨑 and ①; 𠮷 cannot be carried and arrives as a character reference
    assert post.fields["txtKgyMei"] == ["&#134071;野家ではない髙﨑商事株式会社"]
    assert post.fields["txtDaihyoSimei"] == ["渡邊　①"]
    expect(page.get_by_text("企業名に使用できない文字が含まれています。")).to_be_visible()
    expect(page.locator("[name=txtDaihyoSimei]")).to_have_value("渡邊　①")


def test_add_page_records_posts_with_its_kind(mock_site: MockSite, page: Page) -> None:
    html = (
        "<html><body><form method=post><input name=q value='日本'>"
        "<input type=submit name=btnGo value='送る'></form></body></html>"
    )
    url = mock_site.add_page("/test/plain.html", html)
    sjis = mock_site.add_page("/test/sjis.html", html, charset="Shift_JIS")
    for target in (url, sjis):
        page.goto(target)
        page.get_by_role("button", name="送る").click()
        page.wait_for_url(target)
    first, second = mock_site.posts
    assert (first.path, first.kind, first.page_id, first.submitter) == (
        "/test/plain.html",
        "other",
        None,
        "送る",
    )
    assert first.fields["q"] == ["日本"] and first.encoding == "utf-8"
    assert second.fields["q"] == ["日本"] and second.encoding == "cp932"
    assert mock_site.guarded_posts() == []


@pytest.mark.human_presses(3)  # the endpoint's own page load, the POST and its 303 back
def test_add_page_can_stand_for_a_final_endpoint(mock_site: MockSite, page: Page) -> None:
    html = "<form method=post><button>x</button></form>"
    url = mock_site.add_page("/hostile/final", html, post_kind="final")
    page.goto(url)
    page.get_by_role("button", name="x").click()
    page.wait_for_url(url)
    assert [p.kind for p in mock_site.guarded_posts()] == ["final"]


@pytest.mark.parametrize(
    ("fault", "text"),
    [
        ("timeout", "セッションがタイムアウトしました。"),
        ("maintenance", "ただいまシステムメンテナンス中です。"),
    ],
)
def test_fault_modes(any_mock_site: MockSite, page: Page, fault: str, text: str) -> None:
    mock_site = any_mock_site
    mock_site.fault = fault
    for page_id in ("terms", "apply-billing", "login"):
        page.goto(mock_site.url_for(page_id))
        expect(page.get_by_text(text)).to_be_visible()
    page.goto(mock_site.start_url)  # the 掲示板 is not NSS: unaffected
    expect(page.locator("nav").get_by_text("契約手続(NSS)")).to_be_visible()
    mock_site.fault = None
    page.goto(mock_site.url_for("apply-billing"))
    at(page, mock_site, "apply-billing")


def test_reset_forgets_posts_and_sessions(mock_site: MockSite, page: Page) -> None:
    page.goto(mock_site.url_for("apply-mailbox"))
    page.get_by_role("button", name="次へ").click()
    at(page, mock_site, "apply-plan")
    assert mock_site.posts
    mock_site.reset()
    assert mock_site.posts == [] and mock_site.mail is None
    page.reload()
    expect(page.get_by_text("セッションがタイムアウトしました。")).to_be_visible()


def test_url_for_temp_done_shows_what_the_session_entered(
    any_mock_site: MockSite, page: Page
) -> None:
    """Opened directly after this session's own temp-apply (the README's screenshots do so),
    the mail names the address entered, not the sample applicant's."""
    site = any_mock_site
    page.goto(site.url_for("temp-apply"))
    fill(page, site, TEMP_VALUES)
    press(page, "申込内容確認へ進む")
    at(page, site, "temp-confirm")
    page.goto(site.url_for("temp-done"))
    at(page, site, "temp-done")
    expect(page.get_by_text(TEMP_VALUES["txtMailAddr"]).first).to_be_visible()
    expect(page.get_by_text("hanako@example.test")).to_have_count(0)
    # a session that entered nothing still gets the sample applicant
    other = page.context.browser.new_page()  # type: ignore[union-attr]
    try:
        other.goto(site.url_for("temp-done"))
        expect(other.get_by_text("hanako@example.test").first).to_be_visible()
    finally:
        other.context.close()
