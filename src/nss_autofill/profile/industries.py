"""The 19 NACCS 業種, their single sign-on group and whether they allow single sign-on.

Source: NACCS掲示板 FAQ docs-keiyaku/2014052000244. Single sign-on lets one 利用者ID work in
several 業種 of the same group; a 業種 of another group needs a separate 利用者コード, and
通関士 IDs never use single sign-on.

Example::

    >>> INDUSTRIES["通関業"].group
    'Ⅰ'
    >>> canonical_industry("ＮＶＯＣＣ")
    'NVOCC'
    >>> industry_group("ｘｙｚ") is None
    True
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

CUSTOMS_BROKER = "通関士"


@dataclass(frozen=True)
class Industry:
    name: str  # the caption of the NSS 業種 option
    group: str  # Ⅰ … Ⅶ
    sso: bool  # single sign-on allowed


_TABLE: tuple[tuple[str, str, bool], ...] = (
    ("通関業", "Ⅰ", True),
    ("混載業", "Ⅰ", True),
    ("機用品業", "Ⅰ", False),
    ("自社通関", "Ⅰ", False),
    ("航空会社", "Ⅰ", True),
    ("機長代行", "Ⅰ", False),
    ("海貨業", "Ⅰ", True),
    ("輸出入者", "Ⅰ", True),
    ("航空貨物代理店", "Ⅰ", True),
    ("NVOCC", "Ⅰ", True),
    ("輸出入者(外為法関連業務利用)", "Ⅰ", False),
    (CUSTOMS_BROKER, "Ⅰ", False),
    ("保税蔵置場", "Ⅱ", True),
    ("CY", "Ⅱ", True),
    ("船会社", "Ⅲ", False),
    ("船舶代理店", "Ⅳ", False),
    ("損害保険会社", "Ⅴ", False),
    ("汎用申請利用のみ", "Ⅵ", False),
    ("バンプール", "Ⅶ", False),
)

INDUSTRIES: dict[str, Industry] = {n: Industry(n, g, s) for n, g, s in _TABLE}


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


_BY_KEY: dict[str, str] = {_key(n): n for n in INDUSTRIES}


def canonical_industry(text: str) -> str | None:
    """The exact 業種 name for ``text`` (width, case and spaces ignored), else ``None``."""
    return _BY_KEY.get(_key(text))


def industry_group(name: Any) -> str | None:
    """The single sign-on group of the 業種 ``name`` as written, else ``None``."""
    if not isinstance(name, str):
        return None
    canon = canonical_industry(name)
    return INDUSTRIES[canon].group if canon else None


def is_customs_broker(name: Any) -> bool:
    """Whether ``name`` as written is the 業種 通関士."""
    return isinstance(name, str) and canonical_industry(name) == CUSTOMS_BROKER
