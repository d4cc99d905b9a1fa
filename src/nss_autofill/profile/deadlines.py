"""Japanese business days: weekends and national holidays (``jpholiday``) excluded.

Example::

    >>> subtract_business_days(dt.date(2027, 2, 1), 4)
    datetime.date(2027, 1, 26)
"""

from __future__ import annotations

import datetime as dt

import jpholiday


def is_business_day(day: dt.date) -> bool:
    """Monday–Friday and not a national holiday (振替休日 included)."""
    if day.weekday() >= 5:
        return False
    return not jpholiday.is_holiday(day)


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Business days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_business_day(day)
    return count


def subtract_business_days(day: dt.date, n: int) -> dt.date:
    """The business day ``n`` business days before ``day``."""
    while n > 0:
        day -= dt.timedelta(days=1)
        n -= is_business_day(day)
    return day


# The Cyber Port dates, defined here only (the run's checklist and `check` show them).
VIEWING_DAYS = 2  # the final mail's ID/password link works until 2 days after the start date
SETUP_BUSINESS_DAYS = 4  # システム設定 must be complete 4 business days before the start date


def viewing_deadline(start: dt.date) -> dt.date:
    """The last day the ID/password link of the final mail works."""
    return start + dt.timedelta(days=VIEWING_DAYS)


def setup_deadline(start: dt.date) -> dt.date:
    """The business day by which a システム設定 application must be complete."""
    return subtract_business_days(start, SETUP_BUSINESS_DAYS)
