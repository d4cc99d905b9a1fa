"""Command-line options generated from the ``Settings`` model: one description per option.

A command names the settings it takes (``add_settings(parser, "browser", "lang")``); the flag,
its help (the field's description, its default and its environment variable), its type and
its metavar all come from the field. Parsed values that were not given stay ``None`` so that the
environment and ``.env`` decide; :func:`given_settings` collects the ones that were given.

Example::

    >>> p = argparse.ArgumentParser()
    >>> add_settings(p, "browser")
    >>> given_settings(p.parse_args(["--browser", "msedge"]))
    {'browser': 'msedge'}
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo

from ..settings import Settings, env_name, flag_name

_DECLARED = "_settings_declared"


def _meta(info: FieldInfo) -> dict[str, Any]:
    extra = info.json_schema_extra
    meta = extra.get("cli") if isinstance(extra, dict) else None
    return dict(meta) if isinstance(meta, dict) else {}


def cli_fields() -> list[str]:
    """Every setting that has a flag (all but the secrets), in the model's order."""
    return [
        name for name, info in Settings.model_fields.items() if _meta(info).get("kind") != "secret"
    ]


def _help(name: str, info: FieldInfo, meta: dict[str, Any]) -> str:
    text = info.description or ""
    default = info.default
    shown = meta.get("show_default", True) and default not in (None, False, [], "")
    if shown and info.default_factory is None:
        text += f" (default: {default})"
    return f"{text} [{env_name(name)}]"


def add_setting(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare the flag of the setting ``name`` on ``parser``."""
    info = Settings.model_fields[name]
    meta = _meta(info)
    kind = meta.get("kind")
    if kind == "secret":
        raise ValueError(f"{name} is a secret: environment only, never a flag")
    parser.set_defaults(**{_DECLARED: (*_declared(parser), name)})
    if kind == "verbosity":
        loud = parser.add_mutually_exclusive_group()
        loud.add_argument(
            "-q",
            "--quiet",
            dest=name,
            action="store_const",
            const=0,
            help=f"only what needs you, problems and the outcome [{env_name(name)}=0]",
        )
        loud.add_argument(
            "-v",
            "--verbose",
            dest=name,
            action="store_const",
            const=2,
            help=f"also every field and its value, secrets masked [{env_name(name)}=2]",
        )
        return
    kwargs: dict[str, Any] = {"dest": name, "default": None, "help": _help(name, info, meta)}
    if info.annotation is bool:
        kwargs["action"] = argparse.BooleanOptionalAction
    else:
        kwargs["metavar"] = meta.get("metavar")
        if meta.get("choices"):
            kwargs["choices"] = meta["choices"]
            kwargs.pop("metavar")
        if meta.get("repeat"):
            kwargs["action"] = "append"
        elif info.annotation in (Path, Path | None):
            kwargs["type"] = Path
    parser.add_argument(flag_name(name), **kwargs)


def _declared(parser: argparse.ArgumentParser) -> tuple[str, ...]:
    value = parser.get_default(_DECLARED)
    return tuple(value) if value else ()


def add_settings(parser: argparse.ArgumentParser, *names: str) -> None:
    """Declare the flags of several settings, in the order given."""
    for name in names:
        add_setting(parser, name)


def given_settings(ns: argparse.Namespace) -> dict[str, Any]:
    """The settings given on the command line (flags left out are not in the result)."""
    declared = getattr(ns, _DECLARED, ()) or ()
    return {name: getattr(ns, name) for name in declared if getattr(ns, name, None) is not None}
