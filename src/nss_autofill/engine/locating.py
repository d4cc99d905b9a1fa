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

from collections.abc import Sequence
from dataclasses import dataclass

from playwright.sync_api import Locator, Page

from ..site.catalogue import FieldSpec, PageKind, PageSpec, Signal, load_catalogue
from .options import assign_parts, find_option
from .reading import Button, Control, LabelRef, PageReading, read_page
from .recognition import button_key, heading_key, label_key, text_key

__all__ = ["Button", "Control", "FormModel", "Located", "find_button", "locate_field", "scan_form"]

FormModel = PageReading  # what locating reads: the page's one reading


def scan_form(page: Page, spec: PageSpec | None = None) -> PageReading:
    """Read the page again (after a helper or a handler changed it) and re-mark its controls.

    ``spec`` is accepted for the callers' convenience; the reading knows no page.
    """
    return read_page(page, load_catalogue().site)


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
    labels: frozenset[str]  # every field label of the page, as label keys


def _scope(spec: PageSpec | FieldSpec) -> _Scope:
    if isinstance(spec, FieldSpec):  # one field on its own: its own group and parent only
        own = frozenset(text_key(x) for x in (spec.label, *spec.aliases, *spec.parts) if x)
        return _Scope(
            frozenset(text_key(x) for x in (spec.group,) if x),
            frozenset(text_key(x) for x in (spec.parent,) if x),
            own,
            frozenset(label_key(x, own) for x in (spec.label, *spec.aliases) if x),
        )
    groups = {text_key(f.group) for f in spec.fields if f.group}
    groups |= {text_key(b.group) for b in spec.buttons if b.group}
    parents = {text_key(f.parent) for f in spec.fields if f.parent}
    keep: set[str] = set(groups | parents)
    for f in spec.fields:
        for name in (f.label, *f.aliases, *f.parts):
            if name:
                keep.add(text_key(name))
    labels = frozenset(
        label_key(n, frozenset(keep)) for f in spec.fields for n in (f.label, *f.aliases) if n
    )
    return _Scope(frozenset(groups), frozenset(parents), frozenset(keep), labels)


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


@dataclass(frozen=True)
class _Place:
    """Controls that one label stands for (one place on the page)."""

    label_id: str
    controls: tuple[Control, ...]
    distance: int  # labels read between the control and this one (its own, a sub-label)


def _field_keys(spec: FieldSpec, label: str, sc: _Scope) -> tuple[set[str], set[str]]:
    want = {label_key(n, sc.keep) for n in (label, *spec.aliases)}
    parts = {text_key(p) for p in spec.parts} | {label_key(p, sc.keep) for p in spec.parts}
    return want, parts


_NEAR = (
    "own",
    "before",
    "row",
    "above",
    "shared",
)  # a label in its own right: passing it costs distance


def _hit(
    ctl: Control, want: set[str], parts: set[str], others: frozenset[str], sc: _Scope
) -> tuple[LabelRef, int, tuple[str, ...]] | None:
    """Where ``ctl``'s labels name the field: the label, how many labels a person reads
    before it (the control's own name, a sub-label; part captions and captions in the control's
    own cell are free), and the texts beyond it (group labels, containers) for scoping. None
    when another field's label stands nearer."""
    distance = 0
    for k, ref in enumerate(ctl.labels):
        if ref.how == "shared" and not parts:
            continue  # another control's own label: only a field of parts reads it further
        key = label_key(ref.text, sc.keep)
        if key in want:
            beyond = tuple(r.text for r in ctl.labels[k + 1 :] if r.how in ("group", "container"))
            return ref, distance, beyond
        if (
            not key
            or key in parts
            or any(key.endswith(p) and len(key) <= len(p) + 12 for p in parts)
        ):
            continue  # a part caption (姓, または 事業所コード)
        if key in others and ref.how != "container":
            return None  # the label of another field of this page stands nearer
        if ref.how in _NEAR:
            distance += 1
    return None


def _kind_fits(spec: FieldSpec, c: Control) -> bool:
    """Whether ``c`` is the kind of control the field is (a text field never takes a box)."""
    kind = spec.control
    if kind in ("text", "textarea", "split_text"):
        return c.is_text
    if kind in ("select", "date3"):
        return c.is_select
    return c.type == kind  # radio, checkbox


