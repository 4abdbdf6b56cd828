"""Build Slack HTTP requests the way Slack sends them: bodies, payloads and signed headers.

    body = slash_command_body("40 units SKU-12 obsolete at $15", user_id="U0REPORTER", ...)
    client.post("/slack/events", content=body, headers=headers(SIGNING_SECRET, body))

Signatures follow Slack's scheme (v0 HMAC-SHA256 of "v0:{timestamp}:{raw body}"), so Bolt's
real verification runs; pass an old `timestamp` to test replay protection.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlencode

SIGNING_SECRET = "fake-signing-secret"
TEAM_ID = "T0FAKE"
TEAM_DOMAIN = "fake-team"
API_APP_ID = "A0FAKE"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
VERIFICATION_TOKEN = "fake-verification-token"  # deprecated by Slack; sent, never checked
DEFAULT_RESPONSE_URL = "https://hooks.slack.com/actions/T0FAKE/1/fake"

_seq = itertools.count(1)


def new_trigger_id() -> str:
    """A unique trigger id shaped like Slack's ("123.456.abcdef")."""
    n = next(_seq)
    return f"{int(time.time())}.{n}.{hashlib.sha1(str(n).encode()).hexdigest()[:16]}"


def sign(secret: str, timestamp: str | int, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def headers(
    secret: str,
    body: str,
    timestamp: str | int | None = None,
    retry_num: int | None = None,
    retry_reason: str = "http_timeout",
) -> dict[str, str]:
    """Signed headers for `body`. JSON bodies (events) get a JSON content type."""
    ts = str(int(time.time())) if timestamp is None else str(timestamp)
    is_json = body.lstrip().startswith("{")
    out = {
        "Content-Type": "application/json" if is_json else "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sign(secret, ts, body),
    }
    if retry_num is not None:
        out["X-Slack-Retry-Num"] = str(retry_num)
        out["X-Slack-Retry-Reason"] = retry_reason
    return out


def _user(user_id: str, team_id: str) -> dict[str, Any]:
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id}


def _team(team_id: str) -> dict[str, Any]:
    return {"id": team_id, "domain": TEAM_DOMAIN}


# -- slash commands ----------------------------------------------------------------------------


def slash_command_body(
    text: str,
    user_id: str,
    channel_id: str,
    response_url: str = DEFAULT_RESPONSE_URL,
    trigger_id: str | None = None,
    command: str = "/writeoff",
    team_id: str = TEAM_ID,
) -> str:
    """The form-encoded body Slack POSTs for a slash command."""
    return urlencode(
        {
            "token": VERIFICATION_TOKEN,
            "team_id": team_id,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel_id,
            "channel_name": "inventory",
            "user_id": user_id,
            "user_name": user_id.lower(),
            "command": command,
            "text": text,
            "api_app_id": API_APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id or new_trigger_id(),
        }
    )


# -- interactions ------------------------------------------------------------------------------


def interaction_body(payload: Mapping[str, Any]) -> str:
    """Interactions arrive as one form field, `payload`, holding JSON."""
    return urlencode({"payload": json.dumps(payload)})


def _find_block_id(blocks: list[dict[str, Any]] | None, action_id: str) -> str:
    for block in blocks or []:
        elements = block.get("elements") or []
        if block.get("accessory"):
            elements = [*elements, block["accessory"]]
        if any(isinstance(e, dict) and e.get("action_id") == action_id for e in elements):
            return str(block.get("block_id") or "")
    return "fake_block"


def block_actions_payload(
    action_id: str,
    value: str,
    user_id: str,
    channel_id: str,
    message_ts: str,
    blocks: list[dict[str, Any]] | None = None,
    response_url: str = DEFAULT_RESPONSE_URL,
    trigger_id: str | None = None,
    team_id: str = TEAM_ID,
    block_id: str | None = None,
    action_ts: str | None = None,
) -> dict[str, Any]:
    """A button click on a message. block_id is looked up in `blocks` when not given."""
    return {
        "type": "block_actions",
        "user": _user(user_id, team_id),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel_id,
            "is_ephemeral": False,
        },
        "trigger_id": trigger_id or new_trigger_id(),
        "team": _team(team_id),
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": "inventory"},
        "message": {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "ts": message_ts,
            "text": "",
            "blocks": blocks or [],
        },
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": block_id or _find_block_id(blocks, action_id),
                "text": {"type": "plain_text", "text": action_id, "emoji": True},
                "value": value,
                "action_ts": action_ts or f"{time.time():.6f}",
            }
        ],
    }


