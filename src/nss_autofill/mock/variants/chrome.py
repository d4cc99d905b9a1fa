"""Page chrome of a variant: document, header, step bar, tab bar, headings, buttons, notes.

Each function draws one thing a person sees on every NSS page in one of the ways a Japanese
web application of 2005 (layout tables, ``<font>``, image buttons, ``javascript:`` links) or
of 2025 (div grids, badges, aria attributes or none) would draw it.
"""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from .. import flow
from .markup import FULL_DIGITS, attrs, esc, spaced, stable
from .vpage import V

CIRCLED = "①②③④⑤⑥⑦⑧⑨"

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


# ---------------------------------------------------------------------------------- step bar
def _step_text(v: V, i: int, s: str, style: str) -> str:
    s = v.c(s)
    if style == "num-space":
        return f"{i} {esc(s)}"
    if style == "step":
        return f"STEP{i} {esc(s)}"
    if style == "circled":
        return f"{CIRCLED[i - 1]}{esc(s)}"
    if style == "dot":
        return f"{i}.{esc(s)}"
    if style == "full":
        return f"{str(i).translate(FULL_DIGITS)}　{esc(s)}"
    if style == "span":
        return f'<span class="no">{i}</span> <span class="tx">{esc(s)}</span>'
    return esc(s)


def step_bar(v: V) -> str:
    current = v.page.step
    if not current:
        return ""
    container = v.choose(
        "steps-container",
        {
            "ol": (1, 3),
            "ul": (1, 1),
            "table": (4, 0.3),
            "div": (1, 3),
            "p-sep": (2, 0.5),
            "imgs": (2, 0.5),
        },
    )
    mark = v.choose(
        "steps-mark",
        {
            "class": (2, 3),
            "aria": (0.2, 3),
            "style": (2, 1),
            "bold": (2, 0.5),
            "note": (1, 1),
            "font": (2, 0),
            "bgcolor": (2, 0),
        },
    )
    text_style = v.pick(
        "steps-text",
        ("num-space", "step", "circled", "dot", "full", "span", "bare"),
        (4, 2, 1, 1, 1, 2, 1),
    )
    cls = v.pick("steps-class", ("current", "on", "active", "stp-on", "is-current", "sel"))
    items: list[tuple[str, bool]] = [
        (_step_text(v, i, s, text_style), i == current) for i, s in enumerate(flow.STEPS, start=1)
    ]
    if container == "imgs":
        cells = []
        for i, s in enumerate(flow.STEPS, start=1):
            alt = f"{i} {v.c(s)}" if text_style != "bare" else v.c(s)
            state = "on" if i == current else "off"
            src = v.img(f"step{i}_{state}.gif", alt, on=i == current, kind="step")
            cells.append(f'<img src="{src}" alt="{esc(alt)}" border="0">')
        sep = v.pick("imgs-sep", ("", "<span>→</span>", "&nbsp;"))
        return f'<div class="stepimgs" style="margin:8px 12px">{sep.join(cells)}</div>'

    def decorate(text: str, on: bool, tagname: str) -> tuple[str, str]:
        """(attributes, inner html) of one item."""
        if not on:
            return "", text
        if mark == "class":
            return f' class="{cls} hot"', text
        if mark == "aria":
            return ' aria-current="step" class="hot"', text
        if mark == "style":
            return ' style="background:#f08c00;color:#fff;font-weight:bold"', text
        if mark == "bold":
            return "", f"<b>{text}</b>"
        if mark == "note":
            note = v.pick("steps-note", ("（現在）", "◀現在", "▶", "【現在】"))
            return ' style="background:#fde5c0"', (
                f"{note}{text}" if note == "▶" else f"{text}{note}"
            )
        if mark == "font":
            return "", f'<font color="#cc3300"><b>{text}</b></font>'
        # bgcolor: only an attribute of table cells; elsewhere the same look by style
        if tagname == "td":
            return ' bgcolor="#f08c00"', f'<font color="#ffffff">{text}</font>'
        return ' style="background:#f08c00;color:#fff"', text

    if container in ("ol", "ul", "div"):
        outer, inner = {"ol": ("ol", "li"), "ul": ("ul", "li"), "div": ("div", "div")}[container]
        parts = []
        for text, on in items:
            a, t = decorate(text, on, inner)
            parts.append(f"<{inner}{a}>{t}</{inner}>")
        aria = ' aria-label="申込の流れ"' if v.era == "new" and v.chance("steps-aria", 0.5) else ""
        return f'<{outer} class="steps-flex"{aria}>{"".join(parts)}</{outer}>'
    if container == "table":
        parts = []
        for text, on in items:
            a, t = decorate(text, on, "td")
            if not a and not on:
                a = ' bgcolor="#e4e8f0"'
            parts.append(f'<td{a} align="center" nowrap>{t}</td>')
        sep = v.pick("table-sep", ("", '<td class="sep">＞</td>'))
        return (
            '<table border="0" cellspacing="2" cellpadding="4" style="margin:8px 12px"><tr>'
            + sep.join(parts)
            + "</tr></table>"
        )
    # p-sep: one paragraph, items separated by arrows
    sep = v.pick("p-sep", ("　＞　", "　→　", " ▶ "))
    parts = []
    for text, on in items:
        a, t = decorate(text, on, "span")
        parts.append(f"<span{a}>{t}</span>")
    return f'<p style="margin:8px 12px">{sep.join(parts)}</p>'


