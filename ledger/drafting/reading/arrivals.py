"""Goods that arrived, then a part of them written off: "received 40 SKU-12, 4 were cracked",
"got 24 SKU-410 in today, 3 smashed", "out of 40 received, 6 damaged".

The count that arrived says how many came, not how many are lost: the smaller count after it
is the quantity. The reader is handed the text with the arrived count blanked in place (same
length, so positions still point into the message as typed), and the card shows a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ledger.drafting.reading.counts import PLACE_BEFORE
from ledger.drafting.reading.fast import lead, twin_patterns

_I = re.IGNORECASE | re.VERBOSE
# a whole count, not money, a decimal, a percentage or part of a code
_COUNT = r"(?<![\w$.,/#-])(?P<{0}>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w%/-]|[.,]\d)"

# The arrived count: after a word of receiving ("received 40", "delivery of 40", "out of 40"),
# or before one ("40 SKU-12 arrived", "got 24 X in today")
_ARRIVED = lead(
    "rdoustpuicgw0-9",
    # ("rcvd", "recived", "recieved": as the dock types them)
    r"""\b(?:received|receiving|recv'?d|rec'?d|rcv'?d|rcvd|reci?e?ved|unloaded|delivered
          |(?:took\s+)?delivery\s+of
          |picked|pulled|opened|unpacked|unboxed|inspected|went\s+through|checked
          |shipment\s+of|out\s+of(?:\s+the)?|(?:a|the)\s+(?:delivery|shipment|load)\s+of)\s+"""
    + _COUNT.format("n")
    + r"""| (?:\bgot\s+)?"""
    + _COUNT.format("m")
    + r"""\s+(?:[\w-]+\s+){0,3}?(?:arrived|came\s+in|come\s+in|were\s+delivered|got\s+delivered
          |delivered|received|showed\s+up|in\s+(?:today|yesterday|this\s+morning)
          |checked|inspected|opened|unpacked
          |on\s+(?:the|this|that)\s+(?:delivery|shipment|truck|load))\b
      | \bgot\s+"""
    + _COUNT.format("g")
    + r"""\s+(?:[\w-]+\s+){0,3}?in
          (?=\s*(?:[,.;:@]|$)|\s+(?:at|from|on|and|but|off)\b)  # "got 24 mugs in at $3 each"
    """,
    _I,
)
# a count after the arrival: the part written off (not a price: "@ 15 ea", "at 15 each")
_LATER = re.compile(
    r"(?<!@)(?<!@\s)(?<!\bat\s)" + _COUNT.format("k") + r"(?!\s*(?:ea|each|apiece|per|/)\b)",
    re.IGNORECASE,
)
_END = re.compile(r"[;\n]")  # a count across these belongs to another request
# a code in capitals and figures right after a count ("6 FL204", "4 x SKU-12")
_CODE_NEXT = re.compile(
    r"\s*(?:x\s*)?([A-Z][A-Z0-9]*\d[A-Z0-9]*(?:-[A-Z0-9]+)*|[A-Z]+-[A-Z0-9-]+)\b"
)


def _other_code(text: str, at: int, own: str | None) -> bool:
    """Whether the count ending at `at` is of a code other than `own`."""
    m = _CODE_NEXT.match(text, at)
    return m is not None and m.group(1) != own


@dataclass(frozen=True)
class Arrival:
    arrived: int
    quoted: str  # the arrival's words as typed, to find the request it belongs to

    @property
    def note(self) -> str:
        return f"Read {self.arrived:,} as the goods that arrived, not the count written off"


def rewrite(text: str, told: Callable[[str], bool]) -> tuple[str, list[Arrival]]:
    """`text` with each arrived count blanked where a smaller count follows it in the same
    request and `told` finds what happened to them there (damage, theft...); the arrivals."""
    if not any(c.isdigit() for c in text):
        return text, []
    found: list[Arrival] = []
    out = text
    for m in _ARRIVED.finditer(text):
        group = next(g for g in "nmg" if m.group(g))
        arrived = int(m.group(group).replace(",", ""))
        end = _END.search(text, m.end())
        rest = text[m.end() : end.start() if end else len(text)]
        # ("pulled 6 FL204 bqts, 4 FL212 carns": a count of other goods is no part of these)
        own = _CODE_NEXT.match(rest)
        later = [
            int(k.group("k").replace(",", ""))
            for k in _LATER.finditer(rest)
            if not _other_code(rest, k.end(), own.group(1) if own else None)
            and not PLACE_BEFORE.search(rest, 0, k.start())
        ]
        if not any(0 < k < arrived for k in later) or not told(rest):
            continue  # "received 40 SKU-12 damaged": the 40 are the goods written off
        a, b = m.span(group)
        out = out[:a] + " " * (b - a) + out[b:]
        found.append(Arrival(arrived, m.group(0)))
    return out, found


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
