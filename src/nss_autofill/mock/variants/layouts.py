"""Section layouts of a variant form: rows drawn as tables (group cells spanning rows,
sub-headings, nested tables, a hint column) or as dl / div grids / stacked labels, grouped
rows (fieldsets), and the boxes that radios and checkboxes enable, hide or re-render.
"""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .controls import Ctl, column_hint, control, label_text
from .formstyle import FormStyle
from .headings import heading
from .markup import attrs, esc
from .model_types import Group, Row, Section
from .vpage import V


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


def _section_enabled(v: V, sec: Section) -> bool:
    """Whether a section's rows start enabled (not when its checkbox is ticked)."""
    return not v.on(sec.disabled_by_check, "1") if sec.disabled_by_check else True


def _section_box(v: V, fs: FormStyle, sec: Section, enabled: bool) -> str:
    """The attributes (id, style) of a section a checkbox governs, or ''."""
    if not sec.disabled_by_check:
        return ""
    box = v.new_id("sec")
    _register_dep(v, fs, box, check=sec.disabled_by_check)
    return attrs(id=box, style=_box_style(fs, enabled))


def _group_box(v: V, fs: FormStyle, grp: Group, ctx: Ctx, sec_enabled: bool) -> tuple[bool, str]:
    """Whether a group's rows start enabled, and the attributes (id, style) of its box."""
    cond = grp.enabled_by
    enabled = sec_enabled and _row_enabled(
        v, cond, ctx.radio_defaults.get(cond[0], "") if cond else ""
    )
    box = v.new_id("grp")
    if cond:
        _register_dep(v, fs, box, radio=cond)
    return enabled, attrs(id=box, style=_box_style(fs, enabled))


def _section_parts(
    items: tuple[Row | Group, ...],
    plain_html: Callable[[list[Row]], str],
    group_html: Callable[[Group], str],
) -> list[str]:
    """A section drawn in order: each run of plain rows by ``plain_html``, each group by
    ``group_html``."""
    parts: list[str] = []
    plain: list[Row] = []
    for it in items:
        if isinstance(it, Row):
            plain.append(it)
            continue
        if plain:
            parts.append(plain_html(plain))
            plain = []
        parts.append(group_html(it))
    if plain:
        parts.append(plain_html(plain))
    return parts


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
    sec_enabled = _section_enabled(v, sec)

    def plain_html(rows: list[Row]) -> str:
        return f"<tbody>{_table_rows(v, fs, rows, label_cols, group=None, enabled=sec_enabled, sub=False)}</tbody>"

    def group_html(it: Group) -> str:
        enabled, style = _group_box(v, fs, it, ctx, sec_enabled)
        rows = list(it.rows)
        if not it.label:
            return f"<tbody{style}>{_table_rows(v, fs, rows, label_cols, group=None, enabled=enabled, sub=False)}</tbody>"
        if fs.group_mode == "rowspan":
            return f"<tbody{style}>{_table_rows(v, fs, rows, label_cols, group=it.label, enabled=enabled, sub=True)}</tbody>"
        if fs.group_mode == "subhead":
            sub = f"<tr>{_label_cell(fs, esc(v.c(it.label)), colspan=width, cls='grp')}</tr>"
            return f"<tbody{style}>{sub}{_table_rows(v, fs, rows, label_cols, group=None, enabled=enabled, sub=False)}</tbody>"
        # nested table in the control cell
        inner = _table_rows(v, fs, rows, 1, group=None, enabled=enabled, sub=False)
        cell = _label_cell(fs, esc(v.c(it.label)), colspan=label_cols, cls="grp")
        colspan = ' colspan="2"' if fs.layout == "table3" else ""
        return f'<tbody{style}><tr>{cell}<td{colspan}><table class="frm"{border}>{inner}</table></td></tr></tbody>'

    parts += _section_parts(items, plain_html, group_html)
    table_attrs = f' class="frm"{border}' + _section_box(v, fs, sec, sec_enabled)
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
    sec_enabled = _section_enabled(v, sec)

    def plain_html(rows: list[Row]) -> str:
        return _wrap_rows(fs, _div_rows(v, fs, rows, enabled=sec_enabled))

    def group_html(it: Group) -> str:
        enabled, style = _group_box(v, fs, it, ctx, sec_enabled)
        inner = _wrap_rows(fs, _div_rows(v, fs, list(it.rows), enabled=enabled))
        if not it.label:
            return f"<div{style}>{inner}</div>"
        if fs.group_mode == "fieldset":
            return f'<fieldset class="grp"{style}><legend>{esc(v.c(it.label))}</legend>{inner}</fieldset>'
        if fs.group_mode == "subhead":
            return f'<div{style}><div class="ttl-span">{esc(v.c(it.label))}</div>{inner}</div>'
        if fs.layout == "dl":
            return (
                f'<dl class="frm"{style}><dt><b>{esc(v.c(it.label))}</b></dt><dd>{inner}</dd></dl>'
            )
        return f'<div class="row"{style}><div class="col-3">{esc(v.c(it.label))}</div><div class="col-9">{inner}</div></div>'

    parts = _section_parts(items, plain_html, group_html)
    body = "".join(parts)
    if sec.intro:
        body = f"<p>{esc(sec.intro)}</p>{body}"
    sec_attrs = _section_box(v, fs, sec, sec_enabled)
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
