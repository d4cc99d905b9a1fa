"""A mock NSS site on loopback, for tests and dry runs.

It serves the NACCS掲示板 entry pages and every NSS page of the application flow from the
Jinja2 templates in ``fixtures/<style>/``, keeps per-cookie sessions, validates forms the way an
old server would, and records every POST so tests can assert that no consent or final-submit
request ever reached it. Example::

    >>> with MockSite() as site:            # doctest: +SKIP
    ...     print(site.start_url)
    http://127.0.0.1:41234/

Run it by hand with ``python -m nss_autofill.mock.server --port 8765``.
"""

from __future__ import annotations

import argparse
import ipaddress
import socketserver
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlencode

from .app import COOKIE, GOTO_PREFIX, GOTO_THEN, MockApp
from .faults import Faults
from .flow import BY_ID
from .record import Post, Request
from .render import Resp
from .state import MockMail

__all__ = ["Faults", "MockMail", "MockSite", "Post", "Request", "main", "serve_forever"]


def _check_loopback(host: str) -> str:
    if host == "localhost":
        return "127.0.0.1"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"the mock site binds loopback only, not {host!r}") from None
    if not ip.is_loopback:
        raise ValueError(f"the mock site binds loopback only, not {host!r}")
    return host


class MockSite:
    """The mock NSS site: ``start()`` it (or use ``with``), then browse ``start_url``."""

    def __init__(
        self,
        style: str = "classic",
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        seed: int = 0,
        perturb: bool = False,
    ) -> None:
        """``style`` classic, modern or variant (drawn from ``seed``; ``perturb`` rewords the
        captions the manual does not show: ``variants/``)."""
        self.style = style
        self.seed = seed
        self.perturb = perturb
        self.host = _check_loopback(host)
        self.port = port
        self._app = MockApp(style, seed=seed, perturb=perturb)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> MockSite:
        if self._server is not None:
            return self
        handler = type("_BoundHandler", (_Handler,), {"app": self._app})
        server = _Server((self.host, self.port), handler)
        self._server = server
        self.port = int(server.server_address[1])
        self._app.base_url = self.base_url
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"mock-nss-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> MockSite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def start_url(self) -> str:
        return self.base_url + self._app.style.path("bbs-top")

    def url_for(self, page_id: str, then: str | None = None) -> str:
        """A URL that sets up the session a page needs, then 303-redirects to it (or to
        ``then``, the path of a page added with :meth:`add_page`)."""
        if page_id not in BY_ID:
            raise KeyError(f"unknown mock page {page_id!r}; known: {sorted(BY_ID)}")
        url = self.base_url + GOTO_PREFIX + page_id
        return url + "?" + urlencode({GOTO_THEN: then}) if then else url

    def page_url(self, page_id: str) -> str:
        """The page's own URL (no session set-up)."""
        return self.base_url + self._app.style.path(page_id)

    def input_name(self, flow_name: str, page_id: str | None = None) -> str:
        """This style's input name for a flow name (modern: ``txtKgyMei`` → ``company[name]``);
        the variant style names inputs per page, so it needs ``page_id``."""
        return self._app.style.name_of(flow_name, page_id)

    def canonical(self, fields: dict[str, list[str]], page_id: str | None) -> dict[str, list[str]]:
        """Fields as posted on ``page_id`` under the flow's names and values (the submitter's
        caption as ``hdnBtnNm``)."""
        return self._app.style.canonical(fields, page_id)

    # ------------------------------------------------------------------ state
    @property
    def mail(self) -> MockMail | None:
        """The latest phase-1 registration's mail: login URL, login ID, password."""
        return self._app.mail

    @mail.setter
    def mail(self, value: MockMail | None) -> None:
        self._app.mail = value

    @property
    def fault(self) -> str | None:
        """``"timeout"`` or ``"maintenance"``: every NSS page then shows that page."""
        return self._app.fault

    @fault.setter
    def fault(self, value: str | None) -> None:
        if value not in (None, "timeout", "maintenance"):
            raise ValueError(f"fault is 'timeout', 'maintenance' or None, not {value!r}")
        self._app.fault = value

    @property
    def faults(self) -> Faults:
        """The fault-injection options (``faults.py``): slow, 500, navigate away, time-out, …"""
        return self._app.faults

    def set_fault(self, **options: Any) -> MockSite:
        """Switch faults on by name, e.g. ``set_fault(error_500="apply-plan")``; see ``Faults``."""
        with self._app.lock:
            self._app.faults.set(**options)
        return self

    def clear_faults(self) -> None:
        """Every ``set_fault`` option off (``fault`` is separate)."""
        with self._app.lock:
            self._app.faults.clear()

    @property
    def posts(self) -> list[Post]:
        """Every POST received so far (a copy)."""
        return self._app.posts

    def guarded_posts(self) -> list[Post]:
        """The POSTs that consented or submitted: what only a human may cause."""
        return [p for p in self.posts if p.kind in ("consent", "final")]

    @property
    def requests(self) -> list[Request]:
        """Every request received so far, any method, as bytes (a copy); see ``record``."""
        return self._app.requests

    def why_guarded(self, request: Request) -> str | None:
        """Why ``request`` consented or submitted; None if it did not (``MockApp.why_guarded``)."""
        return self._app.why_guarded(request)

    def guarded_requests(self) -> list[tuple[Request, str]]:
        """Every request that consented or submitted, with the reason: a superset of
        ``guarded_posts`` (captions read from the bytes every way a server might, commit
        paths, any method: navigations, fetch/XHR, beacons, GETs with a query)."""
        out = []
        for req in self.requests:
            why = self._app.why_guarded(req)
            if why is not None:
                out.append((req, why))
        return out

    def reset(self) -> None:
        """Forget posts, requests, sessions and registrations (the fault mode stays; the
        guarded-request log, ``record.GUARDED_LOG_ENV``, is never cleared)."""
        self._app.reset()

    def add_page(
        self, path: str, html: str | bytes, *, charset: str = "utf-8", post_kind: str = "other"
    ) -> str:
        """Serve ``html`` at ``path``; POSTs to it are recorded with ``post_kind``."""
        if not path.startswith("/"):
            path = "/" + path
        self._app.add_page(path, html, charset, post_kind)
        return self.base_url + path


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def server_bind(self) -> None:
        # HTTPServer.server_bind() asks socket.getfqdn(), a slow reverse lookup on a box without
        # DNS; loopback needs no name.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)


