"""The policy table: sound by construction, and the one place every reader looks.

Each test that walks `REASONS` covers a new row the day it is added: its words reach the
offline reader, its accounts reach decide_accounts, its hint and category reach Claude, and its
form choices reach the form (whose answers become Facts without a detour through English).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest

from ledger.chart import DEFAULT_CHART
from ledger.drafting import Draft, DraftContext, build_draft, draft
from ledger.drafting.claude import ClaudeDrafter, company_prompt, tool_definition
from ledger.drafting.form import form_facts, form_text
from ledger.drafting.offline import read_requests
from ledger.policy import (
    REASON_ROWS,
    REASONS,
    Category,
    FormChoice,
    Kind,
    Policy,
    ReasonSpec,
    ReasonTable,
    Role,
    Words,
    decide_accounts,
    form_reason,
    form_reasons,
)
from tests.fakes.anthropic_api import entry, serve_fake_anthropic, tool_answer
from tests.ledger.conftest import DEFAULT_CHART as CHART_INFO

POLICY = Policy()


def every_word() -> list[tuple[Category, str, str]]:
    """(category, what is typed, the reason word it reads as) for every phrase and misspelling."""
    out = []
    for spec in REASONS.values():
        for group in spec.words:
            # a reserve verb ("top up") names a reason only beside the reserve's name
            near = f" ({group.near[0]})" if group.near else ""
            out += [(spec.category, p + near, p) for p in group.phrases]
            out += [(spec.category, typo + near, meant) for typo, meant in group.misspelled]
    return out


# -- the table is sound -------------------------------------------------------------------------


def test_one_row_per_category_in_enum_order() -> None:
    assert list(REASONS) == list(Category)
    assert [spec.category for spec in REASONS.values()] == list(Category)


def test_priority_order_is_the_documented_one() -> None:
    # most specific first: reserve phrases also say "obsolete"; "stolen" beats "missing"
    first_seven = [
        Category.RESERVE_PROVISION,
        Category.RESERVE_WRITE_OFF,
        Category.WRITE_DOWN,
        Category.CASUALTY,
        Category.OVERAGE,
        Category.SHRINKAGE,
        Category.LOSS,
    ]
    order = [spec.category for spec in REASONS.by_priority]
    assert [c for c in order if c in first_seven] == first_seven


def _table_with(category: Category, **changes: object) -> list[ReasonSpec]:
    return [
        dataclasses.replace(spec, **changes) if spec.category is category else spec  # type: ignore[arg-type]
        for spec in REASON_ROWS
    ]


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ([s for s in REASON_ROWS if s.category is not Category.OVERAGE], "no row for ['overage']"),
        ((*REASON_ROWS, REASON_ROWS[0]), "several rows for ['loss']"),
        (REASON_ROWS[::-1], "in the enum's order"),
        (_table_with(Category.OVERAGE, priority=70), "priorities must differ"),
        (_table_with(Category.OVERAGE, words=(Words("stolen"),)), "'stolen' is a word of"),
        (_table_with(Category.OVERAGE, words=(Words("Over-count", "over count"),)), "twice"),
        (_table_with(Category.OVERAGE, words=()), "overage: no words"),
        (_table_with(Category.OVERAGE, claude_hint=" "), "no hint for Claude"),
        (
            _table_with(Category.OVERAGE, words=(Words("overage", misspelled={"ovrage": "x"}),)),
            "misspelling 'ovrage' -> 'x'",
        ),
        (
            _table_with(
                Category.OVERAGE, words=(Words("overage", misspelled={"lost": "overage"}),)
            ),
            "misspelling 'lost' is also a phrase",
        ),
        (
            _table_with(Category.OVERAGE, form=(FormChoice("damaged", "Over", "overage"),)),
            "form value 'damaged' is used twice",
        ),
        (
            _table_with(Category.OVERAGE, form=(FormChoice("over", "Over", "surplus stock"),)),
            "form word 'surplus stock' is not a word of overage",
        ),
        (
            _table_with(Category.OVERAGE, words=(Words("overage", explains={Category.OVERAGE}),)),
            "overage: explains itself",
        ),
    ],
)
def test_an_unsound_table_is_refused_with_the_reason(
    rows: tuple[ReasonSpec, ...], problem: str
) -> None:
    with pytest.raises(ValueError, match="reason table is not consistent") as err:
        ReasonTable(rows)
    assert problem in str(err.value)


def test_every_role_has_an_account_in_the_default_chart() -> None:
    """The seeded chart holds every account the table can post to (a new role needs a new
    chart row: ledger/chart.py and a migration)."""
    assert {POLICY.code(role) for role in Role} <= {r.code for r in DEFAULT_CHART}


# -- decide_accounts reads the rows ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "amount", "debit", "credit"),
    [
        (Category.LOSS, "999.99", "5000", "1200"),
        (Category.LOSS, "1000.00", "5200", "1200"),
        (Category.LOSS, None, "5000", "1200"),
        (Category.SHRINKAGE, "5", "5100", "1200"),
        (Category.CASUALTY, "5", "5200", "1200"),
        (Category.WRITE_DOWN, "5", "5300", "1200"),
        (Category.RESERVE_WRITE_OFF, "5", "1290", "1200"),
        (Category.RESERVE_PROVISION, "5", "5400", "1290"),
        (Category.OVERAGE, "5", "1200", "5100"),  # the count went up: the reverse entry
    ],
)
def test_the_policy_table(category: Category, amount: str | None, debit: str, credit: str) -> None:
    d = decide_accounts(category, Decimal(amount) if amount else None, POLICY)
    assert (d.debit, d.credit) == (debit, credit)


def test_explanations_name_the_amount_and_threshold() -> None:
    under = decide_accounts(Category.LOSS, Decimal("600"), POLICY).explanation
    assert under.startswith("$600.00 is under the $1,000.00 materiality threshold")
    unknown = decide_accounts(Category.LOSS, None, POLICY).explanation
    assert unknown.startswith("The amount is under the $1,000.00")
    over = decide_accounts(Category.LOSS, Decimal("1000"), POLICY).explanation
    assert "at or over the $1,000.00" in over and "{" not in over
    for category in Category:
        assert "{" not in decide_accounts(category, Decimal("5"), POLICY).explanation


def test_roles_resolve_through_the_company_codes() -> None:
    policy = Policy(cogs="5010", inventory="1210", materiality=Decimal("50"))

    def pair(category: Category, amount: str | None) -> tuple[str, str]:
        d = decide_accounts(category, Decimal(amount) if amount else None, policy)
        return d.debit, d.credit

    assert pair(Category.LOSS, "49") == ("5010", "1210")
    assert pair(Category.LOSS, "50") == ("5200", "1210")
    assert pair(Category.OVERAGE, None) == ("1210", "5100")


# -- the readers read the rows --------------------------------------------------------------------


@pytest.mark.parametrize(("category", "typed", "word"), every_word(), ids=lambda v: str(v))
def test_the_offline_reader_knows_every_word(category: Category, typed: str, word: str) -> None:
    [facts] = read_requests(f"write off SKU-1 ({typed}), 3 units at $5 each", POLICY)
    assert (facts.category, facts.reason) == (category, word)


def test_grouping_uses_the_same_words() -> None:
    """A label line heads the lines under it when, and only when, it names a reason: the
    grouping signal is the reader's own index, so a misspelling heads like the word."""
    for label in ("Damaged", "Dmg", "Mice"):
        found = read_requests(f"{label}:\n3 units SKU-1 at $5\n2 units SKU-2 at $4", POLICY)
        assert [f.reason for f in found] == [found[0].reason] * 2 and found[0].reason, label
        assert all(f.guesses == () for f in found), label


