"""Malformed profiles: each gives exactly the expected problem lines and exit code 2.

Every case edits one known-good profile (``BASE``: old text → new text, first occurrence) or
replaces it whole (``TEXT``), and lists the English lines ``check`` must print after its
header. A few are also checked in Japanese. Hypothesis then throws random documents at the
loader: nothing but ``ProfileError`` may come out, and every problem has a dotted path.
"""

# ruff: noqa: E501 — the expected messages are kept whole, one per line, to be read as printed
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nss_autofill.commands.check import check_command
from nss_autofill.profile import ProfileError, parse_profile

pytestmark = pytest.mark.nobrowser

TODAY = dt.date(2027, 1, 4)

BASE = """\
version: 1
applicant:
  company_name: ナックス商事株式会社
  department: 物流部
  family_name: 山田
  given_name: 太郎
  family_name_kana: ヤマダ
  given_name_kana: タロウ
  phone: 03-1234-5678
  email: yamada@example.co.jp
company:
  name: ナックス商事株式会社
  name_kana: ナックスショウジ
  corporate_number: "7000012050002"
  representative_title: 代表取締役
  representative_name: 港 一郎
  postal_code: "1050001"
  prefecture: 東京都
  city_address: 港区虎ノ門一丁目２番３号
  building: 虎ノ門ビル５階
  phone: 03-1234-5678
contract:
  start_date: 2027-04-01
user_codes:
  - code: ABCDE
    ids:
      - industry: 通関業
        count: 1
plan:
  general_naccs: B
billing:
  consolidated: null
  address: same_as_office
  direct_debit: null
remarks: ""
"""

