"""Shared fixtures: the system browser for pytest-playwright, the mock NSS site, the guard check.

Every browser test runs against the mock site on loopback; the resolver rule makes sure no DNS
query leaves the browser. The autouse check below reads, after each test, the log every mock
appends its guarded requests to (``NSS_MOCK_GUARDED_LOG``, set here for the whole session): the
fixtures' sites, sites a test builds with ``MockSite(...)``, and the mock inside every
``--dry-run`` subprocess, whatever ``reset()`` forgot. It must be empty, except that a test
marked ``human_presses(n)`` may cause as many guarded requests as its own person's presses
(``n``) plus the presses its runs' simulated operator reported (``helpers.REPORTS``), and a
test marked ``mock_selftest(n)`` sends exactly ``n`` guarded requests itself (a test of the record,
or a control run proving that a trap really posts).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine
from hypothesis import settings as hypothesis_settings

from nss_autofill.mock.record import GUARDED_LOG_ENV
from nss_autofill.mock.server import MockSite
from nss_autofill.run.browser import LOOPBACK_ONLY_ARG, context_options, find_executable

from . import clock, helpers

# Properties find their cases afresh each run; a case worth keeping is pinned with @example,
# never left in a developer's local example database.
hypothesis_settings.register_profile("suite", database=None)
# `make mutation` runs the properties on fewer examples (each mutant runs them again)
hypothesis_settings.register_profile("mutation", database=None, max_examples=25)
hypothesis_settings.load_profile(os.environ.get("NSS_TEST_HYPOTHESIS_PROFILE", "suite"))

_CLOCK = pytest.StashKey[time_machine.travel]()
_LOG = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    """The suite's clock (tests/clock.py), before any test module is imported, and the
    guarded-request log every mock of this session appends to (subprocesses inherit it)."""
    config.stash[_CLOCK] = clock.start()
    fd, name = tempfile.mkstemp(prefix="nss-mock-guarded-", suffix=".jsonl")
    os.close(fd)
    config.stash[_LOG] = Path(name)
    os.environ[GUARDED_LOG_ENV] = name


def pytest_unconfigure(config: pytest.Config) -> None:
    travel = config.stash.get(_CLOCK, None)
    if travel is not None:
        travel.stop()
    log = config.stash.get(_LOG, None)
    if log is not None:
        log.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    exe = find_executable()
    args = [*browser_type_launch_args.get("args", []), LOOPBACK_ONLY_ARG]
    out = {**browser_type_launch_args, "args": args}
    if exe is not None:
        out["executable_path"] = str(exe)
    return out


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, **context_options(headless=True), "service_workers": "block"}


@pytest.fixture
def mock_site() -> Iterator[MockSite]:
    """A fresh mock NSS site on a free loopback port, stopped after the test."""
    site = MockSite().start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture(params=("classic", "modern"))
def site_style(request: pytest.FixtureRequest) -> str:
    """Each markup style of the mock site in turn (old-NSS tables, then modern labelled divs)."""
    return str(request.param)


@pytest.fixture
def any_mock_site(site_style: str) -> Iterator[MockSite]:
    """Like ``mock_site``, once per markup style: tests that opt in run on every style."""
    site = MockSite(site_style).start()
    try:
        yield site
    finally:
        site.stop()


def _count(marker: pytest.Mark | None) -> int:
    if marker is None:
        return 0
    (n,) = marker.args or (0,)
    assert isinstance(n, int) and n >= 0, marker
    return n


# How far the log and helpers.REPORTS have been checked: each test's check covers everything
# since the previous one, so what a module- or session-scoped fixture's set-up caused counts
# against the first test that needed it (and the session's end checks what is left).
_CHECKED = {"log": 0, "reports": 0}


def _check(log: Path, node: pytest.Item | None) -> None:
    with log.open(encoding="utf-8") as fh:
        fh.seek(_CHECKED["log"])
        guarded = [json.loads(line) for line in fh if line.strip()]
        _CHECKED["log"] = fh.tell()
    reports = helpers.REPORTS[_CHECKED["reports"] :]
    _CHECKED["reports"] = len(helpers.REPORTS)
    selftest = node.get_closest_marker("mock_selftest") if node else None
    if selftest is not None:
        n = _count(selftest)
        assert len(guarded) == n, f"the test sent {n} guarded requests, the mocks logged {guarded}"
        return
    human = node.get_closest_marker("human_presses") if node else None
    allowed = 0
    if human is not None:
        allowed = _count(human) + sum(helpers.simulated_presses(r) for r in reports)
    assert len(guarded) <= allowed, (
        f"{len(guarded)} guarded requests reached a mock, {allowed} pressed by a person or the "
        f"simulated operator: {guarded}"
    )


@pytest.fixture(autouse=True)
def _no_guarded_requests(request: pytest.FixtureRequest) -> Iterator[None]:
    """Across every test and every mock: no consent/final request beyond what the test's own
    person or its runs' simulated operator pressed (see the module's docstring)."""
    yield
    _check(request.config.stash[_LOG], request.node)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """What a fixture torn down after the last test caused: no exemption."""
    log = session.config.stash.get(_LOG, None)
    if log is not None and log.exists() and log.stat().st_size > _CHECKED["log"]:
        with log.open(encoding="utf-8") as fh:
            fh.seek(_CHECKED["log"])
            left = fh.read()
        print(f"\nguarded requests after the last test's check: {left}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
