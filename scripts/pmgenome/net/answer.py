"""What one request brought back, and the hops that led to it: the data every layer above
net/ reads (the client's Response, the link checker's verdicts, the link cache)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from requests.structures import CaseInsensitiveDict


class ErrorKind(StrEnum):
    """What kind of network failure ended a request (Response.error_kind)."""

    DNS = "dns"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    RESET = "reset"
    TLS = "tls"
    PRIVATE_ADDRESS = "private-address"
    REDIRECT_LOOP = "redirect-loop"
    TOO_MANY_REDIRECTS = "too-many-redirects"
    INVALID_URL = "invalid-url"
    CONNECTION = "connection"


@dataclass(frozen=True)
class Redirect:
    url: str
    status: int
    location: str

    def to_json(self) -> dict[str, object]:
        """The hop as the link cache and the JSON report write it."""
        return {"url": self.url, "status": self.status, "location": self.location}


NO_HEADERS: Mapping[str, str] = MappingProxyType(CaseInsensitiveDict())


@dataclass(frozen=True)
class Answer:
    """The answer to one request, before any redirect is followed or any retry made."""

    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=lambda: NO_HEADERS)
    body: bytes = b""
    truncated: bool = False
    body_skipped: bool = False
    error: str | None = None
    error_kind: ErrorKind | None = None
