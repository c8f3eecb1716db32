"""POST /mattermost/command: the `/protocol` slash command.

`/protocol <vraag>` asks a question; `/protocol help`, `regel ML2`,
`escalaties`, `mijn` and `vraag <...>` map to the engine's commands. The
answer is ephemeral (only the asker sees it), without optional buttons.
Replies with buttons that continue the conversation (the publication check,
the escalation offer) go to the direct channel, and the ephemeral answer
points there. The token Mattermost sends (form field
`token`, and `Authorization: Token ...` when present) is compared in
constant time; a wrong one gets 401 and no answer.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from aiohttp import web

from bot.engine import COMMANDS as ENGINE_COMMANDS
from bot.messages import Incoming, Reply
from handlers.mattermost import texts
from handlers.mattermost.buttons import json_response
from handlers.mattermost.delivery import continues
from handlers.mattermost.events import PLATFORM
from handlers.mattermost.people import UnknownUser
from handlers.mattermost.rest import RestError
from handlers.runtime import Runtime

if TYPE_CHECKING:
    from handlers.mattermost.delivery import Delivery
    from handlers.mattermost.people import People
    from handlers.mattermost.tasks import KeyedLock, Tasks

log = logging.getLogger(__name__)
COMMANDS = tuple(c for c in ENGINE_COMMANDS if c != "start")  # /protocol <command> [text]


def parse_command(text: str) -> tuple[str, str]:
    """(engine command, its text): a known first word, else the whole text is a question."""
    words = text.strip().split(maxsplit=1)
    if not words:
        return "help", ""
    head = words[0].lower()
    if head in COMMANDS:
        return head, words[1] if len(words) > 1 else ""
    return "vraag", text.strip()


def token_ok(expected: tuple[str, ...], form_token: str, authorization: str | None) -> bool:
    """The form token, and a `Token` Authorization header when sent, match one command token.

    Another scheme in the header (an OAuth bearer, when the admin configured
    outgoing OAuth connections) is not ours to check. Every comparison runs
    in constant time, and all of them run.
    """
    scheme, _, value = (authorization or "").partition(" ")
    header = value.strip() if scheme.lower() == "token" else None
    ok = False
    for token in expected:
        match = hmac.compare_digest(form_token.encode(), token.encode())
        if header is not None:
            match = hmac.compare_digest(header.encode(), token.encode()) and match
        ok = match or ok
    return ok


class SlashEndpoint:
    def __init__(
        self,
        tokens: tuple[str, ...],
        runtime: Runtime,
        people: People,
        delivery: Delivery,
        locks: KeyedLock,
        tasks: Tasks,
    ) -> None:
        self._tokens = tokens
        self.runtime = runtime
        self.people = people
        self.delivery = delivery
        self.locks = locks
        self.tasks = tasks

    async def handle(self, request: web.Request) -> web.Response:
        form = await request.post()
        fields: Mapping[str, str] = {k: v for k, v in form.items() if isinstance(v, str)}
        if not token_ok(
            self._tokens, fields.get("token", ""), request.headers.get("Authorization")
        ):
            log.warning("slash command refused: wrong token")
            return web.Response(status=401)
        user_id, channel_id = fields.get("user_id", ""), fields.get("channel_id", "")
        if not user_id or not channel_id:
            return web.Response(status=400)
        command, text = parse_command(fields.get("text", ""))
        user = await self.people.key_for(user_id, fields.get("user_name") or None)
        incoming = Incoming(
            PLATFORM, user, f"{PLATFORM}:{channel_id}", text=text, command=command, private=False
        )
        async with self.locks.hold(user_id):
            replies = self.runtime.handle(incoming)
            here, elsewhere = self.runtime.split(incoming, replies)
        log.info("slash command=%s user=%s replies=%d", command, user_id, len(replies))
        if elsewhere:
            self.tasks.spawn(self.runtime.deliver(elsewhere), f"deliver-slash-{user_id}")
        return json_response({"response_type": "ephemeral", "text": self._answer(here, user_id)})

    def _answer(self, here: list[Reply], user_id: str) -> str:
        """The ephemeral text; replies with buttons are sent to the direct channel."""
        if not here:
            return texts.SORRY
        if any(continues(reply) for reply in here):
            self.tasks.spawn(self._to_direct(here), f"slash-dm-{user_id}")
            return texts.POINTER
        self.runtime.delivered(here)
        return "\n\n".join(reply.text for reply in here)

    async def _to_direct(self, replies: list[Reply]) -> None:
        for index, reply in enumerate(replies):
            try:
                await self.delivery.to_person(reply)
            except (RestError, UnknownUser) as exc:  # the outbox keeps them
                log.warning("slash reply postponed outbox=%s: %s", reply.outbox_id, exc)
                self.runtime.failed(replies[index:])
                return
            self.runtime.delivered([reply])
