"""The catalog as data: entries with where they were written, the vocabulary and the picks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from pmgenome.catalog import yamlload
from pmgenome.catalog.yamlload import Location, Path_

# Always used with fullmatch: `$` would also match before a final newline ("good-pm\n").
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Ids the site needs for pages of its own: segments/index.md is the list of segments, and an
# entry or term named so would take that page's place (or a folder's index page).
RESERVED_IDS = frozenset({"index"})
# The catalog's own files, each named here once (catalog/files.py says which files a catalog holds).
TAXONOMY_FILE = "taxonomy.yaml"
PICKS_FILE = "picks.yaml"
EXCLUSIONS_FILE = "exclusions.yaml"
HOSTS_FILE = "hosts.yaml"
ENRICHMENT_FILE = "enrichment.json"
SHAPES_FILE = "shapes.yaml"
# The opt-in people directory, one file per GitHub handle, beside the catalog folder (not in it).
PEOPLE_FOLDER = ("community", "people")
# The survey's responses, one file per issue number, beside the catalog folder too.
SURVEY_FOLDER = ("survey", "responses")
GROUPS = ("segments", "skills", "levels", "backgrounds")
# The field's common terms and their abbreviations (product-market fit, PMF): not a group of
# ids that entries use, only words that search should understand.
TERMS_KEY = "terms"
SCOPES = ("general", "flavour")


class Kind(StrEnum):
    ARTICLE = "article"
    BOOK = "book"
    COURSE = "course"
    PODCAST = "podcast"
    NEWSLETTER = "newsletter"
    VIDEO = "video"
    MEETUP = "meetup"
    PROGRAM = "program"

    @property
    def folder(self) -> str:
        """The plural noun, which also names the kind's folder: "articles"."""
        return f"{self.value}s"

    @property
    def label(self) -> str:
        return {"article": "Articles", "book": "Books", "course": "Courses", "podcast": "Podcasts",
                "newsletter": "Newsletters", "video": "Videos and talks",
                "meetup": "Meetups and communities", "program": "Company PM programs"}[self.value]

    @property
    def singular(self) -> str:
        """One of the kind, capitalised, for a badge: "Article"."""
        return self.value.capitalize()


KIND_BY_FOLDER = {kind.folder: kind for kind in Kind}


class _Field:
    """A typed read of one field: the value when the contributor wrote the right type, else the
    default (the validator reports wrong types; readers never see them)."""

    def __init__(self, kind: type | tuple[type, ...], default: Any = None) -> None:
        self._kind = kind
        self._default = default
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, entry: Entry | None, owner: type) -> Any:
        if entry is None:
            return self
        value = entry.fields.get(self._name)
        # bool is an int to isinstance; a year of `true` is not a year.
        if isinstance(value, self._kind) and not (isinstance(value, bool) and bool not in _kinds(self._kind)):
            return value
        return self._default


class _Names(_Field):
    """A list of strings (segments, skills, authors): its string items, in order."""

    def __init__(self) -> None:
        super().__init__(tuple, ())

    def __get__(self, entry: Entry | None, owner: type) -> Any:
        value = super().__get__(entry, owner)
        return value if entry is None else tuple(item for item in value if isinstance(item, str))


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


@dataclass(frozen=True)
class Recommended:
    """An episode or issue worth starting with."""

    title: str
    url: str


