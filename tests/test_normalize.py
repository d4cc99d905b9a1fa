"""Normalisation tables: what the operator types → what NSS receives."""

from __future__ import annotations

import pytest

from nss_autofill.normalize import (
    compare_key,
    cp932_problems,
    digits_only,
    is_katakana_text,
    phone_number,
    to_hankaku,
    to_katakana,
    to_zenkaku,
)
from nss_autofill.profile import text_checks
from nss_autofill.profile import values as rules

pytestmark = pytest.mark.nobrowser


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ヤマダ", "ヤマダ"),
        ("やまだ", "ヤマダ"),
        ("ﾔﾏﾀﾞ", "ヤマダ"),
        ("ｶﾞｯｺｳ", "ガッコウ"),
        ("ﾊﾟｰﾄ", "パート"),
        ("やまだ ﾀﾛｳ", "ヤマダ\u3000タロウ"),
        ("  ヤマダ  ", "ヤマダ"),
        ("ヤマダ   タロウ", "ヤマダ\u3000タロウ"),
        ("ヤマダ\u3000タロウ", "ヤマダ\u3000タロウ"),
        ("ゔぁいおりん", "ヴァイオリン"),
        ("ジョン・スミス", "ジョン・スミス"),
        ("ｻｲﾊﾞｰﾎﾟｰﾄ", "サイバーポート"),
    ],
)
def test_to_katakana(raw: str, expected: str) -> None:
    assert to_katakana(raw) == expected
    assert is_katakana_text(expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ナックス商事株式会社", "ナックス商事株式会社"),
        ("ABC商事", "ＡＢＣ商事"),
        ("虎ノ門ビル5階", "虎ノ門ビル５階"),
        ("1-2-3", "１－２－３"),
        ("港 一郎", "港\u3000一郎"),
        ("ｶﾌﾞｼｷｶﾞｲｼｬ", "カブシキガイシャ"),
        ("CP利用者", "ＣＰ利用者"),
    ],
)
def test_to_zenkaku(raw: str, expected: str) -> None:
    assert to_zenkaku(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("１０５－０００１", "1050001"),
        ("105-0001", "1050001"),
        ("105ー0001", "1050001"),
        ("105 0001", "1050001"),
        ("１０５０００１", "1050001"),
        ("7000-0120-50002", "7000012050002"),
    ],
)
def test_digits_only(raw: str, expected: str) -> None:
    assert digits_only(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("03-1234-5678", "03-1234-5678"),
        ("０３－１２３４－５６７８", "03-1234-5678"),
        ("03−1234−5678", "03-1234-5678"),
        ("03ー1234ー5678", "03-1234-5678"),
        ("03 1234 5678", "0312345678"),
        ("09012345678", "09012345678"),
        ("03(1234)5678", "03-1234-5678"),
        ("(03)1234-5678", "03-1234-5678"),
        ("０３（１２３４）５６７８", "03-1234-5678"),
    ],
)
def test_phone_number(raw: str, expected: str) -> None:
    assert phone_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＢＣＤＥ", "ABCDE"),
        ("ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ", "yamada@example.jp"),
        (" abc ", "abc"),
    ],
)
def test_to_hankaku(raw: str, expected: str) -> None:
    assert to_hankaku(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("山田太郎", []),
        ("𠮷野家", [(1, "𠮷")]),
        ("ab😀c", [(3, "😀")]),
        ("高橋—太郎", [(3, "—")]),
        ("①㈱髙﨑", []),  # vendor-specific, but CP932 carries them
    ],
)
def test_cp932_problems(text: str, expected: list[tuple[int, str]]) -> None:
    assert cp932_problems(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("①", [(1, "①")]),
        ("㈱ナックス", [(1, "㈱")]),
        ("髙橋", [(1, "髙")]),
        ("山﨑", [(2, "﨑")]),
        ("山田", []),
        ("～", []),
    ],
)
def test_machine_dependent(text: str, expected: list[tuple[int, str]]) -> None:
    assert text_checks.machine_dependent(text) == expected


def test_compare_key_folds_width_and_spaces() -> None:
    assert compare_key("ＡＢＣ\u3000 商事 ") == compare_key("ABC 商事")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("東京都", "東京都"),
        ("東京", "東京都"),
        ("大阪", "大阪府"),
        ("北海道", "北海道"),
        ("神奈川", "神奈川県"),
    ],
)
def test_prefecture(raw: str, expected: str) -> None:
    assert rules.norm_prefecture(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("7000012050002", "7000012050002"),  # 国税庁
        ("7-0000-1205-0002", "7000012050002"),
        ("７００００１２０５０００２", "7000012050002"),
        ("1010001000014", "1010001000014"),
        ("", None),
    ],
)
def test_corporate_number(raw: str, expected: str | None) -> None:
    assert rules.norm_corporate_number(raw) == expected


@pytest.mark.parametrize(
    ("base12", "digit"),
    [("000012050002", 7), ("010001000014", 1), ("120001000005", 8), ("234567890123", 9)],
)
def test_corporate_number_check_digit(base12: str, digit: int) -> None:
    # 7000012050002 is the National Tax Agency's own 法人番号
    assert rules.corporate_number_check_digit(base12) == digit


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("abcde", "ABCDE"), ("ＡＢＣ１２", "ABC12"), (" XY9Z0 ", "XY9Z0"), (12345, "12345")],
)
def test_user_code(raw: object, expected: str) -> None:
    assert rules.norm_user_code(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("通関業", "通関業"),
        ("ＮＶＯＣＣ", "NVOCC"),
        ("nvocc", "NVOCC"),
        ("cy", "CY"),
        ("輸出入者（外為法関連業務利用）", "輸出入者(外為法関連業務利用)"),
        (" 通関士 ", "通関士"),
    ],
)
def test_industry_names(raw: str, expected: str) -> None:
    assert rules.norm_industry(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"), [("b", "B"), ("Ａ", "A"), ("Bプラン", "B"), ("A", "A")]
)
def test_plan_names(raw: str, expected: str) -> None:
    assert rules.norm_plan(raw) == expected


@pytest.mark.parametrize(
    "key",
    [
        "password",
        "Password",
        "passwd",
        "pass",
        "pwd",
        "login_id",
        "temp_login_id",
        "loginID",
        "仮ログインID",
        "パスワード",
        "secret",
        "api_token",
        "client-secret",
        "暗証番号",
    ],
)
def test_credential_keys(key: str) -> None:
    assert text_checks.is_credential_key(key)


@pytest.mark.parametrize(
    "key",
    [
        "applicant",
        "company_name",
        "email",
        "phone",
        "postal_code",
        "registered_code",
        "single_sign_on",
        "processing",
        "remarks",
        "passage",
        "compass",
    ],
)
def test_ordinary_keys_are_not_credentials(key: str) -> None:
    assert not text_checks.is_credential_key(key)