CASES = [
    pytest.param(
        [("version: 1", "version: 2")],
        ["version (line 1): version must be 1 (the format this tool reads)"],
        id="version-2",
    ),
    pytest.param(
        [("version: 1", "version: one")],
        ["version (line 1): version must be 1 (the format this tool reads)"],
        id="version-text",
    ),
    pytest.param(
        [("version: 1\n", "")],
        ["version: required key 'version' is missing"],
        id="version-missing",
    ),
    pytest.param(
        [('remarks: ""', 'remarks: ""\nextra: 1')],
        [
            "extra (line 36): unknown key 'extra' (known keys: version, applicant, company, administrator, contract, user_codes, terminal, plan, billing, remarks)"
        ],
        id="unknown-top-key",
    ),
    pytest.param(
        [('remarks: ""', 'remark: ""')],
        ["remark (line 35): unknown key 'remark'; did you mean 'remarks'?"],
        id="typo-top-key",
    ),
    pytest.param(
        [('remarks: ""', 'remarks: ""\npassword: hunter2')],
        [
            "password (line 36): login IDs and passwords do not belong in the profile; set NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD or type them in the browser (delete this line)"
        ],
        id="password-top",
    ),
    pytest.param(
        [("  email: yamada@example.co.jp", "  email: yamada@example.co.jp\n  passwd: x")],
        [
            "applicant.passwd (line 11): login IDs and passwords do not belong in the profile; set NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD or type them in the browser (delete this line)"
        ],
        id="password-nested",
    ),
    pytest.param(
        [('remarks: ""', 'remarks: ""\n仮ログインID: ABCDE123')],
        [
            "仮ログインID (line 36): login IDs and passwords do not belong in the profile; set NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD or type them in the browser (delete this line)"
        ],
        id="temp-login-id-ja",
    ),
    pytest.param(
        [("  direct_debit: null", "  direct_debit: null\n  api_token: abc")],
        [
            "billing.api_token (line 35): login IDs and passwords do not belong in the profile; set NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD or type them in the browser (delete this line)"
        ],
        id="token-in-billing",
    ),
    pytest.param(
        [("  - code: ABCDE", "  - code: ABCDE\n    login_id: ABCDEYA1")],
        [
            "user_codes.0.login_id (line 26): login IDs and passwords do not belong in the profile; set NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD or type them in the browser (delete this line)"
        ],
        id="login-id-in-code",
    ),
    pytest.param(
        [("  email: yamada@example.co.jp\n", "")],
        ["applicant.email (line 2): required key 'email' is missing"],
        id="email-missing",
    ),
    pytest.param(
        [("  email: yamada", "  emial: yamada")],
        [
            "applicant.email (line 2): required key 'email' is missing",
            "applicant.emial (line 10): unknown key 'emial'; did you mean 'email'?",
        ],
        id="email-key-typo",
    ),
    pytest.param(
        [("yamada@example.co.jp", "yamada@example")],
        ["applicant.email (line 10): not a valid e-mail address: 'yamada@example'"],
        id="email-no-domain",
    ),
    pytest.param(
        [("yamada@example.co.jp", "yama da@example.co.jp")],
        ["applicant.email (line 10): not a valid e-mail address: 'yama da@example.co.jp'"],
        id="email-space",
    ),
    pytest.param(
        [("yamada@example.co.jp", "yamada@@example.co.jp")],
        ["applicant.email (line 10): not a valid e-mail address: 'yamada@@example.co.jp'"],
        id="email-two-at",
    ),
    pytest.param(
        [("  phone: 03-1234-5678", "  phone: 03-1234-567")],
        ["applicant.phone (line 9): a phone number has 10 or 11 digits, this one 9"],
        id="phone-short",
    ),
    pytest.param(
        [("  phone: 03-1234-5678", "  phone: 03-1234-ABCD")],
        ["applicant.phone (line 9): 'A' cannot appear in a phone number (digits and hyphens only)"],
        id="phone-letters",
    ),
    pytest.param(
        [("  phone: 03-1234-5678", "  phone: 03-1234-567890")],
        [
            "applicant.phone (line 9): a phone number has 10 or 11 digits, this one 12",
            "applicant.phone (line 9): 14 characters; the NSS field 電話番号 takes at most 13",
        ],
        id="phone-long",
    ),
    pytest.param(
        [("  phone: 03-1234-5678", "  phone: 03--1234-5678")],
        ["applicant.phone (line 9): misplaced hyphen in the phone number"],
        id="phone-hyphens",
    ),
    pytest.param(
        [("family_name_kana: ヤマダ", "family_name_kana: ヤマダX")],
        [
            "applicant.family_name_kana (line 7): 'X' (character 4) cannot appear in a フリガナ; write katakana or hiragana"
        ],
        id="kana-latin",
    ),
    pytest.param(
        [("family_name_kana: ヤマダ", "family_name_kana: 山田")],
        [
            "applicant.family_name_kana (line 7): '山' (character 1) cannot appear in a フリガナ; write katakana or hiragana"
        ],
        id="kana-kanji",
    ),
    pytest.param(
        [("given_name_kana: タロウ", 'given_name_kana: ""')],
        ["applicant.given_name_kana (line 8): must not be empty"],
        id="kana-empty",
    ),
    pytest.param(
        [("name_kana: ナックスショウジ", "name_kana: ナックス１")],
        [
            "company.name_kana (line 13): '１' (character 5) cannot appear in a フリガナ; write katakana or hiragana"
        ],
        id="kana-digit",
    ),
    pytest.param(
        [("  company_name: ナックス商事株式会社", "  company_name: 𠮷野家株式会社")],
        [
            "applicant.company_name (line 3): '𠮷' (character 1, U+20BB7) is not in Shift_JIS (CP932), which NSS uses; write '吉' instead"
        ],
        id="cp932-yoshi",
    ),
    pytest.param(
        [("family_name: 山田", "family_name: 山田😀")],
        [
            "applicant.family_name (line 5): '😀' (character 3, U+1F600) is not in Shift_JIS (CP932), which NSS uses; replace or remove it"
        ],
        id="cp932-emoji",
    ),
    pytest.param(
        [("building: 虎ノ門ビル５階", "building: 虎ノ門ビル—５階")],
        [
            "company.building (line 20): '—' (character 6, U+2014) is not in Shift_JIS (CP932), which NSS uses; write '－' instead"
        ],
        id="cp932-dash",
    ),
    pytest.param(
        [
            (
                "  company_name: ナックス商事株式会社",
                "  company_name: " + "ナ" * 61,
            )
        ],
        ["applicant.company_name (line 3): 61 characters; the NSS field 企業名 takes at most 60"],
        id="long-company",
    ),
    pytest.param(
        [("family_name: 山田", "family_name: " + "山" * 21)],
        ["applicant.family_name (line 5): 21 characters; the NSS field 氏名 takes at most 20"],
        id="long-family-name",
    ),
    pytest.param(
        [
            (
                "department: 物流部",
                "department: " + "部" * 41,
            )
        ],
        ["applicant.department (line 4): 41 characters; the NSS field 部署名 takes at most 40"],
        id="long-department",
    ),
    pytest.param(
        [
            (
                'remarks: ""',
                "remarks: " + "あ" * 401,
            )
        ],
        ["remarks (line 35): 401 characters; the NSS field 備考 takes at most 400"],
        id="long-remarks",
    ),
    pytest.param(
        [
            (
                "city_address: 港区虎ノ門一丁目２番３号",
                "city_address: " + "丁" * 101,
            )
        ],
        [
            "company.city_address (line 19): 101 characters; the NSS field 企業に関する項目 › 住所(市区町村・番地) takes at most 100"
        ],
        id="long-city",
    ),
    pytest.param(
        [('"7000012050002"', '"700001205000"')],
        [
            "company.corporate_number (line 14): a corporate number (法人番号) is 13 digits, '700001205000' has 12"
        ],
        id="corp-12-digits",
    ),
    pytest.param(
        [('"7000012050002"', '"8000012050002"')],
        [
            "company.corporate_number (line 14): corporate number 8000012050002: the check digit (first digit) does not match; check the number"
        ],
        id="corp-check-digit",
    ),
    pytest.param(
        [('"7000012050002"', '"70000120500AB"')],
        [
            "company.corporate_number (line 14): a corporate number (法人番号) is 13 digits; 'A' is not a digit"
        ],
        id="corp-letters",
    ),
    pytest.param(
        [('postal_code: "1050001"', 'postal_code: "105-001"')],
        ["company.postal_code (line 17): a postal code is 7 digits (got '105001')"],
        id="postal-6",
    ),
    pytest.param(
        [('postal_code: "1050001"', 'postal_code: "105-000A"')],
        ["company.postal_code (line 17): a postal code is 7 digits (got '105000A')"],
        id="postal-letter",
    ),
    pytest.param(
        [("prefecture: 東京都", "prefecture: 東都")],
        [
            "company.prefecture (line 18): '東都' is not a prefecture (e.g. 東京都, 大阪府, 神奈川県)"
        ],
        id="prefecture-bad",
    ),
    pytest.param(
        [("start_date: 2027-04-01", "start_date: 2027-02-30")],
        ["contract.start_date (line 23): 2027-02-30 is not a real date"],
        id="date-impossible",
    ),
    pytest.param(
        [("start_date: 2027-04-01", "start_date: 2026-12-01")],
        [
            "contract.start_date (line 23): the start date 2026-12-01 is in the past (today is 2027-01-04)"
        ],
        id="date-past",
    ),
    pytest.param(
        [("start_date: 2027-04-01", "start_date: next monday")],
        ["contract.start_date (line 23): write the date as 2027-04-01 (got 'next monday')"],
        id="date-words",
    ),
    pytest.param(
        [("  start_date: 2027-04-01", "  reason: 申込")],
        ["contract.start_date (line 22): required key 'start_date' is missing"],
        id="date-missing",
    ),
    pytest.param(
        [("code: ABCDE", "code: ABCD")],
        ["user_codes.0.code (line 25): a 利用者コード is 5 letters or digits (got 'ABCD')"],
        id="code-short",
    ),
    pytest.param(
        [("code: ABCDE", "code: AB-DE")],
        ["user_codes.0.code (line 25): a 利用者コード is 5 letters or digits (got 'AB-DE')"],
        id="code-symbol",
    ),
    pytest.param(
        [("code: ABCDE", "code: abcd")],
        ["user_codes.0.code (line 25): a 利用者コード is 5 letters or digits (got 'ABCD')"],
        id="code-lower-short",
    ),
    pytest.param(
        [("industry: 通関業", "industry: 倉庫業")],
        [
            "user_codes.0.ids.0.industry (line 27): unknown 業種 '倉庫業'; choose one of: 通関業, 混載業, 機用品業, 自社通関, 航空会社, 機長代行, 海貨業, 輸出入者, 航空貨物代理店, NVOCC, 輸出入者(外為法関連業務利用), 通関士, 保税蔵置場, CY, 船会社, 船舶代理店, 損害保険会社, 汎用申請利用のみ, バンプール"
        ],
        id="industry-unknown",
    ),
    pytest.param(
        [("industry: 通関業", "industry: 通関")],
        [
            "user_codes.0.ids.0.industry (line 27): unknown 業種 '通関'; did you mean '通関業'? choose one of: 通関業, 混載業, 機用品業, 自社通関, 航空会社, 機長代行, 海貨業, 輸出入者, 航空貨物代理店, NVOCC, 輸出入者(外為法関連業務利用), 通関士, 保税蔵置場, CY, 船会社, 船舶代理店, 損害保険会社, 汎用申請利用のみ, バンプール"
        ],
        id="industry-near",
    ),
    pytest.param(
        [("count: 1", "count: 0")],
        [
            "user_codes.0.ids.0.count (line 28): the count is at least 1 (通関士: one per customs broker)"
        ],
        id="count-zero",
    ),
    pytest.param(
        [("count: 1", "count: two")],
        ["user_codes.0.ids.0.count (line 28): the count is a whole number, 1 or more"],
        id="count-text",
    ),
    pytest.param(
        [("count: 1", "count: -1")],
        [
            "user_codes.0.ids.0.count (line 28): the count is at least 1 (通関士: one per customs broker)"
        ],
        id="count-negative",
    ),
    pytest.param(
        [("count: 1", "count: 1.5")],
        ["user_codes.0.ids.0.count (line 28): the count is a whole number, 1 or more"],
        id="count-float",
    ),
    pytest.param(
        [
            (
                "industry: 通関業\n        count: 1",
                "industry: 通関士\n        count: 1\n        single_sign_on: true",
            )
        ],
        ["user_codes.0.ids.0.single_sign_on (line 29): 通関士 IDs can never use single sign-on"],
        id="sso-broker",
    ),
    pytest.param(
        [("industry: 通関業", "industry: 船会社\n        single_sign_on: true")],
        ["user_codes.0.ids.0.single_sign_on (line 28): 業種 船会社 does not allow single sign-on"],
        id="sso-ship",
    ),
    pytest.param(
        [("count: 1", "count: 1\n        single_sign_on: maybe")],
        ["user_codes.0.ids.0.single_sign_on (line 29): write true or false"],
        id="sso-not-bool",
    ),
    pytest.param(
        [("        count: 1\n", "        count: 1\n      - industry: 船会社\n")],
        [
            "user_codes.0.ids.1.industry (line 29): 業種 船会社 (group Ⅲ) cannot share 利用者コード ABCDE with 通関業 (group Ⅰ): it needs a separate 利用者コード"
        ],
        id="groups-mixed",
    ),
    pytest.param(
        [("        count: 1\n", "        count: 1\n      - industry: 通関業\n        count: 2\n")],
        [
            "user_codes.0.ids.1.industry (line 29): 業種 通関業 appears twice under this 利用者コード; use one row and set its count"
        ],
        id="industry-twice",
    ),
    pytest.param(
        [("plan:\n", "  - code: ABCDE\n    ids:\n      - industry: 通関士\nplan:\n")],
        [
            "user_codes.1.code (line 29): 利用者コード ABCDE is also user_codes.0; list all its 業種 under one entry's ids"
        ],
        id="code-twice",
    ),
    pytest.param(
        [("    ids:\n      - industry: 通関業\n        count: 1\n", "    ids: []\n")],
        ["user_codes.0.ids (line 26): list at least one entry"],
        id="ids-empty",
    ),
    pytest.param(
        [
            (
                "user_codes:\n  - code: ABCDE\n    ids:\n      - industry: 通関業\n        count: 1\n",
                "user_codes: []\n",
            )
        ],
        ["user_codes (line 24): list at least one entry"],
        id="user-codes-empty",
    ),
    pytest.param(
        [
            (
                "user_codes:\n  - code: ABCDE\n    ids:\n      - industry: 通関業\n        count: 1\n",
                "",
            )
        ],
        ["user_codes: required key 'user_codes' is missing"],
        id="user-codes-missing",
    ),
    pytest.param(
        [
            (
                "  - code: ABCDE\n    ids:\n      - industry: 通関業\n        count: 1\n",
                "  code: ABCDE\n",
            )
        ],
        ["user_codes (line 24): must be a list (lines starting with '- ')"],
        id="user-codes-mapping",
    ),
    pytest.param(
        [("    ids:", "    id:")],
        [
            "user_codes.0.ids (line 25): required key 'ids' is missing",
            "user_codes.0.id (line 26): unknown key 'id'; did you mean 'ids'?",
        ],
        id="ids-key-typo",
    ),
    pytest.param(
        [("count: 1", "count: 1\n        processing: メール処理方式")],
        [
            "user_codes.0.ids.0.processing (line 29): Cyber Port IDs use the processing method 'SMTP双方向' only (got 'メール処理方式')"
        ],
        id="processing-other",
    ),
    pytest.param(
        [("general_naccs: B", "general_naccs: C")],
        ["plan.general_naccs (line 30): the plan is A or B"],
        id="plan-c",
    ),
    pytest.param(
        [("  general_naccs: B", "  statistics: false")],
        ["plan.general_naccs (line 29): required key 'general_naccs' is missing"],
        id="plan-missing",
    ),
    pytest.param(
        [("general_naccs: B", "general_naccs: B\n  statistics: 要")],
        ["plan.statistics (line 31): write true or false"],
        id="statistics-text",
    ),
    pytest.param(
        [
            (
                "consolidated: null",
                'consolidated:\n    registered_code: "1234567"\n    office_code: "7654321"\n    company_name: 親会社株式会社\n    office_name: 本社',
            )
        ],
        [
            "billing.consolidated (line 32): give exactly one of registered_code (登録請求先コード) and office_code (事業所コード)"
        ],
        id="consolidated-both-codes",
    ),
    pytest.param(
        [
            (
                "consolidated: null",
                "consolidated:\n    company_name: 親会社株式会社\n    office_name: 本社",
            )
        ],
        [
            "billing.consolidated (line 32): give exactly one of registered_code (登録請求先コード) and office_code (事業所コード)"
        ],
        id="consolidated-no-code",
    ),
    pytest.param(
        [
            (
                "consolidated: null",
                'consolidated:\n    registered_code: "123456"\n    company_name: 親会社株式会社\n    office_name: 本社',
            )
        ],
        ["billing.consolidated.registered_code (line 33): the code is 7 digits (got '123456')"],
        id="consolidated-code-6",
    ),
    pytest.param(
        [("consolidated: null", "consolidated: yes please")],
        ["billing.consolidated (line 32): must be a mapping of keys (indented `key: value` lines)"],
        id="consolidated-scalar",
    ),
    pytest.param(
        [("address: same_as_office", "address: elsewhere")],
        [
            "billing.address (line 33): write same_as_office, or a mapping with postal_code, prefecture, city_address and building"
        ],
        id="address-word",
    ),
    pytest.param(
        [
            (
                "address: same_as_office",
                'address:\n    postal_code: "1000005"\n    prefecture: 東京都',
            )
        ],
        ["billing.address.city_address (line 33): required key 'city_address' is missing"],
        id="address-missing-city",
    ),
    pytest.param(
        [
            (
                "address: same_as_office",
                'address:\n    postal_code: "1000005"\n    prefecture: 東京都\n    city_address: 千代田区丸の内一丁目１番１号\n    bulding: 丸の内ビル',
            )
        ],
        ["billing.address.bulding (line 37): unknown key 'bulding'; did you mean 'building'?"],
        id="address-unknown-key",
    ),
    pytest.param(
        [("applicant:\n", "applicant:\n  - x\nx_applicant:\n")],
        [
            "applicant (line 2): must be a mapping of keys (indented `key: value` lines)",
            "x_applicant (line 4): unknown key 'x_applicant'; did you mean 'applicant'?",
        ],
        id="applicant-list",
    ),
    pytest.param(
        [("applicant:\n", "applicant:\nold_applicant:\n")],
        [
            "applicant (line 2): no value given",
            "old_applicant (line 3): unknown key 'old_applicant'; did you mean 'applicant'?",
        ],
        id="applicant-null",
    ),
    pytest.param(
        [("company:\n", "company: ナックス\nold_company:\n")],
        [
            "company (line 11): must be a mapping of keys (indented `key: value` lines)",
            "old_company (line 12): unknown key 'old_company'; did you mean 'company'?",
        ],
        id="company-scalar",
    ),
    pytest.param(
        [("  given_name: 太郎", "  given_name: 太郎\n  given_name: 次郎")],
        ["applicant.given_name (line 7): duplicate key 'given_name' (also on line 6)"],
        id="duplicate-key",
    ),
    pytest.param(
        [("  given_name: 太郎", "  given_name: [太郎")],
        [
            "line 7, column 19: YAML syntax error: while parsing a flow sequence, expected ',' or ']', but got ':'"
        ],
        id="syntax-error",
    ),
    pytest.param(
        [("  given_name: 太郎", "\tgiven_name: 太郎")],
        ["line 6, column 1: tabs cannot indent YAML; indent with spaces"],
        id="tab-indent",
    ),
    pytest.param(
        [("family_name: 山田", "family_name: <<姓>>")],
        [
            "applicant.family_name (line 5): replace the template placeholder <<姓>> with the real value"
        ],
        id="placeholder",
    ),
    pytest.param(
        [('remarks: ""', 'terminal:\n  shared_equipment: yes please\nremarks: ""')],
        ["terminal.shared_equipment (line 36): write true or false"],
        id="shared-equipment-text",
    ),
    pytest.param(
        [('remarks: ""', "remarks:\n  - a")], ["remarks (line 35): must be text"], id="remarks-list"
    ),
    pytest.param(
        [
            (
                "contract:\n",
                "administrator:\n  name: 鈴木 一郎\n  email: suzuki@example.co.jp\ncontract:\n",
            )
        ],
        ["administrator.phone (line 22): required key 'phone' is missing"],
        id="administrator-no-phone",
    ),
    pytest.param(
        [("  name: ナックス商事株式会社", "  name:")],
        ["company.name (line 12): no value given"],
        id="name-null",
    ),
    pytest.param(
        [
            ("version: 1", "version: 3"),
            ("yamada@example.co.jp", "yamada"),
            ("count: 1", "count: 0"),
        ],
        [
            "version (line 1): version must be 1 (the format this tool reads)",
            "applicant.email (line 10): not a valid e-mail address: 'yamada'",
            "user_codes.0.ids.0.count (line 28): the count is at least 1 (通関士: one per customs broker)",
        ],
        id="many-at-once",
    ),
    pytest.param(
        [
            ("family_name_kana: ヤマダ", "family_name_kana: <<セイ>>"),
            ("code: ABCDE", "code: <<利用者コード>>"),
        ],
        [
            "applicant.family_name_kana (line 7): replace the template placeholder <<セイ>> with the real value",
            "user_codes.0.code (line 25): replace the template placeholder <<利用者コード>> with the real value",
        ],
        id="kana-placeholder-and-bad-code",
    ),
    pytest.param(
        [("code: ABCDE", "code: abcde"), ("general_naccs: B", "general_naccs: Z")],
        ["plan.general_naccs (line 30): the plan is A or B"],
        id="lower-code-note-only-with-other-error",
    ),
    pytest.param(
        [("count: 1", 'count: "1000"')],
        [
            "user_codes.0.ids.0.count (line 28): 1000 is too large; the NSS field 識別番号数 takes 3 digits"
        ],
        id="string-count",
    ),
    pytest.param(
        [('remarks: ""', "remarks: true")], ["remarks (line 35): must be text"], id="bool-remarks"
    ),
    pytest.param(
        [('remarks: ""', 'remarks: ""\nx: &a [*a]')],
        [
            "x (line 36): unknown key 'x' (known keys: version, applicant, company, administrator, contract, user_codes, terminal, plan, billing, remarks)",
            "x.0 (line 36): an alias contains itself",
        ],
        id="alias-bomb",
    ),
    pytest.param(
        [('remarks: ""', "remarks: !!binary aGk=")],
        ["remarks (line 35): the YAML tag tag:yaml.org,2002:binary is not supported"],
        id="binary-tag",
    ),
    pytest.param(
        [('remarks: ""', 'remarks: ""\n? [a, b]\n: 1')],
        ["line 36: keys must be plain text"],
        id="key-not-text",
    ),
    pytest.param(
        [('remarks: ""', "remarks: " + "[" * 300 + "]" * 300)],
        [
            "remarks (line 35): must be text",
            "remarks.0 (line 35): the document is nested too deeply",
        ],
        id="deep-nesting",
    ),
    pytest.param(
        ("TEXT", "remarks: " + "[" * 5000 + "]" * 5000),
        ["the document is nested too deeply"],
        id="very-deep-nesting",
    ),
    pytest.param(
        [("  given_name: 太郎", "  given_name: 太\x07郎")],
        ["line 6, column 16: control character U+0007 is not allowed"],
        id="control-character",
    ),
    pytest.param(
        [('remarks: ""', 'remarks: ""\nterminal: &t {shared_equipment: true, again: *t}')],
        [
            "terminal.again (line 36): an alias contains itself",
            "terminal.again (line 36): unknown key 'again' (known keys: shared_equipment)",
        ],
        id="alias-cycle",
    ),
    pytest.param(
        ("TEXT", ""), ["the file is empty; `nss-autofill init` writes a template"], id="empty"
    ),
    pytest.param(
        ("TEXT", "# nothing here\n"),
        ["the file is empty; `nss-autofill init` writes a template"],
        id="comments-only",
    ),
    pytest.param(
        ("TEXT", "- version: 1\n"),
        [
            "line 1: the top level is a list; a profile is a mapping of keys that starts with `version: 1`"
        ],
        id="list",
    ),
    pytest.param(
        ("TEXT", "hello\n"),
        [
            "line 1: the top level is a single value; a profile is a mapping of keys that starts with `version: 1`"
        ],
        id="scalar",
    ),
    pytest.param(
        ("TEXT", "version: 1\n---\nversion: 1\n"),
        [
            "line 2, column 1: YAML syntax error: expected a single document in the stream, but found another document"
        ],
        id="two-documents",
    ),
]


