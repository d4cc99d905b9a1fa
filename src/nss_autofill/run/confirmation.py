"""On a 申込内容確認 page, before the human submits: is every value the tool filled shown back?

Differences go to stderr, into the report's page entry and (headed) into an in-page panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..engine.confirm_audit import audit_text, expected_values
from ..site.catalogue import load_catalogue
from . import messages as M

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from ..site.catalogue import PageSpec
    from .messages import Progress
    from .report import PageEntry


def check_confirmation(
    page: Page,
    spec: PageSpec,
    entry: PageEntry,
    data: dict[str, Any],
    progress: Progress,
    *,
    overlay: bool,
) -> None:
    """Compare the page's text with every value the tool filled in this phase."""
    expected = expected_values(load_catalogue(), data, spec.phase)
    diffs = audit_text(page.inner_text("body"), expected)
    entry.confirmation = [
        {"page_id": d.page_id, "label": d.label, "expected": d.expected, "kind": d.kind}
        for d in diffs
    ]
    if overlay:
        from ..engine.overlay import show_confirmation

        show_confirmation(page, diffs, len(expected))
    if not diffs:
        progress.say(M.CONFIRM_OK, n=len(expected))
        return
    progress.say(M.CONFIRM_DIFF, level=0, n=len(diffs))
    for d in diffs:
        progress.say(M.CONFIRM_LINE, level=0, label=d.label, value=d.expected)
