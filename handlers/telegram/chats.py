"""Private chats the bot may write to, and which one belongs to a party.

Telegram lets a bot message only people who started it. Whoever sends
`/start` or writes to the bot privately is recorded here; a blocked bot
forgets the chat again. A party is a directory person id (whose Telegram
account comes from the directory or from a deep link) or `telegram:<user>`.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.directory import Directory, parse_telegram_id
from bot.engine import Clock
from bot.store import Store
from handlers.telegram.links import Links

PREFIX = "telegram:"


def conversation_id(chat_id: int) -> str:
    return f"{PREFIX}{chat_id}"


def chat_of_conversation(conversation: str | None) -> int | None:
    """The chat id of `telegram:<chat>`, None for another platform's conversation."""
    if not conversation or not conversation.startswith(PREFIX):
        return None
    rest = conversation.removeprefix(PREFIX)
    return int(rest) if rest.lstrip("-").isdigit() else None


def is_private(chat_id: int) -> bool:
    """Private chats have the user's (positive) id; groups and channels negative ids."""
    return chat_id > 0


class PrivateChats:
    def __init__(
        self, store: Store, directory: Callable[[], Directory], links: Links, clock: Clock
    ) -> None:
        self.store = store
        self.directory = directory
        self.links = links
        self.clock = clock

    def record(self, user_id: int, chat_id: int) -> bool:
        """Remember a private chat; True when it was not known yet."""
        with self.store.transaction() as db:
            cursor = db.execute(
                "INSERT INTO telegram_chats(user_id, chat_id, recorded_at) VALUES (?, ?, ?)"
                " ON CONFLICT(user_id) DO UPDATE SET chat_id = excluded.chat_id,"
                " recorded_at = excluded.recorded_at WHERE chat_id != excluded.chat_id",
                (user_id, chat_id, self.clock().isoformat()),
            )
            return cursor.rowcount > 0

    def forget(self, chat_id: int) -> None:
        """The person blocked the bot or deleted their account."""
        with self.store.transaction() as db:
            db.execute("DELETE FROM telegram_chats WHERE chat_id = ?", (chat_id,))

    def chat_of_user(self, user_id: int) -> int | None:
        row = self.store.db.execute(
            "SELECT chat_id FROM telegram_chats WHERE user_id = ?", (user_id,)
        ).fetchone()
        return row["chat_id"] if row else None

    def of_party(self, party: str | None) -> int | None:
        """The private chat where the bot can write to this party, if any."""
        if not party:
            return None
        if party.startswith(PREFIX):
            return parse_telegram_id(party.removeprefix(PREFIX))
        person = self.directory().get(party)
        if person is None:
            return None
        for user_id in (self.links.user_of(party), person.telegram_user_id):
            chat = self.chat_of_user(user_id) if user_id else None
            if chat is not None:
                return chat
        return None
