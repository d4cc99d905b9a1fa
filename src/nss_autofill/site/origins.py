"""Which origins the tool may fill, and which are this machine's own (loopback).

The tool fills only on https pages of the NACCS hosts named in the catalogue (``naccscenter.com``,
``naccs.jp`` and their sub-domains) and on origins the operator named with ``--allow-origin``.
The simulated operator of ``--auto-confirm`` acts only on loopback origins.

Example::

    >>> is_trusted("https://nss.naccs.jp/apply", ("naccs.jp",), ())
    True
    >>> is_trusted("https://naccs.jp.evil.example/", ("naccs.jp",), ())
    False
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` in lower case, or ``""`` for about:blank, data: and the like."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def is_loopback(url: str) -> bool:
    """True for http(s) URLs on 127.0.0.0/8, ::1 or localhost."""
    parts = urlsplit(url)
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_trusted(url: str, trusted_hosts: Iterable[str], allowed_origins: Iterable[str]) -> bool:
    """Whether the tool may fill a page at ``url``."""
    origin = origin_of(url)
    if not origin:
        return False
    if origin in {o.lower().rstrip("/") for o in allowed_origins}:
        return True
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https":
        return False
    return any(host == h or host.endswith("." + h) for h in trusted_hosts)
