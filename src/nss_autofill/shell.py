"""The shell the operator types in: commands printed for them are quoted for it.

On Windows that is cmd.exe or PowerShell, whose quoting differs from each other and from a
POSIX shell: ``'…'`` stays in the value in cmd.exe, ``&`` splits a cmd.exe command line, and
``$`` expands inside PowerShell's double quotes.

Example::

    >>> quote("C:\\\\Users\\\\山田 太郎\\\\profile.yaml", "cmd")
    '"C:\\\\Users\\\\山田 太郎\\\\profile.yaml"'
    >>> quote("https://nss.example/a?x=1&y=2", "powershell")
    "'https://nss.example/a?x=1&y=2'"
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from . import osinfo
from .i18n import Msg

Shell = Literal["posix", "cmd", "powershell"]

_CMD_SPECIAL = re.compile(r'[\s&|<>^()%!,;="]')
_PS_SPECIAL = re.compile(r"[\s&|<>()$`'\",;{}@#]")


def current_shell(env: Mapping[str, str] | None = None, platform: str | None = None) -> Shell:
    """cmd.exe, PowerShell or a POSIX shell, from the environment the tool was started in.

    PowerShell puts the user's own module folder (under the user profile) first on
    ``PSModulePath``; cmd.exe inherits only the system's. Git Bash and MSYS set ``MSYSTEM``.
    """
    env = os.environ if env is None else env
    if not osinfo.is_windows() or env.get("MSYSTEM"):
        return "posix"
    home = env.get("USERPROFILE", "").lower().rstrip("\\")
    paths = [p.lower() for p in env.get("PSModulePath", "").split(";") if p]
    if home and any(p.startswith(home + "\\") for p in paths):
        return "powershell"
    return "cmd"


def quote(arg: str | Path, shell: Shell | None = None) -> str:
    """``arg`` as one word of a command line typed in ``shell`` (default: the current one)."""
    text = str(arg)
    shell = current_shell() if shell is None else shell
    if shell == "posix":
        return shlex.quote(text)
    if shell == "cmd":
        # Inside "…" cmd.exe takes & | < > ^ literally; a path cannot hold a double quote.
        return f'"{text}"' if not text or _CMD_SPECIAL.search(text) else text
    return "'" + text.replace("'", "''") + "'" if not text or _PS_SPECIAL.search(text) else text


def set_env(name: str, value: str, shell: Shell | None = None) -> str:
    """The line that sets an environment variable for the commands typed after it."""
    shell = current_shell() if shell is None else shell
    if shell == "cmd":
        return f'set "{name}={value}"'
    if shell == "powershell":
        return f"$env:{name} = {quote(value, 'powershell') if value else chr(39) * 2}"
    return f"export {name}={quote(value, 'posix')}"


_PHASE2 = Msg(
    "メールが届いたら、ログイン情報を設定して（またはブラウザで入力して）次を実行してください:\n"
    "{lines}",
    "When the mail arrives, set the login (or type it in the browser) and run:\n{lines}",
)
_URL_PLACEHOLDER = Msg("<メール記載のURL>", "<URL from the mail>")
_ID_PLACEHOLDER = Msg("<仮ログインID>", "<temporary login ID>")
_PASSWORD_PLACEHOLDER = Msg("<仮パスワード>", "<temporary password>")


def phase2_hint(profile: Path, shell: Shell | None = None) -> Msg:
    """What to type when the phase-1 mail arrives, in the operator's shell.

    The placeholders in angle brackets are inside the quotes, so the pasted values keep
    ``&`` and ``?`` in cmd.exe and PowerShell.
    """
    shell = current_shell() if shell is None else shell
    by_lang = {}
    for lang in ("ja", "en"):
        lines = [
            set_env("NSS_AUTOFILL_LOGIN_ID", _ID_PLACEHOLDER.render(lang), shell),
            set_env("NSS_AUTOFILL_PASSWORD", _PASSWORD_PLACEHOLDER.render(lang), shell),
            f"nss-autofill {quote(profile, shell)} --url "
            + _quote_always(_URL_PLACEHOLDER.render(lang), shell),
        ]
        by_lang[lang] = _PHASE2.render(lang, lines="\n".join(f"  {line}" for line in lines))
    return Msg(by_lang["ja"], by_lang["en"])


def _quote_always(text: str, shell: Shell) -> str:
    if shell == "cmd":
        return f'"{text}"'
    return "'" + text.replace("'", "''" if shell == "powershell" else "'\\''") + "'"
