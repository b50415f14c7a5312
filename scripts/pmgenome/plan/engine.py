"""Find your path: the rule that turns a reader's four answers into a T-shaped plan.

A product manager's next step depends on where they are (stage), where they come from
(background), how their company does product (segments, and how heavy the project-management
side is) and what they want now (broaden or deepen). General skills widen the top of the T;
the flavour skills of their company's segments deepen its stem.

The plan has four parts, filled in this order so the part the reader asked for gets first pick:

1. **Deepen** (articles): the entry is written for one of the company's segments. Each flavour
   skill it teaches that belongs to one of those segments adds FLAVOUR_SKILL; each company
   segment it covers adds SEGMENT_MATCH. An entry of the segments without such a skill still
   qualifies, lower down.
2. **Broaden** (articles): the entry teaches at least one general skill. Covering a skill that
   people from the reader's background usually lack (that background's `gaps` in taxonomy.yaml)
   adds BACKGROUND_GAP; being written with one of the company's segments in mind adds SEGMENT_CONTEXT.
   With goal "deepen" the deepen part comes first and takes DEEP_FIRST_COUNTS; with "broaden",
   broaden comes first (BROAD_FIRST_COUNTS). An entry appears in one part only.
3. **One course**, scored like the part the goal puts first; if no course qualifies there, like
   the other part (and the plan says so).
4. **Meetups and communities**: any meetup may qualify; each company segment it covers adds
   SEGMENT_MATCH, and the place adds PLACE_CITY / PLACE_COUNTRY / PLACE_ONLINE. When the reader
   names a place, in-person meetups elsewhere are left out; "online" keeps only online ones.
   Meetups depend on stage, segments and place only: background, goal and project-management
   load do not change which community suits someone.

Every candidate also scores its fit to the stage: LEVEL_EXACT when it lists the reader's level,
LEVEL_ANY when it lists none, LEVEL_NEIGHBOUR when it lists only the level next to it (levels are
ordered as in taxonomy.yaml); anything further away is left out. BACKGROUND_MATCH is added when
it lists the reader's background; CURATED_PICK when picks.yaml names it for one of the company's
segments; PM_LOAD_WEIGHT[load] when it teaches the project-management skill (PM_SKILL): a
reader whose delivery load is heavy needs it now, one whose load is light can leave it for later.

Parts are filled greedily: the best score wins, then the next, where a candidate that adds no
skill or segment the part has not already got loses REPEAT_PENALTY (so a part spans the T
instead of repeating one skill). Equal scores go to the smaller id, so the same catalog and
answers always give the same plan. When a part has fewer items than wanted, or leans on the
neighbouring stage, the plan's notes say so; a reader can then add what is missing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import combinations, product

from pmgenome.catalog.model import GROUPS, Catalog, Entry, Kind, Taxonomy

# --- the weights: tune here -----------------------------------------------------------------
LEVEL_EXACT = 4
LEVEL_ANY = 2
LEVEL_NEIGHBOUR = 1
BACKGROUND_MATCH = 3
BACKGROUND_GAP = 2
FLAVOUR_SKILL = 3
SEGMENT_MATCH = 2
SEGMENT_CONTEXT = 1
CURATED_PICK = 1
REPEAT_PENALTY = 2
PLACE_CITY = 6
PLACE_COUNTRY = 4
PLACE_ONLINE = 3

# The skill that is "the project-management side of the job" in taxonomy.yaml.
PM_SKILL = "execution"

# (deepen, broaden) item counts by goal; the course and meetups are counted on their own.
DEEP_FIRST_COUNTS = (3, 2)
BROAD_FIRST_COUNTS = (2, 3)
MEETUP_COUNT = 2

CONTRIBUTE_HINT = "Know a resource that fits? CONTRIBUTING.md explains how to add it."
MAX_PLACE_LENGTH = 80


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


PM_LOAD_WEIGHT: Mapping[PmLoad, int] = {PmLoad.LIGHT: -2, PmLoad.BALANCED: 0, PmLoad.HEAVY: 2}


class Goal(StrEnum):
    BROADEN = "broaden"
    DEEPEN = "deepen"

    @property
    def label(self) -> str:
        return {"broaden": "broaden: widen the top of my T",
                "deepen": "deepen: go deep in my company's flavour"}[self.value]


ONLINE = "online"


@dataclass(frozen=True)
class Place:
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
    place: Place | None = None

    @property
    def key(self) -> str:
        """The plan's key in the site's precomputed plans (the place is looked up apart)."""
        return plan_key(self.stage, self.background, self.company, self.pm_load, self.goal)


@dataclass(frozen=True)
class PlanItem:
    id: str
    kind: str
    title: str
    url: str
    reason: str
    score: int


PART_TITLES: Mapping[str, str] = {
    "deepen": "Deepen your company's flavour",
    "broaden": "Broaden the top of your T",
    "course": "One course",
    "meetups": "Meetups and communities",
}


@dataclass(frozen=True)
class Plan:
    answers: Answers
    deepen: tuple[PlanItem, ...]
    broaden: tuple[PlanItem, ...]
    course: PlanItem | None
    meetups: tuple[PlanItem, ...]
    part_notes: tuple[str, ...] = ()  # about the deepen, broaden and course parts
    meetup_notes: tuple[str, ...] = ()

    @property
    def notes(self) -> tuple[str, ...]:
        """Where the catalog could not fill the plan as wanted, in reading order."""
        return self.part_notes + self.meetup_notes

    @property
    def parts(self) -> tuple[tuple[str, tuple[PlanItem, ...]], ...]:
        """(part name, items) in reading order: the part the goal asks for comes first."""
        course = (self.course,) if self.course else ()
        first, second = ("deepen", "broaden") if self.answers.goal == Goal.DEEPEN else ("broaden", "deepen")
        return ((first, getattr(self, first)), (second, getattr(self, second)),
                ("course", course), ("meetups", self.meetups))

    @property
    def thin(self) -> bool:
        """True when the catalog could not fill the plan as wanted (the notes say where)."""
        return bool(self.notes)


@dataclass(frozen=True)
class MeetupPick:
    items: tuple[PlanItem, ...]
    notes: tuple[str, ...]


def plan_key(stage: str, background: str, company: Sequence[str], pm_load: str, goal: str) -> str:
    return "|".join((stage, background, "+".join(company), str(pm_load), str(goal)))


def meetup_key(stage: str, company: Sequence[str], place: Place | None) -> str:
    return "|".join((stage, "+".join(company), str(place) if place else ""))


# --- reading the answers ------------------------------------------------------------------------

def _choices(ids: Iterable[str]) -> str:
    return ", ".join(ids)


_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def parse_place(text: str) -> tuple[Place | None, str | None]:
    """"online", a two-letter country code, "City" or "City, CC"; returns (place, error)."""
    value = " ".join(text.split())
    if not value:
        return None, "near is empty; use 'online', a two-letter country code like GB, or a city"
    if len(value) > MAX_PLACE_LENGTH or any(ord(ch) < 32 for ch in text):
        return None, f"near must be plain text of at most {MAX_PLACE_LENGTH} characters"
    if value.casefold() == ONLINE:
        return Place(online=True), None
    if _COUNTRY.match(value):
        return Place(country=value.upper()), None
    city, _, country = (part.strip() for part in value.rpartition(","))
    if city and _COUNTRY.match(country):
        return Place(city=city, country=country.upper()), None
    return Place(city=value), None


def parse_answers(taxonomy: Taxonomy, *, stage: str, background: str, company: str | Sequence[str],
                  pm_load: str = PmLoad.BALANCED, goal: str = Goal.DEEPEN,
                  place: str | None = None) -> tuple[Answers | None, list[str]]:
    """Check raw answers against the vocabulary; returns (answers, []) or (None, every error).

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
        errors.append(f"unknown pm-load '{pm_load}'; choose one of: {_choices(PmLoad)}")
    if goal not in {g.value for g in Goal}:
        errors.append(f"unknown goal '{goal}'; choose one of: {_choices(Goal)}")
    parsed_place = None
    if place is not None:
        parsed_place, error = parse_place(place)
        if error:
            errors.append(error)
    if errors:
        return None, errors
    ordered = tuple(segment for segment in segments if segment in wanted)
    return Answers(stage, background, ordered, PmLoad(pm_load), Goal(goal), parsed_place), []


