"""The reading plan's rule: the named weights, one function that scores an entry, and the greedy pick.

A product manager's next step depends on where they are (stage), where they come from
(background), how their company does product (segments, and how heavy the project-management
side is), what they want now (broaden or deepen) and, when they say, how they rate themselves on
each skill (0 new to it, 1 aware, 2 practised, 3 could teach it). General skills widen the top of
the T; the flavour skills of their company's segments deepen its stem, and each segment says in
taxonomy.yaml which skills it `expects` most, at which level: the company's T.

The plan's parts, filled in this order so the part the reader asked for gets first pick
(`pmgenome.plan.planner` fills them; SLOT_KINDS says which kinds go where):

1. **Deepen** (articles and talks): the entry is written for one of the company's segments. Each
   flavour skill it teaches that belongs to one of those segments adds FLAVOUR_SKILL; each company
   segment it covers adds SEGMENT_MATCH. An entry of the segments without such a skill still
   qualifies, lower down.
2. **Broaden** (articles and talks): the entry teaches at least one general skill. Covering a
   skill that people from the reader's background usually lack (that background's `gaps`) adds
   BACKGROUND_GAP; being written with one of the company's segments in mind adds SEGMENT_CONTEXT.
   With goal "deepen" the deepen part comes first and takes DEEP_FIRST_COUNTS; with "broaden",
   broaden comes first (BROAD_FIRST_COUNTS). An entry appears in one part only.
3. **One course or book**, scored like the part the goal puts first; if none qualifies there,
   like the other part (and the plan says so). A book loses BOOK_FOR_COURSE: a course that fits
   as well comes first (it brings practice and feedback); a book that fits better, or one where
   no course fits, takes the slot.
4. **A habit**: the best podcast and the best newsletter, scored like the course (first part,
   then the other): a weekly habit rather than a one-off read.
5. **Meetups and communities**: any meetup may qualify; each company segment it covers adds
   SEGMENT_MATCH, and the place adds PLACE_CITY / PLACE_COUNTRY / PLACE_ONLINE. When the reader
   names a place, in-person meetups elsewhere are left out; "online" keeps only online ones.
   Meetups depend on stage, segments and place only.
6. **Compare** (when the reader asks "what if I moved to a <segment> company"): COMPARE_COUNT
   articles or talks scored as deepen for a reader at that company, whose unrated flavour skills
   of that segment that are new to them (outside their own stem) count as rated 0.

Every candidate also scores its fit to the stage: LEVEL_EXACT when it lists the reader's level,
LEVEL_ANY when it lists none, LEVEL_NEIGHBOUR when it lists only the level next to it (levels are
ordered as in taxonomy.yaml); anything further away is left out. BACKGROUND_MATCH is added when
it lists the reader's background; CURATED_PICK when picks.yaml names it for one of the company's
segments; PM_LOAD_WEIGHT[load] when it teaches the project-management skill (PM_SKILL): a
reader whose delivery load is heavy needs it now, one whose load is light can leave it for later.
An entry whose `access` is paywalled or paid loses ACCESS_BARRIER: at equal fit the plan prefers
what anyone can open today. `reviewed` (when a curator last checked an entry) does not change a
plan: plans would otherwise change with the calendar, and stale entries are the link checker's job.

**Ratings** aim the plan at the reader's gaps. A rated skill's need is 3 minus its rating (an
unrated skill has none). A broadening candidate adds GAP_STEP times the largest need among its
general skills; a deepening one GAP_STEP times the largest need among its flavour skills that
the company expects, plus that skill's expected level (so ties go to what the company expects
more). GAP_STEP outweighs every other factor of a broadening score together, so the
lowest-rated general skill is aimed at first; ties go to the background's usual gaps
(BACKGROUND_GAP). Without ratings, or with every skill rated 3, plans are as before.

Parts are filled greedily: the best score wins, then the next, where each candidate is scored
again against what the part has already got (`covered`): a skill already covered is no longer a
gap there, and a candidate that adds no skill or segment the part lacks loses REPEAT_PENALTY (so
a part spans the T instead of repeating one skill). Equal scores go to the smaller id, so the
same catalog and answers always give the same plan. When a part has fewer items than wanted, or
leans on the neighbouring stage, the plan's notes say so; a reader can then add what is missing.

Every factor is in `score`: a new factor is a new line there (and a weight here). The site's page
runs the same rule in JavaScript (site/assets/plan-rule.js), held equal to this one by a test; a
new factor goes there too, and the weights reach it from `port_data` (`WEIGHTS` names them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from pmgenome.catalog.model import Catalog, Entry, Kind, Taxonomy
from pmgenome.plan.answers import Answers, Near, PmLoad
from pmgenome.plan.shapes import SHAPE_COUNTS
from pmgenome.text.clean import one_line

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
PM_LOAD_WEIGHT: Mapping[PmLoad, int] = {PmLoad.LIGHT: -2, PmLoad.BALANCED: 0, PmLoad.HEAVY: 2}
GAP_STEP = 16
ACCESS_BARRIER = 1
BOOK_FOR_COURSE = 1

TOP_RATING = 3  # "could teach it"
BARRED_ACCESS = ("paywalled", "paid")
# The skill that is "the project-management side of the job" in taxonomy.yaml.
PM_SKILL = "execution"

# (deepen, broaden) item counts by goal; the other parts are counted on their own.
DEEP_FIRST_COUNTS = (3, 2)
BROAD_FIRST_COUNTS = (2, 3)
MEETUP_COUNT = 2
COMPARE_COUNT = 2
PEOPLE_COUNT = 5  # people shown who can teach the reader's gaps (plan/peers.py)
SLOT_KINDS: Mapping[str, tuple[Kind, ...]] = {
    "reading": (Kind.ARTICLE, Kind.VIDEO),  # deepen, broaden and compare
    "course": (Kind.COURSE, Kind.BOOK),
    "habits": (Kind.PODCAST, Kind.NEWSLETTER),  # one of each
    "meetups": (Kind.MEETUP,),
}

# The rule's weights by name, as the page's JavaScript port reads them (api/plan-index.json):
# only points, never the counts above.
WEIGHTS: Mapping[str, int | Mapping[str, int]] = {
    "LEVEL_EXACT": LEVEL_EXACT, "LEVEL_ANY": LEVEL_ANY, "LEVEL_NEIGHBOUR": LEVEL_NEIGHBOUR,
    "BACKGROUND_MATCH": BACKGROUND_MATCH, "BACKGROUND_GAP": BACKGROUND_GAP, "FLAVOUR_SKILL": FLAVOUR_SKILL,
    "SEGMENT_MATCH": SEGMENT_MATCH, "SEGMENT_CONTEXT": SEGMENT_CONTEXT, "CURATED_PICK": CURATED_PICK,
    "REPEAT_PENALTY": REPEAT_PENALTY, "PLACE_CITY": PLACE_CITY, "PLACE_COUNTRY": PLACE_COUNTRY,
    "PLACE_ONLINE": PLACE_ONLINE, "PM_LOAD_WEIGHT": {load.value: points for load, points in PM_LOAD_WEIGHT.items()},
    "GAP_STEP": GAP_STEP, "ACCESS_BARRIER": ACCESS_BARRIER, "BOOK_FOR_COURSE": BOOK_FOR_COURSE,
}


class StageFit(StrEnum):
    """How an entry's levels sit against the reader's stage: what the wording says, apart from the
    points it earns (two cases may weigh the same)."""

    EXACT = "exact"
    ANY = "any"  # it lists no level
    BACK = "back"  # it lists the level before the reader's
    AHEAD = "ahead"  # only the level after

    @property
    def borrowed(self) -> bool:
        """Written for a neighbouring stage rather than the reader's."""
        return self in (StageFit.BACK, StageFit.AHEAD)


