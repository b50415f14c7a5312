"""What every page builder shares: the pages it returns, the build's settings, and the context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pmgenome.catalog.model import Kind
from pmgenome.catalog.ranking import TOP_N, Ranked
from pmgenome.site.hrefs import href
from pmgenome.site.views import EntryView


@dataclass(frozen=True)
class GeneratedPage:
    """A file that exists only in memory: Markdown pages, assets, the feed and the export."""

    src_uri: str
    content: str | bytes


@dataclass(frozen=True)
class SiteSettings:
    use_directory_urls: bool = True
    site_url: str | None = None
    top_n: int = TOP_N
    recent: int = 10
    feed_size: int = 50


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
