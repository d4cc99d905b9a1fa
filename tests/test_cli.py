"""The command line without a browser: help, flags, settings errors, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import PROFILES, clean_env, run_cli

pytestmark = pytest.mark.nobrowser


def test_help_documents_every_option_and_exit_code(tmp_path: Path) -> None:
    res = run_cli("--help", tmp_path=tmp_path)
    assert res.code == 0
    for option in (
        "--dry-run",
        "--headless",
        "--url",
        "--start-url",
        "--allow-origin",
        "--auto-confirm",
        "--step",
        "--report",
        "--artifacts",
        "--browser",
        "--lang",
    ):
        assert option in res.stdout
    for code in range(6):
        assert f"\n  {code}  " in res.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--no-such-flag"], "unrecognized arguments"),
        (["--lang", "fr"], "invalid choice"),
        (["--allow-origin", "nss.example.jp"], "--allow-origin: 'nss.example.jp'"),
        (["--allow-origin", "https://nss.example.jp/path"], "no path"),
        (["--url", "not a url"], "url"),
        (["--start-url", "ftp://example.jp/"], "--start-url"),
        (["--auto-confirm"], "--auto-confirm"),
    ],
)
def test_bad_flags_exit_2_with_a_message(args: list[str], needle: str, tmp_path: Path) -> None:
    res = run_cli(str(PROFILES / "example.yaml"), "--headless", *args, tmp_path=tmp_path)
    assert res.code == 2
    assert needle in res.stderr
    assert "Traceback" not in res.stderr
    assert res.report is None


def test_bad_setting_in_the_environment_exits_2(tmp_path: Path) -> None:
    env = clean_env(NSS_AUTOFILL_PAGE_TIMEOUT_MS="soon")
    res = run_cli(str(PROFILES / "example.yaml"), "--headless", tmp_path=tmp_path, env=env)
    assert res.code == 2
    assert "NSS_AUTOFILL_PAGE_TIMEOUT_MS (page_timeout_ms)" in res.stderr
    assert "'soon'" in res.stderr
    assert "Traceback" not in res.stderr


def test_missing_profile_exits_2_before_any_browser(tmp_path: Path) -> None:
    res = run_cli(str(tmp_path / "nope.yaml"), "--dry-run", "--headless", tmp_path=tmp_path)
    assert res.code == 2
    assert "nope.yaml" in res.stderr
    assert "Traceback" not in res.stderr
    assert res.report is None


def test_a_password_in_the_profile_is_refused_before_any_browser(tmp_path: Path) -> None:
    text = (PROFILES / "example.yaml").read_text("utf-8") + "\npassword: hunter2secret\n"
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, "utf-8")
    res = run_cli(str(bad), "--dry-run", "--headless", tmp_path=tmp_path)
    assert res.code == 2
    assert "NSS_AUTOFILL_PASSWORD" in res.stderr
    assert "hunter2secret" not in res.stderr + res.stdout


def test_module_entry_point_and_version(tmp_path: Path) -> None:
    res = run_cli("--version", tmp_path=tmp_path)
    assert res.code == 0
    assert res.stdout.startswith("nss-autofill ")
