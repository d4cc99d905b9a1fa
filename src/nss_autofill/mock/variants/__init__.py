"""Markup variants of the mock NSS site, drawn from a seed: the same flow, other markups.

Every page of the flow is rendered with choices drawn independently per page from the seed:
page chrome (header, step bar, tab bar and how the current item is marked), the NACCS掲示板
header menu (always open, open on hover, open on click), headings (h2/h3, captions, table
header rows, legends, styled blocks, images), labels (th, td, label for, wrapping labels,
dl, div grids, stacked labels, aria only), decorations (※, 必須/任意, hints beside, in the
label or in a hint column, full-width spaces, colons), group labels spanning rows, split
fields, dates as three selects, radios and checkboxes (label for, wrapping, bare text,
chips with hidden inputs), controls that disable, hide or re-render others, buttons
(submit, image, ``javascript:`` links, onclick images and divs), layout nesting, the rows
tables, charsets, posted names and option values. ``perturb=True`` also rewords every
caption the manual does not show (``captions.py``). Example::

    >>> from nss_autofill.mock import MockSite
    >>> with MockSite(style="variant", seed=17) as site:   # doctest: +SKIP
    ...     site.url_for("apply-billing")

Replay is by seed: the same seed gives the same markup in any process.
"""

from __future__ import annotations

from .captions import KNOWN, OTHER_WORDINGS, is_known
from .naming import Naming
from .pages import render
from .site import VariantStyle, variant_style

__all__ = [
    "KNOWN",
    "OTHER_WORDINGS",
    "Naming",
    "VariantStyle",
    "is_known",
    "render",
    "variant_style",
]
