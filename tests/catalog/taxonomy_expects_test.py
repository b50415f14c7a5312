"""What each segment `expects` in taxonomy.yaml: read into the vocabulary, refused where it is wrong."""

from __future__ import annotations

from pathlib import Path

from pmgenome.catalog.model import TAXONOMY_FILE
from pmgenome.catalog.taxonomy import load_taxonomy

SHIPPED = Path(__file__).resolve().parents[2] / "catalog" / TAXONOMY_FILE


def _with_b2b_expects(tmp_path: Path, expects: str) -> tuple[Path, int]:
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    at = next(number for number, line in enumerate(lines) if line.startswith("    expects: {go-to-market"))
    lines[at] = f"    expects: {expects}"
    path = tmp_path / TAXONOMY_FILE
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at + 1


def test_the_shipped_segments_say_what_they_expect():
    taxonomy, problems = load_taxonomy(SHIPPED)
    assert problems == []
    expects = {term.id: dict(term.expects) for term in taxonomy.segments}
    assert expects["b2b"] == {"go-to-market": 3, "pricing": 2, "communication": 3, "prioritization": 2,
                              "discovery": 2}
    assert all(expects.values()) and set(expects) == set(taxonomy.ids("segments"))


def test_unknown_skills_foreign_flavour_and_bad_levels_are_located(tmp_path):
    path, line = _with_b2b_expects(tmp_path, "{go-to-markt: 3, growth: 2, pricing: 4, discovery: yes, metrics: 1.5}")
    _, problems = load_taxonomy(path)
    shown = [f"{problem.line}:{problem.col}: {problem.message}" for problem in problems]
    assert shown == [
        f"{line}:15: unknown skill 'go-to-markt' in what segment 'b2b' expects (did you mean 'go-to-market'?)",
        f"{line}:31: 'growth' is a flavour skill of b2c, not of 'b2b'",
        f"{line}:51: expected level for 'pricing' must be 1, 2 or 3 (1 aware, 2 practised, 3 could teach it)",
        f"{line}:65: expected level for 'discovery' must be 1, 2 or 3 (1 aware, 2 practised, 3 could teach it)",
        f"{line}:79: expected level for 'metrics' must be 1, 2 or 3 (1 aware, 2 practised, 3 could teach it)",
    ]


def test_expects_must_be_a_mapping(tmp_path):
    path, line = _with_b2b_expects(tmp_path, "[go-to-market, pricing]")
    taxonomy, problems = load_taxonomy(path)
    assert [(problem.line, problem.col, problem.message) for problem in problems] == [
        (line, 14, "expects must map skill ids to levels from 1 to 3")]
    assert taxonomy.term("segments", "b2b").expects == ()


def test_only_segments_may_expect(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8").replace(
        "    gaps: [discovery, communication, strategy]\n",
        "    gaps: [discovery, communication, strategy]\n    expects: {strategy: 2}\n")
    path = tmp_path / TAXONOMY_FILE
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    expects: {strategy: 2}") + 1
    _, problems = load_taxonomy(path)
    assert [(problem.line, problem.col, problem.message) for problem in problems] == [
        (line, 5, "unknown field 'expects' for a term in backgrounds")]
