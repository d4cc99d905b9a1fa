"""Field renderers of a variant form: a row's label text with its marks and hints, and its
control (text, password, textarea, select, radios and checkboxes, split fields, three-select
dates, static text) with the 反映 button, notes and inline error beside it."""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from dataclasses import dataclass

from .buttons import helper_button
from .formstyle import FormStyle
from .markup import attrs, esc, spaced
from .messages import field_error
from .model_types import Row
from .vpage import V


def label_text(v: V, fs: FormStyle, row: Row, *, with_hint: bool = True) -> str:
    text = v.c(row.label)
    if fs.spaced:
        text = spaced(text)
    out = esc(text) + fs.colon
    if row.required:
        if fs.req_mark == "kome-before":
            out = f'<span class="req">※</span>{out}'
        elif fs.req_mark == "kome-after":
            out += '<span class="req">※必須</span>'
        elif fs.req_mark == "badge":
            out += '<span class="badge-req">必須</span>'
        elif fs.req_mark == "img":
            out += f'<img src="{v.img("hissu.gif", "必須", kind="badge")}" alt="必須" align="absmiddle">'
        elif fs.req_mark == "asterisk":
            out += '<span class="req">*</span>'
    elif fs.opt_mark and row.kind not in ("static",):
        out += '<span class="badge-opt">任意</span>'
    if with_hint and row.hint and fs.hint_place == "label":
        sep = v.pick("label-hint-sep", ("", "<br>"))
        out += f'{sep}<span class="hint">{esc(fs.hint_fmt.format(row.hint))}</span>'
    return out


def hint_html(v: V, fs: FormStyle, row: Row) -> str:
    if not row.hint or fs.hint_place in ("label", "none", "column"):
        return ""
    h = esc(fs.hint_fmt.format(row.hint))
    if fs.hint_place == "below":
        return f'<div class="hint">{h}</div>'
    return f'&nbsp;<span class="hint">{h}</span>'


def example_html(v: V, fs: FormStyle, row: Row) -> str:
    if not row.example:
        return ""
    e = esc(fs.example_fmt.format(row.example))
    if fs.hint_place == "below":
        return f'<div class="hint">{e}</div>'
    return f'&nbsp;<span class="hint">{e}</span>'


def column_hint(fs: FormStyle, row: Row) -> str:
    bits = []
    if row.hint:
        bits.append(esc(fs.hint_fmt.format(row.hint)))
    if row.example:
        bits.append(esc(fs.example_fmt.format(row.example)))
    return "<br>".join(bits)


@dataclass
class Ctl:
    html: str
    target_id: str | None  # the control a label may be associated with (single controls)


def _disabled(v: V, fs: FormStyle, enabled: bool) -> bool:
    return not enabled and fs.dep_mode in ("disable", "rerender")


def _text_type(v: V, row: Row) -> str:
    if row.kind == "password":
        return "password"
    if v.era == "new" and row.name.endswith(("Mail", "MailAddr", "MailAddrKakunin")):
        return v.pick(f"type:{row.name}", ("text", "email"))
    if v.era == "new" and row.name.endswith(("Tel", "TelNo")):
        return v.pick(f"type:{row.name}", ("text", "tel"))
    return "text"


def _input(
    v: V,
    fs: FormStyle,
    row: Row,
    name: str,
    *,
    value: str,
    part: str = "",
    enabled: bool = True,
    label: str = "",
) -> tuple[str, str]:
    """(html, id) of one text input."""
    fid = v.nm.dom_id(name)
    mode = fs.split_mode if part else ""
    placeholder = None
    aria = None
    if part and mode in ("placeholder", "aria"):
        placeholder = v.c(part)
    if part and mode == "aria":
        aria = v.c(part)
    if not part and fs.assoc == "aria-label":
        aria = label
    size = row.size if row.size else 30
    if placeholder:  # a person must read the whole placeholder
        size = max(size, 2 * len(placeholder) + 2)
    h = f"<input{attrs(type=_text_type(v, row), name=v.nm.name(name), id=fid, value=value, maxlength=row.maxlength or None, size=size, placeholder=placeholder, aria_label=aria, disabled=_disabled(v, fs, enabled), aria_required='true' if row.required and v.era == 'new' else None)}>"
    return h, fid


