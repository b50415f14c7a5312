"""An entry's time to use once: each kind's form, its messages word for word, and the minutes it
comes to (YAML first, then what enrichment read, never invented)."""

from __future__ import annotations

import pytest
from pmgenome.catalog.model import Kind
from pmgenome.catalog.usetime import TimeSource, UseTime, length_text, source_words, to_minutes, use_time, written_time
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import REPO, CatalogDir

FIXTURES = REPO / "tests" / "fixtures" / "site" / "catalog"
# One valid entry of each kind, without a time of its own: each case adds its `time:` line.
BASES = {
    Kind.ARTICLE: "articles/b2b-pick-one.yaml",
    Kind.COURSE: "courses/technical-course.yaml",
    Kind.BOOK: "books/fixture-book.yaml",
    Kind.MEETUP: "meetups/london-pm-meetup.yaml",
}


def _written(catalog_dir: CatalogDir, kind: Kind, line: str) -> tuple[str, int]:
    base = FIXTURES / BASES[kind]
    text = "".join(kept for kept in base.read_text(encoding="utf-8").splitlines(keepends=True)
                   if not kept.startswith("time:"))
    relative = f"{kind.folder}/{base.name}"
    catalog_dir.write(relative, text + line + "\n")
    return f"catalog/{relative}", len(text.splitlines()) + 1


CASES = [
    (Kind.ARTICLE, "time: {minutes: 0, source: stated}",
     "17: 'time.minutes' is 0; write how long it takes to use once, more than 0"),
    (Kind.ARTICLE, "time: {minutes: -5, source: stated}",
     "17: 'time.minutes' is -5; write how long it takes to use once, more than 0"),
    (Kind.ARTICLE, "time: {minutes: 5000, source: stated}",
     "17: 'time.minutes' is 5000, more than 600 (10 hours): write the time one reading, viewing, episode or "
     "issue takes, or check the unit"),
    (Kind.ARTICLE, "time: {hours: 2, source: stated}",
     "8: an article's time is in minutes, not hours: 2 hours is time: {minutes: 120, source: stated}"),
    (Kind.ARTICLE, "time: {minutes: 1.5, source: stated}",
     "17: 'time.minutes' is 1.5: write a whole number; if you meant 1.5 hours, write "
     "time: {minutes: 90, source: stated}"),
    (Kind.ARTICLE, "time: {minutes: '12 min', source: stated}",
     "17: 'time.minutes' must be a whole number of minutes, like 38, not '12 min'"),
    (Kind.ARTICLE, "time: {minutes: 12, source: guess}",
     "29: 'time.source' is 'guess'; choose from stated, counted, estimated (said by the provider, counted, "
     "or estimated by you)"),
    (Kind.ARTICLE, "time: {minutes: 12}", "7: 'time' needs a 'source': stated, counted, estimated"),
    (Kind.ARTICLE, "time: 38 min",
     "7: 'time' must be a mapping, like time: {minutes: 38, source: stated}, not '38 min'"),
    (Kind.ARTICLE, "time: {minutes: 12, source: stated, pages: 3}",
     "37: an article's time is in minutes, not pages: write time: {minutes: 38, source: stated}"),
    (Kind.COURSE, "time: {hours: 1.5, source: stated}",
     "15: 'time.hours' is 1.5: write a whole number; for 1.5 hours write time: {minutes: 90, source: stated}"),
    (Kind.COURSE, "time: {hours: 2, minutes: 30, source: stated}", "7: 'time' gives both hours and minutes; keep one"),
    (Kind.COURSE, "time: {source: stated}", "7: 'time' needs hours or minutes, like time: {hours: 6, source: stated}"),
    (Kind.COURSE, "time: {hours: 900, source: stated}",
     "15: 'time.hours' is 900, more than 400: write the time the whole course once takes, or check the unit"),
    (Kind.BOOK, "time: {minutes: 400, source: stated}",
     "8: a book's time is in pages, not minutes: write time: {pages: 320}; the site turns pages into minutes"),
    (Kind.BOOK, "time: {pages: 0}", "15: 'time.pages' is 0; write how long it takes to use once, more than 0"),
    (Kind.MEETUP, "time: {minutes: 90, source: stated}", "1: a meetup has no 'time': it meets rather than being read or watched once; remove the line"),
]


