"""A podcast's or newsletter's feed: when it last published, read from its newest item, and how
long a typical episode runs (the median of the items' itunes:duration).

The entry's YAML says where the feed is (`feed`); enrichment fetches it through the shared client
and keeps only the newest item's date in the store (never in the YAML). RSS 2.0 (`pubDate`),
RSS 1.0 (`dc:date`), Atom (`published`, `updated`) and JSON Feed (`date_published`,
`date_modified`) are read. Feeds come from strangers: the XML parser resolves no entity and
reaches no network, the body is capped, and a date in the future is not believed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

from pmgenome.net.client import Client, media_type
from pmgenome.net.status import status_text
from pmgenome.stores.timestamps import format_utc, parse_utc

# What feeds are served as; "" is a response without Content-Type (the bytes decide).
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/feed+json", "application/json", "text/plain", "")
MAX_FEED_BYTES = 8_000_000  # long-running podcasts list every episode with its notes; past this, the start is read
# A publisher's clock may run a little ahead; a date further ahead than this is a mistake.
FUTURE_SLACK = dt.timedelta(days=2)
_DATE_TAGS = frozenset({"pubDate", "published", "updated", "date", "issued", "modified"})
_ITEM_TAGS = frozenset({"item", "entry"})
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
# A typical episode is the median of the newest ones: old formats and specials fade out.
EPISODES_FOR_LENGTH = 20
MAX_EPISODE_MINUTES = 600
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
# For a feed cut at the byte cap: what was read whole still counts, and feeds list newest first.
_PARTIAL_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


@dataclass(frozen=True)
class FeedCheck:
    """What the last look at an entry's feed found. `url` is the feed's address at the time: a
    check of another address than the entry's current `feed` is out of date."""

    url: str
    fetched_at: dt.datetime | None = None  # when the feed was last read; None when never
    latest: dt.date | None = None  # the newest item's day (UTC), None when no item has a date
    error: str | None = None  # why the last look failed; `latest` is then the one before
    episode_minutes: int | None = None  # a typical episode's length, from the items' itunes:duration

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"url": self.url, "fetched_at": format_utc(self.fetched_at) if self.fetched_at else None,
                "latest": self.latest.isoformat() if self.latest else None, "error": self.error}
        if self.episode_minutes is not None:  # added later: checks without it read and write as before
            data["episode_minutes"] = self.episode_minutes
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FeedCheck | None:
        """A check as the store holds it; None without a usable `url`, other bad fields read as absent."""
        url, latest, error = data.get("url"), data.get("latest"), data.get("error")
        if not isinstance(url, str) or not url or len(url) > 2000:
            return None
        fetched = data.get("fetched_at")
        return cls(url=url, fetched_at=parse_utc(fetched) if isinstance(fetched, str) else None,
                   latest=_stored_day(latest), error=error if isinstance(error, str) and len(error) <= 1000 else None,
                   episode_minutes=_stored_minutes(data.get("episode_minutes")))


def _stored_minutes(value: Any) -> int | None:
    usable = isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_EPISODE_MINUTES
    return value if usable else None


def episode_minutes(value: str) -> int | None:
    """An itunes:duration (seconds, MM:SS or HH:MM:SS) in whole minutes, or None when it is not one."""
    parts = value.strip().split(":")
    if not 1 <= len(parts) <= 3 or not all(part.isascii() and part.isdigit() for part in parts):
        return None
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    minutes = (seconds + 30) // 60  # half a minute rounds up, as a player shows it
    return minutes if 0 < minutes <= MAX_EPISODE_MINUTES else None


def typical_episode(body: bytes, partial: bool = False) -> int | None:
    """The median length, in minutes, of the newest EPISODES_FOR_LENGTH items that state one; None
    when none does (or the body is not an XML feed: JSON Feed has no such field)."""
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None
    try:
        root = etree.fromstring(body.lstrip(b"\xef\xbb\xbf \t\r\n"), _PARTIAL_PARSER if partial else _PARSER)
    except (etree.XMLSyntaxError, ValueError, RecursionError):
        return None
    if root is None:
        return None
    stated = (element.text for element in root.iter(f"{{{ITUNES}}}duration")
              if element.text and isinstance(parent := element.getparent(), etree._Element)
              and etree.QName(parent).localname in _ITEM_TAGS)  # the channel's own tag is no episode
    lengths = [found for text in stated if (found := episode_minutes(text)) is not None][:EPISODES_FOR_LENGTH]
    return sorted(lengths)[len(lengths) // 2] if lengths else None


def _stored_day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _moment(text: str) -> dt.datetime | None:
    """An RFC 822 (RSS) or RFC 3339 / ISO 8601 (Atom, JSON Feed, dc:date) date, in UTC."""
    text = text.strip()
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def _xml_dates(body: bytes, partial: bool = False) -> Iterator[str]:
    root = etree.fromstring(body, _PARTIAL_PARSER if partial else _PARSER)
    if root is None:
        # lxml-stubs give the parse errors LxmlError's (message, error_log); lxml takes (message, code, line, column).
        raise etree.XMLSyntaxError("nothing could be read", 0, 0, 0)  # type: ignore[call-arg, arg-type]
    for item in root.iter(etree.Element):
        if etree.QName(item).localname not in _ITEM_TAGS:
            continue
        for child in item:
            if isinstance(child.tag, str) and etree.QName(child).localname in _DATE_TAGS and child.text:
                yield child.text


def _json_dates(body: bytes) -> Iterator[str]:
    document = json.loads(body)
    items = document.get("items") if isinstance(document, dict) else None
    for item in items if isinstance(items, list) else ():
        for key in ("date_published", "date_modified"):
            if isinstance(item, dict) and isinstance(item.get(key), str):
                yield item[key]


def latest_item(body: bytes, now: dt.datetime, partial: bool = False) -> dt.date | None:
    """The day of the newest item of a feed's body, or None when no item carries a date we can
    read (dates more than FUTURE_SLACK ahead of `now` are ignored). `partial`: the body was cut
    short, so the items read whole are used. Raises ValueError when the body is neither XML nor JSON."""
    stripped = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    try:
        dates = list(_json_dates(stripped) if stripped.startswith(b"{") else _xml_dates(stripped, partial))
    except (etree.XMLSyntaxError, json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise ValueError(f"not a feed ({type(error).__name__})") from None
    moments = [moment for moment in map(_moment, dates) if moment is not None and moment <= now + FUTURE_SLACK]
    return max(moments).date() if moments else None


def read_feed(client: Client, url: str, now: dt.datetime, before: FeedCheck | None = None) -> tuple[FeedCheck, int]:
    """Look at the feed at `url` now: the new check (keeping `before`'s date when this look fails)
    and the requests it took. Never raises for a network or feed problem."""
    response = client.request("GET", url, max_bytes=MAX_FEED_BYTES, body_types=FEED_TYPES)
    kept = before.latest if before is not None and before.url == url else None

    def failed(reason: str) -> tuple[FeedCheck, int]:
        return FeedCheck(url, before.fetched_at if before and before.url == url else None, kept, reason), \
            response.requests

    if response.error is not None:
        return failed(response.error)
    if response.status is None or not 200 <= response.status < 300:
        return failed(status_text(response.status))
    if response.body_skipped:
        return failed(f"not a feed: served as {media_type(response.headers) or 'an unknown type'}")
    try:
        latest = latest_item(response.body, now, partial=response.truncated)
    except ValueError as error:
        return failed(str(error))
    return FeedCheck(url, now, latest, episode_minutes=typical_episode(response.body, response.truncated)), \
        response.requests
