"""A reader's answers: what they are, how they are read from text, and every combination of them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations, product

from pmgenome.catalog.model import Taxonomy
from pmgenome.plan.names import Names, lower_first
from pmgenome.plan.sentences import fill
from pmgenome.text.hints import did_you_mean

MAX_PLACE_LENGTH = 80
ONLINE = "online"
RATINGS = range(4)
RATING_LABELS = ("new to it", "aware", "practised", "could teach it")


class PmLoad(StrEnum):
    """How much of the reader's week the project-management side takes."""

    LIGHT = "light"
    BALANCED = "balanced"
    HEAVY = "heavy"

    @property
    def label(self) -> str:
        return {
            "light": "light: others run delivery",
            "balanced": "balanced: delivery is shared",
            "heavy": "heavy: I run delivery",
        }[self.value]


class Goal(StrEnum):
    BROADEN = "broaden"
    DEEPEN = "deepen"

    @property
    def label(self) -> str:
        return {"broaden": "broaden: widen the top of my T",
                "deepen": "deepen: go deep in my company's flavour"}[self.value]


@dataclass(frozen=True)
class Near:
    """Where the reader wants meetups: online only, a country, or a city (optionally with its country)."""

    online: bool = False
    country: str | None = None
    city: str | None = None

    def __str__(self) -> str:
        if self.online:
            return ONLINE
        if self.city:
            return f"{self.city}, {self.country}" if self.country else self.city
        return self.country or ""


@dataclass(frozen=True)
class Answers:
    stage: str
    background: str
    company: tuple[str, ...]
    pm_load: PmLoad = PmLoad.BALANCED
    goal: Goal = Goal.DEEPEN
    place: Near | None = None
    ratings: tuple[tuple[str, int], ...] = ()  # (skill, 0-3) in taxonomy order; unrated skills are absent
    compare: str | None = None  # "what if I moved to a company of this segment"

    def rating(self, skill: str) -> int | None:
        return dict(self.ratings).get(skill)


def _choices(ids: Sequence[str]) -> str:
    return ", ".join(ids)


_COUNTRY = re.compile(r"^[A-Za-z]{2}\Z")


def parse_place(text: str) -> tuple[Near | None, str | None]:
    """"online", a two-letter country code, "City" or "City, CC"; returns (place, error)."""
    value = " ".join(text.split())
    if not value:
        return None, "near is empty; use 'online', a two-letter country code like GB, or a city"
    if len(value) > MAX_PLACE_LENGTH or any(ord(ch) < 32 for ch in text):
        return None, f"near must be plain text of at most {MAX_PLACE_LENGTH} characters"
    if value.casefold() == ONLINE:
        return Near(online=True), None
    if _COUNTRY.match(value):
        return Near(country=value.upper()), None
    city, _, country = (part.strip() for part in value.rpartition(","))
    if city and _COUNTRY.match(country):
        return Near(city=city, country=country.upper()), None
    return Near(city=value), None