def all_answers(taxonomy: Taxonomy) -> Iterator[Answers]:
    """Every combination of answers (without a place), in a stable order."""
    segments = taxonomy.ids("segments")
    companies = [combo for size in range(1, len(segments) + 1) for combo in combinations(segments, size)]
    for stage, background, company, load, goal in product(
            taxonomy.ids("levels"), taxonomy.ids("backgrounds"), companies, PmLoad, Goal):
        yield Answers(stage, background, company, load, goal)


def describe(answers: Answers, taxonomy: Taxonomy) -> str:
    """One line naming the reader the plan is for, in the vocabulary's words."""
    names = _Names(taxonomy)
    stage = names("levels", answers.stage)
    background = names("backgrounds", answers.background)
    company = names.join("segments", answers.company)
    return (f"{stage}, from {_lower_first(background)}, at a {company} company; "
            f"project-management side {answers.pm_load.label}; goal: {answers.goal.value}")


# --- scoring ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Features:
    """What the rule reads from one entry, read once per catalog."""

    entry: Entry
    levels: frozenset[int]  # positions of its levels in taxonomy order
    fits: tuple[int | None, ...]  # its stage points for each level in taxonomy order; None: too far
    general: tuple[str, ...]
    flavour: tuple[tuple[str, frozenset[str]], ...]  # (skill, the segments it belongs to)
    flavour_bits: tuple[int, ...]  # the same segments as bits (see `segment_bits`)
    segments: frozenset[str]
    # Its segments as bits, one per vocabulary segment: scoring every entry for every company
    # then takes one `&` instead of a set intersection.
    segment_bits: int
    backgrounds: frozenset[str]
    pm: bool
    online: bool
    city: str | None
    country: str | None


