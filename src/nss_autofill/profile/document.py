"""Reading a profile file: YAML with a line number for every key and list item.

The loader is deliberately narrower than YAML 1.1 so that a value means what an office worker
expects: dates stay text (the profile model parses them and names an impossible date instead of
crashing), ``0600001`` stays the postal code it looks like instead of an octal number, and only
``true``/``false``/``yes``/``no`` are booleans.

Example::

    >>> doc = parse_document("version: 1\\napplicant:\\n  email: a@b.jp\\n")
    >>> doc.line(("applicant", "email"))
    3
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from ..errors import BadInput
from ..i18n import Lang, Msg
from ..textfiles import NotText, decode

Loc = tuple[str | int, ...]
Severity = Literal["error", "warning", "note"]

_MAX_NODES = 20_000  # a profile has a few hundred; aliases must not blow it up
_MAX_DEPTH = 30  # a profile nests 5 deep; the checks after this one recurse too


def _one_line(text: str) -> str:
    """``text`` with its control characters and line separators written as escapes (``\\n``):
    a value quoted in a message may hold a line break, and a problem is one line."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp")
        else ch
        for ch in text
    )


@dataclass(frozen=True)
class Problem:
    """One finding about a profile: where (dotted path, line) and what, in both languages.

    ``path`` is ``""`` for the document as a whole (syntax errors, an empty file).
    """

    path: str
    line: int | None
    message: Msg
    column: int | None = None
    severity: Severity = "error"

    def render(self, lang: Lang) -> str:
        """``user_codes.0.code (line 12): …`` — one line, in ``lang``."""
        where = _where(self.line, self.column, lang)
        text = _one_line(self.message.render(lang))
        if self.path and where:
            return f"{self.path} ({where}): {text}"
        if self.path:
            return f"{self.path}: {text}"
        if where:
            return f"{where}: {text}"
        return text


_LINE = Msg("{line}行目", "line {line}")
_LINE_COLUMN = Msg("{line}行目 {column}列目", "line {line}, column {column}")


def _where(line: int | None, column: int | None, lang: Lang) -> str:
    if line is None:
        return ""
    where = _LINE if column is None else _LINE_COLUMN
    return where.render(lang, line=line, column=column)


class ProfileError(BadInput):
    """The profile has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__(self.render("en"))

    def render(self, lang: Lang) -> str:
        return "\n".join(p.render(lang) for p in self.problems)


def dotted(loc: Sequence[str | int]) -> str:
    """The dotted path of a place in the document: ``user_codes.0.ids.1.industry``.

    A key that would break the pattern (white space, a dot, a quote, empty) is written in double
    quotes, JSON-style: ``"0 0"``, ``"a.b"``.

    >>> dotted(["user_codes", 0, "my key"])
    'user_codes.0."my key"'
    """
    return ".".join(_segment(p) for p in loc)


_PLAIN_KEY = re.compile(r'[^.\s"]+')


def _segment(part: str | int) -> str:
    text = str(part)
    return text if _PLAIN_KEY.fullmatch(text) else json.dumps(text, ensure_ascii=False)


@dataclass
class Document:
    """Plain data (dicts, lists, str, int, bool, None) plus where each key and item stood."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, loc: Sequence[str | int]) -> int | None:
        """The line of ``loc``, or of its nearest ancestor present in the file."""
        key = tuple(loc)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)


class _Loader(yaml.SafeLoader):
    """SafeLoader with narrow implicit types (see the module docstring)."""


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO)$"),
    list("tTfFyYnN"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*))$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)

_M = {
    "empty": Msg(
        "ファイルが空です。`nss-autofill init` でひな形を作れます",
        "the file is empty; `nss-autofill init` writes a template",
    ),
    "list": Msg(
        "最上位がリストになっています。"
        "プロファイルは `version: 1` で始まる「キー: 値」の集まりです",
        "the top level is a list; a profile is a mapping of keys that starts with `version: 1`",
    ),
    "scalar": Msg(
        "最上位が単一の値になっています。"
        "プロファイルは `version: 1` で始まる「キー: 値」の集まりです",
        "the top level is a single value; a profile is a mapping of keys that starts with "
        "`version: 1`",
    ),
    "tab": Msg(
        "字下げにタブ文字は使えません。半角スペースで字下げしてください",
        "tabs cannot indent YAML; indent with spaces",
    ),
    "dup": Msg(
        "キー「{key}」が重複しています ({first}行目にもあります)",
        "duplicate key '{key}' (also on line {first})",
    ),
    "key_type": Msg("キーは文字列にしてください", "keys must be plain text"),
    "deep": Msg("入れ子が深すぎます", "the document is nested too deeply"),
    "cycle": Msg("別名 (alias) が自分自身を含んでいます", "an alias contains itself"),
    "big": Msg(
        "別名 (alias) の展開が大きすぎます", "the document expands to too many values (aliases)"
    ),
    "tag": Msg("YAML タグ {tag} は使えません", "the YAML tag {tag} is not supported"),
    "encoding": Msg(
        "ファイルが UTF-8 でも Shift_JIS でもありません ({line}行目)。"
        "メモ帳で「UTF-8」を選んで保存し直してください",
        "the file is neither UTF-8 nor Shift_JIS (line {line}); save it as UTF-8",
    ),
    "missing": Msg("ファイルがありません: {path}", "no such file: {path}"),
    "unreadable": Msg("ファイルを読めません: {path} ({why})", "cannot read {path} ({why})"),
}