# ---------------------------------------------------------------------------------- tab bar
def tab_bar(v: V) -> str:
    current = v.page.tab
    if not current:
        return ""
    container = v.choose(
        "tabs-container",
        {
            "ul": (2, 3),
            "table": (4, 0.5),
            "div-role": (0.3, 3),
            "imgs": (1.5, 0.3),
            "links": (1, 1),
        },
    )
    mark = v.choose(
        "tabs-mark",
        {
            "class": (2, 2),
            "aria-selected": (0, 3),
            "aria-current": (0.2, 2),
            "style": (2, 1),
            "bold": (1, 0.3),
            "bgcolor": (3, 0),
            "mark": (1, 0.5),
        },
    )
    cls = v.pick("tabs-class", ("active", "on", "selected", "current", "tab-on"))
    if container == "imgs":
        cells = []
        for i, t in enumerate(flow.TABS, start=1):
            on = t == current
            state = "on" if on else ("off" if t != "論理端末・証明書" else "dis")
            src = v.img(f"tab{i:02d}_{state}.gif", v.c(t), on=on, kind="tab")
            cells.append(f'<img src="{src}" alt="{esc(v.c(t))}" border="0">')
        return (
            f'<div style="margin:8px 12px 0;border-bottom:2px solid #1f3f7a">{"".join(cells)}</div>'
        )

    def item(t: str, tagname: str) -> str:
        on = t == current
        off = t == "論理端末・証明書"
        text = esc(v.c(t))
        a = ""
        if container == "div-role":
            a += ' role="tab"'
            if mark == "aria-selected":
                a += f' aria-selected="{"true" if on else "false"}"'
            if off:
                a += ' aria-disabled="true"'
        if off:
            a += ' class="tab-off"'
        if on:
            if mark == "class":
                a += f' class="{cls} tab-hot"'
            elif mark in ("aria-selected",):
                a += ' class="tab-hot"'
                if container != "div-role":
                    a += ' aria-selected="true"'
            elif mark == "aria-current":
                a += ' aria-current="page" class="tab-hot"'
            elif mark == "style":
                a += ' style="background:#1f3f7a;color:#fff;font-weight:bold"'
            elif mark == "bold":
                text = f"<b>{text}</b>"
            elif mark == "bgcolor":
                a += ' bgcolor="#1f3f7a"' if tagname == "td" else ' style="background:#1f3f7a"'
                text = f'<font color="#ffffff"><b>{text}</b></font>'
            else:
                text = f"▼{text}"
                a += ' style="background:#fff3d6"'
        if container == "links" and not on and not off:
            text = f'<a href="javascript:void(0)">{text}</a>'
        return f"<{tagname}{a}>{text}</{tagname}>"

    if container == "table":
        row = "".join(item(t, "td") for t in flow.TABS)
        return (
            '<table border="1" cellspacing="0" cellpadding="4" style="margin:8px 12px 0;border-collapse:collapse">'
            f"<tr>{row}</tr></table>"
        )
    if container == "div-role":
        return f'<div class="tabs-flex" role="tablist">{"".join(item(t, "div") for t in flow.TABS)}</div>'
    if container == "links":
        return f'<div class="tabs-flex">{"".join(item(t, "span") for t in flow.TABS)}</div>'
    return f'<ul class="tabs-flex">{"".join(item(t, "li") for t in flow.TABS)}</ul>'


