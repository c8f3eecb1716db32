"""What people do in the loopback Mattermost: post, click a button, run a slash command.

A click does what the real server does (`app/post_action.go`): it POSTs the
`PostActionIntegrationRequest` to the button's stored integration URL with
its stored context, requires 200 and JSON back, applies `update` (`props: {}`
removes the buttons), emits `post_edited`, and shows `ephemeral_text` to the
clicker only. A slash command is the form-encoded POST of `app/command.go`
with `Authorization: Token <t>`; an ephemeral (or blank) `response_type`
becomes an ephemeral post for the user. Both enforce a timeout.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import aiohttp

if TYPE_CHECKING:
    from fakes.mattermost_model import Channel, User


@dataclass
class ClickResult:
    ok: bool
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)
    error: str = ""


@dataclass
class SlashResult:
    status: int
    response: dict[str, Any] | None
    text: str


class UserActions:
    """Mixed into FakeMattermost; uses its posts, channels, url and post methods."""

    integration_timeout: float = 30.0

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def start_actions(self) -> None:
        self._session = aiohttp.ClientSession()

    async def close_actions(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def post_as(
        self,
        user: User,
        channel: Channel,
        message: str,
        root_id: str = "",
        file_ids: tuple[str, ...] = (),
        kind: str = "",
    ) -> dict[str, Any]:
        """The user posts (a DM, or in a channel: `@bot ...` to mention it).

        `kind` makes it a system post (e.g. "system_join_channel").
        """
        body = {"channel_id": channel.id, "message": message, "root_id": root_id}
        if file_ids:
            body["file_ids"] = list(file_ids)
        return await self.create_post(user, body, kind)

    async def click(self, user: User, post_id: str, action_id: str) -> ClickResult:
        """The user clicks button `action_id` of a post, as the server relays it."""
        post = self.posts.get(post_id)
        channel = self.channels.get(post["channel_id"]) if post else None
        if post is None or channel is None or user.id not in channel.members:
            return ClickResult(False, 403, error="no such post for this user")
        action = _find_action(post, action_id)
        if action is None:
            return ClickResult(False, 404, error="no such action")
        integration = action["integration"]
        request = {
            "user_id": user.id,
            "user_name": user.username,
            "channel_id": channel.id,
            "channel_name": channel.name,
            "team_id": channel.team_id,
            "team_domain": "school" if channel.team_id else "",
            "post_id": post_id,
            "trigger_id": secrets.token_urlsafe(24),
            "type": action.get("type", "button"),
            "data_source": "",
            "context": integration.get("context") or {},
        }
        status, response = await self._post_json(integration["url"], request)
        if status != 200 or response is None:
            return ClickResult(False, status, error="Action failed to execute")
        if response.get("error"):
            return ClickResult(False, status, response, response["error"].get("message", ""))
        await self._apply(user, post, response)
        return ClickResult(True, status, response)

    async def _apply(self, user: User, post: dict[str, Any], response: dict[str, Any]) -> None:
        update = response.get("update")
        if update:
            await self.edit_post(post, update.get("message"), update.get("props"))
        if response.get("ephemeral_text"):
            note = {
                "id": "",
                "channel_id": post["channel_id"],
                "message": response["ephemeral_text"],
            }
            await self.add_ephemeral(user.id, note)

    async def _post_json(self, url: str, body: dict[str, Any]) -> tuple[int, dict | None]:
        assert self._session is not None
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        timeout = aiohttp.ClientTimeout(total=self.integration_timeout)
        async with self._session.post(
            url, data=json.dumps(body), headers=headers, timeout=timeout
        ) as response:
            raw = await response.read()
            if not raw:
                return response.status, {}
            try:
                parsed = json.loads(raw)
            except ValueError:
                return response.status, None
            return response.status, parsed if isinstance(parsed, dict) else None

    async def slash(
        self,
        user: User,
        channel: Channel,
        text: str,
        *,
        url: str,
        token: str,
        header_token: str | None = None,
    ) -> SlashResult:
        """The user types `/protocol <text>`; the server POSTs it to the bot's URL."""
        assert self._session is not None
        form = {
            "channel_id": channel.id,
            "channel_name": channel.name,
            "command": "/protocol",
            "response_url": f"{self.url}/hooks/commands/{secrets.token_hex(13)}",
            "team_domain": "school",
            "team_id": channel.team_id,
            "text": text,
            "token": token,
            "trigger_id": secrets.token_urlsafe(24),
            "user_id": user.id,
            "user_name": user.username,
        }
        headers = {
            "Accept": "application/json",
            "Authorization": f"Token {header_token if header_token is not None else token}",
            "User-Agent": "Mattermost-Bot/1.1",
        }
        timeout = aiohttp.ClientTimeout(total=self.integration_timeout)
        async with self._session.post(url, data=form, headers=headers, timeout=timeout) as resp:
            raw = await resp.text()
            is_json = resp.content_type == "application/json"
        return await self._slash_result(user, channel, resp.status, raw, is_json)

    async def _slash_result(
        self, user: User, channel: Channel, status: int, raw: str, is_json: bool
    ) -> SlashResult:
        if status != 200:
            return SlashResult(status, None, "")
        if not is_json:  # a non-JSON answer is posted as plain text
            return SlashResult(status, None, raw)
        response = json.loads(raw)
        text = response.get("text") or ""
        if response.get("response_type", "") in ("", "ephemeral") and text:
            note = {"id": "", "channel_id": channel.id, "message": text}
            await self.add_ephemeral(user.id, note)
        return SlashResult(status, response, text)


def _find_action(post: dict[str, Any], action_id: str) -> dict[str, Any] | None:
    for attachment in (post.get("props") or {}).get("attachments") or []:
        for action in attachment.get("actions") or []:
            if action.get("id") == action_id and action.get("integration"):
                return action
    return None
