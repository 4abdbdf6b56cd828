"""One month type: parsed once, with one message, and used by close, posting and reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine

from ledger.db import session_scope
from ledger.periods import Period
from ledger.posting import PeriodClosedError, close_period, period_of, post_draft
from ledger.reports import writeoff_report
from tests.ledger.factories import make_draft

MAX = Decimal("1000000.00")


def test_parse_and_print_round_trip() -> None:
    oct_ = Period.parse("2026-10")
    assert oct_ == Period(2026, 10) and str(oct_) == "2026-10"
    assert str(Period.parse("0001-01")) == "0001-01"
    assert Period.parse(" 2026-10\n") == oct_  # as typed after a command word


@pytest.mark.parametrize(
    "text",
    ["2026-13", "2026-00", "October", "2026-1", "26-10", "2026 -10", "2026-10-01", "0000-05", ""],
)
def test_anything_but_yyyy_mm_is_refused_with_one_message(text: str) -> None:
    with pytest.raises(ValueError) as err:
        Period.parse(text)
    assert str(err.value) == f"'{text}' is not a month: use YYYY-MM, e.g. 2026-10"


def test_bounds_and_neighbours_cross_the_year() -> None:
    dec = Period.of(date(2026, 12, 31))
    assert dec == Period(2026, 12)
    assert (dec.start, dec.end) == (date(2026, 12, 1), date(2027, 1, 1))  # end is exclusive
    assert dec.next() == Period(2027, 1) and Period(2027, 1).previous() == dec
    assert Period(2028, 2).end == date(2028, 3, 1)
    assert date(2026, 12, 31) in dec and date(2027, 1, 1) not in dec
    assert sorted([Period(2027, 1), Period(2026, 12), Period(2026, 2)]) == [
        Period(2026, 2),
        Period(2026, 12),
        Period(2027, 1),
    ]
    with pytest.raises(ValueError, match="'2026-13' is not a month"):
        Period(2026, 13)


def test_period_of_still_gives_text_for_callers_that_hold_text() -> None:
    assert period_of(date(2026, 3, 9)) == "2026-03"


def test_closing_takes_a_period_or_its_text(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        assert close_period(s, company_id, Period(2026, 10), actor="controller")
        assert not close_period(s, company_id, "2026-10", actor="controller")  # the same month
    with pytest.raises(PeriodClosedError) as err, session_scope(engine) as s:
        post_draft(
            s,
            company_id,
            make_draft(),
            actor="U1",
            approver="U2",
            entry_date=date(2026, 10, 1),
            max_amount=MAX,
        )
    assert err.value.period == Period(2026, 10)


def test_month_report_takes_the_last_day_and_not_the_next_first(
    engine: Engine, company_id: int
) -> None:
    for day in (date(2026, 11, 30), date(2026, 12, 1)):
        with session_scope(engine) as s:
            post_draft(
                s,
                company_id,
                make_draft(qty="1", cost="10"),
                actor="U1",
                approver="U2",
                entry_date=day,
                max_amount=MAX,
            )
    with session_scope(engine) as s:
        nov = writeoff_report(s, company_id, Period(2026, 11))
        nov_text = writeoff_report(s, company_id, "2026-11")
        with pytest.raises(ValueError, match="'2026-11-01' is not a month"):
            writeoff_report(s, company_id, "2026-11-01")
    assert nov.count == 1 and nov.total == Decimal("10.00") and nov.month == "2026-11"
    assert nov_text.to_json() == nov.to_json()
