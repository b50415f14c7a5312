"""The usual mistakes of a first contribution, one at a time, and the whole message each one gets:
indentation that swallows a field, YAML syntax errors with their cause, a field spelled as another
kind spells it, an entry in the wrong kind's folder, a placeholder left in a vocabulary field."""

from __future__ import annotations

import time

import pytest
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import VALID_ARTICLE, CatalogDir

ARTICLE = "catalog/articles/good-pm.yaml"


def problems_of(catalog_dir: CatalogDir) -> list[str]:
    _, problems = validate_catalog(catalog_dir.root)
    return [str(problem) for problem in problems]


def test_a_field_indented_into_the_summary_is_found_where_it_was_written(catalog_dir: CatalogDir) -> None:
    swallowed = VALID_ARTICLE.replace("segments: [b2b, technical]", "  segments: [b2b, technical]").replace(
        "skills: [strategy, communication]", "  skills: [strategy, communication]")
    catalog_dir.write("articles/good-pm.yaml", swallowed)
    assert problems_of(catalog_dir) == [
        f"{ARTICLE}:7:3: 'segments' is indented, so YAML reads it as more of the summary above; start it in "
        "column 1, like the other fields",
        f"{ARTICLE}:8:3: 'skills' is indented, so YAML reads it as more of the summary above; start it in "
        "column 1, like the other fields",
    ]


def test_words_in_a_summary_that_merely_look_like_a_field_are_left_alone(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace(
        "  managers, useful as a checklist for anyone new to the role.\n",
        "  managers, useful as a checklist for anyone new to the role.\n  author: the a16z founder.\n"))
    assert problems_of(catalog_dir) == []


@pytest.mark.parametrize(("line_no", "replacement", "expected"), [
    (2, "title: Roadmaps: a guide",
     "2:16: YAML syntax error: mapping values are not allowed in this context; a value that holds ': ' must be "
     "in quotes: title: \"Roadmaps: a guide\""),
    (10, "\taccess: free",
     "10:1: YAML syntax error: found character that cannot start any token; YAML indents with spaces only: "
     "replace the tab with spaces"),
    (10, "access: free\n\tlanguage: en",
     "11:1: YAML syntax error: found a tab character that violates indentation (the plain scalar started at "
     "line 10); YAML indents with spaces only: replace the tab with spaces"),
    (10, "  access: free",
     "10:3: YAML syntax error: did not find expected key (the block mapping started at line 2); 'access' is "
     "indented more than the field above it; start it in column 1, like the other fields"),
    (13, "author: Ben Horowitz\n  published: 2012-06-15",
     "14:12: YAML syntax error: mapping values are not allowed in this context; 'published' is indented more "
     "than the field above it, so YAML reads it as part of that field's value; start it in column 1, like the "
     "other fields"),
    (9, "levels:\n  - new\n - experienced",
     "11:2: YAML syntax error: did not find expected key (the block mapping started at line 2); a list item "
     "('- ...') must line up with the other items of its list, under its field"),
    (13, "author: 'Ben's memo'",
     "13:14: YAML syntax error: did not find expected key (the block mapping started at line 2); a quoted value "
     "must end with the quote it starts with; inside single quotes, write an apostrophe twice ('it''s'), or use "
     "double quotes"),
    (13, 'author: "Ben',
     "15:1: YAML syntax error: found unexpected end of stream (the quoted scalar started at line 13); a quote is "
     "never closed: end the value with the quote it starts with"),
    (13, "author: `Ben`",
     "13:9: YAML syntax error: found character that cannot start any token; a value cannot start with `; put "
     "the whole value in quotes"),

    # A field without its colon: said on its own line (libyaml notices on the next one), with the cause.
    (11, "language en",
     "11:9: YAML syntax error: could not find expected ':'; a field needs a colon and a space after its name: "
     "language: en"),
    (13, "author:Ben Horowitz",
     "13:7: YAML syntax error: could not find expected ':'; put a space after the colon: author: Ben Horowitz"),
    (13, "author:\u00a0Ben Horowitz",
     "13:8: YAML syntax error: could not find expected ':'; a non-breaking space (U+00A0), often pasted from a "
     "web page or a word processor, is not a space to YAML: type an ordinary space in its place"),
    (13, "author\uff1a Ben Horowitz",
     "13:7: YAML syntax error: could not find expected ':'; this colon is the full-width one (U+FF1A): type the "
     "ordinary ':' in its place"),
    # A value whose first character means something to YAML.
    (2, "title: [Video] Good PM, bad PM",
     "2:16: YAML syntax error: did not find expected key; a value that "
     "starts with [ means something else to YAML; to write it as text, put the whole value in quotes: "
     "title: \"[Video] Good PM, bad PM\""),
    (13, "author: *Ben* Horowitz",
     "13:13: YAML syntax error: did not find expected alphabetic or numeric character; a value that starts with "
     "* means something else to YAML; to write it as text, put the whole value in quotes: author: \"*Ben* "
     "Horowitz\""),
    (13, "author: *Ben",
     "13:9: YAML syntax error: found undefined alias; a value that starts with * means something else to YAML; "
     "to write it as text, put the whole value in quotes: author: \"*Ben\""),
    (2, "title: >Good PM",
     "2:9: YAML syntax error: did not find expected comment or line break; a value that starts with > means "
     "something else to YAML; to write it as text, put the whole value in quotes: title: \">Good PM\""),
    (2, "title: \u201cGood PM: Bad PM\u201d",
     "2:16: YAML syntax error: mapping values are not allowed in this context; curly quotes (\u201c) are ordinary "
     "text to YAML, not quotes; use straight ones: title: \"Good PM: Bad PM\""),
])
def test_yaml_syntax_errors_say_their_cause(catalog_dir: CatalogDir, line_no: int, replacement: str,
                                            expected: str) -> None:
    lines = VALID_ARTICLE.splitlines(keepends=True)
    lines[line_no - 1] = replacement + "\n"
    catalog_dir.write("articles/good-pm.yaml", "".join(lines))
    assert problems_of(catalog_dir) == [f"{ARTICLE}:{expected}"]


