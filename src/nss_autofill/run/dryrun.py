"""The dry run: the bundled mock NSS on this machine, and nothing beyond it.

:class:`DryRun` starts the mock site, blocks every request that would leave the machine
(:meth:`DryRun.loopback_route`, recorded in the report), and, when the simulated operator acts
(``--auto-confirm``), reads the 模擬メール the mock shows on 仮ログイン登録完了: the phase-2 URL
and the temporary login, as the real mail would bring them hours later. The mock's POSTs go into
the report with the login masked.

``--auto-confirm`` is allowed only here or on a site on this machine (:func:`auto_confirm_allowed`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..errors import BadInput
from ..settings import Settings
from ..site.origins import is_loopback
from . import messages as M
from .report import MASK

if TYPE_CHECKING:
    from playwright.sync_api import Route

    from ..i18n import Lang
    from ..mock.server import MockSite
    from .messages import Progress

_URL_RE = re.compile(r"https?://[^\s\"'<>]+")


def auto_confirm_allowed(settings: Settings) -> bool:
    """``--auto-confirm`` needs ``--dry-run`` or a loopback start/URL."""
    if settings.dry_run:
        return True
    targets = [settings.url] if settings.url else [settings.start_url]
    return all(is_loopback(u) for u in targets)


def begin(settings: Settings, progress: Progress, lang: Lang) -> tuple[str, DryRun | None, bool]:
    """Where the run starts, the mock site of a dry run (started here), and whether the browser
    is headless: a dry run without a display runs headless and says so; a real run without one
    is refused (the person must see the browser)."""
    from .browser import has_display

    start = settings.url or settings.start_url
    headless = settings.headless
    dry = None
    if settings.dry_run:
        dry = DryRun()
        start = settings.url or dry.start_url
        progress.say(M.DRY_RUN, url=dry.base_url)
        if not headless and not has_display():
            progress.say(M.NO_DISPLAY)
            headless = True
    elif not headless and not has_display():
        raise BadInput(M.NEED_DISPLAY.render(lang))
    return start, dry, headless


def loopback_route(route: Route, blocked: list[str]) -> None:
    """Let a request to this machine through; abort (and note in ``blocked``) any other."""
    url = route.request.url
    if is_loopback(url) or url.startswith(("data:", "blob:", "about:")):
        route.continue_()
    else:
        blocked.append(url)
        route.abort("blockedbyclient")


class DryRun:
    """The mock site of a ``--dry-run`` run."""

    def __init__(self) -> None:
        from ..mock.server import MockSite

        self.site: MockSite = MockSite().start()

    @property
    def base_url(self) -> str:
        return self.site.base_url

    @property
    def start_url(self) -> str:
        return self.site.start_url

    def posts(self, secrets: list[str]) -> list[dict[str, Any]]:
        """The POSTs the mock received, for the report; values equal to a secret masked."""
        hidden = set(secrets)
        out = []
        for post in self.site.posts:
            fields = {k: [MASK if v in hidden else v for v in vs] for k, vs in post.fields.items()}
            out.append(
                {
                    "path": post.path,
                    "page_id": post.page_id,
                    "kind": post.kind,
                    "submitter": post.submitter,
                    "fields": fields,
                }
            )
        return out

    def stop(self) -> None:
        self.site.stop()


def mock_mail(box: str | None) -> tuple[str, str, str] | None:
    """(phase-2 URL, login ID, password) shown in the mock mail box, or None. Only a URL on
    this machine counts."""
    if not box:
        return None
    url = next((u for u in _URL_RE.findall(box) if is_loopback(u)), None)
    login = re.search(r"ID[\s:：]+(\S+)", box)
    password = re.search(r"パスワード[\s:：]+(\S+)", box)
    if url and login and password:
        return url, login.group(1), password.group(1)
    return None
