"""The form pages of what is contracted: line and terminals, mailboxes, the fee plan, billing,
the remarks of the confirmation page, and the survey page that may come in between.

Written from the flow description; names are the flow's posted names (``flow.py``).
"""

from __future__ import annotations

from ..flow import PREF_OPTIONS
from .model_types import FormPage, Group, Options, Row, Section
from .model_types import text_row as _t

SELECT_LINE: Options = (("1", "インターネット回線"), ("2", "IP-VPN"))


def _code_group(prefix: str, label: str, with_examples: bool) -> Group:
    return Group(
        label,
        (
            Row(
                "コード",
                "split",
                (f"txt{prefix}SeikyuCd", f"txt{prefix}JgsCd"),
                parts=("登録請求先コード", "事業所コード"),
                hint="半角数字7桁",
                maxlength=7,
                size=9,
            ),
            _t(
                "企業名",
                f"txt{prefix}KgyMei",
                60,
                hint="全角",
                example="ナックス商事株式会社" if with_examples else "",
                size=50,
            ),
            _t(
                "事業所名",
                f"txt{prefix}JgsMei",
                60,
                hint="全角",
                example="品川事務所" if with_examples else "",
                size=50,
            ),
        ),
        enabled_by=("rdoIkkatsu" if prefix == "Ikk" else "rdoKozaFurikae", "1"),
    )


APPLY_TERMINAL = FormPage(
    "回線・論理端末入力",
    "回線及び論理端末に関する情報を入力し、「{次へ}」ボタンを押してください。",
    (
        Section(
            "回線・論理端末に関する項目",
            (
                Row(
                    "機器共用等",
                    "check",
                    ("chkKikiKyoyo",),
                    options=(
                        (
                            "1",
                            "機器共用・共同利用、回線付替を別途申込、または自社システムを利用します。",
                        ),
                    ),
                ),
            ),
        ),
        Section(
            None,
            (
                Row(
                    "回線種別",
                    "select",
                    ("selKaisenSyubetu",),
                    options=SELECT_LINE,
                    after="(上欄をチェックした場合は入力不要)",
                ),
                _t(
                    "論理端末数",
                    "txtRonriSu",
                    3,
                    size=4,
                    after="(上欄をチェックした場合は入力不要)",
                ),
            ),
            disabled_by_check="chkKikiKyoyo",
        ),
    ),
    ("戻る", "次へ"),
    ("サイバーポートを利用する場合は、機器共用等のチェックボックスをチェックしてください。",),
)

APPLY_MAILBOX = FormPage(
    "メールボックス入力",
    "メールボックスに関する情報を入力し、「{次へ}」ボタンを押してください。",
    (
        Section(
            None,
            (
                Row(
                    "メールボックス数",
                    "text",
                    ("txtMbxSu",),
                    hint="半角数字",
                    maxlength=2,
                    size=4,
                    default="1",
                ),
                Row("メールボックス容量", "static", value_text="標準"),
            ),
        ),
    ),
    ("戻る", "次へ"),
)

APPLY_PLAN = FormPage(
    "料金入力",
    "料金プラン等を選択し、「{次へ}」ボタンを押してください。",
    (
        Section(
            "一般NACCS",
            (
                Row(
                    "希望する料金プラン",
                    "radio",
                    ("rdoRyokinPlan",),
                    options=(("A", "Aプラン"), ("B", "Bプラン")),
                    default="A",
                    required=True,
                ),
                Row(
                    "管理統計資料(有料分)",
                    "radio",
                    ("rdoTokeiSiryo",),
                    options=(("1", "要"), ("0", "不要")),
                    default="0",
                ),
                Row(
                    "保税管理資料保存サービス",
                    "radio",
                    ("rdoHozeiSiryo",),
                    options=(("1", "要"), ("0", "不要")),
                    default="0",
                ),
            ),
        ),
    ),
    ("戻る", "次へ"),
    (
        "Aプラン：月額基本料金＋従量料金（単価が低い）",
        "Bプラン：従量料金のみ",
        "管理統計資料(有料分)、保税管理資料保存サービスは利用者コードごとに月額1,000円です。",
    ),
)

APPLY_BILLING = FormPage(
    "請求先入力",
    "請求先に関する情報を入力してください。入力完了後に、「申込内容確認へ進む」ボタンをクリックしてください。",
    (
        Section(
            "一括請求に関する項目",
            (
                Row(
                    "一括請求",
                    "radio",
                    ("rdoIkkatsu",),
                    options=(("0", "希望しない"), ("1", "希望する(下欄に入力してください)")),
                    default="0",
                ),
                _code_group("Ikk", "一括請求先", True),
            ),
            intro="既に利用中のNACCSの請求先に本事業所の請求を合算する場合は、「希望する」を選択して一括請求先の情報を入力してください。",
        ),
        Section(
            "請求先所在地に関する項目",
            (
                Row(
                    "所在地",
                    "radio",
                    ("rdoSeikyuSyozai",),
                    options=(("1", "事業所に同じ"), ("2", "その他(下欄に入力してください)")),
                    default="1",
                ),
                Group(
                    "",
                    (
                        _t(
                            "郵便番号",
                            "txtSkyYubin",
                            7,
                            hint="半角数字7桁",
                            example="1234567",
                            size=9,
                            zip_for=("selSkyTodofuken", "txtSkyJusyo1"),
                        ),
                        Row("住所(都道府県)", "select", ("selSkyTodofuken",), options=PREF_OPTIONS),
                        _t("住所(市区町村・番地)", "txtSkyJusyo1", 100, hint="全角", size=60),
                        _t("住所(建物名等)", "txtSkyJusyo2", 100, hint="全角", size=60),
                    ),
                    enabled_by=("rdoSeikyuSyozai", "2"),
                ),
            ),
            intro="利用料金の請求先所在地の情報を入力してください。",
        ),
        Section(
            "同一口座振替の利用",
            (
                Row(
                    "同一口座振替",
                    "radio",
                    ("rdoKozaFurikae",),
                    options=(
                        ("0", "希望しない(請求書を送付します)"),
                        ("1", "同一口座振替を希望する(同一口座振替先を入力してください)"),
                    ),
                    default="0",
                ),
                _code_group("Kfr", "同一口座振替先", False),
            ),
        ),
    ),
    ("戻る", "申込内容確認へ進む"),
    (
        "一括請求先の請求書又は利用承諾書を確認のうえ、どちらか一方のコードを入力してください。",
        "法人の場合は、法人格も含めて入力してください。",
        "「-」(ハイフン)を入力せずに数字のみ入力してください。",
        "郵便番号を入力し「{反映}」ボタンをクリックすると、住所が出力されます。",
    ),
)

APPLY_CONFIRM_FORM = Section(
    "備考の項目",
    (Row("備考", "textarea", ("txaBiko",), hint="全角400文字以内", maxlength=400, size=60),),
)

UNKNOWN = FormPage(
    "アンケートのお願い",
    "NACCSサポートシステムの改善のため、アンケートにご協力ください。回答は任意です。",
    (
        Section(
            None,
            (
                Row(
                    "NSSを何で知りましたか",
                    "radio",
                    ("rdoQ1",),
                    options=(("1", "NACCS掲示板"), ("2", "取引先からの案内"), ("3", "その他")),
                ),
                Row("ご意見・ご要望", "textarea", ("txaQ2",), size=50),
            ),
        ),
    ),
    ("回答する", "回答しない"),
)
