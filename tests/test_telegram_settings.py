"""Telegram settings: every missing or wrong one named; the token never shown."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from telegram_support import AYSE, TOKEN, telegram_world

from bot.settings import SettingsError
from handlers.telegram.config import TelegramSettings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
async def world(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    async with telegram_world(tmp_path) as w:
        yield w


def problems(env: dict[str, str], public_url: str = "") -> str:
    with pytest.raises(SettingsError) as refused:
        TelegramSettings.from_env(env, public_url)
    return str(refused.value)


def test_missing_settings_are_named():
    assert "TELEGRAM_TOKEN is not set" in problems({})
    webhook = problems({"TELEGRAM_WEBHOOK_SECRET": "abc"})
    assert "TELEGRAM_TOKEN" in webhook and "BOT_PUBLIC_URL is not set" in webhook


def test_wrong_settings_are_named_without_their_values():
    secret = "not a valid secret!"
    found = problems(
        {"TELEGRAM_TOKEN": "12345:abc def", "TELEGRAM_WEBHOOK_SECRET": secret},
        public_url="http://bot.example.org",
    )
    assert "TELEGRAM_TOKEN does not look like a bot token" in found
    assert "TELEGRAM_WEBHOOK_SECRET may only hold" in found
    assert "BOT_PUBLIC_URL must start with https://" in found
    assert "abc def" not in found and secret not in found


def test_settings_hide_the_token_in_their_repr():
    settings = TelegramSettings.from_env({"TELEGRAM_TOKEN": TOKEN})
    assert not settings.webhook
    assert TOKEN not in repr(settings)


def test_serve_without_a_token_stops_with_a_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    env["BOT_DB"] = str(tmp_path / "bot.db")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--platform", "telegram"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "TELEGRAM_TOKEN is not set" in done.stderr
    assert "Traceback" not in done.stderr


async def test_a_refused_token_is_named_but_not_shown(world):
    other = "7000001:AAAnotherTokenThatTheServerDoesNotKnow"
    bot = world.build(world.env(TELEGRAM_TOKEN=other))
    with pytest.raises(SettingsError) as refused:
        await bot.telegram.start()
    assert "TELEGRAM_TOKEN was refused" in str(refused.value)
    assert other not in str(refused.value)
    assert refused.value.__suppress_context__


async def test_logs_carry_ids_but_no_token_and_no_text(world, caplog):
    caplog.set_level(logging.DEBUG)
    await world.start()
    await world.open_chat(AYSE)
    world.fake.say(AYSE, "Mag ik een geheim recept van de kantine posten?")
    await world.fake.next_message(AYSE.id)
    logged = caplog.text
    assert f"user={AYSE.id}" in logged
    assert TOKEN not in logged
    assert "geheim recept" not in logged
