"""Every id the Slack app sends and receives: actions (buttons), callbacks (modals, the
shortcut), block ids, the slash command. Renderers and registrations both take them from
here, so a button and its handler can never drift apart.

Members ending in ``{}`` are templates: ``Id.LINE_DEBIT.format(0) == "line_0_debit"``.
"""

from __future__ import annotations

from enum import StrEnum

# A button value ending in this mark and a company id ("2026-10@3") acts on that company's
# books, whichever channel it is clicked in (bot/slack/listeners/common.py `company_named`).
COMPANY_MARK = "@"


class Id(StrEnum):
    # -- the slash command and the message shortcut ---------------------------------------
    COMMAND = "/writeoff"
    SHORTCUT_DRAFT = "draft_writeoff"

    # -- buttons on the draft card and the messages around it --------------------------------
    APPROVE = "approve"
    EDIT = "edit"
    REJECT = "reject"
    REVERSE = "reverse"
    APPROVE_ALL = "approve_all"
    COMPANY_PICK = "company_pick"  # "Which client is this channel for?" in an unlinked channel
    APPROVE_REDATE = "approve_redate"  # "Post dated today" after a closed-period refusal
    APPROVE_PENDING = "approve_pending"  # "Approve without it" while the second reading is due
    PERIOD_CLOSE = "period_close"
    QBO_RETRY = "qbo_retry"
    QBO_VIEW_ENTRY = "qbo_view_entry"  # a link button: Slack still sends the click
    QBO_RECONNECT = "qbo_reconnect"
    QBO_FIX_MAPPING = "qbo_fix_mapping"  # opens the account mapping dialog
    QBO_TRUE_UP = "qbo_true_up"  # drafts the true-up to QuickBooks' value
    SHEET_APPROVE = "sheet_approve_all"
    SHEET_REVIEW = "sheet_review"
    SHEET_REJECT = "sheet_reject"
    HOME_APPROVE = "home_approve"  # Approve beside a draft in the App Home queue
    HOME_OPEN = "home_open"  # a link button to the draft's card: Slack still sends the click
    HOME_REPORT = "home_report"  # this month's summary, sent to the person privately

    # -- modals (view callback ids) -----------------------------------------------------------
    VIEW_NEW_WRITEOFF = "writeoff_form"
    VIEW_EDIT = "edit_entry"
    VIEW_REJECT = "reject_entry"
    VIEW_REVERSE = "reverse_entry"
    VIEW_QBO_MAPPING = "qbo_mapping"

    # -- input blocks in modals: each element's action_id equals its block_id ------------------
    FORM_SKU = "form_sku"
    FORM_QUANTITY = "form_quantity"
    FORM_UNIT_COST = "form_unit_cost"
    FORM_TOTAL = "form_total"
    FORM_REASON = "form_reason"
    FORM_LOCATION = "form_location"
    FORM_NOTE = "form_note"
    EDIT_ENTRY_DATE = "entry_date"
    EDIT_MEMO = "memo"
    LINE_ACCOUNT = "line_{}_account"
    LINE_DEBIT = "line_{}_debit"
    LINE_CREDIT = "line_{}_credit"
    REASON = "reason"  # the reject and reverse modals
    QBO_MAP_ACCOUNT = "qbo_map_{}"  # the mapping dialog: one select per ledger account code

    # -- block ids in messages (templates take the entry, batch or evidence id) ----------------
    BLOCK_ENTRY_ACTIONS = "entry_{}_actions"
    BLOCK_COMPANY_PICK = "company_pick"
    BLOCK_ENTRY_POSTED = "entry_{}_posted"
    BLOCK_APPROVE_ALL = "approve_all_{}"
    BLOCK_REDATE = "redate_{}"
    BLOCK_APPROVE_PENDING = "approve_pending_{}"
    BLOCK_PERIOD_CLOSE = "period_close"
    BLOCK_QBO_ALERT = "qbo_alert_{}"
    BLOCK_QBO_DRIFT = "qbo_drift_{}"
    BLOCK_QBO_ALERT_SUMMARY = "qbo_alert_summary"
    BLOCK_QBO_RECONNECT = "qbo_reconnect"
    BLOCK_QBO_CONNECTED = "qbo_connected"
    BLOCK_SHEET = "sheet_{}"
    BLOCK_HOME_ENTRY = "home_entry_{}"
    BLOCK_HOME_REPORT = "home_report"
    BLOCK_HOME_REPORT_OF = "home_report_{}"  # one company's, on a Home grouped by company
