"""Choosing and launching the browser: the only module that starts one.

Order when ``--browser auto``: an installed Microsoft Edge or Google Chrome (Playwright
channels, no download), Playwright's own Chromium when ``playwright install`` worked, then a
system Chromium (``/usr/bin/chromium``, ``chromium-browser``, ``google-chrome``). The choice
can be forced with ``--browser`` / ``NSS_AUTOFILL_BROWSER``: ``chromium``, ``chrome``,
``msedge`` or a path to an executable.

Example::

    >>> choice = choose_browser("auto")
    >>> choice.describe()
    'system Chromium /usr/bin/chromium'
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BrowserNotFound
from ..i18n import Msg

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

# Keeps every DNS lookup inside the machine while loopback keeps working (dry runs, tests).
LOOPBACK_ONLY_ARG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"

_SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_SYSTEM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium")

_WINDOWS_CHANNEL_PATHS = {
    "msedge": (r"Microsoft\Edge\Application\msedge.exe",),
    "chrome": (r"Google\Chrome\Application\chrome.exe",),
}
_MAC_CHANNEL_PATHS = {
    "msedge": ("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",),
    "chrome": ("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",),
}
_LINUX_CHANNEL_PATHS = {
    "msedge": ("/opt/microsoft/msedge/msedge",),
    "chrome": ("/opt/google/chrome/chrome",),
}

NOT_FOUND = Msg(
    "使用できるブラウザが見つかりません。試したもの: {tried}。"
    "Edge か Chrome をインストールするか、--browser にブラウザのパスを指定してください。",
    "no usable browser found. Tried: {tried}. Install Edge or Chrome, or give the path of a "
    "browser with --browser.",
)


@dataclass(frozen=True)
class BrowserChoice:
    """What will be launched: a Playwright channel or an executable path."""

    kind: str  # "channel" | "executable" | "bundled"
    channel: str | None = None
    executable: Path | None = None
    tried: tuple[str, ...] = field(default=(), compare=False)

    def describe(self) -> str:
        if self.kind == "channel":
            return f"channel {self.channel}"
        if self.kind == "bundled":
            return f"Playwright Chromium {self.executable}"
        return f"system Chromium {self.executable}"

    def launch_kwargs(self) -> dict[str, Any]:
        if self.kind == "channel":
            return {"channel": self.channel}
        return {"executable_path": str(self.executable)}


def _channel_installed(channel: str) -> Path | None:
    if sys.platform.startswith("win"):
        roots = [
            os.environ.get(v, "") for v in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")
        ]
        for root in filter(None, roots):
            for rel in _WINDOWS_CHANNEL_PATHS[channel]:
                if (Path(root) / rel).is_file():
                    return Path(root) / rel
        return None
    table = _MAC_CHANNEL_PATHS if sys.platform == "darwin" else _LINUX_CHANNEL_PATHS
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


def choose_browser(preference: str = "auto", pw: Playwright | None = None) -> BrowserChoice:
    """Resolve ``auto|chromium|chrome|msedge|PATH`` to something launchable, or raise.

    ``pw`` (a started Playwright) lets Playwright's own Chromium be found; without it that
    step is skipped.

    Raises:
        BrowserNotFound: nothing usable; the message lists every place that was tried.
    """
    tried: list[str] = []
    pref = preference.strip() or "auto"
    if pref not in ("auto", "chromium", "chrome", "msedge"):
        path = Path(pref).expanduser()
        if path.is_file():
            return BrowserChoice("executable", executable=path, tried=(str(path),))
        raise BrowserNotFound(NOT_FOUND.both(tried=str(path)))
    channels = ("msedge", "chrome") if pref == "auto" else (pref,) if pref != "chromium" else ()
    for channel in channels:
        tried.append(f"channel {channel}")
        if _channel_installed(channel) is not None:
            return BrowserChoice("channel", channel=channel, tried=tuple(tried))
    if pref in ("auto", "chromium"):
        tried.append("Playwright Chromium")
        bundled = _bundled_chromium(pw)
        if bundled is not None:
            return BrowserChoice("bundled", executable=bundled, tried=tuple(tried))
        tried.extend([*_SYSTEM_NAMES, *_SYSTEM_PATHS])
        system = find_executable()
        if system is not None:
            return BrowserChoice("executable", executable=system, tried=tuple(tried))
    raise BrowserNotFound(NOT_FOUND.both(tried=", ".join(tried)))


def has_display() -> bool:
    """Whether a headed browser can open here (always true on Windows and macOS)."""
    if sys.platform.startswith("win") or sys.platform == "darwin":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch(
    pw: Playwright, choice: BrowserChoice, *, headless: bool, loopback_only: bool
) -> Browser:
    """Start the chosen browser. ``loopback_only`` keeps every DNS lookup on this machine."""
    args = [LOOPBACK_ONLY_ARG] if loopback_only else []
    if not headless:
        args.append("--start-maximized")
    return pw.chromium.launch(headless=headless, args=args, **choice.launch_kwargs())


def context_options(*, headless: bool) -> dict[str, Any]:
    """Options for ``browser.new_context``: Japanese locale and time zone, and the page size.

    Headed, the page follows the operator's window (no fixed 1280×720 viewport that does not
    reflow when the window is resized or maximised); headless, Playwright's 1280×720.
    """
    size: dict[str, Any] = {"no_viewport": True} if not headless else {}
    return {"locale": "ja-JP", "timezone_id": "Asia/Tokyo", **size}
