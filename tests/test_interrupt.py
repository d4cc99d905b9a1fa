"""Ctrl-C anywhere: 「中断しました / interrupted」, exit 5, the report written, no driver noise."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nss_autofill.mock.server import MockSite

from .helpers import PROFILES, clean_env

NOISE = (
    "Traceback",
    "Future exception",
    "Exception ignored",
    "Task exception",
    "browser was closed",
)


def _start(args: list[str], tmp_path: Path, lang: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "nss_autofill", *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=clean_env(NSS_AUTOFILL_LANG=lang, NSS_AUTOFILL_ARTIFACTS=str(tmp_path / "run")),
        cwd=tmp_path,
    )


def _interrupt_after(proc: subprocess.Popen[str], needle: str) -> tuple[int, str]:
    """Read stderr until ``needle``, press Ctrl-C (SIGINT), return the exit code and stderr."""
    assert proc.stderr is not None
    seen = ""
    deadline = time.monotonic() + 60
    try:
        while needle not in seen and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            seen += line
        assert needle in seen, seen
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
        return code, seen + proc.stderr.read()
    finally:
        proc.kill()
        proc.stderr.close()
        if proc.stdout is not None:
            proc.stdout.close()


@pytest.mark.parametrize(("lang", "said"), [("ja", "中断しました。"), ("en", "interrupted.")])
def test_ctrl_c_while_a_page_loads(
    lang: str, said: str, mock_site: MockSite, tmp_path: Path
) -> None:
    mock_site.set_fault(slow_s=20, slow_page="apply-billing")
    args = [
        str(PROFILES / "example.yaml"),
        "--headless",
        "--start-url",
        mock_site.url_for("apply-plan"),
        "--allow-origin",
        mock_site.base_url,
    ]
    code, err = _interrupt_after(_start(args, tmp_path, lang), "「次へ」")
    assert code == 5, err
    assert err.rstrip().splitlines()[-1] == f"nss-autofill: {said}"
    for noise in NOISE:
        assert noise not in err, err
    report = json.loads((tmp_path / "run" / "report.json").read_text("utf-8"))
    assert (report["outcome"], report["exit_code"], report["message"]) == ("interrupted", 5, said)
    assert mock_site.guarded_posts() == []


def test_ctrl_c_stops_the_mock_server(tmp_path: Path) -> None:
    proc = _start(["mock-server", "--port", "0"], tmp_path, "en")
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("mock NSS site: http://127.0.0.1:"), line
    code, err = _interrupt_after(proc, "")
    assert code == 0
    assert "mock NSS site stopped." in err
    assert "Traceback" not in err


@pytest.mark.nobrowser
def test_the_mock_servers_wait_wakes_up_for_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated Windows: Ctrl-C only reaches Python between waits with a time-out, so the wait
    is a loop of short sleeps (a wait without a time-out would never see it)."""
    from nss_autofill.commands import mock_server

    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        mock_server.wait_until_interrupted(sleep)
    assert naps == [mock_server.WAKE_S] * 3 and mock_server.WAKE_S <= 0.5
