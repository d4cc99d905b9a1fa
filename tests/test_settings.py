"""Every option is a setting: the flag and ``NSS_AUTOFILL_<OPTION>`` give the same value, the
flag wins, a bad value is exit 2 naming where it came from, in every command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nss_autofill.cli import COMMANDS, build_parser, command_parser
from nss_autofill.commands.options import cli_fields, given_settings
from nss_autofill.errors import BadInput
from nss_autofill.settings import Settings, env_name, load_settings

from .helpers import PROFILES, clean_env, run_cli

pytestmark = pytest.mark.nobrowser

# For each option: the environment's text, the flags that say the same, the value expected.
SAMPLES: dict[str, tuple[str, list[str], Any]] = {
    "dry_run": ("true", ["--dry-run"], True),
    "headless": ("1", ["--headless"], True),
    "url": ("https://nss.naccs.jp/m?a=1&b=2", ["--url", "https://nss.naccs.jp/m?a=1&b=2"], None),
    "start_url": ("https://bbs.example.jp/", ["--start-url", "https://bbs.example.jp/"], None),
    "allow_origin": (
        "https://a.example.jp, https://B.example.jp",
        ["--allow-origin", "https://a.example.jp", "--allow-origin", "https://B.example.jp"],
        ["https://a.example.jp", "https://b.example.jp"],
    ),
    "auto_confirm": ("yes", ["--auto-confirm"], True),
    "step": ("true", ["--step"], True),
    "report": ("out/r.json", ["--report", "out/r.json"], Path("out/r.json")),
    "artifacts": ("runs", ["--artifacts", "runs"], Path("runs")),
    "record": ("pages", ["--record", "pages"], Path("pages")),
    "browser": ("msedge", ["--browser", "msedge"], None),
    "launch_timeout_ms": ("5000", ["--launch-timeout-ms", "5000"], 5000),
    "lang": ("en", ["--lang", "en"], None),
    "verbosity": ("0", ["-q"], 0),
    "page_timeout_ms": ("20000", ["--page-timeout-ms", "20000"], 20000),
    "human_timeout_s": ("60", ["--human-timeout-s", "60"], 60),
    "min_business_days": ("5", ["--min-business-days", "5"], 5),
}


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in [k for k in __import__("os").environ if k.startswith("NSS_AUTOFILL_")]:
        monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)  # no .env of the developer's


def _from_flags(*flags: str) -> Settings:
    ns = build_parser().parse_args(["run", "p.yaml", *flags])
    return load_settings(given_settings(ns))


def test_every_option_has_a_sample_here() -> None:
    assert set(SAMPLES) == set(cli_fields()), "a new option needs its line in SAMPLES"


@pytest.mark.parametrize("name", list(SAMPLES))
def test_option_from_the_environment_and_from_the_flag(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_text, flags, expected = SAMPLES[name]
    expected = env_text if expected is None else expected
    default = getattr(Settings(), name)
    assert default != expected
    assert getattr(_from_flags(*flags), name) == expected
    monkeypatch.setenv(env_name(name), env_text)
    assert getattr(load_settings(), name) == expected
    assert getattr(_from_flags(), name) == expected


def test_a_flag_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NSS_AUTOFILL_HEADLESS", "true")
    monkeypatch.setenv("NSS_AUTOFILL_BROWSER", "msedge")
    settings = _from_flags("--no-headless", "--browser", "chrome")
    assert (settings.headless, settings.browser) == (False, "chrome")


def test_the_secrets_have_no_flag_and_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "login_id" not in cli_fields() and "password" not in cli_fields()
    monkeypatch.setenv("NSS_AUTOFILL_PASSWORD", "s3cret-value")
    settings = load_settings()
    assert settings.password is not None
    assert settings.password.get_secret_value() == "s3cret-value"


def test_browser_is_declared_once_with_one_default() -> None:
    """Every command that takes --browser shows the same help, and its default is the model's."""
    helps = set()
    for name in COMMANDS:
        for action in command_parser(name)._actions:
            if "--browser" in action.option_strings:
                assert action.default is None  # the settings decide, not argparse
                helps.add(action.help)
    assert len(helps) == 1
    assert Settings.model_fields["browser"].default == "auto"
    assert "(default: auto)" in helps.pop()


