"""The loopback Mattermost server made cheap enough to drive a load test, and the load shapes.

`LoadServer` is the tests' `FakeMattermost` (same routes, validation, JSON
and websocket frames) minus what only tests need and what grows with every
post: it keeps no post history and no list of records to scan, and looks
tokens up in a dict. That keeps the server's cost per message small and
constant, so what the benchmark measures is the bot.

Latency is taken in this process, on one clock: from the moment the server
emits the `posted` event of a user's question (queues it for the bot's
websocket) to the moment the bot's reply arrives (`POST /posts` reaches the
handler). Replies are matched to questions in order per direct channel; the
bot answers one person's messages in order.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from fakes.mattermost_model import Channel, User, new_post
from fakes.mattermost_server import FakeMattermost

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
QUESTIONS: tuple[str, ...] = tuple(
    case["q"]
    for name in ("holdout.yaml", "holdout2.yaml")
    for case in yaml.safe_load((EVAL / name).read_text(encoding="utf-8"))
)
"""Staff questions held out from the knowledge base: every kind of reply, in real proportions."""
VARIANTS = 25  # x ~300 questions: more distinct texts than the bot's memo caches hold


@dataclass
class _Asked:
    at: float
    done: asyncio.Future[float] | None = None


@dataclass
class Tally:
    """Replies counted since the last `take()`."""

    latencies: list[float] = field(default_factory=list)
    extra: int = 0  # bot posts in a DM with no question waiting (should stay 0)


class LoadServer(FakeMattermost):
    def __init__(self) -> None:
        super().__init__()
        self.bot: User | None = None
        self.tally = Tally()
        self.replied = 0  # every reply since the start
        self._asked: dict[str, deque[_Asked]] = {}
        self._by_token: dict[str, User] = {}

    def add_user(self, username: str, *, bot: bool = False) -> User:
        user = super().add_user(username, bot=bot)
        self._by_token[user.token] = user
        if bot:
            self.bot = user
        return user

    def user_by_token(self, token: str | None) -> User | None:
        return self._by_token.get(token) if token else None

    async def create_post(self, user: User, body: dict[str, Any], kind: str = "") -> dict[str, Any]:
        return self._store(user, body, kind)

    def _store(self, user: User, body: dict[str, Any], kind: str = "") -> dict[str, Any]:
        """As the fake does (emit `posted`), minus the history; time question and reply."""
        post = new_post(user, body, self._now_ms(), kind)
        channel = self.channels[post["channel_id"]]
        channel.last_post_at = post["create_at"]
        if user is self.bot:
            self._reply(channel.id)
        self.emit_posted(channel, user, post, self._mentioned(channel, user, post["message"]))
        if user is not self.bot:
            self._asked.setdefault(channel.id, deque()).append(_Asked(time.perf_counter()))
        self.requests.clear()  # the middleware's request log, kept for tests only
        return post

    def ask(self, user: User, dm: Channel, text: str) -> asyncio.Future[float]:
        """The user posts a question in a DM; the future gets the reply latency (seconds)."""
        self._store(user, {"channel_id": dm.id, "message": text, "root_id": ""})
        asked = self._asked[dm.id][-1]
        asked.done = asyncio.get_running_loop().create_future()
        return asked.done

    def _reply(self, channel_id: str) -> None:
        now = time.perf_counter()
        waiting = self._asked.get(channel_id)
        if not waiting:
            self.tally.extra += 1
            return
        asked = waiting.popleft()
        latency = now - asked.at
        self.tally.latencies.append(latency)
        self.replied += 1
        if asked.done is not None:
            asked.done.set_result(latency)

    def take(self) -> Tally:
        tally, self.tally = self.tally, Tally()
        return tally


# the shapes of load


def question(turn: int) -> str:
    """The held-out questions in turn, each round with other closing punctuation.

    People do not repeat each other word for word; with a handful of texts
    the memo caches of folding and tokenising would hit every time, which
    real traffic does not. The punctuation is folded away, so every variant
    gets the same answer as the question itself.
    """
    text = QUESTIONS[turn % len(QUESTIONS)].rstrip("?!. ")
    variant = turn // len(QUESTIONS) % VARIANTS
    return text + "?" * (variant % 5 + 1) + "!" * (variant // 5)


async def burst(server: LoadServer, users: list[User], dms: list[Channel], turn: int) -> None:
    """Every user posts in the same millisecond; wait for every reply."""
    asked = [
        server.ask(user, dm, question(turn + i))
        for i, (user, dm) in enumerate(zip(users, dms, strict=True))
    ]
    await asyncio.wait_for(asyncio.gather(*asked), 60)


async def open_loop(
    server: LoadServer, users: list[User], dms: list[Channel], rate: float, count: int, seed: int
) -> None:
    """`count` questions at `rate` per second in all, at random (Poisson) moments, from
    random users, whether or not earlier ones were answered; then wait for the replies.

    Questions are sent when they are due even if the sender fell behind, so a
    slow bot shows up as latency instead of as a lower offered load.
    """
    rng = random.Random(seed)
    loop = asyncio.get_running_loop()
    due = loop.time()
    target = server.replied + count
    for turn in range(count):
        due += rng.expovariate(rate)
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        index = rng.randrange(len(users))
        server.ask(users[index], dms[index], question(turn))
    give_up = loop.time() + 300  # an overloaded bot works off its backlog first
    while server.replied < target:
        if loop.time() > give_up:
            raise TimeoutError(f"{target - server.replied} questions not answered in 300 s")
        await asyncio.sleep(0.01)


async def closed_loop(
    server: LoadServer, users: list[User], dms: list[Channel], count: int, first_turn: int = 0
) -> None:
    """`count` questions in all; every user asks again the moment the reply arrives."""
    asked = 0

    async def user_loop(index: int) -> None:
        nonlocal asked
        while asked < count:
            asked += 1
            reply = server.ask(users[index], dms[index], question(first_turn + asked))
            await asyncio.wait_for(reply, 60)

    await asyncio.gather(*(user_loop(i) for i in range(len(users))))
