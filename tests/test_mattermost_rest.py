"""The REST client's transport (mattermostdriver over our urllib3 pool), against small
loopback HTTP servers: kept-alive connections, query strings, the server's error
message, a body that is not JSON, and a proxy named in the environment."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from handlers.mattermost.config import MattermostConfig
from handlers.mattermost.rest import Forbidden, MattermostRest, RestError

TOKEN = "bot-token-123"


class Recorder(BaseHTTPRequestHandler):
    """Answers like Mattermost (JSON, or an AppError), or with HTML on /html; notes
    each request line and the client port it came from."""

    protocol_version = "HTTP/1.1"  # keep-alive, as Mattermost serves
    seen: list[tuple[str, str, int]]

    def do_GET(self) -> None:
        self.seen.append(("GET", self.path, self.client_address[1]))
        if self.path.endswith("/html"):
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

    def log_message(self, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[tuple[str, str, int]]]]:
    seen: list[tuple[str, str, int]] = []
    handler = type("Handler", (Recorder,), {"seen": seen})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    httpd.shutdown()
    httpd.server_close()


def rest_for(url: str) -> MattermostRest:
    env = {
        "MATTERMOST_URL": url,
        "MATTERMOST_TOKEN": TOKEN,
        "MATTERMOST_SLASH_TOKEN": "slash",
        "BOT_PUBLIC_URL": "http://127.0.0.1:1/",
    }
    return MattermostRest(MattermostConfig.from_env(env))


@pytest.fixture(autouse=True)
def no_proxy_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("NO_PROXY", "")


async def test_mattermost_rest_keeps_one_connection_alive(server):
    url, seen = server
    rest = rest_for(url)
    for _ in range(5):
        assert (await rest.me())["id"] == "me"
    ports = {port for _, _, port in seen}
    assert len(seen) == 5 and len(ports) == 1


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


async def test_mattermost_rest_unreachable_server_names_the_failure_not_the_token():
    rest = rest_for("http://127.0.0.1:9")  # the discard port: nobody listens
    with pytest.raises(RestError) as raised:
        await rest.me()
    message = str(raised.value)
    assert message.startswith("cannot reach Mattermost (")
    assert TOKEN not in message and raised.value.status is None
