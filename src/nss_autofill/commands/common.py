"""What the commands share: their parser's frame, the settings, loading a profile and saying
what is wrong with it.

Each command prints data to stdout and messages to stderr and returns the exit code; bad input
never raises past it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..errors import ExitCode, exit_codes_text
from ..i18n import Lang, Msg
from .options import add_settings

if TYPE_CHECKING:
    from ..profile import Profile, ProfileError
    from ..settings import Settings

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = Any

_HEADER = Msg("{path}: {n} 件の問題があります", "{path}: {n} problem(s)")


def new_parser(
    subparsers: Subparsers,
    name: str,
    description: str,
    *,
    settings: tuple[str, ...] = (),
    **kwargs: Any,
) -> argparse.ArgumentParser:
    """A command's parser: its description, the exit codes, ``--lang`` and ``settings``."""
    parser = subparsers.add_parser(
        name,
        description=description,
        epilog=exit_codes_text(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **kwargs,
    )
    add_settings(parser, *settings)
    add_settings(parser, "lang")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    return parser


def settings_of(ns: argparse.Namespace) -> Settings:
    """The settings ``cli.main`` loaded for this command (flags, environment, ``.env``)."""
    return cast("Settings", ns.settings)


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
