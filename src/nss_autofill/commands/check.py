"""``nss-autofill check``: validate a profile and summarise it (codes, 業種, IDs, dates).

Example::

    >>> check_command(Path("profiles/example.yaml"), "en", today=dt.date(2027, 1, 4))
    0
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitCode
from ..i18n import Lang, Msg
from .common import load_or_report

if TYPE_CHECKING:
    from ..profile import Profile

VIEWING_DAYS = 2  # the ID/password link works until 2 days after the start date

_WARN = Msg("注意", "warning")
_NOTE = Msg("メモ", "note")


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
    from ..profile.deadlines import is_business_day

    ja = lang == "ja"
    start = profile.contract.start_date
    deadline = start + dt.timedelta(days=VIEWING_DAYS)
    left = business_days_left(today, start)
    lines = ["OK: プロファイルに問題はありません" if ja else "OK: the profile is valid"]
    lines.append(("申込者: " if ja else "applicant: ") + profile.applicant.company_name)
    lines.append("利用者コード:" if ja else "利用者コード (user codes):")
    for code in profile.user_codes:
        rows = []
        for row in code.ids:
            sso = " SSO" if row.single_sign_on else ""
            rows.append(f"{row.industry} ×{row.count}{sso}")
        lines.append(f"  {code.code}: " + ", ".join(rows))
    n = profile.id_count
    lines.append(f"発行される利用者IDの数: {n}" if ja else f"IDs to be issued: {n}")
    lines.append(
        f"利用開始希望日: {start.isoformat()} ({_weekday(start, lang)})"
        if ja
        else f"start date: {start.isoformat()} ({_weekday(start, lang)})"
    )
    lines.append(
        f"ID・パスワード閲覧期限: {deadline.isoformat()} (利用開始日の{VIEWING_DAYS}日後)"
        if ja
        else f"ID/password viewing deadline: {deadline.isoformat()} "
        f"({VIEWING_DAYS} days after the start date)"
    )
    lines.append(
        f"開始日までの営業日: {left} 日 ({today.isoformat()} 時点)"
        if ja
        else f"business days before the start date: {left} (as of {today.isoformat()})"
    )
    warnings = [
        _WARN.render(lang) + ": " + p.render(lang) for p in profile.notes if p.severity == "warning"
    ]
    if left < min_business_days:
        warnings.append(
            _WARN.render(lang)
            + ": "
            + Msg(
                "利用開始希望日まで {left} 営業日しかありません ({n} 営業日以上の余裕を推奨)。"
                "審査とシステム設定が間に合わない恐れがあります",
                "only {left} business days before the start date (at least {n} advised); "
                "the review and system set-up may not finish in time",
            ).render(lang, left=left, n=min_business_days)
        )
    if not is_business_day(start):
        warnings.append(
            _WARN.render(lang)
            + ": "
            + Msg(
                "利用開始希望日 {d} は土日祝日です",
                "the start date {d} is a weekend or a national holiday",
            ).render(lang, d=start.isoformat())
        )
    notes = [
        _NOTE.render(lang) + ": " + p.render(lang) for p in profile.notes if p.severity == "note"
    ]
    return "\n".join(lines + warnings + notes)


def _weekday(day: dt.date, lang: Lang) -> str:
    return ("月火水木金土日"[day.weekday()]) if lang == "ja" else day.strftime("%a")
