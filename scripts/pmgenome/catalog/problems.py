"""Problems found in the catalog, as values, and the ways to print them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from pmgenome.text.escape import (
    github_data,
    github_property,
    json_text,
    terminal,
    terminal_line,
)


class ProblemFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, located at the key or value that needs fixing (line and col are 1-based)."""

    path: str
    line: int
    col: int
    message: str
    rule: str = "invalid"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems))


def warning_text(warning: Problem) -> str:
    """A warning as one line: located like a problem, and saying it is only a warning."""
    return f"{warning.path}:{warning.line}:{warning.col}: warning: {warning.message}"


def format_text(problems: list[Problem], warnings: Sequence[Problem] = ()) -> str:
    """One line per problem, then one per warning; a file name or a value holding control
    characters shows them as escapes, so it can neither restyle a terminal nor start a line of its own."""
    lines = [str(problem) for problem in problems] + [warning_text(warning) for warning in warnings]
    return "".join(f"{terminal_line(line)}\n" for line in lines)


def format_json(problems: list[Problem], warnings: Sequence[Problem] = ()) -> str:
    """The document scripts/pmgenome/schema/output/validate.schema.json describes."""
    document: dict[str, Any] = {"problems": [asdict(problem) for problem in problems], "count": len(problems)}
    if warnings:
        document["warnings"] = [asdict(warning) for warning in warnings]
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def format_github(problems: list[Problem], warnings: Sequence[Problem] = ()) -> str:
    """Plain lines for the log, plus `::error` (and `::warning`) workflow commands that annotate the diff."""
    lines = []
    for level, items in (("error", problems), ("warning", warnings)):
        for problem in items:
            lines.append(terminal_line(str(problem) if level == "error" else warning_text(problem)))
            lines.append(
                f"::{level} file={github_property(terminal(problem.path))},line={problem.line},"
                f"col={problem.col},title={github_property('pmgenome ' + problem.rule)}"
                f"::{github_data(terminal(problem.message))}"
            )
    return "".join(f"{line}\n" for line in lines)


FORMATTERS = {ProblemFormat.TEXT: format_text, ProblemFormat.JSON: format_json, ProblemFormat.GITHUB: format_github}
