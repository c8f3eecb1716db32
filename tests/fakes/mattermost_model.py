"""The loopback Mattermost's data: ids, users, channels, posts as clients see them, errors."""

from __future__ import annotations

import copy
import json
import re
import secrets
import string
from dataclasses import dataclass
from typing import Any

from aiohttp import web

TEAM_ID = "teamteamteamteamteamteamte"
ID_CHARS = string.ascii_lowercase + string.digits


def new_id() -> str:
    return "".join(secrets.choice(ID_CHARS) for _ in range(26))


def json_response(body: Any, status: int = 200) -> web.Response:
    """Exactly `application/json`, no charset: the drivers compare the header literally."""
    return web.Response(
        body=json.dumps(body).encode(), status=status, content_type="application/json"
    )


def app_error(status: int, error_id: str, message: str) -> web.Response:
    body = {
        "id": error_id,
        "message": message,
        "detailed_error": "",
        "request_id": new_id(),
        "status_code": status,
    }
    return json_response(body, status)


@dataclass
class User:
    id: str
    username: str
    token: str
    is_bot: bool = False

    def as_json(self) -> dict[str, Any]:
        body = {"id": self.id, "username": self.username, "create_at": 0, "update_at": 0}
        body |= {"delete_at": 0, "first_name": "", "last_name": "", "nickname": ""}
        body |= {"email": f"{self.username}@school.test", "roles": "system_user", "locale": "nl"}
        return body | ({"is_bot": True, "bot_description": ""} if self.is_bot else {})


USER = web.RequestKey("user", User)


@dataclass
class Channel:
    id: str
    type: str
    name: str
    display_name: str
    team_id: str
    members: list[str]
    last_post_at: int = 0

    def as_json(self) -> dict[str, Any]:
        body = {"id": self.id, "type": self.type, "name": self.name, "team_id": self.team_id}
        body |= {"display_name": self.display_name, "last_post_at": self.last_post_at}
        return body | {"create_at": 0, "update_at": 0, "delete_at": 0, "creator_id": ""}


@dataclass
class Record:
    """Something the bot did: a `post`, an `ephemeral` post for `user_id`, or an `edit`."""

    kind: str
    post: dict[str, Any]
    user_id: str = ""
    taken: bool = False


def broadcast(channel_id: str = "", user_id: str = "") -> dict[str, Any]:
    return {
        "omit_users": None,
        "user_id": user_id,
        "channel_id": channel_id,
        "team_id": "",
        "connection_id": "",
        "omit_connection_id": "",
    }


def new_post(user: User, body: dict[str, Any], now: int, kind: str = "") -> dict[str, Any]:
    """A Post as the server stores it; posts of bot accounts get `from_bot`."""
    props = copy.deepcopy(body.get("props") or {})
    if user.is_bot:
        props["from_bot"] = "true"
    post = {"id": new_id(), "create_at": now, "update_at": now, "edit_at": 0, "delete_at": 0}
    post |= {"is_pinned": False, "user_id": user.id, "channel_id": body.get("channel_id")}
    post |= {"root_id": body.get("root_id") or "", "original_id": "", "type": kind}
    post |= {"message": body.get("message") or "", "props": props, "hashtags": ""}
    post |= {"pending_post_id": "", "reply_count": 0, "last_reply_at": 0}
    post |= {"participants": None, "metadata": {}}
    if body.get("file_ids"):
        post["file_ids"] = list(body["file_ids"])
    return post


def post_event(event: str, post: dict[str, Any], channel_id: str = "", user_id: str = "") -> dict:
    """`post_edited` or `ephemeral_message`: `data.post` is the post as a JSON string."""
    data = {"post": json.dumps(post)}
    return {"event": event, "data": data, "broadcast": broadcast(channel_id, user_id)}


def strip_integrations(post: dict[str, Any]) -> dict[str, Any]:
    """What clients see: the real server never shows a button's integration (or its context)."""
    post = copy.deepcopy(post)
    for attachment in (post.get("props") or {}).get("attachments") or []:
        for action in attachment.get("actions") or []:
            action.pop("integration", None)
    return post


def actions_valid(props: dict[str, Any]) -> bool:
    """PostAction.IsValid: a type, a name and an http(s) integration URL."""
    for attachment in props.get("attachments") or []:
        for action in attachment.get("actions") or []:
            url = (action.get("integration") or {}).get("url", "")
            if action.get("type") not in ("button", "select") or not action.get("name"):
                return False
            if not re.match(r"https?://", url) or not re.fullmatch(r"[A-Za-z0-9]*", action["id"]):
                return False
    return True
