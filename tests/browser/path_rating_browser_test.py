"""The path/ page's T in a real browser: rating by mouse and keyboard, the address, progress kept
in the browser, the Markdown download, printing, and axe-core's accessibility check.

Fixtures (site, server, browser, `page`) are in conftest.py; the expected T and Markdown come from
the real `pmgenome path` over the same catalog.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest
from path_browser_test import LOADING, READY, cli, cli_plan
from pmgenome.plan.document import markdown_text

from tests.support.axe import axe_path
from tests.support.sitebuild import fixture_catalog

BASE = "stage=new&background=engineering&company=b2b,technical&pm-load=heavy&goal=deepen"
ANSWERS = {"stage": "new", "background": "engineering", "company": "b2b,technical", "pm_load": "heavy",
           "goal": "deepen"}
CELLS = """() => Array.from(document.querySelectorAll('svg[data-t-profile] [data-skill]')).map(cell => [
    cell.dataset.skill, cell.dataset.rating, cell.dataset.expected, cell.dataset.grown, cell.dataset.scope])"""


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_catalog(tmp_path_factory.mktemp("rating-catalog") / "catalog")


def open_plan(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(f"document.getElementById('pmg-path-status').textContent !== {json.dumps(LOADING)}")
    page.wait_for_function(f"document.getElementById('pmg-path-status').textContent === {json.dumps(READY)}")


def cell(page, skill: str):
    return page.locator(f'svg[data-t-profile] [data-skill="{skill}"]')


def svg_cells(svg: str) -> list[list[str]]:
    return [list(found) for found in re.findall(
        r'data-skill="([^"]*)" data-rating="([^"]*)" data-expected="([^"]*)" data-grown="([^"]*)" '
        r'data-scope="([^"]*)"', svg)]


def test_rating_by_mouse_changes_the_cell_and_the_address(page, base_url) -> None:
    open_plan(page, f"{base_url}path/?{BASE}")
    assert cell(page, "discovery").get_attribute("data-rating") == ""
    page.locator('[data-skill-rating="discovery"] label[title^="1:"]').click()
    page.wait_for_function("document.querySelector('[data-skill=\"discovery\"]').dataset.rating === '1'")
    assert page.url == f"{base_url}path/?{BASE}&ratings=discovery:1"
    # a flavour skill of a ticked segment has a row; one of another segment has none shown
    assert page.locator('[data-skill-rating="technical-fluency"]').is_visible()
    assert not page.locator('[data-skill-rating="growth"]').is_visible()
    page.locator('[data-skill-rating="technical-fluency"] label[title^="3:"]').click()
    page.wait_for_function("document.querySelector('[data-skill=\"technical-fluency\"]').dataset.rating === '3'")
    assert page.url == f"{base_url}path/?{BASE}&ratings=discovery:1,technical-fluency:3"
    assert page.locator("#pmg-path-t th[scope=row]").first.text_content() == "Strategy and vision"


def test_rating_by_keyboard_changes_the_cell_and_the_address(page, base_url) -> None:
    open_plan(page, f"{base_url}path/?{BASE}")
    page.locator('[data-skill-rating="strategy"] input[value=""]').focus()
    page.keyboard.press("ArrowRight")  # not rated -> 0
    page.keyboard.press("ArrowRight")  # -> 1
    page.wait_for_function("document.querySelector('[data-skill=\"strategy\"]').dataset.rating === '1'")
    assert page.url == f"{base_url}path/?{BASE}&ratings=strategy:1"
    assert page.evaluate("document.activeElement.name + '=' + document.activeElement.value") == "rate-strategy=1"
    page.keyboard.press("Tab")  # the next skill's group
    assert page.evaluate("document.activeElement.name") == "rate-discovery"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('[data-skill=\"discovery\"]').dataset.rating === '0'")
    assert page.url == f"{base_url}path/?{BASE}&ratings=strategy:1,discovery:0"


def test_a_shared_address_restores_answers_ratings_and_the_picture(page, base_url, catalog) -> None:
    ratings = "strategy:2,discovery:0,go-to-market:1,technical-fluency:3"
    open_plan(page, f"{base_url}path/?{BASE}&ratings={ratings}&compare=b2c")
    assert page.locator('[data-skill-rating="discovery"] input:checked').get_attribute("value") == "0"
    assert page.locator('[data-skill-rating="go-to-market"] input:checked').get_attribute("value") == "1"
    assert page.locator("select[name=compare]").input_value() == "b2c"
    assert page.url == f"{base_url}path/?{BASE}&compare=b2c&ratings={ratings}"
    expected = svg_cells(cli(catalog, "svg", **ANSWERS, ratings=ratings.replace(":", "="), compare="b2c"))
    assert page.evaluate(CELLS) == expected
    assert [row[:2] for row in expected][:2] == [["strategy", "2"], ["discovery", "0"]]
    assert page.locator('section[data-part="compare"] h3').text_content() == "If you moved to a B2C company"


def drawing(svg: str, *, ignore: tuple[str, ...] = ()) -> str:
    """An SVG as canonical XML without its namespace, its stylesheet and the `ignore`d attributes:
    the page's DOM and `pmgenome path --format svg` then read alike."""
    root = ET.fromstring(svg.replace(' xmlns="http://www.w3.org/2000/svg"', ""))
    for parent in list(root.iter()):
        for child in [child for child in parent if child.tag == "style"]:
            parent.remove(child)
        for name in ignore:
            parent.attrib.pop(name, None)
    return ET.canonicalize(ET.tostring(root, encoding="unicode"))


