"""The shop's other errands that carry numbers, codes and loss-like words but write off no
stock (issue 9, "not a write-off"):

- cash counted: a till, drawer, register, float, safe or tip jar short or over ("cash drawer
  short $20 tonight", "$50 stolen from the till"). Cash is not inventory, so no write-off
  draft even when one is asked for;
- what goods are priced at on the shelf or at the till: price checks, tags, re-pricing ("tag
  says 9.25 but pos says 10.50"). A selling price is no loss on goods held;
- buying: orders, reorders, purchase requests ("ordering 10 more EMB-7700X, $25k, ok?"). The
  count is goods bought;
- approving an earlier write-off ("can someone approve the 3 TST-7 one from yesterday"): the
  goods named are that card's, approved on the card.

Each is told by the shape of what it says. Buying beside a reason word ("reorder 12 SKU-77,
the last batch was broken") may still hold a loss: that gets a doubt, not a refusal.
"""

from __future__ import annotations

import re

from ledger.drafting.reading import asides
from ledger.drafting.reading.fast import twin_patterns, words

# -- cash counted ---------------------------------------------------------------------------
# where cash is kept and counted ("safe" only as a place of cash: "in the safe", "safe count")
_CASH_HELD = words(
    # (a word of a code is no till: "GRN-REG-27" is Greenies Regular)
    r"""(?<![\w-])(?:cash|petty\s+cash|tills?|tll|(?:cash\s+)?dra?we?rs?|registers?|regs?
        # ("inflatable pool floats x 60": goods that float)
        |(?<!pool\s)(?<!inflatable\s)(?<!swim\s)(?<!fishing\s)(?<!lake\s)floats?
        |cashiers?|cashbox(?:es)?
        # ("COD bag on route 12 came back $60 short": a driver's collections, round 327)
        |c\.?o\.?d\.?\s+(?:bags?|envelopes?|money|cash|collections?|payments?)
        |cash\s+(?:box|tin|bag|up|out)|money\s+(?:box|tin|bag)|(?:in|from|the)\s+safe
        |hono(?:u)?r\s+(?:box|jar|tin|system)|honesty\s+(?:box|jar|tin)|coin\s+(?:box|jar)
        |safe\s+(?:count|was|is|came|short|over|down)|(?<!brown\s)(?<!burnt\s)(?<!burned\s)(?<!dry\s)(?<!yellow\s)(?<!dried\s)(?<!black\s)
        (?<!leaf\s)(?<!felt\s)(?<!pen\s)(?<!pipette\s)(?<!q\s)(?<!filter\s)(?<!cue\s)
        (?<!exhaust\s)(?<!nozzle\s)(?<!solder\s)(?<!contact\s)(?<!welding\s)(?<!drill\s)
        # ("a gross of loose .035 tips": sized or loose, the goods; "$2.50 tip jar" is cash)
        (?<!\.\d\d\d\s)(?<!loose\s)
        tips?(?:\s+(?:jar|pool|cup|box))?(?!\s+(?:burn|burnt|burned|off|broke|broken|snapped|bent
        |racks?|trays?|refills?|inserts?|boxes|cartons?|cases?|bags?|filters?))
        |z[-\s]?(?:report|read
        |tape|out)|deposit\s+bag|bank\s+bag|change\s+fund)(?!-\w)\b"""
)
# money said as money: "$20", "20 bucks", "a twenty" (blanked before looking for goods, so
# "20 bucks" is not twenty things)
_MONEY_SAID = re.compile(
    r"\$\s?\d[\d,.]*k?|\b(?:\d[\d,.]*|[a-z]+)\s*(?:bucks|dollars?|cents?|usd)\b"
    r"|\b(?:a|two|three)\s+(?:fiver|tenner|twent(?:y|ies)|fift(?:y|ies)|hundreds?)\b",
    re.IGNORECASE,
)


# Every pattern here runs on every message; each is tried only when the lower-cased text
# holds one of the stems every match of it contains (a few substring tests turn most away).
_CASH_STEMS = ("cash", "c.o.d", "cod", "till", "tll", "dr", "reg", "float", "money", "safe",
               "tip", "z", "deposit", "bank", "change", "hon", "coin")  # fmt: skip
_MONEY_STEMS = ("$", "buck", "dollar", "cent", "usd", "fiver", "tenner", "twent", "fift",
                "hundred")  # fmt: skip


# the till's number after it ("register 2", "drawer at counter 2") or a place's number
# before it ("counter 1 drawer": rounds 325-326 drafted $40 of shrinkage, sure)
_HOLDER_NUMBER = re.compile(
    r"@\s*(?:(?:at|on|in|for)\s+(?:the\s+)?[a-z]+\s*)?(?:#|no\.?)?\s*\d*"
    r"|(?<=[a-z])\s+#?\d{1,2}\s*(?=@)"
)


def _found(pattern: re.Pattern[str], stems: tuple[str, ...], text: str, low: str) -> bool:
    """`pattern` is in `text`, tried only when `low` (`text` lower-cased) holds a stem."""
    return any(s in low for s in stems) and pattern.search(text) is not None


