from datetime import date

import pytest

from bot.services.calendar import WEEKENDS_ONLY, BusinessCalendar
from bot.settings import SettingsError, load_settings
from ledger.periods import Period

business_days = WEEKENDS_ONLY.business_days
last_business_day = WEEKENDS_ONLY.last_business_day
reminder_days = WEEKENDS_ONLY.reminder_days
reminder_kind = WEEKENDS_ONLY.reminder_kind


def parse_holidays(raw: str) -> BusinessCalendar:
    """WRITEOFF_HOLIDAYS as the settings read it."""
    return load_settings(_env_file=None, WRITEOFF_HOLIDAYS=raw).calendar


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
    assert hol.last_business_day(2026, 12) == date(2026, 12, 30)
    assert date(2026, 12, 25) not in hol.business_days(2026, 12)


def test_bad_holiday_is_refused() -> None:
    with pytest.raises(SettingsError, match=r"WRITEOFF_HOLIDAYS.*YYYY-MM-DD"):
        parse_holidays("Christmas")
    # a month that does not exist is refused at start-up, not at month-end
    with pytest.raises(SettingsError, match="2026-13-01"):
        parse_holidays("2026-12-24,2026-13-01")


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
    assert str(Period.parse("2027-01").previous()) == "2026-12"
    assert str(Period.parse("2026-11").previous()) == "2026-10"


def test_a_country_calendar_moves_the_reminders() -> None:
    """US Thanksgiving (Thu 26 Nov 2026) is not a business day: the early reminder, three
    business days before Mon 30 Nov, moves from Wed 25 to Tue 24."""
    us = load_settings(_env_file=None, WRITEOFF_HOLIDAY_COUNTRY="us").calendar
    assert us.is_holiday(date(2026, 11, 26)) and not us.is_business_day(date(2026, 11, 26))
    assert us.reminder_days(2026, 11) == (date(2026, 11, 24), date(2026, 11, 30))
    assert WEEKENDS_ONLY.reminder_days(2026, 11) == (date(2026, 11, 25), date(2026, 11, 30))
    # extra days add to the country's: 31 Dec 2026 off as well moves the last business day
    both = load_settings(
        _env_file=None, WRITEOFF_HOLIDAY_COUNTRY="US", WRITEOFF_HOLIDAYS="2026-12-31"
    ).calendar
    assert both.last_business_day(2026, 12) == date(2026, 12, 30)


def test_a_subdivision_has_its_own_holidays() -> None:
    """California keeps Cesar Chavez Day (31 Mar 2026, a Tuesday); the US as a whole does not."""
    ca = load_settings(
        _env_file=None, WRITEOFF_HOLIDAY_COUNTRY="US", WRITEOFF_HOLIDAY_SUBDIVISION="CA"
    ).calendar
    assert ca.last_business_day(2026, 3) == date(2026, 3, 30)
    assert WEEKENDS_ONLY.last_business_day(2026, 3) == date(2026, 3, 31)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"WRITEOFF_HOLIDAY_COUNTRY": "XX"}, "WRITEOFF_HOLIDAY_COUNTRY"),
        ({"WRITEOFF_HOLIDAY_COUNTRY": "US", "WRITEOFF_HOLIDAY_SUBDIVISION": "ZZ"}, "ZZ"),
        ({"WRITEOFF_HOLIDAY_SUBDIVISION": "CA"}, "WRITEOFF_HOLIDAY_COUNTRY"),
    ],
)
def test_unknown_regions_are_refused_at_start_up(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        load_settings(_env_file=None, **env)
