"""Goods named by what the item list calls them, with no code and no price: "two solar
chargers smashed" where the list has "Solar fence charger 10 mi". Where the words of exactly
one item's name are said, that item is the goods, priced at the list's cost, and the draft
says the match was made by name (never sure: the writer did not give the code).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from ledger.drafting.reading import measures, packs
from ledger.drafting.types import Facts, Guess, ItemInfo
from ledger.money import quantize
from ledger.policy import Category

# how the card asks which of several items the goods' words name (offline.py asks it, by_price
# answers it)
ASKS_WHICH = "which one?"
P_CODE = 0.1  # a code the list does not know, beside priced goods: never sure
P_BY_NAME = 0.5  # the goods matched to an item by the words of its name: a guess to confirm
_WORD = re.compile(r"[a-z]{3,}")
# words of an item's name that say how it is sold or sized, not what it is
_NOT_WHAT = frozenset(
    """
    per each case box pack bag bottle jug roll set pair pairs dozen tray sleeve bundle carton
    gal gallon gallons pound pounds inch inches half quart pint liter litre with and the for
    of mens womens kids size std standard large small medium new old
    """.split()  # noqa: SIM905 (a word list)
)
_RESERVES = (Category.RESERVE_WRITE_OFF, Category.RESERVE_PROVISION)


def singular(word: str) -> str:
    """ "boxes" -> "box", "batteries" -> "battery", "reeds" -> "reed": a goods word's
    singular, enough to compare it with an item list's name."""
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# (an item list's names: a fixed list, read for every message; room for a large list's, or
# one of 5,000 items evicted its own names every draft and read each one again)
@lru_cache(maxsize=65536)
def _what(name: str) -> frozenset[str]:
    """The words of an item's name that say what it is ("Solar fence charger 10 mi" ->
    solar, fence, charger)."""
    return frozenset(singular(w) for w in _WORD.findall(name.lower()) if w not in _NOT_WHAT)


