"""Amounts said together after the parts they belong to: "12 SKU-40 cracked and 8 SKU-77
dented, $642 and $670 respectively", "10 damaged, 4 missing, totals $150 / $180", "12 SKU-12
and 8 SKU-77 at $15 and $45 respectively".

Each part takes its own amount, in order. Left as typed, the reader gives the first amount to
every part and cannot place the others. The parts and the amounts are put back together in
place of the sentence ("12 SKU-40 cracked, total $642; 8 SKU-77 dented, total $670") before
the message is read, and the card says so. The word before the amounts says what they are:
"at" / "@" or "each" after them makes each a price per unit; "totals", "worth", "costing" or
nothing makes each a part's total.

When the count of amounts does not match the count of parts ("$150 respectively" after two
parts, three amounts after two), no amount can be placed: the message is read as typed and
every draft is doubtful, the words quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ledger.drafting.reading.fast import twin_patterns

_MONEY = (
    r"(?:(?:us\s?)?\$\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:k\b)?"
    r"|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?(?:dollars|usd|bucks)\b)"
)
_AND = r"\s*(?:,\s*(?:and\s+|&\s*)?|\band\b|&|/|\bthen\b)\s*"
_RESP = r"(?:respectively|resp\b\.?|in\s+that\s+order)"
_EACH = (
    r"(?:each|ea\b\.?|apiece|a\s+piece|per\s+(?:unit|piece|pc|ea|item)|a\s+unit"
    r"|/\s?(?:ea|unit|pc)\b)"
)
# the word before the amounts: what they are
_CONN = (
    r"(?P<conn>at|@|unit\s+(?:costs?|prices?)|costing|cost(?:s|ing)?|worth|valued\s+at|values?"
    r"|totals?|totalling|totaling|amounts?|prices?|priced\s+at|for|of)"
)
_LIST = re.compile(
    rf"(?:,?\s*(?:(?P<resp1>{_RESP})\s*,?\s*)?{_CONN}\s*(?:of\s+)?[:=]?\s*)?"
    rf"(?:(?P<resp0>{_RESP})\s*[:,]?\s*)?"
    rf"(?P<list>{_MONEY}(?:\s*{_EACH})?(?:{_AND}{_MONEY}(?:\s*{_EACH})?)+)"
    rf"(?:\s*,?\s*(?P<each>{_EACH}))?(?:\s*,?\s*(?P<resp>{_RESP}))?",
    re.IGNORECASE,
)
_ONE_MONEY = re.compile(_MONEY, re.IGNORECASE)
_EACH_IN = re.compile(_EACH, re.IGNORECASE)
_SENTENCE = re.compile(r"[^\n.]+(?:\.(?![\s]|$)[^\n.]*)*")
_PART_SEP = re.compile(r"\s*(?:[,;]\s*(?:and\s+|&\s*)?|\band\b|&|\bplus\b|\+)\s*", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_PLURAL_CONN = frozenset({"totals", "amounts", "values", "prices", "costs"})
_UNIT_CONN = frozenset({"at", "@", "priced at", "prices", "price"})
_GATE = re.compile(rf"{_RESP}|\b(?:totals|amounts|values|prices|costs)\b", re.IGNORECASE)
# the last part ends on a word that wants its own amount: "... written down to", "NRV now"
_AWAITS = re.compile(
    r"\b(?:to|from|by|down|now|nrv|is|was|were|are|=|reduced|marked|valued?|value\s+of)"
    r"[\s,:]*$",
    re.IGNORECASE,
)
# one amount "respectively": nothing to pair
_ONE_RESP = re.compile(
    rf"(?<![\d,.]){_MONEY}\s*,?\s*(?:{_EACH}\s*,?\s*)?{_RESP}"
    rf"|\b(?:totals|amounts|values|prices|costs)\s*(?:of\s+)?[:=]?\s*{_MONEY}",
    re.IGNORECASE,
)
_COMMA_END = re.compile(r",\s*[^,\d]+$")  # the last words stand apart: ", about"
_WS = re.compile(r"\s+")
_GATE_WORDS = ("resp", "order", "totals", "amounts", "values", "prices", "costs")
_RESP_ALONE = re.compile(rf"[,\s]*{_RESP}[,\s]*", re.IGNORECASE)


@dataclass(frozen=True)
class Rewritten:
    text: str
    notes: tuple[str, ...] = ()
    doubts: tuple[str, ...] = ()


def rewrite(text: str, other_values: Callable[[str], bool] = lambda _: False) -> Rewritten:
    """`text` with each "A and B, $x and $y respectively" put back as "A, total $x; B, total
    $y", the notes saying so, and a doubt for each list whose count does not match or whose
    sentence says the amounts are something else (`other_values`: new values of a
    write-down, "written down to $9 and $30 respectively")."""
    low = text.lower()
    if not any(w in low for w in _GATE_WORDS) or not _GATE.search(text):
        return Rewritten(text)  # (a plain test for what the pattern needs turns most away)
    out: list[str] = []
    notes: list[str] = []
    doubts: list[str] = []
    last = 0
    for sentence in _SENTENCE.finditer(text):
        said = sentence.group(0)
        m = _said_respectively(said)
        if m is None:
            one = _ONE_RESP.search(said)
            if one and (
                len(_parts(said[: one.start()])[0]) > 1
                or _lines_before(text, last, sentence.start(), 1) is not None
            ):
                doubts.append(f"'{one.group(0)}': one amount for several parts? Which part is it?")
            continue
        amounts = _ONE_MONEY.findall(m.group("list"))
        start = sentence.start()
        parts, lead = _parts(said[: m.start()])
        if len(parts) < len(amounts):  # "12 SKU-40 cracked\n8 SKU-77 dented, $642 and $670 resp."
            lines = _lines_before(text, last, start, len(amounts) - len(parts))
            if lines is not None:
                start, parts = lines[0], [*lines[1], *parts]
        quoted = said[m.start() : m.end()].strip(" ,")
        if other_values(said) or _AWAITS.search(said, 0, m.start()):
            doubts.append(f"'{quoted}': which amount goes with which part, and what is each?")
            continue
        if len(parts) != len(amounts):
            doubts.append(
                f"'{quoted}': {len(amounts)} amounts, {len(parts) or 'no'} part"
                f"{'' if len(parts) == 1 else 's'} before them; which goes with which?"
            )
            continue
        conn = _WS.sub(" ", (m.group("conn") or "").lower())
        per_unit = (
            bool(m.group("each") or _EACH_IN.search(m.group("list")))
            or conn in _UNIT_CONN
            or conn.startswith("unit ")
        )
        word = ("at" if per_unit else "total") + (f" {lead}" if lead else "")
        joined = "; ".join(
            f"{part.rstrip(' ,')}, {word} {amount}{' each' if per_unit else ''}"
            for part, amount in zip(parts, amounts, strict=True)
        )
        rest = said[m.end() :]
        out.append(text[last:start])
        out.append(joined + rest)
        last = sentence.end()
        kind = "price per unit" if per_unit else "total"
        notes.append(f"Read '{quoted}' as one {kind} per part, in order")
    if not notes:
        return Rewritten(text, (), tuple(doubts))
    out.append(text[last:])
    return Rewritten("".join(out), tuple(notes), tuple(doubts))


def _lines_before(text: str, floor: int, start: int, n: int) -> tuple[int, list[str]] | None:
    """The `n` lines right before `start` (not before `floor`), each one part with a number,
    and where the first begins; None when there are not that many, or when the line above
    them is a part too."""
    if start == 0 or text[start - 1] != "\n":
        return None
    lines = text[floor : start - 1].split("\n")
    if len(lines) < n:
        return None
    taken = [ln.strip() for ln in lines[-n:]]
    if not all(_DIGIT.search(ln) for ln in taken):
        return None
    if len(lines) > n and _DIGIT.search(lines[-n - 1]):
        return None  # one more part above: the amounts do not match the parts
    begin = start - 1 - sum(len(ln) + 1 for ln in lines[-n:]) + 1
    return begin, taken


def _said_respectively(sentence: str) -> re.Match[str] | None:
    """The list of amounts that belongs to the parts before it: followed or preceded by
    "respectively", or after a plural "totals" / "prices"."""
    for m in _LIST.finditer(sentence):
        conn = (m.group("conn") or "").lower().split()
        said = m.group("resp") or m.group("resp0") or m.group("resp1")
        if said or (conn and conn[-1] in _PLURAL_CONN):
            return m
        if _RESP_ALONE.fullmatch(sentence[m.end() :]):  # "..., $642 and $670. respectively"
            return m
    return None


def _parts(before: str) -> tuple[list[str], str]:
    """The parts of `before`, each with a number or a code (words without one join the part
    before them: "12 SKU-40 and 8 SKU-77 dented"), and the words after the last part that say
    something of every amount ("..., about $150 and $180 respectively": "about")."""
    parts: list[str] = []
    pieces = [p.strip() for p in _PART_SEP.split(before) if p.strip()]
    lead = ""
    if len(pieces) > 1 and not _DIGIT.search(pieces[-1]) and _COMMA_END.search(before):
        lead = pieces.pop()
    for piece in pieces:
        if _DIGIT.search(piece) or not parts:
            parts.append(piece)
        else:
            parts[-1] = f"{parts[-1]} {piece}"
    if parts and not _DIGIT.search(parts[0]) and len(parts) > 1:  # "damaged: 12 A and 8 B"
        parts[1] = f"{parts[0]} {parts[1]}"
        del parts[0]
    return parts, lead


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
