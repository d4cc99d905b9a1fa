"""``doctor`` does what the run does before the first page, and says how each step went."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from nss_autofill.mock.server import MockSite

from .helpers import clean_env, run_cli


def _doctor(tmp_path: Path, *args: str, **env: str) -> tuple[int, list[str], str]:
    base = clean_env(**{"NSS_AUTOFILL_LANG": "en", "XDG_DATA_HOME": str(tmp_path / "data"), **env})
    res = run_cli("doctor", *args, tmp_path=tmp_path, env=base)
    return res.code, res.stdout.splitlines(), res.stderr


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_doctor_reaches_the_start_page_and_shows_where_runs_are_kept(
    mock_site: MockSite, tmp_path: Path
) -> None:
    code, lines, err = _doctor(
        tmp_path,
        "--start-url",
        mock_site.start_url,
        HTTPS_PROXY="http://yamada:s3cret@proxy.example.jp:8080",
        NO_PROXY="127.0.0.1,localhost",
    )
    assert code == 0, err
    text = "\n".join(lines)
    runs = tmp_path / "data" / "nss-autofill" / "runs"
    assert f"✓ data folder: runs are kept in {runs} (readable by you only)" in text
    assert "✓ output encoding: stdout=utf-8" in text
    assert "https=http://***@proxy.example.jp:8080" in text and "s3cret" not in text
    assert "✓ login: not set (you type it in the browser)" in text
    assert any(line.startswith("✓ browser: ") and "version" in line for line in lines)
    assert any(line.startswith("✓ reaching the NACCS掲示板: reachable (HTTP 200") for line in lines)


def test_doctor_names_an_unreachable_start_page_with_exit_6(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/"
    code, lines, _ = _doctor(tmp_path, "--start-url", url)
    assert code == 6
    assert f"✗ reaching the NACCS掲示板: cannot reach {url}: the connection was refused" in (
        "\n".join(lines)
    )


def test_doctor_without_a_browser_is_exit_2(tmp_path: Path) -> None:
    code, lines, _ = _doctor(tmp_path, "--browser", str(tmp_path / "no-such-browser.exe"))
    assert code == 2
    assert lines[-1].startswith("✗ browser: no usable browser found. Looked for: ")


def test_doctor_speaks_japanese(mock_site: MockSite, tmp_path: Path) -> None:
    code, lines, _ = _doctor(tmp_path, "--start-url", mock_site.start_url, NSS_AUTOFILL_LANG="ja")
    assert code == 0
    assert [line.split(":")[0] for line in lines] == [
        "✓ Python",
        "✓ 出力の文字コード",
        "✓ 画面" if os.environ.get("DISPLAY") else "✗ 画面",
        "✓ 実行記録の保存先",
        "✓ 入力する接続先",
        "✓ 開始URL",
        "✓ プロキシ",
        "✓ ログイン情報",
        "✓ ブラウザ",
        "✓ NACCS掲示板への接続",
    ]


@pytest.mark.headed
@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs a display (xvfb-run)")
def test_doctor_starts_the_browser_headed_as_the_run_does(
    mock_site: MockSite, tmp_path: Path
) -> None:
    code, lines, _ = _doctor(tmp_path, "--start-url", mock_site.start_url)
    assert code == 0
    assert any("started headed, as the run starts it" in line for line in lines)
