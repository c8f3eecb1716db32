"""Knowledge-base upkeep: which questions the bot could not answer well.

Recorded: questions answered with low confidence, clarified, fallen back, and
answers that got a 👎. Always only entry ids, actions and scores; the
normalised question text only when the administrator turns that on
(BOT_LOG_QUESTION_TEXT), and then deleted after its own retention period.
`report()` groups what was recorded, most frequent first.
"""

from __future__ import annotations

import html
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.messages import Answer

WEAK_ACTIONS = ("clarify", "fallback")


@dataclass(frozen=True)
class Weakness:
    reason: str  # low-confidence, clarify, fallback, thumbs-down
    entry: str | None
    count: int
    mean_score: float | None
    examples: tuple[str, ...]


def reason_for(answer: Answer, low_score: float) -> str | None:
    """Why this first reply is worth recording, or None when it went well."""
    if answer.action in WEAK_ACTIONS:
        return answer.action
    if (
        answer.action in ("answer", "check")
        and answer.score is not None
        and answer.score < low_score
    ):
        return "low-confidence"
    return None


def record(
    db: sqlite3.Connection,
    now: datetime,
    reason: str,
    entry: str | None,
    score: float | None,
    text: str | None,
    text_retention: timedelta,
) -> None:
    expires = (now + text_retention).isoformat() if text else None
    db.execute(
        "INSERT INTO question_log(at, reason, entry, score, text, text_expires_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (now.isoformat(), reason, entry, score, text, expires),
    )


def forget_expired_texts(db: sqlite3.Connection, now: datetime) -> int:
    return db.execute(
        "UPDATE question_log SET text = NULL, text_expires_at = NULL WHERE text_expires_at < ?",
        (now.isoformat(),),
    ).rowcount


def purge(db: sqlite3.Connection, before: datetime) -> int:
    return db.execute("DELETE FROM question_log WHERE at < ?", (before.isoformat(),)).rowcount


def report(db: sqlite3.Connection, since: datetime) -> list[Weakness]:
    rows = db.execute(
        "SELECT reason, entry, score, text FROM question_log WHERE at >= ?", (since.isoformat(),)
    ).fetchall()
    groups: dict[tuple[str, str | None], list[sqlite3.Row]] = {}
    for row in rows:
        groups.setdefault((row["reason"], row["entry"]), []).append(row)
    weaknesses = [_weakness(reason, entry, group) for (reason, entry), group in groups.items()]
    return sorted(weaknesses, key=lambda w: (-w.count, w.reason, w.entry or ""))


def _weakness(reason: str, entry: str | None, rows: list[sqlite3.Row]) -> Weakness:
    scores = [r["score"] for r in rows if r["score"] is not None]
    texts = Counter(r["text"] for r in rows if r["text"])
    return Weakness(
        reason=reason,
        entry=entry,
        count=len(rows),
        mean_score=round(sum(scores) / len(scores), 1) if scores else None,
        examples=tuple(text for text, _ in texts.most_common(5)),
    )


def format_text(weaknesses: list[Weakness], days: int) -> str:
    if not weaknesses:
        return f"Nothing recorded in the last {days} days."
    lines = [f"What the bot could not answer well in the last {days} days, most frequent first:"]
    for w in weaknesses:
        score = f"mean score {w.mean_score}" if w.mean_score is not None else "no score"
        lines.append(f"{w.count:5d}  {w.reason:<15} {w.entry or '-':<40} {score}")
        lines += [f"         e.g. {example}" for example in w.examples]
    return "\n".join(lines)


def format_html(weaknesses: list[Weakness], days: int) -> str:
    rows = "".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            w.count,
            html.escape(w.reason),
            html.escape(w.entry or "-"),
            "" if w.mean_score is None else w.mean_score,
            "<br>".join(html.escape(e) for e in w.examples),
        )
        for w in weaknesses
    )
    return (
        "<!doctype html><html lang='en'><meta charset='utf-8'>"
        "<title>Protocolbot: questions to improve</title>"
        "<style>body{font-family:sans-serif}td,th{padding:4px 8px;border-bottom:1px solid #ddd}"
        "</style>"
        f"<h1>Questions the bot could not answer well (last {days} days)</h1>"
        "<table><tr><th>count</th><th>reason</th><th>entry</th><th>mean score</th>"
        f"<th>examples</th></tr>{rows}</table></html>\n"
    )
