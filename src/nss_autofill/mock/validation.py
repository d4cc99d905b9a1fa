"""Server-side validation of the mock NSS site's forms: ``validate(page_id, fields, session)``.

Each form page's rules, with the messages an old server would show beside the fields: required
fields, lengths, katakana, phone numbers, mail and postal codes, digits, the start date, the
user-code rows and the billing page's parts. A character the page's charset (CP932) cannot
carry is refused. The messages are the mock's own; nothing in nss-autofill may depend on them.
"""

from __future__ import annotations

import datetime as dt
import re

from .flow import INDUSTRIES
from .state import Fields, Session, first, today, usercode_rows

KATAKANA_RE = re.compile(r"^[\u30a1-\u30fa\u30fc\u30fd\u30fe\u3000・ ]+$")
USER_CODE_RE = re.compile(r"^[A-Z0-9]{5}$")
DIGITS7_RE = re.compile(r"^[0-9]{7}$")
PHONE_RE = re.compile(r"^[0-9][0-9-]{0,12}$")
MAIL_RE = re.compile(r"^[!-~]+@[!-~]+\.[!-~]+$")

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
