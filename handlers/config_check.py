"""`python -m bot config check`: the effective settings, secrets masked, and their problems.

Core settings always; a platform's settings when asked for with --platform or
when any of its variables is set. Exit status 1 names every problem.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.directory import BUNDLED_DEMO_DIRECTORY
from bot.directory_loader import check_directory
from bot.kb_loader import BUNDLED_KNOWLEDGE, check_knowledge
from bot.settings import Settings, SettingsError
from handlers.mattermost.config import MattermostConfig
from handlers.telegram.config import TelegramSettings

SECRETS = frozenset(
    {
        "MATTERMOST_TOKEN",
        "MATTERMOST_SLASH_TOKEN",
        "BOT_BUTTON_SECRET",
        "TELEGRAM_TOKEN",
        "TELEGRAM_WEBHOOK_SECRET",
    }
)
CORE = (
    "BOT_DB",
    "BOT_KNOWLEDGE",
    "BOT_DIRECTORY",
    "BOT_DEFAULT_CONTACT",
    "BOT_LISTEN",
    "BOT_PUBLIC_URL",
    "BOT_ADMINS",
    "BOT_REMIND_AFTER_HOURS",
    "BOT_STANDIN_AFTER_HOURS",
    "BOT_EXPIRE_AFTER_DAYS",
    "BOT_RETENTION_DAYS",
    "BOT_LOG_QUESTION_TEXT",
    "BOT_QUESTION_TEXT_RETENTION_DAYS",
    "BOT_TICK_SECONDS",
    "BOT_TIMEZONE",
    "BOT_LOG_FORMAT",
    "BOT_LOG_LEVEL",
    "BOT_WORKERS",
    "BOT_SETTINGS_FILE",
)
PLATFORM_VARIABLES = {
    "mattermost": (
        "MATTERMOST_URL",
        "MATTERMOST_TOKEN",
        "MATTERMOST_SLASH_TOKEN",
        "BOT_BUTTON_SECRET",
        "MATTERMOST_CA_FILE",
    ),
    "telegram": (
        "TELEGRAM_TOKEN",
        "TELEGRAM_WEBHOOK_SECRET",
        "TELEGRAM_BOT_USERNAME",
        "TELEGRAM_API_URL",
    ),
}


def masked(name: str, value: str) -> str:
    value = value.strip()
    if not value:
        return "(not set)"
    return "******** (set)" if name in SECRETS else value


def check_config(env: Mapping[str, str], platforms: list[str]) -> tuple[list[str], list[str]]:
    """(lines describing the effective settings, problems)."""
    chosen = [
        p for p, names in PLATFORM_VARIABLES.items() if p in platforms or _any_set(env, names)
    ]
    effective = _effective_core(env)
    names = CORE + tuple(n for p in chosen for n in PLATFORM_VARIABLES[p])
    lines = [f"{name}={effective.get(name) or masked(name, env.get(name, ''))}" for name in names]
    problems = _core_problems(env)
    workers = env.get("BOT_WORKERS", "").strip()
    if workers.isdigit() and int(workers) > 1 and set(platforms) - {"mattermost"}:
        problems.append(f"BOT_WORKERS={workers} works with --platform mattermost alone")
    if "mattermost" in chosen:
        problems += _problems(lambda: MattermostConfig.from_env(env))
    if "telegram" in chosen:
        problems += _problems(lambda: TelegramSettings.from_env(env, env.get("BOT_PUBLIC_URL", "")))
    return lines, problems


def _effective_core(env: Mapping[str, str]) -> dict[str, str]:
    """What the core settings come to, defaults included (empty when they do not parse)."""
    try:
        s = Settings.from_env(env)
    except SettingsError:
        return {}
    default = " (default)"

    def given(name: str, value: object) -> str:
        return f"{value}" if env.get(name, "").strip() else f"{value}{default}"

    return {
        "BOT_DB": given("BOT_DB", s.db),
        "BOT_KNOWLEDGE": given("BOT_KNOWLEDGE", s.knowledge or BUNDLED_KNOWLEDGE),
        "BOT_DIRECTORY": given("BOT_DIRECTORY", s.directory or BUNDLED_DEMO_DIRECTORY),
        "BOT_LISTEN": given("BOT_LISTEN", f"{s.listen_host}:{s.listen_port}"),
        "BOT_REMIND_AFTER_HOURS": given("BOT_REMIND_AFTER_HOURS", s.remind_after),
        "BOT_STANDIN_AFTER_HOURS": given("BOT_STANDIN_AFTER_HOURS", s.standin_after),
        "BOT_EXPIRE_AFTER_DAYS": given("BOT_EXPIRE_AFTER_DAYS", s.expire_after),
        "BOT_RETENTION_DAYS": given("BOT_RETENTION_DAYS", s.retention),
        "BOT_LOG_QUESTION_TEXT": given("BOT_LOG_QUESTION_TEXT", s.log_question_text),
        "BOT_QUESTION_TEXT_RETENTION_DAYS": given(
            "BOT_QUESTION_TEXT_RETENTION_DAYS", s.question_text_retention
        ),
        "BOT_TICK_SECONDS": given("BOT_TICK_SECONDS", s.tick_interval),
        "BOT_TIMEZONE": given("BOT_TIMEZONE", s.timezone),
        "BOT_LOG_FORMAT": given("BOT_LOG_FORMAT", s.log_format),
        "BOT_LOG_LEVEL": given("BOT_LOG_LEVEL", s.log_level),
        "BOT_WORKERS": given("BOT_WORKERS", s.workers),
    }


def _any_set(env: Mapping[str, str], names: tuple[str, ...]) -> bool:
    return any(env.get(n, "").strip() for n in names if n not in ("BOT_BUTTON_SECRET",))


def _problems(read) -> list[str]:
    try:
        read()
    except SettingsError as exc:
        return list(exc.problems)
    return []


def _core_problems(env: Mapping[str, str]) -> list[str]:
    try:
        settings = Settings.from_env(env)
    except SettingsError as exc:
        return list(exc.problems)
    _, kb_problems = check_knowledge(settings.knowledge or BUNDLED_KNOWLEDGE)
    _, directory_problems = check_directory(settings.directory or BUNDLED_DEMO_DIRECTORY)
    return [str(p) for p in (*kb_problems, *directory_problems)]
