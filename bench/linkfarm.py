"""The link benchmark's fault farm: one loopback host per kind of trouble, each URL with the
verdict it deserves. Time-based faults (a server's outage, its rate limit) count from the first
request to that server, so every run of a fresh farm meets the same story."""

from __future__ import annotations

import datetime as dt
import email.utils
import threading
import time
import zlib
from dataclasses import dataclass

from tests.support.servers import (
    LocalServer,
    Reply,
    Request,
    by_method,
    html,
    redirect,
    sequence,
    unused_port,
)

WORKING, BROKEN, TIMED_OUT, BLOCKED = "working", "broken", "timeout", "blocked"
TRUTH = {"ok": WORKING, "redirected": WORKING, "broken": BROKEN, "soft-404": BROKEN, "timeout": TIMED_OUT,
         "blocked": BLOCKED}
HEALTHY_DUPLICATES = 5  # farm pages listed three times: each must still be fetched once
PAGE = "<!doctype html><title>{title} | Acme</title><h1>{title}</h1><p>Worth reading for product managers.</p>"
MISSING = ("<!doctype html><title>Acme Blog</title><h1>Acme Blog</h1>"
           "<p>Sorry, the page you are looking for does not exist. Try the search.</p>")
WORDPRESS_HOME = ("<!doctype html><title>Field Notes</title><h1>Field Notes</h1>"
                  "<p>Couldn't find what you need? Search the archive or browse by topic.</p>")
DOMAIN_ARTICLE = ("<!doctype html><title>Buying a domain name | Acme</title><h1>Buying a domain name</h1>"
                  "<h2>When the domain is for sale</h2><p>" + "Ask the owner, agree a price, use an escrow. " * 60
                  + "</p>")
PARKED = ("<html><head><title>{host}</title></head><body><h1>{host}</h1><p>This domain is for sale! "
          "Make an offer.</p><p>Related searches: Product Roadmap, PM Courses</p></body></html>")


@dataclass(frozen=True)
class Case:
    url: str
    fault: str
    truth: str  # WORKING, BROKEN, TIMED_OUT or BLOCKED
    exact: str  # the verdict pmgenome must give
    ours_only: bool = False  # left out of lychee's list (see Farm.OURS_ONLY)


def _later(seconds: float) -> str:
    return email.utils.format_datetime(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=seconds), usegmt=True)


def _for_the_first(seconds: float, during: Reply, after: Reply):  # type: ignore[no-untyped-def]
    """Answer `during` for `seconds` from the first request this handler sees, then `after`:
    one handler per server is a server in trouble for its first seconds."""
    first: list[float] = []
    lock = threading.Lock()

    def handler(request: Request) -> Reply:
        with lock:
            if not first:
                first.append(request.at)
        return during if request.at - first[0] < seconds else after

    return handler


def _busy_limit(request: Request) -> Reply:
    # The host that cannot take more than four requests at once.
    if request.in_flight > 4:
        return Reply(429, {"Retry-After": "1"})
    return Reply(200, {"Content-Type": "text/html"}, b"<p>ok</p>", delay=0.1)


def _rate_limited_by_date(request: Request) -> Reply:
    return Reply(429, {"Retry-After": _later(2)}) if request.hit == 1 else html()


