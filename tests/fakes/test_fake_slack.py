"""The fake Slack API refuses what Slack refuses, and the signing helpers sign like Slack."""

from __future__ import annotations

import json
import threading
import time
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import RateLimitErrorRetryHandler
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from tests.fakes import slack_signing as sig
from tests.fakes.slack_api import FakeSlack, fake_slack_fixture  # noqa: F401

SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}


def _error(exc: pytest.ExceptionInfo[SlackApiError]) -> str:
    return str(exc.value.response["error"])


def test_auth_missing_or_wrong_token(fake_slack: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as missing:
        WebClient(base_url=fake_slack.api_url).auth_test()
    assert _error(missing) == "not_authed"
    with pytest.raises(SlackApiError) as wrong:
        fake_slack.client(token="xoxb-wrong").auth_test()
    assert _error(wrong) == "invalid_auth"
    me = fake_slack.client().auth_test()
    assert me["user_id"] == sig.BOT_USER_ID and me["bot_id"] == sig.BOT_ID


def test_post_records_call_and_unique_increasing_ts(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    ts = [
        client.chat_postMessage(channel="C1", text=f"m{i}", blocks=[SECTION])["ts"]
        for i in range(3)
    ]
    assert ts == sorted(ts) and len(set(ts)) == 3
    call = fake_slack.calls("chat.postMessage")[0]
    assert call.args["blocks"] == [SECTION] and call.token == fake_slack.token
    assert [m.text for m in fake_slack.messages("C1")] == ["m0", "m1", "m2"]


def test_form_encoded_arguments_are_read(fake_slack: FakeSlack) -> None:
    # api_call(params=...) sends application/x-www-form-urlencoded, blocks as a JSON string
    fake_slack.client().api_call(
        "chat.postMessage", params={"channel": "C1", "text": "x", "blocks": json.dumps([SECTION])}
    )
    assert fake_slack.calls("chat.postMessage")[0].args["blocks"] == [SECTION]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"channel": "C1", "blocks": [{"type": "divider"}] * 51}, "invalid_blocks"),
        (
            {
                "channel": "C1",
                "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}],
            },
            "invalid_blocks",
        ),
        (
            {
                "channel": "C1",
                "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}],
            },
            "invalid_blocks",
        ),
        (
            {
                "channel": "C1",
                "blocks": [
                    {
                        "type": "actions",
                        "elements": [
                            {
                                "type": "button",
                                "action_id": "a",
                                "text": {"type": "plain_text", "text": "ok"},
                                "value": "v" * 2001,
                            }
                        ],
                    }
                ],
            },
            "invalid_blocks",
        ),
        (
            {
                "channel": "C1",
                "blocks": [
                    {
                        "type": "actions",
                        "block_id": "b" * 256,
                        "elements": [
                            {
                                "type": "button",
                                "action_id": "a",
                                "text": {"type": "plain_text", "text": "ok"},
                            }
                        ],
                    }
                ],
            },
            "invalid_blocks",
        ),
        ({"channel": "C1", "blocks": [{"type": "nonsense"}]}, "invalid_blocks"),
        ({"channel": "C1"}, "no_text"),
        ({"text": "hi"}, "channel_not_found"),
        ({"channel": "C1", "text": "x" * 40_001}, "msg_too_long"),
    ],
)
def test_post_message_rules(fake_slack: FakeSlack, kwargs: dict, error: str) -> None:
    with pytest.raises(SlackApiError) as exc:
        # api_call: the typed method would refuse a missing channel before sending
        fake_slack.client().api_call("chat.postMessage", json=kwargs)
    assert _error(exc) == error
    assert fake_slack.messages("C1") == []


def test_channel_errors_are_configurable(fake_slack: FakeSlack) -> None:
    fake_slack.channel_errors["C9"] = "not_in_channel"
    with pytest.raises(SlackApiError) as exc:
        fake_slack.client().chat_postMessage(channel="C9", text="hi")
    assert _error(exc) == "not_in_channel"


def test_update_needs_an_existing_bot_message(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    with pytest.raises(SlackApiError) as exc:
        client.chat_update(channel="C1", ts="123.456", text="x")
    assert _error(exc) == "message_not_found"
    ts = client.chat_postMessage(channel="C1", text="old")["ts"]
    client.chat_update(channel="C1", ts=ts, text="new", blocks=[SECTION])
    msg = fake_slack.message("C1", ts)
    assert msg is not None and msg.text == "new" and msg.blocks == [SECTION] and msg.edits == 1
    theirs = fake_slack.add_message("C1", "a person's message")
    with pytest.raises(SlackApiError) as exc:
        client.chat_update(channel="C1", ts=theirs, text="x")
    assert _error(exc) == "cant_update_message"


def test_rate_limited_once_then_retry_succeeds(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=1))
    fake_slack.fail_next("chat.postMessage", retry_after=0)
    assert client.chat_postMessage(channel="C1", text="hi")["ok"]
    calls = fake_slack.calls("chat.postMessage")
    assert [c.status for c in calls] == [429, 200]
    assert calls[0].error == "ratelimited"
    assert len(fake_slack.messages("C1")) == 1


