"""The run: recognise each page, fill it, move on, and stop where a human must act.

Data flows one way: profile → plan (pure) → page (browser) → report. The loop below knows no
NSS captions: every page, field and button comes from the catalogue. The only clicks go through
``Guard.press`` (the tool) or ``SimulatedOperator`` (``--auto-confirm``, loopback only). Tabs and
document tokens are :mod:`.documents`' business, the mock site :mod:`.dryrun`'s, what the run
says about fields :mod:`.fieldlog`'s.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine.guard import PageChanged
from ..engine.planning import PagePlan, build_context, pending_items, plan_fixed, plan_page
from ..engine.scripts import call_helper
from ..errors import BadInput, Outcome
from ..i18n import Lang, Msg
from ..profile.deadlines import setup_deadline, viewing_deadline
from ..settings import Settings
from ..shell import phase2_hint
from ..site.catalogue import Catalogue, PageKind, PageSpec, load_catalogue
from ..site.origins import is_loopback, is_trusted, origin_of
from . import messages as M
from .audit import AuditBundle, PageRecords, default_dir
from .confirmation import check_confirmation
from .control import Changed, Stop
from .dryrun import DryRun, auto_confirm_allowed, begin, loopback_route, mock_mail
from .fieldlog import log_fill
from .messages import Progress
from .moving import Mover, Sight
from .navigation import LoadWatch, goto_with_retry
from .report import GuardEntry, PageEntry, Report

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from ..engine.filling import FillMemory, PageFill
    from ..engine.guard import Guard, SimulatedOperator
    from ..profile import Profile
    from .documents import Documents
    from .recorder import Recorder

__all__ = ["Progress", "Runner", "auto_confirm_allowed", "run"]


@dataclass
class _Secrets:
    login_id: str | None = None
    password: str | None = None

    def values(self) -> list[str]:
        return [v for v in (self.login_id, self.password) if v]


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

    # made when the browser starts (:meth:`run`)
    docs: Documents
    loads: LoadWatch
    guard: Guard
    operator: SimulatedOperator | None
    memory: FillMemory
    mover: Mover

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
        self.dry: DryRun | None = None
        self.recorder: Recorder | None = None
        self.audit = AuditBundle.create(settings.artifacts or default_dir())
        self.allowed: list[str] = list(settings.allow_origin)
        self.headless = settings.headless
        self.codes_set: list[str] = []
        self.visits = 0
        self.sight = Sight(self.catalogue)  # the page as last read, until it changes
        self.records = PageRecords(self.audit, self.sight, self.secrets.values)

    # ------------------------------------------------------------------ set-up
    def run(self) -> int:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        from ..engine import scripts
        from ..engine.filling import FillMemory
        from ..engine.guard import Guard, GuardRefused, SimulatedOperator
        from ..engine.reading import reading_options
        from .browser import open_browser
        from .documents import Documents

        start, self.dry, self.headless = begin(self.settings, self.progress, self.lang)
        if self.dry is not None:
            self.allowed.append(origin_of(self.dry.base_url))
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
                context = opened.new_context(service_workers="block")
                self.loads = LoadWatch(context)
                if loopback_only:
                    blocked = self.report.blocked_requests
                    context.route("**/*", lambda route: loopback_route(route, blocked))
                self.guard.install(context)
                scripts.install(context, reading_options(self.catalogue))
                if self.settings.record is not None:
                    from .recorder import Recorder, profile_strings

                    values = profile_strings(self.data) | set(self.secrets.values())
                    self.recorder = Recorder(self.settings.record, values)
                    self.recorder.attach(context)
                self.docs = Documents(context)
                self.mover = Mover(
                    self.settings, self.guard, self.docs, self.sight, self.progress, self.operator
                )
                self.mover.headless = self.headless
                page = self.docs.open()
                try:
                    # the arrival waits in the new document (it reads the page once settled)
                    goto_with_retry(page, start, self.settings.page_timeout_ms, wait_until="commit")
                    self._loop()
                except Stop as stop:
                    self._finish(stop.outcome, stop.message)
                except GuardRefused as exc:
                    self._finish(Outcome.GUARD_REFUSED, str(exc))
                except PlaywrightTimeout as exc:
                    self._finish(Outcome.TIMEOUT, str(exc).splitlines()[0])
                except PlaywrightError as exc:
                    if not self.docs.all_closed():
                        raise RuntimeError(str(exc).splitlines()[0]) from exc
                    self._finish(Outcome.BROWSER_CLOSED)
                finally:
                    self.report.add_guard(self.guard.records, self.guard.blocked)
                    with contextlib.suppress(PlaywrightError):
                        opened.browser.close()
        finally:
            if self.dry is not None:
                self.report.mock_posts = self.dry.posts(self.secrets.values())
                self.dry.stop()
        assert self.report.exit_code is not None
        return self.report.exit_code

    def _finish(self, outcome: Outcome, message: str = "") -> None:
        if outcome is Outcome.BROWSER_CLOSED:
            self.progress.say(M.CLOSED, level=0)
        self.report.finish(outcome, message)

    # ------------------------------------------------------------------ pages
    def _loop(self) -> None:
        from ..engine.reading import arrive
        from ..engine.recognition import facts_of, recognise

        last: tuple[str | None, str] = (None, "")
        while True:
            page = self.docs.current()
            self.loads.recover(page, self.settings.page_timeout_ms)
            arrival = arrive(page, self.catalogue, self.settings.page_timeout_ms)
            self.sight.reading = arrival.reading
            rec = recognise(self.catalogue, facts_of(arrival.reading))
            self.visits += 1
            spec = rec.page
            entry = PageEntry.of(rec, page.url)
            self.report.pages.append(entry)
            name = spec.name if spec else page.url
            self.progress.say(M.PAGE, n=self.visits, name=name)

            same = (spec.id if spec else page.url, self.docs.key(page, arrival.mark))
            if same == last:
                raise Stop(Outcome.STUCK, f"the page did not move on: {name}")
            last = same

            if not is_trusted(page.url, self.catalogue.site.trusted_hosts, self.allowed):
                self.progress.say(M.UNTRUSTED, level=0, origin=origin_of(page.url) or page.url)
                self.mover.wait_or_stop(page, entry, Outcome.UNTRUSTED_ORIGIN)
                continue
            if spec is None:
                self.records.record(page, None, shot=True)
                self.progress.say(M.UNKNOWN, level=0, reason=rec.reason)
                for cand in rec.candidates[:3]:
                    failed = ", ".join(cand.failed)
                    self.progress.say(M.CANDIDATE, page=cand.page_id, failed=failed)
                self.mover.wait_or_stop(page, entry, Outcome.UNKNOWN_PAGE)
                continue
            if rec.validation_errors:
                self.progress.say(M.VALIDATION, level=0)
                for err in rec.validation_errors:
                    self.progress.stream.write(f"  - {err}\n")
                self.mover.wait_or_stop(page, entry, Outcome.VALIDATION_ERROR)
                continue
            try:
                # every request while the tool acts is read; the reading says where the page's
                # guarded controls submit
                with self.guard.acting(page, arrival.reading.targets):
                    self._handle(page, spec, entry)
            except (Changed, PageChanged):
                entry.action = "the page changed while the tool worked on it; looking again"
                self.audit.log("page-changed", page_id=spec.id)
                last = (None, "")

    def _handle(self, page: Page, spec: PageSpec, entry: PageEntry) -> None:
        """What the page kind asks for: fill and move on, or stop where a human acts."""
        kind = spec.kind
        if kind == PageKind.BLOCKED:
            self.progress.say(M.BLOCKED_PAGE, level=0, name=spec.name)
            self.mover.wait_or_stop(page, entry, Outcome.BLOCKED_PAGE, spec.id)
            return
        if kind == PageKind.DONE:
            self.records.record(page, spec)
            self._say_done()
            entry.action = "done"
            raise Stop(Outcome.COMPLETED)
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
        guarded = spec.guarded_buttons
        # the snapshot before the overlay: the audit keeps the page as NSS drew it; then the
        # overlay at once, and a screenshot where a person must act (the overlay's panel hidden)
        self.records.record(page, spec)
        if fill is not None and not self.headless:
            from ..engine.overlay import show_field_status

            show_field_status(page, spec, fill)
        if guarded or (fill is not None and fill.problems):
            self.records.shoot(page, spec)
        if fill is not None and fill.problems:
            self.mover.not_past_problems(page, fill, entry)
            return
        if guarded:
            self._at_guarded(page, spec, guarded[0].caption, entry)
            return
        if self.settings.step:
            self.mover.wait_or_stop(page, entry, Outcome.STEP)
            return
        self._forward(page, spec, entry)

    # ------------------------------------------------------------------ filling
    def _pending_codes(self) -> bool:
        """Items of the page visited once per item (the 利用者コード) not yet in its table."""
        repeat = next((p.repeat for p in self.catalogue.pages if p.repeat is not None), None)
        return repeat is not None and bool(pending_items(self.data, repeat, self.codes_set))

    def _fill(
        self, page: Page, spec: PageSpec, entry: PageEntry, plan: PagePlan | None = None
    ) -> PageFill:
        from ..engine.filling import fill_page

        plan = plan or plan_page(spec, build_context(self.data, spec, self.codes_set))
        presser = self.mover.presser(page, spec)
        fill = fill_page(page, spec, plan, self.memory, presser, reading=self.sight.reading)
        self.sight.reading = fill.reading  # the page as the last round left it
        mark = fill.reading.mark if fill.reading is not None else None
        if mark is not None and self.docs.new_pages:
            mark = None  # a tab opened meanwhile: ask
        if not (mark == self.docs.mark if mark is not None else self.docs.unchanged(page)):
            raise Changed  # whatever happened to the fields belongs to a page that is gone
        log_fill(spec, fill, entry, self.audit, self.progress.say)
        return fill

    # ------------------------------------------------------------------ moving on
    def _forward(self, page: Page, spec: PageSpec, entry: PageEntry) -> None:
        if spec.table is not None:
            from ..engine.tables import table_column

            self.codes_set = table_column(page, spec.table.columns, spec.table.column)
        for caption in spec.forward:
            button = spec.button(caption)
            if button.when == "pending_codes" and not self._pending_codes():
                continue
            target = self.mover.button(page, spec, caption)
            if target is None:
                continue
            entry.action = f"pressed {caption}"
            self.progress.say(M.PRESSING, caption=caption)
            self.audit.log("press", page_id=spec.id, caption=caption, by="tool")
            self.mover.press(page, spec, target, caption)
            return
        raise Stop(Outcome.NO_FORWARD_CONTROL, f"{spec.name}: none of {list(spec.forward)} found")

    # ------------------------------------------------------------------ the human's buttons
    def _at_guarded(self, page: Page, spec: PageSpec, caption: str, entry: PageEntry) -> None:
        if spec.kind == PageKind.CONFIRM:
            check_confirmation(
                page, spec, entry, self.data, self.progress, overlay=not self.headless
            )
        target = self.mover.button(page, spec, caption)
        review = Msg.split(spec.review or spec.name)  # the catalogue writes 日本語 / English
        if self.operator is not None and target is not None and is_loopback(page.url):
            self.progress.say(M.SIMULATED, caption=caption)
            self.audit.log("press", page_id=spec.id, caption=caption, by="simulated-operator")
            self.report.guarded.append(GuardEntry(spec.id, caption, "simulated-operator"))
            entry.action = f"simulated operator pressed {caption}"
            self.mover.press(page, spec, target, caption, by_operator=True)
            return
        if self.headless:
            self.progress.say(M.HEADLESS_STOP, level=0, caption=caption)
            self.report.guarded.append(GuardEntry(spec.id, caption, "nobody", "headless"))
            entry.action = "stopped for a human"
            raise Stop(Outcome.NEEDS_HUMAN, caption)
        from ..engine.overlay import highlight

        if target is not None:
            highlight(page, page.locator(target) if isinstance(target, str) else target, caption)
        self.progress.say(M.REVIEW, level=0, review=review, caption=caption)
        entry.action = "waiting for the human"
        self.mover.wait_human(page)
        self.report.guarded.append(
            GuardEntry(spec.id, caption, "human", "the page moved on after the operator acted")
        )

    def _login(self, page: Page, spec: PageSpec, entry: PageEntry) -> None:
        if not (self.secrets.login_id and self.secrets.password):
            self.progress.say(M.LOGIN_WAIT, level=0)
            self.mover.wait_or_stop(page, entry, Outcome.NEEDS_LOGIN)
            return
        values = {"login_id": self.secrets.login_id, "password": self.secrets.password}
        fill = self._fill(page, spec, entry, plan_fixed(spec, values))
        self.records.record(page, spec, shot=bool(fill.problems))
        if fill.problems:
            self.mover.not_past_problems(page, fill, entry)
            return
        self._forward(page, spec, entry)

    def _phase_end(self, page: Page, spec: PageSpec) -> None:
        box = call_helper(page, "boxText", spec.mail_box) if spec.mail_box else None
        # the bundled mock (on loopback, dry run or not) shows its mail on this page: its login
        # is a secret from here on, masked everywhere; only a dry run follows it by itself
        mail = mock_mail(box) if is_loopback(page.url) else None
        if mail is not None:
            url, login_id, password = mail
            # in place: the audit's records read the same object
            self.secrets.login_id, self.secrets.password = login_id, password
            if self.recorder is not None:
                self.recorder.add_secrets((login_id, password))
        if mail is not None and self.operator is not None and self.settings.dry_run:
            self.records.record(page, spec)
            self.progress.say(M.MOCK_MAIL, url=url)
            token = self.docs.renew(page)
            goto_with_retry(page, url, self.settings.page_timeout_ms, wait_until="commit")
            self.docs.wait_moved_on(page, token, self.settings.page_timeout_ms / 1000)
            return
        self.records.record(page, spec)
        self.progress.say(M.PHASE1_DONE, level=0, next=phase2_hint(self.profile_path))
        self.report.phase = 1
        raise Stop(Outcome.PHASE1_COMPLETE)

    def _say_done(self) -> None:
        start = self.profile.contract.start_date
        self.report.phase = 2
        self.progress.say(
            M.DONE,
            level=0,
            deadline=viewing_deadline(start),
            setup=setup_deadline(start),
            broker=M.BROKER.render(self.lang) if self.profile.has_customs_brokers else "",
        )
