"""The golden table as a test: the promise (never wrong at 0.9 or more) and the accuracy
floor the issue sets (95%), on every phrasing the team wrote. `python -m
tests.ledger.golden.report --show-wrong` says which cases fail and why."""

from __future__ import annotations

from tests.ledger.golden import scoring
from tests.ledger.golden.cases import CASES, ITEMS

RESULTS = scoring.score_cases(CASES, ITEMS)


def test_the_table_is_well_formed() -> None:
    assert scoring.validate_cases(CASES, ITEMS) == []
    assert len(CASES) >= 300


def test_never_wrong_at_090_or_more() -> None:
    wrong = [f"{r.case_id}: {r.text} -> {r.got}" for r in scoring.wrong_sure(RESULTS)]
    assert wrong == []


def test_right_on_at_least_95_percent() -> None:
    right = sum(r.right for r in RESULTS)
    assert right / len(RESULTS) >= 0.95, f"{right}/{len(RESULTS)}"


def test_every_category_of_the_issue_is_covered() -> None:
    groups = {c["group"] for c in CASES}
    assert groups == set(scoring.GROUPS)
    assert all(sum(c["group"] == g for c in CASES) >= 25 for g in scoring.GROUPS)
