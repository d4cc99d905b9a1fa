"""Character-width and kana normalisation for what NSS accepts.

NSS fields are either 全角 (names, addresses), 全角カタカナ (フリガナ) or 半角 (codes, phone,
postal code, e-mail). These functions turn what an operator typed into what the field takes,
and ``compare_key`` makes a value read back from the page comparable with what was written.

Example::

    >>> to_katakana("やまだ ﾀﾛｳ")
    'ヤマダ\u3000タロウ'
    >>> digits_only("１０５－０００１")
    '1050001'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import jaconv

# Dash-like characters operators paste into phone numbers and postal codes.
_DASHES = "-‐‑‒–—―−ー－ｰ"
_DASH_RE = re.compile(f"[{re.escape(_DASHES)}]")
_SPACES_RE = re.compile(r"[\s\u3000\u00a0]+")


def to_zenkaku(text: str) -> str:
    """Full-width letters, digits, kana and spaces: what a 全角 field takes."""
    out = jaconv.h2z(text, kana=True, ascii=True, digit=True)
    return out.replace(" ", "\u3000")


def to_hankaku(text: str) -> str:
    """Half-width ASCII and digits (kana left alone): for codes and e-mail addresses."""
    return jaconv.z2h(text, kana=False, ascii=True, digit=True).replace("\u3000", " ").strip()


def to_katakana(text: str) -> str:
    """Full-width katakana from hiragana, half-width kana and ASCII spaces."""
    out = jaconv.h2z(text, kana=True, ascii=False, digit=False)
    out = jaconv.hira2kata(out)
    return _SPACES_RE.sub("\u3000", out.strip())


def digits_only(text: str) -> str:
    """Half-width digits with dashes and spaces dropped (postal code, 法人番号, counts)."""
    out = jaconv.z2h(text, kana=False, ascii=True, digit=True)
    return _SPACES_RE.sub("", _DASH_RE.sub("", out))


def phone_number(text: str) -> str:
    """Half-width digits and ASCII hyphens, e.g. ``０３－１２３４－５６７８`` → ``03-1234-5678``.

    The bracketed area code Japanese forms print, ``03(1234)5678``, becomes ``03-1234-5678``.
    """
    out = jaconv.z2h(text, kana=False, ascii=True, digit=True)
    out = _SPACES_RE.sub("", _DASH_RE.sub("-", out))
    if "(" in out or ")" in out:
        out = re.sub(r"-{2,}", "-", re.sub(r"[()]", "-", out)).strip("-")
    return out


NORMALISERS: dict[str, Callable[[str], str]] = {
    "none": lambda s: s,
    "zenkaku": to_zenkaku,
    "hankaku": to_hankaku,
    "katakana": to_katakana,
    "digits": digits_only,
    "phone": phone_number,
}


def normalise(kind: str, text: str) -> str:
    """Apply the catalogue normaliser ``kind`` to ``text``."""
    return NORMALISERS[kind](text)


def compare_key(text: str) -> str:
    """Key for comparing a written value with what the page kept (NFKC, spaces folded)."""
    return _SPACES_RE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def is_katakana_text(text: str) -> bool:
    """True if every character is full-width katakana, the long-vowel mark or a space."""
    return all(ch in "ー\u3000・" or "\u30a1" <= ch <= "\u30fa" or ch in "ヽヾ" for ch in text)


def cp932_problems(text: str) -> list[tuple[int, str]]:
    """Positions (1-based) and characters that Shift_JIS (CP932) cannot carry."""
    bad: list[tuple[int, str]] = []
    for i, ch in enumerate(text, start=1):
        try:
            ch.encode("cp932")
        except UnicodeEncodeError:
            bad.append((i, ch))
    return bad


# Drawn around a caption, not part of it: 「次へ ＞」, 「→ 確認へ進む」, 「▶ 次へ」, 「« 戻る」.
_DECORATION_PUNCT = frozenset("‹›«»")


def _decoration(ch: str) -> bool:
    return ch.isspace() or ch in _DECORATION_PUNCT or unicodedata.category(ch) in ("Sm", "So")


def strip_decoration(text: str) -> str:
    """``text`` without leading and trailing symbols (arrows, ＞, ▶, ›); unchanged if that
    would leave nothing.

    >>> strip_decoration("次へ ＞")
    '次へ'
    >>> strip_decoration("→")
    '→'
    """
    start, end = 0, len(text)
    while start < end and _decoration(text[start]):
        start += 1
    while end > start and _decoration(text[end - 1]):
        end -= 1
    return text[start:end] or text
