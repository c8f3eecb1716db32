"""The runtime's delivery: routing to the platform that reaches someone, retrying later."""

from __future__ import annotations

from bot.messages import Incoming, Reply
from handlers.runtime import DeliveryError, RetrySchedule, Runtime


class StubPlatform:
    name = "stub"

    def __init__(self, reachable: set[str], fail: bool = False) -> None:
        self.reachable = reachable
        self.fail = fail
        self.sent: list[Reply] = []

    def can_reach(self, reply: Reply) -> bool:
        return reply.to in self.reachable

    async def send(self, reply: Reply) -> None:
        if self.fail:
            raise DeliveryError("blocked")
        self.sent.append(reply)


async def test_replies_go_to_the_platform_that_reaches_the_person(world):
    first, second = StubPlatform({"akaya"}), StubPlatform({"jdevries"})
    runtime = Runtime(world.engine, [first, second])
    replies = runtime.handle(Incoming("console", "akaya", "elsewhere", "regel ML2"))
    await runtime.deliver(replies)
    assert [r.to for r in first.sent] == ["akaya"] and second.sent == []
    assert world.engine.undelivered() == []


async def test_failed_delivery_stays_in_the_outbox_and_waits_before_a_retry(world):
    platform = StubPlatform({"akaya"}, fail=True)
    runtime = Runtime(world.engine, [platform])
    await runtime.deliver(runtime.handle(Incoming("console", "akaya", "elsewhere", "regel ML2")))
    assert len(world.engine.undelivered()) == 1
    platform.fail = False
    await runtime.flush(backoff=True)
    assert platform.sent == [], "the periodic retry waits its turn"
    await runtime.flush()
    assert len(platform.sent) == 1, "a flush after a (re)connect tries everything"
    assert world.engine.undelivered() == []


def test_retry_schedule_doubles_up_to_an_hour():
    schedule = RetrySchedule()
    delays = []
    for _ in range(8):
        schedule.postpone(7, 0.0)
        delays.append(schedule._next[7])
    assert delays[:3] == [60.0, 120.0, 240.0] and delays[-1] == 3600.0
    assert not schedule.due(7, 3599.0) and schedule.due(7, 3600.0)
    schedule.forget(7)
    assert schedule.due(7, 0.0)
