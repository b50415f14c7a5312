"""Aliases and common terms in taxonomy.yaml: read into the vocabulary, refused where they are wrong."""

from __future__ import annotations

from pathlib import Path

from pmgenome.catalog.model import TAXONOMY_FILE, CommonTerm
from pmgenome.catalog.taxonomy import load_taxonomy

SHIPPED = Path(__file__).resolve().parents[2] / "catalog" / TAXONOMY_FILE
GTM_LINE = "    aliases: [GTM]"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / TAXONOMY_FILE
    path.write_text(text, encoding="utf-8")
    return path


def _shown(path: Path) -> list[str]:
    _, problems = load_taxonomy(path)
    return [f"{problem.line}:{problem.col}: {problem.message}" for problem in problems]


def _line(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


def test_the_shipped_vocabulary_has_aliases_and_terms():
    taxonomy, problems = load_taxonomy(SHIPPED)
    assert problems == []
    assert taxonomy.term("skills", "go-to-market").aliases == ("GTM",)
    assert taxonomy.terms[0] == CommonTerm("product-market fit", ("PMF", "product/market fit"), ("strategy", "growth"))
    aliases = {alias.casefold() for term in taxonomy.terms for alias in term.aliases}
    assert {"pmf", "plg", "jtbd", "okr", "nsm", "icp", "rice", "mvp", "llm", "ux", "ab test"} <= aliases


def test_a_duplicate_alias_is_located_and_names_the_first(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8").replace(
        "aliases: [ML]", "aliases: [ML, gtm]").replace("aliases: [NSM, North Star]", "aliases: [NSM, North Star, Pmf]")
    path = _write(tmp_path, text)
    gtm, ml, pmf = _line(text, GTM_LINE), _line(text, "    aliases: [ML, gtm]"), text.find("Pmf")
    pmf_line = text.count("\n", 0, pmf) + 1
    pmf_col = pmf - text.rfind("\n", 0, pmf)
    first_pmf = text.count("\n", 0, text.find("[PMF")) + 1
    assert _shown(path) == [
        f"{ml}:19: duplicate alias 'gtm': already an alias of skill 'go-to-market' (line {gtm}); "
        "a search word leads to one place",
        f"{pmf_line}:{pmf_col}: duplicate alias 'Pmf': already an alias of term 'product-market fit' "
        f"(line {first_pmf}); a search word leads to one place",
    ]


def test_empty_aliases_are_located(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8").replace("aliases: [GTM]", "aliases: [GTM, '  ']").replace(
        "aliases: [UXR]", "aliases: []")
    path = _write(tmp_path, text)
    blank = _line(text, "    aliases: [GTM, '  ']")
    assert _shown(path) == [
        f"{blank}:14: aliases must be a list of the other names people search for, like [GTM]",
        f"{_line(text, '    aliases: []')}:14: aliases must be a list of the other names people search for, like [GTM]",
    ]


def test_a_term_with_an_unknown_skill_a_missing_word_or_a_stray_field_is_located(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8") + (
        "  - {term: design sprint, aliases: [GV sprint], skills: [discovry, ux-design]}\n"
        "  - {aliases: [XYZ]}\n"
        "  - {term: north  star metric, aliases: [polaris]}\n"
        "  - {term: design review, alias: [crit]}\n"
        "  - just words\n")
    path = _write(tmp_path, text)
    last = len(text.splitlines())
    shape = "each of terms is a mapping with term, aliases and optionally skills"
    assert _shown(path) == [
        f"{last - 4}:58: unknown skill 'discovry' for the search term 'design sprint' (did you mean 'discovery'?)",
        f"{last - 3}:5: {shape}",
        f"{last - 2}:12: duplicate term 'north star metric' in terms",
        f"{last - 1}:5: {shape}",
        f"{last - 1}:27: unknown field 'alias'; {shape}",
        f"{last}:5: {shape}",
    ]


def test_terms_must_be_a_list_and_are_optional(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8")
    start = text.index("\n# The field's common terms")
    path = _write(tmp_path, text[:start] + "\nterms: {PMF: product-market fit}\n")
    line = _line(text[:start], "    description: Coming from any other field.") + 2
    assert _shown(path) == [f"{line}:8: 'terms' must be a list"]
    taxonomy, problems = load_taxonomy(_write(tmp_path, text[:start] + "\n"))
    assert problems == [] and taxonomy.terms == ()
