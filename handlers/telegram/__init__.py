"""Telegram: python-telegram-bot 22 embedded in the bot's own event loop.

`build_platform` is what `python -m bot serve --platform telegram` calls.
python-telegram-bot is imported only then, so the command line stays quick.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.app import App
    from handlers.runtime import Platform, Runtime


def build_platform(env: Mapping[str, str], app: App, runtime: Runtime) -> Platform:
    """The Telegram platform; SettingsError naming every missing or wrong setting."""
    from handlers.telegram.adapter import TelegramPlatform
    from handlers.telegram.config import TelegramSettings

    settings = TelegramSettings.from_env(env, app.settings.public_url)
    return TelegramPlatform(settings, app, runtime)
