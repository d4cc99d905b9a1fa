"""Rendering the mock NSS site's pages: a page and a session into an HTML response.

``Renderer`` draws a page of one markup style from the Jinja2 templates in
``fixtures/<style>/`` (a variant style draws its own markup, ``variants/``), puts a fault's
page script in and encodes it in the page's charset. ``page_context`` is what a page is drawn
from: the page, the session's values and errors, the style's paths and input names, and the
choices the forms offer. ``Resp`` is the answer to a request, rendered or not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from . import flow, state
from .faults import inject
from .flow import PageDef
from .resources import fixtures_dir
from .state import Fields, MockMail, Registration, Session
from .stylebase import Style
from .variants import VariantStyle
from .variants import render as render_variant


@dataclass
class Resp:
    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None


def encoding_of(charset: str) -> str:
    """The codec of a page's ``charset``: ``cp932`` for Shift_JIS and its aliases, else UTF-8."""
    sjis = charset.lower().replace("-", "_") in ("shift_jis", "sjis", "cp932", "windows_31j")
    return "cp932" if sjis else "utf-8"


class Renderer:
    """The pages of one markup style (``style``, or ``variant`` when it is a variant style)."""

    def __init__(self, style: str, variant: VariantStyle | None) -> None:
        self.variant = variant
        root = fixtures_dir() / ("classic" if variant else style)
        if not root.joinpath("_nss.html").is_file():
            raise ValueError(f"no mock style {style!r} in {fixtures_dir()}")
        self._env = Environment(
            loader=FunctionLoader(lambda name: root.joinpath(name).read_text(encoding="utf-8")),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, page: PageDef, context: dict[str, Any], script: str) -> Resp:
        """``page`` drawn from ``context``, ``script`` put at the end of its body."""
        if self.variant is not None:
            html = render_variant(self.variant, page, context)
        else:
            html = self._env.get_template(page.template).render(context)
        html = inject(html, script)
        encoding = encoding_of(page.charset)
        body = html.encode(encoding, errors="xmlcharrefreplace")
        return Resp(HTTPStatus.OK, body, f"text/html; charset={page.charset}")


def page_context(
    page: PageDef,
    sess: Session,
    errors: dict[str, str],
    *,
    style: Style,
    base_url: str,
    registration: Registration | None,
    mail: MockMail | None,
) -> dict[str, Any]:
    """What ``page`` is drawn from for ``sess``: its values (as last posted, else the
    template's defaults), ``errors`` by input name, and this session's ``registration`` with
    its ``mail`` (the latest registration's, shown only if it is this session's)."""
    stored = sess.values.get(page.id)
    vals: Fields = stored or {}

    def v(name: str, default: str = "") -> str:
        if stored is None:
            return default
        return state.first(vals, name)

    def on(name: str, value: str, default: bool = False) -> bool:
        if stored is None:
            return default
        return value in vals.get(name, [])

    def err(*names: str) -> Markup:
        msgs = [errors[n] for n in names if n in errors]
        return Markup("").join(Markup('<div class="errmsg">{}</div>').format(m) for m in msgs)

    def pv(page_id: str, name: str) -> str:
        return state.first(sess.values.get(page_id, {}), name)

    return {
        "page": page,
        "charset": page.charset,
        "action": page.path,
        "steps": flow.STEPS,
        "tabs": flow.TABS,
        "aria_step": page.id in flow.ARIA_STEP_PAGES,
        "aria_tab": page.id in flow.ARIA_TAB_PAGES,
        "errors": errors,
        "v": v,
        "on": on,
        "err": err,
        "pv": pv,
        "url": style.path,
        "n": style.name_of,  # the style's input name for a flow name
        "base_url": base_url,
        "prefectures": flow.PREF_OPTIONS,
        "pref_caption": lambda val: flow.caption(flow.PREF_OPTIONS, val),
        "industries": flow.INDUSTRIES,
        "industry_caption": flow.industry_caption,
        "processing": flow.PROCESSING,
        "processing_caption": lambda val: flow.caption(flow.PROCESSING, val),
        "years": flow.year_options(),
        "postal_json": Markup(json.dumps(flow.POSTAL, ensure_ascii=False)),
        "rows": state.usercode_rows(vals),
        "codes": sess.codes,
        "code_mode": sess.code_mode,
        "route": sess.route,
        "registration": registration,
        "mail": mail if registration and mail and mail.login_id == registration.login_id else None,
        "receipt": sess.receipt,
        "login_id": sess.login_id,
    }