def _places_for(model: PageReading, sc: _Scope, spec: FieldSpec, label: str) -> list[_Place]:
    """Every place labelled ``label`` in the field's scope, nearest reading first."""
    want, parts = _field_keys(spec, label, sc)
    others = sc.labels - want
    places: dict[str, list[tuple[Control, int]]] = {}
    for c in model.controls:
        if not _kind_fits(spec, c):
            continue
        hit = _hit(c, want, parts, others, sc)
        if hit is None:
            continue
        ref, distance, beyond = hit
        if not _in_scope(model, sc, c.order, beyond, spec.group, spec.parent):
            continue
        places.setdefault(ref.id, []).append((c, distance))
    found: list[_Place] = []
    for pid, hits in places.items():
        best = min(d for _, d in hits)
        ctls = tuple(c for c, d in hits if d == best)
        found.append(_Place(pid, ctls, best))
    # the same controls reached through a row label and a <label for> are one place
    merged: list[_Place] = []
    for pl in sorted(found, key=lambda x: (x.distance, -len(x.controls))):
        mine = {c.index for c in pl.controls}
        if any(mine <= {c.index for c in m.controls} for m in merged):
            continue
        merged = [m for m in merged if not {c.index for c in m.controls} <= mine] + [pl]
    if len(merged) > 1:  # the nearest reading wins; a hidden copy does not compete
        near = min(m.distance for m in merged)
        merged = [m for m in merged if m.distance == near]
    if len(merged) > 1:
        shown = [m for m in merged if any(c.visible for c in m.controls)]
        if shown:
            merged = shown
    return merged


def locate_field(model: FormModel, page: PageSpec | None, spec: FieldSpec) -> Located:
    """Find ``spec``'s control(s) on a reading of the page; a ``problem`` when not exactly one.

    ``page`` gives the scope (all group and sub-group names of the page); without it only the
    field's own group and parent are known.
    """
    sc = _scope(page if page is not None else spec)
    where = spec.where()
    if spec.label is None:  # a checkbox known only by its caption
        return _locate_by_option(model, sc, spec)
    places = _places_for(model, sc, spec, spec.label)
    if not places:
        if spec.control == "split_text" and spec.parts:
            return _locate_parts_as_rows(model, sc, spec)
        return Located(spec.id, problem=f"no control labelled {where!r} found")
    if len(places) > 1:
        return Located(spec.id, problem=f"{len(places)} places labelled {where!r}: ambiguous")
    return _pick(spec, list(places[0].controls))


def _beyond(c: Control) -> tuple[str, ...]:
    return tuple(r.text for r in c.labels if r.how in ("group", "container"))


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
        chosen = assign_parts(texts, spec.parts)
        if chosen is None:
            parts = "/".join(spec.parts)
            return Located(
                spec.id,
                problem=f"{where!r}: cannot tell the parts {parts} apart among {len(texts)} boxes",
            )
        return Located(spec.id, tuple(chosen))
    if kind == "date3":
        sels = [c for c in ctls if c.is_select]
        chosen = assign_parts(sels, spec.parts) if spec.parts else None
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
        if c.type == "checkbox"
        and _in_scope(model, sc, c.order, _beyond(c), spec.group, spec.parent)
    ]
    return _exactly_one(spec, find_option(boxes, spec.option), "checkbox")


def _locate_parts_as_rows(model: FormModel, sc: _Scope, spec: FieldSpec) -> Located:
    """Parts in rows of their own under the field's name as a heading row or a spanning label
    that the reading did not tie to them: 氏名 › 姓 / 氏名 › 名."""
    assert spec.label is not None
    want = label_key(spec.label, sc.keep)
    chosen: list[Control] = []
    for part in spec.parts:
        texts = []
        for c in model.controls:
            first = next((r for r in c.labels if r.how in ("own", "caption", "row", "above")), None)
            if first is None or label_key(first.text, sc.keep) != text_key(part) or not c.is_text:
                continue
            named = {label_key(t, sc.keep) for t in _beyond(c)}
            named |= {_last_heading(model, c.order, frozenset({want})) or ""}
            if want in named and _in_scope(model, sc, c.order, _beyond(c), spec.group, spec.parent):
                texts.append(c)
        if len(texts) != 1:
            return Located(spec.id, problem=f"no control labelled {spec.where()!r} found")
        chosen.append(texts[0])
    return Located(spec.id, tuple(chosen))


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
    if any(b.visible for b in hits):  # one in a closed menu counts only when none shows
        hits = [b for b in hits if b.visible]
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
