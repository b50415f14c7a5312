"""The catalog as data: entries with where they were written, the vocabulary and the picks.

Loading never raises for a contributor's mistake; it returns what it could read plus the
problems it met, so one run reports everything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import gc
import os
import re
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pmgenome import yamlload
from pmgenome.problems import Problem
from pmgenome.yamlload import Location

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


@lru_cache(maxsize=None)
def _cwd_prefix(cwd: str) -> str:
    return cwd.rstrip(os.sep) + os.sep


def display_path(path: Path | str) -> str:
    """A path as people and GitHub annotations want it: relative to here when inside it."""
    text = str(path)
    if not os.path.isabs(text):
        return text
    prefix = _cwd_prefix(os.getcwd())
    return text[len(prefix):] if text.startswith(prefix) else text


def _problems_from(shown: str, document: yamlload.Document) -> list[Problem]:
    return [Problem(shown, e.line, e.col, e.message, e.rule) for e in document.errors]


def read_yaml(path: Path, shown: str | None = None) -> tuple[yamlload.Document | None, list[Problem]]:
    """Load one YAML file; the document is None when nothing usable could be read.
    `shown` is how problems name the file (default: relative to the working folder)."""
    shown = shown or display_path(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > yamlload.MAX_BYTES:
                return None, [Problem(shown, 1, 1, f"file is {size:,} bytes; the limit is "
                                      f"{yamlload.MAX_BYTES:,}", "size")]
            data = handle.read(yamlload.MAX_BYTES + 1)
    except OSError as error:
        return None, [Problem(shown, 1, 1, f"cannot read file: {error.strerror or error}", "io")]
    document = yamlload.load(data)
    problems = _problems_from(shown, document)
    if document.value is None and not problems:
        problems.append(Problem(shown, 1, 1, "file is empty", "empty"))
    if document.value is None:
        return None, problems
    return document, problems


def _load_entry(path: Path, kind: Kind) -> tuple[Entry | None, list[Problem]]:
    shown = display_path(path)
    document, problems = read_yaml(path, shown)
    if not ID_PATTERN.match(path.stem):
        problems.append(Problem(
            shown, 1, 1,
            f"file name '{path.name}' is not a valid id: use lowercase letters, digits and "
            "single hyphens, like 'good-pm-bad-pm.yaml'", "id"))
    if document is None:
        return None, problems
    if not isinstance(document.value, dict):
        where = document.values.get((), Location(1, 1))
        problems.append(Problem(shown, where.line, where.col,
                                "an entry must be a mapping of fields (name: value)", "type"))
        return None, problems
    entry = Entry(path.stem, kind, path, document.value, document.first_line, document)
    return entry, problems


def _is_yaml(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def _entry_files(root: Path) -> tuple[list[tuple[Path, Kind]], list[Problem]]:
    files: list[tuple[Path, Kind]] = []
    misplaced: list[Path] = []
    for top in sorted(os.scandir(root), key=lambda item: item.name):
        if not top.is_dir():
            continue  # taxonomy, picks, exclusions: read by their own loaders
        kind = KIND_BY_FOLDER.get(top.name)
        if kind is None:
            misplaced += (p for p in Path(top.path).rglob("*") if _is_yaml(p.name) and p.is_file())
            continue
        for item in sorted(os.scandir(top.path), key=lambda item: item.name):
            if item.is_dir():
                misplaced += (p for p in Path(item.path).rglob("*") if _is_yaml(p.name) and p.is_file())
            elif _is_yaml(item.name):
                files.append((Path(item.path), kind))
    problems = [Problem(display_path(path), 1, 1,
                        "entries go directly in articles/, courses/ or meetups/", "location")
                for path in sorted(misplaced)]
    for path, _ in files:
        if path.name.endswith(".yml"):
            problems.append(Problem(display_path(path), 1, 1,
                                    f"rename to {path.stem}.yaml: entries use the .yaml extension", "location"))
    return [(path, kind) for path, kind in files if path.name.endswith(".yaml")], problems


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def load_taxonomy(path: Path) -> tuple[Taxonomy, list[Problem]]:
    """Read the vocabulary, reporting anything malformed where it was written."""
    shown = display_path(path)
    if not path.exists():
        return Taxonomy(), [Problem(shown, 1, 1, "the vocabulary file is missing", "taxonomy")]
    document, problems = read_yaml(path)
    if document is None:
        return Taxonomy(), problems
    data = document.value
    if not isinstance(data, dict):
        return Taxonomy(), problems + [Problem(shown, 1, 1, "the vocabulary must be a mapping", "taxonomy")]

    def at(*where: Any) -> Location:
        return document.values.get(where) or document.keys.get(where) or Location(1, 1)

    for key in data:
        if key not in GROUPS:
            where = document.keys[(key,)]
            problems.append(Problem(shown, where.line, where.col,
                                    f"unknown group '{key}'; the groups are {', '.join(GROUPS)}", "taxonomy"))
    groups: dict[str, tuple[Term, ...]] = {}
    for group in GROUPS:
        items = data.get(group)
        if group not in data:
            problems.append(Problem(shown, 1, 1, f"missing group '{group}'", "taxonomy"))
            groups[group] = ()
            continue
        if not isinstance(items, tuple):
            where = at(group)
            problems.append(Problem(shown, where.line, where.col, f"'{group}' must be a list", "taxonomy"))
            groups[group] = ()
            continue
        terms: list[Term] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            where = at(group, index)
            if not isinstance(item, dict):
                problems.append(Problem(shown, where.line, where.col,
                                        "each term must be a mapping with id, name and description", "taxonomy"))
                continue
            term_id, name, description = item.get("id"), _text(item.get("name")), _text(item.get("description"))
            if not isinstance(term_id, str) or not ID_PATTERN.match(term_id):
                id_at = at(group, index, "id") if "id" in item else where
                problems.append(Problem(shown, id_at.line, id_at.col,
                                        "term id must be lowercase letters, digits and hyphens", "taxonomy"))
                continue
            if term_id in seen:
                problems.append(Problem(shown, where.line, where.col,
                                        f"duplicate id '{term_id}' in {group}", "taxonomy"))
                continue
            seen.add(term_id)
            if name is None or description is None:
                problems.append(Problem(shown, where.line, where.col,
                                        f"term '{term_id}' needs a name and a description", "taxonomy"))
            allowed = {"id", "name", "description"} | {"skills": {"scope", "segments"},
                                                       "backgrounds": {"gaps"}}.get(group, set())
            for key in item:
                if key not in allowed:
                    key_at = document.keys.get((group, index, key), where)
                    problems.append(Problem(shown, key_at.line, key_at.col,
                                            f"unknown field '{key}' for a term in {group}", "taxonomy"))
            scope = item.get("scope")
            segments = item.get("segments") or ()
            if group == "skills":
                if scope not in SCOPES:
                    key_at = at(group, index, "scope")
                    problems.append(Problem(shown, key_at.line, key_at.col,
                                            f"skill '{term_id}' needs scope: general or flavour", "taxonomy"))
                if not isinstance(segments, tuple) or not all(isinstance(s, str) for s in segments):
                    key_at = at(group, index, "segments")
                    problems.append(Problem(shown, key_at.line, key_at.col,
                                            "segments must be a list of segment ids", "taxonomy"))
                    segments = ()
            gaps = item.get("gaps") or ()
            if not isinstance(gaps, tuple) or not all(isinstance(g, str) for g in gaps):
                key_at = at(group, index, "gaps")
                problems.append(Problem(shown, key_at.line, key_at.col,
                                        "gaps must be a list of general skill ids", "taxonomy"))
                gaps = ()
            terms.append(Term(term_id, name or term_id, description or "",
                              scope if isinstance(scope, str) else None, tuple(segments), tuple(gaps)))
        groups[group] = tuple(terms)
    taxonomy = Taxonomy(**groups)
    segment_ids = set(taxonomy.ids("segments"))
    general = sorted(term.id for term in taxonomy.skills if term.scope == "general")
    for where, item, segment in _references(document, "skills", "segments"):
        if segment not in segment_ids:
            problems.append(Problem(shown, where.line, where.col,
                                    f"unknown segment '{segment}' for skill '{item.get('id')}'", "taxonomy"))
    for where, _, skill in _references(document, "backgrounds", "gaps"):
        if skill not in general:
            problems.append(Problem(shown, where.line, where.col,
                                    f"'{skill}' is not a general skill{did_you_mean(str(skill), general)}; "
                                    "gaps name general skills", "taxonomy"))
    return taxonomy, problems


def _references(document: yamlload.Document, group: str, field: str
                ) -> Iterator[tuple[Location, dict[str, Any], Any]]:
    """Each id a term lists in `field` (skills' segments, backgrounds' gaps), with where it is."""
    items = document.value.get(group)
    for index, item in enumerate(items if isinstance(items, tuple) else ()):
        if isinstance(item, dict) and isinstance(item.get(field), tuple):
            for position, value in enumerate(item[field]):
                where = document.values.get((group, index, field, position), Location(1, 1))
                yield where, item, value


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> str:
    """' (did you mean 'x'?)' for a near miss, or ''."""
    lowered = {option.lower(): option for option in options}
    match = lowered.get(word.lower().strip())
    if match is None:
        close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
        match = lowered[close[0]] if close else None
    return f" (did you mean '{match}'?)" if match else ""


def load_picks(path: Path) -> tuple[dict[str, dict[Kind, tuple[str, ...]]], dict[tuple, Location], list[Problem]]:
    """Read the curated picks' shape; whether they name sensible entries is validate's job."""
    shown = display_path(path)
    if not path.exists():
        return {}, {}, []
    document, problems = read_yaml(path)
    if document is None:
        return {}, {}, problems
    data = document.value
    locations = {**document.values, **document.keys}  # a segment or kind is named by its key
    if not isinstance(data, dict):
        return {}, locations, problems + [Problem(shown, 1, 1, "picks must map segment -> kind -> list of ids", "picks")]
    picks: dict[str, dict[Kind, tuple[str, ...]]] = {}
    for segment, kinds in data.items():
        if not isinstance(kinds, dict):
            where = locations.get((segment,), Location(1, 1))
            problems.append(Problem(shown, where.line, where.col,
                                    f"picks for '{segment}' must map a kind ({', '.join(Kind)}) to a list of ids",
                                    "picks"))
            continue
        picks[segment] = {}
        for kind_name, ids in kinds.items():
            where = document.keys.get((segment, kind_name), Location(1, 1))
            try:
                kind = Kind(kind_name)
            except ValueError:
                problems.append(Problem(shown, where.line, where.col,
                                        f"unknown kind '{kind_name}'; use one of {', '.join(Kind)}", "picks"))
                continue
            if ids is None:
                ids = ()
            if not isinstance(ids, tuple) or not all(isinstance(i, str) for i in ids):
                problems.append(Problem(shown, where.line, where.col, "picks must be a list of entry ids", "picks"))
                continue
            picks[segment][kind] = ids
    return picks, locations, problems


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while building many small acyclic objects.

    Loading keeps every file's node tree; with the collector on, each of its passes walks the
    whole growing heap again, which cost more than parsing itself (1.2 s of 2.0 s at 10,000
    entries). Nothing built here forms a cycle, so reference counting frees it all anyway."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_catalog(root: Path) -> tuple[Catalog, list[Problem]]:
    """Read every file of the catalog. Never raises for bad content: problems are returned."""
    with gc_paused():
        return _load_catalog(Path(root))


def _load_catalog(root: Path) -> tuple[Catalog, list[Problem]]:
    if not root.is_dir():
        empty = Catalog(root, (), Taxonomy(), {})
        return empty, [Problem(display_path(root), 1, 1, "catalog folder not found", "io")]
    taxonomy, problems = load_taxonomy(root / TAXONOMY_FILE)
    picks, picks_locations, pick_problems = load_picks(root / PICKS_FILE)
    problems += pick_problems
    files, file_problems = _entry_files(root)
    problems += file_problems
    entries: list[Entry] = []
    for path, kind in files:
        entry, entry_problems = _load_entry(path, kind)
        problems += entry_problems
        if entry is not None:
            entries.append(entry)
    entries.sort(key=lambda entry: (list(Kind).index(entry.kind), entry.id))
    return Catalog(root, tuple(entries), taxonomy, picks, picks_locations), problems

