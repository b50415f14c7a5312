"""Link results kept between runs: to skip URLs checked recently, and to count consecutive failures.

One failing run proves little (a deploy, a blip), so the scheduled check calls a link dead only
when it failed in two consecutive runs; a pull request's links must work now.

The cache is a link file (links/record.py), the same document as the results file the site
reads. It is hand-editable, so every record is checked on the way in: a damaged one is dropped
with a located warning (its URL is simply checked again), never trusted and never a crash. A
cache of a version this pmgenome cannot read stops the run instead: a newer pmgenome wrote it,
and checking afresh would overwrite that memory with this run's results alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from pmgenome.links.record import VERSION_RULE, LinkFile, read_link_file
from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.stores.errors import StoreDamaged
from pmgenome.stores.timestamps import parse_utc

# Only good news is reused: a link that failed is always checked again.
REUSABLE = frozenset({Verdict.OK, Verdict.REDIRECTED})


def load_cache(path: Path) -> tuple[dict[str, LinkResult], str | None]:
    """The cached results by URL, and a warning when the file was there but damaged, in whole or
    in part (the run then checks those URLs afresh). Raises StoreDamaged for a version it cannot
    read, leaving the file as it is."""
    found = read_link_file(Path(path), "the link cache")
    if found is None:
        return {}, None
    if not isinstance(found, LinkFile):
        if found.rule == VERSION_RULE:
            raise StoreDamaged(str(found))
        return {}, f"ignoring the link cache, checked afresh: {found}"
    if found.damaged:
        return dict(found.results), (f"ignoring {len(found.damaged)} damaged record(s) in the link cache, checked "
                                     f"afresh (first: {found.damaged[0]})")
    return dict(found.results), None


def reusable(record: LinkResult | None, max_age: dt.timedelta, now: dt.datetime) -> bool:
    """Whether a cached result is recent good news, so the URL need not be fetched again."""
    if record is None or max_age <= dt.timedelta(0) or record.verdict not in REUSABLE:
        return False
    checked = parse_utc(record.checked_at)
    return checked is not None and dt.timedelta(0) <= now - checked <= max_age


def reused(record: LinkResult, entries: tuple[str, ...]) -> LinkResult:
    """A cached result as this run's (only reusable ones are taken): the entries that hold the
    URL now, nothing fetched."""
    return replace(record, entries=entries, attempts=0, requests=0, failures=0, confirmed=True, cached=True)


def with_history(result: LinkResult, previous: LinkResult | None, two_runs: bool) -> LinkResult:
    """Count consecutive dead runs (broken or soft 404); with `two_runs`, a first failure is not
    yet confirmed."""
    if not result.dead:
        return replace(result, failures=0, confirmed=True)
    before = max(previous.failures, 1) if previous is not None and previous.dead else 0
    failures = before + 1
    return replace(result, failures=failures, confirmed=not two_runs or failures >= 2)

