"""Form sections of a variant page: labels, controls, groups, layouts and their scripts."""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from .buttons import helper_button
from .headings import heading, heading_styles
from .markup import attrs, esc, spaced
from .messages import field_error
from .model import Group, Row, Section
from .vpage import V


@dataclass
class FormStyle:
    """The per-page choices every row of the page follows (a site is consistent in a page)."""

    layout: str
    assoc: str
    label_cell: str
    req_mark: str
    opt_mark: bool
    hint_place: str
    hint_fmt: str
    example_fmt: str
    colon: str
    spaced: bool
    section_heading: str
    group_mode: str
    split_mode: str
    radio_mode: str
    radio_sep: str
    dep_mode: str
    zip_delay: int
    zip_events: bool
    deps: list[dict[str, object]] = field(default_factory=list)
    uses_zip: bool = False


def form_style(v: V) -> FormStyle:
    layout = v.choose(
        "layout",
        {"table2": (5, 1), "table3": (2, 0.3), "dl": (1, 1), "grid": (0.2, 3), "stacked": (0.2, 3)},
    )
    table = layout.startswith("table")
    assoc_opts: dict[str, tuple[float, float]] = {
        "none": (5, 1),
        "for": (1, 3),
        "aria-label": (0, 1),
        "labelledby": (0, 0.7),
    }
    if layout == "stacked":
        assoc_opts["wrap"] = (0.5, 1.5)
    hint_opts: dict[str, tuple[float, float]] = {
        "label": (3, 1),
        "after": (2, 1),
        "below": (0.5, 2),
        "none": (0.3, 0.5),
    }
    if layout == "table3":
        hint_opts = {"column": (1, 1)}
    group_opts: dict[str, tuple[float, float]]
    if table:
        group_opts = {"rowspan": (4, 1), "subhead": (2, 1), "nested": (1, 1)}
    else:
        group_opts = {"fieldset": (1, 3), "subhead": (1, 1), "nested": (1, 1)}
    split_opts = {
        "before": (4, 1),
        "after": (1, 1),
        "placeholder": (0.5, 2),
        "label-for": (0.5, 2),
        "aria": (0, 1.5),
        "rows": (1.5, 0.5),
    }
    return FormStyle(
        layout=layout,
        assoc=v.choose("assoc", assoc_opts),
        label_cell=v.choose("label-cell", {"th": (3, 2), "td-bg": (3, 0.5), "td-bold": (1, 0.5)}),
        req_mark=v.choose(
            "req-mark",
            {
                "kome-before": (3, 0.3),
                "kome-after": (3, 0.3),
                "badge": (0.3, 3),
                "img": (1.5, 0),
                "asterisk": (1, 1.5),
                "none": (1, 0.5),
            },
        ),
        opt_mark=v.era == "new" and v.chance("opt-badge", 0.4),
        hint_place=v.choose("hint-place", hint_opts),
        hint_fmt=v.pick("hint-fmt", ("({})", "（{}）", "[{}]", "※{}")),
        example_fmt=v.pick("example-fmt", ("例){}", "例：{}", "（例）{}", "例）{}")),
        colon=v.pick("colon", ("", "", "：", ":")),
        spaced=v.era == "old" and v.chance("spaced-labels", 0.4),
        section_heading=heading_styles(v, "section-heading", in_table=table)
        if table
        else v.choose(
            "section-heading",
            {
                "h2": (1, 3),
                "h3": (1, 3),
                "role": (0, 1),
                "div-bold": (2, 2),
                "p-big": (1, 1),
                "b": (2, 0),
                "font": (2, 0),
                "td-bar": (1, 0),
                "img": (1, 0.2),
                "legend": (0.5, 2),
                "span": (1, 0.5),
            },
        ),
        group_mode=v.choose("group-mode", group_opts),
        split_mode=v.choose("split-mode", split_opts),
        radio_mode=v.choose(
            "radio-mode",
            {
                "for": (1, 2),
                "wrap": (1, 2),
                "bare": (4, 0.3),
                "chip-op0": (0, 1.5),
                "chip-none": (0, 1),
                "btn-check": (0, 1),
            },
        ),
        radio_sep=v.pick("radio-sep", ("　", "&nbsp;&nbsp;", "<br>", "list")),
        dep_mode=v.choose(
            "dep-mode",
            {"static": (3, 1), "disable": (2, 2), "hide": (1, 1.5), "rerender": (0.5, 2)},
        ),
        zip_delay=v.pick("zip-delay", (0, 0, 50, 150, 300)),
        zip_events=v.era == "new" or v.chance("zip-events", 0.3),
    )


