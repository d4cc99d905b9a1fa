"""The applicant profile: the YAML file an operator writes, validated and normalised.

One file is one application for one 事業所. The models are strict (unknown keys are errors) and
every value comes out the way NSS takes it: katakana full-width, names and addresses 全角,
codes, phones and postal codes 半角. Every problem is reported at once, one line each, with
its dotted path and line number, in Japanese or English.

Example::

    >>> profile = load_profile(Path("profiles/example.yaml"))
    >>> profile.user_codes[0].ids[0].industry
    '海貨業'
    >>> try:
    ...     parse_profile(text.replace("version: 1", "version: 2"))
    ... except ProfileError as exc:
    ...     print(exc.problems[0].render("en"))
    version (line 1): version must be 1 (the format this tool reads)
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    StrictBool,
    Tag,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import ErrorDetails

from ..i18n import Msg
from . import values as rules
from .checks import derived_checks, document_checks, string_checks
from .document import Document, Loc, Problem, ProfileError, dotted, parse_document, read_text
from .industries import CUSTOMS_BROKER
from .postal import postal_checks

__all__ = [
    "CP_OFFICE_NAME",
    "CP_OFFICE_NAME_KANA",
    "CP_PROCESSING",
    "CP_REASON",
    "Problem",
    "Profile",
    "ProfileError",
    "japan_today",
    "load_profile",
    "parse_profile",
]

CP_REASON = "サイバーポート利用のための申込"
CP_OFFICE_NAME = "CP利用者"
CP_OFFICE_NAME_KANA = "サイバーポートリヨウシャ"
CP_PROCESSING = "SMTP双方向"


def _optional(fn: Any) -> Any:
    def inner(value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return fn(value)

    return inner


def _start_date(value: Any, info: ValidationInfo) -> dt.date:
    today = (info.context or {}).get("today")
    return rules.norm_date(value, today)


def _processing(value: Any) -> str:
    text = unicodedata.normalize("NFKC", rules.norm_plain(value)).replace(" ", "")
    if text.upper() != CP_PROCESSING.upper():
        rules.fail(
            f"サイバーポートの処理方式は「{CP_PROCESSING}」だけです (「{value}」)",
            f"Cyber Port IDs use the processing method '{CP_PROCESSING}' only (got '{value}')",
        )
    return CP_PROCESSING


Zen = Annotated[str, BeforeValidator(rules.norm_zenkaku), AfterValidator(rules.require)]
OptZen = Annotated[str | None, BeforeValidator(_optional(rules.norm_zenkaku))]
Kana = Annotated[str, BeforeValidator(rules.norm_kana), AfterValidator(rules.require)]
Phone = Annotated[str, BeforeValidator(rules.norm_phone)]
Email = Annotated[str, BeforeValidator(rules.norm_email)]
Postal = Annotated[str, BeforeValidator(rules.norm_postal)]
Prefecture = Annotated[str, BeforeValidator(rules.norm_prefecture)]
CorporateNumber = Annotated[str | None, BeforeValidator(rules.norm_corporate_number)]
UserCodeText = Annotated[str, BeforeValidator(rules.norm_user_code)]
IndustryName = Annotated[str, BeforeValidator(rules.norm_industry)]
Count = Annotated[int, BeforeValidator(rules.norm_count)]
BillingCode = Annotated[str | None, BeforeValidator(_optional(rules.norm_billing_code))]
StartDate = Annotated[dt.date, BeforeValidator(_start_date)]
Processing = Annotated[str, BeforeValidator(_processing)]
PlanName = Annotated[Literal["A", "B"], BeforeValidator(rules.norm_plan)]
Version = Annotated[Literal[1], BeforeValidator(rules.norm_version)]
Remarks = Annotated[str, BeforeValidator(rules.norm_remarks)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Applicant(_Model):
    """申込担当者 (仮ログイン申込 and tab 申込担当)."""

    company_name: Zen
    department: OptZen = None
    family_name: Zen
    given_name: Zen
    family_name_kana: Kana
    given_name_kana: Kana
    phone: Phone
    email: Email


class Company(_Model):
    """Tab 事業所・企業, group 企業に関する項目."""

    name: Zen
    name_kana: Kana
    corporate_number: CorporateNumber = None
    representative_title: Zen
    representative_name: Zen
    postal_code: Postal
    prefecture: Prefecture
    city_address: Zen
    building: OptZen = None
    phone: Phone


class Administrator(_Model):
    """システム管理責任者; defaults to the applicant."""

    name: Zen
    phone: Phone
    email: Email


class Contract(_Model):
    """Group 利用契約に関する項目 and the 事業所 names, with the Cyber Port values as defaults."""

    # the defaults go through the validators too, so they come out normalised (ＣＰ利用者)
    model_config = ConfigDict(extra="forbid", validate_default=True)

    reason: Zen = CP_REASON
    start_date: StartDate
    office_name: Zen = CP_OFFICE_NAME
    office_name_kana: Kana = CP_OFFICE_NAME_KANA


class IdRow(_Model):
    """One 「設定」 row: a 業種 and how many 識別番号 to issue for it."""

    industry: IndustryName
    count: Count = 1
    single_sign_on: StrictBool = False
    processing: Processing = CP_PROCESSING


def _non_empty(items: list[Any]) -> list[Any]:
    if not items:
        rules.fail("1つ以上書いてください", "list at least one entry")
    return items


class UserCode(_Model):
    """One existing 利用者コード (「他事業所の利用者コードを共用する」) and its 業種 rows."""

    code: UserCodeText
    ids: Annotated[list[IdRow], AfterValidator(_non_empty)]


class Terminal(_Model):
    shared_equipment: StrictBool = True


class Plan(_Model):
    """Tab 料金."""

    general_naccs: PlanName
    statistics: StrictBool = False
    bonded_archive: StrictBool = False


class BillingParty(_Model):
    """一括請求先 or 同一口座振替先: exactly one of the two codes, and the names."""

    registered_code: BillingCode = None
    office_code: BillingCode = None
    company_name: Zen
    office_name: Zen

    @model_validator(mode="after")
    def _one_code(self) -> BillingParty:
        if (self.registered_code is None) == (self.office_code is None):
            rules.fail(
                "registered_code (登録請求先コード) か office_code (事業所コード) の"
                "どちらか一方だけを書いてください",
                "give exactly one of registered_code (登録請求先コード) and "
                "office_code (事業所コード)",
            )
        return self


class BillingAddress(_Model):
    """請求先所在地 when it is not the office's."""

    postal_code: Postal
    prefecture: Prefecture
    city_address: Zen
    building: OptZen = None


