"""The survey's issue form, read back: the body GitHub writes for an issue made from
.github/ISSUE_TEMPLATE/survey.yml turned into one response's data, or every reason it cannot be.

GitHub writes each field as a "### <label>" heading and its answer ("_No response_" when empty);
the answers field holds lines the path/ page fills in ("stage: new", "company: b2b, technical",
"ratings: strategy=2, discovery=0"). Only ids of the vocabulary, the form's choices and a country
code are taken: nothing else of the issue (no handle, no free text) reaches the response.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from pmgenome.catalog.model import Taxonomy
from pmgenome.catalog.survey import CHOICES
from pmgenome.plan.answers import parse_answers

# The form's labels by the response's field (a test holds them equal to survey.yml's).
LABELS: Mapping[str, str] = {
    "answers": "Your answers and ratings",
    "years": "Years in product (optional)",
    "company_size": "Company size (optional)",
    "industry": "Industry (optional)",
    "country": "Country (optional)",
}
ANSWER_KEYS = ("stage", "background", "company", "ratings")
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^### (.+?)\s*$", re.MULTILINE)
_COUNTRY = re.compile(r"[A-Za-z]{2}")


def sections(body: str) -> dict[str, str]:
    """The issue's fields by label, each answer stripped of its code fence."""
    found: dict[str, str] = {}
    marks = list(_HEADING.finditer(body))
    if not marks:
        return found
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        text = body[mark.end():following.start() if following else len(body)].strip()
        text = re.sub(r"\A```[^\n]*\n|\n?```\Z", "", text).strip()
        found.setdefault(mark.group(1), "" if text == NO_RESPONSE else text)
    return found


def response_from_issue(body: str, taxonomy: Taxonomy, date: dt.date) -> tuple[dict[str, Any] | None, list[str]]:
    """The response's data from an issue body, or None and every problem found."""
    fields = sections(body.replace("\r\n", "\n"))
    errors: list[str] = []
    raw: dict[str, str] = {}
    answers = fields.get(LABELS["answers"])
    if not answers:
        return None, [f"the issue has no '{LABELS['answers']}' field; open it from the path/ page or the survey form"]
    for line in answers.splitlines():
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or key not in ANSWER_KEYS:
            errors.append(f"'{LABELS['answers']}' holds a line that is not one of {', '.join(ANSWER_KEYS)}: "
                          f"'{line.strip()[:60]}'")
        elif key in raw:
            errors.append(f"'{key}' is answered twice")
        else:
            raw[key] = value.strip()
    missing = [key for key in ANSWER_KEYS if not raw.get(key)]
    if missing:
        errors.append(f"the answers miss {', '.join(missing)}")
    if errors:
        return None, errors
    ratings = raw["ratings"].replace(" ", "")
    parsed, problems = parse_answers(taxonomy, stage=raw["stage"], background=raw["background"],
                                     company=raw["company"], ratings=ratings)
    errors += problems
    data: dict[str, Any] = {}
    if parsed is not None:
        if not parsed.ratings:
            errors.append("the answers rate no skill; rate at least one")
        data = {"stage": parsed.stage, "background": parsed.background, "company": list(parsed.company),
                "ratings": dict(parsed.ratings), "date": date}
    for name, choices in CHOICES.items():
        value = fields.get(LABELS[name], "")
        if value and value not in choices:
            errors.append(f"'{LABELS[name]}' must be one of: {', '.join(choices)}")
        elif value:
            data[name] = value
    country = fields.get(LABELS["country"], "")
    if country and not _COUNTRY.fullmatch(country):
        errors.append(f"'{LABELS['country']}' must be a two-letter code such as GB")
    elif country:
        data["country"] = country.upper()
    return (None, errors) if errors else (data, [])