def test_the_start_url_is_the_catalogues() -> None:
    from nss_autofill.site.catalogue import load_catalogue

    assert Settings().start_url == load_catalogue().site.start_url


def test_a_bad_value_names_the_variable_or_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NSS_AUTOFILL_LAUNCH_TIMEOUT_MS", "500")
    with pytest.raises(BadInput) as env_error:
        load_settings()
    assert env_error.value.render("en") == (
        "bad setting: NSS_AUTOFILL_LAUNCH_TIMEOUT_MS (launch_timeout_ms): "
        "must be at least 1000 ('500')"
    )
    assert env_error.value.render("ja") == (
        "設定の誤り: NSS_AUTOFILL_LAUNCH_TIMEOUT_MS (launch_timeout_ms): "
        "1000 以上にしてください ('500')"
    )
    with pytest.raises(BadInput) as flag_error:
        _from_flags("--launch-timeout-ms", "500")
    assert (
        flag_error.value.render("en") == "bad setting: --launch-timeout-ms: must be at least 1000"
    )


def test_a_secret_is_never_echoed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NSS_AUTOFILL_PASSWORD", "")
    monkeypatch.setenv("NSS_AUTOFILL_PAGE_TIMEOUT_MS", "hunter2")
    with pytest.raises(BadInput) as error:
        load_settings()
    assert "NSS_AUTOFILL_PAGE_TIMEOUT_MS" in error.value.render("en")


def test_a_quoted_url_from_cmd_exe_is_explained() -> None:
    with pytest.raises(BadInput) as error:
        _from_flags("--url", "'https://nss.naccs.jp/x'")
    assert "cmd.exe" in error.value.render("en")
    assert "cmd.exe" in error.value.render("ja")


def test_a_shift_jis_env_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes("# 設定\nNSS_AUTOFILL_BROWSER=msedge\n".encode("cp932"))
    assert load_settings().browser == "msedge"
    (tmp_path / ".env").write_bytes("\ufeffNSS_AUTOFILL_BROWSER=chrome\n".encode())
    assert load_settings().browser == "chrome"


def test_an_unreadable_env_file_is_named(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"NSS_AUTOFILL_LANG=en\n# \xff\xfe\n")
    with pytest.raises(BadInput) as error:
        load_settings()
    assert error.value.render("en").startswith(
        "cannot read .env: it is neither UTF-8 nor Shift_JIS"
    )
    assert "(line 2)" in error.value.render("en")


# ---------------------------------------------------------------- through the command line

ARGS = {
    "run": [str(PROFILES / "example.yaml"), "--headless"],
    "init": ["new.yaml"],
    "check": [str(PROFILES / "example.yaml")],
    "plan": [str(PROFILES / "example.yaml")],
    "mock-server": ["--port", "0"],
    "doctor": [],
    "recognize": ["page.html"],
    "record": ["--out", "rec"],
}


def test_every_command_is_in_this_table() -> None:
    assert set(ARGS) == set(COMMANDS)


@pytest.mark.parametrize("command", list(ARGS))
def test_every_command_refuses_a_bad_setting_with_exit_2(command: str, tmp_path: Path) -> None:
    args = ARGS[command] if command == "run" else [command, *ARGS[command]]
    env = clean_env(NSS_AUTOFILL_HUMAN_TIMEOUT_S="-1", NSS_AUTOFILL_LANG="en")
    res = run_cli(*args, tmp_path=tmp_path, env=env, timeout=60)
    assert res.code == 2, res.stderr
    assert "NSS_AUTOFILL_HUMAN_TIMEOUT_S (human_timeout_s): must be at least 0 ('-1')" in res.stderr
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "new.yaml").exists()


@pytest.mark.parametrize(
    ("lang", "first_line"),
    [("ja", "OK: プロファイルに問題はありません"), ("en", "OK: the profile is valid")],
)
def test_nss_autofill_lang_chooses_the_language(lang: str, first_line: str, tmp_path: Path) -> None:
    env = clean_env(NSS_AUTOFILL_LANG=lang, LANG="C.UTF-8" if lang == "ja" else "ja_JP.UTF-8")
    res = run_cli("check", str(PROFILES / "example.yaml"), tmp_path=tmp_path, env=env)
    assert res.code == 0, res.stderr
    assert res.stdout.splitlines()[0] == first_line
