"""Plain values that the core produces: answers, options and replies."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    """Something a person did: typed text, or picked an option (`action`)."""

    platform: str
    user: str
    conversation: str
    text: str = ""
    action: str | None = None
    private: bool = True
    attachments: int = 0


@dataclass(frozen=True)
class Reply:
    """Something the bot says: in the current conversation, or to a person (`to`)."""

    text: str
    options: tuple[Option, ...] = ()
    to: str | None = None
    ephemeral: bool = False
    answer: Answer | None = None
