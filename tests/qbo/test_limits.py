"""RateLimiter: sliding windows with an injected clock, the in-flight cap with real threads."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from qbo.client import QboClient
from qbo.limits import RateLimiter, limiter_for
from tests.fakes.qbo_api import FakeQbo, FakeTokens, fake_qbo_fixture  # noqa: F401


class FakeClock:
    """clock() and sleep() for the limiter: sleeping moves time, nobody waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def limiter(clock: FakeClock, **limits: int) -> RateLimiter:
    return RateLimiter(clock=clock, sleep=clock.sleep, **limits)


def test_eleventh_request_in_a_second_waits() -> None:
    clock = FakeClock()
    lim = limiter(clock)
    for _ in range(10):
        with lim.acquire():
            pass
    assert clock.sleeps == []
    clock.now += 0.25
    with lim.acquire():
        pass
    # until the first start leaves the window (with the 0.1 s safety margin)
    assert clock.sleeps == [pytest.approx(0.85)]


def test_forty_first_batch_in_a_minute_waits() -> None:
    clock = FakeClock()
    lim = limiter(clock)
    for _ in range(40):
        with lim.acquire(batch=True):
            pass
        clock.now += 1.0  # one a second: only the batch window matters
    assert clock.sleeps == []
    with lim.acquire():  # a plain request is not held back by the batch limit
        pass
    assert clock.sleeps == []
    with lim.acquire(batch=True):
        pass
    # first batch at t0, now t0+40, free at t0+61 (60 s and a 1 s safety margin)
    assert clock.sleeps == [pytest.approx(21.0)]


def test_per_minute_limit() -> None:
    clock = FakeClock()
    lim = limiter(clock, per_minute=500, per_second=1000)
    for _ in range(500):
        with lim.acquire():
            pass
    clock.now += 30
    with lim.acquire():
        pass
    assert clock.sleeps == [pytest.approx(31.0)]
    assert lim.waited == pytest.approx(31.0)


def test_in_flight_cap_with_threads() -> None:
    lim = RateLimiter(per_second=1000, per_minute=10_000, in_flight=10)
    go = threading.Event()
    lock = threading.Lock()
    inside = peak = done = 0

    def work() -> None:
        nonlocal inside, peak, done
        with lim.acquire():
            with lock:
                inside += 1
                peak = max(peak, inside)
            go.wait(5)
            with lock:
                inside -= 1
                done += 1

    threads = [threading.Thread(target=work) for _ in range(25)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 5
    while lim.in_flight < 10 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)  # give the other 15 a chance to (wrongly) get in
    assert (lim.in_flight, inside) == (10, 10)
    go.set()
    for t in threads:
        t.join(5)
    assert (peak, done, lim.in_flight) == (10, 25, 0)


def test_slot_released_when_the_request_fails() -> None:
    lim = RateLimiter(in_flight=1)
    with pytest.raises(RuntimeError), lim.acquire():
        raise RuntimeError("boom")
    assert lim.in_flight == 0


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError):
        RateLimiter(in_flight=0)


def test_one_limiter_per_company() -> None:
    assert limiter_for("test-realm-a") is limiter_for("test-realm-a")
    assert limiter_for("test-realm-a") is not limiter_for("test-realm-b")


def test_client_keeps_in_flight_under_the_cap_over_http(fake_qbo: FakeQbo) -> None:
    fake_qbo.latency = 0.05
    fake_qbo.add_account("Shrinkage")
    lim = RateLimiter(per_second=1000, in_flight=3)
    with httpx.Client(timeout=5) as http:
        client = QboClient(
            fake_qbo.api_base, fake_qbo.realm_id, FakeTokens(fake_qbo, http), http=http, limiter=lim
        )
        threads = [threading.Thread(target=client.accounts) for _ in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
    assert fake_qbo.request_count("query") == 12
    assert fake_qbo.max_in_flight == 3


def test_fake_enforces_limits_and_client_waits(fake_qbo: FakeQbo) -> None:
    """The fake's own 429s (XML 3001) past its limit; the client sleeps throttle_wait."""
    fake_qbo.enforce_limits(per_minute=3, batch_per_minute=1)
    fake_qbo.add_account("Shrinkage")
    slept: list[float] = []
    with httpx.Client(timeout=5) as http:
        client = QboClient(
            fake_qbo.api_base,
            fake_qbo.realm_id,
            FakeTokens(fake_qbo, http),
            http=http,
            limiter=RateLimiter(),
            sleep=slept.append,
            max_retries=1,
        )
        for _ in range(3):
            client.accounts()
        with pytest.raises(Exception) as caught:
            client.accounts()  # still over the fake's minute (nobody really waited)
    assert type(caught.value).__name__ == "QboThrottled"
    assert slept == [60.0]
