"""Telegram settings, read once from the environment.

TELEGRAM_TOKEN is required. Setting TELEGRAM_WEBHOOK_SECRET switches from
polling to webhook mode, which also needs BOT_PUBLIC_URL (an https address
that Telegram can reach). TELEGRAM_BOT_USERNAME only saves the link command
a question to Telegram; TELEGRAM_API_URL points at another Bot API server (a
self-hosted telegram-bot-api, or the loopback imitation in the tests).

Problems name the setting, never its value: a token must not end up in a log.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.settings import SettingsError

DEFAULT_API_URL = "https://api.telegram.org"
WEBHOOK_PATH = "/telegram/webhook"
_TOKEN = re.compile(r"^[0-9]+:[A-Za-z0-9_-]+$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")


@dataclass(frozen=True)
class TelegramSettings:
    token: str
    webhook_secret: str | None = None
    public_url: str = ""
    api_url: str = DEFAULT_API_URL

    def __repr__(self) -> str:  # keep the token and the secret out of any log or traceback
        mode = "webhook" if self.webhook else "polling"
        return f"TelegramSettings(mode={mode}, api_url={self.api_url!r})"

    @property
    def webhook(self) -> bool:
        return self.webhook_secret is not None

    @property
    def webhook_url(self) -> str:
        return self.public_url + WEBHOOK_PATH

    @classmethod
    def from_env(cls, env: Mapping[str, str], public_url: str = "") -> TelegramSettings:
        """Settings from the environment; SettingsError naming every problem.

        `public_url` is BOT_PUBLIC_URL as the shared settings already read it.
        """
        problems: list[str] = []
        token = env.get("TELEGRAM_TOKEN", "").strip()
        if not token:
            problems.append("TELEGRAM_TOKEN is not set (the bot token that BotFather gave you)")
        elif not _TOKEN.match(token):
            problems.append("TELEGRAM_TOKEN does not look like a bot token (digits, ':', letters)")
        secret = env.get("TELEGRAM_WEBHOOK_SECRET", "").strip() or None
        public_url = public_url.strip().rstrip("/")
        if secret is not None:
            problems += _webhook_problems(secret, public_url)
        if problems:
            raise SettingsError(problems)
        return cls(token, secret, public_url, api_url(env))


def api_url(env: Mapping[str, str]) -> str:
    return env.get("TELEGRAM_API_URL", "").strip().rstrip("/") or DEFAULT_API_URL


def bot_username(env: Mapping[str, str]) -> str | None:
    """TELEGRAM_BOT_USERNAME without its `@`, None when not set; SettingsError when malformed."""
    username = env.get("TELEGRAM_BOT_USERNAME", "").strip().removeprefix("@") or None
    if username is not None and not _USERNAME.match(username):
        raise SettingsError(
            ["TELEGRAM_BOT_USERNAME must be the bot's @name, like svopl_protocolbot"]
        )
    return username


def _webhook_problems(secret: str, public_url: str) -> list[str]:
    problems = []
    if not _SECRET.match(secret):
        problems.append(
            "TELEGRAM_WEBHOOK_SECRET may only hold letters, digits, '_' and '-' (at most 256)"
        )
    if not public_url:
        problems.append(
            "BOT_PUBLIC_URL is not set: webhook mode (TELEGRAM_WEBHOOK_SECRET) needs the "
            "public https address of this server"
        )
    elif not public_url.startswith("https://"):
        problems.append("BOT_PUBLIC_URL must start with https:// for a Telegram webhook")
    return problems
