"""Our own Mattermost websocket client, on the `websockets` package.

* Authentication by `Authorization: Bearer` header (default) or by the
  authentication challenge; `hello` and the challenge's OK are accepted in
  either order. A server that closes the socket, or sends no `hello` in time,
  refused the token: `WebsocketAuthError`, raised at once by `open()`.
* Every event goes to `on_event` as a parsed dict; the callback must not block
  (the adapter starts a task per event).
* After a drop it reconnects with exponential backoff (1 s doubling to 60 s,
  back to 1 s once a connection stayed up for a healthy minute) and calls
  `on_connect(True)` so the adapter can catch up on what it missed.
* `wss://` URLs use the given SSL context (the default one when none).
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

log = logging.getLogger(__name__)
AUTH_STYLES = ("header", "challenge")


class _NoFrameDebug(logging.LoggerAdapter):
    """The websockets library's logger without its DEBUG output.

    At DEBUG it logs the handshake headers (our Authorization: Bearer token)
    and every frame (people's messages); neither may reach the logs.
    """

    def isEnabledFor(self, level: int) -> bool:
        return level > logging.DEBUG and super().isEnabledFor(level)


PROTOCOL_LOG = _NoFrameDebug(logging.getLogger("websockets.client"), {})


class WebsocketAuthError(Exception):
    """The server did not accept the token on the websocket."""


@dataclass
class Backoff:
    """Delays between reconnects: initial, doubling up to maximum; reset after a healthy run."""

    initial: float = 1.0
    maximum: float = 60.0
    healthy_after: float = 60.0
    _next: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._next = self.initial

    def delay(self) -> float:
        current = self._next
        self._next = min(self.maximum, current * 2)
        return current

    def connection_ended(self, lasted: float) -> None:
        if lasted >= self.healthy_after:
            self._next = self.initial


class EventStream:
    def __init__(
        self,
        url: str,
        token: str,
        on_event: Callable[[dict[str, Any]], None],
        on_connect: Callable[[bool], None],
        *,
        auth: str = "header",
        ssl_context: ssl.SSLContext | None = None,
        backoff: Backoff | None = None,
        hello_timeout: float = 5.0,
    ) -> None:
        if auth not in AUTH_STYLES:
            raise ValueError(f"auth must be one of {AUTH_STYLES}, not {auth!r}")
        self.url = url
        self._token = token
        self._on_event = on_event
        self._on_connect = on_connect
        self._auth = auth
        self._ssl = (
            (ssl_context or ssl.create_default_context()) if url.startswith("wss:") else None
        )
        self._backoff = backoff or Backoff()
        self._hello_timeout = hello_timeout
        self._ws: ClientConnection | None = None
        self._runner: asyncio.Task[None] | None = None
        self.connected = False
        self.closed = False  # close() has finished
        self.reconnects = 0

    async def open(self) -> None:
        """Connect and authenticate once, then keep the connection up in the background.

        Raises WebsocketAuthError (token refused) or OSError/InvalidHandshake
        (server unreachable): a misconfiguration is reported at start, not retried.
        """
        ws, early = await self._connect()
        self._started(ws, early, reconnected=False)
        self._runner = asyncio.create_task(self._run(ws), name="mattermost-websocket")

    async def close(self) -> None:
        if self._runner is not None:
            self._runner.cancel()
            await asyncio.gather(self._runner, return_exceptions=True)
            self._runner = None
        if self._ws is not None:
            await self._ws.close()
            self._ws = None
        self.connected = False
        self.closed = True

    async def _connect(self) -> tuple[ClientConnection, list[dict[str, Any]]]:
        headers = {"Authorization": f"Bearer {self._token}"} if self._auth == "header" else None
        ws = await connect(
            self.url,
            additional_headers=headers,
            ssl=self._ssl,
            open_timeout=10,
            logger=PROTOCOL_LOG,
            # Events are small JSON frames; inflating every one cost more CPU than
            # any other part of reading them, on both ends.
            compression=None,
        )
        try:
            early = await asyncio.wait_for(self._handshake(ws), self._hello_timeout)
        except (TimeoutError, ConnectionClosed, WebsocketAuthError):
            await ws.close()
            raise WebsocketAuthError(
                "the Mattermost server did not accept MATTERMOST_TOKEN on the websocket"
            ) from None
        return ws, early

    async def _handshake(self, ws: ClientConnection) -> list[dict[str, Any]]:
        """Wait for `hello` (and the challenge's OK, in either order); return early events."""
        if self._auth == "challenge":
            challenge = {"seq": 1, "action": "authentication_challenge"}
            await ws.send(json.dumps({**challenge, "data": {"token": self._token}}))
        need_hello, need_ok = True, self._auth == "challenge"
        early: list[dict[str, Any]] = []
        while need_hello or need_ok:
            frame = _parse(await ws.recv())
            if frame.get("event") == "hello":
                need_hello = False
            elif frame.get("seq_reply") == 1:
                if frame.get("status") != "OK":
                    raise WebsocketAuthError("authentication challenge failed")
                need_ok = False
            elif "event" in frame:
                early.append(frame)
        return early

    def _started(
        self, ws: ClientConnection, early: list[dict[str, Any]], reconnected: bool
    ) -> None:
        self._ws = ws
        self.connected = True
        self._on_connect(reconnected)
        for frame in early:
            self._dispatch(frame)

    def _dispatch(self, frame: dict[str, Any]) -> None:
        try:
            self._on_event(frame)
        except Exception:  # one bad event must not end the connection
            log.exception("websocket event handler failed event=%s", frame.get("event"))

    async def _run(self, ws: ClientConnection) -> None:
        loop = asyncio.get_running_loop()
        while True:
            began = loop.time()
            await self._read(ws)
            self.connected = False
            self._backoff.connection_ended(loop.time() - began)
            ws, early = await self._reconnect()
            self.reconnects += 1
            self._started(ws, early, reconnected=True)

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                frame = _parse(raw)
                if "event" in frame:
                    self._dispatch(frame)
        except ConnectionClosed as exc:
            log.warning("websocket closed code=%s", exc.rcvd.code if exc.rcvd else None)
        else:
            log.warning("websocket closed by the server")

    async def _reconnect(self) -> tuple[ClientConnection, list[dict[str, Any]]]:
        while True:
            delay = self._backoff.delay()
            log.info("websocket reconnecting in %.2fs", delay)
            await asyncio.sleep(delay)
            try:
                return await self._connect()
            except WebsocketAuthError as exc:
                log.error("websocket reconnect refused: %s", exc)
            except (OSError, InvalidHandshake, TimeoutError) as exc:
                log.warning("websocket reconnect failed: %s", type(exc).__name__)


def _parse(raw: str | bytes) -> dict[str, Any]:
    try:
        frame = json.loads(raw)
    except ValueError:
        log.warning("websocket frame is not JSON; ignored")
        return {}
    return frame if isinstance(frame, dict) else {}
