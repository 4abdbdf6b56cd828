"""Figures said as bounds, not amounts: "anything over $1,000 needs sign-off", "under $50
each", "at least 5", "more than 10", "up to 20", "max $90". A bound says what the figure is
above or below, never what the goods cost or how many there are, so it is used as nothing:
its words are blanked before the reading (same length, so positions still match), and what
it leaves is said on the card.

- A rule about approvals or evidence ("anything over $1,000 needs sign-off", "over 2 units
  needs a police report", "anything under $200 I can approve"): the whole clause is no part
  of the request; the draft stays below 0.9 with the rule quoted.
- A bound on money ("under $50 each", "worth over $100"): the price comes from elsewhere (the
  item list, another figure) or is missing; below 0.9 with the bound quoted.
- A bound on the count of the goods ("more than 10 SKU-410 broken", "minimum 4 chipped"):
  how many is not known; the draft stays below 0.5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.drafting.reading.fast import lead, twin_patterns

_I = re.IGNORECASE
_IX = re.IGNORECASE | re.VERBOSE

# Words that bound the figure after them whatever it counts
_SURE_BOUND = r"""more\s+than|greater\s+than|bigger\s+than|larger\s+than|higher\s+than
    |less\s+than|fewer\s+than|lower\s+than|smaller\s+than|at\s+least|at\s+most|up\s+to
    |no\s+(?:more|less|fewer)\s+than|not\s+(?:more|less|fewer)\s+than|not\s+over|not\s+under
    |in\s+excess\s+of|upwards?\s+of|north\s+of|south\s+of|exceed(?:s|ed|ing)?|(?:a\s+)?(?:max(?:imum)?|min(?:imum)?)\.?(?:\s+of)?
    |no\s+lower\s+than
    |no\s+higher\s+than|anything\s+(?:over|above|under|below)|everything\s+(?:over|above|under|below)"""
# Words that bound money, or a count in a rule; alone before a count they are often a place
# or a particle ("crushed under 2 pallets", "knocked over 3 TVs")
_LOOSE_BOUND = r"over|under|above|below|beyond|past"
_FIGURE = (
    r"(?P<fig>\$\s?\d[\d,]*(?:\.\d+)?(?:\s?k\b)?"
    r"|\d[\d,]*(?:\.\d+)?(?:\s?k\b|\s*(?:dollars?|bucks|usd)\b)?)"
)
_BOUND = lead(
    r"a-z<>≤≥",
    rf"""(?P<word>(?<![\w-])(?:{_SURE_BOUND}|{_LOOSE_BOUND})(?!\w)|(?<![-=])[<>]=?|[≤≥])\s*
         (?:(?:about|around|approx\.?|roughly)\s+)?{_FIGURE}(?![\w/-]|[.,]\d)""",
    _IX,
)
# ("685 -> $500", "=> $500": an arrow from one price to the next, no bound)
# A verb whose particle "over"/"under" is not a bound: "knocked over $500 of glass"
_PARTICLE_VERB = re.compile(
    r"\b(?:knock(?:ed|s)?|fell|fall(?:s|en|ing)?|tip(?:ped|s)?|ran|run(?:s)?|roll(?:ed|s)?"
    r"|toppl(?:ed|es)?|spill(?:ed|t)?|blew|blown|turn(?:ed|s)?|hand(?:ed|s)?|went|go(?:ne)?"
    r"|push(?:ed)?|trip(?:ped)?|flip(?:ped)?|keel(?:ed)?|crush(?:ed)?|buried|trapped|stuck"
    r"|pinned|squashed|stacked|left|stored|kept|sat|sitting|lying|lay|paint(?:ed)?|all)\s+$",
    _I,
)
_PARTICLE_BEFORE = 12  # characters looked at before "over"
# Before the bound: it speaks of any goods or any amount, not these ("anything over $1,000")
_ANY_BEFORE = re.compile(
    r"\b(?:anything|everything|any|all|if|when|whenever|once|whatever|items?|stuff|losses"
    r"|write-?offs?|w/os?|amounts?|values?|claims?|entries|orders?)\s+(?:\w+\s+)?$",
    _I,
)
# After the figure: what a rule says happens to write-offs past the bound
_RULE_AFTER = re.compile(
    r"""^[^.;,\n!?]{0,40}?\b(?:needs?|needed|require[sd]?|must|has\s+to|have\s+to|should
        |gets?|goes\s+to|go\s+to|triggers?|escalat\w*|(?:i|you|we|they|managers?|he|she)\s+can
        |(?:i|you|we)\s+(?:am|are)\s+allowed|approv\w*|sign[-\s]?off|signoff|flag\w*
        |is\s+material|counts\s+as)\b""",
    _IX,
)
_RULE_HEAD = re.compile(r"\b(?:anything|everything|whatever|any\s+\w+|all\s+\w+)\s+$", _I)
_CLAUSE_END = re.compile(r"[.;,:()\n!?]|\s[-–]\s|\s(?:so|but|and|then|also)\s|$", _I)
_PER_AFTER = re.compile(r"^\s*(?:each|ea\b\.?|apiece|a\s+(?:unit|piece|pop)|per\s+\w+|/\s*\w+)", _I)
_MONEY_FIGURE = re.compile(r"\$|k$|dollars?|bucks|usd", _I)


@dataclass(frozen=True)
class Bound:
    quoted: str  # the words as written: "over $1,000"
    start: int  # what is blanked before the reading
    end: int
    money: bool  # a bound on money; else on a count
    rule: bool  # a rule about approvals or evidence, not about these goods


def find(text: str) -> list[Bound]:
    """The bounds in `text`, in order (most messages have none: one gated pattern)."""
    out: list[Bound] = []
    for m in _BOUND.finditer(text):
        word = m.group("word").lower()
        loose = re.fullmatch(_LOOSE_BOUND, word) is not None
        before = text[max(0, m.start() - _PARTICLE_BEFORE) : m.start()]
        if loose and _PARTICLE_VERB.search(before):
            continue
        fig = m.group("fig")
        money = _MONEY_FIGURE.search(fig) is not None
        tail = text[m.end() :]
        rule = _RULE_AFTER.search(tail) is not None
        anyone = _ANY_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) is not None
        anyone = anyone or word.startswith(("anything", "everything"))
        if loose and not (money or rule or anyone):
            continue  # "crushed under 2 pallets": a place, not a bound
        start, end = m.start(), m.end()
        if rule or (anyone and not _PER_AFTER.match(tail)):
            end = m.end() + _CLAUSE_END.search(tail).start()  # type: ignore[union-attr]
            rule = True
            head = _RULE_HEAD.search(text[max(0, m.start() - 20) : m.start()])
            if head:  # "anything over ...": the rule's subject goes with it
                start = max(0, m.start() - 20) + head.start()
        else:
            per = _PER_AFTER.match(tail)
            if per:
                end = m.end() + per.end()
        out.append(Bound(" ".join(m.group(0).split()), start, end, money, rule))
    return out


def blank(text: str, found: list[Bound]) -> str:
    """`text` with every bound blanked (same length)."""
    for b in found:
        text = text[: b.start] + " " * (b.end - b.start) + text[b.end :]
    return text


def unclear(found: list[Bound]) -> tuple[str, ...]:
    """What the card says of bounds that leave the entry in question (below 0.9)."""
    return tuple(
        f"read '{b.quoted}' as a limit ({'a rule' if b.rule else 'a bound'}), not the "
        f"{'amount' if b.money else 'quantity'}: check the entry"
        for b in found
        if b.rule or b.money
    )


def doubts(found: list[Bound]) -> tuple[str, ...]:
    """Bounds on the count of the goods: how many is not known (below 0.5)."""
    return tuple(
        f"'{b.quoted}' bounds the count: how many exactly?"
        for b in found
        if not b.rule and not b.money
    )


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
