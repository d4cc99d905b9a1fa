"""The markup style base: a style's pages (paths, charsets) and its posted-name mapping.

``styles.py`` builds the fixed styles (classic, modern) from it and ``variants/site.py`` the
seeded one; both import it from here, so neither needs the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .flow import PageDef
from .state import SUBMIT_HIDDEN, Fields


@dataclass(frozen=True)
class Style:
    """One markup style: its pages (paths and charsets) and its posted-name mapping."""

    name: str
    pages: tuple[PageDef, ...]
    names: dict[str, str]  # flow name (e.g. txtKgyMei) -> this style's input name
    actions: dict[str, str]  # value of the style's submit ``action`` -> the button's caption
    action_field: str | None = None  # the submit buttons' shared name (None: classic btn*)
    by_id: dict[str, PageDef] = field(init=False, repr=False, compare=False)
    by_path: dict[str, PageDef] = field(init=False, repr=False, compare=False)
    _flow_name: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {p.id: p for p in self.pages})
        object.__setattr__(self, "by_path", {p.path: p for p in self.pages})
        object.__setattr__(self, "_flow_name", {v: k for k, v in self.names.items()})

    def page(self, page_id: str) -> PageDef:
        return self.by_id[page_id]

    def page_at(self, path: str) -> PageDef | None:
        return self.by_path.get(path)

    def path(self, page_id: str) -> str:
        return self.page(page_id).path

    def name_of(self, flow_name: str, page_id: str | None = None) -> str:
        """This style's input name for the flow's ``flow_name`` (on ``page_id``)."""
        return self.names.get(flow_name, flow_name)

    def canonical(self, fields: Fields, page_id: str | None = None) -> Fields:
        """Posted fields renamed to the flow's names; the action button becomes ``hdnBtnNm``.

        ``page_id`` is the page the form was on (styles whose names differ per page need it).
        """
        out: Fields = {}
        for key, vals in fields.items():
            if self.action_field is not None and key == self.action_field:
                out[SUBMIT_HIDDEN] = [self.actions.get(v, v) for v in vals]
                continue
            out.setdefault(self._flow_name.get(key, key), []).extend(vals)
        return out
