"""Facts + policy -> Draft: amounts recomputed in Decimal, accounts chosen by the policy,
confidence earned field by field. Pure: no I/O.

Both drafters (offline parser, Claude) end here, so the rules live in one place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ledger.drafting.reading import measures, packs
from ledger.drafting.reading.named import (
    a_case_could_cost,
    a_container_could_cost,
    case_pack_size,
    container_said,
    price_said_per,
    priced_by_its_pack,
    said_as_name,
)
from ledger.drafting.types import (
    BY_ITS_NAME,
    NO_COUNT_GIVEN,
    SKUS_LEFT_OUT,
    Draft,
    DraftContext,
    DraftLine,
    Facts,
    Guess,
    ItemInfo,
)
from ledger.money import format_money, quantize
from ledger.policy import Category, Kind, decide_accounts

BASE_CONFIDENCE = 0.97
# A draft with anything missing can never look trustworthy.
INCOMPLETE_CAP = 0.45
# Words the reader did not understand that could change the entry: never "sure" (>= 0.9).
UNCLEAR_CAP = 0.85
# A hedge, an "A or B", an amount-bearing part dropped: not approvable as it stands.
DOUBT_CAP = 0.45
UNUSUAL_FACTOR = Decimal(10)  # "far above the usual write-off"

P_NO_REASON = 0.3
# No reason given ("w/o 12 SKU-12"): drafted as the routine loss it most often is, never sure.
NO_REASON_CAP = 0.45
NO_REASON = (
    "No reason given: I assumed a routine loss (damaged, expired or obsolete). If the goods "
    "were stolen, missing on a count or something else, say so"
)
P_UNKNOWN_SKU = 0.08
P_PRICE_DIFFERS = 0.15
P_UNUSUAL_AMOUNT = 0.15
P_SQUARE = 0.15  # roofing squares of a line priced by the bundle: 3 bundles each, as a rule
P_NOT_ITS_COST = 0.15  # no count, and an amount near one item's cost but not it
P_TOTAL_CONFLICT = 0.35  # a stated total against quantity x price: never a sure draft
P_ITEMS_CONTAINER = 0.1  # counted in the container the item list prices by: shown, likely
P_ITEMS_CONTAINER_OTHER = 0.25  # counted in other containers than the list's: ask
# Counted in pieces of an item the list prices by a container of a known size ("60 eggs" of
# "Eggs, flat of 30"): the likely reading, shown, never sure (the count could be of flats)
P_PIECES_OF_CONTAINER = 0.25
# A bare count of an item the list prices by the dozen: dozens, or pieces? Likely dozens (the
# list's unit), never sure
P_DOZEN_COUNT = 0.2


def _by_the_dozen(item: ItemInfo) -> bool:
    return packs.sold_by(item.name) == "dozen"


# unit words that count pieces, not the item list's units ("40 pcs" of a box of 100 gloves)
_PIECE_WORDS = frozenset(
    ("pc", "pcs", "piece", "pieces", "individual", "individuals", "single", "singles", "loose",
     "each", "eaches", "ea")
)  # fmt: skip
# what one piece of a case pack comes in: "13 tubes" of "caulk 10.1 oz CS/12" are 13 of the 12
_PIECES_OF_A_CASE = frozenset(
    ("bottle", "can", "tin", "tube", "jar", "tub", "roll", "bag", "pouch", "packet", "bar",
     "box", "spool", "cartridge", "jug", "carton")
)  # fmt: skip
# a piece's container as the floor shortens it: "6 btl", "3 btls"
_ABBREVIATED = {"btl": "bottle", "bt": "bottle", "cn": "can", "jr": "jar", "tb": "tube"}
# what an item list's container holds, by name: "pallet of 42 bags" -> "bags"
_HELD_NOUN = re.compile(r"\bof\s+\d+\s+([a-z]{3,})", re.IGNORECASE)
# a price said to be a unit's: "$4 each", "2.10 ea", "@ $9", "$20/cs", "per case"
_PER_UNIT_SAID = re.compile(
    # (glued to the figure too: "$405ea")
    r"(?:\b|(?<=\d))(?:each|ea|apiece|per|pc|pcs|unit|a\s+(?:piece|unit|case|box|bag|roll|pack"
    r"|lb|pound|dozen|pop|pc|head|bottle|can|jar|tube))\b"
    r"|/\s*[a-z]|@",
    re.IGNORECASE,
)
# the containers goods are shipped and stored in, not sold in: counted out to their pieces
_BULK = frozenset(
    ("case", "carton", "box", "bag", "bundle", "pallet", "bale", "lift", "crate", "tray",
     "flat", "sleeve", "drum", "tote", "caddy", "cart", "layer", "brick", "inner", "shipper",
     "gross", "tube", "display", "kit",
     # (packs, rolls, cards, reams and dozens counted out to pieces stay pieces: the writers
     # of held-out rounds 179-180 counted the pieces 45 times to none)
     "pack", "roll", "card", "ream", "dozen")
)  # fmt: skip
# "12 6pks", "8 3-pks", "40 4-packs": a count of packs named by their size
_SIZE_NAMED_PACKS = re.compile(r"\b\d+\s+\d+\s*-?\s*(?:pks?|packs?)\b", re.IGNORECASE)
# containers the goods travel in, counted whole out to pieces when the list's name gives their
# size (the golden table's convention); retail packs, sets and pairs stay the list's unit
_WHOLESALE = frozenset(
    (
        "case",
        "carton",
        "box",
        "bag",
        "bundle",
        "pallet",
        "tray",
        "flat",
        "sleeve",
        "rack",
        "crate",
        "tote",
        "bale",
        "lift",
        "cube",
        "drum",
        "dozen",
        "roll",
        "unit",
        "sack",
        "pail",
        "reel",
    )
)
_NOT_PIECES = frozenset(("unit", "units", "u", "item", "items", "sku", "skus"))
_WORD = re.compile(r"[a-z]+")
_COUNTED_WORD = re.compile(r"\d\s*([a-z]+)(?:\s+([a-z]+))?")  # "2 flats", "3 full cases"
# A count of containers of unknown size ("2 pallets of SKU-12", "2 cs FUEL230") priced at the
# item list's cost, which is the cost of one item, not of a container of them, unless the item
# is the container ("2 boxes of BX-1042", "Shipping box 18in"): how many pieces is not known,
# so the draft is in doubt.
P_CONTAINER_COST = 0.5


def _fmt_qty(q: Decimal) -> str:
    return format(q.normalize(), "f")


def _describe(facts: Facts, category: Category) -> str:
    what = facts.reason or category.value.replace("_", " ")
    parts = [what.capitalize()]
    if facts.quantity is not None and facts.sku:
        parts.append(f"{_fmt_qty(facts.quantity)} x {facts.sku}")
    elif facts.sku:
        parts.append(facts.sku)
    if facts.location:
        parts.append(f"at {facts.location}")
    return ": ".join(parts[:1]) + (" " + " ".join(parts[1:]) if len(parts) > 1 else "")


# An item the list prices at this or more, named with no count, is most likely one piece
# ("the pink strider" at $71, "the 5lb fire extinguisher" at $44: floor staff name the one
# piece they mean); cheaper goods are bought and lost by the handful, their count unknown
ONE_PIECE_COST = Decimal("20")
P_ONE_COSTLY = 0.55  # a count not written: the right guess, never approvable as it stands
# words that say many, or a bulk of goods: no single piece
# "they" who took or broke something are people, not the goods ("they took the hotsy")
_THEY = (
    r"they(?!\s+(?:took|grabbed|stole|cut|broke|smashed|ran|came|got|walked|made\s+off|swiped"
    r"|lifted|nabbed|snatched|pinched|jacked|busted|kicked))"
)
_MANY = re.compile(
    # ("the pallet jack", "whole bag is toast", "vendor says", "this", "plus": no many)
    r"\b(?:all|some|several|many|few|couple|lot|lots|batch|stock|inventory|goods"
    r"|pallets?(?!\s+jacks?\b)"
    rf"|cases?|cartons?|boxes|units|pcs|pieces|items|them|{_THEY}|those|these|every|both"
    r"|count|counted|qty|quantity|line|range|family|series|collection|product|shipment|order)\b"
    # ("x3", "x 12", "x two"; not the "X100V" a camera is called)
    r"|\bx\s*\d{1,3}\b|\bx\s+[a-z]|\$"
    r"|\b(?!(?:says|goes|does|gets|needs|looks|seems|makes|takes|comes|works|shows|wants"
    r"|keeps|leaks|stays|turns|fits|sits|runs|belongs)\b)[a-z]{2,}[b-hj-rtv-z]s\b",
    re.IGNORECASE,
)


# the goods called "it" ("scrap it", "write it down", "sell it at $2,600") and never "them"
_IT = re.compile(r"\b(?:it|it's|its|itself)\b", re.IGNORECASE)
_NOT_ONE = re.compile(
    rf"\b(?:them|{_THEY}|they're|those|these|all|both|each|every|several|some|few|couple)\b"
    r"|\b(?:pallets|cases|cartons|boxes|units|pcs|pieces|items|stock|inventory|lot|batch)\b",
    re.IGNORECASE,
)


# Whole boxes counted out to pieces: the golden table's way, though writers count either
P_WHOLE_PACKS = 0.1


# A write-down saying one price, below the list's cost: the new value, likely, not certain
P_ONE_PRICE_NEW_VALUE = 0.15


def _one_price_below_cost(facts: Facts, item: ItemInfo) -> bool:
    """Whether a write-down's only figure of value is one price below the item list's cost
    ("best we can get is 140 a pail", "market's at $22 a screen"), not said as the cost."""
    price = facts.unit_cost
    if price is None or facts.total is not None or not 0 < price < item.unit_cost:
        return False
    if (facts.new_unit_value, facts.reduction_per_unit, facts.reduction_fraction) != (
        None,
        None,
        None,
    ):
        return False
    # ("write down from $40": the cost said, the new value not)
    return not re.search(
        # (not "lower of cost or NRV puts it at $12.50": the value named between)
        rf"\b(?:from|cost|paid|carried|carry|book(?:ed)?)\b"
        rf"(?:(?!nrv|value|worth|market|sell|fetch|get)[^.;\n\d]){{0,20}}\$?\s?"
        rf"{re.escape(format(price, 'f'))}",
        facts.source_text,
        re.IGNORECASE,
    )


def _near(amount: Decimal, cost: Decimal) -> bool:
    """Whether `amount` is within half to twice `cost` (a positive cost)."""
    return cost > 0 and Decimal("0.5") <= amount / cost <= 2


def _a_pieces_price(price: Decimal, case_cost: Decimal, size: Decimal) -> bool:
    """Whether `price` reads as one piece's of a case of `size` the list prices at
    `case_cost`: a case's worth of it is near that cost, the price itself is not."""
    if price <= 0 or size <= 1:
        return False
    return _near(price * size, case_cost) and not _near(price, case_cost)


def _whole_packs_counted(
    facts: Facts, item: ItemInfo, kind: Kind
) -> tuple[str, Decimal, Decimal] | None:
    """Whole containers of the pack the item list prices ("3 BX" of "stem 50/BX" at the
    box's cost), counted as they are and nothing else: the container, its size and the count,
    else None."""
    quantity = facts.quantity
    if kind is Kind.WRITE_DOWN or quantity is None:
        return None
    if len(facts.containers) > 1:
        # ("1 pallet X (60 cs)", "2 cases (10 bx/cs)" of a line priced by the case or box: the
        # cases or boxes counted out of the outer ones, then their pieces; round 185)
        inner = [(c, n) for c, n in facts.containers if n == facts.quantity]
        by = priced_by_its_pack(item) or _listed_pack(item)
        if by is None or len(inner) != 1 or container_said(inner[0][0]) != by[0]:
            return None
        facts = replace(facts, containers=tuple(inner), notes=())
    if any(n.startswith("Quantity") and " x " in n for n in facts.notes):
        return None  # ("1 cs + 3 loose bx (10 bx/cs)": the message's own arithmetic, in boxes)
    by_its_pack = priced_by_its_pack(item) or _listed_pack(item)
    if by_its_pack is None or by_its_pack[1] <= 1 or by_its_pack[0] not in _WHOLESALE:
        return None
    held, size = by_its_pack
    said, count = facts.containers[0] if facts.containers else (facts.unit or "", quantity)
    if not said:
        # ("found 4 extra cs of SB23": the reading kept the count, not its word)
        after = re.search(
            rf"(?<![\w.]){re.escape(_fmt_qty(count))}\s+(?:extra|more|full|whole)\s+([a-z]+)",
            facts.source_text,
            re.IGNORECASE,
        )
        # ("4 FEL00703 cartons crushed": the word after the count and the code; round 189)
        after = after or _word_after_count(facts, item)
        said = after.group(1) if after else ""
    if container_said(said) != held or count != quantity:
        return None
    return held, size, count


# whole containers and loose pieces in one part: "1 case OIL-4S-QT plus 3 loose qts", "SQM-8
# 1 cs + 6 loose", "15 loose btls + 2 full cases of X" (the code written as "X")
_WHOLE_THEN_LOOSE = re.compile(
    r"(?<![\w.$/])(?P<w>\d{1,3}|an?|one)\s+(?:full\s+|whole\s+|sealed\s+|unopened\s+)?"
    r"(?P<c>[a-z]+)\b(?P<mid>[^+&;\n\d]{0,50}?)\s*(?:\+|\bplus\b|\band\b|&|\bw/)\s*"
    r"(?:another\s+)?(?P<l>\d{1,4})\s+(?P<lw>[a-z]+)",
    re.IGNORECASE,
)
_LOOSE_THEN_WHOLE = re.compile(
    r"(?<![\w.$/])(?P<l>\d{1,4})\s+(?P<lw>[a-z]+)(?P<mid>[^+&;\n\d]{0,50}?)\s*"
    r"(?:\+|\bplus\b|\band\b|&)\s*(?P<w>\d{1,3}|an?|one)\s+"
    r"(?:full\s+|whole\s+|sealed\s+|unopened\s+)?(?P<c>[a-z]+)\b",
    re.IGNORECASE,
)
_LOOSE_WORDS = frozenset(
    ("loose", "single", "singles", "individual", "extra", "ones", "more", "pcs", "pieces",
     "units", "ea", "each", "eaches", "open", "opened")
)  # fmt: skip


def _whole_and_loose(
    facts: Facts, item: ItemInfo, kind: Kind
) -> tuple[str, Decimal, Decimal, Decimal] | None:
    """Whole containers of the list's pack and loose pieces of it, said together in one part:
    (the container, its size, the containers, the loose pieces), else None."""
    if kind is not Kind.WRITE_OFF:
        return None
    listed = priced_by_its_pack(item) or _listed_pack(item)
    if listed is None or listed[1] <= 1 or not a_case_could_cost(item.unit_cost, listed[1]):
        return None
    held, size = listed
    text = re.sub(re.escape(item.sku), "X", facts.source_text, flags=re.IGNORECASE)
    text = re.sub(r"\(\s*\d+\s*/\s*[a-z]+\s*\)", " ", text)  # "(20/cs)": the size said
    # ("2 boxes of 25 + 10 loose ones" of "..., box of 25": the list's size said again)
    text = re.sub(rf"(?<=[a-z])\s+of\s+{_fmt_qty(size)}\b", " ", text, flags=re.IGNORECASE)
    nouns = _goods_nouns(item.name, held) | set(_PIECES_OF_A_CASE)
    found: list[tuple[Decimal, Decimal]] = []
    for m in (m for rx in (_WHOLE_THEN_LOOSE, _LOOSE_THEN_WHOLE) for m in rx.finditer(text)):
        word = m.group("lw").lower()
        if container_said(m.group("c")) != held or not (
            word in _LOOSE_WORDS
            or (
                _singular(_ABBREVIATED.get(_singular(word), word)) in nouns
                and container_said(word) != held
            )
        ):
            continue
        w = m.group("w").lower()
        cases = Decimal(1) if w in ("a", "an", "one") else Decimal(w)
        pieces = Decimal(m.group("l"))
        if cases and (pieces < size or word in ("loose", "single", "singles", "individual")):
            # ("2 full cases and 40 more" of a case of 12: not the pieces of an open case)
            found.append((cases, pieces))
    if len(found) != 1:
        return None
    return held, size, *found[0]


