"""Property tests of the reader on how a message says why (issue 9, section 2): a reason said
once for a list of goods (before a colon or dash, or after the list), a write-off that gives
no reason at all, the idioms of each reason (with words that only look like them), and the
direction words of a count. Composed from parts with the right entries known by construction;
the promise checked: a draft scored 0.9 or more is right.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import Draft, DraftError, draft
from ledger.drafting.build import NO_REASON
from ledger.drafting.types import ItemInfo
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ITEMS = {
    "WID-7": Decimal("7.50"),
    "AB-12": Decimal("15.00"),
    "CD-40": Decimal("142.00"),
    "EF-9": Decimal("2.10"),
}
CONTEXT = make_context(items={k: ItemInfo(k, k, v) for k, v in ITEMS.items()})


def _right(d: Draft, category: Category, sku: str, quantity: int) -> bool:
    amount = quantize(quantity * ITEMS[sku])
    accounts = decide_accounts(category, amount, POLICY)
    lines = {(ln.account, ln.debit > 0) for ln in d.lines}
    return (
        d.category is category
        and d.sku == sku
        and d.quantity == quantity
        and d.amount == amount
        and lines == {(accounts.debit, True), (accounts.credit, False)}
    )


def _drafts(text: str) -> list[Draft]:
    try:
        return draft(text, CONTEXT)
    except DraftError:
        return []


# -- 1. a reason said once for every part --------------------------------------------------------

# (lead, category): said before the list, ended by a colon or a dash
LEADS = [
    ("Fire in bay 2", Category.CASUALTY),
    ("flood last night", Category.CASUALTY),
    ("Break-in over the weekend", Category.CASUALTY),
    ("storm damage in aisle 4", Category.CASUALTY),
    ("Expired", Category.LOSS),
    ("Water damage", Category.LOSS),
    ("forklift accident", Category.LOSS),
]
LEAD_ENDS = [": ", " - ", " — "]
# a part's own word that tells the same story as any lead above (or none)
PART_WORDS = ["", " destroyed", " ruined", " lost", " damaged"]
# (tail, category): said after the list, for all of it
TAILS = [
    (", all water damaged", Category.LOSS),
    (" - all expired", Category.LOSS),
    (", both stolen", Category.CASUALTY),
    (", all of them destroyed in the fire", Category.CASUALTY),
    ("; every one smashed", Category.LOSS),
    (" - all nicked", Category.CASUALTY),
    (" — both past their date", Category.LOSS),
]
JOINS = [", ", " and ", "; "]
SKUS = list(ITEMS)


@st.composite
def _parts(draw: st.DrawFn) -> list[tuple[str, int]]:
    n = draw(st.integers(2, 4))
    skus = draw(st.permutations(SKUS))[:n]
    return [(sku, draw(st.integers(2, 60))) for sku in skus]


def _list(parts: list[tuple[str, int]], join: str, word: str = "") -> str:
    return join.join(f"{q} {sku}" for sku, q in parts) + word


@SETTINGS
@given(
    st.sampled_from(LEADS),
    st.sampled_from(LEAD_ENDS),
    _parts(),
    st.sampled_from(JOINS),
    st.sampled_from(PART_WORDS),
)
def test_a_lead_reason_is_every_parts_reason(
    lead: tuple[str, Category],
    end: str,
    parts: list[tuple[str, int]],
    join: str,
    word: str,
) -> None:
    text = lead[0] + end + _list(parts, join, word)
    drafts = _drafts(text)
    if not any(d.confidence >= 0.9 for d in drafts):
        return
    assert len(drafts) == len(parts), f"{text!r}: {drafts}"
    for d, (sku, q) in zip(drafts, parts, strict=True):
        if d.confidence >= 0.9:
            assert _right(d, lead[1], sku, q), f"{text!r}: {d}"


@SETTINGS
@given(st.sampled_from(TAILS), _parts(), st.sampled_from(JOINS))
def test_a_reason_after_the_list_is_every_parts_reason(
    tail: tuple[str, Category], parts: list[tuple[str, int]], join: str
) -> None:
    text = _list(parts, join) + tail[0]
    drafts = _drafts(text)
    if not any(d.confidence >= 0.9 for d in drafts):
        return
    assert len(drafts) == len(parts), f"{text!r}: {drafts}"
    for d, (sku, q) in zip(drafts, parts, strict=True):
        if d.confidence >= 0.9:
            assert _right(d, tail[1], sku, q), f"{text!r}: {d}"


def test_the_reported_miss_drafts_the_fire_for_both_parts() -> None:
    drafts = _drafts("Fire in bay 2: 12 AB-12 and 5 CD-40 destroyed")
    assert [d.category for d in drafts] == [Category.CASUALTY, Category.CASUALTY]


# -- 2. no reason at all ---------------------------------------------------------------------------

ASKS = ["w/o {q} {sku}", "pls write off {q} {sku}", "remove {q} {sku} from stock",
        "write off {q} x {sku}", "{q} {sku} to be written off", "writeoff {sku} qty {q}",
        "take {q} {sku} off the books", "can you w/o {q} {sku} thx"]  # fmt: skip


@SETTINGS
@given(st.sampled_from(ASKS), st.sampled_from(SKUS), st.integers(1, 90))
def test_a_write_off_with_no_reason_is_a_routine_loss_never_sure(
    ask: str, sku: str, q: int
) -> None:
    text = ask.format(q=q, sku=sku)
    drafts = _drafts(text)
    for d in drafts:
        assert d.confidence <= 0.45, f"{text!r}: {d}"
        if d.reason_assumed:
            assert NO_REASON in d.warnings
            assert d.category is Category.LOSS and d.lines, f"{text!r}: {d}"
            assert not d.missing or "reason" not in d.missing


# -- 3. reason idioms, and words that only look like reason words ----------------------------------

IDIOMS = {
    Category.CASUALTY: ["{q} {sku} walked off", "{q} {sku} grew legs",
                        "someone helped themselves to {q} {sku}", "{q} {sku} got lifted",
                        "{q} {sku} went out the back door", "{q} {sku} have grown legs",
                        "somebody helped themself to {q} {sku}"],
    Category.SHRINKAGE: ["{q} {sku} unaccounted for", "{q} {sku} not accounted for",
                         "recount {sku}: {q} more missing", "{sku} {q} gone awol",
                         "{sku} count came in lower by {q}"],
    Category.OVERAGE: ["found {q} extra {sku}", "{sku} count came in higher by {q}",
                       "{sku} {q} more on the shelf than the books"],
    Category.LOSS: ["{q} {sku} got crushed", "forklift went through {q} {sku}",
                    "{q} {sku} took a tumble", "{q} {sku} hit the deck", "{q} {sku} went off",
                    "{q} {sku} past its date", "{q} {sku} passed their date",
                    "{q} {sku} on the turn"],
}  # fmt: skip
IDIOM_CASES = [(c, t) for c, ts in IDIOMS.items() for t in ts]
# words that sit near a reason word and are none: they change nothing
FALSE_FRIENDS = ["searched the cage, ", "checked everywhere, ", "looked twice, ",
                 "we searched and ", "checked the bay: "]  # fmt: skip


@SETTINGS
@given(st.sampled_from(IDIOM_CASES), st.sampled_from(SKUS), st.integers(2, 60))
def test_a_reason_idiom_is_read_as_its_reason_or_unsure(
    case: tuple[Category, str], sku: str, q: int
) -> None:
    category, template = case
    text = template.format(q=q, sku=sku)
    drafts = _drafts(text)
    for d in drafts:
        if d.confidence >= 0.9:
            assert _right(d, category, sku, q), f"{text!r}: {d}"
    assert drafts and drafts[0].category is category, f"{text!r}: {drafts}"


@SETTINGS
@given(
    st.sampled_from(FALSE_FRIENDS),
    st.sampled_from(IDIOM_CASES),
    st.sampled_from(SKUS),
    st.integers(2, 60),
)
def test_search_and_check_words_never_become_a_reason(
    friend: str, case: tuple[Category, str], sku: str, q: int
) -> None:
    category, template = case
    text = friend + template.format(q=q, sku=sku)
    for d in _drafts(text):
        assert not any("searched" in w or "checked" in w for w in d.warnings), f"{text!r}: {d}"
        if d.confidence >= 0.9:
            assert _right(d, category, sku, q), f"{text!r}: {d}"


@SETTINGS
@given(st.sampled_from(SKUS), st.integers(2, 60), st.sampled_from(["", " on the shelf", " today"]))
def test_found_alone_is_not_an_overage(sku: str, q: int, where: str) -> None:
    text = f"found {q} {sku}{where}"
    for d in _drafts(text):
        assert d.confidence < 0.9, f"{text!r}: {d}"


# -- 4. the direction words of a count -------------------------------------------------------------

OUR_SHORT = ["we're short by {q}", "we are {q} short", "we're {q} under", "we came up {q} short",
             "count is {q} under", "the count came in {q} short",
             "we have {q} fewer than the books say", "the system has {q} more than we counted",
             "we counted {q} less than the system shows", "the count came up {q} shy"]  # fmt: skip
OUR_OVER = ["we're over by {q}", "we are {q} over", "we're up by {q}", "count is {q} over",
            "the count came in {q} over", "we have {q} more than the system shows",
            "we found {q} extra than the books say",
            "the books show {q} fewer than we have"]  # fmt: skip
# the books' side with a word that reads both ways: never sure
BOTH_WAYS = ["books are under by {q}", "the books are over by {q}", "system is under by {q}",
             "the system's over by {q}", "books are {q} under", "{q} under on the books",
             "{q} over in the system"]  # fmt: skip


OUR_SIDE = [(t, Category.SHRINKAGE) for t in OUR_SHORT] + [(t, Category.OVERAGE) for t in OUR_OVER]


@SETTINGS
@given(st.sampled_from(OUR_SIDE), st.sampled_from(SKUS), st.integers(2, 60), st.booleans())
def test_our_side_of_a_count_is_never_flipped(
    said: tuple[str, Category], sku: str, q: int, sku_first: bool
) -> None:
    template, category = said
    words = template.format(q=q)
    text = f"{sku} {words}" if sku_first else f"{words} {sku}"
    drafts = _drafts(text)
    for d in drafts:
        # never the opposite direction, sure or not
        assert d.category in (category, None) or not d.lines, f"{text!r}: {d}"
        if d.confidence >= 0.9:
            assert _right(d, category, sku, q), f"{text!r}: {d}"


@SETTINGS
@given(st.sampled_from(BOTH_WAYS), st.sampled_from(SKUS), st.integers(2, 60), st.booleans())
def test_the_books_side_said_with_under_or_over_is_never_sure(
    template: str, sku: str, q: int, sku_first: bool
) -> None:
    words = template.format(q=q)
    text = f"{sku} {words}" if sku_first else f"{words} {sku}"
    for d in _drafts(text):
        assert d.confidence < 0.9, f"{text!r}: {d}"


@SETTINGS
@given(
    st.sampled_from(OUR_SHORT),
    st.sampled_from(OUR_OVER),
    st.sampled_from(JOINS),
    st.booleans(),
    st.integers(2, 60),
    st.integers(2, 60),
)
def test_a_count_list_in_our_words_is_never_flipped(
    short: str, over: str, join: str, short_first: bool, q1: int, q2: int
) -> None:
    parts = [("AB-12", short.format(q=q1), Category.SHRINKAGE, q1)]
    parts.append(("CD-40", over.format(q=q2), Category.OVERAGE, q2))
    if not short_first:
        parts.reverse()
    text = join.join(f"{sku} {said}" for sku, said, _, _ in parts)
    drafts = _drafts(text)
    for d in drafts:
        want = {sku: category for sku, _, category, _ in parts}.get(d.sku or "")
        assert want is None or d.category is want or not d.lines, f"{text!r}: {d}"
    if any(d.confidence >= 0.9 for d in drafts):
        assert len(drafts) == 2, f"{text!r}: {drafts}"
        for d, (sku, _, category, q) in zip(drafts, parts, strict=True):
            assert _right(d, category, sku, q), f"{text!r}: {d}"
