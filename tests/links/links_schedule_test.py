"""Fair scheduling against real servers: waits give their slot back, hanging servers hold no one
up, a host is paused only as long as its server asked, and politeness stays."""

from __future__ import annotations

import time

from pmgenome.links.check import CheckOptions, check_urls
from pmgenome.links.probe import RetryPolicy
from pmgenome.links.verdict import Verdict
from pmgenome.net.client import Client, ClientConfig
from pmgenome.net.limits import HostLimits

from tests.support.servers import LocalServer, Reply, Request, html

CONFIG = ClientConfig(connect_timeout=1.0, read_timeout=1.0, total_timeout=1.0, allow_private=True,
                      backoff_base=0.05, backoff_max=0.1)


def options(**changes: object) -> CheckOptions:
    return CheckOptions.from_client(CONFIG, **changes)


def test_a_brief_outage_is_waited_out_within_the_window() -> None:
    # The server answers 503 for its first 0.6 s (a deploy), then works.
    with LocalServer("127.0.0.41") as server:
        first: list[float] = []

        def deploying(request: Request) -> Reply:
            first.append(request.at)
            return Reply(503) if request.at - first[0] < 0.6 else html()

        server.default = deploying
        with Client(CONFIG) as client:
            started = time.monotonic()
            [result] = check_urls(client, {server.url("/page"): ()},
                                  options=options(retry=RetryPolicy(attempts=3, outage_window=2.0)))
            elapsed = time.monotonic() - started
    assert (result.verdict, result.attempts, result.error) == (Verdict.OK, 2, None)
    assert 0.75 <= elapsed < 1.4  # the second try at 0.8 s of a 2 s window (0.8 + 1.2): past the outage


def test_a_persistent_outage_is_broken_after_the_whole_window() -> None:
    with LocalServer("127.0.0.42", default=Reply(503)) as server, Client(CONFIG) as client:
        started = time.monotonic()
        [result] = check_urls(client, {server.url("/page"): ()},
                              options=options(retry=RetryPolicy(attempts=3, outage_window=1.5)))
        elapsed = time.monotonic() - started
        assert (result.verdict, result.attempts, server.hits()) == (Verdict.BROKEN, 3, 3)
    assert result.error == "HTTP 503 Service Unavailable, still after 3 attempts over 2s"
    assert 1.5 <= elapsed < 2.2


def test_a_url_waiting_to_retry_gives_its_hosts_slot_back() -> None:
    # One slot for the host; the first URL fails for a while, the others must not wait for it.
    with LocalServer("127.0.0.43", {"/flaky": Reply(503)}, default=html()) as server, Client(CONFIG) as client:
        targets = {server.url("/flaky"): (), **{server.url(f"/{n}"): () for n in range(5)}}
        started = time.monotonic()
        results = check_urls(client, targets, options=options(
            retry=RetryPolicy(attempts=3, outage_window=1.0), host_limits=HostLimits(1)))
        assert [r.verdict for r in results] == [Verdict.BROKEN] + [Verdict.OK] * 5
        healthy = [r.at for r in server.requests if r.path != "/flaky"]
        assert max(healthy) - started < 0.4
        assert server.max_in_flight == 1


def test_hanging_urls_do_not_starve_the_others() -> None:
    # Hanging URLs on one host with two slots, and work on two hosts: with only two slots in
    # all, the hanging requests stop counting once they stall, and the host's own work goes on.
    with LocalServer("127.0.0.44", {f"/hang/{n}": Reply(action="hang") for n in range(2)},
                     default=html()) as stuck, LocalServer("127.0.0.45", default=html()) as other:
        targets = {**{stuck.url(f"/hang/{n}"): () for n in range(2)}, **{stuck.url(f"/ok/{n}"): () for n in range(3)},
                   **{other.url(f"/{n}"): () for n in range(10)}}
        config = ClientConfig(**{**CONFIG.__dict__, "read_timeout": 2.0, "total_timeout": 2.0})
        with Client(config) as client:
            started = time.monotonic()
            results = check_urls(client, targets, options=CheckOptions.from_client(
                config, concurrency=2, stall_after=0.3, retry=RetryPolicy(attempts=1)))
            elapsed = time.monotonic() - started
        done_at = [r.at - started for r in other.requests] + [r.at - started for r in stuck.requests
                                                              if r.path.startswith("/ok")]
        assert [r.verdict for r in results] == [Verdict.TIMEOUT] * 2 + [Verdict.OK] * 13
        assert max(done_at) < 1.0  # not after the hanging ones' 2 s
        assert elapsed < 2.6  # the hanging ones ran side by side: about one timeout
        assert stuck.max_in_flight <= 4  # twice the host's limit at most


