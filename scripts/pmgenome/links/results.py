"""The link check's results for the site: per entry, when its link was checked, the verdict and
an archived copy. The weekly workflow keeps this file on the `link-status` branch.

```json
{
  "version": 1,
  "generated_at": "2026-11-30T06:17:03Z",
  "entries": {
    "good-pm-bad-pm": {
      "url": "https://a16z.com/good-product-manager-bad-product-manager/",
      "verdict": "ok",              // ok, redirected, broken, soft-404, timeout, blocked, excluded
      "confirmed": true,            // false: dead in this run only (reported if the next run agrees)
      "checked_at": "2026-11-30T06:17:01Z",   // null when not fetched (excluded)
      "status": 200,                // the last HTTP status, or null
      "detail": null,               // why, when the verdict is not plainly ok
      "suggestion": null,           // the URL to write instead, after a permanent redirect
      "archived": null              // an archived copy, for a dead link
    }
  }
}
```
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.stores.atomic import write_atomic
from pmgenome.stores.timestamps import parse_utc
from pmgenome.urls import is_web_url

RESULTS_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
_VERDICTS = frozenset(v.value for v in Verdict)


@dataclass(frozen=True)
class EntryLink:
    """What the last check said about one entry's link."""

    url: str
    verdict: Verdict
    confirmed: bool
    checked_at: str | None
    status: int | None
    detail: str | None
    suggestion: str | None
    archived: str | None


def to_json(result: LinkResult) -> dict[str, Any]:
    return {
        "url": result.url, "verdict": result.verdict.value, "confirmed": result.confirmed,
        "checked_at": result.checked_at, "status": result.status,
        "detail": result.error or result.excluded_by, "suggestion": result.suggestion, "archived": result.archived,
    }


def save_results(path: Path, results: Iterable[LinkResult], generated_at: str, keep_others: bool) -> None:
    """Write the results by entry id; on a partial run the other entries' lines are kept."""
    entries: dict[str, Any] = {}
    if keep_others:
        entries = {entry_id: to_json_link(link) for entry_id, link in load_results(path)[0].items()}
    for result in results:
        for entry_id in result.entries:
            entries[entry_id] = to_json(result)
    payload = {"version": RESULTS_VERSION, "generated_at": generated_at,
               "entries": {key: entries[key] for key in sorted(entries)}}
    write_atomic(Path(path), json.dumps(payload, indent=1, ensure_ascii=False) + "\n")


def to_json_link(link: EntryLink) -> dict[str, Any]:
    return {**link.__dict__, "verdict": link.verdict.value}


def _link(raw: Any) -> EntryLink | None:
    if not isinstance(raw, dict) or not is_web_url(raw.get("url")) or raw.get("verdict") not in _VERDICTS:
        return None
    status = raw.get("status")
    texts = [raw.get(name) for name in ("detail", "suggestion", "archived")]
    if (status is not None and (not isinstance(status, int) or isinstance(status, bool))) or not all(
            text is None or isinstance(text, str) for text in texts):
        return None
    checked = raw.get("checked_at")
    if checked is not None and parse_utc(checked) is None:
        return None
    archived = texts[2] if is_web_url(texts[2]) else None
    return EntryLink(raw["url"], Verdict(raw["verdict"]), raw.get("confirmed") is not False, checked, status,
                     texts[0], texts[1], archived)


def load_results(path: Path) -> tuple[dict[str, EntryLink], str | None]:
    """The results by entry id, and a warning when the file was there but unusable (a site is
    never worth failing for: it then shows no link status)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return {}, None
    except OSError as error:
        return {}, f"ignoring the link results {path}: cannot read it ({error.strerror or error})"
    if len(data) > MAX_BYTES:
        return {}, f"ignoring the link results {path}: larger than {MAX_BYTES:,} bytes"
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        return {}, f"ignoring the link results {path}: not valid JSON ({error})"
    if not isinstance(payload, dict) or payload.get("version") != RESULTS_VERSION \
            or not isinstance(payload.get("entries"), dict):
        return {}, f"ignoring the link results {path}: not a version {RESULTS_VERSION} results file"
    found = {key: link for key, raw in payload["entries"].items() if (link := _link(raw)) is not None}
    skipped = len(payload["entries"]) - len(found)
    return found, (f"ignoring {skipped} damaged line(s) in the link results {path}" if skipped else None)
