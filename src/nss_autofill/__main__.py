"""``python -m nss_autofill`` is the same as the ``nss-autofill`` command."""

from .cli import main

raise SystemExit(main())
