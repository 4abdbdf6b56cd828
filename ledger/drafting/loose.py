"""Whole containers and loose pieces of the same goods, said as two parts: "2 full cases and
7 loose boxes crushed", "1 case plus 2 loose cans", "3 cases and 150 loose lids". The reading
splits them at "and" / "plus"; they are one write-off of one item: the cases at what the list
says a case costs, the loose pieces at their share of it (or, where the list prices the piece,
each at its cost). Never sure: which the list's cost is for is the card's to confirm.

Pure: the parts' facts and drafts in, the merged ones out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ledger.drafting.reading import packs
from ledger.drafting.reading.named import case_pack_size
from ledger.drafting.types import Draft, DraftContext, Facts, Guess
from ledger.money import quantize

P_WHOLE_AND_LOOSE = 0.1  # one write-off read from two parts: confirm the sum
# the first part ends where the reading split at a joining word ("2 full cases and")
_JOINED = re.compile(r"(?:\band|\bplus|\+|&|\bw/)\s*$", re.IGNORECASE)
_LOOSE = re.compile(r"\b(?:loose|singles?|individual|out\s+of\s+(?:an?|the)\s+open)\b", re.I)


def merged(
    parts: Sequence[tuple[Facts, Draft]],
    context: DraftContext,
    build: Callable[[Facts, DraftContext], Draft],
) -> list[Draft]:
    """The drafts, each whole-containers part followed by a loose-pieces part of the same
    goods drafted as one."""
    out: list[Draft] = []
    i = 0
    while i < len(parts):
        if i + 1 < len(parts):
            one = _one(parts[i], parts[i + 1], context, build)
            if one is not None:
                out.append(one)
                i += 2
                continue
        out.append(parts[i][1])
        i += 1
    return out


def _one(
    whole: tuple[Facts, Draft],
    loose: tuple[Facts, Draft],
    context: DraftContext,
    build: Callable[[Facts, DraftContext], Draft],
) -> Draft | None:
    (f1, d1), (f2, d2) = whole, loose
    held = packs.container(f1.unit)
    if (
        not d1.sku
        or d1.sku != d2.sku
        or d1.category != d2.category
        or d1.amount is None
        or d2.amount is None
        or f1.quantity is None
        or f2.quantity is None
        or held is None
        or packs.container(f2.unit) == held
        or not (_JOINED.search(f1.source_text) and (_LOOSE.search(f2.source_text) or f2.unit))
    ):
        return None
    item = context.items.get(d1.sku)
    size = case_pack_size(item.name, held) if item else None
    if item is None or size is None:
        return None
    if d1.quantity == f1.quantity and d1.amount == quantize(f1.quantity * item.unit_cost):
        # the cases at the list's cost each: the loose pieces are their share of a case
        share = quantize(f2.quantity * item.unit_cost / size)
        total = d1.amount + share
        how = f"{f2.quantity} loose at {item.unit_cost}/{size} = {share}"
    elif d1.quantity == f1.quantity * size:
        # the cases multiplied out to pieces the list prices: the loose ones at that cost
        total = d1.amount + d2.amount
        how = f"{f2.quantity} loose at the list's cost = {d2.amount}"
    else:
        return None
    note = (
        f"{f1.quantity} {f1.unit} ({d1.amount}) and {how}: one write-off of "
        f"{f1.quantity * size + f2.quantity} pieces"
    )
    facts = replace(
        f1,
        source_text=f"{f1.source_text} {f2.source_text}",
        quantity=f1.quantity * size + f2.quantity,
        unit=None,
        unit_cost=None,
        total=total,
        guesses=(*f1.guesses, *f2.guesses, Guess(note, P_WHOLE_AND_LOOSE)),
        notes=(*f1.notes, *f2.notes),
        unclear=(*f1.unclear, *f2.unclear),
        doubts=(*f1.doubts, *f2.doubts),
    )
    return build(facts, context)
