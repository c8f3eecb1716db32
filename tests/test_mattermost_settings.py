"""Mattermost settings, a bad token at start, and `python -m bot serve --platform mattermost`."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path
from typing import TYPE_CHECKING

import aiohttp
import pytest
from serve_support import mattermost_env, start_serve

from bot.settings import SettingsError
from bot.texts import HELP
from handlers.mattermost.config import MattermostConfig, derive_button_secret

if TYPE_CHECKING:
    from fakes.mattermost_bot import School
    from fakes.mattermost_server import FakeMattermost

pytest_plugins = ["fakes.mattermost_bot"]

FULL = {
    "MATTERMOST_URL": "https://chat.school.test",
    "MATTERMOST_TOKEN": "bot-token-123",
    "MATTERMOST_SLASH_TOKEN": "slash-token-456",
    "BOT_PUBLIC_URL": "https://bot.school.test/",
}


def test_mattermost_missing_settings_are_all_named():
    with pytest.raises(SettingsError) as raised:
        MattermostConfig.from_env({"MATTERMOST_URL": "https://chat.school.test"})
    problems = raised.value.problems
    assert problems == [
        "MATTERMOST_TOKEN is not set",
        "MATTERMOST_SLASH_TOKEN is not set",
        "BOT_PUBLIC_URL is not set",
    ]
    with pytest.raises(SettingsError) as raised:
        MattermostConfig.from_env({})
    assert len(raised.value.problems) == 4 and "MATTERMOST_URL" in raised.value.problems[0]


def test_mattermost_settings_are_read_and_checked():
    config = MattermostConfig.from_env(FULL)
    assert str(config.server) == "https://chat.school.test:443"
    assert config.server.websocket_url == "wss://chat.school.test:443/api/v4/websocket"
    assert config.actions_url == "https://bot.school.test/mattermost/actions"
    assert "bot-token-123" not in repr(config) and "slash-token-456" not in repr(config)
    sub = MattermostConfig.from_env({**FULL, "MATTERMOST_URL": "http://10.0.0.5:8065/chat/"})
    assert sub.server.api_base == "/chat/api/v4" and sub.server.port == 8065
    api = MattermostConfig.from_env({**FULL, "MATTERMOST_URL": "https://chat.school.test/api/v4/"})
    assert api.server.api_base == "/api/v4"
    with pytest.raises(SettingsError) as raised:
        MattermostConfig.from_env(
            {**FULL, "MATTERMOST_URL": "chat.school.test", "BOT_PUBLIC_URL": "x"}
        )
    assert [p.split(" ")[0] for p in raised.value.problems] == ["MATTERMOST_URL", "BOT_PUBLIC_URL"]


def test_mattermost_button_secret_is_derived_stably_unless_given():
    derived = MattermostConfig.from_env(FULL).button_secret
    assert (
        derived
        == MattermostConfig.from_env(FULL).button_secret
        == derive_button_secret("bot-token-123")
    )
    assert derived != derive_button_secret("another-token") and b"bot-token-123" not in derived
    given = MattermostConfig.from_env({**FULL, "BOT_BUTTON_SECRET": "s3cret"})
    assert given.button_secret == b"s3cret"


def test_mattermost_slash_tokens_of_several_teams():
    config = MattermostConfig.from_env({**FULL, "MATTERMOST_SLASH_TOKEN": " one, two ,"})
    assert config.slash_tokens == ("one", "two")


async def test_mattermost_bad_token_fails_fast_with_a_clear_message(
    fake: FakeMattermost, school: School, tmp_path: Path
):
    from fakes.mattermost_bot import start_bot

    started = time.monotonic()
    with pytest.raises(SettingsError) as raised:
        await start_bot(fake, school, tmp_path, env={"MATTERMOST_TOKEN": "revoked-token"})
    assert time.monotonic() - started < 2
    message = str(raised.value)
    assert message.startswith("MATTERMOST_TOKEN was refused by the Mattermost server")
    assert "revoked-token" not in message
    assert [r for r in fake.requests if "websocket" in r] == []  # no retrying


async def test_mattermost_unreachable_server_fails_fast(
    fake: FakeMattermost, school: School, tmp_path: Path
):
    from fakes.mattermost_bot import start_bot

    url = fake.url
    await fake.close()
    with pytest.raises(SettingsError) as raised:
        await start_bot(fake, school, tmp_path, env={"MATTERMOST_URL": url})
    assert "cannot reach Mattermost" in str(raised.value)


async def test_mattermost_serve_without_settings_names_them_without_a_traceback(tmp_path: Path):
    process = await start_serve({"BOT_DB": str(tmp_path / "bot.db")}, "mattermost")
    _, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    text = err.decode()
    for name in ("MATTERMOST_URL", "MATTERMOST_TOKEN", "MATTERMOST_SLASH_TOKEN", "BOT_PUBLIC_URL"):
        assert f"{name} is not set" in text
    assert "Traceback" not in text


async def test_mattermost_serve_answers_and_stops_cleanly_on_sigterm(
    fake: FakeMattermost, school: School, tmp_path: Path, unused_tcp_port: int
):
    public = f"http://127.0.0.1:{unused_tcp_port}"
    env = mattermost_env(fake, school, tmp_path, unused_tcp_port)
    process = await start_serve(env, "mattermost")
    try:
        await asyncio.wait_for(fake.wait_authenticated(1), 20)
        async with aiohttp.ClientSession() as session:
            response = await session.get(public + "/healthz")
            health = await response.json()
        assert response.status == 200 and health["mattermost"]["connected"] is True
        channel = fake.add_channel("team-noord", [school.ayse, school.bot])
        result = await fake.slash(school.ayse, channel, "help", url=public + "/mattermost/command",
                                  token="slash")  # fmt: skip
        assert result.status == 200 and result.text == HELP
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 20)
    assert process.returncode == 0, err.decode()
    assert "Traceback" not in err.decode()
