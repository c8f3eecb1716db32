"""`python -m bot serve --platform telegram` as a process, against the loopback Bot API."""

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import httpx
import pytest
from fakes.telegram_server import FakeTelegram
from telegram_support import AYSE, DIRECTORY, TOKEN

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Mag ik een foto van de schoolreis op Facebook zetten?"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
async def fake(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = FakeTelegram(TOKEN)
    await server.start()
    yield server
    await server.close()
    assert server.problems == []


async def test_serve_answers_on_telegram_and_stops_cleanly(fake, tmp_path):
    (tmp_path / "directory.yaml").write_text(DIRECTORY, encoding="utf-8")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    env |= {
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_API_URL": fake.url,
        "BOT_DB": str(tmp_path / "bot.db"),
        "BOT_DIRECTORY": str(tmp_path / "directory.yaml"),
        "BOT_LISTEN": f"127.0.0.1:{port}",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "bot", "serve", "--platform", "telegram"),
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        fake.say(AYSE, "/start")
        await fake.next_message(AYSE.id, "Hoi!", timeout=20)  # the process takes a moment
        fake.say(AYSE, QUESTION)
        await fake.next_message(AYSE.id)
        fake.say(AYSE, "/regel ML2")
        rule = await fake.next_message(AYSE.id, "Regel ML2")
        assert rule["entities"][0]["type"] == "bold"
        async with httpx.AsyncClient() as client:
            health = (await client.get(f"http://127.0.0.1:{port}/healthz")).json()
        assert health["telegram"] == {"connected": True, "mode": "polling"}
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), timeout=20)
    log = err.decode()
    assert process.returncode == 0, log
    assert "telegram started" in log and "Traceback" not in log
    assert TOKEN not in log and QUESTION not in log
