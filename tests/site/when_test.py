"""Dates and places as the site says them."""

from __future__ import annotations

import datetime as dt

import pytest
from pmgenome.site.when import country_name, day_span

D = dt.date


@pytest.mark.parametrize(("start", "end", "said"), [
    (D(2026, 6, 9), None, "9 June 2026"),
    (D(2026, 6, 9), D(2026, 6, 9), "9 June 2026"),
    (D(2026, 6, 9), D(2026, 6, 1), "9 June 2026"),  # an end before the start (refused by validate) is not shown
    (D(2026, 6, 9), D(2026, 6, 10), "9–10 June 2026"),
    (D(2026, 6, 30), D(2026, 7, 2), "30 June – 2 July 2026"),
    (D(2026, 12, 30), D(2027, 1, 2), "30 December 2026 – 2 January 2027"),
])
def test_day_spans(start: dt.date, end: dt.date | None, said: str) -> None:
    assert day_span(start, end) == said


@pytest.mark.parametrize(("code", "name"), [("AU", "Australia"), ("GB", "United Kingdom"), ("KR", "South Korea"),
                                            ("NO", "Norway"), ("QQ", "QQ"), ("", "")])
def test_countries_by_name(code: str, name: str) -> None:
    assert country_name(code) == name
