"""``nss-autofill doctor``: the first thing to run on a locked-down office PC.

It prints which browser would be used and whether it starts, whether a display exists, the
console encoding, the trusted origins and where run artifacts go. Data on stdout.
"""

from __future__ import annotations

import locale
import sys

from ..errors import ExitCode, NssAutofillError
from ..i18n import Lang, Msg
from ..run.browser import choose_browser, has_display, launch
from ..settings import Settings
from ..site.catalogue import load_catalogue

_OK = Msg("OK", "OK")


def _line(label: str, value: str, ok: bool = True) -> None:
    print(f"{'✓' if ok else '✗'} {label}: {value}")


def doctor(lang: Lang, browser: str | None = None) -> int:
    """Check the environment; exit 0 when a browser starts, 2 otherwise."""
    settings = Settings()
    pref = browser or settings.browser
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
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        try:
            choice = choose_browser(pref, pw)
            _line("browser", choice.describe())
            b = launch(pw, choice, headless=True, loopback_only=True)
            version = b.version
            b.close()
            _line("browser starts", f"{_OK.render(lang)} ({version})")
        except (NssAutofillError, PlaywrightError) as exc:
            ok = False
            _line("browser", str(exc).splitlines()[0], False)
    return int(ExitCode.OK if ok else ExitCode.BAD_INPUT)
