"""Which way a count is off, from the words that say it: "we're over by 4", "we are 6 short",
"the count came in 3 under" (our stock against the books), and "the books are under by 4",
"system's over" (the books' side, said with a word that reads both ways).

Our side is clear: over / up / heavy is an overage, under / short / down / light a shortage.
The books' side with "under" or "over" is not: "the books are under" can mean the books'
figure is below the shelf (an overage) or, as many people say it, that the stock is under
the books (a shortage). The reader drafts the second (the likelier) and never confidently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.drafting.reading.fast import lead, twin_patterns, words
from ledger.policy import Category

_I = re.IGNORECASE

_UP = frozenset(("over", "ovr", "up", "heavy", "ahead", "long"))
_DOWN = frozenset(("under", "short", "down", "light", "shy", "behind"))
# ("came up 40 PB-18-DSP shy": a code may stand between the count and its way)
_AMOUNT = (
    # ("came up 3 rolls heavy": the count's own unit between)
    r"(?:(?:about|around|roughly|by)\s+)?(?:\d{1,5}\s+(?:(?:units?|pcs|pieces|items|ea|rolls?"
    r"|cases?|cs|boxe?s|bx|bags?|packs?|pks?|pairs?|prs|sets?|bottles?|btls?|cans?|jugs?"
    r"|dozen|dz|pallets?|bundles?|ctns?|cartons?)\s+)?"
    r"(?:[a-z0-9]*\d[\w/-]*\s+|[a-z]+[-/][\w/-]*\d[\w/-]*\s+|\ue000\s*"
    # ("our count came up 9 crossbacks light": the goods' plural name between; never a time,
    # "3 days behind")
    r"|(?!(?:days|weeks|hours|hrs|months|mins|minutes|years|yrs)\b)[a-z][a-z'-]*s\s+)?)?"
)
# ("over 40 units" is more than 40, but "we're light 3 X", "heavy 10 sleeves": the count after
# a way that is only a way)
_WAY = (
    r"(?P<d>(?:over|ovr|under)\b(?!\s+(?:the\s+)?(?:\d|\$))"
    # (a place: "2 cs that were under it", "were under the deck"; never the books)
    r"(?!\s+(?:it|them|this|that|these|those|my|our|his|her|their|an?"
    r"|the(?!\s+(?:books?|system|sys|count|sheet|records?|pos|qb|quickbooks|ledger)\b))\b)"
    # ("count on X is up 12", "tally's down 3": up and down are no bounds, the count follows;
    # "up to 5" still is one)
    r"|(?:up|down)\b(?!\s+(?:the\s+)?\$|\s+to\b)"
    r"|(?:short|heavy|light|shy|long)\b(?!\s+(?:the\s+)?\$))"
)

_FOR_GOODS = r"(?:\s+(?:on|for)\s+(?:the\s+)?[^\s,.;:!?]+)?"

# "we're over by 4", "we are 6 short", "we came in 3 under", "count is 2 over": our stock.
# "over 40 units" (more than 40) and "up to 5" are not directions: a number right after the
# way word is a count only after "by" (read elsewhere), so a way word before a number or a
# dollar amount is skipped.
# (the gate is read from the words: a hand-kept one lacked "bin" and "rack", so "bin is light
# by 2" was never read, round 278)
_OURS = words(
    r"\b(?:we'?re|we\s+are|we\s+were|we'?ve\s+come\s+(?:in|up)|we\s+came\s+(?:in|up)"
    r"|(?:the\s+)?(?:count|cout|recount|stock\s*take|physical(?:\s+count)?|shelf(?:\s+count)?"
    # ("count on X is up 12", "bin for X is light by 2": the goods named between, round 278)
    r"|on\s+hand|tally)"
    + _FOR_GOODS
    # ("count's heavy by 2 cs": the 's glued on; round 284)
    + r"(?:\s+(?:is|was|'s|came\s+(?:in|up)|comes\s+(?:in|up)|come\s+(?:in|up))|'s)"
    # ("the edging came up 3 rolls heavy": the goods came up so many over)
    r"|the\s+shelf\s+(?:is|was)|came\s+up(?=\s+\d)"
    # ("tally's light 11", "X pile is 20 sticks light", "cage is light 4 cases vs the book")
    r"|(?:tally|pile|bin|cage|rack|slot)(?:\s+\d+)?"
    + _FOR_GOODS
    + r"(?:'s|\s+(?:is|was)))\s+"
    + _AMOUNT
    + _WAY,
    _I,
)
# "recount 9/30: 21190 is 5 under": the goods' code (or its mark) then the way (a figure or
# the mark may start it, so it is no branch of the gated words above; round 284)
_CODE_WAY = re.compile(
    r"(?:\ue000|(?<![\w/-])(?:[a-z]*\d[\w-]*|[a-z]+-[\w-]*\d[\w-]*))"
    r"(?:'s|\s+(?:is|was))\s+" + _AMOUNT + _WAY,
    _I,
)
# "X 3 tubs over", "3 cs over on X", "2 over on X": the goods and a count with its way and
# nothing more, or a count's way on the goods named after it (round 294 drafted losses)
_COUNT_THEN_WAY = re.compile(
    r"(?:\ue000|(?<![\w/-])(?:[a-z]*\d[\w-]*|[a-z]+-[\w-]*\d[\w-]*))\s+(?:x\s*)?\d{1,5}\s+"
    r"(?:[a-z]+\s+)?(?P<d>over|ovr|short|under)\b(?=\s*(?:$|[,.;:!)\n]|vs\b|against\b))"
    r"|(?<![\w.$,/-])\d{1,5}\s+(?:[a-z]+\s+)?(?P<d2>over|ovr|short|under)\s+on\s+(?:the\s+)?"
    r"(?:\ue000|[a-z]*\d[\w-]*|[a-z]+-[\w-]*\d[\w-]*)"
    # ("X recounted twice, 2 boxes over what the system has": round 295)
    r"|(?<![\w.$,/-])\d{1,5}(?:\.\d+)?\s+(?:[a-z]+\s+)?(?P<d3>over|under|short\s+of)\s+what\s+"
    r"(?:the\s+)?"
    r"(?:system|sys|books?|records?|qb|pos)\b"
    # ("cycle ct X is +6 vs the books", "brushes up 2 packs vs system": round 300)
    r"|\b(?:is|was|are|were)\s+(?P<sign>[+-])\s?\d{1,5}(?:\.\d+)?(?=\s+(?:[a-z]+\s+)?(?:vs\.?|versus"
    r"|against)\s+(?:the\s+)?(?:books?|system|sys|records?|qb)\b)"
    r"|\b(?P<d5>up|down)\s+\d{1,5}(?:\.\d+)?\s+(?:[a-z]+\s+)?(?:vs\.?|versus|against)\s+(?:the\s+)?"
    r"(?:books?|system|sys|records?|qb)\b",
    _I,
)
# "over 2 on X", "ovr on X by 11 on the recount", "cout was ovr by 5": a count line that
# starts with its way
_LEADING = re.compile(
    # ("Q3 count Boise: up 5 on 40117", round 278)
    r"(?:^|(?<=[.;:\n!]))\s*(?P<d>over|ovr|short|up|down)\s+(?:by\s+)?"
    r"(?:\d{1,5}\s+on\b|on\s+\S+\s+by\s+\d)",
    _I,
)
# "books are under by 4", "the system's over", "system is 6 under": the books' side.
_BOOKS = lead(
    "bsrlwet",
    r"\b(?:the\s+)?(?:books?|system|records?|ledger|wms|erp)(?:'s|\s+(?:is|are|was|were))?\s+"
    + _AMOUNT
    + r"(?P<d>over|under)\b(?!\s+(?:the\s+)?\$)",
    _I,
    word=True,
)
# "under on the books", "over in the system": whose side, not said
_ON_BOOKS = lead(
    "ou",
    r"\b(?P<d>over|under)\s+(?:on|in)\s+(?:the\s+)?(?:books?|system|records?)\b",
    _I,
    word=True,
)


# "we have 2 more SKU-12 than the system shows", "the system has 4 more than we counted":
# a comparison says the way by who has more (our side more: an overage; the books' more: a
# shortage), whatever the goods named between
# ("3 more X than sys", "than qb": the books' short names; round 207 drafted a loss)
_THEIRS = (
    r"(?:the\s+)?(?:system|sys|qb|pos|books?|records?|ledger|wms|erp|(?:count\s+)?sheet"
    # ("2 fewer X than inventory shows": round 296)
    r"|paperwork|inventory(?=\s+(?:shows|says|has)))(?![\w-])"
)
_COMPARED = lead(
    "wtcsprblf0-9",
    # ("turned up 3 more X than the system had", "found 2 more than the books")
    rf"""\b(?:we\s+(?:have|had|got|found|counted|see)|there\s+(?:are|were|is)
         |(?:turned|showed)\s+up|counted|found
         |(?:the\s+)?(?:shelf|count|physical(?:\s+count)?|recount)\s+(?:has|had|shows?|is|was))
         \s+(?:\d[\d,]*\s+)?(?P<d>more|extra|fewer|less)\b[^.;\n$]{{0,40}}?
         \bthan\s+(?:what\s+)?{_THEIRS}
       # the count alone, our side: "4 more TR-2618 than the system shows"
       | (?<![\w.,$])\d[\d,]*\s+(?P<c>more|extra|fewer|less)\b[^.;\n$]{{0,40}}?
         \bthan\s+(?:what\s+)?{_THEIRS}
       | \b(?P<b>{_THEIRS})\s+(?:has|had|shows?|says?|lists?|is\s+showing)\s+
         (?:(?:we\s+(?:have|had)|there\s+(?:are|is|should\s+be))\s+)?(?:\d[\d,]*\s+)?
         (?P<e>more|fewer|less)\b[^.;\n$]{{0,40}}?\bthan\s+(?:what\s+)?
         (?:we\s+(?:have|had|found|counted|see)|(?:(?:is|are)\s+)?on\s+the\s+(?:shel(?:f|ves)|floor|racks?)
         |there\s+(?:are|is))""",
    _I | re.VERBOSE,
    word=True,
)
_MORE = frozenset(("more", "extra"))


@dataclass(frozen=True)
class Way:
    category: Category
    word: str  # as typed: "we're over by 4"
    way: str  # the direction word: "over"
    clear: bool  # False: the words read both ways


def read(text: str) -> Way | None:
    """The direction a count is off, as the text says it; None when no such words."""
    if "than" in text:
        m = _COMPARED.search(text)
        if m is not None:
            word = m.group("d") or m.group("c") or m.group("e")
            ours = m.group("e") is None
            cat = Category.OVERAGE if (word.lower() in _MORE) == ours else Category.SHRINKAGE
            return Way(cat, m.group(0), word, True)
    if "over" not in text and "under" not in text and not _CHEAP.search(text):
        return None
    m = _OURS.search(text) or _LEADING.search(text)
    if m is None and (" is " in text or " was " in text or "'s " in text):
        m = _CODE_WAY.search(text)
    if m is not None:
        up = m.group("d").lower() in _UP
        return Way(Category.OVERAGE if up else Category.SHRINKAGE, m.group(0), m.group("d"), True)
    m = _COUNT_THEN_WAY.search(text)
    if m is not None:
        sign = m.group("sign")
        said = m.group("d") or m.group("d2") or m.group("d3") or m.group("d5")
        said = said or ("over" if sign == "+" else "short")
        up = said.lower() in _UP
        return Way(Category.OVERAGE if up else Category.SHRINKAGE, m.group(0), said, True)
    for pattern in (_BOOKS, _ON_BOOKS):
        m = pattern.search(text)
        if m is not None:
            up = m.group("d").lower() in _UP
            cat = Category.OVERAGE if up else Category.SHRINKAGE
            return Way(cat, m.group(0), m.group("d"), False)
    return None


_CHEAP = re.compile(
    r"short|down|\bup\b|heavy|light|shy|\bovr\b|\blong\b|\bvs\b|\bversus\b|\bagainst\b", _I
)


def both_ways(way: Way) -> str:
    """The card's question for a direction that reads both ways."""
    return (
        f"'{way.word.strip()}' can be read both ways (fewer on the shelf than on the books, or "
        "more): check whether this is a shortage or an overage"
    )


def _name(category: Category) -> str:
    return "an overage" if category is Category.OVERAGE else "a shortage"


def against(way: Way, category: Category) -> str:
    """The card's question when the direction words and a reason word disagree."""
    return (
        f"'{way.word.strip()}' says {_name(way.category)} but the message also reads as "
        f"{_name(category)}: which is it?"
    )


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
