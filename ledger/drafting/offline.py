"""The offline reader: plain-English write-off requests -> Facts. Deterministic, no I/O.

How a message is read:

1. Clean it: Slack markup (mentions, links, escaped ``&amp;``), bullets, odd Unicode.
2. Mask what only looks like a quantity or a price (dates, times, ticket/PO numbers,
   durations, pack sizes such as "12oz bottles") so those digits are never read.
3. Cut it into small pieces (lines, ``;``, sentences, commas, "and"), drop any piece that tells
   the bot which accounts to use, then glue neighbouring pieces back together until each group
   is one request. Over-cutting is harmless: a piece that cannot stand alone ("$18.75 each",
   "NRV $25", "broken") joins its neighbour, so "cost $40 and NRV $25" stays one request.
4. Read each group: SKU, reason, location, pack sizes, write-down prices, money (price per
   unit or total, by the words around it), quantities, and any number left over.
5. Account for the whole group (`reading.account`): every number, fraction and pack word
   of its text is used by the reading or quoted back as not understood, which makes the
   draft doubtful (below 0.5); hedges and "A or B" do the same (`reading.hedges`).

Before any of that, the message is refused when a number has look-alike letters ("$4OO",
`reading.lookalike`) or when it is no request at all: a question, a payment or refund,
stock received or moved (`reading.chatter`). The item list's SKUs are written as the list
writes them however they were typed (`reading.items`), misspelled reason words are read by
fuzzy matching against the policy table (`reading.fuzzy`), and dozens, cases of 12 and
percentages of a quantity multiply out to pieces (`reading.packs`).

SKU rule: codes introduced by "sku" become ``SKU-<code>`` in upper case ("sku 12", "SKU12",
"sku#12" -> "SKU-12"; "SKU-XL-9" stays). Codes introduced by item / part / product (code) are
kept as written in upper case with ``_`` turned into ``-`` ("item #A-100" -> "A-100",
"part # 55" -> "55"); if such a code itself starts with SKU it follows the SKU rule. An
upper-case code without any of those words ("WID-200") is taken as the SKU, with a small
penalty. Locations are returned without a leading "the" ("the Memphis DC" -> "Memphis DC").

Anything unsure becomes a Guess (it lowers confidence); bad numbers become Facts.errors
(never a confident draft). Accounts are never read from text: the policy picks them.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ledger.drafting.reading import account, chatter, fuzzy, hedges, items, lookalike, packs, tables
from ledger.drafting.reading import adjust as adjust  # its own line, as counts
from ledger.drafting.reading import arrivals as arrivals  # its own line, as counts
from ledger.drafting.reading import asides as asides  # its own line: merges with other branches
from ledger.drafting.reading import bounds as bounds  # its own line, as asides
from ledger.drafting.reading import containers as containers  # its own line, as counts
from ledger.drafting.reading import counts as counts  # its own line: merges with other branches
from ledger.drafting.reading import direction as direction  # its own line, as counts
from ledger.drafting.reading import errands as errands  # its own line, as counts
from ledger.drafting.reading import itemnames as itemnames  # its own line, as counts
from ledger.drafting.reading import measures as measures  # its own line, as counts
from ledger.drafting.reading import mixed as mixed  # its own line: merges with other branches
from ledger.drafting.reading import named as named  # its own line, as counts
from ledger.drafting.reading import packcounts as packcounts  # its own line, as counts
from ledger.drafting.reading import repeats as repeats  # its own line, as counts
from ledger.drafting.reading import respective as respective  # its own line, as counts
from ledger.drafting.reading import selffix as selffix  # its own line, as counts
from ledger.drafting.reading import settled as settled  # its own line, as counts
from ledger.drafting.reading import signs as signs  # its own line, as counts
from ledger.drafting.reading import unitspell as unitspell  # its own line, as counts
from ledger.drafting.reading import usable as usable  # its own line, as counts
from ledger.drafting.reading.fast import (
    NUM_FIRST,
    by_first_letter,
    first_chars,
    first_letters,
    gated,
    lead,
    lead_num,
    twin,
    twin_patterns,
    words,
)
from ledger.drafting.types import (
    BY_ITS_NAME,
    NO_COUNT_GIVEN,
    SKUS_LEFT_OUT,
    DraftError,
    Facts,
    Guess,
)
from ledger.money import MoneyError, parse_decimal, quantize
from ledger.policy import (
    RESERVE_NOUNS,
    VANDALS_AT_WORK,
    Category,
    Kind,
    Policy,
    ReasonTable,
    phrase_key,
)

HELP = (
    "I couldn't find a write-off in that. Try: '40 units obsolete SKU-12 at $15' or "
    "'Write off $2,400 of damaged inventory from warehouse B'."
)
MAX_TEXT = 4000  # characters: a Slack message, not a file
MAX_REQUESTS = 20  # per message
MAX_QUANTITY = Decimal(10) ** 9
MAX_MONEY = Decimal(10) ** 12  # the policy's max_amount refuses much less; this keeps Decimal exact
MAX_PLACES = 6

# Confidence penalties (Guess.penalty). Only real ambiguity costs anything.
P_SEVERAL_PRICES = 0.3
P_SEVERAL_TOTALS = 0.3
P_SEVERAL_QTYS = 0.2
P_CONTAINERS = 0.05  # "2 pallets, 8 SKU-40": shown on the card, the reading is the usual one
P_SEVERAL_SKUS = 0.3
P_SEVERAL_REASONS = 0.2
P_NO_UNIT = 0.1  # a quantity with no unit word and no SKU
P_BARE_NUMBER = 0.1  # a number read as the quantity from position alone
_ARTICLE_BEFORE = re.compile(r"(?<![\w'])an?\s+$", re.IGNORECASE)
P_ONE_SAID = 0.2  # no count written, one thing said in the singular ("the spare TC-9000")
P_QTY_OR_PRICE = 0.25
P_PRICE_OR_TOTAL = 0.2
P_BARE_AT = 0.1  # "at 15" with no $: probably dollars
P_BARE_CODE = 0.1
P_INJECTION = 0.3
P_INHERITED = 0.15
P_CODE_FIGURES = 0.1  # a code typed as its figures alone ("item 5077" of AQ5077): likely
P_INHERITED_PRICE = 0.2
P_UNREAD_NUMBER = 0.1
P_NEGATED = 0.3
P_UNIT_MISMATCH = 0.2
P_RANGE = 0.3
P_PERCENT = 0.3
P_PERCENT_OF_TOTAL = 0.15
P_CORRECTION = 0.3
P_PACK_GUESS = 0.1  # a pack word read one way where another is possible ("pairs": x 2)
P_WEAK_REASON = 0.1  # only "lost" or "gone": the likeliest reason, not a sure one
P_FUZZY = 0.05  # a misspelled reason word read by fuzzy matching
P_RESERVE_UNCLEAR = 0.35  # a reserve entry drafted as a plain write-off would be wrong

SKU_MARK = "\ue000"  # stands in for a SKU that was read, so "12 of SKU-5" still finds the 12
MONEY_MARK = "\ue001"  # stands in for money that was read ("40 @ $15")

# -- vocabulary -------------------------------------------------------------------------------

_UNIT_WORDS: tuple[str, ...] = (
    "units", "unit", "pcs", "pc", "pieces", "piece", "ea", "each", "items", "item", "cases",
    "case", "cs", "cartons", "carton", "ctns", "ctn", "boxes", "box", "bx", "bags", "bag",
    "sacks", "sack", "drums", "drum", "barrels", "barrel", "pallets", "pallet", "plts", "plt",
    "skids", "skid", "crates", "crate", "totes", "tote", "bins", "bin", "buckets", "bucket",
    "pails", "pail", "tubs", "tub", "trays", "tray", "lbs", "lb", "pounds", "pound", "kgs",
    "kg", "kilos", "kilo", "kilograms", "kilogram", "grams", "gram", "oz", "ounces", "ounce",
    "tons", "ton", "tonnes", "tonne", "gallons", "gallon", "gal", "liters", "liter", "litres",
    "ltr", "ltrs",
    "litre", "ml", "bottles", "bottle", "cans", "can", "jars", "jar", "tubes", "tube", "rolls",
    "roll", "reams", "ream", "packs", "pack", "packages", "package", "pkgs", "pkg", "packets",
    "packet", "bundles", "bundle", "sets", "set", "pairs", "pair", "prs", "dozen", "doz",
    "sheets", "sheet", "spools", "spool", "coils", "coil", "bales", "bale", "kits", "kit",
    "meters", "meter", "metres", "metre", "ft", "feet", "foot", "yards", "yard", "yds", "yd", "lf",
    "cartridges", "cartridge", "containers", "container", "tins", "tin", "loaves", "loaf",
    "bars", "bar", "blocks", "block", "boards", "board", "panels", "panel", "sleeves",
    "sleeve", "bunches", "bunch", "vials", "vial", "doses", "dose", "ct", "count", "cups",
    "cup", "bricks", "brick", "reels", "reel", "quarts", "quart", "qts", "qt", "pints", "pint",
    "u", "inches", "inch", "bdl", "bdls", "bndl", "bndls", "slv", "slvs",
    "btl", "btls", "pouches", "pouch", "dz", "bxs", "bgs", "bg",
    # ("SKH-740-09 2pr dmg'd", "4 bkts (50/bkt)")
    "pr", "bkt", "bkts",
    # ("3 fathoms of CHN-516-G4": six feet each, read as the list's feet; round 157)
    "fathoms", "fathom",
    # ("2 lifts of DWX-58-412 broken": containers of many, round 160)
    "lifts", "lift", "racks", "rack", "caddies", "caddy", "shippers", "shipper", "cards", "card",
    # ("40 sq ft of SKU-12": an area, as typed with "sq ft" made one word)
    "sqft",
    # ("TAPE1IN 10rl gummy", "PPR-8514 40rm water dmg": rolls and reams, round 179)
    "rl", "rls", "rm", "rms",
    # ("3 flats of ISO110 run over": flats of canisters, plants or eggs; only the plural, as
    # "3 flat tires" are tires; round 182, sure at 3 canisters)
    "flats",
    # ("tossing 3 inner packs of the OPI top coat": the carton's inner cartons, of how many?
    # round 240 drafted three bottles at 0.97)
    "inners", "inner packs", "inner pack", "inner boxes", "inner box", "inner cartons",
    "inner carton",
)  # fmt: skip
_UNIT = "(?:" + "|".join(sorted(set(_UNIT_WORDS), key=len, reverse=True)) + ")"
# A price "per unit / each" fits any counted quantity; other unit words must match.
_GENERIC_UNITS = frozenset(
    (
        "unit", "units", "u", "pc", "pcs", "piece", "pieces", "ea", "each", "item", "items",
        "ct", "count", "head",
    )
)  # fmt: skip
_UNIT_ALIASES = {
    "lbs": "lb", "pound": "lb", "pounds": "lb", "kgs": "kg", "kilo": "kg", "kilos": "kg",
    "kilogram": "kg", "kilograms": "kg", "gal": "gallon", "cs": "case", "ctn": "carton",
    "ctns": "carton", "bx": "box", "plt": "pallet", "plts": "pallet", "pkg": "package",
    "pkgs": "package", "prs": "pair", "pr": "pair", "bkt": "bucket", "bkts": "bucket",
    "doz": "dozen", "yds": "yard", "yd": "yard",
    "ft": "foot", "feet": "foot", "lf": "foot", "loaves": "loaf", "boxes": "box",
    "bunches": "bunch",
    "qt": "quart", "qts": "quart", "rl": "roll", "rls": "roll", "rm": "ream", "rms": "ream",
}  # fmt: skip


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of the reader's own that fuzzy matching must leave alone.
_OTHER_WORDS = _wordset(
    """
    write writes writing written wrote off sku skus item items part product qty quantity total
    each cost costs price priced worth value dollars bucks cents warehouse dock aisle store
    stores shelf shelves room cooler freezer truck trailer please thanks approve approved
    storage receiving shipping display system books weekend arrival transit forklift loading
    customer supplier vendor inventory merchandise products goods stock pallets shipment
    delivery delivered morning night yesterday today tonight monday tuesday wednesday
    thursday friday saturday sunday screen screens bottles cartons boxes sacks bags
    streaking streaky streaks streaked bung bungs
    """
)
_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)"
)
# "no one has bought them": nobody, not a count of one
_NUMWORDS = (
    rf"\b(?<!\bno\s)(?<!\bno-)(?:an?\s+(?=(?:hundred|thousand|million|dozen)\b))?{_NUMBER_WORD}\b"
    rf"(?:(?:\s*-\s*|\s+(?:and\s+)?){_NUMBER_WORD}\b)*"
)
_NUM_CORE = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?![.,]?\d)"
# (never the figures of a one-letter place code: "CAT-LTR-40 x 10, L-40 rack" counted 40 racks;
# round 179)
_NUM = rf"(?<![\w.])(?<!\d,)(?<!\b[a-z]-){_NUM_CORE}"
_CUR_BEFORE = r"(?:(?<![a-z])us\s?\$|\busd\b|\$)"
_CUR_AFTER = r"(?:usd\b|dollars?\b|bucks\b|dlrs\b|\$)"
# ("$4grand" glued is 4 grand too)
# ("$1.5 mil", "$2 mln", "$3bn": the short forms of millions and billions, read as said)
# ("$256 grand total" is $256: "grand" before "total" after three figures or cents is the
# total's word; "5 grand total" is $5,000)
_GRAND = (
    r"grand(?:(?!\s+total)|(?<!\d\d\d\sgrand)(?<!\d\d\dgrand)(?<!\.\d\d\sgrand)(?<!\.\d\dgrand))"
)
_SCALE = rf"(?:[km](?![a-z])|\s?(?:thousand|million|{_GRAND}|mil|mill|mln|billion|bn)\b)"
# Cents: "75 cents", "50c each" (the "c" only joined to the digits: "50 c" is no price)
# (three figures or more glued to a "c" are a size, "700c" of a bicycle tube: a price of a
# dollar or more is written in dollars)
_CENTS = rf"{_NUM}(?:\s*(?:cents?\b|¢)|(?<!\d\d\d)c\b)"
# Money written as money: "$15", "$ 1,200.50", "USD 75", "15 dollars", "nine dollars", "$20k".
_MONEY_STRICT = (
    rf"(?:{_CUR_BEFORE}\s*{_NUM_CORE}{_SCALE}?(?:\s*{_CUR_AFTER})?"
    rf"|{_NUM}{_SCALE}?\s*{_CUR_AFTER}"
    rf"|{_NUMWORDS}\s+(?:dollars?|bucks)\b"
    rf"|{_CENTS})"
)
# ("from 9.875k to 8.4k": a thousands figure needs no dollar sign to be money)
# (four figures or more glued to a "k" are a colour temperature, "4000k" LEDs, not $4M)
_NOT_KELVIN = r"(?![1-9]\d{3,}k\b)"
_NUM_SCALED = rf"{_NOT_KELVIN}(?<!\d){_NUM}[k](?![a-z])"
_MONEYISH = rf"(?:{_MONEY_STRICT}|{_NUM_SCALED}|{_NUM})"
_PER = (
    rf"(?:per\s+(?:{_UNIT}|unit|item|piece)\b|each\b|ea\b\.?|apiece\b|a\s+pop\b"
    rf"|/\s*(?:{_UNIT}|unit|ea)\b|an?\s+(?:{_UNIT}|unit|piece|item)\b)"
)

_I = re.IGNORECASE
_IX = re.IGNORECASE | re.VERBOSE


# -- cleaning ---------------------------------------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\r": "\n",
        "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u2018": "'", "\u2019": "'",
        "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00d7": "x", "\u2192": "->", "\uff04": "$", "\u2022": "-",
        # ("2\u00bd dozen", "\u00bc case"): a fraction's sign, written as the reader reads it
        "\u00bd": " 1/2", "\u00bc": " 1/4", "\u00be": " 3/4", "\u2153": " 1/3",
        "\u2154": " 2/3", "\u215b": " 1/8",
    }
)  # fmt: skip
_PRIVATE_OR_CONTROL = re.compile(r"[\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SLACK_MARKUP = re.compile(r"<([^<>|\s]*)(?:\|([^<>]*))?>")
_PLAIN_MENTION = re.compile(r"(?<!\S)@[a-z][\w.-]*", _I)
_EMOJI = re.compile(r"(?<![\w:]):[a-z0-9_+-]+:(?![\w:])", _I)
# Slack strikethrough: "~12~ 10 units" means 10; what is struck out is not part of the request
_STRUCK = re.compile(r"(?<![\w~])~~?[^~\n]+~~?(?![\w~])")
# Slack emphasis around words, money and codes ("*5*", "_damaged_", "`SKU-40`", "*$45*"): the
# marks go, the words stay. "_" is a word character, so "_3_" would otherwise hide the 3 from
# every pattern that starts at a word boundary; a mark inside a word ("sku_12") is kept.
_EMPHASIS = re.compile(r"(?<![\w*_`])([*_`]{1,2})(?![\s*_`])([^*_`\n]+?)(?<!\s)\1(?![\w*_`])")
_EMPHASIS_LINE = re.compile(r"^[ ]*\*{1,2}([^*\n:\d]{2,40}?)\*{1,2}[ ]*$(?=\n)", re.MULTILINE)
_INLINE_ENUM = re.compile(r"(?<=\S)\s+\d{1,2}\)\s+(?=\S)")  # "... 2) 5 SKU-77": a new line
# "(1) ... (2) ...", "(a) ... (b) ...", "a) ... b) ...": numbered parts, one a line
_PAREN_ENUM_FIRST = re.compile(
    r"(?:^|[:\s])\s*(?:\(1\)\s+(?=.*\s\(2\)\s)|\(a\)\s+(?=.*\s\(b\)\s)|a\)\s+(?=.*\sb\)\s))",
    re.DOTALL,
)
_PAREN_ENUM = re.compile(r"(?:^|\s+)(?:\((?:\d{1,2}|[a-h])\)|(?<![\w(])[a-h]\))\s+")
_HASH_ENUM_FIRST = re.compile(r"(?:^|[:\s])\s*#1\s+(?=.*\s#2\s)", re.DOTALL)
# "2 items: (1) ... (2) ...": how many parts follow, not a count of goods
_PARTS_HEADER = re.compile(
    r"^\s*(?:\d|two|three|four|five)\s+(?:items?|things?|problems?|issues?|write[- ]?offs?"
    r"|lines?|parts?)\s*:",
    re.IGNORECASE,
)
_HASH_ENUM = re.compile(r"(?:^|\s+)#\d\s+")
# The header row of a small table ("SKU QTY REASON", "sku | qty | reason"): column names,
# no data; left in, "SKU QTY" reads as a code
_HEADER_ROW = re.compile(
    r"""^[ \t`|*_]*(?:(?:skus?|items?|part(?:\s+no\.?)?|codes?|product|description|desc|qty
        |quantity|count|units?|pcs|reason|why|cause|issue|status|price|cost|unit\s+cost
        |each|ea|total|amount|value|notes?|comments?|location|loc|bin|\#|no\.?)
        [ \t|,;/*_]*){2,}[ \t`|*_]*$""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
_BULLET = re.compile(r"^[ ]*(?:[-*>]|\d{1,2}[.)])[ ]+", re.MULTILINE)
_SPACES = re.compile(r"[ ]{2,}")
_BLANK_LINES = re.compile(r"[ ]*\n[\s]*")

# -- masks: digits that are not quantities or prices ------------------------------------------
# A mask with a group named "m" blanks only that group.

# whole month names or their short forms only: "markdown 15" is not March 15
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
# "of the 16": a count said after a share of it ("3/4 of the 16", "2/5 of 20")
_OF_A_COUNT = r"of\s+(?:(?:the|those|these|our|all|them)\s+)*\d"
# what a year names ("from the 2022 pack year", "expired 2023 lot", "2024 pack-date") and the
# street of an address ("at 1420 Oak St", "1420 Marina Way"): masked, and named on the card
_OF_A_YEAR = (
    r"pack[\s-]?(?:year|date)|lot|crop|season|batch|model\s+year|edition|vintage|harvest"
    r"|collection|packaging|catalog|release"
)
_STREET = (
    r"(?-i:(?:[NSEW]\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Way|Dr|Drive|Ln|Lane|Pkwy|Parkway|Hwy"
    r"|Highway|Ct|Court|Pl|Place|Ter|Terrace|Cir|Circle)\b)"
)
# the parts of the premises a break-in damages (the mask of the premises damaged, below)
_PREMISES = (
    r"(?:door\s*frames?|doors?|windows?|locks?|padlocks?|gates?|fences?|roof|shutters?"
    r"|skylights?|deadbolts?|hasps?)"
)
_MASK_PARTS: tuple[str, ...] = (
    # how deep the water stood: "6\" of water in the back room, 14 X destroyed" (round 182:
    # drafted 6 of the goods)
    r"""\b\d{1,3}(?:\.\d+)?\s*(?:"|”|inches|inch|in|ft|feet|foot|cm|mm)\s+of\s+
        (?:standing\s+|flood\s*|dirty\s+|sewer\s+|rain\s*)?(?:water|rain|snow|mud|sewage|ice
        |sludge|silt)\b""",
    # a year that names a lot, a crop or a season, or when goods expired ("expired 2023"):
    # never a count (each mask starts with its digit: tried only where a number starts)
    rf"\b\d{{4}}(?<=\b(?:19[5-9]\d|20[0-4]\d))(?=[\s-]+(?:{_OF_A_YEAR})\b)",
    # "the 2024 desk pad calendars", "the old 2019 kit": a year before the goods it names,
    # after a word that points at them; a count needs no "the" ("the 2000 units" is counted)
    r"\b\d{4}(?<=\b(?:19[5-9]\d|20[0-4]\d))"
    r"(?:(?<=\bthe\s\d{4})|(?<=\bold\s\d{4})|(?<=\bour\s\d{4})|(?<=\bthose\s\d{4})"
    r"|(?<=\bthese\s\d{4})|(?<=leftover\s\d{4})|(?<=\bunsold\s\d{4})"
    # ("obsolete 2019 harness stock, 5 HRN-ALP-M": the goods' year, drafted as 2,019 of
    # them, round 170; "obsolete 2000 pens" stays a count)
    r"|(?<=\bobsolete\s\d{4})(?<!2000)|(?<=\bdiscontinued\s\d{4})(?<!2000)"
    # ("8 2022 spring suits": a count, then the year of the goods)
    r"|(?<=\d\s\d{4}))"
    rf"(?=\s+(?!(?:{_UNIT}|of|in|on|at|to|and|or|for)\b)[a-z]{{3,}})",
    # ... and before the goods' code, hidden while the masks run, after a count ("8 leftover
    # 2022 WS-SPR-M": eight of the 2022 suits, not 2,022 of them)
    r"\b\d{4}(?<=\b(?:19[5-9]\d|20[0-4]\d))"
    r"(?:(?<=\d\s\d{4})|(?<=\d\sleftover\s\d{4})|(?<=\d\sunsold\s\d{4})|(?<=\d\sold\s\d{4}))"
    r"(?=\s+\ue002)",
    r"\b\d{4}\b(?<=\b(?:19[5-9]\d|20[0-4]\d))"
    r"(?:(?<=\bexpired\s\d{4})|(?<=\bexp\s\d{4})|(?<=\bexpiry\s\d{4}))",
    # a showcase named by its number: "case 3 lock popped, X x2 gone" (round 177 drafted 3 of
    # the goods beside the 2)
    r"(?:(?<=\bcase\s)|(?<=\bcase\s\#)|(?<=\bcase\s\#\s))\d{1,3}"
    r"(?=\s+(?:lock|locks|door|doors|glass|key|keys)\b)",
    # a street address: a place
    rf"\b\d(?<![$.,/#-]\d)\d{{0,5}}\s+{_STREET}",
    # "14k plain bands", "18k white gold": gold's karat, never $14,000
    r"\b(?:9|10|14|18|22|24)\s?(?:k|kt|karat|carat)\b(?=\s+(?:solid\s+|plain\s+|white\s+|yellow\s+"
    r"|rose\s+|two[\s-]tone\s+)*(?:gold|gf|gp|white|yellow|rose|plain|bands?|bangles?|rings?"
    r"|chains?|hoops?|studs?|earrings?|necklaces?|bracelets?|pendants?|wg|yg|rg)\b)",
    # "86 the expired sour cream", "86'd it": the kitchen's word for taking off, no count
    r"(?<![\w.$])86(?:'?d|ed)?(?=\s+(?:the|it|them|those|these|that|all|our)\b)",
    # "5 finger discount at the key kiosk: 6 blanks gone": theft said, no count (round 266
    # drafted 5 stolen beside the 6 gone)
    r"(?<![\w.$])5(?=\s*-?\s*finger(?:ed)?\s+discount)",
    # a size glued to its measure, naming the goods: "6 of the 8qt chafers", "1 chafer 8qt
    # dented" (the count is said apart; "spilled 8qt of oil" measures what was lost)
    r"(?<=\bthe\s)\d+(?:\.\d+)?(?:qt|oz|gal|in|ml|ltr|mm|cm)\b(?=\s+(?:[a-z]{3,}(?<!\bof)|\ue002))",
    r"\b\d+\s+[a-z]{3,}\s+(?P<m>\d+(?:\.\d+)?(?:qt|oz|gal|in|ml|ltr|mm|cm))\b(?!\s+of\b)",
    # "the 12 btl ones", "the 6in ones": which kind of the goods, never a count
    # ("the 2 torn ones get written off" counts them: a size or a pack word only, round 162)
    rf"(?<=\bthe\s)\d+(?=\s*-?\s*(?:{_UNIT}|in|inch|ft|foot|pk|pack|btl|oz|mm|cm|v|w)\s+ones?\b)",
    # a figure hyphened to what it describes ("4-person boxes", "2-way valves", "3-ply"): part
    # of the goods' name, never a count
    r"\b\d{1,2}-(?:person|people|man|way|ply|seat|seater|burner|door|drawer|shelf|tier|light"
    # (not "two 6-bottle cases": a pack's size, what the case holds)
    r"|blade|speed|port|outlet|gang|prong|step|wheel|hole|slot|spike|pocket|compartment"
    r"|head|arm)s?\b(?!-)",
    # a number sign's figure after "the", "of", "dozen" or a count names a size or a model
    # ("2 of the #10 blades", "a dozen #10 blades", "3 #10 cans"): never the count
    # ("22 sticks #4 rebar": after the goods' counted word, in the plural)
    # ("PGP-ADJ #17 rotors stolen": a model number after the goods' code)
    r"(?:(?<=\bthe\s\#)|(?<=\bof\s\#)|(?<=\bdozen\s\#)|(?<=\bdz\s\#)|(?<=\d\s\#)|(?<=\ue002\s\#)"
    r"|(?<=\d\s[a-z]{3}s\s\#)|(?<=\d\s[a-z]{4}s\s\#)|(?<=\d\s[a-z]{5}s\s\#)|(?<=\d\s[a-z]{6}s\s\#))"
    r"\d{1,3}s?\b(?=\s*(?:[a-z]|\ue002))",
    # reference numbers: tickets, POs, orders, lots...
    # a label glued into a code ("65W-REF0", "AB-RMA2") is part of the code, not a reference
    r"\b(?<!\w[-/])(?:ticket|tkt|po|p\.o\.|rma|rtv|ref|reference|inv|invoice|receipt|asn|bol|b/l"
    r"|grn|awb"
    # ("WO 4471", "wo# 88": a work order; "wo 2 X dead on arrival" writes 2 off)
    r"|wo(?=\s*[\#:-]|\s*no\.|\s*\d{3})"
    # ("so 3 of them broke": a lower-case "so" is the word unless a number's label follows)
    # ("33 each so 185": "so", then the sum; an order's number has four figures or more)
    r"|tracking|trk|(?-i:SO)|so(?=\s*[\#:-]|\s*no\.|\s*\d{4})|sales\s+order|shipment"
    # ("call me at ext 4471": a phone's extension; "unit cost 64, ext 521" is the extended
    # cost, a total to check against the count, round 217)
    r"|ext(?=\s*[\#:.]?\s*\d{4,}(?![\d.,]))"
    # ("RA 5531 denied": a vendor's return authorisation)
    # (four figures or more: "RA-0" and "RA-100" are codes of goods)
    r"|(?-i:RA)(?=\s*[\#:-]?\s*\d{4})|ra(?=\s*\#)"
    # ("DOT 2217": a tyre's date code, week and year)
    r"|extension|case\s+(?:\#|no\.?|number|num)|dot(?:\s+code)?(?=\s*\d{4}\b))"
    # a label dashed or slashed onto letters ("REF-MON1", "SO-A54-BLK", "REF/MON1") starts a
    # code, not a reference
    r"(?![-/][a-z])(?!\d+[-_][a-z0-9])\s*"
    r"(?:\#|no\.?|number|num)?\s*[:\#]?\s*[a-z0-9/-]*\d[\w/-]*"
    # ("damaged shipment: 25 x 9781779501127": a count times the goods, no reference;
    # round 212 drafted the total with no count at 0.97)
    # (around a code the list knows, the code stands hidden as \ue002 while masks run)
    r"(?![\w/-])(?!\s*[x×]\s*[a-z0-9\ue002])"
    # ("PO 88213 line 4": the line of the order is part of its reference)
    r"(?:\s*,?\s+(?:line|ln)\s*\#?\s*\d{1,3}\b)?",
    # more reference labels, with the figure right after them ("job 4471", "docket 88",
    # "incident report 22"); after a colon the figure may be the count ("job: 3 smashed")
    r"\b(?<!\w[-/])(?:job|docket|manifest|waybill|consignment|con\s+note|delivery\s+note|complaint|ncr"
    r"|(?:incident|police|damage|claim|qc|qa|inspection)\s+(?:report|rpt|ref|case|reference)"
    # ("tag 5531", "asset tag #10442": a tag's number; "tag says 9.25" is a price tag's)
    r"|load(?=\s*(?:\#|no\.?)?\s*\d\d)|(?:asset\s+)?tag(?=\s*(?:\#|no\.?)?\s*\d{3})"
    # ("dea form 106 filed", "form 41": a form's number)
    r"|form(?=\s*(?:\#|no\.?)?\s*\d{2,}\b(?!\s*(?:pcs|units?|ea)\b))"
    # ("count sheet 14 (mezz): ...": the sheet's number)
    r"|count\s+sheet(?=\s*(?:\#|no\.?)?\s*\d+\s*[(:]))"
    # ("TAG0925-4K": a label glued to figures and a dashed suffix is an item's code; so is
    # one in capitals glued to its figures, "TAG100", "JOB100": hypothesis found them)
    r"(?![-/][a-z])(?!\d+[-_][a-z0-9])(?!(?-i:(?<=[A-Z]))\d)"
    r"\s*(?:\#|no\.?|number|num)?\s*[a-z0-9/-]*\d[\w/-]*",
    # "unit 7 had 6 broken": a unit named by its number (a van, a store, a flat), not a count;
    # "per unit 7", "5 unit 7"... are left alone
    r"\bunit(?<!\d\sunit)(?<!per\sunit)(?<!\ba\sunit)(?<!each\sunit)(?<!the\sunit)"
    r"\s*(?:\#|no\.?|number)?\s*\d+[a-z]?\b"
    r"(?![.,]?\d)(?!\s*(?:each|ea\b|@|at\b|x\b|/|\$|dollars?|bucks|%|cost|price))",
    # ("stolen from the case: 3 optics": the display case, then the count)
    r"\b(?:order|(?<!the\s)(?<!a\s)(?<!display\s)(?<!locked\s)(?<!glass\s)case|incident|claim"
    r"|job|batch|lot|work\s+order)"
    # "bad batch: 12 ...", "rejected lot: 40 ...": a quality word, then the count
    r"(?<!bad\sbatch)(?<!bad\slot)(?<!dud\sbatch)(?<!failed\sbatch)(?<!failed\slot)"
    r"(?<!faulty\sbatch)(?<!faulty\slot)(?<!rejected\sbatch)(?<!rejected\slot)"
    r"(?<!defective\sbatch)(?<!defective\slot)(?<!contaminated\sbatch)(?<!contaminated\slot)"
    # ("batch: 12 CHG65W": a number right before a code the item list knows may count it)
    r"(?<!tainted\sbatch)(?<!tainted\slot)(?<!recalled\sbatch)(?![-/][a-z])\s*"
    # ("stolen from the lot: 14 alloy wheels": the yard, then the count)
    r"(?<!the\slot)(?<!\ba\slot)"
    r"(?:\#|no\.?|number|num|:(?!\s*\d{1,3}\s+\ue002))\s*[a-z0-9-]*\d[\w-]*",
    r"\b(?:request|report|memo)\s*(?:\#|no\.?|number|num)\s*[a-z0-9-]*\d[\w-]*",
    # a repair order ("Shop damage RO 450993", "R.O. #4471"): a reference
    r"\b(?-i:RO|R\.O\.)\s*(?:\#|no\.?)?\s*\d{3,}\b",
    # a unit's serial number ("s/n 88-01127", "sn 88213", "serial# A7731"): the number blanked,
    # the label kept (one serial number is one unit)
    # ("SN0" glued is a code of goods; "sn88213", "sn 4" a serial)
    r"\b(?<!\w[-/])(?:serial|s/n|sn(?=[\s\#:.]|\d{3})|ser\.?\s*no\.?)\s*(?:\#|no\.?|number)?\s*"
    r"[:\#]?\s*(?P<m>[a-z]*\d[\w/-]*)",
    # several serial numbers, a phone's IMEI, a shipping container's number ("(serials 5104477,
    # 5104481)", "IMEI 351234567890123", "cntr MSKU 4418230"): references, never counts
    r"\b(?<!\w[-/])(?:serials|s/ns|sns|serial\s+(?:numbers|nos?\.?)|imeis?|esns?|meids?)"
    r"\s*[:\#]?\s*[a-z]*\d[\w/-]*(?:\s*(?:,|&|and|/)\s*[a-z]*\d[\w/-]*)*",
    r"\b(?:cntr|container|ctnr)\s*(?:\#|no\.?)?\s*[:\#]?\s*(?-i:[A-Z]{4})\s*\d{6,7}\b",
    # a shoe's, a skate's or a garment's size ("(sz 7)", "size 9,"): the goods', no count
    # (never inside a code: "MON-SZ1" is an item the list may not know; a hypothesis find)
    r"\b(?:sz|size)(?<![\w-]sz)(?<![\w-]size)\s*[:\#]?\s*(?P<m>\d{1,2}(?:\.5)?)\b(?![.,]\d)"
    r"(?!\s*(?:x\b|pcs|units?|pr\b|prs|pairs?|each|ea\b|@|/|\$|dollars?|bucks|of\b))",
    r"\b(?:order|incident|report|claim|batch|lot)\s+\d{3,}[\w-]*",
    # "HR case 3390", "case 88412": a case number has four digits or more; "case 12" may count
    # ("sheriff case 2411-0457": its parts too, never a negative count)
    r"\bcase\s+(?P<m>\d{4,}(?:-\d+)*)\b(?!\s*(?:x\b|units?|pcs|each|ea\b|@|/))",
    # a code of letters and digits after a reference label ("lot 22B417", "batch 7A12", "police
    # report 24-11873B"): a reference whatever its shape, never a count
    r"\b(?:order|incident|report|claim|batch|lot|serial|tracking)\s+"
    r"(?=[a-z0-9-]*(?:[a-z]|-\d))\d[a-z0-9]*(?:-[a-z0-9]+)*\b(?!-)",
    r"\b(?:yard|parking|car|storage|truck)\s+lot\s+\d+[a-z]?\b",
    # a group named by its number: "Scout Troop 114", "Local 22", "Chapter 9"
    r"\b(?:troop|chapter|lodge|district|ward|local|precinct|squad|pack\s+no\.?)\s*\#?\s*\d+\b"
    r"(?=\s*[:,;)]|\s+(?:for|in|at|from|on|and)\b|\s*$)",
    # "40 SKU-410 from lot 14", "in batch 7": the lot the goods came in, never a count or price
    r"\b(?:in|from|of|on)\s+(?:the\s+|that\s+|this\s+)?(?:lot|batch)\s*(?:\#|no\.?)?\s*\d+[a-z]?\b"
    r"(?![.,]?\d)(?!\s*(?:each|ea\b|@|/|\$|dollars?|bucks|%))",
    # "SKU-12 lot 88: 5 expired", "(lot 7)": a lot's number beside the goods; "the whole lot
    # 300", "bad batch 12 jars", "lot 4 units" are not
    # (the words first: the look-behinds are tried only where "lot" or "batch" stands)
    r"\b(?=(?:lot|batch)\s+\d)"
    r"(?<!\bthe\s)(?<!\ba\s)(?<!whole\s)(?<!entire\s)(?<!this\s)(?<!that\s)(?<!bad\s)"
    r"(?<!dud\s)(?<!failed\s)(?<!faulty\s)(?<!rejected\s)(?<!defective\s)(?<!tainted\s)"
    r"(?<!contaminated\s)(?:lot|batch)\s+\d{1,3}[a-z]?\b(?![.,]?\d)"
    r"(?!\s*(?:x\b|each|ea\b|@|/|\$|dollars?|bucks|%|of\b|" + _UNIT + r"\b))",
    # a time by what happened then: "picked up at 7", "went missing at 10", "found around 4"
    r"\b(?:picked\s+up|dropped\s+off|went\s+missing|go(?:ne|t)\s+missing|found|noticed"
    r"|discovered|spotted|arrived|delivered|came\s+in|turned\s+up|showed\s+up|happened"
    r"|occurred|started|left|opened|closed|collected|checked|reported|seen|broke\s+in"
    r"|coming|comes|leaving|leaves|due|back|here)\s+"
    r"(?:at|around|about|by|after|before|from)\s+(?P<m>\d{1,2}(?:[:.]\d{2})?)\b(?![.,]?\d)"
    r"(?!\s*(?:each|ea\b|apiece|per\b|a\s+(?:unit|piece|pop)|/|dollars?|bucks|usd|%))",
    # ... or by who did what then: "by 9 we found", "around 3 the cooler died"
    r"\b(?:by|around|after|before|since|until|till)\s+(?P<m>\d{1,2}(?::\d{2})?)\s+(?=(?:we|they"
    r"|someone|somebody|i|he|she|the\s+(?:cooler|freezer|fridge|power|alarm|truck|driver|van"
    r"|forklift|shift|crew|team))\b)",
    # ... or by the part of the day after it: "at 7 this morning", "around 4 o'clock"
    r"\b(?:at|around|about|by|before|after|until|till|since)\s+(?P<m>\d{1,2}(?:[:.]\d{2})?)"
    r"\s+(?=this\b|last\b|yesterday|today|tonight|tomorrow|in\s+the\b|o'?clock|sharp"
    r"|on\s+(?:mon|tue|wed|thu|fri|sat|sun))",
    # dates and times
    r"\b\d{4}-\d{1,2}-\d{1,2}\b",
    # a month and year: "03/2024", "2024-03", "3-2025"
    # (a year a stock message can name: 1990-2039; "1-1900" is more likely a code)
    # ("3-2025" with a dash is a month only after a date's word: "1-1990" may be a code)
    r"\b\d{1,2}/(?:199\d|20[0-3]\d)\b(?![/-]\d)",
    r"\b(?:on|in|since|from|dated|exp|expiry|expires|expired|bb|bbd|best\s+before|use\s+by|by"
    r"|until|till|thru|through|of|date|mfg|made)\.?:?\s+(?P<m>\d{1,2}-(?:199\d|20[0-3]\d))\b"
    r"(?![/-]\d)",
    r"\b(?:199\d|20[0-3]\d)[/-]\d{1,2}\b(?![/-]\d)",
    r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",
    # (not "2/5 of the 20": a share of a count, not 2 May; left to be reported if not read)
    rf"\b\d{{1,2}}/\d{{1,2}}\b(?!\s+{_OF_A_COUNT})",
    # ("Monthly count Mar-31:", "31-Mar": a date with a dash)
    rf"\b{_MONTH}(?:\s+|-)\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-){_MONTH}(?:\s+\d{{4}})?",
    # a span of hours: "between 2 and 4pm", "from 9 to 11am", "2-4pm", "between 1 and 3 o'clock"
    r"(?:\b(?:between|from)\s+)?\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*"
    r"(?:and|to|till|until|-|–)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)(?![a-z])",
    r"(?:\b(?:at|around|by)\s+)?\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])",
    # "temp log 48F at 0400", "@ 2230 hrs": a time on the 24-hour clock, never a price
    r"(?:\b(?:at|by|around|since|from|until|till)\s+|@\s*)(?P<m>0\d{3}|[01]\d[0-5]\d(?=\s*(?:hrs?|h)\b)|2[0-3][0-5]\d(?=\s*(?:hrs?|h)\b))\b",
    # "on the 3rd", "4th floor", "2nd shift": a day or a place, never a count
    r"\b\d{1,2}(?:st|nd|rd|th)\b",
    r"(?:\b(?:at|around|by)\s+)?\b\d{1,2}:\d{2}\b",
    # a machine, kiosk or register by its number: "machine 0412", "out of machine 88"
    # ... and a production line or a greenhouse: "the scale on line 2", "fan from house 3"
    # "back storage at #88": a store or a site by its number ("3 #10 cans" is a size, above)
    r"\b(?:at|in|from)\s+(?P<m>\#\s?\d{1,5})\b(?![.,]?\d)(?!\s*(?:cans?|each|ea\b|x\b|/|%))",
    # ("off the endcap by reg 1": the register)
    r"\b(?<!a\s)(?<!per\s)(?<!each\s)(?<!every\s)(?:machine|kiosk|register|reg|terminal|lane"
    r"|(?<=on\s)line|(?<=from\s)line|(?<=at\s)line|(?<=in\s)line|(?:green)?house|hoop\s?house)"
    # (a space or a number sign between: "REG0", "TV0 and REG0", glued, is an item's code)
    r"(?:\s*(?:\#|no\.?)\s*|\s+)\d{1,5}\b(?![.,]?\d)(?!\s*(?:each|ea\b|apiece|/|%|x\b))",
    # shifts, waves and routes are times and runs, not counts: "shift 2", "wave #3", "day 4"
    # ("last week 12 SKU-40" is a time, then the count)
    # ("wk 42 cycle count": the week's number)
    # (not the tail of a code: "WK-WK1", "DAY-WK1" are an item's code, found by hypothesis)
    r"\b(?=(?:shift|wave|route|station|week|wk|day|trip|pass|stop|run|leg))"
    r"(?<!last\s)(?<!this\s)(?<!next\s)(?<!per\s)(?<!a\s)(?<!each\s)(?<!every\s)(?<![/-])"
    r"(?:shift|wave|route|station|week|wk|day|trip|pass|stop|run|leg)\s*(?:\#|no\.?)?\s*\d{1,3}\b"
    r"(?![.,]?\d)",
    r"\b(?:in|since|during|of|fy|year|from)\s+(?P<m>(?:19|20)\d{2})\b",
    # the year goods were made or bought: "(mfg 2022)", "made in 2019", "purchased 2021"
    r"\b(?:mfg|mfd|manufactured|made|built|produced|dated|vintage|circa|bought|purchased"
    r"|acquired|model\s+year|my)\.?\s*(?:in\s+)?(?P<m>(?:19|20)\d{2})\b(?![.,]?\d)",
    # "the 2019 model", "our 2021 range": a model year names the goods, never a count
    r"\b(?P<m>(?:19|20)\d{2})(?=\s+(?:models?|versions?|editions?|range|collections?|season"
    r"|line|catalog(?:ue)?|designs?|styles?|releases?|lineup|stock)\b)",
    r"\bq[1-4]\b|\bfy\s?\d{2,4}\b",
    # "the 2021 prosecco", "2018 vintage": the year a wine was made names it, never a count
    r"\bthe\s+(?P<m>(?:19[5-9]|20[0-3])\d)(?=\s+[a-z]{3,})(?!\s+(?:units?|pcs|pieces|items|bottles"
    r"|cases?|boxes|of)\b)",
    r"\b(?P<m>(?:19[5-9]|20[0-3])\d)(?=\s+vintage\b)",
    # "obsolete 2019 nav units 39100-T20-A21", "the 6 2018 spoilers 08L20-E09-100": a model
    # year before the goods and their code names them, never a count
    # (a code the item list knows stands as \ue002 while masks run)
    # ("2000 ft NMB-122 damaged": a measure or a container after it counts, no year)
    r"\b(?P<m>(?:19[89]|20[0-3])\d)(?=\s+(?:[a-z]{2,}\s+){1,3}(?:\ue002|[a-z0-9]+-[a-z0-9-]*\d))"
    r"(?!\s+(?:ft|feet|foot|lbs?|pounds?|kg|yds?|yards?|meters?|metres?|gal|gallons?|oz|units?"
    r"|pcs|pieces|ea|each|x|of|cases?|cs|boxes|bx|bags?|rolls?|sheets?|bottles?|btls?|cans?"
    r"|packs?|pks?|pairs?|sets?|lengths?|sticks?|reels?|spools?)\b)",
    # ("48 btl of dead 2019 KJ-CAB-750": the goods counted already, the year right before
    # their code names them)
    r"\b\d{1,4}\s+(?:[a-z]{2,}\s+){1,4}(?P<m>(?:19[89]|20[0-3])\d)"
    r"(?=\s+(?:\ue002|[a-z0-9]+-[a-z0-9-]*\d))",
    # "14k gold", "18 kt chains", "provide for obsolete 14k chains": a gold's purity, no money
    # (the goods may stand as their code: "14k earring backs" named by the item list)
    r"\b(?:8|9|10|14|18|22|24)\s?(?:k[ywr]?|kt|karat|carat)\b(?=\s+(?:solid\s+|white\s+"
    r"|yellow\s+|rose\s+)?(?:gold|chains?|rings?|bands?|earrings?|necklaces?|bracelets?"
    r"|pendants?|jewel|studs?|hoops?|ropes?|solder|wire|sheet|clasps?|findings?|\ue002"
    # (a chain's style: "14k cuban", "18k rope", "10k figaro")
    r"|cuban|figaro|curb|franco|herringbone|snake|wheat|mariner|rolo|singapore|byzantine"
    r"|tennis|links?|box\s+chain|cable\s+chain)\b)",
    rf"(?:\b\d+|{_NUMWORDS})\s*(?:days?|weeks?|wks?|months?|mos|mo(?=\s*$|\s*[,.;)])|years?|yrs?"
    r"|hours?|hrs?"
    r"|minutes?|mins?|nights?)\b(?!(?<=day)(?:-|\s+)old\b)(?:\s+ago)?",
    # ("14 day-old croissants": 14 of them, a day old)
    # temperatures, dimensions, phone numbers, pack sizes ("12-pack", "40 12oz bottles")
    r"\b\d+(?:\.\d+)?\s*(?:°\s*[cf]?|degrees?(?:\s+(?:[cf]|fahrenheit|celsius)\b)?)",
    # "sat at 14C", "hit 40F": a temperature in capitals, or after a temperature's words (a
    # lower-case "14c" alone is cents)
    r"(?-i:(?<![\w.,/-])\d{1,3}(?:\.\d)?\s?[CF]\b(?![-/]))"
    r"|(?:\b(?:temp(?:erature)?s?|sat\s+at|reached|hit|rose\s+to|warmed\s+to|got\s+to|at)\s+)"
    r"\d{1,3}(?:\.\d)?\s?[cf]\b(?=[^$]*\b(?:fridge|freezer|cooler|cold|chiller|temp|warm|heat))",
    # "it was like 110 in there", "hit 95 in the trailer": the heat, not a count or a price
    r"\b(?:it\s+was|was|got\s+to|hit|reached|over)\s+(?:like\s+|about\s+|around\s+|nearly\s+"
    r"|almost\s+|over\s+)?(?P<m>\d{2,3})\s+(?=(?:degrees?\s+)?(?:in\s+there|out\s+there|inside\b"
    r"|in\s+the\s+(?:trailer|truck|container|van|sun|shed|yard|warehouse|cooler|freezer)))",
    # ("2 x 55in TVs", spaced "x" and the size's unit joined to it, is 2 TVs of 55in)
    r"(?<!\w-)(?!\d+\s+x\s+\d+(?:in|\")\s+[a-z]+s\b)"
    r"\b\d+(?:\.\d+)?\s*(?:x|by)\s*\d+(?:\.\d+)?(?:\s*(?:x|by)\s*\d+(?:\.\d+)?)?\s*"
    # ("no.1 x 9 in the cage": nine of them, kept in the cage; not a size of 1 by 9 inches)
    r"(?:in(?!\s+(?:the|a|an|our|my|this|that|their|stock|storage|transit|back|front)\b)"
    r"|inch|inches|\"|ft|feet|cm|mm)\b",
    r"(?<!\w[-/])\b\d+x\d+s?\b",  # ("MON-0X0", "MON/0X0" are codes, not 0 by 0)
    # ("DES 3.0x25", "cortical screws 3.5 x 30": a size with a decimal, never a count)
    r"(?<![\w.,/$-])\d+\.\d+x\d+(?:\.\d+)?\b|(?<=[a-z]\s)\d+\.\d+\s+x\s+\d+(?:\.\d+)?\b"
    r"(?!\s*(?:each|ea\b|@|\$|dollars?|bucks))",
    r"\b\d{3}[-.\s]\d{3}[-.\s]\d{4}\b",
    r"\b\d{3}-\d{4}\b",
    # (not a code's dashed part: "MON-0-WS" is a code, not 0 watts)
    r"(?<![a-z]-)\b\d+(?:\.\d+)?-(?:inch|in|ft|gal|gallon|oz|ounce|lb|pound|liter|"
    r"litre|l|ml|kg|g|mm|cm|piece|pc|ply|tier|volt|v|watt|w|amp|quart|qt|pint|cup|pin|prong"
    r"|port|way|speed|gang|drawer|seat|burner|shelf|door|light|bulb|slot|blade)s?\b",
    r"\b\d+(?:\.\d+)?(?:in|inch|\")\s+(?=[a-z])",
    # (not the end of a figure with thousands: "1,200 ft spool" is twelve hundred feet)
    r"\b(?<!\d,)(?P<m>\d+(?:\.\d+)?\s?(?:fl\.?\s?oz|oz|ml|lb|lbs|kg|gal|gallon|litre|liter|quart|qt|pint"
    # ("3 bags (50 lb each)": the weight of each bag, read with the bags)
    r"|ft|mm|cm|inch)\s+)(?!(?:each|ea|apiece)\b)(?=" + _UNIT + r"\b)",
    # "a 20 lb propane cylinder", "one 10in miter saw": the size of the one thing (a holder
    # after it, "a 50 lb sack", is read with its measure)
    r"\b(?:an?|one|single)\s+(?P<m>\d+(?:\.\d+)?\s?-?(?:lbs?|oz|gal(?:lon)?|qt|in|inch|ft|l"
    r"|liter|litre|ml|kg|g|v|volt|w|watt|amp|mm|cm)\s+)(?!" + _UNIT + r"\b)(?=[a-z])",
    # (a count such as "24ct" or "12pk" is never masked: it may be the count per case)
    r"(?<=\d\s)(?P<m>\d+(?:\.\d+)?\s?(?:fl\.?\s?oz|oz|ml|l|lb|lbs|g|kg|gal|in|inch|ft|mm|cm)\s+)"
    r"(?=" + _UNIT + r"\b)",
    # "dropped a 5 of 450-XW5": one of the name's size (a five-gallon pail), no count of 5
    r"\b(?:a|an|one)\s+(?P<m>\d+(?:\.\d+)?\s+of)\s+(?=[\ue000\ue002`*_]|[A-Z0-9]+-)",
    # a room or a unit by its number, no count: "kettle in 918 is broke", "missing from
    # 1108", "guest in rm 1220", "the 1800-1820 block" ("sell at 300" is a price)
    r"\b(?:in|from)\s+(?:the\s+)?(?:rm\.?\s*|room\s+|suite\s+|\#\s*)?"
    r"(?P<m>\d{3,4}(?:\s*-\s*\d{3,4})?)(?![\d.,/%$-])(?!\s*(?:x\b|" + _UNIT + r"\b))",
    # "to the 5k charity run", "the 5k after-party", "the veterans charity 5k": a race, never
    # $5,000
    r"\b(?P<m>\d{1,2}\s?k)(?=\s+(?:fun\s+)?(?:run|race|walk|runners?|charity|after[\s-]?party"
    r"|fundraiser|benefit)\b)"
    r"|(?<=charity\s)(?P<m2>\d{1,2}\s?k)\b(?!\s*(?:of|worth|in|total|dollars?|bucks)\b)",
    # "over the weekend": a time, no count over the books
    r"\b(?P<m>over)(?=\s+the\s+(?:long\s+)?(?:weekend|holidays?|break|summer|winter|night"
    r"|last\s+(?:week|month|few\s+days)))",
    # "a jug burst on the shelf above": a place, no count above the books (round 215)
    r"\b(?:shelf|shelves|rack|bin|level|tier|row|one|pallet|floor|cabinet)\s+(?P<m>above)\b",
    # "anything over 77F is done": a temperature's bound, no count over the books
    r"\b(?P<m>over|above)(?=\s+\d{1,3}(?:\.\d)?\s?(?:°\s?)?[fc]\b)",
    # "snapped in 3 pieces", "broke into 4 bits": the fragments of what broke, no count
    # (round 214 drafted 3 slabs at 0.97)
    r"\b(?:in|into)\s+(?P<m>\d{1,2})\s+(?=(?:pieces|bits|shards|chunks|fragments|halves)\b)",
    # words that contain reason words but are not reasons
    # ("came out of the shrink tunnel melted": the packing line's heat tunnel; round 221)
    r"\bshrink[-\s]?(?:wrap\w*|tunnels?|sleeves?|bands?|film|guns?|ovens?)\b",
    # a part's name, not the reserve released: "the quick release hubs", "release lever"
    r"\bquick[-\s]?release\b|\brelease\s+(?=(?:levers?|valves?|buckles?|clips?|pins?|"
    r"skewers?|handles?|agents?|paper|liners?|film|tabs?)\b)",
    # a drain or a door named for storms, no storm ("into the storm drain")
    r"\bstorm\s+(?:drains?|doors?|windows?|sewers?|grates?)\b",
    # "broke in the truck", "broke in half": broken, not broken into (only "in" is blanked)
    # ("broke in half", "in two", "in pieces" are the table's own phrases)
    # ("someone broke in the van": someone broke into it)
    r"(?<!one\s)(?<!body\s)(?<!they\s)(?<!ieves\s)(?<!lars\s)(?<!kids\s)(?<!ople\s)"
    r"(?<!guys\s)\bbroke\s+(?P<m>in)(?=\s+(?:the|a|an|transit|shipping|shipment|our|their"
    r"|its|his|her|my|delivery|storage|bay|aisle|row|racks?|racking|bins?|zone|dock|cooler"
    r"|freezer|section|slot|van|truck|car|trailer|vehicle)\b)",
    # "broke into 4 pieces", "broke into bits": broken up, no break-in
    # (the fragments' number blanked with it: no count either)
    r"\bbroke\s+(?P<m>into(?:\s+\d{1,2})?)(?=\s+(?:(?:two|three|several|a\s+few)\s+)?"
    r"(?:pieces|bits|shards|chunks|fragments|halves|two|smithereens)\b)",
    r"\bfire\s+(?:extinguisher|exit|door|alarm|marshal|dept|department|station|brigade|hall"
    r"|house|drill|code|inspector|inspection|hydrant|escape|fighter|service|safety|chief"
    # ("the fire co charity auction", "the fire company's raffle": the firefighters)
    r"|co|company|companies|dist|district|squad|auxiliary|pit|pits|starters?"
    # ("3 LIPO-2S-5K swollen, fire risk, taking them to the recycler": no fire yet; it was a
    # casualty at 0.87, round 171)
    r"|risk|hazard|blanket|retardant|resistant|rated"
    # ("3 X went pillowy, straight into the lipo fire bucket": where swollen batteries go, a
    # casualty at 0.97 in round 326)
    r"|bucket|pail|cabinet|sand|proof|safe|bag)s?\b",
    # a lamp named for what it lights, no flood: "halogen flood lights", "LED flood lamp"
    # (round 206: written off obsolete at 0.97 as a flood's casualty)
    r"\bflood(?=[\s-]*(?:lights?|lamps?|bulbs?|lighting|fixtures?)\b)",
    # a product's name, not a storm: "lightning cables", "Lightning-to-USB adapters"
    r"\blightning(?=[\s-]+(?:to[\s-]+usb|usb|cables?|chargers?|charging|connectors?|ports?"
    r"|adapters?|adaptors?|leads?|cords?|docks?|headphones|earpods)\b)",
    # the premises damaged, not goods: "door frame is busted too", "the back window got
    # smashed" beside a break-in's goods (not "6 glass doors smashed": goods counted; "the
    # door was smashed in" is a break-in)
    # (the lookahead first: most words are no such part, and are turned away at once)
    r"(?=(?:(?:the|our)\s+)?(?:[a-z-]+\s+){0,2}?" + _PREMISES + r"\s)"
    # (but a window smashed with goods taken after it is the break-in itself, the lexicon's:
    # "front window smashed sat night, they took 6 X", round 249 drafted a routine loss)
    r"(?!(?:(?:the|our)\s+)?(?:[a-z-]+\s+){0,2}?windows?\s+(?:(?:was|got)\s+)?"
    r"(?:smashed|shattered|broken)\b[^.;!?\n]{0,60}?\b(?:(?:they|someone|somebody)\s+"
    r"(?:took|grabbed|got\s+away\s+with)|gone|taken|missing)\b)"
    r"(?:^|(?<=[.;:,!]\s)|(?<=\bthe\s)|(?<=\bour\s)|(?<=\band\s)|(?<=\balso\s)"
    r"|(?<=\bplus\s)|(?<=\bthen\s)|(?<=\bbut\s))(?:the\s+|our\s+)?"
    r"(?:(?:back|front|side|rear|dock|shop|store|office|bay|roll(?:er)?[-\s]?up|overhead"
    r"|loading|cage|van|truck)\s+)?"
    + _PREMISES
    + r"\s+(?:(?:is|was|were|are|got|all|also|been|has\s+been)\s+){0,2}(?:\w+\s+)?"
    # (a lock "cut" or "pried" is the break-in itself: the lexicon's)
    r"(?:busted|smashed|broken|broke|damaged|bent|shattered|wrecked)\b(?!\s+(?:in|open)\b)",
)
# the last masks need no digits: from "shrink wrap" on (counted, so a mask added among them
# keeps its place)
_WORD_MASKS = len(_MASK_PARTS) - next(
    i for i, part in enumerate(_MASK_PARTS) if part.startswith(r"\bshrink[-\s]?")
)


def _alternation(parts: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for many masks (one pass); each "m" group gets its own name.

    The masks are split by what they start with, digits or letters, each side behind its
    own lookahead: at a position only one side can match, and each side keeps the masks'
    order, so the matches are the same as one long alternation, tried half as often."""
    digits: list[str] = []
    letters: list[tuple[int, str, frozenset[str]]] = []
    for i, part in enumerate(parts):
        first = _first_kind(part)
        if first == "digit" or (first == "any" and _may_start_with_digit(part)):
            digits.append("(?:" + part.replace("(?P<m>", f"(?P<m{i}d>") + ")")
        if first in ("letter", "any"):
            # (an empty set is a mask that starts only with digits: no letter side at all)
            found = first_letters(part, _IX)
            letters.append((i, part, frozenset(_ALPHABET) if found is None else found))
    sides = []
    if digits:
        sides.append(r"(?=\d)(?:" + "|".join(digits) + ")")
    # the letter masks by the letter they can start with: at a word only the few masks that
    # can start with its first letter are tried, in their order (the same matches)
    for c in sorted(set().union(*(f for _, _, f in letters))):
        here = [
            "(?:" + part.replace("(?P<m>", f"(?P<m{i}l{c}>") + ")"
            for i, part, f in letters
            if c in f
        ]
        sides.append(f"(?=[{c}])(?:" + "|".join(here) + ")")
    # every mask starts a word or a number ("(?<=\d\s)\d..." too)
    return lead(r"a-z0-9", "|".join(sides), _IX, word=True)


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _may_start_with_digit(part: str) -> bool:
    """Whether a mask's match can start with a digit, read from the parsed pattern (a label
    first, "ticket 889", cannot): unsure is yes, so no match is ever lost."""
    found = first_chars(part, _IX)
    return found is None or any(c.isdigit() for c in found)


def _first_kind(part: str) -> str:
    """What a mask's match starts with: "digit", "letter", or "any" when unsure."""
    if part.startswith((r"\b\d", r"(?<=\d\s)", r"\b(?P<m>\d")):
        return "digit"
    if re.match(r"\\b(?:\(\?:)?[a-z]", part) or part.startswith(r"\b(?:jan(?:uary)?"):
        return "letter"
    return "any"


_MASK_ALL = _alternation(_MASK_PARTS)
_MASK_WORDS = _alternation(_MASK_PARTS[-_WORD_MASKS:])
# A reference label right before a masked figure ("job 4471", "case no. 8", "unit 7"): the
# figure is explained on the card as a reference
_REFERENCE_LABEL = re.compile(
    r"\b(?:ticket|tkt|po|p\.o\.|rma|rtv|ref|reference|inv|invoice|receipt|wo|asn|bol|grn|awb"
    r"|tracking|trk|so|order|shipment|case|job|docket|manifest|waybill|consignment|note"
    r"|complaint|ncr|report|rpt|load|unit|incident|claim|batch|lot|request|memo|tag)"
    r"\s*(?:\#|no\.?|number|num)?\s*[:\#]?\s*[a-z-]{0,8}$",
    _I,
)
_DIGIT_RUN = re.compile(r"\d[\w-]*")

# -- splitting into pieces ----------------------------------------------------------------------

_ASIDE = re.compile(r"\([^()\n;]{1,80}\)")
_SPLIT = re.compile(
    r"""
      \n+
    | ;+
    # ("SKU-12: 14" on a line of its own is a code and its count, not two parts)
    | :\s+(?!\d{1,4}[ \t]*(?:\n|$))
    | (?<=[.!?])\s+
    | \s*,\s*(?:and|also|plus|then|&)\s+
    | ,(?!\d{3}(?!\d))\s*
    | \s+(?:and|also|plus|then|&|as\s+well\s+as)\s+
    | \s+\+\s+
    # ("3 xros kits n 2 nord 4s": "n" for "and" before the next part's count)
    | \s+(?:n|'n'|n')\s+(?=\d)
    | \s+/\s+(?=\d|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s
      # ("CHZ-3310 x4 exp / CHZ-3300 x1 exp": a code starts the next line)
      |(?-i:(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,}\b))
    # "found 2 extra X but short 5 Y": a count's other line ("all but 4 of the 12" is one)
    | (?<!\ball)(?<!\beverything)(?<!\bnothing)\s+but\s+
      (?=(?:(?:we'?re|we\s+are|we\s+were|were|it'?s|also)\s+)?
         (?:(?:short|over|missing|extra|up|down|under)\s+(?:by\s+)?)?\d)
    """,
    _IX,
)

# A piece that tells the bot which accounts to use, or to ignore its rules: never read.
_INSTRUCTION = lead(
    "a-z",
    r"""
      \b(?<!vendor\s)(?<!store\s)(?<!supplier\s)(?<!a\s)(?<![\w][-/])  # not "AA-CR", a code
        (?:debit|credit|dr|cr)(?:ed)?\.?\s+(?:to\s+|the\s+|account\s+|acct\.?\s+)*
        (?!memo|note|card|pending|issued|back|from|request|limit\b)[\#a-z0-9]
    | \b(?:post|book|charge|record|put|move|transfer|send|hit|code)\w*\b[^.;\n]{0,30}?
        \b(?:to|against|on|in|into)\s+(?:the\s+)?(?:account\s+|acct\.?\s+|gl\s+)?\#?\s*
        # (not a place: "got hit by hail out in the sales area", round 321)
        (?:\d{4}\b|cash\b|bank\b|checking\b|savings\b|revenue\b|equity\b|
           sales\b(?!\s+(?:area|floor|yard|lot|room|counter|desk|rack|display|shelf|bench|tent))|
           retained\s+earnings|a/?r\b|accounts?\s+(?:receivable|payable)|petty\s+cash
           |cogs\b|cost\s+of\s+(?:goods(?:\s+sold)?|sales)\b)
    # (a "GL" glued to its figures is an item code, "GL60012" of a teku glass)
    | \b(?:account|acct)\s*\#?\s*\d{3,} | \bgl(?:\s+|\s*[\#:]\s*)\d{3,}
    | \b(?:ignore|disregard|override|forget|bypass)\b[^.;\n]{0,40}?
        \b(?:instructions?|rules?|polic(?:y|ies)|previous|prior|above|system|prompt|limits?)\b
    | \bsystem\s+(?:prompt|message|override|instruction)
    | \bsystem\s+(?:says|said)\s*(?:[:"']|so\b)  # not the books' count ("what the system says")
    | \byou\s+are\s+now\b | \bnew\s+instructions?\b | \badmin\s+override\b
    """,
    _IX,
    word=True,  # every branch starts with \b and a letter
)

# An instruction's own words, up to the last account it names: "debit 5200 credit 1000",
# "dr 5200 / cr 1000", "put it to cash", "post to acct 5300 and 1000"
_ACCOUNT = (
    r"(?:\#\s*)?\d{3,6}\b|cash\b|bank\b|checking\b|savings\b|revenue\b|sales\b|equity\b"
    r"|cogs\b|cost\s+of\s+(?:goods(?:\s+sold)?|sales)\b|a/?r\b|a/?p\b|petty\s+cash\b"
    r"|retained\s+earnings\b|accounts?\s+(?:receivable|payable)\b|expenses?\b"
)
_ACCOUNT_FILL = (
    r"(?:(?:debit|credit|dr|cr)(?:ed)?\.?|post\w*|book\w*|charg\w*|record\w*|put|mov\w*"
    r"|transfer\w*|send|hit|code\w*|it|them|this|these|all|to|the|account|acct\.?|gl|against"
    r"|on|in|into|and|&|/|,|-)"
)
_ACCOUNT_TAIL = re.compile(
    rf"\b(?:to|against|on|in|into)\s+(?:the\s+)?(?:account\s+|acct\.?\s+|gl\s+)?(?:{_ACCOUNT})",
    _I,
)
_WORD = re.compile(r"[a-z]+", _I)
_ACCOUNT_CHAIN = re.compile(rf"(?:\s*(?:{_ACCOUNT_FILL}\s*)*(?:{_ACCOUNT}))+", _I)

# -- signals used for grouping ------------------------------------------------------------------

_SKU_KEYWORD = lead(
    "s",
    r"\bskus?(?:\s*(?:\#|no\.|number|num|code)\s*|\s*[-#:_]\s*|\s+|)"
    r"(?P<code>[a-z0-9]+(?:[-_][a-z0-9]+)*)",
    _I,
)
_ITEM_KEYWORD = lead(
    "ipamc",
    # ("p/n 7721-BR-04": a part number)
    # (a word of its own: the "CAT" ending "FLX-6D-CAT x3" is no catalogue's label)
    r"(?<![\w-])(?:item|part|product|prod|article|model|material|catalog|cat|p/n|pn)\s*"
    r"(?:(?P<marker>code|number|no\.?|num|\#|id)\s*[:\#]?\s*|\s+)"
    r"(?P<code>[a-z0-9]+(?:[-_][a-z0-9]+)*)",
    _I,
)
_BARE_CODE = lead(
    "A-Z0-9",
    r"(?<![\w-])(?-i:[A-Z]{1,5}\d*(?:-[A-Z0-9]+)+)(?![\w-])"
    # ("6308-2RS", "7205-BEP", "6310-ZZ": a bearing's or a maker's part number starts with its
    # digits; "100-CT", "24-PK" are counts, "2024-12-01" a date)
    r"|(?<![\w.,$/-])(?-i:\d{3,6}(?:-(?!(?:CT|PK|PC|PCS|LB|LBS|OZ|FT|GAL|CS|BX|EA|YD|IN|MM|CM"
    r"|ML|KG|QT|PR|DZ)(?![A-Z0-9]))(?=[A-Z0-9]*[A-Z])[A-Z0-9]{1,6})+)(?![\w-])"
    # ("QO115", "HOM2200BBGC", "GF20LW-T6": a maker's catalogue number run together, letters,
    # digits and letters again; taken only in capitals in a message that is not, and never
    # a reference's own prefix: _MIXED_CODE; round 290 drafted them with no SKU)
    r"|(?<![\w-])(?-i:[A-Z]{1,5}\d{2,}(?:[A-Z]{1,6}\d*)?(?:-[A-Z0-9]+)*)(?![\w-])",
)
_NOT_CODES = frozenset({"COVID-19", "N-95", "KN-95"})
_INTERSTATE = re.compile(r"I-\d{1,3}")
# a pickup's model, not goods ("customer backed his F-250 into the display": round 346)
_PICKUP_MODEL = re.compile(r"F-?[1-5][05]0", re.IGNORECASE)
# the run-together shape, and the references, months and money it must not be ("PO7789",
# "FY2025", "DEC2024", "USD500", "RMA20931", "KN95", "MP3"): a part number has 4 characters
# or more, and at least two letters or a dash
_DASHED_SHAPE = re.compile(r"[A-Z]{1,5}\d*(?:-[A-Z0-9]+)+")  # the first shape above
_MIXED_CODE = re.compile(r"[A-Z]{1,5}\d{2,}(?:[A-Z]{1,6}\d*)?(?:-[A-Z0-9]+)*")
_NOT_MIXED = re.compile(
    r"(?:PO|RMA|RA|INV|WO|REF|TKT|BOL|FY|CAD|USD|EUR|GBP|AUD|ID|NO|PR|CS|BX|EA|PK|LB|OZ|FT"
    r"|GAL|QTY|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|KN|MP|CO|US|UK"
    r"|ORD|ORDER|TRK|TRUCK|DOCK|BAY|BIN|ROW|AISLE|LOT|BATCH|RM|RX|VOL|REV|HWY|SR|CR|RT"
    r"|[A-Z])\d+(?:-[A-Z0-9]+)*"
)
# a code of letters only, three parts or more: "GLV-NIT-XL", "TEE-BLK-M", "HLM-KIDS-S"
_DASHED_CODE = re.compile(r"[A-Z]{2,5}(?:-[A-Z]{1,5}){2,}")
# ... or in two parts of two letters or more ("SYR-PMK", "HT-GIFT"), typed in capitals in a
# message that is not: dropped, a right amount was drafted at 0.97 without the goods' code
_PAIRED_CODE = re.compile(r"[A-Z]{2,5}-[A-Z]{2,6}")  # ("PRD-SPRMIX", round 174)
# capitals in two parts that are words or shouting, not codes ("AS-IS", "NON-GMO")
# ("*BREAK-IN*", "WRITE-OFF", "TOP-UP", "WALK-IN": a word and its particle, shouted; round 233
# read the break-in as an unknown code and drafted a loss)
_PAIRED_WORDS = re.compile(
    r"(?:AS-IS|(?:NON|RE|PRE|NO|ANTI|CO|SEMI|MULTI|SELF|OFF|ON)-[A-Z]+"
    r"|[A-Z]+-(?:IN|OFF|UP|OUT|DOWN|OVER|ON|BACK|AWAY|INS|OFFS|UPS|OUTS))"
)

_QTY_UNIT = lead_num(rf"(?P<n>{_NUM}k?|{_NUMWORDS})\s*-?\s*(?P<u>{_UNIT})\b(?!-)", _I)
# "40 damaged units", "9 crushed cases": a word or two between, plural unit words only
# (singular ones such as "can" or "set" are ordinary English too).
_PLURAL_UNIT = (
    "(?:"
    + "|".join(
        sorted({u for u in _UNIT_WORDS if u.endswith("s") and len(u) > 3}, key=len, reverse=True)
    )
    + ")"
)
_QTY_FILLER = lead_num(
    rf"""(?P<n>{_NUM}k?|{_NUMWORDS})\s+
         (?:(?!(?:at|for|from|to|by|per|on|in|and|or|with|x|sku|each|ea|were|was|are|is)\b)
             [a-z][a-z'-]*\s+){{1,2}}?
         (?P<u>{_PLURAL_UNIT})\b(?!-)""",
    _IX,
)
_QTY_RANGE = lead(r"\d.", rf"(?P<a>{_NUM})\s*(?:-|to|or)\s*(?P<n>{_NUM})\s*(?P<u>{_UNIT})\b", _I)
# ("glass penguins x6. w/o": a full stop after the count ends the sentence; "x6.5" is no count)
_QTY_X = lead(
    r"\d.x",
    rf"(?P<n>{_NUM})\s*x(?![a-z0-9])|(?<![a-z0-9$])x\s*(?P<m>{_NUM_CORE})(?![\w%]|\.\w)"
    # ("ANC-SL38 x4 bx crushed": the count's unit after it; round 187 read a bare 4)
    rf"(?:\s*(?P<xu>{_UNIT})\b(?!-))?",
    _I,
)
# "screen shattered. w/o 1 pls": a count right after asking to write off, nothing after it
# ("write off 500 of the damaged stock" is money: "of" follows)
_QTY_WRITE_OFF = lead(
    "w",
    # ("write off 2,000 SKU-12": thousands, no count of 2)
    r"\b(?:w/o|write[-\s]?off|writeoff)\s+(?P<n>\d{1,4})(?![.,]\d)"
    r"(?=\s*(?:pls|please|plz|thx|thanks|ty|[.!,;]|$))",
    _I,
    word=True,
)
_QTY_KEYWORD = lead(
    "qcupn",
    rf"\b(?P<kw>qty|qnty|quantity|quant|count|units|pcs|no\.?\s+of\s+(?:units|items|pieces|"
    rf"cases))\.?\s*(?:of\s+|is\s+|was\s+)?[:=\#]?\s*(?P<n>{_NUM_CORE}|{_NUMWORDS})",
    _I,
    word=True,
)
_QTY_BEFORE_SKU = lead_num(
    rf"(?P<n>{_NUM}|{_NUMWORDS})\s+(?:(?:of|the|those|these|our|more)\s+)*"
    # ("8 ice maker lines IMK-10P", "1 whirlpool top loader WTW5057LW": the goods' words)
    rf"(?:(?!(?:at|for|from|to|by|per|on|in|and|or|with)\b)[a-z][a-z'-]*\s+){{0,4}}?"
    # ("9 btls of the SKU-12": the goods' word, then "of the")
    rf"(?:(?:of|the|those|these|our)\s+)*\(?\s*{SKU_MARK}",
    _I,
)
_CODE_COUNT_LINE = re.compile(
    # ("\u2022 IMP-PVS-LB \u2013 14": a dash between the code and its count)
    rf"^[\s,;&+-]*(?:and\s+|&\s*)?{SKU_MARK}\s*(?:(?:[x\u00d7:=]|[-\u2013\u2014](?=\s))\s*)?"
    r"\d{1,4}(?![\w%/]|[.,]\d)\s*"
    r"(?:units?|pcs?|ea|each)?[\s.,;]*$",
    _I,
)
_QTY_AFTER_SKU = re.compile(
    # ("SKU-12 (12/cs) crushed": so many to the case, not how many cases or pieces)
    rf"{SKU_MARK}\s*(?P<sep>[:=(]|-\s|x\s*|qty\s*)?\s*(?P<n>{_NUM_CORE})"
    rf"(?![\w.%]|\s*/\s*[a-z]|,\d{{3}}(?!\d))",
    _I,
)
_QTY_BEFORE_MONEY = lead_num(rf"(?P<n>{_NUM}|{_NUMWORDS})\s*(?:@|at|x|\*|for)?\s*{MONEY_MARK}", _I)
# "40 chairs", "40 damaged chairs": a count of things with no unit word
_QTY_NOUN = lead_num(
    rf"(?P<n>{_NUM}|{_NUMWORDS})\s+(?:[a-z][a-z'-]*\s+)?(?P<noun>[a-z][a-z'-]*[a-rt-z]s)\b",
    _I,
)
_NOT_NOUNS = frozenset(
    (
        "was", "is", "has", "does", "this", "its", "yes", "us", "as", "plus", "less", "his",
        "hers", "ours", "theirs", "yours", "always", "perhaps", "sometimes", "thanks", "pls",
        # events, people and time counted in the day's news, never the goods ("busy day, 14
        # deliveries, 3 schools. the bleach that fell off the shelf, 9 jugs": round 179)
        "deliveries", "schools", "stops", "orders", "customers", "trucks", "hours", "days",
        "weeks", "months", "people", "guests", "rooms", "tables", "calls", "emails", "tickets",
        "kids", "students", "classes", "runs", "shifts", "minutes", "mins", "hrs", "years",
        "yrs", "visitors", "patients", "appointments", "jobs", "routes", "drivers", "staff",
    )
)  # fmt: skip
# "45 on hand", "30 left": a count by the words after it
_QTY_ON_HAND = lead_num(
    rf"(?P<n>{_NUM}|{_NUMWORDS})\s+(?:on\s+hand|in\s+stock|left|remaining|in\s+inventory)\b",
    _I,
)
_QTY_ONE = lead(
    "aos",
    rf"\b(?:a|an|one|single)\s+(?:(?!(?:at|for|from|to|by|per)\b)[a-z]+\s+){{0,2}}?"
    rf"(?P<u>{_UNIT})\b",
    _I,
    word=True,
)

# "whole box", "entire case", "full pallet": one of the container, said without "a"
_QTY_WHOLE = re.compile(rf"\b(?:whole|entire|full)\s+(?P<u>{_UNIT})\b", _I)
_SIZE_AFTER = re.compile(r"\s*(?:of\s+\d+|\(\s*\d+\s*(?:/\s*[a-z]+)?\s*\))", _I)

# "a TV-55X", "one SKU-77", "a single SKU-40 panel": one unit of the SKU ("a few SKU-77",
# "a lot of SKU-12" are not)
_QTY_ONE_SKU = lead(
    "aos",
    rf"\b(?P<a>a|an|one|single)\s+(?:(?!(?:at|for|from|to|by|per|of|few|couple|bunch|number"
    rf"|lot|load|handful|pile|heap|stack|whole|total|batch|shipment|delivery|order|bit|some)\b)"
    # ("someone stole a jellycat bashful bunny (JC-BAS3BN)": the goods' name, then the code in
    # brackets; round 191 asked for an amount)
    rf"[a-z]+\s+){{0,3}}?(?:\(\s*)?{SKU_MARK}",
    _I,
    word=True,
)

_MONEY_BRANCHES = rf"""
      {_CUR_BEFORE}\s*(?P<a>{_NUM_CORE})(?P<ka>{_SCALE})?(?:\s*{_CUR_AFTER})?
    | (?P<b>{_NUM})(?P<kb>{_SCALE})?\s*{_CUR_AFTER}
    | (?P<w>{_NUMWORDS})\s+(?:dollars?|bucks)\b
    | (?P<c>{_NUM})(?:\s*(?:cents?\b|¢)|(?<!\d\d\d)c\b)
    | (?P<g>{_NUM}|{_NUMWORDS})(?P<gh>\s+and\s+a\s+half)?\s+{_GRAND}\b  # "3 grand": thousands
    | (?P<ag>\b(?:half\s+)?a)\s+grand(?P<agh>\s+and\s+a\s+half)?(?:'s)?(?![\w-])  # "a grand"
    | {_NOT_KELVIN}(?P<d>{_NUM})(?P<kd>k)\b(?!\s*(?!(?:each|ea)\b)(?:{_UNIT})\b)
    """  # (the last: "1.2k each" is a price; "4000k" a colour temperature)
_MONEY = lead(NUM_FIRST + "u$", _MONEY_BRANCHES, _IX)
# Most messages have no "dollars", "bucks" or "grand": then no match can start at a number
# word, and the same pattern without those branches (kept as groups that never match, so
# the groups read the same) turns every letter position away at once.
_MONEY_DIGITS = lead(
    r"\d.u$",
    _MONEY_BRANCHES.replace(rf"(?P<w>{_NUMWORDS})", "(?P<w>(?!))")
    .replace(rf"(?P<g>{_NUM}|{_NUMWORDS})", "(?P<g>(?!))")
    .replace(r"(?P<ag>\b(?:half\s+)?a)", "(?P<ag>(?!))"),
    _IX,
)
_MONEY_WORDS = ("dollar", "buck", "grand")


def _money_re(text: str) -> re.Pattern[str]:
    low = text.lower()
    return _MONEY if any(w in low for w in _MONEY_WORDS) else _MONEY_DIGITS


# A plain number that the words before it make a price: "@ 1.25", "cost 61.25", "unit cost 22".
_PRICE_BARE = lead(
    "@aucpe",
    rf"""(?P<lm>@|\b(?:at|unit\s+(?:cost|price)|cost(?:s|ing)?|price[ds]?|paid
         |each\s+(?!(?:at|for|of|and|or|is|was)\b)[a-z]{{2,15}}(?:\s+(?:costs?|at|for))?)
         # ("by the cost of 10 SKU-12": a count of goods after "of", no price)
         (?:\s+(?:is|was|at|=)|\s+of(?!\s{{1,3}}{_NUM_CORE}\s+(?!(?:each|ea|per|apiece|a|an|/)\b)
          [a-z\ue000]))?)\s{{0,3}}[:=]?\s{{0,3}}(?P<n>{_NUM_CORE})
         (?![\w.%])(?!\s*(?:x\b|(?!(?:each|ea)\b){_UNIT}\b|{MONEY_MARK}))""",
    # (a longer gap is a masked aside; "@ 12 ea" is a price, "12 units" a count)
    _IX,
)
# A plain number that total words make the amount: "total 460", "total price 450",
# "grand total for the write off is 312.60", "all together 255", "the lot cost 900"
_TOTAL_BARE = lead(
    "tgalcve",
    rf"""(?P<lm>\b(?:(?:grand\s+)?total(?:\s+(?:price|cost|value|amount|loss))?
         (?:\s+(?:for|of)\s+(?:the\s+|this\s+)?[a-z/-]+(?:\s+[a-z/-]+)?)?
         # ("hand towels short, value 91.80", "ext 115.20": the goods' value in all)
         |value|ext(?:ended|\.)?
         |all\s+together|altogether|(?:whole\s+)?lot\s+(?:cost|costs|was|came\s+to)
         |comes?\s+to|came\s+to)(?:\s+(?:is|was|of|being|=))?)\s*[:=]?\s*(?P<n>{_NUM_CORE})
         (?![\w.%])(?!\s*(?:x\b|{_UNIT}\b|{MONEY_MARK}))""",
    _IX,
)
# "450 in total", "60 altogether", "300 for the lot" after a count: the amount, unless a
# unit word follows ("80 units in all" is a count)
_TOTAL_BARE_RIGHT = re.compile(
    rf"""(?<![\w.$])(?P<n>{_NUM_CORE})(?![\w.%])\s*(?=(?:in\s+total|total|altogether
         |all\s+together|in\s+all|for\s+the\s+(?:whole\s+)?lot)\b)""",
    _IX,
)
_TOTAL_BARE_WORDS = ("total", "together", "lot", "come", "came", "in all", "value", "ext")
# "@ 12 = 120", "at 8.50 ea = 102": a price, then what it comes to after "="
_EQUALS_TOTAL = re.compile(
    rf"""(?:@|\bat)\s*\$?\s*{_NUM_CORE}\s*(?:{_PER})?\s*=\s*\$?\s*(?P<n>{_NUM_CORE})
         (?![\w.%])(?!\s*(?:x\b|{_UNIT}\b))""",
    _IX,
)
# a count of goods: "10 chairs", "40 units", "8 SKU-40", "SKU-77 3"
_COUNT_BEFORE = re.compile(
    # ("13 hockey sticks": a word may say which goods before their plural)
    rf"(?<![\w.$])\d+\s*(?:x\s*)?(?P<u>{_UNIT}\b|(?:[a-z]{{2,}}\s+)?[a-z]{{2,}}s\b|{SKU_MARK})"
    rf"|{SKU_MARK}\s*[x:]?\s*\d+(?![\w.,])",
    _I,
)
# "3 tvs cracked 389 each": after a count, a plain number with "each" is the unit price
# (after "4 cartons" it may be the count per carton: left to the pack reader or unread)
_PRICE_EACH = re.compile(
    r"(?<![\w.$/-])(?P<n>\d+(?:\.\d+)?)(?![\w.%])\s*(?=(?:each|ea|apiece|a\s+piece)\b)", _I
)
# words after "a"/"per" that say no unit: "$900 a month", "$300 per the invoice"
_NOT_PER = (
    r"(?:day|week|month|year|hour|night|time|total|lot|while|bit|few|couple|the|our|my|their"
    r"|this|that|invoice|receipt|quote|po|cent|percent|dollars?|bucks|and|or|at|so"
    r"|review|request|email|call|policy|instructions?|approval|memo|manager|boss|audit)"
)
# "4.50 ea": cents and a per-unit word make a plain number a price
_PRICE_CENTS = lead(
    r"\d.",
    r"(?<![\w.$])(?P<n>\d*\.\d{2})(?![\d.])"
    rf"(?=\s*(?:each|ea\b|apiece|/\s*[a-z]|per\s+[a-z]|an?\s+(?!{_NOT_PER}\b)[a-z]{{2,}}))",
    _I,
)
_RIGHT_UNIT = re.compile(
    rf"""\s*(?:(?:/|per\s+|an?\s+|one\s+|for\s+each\s+)\s*
         (?:(?:\d+|six|twelve|four|eight|ten|twenty[-\s]?four)\s*-?\s*(?=pack\b|pk\b))?
         (?P<u>{_UNIT}|unit|item|piece|head|pk)\b
         |(?:/\s*|per\s+|an?\s+|one\s+)(?!{_NOT_PER}\b)(?P<w>[a-z]{{2,15}})\b
          # ("$3,250 per Priya's review": as someone said, no unit)
          (?!'s\b|’s\b)
         |(?:each|ea|apiece|a\s+piece|a\s+pop)\b\.?)""",
    _IX,
)
_RIGHT_TOTAL = re.compile(
    rf"""\s*(?:(?:in\s+|grand\s+)?total\b(?!\s*(?:of|is|was|[:=])?\s*(?:\$|usd|\d|{MONEY_MARK}))|altogether\b|all\s+together\b|overall\b|all\s+in\b|worth\b
         |for\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:lot|batch|bunch|set|everything|them\s+all)\b
         |of\b|in\s+(?=[a-z])|in\s+(?:lost|damaged|missing|loss)|lost\b|loss\b
         |ext(?:ended|\.|\b)|line\s+total\b  # "$2,460 extended": the line's total
         # ("donated 40 poinsettias, $164 at cost": what the lot cost us)
         |at\s+(?:our\s+)?cost\b(?!\s*(?:each|ea|per|a\s+piece|apiece)\b))""",
    _IX,
)
_TAIL = r"(?:\s+(?:is|was|of|at|around|about|approx\.?|roughly|=))*\s*[:=~]?\s*$"
# "at $15" right before an amount makes it a price, whatever came earlier ("unaccounted for
# at $15"); "valued at", "worth at" and "a total at" keep their own meaning.
_AT_LEFT = re.compile(
    r"(?:@|(?<!valued\s)(?<!value\s)(?<!worth\s)(?<!total\s)(?<!totals\s)(?<!loss\s)\bat)\s*$",
    _I,
)
_WEAK_TOTAL = re.compile(r"of|in|lost|loss|in\s+(?:lost|damaged|missing|loss)", _I)
# what a "<unit> price" can be said of ("case price $102"): a short list, so that the
# pattern stays quick at every letter of the words before an amount
_PRICED = (
    r"(?:case|cs|box|carton|ctn|pack|packet|pallet|crate|bag|sack|bottle|can|jar|tray|unit"
    r"|item|piece|dozen|pair|set|roll|drum|bundle|kit)"
)
_LEFT_UNIT = lead(
    "a-z@×*",
    rf"""(?:@|\bat|\bunit\s+(?:cost|price|value)|\bcost(?:s|ing|ed)?|\bprice[ds]?|\bpaid
         |\bbought\s+(?:at|for)|\bpurchased\s+(?:at|for)|\bcost\s+(?:basis|per\s+\w+)
         |\bper\s+(?:unit|{_UNIT})|\beach\s+(?:at|for|costs?|worth)?|\bea|\bx|×|\*
         |\b(?:each|every|per)\s+(?!(?:at|for|of|and|or|is|was|costs?|worth)\b)(?P<lu>[a-z]{{2,15}})
          (?:\s+(?:costs?|for))?|\b(?P<lc>{_PRICED})\s+(?:price|cost)){_TAIL}""",
    _IX,
)
_LEFT_TOTAL = lead(
    "a-z=",
    # ("total hit $460", "total writedown $270": what the whole entry comes to)
    rf"""(?:\bworth|\btotal(?:ing|ling|led|ed|s)?(?:\s+(?:of|value|cost|amount|loss|price|hit|impact
            |write[-\s]?down|writedown|mark[-\s]?down|markdown|adjustment|shrink(?:age)?))?
         |\b(?:grand\s+)?total(?:\s+(?:price|cost|value|amount|loss))?\s+(?:for|of)\s+
          (?:the\s+|this\s+|these\s+)?[a-z/-]+(?:\s+[a-z/-]+){{0,2}}
         |\btotal\s+(?:being|comes\s+to|came\s+to)|\ball\s+together|\baltogether|\bin\s+total
         |\b(?:whole\s+|entire\s+)?lot\s+(?:cost|costs|was|is|came\s+to|comes\s+to)
         |\blot\s+of\b[^$\n]{{0,30}}?\bcost(?:s|ed)?(?:\s+us)?
         |\bfor\s+a\s+total\s+of|\bamount(?:ing|s)?(?:\s+(?:to|of))?
         |\bvalue(?:d)?(?:\s+(?:of|at))?|\bfor|\bloss(?:\s+of)?|\bcomes?\s+to|\badds?\s+up\s+to
         |\bsum(?:\s+of)?|\bby|\bwrite[-\s]?offs?|\bwriteoffs?|\bw/o|\bwrite[-\s]?downs?
         |\bwritedowns?|\bprovision(?:\s+of)?|\breserve(?:\s+of)?|\bexpense(?:\s+of)?|=
         |\bext(?:ended|\.)?(?:\s+(?:cost|price|value|amount|total))?|\bline\s+total
         |\bat\s+a\s+(?:total\s+)?cost\s+of|\bthat'?s|\bthat\s+is|\bcame\s+to|\bin\s+all
         |\ball\s+told|\bgrand\s+total|\bcomes\s+out\s+to){_TAIL}""",
    _IX,
)

_RESERVES = (Category.RESERVE_PROVISION, Category.RESERVE_WRITE_OFF)
# Goods named in the plural with no count, beside an amount with no total words:
# "stolen speakers $45"
# "1 bookcase gone", "1 of them": a count said again with its goods, not a price
_COUNT_AGAIN = re.compile(
    r"\d+\s+(?:of\s+(?:them|it|those)\b|(?!x\b|at\b|for\b|ea\b)[a-z]{3,})", _I
)
# "12 SKU-12 damaged per pallet, 3 pallets": a count per container, then how many containers
_CONTAINER_WORD = r"(?:pallet|case|box|carton|crate|tote|tray|pack|bag|bundle|skid|drum|sleeve)"
_PER_CONTAINER = re.compile(
    rf"\b(?P<n>\d+)\b[^.;\n$]{{0,30}}?\b(?:per|each|a|every)\s+(?P<c>{_CONTAINER_WORD})\b", _I
)


# the events that take goods away: what goes missing in them was taken
_THEFT_EVENTS = frozenset(("break-in", "burglary", "robbery", "burglars", "thieves"))
# an event said after the first count ("5 X stolen in the break-in, and 2 Y damaged ...")
_LATE_EVENT = re.compile(
    r"\b(?:break-?in|burglary|robbery|fire|flood(?:ed|ing)?|storm|vandal(?:s|ism|ized|ised)?"
    r"|hurricane|tornado|arson)\b",
    _I,
)
# what thieves do to the goods they take, said of the first part only
_TOOK = re.compile(
    # (right after the event's word, its subject: "thieves got", not "break-in ... they took")
    r"\s+(?:\w+\s+)?(?:got|took|stole|grabbed|nicked|lifted|swiped|snatched|pinched|pocketed"
    r"|(?:made|walked|ran|took)\s+off\s+with)\b",
    _I,
)
_EVENT_WORDS = frozenset(
    ("fire", "flood", "flooded", "flooding", "storm", "hurricane", "tornado", "earthquake",
     "hail", "hailstorm", "lightning", "wildfire", "vandalism", "vandals", "vandal", "arson",
     # ("break-in at the shop: they took 2 X and smashed 5 Y": the smashing was the break-in's)
     "break-in", "burglary", "robbery", "burglars", "thieves",
     # ("our van got rear ended on the M6 ... 12 X and 20 Y in the back are wrecked": a road
     # accident or a pipe that let go is what happened to every part; round 310 drafted the
     # second part a sure routine loss)
     "ended", "boned", "crash", "crashed", "accident", "wreck", "rollover", "totaled",
     "totalled", "jackknifed", "flipped", "overturned", "burst", "popped")
)  # fmt: skip


_VANDALS = frozenset(VANDALS_AT_WORK)
_BREAK_IN = re.compile(r"\bbr(?:eak|oke)[-\s]?in(?:to)?\b|\bburglary\b|\bburglars?\b", _I)
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
# what thieves do beside taking, said as their act: "also smashed 6 Z", "and trashed the rest"
_THEY_ALSO_DID = re.compile(
    r"\W*(?:smashed|broke|trashed|wrecked|destroyed|busted|ripped|slashed|knocked\s+over"
    r"|tore|damaged|ruined)\b",
    _I,
)
# a part apart from the event said first: its own sentence, or words that set it apart
_OWN_STORY = re.compile(
    r"[;\n]|[.!?]\s|\b(?:separately|unrelated|not\s+related|different(?:ly)?|another|also|too"
    r"|other\s+(?:than|issue|thing|news)|in\s+other\s+news|on\s+top\s+of\s+that|plus|then)\b",
    _I,
)


# what no fire, flood or storm does to goods: made wrong, out of date, no longer sold ("storm
# took out 8 X; 3 Y defective from the bad batch": the defect is Y's own story)
_NO_EVENTS_DOING = re.compile(
    # ("Storm last night: 6 X soaked. Also 2 Y out of code": the date's doing, round 169)
    r"^(?:expir|out\s+of\s+(?:date|code)|past\s+(?:its\s+|their\s+|the\s+)?(?:date|code|best|sell)"
    r"|stale|defect|faulty|recall"
    r"|obsol|discontinu|dead\s+stock|slow|bad\s+(?:batch|lot|run)|failed\s+(?:qc|qa|test)|qc|qa"
    r"|off\s+spec|mislabel|misprint|wrong\s+(?:label|print)|end\s+of\s+line|old\s+model)",
    _I,
)


def _not_an_events_doing(f: Facts) -> bool:
    return bool(f.reason) and _NO_EVENTS_DOING.match(f.reason or "") is not None


def _event_for_every_part(read: list[Facts], text: str) -> list[Facts]:
    """ "fire in bay 2, 4 SKU-77 and 20 SKU-12 destroyed": an event said first, before any
    count, is what happened to every part; a later part's damage word ("destroyed",
    "soaked") tells the same story, so that part is the event's too (as with a colon)."""
    if len(read) < 2 or read[0].category is not Category.CASUALTY or not read[0].reason:
        return read
    event = read[0].reason
    said = re.search(re.escape(event.lower()).replace("\\-", "[-\\s]"), text.lower())
    at = said.start() if said else -1
    first_digit = _DIGIT.search(text)
    late = _LATE_EVENT.search(text)
    if late is not None and first_digit is not None and first_digit.start() < late.start():
        at = late.start()
        # "5 X stolen in the break-in, and 2 Y damaged when they smashed the case": said after
        # a count, the event may or may not be what damaged a later part in its sentence
        return [read[0]] + [
            replace(
                f,
                guesses=(*f.guesses, Guess(f"Was this part of the {late.group(0)}?", P_INHERITED)),
            )
            if f.category is Category.LOSS
            and not _OWN_STORY.search(text, at, text.find(f.source_text) + len(f.source_text))
            else f
            for f in read[1:]
        ]
    # ("kids smashed up the display, 3 X + 2 Y wrecked": who did it, said first)
    if event.lower().split()[-1] not in _EVENT_WORDS and event.lower() not in _VANDALS:
        # ("break in last night: they took 3 X and smashed the display case, 1 Y destroyed
        # in it": the break-in said first is the event, whatever the first part's word;
        # round 316 drafted the second part a routine loss)
        first_digit_at = first_digit.start() if first_digit is not None else len(text)
        broke_in = _BREAK_IN.search(text, 0, first_digit_at)
        if broke_in is None:
            return read
        event, at = "break-in", broke_in.start()
    if at < 0:
        return read
    if first_digit is not None and first_digit.start() < at:
        return read
    agent = text[at : first_digit.start()] if first_digit is not None else ""
    if _TOOK.match(agent, len(event)) and not re.search(r"[:;,.!?]", agent):
        # "thieves got 2 X, and 1 Y fell and broke": the thieves took the first part; a later
        # part's own damage is its own story
        return read
    first = text.find(read[0].source_text)
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(read[0].source_text)]
    head = first + ends[-1] if first >= 0 and ends else at
    out = [read[0]]
    for f in read[1:]:
        start = text.find(f.source_text)
        # (up to the part's own sentence end: "3 Y gone. unrelated," ends a sentence, and the
        # next part is the one apart)
        stop = re.search(r"[.!?;]\s", f.source_text)
        end = start + (stop.start() if stop else len(f.source_text))
        # (from the first part's own sentence: "break-in at store 308 overnight. 5 X and 3 Y
        # gone" heads the parts with a sentence of its own; round 297 read the 3 Y as a
        # shortfall)
        since = max(at, head)
        apart = [m.group(0).lower() for m in _OWN_STORY.finditer(text, since, end)]
        if (
            apart
            and set(apart) <= {"also", "too", "plus"}
            and event.lower().split()[-1] in _THEFT_EVENTS
            and _THEY_ALSO_DID.match(f.source_text)
        ):
            # "break in: took 4 X and 3 Y, also smashed 6 Z in the case": what the thieves
            # also did (round 302 drafted the smashing as a routine loss)
            apart = []
        if start > at and (apart or _OWN_CAUSE.search(f.source_text)):
            # "flood in the basement got 10 X; separately 2 Y punctured by a box cutter": a
            # part in a sentence of its own, or said to be apart, tells its own story
            out.append(f)
            continue
        taken = (
            # ("break-in last night: 5 X and 3 Y gone": goods gone in a break-in were taken)
            f.category is Category.SHRINKAGE and event.lower().split()[-1] in _THEFT_EVENTS
        )
        if (f.category is Category.LOSS and not _not_an_events_doing(f)) or taken:
            note = f"Read '{f.reason}' as what the {event} did, as for the first part"
            f = replace(
                f,
                category=Category.CASUALTY,
                reason=event,
                guesses=(*f.guesses, Guess(note, P_INHERITED)),
            )
        out.append(f)
    return out


# the fire service at work ("fire dept says it was the soldering station"): its words are
# masked as no fire of ours (a fire company's raffle, a fire door), but a loss beside them
# may be the fire's
_FIRE_SERVICE = re.compile(
    r"\bfire\s*(?:dept|department|marshal|brigade|fighters?|crew|investigator|chief)\b"
    r"|\bfire\s*men\b|\bfd\s+(?:says|said|report)",
    _I,
)
_FIRE_KINDS = (Category.LOSS, Category.SHRINKAGE, Category.WRITE_DOWN)


def _fire_service_named(f: Facts) -> Facts:
    if f.category not in _FIRE_KINDS:
        return f
    note = "The fire service is named: if a fire did this, it is a casualty (5200, any amount)"
    return replace(f, guesses=(*f.guesses, Guess(note, P_INHERITED)))


def _event_said_apart(read: list[Facts], text: str) -> list[Facts]:
    """ "break-in last night, 2 X stolen. also 1 Y, w/o that too": a later part said apart
    (its own sentence, "also") that names no reason of its own took the event's from the
    message; whether the event did it is a guess, asked."""
    out = [read[0]]
    low = text.lower()
    end = low.find(read[0].source_text.lower()) + len(read[0].source_text)
    for f in read[1:]:
        start = low.find(f.source_text.lower())
        reason = (f.reason or "").lower()
        if (
            f.category is Category.CASUALTY
            and reason
            and reason not in f.source_text.lower()
            and 0 <= end <= start
            and _OWN_STORY.search(text, end, start + len(f.source_text))
        ):
            note = f"Was this part of the {f.reason} too? It is said apart from it"
            f = replace(f, guesses=(*f.guesses, Guess(note, P_INHERITED)))
        out.append(f)
        end = start + len(f.source_text) if start >= 0 else end
    return out


def _per_container_unread(read: list[Facts], text: str) -> list[Facts]:
    """A count said per container beside a count of those containers, drafted as the count
    per container: the pieces are the product, or the count is of one container; asked."""
    m = _PER_CONTAINER.search(text) if "per" in text or "each" in text else None
    if m is None:
        return read
    many = re.search(rf"\b\d+\s+{m.group('c')}(?:e?s)\b", text, _I)
    n = Decimal(m.group("n"))
    if many is None or not any(f.quantity == n for f in read):
        return read
    ask = (
        f"'{m.group(0)}' and '{many.group(0)}': is the count {_fmt(n)} in all, or per "
        f"{m.group('c')}?"
    )
    return [replace(f, unclear=(*f.unclear, ask)) if f.quantity == n else f for f in read]


def _reserve_count_or_dollars(read: list[Facts], text: str, names: Collection[str]) -> list[Facts]:
    """A reserve moved by a plain number, with no code said, in a message that names goods
    of the item list elsewhere ("obsolete revlon shades: take 20 out of the reserve"): $20,
    or 20 of the goods at cost? (A code in the part itself is asked in _read_reserve_amount.)"""
    out = []
    for f in read:
        plain = (
            f.category in (Category.RESERVE_WRITE_OFF, Category.RESERVE_PROVISION)
            and f.sku is None
            and f.quantity is None
            and f.total is not None
            and not _CURRENCY_MARK.search(f.source_text)
            and not _THOUSANDS_SAID.search(f.source_text)
        )
        if plain and named.list_goods_said(text, names):
            figure = _fmt(f.total or Decimal(0))
            ask = f"Read {figure} as dollars; with goods named it may be their count"
            f = replace(f, guesses=(*f.guesses, Guess(ask, P_COUNT_OR_DOLLARS)))
        out.append(f)
    return out


# (the two readings differ by the goods' cost: $20, or 20 lipsticks at $5.85; a doubt, so a
# part beside it is not sure either)
P_COUNT_OR_DOLLARS = 0.5
_THOUSANDS_SAID = re.compile(r"\d\s*k\b|\b(?:grand|thousand)\b", _I)


def _donated_among(read: list[Facts]) -> list[Facts]:
    """ "20 SKU-12 expired, donating 5 to the food bank": the 5 given away are likely among
    the 20 that expired; drafted as two parts they are written off twice. Asked."""
    if len(read) < 2:
        return read
    out = list(read)
    for i, f in enumerate(read):
        for g in read[i + 1 :]:
            pair = {f.category, g.category}
            if (
                f.sku is not None
                and f.sku == g.sku
                and pair == {Category.DONATION, Category.LOSS}
                and f.quantity is not None
                and g.quantity is not None
                and g.quantity <= f.quantity
                and not _ANOTHER.search(g.source_text)
            ):
                ask = (
                    f"Are the {_fmt(g.quantity)} said '{g.reason}' among the {_fmt(f.quantity)} "
                    f"said '{f.reason}'? Then they are written off twice"
                )
                out = [replace(x, unclear=(*x.unclear, ask)) if x in (f, g) else x for x in out]
    return out


# where given goods go, said in a part of its own ("10 B day olds to the church shelter pantry")
_GIFT_PLACE = re.compile(
    r"\bto\s+(?:the\s+|a\s+|our\s+)?(?:[\w'&-]+\s+){0,3}?"
    r"(?:pantry|shelter|church|food\s+bank|mission|parish|charity|drive|school|soup\s+kitchen)\b",
    _I,
)


def _given_along(read: list[Facts]) -> list[Facts]:
    """ "donate 10 A & 10 B day olds to the church shelter pantry": B's own words say only how
    the goods were ("day olds"), and where they went is a gift's place: B was given too (it
    was drafted as a loss at 0.97). A guess: the verb of giving was said once, for A."""
    if len(read) < 2 or not any(f.category is Category.DONATION for f in read):
        return read
    out = []
    for f in read:
        if (
            f.category is Category.LOSS
            and (
                _GIFT_PLACE.search(f.source_text)
                # ("dropped 40 A + 40 B at the Salvation Army (charity donation)": dropped
                # off with B, not dropped on the floor)
                or (_HANDED_OVER.match(f.reason or "") and _ONLY_HANDED.match(f.source_text))
            )
            and not _THROWN.search(f.source_text)
        ):
            note = Guess(f"Read '{f.reason}' goods sent to a charity as given too", P_INHERITED)
            f = replace(f, category=Category.DONATION, guesses=(*f.guesses, note))
        out.append(f)
    return out


_HANDED_OVER = re.compile(r"(?:dropped|dropped\s+off|drop\s+off|delivered|brought|sent)$", _I)
# ... and the part says nothing else: no floor it fell on, no damage ("dropped 40 A +")
_ONLY_HANDED = re.compile(
    r"^\W*(?:dropped|drop|delivered|brought|sent)(?:\s+off)?\s+[\d.,]+\s+(?:x\s*)?"
    r"(?![^+&,]*\b(?:on|off|onto|down|from|in|into|at)\b)[^+&,]*(?:\+|&|,|\band)?\s*$",
    _I,
)
_ANOTHER = re.compile(r"\b(?:another|more|also|plus|additional|extra|separately|other)\b", _I)
# goods thrown away ("tossed 20 X"): beside a donation, not given away
_THROWN = re.compile(
    r"\b(?:toss(?:ed)?|binned|bin(?=\s+(?:the|them|those|\d))|trash(?:ed)?|dump(?:ed)?"
    r"|pitch(?:ed)?|scrap(?:ped)?|chuck(?:ed)?|ditch(?:ed)?|threw\s+(?:out|away)"
    r"|thrown\s+(?:out|away)|throw\s+(?:out|away)"
    # ("write off 5 X (forks) and donate 8 Y": the first written off, not given)
    r"|write\s+off|w/o|wrote\s+off|written\s+off)\b",
    _I,
)
_CLAUSE_END = re.compile(r"[.,;:!)]\s*$")
# goods physically destroyed, which nothing is left to write down
_CRUSHED = re.compile(
    r"(?:crushed|smashed|shattered|broken|broke|busted|burst|punctured|torn|ripped|spilled"
    r"|melted|leaked|leaking|flattened|squashed)$",
    _I,
)
_WORTH_SAID = re.compile(
    r"\b(?:worth|value|nrv|sell|resale|salvage|(?:half|a\s+third|a\s+quarter)\s+off)", _I
)
_COST_SAID = re.compile(r"\bcost(?:s|ing)?\b|\bworth\b|\bvalued\b|\bpriced\b", _I)
_COUNT_UNKNOWN = re.compile(
    r"\bhow\s+many\b|\btb[cd]\b|\bunknown\s+(?:qty|quantity|count)|\bno\s+count\b"
    # goods said in bulk ("damaged stock cost us $8k"): no one thing
    r"|\b(?:stock|inventory|goods|merchandise|product|stuff|items|lot|batch)\b",
    _I,
)
# one thing said with an article: "a 10in miter saw", "broke a display bike", "just the one",
# "lost the whole case" ("a few", "a lot of", "a bunch" are no one thing)
_ONE_THING = re.compile(
    r"\bjust\s+(?:the\s+)?one\b(?!\s+of\b)"
    # ("... neck's split. we paid $48 for it", "cost was 98 bucks on that one": one thing's
    # price; round 191 asked for an amount)
    r"|\b(?:paid|cost|spent)\b[^.;\n]{0,24}?\bfor\s+(?:it|that\s+one|this\s+one)\b"
    r"|\bon\s+(?:that|this)\s+one\b"
    r"|\bthe\s+(?:demo|display|floor|showroom|loaner|only|last|one)\s+(?=[a-z0-9])"
    r"|(?<![\w-])(?:an?|one|single|the\s+whole|the\s+entire)\s+"
    r"(?!(?:few|couple|lot|lots|bunch|number|pile|load|handful|heap|stack|some|bit|total|ton"
    r"|tons|batch|shipment|delivery|order|grand|half|quarter|third|dozen|gross|score|pair"
    r"|set|week|day|month|year|while|customer|guy|kid|man|woman|driver|forklift|leak|flood"
    r"|fire|storm|break|mess|problem|issue|bad|good|little|few)\b)[a-z0-9]",
    _I,
)
# one thing named first, in the singular, before a comma: "brocken headlight, fell off the
# cart, $1,146", "defective remote start kit, $524"
_FIRST_THING = re.compile(
    # ("stolen: pressure washer, $429": after the reason's label)
    r"\W*(?:[a-z][\w'-]*\s*:\s*)?(?:(?:scrap|toss|bin|w/o|write\s+off)\s+)?(?:the\s+|our\s+)?"
    r"(?:[a-z0-9][\w'-]*\s+){0,3}?(?!(?:damage|shrinkage|shrink|loss|theft|breakage|spoilage"
    r"|waste|spill|leak|flood|fire|storm|expired|obsolete)\s*,)[a-z][\w'-]*[a-rt-z]\s*,",
    _I,
)
# goods and then a figure set after them, said for no count ("busted brakleen from the pallet
# drop: $30": each can, the case, or all of them? Round 345 drafted the $30 sure)
_TRAILING_FIGURE = re.compile(r"[a-z)]\s*(?::|-|=)\s*\$\s?\d[\d,]*(?:\.\d\d)?\s*$", _I)
_PLURAL_GOODS = re.compile(
    r"\b(?!(?:goods|products|supplies|returns|materials|wares|contents|losses|damages|this"
    r"|perhaps|sometimes|thanks|always|theirs|yours|ours|hers|does|plus|units|items|pcs)\b)"
    r"[a-z]{2,}[a-rt-z]s\b",
    _I,
)

# Every branch of _LEFT_TOTAL holds one of these: without any, it cannot match.
_LEFT_TOTAL_WORDS = (
    "worth", "total", "for", "amount", "value", "loss", "come", "add", "sum", "by", "write",
    "w/o", "provision", "reserve", "expense", "=", "ext", "cost", "that", "came", "all", "lot",
    "together",
)  # fmt: skip

# Write-down prices: "from $22 to $15", "$22 -> $15", "NRV $25", "by $3 per unit", "to $10".
# what a value is short of, said after it: "$25 less", "$3 lower", "$10 cheaper"
_LESS = r"(?:less|lower|cheaper|under\s+cost|below\s+cost)\b"
_WD_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<a>{_MONEYISH})\s*(?:{_PER})?\s*(?:down\s+)?(?:to|->|=>)\s*"
    rf"(?P<b>{_MONEYISH})(?!\s*(?!(?:ea|each)\b)(?:{_UNIT})\b)(?:\s*(?P<per>{_PER}))?",
    _I,
)
_WD_FROM_TO_STRICT = re.compile(
    rf"\bfrom\s+(?P<a>{_MONEY_STRICT})\s*(?:{_PER})?\s*(?:down\s+)?(?:to|->|=>)\s*"
    rf"(?P<b>{_MONEYISH})(?!\s*(?!(?:ea|each)\b)(?:{_UNIT})\b)(?:\s*(?P<per>{_PER}))?",
    _I,
)
# "were 410 now 300", "was $410, now $300": the price the goods had, then the one they have
_WD_WAS_NOW = re.compile(
    rf"\b(?:was|were|used\s+to\s+be)\s+(?P<a>{_MONEYISH})(?:\s*{_PER})?\s*[,;]?\s*(?:but\s+)?"
    rf"(?:now|->|=>)\s+(?:only\s+)?(?P<b>{_MONEYISH})(?!\s*(?!(?:ea|each)\b)(?:{_UNIT})\b)(?:\s*{_PER})?",
    _I,
)
_WD_ARROW = lead(
    NUM_FIRST + "u$",
    rf"(?P<a>{_MONEY_STRICT})\s*(?:{_PER})?\s*(?:->|=>)\s*(?P<b>{_MONEYISH})(?:\s*{_PER})?",
    _I,
)
# in a write-down, "685 -> 500" says the same without a "$" (the count is said elsewhere)
_WD_ARROW_BARE = re.compile(
    rf"(?P<a>{_NUM})(?!\s*(?:{_UNIT})\b)\s*(?:{_PER})?\s*(?:->|=>)\s*(?P<b>{_MONEYISH})"
    rf"(?!\s*(?:{_UNIT})\b)(?:\s*{_PER})?",
    _I,
)
# who buys goods below cost ("liquidator pays $11 ea", "the discount outlet at $30")
_BUYER = (
    r"(?:liquidators?|(?:discount\s+)?outlet(?:\s+store)?|jobber|discounter|salvage\s+buyer"
    r"|reseller|(?:clearance|surplus|closeout)\s+buyer|closeout)"
)
_WD_NRV = lead(
    NUM_FIRST + "a-z$",
    rf"""\b(?:nrv|lcnrv|lcm|lower\s+of\s+cost\s+(?:or|and)\s+(?:nrv|market|net\s+reali[sz]able\s+value)
         |(?:net\s+)?reali[sz]able\s+value|recoverable\s+amount|estimated\s+selling\s+price
         # ("realizable $90/btl", "to melt ($395/ea)", "melt is $150 each": gold's scrap value)
         |reali[sz]able|(?:to\s+)?melt(?:\s+value)?(?:\s+(?:is|of|at))?|scrap\s+value
         |market\s+(?:value|price)|fair\s+value
         |new\s+(?:unit\s+)?(?:value|price)|current\s+(?:value|price)|resale\s+value
         |selling\s+price|sale\s+price|now\s+worth|worth\s+now|now\s+sells?\s+for|sells?\s+for
         |can\s+sell\s+(?:them\s+|it\s+)?(?:for|at)|only\s+worth
         |(?:can|could|will)\s+only\s+(?:sell|get|fetch)\s+(?:(?:them|it|these|those)\s+)?
          (?:for|at)?|only\s+(?:sells?|fetch(?:es)?|gets?)\s+(?:for|at)?|worth\s+only|now\s+valued\s+at
         |value\s+now|recoverable\s+value|(?:re)?valu(?:e|ing)\s+(?:them|it|these|those|each)\s+at
         |(?:re)?valued\s+at|(?:still\s+)?sellable\s+(?:at|for)
         |clearance(?:\s+(?:bin|rack|price|shelf|table|section|aisle|sale))?\s+(?:at|for|price)
         |now\s+(?:sells?|selling|sell\s+at)(?:\s+(?:for|at))?|reduced\s+to|new\s+value\s+of
         |selling\s+(?:them\s+|it\s+)?(?:for|at)|(?:now\s+|re)?priced\s+at|price\s+now|(?:can|could)\s+sell\s+(?:them\s+|it\s+)?only(?:\s+(?:for|at))?
         |(?:can\s+)?(?:only\s+)?sell\s+(?:them\s+|it\s+)?(?:now\s+)?(?:for|at)
         |(?:still\s+)?saleable\s+(?:at|for)|can\s+(?:still\s+)?(?:get|fetch)|marked\s+at
         |we(?:'?ll|\s+will|'?d|\s+would|\s+can|\s+could)\s+(?:only\s+|still\s+)?(?:get|fetch|recover)
         |(?:realistically|now|only)\s+(?:we\s+)?(?:(?:only|still)\s+)?(?:get|fetch|recover)
         # ("going out as seconds at $99 each", "to the seconds bin at $30", "selling used at
         # $120": round 239)
         |as\s+seconds\s+(?:at|for)|seconds\s+(?:bin|rack|table|shelf)\s+(?:at|for)
         |(?:sell|sold|selling)\s+(?:them\s+|it\s+)?(?:as\s+)?used\s+(?:at|for)
         |(?:will|would|can|could)\s+take\s+(?:them|it|these|those)\s+(?:at|for)
         |(?:knock(?:ed)?|mark(?:ed)?|tak(?:e|en)|took|bring|brought)\s+(?:[a-z][\w'-]*\s+){{0,3}}?down\s+to
         |re-?pric(?:e|ed|ing)(?:\s+(?:them|it))?\s+(?:to|at)|offer(?:ed|s)?(?:\s+us)?
         |at\s+a\s+loss\s*,?\s*(?:for|at)?|clearance\s*[:=]?(?=\s*(?:\$|usd))|market
         |{_BUYER}(?:'s)?\s+(?:(?:will|would|can|could|is|are)\s+)?(?:pays?|paying
          |offer(?:s|ed|ing)?|gives?|giving|quote[sd]?|bids?|price|takes?(?:\s+them)?(?:\s+(?:at|for))?)
          (?:\s+(?:us|me))?
         |(?:closeout|liquidation|liquidate(?:\s+(?:them|it))?|salvage|sell\s+(?:them\s+|it\s+)?off
          |dump(?:\s+(?:them|it))?(?:\s+at\s+the\s+{_BUYER})?|at\s+the\s+{_BUYER})\s+(?:at|for)
         |(?:top|highest|best)\s+(?:offer|bid)|recovery\s+value
         |selling\s+(?:them\s+|it\s+)?to\s+(?:[\w'.&-]+\s+){1, 3}?(?:for|at)
         |(?:(?:will|would|can|could)\s+)?only\s+(?:pay(?:ing)?|giv(?:e|ing)(?:\s+us)?)
         |(?:still\s+)?sells?\s*,?\s+(?:just|only)\s+(?:at|for)
         |(?:drop|dropping)\s+(?:them|it)\s+to|priced\s+down\s+to
         |(?:remnants?|clearance|bargain|discount|sale)\s+(?:bin|table|rack|shelf)\s+(?:at|for)
         |(?:sellable|saleable)\s+as\s+(?:seconds|(?:a\s+)?demos?)\s+(?:at|for)
         |blow\s+(?:them\s+|it\s+|those\s+|these\s+)?out\s+(?:at|for)
         |sell\s+(?:those|these)\s+(?:at|for)|will\s+sell\s+for
         |(?:go(?:es|ing)?|send|sent|sell|sold)\s+(?:them\s+|it\s+)?to\s+(?:the\s+|a\s+)?{_BUYER}(?:\s+for)?
         |(?:liquidation|salvage|closeout)\s+(?:price|value)|clear\s+(?:them\s+|it\s+)?at
         |(?:the\s+)?(?:best|most)\s+(?:we(?:'?ll|\s+will|\s+can|\s+could|'?d|\s+would)\s+(?:get|do)
          |offer|price(?:\s+we\s+(?:can\s+|could\s+)?get)?))
         # ("to NRV, $4.00 per pack now": the value after a comma)
         (?:\s+(?:is|of|at|to|about|only|now))*\s*[:=,]?\s*(?P<b>{_MONEYISH})
         (?!\s*(?:x\s*)?{SKU_MARK}|\s+(?!(?:each|ea)\b){_UNIT}\b)  # "NRV: 30 bags": a count
         (?!\s*{_LESS})  # "now worth $25 less each": the cut, no value (round 279, sure)
         (?:\s*{_PER})?
       | \b(?:now|only)\s+(?P<c>{_MONEY_STRICT}|{_NUM}(?=\s*{_PER})|{_NUM}(?![\w.,%/-]|\s*(?:x\b
         |{_UNIT}\b|[a-z]+s\b|left\b|remain|on\s+hand|in\s+stock|{SKU_MARK})))(?:\s*{_PER})?
       # "worth 1900 each", "value 300 ea": a value per unit said beside the goods written down
       | \b(?:worth|value[ds]?)\s+(?P<f>{_MONEY_STRICT}|{_NUM}(?=\s*{_PER}))(?!\s*{_LESS})
         (?:\s*{_PER})?
       # "worth $250 apiece now", "worth 1,900 each now": with "per", a bare number is a price;
       # in a write-down, "worth 1,200 now" too
       | \bworth\s+(?P<e>{_MONEY_STRICT}|{_NUM}(?=\s*{_PER}|\s+now\b))(?!\s*{_LESS})
         (?:\s*{_PER})?\s+now\b
       | (?P<d>{_MONEY_STRICT})(?:\s*{_PER})?\s*(?:nrv|net\s+reali[sz]able\s+value)\b
         (?!\s*(?:is|of|at|=|:)?\s*(?:\$|usd|\d))""",
    _IX,
)
_WD_VALUE_OF = re.compile(
    r"\b(?:nrv|net\s+reali[sz]able\s+value|market\s+(?:value|price)|resale\s+value|new\s+value"
    r"|carrying\s+value|book\s+value|fair\s+value)"
    r"\s+(?:for|of|on)\b",
    _I,
)
_WD_IS = re.compile(
    rf"\b(?:is|are|=|(?:should|will|would)\s+be|(?:is|are)\s+now"
    # ("NRV on TCG-BB36 dropped to $60")
    rf"|(?:(?:has|have|is|are)\s+)?(?:dropped|dropping|drops|fell|fallen|falls|gone\s+down|went\s+down"
    rf"|down|sunk|sank|slipped)\s+to)\s+(?P<b>{_MONEYISH})"
    rf"(?:\s*{_PER})?",
    _I,
)
# a write-down's cost said without a "$": "cost 96", "unit cost 15", "we paid 40", "at $180
# instead of 218"
_WD_COST = re.compile(
    rf"\b(?:cost(?:s|ing)?|unit\s+cost|cost\s+price|paid|bought\s+(?:at|for)|instead\s+of)"
    rf"(?:\s+(?:is|was|at|us|each))*\s*[:=]?\s*(?P<a>{_MONEYISH})"
    rf"(?!\s*(?:{_UNIT})\b)(?!\s+[a-z]+-?\d)(?:\s*{_PER})?",
    _I,
)
_WD_BY = re.compile(
    rf"\bby\s+(?P<b>{_MONEY_STRICT}|{_NUM}(?!\s*%))(?P<per>\s*{_PER})?"
    rf"|\bdown\s+(?P<d>{_MONEY_STRICT}|{_NUM})\s*(?P<dper>{_PER})"
    # ("worth $25 less each now": the cut per unit, said as what the goods lost)
    # ("take $5 off per chair": the goods' own word after "per", round 318)
    rf"|(?P<o>{_MONEY_STRICT}|{_NUM}(?!\s*%))\s+(?:off|{_LESS})\s+(?P<oper>{_PER}|(?:each|every)\b"
    rf"|per\s+[a-z]+\b)"
    # ("knock $12/ctn off the 40 ctns": the cut per carton, said before "off")
    rf"|(?P<o2>{_MONEY_STRICT})\s*(?P<oper2>{_PER})\s+off\b"
    # ("take a $60 write-down total on the 6 X", "a $150 writedown on the 5 dinged X", "knock
    # $90 total off the 9 shelf-worn X": the write-down's own amount; round 291 asked for a
    # value per unit, or drafted $90 as a loss)
    rf"|\b(?:a|an|the)\s+(?P<t>{_MONEY_STRICT})\s+(?:write[-\s]?downs?|writedowns?"
    rf"|mark[-\s]?downs?|markdowns?)\b(?:\s+total\b)?(?P<tper>\s*(?:{_PER}|each\b|ea\b))?"
    rf"|(?P<o3>{_MONEY_STRICT})\s+(?:total|in\s+all|all\s+in)\s+off\b"
    rf"|(?P<o4>{_MONEY_STRICT})\s+(?P<oper4>each|ea|apiece)\s+off\b"
    # ("knock $200 off the value of the demo X", "knock $120 off the value of the 10 X", "x1
    # dented, markdown $89": the cut, in all; round 296 read the $200 as the value left)
    rf"|(?P<o5>{_MONEY_STRICT})\s+off\s+(?:the\s+|its\s+|their\s+)?(?:carrying\s+|book\s+)?"
    rf"(?:value|cost)\b"
    rf"|\bmark(?:-|\s)?down\s+(?:of\s+)?(?P<o6>{_MONEY_STRICT})(?!\s*(?:{_PER}|each\b|ea\b|to\b))",
    _I,
)
_WD_TO = re.compile(
    # ("SKU-77 x2 -> $25 ea": an arrow after the goods, no old price before it, says "to")
    rf"(?:\bto\s+|(?:->|=>)\s*)(?P<b>{_MONEY_STRICT}|{_NUM_SCALED}|{_NUM}(?=\s*{_PER})"
    rf"|{_NUM}(?!\s*(?:{_UNIT}\b|%|x\b)))"
    rf"(?:\s*{_PER})?",
    _I,
)
_SHARES = {
    "half": Decimal(50), "a half": Decimal(50), "a third": Decimal(100) / 3,
    "one third": Decimal(100) / 3, "a quarter": Decimal(25), "one quarter": Decimal(25),
    "a fifth": Decimal(20), "a tenth": Decimal(10),
}  # fmt: skip
_WD_BY_SHARE = re.compile(
    r"\bby\s+(?P<share>half|a\s+half|(?:a|one)\s+(?:third|quarter)|a\s+fifth|a\s+tenth)\b"
    r"(?!\s+(?:a\s+)?(?:dozen|case|pallet))",
    _I,
)
# "write down to half cost", "to a third of what we paid": the share the goods keep
_WD_TO_SHARE = re.compile(
    r"\bto\s+(?P<share>half|a\s+half|(?:a|one)\s+(?:third|quarter)|a\s+fifth|a\s+tenth)\s+"
    r"(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:cost|price|value|what\s+we\s+paid)\b",
    _I,
)
_WD_REVALUE = re.compile(
    r"\b(?:re-?valu(?:e|ed|ing)|mark(?:ed|ing)?|value|valued|carry|carried|hold|held|sell|sold"
    r"|selling|clearance|worth|take|takes|offered|offers)\b",
    _I,
)
_WD_AT = re.compile(rf"\b(?:at|to|for|worth)\s+(?P<b>{_MONEY_STRICT})(?:\s*{_PER})?", _I)
_WD_FROM = re.compile(rf"\bfrom\s+(?P<a>{_MONEY_STRICT})(?:\s*{_PER})?", _I)
_PERCENT = lead(r"\d.", rf"(?P<n>{_NUM})\s*(?:%|percent\b|pct\b)", _I)
# A percentage the goods are written down TO, not BY: "write down to 80% of cost", "now worth
# 60% of what we paid", "NRV is 70% of cost", "keep 80% of cost", "leaving 80%". It is the share
# of cost the goods keep, so the reduction is the rest (100 - p); "by 20%", "down 20%", "20%
# off" are the reduction itself.
_PERCENT_LEFT = re.compile(
    r"(?:\b(?:down\s+)?to|\bworth(?:\s+(?:only|just))?|\b(?:nrv|value|market|worth)\s+(?:is|=|of|at)"
    r"|\bkeep(?:s|ing)?|\bleav(?:e|es|ing)|\bretain(?:s|ing)?)\s+(?:only\s+|just\s+)?$",
    _I,
)

# -- locations ----------------------------------------------------------------------------------

_LOC_HEAD = (
    r"(?:warehouse|wh|dc|distribution\s+(?:center|centre)|fulfil?l?ment\s+(?:center|centre)"
    r"|store|shop|showroom|show\s+room|stockroom|stock\s+room|backroom|back\s+room|storeroom"
    r"|store\s+room|loading\s+dock|dock|aisle|bay|bin|rack|shelf|zone|yard|depot|site|location"
    r"|plant|facility|branch|outlet|room|floor|building|bldg|cooler|freezer|fridge"
    r"|cold\s+storage|storage|receiving|shipping|mezzanine|trailer|truck|container|row"
    r"|section|door|area|office|garage|basement|hub|transit|cage|vault|pantry|parking\s+lot"
    r"|loc|locn|van|level|lvl|tier|lane|gate|slot|locker|cubby|position|cell|staging|carousel"
    r"|bench|counter|pick\s+face|pickface|tote|cart|trolley|register|till|checkout|tank"
    # ("drawer 6", "display case 4", "safe 2", "pen 3", "greenhouse 2")
    r"|drawer|safe|display\s+case|showcase|display|cabinet|window|kiosk|pen|stall|shed|barn"
    r"|greenhouse|coop"
    # ("table 4 knocked it", "booth 2", "station 3": a dining room's or a floor's places)
    r"|table|booth"
    # ("tray 12 dropped at station 4": an optical lab's job tray by its number)
    r"|tray"
    # ("exam rm 2", "suite 1", "Pier 39", "Hwy 9 yard"; a forklift is what hit it, not where)
    r"|exam|rm|suite|taproom|pier|route|rte|rt|hwy|highway|stop|walk-in|walkin"
    # ("A-frame 7": the rack slabs stand on)
    r"|a-frame|a\s+frame|slab\s+rack"
    # ("tray line 3", "line 2": a production or packing line)
    r"|(?:tray|production|packing|pack|assembly|bottling|prep|filling)\s+line"
    # ("wheel on edger 3", "oven 3 ran hot", "mach 221", "reefer 3 died": a machine by its
    # number, where the goods were; round 285 read 3 wheels, sure)
    r"|edger|oven|mixer|machine|mach|kiln|reefer|lathe|press|fryer|roaster|printer)"
)
# A number right after a container or a place in the singular ("pallet 3 SKU-12", "tote 45")
# names that container: it may not be a count at all, so a quantity read there is never sure.
_ID_BEFORE = re.compile(
    rf"\b(?!transit\b)(?:{_LOC_HEAD}|pallet|skid|tote|case|carton|box|crate|bag|drum|container|tray|cage"
    rf"|bin|load|delivery|shipment|batch)\s*(?:\#|no\.?|number)?\s*$"
    # "defective batch: 12 CHG65W": the batch's number, or how many of the goods?
    r"|\b(?:batch|lot)\s*:\s*$",
    _I,
)
_LOC_MOD = (
    r"(?:back|front|main|north|south|east|west|northern|southern|cold|dry|upper|lower|loading"
    r"|receiving|shipping|retail|central|old|new|overflow|bulk|returns?|secondary|primary"
    r"|downtown|outdoor|indoor|side|rear|top|bottom|walk-in|frozen|chilled|ambient|quarantine)"
)
_LOC_ID = (
    # "3", "12b", "4-2", "A", "A-12-03", "B12-4C": bin and rack codes are all place
    # ("mezzanine 3x SKU-40": three of them, no place "3x")
    # ("bad news from receiving\n3 ETB cases": a place's number never on the next line)
    r"(?:[ \t]*(?:\#|no\.?|number)?[ \t]*(?:\d+(?:[a-wyz]|x(?!\s))?(?:[-./](?:\d+[a-z]?|[a-z]))*"
    r"|(?-i:[A-Z]{1,3}(?:-?\d+[A-Z]?)?(?:[-./](?:\d+[A-Z]?|[A-Z]))*)"  # ("R-24-B")
    r"|(?-i:[b-hj-wyz]))(?![\w-])"
    # ("from the yard 1 pallet STN-PLT": the count of pallets, not yard 1)
    # ("dock 4 pallet P-2231": a pallet with its own number is no count of pallets)
    r"(?!\s+(?:pallets?|plts?|skids?|cases?|cs|cartons?|ctns?|boxes|box|bags?|crates?|drums?"
    r"|rolls?|units?|pcs|pieces?|ea)\b(?!\s*(?:\#|no\.?)?\s*[a-z]{0,3}-?\d|\s*:)))"
)
# "in transit" is a state, never numbered: "dmg'd in transit 10 PH-A54-BLK" counts 10
_LOC_CORE = (
    rf"(?:(?:{_LOC_MOD}|(?-i:[A-Z][a-zA-Z]+))\s+){{0,2}}{_LOC_HEAD}\b(?:(?<=transit)|{_LOC_ID})?"
)
_LOC_CORE_BARE = (
    rf"(?:(?:{_LOC_MOD}\s+){{0,2}}{_LOC_HEAD}\b(?<!transit){_LOC_ID}"
    rf"|(?:{_LOC_MOD}\s+){{1,2}}{_LOC_HEAD}\b)"
)
_LOC_JOIN = rf"(?:\s*(?:,|in|of|at|inside|on)\s+(?:the\s+)?{_LOC_CORE})?"
_LOCATION = lead(
    "a-z",
    rf"""\b(?:from|at|in|on|inside|near|by|behind|off|out\s+of|within)\s+
         (?:(?:the|our|my|a)\s+)?(?P<loc>{_LOC_CORE}{_LOC_JOIN})
       # ("inside each tray 2 bottles": a count per tray, not tray 2)
       | (?<!\beach\s)(?<!\bevery\s)(?<!\bper\s)(?P<bare>{_LOC_CORE_BARE}{_LOC_JOIN})""",
    _IX,
    word=True,  # a place starts a word: "bay 3" is a place, the end of "ebay 3" is not
)

# -- bad numbers --------------------------------------------------------------------------------

_NEGATIVE = lead(
    r"\-$mn",
    rf"(?:(?<![\w.$-])-\$?|\$\s?-\s?|\bminus\s+\$?|\bnegative\s+\$?)(?P<n>{_NUM_CORE})"
    rf"(?P<rest>\s*(?:{_UNIT}\b|dollars?\b|usd\b))?",
    _I,
)
_SCIENTIFIC = gated(r"(?<![\w.])\$?\d+(?:\.\d+)?e[+-]?\d+(?![\w.])", _I)
_NOT_FINITE = lead(
    "$u@aqni∞",
    rf"(?:\$|\busd\b|@|\bat\b|\bqty\b|\bquantity\b)\s*(?:nan|inf(?:inity)?|∞)\b"
    rf"|\b(?:nan|inf(?:inity)?|∞)\s*(?:{_UNIT}|dollars?|usd)\b|∞",
    _I,
)
_NUMBERISH = gated(r"(?<![\w.,])\d[\d.,]*\d(?![\w])")
_VALID_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")

# -- the reader's other words -------------------------------------------------------------------

_INTENT = re.compile(
    r"\b(?:write[-\s]?off|writeoff|written\s+off|wrote\s+off|writing\s+off|write\s+(?:it|them)"
    r"\s+off|w/o|dispose[ds]?|disposal|toss(?:ed)?|thr(?:ew|own|ow)\s+(?:out|away)|trash(?:ed)?"
    r"|discard(?:ed)?|bin(?:ned)?\s+(?:it|them)|remove[ds]?\s+from\s+(?:inventory|stock)"
    r"|adjust(?:ment)?|loss|lost)\b",
    _I,
)
_QUESTION_START = re.compile(
    r"^\s*(?:how|what|what's|whats|why|when|where|who|which|is|are|was|were|did|does|do|has"
    r"|have)\b",
    _I,
)
# Questions about what already happened: never a new request, numbers or not.
_STATUS_QUESTION = re.compile(
    r"^\s*(?:why|when|where|who|which|is|are|was|were|did|does|has|have)\b"
    # "the write-off for 40 X approved yesterday - has it posted?"
    r"|\b(?:has|have|did|is|was)\s+(?:it|that|this|they|them)\s+(?:been\s+)?"
    r"(?:post|posted|gone\s+through|go\s+through|approved|booked|synced|pushed)\b",
    _I,
)
# Things that are stock: with a reason word they make a request even without numbers.
_GOODS = lead(
    "a-z",
    rf"\b(?:inventory|stock|goods|products?|merchandise|items?|pallets?|shipment|order|lot"
    rf"|{_UNIT})\b",
    _I,
)
_CANCEL = re.compile(
    r"^\s*(?:(?:don'?t|do\s+not|dont)(?!\s+forget)|never\s*mind|nevermind|cancel|scratch\s+that|disregard"
    r"|ignore\s+(?:that|this|my))\b",
    _I,
)
# a message that says nothing is to be written off ("so no need to write those off", "don't
# write them off", "nothing to write off here")
_NOT_TO_WRITE = re.compile(
    r"\b(?:no\s+need\s+to|(?:don'?t|dont|do\s+not|won'?t|will\s+not|shouldn'?t|should\s+not)"
    r"(?:\s+need\s+to)?|nothing\s+to|(?:(?:we'?re|we\s+are|i'?m|i\s+am)\s+)?(?<!\bwhy\s)"
    r"(?<!\bor\s)(?<!\bif\s)not)"
    # ("we're filing a claim with them, not writing these off", round 164)
    r"\s+(?:write|writing|w/o)\s+(?:(?:it|them|those|these|that|this"
    r"|anything|any\s+of\s+(?:it|them|those))\s+)?off\b"
    # "is fine, tech checked it - no write-off needed"
    r"|\bno\s+(?:write[-\s]?offs?|w/o)\s+(?:is\s+|was\s+)?(?:needed|required|necessary)\b"
    # ("not a write-off, just fyi: 3 X have scuffed boxes but they're fine to sell": round
    # 288 drafted a sure loss)
    r"|\b(?:not|isn'?t|is\s+not)\s+a\s+(?:write[-\s]?off|w/o)\b(?!\s+(?:yet|but)\b)",
    _I,
)
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|no|never|isn'?t|wasn'?t|aren'?t|weren'?t|nothing|none)\s+(?:\w+\s+)?$", _I
)
_CORRECTION = lead(
    "amnwscit",
    r"\b(?:actually|make\s+it|no\s+wait|wait(?=\s*,)|sorry|correction|i\s+mean|i\s+meant|typo"
    r"|instead)\b",
    _I,
    word=True,
)
# The books are in dollars (Policy.currency USD): other currencies are not converted.
_FOREIGN_CURRENCY = lead(
    "€£¥₹egcamjyirp",
    r"[€£¥₹]|\b(?:eur|euros?|gbp|cad|aud|mxn|jpy|yen|inr|rupees?|pesos?|c\$|a\$)\b",
    _I,
)
_NUMBER_WORD_IN = re.compile(rf"\b{_NUMBER_WORD}\b", _I)
_OPEN_GATE = gated(r"\b(?:or|some|rest|unless|instead|rather|except)\b", _I)
_OPEN_WORD = re.compile(
    r"\b(?:or(?!\s+(?:so|nrv|net\s+realizable|market|realisable|realizable|replacement)\b)"
    r"(?<!\bcost\sor)|some|(?:the\s+)?rest|unless|instead|rather|except)\b",
    _I,
)
_ADJUSTED = re.compile(
    r"\b(?:adj|adjs|adjust(?:s|ed|ing|ment|ments)?|true[-\s]?up|trued[-\s]?up|revis(?:e|ed|ion)"
    r"|re-?assess(?:ed|ment)?|update[ds]?|recalc(?:ulate[ds]?)?)\b",
    _I,
)
# words that do say which way ("true-up: add $1,800 to the reserve")
_RESERVE_WAY = re.compile(
    r"\b(?:add\w*|increas\w*|top(?:ped)?\s+up|build\w*|provid\w*|boost\w*|rais\w*|bump\w*"
    r"|use|used|using|releas\w*|reliev\w*|charg\w*\s+against|take\s+out|took\s+out|draw\w*"
    r"|reduc\w*|decreas\w*|lower\w*|appl(?:y|ied)|utili[sz]\w*|write\s+off|wrote\s+off)\b",
    _I,
)
_RESERVE_WORD = gated(
    r"\b(?:provisioning|"
    # (the reserve's names, also as typed in a hurry: "reserv", "allowence")
    + "|".join(w for w in RESERVE_NOUNS if w.isalpha())
    + r")\b|\be\s*(?:&|and)\s*o\b",
    _I,
)
# The reserve taken back to income, not used by goods leaving nor built up: a reversal, a
# write-back, a reserve no longer needed or too big ("reverse the provision of $500", "release
# the excess reserve", "the E&O reserve is overstated, bring it down"). "excess and obsolete"
# is the reserve's name, not a surplus.
_RESERVE_BACK = lead(
    "rwtuneobi",
    r"""\b(?:revers(?:e|ed|es|ing|al)|write[\s-]?backs?|writ(?:e|ten|ing)\s+back|wrote\s+back
    |tak(?:e|en|ing)\s+back|took\s+back|unwind|unwound|unwinding
    |no\s+longer\s+(?:needed|required|necessary|an\s+issue)|not\s+(?:needed|required)\s+any\s*more
    |over-?(?:stated|reserved|provided|provisioned|funded)|too\s+(?:high|big|large|much)
    |releas(?:e|ed|es|ing)\b[^.;\n]{0,30}?\bback\b
    # ("release $400 from the reserve": no goods leave; taken back, or used? round 153)
    |releas(?:e|ed|es|ing)
    # ("reduce the reserve by $700", no goods: taken back, or used? round 159)
    |(?:reduc|decreas|lower|cut)(?:e|ed|es|ing|s)?\s+(?:the\s+|our\s+)?(?:[\w&]+\s+){0,3}?
        (?:reserves?|allowances?|provisions?)\b
    |excess(?!\s*(?:and|&|n|/)\s*obs)(?=\s+(?:[\w&]+\s+){0,2}(?:reserve|allowance|provision)s?\b)
    |(?:back\s+)?(?:to|into)\s+(?:income|profit|the\s+p\s*&\s*l|p\s*&\s*l|the\s+p\s*and\s*l))\b""",
    _IX,
)
# Goods or money "moved" or "transferred" into or against a reserve: no direction said
_MOVED_INTO_RESERVE = words(
    # ("slow-moving stock: $3,000 to the inventory reserve" moves nothing)
    r"""(?<![\w-])(?<!slow\s)(?<!fast\s)(?<!non\s)
        (?:move|moved|moving|moves|transfer|transferred|transferring|shift|shifted|reclass
          |reclassed|reclassify|reclassified)\b[^.;\n]{0,60}?\b(?:into|to|against|under)\s+
        (?:the\s+|our\s+)?(?:[\w&]+\s+){0,2}?(?:reserves?|allowances?|provisions?)\b"""
)
# The reserve brought to a balance, not moved by an amount: "increase the reserve to $10,000",
# "bring the E&O allowance up to 12k", "top up the provision to 5,000" (held-out round 148)
_RESERVE_TO_A_BALANCE = words(
    r"""\b(?:increas|rais|bump|bring|brought|top|build|buil|take|took|get|set|adjust|reduc
          |lower|decreas|cut|true|mov)[a-z]*(?:\s+up)?\s+(?:the\s+|our\s+)?(?:[\w&]+\s+){0,3}?
        (?:reserves?|allowances?|provisions?)\s+(?:balance\s+)?(?:up\s+|down\s+)?to\s+
        (?:a\s+(?:total|balance)\s+of\s+)?\$?\s?\d[\d,]*(?:\.\d+)?k?"""
)
# Goods short or missing on arrival: a delivery, a shipment, a receipt, a vendor's short
# shipment, the paperwork that came with it. Beside a shortage they say the goods never reached
# the shelf ("5 SKU-12 short on delivery from supplier", "PO 4471 received short by 5",
# "truck arrived 5 short"); "missing from the receiving area" is stock on hand, and is not here.
_INBOUND = lead(
    "dsiarvpbotcfn",
    r"""\b(?:deliver(?:y|ies|ed)|shipments?|inbound|arriv(?:ed|al|ing|es)|receiv(?:ed|ing)\s+short
    |short[\s-]?(?:ship(?:ped|ping|ment|s)?|deliver(?:ed|y)|receiv(?:ed|ing)|picked)
    |shorted|(?:packing|delivery|dispatch)\s+(?:slip|note|list)|asn|bill\s+of\s+lading
    |(?:the|our|a)\s+(?:vendor|supplier|manufacturer)|vendors?|suppliers?|on\s+the\s+truck
    |from\s+the\s+truck\s+on\s+arrival|never\s+(?:arrived|came|showed\s+up|turned\s+up)
    |p\.?o\.?\s*(?:\#|no\.?|number)?\s*\d+)\b""",
    _IX,
)
# reasons that say goods left the shelf: beside them a reserve is used, not reversed
_GOODS_LEAVE = frozenset((Category.LOSS, Category.SHRINKAGE, Category.CASUALTY))
# a reason word that is part of the reserve's name: "excess and obsolete reserve", "obsolete
# stock provision"
_RESERVE_NAME_AFTER = re.compile(
    r"[\s-]*(?:(?:stock|inventory|goods|items?)\s+)?(?:reserves?|allowances?|provisions?)\b", _I
)


def _reserve_name_word(s: str, h: _Hit) -> bool:
    return _RESERVE_NAME_AFTER.match(s, h.start + len(h.keyword)) is not None


_DIGIT = re.compile(r"\d")
_ALNUM = re.compile(r"[a-z0-9]", _I)
# letters glued to a number left over ("5G", "25cu", "1080p"): a spec, not a unit the reader knows
_GLUED = re.compile(r"[a-z]+(?:\d\w*)?", _I)
_LEFTOVER_NUMBER = lead_num(rf"{_NUM}|{_NUMWORDS}", _I)
_WS = re.compile(r"\s+")
# a cheap gate before the bounds' pattern: a comparison word or sign beside a figure
_BOUND_GATE = lead(
    r"tlmuoabpenswx<>≤≥",
    r"(?:\b(?:than|least|most|up\s+to|over|under|above|below|beyond|past|exceed\w*"
    r"|(?:max\w*|min\w*|excess|upwards?|north|south)(?:\s+of)?)\.?|[<>≤≥]=?)"
    r"\s*(?:(?:about|around|approx\.?|roughly)\s+)?\$?\s?\d",
    _I,
)


# ===============================================================================================
# Entry point
# ===============================================================================================


def _as_read(names: Mapping[str, str]) -> Mapping[str, str]:
    return _names_as_read(tuple(names.items()))


@lru_cache(maxsize=16)  # (a company's item list: the same for every message)
def _names_as_read(names: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The item list's names cleaned as a message is ("6-1/2\"" -> "6.5 inches"), so a name
    typed as printed matches the message read."""
    return {sku: measures.spelled(_clean(name)) for sku, name in names}


_GLUED_G = re.compile(r"\d\s?g\b", _I)


def read_requests(
    text: str,
    policy: Policy,
    known: Collection[str] = (),
    priced_by: Callable[[str], str | None] = lambda sku: None,
    names: Mapping[str, str] | None = None,
) -> list[Facts]:
    """Every write-off request in `text`, as Facts. Raises DraftError (with an example of a
    request) for text that asks for none: empty, a greeting, a question, a cancellation.
    `known`: the SKUs of the item list, read however they are typed and preferred over other
    codes; `priced_by`: the measure the item list prices a SKU by ("foot"), if any."""
    if not isinstance(text, str) or not text.strip():
        raise DraftError(HELP)
    if len(text) > MAX_TEXT:
        raise DraftError(
            f"That message is {len(text):,} characters; please keep a request under "
            f"{MAX_TEXT:,} characters (one write-off per line)."
        )
    reasons = _reason_index(policy)
    # the caches of texts read several times within one message start empty for each: a
    # message seen before is read again, so no figure (make bench's included) counts on
    # messages repeating
    reasons.new_message(names or {}, text)
    _LIST_NAMES.names = names.values() if names else ()
    _LIST_NAMES.by_sku = names or {}
    packs.new_message()
    # ("CAS220-9404 (not the 8505!) 5 stained": the other goods' figure, no count; round 281)
    spelt_out = measures.spelled(_clean(text))
    low_spelt = spelt_out.lower()
    if " the " in low_spelt and ("not" in low_spelt or "vs" in low_spelt):
        spelt_out = _NOT_THE_FIGURE.sub(r"\g<1>#\g<2>", spelt_out)
    clean = items.canonical(spelt_out, known, names)
    if names and ("X" in clean or "x" in clean):
        clean = _model_words_kept(clean, names)
    # (a code read from part of it, or from its figures alone, is a guess to confirm)
    partial = (
        {**items.figure_codes(spelt_out, known), **items.partial_codes(spelt_out, known)}
        if known
        else {}
    )
    if _GLUED_G.search(clean) and any(
        priced_by(code) in ("gram", "kg") for code, *_ in _sku_codes(clean, known) if code in known
    ):
        clean = measures.grams(clean)  # "6.5g of CH18-ROPE-G" priced per gram
    # "4 Rule 1100 bilge pumps": goods named as the item list names them, read as its code
    by_name = itemnames.rewrite(clean, _as_read(names), reasons.said) if names else None
    if by_name is not None:
        clean = by_name.text
    if names:
        # "9 (4pk)" of a "..., 4pk" line: 9 packs (after the names are read as codes, so the
        # goods said by name count: "2 cs of Northpaw DIPA (6 4pks/cs)")
        clean = packs.unit_echoed(clean, names)
    clean = reasons.join_phrases(_reserve_it(_reserve_verb(clean)))
    # "2 dozne": a pack word misspelled after a count, read as meant (shown, a small cost)
    spelled = unitspell.respell(clean)
    clean = spelled.text
    # "SKU-12 -3, SKU-77 +6": a count sheet's signed differences, read as short / over
    signed = signs.rewrite(signs.over_by(clean), lambda s: _another_story(s, reasons, known), known)
    clean = signed.text
    # "12 SKU-40 and 8 SKU-77, $642 and $670 respectively": each part takes its own amount
    paired = respective.rewrite(clean, lambda s: _other_values(s, reasons))
    clean = paired.text
    # "cases of SKU-410: 3 (12/cs)": the count said after its container, put before it
    first = containers.rewrite(clean, known)
    clean = first.text
    # "6 X damaged -- sorry, make that 8": the count meant, in place of the one taken back
    fixed = selffix.rewrite(clean) if selffix.may_correct(clean) else None
    if fixed is not None:
        clean = fixed.text
    typo = lookalike.find(items.hidden(clean, known))
    if typo:
        raise DraftError(lookalike.refusal(typo))
    # "system says 50, only 38 on shelf": the difference is read, the two figures are not
    # ... unless its sentence tells another story: "expected 40, found 12 broken" is damage
    # "LRS-12 system 8 cs, counted 7 cs + 5": a count in cases and loose pieces, in pieces
    in_pieces = packcounts.rewrite(clean, names) if names else packcounts.Rewritten(clean)
    clean = in_pieces.text
    clean_read, differences = counts.rewrite(
        _dozens_per_container(clean), lambda s: _another_story(s, reasons, known, _COUNTED_LOSS)
    )
    # "received 40 SKU-12, 4 were cracked": the 40 arrived, the 4 are written off
    arrived: list[arrivals.Arrival] = []
    if _ARRIVAL_GATE.search(clean_read):
        clean_read, arrived = arrivals.rewrite(
            clean_read, lambda s: _another_story(s, reasons, known)
        )
    # "anything over $1,000 needs sign-off", "under $50 each": a bound is no amount
    found_bounds = bounds.find(clean_read) if _BOUND_GATE.search(clean_read) else []
    # a rule is no part of the request; a report's filter ("over $500") still tells a report
    asked = bounds.blank(clean_read, [b for b in found_bounds if b.rule])
    clean_read = bounds.blank(clean_read, found_bounds)
    masked = _blank_line_count(items.masked_around_codes(clean_read, known, _mask))
    # "received 40 X, all good, no damage": every reason named is denied, nothing asked
    said = _reason_said(masked, reasons)
    # ("mark down 20 cs X from 19.08 to 12/cs, selling to the outlet": a write-down's sale)
    write_down = said and any(
        h.category is Category.WRITE_DOWN and not _negated(masked, h) for h in reasons.hits(masked)
    )
    quiet = items.hidden(asked, known)
    if names:
        quiet = chatter.goods_words_quiet(quiet, names.values())
    not_asked = chatter.answer(
        asked, said, write_down, quiet, lambda part: _reason_said(part, reasons)
    )
    if not_asked:
        raise DraftError(not_asked)
    if not said and reasons.mentioned(masked) and not _INTENT.search(masked):
        # "got 24 X in today, no breakage": every reason named is denied, nothing asked
        raise DraftError(
            "That reads like goods with nothing wrong with them ("
            + _denied(masked, reasons)
            + "), not a write-off. "
            + chatter.DOES
        )
    low_clean = clean.lower()
    denied = _NOT_TO_WRITE.search(clean) if "off" in low_clean or "w/o" in low_clean else None
    if denied and not _INTENT.search(_blank(clean, *denied.span())):
        # "vendor is crediting us $212 for the dented cola so no need to write anything off"
        raise DraftError("Nothing to draft: that message says not to write anything off.")
    pieces = _pieces(masked, reasons, known)
    injected = _drop_instructions(pieces, reasons)
    header, groups = _group(pieces)

    # "cycle count: A short 6, B over 10": the heading is said for every request after it
    # "4 A short, 2 B over": lines of one count, each with its own direction
    counted = len(groups) > 1 and _count_said(pieces, reasons)
    read, cancelled = _read_groups(
        groups, clean, reasons, frozenset(known), header, counted, priced_by
    )
    if not read:
        if cancelled:
            raise DraftError("Nothing to draft: that message says not to write anything off.")
        raise DraftError(HELP)
    if len(read) > MAX_REQUESTS:
        raise DraftError(
            f"That message has {len(read)} write-offs; please send at most {MAX_REQUESTS} "
            "per message."
        )
    read = _share(read, header + _story_said_once(groups, reasons, known), reasons)
    read = _same_kind_twice(_tags_dropped(read))
    read = _share_of_another(read, clean)
    if differences or arrived:
        read = [_count_notes(f, [*differences, *arrived]) for f in read]
    talk = chatter.past_talk(clean)
    if talk and not any(f.sku or f.quantity for f in read):
        raise DraftError(talk)  # "that's $900 gone this year": a figure, not goods to write off
    remark = chatter.remark(clean)
    if remark and not any(f.sku or f.quantity for f in read):
        # "last year's count had us short $4,100 total, hoping it's better this time lol": a
        # figure remembered, no goods to write off
        raise DraftError(
            "That reads like a remark about a past loss, not a request to write something off "
            "now. " + chatter.DOES
        )
    # "we lost 6 SKU-77 in the flood in March": goods counted, maybe a late report: ask
    doubt = (
        remark
        or (talk and chatter.PAST_TALK_DOUBT)
        or asides.cost_beside_goods(clean)  # "repair quote $500": maybe not the goods' value
        or errands.doubt(clean)  # "reorder 12 X, the last lot was broken": maybe goods bought
        or adjust.unclear(clean)  # "$45 each plus tax", "less 10% discount": the cost unsure
        or _all_but(clean)  # "all but 4 of the 12": the count is what is left out
    )
    if doubt:
        read = [replace(f, unclear=(*f.unclear, doubt)) for f in read]
    # "3 or 4 rolls barbed wire" of "... 4-Point Barbed Wire": a choice of counts said before
    # the name's figures were taken as the name's; still which number is meant?
    if " or " in text.lower():
        either = hedges.number_choice(text)
        if either and not any(either in d for f in read for d in f.doubts):
            read = [replace(f, doubts=(*f.doubts, either)) for f in read]
    # "3 cs A spoiled, or maybe it was B": which item? said across parts, doubts every draft
    choice = hedges.code_choice(clean) if len(read) > 1 else []
    if choice:
        read = [
            f if choice[0] in f.doubts else replace(f, doubts=(*f.doubts, *choice)) for f in read
        ]
    # "4 X missing - found them", "already booked", "repaired", "short shipped by the vendor":
    # the message takes its loss back or puts it elsewhere (reading.settled)
    # ... or says the goods will expire, not that they have: no routine loss yet
    undone, early = settled.read(clean, lambda s: reasons.mentioned(_mask(s)))
    if undone:
        read = [replace(f, doubts=(*f.doubts, undone)) for f in read]
    if early:
        read = [
            replace(f, unclear=(*f.unclear, early)) if f.category in (Category.LOSS, None) else f
            for f in read
        ]
    # "scratch and dent: 3 X with torn tags": goods moved to seconds are still for sale; with
    # no new value said, a loss of their whole cost is not sure (round 338 drafted one at 0.97)
    if "dent" in clean.lower() or "s&d" in clean.lower():
        seconds = _SECONDS_SAID.search(clean)
        if seconds:
            why = (
                f"'{seconds.group(0)}': still for sale at a lower price? A write-down needs "
                "the new value"
            )
            read = [
                replace(f, unclear=(*f.unclear, why)) if f.category is Category.LOSS else f
                for f in read
            ]
    # "donating the 24 X to the college next month": a gift not made yet
    planned = settled.planned_gift(clean)
    if planned:
        read = [
            replace(f, unclear=(*f.unclear, planned)) if f.category is Category.DONATION else f
            for f in read
        ]
    # "reduce the E&O reserve by $500, no longer needed": the reserve let go, no goods out
    let_go = any(f.category is Category.RESERVE_WRITE_OFF for f in read) and (
        settled.reserve_not_used(clean)
    )
    if let_go:
        read = [
            replace(f, unclear=(*f.unclear, let_go))
            if f.category is Category.RESERVE_WRITE_OFF
            else f
            for f in read
        ]
    # "12 damaged per week": how many weeks? Not a count the reading can stand behind
    # (booked already, "duplicate of yesterday's": reading.settled, above)
    rate = repeats.per_period(clean)
    if rate:
        each = f"'{rate}': a count per period; how many in all?"
        read = [replace(f, unclear=(*f.unclear, each)) for f in read]
    # "top it up by $800": raising something the message never named (a reserve named before
    # was read as "the reserve" above): which account is in doubt
    raised = _RAISED_IT.search(clean) if " it" in clean else None
    if raised:
        what = f"'{_WS.sub(' ', raised.group(0))}': raise what? If it is a reserve, name it"
        read = [replace(f, doubts=(*f.doubts, what)) for f in read]
    read = _reference_notes(read, clean_read, masked)
    read = _restated(read)
    if len(read) > 1:
        read = _reserve_moved_before(read)
    if len(read) > 1:
        read = _total_of_every_line(read)
        read = _reserve_for_every_part(read)
        if len(read) == 2 and _one_provision(*read):
            # "4 X are obsolete, so increase the reserve by $4,960 to cover them": the goods
            # the reserve is for, then its money: one provision, the money's
            read = [read[0] if read[0].total is not None else read[1]]
    read = _event_for_every_part(read, clean)
    if _FIRE_SERVICE.search(clean):
        read = [_fire_service_named(f) for f in read]
    if len(read) > 1:
        read = _event_said_apart(read, clean)
    read = _per_container_unread(read, clean)
    read = _donated_among(read)
    if len(read) > 2:
        read = _head_count_split(read)
    if names:
        read = _reserve_count_or_dollars(read, clean, names.values())
    read = _given_along(read)
    # A word that leaves a choice or a share open ("or", "some", "the rest", "unless",
    # "instead", "except"), which no reading above took up, may change the entry: never sure
    loose = _OPEN_WORD.search(items.hidden(clean, known)) if _OPEN_GATE.search(clean) else None
    # a later part that is only a bare number ("..., 780 gone") may be the first part's
    # amount said again, not a count of its own: none of the parts is sure
    bare = next((f for f in read[1:] if any(g.message == NO_UNIT_NO_SKU for g in f.guesses)), None)
    if bare is not None:
        again = f"'{bare.source_text.strip(' ,.')}': another count, or the amount said again?"
        read = [replace(f, unclear=(*f.unclear, again)) for f in read]
    # a hedge is the writer's doubt about what they report, whichever part it stands in: "2
    # RG-1042 and 1 PD-77C damaged or stolen, not sure which"
    if len(read) > 1 and any(f.doubts for f in read):
        unsure = hedges.hedges(items.hidden(clean, known))
        if unsure:
            read = [f if f.doubts else replace(f, doubts=(*f.doubts, *unsure)) for f in read]
    # "3 CC-SLK-L chewed, and a few SLK-SOFT-S too": listed goods with no count, left out of
    # every part (round 342 drafted the first part alone, sure)
    if known and not any(f.doubts for f in read):
        vague = hedges.vague_code_count(items.hidden(clean, known))
        if vague:
            read = [replace(f, doubts=(*f.doubts, vague)) for f in read]
    # two codes as a choice across the message's parts ("1 MON0 broken, or maybe MONXL")
    choice = hedges.code_choice(clean) if loose else []
    if choice and not any(f.doubts for f in read):
        read = [replace(f, doubts=(*f.doubts, *choice)) for f in read]
    elif loose and not any(f.doubts or f.unclear for f in read):
        left_open = f"I did not take '{loose.group(0)}' into account: check the entry"
        read = [replace(f, unclear=(*f.unclear, left_open)) for f in read]
    if found_bounds:
        limits, counts_bound = bounds.unclear(found_bounds), bounds.doubts(found_bounds)
        read = [
            replace(f, unclear=(*f.unclear, *limits), doubts=(*f.doubts, *counts_bound))
            for f in read
        ]
    if injected:
        note = Guess(
            "Ignored an instruction to use specific accounts ("
            + "; ".join(f"'{s}'" for s in injected[:2])
            + "); the company policy picks the accounts",
            P_INJECTION,
        )
        read = [replace(f, guesses=(*f.guesses, note)) for f in read]
    if signed.found:
        read = [_sign_notes(f, signed) for f in read]
    if first.notes or in_pieces.notes:
        read = [replace(f, notes=(*f.notes, *first.notes, *in_pieces.notes)) for f in read]
    if in_pieces.unsized:
        # "sys 8 cs, counted 7 cs + 5" of goods no one said the case size of: not a count
        # the reader can take a difference of
        asked = "; ".join(f"'{u}'" for u in in_pieces.unsized[:2])
        read = [
            replace(
                f,
                guesses=(*f.guesses, Guess(f"a count in cases and loose pieces: {asked}", 0.5)),
                unclear=(*f.unclear, f"How many to a case in {asked}? Say '12/cs'"),
            )
            for f in read
        ]
    if paired.notes or paired.doubts:
        read = [
            replace(f, notes=(*f.notes, *paired.notes), unclear=(*f.unclear, *paired.doubts))
            for f in read
        ]
    if spelled.notes:
        fixes = tuple(Guess(n, unitspell.P_UNIT_SPELL) for n in spelled.notes)
        read = [replace(f, guesses=(*f.guesses, *fixes)) for f in read]
    if fixed is not None and fixed.notes:
        fixes = tuple(Guess(n, selffix.P_SELF_FIX) for n in fixed.notes)
        read = [replace(f, guesses=(*f.guesses, *fixes)) for f in read]
    if by_name is not None and by_name.matches:
        read = [_named_note(f, by_name.matches) for f in read]
        if len(read) > 1:
            read = _mentions_left_out(read)
    if by_name is not None and by_name.scrubbed:
        read = [_name_figures_note(f, by_name.scrubbed) for f in read]
    if by_name is not None and by_name.unsure:
        read = [_shared_name_note(f, by_name.unsure) for f in read]
    if by_name is not None and by_name.conflicts:
        read = [_conflict_note(f, by_name.conflicts) for f in read]
    if by_name is not None and by_name.ambiguous:
        if len(read) > 1:
            read = [_own_goods(f, by_name.ambiguous) for f in read]
        read = [_ambiguous_name_note(f, by_name.ambiguous, len(read) == 1) for f in read]
    if partial:
        read = [_partial_code_note(f, partial) for f in read]
    return read


P_PARTIAL_CODE = 0.1


def _partial_code_note(facts: Facts, partial: Mapping[str, str]) -> Facts:
    """A guess on a draft whose code was read from part of it ("QP-405" of QP405-BLK)."""
    said = partial.get(facts.sku or "")
    if said is None:
        return facts
    note = Guess(
        f"Read '{said}' as {facts.sku}, the item list's code it is part of", P_PARTIAL_CODE
    )
    return replace(facts, guesses=(*facts.guesses, note))


def _counted_in(text: str, said: str) -> bool:
    """Whether `said` stands in `text` as counted goods: a count a word or two before or
    after it ("bic lighters 12 broken", "12 bic lighters"), not a place ("at the kiosk")."""
    word = re.escape(said.lower())
    return (
        re.search(
            rf"(?<![\w.$])\d+(?:\.\d+)?\s+(?:[a-z]+\s+)?{word}(?!\w)"
            rf"|(?<!\w){word}\s+(?:[a-z]+\s+)?(?:x\s*)?\d+(?![\w.,/]\d)",
            text.lower(),
        )
        is not None
    )


def _own_goods(facts: Facts, ambiguous: Sequence[itemnames.Match]) -> Facts:
    """ "usb chargers 5 broken, bic lighters 12 broken": a part that names goods of its own
    by a word of another item's name is not the other parts' item (it took the chargers')."""
    inherited = [g for g in facts.guesses if g.message.startswith(_INHERITED_SKU)]
    if not inherited or not any(
        _counted_in(facts.source_text, m.said) and facts.sku not in m.of for m in ambiguous
    ):
        return facts
    kept = tuple(g for g in facts.guesses if g not in inherited)
    return replace(facts, sku=None, guesses=kept)


# "add $600 to the obsolescence reserve and write off 2 old X against it", "top up the E&O
# reserve $300 and take 10 old decanters out of it": "it" is the reserve said before (the
# second request was read alone, as a loss)
_RESERVE_SAID = re.compile(r"\b(?:reserves?|allowances?|provisions?|e\s?(?:&|and)\s?o)\b", _I)
_RESERVE_IT = re.compile(
    r"\b(?:against|out\s+of|rel(?:ie|ei)ve[sd]?|rel(?:ie|ei)ving|release[sd]?|releasing"
    r"|draw(?:ing)?\s+down|deplete"
    r"|charged?\s+(?=it\s+against\b)"
    # ("add 500 to the obsolescence reserve, then charge 2 REG-AR-FM to it": round 234)
    r"|\b(?:charge[sd]?|charging)\s+(?:[\w$.,-]+\s+){0,3}?[\w$.,-]+\s+to"
    # ("... and separately use it for 2 X": not "can't use it")
    # ("top up the E&O reserve by $500 and use it to scrap the 20 old X": round 355)
    r"|(?<!t\s)(?:use|using)(?=\s+it\s+(?:for|on|to\s+(?:cover|scrap|write|w/o|toss|bin|dump|junk)"
    r"|against)\b)"
    # ("add $1,500 to the reserve, then use $600 of it for the old stock")
    r"|\b(?:use|using|used|take|took|draw|drew|pull|pulled)\s+\$?\s?\d[\d,.]*k?\s+(?:of|from)"
    # building it: "then top it up by $800", "add $800 to it", "increase it by $500"
    r"|\b(?:top|topped|topping|bump|bumped|build|built|beef|beefed)(?=\s+it\s+up\b)"
    r"|\b(?:add|added|adding|put|putting)\s+(?:another\s+|an?\s+extra\s+)?\$?\s?\d[\d,.]*k?"
    r"\s+(?:to|into|in)"
    r"|\b(?:increase[sd]?|increasing|raise[sd]?|raising)(?=\s+it\s+by\b))\s+it\b",
    _I,
)


# "reserve $4,000 for slow movers", "pls reserve 2.5k against the old stock": to reserve (or
# provide) an amount for goods is to build the reserve; read as "put $4,000 into the reserve
# for": said of the goods, "against" is what the reserve is for, not the reserve drawn on
_RESERVE_VERB = re.compile(
    r"(?P<lead>^\W*|(?<=[.;:!\n])\s*|\b(?:please|pls|plz|need\s+to|let'?s|can\s+you"
    r"|go\s+ahead\s+and|want\s+to|going\s+to|we\s+should|should)\s+)"
    r"(?:reserve|provide|provision)\s+"
    r"(?P<amount>\$\s?\d[\d,]*(?:\.\d+)?\s?k?|\d[\d,]*(?:\.\d+)?\s?k\b|\d{1,3}(?:,\d{3})+(?:\.\d\d)?)"
    r"\s+(?:for|against|toward|towards)\b",
    _I,
)


def _reserve_verb(text: str) -> str:
    """`text` with "reserve $N for ..." (the verb) read as "put $N into the reserve for", and
    "reserve +$3,400" (money added to it) as "reserve, add $3,400"."""
    low = text.lower()
    if "reserve" not in low and "provi" not in low and "allowance" not in low and "e&o" not in low:
        return text
    if "+" in text:
        # ("Q4 provision: obsolescence reserve +$3,400": more of it, round 179; "the E&O
        # reserve + the 8 obsolete X" adds nothing, round 185)
        text = _RESERVE_PLUS.sub(lambda m: f"{m.group(1)} add {m.group(2)}", text)
    text = _PROVIDE_FOR_AMOUNT.sub(lambda m: f"put {m.group('amount')} into the", text)
    return _RESERVE_VERB.sub(
        lambda m: f"{m.group('lead')}put {m.group('amount')} into the reserve for", text
    )


# "provide for 1,200 in the obsolescence reserve for slow-moving art books": the amount the
# reserve is provided with (round 231 read 1,200 books)
_PROVIDE_FOR_AMOUNT = re.compile(
    r"\bprovide\s+for\s+(?P<amount>\$?\s?\d[\d,]*(?:\.\d+)?\s?k?)\s+(?:in|into|to)\s+the\b(?=\s+"
    r"(?:[\w&]+\s+){0,2}(?:reserves?|allowances?|provisions?)\b)",
    _I,
)


_RESERVE_PLUS = re.compile(
    r"\b((?:reserves?|allowances?|e\s*&\s*o|provisions?))\s*\+\s*(\$\s?\d[\d,]*(?:\.\d+)?k?)", _I
)


def _reserve_it(text: str) -> str:
    """`text` with "it" after a verb of using or building a reserve named before read as that
    reserve."""
    said = _RESERVE_SAID.search(text) if " it" in text else None
    if said is None:
        return text
    return _RESERVE_IT.sub(
        lambda m: m.group(0)[:-2] + "the reserve" if m.start() > said.start() else m.group(0),
        text,
    )


_RAISED_IT = re.compile(
    r"\b(?:top|topped|topping|bump|bumped|build|built|beef|beefed)\s+it\s+up\b"
    r"|\b(?:add|added|adding)\s+(?:another\s+|an?\s+extra\s+)?\$?\s?\d[\d,.]*k?\s+(?:to|into)\s+it\b"
    r"|\b(?:increase[sd]?|increasing|raise[sd]?|raising)\s+it\s+by\b",
    _I,
)


# "half of em squashed ... so 2 cs worth tossed": a sum-up of the part before it
_SUMMING_UP = re.compile(r"^\W*(?:so|that'?s|thats|i\.?e\.?|which\s+is|in\s+all|total)\b", _I)


# a later part that says the same count again in words of its own: "all 36 no good", "scrap
# all 25", "count is over by 2", "we have 2 fewer than the system", "shelf count is one more
# than the books"
_COUNT_SAID_AGAIN = re.compile(
    r"\ball\s+(?:\d+|of\s+(?:them|those|the\s+\d+))\b"
    r"|\b(?:count(?:'s|\s+is|\s+was)?|we'?re|we\s+are|we\s+have|we\s+had|shelf\s+count(?:\s+is)?)"
    r"\s+(?:\w+\s+){0,3}?(?:over|off|short|under|up|down|more|fewer|less|surplus)\b"
    r"|\b(?:more|fewer|less)\s+than\s+(?:on\s+|in\s+)?(?:the\s+)?(?:books|system|records)\b"
    # a part that is only the count's way and the count, after a count that said it
    # ("X system 9 counted 8. short 1, no idea where it went"), or only the verb and the count
    # after the goods ("X 300 bags defective, valves glued shut. scrap 300"): round 291 drafted
    # each twice
    r"|^\W*(?:short|over|under|off|up|down)\s+(?:by\s+)?\d+(?:\.\d+)?\b(?!\s*(?:more|other|else))"
    r"|^\W*(?:pls\s+|please\s+|so\s+)?(?:scrap|scrapping|toss|tossing|trash|bin|dump|junk"
    r"|chuck|kill|w/?o|write\s+off)"
    r"\s+(?:all\s+|the\s+|those\s+|these\s+|em\s+|them\s+)?\d+(?:\.\d+)?"
    # ("scrap the 6 bad pails pls", "scrap the 2 pks", "scrapping 5": round 308 drafted each
    # twice)
    r"(?:\s+(?:bad\s+|damaged\s+|busted\s+|ruined\s+)?(?:pcs?|units?|ea|of\s+(?:them|em)"
    r"|[a-z]{2,10}))?(?:\s+(?:pls|please|thx|thanks))?\W*$",
    _I,
)


# the guess a plain amount beside a count leaves (taken back where a heading says what it is)
_PRICE_OR_TOTAL = "could be the price per unit or the total"


def _said_again(prev: Facts, f: Facts) -> bool:
    """Whether `f` only says `prev`'s count again ("3 cs (12/cs) X cracked, all 36 no good"):
    the same goods and count, the same story or a count's own way of telling it."""
    if f.quantity is None or f.total is not None:
        return False
    if f.quantity != prev.quantity and not _the_pieces_of_what_was_counted(prev, f):
        return False
    if f.sku != prev.sku or f.unit_cost not in (None, prev.unit_cost):
        return False
    same_story = (
        f.category is prev.category
        or (f.category in _COUNT_WAYS and prev.category in (*_COUNT_WAYS, None))
        # ("1 cs fell off the conveyor, all 6 gone": the case's bottles are gone as broken)
        or (prev.category is not None and f.reason in ("gone", "lost"))
    )
    return same_story and bool(_COUNT_SAID_AGAIN.search(f.source_text))


_FIGURE = re.compile(r"(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\w|[.,/-]\d)")


def _difference_of_the_pair(prev: Facts, f: Facts) -> Decimal | None:
    """The difference `f` states of the two figures `prev` said, a count and the books ("X
    120 ft, books say 150" then "30 ft short"; "count 9 vs system 7" then "found 2 extra"),
    when `prev` read one of them as its count: the one write-off's count. Else None."""
    if f.sku != prev.sku or f.category not in _COUNT_WAYS:
        return None
    if prev.category not in (*_COUNT_WAYS, None) or prev.quantity is None:
        return None
    if f.total is not None or f.unit_cost is not None or prev.total is not None:
        return None
    said = [Decimal(m.group().replace(",", "")) for m in _FIGURE.finditer(f.source_text)]
    if f.quantity is not None:
        said = [f.quantity]
    figures = [Decimal(m.group().replace(",", "")) for m in _FIGURE.finditer(prev.source_text)]
    if len(said) != 1 or len(figures) != 2 or prev.quantity not in figures:
        return None
    diff = abs(figures[0] - figures[1])
    return diff if diff == said[0] and diff > 0 else None


def _pair_after_its_difference(prev: Facts, f: Facts) -> bool:
    """Whether `f` states the two figures (the books and the count) whose difference `prev`
    said: "count short 1, system has 22 we have 21", "off by 1, books 14 we have 13"."""
    if prev.category not in _COUNT_WAYS or prev.quantity is None or prev.quantity <= 0:
        return False
    if f.sku not in (None, prev.sku) or f.category not in (*_COUNT_WAYS, None):
        return False
    if f.total is not None or f.unit_cost is not None or prev.total is not None:
        return False
    figures = [Decimal(m.group().replace(",", "")) for m in _FIGURE.finditer(f.source_text)]
    return len(figures) == 2 and abs(figures[0] - figures[1]) == prev.quantity


def _the_pieces_of_what_was_counted(prev: Facts, f: Facts) -> bool:
    """Whether `f` counts the pieces in `prev`'s containers of the list's size: "X 1 case
    crushed corner, all 24 cans dented" of "..., case of 24" (round 305 drafted both)."""
    name = _LIST_NAMES.by_sku.get(prev.sku or "")
    if name is None or prev.quantity is None or f.quantity is None:
        return False
    held = packs.container(prev.unit or "")
    if held is None:
        # ("X 1 flat fell off the cart": the container word the reading left beside the count)
        after = re.search(rf"(?<![\d.]){_fmt(prev.quantity)}\s+([a-z]+)", prev.source_text, _I)
        held = packs.container(after.group(1)) if after else None
    if held is None:
        return False
    sized = packs.size_of(name)
    if sized is None or sized[0] != held or packs.container(f.unit or "") == held:
        return False
    return f.quantity == prev.quantity * sized[1]


# a reserve moved in the past, told as what was done: "we took $900 out of the reserve last
# month", "we added $2k to the E&O reserve in Q2"
_RESERVE_MOVED_BEFORE = re.compile(
    r"\b(?:we|i|they|finance|accounting)\s+(?:already\s+)?(?:took|used|added|booked|pulled"
    r"|put|released|drew|charged|built|topped|raised|increased|relieved)\b"
    r"[^.;\n]{0,80}?\b(?:last\s+(?:week|month|quarter|year|time)|yesterday|earlier"
    r"|(?:weeks|months|days)\s+ago|in\s+q[1-4])\b",
    _I,
)


def _reserve_moved_before(read: list[Facts]) -> list[Facts]:
    """`read` without a reserve part told as done before ("we took $900 out of the reserve
    last month"), beside a part that asks for a move now ("now top it up by $900 again"):
    the story's background, not a second entry (round 189 drafted both at 0.97). What is
    left is never sure: the background could be a move not yet booked."""
    reserve = (Category.RESERVE_WRITE_OFF, Category.RESERVE_PROVISION)
    before = [
        f for f in read if f.category in reserve and _RESERVE_MOVED_BEFORE.search(f.source_text)
    ]
    if not before or len(before) == len(read):
        return read
    told = "; ".join(f"'{f.source_text.strip()}'" for f in before)
    note = f"Left out {told}: told as done before. Say if it still needs booking"
    return [replace(f, unclear=(*f.unclear, note)) for f in read if f not in before]


def _named_only(f: Facts) -> bool:
    """Whether `f`'s goods were found by a word of the list's name alone, with no count or
    money of their own: "wont take a 2H nut", "past the 90 days so leviton wont credit",
    "soaked in haze fluid", "honey gate housing cracked"."""
    by_name = f" as {f.sku} {BY_ITS_NAME}: no code was given"
    if f.sku is None or not any(g.message.endswith(by_name) for g in f.guesses):
        return False
    if f.total is not None or f.unit_cost is not None or f.new_unit_value is not None:
        return False
    implied = any(
        g.message.startswith(NO_COUNT_GIVEN) or g.message.endswith("beside the SKU as 1 unit")
        for g in f.guesses
    )
    return f.quantity is None or (implied and f.quantity == 1)


# one more of the goods, listed after counted ones: "2 BON-CJ-32 and a dramm nozzle", "5
# ladles and a 40qt stock pot" (round 312 left the second out)
_LISTED_AFTER = re.compile(r"(?:\band|&|\+|\bplus)\s*$", _I)
_ONE_LISTED = re.compile(r"\s*(?:a|an|one)\s", _I)


def _one_more_listed(prev: Facts, f: Facts) -> bool:
    return (
        f.quantity == 1
        and prev.quantity is not None
        and _ONE_LISTED.match(f.source_text) is not None
        and _LISTED_AFTER.search(prev.source_text) is not None
    )


def _mentions_left_out(read: list[Facts]) -> list[Facts]:
    """`read` without the goods only mentioned by a word of their name, with no count or
    money of their own, beside goods named by their code and counted: the story's other
    things (the nut a rod would not take, the maker who will not credit, the fluid the goods
    were soaked in), not write-offs of their own (round 305 drafted seven). What is left is
    never sure: the mention could be goods lost too."""
    coded = [
        f
        for f in read
        if f.sku is not None
        and f.quantity is not None
        and not _named_only(f)
        and "Took '" in " ".join(g.message for g in f.guesses)
    ]
    mentioned = [
        f
        for i, f in enumerate(read)
        if _named_only(f)
        and all(c.sku != f.sku for c in coded)
        and not (i > 0 and _one_more_listed(read[i - 1], f))
    ]
    if not coded or not mentioned or len(mentioned) == len(read):
        return read
    said = "; ".join(f"'{f.source_text.strip(' ,.')}'" for f in mentioned)
    note = f"Left out {said}: goods named with no count of their own. Say if they go too"
    return [replace(f, unclear=(*f.unclear, note)) for f in read if f not in mentioned]


def _restated(read: list[Facts]) -> list[Facts]:
    """`read` without a part that only sums up the part before it: it starts "so", "that's"
    or "i.e." and names the same goods, count and category (one write-off, said twice), or
    says the same count again in words of its own (_said_again)."""
    out: list[Facts] = []
    for f in read:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _SUMMING_UP.match(f.source_text)
            and f.quantity is not None
            and (f.category, f.sku, f.quantity, f.unit_cost, f.total)
            == (prev.category, prev.sku, prev.quantity, prev.unit_cost, prev.total)
        ):
            continue
        if prev is not None and _said_again(prev, f):
            # one write-off: the "said twice" doubt goes, the count's own way wins
            twice = SAID_TWICE.format(sku=f" of {prev.sku}" if prev.sku else "")
            counts_way = f.category in _COUNT_WAYS and not (
                prev.category is not None and f.reason in ("gone", "lost")
            )
            kept = replace(
                prev,
                unclear=tuple(u for u in prev.unclear if u != twice),
                category=f.category if counts_way else prev.category,
                reason=f.reason if counts_way else prev.reason,
            )
            out[-1] = kept
            continue
        if prev is not None and _pair_after_its_difference(prev, f):
            # "X count short 1, system has 22 we have 21": the difference, then the pair it
            # came from: one shortfall (round 312 drafted it twice at 0.77)
            twice = SAID_TWICE.format(sku=f" of {prev.sku}" if prev.sku else "")
            out[-1] = replace(prev, unclear=tuple(u for u in prev.unclear if u != twice))
            continue
        if prev is not None and (diff := _difference_of_the_pair(prev, f)) is not None:
            # "X spool measures out to 120 ft, books say 150. 30 ft short": the pair's
            # figures, then their difference said: one shortfall of 30 (round 309 drafted 150
            # and a second part with no count)
            twice = SAID_TWICE.format(sku=f" of {prev.sku}" if prev.sku else "")
            out[-1] = replace(
                prev,
                quantity=diff,
                unit=f.unit or prev.unit,
                category=f.category,
                reason=f.reason,
                unclear=tuple(u for u in prev.unclear if u != twice),
                guesses=tuple(
                    g for g in prev.guesses if not g.message.startswith("Read the number")
                ),
                notes=(*prev.notes, f"Quantity {_fmt(diff)}: the difference of the figures said"),
            )
            continue
        if prev is not None and (count := _write_down_count(prev, f)) is not None:
            # "valuing them at $48/cake now, we have 22 cakes": the value, then how many
            twice = SAID_TWICE.format(sku=f" of {prev.sku}" if prev.sku else "")
            valued = prev if prev.quantity is None else f
            out[-1] = replace(
                valued,
                quantity=count.quantity,
                unit=valued.unit or count.unit,
                unclear=tuple(u for u in valued.unclear if u != twice),
            )
            continue
        if prev is not None and _one_provision(prev, f):
            # "provide for 2 X going obsolete, add $620 to the E&O reserve": the goods the
            # reserve is for, then the money it moves by: one provision (the money's)
            out[-1] = prev if prev.total is not None else f
            continue
        if prev is not None and _write_down_total_again(prev, f):
            # "write down 20 X from $38.50 to $25, total writedown $270": the total of the
            # write-down just read, which it agrees with: one write-down, said once
            twice = SAID_TWICE.format(sku=f" of {prev.sku}" if prev.sku else "")
            out[-1] = replace(
                prev,
                unclear=tuple(u for u in prev.unclear if u != twice),
                # (the reason may come with the total: "..., total $980 - past the date")
                category=prev.category or f.category,
                reason=prev.reason or f.reason,
                # (a total the reading could not check goes on, for the draft to check)
                total=f.total
                if prev.category is Category.WRITE_DOWN and prev.unit_cost is None
                else prev.total,
            )
            continue
        out.append(f)
    return out


# a part that is only the write-down's total: "total writedown $270", "write-down total $270"
_WD_TOTAL_PART = re.compile(
    r"^\W*(?:(?:the|a|for\s+a)\s+)?(?:(?:line\s+|grand\s+)?total|write[-\s]?down\s+total"
    r"|writedown\s+total"
    r"|mark[-\s]?down\s+total|markdown\s+total)\b",
    _I,
)


def _write_down_total_again(prev: Facts, f: Facts) -> bool:
    """Whether `f` only states the total of the write-down (or the priced count, "7 X at
    $140 each, total $980 - past the date") `prev` worked out, and agrees."""
    if prev.category is not Category.WRITE_DOWN:
        return (
            f.quantity is None
            and f.total is not None
            and f.sku in (None, prev.sku)
            and f.unit_cost is None
            and f.category in (None, prev.category)
            and bool(_WD_TOTAL_PART.match(f.source_text))
            and prev.quantity is not None
            and prev.unit_cost is not None
            and prev.total is None
            and quantize(prev.quantity * prev.unit_cost) == quantize(f.total)
        )
    if f.category not in (None, prev.category):
        return False
    if f.quantity is not None or f.total is None or f.sku not in (None, prev.sku):
        return False
    if f.unit_cost is not None or not _WD_TOTAL_PART.match(f.source_text):
        return False
    if prev.quantity is None or prev.total is not None:
        return False
    if prev.reduction_per_unit is not None:
        per = prev.reduction_per_unit
    elif prev.unit_cost is not None and prev.new_unit_value is not None:
        per = prev.unit_cost - prev.new_unit_value
    else:
        # ("mark down 100 X to $3 each, total write-down $220": the cost is the item list's,
        # which the draft checks the total against; two drafts were made)
        return prev.new_unit_value is not None
    return quantize(prev.quantity * per) == quantize(f.total)


# the goods of every part named again by the last: "relieve the reserve for both", "write them
# off against the reserve"
_EVERY_PART = re.compile(r"\b(?:both|them|all|each|these|those|everything)\b", _I)


def _reserve_for_every_part(read: list[Facts]) -> list[Facts]:
    """`read` with the reserve the last part moves applied to the parts before it, when it
    names all their goods ("obsolete belts A x 9 + B x 22, relieve the reserve for both"): the
    earlier parts were drafted as plain losses, sure."""
    *rest, last = read
    if last.category not in _RESERVES or not _EVERY_PART.search(last.source_text):
        return read
    if any(f.category not in (Category.LOSS, None, last.category) for f in rest):
        return read
    said = f"'{last.reason}' applies to every part"
    return [
        *(
            replace(
                f,
                category=last.category,
                reason=last.reason,
                guesses=(*f.guesses, Guess(said, P_INHERITED)),
            )
            if f.category is not last.category
            else f
            for f in rest
        ),
        last,
    ]


def _total_of_every_line(read: list[Facts]) -> list[Facts]:
    """`read` without the total the last part took when it is every part's ("4 A at $6.10 and
    3 B at $7.25, $46.15 total"): each part is priced, and the total is their sum, not the
    last part's."""
    *rest, last = read
    if last.total is None or any(f.total is not None for f in rest):
        return read
    lines = []
    for f in read:
        if f.quantity is None or f.unit_cost is None:
            return read
        lines.append(quantize(f.quantity * f.unit_cost))
    if lines[-1] == quantize(last.total):
        return read
    if quantize(last.total) != sum(lines):
        # ("4 A at $6.10 and 3 B at $7.25, $50 total": neither B's line nor both; which
        # figure is wrong touches every line)
        odd = (
            f"'${_fmt(last.total)} total' is neither the last line nor all of them: which is right?"
        )
        return [replace(f, unclear=(*f.unclear, odd)) for f in read]
    note = f"${_fmt(last.total)} is the total of the {len(read)} lines"
    return [*rest, replace(last, total=None, notes=(*last.notes, note))]


def _write_down_count(a: Facts, b: Facts) -> Facts | None:
    """Of two parts writing the same goods down, the one that only counts them ("we have 22
    cakes", "15 on hand", its reason taken from the other), when the other gives the new
    value but no count: else None."""
    if a.sku != b.sku or a.sku is None:
        return None
    for valued, count in ((a, b), (b, a)):
        if valued.category is not Category.WRITE_DOWN:
            continue
        # ("write down to NRV $11.00, 60 units (faded)": why they are worth less, aside)
        # ("the 8 scuffed X, write down $3 each", "12 bags close to date, reduce the value by
        # $180 total": the goods and their state, then the write-down of them, its goods
        # taken from the part before; not "the rest", other goods of the same code; round
        # 293 drafted the state as a loss beside the write-down)
        said_first = (
            count is a
            and count.category in (Category.LOSS, Category.WRITE_DOWN)
            and any(g.message.startswith(_INHERITED_SKU) for g in valued.guesses)
            and not _OTHER_ONES.search(valued.source_text)
        )
        if (
            count.category is not Category.WRITE_DOWN
            and not (
                count.category is Category.LOSS and _COUNT_WITH_ITS_WHY.match(count.source_text)
            )
            and not said_first
        ):
            continue
        priced = (
            valued.new_unit_value is not None
            or valued.reduction_per_unit is not None
            or valued.reduction_fraction is not None
            or (said_first and valued.total is not None)
        )
        if (
            priced
            and valued.quantity is None
            and count.quantity is not None
            and (count.unit_cost, count.total, count.new_unit_value) == (None, None, None)
            and count.reduction_per_unit is None
            and count.reduction_fraction is None
            and (
                count.category is not Category.WRITE_DOWN
                or said_first
                or any(g.message.endswith(_APPLIES_TOO) for g in count.guesses)
            )
        ):
            return count
    return None


_OTHER_ONES = re.compile(r"\b(?:rest|others?|remaining|remainder|another|more)\b", _I)
# a part that is only a count and, in brackets, why: "60 units (faded)"
_COUNT_WITH_ITS_WHY = re.compile(r"\W*\d[\d,]*\s*(?:[a-z]+\s*)?\([a-z ,/-]+\)\W*$", _I)


def _one_provision(a: Facts, b: Facts) -> bool:
    """Two parts building the reserve, one naming goods without money, one money alone."""
    if a.category is not Category.RESERVE_PROVISION or b.category is not a.category:
        return False
    money, goods = (a, b) if a.total is not None else (b, a)
    return (
        money.total is not None
        and money.sku is None
        and money.quantity is None
        and goods.total is None
        and goods.unit_cost is None
        and (goods.sku is not None or goods.quantity is not None)
        # (its own words build the reserve: "SKU-77 down 4 to 130 and top up the reserve $500"
        # only took the reserve's word from its sibling, and is a part of its own)
        and not any(g.message.endswith(_APPLIES_TOO) for g in goods.guesses)
    )


_APPLIES_TOO = "applies to this item too"
# a word of what happened that the reader does not know: "chafed", "gelled", "sidewall cuts"
_OWN_WORD_OF_WHAT_HAPPENED = re.compile(
    r"\b(?!(?:need|used|based|listed|priced|counted|labeled|labelled|called|named|marked|stored"
    r"|located|received|shipped|ordered|boxed|packed|stacked|palletized|assorted|mixed|red"
    r"|bed|shed|sized|dated|coded"
    # ("found 300 B in a mislabeled box": why goods turned up, nothing that befell them)
    r"|mislabeled|mislabelled|unlabeled|unlabelled|unmarked|misplaced|mis-?slotted"
    r"|mis-?shelved|misfiled|unopened|unsealed|unused)\b)[a-z]{3,}ed\b"
    r"|\b(?:cuts|dents|tears|holes|cracks|rips|chips|scratches|stains|gouges|punctures)\b",
    _I,
)


def _sku_free(text: str) -> str:
    """`text` with its codes blanked: a code's letters ("RP-DB38-FT") are no words."""
    for _, _, a, b in reversed(_sku_codes(text)):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


_OWN_HEADING = re.compile(r"\s*[a-z][\w '&-]{0,24}:\s")
_THAN_THE_BOOKS = re.compile(
    r"[^.;!?\n]{0,40}?\bthan\s+(?:on\s+|in\s+)?(?:the\s+)?(?:books|system|records|qb|pos)\b", _I
)
_BREAK_ROOM_AFTER = re.compile(r"\s*(?:room|time|area|table|lounge)\b", _I)
_ON_BREAK_BEFORE = re.compile(
    r"\b(?:on|over|during|after|before|from|at)\s+(?:(?:his|her|their|my|our|a|the|lunch|coffee"
    r"|spring|winter|summer|christmas|holiday|xmas|mid-?term|fall|the\s+long)\s+){0,2}$",
    _I,
)
_BROKE_IN_HANDLING = re.compile(
    # ("jonny walker blak 3 broke in back stock": round 251, a break-in)
    r"\s+(?:half|two|pieces|picking|pick|packing|transit|shipping|shipment|handling|storage"
    r"|back\s*stock|backstock|the\s+(?:back|stockroom|cooler|warehouse|walk-?in)\b"
    r"|the\s+(?:move|fall|drop|box|boxes|carton|case|mail|post|wash|machine|process|line"
    r"|cold))\b",
    _I,
)
# someone doing the breaking in: "they broke in the truck", "someone broke in the van"
_SOMEONE_BEFORE = re.compile(
    r"\b(?:some\s*one|some\s*body|they|thieves|burglars?|kids|guys|people|vandals|he|she)\s+$",
    _I,
)
_WE_BEFORE = re.compile(r"\b(?:we|i|they|you|u|customers?)\s+(?:\w+\s+)?$", _I)
# "to a relief charity for the hurricane response": others' disaster, the gift's cause
_EVENT_KEYS = frozenset(
    (
        "hurricane",
        "flood",
        "flooding",
        "fire",
        "fires",
        "wildfire",
        "storm",
        "tornado",
        "earthquake",
    )
)
_AID_AFTER = re.compile(
    # ("the wildfire hay relief drive": a word of what the aid is between)
    r"\s+(?:[a-z]+\s+)?(?:relief|response|victims?|appeal|fund|drive|recovery|efforts?|survivors?|evacuees?"
    r"|shelters?|aid)\b",
    _I,
)


# a code, or its mark, within two words before or after a word
_CODE_BEFORE = re.compile(
    r"(?:\ue000\s*|\b(?=[a-z0-9-]{4,})[a-z0-9-]*\d[a-z0-9-]*)\W+(?:[a-z]+\W+){0,2}$", _I
)
_CODE_AFTER = re.compile(r"\W+(?:[a-z]+\W+){0,2}(?:\ue000|\b(?=[a-z0-9-]{4,})[a-z0-9-]*\d)", _I)
_SINGULAR_OF = {"mice": "mouse", "lice": "louse", "geese": "goose", "teeth": "tooth"}


_WORD_AFTER = re.compile(r"\s+([a-z]+)\b", _I)
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$", _I)


def _conflict_note(facts: Facts, conflicts: Sequence[itemnames.Match]) -> Facts:
    """ "sachet 0857201004123 x 10 expired": the code names one item, the word beside it
    another; the card asks which (never sure)."""
    own = [
        m for m in conflicts if m.sku != facts.sku and m.said.lower() in facts.source_text.lower()
    ]
    if facts.sku is None or not own:
        return facts
    m = own[0]
    note = Guess(
        f"'{m.said}' names {m.sku}, but the code is {facts.sku}: {named.ASKS_WHICH}",
        itemnames.P_NAMED,
    )
    return replace(facts, guesses=(*facts.guesses, note))


P_OWN_WORD = 0.3  # one part's goods named by one word of one item's name: a guess to confirm


def _ambiguous_name_note(facts: Facts, ambiguous: Sequence[itemnames.Match], alone: bool) -> Facts:
    """ "2 chemex brewers broke, $45 each": the goods are named by a word several items
    share; the card asks which (never sure: the entry may be right, its item is not known),
    and a price that is one of theirs picks it (drafting.draft)."""
    if facts.sku is not None:
        return facts
    own = [m for m in ambiguous if m.said.lower() in facts.source_text.lower()]
    if not own and not alone:
        return facts  # (another request's goods: "$300 of mugs and $450 of speakers")
    m = min(own or ambiguous, key=lambda a: len(a.of))  # (the words that say the most)
    if own and not alone and len(m.of) == 1 and _counted_in(facts.source_text, m.said):
        # "..., bic lighters 12 broken": one part's own goods, a word only one item's name
        # has: that item, as a guess (the card shows which)
        note = Guess(f"Read '{m.said}' as {m.of[0]} {BY_ITS_NAME}", P_OWN_WORD)
        return replace(facts, sku=m.of[0], guesses=(*facts.guesses, note))
    items = ", ".join(m.of[:4]) + (" ..." if len(m.of) > 4 else "")
    said = f"may name any of {items}" if len(m.of) > 1 else f"is a word of {items}'s name"
    note = Guess(f"'{m.said}' {said}: {named.ASKS_WHICH}", itemnames.P_NAMED)
    return replace(facts, guesses=(*facts.guesses, note), candidates=m.of)


def _shared_name_note(facts: Facts, unsure: Iterable[itemnames.Match]) -> Facts:
    """ "48 black gildan 5000 tees": the name's figures were no count, and the card asks which
    of the items so named it is (never sure: the entry may be right, its item is not known)."""
    if facts.sku is not None:
        return facts
    m = next(iter(unsure))
    items = ", ".join(m.of[:4]) + (" ..." if len(m.of) > 4 else "")
    note = Guess(
        f"'{m.said}' names several items in the list ({items}): {named.ASKS_WHICH} Its "
        "figures are no count or price",
        itemnames.P_NAMED,
    )
    return replace(facts, guesses=(*facts.guesses, note), candidates=m.of)


def _name_figures_note(facts: Facts, scrubbed: Iterable[itemnames.Match]) -> Facts:
    """The card says which figures were read as the item's name ("Quest 3"), not as a count."""
    said = [m.said for m in scrubbed if m.sku == facts.sku]
    if not said:
        return facts
    note = f"Read '{said[0]}' as the name of {facts.sku}: its figures are no count or price"
    return replace(facts, notes=(*facts.notes, note))


def _named_note(facts: Facts, matches: Iterable[itemnames.Match]) -> Facts:
    found = next((m for m in matches if m.sku == facts.sku), None)
    if found is None:
        return facts
    # "2 speakers stolen, $45 each": the message prices its goods, the item is only its
    # label (a small cost); priced from the list by one word of a name, it is a guess
    priced = facts.unit_cost is not None or facts.total is not None
    if _CODE_SHAPED.fullmatch(found.said.strip()):
        # "2 MON-ARM-SGL" of "ARM-MON-DL Dual monitor arm": a code the list does not know,
        # read by its name's words; another item (single, not dual) as likely
        ask = (
            f"'{found.said}' is no code of the item list: read as {found.sku} by words of its"
            " name. Is it that item?"
        )
        return replace(facts, guesses=(*facts.guesses, Guess(ask, itemnames.P_NAMED_WEAK)))
    note = Guess(
        f"Read '{found.said}' as {found.sku} {BY_ITS_NAME}: no code was given",
        itemnames.P_NAMED_WEAK if found.weak and not priced else itemnames.P_NAMED,
    )
    return replace(facts, guesses=(*facts.guesses, note))


# a code as typed: capitals and digits in parts ("MON-ARM-SGL", "LID-FLAT-12"), not a word
# written with a hyphen ("T-Shirt", "e-bike")
_CODE_SHAPED = re.compile(r"(?=\S{5,})[A-Z0-9]+(?:[-/][A-Z0-9]+)+")


# "all but 4 of the 12 SKU-410 smashed" drafted 4 at 0.97: a count said as the goods left out
# is a subtraction the reader does not do; quoted, below 0.9
_ALL_BUT = lead(
    "aet",
    r"\b(?:all|every(?:thing|one|\s+one)?|the\s+(?:whole|entire)\s+\w+)\s*,?\s+(?:but|except"
    r"(?:\s+for)?|save(?:\s+for)?|bar|apart\s+from|other\s+than)\s+(?:the\s+|about\s+)?"
    rf"(?:{_NUM}|a\s+(?:few|couple))\b",
    _I,
    word=True,
)


def _all_but(text: str) -> str | None:
    m = _ALL_BUT.search(text) if _DIGIT.search(text) else None
    if m is None:
        return None
    return (
        f"'{_WS.sub(' ', m.group(0))}': a count of what was left out; give the count to write off"
    )


# "w/o x3: 10 A crushed, 10 B crushed, 10 C crushed": the "x3" counts the lines that follow
_LINE_COUNT = re.compile(
    r"\b(?:w/o|wo|write[-\s]?offs?|writeoffs?|items?|lines?|skus?|entries)\s*[x×]\s*(?P<n>\d{1,2})"
    r"\s*[:\-]\s*(?P<rest>[^\n]*(?:\n[^\n]*)*)",
    _I,
)
_LIST_SEP = re.compile(r"\s*(?:[,;\n]|\band\b)\s*", _I)


# figures the masks blank that a note names: a year of a lot or crop, a street address
_SAID_AS = re.compile(
    rf"(?:19[5-9]\d|20[0-4]\d)[\s-]+(?:{_OF_A_YEAR}|[a-z]{{3,}}(?:\s+[a-z]{{3,}})?)\b"
    rf"|(?P<street>\d{{1,6}}\s+{_STREET})",
    _I,
)


def _reference_notes(read: list[Facts], text: str, masked: str) -> list[Facts]:
    """ "job 4471", "ticket 889", "case no. 8": a note on each request that says the figure
    was read as a reference, never as the count or the price. Only figures the masks blanked
    are looked at, so most messages cost one scan for digits."""
    if len(text) != len(masked):
        return read
    refs = []
    for m in _DIGIT_RUN.finditer(text):
        if masked[m.start()] != " ":
            continue
        label = _REFERENCE_LABEL.search(text, max(0, m.start() - 24), m.start())
        if label:
            refs.append((_WS.sub(" ", text[label.start() : m.end()]).strip(), "a reference"))
        elif _SAID_AS.match(text, m.start()):  # "2022 pack year", "1420 Oak St"
            said_as = _SAID_AS.match(text, m.start())
            assert said_as is not None
            what = "an address" if said_as.group("street") else "a year"
            refs.append((_WS.sub(" ", said_as.group(0)).strip(), what))
    if not refs:
        return read
    out = []
    for f in read:
        said = _WS.sub(" ", f.source_text)
        notes = tuple(
            f"read '{r}' as {what}, not a count or a price" for r, what in refs if r in said
        )
        out.append(replace(f, notes=(*f.notes, *notes)) if notes else f)
    return out


def _blank_line_count(masked: str) -> str:
    """Blank a header's count of lines ("w/o x3:") when that many parts follow, each with its
    own number: it says how many write-offs there are, not how many goods."""
    m = _LINE_COUNT.search(masked) if ("x" in masked or "×" in masked) else None
    if m is None:
        return masked
    parts = [p for p in _LIST_SEP.split(m.group("rest")) if p.strip()]
    if len(parts) != int(m.group("n")) or not all(_DIGIT.search(p) for p in parts):
        return masked
    a, b = m.span("n")
    return _blank(masked, a - 1, b) if masked[a - 1] in "xX×" else _blank(masked, a, b)


# what a tag of the goods holds besides its code and count: "073852095208 x7", "SUC-TUB 45ft
# w/o", "DET-ENZ 4 gal", "(PO-HH x3)"
_TAG_WORDS = re.compile(
    r"[\s.,;:()\-\u2013\u2014!]*(?:(?:x|qty|pcs|units?|ea|ft|gal|lb|lbs|w/o|pls|please|scrap"
    r"|toss)\b[\s.,;:()\-\u2013\u2014!]*)*",
    _I,
)


def _is_tag(text: str) -> bool:
    """Whether a request's text is only a code and a count ("SKU-410 x7"): a tag."""
    rest = " ".join(w for w in text.split() if not _DIGIT.search(w))
    return bool(_DIGIT.search(text)) and bool(_TAG_WORDS.fullmatch(rest))


def _tags_dropped(read: list[Facts]) -> list[Facts]:
    """A story and then its goods' tag ("the carton caved in, 7 bottles cracked. 073852095208
    x7"): the tag names the goods the story counted, the same loss said once more (round 345
    drafted it twice a dozen times). Dropped when the story before has the tag's code, count
    and reason, and the tag no reason of its own."""
    out: list[Facts] = []
    for f in read:
        said = (f.sku, f.quantity, f.category)
        if (
            f.sku is not None
            and f.quantity is not None
            and any((o.sku, o.quantity, o.category) == said for o in out)
            and _is_tag(f.source_text)
        ):
            continue
        out.append(f)
    return out


SAID_TWICE = (
    "two write-offs of the same kind{sku} in one message: one loss said twice, or two? "
    "Check the quantities before approving"
)


def _same_kind_twice(read: list[Facts]) -> list[Facts]:
    """Two drafts of one reason for the same goods (or both of unnamed goods) may be one
    loss said twice ("28 on the shelf, 33 in the system, 5 unaccounted for"; "10 cs ...
    $1,080 for the lot, 12 bottles a case at $9"): neither is sure."""
    if len(read) < 2:
        return read
    kinds = [(f.category, f.sku) for f in read]
    if len(set(kinds)) == len(kinds):
        return read
    out = []
    for f, kind in zip(read, kinds, strict=True):
        if kinds.count(kind) > 1:
            sku = f" of {f.sku}" if f.sku else ""
            f = replace(f, unclear=(*f.unclear, SAID_TWICE.format(sku=sku)))
        out.append(f)
    return out


# A count said to be a share of another's ("5 SKU-77 damaged, of which 2 stolen"; "20 expired,
# donate 5 and bin the rest"; "incl. 5 stolen"; "of the 20 expired, 5 donated"): the shared
# units would be written off twice, or the rest was meant; which count each entry takes is the
# reporter's to say.
_SUBSET = lead(
    "oaiwtrb",
    r"""\b(?:of\s+wh(?:ich|om)|among(?:st)?\s+(?:them|those|these|which|the\s+\d+)
    |incl(?:uding|udes?|uded|\.)?(?=\s|$)|out\s+of\s+(?:them|those|these|which|the\s+\d+)
    |(?:the\s+)?(?:rest|remainder|remaining|balance)|of\s+the\s+\d+|within\s+(?:them|those))""",
    _IX,
)


# One lot split between what happens to it, with no count for each: "donate some and bin the
# rest", "scrap most, rework the rest", "donate what we can, bin the remainder", "repaired 4,
# write off the rest", "donate and bin the rest"
_LOT_SPLIT = lead(
    "smpawtcbdkrfeo",
    r"""\b(?:some|most|part|a\s+few|what(?:ever)?\s+(?:we|i|they)\s+can|several|a\s+portion
    |the\s+majority|a\s+couple)\b[^.\n]{0,60}?\b(?:the\s+)?(?:rest|remainder|others|balance)\b
    |\b(?:bin|binned|scrap|scrapped|toss|tossed|trash|trashed|dump|dumped|donate|donated|keep|kept
    |sell|sold|rework|reworked|repair|repaired|return|returned|discard|discarded|destroy
    |destroyed|dispose\s+of|disposed\s+of|write\s+off|written\s+off|wrote\s+off|w/o|restock
    |restocked|fix|fixed|salvage|salvaged)\s+(?:all\s+)?the\s+(?:rest|remainder|others|balance)\b
    |\b(?:the\s+)?(?:rest|remainder|balance)\s+(?:(?:is|are|was|were|got|gets|get|go|goes|went
    |to\s+be|will\s+be|can\s+be)\s+)?(?:binned|scrapped|tossed|trashed|dumped|donated|kept|sold
    |reworked|repaired|returned|discarded|destroyed|written\s+off|restocked|fixed|salvaged
    |to\s+(?:the\s+)?(?:bin|scrap|skip|dump|food\s+bank))\b""",
    _IX,
)


def _share_of_another(read: list[Facts], text: str) -> list[Facts]:
    """Parts of the same goods beside a word that makes one count a share of another: none is
    sure. One lot split with no count for each part ("donate some and bin the rest", "of which
    some donated") is one amount over several stories: doubtful."""
    low = text.lower()
    if not any(word in low for word in _SHARE_WORDS):
        return read  # (most messages: the patterns below need one of these words)
    split = _LOT_SPLIT.search(text)
    if split:
        note = (
            f"'{_WS.sub(' ', split.group(0))}': how many go each way? Send one line per part "
            "with its own count"
        )
        return [replace(f, doubts=(*f.doubts, note)) for f in read]
    m = _SUBSET.search(text)
    if m is None:
        return read
    note = (
        f"'{m.group(0).strip()}': is one count part of another? Then the shared units are "
        "written off once: send one line per reason with its own count"
    )
    if len(read) == 1:
        # "20 expired, of which some donated": one amount over two stories, the share not
        # counted
        if _SHARE_OF.match(m[0]):
            return [replace(read[0], doubts=(*read[0].doubts, note))]
        return read
    skus = [f.sku for f in read]
    shared = {sku for sku in skus if sku is not None and skus.count(sku) > 1}
    return [replace(f, unclear=(*f.unclear, note)) if f.sku in shared else f for f in read]


# every match of _LOT_SPLIT and _SUBSET holds one of these
_SHARE_WORDS = ("rest", "remain", "others", "balance", "which", "whom", "among", "incl", "out of",
                "of the", "within")  # fmt: skip
# the words of _SUBSET that make a share of one lot on their own, with no second count
_SHARE_OF = re.compile(r"of\s+wh|among|incl|out\s+of\s+(?:them|those|these|which)", _I)


# what a count's shortfall can be: missing, over, or taken ("sys 30 / counted 26, camera shows
# a guy pocketing them": the 4 short are the theft's; round 351 drafted the 30 as stolen)
_COUNTED_LOSS = (Category.SHRINKAGE, Category.OVERAGE, Category.CASUALTY)


def _another_story(
    text: str,
    reasons: _ReasonIndex,
    known: Collection[str] = (),
    count_words: tuple[Category, ...] = (Category.SHRINKAGE, Category.OVERAGE),
) -> bool:
    """Whether `text` names a reason other than `count_words` (damage, theft, a
    write-down...); the item list's codes are no words ("AMN-DENT-KIT 2,400 on hand vs 2,250
    in QB" names no dent)."""
    words = _mask(items.hidden(text, known) if known else text)
    # (a story denied is none: "counted 31, books 35, nothing damaged just gone"; round 295)
    return any(
        h.category not in count_words and not _negated(words, h) for h in reasons.hits(words)
    )


def _other_values(text: str, reasons: _ReasonIndex) -> bool:
    """Whether `text` is about new values (a write-down) or a reserve, where amounts said
    together are not the parts' totals."""
    other = (Category.WRITE_DOWN, *_RESERVES)
    return any(h.category in other for h in reasons.hits(_mask(text)))


def _sign_notes(facts: Facts, signed: signs.Rewritten) -> Facts:
    """The signed figures read as short / over: a note on the request of that code, and the
    reading's cost on every request of the message."""
    sku = (facts.sku or "").upper()
    notes = tuple(s.note for s in signed.found if s.code.upper() == sku)
    guess = Guess("a signed count difference read as short / over", signed.penalty)
    return replace(facts, notes=(*facts.notes, *notes), guesses=(*facts.guesses, guess))


def _count_notes(facts: Facts, differences: list[counts.Difference | arrivals.Arrival]) -> Facts:
    """The arithmetic of each books-vs-count difference, or each count of goods that arrived,
    read in this request, as a note."""
    said = _WS.sub(" ", facts.source_text)
    notes = tuple(d.note for d in differences if _WS.sub(" ", d.quoted).strip() in said)
    return replace(facts, notes=(*facts.notes, *notes)) if notes else facts


# a word or two and a colon on a line of its own end: "...\nfound: " (a list's next heading)
_TRAILING_LABEL = re.compile(r"\n[ \t]*([a-z][a-z ]{1,24}?)[ \t]*:[ \t]*$", _I)


def _read_groups(
    groups: list[list[_Piece]],
    clean: str,
    reasons: _ReasonIndex,
    known: frozenset[str],
    heading: str = "",
    counted: bool = False,
    priced_by: Callable[[str], str | None] = lambda sku: None,
) -> tuple[list[Facts], bool]:
    """Read each group; a group of bare numbers that is no request joins a neighbour.
    Returns the requests and whether a group was a cancellation ("don't write off...")."""
    read: list[Facts] = []
    cancelled = False
    merged_into: int | None = None  # the group behind read[-1]
    i = 0
    while i < len(groups):  # ends: each pass moves i on or removes a group
        group = groups[i]
        work = "".join(p.text for p in group)
        source = _WS.sub(" ", clean[group[0].start : group[-1].end]).strip()
        if _CANCEL.search(work):
            cancelled = True
            i += 1
            continue
        variants = _each_code(work, known)
        if variants:  # "sku-12/sku-410 both damaged, 5 each": one request per code
            found = [
                _read_group(v, source or clean.strip(), reasons, known, heading, counted, priced_by)
                for v in variants
            ]
            if all(f is not None for f in found):
                shared = _SHARED_COUNT.search(work)
                rest = _blank(work, *shared.span()) if shared else work
                for v in variants:
                    for _, _, a, b in _sku_codes(v):
                        rest = _blank(rest, a, b)
                # "4 cases SKU-12 and SKU-77, 12 each": 4 cases of each, or of both?
                doubt = _OTHER_COUNT_NUMBER.search(_mask(rest))
                read.extend(
                    replace(f, unclear=(*f.unclear, EACH_CODE_DOUBT.format(doubt.group(0))))
                    if doubt
                    else f
                    for f in found
                    if f is not None
                )
                merged_into = i
                i += 1
                continue
        plain = clean[group[0].start : group[-1].end]
        # ("damaged: 12 X\nfound: 4 extra Y": the label that ends the group before, glued to
        # it by the split, heads this one; round 215 read the 4 extra as damaged)
        label = _TRAILING_LABEL.search("".join(p.text for p in groups[i - 1])) if i else None
        facts = _read_group(
            work,
            source or clean.strip(),
            reasons,
            known,
            f"{heading} {label.group(1)}" if label else heading,
            counted,
            priced_by,
            plain,
        )
        if facts is None and _DIGIT.search(work) and i + 1 < len(groups):
            # numbers that are no request on their own ("Write-off: 40 u.") belong to the next
            groups[i + 1] = group + groups[i + 1]
        elif facts is None and _DIGIT.search(work) and read and merged_into is not None:
            # ... or, at the end, to the one before ("..., unit cost: $4")
            groups[merged_into] = groups[merged_into] + group
            del groups[i]
            read.pop()
            i = merged_into
            merged_into = None
            continue
        elif facts is not None:
            read.append(_count_or_price_each(facts, work))
            merged_into = i
        i += 1
    return read, cancelled


# "SKU-77 damaged, 12 each": a plain number with "each" and no other count, read as the count
# ("12 ea" is the unit of measure "each": a count)
_BARE_EACH = re.compile(r"(?<![\w$.,/#-])(?P<n>\d{1,4})\s+each(?![\w/])", _I)


def _count_or_price_each(facts: Facts, work: str) -> Facts:
    """ "SKU-77 damaged, 12 each" with no money said: 12 of them, or $12 each? The count is
    the likelier reading, not a sure one."""
    if facts.quantity is None or facts.unit_cost is not None or facts.total is not None:
        return facts
    if "each" not in work.lower() or _CURRENCY_MARK.search(work):
        return facts
    m = _BARE_EACH.search(work)
    if m is None or Decimal(m.group("n")) != facts.quantity:
        return facts
    said = m.group(0)
    guess = Guess(f"'{said}': {m.group('n')} of them, or ${m.group('n')} each?", P_QTY_OR_PRICE)
    return replace(facts, guesses=(*facts.guesses, guess))


_OTHER_COUNT_NUMBER = re.compile(r"(?<![\w$.,/#-])\d+(?![\w%$/]|[.,]\d)")
EACH_CODE_DOUBT = "'{}' beside a count for each code: of each, or of all of them together?"
# ("3 sacks each", "one each": a count word, and the goods' word between)
_SHARED_COUNT = re.compile(
    r"(?<![\w.$])(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen)\s+"
    r"(?:(?!(?:dollars?|bucks|usd|at|for|per)\b)[a-z]+\s+)?(?:of\s+)?each\b",
    _I,
)


def _each_code(work: str, known: Collection[str] = ()) -> list[str]:
    """ "sku-12/sku-410 both damaged, 5 each": the same count of each of several codes. One
    text per code, the other codes blanked, so each is read as a request of its own."""
    if "each" not in work.lower() or not _SHARED_COUNT.search(work):
        return []
    # (the list's own codes, whatever their shape: "B14G2 & BA-0314-00: 2 each")
    codes = _sku_codes(work, known)
    if len({c for c, _, _, _ in codes}) != len(codes) or len(codes) < 2:
        return []
    out = []
    for code, _, _, _ in codes:
        text = work
        for other, _, a, b in codes:
            if other != code:
                text = _blank(text, a, b)
        out.append(text)
    return out


# ===============================================================================================
# Cleaning, masking, splitting, grouping
# ===============================================================================================


# "1/2 doz", "3/4 case", "1/2 a pallet": a fraction of a pack, said in figures. Read as the
# words the pack reader knows; left alone, "1/2" is masked as a date (2 January) and "doz"
# alone would read as a whole dozen.
_FIGURE_FRACTION = re.compile(
    r"(?<![\d/.,$])\b(1/2|1/4|3/4|1/3|2/3)\s+(?=(?:an?\s+|of\s+an?\s+)?"
    # ("3/4 of a 40yd bolt", "1/2 a 50 lb bag": the holder's measure before it)
    r"(?:\d+(?:\.\d+)?\s*(?:yds?|ft|m|lbs?|kg|gal|oz|l)\s+)?(?:doz|dozen|dz|gross"
    r"|case|cs|carton|ctn|box|bx|pallet|plt|crate|pack|pk|bag|sack|tray|drum|inner"
    # ("1/4 ton DAP-BLK": part of a measure the goods are priced by)
    r"|ton|tons|gallon|gal|pound|lb|yard|yd"
    # ("3/4 of a bolt of FAB-VLV-NVY", "1/2 a roll": a holder of a measure; round 210)
    r"|bolt|roll|reel|spool|coil|pail|bucket|jug|tub|keg|wheel|bundle|bdl)\b"
    # ... or of a count said after it: "3/4 of the 16 VAC-22" is 12 (16 if read as 3 April)
    # or before it: "2 cs x 12 btl, 1/4 of them broken" (never a date)
    # ... or of goods named after it ("3/4 of the banana bread delivery (8 loaves)")
    rf"|{_OF_A_COUNT}|of\s+(?:them|em|'em|those|these|the|our|that|this)\b)",
    re.IGNORECASE,
)
# "1 1/2 cases", "7 1/2 lbs", "2 3/4 dozen": a whole number and a fraction is one number
# (left alone the "1/2" is masked as a date and "1 1/2 cases" read as 1 case): written as the
# decimal it is, so every reading after (packs, measures, pieces) sees one figure. Thirds
# have no exact decimal: "1 and a third" is left for the reader to question.
_MIXED_NUMBER = re.compile(
    r"(?<![\d/.,$])\b(\d{1,3})[\s-]+(1/2|1/4|3/4|1/3|2/3|1/8|3/8|5/8|7/8)(?![\d/])(?=\s*[a-z\"'])",
    re.IGNORECASE,
)
_MIXED_PARTS = {
    "1/2": ".5", "1/4": ".25", "3/4": ".75", "1/8": ".125", "3/8": ".375", "5/8": ".625",
    "7/8": ".875", "1/3": " and a third", "2/3": " and two thirds",
}  # fmt: skip
_FRACTION_WORDS = {
    "1/2": "half ", "1/4": "a quarter ", "3/4": "three quarters ", "1/3": "a third ",
    "2/3": "two thirds ",
}  # fmt: skip


# "over" before a place is where something was, never a count's surplus ("sprinkler head
# over bay 3 let go ... count confirmed" drafted an overage): read as "near", same length
_OVER_PLACE = re.compile(
    r"\bover(?=\s+(?:the\s+|our\s+)?(?:bay|aisle|dock|door|doorway|shelf|shelves|rack|racks"
    r"|bin|cage|counter|register|walk-?in|cooler|freezer|sink|fryer|vent|heater|stove|grill"
    r"|oven|desk|table|bench|window|entrance|pallet|loading)\b)",
    re.IGNORECASE,
)


# A write-down's new value per container, written as a pack is ("write down to 30/cs", "nrv
# 35/cs"): a price per case, never 30 to a case (it read "20 cs ... to 12/cs" as 240 pieces)
_VALUE_PER_CONTAINER = re.compile(
    r"\b(?P<w>(?:down\s+)?to|nrv(?:\s+(?:is|of|at|now))?|valued?(?:\s+(?:at|them\s+at|is|now))?"
    r"|worth)\s+(?P<n>\d+(?:\.\d{1,2})?)\s*/\s*(?P<c>cs|case|bx|box|pk|pack|bag|bg|dz|doz"
    r"|dozen|ctn|carton)\b",
    re.IGNORECASE,
)
_WRITE_DOWN_SAID = re.compile(
    r"\b(?:write|writ|wrote|mark|knock|nrv|value|valued|worth|markdown|reduce|lower|impair"
    r"|revalue|drop)",
    re.IGNORECASE,
)


_NOT_AREA = (
    r"(?!\s*\.?\s*(?:ft|feet|foot|in|inch|inches|yd|yds|yards?|m|mi|meters?|metres?|mm|cm)\b)"
)
_SQ_FT = re.compile(r"\bsq\.?\s*(?:ft|feet|foot)\b\.?", _I)
_SQUARES = re.compile(rf"(?<![\w.-])(\d+(?:\.\d+)?)\s*sqs?(?![\w-]){_NOT_AREA}", _I)
_PER_SQUARE = re.compile(rf"\s*/\s*sq(?![\w-]){_NOT_AREA}", _I)
_THOUSANDS_PER = re.compile(
    r"(?<![$\w.,])(?<!@\s)(?<!\bat\s)(\d+(?:\.\d+)?)\s?k(\s*/\s*(?:"
    rf"{packs.PACK_SHORT}|reels?|bags?|box(?:es)?|cases?|cartons?|rolls?|spools?|trays?"
    r"|tubes?|packs?|sleeves?)\b)",
    _I,
)
_CHARITY_CODE = re.compile(r"(?<![\w$.])501\s*\(?\s*c\s*\)?\s*\(?\s*3\s*\)?(?![\w.])", _I)


# the places goods broke at: "snapped in 3 spots", "cracked in 2 places" (round 315 counted 3)
_IN_SO_MANY_SPOTS = re.compile(r"\b(in|at)\s+\d{1,2}\s+(spots?|places?|sections|points)\b", _I)
# a road's number said after a wreck ("crashed on 94", "accident on I-287", "rolled on rt 9")
_ROAD_NUMBER = re.compile(
    r"\b(?P<e>crash(?:ed)?|accident|wreck(?:ed)?|rolled(?:\s+over)?|rollover|rear[-\s]?ended"
    # ("van got rear-ended on 95 this morning", "truck slid off 287 in the snow": round 317)
    r"|slid|flipped|jack-?knifed|t-?boned|collision)\b(?P<mid>[^.,;:\d\n]{0,24}?)\s+(?P<on>on|off)\s+"
    # ("trailer 17 rolled on FM 1187": a farm-to-market road, a county road; round 353)
    r"(?:the\s+)?(?:i\s?-?\s?|hwy\s*|highway\s*|route\s*|rte\.?\s*|rt\.?\s*|us\s*-?\s*|sr\s*-?\s*"
    r"|fm\s*-?\s*|cr\s*-?\s*|county\s+road\s*"
    r"|state\s+route\s*)?(?:\d{1,3}|(?:(?<=fm)|(?<=fm\s)|(?<=cr\s)|(?<=road\s))\d{4})\b(?!\s*(?:x\b|units?\b|pcs?\b|pieces|cs\b|cases?\b|boxes"
    r"|bx\b|%|(?!this\b|was\b|is\b)[a-z]+s\b|[a-z0-9]*[-/]?\d|\ue002))",
    _I,
)
# "the other one is broken", "another DT72WAL was cracked": one more of the goods (not "the
# other 3", "the other ones", "another 2"), at the start of a sentence or a clause
_THE_OTHER_ONE = re.compile(
    r"(?:(?<=^)|(?<=[.;!?\n]\s)|(?<=,\s)|(?<=\band\s)|(?<=\balso\s)|(?<=\bplus\s))"
    r"(?:another|the\s+other|a\s+second)(?:\s+one\b)?"
    r"(?=\s+(?:(?!one\b|ones\b)[a-z0-9][\w/-]*\s+)?(?:is|was|has|had|got|came|arrived)\b"
    # ("1 flat-spotted on the dyno, and a second one stolen from the rack": round 337 drafted
    # the theft alone, sure)
    r"|(?<=one)\s+(?:stolen|broken|torn|gone|lost|taken|bent|split|swiped|nicked|[a-z]+ed)\b)",
    _I,
)


def _loose_said(m: re.Match[str]) -> str:
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    line_end = m.string.find("\n", m.end())
    line = m.string[line_start : line_end if line_end != -1 else len(m.string)]
    if packcounts.COUNT_TALK.search(line):
        return m.group(0)
    return f"{m.group(1)} and {m.group(2)} loose"


def _clean(text: str) -> str:
    # each pattern only where the character it needs is there (most messages have none)
    text = _PRIVATE_OR_CONTROL.sub(" ", text.translate(_TRANSLATE))
    if "\n" in text:
        text = tables.rewrite(text)  # a pasted count table: its rows as count lines
    if "\t" in text:
        text = text.replace("\t", " ")  # (kept for the table's cells: "Rabies 1yr\t6 trays")
    if "+" in text:
        # "4 cs + 7 X found moldy": whole cases and loose pieces, as "4 cs and 7 loose" says
        # it (round 354: three read as the 7 alone)
        # (a count line's "system 5 cs + 8" is the count reader's: packcounts)
        text = _CONTAINERS_PLUS.sub(_loose_said, text)
    low = text.lower()  # (for the gates below; what they rewrite adds neither "k/" nor "sq")
    if "k/" in low or "k /" in low:
        # "4 reels X (5k/reel)": five thousand pieces to the reel, no $5,000 (round 163)
        text = _THOUSANDS_PER.sub(
            lambda m: format((Decimal(m.group(1)) * 1000).normalize(), "f") + m.group(2), text
        )
    if "sq" in low:
        # "40 sq ft": an area, one word for the reader's measures
        text = _SQ_FT.sub("sqft", text)
        # "4 sq of 3T-25-BLK, 3 bdl/sq": a roofer's squares, said short ("50 sq ft" is an area)
        text = _SQUARES.sub(lambda m: m.group(1) + " squares", text)
        text = _PER_SQUARE.sub(" per square", text)
    if "501" in text:
        # "a registered 501(c)(3) charity": the tax code of a charity, no count or price
        text = _CHARITY_CODE.sub("nonprofit", text)
    if "/" in text and _WRITE_DOWN_SAID.search(text):
        text = _VALUE_PER_CONTAINER.sub(r"\g<w> $\g<n>/\g<c>", text)
    if "ver " in text or "VER " in text:
        text = _OVER_PLACE.sub("near", text)
    if "ext" in low:
        # "ext 214 called - 3 bags torn": a phone extension, no price or count (round 352)
        text = _PHONE_EXTENSION.sub(r"ext #\g<1>", text)
    if "off" in low or "w/o" in low:
        # "write off 250.00 in rusted cans": money, said without its "$" (round 351-352)
        text = _WRITE_OFF_FIGURE.sub(r"\g<1> $\g<2>", text)
    if " for " in text or " FOR " in text:
        # "paid 9.50 for the box": the container's price, as "9.50 per box" says it (round 352
        # drafted a box of 100 at $9.50 apiece, sure)
        text = _PRICE_FOR_THE_CONTAINER.sub(r"\g<m> per \g<c>", text)
    if "/" in text:
        text = _MIXED_NUMBER.sub(lambda m: m.group(1) + _MIXED_PARTS[m.group(2)], text)
        text = _FIGURE_FRACTION.sub(lambda m: _FRACTION_WORDS[m.group(1)], text)
    if any(w in low for w in ("spot", "place", "section", "point")):
        # "snapped in 3 spots while measuring", "cracked in 2 places": where, no count
        text = _IN_SO_MANY_SPOTS.sub(r"\g<1> several \g<2>", text)
    if " on " in low or " off " in low:
        # "van crashed on 94 on the way to the delivery", "truck accident on 287, lost 1 X":
        # the road a wreck happened on, no count (round 311 drafted 94 guitars)
        text = _ROAD_NUMBER.sub(r"\g<e>\g<mid> \g<on> the highway", text)
    if "other" in low or "second" in low:
        # "x1 scratched, mark it down. the other DT72WAL is broken, scrap that one": one more
        # of the goods, a part of its own (round 306 dropped it from a sure write-down)
        # (not "ripped a seam on one and the other has lipstick": the two said one by one)
        text = _THE_OTHER_ONE.sub(
            lambda m: (
                m.group(0)
                if re.search(r"\bone\b", text[max(0, m.start() - 40) : m.start()], _I)
                else "1 more"
            ),
            text,
        )
    if "<" in text:
        text = _SLACK_MARKUP.sub(_slack_label, text)
    if "&" in text:
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    if ">" in text and "?" in text and "\n" in text:
        # "> did anything break at the gala?\nyep, 2 X came off the boom, w/o": a question
        # quoted from the thread, answered below, is what the answer is about; the message is
        # the answer, no question (round 334-336 refused four such replies)
        # (said after the answer, as what it answers: a yes/no question's words at the
        # start would read the whole message as asked)
        quoted = _QUOTED_QUESTION.match(text)
        if quoted:
            text = f"{quoted.group('r').rstrip()}\nre: {quoted.group('q').strip()}"
    if "@" in text:
        text = _PLAIN_MENTION.sub(" ", text)
    if ":" in text:
        text = _EMOJI.sub(" ", text)
    if "~" in text:
        text = _STRUCK.sub(" ", text)
    if "*" in text or "_" in text or "`" in text:
        if "\n" in text:
            # "*Stolen*" alone on a line heads the lines after it, as "Stolen:" does
            text = _EMPHASIS_LINE.sub(r"\1:", text)
        text = _EMPHASIS.sub(r" \2 ", text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if ")" in text:
        if _PAREN_ENUM_FIRST.search(text):  # "(1) 3 chairs ... (2) 5 lamps ..."
            text = _PAREN_ENUM.sub("\n", _PARTS_HEADER.sub("", text))
        text = _INLINE_ENUM.sub(_inline_enum, text)
    if "#" in text and _HASH_ENUM_FIRST.search(text):  # "#1 8 plates ... #2 3 bowls ..."
        text = _HASH_ENUM.sub("\n", _PARTS_HEADER.sub("", text))
    text = _BULLET.sub("", text)
    if "\n" in text:
        text = _HEADER_ROW.sub("", text)
        text = _BLANK_LINES.sub("\n", text)
    return text.strip()


_NUMBERED_VEHICLE = re.compile(
    r"\b(?:truck|van|trailer|semi|rig|box\s+truck)\s+(?:\#\s*|no\.?\s*|unit\s+)?\d{1,4}\s+"
    r"(?P<w>backed\s+into|crashed|rolled\s+over|flipped\s+over|overturned|jackknifed|slid\s+off"
    r"|got\s+totaled|was\s+totaled|got\s+hit|was\s+hit|got\s+sideswiped)\b",
    _I,
)
# a road vehicle backed or driven into the goods, said with its owner or its errand between
# ("customer backed his pickup + boat trailer right into the display", "LTL driver backed his
# trailer into the stack", "delivery truck from Midwest Vet backed into the pallet", "some guy
# drove his car through the showroom window": round 344 drafted routine losses); never a
# hand truck, a pallet truck or a reach truck, which are the warehouse's own
_ROAD_VEHICLE = (
    r"(?:(?<!hand\s)(?<!pallet\s)(?<!reach\s)(?<!fork\s)(?<!lift\s)(?<!tow\s)truck|pick-?up|car"
    r"|suv|van|minivan"
    r"|trailer|semi|rig|jeep|tacoma|tundra|silverado|sierra|tahoe|suburban|explorer|wrangler"
    # (a pickup's model: "backed his F-250 into the display", round 346)
    rf"|{_PICKUP_MODEL.pattern}|ram\s*[1-3]500)"
)
_VEHICLE_INTO = re.compile(
    rf"\b(?:backed|backing|backs|reversed|drove|driven|plowed|ploughed|crashed)\s+"
    rf"(?:(?:his|her|their|a|the|its|our|my)\s+(?:[\w'-]+\s+){{0,3}}?{_ROAD_VEHICLE}\b"
    # ("Luis backed van 2 into the lager stack": a fleet's van by its number; round 345)
    rf"|{_ROAD_VEHICLE}\s+(?:\#\s*|no\.?\s*|unit\s+)?\d{{1,4}})"
    rf"(?:\s*(?:\+|and|w/|with)\s*(?:[\w'-]+\s+){{0,2}}?(?:trailer|boat))?\s+"
    rf"(?:right\s+|straight\s+)?(?:into|through)\b"
    rf"|\b{_ROAD_VEHICLE}\b(?:\s+[\w'&.-]+){{0,5}}?\s+(?:backed|reversed)\s+"
    rf"(?:right\s+|straight\s+)?(?:into|through)\b"
    # ("box truck backing up to dock 1 went right into the pallet", "customer backing his
    # truck up to the pickup bay ran right into the display": round 348)
    rf"|\b{_ROAD_VEHICLE}\b[^.;\n]{{0,30}}?\bback(?:ing|ed)\s+up\b[^.;\n]{{0,40}}?"
    rf"\b(?:went|ran|rolled|drove)\s+(?:right\s+|straight\s+)?into\b"
    rf"|\bback(?:ing|ed)\s+(?:his|her|their|the|a|our)\s+(?:[\w'-]+\s+){{0,2}}?{_ROAD_VEHICLE}\s+up\b"
    rf"[^.;\n]{{0,40}}?\b(?:went|ran|rolled|drove)\s+(?:right\s+|straight\s+)?into\b",
    _I,
)
# a lock cut, with where it hung between ("padlock on yard container 3 was cut overnight, 3 X
# are gone": round 344 read a count's shortfall)
_LOCK_CUT = re.compile(
    r"\b(?:pad)?locks?\b(?:\s+[\w#-]+){1,5}?\s+(?:was|were|got|had\s+been)\s+"
    r"(?:cut|snipped|pried|drilled)\b",
    _I,
)
# goods lost somewhere in the building, nobody knows where: a count's shortfall ("we lost 14
# hose clamps somewhere, bin count 46 vs 60", "lost 4 pails somewhere between receiving and
# putaway": round 344 drafted routine losses)
_LOST_SOMEWHERE = re.compile(r"\blost\s+(?:\S+\s+){1,8}?somewhere\b(?!\s+(?:in|on)\s+transit)", _I)
# a drain or sewer backed up, with where it is between ("floor drain in the stockroom backed
# up after the rain": round 345 drafted a sure routine loss)
_DRAIN_APART = re.compile(
    r"\b(?:drains?|sewers?|sewer\s+lines?|toilets?)\b(?:\s+[\w'-]+){1,5}?\s+backed\s+up\b", _I
)
# goods a member of staff took home, and how it came out ("Derek (no longer with us) took 4
# X home over the last month", "Pete admitted to taking home 25 lb": rounds 348-349 drafted
# routine losses and shrinkage)
_TOOK_HOME = re.compile(r"\b(?:took|taking|taken|takes)\s+(?:\S+\s+){0,5}?home\b", _I)
_CAUGHT = re.compile(
    r"\b(?:camera|cameras|footage|cctv|video|admitted|confessed|caught|fired|let\s+go"
    r"|terminated|hr|no\s+longer\s+with\s+us|walked\s+out)\b",
    _I,
)
_CONTAINERS_PLUS = re.compile(
    r"(?<![\w.$,/-])(\d{1,4}\s*(?:"
    + "|".join(sorted(packs.CONTAINER_WORDS, key=len, reverse=True))
    + r"))\s*\+\s*(\d{1,4})(?!\s*(?:loose|ea|each|pcs?|singles?)\b)(?![\w.%$/-]|,\d)",
    _I,
)
_PHONE_EXTENSION = re.compile(
    r"\bext\.?\s*(\d{2,5})(?=\s*(?:called|calls|says|said|reports?|reported|-|:|,|\s-))", _I
)
_WRITE_OFF_FIGURE = re.compile(
    r"\b(write[\s-]?off|writeoff|w/o|writing\s+off)\s+(\d[\d,]*\.\d\d)(?=\s+(?:of|in|worth)\b)", _I
)
# a value said for the goods together, with no word for each: "get $700 for them"
_VALUE_FOR_THEM = re.compile(
    r"\$\s?\d[\d,]*(?:\.\d\d)?k?\s+for\s+(?:them|those|these|both)\b"
    r"(?!\s*(?:each|ea\b|apiece|a\s+piece|per|all\b|together|total))",
    _I,
)
_A_CONTAINER_WORD = frozenset(
    w for w in packs.CONTAINER_WORDS if not w.endswith("s") and w != "set"
)
# a price said for one container: "paid $30 for the case", "9.50 for each box"
_PRICE_FOR_THE_CONTAINER = re.compile(
    r"(?P<m>\$\s?\d[\d,]*(?:\.\d\d)?|(?<![\w$.,])\d[\d,]*\.\d\d)\s+for\s+"
    r"(?:the|a|an|each|every|one)\s+(?P<c>(?:"
    # (not "set": "set of 4 chairs damaged, $200 for the set" is the one set's total)
    + "|".join(sorted(_A_CONTAINER_WORD, key=len, reverse=True))
    + r"))\b(?!\s*(?:and|&|\+))",
    _I,
)
# what a camera saw: the goods taken away ("camera shows the 3 leaving in a temp's backpack";
# never the forklift hitting the rack)
_CAMERA_SHOWS_TAKING = re.compile(
    r"\b(?:(?:cameras?|cams?|cctv|footage|video)\s+(?:shows?|showed|caught|has|had|got)\s+"
    r"(?:\S+\s+){0,6}?"
    # ("caught a temp on camera stuffing 5 X in his hoodie": round 353)
    r"|caught\s+(?:\S+\s+){0,3}?on\s+(?:the\s+)?(?:camera|cam|cctv|video|tape)\s+)"
    r"(?:grabbing|taking|took|loading|loaded|leaving|walking\s+(?:off|out)"
    r"|carrying|stuffing|slipping|hiding|pocketing|driving\s+off)\b",
    _I,
)
# goods dropped off at a charity ("dropped 60 day-old loaves at St. Vincent's pantry after
# close, no charge to them": round 344 drafted a routine loss)
_DROPPED_AT_CHARITY = re.compile(
    r"\bdrop(?:ped|ping|s)?\s+(?:off\s+)?(?:\S+\s+){0,8}?(?:off\s+)?(?:at|to)\s+(?:the\s+)?"
    r"(?:[\w.'\u2019-]+\s+){0,3}?(?:pantry|food\s+bank|food\s+shelf|shelter|soup\s+kitchen"
    r"|mission|rescue)\b",
    _I,
)
# a model's name that looks like a count: "X7" in "Airless paint sprayer Magnum X7"
_MODEL_TIMES = re.compile(r"(?<![\w.-])[xX]\d{1,3}(?![\w.-])")


def _model_words_kept(text: str, names: Mapping[str, str]) -> str:
    """`text` with "X7" said beside the code of an item whose name has that word, as the list
    writes it, read as the name ("walked out w/ a 17N166 X7": one sprayer, not seven; round
    346 drafted seven at 0.97). A count typed "x7" stays a count."""
    said = list(_MODEL_TIMES.finditer(text))
    if not said:
        return text
    for sku, name in names.items():
        if sku not in text:
            continue
        words = set(re.findall(r"\w+", name))
        for m in reversed(said):
            if m.group(0) in words:
                text = text[: m.start()] + " " * len(m.group(0)) + text[m.end() :]
    return text


# (a part that failed: "van 3 liftgate gave out mid-drop at Jefferson HS", round 347 read a
# gift to the school)
_GAVE_OUT = re.compile(r"\s+(?:out|way)\b", _I)
# (what a fall took with it: "took 3 TI-84 black down with me", round 347)
_TOOK_DOWN = re.compile(r"(?:\s+[\w'-]+){1,5}?\s+(?:down|out)\s+with\b", _I)
_SPRINKLER_APART = re.compile(
    r"\bsprinkl(?:er|ers|r)(?:\s+(?:heads?|lines?|pipes?|mains?))?\s+(?:[\w-]+\s+){1,4}?"
    r"(?:burst|let\s+go|went\s+off|popped|ruptured|discharged|activated|opened\s+up)\b",
    _I,
)
# What befell the goods said with words between that the table's phrases cannot hold: (words
# one of which the message must have, the category a hit here adds unless one is there
# already, the pattern, a pattern the message must also match, the table's phrase whose
# reading the hit takes). In this order.
_SAID_APART: tuple[
    tuple[tuple[str, ...], Category, re.Pattern[str], re.Pattern[str] | None, str], ...
] = (
    (("back", "drove", "driven", "revers"), Category.CASUALTY, _VEHICLE_INTO, None,
     "truck backed into"),
    (("somewhere",), Category.SHRINKAGE, _LOST_SOMEWHERE, None, "missing"),
    (("home",), Category.CASUALTY, _TOOK_HOME, _CAUGHT, "stolen"),
    (("drop",), Category.DONATION, _DROPPED_AT_CHARITY, None, "donated"),
    (("backed up",), Category.CASUALTY, _DRAIN_APART, None, "drain backed up"),
    (("lock",), Category.CASUALTY, _LOCK_CUT, None, "cut the lock"),
    # ("sprinkler head over rack C burst overnight and soaked 11 X": round 339)
    (("sprinkl",), Category.CASUALTY, _SPRINKLER_APART, None, "sprinkler head burst"),
    # ("camera shows them getting loaded into some randos pickup", "cameras show a driver
    # grabbing them off the dock": round 351 drafted the count's shortfall as shrinkage)
    (("cam", "cctv", "footage", "video"), Category.CASUALTY, _CAMERA_SHOWS_TAKING, None,
     "stolen"),
)  # fmt: skip
_RESERVE_THE_GOODS = re.compile(
    # (asked, as a request starts: "we reserve 8 X at cost for the pickup" holds goods)
    r"(?:^|(?<=[.;:,\n])|(?<=\bpls\s)|(?<=\bplease\s))\s*reserve\s+"
    r"(?:the\s+|all\s+(?:the\s+)?|our\s+|those\s+|these\s+)?\d[\d,]*\s+(?:\S+\s+){0,6}?"
    r"at\s+(?:full\s+|their\s+|its\s+)?cost\b"
    r"(?!\s+for\s+(?:the\s+|a\s+)?(?:customer|client|order|pickup|pick-up|job|event|[a-z]+'s)\b)",
    _I,
)
_SECONDS_SAID = re.compile(r"\b(?:scratch[\s-]*(?:and|&|n)[\s-]*dents?|s&d)\b", _I)
_QUOTED_QUESTION = re.compile(
    r"\s*>[ \t]*(?P<q>[^\n?]*?)\?+[ \t]*\n(?P<r>[ \t]*[^>\s][^>]*)$", re.DOTALL
)


def _inline_enum(m: re.Match[str]) -> str:
    """ "... 2) 5 SKU-77" starts a new line, unless a bracket is open before it: in
    "1 pallet (40 cases of 25) BX-1042" the "25)" closes the bracket."""
    before = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
    return m.group(0) if before.count("(") > before.count(")") else "\n"


def _slack_label(m: re.Match[str]) -> str:
    target, label = m.group(1), m.group(2)
    if target.startswith(("@", "!")):
        return " "  # a mention or @here: not part of the request
    if target.startswith("#") and label:
        # "#dock-4" -> dock 4; the channel's name ends there ("#lube-bay 1 drum": no bay 1)
        return " " + label.replace("-", " ").replace("_", " ") + ": "
    return f" {label} " if label else " "  # a link: keep only the words shown


def _mask(text: str) -> str:
    """Blank (same length) digits that are dates, times, references, sizes..."""
    return (_MASK_ALL if _DIGIT.search(text) else _MASK_WORDS).sub(_blank_match, text)


def _blank_match(m: re.Match[str]) -> str:
    for name, value in m.groupdict().items():
        if value is not None and name.startswith("m"):  # blank only this part of the match
            s, e = m.span(name)
            whole = m.group(0)
            return whole[: s - m.start()] + " " * (e - s) + whole[e - m.start() :]
    return " " * (m.end() - m.start())


def _blank(s: str, start: int, end: int, mark: str = "") -> str:
    if end <= start:
        return s
    fill = (mark + " " * (end - start - 1)) if mark else " " * (end - start)
    return s[:start] + fill + s[end:]


@dataclass
class _Piece:
    start: int
    end: int
    text: str  # masked text of the piece, separators included at its end
    sku: str | None = None
    qty: bool = False
    money: bool = False
    total: bool = False
    reason: bool = False
    context_only: bool = True  # no digits and no SKU: a header such as "Damaged items:"
    label: bool = False  # context ending in ":" ("Expired:"): it heads what follows
    tally: bool = False  # a count said to be the whole ("80 units in all"): joins the one before
    one_container: bool = False  # "a box of SKU-410 fell": its only count is the one box
    part: bool = False  # "another 5 of them dented": a further part of goods named before
    priced: bool = False  # a count with its own price per piece: "12 Wingspan at $38.75"


def _pieces(masked: str, reasons: _ReasonIndex, known: Collection[str] = ()) -> list[_Piece]:
    bounds = [0]
    # "2 pallets (50 cs/pallet, 24 cans/cs)": what a parenthesis holds is one aside
    asides = [m.span() for m in _ASIDE.finditer(masked)] if "(" in masked else []
    for m in _SPLIT.finditer(masked):
        if asides and any(a < m.start() < b for a, b in asides):
            continue
        if m.end() > bounds[-1]:
            bounds.append(m.end())
    if bounds[-1] != len(masked):
        bounds.append(len(masked))
    pieces = [_Piece(a, b, masked[a:b]) for a, b in itertools.pairwise(bounds)]
    if len(pieces) > 1:  # signals only glue pieces together: one piece is one group as it is
        heading = _heading(pieces)
        # "MLK-2L over 1, 1 CHR-009 short": a count's direction words serve every line
        counted = _count_in(masked, reasons)
        for p in pieces:
            _signals(p, reasons, known, heading, counted)
    return pieces


_COUNT_CATEGORIES = (Category.SHRINKAGE, Category.OVERAGE)


_NEGATED_BEFORE = re.compile(
    # ("printheads wont fire", "won't light"): what a thing does not do, not what happened
    # ("nobody grabbed the pallet jack": no one took anything)
    r"\b(?:not|no|never|zero|without|nothing|none|nobody|no\s+one|noone|isn'?t|wasn'?t|aren'?t"
    r"|weren'?t|won'?t|wont"
    r"|doesn'?t|doesnt|didn'?t|didnt|don'?t|dont|can'?t|cant|cannot)"
    # ("no sign of a break-in", "no evidence of any theft")
    # ("not an actual fire", "no real damage")
    r"\s+(?:(?:any|other|visible|actual|real|true|signs?\s+of|evidence\s+of|indication\s+of"
    # ("not from the flood", "not due to the storm": the cause denied)
    r"|from|the|due\s+to|caused\s+by|because\s+of"
    # ("no sign of damage or a break-in": every story the denial lists, round 164)
    r"|a|an|[a-z]+\s+(?:or|nor))\s+){0,3}$",
    _I,
)


def _negated(s: str, h: _Hit) -> bool:
    return bool(_NEGATED_BEFORE.search(s, max(0, h.start - 24), h.start))


def _reason_said(masked: str, reasons: _ReasonIndex) -> bool:
    """Whether the text names a reason it does not deny: "received 40 X, all good, no
    damage" names none (a receipt, not a loss)."""
    return any(not _negated(masked, h) for h in reasons.hits(masked))


def _denied(masked: str, reasons: _ReasonIndex) -> str:
    """The first denied reason, as said: "no breakage"."""
    for h in reasons.hits(masked):
        m = _NEGATED_BEFORE.search(masked, max(0, h.start - 24), h.start)
        if m:
            return "'" + _WS.sub(" ", masked[m.start() : h.start + len(h.keyword)]) + "'"
    return "no reason"


def _count_said(pieces: list[_Piece], reasons: _ReasonIndex) -> bool:
    """Whether a line names a count's difference in its own words ("short", "missing",
    "overage"), not by a word that needs a count beside it ("over", "up")."""
    return any(_count_in(p.text, reasons) for p in pieces if p.reason)


# the words that give one line of a count its direction ("2 SKU-77 over"); "2 more", "less"
# beside another line's "short" say something else ("missing 1, plus 2 more")
_LINE_DIRECTIONS = frozenset(("over", "over by", "extra", "above", "under", "below", "down"))


def _line_direction(text: str, heading: str, reasons: _ReasonIndex) -> list[_Hit]:
    """A count line's own direction word, read as the count's beside another line's."""
    return [h for h in reasons.hits(text, heading + " count") if h.keyword in _LINE_DIRECTIONS]


def _count_in(text: str, reasons: _ReasonIndex) -> bool:
    return any(
        h.category in _COUNT_CATEGORIES and not h.verb and not h.weak for h in reasons.hits(text)
    )


def _heading(pieces: list[_Piece]) -> str:
    """A first piece with no number and no code ("cycle count:"): said for every line."""
    first = pieces[0].text
    if _sku_codes(first):
        return ""
    return first if not _DIGIT.search(first) or _place_heading(first) else ""


def _place_heading(t: str) -> bool:
    """ "count results aisle 5:", "bay D1 cycle count:": a heading whose only numbers name
    the place; it is said for every line after it, like one with no number."""
    if not t.rstrip().endswith(":") or not _LOC_HINT.search(t):
        return False
    return not _DIGIT.search(_LOCATION.sub(" ", t))


def _signals(
    p: _Piece,
    reasons: _ReasonIndex,
    known: Collection[str] = (),
    heading: str = "",
    counted: bool = False,
) -> None:
    codes = _sku_codes(p.text, known)
    p.sku = codes[0][0] if codes else None
    # the digits of a code are the code's ("88-4201", "MON27-4K"): never a count or a price
    t = _mark_skus(p.text, codes) if codes else p.text
    has_digit = bool(_DIGIT.search(t))
    hits = reasons.hits(t, heading)
    if not hits and counted:
        hits = _line_direction(t, heading, reasons)
    if has_digit or _NUMWORDS_SEARCH.search(t):
        # a count is never the money's own number: "NRV now $100 each" has no quantity
        tq = _money_re(t).sub(_blank_match, t)
        bare = _PRICE_BARE.search(t)
        p.money = tq != t or bool(bare or _PRICE_CENTS.search(t))
        if bare:  # "SKU-410 @ 12 ea": a price, not 12 of them
            tq = _PRICE_BARE.sub(_blank_match, tq)
        wd = any(h.category is Category.WRITE_DOWN for h in hits)
        nrv = _WD_NRV.search(tq) if wd else None
        if nrv is not None:
            # "worth 1,900 each now", "nrv 20/ea": a new value, money even without a "$"
            tq = _blank(tq, *nrv.span())
            p.money = True
        # "3 tvs 389 each": a plain price after a count of goods
        p.money = p.money or bool(_PRICE_EACH.search(t) and _COUNT_BEFORE.search(t))
        p.qty = bool(
            _QTY_UNIT.search(tq)
            or (p.money and (_COUNT_GOODS.search(tq) or _ONE_PRICED.search(t)))
            or _QTY_FILLER.search(tq)
            or _QTY_X.search(tq)
            or _QTY_KEYWORD.search(tq)
            or (p.sku and _QTY_BEFORE_SKU.search(t))
            # "milk MLK-2L 100, flour FLR-25 12 wet": the count right after the code
            or (p.sku and hits and _QTY_AFTER_SKU.search(t))
            # "coke 2 pk + sprite 1 pk dented": a code and its count, joined to the next line
            # (the reason said once, after the last)
            or (p.sku and _QTY_AFTER_SKU.search(t) and _ENDS_JOINED.search(t))
            # "expired: SKU-12 12, SKU-77 8, SKU-410 5": a count sheet's line, a code and its
            # count and nothing else (the reason said once for the list)
            or (p.sku and _CODE_COUNT_LINE.match(t))
        )
        if p.qty and not p.money and packs.per_container_only(tq):
            p.qty = False  # "every case holds 10": a size, the count is said beside it
        # "now worth $60 each" is a new value per unit, not a total of its own
        p.total = p.money and bool(_TOTAL_SIGNAL.search(t)) and not _WD_NRV.search(t)
    p.reason = bool(hits)
    p.priced = has_digit and bool(_COUNT_PRICED.search(t))
    p.qty = p.qty or p.priced  # ("12 Wingspan at $38.75": a count of goods named in the singular)
    if not hits and has_digit and ("we" in t or "count" in t) and direction.read(t) is not None:
        # "SKU-12 we're over by 4 and SKU-77 short 2": a count's direction is its reason
        p.reason = True
        p.qty = p.qty or (not p.money and bool(_BARE_COUNT.search(t)))
    if has_digit and hits and not p.qty and not p.money:
        # "SKU-40: 3 smashed", "SKU-12 short 3": a bare count right beside the reason word,
        # unless it is a new value ("NRV 11", "now sell 70")
        p.qty = any(_count_beside(t, h) for h in hits) and not _WD_NRV.search(t)
        # "3 S22 screens cracked + 2 stolen ... X", "10 navy L hoodies damaged + 4 missing": a
        # count, then the goods in a few words, then what happened (round 191 read one part)
        p.qty = p.qty or bool(_COUNT_THEN_GOODS.match(t, 0, hits[0].start))
    if p.qty and not p.money and not p.sku and _SIZE_TAG_ONLY.match(t):
        p.qty = False  # "2 cs X, 24 ct crushed": the size of the cases said before
    if hits and not p.qty and has_digit and _PART_COUNT.search(t):
        # "12 MLK-2L expired, another 5 of them dented": a further part of the same goods,
        # with its own reason: a request of its own (the goods are the ones named before)
        p.qty = p.part = True
    if p.money and any(h.category is Category.RESERVE_PROVISION for h in hits):
        p.total = True  # "add $2,000 to the reserve": an amount of its own, never a price
    if has_digit and t == heading and p.sku is None:
        # "count results aisle 5:": the heading's number names the place, nothing counted
        p.qty = p.money = p.total = has_digit = False
    p.context_only = not has_digit and p.sku is None
    # "80 units SKU-12 in all" after "2 pallets gone": the sum of what came before
    p.tally = has_digit and not p.money and bool(_TALLY.search(t))
    p.label = p.context_only and p.reason and t.rstrip().endswith(":")
    p.one_container = p.qty and _one_container(t)


# "a crate of", "one pallet of": a single container of goods, nothing else counted
_ONE_CONTAINER = lead(
    "aos",
    rf"\b(?:a|an|one|single)\s+(?:(?:whole|full|entire|complete|big|small|large)\s+)?"
    rf"(?P<u>{_UNIT})\s+of\b",
    _I,
    word=True,
)


_SIZE_TAG_ONLY = re.compile(
    r"\s*(?:\(?\s*\d+(?:\s*-?\s*(?:ct|count|pk|pack)\b|'?s\b|\s+in\s+(?:each|every)\b)\)?"
    r"|(?:case|carton|ctn|box|pack)\s+of\s+\d+\b)(?!\D*\d)",
    _I,
)


def _one_container(t: str) -> bool:
    m = _ONE_CONTAINER.search(t)
    if m is None or not _holder(m.group("u")):
        return False
    if not _DIGIT.search(t):
        return True
    # "a crate of 12 bottles dropped": one container of a stated count, nothing else counted
    pack = packs.read(t)
    return pack is not None and list(pack.containers.values()) == [1]


# what holds goods without being sold by the piece: "a bin of plates", "a bucket of paint"
_HOLDERS = frozenset(("bin", "bins", "bucket", "buckets", "pail", "pails", "tub", "tubs"))


def _holder(unit: str) -> bool:
    return packs.container(unit) is not None or unit.lower() in _HOLDERS


_NUMWORDS_SEARCH = re.compile(_NUMWORDS, _I)
_TALLY = re.compile(rf"\d\s+(?:[a-z]+\s+)?(?:[\w-]*\d[\w-]*\s+|{SKU_MARK}\s*)?{packs.IN_ALL}", _I)
# "4 tvs cracked $389 each": a count of goods named by any plural noun, beside a price
# ("2 Japanese maples", "6 soccer balls": a word or two may describe them)
_COUNT_GOODS = re.compile(
    r"(?<![\w.$#/-])\d{1,5}\s+(?:(?!(?:at|for|from|to|by|per|on|in|and|or|with|of|x|each|ea"
    r"|were|was|are|is)\b)[a-z][a-z'-]*\s+){0,2}?(?!(?:was|is|has|this|its|his|us|as|yes|less"
    r"|plus)\b)[a-z]{2,}s\b",
    _I,
)
# a count, the goods, and a price for each: "12 Wingspan at $38.75", "2 candelabras ($128 ea)",
# "40 lemons at $0.32", "15 lb bananas @ .38" (not "at $300 total")
_COUNT_PRICED = re.compile(
    r"(?<![\w.$#/,-])\d{1,5}\s+(?:[A-Za-z][\w'&.-]*\s+){1,4}?(?:at\s+|@\s*|\(\s*)\$?\s?\d[\d,]*"
    r"(?:\.\d+)?\s*(?:c\b|cents?\b)?(?!\s*(?:total|in\s+total|all|altogether|for\s+(?:all|the\s+lot)))",
    _I,
)
_COUNT_THEN_PRICE = re.compile(
    r"(?<![\w.$#/,-])(?P<n>\d{1,5})\s+(?:[A-Za-z][\w'&.-]*\s+){1,4}?(?:at\s+|@\s*|\(\s*)?"
    + MONEY_MARK
)
_ALL_OF_THEM = re.compile(r"\b(?:all|both|the\s+whole)\s+$", _I)
# "1 jumbo dragon ($68)": one thing and its price
_ONE_PRICED = re.compile(
    r"(?<![\w.$#/-])1\s+(?:[a-z][a-z'-]*\s+){0,2}?[a-z]{3,}\s*\(?\s*(?:@|\$|at\b)", _I
)
# "short 6, WID-200 over 10": a comma after the count ends it; "1,200" is one number
_BARE_COUNT = re.compile(r"(?<![\w.$#/-])\d{1,5}(?![\w./%-])(?!,\d)")
_PLACE_BEFORE = lead("a-z", rf"\b{_LOC_HEAD}\s*$", _I)


def _count_beside(t: str, hit: _Hit) -> bool:
    """A bare number within a word of the reason ("3 smashed", "short 3"), not a place's
    number ("aisle 3 damaged")."""
    lo, hi = max(0, hit.start - 12), min(len(t), hit.start + len(hit.keyword) + 6)
    for m in _BARE_COUNT.finditer(t, lo, hi):
        if _OF_THEM.match(t, m.end()):
            continue  # "10 of them stolen": part of a count said elsewhere, not a new one
        place = _PLACE_BEFORE.search(t, max(0, m.start() - 24), m.start())
        if not place or _verb_bin(t, place.start()):
            return True
    return False


_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|the|which)\b", _I)
# a count at the start of a part, then the goods in a few words ("3 S22 screens ", "10 navy L
# hoodies "), up to what happened to them
# ("6 of them broke": a share of a count said before, not a count of its own; "+ 5 loose ones
# dented": pieces beside the cases before)
_COUNT_THEN_GOODS = re.compile(
    r"\s*\d{1,4}\s+(?!of\b|loose\b|singles?\b|individual\b)(?:(?!\d+\s)[a-z0-9][\w'&-]*\s+){1,4}$",
    _I,
)
# "another 5 (of them)", "3 more", "10 of the same": more goods than the count before. "10 of them"
# alone is a share of that count ("40 damaged, 10 of them stolen": one amount, two stories).
_PART_COUNT = re.compile(
    r"\b(?:another|a\s+further|an\s+extra|an\s+additional|plus|also)\s+\d{1,5}\b(?![.,/%-]?\d)"
    r"|(?<![\w.$#/-])\d{1,5}\s+(?:more|further|others?|of\s+the\s+same(?:\s+\w+)?)\b",
    _I,
)


_TOTAL_SIGNAL = lead(
    r"$ud\dwtfb",
    r"(?:\$|usd|dollars?|\d\s*k\b)[^;\n]{0,12}?\b(?:of|worth|in\s+total|total|in)\b"
    r"|\b(?:worth|total(?:ing|ling)?|for\s+a\s+total\s+of|write[-\s]?off|w/o|write[-\s]?down"
    r"|by)\s*(?:of\s+)?(?:\$|usd|\d)",
    _I,
)


_ENDS_JOINED = re.compile(r"(?:\+|&|\band\b|\bplus\b)\s*$", _I)


def _standalone(sku: bool, qty: bool, money: bool, total: bool, reason: bool) -> bool:
    """Enough for a request of its own: what was lost and how much."""
    return (sku and (qty or money)) or (qty and reason) or (total and reason)


def _drop_instructions(pieces: list[_Piece], reasons: _ReasonIndex) -> list[str]:
    """Blank every piece part that names accounts or overrides rules; return what was cut."""
    cut: list[str] = []
    for p in pieces:
        m = _INSTRUCTION.search(p.text)
        if not m:
            continue
        # "debit 5200 credit 1000 for 8 X broken": only the accounts named, not the goods
        chain = _ACCOUNT_CHAIN.match(p.text, m.start())
        tail = _ACCOUNT_TAIL.search(p.text, m.start(), m.end()) if not chain else None
        verb = _WORD.match(p.text, m.start())
        if tail and verb and _DIGIT.search(p.text, verb.end(), tail.start()):
            # "book 2 stolen SKU-77 to COGS": the verb and where it sends, not the goods between
            cut.append(f"{verb.group(0)} ... {_WS.sub(' ', tail.group(0)).strip()}")
            p.text = _blank(_blank(p.text, *tail.span()), *verb.span())
        else:
            end = chain.end() if chain and chain.end() >= m.end() else len(p.text)
            cut.append(_WS.sub(" ", p.text[m.start() : end]).strip(" ,.;"))
            p.text = p.text[: m.start()] + " " * (end - m.start()) + p.text[end:]
        if len(pieces) > 1:
            _signals(p, reasons)
    return cut


def _heads(p: _Piece, after: list[_Piece]) -> bool:
    """A label ("Expired:") heads what follows, unless what follows is only its value: "12
    SKU-77, NRV: $30 each" says the new value of the goods before it."""
    if not p.label:
        return False
    value_only = bool(after) and after[0].money and not (after[0].qty or after[0].sku)
    if not value_only or after[0].reason:
        return True
    return _WD_NRV.search(p.text + after[0].text) is None


# A part that only gives goods said before it a new value: "write down to 499 each", "reduce
# value to 4.90 ea", "mark them down to $20"
_NEW_VALUE_ONLY = re.compile(
    r"""^\W*(?:(?:and|then|pls|please|so|just)\s+)*
        (?:write|writing|mark|marking|knock|knocking|reduce|reducing|revalue|reprice|take|bring
        |drop|cut)\w*\s+(?:(?:it|them|em|'em|these|those|value|the\s+value|price|cost)\s+)?(?:down\s+)?
        (?:to|by)\s+\$?\d[\d,]*(?:\.\d+)?\s*(?:each|ea|apiece|a\s+piece|per\s+\w+|/\s*\w+)?\W*$""",
    _IX,
)


# ... or only "to" the value, the verb said before it
_TO_VALUE = re.compile(
    r"^\W*to\s+\$?\d[\d,]*(?:\.\d+)?\s*(?:each|ea|apiece|a\s+piece|per\s+\w+|/\s*\w+)\b", _I
)


# ... or the count of goods valued before it, written down
_WRITE_DOWN_THE = re.compile(
    r"^\W*(?:(?:and|then|pls|please|so|just)\s+)*(?:write|mark|knock|take)\s+(?:\w+\s+)?down"
    r"\s+(?:the|our|all|those|these|them\s+all)\s+\d"
    # ("X packaging change, NRV 2.00/unit, 150 units - write down pls")
    r"|^\W*\d[\d,]*\s+(?:[a-z]+\s*)?[-\u2013\u2014,:]?\s*(?:(?:pls|please|so|and)\s+)?"
    r"(?:write|mark|knock)\s+(?:them\s+|em\s+|'em\s+|it\s+)?down\b",
    _I,
)


# a piece that is only an amount, said as the total of the goods before it
_MONEY_ONLY = re.compile(
    r"\W*(?:\$\s?\d[\d,]*(?:\.\d\d)?k?|\d[\d,]*(?:\.\d\d)?\s*(?:dollars|bucks))\s*"
    r"(?:(?:in\s+)?total(?:\s+value)?|value|worth|all\s+in|altogether|at\s+cost)?\W*$",
    _I,
)


def _group(pieces: list[_Piece]) -> tuple[str, list[list[_Piece]]]:
    """Glue pieces into requests. Returns the shared header text (only when it heads several
    requests) and the groups."""
    groups: list[list[_Piece]] = []
    cur: list[_Piece] = []
    cur_sig = [False] * 5  # sku, qty, money, total, reason
    cur_sku: str | None = None
    cur_priced = False
    for i, p in enumerate(pieces):
        p_sig = [p.sku is not None, p.qty, p.money, p.total, p.reason]
        new = False
        # ("3 plush bears ($7.80 ea) and 1 jumbo dragon ($68), both ripped": each a count and
        # its price, the reason said once for both)
        priced = (
            cur_sig[1] and cur_sig[2] and not cur_sig[3] and p.qty and p.money and not p.total
        ) or (cur_priced and p.priced)
        # ("LG fridge X crushed on the liftgate + 1 LG range Y glass cracked": each its own
        # goods and story, the first with no count)
        told = cur_sig[0] and cur_sig[4] and bool(p.sku) and p.qty and p.reason and p.sku != cur_sku
        if cur and (_standalone(*cur_sig) or priced or told):
            if (_standalone(*p_sig) or _heads(p, pieces[i + 1 : i + 2])) and not p.tally:
                new = True
            elif p.sku and cur_sku and p.sku != cur_sku:
                new = True  # "..., and for SKU-2, 2 units expired at $7"
            elif p.qty and p.money and not p.total and cur_sig[1] and cur_sig[2]:
                new = True  # "damaged 3 tvs 389 each and 2 chairs 96 each": a count and its price
            if new and not (cur_sig[1] or cur_sig[4]) and p.qty and p.reason and not p.sku:
                new = False  # "SKU-12 @ 15 ea, 4 cracked": goods and price, then how many and why
            if (
                new
                and cur_sig[0]
                and cur_sig[1]
                and not cur_sig[2]
                and not (p.sku or p.qty)
                and _MONEY_ONLY.match(p.text)
            ):
                new = False  # "...: 10 WN-QN battings, $420 total value": what they were worth
            if new and cur[-1].one_container and p.qty and not p.sku and not p.money:
                new = False  # "one pallet of FLR-25 got wet, 12 sacks ruined": the pieces in it
            if new and cur_sig[0] and cur_sig[1] and not p.sku and _NEW_VALUE_ONLY.match(p.text):
                new = False  # "3 X discontinued, write down to 499 each": their new value
            if (
                new
                and cur_sig[0]
                and cur_sig[1]
                and not p.sku
                and _TO_VALUE.match(p.text)
                and any("down" in c.text.lower() for c in cur)
            ):
                new = False  # "write down X, 50 units, to 15.00 ea - old model": the value
            if (
                new
                and cur_sig[0]
                and cur_sig[2]
                and not cur_sig[1]
                and p.qty
                and not (p.sku or p.money)
                and _WRITE_DOWN_THE.match(p.text)
            ):
                new = False  # "NRV on X dropped to $60, write down the 25 we have": how many
        if new:
            groups.append(cur)
            cur, cur_sig, cur_sku, cur_priced = [], [False] * 5, None, False
        cur.append(p)
        cur_sig = [a or b for a, b in zip(cur_sig, p_sig, strict=True)]
        cur_sku = cur_sku or p.sku
        cur_priced = cur_priced or p.priced
    if cur:
        groups.append(cur)
    header = ""
    if len(groups) > 1:
        first = groups[0]
        lead = 0
        while lead < len(first) - 1 and first[lead].context_only:
            lead += 1
        if lead:
            header = "".join(p.text for p in first[:lead])
            groups[0] = first[lead:]
    return header, groups


# ===============================================================================================
# Reading one request
# ===============================================================================================


@dataclass
class _Money:
    value: Decimal
    start: int
    role: str  # "unit" | "total" | "free"
    unit: str | None = None  # "/lb" -> "lb"
    bare_at: bool = False


@dataclass
class _Qty:
    value: Decimal
    unit: str | None
    start: int
    how: str  # "unit" | "x" | "kw" | "sku" | "money" | "one" | "range" | "after_sku" | "bare"


@dataclass
class _Read:
    s: str
    text: str = ""  # the request as it came, for looking around a position
    errors: list[str] = field(default_factory=list)
    guesses: list[Guess] = field(default_factory=list)
    money: list[_Money] = field(default_factory=list)
    qtys: list[_Qty] = field(default_factory=list)
    wd_cost: list[Decimal] = field(default_factory=list)
    wd_new: list[Decimal] = field(default_factory=list)
    wd_by_unit: list[Decimal] = field(default_factory=list)
    wd_by_total: list[Decimal] = field(default_factory=list)
    percent: list[Decimal] = field(default_factory=list)  # reductions: "to 80%" is 20
    percent_said: list[Decimal] = field(default_factory=list)  # as written: "to 80%" is 80
    wd_fraction: Decimal | None = None  # "by 25%" of a cost only the item list knows
    used: list[Decimal] = field(default_factory=list)  # pack counts, percentages applied
    used_words: list[str] = field(default_factory=list)  # fraction words applied ("half")
    notes: list[str] = field(default_factory=list)  # how the reading was made
    doubts: list[str] = field(default_factory=list)
    unclear: list[str] = field(default_factory=list)
    not_amounts: list[tuple[int, int]] = field(default_factory=list)  # SKU codes, places
    pack: packs.Pack | None = None
    # what a bare count came in, said beside it ("24 X (2 cs)"): container -> how many
    held: tuple[tuple[str, Decimal], ...] = ()
    price_or_total: bool = False  # an amount with no words saying per unit or in all
    priced_by: str | None = None  # the measure the item list prices the SKU by ("foot")

    def guess(self, message: str, penalty: float) -> None:
        if all(g.message != message for g in self.guesses):
            self.guesses.append(Guess(message, penalty))

    def cut(self, start: int, end: int, mark: str = "") -> None:
        self.s = _blank(self.s, start, end, mark)


def _read_group(
    work: str,
    source: str,
    reasons: _ReasonIndex,
    known: frozenset[str] = frozenset(),
    heading: str = "",
    counted: bool = False,
    priced_by: Callable[[str], str | None] = lambda sku: None,
    plain: str = "",
) -> Facts | None:
    """One request read into Facts; `plain` is `work` as typed, before the masks (same
    length), or empty."""
    r = _Read(work, work)
    skus = _read_skus(r, known)  # first, so "SKU-1E5" or "SKU -12" are codes, not bad numbers
    _name_figures(r)
    strays: list[str] = []
    if any(code in known for code, _ in skus):
        # beside a code the item list knows, an unknown bare code is a place or a label
        # ("BAY-12", "PO-4471"); any other is maybe another item: not guessed away
        strays = [c for c, bare in skus if c not in known and bare and not _PLACE_CODE.match(c)]
        skus = [(code, bare) for code, bare in skus if code in known or not bare]
    # "35 ft of hose" priced per foot: the measure is the count, never the goods' size
    r.priced_by = priced_by(skus[0][0]) if skus else None
    # "2 bolts (15 yd/bolt)", "20 ft sticks": read before a length is taken for a size
    measured = packs.read_measured(r.s) if _MEASURED_GATE.search(r.s) else None
    if measured is not None:
        _read_pack(r, measured)
    elif r.priced_by and len(plain) == len(r.s) and _MEASURED_GATE.search(plain):
        # "two 50 lb bags of FRT-BONE-LB" priced per lb: the weight on each bag (masked as a
        # size of goods priced by the bag) is the count
        # ("LT-EG-CL 25kg sack contaminated" of tea priced per kg: one sack, its 25 kg the
        # count; round 209 dropped the 25kg and drafted the total at 0.97)
        pack = packs.read_measured(plain) or packs.one_sized(plain, skus[0][0])
        if pack is not None and measures.measure(pack.unit) == r.priced_by:
            _read_pack(r, pack)
    _read_sizes(r)
    if "worth" in r.text.lower():
        _worth_nothing(r)
    _read_bad_numbers(r)
    hits = reasons.hits(r.s, heading)
    if not hits and counted:
        # "..., 2 SKU-77 over" beside "4 SKU-12 short": the count's direction words count here
        hits = _line_direction(r.s, heading, reasons)
    hits = _not_qualifiers(r.s, _reserve_named(r.s, hits))
    for h in hits:
        if _NUMBER_WORD_IN.search(h.keyword):
            # "five finger discount" (theft): the number word is the idiom's, no count
            span = (h.start, min(len(r.s), h.start + len(h.keyword)))
            r.cut(*span)
            r.not_amounts.append(span)
    # "nothing missing but 4 X crushed": a reason denied is none, when another is said
    if len(hits) > 1:
        # ("from the flooded... nah not flooded, the roof leak": a word taken back later is
        # denied where it was first said too; round 308 drafted a sure casualty)
        denied = {h.keyword.lower() for h in hits if _negated(r.s, h)}
        hits = [h for h in hits if h.keyword.lower() not in denied] or hits
    category, reason = _pick_reason(r, hits, reasons)
    category, reason = _count_way(r, work, category, reason)
    location = _read_location(r)
    write_down = category is not None and reasons.kind[category] is Kind.WRITE_DOWN
    _read_pack(r)
    reserve = category is not None and reasons.kind[category] is Kind.RESERVE
    if reserve:
        _read_reserve_money(r)
    _read_percent(
        r, write_down, [h.start for h in hits if reasons.kind[h.category] is not Kind.WRITE_DOWN]
    )
    _read_write_down(r, write_down)
    if write_down and not (r.wd_new or r.wd_by_unit or r.wd_by_total or r.percent):
        # "clearance bin junk, write off $240 total, all of it is broken": no new value, the
        # goods broken and written off: a loss, the write-down's word only where they were
        broken = [h for h in hits if h.category is Category.LOSS and not _negated(r.s, h)]
        if broken and _WRITE_OFF_SAID.search(r.s):
            category, reason, write_down = Category.LOSS, broken[0].keyword, False
        elif (
            any(_CRUSHED.match(h.keyword) for h in broken)
            and "%" not in r.s
            and not _WORTH_SAID.search(r.s)
        ):
            # "w/d canned diet, 30 cases, $2.1k total, pallet tipped and crushed them": no new
            # value, the goods crushed: likelier written off than down, never sure
            category, reason, write_down = Category.LOSS, broken[0].keyword, False
            r.guess(
                f"'{broken[0].keyword}' beside a write-down word and no new value: read as "
                "written off",
                P_SEVERAL_REASONS,
            )
    if reserve:
        _read_reserve_amount(r)
    _read_money(r)
    _read_quantities(r, hits)
    for q in r.qtys:
        if (
            1950 <= q.value <= 2049
            and q.value == int(q.value)
            and _A_YEAR_BEFORE.search(r.s, 0, q.start)
        ):
            # "write off the 2019 SKU-12, obsolete": the goods' year, or 2,019 of them?
            r.guess(f"'the {q.value}': a year of the goods, or how many?", P_QTY_OR_PRICE)
    leftovers = _leftover_numbers(r)
    if strays or known:  # (with no item list every code is unknown: nothing to compare)
        beside = any(code in known for code, _ in skus)
        if beside:
            strays += _caps_codes(r.s, known, reasons.speller)
            strays += _listed_like_goods(source, known)
        _stray_codes(r, strays, source, beside)
    by_size = _COUNT_BY_SIZE.search(source) if " x " in source else None
    if by_size:
        r.guess(
            f"Read '{by_size.group('n')} x {by_size.group('size')}' as {by_size.group('n')} "
            f"of the {by_size.group('size')} goods, not a size",
            P_COUNT_BY_SIZE,
        )

    sku = skus[0][0] if skus else None
    has_numbers = bool(r.money or r.qtys or r.wd_cost or r.wd_new or r.wd_by_unit)
    has_numbers = has_numbers or bool(r.wd_by_total or leftovers or r.errors)
    if not _is_request(
        work,
        category,
        sku,
        location,
        has_numbers,
        r,
        lambda part: _reason_said(part, reasons),
        coded=bool(strays),
    ):
        return None

    if len({c for c, _ in skus}) > 1:
        r.guess(
            f"{SKUS_LEFT_OUT} ("
            + ", ".join(dict.fromkeys(c for c, _ in skus))
            + f"); drafted {sku} only",
            P_SEVERAL_SKUS,
        )
    if skus and skus[0][1]:
        r.guess(f"Took '{sku}' to be the SKU", P_BARE_CODE)
    if reason in _PRICE_CUT_WORDS:
        # ("knocked 10% off SKU-77 for 20 units", "10% off promo on 5+"): a cut in the price
        # may be a customer's discount, not the goods' lost value
        r.guess("A price cut said alone may be a discount to a customer: check", P_PRICE_CUT)
    if _CORRECTION.search(work):
        r.guess("The message corrects itself; check which numbers are meant", P_CORRECTION)
    foreign = _FOREIGN_CURRENCY.search(work)
    if foreign:
        r.errors.append(
            f"'{foreign.group(0).strip()}' is another currency; give the amount in dollars"
        )
    reserve = category is not None and reasons.kind[category] is Kind.RESERVE
    if reserve and _ADJUSTED.search(work) and not _RESERVE_WAY.search(work):
        # "reserve adj for slow movers, $1,800": adjusted which way? up (a provision) or
        # down (using it) is not said by "adjust"
        r.unclear.append(
            f"'{_ADJUSTED.search(work).group(0)}' does not say which way the reserve moves: "  # type: ignore[union-attr]
            "add to it, or use it?"
        )
    moved = _MOVED_INTO_RESERVE.search(work) if reserve else None
    if moved:
        # "move $800 of the old Halloween stock into the reserve": stock does not move into a
        # reserve; built for it (an expense) or written off against it? (round 160: built,
        # at 0.97)
        r.unclear.append(
            f"'{_WS.sub(' ', moved.group(0)).strip()}': is the reserve built for these goods "
            "(an expense now) or are the goods written off against it? Say 'add to' or 'use'"
        )
    balance = _RESERVE_TO_A_BALANCE.search(work) if reserve else None
    if balance:
        # "increase the reserve to $10,000": the balance it should reach; the entry is the
        # difference from today's balance, which the message does not give
        r.unclear.append(
            f"'{balance.group(0).strip()}' gives the balance the reserve should reach, not the "
            "amount to book: what is it today? Say the amount to add or use"
        )
    back = _RESERVE_BACK.search(work) if reserve else None
    if back and (
        category is Category.RESERVE_PROVISION
        or not any(h.category in _GOODS_LEAVE and not _reserve_name_word(r.s, h) for h in hits)
    ):
        # "reverse the provision", "release the excess reserve", "no longer needed": the
        # reserve goes back to income (Dr 1290 / Cr 5400), neither used by goods written off
        # nor built up (a reversal never builds it); with goods written off ("for the
        # scrapped mugs") it is used
        r.unclear.append(
            f"'{back.group(0).strip()}': is the reserve taken back to income (no goods "
            "written off)? That is not a write-off I draft; if goods were written off "
            "against it, say what they were"
        )
    if category in (Category.LOSS, Category.CASUALTY):
        still = usable.usable(work)
        if still:
            # "box damaged, product fine", "scratched but works fine", "can be repaired": the
            # goods are still stock; a write-down or a repair, not a write-off of their cost
            r.unclear.append(
                f"'{still}': are the goods still usable? Then they are not written off: say "
                "what they are now worth (a write-down) or that they cannot be used"
            )
    if category is Category.SHRINKAGE:
        inbound = _INBOUND.search(work)
        if inbound:
            # "the delivery was 5 SKU-12 short", "supplier short-shipped 5": goods that never
            # arrived were never on the shelf; a claim on the supplier or carrier (or a
            # receiving correction), not shrinkage of stock on hand
            r.unclear.append(
                f"'{inbound.group(0).strip()}': were these goods short on a delivery, never "
                "received? Then it is a claim on the supplier or carrier, not a write-off"
            )
    if not reserve and _RESERVE_WORD.search(work):
        r.guess(
            "The message mentions a reserve or allowance, but not in words I know; check "
            "whether this goes against or into the reserve",
            P_RESERVE_UNCLEAR,
        )

    if category in (Category.SHRINKAGE, Category.OVERAGE):
        _level_not_difference(r, work)
    listed = sku is not None and sku in known
    facts = _assemble(r, source, category, reason, sku, location, leftovers, write_down, listed)
    plain = items.hidden(work, known)  # "88-4201" is a code, not a range
    doubts = hedges.hedges(plain) + hedges.ranges(plain, write_down, _PLACE_BEFORE)
    doubts += hedges.code_choice(work)
    # the words as said ("50/50" is masked in `work` as a date would be)
    doubts += mixed.mixed_reasons(source, lambda t: (h.start for h in reasons.hits(t)))
    if doubts:
        facts = replace(facts, doubts=(*facts.doubts, *doubts))
    return account.account_for(facts, work, r.not_amounts, r.used_words)


# "3 more missing", "5 extra damaged": "more" counts the goods the next word is about
_QUALIFIES = re.compile(
    r"\s*(?:of\s+(?:them|those|these)\s+|units?\s+|pcs\s+|were\s+|are\s+)?$", _I
)
_QUALIFIERS = frozenset(("more", "extra"))
# ... or the shortage before it: "short 5 more", "missing another 2 more"
_QUALIFIED = re.compile(r"\s*(?:by\s+)?(?:another\s+)?\d+\s*$", _I)


def _not_qualifiers(s: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop a count word that only qualifies the reason word after it: "recount: 3 more
    missing" is a shortage, not an overage of 3."""
    if len(hits) < 2:
        return hits
    out = []
    ordered = sorted(hits, key=lambda h: h.start)
    prev: _Hit | None = None
    for h, nxt in itertools.zip_longest(ordered, ordered[1:]):
        qualifier = h.category is Category.OVERAGE and h.keyword in _QUALIFIERS
        if (
            qualifier
            and nxt is not None
            and nxt.category is not Category.OVERAGE
            and _QUALIFIES.match(s[h.start + len(h.keyword) : nxt.start])
        ):
            continue
        if (
            qualifier
            and prev is not None
            and prev.category is Category.SHRINKAGE
            and _QUALIFIED.match(s[prev.start + len(prev.keyword) : h.start])
        ):
            continue  # "cycle count short 5 more": more of the shortage, not an overage
        out.append(h)
        prev = h
    if any(h.keyword in _NOT_LISTED for h in out) and not _FOUND_EXTRA.search(s):
        # "sofas from the old vendor, not in the system, 2 at $385, frames broken": goods the
        # item list does not know, priced in the message; their story is the other word
        others = [h for h in out if h.category not in _COUNT_WAYS_]
        if others:
            return others
    return out


_COUNT_WAYS_ = (Category.SHRINKAGE, Category.OVERAGE)
# goods the books do not hold: an overage when found on a count, else goods off the list
_NOT_LISTED = frozenset(
    (
        "not in the system", "not in system", "not in our system", "not in the books",
        "aren't in the system", "arent in the system",
        "are not in the system", "weren't in the system", "not on the books",
        "aren't on the books",
    )
)  # fmt: skip
_FOUND_EXTRA = re.compile(
    r"\b(?:found|turned\s+up|came\s+across|discovered|extra|surplus|over|count(?:ed)?)\b", _I
)


def _count_way(
    r: _Read, work: str, category: Category | None, reason: str | None
) -> tuple[Category | None, str | None]:
    """The direction words of a count ("we're over by 4", "books are under"): they name the
    reason when nothing else does, and never let a shortage and an overage be swapped
    quietly."""
    if category is not None and category not in _COUNT_WAYS_:
        # "turned up 4 more X than the books show, they were in a mislabeled tote": a count's
        # direction said in full beside another story: which is it? (was the other at 0.97)
        other = direction.read(work) if _MORE_OR_FEWER.search(work) else None
        if other is not None and other.clear:
            r.unclear.append(
                f"'{other.word.strip()}' says a count off the books, and the message also says "
                f"'{reason}': which is it?"
            )
        return category, reason
    way = direction.read(work)
    if way is None:
        return category, reason
    if not way.clear:
        r.unclear.append(direction.both_ways(way))
    if category is None:
        return way.category, way.way
    if category is not way.category and way.clear:
        r.unclear.append(direction.against(way, category))
        return way.category, way.way
    return category, reason


# A code of a place or a reference, not goods: "BAY-12", "DOCK-4", "PO-4471", "A-12"
_PLACE_CODE = re.compile(
    rf"(?:{_LOC_HEAD}|po|rma|inv|grn|wo|ref|lot|batch|tkt|asn|bol|loc|dk|ln|[a-z])-?\d", _I
)
# A token of letters and digits left over once the reading is done ("MON24", "MX-2231"):
# a code the item list does not know, beside one it knows
# (a size the masks cut out of it leaves a separator: "MON0-55IN" is "MON0-" by then)
_STRAY_CODE = re.compile(
    r"(?<![\w])[-/]?(?=[\w/-]*[a-z][\w/-]*[a-z])(?=[\w/-]*\d)[a-z0-9]+(?:[-_/][a-z0-9]+)*"
    r"(?:[-/](?=\s))?(?![\w/-])",
    _I,
)


# A word in capitals ("MONXL", "BRKTS") in a message that is not all capitals: written as a code
# (an item list's codes may be letters only), unless it is a word the reader knows, a
# misspelling of one, or one of the capitals people shout ("URGENT", "ASAP")
_CAPS_WORD = re.compile(r"(?<![\w/-])[A-Z]{4,}(?![\w/-])")


def _caps_codes(s: str, known: Collection[str], speller: fuzzy.Speller) -> list[str]:
    if not any(ch.islower() for ch in s):
        return []  # all in capitals: shouting, not codes
    return [
        m.group(0)
        for m in _CAPS_WORD.finditer(s)
        if m.group(0) not in known
        and (word := m.group(0).lower()) not in speller.known
        and word not in items.SHOUTED
        and word.rstrip("s") not in speller.known
        and speller.meant(word) is None
    ]


# A reference's shape in capitals ("REF100", "RMA12", "REF-3312-SS"), said where goods are
# listed ("1 LT0 and REF100 broken", "LT0 REF-3312-SS x 1"): as likely an item the list does
# not know as a reference (hypothesis found them drafted sure). Not an order's own number:
# "PO4471", "SO778", "WO12", "INV553", "LOT12", "BOL5", "JOB12".
_CAPS_REF_SHAPE = re.compile(
    r"(?<![\w/-])(?!(?:PO|SO|WO|INV|LOT|BOL|JOB)-?\d)"
    r"(?:[A-Z]{2,4}\d+(?:[-/][A-Z0-9]+)*|[A-Z]{2,4}-\d+[-/][A-Z][A-Z0-9]*)(?![\w/-])"
)
_LIST_MARK = re.compile(r"(?:\band|&|\+|,|/|\bor\s+was\s+it)\s*$", _I)


def _listed_like_goods(source: str, known: Collection[str]) -> list[str]:
    """The tokens of `source` with a reference's shape said where goods are listed: after
    "and", "&", "+", a comma, a slash or "or was it", or right after a code the list knows."""
    out = []
    for m in _CAPS_REF_SHAPE.finditer(source):
        if m.group(0) in known:
            continue
        before = source[max(0, m.start() - 16) : m.start()]
        words = before.split()
        if _LIST_MARK.search(before) or (words and words[-1] in known):
            out.append(m.group(0))
    return out


def _stray_codes(r: _Read, strays: list[str], source: str, beside: bool) -> None:
    """A code-like token the item list does not know, beside a code it knows (`beside`):
    another item, a typo of one, or another name of the same item? Or with none it knows:
    the SKU, typed wrong? Not guessed: the draft is unsure."""
    for m in _STRAY_CODE.finditer(r.s):
        token = m.group(0).strip("-/")
        whole = re.search(rf"\S*{re.escape(token)}\S*", source)  # as typed, sizes and all
        strays.append(whole.group(0).strip(".,;:!?()") if whole else token)
    ask = "Another item, or another name of this one?" if beside else "Check the SKU."
    for code in dict.fromkeys(strays):
        r.unclear.append(f"I did not understand '{code}': the item list does not know it. {ask}")


# "we counted 44, the system has fewer": 44 is what is on the shelf, and the words say only
# which way the books are off. A count or a shortfall is the difference ("6 short", "off by
# 8", "10 extra"); a level with a direction and no difference has no quantity to draft.
_LEVEL = re.compile(
    r"\b(?:counted|count(?:ed)?\s+(?:is|was|of|shows?|came\s+to)|we\s+(?:have|had|found|got)"
    r"|there\s+(?:are|were|is)|found|on\s+hand|physical(?:\s+count)?\s+(?:is|of|was)?)\s+"
    r"(?:only\s+|just\s+)?\d",
    _I,
)
_DIFFERENCE = re.compile(
    r"\d+\s+(?:\S+\s+){0,2}?(?:short|missing|extra|over|more|fewer|less|unaccounted|gone"
    r"|surplus|too\s+many|too\s+few|lost|stolen|damaged|light|heavy)\b"
    r"|\b(?:short|off|out|over|under|down|up|shortfall|variance|discrepancy|difference"
    r"|surplus|missing|extra)\s+(?:of\s+|by\s+)?\d",
    _I,
)


# goods the books never had: all that was found is the difference ("found 3 X that aren't in
# the system", "found 2 cs in the back, not in QB")
_NEVER_ON_BOOKS = re.compile(
    r"\b(?:not|isn'?t|aren'?t|wasn'?t|weren'?t|never)\s+(?:\w+\s+){0,2}?(?:in|on)\s+(?:the\s+|our\s+)?"
    r"(?:system|books?|inventory|qb|qbo|quickbooks|records?)\b"
    r"|\bsystem\s+(?:doesn'?t|didn'?t|does\s+not|did\s+not)\s+(?:have|know)\b"
    r"|\bnever\s+(?:got\s+)?received\b",
    _I,
)


def _level_not_difference(r: _Read, work: str) -> None:
    if _LEVEL.search(work) and not _DIFFERENCE.search(work) and not _NEVER_ON_BOOKS.search(work):
        r.doubts.append(
            "That number reads as what was counted, not how many are short or over: give "
            "the difference (e.g. '6 short')"
        )


def _is_request(
    work: str,
    category: Category | None,
    sku: str | None,
    location: str | None,
    has_numbers: bool,
    r: _Read,
    reason_said: Callable[[str], bool],
    coded: bool = False,
) -> bool:
    """Whether a group asks for a write-off; `coded`: it names goods by a code the item list
    does not know ("PS5 digital stolen": round 270 found no write-off in it)."""
    if (
        "?" in work
        and (_STATUS_QUESTION.search(work) or (_QUESTION_START.search(work) and not r.money))
        and not chatter.ASKED_TO_DO.search(work)  # "is it ok to write off 12 X? expired"
        and not chatter.report_after_question(work, reason_said)
    ):
        return False  # "how do I write off damaged stock?" asks for help, not a draft
    if category is not None:
        # a reason word alone ("my day was ruined") is chat; with anything about stock it is not
        return bool(
            has_numbers or sku or location or coded or _INTENT.search(work) or _GOODS.search(work)
        )
    if not has_numbers:
        return False
    # "2 chairs 96 each" after another request: goods counted and priced
    counted = any(q.unit for q in r.qtys) or bool(
        r.qtys and (_COUNT_GOODS.search(work) or _COUNT_PRICED.search(work))
    )
    return bool(sku or _INTENT.search(work) or (counted and r.money))


# -- sizes -------------------------------------------------------------------------------------

# A strength or a size is part of what the goods are, never a count or a price: "amoxicillin
# 500mg", "128 GB phones", "2 x 55in TVs", "24 x 500ml bottles". Units nobody counts stock in
# (mg, GB, mAh...) are sizes however typed; a length, a power or a volume only when fused to
# its number, and a volume only when goods follow ("500ml bottles", not "500ml of oil").
_SIZE = lead(
    r"\d.",
    rf"""(?<![\w.,$@#/-])(?:\d+(?:\.\d+)?)
      (?: \s?(?:mg|mcg|µg|ug|iu|gb|tb|mah|hz|mp|mpx)
        | (?:mm|cm|m|in|inch|inches|ft|"|w|kw|v)(?!\s+of\b)
        | \s(?:inch|inches|mm|cm|ft|foot|feet)(?!\s+of\b)  # "55 inch tv"
        | (?:ml|cl|l|oz|fl\.?\s?oz)(?=\s+(?!of\b|each\b|ea\b|per\b|a\b|an\b)[a-z]{{3,}})
        | (?:g|kg|lb)(?=\s+{_UNIT}\b)  # "500g boxes", "25kg sacks"; "10kg flour" is weight
      )(?![\w/])""",
    _IX,
)


# "the 300 gal custom tank", "our 40 gal aquarium": what one vessel holds, after a word that
# says one (or the) of them, is its size, never how many ("the 300 gal tank, $2,850" was 300
# tanks)
_VESSEL_SIZE = lead(
    r"\d",
    r"""(?<![\w.,$@#/-])\d+(?:\.\d+)?\s?(?:gal|gals|gallons?|qts?|quarts?|l|ltr|liters?|litres?
        |lbs?|pounds?|kg|oz|cu\.?\s?ft|tons?)\.?(?=\s+(?!of\b)(?:[a-z-]+\s+){0,2}?
        (?:tanks?|aquariums?|vats?|drums?|barrels?|kegs?|totes?|tubs?|buckets?|pails?|jugs?
        |carboys?|cylinders?|bins?|sacks?|bags?|cases?|boxes|box|coolers?|freezers?|fryers?
        |kettles?|heaters?|sumps?|ponds?|bowls?|containers?)\b)""",
    _IX,
)
_VESSEL_BEFORE = re.compile(r"\b(?:the|a|an|our|this|that|their|each|these|those|one)\s+$", _I)

# "2 x 55in TVs": 2 of them, though "24 x 36in posters" could be a poster's size
_COUNT_BY_SIZE = re.compile(r"(?<![\w.])(?P<n>\d+)\s+x\s+(?P<size>\d+(?:in|\"))\s+[a-z]+s\b", _I)
P_COUNT_BY_SIZE = 0.1


# a part's count read from a bare number with no unit and no code of its own
NO_UNIT_NO_SKU = "The quantity has no unit word and no SKU"
# the words of goods arriving, before arrivals.rewrite looks closer (most messages have none)
_ARRIVAL_GATE = lead(
    "rudsloacipgw",
    r"(?:rec(?:eiv(?:ed|ing)|v?'?d|i?e?ved)|rcv'?d|unloaded|deliver\w*|shipment|load|out\s+of|arrived"
    r"|picked|pulled|opened|unpacked|unboxed|inspected|went\s+through|checked"
    r"|c[oa]me\s+in|showed\s+up|in\s+(?:today|yesterday|this\s+morning)"
    r"|got\s+\d[\d,]*\s+(?:[\w-]+\s+){0,3}?in)\b",
    _I,
    word=True,
)
# a measure on holders of goods: "(15 yd/bolt)", "12 yds each", "100ft reels", "250 ft on it"
# (every form has a figure and its measure: "(bolt is 10 yd)" too)
# ("3 in the truck" is no inch)
_MEASURED_GATE = lead(r"\d", rf"\d\s*-?\s*(?!in\b){measures.UNIT}\.?(?![a-z])", _I)


_SIZE_ALONE = re.compile(r"\s*[.!]?\s*$")
# a length taken off the goods: "50 ft off a roll", "10 yds off the end of the bolt"
_CUT_FROM = re.compile(
    r"\s*(?:of\s+it\s+)?off\s+(?:of\s+)?(?:the\s+|a\s+|one\s+|that\s+|this\s+)?(?:end|roll|spool|reel|coil"
    r"|bolt|drum|length|stick|top|bottom)\b",
    _I,
)
_LENGTH_SAID = re.compile(r"(?:ft|feet|foot|yds?|yards?|m|meters?|metres?)\.?\s*$", _I)


# goods said to be worth nothing now ("4 X w/ salt corrosion, worth nothing now", "aren't
# worth a dime anymore"): written down to nothing, or written off? Round 324's writer, and
# rounds 322 and 323's, asked; it was a sure routine loss
_WORTH_NOTHING = re.compile(
    r"\bworth\s+(?:nothing|zero|zilch|\$?0(?:\.00)?)\b(?!\s+(?:to|for)\s+(?:us|the\s+customer))"
    r"|(?:\bnot|n't|\baint|\bain't)\s+worth\s+(?:a\s+dime|a\s+penny|a\s+cent|anything)\b",
    _I,
)


def _worth_nothing(r: _Read) -> None:
    m = _WORTH_NOTHING.search(r.text)
    if m is not None:
        r.doubts.append(f"'{m.group(0)}': written down to nothing, or written off?")


def _read_sizes(r: _Read) -> None:
    sizes = list(_SIZE.finditer(r.s) if _DIGIT.search(r.s) else ())
    sizes += [m for m in _VESSEL_SIZE.finditer(r.s) if _VESSEL_BEFORE.search(r.s, 0, m.start())]
    for m in sizes:
        if r.priced_by and measures.measure(m.group(0).lstrip("0123456789., ")) == r.priced_by:
            continue  # "40 ft PVC40-2" priced per foot: 40 ft is the count
        r.notes.append(f"Read '{m.group(0)}' as a size of the goods, not a count or a price")
        if _LENGTH_SAID.search(m.group(0)) and _CUT_FROM.search(r.s, m.end()):
            # ("cut 50 ft off a roll of X, write off the 50 ft" of a 330 ft roll priced whole:
            # a length taken from the goods, not one of them; round 320 drafted the roll, sure)
            r.guess(
                f"'{m.group(0).strip()}' cut from the goods: how much of one is that?",
                P_QTY_OR_PRICE,
            )
        if (
            _SIZE_ALONE.match(r.s, m.end())
            and _LENGTH_SAID.search(m.group(0))
            and r.s[: m.start()].rstrip().endswith(",")
        ):
            # ("total hit on the crushed coax is $1,128, 120 ft": a length said alone, no
            # goods after it, is as likely how much was lost; round 247 drafted it sure)
            r.guess(
                f"'{m.group(0).strip()}': a size of the goods, or how much of them?", P_QTY_OR_PRICE
            )

        r.not_amounts.append(m.span())
        r.cut(*m.span())


# -- bad numbers ---------------------------------------------------------------------------------


def _read_bad_numbers(r: _Read) -> None:
    for m in list(_SCIENTIFIC.finditer(r.s)):
        r.errors.append(f"'{m.group(0)}' is in scientific notation; write the number out in full")
        r.cut(*m.span())
    low = r.s.lower()
    infinite = "nan" in low or "inf" in low or "∞" in low  # what _NOT_FINITE needs
    for m in list(_NOT_FINITE.finditer(r.s) if infinite else ()):
        r.errors.append(f"'{m.group(0).strip()}' is not a real number")
        r.cut(*m.span())
    for m in list(_NEGATIVE.finditer(r.s)):
        what = "quantity" if m.group("rest") and not _is_currency(m.group("rest")) else "amount"
        r.errors.append(f"'{m.group(0).strip()}' is negative; a write-off needs a positive {what}")
        r.cut(*m.span())
    for m in list(_NUMBERISH.finditer(r.s)):
        token = m.group(0)
        if not _VALID_NUMBER.fullmatch(token):
            r.errors.append(f"'{token}' is not a number I can read")
            r.cut(*m.span())


def _is_currency(word: str) -> bool:
    return word.strip().lower() in {"dollar", "dollars", "usd"}


# -- SKUs ----------------------------------------------------------------------------------------


def _sku_codes(text: str, known: Collection[str] = ()) -> list[tuple[str, bool, int, int]]:
    """(normalised code, found without a keyword, start, end), in order of appearance.
    `known`: the item list's SKUs; one of them is a code whatever its shape ("LMP-ARC")."""
    return _codes_and_aliases(text, known)[0]


_Code = tuple[str, bool, int, int]


_AFTER_PLACE = re.compile(rf"{_LOC_HEAD}\s*$", _I)
_IN_BEFORE = re.compile(r"\b(?:in|inside)\s+(?:the\s+)?$", _I)
_PLACE_AFTER = re.compile(
    r"\s+(?:floor|shelf|shelves|area|corner|wall|racks?|bins?|bay|slot|zone)\s*(?:$|[.,;!\n])", _I
)
_AFTER_ID = re.compile(r"\b(?:pallet|plt|skid|lot|ticket|rma|license|lpn)\s*(?:\#|no\.?)?\s*$", _I)


def _codes_and_aliases(text: str, known: Collection[str] = ()) -> tuple[list[_Code], list[_Code]]:
    """The codes (see _sku_codes), and the other names of a known item beside it ("item
    4412 / SKU DAI-117"): not SKUs, and not numbers either."""
    found: list[tuple[str, bool, int, int]] = []
    aliases_refs: list[_Code] = []  # references numbered with "#": blanked like an alias
    taken: list[tuple[int, int]] = []
    for code, a, b in items.odd_codes(text, known):
        found.append((code, False, a, b))
        taken.append((a, b))
    for m in _SKU_KEYWORD.finditer(text):
        code = m.group("code")
        if _overlaps(m.span(), taken):
            continue
        if code in known:  # "SKU SCR-3-5LB" is SCR-3-5LB, not SKU-SCR-3-5LB
            found.append((code, False, m.start("code"), m.end()))
            taken.append(m.span())
        elif _DIGIT.search(code) or (code.isupper() and len(code) >= 2 and code.isalpha()):
            # ("sku 4471-B" is 4471-B, a code of its own; "sku 12" is SKU-12)
            # (typed as one code, "SKU-RX-220", it keeps its prefix)
            apart = not text[m.start() : m.start("code")].rstrip().endswith("-")
            whole = (
                apart
                and "-" in code.strip("-")
                and _DIGIT.search(code)
                and re.search("[a-z]", code, _I)
            )
            norm = _norm_code(code) if whole else "SKU-" + _norm_code(code)
            found.append((norm, False, m.start(), m.end()))
            taken.append(m.span())
    for m in _ITEM_KEYWORD.finditer(text):
        code = m.group("code")
        if _overlaps(m.span(), taken) or not _DIGIT.search(code):
            continue
        if not m.group("marker") and not (re.search(r"[a-z-]", code, _I) or len(code) >= 3):
            continue  # "item 5" is too vague; "item A-100", "item 5512" are codes
        if code in known:  # "part # SCR-3-5LB" is the list's code as the list writes it
            found.append((code, False, m.start(), m.end()))
            taken.append(m.span())
            continue
        norm = _norm_code(code)
        if norm.startswith("SKU") and len(norm) > 3:
            norm = "SKU-" + norm[3:].lstrip("-")
        if known and code.isdigit():
            norm = items.by_digits(code, known) or norm  # "item 5077" of AQ5077
        found.append((norm, False, m.start(), m.end()))
        taken.append(m.span())
    for m in _BARE_CODE.finditer(text):
        code = m.group(0)
        if _overlaps(m.span(), taken) or code in _NOT_CODES:
            continue
        if code not in known and (_INTERSTATE.fullmatch(code) or _PICKUP_MODEL.fullmatch(code)):
            continue  # ("our box truck got rear-ended on I-25": a highway, not goods)
        if (
            code not in known
            and not _DASHED_SHAPE.fullmatch(code)
            and _MIXED_CODE.fullmatch(code)
            and (
                _NOT_MIXED.fullmatch(code)
                or len(code) < 4
                or not re.search("[a-z]", text)
                or _names_the_list_knows(code, known)
            )
        ):
            continue  # the run-together shape only where it cannot be a reference or shouting
        if (
            not _DIGIT.search(code)
            and not _DASHED_CODE.fullmatch(code)
            and not (
                _PAIRED_CODE.fullmatch(code)
                and not _PAIRED_WORDS.fullmatch(code)
                and re.search("[a-z]", text)
            )
        ):
            continue  # ("N-A", "T-SHIRT" are words; "GLV-NIT-XL", three dashed parts, a code)
        if code not in known and _AFTER_PLACE.search(text[max(0, m.start() - 14) : m.start()]):
            continue  # "bay B-12" is a place ("showroom SOFA3-VLV-EMR", a listed code, is goods)
        if (
            code not in known
            and known
            and (
                _IN_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
                or _PLACE_AFTER.match(text, m.end())
            )
        ):
            continue  # "split open on the shelf in WIC-2", "WIC-1 floor": a place the list
            # does not know is no goods
        if (
            code not in known
            and known
            and _AFTER_ID.search(text[max(0, m.start() - 12) : m.start()])
        ):
            # "pallet P-2231: SL-JGR-HTR-L 16 pcs": the pallet's own number, not goods
            aliases_refs.append((code, False, m.start(), m.end()))
            taken.append(m.span())
            continue
        if (
            code not in known
            and known
            and text[max(0, m.start() - 1) : m.start()] == "#"
            and not text[: m.start() - 1].rstrip()[-1:].isdigit()  # ("2 #ZZ-100": counted)
        ):
            # "RMA denied #RA-20931": a numbered reference, not goods the list does not know
            aliases_refs.append((code, False, m.start() - 1, m.end()))
            taken.append(m.span())
            continue
        if code.startswith("SKU"):
            code = "SKU-" + code[3:].lstrip("-")
        found.append((code, not code.startswith("SKU-"), m.start(), m.end()))
        taken.append(m.span())
    found.sort(key=lambda f: f[2])
    if known and len(found) > 1:
        codes, aliases = _split_aliases(text, found, known)
        return codes, [*aliases, *aliases_refs]
    return found, aliases_refs


# what joins two names of one item: "item 4412 / SKU DAI-117", "DAI-117 (item 4412)"
_ALIAS_GAP = re.compile(
    r"\s*(?:[/|,:=(-]|aka|a\.k\.a\.|i\.e\.|or)?\s*(?:(?:skus?|item|part|code|no\.?|\#)\s*[:\#]?\s*)*",
    _I,
)

# ... said as another name: a label, "aka", brackets ("MON0/MON-1", "MON0, MON-1" are two codes)
_ALIAS_SAID = re.compile(r"\b(?:skus?|item|part|code|no|aka|a\.k\.a|i\.e)\b|[#(]", _I)


class _ListNames(threading.local):
    """The item list's names for the message being read (read_requests sets them), for the
    few checks that need a name where only codes are passed."""

    names: Collection[str] = ()
    by_sku: Mapping[str, str] = {}


_LIST_NAMES = _ListNames()


def _names_the_list_knows(code: str, known: Collection[str]) -> bool:
    """Whether a run-together code is a word of the list's own: the head of its codes
    ("PH2868" of PH2868-L and PH2868-R) or a model in a name ("X100V" of "Fujifilm X100V,
    used"): goods the list knows, found by name, not an unknown code."""
    if any(k.startswith(code) for k in known):
        return True
    word = re.compile(rf"(?<![\w-]){re.escape(code)}(?![\w-])", _I)
    return any(word.search(name) for name in _LIST_NAMES.names)


def _split_aliases(
    text: str, found: list[_Code], known: Collection[str]
) -> tuple[list[_Code], list[_Code]]:
    """An unknown code right beside a code the item list knows is another name of the same
    item (an internal item number, a supplier's code): the SKU is the one the list knows."""
    keep: list[_Code] = []
    aliases: list[_Code] = []
    for i, (code, bare, a, b) in enumerate(found):
        if code not in known:
            neighbours = [found[j] for j in (i - 1, i + 1) if 0 <= j < len(found)]
            gaps = [text[min(b, n[3]) : max(a, n[2])] for n in neighbours if n[0] in known]
            if any(
                _ALIAS_GAP.fullmatch(gap.strip(")")) and (not bare or _ALIAS_SAID.search(gap))
                for gap in gaps
            ):
                aliases.append((code, bare, a, b))
                continue
        keep.append((code, bare, a, b))
    return keep, aliases


def normalise_sku(raw: str) -> str | None:
    """A SKU typed on its own (a form field) as the reader would write it: "sku 12" ->
    "SKU-12", "item #A-100" -> "A-100"; any other text upper case as typed; None when blank."""
    codes = _sku_codes(raw)
    if codes:
        return codes[0][0]
    return " ".join(raw.split()).upper() or None


def _norm_code(code: str) -> str:
    return code.upper().replace("_", "-")


def _overlaps(span: tuple[int, int], taken: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in taken)


def _mark_skus(text: str, codes: list[tuple[str, bool, int, int]]) -> str:
    for _, _, a, b in codes:
        text = _blank(text, a, b, SKU_MARK)
    return text


def _read_skus(r: _Read, known: Collection[str] = ()) -> list[tuple[str, bool]]:
    codes, aliases = _codes_and_aliases(r.s, known)
    typed = r.s
    r.s = _mark_skus(r.s, codes)
    for _, _, a, b in aliases:
        r.s = _blank(r.s, a, b)
    r.not_amounts.extend((a, b) for _, _, a, b in (*codes, *aliases))
    for code, _, a, b in codes:
        if code in known and code not in typed[a:b] and _DIGITS_ONLY.search(typed, a, b):
            # "item 5077" of AQ5077: a code typed without its letters, likely but not sure
            r.guess(f"Read '{typed[a:b]}' as {code}: check the item", P_CODE_FIGURES)
    for code in {c for c, _, _, _ in codes if c in known}:
        # "5 packs of 9006 bulbs (2 per pack) BLB-9006-2PK": the code's own figures, said
        # apart from it, name the goods; never a count or a price
        for figures in _CODE_FIGURES.findall(code):
            # (not beside the code, "100 AA-100 broken", nor the only number said)
            figure = rf"(?<![\w.$,/#-])(?<!\ue000)(?<!\ue000\s){figures}(?![\w.,/%-])(?!\s*\ue000)"
            for m in list(re.finditer(figure, r.s)):
                if not _DIGIT.search(r.s[: m.start()] + r.s[m.end() :]):
                    continue
                if _PACK_AFTER.match(r.s, m.end()) or _PACK_BEFORE.search(r.s, 0, m.start()):
                    # "3 boxes FLT-CMX-100 (100 filters/box)", "3 bags X-100, 100 ct each":
                    # the figure is the pack's size as well as the code's; the pack says so
                    continue
                r.not_amounts.append(m.span())
                r.cut(*m.span())
                r.notes.append(f"Read '{figures}' as part of the name of {code}")
    return [(c, bare) for c, bare, _, _ in codes]


_CODE_FIGURES = re.compile(r"(?<!\d)\d{3,}(?!\d)")
# a figure said as a pack's size: "(100 filters/box)", "100/bx", "100 ct each", "x 100 each"
_PACK_AFTER = re.compile(
    rf"\s*(?:[a-z]+\s*)?/\s*(?:{packs.PACK_SHORT}|box|bag|case|carton|tray|sleeve|pack)\b"
    r"|\s*(?:ct|count|pcs?|pieces|[a-z]+s)?\s+(?:each|per\s+(?:box|bag|case|tray|sleeve|pack))\b",
    re.IGNORECASE,
)
_PACK_BEFORE = re.compile(
    r"\b(?:boxes|bags|cases|cartons|trays|sleeves|packs)\s+of\s+$", re.IGNORECASE
)
_DIGITS_ONLY = re.compile(r"(?<![\w-])\d{3,}(?![\w-])")
# figures that name the goods, not count them: after a count, a name's own figure right before
# the code ("1 Macallan 18 SPR-5560-700", "5 handles Jameson 1.75 SPR-2207-175"); a year before
# goods when a count comes after it ("the unsold 2024 desk calendars ...: 210 CAL24-DESK",
# "2019 Silver Oak WN-30418-19, 2 bottles corked")
_NAME_FIGURE = re.compile(
    r"(?<![\w.$,])\d{1,5}\s+(?=(?:[a-z][\w'&.-]*\s+)*[A-Z])(?:[A-Za-z][\w'&.-]*\s+){1,4}?"
    r"(?P<n>\d{1,4}(?:\.\d+)?)\s*\ue000"
    r"|(?<![\w.$,/-])(?P<y>(?:19[5-9]|20[0-3])\d)(?=\s+[A-Za-z]{3,}\b)(?!\s+(?:units?|pcs"
    r"|pieces|items|cases|boxes|bottles|of)\b)"
    # the count after it is a count, not money ("2000 specimen cups expired, cost us 1 grand")
    r"(?=[^\d$]*\d(?![\d,.]*\s*(?:grand|k|dollars|bucks)\b)"
    r"|\s+(?:[A-Z][\w'&.-]*\s+){1,3}\ue000)",
)


def _name_figures(r: _Read) -> None:
    if not _DIGIT.search(r.s):
        return
    for m in list(_NAME_FIGURE.finditer(r.s)):
        group = "n" if m.group("n") else "y"
        r.not_amounts.append(m.span(group))
        r.cut(*m.span(group))
        r.notes.append(f"Read '{m.group(group)}' as part of the goods' name, not a count")


# -- reasons -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    category: Category
    keyword: str  # the phrase as the table spells it
    start: int
    explains: frozenset[Category]  # other categories these words tell one story with
    verb: bool = False  # a word that counts only beside another ("top up" the reserve)
    typed: fuzzy.Correction | None = None  # the misspelling read as this word
    weak: bool = False  # "lost": a reason only when no other reason's word is there
    faint: bool = False  # "found": ... not even a weak one


_AND = re.compile(r"\s(?:and|&|n)\s", _I)


class _Message(threading.local):
    """One message's reading, as the thread reading it sees it."""

    def __init__(self) -> None:
        self.hits: dict[tuple[str, str], tuple[_Hit, ...]] = {}
        # the item list as the context holds it (read, never copied: a list may hold
        # thousands of items, and every message starts a new reading)
        self.names: Collection[str] = ()
        self.codes: Mapping[str, str] = {}  # code -> name
        self.text = ""  # the message as sent, lower-cased
        self.said_names: list[str] | None = None  # the names of the codes it says, once read


@lru_cache(maxsize=65536)  # (an item list's names: a fixed list, read for every message)
def _singular_words(name: str) -> frozenset[str]:
    return frozenset(named.singular(w) for w in _WORD.findall(name.lower()))


# places goods are put to sell for less: taken out of one, they are going elsewhere (round 251:
# "misc tackle out of the bargain bin, rusty hooks, $86.40 at cost. junk" was a sure write-down)
_MARKDOWN_PLACES = frozenset(
    (
        "bargain bin", "clearance bin", "clearance rack", "sale bin", "bargain rack",
        "bargain shelf", "clearance shelf", "clearance table", "seconds bin", "seconds shelf",
        "seconds table", "seconds rack", "hurt bin", "bargain basket", "seconds basket",
    )
)  # fmt: skip
# where donated goods come in at a thrift store, not goods given away ("3 pr shoes moldy from
# the wet donation bin", "vandalism on the donation trailer": round 271, donations at 0.87)
_DONATION_PLACE = re.compile(
    r"\s+(?:bins?|trailers?|area|pile|room|cage|shed|dock|intake|rack|racks|sort(?:ing)?)\b", _I
)
# goods no longer used ("book $750 to the reserve for the old jars we stopped using": round
# 274 drafted a sure use of the reserve)
_USE_STOPPED = re.compile(
    r"\b(?:stopped|quit|stop|no\s+longer|not|never|don'?t|aren'?t|weren'?t|isn'?t|wasn'?t)"
    r"\s+(?:been\s+)?$",
    _I,
)
_OF_AFTER = re.compile(r"\s+of\b", _I)
_PCT_AFTER = re.compile(r"\s*\d{1,2}(?:\.\d+)?\s*%", _I)
_KNOCK = re.compile(r"\bknock(?:ed|ing)?\b", _I)
# a count's words: "was 40 now 37" on a count is goods short, not a value going down
_COUNT_TALK = re.compile(
    r"\b(?:count|counted|cnt|ct|system|sys|books|on\s+hand|qty|quantity|stock\s+level|shelf)\b", _I
)


def _plain_figure(said: str) -> Decimal | None:
    """'$685', '12.40', '1,200', '2k' as a number (None: not one the money module reads)."""
    try:
        return parse_decimal(said.replace("$", ""))
    except MoneyError:
        return None


def _going_down(pattern: re.Pattern[str], text: str) -> int | None:
    """Where the first figure said going down starts (`pattern`'s "a" then "b": "was 38 now
    25", "from $139 to $95"), else None; a figure going up is no write-down."""
    for m in pattern.finditer(text):
        was, now = _plain_figure(m.group("a")), _plain_figure(m.group("b"))
        if was is not None and now is not None and was > now:
            return m.start()
    return None


# ("mark the 15 tubs down $6 each", "take them down $150 each", "20 of them, down $8 each",
# "45 pcs down $6 each": round 344 drafted the cut as a loss of goods at $6)
_DOWN_BY_DOLLARS = (
    # ("knock the 15 ti-84s with scuffed faceplates down $20 apiece": round 351)
    r"(?:\b(?:mark|take|took|bring|brought|writ|wrote|valu|drop|cut|knock)\w*\s+(?:\S+\s+){0,7}?"
    r"|(?:^|(?<=[.;:,\n]))\s*|(?<=\bthem\s)|(?<=\bpcs\s)|(?<=\bunits\s))"
    r"down\s+\$\s?\d[\d,]*(?:\.\d+)?\s*(?:each|ea|apiece|a\s+(?:piece|unit|pc)|per\s+[a-z]+"
    r"|/\s*[a-z]+)\b"
)
_MARK_DOWN = re.compile(
    r"\bmark(?:ed|ing)?\s+(?:\S+\s+){0,5}?down\b|\btak(?:e|ing)\s+\$"
    # ("reduce the old-packaging X by 25%": round 317 drafted the whole cost as a loss)
    r"|\b(?:reduc(?:e|ed|ing)|lower(?:ed|ing)?|devalu(?:e|ed|ing))\s+(?:\S+\s+){0,6}?by\s+\d"
    r"|\bworth\s+(?:only\s+|about\s+|just\s+)?\d"
    # ("knock the 10 X down 25%", "take them to 60% of cost", "down 30% on the 12 X": round 334)
    r"|\b(?:knock|bring|brought|take|took|value|valued|drop|cut|write|wrote)\w*\s+(?:\S+\s+){0,6}?"
    r"(?:down\s+(?:by\s+)?\d|(?:down\s+)?to\s+\d{1,2}(?:\.\d+)?\s*%)"
    r"|(?:^|[.;:,\n]\s*)down\s+\d{1,2}(?:\.\d+)?\s*%(?:\s+on\b|\s*(?:[.;,!]|$))"
    r"|" + _DOWN_BY_DOLLARS,
    _I,
)
_SALE_TALK = re.compile(r"\b(?:sale|promo|promotion|coupon)\b|%\s*off\s+(?:all|everything)\b", _I)
_PRICE_CUT_WORDS = frozenset(("percent off", "pct off", "dollars off", "bucks off"))
# ... unless where they went is said to be unknown ("20 walked. nobody knows where": a count
# that is off, round 284)
_NOBODY_KNOWS = re.compile(
    r"\b(?:nobody|no\s+one|noone)\s+knows\b|\bno\s+idea\b|\bunaccounted\b", _I
)
# a count of goods that "walked" (rounds 317-324: "2 gone off the showroom wall, walked again",
# "1 sixtel walked", "20 cushions walked at the wedding")
_COUNT_WALKED = re.compile(
    r"(?<![\w.$])\d+\s+(?:\S+\s+){0,6}?(?P<w>walked)\b"
    r"(?!\s+(?:them|it|em|those|these|the|a|an|through|thru|in|into|over|around|to|down|up|by"
    r"|past|across|along|back|out\s+to|him|her|us)\b)",
    _I,
)
P_PRICE_CUT = 0.1
_PRICE_OFF = re.compile(
    r"(?<![\w.])(?P<pct>\d{1,2}(?:\.\d+)?\s*%)\s*off\b(?!\s+(?:the\s+)?(?:shelf|shelves|rack|pallet|truck))"
    # (a promotion's discount is no value lost: "10% off promo on 5+")
    r"(?!\s+(?:promo|promotion|sale|coupon|deal|code|discount|for\s+(?:customers|members|staff)))"
    r"|\bknock(?:ed|ing)?\s+\$\s?\d[\d.,]*(?:\s*/\s*[a-z]+"
    # ("knock $90 total off the 9 X", "knock $10 each off": round 291)
    r"|\s+(?:each|ea|apiece|total|in\s+all|per\s+[a-z]+))?\s+off\b"
    # ("knock the faded khaki caps down $2 each": round 256)
    r"|\bknock(?:ed|ing)?\s+(?:\S+\s+){0,4}?down\s+\$\s?\d"
    # ("mark the 2 display units down 25%", "take $5 a unit off the 30 remotes": round 257)
    r"|\bmark(?:ed|ing)?\s+(?:\S+\s+){0,5}?down\s+(?P<pct2>\d{1,2}(?:\.\d+)?\s*%)"
    r"|\btak(?:e|ing)\s+\$\s?\d[\d.,]*\s*(?:a|an|per|/)\s*[a-z]+\s+off\b"
    # ("take $5 off per chair on the 20 X": round 318)
    r"|\btak(?:e|ing)\s+\$\s?\d[\d.,]*\s+off\s+(?:per|a|an|each)\s+[a-z]+\b"
    r"|\b(?:reduc(?:e|ed|ing)|lower(?:ed|ing)?|devalu(?:e|ed|ing))\s+(?:\S+\s+){0,6}?by\s+"
    r"(?P<pct3>\d{1,2}(?:\.\d+)?\s*%)"
    # ("X worth 60% of cost now, 300 ft": the share the goods keep, round 319)
    r"|\bworth\s+(?:only\s+|about\s+|just\s+)?(?P<pct4>\d{1,2}(?:\.\d+)?\s*%)\s*of\s+(?:the\s+|its\s+"
    r"|their\s+|our\s+)?(?:cost|value)\b"
    # ("knock the 10 LED48-PL down 25%", "value them down 25%", "knock it down 30%", "take
    # them to 60% of cost", "bring the 2 X to 70% of cost", "down 30% on the 12 X": round 334
    # drafted the goods' whole cost as a loss seven times)
    r"|\b(?:knock(?:ed|ing)?|bring(?:ing)?|brought|tak(?:e|ing)|took|valu(?:e|ed|ing)"
    # ("write the Sock Atlas books down 40%": round 336)
    r"|drop(?:ped|ping)?|cut(?:ting)?|writ(?:e|ing)|wrote)\s+(?:\S+\s+){0,6}?"
    r"(?:down\s+(?:by\s+)?(?P<pct5>\d{1,2}(?:\.\d+)?\s*%)"
    r"|(?:down\s+)?to\s+(?P<pct6>\d{1,2}(?:\.\d+)?\s*%)\s*of\s+(?:the\s+|its\s+|their\s+|our\s+)?"
    r"(?:cost|value)\b)"
    # ("the 8 4A831 stats in the old packaging, down 15%": round 336)
    r"|(?:^|(?<=[.;:,\n])\s*)down\s+(?P<pct7>\d{1,2}(?:\.\d+)?\s*%)(?:\s+on\b|\s*(?=[.;,!]|$))"
    r"|" + _DOWN_BY_DOLLARS,
    _I,
)
# ("they're $36.10 each now after the price increase": round 256, the cost now)
_PRICE_RISE_AFTER = re.compile(
    r"\s+(?:after|since|with|per)\s+(?:the\s+)?(?:price\s+(?:increase|hike|change)|increase"
    r"|new\s+(?:invoice|price|cost))",
    re.IGNORECASE,
)
_PRICE_IN_BRACKETS = re.compile(r"\d\s*(?:ea|each|/\s*[a-z]+|a\s+[a-z]+)?\s*\(\s*$", _I)
_NICKED_ALONG = re.compile(r"\s+(?:the\s+whole|along|all\s+over|in\s+places|up\b|every\b)", _I)
_PRICE_SOURCE_AFTER = re.compile(
    r"\s+(?:on|from|per|off)\s+(?:the\s+)?(?:last\s+|latest\s+|new\s+)?(?:po|invoice|order|vendor"
    # (a vendor's short name in capitals: "from RNDC"; any other word is no source)
    r"|supplier|price\s+list|(?-i:[A-Z]{3,})\b)",
    re.IGNORECASE,
)
_NONE_BEFORE = re.compile(r"\b(?:0|no|zero|nil)\s+$", _I)
_NOW_PRICE = frozenset(
    ("ea now", "each now", "per bag now", "a bag now", "per case now", "a case now")
)
_COST_BEFORE = re.compile(r"\b(?:cost|costs|cost's|paid|pay|invoice\w*)\b(?:[^.;\n]|\.\d)*$", _I)
_THE_BEFORE = re.compile(r"\b(?:the|a|with)\s+$", _I)
# a figure that names other goods than these, said as such: "(not the 8505!)", "vs the 40"
_NOT_THE_FIGURE = re.compile(
    # ("95 vs 100", "7 not 9" are counts: only "the" names goods)
    r"(\b(?:not|vs\.?|versus)\s+the\s+)(\d[\w.-]*)(?=\s*(?:[!).,;:?]|$))",
    _I,
)
_TOTAL_WORDS = re.compile(r"total|together|both|lot\b", _I)
_TO_A_TOTAL = re.compile(
    r"\bto\s+\$?\s?\d[\d,]*(?:\.\d+)?\s+(?:total|in\s+total|altogether|all\s+together"
    r"|for\s+(?:all\s+of\s+them|both|the\s+lot))\b",
    _I,
)
_TO_A_PRICE = frozenset(
    ("down to", "drop to", "drop em to", "reduce to", "reduced to", "lowered to", "lower to",
     "cut to", "dropped to")
)  # fmt: skip
_DOLLARS_AFTER = re.compile(r"\s*(?:\$|usd\s*)\s*\d", _I)
_GOODS_THEN_PRICE = re.compile(
    r"\s+(?:[^\s,.;:!?]+\s+){1,5}?(?:down\s+)?to\s+(?:\$\s*|usd\s*)?\d", _I
)
_IRREGULAR_PAST = frozenset(("stole", "broke", "took", "tore", "froze", "burnt", "sank", "shot"))
_DETERMINER_JUST_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|our)\s+$", _I)
_AT_WORK_AFTER = re.compile(
    r"\s+(?:at|by|on|with|during|in)\s+(?:the\s+|a\s+)?(?:bench|saw|blade|knife|cutter|machine"
    r"|install|cut|cutting|table|counter)\b",
    _I,
)
_WHERE_BEFORE = re.compile(r"\b(?:on|in|at)\s+(?:the\s+|our\s+)?$", _I)
_PUT_BEFORE = re.compile(
    r"\b(?:go|goes|going|went|put|putting|move|moving|moved|into|onto|to|tossed|toss|throw"
    r"|threw|sell|selling|sold|list|listing|stick|sticking|stuck|dump|dumped|dumping|place"
    r"|placed|placing)\s+(?:\w+\s+){0,2}?(?:on|in|at)\s+(?:the\s+|our\s+)?$",
    _I,
)
_YET_AFTER = re.compile(r"\s*(?:yet|either)\b", _I)
_OUT_OF_BEFORE = re.compile(r"\b(?:out\s+of|outta|from|off)\s+(?:the\s+|our\s+)?$", _I)


class _ReasonIndex:
    """The policy table's words as one regex (one pass per text, longest phrase wins), with
    the table's misspellings read as the words they stand for."""

    def __init__(self, table: ReasonTable) -> None:
        self.table = table
        self.priority = {row.category: row.priority for row in table.rows}
        self.kind = {row.category: row.kind for row in table.rows}
        self.lookup: dict[str, tuple[Category, str, frozenset[Category]]] = {}
        self.typos: dict[str, str] = {}
        # phrase key -> the words one of which must be in the request for the phrase to count
        self.near: dict[str, re.Pattern[str]] = {}
        self.weak: set[str] = set()  # phrases that name a reason only when no other does
        self.faint: set[str] = set()  # ... nor any weak one
        targets: list[str] = []  # the words fuzzy matching may aim at
        for row in table.by_priority:
            for group in row.words:
                near = _near_pattern(group.near) if group.near else None
                for phrase in group.phrases:
                    entry = (row.category, phrase, group.explains)
                    self.lookup.setdefault(phrase_key(phrase), entry)
                    if near is not None:
                        self.near[phrase_key(phrase)] = near
                    if group.faint:
                        self.faint.add(phrase_key(phrase))
                    if group.weak:
                        self.weak.add(phrase_key(phrase))
                    elif group.fuzzy and " " not in phrase_key(phrase):
                        targets.append(phrase_key(phrase))
                self.typos.update((typo.lower(), meant) for typo, meant in group.misspelled)
        # a phrase typed without its apostrophe ("cant be found", "dont have them"), as the
        # floor types (round 318 read "5 X cant be found" as stock over the books)
        for key in [k for k in self.lookup if "'" in k and " " in k]:
            bare = key.replace("'", "")
            if bare not in self.lookup:
                self.lookup[bare] = self.lookup[key]
                for marks in (self.weak, self.faint):
                    if key in marks:
                        marks.add(bare)
                if key in self.near:
                    self.near[bare] = self.near[key]
        known = {w for key in self.lookup for w in key.split()}
        # what one message's reading keeps: its texts' hits, the item list's names (per
        # thread: the Slack app drafts several messages at once)
        self._message = _Message()
        self.speller = fuzzy.Speller(
            targets, known | set(_UNIT_WORDS) | _OTHER_WORDS, exact=self.typos
        )
        # "smash and grab", "scratch & dent": one reason, whose "and" joins no two requests
        joined = [k for k in self.lookup if re.search(r" (?:and|&|n) ", k)]
        self.joined = (
            re.compile(
                r"\b(?:"
                + "|".join(re.escape(k).replace(r"\ ", r"[\s-]+") for k in joined)
                + r")\b",
                _I,
            )
            if joined
            else None
        )
        self.pattern = twin(  # (runs 3 times a draft: see fast.Twin)
            re.compile(
                # ("WET-0", "WET/0", "12-BENT": a code's letters, not a reason; "non-boost
                # forks" are no boost to a reserve)
                r"(?<![a-z0-9])(?<!\d[-/_])(?<!non-)(?<!non\s)(?:"
                + (_trie(list(self.lookup)) or r"(?!)")
                + r")(?![a-z0-9])(?![-/_]\d)",
                _I,
            )
        )

    def join_phrases(self, text: str) -> str:
        """`text` with each reason phrase that holds an "and" written as one word."""
        if self.joined is None or not _AND.search(text):
            return text
        return self.joined.sub(lambda m: "-".join(m.group(0).split()), text)

    def mentioned(self, text: str) -> bool:
        """Whether the text names any reason: the signal messages are grouped by."""
        return bool(self.hits(text))

    def said(self, text: str) -> bool:
        """Whether the text names a reason as typed, or misspelt as the table lists: a word
        read as a reason only by a fuzzy match may be a word of an item's name ("5 grabbers"
        of "General Grabber" is no "grabbed")."""
        return any(h.typed is None or h.typed.exact for h in self.hits(text))

    def new_message(self, names: Mapping[str, str] | None = None, text: str = "") -> None:
        self._message.hits = {}
        self._message.text = text.lower()
        self._message.names = names.values() if names else ()
        self._message.codes = names or {}
        self._message.said_names = None

    def _of_a_name(self, text: str, start: int, end: int) -> bool:
        """Whether the reason word at text[start:end] and the word after it (or before it) are
        words of one item list's name ("lego fire truck" of "LEGO City Fire Rescue Truck",
        "flood light"): the goods' name, not what happened to them."""
        said = text[start:end].lower()
        if " " in said:
            return False
        goods = _SINGULAR_OF.get(said, said)
        # "6 extra 910-002225 mice" of "Logitech M185 wireless mouse": the goods of a code said
        # right beside the word (the code may stand as its mark here)
        code_beside = _CODE_BEFORE.search(text, max(0, start - 40), start) or _CODE_AFTER.match(
            text, end
        )
        if code_beside and any(goods in _WORD.findall(n.lower()) for n in self._names_said()):
            return True
        after = _WORD_AFTER.match(text, end)
        before = _WORD_BEFORE.search(text, max(0, start - 24), start)
        beside = {named.singular(m.group(1).lower()) for m in (after, before) if m}
        beside = {w for w in beside if len(w) > 2}
        if not beside:
            return False
        for name in self._message.names:
            words = _singular_words(name)
            if said in words and not beside.isdisjoint(words):
                return True
        return False

    def _names_said(self) -> list[str]:
        """The names of the item list's codes the message says (read once a message: a list
        may hold thousands of codes, and a message asks for each reason word beside a code)."""
        message = self._message
        if message.said_names is None:
            message.said_names = [
                name for code, name in message.codes.items() if code.lower() in message.text
            ]
        return message.said_names

    def _names_said_word(self, word: str) -> bool:
        """Whether `word` is a word of the name of a code the message says ("stole" of
        "Deacon stole red" beside VS-STL-R)."""
        return any(word in _singular_words(name) for name in self._names_said())

    def _goods_word(self, word: str) -> bool:
        """Whether `word` is a word of an item list's name ("Fries crinkle cut 6/5 LB CS"):
        the goods as the list names them, never a misspelt reason ("fries" is not "fried")."""
        pattern = re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])", _I)
        return any(pattern.search(name) for name in self._message.names)

    def hits(self, text: str, context: str = "") -> list[_Hit]:
        """The reason words of `text`; a word that counts only beside another ("over" beside
        "count") may find it in `context` too: the heading of a list ("cycle count: A short
        6, B over 10") is said once for every line."""
        # one request's text is asked about several times (grouping, reading): read it once
        key = (text, context)
        cache = self._message.hits
        found = cache.get(key)
        if found is None:
            found = cache[key] = self._read_hits(text, context)
        return list(found)

    def _read_hits(self, text: str, context: str = "") -> tuple[_Hit, ...]:
        # positions may shift by a letter or two; they are only used to look just before a hit
        text, typed = self._spell(text)
        out: list[_Hit] = []
        located: set[int] = set()  # markdown places said as where goods are ("on the rack")
        for m in self.pattern.finditer(text):
            key = phrase_key(m.group(0))
            if key == "short" and _SHORT_NOUN.match(text, m.end()):
                continue  # "short ribs", "short sleeve tees": goods, not a shortfall
            if key in ("shrink", "shrinkage") and _SHRINK_WRAP.search(
                text, max(0, m.start() - 10), min(len(text), m.end() + 12)
            ):
                continue  # "ripped shrink on 6 ETBs": the wrap, not a count's shortfall
            if key in ("gave", "give", "gives") and _GAVE_OUT.match(text, m.end()):
                continue  # "the liftgate gave out mid-drop at Jefferson HS": it failed
            if key == "and took" and _TOOK_DOWN.match(text, m.end()):
                continue  # "the ladder slipped and took 3 X down with me": a fall, no thief
            if key == "sell as" and _AS_MUCH.match(text, m.end()):
                continue  # "we sell as many as we can at $15": selling, no goods marked down
            if key in ("gone off", "went off") and _OFF_A_PLACE.match(text, m.end()):
                continue  # "gone off the demo shelf": gone from it, not spoiled
            if key in ("variance", "variances", "count variance") and _NONE_BEFORE.search(
                text, max(0, m.start() - 8), m.start()
            ):
                continue  # "tobacco count matches, 0 variance all brands": no variance
            if key in _NOW_PRICE and (
                _COST_BEFORE.search(text, max(0, m.start() - 40), m.start())
                or _PRICE_RISE_AFTER.match(text, m.end())
            ):
                continue  # "cost is $40.32 a case now per the new invoice": the cost, no value
            if key == "lifted" and _THE_BEFORE.search(text, max(0, m.start() - 6), m.start()):
                continue  # "the FG800 with the lifted bridge": raised, not taken
            if (
                self._message.names
                and (key in _IRREGULAR_PAST or key.endswith("ed"))
                and _DETERMINER_JUST_BEFORE.search(text, max(0, m.start() - 6), m.start())
                and self._names_said_word(key)
            ):
                # "dye bled (the stole, not the red candles)" of "Deacon stole red": a verb's
                # form after "the" is a noun, here the goods' (never "in the fire" of a "Fire
                # Rescue Truck": the event's own noun)
                continue
            if key in ("nicked", "got nicked") and _AT_WORK_AFTER.match(text, m.end()):
                continue  # "30 ft that got nicked at the bench": cut, not taken
            if key == "nicked" and _NICKED_ALONG.match(text, m.end()):
                continue  # "jacket nicked the whole length": cut, not taken
            if key in ("new price", "new cost") and (
                _PRICE_SOURCE_AFTER.match(text, m.end())
                # ("@ $9.10 ea (new price)": the price just said is the cost now)
                or _PRICE_IN_BRACKETS.search(text, max(0, m.start() - 16), m.start())
            ):
                continue  # "$2.60/lb (new price on the last PO)": the cost now, no value
            if (
                key == "against"
                and not _RESERVE_NEAR_AFTER.match(text, m.end())
                and _RESERVE_NAMED_BEFORE.search(text, 0, m.start())
            ):
                # "book an obsolescence reserve of $300 against the old hat kits": a reserve
                # for the goods, not goods written off against it (round 259, sure use)
                continue
            if key in ("going out at", "going out for") and _PCT_AFTER.match(text, m.end()):
                continue  # "going out at 50% off": the cut is read as one (never sure)
            if key in ("use", "used", "using") and _USE_STOPPED.search(
                text, max(0, m.start() - 16), m.start()
            ):
                continue  # "the old jars we stopped using": the goods' use, not the reserve's
            if key in ("donation", "donations") and _DONATION_PLACE.match(text, m.end()):
                continue  # "moldy from sitting in the wet donation bin": where goods come in
            if key == "open box" and _OF_AFTER.match(text, m.end()):
                continue  # "knocked an open box of plugs off the counter": a container
            if key in _MARKDOWN_PLACES and _OUT_OF_BEFORE.search(
                text, max(0, m.start() - 16), m.start()
            ):
                continue  # "misc tackle out of the bargain bin, rusty, junk": taken from it
            if (
                key in _MARKDOWN_PLACES
                and _WHERE_BEFORE.search(text, max(0, m.start() - 10), m.start())
                and not _PUT_BEFORE.search(text, max(0, m.start() - 30), m.start())
            ):
                located.add(m.start())  # where the goods were: see below
            if (
                key in self.lookup
                and self.lookup[key][0] is Category.OVERAGE
                and _YET_AFTER.match(text, m.end())
            ):
                continue  # "6 filters (not in QB yet) cracked": an item not set up, no overage

            if text[m.start()].isupper() and _NAMED_BEFORE.search(
                text, max(0, m.start() - 40), m.start()
            ):
                continue  # "delivered 10 gal to Lakeside Collision": a business, no collision
            if (
                key in self.lookup
                and self.lookup[key][0] is Category.DONATION
                and _TOO_FOR_BEFORE.search(text, max(0, m.start() - 40), m.start())
            ):
                continue  # "scrap 7, too stained even for the charity bag": no gift made
            if key in ("picked up", "came and got", "came by for") and _SOLD_SAID.search(text):
                continue  # "Lincoln HS team order picked up - 30 X": a sale collected, no gift
            if key in _GIVEN and _BACK.match(text, m.end()):
                continue  # "sent back by wine club members": returned, not given away
            if self.lookup.get(key, (None,))[0] is Category.DONATION and _TO_THE_BIN.match(
                text, m.end()
            ):
                # "4 X cracked, sent to the dumpster behind the school": thrown out, the
                # school only where the bin stands (drafted a sure donation)
                continue
            if key in _EVENT_KEYS and _AID_AFTER.match(text, m.end()):
                continue  # "donated to the hurricane relief drive": no storm of ours
            if (
                key == "broke in"
                and _BROKE_IN_HANDLING.match(text, m.end())
                and not _SOMEONE_BEFORE.search(text, max(0, m.start() - 16), m.start())
            ):
                key = "broke"  # "5 vials broke in picking": broken, nobody broke in
            if key in ("break", "breaks") and (
                _BREAK_ROOM_AFTER.match(text, m.end())
                or _ON_BREAK_BEFORE.search(text, max(0, m.start() - 24), m.start())
            ):
                # "$120 of pizza in the break room": a room, nothing broken; "while Jen was on
                # break", "over spring break": a rest, not damage (round 182, a sure loss)
                continue
            if key in ("went through", "went thru") and _WE_BEFORE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                continue  # "we went through 900 gel packs": used up, not a tine through boxes
            if key == "worth" and not _WORTH_NOW.match(text, m.end()):
                continue  # "lost 40 worth $600, post it now": a total, no value the goods keep
            if key == "never came back" and _COUNTED_GOODS_BEFORE.search(
                text, max(0, m.start() - 30), m.start()
            ):
                # "3 VS-CER-GRY never came back (from the wedding)": goods not returned, where
                # they went unknown; not the customer who "never came back" with them (round
                # 285 drafted a sure theft)
                out.append(_Hit(Category.SHRINKAGE, key, m.start(), frozenset()))
                continue
            if key == "missing" and _a_part_missing(text, m.start(), m.end()):
                # "7 kits with missing sprues", "came back with the cuffs missing", "2 X
                # (missing pattern)": a part the goods lack, no goods missing (rounds 280-288
                # drafted shrinkage, some sure); the goods cannot be sold as they are
                out.append(_Hit(Category.LOSS, key, m.start(), frozenset({Category.SHRINKAGE})))
                continue
            if key == "lifted" and (
                _LIFTED_PART_BEFORE.search(text, max(0, m.start() - 30), m.start())
                or _SURFACE_AFTER.match(text, m.end())
            ):
                # "both bridges lifted", "veneer lifted at the corners": a part come loose, not
                # goods stolen (round 307 drafted a sure casualty)
                out.append(_Hit(Category.LOSS, key, m.start(), frozenset()))
                continue
            if key == "nicked" and (
                _SURFACE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                or _SURFACE_AFTER.match(text, m.end())
                # ("w/o 100 ft THHN12 nicked": goods sold by length are cut, not taken away;
                # round 305 drafted a casualty)
                or (
                    _LENGTH_BEFORE.search(text, max(0, m.start() - 40), m.start())
                    and not _TAKEN_AWAY_AFTER.match(text, m.end())
                )
            ):
                # "insulation nicked to the strands", "gaskets all nicked", "film edges all
                # nicked", "15 ft SER2224 nicked jacket": a cut in the goods' surface, not a
                # theft (rounds 290-297 drafted seven casualties)
                out.append(_Hit(Category.LOSS, key, m.start(), frozenset()))
                continue
            if key == "short" and _SHORT_PIECES.match(text, m.end()):
                # "train sets qty 3 short track pcs from the factory, cant sell incomplete":
                # pieces the goods lack, not goods short on the count (round 307)
                out.append(_Hit(Category.LOSS, key, m.start(), frozenset()))
                continue
            if key == "short" and _TOO_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "we cut the steerer too short, scrap it": made wrong, no shortfall
            if key == "gone":
                part = _A_PART_BEFORE.search(text, max(0, m.start() - 24), m.start())
                if part is not None and not self._goods_word(part.group(0).split()[0]):
                    # "seams gone", "heels gone": a part worn out; never "6 straps gone" (no
                    # figure before it) nor the goods' own name ("Camera strap")
                    key = "broken"
            if key == "ripped off" and _PART_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                key = "ripped"  # "5 fuses ripped off": a part torn from the goods, no theft
            if self._message.names and self._of_a_name(text, m.start(), m.end()):
                continue  # "3x 60412 lego fire truck, boxes ripped": the goods' name, no fire
            price = (
                _GOODS_THEN_PRICE.match(text, m.end())
                if key in ("reduce", "reducing", "lower", "lowering")
                else None
            )
            if price is not None and not _RESERVE_WORD.search(price.group(0)):
                # "reduce 12 balances to $99 each", "lower the 40 X to $7": the goods between
                # the verb and their new price (rounds 279-280 drafted losses)
                out.append(_Hit(Category.WRITE_DOWN, key, m.start(), frozenset({Category.LOSS})))
                continue
            found = self.lookup.get(key)
            near = self.near.get(key)
            if found and (
                near is None
                or near.search(text)
                or (context and near.search(context))
                # ("swordfish 10 cs down to $70/cs", "drop to $950/slab": the new price said
                # in dollars is the write-down's own word; round 281 drafted losses)
                or (key in _TO_A_PRICE and _DOLLARS_AFTER.match(text, m.end()))
                # ("gave 10 X and 10 Y to the church pantry": who was given them is said once,
                # after the last part; round 236 read both parts as losses)
                or (found[0] is Category.DONATION and near.search(self._message.text))
            ):
                fix = next((t for (a, _), t in typed.items() if m.start() <= a < m.end()), None)
                hit = _Hit(found[0], found[1], m.start(), found[2], near is not None, fix)
                weak = key in self.weak and not (
                    # ("found 1 more X than on the books (was in a mislabeled box)": more than
                    # the books is the count's own story, whatever else is said)
                    key == "more" and _THAN_THE_BOOKS.match(text, m.end())
                )
                if weak:
                    hit = replace(hit, weak=True, faint=key in self.faint)
                out.append(hit)
        if located and any(h.category in (Category.LOSS, Category.CASUALTY) for h in out):
            # "the moras on the clearance rack are toast, rusted thru": where ruined goods sat
            # is no markdown (round 254); "40 X on the clearance rack, 25% off" still is one
            out = [h for h in out if h.start not in located]
        low = text.lower()
        if (
            # (what every cut below needs: a per cent sign, "knock", or "take" and a dollar)
            ("%" in text or "knock" in low or (("tak" in low or "down" in low) and "$" in text))
            and not _SALE_TALK.search(text)
            and (
                _KNOCK.search(text)
                or _MARK_DOWN.search(text)
                or any(h.category is Category.LOSS for h in out)
            )
        ):
            # "knock 25% off the 8 carriers", "dented, 4 going out at 50% off": a cut in the
            # price of goods knocked down or in a poor state, said with a sign the table's
            # words cannot hold (not a sale's: "sale: 25% off all X", "X 20% off this weekend")
            for m in _PRICE_OFF.finditer(text):
                keyword = (
                    "percent off"
                    if any(m.group(f"pct{n}") for n in ("", 2, 3, 4, 5, 6, 7))
                    else "dollars off"
                )
                found = self.lookup.get(keyword)
                if found and not any(h.start == m.start() for h in out):
                    out.append(_Hit(found[0], found[1], m.start(), found[2]))
        if (
            "now" in low
            and ("was" in low or "were" in low)
            and not any(h.category is Category.WRITE_DOWN for h in out)
            and not _COUNT_TALK.search(text)
        ):
            # "TR12-10 x4 were $685 now $500, scuffed", "was 38 now 25: olive boards": a value
            # going down is the write-down's own word (round 334 drafted the whole cost, or
            # 38 boards, as losses four times); a figure going up is no write-down
            at = _going_down(_WD_WAS_NOW, text)
            if at is not None:
                out.append(_Hit(Category.WRITE_DOWN, "was ... now", at, frozenset({Category.LOSS})))
        if (
            "from" in low
            and "$" in text
            and not any(h.category in (Category.WRITE_DOWN, *_RESERVES) for h in out)
            and not _COUNT_TALK.search(text)
            # ("prices were slashed on X, 40 units from $15 to $9": a sale's prices)
            and "price" not in low
            and not _SALE_TALK.search(text)
        ):
            # "3 FG800s with scratches from the wall hangers, from $139 to $95": a price going
            # from one dollar figure down to another is the write-down's own word (round 346
            # drafted the goods' whole cost as a loss at 0.97, the $95 unused)
            at = _going_down(_WD_FROM_TO_STRICT, text)
            if at is not None:
                out.append(_Hit(Category.WRITE_DOWN, "from ... to", at, frozenset({Category.LOSS})))
        if "reserve" in low and "cost" in low and not any(h.category in _RESERVES for h in out):
            # "reserve the 8 X at cost, last season's colorway isn't moving": the goods put in
            # the reserve at their cost builds it (rounds 334-338 drafted four as losses)
            built = _RESERVE_THE_GOODS.search(text)
            if built:
                out.append(
                    _Hit(
                        Category.RESERVE_PROVISION,
                        "reserve ... at cost",
                        built.start(),
                        frozenset({Category.LOSS}),
                    )
                )
        if not any(h.category is Category.CASUALTY for h in out) and any(
            v in low for v in ("truck", "van", "trailer", "semi", "rig")
        ):
            # "truck 14 backed into the dock stack", "van #3 rolled over": a vehicle named by
            # its fleet number, then its wreck (round 341 drafted a sure routine loss)
            wreck = _NUMBERED_VEHICLE.search(text)
            found = self.lookup.get(f"truck {wreck.group('w').lower()}") if wreck else None
            if wreck and found:
                out.append(_Hit(found[0], found[1], wreck.start("w"), found[2]))
        for gates, category, pattern, also, key in _SAID_APART:
            if not any(g in low for g in gates) or any(h.category is category for h in out):
                continue
            said = pattern.search(text)
            found = self.lookup.get(key) if said and (also is None or also.search(text)) else None
            if said and found:
                out.append(_Hit(found[0], found[1], said.start(), found[2]))
        if "walked" in low and not _NOBODY_KNOWS.search(text):
            # "20 of the ivory cushions walked at the barn wedding", "1 sixtel walked": goods
            # that walked are taken (never "walked them to the dumpster", "walked over to")
            for m in _COUNT_WALKED.finditer(text):
                found = self.lookup.get("walked off")
                if found and not any(h.start == m.start("w") for h in out):
                    out.append(_Hit(found[0], found[1], m.start("w"), found[2]))
        return tuple(out)

    def _in_a_listed_code(self, low: str, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside one of the item list's codes as typed there."""
        for code in self._message.codes:
            c = code.lower()
            at = low.find(c, max(0, start - len(c)), end + len(c))
            if at != -1 and at <= start and end <= at + len(c):
                return True
        return False

    def _spell(self, text: str) -> tuple[str, dict[tuple[int, int], fuzzy.Correction]]:
        """The text with misspellings replaced (the table's own, then fuzzy matches); new
        span -> the correction."""
        fixes = self.speller.corrections(text)
        if fixes and self._message.names:
            fixes = [f for f in fixes if f.exact or not self._goods_word(f.typed)]
        if fixes and self._message.codes:
            # ("received 1 MACE/MON1, all good, no damage": a listed code's letters are no
            # misspelt "mice")
            low = text.lower()
            fixes = [f for f in fixes if f.exact or not self._in_a_listed_code(low, f.start, f.end)]
        if not fixes:
            return text, {}
        parts: list[str] = []
        typed: dict[tuple[int, int], fuzzy.Correction] = {}
        at = 0
        length = 0
        for fix in fixes:
            parts.append(text[at : fix.start])
            length += fix.start - at
            typed[(length, length + len(fix.meant))] = fix
            parts.append(fix.meant)
            length += len(fix.meant)
            at = fix.end
        parts.append(text[at:])
        return "".join(parts), typed


# a proper name's first words after "to", "for", "at": "to Lakeside Collision", "for Storm
# Roofing Co" (the reason word capitalised after them names a business; round 208)
_NAMED_BEFORE = re.compile(r"\b(?:to|for|from|at|with|by)\s+(?:[A-Z][\w'&.-]*\s+){1,3}$")
_NEAR_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}
# a word said as the goods' label, not the books' ("the 8 magnums of reserve chard": a wine
# of the estate's reserve; round 345 built the inventory reserve at 0.87)
_NOT_A_LABEL = (
    r"(?!\s+(?:chard|chardonnay|cab|cabs|cabernet|pinot|merlot|malbec|zin|zinfandel|syrah"
    r"|shiraz|riesling|bourbon|whiskey|whisky|scotch|rum|tequila|cuvee|blend|bottling|vintage"
    r"|port|wines?|reds?|whites?)\b)"
)


def _near_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _NEAR_CACHE.get(words)
    if pattern is None:
        body = "|".join(r"\s*".join(map(re.escape, w.split())) for w in words)
        pattern = twin(re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9]){_NOT_A_LABEL}", _I))
        _NEAR_CACHE[words] = pattern
    return pattern


def _trie(words: list[str]) -> str:
    """A regex matching any of `words`, longest first, shaped as a trie: one alternation of
    300 phrases tried at every position is several times slower."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    alts = [
        (r"[\s-]+" if ch == " " else re.escape(ch)) + _emit(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


_REASON_CACHE: dict[int, _ReasonIndex] = {}


def _reason_index(policy: Policy) -> _ReasonIndex:
    """Compiled once per table (the default table is shared by every Policy)."""
    index = _REASON_CACHE.get(id(policy.reasons))
    if index is None or index.table is not policy.reasons:
        if len(_REASON_CACHE) > 64:
            _REASON_CACHE.clear()
        index = _ReasonIndex(policy.reasons)
        _REASON_CACHE[id(policy.reasons)] = index
    return index


# a count said right after a shortfall's word: "shrink from the Q2 count", "missing from the
# count", "short on the cycle count"
_A_COUNT_AFTER = re.compile(
    r"\s+(?:from|on|in|per|at)\s+(?:the\s+|our\s+|this\s+|last\s+)?(?:[\w-]+\s+){0,2}?count\b", _I
)


def _one_story(a: _Hit, b: _Hit) -> bool:
    """Two reason words that tell one story (the same reason, or one explains the other),
    word by word; _compatible asks it of the chosen reason's words as a group."""
    return a.category is b.category or a.category in b.explains or b.category in a.explains


def _head_count_split(read: list[Facts]) -> list[Facts]:
    """A count with no reason of its own, then its parts, each with one, that add up to it:
    "6 X: 4 cracked, 2 donated", "write off 8 X: 5 torn, and 3 donated" are the parts, not
    the whole as well (round 180: three trades drafted the whole beside its parts)."""
    out: list[Facts] = []
    i = 0
    while i < len(read):
        head = read[i]
        parts = read[i + 1 :]
        if (
            head.reason is None
            and head.quantity is not None
            and len(parts) >= 2
            and all(p.reason is not None and p.quantity is not None for p in parts)
            and all(p.sku == head.sku for p in parts)
            and sum(p.quantity for p in parts if p.quantity is not None) == head.quantity
        ):
            return [*out, *parts]
        out.append(head)
        i += 1
    return out


# when a reserve was built: "last quarter", "in March", "back in Q2" (after the build's words)
_BUILT_THEN = re.compile(
    r"[^.;!?\n]{0,40}?\b(?:last\s+(?:quarter|qtr|month|year|yr|week|fy|period|time)"
    r"|in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|earlier|back\s+in|ago"
    r"|previously|at\s+year[-\s]end)\b",
    _I,
)


def _pick_reason(
    r: _Read, hits: list[_Hit], index: _ReasonIndex
) -> tuple[Category | None, str | None]:
    if not hits:
        return None, None
    every = hits  # ("donate or toss": a weak word is still one side of a choice)
    strong = [h for h in hits if not h.weak]
    # "book a $2,500 obsolescence reserve for the discontinued line", "book $750 to the
    # inventory reserve for X, the client dropped the contract", "cosmetic damage, worth
    # $1,100 now": a reserve's or a write-down's weak word is the entry's story when it
    # explains every other word (why the goods lost their value); the loss they would make
    # alone leaves the reserve, or the value kept, out (round 278 drafted four as losses)
    strong += [
        h
        for h in hits
        if h.weak
        # ("worth" counts only before "now": the value kept; "marked", "clearance" alone
        # are where or how goods sit, no value: "packaging torn and grips marked")
        and (index.kind[h.category] is Kind.RESERVE or h.keyword == "worth")
        and strong
        and all(o.category in h.explains for o in strong)
    ]
    # "lost ... to water damage": the cause names the reason; "found 2, toss": the weak
    # word, the faint one
    hits = strong or [h for h in hits if not h.faint] or hits
    # a reason word typed right beats a guess at a misspelling that tells another story:
    # "broke 6 steak knives" is broken, never 'steak' read as "steal" ("vandalisim at the
    # dock, 3 smashed" is one story: the misspelled event explains the damage)
    typed = [h for h in hits if h.typed is None or h.typed.exact]
    hits = [h for h in hits if h in typed or all(_one_story(h, t) for t in typed)]
    _or_doubt(r, [h for h in every if h in hits or h.weak])
    for h in hits:  # "10 SKU-77 stolen?": asked, not said
        end = h.start + len(h.keyword)
        if r.s[end : end + 1] == "?":
            r.doubts.append(f"'{h.keyword}?' is asked, not said: confirm what happened")
            break
        other = _OR_ASKED.match(r.s, end)
        if other is not None:
            # "stolen or shipped by mistake?": asked, with another story beside it
            asked = _WS.sub(" ", r.s[h.start : other.end()])
            r.doubts.append(f"'{asked}' is asked, not said: confirm what happened")
            break
    # a reserve built in the past is the history of the reserve now used: "we set up a reserve
    # last qtr for exactly this. relieve it for 30 X" (round 180: four writers, all drafted
    # as building it)
    if any(h.category is Category.RESERVE_WRITE_OFF for h in hits):
        built = [
            h
            for h in hits
            if h.category is Category.RESERVE_PROVISION
            and _BUILT_THEN.match(r.s, h.start + len(h.keyword))
        ]
        hits = [h for h in hits if h not in built] or hits
    # words another hit's story explains are part of that story: "lost in transit, carrier
    # says no trace" is goods lost in transit, not a count's shortfall
    told = [h for h in hits if not any(h.category in o.explains for o in hits if o is not h)]
    # the reason's own words name it better than a verb that only points at it ("add")
    best = min(told or hits, key=lambda h: (index.priority[h.category], h.verb, h.start))
    others = {h.category for h in hits} - {best.category}
    clash = [c for c in others if not _compatible(best, c, hits)]
    # a count's shortfall is no part of a storm's story: "$2,000 for the storm damage and the
    # shrink from the Q2 count combined" (round 174, a sure casualty)
    if (
        best.category is Category.CASUALTY
        and Category.SHRINKAGE in others
        and Category.SHRINKAGE not in clash
        and any(
            h.category is Category.SHRINKAGE and _A_COUNT_AFTER.match(r.s, h.start + len(h.keyword))
            for h in hits
        )
    ):
        clash.append(Category.SHRINKAGE)
    # damage with a cause of its own is no part of a storm's story: "$200 total for the storm
    # stuff and the busted bags from the fork" (round 293, a sure casualty)
    if (
        best.category is Category.CASUALTY
        and Category.LOSS in others
        and Category.LOSS not in clash
        and any(
            h.category is Category.LOSS
            and (
                _OWN_CAUSE.search(r.s, h.start + len(h.keyword), h.start + len(h.keyword) + 40)
                or _A_CAUSE_BEFORE.search(r.s, max(0, h.start - 30), h.start)
            )
            for h in hits
        )
    ):
        clash.append(Category.LOSS)
    if clash:
        # one amount, two stories ("some damaged some missing"): which account is a guess
        words = dict.fromkeys(h.keyword for h in hits if h.category in {best.category, *clash})
        r.guess(
            "Several possible reasons (" + ", ".join(words) + f"); used '{best.keyword}'",
            P_SEVERAL_REASONS,
        )
        r.doubts.append(
            "The message gives several reasons (" + ", ".join(words) + "): which one is it? "
            "Send one line per reason with its own amount"
        )
    fix = best.typed
    if fix is not None:
        r.notes.append(f"Read '{fix.typed}' as '{best.keyword}'")
        if not fix.exact:  # the table's own misspellings cost nothing
            r.guess(f"Read '{fix.typed}' as '{best.keyword}'", P_FUZZY)
            sure = {h.category for h in hits if h.typed is None or h.typed.exact}
            if (
                len(fix.typed) < fuzzy.SURE_LENGTH
                or (sure and best.category not in sure)
                or fuzzy.far(fix.typed, best.keyword)
            ):
                # a short word, a correction that outranks a word typed right, or one two
                # slips away ("staying" is no "stealing"): ask
                r.unclear.append(f"Read '{fix.typed}' as '{best.keyword}': check the reason")
    if _NEGATION_BEFORE.search(r.s[max(0, best.start - 24) : best.start]):
        r.guess(f"The reason '{best.keyword}' may be negated", P_NEGATED)
    if best.weak:
        # "gone", "lost" say the goods left the books, not why: shrinkage is the likeliest
        # reading, not a sure one ("forklift hit the rack: 5 SKU-40 gone")
        r.guess(f"'{best.keyword}' alone does not say for sure what happened", P_WEAK_REASON)
    return best.category, best.keyword


# "the provision for", "the stock provision for", "our E&O reserve for": a name
_DETERMINER_BEFORE = re.compile(r"\b(?:the|our|this|that|its|of)\s+(?:[\w&-]+\s+){0,2}$", _I)
_RESERVE_NAME = ("provision", "reserve", "allowance")
_RESERVE_WHICH = re.compile(
    r"\b(?:reserves?|allowances?|provisions?)\s+(?:that\s+|which\s+)?(?:we|i|you|they|was|were"
    r"|finance|accounting)\s+(?:already\s+|just\s+|had\s+|have\s+)?$",
    _I,
)


_WHAT_WE = re.compile(
    r"\bwhat\s+(?:we|i|you|they|finance|accounting)\s+(?:already\s+|had\s+)?$", _I
)


def _reserve_named(s: str, hits: list[_Hit]) -> list[_Hit]:
    """ "use up $1,350 of the provision for obsolete stock": "the provision for ..." is the
    reserve's name, not a verb building it; beside a verb using the reserve, only the verb
    says which way the reserve moves."""
    if not any(h.category is Category.RESERVE_WRITE_OFF for h in hits):
        return hits
    return [
        h
        for h in hits
        if not (
            h.category is Category.RESERVE_PROVISION
            and (
                (
                    h.keyword.startswith(_RESERVE_NAME)
                    and _DETERMINER_BEFORE.search(s, max(0, h.start - 30), h.start)
                )
                # ("against the reserve we set up last qtr": which reserve, not a new build;
                # "thru the E&O reserve, using what we set aside")
                or _RESERVE_WHICH.search(s, max(0, h.start - 40), h.start)
                or _WHAT_WE.search(s, max(0, h.start - 30), h.start)
                # ("charge the 12 old X to the obsolete stock allowance": charged to it is
                # out of it)
                or (
                    h.keyword.startswith("to ")
                    and any(
                        w.category is Category.RESERVE_WRITE_OFF
                        and w.keyword.startswith("charg")
                        and w.start < h.start
                        for w in hits
                    )
                )
            )
        )
    ]


# ("went walkabout or got binned by mistake": the verb of the second story between)
_OR_BETWEEN = re.compile(
    r"\s*,?\s*(?:or|and/or|/|or\s+maybe|or\s+possibly)"
    r"(?:\s+(?:got|was|were|been|just|it|they|we|someone|somebody))*\s*",
    _I,
)


# "stolen or shipped by mistake?": a reason, "or" another story, asked
_OR_ASKED = re.compile(r"\s+or\s+[^.?!;\n]{1,40}?\?")


def _or_doubt(r: _Read, hits: list[_Hit]) -> None:
    """ "damaged or expired", "stolen or missing": the writer has not said which."""
    ordered = sorted(hits, key=lambda h: h.start)
    for a, b in itertools.pairwise(ordered):
        between = r.s[a.start + len(a.keyword) : b.start]
        if between and _OR_BETWEEN.fullmatch(between):
            r.doubts.append(f"'{a.keyword} or {b.keyword}': which is it?")
            return


def _compatible(best: _Hit, other: Category, hits: list[_Hit]) -> bool:
    """Words of two categories that describe one event ("damaged in the flood"): a word of
    the chosen category explains the other one (the table's `Words.explains`)."""
    return any(other in h.explains for h in hits if h.category is best.category)


# -- locations -----------------------------------------------------------------------------------


_LOC_HINT = lead("a-z", rf"{by_first_letter(_LOC_HEAD[3:-1], _I)}\b", _I, word=True)


# "bin" is a place ("bin 20", "from bin 4") and a verb ("bin 20 that are stained", "and bin 40
# WID-200"): after a word that leads a verb ("and", "pls", "then"), or followed by "N that /
# which / of them / more", it throws goods away and its number is their count. At the start of
# a message "bin 40 SKU-410 damaged" stays a place with a doubtful count (either reading fits).
_VERB_LEAD = re.compile(
    r"\b(?:and|then|pls|please|plz|just|so|also|can\s+you|we'?ll|i'?ll|will|gonna|should|must"
    r"|need\s+to|let'?s|to)\s*$",
    _I,
)
_BIN_COUNT = re.compile(
    r"bin\s+\d+\s*(?:\S+\s+){0,2}?(?:that|which|of\s+(?:them|those|these)|more|units?|pcs)\b",
    _I,
)


def _verb_bin(s: str, start: int) -> bool:
    """Whether the "bin" at `start` of `s` is the verb (throw away), not a place."""
    if s[start : start + 3].lower() != "bin":
        return False
    if not s[:start].strip() and _BIN_FIRST.match(s, start):
        return True  # "bin 3 Porsche 911 kits, decals misprinted": the verb, said first
    return bool(_BIN_COUNT.match(s, start) or _VERB_LEAD.search(s, 0, start))


_BIN_FIRST = re.compile(r"(?-i:bin)\s+\d{1,4}\s+(?=[a-z])", _I)


def _read_location(r: _Read) -> str | None:
    if not _LOC_HINT.search(r.s):
        return None  # cheap test first: the full pattern is slow
    found: str | None = None
    for m in list(_LOCATION.finditer(r.s)):
        raw = m.group("loc") or m.group("bare")
        if m.group("bare") and _verb_bin(r.s, m.start("bare")):
            continue
        if found is None:
            found = _WS.sub(" ", raw).strip(" ,")
            found = re.sub(r"^(?:the|our|my)\s+", "", found, flags=_I)
        r.not_amounts.append(m.span())
        r.cut(*m.span())
    return found


# -- write-downs and percentages -----------------------------------------------------------------


# "a case and 2 loose": whole packs and loose pieces, and nothing says how many a pack holds
_PACK_AND_LOOSE = lead(
    "aon\\d",
    rf"\b(?:an?|one|\d+)\s+(?P<u>{_UNIT})\.?\s*(?:and|plus|\+|&)\s+\d+\s+"
    r"(?:loose|singles?|extra|odd|individual|spare|more)\b",
    _I,
)


def _loose_beside_unknown_pack(r: _Read) -> None:
    low = r.s.lower()
    loose = any(
        w in low for w in ("loose", "single", "extra", "odd", "individual", "spare", "more")
    )
    m = _PACK_AND_LOOSE.search(r.s) if loose and _DIGIT.search(r.s) else None
    if m is not None and _holder(m.group("u")):
        unit = packs.container(m.group("u")) or m.group("u").lower()
        r.doubts.append(
            f"'{_WS.sub(' ', m.group(0))}': how many pieces are in {packs.a(unit)}? Give the count "
            f"per {unit}"
        )


_SAID_AGAIN = re.compile(r"\s*\(\s*(?:=\s*)?(?P<n>\d{1,6})\s*(?:pcs|units|ea|total)?\s*\)")


def _read_pack(r: _Read, pack: packs.Pack | None = None) -> None:
    """Dozens, cases of 12, pallets of cases, "25% of the 80": the pieces, multiplied out."""
    if r.pack is not None:
        return  # read already (goods on holders, by a measure)
    pack = pack or packs.read(r.s)
    if pack is None:
        _loose_beside_unknown_pack(r)
        return
    pairs = pack.containers.get("pair")
    if r.priced_by == "pair" and pairs is not None and pack.quantity == 2 * pairs:
        # "9 pairs of BT4480-GTX-100", the item list's boots: the pair is the item
        pack.quantity, pack.guess = pairs, ""
        pack.note = f"Quantity {_fmt(pairs)} pairs (the item list's unit)"
    for a, b in pack.spans:
        r.cut(a, b)
    # each factor is bounded, their product is not: "999999999 cs (999999999/cs)" is no count
    if _limit(pack.quantity, pack.note, r, MAX_QUANTITY, "quantity") is None:
        return
    r.qtys.append(_Qty(pack.quantity, pack.unit, pack.spans[0][0], "pack"))
    # "a gross (144) of ...", "2 dozen (24)": the count the pack makes, said again in brackets
    end = max(b for _, b in pack.spans)
    again = _SAID_AGAIN.match(r.s, end)
    if again and Decimal(again.group("n")) == pack.quantity:
        r.cut(*again.span("n"))
        r.not_amounts.append(again.span("n"))
    # the pack's words are explained by its arithmetic ("three six-packs": 3 x 6), even where
    # number words run together and would read as one number
    r.not_amounts.extend(pack.spans)
    r.used.extend(pack.used)
    r.used_words.extend(pack.words)
    r.notes.append(pack.note)
    odd = [n for n in pack.used[1:] if n >= 1000 and n % 10]
    if odd:
        # "12 packs of 9006 bulbs": a size no one packs in may be the goods' model number
        r.unclear.append(f"'{_fmt(odd[0])}' read as a pack size: or does it name the goods?")
    if pack.doubt:
        r.doubts.append(pack.doubt)
    if pack.guess:
        r.guess(pack.guess, P_PACK_GUESS)
    r.pack = pack


# between a percentage and the state its goods are in: "25% are crushed", "10% of them were"
_SHARE_IN_STATE = re.compile(
    r"\s*(?:of\s+(?:them|those|these|em|'em)\s+)?(?:(?:are|were|is|was|got|came|showed\s+up)\s+)?",
    _I,
)


def _read_percent(r: _Read, write_down: bool = False, states: Sequence[int] = ()) -> None:
    """`states`: where the text names a state goods are in ("crushed", "missing"): a
    percentage just before one is a share of the goods, not a cut in their value."""
    low = r.s.lower()
    if write_down and "dollar" in low:
        for m in list(_ON_THE_DOLLAR.finditer(r.s)):
            # "60 cents on the dollar": the goods keep 60% of their cost
            value = _number(m.group("n"), r, "percentage")
            if value is not None and 0 < value < 100:
                _kept_share(r, value)
            r.cut(*m.span())
        low = r.s.lower()
    if "%" not in low and "percent" not in low and "pct" not in low:
        return  # what _PERCENT needs
    for m in list(_PERCENT.finditer(r.s)):
        value = _number(m.group("n"), r, "percentage")
        if value is not None:
            if value > 100:
                r.errors.append(f"'{m.group(0)}' is more than 100%")
            elif not write_down:
                r.percent.append(value)
                r.percent_said.append(value)
            else:
                before = r.s[max(0, m.start() - 40) : m.start()]
                after = r.s[m.end() : m.end() + 40]
                said = _WS.sub(" ", r.s[max(0, m.start() - 12) : m.end() + 12]).strip()
                state = _SHARE_IN_STATE.match(r.s, m.end())
                if state is not None and state.end() in states:
                    # "40 on clearance, 25% crushed": a share of the goods, and of which count?
                    r.unclear.append(f"'{said}': a share of the goods, not of their cost")
                elif _OF_OTHER_PRICE.match(after):
                    # "clearance at 50% of retail": a share of a price that is not the cost
                    r.unclear.append(f"'{said}': a share of a price other than the cost")
                    r.percent.append(value)
                    r.percent_said.append(value)
                elif _REDUCED_BEFORE.search(before) or _REDUCED_AFTER.match(after):
                    r.percent.append(value)  # "by 30%", "30% off", "lost 30%": the cut
                    r.percent_said.append(value)
                elif (
                    _OF_COST.match(after)
                    or _KEPT_BEFORE.search(before)
                    or _PERCENT_LEFT.search(r.s, max(0, m.start() - 40), m.start())
                ):
                    _kept_share(r, value)  # "to 60%", "NRV 80% of cost": what is left
                else:
                    r.percent.append(value)
                    r.percent_said.append(value)
        r.cut(*m.span())


# A write-down's percentage is the cut ("by 30%", "30% off", "lost 30% of their value") or the
# share the goods keep ("to 70%", "at 70% of cost", "NRV is 80%", "liquidator pays 30% of cost",
# "60 cents on the dollar"): the rule for the family, read from the words around it. The
# entry is always the cut: a kept share of N% is a write-down of 100 - N%. A share of retail,
# list or selling price is of a price the books do not carry: asked.
_REDUCED_BEFORE = re.compile(
    r"\b(?:by|lost|lose|loses|losing|reduc\w*(?:\s+of)?|cut|drop(?:ped)?|fell|fallen|down|off"
    r"|less|discount(?:ed)?|impaired|impairment(?:\s+of)?|markdown(?:\s+of)?)\s*(?:about\s+)?$",
    _I,
)
_REDUCED_AFTER = re.compile(
    r"\s*(?:off|less|lower|down|cheaper|discount|reduction|markdown|cut|drop|below|of\s+(?:its|their"
    r"|the)\s+value)\b",
    _I,
)
_OF_COST = re.compile(
    r"\s*of\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:unit\s+|original\s+|book\s+|carrying\s+|landed"
    r"\s+|purchase\s+)?(?:cost|value|price\s+we\s+paid|what\s+(?:we|they|i)\s+paid)\b",
    _I,
)
_KEPT_BEFORE = re.compile(
    r"\b(?:to|at|is|are|was|now|=|:|worth|nrv|value|valued|pays?|paying|paid|takes?|taking"
    r"|offer(?:s|ed)?|fetch(?:es)?|gets?|recover\w*|salvage)\s*(?:about\s+|only\s+|just\s+)?$",
    _I,
)
_OF_OTHER_PRICE = re.compile(
    # ("sell at 50% off retail": a cut off the selling price, whose figure the books lack)
    # ("write down 10 X to 30% below retail": round 330)
    r"\s*(?:of|off|below|under|less\s+than)\s+(?:the\s+|its\s+|their\s+)?(?:retail|list|msrp|rrp"
    r"|sticker|selling|sale|shelf"
    r"|market|full)\b",
    _I,
)
_ON_THE_DOLLAR = re.compile(
    r"\b(?P<n>\d{1,2})\s*(?:cents?|c|¢)\s+(?:on|per|to)\s+the\s+dollar\b", _I
)


def _kept_share(r: _Read, kept: Decimal) -> None:
    """A share the goods keep ('to 60%'): the cut is the rest; used, and shown, only when the
    write-down reads it (_use_percent), so a second, different share is still reported."""
    r.percent.append(100 - kept)
    r.percent_said.append(kept)


def _take_money(r: _Read, pattern: re.Pattern[str], group: str, into: list[Decimal]) -> None:
    """Every match of `pattern`: its `group` read as money into `into`, the match cut out."""
    for m in list(pattern.finditer(r.s)):
        value = _money_value(m.group(group), r)
        if value is not None:
            into.append(value)
        r.cut(*m.span(), MONEY_MARK)


def _read_write_down(r: _Read, write_down: bool) -> None:
    # "from $22 to $15" and "$22 -> $15" are clear in any request; "from 22 to 15" only in a
    # write-down ("from 3 to 5 units" elsewhere is a count)
    arrow = "->" in r.s or "=>" in r.s  # what _WD_ARROW needs
    paths: tuple[re.Pattern[str], ...] = (_WD_FROM_TO_STRICT,)
    if write_down:
        paths = (_WD_FROM_TO, _WD_WAS_NOW, _WD_ARROW_BARE)
    for pattern in (*paths, _WD_ARROW):
        if pattern in (_WD_ARROW, _WD_ARROW_BARE) and not arrow:
            continue
        for m in list(pattern.finditer(r.s)):
            a = _money_value(m.group("a"), r)
            b = _money_value(m.group("b"), r)
            if (
                not write_down
                and pattern is _WD_ARROW
                and a is not None
                and b is not None
                and b > a
            ):
                continue  # "14 X at $11.40 -> $156.60 total": arithmetic, no value going down
            per = _PER_CONTAINER_END.search(m.group(0))
            said = per.group("c").lower() if per else ""
            held = "dozen" if said in ("dz", "doz", "dozen") else packs.container(said)
            count = r.pack.containers.get(held) if r.pack is not None and held else None
            if count is not None and a is not None and b is not None and a > b:
                # "mark down 5 dz X from $21/dz to $9/dz": prices per dozen of the pieces
                # counted out of them; the write-down is the 5 dozens' (round 182: it was 60
                # x $12 at 0.97)
                by = count * (a - b)
                r.wd_by_total.append(by)
                r.used.extend((a, b))
                r.notes.append(
                    f"Write-down {_fmt(count)} {held} x (${_fmt(a)} - ${_fmt(b)}) per {held}"
                    f" = ${_fmt(by)}"
                )
                r.cut(*m.span(), MONEY_MARK)
                continue
            if a is not None:
                r.wd_cost.append(a)
            if b is not None:
                r.wd_new.append(b)
            r.cut(*m.span(), MONEY_MARK)
    if not write_down:
        return
    for m in list(_WD_NRV.finditer(r.s)):
        figure = m.group("b") or m.group("c") or m.group("d") or m.group("e") or m.group("f")
        value = _money_value(figure, r)
        if value is not None:
            r.wd_new.append(value)
        per = _PER_CONTAINER_AFTER.match(r.s, m.end()) or _PER_CONTAINER_END.search(m.group(0))
        if per and packs.container(per.group("c")):
            # "40 SKU-12 - NRV $9 a case": the value of a case set against a cost per piece
            said = m.group(0).strip()
            r.unclear.append(f"'{said}': a value per container; how many pieces in one?")
        r.cut(*m.span(), MONEY_MARK)
    if _WD_VALUE_OF.search(r.s):
        # "the NRV of SKU-40 is $100", "NRV for 8 CHR-009 is 60 each": the value named first
        _take_money(r, _WD_IS, "b", r.wd_new)
    _take_money(r, _WD_COST, "a", r.wd_cost)
    for m in list(_WD_BY_SHARE.finditer(r.s)):
        _share_said(r, m, kept=False)  # "by half", "by a third": a percentage said in words
    for m in list(_WD_TO_SHARE.finditer(r.s)):
        _share_said(r, m, kept=True)  # "to half cost": the write-down is the rest
    for m in list(_WD_BY.finditer(r.s)):
        said = m.group("b") or m.group("d") or m.group("o") or m.group("o2") or m.group("t")
        said = said or m.group("o3") or m.group("o4") or m.group("o5") or m.group("o6")
        value = _money_value(said, r)
        if value is not None:
            each = m.group("per") or m.group("dper") or m.group("oper") or m.group("oper2")
            each = each or m.group("tper") or m.group("oper4")
            (r.wd_by_unit if each else r.wd_by_total).append(value)
        r.cut(*m.span(), MONEY_MARK)
    together = (
        _TO_A_TOTAL.search(r.s) if "to " in r.s.lower() and _TOTAL_WORDS.search(r.s) else None
    )
    if together:
        # "write down 2 pcs X to 500 total": the value of them all, or of each? (round 288
        # wrote each down to $500, sure)
        r.unclear.append(
            f"'{together.group(0).strip()}': is that what they are all worth together, or each? "
            "Say 'to $250 each'"
        )
    _take_money(r, _WD_TO, "b", r.wd_new)
    _take_money(r, _WD_FROM, "a", r.wd_cost)
    if not r.wd_new and _WD_REVALUE.search(r.s):
        # "revalue 100 SKU-12 at $0.80", "mark the 20 WID-200 at $4", "sell 25 SKU-410 at $7
        # in clearance": the price after the goods is what each is now worth
        for m in list(_WD_AT.finditer(r.s)):
            value = _money_value(m.group("b"), r)
            if value is not None:
                r.wd_new.append(value)
            r.cut(*m.span(), MONEY_MARK)


def _share_said(r: _Read, m: re.Match[str], kept: bool) -> None:
    """A share said in words ("half", "a third") as the write-down's percentage: the share
    itself, or what is left when it is the share the goods keep."""
    share = _SHARES[_WS.sub(" ", m.group("share").lower())]
    percent = Decimal(100) - share if kept else share
    r.percent.append(percent)
    r.percent_said.append(percent)
    r.used_words.append(m.group("share").split()[-1])
    r.cut(*m.span())


_CURRENCY_MARK = re.compile(r"[$£€]\s*\d|\d\s*(?:dollars?|usd|bucks)\b", _I)
# A reserve moves by an amount of money, never by a count: "raise the obsolescence allowance
# by 1,800", "add 2,500 to the E&O reserve" say dollars without the "$". A number before a SKU
# counts the goods ("add 80 SKU-12 at full cost to the E&O reserve" is 80 x the item's cost).
_RESERVE_BY = re.compile(
    rf"""(?:\bby|\b(?:add|added|adding|put|putting|top\s+up|topped\s+up|set\s+aside|book|booked)
        (?:\s+(?:another|an\s+extra|a\s+further|an\s+additional))?
        |\b(?:another|an\s+extra|a\s+further|an\s+additional)
        # ("E&O reserve top-up 1,800": round 182, a count of 1,800)
        |\b(?:reserves?|allowances?|provisions?|e\s*&\s*o)
            (?:\s+(?:top[-\s]?up|increase|addition|build|provision))?\s*[:=-]?)
        \s+(?P<n>{_NUM})(?![a-z])
        # ("the reserve 650 for obsolete K-2006 kits": what the $650 is for, no count of them)
        (?!\s*(?:%|x\b|{_UNIT}\b|[a-z]+-?\d|(?:am|pm)\b
            |(?!(?:for|to|against|on)\b)(?:[a-z]+\s+){{0,2}}{SKU_MARK}))
        # ("relieve the reserve: 100 grey blanks": a count of goods, not $100)
        (?!\s+(?!(?:for|to|in|into|on|from|of|against|dollars?|bucks|usd|worth|total|and|this
            |that|now|today|per|more|extra|please|pls|thanks|thx|as|at|by|with|off|out
            # ("the reserve needs another 850 added for copper fittings", round 182)
            |added|needed|additional)\b)
            (?:[a-z]{{3,}}|[a-z]+-[a-z]
            # ("against reserve: 18 HP box sets": goods, two capitals their short name)
            |(?-i:[A-Z]{{2}})\b))  # ("add 12 XX-BEANIE-RED to the reserve": goods)""",
    _IX,
)
# "release 1,500 from the obsolescence allowance": a number straight before the reserve's
# name is what leaves it
_RESERVE_FROM = re.compile(
    rf"""\b(?:release[sd]?|releasing|draw(?:\s+down)?|drew(?:\s+down)?|take|took|use|used|move
        |moved|charge|charged|add|added|put|top\s+up|topped\s+up)\s+(?P<n>{_NUM})(?![a-z])
        (?=\s+(?:from|of|out\s+of|against|to|into|in)\s+(?:the\s+|our\s+)?(?:[\w&]+\s+){{0,2}}
        (?:reserves?|allowances?|provisions?)\b)""",
    _IX,
)


# "add $3,000 to the obsolescence reserve for the gen 3 hardtails", "bump the reserve by
# $1,200": the money the reserve moves by is the whole amount, whatever else is counted
_RESERVE_MONEY = re.compile(
    rf"""\b(?:add|added|adding|put|putting|top\s+up|topped\s+up|book|booked|set\s+aside|move
        |moved|charge|charged|release[sd]?|take|took|use|used|draw|drew)
        \s+(?:another\s+|an\s+extra\s+|a\s+further\s+)?(?P<m>{_MONEY_STRICT})
        (?=\s+(?:to|into|in|from|out\s+of|against|of)\s+(?:the\s+|our\s+)?(?:[\w&]+\s+){{0,2}}
        (?:reserves?|allowances?|provisions?)\b)
      | \b(?:reserves?|allowances?|provisions?)\s+(?:up\s+)?(?:by\s+)?(?P<m2>{_MONEY_STRICT})""",
    _IX,
)
# "by 5% of the $40,000 toner stock": a share of a stated base
_RESERVE_SHARE = re.compile(
    rf"(?P<p>{_NUM})\s*(?:%|percent\b|pct\b)\s+of\s+(?:the\s+|our\s+)?(?P<base>{_MONEY_STRICT})",
    _I,
)


def _read_reserve_money(r: _Read) -> None:
    """Money a reserve moves by, said with its verb or as a share of a stated base: the whole
    amount, never a price per counted piece."""
    if "%" in r.s or "percent" in r.s.lower() or "pct" in r.s.lower():
        for m in list(_RESERVE_SHARE.finditer(r.s)):
            share = _number(m.group("p"), r, "percentage")
            base = _money_value(m.group("base"), r)
            if share is None or base is None or share > 100:
                continue
            value = quantize(base * share / 100)
            r.money.append(_Money(value, m.start(), "total"))
            r.used += [share, base]
            if re.search(r"\bto\s+$", r.s[max(0, m.start() - 6) : m.start()]):
                # "bring the reserve to 5% of $40,000": its new balance, or the amount added?
                r.guess(
                    f"'to {m.group(0)}': the reserve's new balance, or what to add?", P_QTY_OR_PRICE
                )
            r.notes.append(f"{m.group('p')}% of ${_fmt(base)} = ${_fmt(value)}")
            r.cut(*m.span(), MONEY_MARK)
    for m in list(_RESERVE_MONEY.finditer(r.s)):
        group = "m" if m.group("m") else "m2"
        moved = _money_value(m.group(group), r)
        if moved is not None:
            r.money.append(_Money(moved, m.start(group), "total"))
            r.cut(*m.span(group), MONEY_MARK)


_WRITE_OFF_SAID = re.compile(
    r"\b(?:write|writing|wrote|written)\s+(?:[\w$,.]+\s+){0,4}?off\b|\bw/o\b|\b(?:toss|trash|bin)"
    r"\s+(?:it|them|those|these|all)\b",
    _I,
)
# "3 cs (10 dz/cs)", "12 dz pr/cs": dozens to a container, written as the pieces (120/cs), the
# same length (positions still point into the message as typed)
_DOZENS_PER = re.compile(
    r"(?<![\w.])(?P<n>\d{1,3})\s*(?:dz|doz|dozen)\.?\s*(?:pr\.?\s*|pairs?\s+)?"
    r"(?P<per>/\s*|per\s+|a\s+|to\s+a\s+)(?P<c>cs|case|ctn|carton|box|bx|pallet|bundle|pack)\b",
    _I,
)


def _dozens_per_container(text: str) -> str:
    if "d" not in text.lower() or not _DIGIT.search(text):
        return text

    def pieces(m: re.Match[str]) -> str:
        said = f"{int(m.group('n')) * 12}{m.group('per')}{m.group('c')}"
        return said.ljust(len(m.group(0))) if len(said) <= len(m.group(0)) else m.group(0)

    return _DOZENS_PER.sub(pieces, text)


_MORE_OR_FEWER = re.compile(r"\b(?:more|fewer|less)\b[^.;\n]{0,40}?\bthan\b", _I)
_GIVEN = frozenset(("sent", "given", "handed", "gave"))
_TO_THE_BIN = re.compile(
    r"\s+(?:(?:\S+\s+)?(?:in)?to\s+)?(?:the\s+|a\s+)?(?:dumpster|trash|garbage|bin|skip|landfill|dump"
    r"|compost|scrap|recycling|tip|burn\s+pile|crusher|baler|shredder)\b",
    _I,
)
_BACK = re.compile(r"\s+back\b", _I)
# "worth $4 now", "worth 60 a box now", "worth $7/lb now": the value goods kept have now
# ("what they're worth now", "worth (now)": the figure may be said elsewhere)
_WORTH_NOW = re.compile(
    r"\s*\(?(?:(?:\$\s*|usd\s*)?\d[\d,]*(?:\.\d+)?\s*(?:ea\b|each\b|apiece\b|an?\s+[a-z]+"
    r"|per\s+[a-z]+|/\s*[a-z]+)?\s*)?now\b"
    # ("worth $25 less each": what the goods lost, round 279)
    rf"|\s*(?:\$\s*|usd\s*)?\d[\d,]*(?:\.\d+)?\s+{_LESS}",
    _I,
)
_TOO_BEFORE = re.compile(r"\btoo\s+$", _I)
# "too stained even for the charity bag", "not good enough for the food bank": the gift not made
_TOO_FOR_BEFORE = re.compile(
    r"\b(?:too\s+[a-z]+|not\s+(?:even\s+)?good\s+enough)\s+(?:even\s+)?(?:for|to)\s+(?:the\s+|a\s+)?$",
    _I,
)
_A_PART_MISSING = re.compile(
    r"\s+(?:(?P<a>a|an|its|their|his|her)\s+[a-z]"
    r"|(?!(?:items?|units?|pcs|stock|inventory|cases?|boxes|pallets?|bags?|cartons?|bottles?"
    r"|goods|products?|from|in|on|at|off|after|since|during|out|today|now|again|parts"
    r"|counts?|cans?|jars?|rolls?|packs?|sets?|kits?|pairs?"
    # (a sign-off is no part: "1 X missing thanks", found by hypothesis)
    r"|thanks|thx|guys|folks|always|sometimes|afterwards|anyways?)\b)[a-z]{3,}s\b"
    r"(?!\s+(?:from|in|on|at|off|after|since|during|out|of)\b))",
    _I,
)
_WITH_BEFORE = re.compile(r"(?:\b(?:with|each|w)|\bw/)\s+$", _I)
# who made or sent the goods: "from the factory", "from mfr"
_MAKER = r"(?:mfr|mfg|manufacturer|maker|factory|vendor|supplier)"
# the pieces goods came without: "short track pcs from the factory", "short 2 pieces each"
_SHORT_PIECES = re.compile(
    r"\s+(?:[a-z0-9]+\s+){0,2}(?:pcs|pieces|parts)\s+(?:from\s+(?:the\s+)?"
    + _MAKER
    + r"|in\s+(?:each|every|the\s+box))\b",
    _I,
)
# the pieces a set or kit lacks, after "with missing": "came back w/ missing pcs"
_PIECES_LACKED = re.compile(r"\s+(?:pcs|pieces|parts|bits)\b", _I)
# a part gone from every one of the goods: "dice missing from the whole lot"
_FROM_THE_WHOLE = re.compile(
    r"\s+(?:out\s+of|from)\s+(?:the\s+)?(?:whole|entire|every|all\s+the)\b", _I
)
# a sale, said: the goods a buyer collects are no gift ("team order picked up", round 287)
_SOLD_SAID = re.compile(r"\b(?:order|orders|invoice|invoiced|paid|sold|purchase|po)\b", _I)
_A_PART_IN_BRACKETS = re.compile(
    r"\s+(?!(?:from|in|on|at|off|since|after|out|during|today|now|again)\b)"
    r"(?:the\s+|a\s+|an\s+)?[a-z]{3,}(?:\s+[a-z]{3,})?\s*\)",
    _I,
)
_WITH_A_PART_BEFORE = re.compile(r"\bwith\s+(?:the|its|their|his|her|a|an)\s+[a-z]+\s+$", _I)
_COUNTED_GOODS_BEFORE = re.compile(
    r"(?:\b\d+\s+(?:x\s+)?[\w-]*\d[\w-]*|\b\d+\s+[a-z]+|\b[a-z]+-?\d[\w-]*|" + SKU_MARK + r")\s*$",
    _I,
)
_GOODS_BEFORE = re.compile(r"\b[a-z]{3,}s\s+$", _I)
_AS_MUCH = re.compile(r"\s+(?:many|much|fast|soon|quick(?:ly)?|well|often|is\b)", _I)
# a fault the maker made: the goods came without a part of theirs
_MAKERS_DEFECT = re.compile(
    r"\b" + _MAKER + r"\s+(?:defect|error|fault|issue)|\bshort[-\s]?packed\b", _I
)
_A_PART_AFTER = re.compile(
    r"\s+(?!(?:from|in|on|at|off|after|since|during|out|today|now|again|items?|units?|pcs"
    r"|stock|inventory|cases?|boxes|bags?|the|a|an|and|or|per|count)\b)[a-z]{3,}\b",
    _I,
)
_WITH_THEN_AND_BEFORE = re.compile(r"(?:\b(?:with|w)|\bw/)\s+[^.;,\n]{1,30}?\band\s+$", _I)
_THAT_ARE_BEFORE = re.compile(r"\b(?:that|which)\s+(?:are|is|were|was)\s+(?:all\s+)?$", _I)


# the parts goods come with, named before "missing" with no count of their own ("valve cores
# missing from the whole box", "cover missing and door bent", "keys missing on 5 units":
# round 293 drafted them as sure shortfalls); "12 caps missing" counts goods
_PART_NAMED_BEFORE = re.compile(
    # (not the goods' own word after their code: "11 X studs missing on count", "X remote
    # missing from 1108")
    r"(?<![\d\s\ue000])(?<![\d\ue000]\s)\s*\b(?:valve\s+)?(?:cores?|covers?|lids?|caps?|keys?|studs?|screws?"
    r"|bolts?|nuts?|pins?|manuals?|instructions|remotes?|cords?|chargers?|batteries|knobs?"
    r"|hardware|casters?|buttons?|tiles?|parts|drawers?|doors?|stickers?|seals?|inserts?"
    r"|cartridges?|accessories|overloads?|shackles?|springs?|clips?|brackets?|mounts?"
    r"|straps?|hinges?|handles?|wheels?|legs?|feet|glass|lens(?:es)?|elements?|o-?rings?"
    r"|gaskets?|washers?|clamps?|bulbs?|blades?|filters?|dice|tokens|pieces|pcs)"
    r"\s+(?:(?:is|are|was|were"
    r"|all)\s+)?$",
    _I,
)
# ("rly-1/3 kits x 9, missing overloads from mfr": a part the maker left out)
_FROM_THE_MAKER = re.compile(
    r"\s+(?:[a-z]+\s+){1,2}?from\s+(?:the\s+)?" + _MAKER + r"\b",
    _I,
)
_UNSELLABLE = re.compile(
    r"\b(?:can'?t|cannot|can\s+not|unable\s+to)\s+(?:re-?sell|re-?stock|sell)|\bunsell?able\b"
    r"|\bincomplete\b",
    _I,
)
# a word of the goods' own before "missing", after a comma or a code, with no count of its own
_A_NOUN_BEFORE = re.compile(r"(?:[,;:(]|\ue000)\s*(?:the\s+|its\s+)?[a-z]{3,}\s+$", _I)
_COUNT_SAID_BEFORE = re.compile(r"(?:\bx\s*\d+|\d+\s*x)\s*,?\s*$", _I)


def _a_part_missing(text: str, start: int, end: int) -> bool:
    """Whether "missing" at text[start:end] says a part the goods lack, not goods missing:
    "kits with missing sprues", "each missing a stud", "kits missing reagents", "with the
    cuffs missing", "(missing pattern)", "1 X missing tiles", "valve cores missing from the
    box"; never "5 X missing", "missing 5 X", "the broken and missing goggles" or "(missing
    from bin)"."""
    if _WITH_A_PART_BEFORE.search(text, max(0, start - 30), start):
        return True
    if _WITH_BEFORE.search(text, max(0, start - 8), start) and _PIECES_LACKED.match(text, end):
        return True  # ("x4 came back on RMA 30418 w/ missing pcs": round 307, a shortfall)
    if _FROM_THE_WHOLE.match(text, end) and _A_NOUN_BEFORE.search(text, max(0, start - 24), start):
        return True  # ("X qty 34, dice missing from the whole lot, factory defect")
    if _PART_NAMED_BEFORE.search(text, max(0, start - 24), start):
        return True
    if (
        _MAKERS_DEFECT.search(text)
        and _A_PART_AFTER.match(text, end)
        and (
            _GOODS_BEFORE.search(text, max(0, start - 16), start)
            or _COUNTED_GOODS_BEFORE.search(text, max(0, start - 24), start)
        )
    ):
        return True  # ("14 HG aerials missing sprue C, factory defect": round 314)
    if _UNSELLABLE.search(text) and _A_NOUN_BEFORE.search(text, max(0, start - 24), start):
        # "brought back 1 X, rattle missing and the blanket has a stain on it. can't resell":
        # goods that cannot be sold lack a part of theirs (round 300: a sure shortfall)
        return True
    if _FROM_THE_MAKER.match(text, end) and (
        _COUNT_SAID_BEFORE.search(text, max(0, start - 12), start)
        or _COUNTED_GOODS_BEFORE.search(text, max(0, start - 24), start)
    ):
        return True
    if text[max(0, start - 2) : start].rstrip().endswith("(") and _A_PART_IN_BRACKETS.match(
        text, end
    ):
        return True
    lacks = _A_PART_MISSING.match(text, end)
    return lacks is not None and bool(
        lacks.group("a")
        or _WITH_BEFORE.search(text, max(0, start - 8), start)
        # (the goods, then the part they lack: "3 kits missing reagents")
        or _GOODS_BEFORE.search(text, max(0, start - 16), start)
        # (a counted code, then the part it lacks: "- 1 AZL-01 missing tiles")
        or _COUNTED_GOODS_BEFORE.search(text, max(0, start - 24), start)
        # ("toss 2 that are missing tweezers": round 312, a sure shortfall)
        or _THAT_ARE_BEFORE.search(text, max(0, start - 16), start)
        # ("8 boxes with the wrong manual and missing polycaps": round 314)
        or _WITH_THEN_AND_BEFORE.search(text, max(0, start - 40), start)
    )


# the surfaces and parts a blade or an edge nicks: "insulation nicked", "gaskets all nicked"
_SURFACES = (
    r"(?:insulation|jackets?|sheath(?:ing)?|coating|edges?|corners?|surface|finish|paint|faces?"
    r"|o-?rings?|gaskets?|seals?|blades?|film|cords?|cables?|hoses?|lens(?:es)?|glass|screens?"
    r"|leather|vinyl|laminate|veneer|tops?|sides?|threads?|wires?|conductors?|strands?)"
)
_SURFACE_BEFORE = re.compile(
    _SURFACES + r"\s+(?:(?:that|which|are|is|was|were|all|got|get|been|badly|slightly)\s+){0,3}$",
    _I,
)
# a part of the goods that comes loose: "both bridges lifted", "veneer lifted", "soles lifted"
_LIFTED_PART_BEFORE = re.compile(
    r"(?:"
    + _SURFACES[3:-1]
    + r"|bridges?|veneers?|labels?|tiles?|soles?|seams?|shingles?|boards?|planks?|laminates?"
    r"|decals?|stickers?|wallpaper|trim|tape|inlays?|frets?|binding|plating|chrome|lids?"
    r"|grilles?|panels?|covers?|handles?|knobs?|caps?)"
    r"\s+(?:(?:that|which|are|is|was|were|all|got|get|been|have|had|has|badly|slightly|both"
    r"|partly|partially)\s+){0,3}$",
    _I,
)
# a length of goods just before: "100 ft THHN12-STR-BK ", "40' of hose "
_LENGTH_BEFORE = re.compile(
    r"\d\s*(?:ft|feet|foot|'|m|meters?|metres?|yds?|yards?|lf)\b[^.,;:!?\d]{0,30}$", _I
)
# where taken goods went: "nicked from the site", "nicked off the truck"
_TAKEN_AWAY_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:from|off|out\s+of|outta)\b", _I)
_SURFACE_AFTER = re.compile(
    r"\s+(?:to\s+the\s+)?" + _SURFACES + r"\b|\s+(?:up|to|in\s+spots)\b", _I
)
# the parts of goods that wear out or break: "seams gone", "heels gone", "the handles are gone"
# (round 278 drafted two as shrinkage)
_A_PART_BEFORE = re.compile(
    r"(?<![\d\s])\s*\b(?:seams?|heels?|soles?|handles?|zippers?|zips?|straps?|hinges?"
    r"|latch(?:es)?|clasps?|buckles?|stitching|hems?|elastic|bristles?)\s+"
    r"(?:(?:is|are|was|were|all|just|totally)\s+)*$",
    _I,
)
_SHORT_NOUN = re.compile(
    r"\s+(?:ribs?|loins?|plates?|sleeves?|sleeved|grain|bread|cakes?|crust|stacks?|circuits?"
    r"|fuses?|haul|film|stories|story|hair|ends?|cuts?|sticks?|rolls?|shorts?|pants|skirts?"
    r"|boots?|dresses?|coats?|handle[sd]?|neck|arms?|legs?|blocks?|runs?|wave|throw"
    # ("hacked 52 ft of rope into short scraps": round 257, read as a shortfall)
    r"|scraps?|pieces?|lengths?|offcuts?|bits)\b",
    _I,
)
_OFF_A_PLACE = re.compile(
    r"\s+(?:the|our|a|his|her|their)\s+(?:[a-z]+\s+){0,2}?(?:shelf|shelves|rack|racks"
    r"|counter|display|truck|cart|pallet|peg|wall|table|floor|endcap|end\s+cap|cage)\b",
    _I,
)
# a thing, not a thief, before "ripped off" ("fuses ripped off"; "someone ripped off 3 X",
# "we got ripped off" are theft's)
_PART_BEFORE = re.compile(
    r"\b(?!(?:got|get|gets|getting|were|was|been|being|be|we|i|they|he|she|you|just|totally"
    r"|really|who|someone|somebody|customers?|thie[fv]e?s?|kids?|guys?|people|person)\b)"
    r"[a-z]{3,}\s+$",
    _I,
)
_SHRINK_WRAP = re.compile(
    r"\b(?:ripped|torn|tore|broken|split|opened|damaged|no|shattered|busted|cracked"
    r"|punctured)\s+shrink\b"
    r"|\bshrink\s*-?\s*(?:wrap|wrapped|film|sleeve|ripped|torn|tore|split|slit"
    r"|(?:is|was)\s+(?:ripped|torn|slit|cut|split|opened|open|broken)"
    # ("sprues snapped inside, shrink still on": the wrap, unopened; round 314)
    r"|(?:(?:is|was)\s+)?still\s+on|intact|unopened|unbroken)",
    _I,
)
_A_YEAR_BEFORE = re.compile(r"\b(?:the|old|our|those|these|last\s+year's)\s+$", _I)


def _read_reserve_amount(r: _Read) -> None:
    """A plain number a reserve moves by, read as dollars (the whole amount). Not when the
    message states its money with a currency mark: then a plain number beside the goods is
    their count ("relieve the reserve: 40 obsolete cables at $1.60")."""
    if _CURRENCY_MARK.search(r.s):
        return
    for m in [*_RESERVE_BY.finditer(r.s), *_RESERVE_FROM.finditer(r.s)]:
        value = _number(m.group("n"), r, "amount")
        if value is not None:
            r.money.append(_Money(value, m.start("n"), "total"))
            if SKU_MARK in r.s:
                # "add 80 to the E&O reserve for SKU-12": $80, or 80 of the goods at cost?
                r.guess(
                    f"Read {m.group('n')} as dollars; with goods named it may be their count",
                    P_QTY_OR_PRICE,
                )
        r.cut(*m.span("n"), MONEY_MARK)


# -- money ---------------------------------------------------------------------------------------


def _read_money(r: _Read) -> None:
    tokens: list[tuple[int, int, Decimal | None, bool]] = []
    for m in _money_re(r.s).finditer(r.s):
        tokens.append((m.start(), m.end(), _money_match_value(m, r), False))
    taken = [(a, b) for a, b, _, _ in tokens]
    for m in _PRICE_BARE.finditer(r.s):
        if _overlaps(m.span("n"), taken):
            continue
        bare_at = m.group("lm").strip().lower() == "at"
        if m.group("lm") == "AT" and m.end("lm") == m.start("n"):
            continue  # "AT2020 x2 dropped": a model's code, no price "at 2020"
        tokens.append((m.start("n"), m.end("n"), _number(m.group("n"), r, "price"), bare_at))
        per = _per_container_after(r.s, m.end("n"), m.group("n"))
        if per and (m.group("lm") == "@" or r.s[m.end("n") : per].lstrip().startswith("/")):
            # "3 cases @ 12/cs", "at 12/cs": 12 to a case (the pack's size) or $12 a case?
            r.guess(
                f"'{r.s[m.start() : per].strip()}': a count per container or a price?",
                P_QTY_OR_PRICE,
            )
    _read_bare_totals(r, tokens)
    _read_bare_each(r, tokens)
    _read_bare_worth(r, tokens)
    for m in _PRICE_CENTS.finditer(r.s):
        if not _overlaps(m.span("n"), [(a, b) for a, b, _, _ in tokens]):
            tokens.append((m.start("n"), m.end("n"), _number(m.group("n"), r, "price"), False))
    tokens.sort()
    for start, end, value, bare_at in tokens:
        role, unit, right_end = _money_role(r.s, start, end)
        if bare_at:
            role = "unit" if role == "free" else role
        if value is not None:
            r.money.append(_Money(value, start, role, unit, bare_at))
        if right_end > end:  # "$3.20 one carton": the "one" says what the price is per
            r.not_amounts.append((end, right_end))
        r.cut(start, right_end, MONEY_MARK)


_PER_CONTAINER_AFTER = re.compile(r"\s*(?:/\s*|per\s+|an?\s+)(?P<c>[a-z]+)\b", _I)
_PER_CONTAINER_END = re.compile(r"(?:/\s*|\bper\s+|\ban?\s+)(?P<c>[a-z]+)\s*$", _I)


def _per_container_after(s: str, end: int, number: str) -> int:
    """Where "/cs", "per case", "a pallet" ends when it follows a whole number without a
    currency mark (said after "@", the number may be the pack's count as well as a price);
    0 when it does not."""
    if not number.isdigit():
        return 0
    m = _PER_CONTAINER_AFTER.match(s, end)
    return m.end() if m is not None and m.group("c").lower() in packs.CONTAINER_WORDS else 0


_VALUE_SAID = re.compile(r"value(?:\s+(?:is|was|=))?", _I)
_NOTHING_COUNTED = re.compile(r"\s*(?:$|[,;)\n]|\.(?!\d)|-\s)")


def _read_bare_totals(r: _Read, tokens: list[tuple[int, int, Decimal | None, bool]]) -> None:
    """A plain number said to be the total ("total 460", "450 in total" after a count)."""
    low = r.s.lower()
    found = list(_EQUALS_TOTAL.finditer(r.s)) if "=" in low else []
    if not found and not any(k in low for k in _TOTAL_BARE_WORDS):
        return  # what the patterns need
    found += [
        m
        for m in _TOTAL_BARE.finditer(r.s)
        # ("value 91.80": a value is money, whether or not a count is said)
        if _other_count(r.s, m.span("n"))
        or (
            # (not "value of 30 SKU-12", "melt value: 2 SKU-40": the goods counted)
            _VALUE_SAID.fullmatch(m.group("lm")) is not None
            and _NOTHING_COUNTED.match(r.s, m.end("n")) is not None
        )
    ]
    found += [
        m for m in _TOTAL_BARE_RIGHT.finditer(r.s) if _COUNT_BEFORE.search(r.s, 0, m.start("n"))
    ]
    for m in found:
        if _overlaps(m.span("n"), [(a, b) for a, b, _, _ in tokens]):
            continue
        tokens.append((m.start("n"), m.end("n"), _number(m.group("n"), r, "amount"), False))


# A plain number the words around it make money, never a count: "2,400 of damaged stock"
# (stock, inventory, goods are measured in money, not counted), "350 worth of", "worth 350",
# "raise the allowance by 1,800", "use 1,200 of the reserve", "750 to write off"
_STOCK_WORDS = r"(?:stock|inventory|merchandise|goods|product|materials?|supplies)"
_RESERVE_NOUN = r"(?:reserve|allowance|provision)"
# "against the reserve" beside the reserve's name, and the name said before "against"
_RESERVE_NEAR_AFTER = re.compile(
    rf"\s+(?:the\s+|our\s+|an?\s+)?(?:[\w&/-]+\s+){{0,2}}?{_RESERVE_NOUN}\b", _I
)
_RESERVE_NAMED_BEFORE = re.compile(rf"\b{_RESERVE_NOUN}\b", _I)
_WORTH_BARE = lead(
    r"\d.wvrapitblg",
    rf"""(?<![\w.$#/-])(?P<n>{_NUM_CORE})(?![\w.%/-])(?!\s*(?:x\b|{_UNIT}\b|{MONEY_MARK}))
         (?=\s*(?:worth\b
           | of\s+(?:[a-z-]+\s+){{0,2}}?{_STOCK_WORDS}\b
           | (?:to|into|from|of|out\s+of|against)\s+(?:the\s+|our\s+|that\s+)?
             (?:[a-z&/-]+\s+){{0,2}}?{_RESERVE_NOUN}s?\b
           | to\s+(?:write|w/o|expense)\b))
     | \b(?:worth|valued\s+at)\s+(?P<w>{_NUM_CORE})(?![\w.%/-])(?!\s*(?:x\b|{_UNIT}\b))
     | \b{_RESERVE_NOUN}s?\b[^.;\n$\ue000\ue001]{{0,24}}?\bby\s+(?P<r>{_NUM_CORE})(?![\w.%/-])
       # ("top up the reserve by 7 X": seven of the goods, no $7)
       (?!\s*(?:x\b|{_UNIT}\b|{SKU_MARK}))
     | \b(?:raise|increase|top\s+up|bump|lift|add|boost|grow|build)\w*\s+(?:the\s+|our\s+)?
       # ("bump the reserve up 850 for slow movers", round 171)
       (?:[a-z&/-]+\s+){{0,2}}?{_RESERVE_NOUN}s?\s+(?:up\s+)?(?:by\s+)?(?P<v>{_NUM_CORE})
       (?![\w.%/-])(?!\s*(?:x\b|{_UNIT}\b|{SKU_MARK}|{MONEY_MARK}))
     # a heading that names the reserve, then the figure: "Provision for obsolete spa
     # chemistry: 600" (round 171)
     | \b{_RESERVE_NOUN}s?\b(?:\s+for\s+[^:.;\n$\ue000\ue001\d]{{1,40}})?\s*:\s*(?P<h>{_NUM_CORE})
       (?![\w.%/-])(?!\s*(?:x\b|{_UNIT}\b|{SKU_MARK}|{MONEY_MARK}|[a-z]))""",
    _IX,
)


def _read_bare_worth(r: _Read, tokens: list[tuple[int, int, Decimal | None, bool]]) -> None:
    """A plain number that the words say is money ("2,400 of damaged stock")."""
    if not _DIGIT.search(r.s):
        return
    for m in _WORTH_BARE.finditer(r.s):
        group = next(g for g in ("n", "w", "r", "v", "h") if m.group(g) is not None)
        span = m.span(group)
        if _overlaps(span, [(a, b) for a, b, _, _ in tokens]):
            continue
        after = r.s[span[1] : span[1] + 60].lower()
        sure = (
            group != "n" or after.lstrip().startswith("worth") or bool(_RESERVE_AFTER.match(after))
        )
        if not sure:
            if _other_count(r.s, span) or SKU_MARK in r.s:
                continue  # "SKU-12, 750 to write off": more likely a count of the goods
            # "40 of damaged stock" is money as it reads, but a count is not impossible
            r.guess(f"Read {m.group(group)} as dollars (no $ sign)", P_BARE_AT)
        elif group == "n" and SKU_MARK in r.s and not _other_count(r.s, span):
            # "GTS18 discontinued, write off 2 against the allowance": $2, or 2 of the goods?
            r.guess(
                f"Read {m.group(group)} as dollars; with goods named it may be their count",
                P_QTY_OR_PRICE,
            )
        tokens.append((span[0], span[1], _number(m.group(group), r, "amount"), False))


_RESERVE_AFTER = re.compile(rf"\s*(?:to|into|from|of|out\s+of|against)\s[^.;\n]*?{_RESERVE_NOUN}")


def _other_count(s: str, span: tuple[int, int]) -> bool:
    """Whether `s` counts goods somewhere other than `span`: "total 12 mugs" has no count but
    the 12, so the 12 is that count, not an amount."""
    return any(not _overlaps(span, [m.span()]) for m in _COUNT_BEFORE.finditer(s))


def _read_bare_each(r: _Read, tokens: list[tuple[int, int, Decimal | None, bool]]) -> None:
    """ "3 tvs cracked screens 389 each": a plain number with "each" after a count of goods."""
    low = r.s.lower()
    if "ea" not in low and "piece" not in low:
        return
    for m in _PRICE_EACH.finditer(r.s):
        counts = list(_COUNT_BEFORE.finditer(r.s, 0, m.start("n")))
        if not counts or packs.container(counts[-1].group("u")):
            continue
        if _overlaps(m.span("n"), [(a, b) for a, b, _, _ in tokens]):
            continue
        tokens.append((m.start("n"), m.end("n"), _number(m.group("n"), r, "price"), False))


def _money_role(s: str, start: int, end: int) -> tuple[str, str | None, int]:
    """'unit' / 'total' / 'free' from the words around the amount, the unit it is per, and
    where its trailing words end (those are consumed with it)."""
    right = s[end : end + 30]
    m = _RIGHT_UNIT.match(right)
    if m:
        unit = (m.group("u") or m.group("w") or "").lower() or None
        return "unit", unit, end + m.end()
    left = s[max(0, start - 40) : start]
    rt = _RIGHT_TOTAL.match(right)
    if rt and not (_AT_LEFT.search(left) and _WEAK_TOTAL.fullmatch(rt.group(0).strip())):
        return "total", None, end
    if rt:  # "at $1.01 lost": "at" makes it a price; "lost" only says what happened
        return "unit", None, end
    mu = _LEFT_UNIT.search(left)
    low = left.lower()
    mt = _LEFT_TOTAL.search(left) if any(k in low for k in _LEFT_TOTAL_WORDS) else None
    if mu and (not mt or mu.start() < mt.start() or _AT_LEFT.search(left)):
        # "each bag $11", "case price $102": per bag, per case
        return "unit", (mu.group("lu") or mu.group("lc") or "").lower() or None, end
    if mt:
        return "total", None, end
    return "free", None, end


def _money_match_value(m: re.Match[str], r: _Read) -> Decimal | None:
    if m.group("a") is not None:
        return _scaled(m.group("a"), m.group("ka"), r)
    if m.group("b") is not None:
        return _scaled(m.group("b"), m.group("kb"), r)
    if m.group("w") is not None:
        return _number(m.group("w"), r, "amount")
    # ("a grand and a half of cover stock", "two and a half grand": round 179, read as $1,000
    # and as a count of 2)
    if m.group("g") is not None:
        grand = _number(m.group("g"), r, "amount")
        if grand is not None and m.group("gh"):
            grand += Decimal("0.5")
        return _limit(grand * 1000, m.group(0), r, MAX_MONEY) if grand is not None else None
    if m.group("ag") is not None:
        if m.group("ag").lower().startswith("half"):
            return Decimal(500)  # "half a grand"
        return Decimal(1500) if m.group("agh") else Decimal(1000)
    if m.group("c") is not None:
        cents = _number(m.group("c"), r, "amount")
        return cents / 100 if cents is not None else None
    return _scaled(m.group("d"), m.group("kd"), r)


_SCALES = {
    "k": 1000, "thousand": 1000, "grand": 1000, "m": 1_000_000, "million": 1_000_000,
    "mil": 1_000_000, "mill": 1_000_000, "mln": 1_000_000, "billion": 10**9, "bn": 10**9,
}  # fmt: skip


def _scaled(num: str, scale: str | None, r: _Read) -> Decimal | None:
    # ("9.875k" is 9,875 whichever way a point groups: no doubt to report)
    value = _number(num, r, "amount", scaled=bool(scale))
    if value is None or not scale:
        return value
    return _limit(value * _SCALES[scale.strip().lower()], f"{num}{scale}", r, MAX_MONEY)


def _money_value(raw: str, r: _Read) -> Decimal | None:
    """A write-down price, written as money or as a plain number."""
    m = _money_re(raw).search(raw)
    if m:
        return _money_match_value(m, r)
    return _number(raw, r, "price")


def _number(raw: str, r: _Read, what: str, scaled: bool = False) -> Decimal | None:
    """A positive number, or None with a plain-words error."""
    text = raw.strip().lower().replace("fourty", "forty")
    try:
        value = parse_decimal(text)
    except (MoneyError, InvalidOperation):
        r.errors.append(f"'{raw.strip()}' is not a number I can read")
        return None
    if _POINT_THOUSANDS.match(text) and not scaled:
        # "$2.500", "$12.000", "1.500 units": in much of the world the point groups thousands
        # ($2,500); the same figures read here as $2.50. Neither reading is sure: ask.
        r.unclear.append(
            f"'{raw.strip()}': a point before three figures may group thousands; check the "
            f"{'quantity' if what == 'quantity' else 'amount'}"
        )
    limit = MAX_QUANTITY if what == "quantity" else MAX_MONEY
    return _limit(value, raw, r, limit, what)


_POINT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}$")


def _limit(
    value: Decimal, raw: str, r: _Read, limit: Decimal, what: str = "amount"
) -> Decimal | None:
    if not value.is_finite() or value <= 0:
        r.errors.append(f"The {what} '{raw.strip()}' is zero; it must be more than zero")
        return None
    if value > limit:
        r.errors.append(f"The {what} '{raw.strip()}' is too large to be real")
        return None
    if value.as_tuple().exponent < -MAX_PLACES:  # type: ignore[operator]
        r.errors.append(f"The {what} '{raw.strip()}' has too many decimal places")
        return None
    return value


# -- quantities ----------------------------------------------------------------------------------


def _read_quantities(r: _Read, hits: Iterable[_Hit] = ()) -> None:
    _pieces_counted(r, hits)  # first: "a crate of glasses, 24 broken" counts the glasses
    _part_of_one_pack(r, hits)
    # (each pattern below needs a word or sign of its own: plain tests turn most away)
    low = r.s.lower()
    ranged = "-" in low or "to" in low or "or" in low
    for m in list(_QTY_RANGE.finditer(r.s)) if ranged else ():
        value = _number(m.group("n"), r, "quantity")
        if value is not None:
            r.qtys.append(_Qty(value, m.group("u").lower(), m.start(), "range"))
            r.guess(f"'{m.group(0).strip()}' is a range; used the larger number", P_RANGE)
        r.cut(*m.span())
    for pattern in (_QTY_UNIT, _QTY_FILLER):
        for m in list(pattern.finditer(r.s)):
            _add_qty(r, m.group("n"), m.group("u").lower(), m.start(), "unit")
            r.cut(*m.span())
    for m in list(_QTY_X.finditer(r.s)) if "x" in low else ():
        unit = m.group("xu").lower() if m.group("m") and m.group("xu") else None
        if unit and r.s[max(0, m.start() - 9) : m.start()].lower().endswith(("short ", "surplus ")):
            unit = None  # (a count's difference, as the count reader wrote it: "short x3 bx")
        _add_qty(r, m.group("n") or m.group("m"), unit, m.start(), "x")
        r.cut(m.start(), m.end() if unit or not m.group("xu") else m.end("m"))
    keyword = any(k in low for k in ("qty", "qnty", "quant", "count", "units", "pcs", "no"))
    for m in list(_QTY_KEYWORD.finditer(r.s)) if keyword else ():
        kw = m.group("kw").lower()
        unit = kw if kw in ("units", "pcs") else None
        _add_qty(r, m.group("n"), unit, m.start(), "kw")
        r.cut(*m.span())
    asked = "w/o" in low or "write" in low
    for m in list(_QTY_WRITE_OFF.finditer(r.s)) if asked else ():
        _add_qty(r, m.group("n"), None, m.start("n"), "kw")
        r.cut(m.start("n"), m.end("n"))
    held = any(k in low for k in ("hand", "stock", "left", "remaining", "inventory"))
    for m in list(_QTY_ON_HAND.finditer(r.s)) if held else ():
        _add_qty(r, m.group("n"), None, m.start(), "on_hand")
        r.cut(m.start("n"), m.end("n"))
    if SKU_MARK in r.s:  # both patterns need a SKU that was read
        for m in list(_QTY_BEFORE_SKU.finditer(r.s)):
            _add_qty(r, m.group("n"), None, m.start(), "sku")
            r.cut(m.start("n"), m.end("n"))
        for m in list(_QTY_AFTER_SKU.finditer(r.s)):
            how = "after_sku" if (m.group("sep") or "").strip() else "bare"
            _add_qty(r, m.group("n"), None, m.start("n"), how)
            r.cut(m.start("n"), m.end("n"))
    if MONEY_MARK in r.s:
        for m in list(_QTY_BEFORE_MONEY.finditer(r.s)):
            _add_qty(r, m.group("n"), None, m.start(), "money")
            r.cut(m.start("n"), m.end("n"))
    if not r.qtys:
        for m in _QTY_NOUN.finditer(r.s):
            if m.group("noun").lower() not in _NOT_NOUNS:
                _add_qty(r, m.group("n"), None, m.start(), "noun")
                r.cut(m.start("n"), m.end("n"))
                break
    if not r.qtys and MONEY_MARK in r.s:
        # "1 copper arch ($485)", "12 Wingspan at $38.75": a count of goods named in the
        # singular, then its price
        priced = _COUNT_THEN_PRICE.search(r.s)
        if priced:
            _add_qty(r, priced.group("n"), None, priced.start(), "noun")
            r.cut(priced.start("n"), priced.end("n"))
    if not r.qtys:
        one = _QTY_ONE.search(r.s)
        if one:
            r.qtys.append(_Qty(Decimal(1), one.group("u").lower(), one.start(), "one"))
            r.cut(*one.span())
    whole = _QTY_WHOLE.search(r.s) if not r.qtys else None
    if whole is not None:
        # (only where nothing else is counted: "whole pallet of covers, 40 of them torn")
        size = _SIZE_AFTER.match(r.s, whole.end())
        rest = r.s[: whole.start()] + r.s[size.end() if size else whole.end() :]
        if packs.container(whole.group("u")) is not None and not _DIGIT.search(rest):
            # "whole box of 144 got soaked", "full case of saline froze": one container
            # (round 267 asked for an amount)
            r.qtys.append(_Qty(Decimal(1), whole.group("u").lower(), whole.start(), "one"))
            r.cut(*whole.span())
    if not r.qtys and SKU_MARK in r.s:
        one = _QTY_ONE_SKU.search(r.s) or _QTY_ONE_AFTER_SKU.search(r.s)
        if one:  # "someone helped themselves to a TV-55X", "CHR-009 one chair": one of them
            r.qtys.append(_Qty(Decimal(1), None, one.start(), "one"))
            r.guess(f"Read '{one.group('a')}' beside the SKU as 1 unit", P_BARE_NUMBER)
            r.cut(one.start("a"), one.end("a"))
        elif not _DIGIT.search(r.s) and all(m.role != "total" for m in r.money):
            _one_said(r, hits)  # (a total needs no count: "$600 of scrapped SKU-12")
        elif not _DIGIT.search(r.s) and (
            demo := _ONE_BEFORE.search(r.s) or _DEMO_AFTER.search(r.s)
        ):
            # ... but "relieve the E&O reserve $2,340 - scrapped the SG14S demo unit" says
            # one (round 193: no count at 0.97)
            r.qtys.append(_Qty(Decimal(1), None, demo.start(), "one"))
            said = " ".join(demo.group(0).replace(SKU_MARK, " ").split())
            r.guess(f"{NO_COUNT_GIVEN}: read '{said}' beside the SKU as one unit", P_ONE_SAID)


# One thing said in the singular, with no count anywhere: "our spare TC-9000", "the TV-55X
# demo unit", "ST-55 starter stolen", "TV-55X television got smashed". A singular noun after
# the code, or a one-thing adjective before it, says one unit; "the SKU-12 got wet" (all of
# it?) and "SKU-12 widgets" (plural) say no count. Never sure: the count was not written.
_ONE_BEFORE = re.compile(
    rf"\b(?:the|our|my|this|that|his|her|their|its)\s+(?:(?:only|last|single|lone|sole)\s+)?"
    rf"(?P<a>spare|demo|display|floor|showroom|sample|loaner|returned|used|only|last|lone"
    rf"|single|sole)\s+(?:[a-z]+\s+)?{SKU_MARK}"
    # "showroom sample DT-6S-WAL has a scratch": a sample is one piece
    rf"|\b(?:showroom\s+|floor\s+)?(?:sample|demo|display(?:\s+model)?|floor\s+model|loaner)"
    rf"\s+{SKU_MARK}"
    # "mark it down to $800", "write it off": the goods said as one thing
    # ("frame's folded, writing it off", "marking it down to $520": round 253)
    rf"|\b(?:mark(?:ing|ed)?|writ(?:e|ing)|wrote|knock(?:ing|ed)?|tak(?:e|ing)|took|bring|impair"
    rf"|revalu(?:e|ing))\s+it\s+(?:down|off)\b"
    # "knocked the SKU-12 off the shelf, its done": "it", one thing
    rf"|\bit'?s\s+(?:done|toast|broken|dead|shattered|ruined|cracked|trash|junk|smashed)\b"
    # "someone pocketed a thermometer off the counter, THERM-DIG, just the one"
    rf"|\b(?:just|only)\s+(?:the\s+)?one\b(?!\s+(?:of|more|or|left)\b)",
    _I,
)
# "the SG14S demo unit": one piece, named after its code
_DEMO_AFTER = re.compile(
    rf"{SKU_MARK}\s*(?:demo|display|floor|showroom|sample|loaner)\s+(?:unit|model|piece|one)\b", _I
)
_ONE_AFTER = re.compile(rf"{SKU_MARK}\s+([a-z][a-z-]*)\b(?!')(?:\s+([a-z][a-z-]*)\b(?!'))?", _I)
# words after a code that are no noun naming the goods
_NOT_A_NOUN = frozenset(
    """
    got was is has had fell went came just been that which we from in on at off and or but
    the a an to for by with all both each per units pcs items stock inventory also too then
    now today yesterday they them those these are were
    case cs box bx pallet plt skid carton ctn pack pk crate tote bag sack bundle roll tray
    sleeve bin lot batch load shipment order delivery
    line range family series collection brand product products style model version
    """.split()  # noqa: SIM905 (a word list: containers and lines hold an unknown count)
)


# one serial number: one unit ("ET-XR30G6P s/n 88-01127 dead on arrival")
_ONE_SERIAL = re.compile(r"\b(?:serial|s/n|sn|ser\.?\s*no\.?)\b(?!\s*numbers)", _I)


def _one_said(r: _Read, hits: Iterable[_Hit]) -> None:
    m = _ONE_BEFORE.search(r.s)
    serials = _ONE_SERIAL.findall(r.text) if SKU_MARK in r.s and "s" in r.text.lower() else []
    if m:
        said = m.group(0)
    elif len(serials) == 1:
        r.qtys.append(_Qty(Decimal(1), None, r.s.index(SKU_MARK), "one"))
        r.guess(
            f"{NO_COUNT_GIVEN}: read '{serials[0]}' as the serial number of one unit", P_ONE_SAID
        )
        return
    else:
        m = _ONE_AFTER.search(r.s)
        if m is None:
            return
        starts = {h.start for h in hits}

        def noun(i: int) -> bool:  # a word naming the goods: no reason, no function word
            word = m.group(i)
            return (
                bool(word)
                and len(word) >= 3  # ("x l": a look-alike count, not a name)
                and word.lower() not in _NOT_A_NOUN
                and m.start(i) not in starts
            )

        if not noun(1):
            return
        last = 2 if noun(2) else 1
        if m.group(last).lower().endswith("s") and not m.group(last).lower().endswith("ss"):
            return  # "SKU-12 widgets": plural
        said = r.s[m.start() : m.end(last)]
    r.qtys.append(_Qty(Decimal(1), None, m.start(), "one"))
    words = " ".join(said.replace(SKU_MARK, " ").split())
    r.guess(f"{NO_COUNT_GIVEN}: read '{words}' beside the SKU as one unit", P_ONE_SAID)


# "CHR-009 one chair, leg snapped", "TV-55X, a single set": one, said after the code
_QTY_ONE_AFTER_SKU = re.compile(
    rf"{SKU_MARK}\s*[,:-]?\s*(?P<a>one|a\s+single|single)\b(?!\s+(?:of|more|or)\b)", _I
)


# after a single container: a count of pieces that are not containers ("12 sacks ruined")
_PIECES_AFTER = re.compile(rf"(?<![\w.$#/-])\d{{1,5}}\s+(?P<u>{_UNIT})\b", _I)


def _pieces_counted(r: _Read, hits: Iterable[_Hit]) -> bool:
    """ "a crate of wine glasses, 24 broken", "one pallet of FLR-25 got wet, 12 sacks ruined":
    one container of goods, and a count of the pieces after it (beside the reason word, or
    with a unit that is no container). The container says where the goods were; the count is
    the quantity. The container is cut so it is not read again."""
    one = _ONE_CONTAINER.search(r.s) if _DIGIT.search(r.s) else None
    if one is None or not _holder(one.group("u")):
        return False
    pieces = any(not _holder(m.group("u")) for m in _PIECES_AFTER.finditer(r.s, one.end()))
    pieces = pieces or _goods_counted(r.s, one.end())
    if not pieces and not _count_before_reason(r.s, one.end(), hits):
        return False
    r.notes.append(f"Read '{_WS.sub(' ', one.group(0))}' as where the goods were, not a count")
    r.not_amounts.append(one.span())
    r.cut(*one.span())
    return True


_NEXT_WORD = re.compile(r"\s*([a-z]+)", _I)


def _part_of_one_pack(r: _Read, hits: Iterable[_Hit]) -> None:
    """ "a crate of 12 bottles dropped, 3 broken": one container of a stated count, then
    fewer of them said beside the reason word: those are the quantity, not all 12."""
    pack = r.pack
    if pack is None or list(pack.containers.values()) != [1]:
        return
    end = max(b for _, b in pack.spans)
    for m in _BARE_COUNT.finditer(r.s, end):
        word = _NEXT_WORD.match(r.s, m.end())
        if word and _holder(word.group(1)):
            continue
        if not any(0 < h.start - m.end() <= 12 for h in hits):
            continue
        part = Decimal(m.group(0))
        if part == pack.quantity:  # "a case of 24 dropped, 24 broken": all of them
            r.cut(*m.span())
            return
        if not 0 < part < pack.quantity:
            return
        for q in r.qtys:
            if q.how == "pack":
                q.value = part
        r.used.append(pack.quantity)
        r.notes.append(f"Quantity {_fmt(part)} of the {_fmt(pack.quantity)} in the container")
        # likely, not certain: "one box of 50 gloves torn, 10 ruined" may be 50 and 10 more
        r.guess(f"Read {_fmt(part)} as the part of the container that was lost", P_BARE_NUMBER)
        pack.containers = {}  # a price per container no longer fits the pieces
        r.cut(*m.span())
        return


_COUNT_NOUN = re.compile(r"(?<![\w.$#/-])\d{1,5}\s+([a-z]{3,})\b", _I)


def _goods_counted(s: str, after: int) -> bool:
    """ "one crate of wine glasses smashed, 24 glasses": a count of the goods the container
    was said to hold, by their own name."""
    named = s[after : after + 60].lower()
    return any(
        m.group(1).lower() in named[: m.start() - after]
        for m in _COUNT_NOUN.finditer(s, after)
        if not _holder(m.group(1))
    )


def _count_before_reason(s: str, after: int, hits: Iterable[_Hit]) -> bool:
    """A bare count said just before a reason word, after `after`: "24 broken", "9 of them
    chipped"; not a count of more containers ("3 boxes fine")."""
    for m in _BARE_COUNT.finditer(s, after):
        word = _NEXT_WORD.match(s, m.end())
        if word and _holder(word.group(1)):
            continue
        if any(0 < h.start - m.end() <= 12 for h in hits):
            return True
    return False


def _add_qty(r: _Read, raw: str, unit: str | None, start: int, how: str) -> None:
    value = _number(raw, r, "quantity")
    if value is not None:
        r.qtys.append(_Qty(value, unit, start, how))


def _leftover_numbers(r: _Read) -> list[tuple[Decimal, int]]:
    out: list[tuple[Decimal, int]] = []
    for m in _LEFTOVER_NUMBER.finditer(r.s):
        token = m.group(0)
        if not _DIGIT.search(token) and token.strip().lower() in ("a", "an", "one"):
            continue  # "one of them": words, not a count
        if r.s[max(0, m.start() - 2) : m.start()].strip().endswith("#"):
            continue  # "#4521": a reference, not a count
        spec = _GLUED.match(r.s, m.end()) if _DIGIT.search(token) else None
        if spec:
            # "2 PH-A54-BLK 5G phones", "25cu ft fridge": a spec or a model of the goods,
            # glued to its letters: never the count or the price, and not understood
            said = token.strip() + spec.group(0)
            r.unclear.append(f"I did not understand '{said}': check the quantity and the price")
            r.not_amounts.append((m.start(), spec.end()))
            r.cut(m.start(), spec.end())
            continue
        value = _number(token, r, "quantity")
        if value is not None:
            out.append((value, m.start()))
    return out


# -- assembling Facts ----------------------------------------------------------------------------


# a price said right after a count of containers: "1 cs @ $38", "3 ctn at $12.50"
_PRICE_AFTER_CONTAINERS = re.compile(r"(?<![\w.])\d+\s*([a-z]{2,7})\.?\s*(?:@|at|x)\s*\$?\s*$", _I)
P_PER_CONTAINER = 0.15


def _assemble(
    r: _Read,
    source: str,
    category: Category | None,
    reason: str | None,
    sku: str | None,
    location: str | None,
    leftovers: list[tuple[Decimal, int]],
    write_down: bool,
    listed: bool = False,
) -> Facts:
    unit_prices = [m for m in r.money if m.role == "unit"]
    totals = [m for m in r.money if m.role == "total"]
    if r.pack is not None:
        # "4 cs ... @ $36/cs": a price per case is read against the cases, not the pieces
        for m in list(unit_prices):
            outer = packs.priced_container(_UNIT_ALIASES.get(m.unit or "", m.unit))
            if outer is None and len(r.pack.containers) == 1 and len(r.text) == len(r.s):
                # "500/cs, 1 cs @ $38": a price said right after the cases counted is theirs,
                # likely (the pieces at $38 would be $19,000): the card asks
                after = _PRICE_AFTER_CONTAINERS.search(r.text, 0, m.start)
                said = packs.priced_container(after.group(1)) if after else None
                if said in r.pack.containers:
                    outer = said
                    r.guess(f"Read ${_fmt(m.value)} as the price per {said}", P_PER_CONTAINER)
            count = r.pack.containers.get(outer or "")
            if count is not None:
                unit_prices.remove(m)
                amount = count * m.value
                totals.append(_Money(amount, m.start, "total"))
                r.used.append(m.value)  # the price per case is used, through the total
                r.notes.append(
                    f"Amount {_fmt(count)} {outer} x ${_fmt(m.value)} per {outer} = ${_fmt(amount)}"
                )
                if r.pack.retail and outer == "pack":
                    # "12 4pks of hand sanitizer, $5.20 per 4pk": the golden table counts the
                    # 48 pieces, a round 181 writer the 12 packs (it was sure): never sure
                    r.guess("packs priced by the pack: counted in pieces", P_PACK_GUESS)
    free = [m for m in r.money if m.role == "free"]
    for m in r.money:
        if m.bare_at:
            r.guess(f"Read 'at {m.value}' as ${m.value} per unit", P_BARE_AT)

    quantity, unit = _pick_quantity(r, unit_prices, sku)
    if quantity is not None and r.priced_by and not unit_prices:
        quantity, unit = _in_the_lists_measure(r, quantity, unit, r.priced_by)

    # A write-down's cost can be said as "cost $40" (a unit price) or "from $22".
    costs = [*r.wd_cost, *(m.value for m in unit_prices)]
    unit_cost = _one(costs, r, "Several different prices", P_SEVERAL_PRICES)
    total = _one([m.value for m in totals], r, "Several different totals", P_SEVERAL_TOTALS)
    new_value = _one(r.wd_new, r, "Several different new values", P_SEVERAL_PRICES)
    by_unit = _one(r.wd_by_unit, r, "Several different reductions", P_SEVERAL_PRICES)
    by_total = _one(r.wd_by_total, r, "Several different reductions", P_SEVERAL_PRICES)
    if by_total is not None and total is None:
        total = by_total

    # Amounts with no words around them: a total, unless a quantity makes them a price.
    for m in free:
        if quantity is not None and unit_cost is None and total is None:
            if len(free) == 2 and quantity * free[0].value == free[1].value:
                unit_cost, total = free[0].value, free[1].value
                break
            unit_cost = m.value
            if quantity != 1:  # for one unit the price is the total
                r.price_or_total = True
                r.guess(
                    f"${m.value} {_PRICE_OR_TOTAL}; read it as per unit",
                    P_PRICE_OR_TOTAL,
                )
        elif unit_cost is None and total is None:
            total = m.value
            plural = category not in _RESERVES and (
                _PLURAL_GOODS.search(r.text) or _TRAILING_FIGURE.search(r.text)
            )
            if quantity is None and (sku is not None or plural):
                # "SKU-77 $45", "stolen speakers $45": each, or all of them? (a reserve's
                # amount is the reserve's)
                r.guess(f"${m.value} could be a unit price or the total", P_PRICE_OR_TOTAL)
        elif m.value not in (unit_cost, total):
            r.guess(f"Did not use the amount ${m.value}", P_SEVERAL_PRICES)

    # "one immersion blender, cost $312", "damaged floor mixer bowl, cost 1,150.00": a price
    # with no count, said of one thing (no plural anywhere) is the price of that one
    # ... as is one price beside "a 10in miter saw", "just the one", "the whole case"
    if (
        quantity is None
        and (unit_cost is None) != (total is None)
        and not leftovers
        and not write_down
        and category not in _RESERVES
        and not _PLURAL_GOODS.search(r.text)
        and not _COUNT_UNKNOWN.search(r.text)
    ):
        if unit_cost is not None and _COST_SAID.search(r.text):
            quantity = Decimal(1)
            r.guess(
                f"{NO_COUNT_GIVEN}: read the goods, said in the singular, as one unit", P_ONE_SAID
            )
        elif _ONE_THING.search(r.s) or _FIRST_THING.match(r.s):
            quantity, unit_cost, total = Decimal(1), unit_cost or total, None
            r.notes.append("Read the goods, said as one thing, as 1 unit")

    # Numbers nobody claimed: a quantity or a price by position, else flagged.
    for value, at in leftovers:
        if quantity is not None and _ALL_OF_THEM.search(r.s, max(0, at - 8), at):
            # "1 carton crushed (all 4 chairs bent)": the pieces in what was counted, no price
            r.notes.append(f"Read 'all {_fmt(value)}' as what the {_fmt(quantity)} held")
            r.used.append(value)
            continue
        if (
            quantity is not None
            and value == quantity
            and unit_cost is None
            and total is None
            and _COUNT_AGAIN.match(r.s, at)
            and _CLAUSE_END.search(r.s, 0, at)  # its own clause: "lol. 1 bookcase gone"
        ):
            # "dropped a 88-4410 ... 1 bookcase gone": the count said again, not a price
            r.notes.append(f"Read {_fmt(value)} again as the count")
            continue
        if quantity is None and _ARTICLE_BEFORE.search(r.s, max(0, at - 4), at):
            # "dropped a 410 jug", "a 45 bumper split": one of the goods the figure names
            quantity = Decimal(1)
            r.guess(f"Read 'a {_fmt(value)}' as one: the figure names the goods", P_BARE_NUMBER)
            continue
        if quantity is None:
            quantity = value
            r.guess(f"Read the number {value} as the quantity", P_BARE_NUMBER)
            if sku is None:
                r.guess(NO_UNIT_NO_SKU, P_NO_UNIT)
        elif unit_cost is None and total is None and new_value is None and listed:
            # "8 SKU-12 rm 104 water dmg", "at bar 2", "1420 Oak St": the item list prices
            # the goods; a bare number after the count is as often a place's as a price
            r.guess(f"Did not use the number {value}: priced from the item list", P_QTY_OR_PRICE)
            r.doubts.append(
                f"'{_fmt(value)}': a price, or the number of a place? I used the item list's cost"
            )
        elif unit_cost is None and total is None and new_value is None:
            # a bare number after the quantity: a price only by position, so ask
            unit_cost = value
            r.guess(f"The number {value} could be the quantity or the price", P_QTY_OR_PRICE)
            r.doubts.append(f"'{_fmt(value)}' could be the quantity or the price: which is it?")
        else:
            r.guess(f"Did not use the number {value}", P_UNREAD_NUMBER)

    if r.percent:
        by_unit, total = _apply_percent(r, write_down, unit_cost, total, by_unit, new_value)
    if total is None and by_unit is None:
        _per_piece_against_uncounted(r, quantity, unit, unit_prices)
    if new_value is not None and quantity is not None and quantity > 1:
        lot = _VALUE_FOR_THEM.search(r.text)
        if lot is not None:
            # "the 3 open-box saws, can only get $700 for them": $700 each, or for the three?
            # (round 352 drafted $700 each, sure)
            r.guess(f"'{lot.group(0).strip()}': each, or for all of them?", P_QTY_OR_PRICE)
            r.doubts.append(
                f"'{lot.group(0).strip()}': is that each, or for all {_fmt(quantity)}? Say "
                "'each' or 'for the lot'"
            )

    return Facts(
        source_text=source,
        category=category,
        reason=reason,
        sku=sku,
        quantity=quantity,
        unit=unit,
        unit_cost=unit_cost,
        total=total,
        new_unit_value=new_value,
        reduction_per_unit=by_unit,
        reduction_fraction=r.wd_fraction,
        location=location,
        guesses=tuple(r.guesses),
        errors=tuple(dict.fromkeys(r.errors)),
        used=tuple(r.used),
        notes=tuple(r.notes),
        doubts=tuple(r.doubts),
        unclear=tuple(r.unclear),
        price_or_total=r.price_or_total,
        containers=r.held
        or (
            tuple(r.pack.containers.items())
            if r.pack is not None
            and quantity == r.pack.quantity
            # ("200 4pks ED12-4PK marked down from $4.40" of a 4-pack: the packs the list
            # prices, kept for the list's cost to be read against)
            and (
                unit_cost is None or (r.priced_by is not None and r.priced_by in r.pack.containers)
            )
            else ()
        ),
    )


def _pick_quantity(
    r: _Read, unit_prices: list[_Money], sku: str | None
) -> tuple[Decimal | None, str | None]:
    qtys = [q for q in r.qtys if q.how != "one"] or r.qtys
    if not qtys:
        return None, None
    chosen = qtys[0]
    held = _held_in(qtys, unit_prices)
    if held is not None:
        # "2 pallets, 8 SKU-40 smashed": the pallets are what the 8 came in, not a count
        chosen, containers = held
        r.notes.append(
            f"Read {', '.join(f'{_fmt(q.value)} {q.unit}' for q in containers)} as what the "
            f"{_fmt(chosen.value)} came in, not the quantity"
        )
        r.used.extend(q.value for q in containers)  # explained: the message's words account
        if not chosen.unit and r.priced_by is not None:
            # ("24 X (2 cs)" of "..., case of 12": the 24 are the 2 cases' pieces; the
            # containers the list prices by, kept for its cost to be read against)
            r.held = tuple(
                (held_in, q.value)
                for q in containers
                if (held_in := packs.container(q.unit or "")) == r.priced_by
            )
        r.guess("A container count beside the quantity", P_CONTAINERS)
        more = next((q for q in containers if q.value > chosen.value), None)
        if more is not None:
            # "1 CHX27499 (10 sets)": ten sets holding one? The count may be the sets'
            r.unclear.append(
                f"'{_fmt(more.value)} {more.unit}': how many, {_fmt(chosen.value)} or "
                f"{_fmt(more.value)}?"
            )
        for q in containers:
            between = r.s[min(q.start, chosen.start) : max(q.start, chosen.start)]
            if _JOINED_COUNTS.search(between):
                # "24 bags and 12 SKU-12 ruined": other goods, or what the 12 came in?
                r.unclear.append(
                    f"'{_fmt(q.value)} {q.unit}': other goods, or what the "
                    f"{_fmt(chosen.value)} came in?"
                )
    elif len(qtys) > 1:
        # "20 bx large gloves and 20 bx medium": the same figure twice is two lots as often
        # as one said again, so equal values are no proof of one quantity
        price_unit = next((_unit_key(m.unit) for m in unit_prices if m.unit), None)
        matching = [q for q in qtys if price_unit and _unit_key(q.unit) == price_unit]
        chosen = matching[0] if matching else chosen
        r.guess(
            "Several quantities ("
            + ", ".join(_fmt(q.value) for q in qtys)
            + f"); used {_fmt(chosen.value)}",
            P_SEVERAL_QTYS,
        )
    if chosen.how == "bare":
        r.guess(f"Read the number {_fmt(chosen.value)} as the quantity", P_BARE_NUMBER)
    named = _ID_BEFORE.search(r.text, max(0, chosen.start - 24), chosen.start)
    if named and not _verb_bin(r.text, named.start()) and chosen.how != "pack":
        said = _WS.sub(" ", r.text[max(0, chosen.start - 24) : chosen.start]).strip().split()
        r.unclear.append(
            f"'{' '.join(said[-1:])} {_fmt(chosen.value)}' may name the "
            f"{said[-1].lower().rstrip(':')}, "
            "not a count: check the quantity"
        )
    if chosen.unit is None and sku is None:
        r.guess(NO_UNIT_NO_SKU, P_NO_UNIT)
    price_unit = next((m.unit for m in unit_prices if m.unit), None)
    if (
        price_unit
        and chosen.unit
        and _unit_class(price_unit) not in (None, _unit_class(chosen.unit))
        and not _per_piece(price_unit, chosen)
    ):
        r.guess(
            f"The price is per {price_unit} but the quantity is in {chosen.unit}",
            P_UNIT_MISMATCH,
        )
    elif packs.container(price_unit) and packs.container(price_unit) != packs.container(
        chosen.unit
    ):  # "10 mugs broken $30/box": how many mugs to a box?
        r.guess(
            f"The price is per {price_unit}, the quantity is not counted in them", P_UNIT_MISMATCH
        )
    elif (
        chosen.unit
        and _unit_class(chosen.unit) in _MEASURES
        and unit_prices
        and all(m.unit is None for m in unit_prices)
        and not r.priced_by
    ):
        # "a bag of cat food, 16 lb, cost was $24.30": $24.30 a pound, or for the bag?
        r.guess(f"A price beside {chosen.unit}: per {chosen.unit} or in all?", P_UNIT_MISMATCH)
    elif (
        chosen.how == "pack"
        and r.pack is not None
        and "pack" in r.pack.containers
        and unit_prices
        and all(m.unit is None for m in unit_prices)
        and not _PER_PIECE_SAID.search(r.text)
    ):
        # "14 NJOY 2-packs at $8.70": $8.70 a pack, or a piece? Read per piece, never sure
        r.guess("A price beside packs: per pack or per piece?", P_UNIT_MISMATCH)
    return chosen.value, chosen.unit


# a price said to be per piece in words: "a can", "per bottle", "each can"
_PER_PIECE_SAID = re.compile(
    r"\b(?:a|per|each|every)\s+(?:can|bottle|piece|pc|unit|item|bar|pod|stick|roll|cup|jar)\b",
    _I,
)


def _in_the_lists_measure(
    r: _Read, quantity: Decimal, unit: str | None, priced_by: str
) -> tuple[Decimal, str | None]:
    """ "3 qts of ATF-MV-GAL" priced per gallon is 0.75 gallon; a measure that does not turn
    exactly into the list's ("2 litres" of an item priced per gallon) is asked about."""
    said = measures.measure(unit)
    if (
        said is None
        and measures.measure(priced_by) in _LIQUID
        and re.search(rf"(?<![\w.$]){re.escape(_fmt(quantity))}\s*l\b(?!\s*[-/]?\d)", r.text, _I)
    ):
        # ("18 L of X" priced per gallon: litres, or a size L? never 18 gallons; round 319
        # drafted 18 gallons, sure)
        r.doubts.append(f"'{_fmt(quantity)} L': litres? The item list prices it per {priced_by}")
        return quantity, unit
    if said is None or said == priced_by or measures.measure(priced_by) is None:
        return quantity, unit  # (an item priced by the bag: the bag's size is read later)
    converted = measures.convert(quantity, said, priced_by)
    what = f"{_fmt(quantity)} {unit}"
    if converted is None:
        # (16 inches of a per-foot chain priced as 16 feet would be far off: never approvable)
        r.doubts.append(f"'{what}': the item list prices it per {priced_by}; how much is that?")
        return quantity, unit
    # (exact, but the writer's measure is not the list's: a reader's sum to check, never
    # sure; round 317's writer asked rather than turn 6 quarts into 1.5 gallons)
    r.guess(
        f"Read {what} as {_fmt(converted)} {priced_by}, the item list's unit: check", P_PACK_GUESS
    )
    r.used.append(quantity)
    return converted, priced_by


# what liquids are priced by: a bare "L" after a count of such goods is litres, not a size
_LIQUID = frozenset(("gallon", "quart", "pint", "litre"))
# units that measure goods rather than count them
_MEASURES = frozenset(
    (
        "lb", "kg", "oz", "ounce", "gram", "g", "ton", "tonne", "gallon", "liter", "litre", "ml",
        "meter", "metre", "foot", "yard", "m", "quart", "pint", "inch",
        # ("40 sq ft of SKU-12": an area, "sq ft" written as one word first)
        "sqft",
    )
)  # fmt: skip


# containers that hold items and are rarely sold as one: a bag, a box, a carton or a pack
# often is the item ("12 juice cartons", "18 boxes of BX-1042")
_OUTER = frozenset(("case", "pallet", "crate", "tote", "inner", "container"))
_PIECE_WORDS = frozenset(("unit", "units", "u", "pc", "pcs", "piece", "pieces", "item", "items"))


def _per_piece_against_uncounted(
    r: _Read, quantity: Decimal | None, unit: str | None, unit_prices: list[_Money]
) -> None:
    """ "3 cases SKU-410 crushed" (the item list's cost is per mug), "3 cases SKU-410 at $12 per
    piece", "125 lbs of SKU-12 damaged": the goods counted in outer containers of no stated
    size (cases, pallets, crates), or measured by weight, volume or length, against a price
    per piece (said as per unit / piece / pc, or the item list's, which is per item):
    quantity x price is not the cost. The rule for the family: a price read against a count
    must be per that count's unit; a price per piece, or none, beside a count of outer
    containers no pack size multiplied out, of any container with the price said per piece,
    or of a measure, is quoted, below 0.9. A price "each" is per what was counted ("2 cases,
    $15 each" is $30), as is a price per the same container or measure ("$144 a case",
    "$2/lb"); a total is the amount as said."""
    measured_pack = r.pack is not None and measures.measure(r.pack.unit) is not None
    if quantity is None or (r.pack is not None and not measured_pack):
        return
    if measured_pack and not unit_prices and r.priced_by in r.pack.containers:  # type: ignore[union-attr]
        return  # "2 spools (50 yd/spool)", the item list pricing the spool: 2 spools
    if _unit_class(unit) is None:
        if quantity != quantity.to_integral_value():
            # "1 1/2 SKU-410 broken", "2.5 mugs": pieces come whole
            r.unclear.append(f"'{_fmt(quantity)}' pieces: part of a piece? Check the quantity")
        return
    assert unit is not None
    measure = _unit_class(unit) in _MEASURES
    holder = packs.container(unit)
    per = next((m.unit for m in unit_prices if m.unit), None)
    piece_price = (per or "").lower() in _PIECE_WORDS
    if unit_prices and not piece_price:
        # "$144 a case", "$2/lb", "$3 per bottle" are checked against the unit elsewhere;
        # "2 cases SKU-5, $15 each", "30 cases ... $4 each": each is what was counted
        return
    if holder not in _OUTER and not piece_price:
        # "30 bags of salad", "18 boxes of BX-1042 at $1.25 each": the bag, the box is the
        # item; "3 boxes of SKU-12 at $15 a unit" says it is not
        holder = None
    if not measure and not holder:
        return
    if not unit_prices and r.priced_by and r.priced_by in (measures.measure(unit), holder):
        return  # "35 ft of HOSE-050" priced per foot, "1 pallet X" priced per pallet
    what = f"{_fmt(quantity)} {unit}"
    if holder:
        r.unclear.append(
            f"'{what}': how many pieces in {packs.a(holder)}? The price is per piece; give the "
            f"count per {holder}"
        )
    else:
        r.unclear.append(
            f"'{what}': the price is per piece, the goods are measured in {unit}; how many "
            "pieces is that?"
        )


# units a price can be per that are no single piece: weights, lengths, volumes, groups
_NOT_PIECES = _wordset(
    "lb kg oz ounce gram ton tonne gallon liter litre ml meter metre foot yard dozen pair set"
    " kit gross bundle roll ream"
)


def _per_piece(price_unit: str, chosen: _Qty) -> bool:
    """A price per a thing's own name ("$3 per glass") beside pieces a pack multiplied out
    ("2 dozen glasses" = 24 units): the price is per piece."""
    return (
        chosen.how == "pack"
        and _unit_class(chosen.unit) is None
        and not packs.priced_container(price_unit)
        and _unit_class(price_unit) not in _NOT_PIECES
    )


_JOINED_COUNTS = re.compile(r"\b(?:and|plus)\b|&|\+", _I)


def _held_in(qtys: list[_Qty], unit_prices: list[_Money]) -> tuple[_Qty, list[_Qty]] | None:
    """One count written against the SKU ("8 SKU-40") beside counts of containers only
    ("2 pallets"), with no price per container: the count is the quantity."""
    counted = [q for q in qtys if q.how == "sku"]
    # plain "N pallets" only: a pack reading ("2 half-dozen boxes") is already the pieces
    containers = [q for q in qtys if q.how == "unit" and packs.container(q.unit)]
    if len(counted) != 1 or not containers or len(counted) + len(containers) != len(qtys):
        return None
    if any(packs.container(m.unit) for m in unit_prices):
        return None  # "$50 per pallet": the pallets are counted
    return counted[0], containers


def _unit_key(unit: str | None) -> str | None:
    """Like _unit_class, but "per unit" names the quantity given in units."""
    if unit in _GENERIC_UNITS:
        return "unit"
    return _unit_class(unit)


def _unit_class(unit: str | None) -> str | None:
    """Comparable unit: None for "per unit/each" (fits anything), else a singular form."""
    if unit is None or unit in _GENERIC_UNITS:
        return None
    unit = _UNIT_ALIASES.get(unit, unit)
    if unit.endswith("s") and not unit.endswith("ss") and len(unit) > 3:
        unit = unit[:-1]  # "btls" and "btl" are one unit, known word or not
    return unit


def _one(values: list[Decimal], r: _Read, what: str, penalty: float) -> Decimal | None:
    if not values:
        return None
    distinct = list(dict.fromkeys(values))
    if len(distinct) > 1:
        r.guess(
            f"{what} (" + ", ".join(f"${_fmt(v)}" for v in distinct) + f"); used ${distinct[0]}",
            penalty,
        )
    return distinct[0]


def _apply_percent(
    r: _Read,
    write_down: bool,
    unit_cost: Decimal | None,
    total: Decimal | None,
    by_unit: Decimal | None,
    new_value: Decimal | None,
) -> tuple[Decimal | None, Decimal | None]:
    """'write down by 25%': 25% of the unit cost per unit, or of a stated total value. 'to
    80%' is a write-down by 20%; 'by 20% to 80%' says one write-down twice."""
    pct = r.percent[0]
    if write_down and by_unit is None and new_value is None:
        if unit_cost is not None:
            _use_percent(r, pct)
            return unit_cost * pct / 100, total
        if total is not None:
            r.guess(
                f"Read ${_fmt(total)} as the value before the {_fmt(pct)}% write-down",
                P_PERCENT_OF_TOTAL,
            )
            _use_percent(r, pct)
            return by_unit, total * pct / 100
        if pct < 100:  # the cost is not in the text: the item list's, when it has one
            r.wd_fraction = pct / 100
            _use_percent(r, pct)
            return by_unit, total
    r.guess(f"Did not use the percentage {_fmt(pct)}%", P_PERCENT)
    return by_unit, total


def _use_percent(r: _Read, pct: Decimal) -> None:
    """Every percentage that says the reduction `pct` is used (a different one is left for the
    account to report); a share the goods keep is shown as the reduction it makes."""
    for reduction, said in zip(r.percent, r.percent_said, strict=True):
        if reduction != pct:
            continue
        r.used.append(said)
        if said != reduction:
            r.notes.append(
                f"'{_fmt(said)}%' is what the goods are still worth: down by {_fmt(pct)}%"
            )


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


# -- context shared between requests -------------------------------------------------------------


# "Fire in bay 2: ...", "flood last night - lost ...": a lead ended by a colon or a dash
_LEAD_END = re.compile(r":(?=\s|$)|\s[-\u2013\u2014]+\s")
# "..., all water damaged", "... - both expired": a reason said once after the list, for all
_TAIL_ALL = re.compile(
    r"^[\s,;:\u2013\u2014-]*(?:and\s+)?(?:all|both|each|every\s*one|everything|the\s+(?:whole\s+)?lot"
    r"|all\s+of\s+(?:them|it|those|these|which))\b",
    _I,
)


def _story_said_once(
    groups: list[list[_Piece]], reasons: _ReasonIndex, known: Collection[str]
) -> str:
    """The words that tell the story of every request: a lead before the first goods ("Fire in
    bay 2: 12 SKU-12 and 5 SKU-77 destroyed") and a tail after the last ("12 SKU-12 and 5
    SKU-77, all water damaged"). Only for several requests; "" when there is none."""
    if len(groups) < 2:
        return ""
    story = ""
    first = "".join(p.text for p in groups[0])
    m = _LEAD_END.search(first)
    if m is not None and m.start() > 0:
        lead = _Piece(0, m.start(), first[: m.start()])
        _signals(lead, reasons, known)
        if lead.reason and lead.sku is None and not lead.qty and not lead.money:
            story += first[: m.end()] + " "
    last = groups[-1]
    tail = last[-1]
    if len(last) > 1 and tail.context_only and tail.reason and _TAIL_ALL.match(tail.text):
        story += tail.text + " "
    else:
        # "2 TV-55X and 1 CHR-009 - all nicked": the tail after a dash, in the last piece
        ends = list(_LEAD_END.finditer(tail.text))
        rest = tail.text[ends[-1].end() :] if ends else ""
        if rest and not _DIGIT.search(rest) and _TAIL_ALL.match(rest) and reasons.hits(rest):
            story += rest + " "
    return story


_COUNT_WAYS = frozenset((Category.SHRINKAGE, Category.OVERAGE))
# a line that tells a story of its own under a lead: said apart from it ("also unrelated, 2 Y
# missing on the count"; the words may end the line before), or found on a count ("2 Y missing
# on the count" under "Storm:" is a count's shortfall the storm may not explain: its own word,
# asked about)
_APART = re.compile(
    r"\b(?:unrelated|not\s+related|separately|on\s+a\s+separate\s+note"
    r"|(?:a\s+)?(?:different|separate)\s+(?:issue|thing|matter|problem))\b",
    _I,
)
# who did the damage, said right before it: "the stuff the driver damaged" (round 302)
_A_CAUSE_BEFORE = re.compile(
    r"\b(?:the|a|our|one\s+of\s+the)\s+(?:new\s+|temp\s+)?(?:driver|drivers|forklift|fork|pallet"
    r"\s+jack|customer|customers|tech|techs|crew|movers?|picker|receiver|guy|kid|kids)\s+$",
    _I,
)
# a part's own cause, a machine or a person at work ("2 Y broken by the forklift", "busted
# bags from the fork"): no storm's or fire's doing, whatever was said before it
_OWN_CAUSE = re.compile(
    r"\b(?:by|with|from|off)\s+(?:the\s+|a\s+|an\s+|our\s+|one\s+of\s+the\s+)?(?:\w+\s+)?"
    r"(?:fork\s*lifts?|forks?|pallet\s+jacks?|reach\s+trucks?|hand\s+trucks?|order\s+pickers?"
    r"|pickers?|customers?|kids?|drivers?|carts?|dolly|dollies|box\s+cutters?)\b"
    # ("1 PLW-STD torn on the conveyor": a machine of the floor at work)
    r"|\b(?:on|in|by)\s+(?:the\s+|a\s+)?(?:conveyor|baler|compactor|boom|shrink\s+wrapper"
    r"|wrapper|dock\s+plate|pallet\s+jack|forks)\b"
    # ("3 cushions torn from normal rentals", "wear and tear"): use, not the event
    r"|\b(?:from|through|by)\s+(?:normal|regular|everyday|daily)\s+(?:use|wear|rentals?|handling)\b"
    r"|\bwear\s+(?:and|&|n)\s+tear\b",
    _I,
)
_ON_COUNT = re.compile(
    r"\b(?:on|in|at|from|after)\s+(?:the\s+|our\s+|a\s+)?(?:(?:cycle|quarterly|monthly|annual"
    r"|yearly|weekly|physical|year[\s-]end|month[\s-]end|spot|blind|full|metrc|system|inventory"
    r"|stock)\s+|re)?(?:counts?|weigh|reweigh)\b"
    r"|\bcount\s+(?:shortage|short(?:fall)?|variance|discrepancy)\b"
    r"|\b(?:vs\.?|against|than)\s+(?:the\s+)?(?:system|books)\b",
    _I,
)


def _said_apart(before: str, text: str) -> bool:
    """Whether a request is said apart from the story before it: the words in its own text
    (before its goods, or "(unrelated)" after them), or after the last figure of the request
    before."""
    figures = list(_DIGIT.finditer(before))
    tail = before[figures[-1].end() :] if figures else ""
    return bool(_APART.search(text) or _APART.search(tail) or _OWN_CAUSE.search(text))


def _told_first(f: Facts) -> bool:
    """Whether a request's reason is told before its count ("... in the storm last night, 12
    boxes A")."""
    if not f.reason or f.quantity is None:
        return False
    text = f.source_text.lower()
    said = text.find(f.reason.lower())
    count = re.escape(format(f.quantity, "f"))
    counts = [m.start() for m in re.finditer(rf"(?<![\w.]){count}(?![\w.])", text)]
    return said >= 0 and bool(counts) and said < counts[-1]


def _explained_by(f: Facts, head: Category, reasons: _ReasonIndex) -> bool:
    """Whether a request's own reason words tell the lead's story too ("burnt in the fire"
    under "Damaged:")."""
    return any(head in h.explains for h in reasons.hits(f.source_text) if h.category is f.category)


# a count's direction in one word: a line that inherits the other direction is in doubt
_UP = re.compile(r"\b(?:up|over|extra|more|higher|surplus|plus|above|gained?)\b|\+\s*\d", _I)
_DOWN = re.compile(
    r"\b(?:down|under|short|less|fewer|lower|below|minus|shy)\b|(?<![\w-])-\s*\d", _I
)


# words that may point a count the other way, or only join one line to the next ("plus 2 B")
_NOT_A_WAY = frozenset(("plus", "more", "less"))
_OTHER_WAY = {Category.SHRINKAGE: Category.OVERAGE, Category.OVERAGE: Category.SHRINKAGE}
_WAY_REASON = {Category.SHRINKAGE: "short", Category.OVERAGE: "over"}


def _turned(text: str, category: Category | None) -> str | None:
    """The word of `text` that points a count the other way from `category`, if any."""
    against = {Category.SHRINKAGE: _UP, Category.OVERAGE: _DOWN}.get(category)  # type: ignore[arg-type]
    m = against.search(text) if against is not None else None
    return " ".join(m.group(0).split()) if m else None


_INHERITED_SKU = "Assumed this is"


P_OTHER_GOODS = 0.5  # a part that names goods of its own given a sibling's code: in doubt
# the goods a count names after its container: "6 packs of valve cores", "3 cs of pie shells"
_GOODS_AFTER_COUNT = re.compile(
    r"\b\d+\s+(?:[a-z]+\s+)?of\s+(?:the\s+)?(?P<g>[a-z]{4,}(?:\s+[a-z]{4,})?)\b", _I
)


def _goods_of_its_own(text: str, others: list[str], reasons: _ReasonIndex) -> str:
    """The goods a part names after "N <container> of", in words no sibling part says, or ""."""
    m = _GOODS_AFTER_COUNT.search(text)
    if m is None:
        return ""
    said = " ".join(others).lower()
    words = [w for w in m.group("g").lower().split() if w not in said]
    if not words or reasons.mentioned(" ".join(words)) or any(packs.container(w) for w in words):
        return ""
    return m.group("g")


_WHY_FOUND = frozenset(
    ("mislabeled", "mislabelled", "mis-labeled", "unlabeled", "unlabelled", "misplaced",
     "mis-slotted", "misslotted", "mis-shelved", "misfiled", "unmarked")
)  # fmt: skip
_TO_A_VALUE = re.compile(r"(?:\bto|->|\u2192)\s*\$\s?\d", _I)


def _share(read: list[Facts], header: str, reasons: _ReasonIndex) -> list[Facts]:
    """Fill what one request left out from a shared header ("Damaged, warehouse B:") at no
    cost, or from its sibling requests at a small cost."""
    if len(read) < 2 and not header:
        return read
    head_category: Category | None = None
    head_reason: str | None = None
    head_location: str | None = None
    head_explains: frozenset[Category] = frozenset()
    if header:
        hr = _Read(header)
        head_hits = reasons.hits(header)
        head_category, head_reason = _pick_reason(hr, head_hits, reasons)
        head_location = _read_location(hr)
        head_explains = frozenset(
            c for h in head_hits if h.category is head_category for c in h.explains
        )
    out: list[Facts] = []
    for i, f in enumerate(read):
        others = read[:i] + read[i + 1 :]
        later = read[i + 1 :]
        changes: dict[str, object] = {}
        guesses = list(f.guesses)
        if f.category is not None and head_category is not None and f.category != head_category:
            apart = (i > 0 and _said_apart(read[i - 1].source_text, f.source_text)) or bool(
                # ("theft: 1 X. shrinkage: 2 Y": a heading of its own, as the first's)
                f.reason
                and _OWN_HEADING.match(f.source_text.lower(), 0)
                and f.source_text.lower().lstrip().startswith(f.reason.lower())
                # (not the lead's own label said again on each line: "roof caved in under the
                # snow. Crushed: 9 X / Crushed: 3 Y" is the snow's, round 347)
                and f"{f.reason.lower()}:" not in header.lower()
            )
            if head_category in _COUNT_WAYS and (f.reason or "").lower() in _WHY_FOUND:
                # ("found extra: 1,500 A and 300 B in a mislabeled box": why B turned up)
                changes.update(category=head_category, reason=head_reason)
            elif (
                f.category in head_explains
                and not (apart or _ON_COUNT.search(f.source_text))
                # (wear or age is no fire's doing; a reserve pays for it all the same: "use
                # the reserve: 4 A + 10 B, obsolete")
                and not (head_category is Category.CASUALTY and _not_an_events_doing(f))
            ):
                # "Fire: ... 5 SKU-77 destroyed": the destruction is the fire's, one story
                changes.update(category=head_category, reason=head_reason)
            elif (
                not apart
                and head_category is Category.CASUALTY
                and phrase_key(f.reason or "") in reasons.weak
            ):
                # "break-in overnight, lost 3 X and 2 Y": "lost" says only that the goods
                # left; the break-in says how (round 285 drafted X a loss, Y a theft)
                changes.update(category=head_category, reason=head_reason)
            elif apart:
                pass  # "storm took the roof: 4 X ruined. also unrelated, 2 Y missing": its own
            elif not {f.category, head_category} <= _COUNT_WAYS and not _explained_by(
                f, head_category, reasons
            ):
                # "Stolen: 3 SKU-12 and 5 SKU-77 damaged": the line's own word, or the lead's?
                guesses.append(
                    Guess(
                        f"The message says '{head_reason}' for all and '{f.reason}' for this "
                        f"item; used '{f.reason}'",
                        P_SEVERAL_REASONS,
                    )
                )
        if (
            i > 0
            and not header
            and f.category is Category.LOSS
            and read[0].category is Category.CASUALTY
            and not _said_apart(read[i - 1].source_text, f.source_text)
            and not _not_an_events_doing(f)
            and _told_first(read[0])
            and any(
                Category.LOSS in h.explains
                for h in reasons.hits(read[0].source_text)
                if h.category is Category.CASUALTY
            )
        ):
            # "took water in the storm last night, 12 boxes A and 5 B soaked": the storm told
            # before the goods is every part's story, B's soaking the storm's
            changes.update(category=Category.CASUALTY, reason=read[0].reason)
            guesses.append(
                Guess(f"Read '{f.reason}' as the {read[0].reason} told first", P_INHERITED)
            )
        if f.category is None:
            # "take 1 A and 3 B out of the E&O reserve, both scrapped": what happened is said
            # for both, and a sibling says which account pays for it (the reserve): the
            # sibling's, as a guess (the header's alone drafted A as a loss at 0.97). Only a
            # reserve: "Damaged: 3 A, 5 B burnt in the fire" leaves A damaged.
            closer = (
                [
                    o
                    for o in others
                    if o.category in (Category.RESERVE_WRITE_OFF, Category.RESERVE_PROVISION)
                    and o.category is not head_category
                    and _explained_by(o, head_category, reasons)
                ]
                if head_category is not None
                else []
            )
            if len({o.category for o in closer}) == 1:
                changes.update(category=closer[0].category, reason=closer[0].reason)
                guesses.append(Guess(f"Read '{closer[0].reason}' as this item's too", P_INHERITED))
            elif head_category is not None:
                changes.update(category=head_category, reason=head_reason)
                if (
                    head_category is Category.WRITE_DOWN
                    and f.unit_cost is not None
                    and f.new_unit_value is None
                    and _TO_A_VALUE.search(f.source_text)
                ):
                    # ("write downs: 20 A to $3.00 and 20 B to $3.50": under a write-down's
                    # heading, "to $3.00" is the value the goods go down to, no price)
                    changes.update(new_unit_value=f.unit_cost, unit_cost=None)
                    guesses[:] = [g for g in guesses if _PRICE_OR_TOTAL not in g.message]
            else:
                cats = {(o.category, o.reason) for o in others if o.category is not None}
                if len({c for c, _ in cats}) == 1:
                    cat, word = sorted(cats, key=lambda c: str(c[1]))[0]
                    turn = _turned(f.source_text, cat)
                    thrown = _THROWN.search(f.source_text)
                    if cat is Category.DONATION and thrown:
                        # "donated 50 X to the shelter and tossed 20 Y": what was thrown
                        # away was not given away
                        changes.update(category=Category.LOSS, reason=thrown.group(0))
                        guesses.append(
                            Guess(f"Read '{thrown.group(0)}' as a loss, not a gift", P_INHERITED)
                        )
                    elif turn and turn.lower() not in _NOT_A_WAY:
                        # "4 A short, 2 B up": this line's own word points the other way, and
                        # in a count's lines that is the other way of the count
                        other = _OTHER_WAY[cat]
                        changes.update(category=other, reason=_WAY_REASON[other])
                        guesses.append(
                            Guess(
                                f"Read '{turn}' as {_WAY_REASON[other]} on the count", P_INHERITED
                            )
                        )
                    else:
                        if turn:
                            # ("4 A short, plus 2 B": "plus" may be "and", or more over)
                            guesses.append(Guess(f"'{turn}' may point the other way", P_INHERITED))
                            unclear = f"'{turn}': short or over? Say which way the count is off"
                            changes["unclear"] = (*f.unclear, unclear)
                        changes.update(category=cat, reason=word)
                        guesses.append(Guess(f"Assumed '{word}' {_APPLIES_TOO}", P_INHERITED))
                        told = _OWN_WORD_OF_WHAT_HAPPENED.search(_sku_free(f.source_text))
                        if told is not None:
                            # "100 ft X chafed & 60 ft Y missing on the count": X's own word,
                            # not one the reader knows, tells its story; not Y's
                            changes["doubts"] = (
                                *f.doubts,
                                f"'{told.group(0)}': what happened to these? I used "
                                f"'{word}' from the other item",
                            )
        if f.location is None:
            places = {o.location for o in others if o.location}
            if head_location:
                changes["location"] = head_location
            elif len(places) == 1:
                changes["location"] = places.pop()
        if f.sku is None and f.category is not Category.RESERVE_PROVISION:
            codes = {o.sku for o in others if o.sku}
            if len(codes) == 1:
                code = codes.pop()
                changes["sku"] = code
                own = _goods_of_its_own(f.source_text, [o.source_text for o in others], reasons)
                # ("4 extra SPP6 kits but short 6 packs of valve cores": goods of its own,
                # which the code said beside them may not be; a doubt, not a small guess)
                penalty = P_OTHER_GOODS if own else P_INHERITED
                note = f"{_INHERITED_SKU} {code} too" + (f" (it names '{own}')" if own else "")
                guesses.append(Guess(note, penalty))
        if f.quantity is not None and f.unit_cost is None and f.total is None:
            # "40 units SKU-1 and 20 units SKU-2 damaged at $5 each": a later price distributes
            prices = {o.unit_cost for o in later if o.unit_cost is not None}
            sku = changes.get("sku", f.sku)
            if not prices and sku:
                # "12 SKU-88 at $4 expired, another 5 of them dented": the same goods' price
                prices = {o.unit_cost for o in others if o.sku == sku and o.unit_cost is not None}
            if len(prices) == 1:
                price = prices.pop()
                changes["unit_cost"] = price
                guesses.append(
                    Guess(
                        f"Assumed the ${_fmt(price)} price applies to this item too",
                        P_INHERITED_PRICE,
                    )
                )
        if changes or len(guesses) != len(f.guesses):
            f = replace(f, guesses=tuple(guesses), **changes)  # type: ignore[arg-type]
        out.append(f)
    return out


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
