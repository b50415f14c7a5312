"""Link check results: the report, and its text, JSON and GitHub-annotation formats (Markdown, the
report for a person, is links.markdown)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from pmgenome.catalog.problems import Problem
from pmgenome.links.record import to_record
from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.text.escape import github_data, github_property, terminal


class ReportFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    GITHUB = "github"


# Worst first: the order of the report's sections and lines.
ORDER = (Verdict.BROKEN, Verdict.SOFT_404, Verdict.TIMEOUT, Verdict.BLOCKED, Verdict.REDIRECTED, Verdict.EXCLUDED,
         Verdict.OK)
PENDING_NOTE = "first failure: reported as broken if the next run fails too"


@dataclass(frozen=True)
class UrlSite:
    """Where an entry's URL is written."""

    path: str
    line: int
    col: int


@dataclass(frozen=True)
class Report:
    results: tuple[LinkResult, ...]
    expired: tuple[Problem, ...] = ()
    places: Mapping[str, UrlSite] = field(default_factory=dict)  # entry id -> where its url is written
    archive_asked: bool = True  # False under --no-wayback: no dead link's lack of a copy means anything

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.results if r.verdict is verdict)

    @property
    def failing(self) -> int:
        return sum(1 for r in self.results if r.failing)

    @property
    def pending(self) -> int:
        return sum(1 for r in self.results if r.dead and not r.confirmed)

    def ordered(self) -> list[LinkResult]:
        return sorted(self.results, key=lambda r: (ORDER.index(r.verdict), not r.confirmed, r.url))


def summary(report: Report) -> str:
    total = len(report.results)
    parts = [f"{sum(1 for r in report.results if r.verdict is v and r.confirmed)} {v.value}" for v in ORDER]
    if report.pending:
        parts.insert(2, f"{report.pending} failing for the first time")
    return f"{total} URL{'s' if total != 1 else ''}: {', '.join(parts)}"


def detail(result: LinkResult) -> str:
    """Why a result is what it is, in one line."""
    if result.verdict is Verdict.REDIRECTED:
        first = result.redirects[0].status if result.redirects else None
        return f"moved permanently ({first}) to {result.suggestion}: update the URL"
    if result.verdict is Verdict.EXCLUDED:
        return f"excluded: {result.excluded_by}"
    if result.verdict is Verdict.OK:
        return f"HTTP {result.status}" + (" (cached)" if result.cached else "")
    text = result.error or (f"HTTP {result.status}" if result.status else "failed")
    if result.dead and not result.confirmed:
        text += f" ({PENDING_NOTE})"
    return text


def _label(result: LinkResult) -> str:
    if result.dead and not result.confirmed:
        return "failing"
    return result.verdict.value


def _extra_lines(result: LinkResult) -> list[str]:
    lines = []
    if result.archived:
        lines.append(f"archived copy: {result.archived}")
    return lines


def shown(text: str) -> str:
    """One line of a terminal report: control characters, line breaks included, shown as escapes,
    so a redirect target or a page cannot restyle the terminal or fake a line of the report."""
    return terminal(text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", " "))


def format_text(report: Report) -> str:
    """One line per link that needs a look (ok ones are only counted), then the summary."""
    lines = []
    for result in report.ordered():
        if result.verdict is Verdict.OK:
            continue
        entries = f"  [{', '.join(result.entries)}]" if result.entries else ""
        lines.append(shown(f"{_label(result):<10}  {result.url}  {detail(result)}{entries}"))
        lines += [f"{'':<10}  {shown(extra)}" for extra in _extra_lines(result)]
    lines += [shown(str(problem)) for problem in report.expired]
    lines.append(summary(report))
    return "".join(f"{line}\n" for line in lines)


def to_json(result: LinkResult) -> dict[str, object]:
    """One result of the JSON report: the URL, its record (links.record, as the link files hold
    it), and what only this run knows."""
    return {"url": result.url, **to_record(result), "attempts": result.attempts, "requests": result.requests,
            "cached": result.cached}


def format_json(report: Report) -> str:
    """The report for other tools; its JSON Schema is schema/output/links.schema.json."""
    counts = {v.value: report.count(v) for v in ORDER}
    payload = {
        "summary": {"urls": len(report.results), **counts, "failing": report.failing, "pending": report.pending},
        "results": [to_json(r) for r in report.results],
        "expired_exclusions": [
            {"path": p.path, "line": p.line, "col": p.col, "message": p.message} for p in report.expired
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def format_github(report: Report) -> str:
    """The text report for the log, plus workflow commands that annotate each entry's url line:
    errors for links that fail the run, warnings for what a person should look at."""
    lines = format_text(report).splitlines()
    for result in report.ordered():
        if result.verdict in (Verdict.OK, Verdict.EXCLUDED):
            continue
        level = "error" if result.failing else "warning"
        title = github_property(f"{_label(result)} link")
        message = github_data(terminal(f"{result.url}: {detail(result)}"))
        places = [report.places[e] for e in result.entries if e in report.places]
        if not places:
            lines.append(f"::{level} title={title}::{message}")
        for place in places:
            lines.append(f"::{level} file={github_property(place.path)},line={place.line},col={place.col},"
                         f"title={title}::{message}")
    for problem in report.expired:
        lines.append(f"::warning file={github_property(problem.path)},line={problem.line},col={problem.col},"
                     f"title=expired rule::{github_data(terminal(problem.message))}")
    return "".join(f"{line}\n" for line in lines)
