"""Fault scenarios: the real command line against a mock NSS that misbehaves.

Each test switches on one of the mock's faults (``MockSite.set_fault``, see ``mock/faults.py``),
runs ``nss-autofill`` headless in a subprocess and checks, from the report, the audit bundle and
what the mock received: what happened is said, the exit code is the documented one, the bundle is
intact, nothing was filled on a page that was not recognised, and nothing guarded was posted
(except, where marked ``human_presses``, exactly the simulated operator's presses).
"""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from nss_autofill.mock.server import MockSite

from .helpers import PROFILES, Result, clean_env, run_cli

PROFILE = str(PROFILES / "example.yaml")
PAGE_TIMEOUT_MS = 3000  # the session's bound on a page settling / moving on (min 1000)


def _env(**extra: str) -> dict[str, str]:
    return clean_env(NSS_AUTOFILL_PAGE_TIMEOUT_MS=str(PAGE_TIMEOUT_MS), **extra)


def _run(site: MockSite, start: str, tmp_path: Path, *flags: str, timeout: float = 60) -> Result:
    """``nss-autofill example.yaml --headless --start-url START`` trusting the mock's origin."""
    return run_cli(
        PROFILE,
        "--headless",
        "--start-url",
        start,
        "--allow-origin",
        site.base_url,
        *flags,
        tmp_path=tmp_path,
        env=_env(),
        timeout=timeout,
    )


def _report(res: Result) -> dict[str, Any]:
    assert res.report is not None, res.stderr
    assert res.report["exit_code"] == res.code
    return res.report


def _check_bundle(tmp_path: Path, report: dict[str, Any]) -> list[dict[str, Any]]:
    """The audit bundle is intact: report.json and actions.jsonl parse, screenshots are JPEGs.

    Returns the logged actions.
    """
    runs = [d for d in (tmp_path / "artifacts").iterdir() if d.is_dir()] or [tmp_path / "artifacts"]
    assert len(runs) == 1, runs
    bundle = runs[0]
    saved = json.loads((bundle / "report.json").read_text("utf-8"))
    assert saved["outcome"] == report["outcome"]
    assert saved["exit_code"] == report["exit_code"]
    assert [p["page_id"] for p in saved["pages"]] == [p["page_id"] for p in report["pages"]]
    # The action log holds every field the report lists, in order; a run that filled or
    # pressed anything must have one.
    log = bundle / "actions.jsonl"
    reported = [(p["page_id"], f["field"]) for p in report["pages"] for f in p["fields"]]
    pressed = [p for p in report["pages"] if "pressed" in p["action"]]
    if reported or pressed:
        assert log.is_file(), f"the run filled {len(reported)} fields, pressed {len(pressed)}"
    actions = (
        [json.loads(line) for line in log.read_text("utf-8").splitlines()] if log.exists() else []
    )
    for act in actions:
        assert {"time", "event"} <= act.keys(), act
    assert [(a["page_id"], a["field"]) for a in actions if a["event"] == "field"] == reported
    shots = sorted(bundle.glob("*.jpg"))
    for shot in shots:
        assert shot.read_bytes()[:3] == b"\xff\xd8\xff", shot
    # Every page the run screenshotted is one it saw; an unknown page is always shot.
    unknown = [p for p in report["pages"] if p["action"] == "unknown-page"]
    assert len([s for s in shots if "unrecognised" in s.name]) >= len(unknown)
    return actions


def _no_fill_where_unrecognised(report: dict[str, Any], actions: list[dict[str, Any]]) -> None:
    for page in report["pages"]:
        if not page["recognised"]:
            assert page["fields"] == [], page
            assert not page["action"].startswith("pressed"), page
    known = {p["page_id"] for p in report["pages"] if p["recognised"]}
    for act in actions:
        if act["event"] in ("field", "press"):
            assert act["page_id"] in known, act


def _kinds(report: dict[str, Any]) -> list[str]:
    return [p["kind"] for p in report["mock_posts"]]


def _posted_from(site: MockSite) -> list[str | None]:
    return [p.page_id for p in site.posts]


# ---------------------------------------------------------------------------------- slow pages


