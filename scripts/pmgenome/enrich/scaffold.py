"""A new catalog entry drafted from its page: its kind, its address, a free id, and the file written
without ever replacing one (`pmgenome new` is a thin layer over `draft_from_page` and `write_draft`).

A page may say it lives elsewhere, by a redirect or by its rel=canonical. Either is believed only
when it leads to a page of its own: one that leads up to a home page or to a parent of the address
asked for (a page that died politely, a canonical copied from a site template) says nothing about
where the resource lives, so the draft keeps the address the person gave and says why."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pmgenome.catalog.files import entry_files
from pmgenome.catalog.load import id_problem
from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.enrich.draft import render_entry
from pmgenome.enrich.extract import PageMeta
from pmgenome.enrich.page import PageResult
from pmgenome.urls import (
    is_parent,
    normalise_url,
    page_segments,
    site_of,
    tracking_parameters,
    url_problem,
    without_tracking,
)

MAX_ID_CHARS = 60
MAX_SUFFIX = 1000
# Names taken by someone else between our look and our write: try the next this many times.
MAX_CREATE_TRIES = 20

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_WORK_KINDS = {"book": Kind.BOOK, "podcast": Kind.PODCAST, "video": Kind.VIDEO}


class NoFreeName(Exception):
    """No unused id could be found for a draft."""


@dataclass(frozen=True)
class Draft:
    """A new entry ready to write: its kind, the URL it records, its text, the title ids come from,
    and what the person must be told about it (an address of the page's that was not believed)."""

    kind: Kind
    url: str
    text: str
    title: str | None
    notes: tuple[str, ...] = ()


def guess_kind(meta: PageMeta | None) -> Kind:
    """course for a schema.org Course, meetup for an Event, book, podcast or video for a Book,
    PodcastSeries or VideoObject (or og:type book and video.*), else article."""
    if meta is None:
        return Kind.ARTICLE
    if meta.course is not None:
        return Kind.COURSE
    if meta.event is not None:
        return Kind.MEETUP
    if meta.work is not None:
        return _WORK_KINDS[meta.work.kind]
    return Kind.ARTICLE


def landing_doubt(asked: str, landed: str) -> str | None:
    """Why `landed` (where a redirect or a page's canonical leads) cannot stand for `asked`: it is a
    home page, or a parent of asked's path. None when it can (the same page, or a page of its own)."""
    if normalise_url(asked) == normalise_url(landed):
        return None
    start, end = urlsplit(asked), urlsplit(without_tracking(landed))
    before, after = page_segments(start.path), page_segments(end.path)
    if not before or end.query:
        return None  # a home page may move anywhere; a query names a page of its own
    if not after:
        return "a home page, not the page asked for"
    if site_of(start.hostname) == site_of(end.hostname) and is_parent(before, after):
        return "a parent of the page asked for"
    return None


def redirect_doubt(url: str, page: PageResult) -> str | None:
    """Why the page `url` redirected to is not its page ("it redirects to X, a home page, ..."), or None."""
    doubt = landing_doubt(url, page.final_url) if page.final_url else None
    return f"it redirects to {page.final_url}, {doubt}" if doubt else None


def entry_url(url: str, page: PageResult) -> tuple[str, str | None]:
    """The address to record, and a note when the page's own was not believed: the page's canonical
    address when it is a clean one of the same site that names a page of its own, else `url`
    without campaign and click parameters."""
    canonical = page.meta.canonical if page.meta else None
    given = without_tracking(url)
    if not canonical or url_problem(canonical) or tracking_parameters(canonical) \
            or site_of(urlsplit(canonical).hostname) != site_of(urlsplit(page.final_url or url).hostname):
        return given, None
    doubt = landing_doubt(page.final_url or url, canonical)
    if doubt:
        return given, (f"the page gives {canonical} as its own address, but that is {doubt}: not believed, the "
                       f"draft keeps {given}")
    return canonical, None


def slugify(text: str) -> str:
    """An id from a title: ASCII lowercase words joined by single hyphens, cut at a word end."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_ID_CHARS:
        slug = slug[:MAX_ID_CHARS + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_ID_CHARS] else slug[:MAX_ID_CHARS]
    return slug.strip("-")


def _url_words(url: str) -> str:
    parts = urlsplit(url)
    segments = [unquote(part) for part in parts.path.split("/") if part]
    last = re.sub(r"\.[A-Za-z0-9]{1,5}\Z", "", segments[-1]) if segments else ""
    host = (parts.hostname or "").removeprefix("www.")
    return last if slugify(last) else host


def choose_id(title: str | None, url: str, taken: Collection[str]) -> str:
    """An unused id from the title (else the URL); a -2, -3... suffix when it is taken, or when the
    plain one is not an id the catalog accepts ('index')."""
    base = slugify(title or "") or slugify(_url_words(url)) or "resource"
    if base not in taken and id_problem(base) is None:
        return base
    for number in range(2, MAX_SUFFIX):
        candidate = f"{base[:MAX_ID_CHARS - len(str(number)) - 1].rstrip('-')}-{number}"
        if candidate not in taken:
            return candidate
    raise NoFreeName(f"no free id for {base!r}: {base}-2 to {base}-{MAX_SUFFIX - 1} are all taken")


def existing_entry(catalog: Catalog, *urls: str | None) -> Entry | None:
    """The entry already holding any of `urls`, compared in normal form."""
    wanted = {normalise_url(url) for url in urls if url}
    return next((entry for entry in catalog.entries if entry.url and normalise_url(entry.url) in wanted), None)


def draft_from_page(url: str, page: PageResult, catalog: Catalog, kind: Kind | None, today: dt.date) -> Draft:
    """The entry `pmgenome new` writes for `url`, fetched as `page` (placeholders only when the
    page told nothing, or was another page than the one asked for)."""
    meta = None if redirect_doubt(url, page) else page.meta  # a home page's title is not the resource's
    chosen = kind or guess_kind(meta)
    recorded, note = entry_url(url, page) if meta else (without_tracking(url), None)
    return Draft(chosen, recorded, render_entry(chosen, recorded, meta, catalog.taxonomy, today),
                 meta.title if meta else None, (note,) if note else ())


def taken_ids(root: Path, catalog: Catalog) -> set[str]:
    """Every id in use, including files that did not load (a broken neighbour still owns its name)."""
    files, _ = entry_files(root)
    return set(catalog.by_id) | {path.stem for path, _ in files}


def create_entry(root: Path, kind: Kind, entry_id: str, text: str) -> Path:
    """Write a new entry file, never replacing one: FileExistsError if the name is taken."""
    folder = Path(root) / kind.folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{entry_id}.yaml"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def write_draft(root: Path, draft: Draft, taken: set[str]) -> Path:
    """Write `draft` in a new file under a free id: never in place of an existing file, whatever
    it holds (an entry someone curated, an earlier draft). Raises NoFreeName, or OSError when the
    disk refuses."""
    for _ in range(MAX_CREATE_TRIES):
        entry_id = choose_id(draft.title, draft.url, taken)
        try:
            return create_entry(root, draft.kind, entry_id, draft.text)
        except FileExistsError:
            taken.add(entry_id)  # written by someone else since we looked: take the next name
    raise NoFreeName(f"{MAX_CREATE_TRIES} names were taken while writing")
