"""Pydantic's validation errors of the profile model, worded as bilingual ``Problem``s.

A rule's own refusal (``values.fail``: type ``nss``) carries its message in both languages; the
other error types (a missing key, an unknown key with the nearest known one, a wrong type) are
worded here, with the dotted path and the line of the YAML document. A new wording for an error
pydantic raises goes here; a new rule goes in ``values.py`` or ``model.py``.

Example::

    >>> err  # one of ValidationError.errors(), for ``phon:`` written under applicant
    {'type': 'extra_forbidden', 'loc': ('applicant', 'phon'), ...}
    >>> translate_error(err, doc).render("en")
    "applicant.phon (line 11): unknown key 'phon'; did you mean 'phone'?"
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from ..i18n import Msg
from .document import Document, Loc, Problem, dotted
from .model import Profile


def _clean_loc(loc: Sequence[str | int]) -> Loc:
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("<")))


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (for key suggestions)."""
    cls: type[BaseModel] = Profile
    for part in loc:
        if isinstance(part, int):
            continue
        field = cls.model_fields.get(part)
        if field is None:
            return None
        found = _find_model(field.annotation)
        if found is None:
            return None
        cls = found
    return cls


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _find_model(arg)
        if found is not None:
            return found
    for meta in getattr(annotation, "__metadata__", ()) or ():
        found = _find_model(meta)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        return _find_model(origin)
    return None


def translate_error(err: ErrorDetails, doc: Document) -> Problem:
    """One pydantic error of the model as a ``Problem`` at its path and line."""
    loc = _clean_loc(err["loc"])
    path = dotted(loc)
    # a key missing at the top level has no line worth pointing at
    line = None if err["type"] == "missing" and len(loc) == 1 else doc.line(loc)
    return Problem(path, line, _message(err, loc))


def _message(err: ErrorDetails, loc: Loc) -> Msg:
    kind = err["type"]
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    given = err.get("input")
    key = str(loc[-1]) if loc else ""
    if kind == "nss":
        return Msg(str(ctx["ja"]), str(ctx["en"]))
    if kind == "missing":
        return Msg(f"必須の項目「{key}」がありません", f"required key '{key}' is missing")
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if given is None and kind.endswith("_type"):
        return Msg("値が空です", "no value given")
    if kind in ("bool_type", "bool_parsing"):
        return Msg("true か false で書いてください", "write true or false")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Msg(
            "「キー: 値」の形で書いてください (下の行に字下げして)",
            "must be a mapping of keys (indented `key: value` lines)",
        )
    if kind == "list_type":
        return Msg(
            "リストで書いてください (「- 」で始まる行)", "must be a list (lines starting with '- ')"
        )
    if kind in ("string_type", "str_type"):
        return Msg("文字列で書いてください", "must be text")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return Msg("整数で書いてください", "must be a whole number")
    if kind in ("nss_address", "literal_error") and loc[-2:] == ("billing", "address"):
        return Msg(
            "same_as_office (事業所に同じ) か、postal_code・prefecture・city_address・building "
            "の「キー: 値」で書いてください",
            "write same_as_office, or a mapping with postal_code, prefecture, city_address "
            "and building",
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return Msg(f"次のいずれかです: {expected}", f"must be one of: {expected}")
    text = str(err.get("msg", kind))
    return Msg(text, text)


def _unknown_key(loc: Loc) -> Msg:
    key = str(loc[-1])
    parent = _model_at(loc[:-1])
    known = list(parent.model_fields) if parent else []
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if near:
        return Msg(
            f"未知のキー「{key}」です。「{near[0]}」のことですか?",
            f"unknown key '{key}'; did you mean '{near[0]}'?",
        )
    if known:
        listed = ", ".join(known)
        return Msg(
            f"未知のキー「{key}」です (使えるキー: {listed})",
            f"unknown key '{key}' (known keys: {listed})",
        )
    return Msg(f"未知のキー「{key}」です", f"unknown key '{key}'")