def by_list(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` after every reading here that needs the item list's costs, in order."""
    for step in (
        by_name,
        by_price,
        by_unknown_code,
        by_pairs,
        by_named_container,
        by_pack_said,
        by_stocked_pack,
        by_counted_goods,
        by_catch_weights,
        parts_counted,
    ):
        facts = step(facts, items)
    return no_item(reserve_goods(facts, items), items)


P_PARTS = 0.1  # a count of the goods' parts, read as the goods': never sure


def parts_counted(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """A count said of parts the goods have ("P45B demo unit took a dive, keybed busted and 3
    keys stuck down" of a digital piano: one piano, three keys), read as the goods' own: a
    guess to confirm, unless the item's name says that word (the goods are keys)."""
    if facts.quantity is None or facts.quantity < 2 or facts.sku not in items:
        return facts
    m = _PARTS_SAID.search(facts.source_text)
    if m is None or Decimal(m.group("n")) != facts.quantity:
        return facts
    # (not "88-Key" of a piano's name: a count the name gives of its parts)
    named_as = {singular(w) for w in _OWN_WORD.findall(items[facts.sku or ""].name.lower())}
    if singular(m.group("part").lower()) in named_as:
        return facts
    note = f"'{m.group(0)}': a count of the goods, or of parts of one? Check the quantity"
    return replace(facts, guesses=(*facts.guesses, Guess(note, P_PARTS)))


_OWN_WORD = re.compile(r"(?<![\d-])[a-z]+")
# parts a piece of goods has several of, counted ("3 keys", "2 legs", "4 wheels")
_PARTS_SAID = re.compile(
    r"(?<![\w.$])(?P<n>\d{1,3})\s+(?P<part>keys|buttons|knobs|strings|legs|wheels|handles|hinges"
    r"|lids|spokes|teeth|pins|screws|shelves|drawers|doors|pedals|frets|tuners|tines|slats"
    r"|casters|latches|zippers|straps|buckles|hooks|burners|racks)\b",
    re.IGNORECASE,
)


# weights listed one by one ("61.2 + 58.7 lb", "57.4 lb / 60.0 lb / 55.9 lb", "weights 64.1,
# 66.3, 62.8"): two or more, each with a decimal
_WEIGHT = r"\d{1,4}\.\d{1,2}"
_WEIGHTS = re.compile(
    rf"(?<![\w.$/])({_WEIGHT}(?:\s*(?:lbs?|#))?(?:\s*(?:\+|/|,|&|and)\s*{_WEIGHT}"
    rf"(?:\s*(?:lbs?|#))?)+"
    # (or one box's weight on its label: "1 box of ribeye, 59.8 lb on the label")
    rf"|{_WEIGHT}\s*(?:lbs?|#))(?![\w.])",
    re.IGNORECASE,
)
_WEIGHT_SAID = re.compile(r"\b(?:lbs?|weigh\w*|wts?|catch|scale|labels?)\b|#", re.IGNORECASE)


def by_catch_weights(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` of goods the list prices by the pound, weighed box by box ("brisket, 2 boxes,
    catch wt 61.2 + 58.7 lb" of "... catch wt (per lb)"): the pounds are the sum of the
    weights (the reading had taken one weight, or the boxes, as the count); never sure."""
    item = items.get(facts.sku or "")
    if item is None or facts.total is not None or facts.unit_cost is not None:
        return facts
    if measures.priced_per(item.name) != "pound":
        return facts
    if facts.category in (Category.SHRINKAGE, Category.OVERAGE):
        return facts  # ("book 412.6 lb, counted 377.2 lb": weights compared, not added)
    text = facts.source_text
    found = _WEIGHTS.search(text)
    if found is None or not _WEIGHT_SAID.search(text):
        return facts
    weights = [Decimal(w) for w in re.findall(_WEIGHT, found.group(1))]
    pounds = sum(weights, Decimal(0))
    said = found.group(1)
    note = f"Quantity {' + '.join(format(w, 'f') for w in weights)} = {format(pounds, 'f')} lb"
    return replace(
        facts,
        quantity=pounds,
        unit="lb",
        containers=(),
        notes=(*facts.notes, note),
        used=(*facts.used, *weights),
        doubts=tuple(d for d in facts.doubts if not any(format(w, "f") in d for w in weights)),
        unclear=tuple(u for u in facts.unclear if not any(format(w, "f") in u for w in weights)),
        guesses=(*facts.guesses, Guess(f"'{said}': weights added up", P_CATCH_WEIGHTS)),
    )


P_CATCH_WEIGHTS = 0.1


P_OTHER_ITEM = 0.5  # the goods counted are another item's, by its name: in doubt


def by_counted_goods(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` whose count names goods ("8 shackles") that are a word of another item's name
    and not of the code's ("load cell LC-CW200 dead, and 8 shackles cracked" read as 8 load
    cells, $10,800.00 at 0.87): in doubt, the card asks which."""
    if facts.sku is None or facts.quantity is None or facts.sku not in items:
        return facts
    count = re.escape(format(facts.quantity, "f"))
    said = re.search(rf"(?<![\w.]){count}\s+([a-z]{{3,}})\b", facts.source_text, re.I)
    if said is None:
        return facts
    word = singular(said.group(1).lower())
    if word in _NOT_WHAT or packs.container(word) or word in _what(items[facts.sku].name):
        return facts
    others = sorted(sku for sku, item in items.items() if word in _what(item.name))
    if not others or facts.sku in others:
        return facts
    note = (
        f"'{said.group(0)}' names goods of {', '.join(others[:3])} in the item list, not of "
        f"{facts.sku} ({items[facts.sku].name}): which is it?"
    )
    return replace(facts, guesses=(*facts.guesses, Guess(note, P_OTHER_ITEM)))


P_STOCKED_PACK = 0.1  # the pack of a piece's code counted, stocked as a line of its own


def by_stocked_pack(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` counting packs of a piece's code ("two 10-packs of EXL110") where the item list
    stocks that pack as a line of its own, coded from the piece's ("EXL110-10P", "... 10-pack"):
    the packs of that line, as a guess (the pieces at the piece's cost might be meant)."""
    if facts.sku is None or len(facts.containers) != 1 or facts.quantity is None:
        return facts
    held, count = facts.containers[0]
    if not count or facts.sku not in items or facts.unit_cost is not None or facts.total:
        return facts
    size = facts.quantity / count
    stem = facts.sku.upper()
    fits = [
        sku
        for sku, item in items.items()
        if sku.upper().startswith(stem)
        and len(sku) > len(stem)
        and not sku[len(stem)].isalnum()
        and (packs.size_of(item.name) or packs.pack_of(item.name)) == (held, size)
    ]
    if len(fits) != 1 or not size > 1:
        return facts
    note = (
        f"Read {count} {held}s of {size} as {count} x {fits[0]} ({items[fits[0]].name}), "
        f"the item list's line for the {held}, not {facts.quantity} x {facts.sku}"
    )
    return replace(facts, sku=fits[0], guesses=(*facts.guesses, Guess(note, P_STOCKED_PACK)))


P_RESERVE_GOODS = 0.1  # a reserve moved for goods the list names, read by a word: never sure


def reserve_goods(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """A reserve used or built for goods named by words of the item list's names, no code
    ("add $600 to the reserve for the old chairs" of "CAMP CHAIR FOLDING"): the one item
    whose name says the most of them is the line's SKU, as a guess; several such items, the
    card asks which. The amount is the message's either way, so only the SKU is in doubt."""
    if facts.sku or not items:
        return facts
    if facts.category not in _RESERVES and (facts.total is None or facts.quantity is not None):
        # (and a total of goods the list names, no count: "writedown of $1,450 total on the
        # discontinued Mannington stock" of the one Mannington line, round 250 drafted with
        # no item at 0.97)
        return facts
    if facts.category not in _RESERVES and _MIXED_GOODS.search(facts.source_text):
        return facts  # ("$85 of misc copper fittings", "mixed models"): no one item is meant
    said = _goods_words(facts.source_text)
    hits = {sku: len(_what(item.name) & said) for sku, item in items.items()}
    best = max(hits.values(), default=0)
    if best == 0:
        return facts
    fits = sorted(sku for sku, n in hits.items() if n == best)
    if len(fits) == 1:
        note = f"Read the goods as {fits[0]} ({items[fits[0]].name}) by a word of its name"
        return replace(facts, sku=fits[0], guesses=(*facts.guesses, Guess(note, P_RESERVE_GOODS)))
    shown = ", ".join(fits[:3]) + (" ..." if len(fits) > 3 else "")
    note = f"The goods may be one of the item list's {shown}: which one?"
    return replace(facts, guesses=(*facts.guesses, Guess(note, P_RESERVE_GOODS)))


_MIXED_GOODS = re.compile(
    r"\b(?:misc|miscellaneous|mixed|assorted|various|random|odds\s+and\s+ends|all\s+kinds)\b",
    re.IGNORECASE,
)


def list_goods_said(text: str, names: Iterable[str]) -> bool:
    """Whether `text` says a word of one of the item list's `names` (what the goods are, not
    how they are sold), beside a reserve's own words."""
    said = _goods_words(text)
    return any(_what(name) & said for name in names)


def _goods_words(text: str) -> set[str]:
    """The words of `text` that may name goods: all but a reserve's own words."""
    return {singular(w) for w in _WORD.findall(text.lower())} - _RESERVE_TALK


# a reserve's own words, which name no goods ("the obsolescence reserve", "E&O")
_RESERVE_TALK = frozenset(
    """
    reserve obsolescence obsolete allowance provision write off against use add top take out
    stock inventory goods item product excess next season leftover dead slow moving aged aging
    """.split()  # noqa: SIM905 (a word list)
)


P_NO_ITEM = 0.1  # counted goods the item list has, none of them named: never sure
_A_COMPANY_LIST = 12  # (a list of a few items is a test's or a sketch's, not a company's)
NO_ITEM = (
    "No item of the list was named for these goods: which is it? (The entry is priced from "
    "the message; the item shows on the books and in QuickBooks)"
)


def no_item(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """Counted goods, priced by the message, with a company item list and none of its items
    named ("2 cs reds (10 packs/cs) @ $140/cs" of "Bones Reds Bearings 8pk"): the amount may be
    right, the entry's item is not known; never sure."""
    if facts.sku or len(items) < _A_COMPANY_LIST:
        return facts
    if facts.category in _RESERVES:
        # a reserve moves money, often for a class of goods ("top up the reserve $750 for
        # seasonal packaging"); only goods counted for it are an item to ask about
        if facts.quantity is None:
            return facts
    elif facts.quantity is None and not (facts.total is not None and _goods_named(facts)):
        return facts
    return replace(facts, guesses=(*facts.guesses, Guess(NO_ITEM, P_NO_ITEM)))


# ("1 grand worth of jumbos died", "$300 in tulips"): goods named by a word of their own after
# the money; "$2,400 of damaged inventory" names none
_GOODS_AFTER_MONEY = re.compile(
    r"(?:\d|\bgrand\b|\bk\b)\s*(?:bucks\s+|dollars\s+)?(?:worth\s+of|worth|of|in)\s+"
    r"(?:the\s+|our\s+|those\s+|these\s+)?(?P<w>[a-z][a-z'-]{2,}(?:\s+[a-z][a-z'-]{2,}){0,2})",
    re.IGNORECASE,
)
# where the goods' words end ("$2,400 of stock from warehouse B")
_PLACE_OR_TIME = frozenset(
    ("from", "at", "on", "in", "to", "for", "by", "with", "when", "after", "before", "during")
)
_ANY_GOODS = frozenset(
    """
    stock inventory product products goods merchandise supplies stuff items item materials
    material damaged expired obsolete spoiled broken stolen missing lost old dead assorted
    misc mixed various random odd miscellaneous shrink shrinkage loss losses write writeoff
    inv store warehouse backstock overstock dented
    """.split()  # noqa: SIM905 (a word list)
)


def _goods_named(facts: Facts) -> bool:
    """("1 grand worth of jumbos", "420 bucks of broken amber markers"): a word of the goods'
    own after the money, not a generic one ("damaged inventory") nor a place's."""
    m = _GOODS_AFTER_MONEY.search(facts.source_text)
    if m is None:
        return False
    for word in m.group("w").lower().split():
        if word in _PLACE_OR_TIME:
            return False
        if word not in _ANY_GOODS:
            return True
    return False


def by_name(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` with the item its goods are named as, when no code and no price were said and
    the words of one item's name are there (all of them, or two or more), more of them than
    of any other item's."""
    if facts.sku or facts.unit_cost is not None or facts.total is not None:
        return facts
    if facts.category in _RESERVES or facts.new_unit_value is not None:
        return facts
    said = {singular(w) for w in _WORD.findall(facts.source_text.lower())}
    hits = {
        sku: (len(_what(item.name) & said), len(_what(item.name))) for sku, item in items.items()
    }
    fits = [(n, sku) for sku, (n, of) in hits.items() if of and (n == of or n >= 2)]
    if not fits:
        return facts
    best, sku = max(fits)
    if sum(1 for n, _ in hits.values() if n == best) > 1:
        return facts  # another item's name is said as fully: which one?
    note = f"Matched the goods to {sku} ({items[sku].name}) by its name: no code was given"
    return replace(facts, sku=sku, guesses=(*facts.guesses, Guess(note, P_BY_NAME)))


def by_price(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` with the item its goods were named as, when the message prices them: a word of
    one item's name only ("write off $350 of expired milk" of "Milk 2L"), or words that fit
    several items and a price that is the list cost of exactly one ("2 chemex brewers, $45
    each" of a $45 coffeemaker and $12 filters). The amount is the message's either way;
    still a match by name (the guess stays, reworded)."""
    if facts.sku or not facts.candidates:
        return facts
    price = facts.unit_cost
    if price is None and facts.total is not None:
        # ("the fence charger fell off the pallet, $199": one thing at that amount)
        price = facts.total / facts.quantity if facts.quantity else facts.total
    known = [s for s in facts.candidates if s in items]
    if len(known) == 1 and len(facts.candidates) == 1:
        # ("gamsol cans rusted thru, 3 leaking": priced from the list on one word, a guess to
        # confirm; priced by the message, only the item is a guess)
        sku, why, penalty = known[0], " by a word of its name", P_BY_NAME if price is None else 0
    else:
        fits = [s for s in known if price is not None and items[s].unit_cost == price]
        if len(fits) != 1:
            return facts
        sku, why, penalty = fits[0], ": the price said is its cost", 0
    note = f"Read the goods as {sku} ({items[sku].name}){why}"
    guesses = tuple(
        Guess(f"{note} (the words may name {', '.join(facts.candidates)})", g.penalty)
        if ASKS_WHICH in g.message and len(facts.candidates) > 1
        else Guess(f"{note}: no code was given", max(g.penalty, penalty))
        if ASKS_WHICH in g.message
        else g
        for g in facts.guesses
    )
    return replace(facts, sku=sku, guesses=guesses)


# a product's code as counters type it: capitals then figures ("C40", "PM45", "T27")
_CODE_TYPED = re.compile(r"(?<![\w-])([A-Z]{1,3}\d{2,4}[A-Z]?)(?![\w-])")


def by_unknown_code(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` of goods priced by the message and named by a code the item list does not
    know ("2 sacks C40 got soaked, $117.50 all in") or by no word of it ("1 cs of PHBs"): the
    one item whose cost is the price said is read as the goods, as a guess; a code with none
    or several such items, the card asks which item it is (never sure: the code may be an
    item the list lacks, or one it has). The price per piece is the total over the pieces
    where both are known (a unit cost read may be a container's)."""
    if facts.sku or facts.candidates or not items or facts.category in _RESERVES:
        return facts
    known = {sku.upper() for sku in items}
    codes = [c for c in _CODE_TYPED.findall(facts.source_text) if c.upper() not in known]
    price = facts.unit_cost
    if facts.total is not None and facts.quantity:
        # ("yogurt case cost is 31.50 (6/cs), 4 cases": $126 over 24 cups is $5.25 a cup)
        price = facts.total / facts.quantity
    if price is None:
        return facts
    fits = [sku for sku, item in items.items() if item.unit_cost == price]
    if not codes:
        if len(fits) != 1 or not facts.quantity:
            return facts
        # goods named by words the list does not use, priced at exactly one item's cost
        # ("1 cs of PHBs (10/cs) @ $292.50/cs" of a $29.25 Player's Handbook): a guess
        sku = fits[0]
        note = (
            f"Read the goods as {sku} ({items[sku].name}): its cost is the price said; "
            "no code or name of the list was given"
        )
        return replace(facts, sku=sku, guesses=(*facts.guesses, Guess(note, P_CODE)))
    if len(fits) == 1:
        sku = fits[0]
        note = (
            f"Read '{codes[0]}' as {sku} ({items[sku].name}): its cost is the price said; "
            f"'{codes[0]}' is not in the item list"
        )
        return replace(facts, sku=sku, guesses=(*facts.guesses, Guess(note, P_CODE)))
    note = f"'{codes[0]}' is not in the item list: which item is it?"
    return replace(facts, guesses=(*facts.guesses, Guess(note, P_CODE)))


# a count in pairs: "10 pr", "4 prs", "3 pairs"
_IN_PAIRS = re.compile(r"(?<![\w.])(\d+)\s*(?:pr|prs|pairs?)\b", re.IGNORECASE)


def by_pairs(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` of goods counted in pairs that the item list prices by the piece ("10 pr" of
    "Shredded Foam Pillow Queen ea"): ten pieces or twenty? Never sure; the card asks."""
    item = items.get(facts.sku or "")
    if item is None or facts.quantity is None or packs.sold_by(item.name) is not None:
        return facts
    said = next(
        (m for m in _IN_PAIRS.finditer(facts.source_text) if Decimal(m.group(1)) == facts.quantity),
        None,
    )
    if said is None:
        return facts
    note = (
        f"'{said.group(0)}': pairs of an item the list prices by the piece; "
        f"{said.group(1)} pairs are {2 * int(said.group(1))} pieces: which is meant?"
    )
    return replace(facts, guesses=(*facts.guesses, Guess(note, P_CODE)))


# what an item list's name says one of its containers holds: "3BDL/SQ", "(500/BALE)",
# "50/sleeve", "24/CS" (so many of the priced unit to the container named after the slash)
# "CS/24", "(PLT/65)", "BX/12": the container first, then what it holds
_HOLDS = re.compile(
    # ("per sq ft (12.5 sf/box)": a box of twelve and a half square feet)
    r"(?<![\w.])(?P<n>\d+(?:\.\d+)?)\s*[a-z]{0,6}\s*/\s*(?P<c>[a-z]{2,8})\b"
    # (abbreviations only: "case/1000" names what the list prices, "CS/24" what holds it)
    # ("CT/10 RM", "PK/16", "TR/8", "RL/2500": a carton, pack, tray or roll of so many)
    # ("Tortex .60mm Refill BAG/72": the word in capitals, as a list prints its pack)
    rf"|(?<![\w/])(?P<c2>{packs.PACK_SHORT}"
    r"|(?-i:BAG|BOX|CASE|PACK|TRAY|JAR|TUB|ROLL|BUNDLE|SLEEVE)"
    # ("PEX 1/2 in crimp rings bag/100": in lower case too, when it ends the name)
    # ("Carlon 1G new work box, carton/100", "Hosta Patriot 4in, flat/18": round 231)
    r"|(?-i:bag|box|case|pack|tray|jar|tub|roll|bundle|sleeve|carton|flat)"
    r"(?=\s*/\s*\d+\s*\)?\s*$))"
    r"\s*/\s*(?P<n2>\d+)\b(?!\s*/|\.\d)",
    re.IGNORECASE,
)
# the words a message counts such containers by
_CONTAINER_SAID = {
    "sq": "square", "sqs": "square", "square": "square", "squares": "square",
    "ct": "carton", "tr": "tray", "rl": "roll", "bg": "bag", "bgs": "bag", "btl": "bottle",
    "cd": "card", "cn": "carton", "sl": "sleeve",
}  # fmt: skip


def _holds(name: str) -> re.Match[str] | None:
    """The pack an item list's name gives: the abbreviated case pack ("BX/100") first, then
    any other ("24/CS"); "coupling 1/2 w/ stop BX/100" is a box of 100, not "2 w/ stop"."""
    first = None
    for m in _HOLDS.finditer(name):
        if m.group("c2"):
            return m
        first = first or m
    return first


def pack_in_name(name: str) -> re.Match[str] | None:
    """The pack an item list's name gives (see _holds): its count is group "n" or "n2", its
    container "c" or "c2"."""
    return _holds(name)


def container_said(word: str) -> str | None:
    """The container a word of a message or a list's name counts ("ct" -> "carton")."""
    low = word.lower()
    return _CONTAINER_SAID.get(low) or packs.holder(low)


def price_said_per(text: str, held: str, price: Decimal | None = None) -> bool:
    """Whether `text` says a price (`price`, when given) per the container `held` ("5.00 a
    box", "$36/cs", "$60/box")."""
    return any(
        packs.priced_container(m.group(2)) == held
        and (price is None or Decimal(m.group(1).lstrip("$ ").replace(",", "")) == price)
        for m in _PRICE_PER_WORD.finditer(text)
    )


# money, then what it is per ("$36/cs", "5.00 a box"; "100/bg" is how many a bag holds)
_PRICE_PER_WORD = re.compile(
    r"(\$\s?\d[\d,]*(?:\.\d+)?|\d\.\d\d)\s*(?:an?|per|/)\s*([a-z]+)\b", re.IGNORECASE
)


def by_named_container(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` of goods counted in a container the item list's name sizes ("4 squares" of
    "Timberline Charcoal 3BDL/SQ (BDL)", priced by the bundle; "2 bales" of "towel ea
    (500/BALE)"): the pieces the list prices, multiplied out and shown, never sure (the count
    might already be the pieces)."""
    item = items.get(facts.sku or "")
    if item is None or facts.quantity is None or facts.total is not None:
        return facts
    holds = _holds(item.name)
    if holds is None:
        return facts
    size = Decimal(holds.group("n") or holds.group("n2"))
    held = container_said(holds.group("c") or holds.group("c2"))
    if held is None or size <= 1 or packs.sold_by(item.name) == held:
        return facts
    if holds.group("c2") and facts.unit_cost is not None:
        return facts  # "2 cs @ $150/cs": the message prices what it counted
    if price_said_per(facts.source_text, held):
        # ("mark the santas down from 16.32 to 5.00 a box, 75 bx" of "... 24/BX" at $16.32:
        # the message prices the box; 75 boxes were 1,800 santas at a box's price each)
        return facts
    if held == "case" and _CASE_CODE.search(item.sku):
        return facts  # "BL-BIOT-10-CS": the code says the list's unit is the case
    whole = _whole_and_loose(facts, held, size)
    counted = held in dict(facts.containers)
    if _priced_by_the_case(item, holds, held, size, counted):
        if whole is not None:
            # "2 cs plus 5 loose boxes": the cases at the list's cost, the loose their share
            cases, n, word = whole
            pieces = _multiplied(facts, holds.group(0), held, size, cases, word, n)
            total = quantize(item.unit_cost * cases + item.unit_cost * n / size)
            summed = replace(pieces, unit_cost=None, total=total)
            return _priced_by_the_container(summed, item, holds.group(0), held, size)
        return _priced_by_the_container(facts, item, holds.group(0), held, size)
    if whole is not None:
        # "1 case plus 3 loose gravy cups": the cases multiplied out to the pieces priced
        cases, n, word = whole
        return _multiplied(facts, holds.group(0), held, size, cases, word, n)
    count = "|".join([re.escape(str(facts.quantity)), *_COUNT_WORDS.get(facts.quantity, ())])
    said = re.search(
        # (never a measure's word: "20 sq ft")
        # (or with the code between: "2 LB100 boxes missing", round 326)
        rf"(?<![\w.])(?:{count})\s+(?:of\s+)?(?:{re.escape(item.sku)}\s+)?([a-z]+)\b"
        r"(?!\.?\s*(?:ft|feet|foot|in|inch"
        r"|inches|yds?|yards?|m|meters?|metres?)\b)",
        facts.source_text,
        re.IGNORECASE,
    )
    container_word: str | None = said.group(1) if said is not None else None
    if (container_word is None or container_said(container_word) != held) and facts.unit:
        # ("quarter case of X", "2 extra boxes of X": the reading counted the containers, in
        # words the pattern above does not see; round 326 drafted a quarter case of a piece
        # priced 50 to the case as a quarter of one piece, sure)
        container_word = facts.unit if container_said(facts.unit) == held else container_word
    if container_word is None or container_said(container_word) != held:
        if facts.unit_cost is None and not packs.says_each(item.name):
            # "50 TR413 stems" of "VALVE STEM TR413 BX/100" at $18.50: the list's cost may be
            # the box's or one stem's; the name does not say which
            note = (
                f"The item list's name says '{holds.group(0)}' ({item.name}): is "
                f"{item.unit_cost} the cost of one, or of a {held}?"
            )
            return replace(facts, guesses=(*facts.guesses, Guess(note, P_CODE)))
        return facts
    if (holds.group("c2") or "").lower() in ("bx", "bg") and not (
        packs.says_each(item.name) or _MEASURE_BEFORE.search(item.name, 0, holds.start())
    ):
        return facts  # "GAUZE SPONGE BX/50" is as often the box's cost: the boxes counted
    return _multiplied(facts, holds.group(0), held, size, facts.quantity, container_word)


# A case pack whose pieces at the list's cost would make one case worth this much or more:
# the cost is the case's ("CUP HOT 8OZ CS/1000" at $52.00 is not $52,000.00 a case; "CAB SAUV
# 750ML CS/12" at $168.00 not $2,016.00). Held-out rounds 82-83: 45 more right, none broken.
CASE_PRICED_FROM = Decimal(1000)
# ... and one whose cost, as a case's, would make each piece worth less than this: the
# piece's cost (24 gravy cups at $0.85 the case would be 3.5 cents a cup; 48 bottles of
# water at $7.20 the case are 15 cents each, as a case of water is)
PIECE_FLOOR = Decimal("0.10")
# ... unless the case itself would then cost this much or more: a box of 100 gloves at $6.90
# or of 100 filters at $9.80 is the box's cost, however cheap each piece (held-out round 97);
# a pallet never costs so little
CASE_FLOOR = Decimal("2.00")
# ... and a sleeve of cups or lids ("slv/25") costs its pieces' share down to this
SLEEVE_FLOOR = Decimal("0.02")
# a measure word with no figure of its own just before the pack: the measure is what is
# priced ("HOPS CITRA LB (BX/44)"), not a piece's size ("Spray paint 12 oz CS/6")
# ("Gift wrap roll 30 sq ft CS/24": an area is the piece's size too; "Vinyl glove M BX/100":
# an M alone is the size medium, no metre)
_MEASURE_PRICED = re.compile(
    r"(?<![\d.\s])(?<!\d\ssq)(?<!\d\scu)\s*\b(?:lb|lbs|kg|ft|yd|oz|gal)\s*\(?\s*$", re.I
)


def case_pack_size(name: str, held: str) -> Decimal | None:
    """How many pieces the item list's name says one `held` container holds ("CS/24",
    "24/CS", "case of 24", "12PK" of a pack), or None."""
    holds = _holds(name)
    if holds is not None:
        size = Decimal(holds.group("n") or holds.group("n2"))
        if size > 1 and container_said(holds.group("c") or holds.group("c2")) == held:
            return size
    sized = packs.size_of(name)
    if sized is not None and sized[0] == held:
        return sized[1]
    pack = packs.pack_of(name)
    return pack[1] if pack is not None and pack[0] == "pack" and held == "pack" else None


def priced_by_its_pack(item: ItemInfo) -> tuple[str, Decimal] | None:
    """The container and its size, when the item list's name gives a case pack ("BX/100",
    "CS/12") the list's cost is the container's (_priced_by_the_case): pieces are a share of
    it."""
    holds = _holds(item.name)
    # (or so many to the container, ending the name: "Cassia table lamp 2/CN", "500/CS")
    if holds is None or not (holds.group("c2") or _ENDS_THE_NAME.match(item.name, holds.end())):
        return None
    size = Decimal(holds.group("n2") or holds.group("n"))
    held = container_said(holds.group("c2") or holds.group("c"))
    if held is None or size <= 1 or not _priced_by_the_case(item, holds, held, size):
        return None
    return held, size


_ENDS_THE_NAME = re.compile(r"[\s)]*$")


def _code_says_the_pack(sku: str, size: Decimal) -> bool:
    """Whether an item's code ends with its case pack ("-12CS", "-24", "12CS")."""
    m = _CODE_PACK_END.search(sku)
    return m is not None and Decimal(m.group(1) or m.group(2)) == size


# ("CORONA-24-CS" of "Corona Extra 12oz btl 24/CS" at $29.75: the case, its separator kept)
_CODE_PACK_END = re.compile(
    r"[-_/](\d{1,3})(?:[-_/]?(?:cs|ct|pk|bx))?$|(?<=\D)(\d{1,3})(?:cs|ct)$", re.I
)


def _priced_by_the_case(
    item: ItemInfo, holds: re.Match[str], held: str, size: Decimal, counted: bool = False
) -> bool:
    """Whether the list's cost of a line its name gives a case pack is the container's.

    A pack after the name ("Cocktail sauce 12 oz bottle CS/12" at $27.60, "RED BULL 8.4OZ
    CS/24") is how a distributor's list names the unit it stocks and costs: the case.
    Unless the name says the piece or a measure is priced ("EA 24/CS", "CUMIN LB (BX/40)"),
    or the case's cost would make a piece worth less than PIECE_FLOOR ("GRAVY CUP 4OZ
    CS/24" at $0.85 is one cup's). Held-out round 87 (sets 734-741): 39 more right, none
    broken; the card says which it read, never sure either way."""
    if packs.says_each(item.name):
        return False  # ("Echelon reload 60mm, EA (12/BX)" at $231.50: the reload's cost)
    if held == "pallet" and packs.ships_in(item.name):
        # ("Diamond Naturals 40 lb bag (50 bags/pallet)" at $31.90: how the bags ship)
        return False
    if item.unit_cost * size >= CASE_PRICED_FROM:
        return True
    if _MEASURE_PRICED.search(item.name, 0, holds.start()):
        return False  # ("HOPS CITRA LB (BX/44)" of HP-44: the pound is priced, whatever the code)
    if _code_says_the_pack(item.sku, size) and a_case_could_cost(item.unit_cost, size):
        # ("SHK-CH73-12CS" of "Cal Hypo Shock 73% 1 LB 12/CS", "FF-CLPATE-24" of "... 3OZ
        # 24/CS"): the code itself names the case it stocks (but "MON-GRN-16-24" at $1.62 is
        # a can's: a case would cost next to nothing)
        return True
    if re.search(rf"(?<![\w.]){size}\s*-?\s*(?:ct|count)\b", item.name, re.IGNORECASE):
        # ("Crayons 24ct (box/24)" at $1.45: the 24-count box is the item, however cheap each
        # crayon; round 197 drafted 20 boxes as 480 x $1.45)
        return True
    if packs.ships_in(item.name) and not (counted and a_case_could_cost(item.unit_cost, size)):
        # ("oil filter PH3614 (12/CS)", "glide wax 60g (24/cs)", "Milk Whole 1 GAL 4/CS"): a
        # note of how the pieces ship, in brackets or after the piece's volume; the list costs
        # the piece (held-out rounds 138-143). But the cases counted, where a case could cost
        # that much, are the list's unit ("3 cases cel ray" of "Cel-Ray 12oz can, 24/cs" at
        # $13.20: three cases, not 72 cans at $13.20; round 275)
        return False
    if not holds.group("c2") and not _ENDS_THE_NAME.match(item.name, holds.end()):
        return False  # "3BDL/SQ (BDL)", "50/sleeve": the name counts what it prices
    if held == "pallet":
        return item.unit_cost >= PIECE_FLOOR * size  # ("PLAY SAND 50LB BAG (PLT/60)" at $4.10)
    if held == "sleeve" and a_container_could_cost(item.unit_cost, held, size):
        # ("Dart 16oz foam cup, slv/25" at $1.85): a sleeve holds cups and lids at a few cents
        # each; the list prices the sleeve (a foam cup at $1.85 would be dear; set 1331)
        return True
    return a_case_could_cost(item.unit_cost, size)


def a_container_could_cost(cost: Decimal, held: str, size: Decimal) -> bool:
    """a_case_could_cost, but a sleeve holds cups and lids at a few cents each ("Dart 16oz
    foam cup, slv/25" at $1.85 is the sleeve's cost)."""
    return (held == "sleeve" and cost >= SLEEVE_FLOOR * size) or a_case_could_cost(cost, size)


def a_case_could_cost(cost: Decimal, size: Decimal) -> bool:
    """Whether `cost` could be a case of `size` pieces' cost: not when each piece would be
    worth less than PIECE_FLOOR, unless the case itself costs CASE_FLOOR or more."""
    return cost >= min(PIECE_FLOOR * size, CASE_FLOOR)


def _priced_by_the_container(
    facts: Facts, item: ItemInfo, listed: str, held: str, size: Decimal
) -> Facts:
    """`facts` counting containers of a case pack the list's cost must be the container's
    price of: the containers are the list's unit, never sure (the card shows both)."""
    note = (
        f"Read the item list's {item.unit_cost} for {item.name} as a {held}'s cost: at "
        f"{item.unit_cost} a piece, a {held} of {size} ('{listed}') would be "
        f"{item.unit_cost * size}"
    )
    asked = f"how many pieces in {packs.a(held)}?"
    return replace(
        facts,
        guesses=(*(g for g in facts.guesses if asked not in g.message), Guess(note, P_CODE)),
        unclear=tuple(u for u in facts.unclear if asked not in u),
        doubts=tuple(u for u in facts.doubts if asked not in u),
    )


def _whole_and_loose(facts: Facts, held: str, size: Decimal) -> tuple[Decimal, Decimal, str] | None:
    """Whole containers and loose pieces of the same goods in one part ("1 case plus 3
    loose gravy cups"; the reading took either figure for the count): the containers, the
    loose pieces and the container's word, or None."""
    whole = _WHOLE_AND_LOOSE.search(facts.source_text)
    if whole is None or container_said(whole.group("w")) != held:
        return None
    cases = _count_value(whole.group("k"))
    n = Decimal(whole.group("n"))
    if cases is None or facts.quantity not in (cases, n) or n >= size:
        return None
    return cases, n, whole.group("w")


def _multiplied(
    facts: Facts,
    listed: str,
    held: str,
    size: Decimal,
    cases: Decimal,
    word: str,
    loose: Decimal = Decimal(0),
) -> Facts:
    pieces = cases * size + loose
    note = (
        f"{cases} {word} x {size} per {held} (the item list: '{listed}')"
        + (f" + {loose} loose" if loose else "")
        + f" = {pieces}, priced by the piece the list prices"
    )
    # the reading asked how many pieces a case holds (the list's name said), and what the
    # other figure was (the loose pieces, or the cases they came with)
    asked = [f"how many pieces in {packs.a(held)}?", f"how many pieces are in {packs.a(held)}?"]
    if loose:
        asked += [f"'{loose}'", f"number {loose}", "what the", "came in", "container count"]
    return replace(
        facts,
        quantity=pieces,
        guesses=(
            *(g for g in facts.guesses if not any(a in g.message for a in asked)),
            Guess(note, P_CODE),
        ),
        unit=None,
        unclear=tuple(u for u in facts.unclear if not any(a in u for a in asked)),
        doubts=tuple(u for u in facts.doubts if not any(a in u for a in asked)),
        notes=tuple(u for u in facts.notes if not any(a in u for a in asked)),
    )


def _count_value(said: str) -> Decimal | None:
    low = " ".join(said.lower().split())
    for value, words in _COUNT_WORDS.items():
        if low in words:
            return value
    try:
        return Decimal(low)
    except ArithmeticError:
        return None


# whole cases and loose pieces: "2 cs ... + 6 loose", "1 case plus 5 loose cans"
_WHOLE_AND_LOOSE = re.compile(
    r"(?<![\w.,/-])(?P<k>[1-9]\d{0,3}(?:\.\d+)?|an?|one|two|half\s+an?)\s+(?:of\s+)?(?P<w>[a-z]+)\b"
    r"[^+;\n]{0,40}?(?:\+|\bplus\b|\band\b|&|,|\bw/)\s*(?P<n>\d+)\s+(?:loose|singles?)\b",
    re.IGNORECASE,
)


# a measure the list prices by, before its box's size: "HOP CITRA LB (BX/44)"
# (a figure's metre: "25M", "25 m"; a lone "M" is a size, medium)
_MEASURE_BEFORE = re.compile(
    r"\b(?:lb|lbs|kg|ft|yd|oz|gal)\s*\(?\s*$|(?<=\d)\s?m\s*\(?\s*$", re.IGNORECASE
)
_CASE_CODE = re.compile(r"(?:^|[-_.\s])(?:cs|case)$", re.IGNORECASE)


# counts said in words, by the value the reading took from them ("a case", "half a case")
_COUNT_WORDS: dict[Decimal, tuple[str, ...]] = {
    Decimal(1): ("a", "an", "one"),
    Decimal("0.5"): ("half a", "half an", "half"),
    Decimal(2): ("two", "a couple of", "a couple"),
}


# A pack said in an item list's name: "12PK", "36CT BX", "4/1GAL CS", "BX/25", "DZ", "CASE
# 12CT". What the list's cost buys is that pack, or one piece packed so.
_PACK_IN_NAME = re.compile(
    r"(?<![\w.])\d+\s*(?:pk|ct|pc|pcs|pack|count)\b"
    r"|(?<![\w.])\d+\s*/\s*\d*(?:\.\d+)?\s*(?:gal|qt|lb|oz|l|ml|ltr|pt|kg)\b"
    r"|\b(?:cs|bx|pk|case|box|bag|bg|slv|ctn|sleeve|tray|rack)\s*/\s*\d+"
    r"|(?<![\w.])\d+\s*/\s*(?:cs|bx|pk|case|box|bag|bg|slv|ctn|sleeve|tray|rack)\b"
    r"|\b(?:dz|doz|dozen)\b|\b(?:case|box)\s+(?:of\s+)?\d+",
    re.IGNORECASE,
)
P_PACK_SAID = 0.15  # pieces said of an item the list sells as a pack: which is counted?
_COUNTED_AGAINST_BOOKS = "The books say "  # (the note of a count line: "sys 480 / ct 462")


def by_pack_said(facts: Facts, items: Mapping[str, ItemInfo]) -> Facts:
    """`facts` counting an item the list sells as a pack ("4/1GAL CS", "CS/24", "12PK") in a
    word of its own ("3 jugs" of cal-clean, "7 wired earbuds", "2 boxes"): the count may be of
    pieces of the pack the list prices, or of the packs. Never sure. Counted with the code
    alone ("3 4171-08") or in the pack itself ("2 cs", "3 12pks"), it is the list's unit."""
    item = items.get(facts.sku or "")
    if item is None or facts.quantity is None:
        return facts
    if facts.unit_cost is not None or facts.total is not None or packs.says_each(item.name):
        return facts  # the message prices what it counted; the list says it prices each
    pack = _PACK_IN_NAME.search(item.name)
    if pack is None or measures.measure(facts.unit) is not None:
        return facts
    if any("pieces" in g.message or "per case" in g.message for g in facts.guesses):
        return facts  # already read as pieces of the list's container, and said so
    count = "|".join([re.escape(str(facts.quantity)), *_COUNT_WORDS.get(facts.quantity, ())])
    after = re.search(
        rf"(?<![\w.])(?:{count})\s*(?:x\s+)?(?:of\s+(?:the\s+)?)?([\w-]+)", facts.source_text, re.I
    )
    if after is None:
        if any(n.startswith(_COUNTED_AGAINST_BOOKS) for n in facts.notes):
            # ("611269991000 sys 480 / ct 462" of "Red Bull 8.4oz can, 24pk Cs": cans or
            # cases counted? round 328 drafted 18 cases, sure)
            note = (
                f"The count of {item.sku} ({item.name}): the list's cost is for "
                f"'{pack.group(0)}'; were pieces of it counted, or whole ones?"
            )
            return replace(facts, guesses=(*facts.guesses, Guess(note, P_PACK_SAID)))
        return facts
    said = after.group(1)
    if said.upper() == item.sku.upper():
        by_name = said_as_name(facts, item.sku)
        if not by_name:
            return facts  # the code counted: the list's unit
        said = by_name[0]
    words = {packs.holder(w) or singular(w.lower()) for w in re.findall(r"[A-Za-z]+", said)}
    if words & {"unit", "pc", "piece", "ea", "each", "item"}:
        return facts
    named = {packs.holder(w) or w.lower() for w in re.findall(r"[A-Za-z]+", pack.group(0))}
    if words & named or ("pack" in words and named & {"pk", "ct", "pack", "count"}):
        return facts  # "2 cs" of "CS/24", "3 packs" of "12PK": the pack itself counted
    note = (
        f"'{facts.quantity} {said}' of {item.sku} ({item.name}): the list's cost is for "
        f"'{pack.group(0)}'; are these pieces of it, or whole ones?"
    )
    return replace(facts, guesses=(*facts.guesses, Guess(note, P_PACK_SAID)))


def said_as_name(facts: Facts, sku: str) -> list[str]:
    """The words the reading took for the item's name, from its notes ("Read 'eggs' as
    EGG-DZ by its name in the item list"): the goods as typed, before the code replaced
    them in the text."""
    mark = f"' as {sku} by"
    said = [
        g.message[6 : g.message.find(mark)]
        for g in facts.guesses
        if g.message.startswith("Read '") and g.message.find(mark) > 6
    ]
    # ... or a name with figures said beside the code ("250 of the 12oz hot cups 402118":
    # "Read '12oz hot cups' as the name of 402118"; not "hydraulic oil" beside OIL-100)
    beside = f"' as the name of {sku}:"
    for note in facts.notes:
        name = note[6 : note.find(beside)] if note.startswith("Read '") else ""
        if note.find(beside) > 6 and any(c.isdigit() for c in name):
            said.append(name)
    return said
