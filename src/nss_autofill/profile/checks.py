"""Whole-document checks of a profile that a single field cannot make on its own.

They run on plain data (the YAML as read, or the validated profile dumped) so that they report
alongside the model's own errors: credentials anywhere, placeholders left from the template,
利用者コード and 業種 rules across rows and codes, characters NSS cannot take, and lengths
against the page catalogue (the single source of every field's ``max_length``).

Example::

    >>> business_days_left(dt.date(2027, 4, 28), dt.date(2027, 5, 7))
    2
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ..i18n import Msg
from ..normalize import normalise, to_hankaku
from .document import Document, Loc, Problem, dotted
from .industries import CUSTOMS_BROKER, INDUSTRIES, canonical_industry
from .text_checks import PLACEHOLDER_RE, credential_message, is_credential_key, text_problems, walk

# ---------------------------------------------------------------- credentials, placeholders


def document_checks(doc: Document) -> tuple[list[Problem], set[str]]:
    """Problems found on the raw document, and the paths whose other errors are moot.

    Credential-looking keys are removed from ``doc.data`` (their values are never echoed).
    """
    problems: list[Problem] = []
    skip: set[str] = set()
    problems += _strip_credentials(doc.data, (), doc, skip)
    for loc, value in walk(doc.data):
        if isinstance(value, str) and PLACEHOLDER_RE.search(value):
            token = PLACEHOLDER_RE.search(value)
            assert token is not None
            msg = Msg(
                f"ひな形の「{token[0]}」を実際の値に書き換えてください",
                f"replace the template placeholder {token[0]} with the real value",
            )
            problems.append(Problem(dotted(loc), doc.line(loc), msg))
            skip.add(dotted(loc))
    problems += code_checks(doc)
    return problems, skip


def _strip_credentials(data: Any, loc: Loc, doc: Document, skip: set[str]) -> list[Problem]:
    found: list[Problem] = []
    if isinstance(data, dict):
        for key in list(data):
            here = (*loc, key)
            if is_credential_key(str(key)):
                del data[key]
                found.append(Problem(dotted(here), doc.line(here), credential_message()))
                skip.add(dotted(here))
            else:
                found += _strip_credentials(data[key], here, doc, skip)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            found += _strip_credentials(item, (*loc, i), doc, skip)
    return found


# ---------------------------------------------------------------- 利用者コード and 業種


def _code_text(value: Any) -> str | None:
    if isinstance(value, str | int) and not isinstance(value, bool):
        return to_hankaku(str(value)).upper()
    return None


def code_checks(doc: Document) -> list[Problem]:
    """Duplicate codes, 業種 groups and single sign-on, 通関士 reminders."""
    data = doc.data
    codes = data.get("user_codes") if isinstance(data, Mapping) else None
    if not isinstance(codes, list):
        return []
    out: list[Problem] = []
    code_seen: dict[str, int] = {}
    industry_seen: dict[str, str] = {}
    for i, entry in enumerate(codes):
        if not isinstance(entry, Mapping):
            continue
        code = _code_text(entry.get("code"))
        raw = entry.get("code")
        if (
            isinstance(raw, str)
            and code
            and raw.strip() != code
            and re.fullmatch(r"[A-Z0-9]{5}", code)
        ):
            loc: Loc = ("user_codes", i, "code")
            out.append(
                Problem(
                    dotted(loc),
                    doc.line(loc),
                    Msg(
                        f"利用者コードを {code} として扱います", f"using the 利用者コード as {code}"
                    ),
                    severity="note",
                )
            )
        if code is not None:
            if code in code_seen:
                loc = ("user_codes", i, "code")
                out.append(
                    Problem(
                        dotted(loc),
                        doc.line(loc),
                        Msg(
                            f"利用者コード {code} は user_codes.{code_seen[code]} にもあります。"
                            "同じコードの業種は1つの ids にまとめてください",
                            f"利用者コード {code} is also user_codes.{code_seen[code]}; list all "
                            "its 業種 under one entry's ids",
                        ),
                    )
                )
            else:
                code_seen[code] = i
        rows = entry.get("ids")
        if isinstance(rows, list):
            out += _row_checks(doc, i, code or "?", rows, industry_seen)
    return out


def _row_checks(
    doc: Document, i: int, code: str, rows: list[Any], industry_seen: dict[str, str]
) -> list[Problem]:
    out: list[Problem] = []
    first: tuple[str, str] | None = None  # (業種, group) of the first row
    here: set[str] = set()
    for j, row in enumerate(rows):
        if not isinstance(row, Mapping):
            continue
        raw = row.get("industry")
        name = canonical_industry(raw) if isinstance(raw, str) else None
        if name is None:
            continue
        loc: Loc = ("user_codes", i, "ids", j, "industry")
        group = INDUSTRIES[name].group
        if name in here:
            out.append(
                Problem(
                    dotted(loc),
                    doc.line(loc),
                    Msg(
                        f"業種「{name}」がこの利用者コードに2回あります。1行にまとめて識別番号数で数を指定してください",
                        f"業種 {name} appears twice under this 利用者コード; use one row and "
                        "set its count",
                    ),
                )
            )
        here.add(name)
        if first is None:
            first = (name, group)
        elif group != first[1]:
            out.append(
                Problem(
                    dotted(loc),
                    doc.line(loc),
                    Msg(
                        f"業種「{name}」(グループ{group}) は「{first[0]}」(グループ{first[1]}) と"
                        f"同じ利用者コード {code} にできません。別の利用者コードが必要です",
                        f"業種 {name} (group {group}) cannot share 利用者コード {code} with "
                        f"{first[0]} (group {first[1]}): it needs a separate 利用者コード",
                    ),
                )
            )
        if name in industry_seen and industry_seen[name] != code:
            out.append(
                Problem(
                    dotted(loc),
                    doc.line(loc),
                    Msg(
                        f"業種「{name}」は利用者コード {industry_seen[name]} にもあります。"
                        "意図したものか確認してください",
                        f"業種 {name} is also requested under 利用者コード "
                        f"{industry_seen[name]}; make sure that is intended",
                    ),
                    severity="warning",
                )
            )
        industry_seen.setdefault(name, code)
        sso = row.get("single_sign_on")
        sso_loc: Loc = ("user_codes", i, "ids", j, "single_sign_on")
        if sso is True and name == CUSTOMS_BROKER:
            out.append(
                Problem(
                    dotted(sso_loc),
                    doc.line(sso_loc),
                    Msg(
                        "通関士の利用者IDはシングルサインオンを使えません",
                        "通関士 IDs can never use single sign-on",
                    ),
                )
            )
        elif sso is True and not INDUSTRIES[name].sso:
            out.append(
                Problem(
                    dotted(sso_loc),
                    doc.line(sso_loc),
                    Msg(
                        f"業種「{name}」はシングルサインオンを使えません",
                        f"業種 {name} does not allow single sign-on",
                    ),
                )
            )
        if name == CUSTOMS_BROKER:
            count_loc: Loc = ("user_codes", i, "ids", j, "count")
            out.append(
                Problem(
                    dotted(count_loc),
                    doc.line(count_loc) or doc.line(loc),
                    Msg(
                        "通関士は1人につき1つの利用者IDです (識別番号数 = 通関士の人数)。"
                        "利用開始後、各IDを通関士証票番号と UTB 業務で紐付けてください",
                        "通関士: one ID per customs broker (count = number of brokers); after "
                        "the start date link each ID to the broker's 通関士証票番号 with the "
                        "UTB 業務",
                    ),
                    severity="note",
                )
            )
    return out


# ---------------------------------------------------------------- characters and lengths


@lru_cache(maxsize=1)
def field_limits() -> dict[str, tuple[int | None, str, str]]:
    """Profile path pattern → (max_length, normaliser, label), from the page catalogue.

    Patterns use ``*`` for list items: ``user_codes.*.ids.*.count``. Where several fields read
    one path, the smallest limit wins.
    """
    from ..site.catalogue import load_catalogue

    out: dict[str, tuple[int | None, str, str]] = {}
    for page in load_catalogue().pages:
        for f in page.fields:
            if f.manual is not None:
                continue
            for path in (*f.values, *((f.value,) if f.value else ())):
                pattern = path.replace("current_code.", "user_codes.*.").replace(
                    "id_row.", "user_codes.*.ids.*."
                )
                label = f.where()
                old = out.get(pattern)
                limit = f.max_length
                if old is not None:
                    if old[0] is not None and (limit is None or old[0] <= limit):
                        limit, label = old[0], old[2]
                    norm = f.normalise if f.normalise != "none" else old[1]
                else:
                    norm = f.normalise
                out[pattern] = (limit, norm, label)
    return out


def _pattern(loc: Loc) -> str:
    return ".".join("*" if isinstance(p, int) else p for p in loc)


def string_checks(data: Any, doc: Document, *, normalised: bool) -> list[Problem]:
    """CP932, vendor-specific characters and catalogue lengths for every text value.

    ``normalised``: ``data`` is the validated profile dumped; else the raw document, and each
    value is first normalised the way its catalogue field would.
    """
    limits = field_limits()
    out: list[Problem] = []
    for loc, value in walk(data):
        if isinstance(value, bool) or not isinstance(value, str | int):
            continue
        if normalised and loc and (loc[0],) not in doc.lines:
            continue  # a default derived from elsewhere (administrator): checked there
        limit, norm, label = limits.get(_pattern(loc), (None, "none", ""))
        text = str(value)
        if not normalised:
            try:
                text = normalise(norm, text.strip())
            except Exception:  # a normaliser on odd input: the model reports the value
                continue
        line = doc.line(loc)
        path = dotted(loc)
        if isinstance(value, str):
            for severity, msg in text_problems(text):
                out.append(Problem(path, line, msg, severity=severity))  # type: ignore[arg-type]
        if limit is not None and len(text) > limit and norm == "digits" and text.isdigit():
            out.append(
                Problem(
                    path,
                    line,
                    Msg(
                        f"{text} は大きすぎます。NSS の「{label}」欄は{limit}桁までです",
                        f"{text} is too large; the NSS field {label} takes {limit} digits",
                    ),
                )
            )
        elif limit is not None and len(text) > limit:
            out.append(
                Problem(
                    path,
                    line,
                    Msg(
                        f"{len(text)}文字あります。NSS の「{label}」欄は{limit}文字までです",
                        f"{len(text)} characters; the NSS field {label} takes at most {limit}",
                    ),
                )
            )
    return out


def derived_checks(data: Mapping[str, Any], doc: Document) -> list[Problem]:
    """Limits on values the profile derives rather than reads (the administrator's name)."""
    if ("administrator",) in doc.lines:
        return []
    limit, _, label = field_limits().get("administrator.name", (None, "none", ""))
    name = str(data.get("administrator", {}).get("name", ""))
    if limit is None or len(name) <= limit:
        return []
    loc: Loc = ("applicant", "given_name")
    return [
        Problem(
            "administrator",
            doc.line(loc),
            Msg(
                f"システム管理責任者は申込担当者の氏名「{name}」({len(name)}文字) になりますが、"
                f"NSS の「{label}」欄は{limit}文字までです。administrator を書いてください",
                f"the administrator defaults to the applicant, but '{name}' ({len(name)} "
                f"characters) is longer than the NSS field {label} takes ({limit}); "
                "write an administrator section",
            ),
        )
    ]


# ---------------------------------------------------------------- business days


def business_days_left(today: dt.date, start: dt.date) -> int:
    """Business days strictly after ``today`` and strictly before ``start``."""
    from .deadlines import business_days_between

    return business_days_between(today, start - dt.timedelta(days=1))