def _options_html(
    v: V, name: str, options: tuple[tuple[str, str], ...], current: str, *, pref: bool = False
) -> str:
    first = v.pick(f"first-option:{name}", ("", "選択してください", "--", "▼選択"))
    out = [f'<option value="">{esc(first)}</option>']
    numbered = pref and v.chance("pref-numbered", 0.15 if v.era == "old" else 0.02)
    for val, cap in options:
        shown = v.c(cap)
        if numbered:
            shown = f"{val}：{shown}"
        sel = " selected" if val == current and current != "" else ""
        out.append(f'<option value="{esc(v.nm.value(name, val))}"{sel}>{esc(shown)}</option>')
    return "".join(out)


def _select(v: V, fs: FormStyle, row: Row, *, enabled: bool, label: str) -> Ctl:
    name = row.name
    current = v.v(name) if row.keep_value else ""
    fid = v.nm.dom_id(name)
    aria = label if fs.assoc == "aria-label" else None
    opts = _options_html(v, name, row.options, current, pref=name.endswith("Todofuken"))
    h = f"<select{attrs(name=v.nm.name(name), id=fid, aria_label=aria, disabled=_disabled(v, fs, enabled))}>{opts}</select>"
    return Ctl(h, fid)


def _choice(v: V, fs: FormStyle, row: Row, *, enabled: bool, checkbox: bool, label: str) -> Ctl:
    name = row.name
    items = []
    for i, (val, cap) in enumerate(row.options):
        if checkbox:
            checked = v.on(name, val) if row.keep_value else False
        else:
            checked = v.on(name, val, val == row.default)
        fid = v.nm.dom_id(name, f"_{i}")
        posted = v.nm.value(name, val)
        value_attr = None if (checkbox and posted == "on") else posted
        typ = "checkbox" if checkbox else "radio"
        base = dict(
            type=typ,
            name=v.nm.name(name),
            value=value_attr,
            checked=checked,
            disabled=_disabled(v, fs, enabled),
        )
        shown = esc(v.c(cap))
        mode = fs.radio_mode
        if mode == "for":
            items.append(f'<input{attrs(id=fid, **base)}><label for="{fid}">{shown}</label>')
        elif mode == "wrap":
            items.append(f"<label><input{attrs(**base)}> {shown}</label>")
        elif mode == "bare":
            items.append(f"<input{attrs(**base)}>{shown}")
        elif mode == "chip-op0":
            items.append(f'<label class="chip"><input{attrs(class_="op0", **base)}>{shown}</label>')
        elif mode == "chip-none":
            items.append(
                f'<label class="chip"><input{attrs(style="display:none", **base)}>{shown}</label>'
            )
        else:
            items.append(
                f'<input{attrs(id=fid, class_="btn-check", autocomplete="off", **base)}><label for="{fid}">{shown}</label>'
            )
    sep = fs.radio_sep
    if sep == "list":
        inner = '<ul class="opts-list">' + "".join(f"<li>{it}</li>" for it in items) + "</ul>"
    else:
        inner = sep.join(items)
    if v.era == "new" and not checkbox and v.chance("radiogroup-role", 0.5):
        inner = f'<div role="radiogroup"{attrs(aria_label=label if fs.assoc in ("aria-label", "labelledby") else None)}>{inner}</div>'
    return Ctl(inner, None)


