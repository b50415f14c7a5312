"""The top resources of a segment for each kind: the curators' picks, then a fill rule.

The rule, stated once here and shown on the site (FILL_RULE):

1. The picks for that segment and kind (catalog/picks.yaml), in the order written there.
   A pick that names no entry of that kind in that segment is skipped (the validator
   refuses such picks; skipping keeps the ranking total for a half-edited catalog).
2. When fewer than N picks remain, the other entries of that segment and kind fill the
   list, ordered by
     a. fewest segments first: a resource written for one kind of product work says more
        about it than one that covers every segment;
     b. then most recently added first: newer entries are the least likely to be dated;
     c. then id, alphabetically, so that equal candidates always come out the same way.

The order depends only on the catalog's files, never on the build's time or machine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pmgenome.catalog.model import Catalog, Entry, Kind

FILL_RULE = (
    "The curators' picks come first, in their chosen order. When a segment has fewer than "
    "five picks of a kind, the list is filled with the other resources of that segment and "
    "kind: those written for the fewest segments first (the most focused), then the most "
    "recently added, then by id in alphabetical order."
)


@dataclass(frozen=True)
class Ranked:
    """One place in a top list; `pick` says whether a curator chose it."""

    entry: Entry
    pick: bool


def fill_key(entry: Entry) -> tuple[int, int, str]:
    """Sort key of the fill rule: fewest segments, newest `added`, then id."""
    added = entry.added or dt.date.min
    return (len(entry.segments), -added.toordinal(), entry.id)


def top(catalog: Catalog, segment: str, kind: Kind, n: int) -> tuple[Ranked, ...]:
    """The first `n` resources of `kind` for `segment`: picks in order, then the fill rule."""
    candidates = {entry.id: entry for entry in catalog.of_kind(kind) if segment in entry.segments}
    ranked: list[Ranked] = []
    for entry_id in catalog.picks.get(segment, {}).get(kind, ()):
        entry = candidates.pop(entry_id, None)
        if entry is not None and len(ranked) < n:
            ranked.append(Ranked(entry, True))
    for entry in sorted(candidates.values(), key=fill_key)[: max(0, n - len(ranked))]:
        ranked.append(Ranked(entry, False))
    return tuple(ranked)


def tops(catalog: Catalog, n: int) -> dict[str, dict[Kind, tuple[Ranked, ...]]]:
    """Every segment of the vocabulary, every kind: segment -> kind -> the first `n` ranked (the
    site's size is SiteSettings.top_n)."""
    return {
        segment: {kind: top(catalog, segment, kind, n) for kind in Kind}
        for segment in catalog.taxonomy.ids("segments")
    }