def _gzip_bomb(megabytes: int = 1024) -> bytes:
    """A gzip body a few hundred KB long that inflates to `megabytes` MB of zeros."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    return b"".join([packer.compress(block) for _ in range(megabytes)] + [packer.flush()])


class Farm:
    """The fault farm; use as a context manager."""

    # Three cases only pmgenome is given. The DNS failure: pmgenome never asks a DNS server about
    # .invalid names (RFC 6761) but lychee would ask the machine's resolver, off loopback. The
    # day-long 429: lychee waits it out (187 s measured here). The gzip bomb: a memory goal of ours.
    OURS_ONLY = "DNS failure under .invalid, 429 with Retry-After of a day, a gzip bomb"
    BOMB = _gzip_bomb()

    def __init__(self) -> None:
        self.cases: list[Case] = []
        self.servers: list[LocalServer] = []
        address = iter(f"127.0.0.{n}" for n in range(50, 80))

        def host(routes: dict | None = None, default=None) -> LocalServer:  # type: ignore[no-untyped-def]
            server = LocalServer(next(address), routes or {}, **({"default": default} if default else {}))
            self.servers.append(server.start())
            return server

        def add(server: LocalServer, path: str, route, fault: str, exact: str, ours_only: bool = False) -> None:  # type: ignore[no-untyped-def]
            server.routes[path.split("?")[0]] = route
            self.cases.append(Case(server.url(path), fault, TRUTH[exact], exact, ours_only))

        healthy = host(default=Reply(200, {"Content-Type": "text/html"}, b"<p>ok</p>", delay=0.05))
        self.healthy = healthy
        for n in range(30):
            add(healthy, f"/page/{n}", healthy.default, "healthy", "ok")
        faults = host()
        for n in range(3):
            add(faults, f"/gone/{n}", Reply(404), "404", "broken")
        for n in range(2):
            add(faults, f"/deleted/{n}", Reply(410), "410", "broken")
            add(faults, f"/down/{n}", Reply(500), "persistent 5xx", "broken")
            add(faults, f"/deploy-twice/{n}", sequence(Reply(502), Reply(500), html()), "transient 5xx", "ok")
        for n in range(4):
            add(faults, f"/deploy/{n}", sequence(Reply(503), html()), "transient 5xx", "ok")
        outage = host()
        outage.default = _for_the_first(3.0, Reply(503), html())
        for n in range(4):
            add(outage, f"/{n}", outage.default, "brief outage (503 for 3 s)", "ok")
        resets = host()
        for n in range(3):
            add(resets, f"/reset-once/{n}", sequence(Reply(action="reset"), html()), "reset", "ok")
        add(resets, "/reset-always", Reply(action="reset"), "reset", "broken")
        rate = host()
        rate.default = _for_the_first(2.0, Reply(429, {"Retry-After": "2"}), html())
        for n in range(15):
            add(rate, f"/{n}", rate.default, "429 Retry-After 2 s for 2 s", "ok")
        dates = host()
        for n in range(3):
            add(dates, f"/{n}", _rate_limited_by_date, "429 Retry-After date", "ok")
        dates.routes["/forever"] = Reply(429, {"Retry-After": "86400"})
        self.cases.append(Case(dates.url("/forever"), "429 for a day", BLOCKED, "blocked", ours_only=True))
        busy = host(default=_busy_limit)
        for n in range(24):
            add(busy, f"/{n}", _busy_limit, "429 above 4 in flight", "ok")
        hostile = host()
        for status in (405, 501, 404):
            for n in range(3):
                add(hostile, f"/head-{status}/{n}", by_method(html(), HEAD=Reply(status)), f"HEAD answers {status}",
                    "ok")
        hops = host()
        hops.default = lambda request: (redirect(f"/spiral{request.path}") if request.path.startswith("/spiral")
                                        else Reply(404))
        hops.routes.update({"/end": html(), "/missing": Reply(404), "/step": redirect("/end", 302)})
        for n in range(3):
            add(hops, f"/chain/{n}", redirect("/step", 302), "temporary redirect chain", "ok")
            add(hops, f"/moved/{n}", redirect("/end", 301), "permanent redirect", "redirected")
        for n in range(2):
            add(hops, f"/moved-308/{n}", redirect("/end", 308), "permanent redirect", "redirected")
            add(hops, f"/to-missing/{n}", redirect("/missing", 301), "redirect ending broken", "broken")
        hops.routes.update({"/ping": redirect("/pong"), "/pong": redirect("/ping")})
        self.cases.append(Case(hops.url("/ping"), "redirect loop", BROKEN, "broken"))
        self.cases.append(Case(hops.url("/spiral"), "too many redirects", BROKEN, "broken"))
        walls = host()
        for n in range(2):
            add(walls, f"/forbidden/{n}", Reply(403), "bot wall 403", "blocked")
            add(walls, f"/linkedin/{n}", Reply(999), "bot wall 999", "blocked")
            add(walls, f"/waf/{n}", Reply(202, {"x-amzn-waf-action": "challenge"}), "WAF challenge, empty 202",
                "blocked")
        add(walls, "/cloudflare", html("<title>Just a moment...</title><script>window._cf_chl_opt={}</script>",
                                       status=503, **{"cf-mitigated": "challenge"}), "Cloudflare challenge 503",
            "blocked")
        add(walls, "/login", Reply(401), "login wall 401", "blocked")
        slow = host()
        for n in range(5):
            add(slow, f"/slow/{n}", Reply(200, {"Content-Type": "text/html"}, b"<p>ok</p>", delay=2.0),
                "slow (2 s) but in time", "ok")
        for n in range(3):
            add(slow, f"/hang/{n}", Reply(action="hang"), "hanging", "timeout")
        blog = host(default=html(MISSING, status=404))
        blog.routes.update({"/": html(PAGE.format(title="Acme Blog")), "/blog/": html(PAGE.format(title="Blog")),
                            "/404.html": html(MISSING)})
        for n in range(3):
            add(blog, f"/blog/live-{n}", html(PAGE.format(title=f"Pricing teardown {n}")), "live article", "ok")
            add(blog, f"/blog/removed-{n}", redirect("/", 301), "soft 404: deep link to the home page", "soft-404")
        for n in range(2):
            add(blog, f"/blog/archived-{n}", redirect("/blog/", 302), "soft 404: redirect to a parent", "soft-404")
            add(blog, f"/blog/title-{n}", html("<title>Page not found | Acme</title><p>Try the search.</p>"),
                "soft 404: not-found title with 200", "soft-404")
            add(blog, f"/blog/served-{n}", html(MISSING), "soft 404: the host's 404 page with 200", "soft-404")
        add(blog, "/blog/gone", redirect("/404.html", 302), "soft 404: redirect to an error page", "soft-404")
        add(blog, "/blog/why-404-pages-matter", html(PAGE.format(title="Why your 404 page matters")),
            "article about 404 pages", "ok")
        parked = host()
        parked.default = html(PARKED.format(host=parked.host))
        for n in range(2):
            add(parked, f"/2019/post-{n}", parked.default, "soft 404: parked domain", "soft-404")
        self._false_alarms(host, add)
        bomb = host()
        add(bomb, "/bomb", Reply(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, self.BOMB),
            "gzip bomb (1 GB inflated)", "ok", ours_only=True)
        refused = next(address)
        self.cases.append(Case(f"http://{refused}:{unused_port(refused)}/", "refused", BROKEN, "broken"))
        self.cases.append(Case("http://farm-host.invalid/page", "DNS failure", BROKEN, "broken", ours_only=True))
        self.listed = [case.url for case in self.cases] + [
            healthy.url(f"/page/{n}") for n in range(HEALTHY_DUPLICATES)] * 2

    def _false_alarms(self, host, add) -> None:  # type: ignore[no-untyped-def]
        """Issue 18's live pages once called soft 404s, each beside the dead page it resembles."""
        home = host(default=redirect("/", 301))  # a WordPress setup: every unknown address goes home
        home.routes["/"] = html(WORDPRESS_HOME)
        add(home, "/", home.routes["/"], "home page of a host that sends unknown addresses home", "ok")
        add(home, "/2019/old-post", redirect("/", 301), "soft 404: deep link to the home page", "soft-404")
        named = host(default=html(MISSING, status=404))
        for path, title in (("/issues/404", "Issue 404: dark mode in the editor"), ("/episodes/503", "Episode 503"),
                            ("/design/errors", "Designing error states"), ("/essays/missing", "What is missing")):
            named.routes[path + "/"] = html(PAGE.format(title=title))
            add(named, path, redirect(path + "/", 301), "trailing slash on a page named like an error", "redirected")
        named.routes["/blog/post"] = html(PAGE.format(title="A post"))
        add(named, "/blog/post/amp", redirect("/blog/post", 301), "AMP page sent to its canonical", "redirected")
        add(named, "/ux/the-404-page", html(PAGE.replace("{title} | Acme", "The 404 Page | UX Weekly").format(
            title="The 404 Page")), "article titled 'The 404 Page'", "ok")
        add(named, "/blog/buying-domains", html(DOMAIN_ARTICLE), "article with 'when the domain is for sale'", "ok")
        substack = host(default=html(PAGE.format(title="A newsletter")))
        moved = host(default=html(MISSING, status=404))
        add(moved, "/newsletter", redirect(substack.url("/"), 301), "section moved to another site's root",
            "redirected")
        lapsed = host(default=redirect(substack.url("/"), 301))
        add(lapsed, "/newsletter", lapsed.default, "soft 404: lapsed domain sending every address elsewhere",
            "soft-404")

    def requests(self) -> int:
        return sum(server.hits() for server in self.servers)

    def __enter__(self) -> Farm:
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.stop()
        time.sleep(0.05)  # let the listening sockets go before the next farm binds the same addresses
