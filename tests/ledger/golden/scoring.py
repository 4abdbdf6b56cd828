"""Scoring a drafter against a golden table: pure functions, no I/O.

A case is a plain dict (see tests/ledger/golden/cases.py for the format). Its `expect` is a
list of expected drafts (in message order) or one of three verdicts:

- "refuse": no draft at all (the drafter raises DraftError or returns nothing);
- "unsure": no single entry can be right without asking: every draft must score < 0.9;
- "doubt": hedged, or an amount-bearing part the reader cannot resolve: every draft < 0.5.

For a list, the case is right when the drafter returns exactly that many drafts and each
matches its expected entry: category, the debit and credit accounts, the amount (to the
cent) and, when the case names them, the quantity and the SKU. Confidence does not make a
list case right or wrong; it is what the calibration table measures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ledger.drafting import DraftError
from ledger.drafting import draft as offline_draft
from ledger.drafting.types import AccountInfo, Draft, DraftContext, ItemInfo
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts

Drafter = Callable[[str, DraftContext], list[Draft]]
Case = Mapping[str, Any]

# The categories, in the order the report prints them.
GROUPS: tuple[str, ...] = (
    "basics",
    "misspellings",
    "synonyms_idioms",
    "pack_sizes",
    "totals_vs_unit",
    "reserve_direction",
    "hedges",
    "not_a_writeoff",
    "sku_shapes",
    "look_alikes",
    "multi_item",
    "write_downs",
    "locations_dates_refs",
    "slack_markup",
)
VERDICTS: tuple[str, ...] = ("refuse", "unsure", "doubt")
SURE = 0.9  # the promise: a draft scored this or more is right
DOUBTFUL = 0.5  # below this a draft cannot be approved as it stands
BUCKETS: tuple[str, ...] = (">=0.9", "0.7-0.9", "0.5-0.7", "<0.5")

DEFAULT_CHART: dict[str, AccountInfo] = {
    code: AccountInfo(code, name, kind)
    for code, name, kind in (
        ("1000", "Cash", "Bank"),
        ("1200", "Inventory", "Other Current Asset"),
        ("1290", "Inventory Reserve", "Other Current Asset"),
        ("5000", "Cost of Goods Sold", "Cost of Goods Sold"),
        ("5100", "Inventory Shrinkage", "Cost of Goods Sold"),
        ("5200", "Inventory Write-Off Expense", "Other Expense"),
        ("5300", "Loss on Inventory Write-Down", "Other Expense"),
        ("5400", "Inventory Obsolescence Expense", "Other Expense"),
    )
}
POLICY = Policy()  # materiality $1,000.00, max one entry $1,000,000.00, USD

_AMOUNT = re.compile(r"^\d+\.\d\d$")
_PLAIN_DECIMAL = re.compile(r"^(0|[1-9]\d*)(\.\d*[1-9])?$")  # "6", "2.5"; never "6.0" or "06"
_CASE_KEYS = frozenset({"id", "group", "text", "expect", "items", "note"})
_ENTRY_KEYS = frozenset({"category", "debit", "credit", "amount", "quantity", "sku"})
_REQUIRED_ENTRY_KEYS = ("category", "debit", "credit", "amount")


# -- context ----------------------------------------------------------------------------------


def item_list(items: Mapping[str, Any]) -> dict[str, ItemInfo]:
    """SKU -> ItemInfo from either shape a table uses: {"SKU-40": ("Glass panel", "142.00")}
    (the default ITEMS) or {"SKU-40": "142.00"} (a case's own `items`)."""
    out: dict[str, ItemInfo] = {}
    for sku, value in items.items():
        if isinstance(value, tuple | list):
            name, cost = value
        else:
            name, cost = sku, value
        out[sku] = ItemInfo(sku, str(name), Decimal(str(cost)))
    return out


def context_for(case: Case, default_items: Mapping[str, Any]) -> DraftContext:
    """The DraftContext a case is drafted in: the default chart and policy, and the case's
    own item list when it has one ("items": {} means no item list at all)."""
    items = case.get("items", default_items)
    return DraftContext(chart=DEFAULT_CHART, items=item_list(items), policy=POLICY)


# -- running a drafter ------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    drafts: tuple[Draft, ...] = ()
    refusal: str | None = None  # the DraftError message
    crash: str | None = None  # any other exception: always wrong


def run_drafter(text: str, context: DraftContext, drafter: Drafter) -> Outcome:
    try:
        drafts = drafter(text, context)
    except DraftError as exc:
        return Outcome(refusal=str(exc) or "refused")
    except Exception as exc:  # a crash is a result to report, not a reason to stop
        return Outcome(crash=f"{type(exc).__name__}: {exc}")
    return Outcome(drafts=tuple(drafts))


# -- one case ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    case_id: str
    group: str
    text: str
    expect_kind: str  # "drafts", "refuse", "unsure" or "doubt"
    right: bool
    top_confidence: float | None  # the highest confidence among the drafts; None: no draft
    drafts: int
    refused: bool
    diff: str  # one line saying what was wrong; "" when right
    got: str  # one line saying what the drafter did

    @property
    def bucket(self) -> str | None:
        return bucket_of(self.top_confidence)


def bucket_of(confidence: float | None) -> str | None:
    if confidence is None:
        return None
    if confidence >= SURE:
        return ">=0.9"
    if confidence >= 0.7:
        return "0.7-0.9"
    if confidence >= DOUBTFUL:
        return "0.5-0.7"
    return "<0.5"


def _fmt_dec(value: Decimal | None) -> str:
    if value is None:
        return "-"
    return format(value.normalize(), "f")


def describe_draft(d: Draft) -> str:
    """'loss Dr 5200 / Cr 1200 1704.00 q12 SKU-40 @0.97' (or what is missing)."""
    cat = d.category.value if d.category else "no-category"
    debits = [ln.account for ln in d.lines if ln.debit > 0]
    credits = [ln.account for ln in d.lines if ln.credit > 0]
    if d.lines:
        accounts = f"Dr {'+'.join(debits) or '-'} / Cr {'+'.join(credits) or '-'}"
    else:
        accounts = "no lines (missing " + (", ".join(d.missing) or "?") + ")"
    amount = str(quantize(d.amount)) if d.amount is not None else "-"
    parts = [cat, accounts, amount]
    if d.quantity is not None:
        parts.append(f"q{_fmt_dec(d.quantity)}")
    if d.sku:
        parts.append(d.sku)
    parts.append(f"@{d.confidence:.2f}")
    return " ".join(parts)


def describe_expected(expect: Any) -> str:
    if isinstance(expect, str):
        return expect
    out = []
    for e in expect:
        parts = [e["category"], f"Dr {e['debit']} / Cr {e['credit']}", e["amount"]]
        if "quantity" in e:
            parts.append(f"q{e['quantity']}")
        if "sku" in e:
            parts.append(e["sku"])
        out.append(" ".join(parts))
    return " | ".join(out)


def entry_mismatch(expected: Mapping[str, str], d: Draft) -> list[str]:
    """What differs between one expected entry and one draft (empty: they match)."""
    problems: list[str] = []
    cat = d.category.value if d.category else None
    if cat != expected["category"]:
        problems.append(f"category {cat} != {expected['category']}")
    want = Decimal(expected["amount"])
    debits = [ln for ln in d.lines if ln.debit > 0]
    credits = [ln for ln in d.lines if ln.credit > 0]
    if not d.lines:
        problems.append("no lines (missing " + (", ".join(d.missing) or "?") + ")")
    elif len(debits) != 1 or len(credits) != 1 or len(d.lines) != 2:
        problems.append(f"{len(debits)} debit / {len(credits)} credit lines, want one each")
    else:
        dr, cr = debits[0], credits[0]
        if (dr.account, cr.account) != (expected["debit"], expected["credit"]):
            problems.append(
                f"Dr {dr.account} / Cr {cr.account} != Dr {expected['debit']} / "
                f"Cr {expected['credit']}"
            )
        if quantize(dr.debit) != want or quantize(cr.credit) != want:
            problems.append(f"lines {quantize(dr.debit)}/{quantize(cr.credit)} != {want}")
    got_amount = quantize(d.amount) if d.amount is not None else None
    if got_amount != want:
        problems.append(f"amount {got_amount if got_amount is not None else '-'} != {want}")
    if "quantity" in expected and (
        d.quantity is None or d.quantity != Decimal(expected["quantity"])
    ):
        problems.append(f"quantity {_fmt_dec(d.quantity)} != {expected['quantity']}")
    if "sku" in expected and d.sku != expected["sku"]:
        problems.append(f"sku {d.sku or '-'} != {expected['sku']}")
    return problems


def score(case: Case, outcome: Outcome) -> Result:
    """Whether one outcome is right for one case, with a one-line diff when it is not."""
    expect = case["expect"]
    drafts = outcome.drafts
    top = max((d.confidence for d in drafts), default=None)
    refused = outcome.refusal is not None
    if outcome.crash is not None:
        got = f"crashed: {outcome.crash}"
    elif refused:
        got = f"refused: {outcome.refusal}"
    elif not drafts:
        got = "no drafts"
    else:
        got = " | ".join(describe_draft(d) for d in drafts)

    kind = expect if isinstance(expect, str) else "drafts"
    diff = ""
    if outcome.crash is not None:
        diff = got
    elif kind == "refuse":
        if drafts:
            diff = f"expected a refusal, got {len(drafts)} draft(s): {got}"
    elif kind in ("unsure", "doubt"):
        limit = SURE if kind == "unsure" else DOUBTFUL
        over = [d for d in drafts if d.confidence >= limit]
        if over:
            diff = f"expected {kind} (every draft < {limit}), got {got}"
    else:
        if len(drafts) != len(expect):
            diff = f"expected {len(expect)} draft(s), got {len(drafts)}: {got}"
        else:
            bad = []
            for i, (e, d) in enumerate(zip(expect, drafts, strict=True), 1):
                problems = entry_mismatch(e, d)
                if problems:
                    label = f"draft {i}: " if len(expect) > 1 else ""
                    bad.append(label + "; ".join(problems))
            diff = " || ".join(bad)
    return Result(
        case_id=str(case["id"]),
        group=str(case["group"]),
        text=str(case["text"]),
        expect_kind=kind,
        right=not diff,
        top_confidence=top,
        drafts=len(drafts),
        refused=refused,
        diff=diff,
        got=got,
    )


def score_case(
    case: Case, default_items: Mapping[str, Any], drafter: Drafter = offline_draft
) -> Result:
    context = context_for(case, default_items)
    return score(case, run_drafter(str(case["text"]), context, drafter))


def score_cases(
    cases: Iterable[Case], default_items: Mapping[str, Any], drafter: Drafter = offline_draft
) -> list[Result]:
    return [score_case(c, default_items, drafter) for c in cases]


# -- summaries --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    label: str
    count: int
    right: int
    wrong_sure: int = 0  # wrong with a draft at >= 0.9

    @property
    def fraction(self) -> float | None:
        return self.right / self.count if self.count else None


def _tally(label: str, results: Sequence[Result]) -> Tally:
    return Tally(
        label,
        len(results),
        sum(r.right for r in results),
        sum(1 for r in results if is_wrong_sure(r)),
    )


def is_wrong_sure(r: Result) -> bool:
    """The broken promise: wrong, with some draft scored 0.9 or more."""
    return not r.right and r.top_confidence is not None and r.top_confidence >= SURE


def by_group(results: Sequence[Result]) -> list[Tally]:
    """Accuracy per group (known groups first, in the issue's order), then overall."""
    names = [g for g in GROUPS if any(r.group == g for r in results)]
    names += sorted({r.group for r in results} - set(names))
    rows = [_tally(g, [r for r in results if r.group == g]) for g in names]
    rows.append(_tally("overall", results))
    return rows


def by_expectation(results: Sequence[Result]) -> list[Tally]:
    kinds = ("drafts", *VERDICTS)
    return [_tally(k, [r for r in results if r.expect_kind == k]) for k in kinds]


def calibration(results: Sequence[Result]) -> list[Tally]:
    """Cases that produced at least one draft, bucketed by their top confidence; then the
    cases that produced none (refused)."""
    rows = [_tally(b, [r for r in results if r.bucket == b]) for b in BUCKETS]
    rows.append(_tally("no draft", [r for r in results if r.top_confidence is None]))
    return rows


def wrong_sure(results: Sequence[Result]) -> list[Result]:
    return [r for r in results if is_wrong_sure(r)]


# -- the table's own checks -------------------------------------------------------------------


def validate_cases(cases: Sequence[Case], default_items: Mapping[str, Any]) -> list[str]:
    """Format problems in a golden table (empty: fine). Also checks every expected entry's
    accounts against the policy for its category and amount, so a typo cannot hide there."""
    problems: list[str] = []
    seen: set[str] = set()
    try:
        item_list(default_items)
    except (ValueError, TypeError, InvalidOperation) as exc:
        problems.append(f"ITEMS: {exc}")
    for n, case in enumerate(cases):
        where = f"case #{n} {case.get('id')!r}"
        if not isinstance(case, Mapping):
            problems.append(f"{where}: not a dict")
            continue
        extra = set(case) - _CASE_KEYS
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        cid = case.get("id")
        if not isinstance(cid, str) or not cid:
            problems.append(f"{where}: id must be a non-empty string")
        elif cid in seen:
            problems.append(f"{where}: duplicate id")
        else:
            seen.add(cid)
        if not isinstance(case.get("group"), str) or not case.get("group"):
            problems.append(f"{where}: group must be a non-empty string")
        if not isinstance(case.get("text"), str):
            problems.append(f"{where}: text must be a string")
        if "items" in case:
            try:
                item_list(case["items"])
            except (ValueError, TypeError, InvalidOperation, AttributeError) as exc:
                problems.append(f"{where}: items: {exc}")
        expect = case.get("expect")
        if isinstance(expect, str):
            if expect not in VERDICTS:
                problems.append(f"{where}: expect {expect!r} is not one of {VERDICTS}")
            continue
        if not isinstance(expect, list) or not expect:
            problems.append(f"{where}: expect must be a non-empty list or a verdict string")
            continue
        for i, entry in enumerate(expect, 1):
            problems.extend(f"{where} entry {i}: {p}" for p in _entry_problems(entry))
    return problems


def _entry_problems(entry: Any) -> list[str]:
    if not isinstance(entry, Mapping):
        return ["not a dict"]
    problems = [f"missing {k}" for k in _REQUIRED_ENTRY_KEYS if k not in entry]
    extra = set(entry) - _ENTRY_KEYS
    if extra:
        problems.append(f"unknown keys {sorted(extra)}")
    if problems:
        return problems
    qty = entry.get("quantity")
    if qty is not None and (not isinstance(qty, str) or not _PLAIN_DECIMAL.match(qty)):
        problems.append(f"quantity {qty!r} must be a plain decimal string such as '6'")
    sku = entry.get("sku")
    if sku is not None and (not isinstance(sku, str) or not sku):
        problems.append("sku must be a non-empty string")
    try:
        category = Category(entry["category"])
    except ValueError:
        return [*problems, f"unknown category {entry['category']!r}"]
    amount = entry["amount"]
    if not isinstance(amount, str) or not _AMOUNT.match(amount):
        return [*problems, f"amount {amount!r} must be a 2-decimal string such as '852.00'"]
    value = Decimal(amount)
    if value <= 0 or value > POLICY.max_amount:
        problems.append(f"amount {amount} outside (0, {POLICY.max_amount}]")
    decision = decide_accounts(category, value, POLICY)
    if (entry["debit"], entry["credit"]) != (decision.debit, decision.credit):
        problems.append(
            f"Dr {entry['debit']} / Cr {entry['credit']} is not the policy's Dr "
            f"{decision.debit} / Cr {decision.credit} for {category.value} {amount}"
        )
    return problems
