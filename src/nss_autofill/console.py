"""The operator's console: output that survives the console's encoding.

Example::

    >>> setup_streams()
"""

from __future__ import annotations

import sys
from collections.abc import Callable


def setup_streams() -> None:
    """Make stdout and stderr never fail on a character the console cannot show."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a Windows console may not be UTF-8
            reconfigure(errors="replace")
