"""The engine's vocabulary: what a field is planned to get, and what became of it.

One enum for both: planning gives ``FILL``, ``SKIPPED`` or ``MANUAL``; filling turns ``FILL``
into ``FILLED``, ``UNCHANGED``, ``KEPT``, ``MISMATCH`` or ``ERROR``. Each status has the
category the overlay draws it with and says whether it stops the run from moving on.

Example::

    >>> FieldStatus.MISMATCH.problem
    True
    >>> FieldStatus.KEPT.category
    'kept'
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

Category = Literal["ok", "kept", "human", "problem", "none"]


class FieldStatus(str, Enum):
    """Planned or resulting state of one field (the value is what reports and logs show)."""

    FILL = "fill"  # planned: the tool will write it
    SKIPPED = "skipped-no-value"  # the profile gives no value (or the page needs none)
    MANUAL = "manual"  # the operator enters it (the login from the environment aside)
    FILLED = "filled"  # written and read back
    UNCHANGED = "unchanged"  # it already held the value
    KEPT = "kept-operator-value"  # the operator changed it: left as they made it
    MISMATCH = "mismatch"  # written, but the page kept something else
    ERROR = "error"  # not found, not writable, not read back

    @property
    def category(self) -> Category:
        return _CATEGORY[self]

    @property
    def problem(self) -> bool:
        """A value the tool could not place: the run does not move on past it."""
        return self in (FieldStatus.MISMATCH, FieldStatus.ERROR)

    def __str__(self) -> str:
        return self.value


_CATEGORY: dict[FieldStatus, Category] = {
    FieldStatus.FILL: "none",
    FieldStatus.SKIPPED: "none",
    FieldStatus.MANUAL: "human",
    FieldStatus.FILLED: "ok",
    FieldStatus.UNCHANGED: "ok",
    FieldStatus.KEPT: "kept",
    FieldStatus.MISMATCH: "problem",
    FieldStatus.ERROR: "problem",
}
