"""`pmgenome schema`: show, check or sync the entry schema's vocabulary with taxonomy.yaml."""

from __future__ import annotations

import argparse
import json
import sys

from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.files import display_path
from pmgenome.catalog.taxonomy import load_taxonomy
from pmgenome.commands.common import Exit, add_catalog_option

HELP = "print the entry JSON Schema, or check/sync its vocabulary with catalog/taxonomy.yaml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 when the schema's vocabulary has drifted")
    mode.add_argument("--sync", action="store_true", help="rewrite the schema's vocabulary enums from the taxonomy")


def run(args: argparse.Namespace) -> int:
    if not (args.check or args.sync):
        sys.stdout.write(json.dumps(entry_schema.raw_schema(), indent=2) + "\n")
        return Exit.OK
    taxonomy, problems = load_taxonomy(args.catalog / "taxonomy.yaml")
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return Exit.PROBLEMS
    drifted = entry_schema.drift(taxonomy)
    if args.check:
        for group, (missing, extra) in drifted.items():
            print(f"{group}: schema lacks {missing or 'nothing'}, schema still has {extra or 'nothing'}")
        print("schema vocabulary is in step" if not drifted else "schema vocabulary has drifted: "
              "run `pmgenome schema --sync`", file=sys.stderr)
        return Exit.PROBLEMS if drifted else Exit.OK
    if not drifted:
        print("schema vocabulary already in step; nothing written", file=sys.stderr)
        return Exit.OK
    entry_schema.write_schema(entry_schema.synced_schema(taxonomy))
    print(f"updated {display_path(entry_schema.SCHEMA_PATH)}: {', '.join(drifted)}", file=sys.stderr)
    return Exit.OK
