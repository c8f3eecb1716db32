"""Mattermost: direct messages, mentions, the /protocol slash command and decision buttons.

Modules, each with one job:
  config     settings from the environment
  rest       the REST client (mattermostdriver, off the event loop)
  websocket  our websocket client: auth, events, reconnect with backoff
  events     posts -> core Incoming values (which posts to answer)
  catchup    dedupe by post id, fetch what a websocket drop missed
  people     Mattermost user ids and usernames beside the directory
  delivery   replies -> posts, ephemeral posts, direct messages
  buttons    signed button contexts and the click endpoint
  slash      the /protocol endpoint
  tasks      event tasks to finish before stopping, per-user ordering
  texts      what the adapter itself says (Dutch)
  adapter    the Platform that wires these together
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.app import App
from handlers.mattermost.adapter import MattermostPlatform
from handlers.mattermost.config import MattermostConfig
from handlers.runtime import Runtime

__all__ = ["MattermostConfig", "MattermostPlatform", "build_platform"]


def build_platform(env: Mapping[str, str], app: App, runtime: Runtime) -> MattermostPlatform:
    """The platform from the environment; SettingsError naming every missing variable."""
    return MattermostPlatform(MattermostConfig.from_env(env), app, runtime)
