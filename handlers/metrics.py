"""Prometheus metrics in the text exposition format, without a client library.

Counters and one histogram, kept in plain dicts: each process runs one event
loop, so no locking is needed. `render()` writes the format of
https://prometheus.io/docs/instrumenting/exposition_formats/ (version 0.0.4).

With several worker processes (BOT_WORKERS), only worker 0 serves HTTP. The
others publish a `snapshot()` of their counters to the database every few
seconds; worker 0 adds them to its own when it renders, so /metrics counts
every worker's questions, at most `PUBLISH_SECONDS` behind.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

log = logging.getLogger(__name__)
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
PUBLISH_SECONDS = 5.0


class Histogram:
    def __init__(self, buckets: tuple[float, ...]) -> None:
        self.buckets = buckets
        self.counts = [0] * len(buckets)
        self.total = 0
        self.sum = 0.0

    def observe(self, value: float) -> None:
        index = bisect_left(self.buckets, value)
        if index < len(self.counts):
            self.counts[index] += 1
        self.total += 1
        self.sum += value

    def snapshot(self) -> dict[str, Any]:
        return {"counts": list(self.counts), "total": self.total, "sum": self.sum}

    def add(self, snapshot: dict[str, Any]) -> None:
        """Another worker's observations (same buckets) added to these."""
        self.counts = [
            mine + theirs for mine, theirs in zip(self.counts, snapshot["counts"], strict=True)
        ]
        self.total += snapshot["total"]
        self.sum += snapshot["sum"]

    def lines(self, name: str) -> list[str]:
        lines, running = [], 0
        for bound, count in zip(self.buckets, self.counts, strict=True):
            running += count
            lines.append(f'{name}_bucket{{le="{bound}"}} {running}')
        lines.append(f'{name}_bucket{{le="+Inf"}} {self.total}')
        lines.append(f"{name}_sum {self.sum:.6f}")
        lines.append(f"{name}_count {self.total}")
        return lines


class Metrics:
    def __init__(
        self,
        case_counts: Callable[[], dict[str, int]] = dict,
        others: Callable[[], Iterable[dict[str, Any]]] = list,
    ) -> None:
        """`others`: the snapshots of the other worker processes, added when rendering."""
        self.questions: Counter[str] = Counter()
        self.reconnects: Counter[str] = Counter()
        self.latency = Histogram(LATENCY_BUCKETS)
        self.case_counts = case_counts
        self.others = others

    def snapshot(self) -> dict[str, Any]:
        return {
            "questions": dict(self.questions),
            "reconnects": dict(self.reconnects),
            "latency": self.latency.snapshot(),
        }

    def question(self, action: str) -> None:
        self.questions[action] += 1

    def reconnect(self, platform: str) -> None:
        self.reconnects[platform] += 1

    def reply_latency(self, seconds: float) -> None:
        self.latency.observe(seconds)

    def render(self) -> str:
        questions, reconnects = Counter(self.questions), Counter(self.reconnects)
        latency = Histogram(LATENCY_BUCKETS)
        latency.add(self.latency.snapshot())
        for other in self.others():
            try:
                latency.add(other["latency"])
            except (KeyError, TypeError, ValueError):  # another version's buckets, say
                log.warning("a worker's metrics snapshot does not fit; left out")
                continue
            questions.update(other["questions"])
            reconnects.update(other["reconnects"])
        lines = [
            "# HELP protocolbot_questions_total First replies to questions, by action.",
            "# TYPE protocolbot_questions_total counter",
            *_labelled("protocolbot_questions_total", "action", questions),
            "# HELP protocolbot_escalations Escalation cases in the database, by status.",
            "# TYPE protocolbot_escalations gauge",
            *_labelled("protocolbot_escalations", "status", self.case_counts()),
            "# HELP protocolbot_reply_latency_seconds Time from a message to the bot's replies.",
            "# TYPE protocolbot_reply_latency_seconds histogram",
            *latency.lines("protocolbot_reply_latency_seconds"),
            "# HELP protocolbot_reconnects_total Platform connections re-established.",
            "# TYPE protocolbot_reconnects_total counter",
            *_labelled("protocolbot_reconnects_total", "platform", reconnects),
        ]
        return "\n".join(lines) + "\n"


def _labelled(name: str, label: str, values: dict[str, int]) -> list[str]:
    return [f'{name}{{{label}="{_escape(key)}"}} {value}' for key, value in sorted(values.items())]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
