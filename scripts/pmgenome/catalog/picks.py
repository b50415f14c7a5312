"""Reading the curated picks (picks.yaml): their shape; whether they name sensible entries is validate's job.

Each pick is a mapping: `id` (the entry) and `why` (one line a reader sees beside it):

    b2b:
      article:
        - id: svpg-product-vs-feature-teams
          why: The clearest statement of empowered product teams ...
"""

from __future__ import annotations

from pathlib import Path

from pmgenome.catalog.files import display_path, read_yaml
from pmgenome.catalog.model import Kind
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Location, Path_

Reasons = dict[tuple[str, Kind, str], str]
PICK_SHAPE = "each pick is a mapping with 'id' (an entry id) and 'why' (one line on why it is here)"


def load_picks(path: Path) -> tuple[dict[str, dict[Kind, tuple[str, ...]]], Reasons, dict[Path_, Location],
                                    list[Problem]]:
    """The picks' ids by segment and kind, their reasons by (segment, kind, id), where each part
    was written, and the problems of shape."""
    shown = display_path(path)
    reasons: Reasons = {}
    if not path.is_symlink() and not path.exists():  # a link is refused by read_yaml, dangling or not
        return {}, reasons, {}, []
    document, problems = read_yaml(path)
    if document is None:
        return {}, reasons, {}, problems
    data = document.value
    locations = {**document.values, **document.keys}  # a segment or kind is named by its key
    if not isinstance(data, dict):
        return {}, reasons, locations, problems + [
            Problem(shown, 1, 1, "picks must map segment -> kind -> list of picks", "picks")]
    picks: dict[str, dict[Kind, tuple[str, ...]]] = {}
    for segment, kinds in data.items():
        if not isinstance(kinds, dict):
            where = locations.get((segment,), Location(1, 1))
            problems.append(Problem(shown, where.line, where.col,
                                    f"picks for '{segment}' must map a kind ({', '.join(Kind)}) to a list of picks",
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
            if not isinstance(ids, tuple):
                problems.append(Problem(shown, where.line, where.col, f"picks must be a list: {PICK_SHAPE}", "picks"))
                continue
            malformed = False
            for index, item in enumerate(ids):
                at = locations.get((segment, kind_name, index), where)
                if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                    problems.append(Problem(shown, at.line, at.col, PICK_SHAPE, "picks"))
                    malformed = True
                    continue
                for key in item:
                    if key not in ("id", "why"):
                        key_at = document.keys.get((segment, kind_name, index, key), at)
                        problems.append(Problem(shown, key_at.line, key_at.col,
                                                f"unknown field '{key}' in a pick; {PICK_SHAPE}", "picks"))
            if malformed:
                continue  # reported; checking the rest by position would point at the wrong lines
            picks[segment][kind] = tuple(item["id"] for item in ids)
            for item in ids:
                if isinstance(item.get("why"), str):
                    reasons[segment, kind, item["id"]] = item["why"]
    return picks, reasons, locations, problems
