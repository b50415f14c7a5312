"""path: the plans the site precomputes, on 5,000 synthetic entries.

The baseline ranks every candidate of every part for each plan (Planner(lazy=False), the
straightforward reading of the rule); ours merges pre-sorted groups lazily and reads only the
top of each ranking. Both plan the same sample of answer combinations, in fresh planners, three
rounds interleaved; the best time counts. The two must give identical plans, and the same as
the naive planner (pmgenome.plan.naive: the rule and nothing else), timed once for reference.
Goal: ours takes at most half the baseline's time.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog
from pmgenome.plan.answers import Answers, all_answers
from pmgenome.plan.engine import Planner
from pmgenome.plan.naive import NaivePlanner

from bench.synthetic import write_catalog

ENTRIES = 5_000
EVERY = 10  # plan one combination in ten: enough to measure, short on a shared machine
ROUNDS = 3
GOAL_RATIO = 0.5


def _time(catalog: Catalog, sample: list[Answers], lazy: bool) -> tuple[float, list]:
    started = time.perf_counter()
    planner = Planner(catalog, lazy=lazy)
    plans = [planner.plan(answers) for answers in sample]
    return time.perf_counter() - started, plans


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-path-") as tmp:
        catalog, problems = load_catalog(write_catalog(Path(tmp) / "catalog", ENTRIES))
    sample = list(all_answers(catalog.taxonomy))[::EVERY]
    full_runs, lazy_runs = [], []
    for _ in range(ROUNDS):
        full_runs.append(_time(catalog, sample, lazy=False))
        lazy_runs.append(_time(catalog, sample, lazy=True))
    started = time.perf_counter()
    naive = NaivePlanner(catalog)
    naive_plans = [naive.plan(answers) for answers in sample]
    naive_seconds = time.perf_counter() - started
    full = min(seconds for seconds, _ in full_runs)
    lazy = min(seconds for seconds, _ in lazy_runs)
    same = full_runs[0][1] == lazy_runs[0][1] == naive_plans
    ratio = lazy / full
    print(f"{'':40}{'seconds':>9}")
    print(f"{'full rankings (baseline)':40}{full:9.2f}")
    print(f"{'lazy merged rankings (pmgenome.plan.engine)':40}{lazy:9.2f}")
    print(f"{'naive planner (pmgenome.plan.naive)':40}{naive_seconds:9.2f}")
    print(f"entries: {len(catalog.entries):,}; load problems: {len(problems)} (expected 0); "
          f"plans: {len(sample)} of {len(sample) * EVERY}; identical plans: {same}")
    print(f"ratio lazy/full: {ratio:.2f}x (goal <= {GOAL_RATIO}x)")
    return 0 if ratio <= GOAL_RATIO and same and not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
