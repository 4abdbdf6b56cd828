"""Count sheets: a CSV or XLSX physical count in; out, either one adjusting entry for the
whole count (`count_entry`, the default: how a controller books a physical count) or one
shrinkage (or overage) draft per variance (`draft_variances`). Pure: bytes in, values out.

Headers are matched forgivingly ("Item Code", "QTY ON HAND", "Physical Count", "Unit-Cost",
"Bin") and may sit below a title row. Lines that cannot be read are reported with their
line number and the reason, and the rest still draft. The same SKU twice at the same
location is a problem (counting twice is a classic error); the first line counts.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from ledger.drafting.build import build_draft
from ledger.drafting.types import Draft, DraftContext, Facts
from ledger.items import normalise_sku
from ledger.money import MoneyError, format_money, parse_amount, parse_decimal, quantize
from ledger.policy import Category, Policy, Role
from ledger.posting import COUNT_KIND as COUNT_KIND  # the kind of a whole count
from ledger.posting import LineInput

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
HEADER_SCAN = 10

SYNONYMS: dict[str, tuple[str, ...]] = {
    "sku": (
        "sku",
        "item",
        "itemcode",
        "itemno",
        "itemnumber",
        "product",
        "productcode",
        "part",
        "partnumber",
        "partno",
        "code",
    ),
    "expected": (
        "expected",
        "expectedqty",
        "system",
        "systemqty",
        "systemquantity",
        "book",
        "bookqty",
        "onhand",
        "qtyonhand",
        "quantityonhand",
        "recorded",
        "theoretical",
    ),
    "counted": (
        "counted",
        "countedqty",
        "count",
        "physical",
        "physicalcount",
        "physicalqty",
        "actual",
        "actualqty",
        "actualcount",
        "qtycounted",
        "quantitycounted",
    ),
    "variance": ("variance", "difference", "diff", "delta", "adjustment"),
    "unit_cost": (
        "unitcost",
        "cost",
        "costeach",
        "unitprice",
        "price",
        "costperunit",
        "eachcost",
        "unitvalue",
    ),
    "location": ("location", "bin", "warehouse", "site", "store", "aisle", "zone"),
}
_LOOKUP = {alias: field for field, aliases in SYNONYMS.items() for alias in aliases}


class SheetError(ValueError):
    """The file is not a count sheet we can read; the message says what is needed."""


@dataclass(frozen=True)
class SheetRow:
    line: int
    sku: str
    expected: Decimal
    counted: Decimal
    unit_cost: Decimal | None
    location: str | None


@dataclass(frozen=True)
class LineProblem:
    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Sheet:
    rows: tuple[SheetRow, ...]
    problems: tuple[LineProblem, ...]
    columns: dict[str, str]  # field -> header as written


@dataclass(frozen=True)
class CountResult:
    drafts: tuple[tuple[SheetRow, Draft], ...]
    unchanged: int
    problems: tuple[LineProblem, ...]
    total_shrinkage: Decimal
    total_overage: Decimal

    @property
    def net(self) -> Decimal:
        return self.total_shrinkage - self.total_overage

    def largest(self, n: int = 10) -> list[tuple[SheetRow, Draft]]:
        return sorted(self.drafts, key=lambda rd: -(rd[1].amount or Decimal(0)))[:n]


def _key(header: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(header or "").lower())


def _cells(data: bytes, filename: str) -> list[list[str]]:
    if len(data) > MAX_BYTES:
        raise SheetError("the file is larger than 10 MB")
    if not data.strip():
        raise SheetError("the file is empty")
    if data[:2] == b"PK" or filename.lower().endswith((".xlsx", ".xlsm")):
        return _xlsx_cells(data)
    for encoding in ("utf-8-sig", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if "\x00" in text[:1000]:
        raise SheetError("this is not a CSV or XLSX count sheet")
    # The delimiter most lines agree on (a title row may hold stray commas).
    sample = [ln for ln in text.splitlines()[:50] if ln.strip()]
    delimiter = max(",;\t", key=lambda d: sum(1 for ln in sample if ln.count(d) >= 2))
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_cells(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise SheetError("this is not a readable XLSX file") from exc
    ws = wb.worksheets[0]
    out = []
    for row in ws.iter_rows(values_only=True):
        out.append([_cell_text(v) for v in row])
        if len(out) > MAX_ROWS + HEADER_SCAN:
            break
    wb.close()
    return out


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # Spreadsheet numbers arrive as binary floats: 18.75 must stay exactly 18.75.
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value).strip()


def _header(rows: Sequence[Sequence[str]]) -> tuple[int, dict[str, int], dict[str, str]]:
    for i, row in enumerate(rows[:HEADER_SCAN]):
        found: dict[str, int] = {}
        names: dict[str, str] = {}
        for j, cell in enumerate(row):
            field = _LOOKUP.get(_key(cell))
            if field and field not in found:
                found[field], names[field] = j, str(cell).strip()
        if "sku" in found and "counted" in found and ("expected" in found or "variance" in found):
            return i, found, names
    raise SheetError(
        "no header row found: the sheet needs a SKU column, a counted quantity and an "
        "expected (system / on hand) quantity, e.g. sku,expected,counted,unit_cost,location"
    )


def _number(raw: str, what: str, allow_negative: bool = False) -> Decimal:
    text = raw.strip()
    if not text:
        raise ValueError(f"{what} is empty")
    negative = text.startswith("-")
    if negative and not allow_negative:
        raise ValueError(f"{what} '{text[:20]}' is negative")
    try:
        value = parse_decimal(text.lstrip("-"))
    except MoneyError:
        raise ValueError(f"{what} '{text[:20]}' is not a number") from None
    return -value if negative else value


def read_sheet(data: bytes, filename: str) -> Sheet:
    rows = _cells(data, filename)
    start, col, names = _header(rows)
    body = rows[start + 1 :]
    if len(body) > MAX_ROWS:
        raise SheetError(f"the sheet has more than {MAX_ROWS:,} lines")
    out: list[SheetRow] = []
    problems: list[LineProblem] = []
    seen: dict[tuple[str, str | None], int] = {}

    def cell(row: Sequence[str], field: str) -> str:
        j = col.get(field)
        return str(row[j]).strip() if j is not None and j < len(row) else ""

    for offset, row in enumerate(body):
        line = start + offset + 2  # 1-based, after the header
        if not any(str(c).strip() for c in row):
            continue
        text = ",".join(str(c) for c in row)[:80]
        sku_raw = cell(row, "sku")
        try:
            if not sku_raw:
                raise ValueError("no SKU")
            counted = _number(cell(row, "counted"), "counted quantity")
            if "expected" in col:
                expected = _number(cell(row, "expected"), "expected quantity")
            else:
                expected = counted - _number(cell(row, "variance"), "variance", True)
            cost_raw = cell(row, "unit_cost")
            unit_cost = parse_amount(cost_raw) if cost_raw else None
        except (ValueError, MoneyError, InvalidOperation) as exc:
            reason = str(exc) if not isinstance(exc, MoneyError) else f"unit cost: {exc}"
            problems.append(LineProblem(line, text, reason))
            continue
        sku = normalise_sku(sku_raw)
        location = cell(row, "location") or None
        key = (sku, location)
        if key in seen:
            problems.append(
                LineProblem(
                    line, text, f"{sku} appears twice (lines {seen[key]} and {line}): counted once"
                )
            )
            continue
        seen[key] = line
        out.append(SheetRow(line, sku, expected, counted, unit_cost, location))
    return Sheet(tuple(out), tuple(problems), names)


def draft_variances(sheet: Sheet, context: DraftContext, source: str) -> CountResult:
    drafts: list[tuple[SheetRow, Draft]] = []
    unchanged = 0
    shrink = over = Decimal("0.00")
    for row in sheet.rows:
        diff = row.counted - row.expected
        if diff == 0:
            unchanged += 1
            continue
        overage = diff > 0
        facts = Facts(
            source_text=(
                f"Count sheet {source} line {row.line}: {row.sku} expected "
                f"{_plain(row.expected)}, counted {_plain(row.counted)}"
            ),
            category=Category.OVERAGE if overage else Category.SHRINKAGE,
            reason="count overage" if overage else "count variance",
            sku=row.sku,
            quantity=abs(diff),
            unit="units",
            unit_cost=row.unit_cost,
            location=row.location,
        )
        d = build_draft(facts, context)
        drafts.append((row, d))
        if d.amount is not None:
            if overage:
                over += d.amount
            else:
                shrink += d.amount
    return CountResult(tuple(drafts), unchanged, sheet.problems, shrink, over)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


# -- one adjusting entry per count ------------------------------------------------------------

NO_UNIT_COST = "no unit cost"


class LineMode(StrEnum):
    """How the one entry shows the count: a 5100 line per SKU, or two or three summary
    lines with the per-SKU detail kept in the entry's details."""

    PER_SKU = "per-sku"
    SUMMARY = "summary"


