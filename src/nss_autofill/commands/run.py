"""``nss-autofill PROFILE``: the run. Its flags are the settings (``settings.py``), one each."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import __version__
from ..i18n import Lang
from .common import Subparsers, new_parser, settings_of
from .options import cli_fields

DESCRIPTION = """\
Prefill the NSS application for a NACCS 利用者ID dedicated to Cyber Port from PROFILE.
A visible browser opens; the tool fills every form and stops at consent and final-submit
buttons (「システム利用規定に同意する」, 「申込内容を登録する」): you review and press them.
NSS の申込画面をプロファイルから入力します。同意・登録ボタンはご自身で押してください。

other commands / その他のコマンド:
  nss-autofill init [PATH]        write a profile: --guided, --example, --from SHEET / 作成
  nss-autofill check PROFILE      validate a profile, no browser / プロファイルの検査
  nss-autofill plan PROFILE       show what will be filled, no browser / 入力内容の一覧
  nss-autofill mock-server        serve the bundled mock NSS / 模擬NSSサイトを起動
  nss-autofill doctor             check browser, network, display, settings / 環境の確認
  nss-autofill recognize FILE|URL which page the catalogue takes it for / 画面の判定
  nss-autofill record --out DIR   save visited pages as scrubbed fixtures / 画面の記録
"""

ENVIRONMENT = """
Every option is also an environment setting NSS_AUTOFILL_<OPTION> (shown in [brackets]),
also read from a .env file in the working folder; a flag wins over the environment.
The temporary login comes from NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD, never from the
profile and never from a flag.
"""


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser = new_parser(
        subparsers,
        "run",
        DESCRIPTION,
        settings=tuple(name for name in cli_fields() if name != "lang"),
        prog="nss-autofill",
    )
    parser.epilog = f"{parser.epilog}{ENVIRONMENT}"
    parser.add_argument("profile", type=Path, metavar="PROFILE", help="applicant profile (YAML)")
    parser.add_argument("--version", action="version", version=f"nss-autofill {__version__}")
    return parser


def run(ns: argparse.Namespace, lang: Lang) -> int:
    """Validate the profile, then drive the browser through NSS; returns the exit code."""
    from ..run.session import run as run_session

    return run_session(settings_of(ns), ns.profile, lang)
