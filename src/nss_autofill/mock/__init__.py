"""The mock NSS site: every page of the application flow on loopback, for tests and dry runs.

Example::

    >>> from nss_autofill.mock import MockSite
    >>> with MockSite() as site:          # doctest: +SKIP
    ...     site.url_for("apply-billing")

The server module is imported lazily so that ``python -m nss_autofill.mock.server`` runs cleanly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .resources import fixtures_dir

if TYPE_CHECKING:
    from .server import MockMail, MockSite, Post, main, serve_forever

__all__ = ["MockMail", "MockSite", "Post", "fixtures_dir", "main", "serve_forever"]


def __getattr__(name: str) -> Any:
    if name in ("MockMail", "MockSite", "Post", "main", "serve_forever"):
        from . import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
