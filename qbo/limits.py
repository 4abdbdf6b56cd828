"""Client-side rate limiting per QuickBooks company (realm).

QuickBooks allows about 500 requests a minute, 10 a second, 10 in flight and 40 batch
requests a minute per company and app; going over earns a 429 and a 60 s wait. Staying under
on our side is cheaper. Sliding windows of start times; a batch request counts against the
request limits too (it is a request) and against its own per-minute limit.

The limits are per company across all our processes, so `SharedRateLimiter` keeps the start
times in the database (one row a request, written under a per-company lock: a PostgreSQL
advisory lock, SQLite's single writer): N replicas together stay inside one budget.
`RateLimiter` is the in-process version (tests, benchmarks, one-process tools).
"""

from __future__ import annotations

import logging
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qbo.models import QboRequestSlot

log = logging.getLogger(__name__)

# QuickBooks counts a request when it arrives, a moment after we start it. Windows a little
# longer than a second and a minute keep that moment from tipping a window over (which
# would cost a 429 and a 60 s wait: measured in bench/qbo_bench.py).
SECOND = 1.1
MINUTE = 61.0


class Limiter(Protocol):
    def acquire(self, batch: bool = False) -> AbstractContextManager[None]: ...

    def batch_room(self) -> bool:
        """True while the minute's batch budget (40) is not spent: a short wait for the
        per-second or in-flight limits does not count."""
        ...


