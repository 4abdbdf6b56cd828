"""More messages that hold reason words and amounts but ask for no write-off (issue 9, "not a
write-off"): asking for information, what-ifs, the running costs of the site (services,
equipment, repairs, rentals), thanks and praise, a vendor's new price, money coming back on a
claim. Each is a kind of message, told by the shape of what it says, not by one phrasing.

Every pattern here refuses only when the message also has no request marker ("please",
"write off", "w/o"...), so a thanks or a quote that goes on to ask for a write-off is still
read as one.
"""

from __future__ import annotations

import re

from ledger.drafting.reading.fast import lead, twin_patterns, words

_I = re.IGNORECASE
_IX = re.IGNORECASE | re.VERBOSE


_words = words  # every branch starts a word (reading.fast)


# What turns any of these into a request after all
_ASKS = _words(
    r"\b(?:please|pls|plz|kindly|write\s+(?:it\s+|them\s+|these\s+|those\s+)?off"
    r"|w/o|scrap\s+(?:it|them|these|those)|also|another|one\s+more|new\s+one|next\s+one"
    r"|as\s+well"
    # ("great job on the count team, only discrepancy: X down 3 vs system. go ahead and book
    # it": round 179, refused as news)
    r"|book\s+(?:it|that|this|them|those|these)|go\s+ahead\s+and\s+(?:book|post|adjust|write))\b",
    _I,
)
# A write-off asked for in so many words (a report of write-offs is not one)
_WRITE_ASKED = _words(
    r"\b(?:w/o|write\s+(?:it|them|these|those|\S+\s+\S+)\s+off|(?:and|then|pls|please|to)\s+"
    r"write[-\s]?(?:it\s+|them\s+)?off|scrap\s+(?:it|them|these|those)"
    # an order that opens the message or a sentence: "Write off 14 X at $70.00 ea (that's
    # what we paid on the last PO)" asks for a write-off, whatever was paid (round 168)
    r"|(?:^|(?<=[.!;]\s))\W*write[-\s]?off\s+(?=\$|\d|(?:the|these|those|all|our|\d+)\b)"
    # the goods, then the order: "5 SRL-30 write off at $350 ea (what we paid on the last
    # PO)", "9600-630 x2 write off, we paid 310 each"; or done: "wrote off 10 X @ 39.00"
    # (round 279-281 read the price paid as a purchase)
    r"|(?<=[\w)])\s+write[-\s]?off(?=\s*(?:,|;|\.|$|\(|at\b|@|-|\u2014))"
    r"|\bwrote\s+off\s+(?=\$|\d|(?:the|these|those|all|our)\b))",
    _I,
)
# A SKU-like code or a word for stock: the message is about goods, not the site's costs
_GOODS = re.compile(
    r"\b(?:stock(?![-\s]?(?:room|yard|area|cage)s?\b)|inventory|goods|merchandise|products?|items?|units?|skus?|pcs|pieces|cases"
    r"|cartons|pallets?(?!\s+(?:jacks?|trucks?|wrap(?:per|ping)?|racks?|racking)))\b"
    r"|(?<![\w-])(?-i:[A-Z]{1,6}[-_]?\d[\w-]*|[A-Z]{2,}-[A-Z0-9-]+)(?![\w-])"
    # a count of things: "14 mugs", "2 broken speakers", "a carton of mugs"
    # ("30 pre-rolls crushed", "pool floats x 60": things counted, whatever else is named)
    r"|(?<![\w$.,])\d+\s+(?:[a-z-]+\s+)?[a-z][a-z-]*s\b|\b(?:a|an|one)\s+(?:\w+\s+)?of\s+[a-z]+s\b"
    r"|\b[a-z]{3,}s\s*[x×]\s*\d+\b"
    r"|(?<![\w$.,])\d+\s*(?:pr|prs|pairs?)\b"  # "(3 pr)"
    # money said of something: "$1,200 of flour", "$900 worth of glass"
    r"|\d\s*k?\s+(?:worth\s+)?(?:of|in)\s+(?!(?:the|a|an|it|that|this|them|damage|repairs?)\b)[a-z]",
    _I,
)
_MONEY = lead(r"$\du", r"\$\s?\d|\d\s?(?:k\b|dollars?\b|bucks\b|grand\b)|\busd\b", _I)

