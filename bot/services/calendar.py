"""Business days for month-end reminders. Pure.

A company's calendar is weekends, its country's public holidays (the `holidays` package,
optionally one subdivision such as a US state) and any extra days it names. APScheduler's
cron cannot say "last business day" or "three business days before month-end", so the job
runs on late weekdays and asks this calendar whether today is one.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass, field
from datetime import date

import holidays as public_holidays


class CalendarError(ValueError):
    pass


@functools.lru_cache(maxsize=64)
def _public(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    try:
        found = public_holidays.country_holidays(country, subdiv=subdivision, years=year)
    except NotImplementedError as exc:  # the package's way of saying "unknown country"
        raise CalendarError(str(exc)) from None
    return frozenset(found)


def check_region(country: str | None, subdivision: str | None) -> None:
    """Refuse an unknown country or subdivision at start-up, not at month-end."""
    if subdivision and not country:
        raise CalendarError("a holiday subdivision needs WRITEOFF_HOLIDAY_COUNTRY too")
    if country:
        _public(country, subdivision, date.today().year)


@dataclass(frozen=True)
class BusinessCalendar:
    country: str | None = None  # ISO code, e.g. "US"
    subdivision: str | None = None  # e.g. "CA"
    extra: frozenset[date] = field(default_factory=frozenset)

    def is_holiday(self, day: date) -> bool:
        if day in self.extra:
            return True
        return bool(self.country) and day in _public(self.country or "", self.subdivision, day.year)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and not self.is_holiday(day)

    def business_days(self, year: int, month: int) -> list[date]:
        last = calendar.monthrange(year, month)[1]
        days = (date(year, month, n) for n in range(1, last + 1))
        return [d for d in days if self.is_business_day(d)]

    def last_business_day(self, year: int, month: int) -> date:
        return self.business_days(year, month)[-1]

    def reminder_days(self, year: int, month: int, days_before: int = 3) -> tuple[date, date]:
        """(the business day `days_before` business days before the last one, the last)."""
        days = self.business_days(year, month)
        return days[max(0, len(days) - 1 - days_before)], days[-1]

    def reminder_kind(self, day: date, days_before: int = 3) -> str | None:
        """'early' or 'last' when `day` is a reminder day, else None."""
        early, last = self.reminder_days(day.year, day.month, days_before)
        if day == last:
            return "last"
        if day == early:
            return "early"
        return None


WEEKENDS_ONLY = BusinessCalendar()