def test_the_page_draws_the_clis_t_cell_for_cell(page, base_url, catalog) -> None:
    # The page's geometry arrives in the index (picture.GEOMETRY): every rectangle, line and label
    # lands where `pmgenome path --format svg` puts it.
    ratings = "strategy:0,discovery:1,execution:3,go-to-market:2,technical-fluency:1"
    open_plan(page, f"{base_url}path/?{BASE}&ratings={ratings}")
    shown = page.locator("svg[data-t-profile]").evaluate("svg => svg.outerHTML")
    expected = cli(catalog, "svg", **ANSWERS, ratings=ratings.replace(":", "="))
    assert drawing(shown, ignore=("style", "data-progress")) == drawing(expected)
    assert drawing(expected).count("<rect") >= 2 * len(svg_cells(expected))


def test_a_catalog_that_does_not_load_says_so(page, base_url) -> None:
    page.route("**/api/plan-index.json", lambda route: route.fulfill(status=503, body="busy"))
    page.goto(f"{base_url}path/?{BASE}")
    page.wait_for_function("document.getElementById('pmg-path-status').textContent.startsWith('The catalog')")
    assert page.locator("#pmg-path-status").text_content() == (
        "The catalog could not be loaded (HTTP 503). Reload the page to try again.")
    # the browser reports the failed request in the console; nothing else went wrong
    assert page.watch.errors == ["Failed to load resource: the server responded with a status of 503 "
                                 "(Service Unavailable)"]
    page.watch.errors.clear()


def test_marking_done_survives_a_reload_and_fills_the_t(page, base_url) -> None:
    open_plan(page, f"{base_url}path/?{BASE}&ratings=discovery:0")
    first = page.locator('section[data-part="broaden"] li[data-entry-id]').first
    entry_id = first.get_attribute("data-entry-id")
    grown = cell(page, "discovery")
    assert grown.get_attribute("data-progress") == "0.00"
    first.locator("input[data-done]").check()
    page.wait_for_function("document.querySelector('[data-skill=\"discovery\"]').dataset.progress !== '0.00'")
    progress = grown.get_attribute("data-progress")
    page.reload()
    open_plan(page, page.url)
    again = page.locator(f'li[data-entry-id="{entry_id}"]')
    assert again.locator("input[data-done]").is_checked()
    assert "pmg-path__item--done" in again.get_attribute("class")
    assert cell(page, "discovery").get_attribute("data-progress") == progress
    page.get_by_role("button", name="Clear my progress").click()
    assert page.locator("#pmg-path-status").text_content() == "Your progress is cleared."
    assert not page.locator(f'li[data-entry-id="{entry_id}"] input[data-done]').is_checked()
    assert page.evaluate("localStorage.getItem('pmgenome.path.done')") is None


