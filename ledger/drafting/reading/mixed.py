"""One amount over a mix of reasons: "part theft part freezer failure", "some stolen some
damaged", "half expired half broken", "a mix of theft and spoilage", "between theft and
damage", "either stolen or melted". Each reason books to its own account (or may), and the
message does not say how much went which way: the draft is doubtful (below 0.5) with the
doubt named, whichever of the words the reason table knows. Parts stated with their own
numbers ("4 stolen, 6 damaged") are other requests, read elsewhere: a number inside a part
stops these patterns."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

from ledger.drafting.reading.fast import lead, twin_patterns

_I = re.IGNORECASE
# a part: one to three words, no numbers ("freezer failure", "the cooler dying")
_WORD = r"[a-z][a-z'-]*"


def _part(name: str, lazy: str = "") -> str:
    return rf"(?P<{name}>{_WORD}(?:\s+{_WORD}){{0,2}}{lazy})"


# "of it was", "of them got", "were": filler between a share word and its reason
_FILL = (
    r"(?:of\s+(?:it|them|those|these|the\s+(?:lot|stock|goods|batch))\s+)?"
    r"(?:(?:was|were|is|are|got|been|went)\s+)?"
    # "some in the flood and some expired", "part to theft": where or how that part went
    r"(?:(?:in|to|from|by|during|through|with)\s+(?:the\s+|a\s+|an\s+)?)?"
)
_JOIN = r"\s*(?:[,;/&+]\s*)?(?:(?:and|but|plus|while|with)\s+)?"
_FIRST_SHARE = (
    r"(?:part(?:ly|ially)?|some|half|most(?:ly)?|many|lots|a\s+lot|a\s+few|a\s+couple|a\s+bit)"
)
_SECOND_SHARE = (
    r"(?:part(?:ly|ially)?|some|half|the\s+other\s+half|other\s+half|(?:the\s+)?rest"
    r"|(?:the\s+)?remainder|(?:the\s+)?others?|a\s+few|a\s+bit|most(?:ly)?|many|lots|a\s+lot)"
)
# "50/50", "60-40 split", "half and half", "fifty-fifty": a split said before the two parts
_SPLIT = r"(?:\d{1,2}\s*[/-]\s*\d{1,2}(?:\s+split)?|half\s+and\s+half|fifty[-\s]fifty)"
# where a part said whole starts: after "to", "from", "by", "of" or a comma ("lost to theft
# and freezer failure combined", "gone, theft as well as freezer failure")
_LEFT = r"(?:(?<=\bto\s)|(?<=\bfrom\s)|(?<=\bby\s)|(?<=\bof\s)|(?<=[,:;-]\s)|(?<=^))"
_MIXED = lead(
    "psbhmaecfltr0-9",
    rf"""\b{_FIRST_SHARE}\s+{_FILL}{_part("a0", "?")}{_JOIN}{_SECOND_SHARE}\s+{_FILL}{_part("b0")}
       | \b(?:a\s+)?(?:mix(?:ture)?|combination|combo|blend)\s+of\s+{_part("a1", "?")}
         \s*(?:and|&|\+|/|plus|,)\s*{_part("b1")}
       | \bmixed\s+{_part("a2", "?")}\s*(?:and|&|\+|/|plus)\s*{_part("b2")}
       | \bbetween\s+{_part("a3", "?")}\s*(?:and|&)\s*{_part("b3")}
       | \beither\s+{_part("a4", "?")}\s*,?\s*or\s+{_part("b4")}
       | \b{_SPLIT}\s+(?:split\s+)?(?:between\s+)?{_part("a5", "?")}
         \s*(?:and|&|\+|/|plus|,)\s*{_part("b5")}
