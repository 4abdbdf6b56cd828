"""A count the message corrects itself: "6 U008LFA damaged -- sorry, make that 8", "5 ST-5 tanks
dented. correction: 4 not 5", "5 pans bent, sorry 4, miscounted", "3 RX-9 expired.. actually 4,
found another one in exam 3".

Read as typed, the corrected count was taken as a price or a second count (6 at $8 each).
The count the writer meant is put in place of the one they took back, the correction and
what it says after (its reasons, "found two more") are no part of the request, and the card
says so; never sure: the writer changed their mind once already.

Only a whole count after a correction word ("sorry", "wait", "correction", "actually",
"make that", "oops"), within its sentence, is read this way; the count it replaces is the one
it names ("4 not 5") or the first whole number of the message before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.drafting.reading.fast import lead

P_SELF_FIX = 0.1  # the count the writer corrected to: shown, likely, never sure

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_N = r"(?:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = (
    r"(?:units?|pcs?|pieces?|cs|cases?|boxes|box|bx|bags?|sacks?|ea|each|cartons?|ctns?"
    r"|rolls?|packs?|bottles?|tubes?|kegs?|tanks?|of\s+them)\b"
)
_FIX = lead(
    "-.,;:(scawomin*_\n",  # (a correction may start its own line)
    r"(?:(?:--|[-.,;:(])\s*|\s)[*_]*(?:(?:(?:oh\s+)?sorry|(?:no\s+)?wait|oops|correction|actually|i\s+mean"
    r"|scratch\s+that)[*_]*\s*[,:;.!-]*\s*"
    # ("12 SPF-248 warped, make that 14"): "make that" alone after a break corrects too
    r"|(?<=[-.,;:(]\s)(?=make\s+(?:that|it)\s))"
    # ("wait no 10, recounted", "wait no, 6": the "no" alone takes the count back too)
    r"(?:no\b\s*,?\s*)?"
    r"(?:(?:make\s+(?:that|it)|it\s*(?:'s|\s+is|\s+was|\s+should\s+be)|should\s+be"
    r"|there\s+(?:are|were))\s+)?"
    rf"[*_]*(?P<m>{_N})[*_]*(?![\w/$%]|[.,]\d|\s*(?:%|\$|dollars?|bucks))"
    rf"(?:\s*(?P<u>{_UNIT}))?(?:\s*,?\s*not\s+[*_]*(?P<n>{_N})[*_]*(?![\w/$%]|[.,]\d))?"
    # (the count ends its clause: "sorry, 3 more SKU-40 broken" is another request)
    r"(?=\s*(?:[,.;:!)]|--|-\s|$))",
    re.IGNORECASE,
)
# a count before the correction: a whole number on its own (not a code's, a price's or a date's)
_COUNT = re.compile(r"(?<![\w$.,/#-])\d{1,5}(?![\w$%/-]|[.,]\d)")
_PRICE = re.compile(r"\$|\d\s*(?:dollars?|bucks|ea\b|each\b)|\b(?:at|@)\s*\d", re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"\b(?:aisle|bay|bin|row|rack|shelf|dock|door|zone|store|van|truck|room|rm|level|section"
    r"|po|order|invoice|ticket|line|case|lot|batch|unit|route|stop)\s*(?:#|no\.?)?\s*$|#\s*$",
    re.IGNORECASE,
)
_BREAK = re.compile(r"[.!?]\s|\n")  # a sentence ended before the correction
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


@dataclass(frozen=True)
class Rewritten:
    text: str
    notes: tuple[str, ...] = ()


def _value(word: str) -> int:
    low = word.lower()
    return _WORDS[low] if low in _WORDS else int(low)


_GATE_WORDS = ("sorry", "wait", "oops", "correction", "actually", "mean", "scratch", "make ")


def may_correct(text: str) -> bool:
    """Whether `text` has a correction word at all (most messages: one cheap look)."""
    low = text.lower()
    return any(w in low for w in _GATE_WORDS)


def rewrite(text: str) -> Rewritten:
    """`text` with a count it corrects put right and the correction cut out."""
    m = _FIX.search(text)
    if m is None:
        return Rewritten(text)
    meant = _value(m.group("m"))
    before = text[: m.start()]
    # the count corrected is in the correction's own sentence ("3 X broken. 5 Y dented, sorry
    # 6" corrects the 5), and is no place's or reference's number ("aisle 3: 6 X ...")
    breaks = [b.end() for b in _BREAK.finditer(before)]
    begins = breaks[-1] if breaks else 0
    if len(breaks) > 1 and not before[begins:].strip():
        # the correction starts its own line: "20 bath mats stained\nwait no 16, recounted"
        # (round 352: five messages) corrects the line before
        begins = breaks[-2]
    elif breaks and not before[begins:].strip():
        begins = 0
    counts = [
        c
        for c in _COUNT.finditer(before, begins)
        if not _LABEL_BEFORE.search(before, max(0, c.start() - 12), c.start())
    ]
    if not m.group("n") and not m.group("u") and _PRICE.search(before):
        return Rewritten(text)  # "40 units at $15 (actually make it 45)": the count or the price?
    if m.group("n"):
        taken = _value(m.group("n"))
        counts = [c for c in counts if int(c.group(0)) == taken]
        old = counts[-1] if counts else None
    else:
        old = counts[0] if counts else None
    if old is None or int(old.group(0)) == meant:
        return Rewritten(text)
    end = _SENTENCE_END.search(text, m.end())
    rest = text[end.start() :] if end else ""
    fixed = before[: old.start()] + str(meant) + before[old.end() :] + rest
    said = " ".join(text[m.start() : m.end()].strip(" -.,;:(").split())
    note = f"Read the correction '{said}': {meant}, not {old.group(0)}"
    return Rewritten(fixed, (note,))
