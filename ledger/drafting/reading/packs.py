"""Quantities said through packs: dozens and their fractions, cases with a count per case,
pallets of cases, "8 6-packs", and a percentage or fraction of a stated quantity.

The quantity is always the number of pieces, the product of what was said, and the reading
says how it multiplied ("3 cases x 12 per case = 36"). It also remembers how many of each
container there were, so a price per case is read against cases, not pieces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ledger.drafting.reading import measures
from ledger.drafting.reading.fast import lead, lead_num, twin_patterns
from ledger.money import MoneyError, parse_decimal

_I = re.IGNORECASE
_MAX = Decimal(10) ** 9
_WORDNUM = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred)"
)
_NOT_AFTER_TENS = (
    "".join(
        rf"(?<!{w}\s)(?<!{w}-)"
        for w in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    )
    + r"(?<!hundred\s)(?<!thousand\s)(?<!\sand\s)"
)
# a count: digits (never a price or part of a code) or a number word. Two decimals are
# cents: "111 cases, 9.00 a case" is a price per case, never 9 pieces a case.
_N = (
    # ("(2,000 pcs)", "(1,200/box)": thousands with commas)
    r"(?:(?<![$\w.,/-])(?:\d{1,3}(?:,\d{3})+(?![.,]\d)|\d+(?:\.\d(?!\d)|\.\d{3,})?)"
    r"(?![.,]\d)(?![\d.,]*\s*%)(?![\w-])(?!/\d)"
    # (a number said in several words, "twenty two pair", is one count, never its last word)
    rf"|\b{_NOT_AFTER_TENS}{_WORDNUM}(?:(?:\s*-\s*|\s+(?:and\s+)?){_WORDNUM})*\b)"
)
_CONTAINERS = {
    "case": "case", "cases": "case", "cs": "case", "carton": "carton", "cartons": "carton",
    "ctn": "carton", "ctns": "carton", "box": "box", "boxes": "box", "bx": "box", "bxs": "box",
    "pack": "pack", "packs": "pack", "pk": "pack", "pks": "pack", "packet": "pack",
    "packets": "pack", "pallet": "pallet", "pallets": "pallet", "plt": "pallet",
    "plts": "pallet", "skid": "pallet", "skids": "pallet", "crate": "crate",
    "crates": "crate", "tray": "tray", "trays": "tray", "sleeve": "sleeve",
    "sleeves": "sleeve", "slv": "sleeve", "slvs": "sleeve", "sl": "sleeve", "bundle": "bundle",
    "bundles": "bundle", "bdl": "bundle", "bdls": "bundle", "bndl": "bundle",
    "bndls": "bundle", "tote": "tote",
    "totes": "tote", "flat": "flat", "flats": "flat", "bag": "bag", "bags": "bag",
    "drum": "drum", "drums": "drum", "container": "container", "containers": "container",
    # ("DS103T-P ... pail of 1750": deck screws and nails sold by the pail; round 207 counted
    # 3 pails at 0.97 where the writers counted 5,250 screws)
    "pail": "pail", "pails": "pail",
    "inner": "inner", "inners": "inner", "inner pack": "inner", "inner packs": "inner",
    "inner box": "inner", "inner boxes": "inner", "inner carton": "inner",
    "inner cartons": "inner", "set": "set", "sets": "set",
    # ("2 cards of 377s, 5 per card", "2 strips of 364s (5/strip)", "4 tubes x 250 beads")
    "card": "card", "cards": "card", "strip": "strip", "strips": "strip", "tube": "tube",
    "tubes": "tube",
    # ("4 bales of 50", "3 bricks of film, 5 rolls per brick", "2 layers x 8 pails",
    # "2 carts (30 flats/cart)", "3 bundles (25/bn)")
    "bale": "bale", "bales": "bale", "brick": "brick", "bricks": "brick", "layer": "layer",
    "layers": "layer", "cart": "cart", "carts": "cart", "bn": "bundle", "bns": "bundle",
    # "4 inners per master": a master is the outer carton
    "master": "carton", "masters": "carton", "mc": "carton", "mcs": "carton",
    # ("a shipper of 24"): the carton a counter display comes in
    "shipper": "shipper", "shippers": "shipper",
    # ("4 racks of glasses (16 per rack)", "2 caddies of chips, 64 ct each", "4 rolls, 5 cans
    # a roll", "1 sheet pan of croissants (12/pan)")
    "caddy": "caddy", "caddies": "caddy", "rack": "rack", "racks": "rack",
    # ("4 bkts HKP-OFF (50/bkt)", "4 rolls ZYN-CM6 (5 cans/roll)": what holds the pieces)
    "bucket": "bucket", "buckets": "bucket", "bkt": "bucket", "bkts": "bucket",
    # ("4 hanks BD-SD11, 12 strands per hank": a bead shop's bundle)
    "hank": "hank", "hanks": "hank",
    # ("3 squares X, 3 bundles per square": a roofer's hundred square feet of shingles)
    "square": "square", "squares": "square",
    "roll": "roll", "rolls": "roll",
    # ("Resistor 10k 0603, reel of 5000": parts on tape, a reel of them counted out like a
    # roll; round 211 counted 2 reels as 2 resistors at 0.97)
    "reel": "reel", "reels": "reel",
    # ("Drywall 1/2 in 4x12 lift of 40", "a full lift (40 sht)": a building yard's stack)
    "lift": "lift", "lifts": "lift",
    # ("dumped a bunk of 2x12x16 df, 28 pcs busted": a lumber yard's banded stack; round 228)
    "bunk": "lift", "bunks": "lift",
    # ("3 cubes of red range" of "Modular face brick, cube of 500": a brick yard's strapped
    # stack; round 349 counted 3 bricks at 0.97)
    "cube": "cube", "cubes": "cube",
    # ("6 bu (10/bu) ranunculus": a florist's bunch written short; "bunch" in full is also
    # how a list names what it prices, which sold_by reads)
    "bu": "bunch",
}  # fmt: skip
CONTAINER_WORDS = frozenset(_CONTAINERS)
# the words a stock count's figures may be in: its containers, and dozens ("sys 40 dz"), as
# one regex alternation, longest first
COUNTED_IN = "|".join(sorted({*CONTAINER_WORDS, "dz", "doz", "dozen"}, key=len, reverse=True))
_C = "(?:" + "|".join(sorted(_CONTAINERS, key=len, reverse=True)) + r")(?![\w-])"
# what goods sold by a measure come on or in: "2 bolts (15 yd/bolt)", "a reel, 250 ft on it"
_HOLDERS = {
    **{c: c for c in ("bolt", "reel", "spool", "roll", "coil", "stick", "length", "hank", "cone",
                      "pail", "bucket", "jug", "tub", "sack", "drum", "bag", "box", "case",
                      "carton", "barrel", "keg", "tote", "bundle", "piece", "board")},
    "pc": "piece",
    "bx": "box", "cs": "case", "ctn": "carton", "boxes": "box",
}  # fmt: skip
_H = "(?:" + "|".join(sorted(_HOLDERS, key=len, reverse=True)) + r")(?:e?s)?(?![\w-])"
_FRACTIONS = {
    "half": Decimal("0.5"), "a half": Decimal("0.5"), "one half": Decimal("0.5"),
    "a quarter": Decimal("0.25"), "one quarter": Decimal("0.25"), "quarter": Decimal("0.25"),
    "three quarters": Decimal("0.75"), "a third": Decimal(1) / 3, "one third": Decimal(1) / 3,
    "two thirds": Decimal(2) / 3, "a fifth": Decimal("0.2"), "a tenth": Decimal("0.1"),
}  # fmt: skip
_FRAC = (
    r"(?:half|(?:a|one)\s+half|(?:a|one|three)\s+quarters?|(?:a|one|two)\s+thirds?"
    r"|a\s+fifth|a\s+tenth"
    # ("quarter of the 48 costumes": the article left out; "last quarter" is a period)
    r"|(?<!last\s)(?<!this\s)(?<!next\s)(?<!first\s)(?<!second\s)(?<!third\s)(?<!fourth\s)"
    r"(?<![a-z])quarter(?=\s+of\s))"
)
# what a count can start with: a digit, a number word (one ... hundred), "half", "a"/"an"
_N_FIRST = r"\dotfsenha"
_OUTER = (
    rf"(?P<n1>{_N}|half(?:\s+an?)?|an?|(?<![$\w.,/-])\d+(?={_C}))(?:\s*[x*]\s*|\s+|(?<=\d))"
    # ("3 shelf packs (12/pk)", "2 display boxes of 24": the container a shop shelves)
    # ("2 extra cs X (24/cs)", "2 damaged boxes X (50/bx)": what the containers are or did)
    rf"(?:(?:extra|more|spare|missing|damaged|dmg|broken|crushed|dented|expired|spoiled|stolen"
    rf"|wet|soaked|torn|ruined|unopened|obsolete)\s+)?"
    rf"(?:(?:master|outer|inner|full|whole|shipping|sealed|shelf|display)\s+)?"
    rf"(?P<c1>{_C})"
)

# "5 boxes of 24", "a pallet of 40 cases of 6", "2 pallets x 20 cs x 12", "1 pallet of 50 sacks"
# "1 pallet (40 cases of 25)", "1 pallet of 40 cases, 25 per case": a comma joins the chain
# only when containers follow it, so "2 pallets, 8 SKU-40" stays a container beside a count
_PER_SUFFIX = rf"(?:/\s*|per\s+|an?\s+|to\s+an?\s+|in\s+(?:an?|each|every)\s+)(?:{_C})"
_CHAIN = lead(
    _N_FIRST,
    rf"{_OUTER}\s*(?:of|x|×|\*|(?P<open>\()|,(?=\s*{_N}\s*{_C}))\s*(?P<n2>{_N})"
    # ("2 sets of 17 inches alloys": a size, no count in each; "6 cs x 15 lb" is what a case
    # holds)
    rf"(?!\s*-?\s*(?:inch(?:es)?|in\b|mm\b|cm\b|volts?\b|v\b|w\b|watts?\b|ga\b|gauge\b))"
    # ("12 rolls of 30# felt": the felt's weight, no count in a roll)
    rf"(?!\s*#)"
    rf"(?:\s*(?P<c2>{_C}))?"
    rf"(?:\s*(?:of|x|×|\*|,(?=\s*{_N}\s*(?:{_PER_SUFFIX}|each\b)))\s*(?P<n3>{_N})"
    rf"(?:\s*{_PER_SUFFIX}|\s+each\b)?)?(?:\s*\))?",
    _I,
)
# "of 500 grams", "of 5 lb": a measure after "of", no count of pieces
_OF_A_MEASURE = re.compile(
    rf".{{0,4}}?\bof\s+\d+(?:\.\d+)?\s*-?\s*{measures.UNIT}\.?(?![\w-])", re.IGNORECASE
)
# "3 pallets, 20 cases each", "2 pallets with 30 cases on each"
_EACH = lead(
    _N_FIRST,
    rf"{_OUTER}\s*[,:-]?\s*(?:with\s+|of\s+)?(?P<n2>{_N})\s+(?P<c2>{_C})\s*"
    rf"(?:each|apiece|per\s+{_C}|an?\s+{_C}|on\s+each|in\s+each|to\s+an?\s+{_C})",
    _I,
)
# what the pieces in a container are called: one word that is no link or money word
_PIECE = (
    r"(?!(?:per|an?|to|in|each|every|of|x|on|dollars?|bucks|usd|percent|pct|and|or|the)\b)"
    r"(?P<u>[a-z]{2,15})"
)
# the same without its group, for a look ahead
_PIECE_AT = _PIECE.replace("(?P<u>", "(?:")
# "2 pallets of SKU-12, 40 units each" (a SKU read before this stands as \ue000)
# (the pieces each first, then the containers before them: one quick search, not one per word)
# "4 cases SKU-12, 12 each": the pieces unnamed, a likely reading, not a sure one ("12 each"
# could be a price without its $)
_EACH_PIECES = lead(
    _N_FIRST,
    # ("2 trays of bics (50 ea)", "2 plts (60 bags ea)": in brackets, "ea" is pieces)
    rf"(?P<n2>{_N})\s+(?:{_PIECE}\s+)?(?:each|apiece|on\s+each|in\s+each|ea(?=\s*\)))\b",
    _I,
)
_EACH_GAP = re.compile(
    # ("2 pallets FL-HG50 @ 50 sacks each": "@" before pieces named is no price)
    r"(?:\s+[a-z]+){0,3}?\s*(?:of\s+)?(?:\ue000\s*)?(?:[a-z]+\s*){0,2}?[,:@-]?\s*\(?\s*(?:with\s+)?",
    re.IGNORECASE,
)
# "12/cs", "4 per case", "60 per pallet", "24 to a case", "12 bottles per case", "6 btl/case",
# "25 boxes a case", "40 sacks per pallet"
_PER = lead(
    _N_FIRST,
    # after "at" or "@" a number is a price ("at 9.5 a case") unless the pieces are named:
    # "@ 24 ea/ctn", "@ 294 pcs/pallet" are counts
    # ... and so is a value said with "to", "is", "worth" or "for": "revalue to 380 per bag",
    # "NRV is 350 a bag", "sell for 40 a case" (round 307 read 380 bags a piece)
    rf"(?:(?<!at\s)(?<!@\s)(?<!@)(?<!\bto\s)(?<!\bis\s)(?<!worth\s)(?<!\bfor\s)(?<!nrv\s)"
    rf"|(?=\d+\s*{_PIECE_AT}\s*(?:/|per\b)))"
    rf"(?P<n>{_N})\s*(?:{_PIECE}\s*)?"
    rf"(?:/\s*|per\s+|an?\s+|to\s+an?\s+|(?:in|on)\s+(?:an?|each|every|the)\s+|each\s+)"
    rf"(?P<c>{_C})",
    _I,
)
# the count per container said the other way round: "each packet has 4 batteries",
# "inside each packet 4 battery", "one box have 6 mug", "every case holds 12",
# "(case of 36)" beside "half a case"
_HAS = (
    r"(?:has|have|had|holds?|held|contains?|contained|includes?|is|was|are|=|with|got|comes?"
    r"\s+with|came\s+with)"
)
_STATED = lead(
    "eoaip(" + "".join({c[0] for c in _CONTAINERS}),
    rf"(?:\b(?:(?:one|an?|per)\s+(?P<c1>{_C})\s*,?\s*{_HAS}\s+"
    rf"|(?:each|every)\s+(?P<c0>{_C})\s*,?\s*(?:{_HAS}\s+)?)"
    rf"|\b(?:inside|in)\s+(?:each|every|one|an?)\s+(?P<c2>{_C})\s*,?\s*"
    rf"(?:(?:there\s+)?(?:are|is|were|was)\s+|(?:we\s+)?(?:have|had|get)\s+)?"
    rf"|\(\s*(?:an?\s+|each\s+)?(?P<c3>{_C})\s+(?:of|=|is|holds?|has|contains?)\s+"
    # ("half a case of X missing, case is 24")
    # ("half a bundle of X cracked, bundles are 10 sticks")
    rf"|\b(?P<c4>{_C})\s*(?:=|(?:is|are|hold|holds|has|have|contain|contains)\s+|(?:qty|quantity|pack|size|count|ct)\s*[:=]?)\s*)"
    rf"(?P<n>{_N})(?!\s*(?:dollars?|bucks|usd)\b)(?:\s+{_PIECE}(?![\w-]))?",
    _I,
)
# "2cs x 24ct", "3 cases 24ct", "case (12pk)": the count per container as a tag
_COUNT_TAG = lead(
    _N_FIRST + "".join({c[0] for c in _CONTAINERS}),
    # ("8 cases, 200 pcs": after a comma, pieces are all the pieces; "24ct" is per case)
    # ("4 bx @ 30 ct": a count after "@" is no price when "ct" says it)
    rf"(?<![a-z])(?P<c>{_C})\s*(?:x\s*|of\s+|\(\s*|@\s*|,\s*(?=\d+\s*-?\s*(?:ct|count|pk)\b))?"
    rf"(?P<n>(?<![\w.$])\d+)\s*-?\s*(?:ct|count|pk|pcs?)\b"
    r"(?:\s*\))?",
    _I,
)
# "2 cartons, 12 lamps in them", "2 pallets gone, 80 units SKU-12 in all": all the pieces,
# said after the containers (a SKU read before this stands as \ue000)
IN_ALL = (
    r"(?:in(?:side)?\s+(?:them|those|these|it|there)|inside|in\s+all|in\s+total|altogether"
    r"|all\s+up|all\s+told)\b"
)
_IN_THEM = lead(
    _N_FIRST,
    rf"(?P<n>{_N})\s+(?:{_PIECE}\s+)?(?:\ue000\s*)?{IN_ALL}",
    _I,
)
_OUTER_ALONE = lead(_N_FIRST, _OUTER, _I)
# "1 pallet (50 sacks)", "1 pallet FLR-25 (40 sacks)": the count inside a single container
_INSIDE = re.compile(
    rf"\(\s*(?P<pre>(?:each|every\s+one)\s+(?:with|has|having|holds|containing|contains|of)\s+)?"
    rf"(?P<n>{_N})(?:\s+(?!(?:each|apiece|on|in|per)\b)(?P<u>[a-z]+))?"
    rf"(?P<each>\s+(?:each|apiece|per|on\s+each|in\s+each))?\s*\)",
    _I,
)
# "8 6-packs", "3 12-pk", "2 12pk", "3 six-packs", "a twin pack": the size is part of the
# pack's name. "six packs" (a space, plural, no count before it) is six packs of unknown size.
_PACK_SIZE = (
    r"(?:twenty[-\s]?four|twenty|twelve|ten|eight|six|five|four|three|two|twin|double|triple)"
)
PACK_SIZE_WORDS = {"twin": Decimal(2), "double": Decimal(2), "triple": Decimal(3)}
_N_PACKS = lead(
    _N_FIRST + "d",  # "double"
    # ("5 CN4-IPA 4pks": the code, read before this as \ue000, between the count and the pack)
    rf"(?:(?P<n1>{_N}|\ban?)(?:\s*[x*]\s*|\s+)(?:\ue000\s*)?)?"
    rf"(?:(?P<n2>(?<![\w.$,/\ue000-])\d+)(?:\s*-\s*(?P<c>pack|pk|ct)|(?P<c2>pack|pk))"
    rf"|(?P<w>\b{_PACK_SIZE})(?P<sep>\s*-\s*|\s+|)(?P<c3>pack|pk))(?P<pl>s)?(?![\w-])"
    rf"(?:\s*[x*]\s*(?P<n3>(?<![\w.$,/-])\d+)(?![\w.,%-]))?",  # "6pk x 10", "10 x 6pk"
    _I,
)
# "4 pairs of SKU-12": two pieces a pair, the pairs remembered for a price "per pair"
_PAIRS = lead(_N_FIRST, rf"(?P<n1>{_N}|\ban?)\s+(?P<c>pairs?)\s+of\b", _I)
# "half a dozen", "3 dz", "dozen and a half", "a gross of"
_DOZEN = lead(
    _N_FIRST + "dgs",  # or the word itself: "dozen", "gross", "score"
    # ("half-dozen bx", "half-doz tanks": the hyphen joins the half to its dozen)
    # ("TWL-DZ 3dz mildew": a figure glued to its dozens; round 183)
    rf"(?:(?P<f>{_FRAC})(?:\s+(?:of\s+)?(?:an?\s+)?|-(?=doz|dz))|(?:(?P<n>{_N}|an?)\s+|(?<![\w$.,/-])(?P<ng>\d{{1,4}})(?=(?:dz|doz)\b))"
    rf"(?P<nhalf>and\s+a\s+half\s+)?)?"
    # ("a bakers dozen of cookies": thirteen)
    rf"(?P<baker>baker'?s\s+)?(?P<d>dozen|doz|dz|gross|score)\b"
    rf"(?P<half>\s+and\s+a\s+half)?(?:\s+(?:of\s+)?(?P<u>{_C}))?",
    _I,
)
_DOZENS = {"gross": Decimal(144), "score": Decimal(20)}
# a count right before "half-dozen": so many half dozens
_COUNTED_HALVES = re.compile(r"(?<![\w.,])(\d+|two|three|four|five|six|ten|twelve)\s*$", re.I)
# "25% of the 80", "half of the 30", "three quarters of the 40"
_PART_OF = lead(
    _N_FIRST + "q",
    rf"(?:(?:(?P<p>(?<![\w.])\d+(?:\.\d+)?)\s*(?:%|percent\b|pct\b)|(?P<f>{_FRAC}))\s+of\s+"
    # "half the 80 bags": "half" needs no "of" before "the"
    rf"|(?P<h>\bhalf)\s+(?=(?:the|those|these|our)\s))"
    rf"(?:(?:the|those|these|our|all|them|total)\s+)*(?P<n>{_N})",
    _I,
)


# "2 of the 6", "3 of those 12": part of a count said beside it; the part is the quantity
_SOME_OF = lead(
    _N_FIRST,
    rf"(?P<k>{_N})\s+of\s+(?:the|those|these|our|them\s+all|all)\s+(?P<n>{_N})(?!\s*(?:%|percent\b))",
    _I,
)
_ALPHA = re.compile(r"[a-z]+")
_HINT_WORDS = frozenset(_CONTAINERS) | {
    "dozen", "doz", "dz", "gross", "half", "quarter", "quarters", "third", "thirds", "fifth",
    "tenth", "pack", "pk", "ct", "percent", "pct", "score", "pair", "pairs", "sixpack",
    "sixpacks", "twinpack",
}  # fmt: skip


_PART_WORDS = ("%", "percent", "pct", "half", "quarter", "third", "fifth", "tenth")


@dataclass
class Pack:
    quantity: Decimal
    unit: str  # what the pieces are called ("units", "sacks")
    spans: list[tuple[int, int]]
    note: str
    used: list[Decimal] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # "half", "dozen"
    containers: dict[str, Decimal] = field(default_factory=dict)  # "case" -> 3
    doubt: str = ""
    guess: str = ""  # a reading that is likely but not certain: costs a little confidence
    retail: bool = False  # packs named by their size ("12 4pks")

    def __post_init__(self) -> None:
        self.quantity = (
            self.quantity.to_integral_value() if _whole(self.quantity) else self.quantity
        )


def read(s: str) -> Pack | None:
    """The first pack-size quantity in `s`, or None."""
    low = s.lower()
    words = set(_ALPHA.findall(low))
    if "%" not in low and " of " not in low and _HINT_WORDS.isdisjoint(words):
        return None  # most messages: one cheap look, not seven searches
    # each reader only where the words it needs are there (the same readings, fewer searches)
    readers = []
    if not words.isdisjoint(_CONTAINERS):
        if not words.isdisjoint(_FRACTION_WORDS) or "%" in low or "percent" in words:
            readers.append(_read_part_of_one)
        if not words.isdisjoint(("half", "quarter", "quarters")):
            readers.append(_read_part_sized)
        readers += [*_SIZED_READERS, _read_sized_before]

    if "pack" in low or "pk" in low or "ct" in low:
        readers.append(_read_n_packs)
    if "pair" in low:
        readers.append(_read_pairs)
    if any(k in low for k in ("doz", "dz", "gross", "score")):
        readers.append(_read_dozen)
    if ("of" in low or "half" in words) and any(k in low for k in _PART_WORDS):
        # ("half the 16 packs": "half" needs no "of")
        readers.append(_read_part_of)
        if "(" in low:
            readers.append(_read_part_of_said)
    if "of" in words and ("%" in low or "percent" in words or "pct" in words):
        readers.append(_read_whole_then_share)
    if " of " in low:
        readers.append(_read_some_of)
    if not words.isdisjoint(_PART_HOLDERS) and not words.isdisjoint(
        ("half", "quarter", "quarters")
    ):
        readers.append(_read_part_container)  # (last: "a dozen and a half bags" is 18)
    if not words.isdisjoint(_MEASURE_NOUNS) and not words.isdisjoint(
        ("half", "quarter", "quarters")
    ):
        readers.append(_read_part_measure)
    for reader in readers:
        found = reader(s)
        if found is not None:
            return _part_of_them(s, _plus_loose(s, found))
    if _OF_THEM_WORDS.search(low):
        found = _read_count_part(s)
        if found is not None:
            return found
    if "%" in low or "percent" in words or "pct" in words:
        return _read_count_share(s)
    return None


# "2 cs x 12 btl, 1/4 of them broken", "12 SKU-12, half of them cracked": a part of the
# goods just counted
# a share said in words or as a percentage: "a third", "three quarters", "20%"
_SHARE = rf"(?P<f>{_FRAC})|(?<![\w.,$])(?P<pct>\d{{1,2}}(?:\.\d+)?)\s*(?:%|percent\b|pct\b)"
_PART = (
    rf"(?:{_SHARE}"
    # ("storm knocked over 10 bloodgoods, 6 of them broke": so many of them)
    rf"|(?<![\w.,$/-])(?P<k>\d{{1,4}})(?=\s+of\s))"
)
_OF_THEM = re.compile(
    rf"\s*[,;:-]?\s*(?:and\s+|but\s+|with\s+)?{_PART}\s+of\s+(?:them|em|'em|those|these)\b", _I
)
_OF_THEM_WORDS = re.compile(r"\bof\s+(?:them|em|'em|those|these)\b")
# the goods' words between a count and the part ("SKU-12", "bags of salt", "btl")
_GOODS_WORDS = r"(?:\s+(?!(?:and|or|but|plus|of\s+them)\b)[A-Za-z\ue000][\w'/-]*){0,5}?"
_OF_THEM_AFTER = re.compile(r"\s*\)?" + _GOODS_WORDS + _OF_THEM.pattern, _I)
# the count, then a few words (its goods: "12 SKU-12", "40 bags of salt"), then the part
_COUNT_THEN_PART = lead_num(
    # (never a price: "marked down from 88 to 60, 5 of em")
    # (nor the books' figure: "system says 50 SKU-12 but 6 of them are damaged")
    rf"(?<![\w.,$/-])(?<!to\s)(?<!at\s)(?<!@\s)(?<!@)(?<!says\s)(?<!said\s)(?<!shows\s)"
    rf"(?<!system\s)(?<!books\s)(?<!expected\s)(?P<n>\d+)(?P<gap>{_GOODS_WORDS})"
    rf"{_OF_THEM.pattern}",
    _I,
)


def _part_fraction(m: re.Match[str], whole: Decimal) -> tuple[Decimal, str] | None:
    """The share a match says ("a third", "20%", "6" of them) of `whole`, and its words."""
    if m.groupdict().get("k"):
        k = _num(m.group("k"))
        return None if k is None or not whole or k >= whole else (k / whole, m.group("k"))
    if m.group("pct"):
        pct = _num(m.group("pct"))
        return None if pct is None else (pct / 100, m.group("pct") + "%")
    frac = _num(m.group("f"))
    return None if frac is None else (frac, " ".join(m.group("f").split()))


def _part_of_them(s: str, pack: Pack) -> Pack:
    if pack.doubt:
        return pack
    m = _OF_THEM_AFTER.match(s, max(b for _, b in pack.spans))
    part = _part_fraction(m, pack.quantity) if m else None
    if m is None or part is None:
        return pack
    frac, said = part
    qty = round(pack.quantity * frac, 6)
    if not _whole(qty):
        return pack
    return replace(
        pack,
        quantity=qty,
        spans=[*pack.spans, m.span()],
        note=f"{pack.note}, {said} of them = {_fmt(qty)}",
        words=[*pack.words, said.split()[-1].lower()],
        containers={c: n * frac for c, n in pack.containers.items()},
    )


def _share_of(
    m: re.Match[str], n: Decimal | None, spans: list[tuple[int, int]], whole: str = ""
) -> Pack | None:
    """The pieces a share said in `m` ("a third", "20%", "6" of them) is of `n`, as a Pack
    (None when nothing whole comes of it)."""
    part = _part_fraction(m, n) if n else None
    if n is None or part is None:
        return None
    frac, said = part
    qty = round(n * frac, 6)
    if not _whole(qty):
        return None
    return Pack(
        qty,
        "units",
        spans,
        f"Quantity {said} of {whole}{_fmt(n)} = {_fmt(qty)}",
        used=[n],
        words=[said.split()[-1].lower()],
    )


# "of the 400 X we pulled back, 15% are leaking": the whole first, the share after it (in
# the same sentence); never a discount ("of the 40 on the rack, 25% off")
_WHOLE_THEN_SHARE = lead(
    "o",
    r"\bof\s+(?:the|those|these|our|all)\s+(?P<n>(?<![\w.,$/-])\d{1,5})(?![\w.,%/$-])"
    r"(?P<gap>[^.;!?\n%$]{0,80}?)[,\s]\s*(?:and\s+|but\s+|with\s+)?"
    r"(?P<pct>(?<![\w.,$])\d{1,2}(?:\.\d+)?)\s*(?:%|percent\b|pct\b)"
    r"(?!\s*(?:off|of|down|markdown|discount|cut|less|lower|below|above|over|more)\b)",
    _I,
)


def _read_whole_then_share(s: str) -> Pack | None:
    m = _WHOLE_THEN_SHARE.search(s)
    if m is None or not m.group("gap").strip():
        return None  # ("of the 40, 25% ..."): the goods are not named between
    return _percent_of(m, [(m.start(), m.end("n")), (m.start("pct"), m.end())])


def _percent_of(m: re.Match[str], spans: list[tuple[int, int]]) -> Pack | None:
    """The pieces a share said as a percentage ("pct") is of a count ("n"), when whole."""
    n, pct = _num(m.group("n")), _num(m.group("pct"))
    if n is None or pct is None or not 0 < pct < 100:
        return None
    qty = round(n * pct / 100, 6)
    if not _whole(qty):
        return None
    said = f"{_fmt(pct)}% of {_fmt(n)}"
    return Pack(qty, "units", spans, f"Quantity {said} = {_fmt(qty)}", [pct, n], ["%"])


# "40 SKU-12 on the clearance rack, 25% are crushed": the count, its goods, then a share of
# them that is in some state (a share of the goods, not a cut in their price)
_COUNT_THEN_SHARE = lead_num(
    rf"(?<![\w.,$/-])(?<!to\s)(?<!at\s)(?<!@\s)(?<!@)(?<!says\s)(?<!said\s)(?<!shows\s)"
    rf"(?<!system\s)(?<!books\s)(?<!expected\s)(?P<n>\d+)(?![\w.,%/$-])(?P<gap>{_GOODS_WORDS})"
    r"\s*[,:;-]?\s*(?:and\s+|but\s+|with\s+)?(?P<pct>(?<![\w.,$])\d{1,2}(?:\.\d+)?)\s*"
    r"(?:%|percent\b|pct\b)(?=\s+(?:of\s+(?:them|those|these|em)\s+)?(?:are|were|is|was|came"
    r"|showed|arrived|got|look|looked|have|had)\b)",
    _I,
)


def _read_count_share(s: str) -> Pack | None:
    m = _COUNT_THEN_SHARE.search(s)
    if m is None or not m.group("gap").strip():
        return None
    return _percent_of(m, [m.span("n"), (m.start("pct"), m.end())])


def _read_count_part(s: str) -> Pack | None:
    m = _COUNT_THEN_PART.search(s)
    if m is None or (m.group("k") and not m.group("gap").strip()):
        return None  # ("60, 5 of em": a count of what? the goods are not named between)
    pack = _share_of(m, _num(m.group("n")), [m.span("n"), (m.end("gap"), m.end())])
    told = _TOLD_OF_ALL.search(m.group("gap"))
    if pack is not None and told:
        # "60 X soaked through and half of them floated off": what happened to all of them is
        # said before the part; the part may be all that is lost, or some of a loss of all
        # (round 296 drafted 30 of 60, sure, where the writer lost all 60)
        n = m.group("n")
        return replace(
            pack,
            doubt=f"'{told.group(0).strip()}' is said of all {n}: write off {_fmt(pack.quantity)}"
            f" or all {n}?",
        )
    return pack


# what happened, said of the whole count before a part of it: a past participle or "thru"
_TOLD_OF_ALL = re.compile(
    r"\b(?!(?:bed|red|need|seed|feed|shed|speed|steed|used|assorted|mixed|boxed|bagged|packed"
    r"|wrapped|canned|bottled|frozen|dried|sealed|rolled|printed|labeled|labelled"
    # (what was done with goods that are fine: "60 X arrived, half of them damaged")
    r"|arrived|received|delivered|shipped|ordered|stocked|opened|checked|inspected|returned"
    r"|listed|stored|stacked|loaded|unloaded|picked|pulled|counted|recounted|tested|sorted"
    r"|came|taken|given|gotten|brought|bought|purchased|sampled|tagged|priced|displayed)\b)"
    r"[a-z]{3,}(?:ed|en)\b(?:\s+(?:through|thru|out|up))?",
    re.IGNORECASE,
)


# "3 dozen plus 4", "2 cases and 5 loose", "1 pallet + 6 singles": whole packs and loose
# pieces beside them; the quantity is the sum. After whole cases the loose word (or a plus
# sign) is needed: "2 cases and 5 SKU-12" may be two counts of one thing.
_LOOSE = (
    r"(?:loose|singles?|extra|odd|individual|spare|more|units?|pcs|pieces?|eaches|ea|pc|unpacked)"
)
_PLUS = re.compile(
    rf"\.?\s*,?\s*(?P<op>plus|\+|&|and|with)\s+(?:another\s+|an\s+extra\s+)?(?P<n>{_N})"
    rf"(?P<loose>\s+{_LOOSE}\b)?"
    rf"(?!\s*(?:{_C}|dozen|doz|dz|gross|%|percent|per\b|/|x\b|of\b|each\b|an?\s|dollars?"
    r"|bucks|usd)|[.,]\d)",
    _I,
)


# after "2 dozen and 6": the goods themselves ("eggs", a SKU read before this)
_GOODS_NEXT = re.compile(r"\s*(?:\ue000|[a-z]{2,}s\b)", _I)


def _plus_loose(s: str, pack: Pack) -> Pack:
    dozens = pack.containers.get("dozen")
    whole_dozens = dozens is not None and _whole(dozens)
    if pack.doubt or not pack.containers or "pair" in pack.containers:
        return pack
    end = max(b for _, b in pack.spans)
    m = _PLUS.match(s, end)
    if m is None:
        # "2 cases ... 12 per case": the loose pieces come right after the whole cases
        m = _PLUS.match(s, min(b for _, b in pack.spans))
    n = _num(m.group("n")) if m else None
    if m is None or n is None or not _whole(n):
        return pack
    if not (m.group("loose") or m.group("op") in ("plus", "+")) and (
        not whole_dozens
        or m.group("op") == "with"  # "3 dozen with 2 broken": 2 of the 36
        or not _GOODS_NEXT.match(s, m.end())  # "3 dozen and 4 broken": 4 of them, or 40?
    ):
        return pack
    qty = pack.quantity + n
    return replace(
        pack,
        quantity=qty,
        spans=[*pack.spans, m.span()],
        note=f"{pack.note}, plus {_fmt(n)} loose = {_fmt(qty)}",
        used=[*pack.used, n],
        containers={},  # a price per case or per dozen no longer fits the pieces
    )


def a(word: str) -> str:
    """'a box', 'an inner': the article a container's name takes in a question."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def container(unit: str | None) -> str | None:
    return _CONTAINERS.get((unit or "").lower())


