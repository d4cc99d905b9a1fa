"""The engine on markup variants of the mock: pages it has never seen, drawn from seeds.

``MockSite(style="variant", seed=N)`` serves every page of the flow with markup choices drawn
per page from the seed (``src/nss_autofill/mock/variants/``); the generator was written from
the flow description and from how Japanese web applications are built, not from the engine.

- per page: each variant page is recognised as itself, and after filling, the form data it
  would post (mapped back to the flow's names) equals what the classic markup posts after the
  same fill; nothing consents or submits;
- full flows through the real command line, both phases: exit 0 and the same canonical POSTs
  as the classic run; the only guarded POSTs are the simulated operator's;
- perturbed captions: the run completes or stops with exit 4 naming why, and no value ever
  lands in a wrong control.

Seeds: the fixed CI set below, or ``NSS_VARIANT_SEEDS=0-4999`` (``make variants SEEDS=5000``).
Every failure names its replay command.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from nss_autofill.mock.flow import PAGES, SAMPLE_TEMP, SUBMIT_HIDDEN, tanto_from_registration
from nss_autofill.mock.server import MockSite, Post
from nss_autofill.mock.variants import KNOWN, OTHER_WORDINGS, Naming, is_known
from nss_autofill.mock.variants import model as vmodel
from nss_autofill.mock.variants.bbs import BBS_CSS, bbs_menu
from nss_autofill.mock.variants.site import variant_style
from nss_autofill.mock.variants.vpage import V

from .engine_api import Engine, profile_context
from .helpers import PROFILES, Result, clean_env, run_cli

pytestmark = pytest.mark.variants


def _seeds(env: str, default: range) -> list[int]:
    text = os.environ.get("NSS_VARIANT_SEEDS") or os.environ.get(env)
    if not text:
        return list(default)
    out: list[int] = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        elif part.strip():
            out.append(int(part))
    return out


PAGE_SEEDS = _seeds("NSS_VARIANT_PAGE_SEEDS", range(1, 11))  # 10 seeds x 20 pages = 200
FLOW_SEEDS = _seeds("NSS_VARIANT_FLOW_SEEDS", range(1, 21))  # 20 seeds x both phases
PERTURB_SEEDS = _seeds("NSS_VARIANT_PERTURB_SEEDS", range(1, 5))
PAGE_IDS = [p.id for p in PAGES]
# Pages the engine fills from the profile (login takes its credentials from the environment).
FILL_PAGES = (
    "temp-apply",
    "apply-tanto",
    "apply-office",
    "apply-usercode",
    "apply-terminal",
    "apply-mailbox",
    "apply-plan",
    "apply-billing",
    "apply-confirm",
)
PAGE_PROFILE = PROFILES / "two-codes-billing.yaml"


FLOW_PROFILE = PROFILES / "example.yaml"


def _replay_page(seed: int, page_id: str) -> str:
    return (
        f"replay: .venv/bin/pytest tests/test_variants.py -p no:cacheprovider"
        f" -k 's{seed}-{page_id}]'"
        f"   |  look: nss-autofill mock-server --style variant --seed {seed}"
        f"  (then /__mock__/goto/{page_id})"
    )


def _replay_flow(seed: int, perturb: bool = False) -> str:
    flag = " --perturb" if perturb else ""
    test = "test_perturbed_captions" if perturb else f"test_variant_flow[s{seed}]"
    env = f"NSS_VARIANT_PERTURB_SEEDS={seed} " if perturb else ""
    return (
        f"replay: {env}.venv/bin/pytest 'tests/test_variants.py::{test}' -p no:cacheprovider"
        f"   |  by hand: nss-autofill mock-server --style variant --seed {seed}{flag}"
    )


# ---------------------------------------------------------------------------------- form data
FORM_DATA_JS = """() => {
  const forms = [...document.forms]
    .filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post');
  if (!forms.length) return null;
  forms.sort((a, b) => b.elements.length - a.elements.length);
  return [...new FormData(forms[0])].map(([k, v]) => [k, String(v)]);
}"""


def _as_fields(pairs: list[list[str]] | None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in pairs or []:
        out.setdefault(k, []).append(v)
    return out


def normalise(fields: dict[str, list[str]]) -> dict[str, list[str]]:
    """The values a server acts on: no submitter, and a field posted empty is one not posted
    (a disabled control posts nothing where the classic markup posts an empty string)."""
    return {
        k: v
        for k, v in fields.items()
        if k != SUBMIT_HIDDEN and not k.startswith("btn") and any(x != "" for x in v)
    }


def _diff(got: dict[str, list[str]], want: dict[str, list[str]]) -> list[str]:
    out = []
    for k in sorted(set(got) | set(want)):
        if got.get(k) != want.get(k):
            out.append(f"{k}: got {got.get(k)} want {want.get(k)}")
    return out


# ---------------------------------------------------------------------------------- fixtures
@dataclass
class SeedSite:
    site: MockSite
    context: BrowserContext
    page: Page  # the pages of a seed are opened one after the other in one tab


@dataclass
class Pool:
    """One mock site and browser context per seed (its pages share them), and the classic
    reference of every filled page, computed in this run with the same engine calls."""

    browser: Browser
    context_args: dict[str, Any]
    engine: Engine
    fill_context: dict[str, Any]
    seeds: dict[tuple[str, int], SeedSite] = field(default_factory=dict)
    reference: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def get(self, style: str, seed: int) -> SeedSite:
        key = (style, seed)
        if key not in self.seeds:
            site = MockSite(style=style, seed=seed).start()
            context = self.browser.new_context(**self.context_args)
            self.engine.install(context)
            self.seeds[key] = SeedSite(site, context, context.new_page())
        return self.seeds[key]

    def open(self, style: str, seed: int, page_id: str) -> tuple[MockSite, Page]:
        s = self.get(style, seed)
        page = s.page
        page.goto(s.site.url_for(page_id))
        page.wait_for_load_state("load")
        return s.site, page

    def filled_form(
        self, style: str, seed: int, page_id: str
    ) -> tuple[dict[str, list[str]], str, Page]:
        site, page = self.open(style, seed, page_id)
        results = self.engine.fill(page, page_id, self.fill_context)
        raw = _as_fields(page.evaluate(FORM_DATA_JS))
        fields = normalise(site.canonical(raw, page_id))
        problems = "; ".join(
            f"{r.field_id}={r.status}({r.detail})"
            for r in results
            if r.status not in ("filled", "unchanged", "skipped-no-value", "manual")
        )
        return fields, problems, page

    def classic(self, page_id: str) -> dict[str, list[str]]:
        if page_id not in self.reference:
            fields, problems, _ = self.filled_form("classic", 0, page_id)
            assert not problems, f"classic reference of {page_id} did not fill cleanly: {problems}"
            self.reference[page_id] = fields
        return self.reference[page_id]

    def close(self) -> None:
        for s in self.seeds.values():
            s.context.close()
            s.site.stop()


@pytest.fixture(scope="module")
def pool(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Pool]:
    p = Pool(browser, browser_context_args, Engine(), profile_context(PAGE_PROFILE))
    try:
        yield p
    finally:
        p.close()


# ---------------------------------------------------------------------------------- per page
@pytest.mark.parametrize(
    ("seed", "page_id"),
    [(s, p) for s in PAGE_SEEDS for p in PAGE_IDS],
    ids=[f"s{s}-{p}" for s in PAGE_SEEDS for p in PAGE_IDS],
)
def test_variant_page(pool: Pool, seed: int, page_id: str) -> None:
    expected = None if page_id == "unknown" else page_id
    if page_id in FILL_PAGES:
        want = pool.classic(page_id)
    site, page = pool.open("variant", seed, page_id)
    try:
        rec = pool.engine.recognise(page)
        assert rec.page_id == expected, (
            f"seed {seed}: {page_id} taken for {rec.page_id!r} ({rec.reason}; {rec.candidates})\n"
            + _replay_page(seed, page_id)
        )
        if page_id in FILL_PAGES:
            results = pool.engine.fill(page, page_id, pool.fill_context)
            raw = _as_fields(page.evaluate(FORM_DATA_JS))
            got = normalise(site.canonical(raw, page_id))
            problems = [
                f"{r.field_id}={r.status}({r.detail[:120]})"
                for r in results
                if r.status not in ("filled", "unchanged", "skipped-no-value", "manual")
            ]
            assert got == want, (
                f"seed {seed}: {page_id} posts other values than the classic page"
                " after the same fill:\n  "
                + "\n  ".join(_diff(got, want))
                + f"\n  engine reported: {problems}\n"
                + _replay_page(seed, page_id)
            )
    finally:
        guarded = site.guarded_posts()
        assert not guarded, (
            f"seed {seed}: guarded POSTs reached the mock: {guarded}\n"
            + _replay_page(seed, page_id)
        )


# ---------------------------------------------------------------------------------- full flows
@dataclass(frozen=True)
class FlowRun:
    first: Result
    second: Result | None
    posts: list[tuple[str, str, dict[str, list[str]]]]  # (page id, submitter, values)
    guarded: list[str]


def canonical_posts(
    site: MockSite, posts: list[Post]
) -> list[tuple[str, str, dict[str, list[str]]]]:
    out = []
    mail = site.mail
    for p in posts:
        if p.page_id is None:
            continue
        fields = site.canonical(p.fields, p.page_id)
        if p.page_id == "login" and mail is not None:
            # each run logs in with its own site's temporary login: compare the role, not the value
            secret = {
                mail.login_id: "<the mail's login ID>",
                mail.password: "<the mail's password>",
            }
            fields = {k: [secret.get(v, v) for v in vs] for k, vs in fields.items()}
        out.append((p.page_id, p.submitter or "", normalise(fields)))
    return out


def run_flow(
    site: MockSite, profile: Path, tmp_path: Path, *, phase2_anyway: bool = False
) -> FlowRun:
    tmp_path.mkdir(parents=True, exist_ok=True)
    args = ("--headless", "--auto-confirm", "--allow-origin", site.base_url)
    first = run_cli(
        str(profile), *args, "--start-url", site.start_url, tmp_path=tmp_path, timeout=240
    )
    second = None
    if first.code != 0 and phase2_anyway:
        # set up the 仮ログイン registration the way the mail would have brought it
        urllib.request.urlopen(site.url_for("login")).read()
    if site.mail is not None and (first.code == 0 or phase2_anyway):
        env = clean_env(
            NSS_AUTOFILL_LOGIN_ID=site.mail.login_id, NSS_AUTOFILL_PASSWORD=site.mail.password
        )
        second = run_cli(
            str(profile), *args, "--url", site.mail.url, tmp_path=tmp_path, env=env, timeout=300
        )
    posts = site.posts
    return FlowRun(
        first, second, canonical_posts(site, posts), [p.kind for p in site.guarded_posts()]
    )


_CLASSIC_FLOWS: dict[Path, FlowRun] = {}


def classic_flow(profile: Path, tmp_path: Path) -> FlowRun:
    if profile not in _CLASSIC_FLOWS:
        with MockSite() as site:
            run = run_flow(site, profile, tmp_path / "classic")
        assert run.first.code == 0 and run.second is not None and run.second.code == 0, (
            f"the classic run of {profile.name} failed: {run.first.stderr[-800:]}"
        )
        _CLASSIC_FLOWS[profile] = run
    return _CLASSIC_FLOWS[profile]


def _stopped_at(r: Result) -> str:
    tail = [line for line in r.stderr.splitlines() if line.strip()][-6:]
    return " | ".join(tail)[-900:]


def _post_diff(
    got: list[tuple[str, str, dict[str, list[str]]]],
    want: list[tuple[str, str, dict[str, list[str]]]],
) -> list[str]:
    out = []
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else None
        w = want[i] if i < len(want) else None
        if g == w:
            continue
        if g is not None and w is not None and g[0] == w[0] and g[2] == w[2] and not g[1]:
            continue  # the variant's control posts no name of its own: its page took it
        if g is None or w is None or g[0] != w[0] or (g[1] != w[1] and g[1]):
            out.append(f"post {i}: got {g and g[:2]} want {w and w[:2]}")
            continue
        out.append(f"post {i} {g[0]}: " + "; ".join(_diff(g[2], w[2])))
    return out


@pytest.mark.human_presses  # the simulated operator's presses are asserted below
@pytest.mark.parametrize("seed", FLOW_SEEDS, ids=[f"s{s}" for s in FLOW_SEEDS])
def test_variant_flow(seed: int, tmp_path: Path) -> None:
    """Both phases through the command line (phase 2 also when phase 1 stopped, from a
    registration the mail would have brought): exit 0 and the classic run's POSTs."""
    ref = classic_flow(FLOW_PROFILE, tmp_path)
    with MockSite(style="variant", seed=seed) as site:
        run = run_flow(site, FLOW_PROFILE, tmp_path / "variant", phase2_anyway=True)
    problems = []
    if run.first.code != 0:
        problems.append(f"phase 1 exit {run.first.code}: {_stopped_at(run.first)}")
    if run.second is None or run.second.code != 0:
        said = _stopped_at(run.second) if run.second else "not run"
        problems.append(f"phase 2 exit {run.second and run.second.code}: {said}")
    if not problems and _post_diff(run.posts, ref.posts):
        problems.append(
            "the POSTs differ from the classic run:\n    "
            + "\n    ".join(_post_diff(run.posts, ref.posts))
        )
    bad = _misplaced(run.posts, ref.posts)
    if bad:
        problems.append(f"values in wrong controls: {bad}")
    if not problems and run.guarded != ref.guarded:
        problems.append(f"guarded POSTs {run.guarded}, classic {ref.guarded}")
    if any(k not in ("consent", "final") for k in run.guarded) or len(run.guarded) > len(
        ref.guarded
    ):
        problems.append(f"guarded POSTs beyond the simulated operator's: {run.guarded}")
    assert not problems, f"seed {seed}:\n  " + "\n  ".join(problems) + "\n" + _replay_flow(seed)
    assert ref.guarded == ["consent", "final", "final"]


