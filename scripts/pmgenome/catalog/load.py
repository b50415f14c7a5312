"""Loading a whole catalog: every entry, the vocabulary and the picks, with the problems met.

Loading never raises for a contributor's mistake; it returns what it could read plus the
problems it met, so one run reports everything.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from pmgenome.catalog.files import entry_files, read_yaml
from pmgenome.catalog.model import (
    ID_PATTERN,
    PICKS_FILE,
    RESERVED_IDS,
    SHAPES_FILE,
    TAXONOMY_FILE,
    Catalog,
    Entry,
    Kind,
    Taxonomy,
)
from pmgenome.catalog.people import load_people, people_folder
from pmgenome.catalog.picks import load_picks
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.shapes import load_shapes
from pmgenome.catalog.survey import load_responses, survey_folder
from pmgenome.catalog.taxonomy import load_taxonomy
from pmgenome.catalog.yamlload import Location
from pmgenome.text.paths import display_path


def id_problem(entry_id: str) -> str | None:
    """Why a file name's stem cannot be an entry id, or None."""
    if not ID_PATTERN.fullmatch(entry_id):
        return ("is not a valid id: use lowercase letters, digits and single hyphens, like "
                "'good-pm-bad-pm.yaml'")
    if entry_id in RESERVED_IDS:
        return f"is reserved: the site has a page called '{entry_id}'; choose another name"
    return None


def _load_entry(path: Path, kind: Kind) -> tuple[Entry | None, list[Problem]]:
    shown = display_path(path)
    document, problems = read_yaml(path, shown)
    problem = id_problem(path.stem)
    if problem:
        problems.append(Problem(shown, 1, 1, f"file name '{path.name}' {problem}", "id"))
    if document is None:
        return None, problems
    if not isinstance(document.value, dict):
        where = document.values.get((), Location(1, 1))
        problems.append(Problem(shown, where.line, where.col,
                                "an entry must be a mapping of fields (name: value)", "type"))
        return None, problems
    entry = Entry(path.stem, kind, path, document.value, document.first_line, document)
    return entry, problems



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
    picks, reasons, picks_locations, pick_problems = load_picks(root / PICKS_FILE)
    problems += pick_problems
    files, file_problems = entry_files(root)
    problems += file_problems
    entries: list[Entry] = []
    for path, kind in files:
        entry, entry_problems = _load_entry(path, kind)
        problems += entry_problems
        if entry is not None:
            entries.append(entry)
    entries.sort(key=lambda entry: (list(Kind).index(entry.kind), entry.id))
    shapes, shape_problems = load_shapes(root / SHAPES_FILE, taxonomy)
    problems += shape_problems
    people, people_problems = load_people(people_folder(root), taxonomy)
    problems += people_problems
    responses, response_problems = load_responses(survey_folder(root), taxonomy)
    problems += response_problems
    return Catalog(root, tuple(entries), taxonomy, picks, picks_locations, reasons, shapes, people,
                   responses), problems
