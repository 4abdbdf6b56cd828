"""Modals: the new write-off form, Edit, Reject and Reverse, and reading their submissions.

Reading a submission is pure too: `view.state.values` in, typed values and per-block errors
out, ready for `ack(response_action="errors", errors=...)`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from bot.services.display import CardView
from bot.slack.ids import Id
from bot.slack.ui.kit import (
    MAX_OPTIONS,
    Block,
    amount,
    clip,
    context,
    input_block,
    modal,
    option,
    plain_text,
    quote,
    section,
    text_input,
)
from ledger.money import MoneyError, parse_amount, parse_decimal, quantize
from ledger.problems import Problem, ProblemField

AMOUNT_ERROR = "Enter an amount like 125.00"
SPARE_ROWS = 2  # blank rows under the existing lines in the edit modal, to add lines
MAX_EDIT_ROWS = 30  # 3 blocks per row keeps the modal under 100 blocks
MEMO_MAX = 500  # what ledger.posting.edit_draft keeps
REASON_MAX = 500

# -- reading state values ------------------------------------------------------------------------


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
    chosen = _value(state_values, block_id).get("selected_option") or {}
    return str(chosen.get("value") or "")


def _client(company: str | None) -> list[Block]:
    """A modal's first line when the deployment keeps several companies: whose books these
    are (as on the card); nothing with one company."""
    return [context(f"Client: *{clip(company, 100)}*")] if company else []


# -- the new write-off form ------------------------------------------------------------------


def new_writeoff_modal(
    channel_id: str, reasons: Sequence[tuple[str, str]], company: str | None = None
) -> Block:
    """`/writeoff` alone. `reasons` are (value, label) from the policy table;
    private_metadata is the channel id the command came from."""
    blocks = [
        *_client(company),
        text_input(Id.FORM_SKU, "SKU", placeholder="SKU-12", max_length=60),
        text_input(Id.FORM_QUANTITY, "Quantity", placeholder="40", max_length=30),
        text_input(
            Id.FORM_UNIT_COST,
            "Unit cost",
            placeholder="$15.00",
            max_length=30,
            hint="Fill in the unit cost or the total.",
        ),
        text_input(Id.FORM_TOTAL, "Total", placeholder="$600.00", max_length=30),
        input_block(
            Id.FORM_REASON,
            "Reason",
            {
                "type": "static_select",
                "action_id": Id.FORM_REASON,
                "placeholder": plain_text("Choose a reason"),
                "options": [option(label, value) for value, label in reasons],
            },
        ),
        text_input(Id.FORM_LOCATION, "Location", placeholder="Warehouse B", max_length=100),
        text_input(
            Id.FORM_NOTE,
            "Note",
            multiline=True,
            max_length=1000,
            placeholder="Anything the approver should know",
        ),
    ]
    return modal(Id.VIEW_NEW_WRITEOFF, "New write-off", blocks, channel_id, "Draft it")


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


def parse_writeoff_form(state_values: Mapping[str, Any]) -> WriteoffForm:
    errors: dict[str, str] = {}

    def read(block_id: str, money: bool) -> Decimal | None:
        raw = _text_value(state_values, block_id)
        if not raw:
            return None
        try:
            return parse_amount(raw) if money else _parse_quantity(raw)
        except MoneyError:
            errors[block_id] = AMOUNT_ERROR if money else "Enter a number like 40"
            return None

    quantity = read(Id.FORM_QUANTITY, money=False)
    unit_cost = read(Id.FORM_UNIT_COST, money=True)
    total = read(Id.FORM_TOTAL, money=True)
    if (
        unit_cost is None
        and total is None
        and not errors.get(Id.FORM_UNIT_COST)
        and not errors.get(Id.FORM_TOTAL)
    ):
        errors[Id.FORM_UNIT_COST] = "Enter the unit cost or the total"
    if unit_cost is not None and quantity is None and Id.FORM_QUANTITY not in errors:
        errors[Id.FORM_QUANTITY] = "Enter the quantity, or give the total instead of a unit cost"
    reason = _selected(state_values, Id.FORM_REASON)
    if not reason:
        errors[Id.FORM_REASON] = "Choose a reason"
    return WriteoffForm(
        sku=_text_value(state_values, Id.FORM_SKU),
        quantity=quantity,
        unit_cost=unit_cost,
        total=total,
        reason=reason,
        location=_text_value(state_values, Id.FORM_LOCATION),
        note=_text_value(state_values, Id.FORM_NOTE),
        errors=errors,
    )


def _parse_quantity(raw: str) -> Decimal:
    value = parse_decimal(raw)
    if value <= 0:
        raise MoneyError("quantity must be positive")
    return value


# -- edit modal ------------------------------------------------------------------------------


def _account_option(code: str, name: str) -> Block:
    return option(f"{code} {name}".strip(), code)


def account_select(
    block_id: str, chart: Sequence[tuple[str, str]], initial: tuple[str, str] | None
) -> Block:
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
    element: Block = {
        "type": "static_select",
        "action_id": block_id,
        "placeholder": plain_text("Account"),
    }
    if len(accounts) <= MAX_OPTIONS:
        element["options"] = [_account_option(c, n) for c, n in accounts]
    else:
        groups = [accounts[i : i + MAX_OPTIONS] for i in range(0, len(accounts), MAX_OPTIONS)]
        element["option_groups"] = [
            {
                "label": plain_text(f"Accounts {g[0][0]} – {g[-1][0]}", 75),
                "options": [_account_option(c, n) for c, n in g],
            }
            for g in groups[:MAX_OPTIONS]
        ]
    if initial and initial[0]:
        element["initial_option"] = _account_option(*initial)
    return element


def edit_modal(view: CardView, chart: list[tuple[str, str]]) -> Block:
    """Edit a draft's lines, date and memo. private_metadata is str(entry_id).

    Rows: the existing lines plus SPARE_ROWS blank ones. A row with both amounts blank is
    dropped on save (Slack cannot clear a select, so that is how a line is removed).
    """
    rows = min(len(view.lines) + SPARE_ROWS, MAX_EDIT_ROWS)
    blocks: list[Block] = [
        *_client(view.company),
        section(quote(view.source_text, 1000)),
        context("To remove a line, clear its amounts. Each line has a debit or a credit."),
    ]
    if len(view.lines) + SPARE_ROWS > MAX_EDIT_ROWS:
        blocks.append(
            context(
                f"⚠️ Only the first {MAX_EDIT_ROWS} lines fit here; saving keeps only what is shown."
            )
        )
    for i in range(rows):
        line = view.lines[i] if i < len(view.lines) else None
        account = Id.LINE_ACCOUNT.format(i)
        blocks.append(
            input_block(
                account,
                f"Line {i + 1} account",
                account_select(account, chart, (line.account, line.name) if line else None),
                optional=True,
            )
        )
        for block_id, label, value in (
            (Id.LINE_DEBIT.format(i), f"Line {i + 1} debit", line.debit if line else None),
            (Id.LINE_CREDIT.format(i), f"Line {i + 1} credit", line.credit if line else None),
        ):
            blocks.append(
                text_input(
                    block_id,
                    label,
                    placeholder="0.00",
                    max_length=30,
                    initial=str(quantize(value)) if value else None,
                )
            )
    initial_date = view.entry_date or view.created_at.date()
    blocks.append(
        input_block(
            Id.EDIT_ENTRY_DATE,
            "Entry date",
            {
                "type": "datepicker",
                "action_id": Id.EDIT_ENTRY_DATE,
                "initial_date": initial_date.isoformat(),
            },
        )
    )
    blocks.append(
        text_input(
            Id.EDIT_MEMO, "Memo", multiline=True, max_length=MEMO_MAX, initial=view.memo or None
        )
    )
    return modal(Id.VIEW_EDIT, "Edit write-off", blocks, str(view.entry_id), "Save")


@dataclass(frozen=True)
class EditedLine:
    account: str
    debit: Decimal
    credit: Decimal
    row: int  # the form's row: row i showed the draft's line i (its facts stay with it)


@dataclass(frozen=True)
class EditSubmission:
    """The edit modal's values. `errors` maps block_id -> message, ready for
    ack(response_action="errors", errors=...); when it is non-empty do not save."""

    lines: tuple[EditedLine, ...]
    entry_date: date | None
    memo: str | None  # None when the memo field was not in the submission
    errors: dict[str, str]


_LINE_BLOCK = re.compile(r"line_(\d+)_\w+")


def parse_edit_submission(state_values: Mapping[str, Any]) -> EditSubmission:
    """Read `view.state.values` of the edit modal. Blank rows are skipped; money stays Decimal."""
    lines: list[EditedLine] = []
    errors: dict[str, str] = {}
    rows = sorted({int(m.group(1)) for b in state_values if (m := _LINE_BLOCK.fullmatch(b))})
    for i in rows:
        account = _selected(state_values, Id.LINE_ACCOUNT.format(i))
        amounts: list[Decimal | None] = []
        for block_id in (Id.LINE_DEBIT.format(i), Id.LINE_CREDIT.format(i)):
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
        if Id.LINE_DEBIT.format(i) in errors or Id.LINE_CREDIT.format(i) in errors:
            continue
        if not debit and not credit:
            continue  # blank (or zero) row: skipped, which is how a line is removed
        if not account:
            errors[Id.LINE_ACCOUNT.format(i)] = "Choose an account for this line"
            continue
        if debit and credit:
            errors[Id.LINE_CREDIT.format(i)] = (
                "Use either a debit or a credit on one line, not both"
            )
            continue
        lines.append(EditedLine(account, debit or Decimal("0.00"), credit or Decimal("0.00"), i))
    if not errors and rows:
        first = Id.LINE_ACCOUNT.format(rows[0])
        if len(lines) < 2:
            errors[first] = "An entry needs at least two lines"
        else:
            debits = sum((ln.debit for ln in lines), Decimal(0))
            credits = sum((ln.credit for ln in lines), Decimal(0))
            if debits != credits:
                errors[Id.LINE_DEBIT.format(rows[0])] = (
                    f"Debits ({amount(debits)}) and credits ({amount(credits)}) must be equal"
                )
    raw_date = _value(state_values, Id.EDIT_ENTRY_DATE).get("selected_date")
    entry_date = None
    if raw_date:
        try:
            entry_date = date.fromisoformat(str(raw_date))
        except ValueError:
            errors[Id.EDIT_ENTRY_DATE] = "Pick a date"
    memo = (
        _text_value(state_values, Id.EDIT_MEMO)[:MEMO_MAX] if Id.EDIT_MEMO in state_values else None
    )
    return EditSubmission(tuple(lines), entry_date, memo, errors)


def edit_errors(problems: Sequence[Problem]) -> dict[str, str]:
    """Put each posting problem next to the field it is about (the books say which)."""
    errors: dict[str, str] = {}
    for problem in problems:
        if problem.line is not None:
            block = _LINE_FIELD_BLOCK.get(str(problem.field), Id.LINE_DEBIT)
            errors.setdefault(block.format(problem.line - 1), problem.message)
        elif problem.field == ProblemField.ENTRY_DATE:
            errors.setdefault(Id.EDIT_ENTRY_DATE, str(problem))
        else:
            errors.setdefault(Id.LINE_DEBIT.format(0), str(problem))
    return errors


_LINE_FIELD_BLOCK: dict[str, Id] = {
    ProblemField.ACCOUNT: Id.LINE_ACCOUNT,
    ProblemField.DEBIT: Id.LINE_DEBIT,
    ProblemField.CREDIT: Id.LINE_CREDIT,
}


def refusal_errors(message: str) -> dict[str, str]:
    """A refusal (role, segregation of duties) shown on the modal, under the first line."""
    return {Id.LINE_CREDIT.format(0): message}


def missing_lines_errors() -> dict[str, str]:
    return {Id.LINE_DEBIT.format(0): "Enter the lines"}


# -- reject / reverse ------------------------------------------------------------------------


def _reason_input(label: str, placeholder: str) -> Block:
    return text_input(
        Id.REASON,
        label,
        optional=False,
        multiline=True,
        max_length=REASON_MAX,
        placeholder=placeholder,
    )


def reject_modal(entry_id: int, number: str | None = None, company: str | None = None) -> Block:
    blocks = [
        *_client(company),
        section(f"Reject draft #{entry_id}? Nothing is posted; the reporter sees your reason."),
        _reason_input("Reason", "e.g. Counted again: the units were found"),
    ]
    return modal(Id.VIEW_REJECT, "Reject write-off", blocks, str(entry_id), "Reject")


def reverse_modal(entry_id: int, number: str | None = None, company: str | None = None) -> Block:
    """Named by its entry number (JE-000002), the one the controller sees in the books."""
    name = number or f"#{entry_id}"
    blocks = [
        *_client(company),
        section(
            f"Reverse entry {name}? This posts a new entry that undoes it, dated today; "
            "the original stays in the books."
        ),
        _reason_input("Reason", "e.g. Posted to the wrong account"),
    ]
    return modal(Id.VIEW_REVERSE, "Reverse entry", blocks, str(entry_id), "Reverse")


def parse_reason(state_values: Mapping[str, Any]) -> str:
    """The reason typed into the reject or reverse modal (stripped, at most REASON_MAX)."""
    return _text_value(state_values, Id.REASON)[:REASON_MAX]
