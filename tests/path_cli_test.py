"""`pmgenome path`: whole output, JSON, and the messages for bad values."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pathfixture import make_root, write_entry
from pmgenome.catalog.files import display_path
from pmgenome.cli import main


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
                city="London", country="GB", frequency="monthly")
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

One course
  1. A go-to-market course
     https://example.com/gtm-course
     Why: Deepens B2B: go-to-market and sales; fits any stage; self-paced, free.

Meetups and communities
  1. PM Slack
     https://example.com/pm-slack
     Why: Online, so you can join from anywhere; fits any stage.
  2. London PM
     https://example.com/london-pm
     Why: In person in London, GB; focused on B2B product work; meets monthly; fits any stage.

Notes
  - Only 1 broadening resource in the catalog fits a New PM at a B2B and Technical company so far; 2 were wanted.
  Know a resource that fits? CONTRIBUTING.md explains how to add it.
"""


def test_json_plan_with_a_place(capsys, root):
    code, out, err = run(capsys, "--stage", "new", "--background", "other", "--company", "b2b", "--goal",
                         "broaden", "--near", "online", "--json", "--catalog", str(root))
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "answers": {"stage": "new", "background": "other", "company": ["b2b"], "pm_load": "balanced",
                    "goal": "broaden", "place": "online"},
        "broaden": [
            {"id": "ship-it", "kind": "article", "title": "Ship it", "url": "https://example.com/ship-it",
             "reason": "Broadens delivery and execution; fits any stage.", "score": 3},
            {"id": "talk-to-users", "kind": "article", "title": "Talk to users",
             "url": "https://example.com/talk-to-users",
             "reason": "Broadens discovery and customer research; fits any stage.", "score": 2},
        ],
        "deepen": [
            {"id": "gtm-basics", "kind": "article", "title": "Go-to-market basics",
             "url": "https://example.com/gtm-basics",
             "reason": "Deepens B2B: go-to-market and sales; matches your stage (New PM).", "score": 9},
        ],
        "course": {"id": "gtm-course", "kind": "course", "title": "A go-to-market course",
                   "url": "https://example.com/gtm-course",
                   "reason": "Deepens B2B: go-to-market and sales; fits any stage; self-paced, free.", "score": 7},
        "meetups": [
            {"id": "pm-slack", "kind": "meetup", "title": "PM Slack", "url": "https://example.com/pm-slack",
             "reason": "Online, so you can join from anywhere; fits any stage.", "score": 7},
        ],
        "notes": [
            "Only 2 broadening resources in the catalog fit a New PM at a B2B company so far; 3 were wanted.",
            "Only 1 deepening resource in the catalog fits a New PM at a B2B company so far; 2 were wanted.",
            "No course that broadens fits a New PM at a B2B company yet; this one deepens instead.",
        ],
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