_TAG_SAME, _TAG_ADDRESS = "<same_as_office>", "<address>"


def _address_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return _TAG_SAME
    if isinstance(value, Mapping | BillingAddress):
        return _TAG_ADDRESS
    return None


AddressChoice = Annotated[
    Annotated[Literal["same_as_office"], Tag(_TAG_SAME)]
    | Annotated[BillingAddress, Tag(_TAG_ADDRESS)],
    Discriminator(
        _address_kind,
        custom_error_type="nss_address",
        custom_error_message="same_as_office or a mapping",
    ),
]


class Billing(_Model):
    """Tab 請求先; the defaults are 希望しない, 事業所に同じ, 希望しない."""

    consolidated: BillingParty | None = None
    address: AddressChoice = "same_as_office"
    direct_debit: BillingParty | None = None


def _administrator_default(data: dict[str, Any]) -> Administrator:
    applicant = data.get("applicant")
    if not isinstance(applicant, Applicant):  # the applicant failed; nothing will be dumped
        return Administrator.model_construct(name="", phone="", email="")
    return Administrator(
        name=f"{applicant.family_name}\u3000{applicant.given_name}",
        phone=applicant.phone,
        email=applicant.email,
    )


class Profile(_Model):
    """A whole application. ``notes`` holds warnings and notes found while loading."""

    version: Version
    applicant: Applicant
    company: Company
    administrator: Administrator = Field(default_factory=_administrator_default)
    contract: Contract
    user_codes: Annotated[list[UserCode], AfterValidator(_non_empty)]
    terminal: Terminal = Field(default_factory=Terminal)
    plan: Plan
    billing: Billing = Field(default_factory=Billing)
    remarks: Remarks = ""

    _notes: list[Problem] = PrivateAttr(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _drop_null_sections(cls, data: Any) -> Any:
        if isinstance(data, dict):
            optional = ("administrator", "terminal", "billing", "remarks")
            return {k: v for k, v in data.items() if not (k in optional and v is None)}
        return data

    @property
    def notes(self) -> list[Problem]:
        """Warnings and notes (severity ``warning``/``note``): shown by ``check``, not fatal."""
        return self._notes

    @property
    def id_count(self) -> int:
        """How many 識別番号 (利用者IDs) the application asks for."""
        return sum(row.count for code in self.user_codes for row in code.ids)

    @property
    def has_customs_brokers(self) -> bool:
        """Whether an ID is for 通関士: each then links it to their 通関士証票番号 (UTB 業務)."""
        return any(row.industry == CUSTOMS_BROKER for code in self.user_codes for row in code.ids)


# ---------------------------------------------------------------- loading


def japan_today() -> dt.date:
    """Today's date in Japan, where NSS counts days."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).date()


def load_profile(path: Path, *, today: dt.date | None = None) -> Profile:
    """Read, validate and normalise the profile at ``path``; ProfileError lists all problems."""
    return parse_profile(read_text(Path(path)), today=today)


def parse_profile(text: str, *, today: dt.date | None = None) -> Profile:
    """Like ``load_profile`` for text already read (tests, stdin)."""
    doc = parse_document(text)
    return validate_document(doc, today=japan_today() if today is None else today)


def validate_document(doc: Document, *, today: dt.date) -> Profile:
    problems: list[Problem] = list(doc.problems)
    pre, skip = document_checks(doc)  # credentials removed, placeholders noted
    problems += pre
    profile: Profile | None = None
    later: list[Problem] = []
    try:
        profile = Profile.model_validate(doc.data, context={"today": today})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            if err["type"] == "default_factory_not_called":
                continue  # the administrator default: the applicant's own errors say why
            later.append(_translate(err, doc))
    if profile is not None:
        dumped = profile.model_dump(mode="python")
        later += string_checks(dumped, doc, normalised=True) + derived_checks(dumped, doc)
        later += postal_checks(dumped, doc)
    else:
        later += string_checks(doc.data, doc, normalised=False)
    # a placeholder or a credential says all there is to say about its value
    problems += [
        p for p in later if not any(p.path == s or p.path.startswith(s + ".") for s in skip)
    ]
    problems = _unique(problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors or profile is None:
        raise ProfileError(_sorted(errors))
    profile._notes = _sorted([p for p in problems if p.severity != "error"])
    return profile


def _unique(problems: Sequence[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out: list[Problem] = []
    for p in problems:
        key = (p.path, p.message.en)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _sorted(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.path))


# ---------------------------------------------------------------- pydantic errors → problems


def _clean_loc(loc: Sequence[str | int]) -> Loc:
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("<")))


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (for key suggestions)."""
    cls: type[BaseModel] = Profile
    for part in loc:
        if isinstance(part, int):
            continue
        field = cls.model_fields.get(part)
        if field is None:
            return None
        found = _find_model(field.annotation)
        if found is None:
            return None
        cls = found
    return cls


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _find_model(arg)
        if found is not None:
            return found
    for meta in getattr(annotation, "__metadata__", ()) or ():
        found = _find_model(meta)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        return _find_model(origin)
    return None


def _translate(err: ErrorDetails, doc: Document) -> Problem:
    loc = _clean_loc(err["loc"])
    path = dotted(loc)
    # a key missing at the top level has no line worth pointing at
    line = None if err["type"] == "missing" and len(loc) == 1 else doc.line(loc)
    return Problem(path, line, _message(err, loc))


def _message(err: ErrorDetails, loc: Loc) -> Msg:
    kind = err["type"]
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    given = err.get("input")
    key = str(loc[-1]) if loc else ""
    if kind == "nss":
        return Msg(str(ctx["ja"]), str(ctx["en"]))
    if kind == "missing":
        return Msg(f"必須の項目「{key}」がありません", f"required key '{key}' is missing")
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if given is None and kind.endswith("_type"):
        return Msg("値が空です", "no value given")
    if kind in ("bool_type", "bool_parsing"):
        return Msg("true か false で書いてください", "write true or false")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Msg(
            "「キー: 値」の形で書いてください (下の行に字下げして)",
            "must be a mapping of keys (indented `key: value` lines)",
        )
    if kind == "list_type":
        return Msg(
            "リストで書いてください (「- 」で始まる行)", "must be a list (lines starting with '- ')"
        )
    if kind in ("string_type", "str_type"):
        return Msg("文字列で書いてください", "must be text")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return Msg("整数で書いてください", "must be a whole number")
    if kind in ("nss_address", "literal_error") and loc[-2:] == ("billing", "address"):
        return Msg(
            "same_as_office (事業所に同じ) か、postal_code・prefecture・city_address・building "
            "の「キー: 値」で書いてください",
            "write same_as_office, or a mapping with postal_code, prefecture, city_address "
            "and building",
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return Msg(f"次のいずれかです: {expected}", f"must be one of: {expected}")
    text = str(err.get("msg", kind))
    return Msg(text, text)


def _unknown_key(loc: Loc) -> Msg:
    key = str(loc[-1])
    parent = _model_at(loc[:-1])
    known = list(parent.model_fields) if parent else []
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if near:
        return Msg(
            f"未知のキー「{key}」です。「{near[0]}」のことですか?",
            f"unknown key '{key}'; did you mean '{near[0]}'?",
        )
    if known:
        listed = ", ".join(known)
        return Msg(
            f"未知のキー「{key}」です (使えるキー: {listed})",
            f"unknown key '{key}' (known keys: {listed})",
        )
    return Msg(f"未知のキー「{key}」です", f"unknown key '{key}'")
