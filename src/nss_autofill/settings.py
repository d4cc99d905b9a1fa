"""How the tool runs: command-line flags and ``NSS_AUTOFILL_*`` environment settings.

Every option is described once, here, on its field: the command line is generated from these
fields (``commands/options.py``), so ``--help``, docs/cli.md and the environment variable
cannot disagree. Each flag ``--x-y`` is the setting ``NSS_AUTOFILL_X_Y``; flags given on the
command line win over the environment, which wins over a ``.env`` file in the working
directory (UTF-8, or Shift_JIS as Windows メモ帳 saves it).

Settings never carry applicant data (that is the profile's job) and the profile never carries
secrets (that is the environment's job: ``NSS_AUTOFILL_LOGIN_ID`` / ``NSS_AUTOFILL_PASSWORD``,
which have no flag).

Example::

    >>> Settings(dry_run=True).dry_run
    True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_core import ErrorDetails, PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

from .errors import BadInput
from .i18n import Msg

ENV_PREFIX = "NSS_AUTOFILL_"
ENV_FILE = ".env"


def _reject(ja: str, en: str) -> PydanticCustomError:
    """A value error in both languages (rendered by :func:`load_settings`)."""
    return PydanticCustomError("nss", "{en}", {"ja": ja, "en": en})


def _start_url_from_catalogue() -> str:
    """The NACCS掲示板 top page, as the catalogue names it (site knowledge lives there)."""
    from .site.catalogue import load_catalogue

    return load_catalogue().site.start_url


def _cli(**meta: Any) -> dict[str, Any]:
    """How a field appears on the command line (read by ``commands/options.py``)."""
    return {"cli": meta}


class Settings(BaseSettings):
    """Every run option; each flag ``--x-y`` is also ``NSS_AUTOFILL_X_Y``."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=ENV_FILE,
        env_file_encoding="utf-8-sig",
        extra="ignore",
        validate_default=True,
    )

    dry_run: bool = Field(
        False,
        description="run on the bundled mock NSS on this machine, every request beyond it "
        "blocked / 模擬NSSサイトで試す",
    )
    headless: bool = Field(
        False,
        description="no visible browser; stops (exit 3) where a human must act / "
        "ブラウザを表示しない",
    )
    url: str | None = Field(
        None,
        description="the URL from the NSS mail (phase 2) / メール記載のURL",
        json_schema_extra=_cli(metavar="URL"),
    )
    start_url: str = Field(
        default_factory=_start_url_from_catalogue,
        description="where to start (default: the NACCS掲示板 top page) / 開始するURL",
        json_schema_extra=_cli(metavar="URL", show_default=False),
    )
    allow_origin: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="also fill pages of this origin (scheme://host[:port]); repeatable, "
        "comma-separated in the environment / 入力を許可する接続先",
        json_schema_extra=_cli(metavar="ORIGIN", repeat=True),
    )
    auto_confirm: bool = Field(
        False,
        description="dry runs and loopback sites only: a simulated operator presses "
        "consent/submit / 模擬オペレーター（ドライランのみ）",
    )
    step: bool = Field(
        False,
        description="wait for you on every page instead of moving on / 1画面ずつ確認",
    )
    report: Path | None = Field(
        None,
        description="also write the JSON report here / レポートの保存先",
        json_schema_extra=_cli(metavar="FILE"),
    )
    artifacts: Path | None = Field(
        None,
        description="folder for the run's record (a masked copy of every page, screenshots where "
        "you act), the action log and the report (default: a folder per run under your data "
        "folder, see `doctor`) / 記録の保存先",
        json_schema_extra=_cli(metavar="DIR"),
    )
    record: Path | None = Field(
        None,
        description="also save every page as a scrubbed fixture into DIR (for maintainers) / "
        "画面の記録",
        json_schema_extra=_cli(metavar="DIR"),
    )
    browser: str = Field(
        "auto",
        description="which browser: auto (Edge, Chrome, then Chromium; the next one when one "
        "does not start), chromium, chrome, msedge or the path of a browser / 使用するブラウザ",
        json_schema_extra=_cli(metavar="auto|chromium|chrome|msedge|PATH"),
    )
    launch_timeout_ms: int = Field(
        30_000,
        ge=1_000,
        le=180_000,
        description="how long a browser may take to start before the next one is tried / "
        "ブラウザ起動の待ち時間",
        json_schema_extra=_cli(metavar="MS"),
    )
    lang: Literal["ja", "en"] | None = Field(
        None,
        description="message language (default: from the system locale) / 表示言語",
        json_schema_extra=_cli(choices=("ja", "en")),
    )
    # 0 = --quiet (only what needs you, problems and the end), 1 = normal, 2 = --verbose.
    verbosity: int = Field(
        1,
        ge=0,
        le=2,
        description="0 only what needs you, problems and the outcome; 1 normal; 2 also every "
        "field and its value (secrets masked)",
        json_schema_extra=_cli(kind="verbosity"),
    )
    login_id: SecretStr | None = Field(
        None,
        description="the temporary login ID from the NSS mail (environment only)",
        json_schema_extra=_cli(kind="secret"),
    )
    password: SecretStr | None = Field(
        None,
        description="the temporary password from the NSS mail (environment only)",
        json_schema_extra=_cli(kind="secret"),
    )
    page_timeout_ms: int = Field(
        15_000,
        ge=1_000,
        le=300_000,
        description="how long to wait for a page to load and settle / 画面の待ち時間",
        json_schema_extra=_cli(metavar="MS"),
    )
    human_timeout_s: int = Field(
        0,
        ge=0,
        description="how long to wait for you at a consent or submit button (0: forever) / "
        "操作の待ち時間",
        json_schema_extra=_cli(metavar="S"),
    )
    min_business_days: int = Field(
        10,
        ge=0,
        le=250,
        description="warn when the start date is fewer business days away / 開始日までの"
        "推奨営業日数",
        json_schema_extra=_cli(metavar="N"),
    )

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
                raise _reject(
                    f"{origin!r} は接続先 (例 https://nss.example.jp) ではありません",
                    f"{origin!r} is not an origin like https://nss.example.jp",
                )
            if parts.path not in ("", "/") or parts.query or parts.fragment:
                raise _reject(
                    f"{origin!r}: scheme://host[:port] だけを書いてください（パスは不要）",
                    f"{origin!r}: give only scheme://host[:port], no path",
                )
            out.append(f"{parts.scheme}://{parts.netloc}".lower())
        return out

    @field_validator("url", "start_url")
    @classmethod
    def _absolute_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            quoted = value[:1] in "'\"" or value[-1:] in "'\""
            raise _reject(
                f"{value!r} は http(s):// で始まる URL ではありません"
                + ("（cmd.exe では ' ' が値に残ります。\" \" で囲んでください）" if quoted else ""),
                f"{value!r} is not an absolute http(s) URL"
                + (" (cmd.exe keeps ' ' in the value: quote with \" \" there)" if quoted else ""),
            )
        return value


