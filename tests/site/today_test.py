"""The build's today: SOURCE_DATE_EPOCH when set, else today in UTC."""

from __future__ import annotations

import datetime as dt

import pytest
from pmgenome.site.today import BuildDateError, build_date


@pytest.mark.parametrize(("epoch", "day"), [
    ("0", dt.date(1970, 1, 1)),
    ("1798761599", dt.date(2026, 12, 31)),  # the last second of a day is still that day in UTC
    ("1798761600", dt.date(2027, 1, 1)),
    (" 1798761600\n", dt.date(2027, 1, 1)),
])
def test_the_epoch_names_the_day_in_utc(epoch: str, day: dt.date) -> None:
    assert build_date({"SOURCE_DATE_EPOCH": epoch}) == day


def test_without_an_epoch_it_is_today_in_utc() -> None:
    before = dt.datetime.now(dt.timezone.utc).date()
    today = build_date({"SOURCE_DATE_EPOCH": ""})
    after = dt.datetime.now(dt.timezone.utc).date()
    assert before <= today <= after


@pytest.mark.parametrize("epoch", ["yesterday", "1.5", "99999999999999999999"])
def test_an_epoch_that_names_no_moment_is_refused(epoch: str) -> None:
    with pytest.raises(BuildDateError) as raised:
        build_date({"SOURCE_DATE_EPOCH": epoch})
    assert str(raised.value) == (f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, "
                                 f"not {epoch!r}")