# An item list's name that says the item is sold by a container: "carton of 150", "sleeve of
# 50", "box of 100", "10 lb case", "6x5 lb case", "50 lb sack", "55 gal drum", "bag (10
# locks)", "12/cs". A container word alone is no such sign ("piping bag", "storage box").
# A holder of goods sold by a measure likewise: "spool of 50 yd", "Wire rope reel 250 ft",
# "PEX 100 ft coil", "Copper pipe, 10 ft length".
_SOLD_BY = re.compile(
    # (a size in inches is no content: "Shipping box 18in", "12in tray")
    # ("Mixed vegetables case 12x2 lb": the case of twelve 2 lb bags, round 159)
    rf"(?<![\w-])(?P<a>{_C}|{_H})\s+(?:of\s+\d|\(\s*\d|(?:\d+\s*[x×]\s*)?\d+(?:\.\d+)?\s*-?\s*"
    rf"(?!in){measures.UNIT}\b)"
    rf"|\d\s*(?:x\s*\d+\s*)?(?:lbs?|kg|g|oz|gal|l|ltr|ct|pc|pcs|ft|yd|m|dozen|doz|dz)?\.?\s*-?\s*"
    # ("Zig-Zag papers, 24ct display box": the box a counter shows, of 24)
    rf"(?:(?:display|counter|shelf|master|inner)\s+)?(?P<b>{_C}|{_H})"
    rf"|\d+\s*/\s*(?P<c>{_C})"
    # "Travertine pavers, per pallet", "Berber carpet 12ft, per roll"
    rf"|(?:\bper|/)\s*(?P<d>{_C}|{_H})",
    re.IGNORECASE,
)


