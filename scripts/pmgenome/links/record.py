"""The one link-result record: how a LinkResult is written to JSON and read back, by every file.

The link cache (`--cache`, the run-to-run memory) and the results file (`--results`, what the site
reads) are one document, written by `save_link_file` and read by `read_link_file`; the JSON report
writes the same record for each URL with the run's own counts beside it (links.report). Version 2:

    {"version": 2, "checked_at": "2026-11-30T06:17:03Z",        // when the writing run started
     "results": {"https://example.org/old": {"verdict": "redirected", "checked_at": "2026-11-30T06:17:03Z",
       "status": 200, "error": null, "excluded_by": null, "final_url": "https://example.org/new",
       "redirects": [{"url": "https://example.org/old", "status": 301, "location": "/new"}],
       "suggestion": "https://example.org/new", "archived": null, "failures": 0, "confirmed": true,
       "entries": ["moved-post"]}}}

Its JSON Schema, held to real files by the tests: schema/output/link-status.schema.json.

The reader ignores keys it does not know (a later writer may add some) and reads version 1 of
both old files (the cache's records and the results file's), so the memory on the link-status
branch survives the change. Damage is located (`file:line:col`): a damaged document is refused
whole, a damaged record is set apart with its own problem; each caller decides what that costs
(the site refuses the file, the cache checks those URLs afresh).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgenome.catalog.problems import Problem
from pmgenome.links.verdict import DEAD, LinkResult, Verdict
from pmgenome.net.client import Redirect
from pmgenome.stores.atomic import write_atomic
from pmgenome.stores.jsonfile import JsonDamage, read_json
from pmgenome.stores.timestamps import parse_utc
from pmgenome.text.paths import display_path
from pmgenome.text.position import position
from pmgenome.urls import is_web_url

RECORD_VERSION = 2
# Version 1 wrote two shapes: the cache's records (error, redirects, failures) and the results
# file's (detail, confirmed, entries); both are read, and written back as version 2.
READABLE_VERSIONS = (1, RECORD_VERSION)
MAX_BYTES = 256 * 1024 * 1024  # about a million records
MAX_DEPTH = 32  # a record nests 4 deep; room for what a later writer adds
RULE = "link-results"
# A file of a version this pmgenome cannot read: a newer one wrote it, so an older one must not
# overwrite it.
VERSION_RULE = "link-results-version"
MAX_FAILURES = 10_000
_VERDICTS = frozenset(verdict.value for verdict in Verdict)


def to_record(result: LinkResult) -> dict[str, Any]:
    """The record of one URL's result. A URL field that is not an http(s) URL is written as null:
    readers (the site among them) refuse one, and a page's redirect could put anything there."""
    return {
        "verdict": result.verdict.value,
        "checked_at": result.checked_at,
        "status": result.status,
        "error": result.error,
        "excluded_by": result.excluded_by,
        "final_url": _web_or_none(result.final_url),
        "redirects": [hop.to_json() for hop in result.redirects],
        "suggestion": _web_or_none(result.suggestion),
        "archived": _web_or_none(result.archived),
        "failures": result.failures,
        "confirmed": result.confirmed,
        "entries": list(result.entries),
    }


def _web_or_none(url: str | None) -> str | None:
    return url if is_web_url(url) else None


@dataclass(frozen=True)
class LinkFile:
    """A link file as read: the writing run's start, the usable results by URL, and one problem
    for each record set apart as damaged."""

    checked_at: str | None
    results: Mapping[str, LinkResult]
    damaged: tuple[Problem, ...] = ()


def save_link_file(path: Path, results: Mapping[str, LinkResult], checked_at: str) -> None:
    """Write the results, sorted by URL, atomically."""
    payload = {"version": RECORD_VERSION, "checked_at": checked_at,
               "results": {url: to_record(results[url]) for url in sorted(results) if is_web_url(url)}}
    write_atomic(Path(path), json.dumps(payload, indent=1, ensure_ascii=False) + "\n")


