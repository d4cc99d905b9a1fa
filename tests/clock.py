"""The suite's clock: every test sees the same moment in Japan, whatever the machine's clock says.

Profiles carry real dates (``start_date: 2027-04-01``) and the profile rules refuse a start date
in the past, the mock's year list starts at this year, ``check`` counts business days from today.
So the suite pins "now" to :data:`SUITE_NOW` (the clock still ticks from there):

* in the test process, from ``pytest_configure`` on (before any test module is imported: some
  load a profile at import time), with ``time-machine``;
* in every Python subprocess the tests start (the real command line, ``--dry-run`` runs with their
  own mock), through ``clock_shim/sitecustomize.py`` put on ``PYTHONPATH`` with the moment in
  :data:`ENV`.

``tests/test_clock.py`` runs the date-dependent tests with the machine's clock two years ahead
(``faketime``) to prove that nothing reads the real date.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import time_machine

SUITE_NOW = "2026-12-01T10:00:00+09:00"
SUITE_TODAY = dt.date(2026, 12, 1)  # SUITE_NOW's date in Japan
ENV = "NSS_TEST_NOW"
SHIM_DIR = Path(__file__).resolve().parent / "clock_shim"


def start() -> time_machine.travel:
    """Pin this process and its Python subprocesses to :data:`SUITE_NOW`."""
    os.environ[ENV] = SUITE_NOW
    path = [str(SHIM_DIR), *(p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p)]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(path))
    travel = time_machine.travel(dt.datetime.fromisoformat(SUITE_NOW), tick=True)
    travel.start()
    return travel
