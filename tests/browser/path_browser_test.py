"""The path/ page in a real browser: the plan and the T it shows are the ones `pmgenome path` prints.

The site, the server and the browser are the shared fixtures in conftest.py (the fixture catalog's
site built by `mkdocs build`, served on loopback, every other request aborted); the expected
plans come from running the real `pmgenome path --format json|markdown|svg` over the same catalog.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.sitebuild import fixture_catalog

READY = "Your plan is ready."
LOADING = "Loading the catalog…"
CHECKED = "inputs => inputs.map(i => i.name + '=' + i.value)"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalog the fixture site is built from: the fixture entries with the shipped vocabulary."""
    return fixture_catalog(tmp_path_factory.mktemp("path-catalog") / "catalog")


def cli(catalog: Path, output: str, **answers: str) -> str:
    argv = [sys.executable, "-m", "pmgenome", "path", "--format", output, "--catalog", str(catalog)]
    for name, value in answers.items():
        argv += [f"--{name.replace('_', '-')}", value]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout


def cli_plan(catalog: Path, **answers: str) -> dict:
    return json.loads(cli(catalog, "json", **answers))


def expected(plan: dict) -> dict:
    """What the page should show for a `pmgenome path --json` plan, in reading order."""
    first, second = ("deepen", "broaden") if plan["answers"]["goal"] == "deepen" else ("broaden", "deepen")
    course = [plan["course"]] if plan["course"] else []
    parts = [(first, plan[first]), (second, plan[second]), ("course", course), ("habits", plan["habits"]),
             ("meetups", plan["meetups"])]
    if plan["compare"]:
        parts.append(("compare", plan["compare"]["items"]))
    return {
        "parts": [[name, [[item["id"], item["title"], item["reason"], item["outcomes"]] for item in items]]
                  for name, items in parts],
        "notes": plan["notes"] + (plan["compare"]["notes"] if plan["compare"] else []),
        "cells": [[row["skill"], "" if row["rating"] is None else str(row["rating"]), str(row["expected"]),
                   "true" if row["grown_by"] else "false"] for row in plan["profile"]],
    }


def shown(page) -> dict:
    page.wait_for_function(f"document.getElementById('pmg-path-status').textContent === {json.dumps(READY)}")
    return page.evaluate("""() => ({
        parts: Array.from(document.querySelectorAll('#pmg-path-body section[data-part]')).map(section => [
            section.dataset.part,
            Array.from(section.querySelectorAll('li.pmg-path__item')).map(li => [
                li.dataset.entryId,
                li.querySelector('.pmg-path__title').textContent,
                li.querySelector('.pmg-path__reason').textContent,
                Array.from(li.querySelectorAll('.pmg-path__outcomes li')).map(outcome => outcome.textContent),
            ]),
        ]),
        notes: Array.from(document.querySelectorAll('.pmg-path__notes li')).map(li => li.textContent),
        cells: Array.from(document.querySelectorAll('svg[data-t-profile] [data-skill]')).map(cell => [
            cell.dataset.skill, cell.dataset.rating, cell.dataset.expected, cell.dataset.grown]),
    })""")


