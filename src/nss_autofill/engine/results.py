"""What filling reports, and what it remembers between visits of a page.

:class:`PageFill` holds one :class:`FieldResult` per field and one :class:`StepResult` per
helper step (a press of 「反映」/「設定」, a row check); its ``problems`` are the values the tool
could not place, which the run never moves on past. :class:`FillMemory` remembers what the tool
wrote on each control, so a value the operator changed since is theirs and kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from playwright.sync_api import Locator

from .status import FieldStatus

if TYPE_CHECKING:
    from .reading import PageReading


class Presser(Protocol):
    """The single click point (the guard): press ``target`` (a locator, or a CSS selector of the
    page's main frame such as a reading's mark) whose visible caption is given."""

    def __call__(self, target: Locator | str, caption: str, /) -> None: ...


@dataclass(frozen=True)
class FieldResult:
    """What happened to one field."""

    field_id: str
    label: str  # where a person finds it: group › parent › label
    values: tuple[str, ...]  # what the field holds now (masked when sensitive)
    status: FieldStatus
    detail: str = ""
    row: int | None = None


@dataclass(frozen=True)
class StepResult:
    """What happened to one helper step: a press (``press``) or a row check (``rows``)."""

    kind: str  # "press" | "rows"
    caption: str  # the helper's caption, or the table's columns
    ok: bool
    detail: str = ""
    row: int | None = None


@dataclass
class PageFill:
    """Every field's result and every helper step's, in the order they happened."""

    fields: list[FieldResult] = field(default_factory=list)
    steps: list[StepResult] = field(default_factory=list)
    # the page as last read after the last step (None when a step left it unread): the caller
    # finds the forward button on it without reading again
    reading: PageReading | None = field(default=None, compare=False, repr=False)

    @property
    def problems(self) -> list[str]:
        """One line per value the tool could not place (the run does not move on past them)."""
        out = [
            f"{r.label}: {r.status.value} {r.detail}".strip()
            for r in self.fields
            if r.status.problem
        ]
        out += [f"{s.caption}: {s.detail}" for s in self.steps if not s.ok]
        return out


class FillMemory:
    """What the tool wrote, per (page id, field id, part, row); survives re-shown pages."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, str, int, int], str] = {}

    def remember(self, page_id: str, field_id: str, part: int, row: int | None, value: str) -> None:
        self._values[(page_id, field_id, part, -1 if row is None else row)] = value

    def written(self, page_id: str, field_id: str, part: int, row: int | None) -> str | None:
        return self._values.get((page_id, field_id, part, -1 if row is None else row))

    def wrote(self, page_id: str, field_id: str, part: int) -> tuple[str, ...]:
        """Every value the tool wrote on this control, in any row."""
        return tuple(
            v for (p, f, k, _), v in self._values.items() if (p, f, k) == (page_id, field_id, part)
        )
