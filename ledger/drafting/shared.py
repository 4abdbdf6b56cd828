"""The parts of one message read together, after each was drafted on its own:

- shared_total: a total said once after several parts ("stolen from the car at the con: 2
  MTG-DSK-CBB + 4 PKM-SSP-BB, total 850"). The reading gives the total to the last part, where
  it disagrees with that part's list cost; when it is the sum of every part at the list's
  cost, it is the message's total, not the last part's, and each part keeps its own amount.
- heading_total: a total said before a colon that lists the parts is theirs, no part itself.
- done_before: a part told as done in an earlier period, beside a request for this one.
- lot_total: one amount said for the lot, over parts told with different reasons.

Pure: the parts' facts and drafts in, the drafts out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from ledger.drafting.types import Draft, DraftContext, Facts, Guess
from ledger.money import quantize

P_WHOSE = 0.15  # a total after several parts, matching neither the last one nor all of them
P_HEADING = 0.25  # a total said before the parts it heads, which they do not add up to
P_DONE_BEFORE = 0.25  # a part told as done in an earlier period, beside this period's request


def shared_total(
    parts: Sequence[tuple[Facts, Draft]],
    context: DraftContext,
    build: Callable[[Facts, DraftContext], Draft],
) -> list[Draft]:
    """The drafts, the last rebuilt without the total when that total is all the parts'."""
    drafts = [d for _, d in parts]
    last, _ = parts[-1]
    item = context.items.get(last.sku or "")
    earlier = drafts[:-1]
    if (
        item is None
        or last.total is None
        or last.unit_cost is not None
        or last.quantity is None
        or any(f.total is not None for f, _ in parts[:-1])
        or any(d.amount is None for d in earlier)
    ):
        return drafts
    own = quantize(last.quantity * item.unit_cost)  # the last part at the list's cost
    sum_of_all = sum((d.amount for d in earlier if d.amount is not None), own)
    if quantize(sum_of_all) != quantize(last.total):
        if own == quantize(last.total):
            return drafts  # the last part's own total, as its list cost says
        # ("2 X + 4 Y, total 900": Y's alone, or all of them, either way off the list): the
        # earlier parts' amounts are in question too
        asked = Guess("a total said after several parts: the last one's, or all?", P_WHOSE)
        return [
            *(build(replace(f, guesses=(*f.guesses, asked)), context) for f, _ in parts[:-1]),
            drafts[-1],
        ]
    rebuilt = build(replace(last, total=None), context)
    note = (
        f"The total {quantize(last.total)} is all the parts' at the item list's cost, not this "
        "part's alone"
    )
    rebuilt = replace(rebuilt, explanation=(*rebuilt.explanation, note))
    return [*earlier, rebuilt]


def heading_total(
    parts: Sequence[tuple[Facts, Draft]],
    context: DraftContext,
    build: Callable[[Facts, DraftContext], Draft],
) -> list[Draft]:
    """ "1.2k in seed ruined by the roof leak: 8 bags X + 1 bag Y": a total with no goods of its
    own, before a colon that lists the goods, is their total, not a write-off beside them. The
    heading is dropped; when the parts do not add up to it, each part asks (round 224 drafted
    the $1,200 at 0.97 beside the two bags)."""
    drafts = [d for _, d in parts]
    (head, _), rest = parts[0], parts[1:]
    if (
        not rest
        or head.sku is not None
        or head.quantity is not None
        or head.total is None
        or not (head.source_text or "").rstrip().endswith(":")
        or any(f.sku is None or f.total is not None for f, _ in rest)
        or any(d.amount is None for _, d in rest)
    ):
        return drafts
    summed = quantize(sum((d.amount for _, d in rest if d.amount is not None), Decimal(0)))
    if summed == quantize(head.total):
        return [d for _, d in rest]
    asked = Guess(
        f"the total said first, {quantize(head.total)}, is not the parts' {summed}", P_HEADING
    )
    return [build(replace(f, guesses=(*f.guesses, asked)), context) for f, _ in rest]


# "last month we topped up the reserve by 2k": told as done in an earlier period ...
_DONE_BEFORE = re.compile(
    r"\b(?:last|past|previous|prior)\s+(?:month|week|quarter|year|period|close)\b"
    r"(?=.*\b(?:we|i|they|was|were|did|had|got)\b)",
    re.IGNORECASE,
)
# ... beside a request for this one: "this month write off 20 X against it"
_THIS_TIME = re.compile(
    r"\b(?:this\s+(?:month|week|quarter|year|period|time|close)|now|today|tonight)\b",
    re.IGNORECASE,
)


def done_before(
    parts: Sequence[tuple[Facts, Draft]],
    context: DraftContext,
    build: Callable[[Facts, DraftContext], Draft],
) -> list[Draft]:
    """ "last month we topped up the reserve by 2k. / this month write off 20 X against it": the
    first part is what was done then, told to explain the second, and may not be a request at
    all. Beside a part said for this period, it asks (round 218 drafted both at 0.97)."""
    drafts = [d for _, d in parts]
    now = [i for i, (f, _) in enumerate(parts) if _THIS_TIME.search(f.source_text or "")]
    before = [
        i
        for i, (f, _) in enumerate(parts)
        if _DONE_BEFORE.search(f.source_text or "") and not _THIS_TIME.search(f.source_text or "")
    ]
    if not now or not before:
        return drafts
    asked = Guess("told as done in an earlier period: a request, or the story?", P_DONE_BEFORE)
    return [
        build(replace(f, guesses=(*f.guesses, asked)), context) if i in before else d
        for i, (f, d) in enumerate(parts)
    ]


# "$500 for the lot - 20 torn X and 15 missing Y": one amount for every part
_FOR_THE_LOT = re.compile(
    r"\bfor\s+(?:the\s+(?:whole\s+)?lot|all\s+of\s+(?:it|them)|everything|the\s+bunch|both)\b",
    re.IGNORECASE,
)


def lot_total(
    parts: Sequence[tuple[Facts, Draft]],
    context: DraftContext,
    build: Callable[[Facts, DraftContext], Draft],
) -> list[Draft]:
    """ "$500 for the lot - 20 torn X and 15 missing Y": one amount for goods lost for
    different reasons cannot be split between the accounts they go to; every part asks
    (round 286 drafted the missing part at 0.97 beside the $500)."""
    drafts = [d for _, d in parts]
    facts = [f for f, _ in parts]
    if not any(f.total is not None for f in facts):
        return drafts
    if not any(_FOR_THE_LOT.search(f.source_text or "") for f in facts):
        return drafts
    if len({f.category for f in facts}) < 2:
        return drafts
    doubt = "one amount for the lot, over goods lost for different reasons: how much is each?"
    return [build(replace(f, doubts=(*f.doubts, doubt)), context) for f in facts]
