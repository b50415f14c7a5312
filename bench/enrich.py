"""Extraction quality and speed on 200 real pages with known publication days.

Ours (one lxml parse, markup first, then htmldate on the same tree) against a baseline measured in
the same run: BeautifulSoup reading only the usual meta tags, JSON-LD and <time> elements.
Processing time is bytes in, metadata out; no network. The pages live outside the repository
(../shared/eval/dates, or $PMGENOME_EVAL_DATES) and are never copied into it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from pmgenome.enrich import extract

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("PMGENOME_EVAL_DATES", REPO.parent / "shared" / "eval" / "dates"))
GOALS = {"date": 88.0, "title": 99.0, "author": 70.0}
GOAL_MEDIAN_MS = 25.0

_BASELINE_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date",
                       "pubdate", "publishdate", "dc.date", "dcterms.created")


@dataclass(frozen=True)
class Case:
    url: str
    body: bytes
    truth: str | None


@dataclass(frozen=True)
class Found:
    published: str | None
    title: str | None
    author: str | None


def load_cases(folder: Path) -> list[Case]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return [Case(item["url"], (folder / "pages" / item["file"]).read_bytes(), item["date"]) for item in truth]


def ours(case: Case, today: dt.date) -> Found:
    meta = extract.extract(case.body, {}, case.url, today=today)
    return Found(meta.published, meta.title, meta.author)


def _day(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" else None


def baseline(case: Case, today: dt.date) -> Found:
    """What a plain reading of the usual tags finds: no fallbacks, no heuristics, no htmldate."""
    soup = BeautifulSoup(case.body, "lxml")
    metas = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if key and tag.get("content") and key not in metas:
            metas[key] = tag["content"].strip()
    jsonld: list[dict] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        jsonld += [item for item in items if isinstance(item, dict)]
    published = next((_day(metas.get(key)) for key in _BASELINE_DATE_META if _day(metas.get(key))), None)
    published = published or next((_day(item.get("datePublished")) for item in jsonld
                                   if isinstance(item.get("datePublished"), str)), None)
    time_tag = soup.find("time", datetime=True)
    published = published or (_day(time_tag["datetime"]) if time_tag else None)
    title = metas.get("og:title") or (soup.title.get_text(strip=True) if soup.title else None) or None
    author = metas.get("author")
    for item in jsonld:
        found = item.get("author")
        found = found[0] if isinstance(found, list) and found else found
        author = author or (found.get("name") if isinstance(found, dict) else found if isinstance(found, str) else None)
    return Found(published, title, author or None)


@dataclass(frozen=True)
class Figures:
    date: float
    title: float
    author: float
    median_ms: float
    p95_ms: float
    no_date: float


def measure(cases: list[Case], method: Callable[[Case, dt.date], Found], today: dt.date) -> Figures:
    found, times = [], []
    method(cases[0], today)  # warm caches and imports outside the timing
    for case in cases:
        started = time.perf_counter()
        found.append(method(case, today))
        times.append((time.perf_counter() - started) * 1000)
    count = len(cases)

    def share(test: Callable[[Case, Found], bool]) -> float:
        return 100 * sum(1 for case, item in zip(cases, found, strict=True) if test(case, item)) / count

    times.sort()
    return Figures(
        date=share(lambda case, item: item.published == case.truth),
        title=share(lambda case, item: bool(item.title)),
        author=share(lambda case, item: bool(item.author)),
        median_ms=statistics.median(times),
        p95_ms=times[min(count - 1, int(0.95 * count))],
        no_date=share(lambda case, item: item.published is None),
    )


def date_strategies(cases: list[Case], today: dt.date) -> dict[str, float]:
    """How each way of combining our markup reading with htmldate scores (untimed)."""
    scores = {"markup only": 0, "htmldate only": 0, "markup, then htmldate": 0, "htmldate, then markup": 0}
    for case in cases:
        tree, _ = extract.parse(case.body, {})
        markup, library = extract.date_sources(tree, case.url, today) if tree is not None else (None, None)
        answers = {"markup only": markup, "htmldate only": library,
                   "markup, then htmldate": markup or library, "htmldate, then markup": library or markup}
        for name, day in answers.items():
            scores[name] += (day.isoformat() if day else None) == case.truth
    return {name: 100 * value / len(cases) for name, value in scores.items()}


def main() -> int:
    if not (EVAL_DIR / "truth.json").is_file():
        print(f"skipped: the evaluation pages are not at {EVAL_DIR} (set PMGENOME_EVAL_DATES)")
        return 0
    cases = load_cases(EVAL_DIR)
    today = dt.date.today()
    mine, base = measure(cases, ours, today), measure(cases, baseline, today)
    print(f"{len(cases)} pages from {EVAL_DIR}")
    print(f"{'':22}{'ours':>10}{'baseline':>10}{'ratio':>8}   goal")
    rows = (("date right (%)", mine.date, base.date, f">= {GOALS['date']:g}"),
            ("no date found (%)", mine.no_date, base.no_date, ""),
            ("title found (%)", mine.title, base.title, f">= {GOALS['title']:g}"),
            ("author found (%)", mine.author, base.author, f">= {GOALS['author']:g}"),
            ("median ms/page", mine.median_ms, base.median_ms, f"< {GOAL_MEDIAN_MS:g}"),
            ("p95 ms/page", mine.p95_ms, base.p95_ms, ""))
    for label, value, other, goal in rows:
        ratio = f"{value / other:.2f}x" if other else "-"
        print(f"{label:22}{value:>10.1f}{other:>10.1f}{ratio:>8}   {goal}")
    print("date strategies (same pages, untimed):")
    for name, score in date_strategies(cases, today).items():
        print(f"  {name:26}{score:6.1f}%")
    met = (mine.date >= GOALS["date"] and mine.title >= GOALS["title"] and mine.author >= GOALS["author"]
           and mine.median_ms < GOAL_MEDIAN_MS)
    return 0 if met else 1