class RateLimiter:
    """`with limiter.acquire(batch=...):` blocks until a request may start. Thread-safe.

    Window waits use the injected `sleep` (tests pass a fake clock and sleep); waiting for an
    in-flight slot uses a condition variable, since only another thread can free one.
    """

    def __init__(
        self,
        per_minute: int = 500,
        per_second: int = 10,
        in_flight: int = 10,
        batch_per_minute: int = 40,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if min(per_minute, per_second, in_flight, batch_per_minute) < 1:
            raise ValueError("every limit must be at least 1")
        self.per_minute, self.per_second = per_minute, per_second
        self.in_flight_limit, self.batch_per_minute = in_flight, batch_per_minute
        self._clock, self._sleep = clock, sleep
        self._cond = threading.Condition()
        self._minute: deque[float] = deque()
        self._second: deque[float] = deque()
        self._batch: deque[float] = deque()
        self._in_flight = 0
        self.waited = 0.0  # total seconds slept on windows (for logs and tests)

    @property
    def in_flight(self) -> int:
        with self._cond:
            return self._in_flight

    def _wait_needed(self, now: float, batch: bool) -> float:
        """Seconds until every window has room (0: start now). Lock held."""
        windows = [(self._second, SECOND, self.per_second), (self._minute, MINUTE, self.per_minute)]
        if batch:
            windows.append((self._batch, MINUTE, self.batch_per_minute))
        wait = 0.0
        for starts, span, limit in windows:
            while starts and starts[0] <= now - span:
                starts.popleft()
            if len(starts) >= limit:
                # The oldest start that must leave the window before we fit.
                wait = max(wait, starts[len(starts) - limit] + span - now)
        return wait

    def batch_room(self) -> bool:
        with self._cond:
            now = self._clock()
            return sum(1 for t in self._batch if t > now - MINUTE) < self.batch_per_minute

    @contextmanager
    def acquire(self, batch: bool = False) -> Iterator[None]:
        while True:
            with self._cond:
                while self._in_flight >= self.in_flight_limit:
                    self._cond.wait()
                now = self._clock()
                wait = self._wait_needed(now, batch)
                if wait <= 0:
                    self._second.append(now)
                    self._minute.append(now)
                    if batch:
                        self._batch.append(now)
                    self._in_flight += 1
                    break
                self.waited += wait
            # Sleep outside the lock so other threads (and releases) are not held up.
            self._sleep(wait)
        try:
            yield
        finally:
            with self._cond:
                self._in_flight -= 1
                # notify_all: a woken waiter may go back to sleep on a window instead.
                self._cond.notify_all()


_registry: dict[str, RateLimiter] = {}
_registry_lock = threading.Lock()


def limiter_for(realm_id: str) -> RateLimiter:
    """The one limiter for this company in this process."""
    with _registry_lock:
        limiter = _registry.get(realm_id)
        if limiter is None:
            limiter = _registry[realm_id] = RateLimiter()
        return limiter


# A started request never finished by then was left by a dead process: its in-flight slot
# is freed. Rows are kept a little longer than the longest window, then deleted.
STALE = 120.0
KEEP = 180.0
POLL = 0.05  # how often a request waiting for an in-flight slot looks again


class SharedRateLimiter:
    """RateLimiter's limits, counted in the database: every process pushing to this company
    shares one budget. Same interface; `clock` is wall time (epoch seconds), shared by the
    processes of one deployment."""

    def __init__(
        self,
        engine: Engine,
        realm_id: str,
        per_minute: int = 500,
        per_second: int = 10,
        in_flight: int = 10,
        batch_per_minute: int = 40,
        holder: str = "",
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if min(per_minute, per_second, in_flight, batch_per_minute) < 1:
            raise ValueError("every limit must be at least 1")
        self.engine, self.realm_id, self.holder = engine, realm_id, holder[:80]
        self.per_minute, self.per_second = per_minute, per_second
        self.in_flight_limit, self.batch_per_minute = in_flight, batch_per_minute
        self._clock, self._sleep = clock, sleep
        self._key = zlib.crc32(f"qbo-budget:{realm_id}".encode())
        self.waited = 0.0

    @property
    def _table(self) -> sa.Table:
        return QboRequestSlot.__table__  # type: ignore[attr-defined]

    def _lock(self, conn: Connection) -> None:
        """Serialise budget decisions for this company across processes."""
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(self._key)))
        # SQLite: every transaction begins IMMEDIATE (ledger/db.py): one writer at a time.

    def _wait_needed(self, conn: Connection, now: float, batch: bool) -> float:
        t = self._table
        mine = t.c.realm_id == self.realm_id
        in_flight = conn.execute(
            sa.select(sa.func.count())
            .select_from(t)
            .where(mine, t.c.finished_at.is_(None), t.c.started_at > now - STALE)
        ).scalar_one()
        if in_flight >= self.in_flight_limit:
            return POLL
        windows = [(SECOND, self.per_second, False), (MINUTE, self.per_minute, False)]
        if batch:
            windows.append((MINUTE, self.batch_per_minute, True))
        wait = 0.0
        for span, limit, batches_only in windows:
            # The limit-th most recent start in the window: it must leave before we fit.
            stmt = sa.select(t.c.started_at).where(mine, t.c.started_at > now - span)
            if batches_only:
                stmt = stmt.where(t.c.batch.is_(True))
            edge = conn.execute(
                stmt.order_by(t.c.started_at.desc()).offset(limit - 1).limit(1)
            ).scalar_one_or_none()
            if edge is not None:
                wait = max(wait, edge + span - now)
        return wait

    def _try(self, batch: bool) -> tuple[int | None, float]:
        """(slot id, 0) to go, or (None, seconds to wait before trying again)."""
        t = self._table
        with self.engine.begin() as conn:
            self._lock(conn)
            now = self._clock()
            conn.execute(
                sa.delete(t).where(t.c.realm_id == self.realm_id, t.c.started_at < now - KEEP)
            )
            wait = self._wait_needed(conn, now, batch)
            if wait > 0:
                return None, wait
            row = conn.execute(
                sa.insert(t)
                .values(realm_id=self.realm_id, started_at=now, batch=batch, holder=self.holder)
                .returning(t.c.id)
            ).scalar_one()
            return int(row), 0.0

    def batch_room(self) -> bool:
        t = self._table
        with self.engine.connect() as conn:
            used = conn.execute(
                sa.select(sa.func.count())
                .select_from(t)
                .where(
                    t.c.realm_id == self.realm_id,
                    t.c.batch.is_(True),
                    t.c.started_at > self._clock() - MINUTE,
                )
            ).scalar_one()
        return int(used) < self.batch_per_minute

    @contextmanager
    def acquire(self, batch: bool = False) -> Iterator[None]:
        while True:
            slot, wait = self._try(batch)
            if slot is not None:
                break
            self.waited += wait
            self._sleep(wait)
        try:
            yield
        finally:
            t = self._table
            try:
                with self.engine.begin() as conn:
                    conn.execute(
                        sa.update(t).where(t.c.id == slot).values(finished_at=self._clock())
                    )
            except Exception:  # the database is away: the slot frees itself after STALE
                log.exception("could not free QuickBooks request slot %s", slot)
