"""Issue 23, items 4 and 6-9: text that passed validate and then showed wrong or vanished on the site
(quoted dates, bidirectional controls, trailing newlines, blank names, line breaks in one-line
fields) is refused, each at its place with a whole message."""

from __future__ import annotations

import pytest
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import OUTCOMES, VALID_ARTICLE, CatalogDir

ARTICLE = "catalog/articles/good-pm.yaml"
BOOK = "catalog/books/inspired.yaml"
VALID_BOOK = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/book.schema.json
title: Inspired
url: https://example.org/inspired
summary: >-
  A book on how strong product teams discover and deliver products their customers love, with
  examples from companies of every size; for new and experienced product managers alike.
segments: [b2b]
access: paid
added: 2026-11-01
reviewed: 2026-11-02
authors: [Marty Cagan, Chris Jones]
year: 2017
isbn: 978-1119387503
"""
BIDI = "an invisible character that changes the order text is shown in; delete it"


def problems_of(catalog_dir: CatalogDir, relative: str, text: str) -> list[str]:
    catalog_dir.write(relative, text)
    _, problems = validate_catalog(catalog_dir.root)
    return [str(problem) for problem in problems]


def test_the_valid_book_is_valid(catalog_dir: CatalogDir) -> None:
    assert problems_of(catalog_dir, "books/inspired.yaml", VALID_BOOK) == []


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("added: 2026-11-01", "added: '2026-11-01'",
     f"{ARTICLE}:12:8: 'added' is a date in quotes, which YAML reads as text, so the site would not show it: "
     "drop the quotes (added: 2026-11-01)"),
    ("reviewed: 2026-11-02", 'reviewed: "2026-11-02"',
     f"{ARTICLE}:14:11: 'reviewed' is a date in quotes, which YAML reads as text, so the site would not show "
     "it: drop the quotes (reviewed: 2026-11-02)"),
])
def test_a_quoted_date_is_refused_saying_to_drop_the_quotes(catalog_dir, old, new, expected) -> None:
    """Issue 23, item 4: the site dropped both ('Reviewed' line, api/catalog.json, feed.xml)."""
    assert problems_of(catalog_dir, "articles/good-pm.yaml", VALID_ARTICLE.replace(old, new)) == [expected]


def test_a_quoted_date_in_an_edition_is_refused_too(catalog_dir) -> None:
    # The site reads an edition only with a real start date: a quoted one would drop the edition.
    meetup = ("# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json\n"
              "title: A meetup\nurl: https://example.org/meetup\nsummary: " + "A monthly evening of talks. " * 4
              + "\nsegments: [b2b]\naccess: free\nlanguage: en\nadded: 2026-11-01\nreviewed: 2026-11-01\n"
              "organizer: Someone\nonline: true\ncadence: monthly\nevents:\n"
              "  - start: '2027-01-12'\n    end: \"2027-01-12\"\n    cfp_until: 2026-12-20\n")
    assert problems_of(catalog_dir, "meetups/a-meetup.yaml", meetup) == [
        "catalog/meetups/a-meetup.yaml:14:12: 'events[0].start' is a date in quotes, which YAML reads as text, so "
        "the site would not show it: drop the quotes (start: 2027-01-12)",
        "catalog/meetups/a-meetup.yaml:15:10: 'events[0].end' is a date in quotes, which YAML reads as text, so "
        "the site would not show it: drop the quotes (end: 2027-01-12)",
    ]


@pytest.mark.parametrize("char, name", [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("\u061c", "U+061C ARABIC LETTER MARK"),
    ("\u200e", "U+200E LEFT-TO-RIGHT MARK"), ("\u200f", "U+200F RIGHT-TO-LEFT MARK"),
    ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"), ("\u202d", "U+202D LEFT-TO-RIGHT OVERRIDE"),
    ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"), ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
])
def test_bidirectional_controls_are_refused_in_titles_and_urls_naming_the_character(catalog_dir, char,
                                                                                      name) -> None:
    """Issue 23, item 6: '/\u202efdp.exe' displays as '...exe.pdf'."""
    text = VALID_ARTICLE.replace("title: Good", f"title: Good{char}").replace(
        "bad-product-manager/", f"bad-product-manager/{char}fdp.exe")
    assert problems_of(catalog_dir, "articles/good-pm.yaml", text) == [
        f"{ARTICLE}:2:8: 'title' holds {name}, {BIDI}",
        f"{ARTICLE}:3:6: URL holds {name}, {BIDI}",
    ]


def test_bidirectional_controls_are_refused_in_every_text_field_and_list(catalog_dir) -> None:
    text = VALID_BOOK.replace("Chris Jones", '"Chris\\u2067 Jones"').replace(
        "title: Inspired", "title: Inspired\npublisher: \u202bWiley").replace("  examples", "  \u202eexamples")
    assert problems_of(catalog_dir, "books/inspired.yaml", text) == [
        f"{BOOK}:3:12: 'publisher' holds U+202B RIGHT-TO-LEFT EMBEDDING, {BIDI}",
        f"{BOOK}:5:10: 'summary' holds U+202E RIGHT-TO-LEFT OVERRIDE, {BIDI}",
        f"{BOOK}:12:24: 'authors[1]' holds U+2067 RIGHT-TO-LEFT ISOLATE, {BIDI}",
    ]


def test_episode_titles_and_urls_are_checked_too(catalog_dir) -> None:
    podcast = VALID_ARTICLE.replace("article.schema", "podcast.schema").replace(
        "author: Ben Horowitz\n", "host: Ben\ncadence: weekly\nepisodes:\n"
        "  - {title: \"One\\u2028two\", url: \"https://example.org/1\\u200f\"}\n")
    assert problems_of(catalog_dir, "podcasts/good-pm.yaml", podcast) == [
        "catalog/podcasts/good-pm.yaml:16:13: 'episodes[0].title' holds a line break (U+2028 LINE SEPARATOR), but "
        "it is shown on one line: write it on one line",
        f"catalog/podcasts/good-pm.yaml:16:34: URL holds U+200F RIGHT-TO-LEFT MARK, {BIDI}",
    ]


@pytest.mark.parametrize(("relative", "text", "expected"), [
    ("articles/good-pm.yaml", VALID_ARTICLE.replace("language: en", "language: |\n  en"),
     f"{ARTICLE}:11:11: 'en\n' is not a language tag; write a BCP 47 tag like en, de or pt-BR"),
    ("books/inspired.yaml", VALID_BOOK.replace("isbn: 978-1119387503", "isbn: |\n  0321125215"),
     f"{BOOK}:13:7: '0321125215\n' is not an ISBN; write its 10 or 13 digits, with or without hyphens"),
])
def test_a_trailing_newline_does_not_pass_a_pattern(catalog_dir, relative, text, expected) -> None:
    """Issue 23, item 7: `$` in a Python pattern matches before a final newline."""
    assert problems_of(catalog_dir, relative, text) == [expected]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("[Marty Cagan, Chris Jones]", "['   ']", f"{BOOK}:11:11: 'authors[0]' is blank; fill it in or remove it"),
    ("[Marty Cagan, Chris Jones]", '[Marty Cagan, "\\u00a0\\u200b"]',
     f"{BOOK}:11:24: 'authors[1]' is blank; fill it in or remove it"),
    ("title: Inspired", "title: '  '", f"{BOOK}:2:8: 'title' is blank; fill it in"),
    ("year: 2017", "year: 2017\npublisher: ' '", f"{BOOK}:13:12: 'publisher' is blank; fill it in or remove it"),
])
def test_blank_names_and_text_are_refused(catalog_dir, old, new, expected) -> None:
    """Issue 23, item 8."""
    assert problems_of(catalog_dir, "books/inspired.yaml", VALID_BOOK.replace(old, new)) == [expected]


def test_a_summary_of_spaces_is_blank(catalog_dir) -> None:
    text = VALID_ARTICLE.replace(">-\n  A short classic memo that contrasts the habits of strong and weak product\n"
                                 "  managers, useful as a checklist for anyone new to the role.", f"'{' ' * 90}'")
    assert problems_of(catalog_dir, "articles/good-pm.yaml", text) == [
        f"{ARTICLE}:4:10: 'summary' is blank; fill it in"]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("title: Good Product Manager/Bad Product Manager", 'title: "Two\\nlines"',
     f"{ARTICLE}:2:8: 'title' holds a line break (\\n), but it is shown on one line: write it on one line"),
    ("title: Good Product Manager/Bad Product Manager", "title: |\n  Two\n  lines",
     f"{ARTICLE}:2:8: 'title' is a '|' block, which keeps its line breaks, but it is shown on one line: write it "
     "on one line after 'title:'"),
    ("title: Good Product Manager/Bad Product Manager", "title: >\n  Two\n  lines",
     f"{ARTICLE}:2:8: 'title' is a '>' block, which keeps its line breaks, but it is shown on one line: write it "
     "on one line after 'title:'"),
    ("author: Ben Horowitz", "author: Ben\n\n  Horowitz",
     f"{ARTICLE}:13:9: 'author' holds a line break (\\n), but it is shown on one line: write it on one line"),
    ("author: Ben Horowitz", "author: \"Ben\\u2029Horowitz\"",
     f"{ARTICLE}:13:9: 'author' holds a line break (U+2029 PARAGRAPH SEPARATOR), but it is shown on one line: "
     "write it on one line"),
])
def test_one_line_fields_refuse_line_breaks(catalog_dir, old, new, expected) -> None:
    """Issue 23, item 9: a YAML "\\n" escape or a literal block."""
    assert problems_of(catalog_dir, "articles/good-pm.yaml", VALID_ARTICLE.replace(old, new)) == [expected]


def test_names_in_a_list_refuse_line_breaks(catalog_dir) -> None:
    assert problems_of(catalog_dir, "books/inspired.yaml", VALID_BOOK.replace("Chris Jones", '"Chris\\nJones"')) == [
        f"{BOOK}:11:24: 'authors[1]' holds a line break (\\n), but it is shown on one line: write it on one line"]


def test_the_summary_may_keep_its_line_breaks(catalog_dir) -> None:
    assert problems_of(catalog_dir, "articles/good-pm.yaml", VALID_ARTICLE.replace("summary: >-", "summary: |-")) == []


def test_a_picks_why_is_one_line_without_bidirectional_controls(catalog_dir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE + OUTCOMES)
    catalog_dir.write("articles/other.yaml", (VALID_ARTICLE + OUTCOMES).replace("a16z.com/good", "example.org/good"))
    assert problems_of(catalog_dir, "picks.yaml", """\
        b2b:
          article:
            - {id: good-pm, why: "The original,\\nstill the best."}
            - {id: other, why: "A copy\\u202e."}
        """) == [
        "catalog/picks.yaml:3:21: 'why' of 'good-pm' holds a line break (\\n), but it is shown on one line",
        f"catalog/picks.yaml:4:19: 'why' of 'other' holds U+202E RIGHT-TO-LEFT OVERRIDE, {BIDI}",
    ]


def test_outcomes_are_one_to_three_short_lines_each_on_one_line(catalog_dir: CatalogDir) -> None:
    many = (VALID_ARTICLE + OUTCOMES).replace("outcomes:\n", "outcomes:\n  - You can do one thing after it.\n"
                                 "  - You can do a second thing.\n  - You can do a third thing.\n")
    assert problems_of(catalog_dir, "articles/good-pm.yaml", many) == [
        "catalog/articles/good-pm.yaml:16:3: 'outcomes' lists 4; keep it to the 3 best"]
    short = (VALID_ARTICLE + OUTCOMES).replace("  - You can tell the habits", "  - Short.\n  - You can tell the habits")
    assert problems_of(catalog_dir, "articles/good-pm.yaml", short) == [
        "catalog/articles/good-pm.yaml:16:5: 'outcomes[0]' is 6 characters; write at least 20"]
    broken = (VALID_ARTICLE + OUTCOMES).replace("  - You can tell the habits", '  - "You can tell\\nthe habits')
    broken = broken.replace("a weak one's.", "a weak one's.\"")
    assert problems_of(catalog_dir, "articles/good-pm.yaml", broken) == [
        "catalog/articles/good-pm.yaml:16:5: 'outcomes[0]' holds a line break (\\n), but it is shown on one line: "
        "write it on one line"]


def test_an_article_whose_page_gives_no_day_takes_its_year(catalog_dir: CatalogDir) -> None:
    # Issue 26: many pages say "February 2013"; a year is a fact, a made-up day is not.
    assert problems_of(catalog_dir, "articles/good-pm.yaml", VALID_ARTICLE + "year: 2013\n") == []
    assert problems_of(catalog_dir, "articles/good-pm.yaml", VALID_ARTICLE + "year: 13\n") == [
        "catalog/articles/good-pm.yaml:15:7: 'year' must be a year from 1900 to 2100, not 13"]
