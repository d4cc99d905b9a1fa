"""What NSS must receive, page by page and profile by profile: written down by hand.

Read from the mock's templates (``fixtures/classic``, ``fixtures/modern``: input names, option
values, what the buttons post) and the example profiles (``profiles/*.yaml``: the values, as the
profile rules normalise them: 全角 names with a full-width space, 半角 phones and postal codes,
katakana フリガナ). Nothing here is computed by the engine, so a wrong field mapping or a dropped
field shows as a difference.

``POSTS[page][profile]`` is the whole form post under the classic names, every name the form
posts (the buttons' and the fields the profile leaves empty included); ``None`` marks a name
that must not be posted (an unticked checkbox). ``MODERN_NAMES`` renames it for the modern
markup, whose buttons post ``action`` instead (``MODERN_ACTION``). ``FIELDS[page]`` names the
inputs of every catalogue field, so a field the planner plans is always one the tables check.
Dates post as the pages' option values (year, 2-digit month and day); prefectures as the select's
code (東京都 13, 神奈川県 14, 大阪府 27, 兵庫県 28); 業種 as its code (通関業 G01, 混載業 G02,
海貨業 G07, NVOCC G10, 通関士 G12); the Cyber Port processing method SMTP双方向 as 2.
"""

from __future__ import annotations

from nss_autofill.mock.styles import _MODERN_NAMES

Post = dict[str, list[str] | None]

PROFILES = ("customs-broker", "example", "multi-industry-sso", "two-codes-billing")

# --------------------------------------------------------------------------- field → inputs
FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "temp-apply": {
        "company_name": ("txtKgyMei",),
        "department": ("txtBusyoMei",),
        "name": ("txtTntSei", "txtTntMei"),
        "name_kana": ("txtTntSeiKana", "txtTntMeiKana"),
        "phone": ("txtTelNo",),
        "email": ("txtMailAddr",),
        "email_confirm": ("txtMailAddrKakunin",),
    },
    "apply-tanto": {
        "name": ("txtMskSei", "txtMskMei"),
        "name_kana": ("txtMskSeiKn", "txtMskMeiKn"),
        "department": ("txtMskBusyo",),
        "phone": ("txtMskTel",),
        "email": ("txtMskMail",),
        "reason": ("txaRiyu",),
        "start_date": ("selKaishiY", "selKaishiM", "selKaishiD"),
    },
    "apply-office": {
        "company_name": ("txtKgyMei",),
        "company_name_kana": ("txtKgyMeiKn",),
        "corporate_number": ("txtHojinNo",),
        "representative_title": ("txtDaihyoYakusyoku",),
        "representative_name": ("txtDaihyoSimei",),
        "postal_code": ("txtKgyYubin",),
        "prefecture": ("selKgyTodofuken",),
        "city_address": ("txtKgyJusyo1",),
        "building": ("txtKgyJusyo2",),
        "company_phone": ("txtKgyTel",),
        "office_name": ("txtJgsMei",),
        "office_name_kana": ("txtJgsMeiKn",),
        "office_location": ("rdoJgsSyozaichi",),
        "admin_name": ("txtKanriSimei",),
        "admin_phone": ("txtKanriTel",),
        "admin_email": ("txtKanriMail",),
    },
    # the row fields are written into the row inputs, then 設定 copies them into hidden inputs
    "apply-usercode": {
        "user_code": ("txtRiyosyaCd",),
        "single_sign_on": ("hdnSso",),
        "industry": ("hdnGyoshu",),
        "processing": ("hdnHoshiki",),
        "id_count": ("hdnSikibetuSu",),
    },
    "apply-terminal": {"shared_equipment": ("chkKikiKyoyo",)},
    "apply-plan": {
        "general_naccs": ("rdoRyokinPlan",),
        "statistics": ("rdoTokeiSiryo",),
        "bonded_archive": ("rdoHozeiSiryo",),
    },
    "apply-billing": {
        "consolidated": ("rdoIkkatsu",),
        "consolidated_code": ("txtIkkSeikyuCd", "txtIkkJgsCd"),
        "consolidated_company": ("txtIkkKgyMei",),
        "consolidated_office": ("txtIkkJgsMei",),
        "address_choice": ("rdoSeikyuSyozai",),
        "postal_code": ("txtSkyYubin",),
        "prefecture": ("selSkyTodofuken",),
        "city_address": ("txtSkyJusyo1",),
        "building": ("txtSkyJusyo2",),
        "direct_debit": ("rdoKozaFurikae",),
        "direct_debit_code": ("txtKfrSeikyuCd", "txtKfrJgsCd"),
        "direct_debit_company": ("txtKfrKgyMei",),
        "direct_debit_office": ("txtKfrJgsMei",),
    },
    "apply-confirm": {"remarks": ("txaBiko",)},
}