@dataclass(frozen=True)
class _Candidate:
    features: _Features
    score: int
    tags: frozenset[str]  # what it adds to a part: skills, segments, a place
    fit: int  # its stage points
    near: bool = False  # a meetup in the reader's city or country

    @property
    def id(self) -> str:
        return self.features.entry.id


def _features(entry: Entry, level_index: Mapping[str, int], general: frozenset[str],
              flavour: Mapping[str, frozenset[str]], segment_bit: Mapping[str, int]) -> _Features:
    city, country = entry.city, entry.country
    levels = frozenset(level_index[level] for level in entry.levels if level in level_index)
    owners = tuple((skill, flavour[skill]) for skill in entry.skills if skill in flavour)
    return _Features(
        entry=entry,
        levels=levels,
        fits=tuple(_stage_points(levels, here) for here in range(len(level_index))),
        general=tuple(skill for skill in entry.skills if skill in general),
        flavour=owners,
        flavour_bits=tuple(_bits(segments, segment_bit) for _, segments in owners),
        segments=frozenset(entry.segments),
        segment_bits=_bits(entry.segments, segment_bit),
        backgrounds=frozenset(entry.backgrounds),
        pm=PM_SKILL in entry.skills,
        online=entry.online,
        city=(_plain(city) or None) if isinstance(city, str) else None,
        country=(_plain(country).upper() or None) if isinstance(country, str) else None,
    )


def _bits(segments: Iterable[str], segment_bit: Mapping[str, int]) -> int:
    # Each segment counts once, as in a set; a segment the vocabulary lacks gets no bit: no
    # company has it, so it never matches one.
    return sum(segment_bit.get(segment, 0) for segment in frozenset(segments))


def _stage_points(levels: frozenset[int], here: int) -> int | None:
    """The stage fit (see the module docstring) of an entry with these levels to the level at `here`."""
    if not levels:
        return LEVEL_ANY
    if here in levels:
        return LEVEL_EXACT
    if here - 1 in levels or here + 1 in levels:
        return LEVEL_NEIGHBOUR
    return None


