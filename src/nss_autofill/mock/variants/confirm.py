"""The confirmation pages of a variant: what was entered read back (tables, dl or div
grids) on the phase-1 confirmation and on the application's confirmation with its remarks."""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from collections.abc import Callable

from .. import flow
from .buttons import form_open, link_button, post_buttons
from .formstyle import form_style
from .headings import heading, heading_styles, page_heading
from .layouts import sections_html
from .markup import esc
from .model import APPLY_CONFIRM_FORM
from .pageframe import finish
from .vpage import V


def readout(v: V, key: str, rows: list[tuple[str, str]]) -> str:
    kind = v.choose(key, {"table": (4, 1), "dl": (1, 2), "grid": (0, 1.5)})
    if kind == "table":
        border = ' border="1" cellspacing="0" cellpadding="4"' if v.era == "old" else ""
        cells = "".join(
            f"<tr><th>{esc(v.c(k))}</th><td>{esc(x) or '&nbsp;'}</td></tr>" for k, x in rows
        )
        return f'<table class="frm"{border}>{cells}</table>'
    if kind == "dl":
        return (
            '<dl class="frm">'
            + "".join(f"<dt>{esc(v.c(k))}</dt><dd>{esc(x) or '&nbsp;'}</dd>" for k, x in rows)
            + "</dl>"
        )
    return "".join(
        f'<div class="row"><div class="col-3">{esc(v.c(k))}</div><div class="col-9">{esc(x) or "－"}</div></div>'
        for k, x in rows
    )


def temp_confirm(v: V) -> str:
    pv: Callable[[str, str], str] = v.ctx["pv"]
    heading_caption = "申込内容確認"
    v.ctx["_heading"] = heading_caption

    def p(n: str) -> str:
        return pv("temp-apply", n)

    rows = [
        ("企業名", p("txtKgyMei")),
        ("部署名", p("txtBusyoMei")),
        ("氏名", f"{p('txtTntSei')}　{p('txtTntMei')}"),
        ("氏名(フリガナ)", f"{p('txtTntSeiKana')}　{p('txtTntMeiKana')}"),
        ("電話番号", p("txtTelNo")),
        ("メールアドレス", p("txtMailAddr")),
    ]
    body = page_heading(v, heading_caption)
    body += "<p>以下の内容で仮ログインの申込を行います。内容をご確認のうえ「申込内容を登録する」ボタンを押してください。</p>"
    body += form_open(v) + readout(v, "readout", rows)
    back = link_button(v, "戻る", v.ctx["url"]("temp-apply"), "back-link")
    body += post_buttons(v, ("申込内容を登録する",), extra=[back]) + "</form>"
    return finish(v, None, body)


