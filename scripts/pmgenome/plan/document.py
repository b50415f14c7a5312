"""The plan as a Markdown checklist with the reader's T as a table: what `pmgenome path --format
markdown` prints and what the page's "Download as Markdown" gives (site/assets/plan-rule.js writes
the same document; a test holds the two equal)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from pmgenome.catalog.model import Kind
from pmgenome.plan.model import PART_TITLES, Neighbour, Plan, PlanItem, SkillRow, compare_title
from pmgenome.plan.names import lower_first
from pmgenome.plan.schedule import Schedule, schedule_lines
from pmgenome.plan.sentences import GROWN, LISTS, NONE, SENTENCES, T_COLUMNS, T_PARTS, fill

# Every character that could start Markdown markup, escaped with a backslash; and the characters
# of a link's address that would end it early, percent-encoded.
ESCAPED = "\\`*_{}[]()<>#+-.!|~"
URL_ESCAPES: Mapping[str, str] = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E"}
_SPECIAL = re.compile(f"([{re.escape(ESCAPED)}])")
_WEB = re.compile(r"^https?://\S+\Z", re.IGNORECASE)
KIND_LABELS: Mapping[str, str] = {kind.value: kind.singular for kind in Kind}


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written: every character that could start markup is escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def link(item: PlanItem) -> str:
    return markdown_link(item.title, item.url)


def markdown_link(text: str, url: str) -> str:
    """`text` linked to `url` in Markdown, or plain `text` when the URL is not a web address."""
    title = markdown_text(text)
    if not _WEB.match(url):
        return title
    target = "".join(URL_ESCAPES.get(character, character) for character in url)
    return f"[{title}]({target})"


def _items(items: tuple[PlanItem, ...], done: Collection[str]) -> list[str]:
    if not items:
        return [fill("empty_part")]
    lines: list[str] = []
    for item in items:
        lines.append(f"- [{'x' if item.id in done else ' '}] {link(item)} ({KIND_LABELS.get(item.kind, item.kind)}): "
                     f"{markdown_text(item.reason)}")
        lines += [f"    - {markdown_text(outcome)}" for outcome in item.outcomes]
    return lines


def _level(value: int | None) -> str:
    return NONE if value is None else str(value)


def _row(row: SkillRow) -> str:
    expected = str(row.expected) if row.expected else NONE
    grown = GROWN if row.grown_by else NONE
    return f"| {markdown_text(row.name)} | {T_PARTS[row.scope]} | {_level(row.rating)} | {expected} | {grown} |"


def markdown_data() -> dict[str, Any]:
    """What the page's script needs to write the same document: the escape sets."""
    return {"escaped": ESCAPED, "url_escapes": dict(URL_ESCAPES)}


def towards(neighbour: Neighbour) -> str:
    """The sentence that leads a neighbour's part: what to grow to move towards it."""
    if not neighbour.grow:
        return fill("towards_none", shape=neighbour.name, distance=neighbour.distance)
    skills = LISTS["plus"].join(lower_first(name) for _, name in neighbour.grow)
    return fill("towards", shape=neighbour.name, distance=neighbour.distance, skills=skills)


def _shape(plan: Plan, done: Collection[str]) -> list[str]:
    shape = plan.shape
    if shape is None:
        return []
    lines = ["", f"## {SENTENCES['shape_title']}", "",
             markdown_text(fill("shape", shape=shape.name, distance=shape.distance, model=shape.model,
                                author=shape.author))]
    for neighbour in plan.neighbours:
        lines += ["", markdown_text(towards(neighbour))]
        if neighbour.items:
            lines += [""] + _items(neighbour.items, done)
    return lines


def plan_markdown(plan: Plan, who: str, done: Collection[str] = ()) -> str:
    """The plan as Markdown: who it is for, the T as a table, each part as a checklist, the notes."""
    lines = [f"# {SENTENCES['document_title']}", "", markdown_text(who), "", f"## {SENTENCES['t_title']}", "",
             f"| {' | '.join(T_COLUMNS)} |", "|" + "---|" * len(T_COLUMNS)]
    lines += [_row(row) for row in plan.profile]
    lines += _shape(plan, done)
    for name, items in plan.parts:
        lines += ["", f"## {PART_TITLES[name]}", ""] + _items(items, done)
    comparison = plan.comparison
    if comparison is not None:
        lines += ["", f"## {markdown_text(compare_title(comparison.name))}", ""]
        carries = ", ".join(markdown_text(row.name) for row in comparison.carries) or SENTENCES["carries_none"]
        new = ", ".join(markdown_text(row.name) for row in comparison.new) or SENTENCES["new_none"]
        lines += [fill("carries", carries=carries, new=new), ""] + _items(comparison.items, done)
        lines += [f"- {markdown_text(note)}" for note in comparison.notes]
    if plan.notes:
        lines += ["", f"## {SENTENCES['notes_title']}", ""] + [f"- {markdown_text(note)}" for note in plan.notes]
    return "\n".join(lines) + "\n"


def schedule_markdown(schedule: Schedule) -> str:
    """The schedule as Markdown, to follow the plan's document: a section, a heading a week."""
    intro, weeks, after = schedule_lines(schedule)
    lines = ["", f"## {SENTENCES['weeks_title']}", "", markdown_text(intro) + "."]
    for heading, sessions in weeks:
        lines += ["", f"### {markdown_text(heading)}", ""] + [f"- {markdown_text(text)}" for text in sessions]
    lines += [""] + [markdown_text(text) for text in after] if after else []
    return "\n".join(lines) + "\n"
