"""People on the imitated Telegram: who they are, what they send, and waiting for the bot.

`PeopleActions` is mixed into FakeTelegram: people write (`say`,
`message_update`) and tap buttons (`click`); tests wait for the bot with
`next_message`, `answered`, `edited` and `wait_until`, never with sleeps.
"""

from __future__ import annotations

import asyncio
import copy
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from fakes.telegram_html import utf16_len
from fakes.telegram_spec import Spec

_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")
_MENTION = re.compile(r"(?<!\w)@[A-Za-z0-9_]{5,32}")


@dataclass(frozen=True)
class Person:
    id: int
    first_name: str
    username: str | None = None

    def as_user(self) -> dict:
        user = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        return user | ({"username": self.username} if self.username else {})


class PeopleActions:
    """What people do on Telegram; the state is FakeTelegram's."""

    spec: Spec
    problems: list[str]
    calls: list[tuple[str, dict[str, Any]]]
    updates: list[dict]
    messages: dict[tuple[int, int], dict]
    outbox: dict[int, list[int]]
    chats: dict[int, dict]
    started: set[int]
    blocked: set[int]
    queries: dict[str, bool]
    _ids: Iterator[int]
    _read: dict[int, int]
    _changed: asyncio.Event

    def _notify(self) -> None:
        raise NotImplementedError

    def group(self, chat_id: int, title: str) -> dict:
        self.chats[chat_id] = {"id": chat_id, "type": "supergroup", "title": title}
        return self.chats[chat_id]

    def block(self, person: Person) -> None:
        """`person` blocks the bot: it can no longer write to them."""
        self.blocked.add(person.id)

    def message_update(self, person: Person, text: str = "", **kind: Any) -> dict:
        """An update with a new message from `person`, not yet delivered to the bot.

        `kind`: chat (a group; default the private chat), reply_to (a message),
        photo=True or document=True (with `text` as caption).
        """
        chat = kind.get("chat") or private_chat(person)
        self.chats.setdefault(chat["id"], chat)
        if chat["type"] == "private" and person.id not in self.blocked:
            self.started.add(person.id)
        message = {"message_id": next(self._ids), "from": person.as_user(), "chat": chat}
        message["date"] = now()
        message |= content(text, kind)
        if kind.get("reply_to") is not None:
            message["reply_to_message"] = without_reply(kind["reply_to"])
        self.messages[(chat["id"], message["message_id"])] = message
        return self._update(message=message)

    def deliver(self, update: dict) -> dict:
        self.updates.append(update)
        self._notify()
        return update

    def say(self, person: Person, text: str = "", **kind: Any) -> dict:
        """`person` sends a message (see `message_update`); the bot gets it by getUpdates."""
        return self.deliver(self.message_update(person, text, **kind))["message"]

    def click(self, person: Person, message: dict, label: str) -> str:
        """`person` taps the button `label` under the bot's message as it is *now*."""
        current = self.messages[(message["chat"]["id"], message["message_id"])]
        rows = current.get("reply_markup", {}).get("inline_keyboard", [])
        buttons = [b for row in rows for b in row if b["text"] == label]
        if not buttons:
            labels = [b["text"] for row in rows for b in row]
            raise AssertionError(f"no button {label!r} under that message (there are {labels})")
        query_id = str(next(self._ids))
        self.queries[query_id] = False
        query = {"id": query_id, "from": person.as_user(), "message": copy.deepcopy(current)}
        query |= {
            "chat_instance": f"ci{current['chat']['id']}",
            "data": buttons[0]["callback_data"],
        }
        self.deliver(self._update(callback_query=query))
        return query_id

    def _update(self, **content: dict) -> dict:
        update = {"update_id": next(self._ids), **content}
        self.spec.check(update, "Update", "update")  # a test may only send what Telegram could
        return update

    # waiting for the bot

    async def wait_until(self, condition: Callable[[], Any], what: str, timeout: float = 5) -> Any:
        deadline = time.monotonic() + timeout
        while not (found := condition()):
            changed = self._changed
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"waited {timeout} s for {what}; problems: {self.problems}")
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                continue
        return found

    async def next_message(self, chat_id: int, containing: str = "", timeout: float = 5) -> dict:
        """The bot's next unread message in a chat (the first with `containing`), as it is now."""

        def find() -> dict | None:
            ids = self.outbox.get(chat_id, [])
            for index in range(self._read.get(chat_id, 0), len(ids)):
                message = self.messages[(chat_id, ids[index])]
                if containing in message["text"]:
                    self._read[chat_id] = index + 1
                    return message
            return None

        what = f"a message in chat {chat_id} with {containing!r}"
        return await self.wait_until(find, what, timeout)

    def sent_to(self, chat_id: int) -> list[dict]:
        """Every message the bot sent to a chat, as it is now."""
        return [self.messages[(chat_id, i)] for i in self.outbox.get(chat_id, [])]

    def unread(self, chat_id: int) -> list[dict]:
        ids = self.outbox.get(chat_id, [])[self._read.get(chat_id, 0) :]
        return [self.messages[(chat_id, i)] for i in ids]

    def current(self, message: dict) -> dict:
        return self.messages[(message["chat"]["id"], message["message_id"])]

    async def answered(self, query_id: str) -> None:
        await self.wait_until(lambda: self.queries[query_id], f"an answer to query {query_id}")

    async def edited(self, message: dict) -> dict:
        return await self.wait_until(
            lambda: self.current(message).get("edit_date") and self.current(message),
            f"an edit of message {message['message_id']}",
        )

    def methods(self) -> list[str]:
        return [method for method, _ in self.calls]


def private_chat(person: Person) -> dict:
    """A private chat has the person's id."""
    chat = {"id": person.id, "type": "private", "first_name": person.first_name}
    return chat | ({"username": person.username} if person.username else {})


def entities_of(text: str) -> list[dict]:
    """The entities Telegram's clients mark in typed text: a leading command, @mentions."""
    entities = []
    command = _COMMAND.match(text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command[0])})
    for mention in _MENTION.finditer(text):
        offset = utf16_len(text[: mention.start()])
        entities.append({"type": "mention", "offset": offset, "length": utf16_len(mention[0])})
    return entities


def content(text: str, kind: dict[str, Any]) -> dict:
    if kind.get("photo"):
        photo = {"file_id": "AgACph0t0", "file_unique_id": "ph0t0", "width": 800, "height": 600}
        return {"photo": [photo]} | ({"caption": text} if text else {})
    if kind.get("document"):
        document = {"file_id": "BQACd0c", "file_unique_id": "d0c", "file_name": "klas.pdf"}
        return {"document": document} | ({"caption": text} if text else {})
    entities = entities_of(text)
    return {"text": text} | ({"entities": entities} if entities else {})


def without_reply(message: dict) -> dict:
    """A replied-to message, as Telegram nests it: without its own reply."""
    return {k: v for k, v in message.items() if k != "reply_to_message"}


def now() -> int:
    return int(time.time())
