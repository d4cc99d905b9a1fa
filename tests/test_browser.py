"""Starting the browser: one place does it, in the order and with the fallbacks documented."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.nobrowser
def test_one_function_starts_playwright_and_the_browser() -> None:
    """Every entry point (run, doctor, recognize, record, benchmarks, screenshots) goes through
    run/browser.py; only the tests' pytest-playwright fixtures start browsers of their own."""
    starts = re.compile(r"sync_playwright\(|\.chromium\.launch\(|\.launch\(\s*headless")
    offenders = []
    for folder in ("src", "benchmarks", "scripts"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "browser.py" and path.parent.name == "run":
                continue
            if starts.search(path.read_text("utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


# ---------------------------------------------------------------- the order, simulated on Windows


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    """This process plays a Windows PC: sys.platform win32, Edge under Program Files (x86),
    Chrome installed per user under LOCALAPPDATA."""
    from nss_autofill import osinfo

    monkeypatch.setattr(osinfo, "platform", lambda: "win32")
    roots = {name: tmp_path / name for name in ("pf", "pf86", "local")}
    edge = roots["pf86"] / "Microsoft" / "Edge" / "Application" / "msedge.exe"
    chrome = roots["local"] / "Google" / "Chrome" / "Application" / "chrome.exe"
    for exe in (edge, chrome):
        exe.parent.mkdir(parents=True)
        exe.write_bytes(b"MZ")
    monkeypatch.setenv("PROGRAMFILES", str(roots["pf"]))
    monkeypatch.setenv("PROGRAMFILES(X86)", str(roots["pf86"]))
    monkeypatch.setenv("LOCALAPPDATA", str(roots["local"]))
    return {"msedge": edge, "chrome": chrome}


class _Chromium:
    """A stand-in for ``playwright.chromium``: which launches fail, and what was asked."""

    def __init__(self, failing: set[str]) -> None:
        self.failing = failing
        self.calls: list[dict[str, object]] = []

    @property
    def executable_path(self) -> str:
        raise RuntimeError("no Playwright browser installed")  # as Playwright does

    def launch(self, **kwargs: object) -> str:
        from playwright.sync_api import Error

        self.calls.append(kwargs)
        key = str(kwargs.get("channel") or kwargs.get("executable_path"))
        if key in self.failing:
            raise Error(f"BrowserType.launch: Timeout {kwargs['timeout']}ms exceeded.\nlog …")
        return f"browser:{key}"


class _Playwright:
    def __init__(self, failing: set[str]) -> None:
        self.chromium = _Chromium(failing)


@pytest.mark.nobrowser
def test_auto_on_windows_tries_edge_then_chrome_then_chromium(windows: dict[str, Path]) -> None:
    from nss_autofill.run.browser import candidates, has_display

    found = candidates("auto", _Playwright(set()))  # type: ignore[arg-type]
    assert [c.describe() for c in found][:2] == [
        f"Microsoft Edge ({windows['msedge']})",
        f"Google Chrome ({windows['chrome']})",
    ]
    assert [c.channel for c in candidates("chrome")] == ["chrome"]
    assert has_display()


@pytest.mark.nobrowser
def test_a_browser_that_does_not_start_gives_way_to_the_next(windows: dict[str, Path]) -> None:
    from nss_autofill.run.browser import start_browser

    pw = _Playwright({"msedge"})
    browser, choice = start_browser(
        pw, "auto", headless=False, loopback_only=False, timeout_ms=5000
    )  # type: ignore[arg-type]
    assert (browser, choice.channel) == ("browser:chrome", "chrome")
    assert [call.get("channel") for call in pw.chromium.calls] == ["msedge", "chrome"]
    for call in pw.chromium.calls:  # a short time-out; Ctrl-C is the tool's, not the driver's
        assert call["timeout"] == 5000 and call["handle_sigint"] is False


@pytest.mark.nobrowser
def test_none_starting_is_bad_input_naming_each_browser_and_the_policy(
    windows: dict[str, Path],
) -> None:
    from nss_autofill.errors import BrowserNotFound, ExitCode
    from nss_autofill.run.browser import find_executable, start_browser

    system = str(find_executable())
    pw = _Playwright({"msedge", "chrome", system})
    with pytest.raises(BrowserNotFound) as error:
        start_browser(pw, "auto", headless=False, loopback_only=False, timeout_ms=3000)  # type: ignore[arg-type]
    assert error.value.exit_code == ExitCode.BAD_INPUT
    text = error.value.render("ja")
    assert text.startswith("ブラウザを起動できません。試したもの:\n")
    assert f"  - Microsoft Edge ({windows['msedge']}): BrowserType.launch: Timeout 3000ms" in text
    assert f"  - Google Chrome ({windows['chrome']}): " in text
    assert "ポリシー" in text and "--browser" in text
    assert "policy" in error.value.render("en")


@pytest.mark.nobrowser
def test_forcing_a_browser_that_is_not_installed_names_where_it_looked(
    windows: dict[str, Path],
) -> None:
    from nss_autofill.errors import BrowserNotFound
    from nss_autofill.run.browser import candidates

    windows["msedge"].unlink()
    with pytest.raises(BrowserNotFound) as error:
        candidates("msedge")
    assert "Microsoft Edge" in error.value.render("en")


# ---------------------------------------------------------------- through the run


def _hanging_browser(tmp_path: Path) -> Path:
    """An 'executable' that never answers, as Edge blocked by a company policy does."""
    exe = tmp_path / "blocked-browser"
    exe.write_text("#!/bin/sh\nsleep 60\n")
    exe.chmod(0o755)
    return exe


def test_a_browser_that_hangs_is_exit_2_within_the_launch_time_out(tmp_path: Path) -> None:
    from .helpers import PROFILES, clean_env, run_cli

    exe = _hanging_browser(tmp_path)
    env = clean_env(NSS_AUTOFILL_LANG="en", NSS_AUTOFILL_ARTIFACTS=str(tmp_path / "run"))
    started = time.monotonic()
    res = run_cli(
        str(PROFILES / "example.yaml"),
        "--dry-run",
        "--headless",
        "--browser",
        str(exe),
        "--launch-timeout-ms",
        "2000",
        tmp_path=tmp_path,
        env=env,
    )
    assert time.monotonic() - started < 30
    assert res.code == 2, res.stderr
    assert f"the browser does not start. Tried:\n  - --browser {exe}: " in res.stderr
    assert "Timeout 2000ms exceeded" in res.stderr
    assert "Company policy" in res.stderr and "internal error" not in res.stderr
    assert res.report is not None
    assert (res.report["outcome"], res.report["exit_code"]) == ("browser-start-failed", 2)
