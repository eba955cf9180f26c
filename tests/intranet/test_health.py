"""/health/ seen from the HTTP servers asks each WebSocket server for its own."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from asgiref.sync import sync_to_async
from django.db import connections


class Daphne(BaseHTTPRequestHandler):
    """Stands for a daphne: answers its own /health/, remembers the Host asked."""

    hosts: list[str] = []

    def do_GET(self):
        self.hosts.append(self.headers["Host"])
        self.send_response(200 if self.path == "/health/" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def live_port():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Daphne)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def dead_port():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_every_websocket_server_answering(client, db, settings, live_port):
    settings.DAPHNE_PORTS = [live_port]
    settings.ALLOWED_HOSTS = ["intranet.example.org", "testserver"]
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["websocket"] == {str(live_port): "ok"}
    assert Daphne.hosts[-1] == "intranet.example.org"  # a name the site answers to


def test_a_dead_websocket_server_turns_health_to_503(
    client, db, settings, live_port, dead_port
):
    settings.DAPHNE_PORTS = [live_port, dead_port]
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": "ok",
        "cache": "ok",
        "channel_layer": "ok",
        "websocket": {str(live_port): "ok", str(dead_port): "error"},
    }


async def test_a_daphne_answers_for_itself_only(async_client, db, settings, dead_port):
    settings.DAPHNE_PORTS = [dead_port]
    response = await async_client.get("/health/")
    # The view ran in asgiref's thread, on a connection of its own that the test
    # client leaves open (it keeps connections across requests): closed in that
    # thread, or the PostgreSQL test database cannot be dropped at the end.
    await sync_to_async(connections.close_all)()
    assert response.status_code == 200
    assert "websocket" not in response.json()
