"""The link check's results as the site reads them: the last verdict on each URL of the catalog.

The link check writes the file (links/record.py, the one link file format, which also reads it);
a build reads it when the plugin's `catalog_link_results` option names it, and each resource page
then says when its link was last checked and what was found. Here a result becomes what a page
needs, and a file with any damage is refused as the Problem located at it, so a build never shows
a status the check did not give.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pmgenome.catalog.problems import Problem
from pmgenome.links.record import RULE, LinkFile, read_link_file
from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.stores.timestamps import parse_utc
from pmgenome.text.paths import display_path
from pmgenome.urls import is_web_url, normalise_url


@dataclass(frozen=True)
class LinkCheck:
    """What the last check said about one URL."""

    url: str
    verdict: Verdict
    checked_at: dt.datetime | None = None  # this URL's check, else the run's
    status: int | None = None
    final_url: str | None = None  # where a redirect ended
    archived: str | None = None  # an archived copy, for a dead link

    @classmethod
    def of(cls, result: LinkResult) -> LinkCheck:
        moved = result.final_url if result.final_url != result.url else None
        return cls(result.url, result.verdict, parse_utc(result.checked_at), result.status, moved, result.archived)


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


def read_link_results(path: Path) -> tuple[LinkResults | None, Problem | None]:
    """The results in `path`, or the Problem that makes the file unusable (a missing file is one:
    the build asked for it)."""
    found = read_link_file(path)
    if found is None:
        return None, Problem(display_path(path), 1, 1, "the link results file does not exist", RULE)
    if not isinstance(found, LinkFile):
        return None, found
    if found.damaged:
        return None, found.damaged[0]
    return LinkResults(parse_utc(found.checked_at),
                       {url: LinkCheck.of(result) for url, result in found.results.items()}), None
