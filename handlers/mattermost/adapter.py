"""The Mattermost platform: websocket events in, replies out, the slash command and buttons.

Direct messages are answered in the direct channel. In other channels the
bot answers only when @-mentioned, for the asker alone (see delivery.py),
in the thread of the question. Every event is handled in its own task; one
person's turns run in order (a lock per user). `stop()` waits for the tasks
in flight, so no reply is lost at shutdown.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from typing import Any

from aiohttp import web
from websockets.exceptions import InvalidHandshake

from bot.app import App
from bot.messages import Reply
from bot.settings import SettingsError
from handlers.mattermost import texts
from handlers.mattermost.buttons import ButtonSigner, ClickEndpoint
from handlers.mattermost.catchup import Catchup
from handlers.mattermost.config import ACTIONS_PATH, COMMAND_PATH, MattermostConfig
from handlers.mattermost.delivery import Delivery
from handlers.mattermost.events import PLATFORM, Post, answerable, from_event, to_incoming
from handlers.mattermost.people import People
from handlers.mattermost.rest import MattermostRest, RestError, TokenRefused
from handlers.mattermost.slash import SlashEndpoint
from handlers.mattermost.tasks import KeyedLock, Tasks
from handlers.mattermost.transport import trusted_context
from handlers.mattermost.websocket import Backoff, EventStream, WebsocketAuthError
from handlers.runtime import DeliveryError, Runtime
from handlers.workers import Share

log = logging.getLogger(__name__)
CATCH_UP_RETRIES = (0.0, 1.0, 5.0, 15.0, 60.0)  # seconds to wait before each try


class MattermostPlatform:
    name = PLATFORM

    def __init__(
        self,
        config: MattermostConfig,
        app: App,
        runtime: Runtime,
        *,
        websocket_auth: str = "header",
        backoff: Backoff | None = None,
        hello_timeout: float = 5.0,
        ssl_context: ssl.SSLContext | None = None,
        share: Share | None = None,
    ) -> None:
        """`app` is the factory's wiring; the directory is read from `runtime.engine`
        each time, so a reload (SIGHUP) is seen. The keyword options are for tests."""
        self.config = config
        self.runtime = runtime
        self.share = share or Share(app.worker, app.settings.workers)
        self.rest = MattermostRest(config)
        self.people = People(lambda: runtime.engine.directory, self.rest, runtime.engine.find)
        signer = ButtonSigner(config.button_secret)
        self.delivery = Delivery(self.rest, self.people, signer, config.actions_url)
        self.tasks = Tasks()
        self.locks = KeyedLock()
        self.catchup = Catchup(self.rest)
        parts = (runtime, self.people, self.delivery)
        self.slash = SlashEndpoint(config.slash_tokens, *parts, self.locks, self.tasks)
        self.clicks = ClickEndpoint(*parts, signer, self.locks, self.tasks)
        self.stream = EventStream(
            config.server.websocket_url,
            config.token,
            self._on_event,
            self._on_connect,
            auth=websocket_auth,
            ssl_context=ssl_context or _ssl_context(config),
            backoff=backoff,
            hello_timeout=hello_timeout,
        )
        self.me = ""
        self.my_username = ""
        self._catching_up: asyncio.Task[None] | None = None

    def routes(self) -> list[web.RouteDef]:
        return [
            web.post(COMMAND_PATH, self.slash.handle),
            web.post(ACTIONS_PATH, self.clicks.handle),
        ]

    async def start(self) -> None:
        """Check the token (GET /users/me), then open the websocket; SettingsError when wrong."""
        me = await self._whoami()
        self.me, self.my_username = str(me["id"]), str(me.get("username") or "")
        self.delivery.bot_id = self.me
        await self.people.warm()
        self.runtime.engine.set_reachability(self._reachable)
        try:
            await self.stream.open()
        except WebsocketAuthError as exc:
            raise SettingsError([f"MATTERMOST_TOKEN: {exc}"]) from None
        except (OSError, InvalidHandshake, TimeoutError) as exc:
            url = self.config.server.websocket_url
            problem = f"MATTERMOST_URL: cannot open the websocket {url} ({type(exc).__name__})"
            raise SettingsError([problem]) from None
        log.info("connected to mattermost bot=%s", self.me)

    async def _whoami(self) -> dict[str, Any]:
        server = self.config.server
        try:
            return await self.rest.me()
        except TokenRefused:
            problem = (
                f"MATTERMOST_TOKEN was refused by the Mattermost server at {server}: "
                "check the bot account's access token"
            )
        except RestError as exc:
            problem = f"MATTERMOST_URL: cannot use the Mattermost server at {server}: {exc}"
        raise SettingsError([problem])

    def _reachable(self, party: str) -> bool:
        """Whether any serving platform can message this party (for the escalation)."""
        probe = Reply("", to=party)
        return any(platform.can_reach(probe) for platform in self.runtime.platforms or [self])

    async def stop(self) -> None:
        """Close the websocket, then let the turns and deliveries in flight finish."""
        await self.stream.close()
        if self._catching_up is not None:
            self._catching_up.cancel()  # only a retry can be waiting here
        await self.tasks.drain()

    async def drain(self) -> None:
        """Wait until every event in flight has been answered (tests, shutdown)."""
        await self.tasks.drain()

    def can_reach(self, reply: Reply) -> bool:
        if reply.conversation is not None:
            return reply.conversation.startswith(f"{PLATFORM}:")
        return self.people.reachable(reply.to)

    async def send(self, reply: Reply) -> None:
        if await self.delivery.send(reply):
            await self.delivery.pointer(reply)

    def health(self) -> dict[str, object]:
        return {"connected": self.stream.connected, "reconnects": self.stream.reconnects}

    # events

    def _on_connect(self, reconnected: bool) -> None:
        if not reconnected:
            self.catchup.start()
            return
        self.runtime.metrics.reconnect(PLATFORM)
        since = self.catchup.gap_start()
        if self._catching_up is not None:
            self._catching_up.cancel()  # the new one starts at least as early
        self._catching_up = self.tasks.spawn(self._catch_up(since), "mattermost-catch-up")
        self.tasks.spawn(self.runtime.flush(), "mattermost-flush")

    def _on_event(self, frame: dict[str, Any]) -> None:
        post = from_event(frame, self.me)
        if post is not None:
            self._consider(post)

    def _consider(self, post: Post) -> None:
        if not self.catchup.saw(post.id, post.create_at):
            return
        self.people.remember(post.user_id, post.username)
        if answerable(post, self.me) and self.share.owns(post.user_id):
            self.tasks.spawn(self._answer(post), f"mattermost-post-{post.id}")

    async def _catch_up(self, since: int) -> None:
        """Answer what the websocket missed; retried a few times, then at the next reconnect."""
        for delay in CATCH_UP_RETRIES:
            await asyncio.sleep(delay)
            try:
                missed = await self.catchup.missed(since, self.my_username)
            except RestError as exc:
                log.warning("catch-up failed since=%d: %s", since, exc)
                continue
            self.catchup.caught_up(since)
            for post in missed:
                self._consider(post)
            log.info("caught up since=%d posts=%d", since, len(missed))
            return
        log.error("catch-up gave up since=%d; trying again at the next reconnect", since)

    async def _answer(self, post: Post) -> None:
        user = await self.people.key_for(post.user_id, post.username)
        incoming = to_incoming(post, user, self.my_username)
        async with self.locks.hold(post.user_id):
            replies = self.runtime.handle(incoming)
            here, elsewhere = self.runtime.split(incoming, replies)
            if not replies:
                here = [
                    Reply(
                        texts.SORRY,
                        to=f"{PLATFORM}:{post.user_id}",
                        conversation=incoming.conversation,
                        ephemeral=not post.direct,
                    )
                ]
            await self._reply_here(here)
        if elsewhere:
            await self.runtime.deliver(elsewhere)
        # DEBUG: the runtime's "answered" line (INFO) already names user, place and outcome
        log.debug(
            "handled post=%s user=%s channel=%s replies=%d",
            post.id,
            post.user_id,
            post.channel_id,
            len(replies),
        )

    async def _reply_here(self, here: list[Reply]) -> None:
        """Replies in the asker's conversation, in order; one pointer if any went to the DM."""
        moved: Reply | None = None
        for index, reply in enumerate(here):
            try:
                if await self.delivery.send(reply):
                    moved = reply
            except DeliveryError as exc:
                log.warning("delivery postponed outbox=%s reason=%s", reply.outbox_id, exc)
                self.runtime.failed(here[index:])
                break
            await self.runtime.mark_delivered([reply])
        if moved is not None:
            await self.delivery.pointer(moved)


def _ssl_context(config: MattermostConfig) -> ssl.SSLContext | None:
    """The websocket trusts what the REST calls trust (see `trusted_context`)."""
    if config.server.scheme != "https":
        return None
    verify = str(config.ca_file) if config.ca_file else True
    return trusted_context(str(config.server), verify)
