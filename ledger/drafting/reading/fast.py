"""Compiling the reader's long patterns so that most positions are turned away at once.

Python's regex engine tries every branch of an alternation at every position of the text;
the reader's patterns have dozens of branches and run on every message, so that is most of
the time a draft takes. A one-character lookahead holding every character a match can start
with rejects most positions with a single test (2-3x faster on those patterns, same matches).
"""

from __future__ import annotations

import re

# the regex parser of the standard library (3.11+), private but stable; no type stubs
import re._compiler as _compiler  # type: ignore[import-not-found]
import re._constants as _c  # type: ignore[import-not-found]
import re._parser as _sre  # type: ignore[import-not-found]
from collections.abc import Iterable, Iterator
from typing import Any, cast

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


def _firsts(
    seq: Iterable[tuple[Any, Any]], ascii_mode: bool = False
) -> tuple[set[str], bool] | None:
    """(characters a match can start with, whether it can be empty), or None: unknown.
    `ascii_mode`: the pattern runs in ASCII mode, where \\s and \\w are short lists."""
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
                elif ascii_mode and kind is _c.CATEGORY and value is _c.CATEGORY_SPACE:
                    out.update(_ASCII_SPACE)
                elif ascii_mode and kind is _c.CATEGORY and value is _c.CATEGORY_WORD:
                    out.update(_ASCII_WORD)
                else:  # a category, a negation: anything
                    return None
            return out, False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width
        if op is _c.SUBPATTERN:
            inner = _firsts(av[-1], ascii_mode)
            if inner is None:
                return None
            out |= inner[0]
            if not inner[1]:
                return out, False
            continue
        if op is _c.BRANCH:
            empty = False
            for branch in av[1]:
                inner = _firsts(branch, ascii_mode)
                if inner is None:
                    return None
                out |= inner[0]
                empty = empty or inner[1]
            if not empty:
                return out, False
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _, sub = av
            inner = _firsts(sub, ascii_mode)
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


# -- ASCII twins ---------------------------------------------------------------------------
# In Unicode mode the regex engine tests every \w, \b, \d and case-blind letter with a call
# into the Unicode tables; in ASCII mode each is a table look-up (about a fifth of a draft's
# instructions). On a text of ASCII characters and the reader's marks (\ue000, \ue001: no
# letter, digit or space in either mode) the two modes match alike, but for \s, which in
# Unicode mode also takes \x1c-\x1f: the twin's \s is widened to them. Letters outside ASCII
# that fold to ASCII ones (dotted and dotless i, the long s, the Kelvin sign) would match
# differently: a pattern holding one keeps Unicode mode only.
_FOLDS_TO_ASCII = (0x130, 0x131, 0x17F, 0x212A)
_SEPARATORS = (_c.RANGE, (0x1C, 0x1F))  # what Unicode \s takes beyond ASCII \s
_NOT_PLAIN = re.compile(r"[^\x00-\x7f\ue000-\ue002]")


# The last marked text asked about and whether it is plain: the reader runs dozens of
# patterns over one marked text in a row, and a scan per pattern was 4% of a draft. (One
# tuple, replaced whole, so threads never see a text with another's answer.)
_LAST_ASKED: tuple[str, bool] = ("", True)


def _is_plain(string: str) -> bool:
    """Whether a text holds only ASCII characters and the reader's marks."""
    global _LAST_ASKED
    last = _LAST_ASKED
    if last[0] is string:
        return last[1]
    plain = _NOT_PLAIN.search(string) is None
    _LAST_ASKED = (string, plain)
    return plain


class Twin:
    """A pattern and its ASCII twin: each call runs the twin when the text is plain (ASCII
    and marks), where both find the same matches. The methods the reader calls, same
    arguments."""

    __slots__ = ("_ascii", "_uni", "flags", "groupindex", "groups", "pattern")

    def __init__(self, uni: re.Pattern[str]) -> None:
        # the twin is built on its first plain text, not at import: compiling every pattern
        # twice cost each process that imports the reader about a second at start-up,
        # drafting or not
        self._uni: re.Pattern[str] = uni
        self._ascii: re.Pattern[str] | None = None
        self.pattern, self.flags = uni.pattern, uni.flags
        self.groups, self.groupindex = uni.groups, uni.groupindex

    def _for(self, string: str) -> re.Pattern[str]:
        if not (string.isascii() or _is_plain(string)):
            return self._uni
        if self._ascii is None:  # (two threads may both build it: the same pattern)
            self._ascii = ascii_twin(self._uni) or self._uni
        return self._ascii

    # Each call picks its pattern inline: a call to _for on every regex call was 3% of a draft.
    # (The twin is used when built and the text is ASCII; anything else asks _for.)
    def search(self, string: str, *args: int) -> re.Match[str] | None:
        p = self._ascii
        if p is None or not string.isascii():
            p = self._for(string)
        return p.search(string, *args)

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        p = self._ascii
        if p is None or not string.isascii():
            p = self._for(string)
        return p.match(string, *args)

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        p = self._ascii
        if p is None or not string.isascii():
            p = self._for(string)
        return p.fullmatch(string, *args)

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        p = self._ascii
        if p is None or not string.isascii():
            p = self._for(string)
        return p.finditer(string, *args)

    def findall(self, string: str, *args: int) -> list[Any]:
        p = self._ascii
        if p is None or not string.isascii():
            p = self._for(string)
        return p.findall(string, *args)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self._for(string).split(string, maxsplit)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        p = self._ascii
        if p is None or not string.isascii():
            p = self._for(string)
        return p.sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return self._for(string).subn(repl, string, count)


def twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` as a Twin (typed as the pattern it stands for: it answers the same calls
    with the same matches; a pattern whose ASCII twin cannot be built runs as it is)."""
    return cast("re.Pattern[str]", Twin(pattern))


def twin_patterns(namespace: dict[str, Any]) -> None:
    """Every compiled pattern of a module's `namespace` replaced by a Twin (the same calls,
    the same matches; see above)."""
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            namespace[name] = twin(value)


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` in ASCII mode with \\s widened to \\x1c-\\x1f, behind a lookahead of the
    characters a match can start with, or None when that cannot be told to match alike on
    plain text."""
    return _ascii_compiled(_gated_source(pattern), pattern.flags) or _ascii_compiled(
        pattern.pattern, pattern.flags
    )


def _ascii_compiled(source: str | None, flags: int) -> re.Pattern[str] | None:
    if source is None:
        return None
    flags = (flags & ~re.UNICODE) | re.ASCII
    try:
        tree = _sre.parse(source, flags)
    except (ValueError, re.error):  # an inline (?u), global flags not at the start
        return None
    if not _widen(tree.data):
        return None
    return _compiler.compile(tree, tree.state.flags)


# In ASCII mode (with \s widened as above)
_ASCII_SPACE = " \t\n\r\f\v\x1c\x1d\x1e\x1f"
_ASCII_WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"


def _gated_source(pattern: re.Pattern[str]) -> str | None:
    """The pattern's source behind a lookahead of its first characters in ASCII mode, or
    None: unknown, or gated already. The engine has no such test of its own for a pattern
    that starts with a lookbehind, a case-blind letter or a word boundary: without it, every
    position of the text runs the pattern's first steps (3% of a draft, over all patterns)."""
    source = pattern.pattern
    if source.startswith(("(?=[", r"\b(?=[", "(?:(?=[")):
        return None
    try:
        found = _firsts(_sre.parse(source, (pattern.flags & ~re.UNICODE) | re.ASCII).data, True)
    except (ValueError, re.error):
        return None
    if found is None or found[1] or not found[0]:
        return None
    chars = found[0] | {c.upper() for c in found[0]} | {c.lower() for c in found[0]}
    members = "".join(
        f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in sorted(chars)
    )
    # (a verbose pattern may end in a comment: the group closes on the next line)
    end = "\n" if pattern.flags & re.VERBOSE else ""
    return f"(?=[{members}])(?:{source}{end})"


def _widen(items: list[tuple[Any, Any]]) -> bool:
    """Widen each \\s of a parsed pattern (in place); False: something unsure."""
    for i, (op, av) in enumerate(items):
        if op is _c.IN:
            wide = _widen_set(av)
            if wide is None:
                return False
            items[i] = (op, wide)
        elif op in (_c.LITERAL, _c.NOT_LITERAL):
            if av in _FOLDS_TO_ASCII:
                return False
        elif op is _c.SUBPATTERN:
            if not _widen(av[3].data):
                return False
        elif op is _c.BRANCH:
            if not all(_widen(b.data) for b in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if not _widen(av[2].data):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if not _widen(av[1].data):
                return False
        elif op is _c.ATOMIC_GROUP:
            if not _widen(av.data):
                return False
        elif op in (_c.AT, _c.ANY, _c.GROUPREF):
            continue
        else:  # a conditional group...: not looked into
            return False
    return True


def _widen_set(av: list[tuple[Any, Any]]) -> list[tuple[Any, Any]] | None:
    """A character set's items with \\s widened ([^\\s] too); None: unsure (\\S in a set)."""
    out = list(av)
    for kind, value in av:
        if kind is _c.LITERAL and value in _FOLDS_TO_ASCII:
            return None
        if kind is _c.RANGE and any(value[0] <= c <= value[1] for c in _FOLDS_TO_ASCII):
            return None
        if kind is _c.CATEGORY and value is _c.CATEGORY_SPACE:
            out.append(_SEPARATORS)
        elif kind is _c.CATEGORY and value is _c.CATEGORY_NOT_SPACE:
            if len(av) != 1:
                return None
            # \S alone: not a space, nor one of what \s was widened to
            out = [(_c.NEGATE, None), (_c.CATEGORY, _c.CATEGORY_SPACE), _SEPARATORS]
        elif kind not in (_c.LITERAL, _c.RANGE, _c.CATEGORY, _c.NEGATE):
            return None
    return out
