"""One page being rendered in one variant: its seeded choices, captions, names and scripts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..flow import PageDef
from .captions import OTHER_WORDINGS, is_known
from .naming import Naming, pick
from .site import VariantStyle

T = TypeVar("T")


class V:
    """Everything one rendering of one page needs."""

    def __init__(self, style: VariantStyle, page: PageDef, ctx: dict[str, Any]) -> None:
        self.style = style
        self.seed = style.seed
        self.page = page
        self.page_id = page.id
        self.ctx = ctx
        self.nm: Naming = style.naming(page.id)
        self.era = style.era(page.id)
        self.head_scripts: list[str] = []
        self.tail_scripts: list[str] = []
        self.css: list[str] = []
        self._ids = 0

    # ------------------------------------------------------------------ choices
    def pick(self, key: str, options: Sequence[T], weights: Sequence[float] | None = None) -> T:
        return pick(self.seed, self.page_id, key, options, weights)

    def choose(self, key: str, table: dict[str, tuple[float, float]]) -> str:
        """One of ``table``'s keys, weighted by (old-era weight, new-era weight)."""
        opts = list(table)
        w = [table[o][0 if self.era == "old" else 1] for o in opts]
        return self.pick(key, opts, w)

    def chance(self, key: str, p: float) -> bool:
        return self.pick(key, (True, False), (p, 1 - p))

    def new_id(self, stem: str = "v") -> str:
        self._ids += 1
        return f"{stem}{self._ids}"

    # ------------------------------------------------------------------ captions
    def c(self, caption: str) -> str:
        """The caption as this page shows it (another wording when perturbed and guessed)."""
        return self.style.caption(self.page_id, caption)

    def known(self, caption: str) -> bool:
        return is_known(self.page_id, caption)

    def fmt(self, text: str) -> str:
        """``{次へ}`` placeholders in a sentence replaced by the captions shown."""
        out = text
        for cap in OTHER_WORDINGS:
            out = out.replace("{" + cap + "}", self.c(cap))
        return out.replace("{", "").replace("}", "")

    # ------------------------------------------------------------------ values from the session
    def v(self, flow_name: str, default: str = "") -> str:
        getter: Callable[..., str] = self.ctx["v"]
        return getter(flow_name, default)

    def on(self, flow_name: str, value: str, default: bool = False) -> bool:
        getter: Callable[..., bool] = self.ctx["on"]
        return getter(flow_name, value, default)

    def errors(self) -> dict[str, str]:
        errs: dict[str, str] = self.ctx.get("errors") or {}
        return errs

    def img(self, file: str, text: str, *, on: bool = False, kind: str = "button") -> str:
        """The URL of a generated image showing ``text`` (served by the mock)."""
        return self.style.image(file, text, on=on, kind=kind)
