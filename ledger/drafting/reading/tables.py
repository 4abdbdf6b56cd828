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
from decimal import Decimal

# the first column: what the rows are
_ITEM_COLUMN = frozenset(("sku", "skus", "item", "items", "code", "isbn", "upc", "part", "product",
                          "sku#", "item#", "part#", "plu"))  # fmt: skip
# the books' column and the count's ("sys(cs)", "sys bx": a unit said with it)
_BOOK_COLUMN = frozenset(("sys", "system", "book", "books", "oh", "qoh", "soh", "expected",
                          "onhand", "pos"))  # fmt: skip
_COUNT_COLUMN = frozenset(("ct", "count", "counted", "cnt", "ct'd", "ctd", "cnt'd", "physical",
                           "phys", "actual", "act", "shelf", "floor"))  # fmt: skip
# columns said with the figures: the unit both figures are in ("SKU UOM SYS CNT": round 334),
# and the goods' name
_UNIT_COLUMN = frozenset(("uom", "um", "u/m", "unit", "units"))
_NAME_COLUMN = frozenset(("desc", "description", "name"))
# the difference, said beside the two figures ("SKU SYS CNT VAR": round 351, twice a set)
_DIFF_COLUMN = frozenset(("var", "variance", "diff", "difference", "delta", "+/-", "over/short"))
_COLUMN = re.compile(r"([a-z#'/+-]+)(?:\([a-z]{1,4}\))?")
# a figure, its unit, and loose pieces beside whole containers ("7 cs + 5", "5 trays + 4",
# "3cs+8": round 351 wrote them in every set's count table)
_FIGURE = re.compile(
    r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<u>[a-z]{1,10})?"
    r"(?:\s*\+\s*(?P<loose>\d+)(?:\s*loose)?)?",
    re.IGNORECASE,
)
_COMMAS = re.compile(r"[^,]+(?:,(?!\d{3}(?:\D|$))[^,]+)+")
_WIDE_GAP = re.compile(r"\s{2,}")
_SIGNED = re.compile(r"(?P<sign>[+-]?)\s*(?P<n>\d[\d,]*)")
_RULE = re.compile(r"[\s|:+-]*-{3,}[\s|:+-]*")  # "---|---|---": a markdown table's rule
_FENCE = "```"


def _cells(line: str) -> list[str]:
    """A row's cells: split at pipes when it has them ("SKU | sys | cnt"), else at spaces."""
    line = line.strip().strip("`").strip()
    if "|" in line:
        return [c.strip() for c in line.strip("|").split("|")]
    if "," in line and _COMMAS.fullmatch(line):
        # a CSV pasted as it came out of the spreadsheet ("item,sys,counted"): no comma
        # inside a figure ("1,200") can be told from one between cells, so only cells
        # that hold no figure of three digits after a comma are split this way
        return [c.strip() for c in line.split(",")]
    if "\t" in line:
        # a spreadsheet's row: tabs between cells, spaces inside them ("Rabies 1yr\t6 trays")
        return [c.strip() for c in line.split("\t") if c.strip()]
    if _WIDE_GAP.search(line):
        # columns lined up with runs of spaces: one space is inside a cell ("2 bx + 30")
        return _WIDE_GAP.split(line)
    return line.split()


def _columns(line: str) -> list[str] | None:
    """What each column of a header row holds ("item", "book", "count", "unit", "name"); None:
    no count table's header (the item first, one books and one count column, nothing else)."""
    words = [c.lower() for c in _cells(line)]
    if len(words) < 3 or words[0] not in _ITEM_COLUMN:
        return None
    kinds = ["item"]
    for word in words[1:]:
        said = word.split()
        if len(said) == 2 and said[1].isalpha() and len(said[1]) <= 4:
            word = said[0]  # ("PLU | sys lb | counted": the figures' unit said with the name)
        m = _COLUMN.fullmatch(word)
        name = m.group(1) if m else ""
        if name in _BOOK_COLUMN:
            kinds.append("book")
        elif name in _COUNT_COLUMN:
            kinds.append("count")
        elif name in _UNIT_COLUMN:
            kinds.append("unit")
        elif name in _NAME_COLUMN:
            kinds.append("name")
        elif name in _DIFF_COLUMN or word in _DIFF_COLUMN:
            kinds.append("diff")
        else:
            return None  # a column the rewrite would drop ("reason", "note"): left as typed
    if sorted(k for k in kinds if k in ("book", "count")) != ["book", "count"]:
        return None
    if kinds.count("unit") > 1 or kinds.count("name") > 1 or kinds.count("diff") > 1:
        return None
    return kinds


def _row(line: str, kinds: list[str]) -> str | None:
    """A data row as a count line ("HMN-M21-S sys 22 counted 19"); None: not a row."""
    cells = _cells(line)
    if "|" not in line and len(cells) > len(kinds):
        # spaces between cells: a name with spaces in it is the first cells' run
        extra = len(cells) - len(kinds) + 1
        at = kinds.index("name") if "name" in kinds else 0
        cells = [*cells[:at], " ".join(cells[at : at + extra]), *cells[at + extra :]]
    if len(cells) != len(kinds):
        return None
    said = dict(zip(kinds, cells, strict=True))
    book = _FIGURE.fullmatch(said["book"])
    count = _FIGURE.fullmatch(said["count"])
    unit = said.get("unit", "")
    if book is None or count is None or not said["item"] or (unit and not unit.isalpha()):
        return None
    if "diff" in said and not _difference_agrees(said["diff"], book, count):
        return None  # the row's difference is not its figures': left for the card to ask
    name = " ".join(p for p in (said["item"], said.get("name", "")) if p)

    def figure(m: re.Match[str]) -> str:
        loose = f"+ {m.group('loose')}" if m.group("loose") else ""
        return " ".join(p for p in (m.group("n"), m.group("u") or unit, loose) if p)

    return f"{name} sys {figure(book)} counted {figure(count)}"


def _difference_agrees(cell: str, book: re.Match[str], count: re.Match[str]) -> bool:
    """Whether a row's difference column says what its two figures do ("-2" beside 18 and
    16); figures in containers and loose pieces cannot be checked here, so they pass."""
    said = _SIGNED.fullmatch(cell.strip())
    if said is None:
        return False
    if book.group("loose") or count.group("loose") or book.group("u") != count.group("u"):
        return True
    diff = Decimal(said.group("n").replace(",", ""))
    got = Decimal(count.group("n").replace(",", "")) - Decimal(book.group("n").replace(",", ""))
    return (
        abs(got) == diff
        and (said.group("sign") != "+" or got >= 0)
        and (said.group("sign") != "-" or got <= 0)
    )


def rewrite(text: str) -> str:
    """`text` with each count table's rows said as count lines; unchanged without one."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    found = False
    i = 0
    while i < len(lines):
        kinds = _columns(lines[i])
        rows: list[str] = []
        j = i + 1
        while kinds is not None and j < len(lines):
            if _RULE.fullmatch(lines[j]) and not rows:
                j += 1
                continue
            row = _row(lines[j], kinds)
            if row is None:
                break
            rows.append(row)
            j += 1
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        out.extend(rows)
        found = True
        i = j
    if not found:
        return text
    return "\n".join(out).replace(_FENCE, "\n")