def _no_containers_cost(
    item: ItemInfo, held: str, size: Decimal, explanation: list[str], guesses: list[Guess]
) -> bool:
    """Whether the list's cost of whole containers counted ("3 bundles" of "Cake box 10x10x5,
    bundle of 100" at $0.68, "1 cs" of "Parchment sheets, 1000/cs" at $0.05) can be no such
    container's: then it is a piece's, and the card says so (round 279 drafted 300 cake boxes
    at $2.04, and 1,000 sheets of parchment at $0.05)."""
    if priced_by_its_pack(item) is not None or a_container_could_cost(item.unit_cost, held, size):
        # (a pack the list's name is read to price, "Crayons 24ct (box/24)" at $1.45, was
        # weighed against its cost already)
        return False
    explanation.append(f"{item.unit_cost} is no {held}'s cost: read as a piece's")
    guesses.append(Guess(f"the list's cost: per {held} or per piece?", P_WHOLE_PACKS))
    return True


def _note_whole_packs(
    whole: tuple[str, Decimal, Decimal],
    item: ItemInfo,
    explanation: list[str],
    guesses: list[Guess],
) -> None:
    """The card's arithmetic for whole containers of the list's pack counted out to pieces."""
    held, size, count = whole
    explanation.append(
        f"{_fmt_qty(count)} {_plural(held) if count != 1 else held} x {_fmt_qty(size)} per "
        f"{held} (the item list: {item.name}) = {_fmt_qty(count * size)} pieces"
    )
    guesses.append(Guess(f"{_plural(held)} or pieces: counted in pieces", P_WHOLE_PACKS))


# a container the list sells by its weight or volume: "box of 25 lb", "case of 40 lb"
_HOLDS_A_MEASURE = re.compile(
    r"\b(case|cs|box|bx|bag|sack|flat|crate|pail|tub|carton|ctn)\s+of\s+\d+(?:\.\d+)?\s*"
    r"(?:lb|lbs|kg|oz|gal|gallons?|pounds?|l|liters?|litres?)\b",
    re.IGNORECASE,
)


# a list's name that prices an area: "per sq ft", "/SF", "per square foot", "per m2"
_PER_AREA = re.compile(
    r"(?:\bper\s+|/\s*)(?:sq\.?\s*ft|sqft|sf|square\s+f(?:oo|ee)t|m2|sq\.?\s*m|square\s+met(?:er|re))\b",
    re.IGNORECASE,
)


def _counted_in_listed_containers(
    facts: Facts, item: ItemInfo, guesses: Sequence[Guess]
) -> list[Guess]:
    """A guess when the draft counts the list's containers of a known size ("12 cs" of
    "..., case of 24") and nothing said the count is theirs: writers count the cases or the
    24-to-a-case pieces (round 184: a pallet's cases, a share of boxes and a write-down of
    cases, each sure in cases where the writer counted pieces). Never sure."""
    held = priced_by_its_pack(item) or _listed_pack(item)
    sized = packs.size_of(item.name)
    unit = (facts.unit or "").lower()
    weighed = _HOLDS_A_MEASURE.search(item.name)
    if (
        held is None
        and weighed is not None
        and container_said(unit) == container_said(weighed.group(1))
    ):
        # ("3 boxes TOM-ROMA" of "Roma tomatoes, box of 25 lb": 3 boxes or 75 lb? a grocer's
        # writer counted the pounds; round 196): never sure
        word = _plural(container_said(unit) or unit)
        return [Guess(f"{word} or what they weigh: counted in {word}", P_WHOLE_PACKS)]
    if held is None and sized is not None and sized[0] in _RETAIL_HOLDERS and sized[1] > 1:
        # ("7 bottles of X" of "Atorvastatin 20mg tabs (bottle of 500)": the bottles or their
        # 3,500 tablets? a pharmacy's writer counted tablets, a drugstore's bottles; round 186)
        if _singular(_ABBREVIATED.get(unit, unit)) in ("bottle", "btl", "jar"):
            word = _plural(sized[0])
            return [Guess(f"{word} or the pieces in them: counted in {word}", P_WHOLE_PACKS)]
        return []
    if held is None or held[1] <= 1 or held[0] in ("pair", "pack", "set"):
        return []
    said = [container_said(c) for c, _ in facts.containers] or [container_said(facts.unit or "")]
    if said[-1] != held[0] or any(g.penalty >= P_WHOLE_PACKS for g in guesses):
        return []
    word = _plural(held[0])
    return [Guess(f"{word} or the pieces in them: counted in {word}", P_WHOLE_PACKS)]


def _part_of_a_listed_pack(facts: Facts, item: ItemInfo) -> str | None:
    """The container, when the count is a part of one ("1.5 cases", "half a box") that the
    item list's name names ("..., case of 12"), else None."""
    if len(facts.containers) == 1:
        said, count = facts.containers[0]
    elif not facts.containers and facts.unit and facts.quantity is not None:
        # ("1.5 cases butter BTR36CS" of "..., case of 36": counted in cases with a figure;
        # round 181, sure in cases where the writer counted 54 pieces)
        said, count = facts.unit, facts.quantity
    else:
        return None
    held = container_said(said)
    if held is None or count == count.to_integral_value() or facts.quantity != count:
        return None  # (whole ones, or a part the message counted in pieces: "(12/cs)")
    return held if re.search(rf"\b{held}", item.name, re.IGNORECASE) else None


# "$215 of the ST-55 stock", "$215 worth of X": money's worth of goods, no count of them
_WORTH_OF = re.compile(r"(?:\$\s?[\d,.]+k?|\bworth)\s+(?:worth\s+)?of\b", re.IGNORECASE)


def _plural(noun: str) -> str:
    return noun + ("es" if noun.endswith(("x", "s", "ch", "sh")) else "s")


# words of many that say no goods: a lot or a case that is a place ("stolen from the back lot",
# "took the X100V out of the used case"), and the legs goods grow ("the kicker on the rack grew
# legs": round 272); read as a place word ("yard"), which says no count
_NO_MANY_SAID = re.compile(
    r"\b(?:back|rear|front|side|parking|car|overflow|storage|staff|employee|gravel|dirt|truck"
    r"|trailer|yard|north|south|east|west|upper|lower)\s+lot\b"
    r"|\b(?:from|in|on|at|across|off)\s+the\s+lot\b|\b(?:grew|grown|growing|sprouted)\s+legs\b"
    r"|\b(?:display|used|glass|show|jewel(?:le)?ry|trophy|locked|gun|knife|counter|pastry|deli"
    r"|watch|ring|wall)\s+case\b"
    # ("dropped off the forks", "rusted all over", "from lot TM-22": a place, an idiom and a
    # lot's number; round 278-281 asked the count of one costly piece)
    r"|\b(?:off|on|from)\s+the\s+forks\b|\ball\s+over\b|\blot\s*#?\s*[a-z]{0,4}-?\d[\w-]*",
    re.IGNORECASE,
)


_NAME_WORD = re.compile(r"[a-z]{3,}", re.IGNORECASE)


def _one_said(text: str, kind: Kind, name: str = "") -> bool:
    """Whether a message naming a costly item with no count speaks of one: nothing plural, or
    the goods called "it" with no word of many; a write-down of a named item with only a new
    value ("write down RB-0019 to $1,900") is of the one. The words of the item's `name` are
    its own, never many ("the new mutants 98 cgc 8.0" of "New Mutants 98 CGC 8.0")."""
    text = _NO_MANY_SAID.sub("yard", text)
    for word in _NAME_WORD.findall(name):
        text = re.sub(rf"\b{re.escape(word)}\b", " ", text, flags=re.IGNORECASE)
    if not _MANY.search(text):
        return True
    if _NOT_ONE.search(text):
        return False
    return kind is Kind.WRITE_DOWN or bool(_IT.search(text))


def _by_the_items_container(
    facts: Facts,
    item: ItemInfo,
    explanation: list[str],
    warnings: list[str],
    guesses: list[Guess],
) -> Facts:
    """An item the item list prices by a container ("Hinged to-go container, carton of 150"
    at $41.70) counted in those containers and multiplied out to pieces ("3 ctn (150/ctn)"):
    the cost is per carton, so the count is the cartons. Counted in other containers, which
    the list's cost is per is unknown: the card asks."""
    if not facts.containers:
        return facts  # (containers of unknown size: _container_of_unknown_size)
    by = packs.sold_by(item.name)
    if by is None:
        return facts
    size = case_pack_size(item.name, by) if by in ("case", "carton") else None
    if size is not None and not a_case_could_cost(item.unit_cost, size):
        return facts  # ("Ceramic Coffee Mug 11oz 24/CS" at $0.71: the mug's cost)
    count = dict(facts.containers).get(by)
    if count is not None:
        if facts.quantity is not None and count != facts.quantity:
            explanation.append(
                f"The item list prices {item.sku} by the {by} ({item.name}): {_fmt_qty(count)} "
                f"{_plural(by) if count != 1 else by}, not the {_fmt_qty(facts.quantity)} pieces"
            )
            guesses.append(Guess(f"counted by the item list's {by}", P_ITEMS_CONTAINER))
            return replace(facts, quantity=count, unit=by)
        return facts
    warnings.append(
        f"The item list prices {item.sku} by the {by} ({item.name}); the message counts "
        f"{', '.join(c for c, _ in facts.containers)}: check the quantity"
    )
    guesses.append(Guess(f"the item list prices {item.sku} by the {by}", P_ITEMS_CONTAINER_OTHER))
    return facts


# containers sold whole off a shelf, whose pieces (tablets, gummies) nobody counts on it
_RETAIL_HOLDERS = frozenset(("bottle", "jar"))
# what goods sold by length come on, and the lengths: "3 rolls" of "..., roll of 40 yd"
_LENGTH_HOLDERS = frozenset(("roll", "spool", "reel", "bolt", "coil", "hank", "cone"))
_LENGTHS = frozenset(("foot", "yard", "metre", "inch"))
_PIECES_SAID = re.compile(r"(?<![\w.])\d+\s*(?:pcs|pieces)\b", re.IGNORECASE)
# a retail pack the list's name prices ("..., 6pk"), not what one holds ("Puzzle 1000 pc")
_RETAIL_PACK = re.compile(r"(?<![\w.])\d+\s*-?\s*(?:pk|pack)\b", re.IGNORECASE)
_LOOSE_PIECES = re.compile(
    r"\b(?:tablets?|tabs?|caplets?|capsules?|caps|pills?|softgels?|gumm(?:y|ies)|lozenges?"
    r"|loose|singles?)\b",
    re.IGNORECASE,
)


def _pieces_in_it_unsaid(facts: Facts, item: ItemInfo) -> str | None:
    """The container, when whole ones the list prices by are counted as they are, the
    pieces in each said only by the list's name ("..., carton of 10 packs"), else None."""
    sized = packs.size_of(item.name)
    by = packs.sold_by(item.name)
    said = container_said(facts.unit or "")
    if (
        sized is not None
        and sized[0] == "bunch"
        and facts.quantity is not None
        # ("bunches" may reach here spelt as "bundles": a bunch of the list's either way)
        and ((facts.unit or "").lower() in _BUNCHES or _BUNCHES_SAID.search(facts.source_text))
    ):
        # ("1 1/2 bunches" of "Seeded eucalyptus, bunch of 10": florists count the bunches
        # and the stems in them both; round 211's writer counted 15 stems, earlier writers
        # the bunches: never sure)
        return "bunch"
    on_it = measures.holder_size(item.name)
    if (
        by in _LENGTH_HOLDERS
        and on_it is not None
        and on_it[1] in _LENGTHS
        and (said == by or not facts.unit)
        and facts.quantity is not None
        and facts.quantity == facts.quantity.to_integral_value()
        and not any(n.startswith("Quantity") and " x " in n for n in facts.notes)
    ):
        # "1 roll WEB-3.5-40", "write off 1" of "..., roll of 40 yd": one roll, or 40 yards?
        # Writers count both (rounds 218-223 the yards and feet; the golden table the
        # spools and bolts), the money alike: never sure
        return by
    if sized is None or sized[0] != by or sized[1] <= 1 or by in (None, "pair") or said != by:
        return None  # ("4 pairs of socks": nobody counts the single socks)
    if facts.quantity is None or facts.quantity != facts.quantity.to_integral_value():
        return None
    # (the message's own arithmetic, "2 cs (10 boxes/cs)", said how it counts)
    return None if any(n.startswith("Quantity") and " x " in n for n in facts.notes) else by


# (a florist's "bn" too: "2 bn of 10", "x 1 bn"; round 214)
_BUNCHES = frozenset(
    ("bunch", "bunches", "bunchs", "bnch", "bnchs", "bu", "bn", "bns", "bundle", "bundles", "bdl",
     "bdls")
)  # fmt: skip
_BUNCHES_SAID = re.compile(r"\b(?:bunch(?:e?s)?|bnchs?|bns?)\b", re.IGNORECASE)
# what a case pack's pieces come in ("1000mL bag CS/12", "8 oz tub CS/12"): counted, pieces
_INNER_CONTAINERS = frozenset(
    ("bag", "bottle", "can", "jar", "tube", "pouch", "tub", "pail", "jug", "carton", "sleeve")
)
# containers smaller than a case, counted out to pieces ("2 sleeves (50/slv)")
_SMALLER_CONTAINERS = frozenset(("sleeve", "pack", "box", "bag", "tube", "roll", "bundle", "tray"))
_SINGLES = re.compile(r"\b(?:singles?|loose|one\s+of\s+(?:the|each)\s+pair|left|right)\b", re.I)


def _goods_counted(facts: Facts, item: ItemInfo, held: str) -> bool:
    """Whether the count is of the goods the list's name says, not of its container, which
    the message names without a count of its own ("50 nitrile L gloves torn, box got wet")."""
    if facts.quantity is None:
        return False
    nouns = _goods_nouns(item.name, held)
    # (the head of the words said for the goods: "nitrile L gloves", not "x-acto #11 boxes")
    heads = [
        _WORD.findall(n.lower())[-1] for n in said_as_name(facts, item.sku) if _WORD.findall(n)
    ]
    named = {_singular(h) for h in heads if h.endswith("s")}  # (counted goods: the plural)
    counted_box = re.search(
        rf"\b(?:\d+|an?|one|two|three|four|five|six|ten|twelve)\s+(?:\w+\s+)?{held}(?:e?s)?\b",
        facts.source_text,
        re.IGNORECASE,
    )
    return bool(nouns & named) and counted_box is None


def _one_measure_each(name: str, unit: str) -> bool:
    """Whether the list's name makes each piece one of the measure counted ("... oil qt
    CS/12", "... 1 gal CS/4" counted in "qts", "gal"): a measure word alone or after a 1."""
    counted = measures.measure(unit)
    return counted is not None and any(
        measures.measure(m.group(1)) == counted for m in _ONE_MEASURE.finditer(name)
    )


