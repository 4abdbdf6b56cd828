"""Counts said container first: "cases of SKU-410: 3 (12/cs)", "cartons: 2 x 24 MLK-2L",
"boxes BX-1042 = 4, 50 per box".

A count sheet often names the container, then gives how many: the pack reader expects the
count first ("3 cases of SKU-410 (12/cs)"), and read as typed the count of cases was taken as
the pieces. The count is put back before its container ("3 cases of SKU-410 (12/cs)") before
the message is read, and the card says so; the pack reader then multiplies out as usual and
shows the arithmetic.

Only a plural container word (or its short form) followed by ":" or "=" and a whole count
is read this way: "case: 4411" and "box 12" are numbers of a case or a box, not counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLURALS = (
    "cases", "cs", "cartons", "ctns", "boxes", "bxs", "packs", "pks", "packets", "pallets",
    "plts", "skids", "crates", "trays", "sleeves", "bundles", "totes", "flats", "bags",
    "drums", "inners", "sacks",
)  # fmt: skip
_C = "(?:" + "|".join(sorted(_PLURALS, key=len, reverse=True)) + ")"
_FIRST = re.compile(
    rf"(?<![\w$.-])(?P<c>{_C})(?P<of>\s+(?:of\s+)?(?:[^:=\n;,.$\d]|(?<=[\w-])\d){{0,30}}?)?"
    r"\s*[:=]\s*(?P<n>\d{1,4})(?![\d.,]\d|[\w%$/-])(?!\s*(?:/|per\b|x\s*\$))",
    re.IGNORECASE,
)
_AFTER = re.compile(rf"\s*{_C}\b", re.IGNORECASE)
_GATE = re.compile(rf"\b{_C}\b[^:=\n]{{0,40}}[:=]", re.IGNORECASE)


@dataclass(frozen=True)
class Rewritten:
    text: str
    notes: tuple[str, ...] = ()


def rewrite(text: str) -> Rewritten:
    """`text` with each "cases of X: 3" said as "3 cases of X"."""
    if (":" not in text and "=" not in text) or not _GATE.search(text):
        return Rewritten(text)
    out: list[str] = []
    notes: list[str] = []
    last = 0
    for m in _FIRST.finditer(text):
        if _AFTER.match(text, m.end()):
            continue  # "cases: 3 cases" says it twice: leave it
        said = (m.group("of") or "").rstrip()
        out.append(text[last : m.start()])
        out.append(f"{m.group('n')} {m.group('c')}{said}")
        last = m.end()
        notes.append(f"Read '{m.group(0).strip()}' as {m.group('n')} {m.group('c')}")
    if not notes:
        return Rewritten(text)
    out.append(text[last:])
    return Rewritten("".join(out), tuple(notes))
