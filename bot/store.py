"""SQLite storage: conversation state, escalation cases and the outbox.

WAL mode, schema versioned with numbered migrations (PRAGMA user_version).
Every state change runs in one `transaction()`; replies to people are written
to the outbox in the same transaction, and marked delivered once sent, so a
crash at any point loses nothing and a restart sends what was not sent.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

MIGRATIONS: tuple[str, ...] = (
    # 1: conversations, cases, outbox
    """
    CREATE TABLE conversations (
        party TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        asker TEXT NOT NULL,
        asker_name TEXT NOT NULL,
        manager TEXT NOT NULL,
        standin TEXT,
        entry TEXT,
        rules TEXT NOT NULL,
        question TEXT NOT NULL,
        check_summary TEXT NOT NULL DEFAULT '',
        context TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        decision TEXT,
        decided_by TEXT,
        comment TEXT,
        created_at TEXT NOT NULL,
        reminded_at TEXT,
        standin_at TEXT,
        closed_at TEXT
    );
    CREATE INDEX cases_open ON cases(status, created_at);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        recipient TEXT NOT NULL,
        conversation TEXT,
        payload TEXT NOT NULL,
        case_id INTEGER,
        created_at TEXT NOT NULL,
        delivered_at TEXT
    );
    CREATE INDEX outbox_pending ON outbox(recipient) WHERE delivered_at IS NULL;
    """,
    # 2: Telegram: private chats the bot may write to, linked accounts, link codes
    """
    CREATE TABLE telegram_chats (
        user_id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE TABLE telegram_links (
        person TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL UNIQUE,
        linked_at TEXT NOT NULL
    );
    CREATE TABLE telegram_link_codes (
        code_hash TEXT PRIMARY KEY,
        person TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by INTEGER
    );
    """,
    # 3: questions the bot could not answer well (ids and scores; text only when enabled)
    """
    CREATE TABLE question_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        reason TEXT NOT NULL,
        entry TEXT,
        score REAL,
        text TEXT,
        text_expires_at TEXT
    );
    CREATE INDEX question_log_at ON question_log(at);
    """,
    # 4: which worker process wrote a reply, and so delivers it (see `Store.worker`)
    """
    ALTER TABLE outbox ADD COLUMN worker INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX outbox_pending_worker ON outbox(worker) WHERE delivered_at IS NULL;
    """,
    # 5: the other workers' metrics, for worker 0's /metrics (handlers/metrics.py)
    """
    CREATE TABLE worker_metrics (
        worker INTEGER PRIMARY KEY,
        snapshot TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
)

Fault = Callable[[str], None]
LOCK_WAIT = 5.0  # seconds to wait for another process's write before giving up
LOCK_PAUSE_FIRST, LOCK_PAUSE_LONGEST = 0.00005, 0.002


def no_fault(_point: str) -> None:
    """The production fault hook: does nothing. Tests pass one that kills the process."""


