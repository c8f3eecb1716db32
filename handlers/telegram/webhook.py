"""The webhook route on the shared aiohttp server: POST /telegram/webhook.

Telegram sends the secret given to setWebhook in a header with every call;
anything without it is refused (403) before the body is read, and the
comparison takes the same time however much of the secret matches.
"""

from __future__ import annotations

import hmac
import logging

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from handlers.telegram.config import WEBHOOK_PATH

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def secret_matches(given: str | None, secret: str) -> bool:
    return hmac.compare_digest((given or "").encode(), secret.encode())


def webhook_route(application: Application, secret: str) -> web.RouteDef:
    async def receive(request: web.Request) -> web.Response:
        if not secret_matches(request.headers.get(SECRET_HEADER), secret):
            log.warning("webhook call refused: wrong or missing secret from %s", request.remote)
            return web.Response(status=403)
        if not application.running:
            return web.Response(status=503)  # Telegram tries again later
        try:
            data = await request.json()
            update = Update.de_json(data, application.bot)
        except (ValueError, KeyError, TypeError):
            log.warning("webhook call with a body that is no update")
            return web.Response(status=400)
        await application.update_queue.put(update)
        return web.Response()

    return web.post(WEBHOOK_PATH, receive)