def read_link_file(path: Path, what: str = "the link results file") -> LinkFile | Problem | None:
    """The file at `path`; None when it does not exist, a located Problem when it cannot be used
    at all. `what` names the file in messages."""
    document = read_json(Path(path), max_bytes=MAX_BYTES, max_depth=MAX_DEPTH)
    if document is None:
        return None
    if isinstance(document, JsonDamage):
        return Problem(document.path, document.line, document.col, document.message, RULE)
    shown = display_path(path)
    try:
        version, checked_at, raw = _document(document.value, what)
    except _Damage as damage:
        return _problem(shown, document.text, damage, VERSION_RULE if damage.keys == ("version",) else RULE)
    results, damaged = {}, []
    for url, value in raw.items():
        try:
            results[url] = _result(url, value, version, checked_at)
        except _Damage as damage:
            damaged.append(_problem(shown, document.text, damage))
    return LinkFile(checked_at, results, tuple(damaged))


class _Damage(Exception):
    """A damaged part of the file: the message, and the keys leading to it (to find its line)."""

    def __init__(self, message: str, *keys: str) -> None:
        super().__init__(message)
        self.message = message
        self.keys = keys


def _problem(shown: str, text: str, damage: _Damage, rule: str = RULE) -> Problem:
    line, col = _locate(text, damage.keys)
    return Problem(shown, line, col, damage.message, rule)


def _locate(text: str, keys: tuple[str, ...]) -> tuple[int, int]:
    """Where the last of `keys` is written, found key by key from the start (the file is written
    by json.dumps, so a key followed by a colon is a key): the file's start when not found."""
    start, found = 0, 0
    for key in keys:
        for quoted in dict.fromkeys((json.dumps(key, ensure_ascii=False), json.dumps(key))):  # raw, or \u-escaped
            at = _key_at(text, quoted, start)
            if at >= 0:
                break
        if at < 0:
            break
        found, start = at, at + len(quoted)
    return position(text, found)


def _key_at(text: str, quoted: str, start: int) -> int:
    at = text.find(quoted, start)
    while at >= 0:
        rest = text[at + len(quoted):at + len(quoted) + 64].lstrip()
        if rest.startswith(":"):
            return at
        at = text.find(quoted, at + 1)
    return -1


def _document(payload: Any, what: str) -> tuple[int, str | None, dict[str, Any]]:
    if not isinstance(payload, dict):
        raise _Damage(f"{what} must be a JSON object with 'version', 'checked_at' and 'results'")
    if "version" not in payload:
        raise _Damage(f"{what} has no 'version'; this pmgenome reads versions 1 and {RECORD_VERSION}")
    version = payload["version"]
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise _Damage(f"{what} is version {_shown(version)}; this pmgenome reads versions 1 and {RECORD_VERSION}: "
                      "update pmgenome, or move the file away to start afresh", "version")
    checked_at = _moment(payload.get("checked_at"), "checked_at")
    raw = payload.get("results")
    if not isinstance(raw, dict):
        raise _Damage(f"'results' must map each URL to its check, not {_shown(raw)}", "results")
    return version, checked_at, raw