# a measure word in a name, alone or after a 1: "oil qt", "bleach 1 gal"
_ONE_MEASURE = re.compile(r"(?:(?<![\d./])\b|(?<![\d.])1\s?)([a-z]{1,6})\b", re.IGNORECASE)


_RETAIL_PACK_IN_NAME = re.compile(r"(?<![\w.])(\d+|twin|double|triple)\s*-?\s*(?:pk|pack)\b", re.I)


# a name that says what one piece is ("Energy drink 16oz can"): its cost is the piece's
_ONE_PIECE_NAMED = re.compile(
    r"\b(?:can|bottle|btl|jar|bar|tube|pouch|cup|each|ea|single|unit|piece|pc)\s*(?:,|$|\()",
    re.IGNORECASE,
)


_SIZE_SPELT = {
    "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "8": "eight", "10": "ten",
    "12": "twelve", "24": "twenty-four",
}  # fmt: skip


def _retail_packs_counted(facts: Facts, item: ItemInfo) -> Facts:
    """`facts` counting retail packs of the size the item list prices ("2 everydrop 3pks" of
    "... PK/3"): the packs are the list's unit and the quantity, as the golden table's
    convention has it ("12 4pks" stays 12 packs); the reading had multiplied them out."""
    by_its_pack = priced_by_its_pack(item)
    size_said = _fmt_qty(by_its_pack[1]) if by_its_pack else ""
    if by_its_pack is None:
        # ("5 RX-TWIN-2220 twin packs" of "Rain-X Latitude twin pack 22in+20in": the name's
        # own retail pack)
        in_name = _RETAIL_PACK_IN_NAME.search(item.name)
        if in_name is not None:
            word = in_name.group(1).lower()
            size = Decimal(word) if word.isdigit() else packs.PACK_SIZE_WORDS[word]
            by_its_pack, size_said = ("pack", size), re.escape(word)
    packs_said = dict(facts.containers).get("pack")
    spelt = _SIZE_SPELT.get(size_said)  # ("5 four-packs" of "flare kit, 4-pack")
    if spelt:
        size_said = f"(?:{size_said}|{spelt})"
    if (
        by_its_pack is None
        or by_its_pack[0] != "pack"
        or not packs_said
        or len(facts.containers) != 1
        or facts.quantity != packs_said * by_its_pack[1]
        # (the pack named by its size, "3pks", "3-packs"; "6 pks of 50 nail files" and
        # "2 pk (10/pk)" state the pack arithmetic: the pieces, as cases of so many are)
        or not re.search(
            rf"(?<![\d.]){size_said}\s*-?\s*(?:pk|pack|ct)s?\b",
            facts.source_text,
            re.IGNORECASE,
        )
    ):
        return facts
    note = (
        f"Counted {_fmt_qty(packs_said)} packs of {_fmt_qty(by_its_pack[1])}, the item list's unit"
    )
    return replace(facts, quantity=packs_said, containers=(), notes=(*facts.notes, note))


# what an item of the list can itself be, holding the pieces its name counts ("4x3 label roll,
# 500 ct"): counted by that word, the message counts whole ones
_HOLDS_ITS_COUNT = packs.CONTAINER_WORDS | {"roll", "rolls", "spool", "spools", "reel", "reels"}


def _whole_ones_counted(
    facts: Facts, item: ItemInfo, sized: tuple[str, Decimal], unit: str
) -> bool:
    """Whether the message counts the list's own units, not pieces of them: "2 rolls" of
    "ingredient label roll, 500 ct" (the roll is the item); "bread bag boxes ... 3 short" of
    "bread bag, 1000 ct box" (the boxes are the goods said, with no count of bags)."""
    name_words = {_singular(w) for w in _WORD.findall(item.name.lower())}
    said = _singular(unit)
    # (not "mailer box ... pack of 50": the pack, which the name says, holds the boxes)
    pack_said = name_words & {"pack", "pk", "pkt", "packet"}
    if sized[0] == "pack" and said in _HOLDS_ITS_COUNT and said in name_words and not pack_said:
        return True
    if unit or sized[0] == "pack":
        return False
    told = facts.source_text.lower().replace(item.sku.lower(), " ")
    plural = re.search(rf"\b[a-z]+\s+{sized[0]}(?:e?s)\b", told)  # ("bread bag boxes")
    return plural is not None and not _goods_counted(facts, item, sized[0])


def _a_piece_of(word: str, item: ItemInfo, container: str) -> bool:
    """Whether `word` (singular) names a piece of the list's `container`: a bottle, a jug, a
    can; or what the list's name says it is ("9 bags" of "... retail bag, case of 12", "45
    lids" of "... lid, case of 40"). Not a carton, a box or a bag the name does not name:
    "1 STK-4PK carton" of a 4-pack is the pack itself."""
    one = _ABBREVIATED.get(_singular(word), _singular(word))
    if not one or one == container or packs.holder(one) == container:
        return False
    # (said in the plural, as goods are counted: "12 X black" is no count of blacks)
    named = word.endswith("s") and one in {_singular(w) for w in _WORD.findall(item.name.lower())}
    if one in ("carton", "box", "bag"):
        return named
    # (a container word may name the goods themselves: "Tack Strip 4ft, carton of 100")
    goods = named and one in _goods_nouns(item.name, container)
    return one in _PIECES_OF_A_CASE or (
        named and len(one) > 2 and (goods or not packs.container(one))
    )


def _piece_word(facts: Facts, item: ItemInfo, unit: str) -> str:
    """What the count counts, as said: the reading's unit, else the word after the count or
    after the code ("8 jugs", "2 X bottles")."""
    if unit:
        return unit.lower()
    # (a whole word: not the letters of a code, "40 TB25-3PK" is no 40 tubes)
    after = _word_after_count(facts, item, whole=True) or re.search(
        rf"(?<![\w-]){re.escape(item.sku)}\s+([a-z]+)(?![\w-])", facts.source_text, re.I
    )
    if after is None:
        return ""
    # ("150 tack strips" of "Tack Strip 4ft, carton of 100": the goods in two words, the
    # last the one counted, a container's word that is the goods' own)
    second = re.match(r"\s+([a-z]+)(?![\w-])", facts.source_text[after.end() :], re.I)
    name_words = {_singular(w) for w in _WORD.findall(item.name.lower())}
    if (
        second is not None
        and second.group(1).lower().endswith("s")
        and packs.container(second.group(1).lower())
        and _singular(second.group(1).lower()) in name_words
        and _singular(after.group(1).lower()) in name_words
    ):
        return second.group(1).lower()
    return after.group(1).lower()


def _word_after_count(facts: Facts, item: ItemInfo, whole: bool = False) -> re.Match[str] | None:
    """The word after the count (or after the count and the code): "9 btls", "6 X bottles";
    `whole`: only a whole word, not the start of a code ("40 TB25-3PK")."""
    return re.search(
        rf"(?<![\w.])x?\s?{re.escape(format(facts.quantity, 'f'))}\s+"
        rf"(?:{re.escape(item.sku)}\s+)?([a-z]+)" + (r"(?![\w-])" if whole else ""),
        facts.source_text,
        re.IGNORECASE,
    )


def _contents_counted(
    facts: Facts, item: ItemInfo, contents: tuple[Decimal, str], unit: str
) -> tuple[str, Decimal] | None:
    """Of an item whose name counts what one holds ("Zyrtec 10mg tablets, 45 ct"), a count
    is of the item itself ("12 zyrtec", "9 bottles", "8 ea"), unless the words counted are
    its contents, named in the plural as the name names them ("12 tablets", "60 eggs")."""
    after = None if unit else _word_after_count(facts, item)
    word = unit or (after.group(1).lower() if after else "")
    named = {_singular(w) for w in _WORD.findall(contents[1].lower())}
    plural = (
        len(word) > 3 and word.endswith("s") and not (packs.container(word) or packs.holder(word))
    )
    return ("pack", contents[0]) if plural and _singular(word) in named else None


# the reading's note of whole containers and loose pieces: "Quantity 1 cs x 12 per case = 12,
# plus 6 loose = 18"
_WHOLE_PLUS_LOOSE = re.compile(
    r"Quantity \d+(?:\.\d+)? (?P<c>[a-z]+) x (?P<s>\d+) per [a-z]+ = \d+, plus \d+ loose"
)


# the reading's note of a share of one container: "Quantity half of the box of 12 = 6"
_PART_OF_ONE = re.compile(r"Quantity [a-z ]+ of the (?P<c>[a-z]+) of (?P<s>\d+) = ")


# a case and a carton of the same count are one container said two ways ("half a case of
# SC-SRI-CT (12 btl/case)" of "Sriracha 17oz, carton of 12"; round 166 priced 6 cartons)
_CASE_WORDS = frozenset(("case", "carton"))


def _same_container(said: str | None, listed: str) -> bool:
    return said == listed or (said in _CASE_WORDS and listed in _CASE_WORDS)


def _listed_pack(item: ItemInfo) -> tuple[str, Decimal] | None:
    """The container the list's name sells the item by, with its size ("..., case of 12",
    "(case/12)")."""
    sized = packs.size_of(item.name)
    # ("Sharps container 2 gal, case of 20": "container" is the goods, the case is sold)
    if sized and packs.sold_by(item.name) in (sized[0], "container"):
        return sized
    if sized and packs.CELLS.search(item.name):
        return sized  # ("Wave Petunia, 48-cell flat": the flat of 48 plants is sold)
    slashed = _CONTAINER_SLASH_SIZE.search(item.name)
    held = container_said(slashed.group(1)) if slashed else None
    if slashed is None or held is None:
        return None
    return held, Decimal(slashed.group(2))


# "(case/12)", "CS/24", "bx/100", ", bundle 250": a container and its count after a slash,
# or after a space when they end the name
_CONTAINER_SLASH_SIZE = re.compile(
    r"\b(case|cs|box|bx|carton|ctn|bag|bg|tray|flat|sleeve|slv|bundle|bdl|pallet|plt)"
    # ("KRAFT HANDLE BAG 1/6 BBL, bundle 250": the count after a space, ending the name)
    r"(?:\s*/\s*|\s+(?=\d{1,5}\s*$))(\d{1,5})\b",
    re.IGNORECASE,
)


def _taken_out_of(facts: Facts, item: ItemInfo, held: str) -> bool:
    """Whether the count is of pieces taken out of the list's container: "8 cartons from
    OAT32-12" of "... (case of 12)", "pulled 4 tubes out of a box of TB26SV" (round 181:
    drafted as 8 cases, 4 boxes)."""
    if facts.quantity is None or facts.quantity != facts.quantity.to_integral_value():
        return False
    said = container_said(facts.unit or "")
    counted = dict(facts.containers)
    if said == held or held in counted or any(n != facts.quantity for n in counted.values()):
        return False  # ("2 cases from the OAT32-12 pallet": whole ones)
    m = re.search(
        rf"(?<![\w.]){_fmt_qty(facts.quantity)}\s+(?:[a-z][\w'-]*\s+){{1,3}}?(?:from|out\s+of|outta)"
        rf"\s+(?:an?\s+|the\s+|one\s+|our\s+)?(?:[a-z]+\s+(?:of\s+)?)?{re.escape(item.sku)}(?![\w-])",
        facts.source_text,
        re.IGNORECASE,
    )
    return m is not None


def _dozens_counted(facts: Facts) -> set[str]:
    """The containers counted, a gross read as its dozens ("a gross of X pens": 12 dozen)."""
    kinds = set(dict(facts.containers))
    return kinds - {"gross"} if "dozen" in kinds else kinds


