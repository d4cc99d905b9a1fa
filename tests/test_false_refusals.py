"""False refusals: ordinary NSS prose must not stop the tool.

Real NSS pages are full of the guard's words in ordinary text: 登録番号, 送信先メールアドレス,
申請者, 確定申告, 同意書, 提出書類, an instruction quoting 「申込内容を登録する」. Each page here
is a real mock page (both markup styles) with one such insertion — in a paragraph, a legend,
a fieldset's text, a hint, a label, an option, a table header, an error message, or the caption
of a control that is not a submit (a 「登録番号」 select, a 「送信先」 radio, a checkbox
「確定申告済み」 the catalogue does not fill), or a guarded caption on a control elsewhere on the
page (another form, a header link). Every deny-list word and guarded caption of the catalogue
appears.

The real CLI runs from the page (headless, no ``--auto-confirm``, the mock session set up for
it). For each page the tool must fill it and move on: the forward request reaches the mock, the
next page is reached, the run goes on to the next page a human must act on (exit 3), and the
report holds no refusal and no blocked attempt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from nss_autofill.mock.server import MockSite
from nss_autofill.site.catalogue import load_catalogue

from .helpers import field_problems
from .hostile import (
    after_body_open,
    after_form_open,
    before_form_close,
    before_forward,
    describe,
    refusals,
    render,
    run_tool,
    show_requests,
    swap,
)

CAT = load_catalogue()


@dataclass(frozen=True)
class Base:
    """A mock page to insert prose into: its forward control, the page it leads to."""

    forward: str
    next_id: str
    posts: bool = True  # the forward control posts the form (else: a link)


BASES: dict[str, Base] = {
    "bbs-top": Base("NSS ログイン", "bbs-nss", posts=False),
    "temp-apply": Base("申込内容確認へ進む", "temp-confirm"),
    "apply-office": Base("一般NACCSを利用する", "apply-usercode-choice"),
    "apply-terminal": Base("次へ", "apply-mailbox"),
    "apply-mailbox": Base("次へ", "apply-plan"),
    "apply-billing": Base("申込内容確認へ進む", "apply-confirm"),
}


@dataclass(frozen=True)
class Prose:
    """One insertion: where (page and place) and what."""

    id: str
    page_id: str
    where: str  # form-top | before-forward | notes | body-top | body-end | wrap-form
    markup: str
    words: tuple[str, ...]  # the guard's words it carries (documentation and a self-check)


INTRO = "ここで入力したメールアドレスに、仮ログインID・パスワードを送信します。"
PROSE: tuple[Prose, ...] = (
    Prose(
        "form-is-one-fieldset",
        "temp-apply",
        "wrap-form",
        f"<legend>申込担当者の情報</legend><p>{INTRO}</p>",
        ("送信",),
    ),
    Prose(
        "instruction-quotes-the-final-caption",
        "temp-apply",
        "before-forward",
        "<p>入力内容をご確認のうえ、次の画面で「申込内容を登録する」ボタンを押してください。</p>",
        ("申込内容を登録する", "登録する", "登録"),
    ),
    Prose(
        "hint-send-to-address",
        "temp-apply",
        "form-top",
        '<p class="hint"><small>送信先メールアドレスは半角英数字で入力してください。</small></p>',
        ("送信",),
    ),
    Prose(
        "radio-send-to",
        "temp-apply",
        "form-top",
        '<fieldset><legend>通知の送信先</legend><label><input type="radio" name="rdoSoshinsaki"'
        ' value="1" checked> 送信先：申込担当者</label> <label><input type="radio"'
        ' name="rdoSoshinsaki" value="2"> 送信先：システム管理責任者</label></fieldset>',
        ("送信",),
    ),
    Prose(
        "notes-confirm-approve",
        "temp-apply",
        "notes",
        "<li>申込内容は審査の後に確定し、承認のお知らせを送信します。</li>",
        ("確定", "承認", "送信"),
    ),
    Prose(
        "legend-consent",
        "apply-billing",
        "form-top",
        "<fieldset><legend>個人情報の取扱いへの同意</legend><p>本申込により、個人情報の"
        "取扱いに同意したものとみなします。</p></fieldset>",
        ("同意",),
    ),
    Prose(
        "table-header-registration-number",
        "apply-billing",
        "form-top",
        '<table class="form"><tr><th>登録番号</th><td>（申請後に通知されます）</td></tr></table>',
        ("登録", "申請"),
    ),
    Prose(
        "option-reads-a-guarded-caption",
        "apply-billing",
        "form-top",
        '<p><label for="nssaf-mail">お知らせメール</label> <select id="nssaf-mail"'
        ' name="selOshirase"><option value="0" selected>受け取らない</option>'
        '<option value="1">同意する</option></select></p>',
        ("同意する",),
    ),
    Prose(
        "error-message-documents",
        "apply-billing",
        "form-top",
        '<div class="errmsg">提出書類に不備がある場合は、承認までお時間をいただくことがあります。'
        "</div>",
        ("提出", "承認"),
    ),
    Prose(
        "button-registration-number-lookup",
        "apply-billing",
        "before-forward",
        '<button type="button" onclick="void 0">登録番号の確認</button>',
        ("登録",),
    ),
    Prose(
        "label-applicant-number",
        "apply-office",
        "form-top",
        '<p><label for="nssaf-shinsei">申請者番号（任意）</label> <input type="text"'
        ' id="nssaf-shinsei" name="txtShinseisyaNo" value=""></p>',
        ("申請",),
    ),
    Prose(
        "select-registration-number",
        "apply-office",
        "form-top",
        '<p><label for="nssaf-reg">登録番号</label> <select id="nssaf-reg" name="selTorokuNo">'
        '<option value="">選択してください</option><option value="1">登録番号あり</option>'
        '<option value="2">登録番号なし（申請中）</option></select></p>',
        ("登録", "申請"),
    ),
    Prose(
        "checkbox-tax-return-filed",
        "apply-office",
        "form-top",
        '<p><label><input type="checkbox" name="chkKakutei" value="1"> 確定申告済み</label></p>',
        ("確定",),
    ),
    Prose(
        "paragraph-apply-per-office",
        "apply-mailbox",
        "form-top",
        "<p>複数の事業所で申し込む場合は、事業所ごとに申込する必要があります。</p>",
        ("申し込む", "申込する"),
    ),
    Prose(
        "separate-form-with-a-consent-button",
        "apply-mailbox",
        "body-top",
        '<form method="post" action="/hostile/cookie-consent"><p>当サイトはクッキーを使用します。'
        '</p><button type="submit">同意する</button></form>',
        ("同意する", "同意"),
    ),
    Prose(
        "header-link-reads-the-final-caption",
        "apply-terminal",
        "body-top",
        '<p class="help"><a href="/help/manual.html#touroku">申込内容を登録する</a>'
        "（操作マニュアル）</p>",
        ("申込内容を登録する", "登録する", "登録"),
    ),
    Prose(
        "checkbox-consent-form-submitted",
        "apply-terminal",
        "form-top",
        '<p><label><input type="checkbox" name="chkDoisho" value="1"> 同意書（写し）を提出済み'
        "</label></p>",
        ("同意", "提出"),
    ),
    Prose(
        "table-headers-dates",
        "apply-terminal",
        "form-top",
        '<table class="list"><tr><th>申請日</th><th>承認日</th><th>確定日</th></tr>'
        "<tr><td>－</td><td>－</td><td>－</td></tr></table>",
        ("申請", "承認", "確定"),
    ),
    Prose(
        "portal-paragraph",
        "bbs-top",
        "before-forward",
        "<p>NSSでの利用申込の登録・送信には、システム利用規定への同意が必要です。窓口で申請する"
        "書類の提出は不要です。「申込内容を登録する」ボタンを押すまで申込は確定しません。</p>",
        ("登録", "送信", "同意", "申請する", "提出", "申込内容を登録する", "登録する", "確定"),
    ),
)


def _insert(html: str, prose: Prose, forward: str) -> str:
    if prose.where == "form-top":
        return after_form_open(html, prose.markup)
    if prose.where == "before-forward":
        return before_forward(html, forward, prose.markup)
    if prose.where == "body-top":
        return after_body_open(html, prose.markup)
    if prose.where == "notes":
        m = re.search(r'<(td|aside) class="notes"[^>]*>\s*<ul>', html)
        assert m, "no notes in the page"
        return swap(html, m.group(0), m.group(0) + prose.markup)
    if prose.where == "wrap-form":
        html = after_form_open(html, f'<fieldset class="nssaf-wrap">{prose.markup}')
        return before_form_close(html, "</fieldset>")
    raise AssertionError(f"no place {prose.where!r}")


@pytest.mark.nobrowser
def test_every_deny_word_and_guarded_caption_appears() -> None:
    """The set covers the catalogue's deny list and guarded captions (changes to it show)."""
    carried = {w for p in PROSE for w in p.words}
    for p in PROSE:
        for w in p.words:
            assert w in p.markup, (p.id, w)
    deny = set(CAT.deny_captions)
    assert deny <= carried, deny - carried
    assert "申込内容を登録する" in carried
    assert len(PROSE) * 2 >= 30  # pages: every insertion in both styles


