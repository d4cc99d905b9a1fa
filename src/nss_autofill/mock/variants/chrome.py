"""Page chrome of a variant: the document around a page, its header, footer and wrappers.

Each function draws one thing a person sees on every NSS page in one of the ways a Japanese
web application of 2005 (layout tables, ``<font>``, image buttons, ``javascript:`` links) or
of 2025 (div grids, badges, aria attributes or none) would draw it. The step and tab bars are
in ``bars.py``, headings in ``headings.py``, buttons in ``buttons.py``, notes and error
messages in ``messages.py``.
"""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from .bars import step_bar, tab_bar
from .markup import esc, stable
from .messages import error_box
from .vpage import V

CSS = """
body { margin: 0; font-family: "IPAPGothic", "MS PGothic", sans-serif; font-size: 13px; color: #222; background: #fff; }
.hdr { background: #1f3f7a; color: #fff; padding: 6px 12px; }
.hdr .sys { font-size: 17px; font-weight: bold; margin-left: 8px; }
.hdr .who { float: right; font-size: 12px; }
.steps-flex { display: flex; list-style: none; margin: 8px 12px; padding: 0; gap: 2px; }
.steps-flex > * { padding: 4px 12px; background: #e4e8f0; color: #666; }
.hot { background: #f08c00 !important; color: #fff !important; font-weight: bold; }
.tabs-flex { display: flex; list-style: none; margin: 8px 12px 0; padding: 0; gap: 2px; border-bottom: 2px solid #1f3f7a; }
.tabs-flex > * { padding: 4px 10px; border: 1px solid #99a; border-bottom: none; background: #eef; color: #446; }
.tabs-flex a { color: inherit; text-decoration: none; }
.tab-hot { background: #1f3f7a !important; color: #fff !important; font-weight: bold; }
.tab-off { color: #aaa !important; background: #f4f4f4 !important; }
.sep { color: #999; padding: 4px 2px !important; background: none !important; }
.main { padding: 8px 14px; }
.cols { display: flex; gap: 16px; align-items: flex-start; }
.cols > .content { flex: 1; min-width: 0; }
.notes { width: 240px; padding: 8px; background: #fbfbf2; border: 1px dotted #cc9; font-size: 12px; }
.notes ul { margin: 0; padding-left: 0; list-style: none; }
.notes li { margin-bottom: 6px; }
.ttl-bar { background: #dde5f2; font-weight: bold; padding: 3px 6px; margin: 14px 0 4px; }
.ttl-big { font-size: 18px; font-weight: bold; color: #1f3f7a; margin: 8px 0 10px; }
.ttl-line { font-size: 15px; font-weight: bold; border-left: 6px solid #1f3f7a; padding-left: 6px; margin: 12px 0 6px; }
.ttl-under { font-size: 15px; font-weight: bold; border-bottom: 2px solid #1f3f7a; margin: 14px 0 6px; }
.ttl-span { display: block; font-weight: bold; font-size: 14px; color: #036; margin: 12px 0 4px; }
table.frm { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
table.frm th, table.frm td { border: 1px solid #bcc; padding: 4px 6px; text-align: left; }
table.frm th, table.frm td.lbl { background: #eef2f8; font-weight: normal; width: 200px; }
table.frm th.grp, table.frm td.grp { background: #c9d6ec; font-weight: bold; }
table.frm td.hintc { width: 220px; font-size: 11px; color: #555; background: #fbfbf2; }
table.frm caption { text-align: left; font-weight: bold; padding: 4px 0; }
dl.frm { display: grid; grid-template-columns: 200px 1fr; margin: 0 0 8px; }
dl.frm > dt { background: #eef2f8; padding: 5px 6px; border-bottom: 1px solid #dde; }
dl.frm > dd { margin: 0; padding: 5px 6px; border-bottom: 1px solid #dde; }
dl.frm dl.frm { grid-template-columns: 130px 1fr; }
.row { display: flex; flex-wrap: wrap; margin: 0 0 6px; border-bottom: 1px dashed #e4e7ec; padding: 4px 0; }
.col-3 { width: 25%; font-weight: 600; }
.col-9 { width: 75%; }
.col-12 { width: 100%; }
.form-group { margin: 0 0 12px; }
.form-group > .form-label, .form-group > label.form-label { display: block; font-weight: 600; margin-bottom: 3px; }
fieldset.grp { border: 1px solid #cdd; margin: 8px 0; padding: 4px 12px 8px; }
fieldset.grp > legend { font-weight: bold; }
.badge-req { margin-left: 6px; padding: 0 6px; font-size: 11px; border-radius: 8px; background: #b00020; color: #fff; }
.badge-opt { margin-left: 6px; padding: 0 6px; font-size: 11px; border-radius: 8px; background: #888; color: #fff; }
.req { color: #c00; }
.hint { color: #555; font-size: 11px; }
.errbox { border: 2px solid #c00; background: #fff0f0; color: #c00; padding: 6px 10px; margin-bottom: 10px; }
.errmsg { color: #c00; font-size: 12px; }
.btns { margin: 16px 0; text-align: center; }
.btns > * { margin: 0 8px; }
.btn { display: inline-block; border: 1px solid #667; background: #eee; color: #000; text-decoration: none; padding: 4px 18px; cursor: pointer; border-radius: 3px; }
.btn-primary { background: #1f3f7a; color: #fff; }
.chip { display: inline-block; border: 1px solid #889; border-radius: 14px; padding: 2px 12px; margin: 2px 6px 2px 0; cursor: pointer; background: #fff; }
.chip:has(input:checked) { background: #1f3f7a; color: #fff; }
.chip input.op0 { opacity: 0; width: 1px; height: 1px; margin: 0; position: absolute; }
.btn-check { position: absolute; clip: rect(0,0,0,0); pointer-events: none; }
.btn-check + label { display: inline-block; border: 1px solid #1f3f7a; padding: 2px 12px; margin-right: 4px; cursor: pointer; border-radius: 4px; }
.btn-check:checked + label { background: #1f3f7a; color: #fff; }
.opts-list { list-style: none; margin: 0; padding: 0; }
.dis { color: #999; }
table.lst { border-collapse: collapse; margin: 4px 0 10px; }
table.lst th, table.lst td { border: 1px solid #bcc; padding: 3px 8px; }
table.lst th { background: #eef2f8; }
.grid-table { display: table; border-collapse: collapse; margin: 4px 0 10px; }
.grid-table > [role=row] { display: table-row; }
.grid-table [role=columnheader], .grid-table [role=cell] { display: table-cell; border: 1px solid #bcc; padding: 3px 8px; }
.grid-table [role=columnheader] { background: #eef2f8; font-weight: bold; }
.ftr { border-top: 1px solid #ccc; margin-top: 20px; padding: 6px 12px; font-size: 11px; color: #777; }
"""


