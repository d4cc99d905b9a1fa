"""Where the person is in the flow: the step bar (申込の流れ) and the tab bar of phase 2.

Drawn as lists, tables, divs, arrows in a paragraph or images; the current item marked by a
class, aria, a style, bold, a note, ``<font>`` or ``bgcolor``.
"""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from .. import flow
from .markup import FULL_DIGITS, esc
from .vpage import V

CIRCLED = "①②③④⑤⑥⑦⑧⑨"


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
