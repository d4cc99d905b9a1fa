"""The date time bomb stays defused: the date-dependent tests pass with the machine's clock two
years ahead, because the suite runs on its own clock (tests/clock.py)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nss_autofill.profile import japan_today

from . import clock

ROOT = Path(__file__).resolve().parent.parent
AHEAD = "2029-01-01 00:00:00"  # faketime reads the machine's zone (UTC here): 09:00 in Japan
# Every pure test (collecting them imports every test module, some of which load a profile at
# import), plus a whole dry run: the mock's year list and the profile's dates meet there.
DATE_DEPENDENT = [
    "-m",
    "nobrowser or date_dependent",
    "tests",
    "--ignore=tests/test_clock.py",
]


def test_the_test_process_runs_on_the_suite_clock() -> None:
    assert japan_today() == clock.SUITE_TODAY
    assert os.environ[clock.ENV] == clock.SUITE_NOW


def test_python_subprocesses_run_on_the_suite_clock() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from nss_autofill.profile import japan_today; print(japan_today())",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == clock.SUITE_TODAY.isoformat()


def _faketime() -> str:
    exe = shutil.which("faketime")
    assert exe, "faketime is missing: scripts/setup-system.sh installs it (Debian package faketime)"
    return exe


@pytest.mark.timeout(600)
def test_date_dependent_tests_pass_two_years_ahead() -> None:
    env = {k: v for k, v in os.environ.items() if k not in (clock.ENV, "PYTEST_ADDOPTS")}
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(clock.SHIM_DIR)
    )
    ahead = [_faketime(), AHEAD]
    probe = subprocess.run(
        [*ahead, sys.executable, "-c", "import datetime; print(datetime.date.today())"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert dt.date.fromisoformat(probe.stdout.strip()).year == 2029, "faketime had no effect"
    cmd = [*ahead, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *DATE_DEPENDENT]
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    tail = "\n".join((res.stdout + res.stderr).splitlines()[-30:])
    assert res.returncode == 0, f"with the machine's clock at {AHEAD} UTC:\n{tail}"
    assert " passed" in tail and "deselected" in tail, tail
