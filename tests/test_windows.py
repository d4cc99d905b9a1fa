"""The Windows-only branches, simulated: ``osinfo.platform`` says win32, the environment is a
Windows one, ``icacls`` is a fake that records what it was asked. (Windows cannot run here; the
README's report lists what is only simulated.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nss_autofill import osinfo
from nss_autofill.run import private
from nss_autofill.shell import current_shell, phase2_hint, quote, set_env

pytestmark = pytest.mark.nobrowser

CMD_ENV = {
    "USERPROFILE": r"C:\Users\yamada",
    "PSModulePath": r"C:\Program Files\WindowsPowerShell\Modules;"
    r"C:\WINDOWS\system32\WindowsPowerShell\v1.0\Modules",
}
POWERSHELL_ENV = {
    **CMD_ENV,
    "PSModulePath": r"C:\Users\yamada\Documents\WindowsPowerShell\Modules;"
    + CMD_ENV["PSModulePath"],
}


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Play Windows; returns the icacls command lines the code ran (through the fake)."""
    calls: list[list[str]] = []

    def fake_icacls(args: list[str]) -> str:
        calls.append(args)
        return ""

    monkeypatch.setattr(osinfo, "platform", lambda: "win32")
    monkeypatch.setattr(private, "run_icacls", fake_icacls)
    monkeypatch.setenv("USERDOMAIN", "CORP")
    monkeypatch.setenv("USERNAME", "yamada")
    return calls


# ---------------------------------------------------------------- the shell


def test_the_shell_is_told_from_the_environment(windows: list[list[str]]) -> None:
    assert current_shell(CMD_ENV) == "cmd"
    assert current_shell(POWERSHELL_ENV) == "powershell"
    assert current_shell({**CMD_ENV, "MSYSTEM": "MINGW64"}) == "posix"  # Git Bash


def test_posix_is_posix_whatever_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(osinfo, "platform", lambda: "linux")
    assert current_shell(POWERSHELL_ENV) == "posix"


@pytest.mark.parametrize(
    ("shell", "path", "url"),
    [
        ("cmd", r'"C:\Users\山田 太郎\申込.yaml"', '"https://nss.example/a?x=1&y=2"'),
        ("powershell", r"'C:\Users\山田 太郎\申込.yaml'", "'https://nss.example/a?x=1&y=2'"),
        ("posix", r"'C:\Users\山田 太郎\申込.yaml'", "'https://nss.example/a?x=1&y=2'"),
    ],
)
def test_quoting_for_each_shell(shell: str, path: str, url: str) -> None:
    assert quote(r"C:\Users\山田 太郎\申込.yaml", shell) == path  # type: ignore[arg-type]
    assert quote("https://nss.example/a?x=1&y=2", shell) == url  # type: ignore[arg-type]
    assert quote("profile.yaml", shell) == "profile.yaml"  # type: ignore[arg-type]


def test_quoting_the_quotes() -> None:
    assert quote("it's.yaml", "powershell") == "'it''s.yaml'"
    assert quote("it's.yaml", "posix") == "'it'\"'\"'s.yaml'"
    assert set_env("NSS_AUTOFILL_PASSWORD", "a&b%c", "cmd") == 'set "NSS_AUTOFILL_PASSWORD=a&b%c"'
    assert set_env("NSS_AUTOFILL_PASSWORD", "it's", "powershell") == (
        "$env:NSS_AUTOFILL_PASSWORD = 'it''s'"
    )


def test_the_phase_two_commands_for_cmd_and_powershell() -> None:
    profile = Path("my profile.yaml")
    assert phase2_hint(profile, "cmd").render("ja").splitlines()[1:] == [
        '  set "NSS_AUTOFILL_LOGIN_ID=<仮ログインID>"',
        '  set "NSS_AUTOFILL_PASSWORD=<仮パスワード>"',
        '  nss-autofill "my profile.yaml" --url "<メール記載のURL>"',
    ]
    assert phase2_hint(profile, "powershell").render("en").splitlines()[1:] == [
        "  $env:NSS_AUTOFILL_LOGIN_ID = '<temporary login ID>'",
        "  $env:NSS_AUTOFILL_PASSWORD = '<temporary password>'",
        "  nss-autofill 'my profile.yaml' --url '<URL from the mail>'",
    ]


