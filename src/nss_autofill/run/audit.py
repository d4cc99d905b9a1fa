"""The audit bundle of a run: a record of every page, a JSON-lines action log, the report.

Every page the tool leaves is kept as an HTML snapshot (``NN-page.html``: the page with the
values it held, its styles inlined, nothing in it that runs, links or submits; one page call of a
few milliseconds). Where a person must act — a consent page, 申込内容確認, a page with problems,
an unknown page — a JPEG screenshot is taken as well (``NN-page.jpg``). Everything is written
readable by the owner only. Password inputs and fields the catalogue marks ``sensitive`` are
masked in both, and so is any text equal to a secret (a login ID shown in a header); their
values never reach the log.

Example::

    >>> bundle = AuditBundle.create(Path("/tmp/run"))
    >>> bundle.log("page", page_id="terms")
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .private import make_private

# JPEG quality of the audit screenshots: Japanese form text stays sharp enough to read at 80.
SHOT_QUALITY = 80

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

    from ..site.catalogue import PageSpec
    from .moving import Sight


def runs_root() -> Path:
    """Where the runs are kept: ``runs/`` under the user's data folder (``doctor`` shows it).

    Windows: ``%LOCALAPPDATA%\\nss-autofill\\runs`` (not roaming: applicant data stays on the PC).
    """
    from platformdirs import user_data_dir

    return Path(user_data_dir("nss-autofill", appauthor=False)) / "runs"


def default_dir() -> Path:
    """A timestamped folder per run under :func:`runs_root`."""
    return runs_root() / dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _private_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


MASK = "********"
# The overlay's own element (badges, banner, panel) is left out of screenshots.
OVERLAY_HIDDEN = "#nss-autofill-overlay { display: none !important; }"


def _name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "page"


def mask_secrets(text: str, secrets: list[str]) -> str:
    """``text`` with each secret masked, as written and as HTML writes it (``&amp;`` …)."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        if not secret:
            continue
        for form in {secret, html.escape(secret, quote=False), html.escape(secret)}:
            text = text.replace(form, MASK)
    return text


@dataclass
class AuditBundle:
    directory: Path
    shots: int = 0  # records kept (snapshots and screenshots share the numbering)

    @classmethod
    def create(cls, directory: Path) -> AuditBundle:
        """The folder, readable by its owner only (files made in it inherit that on Windows)."""
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        bundle = cls(directory)
        why = make_private(directory, directory=True)
        if why:
            bundle.log("not-private", reason=why)
        return bundle

    @property
    def log_path(self) -> Path:
        return self.directory / "actions.jsonl"

    def log(self, event: str, **fields: Any) -> None:
        """Append one action; callers pass values already masked where sensitive."""
        entry = {
            "time": dt.datetime.now().astimezone().isoformat(timespec="milliseconds"),
            "event": event,
            **fields,
        }
        line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
        fd = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(line)

    def snapshot(
        self, page: Page, name: str, sensitive: list[str], secrets: list[str]
    ) -> Path | None:
        """The page as an inert HTML file: ``sensitive`` (CSS selectors) and password inputs
        masked in the page, ``secrets`` masked in the text here (they never enter the page)."""
        from ..engine import scripts

        self.shots += 1
        path = self.directory / f"{self.shots:02d}-{_name(name)}.html"
        try:
            out = scripts.call(page, "snapshot.js", {"sensitive": sensitive, "mask": MASK})
        except Exception as exc:  # a page going away: the run goes on and the log says so
            self.log("snapshot-failed", name=name, reason=str(exc).splitlines()[0][:200])
            return None
        note = f"<!-- nss-autofill audit snapshot of {html.escape(str(out['url']))} -->\n"
        text = mask_secrets(note + str(out["html"]), secrets)
        _private_file(path, text.encode("utf-8"))
        return path

    def screenshot(self, page: Page, name: str, masks: list[Locator]) -> Path | None:
        """A full-page screenshot with every password input and sensitive field masked."""
        self.shots += 1
        path = self.directory / f"{self.shots:02d}-{_name(name)}.jpg"
        mask = [page.locator("input[type=password]"), *masks]
        # A screenshot is evidence, not the job: if the browser cannot take one (a headed
        # window not painted yet, a page going away), the run goes on and the log says so.
        for full_page in (True, False):
            try:
                data = page.screenshot(
                    full_page=full_page,
                    mask=mask,
                    mask_color="#000000",
                    style=OVERLAY_HIDDEN,
                    type="jpeg",  # a third faster than PNG here, and smaller; text stays legible
                    quality=SHOT_QUALITY,
                )
            except Exception as exc:  # Playwright raises its own Error for all of these
                reason = str(exc).splitlines()[0][:200]
                continue
            _private_file(path, data)
            return path
        self.log("screenshot-failed", name=name, reason=reason)
        return None


class PageRecords:
    """What the run keeps of a page: an HTML snapshot, and a screenshot where a person must act
    (``shot``); the sensitive fields' controls (found on the run's current reading), password
    inputs and the run's secrets (``secrets()``: they change at the end of phase 1) masked."""

    def __init__(self, bundle: AuditBundle, sight: Sight, secrets: Callable[[], list[str]]) -> None:
        self.bundle, self.sight, self.secrets = bundle, sight, secrets

    def record(self, page: Page, spec: PageSpec | None, shot: bool = False) -> None:
        name = spec.id if spec else "unrecognised"
        self.bundle.snapshot(page, name, self._sensitive(page, spec), self.secrets())
        if shot:
            self.shoot(page, spec)

    def shoot(self, page: Page, spec: PageSpec | None) -> None:
        masks = [page.get_by_text(v) for v in self.secrets()]  # e.g. an ID in a header
        masks += [page.locator(sel) for sel in self._sensitive(page, spec)]
        self.bundle.screenshot(page, spec.id if spec else "unrecognised", masks)

    def _sensitive(self, page: Page, spec: PageSpec | None) -> list[str]:
        """The marks (CSS selectors) of the sensitive fields' controls on the current reading."""
        from ..engine.locating import locate_field

        fields = [f for f in spec.fields if f.sensitive] if spec else []
        if spec is None or not fields:
            return []
        reading = self.sight.of(page)
        return [c.selector for f in fields for c in locate_field(reading, spec, f).controls]
