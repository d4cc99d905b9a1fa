"""Operator messages in Japanese and English.

Every message the operator reads exists in both languages; ``Msg`` keeps the pair together so
neither can be forgotten.

Example::

    >>> Msg("プロファイルに誤りがあります", "the profile has errors").render("en")
    'the profile has errors'
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from typing import Literal

Lang = Literal["ja", "en"]


@dataclass(frozen=True)
class Msg:
    """One message in both languages; ``str.format`` fields are filled by ``render``."""

    ja: str
    en: str

    def render(self, lang: Lang, **fields: object) -> str:
        """The text in ``lang``; a field that is itself a ``Msg`` is rendered in ``lang`` too."""
        text = self.ja if lang == "ja" else self.en
        if not fields:
            return text
        return text.format(
            **{k: v.render(lang) if isinstance(v, Msg) else v for k, v in fields.items()}
        )

    def format(self, **fields: object) -> Msg:
        """The message with its fields filled, still in both languages."""
        return Msg(self.render("ja", **fields), self.render("en", **fields))

    @classmethod
    def split(cls, text: str) -> Msg:
        """A catalogue text written ``日本語 / English`` as a message (the same text in both
        languages when it has no `` / ``).

        >>> Msg.split("お読みください / please read").render("en")
        'please read'
        """
        ja, sep, en = text.partition(" / ")
        return cls(ja, en) if sep else cls(text, text)

    def both(self, **fields: object) -> str:
        """``日本語 / English`` on one line, for places where the language is not known."""
        return f"{self.render('ja', **fields)} / {self.render('en', **fields)}"


def detect_lang(explicit: str | None = None) -> Lang:
    """The operator's language: the explicit choice, else Japanese for a Japanese locale.

    ``NSS_AUTOFILL_LANG`` (or ``--lang``) reaches here as ``explicit`` through the settings;
    otherwise only the OS locale counts.
    """
    if explicit in ("ja", "en"):
        return explicit  # type: ignore[return-value]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    # Windows reports e.g. "Japanese_Japan" rather than "ja_JP".
    return "ja" if loc.lower().startswith(("ja", "japanese")) else "en"
