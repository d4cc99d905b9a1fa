"""Loading a page over a network that may fail: retried, then named for the operator.

A load that fails for a network reason (DNS, proxy, TLS, time-out, a reset or refused
connection, no network) is tried again a few times (tenacity); when it still fails it becomes
:class:`~nss_autofill.errors.SiteUnreachable` (exit 6), whose message says what failed and
what to check, in the operator's language. Any other error is not this module's business and
passes through unchanged.

Example::

    >>> classify("Page.goto: net::ERR_PROXY_CONNECTION_FAILED at https://bbs.naccscenter.com/")
    'proxy'
"""

from __future__ import annotations

import re
import sys
from contextlib import suppress
from typing import TYPE_CHECKING, Literal

from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from ..errors import SiteUnreachable
from ..i18n import Msg

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Request, Response

#: Tries of one page load, and the first pause between them (it doubles).
ATTEMPTS = 3
FIRST_WAIT_S = 1.0

_NET_ERROR = re.compile(r"net::(ERR_[A-Z0-9_]+)")
_KINDS: tuple[tuple[str, str], ...] = (
    # (error code or prefix, kind); the first that matches wins
    ("ERR_NAME_NOT_RESOLVED", "dns"),
    ("ERR_NAME_RESOLUTION_FAILED", "dns"),
    ("ERR_DNS_", "dns"),
    ("ERR_PROXY_", "proxy"),
    ("ERR_TUNNEL_CONNECTION_FAILED", "proxy"),
    ("ERR_MANDATORY_PROXY_CONFIGURATION_FAILED", "proxy"),
    ("ERR_PAC_", "proxy"),
    ("ERR_CERT_", "tls"),
    ("ERR_SSL_", "tls"),
    ("ERR_BAD_SSL_", "tls"),
    ("ERR_TIMED_OUT", "timeout"),
    ("ERR_CONNECTION_TIMED_OUT", "timeout"),
    ("ERR_INTERNET_DISCONNECTED", "offline"),
    ("ERR_CONNECTION_", "connection"),
    ("ERR_EMPTY_RESPONSE", "connection"),
    ("ERR_ADDRESS_UNREACHABLE", "connection"),
    ("ERR_NETWORK_", "connection"),
    # not the network: the tool's own block (dry runs) and a load replaced by another
    ("ERR_BLOCKED_BY_CLIENT", ""),
    ("ERR_ABORTED", ""),
)
#: Worth another try: what a flaky line or a busy proxy does; "other" (a bad port, a refused
#: scheme, …) will not change by itself.
TRANSIENT = frozenset({"dns", "proxy", "tls", "timeout", "connection", "offline"})

_WHAT = {
    "dns": Msg("サーバー名を解決できません (DNS)", "the server name cannot be resolved (DNS)"),
    "proxy": Msg(
        "プロキシに接続できないか、プロキシが接続を拒否しました",
        "the proxy cannot be reached or refused the connection",
    ),
    "tls": Msg(
        "安全な接続 (TLS・証明書) を確立できません", "no secure connection (TLS, certificate)"
    ),
    "timeout": Msg("時間内に応答がありません", "no answer in time"),
    "connection": Msg("接続が拒否されたか、切断されました", "the connection was refused or reset"),
    "offline": Msg("この PC はネットワークに接続されていません", "this PC is not on a network"),
    "other": Msg("ページを読み込めません", "the page cannot be loaded"),
}
_CHECK = {
    "dns": Msg(
        "PC がネットワークにつながっているか、URL が正しいか、社内ではプロキシの設定"
        "（Windows の設定 → ネットワークとインターネット → プロキシ）",
        "that the PC is online, the URL, and in an office network the proxy settings "
        "(Windows Settings → Network & Internet → Proxy)",
    ),
    "proxy": Msg(
        "プロキシの設定（Windows の設定 → ネットワークとインターネット → プロキシ）。"
        "わからない場合は情報システム部門にご相談ください",
        "the proxy settings (Windows Settings → Network & Internet → Proxy); ask your IT "
        "department when unsure",
    ),
    "tls": Msg(
        "PC の日付と時刻、社内プロキシによる SSL 検査の有無（情報システム部門にご相談ください）",
        "the PC's date and time, and whether the office proxy inspects TLS (ask your IT "
        "department)",
    ),
    "timeout": Msg(
        "ネットワークとプロキシ、NACCS掲示板のメンテナンス情報。しばらくしてから再実行してください",
        "the network and the proxy, and NACCS maintenance notices; try again later",
    ),
    "connection": Msg(
        "ネットワーク、プロキシ、ファイアウォール。しばらくしてから再実行してください",
        "the network, the proxy and the firewall; try again later",
    ),
    "offline": Msg("LAN ケーブルや Wi-Fi の接続", "the cable or the Wi-Fi connection"),
    "other": Msg("URL が正しいか", "the URL"),
}
_UNREACHABLE = Msg(
    "{url} に接続できません: {what}（{detail}）。\n確認してください: {check}",
    "cannot reach {url}: {what} ({detail}).\nPlease check {check}.",
)


