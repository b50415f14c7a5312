"""Politeness: header numbers and dates read safely, back-off and outage delays, host gates."""

from __future__ import annotations

import datetime as dt
import random
import threading

import pytest
from pmgenome.net.chain import backoff_delay, outage_delays
from pmgenome.net.headers import ascii_number, http_date, retry_after_seconds
from pmgenome.net.limits import HostGate, HostLimits

from tests.support.clock import FakeClock
from tests.support.servers import wait_until

NOW = dt.datetime(2026, 11, 26, 7, 0, 0, tzinfo=dt.timezone.utc)


def test_retry_after_parsing() -> None:
    assert retry_after_seconds("120", NOW) == 120.0
    assert retry_after_seconds(" 7 ", NOW) == 7.0
    assert retry_after_seconds("Thu, 26 Nov 2026 07:00:30 GMT", NOW) == 30.0
    assert retry_after_seconds("Thu, 26 Nov 2026 06:00:00 GMT", NOW) == 0.0
    assert retry_after_seconds("soon", NOW) is None
    assert retry_after_seconds("-5", NOW) is None
    assert retry_after_seconds(None, NOW) is None


@pytest.mark.parametrize("value", [
    "\xb2",  # SUPERSCRIPT TWO: str.isdigit() says yes, float() says no
    "\u0663",  # ARABIC-INDIC DIGIT THREE: int() would read it
    "1\u00a0",
    "Thu, 26 Nov 99999999999999999999 07:00:30 GMT",  # OverflowError in the date parser
    "Thu, 26 Nov 9999 07:00:30 GMT\x00",
    "9" * 400,
    "1e9",
    "+5",
    "",
])
def test_hostile_retry_after_values_are_unreadable_not_fatal(value: str) -> None:
    assert retry_after_seconds(value, NOW) is None


def test_a_far_future_date_is_a_long_wait_not_an_error() -> None:
    assert retry_after_seconds("Fri, 31 Dec 9999 23:59:59 GMT", NOW) == pytest.approx(250_000_000_000, rel=0.01)


def test_ascii_numbers_only() -> None:
    assert [ascii_number(v) for v in ("0", " 42\t", "007")] == [0, 42, 7]
    assert [ascii_number(v) for v in ("\xb2", "4\u0662", "-1", "1.5", "", " ", None, "1" * 19)] == [None] * 8
    assert http_date("Thu, 26 Nov 2026 07:00:30 GMT") == NOW + dt.timedelta(seconds=30)
    assert http_date("Thu, 26 Nov 2026 07:00:30 GMT\xb2") is None


def test_backoff_grows_with_jitter_and_a_cap() -> None:
    rng = random.Random(4)
    delays = [backoff_delay(retry, 0.5, 3.0, rng) for retry in (1, 2, 3, 4, 5)]
    for delay, step in zip(delays, (0.5, 1.0, 2.0, 3.0, 3.0), strict=True):
        assert step / 2 <= delay <= step
    assert backoff_delay(10_000, 0.5, 3.0, rng) <= 3.0  # no overflow on a huge retry count


def test_outage_delays_spread_the_attempts_over_the_window() -> None:
    assert outage_delays(3, 10.0) == pytest.approx((4.0, 6.0))
    assert sum(outage_delays(5, 30.0)) == pytest.approx(30.0)
    assert outage_delays(1, 10.0) == ()
    assert outage_delays(3, 0.0) == ()


def test_host_gate_pause_blocks_every_thread_then_the_host_runs_at_full_speed() -> None:
    clock = FakeClock()
    gate = HostGate(HostLimits(3), clock)
    gate.pause(0.3)
    entered = []

    def enter() -> None:
        gate.enter()
        entered.append(clock.monotonic())

    threads = [threading.Thread(target=enter) for _ in range(2)]
    for thread in threads:
        thread.start()
    assert wait_until(lambda: len(entered) == 2, 5)  # not slowed to one at a time after the pause
    for thread in threads:
        thread.join(5)
    assert entered == [1000.3, 1000.3] and gate.in_flight == 2


def test_host_gate_keeps_the_minimum_interval_and_the_in_flight_limit() -> None:
    gate = HostGate(HostLimits(in_flight=2, min_interval=0.5))
    assert gate.wait_for_start(100.0) == 0
    gate.start(100.0)
    assert gate.wait_for_start(100.2) == pytest.approx(0.3)
    gate.start(100.5)
    assert gate.wait_for_start(101.5) is None  # two in flight: wait for one to finish
    gate.finish()
    assert gate.wait_for_start(101.5) == 0
    gate.pause(2.0, now=101.5)
    assert gate.wait_for_start(102.0) == pytest.approx(1.5)
