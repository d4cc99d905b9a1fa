"""The user-code pages of a variant: the choice page listing the codes set so far, and the
code form with its table of rows (a table, a plain table or an aria grid) and the script that
adds, deletes and filters them."""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

import json

from .. import flow
from .buttons import form_open, helper_button, post_buttons
from .headings import heading, heading_styles, page_heading
from .markup import esc
from .messages import field_error
from .model import FORM_PAGES, SSO_INDUSTRIES
from .pageframe import finish, form_page
from .vpage import V


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
    return finish(v, None, body, notes)
