"""The mock NSS site's application: every request routed to what the flow does with it.

``MockApp`` keeps the sessions, registrations, added pages and records, and answers one
request at a time (under a lock): it records the request, routes it to an added page, a
variant's image, a ``url_for`` set-up or a flow page, shows a switched-on fault, and steps the
flow on a GET or POST (consent, registration, login, user codes, 戻る and 次へ). Pages are
drawn by ``render.py``, forms checked by ``validation.py``, requests recorded and classed by
``record.py``; ``server.MockSite`` puts the app behind a loopback HTTP server.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import secrets
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

from . import state
from .faults import ERROR_500_HTML, Faults
from .flow import BACK, BY_ID, NEXT, PHASE2_ORDER, PageDef
from .record import GUARDED_LOG_ENV, Post, Request, log_guarded, why_guarded
from .render import Renderer, Resp, encoding_of, page_context
from .state import Fields, MockMail, Registration, Session, UserCode
from .styles import style as _style
from .validation import validate
from .variants import VariantStyle

COOKIE = "NSSSESSIONID"
GOTO_PREFIX = "/__mock__/goto/"
GOTO_THEN = "then"  # /__mock__/goto/<page>?then=/added/page: that session, then an added page
FAULTS = ("timeout", "maintenance")


@dataclass(frozen=True)
class _Extra:
    body: bytes
    charset: str
    post_kind: str


class MockApp:
    """State and behaviour of the mock site, independent of the HTTP server."""

    def __init__(self, style: str = "classic", *, seed: int = 0, perturb: bool = False) -> None:
        self.base_url = "http://127.0.0.1:0"  # set by the server once bound
        self.mail: MockMail | None = None
        self.fault: str | None = None
        self.faults = Faults()  # tests' fault injection (faults.py)
        self.lock = threading.RLock()
        self._posts: list[Post] = []
        self._requests: list[Request] = []
        self._sessions: dict[str, Session] = {}
        self._registrations: dict[str, Registration] = {}
        self._extra: dict[str, _Extra] = {}
        # paths, charsets and posted names of this markup style
        self.style = _style(style, seed=seed, perturb=perturb)
        self.variant: VariantStyle | None = (
            self.style if isinstance(self.style, VariantStyle) else None
        )
        self._pages = Renderer(style, self.variant)  # its templates (or the variant's markup)

    def page_url(self, page_id: str) -> str:
        return self.base_url + self.style.path(page_id)

    @property
    def posts(self) -> list[Post]:
        with self.lock:
            return list(self._posts)

    @property
    def requests(self) -> list[Request]:
        with self.lock:
            return list(self._requests)

    def why_guarded(self, req: Request) -> str | None:
        """Why ``req`` consented or submitted; None if it did not (``record.why_guarded``)."""
        with self.lock:
            extra = self._extra.get(req.path)
        added_kind = extra.post_kind if extra is not None else None
        return why_guarded(req, self.style.page_at(req.path), added_kind)

    def _log_guarded(self, req: Request) -> None:
        """Append ``req`` to the guarded-request log (``GUARDED_LOG_ENV``) if it is guarded."""
        log = os.environ.get(GUARDED_LOG_ENV)
        if not log:
            return
        why = self.why_guarded(req)
        if why is not None:
            log_guarded(log, req, why, self.base_url)

    def reset(self) -> None:
        """Forget posts, requests, sessions and registrations (not the guarded-request log)."""
        with self.lock:
            self._posts.clear()
            self._requests.clear()
            self._sessions.clear()
            self._registrations.clear()
            self.mail = None

    def add_page(self, path: str, html: str | bytes, charset: str, post_kind: str) -> None:
        body = html if isinstance(html, bytes) else html.encode(encoding_of(charset))
        with self.lock:
            self._extra[path] = _Extra(body, charset, post_kind)

    # ------------------------------------------------------------------ request handling
    def _session(self, cookie_header: str | None) -> tuple[Session, bool]:
        sid = None
        if cookie_header:
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(cookie_header)
            except Exception:
                jar = SimpleCookie()
            if COOKIE in jar:
                sid = jar[COOKIE].value
        with self.lock:
            if sid and sid in self._sessions:
                return self._sessions[sid], False
            sess = Session(state.new_sid())
            self._sessions[sess.sid] = sess
            return sess, True

    def _record(self, path: str, fields: Fields, encoding: str) -> Post:
        extra = self._extra.get(path)
        page = self.style.page_at(path)
        kind = extra.post_kind if extra else (page.post_kind if page else "other")
        post = Post(
            path=path,
            page_id=page.id if page and not extra else None,
            fields=fields,
            submitter=state.submitter_of(self.style.canonical(fields, page.id if page else None)),
            kind=kind,
            encoding=encoding,
        )
        with self.lock:
            self._posts.append(post)
        return post

    def handle(
        self, method: str, raw_path: str, cookie: str | None, body: bytes, content_type: str = ""
    ) -> tuple[Resp, str | None]:
        """Answer one request; returns the response and a session id to set as a cookie.

        Every request is recorded first, as it arrived (see :attr:`requests`).
        """
        parts = urlsplit(raw_path)
        path = parts.path
        query = parts.query.encode("latin-1", "replace")  # the request line's own bytes
        req = Request(method, path, query, body, content_type)
        with self.lock:
            self._requests.append(req)
        self._log_guarded(req)
        if method == "HEAD":
            method = "GET"  # the server leaves the body out
        elif method not in ("GET", "POST"):
            return Resp(HTTPStatus.METHOD_NOT_ALLOWED, b"", "text/plain"), None
        target = self.style.page_at(path)
        delay = self.faults.delay_for(target.id if target else None)
        if delay:  # a slow server: wait outside the lock, other requests go on
            time.sleep(delay)
        sess, fresh = self._session(cookie)
        with self.lock:
            resp = self._dispatch(method, path, sess, body, parts.query)
        return resp, (sess.sid if fresh else None)

    def _dispatch(self, method: str, path: str, sess: Session, body: bytes, query: str) -> Resp:
        extra = self._extra.get(path)
        page = self.style.page_at(path)
        if method == "POST":
            charset = extra.charset if extra else (page.charset if page else "utf-8")
            encoding = encoding_of(charset)
            try:
                fields = parse_qs(body.decode("ascii"), keep_blank_values=True, encoding=encoding)
            except UnicodeDecodeError:
                fields = {}
            self._record(path, fields, encoding)
            # the flow's own names from here on
            fields = self.style.canonical(fields, page.id if page else None)
            if extra:
                return Resp(HTTPStatus.SEE_OTHER, location=path)
        if extra:
            ctype = f"text/html; charset={extra.charset}"
            return Resp(HTTPStatus.OK, extra.body, ctype)
        if method == "GET" and self.variant is not None and path in self.variant.images:
            ctype, data = self.variant.images[path]
            return Resp(HTTPStatus.OK, data, ctype)
        if method == "GET" and path.startswith(GOTO_PREFIX):
            return self._goto(sess, path[len(GOTO_PREFIX) :], query)
        if page is None:
            return Resp(HTTPStatus.NOT_FOUND, b"<h1>404 Not Found</h1>", "text/html")
        if page.nss and self.fault in FAULTS:
            fault_page = "session-timeout" if self.fault == "timeout" else "maintenance"
            return self._render(fault_page, sess)
        if page.nss and self.faults.timed_out():
            return self._render("session-timeout", sess)
        if self.faults.fails_500(page.id):
            return Resp(HTTPStatus.INTERNAL_SERVER_ERROR, ERROR_500_HTML)
        if page.phase == 2 and sess.login_id is None:
            return self._render("session-timeout", sess)
        if method == "POST":
            return self._post(page, sess, fields)
        self.faults.loaded(page.id)
        return self._get(page, sess)

    # ------------------------------------------------------------------ GET
    def _get(self, page: PageDef, sess: Session) -> Resp:
        pid = page.id
        if pid == "temp-apply" and not sess.consented:
            return self._redirect("terms")
        if pid == "temp-confirm" and "temp-apply" not in sess.passed:
            return self._redirect("temp-apply")
        if pid == "temp-done" and sess.registration is None:
            return self._redirect("terms")
        if pid == "apply-done" and sess.receipt is None:
            return self._redirect("apply-confirm")
        return self._render(pid, sess)

    # ------------------------------------------------------------------ POST
    def _post(self, page: PageDef, sess: Session, fields: Fields) -> Resp:
        pid = page.id
        submitter = state.submitter_of(fields) or ""
        values = state.form_values(fields)
        if pid == "terms":
            sess.consented = True
            return self._redirect("temp-apply")
        if pid == "login":
            return self._login(sess, values)
        if pid == "temp-confirm":
            if "temp-apply" not in sess.passed:
                return self._redirect("temp-apply")
            self._register(sess, sess.values["temp-apply"])
            return self._redirect("temp-done")
        if pid == "apply-confirm":
            sess.values[pid] = values
            errors = validate(pid, values, sess)
            if errors:
                return self._render(pid, sess, errors=errors)
            sess.receipt = "R" + "".join(secrets.choice("0123456789") for _ in range(9))
            return self._redirect("apply-done")
        if pid == "apply-usercode-choice":
            return self._choice(sess, submitter)
        if pid not in NEXT and pid not in ("temp-apply", "apply-usercode"):
            return self._redirect(pid)
        if submitter == "戻る" and pid in BACK:
            if pid != "apply-usercode":
                sess.values[pid] = values
            else:
                sess.values.pop(pid, None)
            return self._redirect(BACK[pid])
        sess.values[pid] = values
        errors = validate(pid, values, sess)
        if errors:
            sess.passed.discard(pid)
            return self._render(pid, sess, errors=errors)
        sess.passed.add(pid)
        if pid == "temp-apply":
            return self._redirect("temp-confirm")
        if pid == "apply-usercode":
            self._commit_code(sess, values)
            return self._redirect("apply-usercode-choice")
        if pid == "apply-office":
            sess.route = "net" if "netNACCS" in submitter else "general"
        return self._redirect(NEXT[pid])

    def _choice(self, sess: Session, submitter: str) -> Resp:
        if submitter == "戻る":
            return self._redirect("apply-office")
        if submitter == "次へ":
            if not sess.codes:
                errors = {"codes": "利用者コードが設定されていません。"}
                return self._render("apply-usercode-choice", sess, errors=errors)
            sess.passed.add("apply-usercode-choice")
            return self._redirect("apply-terminal")
        sess.code_mode = "new" if "新しい" in submitter else "shared"
        sess.values.pop("apply-usercode", None)
        return self._redirect("apply-usercode")

    def _commit_code(self, sess: Session, values: Fields) -> None:
        code = state.first(values, "txtRiyosyaCd").strip()
        rows = state.usercode_rows(values)
        sess.codes = [c for c in sess.codes if c.code != code]
        sess.codes.append(UserCode(code, rows))
        sess.values.pop("apply-usercode", None)

    def _login(self, sess: Session, values: Fields) -> Resp:
        login_id = state.first(values, "txtLoginId").strip()
        password = state.first(values, "pwdPassword")
        reg = self._registrations.get(login_id)
        if reg is None or not secrets.compare_digest(reg.password, password):
            sess.values["login"] = {"txtLoginId": [login_id]}
            errors = {"txtLoginId": "ログインIDまたはパスワードが正しくありません。"}
            return self._render("login", sess, errors=errors)
        self._log_in(sess, reg)
        return self._redirect("apply-tanto")

    def _log_in(self, sess: Session, reg: Registration) -> None:
        sess.login_id = reg.login_id
        sess.values.pop("login", None)
        if "apply-tanto" not in sess.values:
            sess.values["apply-tanto"] = state.tanto_from_registration(reg.values)

    def _register(self, sess: Session, values: Fields) -> Registration:
        login_id, password = state.new_credentials()
        while login_id in self._registrations:
            login_id, password = state.new_credentials()
        reg = Registration(login_id, password, copy.deepcopy(values))
        self._registrations[login_id] = reg
        sess.registration = login_id
        self.mail = MockMail(self.page_url("login"), login_id, password)
        return reg

    # ------------------------------------------------------------------ url_for set-up
    def _goto(self, sess: Session, page_id: str, query: str = "") -> Resp:
        if page_id not in BY_ID:
            return Resp(HTTPStatus.NOT_FOUND, b"unknown mock page", "text/plain")
        then = parse_qs(query).get(GOTO_THEN, [""])[0]
        if then and then not in self._extra:
            return Resp(HTTPStatus.NOT_FOUND, b"'then' is not an added page", "text/plain")
        phase1 = ("temp-apply", "temp-confirm", "temp-done")
        if page_id in phase1:
            sess.consented = True
        if page_id in ("temp-confirm", "temp-done"):
            # What this session posted on temp-apply, if it did; else the sample applicant.
            sess.values.setdefault("temp-apply", copy.deepcopy(state.SAMPLE_TEMP))
            sess.passed.add("temp-apply")
        if page_id == "temp-done":
            self._register(sess, sess.values["temp-apply"])
        elif page_id == "login" and self.mail is None:
            self._register(sess, state.SAMPLE_TEMP)
        if page_id in PHASE2_ORDER:
            reg = self._registrations.get(sess.registration or "")
            if reg is None:
                reg = self._register(sess, state.SAMPLE_TEMP)
            self._log_in(sess, reg)
            index = PHASE2_ORDER.index(page_id)
            samples = state.sample_values()
            for earlier in PHASE2_ORDER[:index]:
                if earlier in samples:
                    sess.values.setdefault(earlier, copy.deepcopy(samples[earlier]))
                sess.passed.add(earlier)
            if index >= PHASE2_ORDER.index("apply-usercode-choice") and not sess.codes:
                sess.codes.append(copy.deepcopy(state.SAMPLE_CODE))
            if page_id == "apply-usercode":
                sess.code_mode = sess.code_mode or "shared"
            if page_id == "apply-done" and sess.receipt is None:
                sess.receipt = "R000000001"
        if then:
            return Resp(HTTPStatus.SEE_OTHER, location=then)
        return self._redirect(page_id)

    # ------------------------------------------------------------------ answers
    def _redirect(self, page_id: str) -> Resp:
        return Resp(HTTPStatus.SEE_OTHER, location=self.style.path(page_id))

    def _render(self, page_id: str, sess: Session, *, errors: dict[str, str] | None = None) -> Resp:
        page = self.style.page(page_id)
        if self.faults.hides_step_bar(page_id):
            page = dataclasses.replace(page, step=None)
        script = self.faults.page_script(page_id, self.page_url)
        if self.faults.back_fired(page_id) and page_id in BACK:
            # The operator goes back and edits the page 戻る leads to (its stored values).
            edits = self.faults.take_edits()
            sess.values.setdefault(BACK[page_id], {}).update({k: [v] for k, v in edits.items()})
        registration = self._registrations.get(sess.registration or "")
        context = page_context(
            page,
            sess,
            errors or {},
            style=self.style,
            base_url=self.base_url,
            registration=registration,
            mail=self.mail,
        )
        return self._pages.render(page, context, script)