STAGE_POINTS: Mapping[StageFit, int] = {StageFit.EXACT: LEVEL_EXACT, StageFit.ANY: LEVEL_ANY,
                                        StageFit.BACK: LEVEL_NEIGHBOUR, StageFit.AHEAD: LEVEL_NEIGHBOUR}


def port_data() -> dict[str, Any]:
    """What the page's port of the rule reads besides the catalog: the weights, each stage case's
    points, the counts, the kinds of each slot and the names the rule singles out."""
    return {"weights": dict(WEIGHTS), "stage_points": {fit.value: points for fit, points in STAGE_POINTS.items()},
            "counts": {"deepen_first": list(DEEP_FIRST_COUNTS), "broaden_first": list(BROAD_FIRST_COUNTS),
                       "meetups": MEETUP_COUNT, "compare": COMPARE_COUNT, "people": PEOPLE_COUNT, **SHAPE_COUNTS},
            "top_rating": TOP_RATING, "pm_skill": PM_SKILL, "barred_access": list(BARRED_ACCESS),
            "slots": {slot: [kind.value for kind in kinds] for slot, kinds in SLOT_KINDS.items()}}


class Part(StrEnum):
    """How an entry is scored (the course, habits and compare slots score as deepen or broaden)."""

    DEEPEN = "deepen"
    BROADEN = "broaden"
    MEETUPS = "meetups"


