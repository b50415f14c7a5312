"""What the catalog does not say yet: the facts readers use that some entries still lack.

Each fact is defined once here (which kinds it applies to, when an entry has it, the share the
catalog aims at) and read twice: by `pmgenome gaps`, a curator's worklist of the entries to
complete, and by the content floors in tests/catalog/content_depth_test.py. So the figure a test
holds and the list a contributor works from cannot drift apart.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.catalog.usetime import UNITS, written_time


@dataclass(frozen=True)
class Fact:
    """One fact some kinds of entry should give."""

    name: str  # as `pmgenome gaps --fact` takes it
    kinds: tuple[Kind, ...]  # the kinds it applies to, in the catalog's order
    said: str  # what it is, for "N of M <said>"
    has: Callable[[Entry], bool]
    goal: float  # the share of those entries the catalog aims at (the issues' figures)
    how: str  # how a contributor adds it


def _kinds(*kinds: Kind) -> tuple[Kind, ...]:
    return tuple(kind for kind in Kind if kind in kinds)


FACTS = (
    # Issue 19: every entry used in a sitting but at most 5% says how long it takes.
    Fact("time", _kinds(*UNITS), "entries used in a sitting give their time",
         lambda entry: written_time(entry) is not None, 0.95,
         "add `time:` with its source (CONTRIBUTING.md, 'How long it takes')"),
    # Issue 26: 80% of articles and videos give their day, or their year when no day is known.
    Fact("date", _kinds(Kind.ARTICLE, Kind.VIDEO), "articles and videos give their day or year",
         lambda entry: entry.published is not None or entry.year is not None, 0.80,
         "add `published: YYYY-MM-DD`, or `year:` when the page gives no day"),
    # Issue 26: every book its current edition's publisher and, where one exists, its ISBN.
    Fact("publisher", _kinds(Kind.BOOK), "books name their publisher",
         lambda entry: bool(entry.publisher), 1.0, "add `publisher:` of the edition the link names"),
    Fact("isbn", _kinds(Kind.BOOK), "books give their ISBN", lambda entry: bool(entry.isbn), 1.0,
         "add `isbn:` of the edition the link names (a free web book has none)"),
    # Issue 19 and the feeds page: a show's or newsletter's feed, so a reader can follow it.
    Fact("feed", _kinds(Kind.PODCAST, Kind.NEWSLETTER), "podcasts and newsletters give their feed",
         lambda entry: bool(entry.feed), 0.80, "add `feed:` with the RSS or Atom address its page gives"),
    # Issue 19: what a reader can do after using it, on 80% of entries (and every pick).
    Fact("outcomes", tuple(Kind), "entries say what they teach", lambda entry: bool(entry.outcomes), 0.80,
         "add one to three `outcomes:` lines"),
)
FACT_NAMES = tuple(fact.name for fact in FACTS)


@dataclass(frozen=True)
class Coverage:
    """How many of the entries a fact applies to give it, and which do not."""

    fact: Fact
    having: int
    lacking: tuple[Entry, ...]  # in the catalog's order

    @property
    def of(self) -> int:
        return self.having + len(self.lacking)

    @property
    def share(self) -> float:
        return self.having / self.of if self.of else 1.0

    @property
    def short_of_goal(self) -> int:
        """How many more entries must give the fact for the share to reach the goal."""
        # Exact arithmetic: 0.8 of 245 entries is 196, where floats would round up to 197.
        needed = math.ceil(Fraction(str(self.fact.goal)) * self.of)
        return max(0, needed - self.having)


def coverage(catalog: Catalog, fact: Fact) -> Coverage:
    entries = [entry for entry in catalog.entries if entry.kind in fact.kinds]
    lacking = tuple(entry for entry in entries if not fact.has(entry))
    return Coverage(fact, len(entries) - len(lacking), lacking)


_BY_NAME = {fact.name: fact for fact in FACTS}


def fact_named(name: str) -> Fact:
    """The fact called `name` (one of FACT_NAMES); KeyError for any other name."""
    return _BY_NAME[name]