# --------------------------------------------------------------------------- the profiles' values
_APPLICANT = {
    "customs-broker": ("浜風通関株式会社", "通関部", "佐藤", "花子", "サトウ", "ハナコ",
                       "045-661-0001", "sato@hamakaze-tsukan.example.jp"),
    "example": ("ナックス商事株式会社", "物流部", "山田", "太郎", "ヤマダ", "タロウ",
                "03-1234-5678", "yamada@example.co.jp"),
    # no department: temp-apply posts it empty, apply-tanto keeps what the site showed there
    "multi-industry-sso": ("六甲ロジスティクス株式会社", None, "田中", "健", "タナカ", "ケン",
                           "078-331-0001", "tanaka@rokko-logi.example.jp"),
    "two-codes-billing": ("北浜倉庫株式会社", "業務管理部", "中村", "美咲", "ナカムラ", "ミサキ",
                          "06-6201-0001", "nakamura@kitahama-soko.example.jp"),
}  # fmt: skip

# apply-tanto shows the phase-1 registration's values; url_for's is the mock's sample applicant
_SITE_DEPARTMENT = "業務部"


def _temp_apply(p: str) -> Post:
    company, dept, fam, giv, fam_k, giv_k, phone, mail = _APPLICANT[p]
    return {
        "txtKgyMei": [company],
        "txtBusyoMei": [dept or ""],
        "txtTntSei": [fam],
        "txtTntMei": [giv],
        "txtTntSeiKana": [fam_k],
        "txtTntMeiKana": [giv_k],
        "txtTelNo": [phone],
        "txtMailAddr": [mail],
        "txtMailAddrKakunin": [mail],
        "hdnBtnNm": [""],
        "btnKakunin": ["申込内容確認へ進む"],
    }


_START = {
    "customs-broker": ("2027", "05", "10"),
    "example": ("2027", "04", "01"),
    "multi-industry-sso": ("2027", "06", "01"),
    "two-codes-billing": ("2027", "07", "01"),
}


def _tanto(p: str) -> Post:
    _company, dept, fam, giv, fam_k, giv_k, phone, mail = _APPLICANT[p]
    y, m, d = _START[p]
    return {
        "txtMskSei": [fam],
        "txtMskMei": [giv],
        "txtMskSeiKn": [fam_k],
        "txtMskMeiKn": [giv_k],
        "txtMskBusyo": [dept or _SITE_DEPARTMENT],
        "txtMskTel": [phone],
        "txtMskMail": [mail],
        "txaRiyu": ["サイバーポート利用のための申込"],  # the Cyber Port default reason
        "selKaishiY": [y],
        "selKaishiM": [m],
        "selKaishiD": [d],
        "hdnBtnNm": ["次へ"],
    }