def parse_answers(taxonomy: Taxonomy, *, stage: str, background: str, company: str | Sequence[str],
                  pm_load: str = PmLoad.BALANCED, goal: str = Goal.DEEPEN,
                  place: str | None = None, ratings: str | Mapping[str, object] | None = None,
                  compare: str | None = None) -> tuple[Answers | None, list[str]]:
    """Check raw answers against the vocabulary; returns (answers, []) or (None, every error).

    Ratings may come as "strategy=2,discovery=0" or a mapping; they are kept in taxonomy order.

    Company segments may come as "b2b,technical" or a list; they are put in taxonomy order so
    that the same company always gives the same plan key.
    """
    errors: list[str] = []
    levels, backgrounds, segments = (taxonomy.ids(g) for g in ("levels", "backgrounds", "segments"))
    if stage not in levels:
        errors.append(f"unknown stage '{stage}'; choose one of: {_choices(levels)}")
    if background not in backgrounds:
        errors.append(f"unknown background '{background}'; choose one of: {_choices(backgrounds)}")
    raw = company.split(",") if isinstance(company, str) else list(company)
    wanted = [item.strip() for item in raw if item.strip()]
    unknown = [item for item in wanted if item not in segments]
    if not wanted:
        errors.append(f"company needs at least one segment; choose from: {_choices(segments)}")
    for item in unknown:
        errors.append(f"unknown company segment '{item}'; choose from: {_choices(segments)}")
    if pm_load not in {load.value for load in PmLoad}:
        errors.append(f"unknown pm-load '{pm_load}'; choose one of: {_choices(list(PmLoad))}")
    if goal not in {g.value for g in Goal}:
        errors.append(f"unknown goal '{goal}'; choose one of: {_choices(list(Goal))}")
    parsed_place = None
    if place is not None:
        parsed_place, error = parse_place(place)
        if error:
            errors.append(error)
    rated = parse_ratings(taxonomy, ratings, errors) if ratings is not None else {}
    if compare is not None:
        if compare not in segments:
            errors.append(f"unknown compare segment '{compare}'; choose one of: {_choices(segments)}")
        elif compare in wanted:
            others = [segment for segment in segments if segment not in wanted]
            errors.append(f"compare names a segment your company already has ('{compare}'); "
                          f"choose another: {_choices(others) or 'none is left'}")
    if errors:
        return None, errors
    ordered = tuple(segment for segment in segments if segment in wanted)
    in_order = tuple((skill, rated[skill]) for skill in taxonomy.ids("skills") if skill in rated)
    return Answers(stage, background, ordered, PmLoad(pm_load), Goal(goal), parsed_place, in_order, compare), []


def parse_ratings(taxonomy: Taxonomy, ratings: str | Mapping[str, object], errors: list[str]) -> dict[str, int]:
    """SKILL=N pairs (N from 0 to 3), comma-separated, or a mapping; each problem is added to `errors`."""
    skills = taxonomy.ids("skills")
    pairs: list[tuple[str, object]] = []
    if isinstance(ratings, str):
        for part in (part.strip() for part in ratings.split(",")):
            if not part:
                continue
            skill, equals, number = part.partition("=")
            if not equals:
                errors.append(f"rating '{part}' is not SKILL=N; e.g. strategy=2")
                continue
            pairs.append((skill.strip(), number.strip()))
    else:
        pairs = list(ratings.items())
    rated: dict[str, int] = {}
    for skill, value in pairs:
        if skill not in skills:
            errors.append(f"unknown skill '{skill}' in ratings{did_you_mean(skill, list(skills))}")
        elif skill in rated:
            errors.append(f"skill '{skill}' is rated twice")
        elif str(value) not in {str(level) for level in RATINGS}:
            scale = ", ".join(f"{level} {label}" for level, label in zip(RATINGS, RATING_LABELS, strict=True))
            errors.append(f"rating for '{skill}' must be 0, 1, 2 or 3 ({scale})")
        else:
            rated[skill] = int(str(value))
    return rated


def all_answers(taxonomy: Taxonomy) -> Iterator[Answers]:
    """Every combination of answers (without a place), in a stable order."""
    segments = taxonomy.ids("segments")
    companies = [combo for size in range(1, len(segments) + 1) for combo in combinations(segments, size)]
    for stage, background, company, load, goal in product(
            taxonomy.ids("levels"), taxonomy.ids("backgrounds"), companies, PmLoad, Goal):
        yield Answers(stage, background, company, load, goal)


def describe(answers: Answers, taxonomy: Taxonomy) -> str:
    """One line naming the reader the plan is for, in the vocabulary's words."""
    names = Names(taxonomy)
    return fill("describe", stage=names("levels", answers.stage),
                background=lower_first(names("backgrounds", answers.background)),
                company=names.join("segments", answers.company), load=answers.pm_load.label, goal=answers.goal.value)
