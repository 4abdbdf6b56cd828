"""Companies in Slack: the picker offered in a channel no company keeps books in yet, and
the words around it."""

from __future__ import annotations

from collections.abc import Sequence

from bot.services.display import ClientLine
from bot.slack.ids import Id
from bot.slack.ui.kit import MAX_OPTIONS, Block, escape, option, plain_text, price, section

NO_SUCH_CLIENT = "Nothing was changed: no client of this workspace keeps its books here."
NOT_SET_UP = (
    "This channel is not set up for write-offs yet: no client's books are kept here. "
    "Ask an approver to run `/writeoff` here and pick the client; nothing was drafted."
)
NO_COMPANY_TO_PICK = (
    "This channel is not linked to a client yet, and you approve for none of them. Ask the "
    "approver of the client to pick it here; nothing was drafted."
)
NOT_A_CLIENT_CHANNEL = (
    "Here I cannot tell which client's books you mean: use `/writeoff` in the client's "
    "channel. Nothing was drafted."
)
PICK_REFUSED = "Only an approver of that client can link this channel to it; nothing changed."


def pick_company(companies: Sequence[tuple[int, str]]) -> tuple[str, list[Block]]:
    """(id, name) of the companies the person approves for, as a select."""
    text = "Which client is this channel for? Nothing is drafted until you pick one."
    options = [option(name, str(cid)) for cid, name in companies[:MAX_OPTIONS]]
    select = {
        "type": "static_select",
        "action_id": str(Id.COMPANY_PICK),
        "placeholder": plain_text("Pick the client"),
        "options": options,
    }
    block = section(f"*{escape(text)}*", str(Id.BLOCK_COMPANY_PICK))
    block["accessory"] = select
    return text, [block]


def linked(name: str, channel: str) -> str:
    return (
        f"<#{channel}> now keeps *{escape(name)}*'s books: `/writeoff` here drafts for "
        f"{escape(name)}. Run `/writeoff` again with the write-off."
    )


def company_line(name: str) -> str:
    """The company a card, alert or report is about, when the deployment keeps several."""
    return f"Client: *{escape(name)}*"


def clients_text(lines: Sequence[ClientLine]) -> str:
    """One line per company the approver approves for."""
    if not lines:
        return "You approve for no client, so there is nothing to show."
    rows = ["*Your clients*"]
    for c in lines:
        where = f" · <#{c.channel}>" if c.channel else ""
        stuck = (
            f"{c.pushes_stuck} QuickBooks push(es) failed or held"
            if c.pushes_stuck
            else ("no push waiting for a person")
        )
        closed = "closed" if c.last_month_closed else "*open*"
        rows.append(
            f"• *{escape(c.name)}*{where}: {c.drafts_waiting} draft(s) waiting · {stuck} · "
            f"{c.month} write-offs {price(c.month_writeoffs, c.currency)} · "
            f"{c.last_month} {closed}"
        )
    return "\n".join(rows)