def _pieces_of_the_items_container(facts: Facts, item: ItemInfo) -> tuple[str, Decimal] | None:
    """The item list prices the item by a container of a known size and the message counts
    the pieces in it ("200 SKU-90 bolts" of "Bolts, box of 50"; "12 bottles" of "Water
    24-pack"): the container and its size, else None."""
    if facts.quantity is None:
        return None
    by_its_pack = priced_by_its_pack(item)  # ("WIRENUT BX/100" at $14.90: the box's cost)
    if (
        by_its_pack is not None
        and by_its_pack[0] in _RETAIL_HOLDERS
        and not _LOOSE_PIECES.search(" ".join((facts.source_text, *said_as_name(facts, item.sku))))
    ):
        # "3 dozen ANTAC-96" of "Antacid chewable tablets, btl/96": nobody counts the tablets
        # of a bottle on a shelf; 36 bottles, not 36 tablets (round 169)
        return None
    out_of = by_its_pack or _listed_pack(item)
    if out_of is not None and out_of[1] > 1 and _taken_out_of(facts, item, out_of[0]):
        return out_of
    cases = dict(facts.containers).get(by_its_pack[0]) if by_its_pack else None
    if by_its_pack is not None and cases is None and len(facts.containers) == 1:
        # ("12 of the 200-ct sleeves" of "... 200/SL": a 200-count the reading called a pack
        # is the list's sleeve of 200)
        word, count = facts.containers[0]
        cases = count if word == "pack" else None
    if by_its_pack is not None and cases and facts.quantity == cases * by_its_pack[1]:
        return by_its_pack  # "3 cs of valve oil (24/cs)" of "... CS/24": 72 pieces, 3 cases
    said_pack = by_its_pack or _listed_pack(item)
    said_cases = dict(facts.containers).get(said_pack[0]) if said_pack else None
    if (
        said_pack is not None
        and said_cases
        and facts.quantity == said_cases * said_pack[1]
        and a_case_could_cost(item.unit_cost, said_pack[1])
    ):
        # ("3 cs 4S1030-CS (12/cs)" of "... (case/12)" at $78: the 36 pieces at the 3 cases'
        # cost, not 36 x $78; round 188 drafted $2,808.00 at 0.97)
        return said_pack
    # the reading's own arithmetic on the list's container: "1 cs plus 6 loose rolls (12/cs)"
    # of "... 12 RL/CS" is 18 rolls; "half a box of the chains (12/bx)" of "... (12/BX)" at
    # the box's $54.00 is 6 chains at half the box's cost, not 6 boxes (0.87)
    # ("half a bag of B2B-XH-A (100/bag)" of "JST XH header, bag of 100" at $4.10: half the
    # bag's cost, not 50 bags; round 163 drafted $205.00 at 0.97)
    sized = packs.size_of(item.name)
    listed = by_its_pack or (sized if sized and packs.sold_by(item.name) == sized[0] else None)
    for noted in (_WHOLE_PLUS_LOOSE, _PART_OF_ONE):
        noted_said = next(filter(None, map(noted.match, facts.notes)), None)
        if (
            listed is not None
            and noted_said is not None
            and _same_container(container_said(noted_said.group("c")), listed[0])
            and Decimal(noted_said.group("s")) == listed[1]
        ):
            return listed
    said_unit = (facts.unit or "").lower()
    unit = _ABBREVIATED.get(_singular(said_unit), said_unit)  # ("2 btls": bottles)
    if by_its_pack is not None and unit and by_its_pack[0] in (container_said(said_unit), unit):
        return None  # "4 ct of bankers boxes" of "... CT/12": four cartons
    if unit == "units" and _dozens_counted(facts) == {"dozen"}:
        unit = ""  # ("half a dozen PSF-12-CS12 bottles": the reading's word for dozens)
    contents = packs.contents_count(item.name)
    if contents is not None and by_its_pack is None and not facts.containers:
        return _contents_counted(facts, item, contents, said_unit)
    if by_its_pack is not None and not unit:
        # ("631402 x3 bottles leaking": the word after the count, which the reading left)
        # ("6 PSF-12-CS12 bottles", "half a dozen PSF-12-CS12 bottles": or after the code)
        word_said = _piece_word(facts, item, "")
        word = _ABBREVIATED.get(_singular(word_said), _singular(word_said))
        unit = word if word in _PIECES_OF_A_CASE else ""
        name_words = {_singular(w) for w in _WORD.findall(item.name.lower())}
        plural = word_said.endswith("s")
        if plural and word in name_words and packs.holder(word) != by_its_pack[0] and len(word) > 2:
            return by_its_pack  # "SP-450 150 pots" of "4.5in standard pot black CS/500"
    if by_its_pack is not None and _singular(unit) in _PIECES_OF_A_CASE - {by_its_pack[0]}:
        # "9 bottles" of "valve oil 1.6 oz bottle, CS/24": what it holds, the case said or not
        # ("9 tubes are junk, leaked all over the inside of the case")
        return by_its_pack
    if by_its_pack is not None:
        # (a case the pieces were taken out of is no case counted: "17 rolls out of a CS/24")
        told = _TAKEN_OUT.sub(" ", facts.source_text.lower().replace(item.sku.lower(), " "))
        if any(packs.holder(w) == by_its_pack[0] for w in _WORD.findall(told)) and not (
            _goods_counted(facts, item, by_its_pack[0])
        ):
            by_its_pack = None  # ("toss the box", "5 collector boxes"): the container is said
    # (the case pack the name writes short wins: "1020 flat no holes CS/100" is a case of 100
    # flats, the 1020 their model)
    sized = by_its_pack or packs.size_of(item.name)
    if (
        by_its_pack is None
        and sized is not None
        and sized[0] in ("case", "carton")
        and not a_case_could_cost(item.unit_cost, sized[1])
    ):
        # ("Ceramic Coffee Mug 11oz 24/CS" at $0.71: a case of 24 at 71 cents is no case's
        # cost; the list costs the mug)
        return None
    if (
        by_its_pack is None
        and sized is not None
        and packs.sold_by(item.name) == sized[0]
        # (not a retail pack: "flare kit, 4-pack" is a kit of four, "7 kits" seven of them)
        and sized[0] != "pack"
        and a_case_could_cost(item.unit_cost, sized[1])
        and _a_piece_of(_piece_word(facts, item, unit), item, sized[0])
    ):
        # "2 GC-32Z-12 bottles", "w/o 8 jugs" of "..., case of 12": the bottles in the case,
        # each a twelfth of its cost (round 219 drafted 2 cases, and writers count bottles)
        return sized
    if (
        by_its_pack is None
        and sized is None
        and (slashed := _listed_pack(item)) is not None
        and slashed[0] != "pack"
        and a_case_could_cost(item.unit_cost, slashed[1])
        and _a_piece_of(_piece_word(facts, item, unit), item, slashed[0])
    ):
        # "7 of the B118A-CTN 1g boxes" of "... new work box, carton/100": the boxes the name
        # says are the pieces of the carton the list prices (round 231 drafted 7 cartons)
        return slashed
    if sized is not None and by_its_pack is None and _whole_ones_counted(facts, item, sized, unit):
        return None
    if sized is None and (
        _OUT_OF_A_PACK.search(facts.source_text)
        or _taken_out_of(facts, item, "pack")
        # ("patch cables PCH-6RA-6PK: 9 pcs with bad solder joints": pieces said as such;
        # round 229 drafted nine 6-packs)
        or (_PIECES_SAID.search(facts.source_text) and _RETAIL_PACK.search(item.name))
    ):
        # "4 cables from an open 10pk", "7 single sticks out of the 3pks": pieces taken out
        # of the pack the list's name counts ("USB-C CABLE 3FT 10PK", "OYSTER SAUCE 6/5LB")
        sized = packs.pack_of(item.name)
    if sized is None:
        return None
    if packs.priced_each(item.name) and (by_its_pack is None or packs.says_each(item.name)):
        return None  # ("COKE 20OZ EA 24/CS": the list prices the piece)
    if sized[0] == "pair" and (
        unit in ("pr", "prs", "pair", "pairs")
        or "pair" in dict(facts.containers)
        or re.search(r"\b(?:pairs|prs)\b", facts.source_text, re.IGNORECASE)
        or re.search(
            rf"(?<![\w.]){re.escape(format(facts.quantity, 'f'))}\s+(?:\w+\s+)?(?:pr|prs|pairs?)\b",
            facts.source_text,
            re.IGNORECASE,
        )
        # ("half a dozen chelsea boots": footwear is counted in pairs, singles said as such)
        or (packs.worn_in_pairs(item.name) and not _SINGLES.search(facts.source_text))
        # ("2 reading glasses" of "Reading glasses +1.50, pair": a word that is a pair)
        or _A_PAIR_BY_NAME.search(item.name)
    ):
        return None  # "14 pr" of a pair's line: the pairs counted
    if unit in ("dz", "doz", "dozen", "dozens") or (
        not unit and _dozens_counted(facts) == {"dozen"}
    ):
        # "2 dz spring bars" of a dozen's line: dozens counted; but "a dozen N95s" of a box of
        # 20 or "3 dozen lemons" of a case of 140 are 12 and 36 of its pieces
        goods = _AFTER_DOZEN.search(facts.source_text)
        boxed = goods is not None and packs.container(goods.group(1)) is not None
        if sized[0] == "dozen" or boxed:
            return None
        return sized
    name_words = {_singular(w) for w in _WORD.findall(item.name.lower())}
    held = packs.container(unit)
    inner = packs.inner_of(item.name)
    if held and held == inner and held != sized[0]:
        return sized  # "2 packs of" a "booster box, 36 packs": packs taken out of the box
    if (
        sized[0] in ("case", "carton")
        and held in _PIECES_OF_A_CASE - {sized[0]}
        and not facts.containers
        and a_case_could_cost(item.unit_cost, sized[1])
    ):
        # ("chewed thru 7 boxes" of "Water crackers 4.4 oz, case of 12" at $31.20: the boxes
        # a case holds, not 7 cases; round 204)
        return sized
    if held and (held == sized[0] or _singular(unit) not in name_words):
        return None  # ("250 trays" of "FOAM TRAY 2S 500/CS": the trays are the goods)
    # (a part that names its pieces counts them: "4 btls broken, 2 btls short", "1 case
    # expired + 5 jars short", "8 loose tins missing"; round 203-206 priced them as cases)
    part_names_its_pieces = unit in _PIECE_WORDS or (
        _singular(unit) in _PIECES_OF_A_CASE and held != sized[0]
    )
    if (
        any(g.message == f"Assumed this is {item.sku} too" for g in facts.guesses)
        and not part_names_its_pieces
        and not (
            _goods_nouns(item.name, sized[0])
            & {_singular(w) for w in _WORD.findall(facts.source_text.lower())}
        )
    ):
        # ("10 patty packs damaged and 4 missing": 4 more of what was counted; but "short 40
        # felt pads, and 1 box FP1-BX500 crushed" names the pads the box holds)
        return None
    names_read = said_as_name(facts, item.sku)
    named = " ".join(names_read).lower()
    # (the word the name's reading starts with is what was counted: "12 bunches of freedom
    # reds" of "Rose Freedom red bunch of 25", not "18 stems out of a playa blanca bunch")
    counted_as = [w[0] for w in (_WORD.findall(n.lower()) for n in names_read) if w]
    if any(
        sized[0] in (packs.priced_container(w), container_said(w)) for w in _WORD.findall(named)
    ) or any(_singular(w) == sized[0] for w in counted_as):
        return None  # ("25 tomato flats" of "TOMATO ASST 606 FLAT": the flats counted)
    held_in = dict(facts.containers)
    if (
        by_its_pack is not None
        and sized == by_its_pack
        and len(held_in) == 1
        and set(held_in) <= _SMALLER_CONTAINERS - {sized[0]}
        and facts.quantity > next(iter(held_in.values()))
    ):
        # "2 sleeves of 32oz cups (50/slv)" of "... Foam Cup CS/500": the 100 cups counted out
        # of smaller containers are pieces of the case the list prices
        return sized
    if facts.containers and (
        sized[0] == "dozen" or not _dozens_counted(facts) <= {"dozen", "pair"}
    ):
        return None  # ("3 dozen eggs out of a case of 15 dozen": 36 eggs of 180)
    # the goods said by the list's name were read as its code: what was said counts too
    text = facts.source_text.lower().replace(item.sku.lower(), " ")
    words = [w for m in _COUNTED_WORD.finditer(text) for w in m.groups() if w]
    counted = {packs.container(w) for w in words}  # the containers counted, by name
    if _taken_out(facts.source_text, item.sku) and sized[0] not in counted:
        return sized  # "18 gel pens from PEN-G2-BK12", "7 loose packs out of an SN-GUM-10P"
    words_counted = {_singular(w) for w in words}
    if inner is not None and inner in words_counted and sized[0] not in words_counted:
        return sized  # "2 PKM-SSP-BB packs" of a "booster box, 36 packs"
    if sized[0] in words_counted:
        return None  # "2 TUL-YEL-10 bunches" of "Tulips, bunch of 10": the bunches
    if "pair" in dict(facts.containers) and _PAIRS_HELD.search(item.name):
        return sized  # "500 pairs of EP-1100 earplugs" of "Foam earplugs, box of 200 pairs"
    if words_counted & _PIECE_NOUNS:
        return sized  # "35 stems of TUL-YEL-10": stems of a bunch of 10
    said = {_singular(w) for w in _WORD.findall(f"{text} {named}")}
    said |= {w[:-3] + "y" for w in _WORD.findall(text) if w.endswith("ies")}  # "batteries"
    nouns = {
        _singular(w)
        for w in _WORD.findall(item.name.lower())
        # (a container the list's own container holds is the goods: "FOAM TRAY 500/CS")
        if len(w) > 3
        and packs.container(w) in (None, *({"tray", "box", "bag", "tube", "jar"} - {sized[0]}))
        and w not in ("dozen", "each", "per")
    }
    if facts.containers and nouns & said:
        return sized  # "a dozen spark plugs 98079-5614G" of "Spark plug, box of 4": 12 plugs
    if held and held != sized[0] and _singular(unit) in _goods_nouns(item.name, sized[0]):
        return sized  # "25 mailer boxes" of "Kraft mailer box 10x8x2 pack of 50": the goods
    held_noun = _HELD_NOUN.search(item.name)
    if unit and held_noun is not None and _singular(unit) == _singular(held_noun.group(1).lower()):
        return sized  # "18 bags" of "concrete mix 80 lb pallet of 42 bags": 18 of the 42
    if (
        held in _INNER_CONTAINERS
        and held != sized[0]
        and _singular(unit) in name_words
        and sized == priced_by_its_pack(item)
    ):
        return sized  # "11 LR bags" of "Lactated Ringer's 1000mL bag CS/12": its bags
    head = _head_noun(item.name, sized[0])
    if head in counted and head != sized[0] and head not in _WHOLE_ONES:
        return sized  # "17 strips" of "Apivar Mite Strips, pack of 10": the goods, not packs
    if unit in _NOT_PIECES or any(counted) or _singular(unit) in _WHOLE_ONES & name_words:
        # ("7 kits" of "flare kit, 4-pack": the kits the list sells)
        return None  # "2 flats EGG-LG": the list's own containers, counted
    if unit and _singular(unit) == sized[0]:
        # ("a bottle of tramadol 50s" of "..., bottle of 1000": the bottle the list prices,
        # not one tablet of it; round 329 drafted $0.03)
        return None
    if unit and (unit in _PIECE_WORDS or measures.measure(unit) is None):
        return sized  # "12 bottles", "40 pcs"
    if unit and _one_measure_each(item.name, unit):
        return sized  # "8 qts" of "5W-30 small engine oil qt CS/12": eight of its quarts
    # no unit word: the goods said by the item list's own name for them ("60 eggs SKU-92",
    # "12 loose reeds" of "Clarinet reeds, box of 10", "24 glasses" of "Wine glass, per dozen")
    # (a short word of the name counts only as the goods' name was read: "6 kit kats" of "Kit
    # Kat 1.5 oz BX/36", not "hydraulic oil" beside "Oil-only absorbent pads bale of 100")
    if sized[0] == "pack" and _RETAIL_PACK_IN_NAME.search(item.name):
        # a retail pack ("flare kit, 4-pack", "NexGard chew, 6-pack") is counted as the list
        # counts it unless its pieces are said with the count: "expired flares ... qty 5" and
        # "obsolete nexgard: 12 NXG-L-6PK" are 5 and 12 packs (round 189 counted pieces), "7
        # kits" are kits, "9 flares" are flares
        after = _word_after_count(facts, item)
        word = _singular(after.group(1).lower()) if after else ""
        return sized if "loose" in said or (word in nouns and word not in _WHOLE_ONES) else None
    short = {_singular(w) for w in _WORD.findall(item.name.lower()) if len(w) == 3}
    read_as = {_singular(w) for w in _WORD.findall(named)}
    if any(packs.container(w) is None for w in short & read_as):
        return sized
    if sized == priced_by_its_pack(item) and any(
        packs.holder(w) in _INNER_CONTAINERS - {sized[0]} and w in name_words for w in read_as
    ):
        return sized  # "11 LR bags" of "... 1000mL bag CS/12": the bags the case holds
    if re.search(
        rf"(?<![\w.]){re.escape(format(facts.quantity, 'f'))}\s+(?:[a-z'-]+\s+){{0,3}}"
        rf"{re.escape(sized[0])}(?:e?s)?\b(?!\s+of\s+\d)",
        text,
    ):
        return None  # "1 pokemon booster box" of "... booster box, 36 packs": the box counted
    if any(_singular(w) == sized[0] for w in _WORD.findall(named)):
        return None  # "carprofen 100mg bottles x2" of "..., bottle of 60": the bottles
    if head and head not in _WHOLE_ONES and packs.container(head) is None:
        nouns.add(head)  # a short one too: "19 seal caps" of "Sealing Cap, pack of 10"
    return sized if "loose" in said or nouns & said else None


# words that name the whole thing a list sells, never a piece of it: "7 kits" of "flare kit,
# 4-pack" are seven kits
_WHOLE_ONES = frozenset(("kit", "set", "bundle", "pack", "pk", "box", "case"))
# goods named in the plural that are one thing, a pair ("glasses", "pliers", "jeans")
_A_PAIR_BY_NAME = re.compile(
    r"\b(?:glasses|sunglasses|eyeglasses|spectacles|goggles|binoculars|scissors|shears|pliers"
    r"|tongs|tweezers|pants|jeans|trousers|shorts|tights|leggings|overalls|pajamas|briefs)\b",
    re.IGNORECASE,
)
# the word after a count in dozens: "a dozen N95s", "3 dz boxes"
_AFTER_DOZEN = re.compile(r"\b(?:dozens?|doz|dz)\s+(?:of\s+)?(?:the\s+)?([a-z]+)", re.IGNORECASE)
# words that count single pieces of whatever holds them: "35 stems", "12 singles", "40 tablets"
_PIECE_NOUNS = frozenset(
    ("stem", "bloom", "single", "piece", "pc", "each", "eache", "loose", "individual", "stick",
     "tablet", "capsule", "sheet", "round", "shell", "pod", "sachet", "packet", "wipe")
)  # fmt: skip
_PAIRS_HELD = re.compile(r"\bof\s+\d+\s+(?:pairs?|prs?)\b", re.IGNORECASE)
# the reading's guess for a pair of goods it could not see named ("3 pairs of <the item>")
_PAIR_AS_TWO = "Read a pair as 2 pieces"
# a list's name of goods that are a pair as one piece, said in the singular as lists do
# ("Sitka Mountain Pant ... - XL", "Readers +2.50 spring hinge")
_A_PAIR_NAMED = re.compile(r"\b(?:pant|jean|trouser|readers?|cheaters?)\b", re.IGNORECASE)


