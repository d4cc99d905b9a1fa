"""The form pages where the applicant says who they are: the phase-1 application, the login,
the contact person, the company and office, and the user codes (before the contract pages).

Written from the flow description; names are the flow's posted names (``flow.py``).
"""

from __future__ import annotations

from ..flow import PREF_OPTIONS, PROCESSING
from .model_types import INDUSTRY_OPTIONS, FormPage, Row, Section
from .model_types import text_row as _t


def _name_rows(prefix: str, kana_sfx: str, required: bool = True) -> tuple[Row, ...]:
    """氏名 (姓 / 名) and 氏名(フリガナ) (セイ / メイ): two split rows."""

    def split(label: str, names: tuple[str, str], parts: tuple[str, str], hint: str) -> Row:
        return Row(
            label, "split", names, parts=parts, required=required, hint=hint, maxlength=20, size=14
        )

    return (
        split("氏名", (f"{prefix}Sei", f"{prefix}Mei"), ("姓", "名"), "全角"),
        split(
            "氏名(フリガナ)",
            (f"{prefix}Sei{kana_sfx}", f"{prefix}Mei{kana_sfx}"),
            ("セイ", "メイ"),
            "全角カタカナ",
        ),
    )


# 企業名 as both temp-apply and apply-office ask it
_COMPANY_NAME = _t(
    "企業名", "txtKgyMei", 60, required=True, hint="全角", example="ナックス商事株式会社", size=50
)

TEMP_APPLY = FormPage(
    "申込担当者の情報",
    "申込担当者の情報を入力してください。ここで入力されたメールアドレスに、仮ログインIDとパスワードをお送りします。",
    (
        Section(
            None,
            (
                _COMPANY_NAME,
                _t("部署名", "txtBusyoMei", 40, hint="全角", example="業務部", size=40),
                *_name_rows("txtTnt", "Kana"),
                _t(
                    "電話番号",
                    "txtTelNo",
                    13,
                    required=True,
                    hint="半角数字・ハイフン",
                    example="03-1234-5678",
                    size=16,
                ),
                _t("メールアドレス", "txtMailAddr", 80, required=True, hint="半角", size=50),
                _t(
                    "メールアドレス(確認用)",
                    "txtMailAddrKakunin",
                    80,
                    required=True,
                    hint="半角",
                    size=50,
                ),
            ),
        ),
    ),
    ("申込内容確認へ進む", "戻る"),
    (
        "企業名には株式会社等の法人格を含めて入力してください。",
        "仮ログインIDとパスワードは入力されたメールアドレスに送付されます。",
    ),
)

LOGIN = FormPage(
    "NSS ログイン",
    "ログインIDとパスワードを入力し、「{ログイン}」ボタンを押してください。",
    (
        Section(
            None,
            (
                _t("ログインID", "txtLoginId", 20, size=20),
                Row(
                    "パスワード",
                    "password",
                    ("pwdPassword",),
                    maxlength=32,
                    size=20,
                    keep_value=False,
                ),
            ),
        ),
    ),
    ("ログイン",),
)

APPLY_TANTO = FormPage(
    "申込担当入力",
    "申込担当者と利用契約に関する情報を入力し、「{次へ}」ボタンを押してください。",
    (
        Section(
            "申込担当者に関する項目",
            (
                *_name_rows("txtMsk", "Kn"),
                _t("部署名", "txtMskBusyo", 40, hint="全角", size=40),
                _t("電話番号", "txtMskTel", 13, required=True, hint="半角数字・ハイフン", size=16),
                _t("メールアドレス", "txtMskMail", 80, required=True, hint="半角", size=50),
            ),
        ),
        Section(
            "利用契約に関する項目",
            (
                Row(
                    "申込理由",
                    "textarea",
                    ("txaRiyu",),
                    required=True,
                    hint="全角200文字以内",
                    maxlength=200,
                    size=60,
                ),
                Row(
                    "利用開始希望日",
                    "date",
                    ("selKaishiY", "selKaishiM", "selKaishiD"),
                    required=True,
                ),
            ),
        ),
    ),
    ("次へ",),
    (
        "申込担当者の情報は仮ログイン申込時の内容が表示されています。変更がある場合は修正してください。",
        "利用開始希望日は余裕をもって選択してください。",
    ),
)

