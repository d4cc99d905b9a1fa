"""Files only their owner can read: the audit bundle and the report hold applicant data.

POSIX: mode 0600 for files, 0700 for folders. Windows ignores those modes (``chmod`` only sets
the read-only flag), so there the folder gets a protected DACL granting the current user alone
full control, inherited by every file created in it, through ``icacls`` — a seam
(:data:`run_icacls`) the tests replace with a fake, since Windows cannot run here.

Example::

    >>> icacls_command(Path(r"C:\\runs\\1"), "CORP\\\\yamada", directory=True)
    ['icacls', 'C:\\\\runs\\\\1', '/inheritance:r', '/grant:r', 'CORP\\\\yamada:(OI)(CI)F', '/Q']
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

from .. import osinfo


def current_user(env: Mapping[str, str] | None = None) -> str:
    """``DOMAIN\\user`` of the Windows account running the tool."""
    env = os.environ if env is None else env
    domain, name = env.get("USERDOMAIN", ""), env.get("USERNAME", "")
    return f"{domain}\\{name}" if domain and name else name


def icacls_command(path: Path, user: str, *, directory: bool) -> list[str]:
    """Drop the inherited entries and grant ``user`` alone full control (folders: inherited)."""
    grant = f"{user}:(OI)(CI)F" if directory else f"{user}:F"
    return ["icacls", str(path), "/inheritance:r", "/grant:r", grant, "/Q"]


def _run_icacls(args: list[str]) -> str:
    """Run icacls; '' on success, else why not."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        done = subprocess.run(
            args, capture_output=True, text=True, timeout=30, check=False, creationflags=flags
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return "" if done.returncode == 0 else (done.stderr or done.stdout).strip()[:200]


#: The seam: ``run_icacls(args) -> ''`` or the reason it failed.
run_icacls: Callable[[list[str]], str] = _run_icacls


def make_private(path: Path, *, directory: bool = False) -> str:
    """Let only the current user read ``path``; '' when done, else why not."""
    if osinfo.is_windows():
        user = current_user()
        if not user:
            return "USERNAME is not set"
        return run_icacls(icacls_command(path, user, directory=directory))
    os.chmod(path, 0o700 if directory else 0o600)
    return ""
