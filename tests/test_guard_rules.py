"""The guard's pure classification (``engine/guard/rules.py``), pinned case by case.

Written against the mutants that survived the older tests (docs/mutation.md): the never-safe
floor under a page spec that lies, the exact-caption exemption of deny-listed words, script
text, and every word of the floor by name. No browser.
"""

from __future__ import annotations

from typing import Any

import pytest

from nss_autofill.engine.guard import (
    NEVER_SAFE,
    GuardRefused,
    PageChanged,
    Rules,
    UnsafeCatalogue,
    caption_key,
    check_catalogue,
)
from nss_autofill.engine.guard.rules import display
from nss_autofill.errors import ExitCode
from nss_autofill.site.catalogue import Catalogue, PageSpec, load_catalogue

pytestmark = pytest.mark.nobrowser

CAT = load_catalogue()
FINAL = "申込内容を登録する"
CONSENT = "システム利用規定に同意する"
FLOOR = "holds a word that is never safe to press"
CLASSED = "classed consent/final submit in the catalogue"

# Written down, not read from the code: the words no page may class as safe.
NEVER_SAFE_WORDS = (
    "同意する",
    "登録する",
    "送信",
    "確定",
    "申請する",
    "申し込む",
    "申込する",
    "提出",
)


@pytest.fixture
def rules() -> Rules:
    """Built in the test (not at import), so its construction is under test too."""
    return Rules(CAT)


def _spec(buttons: list[tuple[str, str]], page_id: str = "liar") -> PageSpec:
    return PageSpec.model_validate(
        {
            "id": page_id,
            "name": page_id,
            "kind": "form",
            "phase": 1,
            "signals": [{"text": "x"}],
            "buttons": [{"caption": c, "class": cls} for c, cls in buttons],
        }
    )


def test_the_floor_is_these_words() -> None:
    assert set(NEVER_SAFE) == set(NEVER_SAFE_WORDS)


@pytest.mark.parametrize("word", NEVER_SAFE_WORDS)
@pytest.mark.parametrize("cls", ["navigation", "choice", "helper"])
def test_each_never_safe_word_is_refused_under_a_lying_page_spec(
    word: str, cls: str, rules: Rules
) -> None:
    """The page says the word is safe: the floor refuses it all the same, alone and inside a
    longer caption, and with the catalogue's deny list emptied too."""
    spec = _spec([(word, cls), (f"内容を{word}", cls)])
    assert rules.classify(word, spec) == FLOOR
    assert rules.classify(f"内容を{word}", spec) == FLOOR
    assert rules.classify(f" {word}\u3000", None) == FLOOR
    assert rules.is_guarded(word)
    assert rules.is_guarded(f"上記の内容で{word}")
    data = CAT.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["deny_captions"] = []
    bare = Rules(Catalogue.model_validate(data))
    assert bare.classify(word, spec) == FLOOR
    assert bare.classify(word, None) == FLOOR
    assert bare.is_guarded(word)


def test_a_deny_listed_caption_holding_a_safe_caption_is_not_pressable(rules: Rules) -> None:
    """「戻る」 is navigation on temp-apply; 「承認して戻る」 holds 承認 and is not 「戻る」."""
    spec = CAT.page("temp-apply")
    assert rules.classify("戻る", spec) is None
    reason = rules.classify("承認して戻る", spec)
    assert reason == (
        "holds the deny-listed word '承認' and is not classed safe on page temp-apply"
    )
    assert rules.classify("申込内容確認へ進む", spec) is None
    assert rules.classify("承認して申込内容確認へ進む", spec) is not None


def test_a_deny_listed_caption_is_pressable_only_where_that_exact_caption_is_safe(
    rules: Rules,
) -> None:
    assert rules.classify("同意しない", CAT.page("terms")) is None
    assert rules.classify(" 同意\u3000しない ", CAT.page("terms")) is None  # the same key
    assert rules.classify("同意しない", CAT.page("temp-apply")) == (
        "holds the deny-listed word '同意' and is not classed safe on page temp-apply"
    )
    assert rules.classify("同意しない", None) == (
        "holds the deny-listed word '同意' and is not classed safe on an unknown page"
    )
    # a deny-listed caption classed safe by the page at hand is the page's call
    assert rules.classify("申請", _spec([("申請", "navigation")])) is None
    assert rules.classify("申請", None) is not None
    # a caption without any listed word needs no page
    assert rules.classify("次へ", None) is None
    assert rules.classify("次へ", _spec([])) is None


def test_catalogue_guarded_captions_come_first(rules: Rules) -> None:
    liar = _spec([(FINAL, "navigation"), (CONSENT, "choice")])
    for caption in (FINAL, CONSENT, f"▶{FINAL}", f"上記に{CONSENT}"):
        assert rules.classify(caption, liar) == CLASSED
        assert rules.classify(caption, None) == CLASSED
        assert rules.is_guarded(caption)


def test_a_caption_the_page_classes_guarded_is_refused_there(rules: Rules) -> None:
    """No listed word, but this page classes it consent or final submit (and a caption that
    holds it): refused on that page, pressable elsewhere."""
    spec = _spec([("この内容で確認", "final_submit"), ("規約を読みました", "consent")], "p")
    assert rules.classify("この内容で確認", spec) == "classed final_submit on page p"
    assert rules.classify("この内容で確認します", spec) == "classed final_submit on page p"
    assert rules.classify("規約を読みました", spec) == "classed consent on page p"
    assert rules.classify("この内容で確認", None) is None
    assert rules.classify("この内容", spec) is None  # the page's caption is not in it


