"""Locating: find a field's control(s) from its label, the way a person reads the form.

``scan_form`` reads the whole form in one ``evaluate`` pass (``js/form.js``) and marks every
control and button with a temporary ``data-nssaf`` attribute. The rest is pure: a field's label
must equal (by ``label_key``) the label of a *unit* — the row's own header cell, a ``<label
for>``/wrapping label, an ``aria-label``/``aria-labelledby`` name, a ``<dt>``, or the leading
text element of a ``<div>`` row — and the unit must lie in the field's group and sub-group.

Group scoping: a unit is in group G when G labels a region containing it (legend, caption, the
header cell of an enclosing row) or when the last heading before it that names one of the
page's groups is G. A sub-group (``parent``) is found the same way among the page's parent
names (rowspan header cells count as enclosing). A field without ``parent`` never matches a unit
inside one of the page's sub-groups. Exactly one unit, or a problem naming the count.

Captions after a control belong to it: in ``<legend>日付</legend>[ ]<span>年</span>[ ]<span>月``
``</span>`` the 月 select is still labelled by the legend (a short caption, or any caption after
a radio or box of the same group, is looked past together with the control before it). A field
made of parts may be labelled once, ``<label for=a>氏名</label><input id=a placeholder=姓><input
placeholder=名>``: the unlabelled boxes that follow in the same container, each with a
placeholder / aria-label / title, form a ``parts`` unit used only by split and date fields.

Example::

    >>> model = scan_form(page)
    >>> loc = locate_field(model, spec, spec.field("company_name"))
    >>> page.locator(loc.controls[0].selector).fill("ナックス商事株式会社")
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Locator, Page

from ..site.catalogue import FieldSpec, PageKind, PageSpec, Signal
from .recognition import button_key, heading_key, label_key, run_js, text_key

TEXT_TYPES = frozenset({"text", "email", "tel", "number", "password", "search", "url", ""})


@dataclass(frozen=True)
class Option:
    text: str
    value: str
    selected: bool
    default: bool


@dataclass(frozen=True)
class Control:
    """One form control as scanned; ``selector`` addresses it until the next scan."""

    index: int
    tag: str
    type: str
    value: str
    default_value: str
    checked: bool
    default_checked: bool
    max_length: int | None
    disabled: bool
    visible: bool
    name: str
    options: tuple[Option, ...]
    own: tuple[str, ...]  # its own label texts: <label for>, wrapping label, aria, title
    before: str  # text between the previous control and this one
    after: str  # text between this control and the next one
    order: int

    @property
    def selector(self) -> str:
        return f'[data-nssaf="c{self.index}"]'

    @property
    def is_text(self) -> bool:
        return self.tag == "textarea" or (self.tag == "input" and self.type in TEXT_TYPES)

    @property
    def is_select(self) -> bool:
        return self.tag == "select"

    @property
    def selected_text(self) -> str:
        return next((o.text for o in self.options if o.selected), "")

    @property
    def at_default(self) -> bool:
        """Still what the page's HTML set (the server's default, or the re-shown value)."""
        if self.is_select:
            return all(o.selected == o.default for o in self.options) or not any(
                o.default for o in self.options
            )
        if self.type in ("radio", "checkbox"):
            return self.checked == self.default_checked
        return self.value == self.default_value

    def option_texts(self) -> tuple[str, ...]:
        """What names this radio/checkbox option: its label, its following text, its value."""
        return (*self.own, self.after, self.value)


@dataclass(frozen=True)
class Unit:
    """A label and the controls it labels."""

    label: str
    kind: str  # row | label | aria | dt | div | legend | parts (label + following hinted boxes)
    order: int
    controls: tuple[int, ...]
    containers: tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int
    order: int


@dataclass(frozen=True)
class Button:
    index: int
    caption: str
    order: int
    containers: tuple[str, ...]
    href: str = ""  # a plain link's destination; "" for buttons and script links

    @property
    def selector(self) -> str:
        return f'[data-nssaf="b{self.index}"]'


@dataclass(frozen=True)
class FormModel:
    controls: tuple[Control, ...]
    units: tuple[Unit, ...]
    headings: tuple[Heading, ...]
    buttons: tuple[Button, ...]

    @classmethod
    def from_js(cls, data: dict[str, Any]) -> FormModel:
        controls = tuple(
            Control(
                index=int(c["i"]),
                tag=str(c["tag"]),
                type=str(c["type"]),
                value=str(c["value"]),
                default_value=str(c["defaultValue"]),
                checked=bool(c["checked"]),
                default_checked=bool(c["defaultChecked"]),
                max_length=c["maxLength"],
                disabled=bool(c["disabled"]),
                visible=bool(c["visible"]),
                name=str(c["name"]),
                options=tuple(
                    Option(str(o["text"]), str(o["value"]), bool(o["selected"]), bool(o["dflt"]))
                    for o in c["options"]
                ),
                own=tuple(str(x) for x in c["own"]),
                before=str(c["before"]),
                after=str(c["after"]),
                order=int(c["order"]),
            )
            for c in data["controls"]
        )
        units = tuple(
            Unit(
                str(u["label"]),
                str(u["kind"]),
                int(u["order"]),
                tuple(int(i) for i in u["controls"]),
                tuple(str(x) for x in u["containers"]),
            )
            for u in data["units"]
        )
        headings = tuple(
            Heading(str(h["text"]), int(h["level"]), int(h["order"])) for h in data["headings"]
        )
        buttons = tuple(
            Button(
                int(b["i"]),
                str(b["caption"]),
                int(b["order"]),
                tuple(b["containers"]),
                str(b.get("href") or ""),
            )
            for b in data["buttons"]
        )
        return cls(controls, units, headings, buttons)


def scan_form(page: Page, spec: PageSpec | None = None) -> FormModel:
    """Read and mark all controls, label units, headings and buttons in one pass.

    With ``spec``, elements showing exactly one of its group or sub-group names count as
    headings even when not marked up as such (a bold ``<p>``, a styled ``<div>``), and a short
    text after a control that shows one of its field labels is that label, not the control's
    caption (``電話 [ ] FAX [ ]``).
    """
    names = sorted(_scope(spec).groups | _scope(spec).parents) if spec is not None else []
    labels = (
        sorted({text_key(n) for f in spec.fields for n in (f.label, *f.aliases) if n})
        if spec is not None
        else []
    )
    parts = sorted({text_key(p) for f in spec.fields for p in f.parts}) if spec is not None else []
    arg = {"names": names, "labels": labels, "parts": parts}
    return FormModel.from_js(run_js(page, "form.js", arg))


@dataclass(frozen=True)
class Located:
    """The control(s) found for one field: one per part, or every radio of the group."""

    field_id: str
    controls: tuple[Control, ...] = ()
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


# --------------------------------------------------------------------------- scoping


@dataclass(frozen=True)
class _Scope:
    groups: frozenset[str]
    parents: frozenset[str]
    keep: frozenset[str]


def _scope(spec: PageSpec | FieldSpec) -> _Scope:
    if isinstance(spec, FieldSpec):  # one field on its own: its own group and parent only
        return _Scope(
            frozenset(text_key(x) for x in (spec.group,) if x),
            frozenset(text_key(x) for x in (spec.parent,) if x),
            frozenset(text_key(x) for x in (spec.label, *spec.aliases, *spec.parts) if x),
        )
    groups = {text_key(f.group) for f in spec.fields if f.group}
    groups |= {text_key(b.group) for b in spec.buttons if b.group}
    parents = {text_key(f.parent) for f in spec.fields if f.parent}
    keep: set[str] = set(groups | parents)
    for f in spec.fields:
        for name in (f.label, *f.aliases, *f.parts):
            if name:
                keep.add(text_key(name))
    return _Scope(frozenset(groups), frozenset(parents), frozenset(keep))


def _last_heading(model: FormModel, order: int, names: frozenset[str]) -> str | None:
    last: str | None = None
    for h in model.headings:
        if h.order >= order:
            break
        for k in (text_key(h.text), label_key(h.text), heading_key(h.text)):
            if k in names:  # as shown, without marks or hints, without a section number
                last = k
                break
    return last


def _container_keys(containers: Sequence[str], sc: _Scope) -> set[str]:
    return (
        {text_key(c) for c in containers}
        | {label_key(c, sc.keep) for c in containers}
        | {heading_key(c) for c in containers}
    )


def _in_group(
    model: FormModel, sc: _Scope, order: int, containers: Sequence[str], group: str
) -> bool:
    g = text_key(group)
    return g in _container_keys(containers, sc) or _last_heading(model, order, sc.groups) == g


def _in_scope(
    model: FormModel,
    sc: _Scope,
    order: int,
    containers: Sequence[str],
    group: str | None,
    parent: str | None,
) -> bool:
    keys = _container_keys(containers, sc)
    if group is not None and not _in_group(model, sc, order, containers, group):
        return False
    sub = _last_heading(model, order, sc.groups | sc.parents)
    in_parents = (keys & sc.parents) | ({sub} & sc.parents)
    if parent is None:
        return not in_parents
    return text_key(parent) in in_parents


# --------------------------------------------------------------------------- fields


def _units_for(model: FormModel, sc: _Scope, spec: FieldSpec, label: str) -> list[Unit]:
    want = {label_key(n, sc.keep) for n in (label, *spec.aliases)}
    found: list[Unit] = []
    seen: set[tuple[int, ...]] = set()
    parts_ok = spec.control in ("split_text", "date3")
    for u in model.units:
        if u.kind == "parts" and not parts_ok:  # boxes told apart by placeholder: parts only
            continue
        if label_key(u.label, sc.keep) not in want:
            continue
        if not _in_scope(model, sc, u.order, u.containers, spec.group, spec.parent):
            continue
        if u.controls in seen:
            continue
        seen.add(u.controls)
        found.append(u)
    # the same controls reached through a row header and a <label for> are one match
    merged: list[Unit] = []
    for u in found:
        if any(set(u.controls) <= set(m.controls) for m in merged):
            continue
        merged = [m for m in merged if not set(m.controls) <= set(u.controls)] + [u]
    if len(merged) > 1:  # a hidden copy (template, other tab) does not compete with what shows
        by_index = {c.index: c for c in model.controls}
        shown = [u for u in merged if any(by_index[i].visible for i in u.controls)]
        if shown:
            merged = shown
    return merged


def option_matches(caption: str, texts: Iterable[str], *, loose: bool = False) -> bool:
    """A radio/checkbox/select option is the one named ``caption``: equal keys, or with
    ``loose`` equal after dropping bracketed input hints on the page's side."""
    want = text_key(caption)
    if loose:
        return any(t and label_key(t) == want for t in texts)
    return any(t and text_key(t) == want for t in texts)


