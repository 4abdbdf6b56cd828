"""A month of the books, YYYY-MM (placeholder until the ledger's own lands)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True, order=True)
class Period:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Period:
        m = _MONTH.match(text.strip())
        if not m:
            raise ValueError(f"'{text}' is not a month: use YYYY-MM, e.g. 2026-10")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> Period:
        return cls(day.year, day.month)

    @property
    def start(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        return date(self.year + (self.month == 12), self.month % 12 + 1, 1)

    def previous(self) -> Period:
        return Period.of(self.start - timedelta(days=1))

    def next(self) -> Period:
        return Period.of(self.end)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
