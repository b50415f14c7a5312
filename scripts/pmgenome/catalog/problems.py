"""Problems found in the catalog, as values, and the ways to print them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

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


def format_text(problems: list[Problem]) -> str:
    """One line per problem; a file name or a value holding control characters shows them as
    escapes, so it can neither restyle a terminal nor start a line of its own."""
    return "".join(f"{terminal_line(str(problem))}\n" for problem in problems)


def format_json(problems: list[Problem]) -> str:
    """The document scripts/pmgenome/schema/output/validate.schema.json describes."""
    return json_text(json.dumps(
        {"problems": [asdict(problem) for problem in problems], "count": len(problems)},
        indent=2,
        ensure_ascii=False,
    )) + "\n"


def format_github(problems: list[Problem]) -> str:
    """Plain lines for the log, plus `::error` workflow commands that annotate the diff."""
    lines = []
    for problem in problems:
        # The runner reads a line that starts with `::` as a workflow command: a newline inside a
        # file name or a value must not start one, so the plain line escapes every control character.
        lines.append(terminal_line(str(problem)))
        lines.append(
            f"::error file={github_property(terminal(problem.path))},line={problem.line},"
            f"col={problem.col},title={github_property('pmgenome ' + problem.rule)}"
            f"::{github_data(terminal(problem.message))}"
        )
    return "".join(f"{line}\n" for line in lines)


FORMATTERS = {ProblemFormat.TEXT: format_text, ProblemFormat.JSON: format_json, ProblemFormat.GITHUB: format_github}