def _pairs_of_goods_sold_as_pairs(facts: Facts, item: ItemInfo) -> Facts:
    """ "3 pairs of Sitka mountain pants" of "Sitka Mountain Pant - XL": the reading, which saw
    the item's name as the item, counted two pieces a pair; pants, glasses and boots are one
    piece a pair (round 263 drafted six pants at 0.67)."""
    pairs = dict(facts.containers).get("pair")
    if (
        pairs is None
        or facts.quantity != 2 * pairs
        or not any(g.message.startswith(_PAIR_AS_TWO) for g in facts.guesses)
        or not (
            _A_PAIR_BY_NAME.search(item.name)
            or _A_PAIR_NAMED.search(item.name)
            or packs.worn_in_pairs(item.name)
        )
        or _SINGLES.search(facts.source_text)
    ):
        return facts
    return replace(
        facts,
        quantity=pairs,
        guesses=tuple(g for g in facts.guesses if not g.message.startswith(_PAIR_AS_TWO)),
        notes=(*facts.notes, f"Quantity {_fmt_qty(pairs)}: {item.name} is one piece a pair"),
    )


# pieces taken out of the item's container: "out of a box of", "from the case", "from X"
_TAKEN_OUT = re.compile(
    # ("half the 30 cartridges in the open box": pieces in a box that was opened)
    r"\b(?:out\s+of|from|in(?=\s+(?:an?|the|that|this)\s+open))\s+"
    r"(?:(?:an?|the|one|that|this|each|our)\s+)?"
    r"(?:(?:open(?:ed)?|full|partial|broken|torn)\s+)?(?P<what>[\w-]+)",
    re.I,
)


# pieces said to come out of a pack: "out of an open 10pk", "from the opened case", "loose
# from a torn pack", "singles out of the 3pks"
_OUT_OF_A_PACK = re.compile(
    r"\b(?:out\s+of|from)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:open(?:ed)?|torn|split|broken|busted|ripped|damaged|crushed|partial)\b"
    r"|\d+\s*(?:pk|ct|pc)s?\b)|\b(?:loose|singles?)\b",
    re.IGNORECASE,
)


def _taken_out(text: str, sku: str) -> bool:
    """Pieces taken out of the item's container ("18 gel pens from PEN-G2-BK12", "4 bags out
    of a case of X", "from an open box"), not goods taken from a place ("from the front
    counter", "from the van")."""
    for m in _TAKEN_OUT.finditer(text):
        what = m.group("what")
        if what == sku or packs.holder(what) or what.lower() in ("dozen", "pack", "packs"):
            return True
    return False


def _measure_of_the_holder(facts: Facts, item: ItemInfo) -> tuple[str, Decimal] | None:
    """A measure of an item the list prices by a holder of a stated measure ("150 lb" of
    "Soybeans, 50 lb bag", "660 ft" of "Barbed wire, 1320 ft roll"): the holder and its size in
    the message's measure, else None."""
    said = measures.measure(facts.unit)
    if facts.quantity is None or said is None or facts.containers:
        return None
    if measures.priced_per(item.name) is not None:
        return None  # priced by the measure itself ("per ft"): the measure is the count
    held = measures.holder_size(item.name)
    if held is None:
        # ("250 lf" of "Drip edge type D alum 10ft, brown" at $9.15: 25 ten-foot lengths)
        length = _PIECE_LENGTH.search(item.name) if said == "foot" else None
        return ("length", Decimal(length.group(1))) if length else None
    size, unit = held
    if unit != said:
        factor = measures.convert(Decimal(1), unit, said)  # ("2.5 gal jug", 10 quarts)
        if factor is None:
            return None
        size *= factor
    return (packs.sold_by(item.name) or "holder", size)


# a piece of a length the list's name gives: "10ft", "20 ft stick", "16' length"
_PIECE_LENGTH = re.compile(
    r"(?<![\d./x-])(\d{1,2})\s*(?:ft|')(?:\s+(?:length|lengths|stick|sticks|piece|pc))?"
    r"(?![\w/])",
    re.IGNORECASE,
)


# the containers goods are stored in by the many, whose bare count is of their pieces: "w/o
# 18 CO2-16T-30, rusty" of "CO2 cartridge, box of 30" are 18 cartridges (round 304's writers
# counted the pieces 29 times to none; the list's retail packs, sets and pairs stay its unit)
# (a pallet too: "PAV-HOL-CHR -40" of "Holland paver, pallet of 520" is forty pavers; round
# 352 read 40 pallets, $14,560)
_BULK_HOLDERS = frozenset(
    ("box", "bag", "case", "carton", "bundle", "sleeve", "flat", "tray", "bale", "dozen", "pallet")
)


def _bare_count_of_a_bulk_item(facts: Facts, item: ItemInfo) -> tuple[str, Decimal] | None:
    """The list's bulk container and its size when the message counts the item bare, with
    no container or unit word ("broke 7 GL-PINT" of "Pint glass, dozen"; "CBL-SH-2100 short
    25" of "Shift cable, box of 100"): the count is of pieces, never sure. Else None."""
    if (
        facts.quantity is None
        or facts.quantity != facts.quantity.to_integral_value()
        or facts.containers
        # ("30 units crushed" of "Crayons 24ct, case of 48": "units" names no container, so
        # the count is as bare as "30 crushed"; round 326 drafted 30 cases, sure)
        or (facts.unit and facts.unit.lower() not in _NO_CONTAINER)
    ):
        return None
    sized = _sized_container(item) or (("dozen", Decimal(12)) if _by_the_dozen(item) else None)
    if sized is None or sized[0] not in _BULK_HOLDERS or sized[1] < _BULK_SIZE:
        return None  # ("3 CC-4" of "..., case of 4 jugs": three cases)
    if sized[0] != "dozen" and not _HOLDS_SO_MANY.search(item.name):
        return None  # ("broke 1 TCG-BB" of "booster box, 36 packs": the goods are the box)
    if not a_case_could_cost(item.unit_cost, sized[1]) or packs.priced_each(item.name):
        return None
    told = " ".join(
        (facts.source_text.lower().replace(item.sku.lower(), " "), *said_as_name(facts, item.sku))
    )
    words = _WORD.findall(told.lower())
    if any(sized[0] in (packs.holder(w), packs.container(w)) for w in words) or (
        sized[0] == "dozen" and {"dz", "doz", "dozen", "dozens", "gross"} & set(words)
    ):
        return None  # ("extra bx of TB-2612 turned up", "2 dz eggs"): the containers said
    return sized


# the fewest pieces a bulk container holds whose bare count is of its pieces
_BULK_SIZE = 10
# a count's word that names no container: the count is as bare as with none
_NO_CONTAINER = frozenset(("unit", "units"))
# a name saying how many its container holds: "box of 30", "50/bx", "CS/24", "bundle 250"
_HOLDS_SO_MANY = re.compile(
    r"\b(?:box|bx|bag|bg|case|cs|carton|ctn|bundle|bdl|sleeve|slv|flat|tray|bale|pallet|plt)"
    r"(?:\s+of\s+|\s*/\s*|\s+(?=\d+\s*$))\d|\d\s*/\s*(?:box|bx|bag|case|cs|carton|ctn|bundle|sleeve)\b",
    re.IGNORECASE,
)


def _sized_container(item: ItemInfo) -> tuple[str, Decimal] | None:
    """The container the item list prices an item by and how many pieces it holds, when the
    name says both ("Reese's cups BX/36" -> ("box", 36)); None for a dozen (asked apart)."""
    by = packs.sold_by(item.name)
    if by is None or by == "dozen":
        return None
    sized = packs.size_of(item.name)
    if sized is not None and sized[0] == by:
        return sized
    size = case_pack_size(item.name, by)
    return (by, size) if size is not None else None


def _goods_nouns(name: str, held: str) -> set[str]:
    """The words of an item list's name before its sizes and the container it is priced by:
    what the goods are ("Kraft mailer box 10x8x2 pack of 50" -> kraft, mailer, box; "Waste
    bags 900 ct box" -> waste, bag)."""
    out: set[str] = set()
    for w in re.findall(r"[a-z0-9]+", name.lower()):
        if packs.container(w) == held or any(c.isdigit() for c in w):
            break
        out.add(_singular(w))
    return out


# a container's size said in a message: "half a box of 180", "1 cs of 24"
_SIZE_SAID = re.compile(
    r"\b(?P<c>[a-z]+)\s+of\s+(?P<n>\d[\d,]*)(?![\d.,]*\s*(?:%|in\b|mm\b|\"))", re.I
)


def _size_unlike_the_lists(facts: Facts, item: ItemInfo) -> tuple[str, Decimal, Decimal] | None:
    """(container, size said, the list's size) when the message gives the container the list
    prices the item by a size the list's name does not ("half a box of 180" of "... P180, box
    of 50": a grit, or another box; round 312 drafted 90 discs at the box's cost, sure)."""
    listed = _sized_container(item)
    if listed is None:
        return None
    for m in _SIZE_SAID.finditer(facts.source_text):
        said = Decimal(m.group("n").replace(",", ""))
        if packs.container(m.group("c").lower()) == listed[0] and said != listed[1]:
            return listed[0], said, listed[1]
    return None


# a figure and its measure said in a message ("50 lb", "100ft")
_FIGURE_MEASURE = re.compile(rf"(?<![\w.$/])(\d+(?:\.\d+)?)\s*({measures.UNIT})\b", re.I)


def _measure_beside_the_count(facts: Facts, item: ItemInfo) -> str | None:
    """A measure the message says ("50 lb") of goods the list prices by that measure, other
    than the count read ("2 of the 50 lb blocks" of "Block ice, per lb": 2 blocks of 50 lb,
    or 2 lb? Round 323 drafted 2 lb, sure), and not one of the name's own figures."""
    by = measures.priced_per(item.name)
    if by is None or facts.quantity is None:
        return None
    for m in _FIGURE_MEASURE.finditer(facts.source_text):
        if (
            measures.measure(m.group(2).lower()) == by
            and Decimal(m.group(1)) != facts.quantity
            and not re.search(rf"(?<![\d.]){re.escape(m.group(1))}(?![\d.])", item.name)
        ):
            return m.group(0)
    return None


def _head_noun(name: str, held: str) -> str | None:
    """The last word of an item list's name before the container it is priced by (or its
    first comma), sizes passed over: what one piece is ("Apivar Mite Strips, pack of 10" ->
    strip; "Frozen brine shrimp 3.5oz flat, case of 24" -> flat). None when there is none."""
    head = None
    for w in re.findall(r"[a-z0-9]+|,", name.lower()):
        if w == "," or packs.container(w) == held:
            break
        if not any(c.isdigit() for c in w):
            head = _singular(w)
    return head


def _singular(word: str) -> str:
    """ "glasses" -> "glass", "boxes" -> "box", "reeds" -> "reed": enough to compare a goods
    word with an item list's name."""
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


P_VIA = 0.15  # "through the reserve" with no write-off said: which way it moves
_WRITTEN_OFF = re.compile(
    r"\b(?:writ(?:e|ten|ing)\s+(?:\S+\s+){0,6}?off|wrote\s+(?:\S+\s+){0,6}?off|w/o|scrap\w*"
    r"|toss\w*|dispos\w*|dump\w*|bin(?:ned|ning)?|clear(?:ed|ing)?|junk\w*|destroy\w*)\b",
    re.IGNORECASE,
)
_MOVED = re.compile(r"\b(?:move[ds]?|moving|transfer\w*|shift\w*)\b", re.IGNORECASE)
P_BROKE_IN = 0.15  # "broke in" with nobody breaking in: a break-in or a breakage
_BY_THE_BUNDLE = re.compile(r"(?:,|\bper|\ba)\s*bundle\s*$|\bbdl\s*$", re.IGNORECASE)
_BROKEN_INTO = re.compile(
    r"\b(?:some\s*one|some\s*body|they|thie(?:f|ves)|burglars?|kids|guys|people|vandals"
    r"|intruders?|robbers?|crooks|scum(?:bags)?|got|was|were|been)\s+"
    r"(?:had\s+|have\s+|must\s+have\s+)?broken?\s+in\b"
    r"|\bbroke\s+in\s*(?:to|and|last|overnight|over\s+night|during|while|at\s+night)\b",
    re.IGNORECASE,
)


