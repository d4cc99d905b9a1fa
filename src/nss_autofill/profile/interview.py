"""The guided ``init``: the profile asked question by question, each answer checked at once.

Every answer goes through the rule the profile model applies to that field (``fields.py`` →
``values.py``), so it is converted as ``check`` converts it (widths, katakana) and re-asked with
``check``'s message when wrong; the address comes from the postal code as NSS's 「反映」 fills it;
the Cyber Port values are not asked at all. When every answer is in, the whole profile is
validated by the model (the rules across fields: 業種 groups, single sign-on, the postal data)
and whatever that still finds is asked again. Starting from an existing profile, only what is
missing or invalid is asked.

Example::

    >>> answers = Interview(asker, "ja", today).run()      # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from pydantic_core import PydanticCustomError

from ..i18n import Lang, Msg
from . import values as rules
from .document import Document, Problem, ProfileError
from .fields import FIELDS, yes_no
from .industries import CUSTOMS_BROKER, INDUSTRIES
from .text_checks import PLACEHOLDER_RE


class Asker(Protocol):
    """What the interview needs from a prompt (``commands/prompter.py`` gives two)."""

    def ask(self, question: str, default: str = "", choices: Sequence[str] = ()) -> str: ...

    def say(self, text: str) -> None: ...


_REQUIRED = Msg("入力してください（必須）", "an answer is required")
_AS = Msg("  → {value}", "  → {value}")
_YES_NO = Msg("はい/いいえ", "yes/no")
_YES = Msg("はい", "yes")
_NO = Msg("いいえ", "no")
_REFLECT = Msg(
    "  〒{code}: {place}（NSS の「反映」と同じ）",
    "  〒{code}: {place} (as NSS's 「反映」 fills it)",
)
_UNKNOWN_CODE = Msg(
    "郵便番号 {code} は日本郵便のデータにありません",
    "the postal code {code} is not in Japan Post's data",
)
_WHICH_PLACE = Msg("どの地域ですか（番号）", "which place (number)")
_STREET = Msg("{prefix} に続く番地", "the street after {prefix}")
_SAME_ADMIN = Msg(
    "システム管理責任者は申込担当者と同じですか", "is the system administrator the applicant"
)
_DEADLINES = Msg(
    "  ID・パスワード閲覧期限 {viewing}、システム設定の申込期限 {setup}、今日から {left} 営業日",
    "  ID/password link until {viewing}, システム設定 by {setup}, {left} business days from today",
)
_FEW_DAYS = Msg(
    "  注意: {n} 営業日以上の余裕を推奨します", "  warning: at least {n} business days are advised"
)
_INDUSTRIES = Msg(
    "業種を選んでください（番号か名前、Tab で補完）:",
    "choose the 業種 (number or name, Tab completes):",
)
_INDUSTRY = Msg("業種", "業種 (industry)")
_OTHER_GROUP = Msg(
    "  （グループ{group}以外の業種は別の利用者コードが必要です）",
    "  (a 業種 outside group {group} needs another 利用者コード)",
)
_BROKERS = Msg("通関士の人数（識別番号数）", "number of customs brokers (IDs)")
_COUNT = Msg("識別番号数（通常 1）", "number of IDs (usually 1)")
_SSO = Msg("「{name}」でシングルサインオンを使いますか", "use single sign-on for {name}")
_MORE_INDUSTRY = Msg("この利用者コードに業種を追加しますか", "add another 業種 to this code")
_MORE_CODE = Msg("利用者コードを追加しますか", "add another 利用者コード")
_CODE = Msg("利用者コード（既存の5桁）", "利用者コード (the existing 5 characters)")
_BILLING_DEFAULT = Msg(
    "請求先は既定（一括請求 希望しない・所在地 事業所に同じ・口座振替 希望しない）でよいですか",
    "billing as by default (no consolidated billing, the office's address, no direct debit)",
)
_CONSOLIDATED = Msg("一括請求を希望しますか", "consolidated billing")
_OTHER_ADDRESS = Msg("請求先の所在地は事業所と別ですか", "another billing address")
_DEBIT = Msg("同一口座振替を希望しますか", "same-account direct debit")
_AGAIN = Msg("もう一度お答えください: {problem}", "please answer again: {problem}")

Data = dict[str, Any]


def _get(data: Data, path: Sequence[str]) -> Any:
    value: Any = data
    for part in path:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _put(data: Data, path: Sequence[str], value: Any) -> None:
    for part in path[:-1]:
        if not isinstance(data.get(part), dict):  # absent, or an empty section (None)
            data[part] = {}
        data = data[part]
    if value is None:
        data.pop(path[-1], None)
    else:
        data[path[-1]] = value


class Interview:
    """Asks for a profile through ``asker`` in ``lang``; :meth:`run` returns the plain data."""

    def __init__(self, asker: Asker, lang: Lang, today: dt.date, min_business_days: int = 10):
        self.asker, self.lang, self.today = asker, lang, today
        self.min_business_days = min_business_days
        self.data: Data = {"version": 1}
        self.todo: set[str] | None = None  # None: ask everything; else the sections to fix
        self.fix: set[str] | None = None  # None: ask every field; else the paths to fix

    # ------------------------------------------------------------------ answers
    def say(self, msg: Msg, **fields: object) -> None:
        self.asker.say(msg.render(self.lang, **fields))

    def _label(self, path: tuple[str, ...]) -> str:
        info = FIELDS[path]
        return Msg(info.column, f"{info.column} ({info.en})").render(self.lang)

    def _old(self, path: Sequence[str]) -> str:
        """The value already there (a fixed profile, an earlier round), placeholders dropped."""
        value = _get(self.data, path)
        if value is None or isinstance(value, dict | list):
            return ""
        text = str(value)
        return "" if PLACEHOLDER_RE.search(text) else text

    def _skip(self, *paths: tuple[str, ...]) -> bool:
        """Fixing a profile: none of ``paths`` has a problem, so none is asked."""
        return self.fix is not None and not any(".".join(p) in self.fix for p in paths)

    def answer(
        self,
        question: str,
        rule: Callable[[str], Any],
        *,
        default: str = "",
        optional: bool = False,
        choices: Sequence[str] = (),
    ) -> Any:
        """Ask until ``rule`` accepts the answer; its converted value (``None``: left empty)."""
        while True:
            text = self.asker.ask(question, default, choices)
            if not text:
                if optional:
                    return None
                self.say(_REQUIRED)
                continue
            try:
                value = rule(text)
            except PydanticCustomError as exc:
                ctx = exc.context or {}
                self.asker.say("  " + str(ctx.get(self.lang, exc.message())))
                continue
            if isinstance(value, str) and value != text and text != default:
                self.say(_AS, value=value)  # what check made of it: katakana, full width, …
            return value

    def field(self, path: tuple[str, ...], default: Any = None) -> None:
        """One scalar of ``fields.py``, checked by its rule, stored at ``path``."""
        info = FIELDS[path]
        assert info.rule is not None
        if self._skip(path):
            return
        shown = self._old(path) or ("" if default is None else str(default))
        value = self.answer(self._label(path), info.rule, default=shown, optional=info.optional)
        _put(self.data, path, value)

    def yes(self, question: Msg, default: bool) -> bool:
        hint = _YES_NO.render(self.lang)

        def rule(text: str) -> bool:
            value = yes_no(text)
            if not isinstance(value, bool):
                raise PydanticCustomError("nss", "{en}", {"ja": hint, "en": hint})
            return value

        answer = (_YES if default else _NO).render(self.lang)
        return bool(self.answer(f"{question.render(self.lang)} ({hint})", rule, default=answer))

    # ------------------------------------------------------------------ the sections
    def applicant(self) -> None:
        for key in ("company_name", "department", "family_name", "given_name",
                    "family_name_kana", "given_name_kana", "phone", "email"):  # fmt: skip
            self.field(("applicant", key))

    def company(self) -> None:
        applicant = self.data.get("applicant", {})
        self.field(("company", "name"), applicant.get("company_name"))
        self.field(("company", "name_kana"))
        self.field(("company", "corporate_number"))
        self.field(("company", "representative_title"), "代表取締役")
        self.field(("company", "representative_name"))
        self.address(("company",))
        self.field(("company", "phone"), applicant.get("phone"))

    def address(self, at: tuple[str, ...]) -> None:
        """郵便番号, then 都道府県 and 市区町村 from the postal data; only the rest is asked."""
        from .postal import places

        def postal(text: str) -> str:
            code = rules.norm_postal(text)
            if not places(code):
                shown = f"{code[:3]}-{code[3:]}"
                m = _UNKNOWN_CODE.format(code=shown)
                raise PydanticCustomError("nss", "{en}", {"ja": m.ja, "en": m.en})
            return code

        paths = [(*at, key) for key in ("postal_code", "prefecture", "city_address")]
        if self._skip(*paths):
            self.field((*at, "building"))
            return
        code = self.answer(self._label(paths[0]), postal, default=self._old(paths[0]))
        found = places(code)
        place = found[0]
        if len(found) > 1:
            for i, p in enumerate(found, 1):
                self.asker.say(f"  {i}: {p.prefecture}{p.city}{p.town}")

            def pick(text: str) -> int:
                if not (text.isdigit() and 0 < int(text) <= len(found)):
                    rules.fail("番号で選んでください", "choose by number")
                return int(text)

            place = found[self.answer(_WHICH_PLACE.render(self.lang), pick) - 1]
        shown = f"{code[:3]}-{code[3:]}"
        self.say(_REFLECT, code=shown, place=f"{place.prefecture} {place.city} {place.town}")
        prefix = place.city + place.town
        old = self._old((*at, "city_address"))
        rest = old[len(prefix) :] if old.startswith(prefix) else ""
        street = self.answer(
            _STREET.render(self.lang, prefix=prefix),
            lambda t: rules.norm_zenkaku(prefix + t),
            default=rest,
        )
        _put(self.data, (*at, "postal_code"), code)
        _put(self.data, (*at, "prefecture"), place.prefecture)
        _put(self.data, (*at, "city_address"), street)
        self.field((*at, "building"))

    def administrator(self) -> None:
        same = "administrator" not in self.data
        if self.yes(_SAME_ADMIN, same):
            self.data.pop("administrator", None)
            return
        for key in ("name", "phone", "email"):
            info = FIELDS[("administrator", key)]
            assert info.rule is not None
            value = self.answer(self._label(info.path), info.rule, default=self._old(info.path))
            _put(self.data, info.path, value)

    def contract(self) -> None:
        from .checks import business_days_left
        from .deadlines import example_start_date, setup_deadline, viewing_deadline

        old = self._old(("contract", "start_date"))
        start = self.answer(
            self._label(("contract", "start_date")),
            lambda t: rules.norm_date(t, self.today),
            default=old or example_start_date(self.today).isoformat(),
        )
        _put(self.data, ("contract", "start_date"), start.isoformat())
        left = business_days_left(self.today, start)
        self.say(
            _DEADLINES, viewing=viewing_deadline(start), setup=setup_deadline(start), left=left
        )
        if left < self.min_business_days:
            self.say(_FEW_DAYS, n=self.min_business_days)

    def user_codes(self) -> None:
        codes: list[Data] = []
        self.asker.say(_INDUSTRIES.render(self.lang))
        names = list(INDUSTRIES)
        self.asker.say("  " + "  ".join(f"{i}:{n}" for i, n in enumerate(names, 1)))
        while True:
            code = self.answer(_CODE.render(self.lang), rules.norm_user_code)
            ids: list[Data] = []
            while True:
                ids.append(self._industry_row(ids))
                if not self.yes(_MORE_INDUSTRY, False):
                    break
            codes.append({"code": code, "ids": ids})
            if not self.yes(_MORE_CODE, False):
                break
        self.data["user_codes"] = codes

    def _industry_row(self, ids: list[Data]) -> Data:
        chosen = [r["industry"] for r in ids]
        group = INDUSTRIES[chosen[0]].group if chosen else None
        offered = [
            n for n in INDUSTRIES
            if n not in chosen and (group is None or INDUSTRIES[n].group == group)
            and (n != CUSTOMS_BROKER or "通関業" in chosen)
        ]  # fmt: skip
        if group is not None:
            self.say(_OTHER_GROUP, group=group)
        all_names = list(INDUSTRIES)

        def industry(text: str) -> str:
            if text.isdigit() and 0 < int(text) <= len(all_names):
                text = all_names[int(text) - 1]
            name = rules.norm_industry(text)
            if name not in offered:
                rules.fail(
                    f"ここで選べる業種: {'、'.join(offered)}",
                    f"業種 you can choose here: {', '.join(offered)}",
                )
            return name

        name = self.answer(_INDUSTRY.render(self.lang), industry, choices=offered)
        question = _BROKERS if name == CUSTOMS_BROKER else _COUNT
        count = self.answer(question.render(self.lang), rules.norm_count, default="1")
        row: Data = {"industry": name, "count": count}
        if INDUSTRIES[name].sso:
            row["single_sign_on"] = self.yes(_SSO.format(name=name), False)
        return row

    def plan(self) -> None:
        self.field(("plan", "general_naccs"), "B")
        for key in ("statistics", "bonded_archive"):
            path = ("plan", key)
            if self._skip(path):
                continue
            column = FIELDS[path].column
            _put(self.data, path, self.yes(Msg(column, column), _get(self.data, path) is True))

    def billing(self) -> None:
        billing = self.data.get("billing") or {}
        if self.yes(_BILLING_DEFAULT, not billing):
            self.data.pop("billing", None)
            return
        self.data["billing"] = {}
        if self.yes(_CONSOLIDATED, "consolidated" in billing):
            self._party("consolidated")
        if self.yes(_OTHER_ADDRESS, isinstance(billing.get("address"), dict)):
            self.address(("billing", "address"))
        if self.yes(_DEBIT, "direct_debit" in billing):
            self._party("direct_debit")

    def _party(self, key: str) -> None:
        self.field(("billing", key, "registered_code"))
        if _get(self.data, ("billing", key, "registered_code")) is None:
            self.field(("billing", key, "office_code"))
        for name in ("company_name", "office_name"):
            info = FIELDS[("billing", key, name)]
            assert info.rule is not None
            value = self.answer(self._label(info.path), info.rule, default=self._old(info.path))
            _put(self.data, info.path, value)

    def remarks(self) -> None:
        self.field(("remarks",))

    # ------------------------------------------------------------------ the whole
    SECTIONS = ("applicant", "company", "administrator", "contract", "user_codes", "plan",
                "billing", "remarks")  # fmt: skip

    def run(self, start: Data | None = None, problems: Sequence[Problem] = ()) -> Data:
        """Ask every section (or, from ``start``, those ``problems`` point at) until the whole
        profile validates; the plain data of the profile."""
        if start is not None:
            self.data = {**start, "version": 1}
            self._to_fix(problems)
        for _ in range(20):  # each round asks again only what the whole still finds wrong
            for section in self.SECTIONS:
                if self.todo is None or section in self.todo:
                    getattr(self, section)()
            found = self.problems()
            if not found:
                return self.data
            for p in found:
                self.say(_AGAIN, problem=p.render(self.lang))
            self._to_fix(found)
        raise ProfileError(list(self.problems()))

    def _to_fix(self, problems: Sequence[Problem]) -> None:
        self.todo = {self._section(p.path) for p in problems}
        self.fix = {p.path for p in problems}
        for p in problems:  # a problem of a whole section (missing, not a mapping): all of it
            if p.path in self.SECTIONS:
                self.fix |= {".".join(f) for f in FIELDS if f[0] == p.path}

    def problems(self) -> list[Problem]:
        import copy

        from .loading import validate_document

        try:
            validate_document(Document(copy.deepcopy(self.data)), today=self.today)
        except ProfileError as exc:
            return exc.problems
        return []

    def _section(self, path: str) -> str:
        head = path.split(".")[0] if path else "applicant"
        return head if head in self.SECTIONS else "applicant"
