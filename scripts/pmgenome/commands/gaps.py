"""`pmgenome gaps`: the facts readers use that some entries still lack, and which entries, so a
curator knows what to complete next (the facts and their goals: catalog/gaps.py)."""

from __future__ import annotations

import argparse
import json
from enum import StrEnum
from typing import Any

from pmgenome.catalog.gaps import FACT_NAMES, FACTS, Coverage, coverage
from pmgenome.catalog.validate import validate_catalog
from pmgenome.commands.common import Exit, add_catalog_option, catalog_refusal
from pmgenome.commands.output import tell, write_stdout
from pmgenome.text.escape import json_text, terminal_line
from pmgenome.text.paths import display_path

HELP = "list the entries that lack a fact readers use (time, date, publisher, ISBN, feed, outcomes)"


class GapsFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fact", action="append", choices=FACT_NAMES, default=None,
                        help="only this fact (repeat for several; default: every fact)")
    parser.add_argument("--format", choices=list(GapsFormat), default=GapsFormat.TEXT,
                        help="text (default): a list per fact; json: the same for tools")
    add_catalog_option(parser)


def run(args: argparse.Namespace) -> int:
    if (refusal := catalog_refusal(args.catalog)) is not None:
        tell(f"pmgenome gaps: {refusal}")
        return Exit.USAGE
    catalog, problems = validate_catalog(args.catalog)
    if problems:
        # An entry with a problem may be read only in part: its gaps would be guesses.
        tell(f"pmgenome gaps: the catalog has {len(problems)} problem{'s' if len(problems) != 1 else ''}; "
             "fix what `pmgenome validate` reports first")
        return Exit.PROBLEMS
    wanted = [fact for fact in FACTS if not args.fact or fact.name in args.fact]
    found = [coverage(catalog, fact) for fact in wanted]
    if args.format == GapsFormat.JSON:
        write_stdout(json_text(json.dumps({"facts": [_record(item) for item in found]}, indent=2,
                                          ensure_ascii=False)) + "\n")
        return Exit.OK
    write_stdout("".join(_text(item) for item in found))
    short = [item.fact.name for item in found if item.short_of_goal]
    tell(f"short of the goal: {', '.join(short)}" if short else "every fact is at its goal")
    return Exit.OK


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def headline(item: Coverage) -> str:
    """"time: 350 of 443 entries used in a sitting give their time (79%); goal 95%, 71 more"."""
    line = f"{item.fact.name}: {item.having} of {item.of} {item.fact.said} ({_percent(item.share)})"
    if item.short_of_goal:
        return f"{line}; goal {_percent(item.fact.goal)}, {item.short_of_goal} more"
    return f"{line}; goal {_percent(item.fact.goal)} met"


def _text(item: Coverage) -> str:
    lines = [headline(item)]
    if item.lacking:
        lines.append(f"  to add one: {item.fact.how}")
        lines += [f"  {display_path(entry.path)} ({entry.kind.value}) {entry.url}" for entry in item.lacking]
    return "".join(terminal_line(line) + "\n" for line in lines)


def _record(item: Coverage) -> dict[str, Any]:
    return {"fact": item.fact.name, "kinds": [kind.value for kind in item.fact.kinds], "having": item.having,
            "of": item.of, "share": round(item.share, 4), "goal": item.fact.goal,
            "short_of_goal": item.short_of_goal, "how": item.fact.how,
            "lacking": [{"id": entry.id, "kind": entry.kind.value, "path": display_path(entry.path),
                         "url": entry.url} for entry in item.lacking]}