def _drop_trailing_note(text: str) -> str:
    """``text_key`` without one trailing bracketed note: 'Aプラン(月額基本料あり)' → 'Aプラン'."""
    key = text_key(text)
    m = _TRAIL_NOTE_RE.search(key)
    return key[: m.start()] if m and m.start() > 0 else ""


def find_option(controls: Sequence[Control], caption: str) -> list[Control]:
    """The radios/checkboxes whose label, following text or value names ``caption``.

    Exact keys first; only when none matches, the page's text without its bracketed hint;
    then the page's text without one trailing bracketed note of any kind (Aプラン（月額基本料
    あり）names Aプラン, but Aプラン月額 or Aプラン・割引 never do: only a *bracketed* rest
    is a note); only then a following text that starts with a long caption. Callers refuse
    anything but exactly one hit, so two options sharing a caption before their notes
    (Aプラン（月額）/ Aプラン（年額）) refuse rather than pick.
    """
    exact = [c for c in controls if option_matches(caption, c.option_texts())]
    if exact:
        return exact
    loose = [c for c in controls if option_matches(caption, c.option_texts(), loose=True)]
    if loose:
        return loose
    want = text_key(caption)
    noted = [c for c in controls if any(t and _drop_trailing_note(t) == want for t in c.own)]
    if not noted:
        noted = [c for c in controls if _drop_trailing_note(c.after) == want]
    if noted:
        return noted
    return [c for c in controls if len(want) >= 8 and text_key(c.after).startswith(want)]


