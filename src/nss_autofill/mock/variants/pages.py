"""Every page of the flow in a variant markup: ``render(style, page, ctx)``."""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .. import flow
from ..flow import PageDef
from .buttons import form_open, helper_button, link_button, post_buttons
from .chrome import document, frame
from .formscripts import deps_script, zip_script
from .formstyle import FormStyle, form_style
from .headings import heading, heading_styles, page_heading
from .layouts import sections_html
from .markup import esc
from .messages import field_error, notes_html
from .model import APPLY_CONFIRM_FORM, FORM_PAGES, SSO_INDUSTRIES, FormPage
from .site import VariantStyle
from .vpage import V


def intro(v: V, text: str) -> str:
    if not text:
        return ""
    return f"<p>{esc(v.fmt(text))}</p>"


def _finish(
    v: V, fs: FormStyle | None, content: str, notes: tuple[str, ...] | list[str] = ()
) -> str:
    if fs is not None:
        if fs.uses_zip:
            v.head_scripts.append(zip_script(v, fs))
        dep = deps_script(v, fs)
        if dep:
            v.tail_scripts.append(dep)
    return document(v, frame(v, content, notes_html(v, notes)))


# ---------------------------------------------------------------------------------- form pages
def form_page(
    v: V, fp: FormPage, *, lead: str = "", between: str = "", extra_buttons: list[str] | None = None
) -> str:
    fs = form_style(v)
    v.ctx["_heading"] = v.c(fp.heading)
    body = page_heading(v, fp.heading) + (lead or intro(v, fp.intro))
    body += form_open(v)
    body += sections_html(v, fs, fp.sections)
    body += between
    body += post_buttons(v, fp.buttons, extra=extra_buttons)
    body += "</form>"
    return _finish(v, fs, body, fp.notes)


