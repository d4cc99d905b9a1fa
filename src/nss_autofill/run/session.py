"""The run: recognise each page, fill it, move on, and stop where a human must act.

Data flows one way: profile → plan (pure) → page (browser) → report. The loop below knows no
NSS captions: every page, field and button comes from the catalogue. The only clicks go through
``Guard.press`` (the tool) or ``SimulatedOperator`` (``--auto-confirm``, loopback only).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import secrets
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tenacity import (
    RetryError,
    Retrying,
    retry_if_result,
    stop_after_delay,
    stop_never,
    wait_fixed,
)

from ..engine.guard import PageChanged
from ..engine.planning import PagePlan, build_context, plan_fixed, plan_page
from ..engine.scripts import call_helper
from ..engine.status import FieldStatus
from ..errors import BadInput, ExitCode
from ..i18n import Lang, Msg
from ..profile.deadlines import subtract_business_days
from ..settings import Settings
from ..shell import phase2_hint
from ..site.catalogue import Catalogue, PageKind, PageSpec, load_catalogue
from ..site.origins import is_loopback, is_trusted, origin_of
from . import messages as M
from .audit import AuditBundle, default_dir
from .navigation import LoadWatch, goto_with_retry
from .report import MASK, FieldEntry, GuardEntry, PageEntry, Report, StepEntry

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Locator, Page

    from ..engine.filling import PageFill
    from ..engine.reading import PageReading
    from ..mock.server import MockSite
    from ..profile import Profile
    from .recorder import Recorder

_URL_RE = re.compile(r"https?://[^\s\"'<>]+")


class _Changed(Exception):
    """The document changed under the tool (a page script or the operator navigated)."""


class _Stop(Exception):
    """Ends the loop with an outcome and an exit code."""

    def __init__(self, outcome: str, code: ExitCode, message: str = "") -> None:
        super().__init__(outcome)
        self.outcome, self.code, self.message = outcome, code, message


@dataclass
class _Secrets:
    login_id: str | None = None
    password: str | None = None

    def values(self) -> list[str]:
        return [v for v in (self.login_id, self.password) if v]


@dataclass
class Progress:
    """Operator messages on stderr, one line per event, in the operator's language."""

    lang: Lang
    stream: Any = field(default_factory=lambda: sys.stderr)
    # 0 quiet: only what needs the operator and the end; 1 normal; 2 verbose: every field.
    level: int = 1

    def say(self, msg: Msg, *, level: int = 1, **kw: object) -> None:
        if level <= self.level:
            self.stream.write(msg.render(self.lang, **kw) + "\n")
            self.stream.flush()


def auto_confirm_allowed(settings: Settings) -> bool:
    """``--auto-confirm`` needs ``--dry-run`` or a loopback start/URL."""
    if settings.dry_run:
        return True
    targets = [settings.url] if settings.url else [settings.start_url]
    return all(is_loopback(u) for u in targets)


