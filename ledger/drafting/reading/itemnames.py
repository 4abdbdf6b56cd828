"""Goods named by the item list's name, figures and all: "4 Rule 1100 bilge pumps", "1 Mustang
MIT 70 PFD (red)", "2 Group 31 AGMs", "3M 4200 x3", "2 boxes of the 6in 80 grit discs".

Staff type what is on the shelf label far more often than the code. A name's own figures
("1100", "MIT 70", "Group 31") read as counts or prices made wrong entries; the item list
says they are the name's. Where a run of the message's words is the name of exactly one item
(two or more of its words, one of them said by no other item's name; or one such word right
after a count: "3 AGMs"), the run is read as that item's code, before anything else is read,
and the card says so. A match by name is never sure: the writer did not give the code.

Pure: a text and the item list in, the rewritten text and what was matched out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from ledger.drafting.reading import fuzzy, packs

P_NAMED = 0.1  # a name several of whose words were said, one only this item has: likely
P_NAMED_WEAK = 0.5  # one word of the name after a count ("3 AGMs"): a guess to confirm

# a grade of figures ("10-10-10", "46-0-0"), a decimal and its unit ("1.75L", "130.4"), a
# fraction ("1/2", "5/16"), a figure glued to a few letters ("22oz", "12v", "5bc") or a word
# a formula's letters ("c/d", "k/d": one word of a diet's name; "F&G" of a vacuum bag)
_TOKEN = re.compile(
    r"\d+(?:-\d+){2,}(?![\w-])|(?<![\d.])\d+\.\d+[a-z]{0,3}(?![\w.])|\d+/\d+"
    # ("VG+" of a record's grade: the plus is the grade's, when nothing follows it)
    # (a word with accents is one word, "rosé", read as typed without them: "rose")
    r"|(?<![\w/&])[a-z][/&][a-z](?![\w/&])|[a-z]{1,3}\+(?![\w+])|[^\W_]+",
    re.IGNORECASE,
)
# a word written with a hyphen ("Yo-Yo", "T-Shirt") is typed as one as often ("yoyos")
_HYPHENED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")
_LETTERED_MODEL = re.compile(r"\b[A-Za-z]{1,2}(\d{4,})\b")
# a model written with a hyphen is typed without ("RF1400" of "RF-1400", "b7000" of "B-7000")
_MODEL_HYPHENED = re.compile(r"\b([A-Za-z]{1,4})-(\d[\dA-Za-z]*)\b")
# a lot's, a ticket's or an order's number is no goods' code ("lot 4471A rabies")
_REFERENCE_BEFORE = re.compile(
    r"\b(?:lot|ref|ticket|po|inv|invoice|serial|sn|rma|order)\W{0,3}$", re.IGNORECASE
)
# a code's shape: capitals and digits, both, five or more ("WR49X10283", "DA97-07365G")
_CODE_SHAPE = re.compile(r"(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,}")
# a code of capitals only: three parts, or two of three letters or more ("PLW-FTH-STD",
# "MLT-PILS"; "T-SHIRT" is a word)
_LETTER_CODE = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,}){2,}|[A-Z]{3,}-[A-Z]{3,}")
# what stands between spaces (a code is one such chunk) and what may stand around a code in it
_CHUNK = re.compile(r"[^\s,;]+")
_PUNCT = ".:!?()[]{}\"'*_"
# a figure and its unit said as one ("22oz", "6in", "12v"): the figure is the name's token
_FIGURE_UNIT = re.compile(
    r"(\d+(?:[./]\d+)?)(?:in|ft|oz|lb|lbs|gal|mm|cm|ml|l|ltr|v|w|ga|qt|pk|pks|ct|pc|pcs)$"
)
# words that say how goods are sold, sized or coloured, or join a name: said by many items
# (a run may pass through them; they never make a match alone)
_COMMON = (
    frozenset(
        """
    per each case cases box boxes pack bag bottle jug roll set pair pairs dozen tray sleeve
    bundle carton gal gallon gallons pound pounds lb lbs inch inches in ft oz qt quart pint
    liter litre with and the for of a an or to on mens womens kids size std standard large
    small medium new old red blue white black green yellow orange navy grey gray silver gold
    clear brown pink purple single double plain x w v mm cm ml kg can tube ton tons yd yds
    yard yards foot feet meter metre meters metres kilo kilos liters litres gallon quarts
    pints sack sacks drum drums pallet pallets reel reels spool spools pr prs ea pc pcs ct pk
    full empty one ones
    cs bx ctn run vial vials flat flats ampule ampules ampoule ampoules unit units extra
    off out up down over back away into onto it its them they this that these those there
    here not no yes just only very too also about after before each every some any all both
    is are was were be been has have had do does did will would can could should may might
    square squares sq bottles btl btls jugs jars cans tins pkt pkts
    bunch bunches bunchs bnch bnchs tub tubs
    """.split()  # noqa: SIM905 (a word list)
    )
    | packs.CONTAINER_WORDS
)  # ("2 bales" of "towel ea (500/BALE)": the bales hold the goods)
# words of their own that begin a longer name word: never that word cut short ("rolls" is no
# "Rolling rack", "count" no "Country Blues")
_NOT_CUT = _COMMON | frozenset(
    """
    count counts counted rack racks shelf shelves hour hours week weeks month year total cost
    price dock door aisle zone tote cart bench cooler freezer store back front floor jack night
    reserve mark marks marked provide provided providing provision relieve relieved
    obsolescence allowance
    """.split()  # noqa: SIM905 (a word list)
)
# before a single word of a name, what makes it the goods: a count ("3 AGMs", "two PLBs")
_UNIT_BETWEEN = (
    r"(?:(?:dozen|doz|gross)\s+(?:and\s+a\s+half\s+)?(?:of\s+(?:the\s+)?)?)?"
    # ("6 gal Bottomkote", "2 extra AGMs", "3 cs of Orion"): a unit or a word between
    r"(?:(?:gal|gals|qt|qts|lb|lbs|ft|oz|kg|cs|cases?|box|boxes|bx|bags?|sacks?|packs?|pk"
    r"|rolls?|bottles?|btls?|cans?|jars?|tubs?|bunch(?:es)?|bundles?|stems?|flats?|ctns?"
    r"|cartons?|units?|pcs|pieces?|pairs?|sets?|ea|each|extra|spare|loose|full|whole|more)\.?"
    r"\s+(?:of\s+(?:the\s+)?)?)?"
)
_COUNT_BEFORE = re.compile(
    # ("-1 H250", "+2 LED lights": a count sheet's signed count; "10-12" is a range)
    r"(?:(?<![/.])(?<![\w.]-)\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"[*_]*\s+"
    + _UNIT_BETWEEN
    # ("10 dead cardinals", "3 cs burger patties", "6 yellow tangs"): after a count, a word or
    # two saying which or how, never a place's or a joining word (nor a vague count: "a
    # couple AGMs" is no count)
    + r"(?:(?!(?:of|the|in|on|at|from|under|by|with|and|or|to|for|into|behind|near|off|couple"
    r"|few|several|some|bunch|handful|lot|lots|load|many|number)\b)[a-z][\w'-]*\s+){0,2}"
    # ("a dozen clowns"): an article counts only right before the goods, and "the" or "all"
    # not at all ("the vaccine fridge", "all frost burnt")
     + r"|\b(?:a|an)[*_]*\s+" + _UNIT_BETWEEN + r")$",
    re.IGNORECASE,
)
_PURE_NUMBER = re.compile(r"\d+")
_KARAT = re.compile(r"(?:8|9|10|14|18|22|24)k(?:[ywr]|t)?")
_NAME_FIGURE = re.compile(r"[1-9]\d{3}")
# ("bananas are full yellow": a sentence goes on, no name's word is skipped over)
_FUNCTION_WORDS = frozenset(
    """
    are is was were be been being has have had the and for with from into onto our their its
    this that these those got get gets very all some any but not no so then than too also
    to at by in on as
    """.split()  # noqa: SIM905 (a word list)
)
_PROPER_BEFORE = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b[A-Z][a-z]+\s+$")
_JOINED_APART = re.compile(r"[,;]\s+|\b(?:and|plus|also|but|&)\b", re.IGNORECASE)
_GLUED_TAIL = re.compile(r"-[A-Za-z]+\b(?!-)")
_FIGURE_BEFORE = re.compile(r"(?<![\w.,$/#-])(\d{4})\s+$")  # (a model year: "a 2024 calendar")
_FIGURES = re.compile(r"(?<![\w.])\d+(?:[./]\d+)?(?![\w.])")
# a figure with its measure glued on ("6qt", "20oz"): a size the name carries
_OWN_FIGURE = re.compile(r"(?<![\w.])\d+(?:[./]\d+)?[a-z]{1,3}(?![\w.])", re.I)
# "crushed under a case of water", "froze in the machine": one word of a name after a place
# word is where the goods were, not more goods
_PLACE_BEFORE = re.compile(
    # ("count on acetone gallons", "discount on the pokemon packs": what was counted)
    # ("over by 2 drills": a count's way, not crushed by something)
    r"\b(?:under|(?<!over\s)(?<!short\s)(?<!up\s)(?<!down\s)(?<!off\s)by|from|into|in"
    r"|(?<!count\s)(?<!short\s)(?<!shortage\s)(?<!shrink\s)(?<!off\s)"
    r"(?<!variance\s)(?<!nrv\s)(?<!lcm\s)(?<!down\s)(?<!reserve\s)(?<!allowance\s)"
    # ("shrinkage on reeses, 10 bx short", "shrinkge on labrets", "over on jumbos")
    r"(?<!shrinkage\s)(?<!shrinkge\s)(?<!shortfall\s)(?<!over\s)(?<!overage\s)"
    r"(?<!counts\s)(?<!up\s)on"
    r"|behind|near|beside|against|inside)\s+"
    r"(?:(?:a|an|the|\d+)\s+)?(?:[a-z]+\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
# a word that points at goods just before a figure ("the 266", "of 811 callets")
_THE_BEFORE = re.compile(r"\b(?:the|of|those|these|our)\s+$", re.I)
# "half" as a share: "and a half", "half a dozen", "half the 16", "half of them"
_FRACTION_HALF = re.compile(
    r"(?<=and\sa\s)half\b|half\s+(?:a|an|the|of|dozen|doz|those|these|them)\b"
    # ("a third of the box", "two thirds of them": a share, no third pan)
    r"|(?<=a\s)(?:third|sixth)\b|(?:third|sixth|ninth)s?\s+(?:of|a|an|the)\b",
    re.I,
)
_PACK_SIZE_AFTER = re.compile(
    r"-(?:packs?|pks?|ct|count|bottles?|btls?|cans?|pcs?|pieces?|rolls?)\b(?!-)", re.I
)
# before a figure that starts a name, what says the figure is the name's, not a count
# ("stole a 747 stapler": "a" counts one, the figure after it is the name's)
_DETERMINER = frozenset(("the", "of", "those", "these", "our", "them", "all", "a", "an"))


@lru_cache(maxsize=8192)  # (the same words come again and again)
def _norm(token: str) -> str:
    low = token.lower()
    if not low.isascii():
        low = _unaccented(low)
    fig = _FIGURE_UNIT.match(low)
    if fig:
        return fig.group(1)
    if len(low) >= 2 and low[-1] == "s" and low[-2].isdigit():
        return low[:-1]  # a model said in the plural: "ICON 22s", "Eheim 2217s", "H8s"
    if _KARAT.fullmatch(low):
        return low[: low.index("k") + 1]  # "14KY", "14kt" of "14K YG": a gold's purity
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low in _SAME_AS:
        return _SAME_AS[low]
    if low.isalpha() and len(low) >= 4 and low.endswith("ed") and low[-3] != "e":
        return low[:-1]  # "dyed" of "black dye", "sliced" of "slice" (both sides alike)
    if len(low) == 3 and low[2] == "s" and low[:2] in _TWO_LETTER_PLURALS:
        return low[:2]  # "lps", "cds", "tvs": a two-letter name word in the plural
    if low.isalpha() and len(low) > 3:
        if low.endswith(("sses", "xes", "ches", "shes")):
            low = low[:-2]
        elif low.endswith("ies") and len(low) > 4:  # ("ties", "pies": a tie, a pie)
            low = low[:-3] + "y"
        elif low.endswith("s") and not low.endswith("ss"):
            low = low[:-1]
    return _UNIT_SAID.get(low, low)


# plurals that are no name word with an "s" ("9 dice sets" of "7-Die Set")
_IRREGULAR = {
    "dice": "die", "knives": "knife", "leaves": "leaf", "loaves": "loaf", "halves": "1/2",
    "shelves": "shelf", "mice": "mouse", "teeth": "tooth", "geese": "goose", "calves": "calf",
    "scarves": "scarf", "wolves": "wolf", "hooves": "hoof", "children": "child",
}  # fmt: skip
# words a list and a counter use for one thing ("purple shampoo" of "Violet Shampoo")
_SAME_AS = {
    "violet": "purple", "adhesive": "glue", "adhesives": "glue",
    # colours as lists shorten them ("green boards" of "... POLY GRN")
    "grn": "green", "blk": "black", "wht": "white", "gry": "grey", "gray": "grey",
    "blu": "blue", "nvy": "navy", "brn": "brown", "slv": "silver", "ylw": "yellow", "org": "orange",
    # and other words as a POS shortens them ("diet coke cans" of "DT COKE 12Z CN 24PK")
    "dt": "diet", "clsc": "classic", "cn": "can", "cns": "can", "gngr": "ginger",
    "sprk": "sparkling", "choc": "chocolate", "chkn": "chicken", "wtr": "water",
    "strwb": "strawberry", "vnl": "vanilla", "pnut": "peanut",
    "half": "1/2",  # ("half gallons of whole milk" of "Whole Milk 1/2 Gal")
    "hvy": "heavy", "unsltd": "unsalted", "sltd": "salted", "powd": "powdered",
    "pwd": "powdered", "gran": "granulated", "chs": "cheese", "crm": "cream",
    "bnls": "boneless", "sknls": "skinless", "frzn": "frozen", "stk": "stick", "stks": "stick",
    "cplg": "coupling", "cplgs": "coupling", "conn": "connector", "spl": "spool",
    "sixtel": "1/6", "sixtels": "1/6",  # ("2 sixtels of gose" of "... GOSE 1/6BBL")
    # ("third pans", "sixth pans" of "PAN HOTEL SS 1/3 4IN", "... 1/6 ...")
    "third": "1/3", "thirds": "1/3", "sixth": "1/6", "sixths": "1/6", "ninth": "1/9",
    "bkt": "bucket", "bkts": "bucket", "barrel": "bbl", "barrels": "bbl",
    # ("samsung washer board" of "SAMSUNG WASHER MAIN PCB ASSY")
    "pcb": "board", "pcba": "board", "brd": "board", "assy": "assembly",
    "burner": "element", "burners": "element",  # (a range's surface element)
    "sht": "sheet", "shts": "sheet",
    # a POS's shortened words of electronics and supplies, where they are no word's start
    # ("lightning cords" of "CABLE LTG 3FT", "iphone 14 cases" of "CLEAR TPU CASE IPH14",
    # "glass cleaner" of "GLASS CLNR"; "DISP", "BATT" are found as a word's start)
    "cbl": "cable", "cbls": "cable", "chgr": "charger", "chrgr": "charger", "wrls": "wireless",
    "pwr": "power", "hdphn": "headphone", "spkr": "speaker", "drv": "drive",
    "clnr": "cleaner", "glxy": "galaxy", "iph": "iphone", "ltg": "lightning",
    "adptr": "adapter", "cord": "cable", "cords": "cable",
}  # fmt: skip
# a size said in full, as a list writes it ("large" of "Tee - Black - L")
# a size said short, as the list's names spell it in full ("lg nitrile" of "Nitrile Exam
# Gloves Large")
_SIZE_FULL = {"lg": "large", "lrg": "large", "sm": "small", "sml": "small", "med": "medium",
              "md": "medium", "xlg": "xl"}  # fmt: skip


def _size_in_full(word: str, index: _Index) -> str | None:
    full = _SIZE_FULL.get(word)
    return full if full is not None and full in index.members else None


_SIZE_SAID = {
    "small": "s", "medium": "m", "med": "m", "md": "m", "large": "l", "lg": "l", "lrg": "l",
    "sm": "s", "sml": "s", "xlg": "xl",
    "xlarge": "xl", "xxl": "2xl", "xxxl": "3xl",
}  # fmt: skip
# a measure said in full or short is one word of a name: "9 cal-mag gallons" of "... Gal"
# two-letter name words whose plural is typed with an "s" ("3 vg+ lps" of LP USED VG+ GRADE):
# only these, as "its", "has" or "pcs" are no plural of a name's "IT", "HA" or "PC"
_TWO_LETTER_PLURALS = frozenset(("lp", "cd", "tv", "ep", "pj", "ac", "uv", "dj"))
_UNIT_SAID = {
    "gallon": "gal", "gals": "gal", "quart": "qt", "qts": "qt", "pound": "lb", "lbs": "lb",
    "ounce": "oz", "foot": "ft", "feet": "ft", "inch": "in", "yard": "yd", "yds": "yd",
    # ("2-bottle gift bags" of "Two-Bottle Kraft Gift Bag")
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "eight": "8",
    "ten": "10", "twelve": "12",
}  # fmt: skip


@dataclass(frozen=True)
class _Index:
    tokens: dict[str, frozenset[str]]  # SKU -> every token of its name
    scored: dict[str, frozenset[str]]  # SKU -> the tokens that say what it is
    owners: dict[str, frozenset[str]]  # token that says what -> the SKUs whose names say it
    members: dict[str, tuple[str, ...]]  # any token -> the SKUs whose names have it
    short: dict[str, str]  # a word cut short ("parm", "avos") -> the one name word it begins
    pairs: dict[str, frozenset[tuple[str, str]]]  # SKU -> the name's words side by side
    # a name word of _TYPO_LENGTH letters or more, and it with each letter left out -> the
    # name words so spelt: a word typed one letter off ("stratocater", "mogomi") finds its own
    typos: dict[str, frozenset[str]]
    # the name words written without their vowels ("TNDRLN", "PSMO"): a word typed in full
    # whose consonants are those ("tenderloin") names one
    skeletons: frozenset[str]
    # name words a list cuts short, three or four letters ("esp" of "Coffee esp house 5#"): a
    # longer word typed that begins with one ("espresso") names it
    abbrevs: frozenset[str] = frozenset()
    # a name word's first three letters, where no other name word starts so ("mac" of
    # "Macallan"): a word cut that short names it only before another word of its name
    short3: dict[str, str] = field(default_factory=dict)
    # the end of a name word of eight letters or more, five or more, where no other name word
    # ends so ("shroom" of "MUSHROOM"): a word a counter says for the whole one
    tails: dict[str, str] = field(default_factory=dict)
    # name words of three letters or more by their consonants ("FRT", "HTR", "FNCY", "ADLT",
    # "EGGSHL", "JMBO"): a longer typed word with those consonants that the name word is
    # with letters left out ("fruit", "heaters", "fancy", "adult", "eggshell", "jumbos")
    # says one, within a run of two or more words of that name ("fruit cups" of "FRT CUP
    # MIXED") or, four letters or more, counted alone ("grizzly short 4"). (`skeletons`
    # above is the older, narrower lookup of the same kind, kept for single words.)
    consonants: dict[str, frozenset[str]] = field(default_factory=dict)
    # name words of five letters or more by their first and last letter: a longer typed word
    # that is one of them with letters left out, first and last kept, says it ("grizzly" of
    # "GRZLY", "sunglasses" of "SUNGLS")
    cut_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # name words of two letters ("SD" of "HILLS SD ADLT LG BRD"): two typed words whose
    # initials they are ("science diet") say one, within a run of two or more of its words
    pair_initials: frozenset[str] = frozenset()
    # figures a name glues to a measure of three letters or more ("433" of "433MHZ"): a
    # setting, no count ("3 short on 433 sensors")
    spec_figures: frozenset[str] = frozenset()
    # SKU -> its name's figures glued to their measure ("13gal" of "TRASH BAG 13GAL 12CT"):
    # "the 13 gal trash bags" says the name's size, no count of 13
    measured: dict[str, frozenset[str]] = field(default_factory=dict)
    # SKU -> the word a name is headed by, where the name sets its goods apart from what
    # follows ("molding" of "Windshield molding - Ford F-150", "bracket" of "ADAS camera
    # bracket - Toyota Camry", "windshield" of "Windshield - Toyota Camry w/ camera bracket")
    heads: dict[str, str] = field(default_factory=dict)
    # a typed word -> the name word it is one letter off, or None (the same words come again)
    typo_memo: dict[str, str | None] = field(default_factory=dict, compare=False)
    # a typed word -> the consonant words of the list it may be written as
    alt_memo: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)


# a count of containers ("12 cs"): never a name, though a list's name may end "CS/12"
_PACK_SAID = re.compile(rf"\d+\s*(?:{packs.PACK_SHORT}|cases?|boxe?s?|bags?)", re.I)


_PLUS_PAIR = re.compile(r"(?<![\w.])(\d+)\s*\+\s*(\d+)(?![\w.])")


_PRICED_PER = re.compile(r"\bper\s+[a-z]+\b", re.IGNORECASE)


@lru_cache(maxsize=16)
def _index(names: tuple[tuple[str, str], ...]) -> _Index:
    tokens: dict[str, frozenset[str]] = {}
    pairs: dict[str, frozenset[tuple[str, str]]] = {}
    scored: dict[str, frozenset[str]] = {}
    owners: dict[str, set[str]] = {}
    members: dict[str, list[str]] = {}
    plain: set[str] = set()
    spec_figures: set[str] = set()
    measured: dict[str, frozenset[str]] = {}
    heads: dict[str, str] = {}
    segments = _code_words(names)
    for sku, full_name in names:
        head = _head(full_name)
        if head:
            heads[sku] = head
        # ("Cymbidium orchid green, per stem": how it is priced, no goods' word; round 285 read
        # "40 stems" of peonies as the orchid)
        name = _PRICED_PER.sub(" ", full_name)
        words = [w for t in _TOKEN.findall(name) for w, _ in _words(t)]
        joined = {_norm(a + b) for a, b in _HYPHENED.findall(name)}
        joined |= {_norm(a + b) for a, b in _MODEL_HYPHENED.findall(name)}
        # "flatirons" of "Flat Iron": two words of a name typed as one
        joined |= {_norm(a + b) for a, b in pairwise(words) if a.isalpha() and b.isalpha()}
        # "sharpies" of "Sharpie" reads as "sharpy" (as "batteries" of "battery")
        joined |= {w[:-2] + "y" for w in {*words, *joined} if len(w) > 4 and w.endswith("ie")}
        # "3 cans 7018" of "Excalibur E7018", "2032 batteries" of "CR2032": a model of four
        # figures or more is typed without its letters
        joined |= {m.group(1) for m in _LETTERED_MODEL.finditer(name)}
        # "the 5A sticks" of "... Classic 5A Hickory": a size and its letter also as typed
        joined |= {t.lower() for t in _TOKEN.findall(name) if len(_words(t)) > 1}
        # "the H250" of "Hayward H250FDN Heater", "2 AC30s" of "VOX AC30C2": a model said
        # without its suffix letters
        joined |= {m.group(1).lower() for m in _MODEL_STEM.finditer(name)}
        joined |= {m.group(1) for m in _FIGURE_STEM.finditer(name)}
        # "IPH 15/15PRO": a figure over itself is no fraction but "or" (the 15 or the 15 Pro;
        # "12/3CT" stays twelve packs of three)
        joined |= {m.group(1) for m in _NO_FRACTION.finditer(name) if m.group(1) == m.group(2)}
        # ("3 extra Jaws 56 wedges" of "Callaway Jaws Raw wedge 56/10 S", "the 16/20s" of
        # "Shrimp 16/20 ct"): a pair of figures of two or more said by its first (round 267
        # read the 56 as a price)
        joined |= {m.group(1) for m in _FIGURE_PAIR.finditer(name)}
        # ("45/5 caps" of "Dual run capacitor 45+5 MFD"): a pair of figures joined by a plus
        # is typed with a slash as often
        joined |= {f"{a}/{b}" for a, b in _PLUS_PAIR.findall(name)}
        # "iphone 14" of "IPH14": a POS's short word glued to its figures
        for m in _GLUED_SHORT.finditer(name):
            if m.group(1).lower() in _SAME_AS:
                joined |= {_SAME_AS[m.group(1).lower()], m.group(2)}
        # "0w20" of "OIL FULL SYN 0W-20", "the 433 sensors" of "TPMS SENSOR 433MHZ",
        # "defenders" of "TIRE MICH DEFENDER2": a grade, a figure or a word said without
        # what the list glues to it
        joined |= {(a + b).lower() for a, b in _GRADE.findall(name)}
        # ("blk 41 pro clogs" of "... BLK EU41", "sz 42 lab coats" of "... SZ42"): a size's
        # figure said without the letters a list glues to it
        joined |= {m.group(1) for m in _SIZE_GLUED.finditer(name)}
        # ("olaplex no1" of "OLAPLEX NO.1 BOND", "grp 24f" of "BATT GRP24F"): a number's
        # label and its figure said as one word, or the list's glued one said apart
        joined |= {(a + b).lower() for a, b in _NUMBER_LABEL.findall(name)}
        # ("rose 24", "the 19 cab rsv" of "ROSE 2024 750ML", "CAB RSV 2019 1.5L"): a vintage
        # or a model year said by its last two figures
        joined |= {m.group(1) for m in _YEAR.finditer(name)}
        # ("trio 22-44" of "SIMPARICA TRIO 22.1-44LB"): a range's ends as whole figures
        joined |= {f for m in _NAME_RANGE.finditer(name) for f in m.groups()}
        specs = {m.group(1) for m in _FIGURE_LONG_UNIT.finditer(name)}
        spec_figures |= specs
        joined |= specs
        joined |= {m.group(1).lower() for m in _WORD_FIGURE.finditer(name)}
        # "12 qts of the 0w20" of "... 0W-20 1QT" beside "... 0W-20 55GAL DRUM": the measure
        # a name's figure is in (the figure alone is the word that stays)
        joined |= {m.group(1).lower() for m in _MEASURE_OF.finditer(name)}
        measured[sku] = frozenset(
            m.group(1) + _UNIT_SAID.get(m.group(2).lower(), m.group(2).lower())
            for m in _FIGURE_MEASURED.finditer(name)
        )
        # "2 jack fifths" of "JACK DANIELS 750ML": a size as the trade says it
        joined |= {word for size, said in _TRADE_SIZES for word in said if size.search(name)}
        # "2x4x8", "4x4x10s" of "2X4-8'", "4X4-10' PT": lumber's size as the yard says it
        joined |= {"x".join(m.groups()) for m in _LUMBER.finditer(name)}
        # "20in schrader tubes" of "Tube 20x1.75 schrader", "700c tubes" of "Tube 700x23c":
        # a size of two figures or more, said by its first
        for m in _DIMENSION_FIRST.finditer(name):
            joined |= {m.group(1), m.group(1) + (m.group(2) or "").lower()}
        plain.update(words)
        said = frozenset(words) | joined | _initials(name) | _brand(name) | segments.get(sku, set())
        tokens[sku] = said
        pairs[sku] = frozenset(pairwise(words))
        for t in said:
            members.setdefault(t, []).append(sku)
        scored[sku] = frozenset(t for t in said if t not in _COMMON and (len(t) > 1))
        for t in scored[sku]:
            owners.setdefault(t, set()).add(sku)
    # kitchens and counters cut words short ("16 lb parm", "2 cs avos"): the first four or
    # more letters of one name word stand for that word
    starts: dict[str, set[str]] = {}
    for word in owners.keys() & plain:  # (words as the names print them, none joined)
        if word.isalpha() and len(word) >= 5:  # ("rasps" of "RASPB 6OZ CLAM")
            for n in range(4, len(word)):
                starts.setdefault(word[:n], set()).add(word)
    short = {cut: next(iter(w)) for cut, w in starts.items() if len(w) == 1 and cut not in members}
    # ... and the end of a long one ("shrooms" of "MUSHROOM", "melons" of "WATERMELON")
    ends: dict[str, set[str]] = {}
    for word in owners.keys() & plain:
        if word.isalpha() and len(word) >= 8:
            for n in range(2, len(word) - 4):
                ends.setdefault(word[n:], set()).add(word)
    tails = {
        end: next(iter(w))
        for end, w in ends.items()
        if len(w) == 1 and end not in members and end not in _NOT_CUT and end not in fuzzy.COMMON
    }
    typos: dict[str, set[str]] = {}
    for word in owners.keys() & plain:
        if word.isalpha() and len(word) >= _TYPO_LENGTH:
            for variant in _one_out(word):
                typos.setdefault(variant, set()).add(word)
    bare = [w for w in owners.keys() & plain if len(w) >= 4 and w.isalpha() and _no_vowel(w)]
    abbrevs = frozenset(
        w
        for w in owners.keys() & plain
        if (3 <= len(w) <= 4 or _CUT_MID_WORD.search(w))
        and w.isalpha()
        and w not in _NOT_CUT
        and w not in fuzzy.COMMON
    )
    starts3: dict[str, set[str]] = {}
    for word in owners.keys() & plain:
        if word.isalpha() and len(word) >= 5:
            starts3.setdefault(word[:3], set()).add(word)
    short3 = {
        cut: next(iter(w))
        for cut, w in starts3.items()
        if len(w) == 1 and cut not in members and cut not in fuzzy.COMMON and cut not in _NOT_CUT
    }
    said_as: dict[str, set[str]] = {}
    for w in owners.keys() & plain:
        if len(w) >= 3 and w.isalpha() and w not in _NOT_CUT:
            for key in _consonant_keys(w):
                said_as.setdefault(key, set()).add(w)
    consonants = {key: frozenset(words) for key, words in said_as.items()}
    # ... and those of five letters or more by their first and last letters ("LTR", "BRST"
    # are too short, "GRZLY", "SUNGLS", "WNTRGRN" are not: "grizzly", "sunglasses")
    ends_at: dict[str, set[str]] = {}
    for w in owners.keys() & plain:
        if len(w) >= 5 and w.isalpha() and w not in _NOT_CUT:
            ends_at.setdefault(w[0] + w[-1], set()).add(w)
    cut_words = {key: frozenset(words) for key, words in ends_at.items()}
    pair_initials = frozenset(w for w in owners.keys() & plain if len(w) == 2 and w.isalpha())
    return _Index(
        tokens,
        scored,
        {t: frozenset(s) for t, s in owners.items()},
        {t: tuple(s) for t, s in members.items()},
        short,
        pairs,
        {v: frozenset(w) for v, w in typos.items()},
        frozenset(bare),
        abbrevs,
        short3=short3,
        tails=tails,
        consonants=consonants,
        cut_words=cut_words,
        pair_initials=pair_initials,
        spec_figures=frozenset(spec_figures),
        measured=measured,
        heads=heads,
    )


# where a name's goods end and what qualifies them begins: " - ", a comma, "w/", "(": the
# last word before it is what the goods are ("Windshield molding - Ford F-150" is a molding)
_TITLE_END = re.compile(r"\s[-\u2013]\s|,|\s(?:w/|with\s)|\(", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[A-Za-z]{3,}")


def _head(name: str) -> str | None:
    """The word a name's title ends on, when the name has a title set apart (above)."""
    cut = _TITLE_END.search(name)
    if cut is None:
        return None
    words = _TITLE_WORD.findall(name, 0, cut.start())
    return _norm(words[-1]) if words else None