def usercode_page(v: V) -> str:
    fp = FORM_PAGES["apply-usercode"]
    mode = v.ctx["code_mode"]
    what = "取得を希望する利用者コード" if mode == "new" else "共用する他事業所の利用者コード"
    lead = (
        f"<p>{esc(what)}を入力し、業種ごとに「{esc(v.c('設定'))}」ボタンを押してください。"
        f"設定が終わったら「{esc(v.c('この内容を設定する'))}」ボタンを押してください。</p>"
    )
    nm = v.nm
    names = {k: nm.name(k) for k in ("selGyoshu", "selHoshiki", "txtSikibetuSu", "chkSso")}
    hidden = {k: nm.name(k) for k in ("hdnGyoshu", "hdnHoshiki", "hdnSikibetuSu", "hdnSso")}
    grid = v.choose("rows-markup", {"table": (1, 2), "table-plain": (2, 0.5), "grid": (0, 1)})
    caption_text = v.pick(
        "rows-caption",
        ("設定した利用者コード情報", "利用者コード情報一覧", "設定内容", None),
        (3, 1, 1, 1),
    )
    caption_place = v.pick("rows-caption-place", ("heading", "caption"))
    sso_col = v.pick("rows-sso-col", ("シングルサインオン", "SSO"))
    no_col = v.pick("rows-no-col", ("No.", "番号", "#", None))
    deletable = v.chance("rows-delete", 0.35)
    cols = [c for c in (no_col, "業種", "処理方式", "識別番号数", sso_col) if c] + (
        ["操作"] if deletable else []
    )
    rows_id = v.new_id("rows")
    empty_id = v.new_id("norows")
    empty_kind = v.pick("rows-empty", ("p", "none", "row"))
    ctx_rows: list[dict[str, str]] = list(v.ctx["rows"])

    def cell_values(r: dict[str, str], i: int) -> list[str]:
        vals = [str(i)] if no_col else []
        vals += [
            flow.industry_caption(r["industry"]),
            flow.caption(flow.PROCESSING, r["processing"]),
            r["count"],
            "利用する" if r["sso"] == "1" else "利用しない",
        ]
        return vals

    def hidden_inputs(r: dict[str, str]) -> str:
        return (
            f'<input type="hidden" name="{esc(hidden["hdnGyoshu"])}" value="{esc(nm.value("selGyoshu", r["industry"]))}">'
            f'<input type="hidden" name="{esc(hidden["hdnHoshiki"])}" value="{esc(nm.value("selHoshiki", r["processing"]))}">'
            f'<input type="hidden" name="{esc(hidden["hdnSikibetuSu"])}" value="{esc(r["count"])}">'
            f'<input type="hidden" name="{esc(hidden["hdnSso"])}" value="{esc(r["sso"])}">'
        )

    delete_html = '<a href="#" onclick="nssDelRow(this); return false;">削除</a>'
    body_rows = []
    for i, r in enumerate(ctx_rows, start=1):
        vals = cell_values(r, i)
        cells = [esc(x) for x in vals]
        cells[-1] += hidden_inputs(r)
        if deletable:
            cells.append(delete_html)
        if grid == "grid":
            body_rows.append(
                '<div role="row">'
                + "".join(f'<div role="cell">{c}</div>' for c in cells)
                + "</div>"
            )
        else:
            body_rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    empty_text = "設定した利用者コード情報はありません。"
    empty_html = ""
    hide = ' style="display:none"' if ctx_rows else ""
    if grid == "grid":
        header = (
            '<div role="row">'
            + "".join(f'<div role="columnheader">{esc(c)}</div>' for c in cols)
            + "</div>"
        )
        table = f'<div role="table" class="grid-table" id="{rows_id}">{header}{"".join(body_rows)}</div>'
    else:
        cap = ""
        if caption_text and caption_place == "caption":
            cap = f"<caption>{esc(caption_text)}</caption>"
        head_cells = "".join(f"<th>{esc(c)}</th>" for c in cols)
        border = ' border="1" cellspacing="0" cellpadding="3"' if v.era == "old" else ""
        if grid == "table":
            table = f'<table class="lst"{border}>{cap}<thead><tr>{head_cells}</tr></thead><tbody id="{rows_id}">{"".join(body_rows)}</tbody></table>'
        else:
            table = f'<table class="lst"{border} id="{rows_id}">{cap}<tr>{head_cells}</tr>{"".join(body_rows)}</table>'
        if empty_kind == "row" and grid == "table":
            table = table.replace(
                f'<tbody id="{rows_id}">',
                f'<tbody><tr id="{empty_id}"{hide}><td colspan="{len(cols)}">{empty_text}</td></tr>'
                f'</tbody><tbody id="{rows_id}">',
            )
    if empty_kind == "p" or (empty_kind == "row" and grid != "table"):
        empty_html = f'<p id="{empty_id}"{hide}>{empty_text}</p>'
    title = ""
    if caption_text and (caption_place == "heading" or grid == "grid"):
        style = heading_styles(v, "rows-heading", in_table=False)
        title = heading(v, caption_text, style, "rows-heading")
    set_msg = v.new_id("setmsg")
    set_btn = helper_button(v, "設定", "nssAddRow()", "set")
    set_area = f'<div class="btns">{set_btn} <span id="{set_msg}" class="errmsg"></span></div>'
    errs = field_error(v, "setList")
    between = set_area + title + errs + table + empty_html
    sso_filter = v.choose("sso-filter", {"none": (3, 1), "filter": (1, 2), "replace": (0, 1)})
    script = _usercode_script(
        v,
        names,
        hidden,
        rows_id,
        empty_id,
        set_msg,
        grid,
        no_col is not None,
        deletable,
        sso_filter,
    )
    v.head_scripts.append(script)
    return form_page(v, fp, lead=lead, between=between)


