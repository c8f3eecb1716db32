"""HTTP under the driver: one kept-alive `http.client` connection per thread.

mattermostdriver builds every call (endpoint, URL, `Authorization` header,
JSON body) and expects back an object with `status_code`, `headers`, `json()`
and `text`. `requests`, which it uses by default, spent about 0.85 ms of CPU
on each call in the bot, more than matching the question; urllib3 about 0.6
ms; the standard library's `http.client` a third of that. The calls run on
asyncio's worker threads, so each thread keeps its own connection.

A kept-alive connection the server closed while it was idle is noticed before
it is used (it reads as ready: end of file) and replaced, as urllib3 does. A
request is never sent twice: a failure is the caller's to retry, so a post
cannot appear twice. What the environment says about proxies and CA bundles
(`HTTPS_PROXY`, `NO_PROXY`, `REQUESTS_CA_BUNDLE`) is read once, the way
`requests` reads it; an https server is reached through an http proxy with
CONNECT. Redirects are not followed: the Mattermost API does not send them.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import select
import ssl
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, unquote, urlencode, urlsplit

import requests
from requests.utils import DEFAULT_CA_BUNDLE_PATH, select_proxy

NETWORK_ERRORS = (OSError, http.client.HTTPException)
"""What a request raises when the server cannot be reached or breaks off (TLS too)."""


class Response:
    """The part of `requests.Response` the driver and our error mapping read."""

    def __init__(self, status: int, headers: Any, body: bytes) -> None:
        self.status_code = status
        self.headers = headers  # case-insensitive, as in requests
        self.content = body

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return json.loads(self.content)


@dataclass(frozen=True)
class Route:
    """Where to connect, and how to name the target in the request line."""

    server: SplitResult
    proxy: SplitResult | None
    tls: ssl.SSLContext | None

    def connect(self, timeout: float) -> http.client.HTTPConnection:
        host, port = _host_port(self.server)
        if self.proxy is None:
            return self._connection(host, port, timeout)
        proxy_host, proxy_port = _host_port(self.proxy)
        connection = self._connection(proxy_host, proxy_port, timeout)
        if self.tls is not None:  # https through the proxy: a CONNECT tunnel
            connection.set_tunnel(host, port, headers=self.proxy_headers())
        return connection

    def _connection(self, host: str, port: int, timeout: float) -> http.client.HTTPConnection:
        if self.tls is not None:
            return http.client.HTTPSConnection(host, port, timeout=timeout, context=self.tls)
        return http.client.HTTPConnection(host, port, timeout=timeout)

    def target(self, url: str) -> str:
        """The request target: the whole URL for a plain-http proxy, else path and query."""
        if self.proxy is not None and self.tls is None:
            return url
        parts = urlsplit(url)
        return f"{parts.path or '/'}?{parts.query}" if parts.query else parts.path or "/"

    def proxy_headers(self) -> dict[str, str]:
        if self.proxy is None or self.proxy.username is None:
            return {}
        user = f"{unquote(self.proxy.username)}:{unquote(self.proxy.password or '')}"
        return {"Proxy-Authorization": "Basic " + base64.b64encode(user.encode()).decode()}


class Transport:
    """Requests to one Mattermost server; safe to use from several threads."""

    def __init__(self, url: str, verify: bool | str, timeout: float) -> None:
        settings = _environment_settings(url, verify)
        server = urlsplit(url)
        proxy = select_proxy(url, settings["proxies"])
        tls = _tls_context(settings["verify"]) if server.scheme == "https" else None
        self._route = Route(server, urlsplit(proxy) if proxy else None, tls)
        self._timeout = timeout
        self._local = threading.local()

    def request(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        payload: Any = None,
        params: dict[str, Any] | None = None,
    ) -> Response:
        """Send one request; errors are those of `NETWORK_ERRORS`, as raised."""
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
            headers = {**headers, "Content-Type": "application/json"}
        if params:
            url = f"{url}?{urlencode(params, doseq=True)}"
        if self._route.tls is None:
            headers = {**headers, **self._route.proxy_headers()}
        connection = self._connection()
        try:
            connection.request(method, self._route.target(url), body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except BaseException:
            self._drop(connection)
            raise
        if response.will_close:
            self._drop(connection)
        return Response(response.status, response.headers, data)

    def _connection(self) -> http.client.HTTPConnection:
        """This thread's connection; a new one when the server closed the last."""
        connection = getattr(self._local, "connection", None)
        if connection is not None and _closed_by_server(connection):
            self._drop(connection)
            connection = None
        if connection is None:
            connection = self._local.connection = self._route.connect(self._timeout)
        return connection

    def _drop(self, connection: http.client.HTTPConnection) -> None:
        connection.close()
        self._local.connection = None


def _closed_by_server(connection: http.client.HTTPConnection) -> bool:
    """An idle kept-alive connection that reads as ready was closed (or broken) by the
    server: nothing else may arrive between a response and the next request."""
    sock = connection.sock
    if sock is None:
        return False  # not connected yet: connects on first use
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


def _host_port(url: SplitResult) -> tuple[str, int]:
    return url.hostname or "", url.port or (443 if url.scheme == "https" else 80)


def trusted_context(url: str, verify: bool | str) -> ssl.SSLContext:
    """The TLS context the REST calls use for `url`, for the websocket to use too, so
    that both trust the same CAs: `verify` (MATTERMOST_CA_FILE) when it names one,
    else REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE, else requests' bundle."""
    return _tls_context(_environment_settings(url, verify)["verify"])


def _environment_settings(url: str, verify: bool | str) -> dict:
    return requests.Session().merge_environment_settings(url, {}, None, verify, None)


def _tls_context(verify: bool | str) -> ssl.SSLContext:
    """`verify` as requests reads it: True (its CA bundle), False, or a file or folder."""
    if verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    path = DEFAULT_CA_BUNDLE_PATH if verify is True else str(verify)
    if os.path.isdir(path):
        return ssl.create_default_context(capath=path)
    return ssl.create_default_context(cafile=path)
