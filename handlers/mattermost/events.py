"""From Mattermost posts to core `Incoming` values: which posts the bot answers.

Pure functions, no I/O. A post reaches the bot either in a websocket
`posted` event (where `data.post` and `data.mentions` are JSON strings) or,
after a reconnect, from the REST API with the channel's type beside it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot.messages import Incoming

PLATFORM = "mattermost"
DIRECT = "D"


@dataclass(frozen=True)
class Post:
    id: str
    user_id: str
    channel_id: str
    channel_type: str
    root_id: str
    message: str
    create_at: int
    system: bool  # a system message (join, leave, header change ...)
    automated: bool  # from a bot account or a webhook
    files: int
    mentioned: bool  # the bot was @-mentioned
    username: str | None  # the author's username, when the event tells

    @property
    def direct(self) -> bool:
        return self.channel_type == DIRECT


def from_event(event: dict[str, Any], me: str) -> Post | None:
    """The post of a `posted` websocket event, None for any other event or a bad frame."""
    if event.get("event") != "posted":
        return None
    data = event.get("data") or {}
    raw = _loads(data.get("post"), {})
    if not isinstance(raw, dict) or not raw.get("id"):
        return None
    mentions = _loads(data.get("mentions"), [])
    sender = str(data.get("sender_name") or "")
    return _post(
        raw,
        channel_type=str(data.get("channel_type") or ""),
        mentioned=isinstance(mentions, list) and me in mentions,
        username=sender.removeprefix("@") if sender.startswith("@") else None,
    )


def from_rest(raw: dict[str, Any], channel_type: str, my_username: str) -> Post:
    """A post fetched over REST (no `mentions` there: look for @username in the text)."""
    mention = re.compile(rf"(?<![\w.-])@{re.escape(my_username)}(?![\w-])", re.IGNORECASE)
    text = str(raw.get("message") or "")
    return _post(raw, channel_type, bool(mention.search(text)), None)


def _post(raw: dict[str, Any], channel_type: str, mentioned: bool, username: str | None) -> Post:
    props = raw.get("props") or {}
    return Post(
        id=str(raw["id"]),
        user_id=str(raw.get("user_id") or ""),
        channel_id=str(raw.get("channel_id") or ""),
        channel_type=channel_type,
        root_id=str(raw.get("root_id") or ""),
        message=str(raw.get("message") or ""),
        create_at=int(raw.get("create_at") or 0),
        system=bool(raw.get("type")),
        automated=_flag(props, "from_bot") or _flag(props, "from_webhook"),
        files=len(raw.get("file_ids") or ()),
        mentioned=mentioned,
        username=username,
    )


def answerable(post: Post, me: str) -> bool:
    """Direct messages from people, and channel posts that @-mention the bot."""
    if post.user_id == me or not post.user_id or post.system or post.automated:
        return False
    return post.direct or post.mentioned


def conversation_of(post: Post) -> str:
    """`mattermost:<channel>` for a DM, `mattermost:<channel>:<thread root>` in a channel."""
    if post.direct:
        return f"{PLATFORM}:{post.channel_id}"
    return f"{PLATFORM}:{post.channel_id}:{post.root_id or post.id}"


def parse_conversation(conversation: str) -> tuple[str, str]:
    """(channel id, thread root id or "") of a conversation id made by conversation_of()."""
    _, channel_id, root_id = [*conversation.split(":", 2), ""][:3]
    return channel_id, root_id


def to_incoming(post: Post, user: str, my_username: str) -> Incoming:
    """The core's view of a post; `user` is the id or username the directory knows."""
    text = post.message if post.direct else strip_mention(post.message, my_username)
    return Incoming(
        PLATFORM,
        user,
        conversation_of(post),
        text=text,
        private=post.direct,
        attachments=post.files,
    )


def strip_mention(text: str, username: str) -> str:
    pattern = rf"(?<![\w.-])@{re.escape(username)}(?![\w-])[:,]?"
    return re.sub(pattern, " ", text, flags=re.IGNORECASE).strip()


def _flag(props: dict[str, Any], name: str) -> bool:
    return str(props.get(name, "")).lower() == "true"


def _loads(value: Any, default: Any) -> Any:
    if not isinstance(value, str):
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default
