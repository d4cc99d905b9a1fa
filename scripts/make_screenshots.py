"""Regenerate the README's screenshots of the operator's overlay (``docs/img/*.png``).

Everything runs against the mock NSS site on loopback with ``profiles/example.yaml``; nothing is
pressed that only a human may press. Run from the repository root::

    .venv/bin/python scripts/make_screenshots.py [--out docs/img] [--style classic]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, ViewportSize, sync_playwright

from nss_autofill.browser import LOOPBACK_ONLY_ARG, find_executable
from nss_autofill.catalogue import Catalogue, PageSpec, load_catalogue
from nss_autofill.confirm_audit import audit_text, expected_values
from nss_autofill.filling import FieldResult, FillMemory, fill_page, press_and_settle
from nss_autofill.locating import field_locators, find_button
from nss_autofill.mock.server import MockSite
from nss_autofill.overlay import highlight, show_confirmation, show_field_status
from nss_autofill.planning import build_context, plan_page
from nss_autofill.profile import load_profile
from nss_autofill.recognition import wait_settled

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT: ViewportSize = {"width": 1100, "height": 800}


def _press(locator: Locator, caption: str, /) -> None:
    """Helper buttons only (「反映」); fill_page never hands a guarded control here."""
    locator.click()


class Shots:
    def __init__(self, page: Page, site: MockSite, out: Path, data: dict[str, Any]) -> None:
        self.page = page
        self.site = site
        self.out = out
        self.data = data
        self.cat: Catalogue = load_catalogue()

    def open(self, page_id: str) -> PageSpec:
        self.page.goto(self.site.url_for(page_id))
        wait_settled(self.page, 3000)
        return self.cat.page(page_id)

    def fill(
        self, spec: PageSpec, memory: FillMemory, tweak: Callable[[dict[str, Any]], None] | None
    ) -> list[FieldResult]:
        ctx = build_context(self.data)
        if tweak is not None:
            tweak(ctx)
        return fill_page(self.page, spec, plan_page(spec, ctx), memory, _press, ctx)

    def shot(self, name: str) -> None:
        self.page.wait_for_timeout(150)  # one animation frame for the repositioning
        path = self.out / f"{name}.png"
        self.page.screenshot(path=str(path))
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def guarded(self, spec: PageSpec) -> Locator:
        caption = spec.guarded_buttons[0].caption
        target = find_button(self.page, caption, spec)
        if target is None:
            raise SystemExit(f"{spec.id}: no control 「{caption}」")
        return target

    # ------------------------------------------------------------------ the pictures
    def temp_apply(self) -> None:
        spec = self.open("temp-apply")
        show_field_status(self.page, spec, self.fill(spec, FillMemory(), None))
        self.shot("overlay-temp-apply")

    def apply_office(self) -> None:
        spec = self.open("apply-office")
        # the tool wrote 代表者役職 on an earlier visit and the operator has changed it since
        # (kept), and the profile names a prefecture NSS does not list (a problem)
        memory = FillMemory()
        memory.remember(spec.id, "representative_title", 0, None, "代表取締役")
        (title,) = field_locators(self.page, spec.field("representative_title"), spec)
        title.fill("代表取締役社長")

        def bad_prefecture(ctx: dict[str, Any]) -> None:
            ctx["company"] = {**ctx["company"], "prefecture": "東京府"}

        results = self.fill(spec, memory, bad_prefecture)
        show_field_status(self.page, spec, results)
        self.page.evaluate("() => window.scrollTo(0, 0)")
        self.shot("overlay-apply-office")

    def terms(self) -> None:
        spec = self.open("terms")
        highlight(self.page, self.guarded(spec))
        self.shot("overlay-terms-consent")

    def through_phase_2(self) -> None:
        """Fill and post the phase-2 forms (the mock's sample 利用者コード stays)."""
        for page_id in (
            "apply-tanto",
            "apply-office",
            "apply-terminal",
            "apply-mailbox",
            "apply-plan",
            "apply-billing",
        ):
            spec = self.open(page_id)
            self.fill(spec, FillMemory(), None)
            btn = find_button(self.page, spec.forward[0], spec)
            if btn is None:
                raise SystemExit(f"{page_id}: no control 「{spec.forward[0]}」")
            press_and_settle(self.page, _press, btn, spec.forward[0])

    def apply_confirm(self) -> None:
        self.through_phase_2()
        spec = self.open("apply-confirm")
        expected = expected_values(self.cat, self.data, spec.phase)
        diffs = audit_text(self.page.inner_text("body"), expected)
        show_confirmation(self.page, diffs, len(expected))
        highlight(self.page, self.guarded(spec))
        self.shot("overlay-apply-confirm")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    ap.add_argument("--style", default="classic", choices=("classic", "modern"))
    ap.add_argument("--profile", type=Path, default=ROOT / "profiles" / "example.yaml")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    data = load_profile(args.profile).model_dump(mode="python")
    exe = find_executable()
    with MockSite(args.style) as site, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(exe) if exe else None, args=[LOOPBACK_ONLY_ARG]
        )
        context = browser.new_context(
            viewport=VIEWPORT, locale="ja-JP", timezone_id="Asia/Tokyo", service_workers="block"
        )
        shots = Shots(context.new_page(), site, args.out, data)
        shots.temp_apply()
        shots.apply_office()
        shots.terms()
        shots.apply_confirm()
        browser.close()
        guarded = site.guarded_posts()
    if guarded:
        print(f"guarded POSTs reached the mock: {guarded}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