def test_init_prints_the_path_quoted_for_cmd(
    windows: list[list[str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from nss_autofill.commands.init import init_command

    for key, value in CMD_ENV.items():
        monkeypatch.setenv(key, value)
    path = tmp_path / "山田 profile.yaml"
    assert init_command(path, "en") == 0
    assert f'  nss-autofill check "{path}"' in capsys.readouterr().err


# ---------------------------------------------------------------- private files


def test_the_audit_folder_gets_a_dacl_for_the_user_alone(
    windows: list[list[str]], tmp_path: Path
) -> None:
    from nss_autofill.run.audit import AuditBundle
    from nss_autofill.run.report import Report

    bundle = AuditBundle.create(tmp_path / "run")
    bundle.log("page", page_id="terms")
    Report(started="2027-01-04T09:00:00+09:00").write(tmp_path / "elsewhere" / "report.json")
    assert windows == [
        [
            "icacls",
            str(tmp_path / "run"),
            "/inheritance:r",
            "/grant:r",
            r"CORP\yamada:(OI)(CI)F",
            "/Q",
        ],
        [
            "icacls",
            str(tmp_path / "elsewhere" / "report.json.tmp"),
            "/inheritance:r",
            "/grant:r",
            r"CORP\yamada:F",
            "/Q",
        ],
    ]


def test_a_failed_icacls_is_logged_not_fatal(
    windows: list[list[str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from nss_autofill.run.audit import AuditBundle

    monkeypatch.setattr(private, "run_icacls", lambda args: "Access is denied.")
    bundle = AuditBundle.create(tmp_path / "run")
    entry = json.loads(bundle.log_path.read_text("utf-8").splitlines()[0])
    assert (entry["event"], entry["reason"]) == ("not-private", "Access is denied.")


def test_posix_files_are_0600_and_folders_0700(tmp_path: Path) -> None:
    from nss_autofill.run.audit import AuditBundle
    from nss_autofill.run.report import Report

    bundle = AuditBundle.create(tmp_path / "run")
    bundle.log("page")
    Report(started="x").write(tmp_path / "out" / "report.json")
    assert (tmp_path / "run").stat().st_mode & 0o777 == 0o700
    assert bundle.log_path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "out" / "report.json").stat().st_mode & 0o777 == 0o600


# ---------------------------------------------------------------- the offline bundle


def _wheel(folder: Path, filename: str, requires: list[str]) -> None:
    import zipfile

    name, version = filename.split("-")[:2]
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + "".join(
        f"Requires-Dist: {r}\n" for r in requires
    )
    with zipfile.ZipFile(folder / filename, "w") as zf:
        zf.writestr(f"{name}-{version}.dist-info/METADATA", meta)


def test_the_bundle_check_evaluates_markers_for_windows(tmp_path: Path) -> None:
    """pip resolves with the markers of the machine it runs on: a Windows-only dependency would
    slip through; the bundle check reads each wheel's requirements and evaluates them itself."""
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "cwb", root / "scripts" / "check_windows_bundle.py"
    )
    assert spec is not None and spec.loader is not None
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)

    _wheel(tmp_path, "tool-1.0-py3-none-any.whl", ['colorama>=0.4; sys_platform == "win32"', "lib"])
    _wheel(tmp_path, "lib-2.0-cp312-cp312-win_amd64.whl", ['uvloop; sys_platform != "win32"'])
    _wheel(tmp_path, "lib-2.0-cp312-cp312-manylinux_2_28_x86_64.whl", [])
    assert check.foreign_wheels(tmp_path) == ["lib-2.0-cp312-cp312-manylinux_2_28_x86_64.whl"]
    assert check.missing_for(tmp_path, {"tool", "lib"}, "3.12") == [
        'tool needs colorama>=0.4; sys_platform == "win32" (python 3.12, win_amd64)'
    ]
    _wheel(tmp_path, "colorama-0.4.6-py2.py3-none-any.whl", [])
    assert check.missing_for(tmp_path, {"tool", "lib"}, "3.12") == []
