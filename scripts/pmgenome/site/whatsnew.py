"""whats-new/: what joined the catalog and what left it, month by month, newest first.

Additions come from each entry's `added` date; retirements from git history (catalog/retired.py),
since a removed entry is no longer in the catalog. The page names the build's day, which is
SOURCE_DATE_EPOCH's when it is set, so two builds of one commit write the same page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pmgenome.catalog.model import Catalog
from pmgenome.catalog.retired import Retired, retired_entries
from pmgenome.site.context import GeneratedPage, SiteContext, newest_first
from pmgenome.site.feed import FEED_SRC_URI
from pmgenome.site.render import render
from pmgenome.site.views import EntryView

WHATS_NEW_SRC_URI = "whats-new/index.md"
MONTHS_SHOWN = 12  # the latest months with a change; older ones are in the Atom feed and git
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")  # English whatever the build machine's locale


@dataclass(frozen=True)
class Month:
    label: str  # "December 2026"
    anchor: str  # "2026-12"
    added: tuple[EntryView, ...]
    retired: tuple[Retired, ...]


def months(views: Sequence[EntryView], retired: Sequence[Retired], shown: int = MONTHS_SHOWN) -> list[Month]:
    """The latest `shown` months with an addition or a retirement, newest first; within a month,
    the newest addition first (the home page's and the feeds' order)."""
    added: dict[tuple[int, int], list[EntryView]] = defaultdict(list)
    for view in newest_first(views):
        if view.entry.added:
            added[(view.entry.added.year, view.entry.added.month)].append(view)
    gone: dict[tuple[int, int], list[Retired]] = defaultdict(list)
    for item in retired:
        gone[(item.retired.year, item.retired.month)].append(item)
    keys = sorted(set(added) | set(gone), reverse=True)[:shown]
    return [Month(f"{_MONTH_NAMES[month - 1]} {year}", f"{year:04d}-{month:02d}", tuple(added[(year, month)]),
                  tuple(gone[(year, month)])) for year, month in keys]


def build_whats_new(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """whats-new/: additions and retirements by month."""
    retired = retired_entries(catalog.root, set(catalog.by_id))
    yield GeneratedPage(WHATS_NEW_SRC_URI, render(
        "whatsnew.md.j2", link=context.link(WHATS_NEW_SRC_URI),
        months=months(list(context.views.values()), retired or ()), built=context.today.isoformat(),
        history_known=retired is not None, shown=MONTHS_SHOWN, atom_feed=FEED_SRC_URI))