# "(ea, 25/bx)", "each - 10/pk", "/ea": the list prices the piece and names its box besides
# ("SOL NACL 1000ML EA 12/CS": the list's unit said, then what a case holds)
_PRICED_EACH = re.compile(
    r"(?:\(\s*|/\s*|,\s*|\bper\s+)(?:ea|each)\b|\b(?:ea|each)(?:\s*\(|\s)\s*\d+\s*/"
    # ("Porcelain 24x48 matte, per sq ft (16 sf/box)", "Mosaic, per sheet (10 sheets/box)": the
    # measure priced, then what a box holds of it; round 317 priced 3 boxes as 3 square feet)
    r"|\bper\s+(?:sq\.?\s*ft|sf|sq\.?\s*yd|sy|ft|lf|yd|lb|gal|sheet)\b(?=[^(]*\(\s*\d+(?:\.\d+)?\s*"
    r"(?:sq\.?\s*ft|sf|sq\.?\s*yd|sy|ft|lf|yd|lbs?|gal|sheets?)\s*/\s*[a-z]+\s*\)\s*$)"
    # ("k/d Feline 5.5 oz can 24/CS (priced per can)", "Imrab 10 ds vial (priced per dose)")
    r"|\bpriced\s+(?:per|by\s+the|as)\s+(?:an?\s+)?(?!(?:case|cs|box|bx|carton|ctn|pack|pk|tray"
    r"|bag|pallet|bundle|sleeve|dozen|dz)\b)[a-z]+"
    # ("G2 GEL PEN BLK EA (BX/12)", "SHAKER PINT EA CS/24": the box's size after the each)
    r"|\b(?:ea|each)\s*\(?\s*(?:cs|bx|pk|bg|ctn|case|box)\s*/\s*\d"
    # ("Birthday card assorted (single card, ships 6/pk)": the single piece priced)
    r"|\(\s*(?:single|one|1)\s+[a-z]+\s*[,;]"
    # ("3/4in masking tape, roll (48/cs)": the goods' own unit, then the case it ships in)
    # ("Surgical glove sz 7.5, PR (50 PR/BX)": the pair priced)
    r"|,\s*(?:roll|sheet|disc|bottle|can|tube|jar|pair|pr|piece|pc|bar|spool)\s*\(\s*\d+\s*"
    r"(?:prs?\s*)?/\s*"
    r"(?:cs|case|bx|box|ctn|carton|pk|pack|sleeve|slv)\s*\)",
    re.IGNORECASE,
)


# A distributor's case pack after the name: "3OZ CS/24", "(PLT/65)", "CTN/12". The goods are
# priced each and the case (pallet, carton) says how many it holds; a name that says the
# item is the case says "CASE/12" or "CASE 12CT" (sold by the case), and "BX/25" is left
# open: a box is as often what the list prices as what holds the pieces.
_PAIR_THEN_PACK = re.compile(r",\s*(?:pair|pr)\s*\(\s*\d+\s*(?:prs?\s*)?/", re.IGNORECASE)
# The piece and its volume or vessel named, then how many ship to a case ("Glass Cleaner RTU
# 1 GAL, 4/CS" at $6.40, "Foaming Hand Soap 1000ML Cartridge, 6/CS"; held-out rounds 142-143).
# A weight alone before a comma is not enough: "Crisps 6oz, 12/CS" is as often the case's cost.
_MEASURED_THEN_PACK = re.compile(
    r"\d(?:\.\d+)?\s*(?:(?:gal|gallon|qt|quart|pt|pint|fl\s*oz|ml|l|ltr)\b"
    # ("Fireball 50ml Mini 120/CS", "Whispering Angel Rose 1.5L Magnum 6/CS")
    r"(?:\s+(?:jug|bottle|btl|can|jar|refill|cartridge|pail|tub|pouch|magnum|mini|box))?"
    r"|(?:oz|lb|lbs|kg|g)\s+(?:jug|bottle|btl|can|jar|cartridge|refill|pail|tub|pouch|bag|clam"
    # ("Black Tiger Shrimp 16/20 IQF 4 lb bag (10/MC)" at $27.60, "... 3 lb box (4/MC)")
    r"|cup|carton|chub|box|tray|pkg|block)"
    # ("Sour Cream 16 OZ 12/CS", "Butter Salted 1 LB 36/CS", "Eggs Large White 1 DZ 15 DZ/CS":
    # a piece's size, then at once how many to the case)
    r"|(?:oz|lb|lbs|dz|ct)(?=\s+\d+\s*(?:dz\s*)?/))"
    # ("Josh Cellars Cabernet 750ml 12/CS" at $11.40, "Milk Whole 1 GAL 4/CS" at $2.48, "Opus
    # One 2019 750ml 6/CS OWC (allocated)" at $325.00)
    r"\s*,?\s*(?:\d+\s*(?:dz\s*)?/\s*(?:cs|case|bx|box|ctn|carton|mc)\b(?:\s+owc)?(?:\s*\([^)]*\))?"
    r"|\(\s*\d+\s*/\s*(?:cs|case|ctn|carton|mc)\s*\))\s*$",
    re.IGNORECASE,
)
_CASE_PACK = re.compile(r"(?<![\w/])(?:cs|ctn|plt)\s*/\s*\d+\b", re.IGNORECASE)
# A note in brackets ending the name of how the pieces ship ("oil filter PH3614 (12/CS)",
# "5W-30 1 QT (6/CS)"): the list costs the piece (held-out rounds 138-139). Only a case or a
# carton: a box, a pack or a bag is as often the unit sold ("3M 8210 N95 Respirator (20/BX)"
# at $19.80 is the box's cost).
_SHIPS_IN = re.compile(
    # ("Quikrete Concrete Mix 80 lb (42/PLT)" at $5.98, "MDF Casing 16' (10/BDL)" at $14.20:
    # the bag's and the stick's cost, held-out round 151)
    # ("Diamond Naturals 40 lb bag (50 bags/pallet)": the pieces named in the note)
    # ("Duration Onyx, bundle (3 bdl/sq)" at $41.75: a bundle's cost, three to a square)
    r"\(\s*(?:\d+\s*(?:[a-z]{1,6}\s*)?/\s*(?:cs|case|ctn|carton|mc|plt|pallet|bdl|bundle|sq"
    r"|square)"
    r"|(?:cs|case|ctn|carton|mc)\s*/\s*\d+)\s*\)\s*$",
    re.IGNORECASE,
)