def _usercode_script(
    v: V,
    names: dict[str, str],
    hidden: dict[str, str],
    rows_id: str,
    empty_id: str,
    msg_id: str,
    grid: str,
    numbered: bool,
    deletable: bool,
    sso_filter: str,
) -> str:
    sso_values = sorted(v.nm.value("selGyoshu", x) for x in SSO_INDUSTRIES)
    cfg = {
        "names": names,
        "hidden": hidden,
        "rows": rows_id,
        "empty": empty_id,
        "msg": msg_id,
        "grid": grid == "grid",
        "numbered": numbered,
        "deletable": deletable,
        "sso": sso_values,
        "filter": sso_filter,
    }
    return (
        '<script type="text/javascript">\n'
        f"var NSSROWS = {json.dumps(cfg, ensure_ascii=False)};\n"
        "function nssQ(k) { return document.getElementsByName(NSSROWS.names[k])[0]; }\n"
        "function nssRowCount() { var box = document.getElementById(NSSROWS.rows);\n"
        "  return NSSROWS.grid ? box.querySelectorAll('[role=row]').length - 1 : box.querySelectorAll('tr').length - (box.tagName == 'TABLE' ? 1 : 0); }\n"
        "function nssAddRow() {\n"
        "  var g = nssQ('selGyoshu'), h = nssQ('selHoshiki'), n = nssQ('txtSikibetuSu'), s = nssQ('chkSso');\n"
        "  var msg = document.getElementById(NSSROWS.msg); msg.innerHTML = '';\n"
        "  if (g.value == '' || h.value == '' || !/^[0-9]{1,3}$/.test(n.value) || parseInt(n.value, 10) < 1) {\n"
        "    msg.innerHTML = '業種、処理方式及び識別番号数を入力してから「設定」ボタンを押してください。'; return; }\n"
        "  var cells = [g.options[g.selectedIndex].text, h.options[h.selectedIndex].text, n.value, s.checked ? '利用する' : '利用しない'];\n"
        "  if (NSSROWS.numbered) cells.unshift(String(nssRowCount() + 1));\n"
        "  var vals = {hdnGyoshu: g.value, hdnHoshiki: h.value, hdnSikibetuSu: n.value, hdnSso: s.checked ? '1' : '0'};\n"
        "  var box = document.getElementById(NSSROWS.rows);\n"
        "  var row = document.createElement(NSSROWS.grid ? 'div' : 'tr');\n"
        "  if (NSSROWS.grid) row.setAttribute('role', 'row');\n"
        "  var last = null;\n"
        "  for (var i = 0; i < cells.length; i++) { var c = document.createElement(NSSROWS.grid ? 'div' : 'td');\n"
        "    if (NSSROWS.grid) c.setAttribute('role', 'cell'); c.appendChild(document.createTextNode(cells[i])); row.appendChild(c); last = c; }\n"
        "  for (var k in vals) { var inp = document.createElement('input'); inp.type = 'hidden';\n"
        "    inp.name = NSSROWS.hidden[k]; inp.value = vals[k]; last.appendChild(inp); }\n"
        "  if (NSSROWS.deletable) { var d = document.createElement(NSSROWS.grid ? 'div' : 'td');\n"
        "    if (NSSROWS.grid) d.setAttribute('role', 'cell');\n"
        '    d.innerHTML = \'<a href="#" onclick="nssDelRow(this); return false;">削除</a>\'; row.appendChild(d); }\n'
        "  (box.tagName == 'TABLE' && box.tBodies.length ? box.tBodies[box.tBodies.length - 1] : box).appendChild(row);\n"
        "  var e = document.getElementById(NSSROWS.empty); if (e) e.style.display = 'none';\n"
        "  g.selectedIndex = 0; h.selectedIndex = 0; n.value = ''; s.checked = false; nssSso();\n"
        "}\n"
        "function nssDelRow(a) { var r = a.parentNode.parentNode; r.parentNode.removeChild(r); }\n"
        "var NSSALL = null;\n"
        "function nssSso() {\n"
        "  if (NSSROWS.filter == 'none') return;\n"
        "  var g = nssQ('selGyoshu'), s = nssQ('chkSso');\n"
        "  if (NSSALL === null) { NSSALL = []; for (var i = 0; i < g.options.length; i++) NSSALL.push([g.options[i].value, g.options[i].text]); }\n"
        "  var keep = g.value, html = '';\n"
        "  for (var i = 0; i < NSSALL.length; i++) { var o = NSSALL[i];\n"
        "    if (s.checked && o[0] !== '' && NSSROWS.sso.indexOf(o[0]) < 0) continue;\n"
        "    html += '<option value=\"' + o[0] + '\"' + (o[0] === keep ? ' selected' : '') + '>' + o[1] + '</option>'; }\n"
        "  if (NSSROWS.filter == 'replace') { var n = document.createElement('span');\n"
        "    n.innerHTML = g.outerHTML.replace(/<option[\\s\\S]*<\\/select>/i, html + '</select>').replace(/ selected(=\"[^\"]*\")?/g, '');\n"
        "    var ng = n.firstChild; g.parentNode.replaceChild(ng, g); ng.value = keep; if (ng.selectedIndex < 0) ng.selectedIndex = 0; }\n"
        "  else { g.innerHTML = html; if (g.selectedIndex < 0) g.selectedIndex = 0; }\n"
        "}\n"
        "document.addEventListener('change', function (e) { if (e.target && e.target.name == NSSROWS.names.chkSso) nssSso(); });\n"
        "</script>"
    )


