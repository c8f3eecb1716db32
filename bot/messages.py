"""Plain values that the core produces: answers, options and replies."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

PERSONAL_PREFIXES = ("chk:", "esc:", "case:", "cmt:")
"""Option actions of the personal flows; others (topics, 👍/👎) may stay in a channel."""

MAX_ACTION_BYTES = 64
"""Telegram's limit on callback data; every option's action id fits in it."""


@dataclass(frozen=True)
class Option:
    """A choice offered to the user: a button, or a numbered line on plain text."""

    label: str
    action: str

    def __post_init__(self) -> None:
        if len(self.action.encode()) > MAX_ACTION_BYTES:
            raise ValueError(f"action id longer than {MAX_ACTION_BYTES} bytes: {self.action!r}")


@dataclass(frozen=True)
class Answer:
    """One reply of the bot with what it rests on.

    `action` is one of answer, check, escalate, clarify, help, fallback (the
    first reply to a question), or a follow-up kind such as `info`.
    """

    action: str
    text: str
    rules: tuple[str, ...] = ()
    entry: str | None = None
    score: float | None = None
    options: tuple[Option, ...] = field(default=())
    request: str | None = None
    """What a conversation does beyond showing the text, when the message asked for it:
    a command's list (`mijn`, `escalaties`) or the name of the asker's leidinggevende.
    Set by the responder, which recognised it; read by the engine, which knows who asks."""

    def as_dict(self, question: str) -> dict:
        return {
            "question": question,
            "action": self.action,
            "rules": list(self.rules),
            "entry": self.entry,
            "score": self.score,
            "text": self.text,
            "options": [{"label": o.label, "action": o.action} for o in self.options],
        }


@dataclass(frozen=True)
class Incoming:
    """Something a person did: typed text, a command, or picked an option (`action`).

    `user` is the platform's user id; `conversation` the platform's place
    (a direct chat, or a channel/thread). `attachments` only counts files and
    photos: their content never enters the core.
    """

    platform: str
    user: str
    conversation: str
    text: str = ""
    action: str | None = None
    command: str | None = None
    private: bool = True
    attachments: int = 0


@dataclass(frozen=True)
class Reply:
    """Something the bot says to one party (a directory person id or `platform:user`).

    With `conversation` set it belongs in that conversation (the one the
    person wrote in); without, it goes to the person's private chat.
    `replaces_clicked` asks the platform to replace the message whose button
    was clicked. `outbox_id` is set once the reply is stored for delivery.
    """

    text: str
    options: tuple[Option, ...] = ()
    to: str | None = None
    conversation: str | None = None
    ephemeral: bool = False
    replaces_clicked: bool = False
    answer: Answer | None = None
    outbox_id: int | None = None

    @property
    def personal(self) -> bool:
        """Part of a personal flow (the check, an escalation): belongs in a private chat."""
        return any(o.action.startswith(PERSONAL_PREFIXES) for o in self.options)

    def payload(self) -> dict:
        return {
            "text": self.text,
            "options": [[o.label, o.action] for o in self.options],
            "ephemeral": self.ephemeral,
            "replaces_clicked": self.replaces_clicked,
        }

    @classmethod
    def from_outbox(cls, row) -> Reply:
        payload = json.loads(row["payload"])
        return cls(
            text=payload["text"],
            options=tuple(Option(label, action) for label, action in payload["options"]),
            to=row["recipient"],
            conversation=row["conversation"],
            ephemeral=payload["ephemeral"],
            replaces_clicked=payload["replaces_clicked"],
            outbox_id=row["id"],
        )