def test_is_guarded_reads_script_text(rules: Rules) -> None:
    assert rules.is_guarded(f"javascript:doSubmit('{FINAL}')")
    assert rules.is_guarded("doSubmit('同意する')")
    assert rules.is_guarded(f"document.forms[0].hdnBtnNm.value='{CONSENT}'")
    assert not rules.is_guarded("javascript:doSubmit('次へ')")
    assert not rules.is_guarded("javascript:doSubmit('戻る')")


def test_is_guarded_is_not_the_deny_list(rules: Rules) -> None:
    """Deny-listed words are refused by classify unless classed safe; is_guarded is the floor
    and the consent/final captions only."""
    for caption in ("同意しない", "申請", "登録", "承認"):
        assert not rules.is_guarded(caption), caption
    for caption in ("", "   ", "\u200b"):
        assert not rules.is_guarded(caption)
        assert rules.classify(caption, None) is None


def test_commit_captions_and_data(rules: Rules) -> None:
    assert rules.commit_captions == (CONSENT, FINAL, "同意する")
    for value in (FINAL, CONSENT, "上記に同意する", f"x={FINAL}", "申込内容を\u3000登録する"):
        assert rules.carries_commit(value), value
    for value in ("", "確定", "送信", "登録番号", "申請者", "同意しない", "登録する"):
        assert not rules.carries_commit(value), value


def test_caption_key_and_display() -> None:
    assert caption_key(" 申込内容を\u3000登録する\n") == FINAL
    assert caption_key("申込\u200b内容を\u2060登録する") == FINAL
    assert caption_key("ＮＳＳ　ログイン") == "NSSログイン"
    assert caption_key(None) == ""
    assert display("  次へ\n\u3000＞ ") == "次へ >"
    assert display("ＮＳＳ   ログイン") == "NSS ログイン"
    assert display(None) == ""


def test_refusals_carry_the_caption_and_the_reason() -> None:
    exc = GuardRefused("次へ", "why")
    assert str(exc) == "refused to press '次へ': why"
    assert (exc.caption, exc.reason) == ("次へ", "why")
    assert exc.exit_code == ExitCode.UNKNOWN_PAGE
    assert isinstance(PageChanged("x", "y"), GuardRefused)
    assert UnsafeCatalogue("x").exit_code == ExitCode.INTERNAL


def _data() -> dict[str, Any]:
    return CAT.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def _unsafe(data: dict[str, Any]) -> str:
    with pytest.raises(UnsafeCatalogue) as info:
        check_catalogue(Catalogue.model_validate(data))
    return str(info.value)


def test_the_shipped_catalogue_passes() -> None:
    check_catalogue(CAT)


def test_a_catalogue_weakening_the_guard_is_refused_naming_each_problem() -> None:
    data = _data()
    terms = next(p for p in data["pages"] if p["id"] == "terms")
    plan = next(p for p in data["pages"] if p["id"] == "apply-plan")
    terms["buttons"] = [b for b in terms["buttons"] if b["class"] != "consent"]
    plan["buttons"].append({"caption": FINAL, "class": "navigation"})
    plan["buttons"].append({"caption": "内容を確定", "class": "helper"})
    assert _unsafe(data) == (
        "the catalogue weakens the guard: "
        "page terms (consent) has no consent/final_submit button; "
        f"{FINAL!r} is guarded on one page and navigation on apply-plan; "
        f"{FINAL!r} on apply-plan is classed navigation: never safe; "  # it holds 登録する
        "'内容を確定' on apply-plan is classed helper: never safe"
    )


def test_a_never_safe_button_after_a_guarded_one_on_the_same_page_is_found() -> None:
    data = _data()
    terms = next(p for p in data["pages"] if p["id"] == "terms")
    assert terms["buttons"][0]["class"] == "consent"  # checked first, then the ones after it
    terms["buttons"].append({"caption": "内容を確定", "class": "navigation"})
    assert _unsafe(data) == (
        "the catalogue weakens the guard: '内容を確定' on terms is classed navigation: never safe"
    )


@pytest.mark.parametrize("word", NEVER_SAFE_WORDS)
def test_a_catalogue_classing_a_never_safe_word_safe_is_refused(word: str) -> None:
    data = _data()
    plan = next(p for p in data["pages"] if p["id"] == "apply-plan")
    plan["buttons"].append({"caption": f"{word}ボタン", "class": "navigation"})
    assert f"'{word}ボタン' on apply-plan is classed navigation: never safe" in _unsafe(data)


def test_a_catalogue_with_no_guarded_caption_is_refused() -> None:
    data = _data()
    for p in data["pages"]:
        p["buttons"] = [
            b for b in p.get("buttons", []) if b["class"] not in ("consent", "final_submit")
        ]
        if p["kind"] in ("consent", "confirm"):
            p["kind"] = "form"
        if not p["buttons"]:
            p.pop("forward", None)
    assert _unsafe(data) == (
        "the catalogue weakens the guard: no caption is classed consent or final_submit"
    )