# sizes a trade says by a name of their own: a bottle's ("a handle of titos", "fifths",
# "nips", "half pints"), a keg's ("a halfie", "a pony")
_TRADE_SIZES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(size, re.IGNORECASE), said)
    for size, said in (
        (r"(?<![\d.])750\s?ml\b", ("fifth",)),
        (r"(?<![\d.])1\.75\s?(?:l|ltr|liter|litre)\b", ("handle",)),
        (r"(?<![\d.])375\s?ml\b", ("pint",)),
        (r"(?<![\d.])200\s?ml\b", ("halfpint",)),
        (r"(?<![\d.])50\s?ml\b", ("nip", "mini")),
        (r"(?<![\d.])1\.5\s?(?:l|ltr|liter|litre)\b", ("mag", "magnum")),
        (r"(?<![\d./])1\s?(?:l|ltr|liter|litre)\b", ("liter",)),
        (r"(?<![\d.])1/2\s?bbl\b", ("halfie", "halfy")),
        (r"(?<![\d.])1/4\s?bbl\b", ("pony",)),
    )
)
_NO_FRACTION = re.compile(r"(?<![\d/.])(\d{1,4})/(\d{1,4})(?![\d/])")
_FIGURE_PAIR = re.compile(r"(?<![\d/.])(\d{2,4})/\d{1,4}(?![\d/])")
_GLUED_SHORT = re.compile(r"\b([A-Za-z]{2,5})(\d{1,3})\b")
# a size of three figures, as a yard writes its boards ("2x6x8")
_THREE_FIGURE_SIZE = re.compile(r"(?<![\w.])\d{1,2}[xX]\d{1,2}[xX]\d{1,2}(?![\w.])")
# a size of two figures or more, its first and the letters its last ends in ("700x23-25c")
_DIMENSION_FIRST = re.compile(
    r"(?<![\w.])([1-9]\d{1,3})(?:\.\d+)?\s?[xX]\s?\d[\d./-]*([a-z]{1,2})?\b", re.I
)
# a board's size as a list writes it: thickness x width - length in feet
_LUMBER = re.compile(r"\b(\d{1,2})\s*[xX]\s*(\d{1,2})\s*-\s*(\d{1,2})\s*'")
# a model's stem: letters, then figures, then more letters ("H250FDN" -> "H250", "AC30C2")
_MODEL_STEM = re.compile(r"\b([A-Za-z]{1,3}\d{2,4})[A-Za-z]+\d*\b")
# ... or figures then letters ("990V6", "1875T"): the figures ("990s")
_FIGURE_STEM = re.compile(r"\b(\d{3,4})[A-Za-z]{1,2}\d?\b(?!\s*(?:oz|ml|lb|in|ft|mm|gal|pk|ct)\b)")
# a name word of five letters or more that ends between two consonants ("STRAWB", "PHOTOCHR"):
# cut short mid-word, the way a POS writes a long word
_CUT_MID_WORD = re.compile(r"^[a-z]{3,}[^aeiouy\W\d][^aeiouy\W\d]$")
_SIZE_GLUED = re.compile(r"\b(?:EU|US|UK|SZ|SIZE)(\d{1,2}(?:\.5)?)\b", re.I)
_NAME_RANGE = re.compile(r"(?<![\d.])(\d{1,3})(?:\.\d)?-(\d{1,3})(?:\.\d)?(?=[a-z]*\b)", re.I)
_GRADE = re.compile(r"\b(\d{1,2}[A-Za-z])-(\d{1,3})\b")
_FIGURE_LONG_UNIT = re.compile(r"\b(\d{2,4})[A-Za-z]{3,4}\b")
_FIGURE_MEASURED = re.compile(
    r"\b(\d+(?:\.\d+)?)\s?(qt|gal|lb|oz|pk|ct|in|ft|mm|cm|ml|l|v|w|yd|pc|cu)\b", re.I
)
_MEASURE_OF = re.compile(r"\b\d+(?:\.\d+)?(qt|gal|lb|oz|pk|ct)\b", re.I)
_YEAR = re.compile(r"(?<![\d.,/-])(?:19(?=[5-9])|20(?=[0-4]))(\d\d)(?![\d.,/-])")
_NUMBER_LABEL = re.compile(
    r"\b(no|nr|num|grp|gr|group|type|size|sz|mk|series)[.\s#]{1,2}(\d{1,3})\b", re.I
)
_WORD_FIGURE = re.compile(r"\b([A-Za-z]{4,})\d{1,2}\b")
_SEGMENT = re.compile(r"[A-Za-z][A-Za-z0-9]{2,}|\d+[A-Za-z][A-Za-z0-9]*")


