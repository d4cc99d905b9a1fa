"""Imported at start-up by every Python subprocess of the test suite (tests/clock.py puts this
folder on PYTHONPATH): the subprocess runs on the suite's clock, not the machine's."""

import datetime as _dt
import os as _os

_now = _os.environ.get("NSS_TEST_NOW")
if _now:
    import time_machine as _tm

    _tm.travel(_dt.datetime.fromisoformat(_now), tick=True).start()
