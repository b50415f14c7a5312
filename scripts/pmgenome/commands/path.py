"""`pmgenome path`: print a reader's T-shaped plan, the same one the site's path/ page shows."""

from __future__ import annotations

import argparse
import json
import sys

from pmgenome.catalog.files import display_path
from pmgenome.catalog.load import load_catalog
from pmgenome.commands.common import add_catalog_option
from pmgenome.plan.answers import Goal, PmLoad, describe, parse_answers
from pmgenome.plan.engine import make_plan
from pmgenome.plan.model import CONTRIBUTE_HINT, PART_TITLES, Plan, plan_as_dict

HELP = "print a T-shaped reading plan for a reader's stage, background, company and goal"

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--stage", required=True, help="career stage: a level id from taxonomy.yaml (e.g. new)")
    parser.add_argument("--background", required=True,
                        help="where the reader comes from: a background id from taxonomy.yaml (e.g. engineering)")
    parser.add_argument("--company", required=True, metavar="SEGMENT[,SEGMENT...]",
                        help="how the company does product: one or more segment ids, comma-separated "
                        "(e.g. b2b,technical)")
    parser.add_argument("--goal", required=True, metavar="|".join(Goal),
                        help="broaden (widen the top of the T) or deepen (the company's flavour)")
    parser.add_argument("--pm-load", default=PmLoad.BALANCED.value, metavar="|".join(PmLoad),
                        help="how heavy the project-management side of the job is (default: balanced)")
    parser.add_argument("--near", metavar="PLACE", default=None,
                        help="where to look for meetups: online, a country code (GB) or a city (London, GB)")
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")
    add_catalog_option(parser)


def run(args: argparse.Namespace) -> int:
    if not args.catalog.is_dir():
        print(f"pmgenome path: catalog folder not found: {display_path(args.catalog)}", file=sys.stderr)
        return EXIT_USAGE
    catalog, problems = load_catalog(args.catalog)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"pmgenome path: the catalog has {len(problems)} problem{'s' if len(problems) != 1 else ''}; "
              f"fix {'them' if len(problems) != 1 else 'it'} first "
              f"(pmgenome validate --catalog {display_path(args.catalog)})", file=sys.stderr)
        return EXIT_PROBLEMS
    answers, errors = parse_answers(catalog.taxonomy, stage=args.stage, background=args.background,
                                    company=args.company, pm_load=args.pm_load, goal=args.goal,
                                    place=args.near)
    if answers is None:
        for error in errors:
            print(f"pmgenome path: {error}", file=sys.stderr)
        return EXIT_USAGE
    plan = make_plan(catalog, answers)
    if args.json:
        sys.stdout.write(json.dumps(plan_as_dict(plan), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_text(plan, describe(answers, catalog.taxonomy)))
    return 0


def format_text(plan: Plan, who: str) -> str:
    """The plan as plain text: each part in reading order, every item with its reason."""
    lines = [f"Your path: {who}"]
    for name, items in plan.parts:
        title = PART_TITLES[name]
        if name == "meetups" and plan.answers.place is not None:
            title += f" (near: {plan.answers.place})"
        lines += ["", title]
        if not items:
            lines.append("  (nothing in the catalog yet)")
        for number, item in enumerate(items, 1):
            lines += [f"  {number}. {item.title}", f"     {item.url}", f"     Why: {item.reason}"]
    if plan.notes:
        lines += ["", "Notes"]
        lines += [f"  - {note}" for note in plan.notes]
        lines.append(f"  {CONTRIBUTE_HINT}")
    return "\n".join(lines) + "\n"