def build_draft(facts: Facts, context: DraftContext) -> Draft:
    policy = context.policy
    cur = policy.currency
    explanation: list[str] = []
    warnings: list[str] = []
    missing: list[str] = []
    guesses: list[Guess] = list(facts.guesses)
    warnings.extend(facts.errors)
    warnings.extend(facts.doubts)
    warnings.extend(facts.unclear)
    # Serious doubts the reader had (an ignored instruction, conflicting numbers) are shown,
    # not only priced into the confidence.
    warnings.extend(g.message for g in facts.guesses if g.penalty >= 0.25)

    if facts.reason == "broke in" and not _BROKEN_INTO.search(facts.source_text):
        # "2 igniters broke in van 12" broke inside the van; "they broke in" is a break-in
        guesses.append(
            Guess("'broke in': a break-in, or goods broken inside something?", P_BROKE_IN)
        )
    if (
        facts.category is Category.RESERVE_WRITE_OFF
        and (facts.reason or "").startswith(("through", "thru", "via"))
        and not _WRITTEN_OFF.search(facts.source_text)
    ):
        # "run the $600 of old gel through the reserve": written off against it, or a
        # provision booked to it? Only goods written off through it say which
        guesses.append(Guess(f"'{facts.reason}': using the reserve, or adding to it?", P_VIA))
    if (
        facts.category is Category.RESERVE_WRITE_OFF
        and facts.sku is None
        and facts.quantity is None
        and _MOVED.search(facts.source_text)
        and not _WRITTEN_OFF.search(facts.source_text)
    ):
        # "move $500 out of the reserve": money moved, no goods written off against it; used
        # for stock scrapped, or released back? (round 207: two writers asked, sure at 0.97)
        guesses.append(Guess("money moved out of the reserve: used, or released?", P_VIA))
    category = facts.category
    reason_assumed = category is None
    if category is None:
        guesses.append(Guess("No reason word (damaged, stolen, missing...) was found", P_NO_REASON))
        warnings.append(NO_REASON)
        category = Category.LOSS
    kind = policy.reasons[category].kind

    # -- unit cost: stated, or from the item list ---------------------------------------
    share_said = False  # the total is a share of the list's cost (pieces of its container)
    case_price_said = False  # the message priced the list's case ("$60/box"), not the list
    item_quantity: Decimal | None = None  # the count in the list's unit, when pieces are counted
    item = context.items.get(facts.sku) if facts.sku else None
    if item is not None:
        facts = _pairs_of_goods_sold_as_pairs(facts, item)
    if (
        (
            facts.price_or_total
            # ("mozzarella 4 cs, cost $291.60": four cases at the list's $72.90, no price per
            # case said, so the total)
            or (
                kind is not Kind.WRITE_DOWN
                and (facts.quantity or 0) > 1
                and not _PER_UNIT_SAID.search(facts.source_text)
            )
        )
        and item is not None
        and facts.quantity
        and facts.unit_cost is not None
        and facts.total is None
        and _product(facts.quantity, item.unit_cost) == quantize(facts.unit_cost)
    ):
        # "20 units SKU-12 $300": $300 is 20 x the item list's $15, so it is the total
        explanation.append(
            f"Read {format_money(facts.unit_cost, cur)} as the total: "
            f"{_fmt_qty(facts.quantity)} x {format_money(item.unit_cost, cur)} on the item list"
        )
        facts = replace(facts, total=facts.unit_cost, unit_cost=None)
    if kind is Kind.WRITE_DOWN and item is not None and _one_price_below_cost(facts, item):
        # "impair the 10 pails, best we can get for them is 140 a pail" of a $178 line: the
        # one price said is what they are worth now, the cost the list's
        assert facts.unit_cost is not None
        explanation.append(
            f"Read {format_money(facts.unit_cost, cur)} as the new value per unit: below the "
            f"item list's cost {format_money(item.unit_cost, cur)}"
        )
        guesses.append(Guess("one price said: read as the new value", P_ONE_PRICE_NEW_VALUE))
        facts = replace(facts, new_unit_value=facts.unit_cost, unit_cost=None)
    if item is not None and facts.unit_cost is not None and facts.unit_cost == item.unit_cost:
        # "ED12-4PK ..., 200 4pks marked down from $4.40 to $2.90": the stated cost is the
        # list's, of its 4-pack; the packs counted are the list's unit, not 800 cans
        facts = _retail_packs_counted(facts, item)
    unit_cost = facts.unit_cost
    if (
        item is not None
        and unit_cost is not None
        and facts.quantity is not None
        and kind is Kind.WRITE_OFF
    ):
        whole = _whole_packs_counted(facts, item, kind)
        # the total said, if any, must be the count's at the price, or the pieces' ("4 cases
        # crushed, $5.75/roll, $552 total" of "..., case of 24"; round 208)
        said_total = None if facts.total is None else quantize(facts.total)
        cases_total = said_total is None or said_total == _product(facts.quantity, unit_cost)
        pieces_total = whole is not None and (
            said_total is None or said_total == quantize(facts.quantity * whole[1] * unit_cost)
        )
        if (
            whole is not None
            and cases_total
            and (
                unit_cost == item.unit_cost
                or (
                    a_case_could_cost(item.unit_cost, whole[1])
                    and (
                        price_said_per(facts.source_text, whole[0], unit_cost)
                        or _near(unit_cost, item.unit_cost)
                    )
                )
            )
        ):
            # "6 cs RT800K @ 31.50/cs" of "..., case of 6 rolls" at $31.50: the price is the
            # list's, of a case; the quantity is the 36 rolls, as without the price (round
            # 184: counted in cases at 0.97). So too a case's price said when the list prices
            # the case ("3 boxes @ $60/box", "3 bx @ $60 each" of "..., box of 4" at $68: 12
            # pieces at the boxes' $180; round 203)
            case, size, count = whole
            item_quantity = count
            _note_whole_packs(whole, item, explanation, guesses)
            if unit_cost != item.unit_cost:
                case_price_said = True
                guesses.append(Guess("stated price differs from the item list", P_PRICE_DIFFERS))
                warnings.append(
                    f"Stated cost {format_money(unit_cost, cur)} a {case} differs from the item "
                    f"list's {format_money(item.unit_cost, cur)} for {item.sku}; using the "
                    "stated cost"
                )
            each = unit_cost == item.unit_cost and _no_containers_cost(
                item, case, size, explanation, guesses
            )
            facts = replace(
                facts,
                quantity=count * size,
                total=_product(count * size if each else count, unit_cost),
                unit_cost=None,
            )
            unit_cost = None
            share_said = True
        elif (
            whole is not None
            and pieces_total
            and _a_pieces_price(unit_cost, item.unit_cost, whole[1])
            and not price_said_per(facts.source_text, whole[0], unit_cost)
        ):
            # "3 bx KB-SC1-50 @ .80 ea", "2 cs X, $0.40/ball" of a line the list prices by
            # the box or case: the price is a piece's (a box's worth of them is near the
            # list's cost of a box), so the pieces in the boxes are what it prices (round
            # 203-204: seven drafts priced 3 pieces)
            case, size, count = whole
            item_quantity = count
            _note_whole_packs(whole, item, explanation, guesses)
            piece_count = count * size
            piece_total = quantize(piece_count * unit_cost)
            explanation.append(
                f"{format_money(unit_cost, cur)} read as the price of one piece: "
                f"{_fmt_qty(piece_count)} x {format_money(unit_cost, cur)} = "
                f"{format_money(piece_total, cur)}"
            )
            guesses.append(
                Guess(f"a piece's price or a {case}'s: read as a piece's", P_WHOLE_PACKS)
            )
            if _product(size, unit_cost) != quantize(item.unit_cost):
                warnings.append(
                    f"Stated cost {format_money(unit_cost, cur)} a piece differs from the item "
                    f"list's {format_money(item.unit_cost, cur)} a {case} of {_fmt_qty(size)} "
                    f"for {item.sku}; using the stated cost"
                )
            case_price_said = True
            facts = replace(facts, quantity=piece_count, total=piece_total, unit_cost=None)
            unit_cost = None
            share_said = True
    if facts.sku and context.items and item is None:
        guesses.append(Guess(f"{facts.sku} is not in the item list", P_UNKNOWN_SKU))
        warnings.append(f"{facts.sku} is not in the item list; check the SKU")
    if (
        item is not None
        and kind is Kind.WRITE_OFF
        and facts.quantity is None
        and unit_cost is None
        and facts.total is not None
        and quantize(facts.total) == quantize(item.unit_cost)
        and not _NOT_ONE.search(facts.source_text)
        and not _WORTH_OF.search(facts.source_text)
    ):
        # "WRF535SWHZ: liner ruined, extended cost $1,450" of the list's $1,450: one of them
        explanation.append(
            f"{format_money(facts.total, cur)} is the item list's cost of one {item.sku}: "
            "quantity 1"
        )
        facts = replace(facts, quantity=Decimal(1))
    if item is not None and unit_cost is None and facts.total and facts.containers:
        # "20 NJOY 2-packs ..., $174 total" of a 2-pack item: counted in the list's packs
        counted = facts
        facts = _by_the_items_container(facts, item, explanation, warnings, guesses)
        if (
            counted.quantity
            and facts.quantity != counted.quantity
            and facts.unit in _BULK
            and not (facts.unit == "pack" and _SIZE_NAMED_PACKS.search(facts.source_text))
        ):
            # "3 bags CU-EL90-12-25 (25/bag) crushed, $56.25 total": the 75 pieces counted
            # stay the quantity, as without the total (the golden table's rule), and
            # QuickBooks moves the 3 bags (round 172)
            item_quantity = facts.quantity
            facts = replace(counted, unit_cost=None)
    if item is not None and unit_cost is None and facts.total and item_quantity is None:
        whole = _whole_packs_counted(facts, item, kind)
        if whole is not None:
            # "6 cs RT800K @ 31.50/cs" of "..., case of 6", "30 boxes X, $12.40/box, total
            # $372" of "..., box of 100": the money is the cases', the quantity their pieces,
            # as without a price (round 184: six sure drafts counted the cases)
            _, size, count = whole
            item_quantity = count
            _note_whole_packs(whole, item, explanation, guesses)
            facts = replace(facts, quantity=count * size, unit_cost=None)
    # "mark down 100 X to $3 each, total write-down $220": the total is the write-down's, worked
    # out against the list's cost below (_write_down_total_conflict), not the goods' value
    wd_total = kind is Kind.WRITE_DOWN and (
        facts.new_unit_value is not None or facts.reduction_per_unit is not None
    )
    if item is not None and unit_cost is None and facts.total and facts.quantity and not wd_total:
        listed = _product(item_quantity or facts.quantity, item.unit_cost)
        by_its_pack = priced_by_its_pack(item)
        if by_its_pack is not None and quantize(facts.total) == quantize(
            facts.quantity * item.unit_cost / by_its_pack[1]
        ):
            # "2 cs plus 7 loose" of "RED BULL CS/24" at the case's $38.40: 55 pieces, their
            # share of the case's cost, as the reading summed them: no conflict
            item_quantity = in_items_unit(facts.quantity, by_its_pack[1])
            share_said = True
        elif listed is not None and listed != quantize(facts.total) and not case_price_said:
            # "8 SKU-12 worth $200" against $15 on the list: one of them is wrong, so ask
            guesses.append(Guess("the total and the item list's cost disagree", P_TOTAL_CONFLICT))
            warnings.append(
                f"The stated total {format_money(facts.total, cur)} differs from "
                f"{_fmt_qty(facts.quantity)} x {format_money(item.unit_cost, cur)} (the item "
                f"list's cost) = {format_money(listed, cur)}: which is right?"
            )
    if (
        item is not None
        and facts.total is not None
        and not wd_total
        and kind is not Kind.WRITE_DOWN
        and item_quantity is None
    ):
        unsaid = _pieces_in_it_unsaid(facts, item)
        if unsaid is not None:
            # "3 cs cups X at $31.20/cs, total $93.60" of "..., case of 240": the money says
            # nothing of the count, 3 cases or the 720 cups (round 182: sure in cases)
            guesses.append(
                Guess(
                    f"{_plural(unsaid)} or the pieces in them: counted in {_plural(unsaid)}",
                    P_WHOLE_PACKS,
                )
            )
    if (
        item is not None
        and facts.total is None
        and facts.unit_cost is not None
        and kind is not Kind.WRITE_DOWN
        and item_quantity is None
        and (unsaid := _pieces_in_it_unsaid(facts, item)) in _LENGTH_HOLDERS
    ):
        # "2 rolls X torn at 1.245k each" of "..., roll of 150 ft": the price says a roll's
        # cost, not whether the rolls or the feet on them are counted (round 223)
        guesses.append(
            Guess(
                f"{_plural(unsaid)} or the pieces in them: counted in {_plural(unsaid)}",
                P_WHOLE_PACKS,
            )
        )
    if item is not None:
        if unit_cost is None and (facts.total is None or wd_total):
            unit_cost = item.unit_cost
            explanation.append(
                f"Unit cost {format_money(item.unit_cost, cur)} taken from the item list "
                f"({item.name})"
            )
            as_said = facts
            facts = _by_the_items_container(facts, item, explanation, warnings, guesses)
            unsaid = _pieces_in_it_unsaid(facts, item) if kind is not Kind.WRITE_DOWN else None
            if unsaid is not None:
                # "3 cartons TOB-MRL-CTN" of "Marlboro Red, carton of 10 packs": 3 cartons, as
                # the list counts, or the 30 packs in them? writers count both (round 172: 3
                # at 0.97 where the writer counted 30): never sure
                guesses.append(
                    Guess(
                        f"{_plural(unsaid)} or the pieces in them: counted in {_plural(unsaid)}",
                        P_WHOLE_PACKS,
                    )
                )
            if (
                kind is not Kind.WRITE_DOWN
                and as_said.quantity
                and facts.quantity != as_said.quantity
                and facts.unit in _BULK
                # ("12 6pks", "40 4-packs": retail packs named by their size stay packs)
                and not (facts.unit == "pack" and _SIZE_NAMED_PACKS.search(facts.source_text))
            ):
                # "3 cs of 100 pots" of a line priced by the case: the quantity stays the 300
                # pieces counted, the amount is the 3 cases' and QuickBooks moves 3 cases
                assert facts.quantity is not None  # (the cases counted)
                item_quantity = facts.quantity
                unit_cost = None
                facts = replace(
                    as_said, total=_product(facts.quantity, item.unit_cost), unit_cost=None
                )
                share_said = True
            both = _whole_and_loose(facts, item, kind)
            if both is not None:
                # "1 case OIL-4S-QT plus 3 loose qts" of "..., case of 12" at the case's cost:
                # the 15 quarts, at the case's cost and the loose ones' share (round 189-192
                # counted the case or the loose ones alone)
                open_held, size, cases, loose = both
                share = quantize(loose * item.unit_cost / size)
                total = quantize(cases * item.unit_cost) + share
                explanation.append(
                    f"{_fmt_qty(cases)} {_plural(open_held) if cases != 1 else open_held} x "
                    f"{_fmt_qty(size)} per {open_held} (the item list: {item.name}) + "
                    f"{_fmt_qty(loose)} loose = {_fmt_qty(cases * size + loose)} pieces; "
                    f"{_fmt_qty(cases)} x {format_money(item.unit_cost, cur)} + "
                    f"{_fmt_qty(loose)}/{_fmt_qty(size)} x {format_money(item.unit_cost, cur)}"
                    f" = {format_money(total, cur)}"
                )
                guesses.append(Guess(f"whole {_plural(open_held)} and loose pieces", P_WHOLE_PACKS))
                item_quantity = in_items_unit(cases * size + loose, size)
                unit_cost = None
                facts = replace(facts, quantity=cases * size + loose, total=total, unit_cost=None)
                share_said = True
            whole = _whole_packs_counted(facts, item, kind) if both is None else None
            part = _part_of_a_listed_pack(facts, item) if both is None else None
            if whole is None and part is not None:
                # "a case and a half of tulips, GLS-TLP-CS" of "..., case of 12": 1.5 cases
                # or the 18 glasses? writers count both (round 169): never sure
                guesses.append(
                    Guess(f"part of a {part}: counted in {_plural(part)}", P_WHOLE_PACKS)
                )
            if whole is not None:
                # "TR600HP-50: 3 BX bent" of "... 50/BX" at the box's $44.50: the quantity is
                # the 150 pieces, the amount the 3 boxes' and QuickBooks moves 3 boxes, as
                # "3 bx (50/bx)" said in the message would be (the golden table's convention)
                whole_held, size, count = whole
                item_quantity = count
                unit_cost = None
                _note_whole_packs(whole, item, explanation, guesses)
                # (the list said how many pieces a case holds: the reading's question is
                # answered)
                asked = f"how many pieces in {packs.a(whole_held)}?"
                warnings[:] = [w for w in warnings if asked not in w]
                each = _no_containers_cost(item, whole_held, size, explanation, guesses)
                facts = replace(
                    facts,
                    quantity=count * size,
                    total=_product(count * size if each else count, item.unit_cost),
                    unit_cost=None,
                    unclear=tuple(u for u in facts.unclear if asked not in u),
                )
                share_said = True
            facts = _retail_packs_counted(facts, item)
            bare_name = item.name.strip() in ("", item.sku)  # the list names nothing
            if (
                len(facts.containers) == 1
                and facts.quantity
                and facts.quantity != facts.containers[0][1]
                and bare_name
            ):
                # "3 cs (6/cs) CDL-HUR-CS6" of a bare code at $66.90: a case's cost or a
                # piece's? The list names nothing (six times apart)
                outer, count = facts.containers[0]
                guesses.append(Guess(f"the list's cost: per {outer} or per piece?", P_DOZEN_COUNT))
                warnings.append(
                    f"The item list's {format_money(item.unit_cost, cur)} for {item.sku}: per "
                    f"{outer}, or per piece? Read per piece ({_fmt_qty(facts.quantity)} pieces "
                    f"in {_fmt_qty(count)} {outer}s)"
                )
            packs_said = dict(facts.containers).get("pack")
            if (
                packs_said
                and len(facts.containers) == 1
                and facts.quantity
                and facts.quantity != packs_said
                and not bare_name  # (asked above)
                and packs.sold_by(item.name) is None
                and not packs.priced_each(item.name)
                and not _RETAIL_PACK_IN_NAME.search(item.name)
                and not _ONE_PIECE_NAMED.search(item.name)
                # (packs named by their size, "30 4pks"; "3 packs (12/pk)" states the pieces)
                and re.search(
                    rf"(?<![\d.]){_fmt_qty(facts.quantity / packs_said)}\s*-?\s*(?:pk|pack)s?\b",
                    facts.source_text,
                    re.IGNORECASE,
                )
            ):
                # "donated 30 4pks EN-16-4" of an item the list names no pack of: is its
                # cost a 4-pack's or a can's? (four times apart)
                guesses.append(Guess("the list's cost: per pack or per piece?", P_DOZEN_COUNT))
                warnings.append(
                    f"The item list's {format_money(item.unit_cost, cur)} for {item.sku} "
                    f"({item.name}): per pack, or per piece? Read per piece "
                    f"({_fmt_qty(facts.quantity)} pieces in {_fmt_qty(packs_said)} packs)"
                )
            if (
                packs.weighed_then_cased(item.name)
                and facts.unit_cost is None
                and facts.total is None
            ):
                # "Greenies 27oz 6/cs" at $162.00, "Hill's k/d 13oz 12/cs" at $38.40: the
                # case's cost, or a bag's? Lists write both (round 314 priced 42 bags at a
                # case's cost, sure)
                guesses.append(Guess("the list's cost: per piece or per case?", P_DOZEN_COUNT))
                warnings.append(
                    f"The item list's {format_money(item.unit_cost, cur)} for {item.sku} "
                    f"({item.name}): per piece or per case? Read per piece"
                )
            size_said = _size_unlike_the_lists(facts, item)
            if size_said is not None:
                guesses.append(
                    Guess("a container's size said unlike the item list's", P_DOZEN_COUNT)
                )
                warnings.append(
                    f"The message says a {size_said[0]} of {_fmt_qty(size_said[1])}; the item "
                    f"list's {size_said[0]} of {item.sku} holds {_fmt_qty(size_said[2])} "
                    f"({item.name}): which is right?"
                )
            weight = _measure_beside_the_count(facts, item)
            if weight is not None:
                guesses.append(
                    Guess("a measure beside a count of goods priced by it", P_DOZEN_COUNT)
                )
                warnings.append(
                    f"The message says '{weight}' beside a count of "
                    f"{_fmt_qty(facts.quantity or Decimal(0))}; the item list prices {item.sku} "
                    f"({item.name}) by that measure: how much in all?"
                )
            pieces = _pieces_of_the_items_container(facts, item) or _measure_of_the_holder(
                facts, item
            )
            bare = _bare_count_of_a_bulk_item(facts, item) if pieces is None else None
            pieces = pieces or bare
            if (
                pieces is not None
                and kind is Kind.WRITE_DOWN
                and facts.new_unit_value is not None
                and item.unit_cost / pieces[1] <= facts.new_unit_value < item.unit_cost
            ):
                # ("CPC-SK12-A x 5 open-box, now worth 60 each" of a $89 "set of 12": a new
                # value above a piece's cost and below the set's is the set's: five sets)
                pass
            elif pieces is not None and facts.quantity is not None and kind is Kind.WRITE_DOWN:
                # ("200 pils cans ..., value 0.50/can" of "..., case of 24" at $21.60, "x 5
                # open-box, now worth 60 each" of a "set of 12": the new value is a piece's,
                # so is the cost it is taken from; rounds 282 asked for a unit cost)
                container_word, size = pieces
                unit_cost = item.unit_cost / size
                explanation.append(
                    f"The item list prices {item.sku} by the {container_word} of "
                    f"{_fmt_qty(size)} ({item.name}, {format_money(item.unit_cost, cur)}): "
                    f"a piece's cost {format_money(item.unit_cost, cur)} / {_fmt_qty(size)}"
                )
                guesses.append(
                    Guess(
                        f"counted in pieces of the item list's {container_word}",
                        P_PIECES_OF_CONTAINER,
                    )
                )
                item_quantity = in_items_unit(facts.quantity, size)
            elif pieces is not None and facts.quantity is not None:
                container_word, size = pieces
                # the exact share of the list's cost: count x cost / size, rounded once
                share = quantize(facts.quantity * item.unit_cost / size)
                explanation.append(
                    f"The item list prices {item.sku} by the {container_word} of "
                    f"{_fmt_qty(size)} ({item.name}, {format_money(item.unit_cost, cur)}): "
                    f"{_fmt_qty(facts.quantity)} pieces = {_fmt_qty(facts.quantity)} / "
                    f"{_fmt_qty(size)} {container_word} x {format_money(item.unit_cost, cur)}"
                )
                if bare is not None:
                    bys = _plural(container_word)
                    guesses.append(
                        Guess(
                            f"a bare count of an item priced by the {container_word}", P_DOZEN_COUNT
                        )
                    )
                    warnings.append(
                        f"The item list prices {item.sku} by the {container_word} of "
                        f"{_fmt_qty(size)} ({item.name}): is {_fmt_qty(facts.quantity)} a count "
                        f"of {bys} or of pieces? Read as pieces; say "
                        f"'{_fmt_qty(facts.quantity)} {bys}' if whole {bys}"
                    )
                else:
                    guesses.append(
                        Guess(
                            f"counted in pieces of the item list's {container_word}",
                            P_PIECES_OF_CONTAINER,
                        )
                    )
                unit_cost = None
                item_quantity = in_items_unit(facts.quantity, size)
                facts = replace(facts, total=share, unit_cost=None)
                share_said = True
            elif (
                (other := packs.container(facts.unit or ""))
                and (listed_by := packs.sold_by(item.name))
                and other != listed_by
            ):
                # "18 sacks" of a line the list prices by the pallet: at the pallet's cost each?
                guesses.append(
                    Guess(
                        f"{_plural(other)} counted, priced by the {listed_by}",
                        P_ITEMS_CONTAINER_OTHER,
                    )
                )
                warnings.append(
                    f"The item list prices {item.sku} by the {listed_by} ({item.name}): are "
                    f"{_fmt_qty(facts.quantity or Decimal(0))} {facts.unit} whole {listed_by}s?"
                )
            elif (
                facts.quantity is not None
                and not facts.containers
                # ("a third of the 48 avos in the X case" of "..., 48ct case": 16 "units", as
                # bare as a count; round 329 drafted 16 cases, sure)
                and (not facts.unit or facts.unit.lower() in _NO_CONTAINER)
                and (counted_in := _sized_container(item)) is not None
            ):
                # "HSY/RC36 x8 melted" of "Reese's cups BX/36": eight boxes, or eight cups?
                by, size = counted_in
                bys = _plural(by)
                guesses.append(Guess(f"a bare count of an item priced by the {by}", P_DOZEN_COUNT))
                warnings.append(
                    f"The item list prices {item.sku} by the {by} of {_fmt_qty(size)} "
                    f"({item.name}): is {_fmt_qty(facts.quantity)} a count of {bys} or of "
                    f"pieces? Say '2 {bys}' or '{_fmt_qty(size * 2)} pcs'"
                )
            elif facts.quantity is not None and not facts.containers and _by_the_dozen(item):
                # "3 WG12B broken", the list pricing the dozen: three dozen, or three glasses?
                guesses.append(Guess("a count of an item priced by the dozen", P_DOZEN_COUNT))
                warnings.append(
                    f"The item list prices {item.sku} by the dozen ({item.name}): is "
                    f"{_fmt_qty(facts.quantity)} a count of dozens or of pieces? Say '2 dz' "
                    "or '24 pcs'"
                )
            held = _container_of_unknown_size(facts.unit, item.sku, item.name)
            by_measure = measures.priced_per(item.name)
            holder = packs.holder(facts.unit or "") or packs.container(facts.unit or "")
            if by_measure and holder and not held and facts.quantity is not None:
                # "2 spools THHN10RD" of wire priced per foot: two feet? How many on a spool?
                many = "feet" if by_measure == "foot" else f"{by_measure}s"
                guesses.append(Guess(f"how many {many} on a {holder}?", P_CONTAINER_COST))
                warnings.append(
                    f"The item list prices {item.sku} per {by_measure} ({item.name}); the "
                    f"message counts {_fmt_qty(facts.quantity)} {facts.unit}: how many "
                    f"{many} on a {holder}? Say how many {many} in all"
                )
            if (
                _PER_AREA.search(item.name)
                and holder
                and not held
                and facts.quantity is not None
                and not by_measure
            ):
                # "3 boxes of slate SLT-MC-SF" of "..., per sq ft" at $4.25: three square feet?
                # How many in a box? (round 198: $12.75 at 0.97)
                guesses.append(
                    Guess(f"how many square feet in {packs.a(holder)}?", P_CONTAINER_COST)
                )
                warnings.append(
                    f"The item list prices {item.sku} per square foot ({item.name}); the "
                    f"message counts {_fmt_qty(facts.quantity)} {facts.unit}: how many square "
                    f"feet in {packs.a(holder)}? Say how many square feet in all"
                )
            if held:
                # "2 pallets of SKU-12 damaged": the item list prices one SKU-12, not a pallet
                # of them; how many pieces a pallet holds is not said, so the amount is a guess
                guesses.append(Guess(f"how many pieces in {packs.a(held)}?", P_CONTAINER_COST))
                warnings.append(
                    f"{_fmt_qty(facts.quantity or Decimal(0))} {facts.unit} priced at the item "
                    f"list's {format_money(item.unit_cost, cur)} per {item.name.lower()}: how "
                    f"many pieces in {packs.a(held)}? Add '(12/{held})' or a price per {held}"
                )
        elif (
            unit_cost == item.unit_cost
            and facts.quantity
            and (held := _container_of_unknown_size(facts.unit, item.sku, item.name))
        ):
            # "2 pallets of SKU-12, $15 each" with SKU-12 at $15 on the list: the price is one
            # item's, the count is of pallets of them ("each" after a count of cases is read
            # as a case's price when nothing says otherwise)
            guesses.append(Guess(f"how many pieces in {packs.a(held)}?", P_CONTAINER_COST))
            warnings.append(
                f"{format_money(unit_cost, cur)} is the item list's cost of one "
                f"{item.name.lower()}, but {_fmt_qty(facts.quantity)} {facts.unit} are counted: "
                f"how many pieces in {packs.a(held)}?"
            )
        elif unit_cost is not None and unit_cost != item.unit_cost:
            guesses.append(Guess("stated price differs from the item list", P_PRICE_DIFFERS))
            warnings.append(
                f"Stated unit cost {format_money(unit_cost, cur)} differs from the item list's "
                f"{format_money(item.unit_cost, cur)} for {facts.sku}; using the stated cost"
            )

    if (
        item is not None
        and kind is Kind.WRITE_DOWN
        and _pieces_in_it_unsaid(facts, item) == "bunch"
    ):
        # ("lower of cost or NRV on X: 20 bunches now worth $22/bunch": bunches, or stems?)
        guesses.append(Guess("bunches or the stems in them: counted in bunches", P_WHOLE_PACKS))
    quantity = facts.quantity
    if (
        quantity is None
        and facts.total is None
        and facts.unit_cost is None
        and item is not None
        and item.unit_cost >= ONE_PIECE_COST
        and kind in (Kind.WRITE_OFF, Kind.WRITE_DOWN)  # ("floor model ... write it down")
        and not (facts.doubts or facts.errors)
        and _one_said(facts.source_text, kind, item.name)
    ):
        # "ICE-M450 stolen from the yard, fence cut": an item the list prices at $2,480 (or $44),
        # named with no count and nothing plural, is most likely one (never sure)
        quantity = Decimal(1)
        explanation.append(
            f"{NO_COUNT_GIVEN}: read as one {item.name} ({format_money(item.unit_cost, cur)} "
            "each on the item list)"
        )
        guesses.append(Guess("no count given: one costly item assumed", P_ONE_COSTLY))
    if quantity is not None and quantity <= 0:
        warnings.append("The quantity must be more than zero")
        missing.append("quantity")
        quantity = None
    if unit_cost is not None and unit_cost <= 0:
        warnings.append("The unit cost must be more than zero")
        missing.append("unit_cost")
        unit_cost = None

    if (
        quantity is not None
        and item is not None
        and not facts.containers
        and facts.unit is None
        and _BY_THE_BUNDLE.search(item.name)
        and re.search(
            rf"(?<![\w.]){re.escape(_fmt_qty(quantity))}\s+squares?\b", facts.source_text, re.I
        )
    ):
        # "3 squares of GAF-HDZ-CHR" of shingles the list prices by the bundle: a roofing
        # square is three bundles for most lines (some heavy ones take four), so likely nine
        # bundles, never sure (round 236 drafted three bundles at 0.97)
        explanation.append(
            f"Quantity {_fmt_qty(quantity)} squares x 3 bundles per square = "
            f"{_fmt_qty(quantity * 3)} (a square of shingles is most often 3 bundles)"
        )
        guesses.append(Guess("a square of shingles taken as 3 bundles: check", P_SQUARE))
        quantity *= 3

    # -- the amount ------------------------------------------------------------------------
    amount: Decimal | None = None
    if kind is Kind.WRITE_DOWN:
        amount = _write_down_amount(facts, quantity, unit_cost, explanation, warnings, missing, cur)
        whole = _whole_packs_counted(facts, item, Kind.WRITE_OFF) if item is not None else None
        if whole is not None and item is not None and whole[2] == quantity and amount:
            # "impair the 3x6 subway, 50 bx, now worth $15/bx" of "..., box of 80": the
            # boxes' value goes down, and the goods are counted in pieces as a write-off's
            # are (round 344 wrote 4,000 tiles); the list's boxes are what QuickBooks holds
            _note_whole_packs(whole, item, explanation, guesses)
            item_quantity, quantity = quantity, quantity * whole[1]
            facts = replace(facts, quantity=quantity)
        conflict = _write_down_total_conflict(facts, quantity, unit_cost, amount)
        if conflict is not None:
            # "from $36.80 to $30, total $200" for 25: the loss is $170, the goods' value $920
            # then $750; $200 is none of them, so which figure is wrong?
            guesses.append(Guess("the total and the write-down disagree", P_TOTAL_CONFLICT))
            warnings.append(
                f"The stated total {format_money(conflict, cur)} differs from the write-down "
                f"{format_money(amount or Decimal(0), cur)}: which is right?"
            )
    else:
        computed: Decimal | None = None
        product = ""  # "40 x $15.00"
        if quantity is not None and unit_cost:
            computed = _product(quantity, unit_cost)
            product = f"{_fmt_qty(quantity)} x {format_money(unit_cost, cur)}"
        if facts.total is not None and facts.total > 0:
            amount = quantize(facts.total)
            if computed is not None and computed != amount:
                guesses.append(
                    Guess("the total and quantity x unit cost disagree", P_TOTAL_CONFLICT)
                )
                warnings.append(
                    f"The stated total {format_money(amount, cur)} differs from {product} = "
                    f"{format_money(computed, cur)}; using the stated total"
                )
            elif (
                quantity is None
                and unit_cost
                and kind is Kind.WRITE_OFF
                and (amount / unit_cost) != (amount / unit_cost).to_integral_value()
            ):
                # "5 lites X @ $38.50 = $200.00" with the 5 read as a rack's number: $200 is
                # no whole count of $38.50s, so the price or the total is wrong (round 248
                # drafted the $200 at 0.97)
                guesses.append(Guess("the total is no whole count at the price", P_TOTAL_CONFLICT))
                warnings.append(
                    f"The stated total {format_money(amount, cur)} is not a whole number of "
                    f"{format_money(unit_cost, cur)}: how many, at what price?"
                )
            else:
                said = "" if share_said else " as stated"
                explanation.append(f"Amount {format_money(amount, cur)}{said}")
            if (
                computed is None
                and quantity is None
                and item is not None
                and item.unit_cost > 0
                and kind is Kind.WRITE_OFF
                and amount < 2 * item.unit_cost
                and amount != quantize(item.unit_cost)
            ):
                # "tesla ws FW05233GTN dropped, w/o $950" of a $889.00 line: no count, and
                # $950 is about one of them but not its cost; which is wrong? (A larger amount,
                # "$2.5k of expired X", is a value written off, its count left to the books.)
                guesses.append(Guess("the amount is not the item's cost", P_NOT_ITS_COST))
                warnings.append(
                    f"{format_money(amount, cur)} is not the item list's cost of one {item.sku} "
                    f"({format_money(item.unit_cost, cur)}): how many went, at what cost?"
                )
        elif facts.total is not None:
            warnings.append("The amount must be more than zero")
            missing.append("amount")
        elif computed is not None:
            amount = computed
            explanation.append(f"Amount {product} = {format_money(amount, cur)}")
        elif product:
            missing.append("amount")
            warnings.append(f"{product} is too large to be a real amount")
        elif quantity is not None and "quantity" not in missing:
            missing.append("unit_cost")
            warnings.append(
                f"I need a unit cost for {facts.sku or 'these goods'}: add 'at $12' or similar"
            )
        elif "amount" not in missing and "unit_cost" not in missing:
            if category is Category.RESERVE_PROVISION:
                missing.append("amount")
                warnings.append("I need the amount to add to the reserve: add '$5,000' or similar")
            else:
                missing.append("amount")
                warnings.append(
                    "I need an amount: a total ('$1,200 of ...') or a quantity and unit cost "
                    "('40 units at $15')"
                )

    if amount is not None and amount <= 0:
        # sub-cent prices ("2 units at $0.001") round to nothing: no entry to post
        warnings.append(f"The amount rounds to {format_money(amount, cur)}; nothing to write off")
        missing.append("amount")
        amount = None
    if amount is not None and amount > policy.max_amount:
        warnings.append(
            f"{format_money(amount, cur)} is over the {format_money(policy.max_amount, cur)} "
            "limit for one entry"
        )
        missing.append("amount")
        amount = None
    if (
        amount is not None
        and context.usual_amount
        and context.usual_amount > 0
        and amount > context.usual_amount * UNUSUAL_FACTOR
    ):
        guesses.append(Guess("amount far above the usual write-off", P_UNUSUAL_AMOUNT))
        warnings.append(
            f"{format_money(amount, cur)} is far above this company's usual write-off "
            f"({format_money(context.usual_amount, cur)}); double-check it"
        )

    # -- accounts --------------------------------------------------------------------------
    decision = decide_accounts(category, amount, policy)
    lines: tuple[DraftLine, ...] = ()
    if amount is not None and not missing:
        description = _describe(facts, category)
        lines = (
            _line(decision.debit, amount, Decimal(0), description, context),
            _line(decision.credit, Decimal(0), amount, description, context),
        )
        for ln in lines:
            acct = context.chart.get(ln.account)
            if acct is None or not acct.active:
                missing.append("account")
                warnings.append(
                    f"Account {ln.account} is not in the chart of accounts or is inactive"
                )
                lines = ()
                break
    explanation.extend(facts.notes)
    if facts.category is not None:
        explanation.insert(0, f"Reason '{facts.reason or category.value}': {decision.explanation}")
    else:
        explanation.insert(0, f"No reason given, drafted as a routine loss: {decision.explanation}")

    if item is not None and item_quantity is None and quantity is not None:
        guesses.extend(_counted_in_listed_containers(facts, item, guesses))
    if (
        item is None
        and facts.sku is None
        and facts.unit_cost is not None
        and packs.container(facts.unit or "") is not None
        and not facts.containers
        and _EACH_SAID.search(facts.source_text)
        and not _PER_CONTAINER_SAID.search(facts.source_text)
    ):
        # "4 cases of suction canisters crushed, $2.10 each": each case, or each canister in
        # them? (round 185: sure at 4 x $2.10, the writer asked; with a code, "2 cases SKU-5
        # $15 each", the code's cases are counted and priced)
        held = packs.container(facts.unit or "")
        guesses.append(Guess(f"'each': each {held}, or each piece in it?", P_WHOLE_PACKS))
    confidence = BASE_CONFIDENCE - sum(g.penalty for g in guesses)
    if facts.errors:
        confidence = min(confidence, INCOMPLETE_CAP)
    if missing:
        confidence = min(confidence, INCOMPLETE_CAP)
    if facts.unclear:
        confidence = min(confidence, UNCLEAR_CAP)
    if facts.doubts:
        confidence = min(confidence, DOUBT_CAP)
    if reason_assumed:
        confidence = min(confidence, NO_REASON_CAP)
    confidence = round(max(0.0, min(1.0, confidence)), 2)
    lowered = [g.message for g in guesses if g.penalty > 0]
    if lowered:
        explanation.append("Confidence lowered: " + "; ".join(lowered))

    return Draft(
        source_text=facts.source_text,
        kind=kind,
        category=category,
        reason=facts.reason,
        sku=facts.sku,
        quantity=quantity,
        unit=facts.unit,
        unit_cost=unit_cost,
        location=facts.location,
        amount=amount,
        lines=lines,
        confidence=confidence,
        explanation=tuple(explanation),
        warnings=tuple(dict.fromkeys(warnings)),
        missing=tuple(dict.fromkeys(missing)),
        memo=_describe(facts, category),
        reason_assumed=reason_assumed,
        item_quantity=item_quantity if quantity == facts.quantity else None,
    )