class Planner:
    """The rule bound to one catalog: entries are read once and rankings are reused, so that
    every combination of answers can be planned for the site in one build."""

    def __init__(self, catalog: Catalog, *, lazy: bool = True) -> None:
        taxonomy = catalog.taxonomy
        self.catalog = catalog
        self.taxonomy = taxonomy
        self._names = _Names(taxonomy)
        self._level_index = {level: index for index, level in enumerate(taxonomy.ids("levels"))}
        # A background without `gaps` in taxonomy.yaml (e.g. "other") simply gets no gap bonus.
        self._gaps: Mapping[str, frozenset[str]] = {term.id: frozenset(term.gaps) for term in taxonomy.backgrounds}
        self._all_gaps = frozenset(skill for gaps in self._gaps.values() for skill in gaps)
        general = frozenset(term.id for term in taxonomy.skills if term.scope == "general")
        flavour = {term.id: frozenset(term.segments) for term in taxonomy.skills if term.scope == "flavour"}
        self._segment_bit = {segment: 1 << index for index, segment in enumerate(taxonomy.ids("segments"))}
        # In id order: an entry's position here breaks ties in its `_order`.
        self._by_kind = {kind: tuple(sorted((_features(entry, self._level_index, general, flavour,
                                                       self._segment_bit) for entry in catalog.of_kind(kind)),
                                            key=lambda features: features.entry.id))
                         for kind in Kind}
        self._lazy = lazy  # off only in the test that checks the lazy rankings against full ones
        self._variants = tuple(product(taxonomy.ids("backgrounds"), PmLoad))
        self._bonus_cache: dict[tuple, tuple[int, ...]] = {}
        self._bonus_rows: dict[tuple[str, Kind], tuple[tuple[int, ...], ...]] = {}
        self._scores: dict[tuple, tuple[tuple[tuple[int, ...], list[int]], ...]] = {}
        self._groups: dict[tuple, tuple[tuple[tuple[int, ...], list[int]], ...]] = {}
        self._tags: dict[tuple[str, tuple[str, ...], str], frozenset[str]] = {}
        self._made: dict[tuple, dict[int, _Candidate]] = {}  # by `_groups_of` key, then `_order`
        self._rankings: dict[tuple, Iterable[_Candidate]] = {}
        self._picks: dict[tuple, tuple[_Candidate, ...]] = {}
        self._own: dict[tuple, frozenset[str]] = {}
        self._meetups: dict[str, MeetupPick] = {}
        self._wordings: dict[tuple, _Words] = {}

    # The parts' scores: see the module docstring for the rule in words. For the site every entry
    # is scored for every company, so these read only numbers and leave out the stage fit, which
    # `_groups_of` adds for each stage; an entry becomes a candidate, with the tags the greedy
    # pick compares, only when a plan reads that far down a ranking (`_candidate`).

    def _deepen(self, features: _Features, company: int, picked: frozenset[str],
                place: Place | None) -> int | None:
        shared = features.segment_bits & company
        if not shared:
            return None
        skills = sum(1 for owners in features.flavour_bits if owners & shared)
        score = FLAVOUR_SKILL * skills + SEGMENT_MATCH * shared.bit_count()
        return score + (CURATED_PICK if features.entry.id in picked else 0)

    def _broaden(self, features: _Features, company: int, picked: frozenset[str],
                 place: Place | None) -> int | None:
        if not features.general:
            return None
        score = SEGMENT_CONTEXT if features.segment_bits & company else 0
        return score + (CURATED_PICK if features.entry.id in picked else 0)

    def _meetup(self, features: _Features, company: int, picked: frozenset[str],
                place: Place | None) -> int | None:
        place_points = _place_points(features, place)
        if place_points is None:
            return None
        score = place_points + SEGMENT_MATCH * (features.segment_bits & company).bit_count()
        return score + (CURATED_PICK if features.entry.id in picked else 0)

    # Until then a scored entry travels as one int, its `_order`: the site scores over a million
    # (entry, stage, company) triples, and ints sort fast without a key function and leave the
    # garbage collector nothing to walk (it tracks every tuple).

    def _candidates(self, part: str, kind: Kind, answers: Answers, orders: Iterable[int],
                    made: dict[int, _Candidate]) -> Iterator[_Candidate]:
        """The ranked entries as candidates, with what the greedy pick and the wording read: their
        tags, fit and nearness. `made`: the candidates already made for this part, kind, stage,
        company and place; the rankings of different backgrounds and loads share those that end
        with the same score."""
        for order in orders:
            yield made.get(order) or self._candidate(part, kind, order, answers, made)

    def _candidate(self, part: str, kind: Kind, order: int, answers: Answers,
                   made: dict[int, _Candidate]) -> _Candidate:
        score, position = _unorder(order, len(self._by_kind[kind]))
        features = self._by_kind[kind][position]
        key = (part, answers.company, features.entry.id)  # the tags do not depend on stage or place
        if key not in self._tags:
            segments = [f"segment:{segment}" for segment in answers.company if segment in features.segments]
            if part == "deepen":
                tags = [f"skill:{skill}" for skill in _flavour_skills(features, answers.company)] + segments
            elif part == "broaden":
                tags = [f"skill:{skill}" for skill in features.general]
            else:
                where = "online" if features.online else f"{features.city}, {features.country}"
                tags = segments + [f"place:{where}"]
            self._tags[key] = frozenset(tags)
        near = part == "meetups" and answers.place is not None and not features.online
        fit = features.fits[self._level_index[answers.stage]]
        made[order] = _Candidate(features, score, self._tags[key], fit, near)
        return made[order]

    def _scored(self, part: str, kind: Kind, answers: Answers) -> tuple[tuple[tuple[int, ...], list[int]], ...]:
        """The `_order` without the stage fit of each entry of the kind that the company (and, for
        meetups, the place) lets into the part, grouped by `_bonuses`: shared by every stage."""
        key = (part, kind, answers.company, answers.place if part == "meetups" else None)
        if key not in self._scores:
            scorer = {"deepen": self._deepen, "broaden": self._broaden, "meetups": self._meetup}[part]
            company = _bits(answers.company, self._segment_bit)
            picked = _picked(self.catalog, answers.company)
            size = len(self._by_kind[kind])
            groups: dict[tuple[int, ...], list[int]] = {}
            for position, (features, bonuses) in enumerate(zip(self._by_kind[kind], self._bonus_row(part, kind))):
                score = scorer(features, company, picked, answers.place)
                if score is not None:
                    groups.setdefault(bonuses, []).append(_order(score, position, size))
            self._scores[key] = tuple(groups.items())
        return self._scores[key]

    def _groups_key(self, part: str, kind: Kind, answers: Answers) -> tuple:
        return part, kind, answers.stage, answers.company, answers.place if part == "meetups" else None

    def _groups_of(self, part: str, kind: Kind, answers: Answers) -> tuple[tuple[tuple[int, ...], list[int]], ...]:
        """Each candidate's `_order` on what background and load do not change, best first, grouped
        by what background and load would add to them (see `_bonuses`)."""
        key = self._groups_key(part, kind, answers)
        if key not in self._groups:
            stage = self._level_index[answers.stage]
            entries = self._by_kind[kind]
            size = len(entries)
            groups = []
            for bonuses, scored in self._scored(part, kind, answers):
                # order % size is the entry's position; taking fit points off the order adds them to the score
                members = sorted(order - fit * size for order in scored
                                 if (fit := entries[order % size].fits[stage]) is not None)
                if members:
                    groups.append((bonuses, members))
            self._groups[key] = tuple(groups)
        return self._groups[key]

    def _ranked(self, part: str, kind: Kind, answers: Answers) -> Iterable[_Candidate]:
        """Every candidate with its full score, best first (the smaller id first on a tie).

        Within a group background and load add the same bonus, so merging the groups' lists
        gives the ranking lazily: a plan reads only its first few candidates.
        """
        key = self._ranking_key(part, kind, answers)
        if key not in self._rankings:
            groups = [members for _, members in self._groups_of(part, kind, answers)]
            merged = _merged(groups, key[1], len(self._by_kind[kind]))
            candidates = self._candidates(part, kind, answers, merged, self._made.setdefault(key[0], {}))
            self._rankings[key] = _Memo(candidates) if self._lazy else tuple(sorted(candidates, key=_rank_order))
        return self._rankings[key]

    def _ranking_key(self, part: str, kind: Kind, answers: Answers) -> tuple:
        """The `_groups_of` key and what background and load add to each group: backgrounds and
        loads that add the same (one that no entry lists, a load with no project-management
        entry in sight) share the ranking, what was read of it and the picks from it."""
        # No bonus for meetups: background and load do not change them.
        variant = 0 if part == "meetups" else self._variants.index((answers.background, answers.pm_load))
        return self._groups_key(part, kind, answers), tuple(bonuses[variant] for bonuses, _ in
                                                            self._groups_of(part, kind, answers))

    def _pick(self, part: str, kind: Kind, answers: Answers, count: int,
              taken: frozenset[str] = frozenset()) -> tuple[_Candidate, ...]:
        """The greedy pick (see `_greedy`) from the part's ranking."""
        key = (self._ranking_key(part, kind, answers), count, taken)
        if key not in self._picks:
            self._picks[key] = tuple(_greedy(self._ranked(part, kind, answers), count, taken))
        return self._picks[key]

    def _bonus_row(self, part: str, kind: Kind) -> tuple[tuple[int, ...], ...]:
        """`_bonuses` of each entry of the kind, in `_by_kind` order: read once per catalog."""
        if (part, kind) not in self._bonus_rows:
            self._bonus_rows[part, kind] = tuple(self._bonuses(part, features) for features in self._by_kind[kind])
        return self._bonus_rows[part, kind]

    def _bonuses(self, part: str, features: _Features) -> tuple[int, ...]:
        """What each (background, load) adds to this entry's score, in `_variants` order."""
        gaps = tuple(skill for skill in features.general if skill in self._all_gaps) if part == "broaden" else ()
        signature = (part, features.backgrounds, features.pm, gaps)
        if signature not in self._bonus_cache:
            self._bonus_cache[signature] = tuple(
                _bonus(part, features.backgrounds, features.pm, gaps, background, self._gaps[background], load)
                for background, load in self._variants)
        return self._bonus_cache[signature]

    def _own_stage(self, part: str, answers: Answers, taken: set[str]) -> int:
        """How many articles for this part are written for the reader's stage (or any stage)
        and not already in the plan: fewer than wanted is what makes borrowing worth a note."""
        key = (part, answers.stage, answers.company)
        if key not in self._own:
            stage = self._level_index[answers.stage]
            entries = self._by_kind[Kind.ARTICLE]
            size = len(entries)
            scored = (entries[order % size] for _, members in self._groups_of(part, Kind.ARTICLE, answers)
                      for order in members)
            self._own[key] = frozenset(features.entry.id for features in scored
                                       if features.fits[stage] != LEVEL_NEIGHBOUR)
        own = self._own[key]
        return len(own) - len(own & taken)  # `own - taken` would copy every own id for each plan

    # The plan.

    def _words(self, answers: Answers) -> _Words:
        key = _Words.reads(answers)
        if key not in self._wordings:
            self._wordings[key] = _Words(self._names, answers, _picked(self.catalog, answers.company),
                                         self._gaps.get(answers.background, frozenset()))
        return self._wordings[key]

    def plan(self, answers: Answers) -> Plan:
        """Apply the rule (see the module docstring) to one reader's answers."""
        words = self._words(answers)
        notes: list[str] = []
        deep_first = answers.goal == Goal.DEEPEN
        deep_count, broad_count = DEEP_FIRST_COUNTS if deep_first else BROAD_FIRST_COUNTS
        order = [("deepen", deep_count), ("broaden", broad_count)]
        if not deep_first:
            order.reverse()
        taken: set[str] = set()
        parts: dict[str, tuple[PlanItem, ...]] = {}
        for part, count in order:
            chosen = self._pick(part, Kind.ARTICLE, answers, count, frozenset(taken))
            parts[part] = tuple(_item(candidate, words.reason(part, candidate)) for candidate in chosen)
            notes += words.part_notes(part, chosen, count, self._own_stage(part, answers, taken))
            taken.update(candidate.id for candidate in chosen)

        (first, _), (second, _) = order
        course = None
        for part in (first, second):
            chosen = self._pick(part, Kind.COURSE, answers, 1)
            if chosen:
                course = _item(chosen[0], words.course_reason(part, chosen[0]))
                if part == second:
                    notes.append(f"No course that {first}s fits a {words.who} yet; this one {second}s instead.")
                break
        else:
            notes.append(f"No course in the catalog fits a {words.who} yet.")

        meetups = self.meetups(answers)
        return Plan(answers, parts["deepen"], parts["broaden"], course, meetups.items, tuple(notes), meetups.notes)

    def meetups(self, answers: Answers) -> MeetupPick:
        """The meetups part alone; it depends on stage, company segments and place only."""
        key = meetup_key(answers.stage, answers.company, answers.place)
        if key not in self._meetups:
            words = self._words(answers)
            chosen = self._pick("meetups", Kind.MEETUP, answers, MEETUP_COUNT)
            notes = []
            place = answers.place
            if chosen and place is not None and not place.online and not any(c.near for c in chosen):
                notes.append(f"No meetup in {place} is in the catalog yet; these are online.")
            if not chosen:
                notes.append(f"No meetup or community in the catalog fits a {words.who} yet.")
            items = tuple(_item(candidate, words.reason("meetups", candidate)) for candidate in chosen)
            self._meetups[key] = MeetupPick(items, tuple(notes))
        return self._meetups[key]


