"""Block Kit rendering: cards, buttons, forms and modals, as plain dicts for the Web API.

Pure functions only (no I/O, no Slack client, no database). Every piece of user text goes
through `escape` (mrkdwn) and is shortened visibly to fit Slack's limits, because Slack
rejects the whole call (`invalid_blocks`) when one field is too long: a long report must
still produce a card, never an error.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from ledger.money import MoneyError, format_money, parse_amount, parse_decimal, quantize

# -- Slack limits (https://docs.slack.dev/reference/block-kit) ---------------------------------

MAX_MESSAGE_BLOCKS = 50
MAX_MODAL_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ID = 255  # action_id and block_id
MAX_MODAL_TITLE = 24
MAX_PRIVATE_METADATA = 3000
MAX_OPTIONS = 100  # per static_select, and option groups per select
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
MAX_CONTEXT_TEXT = 2000  # Slack documents no lower limit; keep context elements short
MAX_LABEL = 2000

FRIENDLY_ERROR = "Something went wrong drafting this; nothing was posted. Try again or use Edit."
NOT_ALLOWED_ERROR = "You are not allowed to do that here."
AMOUNT_ERROR = "Enter an amount like 125.00"

# -- action ids (buttons) and callback ids (modals): the listeners register these ------------

ACTION_APPROVE = "approve"
ACTION_EDIT = "edit"
ACTION_REJECT = "reject"
ACTION_REVERSE = "reverse"
ACTION_APPROVE_ALL = "approve_all"

CALLBACK_NEW_WRITEOFF = "writeoff_form"
CALLBACK_EDIT = "edit_entry"
CALLBACK_REJECT = "reject_entry"
CALLBACK_REVERSE = "reverse_entry"

# -- block ids in modals. In every input block the element's action_id equals its block_id,
# so `state.values[BLOCK][BLOCK]` reads a field. ------------------------------------------

FORM_SKU = "form_sku"
FORM_QUANTITY = "form_quantity"
FORM_UNIT_COST = "form_unit_cost"
FORM_TOTAL = "form_total"
FORM_REASON = "form_reason"
FORM_LOCATION = "form_location"
FORM_NOTE = "form_note"

EDIT_ENTRY_DATE = "entry_date"
EDIT_MEMO = "memo"
LINE_ACCOUNT = "line_{}_account"  # .format(row) -> "line_0_account"
LINE_DEBIT = "line_{}_debit"
LINE_CREDIT = "line_{}_credit"
SPARE_ROWS = 2  # blank rows under the existing lines in the edit modal, to add lines
MAX_EDIT_ROWS = 30  # 3 blocks per row keeps the modal under 100 blocks
MEMO_MAX = 500  # what ledger.posting.edit_draft keeps

REASON_BLOCK = "reason"  # reject and reverse modals; action_id is the same
REASON_MAX = 500

# The reasons the form offers: (option value, label, phrase the drafter understands).
FORM_REASONS: tuple[tuple[str, str, str], ...] = (
    ("damaged", "Damaged", "damaged"),
    ("expired", "Expired", "expired"),
    ("obsolete", "Obsolete", "obsolete"),
    ("shrinkage", "Shrinkage / missing", "missing on count"),
    ("theft", "Theft", "stolen"),
    ("fire_flood", "Fire / flood", "lost in a fire or flood"),
    ("write_down", "Write-down (still sellable)", "write down"),
)

_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_PERMALINK = re.compile(r"^https://[^\s<>|]+$")
_ENTITY_TAIL = re.compile(r"&[a-z]{0,3}$")  # a cut that would leave half of &amp; &lt; &gt;
ELLIPSIS = "…"

# -- the view the app builds from the books --------------------------------------------------


@dataclass(frozen=True)
class CardLine:
    account: str
    name: str
    debit: Decimal
    credit: Decimal


@dataclass(frozen=True)
class CardView:
    entry_id: int
    status: str  # draft | posted | rejected | reversed | expired
    source_text: str
    reporter: str | None  # Slack user id
    created_at: datetime
    lines: tuple[CardLine, ...]
    total: Decimal
    kind: str
    reason: str | None
    sku: str | None
    quantity: Decimal | None
    unit: str | None
    unit_cost: Decimal | None
    location: str | None
    confidence: float | None
    reviewed: bool
    edited_by: str | None
    explanation: tuple[str, ...]
    warnings: tuple[str, ...]
    missing: tuple[str, ...]
    number: str | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None
    rejected_by: str | None = None
    rejection_reason: str | None = None
    qbo_status: str | None = None  # "not connected" / "pending" / "synced, ..." / failure
    reversed_by_number: str | None = None
    currency: str = "USD"
    materiality: Decimal = Decimal("1000.00")
    entry_date: date | None = None
    memo: str = ""

    @property
    def balanced(self) -> bool:
        return sum((ln.debit for ln in self.lines), Decimal(0)) == sum(
            (ln.credit for ln in self.lines), Decimal(0)
        )

    @property
    def complete(self) -> bool:
        """Approvable as it stands: nothing missing, two or more lines, balanced."""
        return not self.missing and len(self.lines) >= 2 and self.balanced


# -- text helpers ----------------------------------------------------------------------------


def escape(text: str) -> str:
    """mrkdwn-escape user text so <!channel>, <@U1> and <https://x|y> never ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters; when shortened, ends with "…" so the cut is visible.

    Meant for already-escaped text: it never cuts an entity such as &amp; in half (half an
    entity would show as garbage, or let a bare & start a new one).
    """
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    head = text[: limit - len(ELLIPSIS)]
    m = _ENTITY_TAIL.search(head)
    if m:
        head = head[: m.start()]
    return head + ELLIPSIS


def clip(text: str, limit: int) -> str:
    """escape then truncate: the usual treatment for user text in mrkdwn."""
    return truncate(escape(text), limit)


def _plain(text: str, limit: int) -> str:
    """Shorten plain_text (no mrkdwn, so no escaping) visibly."""
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)] + ELLIPSIS


def mention(user: str | None, fallback: str = "someone") -> str:
    """<@U123> for a real Slack user id; anything else is shown as escaped text."""
    if user and _SLACK_ID.match(user):
        return f"<@{user}>"
    return clip(user, 80) if user else fallback


def date_token(when: datetime | None) -> str:
    """Slack shows this in the reader's own time zone; the fallback is UTC."""
    if when is None:
        return "unknown time"
    aware = when if when.tzinfo else when.replace(tzinfo=UTC)  # the books store naive UTC
    unix = int(aware.timestamp())
    fallback = aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{unix}^{{date_short_pretty}} {{time}}|{fallback}>"


