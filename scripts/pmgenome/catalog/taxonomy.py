"""Reading the vocabulary (taxonomy.yaml): its shape checked by schema/taxonomy.schema.json, what
a schema cannot say (unique ids, the ids terms name, unique search aliases) checked here, every
problem reported where it was written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pmgenome.catalog import yamlload
from pmgenome.catalog.files import read_yaml
from pmgenome.catalog.fileschema import FileError, Said, schema_problems
from pmgenome.catalog.model import (
    GROUPS,
    ID_PATTERN,
    RESERVED_IDS,
    TERMS_KEY,
    CommonTerm,
    Taxonomy,
    Term,
)
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Location
from pmgenome.text.hints import did_you_mean
from pmgenome.text.paths import display_path

SCHEMA = "taxonomy"
RULE = "taxonomy"
ID_RULE = "term id must be lowercase letters, digits and hyphens"
LEVELS = "1, 2 or 3 (1 aware, 2 practised, 3 could teach it)"


def _valid_id(value: Any) -> bool:
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None and value not in RESERVED_IDS


def _strings(value: Any) -> tuple[str, ...]:
    return value if isinstance(value, tuple) and all(isinstance(item, str) for item in value) else ()


def load_taxonomy(path: Path) -> tuple[Taxonomy, list[Problem]]:
    """Read the vocabulary, reporting anything malformed where it was written."""
    shown = display_path(path)
    if not path.is_symlink() and not path.exists():  # a link is refused by read_yaml, dangling or not
        return Taxonomy(), [Problem(shown, 1, 1, "the vocabulary file is missing", RULE)]
    document, problems = read_yaml(path)
    if document is None:
        return Taxonomy(), problems
    problems += schema_problems(document, SCHEMA, _explain, shown, RULE)
    data = document.value
    if not isinstance(data, dict):
        return Taxonomy(), problems
    groups = {group: _terms(document, group, shown, problems) for group in GROUPS}
    taxonomy = Taxonomy(**groups, terms=_search_terms(document))
    problems += _reference_problems(document, taxonomy, shown)
    problems += _expects_problems(document, taxonomy, shown)
    problems += _alias_problems(document, taxonomy, shown)
    return taxonomy, sorted(problems, key=lambda problem: (problem.line, problem.col))


def _terms(document: yamlload.Document, group: str, shown: str, problems: list[Problem]) -> tuple[Term, ...]:
    """The group's usable terms: a mapping with a valid id not seen before (the schema has said
    what is wrong with the others); a duplicate id is a problem of its own."""
    items = document.value.get(group)
    terms: list[Term] = []
    seen: set[str] = set()
    for index, item in enumerate(items if isinstance(items, tuple) else ()):
        if not isinstance(item, dict) or not _valid_id(item.get("id")):
            continue
        term_id = item["id"]
        if term_id in seen:
            where = document.values.get((group, index)) or Location(1, 1)
            problems.append(Problem(shown, where.line, where.col, f"duplicate id '{term_id}' in {group}", RULE))
            continue
        seen.add(term_id)
        name, description, scope = item.get("name"), item.get("description"), item.get("scope")
        expects = item.get("expects")
        terms.append(Term(
            term_id, name if isinstance(name, str) and name.strip() else term_id,
            description if isinstance(description, str) and description.strip() else "",
            scope if isinstance(scope, str) else None, _strings(item.get("segments")), _strings(item.get("gaps")),
            tuple((skill, level) for skill, level in expects.items() if isinstance(skill, str) and type(level) is int)
            if isinstance(expects, dict) else (), _aliases(item.get("aliases"))))
    return tuple(terms)


def _aliases(value: Any) -> tuple[str, ...]:
    """The usable aliases of a list, trimmed (_alias_problems reports the others)."""
    return tuple(alias.strip() for alias in _strings(value) if alias.strip())


def _written_terms(document: yamlload.Document) -> Iterator[tuple[int, dict[str, Any], str]]:
    """(index, item, words) for each `terms:` entry that writes its words, spaces folded; the
    schema reports the others."""
    items = document.value.get(TERMS_KEY)
    for index, item in enumerate(items if isinstance(items, tuple) else ()):
        words = item.get("term") if isinstance(item, dict) else None
        if isinstance(words, str) and words.strip():
            yield index, item, " ".join(words.split())


def _search_terms(document: yamlload.Document) -> tuple[CommonTerm, ...]:
    """The usable entries of the `terms:` list (the schema and _alias_problems report the rest):
    {term: product-market fit, aliases: [PMF], skills: [strategy]}; a repeated term counts once."""
    found: dict[str, CommonTerm] = {}
    for _, item, words in _written_terms(document):
        found.setdefault(words.casefold(), CommonTerm(words, _aliases(item.get("aliases")),
                                                      _strings(item.get("skills"))))
    return tuple(found.values())


def _explain(found: FileError) -> Said | None:
    """A schema error in the vocabulary's words."""
    path, keyword, value = found.path, found.keyword, found.value
    if not path:
        if keyword == "type":
            return [(Location(1, 1), "the vocabulary must be a mapping")]
        if keyword == "required":
            return [(Location(1, 1), f"missing group '{group}'") for group in found.limit
                    if group not in value]
        if keyword == "additionalProperties":
            return [(found.key_at(key), f"unknown group '{key}'; the groups are {', '.join(GROUPS)} "
                     f"(and {TERMS_KEY}, the search terms)") for key in found.unexpected()]
        return None
    group = path[0]
    if len(path) == 1:
        return [(found.at(group), f"'{group}' must be a list")]
    if group == TERMS_KEY:
        return _explain_search_term(found)
    item = found.document.value[group][path[1]]
    where = found.at(*path[:2])
    if len(path) == 2 and keyword == "type":
        return [(where, "each term must be a mapping with id, name and description")]
    term_id = item.get("id")
    if not _valid_id(term_id) and path[2:3] != ("id",):
        # A term without a usable id is not read at all: its id's problem is the one to fix first.
        return [(where, ID_RULE)] if keyword == "required" and "id" not in item else []
    if len(path) == 2:
        if keyword == "additionalProperties":
            return [(found.key_at(*path, key), f"unknown field '{key}' for a term in {group}")
                    for key in found.unexpected()]
        missing = [name for name in found.limit if name not in item]
        said: Said = []
        if "name" in missing or "description" in missing:
            said.append((where, f"term '{term_id}' needs a name and a description"))
        if "scope" in missing:
            said.append((where, f"skill '{term_id}' needs scope: general or flavour"))
        return said
    field, field_at = path[2], found.at(*path[:3])
    if field == "id":
        if keyword == "not":
            return [(field_at, f"term id '{value}' is reserved: the site has a page called '{value}'; "
                               "choose another id")]
        return [(field_at, ID_RULE)]
    if field == "expects":
        if len(path) == 3:
            return [(field_at, "expects must map skill ids to levels from 1 to 3")]
        return [(found.at(*path), f"expected level for '{path[3]}' must be {LEVELS}")]
    return {
        "name": [(where, f"term '{term_id}' needs a name and a description")],
        "description": [(where, f"term '{term_id}' needs a name and a description")],
        "scope": [(field_at, f"skill '{term_id}' needs scope: general or flavour")],
        "segments": [(field_at, "segments must be a list of segment ids")],
        "gaps": [(field_at, "gaps must be a list of general skill ids")],
        "aliases": [(field_at, "aliases must be a list of the other names people search for, like [GTM]")],
    }.get(field)