def make_plan(catalog: Catalog, answers: Answers) -> Plan:
    """Apply the rule (see the module docstring) to one reader's answers."""
    return Planner(catalog).plan(answers)


def pick_meetups(catalog: Catalog, answers: Answers) -> MeetupPick:
    """The meetups part alone; it depends on stage, company segments and place only."""
    return Planner(catalog).meetups(answers)


def _picked(catalog: Catalog, company: Sequence[str]) -> frozenset[str]:
    return frozenset(entry_id for segment in company
                     for ids in catalog.picks.get(segment, {}).values() for entry_id in ids)


def _bonus(part: str, backgrounds: frozenset[str], pm: bool, gaps: tuple[str, ...], background: str,
           background_gaps: frozenset[str], load: PmLoad) -> int:
    """What background and project-management load add to a deepening or broadening score;
    `background_gaps` are the general skills people from `background` usually lack."""
    if part == "meetups":
        return 0
    points = BACKGROUND_MATCH if background in backgrounds else 0
    points += PM_LOAD_WEIGHT[load] if pm else 0
    if any(skill in background_gaps for skill in gaps):
        points += BACKGROUND_GAP
    return points


def _order(score: int, position: int, size: int) -> int:
    """A scored entry as one int that sorts best score first, then by `position` (its place in
    its kind's id order, of `size` entries): the smaller id first on a tie."""
    return -score * size + position