def test_the_markdown_download_is_the_cli_markdown(page, base_url, catalog) -> None:
    open_plan(page, f"{base_url}path/?{BASE}&ratings=discovery:0,go-to-market:1&compare=b2c")
    link = page.locator("a#pmg-path-download[download]")
    assert link.get_attribute("download") == "pm-genome-plan.md"
    with page.expect_download() as started:
        link.click()
    text = Path(started.value.path()).read_text(encoding="utf-8")
    assert text == cli(catalog, "markdown", **ANSWERS, ratings="discovery=0,go-to-market=1", compare="b2c")
    titles = page.eval_on_selector_all("#pmg-path-body li[data-entry-id] .pmg-path__title",
                                       "links => links.map(link => link.textContent)")
    assert len(titles) >= 5
    assert [title for title in titles if f"[{markdown_text(title)}]" not in text] == []
    plan = json.loads(cli(catalog, "json", **ANSWERS, ratings="discovery=0,go-to-market=1", compare="b2c"))
    for item in plan["deepen"] + plan["broaden"]:
        assert f"]({item['url']}) (" in text
    # a done item is ticked in the download
    page.locator("li[data-entry-id] input[data-done]").first.check()
    assert "- [x] " in unquote(page.locator("a#pmg-path-download[download]").get_attribute("href"))


def test_the_page_prints_the_t_and_the_plan_on_two_sheets_at_most(page, base_url) -> None:
    open_plan(page, f"{base_url}path/?{BASE}&ratings=discovery:0,go-to-market:1")
    page.emulate_media(media="print")
    assert not page.locator("#pmg-path-form").is_visible()
    assert page.locator("svg[data-t-profile]").is_visible()
    pdf = page.pdf(format="A4", print_background=False)
    sheets = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= sheets <= 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(page, base_url, scheme) -> None:
    axe = axe_path()
    page.emulate_media(color_scheme=scheme)
    open_plan(page, f"{base_url}path/?{BASE}&ratings=strategy:2,discovery:0&compare=b2c")
    page.add_script_tag(path=str(axe))
    result = page.evaluate("""async () => {
        const found = await axe.run(document, {resultTypes: ['violations']});
        return found.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                           target: v.nodes[0].target.join(' ')}));
    }""")
    assert [violation for violation in result if violation["impact"] in ("serious", "critical")] == []


def test_the_plans_actions_show_only_with_a_plan(page, base_url) -> None:
    page.goto(f"{base_url}path/")
    page.wait_for_function("document.getElementById('pmg-path-status').textContent === "
                           "'Answer the four questions to see your plan.'")
    actions = page.locator("#pmg-path-actions")
    assert not actions.is_visible()
    open_plan(page, f"{base_url}path/?{BASE}")
    assert actions.is_visible()
    # The calendar file is offered only once the reader gives hours a week.
    assert page.locator("#pmg-path-actions :is(a, button):visible").all_text_contents() == [
        "Download as Markdown", "Print", "Clear my progress"]
    page.locator('input[name="company"][value="b2b"]').uncheck()
    page.locator('input[name="company"][value="technical"]').uncheck()
    assert page.locator("#pmg-path-status").text_content() == (
        "Answer the questions to see your plan (still to answer: company flavour).")
    assert not actions.is_visible()


def test_on_a_phone_the_t_is_legible_and_scrolls_in_a_frame(page, base_url) -> None:
    axe = axe_path()
    page.set_viewport_size({"width": 375, "height": 740})
    open_plan(page, f"{base_url}path/?{BASE}&ratings=strategy:1")
    geometry = """() => {
        const frame = document.querySelector('.pmg-path__picture');
        const picture = frame.querySelector('svg[data-t-profile]');
        const stem = picture.querySelector('[data-scope]:not([data-scope="general"])').getBoundingClientRect();
        const scale = picture.getBoundingClientRect().width / picture.viewBox.baseVal.width;
        return {label: Math.round(11 * scale * 10) / 10,
                scrolls: frame.scrollWidth > frame.clientWidth, left: frame.scrollLeft,
                stemInView: stem.left >= 0 && stem.right <= window.innerWidth};
    }"""
    first = page.evaluate(geometry)
    assert first["label"] >= 9
    assert first["scrolls"] and first["stemInView"]
    frame = page.get_by_role("region", name="Your T")
    assert frame.get_attribute("tabindex") == "0"
    assert page.locator("#pmg-path-t table").get_attribute("tabindex") == "0"
    frame.focus()
    frame.evaluate("f => f.addEventListener('scrollend', () => { f.dataset.settled = 'yes'; }, {once: true})")
    page.keyboard.press("ArrowLeft")  # the arrows scroll the focused frame (smoothly: wait for the end)
    page.wait_for_function("document.querySelector('.pmg-path__picture').dataset.settled === 'yes'")
    moved = page.evaluate(geometry)["left"]
    assert moved < first["left"]
    page.locator('[data-skill-rating="strategy"] label[title^="2:"]').click()  # the T is drawn again
    page.wait_for_function("document.querySelector('[data-skill=\"strategy\"]').dataset.rating === '2'")
    assert page.evaluate(geometry)["left"] == moved
    page.add_script_tag(path=str(axe))
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']})"
                          ".then(r => r.violations.map(v => v.id))")
    assert found == []


