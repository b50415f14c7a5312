"""The plan as a Markdown checklist with the reader's T as a table: what `pmgenome path --format
markdown` prints and what the page's "Download as Markdown" gives (site/assets/plan-rule.js writes
the same document; a test holds the two equal)."""

from __future__ import annotations

import re
from collections.abc import Collection

from pmgenome.plan.model import PART_TITLES, Plan, PlanItem, SkillRow, compare_title

KIND_LABELS = {"article": "Article", "book": "Book", "course": "Course", "podcast": "Podcast",
               "newsletter": "Newsletter", "video": "Video", "meetup": "Meetup"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")
_WEB = re.compile(r"^https?://\S+\Z", re.IGNORECASE)
EMPTY = "Nothing in the catalog fits yet."


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written: every character that could start markup is escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def link(item: PlanItem) -> str:
    title = markdown_text(item.title)
    if not _WEB.match(item.url):
        return title
    target = item.url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{title}]({target})"


def _items(items: tuple[PlanItem, ...], done: Collection[str]) -> list[str]:
    if not items:
        return [EMPTY]
    return [f"- [{'x' if item.id in done else ' '}] {link(item)} ({KIND_LABELS.get(item.kind, item.kind)}): "
            f"{markdown_text(item.reason)}" for item in items]


def _level(value: int | None) -> str:
    return "–" if value is None else str(value)


def _row(row: SkillRow) -> str:
    part = "bar" if row.scope == "general" else "stem"
    expected = str(row.expected) if row.expected else "–"
    grown = "yes" if row.grown_by else "–"
    return f"| {markdown_text(row.name)} | {part} | {_level(row.rating)} | {expected} | {grown} |"


def plan_markdown(plan: Plan, who: str, done: Collection[str] = ()) -> str:
    """The plan as Markdown: who it is for, the T as a table, each part as a checklist, the notes."""
    lines = ["# Your plan for this month", "", markdown_text(who), "", "## Your T", "",
             "| Skill | Part of the T | Your rating (0-3) | Expected | Grown by the plan |",
             "|---|---|---|---|---|"]
    lines += [_row(row) for row in plan.profile]
    for name, items in plan.parts:
        lines += ["", f"## {PART_TITLES[name]}", ""] + _items(items, done)
    comparison = plan.comparison
    if comparison is not None:
        lines += ["", f"## {markdown_text(compare_title(comparison.name))}", ""]
        carries = ", ".join(markdown_text(row.name) for row in comparison.carries) or "none of your flavour skills"
        new = ", ".join(markdown_text(row.name) for row in comparison.new) or "nothing"
        lines += [f"Carries over: {carries}. New to you: {new}.", ""] + _items(comparison.items, done)
        lines += [f"- {markdown_text(note)}" for note in comparison.notes]
    if plan.notes:
        lines += ["", "## Notes", ""] + [f"- {markdown_text(note)}" for note in plan.notes]
    return "\n".join(lines) + "\n"
