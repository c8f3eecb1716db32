"""The REST client's transport (mattermostdriver over our urllib3 pool), against small
loopback HTTP servers: kept-alive connections, query strings, the server's error
message, a body that is not JSON, and a proxy named in the environment."""

from __future__ import annotations

import base64
import json
import select
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tls_support import needs_openssl, self_signed

from handlers.mattermost.config import MattermostConfig
from handlers.mattermost.rest import Forbidden, MattermostRest, RestError
from handlers.mattermost.transport import Transport

TOKEN = "bot-token-123"


class Recorder(BaseHTTPRequestHandler):
    """Answers like Mattermost (JSON, or an AppError), or with HTML on /html; notes
    each request line and the client port it came from."""

    protocol_version = "HTTP/1.1"  # keep-alive, as Mattermost serves
    seen: list[tuple[str, str, int]]
    hung_up: threading.Event

    def do_GET(self) -> None:
        self.seen.append(("GET", self.path, self.client_address[1]))
        if "hangup" in self.path:  # answers as if keeping the connection, then closes it
            self._send(200, json.dumps({"id": "hangup"}).encode(), "application/json")
            self.close_connection = True
        elif self.path.endswith("/html"):
            self._send(200, b"<html>maintenance</html>", "text/html")
        elif "forbidden" in self.path:
            error = {"id": "api.context.permissions.app_error", "message": "Geen rechten."}
            self._send(403, json.dumps(error).encode(), "application/json")
        else:
            self._send(
                200, json.dumps({"id": "me", "path": self.path}).encode(), "application/json"
            )

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def finish(self) -> None:
        super().finish()
        if self.close_connection:
            # close our end before telling the test: the server would only do so after
            # this returns, and a client polling in between would still see it open
            self.request.shutdown(socket.SHUT_RDWR)
            self.hung_up.set()

    def log_message(self, *args: object) -> None:  # quiet
        pass


class Tunnel(BaseHTTPRequestHandler):
    """An http proxy that only tunnels (CONNECT), as for https; notes what it was asked."""

    asked: list[tuple[str, str | None]]

    def do_CONNECT(self) -> None:
        self.asked.append((self.path, self.headers.get("Proxy-Authorization")))
        host, port = self.path.rsplit(":", 1)
        with socket.create_connection((host, int(port))) as upstream:
            self.send_response(200, "Connection established")
            self.end_headers()
            self._pipe(self.connection, upstream)
        self.close_connection = True

    @staticmethod
    def _pipe(client: socket.socket, upstream: socket.socket) -> None:
        ends = {client: upstream, upstream: client}
        while True:
            readable, _, _ = select.select(list(ends), [], [], 10)
            for end in readable:
                data = end.recv(65536)
                if not data:
                    return
                ends[end].sendall(data)
            if not readable:
                return

    def log_message(self, *args: object) -> None:
        pass


def serve_in_thread(httpd: ThreadingHTTPServer) -> Iterator[str]:
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def hung_up() -> threading.Event:
    return threading.Event()


@pytest.fixture
def server(hung_up: threading.Event) -> Iterator[tuple[str, list[tuple[str, str, int]]]]:
    seen: list[tuple[str, str, int]] = []
    handler = type("Handler", (Recorder,), {"seen": seen, "hung_up": hung_up})
    for address in serve_in_thread(ThreadingHTTPServer(("127.0.0.1", 0), handler)):
        yield f"http://{address}", seen


def rest_for(url: str, **settings: str) -> MattermostRest:
    env = {
        "MATTERMOST_URL": url,
        "MATTERMOST_TOKEN": TOKEN,
        "MATTERMOST_SLASH_TOKEN": "slash",
        "BOT_PUBLIC_URL": "http://127.0.0.1:1/",
        **settings,
    }
    return MattermostRest(MattermostConfig.from_env(env))


@pytest.fixture(autouse=True)
def no_proxy_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("NO_PROXY", "")


def test_mattermost_rest_keeps_a_connection_alive_per_thread(server):
    url, seen = server
    transport = Transport(url + "/api/v4", True, 5.0)
    for _ in range(5):
        assert transport.request("GET", url + "/api/v4/users/me", {}).json()["id"] == "me"
    ports = {port for _, _, port in seen}
    assert len(seen) == 5 and len(ports) == 1


def test_mattermost_rest_reconnects_when_the_server_closed_an_idle_connection(
    server, hung_up: threading.Event
):
    url, seen = server
    transport = Transport(url, True, 5.0)
    assert transport.request("GET", url + "/hangup", {}).json()["id"] == "hangup"
    assert hung_up.wait(5)  # the server has closed its end
    assert transport.request("GET", url + "/me", {}).json()["id"] == "me"  # a new connection
    assert seen[0][2] != seen[1][2]


async def test_mattermost_rest_sends_query_parameters(server):
    url, seen = server
    await rest_for(url).posts_since("channel1", 1700000000000)
    assert seen[-1][1] == "/api/v4/channels/channel1/posts?since=1700000000000"


async def test_mattermost_rest_error_carries_the_servers_message(server):
    url, _ = server
    with pytest.raises(Forbidden) as raised:
        await rest_for(url).user("forbidden")
    assert raised.value.status == 403
    assert "Geen rechten." in str(raised.value)


async def test_mattermost_rest_html_instead_of_json_is_a_clear_error(server):
    url, _ = server
    with pytest.raises(RestError) as raised:
        await rest_for(url).user("html")
    assert "not JSON" in str(raised.value)


async def test_mattermost_rest_goes_through_the_proxy_in_the_environment(
    server, monkeypatch: pytest.MonkeyPatch
):
    proxy_url, seen = server  # the recorder plays the proxy: it sees absolute URLs
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    rest = rest_for("http://chat.school.test")
    await rest.me()
    assert seen[-1][1] == "http://chat.school.test:80/api/v4/users/me"


@needs_openssl
async def test_mattermost_rest_reaches_an_https_server_through_a_proxy_tunnel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hung_up: threading.Event
):
    cert, key = self_signed(tmp_path)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    seen: list[tuple[str, str, int]] = []
    handler = type("Handler", (Recorder,), {"seen": seen, "hung_up": hung_up})
    https = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    https.socket = tls.wrap_socket(https.socket, server_side=True)
    asked: list[tuple[str, str | None]] = []
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), type("Proxy", (Tunnel,), {"asked": asked}))
    for server in serve_in_thread(https):
        for proxy_address in serve_in_thread(proxy):
            monkeypatch.setenv("HTTPS_PROXY", f"http://meester:geheim@{proxy_address}")
            rest = rest_for(f"https://{server}", MATTERMOST_CA_FILE=str(cert))
            assert (await rest.me())["id"] == "me"
    credentials = base64.b64encode(b"meester:geheim").decode()
    assert asked == [(server, f"Basic {credentials}")]
    assert seen[0][:2] == ("GET", "/api/v4/users/me")  # through the tunnel, in TLS


async def test_mattermost_rest_unreachable_server_names_the_failure_not_the_token():
    rest = rest_for("http://127.0.0.1:9")  # the discard port: nobody listens
    with pytest.raises(RestError) as raised:
        await rest.me()
    message = str(raised.value)
    assert message.startswith("cannot reach Mattermost (")
    assert TOKEN not in message and raised.value.status is None
