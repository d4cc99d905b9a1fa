"""The confirmation audit: values the tool filled must be shown back before the human submits."""

from __future__ import annotations

from pathlib import Path

import pytest

from nss_autofill.engine.confirm_audit import audit_text, expected_values
from nss_autofill.mock.server import MockSite
from nss_autofill.profile import load_profile
from nss_autofill.site.catalogue import load_catalogue

from .helpers import PROFILES, run_cli

CAT = load_catalogue()


def _data(name: str) -> dict[str, object]:
    return load_profile(PROFILES / name).model_dump(mode="python")


@pytest.mark.nobrowser
def test_expected_values_of_phase_two_hold_every_typed_value_but_no_choice() -> None:
    expected = expected_values(CAT, _data("two-codes-billing.yaml"), 2)
    labels = {label for _, label, _ in expected}
    values = {value for _, _, value in expected}
    assert "企業に関する項目 › 企業名" in labels
    assert any(v.isdigit() and len(v) == 7 for v in values)  # postal / billing codes
    assert not any("下欄に入力" in v for v in values)  # radio captions are not compared
    assert {p for p, _, _ in expected} <= {p.id for p in CAT.pages if p.phase == 2}


@pytest.mark.nobrowser
def test_audit_text_ignores_layout_and_width_but_not_content() -> None:
    expected = [("x", "企業名", "ナックス商事株式会社"), ("x", "電話番号", "03-1234-5678")]
    shown = "企業名\tナックス商事 株式会社\n電話番号 ０３－１２３４－５６７８"
    assert audit_text(shown, expected) == []
    diffs = audit_text("企業名 ナックス商事有限会社", expected)
    assert [(d.label, d.kind) for d in diffs] == [("企業名", "missing"), ("電話番号", "missing")]


def test_a_confirmation_that_differs_from_the_profile_is_reported_before_submitting(
    mock_site: MockSite, tmp_path: Path
) -> None:
    # The mock's confirmation shows its own sample data, not this profile's values.
    res = run_cli(
        str(PROFILES / "example.yaml"),
        "--headless",
        "--lang",
        "en",
        "--start-url",
        mock_site.url_for("apply-confirm"),
        "--allow-origin",
        mock_site.base_url,
        tmp_path=tmp_path,
    )
    assert res.code == 3, res.stderr
    assert res.report is not None
    page = res.report["pages"][-1]
    assert page["page_id"] == "apply-confirm"
    missing = {d["expected"] for d in page["confirmation"]}
    assert "ナックス商事株式会社" in missing
    assert "values are not shown" in res.stderr
    assert mock_site.guarded_posts() == []
