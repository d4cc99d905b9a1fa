"""``nss-autofill record``: a headed browser; every page you visit is saved as a fixture,
scrubbed of scripts and values (``run/recorder.py`` does the scrubbing)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import ExitCode
from ..i18n import Lang, Msg
from .common import Subparsers, err, new_parser, settings_of

_RECORDING = Msg(
    "記録中です。ブラウザを閉じると終了します。", "recording; close the browser to stop."
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser = new_parser(
        subparsers,
        "record",
        "open a browser and save every page you visit as a fixture, scripts removed and "
        "every value replaced by a placeholder / 表示した画面をフィクスチャとして保存",
        settings=("start_url", "dry_run", "browser", "launch_timeout_ms"),
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write")
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="PROFILE",
        help="also replace this profile's values wherever they appear",
    )
    return parser


def run(ns: argparse.Namespace, lang: Lang) -> int:
    from ..run.browser import open_browser
    from ..run.recorder import Recorder, profile_strings

    settings = settings_of(ns)
    values: set[str] = set()
    if ns.profile is not None:
        from ..profile import load_profile

        values = profile_strings(load_profile(ns.profile).model_dump(mode="python"))
    site = None
    start_url = settings.start_url
    if settings.dry_run:
        from ..mock.server import MockSite

        site = MockSite().start()
        if "start_url" not in settings.model_fields_set:  # not named: the mock's start page
            start_url = site.start_url
    recorder = Recorder(ns.out, values)
    try:
        with open_browser(
            settings.browser,
            headless=False,
            loopback_only=settings.dry_run,
            timeout_ms=settings.launch_timeout_ms,
        ) as opened:
            context = opened.new_context()
            recorder.attach(context)
            page = context.new_page()
            page.goto(start_url)
            err(_RECORDING.render(lang))
            while any(not p.is_closed() for p in context.pages):
                context.pages[0].wait_for_event("close", timeout=0)
    finally:
        if site is not None:
            site.stop()
    for path in recorder.saved:
        print(path)
    return int(ExitCode.OK)
