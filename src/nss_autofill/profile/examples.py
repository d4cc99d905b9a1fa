"""The example profile shipped in the wheel, with a start date that is always ahead.

``profiles/example.yaml`` is the one source (the tests and screenshots use it as it is); the
wheel carries it as ``nss_autofill/_profiles/example.yaml`` so that ``nss-autofill init
--example`` works right after installing. Its fixed start date would be in the past one day,
so the copy written gets one computed from today (:func:`deadlines.example_start_date`).

Example::

    >>> "start_date: 2027-04-05" in example_text(dt.date(2027, 1, 4))
    True
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .deadlines import EXAMPLE_LEAD_MONTHS, example_start_date

_START_DATE = re.compile(r"(?m)^(?P<indent>[ \t]*)start_date:[ \t]*\S+.*$")


def example_source() -> Traversable:
    """``nss_autofill/_profiles/example.yaml`` in a wheel, else the checkout's ``profiles/``."""
    packaged = resources.files("nss_autofill") / "_profiles" / "example.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "profiles" / "example.yaml"


def example_text(today: dt.date) -> str:
    """The example profile with its start date moved to the first business day 3 months on."""
    text = example_source().read_text("utf-8")
    start = example_start_date(today)
    note = f"# {EXAMPLE_LEAD_MONTHS} months after {today.isoformat()} (init --example)"
    text, n = _START_DATE.subn(
        lambda m: f"{m['indent']}start_date: {start.isoformat()}  {note}", text, count=1
    )
    if n != 1:
        raise RuntimeError("the example profile has no start_date line")
    return text
