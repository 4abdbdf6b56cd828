from __future__ import annotations

import threading
from datetime import timedelta

import sqlalchemy as sa
import time_machine

from ledger.claims import claim, finish, release


def test_claim_once_then_done(engine: sa.Engine) -> None:
    assert claim(engine, "evt:1")
    assert not claim(engine, "evt:1")  # a retry while the first is at work
    finish(engine, "evt:1")
    assert not claim(engine, "evt:1")  # done stays done, however late the retry


def test_abandoned_claim_is_taken_over_after_the_lease(engine: sa.Engine) -> None:
    with time_machine.travel("2026-11-24 10:00:00+00:00", tick=False):
        assert claim(engine, "evt:2")
    with time_machine.travel("2026-11-24 10:00:30+00:00", tick=False):
        assert not claim(engine, "evt:2", lease=timedelta(seconds=90))
    with time_machine.travel("2026-11-24 10:05:00+00:00", tick=False):
        assert claim(engine, "evt:2", lease=timedelta(seconds=90))  # the first worker died
        assert not claim(engine, "evt:2", lease=timedelta(seconds=90))


def test_release_gives_the_work_back(engine: sa.Engine) -> None:
    assert claim(engine, "evt:3")
    release(engine, "evt:3")
    assert claim(engine, "evt:3")


def test_concurrent_claims_have_one_winner(engine: sa.Engine) -> None:
    wins: list[bool] = []
    barrier = threading.Barrier(6)

    def go() -> None:
        barrier.wait()
        wins.append(claim(engine, "evt:race"))

    threads = [threading.Thread(target=go) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(wins) == [False] * 5 + [True]
