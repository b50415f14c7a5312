"""One URL's check as a series of single requests: net/chain.py decides each redirect and retry,
the scheduler waits them out, so a waiting URL holds no thread and no slot. The probe adds what
the link checker wants of the end: the page read for soft-404 and challenge signs, and the time
from the first try to the last answer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pmgenome.links.page import PageSummary, summarize
from pmgenome.links.verdict import Fetched
from pmgenome.net.answer import Answer
from pmgenome.net.chain import Chain, End, RetryPolicy, Wait

__all__ = ["Probe", "RetryPolicy", "Wait", "host_of"]


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class Probe:
    """The state of one URL's check. Not thread-safe: the scheduler runs one step at a time."""

    def __init__(self, url: str, chain: Chain) -> None:
        self.url = url
        self.chain = chain
        self.started: float | None = None

    @property
    def current(self) -> str:
        """What the next request asks for."""
        return self.chain.current

    @property
    def host(self) -> str:
        return host_of(self.chain.current)

    @property
    def tries(self) -> int:
        return self.chain.tries

    @property
    def sent(self) -> int:
        return self.chain.sent

    def answered(self, answer: Answer, sent_at: float, now: float) -> Wait | Fetched:
        """Take the answer to the current request: what to do next, or what was found."""
        if self.started is None:
            self.started = sent_at
        step = self.chain.answered(answer)
        if isinstance(step, Wait):
            return step
        return self._fetched(step, now)

    def _fetched(self, end: End, now: float) -> Fetched:
        answer = end.answer
        page = summarize(answer.body, answer.headers.get("Content-Type", "")) if answer.body else PageSummary()
        seconds = 0.0 if self.started is None else max(0.0, now - self.started)
        return Fetched(self.url, end.final_url, answer, end.redirects, end.tries, seconds, page)
