"""Button clicks, by action id: each acknowledged at once, the work done in a lazy listener."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.ids import Id
from bot.slack.listeners import companies
from bot.slack.listeners.actions import entries, home, periods, quickbooks, sheets
from bot.slack.listeners.common import Lazy, guarded, just_ack

# action id -> the lazy listeners that do the work (the ack is always just_ack)
ACTIONS: dict[Id, list[Lazy]] = {
    Id.APPROVE: [entries.approve],
    Id.APPROVE_ALL: [entries.approve_all],
    Id.COMPANY_PICK: [companies.pick],
    Id.EDIT: [entries.edit],
    Id.REJECT: [entries.reject],
    Id.REVERSE: [entries.reverse],
    Id.APPROVE_REDATE: [entries.approve_redate],
    Id.APPROVE_PENDING: [entries.approve_pending],
    Id.PERIOD_CLOSE: [periods.period_close],
    Id.QBO_RETRY: [quickbooks.retry],
    Id.QBO_RECONNECT: [quickbooks.reconnect],
    Id.QBO_FIX_MAPPING: [quickbooks.fix_mapping],
    Id.QBO_TRUE_UP: [quickbooks.true_up],
    Id.QBO_VIEW_ENTRY: [],  # a link button: Slack still sends the click, which is acked
    Id.SHEET_APPROVE: [sheets.approve_all],
    Id.SHEET_REVIEW: [sheets.review],
    Id.SHEET_REJECT: [sheets.reject],
    Id.HOME_APPROVE: [home.approve],
    Id.HOME_REPORT: [home.report],
    Id.HOME_OPEN: [],  # a link button to the card
}


def register(app: App) -> None:
    for action_id, lazy in ACTIONS.items():
        if lazy:
            app.action(str(action_id))(ack=just_ack, lazy=[guarded(fn) for fn in lazy])
        else:
            app.action(str(action_id))(just_ack)