# ---------------------------------------------------------------------------------- labels
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


# ---------------------------------------------------------------------------------- controls
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


# ---------------------------------------------------------------------------------- layouts
def _label_for(
    v: V, fs: FormStyle, row: Row, ctl: Ctl, *, with_hint: bool = True
) -> tuple[str, str]:
    """(label html, extra attributes for the control's container) by the association mode."""
    text = label_text(v, fs, row, with_hint=with_hint)
    if fs.assoc == "for" and ctl.target_id:
        return f'<label for="{ctl.target_id}">{text}</label>', ""
    if fs.assoc == "labelledby":
        lid = v.new_id("lbl")
        return f'<span id="{lid}">{text}</span>', lid
    return text, ""


def _apply_labelledby(html: str, lid: str, ctl: Ctl) -> str:
    if not lid:
        return html
    if ctl.target_id:
        return html.replace(
            f'id="{ctl.target_id}"', f'id="{ctl.target_id}" aria-labelledby="{lid}"', 1
        )
    return f'<div role="group" aria-labelledby="{lid}">{html}</div>'


def _row_enabled(v: V, cond: tuple[str, str] | None, default_value: str) -> bool:
    if cond is None:
        return True
    name, value = cond
    return v.on(name, value, value == default_value)


@dataclass
class Ctx:
    """What rendering a section's rows needs besides the page style."""

    radio_defaults: dict[str, str]


def _split_as_group(row: Row) -> Group:
    return Group(
        row.label,
        tuple(
            Row(
                part,
                "text",
                (name,),
                required=row.required,
                hint=row.hint,
                maxlength=row.maxlength,
                size=row.size,
            )
            for name, part in zip(row.names, row.parts, strict=True)
        ),
    )


def _items(fs: FormStyle, sec: Section) -> tuple[Row | Group, ...]:
    if fs.split_mode != "rows":
        return sec.items
    return tuple(
        _split_as_group(it) if isinstance(it, Row) and it.kind == "split" else it
        for it in sec.items
    )


def _register_dep(
    v: V, fs: FormStyle, box: str, *, radio: tuple[str, str] | None = None, check: str | None = None
) -> None:
    if radio is not None:
        name, value = radio
        fs.deps.append(
            {"c": v.nm.name(name), "v": v.nm.value(name, value), "inv": False, "box": box}
        )
    elif check is not None:
        fs.deps.append({"c": v.nm.name(check), "v": None, "inv": True, "box": box})


def _box_style(fs: FormStyle, enabled: bool) -> str | None:
    if enabled or fs.dep_mode == "static":
        return None
    if fs.dep_mode == "hide":
        return "display:none"
    return None


def _table_rows(
    v: V,
    fs: FormStyle,
    rows: list[Row],
    label_cols: int,
    *,
    group: str | None,
    enabled: bool,
    sub: bool,
) -> str:
    """<tr>s of rows; with ``group`` and rowspan mode the first row carries the group cell."""
    out = []
    hint_col = fs.layout == "table3"
    for i, row in enumerate(rows):
        ctl = control(v, fs, row, enabled=enabled)
        label, lid = _label_for(v, fs, row, ctl, with_hint=not hint_col)
        ctl_html = _apply_labelledby(ctl.html, lid, ctl)
        cell = _label_cell(fs, label, colspan=label_cols if not sub else 1)
        lead = ""
        if group is not None and i == 0 and fs.group_mode == "rowspan":
            lead = _label_cell(fs, esc(v.c(group)), rowspan=len(rows), cls="grp")
        hint = f'<td class="hintc">{column_hint(fs, row)}</td>' if hint_col else ""
        out.append(f"<tr>{lead}{cell}<td>{ctl_html}</td>{hint}</tr>")
    return "".join(out)


def _label_cell(
    fs: FormStyle, inner: str, *, colspan: int = 1, rowspan: int = 1, cls: str = ""
) -> str:
    span = attrs(colspan=colspan if colspan > 1 else None, rowspan=rowspan if rowspan > 1 else None)
    if fs.label_cell == "th":
        return f"<th{span}{attrs(class_=cls or None)}>{inner}</th>"
    if fs.label_cell == "td-bg":
        return f'<td{span} bgcolor="#eef2f8" class="{("lbl " + cls).strip()}" nowrap>{inner}</td>'
    return f'<td{span} class="{("lbl " + cls).strip()}"><b>{inner}</b></td>'


