"""The plan from the rule and nothing else: score every entry, sort, pick greedily.

Small on purpose: this is what "the rule" means in code, the reference the fast engine is held
equal to, and fast enough for one plan at a time.
"""

from __future__ import annotations

from pmgenome.catalog.model import Catalog, Kind
from pmgenome.plan.answers import Answers
from pmgenome.plan.assembly import assemble, assemble_meetups
from pmgenome.plan.model import MeetupPick, Plan
from pmgenome.plan.names import Names
from pmgenome.plan.rule import LEVEL_NEIGHBOUR, Candidate, Part, Vocabulary, facts, greedy, rank, reader
from pmgenome.plan.wording import Words


class NaivePlanner:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.vocabulary = Vocabulary.of(catalog.taxonomy)
        self.names = Names(catalog.taxonomy)
        self.entries = {kind: [facts(entry, self.vocabulary) for entry in catalog.of_kind(kind)] for kind in Kind}

    def _words(self, answers: Answers) -> Words:
        who = reader(answers, self.vocabulary, self.catalog)
        return Words(self.names, answers, who.picked, who.gaps)

    def _pick(self, answers: Answers):
        who = reader(answers, self.vocabulary, self.catalog)

        def pick(part: Part, kind: Kind, count: int, taken: frozenset[str]) -> tuple[Candidate, ...]:
            return tuple(greedy(rank(self.entries[kind], part, who), count, taken))

        def own_stage(part: Part, taken: frozenset[str]) -> int:
            return sum(1 for found in rank(self.entries[Kind.ARTICLE], part, who)
                       if found.fit != LEVEL_NEIGHBOUR and found.id not in taken)

        return pick, own_stage

    def plan(self, answers: Answers) -> Plan:
        pick, own_stage = self._pick(answers)
        words = self._words(answers)
        return assemble(answers, pick, own_stage, words, assemble_meetups(pick, words))

    def meetups(self, answers: Answers) -> MeetupPick:
        pick, _ = self._pick(answers)
        return assemble_meetups(pick, self._words(answers))