def _code_words(names: tuple[tuple[str, str], ...]) -> dict[str, set[str]]:
    """The parts of each code that staff say for the goods, when no other code has them and
    no name says them ("3 IF3s" of PEN-IF3-011018, "alf bales" of HAY-ALF-SQ, "the FX2" of
    TRK-FX2-M): letters with or without figures, three or more, no plain word of a list."""
    found: dict[str, set[str]] = {}
    for sku, _ in names:
        for part in _SEGMENT.findall(sku):
            word = _norm(part)
            if (
                len(word) >= 3
                and not word.isdigit()
                and word not in _NOT_CUT
                and word not in fuzzy.COMMON
                and word != _norm(sku)
            ):
                found.setdefault(word, set()).add(sku)
    named = {w for _, name in names for t in _TOKEN.findall(name) for w, _ in _words(t)}
    out: dict[str, set[str]] = {}
    for word, skus in found.items():
        if len(skus) == 1 and word not in named:
            out.setdefault(next(iter(skus)), set()).add(word)
    return out


def _bare_word(word: str, index: _Index) -> str | None:
    """The name word written without vowels ("tndrln") that `word` ("tenderloin") spells out
    in full, or None."""
    bare = _skeleton(word) if len(word) >= 5 else ""
    return bare if bare in index.skeletons else None


def _abbreviated(word: str, index: _Index) -> str | None:
    """The name word a list cut short ("esp") that `word` ("espresso") begins with, or None."""
    if len(word) < 6 or not word.isalpha() or not index.abbrevs:
        return None
    if word.endswith(("ing", "ed")):
        stem = word[:-3] if word.endswith("ing") else word[:-2]
        if stem[-1] == stem[-2] and stem[:-1] in index.abbrevs:
            # ("the cutting counter" of "OLFA CUT MAT": the word's own verb; "ceiling" is CEIL)
            return None
    for n in (4, 3):
        if word[:n] in index.abbrevs:
            return word[:n]
    # ("strawberry jam" of "JAM STRAWB", "photochromic" of "PHOTOCHR"): a longer word cut
    # between two consonants, three letters or more short of the word typed
    for n in range(len(word) - 3, 4, -1):
        if word[:n] in index.abbrevs:
            return word[:n]
    return None


def _no_vowel(word: str) -> bool:
    return not any(ch in "aeiouy" for ch in word)


def _skeleton(word: str, vowels: str = "aeiouy") -> str:
    """A word's consonants in order, a letter said twice said once ("tenderloin" -> "tndrln")."""
    out: list[str] = []
    for ch in word:
        if ch not in vowels and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def _alternatives(word: str, index: _Index) -> tuple[str, ...]:
    """The list's consonant words `word` may be written as ("fruit" -> FRT, "fancy" -> FNCY,
    "wheel" -> WHL), the word not one of them itself."""
    if not (index.consonants or index.cut_words) or len(word) < 4 or not word.isalpha():
        return ()
    if word in index.alt_memo:
        return index.alt_memo[word]
    if len(index.alt_memo) > 4096:
        index.alt_memo.clear()
    forms = {_skeleton(word), *_consonant_keys(word)}
    listed = {w for f in forms for w in index.consonants.get(f, ())}
    if word not in index.members:  # ("brisket" is a name word: no "BRST" of breast)
        # (its consonants all said, one at most left out: "separately" is no SPRAY)
        listed |= {
            w
            for w in index.cut_words.get(word[0] + word[-1], frozenset())
            if _one_out_of(_skeleton(w), _skeleton(word))
        }
    said = {
        w
        for w in listed
        # (a list drops letters, never adds or swaps them: "JMBO" of "jumbo", never
        # "bread" of "BOARD")
        if len(w) < len(word) and _within(w, word) and not word.startswith(w)
    }  # (a word's start is a cut of it, read elsewhere: "rib" of "ribeye" is no RIB)
    found = index.alt_memo[word] = tuple(sorted(said))
    return found


def _one_out_of(short: str, full: str) -> bool:
    """Whether `short` is `full` or `full` with one letter left out."""
    return short == full or (
        len(full) == len(short) + 1
        and any(full[:i] + full[i + 1 :] == short for i in range(len(full)))
    )


def _within(short: str, word: str) -> bool:
    """Whether `short` is `word` with letters left out, its first letter kept."""
    if short[:1] != word[:1]:
        return False
    letters = iter(word)
    return all(ch in letters for ch in short)


