"""HTTP under the driver: one urllib3 connection pool instead of `requests`.

mattermostdriver builds every call (endpoint, URL, `Authorization` header,
JSON body) and expects back an object with `status_code`, `headers`, `json()`
and `text`. `requests`, which it uses by default, spent about 0.85 ms of CPU
on each call, more than matching the question: it builds a `Response`, parses
headers through the email package and copies cookies on every call. urllib3 is
what `requests` itself sends with, so TLS, keep-alive and reconnecting a
dropped pooled connection behave as before, for about half the CPU.

What the environment says about proxies and CA bundles (`HTTPS_PROXY`,
`NO_PROXY`, `REQUESTS_CA_BUNDLE`) is read once, the way `requests` reads it.
Cookies are not kept: the bot authenticates with its token, not a session.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import urlencode

import requests
import urllib3
from requests.utils import DEFAULT_CA_BUNDLE_PATH, select_proxy

NO_RETRIES = urllib3.Retry(0, read=False)
"""As `requests` sends: a request is never sent twice (a post would appear twice)."""
POOL_SIZE = 16
"""Kept-alive connections: more than the threads that call at once (asyncio.to_thread)."""


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


class Transport:
    """A thread-safe pool of keep-alive connections to one Mattermost server."""

    def __init__(self, url: str, verify: bool | str, timeout: float) -> None:
        settings = requests.Session().merge_environment_settings(url, {}, None, verify, None)
        tls = _tls_options(settings["verify"]) | {"maxsize": POOL_SIZE}
        proxy = select_proxy(url, settings["proxies"])
        self._timeout = urllib3.Timeout(connect=timeout, read=timeout)
        self._pool: urllib3.PoolManager = (
            urllib3.ProxyManager(proxy, **tls) if proxy else urllib3.PoolManager(**tls)
        )

    def request(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        payload: Any = None,
        params: dict[str, Any] | None = None,
    ) -> Response:
        """Send one request; urllib3's errors (unreachable, timeout, TLS) come out as is."""
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
            headers = {**headers, "Content-Type": "application/json"}
        if params:
            url = f"{url}?{urlencode(params, doseq=True)}"
        response = self._pool.request(
            method,
            url,
            body=body,
            headers=headers,
            timeout=self._timeout,
            retries=NO_RETRIES,
            redirect=True,
        )
        return Response(response.status, response.headers, response.data)

    def close(self) -> None:
        self._pool.clear()


def _tls_options(verify: bool | str) -> dict[str, Any]:
    """`verify` as requests reads it: True (its CA bundle), False, or a file or folder."""
    if verify is False:
        return {"cert_reqs": "CERT_NONE"}
    path = DEFAULT_CA_BUNDLE_PATH if verify is True else str(verify)
    if os.path.isdir(path):
        return {"cert_reqs": "CERT_REQUIRED", "ca_cert_dir": path}
    return {"cert_reqs": "CERT_REQUIRED", "ca_certs": path}
