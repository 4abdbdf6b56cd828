"""Damage that leaves the goods usable: only the packaging is hurt ("box damaged, product
fine", "dented packaging only", "outer carton crushed, contents OK"), the goods still work
("scratched but works fine"), or they go to be mended ("damaged but repairable", "sending
for repair", "we'll rework them").

Writing off the goods' whole cost is then the wrong entry: they are still stock, maybe worth
a little less (a write-down) or costing a repair (an expense, not the goods). The reader
names the words and asks; it does not guess which entry is meant.

Not here: the rest of the goods being fine ("10 damaged, the others are fine"), damage said
to go beyond the packaging ("not just the packaging"), mending ruled out ("beyond repair",
"can't be fixed").
"""

from __future__ import annotations

import re

from ledger.drafting.reading.fast import lead, twin_patterns

_WRAP = (
    r"(?:packaging|packing|package|box(?:es)?|cartons?|outer(?:\s+(?:box|carton)s?)?"
    r"|shrink[\s-]?wrap|wrapping|retail\s+box(?:es)?)"
)
_GOODS = (
    r"(?:products?|items?|units?|goods|contents?|stock|merchandise|the\s+\w+\s+inside"
    r"|inside|speakers?|panels?|mugs?|chairs?|tvs?|widgets?|bottles?)"
)
_FINE = (
    r"(?:fine|ok|okay|o\.k\.|intact|undamaged|unharmed|unaffected|untouched|perfect|unscathed"
    r"|in\s+(?:good|perfect)\s+(?:shape|condition|order)|good|sellable|saleable|usable)"
)
_USABLE = lead(
    "pbcosijwuertfagnlm" + "PBCOSIJWUERTFAGNLM",
    rf"""\b(?:
        {_WRAP}\s+(?:damage\s+)?only
      | (?:only|just)\s+(?:the\s+)?{_WRAP}(?!\s+and)
      | {_GOODS}\s+(?:themselves\s+|itself\s+)?(?:is\s+|are\s+|was\s+|were\s+|looks?\s+|seems?\s+)?
        (?:still\s+)?{_FINE}\b
      | (?:still|otherwise)\s+(?:fine|ok|okay|intact|works?|working|functional|usable|sellable
        |saleable|good)
      | (?:works?|working|functions?|functioning)\s+(?:fine|ok|okay|perfectly|normally)
      | {_GOODS}\s+(?:still\s+)?(?:work|works|function)\b
      | repairable | fixable | reparable
      | can\s+be\s+(?:fixed|repaired|reworked|mended|refurbished|repacked|reboxed)
      | (?:send(?:ing)?|sent|going|gone|went|out)\s+(?:out\s+|back\s+)?(?:for|to)\s+
        (?:repair|rework)
      | (?:we'?ll|will|to\s+be|need(?:s)?\s+to\s+be|going\s+to)\s+
        (?:rework|repair|fix|mend|refurbish|reworked|repaired|fixed|mended|refurbished|repack
        |repacked|rebox|reboxed)
      | (?:need(?:s)?\s+(?:a\s+|to\s+)?|for\s+)(?:repack(?:ing)?|rebox(?:ing)?|relabel(?:l?ing)?)
      | cosmetic(?:ally)?
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# words before a match that turn it away: "the others are fine", "not just the packaging",
# "can't be fixed", "not repairable"
_TURNED = re.compile(
    r"(?:\b(?:other|others|rest|remaining|remainder|else|another|not|no|never|cannot|beyond)"
    r"|n't|n’t)\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
# a quick test before the long pattern: one of the words any match needs (most messages have
# none); plain substring tests, far cheaper than a pattern tried at every position
_NEEDS = (
    "packag", "packing", "box", "carton", "outer", "wrap", "fine", "ok", "o.k", "intact",
    "undamaged", "unharmed", "perfect", "work", "function", "repair", "fix", "mend", "refurb",
    "repack", "rebox", "relabel", "usable", "sellable", "saleable", "cosmetic", "unscathed",
    "unaffected", "untouched", "good",
)  # fmt: skip


def usable(text: str) -> str | None:
    """The words saying the damaged goods are still usable, as written; None when there are
    none."""
    low = text.lower()
    if not any(word in low for word in _NEEDS):
        return None
    for m in _USABLE.finditer(text):
        if _TURNED.search(text, max(0, m.start() - 30), m.start()):
            continue
        return " ".join(m.group(0).split())
    return None


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
