"""The profile value rules (``profile/values.py``), the text checks (``profile/text_checks.py``)
and the width/kana rules (``normalize.py``), one case per rule and boundary, with the exact
message of every refusal in both languages.

Written against the mutants that survived the older tests (docs/mutation.md). No browser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from pydantic_core import PydanticCustomError

from nss_autofill.i18n import Msg
from nss_autofill.normalize import (
    compare_key,
    cp932_problems,
    digits_only,
    is_katakana_text,
    normalise,
    phone_number,
    strip_decoration,
    to_hankaku,
    to_katakana,
    to_zenkaku,
)
from nss_autofill.profile import text_checks as t
from nss_autofill.profile import values as v
from nss_autofill.profile.industries import INDUSTRIES, industry_group, is_customs_broker

pytestmark = pytest.mark.nobrowser


def _refusal(fn: Callable[..., Any], *args: Any) -> tuple[str, str]:
    with pytest.raises(PydanticCustomError) as info:
        fn(*args)
    err = info.value
    assert err.type == "nss"
    assert str(err) == err.context["en"]  # type: ignore[index]
    ctx = err.context or {}
    return ctx["ja"], ctx["en"]


# --------------------------------------------------------------------------- text, require


def test_text_values() -> None:
    assert v.norm_plain("  x ") == "x"
    assert v.norm_plain(5) == "5"
    assert _refusal(v.norm_plain, None) == ("値が空です", "no value given")
    for bad in (True, 1.5, [1], {"a": 1}):
        assert _refusal(v.norm_plain, bad) == ("文字列で書いてください", "must be text")
    assert v.require("x") == "x"
    assert _refusal(v.require, "") == ("空にはできません", "must not be empty")


def test_zenkaku_folds_spaces_into_one_full_width_space() -> None:
    assert v.norm_zenkaku("山田  太郎") == "山田\u3000太郎"
    assert v.norm_zenkaku(" 港\t\u3000 一郎 ") == "港\u3000一郎"
    assert v.norm_zenkaku("CP利用者 1") == "ＣＰ利用者\u3000１"
    assert v.norm_zenkaku("ﾅｯｸｽ") == "ナックス"


def test_kana() -> None:
    assert v.norm_kana("やまだ ﾀﾛｳ") == "ヤマダ\u3000タロウ"
    assert v.norm_kana("ヴァヵヶ・ー") == "ヴァヵヶ・ー"
    assert _refusal(v.norm_kana, "ヤマダ1") == (
        "フリガナに使えない文字「1」(4文字目) があります。カタカナかひらがなで書いてください",
        "'1' (character 4) cannot appear in a フリガナ; write katakana or hiragana",
    )
    ja, en = _refusal(v.norm_kana, "ヤマ田")
    assert "「田」(3文字目)" in ja and "'田' (character 3)" in en
    ja, en = _refusal(v.norm_kana, "ヤ1マ1")  # the first place it is written
    assert "「1」(2文字目)" in ja and "'1' (character 2)" in en
    # ｡ becomes 。 on the way to katakana: the position is read in the converted text
    ja, en = _refusal(v.norm_kana, "ﾔ｡ﾏ｡")
    assert "「。」(2文字目)" in ja and "'。' (character 2)" in en


# --------------------------------------------------------------------------- phone, postal, mail


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("03-1234-5678", "03-1234-5678"),
        ("０３－１２３４－５６７８", "03-1234-5678"),
        ("03(1234)5678", "03-1234-5678"),
        ("0312345678", "0312345678"),  # 10 digits
        ("090-1234-5678", "090-1234-5678"),  # 11 digits
        (" 03 1234 5678 ", "0312345678"),
    ],
)
def test_phone(raw: str, out: str) -> None:
    assert v.norm_phone(raw) == out


_HYPHEN = ("ハイフンの位置が正しくありません", "misplaced hyphen in the phone number")


@pytest.mark.parametrize(
    ("raw", "ja", "en"),
    [
        ("03-1234-567a", "電話番号に使えない文字「a」があります (数字とハイフンのみ)",
         "'a' cannot appear in a phone number (digits and hyphens only)"),
        ("03-1234-567X", "電話番号に使えない文字「X」があります (数字とハイフンのみ)",
         "'X' cannot appear in a phone number (digits and hyphens only)"),
        ("03-123-4567", "電話番号の数字が 9 桁です (10桁か11桁)",
         "a phone number has 10 or 11 digits, this one 9"),
        ("090-1234-56789", "電話番号の数字が 12 桁です (10桁か11桁)",
         "a phone number has 10 or 11 digits, this one 12"),
        ("-03-1234-5678", *_HYPHEN),
        ("03-1234-5678-", *_HYPHEN),
        ("03--1234-5678", *_HYPHEN),
    ],
)  # fmt: skip
def test_phone_refusals(raw: str, ja: str, en: str) -> None:
    assert _refusal(v.norm_phone, raw) == (ja, en)


def test_postal() -> None:
    assert v.norm_postal("１０５－０００１") == "1050001"
    assert v.norm_postal(" 105 0001 ") == "1050001"
    assert _refusal(v.norm_postal, "105-001") == (
        "郵便番号は7桁の数字です (「105001」)",
        "a postal code is 7 digits (got '105001')",
    )
    assert _refusal(v.norm_postal, "1050-0001")[1] == "a postal code is 7 digits (got '10500001')"


@pytest.mark.parametrize(
    "good", ["a@b.jp", "ＹＡＭＡＤＡ＠example.co.jp", "a+tag@b-c.example", "a.b@c.d.e"]
)
def test_email(good: str) -> None:
    assert v.norm_email(good) == to_hankaku(good)


@pytest.mark.parametrize("bad", ["a@b", "a.@b.jp", "a@-b.jp", "a@b-.jp", "a b@c.jp", "@b.jp"])
def test_email_refusals(bad: str) -> None:
    assert _refusal(v.norm_email, bad) == (
        f"メールアドレスの形式が正しくありません (「{bad}」)",
        f"not a valid e-mail address: '{bad}'",
    )


# --------------------------------------------------------------------------- numbers and codes


@pytest.mark.parametrize(
    ("base12", "digit"),
    [("000012050002", 7), ("010001000014", 1), ("120001000005", 8), ("000000000000", 9)],
)
def test_corporate_number_check_digit(base12: str, digit: int) -> None:
    assert v.corporate_number_check_digit(base12) == digit


def test_corporate_number() -> None:
    assert v.norm_corporate_number(None) is None
    assert v.norm_corporate_number("") is None
    assert v.norm_corporate_number("  ") is None
    assert v.norm_corporate_number("7000012050002") == "7000012050002"
    assert v.norm_corporate_number("７０００－０１２０－５０００２") == "7000012050002"
    assert v.norm_corporate_number("9000000000000") == "9000000000000"
    assert _refusal(v.norm_corporate_number, "70000120500a2") == (
        "法人番号は数字13桁です (「a」は使えません)",
        "a corporate number (法人番号) is 13 digits; 'a' is not a digit",
    )
    assert _refusal(v.norm_corporate_number, "700001205000") == (
        "法人番号は13桁の数字です (「700001205000」は12桁)",
        "a corporate number (法人番号) is 13 digits, '700001205000' has 12",
    )
    assert _refusal(v.norm_corporate_number, "1000012050002") == (
        "法人番号 1000012050002 のチェックデジット (先頭の数字) が合いません。番号をご確認ください",
        "corporate number 1000012050002: the check digit (first digit) does not match; "
        "check the number",
    )


def test_user_code() -> None:
    assert v.norm_user_code("abcde") == "ABCDE"
    assert v.norm_user_code("ＡＢ１２ｃ") == "AB12C"
    for bad in ("ABCD", "ABCDEF", "AB-CD"):
        assert _refusal(v.norm_user_code, bad) == (
            f"利用者コードは半角英大文字・数字5文字です (「{bad}」)",
            f"a 利用者コード is 5 letters or digits (got '{bad}')",
        )


def test_billing_code() -> None:
    assert v.norm_billing_code(None) is None
    assert v.norm_billing_code("１２３４５６７") == "1234567"
    assert v.norm_billing_code("123-4567") == "1234567"
    assert _refusal(v.norm_billing_code, "123456") == (
        "コードは半角数字7桁です (「123456」)",
        "the code is 7 digits (got '123456')",
    )


def test_count() -> None:
    assert v.norm_count(1) == 1
    assert v.norm_count("３") == 3
    assert v.norm_count(" 12 ") == 12
    whole = ("識別番号数は1以上の整数です", "the count is a whole number, 1 or more")
    for bad in (True, False, 1.5, None, "a", "", "1.5"):
        assert _refusal(v.norm_count, bad) == whole, bad
    at_least = (
        "識別番号数は1以上です (通関士は通関士1人につき1つ)",
        "the count is at least 1 (通関士: one per customs broker)",
    )
    for bad in (0, -1, "0", "０"):
        assert _refusal(v.norm_count, bad) == at_least, bad


def test_plan_and_version() -> None:
    assert [v.norm_plan(x) for x in ("a", "Ｂプラン", " Aプラン ", "b プラン")] == [
        "A",
        "B",
        "A",
        "B",
    ]
    for bad in ("C", "AB", "プラン"):
        assert _refusal(v.norm_plan, bad) == ("料金プランは A か B です", "the plan is A or B")
    assert v.norm_version(1) == 1
    for bad in (True, 2, "1", 0):
        assert _refusal(v.norm_version, bad) == (
            "version は 1 です (このツールが読める形式)",
            "version must be 1 (the format this tool reads)",
        )


def test_remarks() -> None:
    assert v.norm_remarks(None) == ""
    assert v.norm_remarks(" 備考 \n") == "備考"
    assert v.norm_remarks(12) == "12"
    for bad in (True, [1], 1.5):
        assert _refusal(v.norm_remarks, bad) == ("文字列で書いてください", "must be text")


# --------------------------------------------------------------------------- names from lists


def test_industry() -> None:
    assert v.norm_industry("海貨業") == "海貨業"
    assert v.norm_industry(" ＮＶＯＣＣ ") == "NVOCC"
    every_ja, every_en = "、".join(INDUSTRIES), ", ".join(INDUSTRIES)
    assert _refusal(v.norm_industry, "海貨") == (
        f"業種「海貨」はありません。「海貨業」のことですか? 業種は次のいずれかです: {every_ja}",
        f"unknown 業種 '海貨'; did you mean '海貨業'? choose one of: {every_en}",
    )
    assert _refusal(v.norm_industry, "海貨AB") == (  # close enough (difflib ratio 0.57)
        f"業種「海貨AB」はありません。「海貨業」のことですか? 業種は次のいずれかです: {every_ja}",
        f"unknown 業種 '海貨AB'; did you mean '海貨業'? choose one of: {every_en}",
    )
    assert _refusal(v.norm_industry, "xyz") == (
        f"業種「xyz」はありません。業種は次のいずれかです: {every_ja}",
        f"unknown 業種 'xyz'; choose one of: {every_en}",
    )


def test_industry_groups() -> None:
    assert industry_group("海貨業") == INDUSTRIES["海貨業"].group
    assert industry_group("通関士") == "Ⅰ"
    assert industry_group("ｘｙｚ") is None
    assert industry_group(None) is None
    assert is_customs_broker("通関士")
    assert not is_customs_broker("通関業")
    assert not is_customs_broker(None)


def test_prefecture() -> None:
    assert len(v.PREFECTURES) == len(set(v.PREFECTURES)) == 47
    assert (v.PREFECTURES[0], v.PREFECTURES[12], v.PREFECTURES[-1]) == (
        "北海道",
        "東京都",
        "沖縄県",
    )
    assert v.norm_prefecture("東京都 ") == "東京都"
    assert v.norm_prefecture("東京") == "東京都"
    assert v.norm_prefecture("大阪") == "大阪府"
    assert v.norm_prefecture("神奈川") == "神奈川県"
    assert v.norm_prefecture("北海道") == "北海道"
    for bad in ("北海", "東京府", "Tokyo"):
        shown = to_zenkaku(bad)
        assert _refusal(v.norm_prefecture, bad) == (
            f"都道府県「{shown}」が正しくありません (例: 東京都、大阪府、神奈川県)",
            f"'{shown}' is not a prefecture (e.g. 東京都, 大阪府, 神奈川県)",
        )


# --------------------------------------------------------------------------- dates


def test_date() -> None:
    day = dt.date(2027, 4, 1)
    for raw in ("2027-04-01", "2027/4/1", "2027.4.1", "2027年4月1日", "２０２７－０４－０１"):
        assert v.norm_date(raw, None) == day, raw
    assert v.norm_date("2027-04-01", day) == day  # today itself is not the past
    assert _refusal(v.norm_date, "27-4-1", None) == (
        "日付は 2027-04-01 の形で書いてください (「27-4-1」)",
        "write the date as 2027-04-01 (got '27-4-1')",
    )
    assert _refusal(v.norm_date, "2027-02-30", None) == (
        "2027-02-30 という日付はありません",
        "2027-02-30 is not a real date",
    )
    assert _refusal(v.norm_date, "2027-04-01", dt.date(2027, 4, 2)) == (
        "利用開始希望日 2027-04-01 は過去の日付です (今日は 2027-04-02)",
        "the start date 2027-04-01 is in the past (today is 2027-04-02)",
    )


# --------------------------------------------------------------------------- whole documents


def test_walk() -> None:
    data = {"a": [1, {"b": 2}], 3: "x"}
    assert list(t.walk(data)) == [
        ((), data),
        (("a",), [1, {"b": 2}]),
        (("a", 0), 1),
        (("a", 1), {"b": 2}),
        (("a", 1, "b"), 2),
        (("3",), "x"),
    ]


@pytest.mark.parametrize(
    ("key", "secret"),
    [
        ("password", True), ("Pass-Word", True), ("pw", True), ("pwd", True), ("mypass", True),
        ("login_id", True), ("loginId", True), ("userid_pass", True), ("secret_key", True),
        ("api_key", True), ("token", True), ("credentials", True), ("仮ログインID", True),
        ("パスワード", True), ("暗証番号", True), ("ログインＩＤ", True),
        ("passport", False), ("company_name", False), ("postal_code", False), ("email", False),
        ("code", False), ("user_codes", False), ("phone", False),
    ],
)  # fmt: skip
def test_credential_keys(key: str, secret: bool) -> None:
    assert t.is_credential_key(key) is secret


def test_credential_message() -> None:
    assert t.credential_message() == Msg(
        "ログインIDやパスワードはプロファイルに書けません。環境変数 NSS_AUTOFILL_LOGIN_ID / "
        "NSS_AUTOFILL_PASSWORD を使うか、ブラウザで入力してください (この行を削除してください)",
        "login IDs and passwords do not belong in the profile; set NSS_AUTOFILL_LOGIN_ID / "
        "NSS_AUTOFILL_PASSWORD or type them in the browser (delete this line)",
    )
    assert t.CREDENTIAL_ENV == "NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD"


def test_characters_nss_cannot_take() -> None:
    assert t.cp932_message("𠮷", 3) == Msg(
        "文字「𠮷」(3文字目, U+20BB7) は NSS で使えません (Shift_JIS にない文字)。"
        "「吉」に置き換えてください",
        "'𠮷' (character 3, U+20BB7) is not in Shift_JIS (CP932), which NSS uses; write '吉' "
        "instead",
    )
    assert t.cp932_message("😀", 1) == Msg(
        "文字「😀」(1文字目, U+1F600) は NSS で使えません (Shift_JIS にない文字)。"
        "別の文字に置き換えるか削除してください",
        "'😀' (character 1, U+1F600) is not in Shift_JIS (CP932), which NSS uses; "
        "replace or remove it",
    )
    assert cp932_problems("a𠮷b😀") == [(2, "𠮷"), (4, "😀")]
    assert cp932_problems("ナックス①") == []


def test_machine_dependent_characters() -> None:
    # first bytes in CP932: ① 0x87, 纊 0xED, 髙 0xEE; 亜 0x88, 熙 0xEA, ∪ 0x81 are JIS X 0208
    assert t.machine_dependent("①亜纊熙髙∪ab") == [(1, "①"), (3, "纊"), (5, "髙")]
    assert t.machine_dependent("𠮷") == []  # not in CP932 at all: cp932_problems' case
    assert t.machine_dependent_message("①", 2) == Msg(
        "文字「①」(2文字目) は機種依存文字で、NSS で受け付けられない恐れがあります。"
        "「1」への置き換えをおすすめします",
        "'①' (character 2) is a vendor-specific character NSS may reject; consider '1'",
    )
    assert t.machine_dependent_message("㍉", 1) == Msg(
        "文字「㍉」(1文字目) は機種依存文字で、NSS で受け付けられない恐れがあります。"
        "別の文字への置き換えをおすすめします",
        "'㍉' (character 1) is a vendor-specific character NSS may reject; consider another "
        "character",
    )
    assert t.text_problems("𠮷①") == [
        ("error", t.cp932_message("𠮷", 1)),
        ("warning", t.machine_dependent_message("①", 2)),
    ]
    assert t.text_problems("山田") == []
    assert (t.REPLACEMENTS["⑳"], t.REPLACEMENTS["①"], t.REPLACEMENTS["㈱"]) == (
        "20",
        "1",
        "株式会社",
    )


# --------------------------------------------------------------------------- normalize.py


@pytest.mark.parametrize(
    ("text", "katakana"),
    [
        ("ァ", True),  # U+30A1, the first of the range
        ("ヺ", True),  # U+30FA, the last
        ("ヴヵヶ", True),  # U+30F4..30F6
        ("ヤマダ\u3000タロウ", True),
        ("ー・ヽヾ", True),
        ("", True),
        ("゠", False),  # U+30A0, just before the range
        ("ヿ", False),  # U+30FF, just after (・ U+30FB is the middle dot's neighbour)
        ("ヷ", True),  # U+30F7
        ("ぁ", False),  # hiragana
        ("ｱ", False),  # half-width
        ("ヤマダ タロウ", False),  # an ASCII space
        ("A", False),
    ],
)
def test_is_katakana_text(text: str, katakana: bool) -> None:
    assert is_katakana_text(text) is katakana


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("次へ ＞", "次へ"),
        ("→ 確認へ進む", "確認へ進む"),
        ("▶ 次へ", "次へ"),
        ("« 戻る", "戻る"),
        ("‹戻る›", "戻る"),
        ("＋次へ＋", "次へ"),
        ("次 へ", "次 へ"),
        ("(次へ)", "(次へ)"),
        ("→", "→"),
        ("  ", "  "),
        ("", ""),
    ],
)
def test_strip_decoration(text: str, out: str) -> None:
    assert strip_decoration(text) == out


def test_width_rules() -> None:
    assert digits_only("１０５－０００１") == "1050001"
    assert digits_only(" 105 0001 ") == "1050001"
    assert digits_only("105\u30000001") == "1050001"
    assert digits_only("105ー0001") == "1050001"
    assert digits_only("105–0001") == "1050001"
    assert phone_number("(03)1234-5678") == "03-1234-5678"
    assert phone_number("03（1234）5678") == "03-1234-5678"
    assert phone_number("03 1234 5678") == "0312345678"
    assert phone_number("03-(1234)-5678") == "03-1234-5678"  # runs of hyphens folded
    assert phone_number("03(1234-5678") == "03-1234-5678"  # one bracket is enough
    assert phone_number("03)1234-5678") == "03-1234-5678"
    assert phone_number("X(03)1234") == "X-03-1234"  # letters are left for the check to name
    assert phone_number("０３アイ") == "03アイ"  # katakana stays full-width
    assert digits_only("１２ア") == "12ア"
    assert digits_only("ＡＢ－１") == "AB1"
    assert to_hankaku(" ＡＢ\u3000ｃ ") == "AB c"
    assert to_zenkaku("a b") == "ａ\u3000ｂ"
    assert to_katakana(" やまだ  ﾀﾛｳ ") == "ヤマダ\u3000タロウ"
    assert compare_key("  a\u3000 b ") == "a b"
    assert compare_key("ＡＢ") == "AB"
    assert normalise("digits", "1-2") == "12"
    assert normalise("none", " x ") == " x "
    with pytest.raises(KeyError):
        normalise("rot13", "x")
