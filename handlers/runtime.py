"""The async side shared by all platforms: runs the engine, routes and delivers replies.

The engine is synchronous and fast (one SQLite transaction per turn), so it
runs on the event loop itself: no threads touch the database. Each platform
adapter turns its events into `Incoming` values and calls `handle()`; replies
for the conversation the person wrote in come back to the adapter, the rest
is routed here to the platform where the addressee can be reached.
Undelivered replies stay in the outbox and are retried by `flush()`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import Protocol

from aiohttp import web

from bot.engine import Engine
from bot.evaluation import ACTIONS as FIRST_REPLY_ACTIONS
from bot.messages import Incoming, Reply
from handlers.metrics import CONTENT_TYPE, Metrics

log = logging.getLogger(__name__)


class DeliveryError(Exception):
    """A platform could not deliver a reply now; it stays in the outbox."""


class Platform(Protocol):
    name: str

    def routes(self) -> list[web.RouteDef]:
        """HTTP routes this platform adds to the shared server (may be empty)."""

    async def start(self) -> None:
        """Connect; raise an error with a clear message when the settings are wrong."""

    async def stop(self) -> None: ...

    def can_reach(self, reply: Reply) -> bool:
        """Whether this platform can deliver the reply (its conversation or addressee)."""

    async def send(self, reply: Reply) -> None:
        """Deliver one reply; raise DeliveryError when that fails."""

    def health(self) -> dict[str, object]: ...


class RetrySchedule:
    """When a reply that could not be delivered is tried again: 1 minute, doubling to 1 hour.

    A manager who blocked the bot, or someone who never started it, must not
    cost a failed call and a warning on every tick forever.
    """

    FIRST = 60.0
    LONGEST = 3600.0

    def __init__(self) -> None:
        self._failures: dict[int, int] = {}
        self._next: dict[int, float] = {}

    def postpone(self, outbox_id: int, now: float) -> None:
        failures = self._failures.get(outbox_id, 0) + 1
        self._failures[outbox_id] = failures
        self._next[outbox_id] = now + min(self.FIRST * 2 ** (failures - 1), self.LONGEST)

    def due(self, outbox_id: int | None, now: float) -> bool:
        return outbox_id is None or self._next.get(outbox_id, 0.0) <= now

    def forget(self, outbox_id: int) -> None:
        self._failures.pop(outbox_id, None)
        self._next.pop(outbox_id, None)


class Runtime:
    def __init__(
        self,
        engine: Engine,
        platforms: Sequence[Platform] = (),
        metrics: Metrics | None = None,
    ) -> None:
        self.engine = engine
        self.platforms: list[Platform] = list(platforms)
        self.metrics = metrics or Metrics()
        self._in_flight: set[int] = set()
        self._retries = RetrySchedule()
        self._flush_lock = asyncio.Lock()
        self._marking: list[Reply] = []  # sent, waiting for the next group commit
        self._marked: asyncio.Future[None] | None = None

    def handle(self, incoming: Incoming) -> list[Reply]:
        """Run one turn. Errors never reach the user as a traceback."""
        started = time.perf_counter()
        try:
            replies = self.engine.handle(incoming)
        except Exception:
            log.exception(
                "turn failed platform=%s conversation=%s", incoming.platform, incoming.conversation
            )
            return []
        self.metrics.reply_latency(time.perf_counter() - started)
        for reply in replies:
            if reply.answer is not None and reply.answer.action in FIRST_REPLY_ACTIONS:
                self.metrics.question(reply.answer.action)
                log.info(
                    "answered platform=%s user=%s conversation=%s action=%s entry=%s score=%s",
                    incoming.platform,
                    incoming.user,
                    incoming.conversation,
                    reply.answer.action,
                    reply.answer.entry,
                    reply.answer.score,
                )
        return replies

    def split(self, incoming: Incoming, replies: list[Reply]) -> tuple[list[Reply], list[Reply]]:
        """Replies for the conversation the person wrote in, and the rest."""
        here = [r for r in replies if r.conversation == incoming.conversation]
        elsewhere = [r for r in replies if r.conversation != incoming.conversation]
        self._in_flight.update(r.outbox_id for r in replies if r.outbox_id is not None)
        return here, elsewhere

    def delivered(self, replies: list[Reply]) -> None:
        self.engine.delivered(replies)
        self._in_flight.difference_update(r.outbox_id for r in replies)

    async def mark_delivered(self, replies: list[Reply]) -> None:
        """`delivered()` as a group commit: the replies sent during one turn of the event
        loop are marked in one transaction, instead of one transaction each.

        Returns once the mark is committed, as `delivered()` does. The reply
        was posted before this is called, so a kill -9 in between sends it
        again after a restart: that window grows by at most one turn of the
        event loop.
        """
        if not replies:
            return
        self._marking.extend(replies)
        if self._marked is None:
            loop = asyncio.get_running_loop()
            self._marked = loop.create_future()
            loop.call_soon(self._commit_marks)
        # shielded: a waiter that is cancelled must not cancel the others' commit
        await asyncio.shield(self._marked)

    def _commit_marks(self) -> None:
        replies, self._marking = self._marking, []
        marked, self._marked = self._marked, None
        assert marked is not None
        try:
            self.delivered(replies)
        except Exception as exc:
            marked.set_exception(exc)
        else:
            marked.set_result(None)

    def failed(self, replies: list[Reply]) -> None:
        """Give replies back to the outbox; flush retries them, less often each time."""
        self._in_flight.difference_update(r.outbox_id for r in replies)
        for reply in replies:
            if reply.outbox_id is not None:
                self._retries.postpone(reply.outbox_id, time.monotonic())

    async def deliver(self, replies: list[Reply]) -> None:
        for reply in replies:
            if reply.outbox_id is not None:
                self._in_flight.add(reply.outbox_id)
            try:
                await self._route(reply)
            except DeliveryError as exc:
                log.warning("delivery postponed outbox=%s reason=%s", reply.outbox_id, exc)
                self.failed([reply])
            else:
                self.delivered([reply])
                if reply.outbox_id is not None:
                    self._retries.forget(reply.outbox_id)

    async def _route(self, reply: Reply) -> None:
        for platform in self.platforms:
            if platform.can_reach(reply):
                await platform.send(reply)
                return
        raise DeliveryError(f"no platform reaches {reply.to}")

    async def flush(self, backoff: bool = False) -> None:
        """Deliver what the outbox still holds.

        Platforms call this when someone may have become reachable (a start,
        a reconnect): then everything is tried. The periodic tick passes
        `backoff=True`, so a reply that keeps failing is tried less often.
        """
        async with self._flush_lock:
            now = time.monotonic()
            waiting = [
                r
                for r in self.engine.undelivered()
                if r.outbox_id not in self._in_flight
                and (not backoff or self._retries.due(r.outbox_id, now))
            ]
            await self.deliver(waiting)

    def metrics_handler(self):
        async def metrics(_request: web.Request) -> web.Response:
            return web.Response(
                body=self.metrics.render().encode(), headers={"Content-Type": CONTENT_TYPE}
            )

        return metrics

    async def tick(self) -> None:
        try:
            replies = self.engine.tick()
        except Exception:
            log.exception("tick failed")
            return
        await self.deliver(replies)
        await self.flush(backoff=True)