_OFFICE: dict[str, Post] = {
    "customs-broker": {
        "txtKgyMei": ["浜風通関株式会社"],
        "txtKgyMeiKn": ["ハマカゼツウカン"],
        "txtHojinNo": [""],
        "txtDaihyoYakusyoku": ["代表取締役社長"],
        "txtDaihyoSimei": ["海野\u3000誠"],
        "txtKgyYubin": ["2310023"],
        "selKgyTodofuken": ["14"],
        "txtKgyJusyo1": ["横浜市中区山下町１番地"],
        "txtKgyJusyo2": ["山下町ビル３階"],
        "txtKgyTel": ["045-661-0001"],
        "txtKanriSimei": ["鈴木\u3000一郎"],
        "txtKanriTel": ["045-661-0002"],
        "txtKanriMail": ["suzuki@hamakaze-tsukan.example.jp"],
    },
    "example": {
        "txtKgyMei": ["ナックス商事株式会社"],
        "txtKgyMeiKn": ["ナックスショウジ"],
        "txtHojinNo": ["7000012050002"],
        "txtDaihyoYakusyoku": ["代表取締役"],
        "txtDaihyoSimei": ["港\u3000一郎"],
        "txtKgyYubin": ["1050001"],
        "selKgyTodofuken": ["13"],
        "txtKgyJusyo1": ["港区虎ノ門一丁目２番３号"],
        "txtKgyJusyo2": ["虎ノ門ビル５階"],
        "txtKgyTel": ["03-1234-5678"],
        "txtKanriSimei": ["山田\u3000太郎"],  # the administrator defaults to the applicant
        "txtKanriTel": ["03-1234-5678"],
        "txtKanriMail": ["yamada@example.co.jp"],
    },
    "multi-industry-sso": {
        "txtKgyMei": ["六甲ロジスティクス株式会社"],
        "txtKgyMeiKn": ["ロッコウロジスティクス"],
        "txtHojinNo": ["1010001000014"],
        "txtDaihyoYakusyoku": ["代表取締役"],
        "txtDaihyoSimei": ["神戸\u3000太一"],
        "txtKgyYubin": ["6500024"],
        "selKgyTodofuken": ["28"],
        "txtKgyJusyo1": ["神戸市中央区海岸通３丁目１番５号"],
        "txtKgyJusyo2": [""],
        "txtKgyTel": ["078-331-0001"],
        "txtKanriSimei": ["田中\u3000健"],
        "txtKanriTel": ["078-331-0001"],
        "txtKanriMail": ["tanaka@rokko-logi.example.jp"],
    },
    "two-codes-billing": {
        "txtKgyMei": ["北浜倉庫株式会社"],
        "txtKgyMeiKn": ["キタハマソウコ"],
        "txtHojinNo": ["8120001000005"],
        "txtDaihyoYakusyoku": ["代表取締役"],
        "txtDaihyoSimei": ["大川\u3000修"],
        "txtKgyYubin": ["5410041"],
        "selKgyTodofuken": ["27"],
        "txtKgyJusyo1": ["大阪市中央区北浜２丁目３番４号"],
        "txtKgyJusyo2": ["北浜センタービル１０階"],
        "txtKgyTel": ["06-6201-0001"],
        "txtKanriSimei": ["中村\u3000美咲"],
        "txtKanriTel": ["06-6201-0001"],
        "txtKanriMail": ["nakamura@kitahama-soko.example.jp"],
    },
}


def _office(p: str) -> Post:
    return {
        **_OFFICE[p],
        "txtJgsMei": ["ＣＰ利用者"],  # the Cyber Port defaults, 全角
        "txtJgsMeiKn": ["サイバーポートリヨウシャ"],
        "rdoJgsSyozaichi": ["1"],  # 企業に同じ
        "hdnBtnNm": [""],
        "btnIppan": ["一般NACCSを利用する"],
    }


# the first user code of each profile: code, then (業種, 識別番号数, SSO) per row
_CODES = {
    "customs-broker": ("HMK01", [("G01", "1", "0"), ("G12", "3", "0")]),
    "example": ("ABCDE", [("G07", "1", "0")]),
    "multi-industry-sso": ("RKL22", [("G07", "1", "1"), ("G10", "1", "1"), ("G02", "1", "1")]),
    "two-codes-billing": ("KTH01", [("G01", "1", "0")]),
}


def _usercode(p: str) -> Post:
    code, rows = _CODES[p]
    return {
        "txtRiyosyaCd": [code],
        "chkSso": None,  # the row inputs are cleared by each 設定
        "selGyoshu": [""],
        "selHoshiki": [""],
        "txtSikibetuSu": [""],
        "hdnGyoshu": [r[0] for r in rows],
        "hdnHoshiki": ["2" for _ in rows],  # SMTP双方向
        "hdnSikibetuSu": [r[1] for r in rows],
        "hdnSso": [r[2] for r in rows],
        "hdnBtnNm": [""],
        "btnSettei": ["この内容を設定する"],
    }


def _terminal(p: str) -> Post:
    return {
        "chkKikiKyoyo": ["1"],  # shared_equipment defaults to true for Cyber Port
        "selKaisenSyubetu": [""],
        "txtRonriSu": [""],
        "hdnBtnNm": ["次へ"],
    }


_PLAN = {  # 料金プラン, 管理統計資料 (1 要 / 0 不要), 保税管理資料保存サービス
    "customs-broker": ("A", "1", "0"),
    "example": ("B", "0", "0"),
    "multi-industry-sso": ("B", "0", "0"),
    "two-codes-billing": ("A", "0", "1"),
}