class Store:
    def __init__(self, path: Path | str, fault: Fault = no_fault, worker: int = 0) -> None:
        """`worker`: this process's number when several serve one database (BOT_WORKERS).

        Each process delivers, and retries, only the replies it wrote itself, so
        two processes never send the same reply; a process that crashed
        delivers what it left once it is back.
        """
        self.path = str(path)
        self.fault = fault
        self.worker = worker
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(f"PRAGMA busy_timeout={int(LOCK_WAIT * 1000)}")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        with self.transaction("migrate"):
            current = self.version
            for number, script in enumerate(MIGRATIONS, 1):
                if number > current:
                    for statement in filter(str.strip, script.split(";")):
                        self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self, name: str = "change") -> Iterator[sqlite3.Connection]:
        """One atomic change; `name` labels its fault points ("turn:after-commit")."""
        self._begin()
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.fault(f"{name}:before-commit")
        self.db.execute("COMMIT")
        self.fault(f"{name}:after-commit")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another process's write to end.

        SQLite's own busy handler sleeps at least a millisecond per try; a
        write here takes a tenth of that, so with several workers
        (BOT_WORKERS) it would idle most of the time. This waits in steps
        from 50 µs instead, up to `LOCK_WAIT` in all.
        """
        self.db.execute("PRAGMA busy_timeout=0")
        pause, waited = LOCK_PAUSE_FIRST, 0.0
        try:
            while True:
                try:
                    self.db.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if exc.sqlite_errorcode != sqlite3.SQLITE_BUSY or waited >= LOCK_WAIT:
                        raise
                time.sleep(pause)
                waited, pause = waited + pause, min(pause * 2, LOCK_PAUSE_LONGEST)
        finally:
            self.db.execute(f"PRAGMA busy_timeout={int(LOCK_WAIT * 1000)}")

    # conversations

    def conversation_state(self, party: str) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT state FROM conversations WHERE party = ?", (party,)
        ).fetchone()
        return json.loads(row["state"]) if row else {}

    def set_conversation_state(self, party: str, state: dict[str, Any], now: datetime) -> None:
        if not state:
            self.db.execute("DELETE FROM conversations WHERE party = ?", (party,))
            return
        self.db.execute(
            "INSERT INTO conversations(party, state, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(party) DO UPDATE"
            " SET state = excluded.state, updated_at = excluded.updated_at",
            (party, json.dumps(state), now.isoformat()),
        )

    # outbox

    def enqueue(
        self,
        recipient: str,
        payload: dict[str, Any],
        now: datetime,
        conversation: str | None = None,
        case_id: int | None = None,
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO outbox(recipient, conversation, payload, case_id, created_at, worker) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (recipient, conversation, json.dumps(payload), case_id, now.isoformat(), self.worker),
        )
        return int(cursor.lastrowid)

    def undelivered(self, recipient: str | None = None) -> list[sqlite3.Row]:
        mine = "SELECT * FROM outbox WHERE delivered_at IS NULL AND worker = ?"
        if recipient is None:
            return self.db.execute(f"{mine} ORDER BY id", (self.worker,)).fetchall()
        query = f"{mine} AND recipient = ? ORDER BY id"
        return self.db.execute(query, (self.worker, recipient)).fetchall()

    def adopt_replies(self, workers: int) -> int:
        """Worker 0 at start: undelivered replies of workers that no longer exist
        (BOT_WORKERS was lowered) become its own. Returns how many."""
        with self.transaction("adopt"):
            cursor = self.db.execute(
                "UPDATE outbox SET worker = 0 WHERE delivered_at IS NULL AND worker >= ?",
                (workers,),
            )
        return cursor.rowcount

    def mark_delivered(self, outbox_ids: list[int], now: datetime) -> None:
        if not outbox_ids:
            return
        with self.transaction("delivered"):
            self.db.executemany(
                "UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
                [(now.isoformat(), i) for i in outbox_ids],
            )

    # metrics of the other workers (BOT_WORKERS > 1)

    def publish_metrics(self, snapshot: dict[str, Any], now: datetime) -> None:
        """This worker's counters, for worker 0 to add to its own."""
        with self.transaction("metrics"):
            self.db.execute(
                "INSERT INTO worker_metrics(worker, snapshot, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(worker) DO UPDATE"
                " SET snapshot = excluded.snapshot, updated_at = excluded.updated_at",
                (self.worker, json.dumps(snapshot), now.isoformat()),
            )

    def other_workers_metrics(self) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT snapshot FROM worker_metrics WHERE worker != ? ORDER BY worker", (self.worker,)
        ).fetchall()
        return [json.loads(row["snapshot"]) for row in rows]

    def forget_worker_metrics(self) -> None:
        """Worker 0 at start: the counters of an earlier run (its own start from zero too)."""
        with self.transaction("metrics"):
            self.db.execute("DELETE FROM worker_metrics")

    def case_counts(self) -> dict[str, int]:
        rows = self.db.execute("SELECT status, count(*) FROM cases GROUP BY status").fetchall()
        return {status: count for status, count in rows}

    # retention

    def purge(self, before: datetime) -> tuple[int, int]:
        """Delete closed cases and delivered messages older than `before`."""
        cutoff = before.isoformat()
        with self.transaction("purge"):
            cases = self.db.execute(
                "DELETE FROM cases WHERE status != 'open' AND closed_at < ?", (cutoff,)
            ).rowcount
            messages = self.db.execute(
                "DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?", (cutoff,)
            ).rowcount
            self.db.execute("DELETE FROM conversations WHERE updated_at < ?", (cutoff,))
        return cases, messages
