"""Which operating system this is, behind one seam: the tests play Windows by replacing
:func:`platform` (every Windows-only branch asks :func:`is_windows`)."""

from __future__ import annotations

import sys


def platform() -> str:
    """``sys.platform``: ``win32``, ``linux``, ``darwin``."""
    return sys.platform


def is_windows() -> bool:
    return platform().startswith("win")
