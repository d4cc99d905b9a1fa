"""Regenerate the README's screenshots of the operator's overlay (``docs/img/*.png``).

Everything runs against the mock NSS site on loopback with ``profiles/example.yaml`` (its start
date moved ahead as ``init --example`` does); nothing is pressed that only a human may press.
Run from the repository root::

    .venv/bin/python scripts/make_screenshots.py [--out docs/img] [--style classic]

Two kinds of pictures:

* the **walk** (``walk-<phase>-<nn>-<page id>.png``): one picture per page of both phases, in
  the order the operator meets them (``WALK``), each page as the tool leaves it for the
  operator — fields outlined after filling, the banner at a consent or final-submit control,
  the confirmation audit on 申込内容確認. Pages behind a control only a human may press
  (consent, 「申込内容を登録する」), behind the new tab of 「新規申込」 or behind the login are
  opened with the mock's ``url_for``; every other page is reached by pressing the forward
  control the catalogue names, as a run does.
* the **overview** (``overlay-apply-office.png``): a page with a value the operator changed
  (kept) and a value NSS does not list (a problem).

The login ID and password are never typed: the login page is shown empty, and the mock mail's
credentials and the login ID in the page header are masked wherever they appear.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, FloatRect, Locator, Page, ViewportSize

from nss_autofill.engine.confirm_audit import audit_text, expected_values
from nss_autofill.engine.filling import FillMemory, PageFill, fill_page, press_and_settle
from nss_autofill.engine.locating import field_locators, find_button
from nss_autofill.engine.overlay import highlight, show_confirmation, show_field_status
from nss_autofill.engine.planning import build_context, plan_page
from nss_autofill.engine.reading import wait_settled
from nss_autofill.engine.recognition import read_facts, recognise
from nss_autofill.mock.server import MockSite
from nss_autofill.profile.examples import example_text
from nss_autofill.profile.loading import japan_today, load_profile, parse_profile
from nss_autofill.run.browser import open_browser
from nss_autofill.site.catalogue import Catalogue, PageKind, PageSpec, load_catalogue

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT: ViewportSize = {"width": 1100, "height": 800}
MASK_COLOR = "#555555"

#: The operator's walk through both phases: (phase, catalogue page id), in order.
WALK: tuple[tuple[int, str], ...] = (
    (1, "bbs-top"),
    (1, "bbs-nss"),
    (1, "terms"),
    (1, "temp-apply"),
    (1, "temp-confirm"),
    (1, "temp-done"),
    (2, "login"),
    (2, "apply-tanto"),
    (2, "apply-office"),
    (2, "apply-usercode-choice"),
    (2, "apply-usercode"),
    (2, "apply-terminal"),
    (2, "apply-mailbox"),
    (2, "apply-plan"),
    (2, "apply-billing"),
    (2, "apply-confirm"),
    (2, "apply-done"),
)

#: Pages of the walk opened with the mock's ``url_for``: the way in is a control only a human
#: may press (consent, final submit), a new tab (「新規申込」), the mail's link or the login.
#: Every other page is reached by pressing the previous page's forward control.
OPENED = frozenset(
    {"bbs-top", "bbs-nss", "terms", "temp-apply", "temp-done", "login", "apply-tanto", "apply-done"}
)

#: The overview pictures (README, "What you see") besides the walk's.
OVERVIEW: tuple[str, ...] = ("overlay-apply-office",)


def walk_names() -> list[tuple[str, str]]:
    """(file stem, page id) of every walk picture, e.g. ``("walk-1-03-terms", "terms")``."""
    out: list[tuple[str, str]] = []
    counts: dict[int, int] = {}
    for phase, page_id in WALK:
        counts[phase] = counts.get(phase, 0) + 1
        out.append((f"walk-{phase}-{counts[phase]:02d}-{page_id}", page_id))
    return out


def picture_names() -> list[str]:
    """Every file the script writes, without ``.png``."""
    return [name for name, _ in walk_names()] + list(OVERVIEW)


def _presser(page: Page) -> Callable[[Locator | str, str], None]:
    """Presses helper and forward buttons only (「反映」, 「次へ」, …), never a guarded one."""

    def press(target: Locator | str, caption: str, /) -> None:
        (page.locator(target) if isinstance(target, str) else target).click()

    return press


class Shots:
    def __init__(self, page: Page, site: MockSite, out: Path, data: dict[str, Any]) -> None:
        self.page = page
        self.site = site
        self.out = out
        self.data = data
        self.cat: Catalogue = load_catalogue()
        self.memory = FillMemory()

    # ------------------------------------------------------------------ tools
    def open(self, page_id: str) -> PageSpec:
        self.page.goto(self.site.url_for(page_id))
        wait_settled(self.page, 3000)
        return self.expect(page_id)

    def expect(self, page_id: str) -> PageSpec:
        """The catalogue's spec, once the page is recognised as ``page_id`` (else stop)."""
        rec = recognise(self.cat, read_facts(self.page, self.cat))
        if rec.page is None or rec.page.id != page_id:
            got = rec.page.id if rec.page else rec.reason
            raise SystemExit(f"expected the page {page_id}, the browser shows: {got}")
        return rec.page

    def fill(
        self,
        spec: PageSpec,
        memory: FillMemory | None = None,
        tweak: Callable[[dict[str, Any]], None] | None = None,
    ) -> PageFill:
        ctx = build_context(self.data)
        if tweak is not None:
            tweak(ctx)
        memory = self.memory if memory is None else memory
        return fill_page(self.page, spec, plan_page(spec, ctx), memory, _presser(self.page))

    def secrets(self, spec: PageSpec | None) -> list[Locator]:
        """What must not be seen: the mock mail's login ID and password wherever shown, and
        any sensitive field holding a value."""
        masks: list[Locator] = []
        mail = self.site.mail
        if mail is not None:
            masks += [self.page.get_by_text(v) for v in (mail.login_id, mail.password) if v]
        for f in spec.fields if spec else ():
            if f.sensitive:
                masks += [c for c in field_locators(self.page, f, spec) if c.input_value()]
        return masks

    def shot(self, name: str, spec: PageSpec | None) -> None:
        self.page.wait_for_timeout(150)  # one animation frame for the repositioning
        path = self.out / f"{name}.png"
        # clipped to the page and the overlay: a short page leaves no empty band
        height = self.page.evaluate(
            """() => {
              let bottom = document.body.getBoundingClientRect().bottom;
              for (const host of document.querySelectorAll('body > *')) {
                const root = host.shadowRoot;
                if (!root) continue;
                for (const el of root.querySelectorAll('*')) {
                  const r = el.getBoundingClientRect();
                  if (r.height) bottom = Math.max(bottom, r.bottom);
                }
              }
              return Math.ceil(bottom) + 12;
            }"""
        )
        height = max(200, min(int(height), VIEWPORT["height"]))
        clip: FloatRect = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height}
        self.page.screenshot(
            path=str(path), clip=clip, mask=self.secrets(spec), mask_color=MASK_COLOR
        )
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def button(self, spec: PageSpec, caption: str) -> Locator:
        target = find_button(self.page, caption, spec)
        if target is None:
            raise SystemExit(f"{spec.id}: no control 「{caption}」")
        return target

    def guarded(self, spec: PageSpec) -> Locator:
        return self.button(spec, spec.guarded_buttons[0].caption)

    def forward(self, spec: PageSpec, caption: str | None = None) -> None:
        caption = caption or spec.forward[0]
        if caption not in spec.forward:
            raise SystemExit(f"{spec.id}: 「{caption}」 is not a forward control")
        press_and_settle(self.page, _presser(self.page), self.button(spec, caption), caption)

    def top(self) -> None:
        self.page.evaluate("() => window.scrollTo(0, 0)")

    # ------------------------------------------------------------------ the walk
    def walk(self) -> None:
        names = walk_names()
        for i, (name, page_id) in enumerate(names):
            spec = self.open(page_id) if page_id in OPENED else self.expect(page_id)
            stage = getattr(self, "at_" + page_id.replace("-", "_"), None)
            if stage is not None:
                stage(spec)
            self.shot(name, spec)
            following = names[i + 1][1] if i + 1 < len(names) else None
            if following is not None and following not in OPENED:
                leave = getattr(self, "leave_" + page_id.replace("-", "_"), self.forward)
                leave(spec)

    def filled(self, spec: PageSpec) -> None:
        show_field_status(self.page, spec, self.fill(spec))
        self.top()

    def guard(self, spec: PageSpec) -> None:
        """The run at a consent or final-submit control: the audit on a confirmation page,
        then the outline and the banner. Nothing is pressed."""
        if spec.fields:  # 備考 on the phase-2 confirmation, as a run fills it first
            show_field_status(self.page, spec, self.fill(spec))
        if spec.kind == PageKind.CONFIRM:
            expected = expected_values(self.cat, self.data, spec.phase)
            diffs = audit_text(self.page.inner_text("body"), expected)
            show_confirmation(self.page, diffs, len(expected))
        highlight(self.page, self.guarded(spec), spec.guarded_buttons[0].caption)

    at_terms = guard
    at_temp_apply = filled
    at_temp_confirm = guard
    at_apply_tanto = filled
    at_apply_office = filled
    at_apply_terminal = filled
    at_apply_plan = filled
    at_apply_billing = filled
    at_apply_confirm = guard

    def code_context(self, index: int) -> Callable[[dict[str, Any]], None]:
        def tweak(ctx: dict[str, Any]) -> None:
            ctx["current_code"] = self.data["user_codes"][index]

        return tweak

    def at_apply_usercode(self, spec: PageSpec) -> None:
        """The first 利用者コード: the code, then one 「設定」 per 業種 (the rows below)."""
        show_field_status(self.page, spec, self.fill(spec, tweak=self.code_context(0)))

    def leave_apply_usercode(self, spec: PageSpec) -> None:
        """「この内容を設定する」, the other codes the same way, then 「次へ」 on the list."""
        self.forward(spec, "この内容を設定する")
        for index in range(1, len(self.data["user_codes"])):
            choice = self.expect("apply-usercode-choice")
            self.forward(choice, choice.forward[0])
            spec = self.expect("apply-usercode")
            self.fill(spec, tweak=self.code_context(index))
            self.forward(spec, "この内容を設定する")
        self.forward(self.expect("apply-usercode-choice"), "次へ")

    # ------------------------------------------------------------------ the overview
    def overview_apply_office(self) -> None:
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
        self.top()
        self.shot("overlay-apply-office", spec)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    ap.add_argument("--style", default="classic", choices=("classic", "modern"))
    ap.add_argument(
        "--profile",
        type=Path,
        help="default: profiles/example.yaml with its start date moved ahead (init --example)",
    )
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.profile is not None:
        data = load_profile(args.profile).model_dump(mode="python")
    else:  # the example's fixed start date is in the past one day; the dated copy never is
        data = parse_profile(example_text(japan_today())).model_dump(mode="python")
    with (
        MockSite(args.style) as site,
        open_browser("chromium", headless=True, loopback_only=True) as opened,
    ):

        def context() -> BrowserContext:  # a fresh mock session (cookie) per series
            return opened.new_context(service_workers="block", viewport=VIEWPORT)

        Shots(context().new_page(), site, args.out, data).walk()
        Shots(context().new_page(), site, args.out, data).overview_apply_office()
        guarded = site.guarded_posts()
    if guarded:
        print(f"guarded POSTs reached the mock: {guarded}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
