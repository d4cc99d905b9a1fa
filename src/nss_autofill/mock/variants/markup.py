"""HTML text helpers every variant module shares: escaping, attributes, stable numbers."""

from __future__ import annotations

import hashlib
import html


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def attrs(**kw: object) -> str:
    """`` a="b" c`` from keywords (None/False dropped, True bare; ``class_`` → class)."""
    out = []
    for k, v in kw.items():
        if v is None or v is False:
            continue
        name = k.rstrip("_").replace("__", "-").replace("_", "-") if k != "class_" else "class"
        if k.startswith("data_") or k.startswith("aria_"):
            name = k.replace("_", "-")
        out.append(f" {name}" if v is True else f' {name}="{esc(v)}"')
    return "".join(out)


FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def stable(text: str) -> int:
    """A number from ``text`` that is the same in every process (unlike ``hash``)."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def spaced(text: str) -> str:
    """氏名 → 氏　名 (the full-width space old forms put in short labels)."""
    return "\u3000".join(text) if len(text) == 2 else text