@dataclass(frozen=True)
class Entry:
    """One resource, as its contributor wrote it, with a typed accessor for every field."""

    id: str
    kind: Kind
    path: Path
    fields: Mapping[str, Any]
    first_line: str = field(default="", repr=False, compare=False)
    source: yamlload.Document | None = field(default=None, repr=False, compare=False)

    # Every kind.
    title = _Field(str, "")
    url = _Field(str, "")
    summary = _Field(str, "")
    segments = _Names()
    skills = _Names()
    levels = _Names()
    backgrounds = _Names()
    access = _Field(str)
    language = _Field(str)
    added = _Field(dt.date)
    reviewed = _Field(dt.date)
    outcomes = _Names()  # what a reader can do after using it (1 to 3 lines)
    # Articles, newsletters and videos.
    author = _Field(str)
    published = _Field(dt.date)
    publication = _Field(str)
    # Courses.
    provider = _Field(str)
    format = _Field(str)
    pace = _Field(str)
    price = _Field(str)
    # Meetups and communities.
    organizer = _Field(str)
    city = _Field(str)
    country = _Field(str)
    online = _Field(bool, False)
    # Programs (catalog/programs.py reads their places and application windows).
    company = _Field(str)
    audience = _Names()
    months = _Field(int)
    paid = _Field(bool)
    not_placed_after = _Field(int)
    # Books.
    authors = _Names()
    year = _Field(int)  # and an article's or a video's, when its page gives no day
    publisher = _Field(str)
    isbn = _Field(str)
    # Podcasts and newsletters.
    host = _Field(str)
    cadence = _Field(str)
    feed = _Field(str)
    # Videos.
    speaker = _Field(str)
    event = _Field(str)

    @property
    def recommended(self) -> tuple[Recommended, ...]:
        """A podcast's episodes or a newsletter's issues to start with (those written well)."""
        items = self.fields.get("episodes" if self.kind is Kind.PODCAST else "issues")
        if not isinstance(items, tuple):
            return ()
        return tuple(Recommended(item["title"], item["url"]) for item in items
                     if isinstance(item, Mapping) and isinstance(item.get("title"), str)
                     and isinstance(item.get("url"), str))

    @property
    def locations(self) -> Mapping[Path_, Location]:
        """Where each value was written, by path: ("url",), ("segments", 1)."""
        return self.source.values if self.source else {}

    @property
    def key_locations(self) -> Mapping[Path_, Location]:
        return self.source.keys if self.source else {}

    def location(self, *path: str | int) -> Location:
        """Where a value was written, falling back to its key, its parent, then the file start."""
        if not path:
            return self.locations.get((), Location(1, 1))
        while path:
            if path in self.locations:
                return self.locations[path]
            if path in self.key_locations:
                return self.key_locations[path]
            path = path[:-1]
        return Location(1, 1)

    def key_location(self, name: str) -> Location:
        return self.key_locations.get((name,), self.location(name))


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    description: str
    scope: str | None = None
    segments: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()  # backgrounds: general skills people from there usually lack
    # segments: the skills a PM at such a company is expected to have, each with the level it
    # expects on the reader's 0-3 scale (1 aware, 2 practised, 3 could teach it)
    expects: tuple[tuple[str, int], ...] = ()
    # skills: the field's abbreviations and other names for it ("GTM"), which search understands
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CommonTerm:
    """A term of the field that is not a skill (product-market fit), with its abbreviations."""

    term: str
    aliases: tuple[str, ...]
    skills: tuple[str, ...] = ()  # the skills it belongs to, if any


@dataclass(frozen=True)
class Taxonomy:
    segments: tuple[Term, ...] = ()
    skills: tuple[Term, ...] = ()
    levels: tuple[Term, ...] = ()
    backgrounds: tuple[Term, ...] = ()
    terms: tuple[CommonTerm, ...] = ()

    def group(self, name: str) -> tuple[Term, ...]:
        return cast(tuple[Term, ...], getattr(self, name))

    def ids(self, name: str) -> tuple[str, ...]:
        return tuple(term.id for term in self.group(name))

    def term(self, name: str, term_id: str) -> Term | None:
        return next((term for term in self.group(name) if term.id == term_id), None)


@dataclass(frozen=True)
class Shape:
    """A named T shape (shapes.yaml): the level it expects on each skill, and the model it comes from."""

    id: str
    name: str
    description: str
    segments: tuple[str, ...]  # the company flavours it belongs to; two or more: it crosses them
    model: str  # the published model of PM shapes it comes from, its author and address
    author: str
    url: str
    ratings: tuple[tuple[str, int], ...]  # (skill, 0-3) in taxonomy order; a skill left out expects 0

    def expected(self, skill: str) -> int:
        return dict(self.ratings).get(skill, 0)


@dataclass(frozen=True)
class Person:
    """One opt-in entry of the people directory (community/people/<github>.yaml): no contact field."""

    github: str
    name: str
    can_teach: tuple[str, ...]  # skill ids, in taxonomy order
    learning: tuple[str, ...]
    city: str | None
    country: str | None  # two-letter code
    online: bool
    languages: tuple[str, ...]  # two-letter codes


@dataclass(frozen=True)
class Response:
    """One survey response (survey/responses/<issue number>.yaml): answers, never an identity."""

    number: int
    stage: str
    background: str
    company: tuple[str, ...]  # segment ids, in taxonomy order
    ratings: tuple[tuple[str, int], ...]  # (skill, 0-3) in taxonomy order
    date: dt.date
    years: str | None = None
    company_size: str | None = None
    industry: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Catalog:
    root: Path
    entries: tuple[Entry, ...]
    taxonomy: Taxonomy
    picks: Mapping[str, Mapping[Kind, tuple[str, ...]]]
    picks_locations: Mapping[Path_, Location] = field(default_factory=dict, repr=False)
    # Why each pick is there, by (segment, kind, entry id): one line for readers.
    pick_reasons: Mapping[tuple[str, Kind, str], str] = field(default_factory=dict, repr=False)
    shapes: tuple[Shape, ...] = ()  # in the order of shapes.yaml
    people: tuple[Person, ...] = ()  # by handle, case-insensitively
    responses: tuple[Response, ...] = ()  # the survey's, by number

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    @cached_property
    def kinds(self) -> tuple[Kind, ...]:
        """The kinds that have at least one entry, in the vocabulary's order: the site lists these."""
        present = {entry.kind for entry in self.entries}
        return tuple(kind for kind in Kind if kind in present)

    def of_kind(self, kind: Kind) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.kind == kind)

    def in_segment(self, segment: str) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if segment in entry.segments)

    @property
    def taxonomy_path(self) -> Path:
        return self.root / TAXONOMY_FILE

    @property
    def picks_path(self) -> Path:
        return self.root / PICKS_FILE
