"""The operator's console: output that survives its encoding, and data that stays UTF-8.

A Japanese Windows console, and any redirected output there, encodes as cp932, which has no
✓ ✗ › —. Rather than a ``?`` (a failed check would look like a passed one), each such mark is
written as the first stand-in the stream can encode: ✓ → ○ → OK, ✗ → × → NG, › → ＞ → >.
Data (``--json``) is always UTF-8 bytes, whatever the console.

Example::

    >>> "✓ ok › ✗".encode("cp932", errors=ERRORS)
    b'\\x81\\x9b ok \\x81\\x84 \\x81~'
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Callable
from typing import Any

ERRORS = "nss_autofill_marks"

#: A mark and its stand-ins, best first; the last is ASCII.
STAND_INS: dict[str, tuple[str, ...]] = {
    "✓": ("○", "OK"),
    "✔": ("○", "OK"),
    "✗": ("×", "NG"),
    "✘": ("×", "NG"),
    "›": ("＞", ">"),
    "‹": ("＜", "<"),
    "▶": ("＞", ">"),
    "→": ("->",),
    "—": ("―", "-"),
    "–": ("-",),
    "‒": ("-",),
    "‑": ("-",),
    "«": ("≪", "<<"),
    "»": ("≫", ">>"),
    "…": ("...",),
    "「": ("[",),
    "」": ("]",),
}
_UNKNOWN = ("〓", "?")  # 〓 (geta) is the Japanese printer's mark for a missing character


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _stand_in(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start : exc.end]:
        options = (*STAND_INS.get(ch, ()), *_UNKNOWN)
        out.append(next((o for o in options if _encodable(o, exc.encoding)), "?"))
    return "".join(out), exc.end


codecs.register_error(ERRORS, _stand_in)


def setup_streams() -> None:
    """Make stdout and stderr write a stand-in for any mark the console cannot show."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=ERRORS)


def write_json(data: Any) -> None:
    """``data`` as indented JSON on stdout, UTF-8 bytes whatever the console's encoding."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests that replace stdout)
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
