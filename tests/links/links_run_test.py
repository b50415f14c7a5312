"""One link-check run (links/run.py): what it fetches, in which order."""

from __future__ import annotations

from pathlib import Path

from pmgenome.links.record import save_link_file
from pmgenome.links.run import RunOptions, Scope, Targets, run, was_slow
from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.net.client import ClientConfig

from tests.support.servers import LocalServer, html


def test_urls_slow_last_run_are_checked_first(tmp_path: Path) -> None:
    # The longest chain is the run's floor: what timed out or waited out a 5xx last run starts first.
    def last(verdict: Verdict, status: int | None) -> LinkResult:
        return LinkResult(url="https://example.org/", verdict=verdict, status=status, error=None, final_url=None,
                          redirects=(), entries=(), attempts=1)

    assert [was_slow(r) for r in (last(Verdict.TIMEOUT, None), last(Verdict.BROKEN, 503),
                                  last(Verdict.BLOCKED, 429), last(Verdict.OK, 200), None)] == [
        True, True, True, False, False]
    with LocalServer("127.0.0.1", default=html()) as server:
        urls = [server.url(f"/{n}") for n in range(4)]
        cache = tmp_path / "links.json"
        slow = LinkResult(url=urls[2], verdict=Verdict.TIMEOUT, status=None, error="no answer within 20s",
                          final_url=None, redirects=(), entries=(), attempts=2, checked_at="2026-11-26T07:00:00Z")
        save_link_file(cache, {slow.url: slow}, "2026-11-26T07:00:00Z")
        options = RunOptions(scope=Scope.LIST, cache=cache,
                             client=ClientConfig(allow_private=True, concurrency=1, per_host=1))
        outcome = run(Targets(dict.fromkeys(urls, ()), {}), options)
        assert [r.path for r in server.requests] == ["/2", "/0", "/1", "/3"]
    assert [r.url for r in outcome.report.results] == urls  # the report keeps the targets' order
