"""Real HTTP servers on loopback for tests and benchmarks.

Each `LocalServer` listens on 127.0.0.1 under a host name of its own (under .test, RFC 6761, which
`loopback_names` maps to 127.0.0.1 for a client given that resolver hook), so several servers are
several hosts to a client on any system; an address instead of a name is served as it is (the
command-line tests, whose client cannot take the hook, and the benchmarks). It answers from a table
of routes, and records what it was asked, how many requests it had in flight at most, and how many
connections it accepted. Replies can be delayed, hang, trickle their body, or reset the connection,
which is what the faults we test look like on the wire.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import (
    BaseHTTPRequestHandler,
    SimpleHTTPRequestHandler,
    ThreadingHTTPServer,
)
from pathlib import Path

from pmgenome.net.guard import resolve


@dataclass(frozen=True)
class Reply:
    """What the server answers. `action` changes how: "reset" closes the connection with a TCP
    reset instead of answering, "hang" never answers (until the server stops), "trickle" sends
    the body one byte every `interval` seconds."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | str = b""
    delay: float = 0.0
    action: str | None = None
    interval: float = 0.0


@dataclass(frozen=True)
class Request:
    """One request as the server saw it. `hit` counts requests to this path (any method), from
    1; `in_flight` is how many requests the server was handling when this one arrived, itself
    included; `at` is when it arrived (time.monotonic())."""

    method: str
    path: str
    headers: Mapping[str, str]
    hit: int
    in_flight: int
    at: float


Handler = Callable[[Request], Reply]
Route = Reply | Handler

NOT_FOUND = Reply(404, {"Content-Type": "text/plain"}, b"not found")


def html(text: str = "<!doctype html><title>ok</title><p>ok</p>", status: int = 200, **headers: str) -> Reply:
    """An HTML page."""
    return Reply(status, {"Content-Type": "text/html; charset=utf-8", **headers}, text)


def redirect(location: str, status: int = 301) -> Reply:
    return Reply(status, {"Location": location, "Content-Type": "text/html"}, b"moved")


def sequence(*replies: Route) -> Handler:
    """Answer with the replies in turn, one per request to the path; the last one repeats."""

    def handler(request: Request) -> Reply:
        route = replies[min(request.hit, len(replies)) - 1]
        return route(request) if callable(route) else route

    return handler


def by_method(default: Route, **methods: Route) -> Handler:
    """Answer by HTTP method, e.g. by_method(html(), HEAD=Reply(405))."""

    def handler(request: Request) -> Reply:
        route = methods.get(request.method, default)
        return route(request) if callable(route) else route

    return handler


LOOPBACK = "127.0.0.1"
TEST_DOMAIN = "test"  # RFC 6761: never a real host's name


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def loopback_names(host: str, port: int) -> list[str]:
    """The resolver hook for test clients: every name under .test is 127.0.0.1, the rest is
    resolved as usual."""
    if host.rstrip(".").lower().rsplit(".", 1)[-1] == TEST_DOMAIN:
        return [LOOPBACK]
    return resolve(host, port)


def names_resolver(**addresses: str) -> Callable[[str, int], list[str]]:
    """loopback_names, with some names given other addresses (as internal_test="10.0.0.9" for
    internal.test): a guard test names a host the guard must refuse, and nothing is ever sent."""
    given = {name.replace("_", "."): address for name, address in addresses.items()}

    def resolver(host: str, port: int) -> list[str]:
        address = given.get(host.rstrip(".").lower())
        return [address] if address else loopback_names(host, port)

    return resolver


def unused_port(host: str = LOOPBACK) -> int:
    """A port on `host` (a .test name stands for 127.0.0.1) with nothing listening, so connecting
    to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host if _is_address(host) else LOOPBACK, 0))
        return sock.getsockname()[1]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128
    owner: LocalServer

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up mid-answer is what timeout tests do on purpose; anything else is a bug.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle's algorithm holds the body until
    # the client's delayed ACK (40 ms), which no real server makes its clients wait.
    disable_nagle_algorithm = True
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.owner._connected()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def _answer(self) -> None:
        owner = self.server.owner
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        request = owner._arrived(self.command, self.path, dict(self.headers.items()))
        try:
            route = owner.routes.get(self.path.split("?", 1)[0], owner.default)
            reply = route(request) if callable(route) else route
            self._send(reply)
        finally:
            owner._left()

    def _send(self, reply: Reply) -> None:
        owner = self.server.owner
        if reply.delay and owner.stopping.wait(reply.delay):
            return
        if reply.action == "reset":
            # SO_LINGER 0 makes close() send a RST: the client sees "connection reset by peer".
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if reply.action == "hang":
            owner.stopping.wait()
            self.close_connection = True
            return
        body = reply.body.encode() if isinstance(reply.body, str) else reply.body
        self.send_response(reply.status)
        names = {name.lower() for name in reply.headers}
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if "content-length" not in names:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "HEAD" or reply.status in (204, 304):
            return
        if reply.action == "trickle":
            for index in range(len(body)):
                if owner.stopping.wait(reply.interval):
                    return
                self.wfile.write(body[index:index + 1])
                self.wfile.flush()
            return
        self.wfile.write(body)

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = _answer


class LocalServer:
    """A threaded HTTP/1.1 server on one loopback address. Use as a context manager.

    `routes` maps a path (without query) to a Reply or a function of the Request returning one;
    anything else gets `default` (a 404 unless given).
    """

    def __init__(self, host: str = "127.0.0.1", routes: Mapping[str, Route] | None = None,
                 default: Route = NOT_FOUND, port: int = 0) -> None:
        self.host = host
        self.routes: dict[str, Route] = dict(routes or {})
        self.default = default
        self.requests: list[Request] = []
        self.max_in_flight = 0
        self.connections = 0
        self.stopping = threading.Event()
        self._in_flight = 0
        self._hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self.address = host if _is_address(host) else LOOPBACK
        self._server = _Server((self.address, port), _RequestHandler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread: threading.Thread | None = None

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.origin + path

    def start(self) -> LocalServer:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def hits(self, path: str | None = None, method: str | None = None) -> int:
        """How many requests arrived, optionally only for one path and/or method."""
        with self._lock:
            return sum(1 for r in self.requests
                       if (path is None or r.path == path) and (method is None or r.method == method))

    def _connected(self) -> None:
        with self._lock:
            self.connections += 1

    def _arrived(self, method: str, path: str, headers: Mapping[str, str]) -> Request:
        with self._lock:
            key = path.split("?", 1)[0]
            self._hits[key] = self._hits.get(key, 0) + 1
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            request = Request(method, path, headers, self._hits[key], self._in_flight, time.monotonic())
            self.requests.append(request)
            return request

    def _left(self) -> None:
        with self._lock:
            self._in_flight -= 1


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll `predicate` until it holds or `timeout` passes; returns whether it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


class _QuietFileHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def static_site(folder: Path) -> Iterator[str]:
    """A built site served from `folder` on a free loopback port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietFileHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
