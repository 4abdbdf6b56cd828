"""Two independent readings of one message: Claude's facts checked against the offline
reader's. Pure: no I/O.

The promise to controllers is that a draft scored 0.9 or more is right. Claude is a good
reader but can be plausibly wrong, so its reading never stands alone:

- both readings agree on the category, the quantity and the amount: the strongest evidence
  there is; the draft keeps the better of the two confidences;
- they disagree on any of them: the card shows both readings and asks which is right, and the
  confidence drops to DIFFERS_CAP;
- only one reading has a value (Claude read a reason the lexicon does not know, a quantity the
  offline reader could not find): that value is unconfirmed, the confidence drops below 0.9
  (UNCONFIRMED_CAP) with a warning naming it. A number Claude read that the message does not
  contain is never adopted.

Accounts always come from the policy: every draft here is built by build_draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from ledger.drafting.build import build_draft, whole_message
from ledger.drafting.types import Draft, DraftContext, Facts
from ledger.money import format_money

UNCONFIRMED_CAP = 0.85
DIFFERS_CAP = 0.5


class SecondReading(StrEnum):
    """Where a draft's second reading stands (stored on the entry)."""

    PENDING = "pending"
    AGREED = "agreed"
    DIFFERS = "differs"
    UNCONFIRMED = "unconfirmed"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class Checked:
    """One draft after both readings: what to show, and where the second reading stands."""

    draft: Draft
    state: SecondReading
    note: str  # one plain line for the audit trail
    # What the readings did not agree on ("reason", "quantity", "amount"; "count" when they
    # read a different number of write-offs): what a person's correction must settle.
    disputed: tuple[str, ...] = ()


def _qty(q: Decimal | None) -> str:
    return "no quantity" if q is None else f"{format(q.normalize(), 'f')} units"


def describe(d: Draft, currency: str) -> str:
    """A reading in a few words: '40 units, $600.00, obsolete'."""
    amount = format_money(d.amount, currency) if d.amount is not None else "no amount"
    reason = (
        d.category.value.replace("_", " ") if d.category and not d.reason_assumed else "no reason"
    )
    return f"{_qty(d.quantity)}, {amount}, {reason}"


def _fields(d: Draft) -> dict[str, object]:
    # an assumed reason is no reading of the words: it agrees with nothing
    reason = None if d.reason_assumed else d.category
    return {"reason": reason, "quantity": d.quantity, "amount": d.amount}


def _shown(name: str, value: object, currency: str) -> str:
    if name == "amount" and isinstance(value, Decimal):
        return format_money(value, currency)
    if name == "quantity" and isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if name == "reason" and value is not None:
        return str(getattr(value, "value", value)).replace("_", " ")
    return str(value)


def _cap(d: Draft, cap: float) -> float:
    return round(min(d.confidence, cap), 2)


def _with(d: Draft, *, confidence: float, warnings: Sequence[str], explanation: str) -> Draft:
    return replace(
        d,
        confidence=confidence,
        warnings=tuple(dict.fromkeys((*d.warnings, *warnings))),
        explanation=(*d.explanation, explanation),
    )


