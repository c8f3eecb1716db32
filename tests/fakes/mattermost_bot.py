"""The real bot (app, runtime, Mattermost platform, HTTP server) wired to the loopback server.

A pytest plugin: test modules say `pytest_plugins = ["fakes.mattermost_bot"]`
and get the function-scoped fixtures `fake`, `school`, `bot` (a started bot)
and `launch` (starts one with other platform options). They import this
module only for type checking, so pytest can load it as a plugin first. The
bench uses `start_bot()` directly.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.app import App, build_app
from bot.settings import Settings
from fakes.mattermost_model import User
from fakes.mattermost_server import FakeMattermost
from handlers.mattermost import MattermostConfig, MattermostPlatform
from handlers.mattermost.websocket import Backoff
from handlers.runtime import Runtime
from handlers.serve import health_handler

SLASH_TOKEN = "slashtokenslashtokenslashto"
FAST = Backoff(initial=0.01, maximum=0.05, healthy_after=60.0)


@dataclass
class School:
    """The people of a small school, on the loopback server and in the directory."""

    fake: FakeMattermost
    bot: User
    ayse: User  # medewerker, known by username only; manager Jan
    jan: User  # leidinggevende, known by user id and username
    sanne: User  # default contact, known by user id only
    lotte: User  # medewerker whose manager (Petra) has no Mattermost account
    guest: User  # not in the directory
    directory: Path


def directory_yaml(jan: User, sanne: User) -> str:
    return f"""
default_contact: svisser
people:
  - id: jdevries
    name: Jan de Vries
    role: leidinggevende
    mattermost: {{username: {jan.username}, user_id: {jan.id}}}
  - id: akaya
    name: Ayşe Kaya
    manager: jdevries
    mattermost: {{username: ayse.kaya}}
  - id: svisser
    name: Sanne Visser
    mattermost: {{user_id: {sanne.id}}}
  - id: pbakker
    name: Petra Bakker
    role: leidinggevende
  - id: lpeters
    name: Lotte Peters
    manager: pbakker
    mattermost: {{username: lotte.peters}}
"""


def make_school(fake: FakeMattermost, folder: Path) -> School:
    bot = fake.add_user("protocolbot", bot=True)
    ayse, jan = fake.add_user("ayse.kaya"), fake.add_user("jan.devries")
    sanne, lotte = fake.add_user("sanne.visser"), fake.add_user("lotte.peters")
    guest = fake.add_user("gast")
    directory = folder / "directory.yaml"
    directory.write_text(directory_yaml(jan, sanne), encoding="utf-8")
    return School(fake, bot, ayse, jan, sanne, lotte, guest, directory)


@dataclass
class RunningBot:
    app: App
    runtime: Runtime
    platform: MattermostPlatform
    url: str  # where Mattermost reaches the bot
    runner: web.AppRunner
    slash_token: str = SLASH_TOKEN
    stopped: bool = False

    @property
    def command_url(self) -> str:
        return self.url + "/mattermost/command"

    @property
    def actions_url(self) -> str:
        return self.url + "/mattermost/actions"

    async def stop(self) -> None:
        """As serve() does at SIGTERM: stop taking requests, then let the platform finish."""
        if self.stopped:
            return
        self.stopped = True
        await self.runner.cleanup()
        await self.platform.stop()
        self.app.close()


def bot_env(fake: FakeMattermost, school: School, public_url: str) -> dict[str, str]:
    return {
        "MATTERMOST_URL": fake.url,
        "MATTERMOST_TOKEN": school.bot.token,
        "MATTERMOST_SLASH_TOKEN": SLASH_TOKEN,
        "BOT_PUBLIC_URL": public_url,
    }


async def start_bot(
    fake: FakeMattermost,
    school: School,
    folder: Path,
    env: dict[str, str] | None = None,
    worker: int = 0,
    workers: int = 1,
    **options: Any,
) -> RunningBot:
    """The bot serving on a free port, connected to `fake`.

    `env` adds settings to the environment; `options` go to the platform;
    `worker` of `workers` as with BOT_WORKERS (all on one database).
    """
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings = Settings(
        db=folder / "bot.db", directory=school.directory, public_url=url, workers=workers
    )
    app = build_app(settings, worker=worker)
    runtime = Runtime(app.engine)
    config = MattermostConfig.from_env({**bot_env(fake, school, url), **(env or {})})
    options.setdefault("backoff", FAST)
    options.setdefault("hello_timeout", 2.0)
    platform = MattermostPlatform(config, app, runtime, **options)
    runtime.platforms = [platform]
    web_app = web.Application()
    web_app.router.add_get("/healthz", health_handler(app, runtime))
    web_app.add_routes(platform.routes())
    runner = web.AppRunner(web_app, handle_signals=False)
    await runner.setup()
    await web.SockSite(runner, sock).start()
    try:
        await platform.start()
    except BaseException:
        await runner.cleanup()
        app.close()
        raise
    return RunningBot(app, runtime, platform, url, runner)


@pytest.fixture
async def fake():
    server = FakeMattermost(auth_timeout=0.5)
    await server.start()
    yield server
    await server.close()


@pytest.fixture
def school(fake: FakeMattermost, tmp_path: Path) -> School:
    return make_school(fake, tmp_path)


@pytest.fixture
async def launch(fake: FakeMattermost, school: School, tmp_path: Path):
    """`await launch(**options)` starts a bot; every one started is stopped afterwards."""
    started: list[RunningBot] = []

    async def start(**options: Any) -> RunningBot:
        running = await start_bot(fake, school, tmp_path, **options)
        started.append(running)
        return running

    yield start
    for running in started:
        await running.stop()


@pytest.fixture
async def bot(launch) -> RunningBot:
    return await launch()