APPLY_OFFICE = FormPage(
    "事業所・企業入力",
    "企業及び事業所の情報を入力し、利用するシステムのボタンを押してください。",
    (
        Section(
            "企業に関する項目",
            (
                _COMPANY_NAME,
                _t(
                    "企業名(フリガナ)",
                    "txtKgyMeiKn",
                    60,
                    required=True,
                    hint="全角カタカナ",
                    example="ナックスショウジ",
                    size=50,
                ),
                _t("法人番号", "txtHojinNo", 13, hint="半角数字13桁", size=16),
                _t(
                    "代表者役職",
                    "txtDaihyoYakusyoku",
                    20,
                    required=True,
                    example="代表取締役",
                    size=24,
                ),
                _t("代表者氏名", "txtDaihyoSimei", 40, required=True, size=30),
                _t(
                    "郵便番号",
                    "txtKgyYubin",
                    7,
                    required=True,
                    hint="半角数字7桁",
                    example="1234567",
                    size=9,
                    zip_for=("selKgyTodofuken", "txtKgyJusyo1"),
                ),
                Row(
                    "住所(都道府県)",
                    "select",
                    ("selKgyTodofuken",),
                    options=PREF_OPTIONS,
                    required=True,
                ),
                _t(
                    "住所(市区町村・番地)", "txtKgyJusyo1", 100, required=True, hint="全角", size=60
                ),
                _t("住所(建物名等)", "txtKgyJusyo2", 100, hint="全角", size=60),
                _t("電話番号", "txtKgyTel", 13, required=True, size=16),
            ),
        ),
        Section(
            "事業所に関する項目",
            (
                _t(
                    "事業所名",
                    "txtJgsMei",
                    60,
                    required=True,
                    hint="全角",
                    example="品川事務所",
                    size=50,
                ),
                _t(
                    "事業所名(フリガナ)",
                    "txtJgsMeiKn",
                    60,
                    required=True,
                    hint="全角カタカナ",
                    size=50,
                ),
                Row(
                    "事業所所在地",
                    "radio",
                    ("rdoJgsSyozaichi",),
                    options=(("1", "企業に同じ"), ("2", "その他")),
                    default="1",
                ),
            ),
        ),
        Section(
            "システム管理責任者に関する項目",
            (
                _t("氏名", "txtKanriSimei", 40, required=True, size=30),
                _t("電話番号", "txtKanriTel", 13, required=True, size=16),
                _t("メールアドレス", "txtKanriMail", 80, required=True, size=50),
            ),
        ),
    ),
    ("一般NACCSを利用する", "netNACCSのみを利用する", "戻る"),
    (
        "郵便番号を入力して「{反映}」ボタンを押すと住所が表示されます。",
        "事業所ごとに申込を行ってください。",
        "netNACCSを利用中の方も、サイバーポート用の申込は一般NACCSとして行ってください。",
    ),
)

APPLY_USERCODE = FormPage(
    "利用者コード情報の設定",
    "",  # written by the page (depends on the choice made)
    (
        Section(
            None,
            (
                _t(
                    "利用者コード",
                    "txtRiyosyaCd",
                    5,
                    required=True,
                    hint="半角英大文字・数字5桁",
                    example="ABCDE",
                    size=8,
                ),
                Row(
                    "シングルサインオン",
                    "check",
                    ("chkSso",),
                    options=(("1", "シングルサインオンを利用する"),),
                    keep_value=False,
                ),
                Row("業種", "select", ("selGyoshu",), options=INDUSTRY_OPTIONS, keep_value=False),
                Row("処理方式", "select", ("selHoshiki",), options=PROCESSING, keep_value=False),
                Row(
                    "識別番号数",
                    "text",
                    ("txtSikibetuSu",),
                    hint="半角数字",
                    maxlength=3,
                    size=4,
                    keep_value=False,
                ),
            ),
        ),
    ),
    ("この内容を設定する", "戻る"),
    (
        "識別番号数は原則1です。通関士の場合は通関士の人数分を入力してください。",
        "通関士はシングルサインオンを利用できません。",
    ),
    extra_names=("hdnGyoshu", "hdnHoshiki", "hdnSikibetuSu", "hdnSso"),
)
