"""`pmgenome schema`: show the entry schema or an output's, or check/sync the entry schema's
vocabulary with taxonomy.yaml."""

from __future__ import annotations

import argparse
import json

from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.model import TAXONOMY_FILE
from pmgenome.catalog.taxonomy import load_taxonomy
from pmgenome.commands.common import Exit, add_catalog_option, catalog_not_found
from pmgenome.commands.output import tell, write_stdout
from pmgenome.text.escape import terminal_line
from pmgenome.text.paths import display_path

HELP = ("print the entry JSON Schema (or the schema of a command's JSON output), or check/sync its vocabulary with "
        "taxonomy.yaml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 when the schema's vocabulary has drifted")
    mode.add_argument("--sync", action="store_true", help="rewrite the schema's vocabulary enums from the taxonomy")
    mode.add_argument("--output", choices=entry_schema.output_schema_names(), metavar="NAME",
                      help="print the JSON Schema of a command's JSON output, or of the link-status file that "
                           f"`links --results` writes: {', '.join(entry_schema.output_schema_names())}")


def run(args: argparse.Namespace) -> int:
    if args.output:
        write_stdout(json.dumps(entry_schema.output_schema(args.output), indent=2, ensure_ascii=False) + "\n")
        return Exit.OK
    if not (args.check or args.sync):
        write_stdout(json.dumps(entry_schema.raw_schema(), indent=2) + "\n")
        return Exit.OK
    if not args.catalog.is_dir():
        tell(f"pmgenome schema: {catalog_not_found(args.catalog)}")
        return Exit.USAGE
    taxonomy, problems = load_taxonomy(args.catalog / TAXONOMY_FILE)
    if problems:
        for problem in problems:
            tell(str(problem))
        return Exit.PROBLEMS
    drifted = entry_schema.drift(taxonomy)
    if args.check:
        lines = [f"{group}: schema lacks {missing or 'nothing'}, schema still has {extra or 'nothing'}"
                 for group, (missing, extra) in drifted.items()]
        write_stdout("".join(terminal_line(line) + "\n" for line in lines))
        tell("schema vocabulary is in step" if not drifted else "schema vocabulary has drifted: "
             "run `pmgenome schema --sync`")
        return Exit.PROBLEMS if drifted else Exit.OK
    if not drifted:
        tell("schema vocabulary already in step; nothing written")
        return Exit.OK
    entry_schema.write_schema(entry_schema.synced_schema(taxonomy))
    tell(f"updated {display_path(entry_schema.SCHEMA_PATH)}: {', '.join(drifted)}")
    return Exit.OK
