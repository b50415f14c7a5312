"""The one HTTP client that fetches strangers' URLs, for the link checker and enrichment alike.

Polite (a global and a per-host limit on requests in flight, a minimum interval between a host's
requests, a host paused as long as its 429 asked), guarded (no private addresses, redirects
included, unless allowed) and bounded (connect, read and whole-attempt timeouts, a byte cap,
bodies of unwanted types left unread). It never raises for a network problem: the Response says
what went wrong in `error` and `error_kind`.

`request` is the whole fetch for callers that wait; `send` is one request, for the link checker's
scheduler, which does its own waiting without holding a thread. Both follow redirects and retry
as net/chain.py alone decides. The transport (one request on the wire) and the clock are handed
in, so tests can script answers and run waits in virtual time.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import ssl
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from http.client import HTTPException, IncompleteRead, RemoteDisconnected
from types import MappingProxyType
from urllib.parse import urlsplit

import requests
import urllib3.exceptions
from requests.structures import CaseInsensitiveDict

from pmgenome.net import guard as netguard
from pmgenome.net.answer import Answer, ErrorKind, Redirect
from pmgenome.net.chain import RETRYABLE_ERRORS, Chain, End, RetryPolicy
from pmgenome.net.clock import SYSTEM_CLOCK, Clock
from pmgenome.net.headers import ascii_number
from pmgenome.net.limits import PER_HOST, HostGates, HostLimits
from pmgenome.net.status import REDIRECT_STATUSES
from pmgenome.urls import web_url_problem

# Answer, ErrorKind and Redirect are defined in net/answer.py; callers may import them from here.
__all__ = ["DEFAULT_HEADERS", "DEFAULT_USER_AGENT", "RETRYABLE_ERRORS", "Answer", "Client", "ClientConfig",
           "ErrorKind", "Redirect", "Response", "Transport", "media_type"]

DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 "
    "Safari/537.36 pmgenome-linkcheck/0.1 (+https://github.com/pmgenome/pmgenome)"
)
# What a browser sends: some bot walls turn away clients that ask for nothing in particular.
DEFAULT_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en-GB,en;q=0.9",
}
_DRAIN_LIMIT = 64 * 1024  # unread bodies up to this size are read so the connection can be reused
_CHUNK = 64 * 1024

# The defaults, each written once: the CLI's options fall back to these.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
TOTAL_TIMEOUT = 60.0  # whole attempt: a server trickling one byte per read timeout cannot hold a run
CONCURRENCY = 16  # requests in flight in all
MIN_INTERVAL = 0.0  # seconds between the starts of two requests to one host


@dataclass(frozen=True)
class ClientConfig:
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    concurrency: int = CONCURRENCY
    per_host: int = PER_HOST
    allow_private: bool = False
    user_agent: str = DEFAULT_USER_AGENT
    total_timeout: float | None = TOTAL_TIMEOUT
    # Networks allowed even without allow_private (CIDR strings), e.g. one loopback address in tests.
    allowed_networks: tuple[str, ...] = ()
    min_interval: float = MIN_INTERVAL
    retry: RetryPolicy = RetryPolicy()  # redirects and retries (net/chain.py)

    @classmethod
    def from_options(cls, *, timeout: float | None = None, concurrency: int | None = None,
                     per_host: int | None = None, min_interval: float | None = None, attempts: int | None = None,
                     outage_window: float | None = None, allow_private: bool = False) -> ClientConfig:
        """The config for a command's options, each None when not given (then the default here
        or in net/chain.py holds). `timeout` (default READ_TIMEOUT) bounds both a request's read
        and its whole attempt: a command's user gives one number."""
        timeout = READ_TIMEOUT if timeout is None else timeout
        config = cls(allow_private=allow_private, connect_timeout=min(CONNECT_TIMEOUT, timeout), read_timeout=timeout,
                     total_timeout=timeout)
        retry = config.retry
        if attempts is not None:
            retry = replace(retry, attempts=attempts)
        if outage_window is not None:
            retry = replace(retry, outage_window=outage_window)
        return replace(config, retry=retry,
                       concurrency=config.concurrency if concurrency is None else concurrency,
                       per_host=config.per_host if per_host is None else per_host,
                       min_interval=config.min_interval if min_interval is None else min_interval)


@dataclass(frozen=True)
class Response:
    url: str
    final_url: str
    status: int | None
    headers: Mapping[str, str]
    body: bytes
    truncated: bool
    body_skipped: bool
    redirects: tuple[Redirect, ...]
    attempts: int  # 1 + the retries made (following a redirect is not a retry)
    error: str | None
    error_kind: ErrorKind | None  # set with error
    requests: int = 0  # HTTP requests sent for this call: every hop and every retry

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