# -- asking for information -----------------------------------------------------------------
# "can you pull a report of damaged stock over $1,000", "show me all stolen items above $500",
# "send me the list of expired lots": a report, a list or a total asked for, with or without
# a question mark. The goods are a filter, not goods to write off.
_INFO_VERB = _words(
    r"""^\s*(?:(?:can|could|would|will|may)\s+(?:you|someone|somebody|i|we)\s+|(?:please|pls|plz)\s+
        |(?:i|we)\s+(?:need|want|would\s+like|'?d\s+like)\s+(?:to\s+(?:see|get|have)\s+)?)*
        (?:show|list|pull|send|give|get|run|export|email|e-mail|share|find|fetch|generate
        |print|compile|tell|dig\s+up|look\s+up|let\s+(?:me|us)\s+(?:know|see|have)
        |(?:i|we)\s+(?:need|want|would\s+like|'?d\s+like)(?=\s+(?:a|an|the|our|some)\s))\b
        (?!\s*[:\-])
        # ("print center 9/30, job P-3321: the fuser ate 2 pk": a place, no verb)
        (?!\s+(?:center|centre|shop|room|jobs?|station|area|queue|lab|counter|desk)\b)"""
)
# "anything over $200", "all items above $500", "by location": a filter or a grouping
_FILTER = _words(
    r"""\b(?:anything|everything|all\s+(?:the\s+)?(?:items|stock|skus|goods|lines|write-?offs
            |entries|products)|any\s+(?:items|stock|skus|lines|goods))\s+(?:\w+\s+){0,3}?
        (?:over|above|more\s+than|greater\s+than|exceeding|bigger\s+than|larger\s+than|under
            |below|less\s+than)\s+\$
      | \b(?:broken\s+down|breakdown|split|grouped|sorted|totals?)\s+(?:\w+\s+){0,4}?by\s+
        (?:location|site|store|sku|item|reason|month|week|quarter|category|branch|warehouse
            |bin|aisle|supplier|vendor)\b"""
)
_INFO_NOUN = _words(
    r"""\b(?:reports?|list(?:ing)?s?|totals?|sum|summary|summaries|breakdown|figures?
        |numbers|history|log|details|spreadsheet|export|csv|dashboard|overview|tally
        |how\s+(?:much|many)|all|every|each|any)\b
      | \b(?:above|over|more\s+than|greater\s+than|in\s+excess\s+of|exceeding|at\s+least
        |less\s+than|under|below|bigger\s+than|larger\s+than)\s+\$""",
    _IX,
)