@dataclass(frozen=True)
class Facts:
    """What the rule reads from one entry, read once per catalog."""

    entry: Entry
    levels: frozenset[int]  # positions of its levels in taxonomy order
    general: tuple[str, ...]
    flavour: tuple[tuple[str, frozenset[str]], ...]  # (skill, the segments it belongs to)
    segments: frozenset[str]
    backgrounds: frozenset[str]
    pm: bool
    online: bool
    city: str | None
    country: str | None
    access: str | None = None

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def kind(self) -> Kind:
        return self.entry.kind


@dataclass(frozen=True)
class Vocabulary:
    """What the rule reads from taxonomy.yaml."""

    level_index: Mapping[str, int]
    general: tuple[str, ...]  # in taxonomy order
    flavour: Mapping[str, frozenset[str]]  # flavour skill -> the segments it belongs to, in taxonomy order
    # A background without `gaps` in taxonomy.yaml (e.g. "other") simply gets no gap bonus.
    gaps: Mapping[str, frozenset[str]]
    expects: Mapping[str, Mapping[str, int]]  # segment -> skill -> expected level

    @classmethod
    def of(cls, taxonomy: Taxonomy) -> Vocabulary:
        return cls(level_index={level: index for index, level in enumerate(taxonomy.ids("levels"))},
                   general=tuple(term.id for term in taxonomy.skills if term.scope == "general"),
                   flavour={term.id: frozenset(term.segments) for term in taxonomy.skills
                            if term.scope == "flavour"},
                   gaps={term.id: frozenset(term.gaps) for term in taxonomy.backgrounds},
                   expects={term.id: dict(term.expects) for term in taxonomy.segments})

    def stem(self, company: Iterable[str]) -> tuple[str, ...]:
        """The flavour skills of these segments, in taxonomy order."""
        wanted = set(company)
        return tuple(skill for skill, owners in self.flavour.items() if owners & wanted)

    def expected(self, company: Iterable[str]) -> dict[str, int]:
        """Each skill's expected level at a company of these segments: the highest any of them expects."""
        levels: dict[str, int] = {}
        for segment in company:
            for skill, level in self.expects.get(segment, {}).items():
                levels[skill] = max(level, levels.get(skill, 0))
        return levels


@dataclass(frozen=True)
class Reader:
    """What the rule reads from one reader's answers."""

    stage: int  # position of their level in taxonomy order
    background: str
    gaps: frozenset[str]  # the general skills people from their background usually lack
    company: tuple[str, ...]
    load: PmLoad
    place: Near | None
    picked: frozenset[str]  # ids picks.yaml names for one of the company's segments
    ratings: Mapping[str, int]  # skill -> 0..3; unrated skills are absent
    expected: Mapping[str, int]  # skill -> the level the company expects; absent: not in particular
    assumed: frozenset[str] = frozenset()  # skills rated 0 by assumption (new to them, in a compare)


def facts(entry: Entry, vocabulary: Vocabulary) -> Facts:
    city, country, access = entry.city, entry.country, entry.access
    return Facts(
        entry=entry,
        levels=frozenset(vocabulary.level_index[level] for level in entry.levels if level in vocabulary.level_index),
        general=tuple(skill for skill in entry.skills if skill in vocabulary.general),
        flavour=tuple((skill, vocabulary.flavour[skill]) for skill in entry.skills if skill in vocabulary.flavour),
        segments=frozenset(entry.segments),
        backgrounds=frozenset(entry.backgrounds),
        pm=PM_SKILL in entry.skills,
        online=entry.online,
        city=(one_line(city) or None) if isinstance(city, str) else None,
        country=(one_line(country).upper() or None) if isinstance(country, str) else None,
        access=access if isinstance(access, str) else None,
    )