# ---------------------------------------------------------------------------------- readouts
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
    return _finish(v, None, body)


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
    return _finish(v, fs, body)


# ---------------------------------------------------------------------------------- other pages
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
    return _finish(v, None, body)


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
    return _finish(v, None, body)


def usercode_choice(v: V) -> str:
    v.ctx["_heading"] = v.c("利用者コードの選択")
    codes = v.ctx["codes"]
    body = page_heading(v, "利用者コードの選択")
    body += "<p>利用者コードを新たに取得するか、他事業所の利用者コードを共用するかを選択してください。</p>"
    body += form_open(v) + field_error(v, "codes")
    caption_text = v.pick(
        "codes-caption",
        ("設定済みの利用者コード", "設定済み利用者コード一覧", "利用者コード一覧", None),
        (3, 1, 1, 1),
    )
    place = v.pick("codes-caption-place", ("heading", "caption"))
    no_col = v.pick("codes-no-col", ("No.", "番号", None))
    cols = [c for c in (no_col, "利用者コード", "業種", "処理方式", "識別番号数") if c]
    rows = []
    for i, c in enumerate(codes, start=1):
        vals = [str(i)] if no_col else []
        vals += [
            c.code,
            "、".join(flow.industry_caption(r["industry"]) for r in c.rows),
            "、".join(flow.caption(flow.PROCESSING, r["processing"]) for r in c.rows),
            "、".join(r["count"] for r in c.rows),
        ]
        rows.append("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in vals) + "</tr>")
    cap = (
        f"<caption>{esc(v.c(caption_text))}</caption>"
        if caption_text and place == "caption"
        else ""
    )
    if caption_text and place == "heading":
        body += heading(
            v, caption_text, heading_styles(v, "section-heading", in_table=False), "section-heading"
        )
    border = ' border="1" cellspacing="0" cellpadding="3"' if v.era == "old" else ""
    head = "".join(f"<th>{esc(c)}</th>" for c in cols)
    body += f'<table class="lst"{border}>{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    if not codes:
        body += "<p>設定済みの利用者コードはありません。</p>"
    captions = ["新しい利用者コードを取得する", "他事業所の利用者コードを共用する", "戻る"]
    if codes:
        captions.append("次へ")
    body += post_buttons(v, captions) + "</form>"
    notes = (
        "既に利用中の利用者コードを使用する場合は、他事業所の利用者コードを共用してください。",
        "業種のグループが異なる場合は、利用者コードを分けて設定してください。",
    )
    return _finish(v, None, body, notes)


def simple(v: V, caption: str, paragraphs: list[str], extra: str = "") -> str:
    v.ctx["_heading"] = v.c(caption)
    body = page_heading(v, caption) + "".join(f"<p>{p}</p>" for p in paragraphs) + extra
    return _finish(v, None, body)


# ---------------------------------------------------------------------------------- NACCS掲示板
BBS_CSS = """
body { margin: 0; font-family: "IPAPGothic", "Meiryo", sans-serif; font-size: 14px; background: #f6f7f9; color: #222; }
.bbs-head { background: #fff; border-bottom: 3px solid #0a6ebd; padding: 10px 20px; }
.bbs-head .site { font-size: 22px; font-weight: bold; color: #0a6ebd; }
.gm { background: #0a6ebd; margin: 0; padding: 0 20px; list-style: none; display: flex; }
.gm > li, .gm > td { position: relative; padding: 8px 16px; color: #fff; cursor: default; }
.gm a, .gm button { color: #fff; text-decoration: none; background: none; border: 0; font: inherit; cursor: pointer; }
.gm .sub { list-style: none; margin: 0; padding: 4px 8px; background: #e8f1fa; position: absolute; left: 0; top: 100%; min-width: 200px; z-index: 10; border: 1px solid #9bc; }
.gm .sub li { padding: 4px 0; }
.gm .sub a { color: #0a4c85; }
.gm-static .sub { position: static; }
.gm-hover .sub { display: none; }
.gm-hover li:hover > .sub, .gm-hover td:hover > .sub { display: block; }
.bbs-main { margin: 16px 20px; background: #fff; padding: 14px 20px; border: 1px solid #dde; }
a.button { display: inline-block; background: #0a6ebd; color: #fff; padding: 6px 20px; text-decoration: none; border-radius: 3px; margin-right: 10px; }
"""

_MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ホーム", ()),
    ("お知らせ", ("新着情報", "障害情報")),
    ("契約手続(NSS)", ("NSS ログイン", "申込手続の流れ", "各種様式")),
    ("よくあるご質問", ("契約関係", "システム関係")),
    ("お問合せ", ()),
)


