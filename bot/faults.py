"""Fault injection for crash tests: kill this process at a named point.

Set `BOT_FAULT=name:when[:n]`, where name is a transaction (turn, tick,
delivered, options, migrate) and when is before-commit or after-commit, and
the process kills itself with SIGKILL the n-th time (default first) it
reaches that point, exactly like `kill -9` would. Unset, nothing happens.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping

from bot.store import Fault, no_fault


def fault_from_env(env: Mapping[str, str]) -> Fault:
    spec = env.get("BOT_FAULT", "").strip()
    if not spec:
        return no_fault
    name, _, rest = spec.partition(":")
    when, _, count = rest.partition(":")
    point = f"{name}:{when}"
    remaining = [int(count) if count.isdigit() else 1]

    def fault(reached: str) -> None:
        if reached != point:
            return
        remaining[0] -= 1
        if remaining[0] <= 0:
            os.kill(os.getpid(), signal.SIGKILL)

    return fault
