"""Where the mock site's page templates live (wheel or source checkout)."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable


def fixtures_dir() -> Traversable:
    """The ``fixtures/`` tree: ``nss_autofill/_fixtures`` in a wheel, else the repo's one."""
    packaged = resources.files("nss_autofill") / "_fixtures"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "fixtures"
