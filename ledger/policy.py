"""The accounting policy: which accounts a write-off goes to, in one readable table.

Pure data and pure functions. The defaults follow the issue's policy table; a company can
override any account code, the materiality threshold and the keyword lists.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ledger.money import format_money


class Kind(StrEnum):
    WRITE_OFF = "write_off"
    WRITE_DOWN = "write_down"
    RESERVE = "reserve"


class Category(StrEnum):
    """What happened, as the policy sees it."""

    LOSS = "loss"  # damaged, expired, obsolete: routine under materiality, else write-off expense
    SHRINKAGE = "shrinkage"  # missing on count, no known cause
    CASUALTY = "casualty"  # theft, fire, flood: unusual at any amount
    WRITE_DOWN = "write_down"  # still sellable, worth less than cost
    RESERVE_WRITE_OFF = "reserve_write_off"  # written off against the allowance
    RESERVE_PROVISION = "reserve_provision"  # increase the allowance
    OVERAGE = "overage"  # count higher than the books


KIND_OF: Mapping[Category, Kind] = {
    Category.LOSS: Kind.WRITE_OFF,
    Category.SHRINKAGE: Kind.WRITE_OFF,
    Category.CASUALTY: Kind.WRITE_OFF,
    Category.OVERAGE: Kind.WRITE_OFF,
    Category.WRITE_DOWN: Kind.WRITE_DOWN,
    Category.RESERVE_WRITE_OFF: Kind.RESERVE,
    Category.RESERVE_PROVISION: Kind.RESERVE,
}

# Words people use, per category. Matched as whole words on word stems (see find_reasons).
# Order inside a tuple does not matter; the first match in the text names the reason.
DEFAULT_KEYWORDS: Mapping[Category, tuple[str, ...]] = {
    Category.LOSS: (
        "damaged",
        "damage",
        "broken",
        "broke",
        "breakage",
        "crushed",
        "dented",
        "expired",
        "spoiled",
        "spoilt",
        "moldy",
        "mouldy",
        "contaminated",
        "defective",
        "recalled",
        "recall",
        "obsolete",
        "obsolescent",
        "torn",
        "leaking",
        "leaked",
        "cracked",
        "shattered",
        "smashed",
        "rotten",
        "rotted",
        "wet",
        "water damaged",
        "past date",
        "out of date",
        "unsellable",
        "unsaleable",
        "scrap",
        "scrapped",
        "destroyed",
        "faulty",
        "dropped",
        "punctured",
        "melted",
        "thawed",
        "stale",
        "discontinued",
        "ruined",
        "unusable",
        "worthless",
        "spilled",
        "spill",
        "mold",
        "mould",
        "mildew",
        "infested",
        "rusted",
        "corroded",
        "warped",
        "scratched",
        "ripped",
        "soiled",
        "stained",
        "bruised",
        "squashed",
        "busted",
        "spoilage",
        "expiry",
        "expiring",
        "best before",
        "sell by",
        "outdated",
        "dead stock",
        "deadstock",
        "end of life",
        "superseded",
        "rejected",
        "nonconforming",
        "non-conforming",
        "out of spec",
        "chipped",
        "freezer burn",
        "freezer burned",
        "short dated",
        "short-dated",
        "obsoleted",
        "mice",
        "rodent",
        "rodents",
        "pests",
        "sour",
        "soured",
        "went bad",
        "gone bad",
        "rotting",
        "past expiry",
    ),
    Category.SHRINKAGE: (
        "shrinkage",
        "shrink",
        "missing",
        "short on count",
        "short",
        "count variance",
        "variance",
        "lost",
        "unaccounted for",
        "unaccounted",
        "cannot find",
        "can't find",
        "cant find",
        "miscount",
        "not found",
        "misplaced",
        "disappeared",
        "gone missing",
        "shortage",
        "discrepancy",
        "count discrepancy",
        "could not find",
        "couldn't find",
        "cannot locate",
        "can't locate",
        "unexplained loss",
    ),
    Category.CASUALTY: (
        "theft",
        "stolen",
        "stole",
        "shoplifted",
        "shoplifting",
        "break-in",
        "break in",
        "burglary",
        "burgled",
        "robbery",
        "robbed",
        "fire",
        "flood",
        "flooded",
        "flooding",
        "storm",
        "hurricane",
        "tornado",
        "earthquake",
        "vandalism",
        "vandalized",
        "vandalised",
        "looted",
        "burned",
        "burnt",
        "thief",
        "thieves",
        "burglar",
        "burglars",
        "broken into",
        "pilfered",
        "pilferage",
        "arson",
        "smoke damage",
        "smoke damaged",
        "fire damage",
        "fire damaged",
        "flood damage",
        "flood damaged",
        "lightning",
        "wildfire",
        "looting",
        "shoplifter",
        "shoplifters",
        "heist",
        "hijacked",
        "broke into",
        "vandal",
        "vandals",
    ),
    Category.WRITE_DOWN: (
        "write down",
        "write-down",
        "writedown",
        "written down",
        "mark down",
        "markdown",
        "mark-down",
        "marked down",
        "net realizable value",
        "net realisable value",
        "nrv",
        "revalue",
        "devalue",
        "lower of cost",
        "writing down",
        "marking down",
        "revalued",
        "revaluation",
        "devalued",
        "impaired",
        "impairment",
        "lcnrv",
        "lost value",
        "lost its value",
        "reprice",
        "repriced",
    ),
    Category.RESERVE_WRITE_OFF: (
        "against the reserve",
        "against reserve",
        "against the allowance",
        "against allowance",
        "from the reserve",
        "from reserve",
        "use the reserve",
        "charge to the reserve",
        "charge the reserve",
        "against the obsolescence reserve",
        "against the inventory reserve",
        "against reserves",
        "against the provision",
        "against provision",
        "from the allowance",
        "out of the reserve",
        "using the reserve",
    ),
    Category.RESERVE_PROVISION: (
        "increase the reserve",
        "increase reserve",
        "increase the obsolescence reserve",
        "add to the reserve",
        "add to reserve",
        "top up the reserve",
        "provision",
        "reserve for obsolescence",
        "obsolescence reserve",
        "increase the allowance",
        "increase the provision",
        "book a reserve",
        "set up a reserve",
        "increase the inventory reserve",
        "increase inventory reserve",
        "add to the obsolescence reserve",
        "top up reserve",
        "raise the reserve",
        "provision for obsolescence",
        "obsolescence provision",
        "reserve for obsolete",
        "obsolete reserve",
        "obsolete stock reserve",
    ),
    Category.OVERAGE: (
        "overage",
        "over on count",
        "found extra",
        "extra on count",
        "surplus",
        "extra units",
        "found additional",
        "more than expected",
        "more than on the books",
        "over count",
        "overcount",
    ),
}

# When several categories match, the most specific wins (reserve phrases also say
# "obsolete"; "stolen" beats "missing"). Lower index = higher priority.
PRIORITY: tuple[Category, ...] = (
    Category.RESERVE_PROVISION,
    Category.RESERVE_WRITE_OFF,
    Category.WRITE_DOWN,
    Category.CASUALTY,
    Category.OVERAGE,
    Category.SHRINKAGE,
    Category.LOSS,
)


@dataclass(frozen=True)
class Policy:
    materiality: Decimal = Decimal("1000.00")
    max_amount: Decimal = Decimal("1000000.00")
    currency: str = "USD"
    inventory: str = "1200"
    reserve: str = "1290"
    cogs: str = "5000"
    shrinkage: str = "5100"
    write_off_expense: str = "5200"
    write_down_loss: str = "5300"
    obsolescence: str = "5400"
    keywords: Mapping[Category, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_KEYWORDS)

    def account_codes(self) -> frozenset[str]:
        return frozenset(
            {
                self.inventory,
                self.reserve,
                self.cogs,
                self.shrinkage,
                self.write_off_expense,
                self.write_down_loss,
                self.obsolescence,
            }
        )


@dataclass(frozen=True)
class ReasonMatch:
    category: Category
    keyword: str
    position: int


@functools.lru_cache(maxsize=2048)  # find_reasons runs per message; compile each word once
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in re.split(r"[\s-]+", keyword)]
    return re.compile(r"(?<![a-z0-9])" + r"[\s-]+".join(parts) + r"(?![a-z0-9])", re.IGNORECASE)


def find_reasons(text: str, policy: Policy) -> list[ReasonMatch]:
    """Every category whose words appear in the text, best first (priority, then position)."""
    found: dict[Category, ReasonMatch] = {}
    for category, words in policy.keywords.items():
        for word in words:
            m = _keyword_pattern(word).search(text)
            if m and (category not in found or m.start() < found[category].position):
                found[category] = ReasonMatch(category, word, m.start())
    return sorted(found.values(), key=lambda r: (PRIORITY.index(r.category), r.position))


@dataclass(frozen=True)
class Decision:
    debit: str
    credit: str
    explanation: str


def decide_accounts(category: Category, amount: Decimal | None, policy: Policy) -> Decision:
    """The policy table. amount may be None when unknown (the materiality test then waits)."""
    cur = policy.currency
    threshold = format_money(policy.materiality, cur)
    if category is Category.LOSS:
        if amount is not None and amount >= policy.materiality:
            return Decision(
                policy.write_off_expense,
                policy.inventory,
                f"{format_money(amount, cur)} is at or over the {threshold} materiality threshold, "
                "so it goes to a separate write-off expense line and does not distort gross margin",
            )
        said = format_money(amount, cur) if amount is not None else "The amount"
        return Decision(
            policy.cogs,
            policy.inventory,
            f"{said} is under the {threshold} materiality threshold, "
            "so it goes to Cost of Goods Sold as a routine loss",
        )
    if category is Category.SHRINKAGE:
        return Decision(
            policy.shrinkage,
            policy.inventory,
            "Goods missing with no known cause are shrinkage, charged to the shrinkage account",
        )
    if category is Category.CASUALTY:
        return Decision(
            policy.write_off_expense,
            policy.inventory,
            "Theft and casualty losses are unusual, so they go to write-off expense at any amount",
        )
    if category is Category.WRITE_DOWN:
        return Decision(
            policy.write_down_loss,
            policy.inventory,
            "The goods keep some value, so this is a write-down to net realizable value, "
            "not a write-off",
        )
    if category is Category.RESERVE_WRITE_OFF:
        return Decision(
            policy.reserve,
            policy.inventory,
            "Written off against the inventory reserve, so no new expense is recognised now",
        )
    if category is Category.RESERVE_PROVISION:
        return Decision(
            policy.obsolescence,
            policy.reserve,
            "Increasing the obsolescence reserve is an expense now, against the contra-asset "
            "reserve",
        )
    if category is Category.OVERAGE:
        return Decision(
            policy.inventory,
            policy.shrinkage,
            "The count is higher than the books, so inventory goes up and shrinkage is reduced",
        )
    raise ValueError(f"unknown category {category!r}")  # pragma: no cover