_TRAIL_NOTE_RE = re.compile(r"(\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$")


def _assign_parts(ctls: Sequence[Control], parts: Sequence[str]) -> list[Control] | None:
    """One control per part caption, by the strictest reading that explains every part.

    In order: the caption is exactly the text before each control (姓 [ ] 名 [ ]); exactly the
    text after it, or how that text starts ([ ] 年 [ ] 月 [ ] 日); the control's own label
    (``<label for>``, aria-label); the text before it ends with the caption (例)山田 名 [ ]).
    """
    keys = [text_key(p) for p in parts]
    for how in ("before", "after", "own", "before-end"):
        chosen: list[Control] = []
        for k in keys:
            hits = [c for c in ctls if _part_hit(c, k, how)]
            if len(hits) != 1 or hits[0] in chosen:
                break
            chosen.append(hits[0])
        else:
            return chosen
    return None


def _part_hit(c: Control, key: str, how: str) -> bool:
    if how == "before":
        return key in (label_key(c.before), text_key(c.before))
    if how == "after":
        after = text_key(c.after)
        return key in (label_key(c.after), after) or (
            after.startswith(key) and not after.startswith(key + key)
        )
    if how == "own":
        return any(text_key(t) == key or label_key(t) == key for t in c.own)
    before = label_key(c.before)
    return before.endswith(key) and len(before) <= len(key) + 12


