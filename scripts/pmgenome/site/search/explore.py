"""Explore's data: a compact facet index, and the summaries in small shards.

The Explore page used to fetch api/catalog.json, every field of every entry (9 MB at 10,000
entries), to filter on seven facets. It now fetches explore/index.json: per entry its id,
title and the codes of its facet values, no more than filtering and a card's title and badges
need. A card's summary comes from explore/summaries/<n>.json, SHARD entries a file in the
index's order, fetched only for the cards a reader sees. api/catalog.json stays, for people
and tools who want the whole catalog.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from pmgenome.site.context import GeneratedPage, SiteContext, newest_first
from pmgenome.site.hrefs import page_url
from pmgenome.site.views import EntryView, resource_src_uri

INDEX_SRC_URI = "explore/index.json"
SUMMARIES_SRC_URI = "explore/summaries/{}.json"
SHARD = 50
FORMAT_VERSION = 1
ID_SLOT = "{id}"  # stands for an entry's id in the page address pattern
# Explore's orders, the first the default; any other is kept in the address (?sort=added).
SORTS = (("title", "Title"), ("added", "Recently added"))


class FacetOptions(Protocol):
    # Read-only members, as site.pages.Facet, a frozen dataclass, has them.
    @property
    def name(self) -> str: ...
    @property
    def options(self) -> tuple[tuple[str, str, str], ...]: ...  # (value, label, badge)


def title_key(title: str) -> str:
    """How titles sort: letter case and accents aside ("Éclair" beside "eclair")."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def ordered(context: SiteContext) -> list[EntryView]:
    """Entries by title, then id: the index's order is the page's order, so the page sorts
    nothing and the first screen of an unfiltered Explore is the first summary shard."""
    return sorted(context.views.values(), key=lambda view: (title_key(view.title), view.id))


def explore_index(views: Sequence[EntryView], facets: Iterable[FacetOptions],
                  use_directory_urls: bool = True, newest: Sequence[str] = ()) -> dict[str, Any]:
    """The index as a JSON-ready dict; each row is [id, title, [codes of facet 1], [codes of facet 2], ...].

    `newest` (entry ids, most recently added first) becomes the rows' positions in that order, for
    `sort=added`; `notes` holds, by position, what a card says beside its badges (a silent feed)."""
    facets = tuple(facets)
    position = {view.id: number for number, view in enumerate(views)}
    values = {facet.name: [value for value, _label, _badge in facet.options] for facet in facets}
    codes = {name: {value: code for code, value in enumerate(known)} for name, known in values.items()}
    rows = []
    for view in views:
        row: list[Any] = [view.id, view.title]
        for facet in facets:
            own = codes[facet.name]
            # A value the page offers no box for can never be chosen, so it changes no result.
            row.append([own[value] for value in view.facets.get(facet.name, ()) if value in own])
        rows.append(row)
    return {
        "version": FORMAT_VERSION,
        "page": page_url(resource_src_uri(ID_SLOT), use_directory_urls),
        "shard": SHARD,
        "facets": [facet.name for facet in facets],
        "values": values,
        "entries": rows,
        "newest": [position[entry_id] for entry_id in newest if entry_id in position],
        "notes": {str(number): view.silence for number, view in enumerate(views) if view.silence},
    }


def summary_shards(views: Sequence[EntryView]) -> Iterator[tuple[int, list[str]]]:
    for number, start in enumerate(range(0, len(views), SHARD)):
        yield number, [view.summary for view in views[start:start + SHARD]]


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def build_explore_data(context: SiteContext, facets: Iterable[FacetOptions]) -> Iterator[GeneratedPage]:
    """explore/index.json and explore/summaries/<n>.json."""
    views = ordered(context)
    newest = [view.id for view in newest_first(context.views.values())]
    yield GeneratedPage(INDEX_SRC_URI, _dumps(explore_index(views, facets, context.settings.use_directory_urls,
                                                            newest)))
    for number, summaries in summary_shards(views):
        yield GeneratedPage(SUMMARIES_SRC_URI.format(number), _dumps(summaries))
