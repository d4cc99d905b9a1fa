"""``nss-autofill init``: write a profile (never over an existing file): the commented
template to fill in, or with ``--example`` the shipped example, dated from today."""

from __future__ import annotations

import argparse
import datetime as dt
from importlib import resources
from pathlib import Path

from ..errors import ExitCode
from ..i18n import Lang, Msg
from .common import Subparsers, err, new_parser

DEFAULT_PROFILE = Path("profile.yaml")

_EXISTS = Msg(
    "{path} は既にあります。上書きしません。別の名前を指定してください",
    "{path} already exists; not overwriting it (give another name)",
)
_CANNOT = Msg("{path} に書き込めません ({why})", "cannot write {path} ({why})")
_WROTE_TEMPLATE = Msg(
    "{path} を作成しました。<<…>> の箇所を書き換えてから次を実行してください:\n"
    "  nss-autofill check {quoted}",
    "wrote {path}; replace every <<…>> placeholder, then run:\n  nss-autofill check {quoted}",
)
_WROTE_EXAMPLE = Msg(
    "{path} に例のプロファイル（架空の会社、利用開始希望日 {start}）を作成しました。"
    "模擬NSSサイトで試すには:\n  nss-autofill {quoted} --dry-run",
    "wrote the example profile (a fictitious company, start date {start}) to {path}. "
    "Try it on the bundled mock NSS:\n  nss-autofill {quoted} --dry-run",
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser = new_parser(
        subparsers,
        "init",
        "write a profile: the commented template, or the example / プロファイルを作成",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=DEFAULT_PROFILE,
        help=f"where to write it (default {DEFAULT_PROFILE}); never overwritten",
    )
    parser.add_argument(
        "--example",
        action="store_true",
        help="write the example profile (fictitious values), its start date 3 months from "
        "today, ready for a dry run / 例のプロファイル",
    )
    return parser


def run(ns: argparse.Namespace, lang: Lang) -> int:
    return init_command(ns.path, lang, example=ns.example)


def template_text() -> str:
    """The commented template ``init`` writes."""
    return resources.files("nss_autofill").joinpath("profile", "template.yaml").read_text("utf-8")


def write_new(target: Path, text: str, lang: Lang) -> bool:
    """Write ``text`` to ``target`` unless it exists; say why not (stderr) and return False."""
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except FileExistsError:
        err(_EXISTS.render(lang, path=target))
        return False
    except OSError as exc:
        err(_CANNOT.render(lang, path=target, why=exc.strerror or type(exc).__name__))
        return False
    return True


def init_command(
    path: Path | None, lang: Lang, *, example: bool = False, today: dt.date | None = None
) -> int:
    """Write the template (or the example) to ``path`` (default ``profile.yaml``)."""
    from ..profile import japan_today
    from ..shell import quote

    target = DEFAULT_PROFILE if path is None else Path(path)
    if example:
        from ..profile.deadlines import example_start_date
        from ..profile.examples import example_text

        day = japan_today() if today is None else today
        if not write_new(target, example_text(day), lang):
            return int(ExitCode.BAD_INPUT)
        start = example_start_date(day).isoformat()
        err(_WROTE_EXAMPLE.render(lang, path=target, start=start, quoted=quote(target)))
        return int(ExitCode.OK)
    if not write_new(target, template_text(), lang):
        return int(ExitCode.BAD_INPUT)
    err(_WROTE_TEMPLATE.render(lang, path=target, quoted=quote(target)))
    return int(ExitCode.OK)