def _consonant_keys(word: str) -> tuple[str, str]:
    """A word by its first letter and its consonants after it, a letter said twice said once,
    "y" a vowel and not, a silent "gh" left out ("eggshell", "EGGSHL" -> "egshl"; "fancy" ->
    "fnc", "fncy"; "upright", "UPRT" -> "uprt"; "lighter", "LTR" -> "ltr")."""
    rest = word[1:].replace("gh", "")
    return word[0] + _skeleton(rest), word[0] + _skeleton(rest, "aeiou")


def _typed_initials(typed_words: list[str]) -> set[str]:
    """The initials of each two words typed side by side (for the check of a message's words
    against a list's before any is read)."""
    words = [w.lower() for w in typed_words]
    return {a[0] + b[0] for a, b in pairwise(words) if len(a) >= 3 and len(b) >= 3}


# words that join or tell, never a name's word: their initials spell nothing
_NO_INITIAL = frozenset(
    ("has", "had", "have", "was", "were", "are", "the", "and", "for", "with", "from", "that",
     "this", "our", "not", "but", "its", "all", "any", "can", "did", "does", "got", "get",
     "says", "said", "shows", "showed", "system", "books", "only", "also", "just")
)  # fmt: skip


def _initials_of(text: str, toks: list[tuple[str, int, int]], j: int, index: _Index) -> str:
    """The two-letter name word that toks[j] and toks[j + 1], two words of three letters or
    more side by side, are the initials of ("science diet" -> SD), or ""."""
    if not index.pair_initials or j + 1 >= len(toks) or not _joined(text, toks, j + 1):
        return ""
    a, b = toks[j][0], toks[j + 1][0]
    if len(a) < 3 or len(b) < 3 or not (a.isalpha() and b.isalpha()):
        return ""
    if a.lower() in _NO_INITIAL or b.lower() in _NO_INITIAL:
        return ""  # ("system has 20": no "SH" of "500sh/RM" there)
    pair = a[0] + b[0]
    return pair if pair in index.pair_initials else ""


_TYPO_LENGTH = 5  # (shorter words sit one letter from too many others)


def _one_out(word: str) -> set[str]:
    """`word` and `word` with each letter but the first left out."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(1, len(word))}


def _typo_of(word: str, index: _Index) -> str | None:
    """The one name word `word` is typed one letter off (a letter left out, one too many,
    one changed or two swapped; the first letter as typed), or None."""
    if len(word) < _TYPO_LENGTH or not word.isalpha() or word in fuzzy.COMMON:
        return None
    if word in index.typo_memo:
        return index.typo_memo[word]
    if len(index.typo_memo) > 4096:
        index.typo_memo.clear()
    found = index.typo_memo[word] = _typo_search(word, index)
    return found


def _typo_search(word: str, index: _Index) -> str | None:
    found: set[str] = set()
    for variant in _one_out(word):
        found |= index.typos.get(variant, frozenset())
    found = {w for w in found if w[0] == word[0]}
    return next(iter(found)) if len(found) == 1 else None


_NAME_WORDS = re.compile(r"[A-Za-z]{3,}")


# a size and its width or fitting glued ("10D", "9.5W", "8B", "2E"): two words of a name
# that prints them apart ("10 D")
_SIZE_WIDTH = re.compile(r"(\d+(?:\.\d+)?)([a-z]{1,2})", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _unaccented(word: str) -> str:
    """`word` without its accents ("rosé" -> "rose", "côtes" -> "cotes")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _words(token: str) -> list[tuple[str, tuple[int, int]]]:
    """The name words of one token, each with its span in the token."""
    word = _norm(token)
    glued = _SIZE_WIDTH.fullmatch(token)
    if glued and word == token.lower():  # (not a unit, "12v", nor a plural, "22s")
        return [(glued.group(1), glued.span(1)), (glued.group(2).lower(), glued.span(2))]
    return [(word, (0, len(token)))]


