"""The fast planner: the rule (see `rule`) for every combination of answers in one site build.

The naive planner scores every entry for each plan. The site needs every combination of answers
(thousands of plans), so this engine splits each score the way the answers vary and shares work:

- the company part (the deepen / broaden / meetup lines of `rule.score`) is computed once per
  company (and place), with segments as bits so a company match is one `&`;
- the stage fit is added per stage;
- what background and load add (BACKGROUND_MATCH, BACKGROUND_GAP, PM_LOAD_WEIGHT) is grouped:
  entries with the same bonus for every (background, load) form one group, so a ranking is a lazy
  merge of a few sorted groups, and a plan reads only its first candidates.

These mirror `rule.score` line by line; a property test (tests/plan/plan_engine_test.py) holds
this engine's plans equal to the naive planner's over random catalogs and answers, so a factor
added to `rule.score` and not here fails that test.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import product

from pmgenome.catalog.model import Catalog, Kind
from pmgenome.plan.answers import Answers, Near, PmLoad, meetup_key
from pmgenome.plan.assembly import assemble, assemble_meetups
from pmgenome.plan.model import MeetupPick, Plan
from pmgenome.plan.names import Names
from pmgenome.plan.rule import (
    BACKGROUND_GAP,
    BACKGROUND_MATCH,
    CURATED_PICK,
    FLAVOUR_SKILL,
    LEVEL_NEIGHBOUR,
    PM_LOAD_WEIGHT,
    SEGMENT_CONTEXT,
    SEGMENT_MATCH,
    Candidate,
    Facts,
    Part,
    Vocabulary,
    adds,
    facts,
    greedy,
    place_points,
    reader,
    stage_fit,
)
from pmgenome.plan.wording import Words


@dataclass(frozen=True)
class _Indexed:
    """An entry's facts with what the engine precomputes from them."""

    facts: Facts
    fits: tuple[int | None, ...]  # its stage points for each level in taxonomy order; None: too far
    flavour_bits: tuple[int, ...]  # the segments of each of its flavour skills as bits
    # Its segments as bits, one per vocabulary segment: scoring every entry for every company
    # then takes one `&` instead of a set intersection.
    segment_bits: int


def _bits(segments: Iterable[str], segment_bit: Mapping[str, int]) -> int:
    # Each segment counts once, as in a set; a segment the vocabulary lacks gets no bit: no
    # company has it, so it never matches one.
    return sum(segment_bit.get(segment, 0) for segment in frozenset(segments))


