"""Profiles from the sheet an office already keeps: one row per 事業所, one profile per row.

The header row names the columns as ``fields.py`` does (申込担当者 姓, 郵便番号, 利用者コード, 業種,
…; width and spaces ignored, unknown columns ignored). Each row is validated by the profile
model itself — the same rules and messages as ``check`` — and a problem is named by the file,
the row and the column: ``offices.xlsx 3行目 郵便番号: …``. A second 利用者コード goes in
利用者コード2 / 業種2 / シングルサインオン2, and so on; a 業種 cell lists the 業種 of its code,
each with its count: ``通関業, 通関士×3``.

Example::

    >>> parse_industries("通関業、通関士×3")
    [('通関業', 1), ('通関士', 3)]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import Msg
from .document import Document, Problem, ProfileError
from .fields import CODE_COLUMNS, FIELDS, FieldInfo, yes_no
from .industries import INDUSTRIES, canonical_industry

FILE_COLUMN = "ファイル名"
MAX_CODES = 9
# Digits an Excel cell turns into a number, losing their leading zeros: put them back.
_WIDTHS = {"postal_code": 7, "corporate_number": 13, "registered_code": 7, "office_code": 7}
_BOOLEAN = {("plan", "statistics"), ("plan", "bonded_archive")}


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


_BY_COLUMN: dict[str, FieldInfo] = {_key(f.column): f for f in FIELDS.values()}


@dataclass
class Row:
    """One row of the sheet as a profile (plain data), and where each value came from."""

    number: int
    data: dict[str, Any]
    columns: dict[str, str] = field(default_factory=dict)  # dotted path prefix → column
    file: str = ""


class SheetError(ValueError):
    """The sheet as a whole cannot be read (no header, a missing column, not a table)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.en)
        self.message = message


