"""`pmgenome path`: whole output, JSON, and the messages for bad values."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pmgenome.cli import main
from pmgenome.text.paths import display_path

from tests.support.planfixture import make_root, write_entry


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_root(tmp_path / "catalog")
    write_entry(root, "article", "gtm-basics", title="Go-to-market basics", segments=["b2b"],
                skills=["go-to-market"], levels=["new"])
    write_entry(root, "article", "api-products", title="API products", segments=["technical"],
                skills=["technical-fluency"], levels=["new", "experienced"])
    write_entry(root, "article", "talk-to-users", title="Talk to users", segments=["b2c"],
                skills=["discovery"], backgrounds=["engineering"])
    write_entry(root, "article", "ship-it", title="Ship it", segments=["b2b"], skills=["execution"])
    write_entry(root, "course", "gtm-course", title="A go-to-market course", segments=["b2b"],
                skills=["go-to-market"], pace="self-paced", access="free")
    write_entry(root, "meetup", "pm-slack", title="PM Slack", segments=["b2b", "b2c", "technical"], online=True)
    write_entry(root, "meetup", "london-pm", title="London PM", segments=["b2b"], online=False,
                city="London", country="GB", cadence="monthly")
    return root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["path", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_plan(capsys, root):
    code, out, err = run(capsys, "--stage", "new", "--background", "engineering", "--company", "b2b,technical",
                         "--goal", "deepen", "--pm-load", "heavy", "--catalog", str(root))
    assert (code, err) == (0, "")
    assert out == """\
Your path: New PM, from software engineering, at a B2B and Technical company; project-management side heavy: I run delivery; goal: deepen

Deepen your company's flavour
  1. API products
     https://example.com/api-products
     Why: Deepens Technical: technical fluency; matches your stage (New PM).
  2. Go-to-market basics
     https://example.com/gtm-basics
     Why: Deepens B2B: go-to-market and sales; matches your stage (New PM).
  3. Ship it
     https://example.com/ship-it
     Why: Deepens your B2B context; delivery is a big part of your week; fits any stage.

Broaden the top of your T
  1. Talk to users
     https://example.com/talk-to-users
     Why: Broadens discovery and customer research; often new to people from software engineering; written for those moving in from software engineering; fits any stage.

One course or book
  1. A go-to-market course
     https://example.com/gtm-course
     Why: Deepens B2B: go-to-market and sales; fits any stage; self-paced, free.

A habit: a podcast and a newsletter
  (nothing in the catalog yet)

Meetups and communities
  1. PM Slack
     https://example.com/pm-slack
     Why: Online, so you can join from anywhere; fits any stage.
  2. London PM
     https://example.com/london-pm
     Why: In person in London, GB; focused on B2B product work; meets monthly; fits any stage.

Notes
  - Only 1 broadening resource in the catalog fits a New PM at a B2B and Technical company so far; 2 were wanted.
  - No podcast or newsletter in the catalog fits a New PM at a B2B and Technical company yet.
  Know a resource that fits? CONTRIBUTING.md explains how to add it.
