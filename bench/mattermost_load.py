"""Load on the Mattermost adapter: 50 users ask in direct messages at once.

The loopback Mattermost server (tests/fakes) runs in a child process, as a
real server would; the bot runs here with the real REST driver and our
websocket client. Each user posts a question in a DM; the latency is from
the server storing the question to the server storing the bot's reply (the
websocket event out, the engine turn, the REST post back), measured in the
server process.

Two shapes of load, each with a warm-up round first:
  burst   all users post in the same millisecond, then wait for every reply; repeated
  steady  every user asks, waits for the reply, thinks 0.5-1.5 s, asks again

Run: .venv/bin/python bench/mattermost_load.py [--users 50] [--rounds 10] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fakes.mattermost_server import FakeMattermost  # noqa: E402

from bot.app import build_app  # noqa: E402
from bot.settings import Settings  # noqa: E402
from handlers.mattermost import MattermostConfig, MattermostPlatform  # noqa: E402
from handlers.runtime import Runtime  # noqa: E402

TARGET_P99_MS = 50.0
QUESTIONS = (
    "Een ouder reageert boos op mijn bericht, moet ik terugschrijven?",
    "Mag ik een foto van mijn klas op Instagram zetten?",
    "Wat gebeurt er als ik me niet aan het protocol houd?",
    "Mag ik een leerling volgen op Instagram?",
    "regel ML2",
    "Mag ik op mijn eigen Facebook iets over mijn werk zeggen?",
)


# the server process


def server_process(conn, users: int) -> None:
    asyncio.run(_server(conn, users))


async def _server(conn, count: int) -> None:
    fake = FakeMattermost()
    await fake.start()
    bot = fake.add_user("protocolbot", bot=True)
    users = [fake.add_user(f"collega{i:02d}") for i in range(count)]
    dms = [fake.direct_channel(user, bot) for user in users]
    conn.send({"url": fake.url, "token": bot.token})
    loop = asyncio.get_running_loop()
    while True:
        command, argument = await loop.run_in_executor(None, conn.recv)
        if command == "stop":
            break
        if command == "connected":
            await fake.wait_authenticated(1, timeout=10)
            conn.send(True)
        elif command == "burst":
            conn.send(await _burst(fake, bot, users, dms))
        elif command == "steady":
            conn.send(await _steady(fake, bot, users, dms, argument))
    await fake.close()


async def _ask(fake, bot, user, dm, question: str) -> float:
    started = time.perf_counter()
    await fake.post_as(user, dm, question)
    await fake.next_post(dm.id, by=bot, timeout=30)
    return time.perf_counter() - started


async def _burst(fake, bot, users, dms) -> list[float]:
    asks = [
        _ask(fake, bot, user, dm, QUESTIONS[i % len(QUESTIONS)])
        for i, (user, dm) in enumerate(zip(users, dms, strict=True))
    ]
    return list(await asyncio.gather(*asks))


async def _steady(fake, bot, users, dms, seconds: float) -> list[float]:
    deadline = time.perf_counter() + seconds
    rng = random.Random(7)

    async def user_loop(index: int) -> list[float]:
        latencies = []
        await asyncio.sleep(rng.uniform(0, 1))  # users do not start in step
        while time.perf_counter() < deadline:
            question = QUESTIONS[(index + len(latencies)) % len(QUESTIONS)]
            latencies.append(await _ask(fake, bot, users[index], dms[index], question))
            await asyncio.sleep(rng.uniform(0.5, 1.5))
        return latencies

    results = await asyncio.gather(*(user_loop(i) for i in range(len(users))))
    return [latency for latencies in results for latency in latencies]


# the bot process


async def run(args: argparse.Namespace) -> None:
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    server = context.Process(target=server_process, args=(child, args.users), daemon=True)
    server.start()
    info = parent.recv()
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder) / "directory.yaml"  # the users are not in it: parties by user id
        directory.write_text("people:\n  - {id: bench, name: Bench}\n", encoding="utf-8")
        app = build_app(Settings(db=Path(folder) / "bench.db", directory=directory))
        runtime = Runtime(app.engine)
        env = {
            "MATTERMOST_URL": info["url"],
            "MATTERMOST_TOKEN": info["token"],
            "MATTERMOST_SLASH_TOKEN": "bench",
            "BOT_PUBLIC_URL": "http://127.0.0.1:9",
        }
        platform = MattermostPlatform(MattermostConfig.from_env(env), app, runtime)
        runtime.platforms = [platform]
        await platform.start()
        try:
            await _call(parent, "connected")
            await report(parent, args, platform)
        finally:
            await platform.stop()
            app.close()
            parent.send(("stop", None))
            server.join(10)


async def _call(parent, command: str, argument: object = None):
    parent.send((command, argument))
    return await asyncio.get_running_loop().run_in_executor(None, parent.recv)


async def report(parent, args: argparse.Namespace, platform: MattermostPlatform) -> None:
    print(f"Mattermost adapter, {args.users} users, direct messages over the loopback server")
    await _call(parent, "burst")  # warm-up
    burst: list[float] = []
    started, cpu = time.perf_counter(), cpu_seconds()
    for _ in range(args.rounds):
        burst += await _call(parent, "burst")
    show(f"burst x{args.rounds}", burst, time.perf_counter() - started, cpu_seconds() - cpu)
    started, cpu = time.perf_counter(), cpu_seconds()
    steady = await _call(parent, "steady", args.seconds)
    show(f"steady {args.seconds:.0f}s", steady, time.perf_counter() - started, cpu_seconds() - cpu)
    print(f"reconnects during the run: {platform.health()['reconnects']}")


def cpu_seconds() -> float:
    """CPU time of this (the bot's) process, all threads."""
    times = os.times()
    return times.user + times.system


def show(label: str, latencies: list[float], elapsed: float, cpu: float) -> None:
    ms = sorted(latency * 1000 for latency in latencies)
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    verdict = "meets" if p99 < TARGET_P99_MS else "misses"
    print(
        f"{label:>12}: {len(ms):5d} replies  {len(ms) / elapsed:7.1f} messages/s  "
        f"p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  max {ms[-1]:6.1f} ms  "
        f"bot CPU {cpu * 1000 / len(ms):.1f} ms/message  ({verdict} p99 < {TARGET_P99_MS:.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10.0)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
