"""What a control holds, and how the tool writes it: the engine's words for one value.

``current`` reads a control in the terms of the value the plan wants (an option's caption,
"on"/"off", the text), ``holds`` compares, ``write_op`` says how ``js/write.js`` writes it, and
``why_not_kept`` tells the operator what went wrong. Options are read the way a person reads
them: 東京都 in 「13：東京都」, a year as 2027, 2027年 or 令和9年.

Example::

    >>> sorted(option_names("13：東京都"))
    ['13:東京都', '東京都']
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..normalize import compare_key
from .reading import Control
from .recognition import label_key, text_key

_CODE_RE = re.compile(r"^[0-9A-Za-z]{1,4}[:：.．)）\]】\s-]+")
_BRACKET_RE = re.compile(r"[(（\[【〔]([^)）\]】〕]*)[)）\]】〕]")


def option_names(text: str) -> set[str]:
    """What a person reads as an option's name: 東京都 in 「13：東京都」 and 「東京都（13）」;
    both 2027年 and 令和9年 in 「2027年(令和9年)」 (a date written two ways)."""
    k = text_key(text)
    out = {k, label_key(text), _CODE_RE.sub("", k)}
    outside = _BRACKET_RE.sub("", k)
    if outside and outside != k:
        out.add(outside)
        if any(ch.isdigit() for ch in outside):
            out |= {m.group(1) for m in _BRACKET_RE.finditer(k) if m.group(1)}
    return {x for x in out if x}


def option_index(ctl: Control, target: str, kind: str, part: int) -> list[int]:
    """Options whose text (or value) names ``target``; the exact reading first."""
    if kind == "date3":
        wants = year_keys(target) if part == 0 else {date_key(target)}
        return [
            i
            for i, o in enumerate(ctl.options)
            if {date_key(n) for n in option_names(o.text)} & wants or date_key(o.value) in wants
        ]
    want = text_key(target)
    hits = [
        i
        for i, o in enumerate(ctl.options)
        if text_key(o.text) == want or text_key(o.value) == want
    ]
    return hits or [i for i, o in enumerate(ctl.options) if want in option_names(o.text)]


def current(ctl: Control, target: str, kind: str, part: int) -> str:
    """What the control holds now, in the terms of ``target``."""
    if ctl.is_select:
        chosen = next((i for i, o in enumerate(ctl.options) if o.selected), -1)
        if chosen in option_index(ctl, target, kind, part):
            return target
        if chosen >= 0 and ctl.options[chosen].value:
            return ctl.options[chosen].text
        return ""  # the placeholder (選択してください): empty
    if ctl.type == "checkbox":
        return "on" if ctl.checked else "off"
    if ctl.type == "radio":
        return target if ctl.checked else ""
    return ctl.value


def holds(ctl: Control, target: str, kind: str, part: int) -> bool:
    if kind == "radio":
        return ctl.checked
    return compare_key(current(ctl, target, kind, part)) == compare_key(target)


def write_op(ctl: Control, target: str, kind: str, part: int) -> dict[str, Any]:
    if ctl.is_select:
        idx = option_index(ctl, target, kind, part)
        return {"sel": ctl.selector, "op": "select", "index": idx[0]}
    if ctl.is_choice:
        return {"sel": ctl.selector, "op": "check", "on": kind == "radio" or target == "on"}
    return {"sel": ctl.selector, "op": "text", "value": target}


def why_not_kept(ctl: Control, target: str, now: str) -> str:
    if ctl.disabled:
        return "the control is disabled"
    if not ctl.visible and not ctl.is_choice:
        return "the control is not shown"
    if ctl.type == "radio":
        return "the page did not keep the choice"
    if ctl.type == "checkbox":
        return f"the page kept the box {now}"
    if ctl.is_select:
        return f"the page refused option {target!r} (shows {now!r})"
    if ctl.max_length and len(target) > ctl.max_length and target.startswith(now):
        return f"truncated to {ctl.max_length} characters by the page: {now!r}"
    return f"the page kept {now!r} instead of {target!r}"


def year_keys(target: str) -> set[str]:
    """A year as the list may show it: 2027, 令和9 / R9 (and 令和元 for 2019)."""
    out = {date_key(target)}
    if target.isdigit() and int(target) >= 2019:
        n = int(target) - 2018
        out |= {f"令和{n}", f"R{n}", f"令和{n}年"}
        if n == 1:
            out |= {"令和元", "R元"}
    return out


_DATE_UNIT_RE = re.compile(r"[年月日]$")


def date_key(text: str) -> str:
    """'2027年' / '02' / '2月' → '2027' / '2' / '2'; other texts unchanged."""
    out = _DATE_UNIT_RE.sub("", text_key(unicodedata.normalize("NFKC", text)))
    return (out.lstrip("0") or out) if out.isdigit() else out
