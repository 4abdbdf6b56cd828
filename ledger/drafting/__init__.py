"""Drafting: plain English -> journal entry drafts.

`draft(text, context)` is the one entry point. The offline reader is the default; the Claude
drafter (ledger.drafting.claude) produces the same Facts and ends in the same build_draft.
"""

from __future__ import annotations

from dataclasses import replace

from ledger.drafting import loose, shared
from ledger.drafting.build import build_draft, whole_message
from ledger.drafting.offline import read_requests
from ledger.drafting.reading import items as items_codes
from ledger.drafting.reading import listcase, measures, named, packs
from ledger.drafting.types import (
    AccountInfo,
    Draft,
    DraftContext,
    DraftError,
    DraftLine,
    Facts,
    Guess,
    ItemInfo,
)

__all__ = [
    "AccountInfo",
    "Draft",
    "DraftContext",
    "DraftError",
    "DraftLine",
    "Facts",
    "Guess",
    "ItemInfo",
    "build_draft",
    "draft",
    "warm_up",
]


WARM_UP_TEXT = "40 units obsolete SKU-12 at $15, 2 cs (12/cs) SKU-77 damaged in bay 3"


def warm_up() -> None:
    """Draft one message nobody sees, so the reader's patterns are built before the first
    real message arrives (their ASCII twins are built on first use: about half a second)."""
    from ledger.chart import default_chart_info

    draft(WARM_UP_TEXT, DraftContext(chart=default_chart_info()))


def draft(text: str, context: DraftContext) -> list[Draft]:
    """Every write-off the text asks for, one Draft each. Raises DraftError for text that is
    not a write-off request at all (empty, a greeting, a question)."""
    # ("Bacardi 750ml, 12/cs" in a list that says "ea" where it prices the piece: the case)
    cased = listcase.cased(context.items) if context.items else {}
    if cased:
        items_read = {**context.items, **{sku: item for sku, (item, _) in cased.items()}}
        context = replace(context, items=items_read)
    items = context.items
    # "FW05212 GTYN": a code with a space is read under a stand-in ("FW05212-GTYN")
    stand_ins = items_codes.spaced_stand_ins(items) if items else {}
    if stand_ins:
        back = {code: stand_in for stand_in, code in stand_ins.items()}
        items = {back.get(sku, sku): item for sku, item in items.items()}
        text = items_codes.join_spaced(text, stand_ins)

    def priced_by(sku: str) -> str | None:
        """What the item list prices a SKU by: a measure ("foot") or a holder ("reel"). Asked
        only of the codes a message names."""
        item = items.get(sku)
        if item is None:
            return None
        return measures.priced_per(item.name) or packs.sold_by(item.name)

    names = {sku: item.name for sku, item in items.items()}
    requests = read_requests(text, context.policy, items.keys(), priced_by, names)
    if items:
        requests = [named.by_list(facts, items) for facts in requests]
    if stand_ins:
        requests = [replace(f, sku=stand_ins.get(f.sku or "", f.sku)) for f in requests]
    if cased:
        requests = [listcase.noted(f, cased) for f in requests]
    drafts = [build_draft(facts, context) for facts in requests]
    if items and len(drafts) > 1:
        # "2 cases and 7 loose boxes": one write-off of the same goods, said as two parts
        drafts = loose.merged(list(zip(requests, drafts, strict=True)), context, build_draft)
    # the parts read together (see shared.py): "2 X + 4 Y, total 850" is both parts' total;
    # "1.2k in seed ruined: 8 bags X + 1 bag Y" a heading; "last month we topped up the
    # reserve. / this month write off 20 X" a story beside a request; "$500 for the lot - 20
    # torn X and 15 missing Y" one amount over two reasons
    passes = (shared.shared_total, shared.heading_total) if items else ()
    for across in (*passes, shared.done_before, shared.lot_total):
        if len(drafts) > 1 and len(drafts) == len(requests):
            drafts = across(list(zip(requests, drafts, strict=True)), context, build_draft)
    return whole_message(drafts)
