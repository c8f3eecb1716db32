"""Explicit wiring: settings -> knowledge base, directory, store -> engine."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import Core, load_core
from bot.directory import BUNDLED_DEMO_DIRECTORY, Directory
from bot.directory_loader import load_directory
from bot.engine import Clock, Engine, utc_now
from bot.settings import Settings
from bot.store import Fault, Store, no_fault


@dataclass
class App:
    settings: Settings
    store: Store
    engine: Engine
    worker: int = 0  # this process's number among BOT_WORKERS; 0 runs the timers and HTTP

    @property
    def core(self) -> Core:
        """The engine's: a reload (SIGHUP, /protocol reload) swaps it there."""
        return self.engine.core

    @property
    def directory(self) -> Directory:
        """The engine's: a reload swaps it there."""
        return self.engine.directory

    def close(self) -> None:
        self.store.close()


def build_app(
    settings: Settings, clock: Clock = utc_now, fault: Fault = no_fault, worker: int = 0
) -> App:
    core = load_core(settings.knowledge)
    directory = load_directory(settings.directory or BUNDLED_DEMO_DIRECTORY)
    store = Store(settings.db, fault, worker)
    engine = Engine(core, store, directory, settings, clock)
    return App(settings, store, engine, worker)
