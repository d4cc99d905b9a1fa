"""Reading a page the way a person sees it: one page-script call per arrival (``js/reading.js``).

The reading holds what recognition, locating and planning need, read from the *rendered* page:
the title and header, headings (tagged ones and blocks set apart by their looks), every label a
person reads, buttons (visible, or in a menu that opens on hover), the highlighted step and tab,
the visible text and error messages, and every form control with what labels it — its own names
where the page gives them, else the text on its left in its row band, the labels spanning that
row, or the text stacked above it (see ``js/reading.js``). Every control and button carries a
temporary ``data-nssaf`` mark so the tool can address it without ids or names; a new reading
replaces the marks.

Example::

    >>> arrival = arrive(page, catalogue)       # settled, read, and the document's token
    >>> arrival.reading.controls[0].labels[0].text
    '企業名'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from ..site.catalogue import Catalogue, SiteSpec, load_catalogue
from . import scripts

TEXT_TYPES = frozenset({"text", "email", "tel", "number", "password", "search", "url", ""})


@dataclass(frozen=True)
class Box:
    """Where a thing is drawn, in page coordinates (CSS pixels)."""

    x: int
    y: int
    w: int
    h: int

    @classmethod
    def of(cls, data: Any) -> Box | None:
        if not data:
            return None
        return cls(int(data["x"]), int(data["y"]), int(data["w"]), int(data["h"]))


@dataclass(frozen=True)
class Option:
    text: str
    value: str
    selected: bool
    default: bool


@dataclass(frozen=True)
class LabelRef:
    """A text a person may read as a control's label, and where it stands.

    ``how``: ``own`` (its <label>, aria name), ``before`` (the caption just left of it, between
    it and another control), ``row`` (a text of its row band with no control before it, nearest
    first), ``group`` (further left, spanning several rows), ``above`` (stacked over it),
    ``container`` (a fieldset legend, a table caption, a ``<dt>``, an outer row's label cell).
    ``id`` tells one place from another: two controls with the same id share that label.
    """

    text: str
    id: str
    how: str


@dataclass(frozen=True)
class Control:
    """One form control as read; ``selector`` addresses it until the next reading."""

    index: int
    tag: str
    type: str
    value: str
    default_value: str
    checked: bool
    default_checked: bool
    max_length: int | None
    disabled: bool
    visible: bool
    name: str
    options: tuple[Option, ...]
    own: tuple[str, ...]  # its own captions: <label>, aria-label, title, placeholder
    before: str  # the caption just left of it (a part caption such as 姓, or 年 before a list)
    after: str  # the caption just right of it (a radio's caption, 年 after a list)
    labels: tuple[LabelRef, ...]  # what labels it, nearest first
    order: int
    box: Box | None = None

    @property
    def selector(self) -> str:
        return f'[data-nssaf="c{self.index}"]'

    @property
    def is_text(self) -> bool:
        return self.tag == "textarea" or (self.tag == "input" and self.type in TEXT_TYPES)

    @property
    def is_select(self) -> bool:
        return self.tag == "select"

    @property
    def is_choice(self) -> bool:
        return self.type in ("radio", "checkbox")

    @property
    def selected_text(self) -> str:
        return next((o.text for o in self.options if o.selected), "")

    @property
    def at_default(self) -> bool:
        """Still what the page's HTML set (the server's default, or the re-shown value)."""
        if self.is_select:
            return all(o.selected == o.default for o in self.options) or not any(
                o.default for o in self.options
            )
        if self.is_choice:
            return self.checked == self.default_checked
        return self.value == self.default_value

    def option_texts(self) -> tuple[str, ...]:
        """What names this radio/checkbox option: its label, its following text, its value."""
        return (*self.own, self.after, self.value)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1-6 for h1-h6, 7 for other tagged headings, 8 for a block set apart by looks
    order: int


@dataclass(frozen=True)
class Menu:
    """The visible title of a closed menu a button sits in (hover it, or click it, to open)."""

    title: str
    selector: str


@dataclass(frozen=True)
class Button:
    index: int
    caption: str
    order: int
    containers: tuple[str, ...]
    href: str = ""  # a plain link's destination; "" for buttons and script links
    visible: bool = True
    menu: Menu | None = None

    @property
    def selector(self) -> str:
        return f'[data-nssaf="b{self.index}"]'


@dataclass(frozen=True)
class PageReading:
    """Everything read from one document in one call."""

    title: str = ""
    header: str = ""
    headings: tuple[Heading, ...] = ()
    labels: tuple[str, ...] = ()
    buttons: tuple[Button, ...] = ()
    controls: tuple[Control, ...] = ()
    steps: tuple[str, ...] = ()  # highlighted step-bar items, in catalogue spelling
    tabs: tuple[str, ...] = ()  # highlighted tab-bar items, in catalogue spelling
    text: str = ""
    errors: tuple[str, ...] = ()  # texts of visible error/alert elements
    # the document's token (None when read without the installed page scripts) and where its
    # guarded controls submit, as the browser-side guard sees them (for the request watch)
    mark: str | None = None
    targets: tuple[dict[str, str], ...] = ()

    @classmethod
    def from_js(cls, data: dict[str, Any]) -> PageReading:
        def texts(name: str) -> tuple[str, ...]:
            return tuple(str(x) for x in data.get(name) or ())

        return cls(
            title=str(data.get("title") or ""),
            header=str(data.get("header") or ""),
            headings=tuple(
                Heading(str(h["text"]), int(h["level"]), int(h["order"]))
                for h in data.get("headings") or ()
            ),
            labels=texts("labels"),
            buttons=tuple(_button(b) for b in data.get("buttons") or ()),
            controls=tuple(_control(c) for c in data.get("controls") or ()),
            steps=texts("steps"),
            tabs=texts("tabs"),
            text=str(data.get("text") or ""),
            errors=texts("errors"),
            mark=str(data["mark"]) if data.get("mark") else None,
            targets=tuple(
                {"t": str(x.get("t") or ""), "c": str(x.get("c") or "")}
                for x in data.get("targets") or ()
                if isinstance(x, dict)
            ),
        )

    def control(self, index: int) -> Control:
        return self.controls[index]


def _button(b: dict[str, Any]) -> Button:
    menu = b.get("menu")
    return Button(
        index=int(b["i"]),
        caption=str(b["caption"]),
        order=int(b["order"]),
        containers=tuple(str(x) for x in b.get("containers") or ()),
        href=str(b.get("href") or ""),
        visible=bool(b.get("visible", True)),
        menu=Menu(str(menu["title"]), str(menu["sel"])) if menu else None,
    )


def _control(c: dict[str, Any]) -> Control:
    return Control(
        index=int(c["i"]),
        tag=str(c["tag"]),
        type=str(c["type"]),
        value=str(c["value"]),
        default_value=str(c["defaultValue"]),
        checked=bool(c["checked"]),
        default_checked=bool(c["defaultChecked"]),
        max_length=c["maxLength"],
        disabled=bool(c["disabled"]),
        visible=bool(c["visible"]),
        name=str(c["name"]),
        options=tuple(
            Option(str(o["text"]), str(o["value"]), bool(o["selected"]), bool(o["dflt"]))
            for o in c["options"]
        ),
        own=tuple(str(x) for x in c["own"]),
        before=str(c["before"]),
        after=str(c["after"]),
        labels=tuple(
            LabelRef(str(x["t"]), str(x["id"]), str(x["how"])) for x in c.get("labels") or ()
        ),
        order=int(c["order"]),
        box=Box.of(c.get("box")),
    )


def reading_options(site: SiteSpec | Catalogue | None) -> dict[str, Any]:
    """The options every reading of the site's pages is made with: its step and tab names
    (also for :func:`scripts.install`, whose reading made ahead must be made with them)."""
    if site is None:
        site = load_catalogue()
    if isinstance(site, Catalogue):
        site = site.site
    return {"steps": list(site.steps), "tabs": list(site.tabs)}


def read_page(page: Page, site: SiteSpec | Catalogue | None = None) -> PageReading:
    """Read the page in one page-script call; ``site`` gives the step and tab names (the
    shipped catalogue's by default)."""
    return PageReading.from_js(scripts.call_json(page, "reading.js", reading_options(site)))


@dataclass(frozen=True)
class Arrival:
    """A page as the session first reads it: settled or not, its reading, its document token."""

    settled: bool
    reading: PageReading
    mark: str | None  # None when the document has no init script (then the session marks it)
    # in the page: how long it waited for the page to settle, how long the reading took, and
    # when the page settled (loaded and its DOM quiet; epoch ms by the page's clock) — None when
    # the page scripts were not installed
    wait_ms: float | None = None
    read_ms: float | None = None
    ahead: bool = False  # the reading made ahead (while the page loaded) was taken
    settled_at: float | None = None


def arrive(
    page: Page, site: SiteSpec | Catalogue, timeout_ms: float = 5000, quiet_ms: int = 20
) -> Arrival:
    """Wait until the page settled, then read it — in one call when the page scripts are
    installed (:func:`scripts.install`); the reading and the token come from one document.

    The call goes into the document at once, also one still loading: it waits there, and
    answers as soon as the page has settled (no round trip to learn that the page has loaded
    first)."""
    arg = {"quiet": {"quiet": quiet_ms, "max": timeout_ms}, "reading": reading_options(site)}
    out = scripts.decoded(scripts.evaluate(page, scripts.ARRIVE, arg))
    if scripts.missing(out):
        settled = wait_settled(page, timeout_ms, quiet_ms)
        return Arrival(settled, read_page(page, site), None)
    reading = PageReading.from_js(out["reading"])
    ms = out.get("ms") or {}
    return Arrival(
        bool(out["settled"]),
        reading,
        reading.mark,
        ms.get("wait"),
        ms.get("read"),
        bool(out.get("ahead")),
        ms.get("settledAt"),
    )


@dataclass(frozen=True)
class Round:
    """One round of filling: what each write answered, and the page read after it settled."""

    answers: list[Any]
    settled: bool
    reading: PageReading


def fill_round(
    page: Page,
    ops: list[dict[str, Any]],
    site: SiteSpec | Catalogue | None = None,
    timeout_ms: float = 3000,
    quiet_ms: int = 20,
) -> Round:
    """Write ``ops`` (``js/write.js``), wait until the page settled, read it: one call.

    Never retried: a write that raced with a navigation belongs to a page that is gone (the
    reading then comes from the new document and its token tells the caller so).
    """
    arg = {
        "ops": ops,
        "quiet": {"quiet": quiet_ms, "max": timeout_ms},
        "reading": reading_options(site),
    }
    try:
        out = scripts.decoded(scripts.direct(page, scripts.FILL_ROUND, arg))
    except PlaywrightError:  # the page moved on under the writes
        out = None
    if out is None or scripts.missing(out):
        answers = scripts.call(page, "write.js", ops) if out is not None else [None] * len(ops)
        settled = wait_settled(page, timeout_ms, quiet_ms)
        return Round(answers, settled, read_page(page, site))
    return Round(list(out["answers"]), bool(out["settled"]), PageReading.from_js(out["reading"]))


@dataclass
class HelperRound:
    """After a helper press: per awaited control, whether it was still there and the value a
    page script wrote into it (None: it gave up or the time ran out); then the page, settled."""

    present: list[bool]
    values: list[str | None]
    settled: bool
    reading: PageReading


def helper_round(
    page: Page,
    waits: list[str],
    site: SiteSpec | Catalogue | None = None,
    timeout_ms: float = 3000,
    quiet_ms: int = 20,
    value_quiet_ms: int = 400,
) -> HelperRound | None:
    """Wait for the values a helper's script writes into the controls ``waits`` (CSS
    selectors of the reading before the press), for the page to settle, and read it: one call.
    None when the document has no page scripts or went away meanwhile (the caller waits and
    reads the slow way). A script that visibly gave up (the DOM changed, then stayed quiet for
    ``value_quiet_ms``) ends the wait for that control early."""
    arg = {
        "waits": waits,
        "valueQuiet": value_quiet_ms,
        "quiet": {"quiet": quiet_ms, "max": timeout_ms},
        "reading": reading_options(site),
    }
    try:
        out = scripts.decoded(scripts.direct(page, scripts.HELPER_ROUND, arg))
    except PlaywrightError:
        return None
    if out is None or scripts.missing(out):
        return None
    values = [None if v is None else str(v) for v in out["values"]]
    reading = PageReading.from_js(out["reading"])
    return HelperRound(list(out["present"]), values, bool(out["settled"]), reading)


def wait_settled(page: Page, timeout_ms: float = 5000, quiet_ms: int = 20) -> bool:
    """Wait until the page has loaded and its DOM was quiet for ``quiet_ms``; bounded.

    Returns False if the page was still changing when ``timeout_ms`` ran out (the caller reads
    the page anyway; recognition then says what it sees).
    """
    try:
        page.wait_for_load_state("domcontentloaded", timeout=timeout_ms)
        return bool(scripts.call(page, "quiet.js", {"quiet": quiet_ms, "max": timeout_ms}))
    except PlaywrightError:
        return False
