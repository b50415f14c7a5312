"""What schema.org Course and Event objects tell a catalog of courses and meetups."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pmgenome.enrich import jsonld

COURSE_TYPES = frozenset({"Course"})
MAX_FIELD_CHARS = 200

# courseMode is free text in practice; these are the words seen for each of our formats.
_ONLINE = frozenset({"online", "mooc", "distance", "distance learning", "virtual", "remote", "e-learning",
                     "elearning", "self-paced", "onlineeventattendancemode"})
_IN_PERSON = frozenset({"onsite", "on-site", "in-person", "in person", "inperson", "classroom", "offline",
                        "campus", "on campus", "face-to-face", "offlineeventattendancemode"})
_HYBRID = frozenset({"blended", "hybrid", "mixed", "mixedeventattendancemode"})
_MODE_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?schema\.org/", re.IGNORECASE)


@dataclass(frozen=True)
class Course:
    provider: str | None = None
    price: str | None = None
    mode: str | None = None  # online | in-person | hybrid, as our course format field


@dataclass(frozen=True)
class Event:
    start_date: str | None = None  # ISO 8601 as the page gives it: YYYY-MM-DD, maybe with a time
    location: str | None = None
    organizer: str | None = None
    online: bool | None = None


def _short(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value[:MAX_FIELD_CHARS] or None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _mode(value: Any) -> str | None:
    words = {_MODE_PREFIX.sub("", item).strip().lower() for item in _as_list(value) if isinstance(item, str)}
    online, in_person = bool(words & _ONLINE), bool(words & _IN_PERSON)
    if words & _HYBRID or (online and in_person):
        return "hybrid"
    return "online" if online else "in-person" if in_person else None


def _price(offers: Any) -> str | None:
    for offer in _as_list(offers):
        if not isinstance(offer, dict):
            continue
        price = offer.get("price", offer.get("lowPrice"))
        if isinstance(price, str):
            price = price.strip().replace(",", "")
        if price in (None, ""):
            if str(offer.get("category", "")).lower() == "free":
                return "free"
            continue
        try:
            amount = float(price)
        except (TypeError, ValueError):
            return _short(str(price))
        if amount == 0:
            return "free"
        currency = jsonld.text(offer.get("priceCurrency")) or ""
        shown = f"{amount:.2f}".rstrip("0").rstrip(".")
        return _short(f"{shown} {currency}".strip())
    return None


def course(node: dict[str, Any]) -> Course:
    """Provider, price and mode from a Course object."""
    instances = [item for item in _as_list(node.get("hasCourseInstance")) if isinstance(item, dict)]
    modes = [mode for item in instances
             if (mode := _mode(item.get("courseMode")) or _mode(item.get("eventAttendanceMode")))]
    mode = None
    if modes:
        mode = modes[0] if len(set(modes)) == 1 else "hybrid"
    offers = node.get("offers") or next((item.get("offers") for item in instances if item.get("offers")), None)
    provider = jsonld.text(node.get("provider")) or jsonld.text(node.get("publisher"))
    return Course(_short(provider), _price(offers), mode)


def _start(value: Any) -> tuple[dt.date, str] | None:
    text = jsonld.text(value)
    if not text or not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text[:10]), text.strip()
    except ValueError:
        return None


def _location(value: Any) -> str | None:
    for place in _as_list(value):
        if isinstance(place, str) and place.strip():
            return _short(place)
        if not isinstance(place, dict):
            continue
        if "VirtualLocation" in jsonld.types(place):
            return "Online"
        address = place.get("address")
        parts = [jsonld.text(place.get("name"))]
        if isinstance(address, dict):
            parts += [jsonld.text(address.get("addressLocality")), jsonld.text(address.get("addressCountry"))]
        elif isinstance(address, str):
            parts.append(address)
        shown = ", ".join(dict.fromkeys(part for part in parts if part))
        if shown:
            return _short(shown)
    return None


def _online(node: dict[str, Any]) -> bool | None:
    mode = _mode(node.get("eventAttendanceMode"))
    if mode is not None:
        return mode in ("online", "hybrid")
    locations = [item for item in _as_list(node.get("location")) if isinstance(item, dict)]
    if any("VirtualLocation" in jsonld.types(item) for item in locations):
        return True
    if any("Place" in jsonld.types(item) for item in locations):
        return False
    return None


def event(nodes: list[dict[str, Any]], today: dt.date) -> Event:
    """The page's next event (the soonest starting today or later), else its latest past one."""
    dated = [(start, node) for node in nodes if (start := _start(node.get("startDate")))]
    upcoming = sorted((item for item in dated if item[0][0] >= today), key=lambda item: item[0][0])
    past = sorted((item for item in dated if item[0][0] < today), key=lambda item: item[0][0], reverse=True)
    in_order = upcoming or past
    start, node = in_order[0] if in_order else (None, nodes[0])
    organizer = ", ".join(jsonld.names(node.get("organizer"))) or None
    return Event(start[1][:40] if start else None, _location(node.get("location")), _short(organizer),
                 _online(node))


