"""The mock NSS site's flow as data: its pages, their bars and the choices its forms offer.

``PAGES`` defines every page (id, path, template, phase, step and tab, charset, what its POST
does); ``STEPS`` and ``TABS`` are the step and tab bars; ``PHASE2_ORDER``, ``BACK`` and
``NEXT`` the order the pages follow; the prefectures, industries, processing methods, start
years and postal codes are the choices the forms offer. Validation
of the posted forms is ``validation.py``; the session state, the posted fields and the sample
values are ``state.py``, and the names of it that ``variants/`` and the tests take from here
are handed on (``__all__``).

Everything here is the mock's own invention: the paths, captions and choices only imitate an
old Japanese web application. Nothing in nss-autofill may depend on them except the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from .state import (
    SAMPLE_TEMP,
    SUBMIT_HIDDEN,
    Fields,
    sample_values,
    tanto_from_registration,
    today,
)

__all__ = [
    "ARIA_STEP_PAGES",
    "ARIA_TAB_PAGES",
    "BACK",
    "BY_ID",
    "BY_PATH",
    "INDUSTRIES",
    "NEXT",
    "PAGES",
    "PHASE2_ORDER",
    "POSTAL",
    "PREFECTURE_NAMES",
    "PREF_OPTIONS",
    "PROCESSING",
    "SAMPLE_TEMP",
    "STEPS",
    "SUBMIT_HIDDEN",
    "TABS",
    "Fields",
    "PageDef",
    "caption",
    "industry_caption",
    "sample_values",
    "tanto_from_registration",
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

# The order of phase 2's pages (url_for fills the ones before), and where 戻る and 次へ lead.
PHASE2_ORDER = (
    "apply-tanto",
    "apply-office",
    "apply-usercode-choice",
    "apply-usercode",
    "apply-terminal",
    "apply-mailbox",
    "apply-plan",
    "apply-billing",
    "apply-confirm",
    "apply-done",
)
BACK: dict[str, str] = {
    "temp-apply": "terms",
    "apply-office": "apply-tanto",
    "apply-usercode-choice": "apply-office",
    "apply-usercode": "apply-usercode-choice",
    "apply-terminal": "apply-usercode-choice",
    "apply-mailbox": "apply-terminal",
    "apply-plan": "apply-mailbox",
    "apply-billing": "apply-plan",
}
NEXT: dict[str, str] = {
    "apply-tanto": "apply-office",
    "apply-office": "apply-usercode-choice",
    "apply-terminal": "apply-mailbox",
    "apply-mailbox": "apply-plan",
    "apply-plan": "apply-billing",
    "apply-billing": "apply-confirm",
}

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


def year_options() -> list[str]:
    y = today().year
    return [str(y), str(y + 1), str(y + 2)]


def caption(options: tuple[tuple[str, str], ...], value: str) -> str:
    return next((cap for v, cap in options if v == value), "")


def industry_caption(value: str) -> str:
    return next((cap for v, cap, _ in INDUSTRIES if v == value), "")