# QuickBooks keeps quantities to five decimal places
ITEM_QUANTITY_PLACES = Decimal("0.00001")


def in_items_unit(pieces: Decimal, size: Decimal) -> Decimal:
    """`pieces` of a container of `size` as a count of containers, to QuickBooks' five
    decimal places, half-up: 18 cans of 12 -> 1.5, 30 eggs of 180 -> 0.16667."""
    count = (pieces / size).quantize(ITEM_QUANTITY_PLACES, rounding=ROUND_HALF_UP)
    # (normalize() alone would write 100 as 1E+2)
    return count.quantize(Decimal(1)) if count == count.to_integral() else count.normalize()


_WORDS = re.compile(r"[a-z]+")


_EACH_SAID = re.compile(r"\b(?:each|ea)\b", re.IGNORECASE)
_PER_CONTAINER_SAID = re.compile(
    r"(?:\bper\s+|/\s*|\ba\s+|\beach\s+)(?:case|cs|box|bx|carton|ctn|bag|pallet|plt|crate|tray"
    r"|sleeve|bundle|roll|drum|pail|tub|tote|bucket|sack|skid)\b",
    re.IGNORECASE,
)
# An item list name that says how the line is packed or measured ("..., box/100", "Flour 25kg
# sack", "Rope, per ft"): a count of bags or boxes of it may be the list's own unit.
_PACKED_NAME = re.compile(
    # ("Hard shell glasses case, black": a case that is the goods; "case of 12" is a pack)
    # (a weight or volume is one piece's size, not its pack: "3 boxes of tofu" of "Tofu, extra
    # firm, 14oz" is boxes of how many? round 243 drafted three blocks at 0.97. Goods sold in
    # bulk name their sack, bag or drum, which says it.)
    r"\b(?:bags?|box(?:es)?|sacks?|bx|pk|pack|drums?|pails?|jugs?|tubs?"
    # (not "each": "2 boxes of the X outlets" of "GFCI Receptacle White, each" are boxes of
    # how many? round 332 drafted two outlets, sure)
    r"|case\s*(?:of|/)|cs\s*/|ct|count|dozen|dz|pair|set|roll|bundle"
    # ("Round bur RA #2, 100pk", "Gloves nitrile M/200")
    r"|\d+\s*(?:pk|pks|pack|pc|pcs|ct|count))\b|\w\s*/\s*\d",
    re.IGNORECASE,
)


