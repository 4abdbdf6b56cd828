"""Misspelled pack and unit words ("2 dozne", "3 csaes", "4 cartns", "2 palets", "5 bundels"),
read by fuzzy matching before the pack reader looks at the text.

A misspelled pack word left as typed is worse than an unknown word: "2 dozne SKU-410" would
read as 2 pieces, confidently, when 24 were meant. The correction is made only where a count
word sits right before the typed word ("2 dozne", "a cartn", "per csae"), so ordinary words
one letter from a pack word ("cash", "create", "pellet") elsewhere are never touched, and the
reading shows each correction ("read 'dozne' as 'dozen'") at a small confidence cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ledger.drafting.reading.fast import gated, twin_patterns
from ledger.drafting.reading.packs import CONTAINER_WORDS

# the words aimed at: pack words long enough that one slip still leaves them recognisable
_TARGETS = (
    "dozen", "dozens", "cases", "carton", "cartons", "pallet", "pallets", "bundle", "bundles",
    "crates", "boxes", "packets", "inners", "sleeves", "units", "pieces", "sacks", "gross",
)  # fmt: skip


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# real words one or two letters from a target, and the pack words spelled right ("12 per
# crate" is never "crates"): never corrected
_REAL = CONTAINER_WORDS | _wordset(
    """
    cash cast casts cause caused cares caves cased canton cartoon cartoons carbon caption
    palette palettes pellet pellets ballet ballets mallet mallets palate palest dozed dozes
    dozer doze bundled bungle bungles gloss grass cress crates create creates crater craters
    grate grates boxer boxers boxed packed packer pocket pockets picket pickets jacket jackets
    sleeved inner inter inters units unit unite unites united untie pieced piece niece sacked
    backs packs socks sucks snacks stacks slacks racks tacks lacks cases carts sack sheet
    sheets dozen gross cakes capes cages canes casks cafes cranes pellets palates cartoons
    carbons grouse packers dozers unity bones
    bunch bunches bundt
    """
)
_COUNT_BEFORE = r"(?:\d+|an?|per|each|every|half|one|two|three|four|five|six|ten|twelve)"
_CANDIDATE = gated(
    # (a money amount is no count, nor its digits after a comma: "$1CAES", "$1,200BOXS"
    # are money glued to letters, not so much a case or a box)
    rf"(?<![\w'$-])(?<!\d[,.])(?P<before>{_COUNT_BEFORE})(?P<gap>\s*[x×]?\s*|\s+(?:full\s+)?)"
    r"(?P<word>[a-z]{4,12})(?![\w'-])",
    re.IGNORECASE,
)
_BY_LETTER: dict[str, list[str]] = {}
for _t in _TARGETS:
    _BY_LETTER.setdefault(_t[0], []).append(_t)
P_UNIT_SPELL = 0.05


@dataclass(frozen=True)
class Respelled:
    text: str
    notes: tuple[str, ...]  # "Read 'dozne' as 'dozen'"


@lru_cache(maxsize=4096)  # each typed word is looked up once
def _meant(word: str) -> str | None:
    low = word.lower()
    if low in _REAL or low in _TARGETS:
        return None
    choices = _BY_LETTER.get(low[0], [])
    if not choices:
        return None
    limit = 1 if len(low) < 7 else 2
    near = process.extract(low, choices, scorer=OSA.distance, score_cutoff=limit)
    if not near:
        return None
    # the closest; between equals, the one of the typed word's length
    return min(near, key=lambda c: (c[1], abs(len(c[0]) - len(low)), c[0]))[0]


def respell(text: str) -> Respelled:
    """`text` with misspelled pack words after a count replaced by the words meant."""
    if not any(c in text for c in "dcpbsgiuDCPBSGIU"):
        return Respelled(text, ())
    out: list[str] = []
    notes: list[str] = []
    last = 0
    for m in _CANDIDATE.finditer(text):
        meant = _meant(m.group("word"))
        if meant is None:
            continue
        out.append(text[last : m.start("word")])
        out.append(meant)
        last = m.end("word")
        notes.append(f"Read '{m.group('word')}' as '{meant}'")
    if not notes:
        return Respelled(text, ())
    out.append(text[last:])
    return Respelled("".join(out), tuple(dict.fromkeys(notes)))


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