class _Handler(BaseHTTPRequestHandler):
    app: MockApp
    server_version = "NSS-Mock/1.0"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._answer("GET", b"")

    def do_HEAD(self) -> None:
        self._answer("HEAD", b"", head=True)

    def do_POST(self) -> None:
        self._answer("POST", self._body())

    # Recorded (MockSite.requests) and answered 405: what a page script may send.
    def do_PUT(self) -> None:
        self._answer("PUT", self._body())

    def do_PATCH(self) -> None:
        self._answer("PATCH", self._body())

    def do_DELETE(self) -> None:
        self._answer("DELETE", self._body())

    def do_OPTIONS(self) -> None:
        self._answer("OPTIONS", self._body())

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _answer(self, method: str, body: bytes, *, head: bool = False) -> None:
        try:
            resp, new_sid = self.app.handle(
                method,
                self.path,
                self.headers.get("Cookie"),
                body,
                self.headers.get("Content-Type") or "",
            )
        except Exception:  # a broken template must show, not drop the connection
            text = traceback.format_exc()
            print(text, file=sys.stderr)
            resp, new_sid = Resp(500, text.encode(), "text/plain; charset=utf-8"), None
        self.send_response(resp.status)
        if new_sid:
            self.send_header("Set-Cookie", f"{COOKIE}={new_sid}; Path=/; HttpOnly; SameSite=Lax")
        if resp.location:
            self.send_header("Location", resp.location)
        self.send_header("Content-Type", resp.content_type)
        self.send_header("Content-Length", str(len(resp.body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(resp.body)


def serve_forever(
    port: int = 8765,
    lang: str = "ja",
    *,
    host: str = "127.0.0.1",
    style: str = "classic",
    seed: int = 0,
    perturb: bool = False,
    _wait: Callable[[], None] | None = None,
) -> int:
    """Serve the mock NSS site on loopback until Ctrl-C; 0 on a clean stop, 2 if it cannot start."""
    try:
        site = MockSite(style, host=host, port=port, seed=seed, perturb=perturb).start()
    except (OSError, ValueError) as exc:
        print(f"mock-server: {exc}", file=sys.stderr)
        return 2
    if lang == "en":
        print(f"mock NSS site: {site.start_url}  (Ctrl-C to stop)", flush=True)
    else:
        print(f"模擬NSSサイト: {site.start_url}  (Ctrl-C で終了)", flush=True)
    try:
        if _wait is not None:
            _wait()
        else:
            # In slices: on Windows a wait without a time-out is not interrupted by Ctrl-C.
            while True:
                time.sleep(0.25)
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


def main(argv: Sequence[str] | None = None, *, _wait: Callable[[], None] | None = None) -> int:
    """``python -m nss_autofill.mock.server [--port N]``."""
    parser = argparse.ArgumentParser(
        prog="nss-autofill mock-server", description="Serve the mock NSS site on loopback."
    )
    parser.add_argument("--port", type=int, default=8765, help="port (0 = any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="a loopback address")
    parser.add_argument(
        "--style", default="classic", help="classic, modern or variant (default: classic)"
    )
    parser.add_argument("--seed", type=int, default=0, help="variant style: the seed to draw")
    parser.add_argument(
        "--perturb", action="store_true", help="variant style: reword the guessed captions"
    )
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    args = parser.parse_args(argv)
    return serve_forever(
        args.port,
        args.lang,
        host=args.host,
        style=args.style,
        seed=args.seed,
        perturb=args.perturb,
        _wait=_wait,
    )


if __name__ == "__main__":
    raise SystemExit(main())