def locate_field(model: FormModel, page: PageSpec | None, spec: FieldSpec) -> Located:
    """Find ``spec``'s control(s) on a scanned page; a ``problem`` when not exactly one.

    ``page`` gives the scope (all group and sub-group names of the page); without it only the
    field's own group and parent are known.
    """
    sc = _scope(page if page is not None else spec)
    by_index = {c.index: c for c in model.controls}
    where = spec.where()
    if spec.label is None:  # a checkbox known only by its caption
        return _locate_by_option(model, sc, spec)
    units = _units_for(model, sc, spec, spec.label)
    if not units:
        if spec.control == "split_text" and spec.parts:
            return _locate_parts_as_rows(model, sc, spec)
        return Located(spec.id, problem=f"no control labelled {where!r} found")
    if len(units) > 1:
        return Located(spec.id, problem=f"{len(units)} places labelled {where!r}: ambiguous")
    ctls = [by_index[i] for i in units[0].controls]
    return _pick(spec, ctls)


def _pick(spec: FieldSpec, ctls: list[Control]) -> Located:
    where = spec.where()
    kind = spec.control
    if kind in ("text", "textarea"):
        texts = [c for c in ctls if c.is_text]
        return _exactly_one(spec, texts, "text box")
    if kind == "select":
        return _exactly_one(spec, [c for c in ctls if c.is_select], "select")
    if kind == "radio":
        radios = [c for c in ctls if c.type == "radio"]
        if not radios:
            return Located(spec.id, problem=f"no radio buttons at {where!r}")
        return Located(spec.id, tuple(radios))
    if kind == "checkbox":
        boxes = [c for c in ctls if c.type == "checkbox"]
        if spec.option:
            boxes = find_option(boxes, spec.option) if len(boxes) > 1 else boxes
        return _exactly_one(spec, boxes, "checkbox")
    if kind == "split_text":
        texts = [c for c in ctls if c.is_text]
        chosen = _assign_parts(texts, spec.parts)
        if chosen is None:
            parts = "/".join(spec.parts)
            return Located(
                spec.id,
                problem=f"{where!r}: cannot tell the parts {parts} apart among {len(texts)} boxes",
            )
        return Located(spec.id, tuple(chosen))
    if kind == "date3":
        sels = [c for c in ctls if c.is_select]
        chosen = _assign_parts(sels, spec.parts) if spec.parts else None
        if chosen is None and len(sels) == 3:
            chosen = sels  # year, month, day: the Japanese order, when unlabelled
        if chosen is None:
            return Located(spec.id, problem=f"{where!r}: expected 3 selects, found {len(sels)}")
        return Located(spec.id, tuple(chosen))
    return Located(spec.id, problem=f"unknown control kind {kind!r}")