# ---------------------------------------------------------------------------------- headings
def _decorate_heading(v: V, text: str, key: str) -> str:
    mark = v.pick(f"{key}-mark", ("", "■", "●", "◆", "【】", "▼"), (6, 2, 1, 1, 1, 1))
    if mark == "【】":
        return f"【{text}】"
    return f"{mark}{text}" if mark else text


def heading_styles(v: V, key: str, *, in_table: bool) -> str:
    opts: dict[str, tuple[float, float]] = {
        "h2": (1, 3),
        "h3": (1, 3),
        "h4": (0.5, 1),
        "role": (0, 1.5),
        "div-bold": (2, 2),
        "p-big": (1, 1),
        "span": (1, 0.5),
        "b": (2, 0),
        "font": (2, 0),
        "td-bar": (2, 0),
        "img": (1, 0.2),
    }
    if in_table:
        opts.update({"caption": (1.5, 1), "th-row": (3, 0.5)})
    return v.choose(key, opts)


def heading(v: V, caption: str, style: str, key: str, *, level: int = 2) -> str:
    """A heading drawn in ``style`` (not the table-bound styles caption/th-row)."""
    text = _decorate_heading(v, v.c(caption), key)
    t = esc(text)
    if style in ("h1", "h2", "h3", "h4"):
        return f'<{style} class="ttl-line">{t}</{style}>'
    if style == "role":
        return f'<div role="heading" aria-level="{level}" class="ttl-under">{t}</div>'
    if style == "div-bold":
        return f'<div class="{v.pick(key + "-cls", ("ttl-bar", "ttl-line", "ttl-under", "ttl-big"))}">{t}</div>'
    if style == "p-big":
        return f'<p style="font-size:{16 if level > 1 else 18}px;font-weight:bold;color:#1f3f7a;margin:12px 0 6px">{t}</p>'
    if style == "span":
        return f'<span class="ttl-span">{t}</span>'
    if style == "b":
        return f"<br><b>{t}</b><br>"
    if style == "font":
        return f'<p><font size="{4 if level == 1 else 3}" color="#003399"><b>{t}</b></font></p>'
    if style == "td-bar":
        return (
            '<table width="100%" border="0" cellspacing="0" cellpadding="3" style="margin-top:12px"><tr>'
            f'<td bgcolor="#336699"><font color="#ffffff"><b>{t}</b></font></td></tr></table>'
        )
    if style == "img":
        src = v.img(f"ttl_{stable(caption) % 100000:05d}.gif", v.c(caption), kind="title")
        return f'<div style="margin:12px 0 6px"><img src="{src}" alt="{esc(v.c(caption))}"></div>'
    # caption / th-row outside a table, or legend: a plain bold block
    return f'<div class="ttl-bar">{t}</div>'


def page_heading(v: V, caption: str) -> str:
    style = v.choose(
        "page-heading",
        {
            "h1": (0.5, 3),
            "h2": (2, 2),
            "div-bold": (2, 2),
            "p-big": (1, 1),
            "font": (2, 0),
            "td-bar": (2, 0),
            "img": (1, 0.2),
            "role": (0, 1),
        },
    )
    return heading(v, caption, style, "page-heading", level=1)


# ---------------------------------------------------------------------------------- buttons
def _decorated(v: V, caption: str, shown: str, role: str) -> str:
    if role == "nav" and caption in ("次へ", "申込内容確認へ進む", "ログイン"):
        d = v.pick("btn-deco", ("", "{} ＞", "{} →", "≫ {}", "{} ▶"), (5, 2, 1, 1, 1))
    elif role == "nav" and caption == "戻る":
        d = v.pick("btn-deco-back", ("", "＜ {}", "← {}", "{}"), (5, 2, 1, 1))
    else:
        d = ""
    if len(shown) == 2 and v.chance("btn-spaced", 0.15 if v.era == "old" else 0.02):
        shown = spaced(shown)
    return d.format(shown) if d else shown


def js_submit_name(v: V) -> str:
    return v.pick("js-submit", ("doSubmit", "fnSubmit", "submitForm", "goAction", "nssSend"))


def form_name(v: V) -> str:
    return v.pick("form-name", ("frmMain", "form1", "MainForm", "nssForm", "F"))


