"""Replies to Mattermost posts: in the conversation, ephemeral, or in the direct channel.

Privacy rules: a reply meant for one person in a channel (`ephemeral`) is an
ephemeral post when the bot may make those; otherwise, and always when it
has buttons that continue a conversation (the publication check, the
escalation), it goes to the person's direct channel and the thread gets a
short pointer. Optional buttons (👍/👎 feedback) are left off an ephemeral
answer rather than moving it. Buttons carry a signed context (buttons.py).
"""

from __future__ import annotations

import logging
from typing import Any

from bot.messages import Option, Reply
from handlers.mattermost import texts
from handlers.mattermost.buttons import ButtonSigner, button_props
from handlers.mattermost.events import parse_conversation
from handlers.mattermost.people import People, UnknownUser
from handlers.mattermost.rest import Forbidden, MattermostRest, RestError
from handlers.runtime import DeliveryError

log = logging.getLogger(__name__)
OPTIONAL_ACTIONS = ("fb:",)  # feedback on an answer: nice to have, no conversation follows


def continues(reply: Reply) -> bool:
    """Whether the reply has buttons that a conversation depends on."""
    return any(not option.action.startswith(OPTIONAL_ACTIONS) for option in reply.options)


class Delivery:
    def __init__(
        self, rest: MattermostRest, people: People, signer: ButtonSigner, actions_url: str
    ) -> None:
        self.rest = rest
        self.people = people
        self.signer = signer
        self.actions_url = actions_url
        self.bot_id = ""  # set at start, from GET /users/me
        self.ephemeral_allowed: bool | None = None  # unknown until the server answers
        self._direct: dict[str, str] = {}  # user id -> direct channel id

    async def send(self, reply: Reply) -> bool:
        """Deliver one reply; True when it went to the direct channel instead (a pointer is due).

        Raises DeliveryError when it cannot be delivered now.
        """
        try:
            return await self._send(reply)
        except (RestError, UnknownUser) as exc:
            raise DeliveryError(str(exc)) from None

    async def _send(self, reply: Reply) -> bool:
        if reply.conversation is None:
            await self.to_person(reply)
            return False
        channel_id, root_id = parse_conversation(reply.conversation)
        if not reply.ephemeral:
            recipient = await self.people.user_id_of(reply.to) if reply.options and reply.to else ""
            await self.post(channel_id, reply.text, root_id, reply.options, recipient)
            return False
        if not continues(reply) and await self._ephemeral(reply, channel_id, root_id):
            return False
        await self.to_person(reply)
        return True

    async def to_person(self, reply: Reply) -> None:
        """The reply in the addressee's direct channel with the bot."""
        if not reply.to:
            raise UnknownUser("reply without addressee")
        user_id = await self.people.user_id_of(reply.to)
        channel_id = await self.direct_channel(user_id)
        await self.post(channel_id, reply.text, "", reply.options, user_id)

    async def direct_channel(self, user_id: str) -> str:
        if user_id not in self._direct:
            channel = await self.rest.direct_channel(self.bot_id, user_id)
            self._direct[user_id] = channel["id"]
        return self._direct[user_id]

    async def post(
        self,
        channel_id: str,
        text: str,
        root_id: str = "",
        options: tuple[Option, ...] = (),
        recipient: str = "",
    ) -> dict[str, Any]:
        post: dict[str, Any] = {"channel_id": channel_id, "message": text, "root_id": root_id}
        if options:
            post["props"] = button_props(options, recipient, self.signer, self.actions_url)
        created = await self.rest.create_post(post)
        # DEBUG: the adapter's "handled" line (INFO) already tells each event's outcome
        log.debug(
            "posted post=%s channel=%s buttons=%d", created.get("id"), channel_id, len(options)
        )
        return created

    async def _ephemeral(self, reply: Reply, channel_id: str, root_id: str) -> bool:
        """Try an ephemeral post; False when the bot may not make them (remembered)."""
        if self.ephemeral_allowed is False or not reply.to:
            return False
        user_id = await self.people.user_id_of(reply.to)
        post = {"channel_id": channel_id, "message": reply.text, "root_id": root_id}
        try:
            await self.rest.ephemeral_post(user_id, post)
        except Forbidden:
            log.warning("ephemeral posts refused; answering in direct messages instead")
            self.ephemeral_allowed = False
            return False
        self.ephemeral_allowed = True
        return True

    async def pointer(self, reply: Reply) -> None:
        """A short note in the thread that the answer is in the direct channel."""
        if reply.conversation is None:
            return
        channel_id, root_id = parse_conversation(reply.conversation)
        note = Reply(texts.POINTER, to=reply.to, conversation=reply.conversation, ephemeral=True)
        try:
            if not await self._ephemeral(note, channel_id, root_id):
                await self.post(channel_id, texts.POINTER, root_id)
        except (RestError, UnknownUser) as exc:
            log.warning("pointer not posted channel=%s: %s", channel_id, exc)

    async def message_of(self, post_id: str) -> str:
        """The text of a post, "" when it cannot be read."""
        try:
            return str((await self.rest.get_post(post_id)).get("message") or "")
        except RestError as exc:
            log.warning("post not read post=%s: %s", post_id, exc)
            return ""
