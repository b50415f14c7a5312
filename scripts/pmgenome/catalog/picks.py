"""Reading the curated picks (picks.yaml): their shape; whether they name sensible entries is validate's job."""

from __future__ import annotations

from pathlib import Path

from pmgenome.catalog.files import display_path, read_yaml
from pmgenome.catalog.model import Kind
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Location


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