@pytest.mark.human_presses  # the simulated operator's one final submit is asserted below
def test_a_slow_page_within_the_page_timeout_still_completes(
    mock_site: MockSite, tmp_path: Path
) -> None:
    mock_site.set_fault(slow_s=1.0, slow_page="apply-billing")
    res = _run(mock_site, mock_site.url_for("apply-plan"), tmp_path, "--auto-confirm")
    report = _report(res)
    assert res.code == 0, res.stderr
    assert report["outcome"] == "completed"
    seen = [p["page_id"] for p in report["pages"]]
    assert seen == ["apply-plan", "apply-billing", "apply-confirm", "apply-done"]
    actions = _check_bundle(tmp_path, report)
    _no_fill_where_unrecognised(report, actions)
    # The delay really happened: from the press on apply-plan to the first fill on billing.
    pressed = next(a for a in actions if a["event"] == "press")
    billing = next(a for a in actions if a.get("page_id") == "apply-billing")
    gap = dt.datetime.fromisoformat(billing["time"]) - dt.datetime.fromisoformat(pressed["time"])
    assert gap.total_seconds() >= 1.0
    assert [p.kind for p in mock_site.guarded_posts()] == ["final"]
    assert [g["page_id"] for g in report["guarded"]] == ["apply-confirm"]


def test_a_page_slower_than_the_page_timeout_stops_with_exit_4(
    mock_site: MockSite, tmp_path: Path
) -> None:
    mock_site.set_fault(slow_s=PAGE_TIMEOUT_MS / 1000 + 3, slow_page="apply-billing")
    res = _run(mock_site, mock_site.url_for("apply-plan"), tmp_path)
    report = _report(res)
    assert res.code == 4, res.stderr
    assert report["outcome"] == "stuck"
    assert "did not move on" in report["message"]
    # The last page seen is the one whose forward press never got an answer in time.
    assert report["pages"][-1]["page_id"] == "apply-plan"
    assert report["pages"][-1]["action"] == "pressed 次へ"
    _no_fill_where_unrecognised(report, _check_bundle(tmp_path, report))
    assert _posted_from(mock_site) == ["apply-plan"]


# ---------------------------------------------------------------------------------- navigation


def test_a_page_that_navigates_away_right_after_loading_is_recognised_anew(
    mock_site: MockSite, tmp_path: Path
) -> None:
    # apply-billing replaces itself with an unknown page as soon as it is shown.
    mock_site.set_fault(navigate_away="apply-billing", navigate_to="unknown", navigate_after_ms=0)
    res = _run(mock_site, mock_site.url_for("apply-billing"), tmp_path)
    report = _report(res)
    assert res.code == 4, res.stderr
    assert report["outcome"] == "unknown-page"
    last = report["pages"][-1]
    assert last["recognised"] is False
    assert last["url"] == mock_site.page_url("unknown")
    _no_fill_where_unrecognised(report, _check_bundle(tmp_path, report))
    assert mock_site.posts == []  # the billing form was never submitted


def test_a_page_that_navigates_to_an_unknown_page_mid_fill_exits_4(
    mock_site: MockSite, tmp_path: Path
) -> None:
    # apply-office goes to an unknown page as soon as the tool writes its first field.
    mock_site.set_fault(navigate_away="apply-office", navigate_to="unknown", navigate_on_input=True)
    res = _run(mock_site, mock_site.url_for("apply-office"), tmp_path)
    report = _report(res)
    _no_fill_where_unrecognised(report, _check_bundle(tmp_path, report))
    assert mock_site.posts == []
    # Observed: exit 3 "fill-problems", the unknown page's missing controls blamed on
    # apply-office. Wanted: the new document is recognised (not) and the run stops with 4.
    assert res.code == 4, res.stderr
    assert report["outcome"] == "unknown-page"
    assert report["pages"][-1]["recognised"] is False
    assert report["pages"][-1]["url"] == mock_site.page_url("unknown")


def test_a_page_that_navigates_to_another_page_mid_fill_is_not_pressed_blindly(
    mock_site: MockSite, tmp_path: Path
) -> None:
    # apply-tanto jumps to apply-mailbox as soon as the tool writes its first field.
    mock_site.set_fault(
        navigate_away="apply-tanto", navigate_to="apply-mailbox", navigate_on_input=True
    )
    res = _run(mock_site, mock_site.url_for("apply-tanto"), tmp_path)
    report = _report(res)
    # The tool looks at the new page, carries on through the pages that need no human and stops
    # for one at the final submit (headless, no --auto-confirm): exit 3, never a blind press.
    assert res.code == 3, res.stderr
    assert report["outcome"] == "needs-human"
    seen = [(p["page_id"], p["action"]) for p in report["pages"]]
    assert seen == [
        ("apply-tanto", "the page changed while the tool worked on it; looking again"),
        ("apply-mailbox", "pressed 次へ"),
        ("apply-plan", "pressed 次へ"),
        ("apply-billing", "pressed 申込内容確認へ進む"),
        ("apply-confirm", "stopped for a human"),
    ], seen
    _no_fill_where_unrecognised(report, _check_bundle(tmp_path, report))
    assert mock_site.guarded_posts() == []
    assert _posted_from(mock_site) == ["apply-mailbox", "apply-plan", "apply-billing"]
    # Observed: the report says 「次へ」 was pressed on apply-tanto, but the POST went to
    # apply-mailbox, a page the tool never recognised (and apply-tanto was never submitted).
    recognised = {p["page_id"] for p in report["pages"] if p["recognised"]}
    posted = {p.page_id for p in mock_site.posts}
    assert posted <= recognised, f"pressed on pages never recognised: {posted - recognised}"


