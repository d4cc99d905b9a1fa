"""What a profile is: the pydantic models of its sections, strict and normalising.

One file is one application for one 事業所. The models are strict (unknown keys are errors) and
every value comes out the way NSS takes it: katakana full-width, names and addresses 全角,
codes, phones and postal codes 半角. Each field's type names the rule of its kind of value
(``values.py``); the Cyber Port values are the defaults.

Where a new rule goes: a new field or section, a default, or a rule between the fields of one
section (a ``model_validator``) here; the rule of one kind of value in ``values.py``; a rule
across sections or rows in ``checks.py``. Reading a file and reporting every problem at once is
``loading.py``; the wording of pydantic's own errors is ``model_errors.py``.

Example::

    >>> Contract(start_date="2027/4/1").office_name
    'ＣＰ利用者'
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
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
    ValidationInfo,
    model_validator,
)

from . import values as rules
from .document import Problem
from .industries import CUSTOMS_BROKER

__all__ = [
    "CP_OFFICE_NAME",
    "CP_OFFICE_NAME_KANA",
    "CP_PROCESSING",
    "CP_REASON",
    "Profile",
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