def _result(url: str, raw: Any, version: int, run_checked_at: str | None) -> LinkResult:
    keys = ("results", url)
    if not is_web_url(url):
        raise _Damage(f"results must be keyed by http(s) URLs, not {_shown(url)}", *keys)
    if not isinstance(raw, dict):
        raise _Damage(f"the check of {url} must be an object with a 'verdict', not {_shown(raw)}", *keys)
    verdict = raw.get("verdict")
    if not isinstance(verdict, str) or verdict not in _VERDICTS:
        missing = "has no 'verdict'" if "verdict" not in raw else f"has the verdict {_shown(verdict)}"
        raise _Damage(f"the check of {url} {missing}; expected one of {', '.join(Verdict)}",
                      *keys, *(("verdict",) if "verdict" in raw else ()))
    status = raw.get("status")
    if status is not None and not _whole(status, 100, 999):
        raise _Damage(f"{_name((*keys, 'status'))} must be an HTTP status (100 to 999) or null, not {_shown(status)}",
                      *keys, "status")
    error, excluded_by = _text(raw, keys, "error"), _text(raw, keys, "excluded_by")
    confirmed = raw.get("confirmed", True)
    if not isinstance(confirmed, bool):
        raise _Damage(f"{_name((*keys, 'confirmed'))} must be true or false, not {_shown(confirmed)}",
                      *keys, "confirmed")
    failures = raw.get("failures", 0)
    if not _whole(failures, 0, MAX_FAILURES):
        raise _Damage(f"{_name((*keys, 'failures'))} must be a whole number from 0 to {MAX_FAILURES:,}, "
                      f"not {_shown(failures)}", *keys, "failures")
    if version == 1 and "detail" in raw:  # the version 1 results file: one text for both, and no count
        detail = _text(raw, keys, "detail")
        error, excluded_by = (None, detail) if verdict == Verdict.EXCLUDED else (detail, None)
        failures = (1 if confirmed is False else 2) if Verdict(verdict) in DEAD else 0
    return LinkResult(
        url=url, verdict=Verdict(verdict), status=status, error=error,
        final_url=_web_url(raw.get("final_url"), *keys, "final_url"), redirects=_redirects(raw, keys),
        entries=_entries(raw, keys), attempts=0, suggestion=_web_url(raw.get("suggestion"), *keys, "suggestion"),
        archived=_web_url(raw.get("archived"), *keys, "archived"),
        # A record without the key (a hand-written or older file) was checked when its run was.
        checked_at=_moment(raw["checked_at"], *keys, "checked_at") if "checked_at" in raw else run_checked_at,
        failures=failures, confirmed=confirmed, excluded_by=excluded_by,
    )


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _moment(value: Any, *keys: str) -> str | None:
    if value is None:
        return None
    if parse_utc(value) is None:
        raise _Damage(f"{_name(keys)} must be a UTC time like 2026-11-30T05:00:00Z, not {_shown(value)}", *keys)
    return str(value)


def _web_url(value: Any, *keys: str) -> str | None:
    if value is None:
        return None
    if not is_web_url(value):
        raise _Damage(f"{_name(keys)} must be an http(s) URL or null, not {_shown(value)}", *keys)
    return str(value)


def _text(raw: dict[str, Any], keys: tuple[str, ...], name: str) -> str | None:
    value = raw.get(name)
    if value is not None and not isinstance(value, str):
        raise _Damage(f"{_name((*keys, name))} must be text or null, not {_shown(value)}", *keys, name)
    return value


def _entries(raw: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, ...]:
    value = raw.get("entries", [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise _Damage(f"{_name((*keys, 'entries'))} must be a list of entry ids, not {_shown(value)}",
                      *keys, "entries")
    return tuple(value)


def _redirects(raw: dict[str, Any], keys: tuple[str, ...]) -> tuple[Redirect, ...]:
    value = raw.get("redirects", [])
    if not isinstance(value, list) or not all(
            isinstance(hop, dict) and isinstance(hop.get("url"), str) and _whole(hop.get("status"), 100, 999)
            and isinstance(hop.get("location"), str) for hop in value):
        raise _Damage(f"{_name((*keys, 'redirects'))} must be a list of {{url, status, location}}, "
                      f"not {_shown(value)}", *keys, "redirects")
    return tuple(Redirect(hop["url"], hop["status"], hop["location"]) for hop in value)


def _name(keys: tuple[str, ...]) -> str:
    """How a value is named in a message: 'checked_at', or 'verdict' of https://example.com/a."""
    if len(keys) >= 3:
        return f"'{keys[-1]}' of {keys[1]}"
    return f"'{keys[-1]}'"


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


def merged(earlier: Mapping[str, LinkResult], results: Iterable[LinkResult],
           keep_others: bool) -> dict[str, LinkResult]:
    """The file's results after a run: this run's over the earlier ones; the others are kept on a
    partial run (a pull request, a list of URLs) and dropped on a full one (their entries are gone)."""
    return {**(dict(earlier) if keep_others else {}), **{result.url: result for result in results}}