# Works the catalog has a kind for, by their schema.org types, and by og:type for pages that
# carry no JSON-LD (og:type "video.other", "book").
BOOK_TYPES = frozenset({"Book"})
PODCAST_TYPES = frozenset({"PodcastSeries"})
VIDEO_TYPES = frozenset({"VideoObject"})
_OG_KINDS = {"book": "book", "books.book": "book", "video.other": "video", "video.movie": "video",
             "video.episode": "video"}
_DURATION = re.compile(r"P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?", re.IGNORECASE)
_YEAR = re.compile(r"\s*(\d{4})(?:\D|\Z)")
_ISBN = re.compile(r"(?:97[89][- ]?)?(?:\d[- ]?){9}[\dX]")
MAX_DURATION_HOURS = 1000


@dataclass(frozen=True)
class Work:
    """A book, podcast or video as its page describes it: what a new entry of that kind starts from."""

    kind: str  # book | podcast | video (the catalog's kind names)
    creators: tuple[str, ...] = ()  # a book's authors, a podcast's hosts, a video's speakers
    year: int | None = None
    publisher: str | None = None
    isbn: str | None = None
    published: str | None = None  # YYYY-MM-DD
    minutes: int | None = None  # its running time, as its page states it


def duration_minutes(value: Any) -> int | None:
    """An ISO 8601 duration (PT1H5M30S) in whole minutes (66), or None when it is not one."""
    text = jsonld.text(value)
    found = _DURATION.fullmatch(text.strip()) if text else None
    if not found or not any(found.groups()):
        return None
    days, hours, minutes, seconds = (float(part) if part else 0.0 for part in found.groups())
    total = round(days * 1440 + hours * 60 + minutes + seconds / 60)
    return total if 1 <= total <= MAX_DURATION_HOURS * 60 else None


def _day(value: Any) -> str | None:
    found = _start(value)
    return found[0].isoformat() if found else None


def work(nodes: list[dict[str, Any]], og_type: str | None) -> Work | None:
    """The book, podcast series or video a page is about, if it says so."""
    for types, kind in ((BOOK_TYPES, "book"), (PODCAST_TYPES, "podcast"), (VIDEO_TYPES, "video")):
        found = jsonld.of_type(nodes, types)
        if not found:
            continue
        node = found[0]
        creators = tuple(dict.fromkeys(
            name for name in (_short(item) for item in jsonld.names(node.get("author") or node.get("creator")))
            if name))
        dated = node.get("datePublished") or node.get("uploadDate")
        published = _day(dated)
        year = _YEAR.match(jsonld.text(dated) or "")
        isbn = jsonld.text(node.get("isbn"))
        return Work(kind, creators, int(year.group(1)) if year and 1900 <= int(year.group(1)) <= 2100 else None,
                    _short(jsonld.text(node.get("publisher"))),
                    isbn.strip() if isbn and _ISBN.fullmatch(isbn.strip()) else None,
                    published, duration_minutes(node.get("duration")))
    og_kind = _OG_KINDS.get((og_type or "").strip().lower())
    return Work(og_kind) if og_kind else None