# the words of a name before its first comma, bracket or figure: "Compound microscope" of
# "Compound microscope 40-400x LED"
_NAME_HEAD = re.compile(r"^[^,(/\d]*[a-z]", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _head_word(name: str) -> str:
    """The last word of a name's head, as a name word is read ("microscope")."""
    head = _NAME_HEAD.match(name)
    if head is None or name.isupper():
        # (a till's name in capitals is a row of words, no phrase: "BAGS&BRDS COMIC 100CT"
        # holds bags and boards for comics)
        return ""
    tokens = _TOKEN.findall(head.group(0))
    # (one word alone is as often the brand: "Smith 4D MAG goggle")
    return _norm(tokens[-1]) if len(tokens) >= 2 else ""


def _capitals(token: str) -> bool:
    """Whether a token is typed in capitals, as initials are: "FBS", "PRVs" (a plural)."""
    return token.isupper() or (len(token) >= 3 and token[-1] == "s" and token[:-1].isupper())


def _initials(name: str) -> frozenset[str]:
    """The initials of three or four capitalised words in a row ("Rhode Island Red" -> "^rir"):
    counters write a breed or a brand that way ("2 doz RIR chicks"); only in capitals ("4 hrs"
    is no "Hershey's Rainbow Sherbet"). Three words of a kind in a row, however the list
    cases them, are initialled too ("2 PRVs" of "Watts pressure reducing valve": round 263)."""
    words = [m.group(0) for m in _NAME_WORDS.finditer(name)]
    out = set()
    for n in (3, 4):
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if all(w[0].isupper() for w in run) or (
                n == 3 and not any(w.lower() in _FUNCTION_WORDS for w in run)
            ):
                out.add("^" + "".join(w[0] for w in run).lower())
    return frozenset(out)


# capitals the floor types for other things than goods ("RMA", "BOL", "NRV"): never initials
# of a list's name
_FLOOR_CAPITALS = frozenset(
    """
    rma bol nrv pos qoh soh wms erp eta fyi asn plt sku upc doa oos asap lol idk tbd eod eom
    ytd mtd qtd fifo lifo cogs ooo pto omg wtf btw imo tbh afaik nvm
    """.split()  # noqa: SIM905 (a word list)
)


_BRAND = re.compile(r"(?=\b([A-Z][a-z]{2,})[\s-]+([A-Z][a-z]{2,})\b)")


def _brand(name: str) -> frozenset[str]:
    """The initials of two capitalised words side by side, a brand or a kind ("Instant Ocean
    Sea Salt" -> "IO", "Tula Pink Fat Quarter Bundle" -> "FQ"), kept apart from words
    ("^io"): only those two capitals typed as such say it ("20 IO buckets", "4 Tula Pink FQ
    bundles"), never "io" or "Io" in a sentence."""
    return frozenset(
        "^" + m.group(1)[0].lower() + m.group(2)[0].lower() for m in _BRAND.finditer(name)
    )


@dataclass(frozen=True)
class Match:
    sku: str
    said: str  # the words of the message read as the item
    start: int
    end: int
    weak: bool
    tail: int = 0  # letters glued on after the name ("-packs" of "30-packs"), in the span
    of: tuple[str, ...] = ()  # the items whose names the words say as fully as each other


@dataclass(frozen=True)
class Rewritten:
    text: str
    matches: tuple[Match, ...] = ()
    scrubbed: tuple[Match, ...] = ()  # names said beside their code, their figures taken out
    unsure: tuple[Match, ...] = ()  # names several items share, their figures taken out
    # goods named by a word several items' names share, none said more fully ("2 chemex
    # brewers" of a Chemex coffeemaker and Chemex filters): the text as it was, the item asked
    ambiguous: tuple[Match, ...] = ()
    # a word only another item's name says, right beside a typed code ("sachet 0857201004123"
    # of a hot chocolate tin): the code and the word disagree
    conflicts: tuple[Match, ...] = ()


# the way a count is off, said right after the goods counted or the count ("9 crossbacks
# light", "came up 4 short"): no name's word (round 280 read "light" as "Bistro string lights")
_COUNT_WAYS = frozenset(("light", "short", "heavy", "shy", "long", "over", "under"))
_COUNTED_BEFORE = re.compile(
    r"(?:\b\d{1,5}\s+[a-z][a-z'-]*s|\b(?:came\s+up|is|was|are|were|we'?re|'s)\s+\d{1,5})\s+$",
    re.IGNORECASE,
)


def rewrite(
    text: str, names: Mapping[str, str], reason: Callable[[str], bool] = lambda _: False
) -> Rewritten:
    """`text` with each run of words that names one item of the list replaced by its code.
    `reason`: whether words name a reason ("short" of "short 3 boxes" is no "Short rib")."""
    if not names:
        return Rewritten(text)
    index = _index(tuple(names.items()))
    typed_words = _TOKEN.findall(text)
    words = {w for t in typed_words for w, _ in _words(t)} | {t.lower() for t in typed_words}
    # ("oat milk" of "Oatmilk")
    words |= {_norm(a + b) for a, b in pairwise(typed_words) if a.isalpha() and b.isalpha()}
    words |= {"^" + _norm(t) for t in typed_words if _capitals(t)}  # ("FBS": initials)
    if (
        words.isdisjoint(index.owners)
        and words.isdisjoint(index.short)
        and words.isdisjoint(index.tails)
        and words.isdisjoint(index.short3)
        and not any(_typo_of(w, index) for w in words)
        and not (index.skeletons and any(_skeleton(w) in index.skeletons for w in words))
        and not any(_alternatives(w, index) for w in words)
        and not (index.pair_initials and _typed_initials(typed_words) & index.pair_initials)
        and not (index.abbrevs and any(_abbreviated(w, index) for w in words))
    ):
        return Rewritten(text)  # no word that says what an item is: nothing to match (most)
    typed: set[str] = set()
    typed_at: list[int] = []
    typed_spans: list[tuple[int, int]] = []
    toks: list[tuple[str, int, int]] = []
    strangers: list[tuple[int, int]] = []  # codes the list does not know: "WR49X10283"
    per_end = -1  # where the last count per container ("12/cs") ends
    for chunk in _CHUNK.finditer(text):
        code = chunk.group(0).strip(_PUNCT)
        if code[:1] == "#" and code[1:] in names:
            code = code[1:]  # ("#UCP-208": the code, numbered)
        if code in names:  # a code the list knows, as the list writes it: its letters are no name
            typed.add(code)
            typed_at.append(chunk.start())
            typed_spans.append((chunk.start(), chunk.start() + len(chunk.group(0).rstrip(_PUNCT))))
            continue
        if (
            (_CODE_SHAPE.fullmatch(code) or _LETTER_CODE.fullmatch(code))
            and _norm(code) not in index.members
            and not _REFERENCE_BEFORE.search(text, max(0, chunk.start() - 12), chunk.start())
        ):
            strangers.append(chunk.span())
        for m in _TOKEN.finditer(chunk.group(0)):
            glued = m.group(0).lower()
            split = _words(m.group(0))
            if len(split) > 1 and glued in index.owners:
                split = [(glued, (0, len(glued)))]  # ("5A" of one name, "5B" of another)
            elif (
                glued[-1:] == "s"
                and glued[:-1] in index.owners
                and (not glued[:-1].isalpha() or m.group(0)[:-1].isupper())
            ):
                # ("8 26As", "ti84s": models, plural; "duracell AAs": capitals, plural)
                split = [(glued[:-1], (0, len(glued)))]
            for word, (a, b) in split:
                at = chunk.start() + m.start() + a
                if word[:1].isdigit() and _MONEY_BEFORE.search(text, max(0, at - 4), at):
                    continue  # ("$12S", "USD40x"): money, however glued, is no name's figure
                if at < per_end:
                    continue  # the container of a count per container ("/slv" of "50/slv")
                if word in ("reserve", "reserves") and _RESERVE_NAME_BEFORE.search(
                    text, max(0, at - 24), at
                ):
                    continue  # ("the obsolescence reserve" is no GRUYERE RESERVE)
                if m.group(0).lower() in _COUNT_WAYS and _COUNTED_BEFORE.search(
                    text, max(0, at - 40), at
                ):
                    continue  # ("count came up 9 crossbacks light": a way, no string light)
                per = word.isdigit() and _PER_CONTAINER_AFTER.match(text, at + len(word))
                if per:
                    per_end = per.end()
                    continue  # ("pizza 12/cs"): a container's count, no name's figure
                if word in ("1/2", "1/3", "1/6", "1/9") and _FRACTION_HALF.match(text, at):
                    continue  # "a dozen and a half wire cutters": no Half Shelf
                if (
                    _capitals(m.group(0))
                    and "^" + word in index.members
                    and word not in index.members
                    and word not in _FLOOR_CAPITALS
                ):
                    word = "^" + word  # "IO", "RIR": initials, typed as such
                elif word not in index.members and word not in _NOT_CUT and not reason(word):
                    # "parm": a name word cut short; "stratocater": one typed a letter off
                    typed_as = m.group(0).lower()  # ("pils" of "Pilsner": no "pil")
                    word = (
                        (
                            None
                            if word in fuzzy.COMMON  # ("sold")
                            else index.short.get(word)
                            or index.short.get(typed_as)
                            or index.tails.get(word)
                            # ("4 scopes light" of "Compound microscope": the end, plural)
                            or (index.tails.get(word[:-1]) if word[-1:] == "s" else None)
                            # ("6 avos" of "AVOCADO": three letters and the plural's "s")
                            or (
                                index.short3.get(word)
                                if typed_as in (word + "s", word + "es")
                                else None
                            )
                        )
                        or _typo_of(word, index)
                        or _bare_word(word, index)
                        or _abbreviated(word, index)
                        or _size_in_full(word, index)
                        or word
                    )
                toks.append((word, at, chunk.start() + m.start() + b))
    toks = _cut_before_name_word(text, toks, index)
    toks = _typed_apart(text, toks, index)
    found: list[Match] = []
    scrub: list[Match] = []
    unsure: list[Match] = []
    ambiguous: list[Match] = []
    conflicts: list[Match] = []
    sized: list[Match] = []  # names said with their own figures, the goods not sure
    i = 0
    while i < len(toks):
        best = _best_run(text, toks, i, index, reason)
        if (
            best is not None
            and best[0].weak
            and not best[0].of
            and _said_better(text, toks, i, best, index, reason)
        ):
            best = None  # ("2 bags of bread flour": "bread flour" names the goods, not "bag bread")
        if best is not None and any(
            a <= best[0].start and best[0].end <= b and (a, b) != (best[0].start, best[0].end)
            for a, b in strangers
        ):
            best = None  # ("6308-2RS" of "Ball bearing 6205-2RS": part of another code)
        if best is None:
            i += 1
            continue
        if best is not None and best[0].weak and best[0].of:
            # ("4 scopes light" of "Compound microscope 40-400x" and "Microscope slides,
            # 72/bx": the goods a name is of, its head word; the other's only says what for)
            said = _norm(best[0].said)
            heads = [
                c
                for c in best[0].of
                if (head := _head_word(names[c]))
                and (head == said or (len(said) >= 5 and head.endswith(said.removesuffix("s"))))
            ]
            if len(heads) == 1:
                best = (replace(best[0], sku=heads[0], of=()), best[1])
        if best[0].weak and best[0].of:
            # a word several names share: the goods may be any of them (the words after it
            # are read again: "chemex filters" names one)
            if not typed and _goods_word(text, best[0], reason):
                ambiguous.append(best[0])
            i += 1
            continue
        # "SKU-410 3 cases, 12 mugs per case": the code said, its name is the same goods;
        # beside a code, one word of another name is no sign of other goods
        # "3 WR49X10283 washer pumps": goods named by a code the list does not know are not
        # another item whose name they share
        beside = any(_next_to(text, best[0], span) for span in strangers) or any(
            _one_sentence(text, best[0].start, at)
            # ("the Juki TL-2010Q is dead and the demo Bernina 475 QE has a cracked bed": a
            # name said in full, joined to the code's goods by "and", is other goods)
            and (
                not _JOINED_APART.search(text, *sorted((best[0].start, at)))
                # ("24 Type Y bags and 12 XFF350 filters": counted goods of their own)
                or (best[0].weak and not _counted_goods(text, best[0]))
            )
            for at in typed_at
        )  # "seed packets: 120 of 073561204119": the code said names the goods
        hit = best[0]
        if hit.of:
            said_code = [c for c in hit.of if c in typed]
            if len(said_code) == 1 and _scrubbable(text, hit, names.get(said_code[0], "")):
                # ("1 oud 75 (CSD1075)" of the 75ml and its tester: the code said picks it,
                # the name's figures are no count)
                scrub.append(Match(said_code[0], hit.said, hit.start, hit.end, False, hit.tail))
            elif not beside and _FIGURES.search(hit.said):
                unsure.append(hit)
            elif not beside and not typed and _goods_word(text, hit, reason):
                ambiguous.append(hit)  # "2 fence chargers" of a solar and an AC charger
            i = best[1]
            continue
        figure = _FIGURE_BEFORE.search(text, max(0, hit.start - 12), hit.start) or (
            _own_figure_before(text, hit.start)
        )
        if hit.weak and not typed and figure and _norm(figure.group(1)) in index.tokens[hit.sku]:
            # "nobody will buy a 2024 calendar" of "2024 Desk Pad Calendar": the figure
            # before one word of the name is the name's own, not a count of it
            hit = Match(hit.sku, text[figure.start(1) : hit.end], figure.start(1), hit.end, True)
        if hit.sku in typed:
            # "Quest 3 demo unit (899-00581)": the code said, its name's figures are no count
            if _scrubbable(text, hit, names.get(hit.sku, "")):
                scrub.append(hit)
        elif (
            not beside
            and not (
                # one word of a name: only as counted goods, never a reason's word ("short"),
                # nor a proper name's ("the World Cup promo labels", "Hope Street shelter")
                hit.weak
                and (
                    (typed and not _apart_from_codes(text, hit, typed_at))
                    # (one word: "short" of "short 3 boxes"; "hurricane ties" names the ties)
                    or (
                        (reason(hit.said) or _reason_begins(text, hit, reason))
                        and " " not in hit.said.strip()
                        and not _formula_beside_a_reason(text, hit, reason)
                    )
                    or not _counted_goods(text, hit)
                    or _proper_before(text, hit, index)
                    or _amount_word(text, hit)
                )
            )
            and not _PACK_SAID.fullmatch(hit.said)
        ):
            found.append(hit)
        elif hit.weak and not beside and not typed and _goods_word(text, hit, reason):
            # "the yirgacheffe got wet, $80": one word only this item's name says, not
            # counted: maybe the goods, maybe not (the card asks; its cost said picks it)
            ambiguous.append(Match("", hit.said, hit.start, hit.end, True, hit.tail, (hit.sku,)))
            if _OWN_FIGURE.search(hit.said) or (
                hit.said.isdigit() and _THE_BEFORE.search(text, max(0, hit.start - 8), hit.start)
            ):
                # "buyer says the 6qt all-clads are dead" of "All-Clad 6qt Saute Pan": maybe
                # the goods, but the figure is the name's either way, never 6 quarts
                sized.append(hit)
        elif (
            # (or several words of its name: "2 ZOL-AEDP vital signs monitors" of an AED, with
            # a vital signs monitor in the list; round 325 drafted the AED, sure)
            (hit.weak or " " in hit.said.strip())
            and not reason(hit.said)
            # (a word, no figure: "the 25 CHR-009"; or several, a figure glued to its measure
            # among them: "1804PRS 6in spray bodies" of the 4in body, round 329)
            and (
                hit.said.replace(" ", "").isalpha()
                or (" " in hit.said.strip() and not any(w.isdigit() for w in hit.said.split()))
            )
            and packs.holder(hit.said) is None  # ("2 bolts LIN-90": what holds the goods)
            and _foreign_to(hit, typed, index)
            and any(_next_to(text, hit, span) for span in typed_spans)
        ):
            # "sachet 0857201004123 x 10": a word only another item's name says, right beside
            # the code: which item is it? (the card asks)
            conflicts.append(hit)
        i = best[1]
    # ("a handle of titos": "handle" says several items, "titos" picks one of them)
    ambiguous = [
        a
        for a in ambiguous
        if not any((m.start < a.end and a.start < m.end) or m.sku in a.of for m in found)
    ]
    sized = [m for m in sized if not any(f.start < m.end and m.start < f.end for f in found)]
    # ("1 sheet pan of croissants", "a rack of dinner rolls"): an item the list has, said as
    # what holds other goods named after "of", is the container, not the goods
    goods_at = {m.start for m in (*found, *ambiguous)}
    found = [
        m
        for m in found
        if not ((of := _OF_AFTER.match(text, m.end)) and of.end() in goods_at and m.weak)
        and not (of and of.end() in goods_at and packs.holder(m.said.split()[-1]) is not None)
    ]
    found = [_count_left_out(m, names.get(m.sku, "")) for m in found]
    one = _the_one(text, found, typed, scrub, unsure, ambiguous)
    if one is not None:
        found, ambiguous = [one], []
    if not found and not scrub and not unsure and not sized:
        return Rewritten(text, ambiguous=tuple(ambiguous), conflicts=tuple(conflicts))
    out: list[str] = []
    last = 0
    for done in sorted([*found, *scrub, *unsure, *sized], key=lambda m: m.start):
        if done.start < last:
            continue  # (the one item said, picked again from the sized: written once)
        if done in sized and done not in found:
            # ("the 266 is short by 7 boxes" of "Std 266 Dk Brown": no price of 266)
            blank = _FIGURES if done.said.isdigit() else _OWN_FIGURE
            said = blank.sub(lambda f: " " * len(f.group(0)), text[done.start : done.end])
        else:
            said = (
                done.sku
                if done in found
                # ("(cola 20oz)", "aa 4pk" beside their code: the name's figures, glued to
                # their measure or not, are no count)
                else _blank_name_figures(text[done.start : done.end], done.sku, index)
            )
        glued = text[done.start - 1 : done.start]
        if done in found and glued and (glued.isalnum() or glued in "-/_'"):
            said = " " + said  # ("the old-edition real books": no "old-00240221", a number)
        out += [text[last : done.start], said]
        last = done.end
    out.append(text[last:])
    return Rewritten(
        "".join(out), tuple(found), tuple(scrub), tuple(unsure), tuple(ambiguous), tuple(conflicts)
    )


def _count_left_out(match: Match, name: str) -> Match:
    """`match` without a count of containers it ends in ("holiday gift packs 2 cs" of "...
    w/2 Glasses CS/6": the name's words, then a count of its cases, which stays a count).
    Not when the container is the goods the name says ("iphone 14 cases" of "CLEAR TPU CASE
    IPH14": the cases are the goods, the 14 their model)."""
    tail = _COUNT_TAIL.search(match.said)
    if tail is None or tail.start() == 0 or match.tail:
        return match
    word = packs.holder(tail.group(1))
    if word is not None and word in {
        packs.holder(w) for w in _WORDS_OF.findall(_PACK_NOTE.sub(" ", name))
    }:
        return match
    said = match.said[: tail.start()]
    return replace(match, said=said, end=match.start + len(said))


# a count of containers at the end of words read as a name: " 2 cs", " 12 bx", " 3 cases"
# (never a figure glued to its pack, "80ct", "12pk": the name's own)
_COUNT_TAIL = re.compile(r"\s+\d+\s+(cs|ctn|bx|bg|bdl|cases?|boxe?s?|bags?)$", re.I)
_WORDS_OF = re.compile(r"[a-z]+", re.I)
# a list's pack written short after the name ("CS/6", "BX/100"): no word of the goods
_PACK_NOTE = re.compile(rf"(?<![\w/])(?:{packs.PACK_SHORT})\s*/\s*\d+\b", re.I)


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _blank_name_figures(said: str, sku: str, index: _Index) -> str:
    """`said` with its figures blanked, and those glued to a measure the name has too."""
    return _OWN_FIGURE.sub(
        lambda f: _spaces(f) if _measured(f.group(0), sku, index) else f.group(0),
        _FIGURES.sub(" ", said),
    )


def _measured(said: str, sku: str, index: _Index) -> bool:
    """Whether `said` ("20oz", "4pk") is a figure and its measure the item's name has."""
    m = _FIGURE_MEASURED.fullmatch(said)
    if m is None or not sku:
        return False
    return m.group(1) + _UNIT_SAID.get(
        m.group(2).lower(), m.group(2).lower()
    ) in index.measured.get(sku, ())


def _cut_before_name_word(
    text: str, toks: list[tuple[str, int, int]], index: _Index
) -> list[tuple[str, int, int]]:
    """`toks` with a word cut short ("mac 18" of "Macallan 18yr") or written out ("hurricane
    ties" of "HURR TIE"), even a reason's word, read as the name word it stands for when the
    next word is a word of that name too."""
    out = list(toks)
    for k in range(len(toks) - 1):
        word, start, end = toks[k]
        if word in index.members or not word.isalpha() or len(word) < 3:
            continue
        if text[end : toks[k + 1][1]] != " ":
            continue
        full = index.short3.get(word) or index.short.get(word) or _abbreviated(word, index)
        if full is None:
            continue
        after = toks[k + 1][0]
        if any(after in index.tokens[sku] for sku in index.members.get(full, ())):
            out[k] = (full, start, end)
    return out


# ("the superpump on the demo stand seized up", "cut into the prosciutto"): one thing, named
_ONE_BEFORE = re.compile(r"\b(?:the|a|an|our|this|that|my)\s+(?:[a-z]+\s+){0,2}$", re.I)
# a figure that may be a count or an amount ("24in", "#4471" are a size and a number)
_ANY_FIGURE = re.compile(r"(?<![\w.#/])\d+(?:[.,]\d+)?(?![\w.%/])|\$\s?\d")


def _the_one(
    text: str,
    found: list[Match],
    typed: set[str],
    scrub: list[Match],
    unsure: list[Match],
    ambiguous: list[Match],
) -> Match | None:
    """The item one word of its name names, said as one thing ("the superpump ... seized up,
    scrap it"), in a message with no other goods and no figure at all: the goods, as a
    guess (uncounted, the word alone was read as maybe the goods or maybe not)."""
    if found or typed or scrub or unsure or len(ambiguous) != 1 or len(ambiguous[0].of) != 1:
        return None
    a = ambiguous[0]
    if _ANY_FIGURE.search(text) or not _ONE_BEFORE.search(text, max(0, a.start - 30), a.start):
        return None
    return Match(a.of[0], a.said, a.start, a.end, True, a.tail)


def _typed_apart(
    text: str, toks: list[tuple[str, int, int]], index: _Index
) -> list[tuple[str, int, int]]:
    """`toks` with two words side by side that a name writes as one taken together ("oat
    milk" of "Oatmilk"; not when each is a word of that name: "flat iron")."""
    out: list[tuple[str, int, int]] = []
    k = 0
    while k < len(toks):
        if (
            k + 1 < len(toks)
            and text[toks[k][2] : toks[k + 1][1]] in (" ", "-")
            and toks[k][0].isalpha()
            and toks[k + 1][0].isalpha()
        ):
            one = _norm(toks[k][0] + toks[k + 1][0])
            owners = index.owners.get(one, frozenset())
            if owners and not any(
                toks[k][0] in index.tokens[o] and toks[k + 1][0] in index.tokens[o] for o in owners
            ):
                out.append((one, toks[k][1], toks[k + 1][2]))
                k += 2
                continue
        out.append(toks[k])
        k += 1
    return out


_FORMULA = re.compile(r"[a-z][/&][a-z]", re.IGNORECASE)


def _formula_beside_a_reason(text: str, match: Match, reason: Callable[[str], bool]) -> bool:
    """A formula's letters that are also a reason's short word ("w/d" of a write-down and of
    "HILLS PD W/D CANINE"), in a message that says its reason in other words ("3 bags w/d
    torn"): the letters name the goods."""
    if not _FORMULA.fullmatch(match.said.strip()):
        return False
    return reason(text[: match.start] + " " + text[match.end :])


def _goods_word(text: str, match: Match, reason: Callable[[str], bool]) -> bool:
    """Whether a word several names share stands as the goods: no reason's word ("short"),
    no place's ("under a case of water"), no proper name's ("the World Cup promo")."""
    start = match.start
    return not (
        reason(match.said)
        or _norm(match.said.split()[-1]) in _PLACE_WORDS
        or _amount_word(text, match)
        or (
            _PLACE_BEFORE.search(text[max(0, start - 40) : start]) is not None
            and not _MONEY_IN.search(text[max(0, start - 40) : start])
        )
        or (
            match.said[:1].isupper()
            and _PROPER_BEFORE.search(text, max(0, start - 20), start) is not None
        )
    )


def _amount_word(text: str, match: Match) -> bool:
    """Whether one word of a name is an amount's word beside a figure ("40 light sets, dead,
    $272 total" names no Colgate Total; "total $90", "worth 40")."""
    if _norm(match.said) not in _AMOUNT_WORDS:
        return False
    before = text[max(0, match.start - 12) : match.start]
    return bool(_FIGURE_END.search(before) or _FIGURE_START.match(text, match.end))


# the words that say what an amount is, beside a figure: "$272 total", "net 40", "worth 90"
_AMOUNT_WORDS = frozenset(("total", "totals", "net", "gross", "worth", "value", "sum"))
_FIGURE_END = re.compile(r"\d\s*$")
_FIGURE_START = re.compile(r"\s*(?:of\s+|is\s+|was\s+|=\s*|:\s*)?\$?\s?\d")
# ("2 grand in orchids", "$300 in the tiles"): an amount spent in goods, no place
_MONEY_IN = re.compile(
    r"(?:\$\s?\d[\d,.]*k?|\b\d[\d,.]*\s?(?:k|grand|bucks|dollars))\s+in\s+(?:the\s+)?$", re.I
)
_MONEY_BEFORE = re.compile(r"(?:\$|\busd|\bus\$)\s?$", re.I)
# what names the books' reserve, just before the word "reserve"
_RESERVE_NAME_BEFORE = re.compile(
    r"\b(?:obsolescence|obsolete|obs|obso|e\s*&\s*o|e\s*and\s*o|eo|inventory|stock|excess"
    r"|the|our|that|this|from|into|to|against)\s+$",
    re.I,
)
# a figure then "/cs", "per case", "a tray": how many a container holds, never a name's figure
# ("1 case pepp pizza 12/cs" of PZA FRZ PEPP 12IN is twelve pizzas, not the 12-inch one)
_PER_CONTAINER_AFTER = re.compile(
    # ("50 stems a bucket": the pieces named, then the container they are counted in)
    r"(?:\s+(?!(?:per|an?|to|of|x)\b)[a-z]{3,}s)?\s*(?:/\s*|per\s+|an?\s+|to\s+an?\s+)(?:"
    + "|".join(sorted(packs.CONTAINER_WORDS, key=len, reverse=True))
    + r")(?![\w-])",
    re.I,
)
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+|our\s+)?")
_SENTENCE_BREAK = re.compile(r"[.;!?\n](?:\s|$)|\n")