def test_a_key_beside_the_t_says_what_its_marks_mean_on_screen_and_on_paper(page, base_url) -> None:
    open_plan(page, f"{base_url}path/?{BASE}&ratings=discovery:1")
    key = page.locator("#pmg-path-t .pmg-path__key")
    said = ("How to read your T: the blue shade is your rating, a third per level; the dashed orange line is the "
            "level a B2B and Technical company expects; + marks a skill your plan grows, and a light orange shade "
            "fills it in as you mark the plan's items done.")
    assert key.text_content() == said
    assert key.is_visible()
    page.locator('input[name="company"][value="design"]').check()
    assert key.text_content() == said.replace("B2B and Technical", "B2B, Technical and Design-led")
    page.emulate_media(media="print")
    assert key.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_grown_mark_has_a_halo_so_it_reads_on_a_shaded_cell(page, base_url, scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    open_plan(page, f"{base_url}path/?{BASE}&ratings=discovery:2")
    assert cell(page, "discovery").get_attribute("data-grown") == "true"
    halo = page.evaluate("""() => {
        const mark = getComputedStyle(document.querySelector('[data-skill="discovery"] .pmg-t__grown'));
        return [mark.paintOrder, mark.stroke, mark.strokeWidth, getComputedStyle(document.body).backgroundColor];
    }""")
    assert halo[:3] == ["stroke", halo[3], "3px"]
    page.emulate_media(media="print")  # on paper the halo is the paper's white, whatever the scheme
    assert page.evaluate("getComputedStyle(document.querySelector('.pmg-t__grown')).stroke") == "rgb(255, 255, 255)"


def test_the_page_names_the_nearest_shape_and_its_neighbours_as_the_cli_does(page, base_url, catalog) -> None:
    open_plan(page, f"{base_url}path/?{BASE}")
    assert page.locator("[data-t-shape]").count() == 0  # nothing rated: no shape yet
    open_plan(page, f"{base_url}path/?{BASE}&ratings=strategy:2,communication:3,go-to-market:0,technical-fluency:3")
    plan = cli_plan(catalog, **ANSWERS, ratings="strategy=2,communication=3,go-to-market=0,technical-fluency=3")
    shape = page.locator("[data-t-shape]")
    assert shape.get_attribute("data-t-shape") == plan["shape"]["id"]
    assert shape.locator("a.pmg-path__source").get_attribute("href") == plan["shape"]["source"]["url"]
    neighbours = page.locator("[data-neighbour]")
    assert neighbours.evaluate_all("found => found.map(one => one.dataset.neighbour)") == [
        other["id"] for other in plan["neighbours"]]
    assert neighbours.evaluate_all("found => found.map(one => one.querySelectorAll('[data-entry-id]').length)") == [
        len(other["items"]) for other in plan["neighbours"]]


def test_a_person_who_can_teach_a_gap_shows_linked_to_github_only(page, base_url, catalog) -> None:
    open_plan(page, f"{base_url}path/?{BASE}&ratings=discovery:3")
    assert page.locator("[data-person]").count() == 0  # no gap they teach
    open_plan(page, f"{base_url}path/?{BASE}&ratings=go-to-market:0,discovery:1")
    plan = cli_plan(catalog, **ANSWERS, ratings="go-to-market=0,discovery=1")
    assert [person["github"] for person in plan["people"]] == ["mentor-gtm"]
    person = page.locator('[data-person="mentor-gtm"]')
    assert person.locator("a").get_attribute("href") == "https://github.com/mentor-gtm"
    assert person.locator("a").count() == 1
    # The name is text, never markup.
    assert person.text_content() == "Ada <b>Seller</b> can teach Go-to-market and sales (London, GB, online)."
