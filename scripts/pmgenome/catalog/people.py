"""Reading the people directory (community/people/<github handle>.yaml), beside the catalog folder.

Opt-in, minimal and public: a person's file holds their handle, a name, the skills they can teach
and are learning, where they meet (city and country, or online) and their languages. Nothing
else: a contact field (email, phone, a web address of any kind) is refused with its line, and so
is any text that looks like one, because the directory is read by strangers and people reach each
other through their GitHub profile. The file's name is the handle, so a person adds only
themselves (pr.yml checks it against the pull request's author); any maintainer removes a file on
request.

    github: octocat
    name: Mona
    can_teach: [go-to-market, pricing]
    learning: [data-and-ai]
    city: London
    country: GB
    online: true
    languages: [en, pt]
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pmgenome.catalog.fieldtext import line_break_problem
from pmgenome.catalog.files import read_yaml, record_files
from pmgenome.catalog.fileschema import FileError, Said, schema_problems
from pmgenome.catalog.model import PEOPLE_FOLDER, Person, Taxonomy
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Document, Location
from pmgenome.text.clean import bidi_problem
from pmgenome.text.hints import did_you_mean

SCHEMA = "person"
RULE = "people"
FIELDS = "github, name, can_teach, learning, city, country, online and languages"
CONTACT = "the directory keeps no contact details (people reach you through your GitHub profile); remove it"
# Words in a field's name that make it a way to reach someone.
_CONTACT_KEY = re.compile(r"mail|phone|tel|mobile|whatsapp|telegram|signal|url|web|site|link|twitter|mastodon|"
                          r"bluesky|discord|slack|skype|calendly|contact|address|social|instagram|facebook|^x\Z",
                          re.IGNORECASE)
# Text that is an email or web address, whatever field it is in.
_CONTACT_TEXT = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+|://|\bwww\.|\b[a-z0-9-]+\.(?:com|org|net|io|me|dev|co)\b",
                           re.IGNORECASE)


def people_folder(catalog_root: Path) -> Path:
    """Where the directory lives: community/people beside the catalog folder."""
    return catalog_root.parent.joinpath(*PEOPLE_FOLDER)


def load_people(folder: Path, taxonomy: Taxonomy) -> tuple[tuple[Person, ...], list[Problem]]:
    """Every usable person of the folder, by handle, and every problem of every file."""
    people: list[Person] = []
    problems: list[Problem] = []
    for path, shown, refused in record_files(folder, lambda found: found.name.lower(), lambda _: True,
                                             "the people folder holds only <github handle>.yaml files", RULE):
        if refused is not None:
            problems.append(refused)
            continue
        person, found = _load_person(path, shown, taxonomy)
        problems += found
        if person is not None:
            people.append(person)
    return tuple(people), problems


def _load_person(path: Path, shown: str, taxonomy: Taxonomy) -> tuple[Person | None, list[Problem]]:
    document, problems = read_yaml(path)
    if document is None:
        return None, problems
    problems += schema_problems(document, SCHEMA, _explain, shown, RULE)
    data = document.value
    if not isinstance(data, dict):
        return None, problems
    said = _checks(document, data, path.stem, taxonomy)
    problems += [Problem(shown, where.line, where.col, message, RULE) for where, message in said]
    problems.sort(key=lambda problem: (problem.line, problem.col))
    if problems:
        return None, problems
    skills = taxonomy.ids("skills")
    return Person(data["github"], data["name"], tuple(s for s in skills if s in data["can_teach"]),
                  tuple(s for s in skills if s in data.get("learning", ())), data.get("city"), data.get("country"),
                  data.get("online") is True, tuple(data["languages"])), []


def _checks(document: Document, data: dict[str, Any], stem: str, taxonomy: Taxonomy) -> list[tuple[Location, str]]:
    """What the schema cannot say: the handle is the file's name, the skills are known, where the
    person meets is said, and no text is a contact."""
    def at(*path: Any) -> Location:
        return document.values.get(path) or document.keys.get(path) or Location(1, 1)

    said: list[tuple[Location, str]] = []
    handle = data.get("github")
    if isinstance(handle, str) and handle != stem:
        said.append((at("github"), f"github is '{handle}' but the file is named '{stem}.yaml'; name the file "
                                   "after your GitHub handle"))
    skills = list(taxonomy.ids("skills"))
    for field in ("can_teach", "learning"):
        values = data.get(field)
        for index, skill in enumerate(values if isinstance(values, tuple) else ()):
            if isinstance(skill, str) and skill not in skills:
                said.append((at(field, index), f"unknown skill '{skill}' in {field}{did_you_mean(skill, skills)}"))
    if "country" not in data and data.get("online") is not True:
        said.append((Location(1, 1), "say where you meet: country (and city), or online: true"))
    if "city" in data and "country" not in data:
        said.append((at("city"), "a city needs its country, as a two-letter code such as GB"))
    for field in ("name", "city"):
        text = data.get(field)
        if isinstance(text, str):
            problem = line_break_problem(text) or bidi_problem(text)
            if problem:
                said.append((at(field), f"'{field}' {problem}"))
            elif _CONTACT_TEXT.search(text):
                said.append((at(field), f"'{field}' looks like an email or web address: {CONTACT}"))
    return said


def _explain(found: FileError) -> Said | None:
    """A schema error in the directory's words; a contact field is named as one."""
    path, keyword = found.path, found.keyword
    if not path:
        if keyword == "additionalProperties":
            return [(found.key_at(key), f"'{key}' is a contact field: {CONTACT}" if _CONTACT_KEY.search(str(key))
                     else f"unknown field '{key}'; a person's file holds only {FIELDS}") for key in found.unexpected()]
        if keyword == "required":
            return [(Location(1, 1), f"missing '{name}'") for name in found.limit if name not in found.value]
        return [(Location(1, 1), f"a person's file must be a mapping of {FIELDS}")]
    field, where = path[0], found.at(*path)
    return {
        "github": [(where, "github must be your GitHub handle: letters, digits and single hyphens")],
        "name": [(where, "name must be text of at most 80 characters")],
        "can_teach": [(found.at(field), "can_teach must be a list of skill ids, at least one, each once")],
        "learning": [(found.at(field), "learning must be a list of skill ids, each once")],
        "city": [(where, "city must be text of at most 80 characters")],
        "country": [(where, "country must be a two-letter code such as GB")],
        "online": [(where, "online must be true or false")],
        "languages": [(found.at(*path[:2]), "languages must be a list of two-letter codes such as en, each once")],
    }.get(field)