# ---------------------------------------------------------------------------------- time-out


def test_a_session_timeout_in_the_middle_of_phase_2_exits_4(
    mock_site: MockSite, tmp_path: Path
) -> None:
    # apply-tanto and apply-office load; from the next request on, the session has timed out.
    mock_site.set_fault(timeout_after=2)
    res = _run(mock_site, mock_site.url_for("apply-tanto"), tmp_path)
    report = _report(res)
    assert res.code == 4, res.stderr
    assert (report["outcome"], report["message"]) == ("blocked-page", "session-timeout")
    seen = [p["page_id"] for p in report["pages"]]
    assert seen == ["apply-tanto", "apply-office", "session-timeout"]
    assert report["pages"][-1]["action"] == "blocked-page"
    assert report["pages"][-1]["fields"] == []
    _no_fill_where_unrecognised(report, _check_bundle(tmp_path, report))
    assert _posted_from(mock_site) == ["apply-tanto", "apply-office"]


# ---------------------------------------------------------------------------------- 500


def test_a_500_response_is_an_unknown_page_and_nothing_is_filled(
    mock_site: MockSite, tmp_path: Path
) -> None:
    mock_site.set_fault(error_500="apply-billing")
    res = _run(mock_site, mock_site.url_for("apply-plan"), tmp_path)
    report = _report(res)
    assert res.code == 4, res.stderr
    assert report["outcome"] == "unknown-page"
    last = report["pages"][-1]
    assert last["recognised"] is False
    assert last["url"] == mock_site.page_url("apply-billing")
    assert last["fields"] == []
    assert last["candidates"] and all(c["failed"] for c in last["candidates"])
    _no_fill_where_unrecognised(report, _check_bundle(tmp_path, report))
    assert _posted_from(mock_site) == ["apply-plan"]


# ---------------------------------------------------------------------------------- step bar


def test_a_page_that_lost_its_step_bar_is_not_recognised(
    mock_site: MockSite, tmp_path: Path
) -> None:
    mock_site.set_fault(no_step_bar="apply-plan")
    res = _run(mock_site, mock_site.url_for("apply-plan"), tmp_path)
    report = _report(res)
    assert res.code == 4, res.stderr
    assert report["outcome"] == "unknown-page"
    page = report["pages"][-1]
    assert page["recognised"] is False
    assert page["fields"] == []
    # The report names the failed step signal on the page the markup was meant to be.
    plan = next(c for c in page["candidates"] if c["page_id"] == "apply-plan")
    assert any("step" in s for s in plan["failed"]), plan
    assert not any("step" in s for s in plan["held"]), plan
    _no_fill_where_unrecognised(report, _check_bundle(tmp_path, report))
    assert mock_site.posts == []


# ---------------------------------------------------------------------------------- 戻る


@pytest.mark.human_presses  # the simulated operator's one final submit is asserted below
def test_after_the_operator_presses_back_only_empty_or_own_fields_are_refilled(
    mock_site: MockSite, tmp_path: Path
) -> None:
    # On apply-billing's first showing the operator presses 「戻る」 and, back on apply-plan,
    # switches the plan to A (the profile says B): the tool must keep A and go on.
    mock_site.set_fault(back_from="apply-billing", back_edits={"rdoRyokinPlan": "A"})
    res = _run(mock_site, mock_site.url_for("apply-plan"), tmp_path, "--auto-confirm")
    report = _report(res)
    assert res.code == 0, res.stderr
    seen = [p["page_id"] for p in report["pages"]]
    assert seen[0] == "apply-plan" and seen[-1] == "apply-done"
    plans = [p for p in report["pages"] if p["page_id"] == "apply-plan"]
    assert len(plans) == 2, seen
    first = {f["field"]: f["status"] for f in plans[0]["fields"]}
    again = {f["field"]: f["status"] for f in plans[1]["fields"]}
    assert first["general_naccs"] == "filled"
    assert again["general_naccs"] == "kept-operator-value"
    assert all(s in ("unchanged", "kept-operator-value") for s in again.values()), again
    # What reached the mock: plan B first, then the operator's A.
    posted = [p.fields.get("rdoRyokinPlan") for p in mock_site.posts if p.page_id == "apply-plan"]
    assert posted == [["B"], ["A"]]
    assert [(p.page_id, p.submitter) for p in mock_site.posts][:3] == [
        ("apply-plan", "次へ"),
        ("apply-billing", "戻る"),  # the operator's press
        ("apply-plan", "次へ"),
    ]
    _no_fill_where_unrecognised(report, _check_bundle(tmp_path, report))
    assert [p.kind for p in mock_site.guarded_posts()] == ["final"]


