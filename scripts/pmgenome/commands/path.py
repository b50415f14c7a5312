"""`pmgenome path`: print a reader's T-shaped plan, the same one the site's path/ page shows."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from enum import StrEnum

from pmgenome.catalog.load import load_catalog
from pmgenome.commands.common import Exit, add_catalog_option, catalog_not_found
from pmgenome.commands.output import tell, write_stdout
from pmgenome.commands.pathprograms import plan_programs, programs_as_dict, programs_markdown, programs_text
from pmgenome.plan.answers import Goal, PmLoad, describe, parse_answers
from pmgenome.plan.calendar import Slot, parse_slot, schedule_ics
from pmgenome.plan.document import plan_markdown, schedule_markdown, towards
from pmgenome.plan.model import (
    CONTRIBUTE_HINT,
    PART_TITLES,
    Plan,
    PlanItem,
    compare_title,
    plan_as_dict,
)
from pmgenome.plan.picture import t_svg
from pmgenome.plan.planner import make_plan
from pmgenome.plan.schedule import (
    Budget,
    make_schedule,
    parse_budget,
    plan_minutes,
    schedule_as_dict,
    schedule_text,
)
from pmgenome.plan.sentences import SENTENCES, fill
from pmgenome.site.today import build_date
from pmgenome.text.escape import json_text, terminal
from pmgenome.text.paths import display_path

HELP = "print a T-shaped reading plan for a reader's stage, background, company, goal and self-ratings"


class PlanFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    SVG = "svg"
    ICS = "ics"


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
    parser.add_argument("--ratings", metavar="SKILL=N[,SKILL=N...]", default=None,
                        help="how you rate yourself on skills, 0 new to it, 1 aware, 2 practised, 3 could teach it "
                        "(e.g. discovery=0,strategy=2); the plan aims at the lowest")
    parser.add_argument("--compare", metavar="SEGMENT", default=None,
                        help="what if you moved to a company of this segment: what carries over, what is new")
    parser.add_argument("--hours-per-week", metavar="H", default=None,
                        help="lay the plan out week by week within H hours a week (e.g. 3 or 1.5)")
    parser.add_argument("--weeks", metavar="W", default=None,
                        help="with --hours-per-week: only the first W weeks (1 to 52); the rest is listed after")
    parser.add_argument("--start", metavar="YYYY-MM-DD", default=None,
                        help="with --hours-per-week: the first week's day (default: the next Monday, or today "
                        "when it is one)")
    parser.add_argument("--slot", metavar="DAY HH:MM", default=None,
                        help="with --format ics: when you read, a weekday and a time (default: monday 08:00); "
                        "a week's sessions start then, one a day")
    parser.add_argument("--format", choices=list(PlanFormat), default=None,
                        help="text (default), json (with the profile: each skill's rating, expected level and "
                        "the plan items that grow it), markdown (a checklist), svg (the picture of your T) or ics (the "
                        "weeks' sessions as a calendar; needs --hours-per-week)")
    parser.add_argument("--json", action="store_true", help="the same as --format json")
    add_catalog_option(parser)


def run(args: argparse.Namespace) -> int:
    if args.json and args.format not in (None, PlanFormat.JSON):
        print(f"pmgenome path: --json and --format {args.format} disagree; give one of them", file=sys.stderr)
        return Exit.USAGE
    output = PlanFormat.JSON if args.json else PlanFormat(args.format or PlanFormat.TEXT)
    if not args.catalog.is_dir():
        print(f"pmgenome path: {catalog_not_found(args.catalog)}", file=sys.stderr)
        return Exit.USAGE
    catalog, problems = load_catalog(args.catalog)
    if problems:
        for problem in problems:
            tell(str(problem))  # a file name may hold control characters
        print(f"pmgenome path: the catalog has {len(problems)} problem{'s' if len(problems) != 1 else ''}; "
              f"fix {'them' if len(problems) != 1 else 'it'} first "
              f"(pmgenome validate --catalog {display_path(args.catalog)})", file=sys.stderr)
        return Exit.PROBLEMS
    answers, errors = parse_answers(catalog.taxonomy, stage=args.stage, background=args.background,
                                    company=args.company, pm_load=args.pm_load, goal=args.goal,
                                    place=args.near, ratings=args.ratings, compare=args.compare)
    if answers is None:
        for error in errors:
            tell(f"pmgenome path: {error}")
        return Exit.USAGE
    budget = None
    if args.hours_per_week is not None:
        budget, errors = parse_budget(args.hours_per_week, args.weeks, args.start)
        if budget is None:
            for error in errors:
                tell(f"pmgenome path: {error}")
            return Exit.USAGE
    elif args.weeks is not None or args.start is not None or output == PlanFormat.ICS:
        print("pmgenome path: --weeks, --start and --format ics lay out a schedule; give --hours-per-week too",
              file=sys.stderr)
        return Exit.USAGE
    slot = Slot()
    if args.slot is not None:
        parsed, slot_error = parse_slot(args.slot)
        if parsed is None:
            tell(f"pmgenome path: {slot_error}")
            return Exit.USAGE
        slot = parsed
    plan = make_plan(catalog, answers)
    schedule = None
    if budget is not None:
        if budget.start is None:
            budget = Budget(budget.minutes_per_week, budget.weeks, next_monday(build_date()))
        schedule = make_schedule(plan, plan_minutes(catalog, plan), budget)
    who = describe(answers, catalog.taxonomy)
    today = build_date()
    programs = plan_programs(catalog, answers, today)
    # Entries' text reaches the terminal escaped; a reader that goes away does not change the exit code.
    if output == PlanFormat.JSON:
        data = plan_as_dict(plan)
        data["programs"] = programs_as_dict(programs, today)
        if schedule is not None:
            data["schedule"] = schedule_as_dict(schedule)
        write_stdout(json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
    elif output == PlanFormat.MARKDOWN:
        write_stdout(terminal(plan_markdown(plan, who) + programs_markdown(programs)
                              + (schedule_markdown(schedule) if schedule else "")))
    elif output == PlanFormat.ICS and schedule is not None:
        items = {found.id: found for _, part in plan.parts for found in part}
        write_stdout(schedule_ics(schedule, items, today, slot).decode("utf-8"))
    elif output == PlanFormat.SVG:
        write_stdout(terminal(t_svg(plan.profile, fill("picture_title", who=who))) + "\n")
    else:
        write_stdout(terminal(format_text(plan, who) + programs_text(programs)
                              + (schedule_text(schedule) if schedule else "")))
    return Exit.OK


def next_monday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=-day.weekday() % 7)


def _level(value: int | None) -> str:
    return "-" if value is None else str(value)


def format_text(plan: Plan, who: str) -> str:
    """The plan as plain text: each part in reading order, every item with its reason; the T
    when the reader rated themselves or compares."""
    lines = [f"Your path: {who}"]
    answers = plan.answers
    if answers.ratings or answers.compare:
        lines += ["", "Your T (rating / expected; + the plan grows it)"]
        width = max(len(row.name) for row in plan.profile)
        for row in plan.profile:
            part = "bar " if row.scope == "general" else "stem"
            grown = " +" if row.grown_by else ""
            lines.append(f"  {part}  {row.name:<{width}}  {_level(row.rating)} / {row.expected or '-'}{grown}")
    shape = plan.shape
    if shape is not None:
        lines += ["", SENTENCES["shape_title"],
                  "  " + fill("shape", shape=shape.name, distance=shape.distance, model=shape.model,
                              author=shape.author),
                  f"     {shape.url}"]
        for neighbour in plan.neighbours:
            lines.append("  " + towards(neighbour))
            for number, item in enumerate(neighbour.items, 1):
                lines += [f"    {number}. {item.title}", f"       {item.url}", f"       Why: {item.reason}"]
                lines += [f"       - {outcome}" for outcome in item.outcomes]
    for name, items in plan.parts:
        title = PART_TITLES[name]
        if name == "meetups" and answers.place is not None:
            title += f" (near: {answers.place})"
        lines += _part(title, items)
    comparison = plan.comparison
    if comparison is not None:
        lines += _part(compare_title(comparison.name), comparison.items)
        lines.append(f"  Carries over: {', '.join(row.name for row in comparison.carries) or 'none'}")
        lines.append(f"  New to you: {', '.join(row.name for row in comparison.new) or 'nothing'}")
    notes = list(plan.notes) + list(comparison.notes if comparison else ())
    if notes:
        lines += ["", "Notes"]
        lines += [f"  - {note}" for note in notes]
        lines.append(f"  {CONTRIBUTE_HINT}")
    return "\n".join(lines) + "\n"


def _part(title: str, items: tuple[PlanItem, ...]) -> list[str]:
    lines = ["", title]
    if not items:
        lines.append("  (nothing in the catalog yet)")
    for number, item in enumerate(items, 1):
        lines += [f"  {number}. {item.title}", f"     {item.url}", f"     Why: {item.reason}"]
        lines += [f"     - {outcome}" for outcome in item.outcomes]
    return lines