def _apply(edits: object) -> str:
    if isinstance(edits, tuple):
        return str(edits[1])
    text = BASE
    assert isinstance(edits, list)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_base_is_valid() -> None:
    profile = parse_profile(BASE, today=TODAY)
    assert profile.user_codes[0].code == "ABCDE"
    assert profile.notes == []


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(("edits", "expected"), CASES)
def test_malformed_profile(
    edits: object, expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _apply(edits)
    with pytest.raises(ProfileError) as info:
        parse_profile(text, today=TODAY)
    assert [p.render("en") for p in info.value.problems] == expected

    path = tmp_path / "bad.yaml"
    path.write_text(text, "utf-8")
    code = check_command(path, "en", today=TODAY)
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == f"{path}: {len(expected)} problem(s)"
    assert lines[1:] == expected


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            [("general_naccs: B", "general_naccs: C")],
            ["plan.general_naccs (30行目): 料金プランは A か B です"],
        ),
        (
            [("family_name_kana: ヤマダ", "family_name_kana: ヤマダX")],
            [
                "applicant.family_name_kana (7行目): フリガナに使えない文字「X」(4文字目) が"
                "あります。カタカナかひらがなで書いてください"
            ],
        ),
        (
            [("  company_name: ナックス商事株式会社", "  company_name: 𠮷野家株式会社")],
            [
                "applicant.company_name (3行目): 文字「𠮷」(1文字目, U+20BB7) は NSS で使えません"
                " (Shift_JIS にない文字)。「吉」に置き換えてください"
            ],
        ),
        (
            [('remarks: ""', 'remarks: ""\npassword: hunter2')],
            [
                "password (36行目): ログインIDやパスワードはプロファイルに書けません。"
                "環境変数 NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD を使うか、"
                "ブラウザで入力してください (この行を削除してください)"
            ],
        ),
        (("TEXT", ""), ["ファイルが空です。`nss-autofill init` でひな形を作れます"]),
        (
            [("  given_name: 太郎", "\tgiven_name: 太郎")],
            ["6行目 1列目: 字下げにタブ文字は使えません。半角スペースで字下げしてください"],
        ),
    ],
)
def test_malformed_profile_in_japanese(
    edits: object, expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(_apply(edits), "utf-8")
    assert check_command(path, "ja", today=TODAY) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{path}: {len(expected)} 件の問題があります"
    assert err[1:] == expected


def test_a_credential_value_is_never_echoed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BASE + "applicant_password: s3cr3t-Value\nsecret: [s3cr3t-Value]\n", "utf-8")
    for lang in ("en", "ja"):
        assert check_command(path, lang, today=TODAY) == 2
        out, err = capsys.readouterr()
        assert "s3cr3t" not in out + err
        assert "NSS_AUTOFILL_PASSWORD" in err