# ---------------------------------------------------------------------------------- re-run


@pytest.mark.human_presses  # the simulated operator's one final submit is asserted below
def test_a_rerun_from_the_middle_of_the_flow_completes(mock_site: MockSite, tmp_path: Path) -> None:
    res = _run(mock_site, mock_site.url_for("apply-plan"), tmp_path, "--auto-confirm")
    report = _report(res)
    assert res.code == 0, res.stderr
    assert report["outcome"] == "completed"
    assert report["phase"] == 2
    seen = [p["page_id"] for p in report["pages"]]
    assert seen == ["apply-plan", "apply-billing", "apply-confirm", "apply-done"]
    actions = _check_bundle(tmp_path, report)
    _no_fill_where_unrecognised(report, actions)
    assert [a["by"] for a in actions if a["event"] == "press"] == [
        "tool",
        "tool",
        "simulated-operator",
    ]
    assert [p.kind for p in mock_site.guarded_posts()] == ["final"]
    assert [(g["page_id"], g["pressed_by"]) for g in report["guarded"]] == [
        ("apply-confirm", "simulated-operator")
    ]


# ---------------------------------------------------------------------------------- closing


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    kids = [int(x) for x in out.stdout.split()]
    return kids + [g for k in kids for g in _children(k)]


def _browser_pids(pid: int) -> list[int]:
    found = []
    for child in _children(pid):
        try:
            comm = Path(f"/proc/{child}/comm").read_text().lower()
        except OSError:
            continue
        if "chrom" in comm or "headless" in comm:
            found.append(child)
    return found


@pytest.mark.headed
@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs a display (xvfb-run)")
def test_the_operator_closing_the_browser_exits_5(mock_site: MockSite, tmp_path: Path) -> None:
    # Headed, --step waits on the first page for the operator; then the browser dies.
    report_path = tmp_path / "report.json"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nss_autofill",
            PROFILE,
            "--step",
            "--lang",
            "en",
            "--start-url",
            mock_site.url_for("apply-plan"),
            "--allow-origin",
            mock_site.base_url,
            "--report",
            str(report_path),
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        env={**_env(), "NSS_AUTOFILL_ARTIFACTS": str(tmp_path / "artifacts")},
        cwd=tmp_path,
    )
    try:
        assert proc.stderr is not None
        seen = ""
        deadline = time.monotonic() + 30
        while "waiting for you" not in seen and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            seen += line
        assert "waiting for you" in seen, seen
        browsers = _browser_pids(proc.pid)
        assert browsers, seen
        for pid in browsers:
            os.kill(pid, signal.SIGKILL)
        code = proc.wait(timeout=30)
        rest = proc.stderr.read()
    finally:
        proc.kill()
        if proc.stderr is not None:
            proc.stderr.close()
    assert code == 5, seen + rest
    report = json.loads(report_path.read_text("utf-8"))
    assert report["outcome"] == "browser-closed"
    assert report["exit_code"] == 5
    pages = [(p["page_id"], p["action"]) for p in report["pages"]]  # in the message if it fails
    assert pages[-1] == ("apply-plan", "step"), (pages, seen + rest)
    _no_fill_where_unrecognised(report, _check_bundle(tmp_path, report))
    assert mock_site.posts == []


