"""Choosing, starting and opening the browser: the only module that starts one.

:func:`open_browser` is the one way in for every entry point (the run, ``doctor``,
``recognize``, ``record``, the benchmarks, the screenshot script): it starts Playwright,
launches the browser and hands out contexts with the tool's options, and closes all of it.

Order when ``--browser auto``: an installed Microsoft Edge or Google Chrome (Playwright
channels, no download), Playwright's own Chromium when ``playwright install`` worked, then a
system Chromium (``/usr/bin/chromium``, ``chromium-browser``, ``google-chrome``). A browser
that does not start within the launch time-out (Edge blocked by company policy hangs) is
skipped for the next one. ``--browser`` / ``NSS_AUTOFILL_BROWSER`` forces one: ``chromium``,
``chrome``, ``msedge`` or a path to an executable.

Example::

    >>> with open_browser("auto", headless=True, loopback_only=True) as opened:
    ...     page = opened.new_context().new_page()
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import osinfo
from ..errors import BrowserNotFound
from ..i18n import Msg

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Playwright

# Keeps every DNS lookup inside the machine while loopback keeps working (dry runs, tests).
LOOPBACK_ONLY_ARG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"
DEFAULT_LAUNCH_TIMEOUT_MS = 30_000

_SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_SYSTEM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium")

_CHANNEL_NAMES = {"msedge": "Microsoft Edge", "chrome": "Google Chrome"}
_WINDOWS_CHANNEL_PATHS = {
    "msedge": (r"Microsoft\Edge\Application\msedge.exe",),
    "chrome": (r"Google\Chrome\Application\chrome.exe",),
}
_WINDOWS_ROOTS = ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")
_MAC_CHANNEL_PATHS = {
    "msedge": ("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",),
    "chrome": ("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",),
}
_LINUX_CHANNEL_PATHS = {
    "msedge": ("/opt/microsoft/msedge/msedge",),
    "chrome": ("/opt/google/chrome/chrome",),
}

NOT_FOUND = Msg(
    "使用できるブラウザが見つかりません。探した場所: {tried}。"
    "Edge か Chrome をインストールするか、--browser にブラウザのパスを指定してください。",
    "no usable browser found. Looked for: {tried}. Install Edge or Chrome, or give the path "
    "of a browser with --browser.",
)
DID_NOT_START = Msg(
    "ブラウザを起動できません。試したもの:\n{tried}\n"
    "会社のポリシーで Edge や Chrome の自動操作（リモートデバッグ）が禁止されていると"
    "起動できません。情報システム部門にご確認いただくか、--browser で別のブラウザ"
    "（msedge、chrome、またはパス）を指定してください。起動に時間のかかる PC では "
    "NSS_AUTOFILL_LAUNCH_TIMEOUT_MS を延ばしてください。",
    "the browser does not start. Tried:\n{tried}\n"
    "Company policy that forbids automating Edge or Chrome (remote debugging) stops it from "
    "starting: ask your IT department, or choose another browser with --browser (msedge, "
    "chrome or a path). On a slow PC raise NSS_AUTOFILL_LAUNCH_TIMEOUT_MS.",
)


@dataclass(frozen=True)
class BrowserChoice:
    """What will be launched: a Playwright channel or an executable path."""

    kind: str  # "channel" | "bundled" | "executable" (a system Chromium) | "path" (given)
    channel: str | None = None
    executable: Path | None = None
    tried: tuple[str, ...] = field(default=(), compare=False)

    def describe(self) -> str:
        """``Microsoft Edge (C:\\…\\msedge.exe)``, ``system Chromium /usr/bin/chromium``, …"""
        if self.kind == "channel":
            name = _CHANNEL_NAMES.get(self.channel or "", f"channel {self.channel}")
            return f"{name} ({self.executable})" if self.executable else name
        if self.kind == "bundled":
            return f"Playwright Chromium {self.executable}"
        if self.kind == "path":
            return f"--browser {self.executable}"
        return f"system Chromium {self.executable}"

    def launch_kwargs(self) -> dict[str, Any]:
        if self.kind == "channel":
            return {"channel": self.channel}
        return {"executable_path": str(self.executable)}


def _channel_installed(channel: str) -> Path | None:
    if osinfo.is_windows():
        roots = [os.environ.get(v, "") for v in _WINDOWS_ROOTS]
        for root in filter(None, roots):
            for rel in _WINDOWS_CHANNEL_PATHS[channel]:
                # split, so that a simulated Windows layout resolves on any OS too
                candidate = Path(root) / Path(*rel.split("\\"))
                if candidate.is_file():
                    return candidate
        return None
    table = _MAC_CHANNEL_PATHS if osinfo.platform() == "darwin" else _LINUX_CHANNEL_PATHS
    return next((Path(p) for p in table[channel] if Path(p).is_file()), None)


def _bundled_chromium(pw: Playwright | None) -> Path | None:
    """Playwright's own Chromium, if ``playwright install chromium`` ever succeeded."""
    if pw is None:
        return None
    try:
        path = Path(pw.chromium.executable_path)
    except Exception:  # Playwright raises when its browser registry has no entry
        return None
    return path if path.is_file() else None


def find_executable() -> Path | None:
    """A system Chromium on this machine, or ``None`` (used by the tests and ``doctor``)."""
    for name in _SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((Path(p) for p in _SYSTEM_PATHS if Path(p).is_file()), None)


