"""A variant page body in its frame: the form page every FormPage is drawn as, the plain
message page, and ``finish`` that adds the form's scripts and puts a body in the document."""

from __future__ import annotations

from .buttons import form_open, post_buttons
from .chrome import document, frame
from .formscripts import deps_script, zip_script
from .formstyle import FormStyle, form_style
from .headings import page_heading
from .layouts import sections_html
from .markup import esc
from .messages import notes_html
from .model import FormPage
from .vpage import V


def intro(v: V, text: str) -> str:
    if not text:
        return ""
    return f"<p>{esc(v.fmt(text))}</p>"


def finish(
    v: V, fs: FormStyle | None, content: str, notes: tuple[str, ...] | list[str] = ()
) -> str:
    if fs is not None:
        if fs.uses_zip:
            v.head_scripts.append(zip_script(v, fs))
        dep = deps_script(v, fs)
        if dep:
            v.tail_scripts.append(dep)
    return document(v, frame(v, content, notes_html(v, notes)))


def form_page(
    v: V, fp: FormPage, *, lead: str = "", between: str = "", extra_buttons: list[str] | None = None
) -> str:
    fs = form_style(v)
    v.ctx["_heading"] = v.c(fp.heading)
    body = page_heading(v, fp.heading) + (lead or intro(v, fp.intro))
    body += form_open(v)
    body += sections_html(v, fs, fp.sections)
    body += between
    body += post_buttons(v, fp.buttons, extra=extra_buttons)
    body += "</form>"
    return finish(v, fs, body, fp.notes)


def simple(v: V, caption: str, paragraphs: list[str], extra: str = "") -> str:
    v.ctx["_heading"] = v.c(caption)
    body = page_heading(v, caption) + "".join(f"<p>{p}</p>" for p in paragraphs) + extra
    return finish(v, None, body)
