"""The commands that need no browser: ``init``, ``check`` and ``plan``.

Each prints data to stdout and messages to stderr and returns the exit code; bad input never
raises past it. The command line (``cli.py``) parses the flags and calls these.

Example::

    >>> check_command(Path("profiles/example.yaml"), "en", today=dt.date(2027, 1, 4))
    0
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ExitCode
from .i18n import Lang, Msg

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .planning import PagePlan, PlannedField
    from .profile import Profile
    from .profile_yaml import ProfileError

DEFAULT_PROFILE = Path("profile.yaml")
VIEWING_DAYS = 2  # the ID/password link works until 2 days after the start date

_HEADER = Msg("{path}: {n} 件の問題があります", "{path}: {n} problem(s)")
_WARN = Msg("注意", "warning")
_NOTE = Msg("メモ", "note")


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _report(exc: ProfileError, path: Path, lang: Lang) -> int:
    _err(_HEADER.render(lang, path=path, n=len(exc.problems)))
    for p in exc.problems:
        _err(p.render(lang))
    return int(ExitCode.BAD_INPUT)


def _load(path: Path, lang: Lang, today: dt.date | None) -> Profile | int:
    from .profile import load_profile
    from .profile_yaml import ProfileError

    try:
        return load_profile(path, today=today)
    except ProfileError as exc:
        return _report(exc, path, lang)


# ---------------------------------------------------------------- init


def template_text() -> str:
    """The commented template ``init`` writes."""
    return resources.files("nss_autofill").joinpath("profile_template.yaml").read_text("utf-8")


def init_command(path: Path | None, lang: Lang) -> int:
    """Write the template to ``path`` (default ``profile.yaml``); never overwrite a file."""
    target = DEFAULT_PROFILE if path is None else Path(path)
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as fh:
            fh.write(template_text())
    except FileExistsError:
        _err(
            Msg(
                "{path} は既にあります。上書きしません。別の名前を指定してください",
                "{path} already exists; not overwriting it (give another name)",
            ).render(lang, path=target)
        )
        return int(ExitCode.BAD_INPUT)
    except OSError as exc:
        _err(
            Msg("{path} に書き込めません ({why})", "cannot write {path} ({why})").render(
                lang, path=target, why=exc.strerror or type(exc).__name__
            )
        )
        return int(ExitCode.BAD_INPUT)
    _err(
        Msg(
            "{path} を作成しました。<<…>> の箇所を書き換えてから "
            "`nss-autofill check {path}` を実行してください",
            "wrote {path}; replace every <<…>> placeholder, then run `nss-autofill check {path}`",
        ).render(lang, path=target)
    )
    return int(ExitCode.OK)


# ---------------------------------------------------------------- check


def check_command(
    path: Path,
    lang: Lang,
    *,
    min_business_days: int = 10,
    today: dt.date | None = None,
) -> int:
    """Validate ``path``; print a summary (0) or every problem (2)."""
    from .profile import japan_today

    day = japan_today() if today is None else today
    loaded = _load(Path(path), lang, day)
    if isinstance(loaded, int):
        return loaded
    print(summary(loaded, lang, today=day, min_business_days=min_business_days))
    return int(ExitCode.OK)


def summary(profile: Profile, lang: Lang, *, today: dt.date, min_business_days: int) -> str:
    """The ``check`` summary: codes, 業種, IDs, dates, warnings and notes."""
    from .dates import is_business_day
    from .profile_checks import business_days_left

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


# ---------------------------------------------------------------- plan


def plan_command(path: Path, lang: Lang, as_json: bool) -> int:
    """Print, page by page in flow order, what every field will receive; no browser."""
    loaded = _load(Path(path), lang, None)
    if isinstance(loaded, int):
        return loaded
    from .catalogue import load_catalogue
    from .planning import plan_flow

    catalogue = load_catalogue()
    plans = with_human_pages(catalogue, plan_flow(catalogue, loaded.model_dump(mode="python")))
    if as_json:
        print(json.dumps(plan_data(plans), ensure_ascii=False, indent=2))
    else:
        print(plan_text(plans, lang))
    return int(ExitCode.OK)


_HUMAN_KINDS = ("consent", "confirm", "phase_end", "done")
_PHASE_END = Msg(
    "ここで第1段階は終わりです。仮ログインIDとパスワードのメールが届いたら、もう一度実行します",
    "phase one ends here; when the e-mail with the temporary login ID and password arrives, "
    "run again",
)


def with_human_pages(catalogue: Catalogue, plans: list[PagePlan]) -> list[PagePlan]:
    """``plans`` with, in flow order, the pages where only the human acts (consent, submit)."""
    from .planning import PagePlan

    by_page: dict[str, list[PagePlan]] = {}
    for plan in plans:
        by_page.setdefault(plan.page.id, []).append(plan)
    out: list[PagePlan] = []
    for page in catalogue.pages:
        if page.id in by_page:
            out.extend(by_page.pop(page.id))
        elif page.kind.value in _HUMAN_KINDS:
            out.append(PagePlan(page, (), (), page.name))
    for rest in by_page.values():  # a page plan_flow knows and the catalogue order does not
        out.extend(rest)
    return out


def _field_data(f: PlannedField) -> dict[str, Any]:
    spec = f.spec
    return {
        "id": spec.id,
        "label": spec.label or spec.option,
        "where": spec.where(),
        "control": spec.control,
        "parts": list(spec.parts),
        "status": f.status,
        "values": [] if spec.sensitive else list(f.values),
        "manual": spec.manual,
        "note": f.note,
        "problems": list(f.problems),
    }


def plan_data(plans: list[PagePlan]) -> dict[str, Any]:
    """The plan as JSON-ready data: ``{"pages": [...]}`` in flow order."""
    pages = []
    for i, p in enumerate(plans, 1):
        pages.append(
            {
                "step": i,
                "page": p.page.id,
                "name": p.page.name,
                "title": p.title,
                "kind": p.page.kind.value,
                "phase": p.page.phase,
                "fields": [_field_data(f) for f in p.fields],
                "rows": [[_field_data(f) for f in row] for row in p.rows],
                "human_buttons": [b.caption for b in p.page.guarded_buttons],
                "manual": [f.spec.id for f in p.all_fields if f.status == "manual"],
                "review": p.page.review,
            }
        )
    return {"pages": pages}


def _field_line(f: PlannedField, lang: Lang, indent: str) -> str:
    spec = f.spec
    where = spec.where()
    if f.status == "manual":
        by_hand = "手作業" if lang == "ja" else "by hand"
        return f"{indent}{where}: [{by_hand}] {_pick(spec.manual or '', lang)}"
    if f.status == "skip-no-value":
        return f"{indent}{where}: " + ("(入力なし)" if lang == "ja" else "(left empty)")
    if spec.parts and len(spec.parts) == len(f.values):
        value = " / ".join(f"{part} {v}" for part, v in zip(spec.parts, f.values, strict=True))
    else:
        value = " / ".join(f.values)
    return f"{indent}{where}: {value}"


def _pick(text: str, lang: Lang) -> str:
    """One language of a catalogue text written ``日本語 / English``."""
    ja_text, sep, en_text = text.partition(" / ")
    return text if not sep else ja_text if lang == "ja" else en_text


def plan_text(plans: list[PagePlan], lang: Lang) -> str:
    """The plan as text a person reads before anything is typed."""
    out: list[str] = []
    for i, p in enumerate(plans, 1):
        out.append(f"[{i}] {p.title} ({p.page.id})")
        for f in p.fields:
            out.append(_field_line(f, lang, "    "))
        for j, row in enumerate(p.rows, 1):
            out.append(f"    「設定」 {j}:")
            for f in row:
                out.append(_field_line(f, lang, "      "))
        if p.page.review:
            out.append("    ! " + _pick(p.page.review, lang))
        for b in p.page.guarded_buttons:
            out.append(
                f"    → 「{b.caption}」"
                + (" はご本人が押します" if lang == "ja" else " is pressed by you, never the tool")
            )
        if p.page.kind.value == "phase_end":
            out.append("    → " + _PHASE_END.render(lang))
    return "\n".join(out)
