"""Rendering: what people see on cards and in modals, and that Slack would accept it.

Every rendered block list is checked twice: with slack_sdk's Block Kit models (which refuse
malformed blocks) and with the fake Slack API's limit checks (the ones that make Slack answer
`invalid_blocks`).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.services.display import CardLine, CardView
from bot.slack.ids import Id
from bot.slack.ui import card as C
from bot.slack.ui import forms as F
from bot.slack.ui import help as H
from bot.slack.ui import kit as K
from bot.slack.ui import replies as R
from ledger.policy import form_reasons
from ledger.status import EntryStatus
from tests.fakes import slack_signing as sig
from tests.fakes.slack_api import MAX_MESSAGE_BLOCKS, check_blocks, check_view

D = Decimal
CHART = [
    ("1200", "Inventory"),
    ("1290", "Inventory Reserve"),
    ("5000", "Cost of Goods Sold"),
    ("5100", "Inventory Shrinkage"),
    ("5200", "Inventory Write-off Expense"),
]


def card(**changes: Any) -> CardView:
    base = CardView(
        entry_id=42,
        status="draft",
        source_text="40 units obsolete SKU-12 at $15",
        reporter="U0REPORTER",
        created_at=datetime(2025, 3, 4, 15, 30),
        lines=(
            CardLine("5000", "Cost of Goods Sold", D("600.00"), D("0.00")),
            CardLine("1200", "Inventory", D("0.00"), D("600.00")),
        ),
        total=D("600.00"),
        kind="write_off",
        reason="obsolete",
        sku="SKU-12",
        quantity=D("40"),
        unit="units",
        unit_cost=D("15.00"),
        location="Warehouse B",
        confidence=0.95,
        reviewed=False,
        edited_by=None,
        explanation=("$600.00 is under the $1,000.00 materiality threshold",),
        warnings=(),
        missing=(),
    )
    return replace(base, **changes)


def valid_message(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert check_blocks(blocks, MAX_MESSAGE_BLOCKS) == []
    for b in blocks:
        parsed = Block.parse(b)
        assert parsed is not None
        parsed.validate_json()
        parsed.to_dict()  # validates nested elements too
    return blocks


def valid_modal(view: dict[str, Any]) -> dict[str, Any]:
    assert check_view(view) == []
    View(**view).validate_json()
    View(**view).to_dict()
    return view


def texts(blocks: list[dict[str, Any]]) -> str:
    """Everything a person could read, in one string."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                out.append(node["text"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(blocks)
    return "\n".join(out)