def test_rate_limit_without_retry_handler_raises(fake_slack: FakeSlack) -> None:
    fake_slack.fail_next("chat.postMessage", retry_after=0)
    client = WebClient(token=fake_slack.token, base_url=fake_slack.api_url, retry_handlers=[])
    with pytest.raises(SlackApiError) as exc:
        client.chat_postMessage(channel="C1", text="hi")
    assert exc.value.response.status_code == 429
    assert exc.value.response.headers.get("Retry-After") in ("0", ["0"])


def test_server_error_then_retry(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    client.retry_handlers.append(ServerErrorRetryHandler(max_retry_count=1))
    fake_slack.fail_next("chat.update", error="internal_error", status=500)
    ts = client.chat_postMessage(channel="C1", text="old")["ts"]
    assert client.chat_update(channel="C1", ts=ts, text="new")["ok"]
    assert [c.status for c in fake_slack.calls("chat.update")] == [500, 200]


def test_delay_and_wait_for(fake_slack: FakeSlack) -> None:
    fake_slack.set_delay("chat.postEphemeral", 0.2)
    client = fake_slack.client()
    worker = threading.Thread(
        target=lambda: client.chat_postEphemeral(channel="C1", user="U1", text="psst")
    )
    started = time.monotonic()
    worker.start()
    calls = fake_slack.wait_for("chat.postEphemeral", timeout=5)
    worker.join()
    assert time.monotonic() - started >= 0.2
    assert calls[0].args["user"] == "U1" and fake_slack.ephemerals()[0]["text"] == "psst"
    with pytest.raises(AssertionError):
        fake_slack.wait_for("chat.delete", timeout=0.05)


MODAL = {
    "type": "modal",
    "callback_id": "x",
    "title": {"type": "plain_text", "text": "Title"},
    "submit": {"type": "plain_text", "text": "Save"},
    "blocks": [
        {
            "type": "input",
            "block_id": "b",
            "label": {"type": "plain_text", "text": "L"},
            "element": {"type": "plain_text_input", "action_id": "a"},
        }
    ],
}


def test_views_open_trigger_ids(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    trigger = fake_slack.new_trigger_id()
    opened = client.views_open(trigger_id=trigger, view=MODAL)
    assert opened["view"]["id"] in fake_slack.views()
    with pytest.raises(SlackApiError) as used:
        client.views_open(trigger_id=trigger, view=MODAL)
    assert _error(used) == "expired_trigger_id"
    expired = fake_slack.new_trigger_id()
    fake_slack.expire_trigger(expired)
    with pytest.raises(SlackApiError) as exc:
        client.views_open(trigger_id=expired, view=MODAL)
    assert _error(exc) == "expired_trigger_id"
    fake_slack.trigger_ttl = 0.0
    stale = fake_slack.new_trigger_id()
    time.sleep(0.01)
    with pytest.raises(SlackApiError) as exc:
        client.views_open(trigger_id=stale, view=MODAL)
    assert _error(exc) == "expired_trigger_id"


@pytest.mark.parametrize(
    "change",
    [
        {"title": {"type": "plain_text", "text": "x" * 25}},
        {"private_metadata": "x" * 3001},
        {"blocks": [{"type": "divider"}] * 101},
        {"submit": None},
    ],
)
def test_views_open_checks_the_modal(fake_slack: FakeSlack, change: dict) -> None:
    view = {k: v for k, v in {**MODAL, **change}.items() if v is not None}
    with pytest.raises(SlackApiError) as exc:
        fake_slack.client().views_open(trigger_id=fake_slack.new_trigger_id(), view=view)
    assert _error(exc) == "invalid_arguments"


def test_views_update(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    view_id = client.views_open(trigger_id="1.2.3", view=MODAL)["view"]["id"]
    assert client.views_update(view_id=view_id, view=MODAL)["ok"]
    with pytest.raises(SlackApiError) as exc:
        client.views_update(view_id="V404", view=MODAL)
    assert _error(exc) == "not_found"


def test_directory_methods(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    fake_slack.usergroups["S1"] = ["U1", "U2"]
    assert client.usergroups_users_list(usergroup="S1")["users"] == ["U1", "U2"]
    with pytest.raises(SlackApiError) as exc:
        client.usergroups_users_list(usergroup="S404")
    assert _error(exc) == "no_such_subteam"
    assert client.users_info(user="U77")["user"]["id"] == "U77"
    assert client.conversations_info(channel="C1")["channel"]["id"] == "C1"
    link = client.chat_getPermalink(channel="C1", message_ts="1.000002")["permalink"]
    assert link.startswith("https://") and "C1" in link


def test_response_url_records_and_limits_uses(fake_slack: FakeSlack) -> None:
    url = fake_slack.response_url("r1")
    hook = WebhookClient(url)
    statuses = [hook.send(text=f"reply {i}").status_code for i in range(6)]
    assert statuses == [200] * 5 + [404]
    assert [r.payload["text"] for r in fake_slack.responses("r1")] == [
        f"reply {i}" for i in range(5)
    ]


def test_file_upload_v2(fake_slack: FakeSlack) -> None:
    resp = fake_slack.client().files_upload_v2(
        channel="C1", content="a,b\n1,2\n", filename="report.csv", title="Report"
    )
    assert resp["ok"]
    [upload] = fake_slack.uploads().values()
    assert upload["content"] == b"a,b\n1,2\n" and upload["title"] == "Report"


# -- signing helpers --------------------------------------------------------------------------


def _verifies(body: str, headers: dict[str, str]) -> bool:
    return SignatureVerifier(sig.SIGNING_SECRET).is_valid_request(body, headers)


def test_signed_slash_command_verifies() -> None:
    body = sig.slash_command_body(
        "40 units SKU-12 obsolete at $15",
        user_id="U1",
        channel_id="C1",
        response_url="http://x/response/1",
        trigger_id="1.2.3",
    )
    headers = sig.headers(sig.SIGNING_SECRET, body)
    assert _verifies(body, headers)
    form = parse_qs(body)
    assert form["command"] == ["/writeoff"] and form["text"] == ["40 units SKU-12 obsolete at $15"]
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_signature_rejects_tampering_and_old_timestamps() -> None:
    body = sig.slash_command_body("hi", user_id="U1", channel_id="C1")
    headers = sig.headers(sig.SIGNING_SECRET, body)
    assert not _verifies(body + "x", headers)
    assert not _verifies(body, sig.headers("other-secret", body))
    old = sig.headers(sig.SIGNING_SECRET, body, timestamp=int(time.time()) - 600)
    assert not _verifies(body, old)


def test_interaction_and_event_bodies() -> None:
    blocks = [
        {
            "type": "actions",
            "block_id": "entry_7_actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": "approve",
                    "value": "7",
                    "text": {"type": "plain_text", "text": "Approve"},
                }
            ],
        }
    ]
    payload = sig.block_actions_payload("approve", "7", "U2", "C1", "1.000001", blocks=blocks)
    body = sig.interaction_body(payload)
    assert _verifies(body, sig.headers(sig.SIGNING_SECRET, body))
    decoded = json.loads(parse_qs(body)["payload"][0])
    assert decoded["actions"][0]["block_id"] == "entry_7_actions"
    assert decoded["container"]["message_ts"] == "1.000001"

    event = sig.event_callback_body(sig.message_event("hi", "U1", "C1", "1.5"), "Ev1")
    headers = sig.headers(sig.SIGNING_SECRET, event, retry_num=1)
    assert _verifies(event, headers)
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Slack-Retry-Num"] == "1" and headers["X-Slack-Retry-Reason"]
    assert json.loads(event)["event_id"] == "Ev1"

    state = {**sig.text_field("memo", "note"), **sig.select_field("line_0_account", "5000")}
    submission = sig.view_submission_payload("edit_entry", "7", state, "U2")
    assert (
        submission["view"]["state"]["values"]["line_0_account"]["line_0_account"][
            "selected_option"
        ]["value"]
        == "5000"
    )
    shortcut = sig.message_shortcut_payload("draft_writeoff", "U2", "C1", "1.5", "4 broken")
    assert shortcut["type"] == "message_action" and shortcut["message"]["text"] == "4 broken"


def test_oauth_v2_access_trades_a_code_once_for_the_workspace_token(fake_slack: FakeSlack) -> None:
    anon = WebClient(base_url=fake_slack.api_url)
    code = fake_slack.install_code("T0OTHER")
    with pytest.raises(SlackApiError) as bad:
        anon.oauth_v2_access(client_id=fake_slack.client_id, client_secret="wrong", code=code)
    assert _error(bad) == "bad_client_secret"
    with pytest.raises(SlackApiError) as unknown:
        anon.oauth_v2_access(client_id="9.9", client_secret=fake_slack.client_secret, code=code)
    assert _error(unknown) == "invalid_client_id"
    got = anon.oauth_v2_access(
        client_id=fake_slack.client_id, client_secret=fake_slack.client_secret, code=code
    )
    assert got["team"]["id"] == "T0OTHER" and got["token_type"] == "bot"
    with pytest.raises(SlackApiError) as reused:
        anon.oauth_v2_access(
            client_id=fake_slack.client_id, client_secret=fake_slack.client_secret, code=code
        )
    assert _error(reused) == "invalid_code"
    # auth.test answers for the token's own workspace; the original token keeps its own.
    me = fake_slack.client(token=got["access_token"]).auth_test()
    assert me["team_id"] == "T0OTHER" and me["user_id"] == got["bot_user_id"]
    assert fake_slack.client().auth_test()["team_id"] == sig.TEAM_ID
    fake_slack.revoke_team("T0OTHER")
    with pytest.raises(SlackApiError) as revoked:
        fake_slack.client(token=got["access_token"]).auth_test()
    assert _error(revoked) == "invalid_auth"
