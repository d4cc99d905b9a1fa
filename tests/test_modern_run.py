"""The whole run on the modern markup of the mock: same catalogue, same command line.

The mock serves the flow with ``<label for>``, aria names, fieldsets, divs instead of tables,
UTF-8 everywhere, other input names and other URL paths; nss-autofill knows none of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nss_autofill.mock.server import MockSite

from .helpers import PROFILES, field_problems, run_both_phases


@pytest.mark.human_presses  # the simulated operator's consent and final presses are asserted
def test_both_phases_on_the_modern_markup(tmp_path: Path) -> None:
    with MockSite(style="modern") as site:
        first, second = run_both_phases(site, PROFILES / "example.yaml", tmp_path)
        assert first.report is not None
        seen = [p["page_id"] for p in first.report["pages"]]
        assert seen == ["bbs-top", "bbs-nss", "terms", "temp-apply", "temp-confirm", "temp-done"]
        assert field_problems(first.report) == []
        assert site.mail is not None
        assert site.mail.url == site.page_url("login")

        assert second.code == 0, second.stderr
        assert second.report is not None
        assert second.report["outcome"] == "completed"
        seen = [p["page_id"] for p in second.report["pages"]]
        assert seen[0] == "login" and seen[-1] == "apply-done"
        for page_id in ("apply-tanto", "apply-office", "apply-usercode", "apply-plan"):
            assert page_id in seen
        assert field_problems(second.report) == []

        # What reached the server, under the modern names and paths: the profile's values.
        posts = site.posts
        assert [p.kind for p in site.guarded_posts()] == ["consent", "final", "final"]
        assert all(p.encoding == "utf-8" for p in posts)
        assert all(p.path.startswith("/app/v7/") for p in posts)
        by_page = {p.page_id: p for p in posts if p.page_id}  # the last POST of each page
        temp = by_page["temp-apply"].fields
        assert temp[site.input_name("txtMailAddr")] == temp[site.input_name("txtMailAddrKakunin")]
        assert temp[site.input_name("txtKgyMei")] != [""]
        office = by_page["apply-office"]
        assert office.submitter == "一般NACCSを利用する"
        assert office.fields[site.input_name("txtKgyJusyo1")] != [""]
        assert by_page["apply-usercode"].fields[site.input_name("hdnGyoshu")]
        pressed = [g for g in second.report["guarded"] if g["pressed_by"] == "simulated-operator"]
        assert [g["page_id"] for g in pressed] == ["apply-confirm"]
