"""``nss-autofill doctor``: the first thing to run on a locked-down office PC.

It prints which browser would be used and whether it starts, whether a display exists, the
console encoding, the trusted origins and where run artifacts go. Data on stdout.
"""

from __future__ import annotations

import argparse
import locale
import sys

from ..errors import ExitCode, NssAutofillError
from ..i18n import Lang, Msg
from .common import Subparsers, new_parser, settings_of

_OK = Msg("OK", "OK")


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    return new_parser(
        subparsers,
        "doctor",
        "which browser would be used, display, encoding, trusted origins / 実行環境の確認",
        settings=("browser", "launch_timeout_ms"),
    )


def _line(label: str, value: str, ok: bool = True) -> None:
    print(f"{'✓' if ok else '✗'} {label}: {value}")


def run(ns: argparse.Namespace, lang: Lang) -> int:
    """Check the environment; exit 0 when a browser starts, 2 otherwise."""
    from playwright.sync_api import Error as PlaywrightError

    from ..run.browser import has_display, open_browser
    from ..site.catalogue import load_catalogue

    settings = settings_of(ns)
    ok = True
    _line("python", sys.version.split()[0])
    _line(
        "console encoding", f"stdout={sys.stdout.encoding} locale={locale.getpreferredencoding()}"
    )
    _line("display", "yes" if has_display() else "no (use --headless or xvfb-run)", has_display())
    cat = load_catalogue()
    trusted = [f"https://*.{h}" for h in cat.site.trusted_hosts] + list(settings.allow_origin)
    _line("trusted origins", ", ".join(trusted))
    _line("start URL", settings.start_url)
    _line(
        "login from environment",
        "set" if settings.login_id and settings.password else "not set (type it in the browser)",
    )
    try:
        with open_browser(
            settings.browser,
            headless=True,
            loopback_only=True,
            timeout_ms=settings.launch_timeout_ms,
        ) as opened:
            _line("browser", opened.choice.describe())
            _line("browser starts", f"{_OK.render(lang)} ({opened.browser.version})")
    except (NssAutofillError, PlaywrightError) as exc:
        ok = False
        _line("browser", exc.render(lang) if isinstance(exc, NssAutofillError) else str(exc), False)
    return int(ExitCode.OK if ok else ExitCode.BAD_INPUT)
