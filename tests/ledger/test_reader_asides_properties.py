"""Property tests of the "not a write-off" kinds (issue 9), composed from parts so the truth is
known by construction: a message that asks for a report, asks a what-if, prices a service,
repair, rental or piece of equipment, thanks someone, praises a count, passes on a vendor's
new price or reports money back on a claim is never a confident draft, whatever reason
word, goods, amount and filler it carries.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from tests.ledger.conftest import make_context

CTX = make_context(
    items={
        "SKU-12": ItemInfo("SKU-12", "Blue widget", Decimal("15.00")),
        "TV-55X": ItemInfo("TV-55X", "55in television", Decimal("389.00")),
    }
)
SURE = 0.9

REASONS = ["damaged", "broken", "expired", "stolen", "obsolete", "crushed", "water damaged"]
GOODS = ["SKU-12", "TV-55X", "stock", "items", "chairs", "inventory"]
AMOUNTS = ["$180", "$1,200", "$2k", "$640.50", "$75"]
COUNTS = ["3", "12", "40", "200"]
FILLER = ["", " this month", " for the audit", " asap", " before friday", " thanks"]

# "{r}" a reason word, "{g}" goods, "{a}" an amount, "{n}" a count
ASIDES = [
    # information asked for
    "can you pull a report of {r} {g} over {a}?",
    "send me the list of {r} {g}",
    "show me all {r} {g} above {a}",
    "give me the total of {r} {g}",
    "how many {g} were {r} last month",
    # what-ifs
    "if we scrapped {n} {g} what would it cost us?",
    "what if we wrote off the {n} {r} {g}",
    "suppose we bin {n} {r} {g}, what's the hit?",
    "what would writing off {n} {r} {g} do to margin",
    # the site's running costs (no goods named)
    "{a} for the dumpster rental",
    "pallet jack repair {a}",
    "skip bin hire {a}",
    "the {r} forklift repair was {a}",
    "plumber fixed the {r} pipe, {a}",
    "pest control invoice {a}",
    "quote to replace the {r} roller door: {a}",
    # thanks, praise, prices, claims
    "thx for approving the {n} {r} {g} earlier",
    "cheers for signing off the {n} {r} {g}",
    "great job team, only {n} variances in 1,400 bins",
    "vendor says {g} goes to {a} a unit from next PO",
    "carrier paid us {a} on the claim for the {r} {g}",
    "insurance settled at {a} for the {r} {g}",
    "got a {a} cheque from the courier for the {n} {r} {g}",
    # money given to a customer, not goods lost
    "issue a {a} store credit to the client for the {n} {r} {g}",
    "give the customer a {a} goodwill credit, their {n} {g} arrived {r}",
    "credit {a} to the customer for the {r} {g}",
    "issued them a {a} credit for the {n} {r} {g}",
    "sent a {a} gift card to the client, {n} {g} {r}",
]
CREDITS = ASIDES[-5:]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    shape=st.sampled_from(CREDITS),
    reason=st.sampled_from(REASONS),
    goods=st.sampled_from(GOODS),
    amount=st.sampled_from(AMOUNTS),
    count=st.sampled_from(COUNTS),
)
def test_a_credit_given_to_a_customer_gets_no_draft(
    shape: str, reason: str, goods: str, amount: str, count: str
) -> None:
    # "issue a $20 store credit to the client for the short shipment" drafted a $20 shortage
    # at 0.97: the money goes to a customer, the books' inventory is not what moved
    text = shape.format(r=reason, g=goods, a=amount, n=count)
    try:
        drafts = draft(text, CTX)
    except DraftError as e:
        assert "not a write-off" in str(e)
        return
    raise AssertionError((text, drafts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    shape=st.sampled_from(ASIDES),
    reason=st.sampled_from(REASONS),
    goods=st.sampled_from(GOODS),
    amount=st.sampled_from(AMOUNTS),
    count=st.sampled_from(COUNTS),
    filler=st.sampled_from(FILLER),
)
def test_an_aside_with_reason_words_and_amounts_is_never_a_sure_draft(
    shape: str, reason: str, goods: str, amount: str, count: str, filler: str
) -> None:
    text = shape.format(r=reason, g=goods, a=amount, n=count) + filler
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    assert all(d.confidence < SURE for d in drafts), (text, drafts)


# The same words inside a request stay a request: the asides never swallow a write-off that
# asks for itself.
REQUESTS = [
    "{n} SKU-12 {r}, please write them off",
    "thanks in advance: {n} SKU-12 {r}",
    "{n} SKU-12 {r} beyond repair",
    "if possible write off {n} SKU-12, {r}",
    "{n} SKU-12 {r}, customer credit to follow, write them off pls",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    shape=st.sampled_from(REQUESTS),
    reason=st.sampled_from(["damaged", "broken", "crushed", "cracked"]),
    count=st.sampled_from(COUNTS),
)
def test_a_request_with_the_same_words_is_still_drafted(
    shape: str, reason: str, count: str
) -> None:
    text = shape.format(r=reason, n=count)
    drafts = draft(text, CTX)
    assert len(drafts) == 1
    assert drafts[0].quantity == Decimal(count)
    assert drafts[0].amount == Decimal(count) * Decimal("15.00")
