"""The page catalogue: everything nss-autofill knows about how NSS looks.

All NSS knowledge lives in ``catalogue.yaml`` beside this module: which signals identify a
page, which fields it has (by the label a person reads, scoped by group heading), the order of
helper actions, and the class of every button. This module only validates and loads that file.

Example::

    >>> cat = load_catalogue()
    >>> cat.page("temp-apply").fields[0].label
    '企業名'
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ButtonClass(str, Enum):
    """What pressing a control means. Consent and final submit are for the human only."""

    CONSENT = "consent"
    FINAL_SUBMIT = "final_submit"
    NAVIGATION = "navigation"
    CHOICE = "choice"
    HELPER = "helper"

    @property
    def guarded(self) -> bool:
        return self in (ButtonClass.CONSENT, ButtonClass.FINAL_SUBMIT)


class PageKind(str, Enum):
    """How the session treats a page once it is recognised."""

    NAVIGATE = "navigate"  # nothing to fill, a forward control to press (掲示板)
    FORM = "form"  # fields to fill, then a forward control
    CONSENT = "consent"  # a consent control: stop for the human
    CONFIRM = "confirm"  # a final-submit control: stop for the human
    LOGIN = "login"  # credentials from the environment, never from the profile
    PHASE_END = "phase_end"  # 仮ログイン登録完了: phase one is over
    DONE = "done"  # 申込完了: the flow is over
    BLOCKED = "blocked"  # time-out, maintenance: fill nothing, tell the human


class Signal(_Strict):
    """One thing a person sees that identifies a page. Exactly one key is set.

    ``step``/``tab``: the highlighted item of the step bar / tab bar. ``heading``: a heading-like
    element whose text equals it. ``label``: a form row label. ``button``: a clickable caption.
    ``text``: a substring of the visible text. ``title``: a substring of the document title or
    the page header. ``absent``: a substring that must *not* be visible.
    """

    step: str | None = None
    tab: str | None = None
    heading: str | None = None
    label: str | None = None
    button: str | None = None
    text: str | None = None
    title: str | None = None
    absent: str | None = None

    @model_validator(mode="after")
    def _one_key(self) -> Signal:
        set_keys = [k for k, v in self.model_dump().items() if v is not None]
        if len(set_keys) != 1:
            raise ValueError(f"a signal has exactly one key, got {set_keys or 'none'}")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in type(self).model_fields if getattr(self, k) is not None)

    @property
    def value(self) -> str:
        return str(getattr(self, self.kind))

    def describe(self) -> str:
        return f"{self.kind}={self.value!r}"


ControlKind = Literal["text", "textarea", "split_text", "select", "radio", "checkbox", "date3"]
Normaliser = Literal["none", "zenkaku", "hankaku", "katakana", "digits", "phone"]


class FieldSpec(_Strict):
    """One form control, described by what a person sees.

    ``value`` is a dotted path into the fill context (the profile, plus ``current_code`` and
    ``id_row`` on the 利用者コード page); ``values`` is one path per part of a split text;
    ``const`` is a fixed value the Cyber Port manual prescribes. ``options`` maps a value key
    (``"true"``/``"false"`` for booleans, ``"null"``/``"set"`` for optional sections, else the
    string itself) to the caption of the radio/select option to choose. ``when`` names a path that
    must be set (not null/false) for the field to be filled at all.
    """

    id: str
    label: str | None = None
    aliases: tuple[str, ...] = ()
    group: str | None = None
    parent: str | None = None
    control: ControlKind
    parts: tuple[str, ...] = ()
    option: str | None = None  # checkbox caption
    value: str | None = None
    values: tuple[str, ...] = ()
    const: str | None = None
    options: dict[str, str] = Field(default_factory=dict)
    normalise: Normaliser = "none"
    max_length: int | None = None
    required: bool = False
    when: str | None = None
    sensitive: bool = False
    manual: str | None = None  # why a human must handle it; the tool never fills it

    @model_validator(mode="after")
    def _coherent(self) -> FieldSpec:
        sources = sum(x is not None and x != () for x in (self.value, self.values, self.const))
        if self.manual is None and sources != 1:
            raise ValueError(f"field {self.id}: give exactly one of value, values, const")
        if self.control == "split_text" and not self.values and self.manual is None:
            raise ValueError(f"field {self.id}: split_text takes values (one path per part)")
        if self.control == "checkbox" and not (self.option or self.label):
            raise ValueError(f"field {self.id}: a checkbox needs its option text or a label")
        if self.control != "checkbox" and self.label is None:
            raise ValueError(f"field {self.id}: needs a label")
        return self

    @property
    def paths(self) -> tuple[str, ...]:
        """Profile paths this field reads (for the consistency tests)."""
        out = list(self.values)
        if self.value:
            out.append(self.value)
        if self.when:
            out.append(self.when)
        return tuple(out)

    def where(self) -> str:
        """Human-readable position, e.g. ``一括請求に関する項目 › 一括請求先 › 企業名``."""
        parts = [p for p in (self.group, self.parent, self.label or self.option) if p]
        return " › ".join(parts)


class ButtonSpec(_Strict):
    """A control the catalogue knows, by caption, with its class."""

    caption: str
    cls: ButtonClass = Field(alias="class")
    group: str | None = None
    when: str | None = None  # for forward controls: a named session condition

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class FillStep(_Strict):
    fill: tuple[str, ...]


class ClickStep(_Strict):
    click: str  # caption of a helper button on this page
    group: str | None = None
    when: str | None = None  # a context path that must be set for the click to happen


class WaitValueStep(_Strict):
    wait_value: tuple[str, ...]  # field ids that a page script fills (反映); bounded wait
    when: str | None = None


class ForEachStep(_Strict):
    for_each: str  # path of a list in the fill context
    as_: str = Field(alias="as")
    do: tuple[Step, ...]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ExpectRowsStep(_Strict):
    # the column headers of the table (on this page) whose data rows must grow by one: the
    # table is found by what its header row names, whatever caption stands above it
    expect_rows: tuple[str, ...] = Field(min_length=1)


Step = Annotated[
    FillStep | ClickStep | WaitValueStep | ForEachStep | ExpectRowsStep,
    Field(union_mode="left_to_right"),
]
ForEachStep.model_rebuild()


class TableSpec(_Strict):
    """A table the session reads (e.g. the codes already set), found by its header row."""

    columns: tuple[str, ...] = Field(min_length=1)  # headers the table's header row names
    column: str  # header caption of the column to read

    @model_validator(mode="after")
    def _column_named(self) -> TableSpec:
        if self.column not in self.columns:
            raise ValueError(f"table column {self.column!r} is not among {list(self.columns)}")
        return self


class RepeatSpec(_Strict):
    """A page visited once per item of a profile list (the 利用者コード page, per code)."""

    for_each: str
    as_: str = Field(alias="as")
    caption: str  # path inside the item naming the visit, for messages

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PageSpec(_Strict):
    id: str
    name: str  # what a person calls it, for messages
    kind: PageKind
    phase: Literal[0, 1, 2]
    signals: tuple[Signal, ...]
    fields: tuple[FieldSpec, ...] = ()
    actions: tuple[Step, ...] = ()
    buttons: tuple[ButtonSpec, ...] = ()
    forward: tuple[str, ...] = ()  # captions tried in order; `when` on the button decides
    opens_new_tab: tuple[str, ...] = ()
    table: TableSpec | None = None
    repeat: RepeatSpec | None = None
    mail_box: str | None = None  # heading of the 模擬メール box (mock only)
    review: str | None = None  # what the human should check before pressing

    @model_validator(mode="after")
    def _coherent(self) -> PageSpec:
        ids = [f.id for f in self.fields]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"page {self.id}: duplicate field ids {sorted(dupes)}")
        captions = {b.caption for b in self.buttons}
        for cap in (*self.forward, *self.opens_new_tab):
            if cap not in captions:
                raise ValueError(f"page {self.id}: {cap!r} is not among its buttons")
        for step in _walk(self.actions):
            if isinstance(step, FillStep | WaitValueStep):
                names = step.fill if isinstance(step, FillStep) else step.wait_value
                for name in names:
                    if name not in ids:
                        raise ValueError(f"page {self.id}: action names unknown field {name!r}")
            if isinstance(step, ClickStep) and step.click not in captions:
                raise ValueError(f"page {self.id}: action clicks unknown button {step.click!r}")
        return self

    def field(self, field_id: str) -> FieldSpec:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def button(self, caption: str) -> ButtonSpec:
        for b in self.buttons:
            if b.caption == caption:
                return b
        raise KeyError(caption)

    @property
    def guarded_buttons(self) -> tuple[ButtonSpec, ...]:
        return tuple(b for b in self.buttons if b.cls.guarded)


def _walk(steps: tuple[Step, ...]) -> list[Step]:
    out: list[Step] = []
    for s in steps:
        out.append(s)
        if isinstance(s, ForEachStep):
            out.extend(_walk(s.do))
    return out


class SiteSpec(_Strict):
    title: str
    steps: tuple[str, ...]
    tabs: tuple[str, ...]
    validation_error: tuple[str, ...]  # texts that mean "the server rejected the form"
    trusted_hosts: tuple[str, ...]  # host suffixes trusted over https
    start_url: str


class Catalogue(_Strict):
    version: Literal[1]
    site: SiteSpec
    deny_captions: tuple[str, ...]  # substrings; refused unless classed safe on the page
    pages: tuple[PageSpec, ...]

    @model_validator(mode="after")
    def _unique(self) -> Catalogue:
        ids = [p.id for p in self.pages]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate page ids {sorted(dupes)}")
        # Filling ticks checkboxes and radios by their caption: none of them may be a consent or
        # a submit in disguise (a 「同意する」 checkbox is pressed by the human, never filled).
        words = (*self.deny_captions, *self.guarded_captions)
        for page in self.pages:
            for f in page.fields:
                for caption in (f.option, f.const, *f.options.values()):
                    if caption and any(w in caption for w in words):
                        raise ValueError(
                            f"{page.id}.{f.id}: the choice {caption!r} looks like a consent or "
                            "submit; those are for the human, not for filling"
                        )
        return self

    def page(self, page_id: str) -> PageSpec:
        for p in self.pages:
            if p.id == page_id:
                return p
        raise KeyError(page_id)

    @property
    def guarded_captions(self) -> frozenset[str]:
        """Every caption any page classes as consent or final submit."""
        return frozenset(b.caption for p in self.pages for b in p.guarded_buttons)

    @property
    def safe_captions(self) -> frozenset[str]:
        """Captions some page classes as safe (navigation, choice, helper)."""
        return frozenset(b.caption for p in self.pages for b in p.buttons if not b.cls.guarded)


def catalogue_path() -> Path:
    return Path(str(resources.files("nss_autofill").joinpath("site", "catalogue.yaml")))


def parse_catalogue(data: Any) -> Catalogue:
    """Validate a catalogue document (already parsed from YAML)."""
    return Catalogue.model_validate(data)


@lru_cache(maxsize=4)
def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and validate the catalogue shipped with the package (or ``path``)."""
    src = path or catalogue_path()
    with open(src, encoding="utf-8") as fh:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~7x faster
        return parse_catalogue(yaml.load(fh, Loader=loader))