def view_submission_payload(
    callback_id: str,
    private_metadata: str,
    state_values: Mapping[str, Any],
    user_id: str,
    team_id: str = TEAM_ID,
    view_id: str = "V0FAKE",
    trigger_id: str | None = None,
) -> dict[str, Any]:
    return {
        "type": "view_submission",
        "team": _team(team_id),
        "user": _user(user_id, team_id),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id or new_trigger_id(),
        "view": {
            "id": view_id,
            "team_id": team_id,
            "type": "modal",
            "blocks": [],
            "private_metadata": private_metadata,
            "callback_id": callback_id,
            "state": {"values": dict(state_values)},
            "hash": "fakehash",
            "title": {"type": "plain_text", "text": "Fake"},
            "root_view_id": view_id,
            "previous_view_id": None,
            "app_id": API_APP_ID,
            "external_id": "",
            "bot_id": BOT_ID,
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def message_shortcut_payload(
    callback_id: str,
    user_id: str,
    channel_id: str,
    message_ts: str,
    message_text: str,
    message_user: str = "U0REPORTER",
    trigger_id: str | None = None,
    response_url: str = DEFAULT_RESPONSE_URL,
    team_id: str = TEAM_ID,
) -> dict[str, Any]:
    """A message shortcut ("message_action") run on someone's message."""
    return {
        "type": "message_action",
        "token": VERIFICATION_TOKEN,
        "action_ts": f"{time.time():.6f}",
        "team": _team(team_id),
        "user": _user(user_id, team_id),
        "channel": {"id": channel_id, "name": "inventory"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": trigger_id or new_trigger_id(),
        "response_url": response_url,
        "message_ts": message_ts,
        "message": {
            "type": "message",
            "user": message_user,
            "ts": message_ts,
            "text": message_text,
        },
    }


# -- state values for view_submission ----------------------------------------------------------


def text_field(block_id: str, value: str | None, action_id: str | None = None) -> dict[str, Any]:
    return {block_id: {action_id or block_id: {"type": "plain_text_input", "value": value}}}


def select_field(block_id: str, value: str | None, action_id: str | None = None) -> dict[str, Any]:
    option = {"text": {"type": "plain_text", "text": value}, "value": value} if value else None
    return {block_id: {action_id or block_id: {"type": "static_select", "selected_option": option}}}


def date_field(block_id: str, value: date | None, action_id: str | None = None) -> dict[str, Any]:
    return {
        block_id: {
            action_id or block_id: {
                "type": "datepicker",
                "selected_date": value.isoformat() if value else None,
            }
        }
    }


# -- events ------------------------------------------------------------------------------------


def message_event(
    text: str,
    user: str,
    channel: str,
    ts: str,
    event_type: str = "message",
    thread_ts: str | None = None,
    subtype: str | None = None,
    bot_id: str | None = None,
) -> dict[str, Any]:
    """A `message` or `app_mention` event."""
    event: dict[str, Any] = {
        "type": event_type,
        "text": text,
        "user": user,
        "channel": channel,
        "ts": ts,
        "event_ts": ts,
        "channel_type": "channel",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    if subtype:
        event["subtype"] = subtype
    if bot_id:
        event["bot_id"] = bot_id
    return event


def event_callback_body(
    event: Mapping[str, Any],
    event_id: str,
    team_id: str = TEAM_ID,
    event_time: int | None = None,
) -> str:
    return json.dumps(
        {
            "token": VERIFICATION_TOKEN,
            "team_id": team_id,
            "api_app_id": API_APP_ID,
            "event": dict(event),
            "type": "event_callback",
            "event_id": event_id,
            "event_time": event_time or int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": team_id,
                    "user_id": BOT_USER_ID,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": f"4-fake-{event_id}",
        }
    )


def _home_block_id(blocks: list[dict[str, Any]], action_id: str, value: str) -> str:
    """The block holding the button with this action id and value (a Home tab lists many)."""
    for block in blocks:
        for e in block.get("elements") or []:
            if isinstance(e, dict) and e.get("action_id") == action_id and e.get("value") == value:
                return str(block.get("block_id") or "")
    raise AssertionError(f"no {action_id} button with value {value} on this view")


def app_home_opened_event(
    user: str, tab: str = "home", view_id: str | None = None
) -> dict[str, Any]:
    """`app_home_opened`: the person opened the app's Home (or Messages) tab."""
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": user,
        "channel": "D0APPHOME",
        "tab": tab,
        "event_ts": f"{time.time():.6f}",
    }
    if view_id:
        event["view"] = {"id": view_id, "type": "home"}
    return event


def home_action_payload(
    action_id: str,
    value: str,
    user_id: str,
    view: dict[str, Any],
    team_id: str = TEAM_ID,
) -> dict[str, Any]:
    """A button click on the app's Home tab: the container is the view, there is no channel
    and no response_url."""
    return {
        "type": "block_actions",
        "user": _user(user_id, team_id),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "container": {"type": "view", "view_id": view.get("id", "V0HOME")},
        "trigger_id": new_trigger_id(),
        "team": _team(team_id),
        "enterprise": None,
        "is_enterprise_install": False,
        "view": view,
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": _home_block_id(view.get("blocks") or [], action_id, value),
                "text": {"type": "plain_text", "text": action_id, "emoji": True},
                "value": value,
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