# -- what-ifs --------------------------------------------------------------------------------
# "if we scrapped 200 of SKU-12 what would it cost us?", "what if we binned 12 TV-55X",
# "suppose we scrap the 30 damaged chairs, what's the hit?": a question about a write-off
# that has not been asked for.
_WHAT_IF = _words(
    r"""^\s*(?:what\s+if|suppose|supposing|say\s+we|hypothetically|assuming|assume|imagine
        |in\s+theory|theoretically|let'?s\s+say|let\s+us\s+say|were\s+we\s+to)\b"""
)
_IF = _words(
    r"\b(?:if|when|once)\s+(?:we|i|they|you|the|these|those|all|any|half|some)\s+(?:were\s+to\s+|did\s+|do\s+|had\s+|decide"
    r"\s+to\s+|decided\s+to\s+|went\s+ahead\s+and\s+)?[a-z0-9]+",
    _I,
)
_CONSEQUENCE = _words(
    r"""\b(?:what|how\s+much|how\s+many|how\s+big|how\s+bad)\s+(?:would|will|'?d|could|might
            |does|do|is|would\s+that|will\s+that)\b
      | \bwhat'?s\s+the\s+(?:hit|impact|cost|damage|effect|total|number|figure|difference)
      | \bwhat\s+(?:happens|would\s+happen|would\s+it\s+do|does\s+it\s+do)
      | \bwould\s+(?:it|that|this|we|the)\b | \b(?:we|it|that|they)(?:'d|\s+would)\b
      | \b(?:impact|effect)\s+(?:on|to)\b
      | \bdo\s+to\s+(?:the\s+|our\s+)?(?:margin|p&l|p\s*&\s*l|gp|numbers|books|cogs|results)
      | \bhow\s+much\s+(?:is|are)\s+(?:that|those|they|it)\b""",
    _IX,
)
# "what would writing off the old stock do to margin": a question by its first words, with no
# question mark (a modal after the question word never starts a request)
_MODAL_QUESTION = re.compile(
    r"^\s*(?:(?:what|how\s+much|how\s+many|how|why|which)\s+(?:would|will|could|might|should)"
    r"|would\s+(?:it|that|this|we|scrapping|writing|binning|tossing|dumping|disposing)"
    r"|what\s+(?:did|do|does)"
    r"|(?:how\s+(?:much|many)|why)\s+(?:\S+\s+){0,3}?(?:were|was|did|do|does|have|has|are|is"
    r"|had))\b",
    _I,
)
# polite conditions are not what-ifs: "if possible", "if you could write off..."
_POLITE_IF = _words(
    r"\bif\s+(?:possible|you\s+(?:can|could|don'?t\s+mind)|ok|okay|that'?s\s+ok|approved"
    r"|needed|necessary|not\s+already)\b",
    _I,
)

# -- the site's running costs ----------------------------------------------------------------
# "$320 for the dumpster rental", "pallet jack repair $180", "plumber fixed the burst pipe,
# $480", "rental van damaged, excess $500": services, repairs, rentals, equipment and the
# building cost money, but they are not stock. ("damaged beyond repair" is a state of goods.)
_SERVICE = _words(
    r"""\b(?:rentals?|rented|renting|rent\s+(?:for|of|on)|hire\s+(?:of|for|charge|fee|cost)
        # ("we paid $480 for that bag": what the goods cost; a service is named by its word)
        |(?:paid|pay|paying|spent|spend|spending)\s+(?:about\s+|around\s+|out\s+)?\$
            (?![\d,.]+k?\s+(?:for|on)\s+(?:that|this|those|these|the|each|them|it|one|a)\b
            # ("x3 expired. we paid $155 ea on the last PO": the goods' cost apiece; round 298)
            |[\d,.]+\s*(?:ea|each|apiece|per\s+[a-z]+|a\s+[a-z]+|/\s*[a-z]+)\b)
        |(?:van|truck|skip|bin|equipment|forklift|car|crane|scaffold(?:ing)?|plant)\s+hire
        # ("expired epoxy repair kits 11 @ $24.99": a repair kit is stock)
        |repairs?(?!\s*able)(?!\s+(?:kits?|parts?|tapes?|compounds?|patch(?:es)?|putty|sleeves?
            |clamps?|links?|epoxy|resin|paste|sets?))
        |repaired|repairing|re-?fix(?:ed)?|fix(?:ed|ing)?(?!\s+price)
        |service\s+(?:call|fee|charge|visit|contract|plan|bill)|servic(?:ed|ing)
        |maintenance|labou?r\s+(?:cost|charge|bill)|call[-\s]?out(?:\s+fee)?
        |bills?|fees?|quot(?:e|es|ed|ation)|estimate\s+(?:for|to)
        |(?:the\s+|insurance\s+|our\s+)excess(?!\s*(?:&|and|n)\s*obsolete)
        |excess\s+(?:of\s+)?\$|deductible
        |pest\s+control|exterminators?|fumigat\w+|cleaners|cleaning\s+(?:crew|company|firm|bill
            |fee|cost|service)|clean[-\s]?up\s+(?:crew|company|firm|bill|fee|cost|job)
        |security\s+(?:guards?|firm|company|patrols?|service)|guards?|plumbers?|electricians?
        |locksmiths?|glaziers?|roofers?|contractors?|technicians?|mechanics?|tow(?:ing|ed)
        |tow\s+truck|dumpsters?|skip\s+bins?|bin\s+hire|waste\s+(?:removal|collection|pickup
            |pick-up)|haulage|utilit(?:y|ies)|parking\s+ticket|fines|(?:a|the|parking|speeding|late)\s+fine
            |subscription|licen[cs]e
            \s+fee)\b"""
)
# a repair word that is the state of the goods, not a job paid for
_BEYOND_REPAIR = _words(
    r"\b(?:beyond|past|can'?t\s+be|cannot\s+be|couldn'?t\s+be|not\s+worth|no|un)\s*"
    r"(?:economic(?:al)?\s+)?(?:repair\w*|fix\w*)",
    _I,
)
# the equipment and the building: a cost of one of these is not stock either
_EQUIPMENT = _words(
    r"""\b(?:forklifts?|pallet\s+(?:jacks?|trucks?|wrappers?)|reach\s+trucks?|racking
        |roller\s+doors?|dock\s+(?:doors?|levell?ers?|plates?)|roof|gutters?|windows?
        |pipes?|hvac|air\s*con(?:ditioning)?|compressors?|conveyors?|scanners?|printers?
        |laptops?|computers?|tyres?|tires?|sprinklers?|alarms?|cctv|cameras?|doors?|gates?
        |fences?|lights?|lighting|ceiling|walls?|floor\s+(?:repair|coating|paint)
        |(?:company|rental|hire|hired|rented)\s+(?:car|truck|van))\b"""
)

