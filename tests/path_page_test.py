"""The path/ page's builder: the questions it asks and the plans it ships, without MkDocs."""

from __future__ import annotations

import dataclasses
import json

from pathfixture import TAXONOMY, load, make_root, write_entry
from pmgenome.plan.engine import Planner, all_answers, meetup_key, parse_place
from pmgenome.site.context import make_context
from pmgenome.site.plan_page import Choice, build_path, path_data, place_choices
from pmgenome.site.views import country_label


def _catalog(tmp_path, taxonomy: str = TAXONOMY):
    root = make_root(tmp_path / "catalog")
    (root / "taxonomy.yaml").write_text(taxonomy, encoding="utf-8")
    write_entry(root, "article", "gtm", segments=["b2b"], skills=["go-to-market"], levels=["new"])
    write_entry(root, "article", "talk", segments=["b2c"], skills=["discovery"], backgrounds=["engineering"])
    write_entry(root, "article", "sneaky", title="<img src=x onerror=alert(1)>", url="javascript:alert(1)",
                segments=["technical"], skills=["technical-fluency", "execution"])
    write_entry(root, "course", "course", segments=["b2b", "technical"], skills=["strategy"], access="free")
    write_entry(root, "meetup", "london", segments=["b2b"], online=False, city="London", country="gb")
    write_entry(root, "meetup", "leeds", segments=["b2c"], online=False, city="Leeds", country="GB")
    write_entry(root, "meetup", "berlin", segments=["b2b"], online=False, city="Berlin", country="DE")
    write_entry(root, "meetup", "slack", segments=["b2b", "b2c"], online=True)
    return load(root)


def test_place_choices_are_anywhere_online_and_each_country_with_its_cities(tmp_path):
    assert place_choices(_catalog(tmp_path)) == (
        Choice("", "Anywhere"),
        Choice("online", "Online only"),
        Choice("DE", f"{country_label('DE')} (anywhere in the country)"),
        Choice("Berlin, DE", f"Berlin, {country_label('DE')}"),
        Choice("GB", f"{country_label('GB')} (anywhere in the country)"),
        Choice("Leeds, GB", f"Leeds, {country_label('GB')}"),
        Choice("London, GB", f"London, {country_label('GB')}"),
    )


def test_the_shipped_plans_are_the_rules_plans_for_every_combination(tmp_path):
    catalog = _catalog(tmp_path)
    data = path_data(catalog, make_context(catalog))
    planner = Planner(catalog)

    def decoded(pairs):
        return [(data["entries"][entry][0], data["texts"][text]) for entry, text in pairs]

    combinations = list(all_answers(catalog.taxonomy))
    assert sorted(data["plans"]) == sorted(answers.key for answers in combinations)
    for answers in combinations:
        plan, shipped = planner.plan(answers), data["plans"][answers.key]
        assert [(name, decoded(pairs)) for name, pairs in shipped["parts"]] == [
            (name, [(item.id, item.reason) for item in items]) for name, items in plan.parts if name != "meetups"]
        assert [data["texts"][note] for note in shipped["notes"]] == list(plan.part_notes)
    places = [choice.value for choice in place_choices(catalog)]
    companies = {answers.company for answers in combinations}
    assert len(data["meetups"]) == len(catalog.taxonomy.levels) * len(companies) * len(places)
    for answers in combinations[::7]:
        for value in places:
            at = dataclasses.replace(answers, place=parse_place(value)[0] if value else None)
            picked, shipped = planner.meetups(at), data["meetups"][meetup_key(at.stage, at.company, at.place)]
            assert decoded(shipped["items"]) == [(item.id, item.reason) for item in picked.items]
            assert [data["texts"][note] for note in shipped["notes"]] == list(picked.notes)


def test_entries_ship_their_title_as_data_and_only_web_addresses(tmp_path):
    catalog = _catalog(tmp_path)
    entries = {row[0]: row for row in path_data(catalog, make_context(catalog))["entries"]}
    assert entries["sneaky"] == ["sneaky", "article", "<img src=x onerror=alert(1)>", None, "../resources/sneaky/"]
    assert entries["gtm"] == ["gtm", "article", "Gtm", "https://example.com/gtm", "../resources/gtm/"]


def test_the_page_asks_the_vocabularys_questions_escaped(tmp_path):
    hostile = TAXONOMY.replace("name: B2B,", 'name: "B2B <b>&</b>",')
    catalog = _catalog(tmp_path, hostile)
    pages = {page.src_uri: page.content for page in build_path(catalog, make_context(catalog))}
    assert sorted(pages) == ["api/paths.json", "assets/pmgenome/path.js", "path/index.md"]
    page = pages["path/index.md"]
    assert '<input type="checkbox" name="company" value="b2b"> <span class="pmg-option__label">' \
           'B2B &lt;b&gt;&amp;&lt;/b&gt;</span>' in page
    assert "<b>" not in page
    for level in ("aspiring", "new", "experienced", "leader"):
        assert f'<input type="radio" name="stage" value="{level}">' in page
    assert '<input type="radio" name="pm-load" value="balanced" checked>' in page
    assert '<option value="London, GB">' in page
    assert 'data-plans="../api/paths.json"' in page
    assert '<a href="../about/#contributing">Contributing</a>' in page
    assert page.rstrip().endswith('<script src="../assets/pmgenome/path.js"></script>')
    assert "\n\n<label" not in page and "</label>\n\n" not in page  # a blank line would end the HTML block
    shipped = json.loads(pages["api/paths.json"])
    assert shipped["version"] == 1 and len(shipped["plans"]) == 4 * 3 * 7 * 3 * 2