def open_path(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(f"document.getElementById('pmg-path-status').textContent !== {json.dumps(LOADING)}")


def test_answering_by_clicking_shows_the_cli_plan(page, base_url, catalog) -> None:
    open_path(page, f"{base_url}path/")
    assert page.locator("#pmg-path-status").text_content() == "Answer the four questions to see your plan."
    page.locator("input[name=stage][value=new]").click()
    assert page.locator("#pmg-path-status").text_content() == (
        "Answer the questions to see your plan (still to answer: background, company flavour, goal).")
    page.locator("input[name=background][value=engineering]").click()
    page.locator("input[name=company][value=b2b]").click()
    page.locator("input[name=company][value=technical]").click()
    page.locator("input[name=pm-load][value=heavy]").click()
    page.locator("input[name=goal][value=deepen]").click()
    page.get_by_role("button", name="Show my plan").click()
    assert shown(page) == expected(cli_plan(catalog, stage="new", background="engineering", company="b2b,technical",
                                            pm_load="heavy", goal="deepen"))
    assert page.url == (f"{base_url}path/?stage=new&background=engineering&company=b2b,technical"
                        "&pm-load=heavy&goal=deepen")
    assert page.evaluate("document.activeElement.id") == "pmg-path-plan"


def test_answering_by_keyboard_shows_the_cli_plan(page, base_url, catalog) -> None:
    open_path(page, f"{base_url}path/")
    for _ in range(80):  # from the top of the page, as a keyboard user arrives
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "stage":
            break
    focused = "document.activeElement.name + '=' + document.activeElement.value"
    assert page.evaluate(focused) == "stage=aspiring"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # arrows move and choose within a group: experienced
    page.keyboard.press("Tab")
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # engineering -> design -> sales-marketing -> business
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == "company=b2b"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # b2c
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # design
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == "pm-load=balanced"  # the group's checked radio takes the focus
    page.keyboard.press("ArrowUp")  # light
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # broaden
    for _ in range(20):  # past the rating groups (one tab stop each), left unrated
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "near":
            break
    page.keyboard.press("ArrowDown")  # near: from "Anywhere" to "Online only"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past "compare"
    page.keyboard.press("Enter")
    assert shown(page) == expected(cli_plan(catalog, stage="experienced", background="business", company="b2c,design",
                                            pm_load="light", goal="broaden", near="online"))
    assert page.url == (f"{base_url}path/?stage=experienced&background=business&company=b2c,design"
                        "&pm-load=light&goal=broaden&near=online")
    assert page.evaluate("document.activeElement.id") == "pmg-path-plan"


def test_a_shared_link_restores_the_answers_and_the_plan(page, base_url, catalog) -> None:
    query = "stage=leader&background=design&company=b2c&pm-load=light&goal=broaden&near=GB"
    open_path(page, f"{base_url}path/?{query}")
    plan = shown(page)
    assert plan == expected(cli_plan(catalog, stage="leader", background="design", company="b2c", pm_load="light",
                                     goal="broaden", near="GB"))
    checked = page.eval_on_selector_all("#pmg-path-form input:checked:not([name^=rate-])", CHECKED)
    assert checked == ["stage=leader", "background=design", "company=b2c", "pm-load=light", "goal=broaden"]
    assert page.locator("select[name=near]").input_value() == "GB"
    assert page.url == f"{base_url}path/?{query}"
    # Thin data: the notes say so and point to where to contribute.
    assert plan["notes"] != []
    pointer = page.locator("#pmg-path-thin")
    assert pointer.is_visible()
    assert pointer.text_content().strip() == (
        "Know a resource that fits? Contributing explains how to add it to the catalog.")
    pointer.locator("a").click()
    page.wait_for_url(f"{base_url}about/#contributing")
    assert page.locator("h2#contributing").count() == 1
    page.go_back()  # Material's instant navigation brings the page back; the script draws it again
    page.wait_for_url(f"{base_url}path/?{query}")
    assert shown(page) == plan


def test_catalog_text_is_shown_as_text(page, base_url, catalog) -> None:
    open_path(page, f"{base_url}path/?stage=leader&background=design&company=b2c&pm-load=light&goal=broaden")
    plan = shown(page)
    titles = [title for _, items in plan["parts"] for _, title, *_ in items]
    assert "Pricing & <Packaging>" in titles
    outcomes = [outcome for _, items in plan["parts"] for *_, said in items for outcome in said]
    assert "You can <b>price</b> a plan & package it for each segment." in outcomes
    assert page.locator("#pmg-path-body packaging, #pmg-path-body b").count() == 0
    open_path(page, f"{base_url}path/?stage=new&background=engineering&company=technical&goal=deepen")
    titles = [title for _, items in shown(page)["parts"] for _, title, *_ in items]
    assert "1. Not a list *nor emphasis* [nor a link] #hash {: .attr} \\ back" in titles
    assert page.locator("#pmg-path-body em, #pmg-path-body details").count() == 0


def test_unknown_answers_in_a_link_are_ignored(page, base_url) -> None:
    open_path(page, f"{base_url}path/?stage=guru&background=design&company=b2c,nonsense&goal=deepen&near=Atlantis")
    assert page.locator("#pmg-path-status").text_content() == (
        "Answer the questions to see your plan (still to answer: career stage).")
    checked = page.eval_on_selector_all("#pmg-path-form input:checked:not([name^=rate-])", CHECKED)
    assert checked == ["background=design", "company=b2c", "pm-load=balanced", "goal=deepen"]
    assert page.locator("select[name=near]").input_value() == ""


def _events(ics: str) -> list[tuple[str, str, object]]:
    from icalendar import Calendar

    return [(str(event["uid"]), str(event["summary"]), event.decoded("duration"))
            for event in Calendar.from_ical(ics.encode("utf-8")).walk("VEVENT")]


def test_hours_in_the_address_lay_out_the_weeks_and_offer_the_cli_s_calendar(page, base_url, catalog) -> None:
    from urllib.parse import unquote

    answers = {"stage": "experienced", "background": "design", "company": "design", "goal": "deepen"}
    query = "stage=experienced&background=design&company=design&pm-load=balanced&goal=deepen&hours=3"
    open_path(page, f"{base_url}path/?{query}")
    assert page.locator("#pmg-path-hours").input_value() == "3"
    assert page.url == f"{base_url}path/?{query}"
    weeks = page.locator("section[data-part=weeks]")
    assert weeks.locator("h3").inner_text() == "Your weeks"
    assert weeks.locator("li").count() >= 2
    link = page.locator("a#pmg-path-ics[download]")
    assert link.is_visible() and link.get_attribute("download").endswith(".ics")
    href = link.get_attribute("href")
    assert href.startswith("data:text/calendar;charset=utf-8,")
    from_page = unquote(href.split(",", 1)[1])
    from_cli = cli(catalog, "ics", hours_per_week="3", **answers)
    assert _events(from_page) == _events(from_cli) != []


def test_hours_that_make_no_sense_are_said_and_the_plan_stays(page, base_url, catalog) -> None:
    open_path(page, f"{base_url}path/?stage=new&background=engineering&company=b2b&goal=broaden&hours=abc")
    assert page.locator("#pmg-path-status").inner_text() == (
        "Hours a week must be a number from 0.25 to 40; the plan is shown without its weeks.")
    assert page.locator("#pmg-path-body section[data-part=broaden]").count() == 1
    assert page.locator("section[data-part=weeks]").count() == 0
    assert page.locator("a#pmg-path-ics").is_hidden()