def _exactly_one(spec: FieldSpec, ctls: list[Control], what: str) -> Located:
    if len(ctls) > 1 and any(c.visible for c in ctls):
        ctls = [c for c in ctls if c.visible]
    if len(ctls) == 1:
        return Located(spec.id, (ctls[0],))
    if not ctls:
        return Located(spec.id, problem=f"no {what} at {spec.where()!r}")
    return Located(spec.id, problem=f"{len(ctls)} {what}es at {spec.where()!r}: ambiguous")


def _locate_by_option(model: FormModel, sc: _Scope, spec: FieldSpec) -> Located:
    assert spec.option is not None
    boxes = [
        c
        for c in model.controls
        if c.type == "checkbox" and _in_scope(model, sc, c.order, (), spec.group, spec.parent)
    ]
    return _exactly_one(spec, find_option(boxes, spec.option), "checkbox")


def _locate_parts_as_rows(model: FormModel, sc: _Scope, spec: FieldSpec) -> Located:
    """Parts in rows of their own under a spanning header: 氏名 › 姓 / 氏名 › 名."""
    assert spec.label is not None
    want = label_key(spec.label, sc.keep)
    by_index = {c.index: c for c in model.controls}
    chosen: list[Control] = []
    for part in spec.parts:
        units = [
            u
            for u in model.units
            if label_key(u.label, sc.keep) == text_key(part)
            and want in {label_key(x, sc.keep) for x in u.containers}
            and _in_scope(model, sc, u.order, u.containers, spec.group, spec.parent)
        ]
        texts = [by_index[i] for u in units for i in u.controls if by_index[i].is_text]
        if len(texts) != 1:
            return Located(spec.id, problem=f"no control labelled {spec.where()!r} found")
        chosen.append(texts[0])
    return Located(spec.id, tuple(chosen))


def locate_page(model: FormModel, page: PageSpec, field_ids: Iterable[str]) -> dict[str, Located]:
    """Locate several fields of ``page`` on one scan."""
    return {fid: locate_field(model, page, page.field(fid)) for fid in field_ids}


def locate_button(
    model: FormModel, page: PageSpec, caption: str, group: str | None = None
) -> Button | str:
    """The button with ``caption`` (in ``group``), or a problem text."""
    sc = _scope(page)
    want = button_key(caption)
    hits = [
        b
        for b in model.buttons
        if button_key(b.caption) == want
        and (group is None or _in_group(model, sc, b.order, b.containers, group))
    ]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1 and hits[0].href and all(b.href == hits[0].href for b in hits):
        return hits[0]  # plain links to the same page (a menu item and a button): one choice
    where = f"{group} › {caption}" if group else caption
    if not hits:
        return f"no button {where!r} found"
    return f"{len(hits)} buttons {where!r}: ambiguous"


def field_locators(
    page: Page, field: FieldSpec, page_spec: PageSpec | None = None
) -> list[Locator]:
    """Locators of ``field``'s controls on the live page (empty when not exactly found).

    For masking screenshots and the like; filling uses ``scan_form`` + ``locate_field``.
    """
    loc = locate_field(scan_form(page, page_spec), page_spec, field)
    return [page.locator(c.selector) for c in loc.controls] if loc.ok else []


def find_button(
    page: Page, caption: str, page_spec: PageSpec | None = None, group: str | None = None
) -> Locator | None:
    """The one visible control showing ``caption`` (in ``group``), or None if none or several."""
    model = scan_form(page, page_spec)
    spec = page_spec or _EMPTY_PAGE
    hit = locate_button(model, spec, caption, group)
    return None if isinstance(hit, str) else page.locator(hit.selector)


_EMPTY_PAGE = PageSpec(id="-", name="-", kind=PageKind.FORM, phase=0, signals=(Signal(text="-"),))
