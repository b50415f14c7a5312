"""The link check's results as the site reads them: the last verdict on each URL of the catalog.

The link check writes the file; a build reads it when the plugin's `catalog_link_results`
option names it, and each resource page then says when its link was last checked and what was
found. Version 1 of the file:

    {"version": 1, "checked_at": "2026-11-30T05:00:00Z",
     "results": {"https://example.com/a": {"verdict": "ok", "checked_at": "2026-11-30T05:00:02Z",
                                           "status": 200, "final_url": null, "archived": null}}}

The reader is tolerant of what a newer writer may add (unknown keys are ignored; `checked_at`,
`status`, `final_url` and `archived` may be missing or null) and refuses a damaged file as a
Problem located at the damage (stores/jsonfile.py finds damage in the bytes and the JSON; the
shape is checked here), so a build never shows a status the check did not give.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pmgenome.catalog.problems import Problem
from pmgenome.links.verdict import Verdict
from pmgenome.stores.jsonfile import JsonDamage, read_json
from pmgenome.stores.timestamps import parse_utc
from pmgenome.text.paths import display_path
from pmgenome.text.position import position
from pmgenome.urls import is_web_url, normalise_url

RESULTS_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32  # the file nests 3 deep; room for what a newer writer adds
RULE = "link-results"


# The verdicts are the checker's own (links.verdict.Verdict): the file carries what it decided.
_VERDICTS = frozenset(verdict.value for verdict in Verdict)


@dataclass(frozen=True)
class LinkCheck:
    """What the last check said about one URL."""

    url: str
    verdict: Verdict
    checked_at: dt.datetime | None = None  # this URL's check, else the run's
    status: int | None = None
    final_url: str | None = None  # where a redirect ended
    archived: str | None = None  # an archived copy, for a dead link


@dataclass(frozen=True)
class LinkResults:
    checked_at: dt.datetime | None = None
    results: Mapping[str, LinkCheck] = field(default_factory=dict)

    @cached_property
    def _by_normalised(self) -> dict[str, LinkCheck]:
        return {normalise_url(url): check for url, check in self.results.items()}

    def for_url(self, url: str) -> LinkCheck | None:
        """The check of `url`, or of the same page written another way (a trailing slash, `www.`)."""
        check = self.results.get(url)
        if check is None and is_web_url(url):
            check = self._by_normalised.get(normalise_url(url))
        return check


class _Damage(Exception):
    """A damaged part of the file: the message, and the keys leading to it (to find its line)."""

    def __init__(self, message: str, *keys: str) -> None:
        super().__init__(message)
        self.message = message
        self.keys = keys


def read_link_results(path: Path) -> tuple[LinkResults | None, Problem | None]:
    """The results in `path`, or the Problem that makes the file unusable (a missing file is one:
    the build asked for it)."""
    document = read_json(path, max_bytes=MAX_BYTES, max_depth=MAX_DEPTH)
    if document is None:
        return None, Problem(display_path(path), 1, 1, "the link results file does not exist", RULE)
    if isinstance(document, JsonDamage):
        return None, Problem(document.path, document.line, document.col, document.message, RULE)
    try:
        return _results(document.value), None
    except _Damage as damage:
        line, col = _locate(document.text, damage.keys)
        return None, Problem(display_path(path), line, col, damage.message, RULE)


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


def _moment(value: Any, *keys: str) -> dt.datetime | None:
    if value is None:
        return None
    moment = parse_utc(value)
    if moment is None:
        raise _Damage(f"{_name(keys)} must be a UTC time like 2026-11-30T05:00:00Z, not {_shown(value)}", *keys)
    return moment


def _web_url(value: Any, *keys: str) -> str | None:
    if value is None:
        return None
    if not is_web_url(value):
        raise _Damage(f"{_name(keys)} must be an http(s) URL or null, not {_shown(value)}", *keys)
    return value


def _name(keys: tuple[str, ...]) -> str:
    """How a value is named in a message: 'checked_at', or 'verdict' of https://example.com/a."""
    if len(keys) >= 3:
        return f"'{keys[-1]}' of {keys[1]}"
    return f"'{keys[-1]}'"


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


def _results(payload: Any) -> LinkResults:
    if not isinstance(payload, dict):
        raise _Damage("the link results must be a JSON object with 'version', 'checked_at' and 'results'")
    if "version" not in payload:
        raise _Damage(f"the link results have no 'version'; this site reads version {RESULTS_VERSION}")
    version = payload["version"]
    if version != RESULTS_VERSION or isinstance(version, bool):
        raise _Damage(f"the link results are version {_shown(version)}; this site reads version {RESULTS_VERSION}",
                      "version")
    checked_at = _moment(payload.get("checked_at"), "checked_at")
    raw = payload.get("results")
    if not isinstance(raw, dict):
        raise _Damage(f"'results' must map each URL to its check, not {_shown(raw)}", "results")
    results = {url: _check(url, value, checked_at) for url, value in raw.items()}
    return LinkResults(checked_at, results)


def _check(url: str, raw: Any, run_checked_at: dt.datetime | None) -> LinkCheck:
    keys = ("results", url)
    if not is_web_url(url):
        raise _Damage(f"results must be keyed by http(s) URLs, not {_shown(url)}", *keys)
    if not isinstance(raw, dict):
        raise _Damage(f"the check of {url} must be an object with a 'verdict', not {_shown(raw)}", *keys)
    verdict = raw.get("verdict")
    if not isinstance(verdict, str) or verdict not in _VERDICTS:
        choices = ", ".join(Verdict)
        missing = "has no 'verdict'" if "verdict" not in raw else f"has the verdict {_shown(verdict)}"
        raise _Damage(f"the check of {url} {missing}; expected one of {choices}",
                      *keys, *(("verdict",) if "verdict" in raw else ()))
    status = raw.get("status")
    if status is not None and (not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 999):
        raise _Damage(f"{_name((*keys, 'status'))} must be an HTTP status (100 to 999) or null, not {_shown(status)}",
                      *keys, "status")
    checked_at = _moment(raw.get("checked_at"), *keys, "checked_at") or run_checked_at
    return LinkCheck(url, Verdict(verdict), checked_at, status, _web_url(raw.get("final_url"), *keys, "final_url"),
                     _web_url(raw.get("archived"), *keys, "archived"))
