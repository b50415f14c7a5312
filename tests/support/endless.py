"""Loopback servers for enrichment tests that tests/support/servers.py does not offer: a body that never ends.

Everything else (pages, redirects, 304s, PDFs) is served by servers.LocalServer.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.servers import LOOPBACK, TEST_DOMAIN


class _Endless(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    chunk: bytes
    interval: float
    stopping: threading.Event
    served: int


class _Handler(BaseHTTPRequestHandler):
    server: _Endless

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:
        self.server.served += 1
        # No Content-Length and no chunked framing: the body ends only when the connection does.
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<!doctype html><title>Endless</title><body>")
        try:
            while not self.server.stopping.wait(self.server.interval):
                self.wfile.write(self.server.chunk)
                self.wfile.flush()
        except OSError:
            pass  # the client hung up, which is what we want it to do
        self.close_connection = True


class EndlessServer:
    """Answers every GET with an HTML page whose body never ends: `chunk` every `interval` seconds.

    A fast stream (interval 0) tests the byte cap; a slow one tests the whole-request deadline.
    Like servers.LocalServer, a .test name is served on 127.0.0.1 (clients map it with loopback_names).
    """

    def __init__(self, host: str = "endless.test", chunk: bytes = b"<p>more words</p>" * 64,
                 interval: float = 0.0) -> None:
        self._server = _Endless((LOOPBACK if host.endswith(f".{TEST_DOMAIN}") else host, 0), _Handler)
        self._server.chunk, self._server.interval = chunk, interval
        self._server.stopping, self._server.served = threading.Event(), 0
        self.host, self.port = host, self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def served(self) -> int:
        return self._server.served

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def __enter__(self) -> EndlessServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