def _unorder(order: int, size: int) -> tuple[int, int]:
    """(score, position) of an `_order`."""
    negated, position = divmod(order, size)
    return -negated, position


def _merged(groups: Sequence[list[int]], shifts: Sequence[int], size: int) -> Iterator[int]:
    """The `_order`s of every group's members (each group sorted, best first) with the group's
    shift added to their scores, best first: one score at a time, as they are read.

    Each group's members of one score are a slice found by bisection, so a ranking read only at
    its top costs a few slices and small sorts, and keeps no iterator per group (the site makes
    thousands of rankings of dozens of groups).
    """
    if not groups:
        return
    best = max(_unorder(members[0], size)[0] + shift for members, shift in zip(groups, shifts))
    worst = min(_unorder(members[-1], size)[0] + shift for members, shift in zip(groups, shifts))
    for score in range(best, worst - 1, -1):
        tier: list[int] = []
        for members, shift in zip(groups, shifts):
            start = bisect_left(members, _order(score - shift, 0, size))
            tier += members[start:bisect_left(members, _order(score - shift - 1, 0, size), start)]
        tier.sort(key=size.__rmod__)  # order % size: the entry's position, so the smaller id first
        at_score = _order(score, 0, size)
        for order in tier:
            yield at_score + order % size


class _Memo:
    """A lazy ranking that can be read again from the start: what was read is kept."""

    def __init__(self, source: Iterator[_Candidate]) -> None:
        self._source = source
        self._read: list[_Candidate] = []

    def __iter__(self) -> Iterator[_Candidate]:
        index = 0
        while True:
            if index < len(self._read):
                # What was read already goes at list speed: a plan's picks read the top again and again.
                end = len(self._read)
                yield from self._read[index:end]
                index = end
                continue
            following = next(self._source, None)
            if following is None:
                return
            self._read.append(following)