# The piece named by its measure, then (after its colour or lot) a bracketed note of how many
# pack together: "Cascade 220 worsted 100g skein, 8555 Black (10/BAG)" at $6.40, "DMC floss
# 8.7yd skein, 310 Black (12/BX)" at $0.48: the skein's cost (held-out round 149)
_MEASURED_PIECE_THEN_PACK = re.compile(
    r"\d(?:\.\d+)?\s*(?:oz|g|kg|lb|lbs|ml|l|yd|yds|m|ft)\s+(?:skein|ball|hank|cone|cake)s?\b"
    r".{0,40}?\(\s*\d+\s*/\s*(?:bag|bg|bx|box|pk|pack|cs|case)\s*\)\s*$",
    re.IGNORECASE,
)


def says_each(name: str) -> bool:
    """Whether an item list's name says in so many words that the piece is priced ("COKE
    20OZ EA 24/CS", "Grinding Disc (ea, 25/bx)")."""
    return bool(_PRICED_EACH.search(name))


def priced_each(name: str) -> bool:
    """Whether an item list's name says the piece is priced and its box or case only holds
    them ("COKE 20OZ EA 24/CS", "Grinding Disc (ea, 25/bx)", "GRAVY CUP 4OZ CS/24")."""
    return bool(_PRICED_EACH.search(name) or _CASE_PACK.search(name) or ships_in(name))


# a piece's weight, then at once how many to the case ("Dental Treats 27oz 6/cs"): one of the
# names _MEASURED_THEN_PACK reads as costing the piece, which lists also write for the case
_WEIGHED_THEN_CASED = re.compile(r"\d\s*(?:oz|lb|lbs)\s+\d+\s*/\s*(?:cs|case)\b", re.IGNORECASE)


def weighed_then_cased(name: str) -> bool:
    """Whether an item list's name gives a piece's weight, then how many to the case, so that
    its cost may be the piece's or the case's ("Greenies 27oz 6/cs" at $162.00)."""
    return ships_in(name) and _WEIGHED_THEN_CASED.search(name) is not None


def ships_in(name: str) -> bool:
    """Whether an item list's name ends with a note of how its pieces ship, the list costing
    the piece: in brackets ("oil filter PH3614 (12/CS)") or after a comma behind the piece's
    measure ("Glass Cleaner RTU 1 GAL, 4/CS")."""
    return bool(
        _SHIPS_IN.search(name)
        or _MEASURED_THEN_PACK.search(name)
        or _MEASURED_PIECE_THEN_PACK.search(name)
    )


# "3-layer vented bee suit", "2-layer tape": what the goods are made of, no pallet's layer of
# three (round 278 priced a suit as a third of its cost)
_MADE_IN_LAYERS = re.compile(r"(?<![\w.,/-])\d+\s*-\s*layers?\b(?!\s*(?:of|x)\b)", re.IGNORECASE)


# (an item list's names are a company's fixed list, read again for every message naming them)
@lru_cache(maxsize=4096)
def sold_by(name: str) -> str | None:
    """The container an item list's name says the item is priced by, or None."""
    name = _MADE_IN_LAYERS.sub(" ", name)
    if _PAIR_THEN_PACK.search(name):
        return "pair"  # "hand warmer, pair (40/bx)", "glove sz 7.5, PR (50 PR/BX)": the pair
    if _PRICED_EACH.search(name):
        return None  # "Grinding Disc (ea, 25/bx)": priced each, whatever a box holds
    if _CASE_PACK.search(name) or ships_in(name):
        # "FANCY FEAST PATE 3OZ CS/24": a case pack, no container the name prices by; whether
        # the cost is the case's is named.priced_by_its_pack's to say
        return None
    packed = _PACK_THEN_CASE.search(name) or _PACK_CASE.search(name) or _pieces_then_holder(name)
    if packed is not None:
        # "Heavy cream 40% 12/QT CS": the case of 12 quarts; "3 tube pack": the pack
        return holder(packed.group("c"))
    m = _SOLD_BY.search(name)
    if m is not None and m.group("a") and _is_plural(m.group("a")) and "of" not in m.group(0):
        # ("Alfalfa cubes 50 lb bag": the goods are cubes, the 50 lb bag is what is priced;
        # round 354 asked whether 16 bags were whole cubes)
        m = _SOLD_BY.search(name, m.end("a"))
    if m is not None and not m.group("a"):
        # "1020 flat no holes case of 100": the goods are flats, the case of 100 is priced
        m = next((o for o in _SOLD_BY.finditer(name, m.end()) if o.group("a")), m)
    if m is not None and m.group("a") and not re.match(r"\S+\s+(?:of|\()", m.group(0)):
        # "Tack Strip 4ft, carton of 100": a strip 4 ft long, sold by the carton of 100
        # (round 244 read 150 strips as 150 cartons, sure)
        m = next(
            (o for o in _SOLD_BY.finditer(name, m.end()) if o.group("a") and "of" in o.group(0)),
            m,
        )
    if m is not None and m.group("b") and _is_plural(m.group("b")):
        # "booster box, 36 packs": sold by the box that holds the packs
        before = [c.group(0) for c in _C_ALONE.finditer(name, 0, m.start())]
        return holder(before[-1]) if before else None
    if m is not None and _DOZEN_LAST.search(name, m.end()):
        return "dozen"  # "Grissini 125 g pack, dozen": a dozen of the packs is priced
    if m is None:
        if _PRICED_DOZEN.search(name) or _DOZEN_PAIRS.search(name):
            return "dozen"
        if _PRICED_GROSS.search(name):
            return "gross"  # "26mm crown caps gold, gross (144)"
        if _PRICED_PAIR.search(name):
            return "pair"
        # ("Nitrile glove large, bx/100": exam gloves come a hundred to the box, not in pairs)
        return "pair" if _WORN_IN_PAIRS.search(name) and not _SO_MANY_TO_A.search(name) else None
    return holder(m.group("a") or m.group("b") or m.group("c") or m.group("d"))


def worn_in_pairs(name: str) -> bool:
    """Whether an item list's name is of goods worn in pairs (shoes, boots, gloves, socks)."""
    return _WORN_IN_PAIRS.search(name) is not None


def holder(word: str | None) -> str | None:
    """The container or holder a word names ("cs" -> "case", "reels" -> "reel")."""
    low = (word or "").lower()
    found = _CONTAINERS.get(low) or _HOLDERS.get(low)
    if found is None and low.endswith("s"):
        found = _HOLDERS.get(low[:-2] if low.endswith("es") and low[:-2] in _HOLDERS else low[:-1])
    return found


# How many pieces the container an item list prices by holds: "Bolts, box of 50", "Eggs, flat
# of 30", "Gloves (box of 100)", "Water 24-pack", "Cups 50/sleeve", "Tape, case (24)"
_SPACE_ONLY = re.compile(r"\s+$")
# so many of a piece, then what holds them: "3 tube pack", "24 can case", "30 egg flat" (not
# "Series 4 blind box", "1020 flat tray": a model's figure before the goods' words)
_N_PIECE_HOLDER = re.compile(
    r"(?<![\w.,/-])(?P<n>\d+)\s*-?\s*(?P<w>bottle|can|tin|tube|jar|tub|roll|bag|pouch|packet"
    rf"|bar|spool|cartridge|jug|egg|cup|pod|stick|sachet|vial|ampoule|syringe)s?\s+(?P<c>{_C})",
    re.IGNORECASE,
)


def _pieces_then_holder(name: str) -> re.Match[str] | None:
    m = _N_PIECE_HOLDER.search(name)
    return m if m is not None and int(m.group("n")) > 1 else None


_C_ALONE = re.compile(rf"(?<![\w-]){_C}", re.IGNORECASE)
_SIZED_AS = re.compile(
    # (all its figures: "box of 25 lb" is a box of 25 lb, never of 2)
    rf"(?<![\w-])(?P<a>{_C})\s*(?:of\s+|\(\s*)(?P<n>\d+)(?![\d.])"
    # ("case of 2 x 2.5 gal": two jugs of 2.5 gal each; not "box of 2 x 4s")
    rf"(?!\s*(?:x(?!\s*\d+(?:\.\d+)?\s*(?:gal|gallons?|l|ltr|ml|oz|qt|lbs?|kg)\b)|lbs?|kg|g|oz|ml"
    # ("roll of 30 sq yd": a holder of an area, measured, not counted; round 344 counted
    # 9 rolls as 270 pieces)
    rf"|l|gal|ft|yd|m|in|sq|sf|sy|square)\b)"
    # ("TENDERLOIN PSMO 6PC/CS": six pieces to the case the list prices)
    # ("Cilantro, 30 bunches/cs": thirty bunches to the case; round 282 read a case at $0.55)
    rf"|(?<![\w.,/-])(?P<p>\d+)\s*(?:pc|pcs|ct|[a-z]{{3,}}s)\s*/\s*(?P<pc>{_C})(?![\w-])"
    # (not "MERV 8 CS/12": a grade's figure before the case pack the name gives)
    rf"|(?<![\w.,/-])(?P<m>\d+)\s*(?:/\s*|-\s*|\s)(?P<b>{_C}|pk|ct)(?![\w-])(?!\s*/\s*\d)",
    re.IGNORECASE,
)


# a count of pieces, then the container that holds them: "Lemons 140ct CS", "48 ct case"
# ("Wave Petunia Purple, 48-cell flat": a grower's flat of 48 plugs)
CELLS = re.compile(r"(?<![\w.])(?P<n>\d+)\s*-?\s*cells?\s+(?P<c>flat|tray)s?\b", re.IGNORECASE)
_COUNT_A_CASE = re.compile(
    r"(?<![\w.,/-])(?P<n>\d+)\s*ct\s+(?P<c>cs|case|ctn|carton|bx|box)\b", re.IGNORECASE
)
# ("Coca-Cola 12oz can 24pk case": the case is what is priced, not a pack of it)
_PACK_CASE = re.compile(
    r"(?<![\w.,/-])(?P<n>\d+)\s*-?\s*(?:ct|pk|pack)\s+(?P<c>cs|case|ctn|carton)\b", re.IGNORECASE
)


# a foodservice pack, then the case that holds it, at the end of the name: "12/QT CS",
# "4/5 LB CS", "6/#10 CS", "9/3 LB CS", "36/1 LB CS"
_PACK_THEN_CASE = re.compile(
    r"(?<![\w./])(?P<n>\d+)\s*/\s*(?:\#\s*\d+|\d*(?:\.\d+)?\s*(?:qt|qts|gal|lbs?|oz|fl\s*oz"
    r"|ct|ml|l|ltr|pt|kg|g|dz|doz|ea|pc|pcs)\b)\.?\s*(?P<c>cs|case|ctn|carton|bx|box)\s*$",
    re.IGNORECASE,
)