def apply_confirm(v: V) -> str:
    pv: Callable[[str, str], str] = v.ctx["pv"]
    v.ctx["_heading"] = "申込内容確認"
    date_fmt = v.pick("date-fmt", ("{y}年{m}月{d}日", "{y}/{m}/{d}", "{y}年{mi}月{di}日"))

    def p(page: str, n: str) -> str:
        return pv(page, n)

    def yn(page: str, n: str, yes: str = "要", no: str = "不要") -> str:
        return v.c(yes) if p(page, n) == "1" else v.c(no)

    t, o, b = "apply-tanto", "apply-office", "apply-billing"
    y, m, d = p(t, "selKaishiY"), p(t, "selKaishiM"), p(t, "selKaishiD")
    date = date_fmt.format(
        y=y, m=m, d=d, mi=int(m) if m.isdigit() else m, di=int(d) if d.isdigit() else d
    )
    sections: list[tuple[str, list[tuple[str, str]]]] = [
        (
            "申込担当",
            [
                ("氏名", f"{p(t, 'txtMskSei')}　{p(t, 'txtMskMei')}"),
                ("氏名(フリガナ)", f"{p(t, 'txtMskSeiKn')}　{p(t, 'txtMskMeiKn')}"),
                ("部署名", p(t, "txtMskBusyo")),
                ("電話番号", p(t, "txtMskTel")),
                ("メールアドレス", p(t, "txtMskMail")),
                ("申込理由", p(t, "txaRiyu")),
                ("利用開始希望日", date),
            ],
        ),
        (
            "事業所・企業",
            [
                ("企業名", p(o, "txtKgyMei")),
                ("企業名(フリガナ)", p(o, "txtKgyMeiKn")),
                ("法人番号", p(o, "txtHojinNo")),
                ("代表者役職", p(o, "txtDaihyoYakusyoku")),
                ("代表者氏名", p(o, "txtDaihyoSimei")),
                ("郵便番号", p(o, "txtKgyYubin")),
                (
                    "住所",
                    f"{flow.caption(flow.PREF_OPTIONS, p(o, 'selKgyTodofuken'))}{p(o, 'txtKgyJusyo1')}　{p(o, 'txtKgyJusyo2')}",
                ),
                ("電話番号", p(o, "txtKgyTel")),
                ("事業所名", p(o, "txtJgsMei")),
                ("事業所名(フリガナ)", p(o, "txtJgsMeiKn")),
                (
                    "事業所所在地",
                    v.c("その他") if p(o, "rdoJgsSyozaichi") == "2" else v.c("企業に同じ"),
                ),
                (
                    "システム管理責任者",
                    f"{p(o, 'txtKanriSimei')}（{p(o, 'txtKanriTel')}／{p(o, 'txtKanriMail')}）",
                ),
                ("利用システム", "netNACCSのみ" if v.ctx["route"] == "net" else "一般NACCS"),
            ],
        ),
    ]
    code_rows = [(c.code, r) for c in v.ctx["codes"] for r in c.rows]
    plan = [
        (
            "希望する料金プラン",
            v.c(f"{p('apply-plan', 'rdoRyokinPlan')}プラン")
            if p("apply-plan", "rdoRyokinPlan")
            else "",
        ),
        ("管理統計資料(有料分)", yn("apply-plan", "rdoTokeiSiryo")),
        ("保税管理資料保存サービス", yn("apply-plan", "rdoHozeiSiryo")),
    ]
    billing = [("一括請求", "希望する" if p(b, "rdoIkkatsu") == "1" else "希望しない")]
    if p(b, "rdoIkkatsu") == "1":
        billing.append(
            (
                "一括請求先",
                f"{p(b, 'txtIkkSeikyuCd')} {p(b, 'txtIkkJgsCd')}　{p(b, 'txtIkkKgyMei')}　{p(b, 'txtIkkJgsMei')}",
            )
        )
    if p(b, "rdoSeikyuSyozai") == "2":
        addr = f"〒{p(b, 'txtSkyYubin')}　{flow.caption(flow.PREF_OPTIONS, p(b, 'selSkyTodofuken'))}{p(b, 'txtSkyJusyo1')}　{p(b, 'txtSkyJusyo2')}"
    else:
        addr = "事業所に同じ"
    billing.append(("所在地", addr))
    billing.append(("同一口座振替", "希望する" if p(b, "rdoKozaFurikae") == "1" else "希望しない"))
    if p(b, "rdoKozaFurikae") == "1":
        billing.append(
            (
                "同一口座振替先",
                f"{p(b, 'txtKfrSeikyuCd')} {p(b, 'txtKfrJgsCd')}　{p(b, 'txtKfrKgyMei')}　{p(b, 'txtKfrJgsMei')}",
            )
        )
    sec_style = heading_styles(v, "section-heading", in_table=False)
    body = page_heading(v, "申込内容確認")
    body += "<p>以下の内容でNACCS利用申込を行います。内容をご確認のうえ「申込内容を登録する」ボタンを押してください。</p>"
    body += form_open(v)
    for title, rows in sections:
        body += heading(v, title, sec_style, "section-heading") + readout(v, "readout", rows)
    body += heading(v, "利用者", sec_style, "section-heading")
    cells = "".join(
        f"<tr><td>{esc(code)}</td><td>{esc(flow.industry_caption(r['industry']))}</td>"
        f"<td>{esc(flow.caption(flow.PROCESSING, r['processing']))}</td><td>{esc(r['count'])}</td>"
        f"<td>{'利用する' if r['sso'] == '1' else '利用しない'}</td></tr>"
        for code, r in code_rows
    )
    body += (
        '<table class="lst" border="1" cellspacing="0"><tr><th>利用者コード</th><th>業種</th><th>処理方式</th>'
        f"<th>識別番号数</th><th>シングルサインオン</th></tr>{cells}</table>"
    )
    terminal = p("apply-terminal", "chkKikiKyoyo") == "1"
    body += heading(v, "回線・論理端末", sec_style, "section-heading") + readout(
        v,
        "readout",
        [
            (
                "機器共用等",
                "機器共用・共同利用、回線付替を別途申込、または自社システムを利用する"
                if terminal
                else "該当しない",
            )
        ],
    )
    body += heading(v, "メールボックス", sec_style, "section-heading") + readout(
        v, "readout", [("メールボックス数", p("apply-mailbox", "txtMbxSu"))]
    )
    body += heading(v, "料金", sec_style, "section-heading") + readout(v, "readout", plan)
    body += heading(v, "請求先", sec_style, "section-heading") + readout(v, "readout", billing)
    fs = form_style(v)
    body += sections_html(v, fs, (APPLY_CONFIRM_FORM,))
    back = link_button(v, "戻る", v.ctx["url"]("apply-billing"), "back-link")
    body += post_buttons(v, ("申込内容を登録する",), extra=[back]) + "</form>"
    return finish(v, fs, body)