def _rank_order(candidate: _Candidate) -> tuple[int, str]:
    return -candidate.score, candidate.id


def _flavour_skills(features: _Features, company: Sequence[str]) -> list[str]:
    """Its flavour skills that belong to a company segment the entry is written for."""
    shared = features.segments & set(company)
    return [skill for skill, owners in features.flavour if owners & shared]


def _place_points(features: _Features, place: Place | None) -> int | None:
    """Points for where a meetup happens; None when it is out of the reader's reach."""
    if features.online:
        return PLACE_ONLINE
    if place is None:
        return 0
    if place.online:
        return None
    if (place.city and features.city and place.city.casefold() == features.city.casefold()
            and place.country in (None, features.country)):
        return PLACE_CITY
    if place.country and place.country == features.country:
        return PLACE_COUNTRY
    return None


def _greedy(ranked: Iterable[_Candidate], count: int, taken: Iterable[str] = ()) -> list[_Candidate]:
    """Best adjusted score first, the smaller id on a tie; a candidate adding nothing new to the
    part loses REPEAT_PENALTY. `ranked` is sorted best first, so the scan stops early."""
    chosen: list[_Candidate] = []
    used = set(taken)
    covered: set[str] = set()
    while len(chosen) < count:
        best, best_score, best_id = None, 0, ""
        for candidate in ranked:
            candidate_id, score = candidate.id, candidate.score
            # Below: (-score, id) compared with the best's, spelled out as a plan reads many candidates.
            if best is not None and (score < best_score or score == best_score and candidate_id > best_id):
                break  # the ranking is sorted the same way and a penalty only lowers a score
            if candidate_id in used:
                continue
            if covered and candidate.tags <= covered:
                score -= REPEAT_PENALTY
            if best is None or score > best_score or score == best_score and candidate_id < best_id:
                best, best_score, best_id = candidate, score, candidate_id
        if best is None:
            break
        chosen.append(best if best_score == best.score else replace(best, score=best_score))
        used.add(best.id)
        covered |= best.tags
    return chosen


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    # Titles reach terminals and pages: no control characters (an ESC could restyle a terminal).
    return " ".join(_CONTROL.sub(" ", text).split())


def _item(candidate: _Candidate, reason: str) -> PlanItem:
    entry = candidate.features.entry
    return PlanItem(entry.id, entry.kind.value, _plain(entry.title) or entry.id, _plain(entry.url),
                    reason, candidate.score)


# --- wording ------------------------------------------------------------------------------------