def run(settings: Settings, profile_path: Path, lang: Lang) -> int:
    """Validate the profile, then drive the browser through NSS; returns the exit code."""
    from ..profile import load_profile

    profile = load_profile(profile_path)  # bad profile: BadInput (exit 2) before any browser
    if settings.auto_confirm and not auto_confirm_allowed(settings):
        raise BadInput(M.AUTO_CONFIRM_REFUSED.render(lang))
    report = Report(started=dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    report.dry_run = settings.dry_run
    runner = Runner(settings, profile, profile_path, lang, report)
    try:
        return runner.run()
    except BaseException as exc:  # Ctrl-C, an unreachable site, a browser that does not start
        report.end_with(exc, lang)
        raise
    finally:
        report.finished = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        report.write(runner.audit.directory / "report.json")
        runner.progress.say(M.REPORT_WRITTEN, path=runner.audit.directory)
        if settings.report is not None:
            report.write(settings.report)
            runner.progress.say(M.REPORT_WRITTEN, path=settings.report)


class Runner:
    """One run of the page loop against NSS or the bundled mock."""

    def __init__(
        self,
        settings: Settings,
        profile: Profile,
        profile_path: Path,
        lang: Lang,
        report: Report,
        catalogue: Catalogue | None = None,
    ) -> None:
        self.settings, self.profile, self.profile_path = settings, profile, profile_path
        self.lang, self.report = lang, report
        self.catalogue = catalogue or load_catalogue()
        self.progress = Progress(lang, level=settings.verbosity)
        self.data = profile.model_dump(mode="python")
        self.secrets = _Secrets(
            settings.login_id.get_secret_value() if settings.login_id else None,
            settings.password.get_secret_value() if settings.password else None,
        )
        self.site: MockSite | None = None
        self.recorder: Recorder | None = None
        self.audit = AuditBundle.create(settings.artifacts or default_dir())
        self.allowed: list[str] = list(settings.allow_origin)
        self.new_pages: list[Page] = []
        self.page: Page | None = None
        self.headless = settings.headless
        self.codes_set: list[str] = []
        self.visits = 0
        self.reading: PageReading | None = None

    # ------------------------------------------------------------------ set-up
    def run(self) -> int:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        from ..engine import scripts
        from ..engine.filling import FillMemory
        from ..engine.guard import Guard, GuardRefused, SimulatedOperator
        from .browser import has_display, open_browser

        start = self.settings.url or self.settings.start_url
        if self.settings.dry_run:
            from ..mock.server import MockSite

            self.site = MockSite().start()
            self.allowed.append(origin_of(self.site.base_url))
            start = self.settings.url or self.site.start_url
            self.progress.say(M.DRY_RUN, url=self.site.base_url)
            if not self.headless and not has_display():
                self.progress.say(M.NO_DISPLAY)
                self.headless = True
        elif not self.headless and not has_display():
            raise BadInput(M.NEED_DISPLAY.render(self.lang))
        loopback_only = self.settings.dry_run or is_loopback(start)
        self.memory = FillMemory()
        self.guard = Guard(self.catalogue)
        self.operator = (
            SimulatedOperator(self.allowed, guard=self.guard)
            if self.settings.auto_confirm
            else None
        )
        try:
            with open_browser(
                self.settings.browser,
                headless=self.headless,
                loopback_only=loopback_only,
                timeout_ms=self.settings.launch_timeout_ms,
                on_start=lambda c: self.progress.say(M.OPENING, browser=c.describe(), url=start),
            ) as opened:
                browser = opened.browser
                context = opened.new_context(service_workers="block")
                self.loads = LoadWatch(context)
                if loopback_only:
                    context.route("**/*", self._loopback_route)
                self.guard.install(context)
                scripts.install(context)
                if self.settings.record is not None:
                    from .recorder import Recorder, profile_strings

                    values = profile_strings(self.data) | set(self.secrets.values())
                    self.recorder = Recorder(self.settings.record, values)
                    self.recorder.attach(context)
                context.on("page", lambda p: self.new_pages.append(p))
                self.page = context.new_page()
                self.new_pages.clear()
                try:
                    goto_with_retry(self.page, start, self.settings.page_timeout_ms)
                    self._loop(context)
                except _Stop as stop:
                    self._finish(stop.outcome, stop.code, stop.message)
                except GuardRefused as exc:
                    self._finish("guard-refused", ExitCode.UNKNOWN_PAGE, str(exc))
                except PlaywrightTimeout as exc:
                    self._finish("timeout", ExitCode.UNKNOWN_PAGE, str(exc).splitlines()[0])
                except PlaywrightError as exc:
                    if self._all_closed(context):
                        self.progress.say(M.CLOSED, level=0)
                        self._finish("browser-closed", ExitCode.BROWSER_CLOSED)
                    else:
                        raise RuntimeError(str(exc).splitlines()[0]) from exc
                finally:
                    self._record_guard()
                    with contextlib.suppress(PlaywrightError):
                        browser.close()
        finally:
            if self.site is not None:
                self.report.mock_posts = [self._post_dict(p) for p in self.site.posts]
                self.site.stop()
        assert self.report.exit_code is not None
        return self.report.exit_code

    def _loopback_route(self, route: Any) -> None:
        url = route.request.url
        if is_loopback(url) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.report.blocked_requests.append(url)
            route.abort("blockedbyclient")

    def _post_dict(self, post: Any) -> dict[str, Any]:
        hidden = set(self.secrets.values())
        fields = {k: [MASK if v in hidden else v for v in vs] for k, vs in post.fields.items()}
        return {
            "path": post.path,
            "page_id": post.page_id,
            "kind": post.kind,
            "submitter": post.submitter,
            "fields": fields,
        }

    def _finish(self, outcome: str, code: ExitCode, message: str = "") -> None:
        self.report.finish(outcome, int(code), message)

    def _record_guard(self) -> None:
        for rec in self.guard.records:
            if rec.outcome == "refused":
                self.report.guarded.append(
                    GuardEntry(rec.page_id, rec.caption, "nobody", f"refused: {rec.reason}")
                )
        for blocked in self.guard.blocked:
            where = "a request" if blocked.kind == "request" else f"in the page: {blocked.kind}"
            detail = f"blocked {where}: {blocked.detail}".rstrip(": ")
            if blocked.kind == "request":
                detail += f" ({blocked.url[:200]})"
            self.report.guarded.append(GuardEntry(None, blocked.caption, "blocked", detail))

    # ------------------------------------------------------------------ pages
    def _all_closed(self, context: BrowserContext) -> bool:
        try:
            return not [p for p in context.pages if not p.is_closed()]
        except Exception:
            return True

    def _current(self, context: BrowserContext) -> Page:
        """Follow NSS into a new tab; fall back to any open tab when the current one closed."""
        opened = [p for p in self.new_pages if not p.is_closed()]
        self.new_pages.clear()
        if opened:
            self.page = opened[-1]
        if self.page is None or self.page.is_closed():
            pages = [p for p in context.pages if not p.is_closed()]
            if not pages:
                self.progress.say(M.CLOSED, level=0)
                raise _Stop("browser-closed", ExitCode.BROWSER_CLOSED)
            self.page = pages[-1]
        return self.page

    def _loop(self, context: BrowserContext) -> None:
        from ..engine.reading import arrive
        from ..engine.recognition import facts_of, recognise

        last: tuple[str | None, str] = (None, "")
        while True:
            page = self._current(context)
            self.loads.recover(page, self.settings.page_timeout_ms)
            arrival = arrive(page, self.catalogue, self.settings.page_timeout_ms)
            self.reading = arrival.reading  # the page as it stands, until something changes it
            rec = recognise(self.catalogue, facts_of(arrival.reading))
            self.visits += 1
            spec = rec.page
            entry = PageEntry(
                page_id=spec.id if spec else None,
                url=page.url,
                recognised=spec is not None,
                reason=rec.reason,
                candidates=[
                    {"page_id": c.page_id, "held": list(c.held), "failed": list(c.failed)}
                    for c in rec.candidates
                ],
                validation_errors=list(rec.validation_errors),
            )
            if spec is not None:
                mine = next((c for c in rec.candidates if c.page_id == spec.id), None)
                if mine is not None:
                    entry.held, entry.failed = list(mine.held), list(mine.failed)
            self.report.pages.append(entry)
            name = spec.name if spec else page.url
            self.progress.say(M.PAGE, n=self.visits, name=name)

            same = (spec.id if spec else page.url, self._doc_key(page, arrival.mark))
            if same == last:
                raise _Stop("stuck", ExitCode.UNKNOWN_PAGE, f"the page did not move on: {name}")
            last = same

            if not is_trusted(page.url, self.catalogue.site.trusted_hosts, self.allowed):
                self.progress.say(M.UNTRUSTED, level=0, origin=origin_of(page.url) or page.url)
                entry.action = "untrusted-origin"
                self._wait_or_stop(page, "untrusted-origin", ExitCode.UNKNOWN_PAGE)
                continue
            if spec is None:
                self._snapshot(page, None)
                self.progress.say(M.UNKNOWN, level=0, reason=rec.reason)
                for cand in rec.candidates[:3]:
                    failed = ", ".join(cand.failed)
                    self.progress.say(M.CANDIDATE, page=cand.page_id, failed=failed)
                entry.action = "unknown-page"
                self._wait_or_stop(page, "unknown-page", ExitCode.UNKNOWN_PAGE)
                continue
            if rec.validation_errors:
                self.progress.say(M.VALIDATION, level=0)
                for err in rec.validation_errors:
                    self.progress.stream.write(f"  - {err}\n")
                entry.action = "validation-error"
                self._wait_or_stop(page, "validation-error", ExitCode.UNKNOWN_PAGE)
                continue
            try:
                with self.guard.acting(page):  # every request while the tool acts is read
                    self._handle(page, spec, entry)
            except (_Changed, PageChanged):
                entry.action = "the page changed while the tool worked on it; looking again"
                self.audit.log("page-changed", page_id=spec.id)
                last = (None, "")

    def _doc_key(self, page: Page, mark: str | None) -> str:
        """Identity of the document shown: a fresh token per document load.

        ``mark`` is the token read with the page's facts (same document); without one (no init
        script in the document) it is read, or set, here.
        """
        if mark is None:
            mark = call_helper(page, "documentMark")
        if mark is None:
            mark = secrets.token_hex(8)
            call_helper(page, "markDocument", mark)
        self.doc_mark = str(mark)
        return self.doc_mark

    def _unchanged(self, page: Page) -> bool:
        """Whether the page still shows the document that was recognised."""
        if self.new_pages or page.is_closed():
            return False
        try:
            return bool(call_helper(page, "documentMark") == self.doc_mark)
        except Exception:  # the document is being replaced right now
            return False

    def _handle(self, page: Page, spec: PageSpec, entry: PageEntry) -> None:
        kind = spec.kind
        if kind == PageKind.BLOCKED:
            self.progress.say(M.BLOCKED_PAGE, level=0, name=spec.name)
            entry.action = "blocked-page"
            self._wait_or_stop(page, spec.id, ExitCode.UNKNOWN_PAGE)
            return
        if kind == PageKind.DONE:
            self._snapshot(page, spec)
            self._say_done()
            entry.action = "done"
            raise _Stop("completed", ExitCode.OK)
        if kind == PageKind.PHASE_END:
            entry.action = "phase-end"
            self._phase_end(page, spec)
            return
        if kind == PageKind.LOGIN:
            self._login(page, spec, entry)
            return
        fill: PageFill | None = None
        if spec.fields:
            fill = self._fill(page, spec, entry)
        self._snapshot(page, spec)  # before the overlay: the audit shows the page as NSS drew it
        if fill is not None and not self.headless:
            from ..engine.overlay import show_field_status

            show_field_status(page, spec, fill)
        if fill is not None and fill.problems:
            self._not_past_problems(page, fill, entry)
            return
        guarded = spec.guarded_buttons
        if guarded:
            self._at_guarded(page, spec, guarded[0].caption, entry)
            return
        if self.settings.step:
            entry.action = "step"
            self._wait_or_stop(page, "step", ExitCode.NEEDS_HUMAN)
            return
        self._forward(page, spec, entry)

    # ------------------------------------------------------------------ filling
    def _context(self, spec: PageSpec) -> dict[str, Any]:
        ctx = build_context(self.data)
        if spec.repeat is not None:
            pending = self._pending_codes()
            if pending:
                ctx[spec.repeat.as_] = pending[0]
        return ctx

    def _pending_codes(self) -> list[dict[str, Any]]:
        done = set(self.codes_set)
        return [c for c in self.data.get("user_codes", []) if c["code"] not in done]

    def _fill(
        self, page: Page, spec: PageSpec, entry: PageEntry, plan: PagePlan | None = None
    ) -> PageFill:
        from ..engine.filling import fill_page

        plan = plan or plan_page(spec, self._context(spec))
        fill = fill_page(
            page, spec, plan, self.memory, self._presser(page, spec), reading=self.reading
        )
        self.reading = None
        if not self._unchanged(page):
            raise _Changed  # whatever happened to the fields belongs to a page that is gone
        counts = {"filled": 0, "unchanged": 0, "kept": 0, "skipped": 0, "problems": 0}
        counted = {
            FieldStatus.FILLED: "filled",
            FieldStatus.UNCHANGED: "unchanged",
            FieldStatus.KEPT: "kept",
            FieldStatus.SKIPPED: "skipped",
            FieldStatus.MANUAL: "skipped",
        }
        for res in fill.fields:
            value = MASK if self._sensitive(spec, res.field_id) else " / ".join(res.values)
            status = res.status.value
            entry.fields.append(FieldEntry(res.field_id, res.label, value, status, res.detail))
            self.audit.log(
                "field",
                page_id=spec.id,
                field=res.field_id,
                label=res.label,
                value=value,
                status=status,
                detail=res.detail,
            )
            key = counted.get(res.status, "problems")
            counts[key] += 1
            if key == "problems":
                self.progress.say(
                    M.FIELD_PROBLEM, level=0, label=res.label, status=status, detail=res.detail
                )
            else:
                self.progress.say(
                    M.FIELD_LINE, level=2, label=res.label, status=status, value=value
                )
        for st in fill.steps:
            entry.steps.append(StepEntry(st.kind, st.caption, st.ok, st.detail, st.row))
            self.audit.log("step", page_id=spec.id, kind=st.kind, caption=st.caption, ok=st.ok,
                           detail=st.detail)  # fmt: skip
            if not st.ok:
                counts["problems"] += 1
                self.progress.say(
                    M.FIELD_PROBLEM, level=0, label=st.caption, status="error", detail=st.detail
                )
        self.progress.say(M.FILLED, **counts)
        return fill

    def _not_past_problems(self, page: Page, fill: PageFill, entry: PageEntry) -> None:
        """A value could not be placed: never press the forward control. Headless: stop with
        exit 4 naming each field; headed: the overlay shows them and the operator fixes the
        page and moves on."""
        entry.action = "fill-problems"
        problems = fill.problems
        self.progress.say(M.FILL_PROBLEMS, level=0, n=len(problems))
        if self.headless:
            raise _Stop("fill-problems", ExitCode.UNKNOWN_PAGE, "; ".join(problems))
        self._wait_human(page)

    def _snapshot(self, page: Page, spec: PageSpec | None) -> None:
        """Screenshot for the audit bundle, sensitive fields and password inputs masked."""
        from ..engine.locating import field_locators

        masks = [page.get_by_text(v) for v in self.secrets.values()]  # e.g. an ID in a header
        for f in spec.fields if spec else ():
            if f.sensitive:
                masks.extend(field_locators(page, f, spec))
        self.audit.screenshot(page, spec.id if spec else "unrecognised", masks)

    def _sensitive(self, spec: PageSpec, field_id: str) -> bool:
        try:
            return bool(spec.field(field_id).sensitive)
        except KeyError:
            return False

    def _presser(self, page: Page, spec: PageSpec) -> Callable[[Locator, str], None]:
        def press(target: Locator, caption: str) -> None:
            self.guard.press(page, target, caption, spec)

        return press

    # ------------------------------------------------------------------ moving on
    def _button(self, page: Page, spec: PageSpec, caption: str) -> Locator | None:
        """The one control showing ``caption`` (its menu opened first when it is in one)."""
        from ..engine.locating import locate_button
        from ..engine.menus import MenuClosed, reveal
        from ..engine.reading import read_page

        reading = self.reading or read_page(page, self.catalogue)
        self.reading = reading
        hit = locate_button(reading, spec, caption)
        if isinstance(hit, str):
            return None
        if hit.visible:
            return page.locator(hit.selector)
        self.reading = None  # opening the menu changes the page
        try:
            return reveal(page, hit, self._presser(page, spec), self.settings.page_timeout_ms)
        except MenuClosed as exc:
            self.progress.say(M.MENU_CLOSED, level=0, detail=str(exc))
            return None

    def _forward(self, page: Page, spec: PageSpec, entry: PageEntry) -> None:
        if spec.table is not None:
            from ..engine.filling import table_column

            self.codes_set = table_column(page, spec.table.columns, spec.table.column)
        for caption in spec.forward:
            button = spec.button(caption)
            if button.when == "pending_codes" and not self._pending_codes():
                continue
            target = self._button(page, spec, caption)
            if target is None:
                continue
            entry.action = f"pressed {caption}"
            self.progress.say(M.PRESSING, caption=caption)
            self.audit.log("press", page_id=spec.id, caption=caption, by="tool")
            self._press(page, spec, target, caption)
            return
        raise _Stop(
            "no-forward-control",
            ExitCode.UNKNOWN_PAGE,
            f"{spec.name}: none of {list(spec.forward)} found",
        )

    def _mark(self, page: Page) -> str:
        """A fresh token on the recognised document; :class:`_Changed` if it is gone."""
        token = secrets.token_hex(8)
        if self.new_pages or page.is_closed():
            raise _Changed
        try:
            same = bool(call_helper(page, "remark", [self.doc_mark, token]))
        except Exception:  # the document is being replaced right now
            same = False
        if not same:
            raise _Changed
        self.doc_mark = token
        return token

    def _press(
        self, page: Page, spec: PageSpec, target: Locator, caption: str, by_operator: bool = False
    ) -> None:
        """Press, then wait (bounded by the page timeout) until a new document or tab appears.

        A slow answer makes Playwright's click time out while it waits for the navigation it
        started; that is not an error here: the bounded wait below decides.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        token = self._mark(page)
        started = time.monotonic()
        # the simulated operator is a person: what its press sends, until the page moved on,
        # is theirs, and the request watch stands aside (as it does for the operator's own)
        person = by_operator and self.operator is not None
        with self.guard.idle() if person else contextlib.nullcontext():
            try:
                if person:
                    assert self.operator is not None
                    self.operator.press_guarded(page, caption, spec, target)
                else:
                    self._presser(page, spec)(target, caption)
            except PlaywrightTimeout:
                pass
            left = self.settings.page_timeout_ms / 1000 - (time.monotonic() - started)
            self._wait_moved_on(page, token, max(left, 0.1))

    def _moved_on(self, page: Page, token: str) -> bool:
        if self.new_pages or page.is_closed():
            return True
        try:
            return bool(call_helper(page, "documentMark") != token)
        except Exception:  # the document is being replaced right now
            return False

    def _wait_moved_on(self, page: Page, token: str, seconds: float | None) -> None:
        """Wait, bounded when ``seconds`` is given, until a new document or tab appears.

        It sleeps inside Playwright (not ``time.sleep``), so the browser's events and the
        guard's request watch are served while it waits.
        """

        def sleep(s: float) -> None:
            if page.is_closed():
                time.sleep(s)
            else:
                page.wait_for_timeout(s * 1000)

        retryer = Retrying(
            stop=stop_after_delay(seconds) if seconds else stop_never,
            wait=wait_fixed(0.03 if seconds else 0.3),
            retry=retry_if_result(lambda moved: not moved),
            sleep=sleep,
        )
        try:
            retryer(self._moved_on, page, token)
        except RetryError:
            raise _Stop("stuck", ExitCode.UNKNOWN_PAGE, "the page did not move on") from None

    def _wait_human(self, page: Page) -> None:
        if not self._unchanged(page):
            return  # the operator (or the page) already moved on
        seconds = self.settings.human_timeout_s or None
        token = self._mark(page)
        with self.guard.idle():  # the person acts: what they send is theirs
            self._wait_moved_on(page, token, seconds)

    def _wait_or_stop(self, page: Page, outcome: str, code: ExitCode) -> None:
        if self.headless:
            raise _Stop(outcome, code)
        self.progress.say(M.WAIT_HUMAN, level=0)
        self._wait_human(page)

    # ------------------------------------------------------------------ the human's buttons
    def _audit_confirmation(self, page: Page, spec: PageSpec, entry: PageEntry) -> None:
        """On a 申込内容確認 page: is every value the tool filled shown back?"""
        from ..engine.confirm_audit import audit_text, expected_values

        expected = expected_values(self.catalogue, self.data, spec.phase)
        diffs = audit_text(page.inner_text("body"), expected)
        entry.confirmation = [
            {"page_id": d.page_id, "label": d.label, "expected": d.expected, "kind": d.kind}
            for d in diffs
        ]
        if not self.headless:
            from ..engine.overlay import show_confirmation

            show_confirmation(page, diffs, len(expected))
        if not diffs:
            self.progress.say(M.CONFIRM_OK, n=len(expected))
            return
        self.progress.say(M.CONFIRM_DIFF, level=0, n=len(diffs))
        for d in diffs:
            self.progress.say(M.CONFIRM_LINE, level=0, label=d.label, value=d.expected)

    def _at_guarded(self, page: Page, spec: PageSpec, caption: str, entry: PageEntry) -> None:
        if spec.kind == PageKind.CONFIRM:
            self._audit_confirmation(page, spec, entry)
        target = self._button(page, spec, caption)
        review = Msg.split(spec.review or spec.name)  # the catalogue writes 日本語 / English
        if self.operator is not None and target is not None and is_loopback(page.url):
            self.progress.say(M.SIMULATED, caption=caption)
            self.audit.log("press", page_id=spec.id, caption=caption, by="simulated-operator")
            self.report.guarded.append(GuardEntry(spec.id, caption, "simulated-operator"))
            entry.action = f"simulated operator pressed {caption}"
            self._press(page, spec, target, caption, by_operator=True)
            return
        if self.headless:
            self.progress.say(M.HEADLESS_STOP, level=0, caption=caption)
            self.report.guarded.append(GuardEntry(spec.id, caption, "nobody", "headless"))
            entry.action = "stopped for a human"
            raise _Stop("needs-human", ExitCode.NEEDS_HUMAN, caption)
        from ..engine.overlay import highlight

        if target is not None:
            highlight(page, target, caption)
        self.progress.say(M.REVIEW, level=0, review=review, caption=caption)
        entry.action = "waiting for the human"
        self._wait_human(page)
        self.report.guarded.append(
            GuardEntry(spec.id, caption, "human", "the page moved on after the operator acted")
        )

    def _login(self, page: Page, spec: PageSpec, entry: PageEntry) -> None:
        if not (self.secrets.login_id and self.secrets.password):
            self.progress.say(M.LOGIN_WAIT, level=0)
            entry.action = "waiting for the login"
            self._wait_or_stop(page, "needs-login", ExitCode.NEEDS_HUMAN)
            return
        values = {"login_id": self.secrets.login_id, "password": self.secrets.password}
        fill = self._fill(page, spec, entry, plan_fixed(spec, values))
        self._snapshot(page, spec)
        if fill.problems:
            self._not_past_problems(page, fill, entry)
            return
        self._forward(page, spec, entry)

    def _phase_end(self, page: Page, spec: PageSpec) -> None:
        box = call_helper(page, "boxText", spec.mail_box) if spec.mail_box else None
        if self.operator is not None and self.settings.dry_run and box and is_loopback(page.url):
            url = next((u for u in _URL_RE.findall(box) if is_loopback(u)), None)
            found = _mail_credentials(box)
            if url and found:
                self.secrets = _Secrets(*found)
                if self.recorder is not None:
                    self.recorder.add_secrets(found)
                self._snapshot(page, spec)
                self.progress.say(M.MOCK_MAIL, url=url)
                token = self._mark(page)
                goto_with_retry(page, url, self.settings.page_timeout_ms)
                self._wait_moved_on(page, token, self.settings.page_timeout_ms / 1000)
                return
        self._snapshot(page, spec)
        self.progress.say(M.PHASE1_DONE, level=0, next=phase2_hint(self.profile_path))
        self.report.phase = 1
        raise _Stop("phase-1-complete", ExitCode.OK)

    def _say_done(self) -> None:
        start = self.data["contract"]["start_date"]
        broker = any(i["industry"] == "通関士" for c in self.data["user_codes"] for i in c["ids"])
        self.report.phase = 2
        self.progress.say(
            M.DONE,
            level=0,
            deadline=start + dt.timedelta(days=2),
            setup=subtract_business_days(start, 4),
            broker=M.BROKER.render(self.lang) if broker else "",
        )


def _mail_credentials(box: str) -> tuple[str, str] | None:
    """The login ID and password shown in the mock mail box (dry runs only)."""
    lid = re.search(r"ID[\s:：]+(\S+)", box)
    pwd = re.search(r"パスワード[\s:：]+(\S+)", box)
    return (lid.group(1), pwd.group(1)) if lid and pwd else None
