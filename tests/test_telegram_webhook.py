"""Webhook mode: the route on the shared aiohttp server, guarded by the secret token."""

from dataclasses import replace

import httpx
import pytest
from aiohttp import web
from telegram_support import AYSE, telegram_world

from handlers.telegram.webhook import SECRET_HEADER

SECRET = "s3cret-for_the-webhook"
PUBLIC = "https://bot.example.org"


@pytest.fixture
async def world(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    async with telegram_world(tmp_path) as w:
        yield w


@pytest.fixture
async def served(world):
    """The bot in webhook mode, its routes on an aiohttp server as `serve` sets it up."""
    settings = replace(world.settings, public_url=PUBLIC)
    bot = world.build(world.env(TELEGRAM_WEBHOOK_SECRET=SECRET), settings=settings)
    web_app = web.Application()
    web_app.add_routes(bot.telegram.routes())
    runner = web.AppRunner(web_app, shutdown_timeout=1.0)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    await bot.telegram.start()
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{runner.addresses[0][1]}") as client:
        yield client
    await runner.cleanup()


async def test_webhook_refuses_a_wrong_secret_and_processes_the_right_one(world, served):
    assert world.fake.webhook["url"] == f"{PUBLIC}/telegram/webhook"
    assert world.fake.webhook["secret_token"] == SECRET

    def update(text: str) -> dict:
        return world.fake.message_update(AYSE, text)

    wrong = await served.post(
        "/telegram/webhook", json=update("/regel M1"), headers={SECRET_HEADER: SECRET[:-1] + "X"}
    )
    missing = await served.post("/telegram/webhook", json=update("/regel M2"))
    right = await served.post(
        "/telegram/webhook", json=update("/regel ML2"), headers={SECRET_HEADER: SECRET}
    )
    assert (wrong.status_code, missing.status_code, right.status_code) == (403, 403, 200)

    answer = await world.fake.next_message(AYSE.id)
    assert answer["text"].startswith("Regel ML2")
    assert world.fake.unread(AYSE.id) == []
    assert len(world.fake.outbox[AYSE.id]) == 1, "the refused calls were not processed"
    assert "getUpdates" not in world.fake.methods()
