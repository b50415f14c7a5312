"""Link results kept between runs: to skip URLs checked recently, and to count consecutive failures.

One failing run proves little (a deploy, a blip), so the scheduled check calls a link broken only
when it failed in two consecutive runs; a pull request's links must work now.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.net.client import Redirect
from pmgenome.stores.atomic import write_atomic
from pmgenome.stores.timestamps import parse_utc

CACHE_VERSION = 1
# Only good news is reused: a link that failed is always checked again.
REUSABLE = frozenset({Verdict.OK, Verdict.REDIRECTED})


def load_cache(path: Path) -> tuple[dict[str, dict[str, Any]], str | None]:
    """The cached records by URL, and a warning when the file was there but unusable (the run
    then starts afresh: a cache is never worth failing for)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        return {}, f"ignoring the link cache {path}: cannot read it ({reason})"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return {}, f"ignoring the link cache {path}: not valid JSON ({error})"
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION or not isinstance(data.get("results"), dict):
        return {}, f"ignoring the link cache {path}: not a version {CACHE_VERSION} link cache"
    records = {url: record for url, record in data["results"].items() if isinstance(record, dict)}
    return records, None


def save_cache(path: Path, records: Mapping[str, Mapping[str, Any]]) -> None:
    payload = {"version": CACHE_VERSION, "results": {url: records[url] for url in sorted(records)}}
    write_atomic(Path(path), json.dumps(payload, indent=1, ensure_ascii=False) + "\n")


def to_record(result: LinkResult) -> dict[str, Any]:
    return {
        "checked_at": result.checked_at,
        "verdict": result.verdict.value,
        "status": result.status,
        "error": result.error,
        "final_url": result.final_url,
        "redirects": [{"url": r.url, "status": r.status, "location": r.location} for r in result.redirects],
        "suggestion": result.suggestion,
        "failures": result.failures,
    }


def reusable(record: Mapping[str, Any] | None, max_age: dt.timedelta, now: dt.datetime) -> bool:
    """Whether a cached record is recent good news, so the URL need not be fetched again."""
    if record is None or max_age <= dt.timedelta(0) or record.get("verdict") not in REUSABLE:
        return False
    checked = parse_utc(record.get("checked_at"))
    return checked is not None and dt.timedelta(0) <= now - checked <= max_age


def from_record(url: str, record: Mapping[str, Any], entries: tuple[str, ...]) -> LinkResult:
    """A cached record as this run's result (only reusable records are turned back into results)."""
    redirects = tuple(
        Redirect(str(r.get("url")), int(r.get("status") or 0), str(r.get("location")))
        for r in record.get("redirects") or () if isinstance(r, dict)
    )
    status = record.get("status")
    return LinkResult(
        url=url, verdict=Verdict(record["verdict"]), status=status if isinstance(status, int) else None,
        error=record.get("error"), final_url=record.get("final_url"), redirects=redirects, entries=entries,
        attempts=0, suggestion=record.get("suggestion"), checked_at=record.get("checked_at"),
        failures=0, cached=True,
    )


def with_history(result: LinkResult, previous: Mapping[str, Any] | None, two_runs: bool) -> LinkResult:
    """Count consecutive broken runs; with `two_runs`, a first failure is not yet confirmed."""
    if result.verdict is not Verdict.BROKEN:
        return replace(result, failures=0, confirmed=True)
    before = 0
    if previous is not None and previous.get("verdict") == Verdict.BROKEN.value:
        count = previous.get("failures")
        before = count if isinstance(count, int) and count > 0 else 1
    failures = before + 1
    return replace(result, failures=failures, confirmed=not two_runs or failures >= 2)


def merged(records: Mapping[str, Mapping[str, Any]], results: Iterable[LinkResult],
           keep_others: bool) -> dict[str, dict[str, Any]]:
    """The cache after this run: this run's fetched results over the old records; the others are
    kept on a partial run (a pull request) and dropped on a full one (their entries are gone)."""
    fresh = {r.url: to_record(r) for r in results if r.verdict is not Verdict.EXCLUDED and not r.cached}
    reused = {r.url: dict(records[r.url]) for r in results if r.cached and r.url in records}
    base = {url: dict(record) for url, record in records.items()} if keep_others else {}
    return {**base, **reused, **fresh}