# ---------------------------------------------------------------------------------- document
def document(v: V, body: str, *, bbs: bool = False) -> str:
    charset = v.page.charset
    meta = v.choose(
        "meta",
        {
            "both": (3, 1),
            "http-equiv": (3, 0),
            "charset": (1, 4),
            "none": (1, 1),
            "wrong": (1, 0.3),
        },
    )
    wrong = "UTF-8" if charset.lower() != "utf-8" else "Shift_JIS"
    metas = {
        "both": f'<meta charset="{charset}">\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        "charset": f'<meta charset="{charset}">',
        "none": "",
        "wrong": f'<meta http-equiv="Content-Type" content="text/html; charset={wrong}">',
    }[meta]
    doctype = v.choose(
        "doctype",
        {
            "html5": (1, 5),
            "html401": (3, 0),
            "xhtml": (2, 0.5),
            "none": (1, 0),
        },
    )
    dt = {
        "html5": "<!DOCTYPE html>",
        "html401": '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">',
        "xhtml": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        "none": "",
    }[doctype]
    title = page_title(v, bbs=bbs)
    head_scripts = "\n".join(v.head_scripts)
    tail = "\n".join(v.tail_scripts)
    extra_css = "\n".join(v.css)
    return (
        f'{dt}\n<html lang="ja">\n<head>\n{metas}\n<title>{esc(title)}</title>\n'
        f"<style>{CSS}{extra_css}</style>\n{head_scripts}\n</head>\n<body>\n{body}\n{tail}\n</body>\n</html>\n"
    )


def page_title(v: V, *, bbs: bool) -> str:
    heading = str(v.ctx.get("_heading", ""))
    if bbs:
        return v.pick(
            "title", ("NACCS掲示板", f"{heading} | NACCS掲示板", heading or "NACCS掲示板")
        )
    screen = f"NSS{stable(v.page_id) % 9000 + 1000}"
    return v.pick(
        "title",
        (
            "NACCSサポートシステム",
            f"NACCSサポートシステム - {heading}",
            f"{screen} {heading}",
            heading,
            "",
            "NSS",
        ),
        (3, 2, 1, 1, 1, 1),
    )


