"""What every page builder shares: the build's settings, each entry's view and the rankings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.catalog.ranking import Ranked, tops
from pmgenome.enrich.record import EnrichmentRecord
from pmgenome.site.hrefs import href
from pmgenome.site.linkresults import LinkResults
from pmgenome.site.today import build_date
from pmgenome.site.views import EntryView, entry_view, term_names


@dataclass(frozen=True)
class GeneratedPage:
    """A file that exists only in memory: Markdown pages, assets, the feed and the export."""

    src_uri: str
    content: str | bytes


@dataclass(frozen=True)
class SiteSettings:
    use_directory_urls: bool = True
    site_url: str | None = None
    repo_url: str | None = None  # mkdocs.yml's repo_url: where the survey's issue form lives
    # The site's sizes, written only here: the plugin's options (site/config.py) default to them.
    top_n: int = 5  # resources in each top list of a segment and kind
    recent: int = 10  # resources on the home page's recently added list
    feed_size: int = 50  # resources in feed.xml
    site_name: str = "PM Genome"  # mkdocs.yml's site_name and site_description (the web app manifest)
    site_description: str = ""


@dataclass(frozen=True)
class SiteContext:
    """What every builder shares, computed once per build."""

    settings: SiteSettings
    today: dt.date
    views: Mapping[str, EntryView]
    tops: Mapping[str, Mapping[Kind, tuple[Ranked, ...]]]
    recent: tuple[EntryView, ...] = field(default=())  # newest first

    def link(self, from_src_uri: str) -> Callable[..., str]:
        """link(to_src_uri, fragment=''): a relative href from the page `from_src_uri`."""
        use_directory_urls = self.settings.use_directory_urls

        def link(to_src_uri: str, fragment: str = "") -> str:
            return href(from_src_uri, to_src_uri, use_directory_urls, fragment)

        return link


_Dated = TypeVar("_Dated", Entry, EntryView)


def _added(item: Entry | EntryView) -> dt.date:
    return (item.entry if isinstance(item, EntryView) else item).added or dt.date.min


def newest_first(entries: Iterable[_Dated]) -> list[_Dated]:
    """Entries (or their views) by `added`, newest first; id breaks ties so the order never depends
    on file order. The home page, the feeds, What's new and Explore's `sort=added` share it."""
    by_id = sorted(entries, key=lambda item: item.id)
    return sorted(by_id, key=_added, reverse=True)


def make_context(catalog: Catalog, settings: SiteSettings = SiteSettings(),
                 enrichment: Mapping[str, EnrichmentRecord] | None = None,
                 today: dt.date | None = None, links: LinkResults | None = None) -> SiteContext:
    """Views of every entry (with its enrichment and last link check) and the rankings, for the builders."""
    today = today or build_date()
    enrichment = enrichment or {}
    links = links or LinkResults()
    names = term_names(catalog)
    views = {entry.id: entry_view(catalog, entry, enrichment.get(entry.id), today, names, links.for_url(entry.url))
             for entry in catalog.entries}
    keep = max(settings.recent, settings.feed_size)
    recent = tuple(views[entry.id] for entry in newest_first(catalog.entries)[:keep])
    return SiteContext(settings, today, views, tops(catalog, settings.top_n), recent)

