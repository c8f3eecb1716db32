"""No question lost, none answered twice: dedupe by post id, catch up after a reconnect.

While the websocket is down, `posted` events are lost. After a reconnect the
adapter asks for the bot's channels with posts since the last one it saw
(`GET /users/me/channels`, `last_post_at`), then for those posts
(`GET /channels/{id}/posts?since=`). Every post, from either path, passes
`saw()` first, so a post is handled at most once. The watermark is kept in
the server's clock (the `create_at` of posts seen, the bot's own echoed
posts included); before any post is seen, the local time at first connect.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from handlers.mattermost.events import Post, from_rest
from handlers.mattermost.rest import MattermostRest

MARGIN_MS = 5_000  # posts can arrive slightly out of create_at order; dedupe absorbs overlap
REMEMBER = 10_000  # post ids kept for dedupe


def now_ms() -> int:
    return int(time.time() * 1000)


class Catchup:
    def __init__(self, rest: MattermostRest, clock_ms: Callable[[], int] = now_ms) -> None:
        self.rest = rest
        self._clock_ms = clock_ms
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._started_ms: int | None = None
        self._server_ms: int | None = None
        self._gap_ms: int | None = None  # the start of a gap not yet caught up

    def start(self) -> None:
        if self._started_ms is None:
            self._started_ms = self._clock_ms()

    def saw(self, post_id: str, create_at: int) -> bool:
        """Record a post; False when it was seen before (do not handle it again)."""
        if create_at:
            self._server_ms = max(self._server_ms or 0, create_at)
        if post_id in self._seen:
            return False
        self._seen[post_id] = None
        if len(self._seen) > REMEMBER:
            self._seen.popitem(last=False)
        return True

    def gap_start(self) -> int:
        """Where to look from after a reconnect; call at the reconnect, before new events."""
        base = self._server_ms if self._server_ms is not None else self._started_ms
        since = (base or self._clock_ms()) - MARGIN_MS
        if self._gap_ms is not None:
            since = min(since, self._gap_ms)
        self._gap_ms = since
        return since

    def caught_up(self, since: int) -> None:
        if self._gap_ms == since:
            self._gap_ms = None

    async def missed(self, since: int, my_username: str) -> list[Post]:
        """Posts created since `since` in the bot's channels, oldest first."""
        posts: list[Post] = []
        for channel in await self.rest.my_channels():
            if int(channel.get("last_post_at") or 0) < since:
                continue
            for raw in await self.rest.posts_since(channel["id"], since):
                if int(raw.get("create_at") or 0) >= since and not raw.get("delete_at"):
                    posts.append(from_rest(raw, str(channel.get("type") or ""), my_username))
        return sorted(posts, key=lambda post: post.create_at)
