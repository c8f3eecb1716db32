"""The REST side: `mattermostdriver` 7.3.2 behind a small async interface of ours.

The driver's calls block, so every call runs in a worker thread
(`asyncio.to_thread`); they are sent over our own kept-alive connections
(transport.py).
Its websocket client is never used (no TLS on Python >= 3.10, owns the event
loop, cancels slow handlers); see websocket.py.
Swapping the client library means rewriting this module only.

Errors come out as `RestError` (with `TokenRefused`, `Forbidden` and
`NotFound` for the cases callers act on). Their messages hold the server's
error message or the kind of network failure, never the token.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import requests
from mattermostdriver import Driver
from mattermostdriver import exceptions as driver_errors
from mattermostdriver.client import Client

from handlers.mattermost.config import MattermostConfig
from handlers.mattermost.transport import NETWORK_ERRORS, Response, Transport

log = logging.getLogger(__name__)
REQUEST_TIMEOUT = 10.0


class RestError(Exception):
    """A REST call failed; `status` is the HTTP status, None for a network failure."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class TokenRefused(RestError):
    """401: the token is wrong, expired or revoked."""


class Forbidden(RestError):
    """403: the bot account lacks a permission (e.g. ephemeral posts)."""


class NotFound(RestError):
    """404: no such user, channel or post."""


_STATUS = {
    driver_errors.NoAccessTokenProvided: (TokenRefused, 401),
    driver_errors.NotEnoughPermissions: (Forbidden, 403),
    driver_errors.ResourceNotFound: (NotFound, 404),
    driver_errors.InvalidOrMissingParameters: (RestError, 400),
    driver_errors.MethodNotAllowed: (RestError, 405),
    driver_errors.ContentTooLarge: (RestError, 413),
    driver_errors.FeatureDisabled: (RestError, 501),
}


_DRIVER_ERRORS = {status: error for error, (_kind, status) in _STATUS.items()}


class PooledClient(Client):
    """The driver's client, sending over our keep-alive pool (transport.py).

    The driver's own `make_request` calls `requests.post(...)` and friends: a
    new connection (and TLS handshake) for every call, and much CPU per call.
    This sends the same request (headers, JSON body, params, timeout, CA
    bundle) through `Transport` and raises the driver's own exceptions with the
    server's message. A ~/.netrc is deliberately not used: its Basic
    credentials would replace the bot's `Authorization: Bearer` header.
    """

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        self.transport = Transport(self.url, self._verify, self.request_timeout)

    def make_request(  # the driver's signature
        self, method, endpoint, options=None, params=None, data=None, files=None, basepath=None
    ):
        if basepath or data or files:
            raise NotImplementedError("form data, files and basepath are not used by this bot")
        response = self.transport.request(
            method.upper(), self.url + endpoint, self.auth_header(), options, params
        )
        if response.status_code >= 400:
            raise _driver_error(response)
        return response


def _driver_error(response: Response) -> requests.HTTPError:
    try:
        body = response.json()
        message = body.get("message", body) if isinstance(body, dict) else body
    except ValueError:
        message = response.text[:200]
    error = _DRIVER_ERRORS.get(response.status_code, requests.HTTPError)
    return error(message, response=response)


class MattermostRest:
    """The REST calls the bot makes, as coroutines."""

    def __init__(self, config: MattermostConfig, timeout: float = REQUEST_TIMEOUT) -> None:
        server = config.server
        self._driver = Driver(
            {
                "scheme": server.scheme,
                "url": server.host,
                "port": server.port,
                "basepath": server.api_base,
                "verify": str(config.ca_file) if config.ca_file else True,
                "token": config.token,
                "request_timeout": timeout,
            },
            client_cls=PooledClient,
        )
        # Set the token directly instead of login(): login() swallows a wrong
        # Content-Type and would hide the error we want to report.
        self._driver.client.token = config.token

    async def me(self) -> dict[str, Any]:
        return await self._call(self._driver.users.get_user, "me")

    async def user(self, user_id: str) -> dict[str, Any]:
        return await self._call(self._driver.users.get_user, user_id)

    async def users_by_usernames(self, usernames: list[str]) -> list[dict[str, Any]]:
        """The users that exist; unknown names are left out (as the server does)."""
        return await self._call(self._driver.users.get_users_by_usernames, usernames)

    async def direct_channel(self, user_a: str, user_b: str) -> dict[str, Any]:
        """The direct channel of two users, created when it does not exist yet."""
        channels = self._driver.channels
        return await self._call(channels.create_direct_message_channel, [user_a, user_b])

    async def create_post(self, post: dict[str, Any]) -> dict[str, Any]:
        return await self._call(self._driver.posts.create_post, post)

    async def ephemeral_post(self, user_id: str, post: dict[str, Any]) -> dict[str, Any]:
        """A post only `user_id` sees; Forbidden unless the bot may create ephemeral posts."""
        body = {"user_id": user_id, "post": post}
        return await self._call(self._driver.posts.create_ephemeral_post, body)

    async def get_post(self, post_id: str) -> dict[str, Any]:
        return await self._call(self._driver.posts.get_post, post_id)

    async def my_channels(self) -> list[dict[str, Any]]:
        """Every channel of the bot in all teams, with `last_post_at` (server >= 6.1)."""
        return await self._call(self._driver.client.get, "/users/me/channels")

    async def posts_since(self, channel_id: str, since_ms: int) -> list[dict[str, Any]]:
        """Posts created or changed after `since_ms` in a channel, oldest first."""
        result = await self._call(
            self._driver.posts.get_posts_for_channel, channel_id, {"since": since_ms}
        )
        posts = result.get("posts") or {}
        return sorted(posts.values(), key=lambda post: post.get("create_at", 0))

    async def _call(self, function: Callable[..., Any], *args: Any) -> Any:
        try:
            result = await asyncio.to_thread(function, *args)
        except requests.HTTPError as exc:  # the driver's errors subclass it
            kind, status = _STATUS.get(type(exc), (RestError, _status_of(exc)))
            raise kind(f"Mattermost answered {status}: {exc}", status) from None
        except NETWORK_ERRORS as exc:
            raise RestError(f"cannot reach Mattermost ({type(exc).__name__})") from None
        except ValueError:  # a body that is not JSON where the driver expects it
            raise RestError("Mattermost sent a response that is not JSON") from None
        if not isinstance(result, dict | list):
            # The driver returns the raw response when the body is not exactly JSON.
            raise RestError("Mattermost sent a response that is not JSON")
        return result


def _status_of(exc: Exception) -> int | None:
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)