def _explain_search_term(found: FileError) -> Said | None:
    path = found.path
    shape = f"each of {TERMS_KEY} is a mapping with term, aliases and optionally skills"
    if len(path) == 2:
        if found.keyword == "additionalProperties":
            return [(found.key_at(*path, key), f"unknown field '{key}'; {shape}") for key in found.unexpected()]
        return [(found.at(*path), shape)]
    field_at = found.at(*path[:3])
    return {
        "term": [(field_at, "term must be the word people search for, as text")],
        "aliases": [(field_at, "aliases must be a list of the other names people search for, like [PMF]")],
        "skills": [(field_at, "skills must be a list of skill ids")],
    }.get(path[2])


def _reference_problems(document: yamlload.Document, taxonomy: Taxonomy, shown: str) -> list[Problem]:
    """Ids that terms name: a skill's segments, a background's gaps, a search term's skills."""
    problems = []
    segment_ids = set(taxonomy.ids("segments"))
    skill_ids = list(taxonomy.ids("skills"))
    general = sorted(term.id for term in taxonomy.skills if term.scope == "general")
    for where, item, segment in _references(document, "skills", "segments"):
        if segment not in segment_ids:
            problems.append(Problem(shown, where.line, where.col,
                                    f"unknown segment '{segment}' for skill '{item.get('id')}'", RULE))
    for where, _, skill in _references(document, "backgrounds", "gaps"):
        if skill not in general:
            problems.append(Problem(shown, where.line, where.col,
                                    f"'{skill}' is not a general skill{did_you_mean(str(skill), general)}; "
                                    "gaps name general skills", RULE))
    for where, item, skill in _references(document, TERMS_KEY, "skills"):
        if skill not in skill_ids:
            problems.append(Problem(shown, where.line, where.col,
                                    f"unknown skill '{skill}' for the search term '{item.get('term')}'"
                                    f"{did_you_mean(str(skill), skill_ids)}", RULE))
    return problems