"""


def test_json_plan_with_a_place(capsys, root):
    code, out, err = run(capsys, "--stage", "new", "--background", "other", "--company", "b2b", "--goal",
                         "broaden", "--near", "online", "--json", "--catalog", str(root))
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "answers": {"stage": "new", "background": "other", "company": ["b2b"], "pm_load": "balanced",
                    "goal": "broaden", "place": "online", "ratings": {}, "compare": None},
        "broaden": [
            {"id": "ship-it", "kind": "article", "title": "Ship it", "url": "https://example.com/ship-it",
             "reason": "Broadens delivery and execution; fits any stage.", "score": 3, "outcomes": []},
            {"id": "talk-to-users", "kind": "article", "title": "Talk to users",
             "url": "https://example.com/talk-to-users",
             "reason": "Broadens discovery and customer research; fits any stage.", "score": 2, "outcomes": []},
        ],
        "deepen": [
            {"id": "gtm-basics", "kind": "article", "title": "Go-to-market basics",
             "url": "https://example.com/gtm-basics",
             "reason": "Deepens B2B: go-to-market and sales; matches your stage (New PM).", "score": 9, "outcomes": []},
        ],
        "course": {"id": "gtm-course", "kind": "course", "title": "A go-to-market course",
                   "url": "https://example.com/gtm-course",
                   "reason": "Deepens B2B: go-to-market and sales; fits any stage; self-paced, free.", "score": 7, "outcomes": []},
        "meetups": [
            {"id": "pm-slack", "kind": "meetup", "title": "PM Slack", "url": "https://example.com/pm-slack",
             "reason": "Online, so you can join from anywhere; fits any stage.", "score": 7, "outcomes": []},
        ],
        "notes": [
            "Only 2 broadening resources in the catalog fit a New PM at a B2B company so far; 3 were wanted.",
            "Only 1 deepening resource in the catalog fits a New PM at a B2B company so far; 2 were wanted.",
            "No course or book that broadens fits a New PM at a B2B company yet; this one deepens instead.",
            "No podcast or newsletter in the catalog fits a New PM at a B2B company yet.",
        ],
        "habits": [],
        "profile": [
            {"skill": "strategy", "name": "Strategy and vision", "scope": "general", "rating": None, "expected": 0,
             "grown_by": []},
            {"skill": "discovery", "name": "Discovery and customer research", "scope": "general", "rating": None,
             "expected": 0, "grown_by": ["talk-to-users"]},
            {"skill": "execution", "name": "Delivery and execution", "scope": "general", "rating": None,
             "expected": 0, "grown_by": ["ship-it"]},
            {"skill": "communication", "name": "Communication and stakeholders", "scope": "general", "rating": None,
             "expected": 2, "grown_by": []},
            {"skill": "go-to-market", "name": "Go-to-market and sales", "scope": "flavour", "rating": None,
             "expected": 3, "grown_by": ["gtm-basics", "gtm-course"]},
        ],
        "compare": None,
        "shape": None,  # no skill rated: no shape, and nobody to teach a gap
        "neighbours": [],
        "people": [],
        "programs": [],  # a new PM's company has no program in this catalog
    }


def test_bad_values_are_all_reported_with_the_choices(capsys, root):
    code, out, err = run(capsys, "--stage", "guru", "--background", "law", "--company", "b2b,saas",
                         "--goal", "both", "--pm-load", "medium", "--catalog", str(root))
    assert (code, out) == (2, "")
    assert err == """\
pmgenome path: unknown stage 'guru'; choose one of: aspiring, new, experienced, leader
pmgenome path: unknown background 'law'; choose one of: engineering, design, other
pmgenome path: unknown company segment 'saas'; choose from: b2b, b2c, technical
pmgenome path: unknown pm-load 'medium'; choose one of: light, balanced, heavy
pmgenome path: unknown goal 'both'; choose one of: broaden, deepen
"""


def test_missing_catalog_is_a_usage_error(capsys, tmp_path):
    code, out, err = run(capsys, "--stage", "new", "--background", "other", "--company", "b2b", "--goal",
                         "deepen", "--catalog", str(tmp_path / "nowhere"))
    assert (code, out) == (2, "")
    assert err == f"pmgenome path: catalog folder not found: {display_path(tmp_path / 'nowhere')}\n"


def test_a_catalog_that_does_not_load_is_reported_not_planned(capsys, root):
    (root / "articles" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "--stage", "new", "--background", "other", "--company", "b2b", "--goal",
                         "deepen", "--catalog", str(root))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"{display_path(root / 'articles' / 'broken.yaml')}:")
    assert lines[-1] == (f"pmgenome path: the catalog has 1 problem; fix it first "
                         f"(pmgenome validate --catalog {display_path(root)})")
    assert len(lines) == 2


def test_a_missing_required_answer_is_an_argparse_usage_error(capsys, root):
    with pytest.raises(SystemExit) as exit_:
        main(["path", "--stage", "new", "--background", "other", "--company", "b2b", "--catalog", str(root)])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.endswith("pmgenome path: error: the following arguments are required: --goal\n")


def test_the_console_script_prints_the_same_plan(capsys, root):
    argv = ["--stage", "aspiring", "--background", "design", "--company", "b2c", "--goal", "broaden",
            "--catalog", str(root)]
    _, expected, _ = run(capsys, *argv)
    done = subprocess.run([sys.executable, "-m", "pmgenome", "path", *argv], capture_output=True, text=True,
                          check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, expected, "")


RATED = ["--stage", "new", "--background", "engineering", "--company", "b2b", "--goal", "broaden",
         "--ratings", "discovery=0,go-to-market=1,strategy=3"]


def test_ratings_aim_the_plan_and_the_text_shows_the_t(capsys, root):
    code, out, err = run(capsys, *RATED, "--catalog", str(root))
    assert (code, err) == (0, "")
    assert out.startswith("""\
