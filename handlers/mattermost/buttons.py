"""Interactive buttons: signed contexts, and the endpoint Mattermost calls on a click.

Mattermost does not sign its integration requests, so anyone who can reach
the endpoint could claim a click. Each button's context therefore carries
the action, the user it was sent to, and an HMAC-SHA256 of both under the
bot's secret. A click counts only when the signature is right (compared in
constant time) and the clicker is that user; anything else is refused and
changes nothing. Mattermost strips `integration` (and so the context) from
posts before clients see them, so the signature never leaves the server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.messages import Incoming, Option, Reply
from handlers.mattermost import texts
from handlers.mattermost.events import PLATFORM
from handlers.runtime import DeliveryError, Runtime

if TYPE_CHECKING:
    from handlers.mattermost.delivery import Delivery
    from handlers.mattermost.people import People
    from handlers.mattermost.tasks import KeyedLock, Tasks

log = logging.getLogger(__name__)
PRIMARY = ("esc:yes", ":akkoord")
DANGER = (":niet",)


class ButtonSigner:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def context(self, action: str, user_id: str) -> dict[str, str]:
        return {"action": action, "user": user_id, "sig": self._sign(action, user_id)}

    def verify(self, context: Any, clicker: str) -> str | None:
        """The action of a genuine click by the user the button was sent to, else None."""
        if not isinstance(context, dict):
            return None
        action, user, sig = (context.get(k) for k in ("action", "user", "sig"))
        if not all(isinstance(v, str) and v for v in (action, user, sig)):
            return None
        genuine = hmac.compare_digest(sig.encode(), self._sign(action, user).encode())
        return action if genuine and hmac.compare_digest(user.encode(), clicker.encode()) else None

    def _sign(self, action: str, user_id: str) -> str:
        message = f"v1\n{user_id}\n{action}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()


def button_props(
    options: tuple[Option, ...], user_id: str, signer: ButtonSigner, url: str
) -> dict[str, Any]:
    """`props` for a post with one button per option (ids `b0`, `b1` ...)."""
    actions = [
        {
            "id": f"b{index}",
            "type": "button",
            "name": option.label,
            "style": _style(option.action),
            "integration": {"url": url, "context": signer.context(option.action, user_id)},
        }
        for index, option in enumerate(options)
    ]
    fallback = " / ".join(option.label for option in options)
    return {"attachments": [{"fallback": fallback, "actions": actions}]}


def _style(action: str) -> str:
    if any(part in action for part in PRIMARY):
        return "primary"
    if action.endswith(DANGER):
        return "danger"
    return "default"


class ClickEndpoint:
    """POST /mattermost/actions: a click on one of the bot's buttons."""

    def __init__(
        self,
        runtime: Runtime,
        people: People,
        delivery: Delivery,
        signer: ButtonSigner,
        locks: KeyedLock,
        tasks: Tasks,
    ) -> None:
        self.runtime = runtime
        self.people = people
        self.delivery = delivery
        self.signer = signer
        self.locks = locks
        self.tasks = tasks

    async def handle(self, request: web.Request) -> web.Response:
        try:
            click = await request.json()
        except ValueError:
            return web.Response(status=400)
        if not isinstance(click, dict):
            return web.Response(status=400)
        user_id, post_id = str(click.get("user_id") or ""), str(click.get("post_id") or "")
        action = self.signer.verify(click.get("context"), user_id)
        if action is None or not post_id:
            log.warning("button click refused post=%s user=%s", post_id, user_id)
            refusal = {"message": texts.CLICK_REFUSED}
            return json_response({"error": refusal, "ephemeral_text": texts.CLICK_REFUSED})
        user = await self.people.key_for(user_id, click.get("user_name") or None)
        channel_id = str(click.get("channel_id") or "")
        incoming = Incoming(
            PLATFORM,
            user,
            f"{PLATFORM}:{channel_id}",
            action=action,
            private=not click.get("team_id"),
        )
        async with self.locks.hold(user_id):
            replies = self.runtime.handle(incoming)
            here, elsewhere = self.runtime.split(incoming, replies)
            answer = await self._answer(here, post_id, user_id)
        if elsewhere:
            self.tasks.spawn(self.runtime.deliver(elsewhere), f"deliver-click-{post_id}")
        log.info("button click post=%s user=%s replies=%d", post_id, user_id, len(replies))
        return json_response(answer)

    async def _answer(self, here: list[Reply], post_id: str, user_id: str) -> dict[str, Any]:
        """The integration response: the clicked post updated (without buttons), the rest posted.

        Other replies become normal posts, not `ephemeral_text`: ephemeral text
        disappears on reload and cannot carry the next buttons.
        """
        if not here:
            return {"ephemeral_text": texts.SORRY}
        update = next((r for r in here if r.replaces_clicked), None)
        for reply in here:
            if reply is not update:
                await self._post(reply)
        if update is None:
            return {}
        original = await self.delivery.message_of(post_id)
        message = f"{original}\n\n{update.text}" if original else update.text
        props = {}  # no buttons any more ...
        if update.options:  # ... unless the new text has its own
            props = button_props(update.options, user_id, self.signer, self.delivery.actions_url)
        self.runtime.delivered([update])
        return {"update": {"message": message, "props": props}}

    async def _post(self, reply: Reply) -> None:
        try:
            moved = await self.delivery.send(reply)
        except DeliveryError as exc:
            log.warning("delivery postponed outbox=%s reason=%s", reply.outbox_id, exc)
            self.runtime.failed([reply])
            return
        self.runtime.delivered([reply])
        if moved:
            await self.delivery.pointer(reply)


def json_response(body: dict[str, Any], status: int = 200) -> web.Response:
    """JSON with exactly `Content-Type: application/json`, as Mattermost itself sends."""
    return web.Response(
        body=json.dumps(body).encode(), status=status, content_type="application/json"
    )