# ---------------------------------------------------------------------------------- perturbed
# What apply-tanto shows prefilled when phase 2 runs on the sample registration (phase 1 stopped).
PREFILLED = {"apply-tanto": tanto_from_registration(SAMPLE_TEMP)}


def _misplaced(
    got: list[tuple[str, str, dict[str, list[str]]]],
    want: list[tuple[str, str, dict[str, list[str]]]],
) -> list[str]:
    """Values posted in a control where the classic run posted another value (or none)."""
    by_page: dict[str, list[dict[str, list[str]]]] = {}
    for pid, _, fields in want:
        by_page.setdefault(pid, []).append(fields)
    seen: dict[str, int] = {}
    out = []
    for pid, _, fields in got:
        n = seen.get(pid, 0)
        seen[pid] = n + 1
        refs = by_page.get(pid, [])
        ref = refs[min(n, len(refs) - 1)] if refs else {}
        for k, vals in fields.items():
            if pid == "login":
                continue
            want_vals = ref.get(k)
            # a value the server showed (the sample registration's, prefilled) is not the tool's
            shown = PREFILLED.get(pid, {}).get(k, [])
            if want_vals is None and vals == shown:
                continue
            if want_vals is None or any(v and v not in want_vals and v not in shown for v in vals):
                out.append(f"{pid}.{k}={vals} (classic: {want_vals})")
    return out