Your path: New PM, from software engineering, at a B2B company; project-management side balanced: delivery is shared; goal: broaden

Your T (rating / expected; + the plan grows it)
  bar   Strategy and vision              3 / -
  bar   Discovery and customer research  0 / - +
  bar   Delivery and execution           - / - +
  bar   Communication and stakeholders   - / 2
  stem  Go-to-market and sales           1 / 3 +

Broaden the top of your T
  1. Talk to users
     https://example.com/talk-to-users
     Why: Broadens discovery and customer research, your gap (you rated it 0 of 3); often new to people from software engineering; written for those moving in from software engineering; fits any stage.
""")


def test_json_has_the_profile_and_the_comparison(capsys, root):
    code, out, err = run(capsys, *RATED, "--compare", "technical", "--format", "json", "--catalog", str(root))
    assert (code, err) == (0, "")
    plan = json.loads(out)
    assert plan["answers"]["ratings"] == {"strategy": 3, "discovery": 0, "go-to-market": 1}
    assert plan["profile"][1] == {"skill": "discovery", "name": "Discovery and customer research", "scope": "general",
                                  "rating": 0, "expected": 0, "grown_by": ["talk-to-users"]}
    assert plan["compare"] == {
        "segment": "technical", "carries": [],
        "new": [{"skill": "technical-fluency", "name": "Technical fluency", "scope": "flavour", "rating": None,
                 "expected": 3, "grown_by": ["api-products"]}],
        "items": [{"id": "api-products", "kind": "article", "title": "API products",
                   "url": "https://example.com/api-products",
                   "reason": "Deepens Technical: technical fluency; closes your gap in technical fluency (new to you; "
                             "a Technical company expects 3); matches your stage (New PM).", "score": 60, "outcomes": []}],
        "notes": []}


def test_markdown_is_a_checklist_with_the_t_as_a_table(capsys, root):
    code, out, err = run(capsys, *RATED, "--format", "markdown", "--catalog", str(root))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:12] == [
        "# Your plan for this month", "",
        "New PM, from software engineering, at a B2B company; project\\-management side balanced: delivery is "
        "shared; goal: broaden", "", "## Your T", "",
        "| Skill | Part of the T | Your rating (0-3) | Expected | Grown by the plan |", "|---|---|---|---|---|",
        "| Strategy and vision | bar | 3 | – | – |", "| Discovery and customer research | bar | 0 | – | yes |",
        "| Delivery and execution | bar | – | – | yes |", "| Communication and stakeholders | bar | – | 2 | – |"]
    assert "- [ ] [Talk to users](https://example.com/talk-to-users) (Article): Broadens discovery and customer " \
           "research, your gap \\(you rated it 0 of 3\\); often new to people from software engineering; written " \
           "for those moving in from software engineering; fits any stage\\." in lines


def test_svg_is_the_t_with_a_cell_per_skill(capsys, root):
    code, out, err = run(capsys, *RATED, "--format", "svg", "--catalog", str(root))
    assert (code, err) == (0, "")
    assert out.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="pmg-t" data-t-profile="" ')
    assert out.count('<g class="pmg-t__skill"') == 5
    assert '<g class="pmg-t__skill" data-skill="discovery" data-rating="0" data-expected="0" data-grown="true" ' \
           'data-scope="general">' in out
    assert '<g class="pmg-t__skill" data-skill="communication" data-rating="" data-expected="2" ' \
           'data-grown="false" data-scope="general">' in out
    assert "<title id=\"pmg-t-title\">Your T: New PM, from software engineering" in out


def test_bad_ratings_and_compare_are_usage_errors_with_every_message(capsys, root):
    code, out, err = run(capsys, "--stage", "new", "--background", "other", "--company", "b2b", "--goal", "deepen",
                         "--ratings", "stratgy=2,discovery=5,discovery,growth=1,growth=2", "--compare", "b2b",
                         "--catalog", str(root))
    assert (code, out) == (2, "")
    assert err == """\
