"""Business-day arithmetic for month-end reminders. Pure.

APScheduler's cron cannot say "last business day" or "three business days before
month-end", so the job runs on late weekdays and asks these functions whether today is one.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta


def parse_holidays(raw: str) -> frozenset[date]:
    """'2026-12-25, 2026-12-31' -> dates; anything unreadable is refused loudly."""
    out = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if part:
            try:
                out.add(date.fromisoformat(part))
            except ValueError as exc:
                raise ValueError(
                    f"'{part}' in WRITEOFF_HOLIDAYS is not a date (YYYY-MM-DD)"
                ) from exc
    return frozenset(out)


def is_business_day(day: date, holidays: Iterable[date] = ()) -> bool:
    return day.weekday() < 5 and day not in set(holidays)


def business_days(year: int, month: int, holidays: Iterable[date] = ()) -> list[date]:
    hol = set(holidays)
    last = calendar.monthrange(year, month)[1]
    return [
        d for d in (date(year, month, n) for n in range(1, last + 1)) if is_business_day(d, hol)
    ]


def last_business_day(year: int, month: int, holidays: Iterable[date] = ()) -> date:
    return business_days(year, month, holidays)[-1]


def reminder_days(
    year: int, month: int, holidays: Iterable[date] = (), days_before: int = 3
) -> tuple[date, date]:
    """(the business day `days_before` business days before the last one, the last one)."""
    days = business_days(year, month, holidays)
    return days[max(0, len(days) - 1 - days_before)], days[-1]


def reminder_kind(day: date, holidays: Iterable[date] = (), days_before: int = 3) -> str | None:
    """'early' or 'last' when `day` is a reminder day, else None."""
    early, last = reminder_days(day.year, day.month, holidays, days_before)
    if day == last:
        return "last"
    if day == early:
        return "early"
    return None


def previous_month(month: str) -> str:
    year, mon = (int(p) for p in month.split("-"))
    first = date(year, mon, 1) - timedelta(days=1)
    return f"{first.year:04d}-{first.month:02d}"


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
