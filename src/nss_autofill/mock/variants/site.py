"""The variant markup style: per-seed paths, per-page charsets, names, captions and images."""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field

from ..flow import PAGES, PageDef
from ..state import SUBMIT_HIDDEN, Fields
from ..stylebase import Style
from .captions import OTHER_WORDINGS, is_known
from .markup import esc, stable
from .naming import Naming, pick

_CAMEL = {
    "bbs-top": ("/", "/", "/portal/index.html"),
    "bbs-nss": ("/bbs/keiyaku/nss_login.html", "/keiyaku/nss.html", "/portal/nss/login.html"),
}


def _paths(seed: int) -> dict[str, str]:
    scheme = pick(seed, "*", "paths", ("classic", "struts", "rest", "jsp"))
    out: dict[str, str] = {}
    for i, p in enumerate(PAGES):
        if p.id in _CAMEL:
            out[p.id] = _CAMEL[p.id][("classic", "struts", "rest", "jsp").index(scheme) % 3]
        elif scheme == "classic":
            out[p.id] = p.path
        elif scheme == "struts":
            out[p.id] = "/NSS/" + "".join(w.capitalize() for w in p.id.split("-")) + ".do"
        elif scheme == "rest":
            out[p.id] = "/nss/app/" + p.id.replace("-", "/")
        else:
            out[p.id] = f"/nssweb/jsp/G{100 + i * 10:04d}.jsp"
    return out


def era(seed: int, page_id: str) -> str:
    """Which age a page's markup imitates: "old" (2005, JSP/Struts) or "new" (2025)."""
    return pick(seed, page_id, "era", ("old", "new"))


@dataclass(frozen=True)
class VariantStyle(Style):
    """The flow in markup drawn from ``seed``; ``perturb`` rewords every guessed caption."""

    seed: int = 0
    perturb: bool = False
    images: dict[str, tuple[str, bytes]] = field(default_factory=dict, compare=False)
    _namings: dict[str, Naming] = field(default_factory=dict, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def naming(self, page_id: str) -> Naming:
        with self._lock:
            if page_id not in self._namings:
                self._namings[page_id] = Naming(self.seed, page_id)
            return self._namings[page_id]

    def era(self, page_id: str) -> str:
        return era(self.seed, page_id)

    def caption(self, page_id: str, caption: str) -> str:
        if not self.perturb or is_known(page_id, caption) or caption not in OTHER_WORDINGS:
            return caption
        return pick(self.seed, "*", f"caption:{caption}", OTHER_WORDINGS[caption])

    def captions_shown(self, page_id: str) -> dict[str, str]:
        """Shown caption → flow caption for every caption this page may show."""
        return {self.caption(page_id, c): c for c in OTHER_WORDINGS}

    # ------------------------------------------------------------------ Style interface
    def name_of(self, flow_name: str, page_id: str | None = None) -> str:
        if page_id is None:
            return flow_name
        return self.naming(page_id).name(flow_name)

    def canonical(self, fields: Fields, page_id: str | None = None) -> Fields:
        if page_id is None or page_id not in self.by_id:
            out = dict(fields)
            out.setdefault(SUBMIT_HIDDEN, [""])
            return out
        return self.naming(page_id).flow_fields(fields, self.captions_shown(page_id))

    # ------------------------------------------------------------------ images
    def image(self, file: str, text: str, *, on: bool = False, kind: str = "button") -> str:
        path = f"/img/{stable(text + kind + str(on)) % 100000:05d}/{file}"
        with self._lock:
            if path not in self.images:
                self.images[path] = ("image/svg+xml", _svg(text, on=on, kind=kind))
        return path


def _svg(text: str, *, on: bool, kind: str) -> bytes:
    width = max(40, 15 * len(text) + 24)
    height = {"step": 28, "title": 34, "logo": 34}.get(kind, 26)
    if kind == "step" or kind == "tab":
        fill, ink = ("#f08c00", "#ffffff") if on else ("#e4e8f0", "#666666")
    elif kind in ("title", "logo"):
        fill, ink = ("#1f3f7a", "#ffffff")
    elif kind == "badge":
        fill, ink = ("#cc0000", "#ffffff")
        width = max(30, 12 * len(text) + 8)
        height = 16
    else:
        fill, ink = ("#dfe6f2", "#102040")
    size = 12 if kind == "badge" else 14
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" rx="3" '
        f'fill="{fill}" stroke="#8090a8"/>'
        f'<text x="{width / 2}" y="{height / 2 + size / 2 - 2}" font-size="{size}" '
        f'text-anchor="middle" fill="{ink}" font-family="IPAPGothic, sans-serif">{esc(text)}</text>'
        "</svg>"
    )
    return svg.encode("utf-8")


def _pages(seed: int) -> tuple[PageDef, ...]:
    paths = _paths(seed)
    out = []
    for p in PAGES:
        weights = (7, 3) if era(seed, p.id) == "old" else (1, 6)
        charset = pick(seed, p.id, "charset", ("Shift_JIS", "utf-8"), weights)
        out.append(dataclasses.replace(p, path=paths[p.id], charset=charset))
    return tuple(out)


def variant_style(seed: int, perturb: bool = False) -> VariantStyle:
    """The variant style of ``seed``."""
    return VariantStyle(
        name="variant",
        pages=_pages(seed),
        names={},
        actions={},
        action_field=None,
        seed=seed,
        perturb=perturb,
    )