def bbs_menu(v: V) -> str:
    mode = v.choose(
        "menu-mode",
        {"visible": (1, 1), "css-hover": (1.5, 1.5), "click": (0.5, 2), "mouseover-js": (2, 0.3)},
    )
    markup = v.choose("menu-markup", {"ul": (1, 3), "table": (2, 0.2), "div": (1, 1)})
    parent_kind = v.choose(
        "menu-parent", {"text": (2, 1), "a": (1, 2), "img": (1.5, 0), "button": (0, 1)}
    )
    nss_item = v.pick("menu-nss-item", ("NSS ログイン", "NSS ログイン", "NSS　ログイン"))
    items = []
    for i, (name, subs) in enumerate(_MENUS):
        sub_id = f"gm-sub{i}"
        sub_items = "".join(
            f'<li><a href="{esc(v.ctx["url"]("bbs-nss")) if s == "NSS ログイン" else "javascript:void(0)"}">{esc(nss_item if s == "NSS ログイン" else s)}</a></li>'
            for s in subs
        )
        hidden = mode in ("click", "mouseover-js")
        sub = ""
        if subs:
            hid = ""
            if hidden:
                hid = ' style="display:none"' if v.chance("menu-hide-style", 0.6) else " hidden"
            sub = f'<ul class="sub" id="{sub_id}"{hid}>{sub_items}</ul>'
        label = esc(name)
        if parent_kind == "img":
            src = v.img(f"menu{i + 1:02d}.gif", name, kind="title")
            label = f'<img src="{src}" alt="{esc(name)}" border="0">'
        toggle = ""
        if subs and mode == "click":
            toggle = f" onclick=\"nssMenu('{sub_id}'); return false;\""
        if subs and parent_kind == "button":
            label = f'<button type="button" aria-expanded="false" aria-controls="{sub_id}"{toggle}>{label}</button>'
        elif subs and parent_kind in ("a", "img"):
            label = f'<a href="#"{toggle}>{label}</a>'
        elif subs and mode == "click":
            label = f'<span role="button" tabindex="0"{toggle}>{label}</span>'
        events = ""
        if subs and mode == "mouseover-js":
            events = f" onmouseover=\"nssShow('{sub_id}')\" onmouseout=\"nssHide('{sub_id}')\""
        tagname = {"ul": "li", "table": "td", "div": "div"}[markup]
        items.append(f'<{tagname} class="gm-item"{events}>{label}{sub}</{tagname}>')
    cls = (
        "gm "
        + {
            "visible": "gm-static",
            "css-hover": "gm-hover",
            "click": "gm-click",
            "mouseover-js": "gm-js",
        }[mode]
    )
    if mode in ("click", "mouseover-js"):
        v.head_scripts.append(
            '<script type="text/javascript">\n'
            "function nssMenu(id) { var m = document.getElementById(id); var open = m.style.display == 'none' || m.hidden;\n"
            "  var all = document.querySelectorAll('.gm .sub'); for (var i = 0; i < all.length; i++) { all[i].style.display = 'none'; }\n"
            "  if (open) { m.hidden = false; m.style.display = 'block'; }\n"
            "  var b = document.querySelector('[aria-controls=\"' + id + '\"]'); if (b) b.setAttribute('aria-expanded', String(open)); }\n"
            "function nssShow(id) { var m = document.getElementById(id); m.hidden = false; m.style.display = 'block'; }\n"
            "function nssHide(id) { document.getElementById(id).style.display = 'none'; }\n"
            "</script>"
        )
    if markup == "table":
        return f'<table class="{cls}" style="display:table;width:100%" cellspacing="0"><tr>{"".join(items)}</tr></table>'
    if markup == "div":
        nav = v.pick("menu-nav", ("div", "nav"))
        return f'<{nav} class="{cls}" style="display:flex">{"".join(items)}</{nav}>'
    return f'<nav><ul class="{cls}">{"".join(items)}</ul></nav>'


