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


def next_business_day(day: dt.date) -> dt.date:
    """``day`` itself when it is a business day, else the first one after it."""
    while not is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def months_ahead(today: dt.date, months: int) -> dt.date:
    """The same day ``months`` months later (the month's last day when it is shorter)."""
    month0 = today.month - 1 + months
    year, month = today.year + month0 // 12, month0 % 12 + 1
    for day in range(today.day, 27, -1):  # 31 → 30 → … until the month has it
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return dt.date(year, month, min(today.day, 28))


EXAMPLE_LEAD_MONTHS = 3  # a start date this far ahead leaves room for review and set-up


def example_start_date(today: dt.date) -> dt.date:
    """A start date for the shipped example: the first business day 3 months from ``today``.

    >>> example_start_date(dt.date(2027, 1, 4))
    datetime.date(2027, 4, 5)
    """
    return next_business_day(months_ahead(today, EXAMPLE_LEAD_MONTHS))