@pytest.mark.human_presses
def test_perturbed_captions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Captions the manual does not show, reworded: the run completes or stops (exit 4) saying
    why; a value may be missing, never misplaced."""
    profile = FLOW_PROFILE
    ref = classic_flow(profile, tmp_path)
    ref_pages = len({pid for pid, _, _ in ref.posts})
    lines = []
    failures = []
    for seed in PERTURB_SEEDS:
        with MockSite(style="variant", seed=seed, perturb=True) as site:
            run = run_flow(site, profile, tmp_path / f"p{seed}", phase2_anyway=True)
        done = {pid for pid, _, _ in run.posts}
        lines.append(
            f"perturbed seed {seed}: phase 1 exit {run.first.code}, phase 2 exit "
            f"{run.second.code if run.second else '-'}; {len(done)}/{ref_pages} pages posted"
        )
        for r in (run.first, run.second):
            if r is None:
                continue
            if r.code not in (0, 4):
                failures.append(
                    f"seed {seed}: exit {r.code}: {_stopped_at(r)}\n{_replay_flow(seed, True)}"
                )
            if r.code == 4:
                said = r.stderr + json.dumps(r.report or {}, ensure_ascii=False)
                if "failed" not in said and "見つから" not in said and "missing" not in said:
                    failures.append(
                        f"seed {seed}: exit 4 without naming the failed signal or field\n"
                        + _replay_flow(seed, True)
                    )
        bad = _misplaced(run.posts, ref.posts)
        if bad:
            failures.append(
                f"seed {seed}: values in wrong controls: {bad}\n{_replay_flow(seed, True)}"
            )
        extra = [k for k in run.guarded if k not in ("consent", "final")]
        assert not extra
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert not failures, "\n".join(failures)


# ---------------------------------------------------------------------------------- generator
@pytest.mark.nobrowser
def test_every_guessed_caption_has_other_wordings() -> None:
    """Perturbation rewords every caption the manual does not show (none silently stays)."""
    missing = []
    for page_id, fp in vmodel.FORM_PAGES.items():
        captions = [fp.heading, *fp.buttons]
        for sec in fp.sections:
            if sec.heading:
                captions.append(sec.heading)
            for it in sec.items:
                if isinstance(it, vmodel.Group) and it.label:
                    captions.append(it.label)
            for r in vmodel.rows_of(sec.items):
                captions += [r.label, *r.parts]
                if r.kind in ("radio", "check"):
                    captions += [c for _, c in r.options]
        if page_id == "unknown":
            continue
        for c in captions:
            if not is_known(page_id, c) and c not in OTHER_WORDINGS:
                missing.append(f"{page_id}: {c}")
    assert not missing, missing
    assert "NSS ログイン" in KNOWN["bbs-top"]


@pytest.mark.nobrowser
@pytest.mark.parametrize("seed", range(0, 200, 7))
def test_names_and_values_map_back_to_the_flow(seed: int) -> None:
    """Whatever names and option values a variant posts, the mock reads the flow's back."""
    for page_id in PAGE_IDS:
        nm = Naming(seed, page_id)
        flow_fields: dict[str, list[str]] = {}
        for name in vmodel.page_names(page_id):
            domain = vmodel.value_domain(page_id, name)
            flow_fields[name] = [domain[-1]] if domain else ["値"]
        posted = nm.post_fields(flow_fields)
        back = nm.flow_fields(posted)
        back.pop(SUBMIT_HIDDEN)
        assert back == flow_fields, (seed, page_id)
        for cap in vmodel.page_buttons(page_id):
            via_action = nm.flow_fields({nm.action_field: [nm.action_value(cap)]})
            assert via_action[SUBMIT_HIDDEN] == [cap], (seed, page_id, cap)
            via_name = nm.flow_fields({nm.button_name(cap) + ".x": ["3"]})
            assert via_name[SUBMIT_HIDDEN] == [cap], (seed, page_id, cap)


