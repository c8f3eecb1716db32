"""The bot under load: `python -m bot serve --platform mattermost` in a process of its own.

The real entry point with its real settings, logging (INFO, to a file, as a
service manager would collect it), metrics and HTTP server; nothing of the
load generator shares its interpreter or its GIL. Memory (RSS) and CPU time
(all threads) are read from /proc.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PROFILED = """
import cProfile, runpy, sys, time
out = sys.argv.pop(1)
profiler = cProfile.Profile(time.thread_time)
try:
    profiler.runcall(runpy.run_module, "bot", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
finally:
    profiler.dump_stats(out)
"""
"""`python -m bot ...` under cProfile, timed by the CPU time of the event loop's thread:
wall time would charge the loop with every wait for the GIL held by a worker thread."""
FIXED_ANSWER = """
import bot.responder

_respond = bot.responder.Responder.respond
_answers = {}


def respond(self, text):
    if id(self) not in _answers:
        _answers[id(self)] = _respond(self, "wat mag ik over mijn werk op linkedin zetten")
    return _answers[id(self)]


bot.responder.Responder.respond = respond
"""
"""A `sitecustomize` that gives every question one answer worked out once: the bot
with everything but matching, to show what matching costs under load. Through
PYTHONPATH it reaches every worker process too."""
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


STAFF = 300  # people in the directory, the simulated users among them
MANAGERS = 20


def school_directory(users: list[tuple[str, str]]) -> str:
    """A school's directory: `STAFF` people under `MANAGERS` leidinggevenden.

    The simulated users (Mattermost user id, username) are staff members,
    known by user id, or every other one by username only, as the directory
    allows (the bot looks those up at start). The rest have made-up
    accounts: every message pays for finding its sender among all of them.
    """
    lines = ["people:"]
    for number in range(MANAGERS):
        boss = "" if number == 0 else ", manager: m00"
        standin = f"m{(number + 1) % MANAGERS:02d}"
        lines.append(
            f"  - {{id: m{number:02d}, name: Leider {number}, role: leidinggevende{boss}, "
            f"standin: {standin}, mattermost: {{username: leider{number:02d}, "
            f"user_id: {'m' * 23}{number:03d}}}}}"
        )
    for number in range(STAFF - MANAGERS):
        if number < len(users):
            user_id, username = users[number]
            handle = f"{{username: {username}}}" if number % 2 else f"{{user_id: {user_id}}}"
        else:
            handle = f"{{username: staff{number:03d}, user_id: {'s' * 23}{number:03d}}}"
        lines.append(
            f"  - {{id: s{number:03d}, name: Collega {number}, manager: m{number % MANAGERS:02d}, "
            f"mattermost: {handle}}}"
        )
    return "\n".join(lines) + "\n"


class BotProcess:
    def __init__(
        self,
        folder: Path,
        url: str,
        token: str,
        users: list[tuple[str, str]],
        profile: Path | None = None,
        settings: dict[str, str] | None = None,
        fixed_answer: bool = False,
    ) -> None:
        """Start the bot with a fresh database in `folder` and the simulated users (user id,
        username) in its directory, and `settings` (environment variables) over the
        bench's. `profile` runs it under cProfile (the event loop's thread only; the
        REST worker threads are not profiled); `fixed_answer` without matching
        (FIXED_ANSWER)."""
        directory = folder / "directory.yaml"
        directory.write_text(school_directory(users), encoding="utf-8")
        self.log = folder / "bot.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "MATTERMOST_"))}
        env |= {
            "MATTERMOST_URL": url,
            "MATTERMOST_TOKEN": token,
            "MATTERMOST_SLASH_TOKEN": "bench",
            "BOT_PUBLIC_URL": "http://127.0.0.1:9",
            "BOT_LISTEN": f"127.0.0.1:{free_port()}",
            "BOT_DB": str(folder / "bench.db"),
            "BOT_DIRECTORY": str(directory),
        }
        env |= settings or {}
        if fixed_answer:
            (folder / "sitecustomize.py").write_text(FIXED_ANSWER, encoding="utf-8")
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
        command = [sys.executable, "-m", "bot", "serve", "--platform", "mattermost"]
        if profile is not None:
            command[1:3] = ["-c", PROFILED, str(profile)]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def running(self) -> bool:
        return self.process.poll() is None

    def pids(self) -> list[int]:
        """The bot's process and the worker processes it started (BOT_WORKERS)."""
        pid = self.process.pid
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as children:
                return [pid, *map(int, children.read().split())]
        except OSError:
            return [pid]

    def rss_mb(self) -> float:
        """Resident memory now (MiB), all worker processes together."""
        pages = 0
        for pid in self.pids():
            with open(f"/proc/{pid}/statm") as statm:
                pages += int(statm.read().split()[1])
        return pages * PAGE_KB / 1024

    def cpu_seconds(self) -> float:
        """User and system CPU time so far, all threads of all worker processes."""
        return sum(self.cpu_split())

    def cpu_split(self) -> tuple[float, float]:
        """(user, system) CPU time so far, all threads of all worker processes."""
        user = system = 0
        for pid in self.pids():
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            user, system = user + int(fields[11]), system + int(fields[12])
        return user / CLOCK_TICKS, system / CLOCK_TICKS

    def threads(self) -> int:
        return sum(len(os.listdir(f"/proc/{pid}/task")) for pid in self.pids())

    async def stop(self) -> int:
        """SIGTERM, as a service manager stops it; the exit status."""
        if self.running():
            self.process.send_signal(signal.SIGTERM)
        for _ in range(300):
            if not self.running():
                break
            await asyncio.sleep(0.1)
        else:
            self.process.kill()
        return self.process.wait()

    def log_summary(self) -> str:
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        bad = [line for line in lines if " WARNING " in line or " ERROR " in line]
        return f"{len(lines)} log lines, {len(bad)} warnings or errors" + (
            f" (first: {bad[0][:160]})" if bad else ""
        )

    def log_tail(self, count: int = 20) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-count:])
