"""The NACCS掲示板 pages of a variant: the portal's own look, its header menu (always open,
open on hover, on click or by mouseover script) and the top and NSS pages that lead to NSS
in a new tab."""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from .chrome import document
from .headings import heading, heading_styles
from .markup import esc
from .vpage import V

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
.gm .gm-item { position: relative; }
.gm-hover .sub { display: none; }
.gm-hover .gm-item:hover > .sub { display: block; }
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
