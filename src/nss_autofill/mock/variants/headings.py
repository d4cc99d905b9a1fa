"""Headings of a variant page: the page heading and section headings in every drawn style
(h1-h4, role=heading, bold blocks, ``<font>``, a coloured table bar, an image)."""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from .markup import esc, stable
from .vpage import V


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