def _one_sentence(text: str, a: int, b: int) -> bool:
    """Whether positions `a` and `b` of `text` stand in one sentence."""
    lo, hi = min(a, b), max(a, b)
    return _SENTENCE_BREAK.search(text, lo, hi) is None


_GOODS_WORDS_BETWEEN = re.compile(
    r"(?:\s+(?!(?:and|or|plus|with|also|then|but|not|no|of|from|for|to|in|on|at)\b)[a-z][a-z'-]*){0,2}\s*"
)


def _foreign_to(hit: Match, typed: set[str], index: _Index) -> bool:
    """Whether another item's name said beside a code is no name of the code's item: one
    word the code's name lacks, or several of which one is not the code's ("WN-TW-PKG queen
    batting" of twin batting, with queen batting in the list; round 328 drafted the twin,
    sure)."""
    said = [_norm(w) for w in hit.said.split()]
    own = [w for w in said if any(w in index.tokens.get(c, ()) for c in typed)]
    return not own if len(said) == 1 else len(own) < len(said)


def _next_to(text: str, match: Match, span: tuple[int, int]) -> bool:
    """Whether only spaces (or a count) stand between `match` and the chunk at `span`."""
    if span[1] <= match.start:
        # ("BR-7719 crystal bridal belt": a word or two of the code's own goods between;
        # round 183 drafted the list's bridal gown)
        return _GOODS_WORDS_BETWEEN.fullmatch(text, span[1], match.start) is not None
    return span[0] >= match.end and not text[match.end : span[0]].strip(" ,")


def _best_run(
    text: str,
    toks: list[tuple[str, int, int]],
    i: int,
    index: _Index,
    reason: Callable[[str], bool],
) -> tuple[Match, int] | None:
    """The item whose name the words from toks[i] on say, and where its run ends."""
    first = toks[i][0]
    candidates = index.members.get(first, ())
    # ("fruit cups" of "FRT CUP MIXED", "science diet" of "HILLS SD ADLT"): the names a word
    # is written in as a list writes it, without vowels or as initials
    spelled = [*_alternatives(first, index), _initials_of(text, toks, i, index)]
    if any(spelled):
        candidates = tuple(
            dict.fromkeys([*candidates, *(s for w in spelled if w for s in index.members[w])])
        )
    if not candidates or (
        first in _COMMON and len(first) < 3 and not _model_of(text, toks, i, index)
    ):
        return None  # ("a", "of", "x": never the start of a name; "PC-12" of a glaze is)
    if (
        _PURE_NUMBER.fullmatch(first)
        and not _figure_of_name(text, toks, i)
        and first not in index.spec_figures
    ):
        return None  # "4 Rule 1100": the 4 is the count
    # (words that say what it is, words of the name said in all, end index, sku)
    runs: list[tuple[int, int, int, str]] = []
    shared: list[tuple[int, int, int, str]] = []  # one word that several names say
    for sku in candidates:
        said, scored = index.tokens[sku], index.scored[sku]
        j, hit, named = i, set(), 0
        written = 0  # words said only as the list writes them (above)
        at: set[int] = set()  # the tokens that say a word of the name
        while j < len(toks) and (j == i or _joined(text, toks, j)):
            word = toks[j][0]
            if word not in said:
                pair = _initials_of(text, toks, j, index)
                alt = next((a for a in _alternatives(word, index) if a in said), "")
                if pair in said or alt:
                    word = pair if pair in said else alt
                    written += 1
                    named += 1
                    if word in scored:
                        hit.add(word)
                    at.add(j)
                    j += 2 if word == pair else 1
                    at.add(j - 1)
                    continue
                # one word the name does not have, between two it has ("SanDisk Extreme
                # microSD 256GB" of "SanDisk Extreme microSDXC 256GB"); never a count or a
                # reason ("SKU-12 blue 3 widgets", "lost 2 Lost Coast Ale")
                if (
                    j + 1 < len(toks)
                    and (toks[j + 1][0] in scored or _names_pack(text, toks[j + 1], said))
                    and _joined(text, toks, j + 1)
                    and not toks[j][0].isdigit()
                    and toks[j][0] not in _FUNCTION_WORDS
                    and not reason(toks[j][0])
                ):
                    j += 1
                    continue
                if j > i and _cut_of(toks[j][0], said):
                    named += 1  # "Riedel Vinum Cab" of "... Cabernet ...": a word cut short
                    j += 1
                    continue
                break
            named += 1
            at.add(j)
            if toks[j][0] in scored:
                hit.add(toks[j][0])
            if _model_of(text, toks, j, index):
                hit.add(_norm(toks[j][0] + toks[j + 1][0]))  # ("PC-12": one model, said)
            j += 1
        while j > i + 1 and j - 1 not in at:
            j -= 1  # a run ends on a word of the name
        if (
            j - 1 > i
            and j < len(toks)
            and toks[j - 1][0].isdigit()
            and text[toks[j - 1][2] : toks[j][1]].isspace()  # ("12ct packs": the name's)
            and packs.holds_many(toks[j][0])
        ):
            # "fancy feast pate 3 cases" of "... PATE CKN 3OZ CS/24": a figure right before
            # a container is its count, not the name's 3OZ
            hit.discard(toks[j - 1][0])
            j -= 1
        if written and (not hit or (named < 2 and not _counted_alone(text, toks, i, hit))):
            # ("the fruit" alone is no FRT: only beside another word of the name, or a word
            # of four letters or more counted: "grizzly short 4" of "GRZLY")
            continue
        # one word: only this item's; more: the best of all items' (below), the name's
        # other words ("single roll" beside "5-roll pro pack") deciding between two
        own = [t for t in hit if index.owners.get(t) == frozenset((sku,))]
        if own or len(hit) >= 2 or (hit and named >= 4):
            runs.append((len(hit), named, j, sku))
        elif hit:
            shared.append((len(hit), named, j, sku))
    if not runs and shared:
        # "FloraGro gal" of "FloraGro Qt" and "FloraGro Gal": a word several names share,
        # and one of them says more of what was typed (the size): that one, as a guess
        shared.sort(key=lambda run: run[1], reverse=True)
        if shared[0][1] >= 2 and (len(shared) == 1 or shared[1][1] < shared[0][1]):
            runs = [shared[0]]
        else:
            # "6 qts of FloraGro": the size said just before the name decides
            prev = [toks[i - 1][0]] if i >= 1 else []
            if prev == ["of"] and i >= 2:
                prev.append(toks[i - 2][0])
            before = set(prev)
            top = [run for run in shared if run[1] == shared[0][1]]
            sized = [run for run in top if before & index.tokens[run[3]]]
            near = _said_near(toks, i, top[0][2], tuple(run[3] for run in top), index)
            # ("3 cs hazy" of the case beside the 4-pack and the kegs: round 261)
            near = near or _unit_fits(toks, i, top[0][2], tuple(run[3] for run in top), index)
            fewest = _fewest_extra(toks, i, top, index)
            if len(sized) == 1:
                runs = sized
            elif near:  # "the blueberries, 5 cases" of the 30 lb case and the scone
                runs = [run for run in top if run[3] == near]
            elif fewest:  # "8 ice makers" of "ICE MAKER ASSY", not "ICE MAKER WTR LINE PEX"
                runs = [run for run in top if run[3] == fewest]
            else:
                return _ambiguous(text, toks, i, top)
    if not runs:
        return None
    runs.sort(reverse=True)
    score, named, end, sku = runs[0]
    tied: tuple[str, ...] = ()
    if len(runs) > 1 and runs[1][:2] == (score, named):
        if score < 2:  # two items' names said as fully by one word: which one?
            level = [run for run in runs if run[:2] == (score, named)]
            ends, skus = min(r[2] for r in level), tuple(r[3] for r in level)
            by_size = _sized_before(toks, i, ends, skus, index) or _unit_fits(
                toks, i, ends, skus, index
            )
            if by_size is None:
                return _ambiguous(text, toks, i, level)
            score, named, end, sku = next(run for run in level if run[3] == by_size)
        else:
            # "48 black gildan 5000 tees" of the list's Gildan 5000 tees in every size: the
            # goods are named (their figures are no count), the item is not
            tied = tuple(sorted(run[3] for run in runs if run[:2] == (score, named)))
            end = min(run[2] for run in runs if run[:2] == (score, named))
            # "... gildan 5000 tees size L", "white gildan 5000 large": a word said near the
            # name that only one of them has (a size, mostly) picks it
            picked = (
                _pack_line(toks, i, tied, index)
                or _unit_fits(toks, i, end, tied, index)
                or _headed(toks, end, tied, index)
                or _in_order(toks, i, end, tied, index)
                or _said_near(toks, i, end, tied, index)
                or _sized_before(toks, i, end, tied, index)
                or _fewest_extra(toks, i, [r for r in runs if r[3] in tied], index)
            )
            if picked:
                sku, tied = picked, ()
    if (
        not tied
        and _PURE_NUMBER.fullmatch(first)
        and text[toks[i][1] : toks[i][2]].isdigit()
        and not _NAME_FIGURE.fullmatch(text[toks[i][1] : toks[i][2]])
        and not _counted_before(toks, i)  # ("the 3 old 496 heads": the count said first)
        # ("a 433 sensor", "3 short on 433 sensors" of "TPMS SENSOR 433MHZ": after "a", or of
        # three figures, a figure the name has is the name's, no count)
        and not (i >= 1 and toks[i - 1][0] in ("a", "an"))
        and len(first) < 3
        and not (i + 1 < len(toks) and first + toks[i + 1][0] in index.measured.get(sku, ()))
        and text[toks[i][1] - 1 : toks[i][1]] != "#"  # ("the #1 boxwood": a pot size)
        and text[toks[i][2] : toks[i][2] + 1] not in ("#", "'", '"')  # ("the 14' gates")
        and i + 1 < end
        and (first, toks[i + 1][0]) not in index.pairs[sku]
    ):
        # "impair the 3 arcan aluminum jacks" of "Arcan 3-Ton Aluminum Floor Jack": a figure
        # of the name said out of its place in the name is the count
        return None
    first_said = i
    while (
        first_said < end - 1
        and toks[first_said][0] in _COMMON
        and not _model_of(text, toks, first_said, index)
    ):
        first_said += 1  # "2 boxes Epson Premium Glossy": the boxes are counted, not named
    start, stop = toks[first_said][1], toks[end - 1][2]
    if text[start - 1 : start] == "#" and start > 0:
        start -= 1  # ("30 #3 knockouts": the pot size's mark is the name's too)
    glued = _GLUED_TAIL.match(text, stop)
    tail = glued.end() - stop if glued else 0  # "30-packs" of "30pk": no half word left
    stop += tail
    # ("the 2x6x8 #2" of "2x6x8 SPF #2": a size of three figures only one name says is as
    # good as a code)
    weak = score < 2 and named < 4 and not _THREE_FIGURE_SIZE.search(text, start, stop)
    # (but "5A", a figure and its letter, is a model's name, and "DE" typed in capitals is the
    # name's own word so typed: "7 bags of DE" of "DE FILTER POWDER")
    model = text[start:stop]
    if (
        weak
        and stop - start < 3
        and not (
            len(model) == 2
            and (model.isupper() or not model.isalpha())
            and model.isalnum()
            and not model.isdigit()  # ("1 box of 12 Clif bars": no "COKE 12OZ CAN")
        )
    ):
        return None
    if weak and not tied and _names_another(text, toks, end, sku, index, reason):
        # "10 20in schrader tubes" of "Frame kids 20in" beside "Tube 20x1.75 schrader": one
        # word of a name, then words only other names say, is a size of those goods
        return None
    if tied:
        return Match("", text[start:stop], start, stop, False, tail, tied), end
    return Match(sku, text[start:stop], start, stop, weak, tail), end


