"""Writing a profile as the commented YAML an office worker can read and edit.

Every key carries its Japanese name (``fields.py``) as a comment; strings are double-quoted (a
postal code such as ``0600001`` stays text, a ``:`` or ``#`` in a name stays in it); empty
values and sections equal to the Cyber Port defaults are left out.

Example::

    >>> print(profile_yaml({"version": 1, "remarks": "よろしく"}).splitlines()[-1])
    remarks: "よろしく"  # 備考
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .fields import CODE_COLUMNS, FIELDS

HEADER = """\
# nss-autofill 申込プロファイル (applicant profile), version 1 — {how}
# 確認: nss-autofill check このファイル (check THIS-FILE)
# ログインIDやパスワードはここに書きません: NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD
"""

_SECTIONS = {
    "applicant": "申込担当者 (the person applying)",
    "company": "企業に関する項目 (the company)",
    "administrator": "システム管理責任者 (system administrator)",
    "contract": "利用契約に関する項目 (the contract)",
    "user_codes": "利用者コード (existing codes to share) と業種",
    "terminal": "回線・論理端末",
    "plan": "料金 (plans)",
    "billing": "請求先 (billing)",
}
_OTHER_COMMENTS: dict[tuple[str, ...], str] = {
    ("billing", "address"): "請求先所在地 (same_as_office = 事業所に同じ)",
}
_ROW_COMMENTS = {
    "industry": "業種",
    "count": "識別番号数 (通関士: 人数)",
    "single_sign_on": "シングルサインオン",
}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def _line(indent: int, key: str, value: Any, comment: str) -> str:
    text = f"{' ' * indent}{key}: {_scalar(value)}"
    return f"{text}  # {comment}" if comment else text


def _mapping(lines: list[str], data: dict[str, Any], path: tuple[str, ...], indent: int) -> None:
    for key, value in data.items():
        here = (*path, key)
        if value is None or value == "":
            continue
        if isinstance(value, dict):
            lines.append(f"{' ' * indent}{key}:")
            _mapping(lines, value, here, indent + 2)
            continue
        info = FIELDS.get(here)
        lines.append(
            _line(indent, key, value, info.column if info else _OTHER_COMMENTS.get(here, ""))
        )


def _user_codes(lines: list[str], codes: list[dict[str, Any]]) -> None:
    lines.append("user_codes:")
    for code in codes:
        lines.append(_line(2, "- code", code["code"], CODE_COLUMNS[0]))
        lines.append("    ids:")
        for row in code.get("ids", []):
            first = True
            for key, value in row.items():
                if value is None:
                    continue
                prefix = "      - " if first else "        "
                lines.append(prefix + _line(0, key, value, _ROW_COMMENTS.get(key, "")))
                first = False


def profile_yaml(data: dict[str, Any], how: str = "") -> str:
    """The profile ``data`` (plain values, as a YAML file holds them) as commented YAML."""
    lines = [HEADER.format(how=how or "nss-autofill init").rstrip("\n"), ""]
    for key, value in data.items():
        if value is None or value == "" or value == {}:
            continue
        if key in _SECTIONS:
            if lines[-1]:
                lines.append("")
            lines.append(f"# {_SECTIONS[key]}")
        if key == "user_codes":
            _user_codes(lines, value)
        elif isinstance(value, dict):
            lines.append(f"{key}:")
            _mapping(lines, value, (key,), 2)
        else:
            info = FIELDS.get((key,))
            lines.append(_line(0, key, value, info.column if info else ""))
        if isinstance(value, dict | list):
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def converted(raw: Any, dumped: Any) -> Any:
    """``raw`` (what was typed) with each value given replaced by the model's conversion of it
    (``dumped``): katakana for hiragana, full width where NSS wants it, a canonical 業種, …;
    values not given stay out, so the Cyber Port defaults are not written."""
    if isinstance(raw, dict) and isinstance(dumped, dict):
        return {k: converted(v, dumped.get(k, v)) for k, v in raw.items()}
    if isinstance(raw, list) and isinstance(dumped, list) and len(raw) == len(dumped):
        return [converted(r, d) for r, d in zip(raw, dumped, strict=True)]
    if isinstance(raw, dict | list):
        return raw
    return dumped
