"""The link checker's exclusions file: shape errors are located, matching and expiry."""

from __future__ import annotations

import datetime as dt
from typing import cast

import regex
from pmgenome.catalog.exclusions import (
    MATCH_SECONDS,
    Exclusion,
    active,
    expired_problems,
    load_exclusions,
    matching,
)
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Location

from tests.support.catalogs import CatalogDir


def test_missing_file_means_no_exclusions(catalog_dir: CatalogDir) -> None:
    assert load_exclusions(catalog_dir.root / "exclusions.yaml") == ((), [])


def test_an_empty_list_is_fine(catalog_dir: CatalogDir) -> None:
    path = catalog_dir.write("exclusions.yaml", "exclusions:\n")
    assert load_exclusions(path) == ((), [])


def test_the_file_must_hold_one_list(catalog_dir: CatalogDir) -> None:
    wrong_key = catalog_dir.write("exclusions.yaml", "skip:\n  - url: https://example.org/\n")
    assert load_exclusions(wrong_key) == ((), [Problem(
        "catalog/exclusions.yaml", 1, 1,
        "the exclusions file must hold one key, 'exclusions', with a list of exclusions", "exclusions")])
    not_a_list = catalog_dir.write("exclusions.yaml", "exclusions: everything\n")
    assert load_exclusions(not_a_list) == ((), [Problem(
        "catalog/exclusions.yaml", 1, 13, "'exclusions' must be a list", "exclusions")])
    not_a_mapping = catalog_dir.write("exclusions.yaml", "exclusions:\n  - https://example.org/\n")
    assert load_exclusions(not_a_mapping) == ((), [Problem(
        "catalog/exclusions.yaml", 2, 5, "each exclusion must be a mapping with url or pattern, and reason",
        "exclusions")])


def test_yaml_errors_are_located(catalog_dir: CatalogDir) -> None:
    path = catalog_dir.write("exclusions.yaml", "exclusions:\n  - url: https://example.org/a\n"
                                                "    url: https://example.org/b\n    reason: twice\n")
    exclusions, problems = load_exclusions(path)
    assert [str(p) for p in problems] == [
        "catalog/exclusions.yaml:3:5: duplicate key 'url' (first written at line 2); keep only one"]
    assert [e.url for e in exclusions] == ["https://example.org/a"]  # the command refuses to run anyway


def test_a_url_must_be_http(catalog_dir: CatalogDir) -> None:
    path = catalog_dir.write("exclusions.yaml", "exclusions:\n  - url: ftp://example.org/f\n    reason: old\n")
    assert [str(p) for p in load_exclusions(path)[1]] == [
        "catalog/exclusions.yaml:2:10: url: URL must be absolute and start with https:// or http://"]


def test_matching_and_expiry(catalog_dir: CatalogDir) -> None:
    path = catalog_dir.write("exclusions.yaml", """\
        exclusions:
          - url: https://example.org/exact
            reason: exact one
          - pattern: ^https://(www\\.)?linkedin\\.com/
            reason: LinkedIn answers 999
            expires: 2026-06-30
        """)
    exclusions, problems = load_exclusions(path)
    assert problems == []
    exact, linkedin = exclusions
    assert matching(exclusions, "https://example.org/exact") is exact
    assert matching(exclusions, "https://example.org/exact/more") is None
    assert matching(exclusions, "https://www.linkedin.com/in/someone") is linkedin
    assert (exact.where, linkedin.where) == ("catalog/exclusions.yaml:2:5", "catalog/exclusions.yaml:4:5")
    on_the_day, day_after = dt.date(2026, 6, 30), dt.date(2026, 7, 1)
    assert active(exclusions, on_the_day) == exclusions
    assert active(exclusions, day_after) == (exact,)
    assert expired_problems(exclusions, on_the_day) == []
    assert [str(p) for p in expired_problems(exclusions, day_after)] == [
        "catalog/exclusions.yaml:4:5: exclusion expired on 2026-06-30 (LinkedIn answers 999); the link is "
        "checked again: remove the exclusion or move its date"]


def test_patterns_that_backtrack_without_end_are_refused(catalog_dir: CatalogDir) -> None:
    path = catalog_dir.write("exclusions.yaml", """\
        exclusions:
          - pattern: (\\w+\\w+)+!
            reason: the catastrophic one from the review
          - pattern: (a|aa)+$
            reason: alternatives repeated
          - pattern: (x)\\1
            reason: a back-reference
          - pattern: ^https://(www\\.|m\\.)?linkedin\\.com/(in|company)/
            reason: fine
        """)
    exclusions, problems = load_exclusions(path)
    assert [e.where for e in exclusions] == ["catalog/exclusions.yaml:8:5"]
    assert [str(p) for p in problems] == [
        "catalog/exclusions.yaml:2:14: pattern has a repetition inside a repeated group, which can make one search "
        "take minutes; write it without (for example ^https://(www\\.)?example\\.com/)",
        "catalog/exclusions.yaml:4:14: pattern has alternatives inside a repeated group, which can make one search "
        "take minutes; write it without (for example ^https://(www\\.)?example\\.com/)",
        "catalog/exclusions.yaml:6:14: pattern has a back-reference, which can make one search take minutes; write "
        "it without (for example ^https://(www\\.)?example\\.com/)",
    ]


def test_a_slow_pattern_is_cut_off_and_skipped_for_the_rest_of_the_run() -> None:
    # A shape the static check lets through but that still takes long: the search is bounded.
    searches = _CountedPattern(regex.compile(r"\w*1\w*1\w*1\w*1\w*!"))
    slow_pattern = Exclusion("slow", "catalog/exclusions.yaml", Location(2, 5),
                             pattern=cast(regex.Pattern[str], searches))
    url = "https://example.org/" + "a1" * 2000
    slow: set[str] = set()
    assert [matching((slow_pattern,), url, slow) for _ in range(50)] == [None] * 50
    # Tried once, cut off at MATCH_SECONDS, then skipped: counted, not timed.
    assert searches.timeouts == [MATCH_SECONDS]
    assert slow == {"catalog/exclusions.yaml:2:5"}


class _CountedPattern:
    """A compiled pattern that records the timeout of every search made with it."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern
        self.timeouts: list[float | None] = []

    def search(self, text: str, timeout: float | None = None) -> regex.Match[str] | None:
        self.timeouts.append(timeout)
        return self.pattern.search(text, timeout=timeout)
