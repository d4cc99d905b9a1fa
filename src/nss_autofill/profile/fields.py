"""The profile's fields as a person names them: one table for the written YAML's comments, the
columns of the office's sheet and the questions of the guided ``init``.

Each field's rule is the one the profile model applies (``values.py``): a guided answer or a
sheet cell is checked and converted exactly as ``check`` would.

Example::

    >>> FIELDS[("company", "postal_code")].column
    '郵便番号'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import values as rules

Path = tuple[str, ...]


@dataclass(frozen=True)
class FieldInfo:
    """A scalar of the profile: where it goes, its column/label, and its rule."""

    path: Path
    column: str  # the sheet's column header and the YAML comment (Japanese, as NSS says it)
    en: str  # the English gloss
    rule: Callable[[Any], Any] | None = None  # None: a choice the caller converts
    optional: bool = False
    example: str = ""


def _f(
    path: str,
    column: str,
    en: str,
    rule: Callable[[Any], Any] | None = None,
    *,
    optional: bool = False,
    example: str = "",
) -> FieldInfo:
    return FieldInfo(tuple(path.split(".")), column, en, rule, optional, example)


_TABLE: tuple[FieldInfo, ...] = (
    _f("applicant.company_name", "申込担当者 企業名", "applicant: company", rules.norm_zenkaku,
       example="ナックス商事株式会社"),
    _f("applicant.department", "申込担当者 部署名", "applicant: department", rules.norm_zenkaku,
       optional=True, example="物流部"),
    _f("applicant.family_name", "申込担当者 姓", "applicant: family name", rules.norm_zenkaku,
       example="山田"),
    _f("applicant.given_name", "申込担当者 名", "applicant: given name", rules.norm_zenkaku,
       example="太郎"),
    _f("applicant.family_name_kana", "申込担当者 セイ", "applicant: family name in katakana",
       rules.norm_kana, example="ヤマダ"),
    _f("applicant.given_name_kana", "申込担当者 メイ", "applicant: given name in katakana",
       rules.norm_kana, example="タロウ"),
    _f("applicant.phone", "申込担当者 電話番号", "applicant: phone", rules.norm_phone,
       example="03-1234-5678"),
    _f("applicant.email", "申込担当者 メールアドレス", "applicant: e-mail", rules.norm_email,
       example="yamada@example.co.jp"),
    _f("company.name", "企業名", "company name (with 株式会社 etc.)", rules.norm_zenkaku,
       example="ナックス商事株式会社"),
    _f("company.name_kana", "企業名(フリガナ)", "company name in katakana", rules.norm_kana,
       example="ナックスショウジ"),
    _f("company.corporate_number", "法人番号", "corporate number (13 digits)",
       rules.norm_corporate_number, optional=True, example="7000012050002"),
    _f("company.representative_title", "代表者役職", "representative's title",
       rules.norm_zenkaku, example="代表取締役"),
    _f("company.representative_name", "代表者氏名", "representative's name", rules.norm_zenkaku,
       example="港 一郎"),
    _f("company.postal_code", "郵便番号", "postal code (7 digits)", rules.norm_postal,
       example="105-0001"),
    _f("company.prefecture", "都道府県", "prefecture", rules.norm_prefecture, example="東京都"),
    _f("company.city_address", "市区町村・番地", "city and street", rules.norm_zenkaku,
       example="港区虎ノ門一丁目２番３号"),
    _f("company.building", "建物名等", "building", rules.norm_zenkaku, optional=True,
       example="虎ノ門ビル５階"),
    _f("company.phone", "企業 電話番号", "company phone", rules.norm_phone,
       example="03-1234-5678"),
    _f("administrator.name", "システム管理責任者 氏名", "system administrator: name",
       rules.norm_zenkaku, optional=True),
    _f("administrator.phone", "システム管理責任者 電話番号", "system administrator: phone",
       rules.norm_phone, optional=True),
    _f("administrator.email", "システム管理責任者 メールアドレス",
       "system administrator: e-mail", rules.norm_email, optional=True),
    _f("contract.start_date", "利用開始希望日", "start date", None, example="2027-04-01"),
    _f("plan.general_naccs", "料金プラン", "fee plan (A or B)", rules.norm_plan, example="B"),
    _f("plan.statistics", "管理統計資料(有料分)", "paid statistics (要/不要)", None, optional=True),
    _f("plan.bonded_archive", "保税管理資料保存サービス", "bonded archive service (要/不要)", None,
       optional=True),
    _f("billing.address.postal_code", "請求先 郵便番号", "billing address: postal code",
       rules.norm_postal, optional=True),
    _f("billing.address.prefecture", "請求先 都道府県", "billing address: prefecture",
       rules.norm_prefecture, optional=True),
    _f("billing.address.city_address", "請求先 市区町村・番地", "billing address: city and street",
       rules.norm_zenkaku, optional=True),
    _f("billing.address.building", "請求先 建物名等", "billing address: building",
       rules.norm_zenkaku, optional=True),
    _f("billing.consolidated.registered_code", "一括請求 登録請求先コード",
       "consolidated billing: registered code (7 digits)", rules.norm_billing_code,
       optional=True),
    _f("billing.consolidated.office_code", "一括請求 事業所コード",
       "consolidated billing: office code", rules.norm_billing_code, optional=True),
    _f("billing.consolidated.company_name", "一括請求 企業名", "consolidated billing: company",
       rules.norm_zenkaku, optional=True),
    _f("billing.consolidated.office_name", "一括請求 事業所名", "consolidated billing: office",
       rules.norm_zenkaku, optional=True),
    _f("billing.direct_debit.registered_code", "口座振替 登録請求先コード",
       "direct debit: registered code", rules.norm_billing_code, optional=True),
    _f("billing.direct_debit.office_code", "口座振替 事業所コード", "direct debit: office code",
       rules.norm_billing_code, optional=True),
    _f("billing.direct_debit.company_name", "口座振替 企業名", "direct debit: company",
       rules.norm_zenkaku, optional=True),
    _f("billing.direct_debit.office_name", "口座振替 事業所名", "direct debit: office",
       rules.norm_zenkaku, optional=True),
    _f("remarks", "備考", "remarks on the confirmation page", rules.norm_remarks, optional=True),
)  # fmt: skip

FIELDS: dict[Path, FieldInfo] = {f.path: f for f in _TABLE}

#: The 利用者コード columns: a second code is 利用者コード2, 業種2, シングルサインオン2, …
CODE_COLUMNS = ("利用者コード", "業種", "シングルサインオン")
CODE_EN = ("user code (5 letters/digits)", "業種, e.g. 通関業, 通関士×3", "single sign-on")

YES = frozenset({"true", "yes", "y", "1", "要", "はい", "○", "希望する", "あり", "する"})
NO = frozenset({"false", "no", "n", "0", "不要", "いいえ", "×", "希望しない", "なし", "しない", ""})


def yes_no(value: Any) -> Any:
    """``True``/``False`` for the ways an office writes yes and no; anything else unchanged."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    if text in YES:
        return True
    if text in NO:
        return False
    return value