""",
    _I | re.VERBOSE,
    word=True,
)
# two parts said whole, then what joins them: "lost to theft and freezer failure combined",
# "theft as well as freezer failure" (any word may start these: only where the words are)
_JOINED = re.compile(
    rf"""{_LEFT}{_part("a6", "?")}\s*(?:and|&|\+|/|plus)\s*{_part("b6")}
         \s+(?:combined|together|between\s+them|mix(?:ed)?|both)\b
       | {_LEFT}{_part("a7", "?")}\s+(?:as\s+well\s+as|along\s+with|together\s+with)
         \s+{_part("b7")}
       # "flood damage and some were stolen": one part said whole, the other as a share
       | {_LEFT}{_part("a8", "?")}\s*(?:,|;|&|\band|\bbut|\bwhile|\bplus)\s*
         (?:some|part|a\s+few|a\s+couple|half|the\s+rest|others)\s+
         (?:of\s+(?:them|it|those|these)\s+)?(?:(?:were|was|got|are|is|been)\s+)?{_part("b8")}""",
    _I | re.VERBOSE,
)
_JOINED_WORDS = (
    "combined", "together", "between them", "mix", "both", "as well as", "along with", "some",
    "part", "a few", "a couple", "half", "the rest", "others",
)  # fmt: skip
_BRANCHES = 9
# a word every pattern above needs
_HINT = lead(
    "pshmlafcbetro0-9",
    r"part|some|half|most|many|lots|a lot|few|couple|bit|mix|combin|combo|blend|between|either"
    r"|fifty|\d\s*[/-]\s*\d|together|both|as well as|along with|rest|others",
    _I,
)
_SPLIT_FIGURES = re.compile(r"\d\s*[/-]\s*\d")  # "50/50", "60-40": the one hint with no word
_HINT_WORDS = (
    "part", "some", "half", "most", "many", "lots", "a lot", "few", "couple", "bit", "mix",
    "combin", "combo", "blend", "between", "either", "fifty", "together", "both", "as well as",
    "along with", "rest", "others",
)  # fmt: skip
# words that end a part: what follows is no longer the reason ("some damaged in the flood")
_STOP = frozenset(("in", "on", "at", "from", "by", "during", "after", "the", "of", "to", "so"))
# a part that says the goods are fine is no second reason ("half damaged, the rest fine")
_FINE = frozenset(
    [
        "fine",
        "ok",
        "okay",
        "good",
        "sellable",
        "saleable",
        "intact",
        "salvageable",
        "salvaged",
        "saved",
        "undamaged",
        "usable",
        "unharmed",
        "untouched",
        "alright",
        "not",
        "none",
        "nothing",
        "kept",
        "ok'd",
        "returned",
        "restocked",
    ]
)


def mixed_reasons(text: str, reason_starts: Callable[[str], Iterable[int]]) -> list[str]:
    """A doubt when two different reasons are joined over one amount; `reason_starts(text)`:
    where the reason table's words start in `text` (one of the parts must hold one), asked
    only when the words join two parts."""
    low = text.lower()
    hinted = any(map(low.__contains__, _HINT_WORDS)) or _SPLIT_FIGURES.search(text)
    if not hinted or not _HINT.search(text):
        return []  # most messages: plain tests for the words, then one quick look
    starts: tuple[int, ...] | None = None
    low = text.lower()
    joined = _JOINED.finditer(text) if any(w in low for w in _JOINED_WORDS) else ()
    for m in itertools.chain(_MIXED.finditer(text), joined):
        i = next(i for i in range(_BRANCHES) if m.groupdict().get(f"a{i}") is not None)
        a, b = _head(m.group(f"a{i}")), _head(m.group(f"b{i}"))
        if not a or not b or a == b or a.split()[0] in _FINE or b.split()[0] in _FINE:
            continue
        if starts is None:
            starts = tuple(reason_starts(text))
        if any(m.start(f"a{i}") <= s < m.end(f"b{i}") for s in starts):
            phrase = " ".join(m.group(0).split())
            return [
                f"'{phrase}': one amount over more than one reason; which is it? Send one "
                "line per reason with its own amount"
            ]
    return []


def _head(part: str) -> str:
    """The part's words up to the first that starts a place or a cause."""
    words: list[str] = []
    for word in part.lower().split():
        if word in ("the", "a", "an") and not words:
            continue
        if word in _STOP:
            break
        words.append(word)
    return " ".join(words)


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