@pytest.mark.parametrize("prose", PROSE, ids=[p.id for p in PROSE])
def test_ordinary_words_do_not_stop_the_tool(
    any_mock_site: MockSite, tmp_path: Path, prose: Prose
) -> None:
    site = any_mock_site
    base = BASES[prose.page_id]
    r = render(site, prose.page_id)
    html = _insert(r.html, prose, base.forward)
    path = site.add_page(f"/hostile/prose/{prose.id}", html, charset=r.charset)
    before = len(site.requests)
    res = run_tool(site, site.url_for(prose.page_id, then=path[len(site.base_url) :]), tmp_path)
    assert res.report is not None, describe(res)
    pages = res.report["pages"]
    assert pages and pages[0]["page_id"] == prose.page_id, describe(res)
    assert refusals(res) == [], describe(res)
    assert [p for p in field_problems(res.report) if p[0] == prose.page_id] == [], describe(res)
    # The forward request left the page and reached the mock ...
    own = r.path(prose.page_id)
    nxt = r.path(base.next_id)
    sent = site.requests[before:]
    if base.posts:
        posted = [p for p in site.posts if p.path == own]
        assert posted, f"no POST to {own}\n{describe(res)}"
        assert posted[-1].submitter == base.forward, (posted[-1], describe(res))
    assert any(q.method == "GET" and q.path == nxt for q in sent), describe(res)
    # ... the next page was reached, and the run went on to where a human must act.
    assert len(pages) > 1 and pages[1]["page_id"] == base.next_id, describe(res)
    assert (res.code, res.report["outcome"]) == (3, "needs-human"), describe(res)
    guarded = site.guarded_requests()
    assert not guarded, show_requests(guarded)
