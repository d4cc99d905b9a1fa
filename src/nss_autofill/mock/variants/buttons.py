"""Buttons of a variant page and the form they post.

Post buttons (submit, image, ``javascript:`` links, onclick images and divs) and the row they
stand in; helper buttons that run a page script (反映, 設定); links that leave without posting
(戻る on confirm pages, 同意しない); the ``<form>`` opening with its hidden action field and
token, and the submit script the buttons call.
"""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from .markup import attrs, esc, spaced, stable
from .vpage import V

TOKEN_NAMES = (
    "org.apache.struts.taglib.html.TOKEN",
    "_csrf",
    "__RequestVerificationToken",
    "_token",
)


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
        # the hidden field itself: a submit button may share its name (f.elements[name] would
        # then be a list, and setting its value would do nothing)
        f"  f.querySelector('input[type=hidden][name=\"{field}\"]').value = a;\n"
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


def form_open(v: V) -> str:
    name = form_name(v)
    idattr = f' id="{name}"' if v.chance("form-id", 0.5) else ""
    out = f'<form name="{name}"{idattr} method="post" action="{esc(v.ctx["action"])}">'
    out += f'<input type="hidden" name="{esc(v.nm.action_field)}" value="">'
    if v.chance("token", 0.5):
        token = v.pick("token-name", TOKEN_NAMES)
        out += f'<input type="hidden" name="{token}" value="{v.seed:08x}{len(v.page_id):04x}">'
    v.head_scripts.append(submit_script(v))
    return out


def post_buttons(
    v: V, captions: tuple[str, ...] | list[str], *, extra: list[str] | None = None
) -> str:
    """The page's post buttons (and ``extra`` controls) in their row, 戻る maybe first."""
    items = [post_button(v, c, primary=c not in ("戻る",)) for c in captions]
    if extra:
        items += extra
    if v.chance("back-first", 0.5):
        backs = [b for c, b in zip(captions, items, strict=False) if c == "戻る"]
        others = [b for b in items if b not in backs]
        items = backs + others
    return button_row(v, items)
