"""The JSON the commands print is an interface: each has a JSON Schema in
scripts/pmgenome/schema/output/, and real output is checked against it here. A new schema file is
picked up by the first tests on its own; its command's tests check real output with output_errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pmgenome.catalog.schema import output_schema, output_schema_names

from tests.support.catalogs import VALID_ARTICLE, CatalogDir
from tests.support.cli import run_json
from tests.support.samples import page
from tests.support.schemas import output_errors
from tests.support.servers import LocalServer, Reply


def test_every_json_output_has_a_schema() -> None:
    # link-status is the file `links --results` writes for the site, not a command's output.
    assert {"validate", "gaps", "inspect", "links", "path", "link-status"} <= set(output_schema_names())


def undescribed(node: object, where: str = "#") -> list[str]:
    """The properties declared in a schema without a description (the conditions of if/then/else
    and the examples declare nothing)."""
    found = []
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and "description" not in prop:
                found.append(f"{where}/properties/{name}")
        for key, value in node.items():
            if key not in ("if", "then", "else", "examples"):
                found += undescribed(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += undescribed(value, f"{where}/{index}")
    return found


@pytest.mark.parametrize("name", output_schema_names())
def test_every_output_schema_is_a_described_schema_whose_examples_match(name: str) -> None:
    schema = output_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"].startswith(f"pmgenome {name} ")
    assert schema["description"]
    assert schema["examples"]
    assert undescribed(schema) == []
    for example in schema["examples"]:
        assert output_errors(name, example) == []


@pytest.mark.parametrize("name", output_schema_names())
def test_schema_command_prints_each_output_schema(name: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pmgenome", "schema", "--output", name], capture_output=True,
                            text=True, timeout=60)
    assert (result.returncode, json.loads(result.stdout)) == (0, output_schema(name))


def test_validate_output_matches_its_schema(catalog_dir: CatalogDir, tmp_path: Path) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    code, document = run_json("validate", "--catalog", "catalog", "--format", "json", cwd=tmp_path)
    assert (code, document, output_errors("validate", document)) == (0, {"problems": [], "count": 0}, [])
    catalog_dir.write("articles/bad.yaml", VALID_ARTICLE.replace("access: free", "access: gratis\nautor: x"))
    catalog_dir.write("courses/broken.yaml", "title: [\n")
    catalog_dir.write("loose.yaml", "a: b\n")
    code, document = run_json("validate", "--catalog", "catalog", "--format", "json", cwd=tmp_path)
    assert code == 1 and document["count"] == len(document["problems"]) >= 4
    assert output_errors("validate", document) == []


def test_a_document_that_breaks_the_schema_is_caught() -> None:
    assert output_errors("validate", {"problems": [{"path": "x", "line": 0, "col": 1, "message": "m",
                                                    "rule": "Bad Rule"}], "count": 1, "extra": True}) == [
        "(top): Additional properties are not allowed ('extra' was unexpected)",
        "problems/0/line: 0 is less than the minimum of 1",
        "problems/0/rule: 'Bad Rule' does not match '^[a-z0-9]+(?:-[a-z0-9]+)*$'",
    ]


def test_inspect_output_matches_its_schema() -> None:
    routes = {
        "/article": Reply(200, {"Content-Type": "text/html"}, page("article.html").encode()),
        "/course": Reply(200, {"Content-Type": "text/html"}, page("course.html").encode()),
        "/event": Reply(200, {"Content-Type": "text/html"}, page("online-event.html").encode()),
        "/paper.pdf": Reply(200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n\x00\x00"),
    }
    with LocalServer("127.0.0.1", routes) as server:
        code, document = run_json("inspect", "--allow-private", "--json", *(server.url(path) for path in (
            "/article", "/course", "/event", "/paper.pdf", "/missing")))
    assert code == 1
    assert [item["status"] for item in document] == [200, 200, 200, 200, 404]
    assert document[1]["course"] is not None and document[2]["event"] is not None
    assert output_errors("inspect", document) == []
