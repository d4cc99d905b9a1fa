"""``nss-autofill recognize``: what a maintainer runs on a new recording of an NSS page.

It answers, for a saved HTML file or a URL: which catalogue page it is taken for, which
signals held or failed (for the page and its nearest candidates), and, for that page, each
catalogue field found or missing. Nothing is filled or pressed.

Example::

    $ nss-autofill recognize fixtures/classic/apply-plan.html
    page: apply-plan (料金 (NACCS利用申込))
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..console import write_json
from ..errors import BadInput, ExitCode
from ..i18n import Lang, Msg
from .common import Subparsers, new_parser, settings_of

if TYPE_CHECKING:
    from ..site.catalogue import Catalogue, PageSpec

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)

_NO_TARGET = Msg("ファイルまたはURLが見つかりません: {target}", "no such file or URL: {target}")


def _decode(data: bytes) -> str:
    from ..run.recorder import python_codec

    match = _META_CHARSET.search(data[:4096])
    charset = match.group(1).decode("ascii") if match else "utf-8"
    return data.decode(python_codec(charset), errors="replace")


def _fields(page: Any, spec: PageSpec) -> list[dict[str, str]]:
    from ..engine.locating import locate_field, scan_form

    model = scan_form(page, spec)
    out = []
    for field in spec.fields:
        found = locate_field(model, spec, field)
        out.append(
            {
                "field": field.id,
                "where": field.where(),
                "status": "found" if found.ok else "missing",
                "detail": found.problem,
            }
        )
    return out


def inspect(page: Any, catalogue: Catalogue) -> dict[str, Any]:
    """Recognition and field lookup for the page shown in ``page``, as data."""
    from ..engine.recognition import read_facts, recognise

    rec = recognise(catalogue, read_facts(page, catalogue.site))
    cands = [
        {"page_id": c.page_id, "held": list(c.held), "failed": list(c.failed)}
        for c in rec.candidates
    ]
    spec = rec.page
    if spec is None and rec.candidates:
        best = rec.candidates[0].page_id  # the nearest: shows what a fixed catalogue would find
        spec = catalogue.page(best)
    return {
        "page_id": rec.page.id if rec.page else None,
        "recognised": rec.page is not None,
        "reason": rec.reason,
        "validation_errors": list(rec.validation_errors),
        "candidates": cands,
        "fields_of": spec.id if spec else None,
        "fields": _fields(page, spec) if spec else [],
    }


def _print_text(result: dict[str, Any], catalogue: Catalogue) -> None:
    if result["recognised"]:
        name = catalogue.page(result["page_id"]).name
        print(f"page: {result['page_id']} ({name})")
    else:
        print(f"page: not recognised ({result['reason']})")
    for cand in result["candidates"][:5]:
        print(f"  {cand['page_id']}: held {len(cand['held'])}, failed {len(cand['failed'])}")
        for sig in cand["failed"]:
            print(f"    ✗ {sig}")
    if result["validation_errors"]:
        print("validation errors:")
        for err in result["validation_errors"]:
            print(f"  - {err}")
    if result["fields_of"]:
        print(f"fields of {result['fields_of']}:")
        for f in result["fields"]:
            mark = "✓" if f["status"] == "found" else "✗"
            detail = f"  ({f['detail']})" if f["detail"] else ""
            print(f"  {mark} {f['where']}{detail}")


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser = new_parser(
        subparsers,
        "recognize",
        "which catalogue page a saved HTML file or URL is taken for, the signals that held "
        "or failed, and each catalogue field found or missing / 画面の判定結果を表示",
        settings=("browser", "launch_timeout_ms", "page_timeout_ms"),
    )
    parser.add_argument("target", metavar="FILE.html|URL")
    parser.add_argument("--json", action="store_true", help="the same as JSON on stdout")
    return parser


def run(ns: argparse.Namespace, lang: Lang) -> int:
    """Print what the catalogue makes of the target; exit 0 when recognised, 4 when not."""
    from ..run.browser import open_browser
    from ..run.navigation import goto_with_retry
    from ..site.catalogue import load_catalogue

    settings = settings_of(ns)
    target: str = ns.target
    is_url = target.startswith(("http://", "https://"))
    path = Path(target)
    if not is_url and not path.is_file():
        raise BadInput(_NO_TARGET.format(target=target))
    catalogue = load_catalogue()
    with open_browser(
        settings.browser,
        headless=True,
        loopback_only=not is_url,
        timeout_ms=settings.launch_timeout_ms,
    ) as opened:
        page = opened.new_context(java_script_enabled=is_url).new_page()
        if is_url:
            goto_with_retry(page, target, settings.page_timeout_ms)
        else:
            html = _decode(path.read_bytes())
            page.route("**/*", lambda route: route.abort())
            page.set_content(html, wait_until="domcontentloaded")
        result = inspect(page, catalogue)
    result["target"] = target
    if ns.json:
        write_json(result)
    else:
        _print_text(result, catalogue)
    return int(ExitCode.OK if result["recognised"] else ExitCode.UNKNOWN_PAGE)
