"""Our websocket client: both auth styles, both hello/OK orders, bad tokens, TLS, drops."""

from __future__ import annotations

import asyncio
import json
import ssl
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from tls_support import needs_openssl, self_signed

from bot.store import Store
from handlers.mattermost.websocket import Backoff, EventStream, WebsocketAuthError

if TYPE_CHECKING:
    from fakes.mattermost_bot import RunningBot, School
    from fakes.mattermost_server import FakeMattermost

pytest_plugins = ["fakes.mattermost_bot"]

ANGRY_PARENT = "Een ouder reageert boos op mijn bericht, moet ik terugschrijven?"


def ws_url(base: str) -> str:
    return base.replace("http", "ws", 1) + "/api/v4/websocket"


class Events:
    """Collects what an EventStream delivers."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.connects: list[bool] = []

    def on_event(self, frame: dict[str, Any]) -> None:
        self.queue.put_nowait(frame)

    def on_connect(self, reconnected: bool) -> None:
        self.connects.append(reconnected)

    async def next(self, event: str) -> dict[str, Any]:
        while True:
            frame = await asyncio.wait_for(self.queue.get(), 5)
            if frame.get("event") == event:
                return frame


def stream(url: str, token: str, events: Events, **options: Any) -> EventStream:
    options.setdefault("hello_timeout", 2.0)
    return EventStream(url, token, events.on_event, events.on_connect, **options)


@pytest.mark.parametrize(
    ("auth", "hello_first"),
    [("header", True), ("challenge", True), ("challenge", False)],
    ids=["header", "challenge-hello-then-ok", "challenge-ok-then-hello"],
)
async def test_mattermost_websocket_authenticates_and_delivers_posted_events(
    fake: FakeMattermost, school: School, auth: str, hello_first: bool
):
    fake.hello_first = hello_first
    events = Events()
    client = stream(ws_url(fake.url), school.bot.token, events, auth=auth)
    await client.open()
    try:
        assert client.connected and events.connects == [False]
        dm = fake.direct_channel(school.ayse, school.bot)
        await fake.post_as(school.ayse, dm, "hallo")
        posted = await events.next("posted")
        assert isinstance(posted["data"]["post"], str)  # a JSON string, as the real server sends
        assert json.loads(posted["data"]["post"])["message"] == "hallo"
        assert json.loads(posted["data"]["mentions"]) == [school.bot.id]
    finally:
        await client.close()
    assert not client.connected


@pytest.mark.parametrize("auth", ["header", "challenge"])
async def test_mattermost_websocket_bad_token_fails_fast(fake: FakeMattermost, auth: str):
    client = stream(ws_url(fake.url), "not-a-token", Events(), auth=auth)
    with pytest.raises(WebsocketAuthError) as raised:
        await asyncio.wait_for(client.open(), 3)
    assert "not-a-token" not in str(raised.value)
    assert not client.connected


def test_mattermost_backoff_doubles_to_a_minute_and_resets_after_a_healthy_minute():
    backoff = Backoff()
    delays = [backoff.delay() for _ in range(8)]
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60]
    backoff.connection_ended(lasted=59)
    assert backoff.delay() == 60
    backoff.connection_ended(lasted=60)
    assert backoff.delay() == 1


@needs_openssl
@pytest.mark.parametrize("trust", ["MATTERMOST_CA_FILE", "REQUESTS_CA_BUNDLE"])
async def test_mattermost_bot_works_over_https_and_wss(
    trust: str, school: School, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The school's CA named either way: REST calls and websocket trust the same CAs."""
    from fakes.mattermost_bot import start_bot

    cert, key = self_signed(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    fake = school.fake
    await fake.close()  # the plain-http server of the fixture; this test wants TLS
    await fake.start(ssl_context=server_tls)
    assert fake.url.startswith("https://")
    env = {}
    if trust == "MATTERMOST_CA_FILE":
        env[trust] = str(cert)
    else:
        monkeypatch.setenv(trust, str(cert))
    bot = await start_bot(fake, school, tmp_path, env=env)
    try:
        assert bot.platform.stream.url.startswith("wss://")
        dm = fake.direct_channel(school.ayse, school.bot)
        await fake.post_as(school.ayse, dm, ANGRY_PARENT)
        reply = await fake.next_post(dm.id, by=school.bot)
        assert "M3" in reply["message"]
    finally:
        await bot.stop()


async def test_mattermost_dropped_websocket_recovers_without_losing_or_repeating_a_reply(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    dm = fake.direct_channel(school.ayse, school.bot)
    channel = fake.add_channel("team-noord", [school.jan, school.bot])
    await fake.post_as(school.ayse, dm, ANGRY_PARENT)
    await fake.next_post(dm.id, by=school.bot)

    fake.refuse_websockets = True
    await fake.drop_websockets()
    await fake.post_as(school.ayse, dm, "regel ML2")  # while the bot is away
    await fake.post_as(school.jan, channel, "@protocolbot wat zegt regel M4?")
    fake.refuse_websockets = False

    await fake.wait_authenticated(2)
    missed = await fake.next_post(dm.id, by=school.bot)
    assert "ML2" in missed["message"]
    mention = await fake.next_ephemeral(school.jan)
    assert "M4" in mention["message"]
    await bot.platform.drain()
    replies = [p["message"] for p in fake.posts_in(dm.id, by=school.bot)]
    assert len(replies) == 2 and "M3" in replies[0]  # the first one is not repeated
    assert any(f"/channels/{dm.id}/posts?since=" in r for r in fake.requests)
    assert bot.platform.health()["connected"] and bot.platform.health()["reconnects"] == 1
    assert 'protocolbot_reconnects_total{platform="mattermost"} 1' in bot.runtime.metrics.render()


async def test_mattermost_stop_waits_for_a_reply_in_flight(
    fake: FakeMattermost, school: School, bot: RunningBot, tmp_path: Path
):
    fake.post_gate = asyncio.Event()
    dm = fake.direct_channel(school.ayse, school.bot)
    await fake.post_as(school.ayse, dm, ANGRY_PARENT)
    await asyncio.wait_for(fake.post_held.wait(), 5)  # the reply is on its way

    stopping = asyncio.create_task(bot.stop())
    try:
        for _ in range(100_000):  # let stop() get as far as it can: the websocket closed
            if stopping.done() or bot.platform.stream.closed:
                break
            await asyncio.sleep(0)
        assert bot.platform.stream.closed and not stopping.done()
        assert len(bot.platform.tasks) == 1
    finally:
        fake.post_gate.set()
    await asyncio.wait_for(stopping, 5)

    assert "M3" in fake.posts_in(dm.id, by=school.bot)[0]["message"]
    store = Store(tmp_path / "bot.db")
    assert store.undelivered() == []
    store.close()