def _date(v: V, fs: FormStyle, row: Row, *, label: str) -> Ctl:
    years: list[str] = list(v.ctx["years"])
    y_style = v.pick("year-text", ("plain", "nen", "reiwa", "both"))
    md_style = v.pick("md-text", ("plain", "pad", "suffix"))
    parts = []
    for name, kind in zip(row.names, ("年", "月", "日"), strict=True):
        current = v.v(name)
        if kind == "年":
            opts = [(y, y) for y in years]
        elif kind == "月":
            opts = [(f"{i:02d}", str(i)) for i in range(1, 13)]
        else:
            opts = [(f"{i:02d}", str(i)) for i in range(1, 32)]
        out = [f'<option value="">{esc(v.pick("date-first", ("", "--", "選択")))}</option>']
        for val, num in opts:
            if kind == "年":
                reiwa = int(num) - 2018
                text = {
                    "plain": num,
                    "nen": f"{num}年",
                    "reiwa": f"令和{reiwa}年",
                    "both": f"{num}年(令和{reiwa}年)",
                }[y_style]
            else:
                text = {"plain": num, "pad": f"{int(num):02d}", "suffix": f"{num}{kind}"}[md_style]
            sel = " selected" if val == current and current else ""
            posted = v.nm.value(name, val)
            out.append(f'<option value="{esc(posted)}"{sel}>{esc(text)}</option>')
        aria = kind if v.era == "new" and v.chance("date-aria", 0.5) else None
        suffix = ""
        if (kind == "年" and y_style == "plain") or (kind != "年" and md_style != "suffix"):
            suffix = kind
        parts.append(
            f"<select{attrs(name=v.nm.name(name), id=v.nm.dom_id(name), aria_label=aria)}>{''.join(out)}</select>{suffix}"
        )
    return Ctl(" ".join(parts), None)


def _split(v: V, fs: FormStyle, row: Row, *, enabled: bool) -> Ctl:
    bits = []
    for name, part in zip(row.names, row.parts, strict=True):
        value = v.v(name) if row.keep_value else ""
        inp, fid = _input(v, fs, row, name, value=value, part=part, enabled=enabled)
        cap = esc(v.c(part))
        mode = fs.split_mode
        if mode == "before" or mode == "rows":
            bits.append(f"{cap}&nbsp;{inp}")
        elif mode == "after":
            bits.append(f"{inp}（{cap}）")
        elif mode == "label-for":
            bits.append(f'<label for="{fid}">{cap}</label>&nbsp;{inp}')
        else:
            bits.append(inp)
    sep = v.pick("split-sep", ("　", "&nbsp;&nbsp;", " "))
    if len(row.parts[0]) > 3 and v.chance("split-br", 0.4):
        sep = "<br>"
    return Ctl(sep.join(bits), None)


def control(v: V, fs: FormStyle, row: Row, *, enabled: bool = True) -> Ctl:
    label = v.c(row.label)
    if row.kind in ("text", "password"):
        value = v.v(row.name, row.default) if row.keep_value else ""
        h, fid = _input(v, fs, row, row.name, value=value, enabled=enabled, label=label)
        ctl = Ctl(h, fid)
    elif row.kind == "textarea":
        fid = v.nm.dom_id(row.name)
        aria = label if fs.assoc == "aria-label" else None
        h = f"<textarea{attrs(name=v.nm.name(row.name), id=fid, rows=3, cols=row.size or 50, maxlength=row.maxlength or None, aria_label=aria)}>{esc(v.v(row.name))}</textarea>"
        ctl = Ctl(h, fid)
    elif row.kind == "select":
        ctl = _select(v, fs, row, enabled=enabled, label=label)
    elif row.kind in ("radio", "check"):
        ctl = _choice(v, fs, row, enabled=enabled, checkbox=row.kind == "check", label=label)
    elif row.kind == "split":
        ctl = _split(v, fs, row, enabled=enabled)
    elif row.kind == "date":
        ctl = _date(v, fs, row, label=label)
    else:
        ctl = Ctl(esc(row.value_text), None)
    extra = ""
    if row.zip_for:
        fs.uses_zip = True
        msg = v.new_id("zipmsg")
        pref, city = row.zip_for
        call = f"nssZip('{v.nm.name(row.name)}', '{v.nm.name(pref)}', '{v.nm.name(city)}', '{msg}')"
        extra += "&nbsp;" + helper_button(v, "反映", call, "zip")
        extra += f'<span id="{msg}" class="errmsg"></span>'
    extra += example_html(v, fs, row) if fs.hint_place not in ("column",) else ""
    extra += hint_html(v, fs, row)
    if row.after:
        extra += f'&nbsp;<span class="hint">{esc(row.after)}</span>'
    extra += field_error(v, *row.names)
    return Ctl(ctl.html + extra, ctl.target_id)