def test_missing_file_and_non_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_command(tmp_path / "nope.yaml", "en", today=TODAY) == 2
    assert f"no such file: {tmp_path / 'nope.yaml'}" in capsys.readouterr().err
    sjis = tmp_path / "sjis.yaml"
    sjis.write_bytes(BASE.encode("cp932"))  # as an older メモ帳 saves it: read as it is
    assert check_command(sjis, "en", today=TODAY) == 0
    capsys.readouterr()
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(BASE.encode("utf-8") + "# café\n".encode("latin-1"))
    assert check_command(latin, "en", today=TODAY) == 2
    lines = BASE.count("\n") + 1
    assert (
        f"line {lines}: the file is neither UTF-8 nor Shift_JIS (line {lines}); save it as UTF-8"
        in capsys.readouterr().err
    )
    assert check_command(tmp_path, "en", today=TODAY) == 2  # a directory
    assert "cannot read" in capsys.readouterr().err


# ---------------------------------------------------------------- property-based

# Plain segments, or a key in JSON double quotes where it holds white space, a dot or a quote.
_SEGMENT = r'(?:[^."\s]+|"(?:[^"\\]|\\.)*")'
_DOTTED = re.compile(rf"^$|^{_SEGMENT}(\.{_SEGMENT})*$")
_KEYS = st.sampled_from(
    [
        "version",
        "applicant",
        "company",
        "administrator",
        "contract",
        "user_codes",
        "terminal",
        "plan",
        "billing",
        "remarks",
        "code",
        "ids",
        "industry",
        "count",
        "single_sign_on",
        "email",
        "phone",
        "name",
        "postal_code",
        "start_date",
        "consolidated",
        "address",
        "registered_code",
        "password",
        "general_naccs",
    ]
) | st.from_regex(r"[a-z_]{1,8}", fullmatch=True)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.text(max_size=30)
    | st.sampled_from(["通関業", "ABCDE", "abcde", "2027-04-01", "2027-02-30", "1050001", "B"])
)
_DOCS = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=6),
    max_leaves=30,
)


