"""The docs embed each command's --help and the walk's screenshots; they must not drift apart."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.nobrowser
ROOT = Path(__file__).resolve().parent.parent


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_matches_the_help_output() -> None:
    expected = _script("gen_cli_docs").render()
    actual = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert actual == expected, "docs/cli.md is stale: run scripts/gen_cli_docs.py"


def test_readme_names_every_option_of_the_run() -> None:
    from nss_autofill.cli import command_parser

    readme = (ROOT / "README.md").read_text("utf-8")
    for action in command_parser("run")._actions:
        for flag in action.option_strings:
            if flag.startswith("--no-"):
                continue  # the negative of a switch, generated with it
            if flag.startswith("--") and flag not in ("--help", "--version", "--debug"):
                assert flag in readme, f"README does not mention {flag}"


# ---------------------------------------------------------------- the README's screenshots
IMG_DIR = ROOT / "docs" / "img"
# ![alt](path), and the src/href of the HTML thumbnails
_IMAGE_REF = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)|(?:src|href)=\"([^\"]+\.png)\"")


def _image_refs(markdown: str) -> list[str]:
    return [a or b for a, b in _IMAGE_REF.findall(markdown)]


def _section(markdown: str, heading: str) -> str:
    start = markdown.index(f"\n{heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end >= 0 else None]


def test_the_image_pattern_finds_both_forms() -> None:
    text = '![a](docs/img/x.png) | <a href="docs/img/y.png"><img src="docs/img/y.png"></a>'
    assert _image_refs(text) == ["docs/img/x.png", "docs/img/y.png", "docs/img/y.png"]


def test_every_image_the_readme_shows_exists() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    refs = [r for r in _image_refs(readme) if "://" not in r]
    assert refs, "no image reference found: has the README's markup changed?"
    for ref in refs:
        path = ROOT / ref
        assert path.is_file(), f"README shows {ref}, which does not exist"
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{ref} is not a PNG"


def test_every_page_of_the_walk_has_its_picture_in_the_readme() -> None:
    shots = _script("make_screenshots")
    readme = (ROOT / "README.md").read_text("utf-8")
    walk = set(_image_refs(_section(readme, "## The two phases")))
    for stem, page_id in shots.walk_names():
        assert f"docs/img/{stem}.png" in walk, f"{page_id}: no docs/img/{stem}.png in the walk"


def test_the_walk_visits_every_page_of_both_phases() -> None:
    from nss_autofill.site.catalogue import load_catalogue

    shots = _script("make_screenshots")
    catalogue = load_catalogue()
    expected = [(p.phase, p.id) for p in catalogue.pages if p.phase in (1, 2)]
    assert list(shots.WALK) == expected, "the screenshot walk and the catalogue's pages differ"
    stems = [stem for stem, _ in shots.walk_names()]
    assert stems == sorted(stems), "walk file names must sort in the walk's order"


def test_every_picture_in_docs_img_is_made_by_the_script_and_shown() -> None:
    shots = _script("make_screenshots")
    readme = (ROOT / "README.md").read_text("utf-8")
    shown = set(_image_refs(readme))
    made = {f"{name}.png" for name in shots.picture_names()}
    on_disk = {p.name for p in IMG_DIR.glob("*.png")}
    assert on_disk == made, "docs/img differs from what scripts/make_screenshots.py writes"
    for name in sorted(made):
        assert f"docs/img/{name}" in shown, f"docs/img/{name} is not shown in the README"


def test_the_readme_documents_every_exit_code() -> None:
    from nss_autofill.errors import ExitCode

    readme = (ROOT / "README.md").read_text("utf-8")
    table = _section(readme, "### Exit codes")
    codes = [int(m) for m in re.findall(r"^\| (\d) \|", table, re.M)]
    assert codes == [int(c) for c in ExitCode]


def test_the_readme_shows_phase_two_as_the_run_prints_it_for_cmd_and_powershell() -> None:
    from nss_autofill.shell import phase2_hint

    windows = _section((ROOT / "README.md").read_text("utf-8"), "## Windows (operator PC)")
    for shell in ("cmd", "powershell"):
        printed = phase2_hint(Path("profile.yaml"), shell).render("en").splitlines()[1:]
        for line in printed:
            assert line.strip() in windows, f"{shell}: {line.strip()!r} not in the README"
    assert "py -m nss_autofill" in windows
