"""Regenerate docs/cli.md from each command's --help (a test fails when they drift apart).

Run: .venv/bin/python scripts/gen_cli_docs.py
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
HEADER = """\
# Command reference

Generated from each command's `--help` by `scripts/gen_cli_docs.py`;
`tests/test_docs.py` fails when this file and the commands drift apart.
"""


def render() -> str:
    from nss_autofill.cli import SUBCOMMANDS, main

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal width
    parts = [HEADER]
    try:
        for cmd in [[], *([name] for name in SUBCOMMANDS)]:
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
                main([*cmd, "--help"])
            title = " ".join(["nss-autofill", *cmd])
            parts.append(f"\n## `{title}`\n\n```text\n{out.getvalue().rstrip()}\n```\n")
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    return "".join(parts)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stderr.write(f"wrote {DOC}\n")
