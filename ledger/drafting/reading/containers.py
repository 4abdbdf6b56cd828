"""Counts said container first: "cases of SKU-410: 3 (12/cs)", "cartons: 2 x 24 MLK-2L",
"boxes BX-1042 = 4, 50 per box".

A count sheet often names the container, then gives how many: the pack reader expects the
count first ("3 cases of SKU-410 (12/cs)"), and read as typed the count of cases was taken as
the pieces. The count is put back before its container ("3 cases of SKU-410 (12/cs)") before
the message is read, and the card says so; the pack reader then multiplies out as usual and
shows the arithmetic.

Only a plural container word (or its short form) followed by ":" or "=" and a whole count,
or by a code and "x N" ("cases SKU-410 x3"), is read this way: "case: 4411" and "box 12"
are numbers of a case or a box, not counts.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from ledger.drafting.reading.fast import lead, twin_patterns

_PLURALS = (
    "cases", "cs", "cartons", "ctns", "boxes", "bxs", "packs", "pks", "packets", "pallets",
    "plts", "skids", "crates", "trays", "sleeves", "bundles", "totes", "flats", "bags",
    "drums", "inners", "sacks",
)  # fmt: skip
_C = "(?:" + "|".join(sorted(_PLURALS, key=len, reverse=True)) + ")"
# (every container word starts a word: tried only where one of their first letters does)
_LETTERS = "".join(sorted({w[0] for w in _PLURALS}))
_FIRST = lead(
    _LETTERS,
    rf"(?<![\w$.-])(?P<c>{_C})(?P<of>\s+(?:of\s+)?(?:[^:=\n;,.$\d()]|(?<=[\w-])\d){{0,30}}?)?"
    r"\s*[:=]\s*(?P<n>\d{1,4})(?![\d.,]\d|[\w%$/-])(?!\s*(?:/|per\b|x\s*\$))"
    r"(?P<x>\s*[x*]\s*\d{1,4}(?![\d.,]\d|[\w%$/-]))?",
    re.IGNORECASE,
    word=True,
)
# "cases SKU-410 x3": the containers of a code, counted after it
_CODE_X = lead(
    _LETTERS,
    rf"(?<![\w$.-])(?P<c>{_C})\s+(?:of\s+)?(?P<code>(?-i:[A-Z][A-Z0-9]{{0,9}}(?:-[A-Z0-9]+)+))"
    r"\s*[x*]\s*(?P<n>\d{1,4})(?![\d.,]\d|[\w%$/-])(?!\s*(?:/|per\b))",
    re.IGNORECASE,
    word=True,
)
# "2 TUB-26-BX50 (50/bx) boxes crushed": the count, the code and what one holds, then the
# containers counted; read as "2 boxes of TUB-26-BX50 (50/bx)"
_CODE_SIZED = re.compile(
    r"(?<![\w$.,/-])(?P<n>\d{1,4})\s+(?P<code>(?-i:[A-Z][A-Z0-9]{0,9}(?:-[A-Z0-9]+)+))\s*"
    r"(?P<size>\(\s*\d+\s*(?:/|per\s+)\s*[a-z]+\s*\))"
    rf"\s*(?P<c>{_C})(?![\w-])",
    re.IGNORECASE,
)
_AFTER = re.compile(rf"\s*{_C}\b", re.IGNORECASE)
_GATE = lead(_LETTERS, rf"{_C}\b[^:=\n]{{0,40}}[:=x*]", re.IGNORECASE, word=True)


@dataclass(frozen=True)
class Rewritten:
    text: str
    notes: tuple[str, ...] = ()


_TOKEN = re.compile(r"[\w/-]+")


def rewrite(text: str, known: Collection[str] = ()) -> Rewritten:
    """`text` with each "cases of X: 3" said as "3 cases of X". A code the item list knows is
    never cut: "cs MOZ-SHR-4X5" is cases of MOZ-SHR-4X5, not 5 cases of MOZ-SHR-4."""
    sized = list(_CODE_SIZED.finditer(text)) if "(" in text else []
    if not sized and (not any(c in text for c in ":=xX*") or not _GATE.search(text)):
        return Rewritten(text)
    out: list[str] = []
    notes: list[str] = []
    last = 0
    found = [*_FIRST.finditer(text), *_CODE_X.finditer(text), *sized]
    for m in sorted(found, key=lambda m: m.start()):
        if m.start() < last or _AFTER.match(text, m.end()):
            continue  # "cases: 3 cases" says it twice: leave it
        if "code" in m.groupdict() and known:
            token = _TOKEN.match(text, m.start("code"))
            if token and token.group(0) != m.group("code") and token.group(0) in known:
                continue  # the pattern cut a longer code the list knows
        out.append(text[last : m.start()])
        if "size" in m.groupdict():
            said = f"{m.group('n')} {m.group('c')} of {m.group('code')} {m.group('size')}"
        elif "code" in m.groupdict():
            said = f"{m.group('n')} {m.group('c')} of {m.group('code')}"
        else:  # "boxes of BX-1042 crushed: 2 x 50" -> "2 boxes x 50 of BX-1042 crushed"
            of = (m.group("of") or "").rstrip()
            said = f"{m.group('n')} {m.group('c')}{(m.group('x') or '').rstrip()}{of}"
        out.append(said)
        last = m.end()
        notes.append(f"Read '{m.group(0).strip()}' as '{said.strip()}'")
    if not notes:
        return Rewritten(text)
    out.append(text[last:])
    return Rewritten("".join(out), tuple(notes))


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
