"""Reading the curated picks (picks.yaml): their shape; whether they name sensible entries is validate's job.

Each pick is a mapping: `id` (the entry) and `why` (one line a reader sees beside it):

    b2b:
      article:
        - id: svpg-product-vs-feature-teams
          why: The clearest statement of empowered product teams ...
"""

from __future__ import annotations

from pathlib import Path

from pmgenome.catalog.files import read_yaml
from pmgenome.catalog.fileschema import FileError, Said, schema_problems
from pmgenome.catalog.model import Kind
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Location, Path_
from pmgenome.text.paths import display_path

Reasons = dict[tuple[str, Kind, str], str]
SCHEMA = "picks"
RULE = "picks"
PICK_SHAPE = "each pick is a mapping with 'id' (an entry id) and 'why' (one line on why it is here)"


def load_picks(path: Path) -> tuple[dict[str, dict[Kind, tuple[str, ...]]], Reasons, dict[Path_, Location],
                                    list[Problem]]:
    """The picks' ids by segment and kind, their reasons by (segment, kind, id), where each part
    was written, and the problems of shape (schema/picks.schema.json)."""
    shown = display_path(path)
    reasons: Reasons = {}
    if not path.is_symlink() and not path.exists():  # a link is refused by read_yaml, dangling or not
        return {}, reasons, {}, []
    document, problems = read_yaml(path)
    if document is None:
        return {}, reasons, {}, problems
    problems += schema_problems(document, SCHEMA, _explain, shown, RULE)
    data = document.value
    locations = {**document.values, **document.keys}  # a segment or kind is named by its key
    if not isinstance(data, dict):
        return {}, reasons, locations, problems
    picks: dict[str, dict[Kind, tuple[str, ...]]] = {}
    for segment, kinds in data.items():
        if not isinstance(kinds, dict):
            continue
        picks[segment] = {}
        for kind_name, items in kinds.items():
            if kind_name not in list(Kind) or not isinstance(items or (), tuple):
                continue
            items = items or ()
            if not all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in items):
                continue  # reported; checking the rest by position would point at the wrong lines
            kind = Kind(kind_name)
            picks[segment][kind] = tuple(item["id"] for item in items)
            for item in items:
                if isinstance(item.get("why"), str):
                    reasons[segment, kind, item["id"]] = item["why"]
    return picks, reasons, locations, sorted(problems, key=lambda problem: (problem.line, problem.col))


def _explain(found: FileError) -> Said | None:
    """A schema error in the picks' words."""
    path, keyword = found.path, found.keyword
    if not path:
        return [(Location(1, 1), "picks must map segment -> kind -> list of picks")]
    segment = path[0]
    if len(path) == 1:
        if "propertyNames" in found.error.schema_path:
            kind = found.value
            return [(found.key_at(segment, kind), f"unknown kind '{kind}'; use one of {', '.join(Kind)}")]
        return [(found.key_at(segment), f"picks for '{segment}' must map a kind ({', '.join(Kind)}) to a list of "
                                        "picks")]
    if len(path) == 2:
        return [(found.key_at(*path), f"picks must be a list: {PICK_SHAPE}")]
    if len(path) == 3 and keyword == "additionalProperties":
        return [(found.key_at(*path, key), f"unknown field '{key}' in a pick; {PICK_SHAPE}")
                for key in found.unexpected()]
    return [(found.at(*path[:3]), PICK_SHAPE)]
