"""Maintenance commands on real recordings: `--record` scrubs, `recognize` reads them back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nss_autofill.profile import load_profile

from .helpers import PROFILES, run_cli

# The module's recording is a dry run with --auto-confirm: the first test that sets it up may
# see the simulated operator's reported presses, and nothing more.
pytestmark = pytest.mark.human_presses


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A dry run of the whole flow with every page recorded."""
    tmp = tmp_path_factory.mktemp("rec")
    out = tmp / "fixtures"
    res = run_cli(
        str(PROFILES / "two-codes-billing.yaml"),
        "--dry-run",
        "--headless",
        "--auto-confirm",
        "--record",
        str(out),
        tmp_path=tmp,
    )
    assert res.code == 0, res.stderr
    return out, tmp


def _profile_values() -> set[str]:
    data = load_profile(PROFILES / "two-codes-billing.yaml").model_dump(mode="python")
    keep = set()
    for section in ("applicant", "company", "administrator"):
        keep |= {v for v in data[section].values() if isinstance(v, str) and len(v) >= 4}
    keep |= {c["code"] for c in data["user_codes"]}
    for key in ("consolidated", "direct_debit"):
        if data["billing"][key]:
            keep |= {v for v in data["billing"][key].values() if isinstance(v, str) and v}
    return {v for v in keep if v}


def test_recorded_pages_hold_no_applicant_data_and_no_login(recording: tuple[Path, Path]) -> None:
    out, tmp = recording
    files = sorted(out.glob("*.html"))
    assert len(files) >= 18
    report = json.loads(next(tmp.glob("report-*.json")).read_text("utf-8"))
    assert report["outcome"] == "completed"
    values = _profile_values()
    assert "ナックス" in "".join(values) or values  # the profile has real values to look for
    for path in files:
        raw = path.read_bytes()
        text = raw.decode("utf-8") if b"Shift_JIS" not in raw[:600] else raw.decode("cp932")
        assert text.startswith("<!-- recorded by nss-autofill on ")
        assert "<script" not in text.lower()
        assert " onclick=" not in text.lower()
        for value in values:
            assert value not in text, f"{value!r} left in {path.name}"
    # The login shown in the 模擬メール and in NSS's header is scrubbed as well.
    mail = next(f for f in files if "模擬メール" in f.read_bytes().decode("utf-8", "ignore"))
    assert "{{value}}" in mail.read_text("utf-8")
    assert any(b"Shift_JIS" in f.read_bytes()[:600] for f in files), "encoding kept"


@pytest.mark.parametrize(("index", "page_id"), [(4, "temp-apply"), (9, "apply-office")])
def test_recognize_reads_a_recording_and_lists_its_fields(
    recording: tuple[Path, Path], index: int, page_id: str, tmp_path: Path
) -> None:
    out, _ = recording
    path = out / f"{index:02d}-page.html"
    res = run_cli("recognize", str(path), "--json", tmp_path=tmp_path)
    assert res.code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["page_id"] == page_id
    assert data["fields"] and all(f["status"] == "found" for f in data["fields"])


def test_recognize_names_the_failed_signals_of_an_unknown_page(tmp_path: Path) -> None:
    page = tmp_path / "x.html"
    page.write_text(
        "<html><head><title>NACCSサポートシステム</title></head><body><h2>お知らせ</h2>"
        "<p>本日は晴天なり</p></body></html>",
        "utf-8",
    )
    res = run_cli("recognize", str(page), tmp_path=tmp_path)
    assert res.code == 4
    assert "not recognised" in res.stdout
    assert "✗" in res.stdout


def test_recognize_on_a_missing_file_is_bad_input(tmp_path: Path) -> None:
    res = run_cli("recognize", str(tmp_path / "none.html"), tmp_path=tmp_path)
    assert res.code == 2
    assert "none.html" in res.stderr
