"""How the tool runs: command-line flags and ``NSS_AUTOFILL_*`` environment settings.

Settings never carry applicant data (that is the profile's job) and the profile never carries
secrets (that is the environment's job: ``NSS_AUTOFILL_LOGIN_ID`` / ``NSS_AUTOFILL_PASSWORD``).
A ``.env`` file in the working directory is read too. Flags given on the command line win.

Example::

    >>> Settings(dry_run=True).dry_run
    True
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_START_URL = "https://bbs.naccscenter.com/"


class Settings(BaseSettings):
    """Every run option; each flag ``--x-y`` is also ``NSS_AUTOFILL_X_Y``."""

    model_config = SettingsConfigDict(
        env_prefix="NSS_AUTOFILL_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        validate_default=True,
    )

    dry_run: bool = False
    headless: bool = False
    url: str | None = None
    start_url: str = DEFAULT_START_URL
    allow_origin: Annotated[list[str], NoDecode] = Field(default_factory=list)
    auto_confirm: bool = False
    step: bool = False
    report: Path | None = None
    artifacts: Path | None = None
    record: Path | None = None
    browser: str = "auto"
    lang: Literal["ja", "en"] | None = None
    # 0 = --quiet (only what needs you, problems and the end), 1 = normal, 2 = --verbose.
    verbosity: int = Field(default=1, ge=0, le=2)
    login_id: SecretStr | None = None
    password: SecretStr | None = None
    # How long to wait for a page to settle, and for the human at a guarded control (0 = forever).
    page_timeout_ms: int = Field(default=15_000, ge=1_000, le=300_000)
    human_timeout_s: int = Field(default=0, ge=0)
    min_business_days: int = Field(default=10, ge=0, le=250)

    @field_validator("allow_origin", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        return value

    @field_validator("allow_origin")
    @classmethod
    def _origins_are_origins(cls, value: list[str]) -> list[str]:
        out = []
        for origin in value:
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"{origin!r} is not an origin like https://nss.example.jp")
            if parts.path not in ("", "/") or parts.query or parts.fragment:
                raise ValueError(f"{origin!r}: give only scheme://host[:port], no path")
            out.append(f"{parts.scheme}://{parts.netloc}".lower())
        return out

    @field_validator("url", "start_url")
    @classmethod
    def _absolute_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{value!r} is not an absolute http(s) URL")
        return value
