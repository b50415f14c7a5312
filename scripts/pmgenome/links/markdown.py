"""The link report for a person: the issue the weekly check keeps up to date.

Each row names the entry's file (a link to the line, when the repository's address is known),
what was found, and what to do about it. Everything a server or a contributor wrote (a redirect
target, an error, a reason) is shown as code or escaped text, so it can add no link, image,
mention or HTML to the issue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol

from pmgenome.links.report import Report, UrlSite, summary
from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.text.escape import github_markdown_text, markdown_code, markdown_link

HEADINGS = ("Entry", "URL", "What we found", "What to do")


def _found(result: LinkResult) -> str:
    if result.verdict is Verdict.REDIRECTED:
        first = result.redirects[0].status if result.redirects else "?"
        return f"moved permanently ({first}) to {markdown_code(result.suggestion or '')}"
    if result.verdict is Verdict.EXCLUDED:
        return f"excluded: {github_markdown_text(result.excluded_by or '')}"
    return markdown_code(result.error or f"HTTP {result.status}") or "failed"


def _todo(result: LinkResult, archive_asked: bool) -> str:
    archived = f"the {markdown_link('archived copy', result.archived)}" if result.archived else None
    match result.verdict:
        case Verdict.REDIRECTED:
            return f"Update the URL to {markdown_code(result.suggestion or '')}."
        case Verdict.BROKEN | Verdict.SOFT_404 if not result.confirmed:
            return "Nothing yet: if the next run finds it dead too, it is reported as dead."
        case Verdict.BROKEN | Verdict.SOFT_404:
            if archived:
                return f"Replace the URL with {archived}, or find where the resource moved, or remove the entry."
            if archive_asked:
                return "Find where the resource moved, or remove the entry (no archived copy was found)."
            return "Find where the resource moved, or remove the entry."
        case Verdict.TIMEOUT:
            return ("Check by hand. If it opens in a browser but slowly, exclude it with a reason in "
                    "`catalog/exclusions.yaml`.")
        case Verdict.BLOCKED:
            return ("The page likely exists behind a wall: check by hand in a browser. If it works, accept the "
                    "answer with a host rule in `catalog/hosts.yaml` (`accept: [...]`) or exclude it with a reason.")
        case Verdict.EXCLUDED:
            return "Check by hand now and then; the exclusion's expiry date brings it back."
    return "Nothing."


SECTIONS: tuple[tuple[str, Callable[[LinkResult], bool]], ...] = (
    ("Dead links", lambda r: r.dead and r.confirmed),
    ("Failing for the first time", lambda r: r.dead and not r.confirmed),
    ("Timed out", lambda r: r.verdict is Verdict.TIMEOUT),
    ("Blocked", lambda r: r.verdict is Verdict.BLOCKED),
    ("Redirected", lambda r: r.verdict is Verdict.REDIRECTED),
    ("Excluded", lambda r: r.verdict is Verdict.EXCLUDED),
)


def _site(site: UrlSite, source_url: str | None) -> str:
    label = f"{site.path}:{site.line}"
    if source_url is None:
        return markdown_code(label)
    return markdown_link(label, f"{source_url.rstrip('/')}/{site.path}#L{site.line}")


def _entries(result: LinkResult, report: Report, source_url: str | None) -> str:
    cells = [_site(report.places[e], source_url) if e in report.places else markdown_code(e)
             for e in result.entries]
    return "<br>".join(cells) or "-"


def _row(result: LinkResult, report: Report, source_url: str | None) -> str:
    cells = (_entries(result, report, source_url), markdown_link(result.url, result.url), _found(result),
             _todo(result, report.archive_asked))
    return "| " + " | ".join(cells) + " |"


class Silent(Protocol):
    """A podcast or newsletter whose feed has gone quiet (enrich/silence.py finds them)."""

    @property
    def path(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def latest(self) -> dt.date: ...


def _silent_section(silent: Sequence[Silent], months: int, source_url: str | None) -> list[str]:
    out = [f"### Silent for more than {months} months: candidates for retirement ({len(silent)})", "",
           "Their feed has published nothing since the date shown. Check the show or newsletter: if it has "
           "stopped, set its `cadence` to `ended` (its archive stays listed) or remove the entry.", "",
           "| Entry | Title | Last published |", "|---|---|---|"]
    out += [f"| {_site(UrlSite(item.path, item.line, 1), source_url)} | {github_markdown_text(item.title)} | "
            f"{item.latest.isoformat()} |" for item in silent]
    return out + [""]


def format_markdown(report: Report, source_url: str | None = None, silent: Sequence[Silent] = (),
                    silent_months: int = 0) -> str:
    """The report as Markdown; `source_url` (like https://github.com/OWNER/REPO/blob/SHA) makes
    each entry a link to the line where its URL is written. `silent` lists the podcasts and
    newsletters quiet for more than `silent_months`, as candidates for retirement."""
    out = ["## Link check report", ""]
    attention = [r for r in report.results if r.verdict not in (Verdict.OK, Verdict.EXCLUDED)]
    if not attention:
        out += [f"All {len(report.results)} links are fine ({summary(report)}).", ""]
    else:
        out += [f"{summary(report)}.", ""]
    for title, belongs in SECTIONS:
        rows = [r for r in report.ordered() if belongs(r)]
        if not rows:
            continue
        out += [f"### {title} ({len(rows)})", "", "| " + " | ".join(HEADINGS) + " |", "|" + "---|" * len(HEADINGS)]
        out += [_row(r, report, source_url) for r in rows]
        out.append("")
    if report.expired:
        out += ["### Expired exclusions and host rules", ""]
        out += [f"- {markdown_code(f'{p.path}:{p.line}:{p.col}', in_table=False)}: {github_markdown_text(p.message)}"
                for p in report.expired]
        out.append("")
    if silent:
        out += _silent_section(silent, silent_months, source_url)
    return "\n".join(out)