def _expects_problems(document: yamlload.Document, taxonomy: Taxonomy, shown: str) -> list[Problem]:
    """The skills a segment `expects` are known, and a flavour skill only of that segment (the
    schema holds the levels to 1 to 3)."""
    problems = []
    skills = {term.id: term for term in taxonomy.skills}
    items = document.value.get("segments")
    for index, segment in enumerate(items if isinstance(items, tuple) else ()):
        if not isinstance(segment, dict) or not isinstance(segment.get("expects"), dict):
            continue
        for skill in segment["expects"]:
            key_at = document.keys.get(("segments", index, "expects", skill), Location(1, 1))
            term = skills.get(skill) if isinstance(skill, str) else None
            if term is None:
                problems.append(Problem(shown, key_at.line, key_at.col,
                                        f"unknown skill '{skill}' in what segment '{segment.get('id')}' expects"
                                        f"{did_you_mean(str(skill), sorted(skills))}", RULE))
            elif term.scope == "flavour" and segment.get("id") not in term.segments:
                problems.append(Problem(shown, key_at.line, key_at.col,
                                        f"'{skill}' is a flavour skill of {', '.join(term.segments) or 'no segment'}, "
                                        f"not of '{segment.get('id')}'", RULE))
    return problems


def _alias_problems(document: yamlload.Document, taxonomy: Taxonomy, shown: str) -> list[Problem]:
    """Every search alias names one thing: unique, whatever its case, across skills and terms;
    and every search term is written once (spaces and case aside)."""
    problems = []
    seen: set[str] = set()
    for index, _, words in _written_terms(document):
        if words.casefold() in seen:
            where = document.values.get((TERMS_KEY, index, "term")) or Location(1, 1)
            problems.append(Problem(shown, where.line, where.col, f"duplicate term '{words}' in {TERMS_KEY}", RULE))
        seen.add(words.casefold())
    first: dict[str, tuple[str, int]] = {}  # an alias, folded -> what it names first, and its line
    for group in ("skills", TERMS_KEY):
        for where, item, alias in _references(document, group, "aliases"):
            if not isinstance(alias, str) or not alias.strip():
                continue  # the schema has said so
            owner = f"skill '{item.get('id')}'" if group == "skills" else f"term '{item.get('term')}'"
            key = alias.strip().casefold()
            if key in first:
                named, line = first[key]
                problems.append(Problem(shown, where.line, where.col,
                                        f"duplicate alias '{alias}': already an alias of {named} (line {line}); "
                                        "a search word leads to one place", RULE))
            else:
                first[key] = owner, where.line
    return problems


def _references(document: yamlload.Document, group: str, field: str
                ) -> Iterator[tuple[Location, dict[str, Any], Any]]:
    """Each item a term lists in `field` (a skill's segments, a background's gaps...), with where it is."""
    items = document.value.get(group)
    for index, item in enumerate(items if isinstance(items, tuple) else ()):
        if isinstance(item, dict) and isinstance(item.get(field), tuple):
            for position, value in enumerate(item[field]):
                where = document.values.get((group, index, field, position), Location(1, 1))
                yield where, item, value
