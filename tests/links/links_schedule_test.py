"""Fair scheduling: waits give their slot back, hanging servers hold no one up, a host is paused
only as long as its server asked, and politeness stays. Waits run in virtual time with scripted
answers (the order of requests and the waits are asserted, not the machine's speed); hangs and
limits are also tried against real servers on loopback."""

from __future__ import annotations

import random
import time

from pmgenome.links.check import CheckOptions, check_urls
from pmgenome.links.verdict import Verdict
from pmgenome.net.chain import RetryPolicy
from pmgenome.net.client import Client, ClientConfig
from pmgenome.net.limits import HostLimits

from tests.support.clock import FakeClock
from tests.support.servers import LocalServer, Reply, html, loopback_names
from tests.support.transport import Script, answer, page

CONFIG = ClientConfig(connect_timeout=1.0, read_timeout=1.0, total_timeout=1.0, allow_private=True,
                      retry=RetryPolicy(backoff_base=0.05, backoff_max=0.1))


URL = "http://site.test/page"


def options(**changes: object) -> CheckOptions:
    return CheckOptions.from_client(CONFIG, **changes)


def virtual(script_routes: dict, **retry: object) -> tuple[Client, Script, FakeClock]:
    """A client whose answers are scripted and whose waits run in virtual time."""
    clock = FakeClock()
    script = Script(script_routes, default=page(), clock=clock)
    config = ClientConfig(retry=RetryPolicy(**retry)) if retry else ClientConfig()  # type: ignore[arg-type]
    return Client(config, transport=script, clock=clock, rng=random.Random(0), resolver=loopback_names), script, clock


def test_a_brief_outage_is_waited_out_within_the_window() -> None:
    # A deploy: 503 once, then the page. Three tries over a 2 s window wait 0.8 s, then 1.2 s.
    client, script, _ = virtual({URL: [answer(503), page()]}, attempts=3, outage_window=2.0)
    with client:
        [result] = check_urls(client, {URL: ()}, options=CheckOptions.from_client(client.config))
    assert (result.verdict, result.attempts, result.error) == (Verdict.OK, 2, None)
    first, second = script.times
    assert 0.8 <= second - first <= 0.84  # 5% jitter at most


def test_a_persistent_outage_is_broken_after_the_whole_window() -> None:
    client, script, _ = virtual({URL: [answer(503)]}, attempts=3, outage_window=1.5)
    with client:
        [result] = check_urls(client, {URL: ()}, options=CheckOptions.from_client(client.config))
    assert (result.verdict, result.attempts, script.count(URL)) == (Verdict.BROKEN, 3, 3)
    assert result.error == "HTTP 503 Service Unavailable, still after 3 attempts over 2s"
    assert 1.5 <= script.times[-1] - script.times[0] <= 1.58


def test_a_url_waiting_to_retry_gives_its_hosts_slot_back() -> None:
    # One slot for the host; the first URL fails for a while, the others must not wait for it.
    others = [f"http://site.test/{n}" for n in range(5)]
    client, script, _ = virtual({URL: [answer(503)]}, attempts=3, outage_window=1.0)
    with client:
        results = check_urls(client, {URL: (), **dict.fromkeys(others, ())},
                             options=CheckOptions.from_client(client.config, host_limits=HostLimits(1)))
    assert [r.verdict for r in results] == [Verdict.BROKEN] + [Verdict.OK] * 5
    assert script.urls() == [URL, *others, URL, URL]


def test_a_429_pauses_its_host_only_as_long_as_asked() -> None:
    # The whole host waits the second it asked, the retry first, then goes on without waiting.
    others = [f"http://site.test/{n}" for n in range(4)]
    client, script, _ = virtual({URL: [answer(429, Retry_After="1"), page()]})
    with client:
        results = check_urls(client, {URL: (), **dict.fromkeys(others, ())},
                             options=CheckOptions.from_client(client.config, host_limits=HostLimits(1)))
    assert {r.verdict for r in results} == {Verdict.OK}
    assert script.urls() == [URL, URL, *others]
    assert [t - script.times[0] for t in script.times] == [0.0, 1.0, 1.0, 1.0, 1.0, 1.0]


