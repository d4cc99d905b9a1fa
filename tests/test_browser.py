"""Starting the browser: one place does it, in the order and with the fallbacks documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.nobrowser
def test_one_function_starts_playwright_and_the_browser() -> None:
    """Every entry point (run, doctor, recognize, record, benchmarks, screenshots) goes through
    run/browser.py; only the tests' pytest-playwright fixtures start browsers of their own."""
    starts = re.compile(r"sync_playwright\(|\.chromium\.launch\(|\.launch\(\s*headless")
    offenders = []
    for folder in ("src", "benchmarks", "scripts"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "browser.py" and path.parent.name == "run":
                continue
            if starts.search(path.read_text("utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
