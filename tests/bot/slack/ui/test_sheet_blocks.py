"""The count sheet's summary card, rendered from plain values."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

from slack_sdk.models.blocks import Block

from bot.services.display import SheetStatus, SheetSummary, Skipped, Variance
from bot.slack.ui.sheets import summary_blocks
from tests.fakes.slack_api import MAX_MESSAGE_BLOCKS, check_blocks

D = Decimal

DRAFT = SheetSummary(
    evidence_id=7,
    file_name="count <nov>.csv",
    uploaded_by="U0WORKER",
    lines_read=6,
    unchanged=1,
    drafts=4,
    complete=1,
    shrinkage=D("1836.90"),
    overage=D("40.00"),
    largest=(Variance(8, "SKU-5", D(12), D(0), D("1800.00"), D("150.00")),),
    problems=((7, "expected quantity 'abc' is not a number"),),
    problem_count=1,
    currency="USD",
    one_entry=True,
    accounts=("5100 Inventory Shrinkage", "1200 Inventory"),
    entry_lines=4,
    skipped=(Skipped(9, "SKU-6", "no unit cost"),),
    skipped_count=1,
    left=1,
)


def _actions(blocks: list[dict]) -> list[str]:
    return [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]


def _valid(blocks: list[dict]) -> str:
    assert check_blocks(blocks, MAX_MESSAGE_BLOCKS) == []
    for b in blocks:
        Block.parse(b).validate_json()
    return json.dumps(blocks, ensure_ascii=False)


def test_a_draft_count_names_its_accounts_and_heads_its_table() -> None:
    blocks = summary_blocks(DRAFT)
    text = _valid(blocks)
    assert "Dr 5100 Inventory Shrinkage" in text and "net against 1200 Inventory" in text
    assert "one adjusting entry* of 4 lines" in text
    for heading in ("SKU", "Expected", "Counted", "Diff", "Unit cost", "Amount", "Line"):
        assert heading in text
    assert "SKU-5" in text and "1,800.00" in text and "150.00" in text
    assert "line 9 SKU-6: no unit cost" in text
    assert _actions(blocks) == ["sheet_approve_all", "sheet_reject"]


def test_a_settled_count_keeps_its_figures_and_offers_nothing() -> None:
    approved = replace(
        DRAFT,
        status=SheetStatus.APPROVED,
        decided_by="U0CTRL",
        entry_number="JE-000042",
        entry_id=42,
        qbo_status="synced, JournalEntry 131",
        complete=0,
        left=0,
        posted=1,
    )
    blocks = summary_blocks(approved)
    text = _valid(blocks)
    assert "*Approved* by <@U0CTRL>: posted as *JE-000042*" in text
    assert "QuickBooks: synced, JournalEntry 131" in text
    assert "6 lines read" in text and "1 skipped" in text and "1 unchanged" in text
    assert _actions(blocks) == ["reverse"]  # the one button that still applies
    reversed_ = replace(
        approved, reversed_by="JE-000043", reversal_qbo_status="pending", entry_id=42
    )
    text = _valid(summary_blocks(reversed_))
    assert "Reversed* by *JE-000043* (QuickBooks: pending)" in text
    assert _actions(summary_blocks(reversed_)) == []
    rejected = replace(approved, status=SheetStatus.REJECTED, entry_number=None, posted=0)
    assert "nothing posted" in _valid(summary_blocks(rejected))
    assert _actions(summary_blocks(rejected)) == []


def test_nothing_to_book_offers_no_button() -> None:
    empty = replace(DRAFT, complete=0, left=0, entry_lines=0, largest=(), shrinkage=D(0))
    blocks = summary_blocks(empty)
    assert "Nothing to book" in _valid(blocks) and _actions(blocks) == []


def test_thousands_of_skipped_and_unreadable_lines_fit_slack() -> None:
    skipped = tuple(Skipped(n, f"SKU-{'X' * 60}{n}", "no unit cost " * 20) for n in range(50))
    problems = tuple((n, "not a number " * 30) for n in range(50))
    big = replace(
        DRAFT,
        skipped=skipped,
        skipped_count=5000,
        problems=problems,
        problem_count=3000,
        largest=tuple(
            Variance(n, "S" * 80, D("123456789"), D("1"), D("99999999.99"), D("9999.99"))
            for n in range(10)
        ),
    )
    text = _valid(summary_blocks(big))
    assert "…and 4,990 more" in text and "…and 2,990 more" in text


def test_per_variance_draft_offers_review_and_a_partial_card_offers_nothing() -> None:
    draft = replace(DRAFT, one_entry=False, complete=3, left=4)
    assert _actions(summary_blocks(draft)) == ["sheet_approve_all", "sheet_review", "sheet_reject"]
    partly = replace(
        draft, status=SheetStatus.PARTLY_APPROVED, decided_by="U0CTRL", posted=3, left=1
    )
    text = _valid(summary_blocks(partly))
    assert "*Partly approved* by <@U0CTRL>: 3 posted, 0 rejected, 1 left as drafts" in text
    assert _actions(summary_blocks(partly)) == []


def test_a_count_over_the_limit_offers_reject_only() -> None:
    over = replace(DRAFT, complete=0, warning="The entry's total $2.00 is over the $1.00 limit")
    blocks = summary_blocks(over)
    assert "over the $1.00 limit" in _valid(blocks)
    assert _actions(blocks) == ["sheet_reject"]
