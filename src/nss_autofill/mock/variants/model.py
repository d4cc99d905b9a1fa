"""What each form page of the flow asks, independent of markup: sections, rows, controls.

Written from the flow description (labels, controls, rules, buttons); the names are the
flow's own posted names (``flow.py``), the captions the flow's captions before any
perturbation. The renderer (``render.py``) draws a markup for each; ``naming.py`` gives every
name and option value its posted form in a variant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..flow import INDUSTRIES, PREF_OPTIONS, PROCESSING

Options = tuple[tuple[str, str], ...]  # (flow value, caption)

SELECT_LINE: Options = (("1", "インターネット回線"), ("2", "IP-VPN"))
INDUSTRY_OPTIONS: Options = tuple((v, c) for v, c, _ in INDUSTRIES)
SSO_INDUSTRIES = frozenset(v for v, _, sso in INDUSTRIES if sso)


@dataclass(frozen=True)
class Row:
    """One thing a person fills: a label and its control(s)."""

    label: str
    kind: str  # text password textarea select radio check split date static
    names: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # captions of a split field's parts (姓 / 名)
    options: Options = ()
    default: str = ""  # default value (radio: the value checked when nothing is stored)
    required: bool = False
    hint: str = ""  # e.g. 全角, 半角数字7桁
    example: str = ""  # e.g. ナックス商事株式会社
    maxlength: int = 0
    size: int = 30
    zip_for: tuple[str, str] | None = None  # a 反映 button filling (prefecture, city)
    after: str = ""  # a note after the control (e.g. 上欄をチェックした場合は入力不要)
    value_text: str = ""  # kind static: the text shown
    keep_value: bool = True  # False: the control starts empty on every visit

    @property
    def name(self) -> str:
        return self.names[0] if self.names else ""


@dataclass(frozen=True)
class Group:
    """Rows under one group label that spans them (一括請求先 › コード / 企業名 / 事業所名)."""

    label: str
    rows: tuple[Row, ...]
    enabled_by: tuple[str, str] | None = None  # (radio name, value) that enables the rows


@dataclass(frozen=True)
class Section:
    heading: str | None
    items: tuple[Row | Group, ...]
    intro: str = ""
    enabled_by: tuple[str, str] | None = None
    disabled_by_check: str | None = None  # a checkbox whose tick makes these rows unneeded


@dataclass(frozen=True)
class FormPage:
    heading: str
    intro: str
    sections: tuple[Section, ...]
    buttons: tuple[str, ...]  # captions of the buttons that post, in page order
    notes: tuple[str, ...] = ()
    extra_names: tuple[str, ...] = field(default=())  # posted by scripts (row hidden inputs)


def _t(label: str, name: str, maxlength: int, **kw: object) -> Row:
    return Row(label, "text", (name,), maxlength=maxlength, **kw)  # type: ignore[arg-type]


def _name_rows(prefix: str, kana_sfx: str, required: bool = True) -> tuple[Row, ...]:
    return (
        Row(
            "氏名",
            "split",
            (f"{prefix}Sei", f"{prefix}Mei"),
            parts=("姓", "名"),
            required=required,
            hint="全角",
            maxlength=20,
            size=14,
        ),
        Row(
            "氏名(フリガナ)",
            "split",
            (f"{prefix}Sei{kana_sfx}", f"{prefix}Mei{kana_sfx}"),
            parts=("セイ", "メイ"),
            required=required,
            hint="全角カタカナ",
            maxlength=20,
            size=14,
        ),
    )


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


TEMP_APPLY = FormPage(
    "申込担当者の情報",
    "申込担当者の情報を入力してください。ここで入力されたメールアドレスに、仮ログインIDとパスワードをお送りします。",
    (
        Section(
            None,
            (
                _t(
                    "企業名",
                    "txtKgyMei",
                    60,
                    required=True,
                    hint="全角",
                    example="ナックス商事株式会社",
                    size=50,
                ),
                _t("部署名", "txtBusyoMei", 40, hint="全角", example="業務部", size=40),
                Row(
                    "氏名",
                    "split",
                    ("txtTntSei", "txtTntMei"),
                    parts=("姓", "名"),
                    required=True,
                    hint="全角",
                    maxlength=20,
                    size=14,
                ),
                Row(
                    "氏名(フリガナ)",
                    "split",
                    ("txtTntSeiKana", "txtTntMeiKana"),
                    parts=("セイ", "メイ"),
                    required=True,
                    hint="全角カタカナ",
                    maxlength=20,
                    size=14,
                ),
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
                _t(
                    "企業名",
                    "txtKgyMei",
                    60,
                    required=True,
                    hint="全角",
                    example="ナックス商事株式会社",
                    size=50,
                ),
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

FORM_PAGES: dict[str, FormPage] = {
    "temp-apply": TEMP_APPLY,
    "login": LOGIN,
    "apply-tanto": APPLY_TANTO,
    "apply-office": APPLY_OFFICE,
    "apply-usercode": APPLY_USERCODE,
    "apply-terminal": APPLY_TERMINAL,
    "apply-mailbox": APPLY_MAILBOX,
    "apply-plan": APPLY_PLAN,
    "apply-billing": APPLY_BILLING,
    "unknown": UNKNOWN,
}

# Buttons that post, for the pages that are not FormPages.
OTHER_BUTTONS: dict[str, tuple[str, ...]] = {
    "terms": ("システム利用規定に同意する",),
    "temp-confirm": ("申込内容を登録する",),
    "apply-usercode-choice": (
        "新しい利用者コードを取得する",
        "他事業所の利用者コードを共用する",
        "戻る",
        "次へ",
    ),
    "apply-confirm": ("申込内容を登録する",),
}


def rows_of(items: tuple[Row | Group, ...]) -> list[Row]:
    out: list[Row] = []
    for it in items:
        out.extend(it.rows if isinstance(it, Group) else (it,))
    return out


def page_rows(page_id: str) -> list[Row]:
    """Every row of a page (sections and groups flattened)."""
    if page_id == "apply-confirm":
        return rows_of(APPLY_CONFIRM_FORM.items)
    fp = FORM_PAGES.get(page_id)
    if fp is None:
        return []
    out: list[Row] = []
    for s in fp.sections:
        out.extend(rows_of(s.items))
    return out


def page_buttons(page_id: str) -> tuple[str, ...]:
    fp = FORM_PAGES.get(page_id)
    return fp.buttons if fp else OTHER_BUTTONS.get(page_id, ())


_YEARS_SPAN = 6  # years offered in the start-date select (from this year on)


def value_domain(page_id: str, name: str) -> tuple[str, ...] | None:
    """The flow values a coded control of ``page_id`` can post, or None for free text."""
    for r in page_rows(page_id):
        if name in r.names and r.kind in ("radio", "select", "check"):
            return tuple(v for v, _ in r.options)
    if name == "hdnGyoshu":
        return tuple(v for v, _ in INDUSTRY_OPTIONS)
    if name == "hdnHoshiki":
        return tuple(v for v, _ in PROCESSING)
    if name == "hdnSso":
        return ("1", "0")
    if name == "selKaishiM":
        return tuple(f"{i:02d}" for i in range(1, 13))
    if name == "selKaishiD":
        return tuple(f"{i:02d}" for i in range(1, 32))
    return None


def page_names(page_id: str) -> list[str]:
    names = [n for r in page_rows(page_id) for n in r.names]
    fp = FORM_PAGES.get(page_id)
    if fp:
        names.extend(fp.extra_names)
    return names
