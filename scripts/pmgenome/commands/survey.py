"""`pmgenome survey add`: turn a survey issue's body into survey/responses/<number>.yaml (what
.github/workflows/survey.yml runs before it opens the pull request a maintainer merges)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.survey import response_yaml, survey_folder
from pmgenome.commands.common import Exit, add_catalog_option, catalog_not_found
from pmgenome.commands.output import tell
from pmgenome.plan.surveyform import response_from_issue
from pmgenome.stores.atomic import write_atomic
from pmgenome.text.paths import display_path

HELP = "add a survey response from an issue made with the survey form (the survey workflow runs it)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="add")
    add = sub.add_parser("add", help="write survey/responses/<number>.yaml from the issue's body; never overwrites")
    add.add_argument("--number", type=int, required=True, help="the issue's number: the response's file name")
    add.add_argument("--date", type=dt.date.fromisoformat, required=True, help="the day it was answered, YYYY-MM-DD")
    add.add_argument("--body", type=Path, required=True, help="a file holding the issue's body")
    add_catalog_option(add)


def run(args: argparse.Namespace) -> int:
    if not args.catalog.is_dir():
        tell(f"pmgenome survey: {catalog_not_found(args.catalog)}")
        return Exit.USAGE
    if args.number < 1:
        tell("pmgenome survey: --number must be an issue number (1 or more)")
        return Exit.USAGE
    try:
        body = args.body.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as unreadable:
        tell(f"pmgenome survey: cannot read {display_path(args.body)}: {unreadable}")
        return Exit.USAGE
    catalog, problems = load_catalog(args.catalog)
    if problems:
        tell(f"pmgenome survey: the catalog has problems; run pmgenome validate --catalog {display_path(args.catalog)}")
        return Exit.PROBLEMS
    data, errors = response_from_issue(body, catalog.taxonomy, args.date)
    if data is None:
        for error in errors:
            tell(f"pmgenome survey: issue #{args.number}: {error}")
        return Exit.PROBLEMS
    path = survey_folder(args.catalog) / f"{args.number}.yaml"
    if path.exists() or path.is_symlink():
        tell(f"pmgenome survey: {display_path(path)} already exists; a response is never overwritten")
        return Exit.PROBLEMS
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, response_yaml(data))
    tell(f"pmgenome survey: wrote {display_path(path)}")
    return Exit.OK