def test_claude_sees_every_category_with_its_hint_and_accounts() -> None:
    ctx = DraftContext(chart=CHART_INFO)
    schema = tool_definition(ctx)["input_schema"]["properties"]["entries"]["items"]
    assert schema["properties"]["category"]["enum"] == [*(c.value for c in REASONS), None]
    prompt = company_prompt(ctx)
    for spec in REASONS.values():
        d = decide_accounts(spec.category, Decimal("1"), POLICY)
        line = f"- {spec.category.value} ({spec.claude_hint}): "
        assert line in prompt and f"debit {d.debit} " in prompt.split(line)[1].split("\n")[0]


def test_claude_answers_in_every_category_are_drafted_by_the_table() -> None:
    """Through the real client against the fake Messages API: each row's category is accepted
    from Claude and booked by the row's rule (Claude's own account suggestion agrees)."""
    ctx = DraftContext(chart=CHART_INFO)
    with serve_fake_anthropic() as fake:
        drafter = ClaudeDrafter(fake.api_key, base_url=fake.url, timeout=2.0, fallback=_no_fallback)
        for spec in REASONS.values():
            d = decide_accounts(spec.category, Decimal("50"), POLICY)
            answer = entry(
                category=spec.category.value,
                reason=spec.phrases[0],
                total="50",
                debit_account=d.debit,
                credit_account=d.credit,
            )
            fake.script(tool_answer([answer]))
            [draft] = drafter.draft(f"{spec.phrases[0]}: $50 of stock", ctx)
            assert draft.category is spec.category
            assert [(ln.account, ln.debit) for ln in draft.lines] == [
                (d.debit, Decimal(50)),
                (d.credit, Decimal(0)),
            ]
            assert not draft.warnings, draft.warnings