def reader(answers: Answers, vocabulary: Vocabulary, catalog: Catalog) -> Reader:
    picked = frozenset(entry_id for segment in answers.company
                       for ids in catalog.picks.get(segment, {}).values() for entry_id in ids)
    return Reader(vocabulary.level_index[answers.stage], answers.background,
                  vocabulary.gaps.get(answers.background, frozenset()), answers.company, answers.pm_load,
                  answers.place, picked, dict(answers.ratings), vocabulary.expected(answers.company))


# --- the rule ------------------------------------------------------------------------------------

def score(entry: Facts, part: Part, who: Reader, covered: frozenset[str] = frozenset()) -> int | None:
    """How well `entry` serves `part` of the plan for this reader, given what the part has already
    `covered` (see `adds`); None when it does not belong there."""
    fit = stage_fit(entry.levels, who.stage)
    if fit is None:
        return None  # written for a stage too far from the reader's
    shared = entry.segments & set(who.company)
    points = STAGE_POINTS[fit]
    if part is Part.DEEPEN:
        if not shared:
            return None  # not written for the reader's company
        points += FLAVOUR_SKILL * len(flavour_skills(entry, who.company))
        points += SEGMENT_MATCH * len(shared)
    elif part is Part.BROADEN:
        if not entry.general:
            return None  # teaches no general skill
        points += SEGMENT_CONTEXT if shared else 0
    else:
        place = place_points(entry, who.place)
        if place is None:
            return None  # out of the reader's reach
        points += place + SEGMENT_MATCH * len(shared)
    if part is not Part.MEETUPS:  # background, load and ratings do not change which community suits someone
        points += BACKGROUND_MATCH if who.background in entry.backgrounds else 0
        points += PM_LOAD_WEIGHT[who.load] if entry.pm else 0
        if part is Part.BROADEN and any(skill in who.gaps for skill in entry.general):
            points += BACKGROUND_GAP
        points += gap_target(entry, part, who, covered)[1]
    points -= ACCESS_BARRIER if entry.access in BARRED_ACCESS else 0
    points -= BOOK_FOR_COURSE if entry.kind is Kind.BOOK else 0
    points += CURATED_PICK if entry.id in who.picked else 0
    if covered and adds(entry, part, who.company) <= covered:
        points -= REPEAT_PENALTY
    return points


def need(skill: str, who: Reader) -> int:
    """How far below "could teach it" the reader rated a skill; 0 when unrated."""
    rating = who.ratings.get(skill)
    return 0 if rating is None else TOP_RATING - rating


def gap_target(entry: Facts, part: Part, who: Reader, covered: frozenset[str] = frozenset()) -> tuple[str | None, int]:
    """The reader's gap this entry closes best in the part (not already covered there), and its points."""
    if part is Part.BROADEN:
        skills = [(skill, 0) for skill in entry.general]
    else:
        skills = [(skill, who.expected[skill]) for skill in flavour_skills(entry, who.company)
                  if who.expected.get(skill)]
    best, best_points = None, 0
    for skill, expected in skills:
        points = GAP_STEP * need(skill, who) + expected
        if need(skill, who) and f"skill:{skill}" not in covered and points > best_points:
            best, best_points = skill, points
    return best, best_points


def stage_fit(levels: frozenset[int], here: int) -> StageFit | None:
    """How an entry with these levels fits the level at `here` (STAGE_POINTS weighs it); None: too far."""
    if not levels:
        return StageFit.ANY
    if here in levels:
        return StageFit.EXACT
    if here - 1 in levels:
        return StageFit.BACK
    if here + 1 in levels:
        return StageFit.AHEAD
    return None


def flavour_skills(entry: Facts, company: Sequence[str]) -> list[str]:
    """Its flavour skills that belong to a company segment the entry is written for."""
    shared = entry.segments & set(company)
    return [skill for skill, owners in entry.flavour if owners & shared]


def same_city(one: str | None, other: str | None) -> bool:
    # lower(), not casefold(): the page's JavaScript compares with toLowerCase(), which agrees.
    return bool(one and other and one.lower() == other.lower())


