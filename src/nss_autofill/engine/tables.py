"""Tables of rows the session and filling read: found by what their header row names.

A table is found by its column headers (「業種」「処理方式」「識別番号数」), whatever caption
stands above it: an HTML table, an ARIA table or grid, or rows drawn with divs (``js/rows.js``).

Example::

    >>> table_column(page, ["利用者コード"], "利用者コード")
    ['ABCDE']
"""

from __future__ import annotations

from collections.abc import Sequence

from playwright.sync_api import Page

from . import scripts
from .recognition import text_key


def read_table(
    page: Page, columns: Sequence[str]
) -> tuple[list[str], list[tuple[bool, list[str]]]] | None:
    """(header keys, [(is a data row, cell keys)]) of the table whose header row names every one
    of ``columns``; None when no such table is shown."""
    got = scripts.call(page, "rows.js", list(columns))
    if got is None:
        return None
    return [str(h) for h in got["head"]], [
        (bool(r["data"]), [str(c) for c in r["cells"]]) for r in got["rows"]
    ]


def data_rows(page: Page, columns: Sequence[str]) -> int:
    got = read_table(page, columns)
    return -1 if got is None else sum(1 for data, _ in got[1] if data)


def table_column(page: Page, columns: Sequence[str], column: str) -> list[str]:
    """The non-empty cells of ``column`` in the data rows of the table whose header names
    ``columns``. Example: the 利用者コード already set, on the 利用者 tab."""
    got = read_table(page, columns)
    if got is None:
        return []
    head, rows = got
    want = text_key(column)
    col = next((i for i, h in enumerate(head) if h == want), None)
    if col is None:
        col = next((i for i, h in enumerate(head) if h.startswith(want)), None)
    if col is None:
        return []
    return [cells[col] for data, cells in rows if data and col < len(cells) and cells[col]]
