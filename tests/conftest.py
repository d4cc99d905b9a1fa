"""Shared fixtures: the system browser for pytest-playwright, the mock NSS site, the guard check.

Every browser test runs against the mock site on loopback; the resolver rule makes sure no DNS
query leaves the browser, and the autouse check below asserts, after each test, that the mock
received no consent or final-submit POST unless the test pressed it itself as the human.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from hypothesis import settings as hypothesis_settings

from nss_autofill.mock.server import MockSite
from nss_autofill.run.browser import LOOPBACK_ONLY_ARG, context_options, find_executable

from . import clock

# Properties find their cases afresh each run; a case worth keeping is pinned with @example,
# never left in a developer's local example database.
hypothesis_settings.register_profile("suite", database=None)
hypothesis_settings.load_profile("suite")

_SITES: list[MockSite] = []
_CLOCK = pytest.StashKey[time_machine.travel]()


def pytest_configure(config: pytest.Config) -> None:
    """The suite's clock (tests/clock.py), before any test module is imported."""
    config.stash[_CLOCK] = clock.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    travel = config.stash.get(_CLOCK, None)
    if travel is not None:
        travel.stop()


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
    _SITES.append(site)
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
    _SITES.append(site)
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture(autouse=True)
def _no_guarded_posts(request: pytest.FixtureRequest) -> Iterator[None]:
    """Across every test: zero consent/final POSTs unless the test is marked ``human_presses``."""
    start = len(_SITES)
    yield
    if request.node.get_closest_marker("human_presses"):
        return
    for site in _SITES[start:]:
        guarded = site.guarded_posts()
        assert not guarded, f"guarded POSTs reached the mock: {guarded}"
