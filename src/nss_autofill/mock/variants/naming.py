"""Posted names and option values of a variant page, and the way back to the flow's.

Every choice is a pure function of (seed, page id, what is named), so the page the server
renders and the POST it receives agree without any state. Example::

    >>> n = Naming(7, "apply-billing")
    >>> n.flow_fields(n.post_fields({"rdoIkkatsu": ["1"]}))
    {'rdoIkkatsu': ['1']}
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from typing import TypeVar

from ..flow import PROCESSING
from ..state import SUBMIT_HIDDEN, Fields
from . import model

T = TypeVar("T")

# Hidden inputs a framework adds to every form (a token); the flow never sees them.
IGNORED = frozenset(
    {"org.apache.struts.taglib.html.TOKEN", "_csrf", "__RequestVerificationToken", "_token"}
)
NAME_SCHEMES = ("flow", "bean", "snake", "bracket", "opaque")
VALUE_SCHEMES = ("flow", "index", "code", "caption")


def rng(seed: int, page_id: str, key: str) -> random.Random:
    """A generator for one decision of one page of one seed (independent of every other)."""
    return random.Random(f"nss-variant/{seed}/{page_id}/{key}")


def pick(
    seed: int, page_id: str, key: str, options: Sequence[T], weights: Sequence[float] | None = None
) -> T:
    return rng(seed, page_id, key).choices(list(options), weights=weights, k=1)[0]


def _words(flow_name: str) -> list[str]:
    """txtKgyMeiKn -> ['kgy', 'mei', 'kn'] (the type prefix dropped)."""
    body = re.sub(r"^(txt|txa|sel|rdo|chk|hdn|pwd|btn)", "", flow_name)
    return [w.lower() for w in re.findall(r"[A-Z0-9][a-z0-9]*|^[a-z0-9]+", body)] or [body.lower()]


def _hex(*parts: object) -> str:
    return hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()


class Naming:
    """The posted names and values of one page of one seed."""

    def __init__(self, seed: int, page_id: str) -> None:
        self.seed = seed
        self.page_id = page_id
        self.scheme = pick(seed, page_id, "names", NAME_SCHEMES, (3, 2, 1, 1, 2))
        self.bean = pick(seed, page_id, "bean", ("form", "bean", "applyForm", "dto", "input"))
        self.value_scheme = pick(seed, page_id, "values", VALUE_SCHEMES, (3, 2, 1, 1))
        self.code_prefix = pick(seed, page_id, "code-prefix", ("K", "CD", "V", "0"))
        self.pad_dates = pick(seed, page_id, "pad-dates", (True, False))
        self.check_value = pick(seed, page_id, "check-value", ("1", "on", "true", "Y"))
        self.action_field = pick(
            seed,
            page_id,
            "action-field",
            (SUBMIT_HIDDEN, "hdnAction", "method", "_eventId", "act", "__opaque__"),
            (3, 1, 1, 1, 1, 1),
        )
        if self.action_field == "__opaque__":
            self.action_field = "f_" + _hex(seed, page_id, "action")[:4]
        self.action_scheme = pick(seed, page_id, "action-values", ("caption", "code", "number"))
        self._names: dict[str, str] = {}
        self._flow: dict[str, str] = {}
        for flow_name in model.page_names(page_id):
            self._add(flow_name)
        self._buttons = model.page_buttons(page_id)

    # ------------------------------------------------------------------ names
    def _add(self, flow_name: str) -> str:
        if flow_name in self._names:
            return self._names[flow_name]
        words = _words(flow_name)
        if self.scheme == "flow":
            out = flow_name
        elif self.scheme == "bean":
            out = f"{self.bean}.{words[0]}{''.join(w.capitalize() for w in words[1:])}"
        elif self.scheme == "snake":
            out = "_".join(w.upper() for w in words)
        elif self.scheme == "bracket":
            out = f"{self.bean}[{'_'.join(words)}]"
            if flow_name.startswith("hdn"):
                out = f"rows[{'_'.join(words)}][]"
        else:
            n = 0
            while True:
                out = f"f_{int(_hex(self.seed, self.page_id, flow_name, n)[:6], 16) % 10000:04d}"
                if out not in self._flow:
                    break
                n += 1
        if out in self._flow:  # two flow names folded onto one (e.g. txtTelNo / TEL_NO)
            out = f"{out}_{len(self._flow)}"
        self._names[flow_name] = out
        self._flow[out] = flow_name
        return out

    def name(self, flow_name: str) -> str:
        """The posted name for ``flow_name`` on this page."""
        return self._add(flow_name)

    def dom_id(self, flow_name: str, suffix: str = "") -> str:
        """An id for the control (only where the markup needs one)."""
        base = re.sub(r"[^A-Za-z0-9_-]+", "_", self.name(flow_name)).strip("_")
        return f"{base}{suffix}" if base[:1].isalpha() else f"id_{base}{suffix}"

    # ------------------------------------------------------------------ values
    def value(self, flow_name: str, flow_value: str) -> str:
        """The posted value standing for ``flow_value`` of the coded control ``flow_name``."""
        if flow_value == "":
            return ""
        if flow_name in ("selKaishiM", "selKaishiD"):
            return flow_value if self.pad_dates else str(int(flow_value))
        if flow_name == "selKaishiY":
            return flow_value
        if flow_name.startswith("chk"):
            return self.check_value
        domain = model.value_domain(self.page_id, flow_name)
        if not domain or flow_value not in domain:
            return flow_value
        index = domain.index(flow_value)
        if self.value_scheme == "index":
            return str(index + 1)
        if self.value_scheme == "code":
            return f"{self.code_prefix}{index + 1:02d}"
        if self.value_scheme == "caption":
            return self._caption_value(flow_name, flow_value)
        return flow_value

    def _caption_value(self, flow_name: str, flow_value: str) -> str:
        for r in model.page_rows(self.page_id):
            if flow_name in r.names:
                return next(c for v, c in r.options if v == flow_value)
        if flow_name == "hdnGyoshu":
            return next(c for v, c in model.INDUSTRY_OPTIONS if v == flow_value)
        if flow_name == "hdnHoshiki":
            return next(c for v, c in PROCESSING if v == flow_value)
        return flow_value

    def flow_value(self, flow_name: str, posted: str) -> str:
        if posted == "":
            return ""
        if flow_name in ("selKaishiM", "selKaishiD"):
            return f"{int(posted):02d}" if posted.isdigit() else posted
        if flow_name.startswith("chk"):
            return "1" if posted == self.check_value else posted
        domain = model.value_domain(self.page_id, flow_name)
        if flow_name == "hdnGyoshu":
            domain = tuple(v for v, _ in model.INDUSTRY_OPTIONS)
            return self._back(("selGyoshu", flow_name), domain, posted)
        if flow_name == "hdnHoshiki":
            domain = tuple(v for v, _ in PROCESSING)
            return self._back(("selHoshiki", flow_name), domain, posted)
        if not domain:
            return posted
        return self._back((flow_name,), domain, posted)

    def _back(self, names: tuple[str, ...], domain: tuple[str, ...], posted: str) -> str:
        for v in domain:
            if self.value(names[0], v) == posted:
                return v
        return posted

    # ------------------------------------------------------------------ buttons
    def action_value(self, caption: str) -> str:
        """What the action field carries for the button whose flow caption is ``caption``."""
        i = self._buttons.index(caption) if caption in self._buttons else len(self._buttons)
        if self.action_scheme == "code":
            return pick(self.seed, self.page_id, f"code:{caption}", ("", "do_", "BTN_")) + (
                "next" if caption == "次へ" else f"a{i + 1}"
            )
        if self.action_scheme == "number":
            return str(i + 1)
        return caption

    def button_name(self, caption: str) -> str:
        """A submit control's own name (posted as name=value or name.x/name.y)."""
        i = self._buttons.index(caption) if caption in self._buttons else 99
        style = pick(self.seed, self.page_id, "button-names", ("btn", "method", "event", "opaque"))
        if style == "btn":
            return f"btn{i + 1:02d}"
        if style == "method":
            return f"method:{self.action_value(caption) or i}"
        if style == "event":
            return f"_eventId_b{i + 1}"
        return "f_b" + _hex(self.seed, self.page_id, caption)[:5]

    def _button_of(self, posted_name: str) -> str | None:
        base = re.sub(r"\.(x|y)$", "", posted_name)
        for cap in self._buttons:
            if self.button_name(cap) == base:
                return cap
        return None

    def _action_caption(self, value: str, captions_shown: dict[str, str]) -> str:
        for cap in self._buttons:
            if self.action_value(cap) == value:
                return cap
        return captions_shown.get(value, value)

    # ------------------------------------------------------------------ back to the flow
    def post_fields(self, fields: Fields) -> Fields:
        """Flow fields as this page would post them (names and values): for tests."""
        out: Fields = {}
        for k, vals in fields.items():
            out.setdefault(self.name(k), []).extend(self.value(k, v) for v in vals)
        return out

    def flow_fields(self, fields: Fields, captions_shown: dict[str, str] | None = None) -> Fields:
        """Posted fields renamed to the flow's names and values; the submitter as hdnBtnNm."""
        shown = captions_shown or {}
        out: Fields = {}
        submitter = ""
        for key, vals in fields.items():
            if key in IGNORED:
                continue
            cap = self._button_of(key)
            if cap is not None:
                submitter = submitter or cap
                continue
            if key == self.action_field:
                for v in vals:
                    if v and not submitter:
                        submitter = self._action_caption(v, shown)
                continue
            flow_name = self._flow.get(key, key)
            out.setdefault(flow_name, []).extend(self.flow_value(flow_name, v) for v in vals)
        out[SUBMIT_HIDDEN] = [submitter]
        return out
