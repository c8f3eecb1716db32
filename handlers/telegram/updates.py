"""Telegram updates as core values: where they came from (`Origin`) and what was said.

Pure functions over python-telegram-bot objects, so the rules of where the
bot answers are read in one place: every private message; in groups only
commands, mentions of the bot and replies to the bot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

from telegram import CallbackQuery, Chat, Message, MessageEntity

from bot.engine import COMMANDS
from bot.messages import Incoming
from handlers.telegram.chats import conversation_id

PLATFORM = "telegram"
_COMMAND = re.compile(r"^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s+(.*))?$", re.DOTALL)
_FILES = ("photo", "document", "video", "animation", "audio", "voice", "video_note")


@dataclass(frozen=True)
class Origin:
    """Where an update came from: enough to answer it in the right place."""

    chat_id: int
    private: bool
    user_id: int
    first_name: str
    message_id: int | None = None  # the message to answer in a group
    clicked: Message | None = None  # the bot's message whose button was clicked


def origin_of_message(message: Message) -> Origin | None:
    """None for what the bot never answers: posts without a person behind them, bots."""
    user = message.from_user
    if user is None or user.is_bot:
        return None
    private = message.chat.type == Chat.PRIVATE
    return Origin(message.chat.id, private, user.id, user.first_name, message.message_id)


def origin_of_click(query: CallbackQuery) -> Origin:
    message = query.message
    if message is None:  # a button of an inline message: answer privately
        return Origin(query.from_user.id, True, query.from_user.id, query.from_user.first_name)
    clicked = message if isinstance(message, Message) else None
    private = message.chat.type == Chat.PRIVATE
    user = query.from_user
    # in a group, what the click brings is said as a reply to the clicked message
    return Origin(message.chat.id, private, user.id, user.first_name, message.message_id, clicked)


def split_command(text: str, bot_username: str) -> tuple[str, str] | None:
    """(`command`, rest) for one of the core's commands addressed to this bot, else None."""
    match = _COMMAND.match(text.strip())
    if match is None:
        return None
    command, addressee, rest = match.group(1).lower(), match.group(2), match.group(3) or ""
    if addressee is not None and addressee.lower() != bot_username.lower():
        return None
    return (command, rest.strip()) if command in COMMANDS else None


def addressed_to_bot(message: Message, bot_id: int, bot_username: str) -> bool:
    """In a group: a mention of the bot, or a reply to one of its messages."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    found = chain(message.parse_entities().items(), message.parse_caption_entities().items())
    return any(_mentions(entity, text, bot_id, bot_username) for entity, text in found)


def _mentions(entity: MessageEntity, text: str, bot_id: int, bot_username: str) -> bool:
    if entity.type == MessageEntity.MENTION:
        return text.lower() == f"@{bot_username.lower()}"
    user = entity.user if entity.type == MessageEntity.TEXT_MENTION else None
    return user is not None and user.id == bot_id


def without_mention(text: str, bot_username: str) -> str:
    return re.sub(rf"@{re.escape(bot_username)}\b", "", text, flags=re.IGNORECASE).strip()


def attachments(message: Message) -> int:
    """How many files or photos came with the message; their content is never fetched."""
    return sum(1 for kind in _FILES if getattr(message, kind))


def incoming_message(message: Message, origin: Origin, bot_username: str) -> Incoming:
    """The core's view of a message: a command, or text (mention removed), and file count."""
    text = message.text or message.caption or ""
    command = split_command(text, bot_username)
    if command is not None:
        name, text = command
    else:
        name, text = None, without_mention(text, bot_username)
    return Incoming(
        PLATFORM,
        str(origin.user_id),
        conversation_id(origin.chat_id),
        text,
        command=name,
        private=origin.private,
        attachments=attachments(message),
    )


def incoming_click(query: CallbackQuery, origin: Origin) -> Incoming:
    return Incoming(
        PLATFORM,
        str(origin.user_id),
        conversation_id(origin.chat_id),
        action=query.data,
        private=origin.private,
    )