_DOZEN_PAIRS = re.compile(r"\b(?:dozen|dz|doz)\.?\s+(?:pairs?|prs?)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def size_of(name: str) -> tuple[str, Decimal] | None:
    """The container an item list's name prices the item by and how many pieces it holds
    ("Eggs, flat of 30" -> ("flat", 30)), or None when the name does not say both."""
    name = _MADE_IN_LAYERS.sub(" ", name)
    dozens = _DOZENS_IN.search(name)
    held_dozens = container(dozens.group("c")) if dozens is not None else None
    if dozens is not None and held_dozens:
        return held_dozens, 12 * Decimal(dozens.group("n"))  # "15 dozen case": 180 eggs
    counted = (
        _COUNT_A_CASE.search(name) or _PACK_THEN_CASE.search(name) or _pieces_then_holder(name)
    )
    if counted is not None and (held := container(counted.group("c"))):
        # "Lemons 140ct CS": a case of 140 lemons; "Heavy cream 40% 12/QT CS": of 12 quarts;
        # "3 tube pack": a pack of 3 tubes
        return held, Decimal(counted.group("n"))
    cells = CELLS.search(name)
    if cells is not None:
        return cells.group("c").lower(), Decimal(cells.group("n"))  # "48-cell flat"
    m = _SIZED_AS.search(name)
    if m is None:
        other = _HELD_AS.search(name)  # "Carnations, bucket of 100 stems", "Tulips, bunch of 10"
        if other is not None and Decimal(other.group("n")) > 1:
            return (other.group("a").lower(), Decimal(other.group("n")))
        if _DOZEN_PAIRS.search(name):
            # ("MIG gloves cowhide, dozen pairs" at $102: a dozen of pairs, round 199 drafted
            # "2 dz" as 24 x $102)
            return ("dozen", Decimal(12))
        if _PRICED_PAIR.search(name):
            return ("pair", Decimal(2))  # "3M 6001 organic vapor cartridge PR": the pair's cost
        if _PRICED_GROSS.search(name):
            return ("gross", Decimal(144))
        return ("dozen", Decimal(12)) if _PRICED_DOZEN.search(name) else None
    if not m.group("a"):
        # ("Wave petunia Pink, 1801 flat of 18": a tray's style number before the flat, then
        # what the flat holds; round 321 counted 10 flats as 18,010 plants)
        start = m.start("b") if m.group("b") else m.end()
        m = next((o for o in _SIZED_AS.finditer(name, start) if o.group("a")), m)
    word = (m.group("a") or m.group("b") or m.group("pc")).lower()
    held = "pack" if word in ("pk", "ct") else container(word)
    n = Decimal(m.group("n") or m.group("m") or m.group("p"))
    if _holds_so_many(name, m):
        # "booster box, 36 packs": the box holds 36 packs (the packs are its pieces), not a
        # pack of 36; what holds them is the container the name says before
        before = [c.group(0) for c in _C_ALONE.finditer(name, 0, m.start())]
        outer = container(before[-1]) if before else None
        return (outer, n) if outer and outer != held and n > 1 else None
    if m.group("n") and _DOZENS_AFTER.match(name, m.end()):
        n *= 12  # "Eggs large, case of 15 dozen": 180 eggs
    return (held, n) if held and n > 1 else None


def _is_plural(word: str) -> bool:
    """Whether a container word is said in the plural ("packs", "boxes"; not "box", "cs")."""
    held = container(word)
    return bool(held and word.lower() != held and word.lower().endswith("s"))


def _holds_so_many(name: str, m: re.Match[str]) -> bool:
    """Whether a name's "36 packs" counts containers held (plural, after a space)."""
    return bool(m.group("b") and _is_plural(m.group("b"))) and bool(
        _SPACE_ONLY.match(name, m.end("m"), m.start("b"))
    )


# "Zyrtec 10mg tablets, 45 ct": a retail unit's contents counted, with no container named
_CONTENTS_COUNT = re.compile(r"(?<![\w.,/-])(?P<n>\d+)\s*-?\s*ct\b", re.IGNORECASE)


def contents_count(name: str) -> tuple[Decimal, str] | None:
    """How many pieces a retail unit holds when its name counts them with "ct" and names no
    container ("Zyrtec 10mg tablets, 45 ct" -> (45, "Zyrtec 10mg tablets, ")), with the
    name's words before the count; None otherwise."""
    m = _CONTENTS_COUNT.search(name)
    if m is None or _C_ALONE.search(name) or int(m.group("n")) < 2:
        return None
    return Decimal(m.group("n")), name[: m.start()]


def inner_of(name: str) -> str | None:
    """The container an item list's item holds so many of, the item's pieces ("booster box,
    36 packs" -> "pack"), or None."""
    held = _pieces_then_holder(name)
    if held is not None:
        return container(held.group("w")) or held.group("w").lower()  # "3 tube pack": tubes
    m = _SIZED_AS.search(name)
    if m is None or not _holds_so_many(name, m):
        return None
    return container(m.group("b"))


# A pack a list's name counts without saying what holds it: "CABLE 10PK", "POCKY 10CT",
# "OYSTER SAUCE 6/5LB", "BLEACH 4/1GAL CS" (so many to the list's unit)
_PACK_OF = re.compile(
    r"(?<![\w.])(?P<n>\d+)\s*(?:pk|ct|pc)\b"
    r"|(?<![\w./])(?P<m>\d+)\s*/\s*\d*(?:\.\d+)?\s*(?:gal|qt|lb|oz|l|ml|ltr|pt|kg)\b",
    re.IGNORECASE,
)


def pack_of(name: str) -> tuple[str, Decimal] | None:
    """How many pieces the unit an item list's name counts holds, when the name counts them
    without a container ("CABLE 10PK" -> ("pack", 10)), or None."""
    m = _PACK_OF.search(name)
    if m is None:
        return None
    n = Decimal(m.group("n") or m.group("m"))
    return ("pack" if m.group("n") else "case", n) if n > 1 else None


_HELD_AS = re.compile(
    r"\b(?P<a>bucket|bunch|tube|tin|jar|bottle|bag|sleeve|bundle|card|roll|rack)\s+of\s+"
    r"(?P<n>\d+)\b"
    r"(?!\s*(?:x|lbs?|kg|g|oz|ml|l|gal|ft|yd|m|in|sq|sf|sy|square)\b)",
    re.IGNORECASE,
)
_DOZENS_IN = re.compile(rf"(?<![\w.])(?P<n>\d+)\s*(?:dozen|doz|dz)\s*(?P<c>{_C})", re.I)
_DOZENS_AFTER = re.compile(r"\s*(?:dozen|doz|dz)\b", re.IGNORECASE)


# "Wine glass 12oz, per dozen", "Eggs /dz", "Rolls (dozen)": the item is the dozen
_PRICED_GROSS = re.compile(
    r"(?:,\s*|\bper\s+|\bby\s+the\s+|/\s*)gross\b(?:\s*\(\s*144\s*\)|\s+of\s+144)?", re.IGNORECASE
)
_PRICED_DOZEN = re.compile(
    # ("BALL TITL VELOCITY DZ", "EGGS LG DOZ": a POS name ending in its dozen)
    # ("NITECRWLR 1DZ": one dozen, the list's unit, glued)
    # (not "Nightcrawlers 1 Doz Cup": a cup of a dozen, the cup the list's unit)
    # (not "Bath towel 24x54 16lb/dz": a linen's weight per dozen, priced by the towel)
    r"(?:\b(?:per|a|by\s+the)\s+|(?<!lb)(?<!lbs)(?<!oz)(?<!#)/\s*|\(\s*|\b1\s*)(?:dozen|doz|dz)\b"
    # ("Stormproof matches, per dozen boxes": a dozen of the boxes is priced, the plural)
    r"(?!\s+(?:cup|tub|box|bag|carton|tray|container|pack|flat)\b)"
    r"|(?<!lb/)(?<!lbs/)(?<!oz/)\b(?:dozen|doz|dz)\s*\)?\s*$"
    # ("Pilot G2 gel pen 0.7mm black DZ/12": the dozen, as a case pack is written)
    r"|\b(?:doz|dz)\s*/\s*12\b",
    re.I,
)
# a name ending in its dozen, after the piece's own container ("... 125 g pack, dozen")
_DOZEN_LAST = re.compile(r",\s*(?:per\s+|a\s+|by\s+the\s+)?(?:dozen|doz|dz)\s*\)?\s*$", re.I)
# "Cut gloves L, per pair", "Work boots (pair)", "Socks /pr": the item is the pair
# ("3M 6001 organic vapor cartridge PR": a POS name ending in its pair, in capitals)
_PRICED_PAIR = re.compile(
    r"(?:\b(?:per|a)\s+|/\s*|\(\s*|,\s*)(?:pair|pr)\b\.?\s*\)?\s*$|\bper\s+pair\b"
    r"|\s(?-i:PR|PAIR)\s*$",
    re.I,
)


# Footwear and the like, named in an item list: sold by the pair whether or not the name says
# so ("Chelsea boot brown leather sz 11", "Kids light-up sneaker pink 13K")
_WORN_IN_PAIRS = re.compile(
    r"\b(?:shoes?|boots?|sneakers?|trainers?|sandals?|loafers?|clogs?|slippers?|socks?|gloves?"
    r"|mittens?|earrings?|cleats?|flip-?flops?|insoles?|moccasins?|espadrilles?|galoshes"
    r"|waders|skates?|hikers?|light-?ups?)\b",
    re.I,
)


# A list's pack abbreviated after the name ("CS/12", "BX/100", "BG/25", "PK/16", "CD/4"):
# one list for every pattern that reads or sets aside such a pack
PACK_SHORT = "cs|ctn|ct|plt|bx|bg|bdl|slv|pk|tr|rl|btl|cd"
# a container and how many it holds, after the name: "bx/100", "case/500"
_SO_MANY_TO_A = re.compile(
    rf"\b(?:{PACK_SHORT}|box|bag|case|pack|carton|sleeve)\s*/\s*\d+", re.IGNORECASE
)


# Containers that hold many of an item: a case, a pallet. A box, a bag, a pack, a set or a
# drum is as often the item itself ("18 boxes of MUG-BLU", "13 bags of FLR-25").
MANY_IN_ONE = frozenset(
    ("case", "carton", "pallet", "crate", "tote", "tray", "flat", "sleeve", "bundle", "inner",
     "container", "bale", "brick", "layer", "cart", "cube",
     # ("2 lifts of DWX-58-412 broken": a yard's stack of sheets; round 160)
     "lift", "caddy", "shipper", "rack",
     # ("5 cards ALT-BTN-PRL damaged" of buttons priced each: how many to a card? round 165)
     "card",
     # ("1 set BS-2754520 gone" of a tyre priced each: a set of how many?)
     "set", "square")
)  # fmt: skip


def holds_many(unit: str | None) -> str | None:
    """The container `unit` names when it holds many of an item ("pallets" -> "pallet")."""
    held = container(unit)
    return held if held in MANY_IN_ONE else None


def priced_container(unit: str | None) -> str | None:
    """What a price "per <unit>" counts against: a container, or a pair."""
    low = (unit or "").lower()
    if low in ("dozen", "doz", "dz"):
        return "dozen"  # "2 dozen eggs, $3 a dozen": $6
    return _CONTAINERS.get(low) or ("pair" if low in ("pair", "pairs", "pr", "prs") else None)


def _num(raw: str) -> Decimal | None:
    raw = " ".join(raw.lower().split())
    if raw in ("a", "an"):
        return Decimal(1)
    if raw in ("half a", "half an", "half"):
        return Decimal("0.5")
    if raw in _FRACTIONS:
        return _FRACTIONS[raw]
    try:
        value = parse_decimal(raw)
    except (MoneyError, InvalidOperation):
        return None
    return value if 0 < value <= _MAX else None  # past a billion it is no count


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def _read_chain(s: str) -> Pack | None:
    for m in _CHAIN.finditer(s):
        if not m.group("c2") and _OF_A_MEASURE.match(
            s, m.start("n2") - 4 if m.start("n2") >= 4 else 0
        ):
            continue  # ("10 bags of 500 grams ROO-KG": what a bag weighs, read_measured's)
        n1, n2 = _num(m.group("n1")), _num(m.group("n2"))
        n3 = _num(m.group("n3")) if m.group("n3") else Decimal(1)
        if n1 is None or n2 is None or n3 is None:
            continue
        if m.group("open") and not m.group("n3"):
            continue  # "1 pallet (30 cases)": cases of an unknown size, not a count of pieces
        qty = n1 * n2 * n3
        if not _whole(qty):
            continue
        c1 = _CONTAINERS[m.group("c1").lower()]
        c2 = _CONTAINERS[m.group("c2").lower()] if m.group("c2") else None
        if c2 == c1 and not m.group("n3"):
            # "cupcake 6pk, 14 pks": no pack holds packs; a pack of 6, then 14 of those packs
            return Pack(
                qty,
                "units",
                [m.span()],
                f"Quantity {_fmt(n2)} {m.group('c2')} x {_fmt(n1)} per {c1} = {_fmt(qty)}",
                used=[n1, n2],
                containers={c1: n2},
            )
        parts = [
            f"{_fmt(n1)} {m.group('c1')}",
            _fmt(n2) + (f" {m.group('c2')}" if m.group("c2") else ""),
        ]
        if m.group("n3"):
            parts.append(_fmt(n3))
        containers = {c1: n1}
        if c2 is not None:
            containers[c2] = n1 * n2
        return Pack(
            qty,
            "units",
            [m.span()],
            f"Quantity {' x '.join(parts)} = {_fmt(qty)}",
            used=[n1, n2, n3],
            words=["half"] if "half" in m.group("n1").lower() else [],
            containers=containers,
        )
    return None


def _read_each(s: str) -> Pack | None:
    """ "3 pallets, 20 cases each, 12 per case": containers inside containers."""
    m = _EACH.search(s)
    if not m:
        return _read_each_pieces(s)
    n1, n2 = _num(m.group("n1")), _num(m.group("n2"))
    if n1 is None or n2 is None:
        return None
    c1, c2 = _CONTAINERS[m.group("c1").lower()], _CONTAINERS[m.group("c2").lower()]
    qty, spans, used = n1 * n2, [m.span()], [n1, n2]
    note = f"Quantity {_fmt(n1)} {m.group('c1')} x {_fmt(n2)} {m.group('c2')} each"
    unit = m.group("c2").lower()
    for per in _per_found(s):
        n3 = _num(per.group("n"))
        if n3 is not None and _CONTAINERS[per.group("c").lower()] == c2 and per.start() >= m.end():
            qty, unit = qty * n3, "units"
            spans.append(per.span())
            used.append(n3)
            note += f" x {_fmt(n3)} per {c2}"
            break
    return Pack(qty, unit, spans, f"{note} = {_fmt(qty)}", used, containers={c1: n1, c2: n1 * n2})


_EA_CLOSED = re.compile(r"\bea\s*\)", _I)
_TOTAL_SAID = re.compile(
    r"(?:\$\s?)?(?P<t>\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d+(?:\.\d\d)?)\s*(?:total|all\s+in|in\s+all)\b"
    r"|\b(?:total|=)\s*(?:of\s+|is\s+)?\$?\s?(?P<u>\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d+(?:\.\d\d)?)",
    _I,
)


def _total_said(s: str, product: Decimal) -> bool:
    """Whether `s` states a total that equals `product` ("1,648 total", "= $67.20")."""
    for t in _TOTAL_SAID.finditer(s):
        raw = (t.group("t") or t.group("u") or "").replace(",", "")
        if raw and Decimal(raw) == product:
            return True
    return False


# (the old price may be blanked by then: read as the list's cost)
_FROM_TO = re.compile(r"\bfrom\s+(?:\$?\d[\d,.]*\s*)?(?:ea(?:ch)?\s+)?(?:down\s+)?to\s+\$?$", _I)


def _read_each_pieces(s: str) -> Pack | None:
    """ "2 pallets of SKU-12, 40 units each": pieces on each container, multiplied out."""
    if "each" not in s and "apiece" not in s.lower() and not _EA_CLOSED.search(s):
        return None
    m = _EACH_PIECES.search(s)
    if m is None:
        return None
    outer = None
    for o in _OUTER_ALONE.finditer(s, max(0, m.start() - 60), m.start()):
        outer = o  # the last containers said before the pieces
    if outer is None or not _EACH_GAP.fullmatch(s, outer.end(), m.start()):
        return None
    if "@" in s[outer.end() : m.start()] and not m.group("u"):
        return None  # "2 pallets X @ 50 each": a price, unless the pieces are named
    if not m.group("u") and _FROM_TO.search(s, max(0, m.start() - 40), m.start()):
        # "marked down 2 rolls X from 315 to 200 each": the new price (round 179)
        return None
    n1_, n2_ = _num(outer.group("n1")), _num(m.group("n2"))
    if not m.group("u") and n1_ is not None and n2_ is not None and _total_said(s, n1_ * n2_):
        # "4 drums presoak, 412 each, 1,648 total": a price, the total its product (round
        # 184: 1,648 pieces)
        return None
    n1, n2 = _num(outer.group("n1")), _num(m.group("n2"))
    if n1 is None or n2 is None:
        return None
    c1, qty = _CONTAINERS[outer.group("c1").lower()], n1 * n2
    unit = (m.group("u") or "units").lower()
    note = f"Quantity {_fmt(n1)} {outer.group('c1')} x {_fmt(n2)} {unit} each = {_fmt(qty)}"
    pack = Pack(qty, unit, [(outer.start(), m.end())], note, [n1, n2], containers={c1: n1})
    if m.group("u") is None:
        pack.guess = f"Read '{m.group(0)}' as {_fmt(n2)} pieces in each {c1}, not a price"
    return pack


# words each pattern needs (most messages have none: no search at all)
_TAG_WORDS = ("ct", "count", "pk", "pc")
_STATED_WORDS = (
    "each", "every", "inside", "(", "=", "qty", "quantity", "size", "count", "ct", "pack",
    " has", "have", " had", "hold", "held", "contain", "include", " is ", " was ", " are ",
    "with", "got", "came", "come",
)  # fmt: skip


def new_message() -> None:
    """Forget the texts of the message before (see _per_found)."""
    _per_found.cache_clear()


@lru_cache(maxsize=16)
def _per_found(s: str) -> tuple[re.Match[str], ...]:
    """_PER's matches in `s`, found once for the three readers that look for them."""
    return tuple(_PER.finditer(s))


def _statements(s: str) -> list[tuple[str, Decimal, str | None, tuple[int, int]]]:
    """Every count per container said in `s`: (container, count, what the pieces are called,
    span), the first said for each container."""
    out: list[tuple[str, Decimal, str | None, tuple[int, int]]] = []
    for m in _per_found(s):
        n = _num(m.group("n"))
        if n is not None:
            out.append((_CONTAINERS[m.group("c").lower()], n, m.group("u"), m.span()))
    low = s.lower()
    tags = _COUNT_TAG.finditer(s) if any(k in low for k in _TAG_WORDS) else iter(())
    for m in tags:
        n = _num(m.group("n"))
        if n is not None:
            out.append((_CONTAINERS[m.group("c").lower()], n, None, (m.start("n"), m.end())))
    stated = _STATED.finditer(s) if any(k in low for k in _STATED_WORDS) else iter(())
    for m in stated:
        n = _num(m.group("n"))
        said = m.group("c0") or m.group("c1") or m.group("c2") or m.group("c3") or m.group("c4")
        if n is not None and said:
            end = m.end() + 1 if m.group("c3") and s[m.end() : m.end() + 1] == ")" else m.end()
            out.append((_CONTAINERS[said.lower()], n, m.group("u"), (m.start(), end)))
    if "(" in s:
        for m in _SLASH_TAG.finditer(s):
            n = _num(m.group("n"))
            if n is not None:
                out.append((_CONTAINERS[m.group("c").lower()], n, None, m.span()))
    return out


# "(ctn/30)": the container, then its count, in parentheses
_SLASH_TAG = re.compile(rf"\(\s*(?P<c>{_C})\s*/\s*(?P<n>\d+)\s*\)", _I)


def per_container_only(s: str) -> bool:
    """Whether `s` says only how many a container holds ("every case holds 10 SKU-12"), no
    count of containers: what it says belongs with the count said beside it."""
    low = s.lower()
    if _HINT_WORDS.isdisjoint(_ALPHA.findall(low)):
        return False
    spans = [span for _, _, _, span in _statements(s)]
    if not spans:
        return False
    return not any(
        not any(a < o.end() and o.start() < b for a, b in spans) for o in _OUTER_ALONE.finditer(s)
    )


# "two 6-bottle cases", "2 12-count boxes", "3 24ct cartons": the container's size said
# before its name
_SIZED_BEFORE = lead(
    _N_FIRST,
    rf"(?P<n>{_N})\s+(?P<k>\d{{1,4}})(?:\s*-\s*(?P<u>bottles?|btls?|cans?|count|ct|pcs?|pieces?"
    rf"|jars?|rolls?|units?|pouch(?:es)?|packs?|pks?|bars?|tubes?)|(?P<g>ct|pk|count))"
    rf"\s+(?P<c>{_C})",
    _I,
)


def _read_sized_before(s: str) -> Pack | None:
    m = _SIZED_BEFORE.search(s)
    if m is None:
        return None
    n, k = _num(m.group("n")), _num(m.group("k"))
    if n is None or k is None or k < 2:
        return None
    c = _CONTAINERS[m.group("c").lower()]
    qty = n * k
    return Pack(
        qty,
        "units",
        [m.span()],
        f"Quantity {_fmt(n)} {c} of {_fmt(k)} = {_fmt(qty)}",
        used=[n, k],
        containers={c: n},
    )


def _read_stated(s: str) -> Pack | None:
    """Containers counted, then what each holds ("3 cases ..., 12 bottles per case", "2 pallets,
    60 crates per pallet, 6 bottles a crate"): the pieces are the product down the chain."""
    stated = _statements(s)
    if not stated:
        return _read_in_them(s)
    per: dict[str, tuple[Decimal, str | None, tuple[int, int]]] = {}
    for c, n, u, span in stated:
        per.setdefault(c, (n, u, span))
    spans = [span for _, _, _, span in stated]
    for outer in _OUTER_ALONE.finditer(s):
        c = _CONTAINERS[outer.group("c1").lower()]
        if c not in per or any(a < outer.end() and outer.start() < b for a, b in spans):
            continue
        n1 = _num(outer.group("n1"))
        if n1 is None:
            continue
        qty, unit, used = n1, "units", [n1]
        containers = {c: n1}
        parts = [f"{_fmt(n1)} {outer.group('c1')}"]
        taken = [outer.span()]
        while c in per and len(taken) < 5:
            n, u, span = per.pop(c)
            qty *= n
            used.append(n)
            taken.append(span)
            parts.append(f"{_fmt(n)}{' ' + u if u else ''} per {c}")
            unit = u.lower() if u else "units"
            inner = container(u)
            if inner is None or inner in containers:
                break
            containers[inner] = qty
            c = inner
        if not _whole(qty):
            continue
        return Pack(
            qty,
            unit,
            taken,
            f"Quantity {' x '.join(parts)} = {_fmt(qty)}",
            used=used,
            words=["half"] if "half" in outer.group("n1").lower() else [],
            containers=containers,
        )
    return None


# se: the size of a pack said after the goods' code or name, not beside the container:
# "2 cs SKU-12, 24 ct", "7 cs water SKU-12 24pk", "1 extra case SKU-12 (12 bags)". A "ct" or
# "pk" tag is the count a case holds; a bare count in parentheses is what one container held
# only when there is one container (after "3 cases" it may be the pieces in all).
_SIZE_AFTER = lead(
    _N_FIRST,
    rf"(?P<n1>{_N}|\ban?)\s+(?:(?!of\b|x\b)[a-z]{{2,12}}\s+)?(?P<c1>{_C})"
    # (whole words only: a word split into pieces many ways made a long message take minutes)
    rf"(?:\s*(?:\ue000|(?<![a-z])(?!(?:ct|count|pk|pack)\b)[a-z]{{2,15}}\b|[,:-]))*?\s*"
    rf"(?:\(?\s*(?P<n2>(?<![\w.$])\d+)(?:\s*-?\s*(?:ct|count|pk|pack)\b|'?s\b"
    rf"|\s+(?:in|inside)\s+(?:each|every)\b(?!\s+[a-z]+\s+\d))(?:\s*\))?(?!\s*\ue000)"
    rf"|(?:{_C})\s+of\s+(?P<n4>\d+)\b(?!\s*(?:{_C}|%|[.,]\d))"
    rf"|\(\s*(?P<n3>\d+)\s+(?!(?:each|apiece|per|in|on|more|extra|of|x)\b)(?P<u>[a-z]{{2,15}})\s*\))",
    _I,
)
_ONE = frozenset(("1", "a", "an", "one"))
_SIZE_AFTER_HINT = re.compile(r"\(|ct|count|pk|pack|\d'?s\b|\bin\s+(?:each|every)|\bof\s+\d", _I)
_WS = re.compile(r"\s+")


def _read_size_after(s: str) -> Pack | None:
    """ "2 cs SKU-12, 24 ct" (48), "1 extra case SKU-12 (12 bags)" (12): containers counted,
    then, after what they are, how many each holds."""
    if not _SIZE_AFTER_HINT.search(s):
        return None
    m = _SIZE_AFTER.search(s)
    if m is None:
        return None
    n1 = _num(m.group("n1")) if m.group("n1").lower() not in ("a", "an") else Decimal(1)
    if n1 is None:
        return None
    c1 = _CONTAINERS[m.group("c1").lower()]
    if m.group("n3") is not None:
        u = m.group("u").lower()
        if m.group("n1").lower() not in _ONE or (u in _CONTAINERS and u not in ("bag", "bags")):
            # "3 cases SKU-12 (36 bags)": in each or in all? "a pallet (30 cases)": of what?
            return None
        n = _num(m.group("n3"))
        if n is None:
            return None
        unit = u
        span = (m.start("n3") - 1, m.end())
        note = f"Quantity 1 {m.group('c1')} holding {_fmt(n)} {unit} = {_fmt(n)}"
        return Pack(n, unit, [(m.start(), m.end("c1")), span], note, [n1, n], containers={c1: n1})
    n2 = _num(m.group("n2") or m.group("n4"))
    if n2 is None or not _whole(n2):
        return None
    qty = n1 * n2
    note = f"Quantity {_fmt(n1)} {m.group('c1')} x {_fmt(n2)} per {c1} = {_fmt(qty)}"
    return Pack(
        qty,
        "units",
        [(m.start(), m.end("c1")), (m.start("n2" if m.group("n2") else "n4"), m.end())],
        note,
        [n1, n2],
        containers={c1: n1},
        guess=f"Read '{_WS.sub(' ', s[m.start('n2' if m.group('n2') else 'n4') : m.end()])}' "
        f"after the goods as the count in each {c1}",
    )


def _read_in_them(s: str) -> Pack | None:
    """ "2 cartons, 12 lamps in them": 12 pieces in all, the cartons remembered."""
    low = s.lower()
    if not any(k in low for k in ("inside", " in ", "altogether", "all up", "all told")):
        return None  # what _IN_THEM needs
    inside = _IN_THEM.search(s)
    if inside is None:
        return None
    for outer in _OUTER_ALONE.finditer(s, 0, inside.start()):
        n1, n = _num(outer.group("n1")), _num(inside.group("n"))
        if n1 is None or n is None:
            continue
        c = _CONTAINERS[outer.group("c1").lower()]
        unit = (inside.group("u") or "units").lower()
        return Pack(
            n,
            unit,
            [outer.span(), inside.span()],
            f"Quantity {_fmt(n)} {unit} in {_fmt(n1)} {outer.group('c1')}",
            used=[n1, n],
            containers={c: n1},
        )
    return None


def _read_per(s: str) -> Pack | None:
    for per in _per_found(s):
        c = _CONTAINERS[per.group("c").lower()]
        n = _num(per.group("n"))
        if n is None:
            continue
        for outer in _OUTER_ALONE.finditer(s):
            if _CONTAINERS[outer.group("c1").lower()] != c or outer.start() == per.start():
                continue
            if outer.start() < per.end() and per.start() < outer.end():
                continue
            n1 = _num(outer.group("n1"))
            if n1 is None:
                continue
            qty = n1 * n
            if not _whole(qty):
                continue
            return Pack(
                qty,
                "units",
                [outer.span(), per.span()],
                f"Quantity {_fmt(n1)} {c} x {_fmt(n)} per {c} = {_fmt(qty)}",
                used=[n1, n],
                words=["half"] if "half" in outer.group("n1").lower() else [],
                containers={c: n1},
            )
    for outer in _OUTER_ALONE.finditer(s):
        inside = _INSIDE.search(s, outer.end(), min(len(s), outer.end() + 40))
        n1 = _num(outer.group("n1"))
        if inside is None or n1 is None:
            continue
        each = inside.group("each") or inside.group("pre")  # "(each with 10 filters)"
        n = _num(inside.group("n"))
        if n is None:
            continue
        c = _CONTAINERS[outer.group("c1").lower()]
        unit = (inside.group("u") or "units").lower()  # "1 case (12)": 12 pieces
        held = container(unit)
        if held and not each:
            if n1 != 1:
                continue
            # "1 pallet (30 cases)": 30 cases of a size not said; counted in cases for an
            # item priced by the case, else the case's size is asked
            return Pack(
                n,
                unit,
                [outer.span(), inside.span()],
                f"Quantity {_fmt(n)} {unit} on 1 {c}",
                used=[n1, n],
                containers={c: n1, held: n},
            )
        if each:  # "2 pallets (40 bags each)": 80 bags
            qty = n1 * n
            return Pack(
                qty,
                unit,
                [outer.span(), inside.span()],
                f"Quantity {_fmt(n1)} {c} x {_fmt(n)} {unit} each = {_fmt(qty)}",
                used=[n1, n],
                containers={c: n1},
            )
        if n1 != 1 and unit in ("ct", "count"):
            # "7 boxes WN-YEL (100 ct)": a count label is what one box holds
            qty = n1 * n
            pack = Pack(
                qty,
                "units",
                [outer.span(), inside.span()],
                f"Quantity {_fmt(n1)} {c} x {_fmt(n)} ct = {_fmt(qty)}",
                used=[n1, n],
                containers={c: n1},
            )
            pack.guess = f"Read '({_fmt(n)} {unit})' as the count on each {c}"
            return pack
        pack = Pack(
            n,
            unit,
            [outer.span(), inside.span()],
            f"Quantity {_fmt(n)} {unit} in {_fmt(n1)} {c}",
            used=[n1, n],
            containers={c: n1},
        )
        if n1 != 1:  # "2 pallets (40 units)": 40 in all, or 40 on each?
            pack.doubt = (
                f"'{_fmt(n1)} {outer.group('c1')} ({_fmt(n)} {unit})': "
                f"{_fmt(n)} in all or on each {c}?"
            )
        return pack
    return None


# a count, then the goods' name, right before "2-packs" ("14 NJOY 2-packs", "25 Vuse Golden
# Tobacco 2-packs")
_COUNT_NAMED = re.compile(
    r"(?<![\w.$#/,-])(?P<n>\d{1,5})\s+(?:[A-Za-z][\w'&.]*\s+){1,4}$", re.IGNORECASE
)


def _read_n_packs(s: str) -> Pack | None:
    for m in _N_PACKS.finditer(s):
        if m.group("w"):
            if (
                m.group("sep").strip() == ""
                and m.group("sep")
                and m.group("pl")
                and not m.group("n1")
            ):
                continue  # "six packs of SKU-12": six packs of a size not said
            word = " ".join(m.group("w").lower().replace("-", " ").split())
            n2 = PACK_SIZE_WORDS.get(word) or _num(word)
        else:
            n2 = _num(m.group("n2"))
        n1 = _num(m.group("n1")) if m.group("n1") else Decimal(1)
        span = m.span()
        named = None if m.group("n1") or m.group("n3") else _COUNT_NAMED.search(s, 0, m.start())
        if named is not None:  # "14 NJOY 2-packs": 14 of them, the goods named between
            n1, span = _num(named.group("n")) or n1, (named.start(), m.end())
        if m.group("n3"):
            if m.group("n1"):
                continue  # "2 6pk x 10": which is the count?
            n1 = _num(m.group("n3"))
        if n1 is None or n2 is None:
            continue
        qty = n1 * n2
        if not _whole(qty):
            continue
        return Pack(
            qty,
            "units",
            [span],
            f"Quantity {_fmt(n1)} x {_fmt(n2)}-pack = {_fmt(qty)}",
            used=[n1, n2],
            containers={"pack": n1},
            retail=True,
        )
    return None


# Goods sold as a pair: "7 pairs of jeans" are 7 pairs of jeans, never 14 (a count of two only
# where the goods are not named, or named as something not sold in pairs: "4 pairs of SKU-12")
_PAIR_GOODS = re.compile(
    r"\s+(?:\ue000\s*)?(?:[a-z-]+\s+){0,4}?(?:jeans|trousers|pants|slacks|shorts|leggings|tights|socks"
    r"|stockings|shoes|boots|sneakers|trainers|sandals|slippers|heels|loafers|clogs|gloves"
    r"|mittens|mitts|head\s?phones|ear\s?phones|ear\s?buds|headsets?|ear\s?rings|cufflinks"
    r"|scissors|shears|pliers|tongs|tweezers|glasses|sun\s?glasses|spectacles|goggles"
    r"|binoculars|skis|skates|readers|cheaters"
    r"|chopsticks|overalls|briefs|boxers|knickers|panties|jeggings|joggers|chinos|dungarees"
    r"|wellies|waders|flip-?flops|crutches|oven\s+mitts|runners|hikers|oxfords|low-?tops"
    r"|high-?tops|flats|pumps|cleats|insoles|laces|shoelaces|earplugs|moccasins|mules"
    r"|espadrilles|booties|galoshes)\b",
    _I,
)


# "pair of work boots torn", "pair of robes torn on the door hook": one pair, said without
# "a" (round 179: three trades' "pair of" was left uncounted, the draft without an amount)
_BARE_PAIR = re.compile(r"(?<![\w-])(?P<c>pair)\s+of\b", _I)


def _read_pairs(s: str) -> Pack | None:
    m = _PAIRS.search(s)
    n1 = _num(m.group("n1")) if m else None
    if m is None:
        m = _BARE_PAIR.search(s)
        n1 = Decimal(1) if m else None
    if m is None or n1 is None:
        return None
    goods = _PAIR_GOODS.match(s, m.end())
    if goods:  # sold as a pair: the pair is the piece
        said = " ".join(s[m.start() : goods.end()].split())
        return Pack(
            n1,
            "units",
            [m.span()],
            f"Quantity '{said}' = {_fmt(n1)} (sold as pairs)",
            used=[n1],
            containers={"pair": n1},
        )
    qty = n1 * 2
    return Pack(
        qty,
        "units",
        [m.span()],
        f"Quantity {_fmt(n1)} {m.group('c')} x 2 = {_fmt(qty)}",
        used=[n1],  # the 2 of a pair is in no text
        containers={"pair": n1},
        guess="Read a pair as 2 pieces; if the item is counted in pairs, the quantity is "
        + _fmt(n1),
    )


def _read_dozen(s: str) -> Pack | None:
    for m in _DOZEN.finditer(s):
        d = m.group("d").lower()
        base = _DOZENS.get(d, Decimal(13) if m.group("baker") else Decimal(12))
        if d in _DOZENS and not (m.group("n") or m.group("ng") or m.group("f")):
            continue  # "gross" alone is a weight or a margin, not 144; "score" a result
        halves = _COUNTED_HALVES.search(s, 0, m.start()) if m.group("f") else None
        start = m.start()
        factor = Decimal(1)
        words = [m.group("d").lower()]
        if m.group("f"):
            frac = _num(m.group("f"))
            if frac is None:
                continue
            factor = frac
            words.append(m.group("f").split()[-1].lower())
            if halves is not None and "-" in m.group(0):
                # ("2 half-dozen boxes": two half dozens, twelve)
                count = _num(halves.group(1))
                if count is None:
                    continue
                factor, start = count * frac, halves.start()
        elif m.group("n") or m.group("ng"):
            n = _num(m.group("n") or m.group("ng"))
            if n is None:
                continue
            factor = n
        if m.group("half") or m.group("nhalf"):  # "dozen and a half", "one and a half dozen"
            factor += Decimal("0.5")
            words.append("half")
        qty = factor * base
        if not _whole(qty):
            continue
        said = " ".join(s[start : m.end()].split())
        unit = m.group("u")  # "a dozen cases": 12 cases
        return Pack(
            qty,
            unit.lower() if unit else "units",
            [(start, m.end())],
            f"Quantity '{said}' = {_fmt(qty)}",
            used=[],  # the words are in its span; the 12 of a dozen is in no text
            words=words,
            # ("5 gross": five of the list's gross, not sixty dozen)
            containers=(
                {_CONTAINERS[unit.lower()]: qty}
                if unit
                else {"dozen": qty / 12, d: factor}
                if d == "gross"
                else {"dozen": qty / 12}
            ),
        )
    return None


def _read_some_of(s: str) -> Pack | None:
    for m in _SOME_OF.finditer(s):
        k, n = _num(m.group("k")), _num(m.group("n"))
        if k is None or n is None or not _whole(k) or k >= n:
            continue  # "6 of the 2" is no part
        said = " ".join(m.group(0).split())
        return Pack(k, "units", [m.span()], f"Quantity {_fmt(k)} ('{said}')", used=[k, n])
    return None


# "half the pallet of SKU-12 got wet (200 on it)", "a quarter of that case, which held 48",
# "three quarters of a pallet of X (40 bags to a pallet)", "20% of a pallet (35/pallet)",
# "a third of a box of 24": part of one container, its count said beside it
_FRACTION_WORDS = frozenset(("half", "quarter", "quarters", "third", "thirds", "fifth", "tenth"))
_PART_OF_ONE = lead(
    "ahotq0123456789",
    rf"(?:{_SHARE})\s+(?:of\s+)?(?P<art>the|that|this|one|our|an?)\s+(?P<c>{_C})",
    _I,
)
_ONE_HELD = re.compile(
    rf"\(\s*(?P<a>{_N})(?:\s+[a-z]+)?(?:\s+(?:on|in)\s+(?:it|there|each))?\s*\)"
    rf"|(?P<b>{_N})\s+(?:[a-z]+\s+)?(?:on|in)\s+it\b"
    rf"|\b(?:which|that|it)\s+(?:had|held|holds|has|had\s+got)\s+(?P<d>{_N})",
    _I,
)
# what a container holds, when that is containers too: "(40 cs to a pallet)"
_INNER = re.compile(rf"(?<=\d\s)(?:{_C})|(?<=\d)(?:{_C})", _I)
# ("a box of 24", "a pallet of 40 bags"): the count right after the container
_OF_COUNT = re.compile(rf"\s+of\s+(?P<n>{_N})(?!\s*(?:{_C}))", _I)
# ("box of 24, a third of the box rusted"): the container and its count said before
_HELD_BEFORE = re.compile(rf"(?P<c>{_C})\s+of\s+(?P<n>{_N})(?!\s*(?:{_C}))", _I)


# "3/4 of the banana bread delivery (8 loaves) moldy": part of goods counted in brackets
_PART_OF_SAID = lead(
    "ahotq0123456789",
    rf"(?:{_SHARE})\s+of\s+(?:the|that|this|our)\s+(?:[^\s()\d]+\s+){{0,4}}?\(\s*(?P<n>{_N})\s*(?:[^\s()\d]+\s*)?\)",
    _I,
)


def _read_part_of_said(s: str) -> Pack | None:
    m = _PART_OF_SAID.search(s)
    return None if m is None else _share_of(m, _num(m.group("n")), [m.span()])


def _read_part_of_one(s: str) -> Pack | None:
    m = _PART_OF_ONE.search(s)
    if m is None:
        return None
    c = _CONTAINERS[m.group("c").lower()]
    held = _held_by_one(s, m, c)
    if held is None:
        return None
    n, span = held
    pack = _share_of(m, n, [m.span(), span], f"the {c} of ")
    inner = _INNER.search(s, *span)
    if pack is None or inner is None or _CONTAINERS[inner.group(0).lower()] == c:
        return pack
    # ("half a pallet of X (40 cs to a pallet)": 20 cases, each holding the list's pieces)
    return replace(pack, containers={_CONTAINERS[inner.group(0).lower()]: pack.quantity})


def _held_by_one(s: str, m: re.Match[str], c: str) -> tuple[Decimal | None, tuple[int, int]] | None:
    """How many one container held, and where that was said: after the part ("(200 on it)",
    "of 24", "(40 bags to a pallet)") or, after "the", before it ("box of 24, a third of the
    box")."""
    after = _OF_COUNT.match(s, m.end())
    if after is not None:
        return _num(after.group("n")), after.span()
    held = _ONE_HELD.search(s, m.end(), min(len(s), m.end() + 80))
    if held is not None and not (
        # ("half a brick of 5b's (6 pr)": the part's own count, not the brick's)
        m.group("art").lower() in ("a", "an", "one")
        and held.group("a")
        and not re.search(r"\b(?:on|in)\b", held.group(0))
    ):
        return _num(held.group("a") or held.group("b") or held.group("d")), held.span()
    for per in _PER.finditer(s, m.end()):
        if _CONTAINERS[per.group("c").lower()] == c:
            return _num(per.group("n")), per.span()
    for st in _STATED.finditer(s, m.end()):
        # ("3/4 of a case of ABD-810 (case = 36)", "a third of a box, box holds 24")
        said = st.group("c0") or st.group("c1") or st.group("c2") or st.group("c3")
        said = said or st.group("c4")
        if said and _CONTAINERS[said.lower()] == c:
            return _num(st.group("n")), st.span()
    if m.group("art").lower() in ("the", "that", "this"):
        before = list(_HELD_BEFORE.finditer(s, 0, m.start()))
        if before and _CONTAINERS[before[-1].group("c").lower()] == c:
            return _num(before[-1].group("n")), before[-1].span()
    return None


def _part_pattern(nouns: str, article: str) -> re.Pattern[str]:
    """ "half a <noun>", "two and a half <nouns>", "a <noun> and a half" for these nouns."""
    return lead(
        "ahotq" + _N_FIRST,
        rf"(?:(?P<w>{_N})\s+and\s+)?(?P<f>(?:a\s+|one\s+)?half|(?:a\s+|one\s+)?quarter"
        rf"|three\s+quarters)\s+(?:of\s+)?(?:an?\s+|one\s+|the\s+){article}(?P<c>{nouns})"
        rf"|(?P<w2>{_N}|an?)\s+(?P<c2>{nouns})\s+and\s+a\s+half\b"
        rf"|(?P<w3>{_N})\s+and\s+a\s+half\s+(?P<c3>{nouns})",
        _I,
    )


# "half a box of X", "1/2 case of avocados", "a box and a half", "two and a half cases": part
# of a container, counted in containers (no size said: an item priced by the box is 0.5 box)
# ("a sack and a half of SG-PW50": a sack holds the goods, counted in sacks when it is part of
# one; whole sacks are the goods' own unit, no container to multiply out)
_PART_HOLDERS = {**_CONTAINERS, "sack": "sack", "sacks": "sack"}
_PART_CONTAINER = _part_pattern(
    "(?:" + "|".join(sorted(_PART_HOLDERS, key=len, reverse=True)) + r")(?![\w-])", "?"
)
# "half a ton of FERT-10", "a gallon and a half", "two and a half gallons": part of a measure,
# in that measure (the item list's measure converts it where that is exact)
_MEASURE_NOUNS = {
    "ton": "ton", "tons": "ton", "gallon": "gallon", "gallons": "gallon", "gal": "gallon",
    "pound": "pound", "pounds": "pound", "lb": "pound", "kilo": "kg", "kilos": "kg",
    "kg": "kg", "yard": "yard", "yards": "yard", "yd": "yard", "yds": "yard", "foot": "foot",
    "feet": "foot",
    "quart": "quart", "quarts": "quart", "pint": "pint", "pints": "pint", "litre": "litre",
    "liter": "litre", "litres": "litre", "liters": "litre", "metre": "metre", "meter": "metre",
    "metres": "metre", "meters": "metre",
}  # fmt: skip
_MN = "(?:" + "|".join(sorted(_MEASURE_NOUNS, key=len, reverse=True)) + r")(?![\w-])"
# ("a quarter ton of X", "half a ton"; "4 half gallon jugs" is the jugs' size)
_PART_MEASURE = _part_pattern(
    _MN + r"(?!\s+(?:jugs?|bottles?|cartons?|containers?|tubs?|pails?|cans?|jars?|bags?|sacks?"
    r"|boxes|box|drums?|buckets?|totes?|kegs?|packs?|bricks?|blocks?|loaf|loaves|tins?)"
    r"|\s*[x×*]\s*\d)",  # ("OJ half gal x 9": nine of the half-gallon size)
    "?",
)


def _read_part_sized(s: str) -> Pack | None:
    """ "a case and a half of X (24/cs)": part of a container whose size is said, read as its
    decimal ("1.5 case") by the readers of sized containers (36), or None."""
    m = _PART_CONTAINER.search(s)
    part = _read_part(m, _PART_HOLDERS, counted_in=True)
    if m is None or part is None:
        return None
    said = f"{_fmt(part.quantity)} {part.unit}"
    if len(said) > len(m.group(0)):
        return None
    # the same length, so every span the readers give stands where it stood
    plain = s[: m.start()] + said.ljust(len(m.group(0))) + s[m.end() :]
    for reader in _SIZED_READERS:
        found = reader(plain)
        if found is not None and m.start() in {a for a, _ in found.spans}:
            words = [*found.words, *part.words]
            return replace(found, spans=[*found.spans, m.span()], words=words)
    return None


# the readers of containers whose size is said, in the order they are tried
_SIZED_READERS = (_read_each, _read_stated, _read_chain, _read_per, _read_size_after)


def _read_part_container(s: str) -> Pack | None:
    return _read_part(_PART_CONTAINER.search(s), _PART_HOLDERS, counted_in=True)


def _read_part_measure(s: str) -> Pack | None:
    return _read_part(_PART_MEASURE.search(s), _MEASURE_NOUNS, counted_in=False)


def _read_part(m: re.Match[str] | None, names: dict[str, str], counted_in: bool) -> Pack | None:
    """Part of one container or measure, in it: `counted_in` containers say the quantity is
    counted in them (a price per box is read against it)."""
    if m is None:
        return None
    if m.group("c"):
        whole = _num(m.group("w")) if m.group("w") else Decimal(0)
        frac, word, c = _num(m.group("f")), m.group("f").split()[-1].lower(), m.group("c")
    else:
        whole = _num(m.group("w2") or m.group("w3"))
        frac, word, c = Decimal("0.5"), "half", m.group("c2") or m.group("c3")
    if whole is None or frac is None:
        return None
    qty = whole + frac
    name = names[c.lower()]
    said = " ".join(m.group(0).split())
    return Pack(
        qty,
        name,
        [m.span()],
        f"Quantity '{said}' = {_fmt(qty)} {name}",
        used=[whole] if whole else [],
        words=[word],
        containers={name: qty} if counted_in else {},
    )


def _read_part_of(s: str) -> Pack | None:
    for m in _PART_OF.finditer(s):
        n = _num(m.group("n"))
        if n is None:
            continue
        if m.group("p"):
            pct = Decimal(m.group("p"))
            if not 0 < pct <= 100:
                continue
            qty, said, used = n * pct / 100, f"{_fmt(pct)}% of {_fmt(n)}", [pct, n]
            words: list[str] = []
        else:
            f = m.group("f") or m.group("h")
            frac = _num(f)
            if frac is None:
                continue
            qty = round(n * frac, 6)  # a third of 30 is 10, not 9.999...
            said, used = f"{' '.join(f.split())} of {_fmt(n)}", [n]
            words = [f.split()[-1].lower()]
        # ("25% of the 120 lb X": pounds, not pieces)
        measured = _MEASURE_AFTER.match(s, m.end())
        if not _whole(qty) and not measured:
            continue  # "a third of 10": left for the writer to say
        unit = measured.group("u").lower() if measured else "units"
        end = measured.end() if measured else m.end()
        # ("20% of the 5 boxes of X": a share of the boxes, counted in boxes; round 184)
        after = _CONTAINER_AFTER.match(s, m.end()) if not measured else None
        held = container(after.group(1)) if after else None
        if after is not None and held is not None and _whole(qty):
            return Pack(
                qty,
                after.group(1).lower(),
                [(m.start(), m.end())],
                f"Quantity {said} {after.group(1).lower()} = {_fmt(qty)}",
                used,
                words,
                containers={held: qty},
            )
        return Pack(
            qty, unit, [(m.start(), end)], f"Quantity {said} {unit} = {_fmt(qty)}", used, words
        )
    return None


_CONTAINER_AFTER = re.compile(r"\s*([a-z]{2,10})\b", re.IGNORECASE)


_MEASURE_AFTER = re.compile(rf"\s*-?\s*(?P<u>{measures.UNIT})\.?(?![\w-])", _I)


# -- goods on holders, by a measure: "2 bolts (15 yd/bolt)", "3 bolts, 12 yds each" ------------
# the measure on each holder: a decimal is a length ("12.5 ft")
def _m(i: int = 0) -> str:
    """The measure on one holder, its groups numbered ("m1", "u1"): "15 yd", "100ft"."""
    # ("a 1,200 ft spool": thousands with their commas)
    return (
        rf"(?P<m{i}>(?<![$\w.,/-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)\s*-?\s*"
        rf"(?P<u{i}>{measures.UNIT})\.?(?![\w-])"
    )


_HELD_BY = lead(
    _N_FIRST,
    # ("three quarters of a bolt ... 40yd bolts": a share of one holder; round 210)
    rf"(?:(?P<n1>{_N}|half\s+an?|an?)|(?P<f1>{_FRAC})\s+(?:of\s+)?an?)\s+"
    rf"(?:(?:full|whole|partial)\s+)?(?P<h1>{_H})",
    _I,
)
# after the holders (within a few words): the measure on each
_ON_EACH = re.compile(
    # "(15 yd/bolt)", "100ft/reel", "12 yds per bolt", "50 ft to a coil"
    rf"{_m(1)}\s*(?:/\s*|per\s+|an?\s+|to\s+an?\s+|(?:on|in)\s+(?:each|every|an?|the)\s+)"
    rf"(?P<h2>{_H})"
    # "12 yds each", "250 ft on it", "50 lb apiece"
    rf"|{_m(2)}\s+(?:each|apiece|ea\b|on\s+(?:each|it|them|every\s+one)|in\s+each)"
    # "(bolt is 10 yd)", "each reel = 100 ft", "reels are 500 ft"
    rf"|(?:(?:the|a|an|each|every|one)\s+)?(?P<h3>{_H})\s*(?:is|are|was|were|=|holds?|has|had"
    rf"|of)\s+{_m(3)}"
    # "(20 ft sticks)"
    rf"|\(\s*{_m(4)}\s+(?P<h4>{_H})\s*\)"
    # "1 sack of X (60 kg)": the measure of the one holder counted (read only after one)
    rf"|\(\s*{_m(5)}\s*\)"
    # "10 bags of 500 grams": what each holder counted weighs (round 162)
    rf"|(?<=[a-z])\s+of\s+{_m(6)}"
    # "3/4 of a bolt of X gone - 40yd bolts": the holders' size said aside (round 210)
    rf"|[,;-]\s*{_m(7)}\s*(?P<h7>{_H})",
    _I,
)
_GAP = 60  # how far after the holders the measure may stand (a SKU, the goods, a comma)
# "2 100ft reels", "3 x 50 ft coils": the measure before the holders
_SIZED = lead(
    _N_FIRST,
    # ("2 x CRD-GRN-KG 5 kg bags": the code, read as \ue000, between the count and the size)
    rf"(?P<n1>{_N}|an?)\s*(?:x\s*)?(?:\ue000\s*|(?-i:[A-Z0-9]+(?:[-/][A-Z0-9]+)+)\s+)?"
    rf"(?:(?:full|whole|entire|new|sealed)\s+)?{_m()}"
    rf"\s+(?P<h1>{_H})",
    _I,
)


# "LT-EG-CL 25kg sack", "the 25 kg sack": one holder of a measure, its count unsaid
_ONE_SIZED_AFTER = re.compile(rf"\s+{_m()}\s+(?P<h1>{_H})", _I)
_ONE_HOLDER = re.compile(r"\b(?:the|that|this)\b", _I)


def one_sized(s: str, code: str) -> Pack | None:
    """One holder of a measure said right after the goods' code or "the", with no count
    ("LT-EG-CL 25kg sack contaminated" of tea priced per kg): its measure is the quantity."""
    code_at = re.compile(rf"(?<![\w-]){re.escape(code)}(?![\w-])", _I)
    for lead_in in (*code_at.finditer(s), *_ONE_HOLDER.finditer(s)):
        m = _ONE_SIZED_AFTER.match(s, lead_in.end())
        if m is None:
            continue
        said = m.group("h1")
        each = _num(m.group("m0"))
        if each is not None and holder(said) == said.lower():  # one sack, not "25kg sacks"
            return _measured(Decimal(1), each, m.group("u0"), said, [m.span()])
    return None


# "a quarter of the 1000 ft reel", "half a 500 ft spool": a share of one holder of a size
_SHARE_SIZED = lead(
    "ahotq0-9",
    rf"(?:{_SHARE})\s+(?:of\s+)?(?:the|a|an|one|that|this)\s+{_m()}\s+(?P<h1>{_H})",
    _I,
)


def read_measured(s: str) -> Pack | None:
    """Goods on holders with the measure on each: the quantity is the measure in all ("2
    bolts (15 yd/bolt)" is 30 yd), the holders are remembered for an item priced by them."""
    for m in _SHARE_SIZED.finditer(s) if "%" in s or "of" in s or "half" in s else ():
        pct = m.group("pct")
        share = Decimal(pct) / 100 if pct else _num(m.group("f"))
        each = _num(m.group("m0"))
        if share is not None and each is not None and 0 < share < 1:
            pack = _measured(share, each, m.group("u0"), m.group("h1"), [m.span()])
            if pct:
                pack.used.append(Decimal(pct))
            else:
                pack.words.append(m.group("f").split()[-1].lower())
            return pack
    for m in _SIZED.finditer(s):
        n1, each = _num(m.group("n1")), _num(m.group("m0"))
        if n1 is not None and each is not None:
            return _measured(n1, each, m.group("u0"), m.group("h1"), [m.span()])
    for outer in _HELD_BY.finditer(s):
        part_said = outer.group("f1")
        n1 = (
            _FRACTIONS.get(" ".join(part_said.lower().split()))
            if part_said
            else _num(outer.group("n1"))
        )
        on = _ON_EACH.search(s, outer.end(), min(len(s), outer.end() + _GAP))
        if n1 is None or on is None:
            continue
        named = on.group("h2") or on.group("h3") or on.group("h4") or on.group("h7")
        if named and holder(named) != holder(outer.group("h1")):
            continue
        i = next(i for i in range(1, 8) if on.group(f"m{i}"))
        each = _num(on.group(f"m{i}"))
        if each is None:
            continue
        between = s[outer.end() : on.start()]
        if _STOP.search(between):
            continue  # "2 bolts torn. 15 yd each of SLK" is another count
        pack = _measured(n1, each, on.group(f"u{i}"), outer.group("h1"), [outer.span(), on.span()])
        if part_said or "half" in outer.group("n1").lower():
            pack.words.append((part_said or "half").split()[-1].lower())
        if i == 5 and n1 != 1:
            # "6 sacks PEP-TEL-KG (25kg)": a sack's size, likelier than all six together
            pack.guess = f"Read '{on.group(0).strip()}' as on each {holder(outer.group('h1'))}"
        return pack
    return None


# (a code's digits are no count: "1 spool THHN10RD (500 ft spool)")
_STOP = re.compile(r"[.;!?]\s|\$|(?<![\w-])\d")


def _measured(
    n1: Decimal, each: Decimal, unit: str, held: str, spans: list[tuple[int, int]]
) -> Pack:
    qty = n1 * each
    name = holder(held) or held.lower()
    return Pack(
        qty,
        unit.lower(),
        spans,
        f"Quantity {_fmt(n1)} {held} x {_fmt(each)} {unit} each = {_fmt(qty)} {unit}",
        used=[n1, each],
        containers={name: n1},
    )


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())