def test_publisher_on_an_article_means_its_publication(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE + "publisher: Andreessen Horowitz\n")
    assert problems_of(catalog_dir) == [
        f"{ARTICLE}:15:1: unknown field 'publisher' for an article (did you mean 'publication'?)"]


BOOK = """\
    # yaml-language-server: $schema=../../scripts/pmgenome/schema/book.schema.json
    title: Inspired
    url: https://www.svpg.com/books/inspired-how-to-create-tech-products-customers-love-2nd-edition/
    summary: >-
      A made-up summary for a real book, long enough for the validator to accept it as the
      summary of a book entry in this test.
    segments: [b2b]
    access: paid
    added: 2026-11-01
    reviewed: 2026-11-01
    authors: [Marty Cagan]
    year: 2017
    """


def test_publisher_on_a_book_is_its_own_field_and_publication_is_the_near_miss(catalog_dir: CatalogDir) -> None:
    # BOOK ends with the indent of the line that follows it (the test text is dedented when written).
    catalog_dir.write("books/inspired.yaml", BOOK + "publisher: Wiley\n    publication: Wiley\n")
    assert problems_of(catalog_dir) == [
        "catalog/books/inspired.yaml:14:1: unknown field 'publication' for a book (did you mean 'publisher'?)"]


def test_each_kind_names_its_own_spelling(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("podcasts/pod.yaml", """\
        # yaml-language-server: $schema=../../scripts/pmgenome/schema/podcast.schema.json
        title: A product podcast
        url: https://example.org/podcast
        summary: >-
          A made-up podcast for this test, whose contributor wrote author where podcasts say host,
          which the validator should point out by name.
        segments: [b2b]
        access: free
        added: 2026-11-01
        reviewed: 2026-11-01
        author: Someone
        cadence: weekly
        """)
    assert problems_of(catalog_dir) == [
        "catalog/podcasts/pod.yaml:2:1: missing required field 'host'",
        "catalog/podcasts/pod.yaml:11:1: unknown field 'author' for a podcast (did you mean 'host'?)",
    ]


def test_an_article_in_the_courses_folder_is_told_to_move(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("courses/good-pm.yaml", VALID_ARTICLE + "publication: a16z\npublished: 2012-06-15\n")
    assert problems_of(catalog_dir) == [
        "catalog/courses/good-pm.yaml:1:1: author, publication, published are fields of an article, not a course: "
        "move the file to catalog/articles/"]


def test_a_book_in_the_articles_folder_without_a_schema_line_is_told_to_move(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/inspired.yaml", """\
        title: Inspired
        url: https://example.org/inspired
        summary: >-
          A made-up summary for a real book, long enough for the validator to accept it as the
          summary of a book entry in this test.
        segments: [b2b]
        added: 2026-11-01
        authors: [Marty Cagan]
        year: 2017
        """)
    assert problems_of(catalog_dir) == [
        # An article may have a year too (when its page gives no day), so only `authors` says "book".
        "catalog/articles/inspired.yaml:1:1: authors is a field of a book, not an article: move the file to "
        "catalog/books/"]


def test_a_placeholder_in_a_vocabulary_field_is_said_once(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("meetups/lisbon.yaml", """\
        # yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
        title: Lisbon product meetup
        url: https://example.org/lisbon
        summary: >-
          A made-up in-person meetup whose draft still holds the placeholders the scaffolder wrote,
          which must be reported as placeholders and nothing else.
        segments: [b2b]
        access: free
        added: 2026-11-01
        reviewed: 2026-11-01
        cadence: monthly
        online: TODO  # true or false
        city: Lisbon
        country: TODO
        """)
    assert problems_of(catalog_dir) == [
        "catalog/meetups/lisbon.yaml:12:9: 'online' still holds a placeholder: write true or false",
        "catalog/meetups/lisbon.yaml:14:10: 'country' still holds a placeholder: write the two-letter country code, "
        "like GB",
    ]


def test_a_placeholder_in_a_closed_set_says_what_to_choose_from(catalog_dir: CatalogDir) -> None:
    # The draft `pmgenome new` writes: "replace it with your own words" is wrong advice for these.
    catalog_dir.write("podcasts/pod.yaml", """\
        # yaml-language-server: $schema=../../scripts/pmgenome/schema/podcast.schema.json
        title: A product podcast
        url: https://example.org/podcast
        summary: >-
          A made-up podcast for this test, drafted by the scaffolder, whose contributor has not yet
          said how a reader gets it or how often it appears.
        segments: [b2b, TODO]
        access: TODO  # how a reader gets it: free | signup | freemium | paywalled | paid
        added: 2026-11-01
        reviewed: 2026-11-01
        host: Someone
        cadence: TODO  # how often it appears: daily | weekly | fortnightly | monthly | irregular | ended
        """)
    assert problems_of(catalog_dir) == [
        "catalog/podcasts/pod.yaml:7:17: 'segments[1]' still holds a placeholder: choose from b2b, b2c, technical, "
        "design",
        "catalog/podcasts/pod.yaml:8:9: 'access' still holds a placeholder: choose from free, signup, freemium, "
        "paywalled, paid",
        "catalog/podcasts/pod.yaml:12:10: 'cadence' still holds a placeholder: choose from daily, weekly, "
        "fortnightly, monthly, irregular, ended",
    ]


@pytest.mark.parametrize(("replacement", "expected"), [
    # A line separator pasted into the summary: YAML 1.1 reads a new line there, which broke the
    # parse with "could not find expected ':'" two lines further down, counted one line off.
    ("  managers, useful as a checklist\u2028for anyone new to the role.",
     "6:34: an invisible line break (U+2028 LINE SEPARATOR), often pasted from a web page or a word processor; "
     "YAML would start a new line here: replace it with a space"),
    ("  managers, useful as a checklist\x85for anyone new to the role.",
     "6:34: an invisible line break (U+0085), often pasted from a web page or a word processor; YAML would "
     "start a new line here: replace it with a space"),
    # A raw control character: libyaml's message was placed at 1:1 and counted characters from the start.
    ("  managers, useful as a checklist\x1b[31m for anyone new to the role.",
     "6:34: a control character (U+001B) cannot be in a YAML file; remove it"),
    ("  managers, useful as a checklist\ufffe for anyone new to the role.",
     "6:34: U+FFFE cannot be in a YAML file; remove it"),
])
def test_a_character_yaml_cannot_hold_is_found_where_it_was_written(catalog_dir: CatalogDir, replacement: str,
                                                                     expected: str) -> None:
    lines = VALID_ARTICLE.splitlines(keepends=True)
    lines[5] = replacement + "\n"
    catalog_dir.write("articles/good-pm.yaml", "".join(lines))
    assert problems_of(catalog_dir) == [f"{ARTICLE}:{expected}"]


@pytest.mark.parametrize(("replacement", "expected"), [
    # An anchor no alias uses swallowed the start of the value: this entry's author read "Partners".
    ("author: &Co Partners",
     "13:9: a value cannot start with & (YAML reads '&name' as an anchor, which is not allowed); put the whole "
     "value in quotes"),
    ("author: !Important Horowitz",
     "13:9: YAML tag !Important is not allowed; to write text that starts with !, put the whole value in quotes"),
])
def test_a_value_that_starts_with_an_anchor_or_a_tag_is_not_read_as_text_in_silence(
        catalog_dir: CatalogDir, replacement: str, expected: str) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("author: Ben Horowitz", replacement))
    assert problems_of(catalog_dir) == [f"{ARTICLE}:{expected}"]


@pytest.mark.parametrize(("year", "expected"), [
    ('"2017"', "12:7: 'year' must be a whole number, like 2021, not '2017'; remove the quotes"),
    ("0x7E1", "12:7: 'year' must be a whole number, like 2021, not '0x7E1'"),
    ("9" * 5000, f"12:7: '{'9' * 59}…' is not a whole number"),
])
def test_a_year_that_is_not_a_number_says_so_in_a_contributors_words(catalog_dir: CatalogDir, year: str,
                                                                     expected: str) -> None:
    catalog_dir.write("books/inspired.yaml", BOOK.replace("year: 2017", f"year: {year}"))
    assert problems_of(catalog_dir) == [f"catalog/books/inspired.yaml:{expected}"]


@pytest.mark.parametrize(("replacement", "expected"), [
    ("title: C# for PMs #1",
     "2:19: 'title' ends before ' #', which starts a YAML comment, so it reads 'C# for PMs'; put the whole value "
     "in quotes: title: \"C# for PMs #1\""),
    ("title: Episode #42: pricing",
     "2:16: 'title' ends before ' #', which starts a YAML comment, so it reads 'Episode'; put the whole value in "
     "quotes: title: \"Episode #42: pricing\""),
    ("title: Tabs\t#1 of 3",
     "2:13: 'title' ends before ' #', which starts a YAML comment, so it reads 'Tabs'; put the whole value in "
     "quotes: title: \"Tabs\t#1 of 3\""),
])
def test_a_text_value_cut_short_by_a_comment_is_found(catalog_dir: CatalogDir, replacement: str,
                                                      expected: str) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace(
        "title: Good Product Manager/Bad Product Manager", replacement))
    assert problems_of(catalog_dir) == [f"{ARTICLE}:{expected}"]


def test_comments_after_values_are_left_alone(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace(
        "author: Ben Horowitz", "author: Ben Horowitz  # co-founder of a16z").replace(
        "access: free", "access: free  # or signup").replace("title: Good", "title: \"C# for PMs #1\"\n# Good"))
    assert problems_of(catalog_dir) == []


def test_a_review_from_before_the_entry_was_added_is_refused(catalog_dir: CatalogDir) -> None:
    # What copying an older entry and changing only 'added' gives.
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("added: 2026-11-01", "added: 2026-11-20"))
    assert problems_of(catalog_dir) == [
        f"{ARTICLE}:14:11: 'reviewed' (2026-11-02) is before 'added' (2026-11-20); set it to the day you last "
        "checked the resource, 2026-11-20 or later"]


def test_a_list_item_out_of_line_that_joins_the_one_above_says_so(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace(
        "segments: [b2b, technical]", "segments:\n- b2b\n - technical"))
    assert problems_of(catalog_dir) == [
        f"{ARTICLE}:8:3: 'b2b - technical' is not a segment in catalog/taxonomy.yaml; choose from b2b, b2c, "
        "technical, design; put each item of the list on its own line, every '- ' in the same column"]


@pytest.mark.parametrize(("key", "expected"), [
    ("\u00a0author", "field name '\\xa0author' holds an invisible character (U+00A0 NO-BREAK SPACE), often pasted "
                     "from a web page: delete the name and type it again"),
    ("au\u200bthor", "field name 'au\\u200bthor' holds an invisible character (U+200B ZERO WIDTH SPACE), often "
                     "pasted from a web page: delete the name and type it again"),
])
def test_a_field_name_with_an_invisible_character_says_so(catalog_dir: CatalogDir, key: str, expected: str) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace("author:", f"{key}:"))
    assert problems_of(catalog_dir) == [f"{ARTICLE}:13:1: {expected}"]


def test_the_comment_check_stays_linear_on_a_line_of_spaces(catalog_dir: CatalogDir) -> None:
    # One pattern with a lazy value before a run of spaces took minutes on a file this size (its
    # work grows with the square of the run). A regular expression's steps cannot be counted, so
    # this bound is wall time, but far from both sides: linear is milliseconds, quadratic minutes.
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE.replace(
        "author: Ben Horowitz", "author: Ben" + " " * 200_000 + "Horowitz # x"))
    started = time.perf_counter()
    problems_of(catalog_dir)
    assert time.perf_counter() - started < 10