def _cash_count(text: str, low: str) -> bool:
    """Cash in a till, drawer or safe with a money amount, and no goods named ("dropped 2
    SKU-77 behind the register, smashed" is stock: the register is a place)."""
    if not (
        _found(_CASH_HELD, _CASH_STEMS, text, low) and _found(_MONEY_SAID, _MONEY_STEMS, text, low)
    ):
        return False
    # ("register 2 was $2 short": the till's number is no count of goods)
    rest = _HOLDER_NUMBER.sub(" ", _CASH_HELD.sub("@", _MONEY_SAID.sub(" ", text)))
    # ("(cash drawer, not stock)": goods denied are none named)
    return not asides.goods_named(_NOT_GOODS.sub(" ", rest))


_NOT_GOODS = re.compile(
    r"\b(?:not|no|isn'?t|wasn'?t|nothing\s+to\s+do\s+with)\s+(?:the\s+)?(?:stock|inventory|goods"
    r"|products?|merch(?:andise)?)\b",
    re.IGNORECASE,
)


# -- selling prices ---------------------------------------------------------------------------
# "price check on SKU-12", "tag says 9.25 but pos says 10.50", "rings up at $49.99", "scans
# at 18", "change price on SKU-410 from 12 to 14", "markup is 40%" ("reprice 16 X down to $70"
# is a write-down; "system says 50" a count, so the till's figure is only money-shaped)
_PRICE_TALK = words(
    r"""\b(?:price\s*(?:check|chk|discrepanc\w+|mismatch\w*|difference|error|issue|query)
        |wrong\s+price|mispric\w+|overcharg\w+|undercharg\w+
        |(?:tag|label|sticker)s?\s+(?:price\s+)?(?:says|said|reads|read|shows|showed|is|was|at)
            \s+(?:only\s+)?\$?\d+
        |(?:pos|register|till|scanner)\s+(?:price\s+)?(?:says|said|reads|read|shows|showed|is|was
            |at|has)\s+(?:only\s+)?(?:\$\s?\d+|\d+\.\d\d)
        |rings?\s+(?:up|through|in)|rang\s+(?:up|through|in)|scan(?:s|ned|ning)?\s+(?:in\s+|up\s+)?
            (?:at|for|as)\s+\$?\d+
        |(?:updat|chang|fix|correct)\w*\s+(?:the\s+)?(?:price|pricing|tag|label|sticker)s?
        |price\s+(?:on|of|for)\s+\S+\s+(?:is|should|was|needs)
        |price\s+(?:should|needs|is\s+wrong|was\s+wrong)|shelf\s+(?:tag|label|sticker|edge|price)s?|price\s+(?:tag|label|sticker)s?\s+(?:says|said
            |reads|read|shows|showed|is|was|are|were|wrong|at)
        |mark-?ups?)\b"""
)
_PRICE_STEMS = ("pric", "charg", "tag", "label", "sticker", "pos", "regist", "till", "scan",
                "ring", "rang", "shelf", "mark")  # fmt: skip
_WRITE_DOWN = words(
    r"\b(?:(?:write|mark|take|knock)\s+(?:\S+\s+){0,4}?down|write[-\s]?down|markdown"
    r"|revalu\w*|nrv|impair\w*|clearance|reduced\s+to\s+clear)\b"
)

# -- buying -----------------------------------------------------------------------------------
# "ordering 10 more", "order 30 more", "reorder 12", "place an order for", "put in a PO for",
# "purchase request: 5 SKU-40", "buying 100 from the new supplier", "need to order 24"
# ("order #5512 arrived with 3 broken", "order 100234: 2 crushed" are references; "nobody will
# buy them" is obsolete stock)
_BUYING = words(
    r"""\b(?:ordering|re-?order(?:ed|ing)?|order(?:ed)?\s+(?:\d{1,4}\b(?!\s*:)|(?:an?\s+|some\s+)?(?:more
            |another|extra|new|replacements?|in\b))
        |(?:place|placed|placing|put\s+in|raise|raised|raising|submit\w*|cut|send)\s+(?:an?\s+|the\s+)?
            (?:order|po|purchase\s+order)\b(?!\s*(?:\#|no\.?|number)?\s*\d)
        |(?:need|needs|want)\s+to\s+(?:order|buy|purchase)
        |(?:we|i)(?:'ll|\s+will|'?re\s+going\s+to|'?m\s+going\s+to)\s+(?:order|buy|purchase)
        |purchase\s+(?:request|req|requisition)|requisition|buying|purchasing
        |backorder(?:ed|s)?|back-order(?:ed|s)?|on\s+order)\b"""
)
_BUYING_STEMS = ("order", "purchas", "requisition", "buy")
# a purchase order or an invoice to pay, named without a reason word: "PO 55123 for 10 WH40E
# arrived", "invoice 4432 for 10 SKU-40 $1,420 due friday" (with a reason word, "PO 4471: 12
# SKU-12 damaged", the PO is only a reference)
_PURCHASE_PAPER = words(
    r"""\b(?:po|p\.o\.|purchase\s+orders?)\b
      | \binvoice\b[^.!?\n]{0,60}?\b(?:due|to\s+pay|needs?\s+(?:paying|payment)|overdue
        |outstanding|unpaid|net\s*\d+)\b"""
)
_PAPER_STEMS = ("po", "p.o", "purchas", "invoice")