def test_minimum_interval_between_requests_to_one_host() -> None:
    client, script, _ = virtual({})
    with client:
        check_urls(client, {f"http://site.test/{n}": () for n in range(4)},
                   options=CheckOptions.from_client(client.config, host_limits=HostLimits(4, min_interval=0.2)))
    assert [round(t - script.times[0], 6) for t in script.times] == [0.0, 0.2, 0.4, 0.6]


HANG = 5.0  # seconds a hanging request is given


def test_hanging_urls_do_not_starve_the_others() -> None:
    # Hanging URLs on one host with two slots, and work on two hosts: with only two slots in
    # all, the hanging requests stop counting once they stall, and the host's own work goes on.
    with LocalServer("h44.test", {f"/hang/{n}": Reply(action="hang") for n in range(2)},
                     default=html()) as stuck, LocalServer("h45.test", default=html()) as other:
        targets = {**{stuck.url(f"/hang/{n}"): () for n in range(2)}, **{stuck.url(f"/ok/{n}"): () for n in range(3)},
                   **{other.url(f"/{n}"): () for n in range(10)}}
        # A timeout long enough that one of it and two of it are far apart on a loaded machine.
        config = ClientConfig(**{**CONFIG.__dict__, "read_timeout": HANG, "total_timeout": HANG})
        with Client(config, resolver=loopback_names) as client:
            started = time.monotonic()
            results = check_urls(client, targets, options=CheckOptions.from_client(
                config, concurrency=2, stall_after=0.3, retry=RetryPolicy(attempts=1)))
            elapsed = time.monotonic() - started
        done_at = [r.at - started for r in other.requests] + [r.at - started for r in stuck.requests
                                                              if r.path.startswith("/ok")]
        assert [r.verdict for r in results] == [Verdict.TIMEOUT] * 2 + [Verdict.OK] * 13
        assert max(done_at) < HANG  # not after the hanging ones' timeout
        assert elapsed < 1.5 * HANG  # the hanging ones ran side by side: one timeout, where in turn would be two
        assert stuck.max_in_flight <= 4  # twice the host's limit at most


def test_a_limit_a_maintainer_set_for_a_host_holds_even_while_it_hangs() -> None:
    # hosts.yaml's `concurrency: 1` for a fragile host: its hung requests keep their slot.
    with LocalServer("h53.test", {f"/hang/{n}": Reply(action="hang") for n in range(2)},
                     default=html()) as stuck:
        targets = {**{stuck.url(f"/hang/{n}"): () for n in range(2)}, **{stuck.url(f"/ok/{n}"): () for n in range(2)}}
        config = ClientConfig(**{**CONFIG.__dict__, "read_timeout": 0.6, "total_timeout": 0.6})
        with Client(config, resolver=loopback_names) as client:
            results = check_urls(client, targets, options=CheckOptions.from_client(
                config, concurrency=4, stall_after=0.1, retry=RetryPolicy(attempts=1),
                host_limits=HostLimits(1, strict=True)))
        assert [r.verdict for r in results] == [Verdict.TIMEOUT] * 2 + [Verdict.OK] * 2
        # One at a time: each request starts only when the one before gave up (the server itself
        # cannot tell, as it holds a hung connection after the client has left).
        starts = sorted(r.at for r in stuck.requests)
        assert len(starts) == 4
        assert starts[1] - starts[0] >= 0.55 and starts[2] - starts[1] >= 0.55


def test_per_host_and_global_limits_hold() -> None:
    slow = Reply(200, {"Content-Type": "text/html"}, b"ok", delay=0.1)
    servers = [LocalServer(f"h{48 + n}.test", default=slow).start() for n in range(3)]
    try:
        targets = {server.url(f"/{n}"): () for server in servers for n in range(6)}
        with Client(CONFIG, resolver=loopback_names) as client:
            results = check_urls(client, targets, options=options(concurrency=4, host_limits=HostLimits(2)))
        assert {r.verdict for r in results} == {Verdict.OK}
        assert all(server.max_in_flight <= 2 for server in servers)
        every = sorted((r.at, +1) for s in servers for r in s.requests)
        assert len(every) == 18
    finally:
        for server in servers:
            server.stop()
