"""Issue 23, 'done when': nothing that passes validate is dropped or altered by the build. Entries with
hostile but possibly valid text and dates (quoted or not, line breaks, bidirectional controls, blanks,
trailing newlines) either fail validation or reach api/catalog.json exactly as written, with their
dates, their 'Reviewed' line and their title on the page."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pmgenome.catalog.model import Kind
from pmgenome.catalog.schema import schema_comment
from pmgenome.catalog.validate import validate_catalog
from pmgenome.site.context import make_context
from pmgenome.site.export import catalog_json
from pmgenome.text.clean import one_line

from tests.support.catalogs import REPO

TODAY = dt.date(2026, 12, 6)
SUMMARY = ("A summary written by a person, long enough for the validator; what it is, what a reader gets, "
           "and who it suits.")
texts = st.one_of(st.from_regex(r"[A-Z][a-z]{1,8}(?: [A-Za-z'-]{1,8}){0,3}", fullmatch=True),
                  st.text(alphabet=st.sampled_from(list("ab C-:'\"#\t\n\u00a0\u202e\u2028é")), min_size=1,
                          max_size=12))
days = st.dates(dt.date(2000, 1, 1), TODAY)


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _date(day: dt.date, quoted: bool) -> str:
    return f"'{day.isoformat()}'" if quoted else day.isoformat()


def check_entry(title: str, author: str, language: str, added: dt.date, reviewed: dt.date, quote_added: bool,
                quote_reviewed: bool) -> list[str]:
    """The entry's problems; when there are none, asserts that the build carries every value as written."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "catalog"
        (root / "articles").mkdir(parents=True)
        shutil.copy(REPO / "catalog" / "taxonomy.yaml", root / "taxonomy.yaml")
        (root / "articles" / "x.yaml").write_text(
            f"{schema_comment(Kind.ARTICLE)}\ntitle: {_yaml(title)}\nurl: https://example.org/x\n"
            f"summary: {SUMMARY}\nsegments: [b2b]\naccess: free\nlanguage: {_yaml(language)}\n"
            f"added: {_date(added, quote_added)}\nreviewed: {_date(reviewed, quote_reviewed)}\n"
            f"author: {_yaml(author)}\n", encoding="utf-8")
        catalog, problems = validate_catalog(root)
        if problems:
            return [str(problem) for problem in problems]  # refused, located: nothing reaches the site unseen
        context = make_context(catalog, today=TODAY)
        exported = catalog_json(catalog, context)["entries"][0]
        view = context.views["x"]
    assert (exported["title"], exported["author"], exported["language"]) == (title, author, language)
    assert (exported["added"], exported["reviewed"]) == (added.isoformat(), reviewed.isoformat())
    assert view.reviewed == f"Reviewed by a curator on {reviewed.isoformat()}."
    assert view.title == one_line(title) == " ".join(title.split())  # as HTML shows it: runs of spaces are one
    return []


@settings(max_examples=80, deadline=None)
@given(title=texts, author=texts, language=st.sampled_from(["en", "pt-BR", "en\n", "de "]), added=days,
       reviewed=days, quote_added=st.sampled_from([False, False, True]),
       quote_reviewed=st.sampled_from([False, False, True]))
def test_what_passes_validate_reaches_the_export_and_the_page_as_written(title, author, language, added, reviewed,
                                                                        quote_added, quote_reviewed) -> None:
    check_entry(title, author, language, added, max(added, reviewed), quote_added, quote_reviewed)


def test_the_quoted_dates_of_the_issue_are_refused_rather_than_dropped() -> None:
    day = dt.date(2026, 12, 5)
    assert len(check_entry("Roadmaps", "Ada", "en", day, day, True, True)) == 2
    assert check_entry("Roadmaps", "Ada", "en", day, day, False, False) == []