def read_table(path: Path) -> tuple[str, list[list[Any]]]:
    """The sheet's label (file, and sheet name when a workbook has several) and its rows."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            label = path.name if len(book.worksheets) == 1 else f"{path.name} [{sheet.title}]"
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
        return label, rows
    if suffix in (".csv", ".txt"):
        from ..textfiles import decode  # Excel saves CSV as Shift_JIS on a Japanese PC

        text, _ = decode(path.read_bytes())
        return path.name, [list(r) for r in csv.reader(io.StringIO(text))]
    raise SheetError(
        Msg(
            f"{path.name}: .xlsx か .csv のファイルを指定してください",
            f"{path.name}: give an .xlsx or a .csv file",
        )
    )


def parse_industries(cell: Any) -> list[tuple[str, int | str]]:
    """``通関業, 通関士×3`` → ``[("通関業", 1), ("通関士", 3)]`` (counts as written)."""
    out: list[tuple[str, int | str]] = []
    for item in re.split(r"[,、，;；\n]+", str(cell or "")):
        item = item.strip()
        if not item:
            continue
        m = re.fullmatch(r"(.+?)\s*(?:[×xX*＊]\s*([0-9０-９]+))?", item)
        assert m is not None
        count: int | str = int(unicodedata.normalize("NFKC", m[2])) if m[2] else 1
        out.append((m[1].strip(), count))
    return out


def _cell(info: FieldInfo, value: Any) -> Any:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if info.path in _BOOLEAN:
        return yes_no(value)
    if isinstance(value, int) and not isinstance(value, bool):
        width = _WIDTHS.get(info.path[-1])
        if width:
            return str(value).zfill(width)
        if info.path[-1] == "phone":
            return "0" + str(value)  # Japanese numbers start with 0; Excel drops it
    return value


def _put(data: dict[str, Any], path: Sequence[str], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def rows(label: str, table: list[list[Any]]) -> Iterator[Row]:
    """Each non-empty row of ``table`` as a profile; the header is the first row."""
    if not table:
        raise SheetError(Msg(f"{label}: 見出しの行がありません", f"{label}: no header row"))
    header = [_key(h) if h is not None else "" for h in table[0]]
    required = [f for f in FIELDS.values() if not f.optional and f.path[0] != "contract"]
    required.append(FIELDS[("contract", "start_date")])
    missing = [f.column for f in required if _key(f.column) not in header]
    missing += [c for c in CODE_COLUMNS[:2] if c not in header]
    if missing:
        raise SheetError(
            Msg(
                f"{label}: 列がありません: {'、'.join(missing)}",
                f"{label}: missing columns: {', '.join(missing)}",
            )
        )
    for offset, values in enumerate(table[1:], start=2):
        cells = dict(zip(header, values, strict=False))
        if all(_blank(v) for v in cells.values()):
            continue
        yield _row(offset, cells)


def _row(number: int, cells: dict[str, Any]) -> Row:
    row = Row(number, {"version": 1})
    for key, value in cells.items():
        info = _BY_COLUMN.get(key)
        if info is None or _blank(value):
            continue
        _put(row.data, info.path, _cell(info, value))
        row.columns[".".join(info.path)] = info.column
    codes: list[dict[str, Any]] = []
    for n in range(1, MAX_CODES + 1):
        suffix = "" if n == 1 else str(n)
        code, industries, sso = (cells.get(c + suffix) for c in CODE_COLUMNS)
        if _blank(code) and _blank(industries):
            continue
        here = f"user_codes.{len(codes)}"
        row.columns[here + ".code"] = CODE_COLUMNS[0] + suffix
        row.columns[here + ".ids"] = CODE_COLUMNS[1] + suffix
        row.columns[here] = CODE_COLUMNS[0] + suffix
        wants_sso = yes_no(sso) is True
        ids = []
        for j, (name, count) in enumerate(parse_industries(industries)):
            known = canonical_industry(name)
            single = wants_sso and known is not None and INDUSTRIES[known].sso
            ids.append({"industry": name, "count": count, "single_sign_on": single})
            if not _blank(sso):
                row.columns[f"{here}.ids.{j}.single_sign_on"] = CODE_COLUMNS[2] + suffix
        codes.append({"code": str(code or "").strip(), "ids": ids})
    if codes:
        row.data["user_codes"] = codes
    row.file = str(cells.get(_key(FILE_COLUMN)) or "").strip()
    return row


def _column_of(row: Row, path: str) -> str:
    best = ""
    for prefix in row.columns:
        if (path == prefix or path.startswith(prefix + ".")) and len(prefix) > len(best):
            best = prefix
    return row.columns.get(best, "")


def _place(label: str, row: Row, problem: Problem) -> Msg:
    column = _column_of(row, problem.path) or problem.path
    return Msg(
        f"{label} {row.number}行目 {column}: {problem.message.ja}",
        f"{label} row {row.number}, {column}: {problem.message.en}",
    )


def check_row(label: str, row: Row, today: dt.date) -> tuple[list[Msg], list[Msg], str]:
    """The row's errors, its warnings, and (without errors) its profile as commented YAML."""
    import copy

    from .loading import validate_document
    from .writer import converted, profile_yaml

    try:
        profile = validate_document(Document(copy.deepcopy(row.data)), today=today)
    except ProfileError as exc:
        return [_place(label, row, p) for p in exc.problems], [], ""
    warnings = [_place(label, row, p) for p in profile.notes if p.severity == "warning"]
    data = converted(row.data, profile.model_dump(mode="json"))
    return [], warnings, profile_yaml(data, how=f"{label} {row.number}行目 (init --from)")


# ---------------------------------------------------------------- the sample sheet

