"""Exit codes and the errors that carry them to the command boundary.

The codes are part of the interface: ``--help``, docs/cli.md and the README show
:func:`exit_codes_text`, written from :data:`EXIT_MEANINGS` here and nowhere else.

Example::

    >>> SiteUnreachable(Msg("接続できません", "cannot connect")).render("en")
    'cannot connect'
"""

from __future__ import annotations

from enum import Enum, IntEnum

from .i18n import Lang, Msg


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1
    BAD_INPUT = 2
    NEEDS_HUMAN = 3
    UNKNOWN_PAGE = 4
    BROWSER_CLOSED = 5
    SITE_UNREACHABLE = 6


EXIT_MEANINGS: dict[ExitCode, Msg] = {
    ExitCode.OK: Msg("フェーズまたは申込が完了", "the phase or the whole flow completed"),
    ExitCode.INTERNAL: Msg("内部エラー（ご報告ください）", "internal error (please report it)"),
    ExitCode.BAD_INPUT: Msg(
        "入力の誤り: プロファイル・オプション・設定、または起動できないブラウザ",
        "bad input: profile, flags or settings, or a browser that does not start",
    ),
    ExitCode.NEEDS_HUMAN: Msg(
        "人の操作待ちで停止（ヘッドレスで同意・登録ボタンに到達）",
        "stopped for a human (headless, at a consent or submit control)",
    ),
    ExitCode.UNKNOWN_PAGE: Msg(
        "不明なページ・入力エラー画面・タイムアウト／メンテナンス画面・サイトの変更",
        "unknown page, validation error page, time-out/maintenance page, or the site changed",
    ),
    ExitCode.BROWSER_CLOSED: Msg(
        "ブラウザが閉じられた、または中断（Ctrl-C）",
        "the operator closed the browser or pressed Ctrl-C",
    ),
    ExitCode.SITE_UNREACHABLE: Msg(
        "サイトに接続できない（ネットワーク・プロキシ・TLS・時間切れ）",
        "the site cannot be reached (network, proxy, TLS, time-out)",
    ),
}


INTERRUPTED = Msg("中断しました。", "interrupted.")


class Outcome(str, Enum):
    """How a run ended, as the report records it; each is tied to one exit code."""

    COMPLETED = "completed"  # 申込完了: the whole flow
    PHASE1_COMPLETE = "phase-1-complete"  # 仮ログイン登録完了: the mail comes next
    NEEDS_HUMAN = "needs-human"  # headless at a consent or final-submit control
    NEEDS_LOGIN = "needs-login"  # headless at the login, with no login in the environment
    STEP = "step"  # --step, headless: one page at a time
    UNKNOWN_PAGE = "unknown-page"
    UNTRUSTED_ORIGIN = "untrusted-origin"
    VALIDATION_ERROR = "validation-error"  # the site re-showed a form with its errors
    BLOCKED_PAGE = "blocked-page"  # session time-out, maintenance
    STUCK = "stuck"  # a press did not move the page on
    NO_FORWARD_CONTROL = "no-forward-control"
    FILL_PROBLEMS = "fill-problems"  # a value could not be placed: never moved on past it
    GUARD_REFUSED = "guard-refused"
    TIMEOUT = "timeout"
    BROWSER_CLOSED = "browser-closed"
    INTERRUPTED = "interrupted"  # Ctrl-C
    BAD_INPUT = "bad-input"
    BROWSER_START_FAILED = "browser-start-failed"
    SITE_UNREACHABLE = "site-unreachable"
    INTERNAL_ERROR = "internal-error"

    @property
    def exit_code(self) -> ExitCode:
        return _EXIT[self]

    def __str__(self) -> str:
        return self.value


_EXIT: dict[Outcome, ExitCode] = {
    Outcome.COMPLETED: ExitCode.OK,
    Outcome.PHASE1_COMPLETE: ExitCode.OK,
    Outcome.NEEDS_HUMAN: ExitCode.NEEDS_HUMAN,
    Outcome.NEEDS_LOGIN: ExitCode.NEEDS_HUMAN,
    Outcome.STEP: ExitCode.NEEDS_HUMAN,
    Outcome.UNKNOWN_PAGE: ExitCode.UNKNOWN_PAGE,
    Outcome.UNTRUSTED_ORIGIN: ExitCode.UNKNOWN_PAGE,
    Outcome.VALIDATION_ERROR: ExitCode.UNKNOWN_PAGE,
    Outcome.BLOCKED_PAGE: ExitCode.UNKNOWN_PAGE,
    Outcome.STUCK: ExitCode.UNKNOWN_PAGE,
    Outcome.NO_FORWARD_CONTROL: ExitCode.UNKNOWN_PAGE,
    Outcome.FILL_PROBLEMS: ExitCode.UNKNOWN_PAGE,
    Outcome.GUARD_REFUSED: ExitCode.UNKNOWN_PAGE,
    Outcome.TIMEOUT: ExitCode.UNKNOWN_PAGE,
    Outcome.BROWSER_CLOSED: ExitCode.BROWSER_CLOSED,
    Outcome.INTERRUPTED: ExitCode.BROWSER_CLOSED,
    Outcome.BAD_INPUT: ExitCode.BAD_INPUT,
    Outcome.BROWSER_START_FAILED: ExitCode.BAD_INPUT,
    Outcome.SITE_UNREACHABLE: ExitCode.SITE_UNREACHABLE,
    Outcome.INTERNAL_ERROR: ExitCode.INTERNAL,
}


def exit_codes_text() -> str:
    """The exit-code table of ``--help``: one line per code, English / 日本語."""
    lines = ["exit codes / 終了コード:"]
    for code, meaning in EXIT_MEANINGS.items():
        lines.append(f"  {int(code)}  {meaning.en} / {meaning.ja}")
    return "\n".join(lines) + "\n"


class NssAutofillError(Exception):
    """An error the command line turns into a message and an exit code, never a traceback.

    The message is a :class:`Msg` (rendered in the operator's language) or text already
    rendered by the caller.
    """

    exit_code: ExitCode = ExitCode.INTERNAL
    outcome: Outcome = Outcome.INTERNAL_ERROR  # the report's outcome when this ends a run

    def __init__(self, message: Msg | str = "") -> None:
        self.message = message if isinstance(message, Msg) else Msg(message, message)
        super().__init__(self.message.en)

    def render(self, lang: Lang) -> str:
        return self.message.render(lang)


class BadInput(NssAutofillError):
    """The profile, a flag or a setting is wrong; the message names it."""

    exit_code = ExitCode.BAD_INPUT
    outcome = Outcome.BAD_INPUT


class BrowserNotFound(BadInput):
    """No usable browser, or none that starts; the message lists what was tried."""

    outcome = Outcome.BROWSER_START_FAILED


class SiteUnreachable(NssAutofillError):
    """The site cannot be reached (DNS, proxy, TLS, time-out, reset); the message says what to
    check. ``kind`` is one of ``dns``, ``proxy``, ``tls``, ``timeout``, ``connection``,
    ``offline``, ``other``."""

    exit_code = ExitCode.SITE_UNREACHABLE
    outcome = Outcome.SITE_UNREACHABLE

    def __init__(self, message: Msg | str, *, url: str = "", kind: str = "other") -> None:
        super().__init__(message)
        self.url, self.kind = url, kind