@pytest.mark.nobrowser
def test_a_seed_renders_the_same_markup_in_another_process() -> None:
    """Replay by seed: nothing in the markup depends on the process (hash seeds, ids)."""
    code = (
        "import sys, urllib.request\n"
        "from nss_autofill.mock.server import MockSite\n"
        "with MockSite(style='variant', seed=41, perturb=True) as s:\n"
        "    o = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())\n"
        "    sys.stdout.buffer.write(o.open(s.url_for('apply-billing')).read())\n"
    )
    outs = []
    for hashseed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, env=env, check=True, timeout=60
        )
        outs.append(proc.stdout.replace(b"\r", b""))
    # the login id differs per process (a new registration); the markup around it does not
    same = [re.sub(rb"T[0-9]{7}", b"T0000000", o) for o in outs]
    assert len(same[0]) > 2000
    assert same[0] == same[1]


# ---------------------------------------------------------------------------------- the generator
# A person who knows the posted names (the generator's own map, not the engine) fills each form
# page and presses its forward button: the mock must accept every variant, so a failure above
# is the engine's and never a page no one could complete.
_ORACLE_VALUES: dict[str, dict[str, list[str]]] = {
    "temp-apply": dict(SAMPLE_TEMP),
    "apply-billing": {
        "rdoIkkatsu": ["1"],
        "txtIkkSeikyuCd": ["1234567"],
        "txtIkkKgyMei": ["北浜ホールディングス株式会社"],
        "txtIkkJgsMei": ["本社"],
        "rdoSeikyuSyozai": ["2"],
        "txtSkyYubin": ["1000005"],
        "selSkyTodofuken": ["13"],
        "txtSkyJusyo1": ["千代田区丸の内一丁目１番１号"],
        "rdoKozaFurikae": ["1"],
        "txtKfrJgsCd": ["7654321"],
        "txtKfrKgyMei": ["北浜ホールディングス株式会社"],
        "txtKfrJgsMei": ["経理部"],
    },
    "apply-usercode": {"txtRiyosyaCd": ["ABCDE"]},
}
_FORWARD = {
    "temp-apply": ("申込内容確認へ進む", "temp-confirm"),
    "apply-tanto": ("次へ", "apply-office"),
    "apply-office": ("一般NACCSを利用する", "apply-usercode-choice"),
    "apply-usercode": ("この内容を設定する", "apply-usercode-choice"),
    "apply-terminal": ("次へ", "apply-mailbox"),
    "apply-mailbox": ("次へ", "apply-plan"),
    "apply-plan": ("次へ", "apply-billing"),
    "apply-billing": ("申込内容確認へ進む", "apply-confirm"),
}
PRESS_JS = """(caption) => {
  const norm = s => (s || '').replace(/[\\s\\u3000＞＜→←≫▶]/g, '');
  const els = [...document.querySelectorAll('a, button, input, img, [role=button], span.btn')];
  const hit = els.find(e => [e.value, e.alt, e.textContent].some(t => norm(t) === norm(caption)));
  if (!hit) return false;
  hit.click();
  return true;
}"""
SET_JS = """([name, value, kind]) => {
  const els = [...document.getElementsByName(name)];
  if (kind === 'choice') { const e = els.find(e => e.value === value); e.click(); return; }
  const e = els[0];
  if (e.tagName === 'SELECT') { e.value = value; } else { e.value = value; }
  e.dispatchEvent(new Event('input', {bubbles: true}));
  e.dispatchEvent(new Event('change', {bubbles: true}));
}"""