def _amount(value: Decimal) -> str:
    return f"{quantize(value):,.2f}"


def _number(value: Decimal) -> str:
    normal = value.normalize()
    return format(normal, "f")  # normalize() turns 40 into 4E+1


def _price(value: Decimal, currency: str) -> str:
    """Unit costs may carry more than cents ($0.125): show them exactly."""
    if quantize(value) == value:
        return format_money(value, currency)
    return f"{_number(value)} {currency}" if currency != "USD" else f"${_number(value)}"


def _text(text: str, kind: str = "mrkdwn") -> dict[str, Any]:
    return {"type": kind, "text": text}


def _pt(text: str, limit: int = MAX_LABEL) -> dict[str, Any]:
    return {"type": "plain_text", "text": _plain(text, limit), "emoji": True}


def _section(text: str, block_id: str | None = None) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "section", "text": _text(truncate(text, MAX_SECTION_TEXT))}
    if block_id:
        block["block_id"] = block_id
    return block


def _context(*texts: str) -> dict[str, Any]:
    return {
        "type": "context",
        "elements": [_text(truncate(t, MAX_CONTEXT_TEXT)) for t in texts[:10]],
    }


def _header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": _pt(text, MAX_HEADER_TEXT)}


def _button(
    text: str,
    action_id: str,
    value: str,
    style: str | None = None,
    confirm: dict[str, Any] | None = None,
) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "text": _pt(text, MAX_BUTTON_TEXT),
        "action_id": action_id,
        "value": value[:MAX_BUTTON_VALUE],
    }
    if style:
        button["style"] = style
    if confirm:
        button["confirm"] = confirm
    return button


def _confirm(title: str, text: str, yes: str, no: str = "Cancel") -> dict[str, Any]:
    return {
        "title": _pt(title, 100),
        "text": _text(truncate(text, 300), "plain_text"),
        "confirm": _pt(yes, 30),
        "deny": _pt(no, 30),
    }


def quote(text: str, limit: int) -> str:
    """User text as a mrkdwn block quote, escaped, within `limit` characters."""
    escaped = escape(text.strip()) or "(no text)"
    quoted = "\n".join("> " + ln if ln.strip() else ">" for ln in escaped.splitlines())
    return truncate(quoted, limit)


# -- the card --------------------------------------------------------------------------------

