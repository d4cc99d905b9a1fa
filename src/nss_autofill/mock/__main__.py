"""``python -m nss_autofill.mock [--port N]``: serve the mock NSS site until Ctrl-C."""

from __future__ import annotations

from .server import main

raise SystemExit(main())
