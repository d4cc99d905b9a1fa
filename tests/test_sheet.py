"""Profiles from the office's sheet: one per row, each checked as ``check`` checks, a bad cell
named by file, row and column, nothing written for that row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from nss_autofill.commands.init import from_sheet, sample_sheet
from nss_autofill.profile import load_profile
from nss_autofill.profile.sheet import sample_table

pytestmark = pytest.mark.nobrowser

TODAY = dt.date(2027, 1, 4)
START = dt.date(2027, 4, 5)


def _xlsx(path: Path, table: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in table:
        sheet.append(row)
    book.save(path)
    return path


def _set(table: list[list[object]], row: int, column: str, value: object) -> None:
    table[row - 1][table[0].index(column)] = value


def test_the_sample_sheet_gives_three_profiles_check_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "offices.xlsx"
    assert sample_sheet(sheet, "en", today=TODAY) == 0
    assert from_sheet(sheet, tmp_path / "out", "en", today=TODAY) == 0
    err = capsys.readouterr().err
    assert "offices.xlsx row 2 → " in err and "wrote 3 profile(s)" in err
    written = sorted((tmp_path / "out").glob("*.yaml"))
    assert [p.name for p in written] == [
        "hamakaze-yokohama.yaml",
        "kitahama-osaka.yaml",
        "nacks-tokyo.yaml",
    ]
    profiles = {p.stem: load_profile(p, today=TODAY) for p in written}
    broker = profiles["hamakaze-yokohama"]
    assert [(r.industry, r.count) for r in broker.user_codes[0].ids] == [
        ("通関業", 1),
        ("通関士", 3),
    ]
    assert broker.administrator.name == "鈴木\u3000一郎"
    osaka = profiles["kitahama-osaka"]
    assert [c.code for c in osaka.user_codes] == ["KTH01", "KTH02"]
    assert osaka.billing.consolidated is not None
    assert osaka.plan.bonded_archive is True
    for profile in profiles.values():
        assert profile.contract.start_date == START
    text = (tmp_path / "out" / "nacks-tokyo.yaml").read_text("utf-8")
    assert 'postal_code: "1050001"  # 郵便番号' in text  # converted as check converts it
    assert "# nss-autofill 申込プロファイル" in text


def test_a_csv_saved_by_excel_in_shift_jis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(sample_table(START))
    sheet = tmp_path / "offices.csv"
    sheet.write_bytes(out.getvalue().encode("cp932"))
    assert from_sheet(sheet, tmp_path, "ja", today=TODAY) == 0
    assert "3 件のプロファイルを書きました" in capsys.readouterr().err


def test_a_bad_cell_is_named_and_its_row_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = sample_table(START)
    _set(table, 3, "郵便番号", "231-002")  # row 3 of the sheet: the customs broker
    _set(table, 4, "業種2", "保税倉庫×2")  # row 4: a 業種 that does not exist
    sheet = _xlsx(tmp_path / "offices.xlsx", table)
    assert from_sheet(sheet, tmp_path / "out", "ja", today=TODAY) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "offices.xlsx 2行目 → " + str(tmp_path / "out" / "nacks-tokyo.yaml")
    assert err[1].startswith("offices.xlsx 3行目 郵便番号: 郵便番号は7桁の数字です")
    assert err[2].startswith("offices.xlsx 4行目 業種2: ")
    assert [p.name for p in (tmp_path / "out").glob("*.yaml")] == ["nacks-tokyo.yaml"]
    assert "問題のある 2 行は書いていません" in err[-1]


def test_a_postal_code_of_another_prefecture_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = sample_table(START)[:2]
    _set(table, 2, "都道府県", "大阪府")
    sheet = _xlsx(tmp_path / "o.xlsx", table)
    assert from_sheet(sheet, tmp_path, "en", today=TODAY) == 2
    assert "o.xlsx row 2, 郵便番号: the postal code 105-0001 is in 東京都, not 大阪府" in (
        capsys.readouterr().err
    )


def test_numbers_excel_made_of_codes_get_their_zeros_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = sample_table(START)[:2]
    _set(table, 2, "郵便番号", 600001)  # 060-0001 typed into a number cell
    _set(table, 2, "都道府県", "北海道")
    _set(table, 2, "市区町村・番地", "札幌市中央区北一条西２丁目")
    _set(table, 2, "企業 電話番号", 312345678)  # 03-1234-5678 without its 0 and hyphens
    _set(table, 2, "利用開始希望日", dt.datetime(2027, 4, 5))
    sheet = _xlsx(tmp_path / "o.xlsx", table)
    assert from_sheet(sheet, tmp_path, "en", today=TODAY) == 0, capsys.readouterr().err
    profile = load_profile(tmp_path / "nacks-tokyo.yaml", today=TODAY)
    assert profile.company.postal_code == "0600001"
    assert profile.company.phone.startswith("03")


def test_a_missing_column_stops_before_any_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = [row[:] for row in sample_table(START)]
    at = table[0].index("郵便番号")
    table = [row[:at] + row[at + 1 :] for row in table]
    sheet = _xlsx(tmp_path / "o.xlsx", table)
    assert from_sheet(sheet, tmp_path, "en", today=TODAY) == 2
    assert capsys.readouterr().err.strip() == "o.xlsx: missing columns: 郵便番号"
    assert list(tmp_path.glob("*.yaml")) == []


def test_an_existing_profile_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _xlsx(tmp_path / "o.xlsx", sample_table(START)[:2])
    (tmp_path / "nacks-tokyo.yaml").write_text("mine", "utf-8")
    assert from_sheet(sheet, tmp_path, "en", today=TODAY) == 2
    assert (tmp_path / "nacks-tokyo.yaml").read_text("utf-8") == "mine"
    assert "already exists" in capsys.readouterr().err


def test_not_a_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "o.xlsx"
    bad.write_text("not a zip", "utf-8")
    assert from_sheet(bad, tmp_path, "en", today=TODAY) == 2
    assert capsys.readouterr().err.startswith(f"cannot read {bad}")
    assert from_sheet(tmp_path / "o.ods", tmp_path, "en", today=TODAY) == 2
