"""api/segments/<segment>.json: one segment's top five of each kind, with the curators' why lines.

A small file per segment for tools and pages that want one segment's recommendations without
the whole export (api/catalog.json). Its shape is schema/output/segment.schema.json; text is as
the contributor wrote it, to be escaped by whoever displays it.
"""

from __future__ import annotations

import json
from typing import Any

from pmgenome.catalog.model import Catalog, Kind, Term
from pmgenome.catalog.ranking import FILL_RULE
from pmgenome.site.context import SiteContext
from pmgenome.site.hrefs import page_url
from pmgenome.site.views import segment_src_uri

SEGMENT_API_VERSION = 1


def segment_api_src_uri(segment_id: str) -> str:
    return f"api/segments/{segment_id}.json"


def segment_json(catalog: Catalog, context: SiteContext, term: Term) -> dict[str, Any]:
    """One segment's document: who it is, then per kind its ranked top list, picks first."""
    use_directory_urls = context.settings.use_directory_urls
    top: dict[str, list[dict[str, Any]]] = {}
    for kind in Kind:
        places = []
        for rank, ranked in enumerate(context.tops.get(term.id, {}).get(kind, ()), start=1):
            view = context.views[ranked.entry.id]
            places.append({
                "rank": rank,
                "id": view.id,
                "title": ranked.entry.title,
                "url": view.url,
                "page": page_url(view.src_uri, use_directory_urls),
                "pick": ranked.pick,
                "why": catalog.pick_reasons.get((term.id, kind, view.id)) if ranked.pick else None,
            })
        top[kind.value] = places
    return {
        "version": SEGMENT_API_VERSION,
        "id": term.id,
        "name": term.name,
        "description": term.description,
        "page": page_url(segment_src_uri(term.id), use_directory_urls),
        "fill_rule": FILL_RULE,
        "top": top,
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