def submit_script(v: V) -> str:
    fn = js_submit_name(v)
    form = form_name(v)
    field = v.nm.action_field
    return (
        '<script type="text/javascript">\n'
        f"function {fn}(a) {{\n"
        f'  var f = document.forms["{form}"];\n'
        f'  f.elements["{field}"].value = a;\n'
        "  f.submit();\n"
        "  return false;\n"
        "}\n</script>"
    )


def post_button(v: V, caption: str, *, primary: bool = False) -> str:
    """A control that posts the page's form as ``caption`` (flow caption) would."""
    shown = v.c(caption)
    role = "nav" if caption in ("次へ", "申込内容確認へ進む", "ログイン", "戻る") else "other"
    text = _decorated(v, caption, shown, role)
    kind = v.choose(
        f"btn:{caption}",
        {
            "submit-named": (3, 1),
            "submit-action": (0.5, 3),
            "image": (2, 0.2),
            "a-js": (3, 0.3),
            "a-onclick": (1, 1),
            "img-onclick": (1, 0),
            "a-img": (1, 0),
            "div-role": (0, 1.5),
            "span-onclick": (0.3, 0.7),
            "button-js": (1, 2),
            "input-button": (2, 0.5),
        },
    )
    fn = js_submit_name(v)
    action = v.nm.action_value(caption)
    call = f"{fn}('{esc(action if v.nm.action_scheme != 'caption' else shown)}')"
    cls = "btn btn-primary" if primary else "btn"
    if kind == "submit-named":
        return f'<input type="submit"{attrs(name=v.nm.button_name(caption), value=text, class_=cls if v.era == "new" else None)}>'
    if kind == "submit-action":
        return f'<button type="submit"{attrs(name=v.nm.action_field, value=action if v.nm.action_scheme != "caption" else shown, class_=cls)}>{esc(text)}</button>'
    if kind == "image":
        src = v.img(f"btn_{stable(shown) % 100000:05d}.gif", shown)
        return f'<input type="image"{attrs(name=v.nm.button_name(caption), src=src, alt=text)}>'
    if kind == "a-js":
        return f'<a href="javascript:{call}"{attrs(class_=cls)}>{esc(text)}</a>'
    if kind == "a-onclick":
        return f'<a href="#" onclick="{call}; return false;"{attrs(class_=cls)}>{esc(text)}</a>'
    if kind == "img-onclick":
        src = v.img(f"btn_{stable(shown) % 100000:05d}.gif", shown)
        return f'<img src="{src}" alt="{esc(text)}" onclick="{call}" style="cursor:pointer">'
    if kind == "a-img":
        src = v.img(f"btn_{stable(shown) % 100000:05d}.gif", shown)
        return f'<a href="javascript:{call}"><img src="{src}" alt="{esc(text)}" border="0"></a>'
    if kind == "div-role":
        return f'<div role="button" tabindex="0" class="{cls}" onclick="{call}">{esc(text)}</div>'
    if kind == "span-onclick":
        return f'<span class="{cls}" onclick="{call}">{esc(text)}</span>'
    if kind == "button-js":
        return f'<button type="button" class="{cls}" onclick="{call}">{esc(text)}</button>'
    return f'<input type="button" value="{esc(text)}" onclick="{call}"{attrs(class_=cls if v.era == "new" else None)}>'


def helper_button(v: V, caption: str, call: str, key: str) -> str:
    """A button that runs a page script (反映, 設定, 削除): no post."""
    shown = v.c(caption)
    text = spaced(shown) if len(shown) == 2 and v.chance(f"{key}-spaced", 0.1) else shown
    kind = v.choose(
        f"helper:{key}",
        {
            "button": (1, 3),
            "input-button": (3, 1),
            "a-js": (2, 0.3),
            "a-onclick": (1, 1),
            "img": (1, 0),
            "div-role": (0, 1),
        },
    )
    if kind == "button":
        return f'<button type="button" class="btn" onclick="{call}">{esc(text)}</button>'
    if kind == "input-button":
        return f'<input type="button" value="{esc(text)}" onclick="{call}">'
    if kind == "a-js":
        return f'<a href="javascript:{call}" class="btn">{esc(text)}</a>'
    if kind == "a-onclick":
        return f'<a href="#" onclick="{call}; return false;" class="btn">{esc(text)}</a>'
    if kind == "img":
        src = v.img(f"btn_{stable(shown) % 100000:05d}.gif", shown)
        return f'<img src="{src}" alt="{esc(text)}" onclick="{call}" style="cursor:pointer;vertical-align:middle">'
    return f'<span role="button" tabindex="0" class="btn" onclick="{call}">{esc(text)}</span>'