class _Words:
    """The plan's sentences, written only for what was chosen. They read only what `reads`
    returns of the answers, so plans that differ in nothing else (in goal, or in a light or
    balanced load) can share one `_Words` and the sentences it has written."""

    def __init__(self, names: _Names, answers: Answers, picked: frozenset[str], gaps: frozenset[str]) -> None:
        self.names = names
        self.stage, self.background, self.company, self.heavy, self.place = self.reads(answers)
        self.picked = picked
        self.gaps = gaps  # the general skills people from the reader's background usually lack
        self.who = f"{names('levels', self.stage)} at a {names.join('segments', self.company)} company"
        self._written: dict[tuple[str, bool, Kind, str], str] = {}

    @staticmethod
    def reads(answers: Answers) -> tuple[str, str, tuple[str, ...], bool, Place | None]:
        """Stage, background, company segments, whether delivery is heavy, and place."""
        return answers.stage, answers.background, answers.company, answers.pm_load == PmLoad.HEAVY, answers.place

    def _stage(self, candidate: _Candidate) -> str:
        if candidate.fit == LEVEL_ANY:
            return "fits any stage"
        levels = self.names.levels
        here = levels.index(self.stage)
        if candidate.fit == LEVEL_EXACT:
            return f"matches your stage ({self.names('levels', levels[here])})"
        if here - 1 in candidate.features.levels:
            return f"a stage back ({self.names('levels', levels[here - 1])})"
        return f"a stage ahead ({self.names('levels', levels[here + 1])})"

    def _common(self, features: _Features) -> list[str]:
        phrases = []
        if self.background in features.backgrounds:
            background = self.names("backgrounds", self.background)
            phrases.append(f"written for those moving in from {_lower_first(background)}")
        if features.pm and self.heavy:
            phrases.append("delivery is a big part of your week")
        if features.entry.id in self.picked:
            phrases.append("a curators' pick")
        return phrases

    def reason(self, part: str, candidate: _Candidate) -> str:
        return self._kept(part, False, candidate)

    def course_reason(self, part: str, candidate: _Candidate) -> str:
        return self._kept(part, True, candidate)

    def _kept(self, part: str, course: bool, candidate: _Candidate) -> str:
        # A candidate's fit and nearness follow from its entry, the stage and the place.
        key = (part, course, candidate.features.entry.kind, candidate.id)
        if key not in self._written:
            self._written[key] = self._course_reason(part, candidate) if course else self._reason(part, candidate)
        return self._written[key]

    def _reason(self, part: str, candidate: _Candidate) -> str:
        features = candidate.features
        segments = [segment for segment in self.company if segment in features.segments]
        if part == "deepen":
            where = self.names.join("segments", segments)
            skills = _flavour_skills(features, self.company)
            lead = f"Deepens {where}: {self.names.skills(skills)}" if skills else f"Deepens your {where} context"
            phrases = self._common(features)
        elif part == "broaden":
            gaps = [skill for skill in features.general if skill in self.gaps]
            lead = f"Broadens {self.names.skills((gaps or list(features.general))[:2])}"
            phrases = self._common(features)
            if gaps:
                background = self.names("backgrounds", self.background)
                phrases.insert(0, f"often new to people from {_lower_first(background)}")
        else:
            lead = self._place(features, candidate.near)
            phrases = []
            if segments and len(features.segments) < len(self.names.segments):
                phrases.append(f"focused on {self.names.join('segments', segments)} product work")
            if features.entry.id in self.picked:
                phrases.append("a curators' pick")
            frequency = features.entry.frequency
            if isinstance(frequency, str) and _plain(frequency):
                phrases.append(f"meets {_plain(frequency)}")
        return "; ".join([lead, *phrases, self._stage(candidate)]) + "."

    def _place(self, features: _Features, near: bool) -> str:
        if features.online:
            return "Online, so you can join from anywhere"
        where = ", ".join(part for part in (features.city, features.country) if part)
        lead = f"In person in {where}" if where else "In person"
        if not near:
            return lead
        place = self.place
        same_city = place is not None and place.city and features.city and \
            place.city.casefold() == features.city.casefold()
        return f"{lead}, your city" if same_city else f"{lead}, in your country"

    def _course_reason(self, part: str, candidate: _Candidate) -> str:
        entry = candidate.features.entry
        details = [_plain(value) for value in (entry.pace, entry.format) if value is not None]
        if entry.access:
            details.append(_plain(entry.access))
        reason = self.reason(part, candidate).rstrip(".")
        details = [detail for detail in details if detail]
        return f"{reason}; {', '.join(details)}." if details else f"{reason}."

    def part_notes(self, part: str, chosen: Sequence[_Candidate], wanted: int, own_stage: int) -> list[str]:
        """`own_stage`: how many candidates written for the reader's stage (or any) were free."""
        label = {"deepen": "deepening", "broaden": "broadening"}[part]
        notes = []
        if not chosen:
            notes.append(f"No {label} resource in the catalog fits a {self.who} yet.")
        elif len(chosen) < wanted:
            plural = len(chosen) != 1
            notes.append(f"Only {len(chosen)} {label} resource{'s' if plural else ''} in the catalog "
                         f"fit{'' if plural else 's'} a {self.who} so far; {wanted} were wanted.")
        if own_stage < wanted and any(candidate.fit == LEVEL_NEIGHBOUR for candidate in chosen):
            notes.append(f"Few {label} resources are written for your stage yet, so the plan "
                         "borrows from the neighbouring stage.")
        return notes


class _Names:
    """The vocabulary's names by group and id; an id the vocabulary lacks names itself."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._names = {(group, term.id): term.name for group in GROUPS for term in taxonomy.group(group)}
        self.levels = taxonomy.ids("levels")
        self.segments = taxonomy.ids("segments")

    def __call__(self, group: str, term_id: str) -> str:
        return self._names.get((group, term_id), term_id)

    def join(self, group: str, ids: Sequence[str]) -> str:
        names = [self(group, term_id) for term_id in ids]
        if len(names) <= 2:
            return " and ".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]

    def skills(self, ids: Sequence[str]) -> str:
        # Skill names hold "and" themselves ("Strategy and vision"), so they are joined with "plus".
        return ", plus ".join(_lower_first(self("skills", skill)) for skill in ids)


def _lower_first(text: str) -> str:
    # "Strategy and vision" reads better mid-sentence as "strategy and vision"; "UX ..." stays.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def plan_as_dict(plan: Plan) -> dict:
    """The plan as plain JSON-ready data (what `pmgenome path --json` prints)."""
    def item(value: PlanItem | None) -> dict | None:
        if value is None:
            return None
        return {"id": value.id, "kind": value.kind, "title": value.title, "url": value.url,
                "reason": value.reason, "score": value.score}

    answers = plan.answers
    return {
        "answers": {"stage": answers.stage, "background": answers.background, "company": list(answers.company),
                    "pm_load": answers.pm_load.value, "goal": answers.goal.value,
                    "place": str(answers.place) if answers.place else None},
        "deepen": [item(value) for value in plan.deepen],
        "broaden": [item(value) for value in plan.broaden],
        "course": item(plan.course),
        "meetups": [item(value) for value in plan.meetups],
        "notes": list(plan.notes),
    }