_HEADERS = {
    "draft": "Write-off draft",
    "posted": "Write-off posted",
    "rejected": "Write-off rejected",
    "reversed": "Write-off reversed",
    "expired": "Write-off draft expired",
}
SOURCE_LIMIT = 1500  # a card stays readable; the full text is in the books
TABLE_NAME_WIDTH = 30
MAX_TABLE_LINES = 20
MAX_EXPLANATION_LINES = 8


def _header_text(view: CardView) -> str:
    title = _HEADERS.get(view.status, f"Write-off {view.status}")
    if view.number and view.status in ("posted", "reversed"):
        return f"{title} {view.number}"
    return f"{title} #{view.entry_id}"


def lines_table(lines: Sequence[CardLine], total: Decimal, currency: str) -> str:
    """The entry as a monospace table: account code + name, debit, credit, and the totals."""
    debit_total = sum((ln.debit for ln in lines), Decimal(0))
    credit_total = sum((ln.credit for ln in lines), Decimal(0))
    width = max([len(_amount(debit_total)), len(_amount(credit_total)), 6])
    shown = list(lines[:MAX_TABLE_LINES])
    labels = [f"{ln.account} {ln.name}".strip() for ln in shown]
    # As narrow as the longest label allows, so the table also fits on a phone.
    label_width = min(max([len(x) for x in labels] + [len("Account")]), TABLE_NAME_WIDTH + 6)

    def row(label: str, debit: str, credit: str) -> str:
        # Pad on the raw text (entities show as one character), escape afterwards; backticks
        # would close the code block.
        label = _plain(label, label_width).replace("`", "'")
        return escape(f"{label:<{label_width}} {debit:>{width}} {credit:>{width}}")

    rows = [row("Account", "Debit", "Credit")]
    for ln, label in zip(shown, labels, strict=True):
        rows.append(
            row(
                label,
                _amount(ln.debit) if ln.debit else "",
                _amount(ln.credit) if ln.credit else "",
            )
        )
    if len(lines) > len(shown):
        rows.append(escape(f"… and {len(lines) - len(shown)} more lines"))
    rows.append(row("Total", _amount(debit_total), _amount(credit_total)))
    body = "\n".join(rows)
    budget = MAX_SECTION_TEXT - 200
    if len(body) > budget:  # only with pathological names: keep header and totals
        body = truncate("\n".join(rows[:-1]), budget - len(rows[-1]) - 1) + "\n" + rows[-1]
    return f"*Amount:* {format_money(total, currency)}\n```\n{body}\n```"


def _facts(view: CardView) -> dict[str, Any] | None:
    facts: list[tuple[str, str]] = []
    kind = {"write_off": "Write-off", "write_down": "Write-down", "reserve": "Reserve"}
    facts.append(("Type", kind.get(view.kind, view.kind.replace("_", " ").capitalize())))
    if view.reason:
        facts.append(("Reason", view.reason))
    if view.sku:
        facts.append(("SKU", view.sku))
    if view.quantity is not None:
        facts.append(("Quantity", f"{_number(view.quantity)} {view.unit or 'units'}"))
    if view.unit_cost is not None:
        facts.append(("Unit cost", _price(view.unit_cost, view.currency)))
    if view.location:
        facts.append(("Location", view.location))
    if view.entry_date:
        facts.append(("Entry date", view.entry_date.isoformat()))
    if view.memo:
        facts.append(("Memo", view.memo))
    fields = [_text(f"*{label}*\n{clip(value, 500)}") for label, value in facts[:10]]
    return {"type": "section", "fields": fields} if fields else None


def confidence_text(confidence: float | None, reviewed: bool) -> str | None:
    """'🟢 Confidence 94%' (🟡 from 60%, 🔴 below), plus 'reviewed by a person'."""
    parts = []
    if confidence is not None:
        pct = math.floor(max(0.0, min(1.0, confidence)) * 100 + 1e-9)
        cue = "🟢" if pct >= 90 else "🟡" if pct >= 60 else "🔴"
        parts.append(f"{cue} Confidence {pct}%")
    if reviewed:
        parts.append("✅ reviewed by a person")
    return " · ".join(parts) or None


def _missing_text(missing: Sequence[str]) -> str:
    names = ", ".join(escape(m) for m in missing)
    them = "it" if len(missing) == 1 else "them"
    return f"❗ Missing: {names} — use Edit to fill {them} in"


