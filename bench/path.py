"""path: what the reading plan costs now that the page plans in the browser.

The site used to precompute every combination of answers (it doubled per segment: 10 segments
took 35 s and 2 GB, issue 15 item 11). It now ships the rule's inputs (api/plan-index.json) and a
JavaScript port of the rule. This measures, on 5,000 synthetic entries:

- the path/ page's build (the index and the page), at the shipped 4 segments and at 10;
- one plan from the Python planner `pmgenome path` runs, with ratings and a comparison;
- one plan from the JavaScript port in node (what the page does on each change), when node exists.

Goals: the page's build under 5 s at 10 segments and within 1.5x of its time at 4 (it no longer
depends on the vocabulary's size); a CLI plan under 2 s; a plan in the page under 250 ms.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
import tracemalloc
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog
from pmgenome.plan.answers import parse_answers
from pmgenome.plan.planner import Planner
from pmgenome.site.context import make_context
from pmgenome.site.plan_page import build_plan_page, plan_index

from bench.synthetic import REPO, write_catalog

ENTRIES = 5_000
GOAL_BUILD_SECONDS = 5.0
GOAL_BUILD_RATIO = 1.5
GOAL_PLAN_SECONDS = 2.0
GOAL_PAGE_MILLISECONDS = 250.0
RATINGS = "discovery=0,strategy=1,go-to-market=1,pricing=2,metrics=3"


def _with_segments(root: Path, count: int) -> None:
    taxonomy = root / "taxonomy.yaml"
    text = taxonomy.read_text(encoding="utf-8")
    extra = "".join(f"  - id: extra-{number}\n    name: Extra {number}\n    description: A segment for the "
                    "benchmark.\n" for number in range(count - 4))
    taxonomy.write_text(text.replace("\n# scope: general skills", f"\n{extra}# scope: general skills", 1),
                        encoding="utf-8")


def _build(catalog: Catalog) -> tuple[float, float]:
    """Seconds and peak MB of building the path/ page and its index."""
    context = make_context(catalog)
    tracemalloc.start()
    started = time.perf_counter()
    pages = list(build_plan_page(catalog, context))
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    assert len(pages) == 5
    return seconds, peak


def _node_plan(catalog: Catalog, answers: dict) -> float | None:
    node = shutil.which("node")
    if node is None:
        return None
    index = plan_index(catalog, make_context(catalog))
    request = json.dumps({"index": index, "cases": [{"answers": answers}] * 5})
    done = subprocess.run([node, str(REPO / "tests" / "tools" / "plan_port.cjs")], input=request,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["milliseconds"] / 5


def main() -> int:
    builds = {}
    with tempfile.TemporaryDirectory(prefix="bench-path-") as tmp:
        root = write_catalog(Path(tmp) / "catalog", ENTRIES)
        for segments in (4, 10):
            if segments == 10:
                _with_segments(root, segments)
            catalog, problems = load_catalog(root)
            assert problems == [], problems[:3]
            assert len(catalog.taxonomy.segments) == segments
            builds[segments] = min((_build(catalog) for _ in range(3)), key=lambda run: run[0])
        catalog, _ = load_catalog(root)
    answers, errors = parse_answers(catalog.taxonomy, stage="new", background="engineering", company="b2b,design",
                                    goal="broaden", ratings=RATINGS, compare="b2c", place="GB")
    assert errors == []
    planner = Planner(catalog)
    started = time.perf_counter()
    plan = planner.plan(answers)
    cli_seconds = time.perf_counter() - started
    page_ms = _node_plan(catalog, {"stage": "new", "background": "engineering", "company": ["b2b", "design"],
                                   "pm_load": "balanced", "goal": "broaden", "place": "GB",
                                   "ratings": dict(answers.ratings), "compare": "b2c"})
    ratio = builds[10][0] / builds[4][0]
    print(f"{'':44}{'seconds':>9}{'peak MB':>9}")
    for segments, (seconds, peak) in builds.items():
        print(f"{f'path/ page build, {segments} segments':44}{seconds:9.2f}{peak:9.1f}")
    print(f"{'one plan, Python planner (pmgenome path)':44}{cli_seconds:9.2f}")
    if page_ms is not None:
        print(f"{'one plan, JavaScript port in node':44}{page_ms / 1000:9.3f}")
    print(f"entries: {len(catalog.entries):,}; plan items: {len(plan.deepen) + len(plan.broaden)} reading, "
          f"compare {len(plan.comparison.items) if plan.comparison else 0}; build 10/4 segments: {ratio:.2f}x "
          f"(goal <= {GOAL_BUILD_RATIO}x)")
    met = (builds[10][0] <= GOAL_BUILD_SECONDS and ratio <= GOAL_BUILD_RATIO and cli_seconds <= GOAL_PLAN_SECONDS
           and (page_ms is None or page_ms <= GOAL_PAGE_MILLISECONDS))
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