def place_points(entry: Facts, place: Near | None) -> int | None:
    """Points for where a meetup happens; None when it is out of the reader's reach."""
    if entry.online:
        return PLACE_ONLINE
    if place is None:
        return 0
    if place.online:
        return None
    if same_city(place.city, entry.city) and place.country in (None, entry.country):
        return PLACE_CITY
    if place.country and place.country == entry.country:
        return PLACE_COUNTRY
    return None


def adds(entry: Facts, part: Part, company: Sequence[str]) -> frozenset[str]:
    """What the entry adds to a part (skills, segments, a place): the greedy pick compares these."""
    segments = [f"segment:{segment}" for segment in company if segment in entry.segments]
    if part is Part.DEEPEN:
        return frozenset([f"skill:{skill}" for skill in flavour_skills(entry, company)] + segments)
    if part is Part.BROADEN:
        return frozenset(f"skill:{skill}" for skill in entry.general)
    where = "online" if entry.online else f"{entry.city}, {entry.country}"
    return frozenset(segments + [f"place:{where}"])


# --- ranking and the greedy pick --------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    """A scored entry, with what the greedy pick and the wording read."""

    facts: Facts
    score: int
    tags: frozenset[str]  # what it adds to a part: skills, segments, a place
    fit: StageFit  # how it fits the reader's stage
    near: bool = False  # a meetup in the reader's city or country
    target: str | None = None  # the reader's gap it closes (see `gap_target`)

    @property
    def id(self) -> str:
        return self.facts.entry.id


def candidate(entry: Facts, part: Part, who: Reader, covered: frozenset[str] = frozenset()) -> Candidate | None:
    points = score(entry, part, who, covered)
    if points is None:
        return None
    fit = stage_fit(entry.levels, who.stage)
    assert fit is not None  # score turned away entries too far from the reader's stage
    near = part is Part.MEETUPS and who.place is not None and not entry.online
    target = gap_target(entry, part, who, covered)[0] if part is not Part.MEETUPS else None
    return Candidate(entry, points, adds(entry, part, who.company), fit, near, target)


def rank(entries: Iterable[Facts], part: Part, who: Reader) -> list[Candidate]:
    """Every entry that belongs in the part, best score first, the smaller id on a tie."""
    found = (candidate(entry, part, who) for entry in entries)
    return sorted((found for found in found if found is not None), key=lambda c: (-c.score, c.id))


Rescore = Callable[[Candidate, frozenset[str]], Candidate]


def greedy(ranked: Iterable[Candidate], count: int, taken: Iterable[str] = (),
           rescore: Rescore | None = None) -> list[Candidate]:
    """Pick `count` candidates, each time the best score against what the part has covered
    (`rescore`; by default only REPEAT_PENALTY), the smaller id on a tie. A score against a
    coverage is never above the score against none, by which `ranked` is sorted best first, so
    the scan stops early."""
    rescore = rescore or _penalised
    chosen: list[Candidate] = []
    used = set(taken)
    covered: frozenset[str] = frozenset()
    while len(chosen) < count:
        best: Candidate | None = None
        for found in ranked:
            # Below: (-score, id) compared with the best's, spelled out as a plan reads many candidates.
            if best is not None and (found.score < best.score or found.score == best.score and found.id > best.id):
                break  # the rest score lower even before their coverage is counted
            if found.id in used:
                continue
            adjusted = rescore(found, covered) if covered else found
            if best is None or adjusted.score > best.score or adjusted.score == best.score and adjusted.id < best.id:
                best = adjusted
        if best is None:
            break
        chosen.append(best)
        used.add(best.id)
        covered |= best.tags
    return chosen


def _penalised(found: Candidate, covered: frozenset[str]) -> Candidate:
    return replace(found, score=found.score - REPEAT_PENALTY) if found.tags <= covered else found


def rescorer(part: Part, who: Reader) -> Rescore:
    """`greedy`'s rescoring by the whole rule: `score` against what the part has covered."""
    def rescore(found: Candidate, covered: frozenset[str]) -> Candidate:
        adjusted = candidate(found.facts, part, who, covered)
        assert adjusted is not None  # coverage never turns a candidate away
        return adjusted
    return rescore
