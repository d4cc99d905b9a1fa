"""Helpers for the end-to-end tests: run the real command line in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nss_autofill.cli import SUBCOMMANDS

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"


# Every report a run_cli call read, in order: the after-test check (conftest) counts the
# simulated operator's own consent/final presses in them.
REPORTS: list[dict[str, Any]] = []


def simulated_presses(report: dict[str, Any] | None) -> int:
    """How many consent/final controls the run's simulated operator pressed."""
    entries = (report or {}).get("guarded", [])
    return sum(1 for g in entries if g.get("pressed_by") == "simulated-operator")


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str
    report: dict[str, Any] | None


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without any NSS_AUTOFILL_* the developer may have set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NSS_AUTOFILL_")}
    env.update(extra)
    return env


def run_cli(
    *args: str, tmp_path: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> Result:
    """Run ``python -m nss_autofill ARGS --report tmp/report.json`` and read the report."""
    report = tmp_path / f"report-{len(list(tmp_path.glob('report-*.json')))}.json"
    cmd = [sys.executable, "-m", "nss_autofill", *args]
    if args and args[0] not in SUBCOMMANDS and not args[0].startswith("-"):
        cmd += ["--report", str(report)]
    env = dict(env or clean_env())
    env.setdefault("NSS_AUTOFILL_ARTIFACTS", str(tmp_path / "artifacts"))
    proc = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    data = json.loads(report.read_text("utf-8")) if report.exists() else None
    if data is not None:
        REPORTS.append(data)
    return Result(proc.returncode, proc.stdout, proc.stderr, data)


GOOD_STATUSES = ("filled", "unchanged", "skipped-no-value", "manual")


def field_problems(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(page, field, status, detail) of every field the run did not fill cleanly."""
    return [
        (p["page_id"], f["field"], f["status"], f["detail"])
        for p in report["pages"]
        for f in p["fields"]
        if f["status"] not in GOOD_STATUSES
    ]


def run_both_phases(site: Any, profile: Path, tmp_path: Path) -> tuple[Result, Result]:
    """Phase 1 from the site's start page, then phase 2 from the 模擬メール's URL with the login
    in the environment, both headless with the simulated operator (the site is on loopback)."""
    first = run_cli(
        str(profile),
        "--headless",
        "--auto-confirm",
        "--start-url",
        site.start_url,
        "--allow-origin",
        site.base_url,
        tmp_path=tmp_path,
    )
    # Phase 1 ends at 仮ログイン登録完了: only a dry run follows the 模擬メール by itself.
    assert first.code == 0, first.stderr
    assert site.mail is not None
    env = clean_env(
        NSS_AUTOFILL_LOGIN_ID=site.mail.login_id, NSS_AUTOFILL_PASSWORD=site.mail.password
    )
    second = run_cli(
        str(profile),
        "--headless",
        "--auto-confirm",
        "--url",
        site.mail.url,
        "--allow-origin",
        site.base_url,
        tmp_path=tmp_path,
        env=env,
    )
    return first, second