# what is done to equipment that costs money: "needs a new tire", "replace the roller door"
_FIX = _words(
    r"\b(?:replac\w+|new|needs?|needed|broke\s+down|broken\s+down|hire|hired|lease\w*)\b", _I
)


def _asks(text: str) -> bool:
    return _ASKS.search(text) is not None


# -- shorthand report requests ------------------------------------------------------------
# "can u pull a report of damages over 200", "pls send the w/o totals for oct", "need the
# numbers for SKU-12 breakage ytd", "report on stolen stock over $500": a report asked for in
# a few words. Told by a report noun (or a loss noun in the plural) with an asking word, a
# period or a question mark, and no figure that could be goods counted or priced: a figure
# after a bound ("over 200") is the report's filter, one inside a code or after a place
# label is neither.
_REPORT_NOUN = _words(
    # (not a police or an incident report: "police report 24-11873, insurance guy coming")
    r"""\b(?:(?<!police\s)(?<!incident\s)reports?(?!\s*(?:\#|no\.?\s*\d|\d))|totals?(?!\s+(?:loss|losses|write-?off|writeoff|wreck|wipe-?out))
        |numbers|nums|figures?|summary|summaries|breakdown|stats
        |statistics|history|list(?:ing)?s?|tally|tallies|spreadsheet|export|csv|recap
        |rundown|run-down|roll-?up(?!\s+(?:doors?|gates?|shutters?))|records|register
        |(?:the|damage|damages|breakage|theft|loss|shrink|variance|w/o|write-off|dmg)\s+logs?)\b"""
)
_LOSS_NOUN = _words(
    r"""\b(?:damages|breakages?|losses|write-?offs|writeoffs|w/o'?s|wos|shrink(?:age)?
        |thefts|expir(?:ies|ed\s+stock)|variances|spoilage|obsolescence)\b"""
)
_ASKING = _words(
    r"""\b(?:can|could|would)\s+(?:u|you|ya|someone|i|we)\b|\b(?:pls|plz|please|need|needs
        |want|send|pull|get|gimme|give|lemme|let\s+me|show|share|email|e-mail|run|export
        |forward|fwd|chase|any\s+chance|any\s+updates?|update\s+on|got(?!\s+[a-z]+(?:ed|en)\b)|have\s+you\s+got|where\s+(?:are|is)|whats
        |what's|what\s+(?:are|is|were|was))\b"""
)
_FETCH = _words(
    r"""\b(?:pull|send|show|email|e-mail|export|share|forward|fwd|run)\s+(?:me\s+|us\s+)?
        (?:up\s+|over\s+)?(?:the\s+|our\s+|all\s+(?:the\s+)?)?(?:\w+\s+)?(?:damages|breakages
        |losses|write-?offs|writeoffs|w/o'?s|thefts|variances)\b"""
)
_REPORT_PERIOD = _words(
    r"""\b(?:ytd|mtd|qtd|year\s+to\s+date|month\s+to\s+date|so\s+far|to\s+date
        |(?:this|last|past|previous)\s+(?:week|month|quarter|qtr|year|yr|fy)
        |for\s+(?:the\s+)?(?:week|month|quarter|qtr|year)|q[1-4]|fy\s?\d*
        |(?:for|in|during)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*
        |weekly|monthly|quarterly|annual|yearly|by\s+(?:sku|location|site|month|reason|item))\b"""
)
# a figure that may be goods counted or priced: not inside a code, not after a bound word,
# a place or reference label, not a year
_STRAY_FIGURE = re.compile(
    r"(?<![\w/$,.-])(?<!over\s)(?<!above\s)(?<!under\s)(?<!below\s)(?<!than\s)(?<!least\s)"
    r"(?<!dock\s)(?<!bay\s)(?<!aisle\s)(?<!bin\s)(?<!store\s)(?<!site\s)(?<!door\s)"
    r"(?<!zone\s)(?<!row\s)(?<!shelf\s)(?<!#)(?<!no\.\s)(?<!wh\s)(?<!warehouse\s)"
    r"\$?\d(?!\d*(?:st|nd|rd|th)\b)(?![\d,.]*[a-z]*-\w)(?!\d{3}\b)",
    _I,
)
_REQUEST_WORDS = _words(
    r"\b(?:write\s+(?:it|them|these|those|off\s+(?:the|these|those|\d))|scrap\s+(?:it|them)"
    r"|bin\s+(?:it|them))\b",
    _I,
)


