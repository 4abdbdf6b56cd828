"""How an item list writes the price of goods that ship by the case.

A name that ends with how many pieces go to the case ("Barefoot Pinot Grigio 1.5L, 6/cs",
"oil filter PH3614 (12/CS)") may cost the piece or the case: lists write both, and the
reader takes the piece (held-out rounds 138-143). But a list that says "ea" where it prices
the piece of a case pack ("Hendrick's Gin 750ml (ea, 12/cs)", "Lamb Chop toy (ea, 12/cs)")
tells its own convention: its case packs without "ea" are the case's price. Round 327's
wine list costs "Bacardi 750ml, 12/cs" at $139.20 the case; the reader drafted 12 bottles
a case at $139.20 each. Such items are read as "..., case of 12", never sure (the card says
why).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from ledger.drafting.reading import packs
from ledger.drafting.reading.named import a_case_could_cost, container_said, pack_in_name
from ledger.drafting.types import Facts, Guess, ItemInfo

P_LIST_CASE = 0.1  # the list's own convention read: a guess the card names


def cased(items: Mapping[str, ItemInfo]) -> dict[str, tuple[ItemInfo, str]]:
    """SKU -> (the item as read, the pack its name gives) for each case pack the list's own
    "ea" says is the case's price; empty for most lists."""
    listed = tuple((sku, item.name, item.unit_cost) for sku, item in items.items())
    return dict(_cased(listed))


@lru_cache(maxsize=64)  # (a company's list, read again for every message)
def _cased(
    listed: tuple[tuple[str, str, Decimal], ...],
) -> tuple[tuple[str, tuple[ItemInfo, str]], ...]:
    if not any(packs.says_each(name) for _, name, _ in listed):
        return ()
    out: list[tuple[str, tuple[ItemInfo, str]]] = []
    for sku, name, cost in listed:
        if packs.says_each(name) or not packs.ships_in(name):
            continue
        holds = pack_in_name(name)
        if holds is None:
            continue
        size = Decimal(holds.group("n") or holds.group("n2"))
        held = container_said(holds.group("c") or holds.group("c2"))
        # (a case or a carton: "Quikrete 80 lb (42/PLT)" costs the bag whatever the list says)
        if held not in ("case", "carton") or size <= 1 or not a_case_could_cost(cost, size):
            continue
        read_as = name[: holds.start()] + f"{held} of {size}" + name[holds.end() :]
        out.append((sku, (ItemInfo(sku, read_as, cost), holds.group(0))))
    return tuple(out)


def noted(facts: Facts, read: Mapping[str, tuple[ItemInfo, str]]) -> Facts:
    """`facts` with the card's note when its item's case pack was read by the list's own
    convention."""
    if facts.sku is None or facts.sku not in read:
        return facts
    item, pack = read[facts.sku]
    note = (
        f"Read the item list's '{pack}' ({item.unit_cost}) for {facts.sku} as a case's "
        "cost: the list says 'ea' where it prices the piece"
    )
    return replace(facts, guesses=(*facts.guesses, Guess(note, P_LIST_CASE)))
