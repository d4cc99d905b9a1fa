"""``nss-autofill check``: validate a profile and summarise it (codes, 業種, IDs, dates).

Example::

    >>> check_command(Path("profiles/example.yaml"), "en", today=dt.date(2027, 1, 4))
    0
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitCode
from ..i18n import Lang, Msg
from .common import Subparsers, load_or_report, new_parser, settings_of

if TYPE_CHECKING:
    from ..profile import Profile

_WARN = Msg("注意", "warning")
_NOTE = Msg("メモ", "note")
_VALID = Msg("OK: プロファイルに問題はありません", "OK: the profile is valid")
_APPLICANT = Msg("申込者: {name}", "applicant: {name}")
_CODES = Msg("利用者コード:", "利用者コード (user codes):")
_IDS = Msg("発行される利用者IDの数: {n}", "IDs to be issued: {n}")
_START = Msg("利用開始希望日: {day} ({weekday})", "start date: {day} ({weekday})")
_VIEWING = Msg(
    "ID・パスワード閲覧期限: {day} (利用開始日の{n}日後)",
    "ID/password viewing deadline: {day} ({n} days after the start date)",
)
_LEFT = Msg(
    "開始日までの営業日: {left} 日 ({today} 時点)",
    "business days before the start date: {left} (as of {today})",
)
_SHORT = Msg(
    "利用開始希望日まで {left} 営業日しかありません ({n} 営業日以上の余裕を推奨)。"
    "審査とシステム設定が間に合わない恐れがあります",
    "only {left} business days before the start date (at least {n} advised); "
    "the review and system set-up may not finish in time",
)
_HOLIDAY = Msg(
    "利用開始希望日 {d} は土日祝日です", "the start date {d} is a weekend or a national holiday"
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser = new_parser(
        subparsers,
        "check",
        "validate a profile without opening a browser / プロファイルの検査",
        settings=("min_business_days",),
    )
    parser.add_argument("profile", type=Path, metavar="PROFILE")
    return parser


def run(ns: argparse.Namespace, lang: Lang) -> int:
    settings = settings_of(ns)
    return check_command(ns.profile, lang, min_business_days=settings.min_business_days)


def check_command(
    path: Path,
    lang: Lang,
    *,
    min_business_days: int = 10,
    today: dt.date | None = None,
) -> int:
    """Validate ``path``; print a summary (0) or every problem (2)."""
    from ..profile import japan_today

    day = japan_today() if today is None else today
    loaded = load_or_report(Path(path), lang, day)
    if isinstance(loaded, int):
        return loaded
    print(summary(loaded, lang, today=day, min_business_days=min_business_days))
    return int(ExitCode.OK)


def summary(profile: Profile, lang: Lang, *, today: dt.date, min_business_days: int) -> str:
    """The ``check`` summary: codes, 業種, IDs, dates, warnings and notes."""
    from ..profile.checks import business_days_left
    from ..profile.deadlines import VIEWING_DAYS, is_business_day, viewing_deadline

    start = profile.contract.start_date
    left = business_days_left(today, start)
    lines = [
        _VALID.render(lang),
        _APPLICANT.render(lang, name=profile.applicant.company_name),
        _CODES.render(lang),
    ]
    for code in profile.user_codes:
        rows = []
        for row in code.ids:
            sso = " SSO" if row.single_sign_on else ""
            rows.append(f"{row.industry} ×{row.count}{sso}")
        lines.append(f"  {code.code}: " + ", ".join(rows))
    lines.append(_IDS.render(lang, n=profile.id_count))
    lines.append(_START.render(lang, day=start.isoformat(), weekday=weekday(start, lang)))
    lines.append(_VIEWING.render(lang, day=viewing_deadline(start).isoformat(), n=VIEWING_DAYS))
    lines.append(_LEFT.render(lang, left=left, today=today.isoformat()))
    warn = _WARN.render(lang) + ": "
    warnings = [warn + p.render(lang) for p in profile.notes if p.severity == "warning"]
    if left < min_business_days:
        warnings.append(warn + _SHORT.render(lang, left=left, n=min_business_days))
    if not is_business_day(start):
        warnings.append(warn + _HOLIDAY.render(lang, d=start.isoformat()))
    note = _NOTE.render(lang) + ": "
    notes = [note + p.render(lang) for p in profile.notes if p.severity == "note"]
    return "\n".join(lines + warnings + notes)


_WEEKDAYS = Msg("月 火 水 木 金 土 日", "Mon Tue Wed Thu Fri Sat Sun")


def weekday(day: dt.date, lang: Lang) -> str:
    """月 … 日 or Mon … Sun."""
    return _WEEKDAYS.render(lang).split()[day.weekday()]
