"""The survey's responses (survey/responses/<issue number>.yaml, beside the catalog folder): what a
response holds, the optional answers' choices (the issue form offers the same), and reading the
folder with every problem located. A response holds answers only: no name, handle or employer.

    stage: new
    background: engineering
    company: [b2b]
    ratings: {strategy: 2, discovery: 1}
    date: 2026-12-06
    years: 3-5                # optional, like the three below
    company_size: 51-250
    industry: Software and SaaS
    country: GB
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pmgenome.catalog.files import read_yaml, record_files
from pmgenome.catalog.fileschema import FileError, Said, schema_problems
from pmgenome.catalog.model import SURVEY_FOLDER, Response, Taxonomy
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Document, Location
from pmgenome.text.hints import did_you_mean

SCHEMA = "response"
RULE = "survey"
REQUIRED = ("stage", "background", "company", "ratings", "date")
# The optional questions and their choices, here and in .github/ISSUE_TEMPLATE/survey.yml (a test
# holds the two equal).
CHOICES: dict[str, tuple[str, ...]] = {
    "years": ("Less than 1", "1-2", "3-5", "6-10", "More than 10"),
    "company_size": ("1-10", "11-50", "51-250", "251-1,000", "1,001-10,000", "More than 10,000"),
    "industry": ("Software and SaaS", "Consumer internet", "Fintech and banking", "Health", "Education",
                 "Retail and e-commerce", "Media and games", "Public sector", "Another industry"),
}
FIELDS = ", ".join((*REQUIRED, *CHOICES, "country"))


def survey_folder(catalog_root: Path) -> Path:
    """Where the responses live: survey/responses beside the catalog folder."""
    return catalog_root.parent.joinpath(*SURVEY_FOLDER)


def load_responses(folder: Path, taxonomy: Taxonomy) -> tuple[tuple[Response, ...], list[Problem]]:
    """Every usable response of the folder, by number, and every problem of every file."""
    responses: list[Response] = []
    problems: list[Problem] = []
    for path, shown, refused in record_files(folder, lambda found: (len(found.name), found.name),
                                             lambda found: found.stem.isdigit(),
                                             "the responses folder holds only <issue number>.yaml files", RULE):
        if refused is not None:
            problems.append(refused)
            continue
        document, found = read_yaml(path)
        if document is None:
            problems += found
            continue
        found += schema_problems(document, SCHEMA, _explain, shown, RULE)
        found += [Problem(shown, where.line, where.col, message, RULE)
                  for where, message in response_problems(document, taxonomy)]
        if found:
            problems += sorted(found, key=lambda problem: (problem.line, problem.col))
        else:
            responses.append(as_response(int(path.stem), document.value, taxonomy))
    return tuple(responses), problems


def as_response(number: int, data: dict[str, Any], taxonomy: Taxonomy) -> Response:
    """A checked response's data as a Response, segments and skills in taxonomy order."""
    ratings = data["ratings"]
    return Response(number, data["stage"], data["background"],
                    tuple(segment for segment in taxonomy.ids("segments") if segment in data["company"]),
                    tuple((skill, ratings[skill]) for skill in taxonomy.ids("skills") if skill in ratings),
                    data["date"], *(data.get(name) for name in (*CHOICES, "country")))


def response_problems(document: Document, taxonomy: Taxonomy) -> list[tuple[Location, str]]:
    """What the schema cannot say: the stage, background, segments and skills are the vocabulary's."""
    data = document.value
    if not isinstance(data, dict):
        return []

    def at(*path: Any) -> Location:
        return document.values.get(path) or document.keys.get(path) or Location(1, 1)

    said: list[tuple[Location, str]] = []
    for field, group in (("stage", "levels"), ("background", "backgrounds")):
        value, known = data.get(field), list(taxonomy.ids(group))
        if isinstance(value, str) and value not in known:
            said.append((at(field), f"unknown {field} '{value}'; choose one of: {', '.join(known)}"))
    segments = list(taxonomy.ids("segments"))
    company = data.get("company")
    for index, segment in enumerate(company if isinstance(company, tuple) else ()):
        if isinstance(segment, str) and segment not in segments:
            said.append((at("company", index), f"unknown segment '{segment}'; choose from: {', '.join(segments)}"))
    if isinstance(data.get("date"), str):
        said.append((at("date"), "date must be a date written as YYYY-MM-DD, unquoted"))
    skills = list(taxonomy.ids("skills"))
    ratings = data.get("ratings")
    for skill in ratings if isinstance(ratings, dict) else ():
        if skill not in skills:
            said.append((document.keys.get(("ratings", skill)) or at("ratings"),
                         f"unknown skill '{skill}' in ratings{did_you_mean(str(skill), skills)}"))
    return said


def _explain(found: FileError) -> Said | None:
    path, keyword = found.path, found.keyword
    if not path:
        if keyword == "additionalProperties":
            return [(found.key_at(key), f"unknown field '{key}'; a response holds only {FIELDS}")
                    for key in found.unexpected()]
        if keyword == "required":
            return [(Location(1, 1), f"missing '{name}'") for name in found.limit if name not in found.value]
        return [(Location(1, 1), f"a response must be a mapping of {FIELDS}")]
    field, where = path[0], found.at(*path)
    if field in CHOICES:
        return [(where, f"{field} must be one of: {', '.join(CHOICES[field])}")]
    if field == "ratings" and len(path) == 2:
        return [(where, f"the rating for '{path[1]}' must be 0, 1, 2 or 3")]
    return {
        "stage": [(where, "stage must be a level id")],
        "background": [(where, "background must be a background id")],
        "company": [(found.at(field), "company must be a list of segment ids, at least one, each once")],
        "ratings": [(where, "ratings must map skill ids to 0, 1, 2 or 3, at least one")],
        "date": [(where, "date must be a date written as YYYY-MM-DD, unquoted")],
        "country": [(where, "country must be a two-letter code such as GB")],
    }.get(field)


def response_yaml(data: dict[str, Any]) -> str:
    """A response as the YAML file the survey workflow adds: the fields in a fixed order, every text
    value one of the vocabulary's ids or the form's choices, so nothing needs quoting but choices."""
    lines = [f"stage: {data['stage']}", f"background: {data['background']}",
             f"company: [{', '.join(data['company'])}]",
             "ratings: {" + ", ".join(f"{skill}: {level}" for skill, level in data["ratings"].items()) + "}",
             f"date: {data['date'].isoformat() if isinstance(data['date'], dt.date) else data['date']}"]
    for name in (*CHOICES, "country"):
        if data.get(name):
            lines.append(f'{name}: "{data[name]}"')
    return "\n".join(lines) + "\n"
