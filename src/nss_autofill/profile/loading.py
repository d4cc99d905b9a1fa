"""Reading a profile: the YAML text validated and normalised into a ``Profile``, or every
problem at once, one line each, with its dotted path and line number, in Japanese or English.

``validate_document`` runs, in order, the document's own problems, the checks on the raw data
(``checks.document_checks``: credentials, placeholders, codes), the model (``model.py``) and then
the checks on its normalised values (strings, derived rules, postal data); warnings and notes
end up in ``Profile.notes``. A new check across the document goes in ``checks.py`` and is
called here.

Example::

    >>> profile = load_profile(Path("profiles/example.yaml"))
    >>> profile.user_codes[0].ids[0].industry
    '海貨業'
    >>> try:
    ...     parse_profile(text.replace("version: 1", "version: 2"))
    ... except ProfileError as exc:
    ...     print(exc.problems[0].render("en"))
    version (line 1): version must be 1 (the format this tool reads)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from .checks import derived_checks, document_checks, string_checks
from .document import Document, Problem, ProfileError, parse_document, read_text
from .model import Profile
from .model_errors import translate_error
from .postal import postal_checks

__all__ = ["japan_today", "load_profile", "parse_profile", "validate_document"]


def japan_today() -> dt.date:
    """Today's date in Japan, where NSS counts days."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).date()


def load_profile(path: Path, *, today: dt.date | None = None) -> Profile:
    """Read, validate and normalise the profile at ``path``; ProfileError lists all problems."""
    return parse_profile(read_text(Path(path)), today=today)


def parse_profile(text: str, *, today: dt.date | None = None) -> Profile:
    """Like ``load_profile`` for text already read (tests, stdin)."""
    doc = parse_document(text)
    return validate_document(doc, today=japan_today() if today is None else today)


def validate_document(doc: Document, *, today: dt.date) -> Profile:
    """The profile in ``doc`` as of ``today``; ProfileError lists every error, notes are kept."""
    problems: list[Problem] = list(doc.problems)
    pre, skip = document_checks(doc)  # credentials removed, placeholders noted
    problems += pre
    profile: Profile | None = None
    later: list[Problem] = []
    try:
        profile = Profile.model_validate(doc.data, context={"today": today})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            if err["type"] == "default_factory_not_called":
                continue  # the administrator default: the applicant's own errors say why
            later.append(translate_error(err, doc))
    if profile is not None:
        dumped = profile.model_dump(mode="python")
        later += string_checks(dumped, doc, normalised=True) + derived_checks(dumped, doc)
        later += postal_checks(dumped, doc)
    else:
        later += string_checks(doc.data, doc, normalised=False)
    # a placeholder or a credential says all there is to say about its value
    problems += [
        p for p in later if not any(p.path == s or p.path.startswith(s + ".") for s in skip)
    ]
    problems = _unique(problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors or profile is None:
        raise ProfileError(_sorted(errors))
    profile._notes = _sorted([p for p in problems if p.severity != "error"])
    return profile


def _unique(problems: Sequence[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out: list[Problem] = []
    for p in problems:
        key = (p.path, p.message.en)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _sorted(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.path))