def _check_problems(text: str) -> None:
    try:
        parse_profile(text, today=TODAY)
    except ProfileError as exc:
        assert exc.problems
        for p in exc.problems:
            assert _DOTTED.match(p.path), p.path
            assert p.severity == "error"
            assert p.message.ja and p.message.en
            assert "\n" not in p.render("en")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS)
def test_random_documents_only_raise_profile_error(doc: object) -> None:
    _check_problems(yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
@example("0 0:\n")  # a key with a space: once reported as the path '0 0', not dotted
@example('"a.b": 1\n"": 2\n\'q"\': 3\n')  # a dot, an empty key, a quote
def test_random_text_only_raises_profile_error(text: str) -> None:
    _check_problems(text)


_BASE_DATA = yaml.safe_load(BASE)
_LEAF_PATHS = [
    ("applicant", "email"),
    ("applicant", "family_name_kana"),
    ("company", "postal_code"),
    ("company", "corporate_number"),
    ("contract", "start_date"),
    ("plan", "general_naccs"),
    ("billing", "address"),
    ("remarks",),
]


@example(path=("applicant", "email"), value="0\n0")  # a line break in a quoted value
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_LEAF_PATHS), _DOCS)
def test_replacing_any_value_never_crashes(path: tuple[str, ...], value: object) -> None:
    import copy

    data = copy.deepcopy(_BASE_DATA)
    cur = data
    for key in path[:-1]:
        cur = cur[key]
    cur[path[-1]] = value
    try:
        text = yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return
    _check_problems(text)


def test_an_alias_bomb_is_cut_short() -> None:
    layers = ["a: &a [" + ", ".join(["1"] * 10) + "]"]
    for prev, name in zip("abcd", "bcde", strict=True):
        layers.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(ProfileError) as info:
        parse_profile("\n".join(layers) + "\n", today=TODAY)
    messages = [p.message.en for p in info.value.problems]
    assert "the document expands to too many values (aliases)" in messages
