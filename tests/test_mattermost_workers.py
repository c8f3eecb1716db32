"""Several processes serving Mattermost together (BOT_WORKERS): each person answered once."""

from __future__ import annotations

import asyncio
import os
import signal
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import aiohttp
from serve_support import mattermost_env, start_serve

from bot.settings import Settings, SettingsError
from bot.store import Store
from handlers.workers import Share

if TYPE_CHECKING:
    from fakes.mattermost_bot import School
    from fakes.mattermost_server import FakeMattermost

pytest_plugins = ["fakes.mattermost_bot"]

QUESTION = "mag ik een foto van mijn klas op insta zetten?"


def people_of_both_workers(fake: FakeMattermost, each: int) -> list:
    """`each` new users owned by worker 0 of 2 and `each` by worker 1 (ids are random)."""
    owned: dict[int, list] = {0: [], 1: []}
    number = 0
    while min(len(people) for people in owned.values()) < each:
        user = fake.add_user(f"collega{number}")
        number += 1
        mine = owned[0 if Share(0, 2).owns(user.id) else 1]
        if len(mine) < each:
            mine.append(user)
    return owned[0] + owned[1]


def test_mattermost_workers_share_the_people_between_them():
    users = [f"user{n:03d}" for n in range(300)]
    shares = [Share(worker, 3) for worker in range(3)]
    owners = Counter(sum(share.owns(u) for share in shares) for u in users)
    assert owners == {1: 300}  # everyone has exactly one worker
    per_worker = [sum(share.owns(u) for u in users) for share in shares]
    assert min(per_worker) > 60  # and the load is spread
    assert Share().owns("anyone") and Share().lead


def test_mattermost_workers_setting_is_checked():
    assert Settings.from_env({"BOT_WORKERS": "2"}).workers == 2
    assert Settings.from_env({}).workers == 1
    for wrong in ("0", "17", "twee"):
        try:
            Settings.from_env({"BOT_WORKERS": wrong})
        except SettingsError as exc:
            assert "BOT_WORKERS must be a whole number from 1 to 16" in str(exc)
        else:
            raise AssertionError(f"BOT_WORKERS={wrong} accepted")


def test_mattermost_workers_deliver_only_the_replies_they_wrote(tmp_path: Path):
    from datetime import UTC, datetime

    now = datetime(2026, 11, 25, tzinfo=UTC)
    first, second = Store(tmp_path / "bot.db", worker=0), Store(tmp_path / "bot.db", worker=1)
    try:
        with first.transaction("test"):
            mine = first.enqueue("akaya", {"text": "een"}, now)
        with second.transaction("test"):
            theirs = second.enqueue("akaya", {"text": "twee"}, now)
        assert [row["id"] for row in first.undelivered()] == [mine]
        assert [row["id"] for row in second.undelivered("akaya")] == [theirs]
        assert first.adopt_replies(2) == 0  # worker 1 still exists
        assert first.adopt_replies(1) == 1  # BOT_WORKERS lowered to 1: worker 0 takes over
        assert [row["id"] for row in first.undelivered()] == [mine, theirs]
    finally:
        first.close()
        second.close()


async def test_mattermost_two_workers_answer_each_person_once(
    fake: FakeMattermost, school: School, tmp_path: Path
):
    from fakes.mattermost_bot import start_bot

    bots = [await start_bot(fake, school, tmp_path, worker=w, workers=2) for w in (0, 1)]
    try:
        people = people_of_both_workers(fake, 6)
        dms = [fake.direct_channel(person, school.bot) for person in people]
        for person, dm in zip(people, dms, strict=True):
            await fake.post_as(person, dm, QUESTION)
        for dm in dms:
            await fake.next_post(dm.id, by=school.bot)
        for running in bots:
            await running.platform.drain()
        assert [len(fake.posts_in(dm.id, by=school.bot)) for dm in dms] == [1] * 12
        answered_by = [
            [w for w, running in enumerate(bots) if running.platform.share.owns(p.id)]
            for p in people
        ]
        assert all(len(owners) == 1 for owners in answered_by)
        assert {owners[0] for owners in answered_by} == {0, 1}  # both took part
    finally:
        for running in bots:
            await running.stop()


