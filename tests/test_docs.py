"""The docs embed each command's --help; they must not drift apart."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.nobrowser
ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_matches_the_help_output() -> None:
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_cli_docs.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    expected = gen.render()
    actual = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert actual == expected, "docs/cli.md is stale: run scripts/gen_cli_docs.py"


def test_readme_names_every_option_of_the_run() -> None:
    from nss_autofill.cli import build_run_parser

    readme = (ROOT / "README.md").read_text("utf-8")
    for action in build_run_parser()._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag not in ("--help", "--version", "--debug"):
                assert flag in readme, f"README does not mention {flag}"
