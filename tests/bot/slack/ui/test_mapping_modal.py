"""The mapping dialog as Slack would check it: valid for a big chart, proposals marked,
"Create in QuickBooks" first in each select, the Items view, and its answers read back."""

from __future__ import annotations

import json

from bot.services.display import (
    CREATE_IN_QBO,
    MappingApplied,
    MappingDialog,
    MappingRow,
    MapState,
    QboAccountChoice,
)
from bot.slack.ids import Id
from bot.slack.ui.mapping import applied_text, mapping_modal, parse_mapping
from tests.fakes.slack_api import check_view
from tests.fakes.slack_signing import select_field


def dialog(n_accounts: int) -> MappingDialog:
    choices = tuple(
        QboAccountChoice(str(i), f"Account {i:03d} with a long name {'x' * 60}", "Expense")
        for i in range(1, n_accounts + 1)
    )
    rows = (
        MappingRow(
            "5400",
            "Inventory Obsolescence Expense",
            "Other Expense",
            MapState.CREATE,
            CREATE_IN_QBO,
            "Inventory Obsolescence Expense",
        ),
        MappingRow(
            "5100",
            "Inventory Shrinkage",
            "Cost of Goods Sold",
            MapState.PROPOSED,
            "7",
            "Shrinkage",
            "close name",
        ),
        MappingRow(
            "1200",
            "Inventory",
            "Other Current Asset",
            MapState.MAPPED,
            "3",
            "Inventory Asset",
            "by type",
        ),
    )
    return MappingDialog(
        "Sandbox Company_US_1",
        rows,
        choices,
        quantity_tracking=True,
        items=(("SKU-12", "Blue widget", True),),
        unmapped_skus=("SKU-99",),
    )


def test_the_dialog_is_valid_for_a_large_chart() -> None:
    view = mapping_modal(dialog(250), "C0WAREHOUSE")
    assert check_view(view) == []
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert [b["block_id"] for b in inputs] == [
        Id.QBO_MAP_ACCOUNT.format(c) for c in ("5400", "5100", "1200")
    ]
    create, proposed, mapped = (b["element"] for b in inputs)
    assert create["initial_option"]["value"] == CREATE_IN_QBO
    first = create["option_groups"][0]["options"][0]
    assert first["value"] == CREATE_IN_QBO and "Create in QuickBooks" in first["text"]["text"]
    assert proposed["initial_option"]["value"] == "7"
    assert "(proposed)" in inputs[1]["label"]["text"] and "PROPOSED" in inputs[1]["hint"]["text"]
    assert mapped["initial_option"]["value"] == "3"
    text = json.dumps(view)
    assert "SKU-12" in text and "SKU-99" in text and "quantity tracked" in text


def test_the_answers_are_read_back_and_told() -> None:
    state = (
        select_field(Id.QBO_MAP_ACCOUNT.format("5400"), CREATE_IN_QBO)
        | select_field(Id.QBO_MAP_ACCOUNT.format("5100"), "7")
        | select_field(Id.QBO_MAP_ACCOUNT.format("1290"), None)
    )
    assert parse_mapping(state) == {"5400": CREATE_IN_QBO, "5100": "7"}
    words = applied_text(
        MappingApplied(
            mapped=(("5100", "Shrinkage"),),
            created=(("5400", "Inventory Obsolescence Expense"),),
            requeued=(4,),
            still_unmapped=("1000",),
        )
    )
    assert "Created in QuickBooks: 5400" in words and "5100 → Shrinkage" in words
    assert "1 held entry sent" in words and "Still unmapped: 1000" in words
