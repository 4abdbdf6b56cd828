from datetime import date

import pytest

from bot.calendar import (
    business_days,
    last_business_day,
    parse_holidays,
    previous_month,
    reminder_days,
    reminder_kind,
)


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [
        (2026, 1, date(2026, 1, 30)),  # Jan 31 is a Saturday
        (2026, 2, date(2026, 2, 27)),
        (2026, 5, date(2026, 5, 29)),  # May 31 Sunday, 30 Saturday
        (2026, 10, date(2026, 10, 30)),  # Oct 31 Saturday
        (2026, 11, date(2026, 11, 30)),
        (2027, 2, date(2027, 2, 26)),
        (2028, 2, date(2028, 2, 29)),  # leap year, a Tuesday
        (2028, 12, date(2028, 12, 29)),  # Dec 30-31 weekend
        (2029, 3, date(2029, 3, 30)),
    ],
)
def test_last_business_day(year: int, month: int, last: date) -> None:
    assert last_business_day(year, month) == last


def test_holidays_move_the_last_business_day() -> None:
    hol = parse_holidays("2026-12-31, 2026-12-25")
    assert last_business_day(2026, 12, hol) == date(2026, 12, 30)
    assert date(2026, 12, 25) not in business_days(2026, 12, hol)


def test_bad_holiday_is_refused() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_holidays("Christmas")


def test_reminder_days_three_business_days_before_and_last() -> None:
    assert reminder_days(2026, 11) == (date(2026, 11, 25), date(2026, 11, 30))
    # Jan 2026: last business day Fri 30th; three business days before: Tue 27th
    assert reminder_days(2026, 1) == (date(2026, 1, 27), date(2026, 1, 30))
    # across a weekend: Oct 2026 ends Fri 30th -> Tue 27th
    assert reminder_days(2026, 10) == (date(2026, 10, 27), date(2026, 10, 30))


def test_reminder_kind_over_several_years() -> None:
    """Exactly two reminder days every month for five years, both business days, the last
    one being the month's last business day."""
    for year in range(2026, 2031):
        for month in range(1, 13):
            days = [d for d in business_days(year, month) if reminder_kind(d)]
            assert len(days) == 2, (year, month)
            assert reminder_kind(days[-1]) == "last"
            assert days[-1] == last_business_day(year, month)
            assert all(d.weekday() < 5 for d in days)


def test_previous_month_wraps_the_year() -> None:
    assert previous_month("2027-01") == "2026-12"
    assert previous_month("2026-11") == "2026-10"
