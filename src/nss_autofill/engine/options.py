"""Options and parts: which radio or box a caption names, which box is 姓 and which is 名.

A person reads an option's caption beside it (its label, the text after it, its value) and a
part of a split field by the small caption before or after its box (姓 [ ] 名 [ ]), a placeholder
or an aria name. Pure: works on controls as read (``reading.Control``).

Example::

    >>> [c.after for c in find_option(radios, "Bプラン")]
    ['Bプラン']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .reading import Control
from .recognition import label_key, text_key


def option_matches(caption: str, texts: Iterable[str], *, loose: bool = False) -> bool:
    """A radio/checkbox/select option is the one named ``caption``: equal keys, or with
    ``loose`` equal after dropping bracketed input hints on the page's side."""
    want = text_key(caption)
    if loose:
        return any(t and label_key(t) == want for t in texts)
    return any(t and text_key(t) == want for t in texts)


def _drop_trailing_note(text: str) -> str:
    """``text_key`` without one trailing bracketed note: 'Aプラン(月額基本料あり)' → 'Aプラン'."""
    key = text_key(text)
    m = _TRAIL_NOTE_RE.search(key)
    return key[: m.start()] if m and m.start() > 0 else ""


def find_option(controls: Sequence[Control], caption: str) -> list[Control]:
    """The radios/checkboxes whose label, following text or value names ``caption``.

    Exact keys first; only when none matches, the page's text without its bracketed hint;
    then the page's text without one trailing bracketed note of any kind (Aプラン（月額基本料
    あり）names Aプラン, but Aプラン月額 or Aプラン・割引 never do: only a *bracketed* rest
    is a note); only then a following text that starts with a long caption. Callers refuse
    anything but exactly one hit, so two options sharing a caption before their notes
    (Aプラン（月額）/ Aプラン（年額）) refuse rather than pick.
    """
    exact = [c for c in controls if option_matches(caption, c.option_texts())]
    if exact:
        return exact
    loose = [c for c in controls if option_matches(caption, c.option_texts(), loose=True)]
    if loose:
        return loose
    want = text_key(caption)
    noted = [c for c in controls if any(t and _drop_trailing_note(t) == want for t in c.own)]
    if not noted:
        noted = [c for c in controls if _drop_trailing_note(c.after) == want]
    if noted:
        return noted
    return [c for c in controls if len(want) >= 8 and text_key(c.after).startswith(want)]


_TRAIL_NOTE_RE = re.compile(r"(\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$")


def assign_parts(ctls: Sequence[Control], parts: Sequence[str]) -> list[Control] | None:
    """One control per part caption, by the strictest reading that explains every part.

    In order: the caption is exactly the text before each control (姓 [ ] 名 [ ]); exactly the
    text after it, or how that text starts ([ ] 年 [ ] 月 [ ] 日); the control's own label
    (``<label for>``, aria-label); the text stacked right above it (姓 over [ ], 名 over [ ]);
    the text before it ends with the caption (例)山田 名 [ ]).
    """
    keys = [text_key(p) for p in parts]
    for how in ("before", "after", "own", "above", "before-end"):
        chosen: list[Control] = []
        for k in keys:
            hits = [c for c in ctls if _part_hit(c, k, how)]
            if len(hits) != 1 or hits[0] in chosen:
                break
            chosen.append(hits[0])
        else:
            return chosen
    return None


_ENCLOSED = re.compile(r"^[(\[【〔<「]([^)\]】〕>」]+)[)\]】〕>」]")


def _keys(text: str) -> set[str]:
    """A part caption as it may be written: 姓, (姓), 【姓】, 姓：, （事業所コード） ※半角…."""
    k = text_key(text)
    out = {k, label_key(text), k.split("※", 1)[0]}
    m = _ENCLOSED.match(k)
    if m:
        out.add(m.group(1))
    return out


def _part_hit(c: Control, key: str, how: str) -> bool:
    if how == "before":
        return key in _keys(c.before)
    if how == "after":
        after = text_key(c.after)
        return key in _keys(c.after) or (after.startswith(key) and not after.startswith(key + key))
    if how == "own":
        return any(key in _keys(t) for t in c.own)
    if how == "above":
        return any(key in _keys(lab.text) for lab in c.labels if lab.how == "above")
    before = label_key(c.before)
    return before.endswith(key) and len(before) <= len(key) + 12