def _status_blocks(view: CardView) -> list[dict[str, Any]]:
    qbo = f"QuickBooks: {clip(view.qbo_status or 'not connected', 500)}"
    if view.status == "posted":
        return [
            _section(
                f"✅ *Posted* as *{clip(view.number or '', 40)}* by {mention(view.approved_by)}"
                f" · {date_token(view.approved_at)}\n{qbo}"
            ),
            {
                "type": "actions",
                "block_id": f"entry_{view.entry_id}_posted",
                "elements": [_button("Reverse", ACTION_REVERSE, str(view.entry_id))],
            },
        ]
    if view.status == "reversed":
        by = f" by *{clip(view.reversed_by_number, 40)}*" if view.reversed_by_number else ""
        return [
            _section(
                f"↩️ *Reversed*{by}. Originally posted as *{clip(view.number or '', 40)}* by "
                f"{mention(view.approved_by)} · {date_token(view.approved_at)}\n{qbo}"
            )
        ]
    if view.status == "rejected":
        why = clip(view.rejection_reason or "no reason given", 1500)
        who = mention(view.rejected_by)
        return [_section(f"🚫 *Rejected* by {who}: {why}\nNothing was posted.")]
    if view.status == "expired":
        return [_section("⌛ This draft expired without a decision; nothing was posted.")]
    if view.status != "draft":
        return [_section(f"Status: {clip(view.status, 100)}")]
    buttons = []
    if view.complete:
        confirm = None
        if view.total >= view.materiality:
            total = format_money(view.total, view.currency)
            threshold = format_money(view.materiality, view.currency)
            confirm = _confirm(
                "Post this write-off?",
                f"This posts {total} to the books. It is at or over the {threshold} "
                "materiality threshold.",
                "Post it",
            )
        buttons.append(_button("Approve", ACTION_APPROVE, str(view.entry_id), "primary", confirm))
    buttons.append(_button("Edit", ACTION_EDIT, str(view.entry_id)))
    buttons.append(_button("Reject", ACTION_REJECT, str(view.entry_id), "danger"))
    return [{"type": "actions", "block_id": f"entry_{view.entry_id}_actions", "elements": buttons}]


def draft_card(view: CardView) -> list[dict[str, Any]]:
    """The card for an entry in any status: what was reported, the entry, why, and buttons."""
    blocks: list[dict[str, Any]] = [_header(_header_text(view))]
    who = [f"Reported by {mention(view.reporter)} · {date_token(view.created_at)}"]
    if view.edited_by:
        who.append(f"Edited by {mention(view.edited_by)}")
    blocks.append(_context(*who))
    blocks.append(_section(quote(view.source_text, SOURCE_LIMIT)))
    if view.lines:
        blocks.append(_section(lines_table(view.lines, view.total, view.currency)))
    else:
        blocks.append(_section("*No journal lines yet.* Use Edit to add them."))
    facts = _facts(view)
    if facts:
        blocks.append(facts)
    conf = confidence_text(view.confidence, view.reviewed)
    if conf:
        blocks.append(_context(conf))
    if view.explanation:
        shown = view.explanation[:MAX_EXPLANATION_LINES]
        text = "*Why these accounts*\n" + "\n".join(f"• {clip(e, 600)}" for e in shown)
        if len(view.explanation) > len(shown):
            text += f"\n… and {len(view.explanation) - len(shown)} more"
        blocks.append(_section(text))
    if view.warnings:
        shown = view.warnings[:MAX_EXPLANATION_LINES]
        text = "\n".join(f"⚠️ {clip(w, 600)}" for w in shown)
        if len(view.warnings) > len(shown):
            text += f"\n⚠️ … and {len(view.warnings) - len(shown)} more warnings"
        blocks.append(_section(text))
    if view.status == "draft":
        if view.missing:
            blocks.append(_section(_missing_text(view.missing[:20])))
        elif len(view.lines) < 2:
            blocks.append(_section("❗ An entry needs at least two lines — use Edit to add them"))
        elif not view.balanced:
            blocks.append(_section("❗ Debits and credits are not equal — use Edit to fix them"))
    blocks.extend(_status_blocks(view))
    return blocks[:MAX_MESSAGE_BLOCKS]


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


