"""`python -m bot serve` as a real process, for the tests that run the whole command."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fakes.mattermost_bot import School
    from fakes.mattermost_server import FakeMattermost

ROOT = Path(__file__).resolve().parent.parent


def cli_env(extra: dict[str, str]) -> dict[str, str]:
    """This environment without the bot's own settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MATTERMOST_", "BOT_"))}
    return {**env, **extra}


def mattermost_env(
    fake: FakeMattermost, school: School, folder: Path, port: int, **extra: str
) -> dict[str, str]:
    """Everything `serve --platform mattermost` needs to serve `fake` on `port`."""
    public = f"http://127.0.0.1:{port}"
    return {
        "MATTERMOST_URL": fake.url,
        "MATTERMOST_TOKEN": school.bot.token,
        "MATTERMOST_SLASH_TOKEN": "slash",
        "BOT_PUBLIC_URL": public,
        "BOT_LISTEN": f"127.0.0.1:{port}",
        "BOT_DB": str(folder / "bot.db"),
        "BOT_DIRECTORY": str(school.directory),
        **extra,
    }


async def start_serve(
    env: dict[str, str], *platforms: str, stderr: int = asyncio.subprocess.PIPE
) -> asyncio.subprocess.Process:
    """`python -m bot serve --platform ...` with `env` over a clean environment."""
    options = [option for platform in platforms for option in ("--platform", platform)]
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "serve", *options,
        cwd=ROOT, env=cli_env(env), stderr=stderr,
    )  # fmt: skip
