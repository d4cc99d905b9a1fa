"""Exit codes and the errors that carry them to the command boundary.

The codes are part of the interface (documented in ``--help`` and the README):

====  ==========================================================
0     the phase or the whole flow completed
1     internal error (a bug: please report it)
2     bad input: profile, flags or settings
3     stopped for a human (headless, at a consent or submit control)
4     unknown page, or the site changed
5     the operator closed the browser
====  ==========================================================
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1
    BAD_INPUT = 2
    NEEDS_HUMAN = 3
    UNKNOWN_PAGE = 4
    BROWSER_CLOSED = 5


class NssAutofillError(Exception):
    """An error the command line turns into a message and an exit code, never a traceback."""

    exit_code: ExitCode = ExitCode.INTERNAL


class BadInput(NssAutofillError):
    """The profile, a flag or a setting is wrong; the message names it."""

    exit_code = ExitCode.BAD_INPUT


class BrowserNotFound(NssAutofillError):
    """No usable browser; the message lists what was tried."""

    exit_code = ExitCode.BAD_INPUT