def _no_fallback(text: str, context: DraftContext) -> list[Draft]:
    raise AssertionError(f"Claude's answer was refused for {text!r}")


def test_a_company_table_reaches_every_reader() -> None:
    """Readers consult Policy.reasons, not a copy: a word and a hint added to one company's
    table show up in the offline reader and in Claude's prompt for that company only."""
    rows = [
        dataclasses.replace(spec, words=(*spec.words, Words("zonked")), claude_hint="gone zonked")
        if spec.category is Category.LOSS
        else spec
        for spec in REASON_ROWS
    ]
    policy = Policy(reasons=ReasonTable(rows))
    [facts] = read_requests("40 units SKU-1 zonked at $5", policy)
    assert (facts.category, facts.reason) == (Category.LOSS, "zonked")
    assert read_requests("40 units SKU-1 zonked at $5", POLICY)[0].category is None
    assert "(gone zonked)" in company_prompt(DraftContext(chart=CHART_INFO, policy=policy))


# -- the Slack form -------------------------------------------------------------------------------

FORM_FIELDS = [
    {"sku": "SKU-12", "quantity": Decimal(40), "unit_cost": Decimal(15), "location": "dock"},
    {"sku": "sku 7", "total": Decimal("1200.50"), "location": "warehouse B"},
    {"sku": "SKU-12", "quantity": Decimal("2.5"), "unit_cost": Decimal("0.125")},
]
FACT_FIELDS = (
    "category",
    "reason",
    "sku",
    "quantity",
    "unit",
    "unit_cost",
    "total",
    "new_unit_value",
    "location",
)


def test_form_offers_the_tables_choices_in_table_order() -> None:
    assert form_reasons()[:7] == [
        ("damaged", "Damaged"),
        ("expired", "Expired"),
        ("obsolete", "Obsolete"),
        ("shrinkage", "Shrinkage / missing"),
        ("theft", "Theft"),
        ("fire_flood", "Fire / flood"),
        ("write_down", "Write-down (still sellable)"),
    ]
    offered = [c.value for spec in REASONS.values() for c in spec.form]
    assert [value for value, _ in form_reasons()] == offered
    for spec in REASONS.values():
        for choice in spec.form:
            assert form_reason(choice.value) == (spec.category, choice.word)
    with pytest.raises(KeyError):
        form_reason("loss")  # a category is not a form value


def test_form_text_is_the_sentence_the_form_always_wrote() -> None:
    text = form_text(
        "obsolete",
        sku="SKU-12",
        quantity=Decimal(40),
        unit_cost=Decimal(15),
        location="warehouse B",
    )
    assert text == "40 units SKU-12 obsolete at $15 each from warehouse B"
    assert (
        form_text("write_down", sku="SKU-12", quantity=Decimal(40), unit_cost=Decimal(9))
        == "Write down 40 units SKU-12 to $9 each"
    )


