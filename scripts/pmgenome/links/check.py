"""Checking URLs: one GET each (its page read far enough to spot a soft 404), many hosts in
parallel through the fair scheduler, each host within its limits and its policy.

GET rather than HEAD: servers that refuse or mishandle HEAD are common, and a soft 404 shows
only in the page, so HEAD would cost a second request for most links.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from pmgenome.catalog.hosts import HostRules
from pmgenome.links.page import PageSummary
from pmgenome.links.probe import Probe, host_of
from pmgenome.links.schedule import Later, Scheduler
from pmgenome.links.soft404 import (
    is_home,
    missing_page_url,
    other_site_home,
    resembles,
    same_page,
    says_not_found,
)
from pmgenome.links.verdict import Fetched, LinkResult, Verdict, judge, suggested_url
from pmgenome.net.chain import RetryPolicy, Wait
from pmgenome.net.client import Client, ClientConfig
from pmgenome.net.limits import HostLimits

PAGE_TYPES = ("text/html", "application/xhtml+xml")
PAGE_BYTES = 256 * 1024  # of a page read for soft-404 and challenge signs; the rest is never downloaded


STALL_AFTER = 5.0  # seconds without an answer before a request stops holding its slot, at most


@dataclass(frozen=True)
class CheckOptions:
    retry: RetryPolicy = RetryPolicy()
    concurrency: int = ClientConfig.concurrency
    host_limits: HostLimits = HostLimits()
    rules: HostRules = field(default_factory=HostRules)
    stall_after: float = STALL_AFTER
    soft_404: bool = True

    @classmethod
    def from_client(cls, config: ClientConfig, **changes: object) -> CheckOptions:
        """Options that follow the client's limits and retry policy, with `changes` on top."""
        options = cls(
            retry=config.retry,
            concurrency=config.concurrency,
            host_limits=HostLimits(config.per_host, config.min_interval),
            stall_after=max(0.5, min(STALL_AFTER, config.read_timeout / 4)),
        )
        return replace(options, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class MissingPage:
    """What a host answers for an address that cannot exist: where it ended, and the page when
    it is one to compare with (None when the host has no page of its own for it)."""

    final_url: str
    page: PageSummary | None


class _Run:
    """One check of many URLs: the probes, the host 404 pages asked for, and the results."""

    def __init__(self, client: Client, targets: Mapping[str, tuple[str, ...]], options: CheckOptions,
                 progress: Callable[[int, int], None] | None) -> None:
        self.client, self.targets, self.options, self.progress = client, targets, options, progress
        self.results: dict[str, LinkResult] = {}
        self.lock = threading.Lock()
        self.missing_pages: dict[str, MissingPage | None] = {}  # origin -> the host's answer for no page
        self.waiting: dict[str, list[tuple[Probe, Fetched]]] = {}  # origin -> pages judged once it comes
        self.scheduler = Scheduler(options.concurrency, self._limits, options.stall_after, client.clock)

    def _limits(self, host: str) -> HostLimits:
        return self.options.rules.limits(host, self.options.host_limits)

    def run(self) -> list[LinkResult]:
        for url in self.targets:
            probe = Probe(url, self.client.chain(url, self.options.retry))
            self.scheduler.add(probe.host, self._step(probe, self._judged))
        self.scheduler.run()
        return [self.results[url] for url in self.targets]

    def _step(self, probe: Probe, then: Callable[[Probe, Fetched], None]) -> Callable[[], Later | None]:
        def step() -> Later | None:
            try:
                sent_at = self.client.clock.monotonic()
                answer = self.client.send("GET", probe.current, headers=self.options.rules.headers(probe.host),
                                          max_bytes=PAGE_BYTES, body_types=PAGE_TYPES)
                outcome = probe.answered(answer, sent_at, self.client.clock.monotonic())
                if isinstance(outcome, Wait):
                    return Later(outcome.delay, probe.host, step, outcome.host_pause)
                then(probe, outcome)
            except Exception as error:  # noqa: BLE001 - one URL's bug must not lose the run's other results
                self._record(probe, None, f"the checker failed on this URL ({type(error).__name__}: {error}); "
                             "this is a bug, please report it")
            return None

        return step

    def _judged(self, probe: Probe, fetched: Fetched) -> None:
        verdict, why = judge(fetched, self.options.rules.accepted(host_of(fetched.final_url)))
        origin = self._comparison(verdict, fetched)
        if origin is not None:
            with self.lock:
                known = origin in self.missing_pages
                missing = self.missing_pages.get(origin)
                if not known:
                    first = origin not in self.waiting
                    self.waiting.setdefault(origin, []).append((probe, fetched))
            if not known:
                if first:
                    self._ask_missing_page(origin)
                return
            verdict, why = _compared(verdict, why, fetched, missing)
        self._record(probe, fetched, why, verdict)

    def _comparison(self, verdict: Verdict, fetched: Fetched) -> str | None:
        """The origin whose answer for a missing address decides this page, or None: a page that
        says "not found" is compared with its own host's, a section sent to another site's home
        page with the old host's."""
        if not self.options.soft_404 or verdict not in (Verdict.OK, Verdict.REDIRECTED):
            return None
        if other_site_home(fetched.url, fetched.final_url, fetched.redirects):
            return _origin(fetched.url)
        if fetched.answer.status == 200 and says_not_found(fetched.page):
            return _origin(fetched.final_url)
        return None

    def _ask_missing_page(self, origin: str) -> None:
        url = missing_page_url(origin, secrets.token_hex(6))
        probe = Probe(url, self.client.chain(url, RetryPolicy(attempts=1, max_redirects=5)))

        def found(_: Probe, fetched: Fetched) -> None:
            missing = None
            if fetched.answer.error is None:
                # A host that answers an unknown address with its home page has no 404 page of its own.
                own = fetched.page.size > 0 and not is_home(fetched.final_url)
                missing = MissingPage(fetched.final_url, fetched.page if own else None)
            with self.lock:
                self.missing_pages[origin] = missing
                waiting = self.waiting.pop(origin, [])
            for waiting_probe, waiting_fetched in waiting:
                verdict, why = judge(waiting_fetched, self.options.rules.accepted(host_of(waiting_fetched.final_url)))
                verdict, why = _compared(verdict, why, waiting_fetched, missing)
                self._record(waiting_probe, waiting_fetched, why, verdict)

        self.scheduler.add(probe.host, self._step(probe, found))

    def _record(self, probe: Probe, fetched: Fetched | None, why: str | None,
                verdict: Verdict = Verdict.BROKEN) -> None:
        if probe.url not in self.targets:
            return  # the host's 404 page, asked for comparison
        answer = fetched.answer if fetched else None
        result = LinkResult(
            url=probe.url, verdict=verdict, status=answer.status if answer else None, error=why,
            final_url=fetched.final_url if fetched else None, redirects=fetched.redirects if fetched else (),
            entries=self.targets[probe.url], attempts=fetched.attempts if fetched else probe.tries,
            suggestion=suggested_url(fetched.redirects) if fetched and verdict is Verdict.REDIRECTED else None,
            requests=probe.sent,
        )
        with self.lock:
            self.results[probe.url] = result
            count = len(self.results)
        if self.progress is not None:
            self.progress(count, len(self.targets))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _compared(verdict: Verdict, why: str | None, fetched: Fetched,
              missing: MissingPage | None) -> tuple[Verdict, str | None]:
    """The verdict once the host's answer for a missing address is known. A section sent to
    another site's home page is a soft 404 when the old host sends every address there; a page
    whose text says "not found" is one when it looks like the host's own 404 page (never a page
    compared with itself)."""
    if missing is None:
        return verdict, why
    if other_site_home(fetched.url, fetched.final_url, fetched.redirects):
        if not same_page(missing.final_url, fetched.final_url):
            return verdict, why
        return Verdict.SOFT_404, (f"soft 404: redirected to the home page of another site, {fetched.final_url}, "
                                  f"where {host_of(fetched.url)} sends every address")
    if (missing.page is None or same_page(missing.final_url, fetched.final_url)
            or not resembles(fetched.page, missing.page)):
        return verdict, why
    phrase = says_not_found(fetched.page)
    return Verdict.SOFT_404, (f"soft 404: the page says {phrase!r} and looks like this host's page for a "
                              f"missing address (same title {fetched.page.title!r}, similar size)")


def check_urls(client: Client, targets: Mapping[str, tuple[str, ...]], *, options: CheckOptions | None = None,
               progress: Callable[[int, int], None] | None = None) -> list[LinkResult]:
    """Check every URL once (targets maps URL -> ids of the entries that hold it); results come
    back in the order of `targets`."""
    if not targets:
        return []
    return _Run(client, targets, options or CheckOptions.from_client(client.config), progress).run()

