"""The run report: what was seen, filled and pressed, as JSON for ``--report``.

Secrets never enter it: field values the catalogue marks ``sensitive`` are masked before they
are recorded, and the login values from the environment are never passed here at all.

Example::

    >>> r = Report(started="2027-01-01T09:00:00+09:00")
    >>> r.finish(Outcome.COMPLETED)
    >>> r.to_dict()["exit_code"]
    0
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import INTERRUPTED, NssAutofillError, Outcome
from ..i18n import Lang
from .private import make_private

MASK = "********"


@dataclass
class FieldEntry:
    field: str
    label: str
    value: str
    status: str
    detail: str = ""


@dataclass
class StepEntry:
    """A helper step of a page: a press (反映, 設定) or a row check."""

    kind: str
    caption: str
    ok: bool
    detail: str = ""
    row: int | None = None


@dataclass
class PageEntry:
    page_id: str | None
    url: str
    recognised: bool
    reason: str = ""
    held: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    validation_errors: list[str] = field(default_factory=list)
    fields: list[FieldEntry] = field(default_factory=list)
    steps: list[StepEntry] = field(default_factory=list)
    action: str = ""
    # On a 申込内容確認 page: profile values NSS does not show back.
    confirmation: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def of(cls, rec: Any, url: str) -> PageEntry:
        """The entry of a page as recognition saw it (a ``recognition.Recognition``)."""
        spec = rec.page
        entry = cls(
            page_id=spec.id if spec else None,
            url=url,
            recognised=spec is not None,
            reason=rec.reason,
            candidates=[
                {"page_id": c.page_id, "held": list(c.held), "failed": list(c.failed)}
                for c in rec.candidates
            ],
            validation_errors=list(rec.validation_errors),
        )
        mine = next((c for c in rec.candidates if spec and c.page_id == spec.id), None)
        if mine is not None:
            entry.held, entry.failed = list(mine.held), list(mine.failed)
        return entry


@dataclass
class GuardEntry:
    page_id: str | None
    caption: str
    pressed_by: str  # "human" | "simulated-operator" | "nobody" | "blocked"
    detail: str = ""


@dataclass
class Report:
    started: str
    outcome: str = "running"
    exit_code: int | None = None
    finished: str | None = None
    dry_run: bool = False
    phase: int | None = None
    message: str = ""
    pages: list[PageEntry] = field(default_factory=list)
    guarded: list[GuardEntry] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    mock_posts: list[dict[str, Any]] = field(default_factory=list)

    def finish(self, outcome: Outcome, message: str = "") -> None:
        self.outcome, self.exit_code, self.message = outcome.value, int(outcome.exit_code), message

    def add_guard(self, records: Iterable[Any], blocked: Iterable[Any]) -> None:
        """The guard's refusals (``PressRecord``) and what it blocked (``BlockedAttempt``)."""
        for rec in records:
            if rec.outcome == "refused":
                self.guarded.append(
                    GuardEntry(rec.page_id, rec.caption, "nobody", f"refused: {rec.reason}")
                )
        for b in blocked:
            where = "a request" if b.kind == "request" else f"in the page: {b.kind}"
            detail = f"blocked {where}: {b.detail}".rstrip(": ")
            if b.kind == "request":
                detail += f" ({b.url[:200]})"
            self.guarded.append(GuardEntry(None, b.caption, "blocked", detail))

    def end_with(self, exc: BaseException, lang: Lang) -> None:
        """Record why the run ended by ``exc``, unless an outcome is recorded already.

        Ctrl-C is "interrupted" (exit 5); a tool error keeps its outcome and exit code (the
        site cannot be reached: 6; the browser does not start: 2); anything else is internal.
        """
        if self.exit_code is not None:
            return
        if isinstance(exc, KeyboardInterrupt):
            self.finish(Outcome.INTERRUPTED, INTERRUPTED.render(lang))
        elif isinstance(exc, NssAutofillError):
            self.finish(exc.outcome, exc.render(lang))
            self.exit_code = int(exc.exit_code)  # the error's own code (a subclass may differ)
        else:
            first = (str(exc).splitlines() or [""])[0][:200]
            self.finish(Outcome.INTERNAL_ERROR, f"{type(exc).__name__}: {first}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def write(self, path: Path) -> None:
        """Write the JSON, readable by the owner only (it holds applicant data)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        make_private(tmp)  # before any data is written (Windows: a DACL; POSIX: 0600 again)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.to_dict(), fh, ensure_ascii=False, indent=2, default=str)
            fh.write("\n")
        os.replace(tmp, path)
