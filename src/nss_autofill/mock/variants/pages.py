"""Every page of the flow in a variant markup: ``render(style, page, ctx)``.

The form pages are drawn by ``pageframe.form_page``, the user-code pages by ``usercodes.py``,
the confirmation pages by ``confirm.py``, the NACCS掲示板 pages by ``bbs.py``; the terms, the
phase-1 completion and the message pages are here.
"""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from typing import Any

from ..flow import PageDef
from .bbs import bbs_nss, bbs_top
from .buttons import form_open, link_button, post_buttons
from .confirm import apply_confirm, temp_confirm
from .headings import heading, heading_styles, page_heading
from .markup import esc
from .model import FORM_PAGES
from .pageframe import finish, form_page, simple
from .site import VariantStyle
from .usercodes import usercode_choice, usercode_page
from .vpage import V


def terms(v: V) -> str:
    v.ctx["_heading"] = "記載事項とシステム利用規定"
    sec = heading_styles(v, "section-heading", in_table=False)
    body = page_heading(v, "記載事項とシステム利用規定") + form_open(v)
    body += heading(v, "記載事項", sec, "section-heading")
    body += (
        "<ol><li>申込担当者のメールアドレスに仮ログインIDとパスワードを送付します。</li>"
        "<li>申込は1事業所ごとに行ってください。</li><li>入力内容は審査のために使用します。</li></ol>"
    )
    body += heading(v, "システム利用規定", sec, "section-heading")
    box = v.choose("terms-box", {"div": (1, 2), "textarea": (3, 1), "iframe-like": (1, 0.5)})
    text = [
        "第1条（目的）　この規定は、NACCSサポートシステム（以下「本システム」という。）の利用に関し必要な事項を定める。（模擬）",
        "第2条（利用者の責務）　利用者は、本システムに登録する情報を正確に入力しなければならない。",
        "第3条（ID及びパスワードの管理）　利用者は、仮ログインID及びパスワードを適切に管理しなければならない。",
        "第4条（禁止事項）　利用者は、本システムの運用を妨げる行為をしてはならない。",
        "附則　この規定は模擬サイト用の文章であり、実際の規定ではない。",
    ]
    if box == "textarea":
        body += f'<textarea readonly rows="8" cols="90" style="width:95%">{esc(chr(10).join(text))}</textarea>'
    else:
        style = (
            "height:160px;overflow-y:scroll;border:1px solid #999;padding:8px;background:#fafafa"
        )
        body += f'<div style="{style}">' + "".join(f"<p>{esc(x)}</p>" for x in text) + "</div>"
    body += "<p>上記の記載事項とシステム利用規定に同意される場合は「システム利用規定に同意する」ボタンを押してください。</p>"
    refuse = link_button(v, "同意しない", v.ctx["url"]("bbs-top"), "refuse")
    body += post_buttons(v, ("システム利用規定に同意する",), extra=[refuse]) + "</form>"
    return finish(v, None, body)


def temp_done(v: V) -> str:
    v.ctx["_heading"] = "仮ログイン登録完了"
    reg = v.ctx["registration"]
    mail_to = reg.values["txtMailAddr"][0] if reg else ""
    body = page_heading(v, "仮ログイン登録完了")
    body += "<p>仮ログインの登録が完了しました。</p>"
    body += (
        f"<p>仮ログインIDとパスワードを、ご登録のメールアドレス（{esc(mail_to)}）宛てに送信しました。"
        "メールに記載のURLからログインし、NACCS利用申込を行ってください。</p><p>このウィンドウは閉じて構いません。</p>"
    )
    mail = v.ctx["mail"]
    if mail:
        kind = v.pick("mail-kind", ("table", "dl", "p"))
        url = f'<a href="{esc(mail.url)}" class="mail-url">{esc(mail.url)}</a>'
        lid = f'<span class="mail-login-id">{esc(mail.login_id)}</span>'
        pw = f'<span class="mail-password">{esc(mail.password)}</span>'
        if kind == "table":
            info = (
                f'<table class="lst mailinfo"><tr><th>ログインURL</th><td>{url}</td></tr>'
                f"<tr><th>仮ログインID</th><td>{lid}</td></tr><tr><th>パスワード</th><td>{pw}</td></tr></table>"
            )
        elif kind == "dl":
            info = f'<dl class="frm mailinfo"><dt>ログインURL</dt><dd>{url}</dd><dt>仮ログインID</dt><dd>{lid}</dd><dt>パスワード</dt><dd>{pw}</dd></dl>'
        else:
            info = f'<p class="mailinfo">ログインURL：{url}<br>仮ログインID：{lid}<br>パスワード：{pw}</p>'
        body += (
            '<div class="mockmail" style="border:3px dashed #c60;background:#fff8e8;padding:8px 12px;margin:20px 0;max-width:640px">'
            '<h3 style="background:#c60;color:#fff">模擬メール</h3>'
            "<p>（実際のNSSではこの内容がメールで届きます。模擬サイトのため画面に表示しています。）</p>"
            f"<p>件名：【NACCS】仮ログインID発行のお知らせ</p>{info}</div>"
        )
    return finish(v, None, body)


# ---------------------------------------------------------------------------------- entry
def render(style: VariantStyle, page: PageDef, ctx: dict[str, Any]) -> str:
    """The HTML of ``page`` in ``style``'s markup for the session state in ``ctx``."""
    v = V(style, page, dict(ctx))
    pid = page.id
    if pid == "bbs-top":
        return bbs_top(v)
    if pid == "bbs-nss":
        return bbs_nss(v)
    if pid == "terms":
        return terms(v)
    if pid == "temp-confirm":
        return temp_confirm(v)
    if pid == "temp-done":
        return temp_done(v)
    if pid == "apply-usercode-choice":
        return usercode_choice(v)
    if pid == "apply-usercode":
        return usercode_page(v)
    if pid == "apply-confirm":
        return apply_confirm(v)
    if pid == "apply-done":
        receipt = esc(v.ctx["receipt"])
        return simple(
            v,
            "NACCS利用申込完了",
            [
                f"NACCS利用申込を受け付けました。受付番号：<b>{receipt}</b>",
                "申込内容の審査後、受付完了のメール、審査完了のメールを順次お送りします。"
                "審査完了後に送付される利用者IDとパスワードの通知用リンクは、利用開始日の2日後まで有効です。",
                "このウィンドウは閉じて構いません。",
            ],
        )
    if pid == "session-timeout":
        link = link_button(v, "ログイン画面へ", v.ctx["url"]("login"), "relogin")
        return simple(
            v,
            "エラー",
            [esc(v.c("セッションがタイムアウトしました。再度ログインしてください。"))],
            f'<div class="btns">{link}</div>',
        )
    if pid == "maintenance":
        return simple(
            v,
            "システムメンテナンスのお知らせ",
            [
                esc(v.c("ただいまシステムメンテナンス中です。")),
                "ご迷惑をおかけしますが、しばらく時間をおいてから再度アクセスしてください。",
            ],
        )
    fp = FORM_PAGES[pid]
    return form_page(v, fp)