def _oracle_fill(page: Page, nm: Naming, page_id: str, values: dict[str, list[str]]) -> None:
    rows = {n: r for r in vmodel.page_rows(page_id) for n in r.names}
    ordered = sorted(values, key=lambda n: 0 if rows.get(n) and rows[n].kind == "radio" else 1)
    for name in ordered:
        row = rows.get(name)
        if row is None or row.kind == "static":
            continue
        for v in values[name]:
            choice = row.kind in ("radio", "check")
            if row.kind == "check" and v != "1":
                continue
            page.evaluate(
                SET_JS, [nm.name(name), nm.value(name, v), "choice" if choice else "value"]
            )


ORACLE_SEEDS = _seeds("NSS_VARIANT_ORACLE_SEEDS", range(1, 5))


@pytest.mark.parametrize("seed", ORACLE_SEEDS, ids=[f"s{s}" for s in ORACLE_SEEDS])
def test_every_variant_form_is_accepted_from_a_person(
    seed: int, browser: Browser, browser_context_args: dict[str, Any]
) -> None:
    samples = vmodel_samples()
    site = MockSite(style="variant", seed=seed).start()
    context = browser.new_context(**browser_context_args)
    try:
        page = context.new_page()
        for page_id, (caption, after) in _FORWARD.items():
            page.goto(site.url_for(page_id))
            nm = Naming(seed, page_id)
            _oracle_fill(page, nm, page_id, samples.get(page_id, {}))
            if page_id == "apply-usercode":
                _oracle_fill(
                    page,
                    nm,
                    page_id,
                    {"selGyoshu": ["G07"], "selHoshiki": ["2"], "txtSikibetuSu": ["1"]},
                )
                assert page.evaluate(PRESS_JS, "設定"), f"seed {seed}: no 設定 on apply-usercode"
            with page.expect_navigation():
                assert page.evaluate(PRESS_JS, caption), f"seed {seed}: no {caption} on {page_id}"
            page.wait_for_load_state("load")
            got = page.url.split("?")[0]
            assert got == site.page_url(after), (
                f"seed {seed}: {page_id} did not lead to {after} but {got}: "
                f"{page.inner_text('body')[:400]}\n" + _replay_page(seed, page_id)
            )
    finally:
        context.close()
        site.stop()


