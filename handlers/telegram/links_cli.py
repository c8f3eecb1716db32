"""`python -m bot directory link PERSON`: print a deep link that onboards someone on Telegram.

The bot's @name comes from TELEGRAM_BOT_USERNAME, or else from Telegram
itself (getMe with TELEGRAM_TOKEN). python-telegram-bot is imported only for
that, so adding this command keeps the command line quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from bot.directory import BUNDLED_DEMO_DIRECTORY
from bot.directory_loader import load_directory
from bot.settings import Settings, SettingsError, merged_environment
from handlers.telegram import config
from handlers.telegram.links import DEFAULT_VALID_FOR, Links, deep_link


def add_link_command(commands: argparse._SubParsersAction) -> None:
    """Add `link` to the `directory` subcommands."""
    link = commands.add_parser(
        "link", help="print a Telegram link that connects a person's Telegram account"
    )
    link.add_argument("person", help="id of the person in the directory")
    link.add_argument(
        "--days",
        type=float,
        default=DEFAULT_VALID_FOR.days,
        help=f"how long the link works (default {DEFAULT_VALID_FOR.days} days; it works once)",
    )
    link.add_argument("--db", type=Path, help="SQLite database (default: BOT_DB)")
    link.set_defaults(run=run_link)


def run_link(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    from bot.engine import utc_now
    from bot.store import Store

    env = merged_environment(os.environ) if env is None else env
    settings = Settings.from_env(env)
    if args.db:
        settings = replace(settings, db=args.db)
    directory = load_directory(settings.directory or BUNDLED_DEMO_DIRECTORY)
    person = directory.get(args.person)
    if person is None:
        print(
            f"unknown person '{args.person}': see `python -m bot directory list`", file=sys.stderr
        )
        return 2
    if args.days <= 0:
        print("--days must be more than 0", file=sys.stderr)
        return 2
    username = bot_username(env)
    store = Store(settings.db)
    try:
        code = Links(store, lambda: directory, utc_now).new_code(
            person.id, timedelta(days=args.days)
        )
    finally:
        store.close()
    print(deep_link(username, code))
    print(
        f"Send this link to {person.name} only. It works once, for {args.days:g} days, and "
        "links the Telegram account that opens it.",
        file=sys.stderr,
    )
    return 0


def bot_username(env: Mapping[str, str]) -> str:
    """TELEGRAM_BOT_USERNAME, else the name Telegram gives for TELEGRAM_TOKEN."""
    username = config.bot_username(env)
    if username:
        return username
    token = env.get("TELEGRAM_TOKEN", "").strip()
    if not token:
        raise SettingsError(
            ["set TELEGRAM_BOT_USERNAME (the bot's @name) or TELEGRAM_TOKEN to make a link"]
        )
    import asyncio

    return asyncio.run(_ask_username(token, config.api_url(env)))


async def _ask_username(token: str, api_url: str) -> str:
    from telegram import Bot
    from telegram.error import InvalidToken, TelegramError

    try:
        async with Bot(token, base_url=f"{api_url}/bot") as bot:
            return bot.username
    except InvalidToken:
        raise SettingsError(["TELEGRAM_TOKEN was refused by Telegram"]) from None
    except TelegramError as exc:
        problem = f"cannot ask Telegram for the bot's name ({type(exc).__name__}); "
        raise SettingsError([problem + "set TELEGRAM_BOT_USERNAME instead"]) from None
