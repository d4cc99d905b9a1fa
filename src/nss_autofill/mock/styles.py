"""Markup styles of the mock NSS site: the same flow, different URL paths and input names.

A style is a template directory (``fixtures/<style>/``), a path for every page, a charset per
page and a mapping of the style's posted input names (and submit-button values) to the flow's
own names, so that validation, session state and the POST record work the same for every
style. Only the mock uses this; nss-autofill must never know any of it.

Example::

    >>> s = style("modern")
    >>> s.path("login")
    '/app/v7/auth/login'
    >>> s.canonical({"company[name]": ["x"], "action": ["next"]})
    {'txtKgyMei': ['x'], 'hdnBtnNm': ['次へ']}
"""

from __future__ import annotations

import dataclasses

from .flow import PAGES, PageDef
from .stylebase import Style
from .variants import variant_style

STYLES = ("classic", "modern", "variant")


def _modern_pages() -> tuple[PageDef, ...]:
    paths = {
        "bbs-top": "/portal/",
        "bbs-nss": "/portal/contract/nss",
        "terms": "/app/v7/signup/terms",
        "temp-apply": "/app/v7/signup/applicant",
        "temp-confirm": "/app/v7/signup/review",
        "temp-done": "/app/v7/signup/complete",
        "login": "/app/v7/auth/login",
        "apply-tanto": "/app/v7/application/contact",
        "apply-office": "/app/v7/application/company",
        "apply-usercode-choice": "/app/v7/application/user-codes",
        "apply-usercode": "/app/v7/application/user-codes/edit",
        "apply-terminal": "/app/v7/application/terminals",
        "apply-mailbox": "/app/v7/application/mailboxes",
        "apply-plan": "/app/v7/application/plan",
        "apply-billing": "/app/v7/application/billing",
        "apply-confirm": "/app/v7/application/review",
        "apply-done": "/app/v7/application/complete",
        "session-timeout": "/app/v7/error/session",
        "maintenance": "/app/v7/error/maintenance",
        "unknown": "/app/v7/survey",
    }
    return tuple(dataclasses.replace(p, path=paths[p.id], charset="utf-8") for p in PAGES)