def vmodel_samples() -> dict[str, dict[str, list[str]]]:
    from nss_autofill.mock.flow import sample_values

    out = {k: dict(v) for k, v in sample_values().items()}
    out.update({k: dict(v) for k, v in _ORACLE_VALUES.items()})
    return out


class _MenuV(V):
    """A bbs-top rendering whose menu choices are given, not drawn."""

    def __init__(self, chosen: dict[str, str]) -> None:
        page = next(p for p in PAGES if p.id == "bbs-top")
        super().__init__(variant_style(0), page, {"url": lambda pid: f"/{pid}"})
        self.chosen = chosen

    def choose(self, key: str, table: dict[str, tuple[float, float]]) -> str:
        return self.chosen[key] if key in self.chosen else super().choose(key, table)


@pytest.mark.parametrize("parent", ["text", "a"])
@pytest.mark.parametrize("markup", ["ul", "table", "div"])
@pytest.mark.parametrize("mode", ["css-hover", "mouseover-js", "click"])
def test_every_generated_menu_opens_for_a_person(
    page: Page, mode: str, markup: str, parent: str
) -> None:
    """A closed menu of the generator opens under its title for a person (hover, or a click
    where it opens on click); flow seed 90 drew hover menus made of divs that never opened."""
    v = _MenuV({"menu-mode": mode, "menu-markup": markup, "menu-parent": parent})
    menu = bbs_menu(v)
    page.set_content(
        f"<html><head><style>{BBS_CSS}</style>{''.join(v.head_scripts)}</head>"
        f"<body>{menu}<p style='height:900px'>本文</p></body></html>"
    )
    page.set_default_timeout(3000)
    entry = page.locator(".gm-item").filter(has_text="契約手続(NSS)")
    item = page.get_by_text(re.compile(r"^NSS\s*ログイン$"))
    assert not item.is_visible()
    if mode == "click":
        entry.locator("[onclick]").first.click()
    else:
        entry.hover(position={"x": 4, "y": 4})  # on its title, at the top of the entry
    assert item.is_visible()
    below, above = item.bounding_box(), entry.bounding_box()
    assert below is not None and above is not None
    assert above["y"] < below["y"] < above["y"] + 80  # right under its title
    item.hover()  # the pointer moves onto the item: the menu stays open
    assert item.is_visible()