def buttons(blocks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {el["action_id"]: el for b in blocks if b["type"] == "actions" for el in b["elements"]}


# -- escaping and shortening -----------------------------------------------------------------


def test_escape_and_truncate() -> None:
    assert K.escape("a & <!channel> > b") == "a &amp; &lt;!channel&gt; &gt; b"
    assert K.truncate("short", 10) == "short"
    cut = K.truncate("x" * 20, 10)
    assert cut == "x" * 9 + "…" and len(cut) == 10
    # never half an entity: "&am…" would render as garbage
    for limit in range(1, 30):
        out = K.truncate(K.escape("ab&&&<<>>" * 3), limit)
        assert len(out) <= limit
        assert not any(out.rstrip("…").endswith(p) for p in ("&", "&a", "&am", "&l", "&g", "&lt"))


def test_user_text_never_pings_or_links() -> None:
    nasty = "<!channel> <!here> <@U123> <https://evil.example|click me> & co"
    view = card(
        source_text=nasty,
        reason="<!here>",
        location="<@U999>",
        sku="<#C1>",
        warnings=("<!channel> warn",),
        explanation=("<@U123> said so",),
        memo="<https://x|y>",
    )
    blocks = valid_message(C.draft_card(view))
    shown = texts(blocks)
    for raw in ("<!channel>", "<!here>", "<@U123>", "<@U999>", "<#C1>", "<https://"):
        assert raw not in shown
    assert "&lt;!channel&gt;" in shown and "&lt;@U123&gt;" in shown and "&amp; co" in shown


def test_reporter_mention_only_for_a_real_user_id() -> None:
    ok = texts(C.draft_card(card(reporter="U0REPORTER")))
    assert "Reported by <@U0REPORTER>" in ok
    assert "<!date^1741102200^{date_short_pretty} {time}|2025-03-04 15:30 UTC>" in ok
    bad = texts(C.draft_card(card(reporter="<!channel>")))
    assert "<!channel>" not in bad and "&lt;!channel&gt;" in bad


def test_huge_inputs_are_shortened_visibly_and_fit_every_limit() -> None:
    many_lines = (
        *(
            CardLine(f"{5000 + i}", "Very long account name & more " * 5, D("1.00"), D("0"))
            for i in range(60)
        ),
        CardLine("1200", "Inventory", D("0"), D("60.00")),
    )
    view = card(
        source_text="x" * 10_000,
        reason="r" * 5000,
        location="<" * 5000,
        sku="S" * 3000,
        lines=many_lines,
        total=D("60.00"),
        explanation=tuple("because " * 500 for _ in range(30)),
        warnings=tuple("&" * 4000 for _ in range(30)),
        missing=("m" * 4000,) * 30,
        memo="memo " * 2000,
        rejection_reason="no " * 3000,
    )
    for status in ("draft", "posted", "rejected", "reversed", "expired"):
        blocks = valid_message(C.draft_card(replace(view, status=status, number="JE-000123")))
        assert len(blocks) <= MAX_MESSAGE_BLOCKS
    blocks = C.draft_card(view)
    source = blocks[2]["text"]["text"]
    assert source.startswith("> xxx") and source.endswith("…")
    assert len(source) < 3000
    assert "more lines" in texts(blocks)


def test_draft_card_shows_the_entry_and_facts() -> None:
    blocks = valid_message(C.draft_card(card()))
    shown = texts(blocks)
    assert blocks[0]["type"] == "header" and blocks[0]["text"]["text"] == "Write-off draft #42"
    assert "> 40 units obsolete SKU-12 at $15" in shown
    assert "```" in shown and "5000 Cost of Goods Sold" in shown and "1200 Inventory" in shown
    assert "600.00" in shown and "*Amount:* $600.00" in shown
    for fact in ("obsolete", "SKU-12", "40 units", "$15.00", "Warehouse B"):
        assert fact in shown
    assert "materiality threshold" in shown


# -- buttons ---------------------------------------------------------------------------------


def test_complete_draft_has_approve_edit_reject() -> None:
    found = buttons(valid_message(C.draft_card(card())))
    assert set(found) == {"approve", "edit", "reject"}
    assert found["approve"]["style"] == "primary" and found["approve"]["value"] == "42"
    assert found["reject"]["style"] == "danger" and found["edit"]["value"] == "42"


@pytest.mark.parametrize(
    "changes",
    [
        {"missing": ("unit cost",)},
        {"lines": (CardLine("5000", "COGS", D("600"), D("0")),)},
        {"lines": ()},
        {
            "lines": (
                CardLine("5000", "COGS", D("600"), D("0")),
                CardLine("1200", "Inventory", D("0"), D("500")),
            )
        },
    ],
)
def test_incomplete_draft_has_no_approve(changes: dict[str, Any]) -> None:
    blocks = valid_message(C.draft_card(card(**changes)))
    assert "approve" not in buttons(blocks)
    assert {"edit", "reject"} <= set(buttons(blocks))
    assert "use Edit" in texts(blocks)


def test_missing_fields_are_spelled_out() -> None:
    shown = texts(C.draft_card(card(missing=("unit_cost",), warnings=("Large amount",))))
    # addressed to who can act: the reporter replies in the thread, an approver edits
    assert (
        "Missing: unit cost — <@U0REPORTER> can reply in this thread (e.g. 'at $12 each'), "
        "or an approver can use Edit"
    ) in shown
    assert "unit_cost" not in shown
    assert "⚠️ Large amount" in shown
    only_edit = texts(C.draft_card(card(missing=("account",))))
    assert "Missing: account — an approver can use Edit to fill it in" in only_edit
    assert "reply" not in only_edit


@pytest.mark.parametrize(
    ("state", "shown"),
    [
        ("pending", "Second reading (Claude) on its way"),
        ("agreed", "Second reading (Claude) agrees"),
        ("differs", "Second reading (Claude) differs"),
        ("unavailable", "Second reading unavailable"),
    ],
)
def test_card_shows_where_the_second_reading_stands(state: str, shown: str) -> None:
    assert shown in texts(valid_message(C.draft_card(card(second_reading=state))))
    assert "Second reading" not in texts(C.draft_card(card()))


def test_a_late_second_reading_on_a_posted_entry_asks_for_a_check() -> None:
    posted = texts(C.draft_card(card(status=EntryStatus.POSTED, second_reading="differs")))
    assert "arrived after the decision and does not agree" in posted
    assert "see the warnings" not in posted
    pending = texts(C.draft_card(card(status=EntryStatus.POSTED, second_reading="pending")))
    assert "Second reading" not in pending and "second reading" not in pending


@pytest.mark.parametrize(
    ("total", "confirm"),
    [(D("999.99"), False), (D("1000.00"), True), (D("25000.00"), True)],
)
def test_confirm_dialog_at_or_over_materiality(total: Decimal, confirm: bool) -> None:
    lines = (CardLine("5200", "Write-off", total, D(0)), CardLine("1200", "Inv", D(0), total))
    approve = buttons(valid_message(C.draft_card(card(lines=lines, total=total))))["approve"]
    assert ("confirm" in approve) is confirm
    if confirm:
        assert "$1,000.00" in approve["confirm"]["text"]["text"]


def test_posted_card() -> None:
    view = card(
        status="posted",
        number="JE-000123",
        approved_by="U0BOSS",
        approved_at=datetime(2025, 3, 4, 16, 0),
    )
    blocks = valid_message(C.draft_card(view))
    shown = texts(blocks)
    assert blocks[0]["text"]["text"] == "Write-off posted JE-000123"
    assert "<@U0BOSS>" in shown and "QuickBooks: not connected" in shown
    assert set(buttons(blocks)) == {"reverse"}
    synced = texts(C.draft_card(replace(view, qbo_status="synced, JournalEntry 1234")))
    assert "QuickBooks: synced, JournalEntry 1234" in synced


def test_rejected_card_shows_who_and_escaped_why() -> None:
    view = card(status="rejected", rejected_by="U0BOSS", rejection_reason="found them <!here>")
    blocks = valid_message(C.draft_card(view))
    shown = texts(blocks)
    assert blocks[0]["text"]["text"].startswith("Write-off rejected")
    assert "<@U0BOSS>" in shown and "found them &lt;!here&gt;" in shown
    assert "<!here>" not in shown
    assert buttons(blocks) == {}


def test_reversed_and_expired_cards_have_no_buttons() -> None:
    rev = card(
        status="reversed",
        number="JE-000123",
        reversed_by_number="JE-000130",
        approved_by="U0BOSS",
        approved_at=datetime(2025, 3, 4, 16, 0),
    )
    blocks = valid_message(C.draft_card(rev))
    assert "JE-000130" in texts(blocks) and buttons(blocks) == {}
    assert buttons(valid_message(C.draft_card(card(status="expired")))) == {}


@pytest.mark.parametrize(
    ("confidence", "cue"),
    [
        (0.97, "🟢 Confidence 97%"),
        (0.9, "🟢 Confidence 90%"),
        (0.89, "🟡 Confidence 89%"),
        (0.6, "🟡 Confidence 60%"),
        (0.59, "🔴 Confidence 59%"),
        (0.0, "🔴 Confidence 0%"),
    ],
)
def test_confidence_colour_cues(confidence: float, cue: str) -> None:
    assert cue in texts(C.draft_card(card(confidence=confidence)))


def test_reviewed_by_a_person_replaces_the_confidence() -> None:
    shown = texts(C.draft_card(card(reviewed=True, edited_by="U0BOSS", confidence=0.97)))
    assert "Reviewed by <@U0BOSS>" in shown and "Edited by <@U0BOSS>" in shown
    assert "Confidence" not in shown


def test_policy_exceptions_and_who_may_approve_are_on_the_card() -> None:
    shown = texts(
        C.draft_card(
            card(
                reviewed=True,
                edited_by="U0BOSS",
                preparers=("U0BOSS",),
                exceptions=("1000 Cash is not one of the write-off accounts",),
                approver_ids=("S0FINLEADS", "U0CFO01"),
                approvals_needed=2,
            )
        )
    )
    assert "Policy exceptions" in shown and "1000 Cash is not one" in shown
    assert "needs <!subteam^S0FINLEADS> or <@U0CFO01>" in shown
    assert "Needs 2 different approvers" in shown
    assert "Changed by <@U0BOSS>: an approver other than them" in shown


# -- approve all -----------------------------------------------------------------------------


def test_approve_all_button() -> None:
    blocks = valid_message(C.approve_all_blocks([1, 2, 3], D("1800"), "USD"))
    button = buttons(blocks)["approve_all"]
    assert button["text"]["text"] == "Approve all (3)" and button["value"] == "1,2,3"
    assert "$1,800.00" in texts(blocks) and "confirm" in button


def test_approve_all_200_small_ids_fit_one_button() -> None:
    ids = list(range(1000, 1200))
    blocks = valid_message(C.approve_all_blocks(ids, D("5000"), "USD"))
    button = buttons(blocks)["approve_all"]
    assert button["text"]["text"] == "Approve all (200)"
    assert len(button["value"]) <= 2000 and button["value"].split(",") == [str(i) for i in ids]


def test_approve_all_200_long_ids_split_with_a_note() -> None:
    ids = [10**12 + i for i in range(200)]  # 13 digits each: 2,799 characters joined
    blocks = valid_message(C.approve_all_blocks(ids, D("5000"), "USD"))
    values = [el["value"] for b in blocks if b["type"] == "actions" for el in b["elements"]]
    assert len(values) == 2 and all(len(v) <= 2000 for v in values)
    assert [int(x) for v in values for x in v.split(",")] == ids
    assert "2 batches" in texts(blocks)


# -- reporter, help --------------------------------------------------------------------------


def test_reporter_ack() -> None:
    link = "https://fake-team.slack.com/archives/C2/p1000"
    assert R.drafted(1, link) == (
        f"Drafted write-off for approval; the card is in <{link}|the approval channel>."
    )
    assert R.drafted(3) == "Drafted 3 write-offs for approval."
    assert "<" not in R.drafted(1, "https://x|<!channel>")


def test_help_blocks() -> None:
    shown = texts(valid_message(H.help_blocks()))
    for example in (
        "/writeoff 40 units obsolete SKU-12 at $15",
        "/writeoff Write off $2,400 of damaged inventory from warehouse B",
        "/writeoff 2 units SKU-77 stolen from the showroom at $45",
    ):
        assert example in shown
    assert "Write down" in shown and "`/writeoff` on its own" in shown
    assert "Who approves" in shown


# -- modals ----------------------------------------------------------------------------------


def test_new_writeoff_modal_and_form_parsing() -> None:
    modal = valid_modal(F.new_writeoff_modal("C0INVENTORY", form_reasons()))
    assert modal["callback_id"] == "writeoff_form" and modal["private_metadata"] == "C0INVENTORY"
    ids = [b["block_id"] for b in modal["blocks"]]
    assert ids == [
        Id.FORM_SKU,
        Id.FORM_QUANTITY,
        Id.FORM_UNIT_COST,
        Id.FORM_TOTAL,
        Id.FORM_REASON,
        Id.FORM_LOCATION,
        Id.FORM_NOTE,
    ]
    reason = next(b for b in modal["blocks"] if b["block_id"] == Id.FORM_REASON)
    offered = [(o["value"], o["text"]["text"]) for o in reason["element"]["options"]]
    assert offered == form_reasons()  # the policy table's reasons, in its order
    assert ("write_down", "Write-down (still sellable)") in offered

    state = {
        **sig.text_field(Id.FORM_SKU, "SKU-12"),
        **sig.text_field(Id.FORM_QUANTITY, "40"),
        **sig.text_field(Id.FORM_UNIT_COST, "$15"),
        **sig.text_field(Id.FORM_TOTAL, None),
        **sig.select_field(Id.FORM_REASON, "obsolete"),
        **sig.text_field(Id.FORM_LOCATION, "warehouse B"),
        **sig.text_field(Id.FORM_NOTE, "from the spring count"),
    }
    form = F.parse_writeoff_form(state)
    assert form.errors == {}
    assert (form.sku, form.quantity, form.unit_cost, form.total) == ("SKU-12", 40, 15, None)
    assert (form.reason, form.location) == ("obsolete", "warehouse B")
    assert form.note == "from the spring count"

    bad = F.parse_writeoff_form(
        {
            **state,
            **sig.text_field(Id.FORM_UNIT_COST, "lots"),
            **sig.select_field(Id.FORM_REASON, None),
        }
    )
    assert bad.errors == {Id.FORM_UNIT_COST: F.AMOUNT_ERROR, Id.FORM_REASON: "Choose a reason"}


def test_edit_modal_is_prefilled() -> None:
    view = card(entry_date=date(2025, 3, 1), memo="spring count")
    modal = valid_modal(F.edit_modal(view, CHART))
    assert modal["callback_id"] == "edit_entry" and modal["private_metadata"] == "42"
    by_id = {b["block_id"]: b for b in modal["blocks"] if "block_id" in b}
    assert [k for k in by_id if k.startswith("line_")] == [
        f"line_{i}_{f}" for i in range(4) for f in ("account", "debit", "credit")
    ]
    account0 = by_id["line_0_account"]["element"]
    assert account0["initial_option"]["value"] == "5000"
    assert [o["value"] for o in account0["options"]] == [c for c, _ in CHART]
    assert account0["options"][2]["text"]["text"] == "5000 Cost of Goods Sold"
    assert by_id["line_0_debit"]["element"]["initial_value"] == "600.00"
    assert "initial_value" not in by_id["line_0_credit"]["element"]
    assert by_id["line_1_credit"]["element"]["initial_value"] == "600.00"
    assert "initial_option" not in by_id["line_2_account"]["element"]  # a spare row
    assert by_id["entry_date"]["element"]["initial_date"] == "2025-03-01"
    assert by_id["memo"]["element"]["initial_value"] == "spring count"


def test_edit_modal_big_chart_and_inactive_account() -> None:
    chart = [(f"{6000 + i}", f"Account {i} " + "n" * 80) for i in range(250)]
    view = card(
        lines=(
            CardLine("9999", "Retired account", D("5"), D("0")),
            CardLine("6001", "Account 1", D("0"), D("5")),
        ),
        total=D("5"),
        source_text="<!channel> " * 2000,
    )
    modal = valid_modal(F.edit_modal(view, chart))
    element = modal["blocks"][2]["element"]
    groups = element["option_groups"]
    assert len(groups) == 3 and all(len(g["options"]) <= 100 for g in groups)
    values = [o["value"] for g in groups for o in g["options"]]
    assert "9999" in values and len(values) == 251  # the line's own account is offered
    assert element["initial_option"]["value"] == "9999"
    assert all(len(o["text"]["text"]) <= 75 for g in groups for o in g["options"])
    assert "<!channel>" not in texts(modal["blocks"])


def _line_state(i: int, account: str | None, debit: str | None, credit: str | None) -> dict:
    return {
        **sig.select_field(f"line_{i}_account", account),
        **sig.text_field(f"line_{i}_debit", debit),
        **sig.text_field(f"line_{i}_credit", credit),
    }


def test_parse_edit_submission_reads_lines_date_memo() -> None:
    state = {
        **_line_state(0, "5200", "$1,250.50", None),
        **_line_state(1, "1200", "", "1250.50"),
        **_line_state(2, None, None, None),  # spare row left blank
        **_line_state(3, "5000", "", ""),  # amounts cleared: the line is removed
        **sig.date_field("entry_date", date(2025, 3, 31)),
        **sig.text_field("memo", "recount"),
    }
    result = F.parse_edit_submission(state)
    assert result.errors == {}
    assert result.lines == (
        F.EditedLine("5200", D("1250.50"), D("0.00"), 0),
        F.EditedLine("1200", D("0.00"), D("1250.50"), 1),
    )
    assert all(isinstance(x, Decimal) for ln in result.lines for x in (ln.debit, ln.credit))
    assert result.entry_date == date(2025, 3, 31) and result.memo == "recount"
    assert F.parse_edit_submission({**state, **sig.text_field("memo", None)}).memo == ""


def test_parse_edit_submission_errors_per_block() -> None:
    state = {
        **_line_state(0, "5200", "12x", None),
        **_line_state(1, "1200", None, "-5"),
        **_line_state(2, None, "10", None),
        **_line_state(3, "5000", "10", "10"),
    }
    errors = F.parse_edit_submission(state).errors
    assert errors == {
        "line_0_debit": "Enter an amount like 125.00",
        "line_1_credit": "Enter an amount like 125.00",
        "line_2_account": "Choose an account for this line",
        "line_3_credit": "Use either a debit or a credit on one line, not both",
    }
    unbalanced = {**_line_state(0, "5200", "10", None), **_line_state(1, "1200", None, "9")}
    assert "line_0_debit" in F.parse_edit_submission(unbalanced).errors
    one_line = {**_line_state(0, "5200", "10", None), **_line_state(1, None, None, None)}
    assert F.parse_edit_submission(one_line).errors == {
        "line_0_account": "An entry needs at least two lines"
    }


def test_reject_and_reverse_modals() -> None:
    reject = valid_modal(F.reject_modal(42))
    assert reject["callback_id"] == "reject_entry" and reject["private_metadata"] == "42"
    reason = next(b for b in reject["blocks"] if b.get("block_id") == "reason")
    assert reason["type"] == "input" and reason["optional"] is False
    reverse = valid_modal(F.reverse_modal(42, "JE-000002"))
    assert reverse["callback_id"] == "reverse_entry" and reverse["private_metadata"] == "42"
    assert "Reverse entry JE-000002?" in texts(reverse["blocks"])
    assert "#42" not in texts(reverse["blocks"])
    assert any(b.get("block_id") == "reason" for b in reverse["blocks"])
    assert F.parse_reason(sig.text_field("reason", "  wrong account  ")) == "wrong account"


def test_friendly_error_text() -> None:
    assert "nothing was posted" in R.FRIENDLY_ERROR
    json.dumps(C.draft_card(card()))  # plain JSON, ready for the Web API


def test_an_answer_after_a_failure_says_what_the_books_hold() -> None:
    from bot.services.display import EntryState

    assert R.after_failure(None) == R.BOOKS_UNREADABLE
    assert "othing was posted" not in R.BOOKS_UNREADABLE
    said = R.after_failure(
        [
            EntryState(7, "JE-000058", "posted"),
            EntryState(8, "JE-000059", "posted", qbo_synced=True, qbo_id="141"),
            EntryState(9, None, "draft"),
            EntryState(10, "JE-000060", "reversed", reversed_by_number="JE-000061"),
            EntryState(11, None, "rejected"),
        ]
    )
    assert "Posted as JE-000058; the QuickBooks push will be retried." in said
    assert "Posted as JE-000059; in QuickBooks as JournalEntry 141." in said
    assert "Nothing was posted: #9 is still a draft" in said
    assert "JE-000060 was posted and is reversed by JE-000061" in said
    assert "Nothing was posted: #11 is rejected." in said


def test_a_company_name_is_escaped_wherever_it_is_shown() -> None:
    from bot.services.display import FailedPush
    from bot.slack.ui import alerts as A
    from bot.slack.ui import reminders as M
    from bot.slack.ui import reports as P

    name = "<!channel> & Co"
    push = FailedPush(1, "JE-000001", Decimal("5.00"), "refused", company=name)
    shown = json.dumps(A.failure_alert(push, "USD")) + A.failure_text(push)
    shown += M.nudge_text(["U0CTRL"], name) + P.summary_text("2026-11", name)
    assert "<!channel>" not in shown and "&lt;!channel&gt; &amp; Co" in shown
    assert check_blocks(A.failure_alert(push, "USD"), MAX_MESSAGE_BLOCKS) == []
    assert check_view(F.reject_modal(1, None, name)) == []
    assert "<!channel>" not in json.dumps(F.reject_modal(1, None, name))