_CO = "billing[consolidatedTo]"
_DD = "billing[directDebitTo]"
_MODERN_NAMES: dict[str, str] = {
    # temp-apply (and the company name of apply-office)
    "txtKgyMei": "company[name]",
    "txtBusyoMei": "applicant[department]",
    "txtTntSei": "applicant[familyName]",
    "txtTntMei": "applicant[givenName]",
    "txtTntSeiKana": "applicant[familyNameKana]",
    "txtTntMeiKana": "applicant[givenNameKana]",
    "txtTelNo": "applicant[phone]",
    "txtMailAddr": "applicant[email]",
    "txtMailAddrKakunin": "applicant[emailConfirmation]",
    # login
    "txtLoginId": "username",
    "pwdPassword": "password",
    # apply-tanto
    "txtMskSei": "contact[familyName]",
    "txtMskMei": "contact[givenName]",
    "txtMskSeiKn": "contact[familyNameKana]",
    "txtMskMeiKn": "contact[givenNameKana]",
    "txtMskBusyo": "contact[department]",
    "txtMskTel": "contact[phone]",
    "txtMskMail": "contact[email]",
    "txaRiyu": "contract[reason]",
    "selKaishiY": "contract[startDate][year]",
    "selKaishiM": "contract[startDate][month]",
    "selKaishiD": "contract[startDate][day]",
    # apply-office
    "txtKgyMeiKn": "company[nameKana]",
    "txtHojinNo": "company[corporateNumber]",
    "txtDaihyoYakusyoku": "company[representative][title]",
    "txtDaihyoSimei": "company[representative][name]",
    "txtKgyYubin": "company[address][postalCode]",
    "selKgyTodofuken": "company[address][prefecture]",
    "txtKgyJusyo1": "company[address][line1]",
    "txtKgyJusyo2": "company[address][line2]",
    "txtKgyTel": "company[phone]",
    "txtJgsMei": "office[name]",
    "txtJgsMeiKn": "office[nameKana]",
    "rdoJgsSyozaichi": "office[location]",
    "txtKanriSimei": "administrator[name]",
    "txtKanriTel": "administrator[phone]",
    "txtKanriMail": "administrator[email]",
    # apply-usercode
    "txtRiyosyaCd": "userCode[code]",
    "chkSso": "userCode[singleSignOn]",
    "selGyoshu": "userCode[industry]",
    "selHoshiki": "userCode[processing]",
    "txtSikibetuSu": "userCode[idCount]",
    "hdnGyoshu": "rows[industry][]",
    "hdnHoshiki": "rows[processing][]",
    "hdnSikibetuSu": "rows[idCount][]",
    "hdnSso": "rows[singleSignOn][]",
    # apply-terminal, apply-mailbox, apply-plan
    "chkKikiKyoyo": "terminal[sharedEquipment]",
    "selKaisenSyubetu": "terminal[lineType]",
    "txtRonriSu": "terminal[count]",
    "txtMbxSu": "mailbox[count]",
    "rdoRyokinPlan": "plan[general]",
    "rdoTokeiSiryo": "plan[statistics]",
    "rdoHozeiSiryo": "plan[bondedArchive]",
    # apply-billing
    "rdoIkkatsu": "billing[consolidated]",
    "txtIkkSeikyuCd": f"{_CO}[registeredCode]",
    "txtIkkJgsCd": f"{_CO}[officeCode]",
    "txtIkkKgyMei": f"{_CO}[companyName]",
    "txtIkkJgsMei": f"{_CO}[officeName]",
    "rdoSeikyuSyozai": "billing[addressChoice]",
    "txtSkyYubin": "billing[address][postalCode]",
    "selSkyTodofuken": "billing[address][prefecture]",
    "txtSkyJusyo1": "billing[address][line1]",
    "txtSkyJusyo2": "billing[address][line2]",
    "rdoKozaFurikae": "billing[directDebit]",
    "txtKfrSeikyuCd": f"{_DD}[registeredCode]",
    "txtKfrJgsCd": f"{_DD}[officeCode]",
    "txtKfrKgyMei": f"{_DD}[companyName]",
    "txtKfrJgsMei": f"{_DD}[officeName]",
    # apply-confirm, unknown
    "txaBiko": "remarks",
    "rdoQ1": "survey[source]",
    "txaQ2": "survey[comments]",
}
_MODERN_ACTIONS: dict[str, str] = {
    "agree": "システム利用規定に同意する",
    "review": "申込内容確認へ進む",
    "back": "戻る",
    "register": "申込内容を登録する",
    "login": "ログイン",
    "next": "次へ",
    "general": "一般NACCSを利用する",
    "net-only": "netNACCSのみを利用する",
    "new-code": "新しい利用者コードを取得する",
    "share-code": "他事業所の利用者コードを共用する",
    "save-code": "この内容を設定する",
    "answer": "回答する",
    "skip": "回答しない",
}

_STYLES: dict[str, Style] = {
    "classic": Style("classic", PAGES, {}, {}),
    "modern": Style("modern", _modern_pages(), _MODERN_NAMES, _MODERN_ACTIONS, "action"),
}


def style(name: str, *, seed: int = 0, perturb: bool = False) -> Style:
    """The style called ``name``; ValueError naming the known ones otherwise.

    ``variant`` is drawn from ``seed`` (``variants/``); ``perturb`` rewords its guessed captions.
    """
    if name == "variant":
        return variant_style(seed, perturb)
    try:
        return _STYLES[name]
    except KeyError:
        raise ValueError(f"no mock style {name!r}; known: {', '.join(STYLES)}") from None
