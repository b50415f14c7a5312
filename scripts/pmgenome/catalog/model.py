"""The catalog as data: entries with where they were written, the vocabulary and the picks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

from pmgenome.catalog import yamlload
from pmgenome.catalog.yamlload import Location

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAXONOMY_FILE = "taxonomy.yaml"
PICKS_FILE = "picks.yaml"
GROUPS = ("segments", "skills", "levels", "backgrounds")
SCOPES = ("general", "flavour")


class Kind(StrEnum):
    ARTICLE = "article"
    BOOK = "book"
    COURSE = "course"
    PODCAST = "podcast"
    NEWSLETTER = "newsletter"
    VIDEO = "video"
    MEETUP = "meetup"

    @property
    def folder(self) -> str:
        return f"{self.value}s"

    @property
    def label(self) -> str:
        return {"article": "Articles", "book": "Books", "course": "Courses", "podcast": "Podcasts",
                "newsletter": "Newsletters", "video": "Videos and talks",
                "meetup": "Meetups and communities"}[self.value]

    @property
    def singular(self) -> str:
        """One of the kind, capitalised, for a badge: "Article"."""
        return self.noun.capitalize()

    @property
    def noun(self) -> str:
        return self.value

    @property
    def nouns(self) -> str:
        return self.folder


KIND_BY_FOLDER = {kind.folder: kind for kind in Kind}


@dataclass(frozen=True)
class Entry:
    """One resource, as its contributor wrote it."""

    id: str
    kind: Kind
    path: Path
    fields: Mapping[str, Any]
    first_line: str = field(default="", repr=False, compare=False)
    source: yamlload.Document | None = field(default=None, repr=False, compare=False)

    @property
    def locations(self) -> Mapping[tuple, Location]:
        """Where each value was written, by path: ("url",), ("segments", 1)."""
        return self.source.values if self.source else {}

    @property
    def key_locations(self) -> Mapping[tuple, Location]:
        return self.source.keys if self.source else {}

    def get(self, name: str, default: Any = None) -> Any:
        value = self.fields.get(name)
        return default if value is None else value

    def _text(self, name: str) -> str:
        value = self.fields.get(name)
        return value if isinstance(value, str) else ""

    def _list(self, name: str) -> tuple[str, ...]:
        value = self.fields.get(name)
        if isinstance(value, tuple):
            return tuple(item for item in value if isinstance(item, str))
        return ()

    @property
    def title(self) -> str:
        return self._text("title")

    @property
    def url(self) -> str:
        return self._text("url")

    @property
    def summary(self) -> str:
        return self._text("summary")

    @property
    def segments(self) -> tuple[str, ...]:
        return self._list("segments")

    @property
    def skills(self) -> tuple[str, ...]:
        return self._list("skills")

    @property
    def levels(self) -> tuple[str, ...]:
        return self._list("levels")

    @property
    def backgrounds(self) -> tuple[str, ...]:
        return self._list("backgrounds")

    @property
    def added(self) -> dt.date | None:
        value = self.fields.get("added")
        return value if isinstance(value, dt.date) else None

    @property
    def cost(self) -> str | None:
        return self.fields.get("cost") if isinstance(self.fields.get("cost"), str) else None

    @property
    def language(self) -> str | None:
        return self.fields.get("language") if isinstance(self.fields.get("language"), str) else None

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


@dataclass(frozen=True)
class Taxonomy:
    segments: tuple[Term, ...] = ()
    skills: tuple[Term, ...] = ()
    levels: tuple[Term, ...] = ()
    backgrounds: tuple[Term, ...] = ()

    def group(self, name: str) -> tuple[Term, ...]:
        return getattr(self, name)

    def ids(self, name: str) -> tuple[str, ...]:
        return tuple(term.id for term in self.group(name))

    def term(self, name: str, term_id: str) -> Term | None:
        return next((term for term in self.group(name) if term.id == term_id), None)


@dataclass(frozen=True)
class Catalog:
    root: Path
    entries: tuple[Entry, ...]
    taxonomy: Taxonomy
    picks: Mapping[str, Mapping[Kind, tuple[str, ...]]]
    picks_locations: Mapping[tuple, Location] = field(default_factory=dict, repr=False)

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