def _table_section(v: V, fs: FormStyle, sec: Section, ctx: Ctx, sid: str) -> str:
    items = _items(fs, sec)
    has_rowspan = fs.group_mode == "rowspan" and any(
        isinstance(i, Group) and i.label for i in items
    )
    label_cols = 2 if has_rowspan else 1
    width = label_cols + 1 + (1 if fs.layout == "table3" else 0)
    border = ' border="1" cellspacing="0" cellpadding="4"' if v.era == "old" else ""
    parts = []
    head = ""
    if sec.heading:
        if fs.section_heading == "caption":
            parts.append(f"<caption>{esc(v.c(sec.heading))}</caption>")
        elif fs.section_heading == "th-row":
            parts.append(
                f"<tr>{_label_cell(fs, esc(v.c(sec.heading)), colspan=width, cls='grp')}</tr>"
            )
        else:
            head = heading(v, sec.heading, fs.section_heading, "section-heading", level=2)
    if sec.intro:
        head += f"<p>{esc(sec.intro)}</p>"
    sec_enabled = True
    if sec.disabled_by_check:
        sec_enabled = not v.on(sec.disabled_by_check, "1")
    plain: list[Row] = []

    def flush() -> None:
        if plain:
            parts.append(
                f"<tbody>{_table_rows(v, fs, plain, label_cols, group=None, enabled=sec_enabled, sub=False)}</tbody>"
            )
            plain.clear()

    for it in items:
        if isinstance(it, Row):
            plain.append(it)
            continue
        flush()
        enabled = sec_enabled and _row_enabled(
            v, it.enabled_by, ctx.radio_defaults.get(it.enabled_by[0], "") if it.enabled_by else ""
        )
        box = v.new_id("grp")
        if it.enabled_by:
            _register_dep(v, fs, box, radio=it.enabled_by)
        style = attrs(id=box, style=_box_style(fs, enabled))
        rows = list(it.rows)
        if not it.label:
            parts.append(
                f"<tbody{style}>{_table_rows(v, fs, rows, label_cols, group=None, enabled=enabled, sub=False)}</tbody>"
            )
        elif fs.group_mode == "rowspan":
            parts.append(
                f"<tbody{style}>{_table_rows(v, fs, rows, label_cols, group=it.label, enabled=enabled, sub=True)}</tbody>"
            )
        elif fs.group_mode == "subhead":
            sub = f"<tr>{_label_cell(fs, esc(v.c(it.label)), colspan=width, cls='grp')}</tr>"
            parts.append(
                f"<tbody{style}>{sub}{_table_rows(v, fs, rows, label_cols, group=None, enabled=enabled, sub=False)}</tbody>"
            )
        else:  # nested table in the control cell
            inner = _table_rows(v, fs, rows, 1, group=None, enabled=enabled, sub=False)
            cell = _label_cell(fs, esc(v.c(it.label)), colspan=label_cols, cls="grp")
            colspan = ' colspan="2"' if fs.layout == "table3" else ""
            parts.append(
                f'<tbody{style}><tr>{cell}<td{colspan}><table class="frm"{border}>{inner}</table></td></tr></tbody>'
            )
    flush()
    table_attrs = f' class="frm"{border}'
    sec_box = ""
    if sec.disabled_by_check:
        sec_box = v.new_id("sec")
        _register_dep(v, fs, sec_box, check=sec.disabled_by_check)
        table_attrs += attrs(id=sec_box, style=_box_style(fs, sec_enabled))
    return f"{head}<table{table_attrs}>{''.join(parts)}</table>"


def _div_rows(v: V, fs: FormStyle, rows: list[Row], *, enabled: bool) -> str:
    out = []
    for row in rows:
        ctl = control(v, fs, row, enabled=enabled)
        if fs.layout == "dl":
            label, lid = _label_for(v, fs, row, ctl)
            out.append(f"<dt>{label}</dt><dd>{_apply_labelledby(ctl.html, lid, ctl)}</dd>")
        elif fs.layout == "grid":
            label, lid = _label_for(v, fs, row, ctl)
            out.append(
                f'<div class="row"><div class="col-3">{label}</div><div class="col-9">{_apply_labelledby(ctl.html, lid, ctl)}</div></div>'
            )
        else:  # stacked: label above the control
            if fs.assoc == "wrap" and ctl.target_id:
                text = label_text(v, fs, row)
                out.append(
                    f'<div class="form-group"><label class="form-label">{text}<br>{ctl.html}</label></div>'
                )
                continue
            label, lid = _label_for(v, fs, row, ctl)
            tagname = "div" if "<label" in label else "span"
            out.append(
                f'<div class="form-group"><{tagname} class="form-label">{label}</{tagname}>{_apply_labelledby(ctl.html, lid, ctl)}</div>'
            )
    return "".join(out)


