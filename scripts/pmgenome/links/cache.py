"""Link results kept between runs: to skip URLs checked recently, and to count consecutive failures.

One failing run proves little (a deploy, a blip), so the scheduled check calls a link dead only
when it failed in two consecutive runs; a pull request's links must work now.

The file is hand-editable, so every record is checked on the way in: a damaged one is dropped
with a warning (its URL is simply checked again), never trusted and never a crash.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeGuard

from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.net.client import Redirect
from pmgenome.stores.atomic import write_atomic
from pmgenome.stores.jsonfile import JsonDamage, read_json
from pmgenome.stores.timestamps import parse_utc
from pmgenome.urls import is_web_url

CACHE_VERSION = 1
MAX_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 16  # the cache nests 5 deep
# Only good news is reused: a link that failed is always checked again.
REUSABLE = frozenset({Verdict.OK, Verdict.REDIRECTED})
_VERDICTS = frozenset(v.value for v in Verdict)
_TEXT_FIELDS = ("error", "final_url", "suggestion", "archived")


def _whole(value: Any, low: int, high: int) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def record_problem(record: Any) -> str | None:
    """What is wrong with one cached record, or None when every field has its type."""
    if not isinstance(record, dict):
        return "not a mapping"
    verdict = record.get("verdict")
    if not isinstance(verdict, str) or verdict not in _VERDICTS:
        return "verdict is not one of " + ", ".join(sorted(_VERDICTS))
    if parse_utc(record.get("checked_at")) is None:
        return "checked_at is not a UTC time like 2026-11-26T07:00:00Z"
    if record.get("status") is not None and not _whole(record.get("status"), 100, 999):
        return "status is not an HTTP status"
    if not _whole(record.get("failures", 0), 0, 10_000):
        return "failures is not a whole number"
    for name in _TEXT_FIELDS:
        if record.get(name) is not None and not isinstance(record.get(name), str):
            return f"{name} is not text"
    redirects = record.get("redirects", [])
    if not isinstance(redirects, list) or not all(
            isinstance(hop, dict) and isinstance(hop.get("url"), str) and _whole(hop.get("status"), 100, 999)
            and isinstance(hop.get("location"), str) for hop in redirects):
        return "redirects is not a list of {url, status, location}"
    return None


def load_cache(path: Path) -> tuple[dict[str, dict[str, Any]], str | None]:
    """The cached records by URL, and a warning when the file was there but unusable, in whole
    or in part (the run then checks those URLs afresh: a cache is never worth failing for)."""
    document = read_json(Path(path), max_bytes=MAX_BYTES, max_depth=MAX_DEPTH)
    if document is None:
        return {}, None
    if isinstance(document, JsonDamage):
        return {}, f"ignoring the link cache, checked afresh: {document}"
    data = document.value
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION or not isinstance(data.get("results"), dict):
        return {}, f"ignoring the link cache {path}: not a version {CACHE_VERSION} link cache"
    records, damaged = {}, []
    for url, record in data["results"].items():
        problem = record_problem(record) if is_web_url(url) else "the key is not an http(s) URL"
        if problem is None:
            records[url] = record
        else:
            damaged.append(f"{url[:100]!r}: {problem}")
    if damaged:
        return records, (f"ignoring {len(damaged)} damaged record(s) in the link cache {path}, checked afresh "
                         f"(first: {damaged[0]})")
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
        "redirects": [hop.to_json() for hop in result.redirects],
        "suggestion": result.suggestion,
        "archived": result.archived,
        "failures": result.failures,
    }


def reusable(record: Mapping[str, Any] | None, max_age: dt.timedelta, now: dt.datetime) -> bool:
    """Whether a cached record is recent good news, so the URL need not be fetched again."""
    if record is None or max_age <= dt.timedelta(0) or record_problem(record) is not None:
        return False
    if record["verdict"] not in REUSABLE:
        return False
    checked = parse_utc(record.get("checked_at"))
    return checked is not None and dt.timedelta(0) <= now - checked <= max_age


def from_record(url: str, record: Mapping[str, Any], entries: tuple[str, ...]) -> LinkResult:
    """A cached record as this run's result (only reusable, checked records are turned back
    into results)."""
    redirects = tuple(Redirect(r["url"], r["status"], r["location"]) for r in record.get("redirects") or ())
    return LinkResult(
        url=url, verdict=Verdict(record["verdict"]), status=record.get("status"),
        error=record.get("error"), final_url=record.get("final_url"), redirects=redirects, entries=entries,
        attempts=0, suggestion=record.get("suggestion"), archived=record.get("archived"),
        checked_at=record.get("checked_at"), failures=0, cached=True,
    )


def with_history(result: LinkResult, previous: Mapping[str, Any] | None, two_runs: bool) -> LinkResult:
    """Count consecutive dead runs (broken or soft 404); with `two_runs`, a first failure is not
    yet confirmed."""
    if not result.dead:
        return replace(result, failures=0, confirmed=True)
    before = 0
    if (previous is not None and record_problem(previous) is None
            and previous.get("verdict") in (Verdict.BROKEN.value, Verdict.SOFT_404.value)):
        count = previous.get("failures")
        before = count if _whole(count, 1, 10_000) else 1
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
