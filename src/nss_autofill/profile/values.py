"""The rule of each kind of profile value, one ``norm_*`` function a kind, as plain functions.

Each ``norm_*`` function takes what the operator wrote and returns the normalised value NSS
receives, or raises a ``PydanticCustomError`` of type ``nss`` whose context carries the message
in Japanese and English (``model_errors.py`` turns it into a ``Problem``). The section models
(``model.py``) and the guided questions (``fields.py``, ``interview.py``) apply them.

Where a new rule goes: a width, a code, a date, anything one value decides on its own, here
(used by ``model.py``); a character or key rule for any text of the document in
``text_checks.py``; a rule across fields or rows in ``checks.py``.

Example::

    >>> norm_postal("１０５－０００１")
    '1050001'
    >>> corporate_number_check_digit("000012050002")
    7
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NoReturn

from pydantic_core import PydanticCustomError

from ..normalize import (
    digits_only,
    is_katakana_text,
    phone_number,
    to_hankaku,
    to_katakana,
    to_zenkaku,
)
from .industries import INDUSTRIES, canonical_industry

PREFECTURES = tuple(
    [
        "北海道",
        "青森県",
        "岩手県",
        "宮城県",
        "秋田県",
        "山形県",
        "福島県",
        "茨城県",
        "栃木県",
        "群馬県",
        "埼玉県",
        "千葉県",
        "東京都",
        "神奈川県",
        "新潟県",
        "富山県",
        "石川県",
        "福井県",
        "山梨県",
        "長野県",
        "岐阜県",
        "静岡県",
        "愛知県",
        "三重県",
        "滋賀県",
        "京都府",
        "大阪府",
        "兵庫県",
        "奈良県",
        "和歌山県",
        "鳥取県",
        "島根県",
        "岡山県",
        "広島県",
        "山口県",
        "徳島県",
        "香川県",
        "愛媛県",
        "高知県",
        "福岡県",
        "佐賀県",
        "長崎県",
        "熊本県",
        "大分県",
        "宮崎県",
        "鹿児島県",
        "沖縄県",
    ]
)


def fail(ja: str, en: str) -> NoReturn:
    """Reject a value with a message in both languages."""
    raise PydanticCustomError("nss", "{en}", {"ja": ja, "en": en})


def _text(value: Any) -> str:
    if value is None:
        fail("値が空です", "no value given")
    if isinstance(value, bool) or not isinstance(value, str | int):
        fail("文字列で書いてください", "must be text")
    return str(value).strip()


# ---------------------------------------------------------------- single values


def norm_zenkaku(value: Any) -> str:
    """Names and addresses: full-width, runs of spaces folded to one full-width space."""
    text = re.sub(r"[\s\u3000]+", " ", _text(value))
    return to_zenkaku(text)


def norm_plain(value: Any) -> str:
    return _text(value)


def require(value: str) -> str:
    if not value:
        fail("空にはできません", "must not be empty")
    return value


def norm_kana(value: Any) -> str:
    """フリガナ: hiragana, half-width kana and spaces accepted; full-width katakana out."""
    raw = _text(value)
    out = to_katakana(raw)
    for ch in out:
        if not is_katakana_text(ch):
            pos = raw.find(ch) + 1 if ch in raw else out.index(ch) + 1
            fail(
                f"フリガナに使えない文字「{ch}」({pos}文字目) があります。"
                "カタカナかひらがなで書いてください",
                f"'{ch}' (character {pos}) cannot appear in a フリガナ; write katakana or hiragana",
            )
    return out


def norm_phone(value: Any) -> str:
    """Half-width digits and hyphens, 10 or 11 digits."""
    raw = _text(value)
    out = phone_number(raw)
    bad = next((c for c in out if c not in "0123456789-"), None)
    if bad is not None:
        fail(
            f"電話番号に使えない文字「{bad}」があります (数字とハイフンのみ)",
            f"'{bad}' cannot appear in a phone number (digits and hyphens only)",
        )
    digits = out.replace("-", "")
    if not 10 <= len(digits) <= 11:
        fail(
            f"電話番号の数字が {len(digits)} 桁です (10桁か11桁)",
            f"a phone number has 10 or 11 digits, this one {len(digits)}",
        )
    if out.startswith("-") or out.endswith("-") or "--" in out:
        fail("ハイフンの位置が正しくありません", "misplaced hyphen in the phone number")
    return out


def norm_postal(value: Any) -> str:
    """郵便番号: 7 half-width digits; ``105-0001`` and full-width digits accepted."""
    out = digits_only(_text(value))
    if not re.fullmatch(r"[0-9]{7}", out):
        fail(
            f"郵便番号は7桁の数字です (「{out}」)",
            f"a postal code is 7 digits (got '{out}')",
        )
    return out


_EMAIL_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+"
)


def norm_email(value: Any) -> str:
    out = to_hankaku(_text(value))
    if not _EMAIL_RE.fullmatch(out):
        fail(
            f"メールアドレスの形式が正しくありません (「{out}」)",
            f"not a valid e-mail address: '{out}'",
        )
    return out


def corporate_number_check_digit(base12: str) -> int:
    """The National Tax Agency check digit of a 法人番号's last 12 digits.

    9 − (Σ digit × (1 at odd positions from the right, 2 at even)) mod 9.
    """
    total = sum(int(d) * (1 if i % 2 == 1 else 2) for i, d in enumerate(reversed(base12), 1))
    return 9 - total % 9


def norm_corporate_number(value: Any) -> str | None:
    if value is None:
        return None
    out = digits_only(_text(value))
    if out == "":
        return None
    bad = next((c for c in out if not "0" <= c <= "9"), None)
    if bad is not None:
        fail(
            f"法人番号は数字13桁です (「{bad}」は使えません)",
            f"a corporate number (法人番号) is 13 digits; '{bad}' is not a digit",
        )
    if len(out) != 13:
        fail(
            f"法人番号は13桁の数字です (「{out}」は{len(out)}桁)",
            f"a corporate number (法人番号) is 13 digits, '{out}' has {len(out)}",
        )
    expected = corporate_number_check_digit(out[1:])
    if int(out[0]) != expected:
        fail(
            f"法人番号 {out} のチェックデジット (先頭の数字) が合いません。番号をご確認ください",
            f"corporate number {out}: the check digit (first digit) does not match; "
            "check the number",
        )
    return out


def norm_user_code(value: Any) -> str:
    out = to_hankaku(_text(value)).upper()
    if not re.fullmatch(r"[A-Z0-9]{5}", out):
        fail(
            f"利用者コードは半角英大文字・数字5文字です (「{out}」)",
            f"a 利用者コード is 5 letters or digits (got '{out}')",
        )
    return out


def norm_industry(value: Any) -> str:
    raw = _text(value)
    name = canonical_industry(raw)
    if name is None:
        import difflib

        near = difflib.get_close_matches(raw, list(INDUSTRIES), n=1, cutoff=0.5)
        hint_ja = f"「{near[0]}」のことですか? " if near else ""
        hint_en = f"did you mean '{near[0]}'? " if near else ""
        fail(
            f"業種「{raw}」はありません。{hint_ja}業種は次のいずれかです: {'、'.join(INDUSTRIES)}",
            f"unknown 業種 '{raw}'; {hint_en}choose one of: {', '.join(INDUSTRIES)}",
        )
    return name


def norm_prefecture(value: Any) -> str:
    raw = to_zenkaku(_text(value))
    if raw in PREFECTURES:
        return raw
    full = next((p for p in PREFECTURES if p[:-1] == raw and p != "北海道"), None)
    if full is not None:
        return full
    fail(
        f"都道府県「{raw}」が正しくありません (例: 東京都、大阪府、神奈川県)",
        f"'{raw}' is not a prefecture (e.g. 東京都, 大阪府, 神奈川県)",
    )


def norm_billing_code(value: Any) -> str | None:
    if value is None:
        return None
    out = digits_only(_text(value))
    if not re.fullmatch(r"[0-9]{7}", out):
        fail(
            f"コードは半角数字7桁です (「{out}」)",
            f"the code is 7 digits (got '{out}')",
        )
    return out


def norm_plan(value: Any) -> str:
    out = to_hankaku(_text(value)).upper().removesuffix("プラン").strip()
    if out not in ("A", "B"):
        fail("料金プランは A か B です", "the plan is A or B")
    return out


def norm_version(value: Any) -> int:
    if value != 1 or isinstance(value, bool):
        fail(
            "version は 1 です (このツールが読める形式)",
            "version must be 1 (the format this tool reads)",
        )
    return 1


def norm_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        fail("識別番号数は1以上の整数です", "the count is a whole number, 1 or more")
    text = digits_only(str(value)) if isinstance(value, str) else str(value)
    if not re.fullmatch(r"-?[0-9]+", text):
        fail("識別番号数は1以上の整数です", "the count is a whole number, 1 or more")
    count = int(text)
    if count < 1:
        fail(
            "識別番号数は1以上です (通関士は通関士1人につき1つ)",
            "the count is at least 1 (通関士: one per customs broker)",
        )
    return count


def norm_date(value: Any, today: dt.date | None) -> dt.date:
    """利用開始希望日: a real date, not in the past. ``2027-03-01``, ``2027/3/1`` accepted."""
    raw = to_hankaku(_text(value))
    m = re.fullmatch(r"([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?", raw)
    if m is None:
        fail(
            f"日付は 2027-04-01 の形で書いてください (「{raw}」)",
            f"write the date as 2027-04-01 (got '{raw}')",
        )
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        fail(f"{raw} という日付はありません", f"{raw} is not a real date")
    if today is not None and day < today:
        fail(
            f"利用開始希望日 {day.isoformat()} は過去の日付です (今日は {today.isoformat()})",
            f"the start date {day.isoformat()} is in the past (today is {today.isoformat()})",
        )
    return day


def norm_remarks(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        fail("文字列で書いてください", "must be text")
    return str(value).strip()
