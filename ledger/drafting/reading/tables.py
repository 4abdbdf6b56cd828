"""Count tables pasted into Slack: a header row naming the columns, then one row per item.

    ```
    SKU          sys  ct
    HMN-M21-S     22  19
    HMN-6G-KB     10  11
    ```

Every held-out round writes one (round 325-333: 68 of 73 read as one draft of the first
row's count). Each row is rewritten as the line the count reader already reads ("HMN-M21-S
sys 22 counted 19"), in the order the header gives the books and the count; the rows then
read as any count sheet does (a row that agrees writes nothing off). A table whose header
does not name both a books and a count column is left as it is.
"""

from __future__ import annotations

import re

# the first column: what the rows are
_ITEM_COLUMN = frozenset(("sku", "skus", "item", "items", "code", "isbn", "upc", "part", "product",
                          "sku#", "item#", "part#"))  # fmt: skip
# the books' column and the count's ("sys(cs)", "sys bx": a unit said with it)
_BOOK_COLUMN = frozenset(("sys", "system", "book", "books", "oh", "qoh", "soh", "expected",
                          "onhand", "pos"))  # fmt: skip
_COUNT_COLUMN = frozenset(("ct", "count", "counted", "cnt", "ct'd", "ctd", "cnt'd", "physical",
                           "phys", "actual", "act", "shelf", "floor"))  # fmt: skip
_COLUMN = re.compile(r"([a-z#']+)(?:\([a-z]{1,4}\))?")
_ROW = re.compile(
    r"(?P<name>\S.*?)\s+(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?P<ua>[a-z]{1,3})?"
    r"\s+(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?P<ub>[a-z]{1,3})?",
    re.IGNORECASE,
)
_FENCE = "```"


def _book_first(line: str) -> bool | None:
    """Whether a header row gives the books before the count (None: no such header)."""
    words = line.strip().strip("`").strip().lower().split()
    if len(words) < 3 or words[0] not in _ITEM_COLUMN:
        return None
    kinds: list[str] = []
    for word in words[1:]:
        m = _COLUMN.fullmatch(word)
        name = m.group(1) if m else ""
        if name in _BOOK_COLUMN:
            kinds.append("book")
        elif name in _COUNT_COLUMN:
            kinds.append("count")
    if sorted(kinds) != ["book", "count"]:
        return None
    return kinds[0] == "book"


def rewrite(text: str) -> str:
    """`text` with each count table's rows said as count lines; unchanged without one."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    found = False
    i = 0
    while i < len(lines):
        book_first = _book_first(lines[i])
        rows: list[re.Match[str]] = []
        j = i + 1
        while book_first is not None and j < len(lines):
            row = _ROW.fullmatch(lines[j].strip().strip("`").strip())
            if row is None:
                break
            rows.append(row)
            j += 1
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        for row in rows:
            first = f"{row.group('a')} {row.group('ua') or ''}".strip()
            second = f"{row.group('b')} {row.group('ub') or ''}".strip()
            book, counted = (first, second) if book_first else (second, first)
            out.append(f"{row.group('name').strip()} sys {book} counted {counted}")
        found = True
        i = j
    if not found:
        return text
    return "\n".join(out).replace(_FENCE, "\n")