def check_pair(
    offline: Draft, claude: Draft, invented: frozenset[str], context: DraftContext
) -> Checked:
    """One write-off read twice. `invented`: fields whose number Claude read that the
    message does not contain (never adopted)."""
    cur = context.policy.currency
    theirs, ours = _fields(claude), _fields(offline)
    conflicts: list[str] = []
    claude_only: list[str] = []
    offline_only: list[str] = []
    for name in ours:
        o, c = ours[name], theirs[name]
        if o == c:
            continue
        if o is not None and c is not None:
            conflicts.append(name)
        elif c is not None:
            claude_only.append(name)
        else:
            offline_only.append(name)
    untrusted = [n for n in claude_only if n in invented or (n == "amount" and invented)]
    # What Claude's own reading doubted (accounts it suggested, numbers not in the text).
    doubts = tuple(w for w in claude.warnings if w not in offline.warnings)
    said = tuple(e for e in claude.explanation if e.startswith("Facts read by Claude"))
    if not conflicts and not claude_only and not offline_only:
        # Agreement raises the confidence, unless the draft is incomplete or Claude's own
        # reading had doubts (then the lower of the two stands).
        if not offline.complete:
            confidence = offline.confidence
        elif doubts:
            confidence = min(offline.confidence, claude.confidence)
        else:
            confidence = max(offline.confidence, claude.confidence)
        agreed = replace(offline, explanation=(*offline.explanation, *said))
        return Checked(
            _with(
                agreed,
                confidence=round(confidence, 2),
                warnings=doubts,
                explanation="Two independent readings agree (the offline reader and Claude)",
            ),
            SecondReading.AGREED,
            f"agreed: {describe(offline, cur)}",
        )
    both = f"the offline reader read {describe(offline, cur)}; Claude read {describe(claude, cur)}"
    if conflicts or untrusted:
        what = ", ".join(conflicts + untrusted)
        ask = (
            f"Two readings differ on the {what}: {both}. Which is right? The reporter can reply "
            "in this thread (e.g. 'make that 30', '$9 each'); an approver can use Edit"
        )
        return Checked(
            _with(
                offline,
                confidence=_cap(offline, DIFFERS_CAP),
                warnings=(ask, *doubts),
                explanation="The second reading (Claude) differs; confidence lowered",
            ),
            SecondReading.DIFFERS,
            f"differs on {what}: {both}",
            tuple(conflicts + untrusted),
        )
    # No conflict: one reading has what the other lacks.
    base = claude if claude_only else offline
    notes = [
        f"Only Claude read the {n} ({_shown(n, theirs[n], cur)}); the offline reading does not "
        "confirm it: check it"
        for n in claude_only
    ] + [
        f"Claude did not confirm the {n} ({_shown(n, ours[n], cur)}) the offline reader read"
        for n in offline_only
    ]
    return Checked(
        _with(
            base,
            confidence=_cap(base, UNCONFIRMED_CAP),
            warnings=(*notes, *doubts),
            explanation="Part of the reading is confirmed by one reader only; confidence lowered",
        ),
        SecondReading.UNCONFIRMED,
        "unconfirmed: " + "; ".join(notes),
        tuple(claude_only + offline_only),
    )


def check(
    claude: Sequence[tuple[Draft, frozenset[str]]],
    offline: Sequence[Facts] | None,
    context: DraftContext,
) -> list[Checked]:
    """Claude's drafts (each with the fields whose number it invented) against the offline
    reader's facts.

    With an offline reading, one Checked per offline draft (they are what the cards show);
    without one (the offline reader found no write-off), Claude's drafts, each unconfirmed."""
    cur = context.policy.currency
    claude_drafts = [d for d, _ in claude]
    if offline is None:
        note = (
            "Only Claude read this message (the offline reader found no write-off in it): "
            "check every figure"
        )
        return [
            Checked(
                _with(
                    d,
                    confidence=_cap(d, UNCONFIRMED_CAP),
                    warnings=(note,),
                    explanation="Read by Claude alone; confidence lowered",
                ),
                SecondReading.UNCONFIRMED,
                note,
            )
            for d in claude_drafts
        ]
    offline_drafts = [build_draft(f, context) for f in offline]
    if len(claude_drafts) != len(offline_drafts):
        note = (
            f"Claude read {len(claude_drafts)} write-off(s) in this message, the offline reader "
            f"{len(offline_drafts)}: check that the drafts cover the message"
        )
        return [
            Checked(
                _with(
                    d,
                    confidence=_cap(d, DIFFERS_CAP),
                    warnings=(note,),
                    explanation="The second reading (Claude) differs; confidence lowered",
                ),
                SecondReading.DIFFERS,
                f"{note} (offline: {describe(d, cur)})",
                ("count",),
            )
            for d in offline_drafts
        ]
    checked = [
        check_pair(o, c, invented, context)
        for o, (c, invented) in zip(offline_drafts, claude, strict=True)
    ]
    # (agreement raises a part's confidence; a part beside an open one stays unsure)
    drafts = whole_message([c.draft for c in checked])
    return [replace(c, draft=d) for c, d in zip(checked, drafts, strict=True)]