def _wrap_rows(fs: FormStyle, inner: str) -> str:
    return f'<dl class="frm">{inner}</dl>' if fs.layout == "dl" else inner


def _div_section(v: V, fs: FormStyle, sec: Section, ctx: Ctx) -> str:
    items = _items(fs, sec)
    sec_enabled = True
    if sec.disabled_by_check:
        sec_enabled = not v.on(sec.disabled_by_check, "1")
    parts: list[str] = []
    plain: list[Row] = []

    def flush() -> None:
        if plain:
            parts.append(_wrap_rows(fs, _div_rows(v, fs, plain, enabled=sec_enabled)))
            plain.clear()

    for it in items:
        if isinstance(it, Row):
            plain.append(it)
            continue
        flush()
        enabled = sec_enabled and _row_enabled(
            v, it.enabled_by, ctx.radio_defaults.get(it.enabled_by[0], "") if it.enabled_by else ""
        )
        box = v.new_id("grp")
        if it.enabled_by:
            _register_dep(v, fs, box, radio=it.enabled_by)
        style = attrs(id=box, style=_box_style(fs, enabled))
        inner = _wrap_rows(fs, _div_rows(v, fs, list(it.rows), enabled=enabled))
        if not it.label:
            parts.append(f"<div{style}>{inner}</div>")
        elif fs.group_mode == "fieldset":
            parts.append(
                f'<fieldset class="grp"{style}><legend>{esc(v.c(it.label))}</legend>{inner}</fieldset>'
            )
        elif fs.group_mode == "subhead":
            parts.append(
                f'<div{style}><div class="ttl-span">{esc(v.c(it.label))}</div>{inner}</div>'
            )
        elif fs.layout == "dl":
            parts.append(
                f'<dl class="frm"{style}><dt><b>{esc(v.c(it.label))}</b></dt><dd>{inner}</dd></dl>'
            )
        else:
            parts.append(
                f'<div class="row"{style}><div class="col-3">{esc(v.c(it.label))}</div><div class="col-9">{inner}</div></div>'
            )
    flush()
    body = "".join(parts)
    if sec.intro:
        body = f"<p>{esc(sec.intro)}</p>{body}"
    sec_attrs = ""
    if sec.disabled_by_check:
        sec_box = v.new_id("sec")
        _register_dep(v, fs, sec_box, check=sec.disabled_by_check)
        sec_attrs = attrs(id=sec_box, style=_box_style(fs, sec_enabled))
    if sec.heading and fs.section_heading == "legend":
        return f'<fieldset class="grp"{sec_attrs}><legend>{esc(v.c(sec.heading))}</legend>{body}</fieldset>'
    head = (
        heading(v, sec.heading, fs.section_heading, "section-heading", level=2)
        if sec.heading
        else ""
    )
    tagname = "section" if v.era == "new" else "div"
    return f"{head}<{tagname}{sec_attrs}>{body}</{tagname}>"


def sections_html(v: V, fs: FormStyle, sections: tuple[Section, ...]) -> str:
    defaults = {
        r.name: r.default
        for s in sections
        for it in s.items
        for r in (it.rows if isinstance(it, Group) else (it,))
        if r.kind == "radio"
    }
    ctx = Ctx(defaults)
    out = []
    for i, sec in enumerate(sections):
        if fs.layout.startswith("table"):
            out.append(_table_section(v, fs, sec, ctx, f"s{i}"))
        else:
            out.append(_div_section(v, fs, sec, ctx))
    return "".join(out)