def bbs_document(v: V, content: str) -> str:
    head = v.pick(
        "bbs-head",
        (
            '<div class="bbs-head"><span class="site">NACCS掲示板</span><span style="font-size:12px;color:#666;margin-left:10px">輸出入・港湾関連情報処理センター株式会社（模擬）</span></div>',
            '<table width="100%" bgcolor="#ffffff"><tr><td><font size="5" color="#0a6ebd"><b>NACCS掲示板</b></font></td><td align="right"><font size="2">（模擬）</font></td></tr></table>',
            '<header class="bbs-head"><h1 class="site" style="margin:0">NACCS掲示板</h1></header>',
        ),
    )
    v.css.append(BBS_CSS)
    body = (
        head
        + bbs_menu(v)
        + f'<div class="bbs-main">{content}</div><p style="font-size:11px;color:#888;margin:10px 20px">これは nss-autofill の試験用の模擬サイトです。</p>'
    )
    return document(v, body, bbs=True)


def bbs_top(v: V) -> str:
    v.ctx["_heading"] = "NACCS掲示板"
    sec = heading_styles(v, "section-heading", in_table=False)
    body = heading(
        v,
        "NACCS掲示板へようこそ",
        v.pick("bbs-h1", ("h1", "h2", "div-bold")),
        "page-heading",
        level=1,
    )
    body += heading(v, "新着情報", sec, "section-heading")
    body += (
        "<ul><li>2026年11月20日　年末年始のヘルプデスク受付時間について（模擬）</li>"
        "<li>2026年11月10日　システム定期保守のお知らせ（模擬）</li></ul>"
    )
    body += heading(v, "契約手続", sec, "section-heading")
    body += (
        "<p>NACCSの利用申込、変更、解約の手続はメニューの「契約手続(NSS)」から行ってください。</p>"
    )
    if v.chance("bbs-body-link", 0.4):
        body += f'<p><a class="button" href="{esc(v.ctx["url"]("bbs-nss"))}">NSS ログイン</a></p>'
    return bbs_document(v, body)


def bbs_nss(v: V) -> str:
    v.ctx["_heading"] = "NSS ログイン"
    sec = heading_styles(v, "section-heading", in_table=False)
    body = heading(
        v,
        "NSS ログイン",
        v.pick("bbs-h1", ("h1", "h2", "div-bold", "font")),
        "page-heading",
        level=1,
    )
    body += (
        "<p>NACCSサポートシステム（NSS）では、NACCSの利用申込等の契約手続を行うことができます。</p>"
    )
    num = v.pick("bbs-num", ("1 ", "1. ", "1　", "１　"), (4, 1, 1, 1))
    body += heading(v, f"{num}NSSについて", sec, "section-heading")
    body += "<p>はじめてNACCSを利用申込される方は「新規申込」ボタンを押してください。NSSが新しいタブで開きます。</p>"
    terms_url = esc(v.ctx["url"]("terms"))
    login_url = esc(v.ctx["url"]("login"))
    kind = v.choose(
        "new-tab",
        {
            "a-blank": (2, 2),
            "a-open": (2, 0.5),
            "button-open": (1, 1.5),
            "form-blank": (1, 0.5),
            "img-open": (1, 0),
        },
    )
    if kind == "a-blank":
        new = f'<a class="button" href="{terms_url}" target="_blank" rel="opener">新規申込</a>'
    elif kind == "a-open":
        new = f'<a class="button" href="javascript:void(0)" onclick="window.open(\'{terms_url}\', \'nss\'); return false;">新規申込</a>'
    elif kind == "button-open":
        new = f'<button type="button" class="button" onclick="window.open(\'{terms_url}\')">新規申込</button>'
    elif kind == "form-blank":
        new = f'<form action="{terms_url}" method="get" target="_blank" style="display:inline"><input type="submit" value="新規申込"></form>'
    else:
        src = v.img("btn_shinki.gif", "新規申込")
        new = f'<img src="{src}" alt="新規申込" onclick="window.open(\'{terms_url}\')" style="cursor:pointer">'
    login = f'<a class="button" href="{login_url}" target="_blank">{esc(v.c("ログイン"))}</a>'
    body += f"<p>{new} {login}</p>"
    body += heading(
        v, f"{num.replace('1', '2').replace('１', '２')}ご利用にあたって", sec, "section-heading"
    )
    body += "<ul><li>推奨ブラウザは Microsoft Edge、Google Chrome です。</li><li>一定時間操作がない場合、セッションがタイムアウトします。</li></ul>"
    return bbs_document(v, body)


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