def _container_of_unknown_size(unit: str | None, sku: str, item_name: str) -> str | None:
    """The container a count is in ("pallet" for "2 pallets of SKU-12") when the reading did
    not multiply it out into pieces and neither the item's name nor its code says the item is
    one ("CTN-12" is a carton, "Egg tray" a tray); None otherwise."""
    held = packs.holds_many(unit)
    if (
        held is None
        and packs.container(unit) in ("bag", "box")
        and item_name.strip().lower() != sku.lower()
        and not _PACKED_NAME.search(item_name)
    ):
        # ("1 bag of CBLMICRO damaged" of "Micro-USB cable 3ft" at $0.95: a bag of how many
        # cables? round 184 drafted one cable at 0.97; "2 boxes of the cm-x5 shaft zincs" of
        # "Martyr Shaft Anode 1in Zinc", round 239 at 0.97. A list that gives no name, only
        # the code, may price the box itself: that stays the list's unit)
        held = packs.container(unit)
    if held is None:
        return None
    said = set(_WORDS.findall(f"{sku} {item_name}".lower()))
    if any(packs.container(word) == held for word in said):
        return None
    return held


def _line(code: str, debit: Decimal, credit: Decimal, desc: str, ctx: DraftContext) -> DraftLine:
    acct = ctx.chart.get(code)
    return DraftLine(code, acct.name if acct else code, debit, credit, desc)


def _write_down_amount(
    facts: Facts,
    quantity: Decimal | None,
    cost: Decimal | None,
    explanation: list[str],
    warnings: list[str],
    missing: list[str],
    cur: str,
) -> Decimal | None:
    if (
        facts.total is not None
        and facts.total > 0
        and facts.new_unit_value is None
        and (facts.reduction_per_unit is None)
        and facts.reduction_fraction is None
    ):
        explanation.append(f"Write-down of {format_money(facts.total, cur)} as stated")
        return quantize(facts.total)
    per_unit: Decimal | None = None
    if facts.reduction_per_unit is not None:
        per_unit = facts.reduction_per_unit
    elif cost is not None and facts.reduction_fraction is not None:
        # "reduce the value of 50 SKU-12 by 25%": a share of the item list's cost
        per_unit = cost * facts.reduction_fraction
        explanation.append(
            f"Reduction {format_money(cost, cur)} cost x {_percent(facts.reduction_fraction)} = "
            f"{format_money(per_unit, cur)} per unit"
        )
    elif cost is not None and facts.new_unit_value is not None:
        if facts.new_unit_value >= cost:
            warnings.append(
                f"The new value {format_money(facts.new_unit_value, cur)} is not below the cost "
                f"{format_money(cost, cur)}: nothing to write down"
            )
            missing.append("amount")
            return None
        per_unit = cost - facts.new_unit_value
    if per_unit is None:
        missing.append("unit_cost" if cost is None else "amount")
        warnings.append(
            "I need the cost and the new value per unit for a write-down: "
            "'from $22 to $15 per unit' or 'by $3 per unit'"
        )
        return None
    if quantity is None:
        missing.append("quantity")
        warnings.append("I need how many units to write down: add '80 units on hand' or similar")
        return None
    amount = _product(quantity, per_unit)
    if amount is None:
        missing.append("amount")
        warnings.append("That amount is too large to be real")
        return None
    if cost is not None and facts.new_unit_value is not None:
        explanation.append(
            f"Amount {_fmt_qty(quantity)} x ({format_money(cost, cur)} cost - "
            f"{format_money(facts.new_unit_value, cur)} net realizable value) = "
            f"{format_money(amount, cur)}"
        )
    else:
        explanation.append(
            f"Amount {_fmt_qty(quantity)} x {format_money(per_unit, cur)} per unit = "
            f"{format_money(amount, cur)}"
        )
    return amount


def _write_down_total_conflict(
    facts: Facts, quantity: Decimal | None, cost: Decimal | None, amount: Decimal | None
) -> Decimal | None:
    """A stated total beside a write-down worked out per unit that is not the loss: the
    total, else None."""
    if amount is None or facts.total is None or facts.total <= 0 or quantity is None:
        return None
    if facts.new_unit_value is None and facts.reduction_per_unit is None:
        return None
    if facts.reduction_fraction is not None:
        return None  # ("by 25% of $4,000 total": the total is what the share is taken of)
    # (only the loss itself: "from $7.80 to $4, $120 total" for 30 is the goods' new value or
    # a loss said wrong, and the card asks which)
    total = quantize(facts.total)
    return None if total == amount else total


def _percent(fraction: Decimal) -> str:
    """0.25 -> "25%", 1/3 -> "33.33%"."""
    return f"{(fraction * 100).quantize(Decimal('0.01')).normalize():f}%"


_TOO_LARGE = Decimal(10) ** 20  # far above any policy's max_amount; keeps cents exact in Decimal


def _product(quantity: Decimal, price: Decimal) -> Decimal | None:
    """quantity x price to the cent, or None when it is too large to be real (rounding such a
    number to cents would overflow Decimal's precision: the reader never raises on input)."""
    value = quantity * price
    if not value.is_finite() or abs(value) >= _TOO_LARGE:
        return None
    return quantize(value)


# A message with a part the reader could not price or name is not sure as a whole: its other
# parts may be right, but the card asks about the message ("2 qo arc faults dmg, 1 br2100
# defective": the breaker drafted sure beside arc faults it could not price). Applied to the
# message's drafts by every reading (the offline reader's, and the second reading's).
BESIDE_AN_OPEN_PART = 0.85
OPEN_PART_WARNING = "Another part of this message is missing facts: check it before approving"


DOUBTFUL_PART = 0.5  # a part scored below this cannot be approved as it stands
DOUBTFUL_PART_WARNING = "Another part of this message is in doubt: check it before approving"


SURE_PART = 0.9
GUESSED_PART_WARNING = (
    "Another part of this message is goods I guessed (by name, one assumed, or one of "
    "several codes): check it before approving"
)
_GUESSED_GOODS = (f"{NO_COUNT_GIVEN}:", BY_ITS_NAME, SKUS_LEFT_OUT)


def _goods_guessed(d: Draft) -> bool:
    """Whether a draft's goods or count were guessed: named by the item list's name with no
    code, one unit assumed with no count, or one of several codes its part names."""
    return any(g in line for line in d.explanation for g in _GUESSED_GOODS)


def whole_message(drafts: list[Draft]) -> list[Draft]:
    """A message is one card: a part beside one missing facts, or beside one the reader
    doubts (below 0.5: "2 SP 50s cut" read as something else), is not sure either."""
    if len(drafts) < 2:
        return drafts
    if any(d.missing for d in drafts):
        warning = OPEN_PART_WARNING
    elif any(d.confidence < DOUBTFUL_PART for d in drafts):
        warning = DOUBTFUL_PART_WARNING
    elif any(d.confidence < SURE_PART and _goods_guessed(d) for d in drafts):
        # ("the touch-up solvent tipped over ... 12.5 yds of X stained": a "touch-up kit" the
        # item list names, one assumed, beside the fabric: is it a part at all?)
        warning = GUESSED_PART_WARNING
    else:
        return drafts
    return [
        replace(d, confidence=BESIDE_AN_OPEN_PART, warnings=(*d.warnings, warning))
        if not d.missing and d.confidence > BESIDE_AN_OPEN_PART
        else d
        for d in drafts
    ]
