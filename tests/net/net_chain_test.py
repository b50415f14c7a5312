"""The one redirect-and-retry engine (net/chain.py): each rule once, and both drivers of it (the
client's blocking request and the link checker's scheduler) making the same requests. Answers are
scripted and waits run in virtual time: the tests assert what was sent and waited, not how long."""

from __future__ import annotations

import random

import pytest
from pmgenome.links.check import CheckOptions, check_urls
from pmgenome.links.verdict import Verdict
from pmgenome.net.answer import ErrorKind
from pmgenome.net.chain import Chain, End, RetryPolicy, Wait
from pmgenome.net.client import Client, ClientConfig

from tests.support.clock import EPOCH, FakeClock
from tests.support.transport import Script, answer, failure, moved, page

URL = "http://site.test/page"
NO_JITTER = random.Random(0)


def client_for(script: Script, clock: FakeClock | None = None, **retry: object) -> Client:
    return Client(ClientConfig(retry=RetryPolicy(**retry)), transport=script,  # type: ignore[arg-type]
                  clock=clock or FakeClock(), rng=random.Random(0))


def steps(chain: Chain, *answers) -> list[Wait | End]:  # type: ignore[no-untyped-def]
    return [chain.answered(one) for one in answers]


def test_retry_after_is_read_on_every_5xx_asked_again() -> None:
    # The client once read it only on 429 and 503, the probe on every retryable 5xx: now every one.
    for status in (500, 502, 503, 504):
        script = Script({URL: [answer(status, Retry_After="7"), page()]})
        clock = FakeClock()
        with client_for(script, clock) as client:
            response = client.request("GET", URL)
        assert (response.status, response.attempts, clock.slept) == (200, 2, [7.0])


def test_retry_after_as_a_date_is_read_on_the_clock() -> None:
    script = Script({URL: [answer(503, Retry_After="Tue, 01 Dec 2026 08:00:09 GMT"), page()]})
    clock = FakeClock(wall=EPOCH)
    with client_for(script, clock) as client:
        assert client.request("GET", URL).status == 200
    assert clock.slept == [9.0]


def test_a_5xx_without_retry_after_is_asked_again_over_the_outage_window() -> None:
    # The client once backed off exponentially (0.5 s, 1 s); both now spread the tries over the window.
    script = Script({URL: [answer(500)]})
    clock = FakeClock()
    with client_for(script, clock, attempts=3, outage_window=10.0) as client:
        response = client.request("GET", URL)
    assert (response.status, response.attempts, response.requests) == (500, 3, 3)
    four, six = clock.slept  # 4 s and 6 s, each with up to 5% jitter
    assert 4.0 <= four <= 4.2 and 6.0 <= six <= 6.3


def test_a_bot_challenge_is_never_asked_again() -> None:
    # The client once retried a challenge 503, the probe did not: nobody does now.
    wall = answer(503, "<title>Just a moment...</title>", cf_mitigated="challenge")
    script = Script({URL: [wall, page()]})
    clock = FakeClock()
    with client_for(script, clock) as client:
        response = client.request("GET", URL)
    assert (response.status, response.attempts, script.count(URL), clock.slept) == (503, 1, 1, [])


def test_a_429_pauses_its_whole_host_and_waits_what_it_asked() -> None:
    script = Script({URL: [answer(429, Retry_After="5"), page()]})
    clock = FakeClock()
    with client_for(script, clock) as client:
        assert client.request("GET", URL).status == 200
        gate = client._gates.gate("site.test")
        assert gate.paused_until == pytest.approx(1005.0)  # every thread holds off the host as long


def test_a_wait_longer_than_max_retry_after_ends_the_chain_at_once() -> None:
    chain = Chain(URL, RetryPolicy(max_retry_after=60), rng=NO_JITTER)
    [end] = steps(chain, answer(429, Retry_After="86400"))
    assert isinstance(end, End) and (end.answer.status, end.tries, end.sent) == (429, 1, 1)


def test_what_is_never_asked_again() -> None:
    for final in (answer(404), answer(501), failure(ErrorKind.REFUSED), failure(ErrorKind.TLS),
                  failure(ErrorKind.DNS)):
        [end] = steps(Chain(URL, rng=NO_JITTER), final)
        assert isinstance(end, End) and end.tries == 1


def test_redirects_are_followed_and_not_counted_as_tries() -> None:
    chain = Chain(URL, rng=NO_JITTER, method="POST")
    hop, hop2, end = steps(chain, moved("/a", 303), moved("http://other.test/b", 308), page())
    assert (hop, hop2) == (Wait(0.0), Wait(0.0))
    assert isinstance(end, End)
    assert (end.final_url, end.tries, end.sent, chain.method) == ("http://other.test/b", 1, 3, "GET")
    assert [(r.url, r.status) for r in end.redirects] == [(URL, 303), ("http://site.test/a", 308)]


def test_one_revisit_is_allowed_and_a_third_visit_is_a_loop() -> None:
    chain = Chain(URL, rng=NO_JITTER)
    *_, end = steps(chain, moved("/login"), moved(URL, 302), moved("/login"), moved(URL, 302))
    assert isinstance(end, End)
    assert (end.answer.error_kind, end.answer.error) == (
        ErrorKind.REDIRECT_LOOP, f"redirect loop: {URL} was reached twice already")


def test_the_client_and_the_link_checker_send_the_same_requests() -> None:
    # One engine, two drivers: the same script gives the same requests in the same order.
    routes = {URL: [moved("/moved", 302)], "http://site.test/moved": [answer(502), failure(ErrorKind.RESET), page()]}
    policy = {"attempts": 3, "outage_window": 0.02, "backoff_base": 0.01, "backoff_max": 0.02}
    by_client, by_checker = Script(routes), Script(routes)
    with client_for(by_client, **policy) as client:
        response = client.request("GET", URL)
    with client_for(by_checker, **policy) as client:
        [result] = check_urls(client, {URL: ()}, options=CheckOptions.from_client(client.config, soft_404=False))
    assert by_client.sent == by_checker.sent == [("GET", URL)] + [("GET", "http://site.test/moved")] * 3
    assert (response.status, response.attempts, response.requests) == (200, 3, 4)
    assert (result.verdict, result.status, result.attempts, result.requests) == (Verdict.OK, 200, 3, 4)


def test_a_timeout_is_asked_again_once_and_a_reset_twice() -> None:
    # A hang cost three full timeouts and decided the run's wall; a timeout is strong evidence already.
    hung = "http://site.test/hung"
    script = Script({hung: [failure(ErrorKind.TIMEOUT)], URL: [failure(ErrorKind.RESET)]})
    with client_for(script) as client:
        timed_out, reset = client.request("GET", hung), client.request("GET", URL)
    assert (timed_out.error_kind, timed_out.attempts, script.count(hung)) == (ErrorKind.TIMEOUT, 2, 2)
    assert (reset.error_kind, reset.attempts, script.count(URL)) == (ErrorKind.RESET, 3, 3)
