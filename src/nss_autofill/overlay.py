"""In-page guidance for the operator. It never changes a form's data."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page


def highlight(page: Page, target: Locator) -> None:
    """Outline a consent/submit control and show 「ご自身で押してください」 above the page."""
    src = resources.files("nss_autofill").joinpath("js/overlay.js").read_text("utf-8")
    target.evaluate(src)


def panel(page: Page, lines: list[str]) -> None:
    """A small fixed panel listing problems for the operator; outside every form."""
    src = resources.files("nss_autofill").joinpath("js/panel.js").read_text("utf-8")
    page.evaluate(src, lines)
