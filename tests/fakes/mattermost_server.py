"""A loopback Mattermost server for tests: the REST subset the bot uses, and the websocket.

Follows ../shared/mattermost-spec/ and section 5 of ../shared/docs/mattermost.md:
exactly `Content-Type: application/json`, AppError bodies, 201 for created
posts and direct channels (idempotent, name `<a>__<b>` sorted, team_id ""),
`users/usernames` dropping unknown names, `Bearer` in any case or the
MMAUTHTOKEN cookie, and the integrations of buttons never shown to clients.
The websocket side is in `mattermost_ws.py`; what people do (post, click a
button, run a slash command) in `mattermost_actions.py`. Tests wait for what
the bot did with `next_post()`, `next_ephemeral()` and `next_edit()`.
"""

from __future__ import annotations

import asyncio
import re
import ssl
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from fakes.mattermost_actions import UserActions
from fakes.mattermost_model import (
    TEAM_ID,
    USER,
    Channel,
    Record,
    User,
    actions_valid,
    app_error,
    json_response,
    new_id,
    new_post,
    post_event,
    strip_integrations,
)
from fakes.mattermost_ws import WebsocketSide

API = "/api/v4"


class FakeMattermost(WebsocketSide, UserActions):
    def __init__(
        self, *, hello_first: bool = True, auth_timeout: float = 5.0, allow_ephemeral: bool = True
    ) -> None:
        WebsocketSide.__init__(self)
        UserActions.__init__(self)
        self.hello_first = hello_first
        self.auth_timeout = auth_timeout
        self.allow_ephemeral = allow_ephemeral
        self.post_gate: asyncio.Event | None = None  # REST posts wait for it while set
        self.post_held = asyncio.Event()  # set once a REST post waits at the gate
        self.users: dict[str, User] = {}
        self.channels: dict[str, Channel] = {}
        self.posts: dict[str, dict[str, Any]] = {}
        self.requests: list[str] = []
        self._records: list[Record] = []
        self._changed = asyncio.Condition()
        self._last_ms = 0
        self._runner: web.AppRunner | None = None
        self.url = ""

    # lifecycle

    async def start(self, ssl_context: ssl.SSLContext | None = None) -> str:
        app = web.Application(middlewares=[self._middleware])
        app.add_routes(self._routes())
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, ssl_context=ssl_context)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"{'https' if ssl_context else 'http'}://127.0.0.1:{port}"
        await self.start_actions()
        return self.url

    async def close(self) -> None:
        await self.close_actions()
        await self.close_websockets()
        if self._runner is not None:
            await self._runner.cleanup()

    def _routes(self) -> list[web.RouteDef]:
        return [
            web.get(API + "/websocket", self._websocket),
            web.get(API + "/users/{user_id}", self._get_user),
            web.post(API + "/users/usernames", self._users_by_usernames),
            web.get(API + "/users/{user_id}/channels", self._channels_of_user),
            web.post(API + "/channels/direct", self._create_direct),
            web.get(API + "/channels/{channel_id}", self._get_channel),
            web.get(API + "/channels/{channel_id}/posts", self._posts_of_channel),
            web.post(API + "/posts", self._create_post),
            web.post(API + "/posts/ephemeral", self._create_ephemeral),
            web.get(API + "/posts/{post_id}", self._get_post),
            web.put(API + "/posts/{post_id}/patch", self._patch_post),
            web.post(API + "/posts/{post_id}/actions/{action_id}", self._do_post_action),
        ]

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Callable) -> web.StreamResponse:
        self.requests.append(f"{request.method} {request.path_qs}")
        if request.path != API + "/websocket":
            if self._user_of(request) is None:
                return self._session_expired()
            request[USER] = self._user_of(request)
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return app_error(404, "api.context.404.app_error", "Sorry, we could not find the page.")
        except web.HTTPMethodNotAllowed:
            return app_error(405, "api.context.405.app_error", "Method not allowed.")

    @staticmethod
    def _session_expired() -> web.Response:
        message = "Invalid or expired session, please login again."
        return app_error(401, "api.context.session_expired.app_error", message)

    def _user_of(self, request: web.Request) -> User | None:
        token = request.cookies.get("MMAUTHTOKEN")
        if token is None:
            scheme, _, token = request.headers.get("Authorization", "").partition(" ")
            token = token.strip() if scheme.lower() == "bearer" else None
        return self.user_by_token(token)

    def user_by_token(self, token: str | None) -> User | None:
        return next((u for u in self.users.values() if token and u.token == token), None)

    # set-up helpers

    def add_user(self, username: str, *, bot: bool = False) -> User:
        user = User(new_id(), username, new_id(), bot)
        self.users[user.id] = user
        return user

    def add_channel(self, name: str, members: list[User], kind: str = "O") -> Channel:
        ids = [m.id for m in members]
        channel = Channel(new_id(), kind, name, name.replace("-", " ").title(), TEAM_ID, ids)
        self.channels[channel.id] = channel
        return channel

    def direct_channel(self, a: User, b: User) -> Channel:
        name = "__".join(sorted((a.id, b.id)))
        existing = next((c for c in self.channels.values() if c.name == name), None)
        if existing is not None:
            return existing
        channel = Channel(new_id(), "D", name, "", "", sorted({a.id, b.id}))
        self.channels[channel.id] = channel
        return channel

    # REST

    async def _get_user(self, request: web.Request) -> web.Response:
        user_id = request.match_info["user_id"]
        user = request[USER] if user_id == "me" else self.users.get(user_id)
        if user is None:
            return app_error(404, "app.user.missing_account.const", "Unable to find the user.")
        return json_response(user.as_json())

    async def _users_by_usernames(self, request: web.Request) -> web.Response:
        names = await request.json()
        if not isinstance(names, list):
            return app_error(400, "api.context.invalid_body_param.app_error", "Invalid body.")
        wanted = {str(n).casefold() for n in names}
        found = [u.as_json() for u in self.users.values() if u.username.casefold() in wanted]
        return json_response(found)

    async def _channels_of_user(self, request: web.Request) -> web.Response:
        user_id = request.match_info["user_id"]
        user_id = request[USER].id if user_id == "me" else user_id
        mine = [c.as_json() for c in self.channels.values() if user_id in c.members]
        return json_response(mine)

    async def _create_direct(self, request: web.Request) -> web.Response:
        ids = await request.json()
        if not isinstance(ids, list) or len(ids) != 2 or not all(i in self.users for i in ids):
            return app_error(400, "api.context.invalid_body_param.app_error", "Invalid user ids.")
        channel = self.direct_channel(self.users[ids[0]], self.users[ids[1]])
        return json_response(channel.as_json(), 201)

    async def _get_channel(self, request: web.Request) -> web.Response:
        channel = self.channels.get(request.match_info["channel_id"])
        if channel is None or request[USER].id not in channel.members:
            return app_error(404, "app.channel.get.existing.app_error", "Unable to find channel.")
        return json_response(channel.as_json())

    async def _posts_of_channel(self, request: web.Request) -> web.Response:
        channel = self.channels.get(request.match_info["channel_id"])
        if channel is None or request[USER].id not in channel.members:
            return app_error(403, "api.context.permissions.app_error", "Permission denied.")
        since = int(request.query.get("since", "0") or 0)
        found = [
            p
            for p in self.posts.values()
            if p["channel_id"] == channel.id and p["update_at"] > since
        ]
        found.sort(key=lambda p: p["create_at"], reverse=True)
        body = {
            "order": [p["id"] for p in found],
            "posts": {p["id"]: strip_integrations(p) for p in found},
            "next_post_id": "",
            "prev_post_id": "",
            "has_next": False,
        }
        return json_response(body)

    async def _create_post(self, request: web.Request) -> web.Response:
        body = await request.json()
        problem = self._post_problem(request[USER], body)
        if problem is not None:
            return problem
        if self.post_gate is not None:
            self.post_held.set()
            await self.post_gate.wait()
        post = await self.create_post(request[USER], body)
        return json_response(strip_integrations(post), 201)

    def _post_problem(self, user: User, body: Any) -> web.Response | None:
        if not isinstance(body, dict) or not isinstance(body.get("message", ""), str):
            return app_error(400, "api.context.invalid_body_param.app_error", "Invalid post.")
        channel = self.channels.get(str(body.get("channel_id")))
        if channel is None or user.id not in channel.members:
            return app_error(403, "api.context.permissions.app_error", "Permission denied.")
        if len(body.get("message", "")) > 16383:
            return app_error(400, "model.post.is_valid.msg.app_error", "Invalid message.")
        root = body.get("root_id") or ""
        if root and self.posts.get(root, {}).get("channel_id") != channel.id:
            return app_error(400, "api.post.create_post.root_id.app_error", "Invalid root id.")
        if not actions_valid(body.get("props") or {}):
            return app_error(400, "model.post.is_valid.actions.app_error", "Invalid actions.")
        return None

    async def _create_ephemeral(self, request: web.Request) -> web.Response:
        if not self.allow_ephemeral:
            message = "You do not have the appropriate permissions."
            return app_error(403, "api.context.permissions.app_error", message)
        body = await request.json()
        target, post = body.get("user_id"), body.get("post") or {}
        if target not in self.users or post.get("channel_id") not in self.channels:
            return app_error(400, "api.context.invalid_body_param.app_error", "Invalid post.")
        ephemeral = new_post(request[USER], post, self._now_ms(), "system_ephemeral")
        await self.add_ephemeral(target, ephemeral)
        return json_response(ephemeral, 201)

    async def _get_post(self, request: web.Request) -> web.Response:
        post = self.posts.get(request.match_info["post_id"])
        if post is None:
            return app_error(404, "app.post.get.app_error", "Unable to get the post.")
        return json_response(strip_integrations(post))

    async def _patch_post(self, request: web.Request) -> web.Response:
        post = self.posts.get(request.match_info["post_id"])
        if post is None or post["user_id"] != request[USER].id:
            return app_error(403, "api.context.permissions.app_error", "Permission denied.")
        patch = await request.json()
        await self.edit_post(post, patch.get("message"), patch.get("props"))
        return json_response(strip_integrations(post))

    async def _do_post_action(self, request: web.Request) -> web.Response:
        post_id, action_id = request.match_info["post_id"], request.match_info["action_id"]
        result = await self.click(request[USER], post_id, action_id)
        if not result.ok:
            return app_error(400, "api.post.do_action.action_integration.app_error", result.error)
        return json_response({"status": "OK", "trigger_id": new_id()})

    # posts and events

    def _now_ms(self) -> int:
        self._last_ms = max(self._last_ms + 1, int(time.time() * 1000))
        return self._last_ms

    async def create_post(self, user: User, body: dict[str, Any], kind: str = "") -> dict[str, Any]:
        """Store a post and broadcast `posted` to the channel members' connections."""
        post = new_post(user, body, self._now_ms(), kind)
        channel = self.channels[post["channel_id"]]
        self.posts[post["id"]] = post
        channel.last_post_at = post["create_at"]
        self.emit_posted(channel, user, post, self._mentioned(channel, user, post["message"]))
        await self._record(Record("post", strip_integrations(post)))
        return post

    def _mentioned(self, channel: Channel, author: User, message: str) -> set[str]:
        if channel.type == "D":
            return {m for m in channel.members if m != author.id}
        names = {n.casefold() for n in re.findall(r"@([a-z0-9._-]*[a-z0-9_])", message, re.I)}
        members = (self.users[m] for m in channel.members if m != author.id)
        return {u.id for u in members if u.username.casefold() in names}

    async def edit_post(self, post: dict[str, Any], message: str | None, props: Any) -> None:
        if message is not None:
            post["message"] = message
        if props is not None:
            keep = {k: v for k, v in post["props"].items() if k in ("from_bot", "from_webhook")}
            post["props"] = {**props, **keep} if props else keep
        post["update_at"] = post["edit_at"] = self._now_ms()
        channel = self.channels[post["channel_id"]]
        shown = strip_integrations(post)
        self.emit(channel.members, post_event("post_edited", shown, channel_id=channel.id))
        await self._record(Record("edit", shown))

    async def add_ephemeral(self, user_id: str, post: dict[str, Any]) -> None:
        self.emit([user_id], post_event("ephemeral_message", post, user_id=user_id))
        await self._record(Record("ephemeral", post, user_id))

    # waiting for what the bot did

    async def _record(self, record: Record) -> None:
        async with self._changed:
            self._records.append(record)
            self._changed.notify_all()

    async def _next(self, match: Callable[[Record], bool], timeout: float) -> Record:
        async def find() -> Record:
            async with self._changed:
                while True:
                    for record in self._records:
                        if not record.taken and match(record):
                            record.taken = True
                            return record
                    await self._changed.wait()

        return await asyncio.wait_for(find(), timeout)

    async def next_post(
        self, channel_id: str, by: User | None = None, timeout: float = 5.0
    ) -> dict[str, Any]:
        """The next post in a channel (by `by`, when given) not yet returned."""

        def match(r: Record) -> bool:
            author_ok = by is None or r.post["user_id"] == by.id
            return r.kind == "post" and r.post["channel_id"] == channel_id and author_ok

        return (await self._next(match, timeout)).post

    async def next_ephemeral(self, user: User, timeout: float = 5.0) -> dict[str, Any]:
        record = await self._next(lambda r: r.kind == "ephemeral" and r.user_id == user.id, timeout)
        return record.post

    async def next_edit(self, post_id: str, timeout: float = 5.0) -> dict[str, Any]:
        record = await self._next(lambda r: r.kind == "edit" and r.post["id"] == post_id, timeout)
        return record.post

    async def wait_authenticated(self, count: int, timeout: float = 5.0) -> None:
        """Until `count` websocket connections have authenticated since the start."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: self.authenticated >= count), timeout
            )

    def posts_in(self, channel_id: str, by: User | None = None) -> list[dict[str, Any]]:
        posts = [p for p in self.posts.values() if p["channel_id"] == channel_id]
        return [strip_integrations(p) for p in posts if by is None or p["user_id"] == by.id]

    def ephemerals_for(self, user: User) -> list[dict[str, Any]]:
        return [r.post for r in self._records if r.kind == "ephemeral" and r.user_id == user.id]
