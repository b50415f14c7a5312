"""A scripted transport for pmgenome.net.client.Client: each URL answers from its list in turn
(the last repeats), and every request is recorded, so tests assert order and counts."""

from __future__ import annotations

import threading
from collections.abc import Mapping

from pmgenome.net.answer import Answer, ErrorKind
from requests.structures import CaseInsensitiveDict

from tests.support.clock import FakeClock

NOT_FOUND = Answer(404, CaseInsensitiveDict({"Content-Type": "text/plain"}))


def answer(status: int = 200, body: bytes | str = b"", **headers: str) -> Answer:
    """An answer with these headers (underscores in names become dashes)."""
    named = CaseInsensitiveDict({name.replace("_", "-"): value for name, value in headers.items()})
    return Answer(status, named, body.encode() if isinstance(body, str) else body)


def page(text: str = "<!doctype html><title>ok</title><p>ok</p>", status: int = 200, **headers: str) -> Answer:
    return answer(status, text, Content_Type="text/html; charset=utf-8", **headers)


def moved(location: str, status: int = 301) -> Answer:
    return answer(status, Location=location)


def failure(kind: ErrorKind, message: str = "") -> Answer:
    return Answer(error=message or kind.value, error_kind=kind)


class Script:
    """Answers by URL (`routes` maps a URL without fragment to the answers it gives in turn)."""

    def __init__(self, routes: Mapping[str, list[Answer]], default: Answer = NOT_FOUND,
                 clock: FakeClock | None = None) -> None:
        self.routes = {url: list(answers) for url, answers in routes.items()}
        self.default = default
        self.clock = clock
        self.sent: list[tuple[str, str]] = []  # (method, url) of every request, in order
        self.times: list[float] = []  # when each was sent, on `clock` (virtual seconds)
        self._hits: dict[str, int] = {}
        self._lock = threading.Lock()

    def __call__(self, method: str, url: str, headers: Mapping[str, str] | None, max_bytes: int,
                 body_types: tuple[str, ...] | None) -> Answer:
        with self._lock:
            self.sent.append((method, url))
            self.times.append(self.clock.monotonic() if self.clock else 0.0)
            hit = self._hits[url] = self._hits.get(url, 0) + 1
            answers = self.routes.get(url)
        if not answers:
            return self.default
        return answers[min(hit, len(answers)) - 1]

    def urls(self) -> list[str]:
        with self._lock:
            return [url for _, url in self.sent]

    def count(self, url: str) -> int:
        with self._lock:
            return sum(1 for _, sent in self.sent if sent == url)
