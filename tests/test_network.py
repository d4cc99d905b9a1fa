"""A site that cannot be reached: retried, then named (exit 6) with what to check, the report
written. Every failure is made on this machine: a closed loopback port, a name the browser's
resolver rule refuses, a proxy on a closed port, a server that never answers."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from nss_autofill.errors import SiteUnreachable
from nss_autofill.mock.server import MockSite
from nss_autofill.run.navigation import LoadWatch, classify, goto_with_retry, unreachable

from .helpers import PROFILES, clean_env, run_cli


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    finally:
        stop.set()
        thread.join(timeout=2)
        for conn in held:
            conn.close()
        server.close()


@pytest.mark.nobrowser
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Page.goto: net::ERR_NAME_NOT_RESOLVED at https://bbs.naccscenter.com/", "dns"),
        ("net::ERR_PROXY_CONNECTION_FAILED", "proxy"),
        ("net::ERR_TUNNEL_CONNECTION_FAILED", "proxy"),
        ("net::ERR_CERT_AUTHORITY_INVALID", "tls"),
        ("net::ERR_SSL_PROTOCOL_ERROR", "tls"),
        ("net::ERR_TIMED_OUT", "timeout"),
        ("net::ERR_CONNECTION_TIMED_OUT", "timeout"),
        ("net::ERR_CONNECTION_RESET", "connection"),
        ("net::ERR_CONNECTION_REFUSED", "connection"),
        ("net::ERR_EMPTY_RESPONSE", "connection"),
        ("net::ERR_INTERNET_DISCONNECTED", "offline"),
        ("net::ERR_BLOCKED_BY_CLIENT", None),  # the tool's own loopback block: not the network
        ("Target page, context or browser has been closed", None),
    ],
)
def test_classify(text: str, kind: str | None) -> None:
    assert classify(text) == kind


@pytest.mark.nobrowser
def test_the_message_names_the_failure_and_what_to_check() -> None:
    error = unreachable("https://bbs.naccscenter.com/", "net::ERR_PROXY_CONNECTION_FAILED at x")
    assert error.kind == "proxy"
    assert error.render("ja") == (
        "https://bbs.naccscenter.com/ に接続できません: プロキシに接続できないか、"
        "プロキシが接続を拒否しました（net::ERR_PROXY_CONNECTION_FAILED）。\n"
        "確認してください: プロキシの設定（Windows の設定 → ネットワークとインターネット → "
        "プロキシ）。わからない場合は情報システム部門にご相談ください"
    )
    assert error.render("en").startswith(
        "cannot reach https://bbs.naccscenter.com/: the proxy cannot be reached or refused the "
        "connection (net::ERR_PROXY_CONNECTION_FAILED).\nPlease check the proxy settings"
    )
    assert int(error.exit_code) == 6


def test_refused_is_retried_then_named(page: Page) -> None:
    url = f"http://127.0.0.1:{_free_port()}/"
    started = time.monotonic()
    with pytest.raises(SiteUnreachable) as error:
        goto_with_retry(page, url, 5_000, attempts=3, first_wait_s=0.2)
    assert error.value.kind == "connection"
    assert time.monotonic() - started >= 0.2 + 0.4  # two pauses: three tries
    assert "net::ERR_CONNECTION_REFUSED" in error.value.render("en")


def test_an_unknown_name_is_dns(page: Page) -> None:
    with pytest.raises(SiteUnreachable) as error:
        goto_with_retry(page, "https://nss.example.invalid/", 5_000, attempts=1)
    assert error.value.kind == "dns"


def test_a_proxy_that_refuses_is_proxy(browser: Browser) -> None:
    context = browser.new_context(proxy={"server": f"http://127.0.0.1:{_free_port()}"})
    try:
        with pytest.raises(SiteUnreachable) as error:
            goto_with_retry(context.new_page(), "https://bbs.example.jp/", 5_000, attempts=1)
        assert error.value.kind == "proxy"
    finally:
        context.close()


def test_a_server_that_never_answers_is_a_time_out(page: Page, silent_server: str) -> None:
    with pytest.raises(SiteUnreachable) as error:
        goto_with_retry(page, silent_server, 1_000, attempts=2, first_wait_s=0.1)
    assert error.value.kind == "timeout"


def test_a_site_that_comes_back_is_loaded(page: Page) -> None:
    port = _free_port()
    site = MockSite(port=port)
    timer = threading.Timer(0.5, site.start)
    timer.start()
    try:
        response = goto_with_retry(page, f"http://127.0.0.1:{port}/", 5_000, first_wait_s=0.6)
        assert response is not None and response.ok
    finally:
        timer.join()
        site.stop()


def test_a_failed_load_mid_run_is_loaded_again_or_named(browser: Browser) -> None:
    context = browser.new_context()
    watch = LoadWatch(context)
    page = context.new_page()
    port = _free_port()
    try:
        page.set_content(f'<a href="http://127.0.0.1:{port}/back">link</a>')
        page.click("a")
        page.wait_for_url("chrome-error://**")
        with MockSite(port=port) as site:  # the site is back: the GET is loaded again
            watch.recover(page, 5_000)
            assert page.url == f"http://127.0.0.1:{port}/back"
            assert site.posts == []
        closed = _free_port()  # not the site's port: its kept-alive connection would answer
        page.set_content(
            f'<form method="post" action="http://127.0.0.1:{closed}/next">'
            "<button>次へ</button></form>"
        )
        page.click("button")
        page.wait_for_url("chrome-error://**")
        with pytest.raises(SiteUnreachable) as error:  # a form post is never sent twice
            watch.recover(page, 5_000)
        assert error.value.kind == "connection"
        assert error.value.url == f"http://127.0.0.1:{closed}/next"
        watch.recover(page, 5_000)  # reported once; nothing left to recover
    finally:
        context.close()


def test_the_run_names_an_unreachable_start_page_and_writes_the_report(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_free_port()}/"
    env = clean_env(NSS_AUTOFILL_LANG="en", NSS_AUTOFILL_ARTIFACTS=str(tmp_path / "run"))
    res = run_cli(
        str(PROFILES / "example.yaml"), "--headless", "--start-url", url, tmp_path=tmp_path, env=env
    )
    assert res.code == 6, res.stderr
    assert f"cannot reach {url}: the connection was refused or reset" in res.stderr
    assert "Please check the network, the proxy and the firewall" in res.stderr
    assert "internal error" not in res.stderr and "Traceback" not in res.stderr
    assert res.report is not None
    assert (res.report["outcome"], res.report["exit_code"]) == ("site-unreachable", 6)
    assert res.report["message"].startswith(f"cannot reach {url}")
    assert (tmp_path / "run" / "report.json").is_file()
