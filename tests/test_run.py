"""The run end to end: the real command line in a subprocess against the mock NSS.

Every assertion about consent and submit is made on what the mock server received.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nss_autofill.mock.server import MockSite

from .helpers import PROFILES, clean_env, field_problems, run_both_phases, run_cli

EXAMPLES = sorted(PROFILES.glob("*.yaml"))
# The example's whole dry run is also run two years ahead by tests/test_clock.py.
RUNS = [
    pytest.param(p, marks=pytest.mark.date_dependent) if p.stem == "example" else p
    for p in EXAMPLES
]
GUARDED = {"consent", "final"}


def _kinds(posts: list[dict[str, object]]) -> list[object]:
    return [p["kind"] for p in posts]


@pytest.mark.human_presses  # the dry run's simulated operator: its reported presses only
@pytest.mark.parametrize("profile", RUNS, ids=lambda p: p.stem)
def test_dry_run_with_auto_confirm_goes_through_both_phases(profile: Path, tmp_path: Path) -> None:
    res = run_cli(str(profile), "--dry-run", "--headless", "--auto-confirm", tmp_path=tmp_path)
    assert res.code == 0, res.stderr
    assert res.report is not None
    assert res.report["outcome"] == "completed"
    seen = [p["page_id"] for p in res.report["pages"]]
    assert seen[:3] == ["bbs-top", "bbs-nss", "terms"]
    assert seen[-1] == "apply-done"
    for page_id in ("temp-apply", "temp-done", "login", "apply-billing", "apply-confirm"):
        assert page_id in seen
    # The simulated operator pressed consent once and the final submit twice; nothing else did.
    kinds = _kinds(res.report["mock_posts"])
    assert kinds.count("consent") == 1
    assert kinds.count("final") == 2
    pressed = [g for g in res.report["guarded"] if g["pressed_by"] == "simulated-operator"]
    assert [g["page_id"] for g in pressed] == ["terms", "temp-confirm", "apply-confirm"]
    # No field was left with a problem, and no request left the machine.
    assert field_problems(res.report) == []
    assert res.report["blocked_requests"] == []
    _check_the_record(tmp_path / "artifacts", seen)


def _check_the_record(artifacts: Path, seen: list[str]) -> None:
    """Every page the run saw is kept as an HTML snapshot, in order; screenshots only where a
    person acts (the consent and the two confirmations); nothing in a snapshot runs."""
    pages = sorted(artifacts.glob("*.html"))
    assert [p.stem.split("-", 1)[1] for p in pages] == seen
    shots = sorted(p.stem.split("-", 1)[1] for p in artifacts.glob("*.jpg"))
    assert shots == ["apply-confirm", "temp-confirm", "terms"]
    for page in pages:
        text = page.read_text("utf-8")
        assert "<script" not in text.lower(), page
        assert "form-action 'none'" in text, page
        assert page.stat().st_mode & 0o077 == 0, page


def test_headless_without_auto_confirm_stops_at_the_consent(tmp_path: Path) -> None:
    res = run_cli(str(PROFILES / "example.yaml"), "--dry-run", "--headless", tmp_path=tmp_path)
    assert res.code == 3, res.stderr
    assert res.report is not None
    assert res.report["outcome"] == "needs-human"
    assert res.report["pages"][-1]["page_id"] == "terms"
    assert not GUARDED & set(_kinds(res.report["mock_posts"]))
    assert res.report["guarded"][-1]["pressed_by"] == "nobody"


def test_auto_confirm_is_refused_for_a_real_site(tmp_path: Path) -> None:
    res = run_cli(str(PROFILES / "example.yaml"), "--auto-confirm", "--headless", tmp_path=tmp_path)
    assert res.code == 2
    assert "--auto-confirm" in res.stderr
    assert res.report is None  # refused before any browser or report
    res = run_cli(
        str(PROFILES / "example.yaml"),
        "--auto-confirm",
        "--headless",
        "--url",
        "https://nss.naccs.jp/login",
        tmp_path=tmp_path,
    )
    assert res.code == 2


@pytest.mark.human_presses  # the simulated operator's presses are asserted above
def test_phase_two_from_the_mail_url_with_the_login_from_the_environment(
    mock_site: MockSite, tmp_path: Path
) -> None:
    _, second = run_both_phases(mock_site, PROFILES / "example.yaml", tmp_path)
    assert mock_site.mail is not None
    assert second.code == 0, second.stderr
    assert second.report is not None
    assert second.report["pages"][0]["page_id"] == "login"
    assert second.report["pages"][-1]["page_id"] == "apply-done"
    assert [p.kind for p in mock_site.guarded_posts()] == ["consent", "final", "final"]
    # Neither secret reached the report.
    text = (tmp_path / "report-1.json").read_text("utf-8")
    assert mock_site.mail.password not in text
    assert mock_site.mail.login_id not in text
    # Nor the audit bundle: log, report, screenshots (the ID is shown in NSS's header: masked).
    bundle = [p for p in (tmp_path / "artifacts").rglob("*") if p.is_file()]
    assert any(p.suffix == ".jpg" for p in bundle)
    assert any(p.name == "actions.jsonl" for p in bundle)
    for path in bundle:
        data = path.read_bytes()
        for secret in (mock_site.mail.password, mock_site.mail.login_id):
            assert secret.encode() not in data, path
        assert path.stat().st_mode & 0o077 == 0, f"{path} is readable by others"


def test_unknown_page_exits_4_naming_the_failed_signals(
    mock_site: MockSite, tmp_path: Path
) -> None:
    res = run_cli(
        str(PROFILES / "example.yaml"),
        "--headless",
        "--start-url",
        mock_site.url_for("unknown"),
        "--allow-origin",
        mock_site.base_url,
        tmp_path=tmp_path,
    )
    assert res.code == 4, res.stderr
    assert res.report is not None
    page = res.report["pages"][-1]
    assert page["recognised"] is False
    assert page["candidates"] and all(c["failed"] for c in page["candidates"])
    assert mock_site.posts == []


def test_untrusted_origin_is_not_filled(mock_site: MockSite, tmp_path: Path) -> None:
    res = run_cli(
        str(PROFILES / "example.yaml"),
        "--headless",
        "--start-url",
        mock_site.url_for("temp-apply"),
        tmp_path=tmp_path,
    )
    assert res.code == 4
    assert res.report is not None
    assert res.report["pages"][-1]["action"] == "untrusted-origin"
    assert res.report["pages"][-1]["fields"] == []
    assert mock_site.posts == []


def test_requests_beyond_loopback_are_blocked(mock_site: MockSite, tmp_path: Path) -> None:
    url = mock_site.add_page(
        "/outside.html",
        '<html><head><title>x</title></head><body><img src="https://www.example.com/a.png">'
        "<p>外部画像</p></body></html>",
    )
    res = run_cli(
        str(PROFILES / "example.yaml"),
        "--headless",
        "--start-url",
        url,
        "--allow-origin",
        mock_site.base_url,
        tmp_path=tmp_path,
    )
    assert res.code == 4
    assert res.report is not None
    assert res.report["blocked_requests"] == ["https://www.example.com/a.png"]


def _wait_for(proc: subprocess.Popen[str], needle: str, timeout: float = 60) -> str:
    """Read stderr lines until one contains ``needle``."""
    assert proc.stderr is not None
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
        seen += line
        if needle in line:
            return seen
    raise AssertionError(f"{needle!r} never appeared; stderr so far:\n{seen}")


@pytest.mark.headed
@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs a display (xvfb-run)")
def test_headed_dry_run_waits_at_the_consent_then_ctrl_c_ends_cleanly(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nss_autofill",
            str(PROFILES / "example.yaml"),
            "--dry-run",
            "--lang",
            "en",
            "--report",
            str(report),
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        env=clean_env(),
        cwd=tmp_path,
    )
    try:
        _wait_for(proc, "yourself")
        time.sleep(0.5)  # still waiting for the human: it must not have moved on
        assert proc.poll() is None
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 5
        assert proc.stderr is not None
        rest = proc.stderr.read()
    finally:
        proc.kill()
        if proc.stderr is not None:
            proc.stderr.close()
    import json

    # the browser stays up until the run ends it: no 'browser was closed', no driver noise
    assert "nss-autofill: interrupted." in rest
    for noise in ("browser was closed", "Traceback", "Future exception", "Exception ignored"):
        assert noise not in rest, rest
    data = json.loads(report.read_text("utf-8"))
    assert data["outcome"] == "interrupted"
    assert data["pages"][-1]["page_id"] == "terms"
    assert not GUARDED & {p["kind"] for p in data["mock_posts"]}


@pytest.mark.parametrize(("flag", "page_lines", "field_lines"), [("-q", 0, 0), ("-v", 3, 0)])
def test_quiet_and_verbose_progress(
    flag: str, page_lines: int, field_lines: int, tmp_path: Path
) -> None:
    res = run_cli(
        str(PROFILES / "example.yaml"),
        "--dry-run",
        "--headless",
        "--lang",
        "en",
        flag,
        tmp_path=tmp_path,
    )
    assert res.code == 3, res.stderr
    lines = res.stderr.splitlines()
    assert sum(line.startswith("[") for line in lines) >= page_lines
    assert sum(line.endswith("[filled]") for line in lines) >= field_lines
    if flag == "-q":
        assert not any(line.startswith("[") for line in lines)
        assert any("yourself" in line or "human" in line for line in lines)
    assert res.stdout == ""  # progress never goes to stdout
