"""Where a request may connect, and for how long, enforced where the socket is made.

URLs come from strangers' pull requests, so a URL (or any redirect it leads to) must not reach
private, loopback or link-local addresses. The check sits in the connection class: the name is
resolved once, every address is checked, and the socket goes to a checked address, so neither a
redirect, nor a pooled connection, nor a DNS answer that changes between check and use gets past
it. The same place registers each socket with the current attempt, so a whole-attempt deadline can
cut a server that trickles bytes just fast enough to dodge the read timeout.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
)
from urllib3.util.connection import allowed_gai_family

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddress(Exception):
    """A connection refused by the address policy. Deliberately not an OSError, so that neither
    urllib3 nor requests mistakes it for a network failure and retries or rewraps it."""

    def __init__(self, host: str, address: str, what: str) -> None:
        self.host, self.address, self.what = host, address, what
        where = address if host == address else f"{host} ({address})"
        article = "an" if what[:1] in "aeiou" else "a"
        super().__init__(f"not fetched: {where} is {article} {what} address")


# IPv6 ranges that carry an IPv4 address inside: a tunnel or a translator delivers the request to
# that IPv4 address, so it is judged as the IPv4 address it names.
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated ::a.b.c.d
_SITE_LOCAL = ipaddress.IPv6Network("fec0::/10")  # deprecated, and still routed inside some networks


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address leads to: IPv4-mapped and -compatible, 6to4
    (2002::/16), Teredo (2001::/32, server and client) and NAT64 (64:ff9b::/96, 64:ff9b:1::/48)."""
    found: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found += list(address.teredo)
    low32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if any(address in network for network in _NAT64) or (address in _IPV4_COMPATIBLE and int(address) > 1):
        found.append(low32)
    return found


def _what(address: Address) -> str | None:
    """Why an address is off limits, or None when it is a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        if address in _SITE_LOCAL:
            return "site-local"
        if address.teredo is not None:
            return "Teredo tunnel"  # its client address is obfuscated by design: never a server's
        inside = embedded_ipv4(address)
        for inner in inside:
            what = _what(inner)
            if what is not None:
                return f"{what} (inside {address.compressed})" if address.ipv4_mapped is None else what
        if inside:
            return None  # judged as the public IPv4 address it leads to
    for test, name in (
        (address.is_unspecified, "unspecified"),
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address.is_private, "private"),
        (address.is_reserved, "reserved"),
        (not address.is_global, "non-public"),
    ):
        if test:
            return name
    return None


# host, port -> its addresses in order (the resolver hook: tests name their hosts and map them to loopback).
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses a request may connect to: public ones, plus `allowed_networks`, or all;
    `resolver` finds a name's addresses (the system's by default). Every address it gives is
    checked like any other, so a hook cannot open the guard."""

    allow_private: bool = False
    allowed_networks: tuple[Network, ...] = ()
    resolver: Resolver | None = None

    def refusal(self, host: str, address: str) -> BlockedAddress | None:
        if self.allow_private:
            return None
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if any(ip in network for network in self.allowed_networks):
            return None
        what = _what(ip)
        return BlockedAddress(host, address, what) if what else None


@dataclass
class Attempt:
    """One request attempt on this thread: its address policy and its deadline."""

    policy: AddressPolicy
    expired: bool = False
    finished: bool = False
    _sockets: list[socket.socket] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            if not self.expired:
                self._sockets.append(sock)
                return
        _cut(sock)

    def expire(self) -> None:
        """The deadline passed: cut every socket this attempt uses, waking any blocked read."""
        with self._lock:
            if self.finished:
                return
            self.expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _cut(sock)

    def finish(self) -> None:
        with self._lock:
            self.finished = True
            self._sockets = []


def _cut(sock: socket.socket) -> None:
    try:
        # The plain socket's shutdown, even on a TLS socket: ssl's own would drop its TLS state
        # under a thread that may be reading; we only want that read woken.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


_local = threading.local()


def current_attempt() -> Attempt | None:
    return getattr(_local, "attempt", None)


@contextmanager
def attempt(policy: AddressPolicy, deadline: float | None) -> Iterator[Attempt]:
    """Run one request attempt under `policy`, cut off after `deadline` seconds if given."""
    current = Attempt(policy)
    timer = None
    if deadline is not None and deadline > 0:
        timer = threading.Timer(deadline, current.expire)
        timer.daemon = True
        timer.start()
    _local.attempt = current
    try:
        yield current
    finally:
        _local.attempt = None
        current.finish()
        if timer is not None:
            timer.cancel()


# RFC 6761: names under .invalid never resolve, so we answer without asking a DNS server.
_NEVER_RESOLVES = ("invalid",)


def resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, in the resolver's order, without repeats."""
    bare = host.rstrip(".").lower()
    if bare.rsplit(".", 1)[-1] in _NEVER_RESOLVES:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    infos = socket.getaddrinfo(host, port, allowed_gai_family(), socket.SOCK_STREAM)
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    return seen


class _Guarded:
    """Mixed into urllib3's connection classes: resolve, check, then connect to a checked address."""

    _dns_host: str
    host: str
    port: int
    sock: socket.socket | None

    def _new_conn(self) -> socket.socket:
        current = current_attempt()
        policy = current.policy if current else AddressPolicy()
        name = self._dns_host
        try:
            addresses = (policy.resolver or resolve)(name, self.port)
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error  # type: ignore[arg-type]
        for address in addresses:
            refusal = policy.refusal(self.host, address)
            if refusal is not None:
                raise refusal
        failure: Exception | None = None
        for address in addresses:
            self._dns_host = address
            try:
                sock: socket.socket = super()._new_conn()  # type: ignore[misc]
            except (NewConnectionError, ConnectTimeoutError) as error:
                failure = error
                continue
            finally:
                self._dns_host = name
            if current is not None:
                current.watch(sock)
            return sock
        assert failure is not None  # getaddrinfo never returns an empty list
        raise failure

    def request(self, *args: Any, **kwargs: Any) -> Any:
        # A pooled connection skips _new_conn: watch its socket for this attempt too.
        current = current_attempt()
        if current is not None and self.sock is not None:
            current.watch(self.sock)
        return super().request(*args, **kwargs)  # type: ignore[misc]


class GuardedHTTPConnection(_Guarded, HTTPConnection):
    pass


class GuardedHTTPSConnection(_Guarded, HTTPSConnection):
    pass


class GuardedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose pools make only guarded connections."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": GuardedHTTPConnectionPool,
            "https": GuardedHTTPSConnectionPool,
        }