def test_a_browser_closed_as_the_wait_begins_keeps_what_the_page_waited_for(
    mock_site: MockSite, browser: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The operator's close lands after the tool said it waits, before it marked the document
    # to wait on (CI saw this as "the page changed"): the wait ends quietly, the page's entry
    # keeps "step" and the next look finds the browser closed.
    from nss_autofill.engine.guard import Guard
    from nss_autofill.errors import Outcome
    from nss_autofill.run.control import Stop
    from nss_autofill.run.documents import Documents
    from nss_autofill.run.messages import Progress
    from nss_autofill.run.moving import Mover, Sight
    from nss_autofill.run.report import PageEntry
    from nss_autofill.settings import Settings
    from nss_autofill.site.catalogue import load_catalogue

    catalogue = load_catalogue()
    context = browser.new_context()
    docs = Documents(context)
    page = docs.open()
    page.goto(mock_site.url_for("apply-plan"))
    docs.key(page, None)  # the document the tool recognised
    said: list[str] = []

    class Stream:
        def write(self, text: str) -> None:
            said.append(text)

        def flush(self) -> None:
            pass

    progress = Progress(lang="en", stream=Stream())
    mover = Mover(Settings(), Guard(catalogue), docs, Sight(catalogue), progress)
    mover.headless = False
    looked = docs.unchanged

    def closed_right_after(p: Any) -> bool:
        answer = looked(p)
        context.close()  # the operator closes the browser in this instant
        return answer

    monkeypatch.setattr(docs, "unchanged", closed_right_after)
    entry = PageEntry(page_id="apply-plan", url=page.url, recognised=True)
    mover.wait_or_stop(page, entry, Outcome.STEP)
    assert entry.action == Outcome.STEP.value
    assert any("waiting for you" in line for line in said), said
    with pytest.raises(Stop) as stop:
        docs.current()
    assert stop.value.outcome is Outcome.BROWSER_CLOSED


# ---------------------------------------------------------------------------------- the fault API


class _Browser:
    """urllib with cookies and redirects: enough to watch the faults over HTTP."""

    def __init__(self) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url: str) -> tuple[int, str, str]:
        try:
            with self.opener.open(url, timeout=10) as resp:
                charset = resp.headers.get_content_charset() or "utf-8"
                codec = "cp932" if charset.lower() == "shift_jis" else charset
                return resp.status, resp.url, resp.read().decode(codec)
        except urllib.error.HTTPError as err:
            return err.code, url, err.read().decode("utf-8", "replace")


@pytest.mark.nobrowser
def test_fault_options_are_checked(mock_site: MockSite) -> None:
    with pytest.raises(ValueError, match="no mock fault"):
        mock_site.set_fault(slow=1)
    with pytest.raises(ValueError, match="unknown mock page"):
        mock_site.set_fault(error_500="apply-nowhere")
    mock_site.set_fault(error_500="apply-plan", slow_s=0.01)
    assert mock_site.faults.error_500 == "apply-plan"
    mock_site.clear_faults()
    assert mock_site.faults.error_500 is None and mock_site.faults.slow_s == 0


@pytest.mark.nobrowser
def test_faults_over_http(mock_site: MockSite) -> None:
    web = _Browser()
    mock_site.set_fault(error_500="apply-billing", no_step_bar="apply-plan")
    status, _, html = web.get(mock_site.url_for("apply-plan"))
    assert status == 200 and "料金入力" in html and "審査完了" not in html
    status, _, html = web.get(mock_site.page_url("apply-billing"))
    assert status == 500 and "Internal Server Error" in html
    mock_site.clear_faults()
    status, _, html = web.get(mock_site.page_url("apply-billing"))
    assert status == 200 and "審査完了" in html


@pytest.mark.nobrowser
def test_slow_and_timeout_faults_over_http(mock_site: MockSite) -> None:
    web = _Browser()
    mock_site.set_fault(slow_s=0.3, slow_page="apply-mailbox", timeout_after=2)
    web.get(mock_site.url_for("apply-terminal"))  # phase-2 load 1
    started = time.monotonic()
    _, url, html = web.get(mock_site.page_url("apply-mailbox"))  # load 2, slow
    assert time.monotonic() - started >= 0.3
    assert url == mock_site.page_url("apply-mailbox") and "セッションがタイムアウト" not in html
    _, _, html = web.get(mock_site.page_url("apply-plan"))  # from now on: timed out
    assert "セッションがタイムアウトしました。" in html


@pytest.mark.nobrowser
def test_page_scripts_fire_once(mock_site: MockSite) -> None:
    web = _Browser()
    mock_site.set_fault(navigate_away="apply-plan", navigate_to="unknown", navigate_after_ms=50)
    _, _, html = web.get(mock_site.url_for("apply-plan"))
    assert "location.replace" in html and mock_site.page_url("unknown") in html
    _, _, html = web.get(mock_site.page_url("apply-plan"))
    assert "location.replace" not in html
    mock_site.set_fault(back_from="apply-billing", back_edits={"rdoRyokinPlan": "A"})
    _, _, html = web.get(mock_site.page_url("apply-billing"))
    assert "'戻る'" in html and ".click()" in html
    _, _, html = web.get(mock_site.page_url("apply-plan"))  # the operator's edit shows
    assert '<input type="radio" name="rdoRyokinPlan" value="A" checked>' in html