def env_name(field: str) -> str:
    """``page_timeout_ms`` → ``NSS_AUTOFILL_PAGE_TIMEOUT_MS``."""
    return ENV_PREFIX + field.upper()


def flag_name(field: str) -> str:
    """``page_timeout_ms`` → ``--page-timeout-ms``."""
    return "--" + field.replace("_", "-")


_BAD_SETTING = Msg("設定の誤り: {where}: {why}", "bad setting: {where}: {why}")
_BAD_ENV_FILE = Msg(
    "{path} を読めません: UTF-8 でも Shift_JIS でもありません ({line}行目)。"
    "メモ帳で「UTF-8」を選んで保存し直してください",
    "cannot read {path}: it is neither UTF-8 nor Shift_JIS (line {line}); save it as UTF-8",
)
_SECRET_FIELDS = ("login_id", "password")


def env_file_encoding(path: Path) -> str:
    """The encoding of a ``.env`` file: UTF-8 (BOM allowed), else Shift_JIS (cp932).

    Raises:
        BadInput: neither decodes; the message names the file and the line.
    """
    from .textfiles import NotText, decode

    try:
        raw = path.read_bytes()
    except OSError:
        return "utf-8-sig"  # missing or unreadable: pydantic-settings skips it
    try:
        return decode(raw)[1]
    except NotText as exc:
        raise BadInput(_BAD_ENV_FILE.format(path=path, line=exc.line)) from None


def _why(err: ErrorDetails, got: str) -> Msg:
    """The reason of one validation error in both languages, ``got`` (the value) appended."""
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    kind = err["type"]
    if kind == "nss":
        return Msg(str(ctx["ja"]), str(ctx["en"]))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return Msg("整数で書いてください" + got, "must be a whole number" + got)
    if kind in ("bool_parsing", "bool_type"):
        return Msg("true か false で書いてください" + got, "write true or false" + got)
    if kind == "greater_than_equal":
        return Msg(f"{ctx['ge']} 以上にしてください{got}", f"must be at least {ctx['ge']}{got}")
    if kind == "less_than_equal":
        return Msg(f"{ctx['le']} 以下にしてください{got}", f"must be at most {ctx['le']}{got}")
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return Msg(f"次のいずれかです: {expected}{got}", f"must be one of: {expected}{got}")
    return Msg(str(err["msg"]) + got, str(err["msg"]) + got)


def load_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """The settings from the command line (``overrides``), the environment and ``.env``.

    Raises:
        BadInput: a value is wrong; the message names the flag or the variable it came from.
    """
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    encoding = env_file_encoding(Path(ENV_FILE))
    try:
        return Settings(_env_file_encoding=encoding, **given)
    except ValidationError as exc:
        lines = []
        for err in exc.errors(include_url=False):
            field = str(err["loc"][0]) if err["loc"] else ""
            where = flag_name(field) if field in given else f"{env_name(field)} ({field})"
            show = field not in _SECRET_FIELDS and field not in given and err["type"] != "nss"
            got = f" ({err.get('input')!r})" if show else ""
            lines.append(_BAD_SETTING.format(where=where, why=_why(err, got)))
        raise BadInput(
            Msg("\n".join(m.ja for m in lines), "\n".join(m.en for m in lines))
        ) from None
    except SettingsError as exc:
        # A value that must be decoded first (JSON) and is not: pydantic-settings names the field.
        match = re.search(r'field "(\w+)"', str(exc))
        field = match.group(1) if match else "?"
        raise BadInput(
            _BAD_SETTING.format(where=f"{env_name(field)} ({field})", why=str(exc))
        ) from None
