from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.money import (
    MoneyError,
    format_money,
    from_cents,
    parse_amount,
    parse_number_words,
    quantize,
    to_cents,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1,200.50", "1200.50"),
        ("1200.5", "1200.50"),
        (".45", "0.45"),
        ("3.5k", "3500.00"),
        ("$20k", "20000.00"),
        ("USD 75", "75.00"),
        ("15 dollars", "15.00"),
        ("twelve dollars", "12.00"),
        ("$ 15", "15.00"),
        ("15.00 usd", "15.00"),
        ("1,000,000", "1000000.00"),
        ("2.345", "2.35"),  # half-up, not banker's rounding
        ("2.335", "2.34"),
        ("0.005", "0.01"),
        ("forty-two", "42.00"),
        ("two hundred and five", "205.00"),
        ("1.5M", "1500000.00"),
    ],
)
def test_parse_amount_reads_what_people_write(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    [
        "1e5",
        "1E5",
        "NaN",
        "nan",
        "inf",
        "Infinity",
        "1.2.3",
        "-5",
        "$-5",
        "0",
        "$0.00",
        "",
        "abc",
        "12,34",
        "1,2345",
        "--3",
        "0.001",
    ],
)
def test_parse_amount_refuses_bad_numbers(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_amount(text)


def test_zero_allowed_only_when_asked() -> None:
    assert parse_amount("0", positive=False) == Decimal("0.00")


def test_number_words() -> None:
    assert parse_number_words("a dozen") == 12
    assert parse_number_words("twenty") == 20
    assert parse_number_words("three thousand two hundred") == 3200
    assert parse_number_words("hello") is None


def test_quantize_rejects_float_and_rounds_half_up() -> None:
    with pytest.raises(TypeError):
        quantize(1.5)  # type: ignore[arg-type]
    assert quantize(Decimal("0.125")) == Decimal("0.13")
    assert quantize(Decimal("-0.125")) == Decimal("-0.13")


def test_format_money() -> None:
    assert format_money(Decimal("1200.5")) == "$1,200.50"
    assert format_money(Decimal("-3")) == "-$3.00"
    assert format_money(Decimal("7"), "EUR") == "7.00 EUR"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_cents_round_trip(cents: int) -> None:
    assert to_cents(from_cents(cents)) == cents


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999"), places=2))
def test_formatted_amount_parses_back(value: Decimal) -> None:
    assert parse_amount(format_money(value)) == value