# One request on the wire: (method, url, headers, max_bytes, body_types) -> its answer, never raising.
Transport = Callable[[str, str, "Mapping[str, str] | None", int, "tuple[str, ...] | None"], Answer]


def media_type(headers: Mapping[str, str]) -> str:
    return headers.get("Content-Type", "").split(";", 1)[0].strip().lower()


def _wanted(kind: str, body_types: tuple[str, ...]) -> bool:
    for wanted in body_types:
        wanted = wanted.lower()
        if kind == wanted or (wanted.endswith("/*") and kind.startswith(wanted[:-1])):
            return True
    return False


def _causes(error: BaseException) -> list[BaseException]:
    """The error and everything it wraps (urllib3 and requests nest them several deep)."""
    found: list[BaseException] = []
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop(0)
        if current in found:
            continue
        found.append(current)
        for inner in (getattr(current, "reason", None), current.__cause__, current.__context__,
                      *getattr(current, "args", ())):
            if isinstance(inner, BaseException):
                pending.append(inner)
    return found


def _has(causes: list[BaseException], *types: type) -> BaseException | None:
    return next((cause for cause in causes if isinstance(cause, types)), None)


class Client:
    """A thread-safe HTTP client for fetching URLs written by strangers. Use as a context manager.
    `transport` replaces the wire (tests script answers with it), `clock` the waits, `resolver`
    the name look-up (tests map their host names to loopback; the guard still checks each address)."""

    def __init__(self, config: ClientConfig = ClientConfig(), *, transport: Transport | None = None,
                 clock: Clock = SYSTEM_CLOCK, rng: random.Random | None = None,
                 resolver: netguard.Resolver | None = None) -> None:
        self.config = config
        self.clock = clock
        self._policy = netguard.AddressPolicy(
            config.allow_private,
            tuple(ipaddress.ip_network(network, strict=False) for network in config.allowed_networks),
            resolver,
        )
        self._gates = HostGates(HostLimits(config.per_host, config.min_interval), clock)
        self._global = threading.BoundedSemaphore(max(1, config.concurrency))
        self._random = rng or random.Random()
        self._transport = transport or self._send
        self._session = requests.Session()
        self._session.trust_env = False  # no proxies or .netrc from the environment: the guard must see the real peer
        adapter = netguard.GuardedAdapter(pool_connections=64, pool_maxsize=max(1, config.per_host),
                                          max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers.clear()
        self._session.headers.update({"User-Agent": config.user_agent, **DEFAULT_HEADERS})

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    def chain(self, url: str, policy: RetryPolicy | None = None, method: str = "GET") -> Chain:
        """A new chain for `url` under this client's retry policy (or `policy`)."""
        return Chain(url, policy or self.config.retry, method, self._random, self.clock.now)

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        max_bytes: int = 2_000_000,
        body_types: tuple[str, ...] | None = None,
        retry: bool = True,
        attempts: int | None = None,
    ) -> Response:
        """Fetch `url`, following redirects and retrying as net/chain.py decides, waiting here
        (within each host's limits). `attempts` overrides the policy's for this call."""
        policy = self.config.retry
        if not retry or attempts:
            policy = replace(policy, attempts=1 if not retry else max(1, attempts or 1))
        chain = self.chain(url, policy, method)
        while True:
            gate = self._gates.gate(_host(chain.current))
            gate.enter()
            self._global.acquire()
            try:
                answer = self.send(chain.method, chain.current, headers=headers, max_bytes=max_bytes,
                                   body_types=body_types)
            finally:
                self._global.release()
                gate.leave()
            step = chain.answered(answer)
            if isinstance(step, End):
                return _response(url, step)
            if step.host_pause > 0:
                gate.pause(step.host_pause)  # every thread holds off this host, as long as the server asked
            if step.delay > 0:
                self.clock.sleep(step.delay)

    def send(self, method: str, url: str, *, headers: Mapping[str, str] | None = None, max_bytes: int = 0,
             body_types: tuple[str, ...] | None = None) -> Answer:
        """One request to `url` under the address guard and the timeouts: no redirect followed,
        no retry, no host limit (the caller schedules those)."""
        problem = _url_problem(url)
        if problem is not None:
            return Answer(error=problem, error_kind=ErrorKind.INVALID_URL)
        return self._transport(method.upper(), url, headers, max_bytes, body_types)

    def _send(self, method: str, url: str, headers: Mapping[str, str] | None, max_bytes: int,
              body_types: tuple[str, ...] | None) -> Answer:
        cfg = self.config
        with netguard.attempt(self._policy, cfg.total_timeout) as attempt:
            try:
                response = self._session.request(
                    method, url, headers=dict(headers or {}), stream=True, allow_redirects=False,
                    timeout=(cfg.connect_timeout, cfg.read_timeout),
                )
            except netguard.BlockedAddress as error:
                return Answer(error=str(error), error_kind=ErrorKind.PRIVATE_ADDRESS)
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError, HTTPException,
                    ValueError) as error:
                kind, message = self._describe(error, attempt.expired)
                return Answer(error=message, error_kind=kind)
            status = response.status_code
            hop_headers = MappingProxyType(CaseInsensitiveDict(response.headers))
            try:
                body, truncated, skipped = self._read_body(response, method, max_bytes, body_types)
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError, HTTPException) as error:
                response.close()
                kind, message = self._describe(error, attempt.expired)
                return Answer(status=None, headers=hop_headers, error=message, error_kind=kind)
            if attempt.expired:
                kind, message = self._describe(TimeoutError(), True)
                return Answer(status=None, headers=hop_headers, error=message, error_kind=kind)
            return Answer(status, hop_headers, body, truncated, skipped)

    def _read_body(self, response: requests.Response, method: str, max_bytes: int,
                   body_types: tuple[str, ...] | None) -> tuple[bytes, bool, bool]:
        raw = response.raw
        unwanted = (
            method == "HEAD"
            or response.status_code in REDIRECT_STATUSES
            or max_bytes <= 0
            or (body_types is not None and not _wanted(media_type(response.headers), body_types))
        )
        if unwanted:
            skipped = method != "HEAD" and response.status_code not in REDIRECT_STATUSES
            length = response.headers.get("Content-Length", "")
            size = ascii_number(length)
            if method == "HEAD" or (size is not None and size <= _DRAIN_LIMIT):
                while raw.read(_CHUNK, decode_content=False):
                    pass  # small: read it so the connection goes back to the pool
                raw.release_conn()
            else:
                response.close()  # large or unknown: drop the connection rather than download it
            return b"", False, skipped
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = raw.read(_CHUNK, decode_content=True)
            if not chunk:
                raw.release_conn()
                return b"".join(chunks), False, False
            chunks.append(chunk)
            size += len(chunk)
        response.close()
        return b"".join(chunks)[:max_bytes], True, False

    def _describe(self, error: BaseException, expired: bool) -> tuple[ErrorKind, str]:
        """The error kind and a one-line message a person can act on."""
        cfg = self.config
        causes = _causes(error)
        if _has(causes, socket.gaierror, urllib3.exceptions.NameResolutionError):
            name = next((getattr(c, "_host", None) for c in causes if getattr(c, "_host", None)), None)
            return ErrorKind.DNS, f"DNS lookup failed for {name}" if name else "DNS lookup failed"
        if _has(causes, ConnectionRefusedError):
            return ErrorKind.REFUSED, "connection refused"
        if _has(causes, requests.exceptions.ConnectTimeout) or any(
            isinstance(c, urllib3.exceptions.ConnectTimeoutError)
            and not isinstance(c, urllib3.exceptions.NewConnectionError) for c in causes
        ):
            return ErrorKind.TIMEOUT, f"no connection within {cfg.connect_timeout:g}s"
        # When the whole-attempt limit is the tighter one, say so whichever timer went off first.
        whole = cfg.total_timeout is not None and cfg.total_timeout <= cfg.read_timeout
        if expired or (whole and _has(causes, requests.exceptions.ReadTimeout, urllib3.exceptions.ReadTimeoutError,
                                      TimeoutError)):
            return ErrorKind.TIMEOUT, f"no complete answer within {cfg.total_timeout:g}s"
        if _has(causes, requests.exceptions.ReadTimeout, urllib3.exceptions.ReadTimeoutError, TimeoutError):
            return ErrorKind.TIMEOUT, f"no answer within {cfg.read_timeout:g}s"
        tls = _has(causes, ssl.SSLError, ssl.CertificateError)
        if tls is not None:
            reason = getattr(tls, "reason", None) or getattr(tls, "verify_message", None) or str(tls)
            return ErrorKind.TLS, f"TLS error: {reason}"
        if _has(causes, ConnectionResetError, ConnectionAbortedError, BrokenPipeError, RemoteDisconnected,
                IncompleteRead, urllib3.exceptions.ProtocolError, requests.exceptions.ChunkedEncodingError):
            return ErrorKind.RESET, "connection closed before a complete answer"
        if _has(causes, requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                requests.exceptions.MissingSchema, urllib3.exceptions.LocationParseError, ValueError):
            return ErrorKind.INVALID_URL, f"invalid URL: {error}"
        return ErrorKind.CONNECTION, f"connection failed: {error}"


def _url_problem(url: str) -> str | None:
    problem = web_url_problem(url)
    return None if problem is None else f"invalid URL {url!r}: {problem}"


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _response(url: str, end: End) -> Response:
    answer = end.answer
    return Response(url, end.final_url, answer.status, answer.headers, answer.body, answer.truncated,
                    answer.body_skipped, end.redirects, end.tries, answer.error, answer.error_kind, end.sent)
