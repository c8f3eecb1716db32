import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from bot.store import MIGRATIONS, Store

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "bot.db")
    yield s
    s.close()


def test_new_database_is_migrated_and_in_wal_mode(store):
    assert store.version == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_does_not_migrate_twice(tmp_path):
    Store(tmp_path / "bot.db").close()
    again = Store(tmp_path / "bot.db")
    assert again.version == len(MIGRATIONS)
    again.close()


def test_failed_transaction_changes_nothing(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.set_conversation_state("anna", {"question": "x"}, NOW)
        raise RuntimeError("boom")
    assert store.conversation_state("anna") == {}


def test_outbox_delivers_once(store):
    with store.transaction():
        first = store.enqueue("anna", {"text": "hoi"}, NOW)
        store.enqueue("jan", {"text": "hallo"}, NOW)
    assert [r["id"] for r in store.undelivered("anna")] == [first]
    store.mark_delivered([first], NOW)
    store.mark_delivered([first], NOW + timedelta(hours=1))
    row = store.db.execute("SELECT delivered_at FROM outbox WHERE id = ?", (first,)).fetchone()
    assert row[0] == NOW.isoformat()
    assert store.undelivered("anna") == []
    assert len(store.undelivered()) == 1


def test_purge_keeps_open_cases_and_recent_messages(store):
    old = NOW - timedelta(days=100)
    with store.transaction():
        for status, closed in (("open", None), ("decided", old), ("expired", NOW)):
            store.db.execute(
                "INSERT INTO cases(asker, asker_name, manager, rules, question, status,"
                " created_at, closed_at) VALUES ('a', 'A', 'm', '[]', 'q', ?, ?, ?)",
                (status, old.isoformat(), closed.isoformat() if closed else None),
            )
        old_id = store.enqueue("anna", {"text": "oud"}, old)
    store.mark_delivered([old_id], old)
    cases, messages = store.purge(NOW - timedelta(days=90))
    assert (cases, messages) == (1, 1)
    statuses = [r[0] for r in store.db.execute("SELECT status FROM cases ORDER BY id")]
    assert statuses == ["open", "expired"]


def test_a_second_connection_sees_committed_state(tmp_path):
    writer = Store(tmp_path / "bot.db")
    with writer.transaction():
        writer.set_conversation_state("anna", {"await": "context"}, NOW)
    reader = sqlite3.connect(tmp_path / "bot.db")
    assert reader.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1
    reader.close()
    writer.close()


def test_a_write_waits_for_another_process_write_then_goes_ahead(tmp_path, monkeypatch):
    import threading
    import time

    import bot.store

    first, second = Store(tmp_path / "bot.db"), Store(tmp_path / "bot.db")
    waiting, real_sleep = threading.Event(), time.sleep

    def noted_sleep(seconds: float) -> None:
        waiting.set()  # the writer found the database locked and waits
        real_sleep(seconds)

    monkeypatch.setattr(bot.store.time, "sleep", noted_sleep)
    with first.transaction("long"):
        first.set_conversation_state("a", {"n": 1}, NOW)
        writer = threading.Thread(target=_write, args=(second, "b"))
        writer.start()
        waiting.wait()
    writer.join()
    assert first.conversation_state("b") == {"n": 2}
    assert second.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def _write(store: Store, party: str) -> None:
    with store.transaction("short"):
        store.set_conversation_state(party, {"n": 2}, NOW)


def test_a_write_gives_up_when_the_lock_is_never_released(tmp_path, monkeypatch):
    import bot.store

    first, second = Store(tmp_path / "bot.db"), Store(tmp_path / "bot.db")
    monkeypatch.setattr(bot.store, "LOCK_WAIT", 0.001)
    with first.transaction("long"), pytest.raises(sqlite3.OperationalError, match="locked"):
        _write(second, "b")
    _write(second, "b")  # the lock is free again
    assert first.conversation_state("b") == {"n": 2}
