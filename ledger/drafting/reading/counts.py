"""Count differences: the books' figure beside the count ("system says 50, only 38 on shelf",
"expected 40 counted 31", "books say 200, we have 176").

Neither figure is the quantity to write off: the difference is. Shrinkage when the count is
lower, an overage when it is higher. The reader is handed the text with the two figures
turned into one plain statement, in place and of the same length (so every position the
reader keeps still points into the message as typed): the books' phrase becomes the
policy's word for the direction ("short" / "surplus") and the difference takes the place of
one of the figures, the other blanked. The card shows the arithmetic as a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ledger.drafting.reading.fast import lead, twin_patterns
from ledger.drafting.reading.packs import COUNTED_IN
from ledger.money import MoneyError, parse_decimal

_I = re.IGNORECASE | re.VERBOSE

# A whole count: digits with optional thousands commas, not money, not a decimal, not a
# percentage, not part of a code ("SKU-12").
_N = r"(?<![\w$.,-])(?P<{0}>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w%]|[.,]\d)"
# ... said alone: never the first half of a date or a pair ("count sheet 9/30", "60/64"); a
# measure may have a decimal ("books 31.5 yds, shelf 29")
_N1 = (
    r"(?<![\w$.,-])(?P<{0}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # ("system 300ft, measured 342ft": a measure's unit glued to its figure; round 291)
    r"(?:ft|lbs?|kg|yds?|m)?(?![\w%]|[.,]\d|/\d)"
)

# Words between a figure's name and the figure: "system says 50", "books: 40", "qty 14"
# ("system only has 7", "QB only shows 10")
_SAID = r"""(?:\s*(?:only|says?|said|shows?|showed|has|have|had|is|are|was|were|qty|quantity|count
    |on\s+hand|of|thinks?|believes?|we\s+have|there\s+(?:are|is|should\s+be)|reports?
    |reported|lists?|listed|displays?|stock|[:=]))*"""
# ("sytem", "sysytem": the books' name as typed in a hurry)
# ("POS has 100": a till's stock figure is the books' too)
# ("metrc says 22", "short 3 against bevspot": the trade's stock software is the books too)
_SYSTEM = (
    # ("sysem 5 shelf 7", "syst 31 cs shelf 28 cs", "systme 200": rounds 335-337)
    r"(?:system|sys|sytem|sysytem|systm|sistem|systen|sysem|syst|systme|sytsem|ssytem|sysetm"
    r"|pos|qb|quickbooks|metrc|bevspot|dutchie"
    r"|lightspeed|shopify|netsuite|fishbowl|cin7)"
)
# What the books say: the system, the books, the records, "expected", then the figure.
_BOOK = lead(
    "sbriewcdolpqmnf",
    r"""(?:\b(?:"""
    + _SYSTEM
    # ("qoh says 40": quantity on hand, the record's; "soh" stock on hand)
    + r"""|books?|records?|expected|on\s+hand\s+per\s+system|wms|erp|qoh|soh
          # ("count sheet 14 (mezz): ..." is the sheet's number)
          |computer|database|count\s+sheet(?!\s*\#?\s*\d+\s*[(:])
          # ("sheet says 40 cs X, floor has 43": the count sheet's printed figure; round 331)
          |sheet(?=\s+(?:says|said|shows|showed)\b)
          |book\s+(?:qty|quantity|count|stock)|ledger|booked
          |stock\s+(?:record|card)s?|on\s+paper|(?:a\s+)?book\s+figure(?:\s+of)?
          |should\s+(?:be|have(?:\s+been)?)
          # ("shelf says 40 X, i count 31", "rack C1 shows 10 X, counted 4": a place's label)
          |(?:shelf|bin|rack|peg|location|loc)(?:\s+[a-z]?\d{1,3}[a-z]?)?\s+(?:label\s+|tag\s+)?
           (?=says\b|said\b|shows\b|showed\b)
          # ("1/2 cdx: on hand shows 88, we counted 81", "flutter blouse M shows 9, counted
          # 7": what the goods show is the record's figure, a count says it counted)
          |on\s+hand(?=\s+(?:says|said|shows|showed)\b)
          |(?<!count\s)(?<!counts\s)(?<!count's\s)(?<!recount\s)(?<!counted\s)
           (?=(?:shows|showed)\s+\d))"""
    + _SAID
    + r"""|\binventory(?:\s*(?:says?|said|shows?|showed|has|have|had|[:=]))+)\s*"""
    + _N1.format("n"),
    _I,
    word=True,
)
# ... or the figure first: "vs 50 in the system", "60 on the books"
_BOOK_AFTER = lead(
    r"\d",
    _N1.format("n")
    # ("8 lb on hand in the system": on hand between; round 299; never "rack 9 that werent
    # in the system", a place's number)
    + r"""\s+(?:(?:[a-z]+\s+)?(?:on\s+hand\s+)?(?:in|on|per)\s+(?:the\s+)?(?:"""
    + _SYSTEM
    + r"""|books?|records?|wms|erp)\b
        |booked\b|(?:[a-z]+\s+)?on\s+record\b
        # ("64 counted / 80 system", "64 on hand vs 70 expected": the books' name after its
        # figure, alone; round 292)
        |(?:"""
    + _SYSTEM
    + r"""|expected)\b(?!\s+(?:\w+\s+)?\d))""",
    _I | re.VERBOSE,
)
# What was counted: the figure after a count word ("shelf 34" beside "system 40"), or before
# a shelf word.
_COUNTED = re.compile(
    # ("physical count: rav puzzles 14, system 17": the goods between the count and its figure)
    r"""(?:\b(?:(?:physical\s+|shelf\s+|floor\s+)?count\s*:\s*(?:[a-z][\w'-]*\s+){1,3}(?=\d)
          |counted(?:\s+[a-z][a-z0-9]*-[a-z0-9-]+)?|recounted|cnt|ct\.?(?=\s*[:=]?\s*\d)|stock\s+take|stocktake|(?:our\s+)?(?:shelf\s+|floor\s+|actual\s+|physical\s+|stock\s+)?
          count(?:\s+(?:for|of|on)\s+[\w-]+
          # ("physical count PZ500-KT 112 vs system 130": the code counted, then its figure)
            |\s+(?=[a-z0-9-]*[\d-])(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]*[a-z0-9]\s*[:=]?
             # ("physical count X shows 22, system says 24": round 298)
             (?:\s+(?:shows|says|is|came\s+to))?(?=\s*\d))?
          |physical(?:ly)?(?:\s+count)?|actual(?:ly)?(?:\s+count)?
          # ("sytem 14, countd 11": typed in a hurry)
          |countd|cnted|coutned|cout(?=\s*[:=]?\s*\d)
          # ("RAM-D4S-16G sys 40 / ct'd 43": counted, short; round 330)
          |ct'?d|cnt'?d|c'?td
          # ("WHSK14 sys 40 / act 36": the actual count, short; round 180)
          |act\.?(?=\s*[:=]?\s*\d)
          # ("counted latex M: 212": the goods, then the figure after a colon)
          |counted\s+(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*(?=\s*[:=]\s*\d)
          |(?:floor|shelf|bin)(?:\s+(?:qty|quantity|count))?\s*[:=]|(?:floor|shelf)(?=\s+\d)|(?:floor|shelf|bin)\s+(?:qty|quantity)|on\s+(?:the\s+)?shel(?:f|ves)|(?:shel(?:f|ves)|floor)\s+(?:only\s+)?(?:has|have|had)
          # ("system says 6, cage has 7": the locked cage, the vault, the cooler counted)
          |(?:cage|vault|cooler|freezer|fridge|walk-?in|back\s*room|stockroom|warehouse|yard
            |bay|zone|aisle|location|loc|board|store|showroom|display|floor|tray)
           \s+(?:only\s+)?(?:has|have|had)
          # ("Books say 20 bunches of kale, cooler says 26": the place counted; round 272)
          |(?:cage|vault|cooler|freezer|fridge|walk-?in|back\s*room|stockroom)
           \s+(?:says|said|shows|showed)
          # ("book says 14 lb, scale says 11.25 lb": what was weighed is the count)
          # ("reel reads 480 ft left": what is left on the holder, measured)
          |(?:the\s+)?(?:scales?|reel|spool|coil|drum|tank|gauge|tape(?:\s+measure)?|measuring\s+wheel)
           \s+(?:only\s+)?(?:says|said|shows
           |showed|reads|read|has|had)
          # ("books 900 ft, measured 640": wire and rope are measured, not counted)
          |(?:we\s+|i\s+)?(?:weighed|weighs|measured|measures)(?:\s+in\s+at|\s+out\s+at)?
          # ("book 412 gal, stick reading 389 gal": a tank's level by the stick; round 299)
          |(?:dip\s*)?stick(?:\s+(?:reading|reads|says|shows))?
          # ("tank dip 3,520 lb vs 3,400 lb on the books": a tank's level, measured)
          |(?:tank\s+)?dip(?:ped)?(?:\s+(?:reads|says|shows|gave|gives))?
          # ("books 40, freezer 33": the place counted, then its figure; not "freezer 2 has")
          |(?:cage|vault|cooler|freezer|walk-?in|back\s*room|stockroom)
           (?=\s*[:=]?\s*\d+(?:,\d{3})*(?![\w,.%/:-]|\s+(?:has|have|had|holds?|shows?|says?)\b))
          |(?:re-?)?count(?:\s+(?:of|for)\s+[\w-]+)?\s+(?:gave|gives|showed|shows|says)
          |(?:we\s+)?(?:only\s+|actually\s+|really\s+)?(?:have|had|got)(?:\s+only)?
          |(?:we|i)\s+(?:only\s+)?(?:found|find|counted|count|see)(?:\s+only)?
          # ("cant find 2 of them, count says we should have 6": 2 are missing, not counted)
          |(?:peg|pegs|hook|hooks|rack|tote|drawer|slot|bin|bins|box|reel|spool|pallet)
           \s+(?:(?:only|actually|really)\s+)?(?:has|have|had|holds?)
          |(?<!can't\s)(?<!cant\s)(?<!cannot\s)(?<!couldn't\s)(?<!couldnt\s)(?<!not\s)
           (?:found|find)(?:\s+only)?|there(?:\s+(?:are|were|is)|'s|s)(?:\s+only)?
          |only(?:\s+have|\s+had|\s+got)?|came\s+to|comes\s+to|came\s+out\s+at
          # ("count on X came back 22, system says 14": the count's figure; round 207)
          |came\s+back(?:\s+(?:at|with))?
          |we'?re\s+at|we\s+are\s+at|we\s+were\s+at
          |c[ao]mes?\s+in\s+at|came\s+in|counts?\s+at|phys(?:ical)?\.?(?:\s+(?:qty|quantity|count))?
          |on\s+hand(?:\s+(?:qty|quantity|count))?
          |(?:actual|real|physical)\s+stock)
        (?:\s*(?:is|was|are|were|shows?|came\s+to|qty|quantity|of|has|had|holds|today|tonight
           |yesterday|[:=]
           # ("physical says 52 X, system 60": round 295)
           |says|said))*\s*"""
    + _N1.format("n")
    + r"|"
    + _N1.format("m")
    # ("jasmine rice 14 bags on shelf, system 17": what the goods come in, then where)
    # ("18 QO142M200PC on hand, system shows 14": the goods' code between)
    + r"""\s+(?:(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]{2,}\s+)?"""
    + r"""(?:(?:units?|pcs|pieces?|items?|ea|bags?|sacks?|cases?|cs|boxes|bx|bottles?|btls?
        |cans?|jars?|tubs?|rolls?|packs?|pks?|cartons?|ctns?|pails?|trays?|kegs?|jugs?|gal
        |gallons?|lbs?|tins?|tubes?|spools?|sets?|pairs?|prs?|lf|ft|feet|yds?|yards?|m
        # ("31 bundles on hand vs 34 in system": round 299)
        |bundles?|bdls?|hanks?|reels?|coils?|qts?|quarts?)\s+)?
        (?:on\s+(?:the\s+)?shel(?:f|ves)|on\s+hand
        |in\s+the\s+bin|physical(?:ly)?|counted(?!\s*[:=]?\s*\d)
        |on\s+(?:the\s+)?(?:count|floor|racks?|bins?|pegs?|hooks?)
        # ("3,268 lb on the scale", "3,520 lb by dip": weighed or dipped, a bulk good's count)
        |on\s+(?:the\s+)?scales?|(?:by|per|on)\s+(?:the\s+)?(?:tank\s+)?dip|weighed|measured)\b)""",
    _I,
)
# "found 5 extra", "3 short": the figure is already the difference, not a count
# (on its own line: "shelf has 15\nso 3 short" says the difference on a line of its own)
_ALREADY_DIFFERENCE = re.compile(
    r"[ \t]*(?:[\w-]+[ \t]+){0,2}?(?:extra|more|over|short|missing|less|fewer|under|surplus"
    r"|too\s+many)\b",
    _I,
)
# "expected 40 in the delivery, got 31": a receiving shortfall (a claim on the supplier),
# not a count of stock on hand
_RECEIVING = re.compile(
    r"\b(?:deliver(?:y|ies|ed)|shipments?|suppliers?|vendors?|po|purchase\s+order|received"
    r"|receiving|arrived|ordered|invoiced?|packing\s+(?:slip|list)|asn)\b",
    _I,
)
# Both names, then both figures in the same order: "count vs system: 95 vs 100", "system /
# physical 120 / 117", "95/100 (counted/system)"
_BOOK_NAME = rf"(?:{_SYSTEM}|books?|wms|erp|records?|expected|ledger|booked)"
_COUNT_NAME = r"(?:count(?:ed)?|cnt|physical|phys|actual|on\s+hand|floor|shelf)"
_NAME = rf"(?:{_BOOK_NAME}|{_COUNT_NAME})"
_VS = r"\s*(?:vs\.?|versus|v\.?|/)\s*"
_PAIRED = lead(
    "abcefloprsvw0-9",
    rf"""\b(?P<first>{_NAME}){_VS}(?P<second>{_NAME})\s*[:=-]?\s*(?:(?:is|are|was|were)\s+)?
        {_N.format("x")}\s*(?:vs\.?|versus|v\.?|/|,|-|and)\s*{_N.format("y")}
      | {_N.format("x2")}\s*(?:vs\.?|versus|v\.?|/)\s*{_N.format("y2")}\s*
        \(\s*(?P<first2>{_NAME}){_VS}(?P<second2>{_NAME})\s*\)""",
    _I,
)
_IS_BOOK = re.compile(rf"^{_BOOK_NAME}$", _I)
_GAP = re.compile(r"[;\n]")  # a figure across these belongs to another request
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[;\n]|\.\s")
_MAX_GAP = 80  # characters between the two figures


@dataclass(frozen=True)
class Difference:
    book: Decimal
    counted: Decimal
    quoted: str  # the books' phrase as typed, to find the request it belongs to

    @property
    def note(self) -> str:
        diff = abs(self.book - self.counted)
        side = "short" if self.counted < self.book else "over"
        return f"The books say {self.book:,}, counted {self.counted:,}: {diff:,} {side}"


_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand)"
)
# a count said in words ("counted sixty, system 48"), read as its figure in the same room
# ... and no count at all: "70 on the books, zero on the shelf" (round 266 drafted a loss)
_NONE = frozenset(("zero", "none", "nothing", "nada", "zilch"))
_WORDS = re.compile(
    rf"\b(?:{_WORD}(?:(?:\s*-\s*|\s+(?:and\s+)?){_WORD})*|{'|'.join(sorted(_NONE))})\b",
    re.IGNORECASE,
)


# (a plain test before the words are read: most messages name no books at all)
_BOOKS_SAID = re.compile(r"system|book|record|expected|qoh|soh|sys\b|qb\b|pos\b", re.IGNORECASE)


def _figures(text: str) -> str:
    """`text` with each number said in words written as its figure, padded to the same
    length ("sixty" -> "60   ")."""

    def figure(m: re.Match[str]) -> str:
        if m.group(0).lower() in _NONE:
            return "0".ljust(len(m.group(0)))
        try:
            value = parse_decimal(m.group(0))
        except (MoneyError, ArithmeticError, ValueError):
            return m.group(0)
        said, room = _plain(value), len(m.group(0))
        return said.ljust(room) if len(said) <= room else m.group(0)

    return _WORDS.sub(figure, text)


def rewrite(
    text: str, other_story: Callable[[str], bool] = lambda _: False
) -> tuple[str, list[Difference]]:
    """See _rewrite; a count said in words beside the books' figure is read as its figure
    ("overage on X - counted sixty, system 48")."""
    out, found = _rewrite(text, other_story)
    if found or not _BOOKS_SAID.search(text) or not _WORDS.search(text):
        return out, found
    figured = _figures(text)
    out2, found2 = _rewrite(figured, other_story)
    return (out2, found2) if found2 else (out, found)


def _rewrite(
    text: str, other_story: Callable[[str], bool] = lambda _: False
) -> tuple[str, list[Difference]]:
    """`text` with each books-vs-count pair turned into "short xD" / "surplus xD" in place
    (same length), and the differences found. Text without both figures comes back as is,
    and so does a pair whose sentence tells `other_story` (damage, theft: "expected 40, found
    12 broken") or a delivery's."""
    if not any(c.isdigit() for c in text):
        return text, []
    found: list[Difference] = []
    out = text
    for m in _PAIRED.finditer(text):
        first = m.group("first") or m.group("first2")
        second = m.group("second") or m.group("second2")
        if bool(_IS_BOOK.match(first)) == bool(_IS_BOOK.match(second)):
            continue  # two books or two counts: not a difference
        x = Decimal((m.group("x") or m.group("x2")).replace(",", ""))
        y = Decimal((m.group("y") or m.group("y2")).replace(",", ""))
        b, c = (x, y) if _IS_BOOK.match(first) else (y, x)
        if b == c:
            out = _agreed(out, m.start(), m.end())
            continue
        if other_story(_sentence(text, m.start(), m.end())):
            continue
        again = _restatements(text, m.start(), m.end(), abs(b - c))
        if again and all(s > m.end() for s, _ in again):
            # "counted 212 X, system says 200, the extra 12 were in a mislabeled tote": the
            # pair is the difference, the figure after it refers back (round 308 read 212)
            for s, e in again:
                out = _put(out, s, e, "")
        elif _said_elsewhere(text, m.start(), m.end(), abs(b - c)):
            out = _put(out, m.start(), m.end(), "")  # "6 extra X, system said 12, we have 18"
            continue
        said = f"{'short' if c < b else 'surplus'} x{_plain(abs(b - c))}"
        if len(said) > m.end() - m.start():
            continue
        out = _put(out, m.start(), m.end(), said)
        found.append(Difference(b, c, m.group(0)))
    pos = 0
    while True:
        book = _first(_BOOK.search(out, pos), _BOOK_AFTER.search(out, pos))
        if book is None:
            break
        count = _nearest_count(out, book)
        if count is None:
            pos = book.end()
            continue
        b = Decimal(book.group("n").replace(",", ""))
        c = Decimal(count.group(count.lastgroup or "n").replace(",", ""))
        cs, ce = count.span(count.lastgroup or "n")
        sentence = _sentence(text, min(book.start(), cs), max(book.end(), ce))
        if (
            _ALREADY_DIFFERENCE.match(out, ce)
            or _RECEIVING.search(sentence)
            or other_story(sentence)
        ):
            pos = book.end()
            continue
        lo, hi = min(book.start(), cs), max(book.end(), ce)
        if b == c:
            # "GLV-NIT-L: system 95, counted 95": the count agrees, nothing to write off
            out = _agreed(_put(_put(out, *book.span(), ""), cs, ce, ""), lo, hi)
            pos = max(book.end(), ce)
            continue
        again = _restatements(text, lo, hi, abs(b - c))
        if again is None:
            # "found 6 extra X on the count, system said 12, we have 18": the figures show
            # the difference already said; they are not another one (the books still named:
            # "we're up 2 on X. books say 14, rack has 16" is up against them; round 207)
            named = "books" if book.end() - book.start() >= len("books") else ""
            out = _put(_put(out, *book.span(), named), cs, ce, "")
            pos = max(book.end(), ce)
            continue
        for span in again:  # "books say 6, we have 4. the other 2 went": said once more
            out = _put(out, *span, "")
        fitted = _fit(out, book, (cs, ce), b, c, count.span())
        if fitted is None:
            pos = book.end()
            continue
        out = fitted
        found.append(Difference(b, c, text[book.start() : book.end()]))
        pos = max(book.end(), ce)
    return out, found


# a code on its own line or after a comma, right before a count that agrees: "SKU-12 system 40
# counted 40, SKU-40 system 10 counted 8" (the line of an item with nothing to write off)
_CODE_BEFORE = re.compile(
    r"(?:^|[,;:\n]|^\s*[-*\u2022])\s*"
    # ("06500 2cs 2cs": a five-figure part number on its own row; round 351)
    r"(?P<code>(?=[\w./#-]*\d)(?=[\w./#-]*[A-Za-z])[\w./#-]{3,}|\d{5,}"
    # (a code of capitals in dashed parts, no digit: "KONG-L 44 44", "GIRO-REG-L sys 22 /
    # cnt 22"; round 347 read the next line's difference as this item's twenty times)
    r"|[A-Z][A-Z0-9]*(?:[-/.][A-Z0-9]+)+)"
    r"\s*[:,-]?\s*$"
)
# (the figures' unit may close the line: "GLV-M sys 20 bx counted 20 bx" agrees all the same;
# round 351 gave its code the next row's difference six times)
_LINE_ENDS = re.compile(
    rf"(?:[ \t]*(?:{COUNTED_IN}|units|unit|pcs|ea)\b)?\s*(?:[,;.\n]|$)",
    re.I,
)


_MATCHES = "count matches"
# what is left of a count that agrees once its figures are blanked: "63 counted, 63 on the
# books" leaves " counted,  on the books" (round 261), which says nothing else
_ONLY_COUNT_WORDS = re.compile(
    r"[\s,;:/-]*(?:(?:counted|count|cnt|on|in|the|books?|system|sys|hand|shelf|qb|pos|says?"
    r"|shows?|has)\b[\s,;:/-]*)*",
    re.IGNORECASE,
)


def _agreed(text: str, lo: int, hi: int) -> str:
    """`text` with the code of a count that agrees with the books blanked, when the code and
    the two figures are a line of their own: that item has nothing to write off, and its
    code left alone would be read as the goods of another line's difference. The figures'
    place says the count matches, where there is room: the message's chatter is then read
    as a count that agrees ("X counted 30, system 30. aisle 5 done" drafted the aisle's 5)."""
    if hi - lo >= len(_MATCHES) and _ONLY_COUNT_WORDS.fullmatch(text, lo, hi):
        text = _put(text, lo, hi, _MATCHES)
    if not _LINE_ENDS.match(text, hi):
        return text  # "SKU-12 system 40 counted 40 but 3 are cracked": more to read
    code = _CODE_BEFORE.search(text, max(0, lo - 60), lo)
    return text if code is None else _put(text, *code.span("code"), "")


def _said_elsewhere(text: str, start: int, end: int, n: Decimal) -> bool:
    """Whether the count `n` is said in `text` outside [start, end)."""
    return bool(_elsewhere(text, start, end, n))


def _elsewhere(text: str, start: int, end: int, n: Decimal) -> list[re.Match[str]]:
    figure = re.compile(rf"(?<![\w.$,/-])[+-]?{re.escape(_plain(n))}(?![\w.,%/-])")
    return [
        m
        for m in figure.finditer(text)
        if not _in_another_pair(text, start, m.start())
        if not (start <= m.start() < end) and not PLACE_BEFORE.search(text, 0, m.start())
    ]


def _in_another_pair(text: str, start: int, at: int) -> bool:
    """Whether the figure at `at` is on another line than the pair at `start`, a line with
    books of its own: another item's count ("X sys 30 counted 26\nY sys 5 counted 4": Y's 4
    is no restatement of X's 4 short; round 334 read the sheet as one line)."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    hi = len(text) if hi == -1 else hi
    if lo <= start <= hi:
        return False
    return bool(_BOOK.search(text, lo, hi) or _BOOK_AFTER.search(text, lo, hi))


# the difference said again with no word for its direction: "so +3", "the other 2 went",
# "2 gone", "diff of 2"; the pair's figures say which way, the restatement adds nothing
_RESTATED_BEFORE = re.compile(
    r"(?:\bso|\bthe\s+other|\bdiff(?:erence)?(?:\s+(?:of|is|was))?|\bthats?|=|\bi\.e\."
    # ("..., system says 200, the extra 12 were in a mislabeled tote": round 308)
    r"|\bthe\s+(?:extra|missing|spare|surplus|short)"
    # ("system 40, counted 36. no clue where the 4 went": round 295)
    r"|\bwhere\s+(?:the|those|these)"
    # ("system shows 5, counted 9. add the 4 back", "write off the 12", "adjust the 6")
    r"|\b(?:add|adding|write\s+off|w/o|writing\s+off|adjust|adj|book|post|shrink|take\s+off"
    r"|remove|drop)\s+(?:back\s+)?(?:the|those|these|that)?)\s*$",
    re.IGNORECASE,
)


def _restatements(text: str, start: int, end: int, n: Decimal) -> list[tuple[int, int]] | None:
    """The spans of the difference `n` said again outside [start, end) with no direction
    word of its own, or None when any mention says a direction ("short 2", "2 missing") or
    is no plain restatement: then that mention is the difference, the pair its workings."""
    spans: list[tuple[int, int]] = []
    for m in _elsewhere(text, start, end, n):
        signed = m.group(0)[:1] in "+-"
        if _ALREADY_DIFFERENCE.match(text, m.end()) or not (
            signed or _RESTATED_BEFORE.search(text, max(0, m.start() - 16), m.start())
        ):
            return None
        spans.append(m.span())
    return spans


# a place's or a label's number is no count ("dock 3: X system 82 counted 79", "pulled 9 X
# off the endcap by reg 1"); also read by arrivals
PLACE_BEFORE = re.compile(
    r"\b(?:dock|bay|aisle|bin|door|store|shelf|rack|zone|row|level|truck|route|tote|loc"
    r"|location|room|rm|cooler|freezer|trailer|van|station|register|reg|till|lane|line|unit"
    r"|branch|site|q|no\.?)\s*\#?\s*$|\#\s*$",
    re.IGNORECASE,
)


def _sentence(text: str, start: int, end: int) -> str:
    """The part of `text` around [start, end) up to the request boundaries on either side."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def _first(*found: re.Match[str] | None) -> re.Match[str] | None:
    matches = [m for m in found if m is not None]
    return min(matches, key=lambda m: m.start()) if matches else None


# the count's figure right after the books', under a label of its own: "sys 24 / bin 27",
# "books 120 / bin 131", "system 64, on the hooks 57", "sytem 20 acutal 18" (round 335: a
# count's place or a hurried "actual" read the books' figure as goods lost)
_LABELLED_COUNT = re.compile(
    r"""[ \t]*(?:[a-z]{1,4}[ \t]+)?
        (?:(?:/|vs\.?|v\.)[ \t]*(?:the[ \t]+|on[ \t]+(?:the[ \t]+)?)?(?P<label>[a-z][a-z'-]{1,12})
          |,?[ \t]*on[ \t]+the[ \t]+[a-z][a-z'-]{1,12}
          |,?[ \t]*(?:acutal|actaul|acual|shlef|sehlf|shefl|phsyical|pyhsical|cout)
           (?:[ \t]+count)?
          # ("LP-E6NH sys 18 / 15" on a count sheet's line: the count after the slash, alone)
          |[ \t]*/(?=[ \t]*\d[\d,]*[ \t]*(?:$|\n|,|;)))
        [ \t]*[:=]?[ \t]*"""
    + _N1.format("n"),
    _I,
)
_BOOK_LABEL = re.compile(rf"{_BOOK_NAME}|count\s+sheet|sheet", _I)


def _nearest_count(text: str, book: re.Match[str]) -> re.Match[str] | None:
    """The counted figure in the same request as the books' figure: after it, else before."""
    labelled = _LABELLED_COUNT.match(text, book.end())
    if labelled and not (
        labelled.group("label") and _BOOK_LABEL.fullmatch(labelled.group("label"))
    ):
        return labelled
    after = _COUNTED.search(text, book.end(), book.end() + _MAX_GAP)
    if after and _LINE_PAIR.fullmatch(text, book.end(), after.start()):
        # ("system: 210\nbin: 184": the books' line, then the count's; round 193 drafted 210)
        return after
    if after and _GAP.search(text, book.end(), after.start()):
        after = None
    if after and not _SENTENCE_END.search(text, book.end(), after.start()):
        return after
    start = max(0, book.start() - _MAX_GAP)
    before = None
    for m in _COUNTED.finditer(text, start, book.start()):
        before = m
    if before and not _GAP.search(text, before.end(), book.start()):
        # ("shelf 11 / system 8. Found 3 extra": the count in the books' own sentence)
        return before
    if before and _LINE_PAIR.fullmatch(text, before.end(), book.start()):
        # ("shrinkage on X\nshelf 11\nsystem 14": the two figures on lines of their own, one
        # after the other; round 187 drafted the 14)
        return before
    return after


# (a Slack quote's ">" may start the line: "*cycle count* X\n>system: 30 bx\n>counted: 27 bx")
# (and the figure's unit may end its line: "system: 30 bx\ncounted: 27 bx")
_LINE_PAIR = re.compile(r"(?:[ \t]+[a-z]{1,6}\.?)?[ \t]*\n[ \t>]*", re.I)
# a container word right after a figure: the figures count cases, boxes, rolls
# ("system 40 dz, counted 37 dz": a dozen counts as its container does; round 297 read
# "short x3 dz" as one dozen)
_CONTAINER_AFTER = re.compile(
    rf"[ \t]*(?:{COUNTED_IN})\b",
    re.I,
)


def _fit(
    text: str,
    book: re.Match[str],
    count: tuple[int, int],
    b: Decimal,
    c: Decimal,
    count_phrase: tuple[int, int] | None = None,
) -> str | None:
    """The text with the books' phrase as the direction word and the difference in place of
    the counted figure (or of the books' figure when that is the only room), or None when
    the figures agree or the difference does not fit."""
    if b == c:
        return None
    word = "short" if c < b else "surplus"
    diff = _plain(abs(b - c))
    bs, be = book.span()
    cs, ce = count
    # "system 80 bx, counted 86": the difference is in boxes, so it goes where the box word
    # follows ("surplus 6 bx"); written elsewhere it would be 6 of the pieces in them
    # (the other figure's box word goes with its figure: "system 82 bx counted 79 bx")
    book_unit, count_unit = _CONTAINER_AFTER.match(text, be), _CONTAINER_AFTER.match(text, ce)
    if book_unit and len(word) + 1 + len(diff) <= be - bs:
        text = _put(text, cs, count_unit.end() if count_unit else ce, "")
        return _put(text, bs, be, word.ljust(be - bs - len(diff)) + diff)
    if count_unit and len(diff) <= ce - cs and len(word) <= be - bs:
        ps = (count_phrase or count)[0]
        text = _put(text, bs, book_unit.end() if book_unit else be, word)
        return _put(_put(text, ps, cs, "") if ps < cs else text, cs, ce, diff.rjust(ce - cs))
    # "short x12" reads as a count of pieces as surely as the reader reads anything
    if len(word) + 2 + len(diff) <= be - bs:
        text = _put(text, cs, ce, "")
        return _put(text, bs, be, f"{word} x{diff}")
    if len(diff) < ce - cs and len(word) <= be - bs and not book_unit:
        text = _put(text, bs, be, word)
        return _put(text, cs, ce, "x" + diff)
    # ("sys 46 rolls, counted 41": not "short rolls, counted x5", the direction away from
    # its difference; the count's phrase below takes both; round 292)
    if len(diff) <= ce - cs and len(word) <= be - bs and not book_unit:
        text = _put(text, bs, be, word)
        # the count's words go with its figure: "books 30, shelf 41" left "shelf 11", a place
        ps = (count_phrase or count)[0]
        return _put(_put(text, ps, cs, "") if ps < cs else text, cs, ce, diff)
    ps, pe = count_phrase or count
    if len(word) + 2 + len(diff) <= pe - ps:
        # "sys 10 spa covers, counted 12": the count's phrase has room for it all
        return _put(_put(text, bs, be, ""), ps, pe, f"{word} x{diff}")
    # "sys 15 / count 16", "counted 62 sys 50": neither figure's phrase has room for
    # "surplus"; the two side by side, with nothing else counted between them, take it
    # together
    lo, hi = min(bs, ps), max(be, pe)
    said = f"{word} x{diff}"
    between = text[min(be, pe) : max(bs, ps)]
    if len(said) <= hi - lo and not _DIGIT.search(between) and "\n" not in between:
        return _put(text, lo, hi, said)
    return None


def _plain(n: Decimal) -> str:
    """ "4", "2.5": a difference as a count is written ("40.0 - 36" is 4)."""
    return format(n.normalize(), "f") if n == n.to_integral_value() else format(n, "f")


def _put(text: str, start: int, end: int, what: str) -> str:
    return text[:start] + what.ljust(end - start) + text[end:]


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
