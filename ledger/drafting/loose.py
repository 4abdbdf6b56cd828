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
from decimal import Decimal

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
    if held is None:
        return _pieces_and_loose(whole, loose, context, build)
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
    if d1.quantity in (f1.quantity, f1.quantity * size) and d1.amount == quantize(
        f1.quantity * item.unit_cost
    ):
        # the cases at the list's cost each (counted as cases or as their pieces): the loose
        # pieces are their share of a case
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


# the reading's note of cases multiplied out by the message's own pack: "Quantity 2 cases x 15
# per case = 30"
_MULTIPLIED = re.compile(r"Quantity .* x \d+ per [a-z]+ = \d+$")


# a smaller pack of the same goods beside the cases: "+ 1 six-pack", "plus 2 4pks"
_SMALLER_PACK = re.compile(r"\b(?:\d+\s*-?\s*pks?|(?:six|four|twelve)-?\s?packs?|packs?)\b", re.I)


def _pieces_and_loose(
    whole: tuple[Facts, Draft],
    loose: tuple[Facts, Draft],
    context: DraftContext,
    build: Callable[[Facts, DraftContext], Draft],
) -> Draft | None:
    """ "gatorade (15/cs): 2 cases + 4 loose bottles" of a line the list prices by the bottle:
    the cases already multiplied out to bottles, the loose ones added, each at the list's
    cost: one write-off of 34."""
    (f1, d1), (f2, d2) = whole, loose
    item = context.items.get(d1.sku or "")
    if (
        item is None
        or d1.sku != d2.sku
        or d1.category != d2.category
        or None in (d1.amount, d2.amount, f1.quantity, f2.quantity)
        or not any(_MULTIPLIED.match(n) for n in f1.notes)
        or not _JOINED.search(f1.source_text)
        or not (_LOOSE.search(f2.source_text) or _SMALLER_PACK.search(f2.source_text))
    ):
        return None
    assert f1.quantity is not None and f2.quantity is not None
    assert d1.amount is not None and d2.amount is not None
    if d1.quantity != f1.quantity or d2.quantity != f2.quantity or not f1.quantity:
        return None
    # (each at the same cost a piece, the list's or its case's share: one price, one line)
    if abs(d1.amount / f1.quantity - d2.amount / f2.quantity) >= Decimal("0.01"):
        return None
    total = d1.amount + d2.amount
    note = f"{f1.quantity} and {f2.quantity} loose: one write-off of {f1.quantity + f2.quantity}"
    twice = [u for u in f1.unclear if "one loss said twice" in u]
    facts = replace(
        f1,
        source_text=f"{f1.source_text} {f2.source_text}",
        quantity=f1.quantity + f2.quantity,
        unit_cost=None,
        total=total,
        guesses=(*f1.guesses, *f2.guesses, Guess(note, P_WHOLE_AND_LOOSE)),
        notes=(*f1.notes, *f2.notes),
        unclear=tuple(u for u in (*f1.unclear, *f2.unclear) if u not in twice),
        doubts=(*f1.doubts, *f2.doubts),
    )
    return build(facts, context)
