"""The guard: the one place that clicks, and the line it never crosses.

nss-autofill never presses a consent control or 「申込内容を登録する」 on the real site, nor causes
one by any other path (a label, a retargeted click, a script, a beacon, a navigation), whatever
the settings, flags, profile or page say. Three layers hold that line, each reading what would
*commit* — the control pressed, what its click reaches, the data it sends and where — never the
prose around it:

* ``press``: :class:`Guard`, the only code that clicks, checks the control at the moment of the
  click (``rules`` classifies captions, pure);
* ``js/guard.js``: in every frame, before the page's scripts, it stops submissions no person
  asked for, also after the page's own listeners rewrote them;
* ``watch`` (with ``traffic``): while the tool acts, every request the browser sends is read
  from its bytes and aborted when it carries a consent or final caption or goes where a guarded
  control submits.

``operator``: the dry run's simulated operator, the only path around it (loopback only).

What the guard cannot know: a commit that carries no guarded caption and goes to an address no
guarded control of the page names.
"""

from ...site.origins import is_loopback as is_loopback_origin
from .operator import SimulatedOperator
from .press import CLICK_TIMEOUT_MS, HUMAN_WINDOW_MS, TOOL_MARK_MS, Guard
from .rules import (
    NEVER_SAFE,
    BlockedAttempt,
    GuardRefused,
    PageChanged,
    PressRecord,
    Rules,
    UnsafeCatalogue,
    caption_key,
    check_catalogue,
)

__all__ = [
    "CLICK_TIMEOUT_MS",
    "HUMAN_WINDOW_MS",
    "NEVER_SAFE",
    "TOOL_MARK_MS",
    "BlockedAttempt",
    "Guard",
    "GuardRefused",
    "PageChanged",
    "PressRecord",
    "Rules",
    "SimulatedOperator",
    "UnsafeCatalogue",
    "caption_key",
    "check_catalogue",
    "is_loopback_origin",
]
