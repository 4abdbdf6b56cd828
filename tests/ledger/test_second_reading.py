"""Claude's reading checked against the offline reader's (ledger/drafting/second.py), through
the real SDK against the local fake Messages API: answers that agree, that are plausible but
wrong, that only Claude could read, slow, missing or failing."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from ledger.drafting import DraftContext, ItemInfo
from ledger.drafting.claude import ClaudeDrafter, ClaudeUnavailable, offline_facts
from ledger.drafting.second import SecondReading
from ledger.policy import Category
from tests.fakes.anthropic_api import (
    FakeAnthropic,
    api_error,
    entry,
    serve_fake_anthropic,
    slow,
    text_answer,
    tool_answer,
)
from tests.ledger.test_claude_drafter import CHART, good_entry

TEXT = "40 units obsolete SKU-12 at $15"


@pytest.fixture
def claude() -> Iterator[FakeAnthropic]:
    with serve_fake_anthropic() as fake:
        yield fake


@pytest.fixture
def ctx() -> DraftContext:
    return DraftContext(
        chart=CHART, items={"SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00"))}
    )


def reader(fake: FakeAnthropic, timeout: float = 2.0) -> ClaudeDrafter:
    return ClaudeDrafter(fake.api_key, base_url=fake.url, timeout=timeout, max_retries=0)


def test_two_readings_that_agree_are_the_strongest_evidence(
    claude: FakeAnthropic, ctx: DraftContext
) -> None:
    claude.script(tool_answer([good_entry()]))
    [c] = reader(claude).second_reading(TEXT, ctx, offline_facts(TEXT, ctx))
    assert c.state is SecondReading.AGREED
    assert c.draft.confidence >= 0.9 and c.draft.amount == Decimal("600.00")
    assert any("Two independent readings agree" in e for e in c.draft.explanation)


def test_plausible_but_wrong_quantity_shows_both_readings_and_asks(
    claude: FakeAnthropic, ctx: DraftContext
) -> None:
    # 12 is in the text (the SKU), so only the independent reading catches it.
    claude.script(tool_answer([good_entry(quantity="12")]))
    [c] = reader(claude).second_reading(TEXT, ctx, offline_facts(TEXT, ctx))
    assert c.state is SecondReading.DIFFERS
    assert c.draft.confidence < 0.9
    assert c.draft.amount == Decimal("600.00")  # the card keeps the offline reading's lines
    [ask] = [w for w in c.draft.warnings if "Two readings differ" in w]
    assert "quantity" in ask and "40 units, $600.00" in ask and "12 units, $180.00" in ask
    assert "Which is right?" in ask


def test_wrong_category_drops_confidence_and_policy_still_picks_accounts(
    claude: FakeAnthropic, ctx: DraftContext
) -> None:
    claude.script(tool_answer([good_entry(category="shrinkage", debit_account="5100")]))
    [c] = reader(claude).second_reading(TEXT, ctx, offline_facts(TEXT, ctx))
    assert c.state is SecondReading.DIFFERS and c.draft.confidence < 0.9
    assert [ln.account for ln in c.draft.lines] == ["5000", "1200"]
    assert any("differ on the reason" in w for w in c.draft.warnings)


def test_invented_amount_is_never_adopted(claude: FakeAnthropic, ctx: DraftContext) -> None:
    text = "40 units of SKU-99 obsolete"  # no price, SKU not in the item list
    claude.script(tool_answer([good_entry(sku="SKU-99", unit_cost="15")]))
    [c] = reader(claude).second_reading(text, ctx, offline_facts(text, ctx))
    assert c.state is SecondReading.DIFFERS
    assert c.draft.amount is None and not c.draft.complete
    assert c.draft.confidence < 0.9


def test_a_reason_only_claude_read_is_unconfirmed(claude: FakeAnthropic, ctx: DraftContext) -> None:
    text = "5 units SKU-9 at $40 got blorpified"  # no word the lexicon knows
    claude.script(
        tool_answer(
            [
                entry(
                    category="casualty",
                    reason="blorpified",
                    sku="SKU-9",
                    quantity="5",
                    unit_cost="40",
                )
            ]
        )
    )
    [c] = reader(claude).second_reading(text, ctx, offline_facts(text, ctx))
    assert c.state is SecondReading.UNCONFIRMED
    assert c.draft.category is Category.CASUALTY and c.draft.amount == Decimal("200.00")
    assert 0 < c.draft.confidence < 0.9
    assert any("Only Claude read the reason" in w for w in c.draft.warnings)


def test_only_claude_can_read_the_message(claude: FakeAnthropic, ctx: DraftContext) -> None:
    text = "zorch zorch"
    claude.script(tool_answer([good_entry()]))
    assert offline_facts(text, ctx) is None
    [c] = reader(claude).second_reading(text, ctx, None)
    assert c.state is SecondReading.UNCONFIRMED and c.draft.confidence < 0.9


def test_a_different_number_of_write_offs_differs(claude: FakeAnthropic, ctx: DraftContext) -> None:
    claude.script(tool_answer([good_entry(), good_entry(sku="SKU-7", quantity="3")]))
    [c] = reader(claude).second_reading(TEXT, ctx, offline_facts(TEXT, ctx))
    assert c.state is SecondReading.DIFFERS and c.draft.confidence < 0.9
    assert any("Claude read 2 write-off(s)" in w for w in c.draft.warnings)


@pytest.mark.parametrize(
    "reply",
    [
        api_error(500, "api_error", "boom"),
        text_answer(),  # no tool answer at all
        tool_answer([]),  # nothing read
        slow(tool_answer([good_entry()]), 1.5),  # past the 0.5 s timeout
    ],
    ids=["error", "malformed", "missing", "slow"],
)
def test_no_usable_answer_is_unavailable(
    claude: FakeAnthropic, ctx: DraftContext, reply: object
) -> None:
    claude.script(reply)  # type: ignore[arg-type]
    with pytest.raises(ClaudeUnavailable):
        reader(claude, timeout=0.5).second_reading(TEXT, ctx, offline_facts(TEXT, ctx))


def test_command_line_draft_checks_both_readings(claude: FakeAnthropic, ctx: DraftContext) -> None:
    claude.script(tool_answer([good_entry(quantity="12")]))
    [d] = reader(claude).draft(TEXT, ctx)
    assert d.confidence < 0.9 and any("Two readings differ" in w for w in d.warnings)


def test_agreement_does_not_make_a_part_beside_an_open_one_sure(
    claude: FakeAnthropic, ctx: DraftContext
) -> None:
    """Both readings agree on both parts, but SKU-99 has no price: the card cannot be approved
    as it stands, so the priced part is not offered as sure either."""
    text = "2 SKU-99 dmg, 1 SKU-12 defective"
    claude.script(
        tool_answer(
            [
                good_entry(sku="SKU-99", quantity="2", unit_cost=None, reason="dmg"),
                good_entry(quantity="1", reason="defective", unit=None, unit_cost=None),
            ]
        )
    )
    open_part, priced = reader(claude).second_reading(text, ctx, offline_facts(text, ctx))
    assert open_part.draft.missing and priced.state is SecondReading.AGREED
    assert priced.draft.amount == Decimal("15.00") and priced.draft.confidence < 0.9
    assert any("Another part" in w for w in priced.draft.warnings)