@dataclass(frozen=True)
class CountVariance:
    """One SKU whose count differs from the books, valued at its unit cost."""

    row: SheetRow
    unit_cost: Decimal
    amount: Decimal  # always positive; `overage` says which way

    @property
    def overage(self) -> bool:
        return self.row.counted > self.row.expected

    @property
    def quantity(self) -> Decimal:
        return abs(self.row.counted - self.row.expected)

    def describe(self, currency: str) -> str:
        r = self.row
        where = f" at {r.location}" if r.location else ""
        return (
            f"{r.sku}{where}: expected {_plain(r.expected)}, counted {_plain(r.counted)}, "
            f"unit cost {format_money(self.unit_cost, currency)}"
        )

    def to_json(self) -> list[object]:
        """The detail row kept with the entry (compact: a count may have 20,000 lines)."""
        r = self.row
        return [
            r.line,
            r.sku,
            r.location,
            _plain(r.expected),
            _plain(r.counted),
            str(self.unit_cost),
            str(self.amount),
        ]


@dataclass(frozen=True)
class SkippedVariance:
    """A variance that cannot be valued, so it is not in the entry; `reason` says why."""

    row: SheetRow
    reason: str


@dataclass(frozen=True)
class CountEntry:
    variances: tuple[CountVariance, ...]
    skipped: tuple[SkippedVariance, ...]
    unchanged: int
    problems: tuple[LineProblem, ...]

    @property
    def shrinkage(self) -> Decimal:
        return sum((v.amount for v in self.variances if not v.overage), Decimal("0.00"))

    @property
    def overage(self) -> Decimal:
        return sum((v.amount for v in self.variances if v.overage), Decimal("0.00"))

    @property
    def net(self) -> Decimal:
        return self.shrinkage - self.overage

    def largest(self, n: int = 10) -> list[CountVariance]:
        return sorted(self.variances, key=lambda v: (-v.amount, v.row.line))[:n]


