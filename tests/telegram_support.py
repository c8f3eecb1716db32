"""A small world for Telegram tests: the loopback Bot API, a directory, and the real bot.

The bot is what `python -m bot serve --platform telegram` runs: an App on a
SQLite file, a Runtime, and the Telegram platform with python-telegram-bot
polling the imitation over HTTP. `restart()` starts a new one on the same
file, as after a process restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from engine_support import shared_core
from fakes.telegram_people import Person
from fakes.telegram_server import FakeTelegram

from bot.app import App
from bot.directory_loader import load_directory
from bot.engine import Engine
from bot.messages import Reply
from bot.settings import Settings
from bot.store import Store
from handlers.runtime import Platform, Runtime
from handlers.telegram import build_platform
from handlers.telegram.adapter import TelegramPlatform

TOKEN = "7000001:AAFakeTokenOnlyForTheLoopbackTests_x1"
BOT_USERNAME = "svopl_protocolbot"

DIRECTORY = """\
default_contact: svisser
people:
  - id: mjansen
    name: Marieke Jansen
    role: leidinggevende
    telegram: {user_id: 512873904}
  - id: jdevries
    name: Jan de Vries
    manager: mjansen
    telegram: {user_id: 634190275}
  - id: pbakker
    name: Petra Bakker
    manager: mjansen
    mattermost: {username: petra.bakker}
  - id: svisser
    name: Sanne Visser
    manager: mjansen
    telegram: {user_id: 705318642}
  - id: akaya
    name: Ayşe Kaya
    manager: jdevries
    telegram: {user_id: 891245736}
  - id: tbos
    name: Tim Bos
    manager: pbakker
    telegram: {user_id: 420967813}
"""

AYSE = Person(891245736, "Ayşe")
JAN = Person(634190275, "Jan")
TIM = Person(420967813, "Tim")
SANNE = Person(705318642, "Sanne")
PETRA = Person(555000111, "Petra")  # not in the directory with a Telegram id


@dataclass
class Bot:
    """One running process: its app, runtime and Telegram platform."""

    app: App
    runtime: Runtime
    telegram: TelegramPlatform


@dataclass
class TelegramWorld:
    path: Path
    fake: FakeTelegram
    bots: list[Bot] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.directory_file = self.path / "directory.yaml"
        self.directory_file.write_text(DIRECTORY, encoding="utf-8")
        self.settings = Settings(db=self.path / "bot.db", directory=self.directory_file)

    @property
    def bot(self) -> Bot:
        return self.bots[-1]

    def env(self, **extra: str) -> dict[str, str]:
        return {"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_API_URL": self.fake.url, **extra}

    def build(
        self,
        env: Mapping[str, str] | None = None,
        others: Sequence[Platform] = (),
        settings: Settings | None = None,
    ) -> Bot:
        """A bot like `serve` builds it; `others` are served after Telegram."""
        settings = settings or self.settings
        store = Store(settings.db)
        directory = load_directory(self.directory_file)
        engine = Engine(shared_core(), store, directory, settings)
        app = App(settings, store, engine)
        runtime = Runtime(engine)
        telegram = build_platform(env or self.env(), app, runtime)
        assert isinstance(telegram, TelegramPlatform)
        runtime.platforms = [telegram, *others]
        bot = Bot(app, runtime, telegram)
        self.bots.append(bot)
        return bot

    async def start(
        self, env: Mapping[str, str] | None = None, others: Sequence[Platform] = ()
    ) -> Bot:
        bot = self.build(env, others)
        await bot.telegram.start()
        await bot.runtime.flush()
        return bot

    async def stop(self) -> None:
        for bot in self.bots:
            await bot.telegram.stop()
            bot.app.close()
        self.bots.clear()

    async def restart(self, others: Sequence[Platform] = ()) -> Bot:
        await self.stop()
        return await self.start(others=others)

    async def open_chat(self, person: Person) -> dict:
        """`person` starts the bot in a private chat; returns the welcome."""
        self.fake.say(person, "/start")
        return await self.fake.next_message(person.id, "Hoi!")


@asynccontextmanager
async def telegram_world(path: Path) -> AsyncIterator[TelegramWorld]:
    """The imitation and a world around it; fails the test on any Bot API violation."""
    fake = FakeTelegram(TOKEN, BOT_USERNAME)
    await fake.start()
    world = TelegramWorld(path, fake)
    try:
        yield world
    finally:
        await world.stop()
        await fake.close()
    assert fake.problems == [], "the bot broke the Bot API description"


@dataclass
class StubPlatform:
    """Another platform in the same process (as Mattermost would be): reaches `people`."""

    people: set[str]
    name: str = "stub"
    inbox: asyncio.Queue[Reply] = field(default_factory=asyncio.Queue)

    def routes(self) -> list:
        return []

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    def can_reach(self, reply: Reply) -> bool:
        return reply.conversation is None and reply.to in self.people

    async def send(self, reply: Reply) -> None:
        self.inbox.put_nowait(reply)

    async def next(self) -> Reply:
        return await asyncio.wait_for(self.inbox.get(), timeout=5)

    def health(self) -> dict[str, object]:
        return {"connected": True}


def labels(message: dict) -> list[str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]
