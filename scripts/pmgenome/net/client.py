"""The one HTTP client that fetches strangers' URLs, for the link checker and enrichment alike.

Polite (a global and a per-host limit on requests in flight, a minimum interval between a host's
requests, a host paused as long as its 429 asked, backoff with jitter), guarded (no private
addresses, redirects included, unless allowed) and bounded (connect, read and whole-attempt
timeouts, a byte cap, bodies of unwanted types left unread). It never raises for a network
problem: the Response says what went wrong in `error` and `error_kind`.

`request` is the whole fetch (redirects and retries) for callers that wait; `send` is one request,
for the link checker's scheduler, which does its own waiting without holding a thread.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from http.client import HTTPException, IncompleteRead, RemoteDisconnected
from types import MappingProxyType
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions
from requests.structures import CaseInsensitiveDict

from pmgenome.net import guard as netguard
from pmgenome.net.headers import ascii_number, retry_after_seconds
from pmgenome.net.limits import HostGates, HostLimits, backoff_delay
from pmgenome.net.status import REDIRECT_STATUSES, is_retryable_status
from pmgenome.urls import web_url_problem

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


class ErrorKind(StrEnum):
    """What kind of network failure ended a request (Response.error_kind)."""

    DNS = "dns"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    RESET = "reset"
    TLS = "tls"
    PRIVATE_ADDRESS = "private-address"
    REDIRECT_LOOP = "redirect-loop"
    TOO_MANY_REDIRECTS = "too-many-redirects"
    INVALID_URL = "invalid-url"
    CONNECTION = "connection"


RETRYABLE_ERRORS = frozenset({ErrorKind.TIMEOUT, ErrorKind.RESET})


@dataclass(frozen=True)
class ClientConfig:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    concurrency: int = 16
    per_host: int = 2
    max_attempts: int = 3
    backoff_base: float = 0.5
    max_retry_after: float = 120.0
    max_redirects: int = 10
    allow_private: bool = False
    user_agent: str = DEFAULT_USER_AGENT
    # Whole-attempt limit: a server trickling one byte per read timeout cannot hold a run.
    total_timeout: float | None = 60.0
    backoff_max: float = 30.0
    # Networks allowed even without allow_private (CIDR strings), e.g. one loopback address in tests.
    allowed_networks: tuple[str, ...] = ()
    min_interval: float = 0.0  # seconds between the starts of two requests to one host


@dataclass(frozen=True)
class Redirect:
    url: str
    status: int
    location: str

    def to_json(self) -> dict[str, object]:
        """The hop as the link cache and the JSON report write it."""
        return {"url": self.url, "status": self.status, "location": self.location}


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


_NO_HEADERS: Mapping[str, str] = MappingProxyType(CaseInsensitiveDict())


@dataclass(frozen=True)
class Answer:
    """The answer to one request, before any redirect is followed or any retry made."""

    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=lambda: _NO_HEADERS)
    body: bytes = b""
    truncated: bool = False
    body_skipped: bool = False
    error: str | None = None
    error_kind: ErrorKind | None = None


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
    """A thread-safe HTTP client for fetching URLs written by strangers. Use as a context manager."""

    def __init__(self, config: ClientConfig = ClientConfig()) -> None:
        self.config = config
        self._policy = netguard.AddressPolicy(
            config.allow_private,
            tuple(ipaddress.ip_network(network, strict=False) for network in config.allowed_networks),
        )
        self._gates = HostGates(HostLimits(config.per_host, config.min_interval))
        self._global = threading.BoundedSemaphore(max(1, config.concurrency))
        self._random = random.Random()
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
        """Fetch `url`, following redirects hop by hop; see the module docstring.
        `attempts` overrides config.max_attempts for this call."""
        method = method.upper()
        tries_allowed = 1 if not retry else max(1, attempts or self.config.max_attempts)
        redirects: list[Redirect] = []
        visits: dict[str, int] = {}
        current = url
        retries = sent = 0
        while True:
            problem = _url_problem(current)
            if problem is not None:
                return _failed(url, current, redirects, 1 + retries, sent, problem, ErrorKind.INVALID_URL)
            key = current.split("#", 1)[0]
            visits[key] = visits.get(key, 0) + 1
            hop, hop_tries = self._hop(method, current, headers, max_bytes, body_types, tries_allowed)
            sent += hop_tries
            retries += hop_tries - 1
            location = hop.headers.get("Location") if hop.status in REDIRECT_STATUSES else None
            if hop.error is not None or not location:
                return Response(url, current, hop.status, hop.headers, hop.body, hop.truncated,
                                hop.body_skipped, tuple(redirects), 1 + retries, hop.error, hop.error_kind, sent)
            assert hop.status is not None
            target = urljoin(current, location.strip())
            redirects.append(Redirect(current, hop.status, location))
            if visits.get(target.split("#", 1)[0], 0) >= 2:
                # One revisit is allowed: sites set a cookie and send you back to the same page.
                return _failed(url, target, redirects, 1 + retries, sent,
                               f"redirect loop: {target} was reached twice already", ErrorKind.REDIRECT_LOOP,
                               hop.status, hop.headers)
            if len(redirects) > self.config.max_redirects:
                return _failed(url, target, redirects, 1 + retries, sent,
                               f"more than {self.config.max_redirects} redirects", ErrorKind.TOO_MANY_REDIRECTS,
                               hop.status, hop.headers)
            if hop.status == 303 and method != "HEAD":
                method = "GET"
            current = target

    def _hop(self, method: str, url: str, headers: Mapping[str, str] | None, max_bytes: int,
             body_types: tuple[str, ...] | None, tries_allowed: int) -> tuple[Answer, int]:
        """One URL, retried as the answers allow; returns the last answer and the tries made."""
        gate = self._gates.gate((urlsplit(url).hostname or "").lower())
        tries = 0
        while True:
            tries += 1
            gate.enter()
            self._global.acquire()
            try:
                hop = self._send(method, url, headers, max_bytes, body_types)
            finally:
                self._global.release()
                gate.leave()
            wait = self._wait_before_retry(hop, tries)
            if hop.status == 429 and wait is not None:
                gate.pause(wait)  # every thread holds off this host, as long as the server asked
            if tries >= tries_allowed or wait is None:
                return hop, tries
            time.sleep(wait)

    def send(self, method: str, url: str, *, headers: Mapping[str, str] | None = None, max_bytes: int = 0,
             body_types: tuple[str, ...] | None = None) -> Answer:
        """One request to `url` under the address guard and the timeouts: no redirect followed,
        no retry, no host limit (the caller schedules those)."""
        problem = _url_problem(url)
        if problem is not None:
            return Answer(error=problem, error_kind=ErrorKind.INVALID_URL)
        return self._send(method.upper(), url, headers, max_bytes, body_types)

    def _wait_before_retry(self, hop: Answer, tries: int) -> float | None:
        """Seconds to wait before trying again, or None when a retry would not help."""
        if hop.error_kind is not None:
            retryable = hop.error_kind in RETRYABLE_ERRORS
        else:
            retryable = is_retryable_status(hop.status)
        if not retryable:
            return None
        cfg = self.config
        backoff = backoff_delay(tries, cfg.backoff_base, cfg.backoff_max, self._random)
        asked = retry_after_seconds(hop.headers.get("Retry-After")) if hop.status in (429, 503) else None
        if asked is None:
            return backoff
        if asked > cfg.max_retry_after:
            return None  # told to come back much later: give up now rather than hold the run
        return asked

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


def _failed(url: str, final_url: str, redirects: list[Redirect], tries: int, sent: int, error: str,
            kind: ErrorKind, status: int | None = None, headers: Mapping[str, str] = _NO_HEADERS) -> Response:
    return Response(url, final_url, status, headers, b"", False, False, tuple(redirects), tries, error, kind, sent)
