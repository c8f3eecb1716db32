"""The loopback Mattermost's websocket: authentication, events, drops.

Header auth (`Authorization: Bearer`, any case, or the MMAUTHTOKEN cookie)
sends `hello` at once; the authentication challenge answers `hello` then OK
(the real order) or OK then `hello` (`hello_first=False`). A bad challenge
token closes the socket without a FAIL frame; a socket that never
authenticates is closed raw after `auth_timeout`; a challenge on an
authenticated socket is ignored; a frame that is not JSON closes it.
Events are numbered per connection (`seq` 0, 1, 2 ...); `posted` carries
`post` and `mentions` as JSON strings, mentions only for the mentioned
user's connection, and the author's own posts are echoed too.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from fakes.mattermost_model import Channel, User, app_error, broadcast, new_id, strip_integrations

if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclass
class Connection:
    ws: web.WebSocketResponse
    transport: asyncio.Transport | None
    user_id: str = ""
    seq: int = 0
    queue: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)


class WebsocketSide:
    """Mixed into FakeMattermost; uses its users, `_changed` condition and `_user_of()`."""

    def __init__(self) -> None:
        self.hello_first = True
        self.auth_timeout = 5.0
        self.refuse_websockets = False  # upgrades get 503 while set
        self.duplicate_events = False  # every `posted` event is sent twice (a replay)
        self.authenticated = 0  # websocket connections authenticated so far
        self._connections: list[Connection] = []

    async def close_websockets(self) -> None:
        for conn in list(self._connections):
            await conn.ws.close()

    def emit(self, user_ids: Iterable[str], event: dict[str, Any]) -> None:
        """Send an event to every connection of these users."""
        wanted = set(user_ids)
        for conn in self._connections:
            if conn.user_id in wanted:
                self._send(conn, event)

    def emit_posted(
        self, channel: Channel, author: User, post: dict[str, Any], mentioned: set[str]
    ) -> None:
        for conn in self._connections:
            if conn.user_id in channel.members:
                self._send(conn, self._posted(conn, channel, author, post, mentioned))

    def _posted(
        self, conn: Connection, channel: Channel, author: User, post: dict, mentioned: set[str]
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "channel_display_name": f"@{author.username}"
            if channel.type == "D"
            else channel.display_name,
            "channel_name": channel.name,
            "channel_type": channel.type,
            "post": json.dumps(strip_integrations(post)),
            "sender_name": f"@{author.username}",
            "set_online": True,
            "team_id": channel.team_id,
        }
        if conn.user_id in mentioned:  # modern servers: only the mentioned user's connection
            data["mentions"] = json.dumps([conn.user_id])
        if post.get("file_ids"):
            data["otherFile"] = "true"
        return {"event": "posted", "data": data, "broadcast": broadcast(channel_id=channel.id)}

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        if self.refuse_websockets:
            return app_error(503, "api.web_socket.unavailable", "Service unavailable.")
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        conn = Connection(ws, request.transport)  # type: ignore[arg-type]
        self._connections.append(conn)
        writer = asyncio.create_task(self._writer(conn))
        user = self._user_of(request)
        if user is not None:
            await self._authenticated(conn, user)
        deadline = asyncio.get_running_loop().call_later(self.auth_timeout, self._expire, conn)
        try:
            await self._read(conn)
        finally:
            deadline.cancel()
            writer.cancel()
            self._connections.remove(conn)
            async with self._changed:
                self._changed.notify_all()
        return ws

    async def wait_connections(self, count: int, timeout: float = 5.0) -> None:
        """Until exactly `count` websocket connections are open."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self._connections) == count), timeout
            )

    def _expire(self, conn: Connection) -> None:
        if not conn.user_id and conn.transport is not None:
            conn.transport.close()  # a raw close, as the real server does

    async def _read(self, conn: Connection) -> None:
        async for message in conn.ws:
            if message.type != WSMsgType.TEXT:
                break
            try:
                frame = json.loads(message.data)
            except ValueError:
                break  # the server closes on any frame it cannot decode
            if not await self._action(conn, frame):
                break
        await conn.ws.close()

    async def _action(self, conn: Connection, frame: dict[str, Any]) -> bool:
        """Answer one client frame; False to close the socket."""
        seq = frame.get("seq")
        if not isinstance(seq, int) or seq <= 0:
            error = {"id": "api.web_socket_router.bad_seq.app_error", "message": "Invalid seq."}
            self._send(conn, {"status": "FAIL", "seq_reply": seq, "error": error})
            return True
        if frame.get("action") != "authentication_challenge":
            if not conn.user_id:
                return False
            self._send(conn, {"status": "OK", "seq_reply": seq})
            return True
        if conn.user_id:
            return True  # already authenticated: the challenge is ignored, no OK
        user = self.user_by_token(str((frame.get("data") or {}).get("token") or ""))
        if user is None:
            return False  # a bad token closes the socket, no FAIL frame
        ok = {"status": "OK", "seq_reply": seq}
        if not self.hello_first:
            self._send(conn, ok)
        await self._authenticated(conn, user)
        if self.hello_first:
            self._send(conn, ok)
        return True

    async def _authenticated(self, conn: Connection, user: User) -> None:
        conn.user_id = user.id
        hello = {"server_version": "10.11.0", "connection_id": new_id(), "server_hostname": "fake"}
        self._send(conn, {"event": "hello", "data": hello, "broadcast": broadcast(user_id=user.id)})
        async with self._changed:
            self.authenticated += 1
            self._changed.notify_all()

    def _send(self, conn: Connection, frame: dict[str, Any]) -> None:
        conn.queue.put_nowait(frame)
        if self.duplicate_events and frame.get("event") == "posted":
            conn.queue.put_nowait(frame)

    async def _writer(self, conn: Connection) -> None:
        while True:
            frame = await conn.queue.get()
            if "event" in frame:
                frame = {**frame, "seq": conn.seq}
                conn.seq += 1
            await conn.ws.send_str(json.dumps(frame))

    async def drop_websockets(self) -> None:
        """Cut every websocket connection without a close frame, like a network failure."""
        for conn in list(self._connections):
            if conn.transport is not None:
                conn.transport.abort()