def approve_all_blocks(entry_ids: list[int], total: Decimal, currency: str) -> list[dict[str, Any]]:
    """One "Approve all (N)" button whose value is the comma-joined ids.

    When the ids do not fit in one button value (2,000 characters), they are split over
    several buttons, one per actions block (so each keeps action_id "approve_all"), and the
    message says so.
    """
    ids = list(entry_ids)
    money = format_money(total, currency)
    blocks: list[dict[str, Any]] = [
        _section(
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
        blocks.append(_context(note))
    for n, chunk in enumerate(chunks):
        label = (
            f"Approve all ({len(chunk)})"
            if len(chunks) == 1
            else (f"Approve batch {n + 1} ({len(chunk)})")
        )
        what = f"{len(chunk)} write-offs" if len(chunks) == 1 else f"batch {n + 1} ({len(chunk)})"
        confirm = _confirm(
            "Approve all?", f"This posts {what} to the books ({money} in all).", "Post them"
        )
        blocks.append(
            {
                "type": "actions",
                "block_id": f"approve_all_{n}",
                "elements": [
                    _button(
                        label, ACTION_APPROVE_ALL, ",".join(map(str, chunk)), "primary", confirm
                    )
                ],
            }
        )
    return blocks


# -- reporter acknowledgement ----------------------------------------------------------------


def reporter_ack_text(count: int, permalink: str | None = None) -> str:
    """'Drafted a write-off for approval; the card is in <link|the approval channel>.'

    Pass the card's permalink when the card went to another channel than the report.
    """
    what = "a write-off" if count == 1 else f"{count} write-offs"
    if permalink is None:
        return f"Drafted {what} for approval."
    # A link with | or > in it would break the <url|label> syntax: show no link then.
    where = (
        f"<{permalink}|the approval channel>"
        if _PERMALINK.match(permalink)
        else "the approval channel"
    )
    return f"Drafted {what} for approval; the card is in {where}."


def reporter_ack_blocks(count: int, permalink: str | None = None) -> list[dict[str, Any]]:
    return [_section("📝 " + reporter_ack_text(count, permalink))]


# -- help ------------------------------------------------------------------------------------

HELP_EXAMPLES = (
    "/writeoff 40 units obsolete SKU-12 at $15",
    "/writeoff Write off $2,400 of damaged inventory from warehouse B",
    "/writeoff 2 units SKU-77 stolen from the showroom at $45",
    "/writeoff Write down 100 units SKU-30 to $8 each, still sellable",
)


def help_blocks(approvers: str | None = None) -> list[dict[str, Any]]:
    """`/writeoff help`. `approvers` (mrkdwn, e.g. a <!subteam^S1> mention) names who approves."""
    who = approvers or "the controllers set up as approvers"
    examples = "\n".join(f"• `{escape(e)}`" for e in HELP_EXAMPLES)
    return [
        _header("Inventory write-offs in Slack"),
        _section(
            "Tell me what was lost, damaged or is worth less, in plain English. I draft the "
            "journal entry (which accounts, how much, and why) and post a card for approval. "
            "Nothing reaches the books until someone approves it."
        ),
        _section(f"*Examples*\n{examples}"),
        _section(
            "*A form instead:* type `/writeoff` on its own to open a form with SKU, quantity, "
            "cost, reason and location.\n*Write-downs:* say the goods are still sellable and "
            'what they are worth now ("write down … to $8 each").'
        ),
        _section(
            f"*Who approves:* {truncate(who, 500)}. Nobody approves their own report. "
            "Approvers can *Edit* a draft (accounts, amounts, date, memo), *Reject* it with a "
            "reason, or *Approve* it; posted entries are corrected with *Reverse*."
        ),
        _section(
            "*Count sheets:* share a CSV or XLSX count (sku, expected, counted, cost) in a "
            "write-off channel: one shrinkage entry per variance, approved together.\n"
            "*More:* `/writeoff report [YYYY-MM]` · `/writeoff export YYYY-MM` · "
            "`/writeoff status` · and for approvers `/writeoff remind`, "
            "`/writeoff close YYYY-MM`, `/writeoff reopen YYYY-MM`, "
            "`/writeoff connect quickbooks`."
        ),
    ]


# -- the new write-off form ------------------------------------------------------------------


def _text_input(
    block_id: str,
    label: str,
    *,
    placeholder: str | None = None,
    optional: bool = True,
    initial: str | None = None,
    multiline: bool = False,
    max_length: int = 200,
    hint: str | None = None,
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": block_id,
        "max_length": max_length,
    }
    if multiline:
        element["multiline"] = True
    if placeholder:
        element["placeholder"] = _pt(placeholder, 150)
    if initial:
        element["initial_value"] = _plain(initial, max_length)
    block: dict[str, Any] = {
        "type": "input",
        "block_id": block_id,
        "label": _pt(label),
        "optional": optional,
        "element": element,
    }
    if hint:
        block["hint"] = _pt(hint)
    return block


def _modal(
    callback_id: str,
    title: str,
    blocks: list[dict[str, Any]],
    metadata: str,
    submit: str | None = "Submit",
) -> dict[str, Any]:
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": callback_id,
        "title": _pt(title, MAX_MODAL_TITLE),
        "close": _pt("Cancel", 24),
        "private_metadata": metadata[:MAX_PRIVATE_METADATA],
        "blocks": blocks[:MAX_MODAL_BLOCKS],
    }
    if submit:
        view["submit"] = _pt(submit, 24)
    return view


def new_writeoff_modal(channel_id: str) -> dict[str, Any]:
    """`/writeoff` alone. private_metadata is the channel id the command came from."""
    reasons = [
        {"text": _pt(label, MAX_OPTION_TEXT), "value": value} for value, label, _ in FORM_REASONS
    ]
    blocks = [
        _text_input(FORM_SKU, "SKU", placeholder="SKU-12", max_length=60),
        _text_input(FORM_QUANTITY, "Quantity", placeholder="40", max_length=30),
        _text_input(
            FORM_UNIT_COST,
            "Unit cost",
            placeholder="$15.00",
            max_length=30,
            hint="Fill in the unit cost or the total.",
        ),
        _text_input(FORM_TOTAL, "Total", placeholder="$600.00", max_length=30),
        {
            "type": "input",
            "block_id": FORM_REASON,
            "label": _pt("Reason"),
            "element": {
                "type": "static_select",
                "action_id": FORM_REASON,
                "placeholder": _pt("Choose a reason"),
                "options": reasons,
            },
        },
        _text_input(FORM_LOCATION, "Location", placeholder="Warehouse B", max_length=100),
        _text_input(
            FORM_NOTE,
            "Note",
            multiline=True,
            max_length=1000,
            placeholder="Anything the approver should know",
        ),
    ]
    return _modal(CALLBACK_NEW_WRITEOFF, "New write-off", blocks, channel_id, "Draft it")


def _value(state_values: Mapping[str, Any], block_id: str) -> dict[str, Any]:
    """The one element's state in a block, whatever its action_id; {} when absent."""
    block = state_values.get(block_id) or {}
    for element in block.values():
        if isinstance(element, dict):
            return element
    return {}


def _text_value(state_values: Mapping[str, Any], block_id: str) -> str:
    return str(_value(state_values, block_id).get("value") or "").strip()


def _selected(state_values: Mapping[str, Any], block_id: str) -> str:
    option = _value(state_values, block_id).get("selected_option") or {}
    return str(option.get("value") or "")


@dataclass(frozen=True)
class WriteoffForm:
    """What the new write-off form said, and per-block errors for a `response_action`."""

    sku: str
    quantity: Decimal | None
    unit_cost: Decimal | None
    total: Decimal | None
    reason: str
    location: str
    note: str
    errors: dict[str, str] = field(default_factory=dict)

    def as_text(self) -> str:
        """The form as one plain-English report for the drafter (the note is left out: it
        would be read for numbers; keep it as the memo)."""
        phrase = next((p for v, _, p in FORM_REASONS if v == self.reason), self.reason)
        parts = []
        if self.reason == "write_down":
            parts.append("Write down")
        if self.quantity is not None:
            parts.append(f"{_number(self.quantity)} units")
        if self.sku:
            parts.append(self.sku)
        if self.reason != "write_down":
            parts.append(phrase)
        if self.unit_cost is not None:
            word = "to" if self.reason == "write_down" else "at"
            parts.append(f"{word} ${_number(self.unit_cost)} each")
        elif self.total is not None:
            parts.append(f"totalling ${_amount(self.total)}")
        if self.location:
            parts.append(f"from {self.location}")
        return " ".join(parts)


def parse_writeoff_form(state_values: Mapping[str, Any]) -> WriteoffForm:
    errors: dict[str, str] = {}

    def number(block_id: str, money: bool) -> Decimal | None:
        raw = _text_value(state_values, block_id)
        if not raw:
            return None
        try:
            return parse_amount(raw) if money else _parse_quantity(raw)
        except MoneyError:
            errors[block_id] = AMOUNT_ERROR if money else "Enter a number like 40"
            return None

    quantity = number(FORM_QUANTITY, money=False)
    unit_cost = number(FORM_UNIT_COST, money=True)
    total = number(FORM_TOTAL, money=True)
    if (
        unit_cost is None
        and total is None
        and not errors.get(FORM_UNIT_COST)
        and not errors.get(FORM_TOTAL)
    ):
        errors[FORM_UNIT_COST] = "Enter the unit cost or the total"
    if unit_cost is not None and quantity is None and FORM_QUANTITY not in errors:
        errors[FORM_QUANTITY] = "Enter the quantity, or give the total instead of a unit cost"
    reason = _selected(state_values, FORM_REASON)
    if not reason:
        errors[FORM_REASON] = "Choose a reason"
    return WriteoffForm(
        sku=_text_value(state_values, FORM_SKU),
        quantity=quantity,
        unit_cost=unit_cost,
        total=total,
        reason=reason,
        location=_text_value(state_values, FORM_LOCATION),
        note=_text_value(state_values, FORM_NOTE),
        errors=errors,
    )


def _parse_quantity(raw: str) -> Decimal:
    value = parse_decimal(raw)
    if value <= 0:
        raise MoneyError("quantity must be positive")
    return value


# -- edit modal ------------------------------------------------------------------------------


def _option(code: str, name: str) -> dict[str, Any]:
    return {
        "text": _pt(f"{code} {name}".strip(), MAX_OPTION_TEXT),
        "value": code[:MAX_OPTION_VALUE],
    }


def account_select(
    block_id: str, chart: Sequence[tuple[str, str]], initial: tuple[str, str] | None
) -> dict[str, Any]:
    """A static_select of the chart. Over 100 accounts become option groups of 100 (Slack's
    limit per list); the line's own account is always offered, even if no longer active,
    because Slack rejects an initial_option that is not among the options."""
    seen: set[str] = set()
    accounts: list[tuple[str, str]] = []
    for code, name in [*([initial] if initial else []), *chart]:
        if code and code not in seen:
            seen.add(code)
            accounts.append((code, name))
    accounts.sort(key=lambda a: a[0])
    element: dict[str, Any] = {
        "type": "static_select",
        "action_id": block_id,
        "placeholder": _pt("Account"),
    }
    if len(accounts) <= MAX_OPTIONS:
        element["options"] = [_option(c, n) for c, n in accounts]
    else:
        groups = [accounts[i : i + MAX_OPTIONS] for i in range(0, len(accounts), MAX_OPTIONS)]
        element["option_groups"] = [
            {
                "label": _pt(f"Accounts {g[0][0]} – {g[-1][0]}", 75),
                "options": [_option(c, n) for c, n in g],
            }
            for g in groups[:MAX_OPTIONS]
        ]
    if initial and initial[0]:
        element["initial_option"] = _option(*initial)
    return element


def edit_modal(view: CardView, chart: list[tuple[str, str]]) -> dict[str, Any]:
    """Edit a draft's lines, date and memo. private_metadata is str(entry_id).

    Rows: the existing lines plus SPARE_ROWS blank ones. A row with both amounts blank is
    dropped on save (Slack cannot clear a select, so that is how a line is removed).
    """
    rows = min(len(view.lines) + SPARE_ROWS, MAX_EDIT_ROWS)
    blocks: list[dict[str, Any]] = [
        _section(quote(view.source_text, 1000)),
        _context("To remove a line, clear its amounts. Each line has a debit or a credit."),
    ]
    if len(view.lines) + SPARE_ROWS > MAX_EDIT_ROWS:
        blocks.append(
            _context(
                f"⚠️ Only the first {MAX_EDIT_ROWS} lines fit here; saving keeps only what is shown."
            )
        )
    for i in range(rows):
        line = view.lines[i] if i < len(view.lines) else None
        account = LINE_ACCOUNT.format(i)
        blocks.append(
            {
                "type": "input",
                "block_id": account,
                "optional": True,
                "label": _pt(f"Line {i + 1} account"),
                "element": account_select(
                    account, chart, (line.account, line.name) if line else None
                ),
            }
        )
        for block_id, label, amount in (
            (LINE_DEBIT.format(i), f"Line {i + 1} debit", line.debit if line else None),
            (LINE_CREDIT.format(i), f"Line {i + 1} credit", line.credit if line else None),
        ):
            blocks.append(
                _text_input(
                    block_id,
                    label,
                    placeholder="0.00",
                    max_length=30,
                    initial=str(quantize(amount)) if amount else None,
                )
            )
    initial_date = view.entry_date or view.created_at.date()
    blocks.append(
        {
            "type": "input",
            "block_id": EDIT_ENTRY_DATE,
            "label": _pt("Entry date"),
            "element": {
                "type": "datepicker",
                "action_id": EDIT_ENTRY_DATE,
                "initial_date": initial_date.isoformat(),
            },
        }
    )
    blocks.append(
        _text_input(
            EDIT_MEMO, "Memo", multiline=True, max_length=MEMO_MAX, initial=view.memo or None
        )
    )
    return _modal(CALLBACK_EDIT, "Edit write-off", blocks, str(view.entry_id), "Save")


@dataclass(frozen=True)
class EditedLine:
    account: str
    debit: Decimal
    credit: Decimal


@dataclass(frozen=True)
class EditSubmission:
    """The edit modal's values. `errors` maps block_id -> message, ready for
    ack(response_action="errors", errors=...); when it is non-empty do not save."""

    lines: tuple[EditedLine, ...]
    entry_date: date | None
    memo: str | None  # None when the memo field was not in the submission
    errors: dict[str, str]


def parse_edit_submission(state_values: Mapping[str, Any]) -> EditSubmission:
    """Read `view.state.values` of the edit modal. Blank rows are skipped; money stays Decimal."""
    lines: list[EditedLine] = []
    errors: dict[str, str] = {}
    rows = sorted(
        {int(m.group(1)) for b in state_values if (m := re.fullmatch(r"line_(\d+)_\w+", b))}
    )
    for i in rows:
        account = _selected(state_values, LINE_ACCOUNT.format(i))
        amounts: list[Decimal | None] = []
        for block_id in (LINE_DEBIT.format(i), LINE_CREDIT.format(i)):
            raw = _text_value(state_values, block_id)
            if not raw:
                amounts.append(None)
                continue
            try:
                amounts.append(parse_amount(raw, positive=False))
            except MoneyError:
                errors[block_id] = AMOUNT_ERROR
                amounts.append(None)
        debit, credit = amounts
        if LINE_DEBIT.format(i) in errors or LINE_CREDIT.format(i) in errors:
            continue
        if not debit and not credit:
            continue  # blank (or zero) row: skipped, which is how a line is removed
        if not account:
            errors[LINE_ACCOUNT.format(i)] = "Choose an account for this line"
            continue
        if debit and credit:
            errors[LINE_CREDIT.format(i)] = "Use either a debit or a credit on one line, not both"
            continue
        lines.append(EditedLine(account, debit or Decimal("0.00"), credit or Decimal("0.00")))
    if not errors and rows:
        first = LINE_ACCOUNT.format(rows[0])
        if len(lines) < 2:
            errors[first] = "An entry needs at least two lines"
        else:
            debits = sum((ln.debit for ln in lines), Decimal(0))
            credits = sum((ln.credit for ln in lines), Decimal(0))
            if debits != credits:
                errors[LINE_DEBIT.format(rows[0])] = (
                    f"Debits ({_amount(debits)}) and credits ({_amount(credits)}) must be equal"
                )
    raw_date = _value(state_values, EDIT_ENTRY_DATE).get("selected_date")
    entry_date = None
    if raw_date:
        try:
            entry_date = date.fromisoformat(str(raw_date))
        except ValueError:
            errors[EDIT_ENTRY_DATE] = "Pick a date"
    memo = _text_value(state_values, EDIT_MEMO)[:MEMO_MAX] if EDIT_MEMO in state_values else None
    return EditSubmission(tuple(lines), entry_date, memo, errors)


# -- reject / reverse ------------------------------------------------------------------------


def _reason_input(label: str, placeholder: str) -> dict[str, Any]:
    return _text_input(
        REASON_BLOCK,
        label,
        optional=False,
        multiline=True,
        max_length=REASON_MAX,
        placeholder=placeholder,
    )


def reject_modal(entry_id: int) -> dict[str, Any]:
    blocks = [
        _section(f"Reject draft #{entry_id}? Nothing is posted; the reporter sees your reason."),
        _reason_input("Reason", "e.g. Counted again: the units were found"),
    ]
    return _modal(CALLBACK_REJECT, "Reject write-off", blocks, str(entry_id), "Reject")


def reverse_modal(entry_id: int) -> dict[str, Any]:
    blocks = [
        _section(
            f"Reverse entry #{entry_id}? This posts a new entry that undoes it, dated today; "
            "the original stays in the books."
        ),
        _reason_input("Reason", "e.g. Posted to the wrong account"),
    ]
    return _modal(CALLBACK_REVERSE, "Reverse entry", blocks, str(entry_id), "Reverse")


def parse_reason(state_values: Mapping[str, Any]) -> str:
    """The reason typed into the reject or reverse modal (stripped, at most REASON_MAX)."""
    return _text_value(state_values, REASON_BLOCK)[:REASON_MAX]