def classify(error: BaseException | str) -> str | None:
    """The kind of network failure an error of a page load is, or ``None`` for other errors."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    if isinstance(error, PlaywrightTimeout):
        return "timeout"
    text = str(error)
    match = _NET_ERROR.search(text)
    if match is None:
        return None
    code = match.group(1)
    kind = next((kind for prefix, kind in _KINDS if code.startswith(prefix)), "other")
    return kind or None


def unreachable(url: str, error: BaseException | str, kind: str | None = None) -> SiteUnreachable:
    """The operator's error for ``url`` failing with ``error``."""
    kind = kind or classify(error) or "connection"
    text = str(error)
    match = _NET_ERROR.search(text)
    detail = match.group(0) if match else (text.splitlines() or [type(error).__name__])[0]
    message = _UNREACHABLE.format(url=url, what=_WHAT[kind], detail=detail, check=_CHECK[kind])
    return SiteUnreachable(message, url=url, kind=kind)


def goto_with_retry(
    page: Page,
    url: str,
    timeout_ms: int,
    *,
    attempts: int = ATTEMPTS,
    first_wait_s: float = FIRST_WAIT_S,
    wait_until: Literal["commit", "domcontentloaded", "load"] = "load",
) -> Response | None:
    """``page.goto(url)`` until it loads, ``attempts`` tries at most (network failures only).

    ``wait_until="commit"``: returns once the new document is there (the session's arrival
    then waits in it for the page to settle, and reads it the moment it has).

    Raises:
        SiteUnreachable: the last try failed for a network reason.
    """

    def stop_loading(_: RetryCallState) -> None:
        # A load that timed out is still pending, and Chromium aborts a second load of the same
        # URL at once (ERR_ABORTED): a blank page in between ends the first.
        with suppress(Exception):
            page.goto("about:blank", timeout=timeout_ms)

    retrying = Retrying(
        stop=stop_after_attempt(attempts),
        wait=wait_exponential(multiplier=first_wait_s, max=8 * first_wait_s),
        retry=retry_if_exception(lambda exc: classify(exc) in TRANSIENT),
        before_sleep=stop_loading,
        reraise=True,
    )
    try:
        response: Response | None = retrying(
            page.goto, url, wait_until=wait_until, timeout=timeout_ms
        )
    except Exception as exc:
        if classify(exc) is None:
            raise
        raise unreachable(url, exc) from None
    return response


class LoadWatch:
    """Notices a page load that failed in the middle of a run (Chromium's error page shown).

    Chromium replaces the page with ``chrome-error://chromewebdata/`` and the context reports
    the failed request. :meth:`recover` loads a failed GET again (:func:`goto_with_retry`) and
    turns what still fails, or a failed form post (never sent twice by the tool), into
    :class:`SiteUnreachable`.
    """

    def __init__(self, context: BrowserContext) -> None:
        self.last: tuple[str, str, str] | None = None  # url, method, failure
        context.on("requestfailed", self._on_failed)

    def _on_failed(self, request: Request) -> None:
        if request.resource_type == "document" and request.is_navigation_request():
            self.last = (request.url, request.method, request.failure or "")

    def recover(self, page: Page, timeout_ms: int) -> None:
        """Nothing when ``page`` shows a document; the failed load again (or the error) if not."""
        if not page.url.startswith("chrome-error://") or self.last is None:
            return
        url, method, failure = self.last
        if classify(failure) is None:
            return  # blocked by the tool itself, or not the network: recognition reports it
        self.last = None
        if method != "GET":
            raise unreachable(url, failure)
        goto_with_retry(page, url, timeout_ms)


_CREDENTIALS = re.compile(r"//[^/@\s]+@")


def system_proxies() -> dict[str, str]:
    """The proxy settings the browser uses too: environment variables, and on Windows the
    Internet Options (proxy server and PAC script). Credentials in a proxy URL are masked."""
    import urllib.request

    found = {k: v for k, v in urllib.request.getproxies().items() if v}
    pac = windows_pac_url()
    if pac:
        found["pac"] = pac
    return {k: _CREDENTIALS.sub("//***@", v) for k, v in sorted(found.items())}


def windows_pac_url() -> str:
    """The automatic configuration script (PAC) of the Windows Internet Options, or ''."""
    from .. import osinfo

    return _registry_pac_url() if osinfo.is_windows() else ""


if sys.platform == "win32":

    def _registry_pac_url() -> str:
        import winreg

        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER,
                r"Software\Microsoft\Windows\CurrentVersion\Internet Settings",
            ) as key:
                value, _ = winreg.QueryValueEx(key, "AutoConfigURL")
        except OSError:
            return ""
        return str(value)

else:

    def _registry_pac_url() -> str:
        return ""
