"""api/catalog.json: the whole catalog for other tools (documented in docs/api.md).

Text is exported as the contributor wrote it; whoever displays it escapes it, as our
Explore page does by only ever setting textContent.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from pmgenome.catalog.model import Catalog, Kind
from pmgenome.catalog.ranking import FILL_RULE
from pmgenome.site.context import SiteContext
from pmgenome.site.enriched import Enriched
from pmgenome.site.hrefs import page_url
from pmgenome.site.linkresults import LinkCheck
from pmgenome.site.views import EntryView, segment_src_uri
from pmgenome.stores.timestamps import format_utc

# 2: `cost` gave way to `access`; `reviewed`, the new kinds' fields, a segment's picks with their
# `why` and each entry's last `link` check arrived. 3: a meetup's free-text `frequency` gave way
# to `cadence`, and its dated `events` arrived. 4: the kind `program` arrived, its `access` null,
# and the facets `audience` and `training`. 5: the free-text `duration` gave way to `time`, every
# entry has `minutes`, `minutes_source` and `outcomes`, and the facet `time` arrived (docs/api.md lists the
# changes).
EXPORT_VERSION = 5
# Always present, in this order, before the kind's own fields.
CORE_FIELDS = ("id", "kind", "title", "url", "summary", "outcomes", "segments", "skills", "levels",
               "backgrounds", "access", "language", "added", "reviewed", "minutes", "minutes_source")


def _as_json(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _enrichment(enriched: Enriched, today: dt.date) -> dict[str, Any]:
    values = {
        "author": enriched.author,
        "published": enriched.published.isoformat() if enriched.published else None,
        "site_name": enriched.site_name,
        "reading_minutes": enriched.reading_minutes,
        "provider": enriched.provider,
        "price": enriched.price,
        "organizer": enriched.organizer,
        "next_event": enriched.event_start.isoformat()
        if enriched.event_start and enriched.event_start >= today else None,
    }
    return {key: value for key, value in values.items() if value is not None}


def entry_json(view: EntryView, context: SiteContext) -> dict[str, Any]:
    entry = view.entry
    fields = _as_json(entry.fields)
    record: dict[str, Any] = {
        "id": entry.id,
        "kind": entry.kind.value,
        "title": entry.title,
        "url": view.url,
        "summary": entry.summary,
        "outcomes": list(view.outcomes),
        "segments": list(entry.segments),
        "skills": list(entry.skills),
        "levels": list(entry.levels),
        "backgrounds": list(entry.backgrounds),
        "access": entry.access,
        "language": entry.language,
        "added": entry.added.isoformat() if entry.added else None,
        "reviewed": entry.reviewed.isoformat() if entry.reviewed else None,
        "minutes": view.time.minutes if view.time else None,
        "minutes_source": view.time.source.value if view.time else None,
    }
    record.update({key: value for key, value in fields.items() if key not in CORE_FIELDS})
    record["page"] = page_url(view.src_uri, context.settings.use_directory_urls)
    record["facets"] = {name: list(values) for name, values in view.facets.items()}
    enrichment = _enrichment(view.enriched, context.today)
    if enrichment:
        record["enrichment"] = enrichment
    if view.link_check is not None:
        record["link"] = _link(view.link_check)
    return record


def _link(check: LinkCheck) -> dict[str, Any]:
    return {"verdict": check.verdict.value,
            "checked_at": format_utc(check.checked_at) if check.checked_at else None,
            "status": check.status, "final_url": check.final_url, "archived": check.archived}


def _term_json(term: Any, with_scope: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"id": term.id, "name": term.name, "description": term.description}
    if with_scope:
        data["scope"] = term.scope
        data["segments"] = list(term.segments)
    return data


def catalog_json(catalog: Catalog, context: SiteContext) -> dict[str, Any]:
    """The export as a JSON-ready dict."""
    segments = []
    for term in catalog.taxonomy.segments:
        ranked = context.tops.get(term.id, {})
        members = catalog.in_segment(term.id)
        segments.append({
            **_term_json(term),
            "page": page_url(segment_src_uri(term.id), context.settings.use_directory_urls),
            "counts": {kind.value: sum(1 for e in members if e.kind == kind) for kind in Kind},
            "top": {kind.value: [r.entry.id for r in ranked.get(kind, ())] for kind in Kind},
            "picks": {kind.value: [{"id": r.entry.id, "why": catalog.pick_reasons.get((term.id, kind, r.entry.id))}
                                   for r in ranked.get(kind, ()) if r.pick] for kind in Kind},
        })
    return {
        "version": EXPORT_VERSION,
        "fill_rule": FILL_RULE,
        "entries": [entry_json(context.views[entry.id], context) for entry in catalog.entries],
        "segments": segments,
        "taxonomy": {
            "skills": [_term_json(term, with_scope=True) for term in catalog.taxonomy.skills],
            "levels": [_term_json(term) for term in catalog.taxonomy.levels],
            "backgrounds": [_term_json(term) for term in catalog.taxonomy.backgrounds],
        },
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
