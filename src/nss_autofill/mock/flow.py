"""Page table and server-side validation of the mock NSS site.

The session state, the posted fields and the sample values are in ``state.py``; the names of
it that ``variants/`` and the tests take from here are handed on (``__all__``).

Everything here is the mock's own invention: the paths, input names and messages only imitate
an old Japanese web application. Nothing in nss-autofill may depend on them except the tests.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .state import (
    SAMPLE_TEMP,
    SUBMIT_HIDDEN,
    Fields,
    Session,
    first,
    sample_values,
    tanto_from_registration,
    today,
    usercode_rows,
)

__all__ = [
    "ARIA_STEP_PAGES",
    "ARIA_TAB_PAGES",
    "BY_ID",
    "BY_PATH",
    "INDUSTRIES",
    "PAGES",
    "POSTAL",
    "PREFECTURE_NAMES",
    "PREF_OPTIONS",
    "PROCESSING",
    "SAMPLE_TEMP",
    "STEPS",
    "SUBMIT_HIDDEN",
    "TABS",
    "Errors",
    "Fields",
    "PageDef",
    "caption",
    "industry_caption",
    "sample_values",
    "tanto_from_registration",
    "validate",
    "year_options",
]


@dataclass(frozen=True)
class PageDef:
    id: str
    path: str
    template: str
    phase: int  # 0 = anywhere, 1 = 仮ログイン, 2 = needs login
    step: int | None = None  # current item of the step bar
    tab: str | None = None  # current item of the tab bar
    charset: str = "utf-8"
    post_kind: str = "other"
    nss: bool = True  # False for the NACCS掲示板 pages (not subject to fault modes)


PAGES: tuple[PageDef, ...] = (
    PageDef("bbs-top", "/", "bbs-top.html", 0, nss=False),
    PageDef("bbs-nss", "/bbs/keiyaku/nss_login.html", "bbs-nss.html", 0, nss=False),
    PageDef("terms", "/nss/NSS0010.do", "terms.html", 1, step=1, post_kind="consent"),
    PageDef("temp-apply", "/nss/NSS0020.do", "temp-apply.html", 1, step=1, charset="Shift_JIS"),
    PageDef("temp-confirm", "/nss/NSS0030.do", "temp-confirm.html", 1, step=1, post_kind="final"),
    PageDef("temp-done", "/nss/NSS0040.do", "temp-done.html", 1, step=2),
    PageDef("login", "/nss/NSS1000.do", "login.html", 0),
    PageDef("apply-tanto", "/nss/NSS2010.do", "apply-tanto.html", 2, step=3, tab="申込担当"),
    PageDef(
        "apply-office",
        "/nss/NSS2020.do",
        "apply-office.html",
        2,
        step=3,
        tab="事業所・企業",
        charset="Shift_JIS",
    ),
    PageDef(
        "apply-usercode-choice", "/nss/NSS2030.do", "apply-usercode-choice.html", 2, 3, "利用者"
    ),
    PageDef("apply-usercode", "/nss/NSS2031.do", "apply-usercode.html", 2, step=3, tab="利用者"),
    PageDef("apply-terminal", "/nss/NSS2050.do", "apply-terminal.html", 2, 3, "回線・論理端末"),
    PageDef("apply-mailbox", "/nss/NSS2060.do", "apply-mailbox.html", 2, 3, "メールボックス"),
    PageDef("apply-plan", "/nss/NSS2070.do", "apply-plan.html", 2, step=3, tab="料金"),
    PageDef("apply-billing", "/nss/NSS2080.do", "apply-billing.html", 2, step=3, tab="請求先"),
    PageDef("apply-confirm", "/nss/NSS2090.do", "apply-confirm.html", 2, step=3, post_kind="final"),
    PageDef("apply-done", "/nss/NSS2100.do", "apply-done.html", 2, step=4),
    PageDef("session-timeout", "/nss/NSS9001.do", "session-timeout.html", 0),
    PageDef("maintenance", "/nss/NSS9002.do", "maintenance.html", 0),
    PageDef("unknown", "/nss/NSS0500.do", "unknown.html", 0, step=3),
)
BY_ID: dict[str, PageDef] = {p.id: p for p in PAGES}
BY_PATH: dict[str, PageDef] = {p.path: p for p in PAGES}

STEPS = ("仮ログイン申込", "仮ログイン登録完了", "NACCS利用申込", "NACCS利用申込完了", "審査完了")
TABS = (
    "申込担当",
    "事業所・企業",
    "利用者",
    "論理端末・証明書",
    "回線・論理端末",
    "メールボックス",
    "料金",
    "請求先",
)
# Pages whose step/tab bars mark the current item with aria-current rather than a class.
ARIA_STEP_PAGES = frozenset({"apply-tanto", "apply-terminal", "apply-plan", "apply-confirm"})
ARIA_TAB_PAGES = frozenset({"apply-terminal", "apply-mailbox", "apply-plan", "apply-billing"})

_PREFECTURES = (
    "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 "
    "神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 "
    "大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 "
    "福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県"
)
PREFECTURE_NAMES: tuple[str, ...] = tuple(_PREFECTURES.split())
PREF_OPTIONS: tuple[tuple[str, str], ...] = tuple(
    (f"{i:02d}", name) for i, name in enumerate(PREFECTURE_NAMES, start=1)
)

# (value, caption, single sign-on allowed)
INDUSTRIES: tuple[tuple[str, str, bool], ...] = (
    ("G01", "通関業", True),
    ("G02", "混載業", True),
    ("G03", "機用品業", False),
    ("G04", "自社通関", False),
    ("G05", "航空会社", True),
    ("G06", "機長代行", False),
    ("G07", "海貨業", True),
    ("G08", "輸出入者", True),
    ("G09", "航空貨物代理店", True),
    ("G10", "NVOCC", True),
    ("G11", "輸出入者(外為法関連業務利用)", False),
    ("G12", "通関士", False),
    ("G21", "保税蔵置場", True),
    ("G22", "CY", True),
    ("G31", "船会社", False),
    ("G41", "船舶代理店", False),
    ("G51", "損害保険会社", False),
    ("G61", "汎用申請利用のみ", False),
    ("G71", "バンプール", False),
)
PROCESSING: tuple[tuple[str, str], ...] = (
    ("1", "NACCSパッケージソフト"),
    ("2", "SMTP双方向"),
    ("3", "メール処理方式"),
    ("4", "WebNACCS"),
    ("5", "netAPI"),
)

# A few real-looking postal codes for the 「反映」 buttons: code → (prefecture, city and block).
POSTAL: dict[str, tuple[str, str]] = {
    "1000005": ("東京都", "千代田区丸の内"),
    "1000011": ("東京都", "千代田区内幸町"),
    "1030027": ("東京都", "中央区日本橋"),
    "1040061": ("東京都", "中央区銀座"),
    "1050001": ("東京都", "港区虎ノ門"),
    "1050011": ("東京都", "港区芝公園"),
    "1080075": ("東京都", "港区港南"),
    "1350064": ("東京都", "江東区青海"),
    "1400002": ("東京都", "品川区東品川"),
    "1440041": ("東京都", "大田区羽田空港"),
    "2310002": ("神奈川県", "横浜市中区海岸通"),
    "2310023": ("神奈川県", "横浜市中区山下町"),
    "2200012": ("神奈川県", "横浜市西区みなとみらい"),
    "5300001": ("大阪府", "大阪市北区梅田"),
    "5410041": ("大阪府", "大阪市中央区北浜"),
    "5520021": ("大阪府", "大阪市港区築港"),
    "4500002": ("愛知県", "名古屋市中村区名駅"),
    "4550032": ("愛知県", "名古屋市港区入船"),
    "6500024": ("兵庫県", "神戸市中央区海岸通"),
    "6500042": ("兵庫県", "神戸市中央区波止場町"),
    "8120011": ("福岡県", "福岡市博多区博多駅前"),
}

KATAKANA_RE = re.compile(r"^[\u30a1-\u30fa\u30fc\u30fd\u30fe\u3000・ ]+$")
USER_CODE_RE = re.compile(r"^[A-Z0-9]{5}$")
DIGITS7_RE = re.compile(r"^[0-9]{7}$")
PHONE_RE = re.compile(r"^[0-9][0-9-]{0,12}$")
MAIL_RE = re.compile(r"^[!-~]+@[!-~]+\.[!-~]+$")


def year_options() -> list[str]:
    y = today().year
    return [str(y), str(y + 1), str(y + 2)]


# ---------------------------------------------------------------------------------- validation

Errors = dict[str, str]


def _bad_chars(value: str) -> bool:
    if "&#" in value:  # a character the page's encoding could not carry
        return True
    try:
        value.encode("cp932")
    except UnicodeEncodeError:
        return True
    return False


class _Check:
    def __init__(self, fields: Fields) -> None:
        self.f = fields
        self.errors: Errors = {}

    def get(self, name: str) -> str:
        return first(self.f, name).strip()

    def add(self, name: str, msg: str) -> None:
        self.errors.setdefault(name, msg)

    def required(self, name: str, label: str) -> bool:
        if not self.get(name):
            self.add(name, f"{label}を入力してください。")
            return False
        if _bad_chars(self.get(name)):
            self.add(name, f"{label}に使用できない文字が含まれています。")
            return False
        return True

    def optional(self, name: str, label: str) -> bool:
        if self.get(name) and _bad_chars(self.get(name)):
            self.add(name, f"{label}に使用できない文字が含まれています。")
            return False
        return bool(self.get(name))

    def maxlen(self, name: str, label: str, n: int) -> None:
        if len(self.get(name)) > n:
            self.add(name, f"{label}は{n}文字以内で入力してください。")

    def kana(self, name: str, label: str) -> None:
        if self.required(name, label) and not KATAKANA_RE.match(self.get(name)):
            self.add(name, f"{label}は全角カタカナで入力してください。")

    def phone(self, name: str, label: str) -> None:
        if self.required(name, label) and not PHONE_RE.match(self.get(name)):
            self.add(name, f"{label}は半角数字とハイフンで入力してください。")

    def mail(self, name: str, label: str) -> None:
        if self.required(name, label) and not MAIL_RE.match(self.get(name)):
            self.add(name, f"{label}の形式が正しくありません。")

    def postal(self, name: str, label: str = "郵便番号") -> None:
        if self.required(name, label) and not DIGITS7_RE.match(self.get(name)):
            self.add(name, f"{label}は半角数字7桁で入力してください。")

    def digits(self, name: str, label: str, n: int) -> None:
        v = self.get(name)
        if v and not re.fullmatch(f"[0-9]{{{n}}}", v):
            self.add(name, f"{label}は半角数字{n}桁で入力してください。")


def validate(page_id: str, fields: Fields, session: Session) -> Errors:
    c = _Check(fields)
    if page_id == "temp-apply":
        c.required("txtKgyMei", "企業名")
        c.maxlen("txtKgyMei", "企業名", 60)
        c.optional("txtBusyoMei", "部署名")
        c.required("txtTntSei", "氏名(姓)")
        c.required("txtTntMei", "氏名(名)")
        c.kana("txtTntSeiKana", "氏名(フリガナ)(セイ)")
        c.kana("txtTntMeiKana", "氏名(フリガナ)(メイ)")
        c.phone("txtTelNo", "電話番号")
        c.mail("txtMailAddr", "メールアドレス")
        if c.required("txtMailAddrKakunin", "メールアドレス(確認用)") and c.get(
            "txtMailAddrKakunin"
        ) != c.get("txtMailAddr"):
            c.add("txtMailAddrKakunin", "メールアドレスとメールアドレス(確認用)が一致しません。")
    elif page_id == "apply-tanto":
        c.required("txtMskSei", "氏名(姓)")
        c.required("txtMskMei", "氏名(名)")
        c.kana("txtMskSeiKn", "氏名(フリガナ)(セイ)")
        c.kana("txtMskMeiKn", "氏名(フリガナ)(メイ)")
        c.optional("txtMskBusyo", "部署名")
        c.phone("txtMskTel", "電話番号")
        c.mail("txtMskMail", "メールアドレス")
        c.required("txaRiyu", "申込理由")
        c.maxlen("txaRiyu", "申込理由", 200)
        y, m, d = c.get("selKaishiY"), c.get("selKaishiM"), c.get("selKaishiD")
        if not (y and m and d):
            c.add("selKaishiY", "利用開始希望日を選択してください。")
        else:
            try:
                day = dt.date(int(y), int(m), int(d))
            except ValueError:
                c.add("selKaishiY", "利用開始希望日が正しい日付ではありません。")
            else:
                if day <= today():
                    c.add("selKaishiY", "利用開始希望日には明日以降の日付を選択してください。")
    elif page_id == "apply-office":
        c.required("txtKgyMei", "企業名")
        c.kana("txtKgyMeiKn", "企業名(フリガナ)")
        c.digits("txtHojinNo", "法人番号", 13)
        c.required("txtDaihyoYakusyoku", "代表者役職")
        c.required("txtDaihyoSimei", "代表者氏名")
        c.postal("txtKgyYubin")
        c.required("selKgyTodofuken", "住所(都道府県)")
        c.required("txtKgyJusyo1", "住所(市区町村・番地)")
        c.optional("txtKgyJusyo2", "住所(建物名等)")
        c.phone("txtKgyTel", "電話番号")
        c.required("txtJgsMei", "事業所名")
        c.kana("txtJgsMeiKn", "事業所名(フリガナ)")
        c.required("rdoJgsSyozaichi", "事業所所在地")
        c.required("txtKanriSimei", "システム管理責任者の氏名")
        c.phone("txtKanriTel", "システム管理責任者の電話番号")
        c.mail("txtKanriMail", "システム管理責任者のメールアドレス")
    elif page_id == "apply-usercode":
        code = c.get("txtRiyosyaCd")
        if not code:
            c.add("txtRiyosyaCd", "利用者コードを入力してください。")
        elif not USER_CODE_RE.match(code):
            c.add("txtRiyosyaCd", "利用者コードは半角英大文字・数字5桁で入力してください。")
        rows = usercode_rows(fields)
        if not rows:
            c.add("setList", "利用者コード情報が設定されていません。「設定」で追加してください。")
        allowed = {v for v, _, sso in INDUSTRIES if sso}
        for row in rows:
            if row["sso"] == "1" and row["industry"] not in allowed:
                c.add("setList", "シングルサインオンを利用できない業種が含まれています。")
    elif page_id == "apply-mailbox":
        v = c.get("txtMbxSu")
        if not re.fullmatch(r"[1-9][0-9]?", v):
            c.add("txtMbxSu", "メールボックス数は1から99の半角数字で入力してください。")
    elif page_id == "apply-plan":
        c.required("rdoRyokinPlan", "希望する料金プラン")
        c.required("rdoTokeiSiryo", "管理統計資料(有料分)")
        c.required("rdoHozeiSiryo", "保税管理資料保存サービス")
    elif page_id == "apply-billing":
        _validate_billing(c)
    elif page_id == "apply-confirm":
        c.maxlen("txaBiko", "備考", 400)
        c.optional("txaBiko", "備考")
    return c.errors


def _validate_billing(c: _Check) -> None:
    for radio, prefix, what in (
        ("rdoIkkatsu", "Ikk", "一括請求先"),
        ("rdoKozaFurikae", "Kfr", "同一口座振替先"),
    ):
        if c.get(radio) != "1":
            continue
        seikyu, jgs = f"txt{prefix}SeikyuCd", f"txt{prefix}JgsCd"
        if not c.get(seikyu) and not c.get(jgs):
            c.add(seikyu, f"{what}の登録請求先コードまたは事業所コードを入力してください。")
        c.digits(seikyu, f"{what}の登録請求先コード", 7)
        c.digits(jgs, f"{what}の事業所コード", 7)
        c.required(f"txt{prefix}KgyMei", f"{what}の企業名")
        c.required(f"txt{prefix}JgsMei", f"{what}の事業所名")
    if c.get("rdoSeikyuSyozai") == "2":
        c.postal("txtSkyYubin")
        c.required("selSkyTodofuken", "住所(都道府県)")
        c.required("txtSkyJusyo1", "住所(市区町村・番地)")
        c.optional("txtSkyJusyo2", "住所(建物名等)")


def caption(options: tuple[tuple[str, str], ...], value: str) -> str:
    return next((cap for v, cap in options if v == value), "")


def industry_caption(value: str) -> str:
    return next((cap for v, cap, _ in INDUSTRIES if v == value), "")
