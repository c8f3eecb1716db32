"""Core replies as Bot API calls: sendMessage with an inline keyboard, editMessageText.

Every Telegram failure becomes a DeliveryError, so the reply stays in the
outbox and the runtime tries again later. A chat that blocked the bot is
forgotten: nobody is written to who does not want it.
"""

from __future__ import annotations

import logging

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.messages import Option, Reply
from handlers.runtime import DeliveryError
from handlers.telegram.chats import PrivateChats, is_private
from handlers.telegram.markup import MAX_CHARS, pieces, to_html, to_plain

log = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def keyboard(options: tuple[Option, ...]) -> InlineKeyboardMarkup | None:
    """One button per row; the action id itself is the callback data (at most 64 bytes)."""
    if not options:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(o.label, callback_data=o.action)] for o in options]
    )


def link_button(label: str, url: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, url=url)]])


class Sender:
    def __init__(self, bot: Bot, chats: PrivateChats) -> None:
        self.bot = bot
        self.chats = chats

    async def send(
        self,
        chat_id: int,
        reply: Reply,
        reply_to: int | None = None,
        markup: InlineKeyboardMarkup | None = None,
    ) -> Message:
        """Send a reply (in pieces if long; buttons under the last); DeliveryError on failure."""
        *first, last = pieces(reply.text)
        for part in first:
            await self._send_piece(chat_id, part, None, reply_to)
            reply_to = None
        return await self._send_piece(chat_id, last, markup or keyboard(reply.options), reply_to)

    async def edit(self, clicked: Message, reply: Reply) -> None:
        """Show the reply in the clicked message, under what it said, without buttons."""
        text = to_html(reply.text)
        if clicked.text and len(clicked.text) + len(reply.text) < MAX_CHARS:
            text = f"{clicked.text_html}\n\n{text}"
        try:
            await self.bot.edit_message_text(
                text,
                chat_id=clicked.chat.id,
                message_id=clicked.message_id,
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
            )
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return
            log.warning(
                "edit refused chat=%s message=%s: %s", clicked.chat.id, clicked.message_id, exc
            )
            await self.send(clicked.chat.id, reply)
        except TelegramError as exc:
            raise DeliveryError(describe(exc)) from exc

    async def _send_piece(
        self,
        chat_id: int,
        markdown: str,
        markup: InlineKeyboardMarkup | None,
        reply_to: int | None,
    ) -> Message:
        reply_parameters = (
            ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        )
        options = {"reply_markup": markup, "reply_parameters": reply_parameters}
        try:
            return await self._html_or_plain(chat_id, markdown, options)
        except Forbidden as exc:
            if is_private(chat_id):
                self.chats.forget(chat_id)
            raise DeliveryError(describe(exc)) from exc
        except TelegramError as exc:
            raise DeliveryError(describe(exc)) from exc

    async def _html_or_plain(self, chat_id: int, markdown: str, options: dict) -> Message:
        try:
            return await self.bot.send_message(
                chat_id,
                to_html(markdown),
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                **options,
            )
        except BadRequest as exc:
            if "entities" not in str(exc).lower():
                raise
        log.warning("markup refused chat=%s, sending plain text", chat_id)
        return await self.bot.send_message(
            chat_id, to_plain(markdown), link_preview_options=NO_PREVIEW, **options
        )


def describe(exc: TelegramError) -> str:
    """What went wrong, in Telegram's words: never the text or the token."""
    return f"{type(exc).__name__}: {exc.message}"
