"""The per-page form style of a variant: the choices every row of one page follows.

Layout (tables of two or three columns, dl, div grid, stacked), how a label is tied to its
control, required/optional marks, where hints go, colons and spaced labels, section headings,
group labels, split fields, radio drawing, and how dependent rows react.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .headings import heading_styles
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
