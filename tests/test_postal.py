"""Addresses checked against the postal data: the same rules in ``check`` and ``init``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nss_autofill.commands.check import check_command
from nss_autofill.profile.postal import places, reflect

pytestmark = pytest.mark.nobrowser

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "profiles" / "example.yaml").read_text("utf-8")
BILLING = (ROOT / "profiles" / "two-codes-billing.yaml").read_text("utf-8")
TODAY = dt.date(2027, 1, 4)


def _check(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    path = tmp_path / "p.yaml"
    path.write_text(text, "utf-8")
    code = check_command(path, "en", today=TODAY)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_example_address_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(tmp_path, EXAMPLE, capsys)  # 105-0001 東京都 港区虎ノ門…
    assert (code, err) == (0, "")
    assert "warning" not in out


def test_a_prefecture_the_postal_code_contradicts_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error, not a warning: NSS's 「反映」 fills 都道府県 from the postal code, so the
    application would carry another address than the profile."""
    code, out, err = _check(
        tmp_path, EXAMPLE.replace("prefecture: 東京都", "prefecture: 大阪府"), capsys
    )
    assert code == 2 and out == ""
    assert err.splitlines()[1] == (
        "company.postal_code (line 20): the postal code 105-0001 is in 東京都, not 大阪府; "
        "NSS's 「反映」 would replace the address"
    )


def test_an_unknown_postal_code_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _check(tmp_path, EXAMPLE.replace('"105-0001"', '"999-9999"'), capsys)
    assert code == 2
    assert (
        "company.postal_code (line 20): the postal code 999-9999 is not in Japan Post's data" in err
    )


def test_a_city_that_does_not_match_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXAMPLE.replace("港区虎ノ門一丁目２番３号", "千代田区丸の内一丁目")
    code, out, _ = _check(tmp_path, text, capsys)
    assert code == 0
    assert (
        "warning: company.city_address (line 22): '千代田区丸の内一丁目' does not start with 港区, "
        "the city of the postal code 105-0001"
    ) in out


def test_the_billing_address_is_checked_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _check(tmp_path, BILLING, capsys)[0] == 0
    code, _, err = _check(tmp_path, BILLING.replace('"100-0005"', '"105-0001"'), capsys)
    assert code == 0  # still 東京都; only the city disagrees: a warning
    code, _, err = _check(
        tmp_path, BILLING.replace("    prefecture: 東京都", "    prefecture: 大阪府"), capsys
    )
    assert code == 2
    assert "billing.address.postal_code" in err


def test_reflect_is_what_nss_fills() -> None:
    place = reflect("1050001")
    assert place is not None
    assert (place.prefecture, place.city, place.town) == ("東京都", "港区", "虎ノ門")
    assert reflect("105-000") is None
    assert places("１０５－０００１") == places("105-0001")  # full-width digits too