# -- picking and moving stock for an order: "can someone pull 12 flats EGG30 for the hillcrest
# order", "stage 4 pallets for route 7", "transfer 20 SKU-12 to store 4"
_PICKING = words(
    r"""\b(?:pull|pulled|pulling|pick|picked|picking|grab|stage|staged|staging|prep|load\s+up
        |set\s+aside|put\s+aside|hold|transfer|transferring|move|moving)\b[^.!?\n]{0,60}?
        \b(?:for|to)\s+(?:the\s+|our\s+|a\s+)?(?:[\w'-]+\s+){0,2}?(?:order|customer|job|route|delivery
        |store|branch|site|shop|account|pickup|pick-up|will\s+call)\b"""
)
_PICKING_STEMS = (
    "pull", "pick", "grab", "stag", "prep", "load", "aside", "hold", "transfer", "mov"
)  # fmt: skip

# -- approving an earlier write-off -------------------------------------------------------------
_APPROVAL = words(
    r"""\b(?:approv\w*|sign(?:ed|ing)?[-\s]?off|sign\s+(?:it|them|this|that)\s+off
        |reject\w*|declin\w*)\b"""
)
_APPROVAL_STEMS = ("approv", "sign", "reject", "declin")
# the goods point back at a card already drafted: "the 3 TST-7 one", "my 6 SKU-12 damaged
# entry", "from yesterday", "posted yesterday", "still waiting"
_EARLIER = words(
    r"""\b(?:(?:the|that|my|our|your|his|her)\s+(?:\S+\s+){1,4}?(?:one|entry|card|request
            |draft|submission|ticket)\b(?!\s+(?:of|more|too))
        |from\s+(?:yesterday|earlier|this\s+morning|last\s+(?:night|week)|the\s+other\s+day
            |(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b(?!'s)
        |(?:posted|submitted|sent|raised|logged|put\s+in)\s+(?:it\s+)?(?:yesterday|earlier
            |this\s+morning|last\s+\w+|on\s+\w+)
        |still\s+(?:waiting|pending|needs?|outstanding|not)|waiting\s+(?:on|for)
        |(?:i|we|he|she|jim|they)\s+(?:just\s+|already\s+)?(?:approved|rejected|signed\s+off))"""
)


def answer(text: str, has_reason: bool) -> str | None:
    """A short answer (without the closing line of what the bot does) when `text` is one of
    the errands above, else None. `has_reason`: the text names a reason of the policy. A
    write-off asked in so many words ("w/o 3 X, re-tag the rest at $9") is no errand, but
    cash is never stock."""
    low = text.lower()
    if _cash_count(text, low):
        return (
            "That reads like cash (a till, drawer, register, float, safe or petty cash), not "
            "stock: I only write off inventory. "
        )
    approval = _found(_APPROVAL, _APPROVAL_STEMS, text, low) and _EARLIER.search(text)
    if approval and not asides.write_asked(text):
        return (
            "That reads like a note about approving an earlier write-off: approve or reject "
            "it on its card. "
        )
    if has_reason:
        return None  # "10 SKU-12 broken, tag says $15": goods lost, priced (see doubt)
    if _found(_PRICE_TALK, _PRICE_STEMS, text, low) and not _WRITE_DOWN.search(text):
        answer = "That reads like a price check or a price change, not a write-off. "
    elif _found(_BUYING, _BUYING_STEMS, text, low) or _found(
        _PURCHASE_PAPER, _PAPER_STEMS, text, low
    ):
        answer = "That reads like an order or a purchase, not a write-off. "
    elif _found(_PICKING, _PICKING_STEMS, text, low):
        answer = "That reads like picking or moving stock for an order, not a write-off. "
    else:
        return None
    return None if asides.write_asked(text) else answer


BUYING_DOUBT = "the message also orders or buys stock: check the count is goods lost, not bought"
PRICE_DOUBT = "the price named is a shelf or till price: check it is what the goods cost"
_COUNT_NEAR = re.compile(r"\d")


def doubt(text: str) -> str | None:
    """A doubt for a loss told beside an order of a count ("reorder 12 SKU-77, the last batch
    was broken": the count may be the goods bought; "4 X shattered, reorder later" orders no
    count) or beside a price check ("damaged SKU-77, tag $45 pos $49": which price?)."""
    low = text.lower()
    if any(s in low for s in _BUYING_STEMS):
        for m in _BUYING.finditer(text):
            if _COUNT_NEAR.search(text, m.end(), m.end() + 24):
                return BUYING_DOUBT
    if _found(_PRICE_TALK, _PRICE_STEMS, text, low) and not _WRITE_DOWN.search(text):
        return PRICE_DOUBT
    return None


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