def shorthand_report(text: str) -> bool:
    """A report asked for in a few words (see above), with no goods counted or priced."""
    noun = _REPORT_NOUN.search(text) or _LOSS_NOUN.search(text)
    if noun is None or _STRAY_FIGURE.search(text) or _REQUEST_WORDS.search(text):
        return False
    if _REPORT_NOUN.search(text) is None and _REPORT_PERIOD.search(text) is None:
        # "need damages for SKU-40" alone: a loss noun needs a period, or a verb that fetches
        return _FETCH.search(text) is not None and text.rstrip().count(" ") < 12
    asked = _ASKING.search(text) is not None or text.rstrip().endswith("?")
    return asked or _REPORT_PERIOD.search(text) is not None or noun.start() < 3


def information(text: str) -> str | None:
    """A report, list or total asked for, or a what-if: the answer, else None."""
    if shorthand_report(text):
        return "That reads like a request for a report or a figure, not a write-off. "
    verb = _INFO_VERB.search(text)
    if verb and _INFO_NOUN.search(text, verb.end()) and not _WRITE_ASKED.search(text):
        return "That reads like a request for a report or a figure, not a write-off. "
    if _FILTER.search(text) and not _WRITE_ASKED.search(text):
        return "That reads like a request for a report or a figure, not a write-off. "
    if _MODAL_QUESTION.search(text) or _WHAT_IF.search(text):
        return "That reads like a what-if question, not a write-off request. "
    if _IF.search(text) and _CONSEQUENCE.search(text) and not _POLITE_IF.search(text):
        return "That reads like a what-if question, not a write-off request. "
    return None


def running_cost(text: str) -> str | None:
    """A cost of services, repairs, rentals, equipment or the building, naming no stock."""
    if not _MONEY.search(text) or _GOODS.search(text):
        return None
    service = _SERVICE.search(text)
    if service and _BEYOND_REPAIR.search(text) and not _SERVICE.search(text, service.end()):
        service = None  # "beyond repair" was its only service word
    if service or (_EQUIPMENT.search(text) and _FIX.search(text)):
        return (
            "That reads like a cost of services, repairs, rentals or equipment, not stock "
            "to write off. "
        )
    return None