class Planner:
    """The rule bound to one catalog: entries are read once and rankings are reused, so that
    every combination of answers can be planned for the site in one build."""

    def __init__(self, catalog: Catalog, *, lazy: bool = True) -> None:
        taxonomy = catalog.taxonomy
        self.catalog = catalog
        self.taxonomy = taxonomy
        self._names = Names(taxonomy)
        self._vocabulary = Vocabulary.of(taxonomy)
        self._level_index = self._vocabulary.level_index
        self._gaps = self._vocabulary.gaps
        self._all_gaps = frozenset(skill for gaps in self._gaps.values() for skill in gaps)
        self._segment_bit = {segment: 1 << index for index, segment in enumerate(taxonomy.ids("segments"))}
        # In id order: an entry's position here breaks ties in its `_order`.
        self._by_kind = {kind: tuple(sorted((self._indexed(entry) for entry in catalog.of_kind(kind)),
                                            key=lambda indexed: indexed.facts.entry.id))
                         for kind in Kind}
        self._lazy = lazy  # off only in the test that checks the lazy rankings against full ones
        self._variants = tuple(product(taxonomy.ids("backgrounds"), PmLoad))
        self._bonus_cache: dict[tuple, tuple[int, ...]] = {}
        self._bonus_rows: dict[tuple[str, Kind], tuple[tuple[int, ...], ...]] = {}
        self._scores: dict[tuple, tuple[tuple[tuple[int, ...], list[int]], ...]] = {}
        self._groups: dict[tuple, tuple[tuple[tuple[int, ...], list[int]], ...]] = {}
        self._tags: dict[tuple[str, tuple[str, ...], str], frozenset[str]] = {}
        self._made: dict[tuple, dict[int, Candidate]] = {}  # by `_groups_of` key, then `_order`
        self._rankings: dict[tuple, Iterable[Candidate]] = {}
        self._picks: dict[tuple, tuple[Candidate, ...]] = {}
        self._own: dict[tuple, frozenset[str]] = {}
        self._meetups: dict[str, MeetupPick] = {}
        self._wordings: dict[tuple, Words] = {}

    def _indexed(self, entry) -> _Indexed:
        read = facts(entry, self._vocabulary)
        return _Indexed(read, tuple(stage_fit(read.levels, here) for here in range(len(self._level_index))),
                        tuple(_bits(segments, self._segment_bit) for _, segments in read.flavour),
                        _bits(read.segments, self._segment_bit))

    # The company part of `rule.score`. For the site every entry is scored for every company,
    # so these read only numbers and leave out the stage fit, which `_groups_of` adds for each
    # stage; an entry becomes a candidate only when a plan reads that far down a ranking.

    def _deepen(self, indexed: _Indexed, company: int, picked: frozenset[str], place: Near | None) -> int | None:
        shared = indexed.segment_bits & company
        if not shared:
            return None
        skills = sum(1 for owners in indexed.flavour_bits if owners & shared)
        score = FLAVOUR_SKILL * skills + SEGMENT_MATCH * shared.bit_count()
        return score + (CURATED_PICK if indexed.facts.entry.id in picked else 0)

    def _broaden(self, indexed: _Indexed, company: int, picked: frozenset[str], place: Near | None) -> int | None:
        if not indexed.facts.general:
            return None
        score = SEGMENT_CONTEXT if indexed.segment_bits & company else 0
        return score + (CURATED_PICK if indexed.facts.entry.id in picked else 0)

    def _meetup(self, indexed: _Indexed, company: int, picked: frozenset[str], place: Near | None) -> int | None:
        points = place_points(indexed.facts, place)
        if points is None:
            return None
        score = points + SEGMENT_MATCH * (indexed.segment_bits & company).bit_count()
        return score + (CURATED_PICK if indexed.facts.entry.id in picked else 0)

    # Until then a scored entry travels as one int, its `_order`: the site scores over a million
    # (entry, stage, company) triples, and ints sort fast without a key function and leave the
    # garbage collector nothing to walk (it tracks every tuple).

    def _candidates(self, part: Part, kind: Kind, answers: Answers, orders: Iterable[int],
                    made: dict[int, Candidate]) -> Iterator[Candidate]:
        """The ranked entries as candidates, with what the greedy pick and the wording read: their
        tags, fit and nearness. `made`: the candidates already made for this part, kind, stage,
        company and place; the rankings of different backgrounds and loads share those that end
        with the same score."""
        for order in orders:
            yield made.get(order) or self._candidate(part, kind, order, answers, made)

    def _candidate(self, part: Part, kind: Kind, order: int, answers: Answers,
                   made: dict[int, Candidate]) -> Candidate:
        score, position = _unorder(order, len(self._by_kind[kind]))
        indexed = self._by_kind[kind][position]
        key = (part, answers.company, indexed.facts.entry.id)  # the tags do not depend on stage or place
        if key not in self._tags:
            self._tags[key] = adds(indexed.facts, part, answers.company)
        near = part == Part.MEETUPS and answers.place is not None and not indexed.facts.online
        fit = indexed.fits[self._level_index[answers.stage]]
        made[order] = Candidate(indexed.facts, score, self._tags[key], fit, near)
        return made[order]

    def _scored(self, part: Part, kind: Kind, answers: Answers) -> tuple[tuple[tuple[int, ...], list[int]], ...]:
        """The `_order` without the stage fit of each entry of the kind that the company (and, for
        meetups, the place) lets into the part, grouped by `_bonuses`: shared by every stage."""
        key = (part, kind, answers.company, answers.place if part == Part.MEETUPS else None)
        if key not in self._scores:
            scorer = {Part.DEEPEN: self._deepen, Part.BROADEN: self._broaden, Part.MEETUPS: self._meetup}[part]
            company = _bits(answers.company, self._segment_bit)
            picked = reader(answers, self._vocabulary, self.catalog).picked
            size = len(self._by_kind[kind])
            groups: dict[tuple[int, ...], list[int]] = {}
            for position, (indexed, bonuses) in enumerate(zip(self._by_kind[kind], self._bonus_row(part, kind))):
                score = scorer(indexed, company, picked, answers.place)
                if score is not None:
                    groups.setdefault(bonuses, []).append(_order(score, position, size))
            self._scores[key] = tuple(groups.items())
        return self._scores[key]

    def _groups_key(self, part: Part, kind: Kind, answers: Answers) -> tuple:
        return part, kind, answers.stage, answers.company, answers.place if part == Part.MEETUPS else None

    def _groups_of(self, part: Part, kind: Kind, answers: Answers) -> tuple[tuple[tuple[int, ...], list[int]], ...]:
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

    def _ranked(self, part: Part, kind: Kind, answers: Answers) -> Iterable[Candidate]:
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

    def _ranking_key(self, part: Part, kind: Kind, answers: Answers) -> tuple:
        """The `_groups_of` key and what background and load add to each group: backgrounds and
        loads that add the same (one that no entry lists, a load with no project-management
        entry in sight) share the ranking, what was read of it and the picks from it."""
        # No bonus for meetups: background and load do not change them.
        variant = 0 if part == Part.MEETUPS else self._variants.index((answers.background, answers.pm_load))
        return self._groups_key(part, kind, answers), tuple(bonuses[variant] for bonuses, _ in
                                                            self._groups_of(part, kind, answers))

    def _pick(self, part: Part, kind: Kind, answers: Answers, count: int,
              taken: frozenset[str] = frozenset()) -> tuple[Candidate, ...]:
        """The greedy pick (see `rule.greedy`) from the part's ranking."""
        key = (self._ranking_key(part, kind, answers), count, taken)
        if key not in self._picks:
            self._picks[key] = tuple(greedy(self._ranked(part, kind, answers), count, taken))
        return self._picks[key]

    def _bonus_row(self, part: Part, kind: Kind) -> tuple[tuple[int, ...], ...]:
        """`_bonuses` of each entry of the kind, in `_by_kind` order: read once per catalog."""
        if (part, kind) not in self._bonus_rows:
            self._bonus_rows[part, kind] = tuple(self._bonuses(part, indexed.facts) for indexed in self._by_kind[kind])
        return self._bonus_rows[part, kind]

    def _bonuses(self, part: Part, read: Facts) -> tuple[int, ...]:
        """What each (background, load) adds to this entry's score, in `_variants` order."""
        gaps = tuple(skill for skill in read.general if skill in self._all_gaps) if part == Part.BROADEN else ()
        signature = (part, read.backgrounds, read.pm, gaps)
        if signature not in self._bonus_cache:
            self._bonus_cache[signature] = tuple(
                _bonus(part, read.backgrounds, read.pm, gaps, background, self._gaps[background], load)
                for background, load in self._variants)
        return self._bonus_cache[signature]

    def _own_stage(self, part: Part, answers: Answers, taken: frozenset[str]) -> int:
        """How many articles for this part are written for the reader's stage (or any stage)
        and not already in the plan: fewer than wanted is what makes borrowing worth a note."""
        key = (part, answers.stage, answers.company)
        if key not in self._own:
            stage = self._level_index[answers.stage]
            entries = self._by_kind[Kind.ARTICLE]
            size = len(entries)
            scored = (entries[order % size] for _, members in self._groups_of(part, Kind.ARTICLE, answers)
                      for order in members)
            self._own[key] = frozenset(indexed.facts.entry.id for indexed in scored
                                       if indexed.fits[stage] != LEVEL_NEIGHBOUR)
        own = self._own[key]
        return len(own) - len(own & taken)  # `own - taken` would copy every own id for each plan

    # The plan.

    def _words(self, answers: Answers) -> Words:
        key = Words.reads(answers)
        if key not in self._wordings:
            who = reader(answers, self._vocabulary, self.catalog)
            self._wordings[key] = Words(self._names, answers, who.picked, who.gaps)
        return self._wordings[key]

    def plan(self, answers: Answers) -> Plan:
        """Apply the rule (see `rule`) to one reader's answers."""
        return assemble(answers, self._picker(answers), lambda part, taken: self._own_stage(part, answers, taken),
                        self._words(answers), self.meetups(answers))

    def _picker(self, answers: Answers):
        def pick(part: Part, kind: Kind, count: int, taken: frozenset[str]) -> tuple[Candidate, ...]:
            return self._pick(part, kind, answers, count, taken)
        return pick

    def meetups(self, answers: Answers) -> MeetupPick:
        """The meetups part alone; it depends on stage, company segments and place only."""
        key = meetup_key(answers.stage, answers.company, answers.place)
        if key not in self._meetups:
            self._meetups[key] = assemble_meetups(self._picker(answers), self._words(answers))
        return self._meetups[key]


def make_plan(catalog: Catalog, answers: Answers) -> Plan:
    """Apply the rule (see `rule`) to one reader's answers."""
    return Planner(catalog).plan(answers)


def pick_meetups(catalog: Catalog, answers: Answers) -> MeetupPick:
    """The meetups part alone; it depends on stage, company segments and place only."""
    return Planner(catalog).meetups(answers)


def _bonus(part: Part, backgrounds: frozenset[str], pm: bool, gaps: tuple[str, ...], background: str,
           background_gaps: frozenset[str], load: PmLoad) -> int:
    """The background and load lines of `rule.score`; `background_gaps` are the general skills
    people from `background` usually lack."""
    if part == Part.MEETUPS:
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

    def __init__(self, source: Iterator[Candidate]) -> None:
        self._source = source
        self._read: list[Candidate] = []

    def __iter__(self) -> Iterator[Candidate]:
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


def _rank_order(candidate: Candidate) -> tuple[int, str]:
    return -candidate.score, candidate.id
