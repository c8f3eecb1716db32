"""A loopback imitation of the Telegram Bot API, held to the Bot API description.

The real python-telegram-bot talks HTTP to it (`ApplicationBuilder().base_url(...)`).
Every call is decoded and checked by `telegram_spec`: an unknown method or
parameter, a missing required one, or a result that does not fit its type
is recorded in `problems` (and refused, as Telegram would); the test
fixture fails the test on any. Telegram's rules that matter to this bot are
imitated: a bot cannot write to someone who never started it, HTML must be
well formed, callback data is 1-64 bytes, an edit without `reply_markup`
drops the buttons, a callback query is answered once.

People act through `say`, `click` and `message_update`; tests wait for the
bot with `next_message`, `answered` and `wait_until`: no sleeps.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from fakes.telegram_html import EntityError, parse_html, utf16_len
from fakes.telegram_people import PeopleActions, now, without_reply
from fakes.telegram_spec import SpecError, load_spec

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


@dataclass
class ApiError(Exception):
    code: int
    description: str


class FakeTelegram(PeopleActions):
    def __init__(self, token: str, bot_username: str = "svopl_protocolbot") -> None:
        self.spec = load_spec()
        self.token = token
        self.bot = {"id": 7000001, "is_bot": True, "first_name": "Protocolbot"}
        self.bot |= {"username": bot_username, "can_join_groups": True}
        self.problems: list[str] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict] = []
        self.allowed_updates: list[str] | None = None
        self.messages: dict[tuple[int, int], dict] = {}
        self.outbox: dict[int, list[int]] = {}  # chat id -> ids of the bot's messages there
        self.chats: dict[int, dict] = {}
        self.started: set[int] = set()
        self.blocked: set[int] = set()
        self.queries: dict[str, bool] = {}  # callback query id -> answered
        self.webhook: dict[str, Any] | None = None
        self.commands: list[dict] = []
        self.max_long_poll = 1.0
        self.url = ""
        self._ids = itertools.count(1)
        self._read: dict[int, int] = {}
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._closing = False
        self._failures: dict[str, ApiError] = {}
        self.failed: list[str] = []  # methods that failed on purpose (`fail_next`)

    # the server

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._endpoint)
        app.router.add_route("*", "/file/bot{token}/{path:.*}", self._file)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self.url

    async def close(self) -> None:
        self._closing = True  # wake the long polls the client abandoned, or cleanup waits
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _endpoint(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(ApiError(401, "Unauthorized"))
        method = request.match_info["method"]
        try:
            params = self.spec.decode_params(method, await _raw_params(request))
            handler = getattr(self, f"_api_{method}", None)
            if handler is None:
                raise SpecError(f"{method}: not a call this bot should make")
        except SpecError as exc:
            self.problems.append(str(exc))
            return _error(ApiError(400, f"Bad Request: {exc}"))
        self.calls.append((method, params))
        if method in self._failures:
            self.failed.append(method)
            self._notify()
            return _error(self._failures.pop(method))
        try:
            result = await handler(**params)
            self.spec.check_result(method, result)
        except ApiError as exc:
            return _error(exc)
        except SpecError as exc:
            self.problems.append(f"the imitation itself: {exc}")
            return _error(ApiError(500, "Internal Server Error"))
        finally:
            self._notify()
        return web.json_response({"ok": True, "result": result})

    def fail_next(self, method: str, code: int, description: str) -> None:
        """The next call of `method` fails, as when Telegram has a bad moment."""
        self._failures[method] = ApiError(code, description)

    async def _file(self, request: web.Request) -> web.Response:
        self.problems.append("a file was downloaded: the bot must never fetch photos or files")
        return web.Response(status=404)

    # Bot API methods

    async def _api_getMe(self) -> dict:
        return self.bot

    async def _api_setMyCommands(self, commands: list[dict], **_scope: Any) -> bool:
        for command in commands:
            name, description = command["command"], command["description"]
            if not (1 <= len(name) <= 32 and name.islower() and name.replace("_", "").isalnum()):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands = commands
        return True

    async def _api_deleteWebhook(self, drop_pending_updates: bool = False) -> bool:
        self.webhook = None
        if drop_pending_updates:
            self.updates.clear()
        return True

    async def _api_setWebhook(self, url: str, **options: Any) -> bool:
        if not url.startswith("https://"):
            raise ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        self.webhook = {"url": url, **options}
        return True

    async def _api_getUpdates(
        self,
        offset: int = 0,
        limit: int = 100,
        timeout: int = 0,
        allowed_updates: list[str] | None = None,
    ) -> list[dict]:
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        if allowed_updates is not None:
            self.allowed_updates = allowed_updates
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        deadline = time.monotonic() + min(timeout, self.max_long_poll)
        while not self._deliverable() and time.monotonic() < deadline and not self._closing:
            changed = self._changed
            try:
                await asyncio.wait_for(changed.wait(), deadline - time.monotonic())
            except TimeoutError:
                break
        return self._deliverable()[:limit]

    def _deliverable(self) -> list[dict]:
        allowed = self.allowed_updates
        return [u for u in self.updates if not allowed or any(k in u for k in allowed)]

    async def _api_sendMessage(
        self,
        chat_id: int,
        text: str,
        parse_mode: str | None = None,
        reply_markup: dict | None = None,
        reply_parameters: dict | None = None,
        **_options: Any,
    ) -> dict:
        chat = self._writable_chat(chat_id)
        message = self._bot_message(chat, text, parse_mode, reply_markup)
        if reply_parameters is not None:
            replied = self.messages.get((chat_id, reply_parameters["message_id"]))
            if replied is None and not reply_parameters.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
            if replied is not None:
                message["reply_to_message"] = without_reply(replied)
        self.messages[(chat_id, message["message_id"])] = message
        self.outbox.setdefault(chat_id, []).append(message["message_id"])
        return message

    async def _api_editMessageText(
        self,
        text: str,
        chat_id: int | None = None,
        message_id: int | None = None,
        parse_mode: str | None = None,
        reply_markup: dict | None = None,
        **_options: Any,
    ) -> dict:
        old = self.messages.get((chat_id or 0, message_id or 0))
        if old is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if old["from"]["id"] != self.bot["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        new = self._bot_message(old["chat"], text, parse_mode, reply_markup)
        same = all(new.get(k) == old.get(k) for k in ("text", "entities", "reply_markup"))
        if same:
            raise ApiError(400, NOT_MODIFIED)
        new |= {"message_id": old["message_id"], "date": old["date"], "edit_date": now()}
        self.messages[(old["chat"]["id"], old["message_id"])] = new
        return new

    async def _api_answerCallbackQuery(self, callback_query_id: str, **_options: Any) -> bool:
        if self.queries.get(callback_query_id, True):
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        self.queries[callback_query_id] = True
        return True

    def _writable_chat(self, chat_id: int) -> dict:
        chat = self.chats.get(chat_id)
        if chat is None:
            if chat_id > 0:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            raise ApiError(400, "Bad Request: chat not found")
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id > 0 and chat_id not in self.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        return chat

    def _bot_message(
        self, chat: dict, markup: str, mode: str | None, keyboard: dict | None
    ) -> dict:
        if mode not in (None, "HTML"):
            self.problems.append(f"parse_mode {mode!r}: the bot is meant to send HTML")
        try:
            text, entities = parse_html(markup) if mode == "HTML" else (markup, [])
        except EntityError as exc:
            raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        _check_keyboard(keyboard)
        message = {"message_id": next(self._ids), "from": self.bot, "chat": chat}
        message |= {"date": now(), "text": text}
        if entities:
            message["entities"] = entities
        if keyboard and keyboard.get("inline_keyboard"):
            message["reply_markup"] = keyboard
        return message


async def _raw_params(request: web.Request) -> dict[str, str]:
    raw: dict[str, str] = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        raw |= {k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()}
    elif request.can_read_body:
        for name, value in (await request.post()).items():
            if not isinstance(value, str):
                raise SpecError(f"parameter {name!r} is a file upload: this bot never uploads")
            raw[name] = value
    return raw


def _check_keyboard(keyboard: dict | None) -> None:
    for row in (keyboard or {}).get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


def _error(error: ApiError) -> web.Response:
    body = {"ok": False, "error_code": error.code, "description": error.description}
    return web.json_response(body, status=error.code)
