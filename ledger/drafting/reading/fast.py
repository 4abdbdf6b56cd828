"""Compiling the reader's long patterns so that most positions are turned away at once.

Python's regex engine tries every branch of an alternation at every position of the text;
the reader's patterns have dozens of branches and run on every message, so that is most of
the time a draft takes. A one-character lookahead holding every character a match can start
with rejects most positions with a single test (2-3x faster on those patterns, same matches).
"""

from __future__ import annotations

import re

# the regex parser of the standard library (3.11+), private but stable; no type stubs
import re._constants as _c  # type: ignore[import-not-found]
import re._parser as _sre  # type: ignore[import-not-found]
from collections.abc import Iterable
from typing import Any

# what a number can start with: a digit, ".5", or a number word (zero ... ninety, hundred,
# thousand, million, dozen, "a dozen", "an eighth")
NUM_FIRST = r"\d.zotfsenhmda"


def lead(
    first: str, pattern: str, flags: int = 0, word: bool = False, anywhere: str = ""
) -> re.Pattern[str]:
    """`pattern` compiled behind the lookahead `[first]`; `word`: every match also starts a
    word (the pattern's branches all begin with \\b or a letter after a non-letter), except
    those starting with a character of `anywhere` (digits, "~"), tried at any position."""
    gate = rf"\b(?=[{first}])" if word else f"(?=[{first}])"
    if anywhere:
        gate = f"(?:(?=[{anywhere}])|{gate})"
    return re.compile(f"{gate}(?:{pattern})", flags)


# The same gate for patterns that start with a number (digits, or a number word behind \b):
# a letter can only start a match at the start of a word.
NUM_WORD_FIRST = "zotfsenhmda"
NUM_ANYWHERE = r"\d."


def lead_num(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return lead(NUM_WORD_FIRST, pattern, flags, word=True, anywhere=NUM_ANYWHERE)


def words(pattern: str, flags: int = re.IGNORECASE | re.VERBOSE) -> re.Pattern[str]:
    """`pattern` (every branch starts a word) behind a gate of the letters it can start with,
    read from the pattern itself so the gate never drifts from the words."""
    letters = first_letters(pattern, flags)
    if not letters:
        return re.compile(pattern, flags)
    return lead("".join(sorted(letters)), pattern, flags, word=True)


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def first_letters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The lower-case letters a match of `pattern` can start with (read from the parsed
    pattern), or None when that cannot be told: a class such as \\w, a negated class, an
    empty match. Zero-width parts (\\b, lookarounds) are passed over, which can only widen
    the set, so a dispatch on it never loses a match."""
    found = _firsts(_sre.parse(pattern, flags))
    if found is None or found[1]:
        return None
    return frozenset(c.lower() for c in found[0] if c.lower() in _LETTERS)


def _firsts(seq: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """(characters a match can start with, whether it can be empty), or None: unknown."""
    out: set[str] = set()
    for op, av in seq:
        if op is _c.LITERAL:
            out.add(chr(av))
            return out, False
        if op is _c.IN:
            for kind, value in av:
                if kind is _c.LITERAL:
                    out.add(chr(value))
                elif kind is _c.RANGE:
                    out.update(chr(x) for x in range(value[0], value[1] + 1))
                elif kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
                    out.update("0123456789")
                else:  # a category, a negation: anything
                    return None
            return out, False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width
        if op is _c.SUBPATTERN:
            inner = _firsts(av[-1])
            if inner is None:
                return None
            out |= inner[0]
            if not inner[1]:
                return out, False
            continue
        if op is _c.BRANCH:
            empty = False
            for branch in av[1]:
                inner = _firsts(branch)
                if inner is None:
                    return None
                out |= inner[0]
                empty = empty or inner[1]
            if not empty:
                return out, False
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _, sub = av
            inner = _firsts(sub)
            if inner is None:
                return None
            out |= inner[0]
            if low > 0 and not inner[1]:
                return out, False
            continue
        return None  # ANY, NOT_LITERAL, group references...: anything
    return out, True


def by_first_letter(alternation: str, flags: int = 0) -> str:
    """An alternation ("a|b|c", no comments) rewritten so that at a position only the
    alternatives that can start with its character are tried, in their order: the same
    matches, without trying dozens of words that cannot start there."""
    alternatives = _split_top(alternation)
    firsts = [_first_chars(a, flags) for a in alternatives]
    letters = sorted({c for f in firsts if f is not None for c in f if c in _LETTERS})
    buckets = []
    for c in letters:
        here = [a for a, f in zip(alternatives, firsts, strict=True) if f is None or c in f]
        buckets.append(f"(?=[{c}])(?:" + "|".join(here) + ")")
    other = [a for a, f in zip(alternatives, firsts, strict=True) if f is None or f - _LETTERS]
    if other:
        buckets.append("(?![a-z])(?:" + "|".join(other) + ")")
    return "(?:" + "|".join(buckets) + ")"


def gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` behind a lookahead of the characters its matches can start with, read from
    the pattern itself (the same matches; most positions turned away by one test)."""
    found = first_chars(pattern, flags)
    if not found:
        return re.compile(pattern, flags)
    # (first_chars reads in lower case: both cases, a superset, loses no match)
    chars = "".join(sorted(found | {c.upper() for c in found}))
    return re.compile(f"(?=[{re.escape(chars)}])(?:{pattern})", flags)


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters (lower case) a match of `pattern` can start with, or None: unknown."""
    return _first_chars(pattern, flags)


def _first_chars(pattern: str, flags: int) -> frozenset[str] | None:
    found = _firsts(_sre.parse(pattern, flags))
    if found is None or found[1]:
        return None
    return frozenset(c.lower() for c in found[0])


def _split_top(alternation: str) -> list[str]:
    """The top-level alternatives of a pattern's source."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(alternation):
        ch = alternation[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if alternation[i + 1 : i + 2] == "]":
                i += 1  # "[]...]": the first ] is a member
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(alternation[start:i])
            start = i + 1
        i += 1
    parts.append(alternation[start:])
    return parts
