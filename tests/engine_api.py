"""The one place the variant tests call nss-autofill's reading engine.

The engine's modules are being reorganised; when their import paths move, only this file
changes. Everything here uses the engine's public functions as their docstrings describe
them: recognise the page shown, plan and fill a page from a profile, and the guard as the
single click point (installed on the browser context before any page loads).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Locator, Page

from nss_autofill.engine.filling import FillMemory, fill_page
from nss_autofill.engine.guard import Guard
from nss_autofill.engine.planning import build_context, plan_page
from nss_autofill.engine.recognition import read_facts, recognise
from nss_autofill.profile import load_profile
from nss_autofill.site.catalogue import load_catalogue


@dataclass(frozen=True)
class Recognised:
    """The page id the engine takes the page for (None: not recognised) and why."""

    page_id: str | None
    reason: str
    candidates: str  # each candidate page with the signals that failed, for messages


@dataclass(frozen=True)
class Filled:
    """One field (or helper step) the engine reports after filling a page."""

    field_id: str
    status: str
    detail: str


class Engine:
    """The catalogue, the guard and the calls the tests make."""

    def __init__(self) -> None:
        self.catalogue = load_catalogue()
        self.guard = Guard(self.catalogue)

    def install(self, context: BrowserContext) -> None:
        """The browser-side guard on ``context``: call before opening its pages."""
        self.guard.install(context)

    def recognise(self, page: Page) -> Recognised:
        facts = read_facts(page, self.catalogue)
        rec = recognise(self.catalogue, facts)
        cands = "; ".join(
            f"{c.page_id}: failed {list(c.failed)}" for c in rec.candidates if c.failed
        )
        return Recognised(rec.page.id if rec.page is not None else None, rec.reason, cands)

    def fill(
        self, page: Page, page_id: str, context: dict[str, Any], *, timeout_ms: float = 1000
    ) -> list[Filled]:
        """Fill ``page`` as the catalogue's ``page_id`` from the profile ``context``."""
        spec = self.catalogue.page(page_id)
        plan = plan_page(spec, context)

        def press(target: Locator | str, caption: str) -> None:
            self.guard.press(page, target, caption, spec)

        done = fill_page(page, spec, plan, FillMemory(), press, timeout_ms=timeout_ms)
        fields = [Filled(r.field_id, r.status.value, r.detail) for r in done.fields]
        steps = [Filled(f"{s.kind}:{s.caption}", "filled" if s.ok else "error", s.detail)
                 for s in done.steps]  # fmt: skip
        return fields + steps


def profile_context(path: Path, today: dt.date | None = None) -> dict[str, Any]:
    """The fill context of the profile at ``path``."""
    profile = load_profile(path, today=today)
    return build_context(profile.model_dump(mode="python"))
