"""Link verdicts for every fault the checker must judge, against real servers on loopback."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

import pytest
from pmgenome.catalog.hosts import HostRules
from pmgenome.links.check import CheckOptions, check_urls
from pmgenome.links.verdict import LinkResult, Verdict, suggested_url
from pmgenome.net.chain import RetryPolicy
from pmgenome.net.client import Client, ClientConfig, Redirect

from tests.support.linkcheck import check_one
from tests.support.servers import (
    LocalServer,
    Reply,
    Request,
    by_method,
    html,
    loopback_names,
    names_resolver,
    redirect,
    sequence,
    unused_port,
)

CONFIG = ClientConfig(connect_timeout=0.5, read_timeout=0.4, total_timeout=2.0, allow_private=True,
                      retry=RetryPolicy(backoff_base=0.02, backoff_max=0.05, max_redirects=5))
# A short outage window, so a persistent 5xx is judged in a fraction of a second.
OPTIONS = CheckOptions.from_client(CONFIG, retry=RetryPolicy(attempts=3, outage_window=0.2, backoff_base=0.02,
                                                             backoff_max=0.05, max_redirects=5))


def without_spread(error: str | None) -> str | None:
    """The message without its " over 1s": two 0.4 s timeouts may take a loaded machine past 1 s."""
    return re.sub(r" over [0-9]+s$", "", error) if error else error


def _date_in(seconds: float) -> str:
    return email.utils.format_datetime(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=seconds), usegmt=True)


def _rate_limited_by_date(request: Request) -> Reply:
    return Reply(429, {"Retry-After": _date_in(2)}) if request.hit == 1 else html()


@pytest.fixture(scope="module")
def farm():
    """Host A answers most faults; host B is HEAD-hostile."""
    a = LocalServer("h2.test", {
        "/ok": html(),
        "/gone": Reply(404),
        "/deleted": Reply(410),
        "/down": Reply(500),
        "/deploying": sequence(Reply(503), Reply(503), html()),
        "/moved": redirect("/ok", 301),
        "/temporary": redirect("/temporary-2", 302),
        "/temporary-2": redirect("/ok", 301),
        "/permanent": redirect("/permanent-2", 301),
        "/permanent-2": redirect("/ok", 308),
        "/to-gone": redirect("/gone", 301),
        "/ping": redirect("/pong"),
        "/pong": redirect("/ping"),
        "/reset-once": sequence(Reply(action="reset"), html()),
        "/reset-always": Reply(action="reset"),
        "/forbidden": Reply(403),
        "/login": Reply(401),
        "/linkedin": Reply(999),
        "/challenge": Reply(200, {"cf-mitigated": "challenge"}, b"<p>Just a moment</p>"),
        "/waf": Reply(202, {"x-amzn-waf-action": "challenge"}),
        "/waf-503": Reply(503, {"cf-mitigated": "challenge"}),
        "/challenge-page": html("<title>Access</title><script>window._cf_chl_opt={}</script>", status=403),
        "/rate-hostile": Reply(429, {"Retry-After": "\xb2"}),
        "/robot-check": html('<title>Robot Check</title><form action="/errors/validateCaptcha"></form>', status=503),
        "/rate-year": Reply(429, {"Retry-After": "Thu, 26 Nov 99999999999999999999 07:00:30 GMT"}),
        "/slow": Reply(200, {}, b"late", delay=3),
        "/hang": Reply(action="hang"),
        "/rate-seconds": sequence(Reply(429, {"Retry-After": "1"}), html()),
        "/rate-date": _rate_limited_by_date,
        "/rate-timed": sequence(Reply(429, {"Retry-After": "1"}), html()),
        "/rate-forever": Reply(429, {"Retry-After": "86400"}),
    })
    a.default = lambda request: (redirect(f"/deeper{request.path}") if request.path.startswith("/deeper")
                                 else Reply(404))
    b = LocalServer("h3.test", {
        "/head-405": by_method(html(), HEAD=Reply(405)),
        "/head-501": by_method(html(), HEAD=Reply(501)),
        "/head-404": by_method(html(), HEAD=Reply(404)),
        "/head-500": by_method(html(), HEAD=Reply(500)),
    })
    with a, b:
        yield a, b


@pytest.fixture(scope="module")
def client():
    with Client(CONFIG, resolver=loopback_names) as shared:
        yield shared


# path, verdict, status, error (with {a} for host A's origin), attempts
CASES = [
    ("/ok", Verdict.OK, 200, None, 1),
    ("/gone", Verdict.BROKEN, 404, "HTTP 404 Not Found", 1),
    ("/deleted", Verdict.BROKEN, 410, "HTTP 410 Gone", 1),
    ("/down", Verdict.BROKEN, 500, "HTTP 500 Internal Server Error, still after 3 attempts", 3),
    ("/deploying", Verdict.OK, 200, None, 3),
    ("/moved", Verdict.REDIRECTED, 200, None, 1),
    ("/temporary", Verdict.OK, 200, None, 1),
    ("/permanent", Verdict.REDIRECTED, 200, None, 1),
    ("/to-gone", Verdict.BROKEN, 404, "HTTP 404 Not Found (after redirects, at {a}/gone)", 1),
    ("/ping", Verdict.BROKEN, 301, "redirect loop: {a}/ping was reached twice already", 1),
    ("/deeper", Verdict.BROKEN, 301, "more than 5 redirects", 1),
    ("/reset-once", Verdict.OK, 200, None, 2),
    ("/reset-always", Verdict.BROKEN, None, "connection closed before a complete answer, still after 3 attempts", 3),
    ("/forbidden", Verdict.BLOCKED, 403,
     "HTTP 403 Forbidden: the site turns away automated checks; check by hand", 1),
    ("/login", Verdict.BLOCKED, 401,
     "HTTP 401 Unauthorized: the site turns away automated checks; check by hand", 1),
    ("/linkedin", Verdict.BLOCKED, 999, "HTTP 999: the site turns away automated checks; check by hand", 1),
    ("/challenge", Verdict.BLOCKED, 200,
     "HTTP 200 OK with a bot challenge (cf-mitigated: challenge): check by hand", 1),
    ("/waf", Verdict.BLOCKED, 202,
     "HTTP 202 Accepted with a bot challenge (x-amzn-waf-action: challenge): check by hand", 1),
    ("/waf-503", Verdict.BLOCKED, 503,
     "HTTP 503 Service Unavailable with a bot challenge (cf-mitigated: challenge): check by hand", 1),
    ("/challenge-page", Verdict.BLOCKED, 403,
     "HTTP 403 Forbidden with a bot challenge (a challenge page (window._cf_chl_opt)): check by hand", 1),
    ("/robot-check", Verdict.BLOCKED, 503, "HTTP 503 Service Unavailable with a bot challenge (a challenge page "
     "(/errors/validatecaptcha)): check by hand", 1),
    # A timeout is asked again once (net/chain.py), not twice.
    ("/slow", Verdict.TIMEOUT, None, "no answer within 0.4s, still after 2 attempts", 2),
    ("/hang", Verdict.TIMEOUT, None, "no answer within 0.4s, still after 2 attempts", 2),
    ("/rate-seconds", Verdict.OK, 200, None, 2),
    ("/rate-date", Verdict.OK, 200, None, 2),
    ("/rate-forever", Verdict.BLOCKED, 429,
     "HTTP 429 Too Many Requests: the site turns away automated checks; check by hand", 1),
    ("/rate-hostile", Verdict.BLOCKED, 429,
     "HTTP 429 Too Many Requests: the site turns away automated checks; check by hand, still after 3 attempts", 3),
    ("/rate-year", Verdict.BLOCKED, 429,
     "HTTP 429 Too Many Requests: the site turns away automated checks; check by hand, still after 3 attempts", 3),
]


@pytest.mark.parametrize(("path", "verdict", "status", "error", "attempts"), CASES, ids=[c[0] for c in CASES])
def test_verdicts(farm, client: Client, path: str, verdict: Verdict, status: int | None, error: str | None,
                  attempts: int) -> None:
    a, _ = farm
    result = check_one(client, a.url(path), ("some-entry",), OPTIONS)
    expected_error = error.format(a=a.origin) if error else None
    assert (result.url, result.verdict, result.status, without_spread(result.error), result.attempts, result.entries) == (
        a.url(path), verdict, status, expected_error, attempts, ("some-entry",))
    if not result.redirects:
        assert (result.requests, a.hits(path)) == (attempts, attempts)  # --attempts means what it says


def test_a_permanent_redirect_suggests_the_new_url(farm, client: Client) -> None:
    a, _ = farm
    result = check_one(client, a.url("/permanent"), (), OPTIONS)
    assert (result.verdict, result.suggestion, result.final_url) == (Verdict.REDIRECTED, a.url("/ok"), a.url("/ok"))
    assert result.redirects == (Redirect(a.url("/permanent"), 301, "/permanent-2"),
                                Redirect(a.url("/permanent-2"), 308, "/ok"))


def test_a_temporary_first_hop_is_ok_and_suggests_nothing(farm, client: Client) -> None:
    a, _ = farm
    result = check_one(client, a.url("/temporary"), (), OPTIONS)
    assert (result.verdict, result.suggestion, len(result.redirects)) == (Verdict.OK, None, 2)


def test_suggestion_stops_at_the_first_temporary_hop() -> None:
    hops = (Redirect("http://x.org/a", 301, "/b"), Redirect("http://x.org/b", 302, "https://login.x.org/"))
    assert suggested_url(hops) == "http://x.org/b"
    assert suggested_url(hops[1:]) is None


def test_retry_after_waits_before_the_next_try(farm, client: Client) -> None:
    a, _ = farm
    check_one(client, a.url("/rate-timed"), (), OPTIONS)
    first, second = [r for r in a.requests if r.path == "/rate-timed"]
    assert second.at - first.at >= 0.95


@pytest.mark.parametrize("path", ["/head-405", "/head-501", "/head-404", "/head-500"])
def test_servers_that_mishandle_head_are_never_asked_head(farm, client: Client, path: str) -> None:
    _, b = farm
    result = check_one(client, b.url(path), (), OPTIONS)
    assert (result.verdict, result.status, result.error, result.attempts, result.requests) == (
        Verdict.OK, 200, None, 1, 1)
    assert [r.method for r in b.requests if r.path == path] == ["GET"]


def test_a_healthy_url_costs_one_request(farm, client: Client) -> None:
    a, _ = farm
    before = a.hits("/ok")
    result = check_one(client, a.url("/ok"), (), OPTIONS)
    assert (result.requests, a.hits("/ok") - before) == (1, 1)


def test_dns_failure_is_broken(client: Client) -> None:
    result = check_one(client, "http://nowhere.invalid/page")
    assert (result.verdict, result.status, result.error, result.attempts) == (
        Verdict.BROKEN, None, "DNS lookup failed for nowhere.invalid", 1)


def test_refused_connection_is_broken(client: Client) -> None:
    result = check_one(client, f"http://closed.test:{unused_port()}/")
    assert (result.verdict, result.status, result.error, result.attempts) == (
        Verdict.BROKEN, None, "connection refused", 1)


def test_a_network_failure_after_a_redirect_says_where(farm, client: Client) -> None:
    # The URL itself answers; its redirect target does not: the report must say which address failed.
    a, _ = farm
    target = f"http://closed.test:{unused_port()}/new-home"
    a.routes["/to-refused"] = redirect(target, 301)
    a.routes["/to-hang"] = redirect("/hang", 302)
    refused, hanging = (check_one(client, a.url(path), (), OPTIONS) for path in ("/to-refused", "/to-hang"))
    assert (refused.verdict, refused.error) == (Verdict.BROKEN, f"connection refused (after redirects, at {target})")
    assert (hanging.verdict, without_spread(hanging.error)) == (
        Verdict.TIMEOUT, f"no answer within 0.4s (after redirects, at {a.url('/hang')}), still after 2 attempts")


def test_private_address_behind_a_redirect_is_broken_and_never_asked() -> None:
    with LocalServer("internal.test", {"/admin": html()}) as internal, \
            LocalServer("h6.test", {"/share": redirect(internal.url("/admin"), 302)}) as public:
        config = ClientConfig(**{**CONFIG.__dict__, "allow_private": False, "allowed_networks": ("127.0.0.1/32",)})
        with Client(config, resolver=names_resolver(internal_test="10.0.0.9")) as guarded:
            result = check_one(guarded, public.url("/share"))
        assert (result.verdict, result.error, result.attempts) == (
            Verdict.BROKEN, "not fetched: internal.test (10.0.0.9) is a private address (after redirects, at "
                            f"{internal.url('/admin')})", 1)
        assert internal.hits() == 0


def test_per_host_limit_and_hosts_in_parallel() -> None:
    slow = Reply(200, {}, b"ok", delay=0.1)
    with LocalServer("h7.test", default=slow) as one, LocalServer("h8.test", default=slow) as two:
        targets = {server.url(f"/{n}"): () for n in range(8) for server in (one, two)}
        config = ClientConfig(**{**CONFIG.__dict__, "per_host": 2, "concurrency": 16})
        with Client(config, resolver=loopback_names) as limited:
            results = check_urls(limited, targets)
    assert [r.verdict for r in results] == [Verdict.OK] * 16
    assert (one.max_in_flight, two.max_in_flight) == (2, 2)
    # Both hosts at once: each host's first request came before the other's last.
    assert min(r.at for r in two.requests) < max(r.at for r in one.requests)
    assert min(r.at for r in one.requests) < max(r.at for r in two.requests)


def test_a_slow_host_does_not_hold_up_the_others() -> None:
    with LocalServer("h9.test", default=Reply(200, {}, b"ok", delay=1.0)) as slow, \
            LocalServer("h10.test", default=html()) as fast:
        targets = {**{slow.url(f"/{n}"): () for n in range(6)}, **{fast.url(f"/{n}"): () for n in range(6)}}
        config = ClientConfig(**{**CONFIG.__dict__, "read_timeout": 5.0, "per_host": 2, "concurrency": 4})
        with Client(config, resolver=loopback_names) as limited:
            results = check_urls(limited, targets)
        assert {r.verdict for r in results} == {Verdict.OK}
        # Every fast URL was asked before the slow host's third request, which waits for a 1 s answer.
        assert max(r.at for r in fast.requests) < sorted(r.at for r in slow.requests)[2]
        assert slow.max_in_flight == 2


def test_each_url_is_fetched_once_with_all_its_entries(farm, client: Client) -> None:
    a, _ = farm
    with LocalServer("h11.test", default=html()) as server:
        targets = {server.url("/shared"): ("one", "two", "three"), server.url("/own"): ("four",)}
        results = check_urls(client, targets)
        assert [(r.url, r.entries) for r in results] == [
            (server.url("/shared"), ("one", "two", "three")), (server.url("/own"), ("four",))]
        assert (server.hits("/shared"), server.hits("/own")) == (1, 1)


def test_progress_is_reported_for_every_url(farm, client: Client) -> None:
    a, _ = farm
    seen: list[tuple[int, int]] = []
    check_urls(client, {a.url("/ok"): (), a.url("/moved"): (), a.url("/temporary"): ()},
               progress=lambda done, total: seen.append((done, total)))
    assert sorted(seen) == [(1, 3), (2, 3), (3, 3)]


def test_results_keep_the_order_of_the_targets(farm, client: Client) -> None:
    a, b = farm
    urls = [b.url("/head-405"), a.url("/ok"), a.url("/gone"), b.url("/head-404")]
    results: list[LinkResult] = check_urls(client, dict.fromkeys(urls, ()))
    assert [r.url for r in results] == urls


def test_a_bug_on_one_url_costs_that_url_only(farm, client: Client) -> None:
    a, _ = farm

    class Faulty(HostRules):
        def headers(self, host: str) -> dict[str, str]:
            raise ValueError("a bug for the test")

    options = CheckOptions.from_client(CONFIG, rules=Faulty())
    results = check_urls(client, {a.url("/ok"): ("x",), a.url("/moved"): ("y",)}, options=options)
    assert [(r.verdict, r.error, r.entries) for r in results] == [
        (Verdict.BROKEN, "the checker failed on this URL (ValueError: a bug for the test); this is a bug, please "
                         "report it", ("x",)),
        (Verdict.BROKEN, "the checker failed on this URL (ValueError: a bug for the test); this is a bug, please "
                         "report it", ("y",)),
    ]