# A service or repair cost beside goods: the amount may be that cost, not the goods' value
COST_BESIDE_GOODS = (
    "the message also names a service, repair or rental cost: check the amount is the goods' value"
)


def cost_beside_goods(text: str) -> str | None:
    """A doubt when a message about goods also prices a service or a repair."""
    if not _MONEY.search(text):
        return None
    for m in _SERVICE.finditer(text):
        if _BEYOND_REPAIR.search(text[max(0, m.start() - 24) : m.end()]):
            continue
        return COST_BESIDE_GOODS
    return None


# -- thanks, praise, news ----------------------------------------------------------------------
# "thx for approving the 12 SKU-12 earlier", "cheers for signing off the 3 stolen TV-55X",
# "appreciate the quick approval on the $2,400": thanks for what was done
_THANKS = _words(
    r"""^\s*(?:[a-z]+[,!]\s+)?(?:thx|thanks|thank\s+you|thankyou|ty|tyvm|cheers|much\s+appreciated
        |(?:many|big)\s+thanks|appreciate(?:\s+it)?|grateful|nice\s+one|great|good)\b
        (?!\s+in\s+advance)[^.!?\n]{0,40}?\b(?:(?:for|on|re)\s+|the\s+)
        (?:the\s+|your\s+|getting\s+|a\s+)?(?:quick\s+|fast\s+)?
        (?:approv\w*|sign(?:ing|ed)?[-\s]?off|posting|posted|booking|booked|sorting|sorted
        |processing|processed|handling|clearing|okaying|ok'?ing|pushing|reviewing|review
        |help)"""
)
# "great job team, only 2 variances in 1,400 bins", "well done all, shrinkage down to $1,200"
_PRAISE = _words(
    r"""^\s*(?:(?:great|good|nice|excellent|awesome|amazing|fantastic|brilliant|solid|top)
            \s+(?:job|work|effort|stuff|result|results|going|count|counting|news)
        |well\s+done|kudos|props|congrats|congratulations|shout[-\s]?out|hats\s+off|bravo
        |proud\s+of|fair\s+play|big\s+thanks|thanks\s+(?:all|team|everyone|guys|folks))\b"""
)
# "only 2 variances in 1,400 bins", "accuracy at 99.8%": how well a count went
_SCORE = _words(
    r"\b(?:variances?|discrepanc(?:y|ies)|errors?|mistakes?|misses|misc(?:ounts?)?)\s+"
    r"(?:in|out\s+of|across|from|over)\s+\d|\baccuracy\b",
    _I,
)

# -- a vendor's new price ---------------------------------------------------------------------
# "vendor says SKU-77 goes to $61 a unit from next PO", "supplier is raising SKU-12 to $17":
# what goods will cost from now on, not a loss on the goods held
_NEW_PRICE = _words(
    r"""\b(?:(?:vendor|supplier|manufacturer|distributor|wholesaler|mill|factory)s?'?s?\b
            [^.!?\n]{0,60}?\b(?:go(?:es|ing)?\s+(?:up|down|to)|rais\w+|increas\w+|hik\w+|bump\w*
            # ("vendor dropped the line": the goods discontinued, no price)
            |drop\w*(?!\s+(?:the|that|this|our|its|their)\s+(?:line|item|sku|product|range
                |style|colou?r|model|pattern|brand))
            |cut\w*|lower\w*|reduc\w+|chang\w+|ris(?:e|es|ing)|put(?:ting)?\s+up
            |new\s+(?:price|cost|rate)|price\s+(?:increase|rise|hike|change|drop|cut))
        |(?:from|on|with|starting|as\s+of)\s+(?:the\s+)?next\s+(?:po|order|delivery|shipment
            |invoice|purchase|batch|run)
        |going\s+forward|from\s+now\s+on|effective\s+(?:from|immediately|next|monday|on|\d)
        |price\s+(?:increase|rise|hike|bump|change|cut)|new\s+(?:unit\s+)?(?:price|cost)
            \s+(?:of|is|will|from|for))\b"""
)
_WRITE_DOWN_ASKED = _words(
    r"\b(?:write|mark|take)\s+(?:\S+\s+){0,4}?down\b|\bwrite[-\s]?down\b|\bmarkdown\b"
    r"|\brevalu\w*|\bnrv\b|\bimpair\w*|\bvalue\s+(?:them|it|these|those|each)\s+at\b"
    # ("vendor dropped the price, our 3 legs on hand now worth $180 ea": the stock's value)
    r"|\b(?:now|only)\s+worth\b|\bworth\s+\$?\d[\d,.]*\s*(?:ea|each|apiece)?\s*now\b",
    _I,
)

