"""Issue 11 §3: the company's request budget is shared by every process, in the database.
Two SharedRateLimiter instances stand for two replicas (each with its own engine, as two
processes would have), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy.engine import Engine

from ledger.db import make_engine
from qbo.limits import MINUTE, STALE, SharedRateLimiter


class Clock:
    """Wall time for the limiters, moved only by their sleeps."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def replica(engine: Engine, clock: Clock, **limits: int) -> SharedRateLimiter:
    own = make_engine(str(engine.url.render_as_string(hide_password=False)))
    return SharedRateLimiter(own, "realm-1", clock=clock, sleep=clock.sleep, **limits)


def test_two_replicas_share_the_batch_budget(engine: Engine) -> None:
    clock = Clock()
    a, b = replica(engine, clock, batch_per_minute=3), replica(engine, clock, batch_per_minute=3)
    for limiter in (a, b, a):
        with limiter.acquire(batch=True):
            clock.now += 0.5
    assert clock.slept == [] and not a.batch_room() and not b.batch_room()
    with b.acquire(batch=True):  # the fourth batch of the minute, whoever sends it, waits
        pass
    assert sum(clock.slept) >= MINUTE - 2 and b.waited >= MINUTE - 2
    # Plain requests are not held back by the batch budget.
    before = len(clock.slept)
    with a.acquire():
        pass
    assert len(clock.slept) == before


def test_two_replicas_share_the_minute_budget(engine: Engine) -> None:
    clock = Clock()
    a = replica(engine, clock, per_minute=4, per_second=10)
    b = replica(engine, clock, per_minute=4, per_second=10)
    for limiter in (a, b, a, b):
        with limiter.acquire():
            clock.now += 0.2
    with a.acquire():
        pass
    assert sum(clock.slept) >= MINUTE - 1


def test_in_flight_slots_are_shared(engine: Engine) -> None:
    a = replica(engine, Clock(), in_flight=1)
    b = SharedRateLimiter(a.engine, "realm-1", in_flight=1)  # real time: it must wait
    a._clock = b._clock = time.time
    got = threading.Event()

    def other() -> None:
        with b.acquire():
            got.set()

    with a.acquire():
        t = threading.Thread(target=other)
        t.start()
        assert not got.wait(0.4)  # the other replica waits for our in-flight slot
    assert got.wait(5)
    t.join(5)


def test_a_dead_replicas_in_flight_slot_frees_itself(engine: Engine) -> None:
    clock = Clock()
    a, b = replica(engine, clock, in_flight=1), replica(engine, clock, in_flight=1)
    dead = a.acquire()
    dead.__enter__()  # started a request and died: never finished
    with b.acquire():
        pass
    assert sum(clock.slept) >= STALE - 1  # freed after STALE, not never


@pytest.mark.parametrize("batches", [0, 39])
def test_batch_room_counts_every_replica(engine: Engine, batches: int) -> None:
    clock = Clock()
    a, b = replica(engine, clock), replica(engine, clock)
    for _ in range(batches):
        with a.acquire(batch=True):
            clock.now += 0.2
    assert b.batch_room()
    with a.acquire(batch=True):
        pass
    assert b.batch_room() == (batches + 1 < 40)
