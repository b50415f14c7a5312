"""A new catalog entry drafted from its page: its kind, its address, a free id, and the file written
without ever replacing someone else's (`pmgenome new` is a thin layer over `draft_from_page` and
`write_draft`)."""

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
from pmgenome.stores.atomic import write_atomic
from pmgenome.urls import (
    normalise_url,
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
    """A new entry ready to write: its kind, the URL it records, its text and the title ids come from."""

    kind: Kind
    url: str
    text: str
    title: str | None


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


def entry_url(url: str, page: PageResult) -> str:
    """The address to record: the page's own canonical one when it is a clean address of the same
    site, else `url` without campaign and click parameters."""
    canonical = page.meta.canonical if page.meta else None
    if canonical and not url_problem(canonical) and not tracking_parameters(canonical) \
            and _site(canonical) == _site(page.final_url or url):
        return canonical
    return without_tracking(url)


def _site(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


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
    page told nothing)."""
    chosen = kind or guess_kind(page.meta)
    recorded = entry_url(url, page)
    return Draft(chosen, recorded, render_entry(chosen, recorded, page.meta, catalog.taxonomy, today),
                 page.meta.title if page.meta else None)


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


def write_draft(root: Path, draft: Draft, taken: set[str], replacing: Entry | None = None) -> Path:
    """Write `draft` under a free id, or in place of `replacing` (the entry that already holds its
    URL, when the person asked to replace it). Raises NoFreeName, or OSError when the disk refuses."""
    if replacing is not None:
        path = Path(root) / draft.kind.folder / f"{replacing.id}.yaml"
        write_atomic(path, draft.text)
        if replacing.path != path:
            replacing.path.unlink(missing_ok=True)  # the entry moved to its new kind's folder
        return path
    for _ in range(MAX_CREATE_TRIES):
        entry_id = choose_id(draft.title, draft.url, taken)
        try:
            return create_entry(root, draft.kind, entry_id, draft.text)
        except FileExistsError:
            taken.add(entry_id)  # written by someone else since we looked: take the next name
    raise NoFreeName(f"{MAX_CREATE_TRIES} names were taken while writing")