#: Three fictitious offices, one of each kind: one code; a customs broker with 通関士 and its own
#: administrator; two codes with consolidated billing and another billing address.
SAMPLE: tuple[dict[str, Any], ...] = (
    {
        "申込担当者 企業名": "ナックス商事株式会社", "申込担当者 部署名": "物流部",
        "申込担当者 姓": "山田", "申込担当者 名": "太郎", "申込担当者 セイ": "ヤマダ",
        "申込担当者 メイ": "タロウ", "申込担当者 電話番号": "03-1234-5678",
        "申込担当者 メールアドレス": "yamada@example.co.jp", "企業名": "ナックス商事株式会社",
        "企業名(フリガナ)": "ナックスショウジ", "法人番号": "7000012050002",
        "代表者役職": "代表取締役", "代表者氏名": "港 一郎", "郵便番号": "105-0001",
        "都道府県": "東京都", "市区町村・番地": "港区虎ノ門一丁目２番３号",
        "建物名等": "虎ノ門ビル５階", "企業 電話番号": "03-1234-5678",
        "利用者コード": "ABCDE", "業種": "海貨業", "料金プラン": "B",
        "管理統計資料(有料分)": "不要", "保税管理資料保存サービス": "不要",
        FILE_COLUMN: "nacks-tokyo",
    },
    {
        "申込担当者 企業名": "浜風通関株式会社", "申込担当者 部署名": "通関部",
        "申込担当者 姓": "佐藤", "申込担当者 名": "花子", "申込担当者 セイ": "サトウ",
        "申込担当者 メイ": "ハナコ", "申込担当者 電話番号": "045-661-0001",
        "申込担当者 メールアドレス": "sato@hamakaze-tsukan.example.jp",
        "企業名": "浜風通関株式会社", "企業名(フリガナ)": "ハマカゼツウカン",
        "代表者役職": "代表取締役社長", "代表者氏名": "海野 誠", "郵便番号": "231-0023",
        "都道府県": "神奈川県", "市区町村・番地": "横浜市中区山下町１番地",
        "建物名等": "山下町ビル３階", "企業 電話番号": "045-661-0001",
        "システム管理責任者 氏名": "鈴木 一郎", "システム管理責任者 電話番号": "045-661-0002",
        "システム管理責任者 メールアドレス": "suzuki@hamakaze-tsukan.example.jp",
        "利用者コード": "HMK01", "業種": "通関業, 通関士×3", "料金プラン": "A",
        "管理統計資料(有料分)": "要", "保税管理資料保存サービス": "不要",
        FILE_COLUMN: "hamakaze-yokohama",
    },
    {
        "申込担当者 企業名": "北浜倉庫株式会社", "申込担当者 部署名": "業務管理部",
        "申込担当者 姓": "中村", "申込担当者 名": "美咲", "申込担当者 セイ": "ナカムラ",
        "申込担当者 メイ": "ミサキ", "申込担当者 電話番号": "06-6201-0001",
        "申込担当者 メールアドレス": "nakamura@kitahama-soko.example.jp",
        "企業名": "北浜倉庫株式会社", "企業名(フリガナ)": "キタハマソウコ",
        "法人番号": "8120001000005", "代表者役職": "代表取締役", "代表者氏名": "大川 修",
        "郵便番号": "541-0041", "都道府県": "大阪府",
        "市区町村・番地": "大阪市中央区北浜２丁目３番４号", "建物名等": "北浜センタービル１０階",
        "企業 電話番号": "06-6201-0001", "利用者コード": "KTH01", "業種": "通関業",
        "利用者コード2": "KTH02", "業種2": "保税蔵置場×2", "料金プラン": "A",
        "管理統計資料(有料分)": "不要", "保税管理資料保存サービス": "要",
        "請求先 郵便番号": "100-0005", "請求先 都道府県": "東京都",
        "請求先 市区町村・番地": "千代田区丸の内一丁目１番１号",
        "請求先 建物名等": "丸の内ビル８階",
        "一括請求 登録請求先コード": "1234567", "一括請求 企業名": "北浜ホールディングス株式会社",
        "一括請求 事業所名": "本社", "備考": "請求書の宛先は経理部でお願いします。",
        FILE_COLUMN: "kitahama-osaka",
    },
)  # fmt: skip


def sample_header() -> list[str]:
    """Every column, in the order of the fields table, then the codes and the file name."""
    codes = [c + s for s in ("", "2") for c in CODE_COLUMNS]
    columns = [f.column for f in FIELDS.values()]
    at = list(FIELDS).index(("contract", "start_date"))  # the codes go before the contract
    return [FILE_COLUMN, *columns[:at], *codes, *columns[at:]]


def sample_table(start: dt.date) -> list[list[Any]]:
    """The sample: the header and the three offices, each starting on ``start``."""
    header = sample_header()
    body = [[{**row, "利用開始希望日": start}.get(c) for c in header] for row in SAMPLE]
    return [header, *body]


def write_sample(path: Path, start: dt.date) -> None:
    """The sample sheet as .xlsx (bold header, wide columns) or .csv (UTF-8 with BOM, which
    Excel opens correctly)."""
    table = sample_table(start)
    if path.suffix.lower() == ".csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(table)
        with open(path, "x", encoding="utf-8-sig", newline="") as fh:
            fh.write(out.getvalue())
        return
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "事業所"
    for row in table:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(12, 2 * len(str(cell.value)) + 2)
    for (cell,) in sheet.iter_rows(
        min_row=2, min_col=header_index(table[0]), max_col=header_index(table[0])
    ):
        cell.number_format = "yyyy-mm-dd"
    with open(path, "xb") as fh:  # never over an existing file
        book.save(fh)


def header_index(header: list[str]) -> int:
    """The 1-based column of 利用開始希望日 (formatted as a date in the workbook)."""
    return header.index(FIELDS[("contract", "start_date")].column) + 1
