"""Checks on any text of a profile, wherever it stands: the characters NSS cannot take (not in
CP932) or may refuse (machine-dependent), keys that look like credentials, and placeholders left
from the template. ``walk`` visits every value of the plain data they run on.

These are not the rule of one field: ``checks.py`` runs them over the whole document (so they
report even where the model rejected something else). A new rule about characters or keys goes
here; a rule about one kind of value (a width, a code, a date) goes in ``values.py``.

Example::

    >>> machine_dependent("株式会社髙橋①")
    [(5, '髙'), (7, '①')]
    >>> is_credential_key("Password")
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from ..i18n import Msg
from ..normalize import cp932_problems

# Characters NSS will not take, and what to write instead ("" = just remove it).
REPLACEMENTS: dict[str, str] = {
    "𠮷": "吉",
    "髙": "高",
    "﨑": "崎",
    "德": "徳",
    "瀨": "瀬",
    "\ufa10": "塚",
    **{chr(0x2460 + i): str(i + 1) for i in range(20)},  # ① … ⑳
    "Ⅰ": "I",
    "Ⅱ": "II",
    "Ⅲ": "III",
    "㈱": "株式会社",
    "㈲": "有限会社",
    "㈹": "代表",
    "№": "No.",
    "℡": "TEL",
    "—": "－",
}

CREDENTIAL_ENV = "NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD"
_CREDENTIAL_RE = re.compile(
    r"^(user|login|my|temp|nss)?pass(word|wd|phrase|code)?$|^pw$|^pwd$|password|passwd|"
    r"secret|token|credential|apikey|"
    r"loginid|userid.*pass|仮ログイン|ログインid|パスワード|暗証"
)
PLACEHOLDER_RE = re.compile(r"<<[^<>]*>>")


def walk(data: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every (location, value) in plain data, depth first, the containers included."""
    yield loc, data
    if isinstance(data, Mapping):
        for k, v in data.items():
            yield from walk(v, (*loc, str(k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from walk(v, (*loc, i))


def is_credential_key(key: str) -> bool:
    """A key that looks like a login ID, a password or another secret."""
    folded = re.sub(r"[\s_\-.]", "", unicodedata.normalize("NFKC", key)).lower()
    return bool(_CREDENTIAL_RE.search(folded))


def credential_message() -> Msg:
    return Msg(
        "ログインIDやパスワードはプロファイルに書けません。環境変数 NSS_AUTOFILL_LOGIN_ID / "
        "NSS_AUTOFILL_PASSWORD を使うか、ブラウザで入力してください (この行を削除してください)",
        "login IDs and passwords do not belong in the profile; set NSS_AUTOFILL_LOGIN_ID / "
        "NSS_AUTOFILL_PASSWORD or type them in the browser (delete this line)",
    )


def cp932_message(ch: str, pos: int) -> Msg:
    code = f"U+{ord(ch):04X}"
    repl = REPLACEMENTS.get(ch)
    if repl:
        return Msg(
            f"文字「{ch}」({pos}文字目, {code}) は NSS で使えません (Shift_JIS にない文字)。"
            f"「{repl}」に置き換えてください",
            f"'{ch}' (character {pos}, {code}) is not in Shift_JIS (CP932), which NSS uses; "
            f"write '{repl}' instead",
        )
    return Msg(
        f"文字「{ch}」({pos}文字目, {code}) は NSS で使えません (Shift_JIS にない文字)。"
        "別の文字に置き換えるか削除してください",
        f"'{ch}' (character {pos}, {code}) is not in Shift_JIS (CP932), which NSS uses; "
        "replace or remove it",
    )


def machine_dependent(text: str) -> list[tuple[int, str]]:
    """CP932 characters outside JIS X 0208 (NEC special row, IBM extensions): ①, ㈱, 髙."""
    out: list[tuple[int, str]] = []
    for i, ch in enumerate(text, 1):
        try:
            b = ch.encode("cp932")
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and (b[0] == 0x87 or 0xED <= b[0] <= 0xEE or 0xFA <= b[0] <= 0xFC):
            out.append((i, ch))
    return out


def machine_dependent_message(ch: str, pos: int) -> Msg:
    repl = REPLACEMENTS.get(ch)
    tail_ja = (
        f"「{repl}」への置き換えをおすすめします"
        if repl
        else "別の文字への置き換えをおすすめします"
    )
    tail_en = f"consider '{repl}'" if repl else "consider another character"
    return Msg(
        f"文字「{ch}」({pos}文字目) は機種依存文字で、NSS で受け付けられない恐れがあります。"
        f"{tail_ja}",
        f"'{ch}' (character {pos}) is a vendor-specific character NSS may reject; {tail_en}",
    )


def text_problems(text: str) -> list[tuple[str, Msg]]:
    """("error"|"warning", message) for every character NSS cannot or may not take."""
    found: list[tuple[str, Msg]] = [
        ("error", cp932_message(ch, i)) for i, ch in cp932_problems(text)
    ]
    found += [("warning", machine_dependent_message(ch, i)) for i, ch in machine_dependent(text)]
    return found
