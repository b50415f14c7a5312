"""Reading schema.org JSON-LD as real pages write it: nested, listed, graphed and often malformed."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from pmgenome.text.clean import CONTROL

# Bounds so a hostile page cannot make us walk forever.
MAX_NODES = 500
MAX_DEPTH = 12
MAX_BLOCK_CHARS = 1_000_000

ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "BackgroundNewsArticle",
    "ReviewNewsArticle", "AskPublicNewsArticle", "LiveBlogPosting", "SocialMediaPosting",
    "DiscussionForumPosting", "Review", "MedicalScholarlyArticle", "SatiricalArticle",
})
# Event subtypes a meetup or conference page might use. CourseInstance is an Event too, but it
# describes a course's run and is read through its Course.
EVENT_TYPES = frozenset({
    "Event", "BusinessEvent", "EducationEvent", "SocialEvent", "Hackathon", "EventSeries",
    "ExhibitionEvent", "Festival", "LiteraryEvent", "PublicationEvent",
})

_SCHEMA_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?schema\.org/", re.IGNORECASE)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_LINE_COMMENT = re.compile(r"^\s*//.*$", re.MULTILINE)


def _loads(text: str) -> Any:
    if len(text) > MAX_BLOCK_CHARS:
        return None
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    except RecursionError:  # "[[[[..." thousands deep: hostile, not repairable
        return None
    # The usual breakages: HTML comment or CDATA wrappers, // comment lines, trailing commas, raw
    # control characters.
    cleaned = _LINE_COMMENT.sub("", text).strip()
    for wrapper in ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"):
        cleaned = cleaned.replace(wrapper, "")
    cleaned = CONTROL.sub(" ", _TRAILING_COMMA.sub(r"\1", cleaned))
    try:
        return json.loads(cleaned, strict=False)
    except (ValueError, RecursionError):
        return None


def types(node: dict[str, Any]) -> frozenset[str]:
    """The node's schema.org type names, without any http://schema.org/ prefix."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return frozenset(_SCHEMA_PREFIX.sub("", item).strip() for item in values if isinstance(item, str))


def _walk(value: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        if "@type" in value:
            yield value
        for item in value.values():
            if isinstance(item, (dict, list)):
                yield from _walk(item, depth + 1)


def nodes(blocks: Iterable[str]) -> list[dict[str, Any]]:
    """Every typed object in the page's JSON-LD blocks, outer ones first, in page order."""
    found: list[dict[str, Any]] = []
    for block in blocks:
        for node in _walk(_loads(block), 0):
            found.append(node)
            if len(found) >= MAX_NODES:
                return found
    return found


def of_type(found: Iterable[dict[str, Any]], wanted: frozenset[str]) -> list[dict[str, Any]]:
    return [node for node in found if types(node) & wanted]


def text(value: Any) -> str | None:
    """A plain string from a JSON-LD value: a string, or an object's name, or the first of a list."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return text(value.get("name")) or text(value.get("@value"))
    if isinstance(value, list):
        return next((found for item in value if (found := text(item))), None)
    return None


def names(value: Any) -> list[str]:
    """Every name in a value that may be a string, a Person/Organization or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in names(item)]
    found = text(value) if isinstance(value, (str, dict)) else None
    return [found] if found else []
