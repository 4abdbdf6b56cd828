"""Accounting periods: a calendar month, written YYYY-MM.

One type for every month the books parse or compute (period close, reports, reminders),
so "2026-13", "October" or "2026-1" are refused in one place with one message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_PATTERN = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True, order=True)
class Period:
    """A month. Ordered, hashable, and `str(period)` is its YYYY-MM text."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not (1 <= self.year <= 9999 and 1 <= self.month <= 12):
            raise ValueError(
                f"'{self.year:04d}-{self.month:02d}' is not a month: use YYYY-MM, e.g. 2026-10"
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2026-10' -> Period(2026, 10) (surrounding spaces ignored). Anything else is
        refused with the same words."""
        m = _PATTERN.fullmatch(text.strip()) if isinstance(text, str) else None
        if m is None or not (int(m.group(1)) >= 1 and 1 <= int(m.group(2)) <= 12):
            raise ValueError(f"'{text}' is not a month: use YYYY-MM, e.g. 2026-10")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> Period:
        """The month a day falls in."""
        return cls(day.year, day.month)

    @property
    def start(self) -> date:
        """The first day of the month."""
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        """The first day of the next month (exclusive bound: start <= day < end)."""
        return self.next().start

    def __contains__(self, day: date) -> bool:
        return (day.year, day.month) == (self.year, self.month)

    def next(self) -> Period:
        return Period(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Period:
        return Period(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def as_period(value: Period | str) -> Period:
    """Accept a Period or its YYYY-MM text (callers that still hold text)."""
    return value if isinstance(value, Period) else Period.parse(value)
