"""The draft card, in every status, and the "Approve all" message beside a batch of cards.

Renders the CardView it is given (bot/services/cards.py builds it from the books).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from bot.services.display import CardLine, CardView
from bot.slack.ids import Id
from bot.slack.ui.kit import (
    MAX_BUTTON_VALUE,
    MAX_MESSAGE_BLOCKS,
    MAX_SECTION_TEXT,
    Block,
    actions,
    amount,
    button,
    clip,
    confirm,
    context,
    date_token,
    escape,
    fields,
    header,
    mention,
    number,
    plain,
    price,
    quote,
    section,
    truncate,
)
from ledger.money import format_money
from ledger.status import EntryStatus

_HEADERS = {
    EntryStatus.DRAFT: "Write-off draft",
    EntryStatus.POSTED: "Write-off posted",
    EntryStatus.REJECTED: "Write-off rejected",
    EntryStatus.REVERSED: "Write-off reversed",
    EntryStatus.EXPIRED: "Write-off draft expired",
}
SOURCE_LIMIT = 1500  # a card stays readable; the full text is in the books
TABLE_NAME_WIDTH = 30
MAX_TABLE_LINES = 20
MAX_EXPLANATION_LINES = 8
KIND_LABELS = {"write_off": "Write-off", "write_down": "Write-down", "reserve": "Reserve"}


def _header_text(view: CardView) -> str:
    title = _HEADERS.get(view.status, f"Write-off {view.status}")
    if view.number and view.status in (EntryStatus.POSTED, EntryStatus.REVERSED):
        return f"{title} {view.number}"
    return f"{title} #{view.entry_id}"


def pending_confirm_blocks(entry_id: int, version: str, text: str) -> list[Block]:
    """Approve clicked while the second reading is due: say so, offer to approve anyway.
    The button carries the draft's version, so it only approves the draft that was asked
    about (not one the second reading changed meanwhile)."""
    value = f"{entry_id}|{version}"
    return [
        section(text),
        actions(
            Id.BLOCK_APPROVE_PENDING.format(entry_id),
            button("Approve without it", Id.APPROVE_PENDING, value, "primary"),
        ),
    ]


def fallback_text(view: CardView) -> str:
    """Notification text (no user text in it: some clients show it unescaped)."""
    total = format_money(view.total, view.currency)
    if view.status == EntryStatus.POSTED:
        return f"Write-off {view.number} posted: {total}"
    if view.status == EntryStatus.REJECTED:
        return f"Write-off draft #{view.entry_id} rejected"
    if view.status == EntryStatus.REVERSED:
        by = f" by {view.reversed_by_number}" if view.reversed_by_number else ""
        return f"Write-off {view.number} reversed{by}: {total}"
    if view.status == EntryStatus.EXPIRED:
        return f"Write-off draft #{view.entry_id} expired; nothing was posted"
    if view.status != EntryStatus.DRAFT:
        return f"Write-off #{view.entry_id}: {view.status}"
    if view.approvals and len(view.approvals) < view.approvals_needed:
        return (
            f"Write-off draft #{view.entry_id} for {total}: {len(view.approvals)} of "
            f"{view.approvals_needed} approvals"
        )
    return f"Write-off draft #{view.entry_id} for {total} awaiting approval"


def lines_table(lines: Sequence[CardLine], total: Decimal, currency: str) -> str:
    """The entry as a monospace table: account code + name, debit, credit, and the totals."""
    debit_total = sum((ln.debit for ln in lines), Decimal(0))
    credit_total = sum((ln.credit for ln in lines), Decimal(0))
    width = max([len(amount(debit_total)), len(amount(credit_total)), 6])
    shown = list(lines[:MAX_TABLE_LINES])
    labels = [f"{ln.account} {ln.name}".strip() for ln in shown]
    # As narrow as the longest label allows, so the table also fits on a phone.
    label_width = min(max([len(x) for x in labels] + [len("Account")]), TABLE_NAME_WIDTH + 6)

    def row(label: str, debit: str, credit: str) -> str:
        # Pad on the raw text (entities show as one character), escape afterwards; backticks
        # would close the code block.
        label = plain(label, label_width).replace("`", "'")
        return escape(f"{label:<{label_width}} {debit:>{width}} {credit:>{width}}")

    rows = [row("Account", "Debit", "Credit")]
    for ln, label in zip(shown, labels, strict=True):
        rows.append(
            row(
                label,
                amount(ln.debit) if ln.debit else "",
                amount(ln.credit) if ln.credit else "",
            )
        )
    if len(lines) > len(shown):
        rows.append(escape(f"… and {len(lines) - len(shown)} more lines"))
    rows.append(row("Total", amount(debit_total), amount(credit_total)))
    body = "\n".join(rows)
    budget = MAX_SECTION_TEXT - 200
    if len(body) > budget:  # only with pathological names: keep header and totals
        body = truncate("\n".join(rows[:-1]), budget - len(rows[-1]) - 1) + "\n" + rows[-1]
    return f"*Amount:* {format_money(total, currency)}\n```\n{body}\n```"


def _facts(view: CardView) -> Block | None:
    facts: list[tuple[str, str]] = []
    facts.append(("Type", KIND_LABELS.get(view.kind, view.kind.replace("_", " ").capitalize())))
    if view.reason:
        facts.append(("Reason", view.reason))
    if view.sku:
        facts.append(("SKU", view.sku))
    if view.quantity is not None:
        facts.append(("Quantity", f"{number(view.quantity)} {view.unit or 'units'}"))
    if view.unit_cost is not None:
        facts.append(("Unit cost", price(view.unit_cost, view.currency)))
    if view.location:
        facts.append(("Location", view.location))
    if view.entry_date:
        facts.append(("Entry date", view.entry_date.isoformat()))
    if view.memo:
        facts.append(("Memo", view.memo))
    return fields(facts)


def confidence_text(
    confidence: float | None, reviewed: bool, reviewer: str | None = None
) -> str | None:
    """'🟢 Confidence 94%' (🟡 from 60%, 🔴 below); once a person edited the draft the model's
    confidence no longer applies: 'reviewed by <person>' replaces it."""
    if reviewed and reviewer:
        return f"✅ Reviewed by {mention(reviewer)}"
    parts = []
    if confidence is not None:
        pct = math.floor(max(0.0, min(1.0, confidence)) * 100 + 1e-9)
        cue = "🟢" if pct >= 90 else "🟡" if pct >= 60 else "🔴"
        parts.append(f"{cue} Confidence {pct}%")
    if reviewed:
        parts.append("✅ reviewed by a person")
    return " · ".join(parts) or None


# What a missing field is called on the card, and how the reporter can give it in a reply.
FIELD_NAMES = {
    "unit_cost": "unit cost",
    "sku": "SKU",
    "quantity": "quantity",
    "amount": "amount",
    "reason": "reason",
    "account": "account",
    "location": "location",
}
# Only an approver can fix these (with Edit); the reporter is not asked about them.
APPROVER_ONLY = frozenset({"account"})
REPLY_EXAMPLES = {
    "unit_cost": "'at $12 each'",
    "quantity": "'30 units'",
    "amount": "'$450 in total'",
    "reason": "'they were damaged'",
}


def field_name(name: str) -> str:
    return FIELD_NAMES.get(name, name.replace("_", " "))


def _missing_text(missing: Sequence[str], reporter: str | None) -> str:
    """Addressed to who can act: the reporter replies in the thread, approvers use Edit."""
    names = ", ".join(escape(field_name(m)) for m in missing)
    askable = [m.replace(" ", "_") for m in missing if m.replace(" ", "_") in REPLY_EXAMPLES]
    if not askable:
        return f"❗ Missing: {names} — an approver can use Edit to fill it in"
    example = REPLY_EXAMPLES[askable[0]]
    return (
        f"❗ Missing: {names} — {mention(reporter, 'the reporter')} can reply in this thread "
        f"(e.g. {example}), or an approver can use Edit"
    )


SECOND_READING_TEXT = {
    "pending": "⏳ Second reading (Claude) on its way: this card updates when it arrives",
    "agreed": "✅ Second reading (Claude) agrees",
    "differs": "⚠️ Second reading (Claude) differs: see the warnings",
    "unconfirmed": "⚠️ Second reading (Claude) confirms only part of this: see the warnings",
    "unavailable": "⚪ Second reading unavailable: this is the offline reading alone",
}


def second_reading_text(state: str | None, status: str = EntryStatus.DRAFT) -> str | None:
    """Where Claude's reading stands. Once a draft is decided its lines no longer change, so a
    late reading that does not agree is a prompt to check the entry, not a warning below."""
    if status != EntryStatus.DRAFT:
        if state in ("differs", "unconfirmed"):
            return (
                "⚠️ Claude's second reading arrived after the decision and does not agree: "
                "check this entry (the audit trail has both readings)"
            )
        return "✅ Second reading (Claude) agrees" if state == "agreed" else None
    return SECOND_READING_TEXT.get(state or "")


def _status_blocks(view: CardView) -> list[Block]:
    qbo = f"QuickBooks: {clip(view.qbo_status or 'not connected', 500)}"
    entry = str(view.entry_id)
    if view.status == EntryStatus.POSTED:
        return [
            section(
                f"✅ *Posted* as *{clip(view.number or '', 40)}* by {mention(view.approved_by)}"
                f" · {date_token(view.approved_at)}\n{qbo}"
            ),
            actions(
                Id.BLOCK_ENTRY_POSTED.format(entry),
                button("Reverse", Id.REVERSE, entry),
                *([button("Draft true-up", Id.QBO_TRUE_UP, entry)] if view.true_up_offered else []),
            ),
        ]
    if view.status == EntryStatus.REVERSED:
        by = f" by *{clip(view.reversed_by_number, 40)}*" if view.reversed_by_number else ""
        reversal_qbo = ""
        if view.reversed_by_number:
            state = clip(view.reversal_qbo_status or "not connected", 500)
            reversal_qbo = f"\nReversal {clip(view.reversed_by_number, 40)} in QuickBooks: {state}"
        return [
            section(
                f"↩️ *Reversed*{by}. Originally posted as *{clip(view.number or '', 40)}* by "
                f"{mention(view.approved_by)} · {date_token(view.approved_at)}\n{qbo}"
                f"{reversal_qbo}"
            )
        ]
    if view.status == EntryStatus.REJECTED:
        why = clip(view.rejection_reason or "no reason given", 1500)
        who = mention(view.rejected_by)
        return [section(f"🚫 *Rejected* by {who}: {why}\nNothing was posted.")]
    if view.status == EntryStatus.EXPIRED:
        return [section("⌛ This draft expired without a decision; nothing was posted.")]
    if view.status != EntryStatus.DRAFT:
        return [section(f"Status: {clip(view.status, 100)}")]
    buttons = []
    if view.complete:
        check = None
        if view.total >= view.materiality:
            total = format_money(view.total, view.currency)
            threshold = format_money(view.materiality, view.currency)
            check = confirm(
                "Post this write-off?",
                f"This posts {total} to the books. It is at or over the {threshold} "
                "materiality threshold.",
                "Post it",
            )
        buttons.append(button("Approve", Id.APPROVE, entry, "primary", check))
    buttons.append(button("Edit", Id.EDIT, entry))
    buttons.append(button("Reject", Id.REJECT, entry, "danger"))
    return [actions(Id.BLOCK_ENTRY_ACTIONS.format(entry), *buttons)]


def draft_card(view: CardView) -> list[Block]:
    """The card for an entry in any status: what was reported, the entry, why, and buttons."""
    blocks: list[Block] = [header(_header_text(view))]
    who = [f"Reported by {mention(view.reporter)} · {date_token(view.created_at)}"]
    if view.company:  # several companies: say whose books this is
        who.insert(0, f"Client: *{escape(view.company)}*")
    if view.drafted_by:
        who.append(f"Drafted by {mention(view.drafted_by)}")
    if view.edited_by:
        who.append(f"Edited by {mention(view.edited_by)}")
    blocks.append(context(*who))
    blocks.append(section(quote(view.source_text, SOURCE_LIMIT)))
    if view.lines:
        blocks.append(section(lines_table(view.lines, view.total, view.currency)))
    else:
        blocks.append(section("*No journal lines yet.* Use Edit to add them."))
    facts = _facts(view)
    if facts:
        blocks.append(facts)
    conf = confidence_text(view.confidence, view.reviewed, view.edited_by)
    second = second_reading_text(view.second_reading, view.status)
    if conf or second:
        blocks.append(context(*[t for t in (conf, second) if t]))
    if view.explanation:
        shown = view.explanation[:MAX_EXPLANATION_LINES]
        text = "*Why these accounts*\n" + "\n".join(f"• {clip(e, 600)}" for e in shown)
        if len(view.explanation) > len(shown):
            text += f"\n… and {len(view.explanation) - len(shown)} more"
        blocks.append(section(text))
    if view.exceptions:
        shown = view.exceptions[:MAX_EXPLANATION_LINES]
        text = "*Policy exceptions*\n" + "\n".join(f"⚠️ {clip(e, 600)}" for e in shown)
        if len(view.exceptions) > len(shown):
            text += f"\n⚠️ … and {len(view.exceptions) - len(shown)} more"
        blocks.append(section(text))
    if view.warnings:
        shown = view.warnings[:MAX_EXPLANATION_LINES]
        text = "\n".join(f"⚠️ {clip(w, 600)}" for w in shown)
        if len(view.warnings) > len(shown):
            text += f"\n⚠️ … and {len(view.warnings) - len(shown)} more warnings"
        blocks.append(section(text))
    if view.status == EntryStatus.DRAFT:
        if view.missing:
            blocks.append(section(_missing_text(view.missing[:20], view.reporter)))
        elif len(view.lines) < 2:
            blocks.append(section("❗ An entry needs at least two lines — use Edit to add them"))
        elif not view.balanced:
            blocks.append(section("❗ Debits and credits are not equal — use Edit to fix them"))
    if view.status == EntryStatus.DRAFT:
        rules = approval_notes(view)
        if rules:
            blocks.append(context(*rules))
    blocks.extend(_status_blocks(view))
    return blocks[:MAX_MESSAGE_BLOCKS]


def _who(ids: Sequence[str]) -> str:
    return " or ".join(f"<!subteam^{i}>" if i.startswith("S") else mention(i) for i in ids)


def approval_notes(view: CardView) -> list[str]:
    """Who may approve this draft, in the words of the approval rules (each one line)."""
    notes = []
    if view.approver_ids:
        notes.append(f"Approval: needs {_who(view.approver_ids[:10])}")
    if view.approvals_needed > 1:
        if view.approvals:
            given = ", ".join(
                f"{mention(by)} approved {date_token(at)}" for by, at in view.approvals
            )
            notes.append(f"{len(view.approvals)} of {view.approvals_needed} approvals: {given}")
        else:
            notes.append(f"Needs {view.approvals_needed} different approvers")
    if view.preparers and (view.exceptions or not view.self_approval_allowed):
        names = ", ".join(mention(p) for p in view.preparers[:5])
        notes.append(f"Changed by {names}: an approver other than them must approve it")
    return notes


# -- approve all -----------------------------------------------------------------------------


def _chunks(ids: Sequence[int], limit: int) -> list[list[int]]:
    """Split ids so each comma-joined chunk fits in one button value."""
    chunks: list[list[int]] = [[]]
    size = 0
    for i in ids:
        add = len(str(i)) + (1 if chunks[-1] else 0)
        if chunks[-1] and size + add > limit:
            chunks.append([])
            size, add = 0, len(str(i))
        chunks[-1].append(i)
        size += add
    return [c for c in chunks if c]


def approve_all_blocks(entry_ids: list[int], total: Decimal, currency: str) -> list[Block]:
    """One "Approve all (N)" button whose value is the comma-joined ids.

    When the ids do not fit in one button value (2,000 characters), they are split over
    several buttons, one per actions block (so each keeps the same action id), and the
    message says so.
    """
    ids = list(entry_ids)
    money = format_money(total, currency)
    blocks: list[Block] = [
        section(
            f"*{len(ids)} complete write-offs* for *{money}*. Approve them all at once, "
            "or one by one on each card."
        )
    ]
    chunks = _chunks(ids, MAX_BUTTON_VALUE)
    room = MAX_MESSAGE_BLOCKS - 3  # the summary, a possible note, and one spare
    if len(chunks) > 1:
        note = f"Too many for one button: approve them in {len(chunks)} batches."
        if len(chunks) > room:
            left = sum(len(c) for c in chunks[room:])
            note += f" {left} more are not listed here; approve those on their cards."
            chunks = chunks[:room]
        blocks.append(context(note))
    for n, chunk in enumerate(chunks):
        single = len(chunks) == 1
        label = f"Approve all ({len(chunk)})" if single else f"Approve batch {n + 1} ({len(chunk)})"
        what = f"{len(chunk)} write-offs" if single else f"batch {n + 1} ({len(chunk)})"
        check = confirm(
            "Approve all?", f"This posts {what} to the books ({money} in all).", "Post them"
        )
        value = ",".join(map(str, chunk))
        blocks.append(
            actions(
                Id.BLOCK_APPROVE_ALL.format(n),
                button(label, Id.APPROVE_ALL, value, "primary", check),
            )
        )
    return blocks


def approved_all_note(blocks: Sequence[Block], clicked_block: str, summary: str) -> list[Block]:
    """The "Approve all" message after a click: the clicked batch button gone, a note added."""
    kept = [b for b in blocks if b.get("block_id") != clicked_block]
    kept.append(context(summary))
    return kept