@pytest.mark.parametrize("fields", FORM_FIELDS, ids=lambda f: str(sorted(f)))
@pytest.mark.parametrize("value", [value for value, _ in form_reasons()])
def test_form_facts_are_what_the_reader_reads_from_the_form_text(
    value: str, fields: dict[str, Any]
) -> None:
    """Building Facts directly gives what the parser made of the English the form used to
    write, with nothing guessed: the form can stop writing English for the parser."""
    direct = form_facts(value, **fields)
    [read] = read_requests(direct.source_text, POLICY)
    assert read.guesses == () and read.errors == ()
    for name in FACT_FIELDS:
        assert getattr(direct, name) == getattr(read, name), name
    assert direct.guesses == () and direct.errors == ()


def test_a_form_write_down_takes_the_price_as_the_new_value(ctx_items: DraftContext) -> None:
    facts = form_facts("write_down", sku="SKU-12", quantity=Decimal(40), unit_cost=Decimal(9))
    assert (facts.new_unit_value, facts.unit_cost) == (Decimal(9), None)
    d = build_draft(facts, ctx_items)  # cost $15 from the item list
    assert d.amount == Decimal("240.00") and d.complete and d.confidence >= 0.9


# -- a reason added as one row --------------------------------------------------------------------


def test_a_donation_is_one_row_that_every_reader_sees(ctx: DraftContext) -> None:
    # the offline reader: its words, its misspellings, and "expired" telling the same story
    [d] = draft("Donated 30 cases of SKU-7 expired soup to the food bank, $4 each", ctx)
    assert (d.category, d.reason, d.amount) == (Category.DONATION, "donated", Decimal("120.00"))
    assert [(ln.account, ln.debit, ln.credit) for ln in d.lines] == [
        ("5200", Decimal(120), Decimal(0)),
        ("1200", Decimal(0), Decimal(120)),
    ]
    assert d.confidence >= 0.9 and d.kind is Kind.WRITE_OFF
    [typo] = read_requests("doanted 3 units SKU-7 at $5 each", POLICY)
    assert (typo.category, typo.reason) == (Category.DONATION, "donated")

    # decide_accounts: write-off expense at any amount, never the materiality split
    for amount in (Decimal("5"), Decimal("5000"), None):
        decision = decide_accounts(Category.DONATION, amount, POLICY)
        assert (decision.debit, decision.credit) == ("5200", "1200")
        assert "charity's receipt" in decision.explanation

    # Claude: the strict schema's enum, and the hint with the accounts in the prompt
    schema = tool_definition(ctx)["input_schema"]["properties"]["entries"]["items"]
    assert "donation" in schema["properties"]["category"]["enum"]
    assert (
        "- donation (goods given away: donated to a charity, food bank or school): "
        "debit 5200 Inventory Write-Off Expense / credit 1200 Inventory"
    ) in company_prompt(ctx)

    # the form: offered, and its answers drafted directly
    assert ("donation", "Donated") in form_reasons()
    facts = form_facts("donation", sku="SKU-7", quantity=Decimal(30), unit_cost=Decimal(4))
    assert (facts.category, facts.reason) == (Category.DONATION, "donated")
    assert build_draft(facts, ctx).lines[0].account == "5200"


def test_write_downs_credit_the_reserve_when_stock_is_valued_by_item() -> None:
    """A QuickBooks company tracking quantity on hand values its stock from its items: a
    write-down there must not credit the inventory account, only the reserve."""
    from ledger.policy import Category, Policy, decide_accounts

    plain = decide_accounts(Category.WRITE_DOWN, Decimal("40.00"), Policy())
    by_item = decide_accounts(
        Category.WRITE_DOWN, Decimal("40.00"), Policy(value_changes_to_reserve=True)
    )
    assert (plain.debit, plain.credit) == ("5300", "1200")
    assert (by_item.debit, by_item.credit) == ("5300", "1290")
    assert "reserve" in by_item.explanation
    # Goods that leave still leave the inventory account (and move the item's quantity).
    loss = decide_accounts(
        Category.SHRINKAGE, Decimal("40.00"), Policy(value_changes_to_reserve=True)
    )
    assert loss.credit == "1200"
