"""Issue 15, item 14: what strangers wrote reaches the terminal as visible escapes, never as ESC/OSC
control sequences (page titles in inspect, drafts of new; validate's own test is in validate_cli_test)."""

from __future__ import annotations

import json

import pytest
from pmgenome.cli import main

from tests.support.samples import make_catalog
from tests.support.servers import LocalServer, Reply

HOSTILE = "<title>Roadmaps\x1b]0;owned\x07 and \x1b[2J\x9b31m plans</title><h1>x</h1>"


@pytest.fixture
def server():
    routes = {"/hostile": Reply(200, {"Content-Type": "text/html; charset=utf-8"}, HOSTILE.encode())}
    with LocalServer("127.0.0.1", routes) as running:
        yield running


def test_inspect_removes_control_sequences_that_a_page_sends(capsys, server):
    # What a page says is cleaned where it is read (enrich/extract.py): each control character
    # becomes a space, so no escape sequence reaches the terminal, the store or a draft.
    assert main(["inspect", "--allow-private", server.url("/hostile")]) == 0
    out = capsys.readouterr().out
    assert "  title        Roadmaps ]0;owned and [2J 31m plans\n" in out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out


def test_inspect_json_carries_no_raw_control_characters(capsys, server):
    assert main(["inspect", "--allow-private", "--json", server.url("/hostile")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out
    assert json.loads(out)[0]["title"] == "Roadmaps ]0;owned and [2J 31m plans"


def test_new_writes_no_control_characters_in_the_draft_or_the_terminal(capsys, server, tmp_path):
    root = make_catalog(tmp_path / "catalog")
    assert main(["new", "--catalog", str(root), "--allow-private", server.url("/hostile")]) == 0
    captured = capsys.readouterr()
    draft = (root / "articles" / "roadmaps-0-owned-and-2j-31m-plans.yaml").read_text()
    assert "title: Roadmaps ]0;owned and [2J 31m plans\n" in draft
    for text in (draft, captured.out, captured.err):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text


def test_path_shows_control_sequences_as_escapes(capsys, tmp_path):
    """Text the plan quotes (here a segment's name in the vocabulary) reaches the terminal escaped."""
    import shutil

    from tests.support.catalogs import REPO

    root = tmp_path / "catalog"
    shutil.copytree(REPO / "catalog", root)
    taxonomy = root / "taxonomy.yaml"
    text = taxonomy.read_text()
    taxonomy.write_text(text.replace("name: B2B", 'name: "B2B\\e]0;owned\\a"', 1))
    assert main(["path", "--catalog", str(root), "--stage", "new", "--background", "engineering",
                 "--company", "b2b", "--goal", "deepen"]) == 0
    out = capsys.readouterr().out
    assert "B2B\\x1b]0;owned\\x07" in out
    assert "\x1b" not in out and "\x07" not in out
