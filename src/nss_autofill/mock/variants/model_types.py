"""The terms a form page is described in: rows, groups, sections, pages and option lists.

``model_applicant.py`` and ``model_contract.py`` describe the flow's form pages in these terms;
``model.py`` gathers them and answers what a page asks (its rows, names, buttons, values).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..flow import INDUSTRIES

Options = tuple[tuple[str, str], ...]  # (flow value, caption)

INDUSTRY_OPTIONS: Options = tuple((v, c) for v, c, _ in INDUSTRIES)
SSO_INDUSTRIES = frozenset(v for v, _, sso in INDUSTRIES if sso)


@dataclass(frozen=True)
class Row:
    """One thing a person fills: a label and its control(s)."""

    label: str
    kind: str  # text password textarea select radio check split date static
    names: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # captions of a split field's parts (姓 / 名)
    options: Options = ()
    default: str = ""  # default value (radio: the value checked when nothing is stored)
    required: bool = False
    hint: str = ""  # e.g. 全角, 半角数字7桁
    example: str = ""  # e.g. ナックス商事株式会社
    maxlength: int = 0
    size: int = 30
    zip_for: tuple[str, str] | None = None  # a 反映 button filling (prefecture, city)
    after: str = ""  # a note after the control (e.g. 上欄をチェックした場合は入力不要)
    value_text: str = ""  # kind static: the text shown
    keep_value: bool = True  # False: the control starts empty on every visit

    @property
    def name(self) -> str:
        return self.names[0] if self.names else ""


@dataclass(frozen=True)
class Group:
    """Rows under one group label that spans them (一括請求先 › コード / 企業名 / 事業所名)."""

    label: str
    rows: tuple[Row, ...]
    enabled_by: tuple[str, str] | None = None  # (radio name, value) that enables the rows


@dataclass(frozen=True)
class Section:
    heading: str | None
    items: tuple[Row | Group, ...]
    intro: str = ""
    enabled_by: tuple[str, str] | None = None
    disabled_by_check: str | None = None  # a checkbox whose tick makes these rows unneeded


@dataclass(frozen=True)
class FormPage:
    heading: str
    intro: str
    sections: tuple[Section, ...]
    buttons: tuple[str, ...]  # captions of the buttons that post, in page order
    notes: tuple[str, ...] = ()
    extra_names: tuple[str, ...] = field(default=())  # posted by scripts (row hidden inputs)


def text_row(label: str, name: str, maxlength: int, **kw: object) -> Row:
    """A one-line text box (the commonest row)."""
    return Row(label, "text", (name,), maxlength=maxlength, **kw)  # type: ignore[arg-type]


def rows_of(items: tuple[Row | Group, ...]) -> list[Row]:
    out: list[Row] = []
    for it in items:
        out.extend(it.rows if isinstance(it, Group) else (it,))
    return out
