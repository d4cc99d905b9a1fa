"""The profile model: what a valid file turns into, defaults, notes, and the catalogue link."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nss_autofill.normalize import is_katakana_text
from nss_autofill.profile import values as rules
from nss_autofill.profile.checks import business_days_left, field_limits
from nss_autofill.profile.document import ProfileError
from nss_autofill.profile.industries import CUSTOMS_BROKER, INDUSTRIES
from nss_autofill.profile.loading import load_profile, parse_profile
from nss_autofill.profile.model import CP_OFFICE_NAME_KANA, CP_REASON, Profile
from nss_autofill.site.catalogue import load_catalogue

pytestmark = pytest.mark.nobrowser

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted((ROOT / "profiles").glob("*.yaml"))
TODAY = dt.date(2027, 1, 4)

MINIMAL = """\
version: 1
applicant:
  company_name: ﾅｯｸｽ商事株式会社
  family_name: 山田
  given_name: 太郎
  family_name_kana: やまだ
  given_name_kana: ﾀﾛｳ
  phone: ０３－１２３４－５６７８
  email: ＹＡＭＡＤＡ@example.co.jp
company:
  name: ナックス商事株式会社
  name_kana: なっくす しょうじ
  representative_title: 代表取締役
  representative_name: 港 一郎
  postal_code: １０５－０００１
  prefecture: 東京
  city_address: 港区虎ノ門1-2-3
  phone: 03-1234-5678
contract:
  start_date: 2027/4/1
user_codes:
  - code: abc12
    ids:
      - industry: ＮＶＯＣＣ
plan:
  general_naccs: b