pmgenome path: rating 'discovery' is not SKILL=N; e.g. strategy=2
pmgenome path: unknown skill 'stratgy' in ratings (did you mean 'strategy'?)
pmgenome path: rating for 'discovery' must be 0, 1, 2 or 3 (0 new to it, 1 aware, 2 practised, 3 could teach it)
pmgenome path: skill 'growth' is rated twice
pmgenome path: compare names a segment your company already has ('b2b'); choose another: b2c, technical
"""
    code, _, err = run(capsys, "--stage", "new", "--background", "other", "--company", "b2b", "--goal", "deepen",
                       "--compare", "b3c", "--catalog", str(root))
    assert (code, err) == (2, "pmgenome path: unknown compare segment 'b3c'; choose one of: b2b, b2c, technical\n")


def test_json_and_another_format_disagree(capsys, root):
    code, out, err = run(capsys, "--stage", "new", "--background", "other", "--company", "b2b", "--goal", "deepen",
                         "--json", "--format", "svg", "--catalog", str(root))
    assert (code, out, err) == (2, "", "pmgenome path: --json and --format svg disagree; give one of them\n")


def test_each_item_lists_what_it_teaches_in_text_markdown_and_json(capsys, tmp_path):
    # Issue 19: the plan's items carry their entries' outcomes, one line each, in every format.
    root = make_root(tmp_path / "catalog")
    write_entry(root, "article", "gtm-basics", title="Go-to-market basics", segments=["b2b"],
                skills=["go-to-market"], levels=["new"],
                outcomes=["You can write a launch plan for a *B2B* product.", "You know who signs a B2B deal."])
    argv = ("--stage", "new", "--background", "engineering", "--company", "b2b", "--goal", "deepen",
            "--catalog", str(root))
    code, out, _ = run(capsys, *argv)
    assert code == 0 and (
        "     Why: Deepens B2B: go-to-market and sales; matches your stage (New PM).\n"
        "     - You can write a launch plan for a *B2B* product.\n"
        "     - You know who signs a B2B deal.\n") in out
    code, out, _ = run(capsys, *argv, "--format", "markdown")
    assert code == 0 and (
        "matches your stage \\(New PM\\)\\.\n"
        "    - You can write a launch plan for a \\*B2B\\* product\\.\n"
        "    - You know who signs a B2B deal\\.\n") in out
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert json.loads(out)["deepen"][0]["outcomes"] == [
        "You can write a launch plan for a *B2B* product.", "You know who signs a B2B deal."]


PROGRAM = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/program.schema.json
title: Acme Associate PM Program
url: https://example.org/acme-apm
summary: >-
  A made-up associate PM program, used to check that the CLI offers an aspiring PM the programs
  nearest their company's T with the next application window, as path/ does.
company: Acme
audience: [new-graduates]
segments: [b2b]
skills: [go-to-market, discovery]
levels: [aspiring]
added: 2026-01-01
reviewed: 2026-01-02
windows:
  - start: 2025-09-01
    end: 2025-09-14
  - start: 2026-09-01
    end: 2026-09-14
    name: 2027 intake
"""


def test_an_aspiring_pm_is_offered_the_nearest_programs_with_their_next_window(capsys, root, monkeypatch):
    # Issue 24: the CLI's plan names the programs path/ shows; a closed window is never offered.
    (root / "programs" / "acme-apm.yaml").write_text(PROGRAM, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: the 2025 window has closed
    argv = ("--stage", "aspiring", "--background", "engineering", "--company", "b2b", "--goal", "broaden",
            "--catalog", str(root))
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert out.endswith(
        "\nCompany PM programs nearest a B2B company's T\n"
        "  1. Acme Associate PM Program (Acme)\n"
        "     https://example.org/acme-apm\n"
        "     Deepens what B2B companies expect: Go-to-market and sales.\n"
        "     2027 intake: applications open 1–14 September 2026.\n")
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert json.loads(out)["programs"] == [{"segment": "b2b", "items": [{
        "id": "acme-apm", "title": "Acme Associate PM Program", "company": "Acme",
        "url": "https://example.org/acme-apm", "nearness": 6, "shared": ["go-to-market"],
        "window": {"start": "2026-09-01", "end": "2026-09-14", "state": "coming"}, "not_placed_after": None}]}]
    code, out, _ = run(capsys, *argv, "--format", "markdown")
    assert "- [Acme Associate PM Program](https://example.org/acme-apm) (Acme): Deepens what B2B" in out
    code, out, _ = run(capsys, "--stage", "experienced", *argv[2:])
    assert code == 0 and "Company PM programs" not in out
