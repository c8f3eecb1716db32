"""Deep-link onboarding: single-use, expiring codes that link a Telegram account to a person.

A bot can only message someone who started it, and a manager is often not
in the directory with a Telegram id. `python -m bot directory link PERSON`
makes a code and prints `https://t.me/<bot>?start=<code>`; opening it sends
`/start <code>` to the bot, which links that account to the person.

Only a hash of each code is stored: a copy of the database holds no usable
link. The directory stays the authority: an account it gives to someone
else cannot be linked.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from typing import TYPE_CHECKING

from bot.directory import Directory

if TYPE_CHECKING:  # types only: the command line imports this module and stays quick
    from bot.engine import Clock
    from bot.store import Store

DEFAULT_VALID_FOR = timedelta(days=7)


class Outcome(Enum):
    LINKED = "linked"
    INVALID = "invalid"  # unknown, used, expired, or for someone no longer in the directory
    TAKEN = "taken"  # the directory gives this account to someone else


@dataclass(frozen=True)
class Redeemed:
    outcome: Outcome
    person: str | None = None


def deep_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={code}"


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


class Links:
    def __init__(self, store: Store, directory: Callable[[], Directory], clock: Clock) -> None:
        self.store = store
        self.directory = directory  # asked each time: a reload may swap the directory
        self.clock = clock

    def new_code(self, person: str, valid_for: timedelta = DEFAULT_VALID_FOR) -> str:
        """A fresh code for a person of the directory; expired codes are cleared on the way."""
        if self.directory().get(person) is None:
            raise ValueError(f"unknown person {person!r}")
        code = secrets.token_urlsafe(18)  # 24 characters of A-Z a-z 0-9 _ -, fits `start=`
        now = self.clock()
        with self.store.transaction() as db:
            db.execute("DELETE FROM telegram_link_codes WHERE expires_at < ?", (now.isoformat(),))
            db.execute(
                "INSERT INTO telegram_link_codes(code_hash, person, created_at, expires_at)"
                " VALUES (?, ?, ?, ?)",
                (_hash(code), person, now.isoformat(), (now + valid_for).isoformat()),
            )
        return code

    def redeem(self, code: str, user_id: int) -> Redeemed:
        """Link the account to the code's person, using the code up; one transaction."""
        now = self.clock().isoformat()
        with self.store.transaction() as db:
            row = db.execute(
                "SELECT person FROM telegram_link_codes"
                " WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
                (_hash(code), now),
            ).fetchone()
            if row is None or self.directory().get(row["person"]) is None:
                return Redeemed(Outcome.INVALID)
            person = row["person"]
            owner = self.directory().find("telegram", str(user_id))
            if owner is not None and owner.id != person:
                return Redeemed(Outcome.TAKEN, person)
            db.execute(
                "UPDATE telegram_link_codes SET used_at = ?, used_by = ? WHERE code_hash = ?",
                (now, user_id, _hash(code)),
            )
            db.execute(
                "DELETE FROM telegram_links WHERE person = ? OR user_id = ?", (person, user_id)
            )
            db.execute(
                "INSERT INTO telegram_links(person, user_id, linked_at) VALUES (?, ?, ?)",
                (person, user_id, now),
            )
        return Redeemed(Outcome.LINKED, person)

    def person_of(self, user_id: int) -> str | None:
        row = self.store.db.execute(
            "SELECT person FROM telegram_links WHERE user_id = ?", (user_id,)
        ).fetchone()
        return row["person"] if row else None

    def user_of(self, person: str) -> int | None:
        row = self.store.db.execute(
            "SELECT user_id FROM telegram_links WHERE person = ?", (person,)
        ).fetchone()
        return row["user_id"] if row else None
