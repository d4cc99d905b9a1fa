"""How the page loop ends, or looks at the page again.

:class:`Stop` ends the run with an :class:`~nss_autofill.errors.Outcome` (which carries its
exit code); :class:`Changed` says the document changed under the tool, so the loop reads the
page again instead of acting on one that is gone.
"""

from __future__ import annotations

from ..errors import Outcome


class Changed(Exception):
    """The document changed under the tool (a page script or the operator navigated)."""


class Stop(Exception):
    """Ends the loop with an outcome (and so an exit code) and a message for the report."""

    def __init__(self, outcome: Outcome, message: str = "") -> None:
        super().__init__(outcome.value)
        self.outcome, self.message = outcome, message