# ---------------------------------------------------------------------------------- scripts
def zip_script(v: V, fs: FormStyle) -> str:
    table = json.dumps(
        v.ctx["postal_json"]
        if isinstance(v.ctx["postal_json"], dict)
        else json.loads(str(v.ctx["postal_json"])),
        ensure_ascii=False,
    )
    events = (
        "s.dispatchEvent(new Event('change', {bubbles: true})); c.dispatchEvent(new Event('input', {bubbles: true})); c.dispatchEvent(new Event('change', {bubbles: true}));"
        if fs.zip_events
        else ""
    )
    delay = fs.zip_delay
    run = f"setTimeout(run, {delay});" if delay else "run();"
    return (
        '<script type="text/javascript">\n'
        f"var ZIPTBL = {table};\n"
        "function nssZip(zn, pn, cn, mid) {\n"
        "  var q = function (n) { return document.getElementsByName(n)[0]; };\n"
        "  var z = q(zn).value.replace(/[^0-9]/g, '');\n"
        "  var msg = document.getElementById(mid);\n"
        "  var run = function () {\n"
        "    msg.innerHTML = '';\n"
        "    if (z.length != 7) { msg.innerHTML = '郵便番号は半角数字7桁で入力してください。'; return; }\n"
        "    var hit = ZIPTBL[z];\n"
        "    if (!hit) { msg.innerHTML = '該当する住所が見つかりません。住所を直接入力してください。'; return; }\n"
        "    var s = q(pn), c = q(cn);\n"
        "    for (var i = 0; i < s.options.length; i++) {\n"
        "      var t = s.options[i].text;\n"
        "      if (t == hit[0] || t.slice(-hit[0].length - 1) == '：' + hit[0]) { s.selectedIndex = i; }\n"
        "    }\n"
        "    c.value = hit[1];\n"
        f"    {events}\n"
        "  };\n"
        f"  {run}\n"
        "}\n</script>"
    )


def deps_script(v: V, fs: FormStyle) -> str:
    """Enable/disable, show/hide or re-render the rows a radio or checkbox governs."""
    if not fs.deps or fs.dep_mode == "static":
        return ""
    mode = fs.dep_mode
    return (
        '<script type="text/javascript">\n'
        f"var NSSDEPS = {json.dumps(fs.deps, ensure_ascii=False)};\n"
        f"var NSSDEPMODE = '{mode}';\n"
        "function nssSnapshot(box) {\n"
        "  var els = box.querySelectorAll('input, select, textarea');\n"
        "  for (var i = 0; i < els.length; i++) {\n"
        "    var e = els[i];\n"
        "    if (e.tagName == 'SELECT') { for (var j = 0; j < e.options.length; j++) {\n"
        "      if (e.options[j].selected) e.options[j].setAttribute('selected', 'selected'); else e.options[j].removeAttribute('selected'); } }\n"
        "    else if (e.tagName == 'TEXTAREA') { e.textContent = e.value; }\n"
        "    else if (e.type == 'checkbox' || e.type == 'radio') { if (e.checked) e.setAttribute('checked', 'checked'); else e.removeAttribute('checked'); }\n"
        "    else { e.setAttribute('value', e.value); }\n"
        "  }\n"
        "}\n"
        "function nssDeps() {\n"
        "  for (var k = 0; k < NSSDEPS.length; k++) {\n"
        "    var d = NSSDEPS[k], on = false, els = document.getElementsByName(d.c);\n"
        "    for (var i = 0; i < els.length; i++) { if (els[i].checked && (d.v === null || els[i].value == d.v)) on = true; }\n"
        "    if (d.inv) on = !on;\n"
        "    var box = document.getElementById(d.box);\n"
        "    if (!box) continue;\n"
        "    if (NSSDEPMODE == 'hide') { box.style.display = on ? '' : 'none'; continue; }\n"
        "    if (NSSDEPMODE == 'rerender') {\n"
        "      if (box.getAttribute('data-on') === String(on)) continue;\n"
        "      nssSnapshot(box);\n"
        "      box.innerHTML = box.innerHTML;\n"
        "      box.setAttribute('data-on', String(on));\n"
        "    }\n"
        "    var ctl = box.querySelectorAll('input, select, textarea, button');\n"
        "    for (var i = 0; i < ctl.length; i++) { ctl[i].disabled = !on; }\n"
        "    box.className = box.className.replace(/ ?dis/g, '') + (on ? '' : ' dis');\n"
        "  }\n"
        "}\n"
        "document.addEventListener('change', nssDeps);\n"
        "document.addEventListener('click', function () { setTimeout(nssDeps, 0); });\n"
        "document.addEventListener('DOMContentLoaded', nssDeps);\n"
        "</script>"
    )


def row_for(rows: list[Row], name: str) -> Row:
    return next(r for r in rows if name in r.names)


__all__ = [
    "FormStyle",
    "control",
    "deps_script",
    "form_style",
    "replace",
    "row_for",
    "sections_html",
    "zip_script",
]
