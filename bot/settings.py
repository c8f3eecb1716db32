"""One typed settings object, read once from the environment and passed down."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_DB = Path("protocolbot.sqlite3")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
MAX_WORKERS = 16


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def merged_environment(env: Mapping[str, str]) -> dict[str, str]:
    """The environment over an optional settings file (BOT_SETTINGS_FILE, KEY=VALUE lines).

    The environment wins, so a secret can live in the environment while the
    rest sits in a file. SettingsError names the file line of a bad line.
    """
    path = env.get("BOT_SETTINGS_FILE", "").strip()
    if not path:
        return dict(env)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SettingsError([f"BOT_SETTINGS_FILE {path}: cannot read ({exc.strerror})"]) from None
    from_file: dict[str, str] = {}
    problems = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.partition("=")
        if not sep or not name.strip().isidentifier():
            problems.append(f"{path}:{number}: expected NAME=value")
            continue
        from_file[name.strip()] = value.strip().strip('"').strip("'")
    if problems:
        raise SettingsError(problems)
    return {**from_file, **env}


class SettingsError(Exception):
    """Settings that are missing or wrong; the message names every problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Settings:
    db: Path = DEFAULT_DB
    knowledge: Path | None = None
    directory: Path | None = None
    default_contact: str | None = None
    remind_after: timedelta = timedelta(hours=24)
    standin_after: timedelta = timedelta(hours=48)
    expire_after: timedelta = timedelta(days=7)
    retention: timedelta = timedelta(days=90)
    listen_host: str = "127.0.0.1"
    listen_port: int = 8080
    public_url: str = ""
    tick_interval: timedelta = timedelta(seconds=60)
    timezone: str = "Europe/Amsterdam"
    log_question_text: bool = False
    question_text_retention: timedelta = timedelta(days=30)
    admins: frozenset[str] = frozenset()
    log_format: str = "text"
    log_level: str = "INFO"
    workers: int = 1

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        problems: list[str] = []
        reader = _Reader(env, problems)
        listen = reader.address("BOT_LISTEN", ("127.0.0.1", 8080))
        settings = cls(
            db=reader.path("BOT_DB") or DEFAULT_DB,
            knowledge=reader.path("BOT_KNOWLEDGE"),
            directory=reader.path("BOT_DIRECTORY"),
            default_contact=env.get("BOT_DEFAULT_CONTACT") or None,
            remind_after=reader.duration("BOT_REMIND_AFTER_HOURS", "hours", 24),
            standin_after=reader.duration("BOT_STANDIN_AFTER_HOURS", "hours", 48),
            expire_after=reader.duration("BOT_EXPIRE_AFTER_DAYS", "days", 7),
            retention=reader.duration("BOT_RETENTION_DAYS", "days", 90),
            listen_host=listen[0],
            listen_port=listen[1],
            public_url=env.get("BOT_PUBLIC_URL", "").strip().rstrip("/"),
            tick_interval=reader.duration("BOT_TICK_SECONDS", "seconds", 60),
            timezone=env.get("BOT_TIMEZONE", "").strip() or "Europe/Amsterdam",
            log_question_text=reader.flag("BOT_LOG_QUESTION_TEXT"),
            question_text_retention=reader.duration("BOT_QUESTION_TEXT_RETENTION_DAYS", "days", 30),
            admins=frozenset(a.strip() for a in env.get("BOT_ADMINS", "").split(",") if a.strip()),
            log_format=reader.choice("BOT_LOG_FORMAT", ("text", "json"), "text"),
            log_level=reader.choice("BOT_LOG_LEVEL", LOG_LEVELS, "INFO", upper=True),
            workers=reader.number("BOT_WORKERS", 1, MAX_WORKERS),
        )
        if not _known_zone(settings.timezone):
            problems.append(f"BOT_TIMEZONE {settings.timezone!r} is not a known time zone")
        if settings.standin_after < settings.remind_after:
            problems.append(
                "BOT_STANDIN_AFTER_HOURS must not be shorter than BOT_REMIND_AFTER_HOURS"
            )
        if problems:
            raise SettingsError(problems)
        return settings


class _Reader:
    def __init__(self, env: Mapping[str, str], problems: list[str]) -> None:
        self.env = env
        self.problems = problems

    def path(self, name: str) -> Path | None:
        value = self.env.get(name, "").strip()
        return Path(value) if value else None

    def address(self, name: str, default: tuple[str, int]) -> tuple[str, int]:
        raw = self.env.get(name, "").strip()
        if not raw:
            return default
        host, _, port = raw.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            self.problems.append(f"{name} must be host:port, like 127.0.0.1:8080, not {raw!r}")
            return default
        return host.strip("[]"), int(port)

    def choice(self, name: str, allowed: tuple[str, ...], default: str, upper: bool = False) -> str:
        raw = self.env.get(name, "").strip()
        value = raw.upper() if upper else raw.lower()
        if not raw:
            return default
        if value not in allowed:
            self.problems.append(f"{name} must be one of {', '.join(allowed)}, not {raw!r}")
            return default
        return value

    def number(self, name: str, default: int, highest: int) -> int:
        raw = self.env.get(name, "").strip()
        if not raw:
            return default
        if not raw.isdigit() or not 1 <= int(raw) <= highest:
            self.problems.append(f"{name} must be a whole number from 1 to {highest}, not {raw!r}")
            return default
        return int(raw)

    def flag(self, name: str) -> bool:
        raw = self.env.get(name, "").strip().lower()
        if raw in ("", "0", "false", "no", "off"):
            return False
        if raw in ("1", "true", "yes", "on"):
            return True
        self.problems.append(f"{name} must be true or false, not {raw!r}")
        return False

    def duration(self, name: str, unit: str, default: float) -> timedelta:
        raw = self.env.get(name, "").strip()
        if not raw:
            return timedelta(**{unit: default})
        try:
            value = float(raw)
        except ValueError:
            self.problems.append(f"{name} must be a number of {unit}, not {raw!r}")
            return timedelta(**{unit: default})
        if value <= 0:
            self.problems.append(f"{name} must be more than 0")
        return timedelta(**{unit: value})
