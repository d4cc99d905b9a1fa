"""What the profile commands share: loading a profile and saying what is wrong with it.

Each command prints data to stdout and messages to stderr and returns the exit code; bad input
never raises past it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitCode
from ..i18n import Lang, Msg

if TYPE_CHECKING:
    from ..profile import Profile, ProfileError

_HEADER = Msg("{path}: {n} 件の問題があります", "{path}: {n} problem(s)")


def err(text: str) -> None:
    """A message for the operator (stderr)."""
    print(text, file=sys.stderr)


def report_problems(exc: ProfileError, path: Path, lang: Lang) -> int:
    """Every problem of the profile at ``path``, one line each; the bad-input exit code."""
    err(_HEADER.render(lang, path=path, n=len(exc.problems)))
    for p in exc.problems:
        err(p.render(lang))
    return int(ExitCode.BAD_INPUT)


def load_or_report(path: Path, lang: Lang, today: dt.date | None) -> Profile | int:
    """The validated profile, or the exit code after its problems were printed."""
    from ..profile import ProfileError, load_profile

    try:
        return load_profile(path, today=today)
    except ProfileError as exc:
        return report_problems(exc, path, lang)
