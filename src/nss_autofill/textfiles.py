"""Reading the text files an operator writes on Windows: UTF-8 (with or without a BOM), or
Shift_JIS as older メモ帳 and Excel save them.

Example::

    >>> decode("利用者".encode("cp932"))
    ('利用者', 'cp932')
"""

from __future__ import annotations


class NotText(ValueError):
    """Neither UTF-8 nor Shift_JIS; ``line`` is where UTF-8 decoding first failed."""

    def __init__(self, line: int) -> None:
        super().__init__(f"neither UTF-8 nor Shift_JIS (line {line})")
        self.line = line


def decode(raw: bytes) -> tuple[str, str]:
    """The text and its encoding (``utf-8-sig`` or ``cp932``).

    Python's cp932 maps the bytes Shift_JIS leaves unused (0x80, 0xA0, 0xFD-0xFF) to
    private-use characters; text holding those is not what Windows wrote.

    Raises:
        NotText: neither encoding fits.
    """
    try:
        return raw.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        raise NotText(line) from None
    if any("\ue000" <= ch <= "\uf8ff" or ch == "\x80" for ch in text):
        raise NotText(line)
    return text, "cp932"
