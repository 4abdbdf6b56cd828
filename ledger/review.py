"""A person's edit, checked against the policy again: what the edited lines mean and which of
them the policy would not have chosen. Pure: the edit's lines, the entry's category and the
company's policy in, words for the approver out.

The drafter explains the accounts it chose; once a person changes the lines that explanation
is stale, so it is recomputed here from the new amount, and every line that breaks the policy
becomes an exception an approver other than the editor must accept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ledger.money import format_money
from ledger.policy import Category, Policy, Role, decide_accounts


@dataclass(frozen=True)
class ReviewLine:
    account: str
    name: str
    debit: Decimal
    credit: Decimal


@dataclass(frozen=True)
class Review:
    explanation: tuple[str, ...]
    exceptions: tuple[str, ...]  # lines that break the policy, in plain words


def write_off_accounts(policy: Policy) -> dict[str, Role]:
    """The accounts the policy posts write-offs to (code -> role)."""
    return {policy.code(role): role for role in Role}


def review_lines(
    category: str | None,
    reason: str | None,
    lines: Sequence[ReviewLine],
    policy: Policy,
    names: Mapping[str, str] | None = None,
) -> Review:
    """The explanation and policy exceptions of edited lines. `names`: account code -> name
    for the accounts the policy would pick (so the approver reads names, not only codes)."""
    names = names or {}
    cur = policy.currency
    total = sum((ln.debit for ln in lines), Decimal(0))
    allowed = write_off_accounts(policy)
    explanation: list[str] = [f"Edited by a person: {format_money(total, cur)} in all"]
    exceptions: list[str] = []

    def label(code: str) -> str:
        return f"{code} {names.get(code, '')}".strip()

    try:
        cat = Category(category) if category else None
    except ValueError:
        cat = None
    if cat is not None:
        decision = decide_accounts(cat, total, policy)
        debits = sorted({ln.account for ln in lines if ln.debit > 0})
        credits = sorted({ln.account for ln in lines if ln.credit > 0})
        word = reason or cat.value
        if debits == [decision.debit] and credits == [decision.credit]:
            explanation.append(f"Reason '{word}': {decision.explanation}")
        else:
            explanation.append(
                f"Reason '{word}': the policy would post Dr {label(decision.debit)} / Cr "
                f"{label(decision.credit)}; the edited lines post Dr "
                f"{', '.join(map(label, debits))} / Cr {', '.join(map(label, credits))} instead"
            )
    for ln in lines:
        if ln.account not in allowed:
            side = "debits" if ln.debit > 0 else "credits"
            exceptions.append(
                f"{ln.account} {ln.name} is not one of the write-off accounts; this line "
                f"{side} {format_money(ln.debit or ln.credit, cur)} to it"
            )
    cogs = policy.code(Role.COGS)
    to_cogs = sum((ln.debit for ln in lines if ln.account == cogs), Decimal(0))
    if to_cogs >= policy.materiality:
        exceptions.append(
            f"{format_money(to_cogs, cur)} to {label(cogs)} is at or over the "
            f"{format_money(policy.materiality, cur)} materiality threshold; the policy puts "
            f"it in {label(policy.code(Role.WRITE_OFF_EXPENSE))}"
        )
    return Review(tuple(explanation), tuple(exceptions))
