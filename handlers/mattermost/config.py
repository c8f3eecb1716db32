"""Mattermost settings, read once from the environment.

Required: MATTERMOST_URL, MATTERMOST_TOKEN (the bot account's access token),
MATTERMOST_SLASH_TOKEN (the token Mattermost shows for the /protocol slash
command; comma-separated when the command exists in several teams) and
BOT_PUBLIC_URL (the base URL at which Mattermost reaches this bot, for
button clicks). Optional: BOT_BUTTON_SECRET, the HMAC secret that
signs button contexts, and MATTERMOST_CA_FILE, a CA bundle for a server
whose certificate is signed by the school's own CA.

Without BOT_BUTTON_SECRET the secret is derived from the bot token with
HMAC-SHA256, so it survives restarts; rotating the token then invalidates
buttons that were sent before (a click on one is refused, nothing changes).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.settings import SettingsError

REQUIRED = ("MATTERMOST_URL", "MATTERMOST_TOKEN", "MATTERMOST_SLASH_TOKEN", "BOT_PUBLIC_URL")
SECRET_LABEL = b"svopl-protocolbot/mattermost-buttons/v1"
COMMAND_PATH = "/mattermost/command"
ACTIONS_PATH = "/mattermost/actions"


@dataclass(frozen=True)
class ServerAddress:
    """Where the Mattermost server is, split the way the REST driver wants it."""

    scheme: str
    host: str
    port: int
    path: str  # sub-path of the site, "" when Mattermost is at the root

    @property
    def api_base(self) -> str:
        return f"{self.path}/api/v4"

    @property
    def websocket_url(self) -> str:
        scheme = "wss" if self.scheme == "https" else "ws"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}{self.api_base}/websocket"

    def __str__(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}{self.path}"


@dataclass(frozen=True)
class MattermostConfig:
    server: ServerAddress
    public_url: str
    token: str = field(repr=False)
    slash_tokens: tuple[str, ...] = field(repr=False)
    button_secret: bytes = field(repr=False)
    ca_file: Path | None = None

    @property
    def actions_url(self) -> str:
        return self.public_url + ACTIONS_PATH

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> MattermostConfig:
        """The settings; SettingsError naming every missing or wrong variable."""
        values = {name: env.get(name, "").strip() for name in REQUIRED}
        problems = [f"{name} is not set" for name, value in values.items() if not value]
        if values["MATTERMOST_SLASH_TOKEN"] and not _tokens(values["MATTERMOST_SLASH_TOKEN"]):
            problems.append("MATTERMOST_SLASH_TOKEN holds no token")
        server = _server(values["MATTERMOST_URL"], problems)
        public_url = _public_url(values["BOT_PUBLIC_URL"], problems)
        ca_file = _ca_file(env.get("MATTERMOST_CA_FILE", "").strip(), problems)
        if problems or server is None:
            raise SettingsError(problems)
        token = values["MATTERMOST_TOKEN"]
        secret = env.get("BOT_BUTTON_SECRET", "").strip()
        return cls(
            server=server,
            public_url=public_url,
            token=token,
            slash_tokens=_tokens(values["MATTERMOST_SLASH_TOKEN"]),
            button_secret=secret.encode() if secret else derive_button_secret(token),
            ca_file=ca_file,
        )


def derive_button_secret(token: str) -> bytes:
    """A stable secret from the bot token: HMAC-SHA256(key=token, label)."""
    return hmac.new(token.encode(), SECRET_LABEL, hashlib.sha256).digest()


def _tokens(raw: str) -> tuple[str, ...]:
    return tuple(token.strip() for token in raw.split(",") if token.strip())


def _server(raw: str, problems: list[str]) -> ServerAddress | None:
    if not raw:
        return None
    parts = urlsplit(raw)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        shown = "" if "@" in raw else f", not {raw!r}"  # never echo credentials in a URL
        problems.append(f"MATTERMOST_URL must be a URL like https://chat.school.nl{shown}")
        return None
    default_port = 443 if parts.scheme == "https" else 80
    path = parts.path.rstrip("/").removesuffix("/api/v4")  # the site URL, not the API
    return ServerAddress(parts.scheme, parts.hostname, port or default_port, path)


def _public_url(raw: str, problems: list[str]) -> str:
    if raw and urlsplit(raw).scheme not in ("http", "https"):
        problems.append(f"BOT_PUBLIC_URL must start with http:// or https://, not {raw!r}")
    return raw.rstrip("/")


def _ca_file(raw: str, problems: list[str]) -> Path | None:
    if not raw:
        return None
    path = Path(raw)
    if not path.is_file():
        problems.append(f"MATTERMOST_CA_FILE: no such file {raw!r}")
    return path
