"""``nss-autofill mock-server``: the bundled mock NSS on this machine, until Ctrl-C."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from ..errors import BadInput, ExitCode
from ..i18n import Lang, Msg
from .common import Subparsers, err, new_parser

DEFAULT_PORT = 8765
# How often the wait wakes up. On Windows a wait without a time-out (``Event().wait()``) is not
# interrupted by Ctrl-C; a sleep in slices is, within one slice.
WAKE_S = 0.25

_SERVING = Msg("模擬NSSサイト: {url}  (Ctrl-C で終了)", "mock NSS site: {url}  (Ctrl-C to stop)")
_STOPPED = Msg("模擬NSSサイトを終了しました。", "mock NSS site stopped.")
_CANNOT = Msg("模擬NSSサイトを起動できません: {why}", "cannot start the mock NSS site: {why}")


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    from ..mock.styles import STYLES

    parser = new_parser(
        subparsers,
        "mock-server",
        "serve the bundled mock NSS on this machine until Ctrl-C / 模擬NSSサイトを起動",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port (default {DEFAULT_PORT}; 0: a free one)",
    )
    parser.add_argument(
        "--style",
        choices=STYLES,
        default=STYLES[0],
        help="markup of the mock: old NSS tables (classic), labels/aria/divs (modern) or "
        "drawn from --seed (variant)",
    )
    parser.add_argument("--seed", type=int, default=0, help="the variant markup's seed")
    parser.add_argument(
        "--perturb", action="store_true", help="variant: reword the captions the manual lacks"
    )
    return parser


def wait_until_interrupted(sleep: Callable[[float], None] = time.sleep) -> None:
    """Block until Ctrl-C (``KeyboardInterrupt``), waking every :data:`WAKE_S` seconds."""
    while True:
        sleep(WAKE_S)


def run(ns: argparse.Namespace, lang: Lang) -> int:
    from ..mock.server import MockSite

    try:
        site = MockSite(ns.style, port=ns.port, seed=ns.seed, perturb=ns.perturb).start()
    except (OSError, ValueError) as exc:
        raise BadInput(_CANNOT.format(why=exc)) from None
    try:
        # inside the try: a Ctrl-C right after the address is shown still stops cleanly
        print(_SERVING.render(lang, url=site.start_url), flush=True)
        wait_until_interrupted()
    except KeyboardInterrupt:
        err(_STOPPED.render(lang))
    finally:
        site.stop()
    return int(ExitCode.OK)