# -- money back on a claim -------------------------------------------------------------------
# "carrier paid us $400 on the freight claim", "insurance settled at $2k for the flood",
# "got a $300 cheque from the courier": money received, not goods lost
_CLAIM_MONEY = _words(
    # ("Route 14 truck settled short 3 cs", "route settlement: short 1 cs": a route's
    # count at settlement, not money)
    r"""\b(?:paid\s+(?:us|out)|pays?\s+us|settl(?:ed|ement|ing)(?!\s*:?\s*(?:short|over|up\s+short|hard|out|solid|to\s+the\s+bottom))
        |payout|pay-out|cheques?
        |checks?\s+(?:for|from)|compensat(?:ed|ion)|reimburs\w+|recover(?:ed|y)\s+(?:of\s+)?\$
        # ("$850 coming back": money; "12 tumblers damaged coming back from the engraver")
        |(?:\$\s?\d[\d,.]*k?|\d[\d,.]*k?\s+(?:dollars|bucks))\s+(?:\w+\s+){0,2}?coming\s+back
        |(?:got|received|receiving|get)\s+(?:back\s+)?(?:a\s+|the\s+)?\$?\d
            [\d,.]*k?\s+(?:back|from|cheque|check|payment|credit|refund)
        |(?:insur\w+|carrier|courier|freight\s+company|shipper|haulier|3pl)\b[^.!?\n]{0,40}?
            \b(?:agreed\s+to\s+(?:pay|cover|refund)|will\s+(?:pay|cover|refund)|covered?
            |paid|pays|sent\s+(?:us\s+)?\$|is\s+paying|are\s+paying)
        |claim\s+(?:was\s+|has\s+been\s+|got\s+)?(?:approved|paid|settled|accepted|agreed))\b"""
)
_NOT_COVERED = _words(
    r"\b(?:not|n'?t|never|no|won'?t|wouldn'?t|didn'?t|refused|denied|declined|rejected"
    r"|without)\b[^.!?\n]{0,20}\b(?:cover|pay|paid|compensat|reimburs|settl)",
    _I,
)


def news(text: str, goods_lost: bool = False) -> str | None:
    """Thanks, praise, a vendor's new price or money received on a claim: the answer.
    `goods_lost`: the text says goods were lost (a reason and a count): a new price said
    beside them is what they cost ("2 pr @ 36.50 (new cost from the rep), torn tread")."""
    answer = None
    if _THANKS.search(text):
        answer = "Thanks noted: that reads like a reply about an earlier request, not a new one. "
    elif _PRAISE.search(text) or _SCORE.search(text):
        answer = "That reads like news about a count or the team, not a write-off request. "
    elif _NEW_PRICE.search(text) and not _WRITE_DOWN_ASKED.search(text) and not goods_lost:
        answer = "That reads like a price change for future purchases, not a write-off. "
    elif _CLAIM_MONEY.search(text) and not _NOT_COVERED.search(text):
        answer = "That reads like money received on a claim, not a write-off. "
    return None if answer is None or _asks(text) else answer


def goods_named(text: str) -> bool:
    """The text names goods: a code, a word for stock, things counted, money of something."""
    return _GOODS.search(text) is not None


def write_asked(text: str) -> bool:
    """A write-off asked for in so many words ("w/o", "pls write off", "write them off")."""
    return _WRITE_ASKED.search(text) is not None


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
