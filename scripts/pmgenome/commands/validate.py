"""`pmgenome validate`: check every file of the catalog and report every problem."""

from __future__ import annotations

import argparse

from pmgenome.catalog.files import display_path
from pmgenome.catalog.problems import FORMATTERS, ProblemFormat
from pmgenome.catalog.validate import validate_catalog
from pmgenome.commands.common import Exit, add_catalog_option, in_github_actions, inside_catalog
from pmgenome.commands.output import tell, write_stdout

HELP = "check every entry, the vocabulary and the picks; report each problem as PATH:LINE:COL"


def add_arguments(parser: argparse.ArgumentParser) -> None:
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
    if not args.catalog.is_dir():
        tell(f"pmgenome validate: catalog folder not found: {display_path(args.catalog)} "
             "(pass the folder that holds taxonomy.yaml with --catalog)")
        return Exit.USAGE
    if (inside := inside_catalog(args.catalog)) is not None:
        tell(f"pmgenome validate: {inside}")
        return Exit.USAGE
    catalog, problems = validate_catalog(args.catalog)
    code = Exit.PROBLEMS if problems else Exit.OK
    # The verdict stands even when nobody reads it to the end (`| head`): write_stdout says so.
    write_stdout(FORMATTERS[chosen](problems))
    if chosen != ProblemFormat.JSON:
        files = len({p.path for p in problems})
        if problems:
            tell(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} "
                 f"file{'s' if files != 1 else ''}")
        else:
            tell(f"catalog is valid: {len(catalog.entries)} entries")
    return code
