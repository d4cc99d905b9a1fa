"""Command line: one parser, the commands' own parts, errors turned into messages and exit codes.

Each module in ``commands/`` gives ``add_parser(subparsers)`` and ``run(ns, lang) -> int``; this
module only wires them: it parses, loads the settings (flags, ``NSS_AUTOFILL_*``, ``.env``) into
``ns.settings``, picks the operator's language and calls the command. ``nss-autofill PROFILE``
is the ``run`` command (``nss-autofill run PROFILE`` works too). Progress and messages go to
stderr, data (``--json``, ``plan``, ``check`` summaries) to stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from .commands import check, doctor, init, mock_server, plan, recognize, record
from .commands import run as run_command
from .commands.options import given_settings
from .errors import INTERRUPTED, ExitCode, NssAutofillError
from .i18n import Lang, Msg, detect_lang

#: The commands in the order ``--help`` and docs/cli.md list them; ``run`` is the default.
COMMANDS: dict[str, ModuleType] = {
    "run": run_command,
    "init": init,
    "check": check,
    "plan": plan,
    "mock-server": mock_server,
    "doctor": doctor,
    "recognize": recognize,
    "record": record,
}
#: Commands named on the command line; anything else is the run's PROFILE.
SUBCOMMANDS = tuple(name for name in COMMANDS if name != "run")

INTERNAL = Msg(
    "内部エラーが発生しました（{kind}: {detail}）。"
    "--debug を付けて再実行し、結果をご報告ください。",
    "internal error ({kind}: {detail}). Run again with --debug and please report it.",
)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and a hint instead of its own usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"nss-autofill: error: {message}\n  ({self.prog} --help)\n")
        raise SystemExit(ExitCode.BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    """The one parser: a sub-parser per command."""
    root = _Parser(prog="nss-autofill")
    subparsers = root.add_subparsers(dest="command", parser_class=_Parser)
    for module in COMMANDS.values():
        module.add_parser(subparsers)
    return root


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one command (``run`` for the run), e.g. to read its options."""
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            parser: argparse.ArgumentParser = action.choices[name]
            return parser
    raise KeyError(name)


def _first_lang(ns: argparse.Namespace) -> Lang:
    """The language before the settings are loaded (their errors need one)."""
    env = os.environ.get("NSS_AUTOFILL_LANG", "")
    return detect_lang(getattr(ns, "lang", None) or (env if env in ("ja", "en") else None))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``nss-autofill``; returns the exit code."""
    from .console import setup_streams

    setup_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS:
        args = ["run", *args]
    ns = build_parser().parse_args(args)
    lang = _first_lang(ns)
    try:
        from .settings import load_settings

        ns.settings = load_settings(given_settings(ns))
        lang = detect_lang(ns.settings.lang)
        code: int = COMMANDS[ns.command].run(ns, lang)
        return code
    except NssAutofillError as exc:
        sys.stderr.write(f"nss-autofill: {exc.render(lang)}\n")
        return int(exc.exit_code)
    except BrokenPipeError:  # the output was piped into e.g. `head`, which stopped reading
        return int(ExitCode.OK)
    except KeyboardInterrupt:
        sys.stderr.write(f"nss-autofill: {INTERRUPTED.render(lang)}\n")
        return int(ExitCode.BROWSER_CLOSED)
    except Exception as exc:
        if getattr(ns, "debug", False):
            raise
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        sys.stderr.write(
            f"nss-autofill: {INTERNAL.render(lang, kind=type(exc).__name__, detail=detail)}\n"
        )
        return int(ExitCode.INTERNAL)
