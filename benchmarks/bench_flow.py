"""The full two-phase dry run against a floor: a straight-line Playwright script.

Run: ``python benchmarks/bench_flow.py [PROFILE] [--runs N]``; see ``--help`` for the
experiments (``--floor-route``, ``--try-fast-poll``) and diagnostics (``--breakdown``,
``--cprofile``). Prints wall and CPU medians, the tool/floor ratios, the Playwright round trips
of each side and the process's peak memory.

Both sides run in this one Python process, alternately (tool, floor, tool, floor, ...), after
one untimed warm-up of each. Each timed run starts from nothing and ends with everything
stopped: its own ``MockSite``, its own Playwright driver, the system Chromium launched with the
same arguments as ``nss_autofill.run.browser.launch(..., loopback_only=True)``, the whole flow from
the NACCS掲示板 to NACCS利用申込完了 (反映, 設定 rows, 模擬メール → login, both phases), then
browser and site closed.

* **tool**: ``nss_autofill.run.session.Runner`` with ``Settings(dry_run=True, headless=True,
  auto_confirm=True, artifacts=<tmp>)``, exactly as ``session.run()`` builds it (profile loaded,
  catalogue loaded once outside the timing, as a long-lived process would). Progress lines go to
  a buffer instead of stderr.
* **floor**: hard-coded selectors (the mock's input names) and values (profiles/example.yaml),
  ``fill`` / ``select_option`` / ``check`` / ``click`` and a wait for each navigation; nothing
  is read, recognised, checked or screenshotted. After each floor run the mock's recorded POSTs
  are compared with the tool's, so both sides provably post the same forms. The floor fills
every value, even where the page already shows it (the tool reads back and leaves those).

In-process rather than subprocesses, so that interpreter start-up and imports (≈0.5 s, the same
for both) do not blur the ratio; ``bench_check.py`` covers start-up. The tool writes a
full-page screenshot per page to its audit bundle (part of its job); ``--no-shots`` (and the
default report, which gives both) replaces ``AuditBundle.screenshot`` with a no-op *in this
process only* to show what the screenshots cost; the product is not changed.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import pstats
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "profiles" / "example.yaml"
TARGET_RATIO = 1.15
TIMEOUT_MS = 15_000


# --------------------------------------------------------------------------------------- tool


@dataclass
class Sample:
    wall: float  # seconds, start to finish
    cpu: float  # seconds of CPU: this process plus the driver and browser it started and reaped
    calls: Counter[str]  # Playwright protocol requests by method (each one a round trip)


CALLS: Counter[str] = Counter()
# (product function that caused it, method) -> count; filled only while WHERE is on (--calls)
WHERE: Counter[tuple[str, str]] = Counter()
WHERE_MS: Counter[tuple[str, str]] = Counter()  # wall time of the API calls that sent them
WHERE_ON = False


CALLER = ["(outside the product)"]
SENT: list[str] = []  # the first method an API call sent


def _caller(frame: Any) -> str:
    """The innermost nss_autofill frame on the stack, as ``module.function``."""
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.startswith("nss_autofill.") and name != "nss_autofill.engine.scripts":
            return f"{name.removeprefix('nss_autofill.')}.{frame.f_code.co_name}"
        frame = frame.f_back
    return "(outside the product)"


def count_protocol_calls() -> None:
    """Count every request the Python client sends to Playwright's driver (by method).

    Reaches into ``playwright._impl`` (not a public API): a diagnostic, skipped if it moved.
    """
    try:
        from playwright._impl.connection import Connection
    except ImportError:
        return
    if getattr(Connection, "_bench_counted", False):
        return
    send = Connection.send_message_to_server

    def counted(self: Any, obj: Any, method: str, params: Any, options: Any) -> Any:
        if method != "__waitInfo__":
            CALLS[method] += 1
            if WHERE_ON:
                WHERE[(CALLER[0], method)] += 1
                if not SENT:
                    SENT.append(method)
        return send(self, obj, method, params, options)

    Connection.send_message_to_server = counted  # type: ignore[method-assign]
    # The sync API sends from the dispatcher's greenlet: note the product's caller on the way in.
    from playwright._impl._sync_base import SyncBase

    sync = SyncBase._sync

    def noted(self: Any, awaitable: Any) -> Any:
        if not WHERE_ON:
            return sync(self, awaitable)
        where = CALLER[0] = _caller(sys._getframe(1))
        SENT.clear()
        t0 = time.perf_counter()
        try:
            return sync(self, awaitable)
        finally:
            if SENT:
                WHERE_MS[(where, SENT[0])] += (time.perf_counter() - t0) * 1000

    SyncBase._sync = noted  # type: ignore[method-assign]
    Connection._bench_counted = True  # type: ignore[attr-defined]


class _Clock:
    """Wall time and CPU time (self + reaped children: Playwright's node driver and Chromium)."""

    def __enter__(self) -> _Clock:
        count_protocol_calls()
        CALLS.clear()
        self.r0 = _cpu()
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        wall, cpu = time.perf_counter() - self.t0, _cpu() - self.r0
        self.sample = Sample(wall, cpu, Counter(CALLS))


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class Tool:
    """The product, driven in-process the way ``session.run()`` drives it."""

    def __init__(self, profile_path: Path) -> None:
        from nss_autofill.profile.loading import load_profile
        from nss_autofill.site.catalogue import load_catalogue

        self.profile_path = profile_path
        self.profile = load_profile(profile_path)
        self.catalogue = load_catalogue()
        self.last_posts: list[tuple[str | None, dict[str, list[str]]]] = []

    def run(self) -> Sample:
        from nss_autofill.run.report import Report
        from nss_autofill.run.session import Runner
        from nss_autofill.settings import Settings

        with tempfile.TemporaryDirectory(prefix="bench-flow-") as tmp:
            settings = Settings(
                dry_run=True, headless=True, auto_confirm=True, artifacts=Path(tmp) / "run"
            )
            report = Report(started=dt.datetime.now().astimezone().isoformat())
            runner = Runner(
                settings, self.profile, self.profile_path, "en", report, catalogue=self.catalogue
            )
            runner.progress.stream = io.StringIO()
            with _Clock() as clock:
                code = runner.run()
        if code != 0 or report.phase != 2:
            log = runner.progress.stream.getvalue()
            raise SystemExit(f"tool run failed: exit {code}, outcome {report.outcome}\n{log}")
        self.last_posts = [(p["page_id"], p["fields"]) for p in report.mock_posts]
        return clock.sample


@contextmanager
def screenshots_off() -> Iterator[None]:
    """Make ``AuditBundle.screenshot`` a no-op in this process (benchmark only)."""
    from nss_autofill.run.audit import AuditBundle

    saved = AuditBundle.screenshot

    def no_shot(self: AuditBundle, page: Any, name: str, masks: list[Any]) -> None:
        self.shots += 1

    AuditBundle.screenshot = no_shot  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        AuditBundle.screenshot = saved  # type: ignore[method-assign]


@contextmanager
def fast_poll() -> Iterator[None]:
    """Experiment: poll for the next document every 10 ms instead of 100 ms (this process only).

    ``documents.Documents.wait_moved_on`` checks the document mark, then sleeps between checks;
    a navigation that lands just after a check costs up to the poll interval.
    """
    from tenacity import wait_fixed

    from nss_autofill.run import documents

    saved = documents.wait_fixed
    documents.wait_fixed = lambda s: wait_fixed(min(s, 0.01))  # type: ignore[assignment]
    try:
        yield
    finally:
        documents.wait_fixed = saved  # type: ignore[assignment]


# -------------------------------------------------------------------------------------- floor

# The values of profiles/example.yaml as the mock's inputs want them, by input name.
TEMP_APPLY = {
    "txtKgyMei": "ナックス商事株式会社",
    "txtBusyoMei": "物流部",
    "txtTntSei": "山田",
    "txtTntMei": "太郎",
    "txtTntSeiKana": "ヤマダ",
    "txtTntMeiKana": "タロウ",
    "txtTelNo": "03-1234-5678",
    "txtMailAddr": "yamada@example.co.jp",
    "txtMailAddrKakunin": "yamada@example.co.jp",
}
TANTO = {
    "txtMskSei": "山田",
    "txtMskMei": "太郎",
    "txtMskSeiKn": "ヤマダ",
    "txtMskMeiKn": "タロウ",
    "txtMskBusyo": "物流部",
    "txtMskTel": "03-1234-5678",
    "txtMskMail": "yamada@example.co.jp",
    "txaRiyu": "サイバーポート利用のための申込",
}
TANTO_DATE = {"selKaishiY": "2027", "selKaishiM": "04", "selKaishiD": "01"}
OFFICE_BEFORE_ZIP = {
    "txtKgyMei": "ナックス商事株式会社",
    "txtKgyMeiKn": "ナックスショウジ",
    "txtHojinNo": "7000012050002",
    "txtDaihyoYakusyoku": "代表取締役",
    "txtDaihyoSimei": "港　一郎",
    "txtKgyYubin": "1050001",
}
OFFICE_AFTER_ZIP = {
    "txtKgyJusyo1": "港区虎ノ門一丁目２番３号",
    "txtKgyJusyo2": "虎ノ門ビル５階",
    "txtKgyTel": "03-1234-5678",
    "txtJgsMei": "ＣＰ利用者",
    "txtJgsMeiKn": "サイバーポートリヨウシャ",
    "txtKanriSimei": "山田　太郎",
    "txtKanriTel": "03-1234-5678",
    "txtKanriMail": "yamada@example.co.jp",
}


def _fill(page: Any, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.fill(f'[name="{name}"]', value)


def _submit(page: Any, selector: str) -> None:
    """Click and wait until the next document has loaded (the form posts, then a 303)."""
    with page.expect_navigation(wait_until="load", timeout=TIMEOUT_MS):
        page.click(selector)


def floor_flow(page: Any, context: Any, site: Any) -> Any:
    """Every fill and click of the two phases, straight through, on the mock's own names."""
    page.goto(site.start_url, wait_until="load")
    _submit(page, "a.button")  # NSS ログイン
    with context.expect_page() as new_tab:  # 新規申込 opens a new window
        page.click('a.button[href$="NSS0010.do"]')
    page = new_tab.value
    page.wait_for_load_state("load")
    _submit(page, 'input[name="btnDoi"]')  # the operator's consent (simulated)
    # phase 1: 申込担当者の情報 → 確認 → 登録 (the operator's final submit, simulated)
    _fill(page, TEMP_APPLY)
    _submit(page, 'input[name="btnKakunin"]')
    _submit(page, "a.btn[href*='申込内容を登録する']")
    # the 模擬メール: login URL, ID and password
    url = page.get_attribute("a.mail-url", "href")
    login_id = page.inner_text("td.mail-login-id").strip()
    password = page.inner_text("td.mail-password").strip()
    page.goto(url, wait_until="load")
    page.fill('[name="txtLoginId"]', login_id)
    page.fill('[name="pwdPassword"]', password)
    _submit(page, 'input[name="btnLogin"]')
    # phase 2
    _fill(page, TANTO)
    for name, value in TANTO_DATE.items():
        page.select_option(f'[name="{name}"]', value)
    _submit(page, 'button[name="next"]')
    _fill(page, OFFICE_BEFORE_ZIP)
    page.click("button:has-text('反映')")
    page.wait_for_function("() => document.getElementById('txtkgyjusyo1').value !== ''")
    _fill(page, OFFICE_AFTER_ZIP)
    page.check('input[name="rdoJgsSyozaichi"][value="1"]')
    _submit(page, 'input[name="btnIppan"]')
    _submit(page, 'input[name="btnKyoyo"]')  # 他事業所の利用者コードを共用する
    page.fill('[name="txtRiyosyaCd"]', "ABCDE")
    page.select_option('[name="selGyoshu"]', label="海貨業")
    page.select_option('[name="selHoshiki"]', "2")
    page.fill('[name="txtSikibetuSu"]', "1")
    page.click("#btnSet")  # 設定: one row
    page.wait_for_selector("#setRows tr")
    _submit(page, 'input[name="btnSettei"]')
    _submit(page, "button[onclick*='次へ']")
    page.check('input[name="chkKikiKyoyo"]')
    _submit(page, "a.btn[href*='次へ']")
    _submit(page, 'input[name="btnNext"]')  # メールボックス: the default
    page.check('input[name="rdoRyokinPlan"][value="B"]')
    _submit(page, "button[onclick*='次へ']")
    _submit(page, 'input[name="btnKakunin"]')  # 請求先: the defaults
    _submit(page, 'input[name="btnToroku"]')  # the operator's final submit (simulated)
    page.wait_for_selector("text=受付番号", timeout=TIMEOUT_MS, state="attached")
    return page


class Floor:
    """A straight-line Playwright script: own site, own driver, same browser and arguments."""

    def __init__(self, route: bool = False) -> None:
        self.route = route  # pass every request through a Python route handler, as the tool does
        self.last_posts: list[tuple[str | None, dict[str, list[str]]]] = []

    def run(self) -> Sample:
        from nss_autofill.mock.server import MockSite
        from nss_autofill.run.browser import open_browser

        with _Clock() as clock:
            site = MockSite().start()
            try:
                with open_browser("auto", headless=True, loopback_only=True) as opened:
                    context = opened.new_context(service_workers="block")
                    if self.route:
                        context.route("**/*", lambda route: route.continue_())
                    floor_flow(context.new_page(), context, site)
            finally:
                posts = site.posts
                site.stop()
        self.last_posts = [(p.page_id, p.fields) for p in posts]
        return clock.sample


def same_posts(tool: Tool, floor: Floor) -> str:
    """'' when both runs posted the same forms with the same values (login masked)."""

    def norm(posts: list[tuple[str | None, dict[str, list[str]]]]) -> list[Any]:
        out = []
        for page_id, fields in posts:
            kept = {k: v for k, v in fields.items() if k not in ("txtLoginId", "pwdPassword")}
            out.append((page_id, sorted(kept.items())))
        return out

    a, b = norm(tool.last_posts), norm(floor.last_posts)
    if a == b:
        return ""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return f"POST {i + 1} differs:\n  tool  {x}\n  floor {y}"
    return f"tool posted {len(a)} forms, floor {len(b)}"


# ------------------------------------------------------------------------------------ runner


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.0f} ms"


def alternate(runs: int, sides: dict[str, Callable[[], Sample]]) -> dict[str, list[Sample]]:
    """One warm-up of each side, then ``runs`` rounds of each side in turn."""
    for fn in sides.values():
        fn()
    times: dict[str, list[Sample]] = {name: [] for name in sides}
    for i in range(runs):
        for name, fn in sides.items():
            t = fn()
            times[name].append(t)
            print(
                f"  round {i + 1}: {name:<18} wall {_ms(t.wall)}  cpu {_ms(t.cpu)}",
                file=sys.stderr,
                flush=True,
            )
    return times


# Where the tool's wall time goes: (module, owner, attribute) → label. Time is charged to the
# innermost traced call, so the labels add up to the run (the rest is "other").
TRACED: tuple[tuple[str, str | None, str, str], ...] = (
    ("nss_autofill.engine.reading", None, "arrive", "arrival: settled + reading (one call)"),
    ("nss_autofill.engine.reading", None, "wait_settled", "wait until settled (quiet DOM)"),
    ("nss_autofill.engine.reading", None, "read_page", "reading (again)"),
    ("nss_autofill.engine.recognition", None, "recognise", "recognition: recognise"),
    ("nss_autofill.engine.filling", None, "fill_page", "fill_page (other)"),
    ("nss_autofill.engine.scripts", None, "call", "page scripts (write.js, rows.js, …)"),
    ("nss_autofill.engine.pressing", None, "press_and_settle", "fill: helper click (反映/設定)"),
    ("nss_autofill.run.session", "Runner", "_record", "audit record (other)"),
    ("nss_autofill.run.audit", "AuditBundle", "snapshot", "audit: HTML snapshots"),
    ("nss_autofill.run.audit", "AuditBundle", "screenshot", "audit: screenshots"),
    ("nss_autofill.engine.filling", None, "fill_round", "fill: write + settle + read (one call)"),
    ("nss_autofill.run.documents", "Documents", "key", "document mark (stuck check)"),
    ("nss_autofill.run.documents", "Documents", "wait_moved_on", "wait for the next document"),
    ("nss_autofill.run.session", "Runner", "_forward", "moving on (other)"),
    ("nss_autofill.run.session", "Runner", "_phase_end", "phase end: mock mail + goto"),
    ("nss_autofill.run.session", "Runner", "_loop", "loop (other)"),
    ("nss_autofill.engine.guard.press", "Guard", "_resolve", "guard: checks before a click"),
    ("nss_autofill.engine.guard.press", "Guard", "_decide", "guard: deciding (Python)"),
    ("nss_autofill.engine.guard.press", "Guard", "press", "click (tool)"),
    ("nss_autofill.engine.guard.press", "Guard", "acting", "guard: request watch on/off"),
    ("nss_autofill.engine.guard.operator", "SimulatedOperator", "_check", "guard: checks"),
    (
        "nss_autofill.engine.guard.operator",
        "SimulatedOperator",
        "press_guarded",
        "click (simulated operator)",
    ),
    ("nss_autofill.run.browser", None, "open_browser", "start-up: browser launch"),
    ("nss_autofill.run.session", "Runner", "run", "start-up/close (driver, context, site)"),
)


def breakdown(tool: Tool, runs: int) -> None:
    """Run the tool with the calls of ``TRACED`` timed; print the share of each label."""
    import importlib

    totals: dict[str, float] = {}
    stack: list[list[Any]] = []  # [label, start, time charged to children]
    saved: list[tuple[Any, str, Any]] = []

    def wrap(fn: Callable[..., Any], label: str) -> Callable[..., Any]:
        def traced(*a: Any, **kw: Any) -> Any:
            frame = [label, time.perf_counter(), 0.0]
            stack.append(frame)
            try:
                return fn(*a, **kw)
            finally:
                stack.pop()
                spent = time.perf_counter() - frame[1]
                totals[label] = totals.get(label, 0.0) + spent - frame[2]
                if stack:
                    stack[-1][2] += spent

        return traced

    for mod_name, owner_name, attr, label in TRACED:
        mod = importlib.import_module(mod_name)
        owner = getattr(mod, owner_name) if owner_name else mod
        saved.append((owner, attr, getattr(owner, attr)))
        setattr(owner, attr, wrap(getattr(owner, attr), label))
    try:
        tool.run()  # warm-up
        totals.clear()
        whole = sum(tool.run().wall for _ in range(runs))
    finally:
        for owner, attr, fn in reversed(saved):
            setattr(owner, attr, fn)
    print(f"where the tool's time goes (mean of {runs} runs, {whole / runs * 1000:.0f} ms each):")
    for label, spent in sorted(totals.items(), key=lambda kv: -kv[1]):
        share = spent / whole
        print(f"  {label:<44} {spent / runs * 1000:7.0f} ms  {share:6.1%}")


def calls_by_caller(tool: Tool) -> None:
    """One tool run; print its round trips by the product function that made them."""
    global WHERE_ON
    tool.run()  # warm-up
    WHERE.clear()
    WHERE_MS.clear()
    WHERE_ON = True
    try:
        sample = tool.run()
    finally:
        WHERE_ON = False
    print(
        f"round trips of one tool run: {sum(sample.calls.values())}, by caller and method "
        "(count, and the wall time of the API calls that sent them):"
    )
    for (where, method), n in WHERE.most_common():
        ms = WHERE_MS.get((where, method), 0.0)
        print(f"  {n:5d} {ms:8.0f} ms  {where:<46} {method}")


def profile_tool(tool: Tool, top: int) -> None:
    """One tool run under cProfile: where the Python side waits and works."""
    prof = cProfile.Profile()
    prof.enable()
    tool.run()
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def _report(times: dict[str, list[Sample]], runs: int) -> None:
    floor = times["floor"]
    fw = statistics.median(t.wall for t in floor)
    fc = statistics.median(t.cpu for t in floor)
    print(f"full two-phase dry run, headless, --auto-confirm: median of {runs} runs each")
    print(f"  {'':<18} {'wall':>11} {'min':>11} {'max':>11} {'CPU':>11}")
    for name, ts in times.items():
        walls = [t.wall for t in ts]
        print(
            f"  {name:<18} {_ms(statistics.median(walls))} {_ms(min(walls))} {_ms(max(walls))} "
            f"{_ms(statistics.median(t.cpu for t in ts))}"
        )
    print("  ratios to the floor: of the medians (median of the per-round ratios), and of CPU:")
    for name in (n for n in times if n != "floor"):
        ts = times[name]
        paired = statistics.median(t.wall / f.wall for t, f in zip(ts, floor, strict=True))
        of_medians = statistics.median(t.wall for t in ts) / fw
        cpu = statistics.median(t.cpu for t in ts) / fc
        verdict = "met" if of_medians <= TARGET_RATIO else "MISSED"
        target = f"   target ≤ {TARGET_RATIO:.2f}: {verdict}" if name == "tool" else ""
        print(
            f"  {name + '/floor':<24} wall {of_medians:5.2f} (paired {paired:5.2f})  "
            f"CPU {cpu:5.2f}{target}"
        )
    print("Playwright round trips per run (protocol requests to the driver), top methods:")
    for name, ts in times.items():
        calls = ts[-1].calls
        top = ", ".join(f"{m} {n}" for m, n in calls.most_common(6))
        print(f"  {name:<18} {sum(calls.values()):5d}   {top}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("profile_path", nargs="?", type=Path, default=PROFILE, metavar="PROFILE")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each side (5)")
    parser.add_argument("--no-shots", action="store_true", help="time the tool without shots only")
    parser.add_argument("--shots-only", action="store_true", help="time the tool as shipped only")
    parser.add_argument(
        "--floor-route",
        action="store_true",
        help="also time the floor with a pass-through route on every request (as the tool's)",
    )
    parser.add_argument(
        "--try-fast-poll",
        action="store_true",
        help="also time the tool (no shots) polling for the next page every 10 ms (experiment)",
    )
    parser.add_argument("--cprofile", action="store_true", help="cProfile one tool run, exit")
    parser.add_argument(
        "--calls", action="store_true", help="one tool run's round trips by caller, exit"
    )
    parser.add_argument(
        "--breakdown", action="store_true", help="time the tool's parts over --runs runs, exit"
    )
    args = parser.parse_args()

    tool, floor = Tool(args.profile_path), Floor()
    if args.cprofile:
        tool.run()  # warm-up
        profile_tool(tool, 45)
        return 0
    if args.breakdown:
        breakdown(tool, args.runs)
        return 0
    if args.calls:
        calls_by_caller(tool)
        return 0

    def tool_no_shots() -> Sample:
        with screenshots_off():
            return tool.run()

    sides: dict[str, Callable[[], Sample]] = {}
    if not args.no_shots:
        sides["tool"] = tool.run
    if not args.shots_only:
        sides["tool (no shots)"] = tool_no_shots
    if args.try_fast_poll:

        def tool_fast_poll() -> Sample:
            with screenshots_off(), fast_poll():
                return tool.run()

        sides["tool (fast poll)"] = tool_fast_poll
    sides["floor"] = floor.run
    if args.floor_route:
        sides["floor + route"] = Floor(route=True).run
    times = alternate(args.runs, sides)

    diff = same_posts(tool, floor)
    if diff:
        print(f"the floor did not do what the tool did: {diff}", file=sys.stderr)
        return 1
    _report(times, args.runs)
    print("  (tool and floor posted the same forms with the same values)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this Python process after all runs (ru_maxrss): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