async def test_mattermost_serve_with_two_workers_answers_once_and_stops_them_all(
    fake: FakeMattermost, school: School, tmp_path: Path, unused_tcp_port: int
):
    public = f"http://127.0.0.1:{unused_tcp_port}"
    env = mattermost_env(fake, school, tmp_path, unused_tcp_port, BOT_WORKERS="2")
    process = await start_serve(env, "mattermost")
    try:
        await fake.wait_authenticated(2, timeout=30)  # worker 0 and worker 1
        people = people_of_both_workers(fake, 4)
        dms = [fake.direct_channel(person, school.bot) for person in people]
        for person, dm in zip(people, dms, strict=True):
            await fake.post_as(person, dm, QUESTION)
        for dm in dms:
            await fake.next_post(dm.id, by=school.bot, timeout=20)
        async with aiohttp.ClientSession() as session:
            response = await session.get(public + "/healthz")  # worker 0 serves HTTP
            health = await response.json()
            assert response.status == 200 and health["workers"] == {"wanted": 2, "running": 2}
            # worker 1 hands its counters to worker 0 within PUBLISH_SECONDS
            counted = await questions_counted(session, public, until=len(people))
        assert counted == len(people)
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 40)
    log = err.decode()
    assert process.returncode == 0, log
    assert [len(fake.posts_in(dm.id, by=school.bot)) for dm in dms] == [1] * 8
    assert "worker 1 started" in log and "Traceback" not in log
    assert "worker=1 answered platform=mattermost" in log  # each line says whose it is
    assert "serving platforms=mattermost worker=1" in log
    assert "stopped with status" not in log  # no worker died or was restarted


async def questions_counted(session: aiohttp.ClientSession, public: str, until: int) -> int:
    """The questions /metrics counts, asked again until it reaches `until` (20 s at most)."""
    deadline = asyncio.get_running_loop().time() + 20
    while True:
        async with session.get(public + "/metrics") as response:
            text = await response.text()
        counted = sum(
            int(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line.startswith("protocolbot_questions_total{")
        )
        if counted >= until or asyncio.get_running_loop().time() > deadline:
            return counted
        await asyncio.sleep(0.2)  # polling an HTTP endpoint: nothing to wait on


async def test_mattermost_workers_stop_when_worker_0_is_killed(
    fake: FakeMattermost, school: School, tmp_path: Path, unused_tcp_port: int
):
    """A kill -9 of worker 0 leaves no worker answering on its own."""
    env = mattermost_env(fake, school, tmp_path, unused_tcp_port, BOT_WORKERS="3")
    process = await start_serve(env, "mattermost", stderr=asyncio.subprocess.DEVNULL)
    try:
        await fake.wait_authenticated(3, timeout=30)
        await fake.wait_connections(3)
    finally:
        process.kill()
        await process.wait()
    await fake.wait_connections(0, timeout=20)  # workers 1 and 2 closed theirs and ended


async def test_mattermost_workers_refuse_to_serve_telegram_as_well(tmp_path: Path):
    env = {"BOT_DB": str(tmp_path / "bot.db"), "BOT_WORKERS": "2"}
    process = await start_serve(env, "mattermost", "telegram")
    _, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    assert "BOT_WORKERS=2 works with --platform mattermost alone" in err.decode()
    assert "Traceback" not in err.decode()


async def test_mattermost_worker_that_dies_is_restarted(
    fake: FakeMattermost, school: School, tmp_path: Path, unused_tcp_port: int
):
    env = mattermost_env(fake, school, tmp_path, unused_tcp_port, BOT_WORKERS="2")
    process = await start_serve(env, "mattermost")
    try:
        await fake.wait_authenticated(2, timeout=30)
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        os.kill(int(children[0]), signal.SIGKILL)
        await fake.wait_authenticated(3, timeout=30)  # worker 1 again, after the pause
        person = people_of_both_workers(fake, 1)[1]  # owned by worker 1
        dm = fake.direct_channel(person, school.bot)
        await fake.post_as(person, dm, QUESTION)
        await fake.next_post(dm.id, by=school.bot, timeout=20)
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 40)
    assert process.returncode == 0
    assert "worker 1 stopped with status -9; restarting in 1s" in err.decode()
