"""`pmgenome validate`: check every file of the catalog and report every problem."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmgenome.catalog.problems import FORMATTERS, ProblemFormat
from pmgenome.catalog.staleness import stale_warnings
from pmgenome.catalog.validate import validate_catalog
from pmgenome.commands.common import (
    Exit,
    add_catalog_option,
    catalog_refusal,
    in_github_actions,
)
from pmgenome.commands.output import tell, write_stdout
from pmgenome.site.today import BuildDateError, build_date
from pmgenome.text.paths import display_path

HELP = ("check every entry, the vocabulary and the picks (or report only the named files' problems); "
        "report each problem as PATH:LINE:COL")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE",
        help="report only the problems of these catalog files (the whole catalog is still read: "
        "a duplicate URL is a problem of two files)",
    )
    add_catalog_option(parser)
    parser.add_argument(
        "--format",
        choices=[f.value for f in ProblemFormat],
        default=None,
        help="text (default), json, or github (plain lines plus workflow annotations; "
        "the default when GITHUB_ACTIONS=true)",
    )


def run(args: argparse.Namespace) -> int:
    default = ProblemFormat.GITHUB if in_github_actions() else ProblemFormat.TEXT
    chosen = ProblemFormat(args.format) if args.format else default
    unusable = catalog_refusal(args.catalog, " (pass the folder that holds taxonomy.yaml with --catalog)")
    if unusable is not None:
        tell(f"pmgenome validate: {unusable}")
        return Exit.USAGE
    wanted, refusal = _wanted(args.files, args.catalog)
    if refusal:
        tell(f"pmgenome validate: {refusal}")
        return Exit.USAGE
    try:
        today = build_date()  # SOURCE_DATE_EPOCH, when set, is the day the warnings speak of
    except BuildDateError as error:
        tell(f"pmgenome validate: {error}")
        return Exit.USAGE
    catalog, problems = validate_catalog(args.catalog)
    warnings = stale_warnings(catalog.entries, today)  # warnings only: they never change the exit code
    elsewhere = 0
    if wanted:
        mine = [p for p in problems if Path(p.path).resolve() in wanted]
        elsewhere, problems = len(problems) - len(mine), mine
        warnings = [w for w in warnings if Path(w.path).resolve() in wanted]
    code = Exit.PROBLEMS if problems else Exit.OK
    # The verdict stands even when nobody reads it to the end (`| head`): write_stdout says so.
    write_stdout(FORMATTERS[chosen](problems, warnings))
    if chosen != ProblemFormat.JSON:
        files = len({p.path for p in problems})
        if problems:
            tell(f"{_count(len(problems), 'problem')} in {_count(files, 'file')}")
        elif wanted:
            tell(f"{_count(len(wanted), 'file')} valid")
        else:
            tell(f"catalog is valid: {len(catalog.entries)} entries")
        if warnings:
            tell(f"{_count(len(warnings), 'warning')}: stale events to check (they do not fail validation)")
        if elsewhere:
            tell(f"(the rest of the catalog has {_count(elsewhere, 'problem')}: run without FILE to see them)")
    return code


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _wanted(files: list[Path], catalog: Path) -> tuple[set[Path], str | None]:
    """The named files, resolved, or why one of them cannot be validated."""
    root = catalog.resolve()
    wanted = set()
    for file in files:
        if not file.is_file():
            return set(), f"{display_path(file)}: no such file"
        resolved = file.resolve()
        if not resolved.is_relative_to(root):
            return set(), (f"{display_path(file)} is not in the catalog folder {display_path(catalog)} "
                           "(pass the catalog that holds it with --catalog)")
        wanted.add(resolved)
    return wanted, None
