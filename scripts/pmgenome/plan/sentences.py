"""Every word the reading plan says, in one place: the "why" lines and notes, the labels, the
Markdown document's and the T's words. `pmgenome path` fills them here; the path/ page's script
(site/assets/plan-rule.js, path.js) receives the same mapping in api/plan-index.json and fills it
the same way, so a change of wording is one edit in this file.

A template names its blanks in braces ("{who}"); `fill` is the only way they are filled, on both
sides: one pass, so a value that holds braces is never read as a blank.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

SENTENCES: Mapping[str, str] = {
    # Who the plan is for.
    "who": "{stage} at a {company} company",
    "describe": "{stage}, from {background}, at a {company} company; project-management side {load}; goal: {goal}",
    # The stage phrase that ends every reason, one per rule.StageFit.
    "stage_any": "fits any stage",
    "stage_exact": "matches your stage ({level})",
    "stage_back": "a stage back ({level})",
    "stage_ahead": "a stage ahead ({level})",
    # Reasons: a lead, then phrases.
    "deepens": "Deepens {segments}: {skills}",
    "deepens_context": "Deepens your {segments} context",
    "closes_gap": "closes your gap in {skill} ({rated}; a {company} company expects {expected})",
    "broadens": "Broadens {skills}",
    "broadens_gap": "Broadens {skill}, your gap ({rated})",
    "rated": "you rated it {rating} of {top}",
    "assumed": "new to you",
    "often_new": "often new to people from {background}",
    "background_match": "written for those moving in from {background}",
    "heavy_load": "delivery is a big part of your week",
    "curated": "a curators' pick",
    "focused": "focused on {segments} product work",
    # A meetup's rhythm, by its cadence (an irregular one says nothing).
    "cadence_weekly": "meets weekly",
    "cadence_monthly": "meets monthly",
    "cadence_quarterly": "meets every three months",
    "cadence_yearly": "held once a year",
    "cadence_ongoing": "an ongoing community you can join any time",
    "online": "Online, so you can join from anywhere",
    "in_person": "In person",
    "in_person_in": "In person in {where}",
    "your_city": "{lead}, your city",
    "your_country": "{lead}, in your country",
    # Notes where the catalog is thin.
    "part_none": "No {part} resource in the catalog fits a {who} yet.",
    "part_short_one": "Only {count} {part} resource in the catalog fits a {who} so far; {wanted} were wanted.",
    "part_short": "Only {count} {part} resources in the catalog fit a {who} so far; {wanted} were wanted.",
    "borrowed": "Few {part} resources are written for your stage yet, so the plan borrows from the "
                "neighbouring stage.",
    "course_fallback": "No course or book that {first}s fits a {who} yet; this one {second}s instead.",
    "no_course": "No course or book in the catalog fits a {who} yet.",
    "no_habit": "No podcast or newsletter in the catalog fits a {who} yet.",
    "untaught": "Nothing in the catalog for a {who} teaches {skill} yet, the {scope} skill you rated lowest; "
                "the plan aims at your next gaps.",
    "no_compare": "No article or talk in the catalog deepens a {company} company's flavour for a {stage} yet.",
    "meetups_elsewhere": "No meetup in {place} is in the catalog yet; these are online.",
    "no_meetup": "No meetup or community in the catalog fits a {who} yet.",
    # The comparison, the document and the T.
    "compare_title": "If you moved to a {segment} company",
    "carries": "Carries over: {carries}. New to you: {new}.",
    "carries_none": "none of your flavour skills",
    "new_none": "nothing",
    "empty_part": "Nothing in the catalog fits yet.",
    "document_title": "Your plan for this month",
    "t_title": "Your T",
    "notes_title": "Notes",
    # The reader's named shape (plan/shapes.py) and its neighbours.
    "shape_title": "Your shape",
    "shape": "Your ratings sit nearest the {shape} shape ({distance} away), from {model} by {author}.",
    "towards": "To move towards {shape} ({distance} away), grow these skills: {skills}.",
    "shape_picture": "The {shape} T",
    "shape_picture_description": "Each cell filled to the level the shape expects, a third per level.",
    "survey_picture": "The average T of {flavour} companies",
    "survey_picture_description": "Each cell filled to the average rating, rounded to a level; a dashed line at the "
                                  "level the flavour expects.",
    "towards_none": "To move towards {shape} ({distance} away): nothing you rated is below what it expects.",
    "picture_title": "Your T: {who}",
    "picture_description": "Cells filled by your rating (a third per level), a dashed line at the level the "
                           "company expects, + where the plan grows a skill.",
    # The plan over weeks (plan/schedule.py); lengths as catalog/usetime.length_text writes them.
    "weeks_title": "Your weeks",
    "weeks_budget": "{length} a week",
    "weeks_from": "{length} a week, from {start}",
    "weeks_untimed_only": "; nothing in the plan states its time yet",
    "week": "Week {number}: {length}",
    "week_from": "Week {number} ({start}): {length}",
    "session": "{title} ({length})",
    "session_part": "{title} ({length}, session {part} of {parts})",
    "weeks_later": "After these {weeks} weeks: {titles}",
    "weeks_untimed": "No time stated yet, read when you can: {titles}",
    "session_summary": "{title} (session {part} of {parts})",
}

# How names are listed: "B2B and Technical", "A, B and C"; skill names hold "and" themselves
# ("Strategy and vision"), so skills are listed with "plus".
LISTS: Mapping[str, str] = {"and": " and ", "comma": ", ", "plus": ", plus "}

# The noun of a reading part in its notes ("No deepening resource ...").
PART_NOUNS: Mapping[str, str] = {"deepen": "deepening", "broaden": "broadening"}

# How each `access` reads: as a detail of a course or book, and (ACCESS_PHRASES) as a phrase of any
# other item's reason, where it explains a lower place (rule.ACCESS_BARRIER).
ACCESS_LABELS: Mapping[str, str] = {"free": "free", "signup": "free with a sign-up", "freemium": "freemium",
                                    "paywalled": "behind a paywall", "paid": "paid"}
ACCESS_PHRASES = ("signup", "paywalled", "paid")

# The T as a table, in the document and on the page: its columns and its cells' words.
T_COLUMNS = ("Skill", "Part of the T", "Your rating (0-3)", "Expected", "Grown by the plan")
T_PARTS: Mapping[str, str] = {"general": "bar", "flavour": "stem"}
GROWN = "yes"
NONE = "–"  # an unrated skill, a skill the company does not expect in particular, a skill not grown

_BLANK = re.compile(r"\{(\w+)\}")


def fill(name: str, **values: object) -> str:
    """The sentence `name` with its blanks filled; a blank without a value is a KeyError (a bug)."""
    return _BLANK.sub(lambda match: str(values[match[1]]), SENTENCES[name])


def words() -> dict[str, Any]:
    """Everything above as plain JSON-ready data, for the page's script."""
    return {"sentences": dict(SENTENCES), "lists": dict(LISTS), "part_nouns": dict(PART_NOUNS),
            "access": dict(ACCESS_LABELS), "access_phrases": list(ACCESS_PHRASES), "t_columns": list(T_COLUMNS),
            "t_parts": dict(T_PARTS), "grown": GROWN, "none": NONE}
