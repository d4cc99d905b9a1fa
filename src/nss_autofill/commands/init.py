"""``nss-autofill init``: write the commented profile template (never over an existing file)."""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

from ..errors import ExitCode
from ..i18n import Lang, Msg
from .common import Subparsers, err, new_parser

DEFAULT_PROFILE = Path("profile.yaml")


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser = new_parser(
        subparsers, "init", "write a commented profile template / プロファイルのひな形を作成"
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=DEFAULT_PROFILE,
        help=f"where to write it (default {DEFAULT_PROFILE}); never overwritten",
    )
    return parser


def run(ns: argparse.Namespace, lang: Lang) -> int:
    return init_command(ns.path, lang)


def template_text() -> str:
    """The commented template ``init`` writes."""
    return resources.files("nss_autofill").joinpath("profile", "template.yaml").read_text("utf-8")


def init_command(path: Path | None, lang: Lang) -> int:
    """Write the template to ``path`` (default ``profile.yaml``); never overwrite a file."""
    target = DEFAULT_PROFILE if path is None else Path(path)
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as fh:
            fh.write(template_text())
    except FileExistsError:
        err(
            Msg(
                "{path} は既にあります。上書きしません。別の名前を指定してください",
                "{path} already exists; not overwriting it (give another name)",
            ).render(lang, path=target)
        )
        return int(ExitCode.BAD_INPUT)
    except OSError as exc:
        err(
            Msg("{path} に書き込めません ({why})", "cannot write {path} ({why})").render(
                lang, path=target, why=exc.strerror or type(exc).__name__
            )
        )
        return int(ExitCode.BAD_INPUT)
    err(
        Msg(
            "{path} を作成しました。<<…>> の箇所を書き換えてから "
            "`nss-autofill check {path}` を実行してください",
            "wrote {path}; replace every <<…>> placeholder, then run `nss-autofill check {path}`",
        ).render(lang, path=target)
    )
    return int(ExitCode.OK)
