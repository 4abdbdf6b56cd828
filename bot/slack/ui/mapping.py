"""The QuickBooks account mapping dialog: each ledger account with a select of QuickBooks
accounts, "Create in QuickBooks" first; proposals preselected and marked. Pure: renders the
MappingDialog it is given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.services.display import (
    CREATE_IN_QBO,
    MappingApplied,
    MappingDialog,
    MappingRow,
    MapState,
    QboAccountChoice,
)
from bot.slack.ids import Id
from bot.slack.ui.kit import (
    MAX_MODAL_BLOCKS,
    MAX_OPTIONS,
    Block,
    clip,
    context,
    header,
    input_block,
    modal,
    option,
    plain_text,
    section,
)

TITLE = "QuickBooks accounts"
_HINT = {
    MapState.CREATE: "No QuickBooks account matches: confirm to create it there.",
    MapState.INACTIVE: "Its QuickBooks account is inactive: pick another or create one.",
    MapState.PROPOSED: "PROPOSED (a close name): check it before you confirm.",
}


def _create_option(row: MappingRow) -> Block:
    return option(f"➕ Create in QuickBooks: {row.name}", CREATE_IN_QBO)


def _account_option(choice: QboAccountChoice) -> Block:
    return option(f"{choice.name} ({choice.account_type})", choice.qbo_id)


def _select(row: MappingRow, choices: Sequence[QboAccountChoice]) -> Block:
    options = [_create_option(row), *(_account_option(c) for c in choices)]
    element: Block = {
        "type": "static_select",
        "action_id": Id.QBO_MAP_ACCOUNT.format(row.code),
        "placeholder": plain_text("Leave unmapped"),
    }
    if len(options) <= MAX_OPTIONS:
        element["options"] = options
    else:  # a large chart: groups of 100, Slack's limit per list
        groups = [options[i : i + MAX_OPTIONS] for i in range(0, len(options), MAX_OPTIONS)]
        element["option_groups"] = [
            {"label": plain_text(f"Accounts, part {n}", 75), "options": g}
            for n, g in enumerate(groups[:MAX_OPTIONS], 1)
        ]
    initial = next((o for o in options if row.selected and o["value"] == row.selected), None)
    if initial is not None:
        element["initial_option"] = initial
    return element


def _label(row: MappingRow) -> str:
    mark = {
        MapState.PROPOSED: " (proposed)",
        MapState.CREATE: " (missing)" if row.selected else "",
        MapState.INACTIVE: " (inactive)",
        MapState.MAPPED: f" (mapped {row.how})" if row.how else "",
    }[row.state]
    return f"{row.code} {row.name}{mark}"


def mapping_modal(dialog: MappingDialog, metadata: str) -> Block:
    """private_metadata is the channel to answer in."""
    to_decide = len(dialog.open_rows)
    intro = f"Where write-offs go in *{clip(dialog.company_name or 'QuickBooks', 100)}*. " + (
        f"{to_decide} account(s) need a decision and are listed first."
        if to_decide
        else "Every account is mapped; change any below."
    )
    blocks: list[Block] = [
        section(intro),
        context(
            "*Proposed* = a close name, preselected but applied only when you confirm. "
            "*Create in QuickBooks* makes the account there with this name and type. "
            "Entries held for a missing account go out once you confirm."
        ),
    ]
    room = MAX_MODAL_BLOCKS - len(blocks)
    for row in dialog.rows[:room]:
        blocks.append(
            input_block(
                Id.QBO_MAP_ACCOUNT.format(row.code),
                _label(row),
                _select(row, dialog.choices),
                optional=True,
                hint=_HINT.get(row.state),
            )
        )
    items = _items_blocks(dialog)
    return modal(
        Id.VIEW_QBO_MAPPING,
        TITLE,
        blocks[: MAX_MODAL_BLOCKS - len(items)] + items,
        metadata,
        submit="Confirm",
    )


MAX_ITEMS_LISTED = 25


def _items_blocks(dialog: MappingDialog) -> list[Block]:
    """The Items view: which QuickBooks item each SKU is, found by Sku or Name only; the
    SKUs without one are listed (an item is named in QuickBooks, never guessed here)."""
    if not dialog.items and not dialog.unmapped_skus:
        return []
    mode = (
        "QuickBooks tracks quantities here: losses of a tracked item go as inventory adjustments."
        if dialog.quantity_tracking
        else "QuickBooks does not track quantities here: entries go as journal entries."
    )
    lines = [
        f"• {clip(sku, 64)} → {clip(name, 80)}" + (" (quantity tracked)" if tracked else "")
        for sku, name, tracked in dialog.items[:MAX_ITEMS_LISTED]
    ]
    if len(dialog.items) > MAX_ITEMS_LISTED:
        lines.append(f"…and {len(dialog.items) - MAX_ITEMS_LISTED} more")
    if dialog.unmapped_skus:
        shown = ", ".join(clip(s, 64) for s in dialog.unmapped_skus[:MAX_ITEMS_LISTED])
        more = len(dialog.unmapped_skus) - MAX_ITEMS_LISTED
        lines.append(
            f"*No QuickBooks item:* {shown}"
            + (f" and {more} more" if more > 0 else "")
            + " (give an item this SKU or name in QuickBooks)"
        )
    return [header("Items"), context(mode), section("\n".join(lines))]


def message_modal(text: str) -> Block:
    """A dialog that only says something (loading, or why it cannot open)."""
    return modal(Id.VIEW_QBO_MAPPING, TITLE, [section(text)], "", submit=None)


def loading_modal() -> Block:
    return message_modal(":hourglass_flowing_sand: Reading the QuickBooks chart of accounts…")


def parse_mapping(state_values: Mapping[str, Any]) -> dict[str, str]:
    """Ledger code -> the QuickBooks Id chosen, or CREATE_IN_QBO; left empty: left out."""
    prefix, suffix = Id.QBO_MAP_ACCOUNT.split("{}")
    out: dict[str, str] = {}
    for block_id, actions in state_values.items():
        if not (block_id.startswith(prefix) and block_id.endswith(suffix)):
            continue
        code = block_id[len(prefix) : len(block_id) - len(suffix)]
        element = (actions or {}).get(block_id) or {}
        chosen = (element.get("selected_option") or {}).get("value")
        if code and chosen:
            out[code] = str(chosen)
    return out


def applied_text(result: MappingApplied) -> str:
    lines = []
    if result.created:
        lines.append(
            "Created in QuickBooks: " + ", ".join(f"{c} {clip(n, 60)}" for c, n in result.created)
        )
    if result.mapped:
        lines.append("Mapped: " + ", ".join(f"{c} → {clip(n, 60)}" for c, n in result.mapped))
    if not result.created and not result.mapped:
        lines.append("Nothing changed in the mapping.")
    for problem in result.problems:
        lines.append(f":warning: {clip(problem, 300)}")
    if result.requeued:
        n = len(result.requeued)
        lines.append(f"{n} held {'entry' if n == 1 else 'entries'} sent to QuickBooks again.")
    if result.still_unmapped:
        lines.append("Still unmapped: " + ", ".join(result.still_unmapped))
    return "\n".join(lines)
