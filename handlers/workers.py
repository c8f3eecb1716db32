"""Several processes serving Mattermost together (BOT_WORKERS), for more than one core.

Python runs one turn at a time per process, so one process is bound to one
core. With BOT_WORKERS=N the process started by `serve` (worker 0) starts
N-1 more (`serve --worker K`), each with its own websocket connection:

* every worker sees every event and answers the people it owns (a stable
  hash of the Mattermost user id), so one person's messages stay in order;
* worker 0 alone serves HTTP (slash command, buttons, /healthz, /metrics),
  Telegram, the timers (reminders, expiry) and the retention purge;
* each worker delivers and retries only the replies it wrote (the outbox
  remembers the worker), so no reply is sent by two processes.

Worker 0 restarts a worker that died, passes SIGHUP (and `/protocol reload`)
on, and stops them all at SIGTERM.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)
RESTART_FIRST, RESTART_LONGEST = 1.0, 60.0
STOP_TIMEOUT = 30.0


@dataclass(frozen=True)
class Share:
    """Which people's messages this process answers: worker `worker` of `workers`."""

    worker: int = 0
    workers: int = 1

    def owns(self, user_id: str) -> bool:
        if self.workers <= 1:
            return True
        return zlib.crc32(user_id.encode()) % self.workers == self.worker

    @property
    def lead(self) -> bool:
        """Worker 0: HTTP, timers, Telegram and the other workers are its job."""
        return self.worker == 0


class Workers:
    """The other worker processes, started, watched and stopped by worker 0."""

    def __init__(self, count: int, environment: Mapping[str, str]) -> None:
        self.count = count
        self.environment = dict(environment)
        self._processes: dict[int, asyncio.subprocess.Process] = {}
        self._watchers: list[asyncio.Task[None]] = []
        self._stopping = False

    async def start(self) -> None:
        for worker in range(1, self.count):
            self._watchers.append(asyncio.create_task(self._keep_running(worker)))

    def running(self) -> int:
        """How many of the other workers are running now."""
        return sum(p.returncode is None for p in self._processes.values())

    def signal(self, number: int) -> None:
        for process in self._processes.values():
            if process.returncode is None:
                process.send_signal(number)

    def also_reload(self, reload: Callable[[], str]) -> Callable[[], str]:
        """`reload` here, then SIGHUP to the other workers so they reload too."""

        def reload_all() -> str:
            outcome = reload()
            self.signal(signal.SIGHUP)
            return outcome

        return reload_all

    async def stop(self) -> None:
        """SIGTERM to every worker; wait for them (each finishes its turns in flight)."""
        self._stopping = True
        self.signal(signal.SIGTERM)
        for process in list(self._processes.values()):
            try:
                await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
            except TimeoutError:
                log.error("worker pid=%d did not stop in %.0fs; killed", process.pid, STOP_TIMEOUT)
                process.kill()
                await process.wait()
        for watcher in self._watchers:
            watcher.cancel()
        await asyncio.gather(*self._watchers, return_exceptions=True)

    async def _keep_running(self, worker: int) -> None:
        loop, delay = asyncio.get_running_loop(), RESTART_FIRST
        while not self._stopping:
            started = loop.time()
            process = await self._spawn(worker)
            status = await process.wait()
            if self._stopping:
                return
            if loop.time() - started > RESTART_LONGEST:  # it had been running well
                delay = RESTART_FIRST
            log.error(
                "worker %d stopped with status %s; restarting in %.0fs", worker, status, delay
            )
            await asyncio.sleep(delay)
            delay = min(delay * 2, RESTART_LONGEST)

    async def _spawn(self, worker: int) -> asyncio.subprocess.Process:
        command = [sys.executable, "-m", "bot", "serve", "--platform", "mattermost"]
        # Same working folder and environment: relative paths mean the same files.
        # Its own session: a Ctrl-C reaches worker 0 only, which stops the rest in
        # order. Its stdin is a pipe from worker 0: at end of input, worker 0 is gone.
        process = await asyncio.create_subprocess_exec(
            *command,
            "--worker",
            str(worker),
            env=self.environment,
            stdin=asyncio.subprocess.PIPE,
            start_new_session=True,
        )
        self._processes[worker] = process
        log.info("worker %d started pid=%d", worker, process.pid)
        return process


async def stop_when_parent_goes(stop: asyncio.Event) -> None:
    """In a worker > 0: set `stop` when worker 0 ends (its pipe on our stdin closes),
    even when it was killed and could not say so."""
    loop = asyncio.get_running_loop()

    class ParentPipe(asyncio.Protocol):
        def connection_lost(self, exc: Exception | None) -> None:
            stop.set()

    await loop.connect_read_pipe(ParentPipe, sys.stdin)
