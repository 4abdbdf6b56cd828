"""Property tests (issue 9) of requests said as questions and of questions that are no
request. Messages are composed from parts with the truth known by construction.

- asking for the bot's own job ("can we / could you / can u / pls can you write off / w/o /
  get ... written off") with the goods counted and a reason is a request: drafted, and a
  draft scored 0.9 or more is exactly right;
- asking how an earlier write-off went ("did the 3 X get approved?"), what the bot does
  ("does this bot handle ...? we lost 300 bags last time") or reporting goods received with
  the damage denied ("received 40 X, all good, no damage") is no write-off: no draft.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, draft
from ledger.drafting.types import ItemInfo
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COSTS = {"SKU-12": Decimal("15.00"), "WID-200": Decimal("8.50"), "CHR-009": Decimal("96.00"),
         "MLK-2L": Decimal("2.10")}  # fmt: skip
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
OPENERS = ("", "hey ", "hi, ", "ok so ", "pls ", "quick q, ")
ASKS = (
    "can we write off {g}?",
    "could you write off {g}?",
    "can u w/o {g}?",
    "can you please write off {g}?",
    "could we get {g} written off?",
    "can I write off {g}?",
    "could someone w/o {g}?",
    "is it ok to write off {g}?",
    "ok if we w/o {g}?",
    "any chance we can write off {g}?",
)
# reason words of the loss row, said after the question
REASONS = ("bad freezer burn, unsellable", "crushed", "expired", "smashed", "water damaged",
           "broken in the racking", "torn open")  # fmt: skip


@st.composite
def asked(draw: st.DrawFn) -> tuple[str, str, int]:
    sku = draw(st.sampled_from(sorted(COSTS)))
    n = draw(st.integers(2, 60))
    goods = draw(st.sampled_from((f"{n} {sku}", f"{n} units {sku}", f"{n} bags {sku}")))
    ask = draw(st.sampled_from(ASKS)).format(g=goods)
    text = f"{draw(st.sampled_from(OPENERS))}{ask} {draw(st.sampled_from(REASONS))}"
    return text, sku, n


@given(asked())
@SETTINGS
def test_asking_for_the_bots_job_is_a_request(case: tuple[str, str, int]) -> None:
    text, sku, n = case
    drafts = draft(text, CTX)  # never refused as a question
    assert drafts, text
    for d in drafts:
        if d.confidence < 0.9:
            continue
        amount = quantize(COSTS[sku] * n)
        assert d.category is Category.LOSS, f"{text!r}: {d.category}"
        assert d.quantity == n and d.sku == sku, f"{text!r}: {d.quantity} {d.sku}"
        assert d.amount == amount, f"{text!r}: {d.amount}"
        accounts = decide_accounts(Category.LOSS, amount, POLICY)
        lines = {(ln.account, ln.debit > 0) for ln in d.lines}
        assert lines == {(accounts.debit, True), (accounts.credit, False)}, f"{text!r}"


STATUS = (
    "did the {g} from yesterday get approved?",
    "has the {g} write-off been posted?",
    "was the {g} {r} write-off approved?",
    "did my {g} {r} report go through?",
    "were the {g} {r} ones booked?",
    "any update on the {g} write-off?",
    "status of the {g} {r}?",
)
ABOUT_BOT = (
    "does this bot handle {r} stuff? we lost like {n} bags last time",
    "does it work for {r} goods? had {g} last week",
    "is this where I report {r} stock? there's {g}",
)
RECEIPTS = (
    "received {g} on PO {po}, all good, no damage",
    "got {g} in today, no breakage",
    "received {g}, zero damage, all counted",
    "{g} arrived on PO {po}, nothing damaged",
)


@st.composite
def not_asked(draw: st.DrawFn) -> str:
    sku = draw(st.sampled_from(sorted(COSTS)))
    n = draw(st.integers(2, 300))
    g = f"{n} {sku}"
    r = draw(st.sampled_from(("damaged", "stolen", "expired", "freezer failure", "broken")))
    form = draw(st.sampled_from((*STATUS, *ABOUT_BOT, *RECEIPTS)))
    text = form.format(g=g, r=r, n=n, po=draw(st.integers(10000, 99999)))
    opener = "" if form in RECEIPTS else draw(st.sampled_from(OPENERS[:4]))
    return opener + text


@given(not_asked())
@SETTINGS
def test_status_questions_and_clean_receipts_are_no_write_off(text: str) -> None:
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    raise AssertionError(f"{text!r}: drafted {[(d.category, d.confidence) for d in drafts]}")
