"""Command line: parse, call, translate errors into messages and exit codes.

Nothing here knows NSS; it only wires the commands to their modules. Progress and messages go
to stderr, data (``--json``, ``plan``, ``check`` summaries) to stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import ExitCode, NssAutofillError
from .i18n import Lang, Msg, detect_lang

EXIT_CODES = """\
exit codes / 終了コード:
  0  phase or flow completed / フェーズまたは申込が完了
  1  internal error (please report) / 内部エラー
  2  bad input: profile, flags, settings / 入力の誤り（プロファイル・オプション・設定）
  3  stopped for a human (headless, at a consent or submit button) / 人の操作待ちで停止
  4  unknown page or the site changed / 不明なページ・サイトの変更
  5  the operator closed the browser or pressed Ctrl-C / ブラウザが閉じられた・中断
"""

RUN_DESCRIPTION = """\
Prefill the NSS application for a NACCS 利用者ID dedicated to Cyber Port from PROFILE.
A visible browser opens; the tool fills every form and stops at consent and final-submit
buttons (「システム利用規定に同意する」, 「申込内容を登録する」): you review and press them.
NSS の申込画面をプロファイルから入力します。同意・登録ボタンはご自身で押してください。

other commands / その他のコマンド:
  nss-autofill init [PATH]        write a commented profile template / テンプレート作成
  nss-autofill check PROFILE      validate a profile, no browser / プロファイルの検査
  nss-autofill plan PROFILE       show what will be filled, no browser / 入力内容の一覧
  nss-autofill mock-server        serve the bundled mock NSS / 模擬NSSサイトを起動
  nss-autofill doctor             check browser, display and settings / 環境の確認
  nss-autofill recognize FILE|URL which page the catalogue takes it for / 画面の判定
  nss-autofill record --out DIR   save visited pages as scrubbed fixtures / 画面の記録
