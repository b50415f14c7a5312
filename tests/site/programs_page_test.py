"""programs/ and path/'s programs: grouped by flavour, each drawn as the T it builds beside its
flavour's, windows said for the build's date (a window that has closed is never shown as open),
and two flavours' programs side by side with the skills both deepen."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from pmgenome.catalog.model import Catalog
from pmgenome.catalog.validate import validate_catalog
from pmgenome.plan.programs import nearest_programs, transfer
from pmgenome.site import plan_page, programs
from pmgenome.site.context import make_context
from pmgenome.site.views import entry_view

from tests.support.catalogs import CatalogDir

SCHEMA_LINE = "# yaml-language-server: $schema=../../scripts/pmgenome/schema/program.schema.json\n"


def program(title: str, segments: str, skills: str, extra: str = "") -> str:
    return SCHEMA_LINE + f"""\
title: {title}
url: https://example.org/{title.lower().replace(' ', '-')}
summary: >-
  A made-up company program used to check how programs/ and path/ draw and order programs,
  and how they say an application window on a given day.
company: {title.split()[0]}
audience: [new-graduates]
segments: [{segments}]
skills: [{skills}]
levels: [aspiring]
added: 2026-01-01
reviewed: 2026-01-02
""" + extra


WINDOW = """\
windows:
  - start: 2026-09-01
    end: 2026-09-14
    name: 2027 intake
"""


@pytest.fixture
def catalog(catalog_dir: CatalogDir) -> Catalog:
    catalog_dir.write("programs/acme-apm.yaml", program("Acme APM", "b2b", "go-to-market, communication",
                                                        "skill_levels: {go-to-market: 2}\n" + WINDOW))
    catalog_dir.write("programs/bolt-rpm.yaml", program("Bolt RPM", "b2b, b2c", "growth, communication",
                                                        "not_placed_after: 2020\n"))
    catalog_dir.write("programs/crest-apm.yaml", program("Crest APM", "b2c", "metrics, growth"))
    found, problems = validate_catalog(catalog_dir.root)
    assert [str(problem) for problem in problems] == []
    return found


def page(catalog: Catalog, today: dt.date) -> BeautifulSoup:
    built = next(programs.build_programs(catalog, make_context(catalog, today=today)))
    return BeautifulSoup(str(built.content), "html.parser")


def test_programs_are_grouped_by_flavour_each_with_its_t_beside_the_flavours(catalog: Catalog) -> None:
    soup = page(catalog, dt.date(2026, 8, 1))
    groups = {section["data-segment"]: [li["data-entry-id"] for li in section.select("li.pmg-program")]
              for section in soup.select("section.pmg-program-flavour")}
    assert groups == {"b2b": ["acme-apm", "bolt-rpm"], "b2c": ["bolt-rpm", "crest-apm"]}
    acme = soup.select_one("section[data-segment=b2b] li[data-entry-id=acme-apm]")
    cells = {cell["data-skill"]: (cell["data-rating"], cell["data-expected"], cell["data-grown"])
             for cell in acme.select("g.pmg-t__skill")}
    # Filled to the stated level where its page gives one, "+" on what it deepens, the dashed line at
    # what B2B companies expect (taxonomy.yaml's expects).
    assert cells["go-to-market"] == ("2", "3", "true")
    assert cells["communication"] == ("", "3", "true")
    assert cells["strategy"] == ("", "0", "false")
    flavour = soup.select_one("section[data-segment=b2b] > figure svg")
    assert flavour.select_one("title").get_text() == "The T B2B companies expect"
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids))  # every picture's title and description has its own id


@pytest.mark.parametrize(("today", "said"), [
    (dt.date(2026, 8, 31), "2027 intake: applications open 1–14 September 2026"),
    (dt.date(2026, 9, 1), "2027 intake: applications open until 14 September 2026"),
    (dt.date(2026, 9, 14), "2027 intake: applications open until 14 September 2026"),
    (dt.date(2026, 9, 15), "No window announced; the last closed on 14 September 2026"),
])
def test_a_window_is_said_for_the_build_date_and_never_open_once_closed(catalog: Catalog, today: dt.date,
                                                                         said: str) -> None:
    soup = page(catalog, today)
    assert soup.select_one("li[data-entry-id=acme-apm] .pmg-when").get_text() == said
    view = entry_view(catalog, catalog.by_id["acme-apm"], None, today)
    assert {fact.label: fact.value for fact in view.facts}["Applications"] == said


def test_a_program_not_placed_as_running_says_so(catalog: Catalog) -> None:
    soup = page(catalog, dt.date(2026, 8, 1))
    statuses = {li["data-entry-id"]: li.select_one(".pmg-program__status").get_text()
                for li in soup.select("li.pmg-program") if li.select_one(".pmg-program__status")}
    assert statuses == {"bolt-rpm": "Could not be placed as running after 2020."}


def test_two_flavours_programs_are_named_with_the_skills_both_deepen(catalog: Catalog) -> None:
    moved = transfer(catalog, "b2b", "b2c")
    assert ([e.id for e in moved.first_programs], [e.id for e in moved.second_programs], moved.shared) == (
        ["acme-apm", "bolt-rpm"], ["bolt-rpm", "crest-apm"], ("communication", "growth"))
    section = page(catalog, dt.date(2026, 8, 1)).select_one("#compare-b2b-b2c")
    assert [p.get_text(" ", strip=True) for p in section.select("p")] == [
        "B2B: Acme APM , Bolt RPM .", "B2C: Bolt RPM , Crest APM .",
        "Both sides deepen: Communication and stakeholders, Growth and retention."]


def test_path_offers_the_nearest_programs_with_their_next_window(catalog: Catalog) -> None:
    today = dt.date(2026, 8, 1)
    # Acme deepens two skills B2B companies expect at 3; Bolt one, and no page shows it running now.
    assert [near.entry.id for near in nearest_programs(catalog, "b2b", today)] == ["acme-apm", "bolt-rpm"]
    built = next(plan_page.build_plan_page(catalog, make_context(catalog, today=today)))
    soup = BeautifulSoup(str(built.content), "html.parser")
    block = soup.select_one("#pmg-path-programs")
    assert block["data-stages"] == "aspiring new"
    rows = {section["data-program-flavour"]: [re.sub(r"\s+", " ", li.get_text(" ", strip=True))
                                              for li in section.select("li")]
            for section in block.select("[data-program-flavour]")}
    assert rows["b2b"] == [
        "Acme APM · Acme · Deepens what B2B companies expect: Communication and stakeholders, Go-to-market "
        "and sales · 2027 intake: applications open 1–14 September 2026",
        "Bolt RPM · Bolt · Deepens what B2B companies expect: Communication and stakeholders · Could not be "
        "placed as running after 2020.",
    ]
