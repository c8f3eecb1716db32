"""A small world for engine tests: the bundled knowledge base, a directory,
a store on disk and a clock the test moves. Reads like a chat transcript."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core import Core, load_core
from bot.directory_loader import load_directory
from bot.engine import Engine
from bot.messages import Answer, Incoming, Reply
from bot.settings import Settings
from bot.store import Store

START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

DIRECTORY = """\
default_contact: svisser
people:
  - id: mjansen
    name: Marieke Jansen
    role: leidinggevende
  - id: jdevries
    name: Jan de Vries
    manager: mjansen
    standin: pbakker
  - id: pbakker
    name: Petra Bakker
    manager: mjansen
    standin: jdevries
  - id: svisser
    name: Sanne Visser
    manager: mjansen
  - id: akaya
    name: Ayse Kaya
    manager: jdevries
  - id: tbos
    name: Tim Bos
    manager: pbakker
"""

_CORE: list[Core] = []


def shared_core() -> Core:
    """The knowledge base is read-only: load it once for all engine tests."""
    if not _CORE:
        _CORE.append(load_core())
    return _CORE[0]


def respond(text: str) -> Answer:
    """The shared core's first reply to one question."""
    return shared_core().responder.respond(text)


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass
class World:
    path: Path
    clock: Clock = field(default_factory=Clock)
    settings: Settings = field(default_factory=Settings)
    inbox: dict[str, list[Reply]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        directory_file = self.path / "directory.yaml"
        directory_file.write_text(DIRECTORY, encoding="utf-8")
        self.directory = load_directory(directory_file)
        self.db = self.path / "bot.db"
        self.store = Store(self.db)
        self.engine = Engine(shared_core(), self.store, self.directory, self.settings, self.clock)

    def restart(self) -> None:
        """A new engine on the same database, as after a process restart."""
        self.store.close()
        self.store = Store(self.db)
        self.engine = Engine(shared_core(), self.store, self.directory, self.settings, self.clock)

    def _deliver(self, replies: list[Reply]) -> list[Reply]:
        for reply in replies:
            self.inbox.setdefault(reply.to or "", []).append(reply)
        self.engine.delivered(replies)
        return replies

    def say(self, person: str, text: str, **extra) -> list[Reply]:
        incoming = Incoming("console", person, f"console:{person}", text, **extra)
        return self._deliver(self.engine.handle(incoming))

    def command(self, person: str, command: str, text: str = "") -> list[Reply]:
        return self.say(person, text, command=command)

    def click(self, person: str, label: str) -> list[Reply]:
        """Pick the newest option with this label offered to this person."""
        for reply in reversed(self.inbox.get(self.party(person), [])):
            for option in reply.options:
                if option.label == label:
                    return self.say(person, "", action=option.action)
        raise AssertionError(f"{person} was offered no option {label!r}")

    def party(self, person: str) -> str:
        return self.engine.party_of("console", person)

    def tick(self, **delta: float) -> list[Reply]:
        return self._deliver(self.engine.tick(self.clock.advance(**delta)))

    def last(self, person: str) -> Reply:
        return self.inbox[self.party(person)][-1]

    def texts(self, person: str) -> list[str]:
        return [r.text for r in self.inbox.get(self.party(person), [])]


def to(replies: list[Reply], person: str) -> list[Reply]:
    return [r for r in replies if r.to == person]
