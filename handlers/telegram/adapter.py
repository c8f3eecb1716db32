"""The Telegram platform: python-telegram-bot's Application embedded in our event loop.

Updates (by polling, or through the webhook route) become `Incoming` values
for the runtime; the replies for the conversation go back where the person
wrote, the rest is routed by the runtime, to Telegram or another platform.
In a group the bot answers only commands, mentions and replies to itself,
as replies to the person's message (Telegram has no messages only one
member sees), and a conversation that turns personal (buttons: the check,
an escalation) moves to the private chat.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from aiohttp import web
from telegram import BotCommand, InlineKeyboardMarkup, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot.app import App
from bot.directory import Directory
from bot.messages import Incoming, Reply
from bot.settings import SettingsError
from handlers.runtime import DeliveryError, Runtime
from handlers.telegram import texts
from handlers.telegram.application import build_application, quiet_library_logs
from handlers.telegram.chats import PREFIX, PrivateChats, chat_of_conversation, is_private
from handlers.telegram.config import TelegramSettings
from handlers.telegram.links import Links, Outcome
from handlers.telegram.outgoing import Sender, describe, link_button
from handlers.telegram.updates import (
    PLATFORM,
    Origin,
    addressed_to_bot,
    incoming_click,
    incoming_message,
    origin_of_click,
    origin_of_message,
    split_command,
)
from handlers.telegram.webhook import webhook_route

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "callback_query"]


class TelegramPlatform:
    name = PLATFORM

    def __init__(self, settings: TelegramSettings, app: App, runtime: Runtime) -> None:
        quiet_library_logs()
        self.settings = settings
        self.app = app
        self.runtime = runtime
        self.links = Links(app.store, self._directory, app.engine.clock)
        self.chats = PrivateChats(app.store, self._directory, self.links, app.engine.clock)
        self.application = build_application(settings)
        self.sender = Sender(self.application.bot, self.chats)
        self.application.add_handler(MessageHandler(filters.UpdateType.MESSAGE, self._on_message))
        self.application.add_handler(CallbackQueryHandler(self._on_click))
        self.application.add_error_handler(self._on_error)

    # the Platform protocol

    def routes(self) -> list[web.RouteDef]:
        secret = self.settings.webhook_secret
        return [webhook_route(self.application, secret)] if secret else []

    async def start(self) -> None:
        runtime = self.runtime
        self.app.engine.set_linked_accounts(self._linked)
        self.app.engine.set_reachability(
            lambda party: any(p.can_reach(Reply("", to=party)) for p in runtime.platforms)
        )
        try:
            await self.application.initialize()
        except InvalidToken:
            problem = "TELEGRAM_TOKEN was refused by Telegram: check the token BotFather gave you"
            raise SettingsError([problem]) from None
        bot = self.application.bot
        await bot.set_my_commands([BotCommand(name, text) for name, text in texts.COMMANDS])
        if self.settings.webhook:
            await bot.set_webhook(
                self.settings.webhook_url,
                secret_token=self.settings.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        await self.application.start()
        if self.application.updater is not None:
            await self.application.updater.start_polling(
                allowed_updates=ALLOWED_UPDATES, error_callback=self._polling_failed
            )
        mode = "webhook" if self.settings.webhook else "polling"
        log.info("telegram started bot_id=%s mode=%s", bot.id, mode)

    async def stop(self) -> None:
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        await self.application.bot.shutdown()  # its HTTP clients, when start() failed half-way

    def can_reach(self, reply: Reply) -> bool:
        if reply.conversation is not None:
            return chat_of_conversation(reply.conversation) is not None
        if reply.to is not None and reply.to.startswith(PREFIX):
            return True
        return self.chats.of_party(reply.to) is not None

    async def send(self, reply: Reply) -> None:
        chat = self._target(reply)
        if chat is None:
            raise DeliveryError("no private chat with the recipient yet")
        await self.sender.send(chat, reply)

    def health(self) -> dict[str, object]:
        mode = "webhook" if self.settings.webhook else "polling"
        updater = self.application.updater
        polling = updater is None or updater.running
        return {"connected": self.application.running and polling, "mode": mode}

    # identity and addresses

    def _directory(self) -> Directory:
        """The engine's directory, asked each time: a reload swaps it."""
        return self.app.engine.directory

    def _linked(self, platform: str, user: str) -> str | None:
        return self.links.person_of(int(user)) if platform == PLATFORM and user.isdigit() else None

    def _target(self, reply: Reply) -> int | None:
        """Where a routed reply goes: its private chat, else the person's private chat.

        A reply to a question asked in a group, sent late (after a failure or a
        restart), goes privately too: never to the group.
        """
        chat = chat_of_conversation(reply.conversation)
        if chat is not None and is_private(chat):
            return chat
        private = self.chats.of_party(reply.to)
        if private is None and chat is None and reply.to and reply.to.startswith(PREFIX):
            return int(reply.to.removeprefix(PREFIX))  # someone not in the directory
        return private

    # updates

    async def _on_message(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        origin = origin_of_message(message) if message is not None else None
        if message is None or origin is None:
            return
        bot = self.application.bot
        if not origin.private and not (
            split_command(message.text or message.caption or "", bot.username)
            or addressed_to_bot(message, bot.id, bot.username)
        ):
            return
        # DEBUG: the runtime's "answered" line (INFO) already names user, place and outcome
        log.debug(
            "message update=%s chat=%s user=%s", update.update_id, origin.chat_id, origin.user_id
        )
        new_chat = origin.private and self.chats.record(origin.user_id, origin.chat_id)
        incoming = incoming_message(message, origin, bot.username)
        if origin.private and incoming.command == "start" and incoming.text:
            new_chat = await self._redeem(origin, incoming.text) or new_chat
            incoming = replace(incoming, text="")
        await self._turn(origin, incoming)
        if new_chat:
            await self.runtime.flush()  # replies that waited until this person started the bot

    async def _on_click(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        try:
            await query.answer()
        except Exception as exc:  # the click is still handled; the spinner just runs out
            log.warning("callback query not answered update=%s: %s", update.update_id, exc)
        if not query.data:
            return
        origin = origin_of_click(query)
        log.info(
            "click update=%s chat=%s user=%s", update.update_id, origin.chat_id, origin.user_id
        )
        new_chat = origin.private and self.chats.record(origin.user_id, origin.chat_id)
        await self._turn(origin, incoming_click(query, origin))
        if new_chat:
            await self.runtime.flush()

    def _polling_failed(self, error: TelegramError) -> None:
        """Telegram could not be reached (or refused); python-telegram-bot tries again."""
        self.runtime.metrics.reconnect(PLATFORM)
        log.warning("telegram polling failed, trying again: %s", describe(error))

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("update failed update=%s", update_id, exc_info=context.error)

    # turns

    async def _turn(self, origin: Origin, incoming: Incoming) -> None:
        replies = self.runtime.handle(incoming)
        if not replies:
            await self._notice(origin, texts.SORRY)
            return
        here, elsewhere = self.runtime.split(incoming, replies)
        if origin.private:
            await self._answer(origin, here)
        else:  # answers are for the asker alone, never for the whole group
            await self._continue_privately(origin, here)
        await self.runtime.deliver(elsewhere)

    async def _answer(self, origin: Origin, replies: list[Reply]) -> bool:
        """Replies in the chat the person wrote in (in a group: as a reply to their message).

        Stops at the first failure: the rest waits in the outbox, in order.
        """
        reply_to = None if origin.private else origin.message_id
        for index, reply in enumerate(replies):
            try:
                if reply.replaces_clicked and origin.clicked is not None:
                    await self.sender.edit(origin.clicked, reply)
                else:
                    await self.sender.send(origin.chat_id, reply, reply_to)
            except DeliveryError as exc:
                log.warning("reply postponed chat=%s: %s", origin.chat_id, exc)
                self.runtime.failed(replies[index:])
                return False
            self.runtime.delivered([reply])
        return True

    async def _continue_privately(self, origin: Origin, replies: list[Reply]) -> None:
        """Answer a question asked in a group in the private chat; say so in the group."""
        private = Origin(origin.user_id, True, origin.user_id, origin.first_name)
        if await self._answer(private, replies):
            self.chats.record(origin.user_id, origin.user_id)
        if self.chats.chat_of_user(origin.user_id) is not None:
            await self._notice(origin, texts.GONE_PRIVATE)
            return
        # Telegram refused: this person never started the bot (or blocked it). The
        # replies wait in the outbox and are sent once they start it.
        url = f"https://t.me/{self.application.bot.username}"
        button = link_button(texts.OPEN_PRIVATE_CHAT, url)
        await self._notice(origin, texts.START_PRIVATE_FIRST, button)

    async def _redeem(self, origin: Origin, code: str) -> bool:
        """A deep link was opened: link this account to the person; True when linked."""
        result = self.links.redeem(code, origin.user_id)
        log.info("link code used user=%s outcome=%s", origin.user_id, result.outcome.value)
        if result.outcome is Outcome.LINKED and result.person:
            person = self.app.engine.directory.get(result.person)
            name = person.name if person else origin.first_name
            await self._notice(origin, texts.LINKED.format(name=name))
            return True
        taken = result.outcome is Outcome.TAKEN
        await self._notice(origin, texts.LINK_TAKEN if taken else texts.LINK_INVALID)
        return False

    async def _notice(
        self, origin: Origin, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        """A message of the adapter itself, outside the outbox: best effort."""
        reply_to = None if origin.private else origin.message_id
        try:
            await self.sender.send(origin.chat_id, Reply(text), reply_to, markup)
        except DeliveryError as exc:
            log.warning("notice not sent chat=%s: %s", origin.chat_id, exc)
