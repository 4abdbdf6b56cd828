"""Counts that may book goods an unknown number of times. (Goods said to be booked already,
or a request repeated, are read with the other losses taken back, in reading.settled.)

- A rate: the count is per period ("12 damaged per week", "a day", "every month", "breaks
  weekly"), so the loss to book depends on how many periods, which the reading cannot know.
  A count or stocktake held at a period ("monthly count", "weekly delivery") is no rate.

It is asked about: the card says which words, and the draft is never sure.
"""

from __future__ import annotations

import re

from ledger.drafting.reading.fast import lead, twin_patterns

_PERIODS = r"(?:day|week|month|shift|night|year|quarter|fortnight|wk|mo|yr)"
# "a quarter" is as often a share ("a quarter of the mugs"): only "per/each/every quarter"
_A_PERIODS = r"(?:day|week|month|shift|night|year|fortnight)"
_RATE = lead(
    "apedwmnyqf0-9",
    rf"""\b(?:(?:(?<!\bin\s)(?<!\bfor\s)(?<!\bwithin\s)(?:a|an)\s+{_A_PERIODS}|(?:per|each|every)\s+
        {_PERIODS})(?!s?\s+ago\b)(?!\s*(?:or\s+so|later|after|of\b))
      | (?:daily|weekly|monthly|nightly|yearly|annually|quarterly|fortnightly)
        (?!\s+(?:cycle\s+)?(?:counts?|stock\s*takes?|stocktakes?|audits?|inventory|reviews?
        |reports?|close|checks?|deliver(?:y|ies)|shipments?|truck|run|pick|walk))
      | \d+\s*(?:x|times)\s+(?:a|per|each)\s+{_PERIODS})\b""",
    re.IGNORECASE | re.VERBOSE,
)
# the cheap test before the rate pattern: every match holds one of these
_RATE_WORDS = ("day", "week", "month", "shift", "night", "year", "quarter", "fortnight", "wk",
               "mo", "yr", "annual")  # fmt: skip


def per_period(text: str) -> str | None:
    """The words making the count a rate ("per week", "a day", "weekly")."""
    low = text.lower()
    if not any(word in low for word in _RATE_WORDS):
        return None
    m = _RATE.search(text)
    return " ".join(m.group(0).split()) if m else None


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
