"""The link check's results for the site: the last verdict on each URL of the catalog, written
for site/linkresults.py, which reads it (the build's `catalog_link_results`, or the
PMGENOME_LINK_RESULTS variable). The weekly workflow keeps it on the `link-status` branch.

```json
{
  "version": 1,
  "checked_at": "2026-11-30T06:17:03Z",          // when this run started
  "results": {
    "https://a16z.com/good-product-manager-bad-product-manager/": {
      "verdict": "ok",               // ok, redirected, broken, soft-404, timeout, blocked, excluded
      "checked_at": "2026-11-30T06:17:03Z",     // when this URL was fetched; null when not (excluded)
      "status": 200,                 // the last HTTP status, or null
      "final_url": null,             // where redirects ended, when they did
      "archived": null,              // an archived copy, for a dead link
      "confirmed": true,             // false: dead in this run only (reported if the next run agrees)
      "entries": ["good-pm-bad-pm"], // the entries that hold the URL
      "detail": null,                // why, when the verdict is not plainly ok (evidence of a soft 404)
      "suggestion": null             // the URL to write instead, after a permanent redirect
    }
  }
}
```
The reader ignores keys it does not know, and refuses the whole file for one bad value, so every
URL written here is one `is_web_url` accepts. The file's JSON Schema, for other readers and held to
real files by the tests: schema/output/link-status.schema.json (`pmgenome schema --output link-status`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pmgenome.links.verdict import LinkResult
from pmgenome.stores.atomic import write_atomic
from pmgenome.stores.jsonfile import JsonDocument, read_json
from pmgenome.urls import is_web_url

RESULTS_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32


def _url_or_none(value: str | None) -> str | None:
    return value if is_web_url(value) else None


def to_json(result: LinkResult) -> dict[str, Any]:
    return {
        "verdict": result.verdict.value,
        "checked_at": result.checked_at,
        "status": result.status,
        "final_url": _url_or_none(result.final_url) if result.final_url != result.url else None,
        "archived": _url_or_none(result.archived),
        "confirmed": result.confirmed,
        "entries": list(result.entries),
        "detail": result.error or result.excluded_by,
        "suggestion": _url_or_none(result.suggestion),
    }


def _earlier(path: Path) -> dict[str, Any]:
    """The results of earlier runs, when the file holds usable ones (else none: a partial run
    then writes only its own)."""
    document = read_json(path, max_bytes=MAX_BYTES, max_depth=MAX_DEPTH)
    if not isinstance(document, JsonDocument) or not isinstance(document.value, dict):
        return {}
    if document.value.get("version") != RESULTS_VERSION or not isinstance(document.value.get("results"), dict):
        return {}
    return {url: raw for url, raw in document.value["results"].items() if is_web_url(url) and isinstance(raw, dict)}


def save_results(path: Path, results: Iterable[LinkResult], checked_at: str, keep_others: bool) -> None:
    """Write this run's results; on a partial run (a pull request, a list) the other URLs'
    lines are kept."""
    found = _earlier(Path(path)) if keep_others else {}
    found.update({result.url: to_json(result) for result in results if is_web_url(result.url)})
    payload = {"version": RESULTS_VERSION, "checked_at": checked_at,
               "results": {url: found[url] for url in sorted(found)}}
    write_atomic(Path(path), json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
