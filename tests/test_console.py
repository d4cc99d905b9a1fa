"""Every command's output under a Japanese Windows console's encoding (cp932, simulated with
PYTHONIOENCODING): marks become ○ × ＞, never ``?``; ``--json`` stays UTF-8 bytes."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from nss_autofill.cli import COMMANDS
from nss_autofill.console import ERRORS, STAND_INS
from nss_autofill.mock.server import MockSite

from .helpers import PROFILES, ROOT, clean_env

EXAMPLE = str(PROFILES / "example.yaml")
UNSEEN = str(ROOT / "tests" / "unseen" / "apply-office.html")


def _run(*args: str, cwd: Path, lang: str = "ja", timeout: float = 120) -> tuple[int, bytes, bytes]:
    env = clean_env(
        PYTHONIOENCODING="cp932",
        NSS_AUTOFILL_LANG=lang,
        NSS_AUTOFILL_ARTIFACTS=str(cwd / "run"),
    )
    proc = subprocess.run(
        [sys.executable, "-m", "nss_autofill", *args],
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr


def _text(data: bytes) -> str:
    text = data.decode("cp932")  # strict: every byte is cp932
    assert "?" not in text, text
    return text


@pytest.mark.nobrowser
def test_the_stand_ins_encode_in_cp932_and_ascii() -> None:
    for mark in STAND_INS:
        assert mark.encode("cp932", errors=ERRORS) != b"?"
        assert mark.encode("ascii", errors=ERRORS).isascii()
    assert "✓ › ✗".encode("cp932", errors=ERRORS).decode("cp932") == "○ ＞ ×"
    assert "✓ › ✗".encode("ascii", errors=ERRORS) == b"OK > NG"


@pytest.mark.nobrowser
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_help_in_cp932(command: str, tmp_path: Path) -> None:
    args = ["--help"] if command == "run" else [command, "--help"]
    code, out, err = _run(*args, cwd=tmp_path)
    assert code == 0
    assert "NSS_AUTOFILL_LANG" in _text(out)
    assert err == b""


@pytest.mark.nobrowser
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_check_plan_and_init_in_cp932(lang: str, tmp_path: Path) -> None:
    code, out, _ = _run("check", EXAMPLE, cwd=tmp_path, lang=lang)
    assert code == 0
    assert "ABCDE: 海貨業 ×1" in _text(out)
    code, out, _ = _run("plan", EXAMPLE, cwd=tmp_path, lang=lang)
    assert code == 0
    assert "    利用契約に関する項目 ＞ 利用開始希望日: 年 2027 / 月 4 / 日 1" in _text(out)
    code, out, err = _run("init", "--example", "例 profile.yaml", cwd=tmp_path, lang=lang)
    assert code == 0 and out == b""
    assert "例 profile.yaml" in _text(err)
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 2\n", "utf-8")
    code, _, err = _run("check", str(bad), cwd=tmp_path, lang=lang)
    assert code == 2
    _text(err)


@pytest.mark.nobrowser
def test_plan_json_is_utf8_bytes_whatever_the_console(tmp_path: Path) -> None:
    code, out, _ = _run("plan", EXAMPLE, "--json", cwd=tmp_path)
    assert code == 0
    data = json.loads(out.decode("utf-8"))  # not cp932
    where = [f["where"] for p in data["pages"] for f in p["fields"]]
    assert "利用契約に関する項目 › 利用開始希望日" in where  # the › survives in data


def test_recognize_in_cp932(tmp_path: Path) -> None:
    code, out, _ = _run("recognize", UNSEEN, cwd=tmp_path)
    assert code in (0, 4)
    text = _text(out)
    assert "○" in text or "×" in text
    code, out, _ = _run("recognize", UNSEEN, "--json", cwd=tmp_path)
    assert json.loads(out.decode("utf-8"))["target"] == UNSEEN


def test_doctor_in_cp932(mock_site: MockSite, tmp_path: Path) -> None:
    code, out, err = _run("doctor", "--start-url", mock_site.start_url, cwd=tmp_path)
    assert code == 0, err.decode("utf-8", "replace")
    lines = _text(out).splitlines()
    assert all(line[:1] in "○×" for line in lines), lines
    assert "出力の文字コード: stdout=cp932" in "\n".join(lines)
    assert "記号は ○ × ＞ で表示します" in "\n".join(lines)


def test_the_run_in_cp932(tmp_path: Path) -> None:
    code, out, err = _run(EXAMPLE, "--dry-run", "--headless", cwd=tmp_path)
    assert code == 3
    assert out == b""
    assert "人が押すボタン" in _text(err)


def test_mock_server_in_cp932(tmp_path: Path) -> None:
    env = clean_env(PYTHONIOENCODING="cp932", NSS_AUTOFILL_LANG="ja")
    proc = subprocess.Popen(
        [sys.executable, "-m", "nss_autofill", "mock-server", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
        assert proc.stderr is not None
        rest = proc.stderr.read()
    finally:
        proc.kill()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    assert _text(first).startswith("模擬NSSサイト: http://127.0.0.1:")
    assert _text(rest).strip() == "模擬NSSサイトを終了しました。"


@pytest.mark.nobrowser
def test_guided_init_with_piped_answers_in_cp932(tmp_path: Path) -> None:
    from .test_guided import SCRIPTS

    env = clean_env(PYTHONIOENCODING="cp932", NSS_AUTOFILL_LANG="ja")
    answers = "\n".join(SCRIPTS["example"]) + "\n"
    proc = subprocess.run(
        [sys.executable, "-m", "nss_autofill", "init", "--guided", "g.yaml"],
        input=answers.encode("cp932"),
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    err = _text(proc.stderr)
    assert proc.returncode == 0, err
    assert "〒105-0001: 東京都 港区 虎ノ門" in err
    assert (tmp_path / "g.yaml").is_file()
