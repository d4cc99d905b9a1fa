"""What the mock NSS site keeps between requests: posted fields, sessions, registrations.

``Fields`` is a form as posted (name → values) and the helpers here read it the way the flow
does (the submitter's caption, the values a page re-shows, the user-code rows). A ``Session``
holds one visitor's posted pages and progress; a ``Registration`` is a phase-1 sign-up and
``MockMail`` the mail it would send. The sample values are the valid forms that ``url_for``
fills a session with when it jumps to a later page. The mock's date is Japan's (``today``).

Everything here is the mock's own invention: the input names and values only imitate an old
Japanese web application. Nothing in nss-autofill may depend on them except the tests.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

Fields = dict[str, list[str]]

SUBMIT_HIDDEN = "hdnBtnNm"  # set by the page's doSubmit() helper before form.submit()


def today() -> dt.date:
    """The date in Japan, where the real NSS runs."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).date()


# ------------------------------------------------------------------------------ posted fields


def first(fields: Fields, name: str) -> str:
    vals = fields.get(name)
    return vals[0] if vals else ""


def submitter_of(fields: Fields) -> str | None:
    """The caption of the control that submitted: a ``btn*`` submit input, else the hidden field."""
    for name, vals in fields.items():
        if name.startswith("btn") and vals:
            return vals[0]
    hidden = first(fields, SUBMIT_HIDDEN)
    return hidden or None


def form_values(fields: Fields) -> Fields:
    """The posted fields without the submitter controls (what the page re-shows)."""
    return {k: v for k, v in fields.items() if not k.startswith("btn") and k != SUBMIT_HIDDEN}


def usercode_rows(fields: Fields) -> list[dict[str, str]]:
    """The rows the 「設定」 button added, from the hidden inputs it wrote."""
    ind = fields.get("hdnGyoshu", [])
    proc = fields.get("hdnHoshiki", [])
    cnt = fields.get("hdnSikibetuSu", [])
    sso = fields.get("hdnSso", [])
    n = min(len(ind), len(proc), len(cnt), len(sso))
    return [
        {"industry": ind[i], "processing": proc[i], "count": cnt[i], "sso": sso[i]}
        for i in range(n)
    ]


# --------------------------------------------------------------------- sessions, registrations


@dataclass
class UserCode:
    code: str
    rows: list[dict[str, str]]  # keys: industry, processing, count, sso ("1" or "")


@dataclass
class Registration:
    login_id: str
    password: str
    values: Fields  # the temp-apply form as posted


@dataclass(frozen=True)
class MockMail:
    """The mail a phase-1 registration would send: the login URL and the temporary login."""

    url: str
    login_id: str
    password: str


@dataclass
class Session:
    sid: str
    consented: bool = False
    values: dict[str, Fields] = field(default_factory=dict)
    registration: str | None = None  # login id of this session's phase-1 registration
    login_id: str | None = None
    route: str = ""  # 一般 / net
    code_mode: str = ""  # new / shared
    codes: list[UserCode] = field(default_factory=list)
    receipt: str | None = None
    passed: set[str] = field(default_factory=set)  # pages whose last POST was valid


def new_sid() -> str:
    return secrets.token_hex(16)


def new_credentials() -> tuple[str, str]:
    login_id = "T" + "".join(secrets.choice("0123456789") for _ in range(7))
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
    password = "".join(secrets.choice(alphabet) for _ in range(10))
    return login_id, password


# ------------------------------------------------------------------------ sample (url_for) data

SAMPLE_TEMP: Fields = {
    "txtKgyMei": ["模擬港湾物流株式会社"],
    "txtBusyoMei": ["業務部"],
    "txtTntSei": ["港"],
    "txtTntMei": ["花子"],
    "txtTntSeiKana": ["ミナト"],
    "txtTntMeiKana": ["ハナコ"],
    "txtTelNo": ["03-0000-1234"],
    "txtMailAddr": ["hanako@example.test"],
    "txtMailAddrKakunin": ["hanako@example.test"],
}


def tanto_from_registration(temp: Fields) -> Fields:
    """apply-tanto's fields prefilled from the phase-1 registration (as the real NSS does)."""
    pairs = {
        "txtMskSei": "txtTntSei",
        "txtMskMei": "txtTntMei",
        "txtMskSeiKn": "txtTntSeiKana",
        "txtMskMeiKn": "txtTntMeiKana",
        "txtMskBusyo": "txtBusyoMei",
        "txtMskTel": "txtTelNo",
        "txtMskMail": "txtMailAddr",
    }
    return {new: list(temp.get(old, [""])) for new, old in pairs.items()}


def sample_values() -> dict[str, Fields]:
    """Valid values for every phase-2 page (for url_for on later pages)."""
    y = str(today().year + 1)
    tanto = tanto_from_registration(SAMPLE_TEMP)
    tanto.update(
        txaRiyu=["サイバーポート利用のための申込"],
        selKaishiY=[y],
        selKaishiM=["04"],
        selKaishiD=["01"],
    )
    return {
        "apply-tanto": tanto,
        "apply-office": {
            "txtKgyMei": ["模擬港湾物流株式会社"],
            "txtKgyMeiKn": ["モギコウワンブツリュウ"],
            "txtHojinNo": [""],
            "txtDaihyoYakusyoku": ["代表取締役"],
            "txtDaihyoSimei": ["港　太郎"],
            "txtKgyYubin": ["1050001"],
            "selKgyTodofuken": ["13"],
            "txtKgyJusyo1": ["港区虎ノ門９－９－９"],
            "txtKgyJusyo2": [""],
            "txtKgyTel": ["03-0000-1234"],
            "txtJgsMei": ["CP利用者"],
            "txtJgsMeiKn": ["サイバーポートリヨウシャ"],
            "rdoJgsSyozaichi": ["1"],
            "txtKanriSimei": ["港　花子"],
            "txtKanriTel": ["03-0000-1234"],
            "txtKanriMail": ["hanako@example.test"],
        },
        "apply-terminal": {"chkKikiKyoyo": ["1"]},
        "apply-mailbox": {"txtMbxSu": ["1"]},
        "apply-plan": {"rdoRyokinPlan": ["B"], "rdoTokeiSiryo": ["0"], "rdoHozeiSiryo": ["0"]},
        "apply-billing": {
            "rdoIkkatsu": ["0"],
            "rdoSeikyuSyozai": ["1"],
            "rdoKozaFurikae": ["0"],
        },
    }


SAMPLE_CODE = UserCode("ZZ9X1", [{"industry": "G01", "processing": "2", "count": "1", "sso": ""}])