def _plan(p: str) -> Post:
    plan, stats, bonded = _PLAN[p]
    return {
        "rdoRyokinPlan": [plan],
        "rdoTokeiSiryo": [stats],
        "rdoHozeiSiryo": [bonded],
        "hdnBtnNm": ["次へ"],
    }


_BILLING_DEFAULT: Post = {  # 希望しない, 事業所に同じ, 希望しない: the rest posted empty
    "rdoIkkatsu": ["0"],
    "txtIkkSeikyuCd": [""],
    "txtIkkJgsCd": [""],
    "txtIkkKgyMei": [""],
    "txtIkkJgsMei": [""],
    "rdoSeikyuSyozai": ["1"],
    "txtSkyYubin": [""],
    "selSkyTodofuken": [""],
    "txtSkyJusyo1": [""],
    "txtSkyJusyo2": [""],
    "rdoKozaFurikae": ["0"],
    "txtKfrSeikyuCd": [""],
    "txtKfrJgsCd": [""],
    "txtKfrKgyMei": [""],
    "txtKfrJgsMei": [""],
    "hdnBtnNm": [""],
    "btnKakunin": ["申込内容確認へ進む"],
}

_BILLING_TWO_CODES: Post = {
    **_BILLING_DEFAULT,
    "rdoIkkatsu": ["1"],
    "txtIkkSeikyuCd": ["1234567"],
    "txtIkkKgyMei": ["北浜ホールディングス株式会社"],
    "txtIkkJgsMei": ["本社"],
    "rdoSeikyuSyozai": ["2"],
    "txtSkyYubin": ["1000005"],
    "selSkyTodofuken": ["13"],
    "txtSkyJusyo1": ["千代田区丸の内一丁目１番１号"],
    "txtSkyJusyo2": ["丸の内ビル８階"],
    "rdoKozaFurikae": ["1"],
    "txtKfrJgsCd": ["7654321"],
    "txtKfrKgyMei": ["北浜ホールディングス株式会社"],
    "txtKfrJgsMei": ["経理部"],
}


def _billing(p: str) -> Post:
    return _BILLING_TWO_CODES if p == "two-codes-billing" else _BILLING_DEFAULT


# apply-confirm is never submitted: what its form holds (FormData, the submit button aside)
_REMARKS = {"two-codes-billing": "請求書の宛先は経理部でお願いします。"}


def _confirm(p: str) -> Post:
    return {"hdnBtnNm": [""], "txaBiko": [_REMARKS.get(p, "")]}


_BUILD = {
    "temp-apply": _temp_apply,
    "apply-tanto": _tanto,
    "apply-office": _office,
    "apply-usercode": _usercode,
    "apply-terminal": _terminal,
    "apply-plan": _plan,
    "apply-billing": _billing,
    "apply-confirm": _confirm,
}
POSTS: dict[str, dict[str, Post]] = {
    page: {p: build(p) for p in PROFILES} for page, build in _BUILD.items()
}

# --------------------------------------------------------------------------- the modern markup
# Its input names are the mock's own map (mock/styles.py: the modern markup is the mock's, not
# the engine's); its buttons post action=<value>.
MODERN_NAMES: dict[str, str] = _MODERN_NAMES
# the forward button's action value on each page (the classic pages post a button name or
# set hdnBtnNm instead; the modern forms have no hdnBtnNm)
MODERN_ACTION = {
    "temp-apply": "review",
    "apply-tanto": "next",
    "apply-office": "general",
    "apply-usercode": "save-code",
    "apply-terminal": "next",
    "apply-plan": "next",
    "apply-billing": "review",
}
_CLASSIC_BUTTONS = {"hdnBtnNm", "btnKakunin", "btnIppan", "btnSettei"}


def expected(style: str, page: str, profile: str) -> Post:
    """The whole post of ``page`` filled from ``profile`` on the ``style`` markup."""
    classic = POSTS[page][profile]
    if style == "classic":
        return dict(classic)
    out: Post = {MODERN_NAMES[k]: v for k, v in classic.items() if k not in _CLASSIC_BUTTONS}
    if page in MODERN_ACTION:
        out["action"] = [MODERN_ACTION[page]]
    return out
