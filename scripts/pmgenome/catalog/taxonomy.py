"""Reading the vocabulary (taxonomy.yaml): every malformed term reported where it was written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pmgenome.catalog import yamlload
from pmgenome.catalog.files import display_path, read_yaml
from pmgenome.catalog.model import (
    GROUPS,
    ID_PATTERN,
    RESERVED_IDS,
    SCOPES,
    TERMS_KEY,
    CommonTerm,
    Taxonomy,
    Term,
)
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Location
from pmgenome.text.hints import did_you_mean


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def load_taxonomy(path: Path) -> tuple[Taxonomy, list[Problem]]:
    """Read the vocabulary, reporting anything malformed where it was written."""
    shown = display_path(path)
    if not path.is_symlink() and not path.exists():  # a link is refused by read_yaml, dangling or not
        return Taxonomy(), [Problem(shown, 1, 1, "the vocabulary file is missing", "taxonomy")]
    document, problems = read_yaml(path)
    if document is None:
        return Taxonomy(), problems
    data = document.value
    if not isinstance(data, dict):
        return Taxonomy(), problems + [Problem(shown, 1, 1, "the vocabulary must be a mapping", "taxonomy")]

    def at(*where: Any) -> Location:
        return document.values.get(where) or document.keys.get(where) or Location(1, 1)

    for key in data:
        if key not in GROUPS and key != TERMS_KEY:
            where = document.keys[(key,)]
            problems.append(Problem(shown, where.line, where.col,
                                    f"unknown group '{key}'; the groups are {', '.join(GROUPS)}", "taxonomy"))
    groups: dict[str, tuple[Term, ...]] = {}
    for group in GROUPS:
        items = data.get(group)
        if group not in data:
            problems.append(Problem(shown, 1, 1, f"missing group '{group}'", "taxonomy"))
            groups[group] = ()
            continue
        if not isinstance(items, tuple):
            where = at(group)
            problems.append(Problem(shown, where.line, where.col, f"'{group}' must be a list", "taxonomy"))
            groups[group] = ()
            continue
        terms: list[Term] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            where = at(group, index)
            if not isinstance(item, dict):
                problems.append(Problem(shown, where.line, where.col,
                                        "each term must be a mapping with id, name and description", "taxonomy"))
                continue
            term_id, name, description = item.get("id"), _text(item.get("name")), _text(item.get("description"))
            if not isinstance(term_id, str) or not ID_PATTERN.fullmatch(term_id) or term_id in RESERVED_IDS:
                id_at = at(group, index, "id") if "id" in item else where
                message = (f"term id '{term_id}' is reserved: the site has a page called '{term_id}'; "
                           "choose another id" if term_id in RESERVED_IDS else
                           "term id must be lowercase letters, digits and hyphens")
                problems.append(Problem(shown, id_at.line, id_at.col, message, "taxonomy"))
                continue
            if term_id in seen:
                problems.append(Problem(shown, where.line, where.col,
                                        f"duplicate id '{term_id}' in {group}", "taxonomy"))
                continue
            seen.add(term_id)
            if name is None or description is None:
                problems.append(Problem(shown, where.line, where.col,
                                        f"term '{term_id}' needs a name and a description", "taxonomy"))
            allowed = {"id", "name", "description"} | {"skills": {"scope", "segments", "aliases"}, "segments": {"expects"},
                                                       "backgrounds": {"gaps"}}.get(group, set())
            for key in item:
                if key not in allowed:
                    key_at = document.keys.get((group, index, key), where)
                    problems.append(Problem(shown, key_at.line, key_at.col,
                                            f"unknown field '{key}' for a term in {group}", "taxonomy"))
            scope = item.get("scope")
            segments = item.get("segments") or ()
            if group == "skills":
                if scope not in SCOPES:
                    key_at = at(group, index, "scope")
                    problems.append(Problem(shown, key_at.line, key_at.col,
                                            f"skill '{term_id}' needs scope: general or flavour", "taxonomy"))
                if not isinstance(segments, tuple) or not all(isinstance(s, str) for s in segments):
                    key_at = at(group, index, "segments")
                    problems.append(Problem(shown, key_at.line, key_at.col,
                                            "segments must be a list of segment ids", "taxonomy"))
                    segments = ()
            gaps = item.get("gaps") or ()
            if not isinstance(gaps, tuple) or not all(isinstance(g, str) for g in gaps):
                key_at = at(group, index, "gaps")
                problems.append(Problem(shown, key_at.line, key_at.col,
                                        "gaps must be a list of general skill ids", "taxonomy"))
                gaps = ()
            expects = item.get("expects") or {}
            if not isinstance(expects, dict):
                key_at = at(group, index, "expects")
                problems.append(Problem(shown, key_at.line, key_at.col,
                                        "expects must map skill ids to levels from 1 to 3", "taxonomy"))
                expects = {}
            terms.append(Term(term_id, name or term_id, description or "",
                              scope if isinstance(scope, str) else None, tuple(segments), tuple(gaps),
                              tuple((skill, level) for skill, level in expects.items()
                                    if isinstance(skill, str) and type(level) is int),
                              _aliases(item.get("aliases"))))
        groups[group] = tuple(terms)
    common, term_problems = _common_terms(document, groups["skills"], shown)
    problems += term_problems + _alias_problems(document, shown)
    taxonomy = Taxonomy(**groups, terms=common)
    segment_ids = set(taxonomy.ids("segments"))
    general = sorted(term.id for term in taxonomy.skills if term.scope == "general")
    for where, item, segment in _references(document, "skills", "segments"):
        if segment not in segment_ids:
            problems.append(Problem(shown, where.line, where.col,
                                    f"unknown segment '{segment}' for skill '{item.get('id')}'", "taxonomy"))
    for where, _, skill in _references(document, "backgrounds", "gaps"):
        if skill not in general:
            problems.append(Problem(shown, where.line, where.col,
                                    f"'{skill}' is not a general skill{did_you_mean(str(skill), general)}; "
                                    "gaps name general skills", "taxonomy"))
    problems += _expects_problems(document, taxonomy, shown)
    return taxonomy, problems


def _expects_problems(document: yamlload.Document, taxonomy: Taxonomy, shown: str) -> list[Problem]:
    """What a segment `expects`: known skills (a flavour skill only of that segment), levels 1 to 3."""
    problems = []
    skills = {term.id: term for term in taxonomy.skills}
    items = document.value.get("segments")
    for index, segment in enumerate(items if isinstance(items, tuple) else ()):
        if not isinstance(segment, dict) or not isinstance(segment.get("expects"), dict):
            continue
        for skill, level in segment["expects"].items():
            key_at = document.keys.get(("segments", index, "expects", skill), Location(1, 1))
            value_at = document.values.get(("segments", index, "expects", skill), key_at)
            term = skills.get(skill) if isinstance(skill, str) else None
            if term is None:
                problems.append(Problem(shown, key_at.line, key_at.col,
                                        f"unknown skill '{skill}' in what segment '{segment.get('id')}' expects"
                                        f"{did_you_mean(str(skill), sorted(skills))}", "taxonomy"))
            elif term.scope == "flavour" and segment.get("id") not in term.segments:
                problems.append(Problem(shown, key_at.line, key_at.col,
                                        f"'{skill}' is a flavour skill of {', '.join(term.segments) or 'no segment'}, "
                                        f"not of '{segment.get('id')}'", "taxonomy"))
            if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 3:
                problems.append(Problem(shown, value_at.line, value_at.col,
                                        f"expected level for '{skill}' must be 1, 2 or 3 (1 aware, 2 practised, "
                                        "3 could teach it)", "taxonomy"))
    return problems


def _references(document: yamlload.Document, group: str, field: str
                ) -> Iterator[tuple[Location, dict[str, Any], Any]]:
    """Each id a term lists in `field` (skills' segments, backgrounds' gaps), with where it is."""
    items = document.value.get(group)
    for index, item in enumerate(items if isinstance(items, tuple) else ()):
        if isinstance(item, dict) and isinstance(item.get(field), tuple):
            for position, value in enumerate(item[field]):
                where = document.values.get((group, index, field, position), Location(1, 1))
                yield where, item, value


# Aliases: the field's abbreviations and other names for a skill or a common term, which the
# site's search understands ("pmf" finds what "product-market fit" finds). Self-contained, so the
# checks can move wherever the vocabulary's structure is checked.
TERM_FIELDS = ("term", "aliases", "skills")


def _aliases(value: Any) -> tuple[str, ...]:
    """The usable aliases of a list (the rest are reported by _alias_problems)."""
    if not isinstance(value, tuple):
        return ()
    return tuple(alias.strip() for alias in value if isinstance(alias, str) and alias.strip())


def _common_terms(document: yamlload.Document, skills: tuple[Term, ...], shown: str
                  ) -> tuple[tuple[CommonTerm, ...], list[Problem]]:
    """The optional `terms:` list: {term: product-market fit, aliases: [PMF], skills: [strategy]}."""
    items = document.value.get(TERMS_KEY)
    if TERMS_KEY not in document.value:
        return (), []
    problems: list[Problem] = []
    if not isinstance(items, tuple):
        where = document.values.get((TERMS_KEY,)) or document.keys.get((TERMS_KEY,), Location(1, 1))
        return (), [Problem(shown, where.line, where.col, f"'{TERMS_KEY}' must be a list", "taxonomy")]
    skill_ids = sorted(term.id for term in skills)
    terms: list[CommonTerm] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = document.values.get((TERMS_KEY, index), Location(1, 1))
        if not isinstance(item, dict):
            problems.append(Problem(shown, where.line, where.col,
                                    "each term must be a mapping with term and aliases (skills if any)", "taxonomy"))
            continue
        for key in item:
            if key not in TERM_FIELDS:
                key_at = document.keys.get((TERMS_KEY, index, key), where)
                problems.append(Problem(shown, key_at.line, key_at.col,
                                        f"unknown field '{key}' for a term in {TERMS_KEY}; the fields are "
                                        f"{', '.join(TERM_FIELDS)}", "taxonomy"))
        words = _text(item.get("term"))
        if words is None:
            problems.append(Problem(shown, where.line, where.col,
                                    "a term needs its words in 'term', e.g. term: product-market fit", "taxonomy"))
            continue
        words = " ".join(words.split())
        if words.casefold() in seen:
            term_at = document.values.get((TERMS_KEY, index, "term"), where)
            problems.append(Problem(shown, term_at.line, term_at.col,
                                    f"duplicate term '{words}' in {TERMS_KEY}", "taxonomy"))
            continue
        seen.add(words.casefold())
        if "aliases" not in item:
            problems.append(Problem(shown, where.line, where.col,
                                    f"term '{words}' needs aliases: its abbreviations or other names", "taxonomy"))
        named = item.get("skills", ())
        if not isinstance(named, tuple):
            key_at = document.values.get((TERMS_KEY, index, "skills"), where)
            problems.append(Problem(shown, key_at.line, key_at.col,
                                    f"skills of term '{words}' must be a list of skill ids", "taxonomy"))
            named = ()
        known: list[str] = []
        for position, skill in enumerate(named):
            if isinstance(skill, str) and skill in skill_ids:
                known.append(skill)
                continue
            skill_at = document.values.get((TERMS_KEY, index, "skills", position), where)
            problems.append(Problem(shown, skill_at.line, skill_at.col,
                                    f"unknown skill '{skill}' for term '{words}'"
                                    f"{did_you_mean(str(skill), skill_ids)}", "taxonomy"))
        terms.append(CommonTerm(words, _aliases(item.get("aliases")), tuple(known)))
    return tuple(terms), problems


def _alias_problems(document: yamlload.Document, shown: str) -> list[Problem]:
    """Aliases of skills and terms: non-empty lists of non-empty texts, each unique in the file
    (letter case aside), so that an abbreviation means one thing."""
    problems: list[Problem] = []
    seen: dict[str, tuple[str, Location]] = {}  # folded alias -> (whose, where)
    for group in ("skills", TERMS_KEY):
        items = document.value.get(group)
        for index, item in enumerate(items if isinstance(items, tuple) else ()):
            if not isinstance(item, dict) or "aliases" not in item:
                continue
            whose = (f"skill '{item.get('id')}'" if group == "skills"
                     else f"term '{' '.join(str(item.get('term')).split())}'")
            aliases = item["aliases"]
            key_at = document.keys.get((group, index, "aliases"), Location(1, 1))
            if not isinstance(aliases, tuple) or not aliases:
                value_at = document.values.get((group, index, "aliases"), key_at)
                problems.append(Problem(shown, value_at.line, value_at.col,
                                        f"aliases of {whose} must be a list of abbreviations or other names, "
                                        "e.g. [PMF]", "taxonomy"))
                continue
            for position, alias in enumerate(aliases):
                where = document.values.get((group, index, "aliases", position), key_at)
                if not isinstance(alias, str) or not alias.strip():
                    problems.append(Problem(shown, where.line, where.col,
                                            f"an alias of {whose} must be a non-empty text", "taxonomy"))
                    continue
                folded = " ".join(alias.split()).casefold()
                if folded in seen:
                    other, at = seen[folded]
                    problems.append(Problem(shown, where.line, where.col,
                                            f"duplicate alias '{alias.strip()}': already an alias of {other} "
                                            f"(line {at.line})", "taxonomy"))
                else:
                    seen[folded] = (whose, where)
    return problems