def link_button(v: V, caption: str, url: str, key: str) -> str:
    """A control that goes to ``url`` without posting (戻る on confirm pages, 同意しない, …)."""
    shown = v.c(caption)
    kind = v.choose(key, {"a": (2, 1), "button": (1, 2), "input": (2, 0.5), "a-btn": (1, 2)})
    if kind == "a":
        return f'<a href="{esc(url)}">{esc(shown)}</a>'
    if kind == "a-btn":
        return f'<a href="{esc(url)}" class="btn">{esc(shown)}</a>'
    if kind == "button":
        return f'<button type="button" class="btn" onclick="location.href=\'{esc(url)}\'">{esc(shown)}</button>'
    return f'<input type="button" value="{esc(shown)}" onclick="location.href=\'{esc(url)}\'">'


def button_row(v: V, buttons: list[str]) -> str:
    kind = v.choose("btn-row", {"div": (2, 3), "table": (3, 0.3), "p": (1, 1)})
    if kind == "table":
        cells = "".join(f'<td align="center">{b}</td>' for b in buttons)
        return f'<table border="0" align="center" cellpadding="6" style="margin:14px auto"><tr>{cells}</tr></table>'
    if kind == "p":
        return f'<p align="center" style="margin:16px 0">{"&nbsp;&nbsp;".join(buttons)}</p>'
    return f'<div class="btns">{"".join(buttons)}</div>'


# ---------------------------------------------------------------------------------- notes, errors
def notes_html(v: V, notes: tuple[str, ...] | list[str]) -> str:
    if not notes:
        return ""
    mark = v.pick("notes-mark", ("✓ ", "※", "・", "● ", ""))
    kind = v.pick("notes-kind", ("ul", "p", "table"))
    items = [esc(v.fmt(n)) for n in notes]
    if kind == "ul":
        return "<ul>" + "".join(f"<li>{mark}{t}</li>" for t in items) + "</ul>"
    if kind == "p":
        return "".join(f'<p style="margin:0 0 6px">{mark}{t}</p>' for t in items)
    return (
        '<table border="0">'
        + "".join(
            f'<tr><td valign="top">{mark.strip() or "・"}</td><td>{t}</td></tr>' for t in items
        )
        + "</table>"
    )


def error_box(v: V) -> str:
    errors = v.errors()
    if not errors:
        return ""
    head = esc(v.c("入力内容に誤りがあります。"))
    listed = v.pick("err-list", (True, False))
    msgs = "".join(f"<li>{esc(m)}</li>" for m in errors.values()) if listed else ""
    kind = v.choose(
        "err-box", {"div-alert": (1, 3), "font": (3, 0), "table": (2, 0.3), "p": (1, 1)}
    )
    tail = (
        f"<ul>{msgs}</ul>"
        if msgs
        else "<p>赤字のメッセージをご確認のうえ、再度入力してください。</p>"
    )
    if kind == "div-alert":
        return f'<div class="errbox" role="alert"><p><b>{head}</b></p>{tail}</div>'
    if kind == "font":
        return (
            f'<p><font color="#ff0000"><b>{head}</b></font></p><font color="#ff0000">{tail}</font>'
        )
    if kind == "table":
        return (
            '<table border="1" cellpadding="6" bordercolor="#cc0000" width="100%"><tr><td bgcolor="#fff0f0">'
            f'<font color="#cc0000"><b>{head}</b></font>{tail}</td></tr></table>'
        )
    return f'<div class="errbox"><p>{head}</p>{tail}</div>'


def field_error(v: V, *names: str) -> str:
    if not v.pick("err-inline", (True, True, False)):
        return ""
    errors = v.errors()
    msgs = [errors[n] for n in names if n in errors]
    if not msgs:
        return ""
    kind = v.pick("err-inline-kind", ("div", "font", "span"))
    out = []
    for m in msgs:
        if kind == "div":
            out.append(f'<div class="errmsg">{esc(m)}</div>')
        elif kind == "font":
            out.append(f'<br><font color="#ff0000">{esc(m)}</font>')
        else:
            out.append(f'<span class="errmsg" style="display:block">{esc(m)}</span>')
    return "".join(out)


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