_PACK_TYPED = re.compile(r"(\d{1,3})-?(?:pk|pks|packs?|ct)", re.I)


_NEXT_WORD = re.compile(r"\s+([a-z]+)", re.I)


def _reason_begins(text: str, hit: Match, reason: Callable[[str], bool]) -> bool:
    """Whether the word matched starts a reason said in two words ("2 caymus walked off the
    shelf": no "Johnnie Walker" in "walked")."""
    after = _NEXT_WORD.match(text, hit.end)
    return (
        after is not None
        and reason(f"{hit.said} {after.group(1)}")
        and not reason(after.group(1))  # ("2 gal vanilla stolen": the next word alone is)
    )


def _names_pack(text: str, tok: tuple[str, int, int], said: frozenset[str]) -> bool:
    """Whether a typed pack ("6pks") is the pack a name says ("..., 6pk"): "2 Simparica Trio M
    6pks" of "Simparica Trio Dog 22.1-44 lb, 6pk" (the size letter between is the code's)."""
    typed = _PACK_TYPED.fullmatch(text, tok[1], tok[2])
    return typed is not None and typed.group(1) in said and bool({"pk", "pack", "ct"} & said)


def _names_another(
    text: str,
    toks: list[tuple[str, int, int]],
    end: int,
    sku: str,
    index: _Index,
    reason: Callable[[str], bool],
) -> bool:
    """Whether the word right after a run is, joined to it, a word of other items' names
    that this item's name does not say (not a reason: "ribeye short 9 lb" of "SHORT RIB")."""
    if end >= len(toks) or not _joined(text, toks, end) or reason(toks[end][0]):
        return False
    word = toks[end][0]
    if word != _norm(text[toks[end][1] : toks[end][2]]):
        return False  # (a word read as a name's only by a typo's correction: "walked")
    said = index.tokens[sku]
    typed = text[toks[end - 1][1] : toks[end - 1][2]]
    if toks[end - 1][0] == _norm(typed + word) or _norm(typed + word) in said:
        return False  # ("coconut milk" of "Coconutmilk": one word of this name, typed apart)
    if _cut_of(word, said) or any(a in said for a in _alternatives(word, index)):
        return False  # ("45/5 caps" of "... capacitor 45+5": this name's word, cut short)
    others = index.owners.get(word, frozenset())
    # (a figure after a name is its count: "vanilla 10 gal")
    return bool(others) and sku not in others and word not in _COMMON and word.isalpha()


def _counted_alone(text: str, toks: list[tuple[str, int, int]], i: int, hit: set[str]) -> bool:
    """Whether one typed word, a list's word of four letters or more with letters left out,
    stands as counted goods ("grizzly short 4", "3 lighters")."""
    if len(hit) != 1 or len(next(iter(hit))) < 4:
        return False
    _, start, end = toks[i]
    return _counted_goods(text, Match("", text[start:end], start, end, True))


def _model_of(text: str, toks: list[tuple[str, int, int]], i: int, index: _Index) -> bool:
    """Whether toks[i] and the next token, hyphened, are a model a name says ("PC-12" of
    "AMACO PC-12 Oatmeal Pint"), though "pc" alone is a piece."""
    if i + 1 >= len(toks) or text[toks[i][2] : toks[i + 1][1]] != "-":
        return False
    return _norm(toks[i][0] + toks[i + 1][0]) in index.owners


def _ambiguous(
    text: str, toks: list[tuple[str, int, int]], i: int, tied: list[tuple[int, int, int, str]]
) -> tuple[Match, int] | None:
    """Words that several items' names say as fully, one saying what it is: a weak match of
    all of them (the card asks which), or None for a run of common words only."""
    end = min(run[2] for run in tied)
    first = i
    while first < end - 1 and toks[first][0] in _COMMON:
        first += 1
    start, stop = toks[first][1], toks[end - 1][2]
    if stop - start < 3 or toks[first][0].isdigit():
        return None
    return Match("", text[start:stop], start, stop, True, 0, tuple(sorted(r[3] for r in tied))), end


_MEASURE_AFTER = re.compile(r"\s*(?:lbs?|kg|oz|gal|ft|in|yd|m|l|ml|g|qt|pt)\b|[.,/]\d", re.I)


def _plain_words(tokens: frozenset[str]) -> set[str]:
    """A name's own words: no initials ("^wmg"), no two words joined ("milkgal")."""
    return {
        t
        for t in tokens
        if not t.startswith("^") and not any(t == a + b for a in tokens for b in tokens)
    }


def _sized_before(
    toks: list[tuple[str, int, int]], i: int, end: int, tied: tuple[str, ...], index: _Index
) -> str | None:
    """ "6 gal whole milk" of "Whole Milk Gal" and "Whole Milk 1/2 Gal": the size said just
    before the name is one of both; the name that says nothing more than was typed is it."""
    if toks[i][0] in _COMMON and not toks[i][0].isdigit():
        prev = [toks[i][0]]  # (the run starts at the size: "gal whole milk")
    else:
        back = i - 1
        while back >= 1 and toks[back][0] in ("of", "the") and back >= i - 2:
            back -= 1  # ("12 qts of the 0w20")
        prev = [toks[back][0]] if back >= 0 else []
    if not prev or prev[0].isdigit():
        return None
    said = {t for t, _, _ in toks[max(0, i - 2) : end]}
    sized = [sku for sku in tied if prev[0] in index.tokens[sku]]
    if len(sized) < 2:
        return sized[0] if len(sized) == 1 and len(tied) > 1 else None
    extra = {sku: len(_plain_words(index.tokens[sku]) - said) for sku in sized}
    least = min(extra.values())
    fewest = [sku for sku in sized if extra[sku] == least]
    return fewest[0] if len(fewest) == 1 else None


def _fewest_extra(
    toks: list[tuple[str, int, int]], i: int, top: list[tuple[int, int, int, str]], index: _Index
) -> str | None:
    """Of names that say the typed run as fully, the one that says least besides, by two
    words or more ("ice makers" of "WP FRIG ICE MAKER ASSY" beside "ICE MAKER WTR LINE PEX
    1/4IN X 25FT": the other names a line for one), or None."""
    if top[0][1] < 2:
        return None  # (one word, "whole" of "Milk Whole Gal": no name to pick by)
    said = {t for t, _, _ in toks[i : max(run[2] for run in top)]}
    extra = sorted(
        (len(_plain_words(index.tokens[run[3]]) - said - _COMMON), run[3]) for run in top
    )
    if len(extra) > 1 and extra[1][0] - extra[0][0] >= 2:
        return extra[0][1]
    return None


def _pack_line(
    toks: list[tuple[str, int, int]], i: int, tied: tuple[str, ...], index: _Index
) -> str | None:
    """Of an item and the same item's pack line ("QUIKRETE CONC MIX 80LB" and "... 80LB
    PLT/42"), the pack line when its container is counted just before the name ("2 pallets
    of quikrete"), else the item ("10 bags of the 80lb mix"); None for other ties."""
    if len(tied) != 2:
        return None
    one, two = (_plain_words(index.tokens[t]) for t in tied)
    if one < two:
        item, pack, extra = tied[0], tied[1], two - one
    elif two < one:
        item, pack, extra = tied[1], tied[0], one - two
    else:
        return None
    held = {packs.holder(w) for w in extra} - {None}
    if not held or any(packs.holder(w) is None and not w.isdigit() for w in extra):
        return None  # the other line differs by more than its container
    counted = {packs.holder(t) for t, _, _ in toks[max(0, i - 4) : i]}
    return pack if counted & held else item


# words that count single pieces, never a container: "4 btls" of a wine sold by the bottle
# (not "cans": "6 Brute 32 gal cans" are the goods, trash cans, not a count of pieces)
_PIECE_COUNTED = frozenset(("bottle", "btl", "each", "ea", "pc", "piece", "single", "loose"))
_UNIT_LOOK = 3  # tokens either side of the run where the count's unit is said


def _containers_named(tokens: frozenset[str]) -> set[str]:
    """The containers a name's own words say ("case", "roll" of "..., roll of 2000")."""
    return {c for c in map(packs.holder, _plain_words(tokens)) if c is not None}


def _unit_fits(
    toks: list[tuple[str, int, int]], i: int, end: int, tied: tuple[str, ...], index: _Index
) -> str | None:
    """The one of `tied` the count's unit fits ("3 cs hazy" of "Hazy Daze IPA, case of 24"
    beside "Hazy Daze IPA 16oz 4pk" and two kegs; "the 2020 pinot - 4 btls" of "... Pinot Noir
    750ml" beside "... Pinot Noir, case of 12"): the one name that says the container
    counted, or, for pieces counted, the one name that says no container; else None."""
    near = [t for t, _, _ in toks[max(0, i - _UNIT_LOOK) : i]]
    near += [t for t, _, _ in toks[i:end] if t in _COMMON]
    near += [t for t, _, _ in toks[end : end + _UNIT_LOOK]]
    held = {sku: _containers_named(index.tokens[sku]) for sku in tied}
    for word in near:
        container = packs.container(word)
        if container is not None and container != "piece":
            fits = [sku for sku in tied if container in held[sku]]
        elif word in _PIECE_COUNTED:
            fits = [sku for sku in tied if not held[sku]]
        else:
            continue
        return fits[0] if len(fits) == 1 else None
    return None


def _headed(
    toks: list[tuple[str, int, int]], end: int, tied: tuple[str, ...], index: _Index
) -> str | None:
    """The one of `tied` whose name is headed by the word the typed run ends on, when every
    one has a head ("4 f-150 windshields" of "Windshield - Ford F-150", not "Windshield
    molding - Ford F-150"; "camry camera bracket" of "ADAS camera bracket - Toyota Camry",
    not "Windshield - Toyota Camry w/ camera bracket"), or None."""
    if any(t not in index.heads for t in tied):
        return None
    last = toks[end - 1][0]
    picked = [t for t in tied if index.heads[t] == last]
    return picked[0] if len(picked) == 1 else None


def _in_order(
    toks: list[tuple[str, int, int]], i: int, end: int, tied: tuple[str, ...], index: _Index
) -> str | None:
    """The one of `tied` whose name says the typed words side by side, as typed ("4 steel
    wheels" of "STEEL WHEEL 16X6.5", not "WHEEL WEIGHT STEEL ..."), or None."""
    typed = {(toks[k][0], toks[k + 1][0]) for k in range(i, end - 1)}
    said = [(len(typed & index.pairs[t]), t) for t in tied]
    said.sort(reverse=True)
    if said[0][0] and said[0][0] > said[1][0]:
        return said[0][1]
    return None


def _said_near(
    toks: list[tuple[str, int, int]], i: int, end: int, tied: tuple[str, ...], index: _Index
) -> str | None:
    """The one of `tied` that a word said near the run (three words either side) names and
    the others do not ("... tees size L", "white gildan 5000 large"), or None."""
    if len(tied) < 2:
        return None
    common = frozenset.intersection(*(index.tokens[t] for t in tied))
    # (and the run's own words no name shares: "SMX-1 L gloves" of the L and the M)
    near = {_SIZE_SAID.get(t, t) for t, _, _ in toks[max(0, i - 3) : end + 3]}
    picked = [t for t in tied if near & {_SIZE_SAID.get(w, w) for w in index.tokens[t] - common}]
    return picked[0] if len(picked) == 1 else None


def _cut_of(word: str, said: frozenset[str]) -> bool:
    """Whether `word` (three letters or more) begins a longer word of a name."""
    return (
        len(word) >= 3
        and word.isalpha()
        and any(len(t) > len(word) and t.startswith(word) for t in said)
    )