def _fixed(name: str, **fields: object) -> Msg:
    m = _M[name]
    return Msg(m.render("ja", **fields), m.render("en", **fields))


def syntax_message(problem: str) -> Msg:
    if "'\\t'" in problem:
        return _fixed("tab")
    return Msg(f"YAML の書式の誤り: {problem}", f"YAML syntax error: {problem}")


def read_text(path: Path) -> str:
    """The file's text (UTF-8 with or without a BOM, or Shift_JIS), or a ProfileError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError([Problem("", None, _fixed("missing", path=path))]) from None
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise ProfileError([Problem("", None, _fixed("unreadable", path=path, why=why))]) from None
    try:
        return decode(raw)[0]  # UTF-8, or Shift_JIS as Windows メモ帳 may save it
    except NotText as exc:
        problem = Problem("", exc.line, _fixed("encoding", line=exc.line))
        raise ProfileError([problem]) from None


def parse_document(text: str) -> Document:
    """Parse ``text``; raise ProfileError for syntax errors and a non-mapping top level."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        raise ProfileError([Problem("", None, _fixed("deep"))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = ", ".join(str(x) for x in (exc.context, exc.problem) if x)
        raise ProfileError([Problem("", line, syntax_message(problem), col)]) from None
    except yaml.reader.ReaderError as exc:  # a control character
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        msg = Msg(f"使えない制御文字 {what} があります", f"control character {what} is not allowed")
        raise ProfileError([Problem("", line, msg, col)]) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ProfileError([Problem("", None, syntax_message(first))]) from None
    if root is None:
        raise ProfileError([Problem("", None, _fixed("empty"))])
    if isinstance(root, yaml.SequenceNode):
        raise ProfileError([Problem("", root.start_mark.line + 1, _fixed("list"))])
    if not isinstance(root, yaml.MappingNode):
        raise ProfileError([Problem("", root.start_mark.line + 1, _fixed("scalar"))])
    doc = Document(None)
    doc.lines[()] = root.start_mark.line + 1
    budget = [_MAX_NODES]
    doc.data = _build(root, (), doc, budget, frozenset())
    return doc


def _build(
    node: yaml.Node, loc: Loc, doc: Document, budget: list[int], seen: frozenset[int]
) -> Any:
    if len(loc) > _MAX_DEPTH:
        if len(loc) == _MAX_DEPTH + 1:
            doc.problems.append(Problem(dotted(loc[:2]), doc.line(loc), _fixed("deep")))
        return None
    if id(node) in seen:
        doc.problems.append(Problem(dotted(loc), doc.line(loc), _fixed("cycle")))
        return None
    budget[0] -= 1
    if budget[0] < 0:
        if budget[0] == -1:  # report once
            doc.problems.append(Problem(dotted(loc), doc.line(loc), _fixed("big")))
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        first: dict[str, int] = {}
        inner = seen | {id(node)}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append(Problem(dotted(loc), line, _fixed("key_type")))
                continue
            key = str(key_node.value)
            if key in first:
                doc.problems.append(
                    Problem(dotted((*loc, key)), line, _fixed("dup", key=key, first=first[key]))
                )
                continue
            first[key] = line
            doc.lines[(*loc, key)] = line
            out[key] = _build(value_node, (*loc, key), doc, budget, inner)
        return out
    if isinstance(node, yaml.SequenceNode):
        items: list[Any] = []
        inner = seen | {id(node)}
        for i, item in enumerate(node.value):
            doc.lines[(*loc, i)] = item.start_mark.line + 1
            items.append(_build(item, (*loc, i), doc, budget, inner))
        return items
    return _scalar(node, loc, doc)


def _scalar(node: yaml.Node, loc: Loc, doc: Document) -> Any:
    value = str(node.value)
    tag = node.tag
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() in ("true", "yes")
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(value)
        except ValueError:
            return value
    if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float"):
        return value
    doc.problems.append(Problem(dotted(loc), doc.line(loc), _fixed("tag", tag=tag)))
    return value