def candidates(preference: str = "auto", pw: Playwright | None = None) -> list[BrowserChoice]:
    """Every installed browser ``preference`` allows, in the order they are tried.

    ``pw`` (a started Playwright) lets Playwright's own Chromium be found; without it that
    step is skipped.

    Raises:
        BrowserNotFound: nothing usable; the message lists every place that was looked at.
    """
    tried: list[str] = []
    found: list[BrowserChoice] = []
    pref = preference.strip() or "auto"
    if pref not in ("auto", "chromium", "chrome", "msedge"):
        given = Path(pref).expanduser()
        if given.is_file():
            return [BrowserChoice("path", executable=given, tried=(str(given),))]
        raise BrowserNotFound(NOT_FOUND.format(tried=str(given)))
    channels = ("msedge", "chrome") if pref == "auto" else (pref,) if pref != "chromium" else ()
    for channel in channels:
        tried.append(_CHANNEL_NAMES[channel])
        path = _channel_installed(channel)
        if path is not None:
            found.append(BrowserChoice("channel", channel, path, tried=tuple(tried)))
    if pref in ("auto", "chromium"):
        tried.append("Playwright Chromium")
        bundled = _bundled_chromium(pw)
        if bundled is not None:
            found.append(BrowserChoice("bundled", executable=bundled, tried=tuple(tried)))
        tried.extend([*_SYSTEM_NAMES, *_SYSTEM_PATHS])
        system = find_executable()
        if system is not None:
            found.append(BrowserChoice("executable", executable=system, tried=tuple(tried)))
    if not found:
        raise BrowserNotFound(NOT_FOUND.format(tried=", ".join(tried)))
    return found


def has_display() -> bool:
    """Whether a headed browser can open here (always true on Windows and macOS)."""
    if osinfo.is_windows() or osinfo.platform() == "darwin":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch(
    pw: Playwright,
    choice: BrowserChoice,
    *,
    headless: bool,
    loopback_only: bool,
    timeout_ms: int = DEFAULT_LAUNCH_TIMEOUT_MS,
) -> Browser:
    """Start the chosen browser. ``loopback_only`` keeps every DNS lookup on this machine.

    Ctrl-C is the tool's to handle (``handle_sigint=False``): the browser stays open until the
    run has written its report and closes it, instead of dying under the run.
    """
    args = [LOOPBACK_ONLY_ARG] if loopback_only else []
    if not headless:
        args.append("--start-maximized")
    return pw.chromium.launch(
        headless=headless,
        args=args,
        timeout=timeout_ms,
        handle_sigint=False,
        **choice.launch_kwargs(),
    )


def start_browser(
    pw: Playwright,
    preference: str = "auto",
    *,
    headless: bool,
    loopback_only: bool,
    timeout_ms: int = DEFAULT_LAUNCH_TIMEOUT_MS,
) -> tuple[Browser, BrowserChoice]:
    """Launch the first candidate that starts (the next one on failure when ``auto``).

    Raises:
        BrowserNotFound: none starts; the message names each browser, its path and its error.
    """
    from playwright.sync_api import Error as PlaywrightError

    failures: list[str] = []
    for choice in candidates(preference, pw):
        try:
            browser = launch(
                pw, choice, headless=headless, loopback_only=loopback_only, timeout_ms=timeout_ms
            )
        except PlaywrightError as exc:
            reason = (str(exc).splitlines() or [type(exc).__name__])[0][:300]
            failures.append(f"  - {choice.describe()}: {reason}")
            continue
        return browser, choice
    raise BrowserNotFound(DID_NOT_START.format(tried="\n".join(failures)))


def context_options(*, headless: bool) -> dict[str, Any]:
    """Options for ``browser.new_context``: Japanese locale and time zone, and the page size.

    Headed, the page follows the operator's window (no fixed 1280×720 viewport that does not
    reflow when the window is resized or maximised); headless, Playwright's 1280×720.
    """
    size: dict[str, Any] = {"no_viewport": True} if not headless else {}
    return {"locale": "ja-JP", "timezone_id": "Asia/Tokyo", **size}


@dataclass
class OpenBrowser:
    """A started browser: ``new_context()`` gives contexts with the tool's options."""

    playwright: Playwright
    browser: Browser
    choice: BrowserChoice
    headless: bool

    def new_context(self, **options: Any) -> BrowserContext:
        """A context with :func:`context_options`; ``options`` add to or override them."""
        return self.browser.new_context(**{**context_options(headless=self.headless), **options})


@contextmanager
def open_browser(
    preference: str = "auto",
    *,
    headless: bool,
    loopback_only: bool,
    timeout_ms: int = DEFAULT_LAUNCH_TIMEOUT_MS,
    on_start: Callable[[BrowserChoice], None] | None = None,
) -> Iterator[OpenBrowser]:
    """Playwright, then the browser (see :func:`start_browser`); both closed on the way out.

    ``on_start`` is told which browser started (the run announces it).

    Raises:
        BrowserNotFound: no browser, or none that starts (exit 2).
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, choice = start_browser(
            pw, preference, headless=headless, loopback_only=loopback_only, timeout_ms=timeout_ms
        )
        try:
            if on_start is not None:
                on_start(choice)
            yield OpenBrowser(pw, browser, choice, headless)
        finally:
            with suppress(Exception):  # already closed by the operator, or the driver is gone
                browser.close()
