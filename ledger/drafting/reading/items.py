"""SKUs the item list knows, however they are typed: "chr009", "wid-200", "Tv55x", "CHR-009s".

The item list is the best evidence of what a code is: a code it knows is the SKU, written
as the list writes it, and a code it does not know beside one it knows ("BAY-12", "DOCK-4") is
a place or a label, not a second SKU.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

_CODE = re.compile(r"(?<![\w-])[a-z0-9]+(?:[-_][a-z0-9]+)*(?![\w-])", re.IGNORECASE)
_KEY = re.compile(r"[^a-z0-9]")
_CACHE: dict[frozenset[str], dict[str, str]] = {}


def _keys(items: Collection[str]) -> dict[str, str]:
    known = frozenset(items)
    found = _CACHE.get(known)
    if found is None:
        if len(_CACHE) > 16:
            _CACHE.clear()
        found = {_KEY.sub("", code.lower()): code for code in known}
        found.pop("", None)
        _CACHE[known] = found
    return found


def canonical(text: str, items: Collection[str]) -> str:
    """`text` with every code the item list knows written as the list writes it."""
    if not items:
        return text
    keys = _keys(items)

    def fix(m: re.Match[str]) -> str:
        token = m.group(0)
        if not any(ch.isdigit() for ch in token) and not _code_like(token):
            # "Box" is a word even if a code is called BOX; but "lmparc", "teeblkm" are a
            # code of several parts typed together, never a word (no "-": the key is the word)
            code = keys.get(token.lower())
            joined = code is not None and "-" in code and len(token) >= 5
            return code if joined and code is not None else token
        key = _KEY.sub("", token.lower())
        code = keys.get(key) or (keys.get(key[:-1]) if key.endswith("s") else None)
        return code if code is not None else token

    text = _CODE.sub(fix, text)
    if " " in text:
        text = _SPACED.sub(lambda m: _spaced(m, keys), text)
    return text


# "amx 500", "TV 55X": a code typed with a space for its hyphen
# ("sku 12", "item 5" are left to the reader's keywords)
_SPACED = re.compile(
    r"(?<![\w-])(?!(?:skus?|item|part|no|num|qty|x)\b)([a-z]{2,6})[ ](\d[a-z0-9]*)(?![\w-])",
    re.IGNORECASE,
)


def _spaced(m: re.Match[str], keys: dict[str, str]) -> str:
    code = keys.get((m.group(1) + m.group(2)).lower())
    return code if code is not None and ("-" in code or "_" in code) else m.group(0)


def _code_like(token: str) -> bool:
    """A token without digits that is still written as a code: hyphenated ("lmp-arc",
    "TEE-BLK-M") or in capitals ("BRKT", "TEEBLKM"). A plain word ("box", "Lamp") is a word."""
    return ("-" in token or "_" in token or (token.isupper() and len(token) >= 3)) and any(
        ch.isalpha() for ch in token
    )


_LETTER_CODE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*(?![\w-])")


def letter_codes(text: str, items: Collection[str]) -> list[tuple[str, int, int]]:
    """Codes the item list knows that have no digit ("LMP-ARC", "STOUT-CS", "BRKT"), as
    (code, start, end) in `text` (already canonical): the reader's own code patterns want a
    digit, so that "N-A" or "OK" are never SKUs, but a code the list knows is its SKU."""
    if not items:
        return []
    known = frozenset(items)
    return [
        (m.group(0), m.start(), m.end())
        for m in _LETTER_CODE.finditer(text)
        if m.group(0) in known and not any(ch.isdigit() for ch in m.group(0))
    ]


_ANY_CODE = re.compile(r"(?<![\w-])[A-Z0-9]+(?:[-_][A-Z0-9]+)*(?![\w-])")
_HIDDEN = "\ue002"  # stands in for a code while masks run (private use: never in a message)


def masked_around_codes(text: str, items: Collection[str], mask: Callable[[str], str]) -> str:
    """`mask(text)` with every code the item list knows left as it is: "SOFA-GRN-3S" is a SKU
    even though "GRN-3S" reads like a goods-received note, and "2 HR-AA" is no two hours."""
    known = frozenset(items)
    spans = [m.span() for m in _ANY_CODE.finditer(text) if m.group(0) in known] if known else []
    if not spans:
        return mask(text)
    hidden = text
    for a, b in spans:
        hidden = hidden[:a] + _HIDDEN * (b - a) + hidden[b:]
    masked = mask(hidden)
    for a, b in spans:
        masked = masked[:a] + text[a:b] + masked[b:]
    return masked
