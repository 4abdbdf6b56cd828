"""Stock counts said in whole containers and loose pieces: "LRS-12 system 8 cs, counted 7 cs
+ 5", a count table's "5 trays + 4", "counted 3cs+8".

The count reader takes the difference of two figures; "7 cs + 5" is neither one figure nor two
counts of the goods. Where the item list's name says how many pieces its container holds
("Lactated Ringer's 1000 mL bag, case of 12"), every figure of the count (the books' and the
shelf's, on the line or the lines beside it) is multiplied out to pieces before the count is
read: system 96, counted 89, 7 short. The card shows the arithmetic. Figures in a container
the name does not size, or in another container than the name's, are left as typed (the
reading then cannot resolve them and says so).

Pure: text and the item list's names in, text and notes out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ledger.drafting.reading.packs import COUNTED_IN, holder, size_of

# whole containers and loose pieces: "7 cs + 5", "3cs+8", "2 bx and 30 loose", "5 trays plus 4"
_LOOSE = re.compile(
    rf"(?<![\w.$,/-])(?P<n>\d{{1,5}})\s*(?P<c>{COUNTED_IN})\s*(?:\+|&|\band\b|\bplus\b)\s*"
    r"(?P<m>\d{1,5})(?:\s*(?:loose|ea|each|pcs?|singles?|extra)\b)?(?![\w.%/$-]|,\d)",
    re.IGNORECASE,
)
# whole containers alone: the other figure of the same count ("system 8 cs")
_WHOLE = re.compile(
    rf"(?<![\w.$,/-])(?P<n>\d{{1,5}})\s*(?P<c>{COUNTED_IN})\b(?!\s*(?:\+|&|and\b|plus\b)\s*\d)",
    re.IGNORECASE,
)
# what says a line is a stock count, not a write-off of so many cases
COUNT_TALK = re.compile(
    r"\b(?:sys|system|books?|counted|countd|count|cnt|ct|ctd|on\s+hand|shelf|physical|phys|qoh|soh"
    r"|expected|actual)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w./#-]+")
_REACH = 2  # lines above a count line that may name its goods ("cycle ct X:\nsystem ...")


# what a container holds, said on the count's line: "sys 4 cs (36/cs)", "36 per case"
_SIZE_SAID = re.compile(
    rf"(?<![\w.$,/-])(?P<n>\d{{1,5}})\s*(?:/|per\s+|a\s+|to\s+a\s+)(?P<c>{COUNTED_IN})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rewritten:
    text: str
    notes: tuple[str, ...] = ()
    # loose pieces beside containers of a size nobody gave: the count cannot be read
    unsized: tuple[str, ...] = ()


def rewrite(text: str, names: Mapping[str, str]) -> Rewritten:
    """`text` with the figures of each count said in containers and loose pieces given in
    pieces, where the goods' container size is known; unchanged otherwise."""
    if not names or _LOOSE.search(text) is None or COUNT_TALK.search(text) is None:
        return Rewritten(text)
    lines = text.split("\n")
    notes: list[str] = []
    unsized: list[str] = []
    done: set[int] = set()
    for i, line in enumerate(lines):
        if i in done or _LOOSE.search(line) is None:
            continue
        block = _count_block(lines, i, names)
        size = _size(lines, block, names) if block is not None else None
        if block is None or size is None:
            if COUNT_TALK.search(line):
                unsized.extend(m.group(0) for m in _LOOSE.finditer(line))
            continue
        held, per = size
        rows = block[1]
        if not all(_fits(lines[r], held) for r in rows):
            # "3 bx + 4" of goods sold by the case: not this name's container
            unsized.extend(m.group(0) for m in _LOOSE.finditer(line))
            continue
        for r in rows:
            lines[r] = _pieces(lines[r], held, per, notes)
            done.add(r)
    if not notes:
        return Rewritten(text, unsized=tuple(unsized))
    return Rewritten("\n".join(lines), tuple(notes), tuple(unsized))


def _size(
    lines: list[str], block: tuple[str, list[int]], names: Mapping[str, str]
) -> tuple[str, Decimal] | None:
    """The container the count is in and how many pieces it holds: from the item list's name,
    or said on the count's lines ("sys 4 cs (36/cs), counted 3 cs + 20": round 356)."""
    code, rows = block
    listed = size_of(names[code])
    if listed is not None:
        return listed
    for r in rows:
        said = _SIZE_SAID.search(lines[r])
        held = _holder(said.group("c")) if said is not None else None
        if said is not None and held is not None and int(said.group("n")) > 1:
            # (the size said is no figure of the count: "(36/cs)" is blanked with it)
            lines[r] = lines[r][: said.start()] + " " * len(said.group(0)) + lines[r][said.end() :]
            return held, Decimal(said.group("n"))
    return None


def _count_block(
    lines: list[str], i: int, names: Mapping[str, str]
) -> tuple[str, list[int]] | None:
    """The goods a count line with loose pieces is of, and the lines its figures are on (the
    line itself, and the line beside it that holds the count's other figure); None: no count,
    or no one item."""
    here = _codes(lines[i], names)
    rows = [i]
    if not COUNT_TALK.search(lines[i]):
        return None
    if len(here) > 1:
        return None
    if here:
        return here[0], rows
    # ("cycle ct NB1S-CR-70:\nsystem 5 cs + 8\ncounted 4 cs + 20": the goods named above)
    for j in range(i - 1, max(-1, i - 1 - _REACH), -1):
        above = _codes(lines[j], names)
        if len(above) > 1:
            return None
        if above:
            rows = [r for r in range(j, i + 2) if r < len(lines) and _said_in(lines[r])]
            return above[0], [r for r in rows if not _codes(lines[r], names) or r == j]
    return None


def _codes(line: str, names: Mapping[str, str]) -> list[str]:
    return list(dict.fromkeys(t for t in _TOKEN.findall(line) if t in names))


def _said_in(line: str) -> bool:
    return bool(COUNT_TALK.search(line)) and bool(_WHOLE.search(line) or _LOOSE.search(line))


def _fits(line: str, held: str) -> bool:
    found = [m.group("c") for m in (*_LOOSE.finditer(line), *_WHOLE.finditer(line))]
    return all(_holder(word) == held for word in found)


def _holder(word: str) -> str | None:
    low = word.lower()
    return "dozen" if low in ("dz", "doz", "dozen") else holder(low)


def _pieces(line: str, held: str, per: Decimal, notes: list[str]) -> str:
    def loose(m: re.Match[str]) -> str:
        n = Decimal(m.group("n")) * per + Decimal(m.group("m"))
        notes.append(
            f"counted '{m.group(0)}' as {_plain(n)} ({m.group('n')} x {_plain(per)} per "
            f"{held} + {m.group('m')} loose)"
        )
        return f"{_plain(n)} pcs"

    def whole(m: re.Match[str]) -> str:
        n = Decimal(m.group("n")) * per
        notes.append(f"counted '{m.group(0)}' as {_plain(n)} ({_plain(per)} per {held})")
        return f"{_plain(n)} pcs"

    return _WHOLE.sub(whole, _LOOSE.sub(loose, line))


def _plain(n: Decimal) -> str:
    return format(n.normalize(), "f")