def count_entry(sheet: Sheet, context: DraftContext) -> CountEntry:
    """Value every variance at the sheet's unit cost, else the item list's. A variance with
    neither cannot be valued: it is skipped with the reason "no unit cost" (never a line of
    zero, never a guess)."""
    variances: list[CountVariance] = []
    skipped: list[SkippedVariance] = []
    unchanged = 0
    for row in sheet.rows:
        diff = row.counted - row.expected
        if diff == 0:
            unchanged += 1
            continue
        cost = row.unit_cost
        if cost is None and row.sku in context.items:
            cost = context.items[row.sku].unit_cost
        if cost is None or cost <= 0:
            skipped.append(SkippedVariance(row, NO_UNIT_COST))
            continue
        amount = quantize(abs(diff) * cost)
        if amount <= 0:
            skipped.append(SkippedVariance(row, "the amount rounds to zero"))
            continue
        variances.append(CountVariance(row, cost, amount))
    return CountEntry(tuple(variances), tuple(skipped), unchanged, sheet.problems)


VARIANCE_COLUMNS = ("line", "sku", "location", "expected", "counted", "unit_cost", "amount")


def variance_details(count: CountEntry) -> dict[str, object]:
    """The per-SKU detail kept in the entry's details, whatever its lines show (summary
    lines too): QuickBooks' InventoryAdjustment of the count is built from it."""
    return {
        "variances": [v.to_json() for v in count.variances],
        "variance_columns": list(VARIANCE_COLUMNS),
    }


def count_lines(count: CountEntry, policy: Policy, mode: LineMode, source: str) -> list[LineInput]:
    """The entry's lines: Dr shrinkage for a SKU short, Cr shrinkage for a SKU over, and the
    net against inventory on one line. Balanced by construction."""
    cur = policy.currency
    shrink_acct, inventory = policy.code(Role.SHRINKAGE), policy.code(Role.INVENTORY)
    lines: list[LineInput] = []
    if mode is LineMode.PER_SKU:
        for v in count.variances:
            lines.append(
                LineInput(
                    shrink_acct,
                    Decimal(0) if v.overage else v.amount,
                    v.amount if v.overage else Decimal(0),
                    ("Count overage " if v.overage else "Count shortage ") + v.describe(cur),
                    v.row.sku,
                    v.quantity,
                    v.unit_cost,
                    v.row.location,
                )
            )
    else:
        short = [v for v in count.variances if not v.overage]
        over = [v for v in count.variances if v.overage]
        if short:
            lines.append(
                LineInput(
                    shrink_acct,
                    debit=count.shrinkage,
                    description=f"Count shortage, {len(short):,} SKU(s), {source}",
                )
            )
        if over:
            lines.append(
                LineInput(
                    shrink_acct,
                    credit=count.overage,
                    description=f"Count overage, {len(over):,} SKU(s), {source}",
                )
            )
    net = count.net
    if net:
        lines.append(
            LineInput(
                inventory,
                debit=-net if net < 0 else Decimal(0),
                credit=net if net > 0 else Decimal(0),
                description=f"Inventory adjusted to the physical count, {source}",
            )
        )
    return lines
