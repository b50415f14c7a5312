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
from pmgenome.links.verdict import DEAD, LinkResult, Verdict
from pmgenome.site.text import safe_url
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


# How a resource page says the last check of its link.
@dataclass(frozen=True)
class LinkNote:
    """The last link check, as a resource page says it: `text`, then `link` if any, then a full stop."""

    verdict: Verdict
    text: str  # "Link checked on 2026-11-30: broken; read"
    link: tuple[str, str] | None = None  # (text, http(s) URL): the new address or an archived copy


LINK_SAID = {
    Verdict.OK: "works",
    Verdict.REDIRECTED: "moved",
    Verdict.BROKEN: "broken",
    Verdict.SOFT_404: "gone (the address now shows a 'not found' page)",
    Verdict.TIMEOUT: "no answer in time; the site may be down for a while",
    Verdict.BLOCKED: "the site turned the checker away, so it could not be confirmed; it most likely works",
}


def link_note(check: LinkCheck | None) -> LinkNote | None:
    """How a resource page reports `check`: None when the build has no result for the link."""
    if check is None:
        return None
    if check.verdict is Verdict.EXCLUDED:
        return LinkNote(check.verdict, "Link not checked automatically: the link check skips it")
    when = f" on {check.checked_at.date().isoformat()}" if check.checked_at else ""
    lead = f"Link checked{when}: "
    final = safe_url(check.final_url)
    if check.verdict is Verdict.REDIRECTED and final and final != check.url:
        return LinkNote(check.verdict, f"{lead}moved to", (final, final))
    archived = safe_url(check.archived)
    if check.verdict in DEAD and archived:
        return LinkNote(check.verdict, f"{lead}{LINK_SAID[check.verdict]}; read", ("the archived copy", archived))
    return LinkNote(check.verdict, lead + LINK_SAID[check.verdict])
