"""Japanese business days (``profile/deadlines.py``) across Golden Week and the year end.

The expected dates are written down from the calendar (weekdays, and the national holidays:
2026-05-03…06 with the 振替休日 on the 6th, 2027-04-29 and 05-03…05, 2029-01-01), not
computed. No browser.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nss_autofill.profile.deadlines import (
    EXAMPLE_LEAD_MONTHS,
    SETUP_BUSINESS_DAYS,
    VIEWING_DAYS,
    business_days_between,
    example_start_date,
    is_business_day,
    months_ahead,
    next_business_day,
    setup_deadline,
    subtract_business_days,
    viewing_deadline,
)

pytestmark = pytest.mark.nobrowser

D = dt.date


@pytest.mark.parametrize(
    ("day", "business"),
    [
        (D(2027, 4, 28), True),  # Wed
        (D(2027, 4, 29), False),  # 昭和の日, Thu
        (D(2027, 4, 30), True),  # Fri
        (D(2027, 5, 1), False),  # Sat
        (D(2027, 5, 2), False),  # Sun
        (D(2027, 5, 3), False),  # 憲法記念日, Mon
        (D(2027, 5, 4), False),  # みどりの日
        (D(2027, 5, 5), False),  # こどもの日
        (D(2027, 5, 6), True),  # Thu
        (D(2026, 5, 6), False),  # 振替休日 (憲法記念日 fell on a Sunday)
        (D(2026, 5, 7), True),
        (D(2028, 12, 29), True),  # Fri
        (D(2028, 12, 30), False),  # Sat
        (D(2029, 1, 1), False),  # 元日, Mon
        (D(2029, 1, 2), True),  # Tue (no national holiday; NSS's own closing days aside)
    ],
)
def test_is_business_day(day: dt.date, business: bool) -> None:
    assert is_business_day(day) is business


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        (D(2027, 5, 6), 1, D(2027, 4, 30)),  # over Golden Week
        (D(2027, 5, 7), 2, D(2027, 4, 30)),
        (D(2027, 5, 7), 3, D(2027, 4, 28)),  # 4/29 is a holiday too
        (D(2027, 5, 10), 4, D(2027, 4, 28)),  # Mon: 5/7, 5/6, 4/30, 4/28
        (D(2026, 5, 7), 1, D(2026, 5, 1)),  # over the 振替休日
        (D(2029, 1, 2), 1, D(2028, 12, 29)),  # over the year end
        (D(2029, 1, 4), 3, D(2028, 12, 29)),
        (D(2029, 1, 1), 1, D(2028, 12, 29)),  # from a holiday itself
        (D(2027, 5, 6), 0, D(2027, 5, 6)),
        (D(2027, 5, 5), 0, D(2027, 5, 5)),  # 0 days back: the day itself, business or not
    ],
)
def test_subtract_business_days(day: dt.date, n: int, expected: dt.date) -> None:
    assert subtract_business_days(day, n) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2027, 4, 28), D(2027, 5, 7), 3),  # 4/30, 5/6, 5/7
        (D(2027, 4, 28), D(2027, 5, 6), 2),  # the end counts
        (D(2027, 4, 30), D(2027, 5, 6), 1),  # the start does not
        (D(2027, 5, 1), D(2027, 5, 5), 0),  # all of Golden Week
        (D(2026, 4, 30), D(2026, 5, 7), 2),  # 5/1, 5/7
        (D(2028, 12, 28), D(2029, 1, 3), 3),  # 12/29, 1/2, 1/3
        (D(2029, 1, 3), D(2029, 1, 3), 0),
        (D(2029, 1, 3), D(2028, 12, 28), 0),  # end before start
    ],
)
def test_business_days_between(start: dt.date, end: dt.date, expected: int) -> None:
    assert business_days_between(start, end) == expected


def test_the_cyber_port_deadlines() -> None:
    assert (VIEWING_DAYS, SETUP_BUSINESS_DAYS, EXAMPLE_LEAD_MONTHS) == (2, 4, 3)
    assert viewing_deadline(D(2027, 4, 30)) == D(2027, 5, 2)
    # 4 business days before Thu 2027-05-06: 4/30, 4/28, 4/27, 4/26
    assert setup_deadline(D(2027, 5, 6)) == D(2027, 4, 26)
    # 4 business days before Wed 2029-01-03: 1/2, 12/29, 12/28, 12/27
    assert setup_deadline(D(2029, 1, 3)) == D(2028, 12, 27)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2027, 4, 30), D(2027, 4, 30)),
        (D(2027, 5, 1), D(2027, 5, 6)),
        (D(2027, 4, 29), D(2027, 4, 30)),
        (D(2028, 12, 30), D(2029, 1, 2)),
    ],
)
def test_next_business_day(day: dt.date, expected: dt.date) -> None:
    assert next_business_day(day) == expected


@pytest.mark.parametrize(
    ("today", "months", "expected"),
    [
        (D(2027, 1, 15), 3, D(2027, 4, 15)),
        (D(2027, 10, 5), 3, D(2028, 1, 5)),  # into the next year
        (D(2027, 12, 31), 1, D(2028, 1, 31)),
        (D(2027, 11, 30), 3, D(2028, 2, 29)),  # leap February
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2027, 1, 31), 3, D(2027, 4, 30)),
        (D(2027, 3, 31), 0, D(2027, 3, 31)),
        (D(2027, 9, 12), 12, D(2028, 9, 12)),
    ],
)
def test_months_ahead(today: dt.date, months: int, expected: dt.date) -> None:
    assert months_ahead(today, months) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2027, 1, 4), D(2027, 4, 5)),  # Sun 4/4 → Mon 4/5
        (D(2027, 2, 3), D(2027, 5, 6)),  # 5/3 is a holiday → after Golden Week
        (D(2026, 10, 1), D(2027, 1, 4)),  # Fri 1/1 元日 → Mon 1/4
        (D(2027, 1, 28), D(2027, 4, 28)),  # a business day itself
    ],
)
def test_example_start_date(today: dt.date, expected: dt.date) -> None:
    assert example_start_date(today) == expected