# a container's count said right before a name's figure: "3 bags of 100 ...", "2 boxes of 50"
_PACK_OF_BEFORE = re.compile(
    # ("4 cases x 12 cans" of "... cans, case of 12": the pack, said; round 171)
    r"\b(?:" + "|".join(sorted(packs.CONTAINER_WORDS, key=len, reverse=True)) + r")\s*(?:of|x)\s+$",
    re.IGNORECASE,
)


# a name's figure (put as \x00) that is its pack's count: "bag of 100", "100/bx", "100 ct"
_PACK_SIZE_IN_NAME = re.compile(
    r"\b(?:of|x)\s*\x00(?!\d)|\x00\s*(?:/|ct\b|count\b|pk\b|pack\b|pcs\b|per\b)", re.I
)


def _scrubbable(text: str, match: Match, name: str = "") -> bool:
    """Whether the figures of a name said beside its code can be taken out: the name has a
    word that says what it is ("Quest 3"), and no figure is a measure ("20 lb each") or
    part of a longer number ("Jameson 1.75"), nor the count of the container said before it
    that the name also gives as its pack ("3 bags of 100 ..." of "..., bag of 100")."""
    said = text[match.start : match.end - match.tail]
    if not re.search(r"[a-z]{2}", said, re.I) or _MEASURE_AFTER.match(text, match.end):
        return False
    if _SO_MANY_PER.fullmatch(said.strip()):
        return False  # ("4 reels X (5000/reel)" of "..., reel of 5000": the pack, said; round 163)
    if _PER_CONTAINER_AFTER.match(text, match.start + len(said)):
        # ("2 cs GLV-LTH-L (12 pr/cs)" of "..., case of 12 pr": so many to the case, said;
        # scrubbed, the cases were counted as pieces at 0.97, round 170)
        return False
    figure = _FIGURES.match(said)
    if (
        figure
        and _PACK_OF_BEFORE.search(text, max(0, match.start - 16), match.start)
        and _PACK_SIZE_IN_NAME.search(name.replace(figure.group(0), "\x00"))
    ):
        return False
    for f in _FIGURES.finditer(said):
        after = _WORD_AFTER.match(said, f.end())
        own = re.search(
            rf"(?<![\d.]){re.escape(f.group(0))}(?={_MEASURE_AFTER.pattern})", name, re.I
        )
        if after and own and not _MEASURE_AFTER.match(said, f.end()):
            # ("@ 50 sacks" of "... 50 lb sack": the name's figure is a weight, said here
            # with no measure: sacks counted)
            return False
    # (a measure the name gives its goods in, said with the name's holder, is the name's:
    # "4 R410A-25 25 lb cylinders" of "R-410A refrigerant 25 lb cylinder")
    return not any(
        _MEASURE_AFTER.match(said, f.end()) and not _names_own_measure(said, f, name)
        for f in _FIGURES.finditer(said)
    )


_WORD_AFTER = re.compile(r"\s*-?\s*([a-z]+)", re.I)
# a pack's size said as so many to the container: "5000/reel", "100 / bag"
_SO_MANY_PER = re.compile(r"\(?\d+\s*/\s*[a-z]+\)?", re.I)


def _names_own_measure(said: str, figure: re.Match[str], name: str) -> bool:
    """Whether a figure and the measure after it, said with more of the name's words, are
    the name's own ("25 lb" of "... 25 lb cylinder"), not a weight of the goods counted."""
    unit = re.match(r"\s*([a-z]+)", said[figure.end() :], re.I)
    if unit is None or not re.search(r"[a-z]{3}", said[figure.end() + unit.end() :], re.I):
        return False  # ("brisket 20 lb": the measure ends what was said, a weight)
    own = rf"(?<![\d.]){re.escape(figure.group(0))}\s*-?\s*{re.escape(unit.group(1))}\b"
    return re.search(own, name, re.I) is not None


# ... or before a count of a measure: "Urea 1.5 ton", "10-10-10, 2 tons"
# "FloraGro qt 4 leaking": a bare count right after the name (never after a place's word:
# "when freezer 1 failed")
_COUNT_AFTER_BARE = re.compile(
    r"\s*[,:\u2013\u2014-]?\s*\d+\s+(?=[a-z]{3,})|\s*[,:\u2013\u2014-]\s*\d+\s*(?:$|[.;,\n])"
    # ("whip cans: 6 expired", "paver count: 200 chipped"): a heading, then the count
    r"|(?:\s+[a-z]+){1,2}\s*:\s*\d+\s+(?=[a-z]{3,})"
    # ("ignitors short 2", "bulbs over by 14"): a count's word, then the count
    r"|\s+(?:short|over|missing|extra|down|up|under)\s+(?:by\s+)?\d+\b(?![.,/]\d)"
)
_PLACE_WORDS = frozenset(
    """
    rack shelf dock door aisle zone tote cart bench cooler freezer fridge store bay bin tank
    room truck van trailer pallet
    """.split()  # noqa: SIM905 (a word list)
)
_COUNT_AFTER = re.compile(
    # "hydroguard qt x 12": a count right after the name, or after what happened to it
    # ("vado M frame crack x1", "ribeye x2 - dropped")
    r"(?:\s+[a-z][\w'-]*){0,3}?\s*[x\u00d7]\s*\d+\b(?![.,/]\d|\s*(?:in|ft|mm|cm)\b)"
    # "hydroguard qts expired in back stock, 9 of them"
    r"|(?:\s+(?:[a-z][\w'-]*|\#\w+)){0,5}?\s*[,:\u2013\u2014-]?\s*\d+\s+of\s+(?:them|those|these)\b"
    # ("jerky stolen at #6, 12 bags", "expired lidocaine, 10 bx", "sumatra green - 1 bag"):
    # a few words between
    r"|(?:\s+(?:[a-z][\w'-]*|\#\w+)){0,4}?"
    r"\s*[,:\u2013\u2014-]?\s*\d[\d.,]*\s*(?:tons?|lbs?|pounds?|gal|gallons?|ft|feet|yds?|kg|oz|qts?|cs|cases?"
    r"|bags?|sacks?|boxes|box|bx|rolls?|ctns?|cartons?|bottles?|btls?|jars?|tubs?|cans?|pcs"
    r"|pieces|units?|ea|each|packs?|pks?|bunch(?:es)?|bolts?|yards?|spools?|kits?|drums?|totes?"
    r"|pails?|buckets?|vials?|trays?|flats?|pallets?|sets?|pairs?|prs?|dozen|doz)\b",
    re.IGNORECASE,
)


_DIGITS_BEFORE = re.compile(r"(?<![\w.,$])\d+\s+(?:[a-z]+\s+){0,2}$", re.I)
# ("SKU-410 3 cases, 12 mugs per case": the same goods, counted in their case)
_PER_AFTER = re.compile(r"\s+(?:per|each|a|an|in\s+(?:a|each|the|every))\b", re.I)


def _said_better(
    text: str,
    toks: list[tuple[str, int, int]],
    i: int,
    best: tuple[Match, int],
    index: _Index,
    reason: Callable[[str], bool],
) -> bool:
    """Whether a run starting inside `best` names another item more fully than `best` does
    (one word of "Bag bread kraft" against "Flour bread 50#" said as "bread flour")."""
    for k in range(i + 1, best[1]):
        later = _best_run(text, toks, k, index, reason)
        if later is not None and not later[0].weak and later[0].sku != best[0].sku:
            return True
    return False


_TIMES_AFTER = re.compile(r"\s*[x\u00d7]\s*\d+\b", re.I)


# the word before a place's number: "unit 3", "aisle 14", "row 7"
_PLACE_NUMBER_WORDS = _PLACE_WORDS | frozenset(
    "unit row section level lane stall suite building bldg site warehouse wh loc".split()  # noqa: SIM905
)
_PLACE_NUMBER = re.compile(
    r"\b(?:" + "|".join(sorted(_PLACE_NUMBER_WORDS)) + r")\s*#?\s*$", re.IGNORECASE
)


def _apart_from_codes(text: str, hit: Match, typed_at: list[int]) -> bool:
    """One word of a name, counted, and set apart from every typed code by "and" or a comma
    ("24 Type Y bags and 12 XFF350 filters"): goods of their own, not the code's."""
    figure = _DIGITS_BEFORE.search(text, max(0, hit.start - 24), hit.start)
    if figure is not None and _PLACE_NUMBER.search(
        text, max(0, figure.start() - 12), figure.start()
    ):
        figure = None  # ("unit 3 last night", "aisle 14 bay C"): a place's number, no count
    return (
        # ("expired 64xl x 40 @ 27.40 and expired PG245 x 15": counted right after it)
        (figure is not None or _TIMES_AFTER.match(text, hit.end) is not None)
        and _counted_goods(text, hit)
        and _PER_AFTER.match(text, hit.end) is None
        and all(_JOINED_APART.search(text, *sorted((hit.start, at))) for at in typed_at)
    )


def _proper_before(text: str, hit: Match, index: _Index) -> bool:
    """Whether one capitalised word of a name follows another capitalised word that is not
    the name's ("the World Cup promo labels", "Hope Street shelter"); "3 cs of Red Bull" of
    "RED BULL 8.4OZ CAN" says the name's own word first."""
    if not hit.said[:1].isupper():
        return False
    proper = _PROPER_BEFORE.search(text, max(0, hit.start - 20), hit.start)
    return proper is not None and _norm(proper.group(0).strip()) not in index.tokens[hit.sku]


def _counted_goods(text: str, match: Match) -> bool:
    """Whether one word of a name stands as counted goods: after a count ("3 AGMs") or before
    a measured count ("Urea 1.5 ton"), not after a place word ("under a case of water")."""
    start = match.start
    counted = (
        _COUNT_BEFORE.search(text[max(0, start - 24) : start])
        or _COUNT_AFTER.match(text, match.end)
        or (
            _COUNT_AFTER_BARE.match(text, match.end)
            and _norm(text[match.start : match.end].split()[-1]) not in _PLACE_WORDS
        )
    )
    return bool(counted) and not _PLACE_BEFORE.search(text[max(0, start - 40) : start])


def _joined(text: str, toks: list[tuple[str, int, int]], j: int) -> bool:
    """Whether toks[j] follows toks[j-1] within one name: a space, a hyphen or a slash
    between them, not a comma or a full stop."""
    gap = text[toks[j - 1][2] : toks[j][1]]
    if gap == "." and toks[j - 1][0].isdigit() and toks[j][0][:1].isdigit():
        return True  # "f/1.8": a decimal in a name
    if gap in (" #", "#") and toks[j][0][:1].isdigit():
        return True  # "Green Giant #15", "knockout #3": a pot's size is the name's
    if gap in ("# ", "#-") and toks[j - 1][0].isdigit():
        return True  # "50# tab pails": the pounds a name says ("Tabs 50lb Pail")
    if gap in ("+ ", "+"):
        return True  # "Axiom+ 9": a plus glued to a word is the name's (round 202 read 9 units)
    return len(gap) <= 3 and all(ch in " -/'\"&" for ch in gap)  # ("Half & Half")


def _figure_of_name(text: str, toks: list[tuple[str, int, int]], i: int) -> bool:
    """A figure that starts a run is the name's only glued to a word ("1-Day") or after
    "the"/"of" ("2 boxes of the 6in 80 grit discs") or another count; otherwise it is the
    count ("4 Rule 1100")."""
    start, end = toks[i][1], toks[i][2]
    if start >= 2 and text[start - 1] in "-\u2013" and text[start - 2].isdigit():
        return False  # "10-12 quest bx": a range's end, never the name's figure
    if text[start - 1 : start] == "#":
        return True  # "#3 knockouts": a pot size, a number the name carries, never a count
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
        # "1-Day Acuvue", "2-row malt": a figure glued to a word is the name's (but "two
        # 12-packs of Coke" says how many a pack holds)
        return not _PACK_SIZE_AFTER.match(text, end)
    if text[end : end + 1] in ("#", "'", '"'):
        return True  # "a 25# bucket", "the 14' gates": a weight or a length, no count
    if not text[start:end].isdigit() or text[end : end + 1] == "%":
        return True  # "24pks", "2%": a figure with its unit glued on is a size, not a count
    if i + 1 < len(toks) and toks[i + 1][1] == end:
        return True  # "400H fill valves": a figure and a letter of one word are a model
    if _NAME_FIGURE.fullmatch(text[start:end]) and not _MEASURE_AFTER.match(text, end):
        # "2025 cats cals, 33 of them", "the ivory ones, 5362, 12 cracked": a year or a model
        # number of four figures that a name has is the name's (no count runs that high)
        return True
    if i == 0:
        return False
    before = toks[i - 1][0]
    return before in _DETERMINER or _counted_before(toks, i)


_FIGURES_BEFORE = re.compile(r"(?<![\w.,$/#-])(\d{2,3})\s+$")


def _own_figure_before(text: str, at: int) -> re.Match[str] | None:
    """A figure of two or three digits just before one word of a name, after "the" or "of"
    ("shortfall of 4 packs on the 557 carbides", "4 bags of 811 callets"): maybe the name's
    own figure (the caller checks that the name has it)."""
    figure = _FIGURES_BEFORE.search(text, max(0, at - 5), at)
    if figure is None or not _THE_BEFORE.search(text, max(0, figure.start() - 8), figure.start()):
        return None
    return figure


def _counted_before(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether a count stands just before toks[i], or a count and one word ("the 3 old 496
    heads": the figure after them is the name's)."""
    if i >= 1 and _PURE_NUMBER.fullmatch(toks[i - 1][0]):
        return True
    return i >= 2 and bool(_PURE_NUMBER.fullmatch(toks[i - 2][0])) and toks[i - 1][0].isalpha()
