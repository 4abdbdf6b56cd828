"""`/writeoff help`."""

from __future__ import annotations

from bot.slack.ui.kit import Block, escape, header, section, truncate

HELP_EXAMPLES = (
    "/writeoff 40 units obsolete SKU-12 at $15",
    "/writeoff Write off $2,400 of damaged inventory from warehouse B",
    "/writeoff 2 units SKU-77 stolen from the showroom at $45",
    "/writeoff Write down 100 units SKU-30 to $8 each, still sellable",
)


def help_blocks(approvers: str | None = None) -> list[Block]:
    """`approvers` (mrkdwn, e.g. a <!subteam^S1> mention) names who approves."""
    who = approvers or "the controllers set up as approvers"
    examples = "\n".join(f"• `{escape(e)}`" for e in HELP_EXAMPLES)
    return [
        header("Inventory write-offs in Slack"),
        section(
            "Tell me what was lost, damaged or is worth less, in plain English. I draft the "
            "journal entry (which accounts, how much, and why) and post a card for approval. "
            "Nothing reaches the books until someone approves it."
        ),
        section(f"*Examples*\n{examples}"),
        section(
            "*A form instead:* type `/writeoff` on its own to open a form with SKU, quantity, "
            "cost, reason and location.\n*Write-downs:* say the goods are still sellable and "
            'what they are worth now ("write down … to $8 each").'
        ),
        section(
            f"*Who approves:* {truncate(who, 500)}. Nobody approves their own report. "
            "Approvers can *Edit* a draft (accounts, amounts, date, memo), *Reject* it with a "
            "reason, or *Approve* it; posted entries are corrected with *Reverse*."
        ),
        section(
            "*Count sheets:* share a CSV or XLSX count (sku, expected, counted, cost) in a "
            "write-off channel: one shrinkage entry per variance, approved together.\n"
            "*More:* `/writeoff report [YYYY-MM]` · `/writeoff export YYYY-MM` · "
            "`/writeoff status` · and for approvers `/writeoff remind`, "
            "`/writeoff close YYYY-MM`, `/writeoff reopen YYYY-MM`, "
            "`/writeoff connect quickbooks`, `/writeoff map` (QuickBooks accounts), "
            "`/writeoff clients` (every client you approve for)."
        ),
    ]


HELP_TEXT = "How to use /writeoff"