# ---------------------------------------------------------------------------------- header
def header(v: V) -> str:
    sys_name = v.c("NACCSサポートシステム")
    login_id = v.ctx.get("login_id")
    who = ""
    if login_id and v.page.phase == 2:
        who = v.pick(
            "who", (f"ログインID：{login_id}", f"ログイン中：{login_id} 様", f"利用者：{login_id}")
        )
        if v.chance("logout", 0.4):
            who += '　<a href="#" style="color:inherit">ログアウト</a>'
    kind = v.choose(
        "header",
        {
            "table-font": (4, 0),
            "div-logo": (2, 3),
            "header-h1": (0.5, 3),
            "img": (2, 1),
            "bar-p": (1, 2),
        },
    )
    if kind == "table-font":
        return (
            '<table width="100%" border="0" cellspacing="0" cellpadding="4" bgcolor="#1f3f7a"><tr>'
            f'<td><font color="#ffffff" size="4"><b>{esc(sys_name)}</b></font></td>'
            f'<td align="right"><font color="#ffffff" size="2">{who}</font></td></tr></table>'
        )
    if kind == "div-logo":
        return (
            f'<div class="hdr"><span class="who">{who}</span>'
            f'<span style="background:#fff;color:#1f3f7a;padding:0 4px;font-weight:bold">NACCS</span>'
            f'<span class="sys">{esc(sys_name)}</span></div>'
        )
    if kind == "header-h1":
        return (
            f'<header class="hdr"><span class="who">{who}</span>'
            f'<h1 style="margin:0;font-size:18px">{esc(sys_name)}</h1></header>'
        )
    if kind == "img":
        src = v.img("logo_nss.gif", sys_name, kind="logo")
        return (
            f'<div class="hdr"><span class="who">{who}</span>'
            f'<img src="{src}" alt="{esc(sys_name)}" border="0"></div>'
        )
    return (
        f'<div class="hdr"><p style="margin:0"><span class="sys" style="margin:0">{esc(sys_name)}</span>'
        f'<span class="who">{who}</span></p></div>'
    )


# ---------------------------------------------------------------------------------- frame
def frame(v: V, content: str, notes: str) -> str:
    """Header, bars, wrappers, the main content and the notes column, footer."""
    depth = v.pick("wrap-depth", (0, 1, 2, 3, 4, 5, 6), (2, 3, 3, 2, 1, 1, 1))
    placement = v.choose(
        "notes-place",
        {
            "right-td": (4, 0),
            "right-div": (0.5, 3),
            "bottom": (1, 1),
            "top": (0.5, 0.5),
            "none": (0.5, 0.5),
        },
    )
    main = error_box(v) + content
    if notes and placement == "right-td":
        main = (
            '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>'
            f'<td valign="top" class="main">{main}</td>'
            f'<td valign="top" class="notes" width="240">{notes}</td></tr></table>'
        )
    elif notes and placement == "right-div":
        main = f'<div class="cols"><div class="content main">{main}</div><aside class="notes">{notes}</aside></div>'
    elif notes and placement == "bottom":
        main = f'<div class="main">{main}<div class="notes" style="width:auto">{notes}</div></div>'
    elif notes and placement == "top":
        main = f'<div class="main"><div class="notes" style="width:auto;margin-bottom:8px">{notes}</div>{main}</div>'
    else:
        main = f'<div class="main">{main}</div>'
    for i in range(depth):
        if v.era == "old" and v.chance(f"wrap-table-{i}", 0.6):
            main = f'<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td>{main}</td></tr></table>'
        else:
            main = f'<div class="{v.pick(f"wrap-cls-{i}", ("wrap", "container", "contents", "inner", "l-main", "area"))}">{main}</div>'
    footer = v.pick(
        "footer",
        (
            '<div class="ftr">Copyright&nbsp;(C)&nbsp;NACCS模擬センター　｜　これは nss-autofill の試験用の模擬サイトです。</div>',
            '<p class="ftr" align="center">(C) 模擬 NACCS センター — 試験用の模擬サイトです。実際の申込は行われません。</p>',
        ),
    )
    return header(v) + step_bar(v) + tab_bar(v) + main + footer
