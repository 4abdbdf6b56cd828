"""Messages that are not write-off requests although they hold numbers: questions, payments
and refunds, stock received or moved, figures quoted from the past. Each gets a short answer
saying what the bot does, never a draft."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ledger.drafting.reading import asides, errands
from ledger.drafting.reading.fast import gated, lead, twin_patterns

_I = re.IGNORECASE
DOES = (
    "I draft inventory write-offs. Try: '40 units obsolete SKU-12 at $15' or "
    "'Write off $2,400 of damaged inventory from warehouse B'."
)
# what leads a question or a request without changing it: "hey", "ok so", "quick q"
_OPENER = (
    r"(?:(?:hey|hi|hello|yo|ok|okay|so|um+|btw|sorry|quick\s+q(?:uestion)?|/writeoff)\b"
    r"[\s,!:.-]*)*"
)
_QUESTION = re.compile(
    # ("245316 - did we ever write off those 2 rusty spools from march?": the goods' code,
    # then the question; round 234 drafted it at 0.97)
    r"^\s*(?:\S+\s+[-\u2013\u2014:]\s+)?"
    + _OPENER
    + r"""(?:how|what|what's|whats|why|when|where|who|whose|which|is|are|was|were|did|does
        |do|has|have|should|shall|will|would|am
        |(?:can|could|may)\s+(?:we|i|they|he|she|someone)
        |(?:can|could|would)\s+you\s+(?!(?:please\s+)?(?:write|w/o|post|draft|book|record
            |remove|scrap|dispose|toss|bin|adjust|take)\b)
        |(?:can|could|does|will)\s+(?:the\s+)?(?:bot|app|writeoff\s+bot)
        |any\s*(?:one|body)\s+(?:seen|know|knows|have|has|got)
        |remind\s+me|tell\s+me|any\s+idea|wondering|quick\s+question|question
        # ("if 20 X were damaged would that hit COGS?": a what-if, asked; round 165)
        |(?:what\s+)?if(?=[^.?!]*\b(?:would|will|should|does|do|which|what|how)\b[^.!]*\?))\b""",
    _I | re.VERBOSE,
)
# a statement turned into a question at its end: "total shrink YTD is like 3.2k right?"
_TAG_QUESTION = re.compile(
    r"\b(?:right|correct|yeah|yea|no|isn'?t\s+it|wasn'?t\s+it|didn'?t\s+we|don'?t\s+we)\s*\?+\s*$",
    _I,
)
# asking the bot, or the team, to do the bot's job: a request said as a question
# a yes/no question typed without its mark: "does the reserve still have 4k in it", "did we
# ever get the 6 cases back", "is there still 40 on the shelf"
_YES_NO = re.compile(
    rf"""^\s*{_OPENER}(?:does|did|do|has|have|is|are|was|were)\s+(?:the|we|you|u|anyone
        |anybody|someone|somebody|it|this|that|our|they|there)\b""",
    _I | re.VERBOSE,
)
# "did the wig wall w/ Tasha. count is off on X", "did the yard walk w/ Sam this morning":
# a job done, told, not a question (round 182: two trades' counts refused as questions)
_DID_THE_JOB = re.compile(
    r"""^\s*(?:\S+\s+){0,3}?did\s+(?:the|a|our|my|this\s+\w+'?s?)\s+(?:[\w-]+\s+){0,2}?
        (?:walk|walkthrough|walk-through|count|recount|wall|audit|inventory|check|sweep|rounds
        |cycle\s+count|stock\s*take|spot\s+check|physical)\b
        (?=\s*(?:[./,;:\n]|$|w/|with\b|this\b|today\b|yesterday\b|last\b|earlier\b
            |tonight\b|on\s+\w+day\b|and\b
            # ("did the monthly count on the main wall. catan count is off": where; round 216)
            |on\s+(?:the|our|aisle|bay|rack|shelf)\b|in\s+(?:the|our|aisle|bay)\b))""",
    _I | re.VERBOSE,
)
# a question asked with no mark: "what's the cost on a 2x10x16 df right now", "can you show
# me the 5 biggest write-offs this week"
_ASKED_NO_MARK = re.compile(
    rf"""^\s*{_OPENER}(?:what'?s|whats|what\s+(?:is|was|are|were)|how\s+(?:much|many)
        |(?P<show>(?:can|could)\s+(?:you|u)\s+(?:show|tell|give|list|pull\s+up)|show\s+me
        |tell\s+me))\b""",
    _I | re.VERBOSE,
)
# ... or after the goods and what happened: "1 X crashed in the net, can you book it?" (round 286)
# a write-off told as done, its goods counted: "2 X written off at $850 ea (our cost after the
# rebate)" (round 286 refused it as a refund)
_WRITTEN_OFF = re.compile(
    r"\b\d+\s+\S+\s+(?:were\s+|was\s+|got\s+)?(?:written|wrote)\s+off\b", re.IGNORECASE
)
# goods that are someone else's: "customer crashed their own Mavic, not ours" (round 286)
_NOT_OURS = re.compile(
    r"\bnot\s+(?:ours|our\s+(?:stock|inventory|unit|goods))\b|\btheir\s+own\s+(?!fault\b)\w+",
    re.IGNORECASE,
)
_ASKED_AT_END = re.compile(
    r"[,.;:!-]\s*(?:(?:pls|please|plz)\s+)?(?:can|could|would|will)\s+(?:you|u|someone|we)\s+"
    r"(?:(?:please|pls|plz|just)\s+)?(?:book|write|post|record|draft|scrap|toss|log)\s+"
    r"(?:it|them|this|that|these|those|em|'em)(?:\s+(?:off|up|down))?\s*[?!.]*\s*$",
    re.IGNORECASE,
)
ASKED_TO_DO = re.compile(
    rf"""^\s*{_OPENER}(?:(?:pls|please|plz)\s+)?(?:(?:can|could|may|would|will|shall)\s+
        (?:we|i|you|u|ya|ye|someone|somebody|one\s+of\s+you)
        |(?:is\s+it\s+|would\s+it\s+be\s+)?(?:ok|okay|alright|fine|cool)\s+(?:to|if\s+(?:we|i))
        |(?:do\s+you\s+)?mind\s+if\s+(?:we|i))\s+
        (?:(?:please|pls|plz|just|go\s+ahead\s+and|get\s+to)\s+)?
        (?:write|w/o|wo\b|writeoff|post|draft|book|record|remove|scrap|dispose|toss|bin
        # ("can we chuck 5 X kits? they're past dating", round 171)
        |chuck|dump|trash|junk|ditch
        |adjust|take\s+(?:off|out)|get\s+(?:\S+\s+){{0,5}}?(?:written|w/o)|have\s+
        (?:\S+\s+){{0,5}}?(?:written|w/o)
        # ("can we mark the 250ml beakers down from 5.40 to 3.00?", "can we add $650 to the
        # obsolescence reserve?": the bot's own entries, asked politely; rounds 189, 200)
        |mark\s+(?:\S+\s+){{0,6}}?down|markdown|add\s+\$?\d[\d,.]*k?\s+to\s+the\s+(?:\S+\s+){{0,3}}?
        (?:reserve|allowance)|(?:top|bump)\s+up\s+the\s+(?:\S+\s+){{0,3}}?(?:reserve|allowance)
        |draw\s+down\s+the\s+(?:\S+\s+){{0,3}}?(?:reserve|allowance))""",
    _I | re.VERBOSE,
)
# "hey did the 3 TV-55X from yesterday get approved?": asking how an earlier one went
_STATUS_ASKED = re.compile(
    rf"""^\s*{_OPENER}(?:any\s+(?:update|news|word|progress)|status\s+(?:of|on|for)
        |where\s+are\s+we\s+(?:on|with)|what(?:'s|\s+is)\s+the\s+status)\b
      | ^\s*{_OPENER}(?:did|has|have|was|were|is|are)\b[^?]{{0,80}}?\b(?:approved|posted
        |processed|booked|rejected|declined|signed\s+off|gone\s+through|go\s+through
        |went\s+through|synced|sent|done|submitted|pending)\b""",
    _I | re.VERBOSE,
)
# ... asked after the figure it is about: "overage report from last week showed +$312.40,
# did that get posted?"
_STATUS_AFTER = re.compile(
    r"""[,.;:!-]\s*(?:so\s+|and\s+)?(?:did|has|have|was|were|is|are)\s+(?:that|it|this|those
        |these|they|the\s+\w+)\s+(?:\w+\s+){0,2}?(?:get|got|gone|go|been|went)?\s*(?:posted
        |approved|booked|processed|through|thru|done|synced|pushed|entered|recorded|in)\b
        [^?]{0,30}\?+\s*$""",
    _I | re.VERBOSE,
)
# ... asked without a question mark: "is the w/o for the 6 chicks in yet or do i need to
# resubmit"
_STATUS_YET = re.compile(
    rf"""^\s*{_OPENER}(?:did|has|have|was|were|is|are)\b[^?]{{0,80}}?\b(?:in|through|done)\s+yet\b
      | \b(?:do|should|shall)\s+(?:i|we)\s+(?:need\s+to\s+)?re-?submit\b""",
    _I | re.VERBOSE,
)
# a figure asked about, not reported: "what the flood claim came to, $3,240? can someone
# confirm", "was it $14,600?", "the w/o was $196.80 right? just checking it went through",
# "adjuster wants to know what the storm claim total was"
_FIGURE_ASKED = re.compile(
    r"""\b(?:is|are|was|were|been|keeps?|kept)\s+asking\s+(?:what|how|if|whether|about|for|me)\b
      | \basking\s+(?:what|how\s+much|how\s+many|if|whether)\b
      # ("adjuster asked how much the break-in cost us, was it $3,450?", "controller asked:
      # do we need to top up the reserve this quarter?")
      | \basked\s+(?:(?:us|me)\s+)?(?:what|how\s+much|how\s+many|if|whether)\b
      | \basked\s*:\s*(?:do|does|did|should|can|is|are|will|what|how)\b
      | \b(?:wants?|wanted|needs?|needed|would\s+like)\s+to\s+know\b
      | \b(?:can|could|would)\s+(?:someone|somebody|anyone|anybody|you|u)\s+(?:please\s+|pls\s+)?
        (?:confirm|double[\s-]?check|check)\b
      | \bjust\s+(?:checking|making\s+sure|confirming|double[\s-]?checking)\b
      # ("system says 14 X, is that right? I'm seeing a bunch more in back")
      | \b(?:is|was)\s+(?:that|this|it)\s+(?:right|correct|accurate)\s*\?""",
    _I | re.VERBOSE,
)
# an amount with a question mark ("was it $14,600?"): asked, when nothing is said to be lost
_AMOUNT_ASKED = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?\s*k?\s*\?", _I)
# paperwork and thanks for what was given before: "ReStore mailed the donation receipt for
# the $715.20 of Valspar", "the shelter sent a thank-you card for the $450 donation"
_PAPERWORK = re.compile(
    r"\b(?:donation|tax|gift)\s+receipts?\b"
    r"|\bthank[\s-]?you\s+(?:card|note|letter|email|e-mail)s?\b",
    _I,
)
# the insurance side of a loss, talked about: "insurance adjuster coming Tues re: the fire,
# claim #FC-2291 for $18,400 - who's meeting him?"
_CLAIM_TALK = re.compile(
    r"\b(?:adjuster|claim\s*(?:\#|no\.?|number)|insurance\s+claim|claim\s+for\s+\$)", _I
)
# a request from outside, for later: "the food bank asked if we can donate helium tanks next
# month", "Sea Scouts asked if we'd donate some PFDs": nothing has left the shelf yet
_ASKED_OF_US = re.compile(
    r"\basked\s+(?:us\s+)?(?:if|whether)\s+(?:we|i)\s*(?:'d|can|could|would|will|might|may)\b",
    _I,
)
_DIGIT = re.compile(r"\d")
# (an invoice a price was taken from is no money moved: "$9 each on the last invoice")
_MONEY_MOVED = lead(
    "rpcisdtvfgamgbhz",
    r"""\b(?:refund(?:ed|s|ing)?|reimburs\w*|petty\s+cash|cash\s+(?:refund|payment|sale)
        |payments?|pa(?:id|ying|y)\s+(?:the|a|an|our|their|his|her|them|him)\b
        |paid\s+(?-i:[A-Z][\w&'.-]*)(?:\s+(?-i:[A-Z][\w&'.-]*)){0,3}\s+\$
        |paid\s+(?:us\s+)?\$\s?\d[\d,.]*\s*(?:in\s+)?(?:cash|for)
        # ("guest in 1108 paid cash $38.90 for the hair dryer they broke")
        |paid\s+(?:us\s+)?(?:in\s+)?cash\s+\$\s?\d
        |credited\s+(?:us|our\s+account|the\s+account|back)|(?:gave|give|giving)\s+us\s+(?:a\s+)?credit
        |(?<!\bon\sthe\s)(?<!\bper\sthe\s)(?<!\bfrom\sthe\s)(?<!\blast\s)(?<!\blatest\s)
         (?<!\boriginal\s)(?<!\bvendor\s)(?<!\bsupplier\s)(?<!\bvendor's\s)(?<!\bsupplier's\s)
         (?<!\btech\s)(?<!\brepair\s)(?<!\bservice\s)(?<!\bno\s)(?<!\bwithout\s)(?<!\bany\s)
         invoiced?(?!\s*(?:\#|no\.?|number|num)?\s*[:\#]?\s*[a-z]*-?\d)(?!\s+to\s+follow)
         (?!\s+(?:price|cost|value|amount))|(?<!longer\s)(?<!never\s)(?<!not\s)(?<!be\s)(?<!n't\s)(?<!nt\s)(?<!n’t\s)sold|selling\s+to|sale\s+to|deposit(?:ed)?|payroll|(?<![-/])(?<!exhaust\s)(?<!pipette\s)(?<!nozzle\s)(?<!solder\s)(?<!contact\s)(?<!filter\s)(?<!the\s)(?<!broken\s)(?<!bent\s)(?<!chipped\s)tip(?![-/])(?!\s+(?:off|broke|broken|snapped|bent|chipped|cracked|of|jars?|cups?|box|sections?|ends?|area|racks?|trays?|refills?|inserts?|boxes|cartons?|cases?|bags?|filters?)\b)|chargeback
        |(?<!\bno\s)(?:vendor|supplier|carrier|courier)\s+credit\w*(?!\s+(?:was\s+|got\s+)?(?:denied|refused|rejected|declined)\b)|credit\s+(?:note|memo)|rebate|for\s+(?:a\s+)?credit
        |return(?:ed|ing)?\s+(?:\S+\s+){0,5}to\s+(?:the\s+)?(?:vendor|supplier|manufacturer)
        |return\s+to\s+vendor|(?<![-/])(?<!past\sthe\s)(?<!past\s)rtv(?![-/])(?!(?:\s*(?:\#|no\.?)?\s*[\w-]*\d[\w-]*)?,?\s+(?:was\s+|got\s+)?(?:denied|refused|rejected|declined)\b)
         # ("the RTV shelf", "past the RTV window": a place or a deadline, nothing returned)
         (?!\s+(?:shelf|shelves|window|area|cage|bin|rack|pile|bay|cart|section|corner|spot)\b)
        |(?:store|shop|account|customer|client|goodwill|courtesy)\s+credits?
        |credit(?:ed)?\s+(?:\$?\s?\d[\d,.]*k?\s+)?(?:to|for)\s+(?:the\s+|our\s+|a\s+|their\s+)?(?:client|customer|buyer|store|shop)s?
        |issu(?:e|ed|es|ing)\s+(?:them\s+|us\s+|the\s+(?:client|customer)\s+)?(?:a\s+)?(?:\$?\s?\d[\d,.]*k?\s+)?credit
        |(?:full|partial)\s+credit|(?:send|sending|sent|ship|shipping|shipped)\s+(?:\S+\s+){0,6}?back\s+to\s+(?:the\s+)?(?:vendor|supplier|manufacturer|mfr|factory|distro|distributor|wholesaler|rep)
        |gift\s+cards?(?!\s+(?:envelopes?|holders?|sleeves?|boxes|displays?|stands?|racks?|mailers?))
        |(?:via|through|on|by)\s+(?:paypal|venmo|zelle|stripe|shopify\s+payments)
        # ("client venmo'd $75", "zelled us 40"; "core credit from interstate came thru")
        |(?:venmo|zelle|paypal)(?:'?d|ed)|core\s+credits?
        # ("insurance check came in for the break-in, $1,850"): money received for a loss
        # ("insurance adjuster check finally showed up for the fire, $1,230.80": round 243)
        # ("ins check came in for the flood, $4,200": round 319)
        |(?:insurance|ins|claim|settlement)\s+(?:adjuster'?s?\s+|company'?s?\s+)?(?:check|cheque
            |payment|payout|money|funds)
        |sent\s+(?:them|him|her|the\s+(?:customer|client|buyer))\s+\$?\s?\d[\d,.]*\s+back
        |cash\s+back|money\s+back|back\s+in\s+cash
        |(?:gave|give|giving|hand(?:ed|ing)?)\s+(?:\S+\s+){0,4}?(?:\$\s?\d[\d,.]*\s+back|back\s+\$)
        |(?:gave|give|giving|hand(?:ed|ing)?)\s+(?:the\s+|a\s+|that\s+)?(?:customer|client|buyer
            |them|him|her)\s+\$\s?\d+)\b""",
    _I | re.VERBOSE,
    word=True,
)
# "thanks! that one looks right", "ok great, all good": a reply to the bot, not a request
_THANKS = re.compile(
    r"\blooks?\s+(?:right|good|fine|correct|ok)\b"
    r"|^\W*(?:thanks|thank\s+you|thx|ty|cheers|got\s+it)\W*$"
    # ("thanks :+1: the 6 shredders posted fine"): thanks for what is done
    r"|^\W*(?:thanks|thank\s+you|thx|ty)\b.*\b(?:posted|went\s+through|all\s+good|sorted"
    # ("thx for catching the 2x4 count", "thx, the 12 jackets w/o from yesterday got approved")
    r"|got\s+approved|approved|for\s+catching|for\s+spotting|for\s+the\s+heads\s+up)\b",
    _I,
)
# a word every branch of _MONEY_MOVED needs (a plain test turns most messages away first)
_MONEY_WORDS = (
    "refund", "reimburs", "petty", "cash", "payment", "paid", "paying", "pay", "credit",
    "invoice", "sold", "selling", "sale", "deposit", "payroll", "tip", "chargeback", "rebate",
    "return", "rtv", "gift", "paypal", "venmo", "zelle", "stripe", "shopify", "sent",
    "back", "gave", "give", "hand", "insurance", "claim", "settlement", "ins check",
    "ins payout", "ins payment", "ins money", "ins funds", "ins cheque",
)  # fmt: skip
# Money words that need no reason word beside them to mean a payment: "customer paid $300".
# what the goods cost us, said beside damage: "expired, we paid $190.08 for the case",
# "damaged, $299 on this lot's invoice" (a cost, not a payment to write off)
_COST_SAID = re.compile(
    r"\b(?:we\s+paid\s+\$?\s?\d[\d,.]*\s+(?:for\s+(?:the|each|a|per|it|them|those|that|this"
    r"|these)|each|a|per|ea)\b"
    # ("that one we paid $165 for (old PO)": what it cost, said at the clause's end)
    r"|paid\s+\$\s?\d[\d,.]*\s+for(?=\s*(?:\(|$|[.,;!]))"
    # ("4 pails spoiled, paid 58 a pail", "3 rolls got grease on them, paid 410/roll")
    r"|paid\s+\$?\s?\d[\d,.]*\s*(?:(?:a|an|per|each|ea)\s+[a-z]+|/\s*[a-z]+)\b"
    # ("$84.00 on the newest invoice", "what we paid on the last KeHE invoice": round 256)
    r"|cost\s+us|on\s+(?:the|this|that)\s+(?:new\s+|newest\s+|latest\s+|last\s+)?"
    r"(?:lot'?s?\s+|po'?s?\s+|(?!next\b)[a-z]{2,8}\s+)?invoice"
    r"|per\s+(?:the\s+)?(?:new\s+|latest\s+|last\s+)?invoice"
    r"|what\s+we\s+paid"
    # ("invoice was $8.12/lb", "invoiced at $24": what the goods cost)
    r"|invoice\s+(?:cost|price|was|is|says|said|shows)|invoiced\s+(?:at|@)"
    # ("invoice on that slab was $1,295.00", "landed cost on these was $262 each", "$13.50/ea
    # from the new PO": what the goods cost; rounds 279-281 refused them as purchases)
    r"|invoice\s+(?:on|for)\s+(?:that|this|the|those|these)\s+(?:[\w-]+\s+)?(?:was|is)"
    r"|landed\s+cost|(?:unit\s+)?cost\s+(?:on|of)\s+(?:these|those|them|it|this|that)\s+(?:was|is)"
    r"|(?:\$\s?\d[\d,.]*|\d[\d,.]*\s*(?:/|per\s+|a\s+)(?:ea|each|unit|pc))\S*\s+(?:from|on)\s+"
    r"(?:the|our|that)\s+(?:new\s+|last\s+|latest\s+)?po)\b",
    _I,
)
_PAID = re.compile(
    r"\b(?:paid|pays?|payed|cash\s+(?:in|out)|charged\s+(?:the\s+)?(?:customer|card)|bought"
    r"|purchased|for\s+sale|on\s+sale)\b",
    _I,
)
_STOCK_MOVED = re.compile(
    r"""\b(?:received|receiving|coming\s+in|arriving|arrives|due\s+in|inbound|on\s+the\s+way
        |coming\s+(?:at|by|around|today|tomorrow|tonight|this|next|on\s+\w+day)
        |en\s+route|restock(?:ed|ing)?|re-stock(?:ed)?|ordered|reorder(?:ed)?
        |order\s+(?:more|another)|transfer(?:red|ring|s)?|xfer(?:red|d)?
        |mov(?:ed?|ing)\s+(?:\S+\s+){0,5}?(?:from|to|into|over\s+to|across\s+to)
        |re-?locat(?:ed?|ing)|re-?label(?:l?ed|l?ing)?|re-?slott(?:ed|ing)|re-?binn(?:ed|ing)
        |re-?shelv(?:ed?|ing)|re-?pack(?:ed|ing)?|re-?box(?:ed|ing)?|consolidat(?:ed?|ing)
        |put\s+(?:\S+\s+){0,4}?back|return(?:ed|ing)?\s+(?:\S+\s+){0,4}?to\s+(?:stock
            |the\s+shelf|shelf|the\s+bin|inventory)
        |back\s+(?:on|to)\s+the\s+shel(?:f|ves)|back\s+in\s+stock|swapped\s+(?:\S+\s+){0,3}(?:to|for|with)
        |shipped|put\s+away|cycle\s+count\s+(?:is\s+)?(?:done|scheduled)|meeting
        |arrived|delivered|checked\s+in|came\s+in|signed\s+for|all\s+there)\b""",
    _I | re.VERBOSE,
)
# A message that starts by moving stock is about where goods are, even when it names their
# state ("moved 20 damaged SKU-12 to bay 9"): a write-off only if it asks for one or sends
# the goods to be thrown away.
_MOVED_FIRST = re.compile(
    r"""^\s*(?:(?:we|i|have|has|had|just|also|ok|okay|fyi|pls|please)\s*,?\s+)*
        (?:(?:mov(?:e|ed|ing)|transfer(?:red|ring)?|xfer(?:red|d)?|relocat(?:e|ed|ing))
            \s+(?:\S+\s+){0,6}?(?:to|into|from|over\s+to|across\s+to)
        |re-?label\w*|put\s+(?:\S+\s+){0,4}?back|consolidat(?:e|ed|ing)
        |re-?slot(?:ted|ting)?|re-?binn(?:ed|ing)|re-?shelv(?:e|ed|ing)
        |return(?:ed|ing)?\s+(?:\S+\s+){0,4}?to\s+(?:the\s+)?(?:stock|shel(?:f|ves)|inventory
            |bin|floor|location|rack)
        # ("order 60 bags of X to replace the ones the mice got, PO 10442": a purchase)
        |(?:re-?)?order\s+(?:\S+\s+){0,6}?to\s+replace)\b""",
    _I | re.VERBOSE,
)
# ... unless it goes on to say what was found on the way: "moved the pallets to bay 3 and
# found 3 SKU-40 cracked" reports damage
_FOUND = re.compile(r"\b(?:found|noticed|discovered|came\s+across|spotted|saw)\b", _I)
_DISPOSAL = re.compile(
    r"\b(?:scrap|skip|dumpster|trash|garbage|rubbish|waste|disposal|dispose|destroy|destruction"
    r"|quarantine|write[-\s]?off\s+(?:cage|bin|area|pile))\b",
    _I,
)
_RESERVE = re.compile(r"\b(?:reserves?|allowances?|provisions?|e\s*&\s*o)\b", _I)
_RESERVE_HISTORY = gated(
    r"\b(?:were|was|been|already|previously|fully|we|we'?ve|we\s+have)\s+(?:already\s+|fully\s+)?"
    r"(?:provided\s+for|provisioned|reserved|covered\s+by\s+the\s+reserve)\b[^.?!\n]*",
    _I,
)
_PAST_FIGURE = re.compile(
    r"""\b(?:(?:last|previous|prior)\s+(?:month|mo|week|wk|quarter|qtr|year|yr)'?s?
        |(?:for|in)\s+q[1-4](?:\s+\d{2,4})?)\b[^.?!\n]*
        \b(?:wrote\s+off|written\s+off|we\s+had|was|were|came\s+to|totall?ed)\b
      | \b(?:wrote\s+off|written\s+off|we\s+had
        # ("best by was end of last month": the goods' date, no past figure)
        |(?<!\bby\s)(?<!\bdate\s)(?<!\bexpiry\s)(?<!\bexpiration\s)(?<!\bexp\s)(?<!\bbefore\s)
         (?<!\buse\s)(?:was|were))\b
        [^.?!\n]*\b(?:last|previous|prior)\s+(?:month|mo|week|wk|quarter|qtr|year|yr)\b
      # ("march shrink on the bar was $1,240, down from feb", "ytd write-offs are at $3k"):
      # a month's or a year's losses told
      | \b(?:jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?
        |oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|ytd|year\s+to\s+date
        |this\s+(?:month|quarter|qtr|year|yr)(?:'s)?)\s+(?:[\w&'-]+\s+){0,2}?
        (?:shrink|shrinkage|write-?offs?|w/os|losses|damages|waste)\b[^.?!\n]*
        \b(?:was|were|are|is\s+at|came\s+to|came\s+in\s+at|totall?ed)\b
      # ("Shrink for March came in at $1,842, down from $2,310 in Feb", round 162)
      | \b(?:shrink|shrinkage|write-?offs?|w/os|losses|damages|waste)\s+(?:for|in)\s+
        (?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?
        |oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|the\s+(?:month|quarter|year))\b
        [^.?!\n]*\b(?:was|were|came\s+to|came\s+in\s+at|totall?ed|is\s+at)\b""",
    _I | re.VERBOSE,
)
_WAS_NOW = re.compile(
    r"\b(?:was|were)\s+\$?\s?\d[\d,.]*\s*(?:ea|each)?\s*[,;]?\s*(?:but\s+)?now\s+\$?\s?\d", _I
)
# Goods sent to another shop, store, branch or site stay in the company's inventory: "we send
# 10 chair CHR-009 to the other shop in Dayton", "sent 4 CHR-009 over to the Akron branch".
_SENT_ELSEWHERE = lead(
    "stgw",
    r"""\b(?:send|sends|sent|sending|ship|ships|shipping|shipped|truck(?:ed|ing)?|go|goes
        |going|went)\s+
        (?:\S+\s+){0,6}?(?:to|over\s+to|across\s+to|back\s+to)\s+
        (?:the\s+|our\s+|another\s+|other\s+|a\s+|an\s+)?(?:other\s+)?(?:[\w.'-]+\s+){0,2}?
        (?:shop|store|branch|site|location|warehouse|outlet|dc|depot|showroom|office|team)s?\b""",
    _I | re.VERBOSE,
    word=True,
)
# Stock put to use or lent, not lost (round 179): "issued 30 reams to the district office",
# "used 4 bags of X in today's brew", "used 3 reams on the Hendricks job", "got 6 bags back
# from the groomer (they borrowed them)", "2 clippers out for repair", "charge 3 minis to
# room 1118's folio". Said with no reason word, it is the stock's use, not a write-off.
_PUT_TO_USE = lead(
    "iugoblcr",
    r"""\b(?:issued|issuing|issue)\s+(?:\S+\s+){0,6}?(?:to|for)\b
      | \b(?:used|using|use)\s+(?:up\s+)?(?:\S+\s+){0,6}?(?:in|on|for)\s+
            (?:the\s+|today'?s\s+|this\s+|our\s+|a\s+|tonight'?s\s+)?(?:[\w'-]+\s+){0,2}?
            (?:brew|batch|job|jobs|project|build|production|run|order|event|install)\b
      | \bgot\s+(?:\S+\s+){0,6}?back\s+from\b
      | \b(?:borrowed|lent|loaned)\b
      | \bout\s+for\s+(?:repair|service|servicing|calibration|cleaning)\b
      | \bcharge\s+(?:\S+\s+){0,6}?to\s+(?:room|rm|the\s+room|the\s+guest|(?:\S+\s+)?folio
            |dept|department|the\s+job|job|account)\b""",
    _I | re.VERBOSE,
    word=True,
)
# "give me the total of damaged goods for Q3": a report asked for, without a question mark
_REPORT_ASKED = re.compile(
    r"""^\s*(?:(?:can|could|would)\s+you\s+)?(?:please\s+|pls\s+|plz\s+)?
        (?:give|show|send|get|tell|pull|find)\s+(?:me|us)\s+(?:up\s+)?(?:the\s+|a\s+|our\s+)?
        (?:\w+\s+)?(?:totals?|sum|report|figures?|numbers?|breakdown|summary|list)\b
      | ^\s*(?:how\s+much|what(?:'s|\s+is|\s+was|\s+were|\s+are)?)\s+(?:[\w']+\s+){0,4}?
        (?:the\s+)?(?:totals?|sum)\b""",
    _I | re.VERBOSE,
)
# "the count for SKU-12 is 400 now": a stock figure, news rather than a request
_STOCK_FIGURE = re.compile(
    r"\b(?:count|on\s+hand|stock\s+level|inventory|balance)\b[^.?!\n]{0,40}"
    r"\b(?:is|are|shows?|reads?|at|now)\s+\d",
    _I,
)
# Talk about losses over a period, not a request to write something off now (issue 9 held-out
# failures): "last month we lost $4,000 to damage", "that's $900 gone this year", "we've had
# $3,000 stolen since january", "we lose $500 a week to breakage". A period that spans weeks
# or more, with the writer speaking of what "we" had or what it came to, and no request.
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june|july|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_PERIOD = lead(
    "a-z",
    rf"""\b(?:(?<!from\s)(?<!of\s)(?:last|previous|prior|this|past)\s+(?:few\s+)?
           (?:months?|quarters?|years?|fy|fiscal\s+year|season)(?!'s)
        |(?:in|during|for|over)\s+(?:the\s+)?(?:q[1-4]|{_MONTHS}|(?:19|20)\d\d)
        # ("breakage for May came to $1,284": May, not the verb, before what it came to)
        |for\s+may(?=\s+(?:was|were|came\s+to|totall?ed|is)\b)
        |since\s+(?:{_MONTHS}|(?:the\s+)?(?:start|beginning)|q[1-4]|(?:19|20)\d\d)
        |year[-\s]to[-\s]date|ytd|so\s+far(?:\s+this\s+\w+)?|to\s+date|all\s+year
        |(?:a|per|every|each)\s+(?:week|month|quarter|year)|weekly|monthly|annually
        |(?:for|over|during)\s+the\s+(?:week|month|quarter|year|period)(?!\s+(?:of|ending))
        # ("Q3 write-offs totaled $3,412, fyi": round 241 drafted it)
        # ("Q2 expired write-offs came to 14k total": round 318)
        # ("can't believe Q3 breakage hit $6k in the yard alone": round 352 drafted it, sure)
        |q[1-4](?=\s+(?:[a-z/&-]+\s+){{0,2}}(?:was|were|came\s+to|totall?ed|is|hit|reached
           |topped)\b)
        |(?:week|month|quarter|year)\s+after\s+(?:week|month|quarter|year))\b""",
    re.IGNORECASE | re.VERBOSE,
    word=True,
)
_NARRATOR = re.compile(
    r"""\b(?:we|we'?ve|we'?re|we\s+had|our|us|that'?s|that\s+was|it'?s\s+been|it\s+was
        |(?:is|are|was|stands?|sits?)\s+at|came\s+to|comes\s+to|totall?ed|added\s+up
        |adds\s+up|cost\s+us|gone|so\s+much|a\s+lot
        |total|(?:is|was)\s+(?:like|about|around|roughly))\b
        |\b(?:is|was|hit|reached|topped)\s+(?=\$\s?\d)""",
    re.IGNORECASE | re.VERBOSE,
)
# Comment words that make a mention of a past loss a remark: "remember?", "crazy", "not great"
_REMARK = lead(
    "a-z",
    r"""\b(?:crazy|insane|nuts|wild|ridiculous|unreal|yikes|smh|lol|wow|ouch|ugh|sadly
        |remember|recall|not\s+great|not\s+good|hope|hopefully|honestly|believe|imagine
        |brutal|painful|rough)\b""",
    re.IGNORECASE | re.VERBOSE,
    word=True,
)
_PAST_TIME = lead(
    "a-z",
    rf"\b(?:last|previous|prior)\s+(?:week|month|quarter|year|time|spring|summer|fall|winter)\b"
    rf"|\b(?:weeks|months|years)\s+ago\b|\bback\s+in\b|\bin\s+{_MONTHS}\b|\bremember\s+when\b"
    # "during the summer months", "over the holidays", "all winter"
    rf"|\b(?:during|over|all|through(?:out)?)\s+(?:the\s+)?(?:spring|summer|fall|autumn|winter"
    rf"|holidays?|season|peak\s+season)\b",
    re.IGNORECASE,
    word=True,
)
# What makes a message a request whatever else it says: asking, or the write-off verb itself
_REQUEST = re.compile(
    r"""\b(?:please|pls|plz|pse|kindly|can\s+you|could\s+you|need(?:s)?\s+to\s+(?:be\s+)?

        |go\s+ahead|let'?s(?!\s+(?:keep|try|aim|hope|make\s+sure|get\s+(?:it|that|this)\s+down))
        |book|record|post|log|raise|use\s+the|now|today|tonight
        |top\s+(?:it|that|the\s+reserve|the\s+allowance)\s+(?:back\s+)?up
        |this\s+morning|just\s+(?:found|noticed|came\s+in))\b
      | ^\s*(?:write|w/o|take|scrap|dispose|toss|bin|remove|adjust|reduce|expense)\b""",
    re.IGNORECASE | re.VERBOSE,
)


PAST_TALK_DOUBT = "This reads like talk about past losses: check it is a new write-off"
# goods of the past asked to be written off now: "9 boxes expired last month, need them
# written off"
_NEED_WRITTEN = re.compile(
    r"\bneed(?:s)?\s+(?:it|them|these|those|this|that)\s+(?:written|w/o|wrote|taken)\b", _I
)


# a write-off of past goods asked for now: "last month we dumped 3 X, need them written off"
_ASKED_NOW = re.compile(
    _NEED_WRITTEN.pattern
    + r"|\b(?:pls|plz|please)\s+(?:w/o|write\s+(?:it|them|these|those)?\s*off)\b",
    _I,
)


# the inventory reserve moved in so many words: "add $800 to the E&O reserve for last
# season's ...", "increase the E&O allowance by $1,200 for discontinued rental stoves"
RESERVE_ASKED = re.compile(
    r"\b(?:add|increase|top\s+up|provide|build|raise|bump|use|release|relieve|take|draw"
    r"|charge|book)\b[^.;\n]{0,60}?\b(?:e\s*&\s*o|e\s*and\s*o|excess\s+and\s+obsolete"
    r"|obsolescence|obsolete\s+stock|inventory|slow[-\s]moving)\s+(?:reserve|allowance"
    r"|provision)\b",
    _I,
)


def past_talk(text: str) -> str | None:
    """A short answer when `text` talks about losses over a period ("last month we lost $4,000
    to damage"), else None."""
    if not (_PERIOD.search(text) and _NARRATOR.search(text)):
        return None  # checked first: most messages name no period, and this is cheaper
    if RESERVE_ASKED.search(text):
        return None
    if not (_REQUEST.search(text) or _ASKS.search(text)):
        return (
            "That reads like talk about past losses or totals, not a request to write "
            "something off now. " + DOES
        )
    return None


def remark(text: str) -> str | None:
    """A doubt for a loss told as a memory or a remark ("last week 12 panels got smashed,
    remember?"): it may be news already booked, so the draft must be checked, never sure."""
    if not (_REMARK.search(text) and _PAST_TIME.search(text)):
        return None
    if not (_REQUEST.search(text) or _ASKS.search(text)):
        return "This reads like a remark about a past loss: check it is a new write-off"
    return None


# Running costs, staff and sales figures: wages, hours and shifts, rent and utilities,
# budgets, prices quoted to customers, what was sold. Numbers and money, but no goods lost:
# "new hire starts Monday, 3 shifts a week at $18/hr", "rent is $4,000", "sold 40 today at
# $15". Only when no reason word is there ("3 shifts of spoiled milk" is still a write-off).
_OPERATING = lead(
    "abcdefghilmnopqrstuw/",
    r"""\b(?:wages?|salar(?:y|ies)|payroll|overtime|(?:per|an|a|/)\s*(?:hour|hr)\b|/\s*hr
        |hourly|hours?\s+(?:a|per|each|this|last|that)\b|worked\s+\d|staffing|staff
        # ("Night shift (Ray) 02:30 - found 2 extra": when, not wages)
        |(?<!night\s)(?<!day\s)(?<!morning\s)(?<!evening\s)(?<!late\s)(?<!early\s)
         (?<!swing\s)(?<!graveyard\s)(?<!1st\s)(?<!2nd\s)(?<!3rd\s)shifts?
        |new\s+hires?|hires?|hired|hiring|headcount|pickers?|packers?|drivers?\s+at
        # ("temp log 48F", "temp alarm", "temp abuse": a cooler's temperature, no temp staff)
        # ("out of temp", "above temp": the goods' temperature)
        |(?<!of\s)(?<!above\s)(?<!over\s)(?<!off\s)(?<!wrong\s)(?<!high\s)(?<!hot\s)
         temps?(?!\s*(?:log|logs|alarm|abuse|excursion|reading|probe|check|sensor|spike|was|hit
            |rose|at|of|in|on|went|got|read|said|says|:|=|\d))
        |rent|lease|leasing|utilit(?:y|ies)|electric(?:ity)?|power\s+bill|gas\s+bill
        |water\s+bill|internet\s+bill|phone\s+bill|bills?|insurance\s+premium|budget(?:ed|s)?
        |forecast|quot(?:e|es|ed|ing)|price\s+(?:list|to\s+(?:the\s+)?(?:customers?|clients?))
        |(?:retail|list|selling)\s+price|retail|wholesale|msrp|rrp|prices?\s+(?:of|for|is|are|was|were|went|goes|going)
        |(?:charged?|told|offered?)\s+(?:the\s+)?(?:customers?|clients?)
        |sales|revenue|turnover|takings|sold|selling)\b""",
    _I | re.VERBOSE,
    word=True,
)

# Plans and pay are never a write-off, whatever goods they mention: "budget for Q1 damages is
# $5,000", "paid the temps $500 to clean up the flood damage"
_PLAN_OR_PAY = lead(
    "abfghilmopqrstwy/",
    r"""\b(?:(?:budget(?:ed|s)?|forecast(?:ed|s)?)\s*(?:for|is|was|of|at|:)|budgeting|forecasting
        |(?:the|our|q[1-4]|monthly|annual|yearly|weekly)\s+(?:budget|forecast)|wages?
        |salar(?:y|ies)|payroll|per\s+hour|/\s*(?:hour|hr)|worked\s+\d+\s*(?:hours?|hrs?|shifts?)
        |overtime\s+(?:at|pay|hours?|of|for|is|was|:)|(?:hours?|hrs?)\s+(?:of\s+)?overtime
        |(?:revenue|turnover|takings|gross\s+margin|margin|profit|sales)\s+(?:was|were|is|are|up|down
            |fell|rose|grew|dropped|came\s+(?:in|to)|hit|totall?ed|of\s+\$)|rent\s+(?:is|was|of|for|:|\$)
        |(?:the|our|monthly)\s+rent|lease\s+(?:is|was|of|for|payment)|insurance\s+premium
        |(?:paid|pay|pays|paying|hired|hire)\s+(?:the\s+|our\s+|a\s+|some\s+)?(?:temps?|staff
            |cleaners?|cleaning\s+crew|workers?|crew|guys|team|contractors?|agency|drivers?
            |movers?|labou?r(?:ers)?|electricians?|plumbers?|landlord)
        # ("we lost the Henderson bid by $3,000": a sale not made, no goods gone; round 159)
        |(?:lost|lose|losing|won|win|winning)\s+(?:the\s+|a\s+|that\s+|our\s+|this\s+)?
            (?:[a-z][\w'-]*\s+){0,2}?(?:bid|tender|deal|contract|pitch|auction|bet|rfq|rfp)
            (?=\s*(?:$|[,.;:!?)-]|by\b|to\b|on\b|for\b|against\b|with\b|today\b|yesterday\b)))\b""",
    _I | re.VERBOSE,
    word=True,
)

# Reserves that are not the inventory reserve: bad debts, warranties, returns, legal claims,
# taxes, staff. "increase the allowance for doubtful accounts by 1,800" is not obsolescence.
_OTHER = (
    r"(?:doubtful\s+(?:accounts?|debts?|receivables?)|bad\s+debts?|credit\s+loss(?:es)?"
    # ("increase reserve for obsolete legal paper": the paper's size, round 179)
    r"|receivables?|warrant(?:y|ies)|returns?|refunds?"
    r"|legal(?!\s+(?:paper|size|pads?|sheets?|envelopes?|folders?|files?|tabs?|ream))"
    r"|lawsuits?|litigation|claims?"
    r"|tax(?:es)?|bonus(?:es)?|vacation|holiday\s+pay|severance|restructuring|rebates?)"
)
# a customer's unpaid bill is a receivable, never stock: "the $75 bar tab the guy walked out
# on", "dine and dash", "unpaid invoice"
_UNPAID_BILL = re.compile(
    r"\b(?:bar\s+tab|(?:bar|dinner|lunch|room)\s+bill|unpaid\s+(?:bill|check|tab|invoice)"
    r"|dine[-\s]and[-\s]dash(?:ed)?|(?:walked|ran|skipped)\s+out\s+on\s+(?:the|a|his|her|their)"
    r"\s+(?:bill|check|tab))\b",
    _I,
)
_OTHER_RESERVE = lead(
    "rapdbcwlthvs",
    rf"""\b(?:(?:reserves?|allowances?|provisions?)\s+(?:for|against|on)\s+(?:the\s+|a\s+|our\s+)?
        (?:\w+\s+)?{_OTHER}|{_OTHER}\s+(?:reserves?|allowances?|provisions?))\b""",
    _I | re.VERBOSE,
    word=True,
)

# Buying and selling said in the negative is nobody trading, the story of obsolete stock, not
# a purchase or a sale by us: "nobody's bought the 2019 model in 2 years", "none sold this
# year", "customers haven't bought any since 2021".
_NOBODY_TRADES = lead(
    "hdnzsq",
    r"""\b(?:haven'?t|hasn'?t|have\s+not|has\s+not|hadn'?t|didn'?t|did\s+not|don'?t|doesn'?t
        |do\s+not|does\s+not|never|nobody'?s?|no\s+one'?s?|no-one|noone|none|zero|nothing
        |not\s+a\s+single(?:\s+[\w-]+)?|not\s+(?:one|any)|stopped|quit|no\s+longer)
        (?:\s+(?:has|have|had|been|even|really|ever|any|one))*
        \s+(?:bought|buys?|buying|sold|sells?|selling|purchased|purchasing|ordered|orders?
            |ordering)\b""",
    _I | re.VERBOSE,
    word=True,
)

# how goods are sold, or that they ran out, is no sale of these: "nav lights (sold by the
# pair, cost is per pair): 3 pairs fogged", "sold out of hazy by 4pm. someone swiped 7 hats"
# (round 179: both refused as a sale)
_NO_SALE_HERE = re.compile(
    r"""\b(?:sold|sells|selling)\s+(?:by\s+the|in|per|as\s+an?|as)\s+(?:\w+\s+)?(?:pair|pairs|each
        |piece|unit|case|cases|dozen|box|boxes|pack|packs|foot|ft|yard|roll|rolls|set|sets|bag
        |bags|pound|lb|gallon|sheet|sheets|ream|bundle|bundles|singles?)\b
      | \bsold\s+out\b""",
    _I | re.VERBOSE,
)

# money that does not come back: "vendor won't take RTV", "vendor said no RTV", "carrier won't
# pay the claim": the loss is ours, no payment or refund moves
_NO_MONEY_BACK = re.compile(
    r"""\b(?:won'?t|wont|will\s+not|would\s+not|wouldn'?t|refused?\s+to|refuses\s+to|declined\s+to
        |didn'?t|did\s+not|doesn'?t|does\s+not|can'?t|cannot|said\s+no(?:\s+to)?|no
        # ("not a refund for the cafe, it's a write-off: 4 X expired", round 173)
        |(?:it'?s\s+|this\s+is\s+)?not)
        \s+(?:(?:take|accept|pay(?:\s+for)?|credit|refund|approve|allow|cover|honou?r|do)\s+)?
        (?:the\s+|an?\s+|us\s+|our\s+|for\s+the\s+)?(?:rtv|returns?|claims?|credits?|refunds?)\b""",
    _I | re.VERBOSE,
)

_WRITE_OFF = re.compile(r"\bwrite[-\s]?(?:it\s+|them\s+)?off\b|\bw/o\b|\bwriteoff\b", _I)
# stock on its way in, with no loss said: "lands at 3pm", "coming Tuesday", "due in Friday"
_ARRIVING = re.compile(
    r"\b(?:lands?|landing|arriv(?:es|ing)|coming\s+(?:in\s+)?(?:on\s+)?(?:today|tonight|tomorrow"
    r"|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|next\s+week|this\s+week)|due\s+(?:in\s+)?(?:today|tomorrow|on|at|next|mon|tue|wed|thu|fri"
    r"|monday|tuesday|wednesday|thursday|friday)|inbound|eta\b)",
    _I,
)
# a count or a check asked for, nothing lost said: "can someone recount the 50 X on rack 7"
_COUNT_ASKED = re.compile(
    r"\b(?:can|could|would|will)\s+(?:some\s*one|some\s*body|you|u|anyone|anybody)\s+"
    r"(?:please\s+|pls\s+)?(?:re-?count|count|double[-\s]?check|check|verify|look\s+at)\b"
    r"|^\W*(?:pls\s+|please\s+)?(?:re-?count|double[-\s]?check)\b",
    _I,
)
# a question at the end of a statement: "..., do those get written off??"
_LAST_QUESTION = re.compile(
    r"[,.;:]\s*(?:so\s+)?(?:do|does|did|should|would|will|can|could|is|are)\s+(?:those|these"
    r"|they|we|it|that|them|i|you)\b[^.!?]*\?+\s*$",
    _I,
)
# the goods' disposal asked at the end of a clause: "these 4 were on the returns shelf. scrap",
# "defective, binning", "were scrapping them" (round 309 read these as news, returns, past
# figures or orders)
_DISPOSE_AT_CLAUSE_END = (
    r"(?<!don't\s)(?<!dont\s)(?<!not\s)(?<!n't\s)(?:scrapping|tossing|trashing|binning|dumping"
    r"|junking|pitching|chucking|destroying)(?:\s+(?:it|them|'?em|all|the\s+lot|\d+))?"
    r"(?=\s*(?:[.,;!\n]|$))"
    r"|[.,;:]\s*(?:scrap|toss|trash|bin|dump|junk)(?=\s*(?:[.,;!]|$))"
)
_DISPOSE_NOW = re.compile(_DISPOSE_AT_CLAUSE_END, _I)
# a write-off asked for in so many words: beside money moved ("customer credit note for 3
# damaged X pls" asks for the credit, "3 X broken, credit pending, write off pls" for both)
_ASKS_WRITE_OFF = re.compile(
    r"\b(?:write\s+(?:it|them|'?em|this|these|those)?\s*(?:off|down)|w/o"
    # ("refunded him $29.99 cash, pls write the unit off", round 171)
    r"|write\s+(?:the|that|this|those|these)\s+(?:[\w-]+\s+){1,2}off"
    # ("credit memo already went out ... so scrap 1", "obsolete now that it's sold, toss em")
    # (not "dont toss them yet")
    r"|(?<!don't\s)(?<!dont\s)(?<!not\s)(?<!never\s)(?<!n't\s)"
    r"(?:scrap|toss|bin|trash|dump|junk|pitch|ditch|chuck|destroy|kill)\s+(?:it|them|'?em|all"
    r"|the\s+lot|\d+)(?!\s+yet\b)"
    # ("write all 4 off", "rite it off", "writ off", "wirte off": asked, typed in a hurry;
    # "book it to petty cash": booked somewhere, the policy says where; round 295-297
    # read these as payments, receipts or credits)
    r"|write\s+(?:all|both)\s+(?:\d+\s+)?off|(?:rite|writ|wirte|wite|wrtie)\s+(?:it\s+|them\s+)?off"
    # ("vendor won't take them back. writing them off at $150 each": round 297)
    r"|writing\s+(?:it|them|'?em|these|those|both|all)(?:\s+\w+)?\s+off"
    r"|book\s+(?:it|them|'?em)\s+(?:to|as|against)"
    r"|\bwe\s+(?:ate|eat|eating)\s+(?:it|the\s+cost)"
    # ("refund was already done at the counter, just need the stock written off": round 250)
    r"|(?<!don't\s)(?<!dont\s)(?<!not\s)(?:need|needs|want|get)\s+(?:\S+\s+){0,3}?written\s+off"
    r"|dispose\s+of"
    # ("need a writeoff for 16 X subs": round 309 read it as news of the day's work)
    r"|(?:need|needs|want|do|get)\s+(?:a\s+)?(?:write[\s-]?off|writeoff|w/o)\s+(?:for|on)"
    r"|"
    + _DISPOSE_AT_CLAUSE_END
    +
    # ("wrote off 10 X @ 39.00 (what we actually paid on that PO)", "2 X written off at $850
    # ea (our cost after the rebate)": done, and asked to book)
    # (never "already written off, ignore the dupe": done before, nothing asked)
    r"|wrote\s+off(?=\s+\d)|(?<!already\s)(?<!been\s)written\s+off(?=\s+(?:\d|at\b|for\b|@)))\b",
    _I,
)
# "the cabinet write off of $3,450 went through right?": a write-off talked of as a thing
_WRITE_OFF_TALKED = re.compile(
    r"\b(?:write[\s-]?offs?|w/os?)\s+(?:of|went|was|were|is|got|has|for\s+the)\b"
    # ("last week's w/o for the freezer was $196.80 right?")
    r"|\b(?:the|that|this|our|my|your|(?:last\s+)?(?:week|month|yesterday|friday|monday)'s)\s+"
    r"(?:[a-z]+\s+)?(?:write[\s-]?offs?|w/os?)(?!\w)",
    _I,
)
# ("last month's damage w/o was $4,812.40": a write-off talked about, not asked for)
_ASKS = re.compile(
    r"\b(?:please|pls|plz|write\s+(?:it|them|'?em|this|these)?\s*off"
    # ("damage w/o's for August came to $3,412": write-offs counted, none asked; round 345)
    r"|w/o(?!'?s\b)(?!\s+(?:was|were|is|are|came|total(?:l?ed)?)\b))\b",
    _I,
)


# Floor chatter that holds counts but asks for nothing (held-out rounds 73-74: each of these
# kinds was drafted, some at 0.87). Each: (pattern, whether a reason word in the message
# overrules it, the answer).
_DELIVERY = re.compile(
    r"""\b(?:truck|delivery|shipment|order|po\s*\#?\s*\d+)\s+(?:is\s+)?(?:here|in\b|came\s+in
        |just\s+came|arrived|showed\s+up|pulled\s+in)
      | \bgot\s+(?:\S+\s+){1,6}?in\s+(?:for|today|yesterday|this\s+(?:morning|afternoon|week)
        |from)\b
      # ("got 6 boxes of pog 3mg in, unboxed and shelved": round 271)
      | \bunboxed\s+and\s+(?:shelved|put\s+away|stocked)\b
      | \bcoming\s+(?:in\s+)?on\s+(?:the\s+|\w+'?s\s+)?truck\b
      | \bships?\s+(?:in|on|next|by|mon|tues?|wed|thur?s?|fri|sat|sun)\w*\b
      | \b(?:team|customer|special|club|school)\s+order\b
      | \bwill[\s-]?call\s+for\b|\bwill[\s-]?call\b(?:\s+\S+){0,3}?\s+picked\s+up\b
      | \b(?:delivery|shipment|truck|order)\s+(?:just\s+)?landed\b
      | \b(?:catering|party)\s+order\b
      | \b(?:store|shop|location|kitchen|site|branch)\s+\#?\d*\s*needs\b
      | \bneed\s+(?:\d+\s+)?more\b|\bon\s+hold\s+(?:til|till|until|for)\b
      | \b(?:out\s+on\s+loan|on\s+loan\s+to|loaned)\b
      | \btaking\s+(?:\S+\s+){1,5}?to\s+the\s+(?:job|jobsite|site|customer|show)\b
      | \b(?:prepped|prepping|marinating|marinated|comped)\b
      # ("prep list for tmrw: 80 lb chicken", "pie crew made 80 apple and 30 dutch", "week
      # 32 menu uses 0.42 lb per meal")
      | ^\W*prep\s+list\b|\b(?:crew|we|kitchen|bakery|bakers?)\s+(?:made|baked|roasted)\s+\d
      | \bper\s+meal\b|\bmenu\s+uses\b
      | ^\W*86\s+[a-z]
      | \bused\s+(?:\S+\s+){1,5}?for\s+(?:the\s+)?(?:salsa|sauce|soup|prep|special|catering)\b
      | \b(?:we|dock|store|shop|range|register|bar|kitchen|truck)\s+did\s+\$?\d[\d,.]*\s*k?
        (?:\s+(?:gal|gallons|buckets|covers|tickets|orders|sales|cups|plates))?\s+today\b
      | \b(?:boh|soh)\s+(?:on|for)\s+(?:\S+\s+){0,4}?(?:is|at)\s+\d
      | \bdelivering\s+(?:\S+\s+){1,4}?to\s+(?:the\s+)?\w+""",
    _I | re.VERBOSE,
)
# a truck or a driver that dropped goods off delivered them: no breakage ("truck just
# dropped 40 cs at dock 2", "the interstate guy dropped off 10")
_DROPPED_OFF = re.compile(
    # ("truck from the mill dropped 4 units", "truck from the soil vendor brought 40 cs")
    r"""\btrucks?\s+(?:from\s+(?:the\s+)?(?:\S+\s+){1,3}?)?(?:just\s+)?(?:dropped|brought)\s+
        (?:off\s+|in\s+)?\d
      | \b(?:driver|guy|rep|ups|fedex)\s+(?:just\s+)?dropped\s+off\s+\d
      # ("sysco dropped 10 cs thigh meat, PO 44817, temps good, checked in": round 254, a loss
      # at 0.87)
      | \bdropped\s+(?:off\s+)?\d+\s+(?:\S+\s+){0,6}?(?:\S+\s+)?(?:po\s*\#?\s*\d|checked\s+in
        |signed\s+for|temps?\s+(?:good|ok|fine))
      # ("Martinez Foods picked up their 18 cs wings, BOL 30092 signed": round 258)
      | \bpicked\s+up\s+(?:their|his|her)\s+(?:order\s+(?:of\s+)?)?\d
      # ("customer dropped off his old cracked helmet for us to toss": not ours; round 257)
      | \bcustomers?\s+dropped\s+off\s+(?:his|her|their)\s+(?:own\s+)?old\b
      # ("customer dropped off 3 empty 300s for refill": round 255)
      | \bcustomers?\s+dropped\s+off\s+(?:\S+\s+){0,6}?for\s+(?:a\s+)?(?:refills?|fill|service
        |repairs?|tune(?:-?up)?|sharpening|cleaning)\b""",
    _I | re.VERBOSE,
)
# the box was hurt, the goods were not: "box came in smashed but all 24 inside are fine"
_GOODS_FINE = re.compile(
    r"""\b(?:survived|made\s+it)\b(?!.*\b(?:but|except|broke|broken|cracked|damaged)\b)
      | \b(?:received|came\s+in|arrived|delivery)\b.*\ball\s+good\W*$
      # ("rcvd 40 dz X from the mill, all good", "rcvd 6 cs X, all good, temps at 38F": round
      # 334 drafted three deliveries)
      | \b(?:received|rcvd|rcv'?d|recv'?d|rec'?d)\b[^.;\n]*?,\s*all\s+(?:good|fine|ok|okay
        |in\s+good\s+(?:shape|condition|order))\b(?!\s+to\b)
        (?![^\n]*\b(?:but|except|exc|broke|broken|cracked|damaged|dmg|crushed|missing|short
        |leak\w*|wet|torn|dented|bad)\b)
      # (within a sentence: "all garbage. Luis is ok" is a person fine; round 182; and within
      # a line: "all 4 smashed\ndriver is ok", round 215)
      | \ball\b(?:[ \t]+[^\s.!;/]+){0,6}?[ \t]+(?:inside[ \t]+)?
        (?:are|were|is|was|look|looks|seem)\s+
        (?:totally\s+|completely\s+)?(?:fine|ok|okay|good|intact|undamaged|perfect)\b
      | \b(?:repaired|fixed|patched|glued)\b(?:\s+\S+){0,8}?\s+back\s+(?:on|to|in)\s+the\s+
        (?:floor|shelf|shelves|rack|display|showroom)\b""",
    _I | re.VERBOSE,
)
# goods a customer brought back unused and put back out ("customer returned 2 X unopened,
# back on shelf B-4", "brought back 1 X unworn w tags, back on the display": round 239-240)
_BACK_IN_STOCK = re.compile(
    r"""\b(?:returned|brought\s+(?:it\s+|them\s+)?back)\b[^.;\n]{0,80}?
        \b(?:unused|unopened|unworn|sealed|w/?\s*tags|with\s+tags|tags\s+(?:still\s+)?on)\b
        [^;\n]{0,60}?\bback\s+(?:on|in|to)\s+(?:the\s+)?(?:shelf|shelves|hook|hooks|peg|pegs
        |display|rack|wall|floor|stock|bin|inventory)\b""",
    _I | re.VERBOSE,
)
_PRICE_CHANGE = re.compile(
    r"""\b(?:new\s+(?:retail\s+|shelf\s+|sell(?:ing)?\s+)?price|price\s+change|price\s+increase
        |price\s+(?:on|of|for)\s+(?:\S+\s+){0,6}?(?:go(?:es|ing)|moving|changing|will\s+be)\s+
            (?:up\s+|down\s+)?to)\b
      | \b(?:go(?:es|ing)|moving)\s+(?:up\s+|down\s+)?to\s+\$?\d[\d.,]*(?:\s*/\s*\w+)?\s+
        (?:on\s+)?(?:mon|tues?|wed|thur?s?|fri|sat|sun|tomorrow|next|the\s+1st|eff)
      | \bsale\s*:?\s+\d+\s*%\s+off\b
      | \b\d+\s*%\s+off\s+(?:this|next|all|the)\b|\b\d+\s+for\s+\$\d
      | \bspecial\s+this\s+(?:week|weekend)\b|\bthis\s+weekend\s+only\b
      | \b(?:raising|raise|lowering|lower|dropping|bumping)\s+the\s+(?:retail\s+|sell\s+)?price\b
      | \bnew\s+cost\s+(?:on|of|for)\b
      | \bsells?\s+for\s+\$?\d[\d.,]*(?:\s+(?:a|an|per|/)\s*\w+)?\s+now\b
      | \bpar\s+(?:for|on|level\s+(?:for|on))\s+(?:\S+\s+){0,4}?(?:is|to)\b
      | \b(?:cost|price)\s+(?:changed|went\s+up|went\s+down|increased|decreased|is\s+going\s+up)
        \s+to\b
      # ("shrimp went up to 79.50 a case on the new price sheet")
      | \bwent\s+(?:up|down)\s+to\s+\$?\d[\d.,]*\b(?:\s+\S+){0,6}?\s+
        (?:price\s+(?:sheet|list)|fyi)\b
      | \bnew\s+price\s+(?:sheet|list)\b""",
    _I | re.VERBOSE,
)
_ERRAND_ASKED = re.compile(
    # (at the start of the message or of a clause: "cupping at 2, can someone bring 3 bags")
    r"""(?:^|[,.;:!]\s)\s*(?:(?:hey|ok|pls|please)\s*,?\s+)*(?:can|could|would)\s+(?:some\s*one|some\s*body
        |you|u|ya|one\s+of\s+you)\s+(?:please\s+|pls\s+)?(?:pull|cut|grab|put|set|hold|bring
        |get|order|pick|send|check|make|prep|tint|fill|ring|reprint|print|relabel|label)\b
      | \b(?:customer|client|chef|guy|lady|caller|store\s+\d+)\b(?:\s+\S+){0,3}?\s+
        (?:wants|needs|asked\s+for|is\s+asking\s+for)\b
      | \b(?:layaway|on\s+hold\s+for
        |(?:he'?s|she'?s|they'?re|is|are)\s+picking\s+(?:\S+\s+)?up)\b
      # ("we need 6 cases whole and 3 oat", "need 6 boxes of fdn pulled for the kits", "will
      # call pickup for order 55812", "loaded 14 cs for the meridian run")
      | \b(?:we|i)\s+(?:still\s+|also\s+)?need\s+(?:another\s+|like\s+)?\d
      | \bneed\s+\d+\s+(?:\S+\s+){0,6}?(?:pulled|on\s+the\s+(?:signing\s+)?table)\b
      | \bwill[-\s]call\b|\bloaded\s+\d+\s+(?:\S+\s+){0,5}?for\s+the\s+\S+\s+run\b
      # ("the salon on Maple wants 6 GK keratins for Friday pickup", "OR needs 6 Harmonics on
      # the cart for room 7 tomorrow", "need 60 treated 2x6x12 for the Patterson order",
      # "pls quote 12 tons river rock", "send 20 bath towels up to the spa": rounds 261-269)
      | \b(?:wants|needs|need)\s+(?:\d+|a|an|another|some)\b(?![^.;\n]*\bwrit)[^.;\n]{0,60}?
        \b(?:for|by|on|until)\s+(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b
      | \b(?:wants|needs|need)\s+(?:\d+|a|an|another|some)\b(?![^.;\n]*\bwrit)[^.;\n]{0,60}?
        \b(?:tomorrow|tmrw|tonight|pick-?up|(?:the|his|her|their)\s+\S+\s+(?:order|job|run))\b
      | \b(?:pls|please)\s+quote\b|\bsend\s+\d+\s+(?:\S+\s+){0,4}?up\s+to\b
      | \bfor\s+(?:a\s+)?(?:customer\s+)?pick-?up\b""",
    _I | re.VERBOSE,
)
_TAKEN_BACK = re.compile(
    r"""\bignore\s+the\s+(?:dupe|duplicate|double(?:\s+post)?)\b
      | \b(?:were|was|are|is)\s+fine\s+after\s+all\b
      | \b(?:nvm|never\s*mind)\W*$
      | \b(?:false\s+alarm|disregard\s+(?:my|that|the|this)
        |ignore\s+(?:my|that|the|this)\s+(?:\S+\s+){0,2}?(?:msg|message|post|last|earlier|one))\b
      | \b(?:i|we)\s+(?:said|reported|posted|flagged|thought)\s+(?:\S+\s+){0,3}?were\s+
        (?:missing|gone|short|stolen|lost)\b\W*(?:\S+\s+){0,4}?(?:turned|showed)\s+up
      # ("the 2 X we thought were missing were in the overflow trailer the whole time, count's
      # right now": round 248 drafted a shortfall at 0.97)
      | \b(?:we|i)\s+thought\s+(?:were|was)\s+(?:missing|gone|short|stolen|lost)\b
        [^.;\n]{0,80}?\b(?:the\s+whole\s+time|all\s+along|after\s+all)\b""",
    _I | re.VERBOSE,
)
_NOT_YET = re.compile(
    r"""^\s*(?:reminder|note\s+to\s+self|remember\s+to)\b
      | \b(?:do\s*n'?o?t|do\s+not|dont)\s+(?:toss|bin|scrap|write\s+(?:\S+\s+)?off|w/o|dump)
        \s+(?:\S+\s+){0,2}?yet\b
      | \bbefore\s+we\s+write\s+(?:anything|it|them)\s+off\b
      | \b(?:i'?ll|i\s+will|we'?ll|will)\s+recount\b|\brecount(?:ing)?\s+(?:it\s+|them\s+)?
        (?:tomorrow|tmrw|tmr|later|monday|in\s+the\s+morning)\b""",
    _I | re.VERBOSE,
)
# where a count's figure stands: the books' or the shelf's
_COUNT_PLACE = (
    r"(?:in\s+(?:the\s+)?)?(?:system|qb|books|pos|on\s+hand|on\s+(?:the\s+)?shel(?:f|ves)|shelf"
    r"|counted|on\s+the\s+(?:books|racks?|floor))\b"
)
_COUNT_AGREES = re.compile(
    r"\b(?:matches|matched|agrees\s+with|same\s+as)\s+(?:the\s+)?(?:system|books|pos|qb|count)\b"
    r"|\b(?:0|no|zero)\s+variances?\b"
    # ("zyn count: 22 rolls cool mint, 18 wintergreen, all good": round 271)
    r"|\bcount\s*:[^.;\n]{0,80}?\ball\s+good\b"
    # ("count done for dry storage: 62 bags flour, 18 bags sugar, everything ties out")
    r"|(?<!n't\s)(?<!not\s)(?<!never\s)\b(?:ties|tied)\s+out\b"
    # ("thanks for the count, all 46 TPMS sensors matched")
    r"|\ball\s+\d+\s+(?:[\w-]+\s+){0,3}(?:matched|match|checked\s+out|accounted\s+for)\b"
    # ("deet count matches, 6 cases on hand", "count on the rose 24 matches the system",
    # "herb count matched: 14 dz basil")
    r"|\bcount\b(?:\s+[\w()-]+){0,5}?\s+(?:matches|matched|agrees|checks\s+out"
    # ("cycle count on the 13586335 sensors was spot on, 14 and 14": round 240)
    r"|(?:is|was)\s+spot\s+on)\b"
    # ("count on aisle 3 matched, 48 stearns vests, books 48": the goods between)
    # ("cycle count rack A: 12 accord shields, system says 12, all good": round 249)
    r"|(?<![\d.,])(?P<same3>\d+)\s+(?:[a-z\ue000-\ue002][\w\ue000-\ue002-]*,?\s+){1,3}"
    r"(?:the\s+)?(?:system|books|qb|pos)\s*(?:says\s+|shows\s+|has\s+)?:?\s*(?P=same3)(?![\d]|[.,]\d)"
    # ("counted limes: 32 cs, system 32 cs", "48 tubes on shelf 48 in system"): one figure twice
    r"|(?<![\d.,])(?P<same>\d+)\s*(?:cs|cases?|units?|pcs|ea|bx|tubes?)?\s*(?:on\s+(?:the\s+)?shelf\s*)?"
    r",?\s*(?:system|books|pos|qb)\s+(?:says\s+|shows\s+|has\s+)?(?P=same)(?![\d]|[.,]\d)"
    r"|(?<![\d.,])(?P<same2>\d+)\s+(?:\w+\s+)?on\s+(?:the\s+)?shelf,?\s+(?P=same2)\s+in\s+(?:the\s+)?"
    r"(?:system|books|qb|pos)\b"
    # ("hex mosaic, 120 sheets counted, 120 in system", "it's 120 like the system says":
    # round 250)
    # ("63 counted, 63 on the books": round 261)
    r"|(?<![\d.,])(?P<same4>\d+)\s+(?:\w+\s+)?counted,?\s+(?P=same4)\s+(?:in|on)\s+(?:the\s+)?"
    r"(?:system|books|qb|pos)\b"
    r"|(?<![\d.,])\d+\s+like\s+(?:the\s+)?(?:system|books|qb|pos)\s+(?:says|shows|has)\b"
    # ("hymnals 240 system, 240 on the shelf", "12 on hand, 12 in system": round 254)
    # ("hard hats 48 system / 48 on shelf", "212 pr QB, 212 pr on the shelf": round 256)
    rf"|(?<![\d.,])(?P<same6>\d+)\s+(?:[a-z]+\s+){{0,3}}?{_COUNT_PLACE}\s*[,/]?\s*(?P=same6)\s+"
    rf"(?:[a-z]+\s+){{0,3}}?{_COUNT_PLACE}",
    _I,
)
_BILLED = re.compile(
    # ("charged rm 1122 $120 for the 2 bath towels they took, it's on the folio": round 252)
    # ("truck picked up 3 cs, put it on their member account": round 254)
    # ("medicare claim for 2 pr billed, auth #A77812": round 255)
    # ("ok to bill Hanson for the 3 rolls they grabbed yesterday?": round 256, theft at 0.77)
    # ("used 2 plugs and 1 qt, billed on the ticket": round 257)
    r"""\b(?:billed\s+on\s+the\s+(?:ticket|work\s+order|wo|ro|repair\s+order|invoice)
        |(?:ok\s+to\s+|gonna\s+|going\s+to\s+|will\s+)(?:bill|invoice|charge)\s+\S+\s+for
        |(?:medicare|medicaid|insurance)\s+claim\b[^.;\n]{0,60}?\bbilled
        |put\s+(?:it|them)\s+on\s+(?:their|his|her)\s+(?:\w+\s+)?(?:account|acct|tab)
        |charged\s+(?:rm|room)\s*\#?\d+|\b(?:it'?s|put\s+(?:it|them)|charged|billed|added)\s+(?:\w+\s+)?on\s+(?:the|their|his|her)\s+folio
        |charged\s+to\s+the\s+(?:patient|customer|client|job|account|owner)
        |(?:customer|client|owner|patient)\s+(?:was\s+)?(?:billed|charged)
        |billed\s+(?:to\s+)?the\s+(?:customer|client|job|patient))\b""",
    _I | re.VERBOSE,
)
_VENDOR_CREDIT = re.compile(
    r"""\b(?:ra|rma|return\s+auth\w*)\s+(?:\#?\d+\s+)?(?:approved|issued|granted)\b
      | \b(?:shipping|sending)\s+(?:them|it|these|those)\s+back\b
      | \b(?:sending|shipping|sent|shipped)\s+(?:us\s+)?(?:free\s+)?replacements?\b
      | \b(?:got|received)\s+(?:the\s+|a\s+)?(?:\S+\s+)?credit\b
      | \bvendor\s+(?:will|is\s+going\s+to|ended\s+up|agreed\s+to)\s+credit
      # ("rejected 18 flats at the door, moldy, went right back on the truck": never ours)
      # (not "customer refused 3 cs at the door, came back warm, had to dump": ours came back)
      | \b(?:rejected|refused)(?<!customer\srejected)(?<!customer\srefused)(?<!client\srejected)
        (?<!client\srefused)\s+(?:\S+\s+){0,6}?at\s+the\s+(?:door|dock)\b
      | \bwent\s+(?:right\s+|straight\s+)?back\s+on\s+the\s+truck\b
      # ("sending 6 defective DR730 back to brother on RMA 77120, they're crediting our
      # account": round 251, a sure loss)
      | \b(?:they'?re|they\s+are|they'?ll|they\s+will|vendor\s+is|supplier\s+is)\s+crediting
        \s+(?:us|our\s+(?:account|acct)|the\s+(?:account|acct))\b
      | \b(?:sending|shipping|sent|shipped)\s+(?:\S+\s+){1,5}?back\s+to\s+(?:\S+\s+){0,2}?
        (?:on|with|under)\s+(?:an?\s+)?(?:rma|ra)\b
      # ("got 3 extra in the shipment vs the packing slip, called HJC and they're invoicing
      # us for them": round 251)
      | \b(?:they'?re|they\s+are|they'?ll|they\s+will|vendor\s+(?:is|will)|supplier\s+(?:is|will))
        \s+(?:invoicing|billing|invoice|bill)\s+us\b
      # ("RMA 5521 going back to trek, credit expected", "we're crediting their account $115",
      # "vendor replaced the 8 cs 1 for 1", "returned 3 pendants to Gems Inc on memo 2291":
      # round 253)
      | \bcredit\s+(?:is\s+)?expected\b|\bexpecting\s+(?:a\s+|the\s+)?credit\b
      | \bcrediting\s+(?:their|his|her|the\s+customer'?s?)\s+(?:account|acct|card)\b
      # ("2 wheels going back under RA 5532, louet is crediting our account", "vendor is
      # shipping 8 replacement pendants at no charge": round 259)
      | \bis\s+crediting\s+(?:us|our\s+(?:account|acct))\b
      | \b(?:sending|shipping|sent|shipped)\s+(?:us\s+)?\d+\s+(?:free\s+)?replacements?\b
      | \breplaced\s+(?:\S+\s+){0,6}?1\s*(?:for|to)\s*1\b
      # ("pulled 22 unsold and stripped the covers for distributor credit": round 257)
      | \bfor\s+(?:vendor|distributor|supplier|mfr|manufacturer)\s+credit\b
      | \b(?:returned|sent|sending)\s+(?:\S+\s+){0,6}?on\s+memo\b
      # ("Shimano is sending an RMA credit for the 3 bad derailleurs, they're covering it",
      # "Landau is issuing an RMA credit", "sending an RMA for the 2 motors, they'll credit us
      # $458": round 261)
      | \b(?:sending|issuing|issued|sent|giving|gave)\s+(?:us\s+)?(?:an?\s+|the\s+)?(?:rma|ra)
        \s+credit\b
      | \b(?:they'?ll|they\s+will|they'?re\s+going\s+to|(?:vendor|supplier|mfr)\s+will)
        \s+credit\s+(?:us|our\s+(?:account|acct))\b
      | \b(?:they'?re|they\s+are|(?:vendor|supplier|mfr)\s+is)\s+covering
        \s+(?:it|them|the\s+cost)\b
      # ("Elf bar rep RMA'd the 20 leaking ones, replacements coming next week", "Horizon is
      # covering the crushed timber x under their freight claim, replacement en route": 271)
      | \breplacements?\s+(?:are\s+|is\s+)?(?:coming|on\s+the\s+way|en\s+route|shipping|ships)\b
      | \bis\s+covering\b[^.;\n]{0,60}?\b(?:claim|warranty)\b
      # ("Xerox is replacing the 4 bottles that leaked in transit, no charge to us": round
      # 264, a loss at 0.97; "Schrader is replacing them free", "sending a new wheel under
      # warranty": round 262)
      | \b(?:is|they'?re|they\s+are|they'?ll|they\s+will|(?:vendor|supplier|mfr)\s+will)
        \s+(?:be\s+)?replacing\b[^.;\n]{0,80}?\b(?:no\s+charge|free|n/c|no\s+cost|warranty)\b
      | \bno\s+charge\s+to\s+us\b
      | \bsending\s+(?:us\s+)?(?:a\s+)?(?:new|replacement)\b[^.;\n]{0,60}?\bunder\s+warranty\b""",
    _I | re.VERBOSE,
)
_TOTAL_TOLD = re.compile(
    r"""\b(?:total|sales|revenue)\s+(?:for|from)\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:came\s+to|was
        |were|hit)\b
      | \b(?:total\s+)?inventory\s+value\b(?:\s+\S+){0,4}?\s+(?:was|is|came\s+to)\b
      | \b(?:q[1-4]|ytd|monthly|weekly|annual|yearly|last\s+(?:month|quarter|year)'?s?)\s+
        (?:shrink|shrinkage|losses|damages?|waste|write-?offs?)\s+(?:was|were|is|came\s+to|hit)\b
      | \b(?:lottery|scratch\s*-?\s*off|drawer|till|register)\b(?:\s+\S+){0,2}?\s+(?:report\s+)?
        (?:is\s+|was\s+)?(?:off|short|over)\s+by\b""",
    _I | re.VERBOSE,
)
# ("walked during the lunch rush": the shop's busy hour, no lunch bought)
_BREAK_ROOM = re.compile(
    r"\b(?:lunch(?!\s+(?:rush|crowd|hour|time\s+rush))|break\s*room|breakroom)\b", _I
)
# the day's work told ("canning run today: 112 cs hazy", "loaded 36 floor trusses on truck 2",
# "roasting 600 lb today", "we went through 900 gel packs", "set up the easter endcap"):
# goods made, moved or used as they should be
_DAYS_WORK = re.compile(
    r"""\b(?:canning\s+run|brew\s+day|bake\s+day|roast(?:ed|ing)\s+\d|brewed\s+\d
      |loaded\s+\d+\s+(?:\S+\s+){0,4}?(?:on|onto|into)\s+(?:the\s+)?(?:truck|trailer|van)
      |out\s+for\s+delivery|went\s+through\s+\d|go(?:ing|es)?\s+through\s+\d
      |set\s+up\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+)?(?:endcap|end\s+cap|display|aisle|shelf)
      |exchanged\s+(?:\S+\s+){1,6}?for\b|swapped\s+(?:\S+\s+){1,6}?for\b
      |record\s+(?:week|day|month)|drops\s+(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun|next
      |tomorrow|today)\w*|we\s+(?:get|got|are\s+getting)\s+\d+\s+(?:\S+\s+){0,3}?(?:in|on|this
      |next|friday|monday)
      # ("canned 30 bbl of Hazy today, best run yet", "ironer 2 ran 1,400 king flats today, new
      # record", "made 40 lbs of maple fudge today", "hemmed 6 bridesmaid dresses today":
      # rounds 261-268)
      |(?:best|biggest)\s+(?:batch|run|day|week)\s+(?:yet|ever)|new\s+record
      |(?:made|baked|canned|brewed|ran|running|hemmed|tuned\s+up|scanned|blew\s+up|bottled
        |kegged|roasted|packed|cut|poured)\s+\d[\d,]*\s+(?:\S+\s+){0,5}?(?:today|this\s+morning
        |tonight|so\s+far|for\s+the\s+morning)
      # ("temp in the chocolate room is 68, humidity 50%", "barrel room B at 58°F")
      |humidity\s+(?:is\s+|at\s+)?\d+(?=\s*%))\b
      | \b(?:temp|temperature)\b[^.;\n]{0,40}?\d+\s*(?:°|degrees\b|[fc]\b)""",
    _I | re.VERBOSE,
)
_NONE_SURVIVED = re.compile(
    r"\b(?:not\s+(?:a\s+)?(?:single\s+)?(?:one\s+)?(?:[a-z]+\s+)?|none(?:\s+of\s+(?:them|(?:the|those|these|our)\s+(?:\S+\s+){0,3}?\S+))?\s+"
    r"|nothing\s+|no\s+[a-z]+\s+|zero\s+[a-z]+\s+|never\s+|didn'?t\s+|did\s+not\s+)"
    r"(?:survived|made\s+it)\b",
    _I,
)
# News of a price, said whatever else the message names (rounds 189-194: "new price on X
# from remo is $54.50 starting june", "PPG raised prices again", "copper went up 8% this
# week", "should we reprice the 14k chains?", "$57 a bundle now?? highway robbery")
_PRICE_NEWS = re.compile(
    r"""\b(?:cost|costs|price|prices|pricing)\b(?:[^.;\n?]|\.(?=\d)){0,50}?\b(?:starting|effective|eff\b
        |next\s+(?:week|month|quarter|year|order|truck|shipment|delivery)|as\s+of\b)
      | \bgo(?:es|ing)?\s+(?:up\s+)?to\s+\$\s?\d[\d.,]*(?:\s*/\s*[a-z]+)?\s+(?:starting|effective)\b
      | \b(?:raised|raising|hiked|hiking|bumped|upped)\s+(?:their\s+|its\s+|the\s+|our\s+|his\s+)?
        (?:prices?|costs?)\b
      | \b(?:went|goes|go|going|is|are)\s+up\s+(?:another\s+)?\d+(?:\.\d+)?\s*%
      # ("fyi the X went up $20 in cost on the new price sheet": a write-down is never up;
      # it was drafted as a sure $20 write-down, round 291)
      | \b(?:went|gone|goes|going)\s+up\s+(?:another\s+|by\s+)?\$\s?\d
      | \bshould\s+we\s+repric(?:e|ing)\b|\bhighway\s+robbery\b|^\W*price\s+check\b
      | \bspot\s+(?:price\s+)?(?:is\s+)?(?:up|down)\b""",
    _I | re.VERBOSE,
)
# ... and one that names no reason: "price check: X we sell at 54.99?", "the F91W costs us
# $11.75 and we sell it for $24.99", "X is $214.50 now??"
_PRICE_TALK = re.compile(
    r"""\bprice\s+check\b
      | \bwe\s+sell\s+(?:it\s+|them\s+|these\s+|those\s+|that\s+|each\s+|one\s+)?(?:at|for)\s+\$?\d
      | \b(?:is|are)\s+(?:like\s+)?\$\s?\d[\d.,]*\s+(?:(?:a|an|per|/)\s*[a-z]+\s+)?now\s*\?
      | \bshipping\s+(?:label|cost|charge|fee)s?\b""",
    _I | re.VERBOSE,
)
# Asked how to use the bot, or what the words mean (rounds 189-193): "how do i reverse the
# entry from tuesday", "how do I write stuff off? like if 5 paint sets are damaged what do I
# type", "whats the difference between shrinkage and a write-off", "where do I log it"
_HOW_TO = re.compile(
    r"""^\W*how\s+(?:do|can|should|would)\s+(?:i|we|u|you)\s+(?:\S+\s+){0,2}?
        (?:reverse|undo|delete|cancel|void|edit|fix|change|correct)\b
      | ^\W*how\s+(?:do|can|should)\s+(?:i|we|u)\s+(?:write|log|enter|record|book|submit)\b
        [^\n]{0,80}?\b(?:like\s+if|for\s+example|e\.g\.|say\s+if|what\s+do\s+i\s+type)\b
      | \bwhat\s+do\s+i\s+(?:type|put|write|enter)\b
      | \bwhere\s+(?:do|should)\s+i\s+(?:log|put|enter|record|book)\s+(?:it|this|that)\b
      | \bwhat'?s\s+the\s+difference\s+between\b
      | \b(?:can|could)\s+(?:u|you)\s+tell\s+me\s+(?:what|how\s+much)\b
      | \bpolicy\s+(?:says|is)\b[^\n]*\?\s*$
      | \bdo\s+we\s+(?:take|accept)\s+(?:them|it|those|these)\b[^\n]*\?
      | \b(?:send|give|show|email|pull)\s+me\s+(?:the\s+|a\s+)?(?:\w+\s+)?report\b""",
    _I | re.VERBOSE,
)
# Stock that left as it should, or paperwork for it, said with no reason (rounds 189-194):
# sold, sent to a customer, an order packed, goods on a tab, a folio, an invoice to enter, a
# quote, goods put out or back on the shelf
_STOCK_OUT_AS_MEANT = re.compile(
    r"""\b(?:sold|selling)\s+\d+\s+(?:\S+\s+){0,4}?(?:to|at)\b
      | \b(?:sent|shipped)\s+\d+\s+(?:\S+\s+){0,4}?to\s+(?:the\s+)?
        (?!(?:dump|landfill|recycl\w*|trash|scrap|compost|incinerat\w*|food\s+bank|shelter|charity|pantry|church|vendor|supplier
        |manufacturer|mfr)\b)[a-z]
      | \border\b(?:\s+\S+){0,8}?\s+(?:is|are)\s+
        (?:packed|picked|staged|ready|on\s+(?:the\s+)?dock)\b
      | \bon\s+(?:account|(?:his|her|their)\s+(?:tab|account))\b
      | \bput\s+it\s+on\s+(?:his|her|their|the)\s+tab\b
      | \bposted\s+to\s+(?:the\s+)?folio\b|\bminibar\s+consumption\b
      | \b(?:please|pls)\s+enter\b|\bquote\s+for\b
      | \b(?:get\s+)?put\s+out\s+on\s+the\s+(?:wall|floor|shelf|shelves|display)\b
      | \brecovered\b(?:\s+\S+){0,6}?\s+back\s+on\s+the\s+(?:shelf|floor|rack|wall)\b
      | \brental\s+returns?\b|\bbrought\s+back\s+(?:\S+\s+){0,3}?rental\b
      | \bcharge\s+(?:their|his|her|the)\s+(?:\S+\s+)?accounts?\b
      | \bmounted\s+(?:&|and)\s+balanced\b|\bsign[-\s]?ups?\b|\bbreak\s+even\b
      | \bused\s+\d+\s+(?:\S+\s+){0,4}?at\s+the\s+(?:tasting|event|party|demo|show|wedding|expo)\b
      # goods used, installed or loaded for a job, a repair or a route, as they should be
      # ("install crew took 2 bags X for the Lopez job", "used 3 X on repairs today",
      # "loaded 60 cs X on the route truck", "installed 2 X at the customer's house")
      | (?<!can't\s)(?<!cant\s)(?<!cannot\s)(?<!won't\s)(?<!wont\s)(?<!not\s)
        \b(?:used|installed|loaded|took|kitted|pulled|put)\b[^.;\n]{0,60}?
        \b(?:for|on|onto|into|at)\s+(?:the\s+|a\s+|our\s+|today'?s\s+)?(?:[\w']+\s+){0,2}?
        (?:job|jobs|jobsite|job\s+site|installs?|repairs?|work\s+orders?|route\s+truck
          |customer'?s\s+(?:house|home|site|place))\b
      | \b(?:looks?|looking)\s+(?:amazing|great|awesome|so\s+good)\b
      | ^\W*delivery\s+for\b""",
    _I | re.VERBOSE,
)
# goods fine, said outright: "display fell over again, nothing broke tho", "cooler fixed,
# nothing lost", "all good condition"; the customer paid for what the dog ate; cash short
_NOTHING_LOST = re.compile(
    r"""\bnothing\s+(?:was\s+|got\s+)?(?:lost|broke|broken|damaged|missing|spoiled|hurt)\b
        (?!\s*(?:,\s*)?(?:but|except|other\s+than|besides
          # ("counted 31, books 35, nothing damaged just gone", "count short by 14. nothing
          # broken logged, they're just not there": no damage, so a shortfall; round 295)
          |(?:they'?re\s+|it'?s\s+|theyre\s+|its\s+)?just|logged|reported
          |on\s+the\s+(?:damage\s+)?(?:log|sheet)))
      | \b(?:all\s+|in\s+)good\s+condition\b
      | \beverything\s+(?:matched|matches|checks\s+out)\b(?!\s*(?:,\s*)?(?:but|except|other\s+than))
      | \b(?:they|he|she|customer|client)\s+paid\s+for\s+(?:it|them)\b
      | \bpetty\s+cash\b|\bno\s+action\s+needed\b
      | (?<!\bnot\s)(?<!n't\s)(?<!\bno\s)\bcrediting\s+us\b""",
    _I | re.VERBOSE,
)
# goods taken or gone, then denied broken: "4 X stolen, nothing damaged", "2 missing, nothing
# broken" (the loss is the taking or the shortfall, not goods found fine)
_TAKEN_NOT_BROKEN = re.compile(
    r"(\b(?:stolen|stole|taken|took|missing|gone|short|theft|break[\s-]?in|broke\s+in|swiped"
    r"|nicked|lifted|walked\s+off)\b[^.;\n]{0,80}?)"
    r"(\bnothing\s+(?:was\s+|got\s+)?(?:damaged|broken|broke)\b)",
    _I,
)
# goods lent, sent for a show or rented, coming back: "sent 10 polos to the school for
# sample day, they're coming back friday", "sample remotes went out to the dealer show, they
# come back monday" (round 211: a donation at 0.97)
_OUT_AND_BACK = re.compile(
    r"""\b(?:sent|went\s+out|lent|loaned|rented(?:\s+out)?|out\s+on\s+loan|on\s+loan
          |took|taken|borrowed)\b[^.;\n]{0,80}?
        \b(?:(?:coming|come|comes|be|will\s+be|due|get\s+them|getting\s+them)\s+back
          |they(?:'ll|\s+will)\s+(?:return|bring)\b
          |back\s+(?:on\s+)?(?:mon|tues?|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b
          |back\s+(?:tomorrow|next\s+week)\b)""",
    _I | re.VERBOSE,
)
# "hydrofarm short shipped 2 cases of domes, called the rep", "PO 4471 came in 2 cs short on
# the bibs, vendor is shipping the rest": the vendor owes them (rounds 228-237)
_SHORT_SHIPPED = re.compile(
    r"""\bshort[\s-]?shipped\b
      | \b(?:came\s+in|arrived|delivery|shipment)\s+(?:\S+\s+){0,3}?short\b[^.;\n]{0,60}?
        \b(?:vendor|rep|supplier|shipping\s+the\s+rest|sending|ships|next\s+week|tomorrow)\b
      # ("invoice 88123 was short 2 bags shrimp, they're redelivering tmrw": round 259)
      | \bshort\b[^.;\n]{0,60}?\bredeliver(?:ing|s|y)?\b""",
    _I | re.VERBOSE,
)


_CHATTER: tuple[tuple[re.Pattern[str], bool, str], ...] = (
    (_TAKEN_BACK, False, "That reads like an earlier report taken back: nothing to draft. "),
    (_DROPPED_OFF, False, "That reads like stock delivered, not a write-off. "),
    (_SHORT_SHIPPED, False, "That reads like a delivery that came in short: a claim on the "
     "vendor, not stock to write off. "),
    (_GOODS_FINE, False, "That reads like goods that are fine, not a write-off. "),
    (_NOT_YET, False, "That reads like a note for later, not a write-off to draft now. "),
    (_VENDOR_CREDIT, False, "That reads like goods returned to a vendor or a credit, not a "
     "write-off. "),
    (_BILLED, False, "That reads like goods used and billed to a customer, not a write-off. "),
    (_TOTAL_TOLD, False, "That reads like a figure told, not a write-off. "),
    (_COUNT_AGREES, True, "That reads like a count that agrees with the books: nothing to "
     "write off. "),
    (_BACK_IN_STOCK, True, "That reads like goods returned unused and put back in stock, not "
     "a write-off. "),
    (_DELIVERY, True, "That reads like stock received, not a write-off. "),
    (_PRICE_CHANGE, True, "That reads like a price change, not a write-off. "),
    (_ERRAND_ASKED, True, "That reads like an errand or an order, not a write-off. "),
    (_BREAK_ROOM, True, "That reads like chatter, not a write-off. "),
    (_DAYS_WORK, True, "That reads like news of the day's work, not a write-off. "),
)  # fmt: skip


def _one_pass(kinds: tuple[tuple[re.Pattern[str], bool, str], ...]) -> re.Pattern[str]:
    """The kinds' patterns as one alternation (one scan of the text, not one per kind); the
    group that matched names the kind."""
    return re.compile(
        "|".join(f"(?P<k{n}>{pattern.pattern})" for n, (pattern, _, _) in enumerate(kinds)),
        _I | re.VERBOSE,
    )


_ALWAYS = tuple(kind for kind in _CHATTER if not kind[1])
_UNLESS_A_REASON = tuple(kind for kind in _CHATTER if kind[1])
_ALWAYS_RE = _one_pass(_ALWAYS)
_UNLESS_A_REASON_RE = _one_pass(_UNLESS_A_REASON)


# a write-off talked about, not asked for now: "remind me to w/o the burrata tmrw", "last
# month we w/o $1,240 in banquet wine"
_NOT_NOW = re.compile(
    r"""^\W*(?:pls\s+|please\s+)?remind\s+me\s+to\b
      | \b(?:last|this\s+past)\s+(?:month|week|year|quarter|season|spring|fall|christmas|xmas
        |yr|mo|wk|qtr)
        \s+(?:we|i)\s+(?:w/o|wrote\s+off|tossed|lost|had|donated|gave
        # ("last yr we dumped like 3k of old method books, wild": round 311)
        |dumped|ate|scrapped|binned|trashed|junked|pitched|chucked|wasted
        |threw\s+(?:out|away))\b
      | \btotal\s+(?:q[1-4]|ytd|monthly|yearly|annual|\w+'s)\s+(?:w/o|write-?offs?|shrink)\s+
        (?:was|were|is|came\s+to)\b
      # ("freight claim filed for 2 sofas, $1,496, not writing them off yet")
      | \bnot\s+(?:writing|w/o'?ing)\s+(?:them|it|these|those)?\s*(?:off\s+)?yet\b
      # ("lol remember when we lost 40 sacks in the flood, that was $856 of pain": round 227)
      | \bremember\s+(?:(?:last|that)\s+(?:yr|year|month|mo|week|wk|quarter|qtr|time|summer
        |winter|spring|fall|christmas|xmas)\s+)?when\s+(?!i\s+said|we\s+said)(?![^.?!\n]*\?)""",
    _I | re.VERBOSE,
)


def _chatter(text: str, has_reason: bool) -> str | None:
    """The answer to floor chatter that asks for nothing; None when the message asks for a
    write-off in so many words, or (for the kinds a reason overrules) names a reason."""
    if _NOT_NOW.search(text) and not _ASKED_NOW.search(text):
        return "That reads like a write-off from the past or one to come, not one asked for now. "
    if _ASKS_WRITE_OFF.search(text):
        return None
    if "surviv" in text.lower() or "made it" in text.lower():
        # ("2 cases smashed / not a single bottle survived": denied, the goods did not)
        text = _NONE_SURVIVED.sub(" ", text)
    m = _ALWAYS_RE.search(text)
    if m is not None:
        return _ALWAYS[int(m.lastgroup[1:])][2] if m.lastgroup else None
    if has_reason:
        return None
    m = _UNLESS_A_REASON_RE.search(text)
    if m is not None and m.lastgroup:
        return _UNLESS_A_REASON[int(m.lastgroup[1:])][2]
    return None


# money words that name goods as often ("steam tip", "return air grille", "hand truck",
# "back cover"): of an item list whose names hold them, they are the goods' words
_GOODS_TOO = ("tip", "return", "hand", "back")


def goods_words_quiet(text: str, names: Iterable[str]) -> str:
    """`text` with each money word of `_GOODS_TOO` said as an item list's name says it (after
    a word of the same name) blanked, same length: "1 steam tip STM-TIP-4H clogged" of "Steam
    wand tip, 4 hole" paid no tip."""
    low = text.lower()
    said = [w for w in _GOODS_TOO if w in low]
    if not said:
        return text
    named = [n.lower() for n in names if any(w in n.lower() for w in said)]
    for w in said:
        for m in re.finditer(rf"\b([a-z]{{3,}})\s+({w}s?)\b", text, _I):
            # (with the word before it in the same name: "steam tip" of "Steam wand tip" is
            # goods, "a $5 tip" is not)
            both = re.compile(rf"\b{m.group(1).lower()}s?\b.*\b{w}s?\b")
            if any(both.search(n) for n in named):
                text = text[: m.start(2)] + " " * len(m.group(2)) + text[m.end(2) :]
        # (or the word after it: "tip sets 26050-EA" of "Piping Tip Set 55pc", round 311
        # refused six such as tips paid)
        for m in re.finditer(rf"\b({w}s?)\s+([a-z]{{3,}})\b", text, _I):
            after = re.compile(rf"\b{w}s?\s+{m.group(2).lower().rstrip('s')}s?\b")
            if any(after.search(n) for n in named):
                text = text[: m.start(1)] + " " * len(m.group(1)) + text[m.end(1) :]
    return text


def report_after_question(text: str, said: Callable[[str], bool]) -> bool:
    """A question with no figure, then goods counted and what happened to them: "is this the
    channel for breakage? 2 DSP-BRD-2448 boards cracked", a report with an aside (held-out
    round 168). `said`: whether a text names a reason ("there's 2 CHR-009" tells none)."""
    if "?" not in text:
        return False
    mark = text.rindex("?")
    after = text[mark + 1 :]
    return bool(
        not _DIGIT.search(text, 0, mark)
        and _DIGIT.search(after)
        and asides.goods_named(after)
        and not _BEFORE_NOW.search(after)  # "does it work for expired stuff? had 50 last week"
        and said(after)
    )


# goods lost some time ago, told as an example, not a report
_BEFORE_NOW = re.compile(r"\b(?:last\s+(?:time|week|month|year|quarter|season)|ago)\b", _I)


def answer(
    text: str,
    has_reason: bool,
    write_down: bool = False,
    without_codes: str = "",
    said: Callable[[str], bool] | None = None,
) -> str | None:
    """A short answer when `text` is not a write-off request, else None. `has_reason`: the
    text names a reason of the policy table (damaged, stolen...); `write_down`: one of them
    is a write-down's ("mark down", "nrv"), whose goods sold at their new value are no sale;
    `without_codes`: `text` with the item list's codes blanked, where a code's letters are
    no words ("SOLD-PASTE-35G" sold nothing); `said`: whether a part of the text names a
    reason (see report_after_question)."""
    stripped = text.strip()
    low_text = stripped.lower()
    words = (without_codes or text).strip()
    # "Can we write off 19 bags X? freezer burn": asked politely, the bot's own job, with the
    # goods counted and a reason, is a request
    asked_to_do = bool(
        has_reason
        and _DIGIT.search(stripped)
        and (ASKED_TO_DO.search(stripped) or _ASKED_AT_END.search(stripped))
    )
    if "?" in stripped and has_reason and not asked_to_do and said is not None:
        asked_to_do = report_after_question(stripped, said)
    if (
        "?" in stripped
        and not asked_to_do
        and (
            _QUESTION.search(stripped)
            or _STATUS_ASKED.search(stripped)
            or (_STATUS_AFTER.search(stripped) and not _ASKS_WRITE_OFF.search(stripped))
            or (
                _TAG_QUESTION.search(stripped)
                and (not _ASKS_WRITE_OFF.search(stripped) or _WRITE_OFF_TALKED.search(stripped))
            )
        )
    ):
        return "That reads like a question, not a write-off request. " + DOES
    if (
        "?" in stripped
        and not asked_to_do
        and (_FIGURE_ASKED.search(stripped) or (not has_reason and _AMOUNT_ASKED.search(stripped)))
        and (not _ASKS_WRITE_OFF.search(stripped) or _WRITE_OFF_TALKED.search(stripped))
    ) or (
        "asked" in low_text
        and _ASKED_OF_US.search(stripped)
        and not _ASKS_WRITE_OFF.search(stripped)
    ):
        return "That reads like a question, not a write-off request. " + DOES
    if (
        "?" in stripped
        and ("adjuster" in low_text or "claim" in low_text)
        and _CLAIM_TALK.search(stripped)
        and not _ASKS_WRITE_OFF.search(stripped)
    ):
        return "That reads like talk about an insurance claim, not a write-off request. " + DOES
    paperwork = (
        _PAPERWORK.search(stripped) if "receipt" in low_text or "thank" in low_text else None
    )
    if (
        paperwork
        and not _DIGIT.search(stripped, 0, paperwork.start())  # (it is what the message is about)
        and not _ASKS_WRITE_OFF.search(stripped)
    ):
        return (
            "That reads like paperwork for goods given or written off before, not a new "
            "write-off. " + DOES
        )
    if _REPORT_ASKED.search(stripped) or _STATUS_YET.search(stripped):
        return "That reads like a question, not a write-off request. " + DOES
    if (
        "?" not in stripped
        and not asked_to_do
        and _YES_NO.search(stripped)
        and not _ASKS_WRITE_OFF.search(stripped)
        and not _DID_THE_JOB.search(stripped)
    ):
        # "does the reserve still have 4k in it or did we use it": asked, with no mark
        return "That reads like a question, not a write-off request. " + DOES
    asked = _ASKED_NO_MARK.search(stripped) if "?" not in stripped and not asked_to_do else None
    if asked and (not has_reason or asked.group("show")) and not _ASKS_WRITE_OFF.search(stripped):
        return "That reads like a question, not a write-off request. " + DOES
    aside = asides.information(stripped) or _chatter(stripped, has_reason)
    if aside:
        return aside + DOES
    if (
        ("ours" in low_text or "own" in low_text or "our " in low_text)
        and _NOT_OURS.search(stripped)
        and not _ASKS_WRITE_OFF.search(stripped)
    ):
        # "customer crashed their own Mavic in the parking lot, not ours. just FYI"
        return "That reads like someone else's goods, not our stock. " + DOES
    if _UNPAID_BILL.search(stripped):
        return (
            "That reads like a bill a customer did not pay (a receivable), not stock: I only "
            "write off inventory. " + DOES
        )
    if _OTHER_RESERVE.search(stripped):
        return (
            "That reads like a reserve for something other than inventory (bad debts, "
            "warranties, returns, legal claims); I only move the inventory reserve. " + DOES
        )
    if not has_reason and _THANKS.search(stripped) and not _ASKS_WRITE_OFF.search(stripped):
        return "That reads like a thank-you, not a write-off. " + DOES
    trade = _NO_MONEY_BACK.sub(" ", _NOBODY_TRADES.sub(" ", words))
    if "sold" in trade.lower() or "sell" in trade.lower():
        trade = _NO_SALE_HERE.sub(" ", trade)
    low = trade.lower()
    moved = any(w in low for w in _MONEY_WORDS) and _MONEY_MOVED.search(trade)
    if moved and not (
        (has_reason or _WRITTEN_OFF.search(stripped) or _ASKS_WRITE_OFF.search(stripped))
        and (_ASKS_WRITE_OFF.search(stripped) or _COST_SAID.search(trade) or write_down)
    ):
        return "That reads like a payment, sale or refund, not a write-off. " + DOES
    if not (has_reason or _ASKS_WRITE_OFF.search(stripped)) and _PAID.search(trade):
        return "That reads like a payment or a purchase, not a write-off. " + DOES
    aside = asides.news(stripped, bool(has_reason and _DIGIT.search(stripped))) or (
        None if RESERVE_ASKED.search(stripped) else asides.running_cost(stripped)
    )
    if aside:
        return aside + DOES
    if not has_reason and _STOCK_FIGURE.search(stripped) and not _WRITE_OFF.search(stripped):
        return "That reads like a stock figure, not a write-off. " + DOES
    if not has_reason and _SENT_ELSEWHERE.search(stripped) and not _DISPOSAL.search(stripped):
        return "That reads like stock sent to another site, not a write-off. " + DOES
    if (
        not has_reason
        and _PUT_TO_USE.search(stripped)
        and not _DISPOSAL.search(stripped)
        and not _WRITE_OFF.search(stripped)
    ):
        return "That reads like stock put to use or lent, not a write-off. " + DOES
    if not has_reason and not _DISPOSAL.search(stripped) and not _WRITE_OFF.search(stripped):
        if _ARRIVING.search(stripped):
            # "truck w/ 200 cases of ZYN lands at 3pm", "40 cases coming Tuesday"
            return "That reads like stock on its way in, not a write-off. " + DOES
        if _COUNT_ASKED.search(stripped):
            # "can someone recount the 50 X on rack 7"
            return "That reads like a request to count or check stock, not a write-off. " + DOES
    if not has_reason and "?" in stripped and _LAST_QUESTION.search(stripped):
        # "we had 3 orders fail age verification this week, do those get written off??"
        return "That reads like a question, not a write-off request. " + DOES
    # ("w/o 25% of the 80 X we received, bad valves": a write-off asked in so many words)
    if (
        not has_reason and _STOCK_MOVED.search(stripped) and not _ASKS_WRITE_OFF.search(stripped)
    ) or (
        _MOVED_FIRST.search(stripped)
        and not _WRITE_OFF.search(stripped)
        and not _ASKS.search(stripped)
        and not _DISPOSE_NOW.search(stripped)  # ("came in already warm ... trash, ...")
        and not _DISPOSAL.search(stripped)
        and not _RESERVE.search(stripped)  # "move $500 from the reserve": money, not goods
        and not _FOUND.search(stripped)
        # ("move 4 KO2s to clearance at $180 each": moved to be sold for less, a write-down;
        # round 262 refused it)
        and not write_down
    ):
        return "That reads like stock received, ordered or moved, not a write-off. " + DOES
    errand = errands.answer(stripped, has_reason)  # a till count, a price check, an order
    if errand:
        return errand + DOES
    # (on the words, not the codes: "2 AA-WAGE broken" names no wages; found by hypothesis)
    running_cost = (not has_reason and _OPERATING.search(trade)) or _PLAN_OR_PAY.search(words)
    if running_cost and not (_WRITE_OFF.search(stripped) or _ASKS.search(stripped)):
        return (
            "That reads like wages, rent, running costs, prices or sales, not an inventory "
            "write-off. " + DOES
        )
    # "they were provided for last quarter" says why the reserve pays, not a past figure
    told = _RESERVE_HISTORY.sub(" ", stripped)
    if (
        _PAST_FIGURE.search(told)
        and not _ASKS.search(told)
        and not _NEED_WRITTEN.search(told)
        and not _DISPOSE_NOW.search(told)  # ("... pulled the rest last week. scrap")
        # ("the 2 leftover X, last year's model, was 2385 now 2100 ea": a value now)
        and not _WAS_NOW.search(told)
    ):
        return "That reads like a figure from the past, not a new write-off. " + DOES
    late = _late_chatter(stripped, has_reason)
    return late + DOES if late else None


# asked last, after the kinds above, whose answers say more where both apply; each with the
# words one of its matches must hold (tested first: the patterns cost 4% of a draft)
_LATE: tuple[tuple[re.Pattern[str], bool, tuple[str, ...], str], ...] = (
    (_HOW_TO, False, ("how", "what", "where", "tell me", "policy", "do we", "report"),
     "That reads like a question about the bot, not a write-off request. "),
    (_PRICE_NEWS, False, ("cost", "pric", "rais", "hik", "bump", "upped", "%", "robbery",
                          "spot", "starting", "effective"),
     "That reads like news of a price, not a write-off. "),
    (_NOTHING_LOST, False, ("nothing", "condition", "everything", "paid", "petty", "action",
                            "crediting"),
     "That reads like goods that are fine or paid for, not a write-off. "),
    (_PRICE_TALK, True, ("price", "sell", "now", "shipping"),
     "That reads like talk about prices, not a write-off. "),
    (_OUT_AND_BACK, False, ("back", "return", "bring"),
     "That reads like goods lent or out on show that are coming back, not a write-off. "),
    (_STOCK_OUT_AS_MEANT, True, ("sold", "selling", "sent", "shipped", "order", "account", "tab",
                                 "folio", "minibar", "enter", "quote", "put out", "recovered",
                                 "rental", "charge", "mounted", "sign", "even", "used", "look",
                                 "delivery", "install", "loaded", "took", "kitted", "pulled",
                                 "put"),
     "That reads like stock sold, sent or used as it should be, not a write-off. "),
)  # fmt: skip


def _late_chatter(text: str, has_reason: bool) -> str | None:
    """The answer to chatter the kinds above leave (rounds 189-194), or None; a write-off
    asked in so many words is never chatter."""
    low = text.lower()
    if "nothing" in low:
        # ("4 X stolen, nothing damaged": the goods were taken, not found fine)
        text = _TAKEN_NOT_BROKEN.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    for pattern, overruled, words, said in _LATE:
        if (
            (not overruled or not has_reason)
            and any(w in low for w in words)
            and pattern.search(text)
            and not _ASKS_WRITE_OFF.search(text)
        ):
            return said
    return None


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