"""


def test_minimal_profile_is_normalised_and_defaulted() -> None:
    data = parse_profile(MINIMAL, today=TODAY).model_dump()
    assert data["applicant"] == {
        "company_name": "ナックス商事株式会社",
        "department": None,
        "family_name": "山田",
        "given_name": "太郎",
        "family_name_kana": "ヤマダ",
        "given_name_kana": "タロウ",
        "phone": "03-1234-5678",
        "email": "YAMADA@example.co.jp",
    }
    assert data["company"]["name_kana"] == "ナックス\u3000ショウジ"
    assert data["company"]["postal_code"] == "1050001"
    assert data["company"]["prefecture"] == "東京都"
    assert data["company"]["city_address"] == "港区虎ノ門１－２－３"
    assert data["company"]["corporate_number"] is None
    assert data["administrator"] == {
        "name": "山田\u3000太郎",
        "phone": "03-1234-5678",
        "email": "YAMADA@example.co.jp",
    }
    assert data["contract"] == {
        "reason": CP_REASON,
        "start_date": dt.date(2027, 4, 1),
        "office_name": "ＣＰ利用者",
        "office_name_kana": CP_OFFICE_NAME_KANA,
    }
    assert data["user_codes"] == [
        {
            "code": "ABC12",
            "ids": [
                {
                    "industry": "NVOCC",
                    "count": 1,
                    "single_sign_on": False,
                    "processing": "SMTP双方向",
                }
            ],
        }
    ]
    assert data["terminal"] == {"shared_equipment": True}
    assert data["plan"] == {"general_naccs": "B", "statistics": False, "bonded_archive": False}
    assert data["billing"] == {
        "consolidated": None,
        "address": "same_as_office",
        "direct_debit": None,
    }
    assert data["remarks"] == ""


def test_lower_case_code_is_a_note_not_an_error() -> None:
    profile = parse_profile(MINIMAL, today=TODAY)
    assert [n.render("en") for n in profile.notes] == [
        "user_codes.0.code (line 22): using the 利用者コード as ABC12"
    ]
    assert profile.notes[0].severity == "note"


def test_vendor_specific_characters_warn() -> None:
    text = MINIMAL.replace("family_name: 山田", "family_name: 髙橋")
    profile = parse_profile(text, today=TODAY)
    warnings = [n.render("en") for n in profile.notes if n.severity == "warning"]
    assert warnings == [
        "applicant.family_name (line 4): '髙' (character 1) is a vendor-specific character "
        "NSS may reject; consider '高'"
    ]


def test_same_industry_in_two_codes_warns() -> None:
    text = MINIMAL.replace("plan:\n", "  - code: XYZ99\n    ids:\n      - industry: NVOCC\nplan:\n")
    profile = parse_profile(text, today=TODAY)
    warnings = [n.render("en") for n in profile.notes if n.severity == "warning"]
    assert warnings == [
        "user_codes.1.ids.0.industry (line 27): 業種 NVOCC is also requested under "
        "利用者コード ABC12; make sure that is intended"
    ]


def test_administrator_explicit_is_normalised() -> None:
    text = MINIMAL.replace(
        "contract:\n",
        "administrator:\n  name: 鈴木 一郎\n  phone: 045 661 0001\n"
        "  email: suzuki@example.jp\ncontract:\n",
    )
    admin = parse_profile(text, today=TODAY).administrator
    assert (admin.name, admin.phone, admin.email) == (
        "鈴木\u3000一郎",
        "0456610001",
        "suzuki@example.jp",
    )


def test_billing_address_and_parties() -> None:
    text = MINIMAL + (
        "billing:\n"
        "  consolidated: {office_code: '1234567', company_name: 親会社, office_name: 本社}\n"
        "  address: {postal_code: '100-0005', prefecture: 東京都,"
        " city_address: 千代田区丸の内一丁目１番１号}\n"
        "  direct_debit: {registered_code: '７６５４３２１', company_name: 親会社,"
        " office_name: 経理}\n"
    )
    billing = parse_profile(text, today=TODAY).model_dump()["billing"]
    assert billing["consolidated"] == {
        "registered_code": None,
        "office_code": "1234567",
        "company_name": "親会社",
        "office_name": "本社",
    }
    assert billing["address"] == {
        "postal_code": "1000005",
        "prefecture": "東京都",
        "city_address": "千代田区丸の内一丁目１番１号",
        "building": None,
    }
    assert billing["direct_debit"]["registered_code"] == "7654321"


def test_octal_looking_postal_code_stays_text() -> None:
    text = MINIMAL.replace("postal_code: １０５－０００１", "postal_code: 0600001")
    text = text.replace("prefecture: 東京", "prefecture: 北海道")  # where 060-0001 is
    text = text.replace("city_address: 港区虎ノ門1-2-3", "city_address: 札幌市中央区北一条西2")
    assert parse_profile(text, today=TODAY).company.postal_code == "0600001"


def test_start_date_today_is_allowed_and_yesterday_is_not() -> None:
    text = MINIMAL.replace("2027/4/1", "2027-01-04")
    assert parse_profile(text, today=TODAY).contract.start_date == TODAY
    with pytest.raises(ProfileError):
        parse_profile(text, today=TODAY + dt.timedelta(days=1))


def test_id_count_sums_every_row() -> None:
    profile = load_profile(ROOT / "profiles" / "customs-broker.yaml", today=TODAY)
    assert profile.id_count == 4


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_every_example_profile_is_valid(path: Path) -> None:
    profile = load_profile(path, today=TODAY)
    assert isinstance(profile, Profile)
    assert not [n for n in profile.notes if n.severity == "warning"]
    assert profile.contract.start_date >= dt.date(2027, 3, 1)


def test_example_profiles_cover_the_issue() -> None:
    loaded = {p.name: load_profile(p, today=TODAY) for p in PROFILES}
    broker = loaded["customs-broker.yaml"].user_codes[0].ids
    assert [(r.industry, r.count) for r in broker] == [("通関業", 1), (CUSTOMS_BROKER, 3)]
    sso = loaded["multi-industry-sso.yaml"].user_codes
    assert len(sso) == 1 and len(sso[0].ids) >= 2
    assert all(r.single_sign_on for r in sso[0].ids)
    two = loaded["two-codes-billing.yaml"]
    assert len(two.user_codes) == 2
    assert two.billing.consolidated is not None and two.billing.direct_debit is not None
    assert two.billing.address != "same_as_office"
    example = loaded["example.yaml"]
    assert len(example.user_codes) == 1 and len(example.user_codes[0].ids) == 1
    assert example.billing.model_dump() == {
        "consolidated": None,
        "address": "same_as_office",
        "direct_debit": None,
    }


_REFLECT = {
    "1050001": ("東京都", "港区虎ノ門"),
    "1000005": ("東京都", "千代田区丸の内"),
    "2310023": ("神奈川県", "横浜市中区山下町"),
    "6500024": ("兵庫県", "神戸市中央区海岸通"),
    "5410041": ("大阪府", "大阪市中央区北浜"),
    "4500002": ("愛知県", "名古屋市中村区名駅"),
}


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_example_addresses_are_known_to_the_mock_reflect_table(path: Path) -> None:
    data = load_profile(path, today=TODAY).model_dump()
    addresses = [data["company"]]
    if isinstance(data["billing"]["address"], dict):
        addresses.append(data["billing"]["address"])
    for addr in addresses:
        prefecture, town = _REFLECT[addr["postal_code"]]
        assert addr["prefecture"] == prefecture
        assert addr["city_address"].startswith(town)


def test_every_catalogue_path_exists_on_the_profile() -> None:
    data = load_profile(ROOT / "profiles" / "two-codes-billing.yaml", today=TODAY).model_dump()
    for pattern in field_limits():
        cur: object = data
        for part in pattern.split("."):
            if part == "*":
                assert isinstance(cur, list) and cur, pattern
                cur = cur[0]
            else:
                assert isinstance(cur, dict) and part in cur, pattern
                cur = cur[part]


def test_limits_come_from_the_catalogue() -> None:
    limits = field_limits()
    assert limits["applicant.family_name"][0] == 20
    assert limits["user_codes.*.code"][0] == 5
    assert limits["user_codes.*.ids.*.count"][0] == 3
    assert limits["remarks"][0] == 400
    cat = load_catalogue()
    assert (
        cat.page("apply-office").field("city_address").max_length
        == (limits["company.city_address"][0])
    )


def test_industry_table() -> None:
    assert len(INDUSTRIES) == 19
    assert not INDUSTRIES[CUSTOMS_BROKER].sso
    assert {i.group for i in INDUSTRIES.values()} == {"Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ"}
    sso = {n for n, i in INDUSTRIES.items() if i.sso}
    assert sso == {
        "通関業",
        "混載業",
        "航空会社",
        "海貨業",
        "輸出入者",
        "航空貨物代理店",
        "NVOCC",
        "保税蔵置場",
        "CY",
    }


@pytest.mark.parametrize(
    ("today", "start", "left"),
    [
        (dt.date(2027, 4, 28), dt.date(2027, 5, 7), 2),  # Golden Week: 30 Apr, 6 May
        (dt.date(2027, 3, 1), dt.date(2027, 3, 2), 0),
        (dt.date(2027, 3, 5), dt.date(2027, 3, 15), 5),  # Fri → Mon+1 week
        (dt.date(2027, 3, 10), dt.date(2027, 3, 1), 0),
    ],
)
def test_business_days_left(today: dt.date, start: dt.date, left: int) -> None:
    assert business_days_left(today, start) == left


def test_a_derived_administrator_name_too_long_is_an_error() -> None:
    text = MINIMAL.replace("family_name: 山田", "family_name: " + "山" * 20).replace(
        "given_name: 太郎", "given_name: " + "太" * 20
    )
    with pytest.raises(ProfileError) as info:
        parse_profile(text, today=TODAY)
    assert [p.render("en") for p in info.value.problems] == [
        "administrator (line 5): the administrator defaults to the applicant, but "
        f"'{'山' * 20}\u3000{'太' * 20}' (41 characters) is longer than the NSS field "
        "システム管理責任者に関する項目 › 氏名 takes (40); write an administrator section"
    ]


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_normalisation_is_idempotent(path: Path) -> None:
    import yaml

    first = load_profile(path, today=TODAY).model_dump(mode="json")
    again = parse_profile(yaml.safe_dump(first, allow_unicode=True), today=TODAY)
    assert again.model_dump(mode="json") == first


_KANA_TOKENS = [*"あいうえおかがぱゃっーアイウヴ・ ", "ｱ", "ｲ", "ｶﾞ", "ﾊﾟ", "ｯ", "ｰ", "\u3000"]
_KANA_INPUT = (
    st.lists(st.sampled_from(_KANA_TOKENS), min_size=1, max_size=20)
    .map("".join)
    .filter(lambda t: bool(t.strip(" \u3000")))
)


@settings(max_examples=200, deadline=None)
@given(_KANA_INPUT)
def test_kana_normalisation_is_idempotent_and_katakana(text: str) -> None:
    once = rules.norm_kana(text)
    assert rules.norm_kana(once) == once
    assert is_katakana_text(once)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_zenkaku_normalisation_is_idempotent(text: str) -> None:
    once = rules.norm_zenkaku(text)
    assert rules.norm_zenkaku(once) == once


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        (
            "㈱ナックス",
            "'㈱' (character 1) is a vendor-specific character NSS may reject; consider '株式会社'",
        ),
        (
            "ナックス①",
            "'①' (character 5) is a vendor-specific character NSS may reject; consider '1'",
        ),
        (
            "山﨑商店",
            "'﨑' (character 2) is a vendor-specific character NSS may reject; consider '崎'",
        ),
        (
            "ナックス\u2170",
            "'\u2170' (character 5) is a vendor-specific character NSS may "
            "reject; consider another character",
        ),
    ],
)
def test_vendor_specific_character_table(text: str, warning: str) -> None:
    profile = parse_profile(
        MINIMAL.replace("name: ナックス商事株式会社", f"name: {text}"), today=TODAY
    )
    assert [n.render("en") for n in profile.notes if n.severity == "warning"] == [
        f"company.name (line 11): {warning}"
    ]