def test_a_limit_a_maintainer_set_for_a_host_holds_even_while_it_hangs() -> None:
    # hosts.yaml's `concurrency: 1` for a fragile host: its hung requests keep their slot.
    with LocalServer("127.0.0.53", {f"/hang/{n}": Reply(action="hang") for n in range(2)},
                     default=html()) as stuck:
        targets = {**{stuck.url(f"/hang/{n}"): () for n in range(2)}, **{stuck.url(f"/ok/{n}"): () for n in range(2)}}
        config = ClientConfig(**{**CONFIG.__dict__, "read_timeout": 0.6, "total_timeout": 0.6})
        with Client(config) as client:
            results = check_urls(client, targets, options=CheckOptions.from_client(
                config, concurrency=4, stall_after=0.1, retry=RetryPolicy(attempts=1),
                host_limits=HostLimits(1, strict=True)))
        assert [r.verdict for r in results] == [Verdict.TIMEOUT] * 2 + [Verdict.OK] * 2
        # One at a time: each request starts only when the one before gave up (the server itself
        # cannot tell, as it holds a hung connection after the client has left).
        starts = sorted(r.at for r in stuck.requests)
        assert len(starts) == 4
        assert starts[1] - starts[0] >= 0.55 and starts[2] - starts[1] >= 0.55


def test_a_429_pauses_its_host_only_as_long_as_asked() -> None:
    first: dict[str, float] = {}

    def limited(request: Request) -> Reply:
        if request.path == "/limited" and request.hit == 1:
            first["429"] = request.at
            return Reply(429, {"Retry-After": "1"})
        return Reply(200, {"Content-Type": "text/html"}, b"ok", delay=0.1)

    with LocalServer("127.0.0.46", default=limited) as server, Client(CONFIG) as client:
        targets = {server.url("/limited"): (), **{server.url(f"/{n}"): () for n in range(8)}}
        results = check_urls(client, targets, options=options(host_limits=HostLimits(2)))
        assert {r.verdict for r in results} == {Verdict.OK}
        later = [r for r in server.requests if r.at > first["429"] + 0.01]
        assert later and all(r.at >= first["429"] + 0.95 for r in later)  # the whole host waited 1 s...
        assert max(r.in_flight for r in later) == 2  # ...and then went on at full speed


def test_minimum_interval_between_requests_to_one_host() -> None:
    with LocalServer("127.0.0.47", default=html()) as server, Client(CONFIG) as client:
        check_urls(client, {server.url(f"/{n}"): () for n in range(4)},
                   options=options(host_limits=HostLimits(4, min_interval=0.2)))
        starts = sorted(r.at for r in server.requests)
    assert all(later - earlier >= 0.19 for earlier, later in zip(starts, starts[1:], strict=False))


def test_per_host_and_global_limits_hold() -> None:
    slow = Reply(200, {"Content-Type": "text/html"}, b"ok", delay=0.1)
    servers = [LocalServer(f"127.0.0.{48 + n}", default=slow).start() for n in range(3)]
    try:
        targets = {server.url(f"/{n}"): () for server in servers for n in range(6)}
        with Client(CONFIG) as client:
            results = check_urls(client, targets, options=options(concurrency=4, host_limits=HostLimits(2)))
        assert {r.verdict for r in results} == {Verdict.OK}
        assert all(server.max_in_flight <= 2 for server in servers)
        every = sorted((r.at, +1) for s in servers for r in s.requests)
        assert len(every) == 18
    finally:
        for server in servers:
            server.stop()