@pytest.mark.parametrize(("kind", "line", "expected"), CASES, ids=[case[1] for case in CASES])
def test_a_wrong_time_is_reported_whole_at_its_place(catalog_dir: CatalogDir, kind: Kind, line: str,
                                                     expected: str) -> None:
    shown, number = _written(catalog_dir, kind, line)
    _, problems = validate_catalog(catalog_dir.root)
    assert [str(problem) for problem in problems] == [f"{shown}:{number}:{expected}"]


@pytest.mark.parametrize(("kind", "line", "expected"), [
    (Kind.ARTICLE, "time: {minutes: 12, source: counted}", UseTime(12, TimeSource.COUNTED)),
    (Kind.COURSE, "time: {hours: 13, source: stated}", UseTime(780, TimeSource.STATED)),
    (Kind.COURSE, "time: {minutes: 90, source: stated}", UseTime(90, TimeSource.STATED)),
    # 320 pages of 300 words at 238 words a minute: 403.4 minutes, rounded up, and estimated.
    (Kind.BOOK, "time: {pages: 320}", UseTime(404, TimeSource.ESTIMATED)),
])
def test_each_form_comes_to_whole_minutes(catalog_dir: CatalogDir, kind: Kind, line: str,
                                          expected: UseTime) -> None:
    _written(catalog_dir, kind, line)
    catalog, problems = validate_catalog(catalog_dir.root)
    assert [str(problem) for problem in problems] == []
    assert written_time(catalog.entries[0]) == expected


def test_the_yaml_wins_then_a_stated_duration_then_counted_words(catalog_dir: CatalogDir) -> None:
    _written(catalog_dir, Kind.ARTICLE, "time: {minutes: 12, source: stated}")
    catalog_dir.write("videos/talk.yaml", (FIXTURES / "videos" / "fixture-video.yaml").read_text(encoding="utf-8")
                      .replace("time: {minutes: 38, source: stated}\n", ""))
    catalog_dir.write("articles/silent.yaml", (FIXTURES / "articles" / "b2b-pick-two.yaml").read_text(encoding="utf-8"))
    catalog, problems = validate_catalog(catalog_dir.root)
    assert [str(problem) for problem in problems] == []
    article, silent = catalog.by_id["b2b-pick-one"], catalog.by_id["silent"]
    video = catalog.by_id["talk"]
    assert use_time(article, stated_minutes=50, counted_minutes=30) == UseTime(12, TimeSource.STATED)
    assert use_time(silent, counted_minutes=30) == UseTime(30, TimeSource.COUNTED)
    # An article's page may carry a video; its words are what a reader reads.
    assert use_time(silent, stated_minutes=50, counted_minutes=30) == UseTime(30, TimeSource.COUNTED)
    # A video page's words are not its running time.
    assert use_time(video, stated_minutes=41, counted_minutes=3) == UseTime(41, TimeSource.STATED)
    assert use_time(video, counted_minutes=3) is None


def test_a_meetup_has_no_time(catalog_dir: CatalogDir) -> None:
    _written(catalog_dir, Kind.MEETUP, "")
    catalog, _ = validate_catalog(catalog_dir.root)
    assert use_time(catalog.entries[0], stated_minutes=60, counted_minutes=5) is None


@pytest.mark.parametrize(("minutes", "text"), [(1, "1 min"), (59, "59 min"), (60, "1 h"), (90, "1 h 30 min"),
                                               (780, "13 h")])
def test_lengths_as_cards_show_them(minutes: int, text: str) -> None:
    assert length_text(minutes) == text


def test_hours_convert_up_to_whole_minutes() -> None:
    assert (to_minutes(1, "hours"), to_minutes(1, "pages"), to_minutes(0.001, "minutes")) == (60, 2, 1)


@pytest.mark.parametrize(("kind", "source", "said"), [
    (Kind.ARTICLE, TimeSource.COUNTED, "counted from its words"),
    (Kind.NEWSLETTER, TimeSource.COUNTED, "counted from its issues' words"),
    # A show's typical episode is the median of listed lengths: never "its page's words".
    (Kind.PODCAST, TimeSource.COUNTED, "counted from its episodes' lengths"),
    (Kind.VIDEO, TimeSource.COUNTED, "counted"),
    (Kind.PODCAST, TimeSource.STATED, "as its provider states"),
    (Kind.BOOK, TimeSource.ESTIMATED, "estimated"),
])
def test_a_figure_says_what_was_counted_for_its_kind(kind: Kind, source: TimeSource, said: str) -> None:
    assert source_words(kind, source) == said
