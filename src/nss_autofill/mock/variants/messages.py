"""Notes and error messages of a variant page: the notes column, the error box above the
form and the message beside a field."""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from .markup import esc
from .vpage import V


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