# The list's own retail pack said again beside a count: "TB-KID4 - 9 (4pk) damaged", "found 4
# extra X 12pks", "X x 10, 10pks all rotted" of a "..., 4pk" / "12pk" / "10pk" line. The
# figure names the unit, no count (round 278 read 1 pack of 4 and dropped the 9).
_RETAIL_ECHO = re.compile(r"(?<![\w.$/-])(?P<n>\d+)\s*-?\s*(?P<u>pk|pks|pack|packs)\b", re.I)
_A_FIGURE = re.compile(r"(?<![\w.])\d")


def unit_echoed(text: str, names: Mapping[str, str]) -> str:
    """`text` without the list's own retail pack ("4pk" of a "..., 4pk" line whose code it
    says) when another figure there gives the count: it is the list's unit, said again."""
    low = text.lower()
    if "pk" not in low and "pack" not in low:
        return text
    echoes = list(_RETAIL_ECHO.finditer(text))
    if not echoes:
        return text
    said = [code for code in names if code.lower() in low]
    sizes = set()
    for code in said:
        m = _PACK_OF.search(names[code])
        if m is not None and m.group("n"):
            sizes.add(int(m.group("n")))
    out = text
    for m in reversed(echoes):
        if int(m.group("n")) not in sizes:
            continue
        rest = out[: m.start()] + out[m.end() :]
        for code in said:
            rest = re.sub(re.escape(code), " ", rest, flags=re.IGNORECASE)
        if _A_FIGURE.search(rest):  # ("a 12pk fell": the pack is all the count there is)
            out = out[: m.start()] + out[m.end() :]
    return out
