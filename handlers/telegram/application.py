"""python-telegram-bot's Application as this bot uses it, and its libraries' logging.

The Application is embedded in our event loop (initialize/start/stop, never
run_polling). No rate limiter and no callback-data cache: the core's action
ids are short enough to be the callback data, so buttons survive restarts.
"""

from __future__ import annotations

import logging

from telegram.ext import Application

from handlers.telegram.config import TelegramSettings


def quiet_library_logs() -> None:
    """httpx logs every request URL (it holds the token) at INFO, and python-telegram-bot
    logs API parameters (message text) at DEBUG: keep both out of our logs."""
    for name, least in (("httpx", logging.WARNING), ("telegram", logging.INFO)):
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < least:
            logger.setLevel(least)


def build_application(settings: TelegramSettings) -> Application:
    """The Application: no rate limiter, no callback-data cache (our action ids are the data)."""
    builder = (
        Application.builder()
        .token(settings.token)
        .base_url(f"{settings.api_url}/bot")
        .base_file_url(f"{settings.api_url}/file/bot")
        .concurrent_updates(False)
    )
    if settings.webhook:
        builder = builder.updater(None)
    return builder.build()