"""

SUBCOMMANDS = ("init", "check", "plan", "mock-server", "doctor", "record", "recognize")

INTERNAL = Msg(
    "内部エラーが発生しました（{kind}: {detail}）。"
    "--debug を付けて再実行し、結果をご報告ください。",
    "internal error ({kind}: {detail}). Run again with --debug and please report it.",
)
INTERRUPTED = Msg("中断しました。", "interrupted.")


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and a bilingual hint instead of its own usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"nss-autofill: error: {message}\n  (nss-autofill --help)\n")
        raise SystemExit(ExitCode.BAD_INPUT)


def _lang_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("ja", "en"), help="message language / 表示言語")
    p.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)


def build_run_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="nss-autofill",
        description=RUN_DESCRIPTION,
        epilog=EXIT_CODES
        + "\nEvery option is also an environment setting NSS_AUTOFILL_<OPTION> (or in .env).\n"
        "The temporary login comes from NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD, "
        "never from the profile.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("profile", type=Path, metavar="PROFILE", help="applicant profile (YAML)")
    p.add_argument(
        "--dry-run",
        action="store_true",
        default=None,
        help="run on the bundled mock NSS on this machine / 模擬サイトで試す",
    )
    p.add_argument(
        "--headless",
        action="store_true",
        default=None,
        help="no visible browser; stops (exit 3) where a human must act",
    )
    p.add_argument("--url", help="the URL from the NSS mail (phase 2) / メール記載のURL")
    p.add_argument("--start-url", help="where to start (default: the NACCS掲示板 top page)")
    p.add_argument(
        "--allow-origin",
        action="append",
        metavar="ORIGIN",
        help="also fill pages of this origin (scheme://host[:port]); repeatable",
    )
    p.add_argument(
        "--auto-confirm",
        action="store_true",
        default=None,
        help="dry runs only: a simulated operator presses consent/submit on loopback",
    )
    p.add_argument(
        "--step",
        action="store_true",
        default=None,
        help="wait for you on every page instead of moving on",
    )
    p.add_argument("--report", type=Path, metavar="FILE", help="write a JSON report here")
    p.add_argument(
        "--artifacts", type=Path, metavar="DIR", help="folder for screenshots and the action log"
    )
    p.add_argument(
        "--record",
        type=Path,
        metavar="DIR",
        help="also save every page as a scrubbed fixture into DIR (for maintainers)",
    )
    p.add_argument(
        "--browser",
        metavar="auto|chromium|chrome|msedge|PATH",
        help="which browser to use (default auto: Edge, Chrome, Chromium)",
    )
    loud = p.add_mutually_exclusive_group()
    loud.add_argument(
        "-q",
        "--quiet",
        dest="verbosity",
        action="store_const",
        const=0,
        help="only what needs you, problems and the outcome",
    )
    loud.add_argument(
        "-v",
        "--verbose",
        dest="verbosity",
        action="store_const",
        const=2,
        help="also every field and its value (secrets masked)",
    )
    p.add_argument("--version", action="version", version=f"nss-autofill {__version__}")
    _lang_arg(p)
    return p


def build_sub_parser(name: str) -> argparse.ArgumentParser:
    p = _Parser(
        prog=f"nss-autofill {name}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EXIT_CODES,
    )
    if name == "init":
        p.description = "write a commented profile template / プロファイルのひな形を作成"
        p.add_argument(
            "path",
            nargs="?",
            type=Path,
            default=Path("profile.yaml"),
            help="where to write it (default profile.yaml); never overwritten",
        )
    elif name == "check":
        p.description = "validate a profile without opening a browser / プロファイルの検査"
        p.add_argument("profile", type=Path, metavar="PROFILE")
    elif name == "plan":
        p.description = (
            "print, page by page, what will be filled; no browser / 画面ごとの入力内容を表示"
        )
        p.add_argument("profile", type=Path, metavar="PROFILE")
        p.add_argument("--json", action="store_true", help="the same as JSON on stdout")
    elif name == "mock-server":
        p.description = (
            "serve the bundled mock NSS on this machine until Ctrl-C / 模擬NSSサイトを起動"
        )
        p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: a free one)")
        p.add_argument(
            "--style",
            choices=("classic", "modern", "variant"),
            default="classic",
            help="markup of the mock: old NSS tables (classic), labels/aria/divs (modern) or "
            "drawn from --seed (variant)",
        )
        p.add_argument("--seed", type=int, default=0, help="the variant markup's seed")
        p.add_argument(
            "--perturb", action="store_true", help="variant: reword captions the manual lacks"
        )
    elif name == "doctor":
        p.description = (
            "which browser would be used, display, encoding, trusted origins / 実行環境の確認"
        )
        p.add_argument("--browser", metavar="auto|chromium|chrome|msedge|PATH")
    elif name == "record":
        p.description = (
            "open a browser and save every page you visit as a fixture, scripts removed and "
            "every value replaced by a placeholder / 表示した画面をフィクスチャとして保存"
        )
        p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write")
        p.add_argument(
            "--profile",
            type=Path,
            metavar="PROFILE",
            help="also replace this profile's values wherever they appear",
        )
        p.add_argument("--start-url", help="where to start (default: the NACCS掲示板 top page)")
        p.add_argument("--dry-run", action="store_true", help="record the bundled mock NSS")
        p.add_argument("--browser", default="auto", metavar="auto|chromium|chrome|msedge|PATH")
    elif name == "recognize":
        p.description = (
            "which catalogue page a saved HTML file or URL is taken for, the signals that held "
            "or failed, and each catalogue field found or missing / 画面の判定結果を表示"
        )
        p.add_argument("target", metavar="FILE.html|URL")
        p.add_argument("--json", action="store_true", help="the same as JSON on stdout")
        p.add_argument("--browser", default="auto", metavar="auto|chromium|chrome|msedge|PATH")
    _lang_arg(p)
    return p


def _run_sub(name: str, ns: argparse.Namespace, lang: Lang) -> int:
    from .settings import Settings

    if name == "mock-server":
        from .mock.server import serve_forever

        return serve_forever(
            port=ns.port, lang=lang, style=ns.style, seed=ns.seed, perturb=ns.perturb
        )
    if name == "doctor":
        from .commands.doctor import doctor

        return doctor(lang, browser=ns.browser)
    if name == "record":
        from .run.recorder import record_command

        return record_command(ns.out, ns.profile, ns.start_url, ns.dry_run, ns.browser)
    if name == "recognize":
        from .commands.recognize import recognize_command

        return recognize_command(ns.target, lang, as_json=ns.json, browser=ns.browser)
    if name == "init":
        from .commands.init import init_command

        return init_command(ns.path, lang)
    if name == "check":
        from .commands.check import check_command

        return check_command(ns.profile, lang, min_business_days=Settings().min_business_days)
    from .commands.plan import plan_command

    return plan_command(ns.profile, lang, as_json=ns.json)


def _run_main(ns: argparse.Namespace, lang: Lang) -> int:
    from pydantic import ValidationError

    from .errors import BadInput
    from .run.session import run
    from .settings import Settings

    overrides = {
        k: v for k, v in vars(ns).items() if k not in ("profile", "debug") and v is not None
    }

    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        lines = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise BadInput("\n".join(lines)) from None
    return run(settings, ns.profile, lang)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``nss-autofill``; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a Windows console may not be UTF-8
            reconfigure(errors="replace")
    name = args[0] if args and args[0] in SUBCOMMANDS else None
    parser = build_sub_parser(name) if name else build_run_parser()
    ns = parser.parse_args(args[1:] if name else args)
    lang = detect_lang(ns.lang)
    try:
        return _run_sub(name, ns, lang) if name else _run_main(ns, lang)
    except NssAutofillError as exc:
        render = getattr(exc, "render", None)
        text = render(lang) if callable(render) else str(exc)
        sys.stderr.write(f"nss-autofill: {text}\n")
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
