"""``nss-autofill init``: write a profile (never over an existing file): the commented
template to fill in, or with ``--example`` the shipped example, dated from today."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ExitCode
from ..i18n import Lang, Msg
from .common import Subparsers, err, new_parser, settings_of

DEFAULT_PROFILE = Path("profile.yaml")
DEFAULT_SHEET = Path("offices.xlsx")

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
        "write a profile: the commented template, the example, or profiles from the office's "
        "sheet / プロファイルを作成",
        settings=("min_business_days",),
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help=f"the profile to write (default {DEFAULT_PROFILE}); with --from, the folder for "
        "the profiles (default: here); with --sample-sheet, the sheet (default "
        f"{DEFAULT_SHEET}). Never overwritten",
    )
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--example",
        action="store_true",
        help="write the example profile (fictitious values), its start date 3 months from "
        "today, ready for a dry run / 例のプロファイル",
    )
    how.add_argument(
        "--guided",
        action="store_true",
        help="ask for every value, each checked at once (the address from the postal code); "
        "with an existing PATH, ask only what is missing or invalid and write PATH-fixed.yaml "
        "/ 質問に答えて作成",
    )
    how.add_argument(
        "--from",
        dest="sheet",
        type=Path,
        metavar="SHEET",
        help="one profile per row of an .xlsx or .csv sheet, each checked as `check` does; a "
        "bad cell is named by file, row and column / 表計算シートから作成",
    )
    how.add_argument(
        "--sample-sheet",
        action="store_true",
        help="write a sample sheet (.xlsx or .csv) with every column and three offices / "
        "見本のシート",
    )
    return parser


def run(ns: argparse.Namespace, lang: Lang) -> int:
    if ns.sheet is not None:
        return from_sheet(ns.sheet, ns.path or Path("."), lang)
    if ns.sample_sheet:
        return sample_sheet(ns.path or DEFAULT_SHEET, lang)
    if ns.guided:
        minimum = settings_of(ns).min_business_days
        return guided(ns.path or DEFAULT_PROFILE, lang, min_business_days=minimum)
    return init_command(ns.path, lang, example=ns.example)


def template_text() -> str:
    """The commented template ``init`` writes."""
    return resources.files("nss_autofill").joinpath("profile", "template.yaml").read_text("utf-8")


def write_new(target: Path, text: str, lang: Lang) -> bool:
    """Write ``text`` to ``target`` unless it exists; say why not (stderr) and return False.

    The file appears whole or not at all (Ctrl-C leaves nothing half-written): the text goes
    to a temporary file first, which is then linked to ``target`` — a link never replaces an
    existing file.
    """
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: create exclusively instead
            with open(target, "x", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    except FileExistsError:
        err(_EXISTS.render(lang, path=target))
        return False
    except OSError as exc:
        err(_CANNOT.render(lang, path=target, why=exc.strerror or type(exc).__name__))
        return False
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
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


_ROW_WROTE = Msg("{label} {row}行目 → {path}", "{label} row {row} → {path}")
_WARNING = Msg("注意: {text}", "warning: {text}")
_SHEET_DONE = Msg("{written} 件のプロファイルを書きました", "wrote {written} profile(s)")
_SHEET_FAILED = Msg(
    "問題のある {failed} 行は書いていません。直してから、その行だけ残して再実行してください",
    "{failed} row(s) with problems were not written; fix them and run again with those rows",
)
_SHEET_UNREADABLE = Msg("{path} を読めません ({why})", "cannot read {path} ({why})")
_SAMPLE_WROTE = Msg(
    "見本のシート {path} を作成しました（3 事業所）。行を書き換えて次を実行してください:\n"
    "  nss-autofill init --from {quoted}",
    "wrote the sample sheet {path} (three offices). Edit the rows, then run:\n"
    "  nss-autofill init --from {quoted}",
)
_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def from_sheet(sheet: Path, folder: Path, lang: Lang, today: dt.date | None = None) -> int:
    """One profile per row of ``sheet`` into ``folder``; 2 when a row could not be written."""
    import zipfile

    from ..profile import japan_today
    from ..profile.sheet import SheetError, check_row, read_table, rows
    from ..textfiles import NotText

    day = japan_today() if today is None else today
    try:
        label, table = read_table(sheet)
        found = list(rows(label, table))
    except SheetError as exc:
        err(exc.message.render(lang))
        return int(ExitCode.BAD_INPUT)
    except (OSError, NotText, zipfile.BadZipFile, KeyError, ValueError) as exc:
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        err(_SHEET_UNREADABLE.render(lang, path=sheet, why=why))
        return int(ExitCode.BAD_INPUT)
    written = failed = 0
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        err(_CANNOT.render(lang, path=folder, why=exc.strerror or type(exc).__name__))
        return int(ExitCode.BAD_INPUT)
    for row in found:
        errors, warnings, text = check_row(label, row, day)
        for message in errors:
            err(message.render(lang))
        if errors:
            failed += 1
            continue
        for message in warnings:
            err(_WARNING.render(lang, text=message))
        stem = _UNSAFE_NAME.sub("_", row.file) or f"{sheet.stem}-{row.number:03d}"
        target = folder / f"{stem}.yaml"
        if not write_new(target, text, lang):
            failed += 1
            continue
        written += 1
        err(_ROW_WROTE.render(lang, label=label, row=row.number, path=target))
    err(_SHEET_DONE.render(lang, written=written))
    if failed:
        err(_SHEET_FAILED.render(lang, failed=failed))
    return int(ExitCode.OK if failed == 0 and written else ExitCode.BAD_INPUT)


def sample_sheet(path: Path, lang: Lang, today: dt.date | None = None) -> int:
    """The sample sheet (every column, three offices, dated 3 months ahead) at ``path``."""
    from ..profile import japan_today
    from ..profile.deadlines import example_start_date
    from ..profile.sheet import write_sample
    from ..shell import quote

    day = japan_today() if today is None else today
    try:
        write_sample(path, example_start_date(day))
    except FileExistsError:
        err(_EXISTS.render(lang, path=path))
        return int(ExitCode.BAD_INPUT)
    except OSError as exc:
        err(_CANNOT.render(lang, path=path, why=exc.strerror or type(exc).__name__))
        return int(ExitCode.BAD_INPUT)
    err(_SAMPLE_WROTE.render(lang, path=path, quoted=quote(path)))
    return int(ExitCode.OK)


_FIXING = Msg(
    "{path} の不足・誤り {n} 件だけを尋ねます。"
    "結果は {target} に書きます（元のファイルはそのまま）",
    "asking only the {n} missing or invalid value(s) of {path}; the result goes to {target} "
    "(the original stays as it is)",
)
_NOTHING_TO_FIX = Msg("{path} に問題はありません", "{path} has no problems")
_UNREADABLE = Msg(
    "{path} を読めません。すべての質問に答えてください: {why}",
    "cannot read {path}; please answer every question: {why}",
)
_WRITE = Msg("{target} に書き込みますか", "write {target}")
_NOT_WRITTEN = Msg("書き込みませんでした", "nothing was written")
_INPUT_ENDED = Msg("入力が終わりました。何も書いていません", "the input ended; nothing was written")
_GUIDED_WROTE = Msg(
    "{path} を作成しました。模擬NSSサイトで試すには:\n  nss-autofill {quoted} --dry-run",
    "wrote {path}. Try it on the bundled mock NSS:\n  nss-autofill {quoted} --dry-run",
)


def guided(
    path: Path,
    lang: Lang,
    *,
    asker: Any = None,
    today: dt.date | None = None,
    min_business_days: int = 10,
) -> int:
    """Ask for the profile (or what ``path`` lacks) and write it; never over a file."""
    from ..profile import ProfileError, japan_today
    from ..profile.document import parse_document, read_text
    from ..profile.interview import Interview
    from ..profile.loading import validate_document
    from ..profile.writer import converted, profile_yaml
    from ..shell import quote
    from .check import summary
    from .prompter import make_prompter

    day = japan_today() if today is None else today
    interview = Interview(asker or make_prompter(), lang, day, min_business_days)
    target = path
    try:
        if path.exists():
            target = path.with_name(f"{path.stem}-fixed{path.suffix or '.yaml'}")
            try:
                start = parse_document(read_text(path)).data
            except ProfileError as exc:
                interview.say(_UNREADABLE, path=path, why=exc.render(lang))
                data = interview.run()
            else:
                interview.data = {**start, "version": 1}
                problems = interview.problems()
                if not problems:
                    interview.say(_NOTHING_TO_FIX, path=path)
                    return int(ExitCode.OK)
                interview.say(_FIXING, path=path, n=len(problems), target=target)
                data = interview.run(start=start, problems=problems)
        else:
            data = interview.run()
        from ..profile.document import Document

        profile = validate_document(Document(dict(data)), today=day)
        interview.asker.say(summary(profile, lang, today=day, min_business_days=min_business_days))
        if not interview.yes(_WRITE.format(target=target), True):
            interview.say(_NOT_WRITTEN)
            return int(ExitCode.OK)
    except EOFError:
        err(_INPUT_ENDED.render(lang))
        return int(ExitCode.BROWSER_CLOSED)
    text = profile_yaml(converted(data, profile.model_dump(mode="json")), how="init --guided")
    if not write_new(target, text, lang):
        return int(ExitCode.BAD_INPUT)
    err(_GUIDED_WROTE.render(lang, path=target, quoted=quote(target)))
    return int(ExitCode.OK)
