"""Client-side rate limiting per QuickBooks company (realm).

QuickBooks allows about 500 requests a minute, 10 a second, 10 in flight and 40 batch
requests a minute per company and app; going over earns a 429 and a 60 s wait. Staying under
on our side is cheaper. Sliding windows of start times; a batch request counts against the
request limits too (it is a request) and against its own per-minute limit.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# QuickBooks counts a request when it arrives, a moment after we start it. Windows a little
# longer than a second and a minute keep that moment from tipping a window over (which
# would cost a 429 and a 60 s wait: measured in bench/qbo_bench.py).
SECOND = 1.1
MINUTE = 61.0


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
