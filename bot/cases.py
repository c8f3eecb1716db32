"""Escalation cases: a doubtful question put to the asker's leidinggevende.

Status moves open -> decided | withdrawn | expired, never back. Only the
assigned manager, or the stand-in once added, may decide.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

OPEN = "open"


@dataclass(frozen=True)
class Case:
    id: int
    asker: str
    asker_name: str
    manager: str
    standin: str | None
    entry: str | None
    rules: tuple[str, ...]
    question: str
    check_summary: str
    context: str
    status: str
    decision: str | None
    decided_by: str | None
    comment: str | None
    created_at: datetime
    reminded_at: datetime | None
    standin_at: datetime | None
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    def may_decide(self, party: str) -> bool:
        return party == self.manager or (self.standin is not None and party == self.standin)


@dataclass(frozen=True)
class NewCase:
    asker: str
    asker_name: str
    manager: str
    entry: str | None
    rules: tuple[str, ...]
    question: str
    check_summary: str
    context: str


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _case(row: sqlite3.Row) -> Case:
    return Case(
        id=row["id"],
        asker=row["asker"],
        asker_name=row["asker_name"],
        manager=row["manager"],
        standin=row["standin"],
        entry=row["entry"],
        rules=tuple(json.loads(row["rules"])),
        question=row["question"],
        check_summary=row["check_summary"],
        context=row["context"],
        status=row["status"],
        decision=row["decision"],
        decided_by=row["decided_by"],
        comment=row["comment"],
        created_at=datetime.fromisoformat(row["created_at"]),
        reminded_at=_time(row["reminded_at"]),
        standin_at=_time(row["standin_at"]),
        closed_at=_time(row["closed_at"]),
    )


class CaseBook:
    """Queries and transitions of cases; callers hold the transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def open_case(self, new: NewCase, now: datetime) -> Case:
        cursor = self.db.execute(
            "INSERT INTO cases(asker, asker_name, manager, entry, rules, question, check_summary,"
            " context, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.asker,
                new.asker_name,
                new.manager,
                new.entry,
                json.dumps(list(new.rules)),
                new.question,
                new.check_summary,
                new.context,
                OPEN,
                now.isoformat(),
            ),
        )
        return self.get(int(cursor.lastrowid))  # type: ignore[return-value]

    def get(self, case_id: int) -> Case | None:
        row = self.db.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
        return _case(row) if row else None

    def decide(self, case: Case, decision: str, by: str, now: datetime) -> Case:
        self.db.execute(
            "UPDATE cases SET status = 'decided', decision = ?, decided_by = ?, closed_at = ?"
            " WHERE id = ? AND status = 'open'",
            (decision, by, now.isoformat(), case.id),
        )
        return self.get(case.id)  # type: ignore[return-value]

    def close(self, case: Case, status: str, now: datetime) -> Case:
        self.db.execute(
            "UPDATE cases SET status = ?, closed_at = ? WHERE id = ? AND status = 'open'",
            (status, now.isoformat(), case.id),
        )
        return self.get(case.id)  # type: ignore[return-value]

    def add_comment(self, case: Case, comment: str) -> None:
        self.db.execute("UPDATE cases SET comment = ? WHERE id = ?", (comment, case.id))

    def mark_reminded(self, case: Case, now: datetime) -> None:
        self.db.execute("UPDATE cases SET reminded_at = ? WHERE id = ?", (now.isoformat(), case.id))

    def add_standin(self, case: Case, standin: str | None, now: datetime) -> None:
        self.db.execute(
            "UPDATE cases SET standin = ?, standin_at = ? WHERE id = ?",
            (standin, now.isoformat(), case.id),
        )

    def waiting_for(self, party: str) -> list[Case]:
        rows = self.db.execute(
            "SELECT * FROM cases WHERE status = 'open' AND (manager = ? OR standin = ?)"
            " ORDER BY id",
            (party, party),
        ).fetchall()
        return [_case(r) for r in rows]

    def asked_by(self, party: str) -> list[Case]:
        rows = self.db.execute(
            "SELECT * FROM cases WHERE status = 'open' AND asker = ? ORDER BY id", (party,)
        ).fetchall()
        return [_case(r) for r in rows]

    def all_open(self) -> list[Case]:
        rows = self.db.execute("SELECT * FROM cases WHERE status = 'open' ORDER BY id").fetchall()
        return [_case(r) for r in rows]
