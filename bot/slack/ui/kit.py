"""The Block Kit kit: the only place block dicts are made. Every surface module (card, forms,
alerts, sheets, reminders, reports, help) composes these.

Pure functions. User text goes through `escape` (mrkdwn) and is shortened visibly to fit
Slack's limits, because Slack rejects the whole call (`invalid_blocks`) when one field is too
long: a long report must still produce a card, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from ledger.money import format_money, quantize

# -- Slack limits (https://docs.slack.dev/reference/block-kit) ---------------------------------

MAX_MESSAGE_BLOCKS = 50
MAX_MODAL_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_FIELDS = 10
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
MAX_CONTEXT_ELEMENTS = 10
MAX_LABEL = 2000

Block = dict[str, Any]

_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_ENTITY_TAIL = re.compile(r"&[a-z]{0,3}$")  # a cut that would leave half of &amp; &lt; &gt;
ELLIPSIS = "…"


# -- text ------------------------------------------------------------------------------------


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


def client_prefix(company: str | None, *, bold: bool = True) -> str:
    """Whose books a message is about, put before it ("*Acme Foods*: "). `company` is None
    when the deployment keeps one company (bot/services `company_label`, `Books.label`):
    then nothing is added and the message reads as it always did."""
    if not company:
        return ""
    name = clip(company, 100)
    return f"*{name}*: " if bold else f"{name}: "


def client_words(company: str | None) -> str:
    """ " for Acme Foods" after a title or a sentence; "" with one company."""
    return f" for {clip(company, 100)}" if company else ""


def plain(text: str, limit: int) -> str:
    """Shorten plain_text (no mrkdwn, so no escaping) visibly."""
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)] + ELLIPSIS


def mention(user: str | None, fallback: str = "someone") -> str:
    """<@U123> for a real Slack user id; anything else is shown as escaped text."""
    if user and _SLACK_ID.match(user):
        return f"<@{user}>"
    return clip(user, 80) if user else fallback


def channel_link(channel: str) -> str:
    return f"<#{channel}>"


def link(url: str, label: str) -> str:
    """<url|label>, the label escaped; a url that would break the syntax shows no link."""
    if re.match(r"^https?://[^\s<>|]+$", url):
        return f"<{url}|{escape(label)}>"
    return escape(label)


def date_token(when: datetime | None) -> str:
    """Slack shows this in the reader's own time zone; the fallback is UTC."""
    if when is None:
        return "unknown time"
    unix = int(when.timestamp())
    fallback = when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{unix}^{{date_short_pretty}} {{time}}|{fallback}>"


def quote(text: str, limit: int) -> str:
    """User text as a mrkdwn block quote, escaped, within `limit` characters."""
    escaped = escape(text.strip()) or "(no text)"
    quoted = "\n".join("> " + ln if ln.strip() else ">" for ln in escaped.splitlines())
    return truncate(quoted, limit)


def amount(value: Decimal) -> str:
    """1,234.50: money without the currency (tables)."""
    return f"{quantize(value):,.2f}"


def number(value: Decimal) -> str:
    """A quantity as people write it: 40, 2.5 (normalize() alone would say 4E+1)."""
    return format(value.normalize(), "f")


def price(value: Decimal, currency: str) -> str:
    """Unit costs may carry more than cents ($0.125): show them exactly."""
    if quantize(value) == value:
        return format_money(value, currency)
    return f"{number(value)} {currency}" if currency != "USD" else f"${number(value)}"


# -- elements and blocks -----------------------------------------------------------------------


def mrkdwn(text: str) -> Block:
    return {"type": "mrkdwn", "text": text}


def plain_text(text: str, limit: int = MAX_LABEL) -> Block:
    return {"type": "plain_text", "text": plain(text, limit), "emoji": True}


def section(text: str, block_id: str | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(truncate(text, MAX_SECTION_TEXT))}
    if block_id:
        block["block_id"] = block_id[:MAX_ID]
    return block


def fields(pairs: Sequence[tuple[str, str]]) -> Block | None:
    """A section of label/value fields (values are user text: escaped here)."""
    items = [
        mrkdwn(truncate(f"*{label}*\n{clip(value, 500)}", MAX_FIELD_TEXT))
        for label, value in pairs[:MAX_FIELDS]
    ]
    return {"type": "section", "fields": items} if items else None


def context(*texts: str) -> Block:
    return {
        "type": "context",
        "elements": [mrkdwn(truncate(t, MAX_CONTEXT_TEXT)) for t in texts[:MAX_CONTEXT_ELEMENTS]],
    }


def divider() -> Block:
    return {"type": "divider"}


def header(text: str) -> Block:
    return {"type": "header", "text": plain_text(text, MAX_HEADER_TEXT)}


def confirm(title: str, text: str, yes: str, no: str = "Cancel") -> Block:
    return {
        "title": plain_text(title, 100),
        "text": {"type": "plain_text", "text": plain(text, 300)},
        "confirm": plain_text(yes, 30),
        "deny": plain_text(no, 30),
    }


def button(
    text: str,
    action_id: str,
    value: str | None = None,
    style: str | None = None,
    confirm: Block | None = None,
    url: str | None = None,
) -> Block:
    element: Block = {"type": "button", "text": plain_text(text, MAX_BUTTON_TEXT)}
    element["action_id"] = action_id[:MAX_ID]
    if value is not None:
        element["value"] = value[:MAX_BUTTON_VALUE]
    if url is not None:
        element["url"] = url
    if style:
        element["style"] = style
    if confirm:
        element["confirm"] = confirm
    return element


def actions(block_id: str, *elements: Block) -> Block:
    return {"type": "actions", "block_id": block_id[:MAX_ID], "elements": list(elements)}


def option(label: str, value: str) -> Block:
    return {"text": plain_text(label, MAX_OPTION_TEXT), "value": value[:MAX_OPTION_VALUE]}


def text_input(
    block_id: str,
    label: str,
    *,
    placeholder: str | None = None,
    optional: bool = True,
    initial: str | None = None,
    multiline: bool = False,
    max_length: int = 200,
    hint: str | None = None,
) -> Block:
    element: Block = {
        "type": "plain_text_input",
        "action_id": block_id,
        "max_length": max_length,
    }
    if multiline:
        element["multiline"] = True
    if placeholder:
        element["placeholder"] = plain_text(placeholder, 150)
    if initial:
        element["initial_value"] = plain(initial, max_length)
    return input_block(block_id, label, element, optional=optional, hint=hint)


def input_block(
    block_id: str, label: str, element: Block, *, optional: bool = False, hint: str | None = None
) -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": plain_text(label),
        "optional": optional,
        "element": element,
    }
    if hint:
        block["hint"] = plain_text(hint)
    return block


def modal(
    callback_id: str,
    title: str,
    blocks: list[Block],
    metadata: str,
    submit: str | None = "Submit",
) -> Block:
    view: Block = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain_text(title, MAX_MODAL_TITLE),
        "close": plain_text("Cancel", 24),
        "private_metadata": metadata[:MAX_PRIVATE_METADATA],
        "blocks": blocks[:MAX_MODAL_BLOCKS],
    }
    if submit:
        view["submit"] = plain_text(submit, 24)
    return view
