"""``nss-autofill doctor``: the first thing to run on a new, locked-down office PC.

It does what the run does before the first page, and says how each step went, in the
operator's language: the console's encoding, the display, where runs are kept, the trusted
origins, the proxy the browser will use, the login from the environment; then it starts the
browser as the run starts it (headed when there is a display) and loads the NACCS掲示板 start
page through the system proxy with a time-out. Data on stdout; exit 0 when all is well, 2 when
no browser starts, 6 when the start page cannot be reached.
"""

from __future__ import annotations

import argparse
import locale
import sys
import time

from .. import __version__
from ..errors import ExitCode, NssAutofillError, SiteUnreachable
from ..i18n import Lang, Msg
from .common import Subparsers, new_parser, settings_of

# A doctor's fetch waits no longer than this, whatever the run's page time-out.
FETCH_TIMEOUT_MS = 15_000

_L = {
    "python": Msg("Python", "Python"),
    "encoding": Msg("出力の文字コード", "output encoding"),
    "display": Msg("画面", "display"),
    "runs": Msg("実行記録の保存先", "data folder"),
    "trusted": Msg("入力する接続先", "trusted origins"),
    "start": Msg("開始URL", "start URL"),
    "proxy": Msg("プロキシ", "proxy"),
    "login": Msg("ログイン情報", "login"),
    "browser": Msg("ブラウザ", "browser"),
    "site": Msg("NACCS掲示板への接続", "reaching the NACCS掲示板"),
}
_ENCODING = Msg(
    "stdout={out} stderr={err} (システム {system}){marks}",
    "stdout={out} stderr={err} (system {system}){marks}",
)
_MARKS = Msg("。記号は ○ × ＞ で表示します", "; marks are shown as ○ × ＞")
_DISPLAY_YES = Msg("あり", "yes")
_DISPLAY_NO = Msg(
    "なし（--headless を付けるか、xvfb-run で実行）", "none (use --headless or xvfb-run)"
)
_PRIVATE = Msg("{path}（本人のみ閲覧可）", "runs are kept in {path} (readable by you only)")
_NO_PROXY = Msg("なし（直接接続）", "none (direct connection)")
_LOGIN_SET = Msg(
    "環境変数 NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD にあり",
    "set in NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD",
)
_LOGIN_UNSET = Msg("未設定（ブラウザで入力します）", "not set (you type it in the browser)")
_STARTED = Msg(
    "{browser}、バージョン {version}、{how}で起動しました",
    "{browser}, version {version}, started {how}",
)
_HEADED = Msg("画面あり（実行時と同じ）", "headed, as the run starts it")
_HEADLESS = Msg("画面なし（画面がないため）", "headless (there is no display)")
_REACHED = Msg(
    "接続できます（HTTP {status}、{seconds:.1f} 秒）", "reachable (HTTP {status}, {seconds:.1f} s)"
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    return new_parser(
        subparsers,
        "doctor",
        "check this PC as the run would use it: encoding, display, data folder, proxy, the "
        "browser started as the run starts it, and the NACCS掲示板 reached through the "
        "system proxy. Exit 0: all well; 2: no browser starts; 6: the site cannot be "
        "reached / 実行環境の確認",
        settings=("browser", "launch_timeout_ms", "start_url", "page_timeout_ms"),
    )


def _line(label: str, value: str, ok: bool = True) -> None:
    print(f"{'✓' if ok else '✗'} {label}: {value}", flush=True)


def _encoding(lang: Lang) -> str:
    out = sys.stdout.encoding or "?"
    marks = ""
    try:
        "✓✗›".encode(out)
    except (UnicodeEncodeError, LookupError):
        marks = _MARKS.render(lang)
    return _ENCODING.render(
        lang, out=out, err=sys.stderr.encoding, system=locale.getpreferredencoding(), marks=marks
    )


def run(ns: argparse.Namespace, lang: Lang) -> int:
    """Check the environment; 0 when all is well, 2 without a browser, 6 without the site."""
    from ..run.audit import runs_root
    from ..run.browser import has_display, open_browser
    from ..run.navigation import goto_with_retry, system_proxies
    from ..site.catalogue import load_catalogue
    from ..site.origins import is_loopback

    settings = settings_of(ns)

    def line(key: str, value: str | Msg, ok: bool = True) -> None:
        text = value.render(lang) if isinstance(value, Msg) else value
        _line(_L[key].render(lang), text, ok)

    line("python", f"{sys.version.split()[0]} ({sys.executable}), nss-autofill {__version__}")
    line("encoding", _encoding(lang))
    display = has_display()
    line("display", _DISPLAY_YES if display else _DISPLAY_NO, display)
    line("runs", _PRIVATE.format(path=runs_root()))
    cat = load_catalogue()
    trusted = [f"https://*.{h}" for h in cat.site.trusted_hosts] + list(settings.allow_origin)
    line("trusted", ", ".join(trusted))
    line("start", settings.start_url)
    proxies = system_proxies()
    line("proxy", ", ".join(f"{k}={v}" for k, v in proxies.items()) or _NO_PROXY.render(lang))
    login = settings.login_id and settings.password
    line("login", _LOGIN_SET if login else _LOGIN_UNSET)

    headless = not display
    try:
        with open_browser(
            settings.browser,
            headless=headless,
            loopback_only=is_loopback(settings.start_url),
            timeout_ms=settings.launch_timeout_ms,
        ) as opened:
            how = _HEADLESS if headless else _HEADED
            version = opened.browser.version
            line(
                "browser",
                _STARTED.format(browser=opened.choice.describe(), version=version, how=how),
            )
            page = opened.new_context().new_page()
            started = time.monotonic()
            timeout = min(settings.page_timeout_ms, FETCH_TIMEOUT_MS)
            try:
                response = goto_with_retry(page, settings.start_url, timeout, attempts=1)
            except SiteUnreachable as exc:
                line("site", exc.render(lang), False)
                return int(ExitCode.SITE_UNREACHABLE)
            status = response.status if response is not None else 0
            seconds = time.monotonic() - started
            line("site", _REACHED.format(status=status, seconds=seconds), status < 400)
    except NssAutofillError as exc:
        line("browser", exc.render(lang), False)
        return int(exc.exit_code)
    return int(ExitCode.OK)
