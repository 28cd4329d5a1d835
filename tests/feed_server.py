"""A fake web server on loopback for the tests of outbound fetching (calendar feeds).

Each test sets what a path answers (`server.route(path, ...)`): a body, a status, a redirect,
a delay before answering, a slow drip of bytes, a huge or gzip-compressed body. Ports come
from the range this project's tests may use (8411-8419), one per xdist worker; the server
threads stop with the fixture.

`no_outside_connections` makes any connection to an address other than loopback fail the test
at once: a refused address must never be reached, even if a check were broken.
"""

import gzip
import os
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

FIRST_PORT, LAST_PORT = 8411, 8419


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/calendar; charset=utf-8"
    location: str = ""
    delay: float = 0.0
    drip_seconds: float = 0.0  # send the body a byte at a time over this long
    gzip: bool = False
    chunked: bool = False


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 - the standard library's name
        server = self.server
        route = server.routes.get(self.path.split("?")[0])
        server.hits.append(self.path)
        server.request_headers.append(dict(self.headers))
        if route is None:
            self.send_error(404)
            return
        if route.delay:
            time.sleep(route.delay)
        body = gzip.compress(route.body) if route.gzip else route.body
        self.send_response(route.status)
        if route.location:
            self.send_header("Location", route.location)
        self.send_header("Content-Type", route.content_type)
        if route.gzip:
            self.send_header("Content-Encoding", "gzip")
        if route.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self._write(route, body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def _write(self, route, body):
        if route.drip_seconds:
            pause = route.drip_seconds / max(1, len(body))
            for index in range(len(body)):
                self.wfile.write(body[index : index + 1])
                self.wfile.flush()
                time.sleep(pause)
        elif route.chunked:
            step = 64 * 1024
            for start in range(0, len(body), step):
                part = body[start : start + step]
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.wfile.write(body)


class FeedServer:
    def __init__(self):
        self.httpd = self._bind()
        self.httpd.routes = {}
        self.httpd.hits = []
        self.httpd.request_headers = []
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @staticmethod
    def _bind():
        worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
        offset = int("".join(ch for ch in worker if ch.isdigit()) or 0)
        ports = list(range(FIRST_PORT, LAST_PORT + 1))
        ports = ports[offset % len(ports) :] + ports[: offset % len(ports)]
        for port in ports:
            try:
                return ThreadingHTTPServer(("127.0.0.1", port), _Handler)
            except OSError:
                continue
        raise RuntimeError("no free port in 8411-8419 for the fake feed server")

    @property
    def base(self):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path):
        return self.base + path

    def route(self, path, **kwargs):
        self.httpd.routes[path] = Route(**kwargs)
        return self.url(path)

    @property
    def hits(self):
        return self.httpd.hits

    @property
    def request_headers(self):
        return self.httpd.request_headers

    def start(self):
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def no_outside_connections(monkeypatch):
    """Fail the test if anything connects to an address other than loopback."""
    real_connect = socket.socket.connect

    def connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1"):
            raise AssertionError(f"connection attempted to {host}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture
def feed_server(settings, no_outside_connections):
    """The fake server, with loopback allowed explicitly (the one test setting for it)."""
    settings.PORTAL_OUTBOUND_ALLOW_LOOPBACK = True
    server = FeedServer()
    server.start()
    yield server
    server.stop()
